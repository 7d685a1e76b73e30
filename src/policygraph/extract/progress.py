"""Progress columns of a task table: cells that report how far each task has got.

民生实事 progress tables give each task a row, its figures in a 内容 cell, then one or
more columns headed 进展情况 whose cells report what has been done — often in
the very words of a goal (新增示范型居家养老服务照料中心25家。 under 进展情况（12月）). Laid
out one cell a line, the columns are lost; the row's order is not: after the task cell
(the first long cell with a figure) and its unit cells (words without figures or
sentence marks), every cell up to the next row's serial is progress. Texts: a district's
民生实事 养老服务项目 progress row (進展情況 (7月)/(10月)/(12月)), 余杭's 民生实事 progress
(实事内容 | 工作任务 | 责任单位 | 进展情况), 海安市民政局's 2023 民生实事 progress table, one
cell a line with ` |` ending each (责任单位 | 实施内容 | 协同单位 | 分管 领导 | 最新进度(8月24日)).
Laid out one row a line, the column is the header's: 临安's 2022 区政府民生实事项目进展情况表
(序号 | 项目内容 | 进展情况 | 责任单位, its rows `3 | 实施农村公路大中修100公里。 | 完成农村公路
大中修50公里,… | 交通运输局 |` and, under a row-spanned serial and unit, `新增公交线路3条。 |
新增…等4条公交线路。 | ||`).
"""

from __future__ import annotations

import re
from decimal import Decimal

from policygraph.cues import cue_pattern
from policygraph.extract.clauses import AS_OF_CUES, fulfilled, year_cues
from policygraph.extract.conventions import pattern_kind
from policygraph.tables import cell_text, has_separator, serial_number, split_row, text_lines

PROGRESS_HEADER = re.compile(cue_pattern("progress_header"))
"""The words of a progress column's header (data/cues.csv, kind progress_header), anywhere
in a short header cell: progress tables date or qualify them (最新进度（8月24日）, 本月进展情况)."""

HEADER_CELL_MAX = 16
HEADER_SPAN = 8
"""How many header cells before a progress header may hold the unit column's."""
TASK_CELL_MIN = 12
SERIAL_CELL = re.compile(r"^\d{1,3}$")
REPORTING = re.compile(r"[\d，。；,;]")
"""A cell with a figure or a sentence mark says something; unit cells only name."""


def progress_cells(text: str) -> list[tuple[int, int]]:
    """The spans of the cells of `text` that stand in progress columns, in either layout."""
    if not _may_name_progress(text):  # cheap first (build CPU): no progress header cell
        return []
    return sorted(_cells_a_line(text) + _rows_a_line(text))


def _rows_a_line(text: str) -> list[tuple[int, int]]:
    """The progress cells of a table one row a line: a header row with a progress and a
    unit header cell, then every row with two cells or more (prose ends the table). The
    serial, when a row prints it, is no column a row's cells are counted in: a row under a
    row-spanned serial prints its cells from the task on (`新增公交线路3条。 | 新增…等4条
    公交线路。 | ||`, the empty unit cell last), so the progress cell is the one as many
    cells after the task as its header stands after the task's."""
    spans: list[tuple[int, int]] = []
    column: int | None = None  # the progress column, counted without the serial
    for start, _end, line in text_lines(text):
        if not has_separator(line):  # one cell at most (build CPU)
            column = None if line.strip() else column
            continue
        cells = [(cell, s, e) for cell, s, e in split_row(line) if cell]
        if len(cells) < 2:
            column = None if line.strip() else column
            continue
        if _serial(cells[0][0]):
            cells = cells[1:]
        if column is not None and column < len(cells):
            spans.append((start + cells[column][1], start + cells[column][2]))
        elif column is None:
            column = _progress_column([cell for cell, _s, _e in cells])
    return spans


def _serial(cell: str) -> bool:
    """A row's serial (3) or the header's over it (序号)."""
    return serial_number(cell) is not None or pattern_kind("serial_column", cell)


def _progress_column(header: list[str]) -> int | None:
    """Where a header row one line puts its progress column, None when it has none or
    no unit column (a report's line naming 进展情况 is no header)."""
    if len(header) < 3 or not any(_unit_header(cell) for cell in header):
        return None
    return next((i for i, cell in enumerate(header) if _progress_header(cell)), None)


def _cells_a_line(text: str) -> list[tuple[int, int]]:
    """The progress cells of a table one cell a line (see the module's docstring)."""
    lines = _cells(text)
    header = next(
        (
            i
            for i, (_s, _e, cell) in enumerate(lines)
            if _progress_header(cell)
            and any(_unit_header(c) for _s, _e, c in lines[max(0, i - HEADER_SPAN) : i])
        ),
        None,
    )
    if header is None:
        return []
    spans: list[tuple[int, int]] = []
    task_seen = reporting = False
    for start, end, cell in lines[header + 1 :]:
        if SERIAL_CELL.match(cell):
            task_seen = reporting = False
        elif not task_seen:
            task_seen = len(cell) >= TASK_CELL_MIN and any(c.isdigit() for c in cell)
        elif reporting or REPORTING.search(cell):
            reporting = True
            spans.append((start, end))
    return spans


def _may_name_progress(text: str) -> bool:
    """Whether any cell of `text` may hold a progress header: the header words are plain
    words, and a cell is a line's words, letter-spaced ones joined (`cell_text`); a cheap
    first test that spares reading every line as a cell (build CPU)."""
    return PROGRESS_HEADER.search(text) is not None or (
        " " in text and PROGRESS_HEADER.search(text.replace(" ", "")) is not None
    )


def _unit_header(cell: str) -> bool:
    """A task table's unit column header (责任单位, 牵头单位, 协同单位 …): a progress header
    is one only in such a table, not a heading of a report."""
    return len(cell) <= HEADER_CELL_MAX and any(
        pattern_kind(kind, cell) for kind in ("unit_column", "lead_column", "partner_column")
    )


def _progress_header(cell: str) -> bool:
    return len(cell) <= HEADER_CELL_MAX and PROGRESS_HEADER.search(cell) is not None


def _cells(text: str) -> list[tuple[int, int, str]]:
    """Every non-empty line as a cell: its offsets and its text without the `|` that ends it."""
    lines = ((start, end, cell_text(line)) for start, end, line in text_lines(text))
    return [(start, end, cell) for start, end, cell in lines if cell]


PROGRESS_REPORT = re.compile(cue_pattern("as_of", "progress_report"))
"""A paragraph that reports how far a programme has got: a 截至 date or 进度/进展."""
PROGRESS_STATE = re.compile(cue_pattern("progress_state"))
UNDERTAKEN = re.compile(cue_pattern("undertaken"))
BREAKDOWN = re.compile(rf"^\s*(?:{cue_pattern('breakdown')})")
PROGRAMME_DONE = re.compile(cue_pattern("fulfilled", "programme_done"))
"""A programme's items said done: 2018年10个民生实事项目全面落实 (宁波晚报 2019-01-12, tune),
共25项内容,已全部完成年度任务 (阳东区 2024 完成情况通报), 其中8个项目完成年度目标 (宁海
新闻网 2021-01-23)."""
PROGRAMME_ITEMS = re.compile(rf"(?P<num>\d+)(?P<unit>{cue_pattern('programme_item')})")
"""A count of a programme's items: 8项, 26件, 25个项目, 24个事项 (data/cues.csv)."""


def reported_counts(clauses: list[str]) -> list[frozenset[tuple[Decimal, str]]]:
    """Per clause of a paragraph, the counts of a programme's items (value, unit) that
    report on the programme rather than set a figure to reach.

    The pattern is the progress report of a year's 民生实事 programme (进度通报, 进展情况
    通报, 督查通报, 进度公示): a 截至 date or 进度/进展 opens it, and its sentences count the
    items done, on schedule or lagging (cue kind progress_state) and break the lagging ones
    down by unit or place in a 其中 sentence — 截至4月10日，有8项已提前完成。但省民生实事有
    25个项目实施进度低于全市平均水平，其中县教育局3项，县市监局3项… (苍南 2023 省民生实事
    实施计划) and 截至11月底，按进度推进7项，已完成21项 (恩平 2024 督查通报, both tune). A
    count of the items a body takes on (cue kind undertaken) is the programme's size, in a
    report or not: 我县共承办省政府民生实事指标46项 (苍南), 办好65件民生实事项目是县政府…
    的庄严承诺 (会昌 2023 民生实事进展通报, tune). So is a count of items the sentence says
    done, no future modal before (`PROGRAMME_DONE`; the year-end report of a programme,
    which no 截至 need open: 2018年10个民生实事项目全面落实). A sentence that sets a
    deadline (到2025年, 2025年底前) plans, whatever a paragraph reported before it:
    截至2020年底…。到2025年，推进10项…工程 keeps its count."""
    paragraph = "".join(clauses)
    reporting = PROGRESS_REPORT.search(paragraph) is not None
    done = PROGRAMME_DONE.search(paragraph) is not None  # cheap first (build CPU)
    counts: list[frozenset[tuple[Decimal, str]]] = []
    sentence: list[str] = []
    previous = False  # the sentence before reported
    for i, clause in enumerate(clauses):
        sentence.append(clause)
        if not clause.endswith("。") and i < len(clauses) - 1:
            continue
        words = "".join(sentence)
        continued = previous and BREAKDOWN.match(sentence[0]) is not None
        previous = not _sets_a_deadline(words) and (
            UNDERTAKEN.search(words) is not None
            or (done and fulfilled(words, PROGRAMME_DONE))
            or (reporting and (continued or PROGRESS_STATE.search(words) is not None))
        )
        counts.extend(_item_counts(c) if previous else frozenset() for c in sentence)
        sentence = []
    return counts


def _sets_a_deadline(sentence: str) -> bool:
    return any(
        (cue["cue"] and cue["cue"] not in AS_OF_CUES) or cue["before"]
        for cue in year_cues(sentence)
    )


def _item_counts(clause: str) -> frozenset[tuple[Decimal, str]]:
    """The (value, unit) of each count of items in a clause: 25个项目 is 25 of unit 个."""
    return frozenset((Decimal(m["num"]), m["unit"][0]) for m in PROGRAMME_ITEMS.finditer(clause))
