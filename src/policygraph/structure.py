"""The outline of a plan: its numbered headings, its paragraphs and its tables.

Chinese policy documents number their parts with a fixed ladder of markers:
一、 (chapter) › （一） (section) › 1. (item) › （1） (sub-item) › ① (point).
Headings often run on into their text (`1.统筹制定规划，科学谋划布局。将…`), and
web copies flatten tables to one cell a line. `outline_text` finds all three
on a normalised text; every span is an offset into that text.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

CN_NUM = "一二三四五六七八九十"

MARKER_LEVELS: tuple[tuple[int, re.Pattern[str]], ...] = (
    (0, re.compile(rf"第[{CN_NUM}]{{1,3}}(?:章|部分)[ ]*")),
    (1, re.compile(rf"[{CN_NUM}]{{1,3}}、")),
    (2, re.compile(rf"（[{CN_NUM}]{{1,3}}）")),
    (3, re.compile(r"\d{1,2} ?[.、，](?![\d%])")),
    (4, re.compile(r"（\d{1,2}）")),
    (5, re.compile(r"[①-⑳]")),
)
"""The heading ladder: (第一章 / 第一部分 ›) 一、 › （一） › 1. (also 1、 and the garbled
1， 1 .) › （1） › ①. A marker counts at the start of a line, or after a sentence end;
a 第…章 only at the start of a line."""

RUN_ON_ITEM = re.compile(r"(?<=[\u4e00-\u9fff])1(?=[\u4e00-\u9fff])")
"""A first item whose marker lost its dot and runs on from the chapter title:
`二、重点任务1健全养老托育服务规划体系。`"""

TITLE_END = re.compile(r"。|；|到\d{4}|\n|$")
MAX_TITLE = 40
SENTENCE_END = "。；！？"


@dataclass(frozen=True)
class Heading:
    """A numbered heading: its marker, its title and where its body starts."""

    level: int
    marker: str
    number: int
    title: str
    start: int
    title_start: int
    title_end: int


@dataclass(frozen=True)
class Section:
    """A heading with the text it governs, up to the next heading of its level or higher."""

    key: str
    heading: Heading
    parent: str | None
    start: int
    end: int
    body_start: int
    body_end: int


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
    layout: str  # "cell-per-line" or "row-per-line"
    caption: str | None = None


@dataclass(frozen=True)
class Outline:
    sections: tuple[Section, ...]
    tables: tuple[Table, ...]
    paragraphs: tuple[tuple[int, int], ...]

    def section_at(self, offset: int) -> Section | None:
        """The innermost section whose body contains `offset`."""
        best: Section | None = None
        for section in self.sections:
            if section.start <= offset < section.end and (
                best is None or section.heading.level >= best.heading.level
            ):
                best = section
        return best

    def ancestors(self, key: str) -> list[Section]:
        """The section with `key` and all sections above it, innermost first."""
        by_key = {s.key: s for s in self.sections}
        chain: list[Section] = []
        current = by_key.get(key)
        while current is not None:
            chain.append(current)
            current = by_key.get(current.parent) if current.parent else None
        return chain


def outline_text(text: str) -> Outline:
    """Headings, sections, tables and paragraphs of a normalised plan text."""
    tables = tuple(find_tables(text))
    in_table = _span_test([(t.start, t.end) for t in tables])
    headings = [h for h in find_headings(text) if not in_table(h.start)]
    sections = tuple(_nest(headings, len(text)))
    paragraphs = tuple(
        (m.start(), m.end())
        for m in re.finditer(r"[^\n]+", text)
        if not in_table(m.start()) and m.group().strip()
    )
    return Outline(sections=sections, tables=tables, paragraphs=paragraphs)


def find_headings(text: str) -> list[Heading]:
    """Numbered headings at line starts or after a sentence end, in text order."""
    headings: list[Heading] = []
    for pos in _candidate_positions(text):
        for level, pattern in MARKER_LEVELS:
            match = pattern.match(text, pos)
            if match is None:
                continue
            heading = _heading(text, level, match.group(), match.start(), match.end())
            if heading is not None and _plausible(heading, headings, pos, text):
                headings.append(heading)
                headings.extend(_run_on_item(text, heading))
            break
    return headings


def _candidate_positions(text: str) -> list[int]:
    starts = {0} | {m.end() for m in re.finditer(r"\n[ ]*", text)}
    starts |= {m.end() for m in re.finditer(rf"[{SENTENCE_END}][ ]*", text)}
    return sorted(starts)


def _heading(text: str, level: int, marker: str, start: int, title_start: int) -> Heading | None:
    end = TITLE_END.search(text, title_start)
    title_end = end.start() if end else len(text)
    title = text[title_start:title_end].strip()
    if not title or not re.match(r"[\u4e00-\u9fff“《]", title) or len(title) > MAX_TITLE:
        return None
    if level == 1 and (run_on := RUN_ON_ITEM.search(title)) is not None:
        title_end = title_start + run_on.start()
        title = text[title_start:title_end]
    return Heading(
        level=level,
        marker=marker.strip(),
        number=_marker_number(marker),
        title=title,
        start=start,
        title_start=title_start,
        title_end=title_end,
    )


def _run_on_item(text: str, chapter: Heading) -> list[Heading]:
    if chapter.level != 1 or text[chapter.title_end : chapter.title_end + 1] != "1":
        return []
    item = _heading(text, 3, "1", chapter.title_end, chapter.title_end + 1)
    return [item] if item is not None else []


def _plausible(heading: Heading, earlier: list[Heading], pos: int, text: str) -> bool:
    """At a line start any marker counts; mid-line (after 。) only the next number in
    sequence does, so list numbers inside a paragraph are not taken for headings."""
    if pos == 0 or text[pos - 1] == "\n" or text[:pos].rstrip(" ").endswith("\n"):
        return True
    if heading.level == 0:
        return False
    same = [h for h in earlier if h.level == heading.level]
    expected = same[-1].number + 1 if same else 1
    higher = [h for h in earlier if h.level < heading.level]
    if heading.number == 1:
        return not same or (bool(higher) and same[-1].start < higher[-1].start)
    return heading.number == expected


def _marker_number(marker: str) -> int:
    digits = re.search(r"\d+", marker)
    if digits:
        return int(digits.group())
    circled = re.search(r"[①-⑳]", marker)
    if circled:
        return ord(circled.group()) - ord("①") + 1
    return chinese_numeral(re.sub(r"[^" + CN_NUM + "]", "", marker))


def chinese_numeral(word: str) -> int:
    """一 → 1, 十 → 10, 十六 → 16, 二十三 → 23 (numbers used in heading markers)."""
    digits = {c: i + 1 for i, c in enumerate(CN_NUM[:9])}
    if "十" not in word:
        return digits.get(word, 0)
    tens, _, ones = word.partition("十")
    return digits.get(tens, 1) * 10 + digits.get(ones, 0)


def _nest(headings: list[Heading], text_end: int) -> list[Section]:
    sections: list[Section] = []
    stack: list[tuple[Heading, str]] = []
    counters: dict[str | None, int] = {}
    for index, heading in enumerate(headings):
        while stack and stack[-1][0].level >= heading.level:
            stack.pop()
        parent = stack[-1][1] if stack else None
        counters[parent] = counters.get(parent, 0) + 1
        key = f"{parent}.{counters[parent]}" if parent else str(counters[parent])
        end = next((h.start for h in headings[index + 1 :] if h.level <= heading.level), text_end)
        body_end = headings[index + 1].start if index + 1 < len(headings) else text_end
        body_end = min(body_end, end)
        sections.append(
            Section(
                key=key,
                heading=heading,
                parent=parent,
                start=heading.start,
                end=end,
                body_start=heading.title_end,
                body_end=body_end,
            )
        )
        stack.append((heading, key))
    return sections


def _span_test(spans: list[tuple[int, int]]):  # type: ignore[no-untyped-def]
    def inside(offset: int) -> bool:
        return any(start <= offset < end for start, end in spans)

    return inside


# --- tables -----------------------------------------------------------------

HEADER_CELL = re.compile(
    r"^(序号|编号|指标名称|指标|名称|项目|单位|计量单位|属性|指标属性|指标性质|类型|"
    r"责任单位|牵头单位|责任部门|备注|地区|区域|县（市、区）|县市区|"
    r"(\d{4}年?|基期|现状|目标).*)$"
)
"""Cells that only a table header holds: 序号, 指标名称, 单位, year columns
(2021, 2025年, 2025年养老床位（张）), 属性, 责任单位, 地区 …"""

FIRST_HEADER_CELL = re.compile(r"^(序号|编号|地区|区域|县（市、区）|县市区)$")
CELL_SEPARATOR = re.compile(r" ?\| ?|\t+| {2,}")


def find_tables(text: str) -> list[Table]:
    """Tables in either layout: one cell a line (optionally ending in `|`), or one
    row a line with cells separated by `|`, tabs or runs of spaces."""
    lines = _lines(text)
    tables: list[Table] = []
    index = 0
    while index < len(lines):
        line = lines[index][2]
        row = _split_row(line)
        if len(row) >= 3 and FIRST_HEADER_CELL.match(row[0][0]):
            table, index = _read_row_table(text, lines, index)
            tables.append(table)
            continue
        if FIRST_HEADER_CELL.match(_cell_text(line)):
            table, index = _read_cell_table(text, lines, index)
            if table is not None:
                tables.append(table)
                continue
        index += 1
    return tables


def _lines(text: str) -> list[tuple[int, int, str]]:
    """Every line of `text` with its start and end offsets."""
    lines = []
    start = 0
    for line in text.split("\n"):
        lines.append((start, start + len(line), line))
        start += len(line) + 1
    return lines


def _cell_text(line: str) -> str:
    return line.strip().rstrip("|").strip()


def _split_row(line: str) -> list[tuple[str, int, int]]:
    cells = []
    pos = 0
    for part in CELL_SEPARATOR.split(line):
        at = line.find(part, pos) if part else pos
        pos = at + len(part)
        if part.strip():
            stripped = part.strip()
            offset = at + part.find(stripped)
            cells.append((stripped, offset, offset + len(stripped)))
    return cells


def _read_cell_table(
    text: str, lines: list[tuple[int, int, str]], index: int
) -> tuple[Table | None, int]:
    cells: list[Cell] = []
    blank_run = 0
    runs: list[int] = []
    j = index
    while j < len(lines):
        start, end, line = lines[j]
        content = _cell_text(line)
        if not content:
            blank_run += 1
            j += 1
            continue
        if cells and (_ends_table(content) or _heading_not_group(content, lines, j)):
            break
        at = start + line.find(content)
        cells.append(Cell(content, at, at + len(content), blank_run))
        runs.append(blank_run)
        blank_run = 0
        j += 1
    header: list[Cell] = []
    for cell in cells:
        if HEADER_CELL.match(cell.text) and len(header) < 12:
            header.append(cell)
        else:
            break
    if len(header) < 3:
        return None, index + 1
    usual = _usual_gap(runs[len(header) :])
    body = tuple(
        Cell(c.text, c.start, c.end, max(0, c.gap_before - usual)) for c in cells[len(header) :]
    )
    caption = _caption(text, lines, index)
    end = body[-1].end if body else header[-1].end
    return (
        Table(tuple(header), body, header[0].start, end, "cell-per-line", caption),
        j,
    )


def _read_row_table(text: str, lines: list[tuple[int, int, str]], index: int) -> tuple[Table, int]:
    start, _, line = lines[index]
    header = tuple(Cell(t, start + s, start + e) for t, s, e in _split_row(line))
    cells: list[Cell] = []
    j = index + 1
    while j < len(lines):
        row_start, _, row_line = lines[j]
        row = _split_row(row_line)
        if not row:
            j += 1
            continue
        if len(row) < 2:
            break
        cells.extend(Cell(t, row_start + s, row_start + e) for t, s, e in row)
        j += 1
    end = cells[-1].end if cells else header[-1].end
    return Table(
        header, tuple(cells), header[0].start, end, "row-per-line", _caption(text, lines, index)
    ), j


def _ends_table(content: str) -> bool:
    """Prose after a table: a long line with sentence punctuation, or a chapter heading
    followed by prose rather than a table row."""
    return len(content) > 60 or ("。" in content and len(content) > 30)


def _heading_not_group(content: str, lines: list[tuple[int, int, str]], j: int) -> bool:
    """A chapter or section heading inside a table is a group row (一、养老服务) only
    when a numbered row follows it; otherwise the table has ended."""
    if not any(level <= 2 and p.match(content) for level, p in MARKER_LEVELS):
        return False
    following = next((_cell_text(line) for _, _, line in lines[j + 1 :] if line.strip()), "")
    return not following.isdigit()


def _usual_gap(runs: list[int]) -> int:
    if not runs:
        return 0
    return max(set(runs), key=runs.count)


def _caption(text: str, lines: list[tuple[int, int, str]], index: int) -> str | None:
    for k in range(index - 1, max(-1, index - 4), -1):
        content = lines[k][2].strip()
        if content:
            return content if len(content) <= 40 and "。" not in content else None
    return None
