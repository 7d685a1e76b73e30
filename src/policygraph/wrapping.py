"""Lines laid out at a fixed width: where a paragraph was wrapped, and where it ends.

Official documents are typeset at a fixed line width (GB/T 9704: 28 characters a
line, every paragraph indented by two), so a copy taken from a PDF or a printed page
breaks every paragraph at the margin. A line that runs to the margin goes on in the
next line, unless that one opens a heading or a new (indented) paragraph; where the
copy lost the indent, a line that ends a sentence is taken to end its paragraph. A
line with column gaps is a table row and never wraps.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Sequence

from policygraph.markers import MARKER_LEVELS

SENTENCE_ENDS = "。；：！？:;!?"
"""Characters after which a full line ends its paragraph rather than wrapping."""
FULL_LINE_SHARE = 0.9
"""A line at least this share of the margin's width runs to the margin."""
COLUMN_GAP = re.compile(r" {2,}")
TABLE_ROW = re.compile(r"[|\t]|  ")  # two spaces or more: a search needs two
"""A line with column separators (a `|`, a tab, a gap of two spaces or more; full-width
spaces are half-width by the time a rule reads the text) is a table row: never half of a
cut sentence, a line a page break cuts or a paragraph printed twice."""
MIN_INDENTS = 3
INDENTED_SHARE = 0.5
"""A copy keeps its paragraphs' indents when at least `MIN_INDENTS` and this share of the
lines after a line short of the margin (a paragraph's first lines) open with one."""


NARROW = re.compile("[\x00-\u2e7f]")
"""The characters one half-width cell wide: everything before the CJK radicals (U+2E80)."""


def display_width(line: str) -> int:
    """Width in half-width cells: ideographs and full-width forms count two."""
    return 2 * len(line) - len(NARROW.findall(line))


def runs_to_margin(line: str, width: int, indent: int = 0) -> bool:
    """Whether the stripped `line`, after an indent of `indent` half-width cells, fills a
    line of `width` cells (a table row, cells apart by `COLUMN_GAP`, never does)."""
    return display_width(line) + indent >= FULL_LINE_SHARE * width and not COLUMN_GAP.search(line)


def opens_heading(line: str) -> bool:
    """Whether the stripped `line` opens with a heading marker (一、 （一） 1. …)."""
    return any(marker.match(line) for _, marker in MARKER_LEVELS)


def wraps(line: str, following: str, width: int, indent: int = 0) -> bool:
    """Whether the stripped `line`, laid out at `width` half-width cells after an indent of
    `indent`, goes on in the stripped line `following`, where indents cannot tell: it runs
    to the margin, ends no sentence, and `following` opens no heading."""
    return (
        runs_to_margin(line, width, indent)
        and not line.endswith(tuple(SENTENCE_ENDS))
        and not opens_heading(following)
    )


def continued(lines: Sequence[tuple[str, int]], width: int) -> list[bool]:
    """For each of `lines` (stripped, with the width of its indent in half-width cells),
    laid out at `width` cells, whether it goes on in the next: where the copy keeps the
    paragraphs' indents, a full line goes on unless the next is indented or opens a
    heading (a sentence may end at the margin); elsewhere by `wraps`."""
    pairs = list(itertools.pairwise(lines))
    starts = [
        indent > 0
        for (line, before), (_, indent) in pairs
        if not runs_to_margin(line, width, before)
    ]
    if sum(starts) >= max(MIN_INDENTS, INDENTED_SHARE * len(starts)):
        joins = [
            runs_to_margin(line, width, before) and indent == 0 and not opens_heading(following)
            for (line, before), (following, indent) in pairs
        ]
    else:
        joins = [wraps(line, following, width, before) for (line, before), (following, _) in pairs]
    return [*joins, False]
