"""Indicator tables of a PDF as pypdf lays them out: cells wrapped inside their column
and a merged cell printed once, put back into their rows.

Plans set their main-indicator tables in narrow columns. A long indicator name wraps
onto a second line inside its cell (养老机构护理型床位占 / 比), and a 领域/类别 cell
merged over the rows of a group is printed once, vertically centred: on the middle row
of the group, or, where the middle falls between two rows, on a line of its own there or
on the lower of the two (Word, WPS). pypdf's layout mode keeps every piece of text at its
place on the line, so a piece's position tells the cell it belongs to. `mend_tables`
gives each row of a table headed by a header row (`tables.is_header_row`) on one line,
its wrapped pieces joined to their cells and the merged cell on every row of its group;
every other line stays as it was.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from policygraph.cues import cue_pattern, words_with
from policygraph.extract.cells import CELL_VALUE, EMPTY_CELL
from policygraph.tables import is_header_row
from policygraph.wrapping import opens_heading

TOLERANCE = 2
"""Characters a piece may stand off the edge of the cell it belongs to: pypdf places
text by its x position in characters of one width, and ideographs run wider than that."""
CELL_GAP = "    "
GROUP_ROW_LENGTH = 20
"""The longest line between two rows of a table that stays in it: a group row
(一、养老服务) or a page's number (— 5 —), not prose."""
PIECE = re.compile(r"\S+(?: \S+)*")
"""Text between column gaps (two or more spaces); one space stays inside a cell."""
GROUP_HEADERS = frozenset(words_with("header", "group"))
"""Header words of a column merged over groups of rows (data/cues.csv): 领域, 类别 …"""
FIGURE_HEADER = re.compile(
    "^(?:"
    + "|".join(words_with("header", "serial"))
    + r")$|\d{4}|"
    + cue_pattern("header_year", "header_change")
)
"""A header over figures: a serial (序号), a year (2025年), a base or goal (目标值), a change
(年均增长); data/cues.csv."""


@dataclass(frozen=True)
class Piece:
    """Text at a place on a laid-out line: `start` and `end` in characters."""

    text: str
    start: int
    end: int


@dataclass
class Row:
    """A table row as laid out: its cells and the lines it was printed on."""

    cells: list[Piece]
    lines: list[str]
    mended: bool = False


@dataclass(frozen=True)
class Merged:
    """A merged cell printed on a line of its own, after `rows` rows of the body."""

    piece: Piece
    line: str
    rows: int


Item = Row | Merged | str
"""A part of a table block; a str is a line kept as it is (blank, a group row 一、养老服务)."""


def pieces(line: str) -> list[Piece]:
    """The pieces of text on a laid-out line, apart by column gaps."""
    return [Piece(m.group(), m.start(), m.end()) for m in PIECE.finditer(line)]


@dataclass(frozen=True)
class Columns:
    """A table's columns as its header line sets them: the header's pieces, the group
    column (领域, 类别) if any, and the columns of figures (序号, years, 目标值)."""

    header: tuple[Piece, ...]
    group: int | None
    figures: frozenset[int]

    def of(self, cell: Piece) -> int:
        """The column `cell` stands in: the header cell it overlaps most, else the nearest."""

        def fit(k: int) -> tuple[int, int]:
            column = self.header[k]
            overlap = min(cell.end, column.end) - max(cell.start, column.start)
            return overlap, -abs(cell.start - column.start)

        return max(range(len(self.header)), key=fit)

    def in_group(self, piece: Piece) -> bool:
        """Whether `piece` is words that sit in the group column, from its start to the
        start of the next column."""
        if self.group is None:
            return False
        following = self.header[self.group + 1].start if self.group + 1 < len(self.header) else None
        return (
            self.header[self.group].start - TOLERANCE <= piece.start
            and (following is None or piece.end <= following)
            and not _holds_value(piece.text)
            and not opens_heading(piece.text)
        )

    def group_cell(self, cells: list[Piece]) -> Piece | None:
        return next((c for c in cells if self.of(c) == self.group), None)


def columns(header: list[Piece]) -> Columns:
    return Columns(
        tuple(header),
        next((k for k, p in enumerate(header) if p.text in GROUP_HEADERS), None),
        frozenset(k for k, p in enumerate(header) if FIGURE_HEADER.search(p.text)),
    )


def mend_tables(lines: list[str]) -> list[str]:
    """Laid-out lines with every table's rows mended (see the module)."""
    mended: list[str] = []
    index = 0
    while index < len(lines):
        header = pieces(lines[index])
        if len(header) < 3 or not is_header_row([p.text for p in header]):
            mended.append(lines[index])
            index += 1
            continue
        table = columns(header)
        items, index = _read_block(lines, index, table)
        mended.extend(_laid_out(items, table))
    return mended


def _read_block(lines: list[str], first: int, table: Columns) -> tuple[list[Item], int]:
    """The table from its header line at `first`: the header row, then the body — rows
    with the lines that carry on their cells joined in, merged cells on lines of their
    own between two rows, short lines kept between two rows — and the index of the line
    after the table (prose, or the header of the next table). Text under the first
    column alone carries on a cell only where no prose follows it straight away: prose
    after a table starts at the margin the first column starts at (附件 / its title)."""
    header = Row(list(table.header), [lines[first]])
    items: list[Item] = [header]
    above: Row | None = header
    for index in range(first + 1, len(lines)):
        line = lines[index]
        found = pieces(line)
        if not found:
            items.append(line)
            above = None
        elif (
            above is not None
            and (cells := _carried_on(above.cells, found, table, above is header))
            and (not _prose_follows(lines, index, table) or any(table.of(p) > 0 for p in found))
        ):
            above.cells, above.mended = cells, True
            above.lines.append(line)
        elif len(found) >= 3 and is_header_row([p.text for p in found]):
            return items, index
        elif len(found) >= 2:
            above = Row(found, [line])
            items.append(above)
        elif not _row_follows(lines, index):
            return items, index
        elif table.in_group(found[0]):
            items.append(Merged(found[0], line, sum(isinstance(i, Row) for i in items) - 1))
            above = None
        elif len(found[0].text) <= GROUP_ROW_LENGTH:
            items.append(line)
            above = None
        else:
            return items, index
    return items, len(lines)


def _prose_follows(lines: list[str], index: int, table: Columns) -> bool:
    """Whether the line after `index` is prose: one piece of text, running on past the
    first column."""
    following = pieces(lines[index + 1]) if index + 1 < len(lines) else []
    return len(following) == 1 and following[0].end > table.header[1].start


def _row_follows(lines: list[str], index: int) -> bool:
    """Whether the next line with text after `index` is laid out in columns."""
    return len(pieces(next((line for line in lines[index + 1 :] if line.strip()), ""))) >= 2


def _carried_on(
    cells: list[Piece], found: list[Piece], table: Columns, in_header: bool
) -> list[Piece] | None:
    """The cells of the row above with the pieces of the next line joined to them, when
    each piece sits under a cell of words (an indicator name, a unit, an attribute)
    rather than one of figures (a serial, a year's value), or under a header cell and
    is words itself, or is the merged cell of a row that left it empty, printed beside
    the rest of a cell (alone on its line, it stands between two rows); None when the
    line is a row of its own."""
    if opens_heading(found[0].text):
        return None
    joined = list(cells)
    for piece in found:
        at = next((k for k, c in enumerate(joined) if _under(piece, c)), None)
        if at is None and len(found) > 1 and table.in_group(piece) and not table.group_cell(joined):
            joined = sorted([*joined, piece], key=lambda c: c.start)
        elif at is None or (
            _holds_value(piece.text) if in_header else table.of(joined[at]) in table.figures
        ):
            return None
        else:
            cell = joined[at]
            joined[at] = Piece(cell.text + piece.text, cell.start, max(cell.end, piece.end))
    return joined


def _under(piece: Piece, cell: Piece) -> bool:
    return cell.start - TOLERANCE <= piece.start < cell.end and piece.end <= cell.end + TOLERANCE


def _holds_value(text: str) -> bool:
    """A figure (45, ≥60, 1.8) or the mark of none (—), not words (1所区级老年大学)."""
    value = CELL_VALUE.match(text)
    return bool(EMPTY_CELL.match(text)) or (value is not None and len(value["rest"].strip()) < 2)


def _laid_out(items: list[Item], table: Columns) -> list[str]:
    """The block's lines: rows that took pieces or a merged cell set afresh, cells apart by
    a column gap; merged cells on lines of their own left out once given to their rows."""
    rows = [item for item in items[1:] if isinstance(item, Row)]
    owners = _fill_merged(rows, items, table)
    lines: list[str] = []
    for item in items:
        if isinstance(item, str):
            lines.append(item)
        elif isinstance(item, Merged):
            lines.extend([] if owners else [item.line])
        else:
            lines.extend([CELL_GAP.join(c.text for c in item.cells)] if item.mended else item.lines)
    return lines


def _fill_merged(rows: list[Row], items: list[Item], table: Columns) -> list[int | None] | None:
    """Give the rows that left the group column empty the merged cell of their group
    (`centred_groups`); the rows' groups, or None where no layout fits."""
    if table.group is None:
        return None
    column = table.header[table.group]
    printed = [
        (2 * r + 1, cell.text)
        for r, row in enumerate(rows)
        if (cell := table.group_cell(row.cells)) is not None
    ]
    printed += [(2 * item.rows, item.piece.text) for item in items if isinstance(item, Merged)]
    printed.sort()
    owners = centred_groups([p for p, _ in printed], len(rows))
    for row, owner in zip(rows, owners or [None] * len(rows), strict=True):
        if owner is not None and table.group_cell(row.cells) is None:
            cell = Piece(printed[owner][1], column.start, column.end)
            row.cells, row.mended = sorted([*row.cells, cell], key=lambda c: c.start), True
    return owners


def centred_groups(printed: list[int], count: int) -> list[int | None] | None:
    """For a body of `count` rows whose merged cells are printed at `printed` (in half
    rows: 2r+1 on row r, 2r on a line between rows r-1 and r; in order), the index of the
    printed cell whose group holds each row. A group of rows s…e is printed at its
    centre s+e+1, or on the lower middle row s+e+2 when it has an even number of rows.
    Printed rows alone often fit several layouts (groups of 3, 2, 4 rows and of 3, 3, 3
    rows print on the same rows): each row goes to the nearer printed cell, a row
    halfway to the one below, when that layout fits; else each row to the group every
    fitting layout gives it, None where they differ. None for the whole body where no
    layout fits, or where its first row holds a cell (printed at the top of its group,
    or centred on one row: nothing tells)."""
    if not printed or printed[0] <= 1:
        return None
    nearest = [
        min(range(len(printed)), key=lambda j: (abs(2 * row + 1 - printed[j]), -printed[j]))
        for row in range(count)
    ]
    if all(
        _centred(printed[j], [row for row, owner in enumerate(nearest) if owner == j])
        for j in range(len(printed))
    ):
        return list(nearest)
    return _agreed(printed, count)


def _centred(position: int, rows: list[int]) -> bool:
    if not rows:
        return False
    start, end = rows[0], rows[-1]
    return position == start + end + 1 or (position == start + end + 2 and len(rows) % 2 == 0)


def _agreed(printed: list[int], count: int) -> list[int | None] | None:
    """The group of each row that every fitting layout agrees on (see `centred_groups`)."""
    layers: list[set[tuple[int, int]]] = []
    starts = {0}
    for position in printed:
        layer = {
            (start, end)
            for start in starts
            for end in (position - start - 1, position - start - 2)
            if end >= start and _centred(position, list(range(start, end + 1)))
        }
        layers.append(layer)
        starts = {end + 1 for _, end in layer}
    goal = {count}
    kept: list[set[tuple[int, int]]] = []
    for layer in reversed(layers):
        kept.insert(0, {(start, end) for start, end in layer if end + 1 in goal})
        goal = {start for start, _ in kept[0]}
    if not goal:
        return None
    owners: list[set[int]] = [set() for _ in range(count)]
    for group, layer in enumerate(kept):
        for start, end in layer:
            for row in range(start, end + 1):
                owners[row].add(group)
    return [next(iter(o)) if len(o) == 1 else None for o in owners]
