"""The sentence-kind classifier as a pipeline component: a second opinion on the
running-text targets the rules found.

`pg_sentence_kind` runs after `pg_targets`. For each target stated in running text it
reads the clause holding the target's value (with its sentence before it, see
`extract/sentence_kind.py`) with a spaCy textcat trained by
`scripts/train_sentence_kind.py`, and drops the target when the classifier gives that
clause a probability of being a target below 1 - `threshold` (it is a baseline, a
parameter or another figure with confidence `threshold`). Table targets are left alone.

The model is loaded on first use and once per process; a document without running-text
targets never loads it. `gold_examples` and `train_classifier` make a model from gold
annotations (`scripts/train_sentence_kind.py` is their command line).

Beside `nlp.py`, the one module that imports spaCy: a trained model is spaCy's.
The component is not in the default pipeline: measured on the dev set's heldout part it
lowers target F1 (README, "Sentence-kind classifier"). Add it with
`make_nlp().add_pipe("pg_sentence_kind", after="pg_targets", config={...})`.
"""

from __future__ import annotations

import bisect
import json
import random
from collections.abc import Iterable
from functools import cache
from pathlib import Path

import spacy
from spacy.language import Language
from spacy.tokens import Doc
from spacy.training import Example
from spacy.util import fix_random_seed, minibatch

from policygraph.errors import PolicygraphError
from policygraph.extract.sentence_kind import (
    LABELS,
    TARGET,
    NumberedClause,
    clause_at,
    labelled_clauses,
    numbered_clauses,
)
from policygraph.model import Target
from policygraph.normalize import Normalized, normalize_text
from policygraph.read import read_plan
from policygraph.structure import outline_text

MODEL_DIR = Path(__file__).parent / "models" / "sentence_kind"
SEED = 0
EPOCHS = 12
DROPOUT = 0.2
BATCH = 16
TEXTCAT = {
    "model": {
        "@architectures": "spacy.TextCatBOW.v3",
        "exclusive_classes": True,
        "ngram_size": 3,
        "no_output_layer": False,
        "length": 2**16,
    }
}
"""A bag of character 1-3-grams over 65,536 hashed rows: a model of about 1 MB."""


def gold_examples(gold_path: Path, text_dir: Path) -> list[tuple[NumberedClause, str]]:
    """The labelled numbered clauses of the text a gold file annotates (in `text_dir`)."""
    gold = json.loads(gold_path.read_text(encoding="utf-8"))
    normalized = normalize_text(read_plan(text_dir / gold["file"]).text)
    quotes = [target["quote"] for target in gold["targets"]]
    return labelled_clauses(normalized, outline_text(normalized.text).paragraphs, quotes)


def train_classifier(examples: Iterable[tuple[str, str]]) -> Language:
    """A blank Chinese pipeline (one token per character) with a textcat trained on
    (classifier text, label) pairs: fixed seed, fixed order, CPU — the same data gives
    the same model."""
    fix_random_seed(SEED)
    nlp = spacy.blank("zh", config={"nlp": {"tokenizer": {"segmenter": "char"}}})
    nlp.add_pipe("textcat", config=TEXTCAT)
    data = [
        Example.from_dict(nlp.make_doc(text), {"cats": {k: float(k == kind) for k in LABELS}})
        for text, kind in examples
    ]
    optimizer = nlp.initialize(lambda: data)
    shuffle = random.Random(SEED)
    for _epoch in range(EPOCHS):
        order = data[:]
        shuffle.shuffle(order)
        for batch in minibatch(order, size=BATCH):
            nlp.update(batch, drop=DROPOUT, sgd=optimizer)
    return nlp


@cache
def load_classifier(path: str) -> Language:
    """The trained pipeline at `path`, loaded once per process."""
    if not (Path(path) / "config.cfg").is_file():
        raise PolicygraphError(f"{path}: no sentence-kind model here (config.cfg missing)")
    return spacy.load(path)


def target_probabilities(classifier: Language, texts: list[str]) -> list[float]:
    """The probability that each classifier text states a target."""
    return [doc.cats[TARGET] for doc in classifier.pipe(texts)]


class SentenceKind:
    """Drops running-text targets whose clause the classifier takes for no target."""

    def __init__(self, model: str, threshold: float) -> None:
        self.model, self.threshold = model, threshold

    def __call__(self, doc: Doc) -> Doc:
        normalized = doc._.normalized
        kept = self.kept(normalized, doc._.outline.paragraphs, doc._.targets)
        if len(kept) < len(doc._.targets):
            quotes = {t.quote for t in kept}
            dropped = {
                bisect.bisect_left(normalized.offsets, t.quote.start)
                for t in doc._.targets
                if t.quote not in quotes
            }
            doc._.targets = kept
            doc.spans["targets"] = [s for s in doc.spans["targets"] if s.start_char not in dropped]
        return doc

    def kept(
        self,
        normalized: Normalized,
        paragraphs: tuple[tuple[int, int], ...],
        targets: list[Target],
    ) -> list[Target]:
        """The targets the classifier does not overrule; only the paragraphs where a
        running-text target starts are cut into clauses."""
        inline = [t for t in targets if t.source == "inline"]
        if not inline:
            return targets
        starts = sorted(bisect.bisect_left(normalized.offsets, t.quote.start) for t in inline)
        stating = [p for p in paragraphs if _holds_any(starts, *p)]
        clauses = numbered_clauses(normalized.text, stating)
        in_source = [_in_source(normalized, c) for c in clauses]
        at = {id(t): clause_at(in_source, t.quote.start, t.quote.end) for t in inline}
        texts = sorted({c.text for c in at.values() if c is not None})
        classifier = load_classifier(self.model)
        odds = dict(zip(texts, target_probabilities(classifier, texts), strict=True))
        floor = 1 - self.threshold
        return [
            t for t in targets if (clause := at.get(id(t))) is None or odds[clause.text] >= floor
        ]


def _holds_any(offsets: list[int], start: int, end: int) -> bool:
    """Whether any of the sorted `offsets` lies in [start, end)."""
    index = bisect.bisect_left(offsets, start)
    return index < len(offsets) and offsets[index] < end


def _in_source(normalized: Normalized, clause: NumberedClause) -> NumberedClause:
    """A clause with its span in the source text (where target quotes point)."""
    start, end = normalized.source_span(clause.start, clause.end)
    return NumberedClause(start, end, clause.text, clause.own, clause.reports)


@Language.factory(
    "pg_sentence_kind",
    requires=["doc._.outline", "doc._.targets"],
    assigns=["doc._.targets", "doc.spans"],
    default_config={"model": str(MODEL_DIR), "threshold": 0.99},
)
def make_sentence_kind(nlp: Language, name: str, model: str, threshold: float) -> SentenceKind:
    """The component, configured by the model's folder and the confidence it must have
    that a clause is no target before its target is dropped."""
    return SentenceKind(model, threshold)
