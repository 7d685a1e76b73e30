"""Task tables: the 重点任务分工表 that close many plans and 分工方案.

A table whose header names a serial, a task and a responsible-unit column
(序号 / 重点任务 / 责任单位, often with 完成时限) gives one task a row; the unit cell
is written like a bracketed list without its brackets: 市民政局牵头，市财政局、
市卫生健康委参加 / 国家发展改革委、民政部按职责分工负责，地方各级人民政府 / A、B、C
(whose first unit leads where the document says 列第一位者为牵头单位). Copies lay
such a table out one row a line (cells split by `|`, tabs or wide spaces), one
cell a line, or with every separator lost (`run_together_tables`). A row whose
task is a numbered measure of the text gives that measure its units; any other row
is a measure of its own. A table that names each row before it says what the row
holds (项目名称 | 主要内容, 标志性成果 | … | 重点任务) titles the row's measure by the name,
and the numbered items of the content cell (1.…；2.…) are its sub-measures.

The header words are data (data/responsibility_conventions.csv).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from functools import cache
from typing import NamedTuple

from policygraph import scanning
from policygraph.cues import cue_values
from policygraph.extract.conventions import pattern_at, pattern_kind, patterns_of
from policygraph.extract.departments import (
    CLOSE,
    OPEN,
    UNIT_ENDINGS,
    split_roles,
    written_as_unit,
)
from policygraph.lexicon import Lexicon
from policygraph.model import DepartmentMention, Measure, QuoteMaker
from policygraph.scanning import first_match, opening_matches
from policygraph.tables import HEADER_QUALIFIER, QUALIFIER_CELL

CELL_SEPARATOR = re.compile(r" ?[|｜] ?|\t+| {2,}")
SERIAL = re.compile(r"^(\d{1,3}|[一二三四五六七八九十]{1,3})[.、．]?$")
GROUP_ROW = re.compile(r"^[一二三四五六七八九十]{1,3}、")
TITLE_END = re.compile(r"[。；;]")
COLUMN_KINDS = (
    "serial_column",
    "name_column",
    "task_column",
    "unit_column",
    "lead_column",
    "partner_column",
    "other_column",
)


@dataclass(frozen=True)
class TaskRow:
    """One row of a task table: its serial, task and units, with offsets."""

    table: int  # the table's number in the text, from 1
    serial: str
    task: str
    task_start: int
    units: tuple[DepartmentMention, ...]
    lead: tuple[DepartmentMention, ...]
    start: int
    end: int
    name: tuple[str, int] | None = None  # the name cell (text, offset) of a named row

    @property
    def title(self) -> str:
        """The row's name, or else its task's first sentence (a cell may go on to say how)."""
        if self.name is not None:
            return self.name[0]
        end = TITLE_END.search(self.task)
        return self.task[: end.start()] if end else self.task


@dataclass(frozen=True)
class _Line:
    start: int
    end: int
    cells: tuple[tuple[str, int], ...]  # (text, offset) of each non-empty cell


def task_rows(
    text: str, quote: QuoteMaker, lexicon: Lexicon, unnamed_lead: str | None = None
) -> list[TaskRow]:
    """The rows of every task table of `text`, in text order."""
    lines = [_line(m.start(), m.group()) for m in re.finditer(r"[^\n]+", text)]
    lines = [line for line in lines if line.cells]
    rows: list[TaskRow] = []
    index, tables = 0, 0
    while index < len(lines):
        columns = _columns([c for c, _ in lines[index].cells])
        if columns is not None:
            found, index = _row_layout(lines, index + 1, columns, quote, lexicon, unnamed_lead)
        else:
            found, index = _cell_layout(lines, index, quote, lexicon, unnamed_lead)
        if found:
            tables += 1
            rows.extend(_numbered(found, tables))
    for found in run_together_tables(text, quote, lexicon):
        tables += 1
        rows.extend(_numbered(found, tables))
    return sorted(rows, key=lambda row: row.start)


def _numbered(rows: list[TaskRow], table: int) -> list[TaskRow]:
    """The rows of table number `table`, each serial once: a row whose serial an earlier
    row holds (a copy that lost or misprinted it) is told apart by its place in the
    table, so that two tasks never become one measure."""
    seen: set[str] = set()
    numbered = []
    for place, row in enumerate(rows, 1):
        serial = row.serial if row.serial not in seen else f"{row.serial}-{place}"
        seen.add(serial)
        numbered.append(replace(row, table=table, serial=serial))
    return numbered


def _line(start: int, content: str) -> _Line:
    """A line's cells; an empty cell between two separators is kept (as ""), so the
    columns of a row stay in place, but not one before the first or after the last."""
    cells = []
    at = 0
    for piece in scanning.split(CELL_SEPARATOR, content):
        at = content.index(piece, at) if piece else at
        lead = len(piece) - len(piece.lstrip())
        cells.append((piece.strip(), start + at + lead))
        at += len(piece)
    while cells and not cells[-1][0]:
        cells.pop()
    while cells and not cells[0][0]:
        cells.pop(0)
    return _Line(start, start + len(content), tuple(cells))


class Columns(NamedTuple):
    """Where a task table holds the serial, the task and the units; with `lead_first`,
    the first unit column is a 牵头单位 column, or a 责任单位 column beside partner
    columns, and the others (配合单位, 协同单位) its partners: 海安市民政局 2023年民生实事
    项目实施进度表 (责任单位 | 实施内容 | 协同单位) and 宁波 2014 市政府民生实事项目进展
    (责任单位：市公安局 … 配合单位：市城管局、市财政局) name the leading unit so."""

    serial: int
    task: int
    units: tuple[int, ...]
    lead_first: bool
    name: int | None = None  # a column that names each row before the task column says what


def _columns(cells: list[str], need_serial: bool = True) -> Columns | None:
    """The columns of a header row, or None if it is none; a header cell may be
    letter-spaced (序 号, 分 管 县领导). Without `need_serial` a table may number
    no row (serial -1)."""
    cells = [re.sub(r"\s", "", c) for c in cells]
    task = _column_of("task_column", cells)
    if task is None and need_serial:
        task = _unnamed_task_column(cells)
    serial = _column_of("serial_column", cells) if task is not None else None
    if (serial is None and need_serial) or task is None:
        return None  # most lines of a text: no column read further
    name = _column_of("name_column", cells)
    content = next(
        (i for i, c in enumerate(cells) if name is not None and i > name and _is_content_column(c)),
        None,
    )
    if content is not None:
        task = content
    else:
        name = None
    named_lead = _column_of("lead_column", cells)
    lead = named_lead if named_lead is not None else _column_of("unit_column", cells)
    partners = tuple(i for i, c in enumerate(cells) if pattern_kind("partner_column", c))
    if lead is not None and any(i != lead for i in partners):
        units, lead_first = (lead, *(i for i in partners if i != lead)), True
    elif named_lead is not None:
        units, lead_first = (named_lead,), True  # a 牵头单位 column alone: its units lead
    else:
        unit = _column_of("unit_column", cells)
        units, lead_first = ((unit,) if unit is not None else ()), False
    if not units:
        return None
    return Columns(-1 if serial is None else serial, task, units, lead_first, name)


KNOWN_COLUMNS = ("serial_column", "unit_column", "lead_column", "partner_column", "other_column")
INDICATOR_COLUMNS = ("group", "name", "unit", "attr", "change", "region")
"""The header kinds (data/cues.csv header) of an indicator table, whose header
序号 | 指标名称 | 单位 | 2021 | 2025 | 属性 | 责任单位 is no task table's (万州
十四五养老托育服务发展指标表)."""
INDICATOR_HEADERS = frozenset(
    word for word, kind in cue_values("header").items() if kind in INDICATOR_COLUMNS
)


def _unnamed_task_column(cells: list[str]) -> int | None:
    """The task column of a header whose task cell is written in no known way: the
    cell right after the 序号 that is no other known column, where the header also has
    a unit column (苍南 2023 省政府民生实事项目实施计划, tune: 序号 | 项目？jī）？nèi）容 |
    工作进度安排 | 目前实施情况 | 牵头单位, its 项目内容 garbled by the copy; 泰顺 2023年10月
    省政府民生实事项目进展情况汇总表, a search excerpt: 序号 / 项目内容 / 牵头单位 / 落实情况)."""
    if len(cells) < 2:  # a line of one cell, most lines of a text: no column after a 序号
        return None
    serial = _column_of("serial_column", cells)
    if serial is None or serial + 1 >= len(cells) or _column_of("unit_column", cells) is None:
        return None
    if any(_indicator_column(cell) for cell in cells):
        return None
    after = cells[serial + 1]
    known = any(pattern_kind(kind, after) for kind in KNOWN_COLUMNS)
    return None if known or not after else serial + 1


def _indicator_column(cell: str) -> bool:
    """Whether a header cell is a column of an indicator table: a target year or a
    header word of INDICATOR_COLUMNS."""
    return bool(re.fullmatch(r"20\d{2}年?", cell)) or cell in INDICATOR_HEADERS


def _is_content_column(cell: str) -> bool:
    """A task column that is not a name column (主要内容 beside 项目名称)."""
    return pattern_kind("task_column", cell) and not pattern_kind("name_column", cell)


def _column_of(kind: str, cells: list[str]) -> int | None:
    """The first of the header `cells` written as a column of `kind`, if any."""
    return next((i for i, c in enumerate(cells) if pattern_kind(kind, c)), None)


def _row_layout(
    lines: list[_Line],
    index: int,
    columns: Columns,
    quote: QuoteMaker,
    lexicon: Lexicon,
    unnamed_lead: str | None,
) -> tuple[list[TaskRow], int]:
    rows = []
    last = max(columns.serial, columns.task, columns.units[0])
    while index < len(lines):
        cells = lines[index].cells
        if len(cells) == 1 and GROUP_ROW.match(cells[0][0]):
            index += 1
            continue
        if not _row_at(lines, index, columns, last):
            resumes = _after_continuation(lines, index, columns, last)
            if resumes is None:
                break
            index = resumes
            continue
        units = [cells[i] for i in columns.units if i < len(cells)]
        task = cells[columns.task] if columns.task < len(cells) else ("", lines[index].end)
        row = _row(
            cells[columns.serial][0],
            task,
            units,
            columns.lead_first,
            lines[index],
            quote,
            lexicon,
            unnamed_lead,
        )
        if columns.name is not None and cells[columns.name][0]:
            row = replace(row, name=cells[columns.name])
        rows.append(row)
        index += 1
    return rows, index


def _row_at(lines: list[_Line], index: int, columns: Columns, last: int) -> bool:
    """Whether a row opens at `index`: a whole one, or one the copy broke off in."""
    if _opens_row(lines[index], columns.serial, last):
        return True
    return index == len(lines) - 1 and _cut_row(lines[index], columns)


def _cut_row(line: _Line, columns: Columns) -> bool:
    """Whether the last line of a copy is a row it broke off inside: a serial and the
    cell that titles the row (the name, else the task) and the first unit cell, the
    rest lost (桐乡 2023 标志性成果表 ends `3 | 桐享 健康 | 卫健局 | 结直肠癌筛查(人) |
    41152 | 20`; 常州 钟楼区's 分解表 breaks off in row 5's 主要内容)."""
    title = columns.task if columns.name is None else columns.name
    needed = max(columns.serial, title, columns.units[0])
    return len(line.cells) > needed and bool(SERIAL.match(line.cells[columns.serial][0]))


def _opens_row(line: _Line, serial: int, last: int) -> bool:
    """Whether `line` is a row of its own: a serial and every cell up to `last`."""
    return len(line.cells) > last and bool(SERIAL.match(line.cells[serial][0]))


def _after_continuation(lines: list[_Line], index: int, columns: Columns, last: int) -> int | None:
    """Where the table goes on after the continuation lines at `index`, or None if it
    ends there. A row whose first cells span several lines prints its further lines
    with only their own cells (桐乡 2023 民生标志性成果表: ★人口出生率 | 5.48‰ | 降幅趋缓;
    柯桥区 2023 省政府民生实事一季度进展: 新增学位810个 | |||||), and the next serial
    row follows them."""
    for ahead in range(index + 1, min(index + 1 + MAX_CONTINUATION, len(lines))):
        if _row_at(lines, ahead, columns, last):
            return ahead
    return None


def _cell_layout(
    lines: list[_Line], index: int, quote: QuoteMaker, lexicon: Lexicon, unnamed_lead: str | None
) -> tuple[list[TaskRow], int]:
    """A table one cell a line: the header cells on consecutive lines, then each row
    a serial line followed by its cells (empty ones dropped: the unit cell is the last,
    unless the row prints every cell up to the task and unit columns)."""
    header, at = _cell_header(lines, index)
    columns = _columns(header)
    if columns is None:
        return [], index + 1
    width = len(header)
    rows = []
    while at < len(lines):
        cells = lines[at].cells
        if len(cells) == 1 and GROUP_ROW.match(cells[0][0]):
            at += 1
            continue
        if len(cells) != 1 or not SERIAL.match(cells[0][0]):
            break
        stop = at + 1
        while stop < len(lines) and stop - at < width and not SERIAL.match(lines[stop].cells[0][0]):
            stop += 1
        body = [lines[i] for i in range(at + 1, stop)]
        if len(body) < 2:
            break
        complete = len(body) >= max(columns.task, *columns.units)
        units = [body[i - 1].cells[0] for i in columns.units] if complete else [body[-1].cells[0]]
        task = body[columns.task - 1].cells[0] if complete else body[0].cells[0]
        span = _Line(lines[at].start, lines[stop - 1].end, ())
        lead_first = columns.lead_first and complete
        row = _row(cells[0][0], task, units, lead_first, span, quote, lexicon, unnamed_lead)
        if complete and columns.name is not None and columns.name > 0:
            row = replace(row, name=body[columns.name - 1].cells[0])
        rows.append(row)
        at = stop
    return rows, at


TRAILING_QUALIFIER = re.compile(rf"{HEADER_QUALIFIER}$")


def _column_word(cell: str) -> bool:
    """A header cell that names a column of a task table (its qualifier aside)."""
    return _column_word_pattern().fullmatch(TRAILING_QUALIFIER.sub("", cell)) is not None


@cache
def _column_word_pattern() -> re.Pattern[str]:
    """The words of every column kind as one pattern: a cell is tried once, not once a
    kind (most lines of a text are tried as a header cell; issue 16, build CPU)."""
    return re.compile(patterns_of(COLUMN_KINDS))


def _cell_header(lines: list[_Line], index: int) -> tuple[list[str], int]:
    """The header cells of a table one cell a line that starts at `index`, and where its
    body starts: a header word first, then every short cell up to the first row's serial.
    A progress table heads columns with words of its own (海安市民政局 2023年民生实事项目
    实施进度表: 最新进度（8月24日） | 是否达序时 | 未达序时原因及存在问题; 岳阳楼区
    2017年1-8月省重点民生实事完成情况表: 1-8月实际完成情况 | 1-8月实际完成率%), which keep
    their place. A header word split over two lines is one cell (項目 / 名稱, as 万州's
    指标表 splits 指标 / 属性), and so is a qualifier under its word (進展情況 / (7月))."""
    header: list[str] = []
    at = index
    while at < min(len(lines), index + MAX_HEADER_CELLS):
        cell = lines[at].cells[0][0]
        if len(lines[at].cells) != 1 or SERIAL.match(cell) or len(cell) > MAX_HEADER_WORD + 4:
            break
        following = lines[at + 1].cells[0][0] if at + 1 < len(lines) else ""
        if header and QUALIFIER_CELL.match(cell):
            header[-1] += cell
        elif not _column_word(cell) and _column_word(cell + following):
            header.append(cell + following)
            at += 1
        elif header or _column_word(cell):
            header.append(cell)
        else:
            break
        at += 1
    return header, at


def _row(
    serial: str,
    task: tuple[str, int],
    units: list[tuple[str, int]],
    lead_first: bool,
    line: _Line,
    quote: QuoteMaker,
    lexicon: Lexicon,
    unnamed_lead: str | None,
) -> TaskRow:
    """A row; with `lead_first`, every unit of the first unit cell (牵头单位) leads."""
    mentions = [
        (DepartmentMention(name, quote(base + s, base + e)), lead or (lead_first and not n))
        for n, (text, base) in enumerate(units)
        for s, e, name, lead in _cell_units(text, lexicon, None if lead_first else unnamed_lead)
        if written_as_unit(name) or COLLECTIVE_CELL.match(name)
    ]
    return TaskRow(
        table=0,
        serial=serial.rstrip(".、．"),
        task=task[0],
        task_start=task[1],
        units=tuple(m for m, _ in mentions),
        lead=tuple(m for m, lead in mentions if lead),
        start=line.start,
        end=line.end,
    )


COLLECTIVE_CELL = re.compile(r"^[省市县区]?(各有关|各相关|有关|相关)(单位|部门|镇街)$")
"""A unit cell whose whole content is a collective of units: the table assigns the row
to them (南陵 2024 政府工作报告目标任务分解表: 县各有关单位; 杭州 余杭区 民生实事: 相关镇街),
where in prose (相关部门要…) the same words name no unit."""


def _cell_units(
    text: str, lexicon: Lexicon, unnamed_lead: str | None
) -> list[tuple[int, int, str, bool]]:
    """The units of a unit cell: its list, or the whole cell when it names a collective."""
    name = text.strip()
    if COLLECTIVE_CELL.match(name):
        at = text.index(name)
        return [(at, at + len(name), name, unnamed_lead is not None)]
    return split_roles(text, lexicon, unnamed_lead)


def row_measures(row: TaskRow, quote: QuoteMaker) -> list[tuple[Measure, int, int]]:
    """A task-table row as a measure of its own, with its sub-measures where it is a named
    row whose task cell numbers its items; each with the span of text it governs."""
    key = f"table{row.table}.{row.serial}"
    title_at = row.name[1] if row.name is not None else row.task_start
    measure = Measure(
        key=key,
        number=row.serial,
        title=row.title,
        parent=None,
        quote=quote(title_at, title_at + len(row.title)),
        responsible=row.units,
        lead=row.lead,
    )
    found = [(measure, row.start, row.end)]
    if row.name is None:
        return found
    for place, (number, start, end) in enumerate(cell_items(row.task), 1):
        at, title = row.task_start + start, row.task[start:end]
        child = Measure(
            key=f"{key}.{place}",
            number=number,
            title=title,
            parent=key,
            quote=quote(at, at + len(title)),
            responsible=row.units,
            lead=row.lead,
        )
        found.append((child, at, at + len(title)))
    return found


CELL_ITEM = re.compile(r"(?:^|(?<=[。；;]))\s*(\d{1,2}[.、．])(?!\d)")
"""An item number that opens a task cell or follows the close of an item (1.…；2.…。3.…)."""


def cell_items(cell: str) -> list[tuple[str, int, int]]:
    """The numbered items of a task cell (number, start, end of its words without the
    closing 。/；), when the cell opens with item 1 and numbers two or more; else none.
    An item runs to the next number, so a ； inside it (…等3个项目；启动建设…) stays."""
    marks = list(CELL_ITEM.finditer(cell))
    if len(marks) < 2 or marks[0].start() != 0 or not marks[0][1].startswith("1"):
        return []
    items = []
    for mark, following in zip(marks, [*marks[1:], None], strict=True):
        end = following.start() if following else len(cell)
        words = cell[mark.end() : end].rstrip("。；; ")
        items.append((mark[1], mark.end(), mark.end() + len(words)))
    return items


RUN_UNIT_ENDINGS = re.compile(rf"(?:{UNIT_ENDINGS.pattern})|镇街$")
"""Unit names, and the collective 镇街 (相关镇街) that task tables of districts write."""
RUN_SERIAL = re.compile(r"^\s*\d{1,3}[.、．]?(?!\d)")
RUN_SEPARATORS = "、，, \t"
HEADER_BEFORE = re.compile(r"(^\s*|表)$")
HEADER_AFTER = re.compile(r"\s*[^\s\d]")
"""A run-together header stands on a line of its own or after the table's title
(…责任分解表序号项目名称…), and the first row's serial or the line's end follows it."""
MAX_RUN_UNIT = 12
MAX_HEADER_WORD = 10
MAX_HEADER_CELLS = 10
MAX_CONTINUATION = 3


def run_together_tables(text: str, quote: QuoteMaker, lexicon: Lexicon) -> list[list[TaskRow]]:
    """Task tables whose copy lost every cell separator (a Word table as a sharing site
    or a progress page extracts it): the header words run together
    (序号项目名称主要内容区政府分管领导牵头单位配合单位, 实事内容工作任务责任单位进展情况),
    and so do the cells of each row (…增加学位5000个。何海平教育局经开区…2促进就业…,
    …创建20个无障碍社区。区残联,相关镇街1.完成第一批…). A row ends where its task cell's
    last sentence (。) is followed by its unit cell: the person of a 分管领导 column the
    header puts between them (two or three characters), then a run of unit names, each
    ending like one (局, 委, 街道, 公司, 镇街 …); the next row begins after the run."""
    tables = []
    for line in re.finditer(r"[^\n]+", text):
        if first_match(CELL_SEPARATOR, line.group().strip()):
            continue
        header = _run_header(line.group())
        if header is None:
            continue
        columns, end = header
        stop = text.find("\n\n", line.start() + end)
        body_end = len(text) if stop < 0 else stop
        rows = _run_rows(text, line.start() + end, body_end, columns, quote, lexicon)
        if rows:
            tables.append(rows)
    return tables


def _run_header(line: str) -> tuple[tuple[Columns, int], int] | None:
    """The columns of a header whose words run together anywhere in `line`, with the
    number of other columns (分管领导) between the task and the unit column, and where
    the header ends; None if the line holds none."""
    if pattern_at("unit_column", line) is None:
        return None
    for run in opening_matches(_header_run(), line):
        if not HEADER_BEFORE.search(line[: run.start()]) or HEADER_AFTER.match(line, run.end()):
            continue  # 明确重点任务、责任单位和完成时限 in prose
        words, at = [], run.start()
        while at < run.end():
            size = next(
                (
                    n
                    for n in range(min(MAX_HEADER_WORD, run.end() - at), 1, -1)
                    if _column_word_pattern().fullmatch(line[at : at + n])
                ),
                None,
            )
            if size is None:
                break
            words.append(line[at : at + size])
            at += size
        columns = _columns(words, need_serial=False) if len(words) >= 3 else None
        if columns is not None:
            between = words[columns.task + 1 : columns.units[0]]
            skipped = sum(1 for word in between if pattern_kind("other_column", word))
            return (columns, skipped), at
    return None


@cache
def _header_run() -> re.Pattern[str]:
    """Three or more header words with nothing between them."""
    return re.compile(rf"(?:{patterns_of(COLUMN_KINDS)}){{3,}}")


def _run_rows(
    text: str,
    start: int,
    end: int,
    header: tuple[Columns, int],
    quote: QuoteMaker,
    lexicon: Lexicon,
) -> list[TaskRow]:
    columns, skipped = header
    rows: list[TaskRow] = []
    row_start = start
    for stop in re.finditer("。", text[start:end]):
        task_end = start + stop.start()
        units = _unit_run(text, task_end + 1, end, skipped, lexicon)
        if not units:
            continue
        task_start = max(row_start, text.rfind("\n", 0, task_end) + 1)
        task_start += len(text[task_start:task_end]) - len(text[task_start:task_end].lstrip("。 "))
        serial = RUN_SERIAL.match(text[task_start:task_end])
        if serial:
            task_start += serial.end()
        task = text[task_start:task_end].strip()
        if len(task) < 4:
            continue
        mentions = tuple(DepartmentMention(name, quote(s, e)) for s, e, name in units)
        rows.append(
            TaskRow(
                table=0,
                serial=serial.group().strip().rstrip(".、．") if serial else str(len(rows) + 1),
                task=task,
                task_start=task_start,
                units=mentions,
                lead=mentions[:1] if columns.lead_first else (),
                start=task_start,
                end=units[-1][1],
            )
        )
        row_start = units[-1][1]
    return _with_rest(text, rows, end)


def _with_rest(text: str, rows: list[TaskRow], end: int) -> list[TaskRow]:
    """Rows that run on to where the next row begins: the cells a run-together row prints
    after its units are its own, the rest of a content cell the copy split (常州 钟楼区
    分解表: …民政局高新园(邹区镇)各街道提升改造8家城乡社区居家养老服务中心(站)。对300户…)
    or its later columns (余杭 民生实事: …区残联,相关镇街1.完成第一批申报…, the 进展情况
    cells). The last row runs to the end of its line, or to the header printed again."""
    extended = []
    for row, following in zip(rows, [*rows[1:], None][: len(rows)], strict=True):
        if following is not None:
            stop = following.start - len(following.serial)
        else:
            line_end = text.find("\n", row.end, end)
            stop = end if line_end < 0 else line_end
            header = _header_run().search(text, row.end, stop)
            stop = header.start() if header else stop
        extended.append(replace(row, end=max(row.end, stop)))
    return extended


def _unit_run(
    text: str, at: int, end: int, skipped: int, lexicon: Lexicon
) -> list[tuple[int, int, str]]:
    """The unit names that follow a task cell at `at`: after the person of each column
    `skipped` (the shortest name after which a known unit name begins, else three
    characters), names ending like units, with or without separators between them."""
    departments, _ = lexicon.unit_labels
    for _ in range(skipped):
        at += next((n for n in (2, 3) if any(text.startswith(d, at + n) for d in departments)), 3)
    units: list[tuple[int, int, str]] = []
    while True:
        while at < end and text[at] in RUN_SEPARATORS:
            at += 1
        size = _unit_size(text[at : min(end, at + MAX_RUN_UNIT + 2)], departments)
        if size is None:
            return units
        units.append((at, at + size, text[at : at + size]))
        at += size


def _unit_size(window: str, departments: frozenset[str]) -> int | None:
    """The length of the unit name `window` opens with: the shortest prefix that ends
    like a unit name with its brackets closed, unless a name ending within two more
    characters (相关镇 → 相关镇街) or a known name (各镇乡街道) runs on; None if the window
    opens with no unit name (a digit, a sentence, a progress note)."""
    names = [
        n
        for n in range(2, min(len(window), MAX_RUN_UNIT) + 1)
        if RUN_UNIT_ENDINGS.search(window[:n].rstrip(CLOSE))
        and _closed(window[:n])
        and not window[n - 1].isspace()  # the $ of UNIT_ENDINGS matches before a line end
    ]
    if not names or re.search(r"[\d。；;：:“”]", window[: names[0]]):
        return None
    if any(pattern_at(kind, window[: names[0]]) is not None for kind in COLUMN_KINDS):
        return None  # a header printed again (序号项目名称主要内容区政府…)
    known = [n for n in names if window[:n] in departments]
    if known:
        return max(known)
    return max(n for n in names if n <= names[0] + 2)


def _closed(name: str) -> bool:
    return sum(name.count(c) for c in OPEN) == sum(name.count(c) for c in CLOSE)
