"""The text pipeline: `spacy.blank("zh")` (one token per character) and policygraph's components.

`nlp.pipe_names` is the visible list of text stages. Each component is a thin
wrapper over a pure function of `structure.py` or `extract/`; it reads what
earlier components stored on the Doc (`requires`) and stores its own result
(`assigns`) as a Doc extension and, where it points at text, as `doc.spans`.
The caller's inputs (doc._.normalized, doc._.given_metadata) are set before the
pipeline runs, so no component declares them. The only module that imports spaCy (through
spacy_runtime.py: without spaCy's command line).

Components read the text as `doc._.normalized.text`, never `doc.text`: spaCy
rebuilds `doc.text` from every token on each access, which cost a third of
the build time.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Mapping
from dataclasses import replace
from functools import cache

from policygraph.extract import find_targets, plan_from_parts
from policygraph.extract.citations import find_citations
from policygraph.extract.completeness import text_cuts
from policygraph.extract.measures import find_measures
from policygraph.extract.metadata import Metadata, find_metadata, region_of_code, region_of_issuer
from policygraph.extract.place import region_spoken_of
from policygraph.extract.responsibility import find_assignments, find_domain_leads
from policygraph.lexicon_data import load_lexicon
from policygraph.model import Plan, Quote
from policygraph.normalize import Normalized
from policygraph.read import MAX_BYTES
from policygraph.spacy_runtime import Doc, Language, Vocab, spacy
from policygraph.structure import outline_text

WHITESPACE = re.compile(r"\s+")
PIPELINE = ("pg_outline", "pg_metadata", "pg_citations", "pg_measures", "pg_targets")

for _name in (
    "normalized",
    "given_metadata",
    "outline",
    "metadata",
    "jurisdiction",
    "citations",
    "measures",
    "domain_leads",
    "assignments",
    "targets",
):
    if not Doc.has_extension(_name):
        Doc.set_extension(_name, default=None)


@Language.component("pg_outline", assigns=["doc._.outline", "doc.spans"])
def outline_component(doc: Doc) -> Doc:
    doc._.outline = outline_text(doc._.normalized.text)
    doc.spans["headings"] = [
        span
        for s in doc._.outline.sections
        if (span := doc.char_span(s.heading.start, s.heading.title_end, alignment_mode="expand"))
    ]
    doc.spans["tables"] = [
        span
        for t in doc._.outline.tables
        if (span := doc.char_span(t.start, t.end, alignment_mode="expand"))
    ]
    return doc


@Language.component(
    "pg_metadata", requires=["doc._.outline"], assigns=["doc._.metadata", "doc._.jurisdiction"]
)
def metadata_component(doc: Doc) -> Doc:
    text = doc._.normalized.text
    metadata = find_metadata(text, doc._.normalized.quote, doc._.given_metadata)
    doc._.metadata = replace(metadata, cut=text_cuts(text, doc._.outline))
    lexicon = load_lexicon()
    doc._.jurisdiction = lexicon.find_jurisdiction(
        metadata.title, *metadata.issuers, metadata.carried, context=text
    ) or region_of_code(metadata.doc_number, lexicon.issuers)
    doc._.jurisdiction = (
        doc._.jurisdiction
        or region_of_issuer((metadata.title, *metadata.issuers), lexicon.issuers)
        or region_spoken_of(text, lexicon)
    )
    return doc


@Language.component(
    "pg_citations", requires=["doc._.outline", "doc._.metadata"], assigns=["doc._.citations"]
)
def citations_component(doc: Doc) -> Doc:
    sections = doc._.outline.sections
    preamble_end = sections[0].start if sections else len(doc._.normalized.text)
    metadata = doc._.metadata
    own_number = metadata.doc_number.normal if metadata.doc_number else None
    doc._.citations = find_citations(
        doc._.normalized.text,
        doc._.normalized.quote,
        metadata.title,
        own_number,
        preamble_end,
        _region_names(),
    )
    return doc


@cache
def _region_names() -> frozenset[str]:
    """The names of the lexicon's regions, made once per process, not once per plan."""
    return frozenset(load_lexicon().regions)


@Language.component(
    "pg_measures",
    requires=["doc._.outline"],
    assigns=["doc._.measures", "doc._.domain_leads", "doc._.assignments"],
)
def measures_component(doc: Doc) -> Doc:
    lexicon = load_lexicon()
    doc._.measures = find_measures(
        doc._.normalized.text, doc._.outline, doc._.normalized.quote, lexicon
    )
    doc._.domain_leads = find_domain_leads(doc._.normalized.text, doc._.normalized.quote, lexicon)
    doc._.assignments = find_assignments(
        doc._.normalized.text,
        sorted((m.start, m.end) for m in doc._.measures),
        doc._.normalized.quote,
        lexicon,
    )
    return doc


@Language.component(
    "pg_targets",
    requires=["doc._.outline", "doc._.metadata", "doc._.measures"],
    assigns=["doc._.targets", "doc.spans"],
)
def targets_component(doc: Doc) -> Doc:
    normalized = doc._.normalized
    metadata = doc._.metadata
    doc._.targets = find_targets(
        normalized.text,
        doc._.outline,
        doc._.measures,
        load_lexicon(),
        normalized.quote,
        _issue_year(metadata),
        metadata.title_quote,
    )
    doc.spans["targets"] = [
        span
        for target in doc._.targets
        if (span := doc.char_span(*_text_span(normalized, target.quote), label="target"))
    ]
    return doc


def _issue_year(metadata: Metadata) -> int | None:
    """The year the document was issued: the year of its own 发文字号 (国发〔2019〕4号 was
    issued in 2019; a number is given when the document is issued), else its date, which
    on a copy may be the day a site posted it, years later."""
    if metadata.doc_number is not None and metadata.doc_number.year:
        return metadata.doc_number.year
    return metadata.issued.year if metadata.issued is not None else None


def _text_span(normalized: Normalized, quote: Quote) -> tuple[int, int]:
    """The span of the normalised text behind a quote of the source (offsets ascend)."""
    start = bisect.bisect_left(normalized.offsets, quote.start)
    return start, bisect.bisect_left(normalized.offsets, quote.end - 1) + 1


@cache
def make_nlp() -> Language:
    """The pipeline: blank Chinese segmented by character, plus policygraph's components.

    The extractors read the text and character offsets, never word tokens, so jieba's
    segmentation (0.4–0.5 s per process to import and load its dictionary) is not used.
    """
    nlp = spacy.blank("zh", config={"nlp": {"tokenizer": {"segmenter": "char"}}})
    # for callers that pass a string (nlp(text)): spaCy's 1,000,000-character default guards
    # parsers this pipeline does not have; a text within the file size limit must not meet it
    nlp.max_length = MAX_BYTES
    for name in PIPELINE:
        nlp.add_pipe(name)
    return nlp


def char_tokens(text: str) -> tuple[list[str], list[bool]]:
    """The words and trailing-space flags of spaCy's "char" segmenter, in linear time.

    spaCy aligns segmented words with `get_words_and_spaces`, which slices the rest of
    the text for every word: quadratic, 33 s for a text of a million characters. Here:
    each non-space character a token, taking one following space as its trailing space;
    any other run of whitespace a token of its own.
    """
    words: list[str] = []
    spaces: list[bool] = []
    at = 0
    for blank in WHITESPACE.finditer(text):
        start, end = blank.span()
        words.extend(text[at:start])
        spaces.extend([False] * (start - at))
        if start and text[start] == " ":  # the character before takes one space
            spaces[-1] = True
            start += 1
        if start < end:
            words.append(text[start:end])
            spaces.append(False)
        at = end
    words.extend(text[at:])
    spaces.extend([False] * (len(text) - at))
    return words, spaces


def word_ids(vocab: Vocab, words: list[str]) -> list[int]:
    """The words as ids of `vocab`'s string store, from which spaCy makes the same Doc as
    from the words without hashing each of them again: a text's few thousand distinct
    characters are looked up once per process, not each of its characters once per plan
    (1.8 → 0.6 ms for a text of 11,000 characters; issue 16, build CPU)."""
    known = _word_ids(vocab)
    try:
        return list(map(known.__getitem__, words))
    except KeyError:  # a word this process has not met yet
        known.update((word, vocab.strings.add(word)) for word in set(words).difference(known))
        return list(map(known.__getitem__, words))


@cache
def _word_ids(vocab: Vocab) -> dict[str, int]:
    """The ids of the words met so far, for one vocabulary."""
    return {}


def plan_from_text(
    source_file: str, normalized: Normalized, metadata: Mapping[str, str] | None = None
) -> Plan:
    """Run the pipeline over a normalised text and gather its `Plan`; `metadata` is
    the document's metadata table when the reader found one (key → normalised value)."""
    nlp = make_nlp()
    words, spaces = char_tokens(normalized.text)
    doc = Doc(nlp.vocab, word_ids(nlp.vocab, words), spaces)
    doc._.normalized = normalized
    doc._.given_metadata = metadata
    doc = nlp(doc)
    return plan_from_parts(
        source_file,
        doc._.metadata,
        doc._.jurisdiction,
        doc._.citations,
        doc._.measures,
        doc._.targets,
        doc._.domain_leads,
        doc._.assignments,
    )
