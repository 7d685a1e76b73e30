"""Extraction: from a normalised, outlined plan text to a `Plan` record.

Each function here is pure: text and outline in, records out. `nlp.py` wraps
them as spaCy components; `plan_from_parts` gathers what they found.
"""

from __future__ import annotations

from dataclasses import replace

from policygraph.extract.departments import mentions_in_lists
from policygraph.extract.measures import MeasureSpan, is_background_title
from policygraph.extract.metadata import Metadata
from policygraph.extract.targets import table_targets, text_targets
from policygraph.lexicon import Lexicon
from policygraph.model import Citation, DepartmentMention, Plan, QuoteMaker, Target
from policygraph.structure import Outline


def find_targets(
    text: str,
    outline: Outline,
    measures: list[MeasureSpan],
    lexicon: Lexicon,
    quote: QuoteMaker,
) -> list[Target]:
    """All targets of a plan, tables first, each (indicator, year, region) once."""
    found: list[Target] = []
    for table in outline.tables:
        found.extend(table_targets(table, quote))
    for start, end in outline.paragraphs:
        section = outline.section_at(start)
        if section and any(
            is_background_title(s.heading.title) for s in outline.ancestors(section.key)
        ):
            continue
        paragraph = text[start:end]
        measure = _innermost(measures, start)
        own_units = mentions_in_lists(paragraph, start, quote, lexicon)
        for target in text_targets(paragraph, start, quote):
            units = own_units or (measure.own or measure.measure.responsible if measure else ())
            found.append(
                replace(target, measure=measure.measure.key if measure else None, responsible=units)
            )
    return _share_owners_across_years(_merge_restatements(found, lexicon), lexicon)


def _innermost(measures: list[MeasureSpan], offset: int) -> MeasureSpan | None:
    inside = [m for m in measures if m.start <= offset < m.end]
    return min(inside, key=lambda m: m.end - m.start, default=None)


def _merge_restatements(targets: list[Target], lexicon: Lexicon) -> list[Target]:
    """A target restated in the table and the text, or twice in the text, is one
    target: the table's (or the first) statement wins; it takes its owners from a
    restatement when it names none itself."""
    kept: dict[tuple[str, int | None, str | None], Target] = {}
    for target in targets:
        key = (lexicon.indicator(target.indicator).key, target.year, target.region)
        if key not in kept:
            kept[key] = target
        elif not kept[key].responsible and target.responsible:
            kept[key] = replace(kept[key], responsible=target.responsible, measure=target.measure)
    return list(kept.values())


def _share_owners_across_years(targets: list[Target], lexicon: Lexicon) -> list[Target]:
    """One statement of an indicator for several years (养老床位1.3万张、1.5万张) is one
    commitment: a year it names no owner for takes the owners that another year of
    the same statement (same indicator, same source line) found by restatement."""
    owned: dict[tuple[str, str | None, int], Target] = {}
    for target in targets:
        key = (lexicon.indicator(target.indicator).key, target.region, target.quote.line)
        if target.responsible:
            owned.setdefault(key, target)
    shared = []
    for target in targets:
        key = (lexicon.indicator(target.indicator).key, target.region, target.quote.line)
        owner = owned.get(key)
        if owner is not None and not target.responsible:
            target = replace(target, responsible=owner.responsible)
        shared.append(target)
    return shared


def plan_from_parts(
    source_file: str,
    metadata: Metadata,
    jurisdiction: str | None,
    citations: list[Citation],
    measures: list[MeasureSpan],
    targets: list[Target],
    domain_leads: tuple[tuple[str, DepartmentMention], ...] = (),
) -> Plan:
    """The `Plan` record of one plan text."""
    return Plan(
        source_file=source_file,
        title=metadata.title,
        title_quote=metadata.title_quote,
        doc_number=metadata.doc_number,
        doc_number_quote=metadata.doc_number_quote,
        issued=metadata.issued,
        issued_quote=metadata.issued_quote,
        issuer=metadata.issuer,
        jurisdiction=jurisdiction,
        citations=tuple(citations),
        measures=tuple(m.measure for m in measures),
        targets=tuple(targets),
        domain_leads=domain_leads,
    )
