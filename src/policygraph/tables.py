"""Tables as web copies lay them out: one cell a line, or one row a line.

Plans state their indicators in tables; copies flatten them to one cell a line
(empty cells often dropped, a `|` sometimes ending each cell), or keep one row a
line with cells separated by `|`, tabs or runs of spaces. `find_tables` finds them
in a normalised text; every span is an offset into that text.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from policygraph import scanning
from policygraph.cues import cue_pattern, cue_words, words_with
from policygraph.markers import MARKER_LEVELS
from policygraph.periods import FIVE_YEAR_PLAN_NAMES


@dataclass(frozen=True)
class Cell:
    """One table cell; `gap_before` counts empty cells the layout shows before it."""

    text: str
    start: int
    end: int
    gap_before: int = 0


@dataclass(frozen=True)
class Table:
    """A table as laid out: header cells, then the cells of the body in reading order."""

    header: tuple[Cell, ...]
    cells: tuple[Cell, ...]
    start: int
    end: int
    caption: str | None = None
    rows: tuple[tuple[Cell, ...], ...] = ()  # one row a line only; empty cells kept as ""


_YEAR_HEADER_WORDS = "基期|现状|目标"  # the words a year column is headed by (2025年目标值)
_PERIOD_CHANGE = rf"“?(?:{FIVE_YEAR_PLAN_NAMES})”?(?:{cue_pattern('header_change')}).{{0,4}}"
HEADER_CELL = re.compile(
    rf"^({cue_pattern('header')}|{_PERIOD_CHANGE}|"
    rf"(\d{{4}}年?|{_YEAR_HEADER_WORDS}).*|.{{0,6}}({_YEAR_HEADER_WORDS}).{{0,8}})$"
)
"""Cells that only a table header holds (data/cues.csv, kind header): 序号, 指标名称, 单位,
属性, 责任单位, 地区 …, year columns (2021, 2025年, 2025年养老床位（张）, 目标值), and a
change over a named period (“十一五”增减情况: 国发〔2007〕37号 专栏2 指标 | 2005年 | 2010年 |
“十一五”增减情况; “十四五”累计)."""

FIRST_HEADER_CELL = re.compile(
    "^("
    + "|".join(w for kind in ("serial", "region", "group") for w in words_with("header", kind))
    + ")$"
)
CELL_SEPARATOR = re.compile(r" ?\| ?|\t| {2,}")
"""Columns of a row laid out on one line: `|` (with empty cells between two `|`),
tabs (one a column: two tabs enclose an empty cell), or runs of two or more spaces."""
ROW_HEADER_KEY = re.compile(
    "^("
    + "|".join(w for kind in ("serial", "region", "name") for w in words_with("header", kind))
    + r"|\d{4}年?.*)$"
)
"""A header row laid out on one line names a serial, a region, an indicator or a year
column; merged cells may have moved any of them off the first place."""


def find_tables(text: str) -> list[Table]:
    """Tables in either layout: one cell a line (optionally ending in `|`), or one
    row a line with cells separated by `|`, tabs or runs of spaces."""
    lines = text_lines(text)
    tables: list[Table] = []
    index = 0
    while index < len(lines):
        line = lines[index][2]
        if has_separator(line) and is_header_row([c[0] for c in split_row(line) if c[0]]):
            table, index = _read_row_table(text, lines, index)
            tables.append(table)
            continue
        content = cell_text(line)  # a name header first: most lines open nothing (build CPU)
        if FIRST_HEADER_CELL.match(content) or (
            NAME_HEADER.match(content) and _opens_unnumbered(lines, index)
        ):
            cell_table, index = _read_cell_table(text, lines, index)
            if cell_table is not None:
                tables.append(cell_table)
                continue
        index += 1
    return tables


NAME_HEADER = re.compile("^(" + "|".join(words_with("header", "name")) + ")$")
"""A header cell that names the indicator column: 指标名称, 指标, 项目 (data/cues.csv, kind
header, name)."""


def _opens_unnumbered(lines: list[tuple[int, int, str]], index: int) -> bool:
    """A table without a 序号 column opens with its name column (指标 | 单位 | 2020年 |
    2025年 | 属性, the layout of 专栏1 of 国发〔2016〕65号: 指标 | 2015年 | 2020年 | … | 属性,
    one cell a line): a name header word followed by another header cell that could not
    open a table itself (a caption 主要指标 before 序号 or 指标 is no name column)."""
    if not NAME_HEADER.match(cell_text(lines[index][2])):
        return False
    following = next((cell_text(line) for _, _, line in lines[index + 1 :] if line.strip()), "")
    opens = FIRST_HEADER_CELL.match(following) or NAME_HEADER.match(following)
    return bool(HEADER_CELL.match(following)) and not opens


SERIAL_CELL = re.compile(r"^[（(]?0*(?P<number>\d{1,3})[)）]?[.．、]?$")
"""A 序号 cell as tables print it: 1, 01, 1., 1、, （1）."""


def serial_number(text: str) -> int | None:
    """The number of a 序号 cell (`SERIAL_CELL`); None for any other cell. Tables number
    their rows 1, 2 … most often, but also 01, 02 … or 1. 2. … — a general convention of
    numbered lists, not yet a shape of a dev-set text (no table of the corpus or the tune
    texts numbers otherwise; tests/test_tables.py lays out constructed ones). Read only
    as bare digits, such rows opened no row one cell a line."""
    match = SERIAL_CELL.match(text)
    return int(match["number"]) if match else None


def text_lines(text: str) -> list[tuple[int, int, str]]:
    """Every line of `text` with its start and end offsets."""
    lines = []
    start = 0
    for line in text.split("\n"):
        lines.append((start, start + len(line), line))
        start += len(line) + 1
    return lines


def cell_text(line: str) -> str:
    """A cell's text without the `|` that ends it; `预期性 | |` (the cell, then the empty
    cell of a row-spanned column) is 预期性; a letter-spaced word is the word (`unspaced`)."""
    return unspaced(_printed_cell(line))


def _printed_cell(line: str) -> str:
    text = line.strip()
    while text.endswith("|"):  # not a pattern ending in $: tried from every space, slow
        text = text.rstrip("|").rstrip()
    return text


LETTER_SPACED_CELL = re.compile(r"^[\u4e00-\u9fff](?: +[\u4e00-\u9fff])+$")
"""A cell whose characters are each set apart by spaces: a header word justified across a
narrow column with full-width spaces (指　　标, 属　　性, 序　　号, 2025　年), which copies
print as runs of spaces: 指  标 | 2020年 | 2025年 | 属性 one cell a line (a city's “十四五”
教育事业发展主要指标表, a pages-corpus copy), 指 标 … 2025 年 … 属 性 in the PDF text layer
of 专栏1 of 内蒙古's “十四五”残疾人事业发展规划 (内政发〔2021〕17号, the source of
data/indicator_sources/neimenggu-canjiren-14.csv), 指 标 | Item | 1995 | … in a provincial
statistical yearbook's web tables."""


CJK_CHARACTER = re.compile(r"^[\u4e00-\u9fff]$")


def unspaced(text: str) -> str:
    """A letter-spaced cell (`LETTER_SPACED_CELL`) as its word; any other cell as printed."""
    if " " not in text:  # cheap first: every line of a text is tried as a row (build CPU)
        return text
    return text.replace(" ", "") if LETTER_SPACED_CELL.match(text) else text


def is_header_row(texts: list[str]) -> bool:
    """Three or more cells, all header words but at most one (a column the cue table
    does not know, 统计口径, 规划指标体系) in a header of four or more, one of them a
    key (序号, 指标名称, a year) — or an indicator header with task columns
    (`_indicators_with_tasks`). A merged cell a converter copied into every column it
    spans (指标值 | 指标值 over 2020年 | 2025年: HTML-to-text converters commonly fill a
    colspan so) is one column the cue table does not know."""
    unknown = len({t for t in texts if not HEADER_CELL.match(t)})
    if len(texts) < 3:
        return False
    if unknown > (1 if len(texts) >= 4 else 0) and not _indicators_with_tasks(texts, unknown):
        return False
    return any(ROW_HEADER_KEY.match(t) for t in texts)


GOAL_YEAR_HEADER = re.compile(r"^\d{4}年?.*(?:" + "|".join(words_with("header_year", "goal")) + ")")


def _indicators_with_tasks(texts: list[str], unknown: int) -> bool:
    """An annual table that gives each row its indicators and its tasks: 序号 | 标志性成果 |
    牵头单位 | 指标名称 | 2022年实际值 | 2023年目标值 | 重点任务 | 拟打造的重点场景 | 配合单位
    (桐乡 2023 标志性成果); 指 标 名 称 | 单位 | 2021年完成 | 2022年计划 | 责任(牵头)部门
    (杨凌示范区 2022 计划指标) prints the same year pair without the task columns. Columns
    the cue table does not know are allowed while the known ones outnumber them and
    include an indicator name and a goal year."""
    named = any(NAME_HEADER.match(t) for t in texts)
    goal = any(GOAL_YEAR_HEADER.match(t) for t in texts)
    return named and goal and unknown < len(texts) - unknown


RULE_CELL = re.compile(r"^[:：]?[-－—]{3,}[:：]?$")
"""The rule under a Markdown table's header (| :--- | :--- |): no row."""


def has_separator(line: str) -> bool:
    """Whether `line` holds a CELL_SEPARATOR: a line without one is one cell at most, which
    no row needs to be split to know (cheap first: every line of a text is tried, build CPU)."""
    return "|" in line or "\t" in line or "  " in line


def split_row(line: str) -> list[tuple[str, int, int]]:
    """The cells of one line; an empty cell between two `|`, or before a tab, is kept
    as "". Tab-separated text has one tab between cells (the general convention of a
    table pasted from a spreadsheet or a Word window), so a merged 领域 cell or a blank
    cell (a unit the name carries, 每千名老年人拥有养老床位数（张）; a milestone year left
    blank) is two tabs in a row, and a row whose first column is merged opens with a tab.
    No corpus or tune text holds a tab-separated table yet; the tests construct them."""
    cells = []
    pos = 0
    parts = scanning.split(CELL_SEPARATOR, line)
    for index, part in enumerate(parts):
        at = line.find(part, pos) if part else pos
        pos = at + len(part)
        stripped = part.strip()
        if stripped:
            offset = at + part.find(stripped)
            cells.append((unspaced(stripped), offset, offset + len(stripped)))
        elif index < len(parts) - 1 and ((index > 0 and "|" in line) or "\t" in line):
            cells.append(("", at, at))
    return _letter_spaced_words(line, cells) if len(cells) > 1 else cells


def _letter_spaced_words(
    line: str, cells: list[tuple[str, int, int]]
) -> list[tuple[str, int, int]]:
    """Two single characters that only spaces part are one letter-spaced cell (`unspaced`):
    a run of two or more spaces also parts columns, so 序  号 | 指  标 splits into 序, 号,
    指, 标 — joined in pairs, they are 序号 and 指标 (a header's two-character words; longer
    ones are spaced by single spaces, which part no columns)."""
    joined: list[tuple[str, int, int]] = []
    for cell in cells:
        last = joined[-1] if joined else None
        if (
            last is not None
            and len(cell[0]) == len(last[0]) == 1  # cheap first (build CPU)
            and CJK_CHARACTER.match(cell[0])
            and CJK_CHARACTER.match(last[0])
            and line[last[2] : cell[1]].strip(" ") == ""
        ):
            joined[-1] = (last[0] + cell[0], last[1], cell[2])
            continue
        joined.append(cell)
    return joined


def _read_cell_table(
    text: str, lines: list[tuple[int, int, str]], index: int
) -> tuple[Table | None, int]:
    cells: list[Cell] = []
    blank_run = 0
    runs: list[int] = []
    j = index
    while j < len(lines):
        start, end, line = lines[j]
        as_printed = _printed_cell(line)
        content = unspaced(as_printed)
        if not content:
            blank_run += 1
            j += 1
            continue
        if cells and (_ends_table(content) or _heading_not_group(content, lines, j)):
            break
        at = start + line.find(as_printed)
        cells.append(Cell(content, at, at + len(as_printed), blank_run))
        runs.append(blank_run)
        blank_run = 0
        j += 1
    printed = _header_cells(cells)
    header = _joined_year_headers(printed)
    if len(header) < 3:
        return None, index + 1
    usual = _usual_gap(runs[len(printed) :])
    body = tuple(
        Cell(c.text, c.start, c.end, max(0, c.gap_before - usual)) for c in cells[len(printed) :]
    )
    caption = _caption(text, lines, index)
    end = body[-1].end if body else header[-1].end
    return (
        Table(tuple(header), body, header[0].start, end, caption),
        j,
    )


def _header_cells(cells: list[Cell]) -> list[Cell]:
    """The header of a cell-per-line table: the header words it opens with, and one
    cell the cue table does not know where header words follow it (统计口径)."""
    header: list[Cell] = []
    unknown = 0
    for index, cell in enumerate(cells[:12]):
        following = cells[index + 1].text if index + 1 < len(cells) else ""
        if not HEADER_CELL.match(cell.text):
            if unknown or len(header) < 2 or not HEADER_CELL.match(following):
                break
            unknown += 1
        header.append(cell)
    return header


YEAR_ONLY_CELL = re.compile(r"^\d{4}年?$")
YEAR_ROLE_CELL = re.compile(rf"^[（(]?(?:{cue_pattern('header_year')})[值数]?[）)]?$")
"""What a year column's header says of it when a narrow column breaks it after the year:
基数, 目标值, （基期）, 实际值 (data/cues.csv, kind header_year)."""


def _joined_year_headers(header: list[Cell]) -> list[Cell]:
    """A year header broken over two cells is one column: `2020年` then `基数`, `2025年`
    then `目标` (a header 2020年基数 | 2025年目标 in a narrow column, copied one cell a
    line) — read apart, 基数 and 目标 are columns without a year, and the baseline loses
    its year. A general convention of narrow columns: a copy of the 民政事业发展第十二个五年
    规划 (2011) prints its header cell 2015年 / 目标值 on two lines; no corpus or tune
    text breaks a year header yet."""
    joined: list[Cell] = []
    for cell in header:
        year_role = (
            joined and YEAR_ONLY_CELL.match(joined[-1].text) and YEAR_ROLE_CELL.match(cell.text)
        )
        if year_role or (joined and _unit_line(cell.text)):
            last = joined.pop()
            cell = Cell(last.text + cell.text, last.start, cell.end, last.gap_before)
        joined.append(cell)
    return joined


def _unit_line(text: str) -> bool:
    """A header cell's unit broken onto a line of its own, as a narrow column breaks
    年均增长（%） (专栏2 of the 中医药事业发展“十二五”规划 prints it whole) after 年均增长: the
    bracket is the cell above's, no column of its own."""
    return QUALIFIER_CELL.match(text) is not None


def _read_row_table(text: str, lines: list[tuple[int, int, str]], index: int) -> tuple[Table, int]:
    """A table one row a line. A line with a single short cell is a group row
    (一、养老服务); prose ends the table."""
    start, _, line = lines[index]
    header = tuple(Cell(t, start + s, start + e) for t, s, e in split_row(line) if t)
    rows: list[tuple[Cell, ...]] = []
    j = index + 1
    while j < len(lines):
        row_start, _, row_line = lines[j]
        row = tuple(Cell(t, row_start + s, row_start + e) for t, s, e in split_row(row_line))
        filled = [c for c in row if c.text]
        if not filled or all(RULE_CELL.match(c.text) for c in filled):
            j += 1
            continue
        if len(filled) < 2 and not _group_row(filled[0].text, lines, j):
            break
        if not rows and (joined := _with_year_row(header, filled)) is not None:
            header = joined
            j += 1
            continue
        if not rows and all(_unit_line(c.text) for c in filled):
            j += 1  # the header's units on a second line (| | | （%） |): no group row
            continue
        rows.extend(_run_on_rows(row))
        j += 1
    cells = tuple(c for row in rows for c in row if c.text)
    end = cells[-1].end if cells else header[-1].end
    caption = _caption(text, lines, index)
    return Table(header, cells, header[0].start, end, caption, tuple(rows)), j


def _group_row(content: str, lines: list[tuple[int, int, str]], j: int) -> bool:
    """A lone short cell inside a row-per-line table groups the rows that follow it."""
    following = next((line for _, _, line in lines[j + 1 :] if line.strip()), "")
    return len(content) <= 20 and len([c for c in split_row(following) if c[0]]) >= 2


YEAR_CELL = re.compile(r"^\d{4}年?(?!\d)")
VALUES_HEADER = re.compile(rf"^[^\d]{{0,4}}(?:值|{cue_pattern('header_year')})$")
"""A header cell merged over the year columns: 指标值, 目标值, 规划目标, 基期."""


def _with_year_row(header: tuple[Cell, ...], filled: list[Cell]) -> tuple[Cell, ...] | None:
    """A header over two rows, one a line: a cell merged over the year columns (指标值,
    目标值) in the first, the years under it in the second (`| | | | 2020年 | 2025年 | |`,
    the general convention of a Word or web table with a two-row header; issue 12 class 2
    asks for Word tables read as tables). The years take the merged cell's place; None
    when the row is not such a year row. No corpus or tune text has one yet."""
    if len(filled) < 2 or not all(YEAR_CELL.match(c.text) for c in filled):
        return None
    parent = next((i for i, c in enumerate(header) if VALUES_HEADER.match(c.text)), None)
    if parent is None:
        return None
    span = parent + 1
    while span < len(header) and header[span].text == header[parent].text:
        span += 1  # a converter that copies a merged cell into every column it spans
    return (*header[:parent], *filled, *header[span:])


BINDING_CELLS = frozenset(cue_words("binding"))


def _run_on_rows(row: tuple[Cell, ...]) -> list[tuple[Cell, ...]]:
    """Rows a copy ran onto one line (… | 约束性 | 2 | 每千名老年人拥有养老床位数 | …): an
    attribute cell followed by a serial number ends a row, and the serial opens the next.
    A constructed layout (tests/test_tables.py): issue 12 does not describe it, and no
    corpus or tune text prints it."""
    rows: list[tuple[Cell, ...]] = []
    begin = 0
    for index, cell in enumerate(row[:-1]):
        if cell.text in BINDING_CELLS and serial_number(row[index + 1].text) is not None:
            rows.append(row[begin : index + 1])
            begin = index + 1
    rows.append(row[begin:])
    return rows


def _ends_table(content: str) -> bool:
    """Prose after a table: a long line with sentence punctuation, or a chapter heading
    followed by prose rather than a table row."""
    return len(content) > 60 or ("。" in content and len(content) > 30)


SERIAL_IN_NAME = re.compile(r"^\d{1,3}[.．、](?!\d)(?=\S)")
"""The serial of a row numbered in its name cell, fused with the name: 1.学前教育毛入园率(%),
under the group row 一、发展水平, then 2.义务教育巩固率(%) … (a city's “十四五”教育事业发展
主要指标表, one cell a line), numbering the rows of each group afresh as numbered lists
do (1. / 1、); 1.残疾人家庭人均收入年均增长(%) … 7.残疾人基本医疗保险参保率(%) in 专栏1 of
内蒙古's “十四五”残疾人事业发展规划 (a PDF's text layer). It numbers the row and is no part of
the name (extract/targets.py)."""


def _heading_not_group(content: str, lines: list[tuple[int, int, str]], j: int) -> bool:
    """A chapter or section heading inside a table is a group row (一、养老服务) only
    when a numbered row follows it (its serial a cell, or fused with its name:
    `SERIAL_IN_NAME`); otherwise the table has ended."""
    if not any(level <= 2 and p.match(content) for level, p in MARKER_LEVELS):
        return False
    following = next((cell_text(line) for _, _, line in lines[j + 1 :] if line.strip()), "")
    return serial_number(following) is None and not SERIAL_IN_NAME.match(following)


def _usual_gap(runs: list[int]) -> int:
    if not runs:
        return 0
    return max(set(runs), key=runs.count)


def _caption(text: str, lines: list[tuple[int, int, str]], index: int) -> str | None:
    """The short line just above the header. A copy that prints every cell with its `|`
    prints the caption as the cell of a row merged over the table, then that row's empty
    cells as a line of bars: `专栏2 “十二五”时期中医药发展主要指标简表 |` over `||||` (the
    repost of the 中医药事业发展“十二五”规划, tune), `2-4 主要年份国民经济和社会发展比例和
    效益指标 |` over lines of a lone `|` (a provincial statistical yearbook's web tables):
    the bars are no caption, and the caption is the cell's text."""
    looked = 0
    for k in range(index - 1, -1, -1):
        line = lines[k][2].strip()
        content = cell_text(line)
        if content:
            return content if len(content) <= 40 and "。" not in content else None
        if not line:
            looked += 1  # a blank line; lines of bars are passed over uncounted
        if looked == 3:
            break
    return None


HEADER_QUALIFIER = r"[（(][^（）()]{1,8}[）)]"
"""What a header cell adds in brackets to its word: （基期）, (7月), （8月24日）."""
QUALIFIER_CELL = re.compile(rf"^{HEADER_QUALIFIER}$")
"""A header's qualifier on a line of its own, broken from its word: 進展情況 / (7月),
年均增长 / （%）."""
