"""The clauses with a number that the sentence-kind classifier reads, and their labels.

Running text states a figure for one of four reasons: a target (到2025年，托位数达到4.5个),
a baseline or report on the present (截至2021年底，全省养老床位达到21.3万张), a policy
parameter (每张床位补助1.5万元, 按每千人口不少于10个托位配建), or something else (a
date, an age, an article number). The rules of `clauses.py` and `values.py` decide
this clause by clause; where they keep failing, a text classifier trained on the gold
annotations (`scripts/train_sentence_kind.py`) is consulted.

A classified clause is read with the words of its sentence before it, which carry the
openers that make a sentence a report (截至…, 目前…, “十三五”期间…). Every function here
is pure: text and spans in, clauses and labels out.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterable
from dataclasses import dataclass

from policygraph.cues import cue_pattern
from policygraph.extract.clauses import BACKGROUND_LEAD, NORM_CUE, cut_clauses, scoped_clauses
from policygraph.markers import ITEM_MARKER
from policygraph.normalize import Normalized

TARGET, BASELINE, PARAMETER, OTHER = "TARGET", "BASELINE", "PARAMETER", "OTHER"
LABELS = (TARGET, BASELINE, PARAMETER, OTHER)

NOT_FIGURE = re.compile(
    rf"(?:19|20)\d{{2}}\s*(?:年|[—–\-~～至](?=(?:19|20)\d{{2}}))|^\s*(?:{ITEM_MARKER})"
)
"""A year (2025年), the first year of a range (2021—2025) or the marker of a numbered
item (1. 加大资金投入。): numbers that state no figure."""

PARAMETER_CUE = re.compile(rf"{cue_pattern('parameter')}|{NORM_CUE.pattern}")
"""The words of a subsidy, fund or norm (补助, 补贴标准, 按每千人口…): data/cues.csv."""


FIGURE = re.compile(r"\d+(?:\.\d+)?")
"""A figure, which the classifier reads as 0: what a clause says of its figure is in
its words (达到0%, 截至0年底), and the figures themselves differ from plan to plan."""


@dataclass(frozen=True)
class NumberedClause:
    """A clause of running text with a figure in it: its span in the normalised text,
    the text the classifier reads (its sentence up to the clause's end, figures as 0),
    the clause itself, and whether the target reader's rules take it for a report on
    the present."""

    start: int
    end: int
    text: str
    own: str
    reports: bool


def has_figure(clause: str) -> bool:
    """Whether a clause states a number other than a year or an item's number."""
    return any(ch.isdigit() for ch in NOT_FIGURE.sub("", clause))


def numbered_clauses(text: str, paragraphs: Iterable[tuple[int, int]]) -> list[NumberedClause]:
    """The clauses with a figure of the paragraphs of a normalised text, in text order."""
    found: list[NumberedClause] = []
    for p_start, p_end in sorted(paragraphs):
        paragraph = text[p_start:p_end]
        background = BACKGROUND_LEAD.match(paragraph) is not None
        reports = {c.start: c.reports for c in scoped_clauses(paragraph)}
        sentence_start = 0
        for start, clause in cut_clauses(paragraph):
            if has_figure(clause):
                found.append(
                    NumberedClause(
                        p_start + start,
                        p_start + start + len(clause),
                        FIGURE.sub("0", paragraph[sentence_start : start + len(clause)].strip()),
                        clause,
                        background or reports.get(start, False),
                    )
                )
            if clause.endswith("。"):
                sentence_start = start + len(clause)
    return found


def labelled_clauses(
    normalized: Normalized, paragraphs: Iterable[tuple[int, int]], quotes: Iterable[str]
) -> list[tuple[NumberedClause, str]]:
    """The numbered clauses of a text with their kind, given the quotes of its gold
    targets (exact substrings of the source text): TARGET when a quote overlaps the
    clause; otherwise what the rules say of it — PARAMETER when it names a subsidy,
    fund or norm, BASELINE when they take it for a report, OTHER for the rest."""
    gold = quote_spans(normalized.source, quotes)
    return [
        (clause, label(clause, overlaps(gold, *normalized.source_span(clause.start, clause.end))))
        for clause in numbered_clauses(normalized.text, paragraphs)
    ]


def label(clause: NumberedClause, is_target: bool) -> str:
    """The kind of a numbered clause (see `labelled_clauses`)."""
    if is_target:
        return TARGET
    if PARAMETER_CUE.search(clause.own):
        return PARAMETER
    if clause.reports:
        return BASELINE
    return OTHER


def overlaps(spans: list[tuple[int, int]], start: int, end: int) -> bool:
    """Whether any of `spans` (sorted by start) overlaps [start, end)."""
    index = bisect.bisect_left(spans, (end, end))
    return any(s_end > start for _s, s_end in spans[:index])


def quote_spans(text: str, quotes: Iterable[str]) -> list[tuple[int, int]]:
    """Every place each quote occurs in `text`, sorted."""
    spans = []
    for quote in quotes:
        if not quote:
            continue
        at = text.find(quote)
        while at >= 0:
            spans.append((at, at + len(quote)))
            at = text.find(quote, at + 1)
    return sorted(spans)


def clause_at(clauses: list[NumberedClause], start: int, end: int) -> NumberedClause | None:
    """The last numbered clause overlapping [start, end) — the one holding a target's
    value, which its quote ends with — or None."""
    index = bisect.bisect_left([c.start for c in clauses], end)
    return clauses[index - 1] if index and clauses[index - 1].end > start else None
