"""Targets of indicator tables: what a plan promises, by when, in which unit, how strictly.

Headers decide meaning (序号, 类别, 指标名称, 单位, year columns — 基期/现状 ones are
baselines —, 属性, 责任单位: the header words of data/cues.csv). With one cell a line,
empty cells are often dropped, so each row places its values by its own evidence (a
value equal to the next serial stays in its row); with one row a line (web copies,
Word tables), cells sit in their columns, a row that lost merged cells is anchored by
its serial number, and a row whose cells do not fit is placed by its 属性 word.
Allocation tables (a region per row) give targets of those regions. Running text is
read by `statements.py`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from policygraph.cues import cue_pattern, cue_values, cue_words, words_with
from policygraph.extract.cells import (
    BINDING_WORDS,
    RATE_NUMERATOR,
    TABLE_UNIT_CELL,
    Quantity,
    group_label,
    names_indicator,
    names_unit,
    parse_cell,
    table_unit,
)
from policygraph.extract.departments import split_units
from policygraph.extract.numbers import FIVE_YEAR_PLAN_NAMES, FIVE_YEAR_PLANS
from policygraph.lexicon import KEY_MARKS
from policygraph.markers import CN_NUM
from policygraph.model import Bindingness, DepartmentMention, QuoteMaker, Target
from policygraph.tables import SERIAL_IN_NAME, Cell, Table, serial_number
from policygraph.units import UNIT_PATTERN

NON_TARGET_UNITS = frozenset({"元", "个百分点", "岁"})
"""Units of figures in running text that are norms, changes or age bounds (3岁以下),
not targets (an area in 平方米 is one only per head: statements.AREA_UNITS)."""

NAME_WITH_UNIT = re.compile(
    rf"^(?P<name>.+?)（(?P<unit>{RATE_NUMERATOR}(?:{UNIT_PATTERN}|年)(?:/[\u4e00-\u9fff]{{1,6}})?)）$"
)
"""A unit written inside the indicator name: 养老机构护理型床位占比（%）, 托位数（个）,
每千名老年人养老床位数（张/千人）, 孕产妇死亡率（1/10万）, 劳动年龄人口平均受教育年限（年）
(years: a unit of table names only, not of running text's figures)."""

GROUP_ROW = re.compile(rf"^[{CN_NUM}]+、(?P<domain>.+)$")
HEADER_KINDS = cue_values("header")
"""Header cells by the column they head (data/cues.csv, kind header): 序号 → serial,
指标名称 → name, 单位 → unit, 属性 → attr, 责任单位 → resp, 领域 → group, 地区 → region."""
YEAR_HEADER = re.compile(r"^(?P<year>\d{4})年?(?P<rest>.*)$")
BASELINE_HEADER = re.compile("|".join(words_with("header_year", "base")))
"""Year columns that hold the starting point: 2020年（基期）, 现状值, 2021年实际."""
TARGET_HEADER = re.compile("|".join(words_with("header_year", "goal")))
"""Year columns that hold the goal: 2025年目标值, 目标值."""
TOTAL_ROW = frozenset(cue_words("total") + words_with("scope", "whole"))
"""The sum row of an allocation table (合计, 全市) is the plan's own total, not a region's
target."""
CHANGE_HEADER = re.compile(rf"比\d{{4}}年|{cue_pattern('header_change')}")
"""Columns that state a change over the period, not a level at a year: 2015年比2010年增长,
年均增长, 〔累计〕 (data/cues.csv, kinds header `change` and header_change). 国发〔2016〕65号
专栏1 prints 2015年 | 2020年 | 〔累计〕 | 属性, the 十四五 纲要's 主要指标 2020年 | 2025年 |
年均/累计 | 属性: read as years, a header with 2015年比2010年增长 became a second 2015 goal."""
CHANGE_NAME = re.compile(cue_pattern("change_name"))
"""An indicator, or the group it stands in, named as a change (浓度下降, 能源消耗降低, 排放总量
减少, 新增…面积: data/cues.csv, kind change_name): its change column states its goal."""
REVIEW_CAPTION = re.compile(cue_pattern("review_caption"))
"""A table captioned as what was achieved (“十三五”时期主要指标完成情况: data/cues.csv, kind
review_caption): its caption's year dates no goal column."""
FIVE_YEAR_PLAN = re.compile(rf"“?(?P<plan>{FIVE_YEAR_PLAN_NAMES})”?")
"""A “十四五”目标 column holds the goals for the end of that five-year plan, 2025."""


# --- tables -------------------------------------------------------------------


def table_targets(table: Table, quote: QuoteMaker) -> list[Target]:
    """Targets of an indicator table or an allocation table (a region per row)."""
    if HEADER_KINDS.get(table.header[0].text) == "region":
        return _allocation_targets(table, quote)
    return _indicator_targets(table, quote)


@dataclass(frozen=True)
class PlacedRow:
    """A row of a one-row-a-line table, its cells paired with their column kinds; `units`
    its responsible cells (printed or, for a row of indicator cells only, those of the
    row above)."""

    pairs: list[tuple[str, Cell]]
    units: tuple[Cell, ...]


def _placed_rows(rows: tuple[tuple[Cell, ...], ...], kinds: list[str]) -> list[PlacedRow]:
    """Rows with their cells in their columns. A 属性 cell merged over the rows of a group
    is printed in its first row only (国发〔2016〕65号 专栏1: 化学需氧量 | - | - | 〔10〕 | 约束性,
    then 氨氮 | - | - | 〔10〕): a row that stops before the 属性 column keeps the one above,
    within its group row, as rows keep the units of a merged 责任单位 cell (`_indicator_cells`)."""
    placed: list[PlacedRow] = []
    spanned: tuple[Cell, ...] = ()  # the units of the last row that printed them
    spanned_attr: Cell | None = None  # the 属性 of the last row of the group that printed it
    for row in rows:
        filled = [c for c in row if c.text]
        pairs = list(zip(kinds[_row_offset(row, kinds) :], row, strict=False))
        if len(filled) < 2:
            placed.append(PlacedRow(pairs, ()))
            spanned_attr = None
            continue
        attr = dict(pairs).get("attr")
        if attr is not None and attr.text:
            spanned_attr = attr
        elif attr is None and "attr" in kinds and spanned_attr is not None:
            pairs.append(("attr", spanned_attr))
        inner = _indicator_cells(filled, kinds) if "name" not in dict(pairs) else None
        units = tuple(c for k, c in pairs if k == "resp" and c.text)
        if inner is not None:
            pairs, units = inner, spanned
        spanned = units or spanned
        placed.append(PlacedRow(pairs, units))
    return placed


def _columns(header: tuple[Cell, ...], caption_year: int | None) -> list[str]:
    """Header cells as column kinds: serial, group, name, unit, year:NNNN (a goal) or
    base:NNNN (a baseline; base: when the header gives no year), change (a change over
    the period, `CHANGE_HEADER`), attr, resp, other."""
    kinds: list[str] = []
    texts = [c.text for c in header]
    for index, text in enumerate(texts):
        if text == "属性" and index and texts[index - 1] == "指标":
            kinds[-1] = "attr"
            continue
        year = _header_year(text) or _goal_year_of_caption(text, caption_year)
        exact = HEADER_KINDS.get(text)
        if exact is not None:
            kinds.append("other" if exact == "region" else exact)
        elif CHANGE_HEADER.search(text) and "名称" not in text:
            kinds.append("change")
        elif BASELINE_HEADER.search(text) and not TARGET_HEADER.search(text):
            kinds.append(f"base:{year or ''}")
        elif "名称" in text:
            kinds.append("name")
        elif "单位" in text and "责任" not in text and "牵头" not in text:
            kinds.append("unit")
        elif year:
            kinds.append(f"year:{year}")
        elif "属性" in text or "性质" in text:
            kinds.append("attr")
        elif "责任" in text or "牵头" in text:
            kinds.append("resp")
        else:
            kinds.append("other")
    return _name_column(kinds)


def _name_column(kinds: list[str]) -> list[str]:
    """Without a header word for it (规划指标体系), the name column is the first other
    column before the year columns."""
    years = [i for i, k in enumerate(kinds) if k.startswith(("year:", "base:"))]
    if "name" in kinds or not years or "other" not in kinds[: years[0]]:
        return kinds
    named = list(kinds)
    named[kinds.index("other")] = "name"
    return named


def _goal_year_of_caption(text: str, caption_year: int | None) -> int | None:
    """A goal column that names no year (目标值, 规划目标, 预期值) holds the goals for the
    year its table's caption names: 表1 “十四五”时期养老服务主要指标 (2025), 到2025年主要指标
    (the caption's latest year, so 2021—2025年 is 2025). Without it the table gave nothing."""
    if caption_year is None or not TARGET_HEADER.search(text) or BASELINE_HEADER.search(text):
        return None
    return caption_year


def _caption_year(caption: str | None) -> int | None:
    """The latest year a table's caption names, written (2025年) or as a five-year plan
    (“十四五” ends 2025); none where the caption reviews what was achieved
    (`REVIEW_CAPTION`: “十三五”时期主要指标完成情况)."""
    if not caption or REVIEW_CAPTION.search(caption):
        return None
    years = [int(y) for y in re.findall(r"(20\d{2})年", caption)]
    years += [FIVE_YEAR_PLANS[m["plan"]] for m in FIVE_YEAR_PLAN.finditer(caption)]
    return max(years, default=None)


def _header_year(text: str) -> int | None:
    """2025, 2025年, 2025年目标值, 目标值（2025年）, “十四五”目标 (the plan period ends 2025)."""
    if (year := YEAR_HEADER.match(text)) is not None:
        return int(year["year"])
    if BASELINE_HEADER.search(text) or TARGET_HEADER.search(text):
        inner = re.search(r"(20\d{2})年?", text)
        if inner is not None:
            return int(inner.group(1))
        if (period := FIVE_YEAR_PLAN.search(text)) is not None:
            return FIVE_YEAR_PLANS[period["plan"]]
    return None


def _rows(cells: tuple[Cell, ...], kinds: list[str]) -> list[tuple[str | None, list[Cell]]]:
    """Rows of a numbered table: (group, the row's cells after its serial). With a
    类别 column, the label of a group of rows stands just before the serial of its
    first row (the merged cell is printed once), or just after it where the header
    puts 领域 after 序号 (`_group_after_serial`). The next serial number opens a row
    only where an indicator name follows it: a value equal to it (a 2025 value of 3
    before row 3) stays in its row."""
    rows: list[tuple[str | None, list[Cell]]] = []
    group: str | None = None
    expected = 1
    group_first = "group" in kinds and "serial" in kinds
    group_first = group_first and kinds.index("group") < kinds.index("serial")
    labelled = False
    for index, cell in enumerate(cells):
        following = cells[index + 1].text if index + 1 < len(cells) else ""
        if serial_number(cell.text) == expected and names_indicator(following):
            rows.append((group, []))
            labelled = False
            expected += 1
        elif (match := GROUP_ROW.match(cell.text)) and not (rows and not rows[-1][1]):
            group = match["domain"].strip()
        elif group_first and serial_number(following) == expected and group_label(cell.text):
            group = cell.text
        elif (
            rows
            and not rows[-1][1]
            and not labelled
            and _group_after_serial(cell.text, following, kinds)
        ):
            group, labelled = cell.text, True  # one label a row: a wrapped name follows it
            rows[-1] = (group, [])
        elif rows:
            rows[-1][1].append(cell)
    return rows


def _attribute_rows(
    cells: tuple[Cell, ...], kinds: list[str]
) -> list[tuple[str | None, list[Cell]]]:
    """Rows of a table without serials, one cell a line (指标 | 单位 | 2020年 | 2025年 |
    属性, optionally 领域 before and 责任单位 after): each row ends with its 约束性/预期性
    cell, however many empty cells it dropped, and the unit cells that follow it where a
    责任单位 column comes last — one a column after 属性, as a cell a line prints one
    cell a column: the next row's name may end as a body does (区域性养老服务中心, 农村
    幸福院, listed indicators of 泉州 2021 and 福建 2018) and is no second owner. A
    chapter-numbered line (一、养老服务) is a group row; with a 领域 column before the name,
    a short label opening a row is its group."""
    if "attr" not in kinds or kinds[-1] not in ("attr", "resp"):
        return []
    owner_columns = len(kinds) - 1 - kinds.index("attr")
    rows: list[tuple[str | None, list[Cell]]] = []
    group: str | None = None
    current: list[Cell] = []
    labelled = False
    owners = 0
    for index, cell in enumerate(cells):
        following = cells[index + 1].text if index + 1 < len(cells) else ""
        if not current and (match := GROUP_ROW.match(cell.text)):
            group = match["domain"].strip()
        elif not current and rows and owners < owner_columns and names_unit(cell.text):
            rows[-1][1].append(cell)
            owners += 1
        elif not current and not labelled and _group_before_name(cell.text, following, kinds):
            group, labelled = cell.text, True  # one label a row: a wrapped name follows it
        elif cell.text in BINDING_WORDS:
            rows.append((group, [*current, cell]))
            current, labelled, owners = [], False, 0
        else:
            current.append(cell)
    return rows


def _group_before_name(text: str, following: str, kinds: list[str]) -> bool:
    """A 领域 label opening a row of a table whose 领域 column comes before the name and
    that has no 序号 to tell them apart: short, words, and followed by a name."""
    if "group" not in kinds or "name" not in kinds or kinds.index("group") > kinds.index("name"):
        return False
    return len(text) <= GROUP_LABEL_LENGTH and group_label(text) and names_indicator(following)


GROUP_LABEL_LENGTH = 10
"""A 领域 label is a short field name (养老服务, 健康支撑, 老年人社会参与); an indicator
name is most often longer."""


def _group_after_serial(text: str, following: str, kinds: list[str]) -> bool:
    """The header puts the merged 领域 column after 序号 (序号 | 领域 | 指标名称 | 单位 |
    2020年 | 2025年 | 属性), so one cell a line the first row of a group reads 1, 养老服务,
    养老机构护理型床位占比, … and the next rows of the group 2, 每千名老年人拥有养老床位数（张）,
    …: a short label after the serial is the group when an indicator name, not a unit or a
    value, follows it. Issue 12 (class 1) describes the other order, 领域 first (read by
    `_rows` before the serial); this order is assumed, not seen: no corpus or tune text
    prints a 领域 column after 序号, so the tests lay out a constructed one
    (tests/test_tables.py)."""
    if "group" not in kinds or "serial" not in kinds:
        return False
    if kinds.index("group") != kinds.index("serial") + 1 or len(text) > GROUP_LABEL_LENGTH:
        return False
    return group_label(text) and names_indicator(following) and serial_number(following) is None


def _indicator_targets(table: Table, quote: QuoteMaker) -> list[Target]:
    kinds = _columns(table.header, _caption_year(table.caption))
    roles = _year_roles(kinds, table.header)
    if not roles.targets:
        return []
    if table.rows:
        return _grid_targets(table.rows, kinds, roles, quote)
    targets: list[Target] = []
    rows = _rows(table.cells, kinds) if "serial" in kinds else _attribute_rows(table.cells, kinds)
    for group, cells, unit in _sub_item_rows([row for row in rows if row[1]]):
        targets.extend(_row_targets(_wrapped_name(cells, kinds), kinds, roles, group, quote, unit))
    return targets


SUB_ITEM_LENGTH = GROUP_LABEL_LENGTH
"""A sub-item is named in a word or two (化学需氧量, 二氧化硫, 氨氮)."""


def _name_and_unit(text: str) -> tuple[str, str] | None:
    """(name, unit) of a name cell that ends in its unit (主要污染物排放总量减少（%）)."""
    inner = NAME_WITH_UNIT.match(KEY_MARK.sub("", text))
    return (inner["name"], table_unit(inner["unit"])) if inner is not None else None


def _names_sub_item(text: str) -> bool:
    """A short name without a unit of its own: a sub-item of the indicator above it."""
    return len(text) <= SUB_ITEM_LENGTH and names_indicator(text) and _name_and_unit(text) is None


def _opens_sub_items(name: str, first: str, following: str) -> tuple[str, str] | None:
    """The parent of the sub-items a row opens: a name that ends in its unit (主要污染物排放
    总量减少（%）) followed in its own row by a sub-item's name (化学需氧量) and, in the next
    row, by another (二氧化硫) — a name cell merged over the rows of its sub-items, their
    names in a second name column. Five-year plan main-indicator tables print their
    pollutants so: 专栏1 of the 十二五 纲要 (主要污染物排放总量减少（%） | 化学需氧量 | | | [8] |
    约束性, then 二氧化硫, 氨氮, 氮氧化物), and of the 十三五 纲要 (〔10〕, 〔10〕, 〔15〕, 〔15〕).
    Rows numbered in a 序号 column (`_rows`) are not split so: their sub-items print no serial."""
    parent = _name_and_unit(name)
    if parent is None or not (_names_sub_item(first) and _names_sub_item(following)):
        return None
    return parent


def _sub_item_rows(
    rows: list[tuple[str | None, list[Cell]]],
) -> list[tuple[str | None, list[Cell], str | None]]:
    """Rows one cell a line with their group and unit: a row that opens sub-items
    (`_opens_sub_items`) loses its parent's cell, and it and the rows after it named as
    sub-items take the parent as their group (the indicator they are parts of: its change
    name, 减少, says a change column states their goals) and its unit, which they do not
    print; a row with a name of its own ends them."""
    placed: list[tuple[str | None, list[Cell], str | None]] = []
    parent: tuple[str, str] | None = None
    for index, (group, cells) in enumerate(rows):
        following = rows[index + 1][1][0].text if index + 1 < len(rows) else ""
        opened = (
            _opens_sub_items(cells[0].text, cells[1].text, following) if len(cells) > 2 else None
        )
        if opened is not None:
            parent, cells = opened, cells[1:]
        elif parent is not None and not _names_sub_item(cells[0].text):
            parent = None
        placed.append((parent[0], cells, parent[1]) if parent else (group, cells, None))
    return placed


def _wrapped_name(cells: list[Cell], kinds: list[str]) -> list[Cell]:
    """A row whose indicator name a narrow column wrapped over two lines, one cell a line
    (养老机构护理型床位 / 占比, 每千人口拥有3岁以下 / 婴幼儿托位数, as a narrow column breaks
    them in a copy): when the row holds more cells before its 属性 cell than the header has columns
    from the name to 属性, and the cell after the name is words, it continues the name. A
    row that fits its columns keeps a worded goal (示范性老年友好社区（活力发展社区）数 |
    逐步建立 | 1, corpus/wanzhou.txt) as a goal."""
    attr_at = next((i for i, c in enumerate(cells) if c.text in BINDING_WORDS), None)
    if attr_at is None or "name" not in kinds or "attr" not in kinds:
        return cells
    columns = kinds.index("attr") - kinds.index("name")
    if attr_at <= columns or not names_indicator(cells[1].text):
        return cells
    name, tail = cells[0], cells[1]
    return [Cell(name.text + tail.text, name.start, tail.end, name.gap_before), *cells[2:]]


@dataclass(frozen=True)
class YearRoles:
    """Which year columns a header marks as goals and which as the baseline."""

    columns: tuple[str, ...]  # the year, base and change columns, in order
    targets: tuple[int, ...]
    baseline: str | None  # the baseline column kind


def _year_roles(kinds: list[str], header: tuple[Cell, ...]) -> YearRoles:
    """Headers decide: 基期/现状 columns are baselines, 目标 columns goals; unmarked,
    the earliest of several years is the baseline (2021 | 2023 | 2025), unless its
    header calls it a goal too (2023年目标值 | 2025年目标值)."""
    columns = tuple(k for k in kinds if k.startswith(("year:", "base:")) or k == "change")
    base = next((k for k in columns if k.startswith("base:")), None)
    years = [k for k in columns if k.startswith("year:")]
    first_header = header[kinds.index(years[0])].text if years else ""
    if base is None and len(years) > 1 and not TARGET_HEADER.search(first_header):
        base, years = years[0], years[1:]
    return YearRoles(columns, tuple(int(k[5:]) for k in years), base)


def _row_targets(
    cells: list[Cell],
    kinds: list[str],
    roles: YearRoles,
    group: str | None,
    quote: QuoteMaker,
    unit: str | None = None,
) -> list[Target]:
    """The targets of a row placed by evidence; `unit` the one its parent prints for it."""
    name_cell, rest = cells[0], list(cells[1:])
    if "unit" in kinds and rest and TABLE_UNIT_CELL.match(rest[0].text):
        unit = table_unit(rest.pop(0).text)
    binding = None
    responsible: list[Cell] = []
    attr_at = next((i for i, c in enumerate(rest) if c.text in BINDING_WORDS), None)
    if attr_at is not None:
        binding = BINDING_WORDS[rest[attr_at].text]
        responsible = rest[attr_at + 1 :]
        rest = rest[:attr_at]
    surplus = len(rest) - len(roles.columns)
    rest = rest[min(max(surplus, 0), _other_columns_before_years(kinds)) :]
    columns = _filled_columns(rest, roles.columns)
    slots = _place_values(rest, len(columns))
    by_column = dict(zip(columns, slots, strict=True))
    last = max(rest, key=lambda c: c.end, default=name_cell)
    row = RowFacts(name_cell, unit, by_column, binding, tuple(responsible), group, last)
    return _targets_of_row(row, roles, quote)


def _filled_columns(values: list[Cell], columns: tuple[str, ...]) -> tuple[str, ...]:
    """The columns a row's value cells fill when one a line drops empty cells: the year
    columns first; a change column only when the row has a value beyond them (森林覆盖率
    21.66 | 23.04 | 〔1.38〕 of 专栏1), since a level row leaves it empty (空气质量优良天数比率
    76.7 | >80, its 〔累计〕 cell blank)."""
    years = tuple(c for c in columns if c != "change")
    needed = len(values) + sum(c.gap_before for c in values)
    return columns if needed > len(years) else years


def _other_columns_before_years(kinds: list[str]) -> int:
    """Columns between the name and the year columns that hold no value (统计口径):
    a row with more cells than year columns fills them first."""
    years = [i for i, k in enumerate(kinds) if k.startswith(("year:", "base:"))]
    name = kinds.index("name") if "name" in kinds else -1
    return sum(1 for k in kinds[name + 1 : years[0]] if k == "other") if years else 0


@dataclass(frozen=True)
class RowFacts:
    """One indicator row, its cells placed in their columns."""

    name: Cell
    unit: str | None
    by_column: dict[str, Cell | None]
    binding: Bindingness | None
    responsible: tuple[Cell, ...]
    group: str | None
    last: Cell


KEY_MARK = re.compile(rf"^[{KEY_MARKS}]\s*")
"""A key indicator's star (`lexicon.KEY_MARKS`) is no part of its name."""


def _targets_of_row(row: RowFacts, roles: YearRoles, quote: QuoteMaker) -> list[Target]:
    """One target per goal year the row fills. A row that fills no goal year but its change
    column states the goal as a change over the period, for the period's end: 细颗粒物未达标
    地级及以上城市浓度下降（%） | - | - | 〔18〕 (国发〔2016〕65号 专栏1), 单位GDP能源消耗降低（%）
    | | | 〔13.5〕 (十四五 纲要 主要指标) — when the indicator or its group is named as a change
    (`CHANGE_NAME`). Where a level is stated (森林覆盖率 21.66 | 23.04 | 〔1.38〕) the change
    only restates it; a level's change alone (人均预期寿命（岁） | 77.3 | — | 〔1〕, the 纲要)
    is no level, as running text's 提高1岁 is none (NON_TARGET_UNITS). A cell that words
    its figure as a change (下降16%, 减少8%: `cells.CHANGE_WORDING`) states a change as the
    goal, in the cell's unit, from no level of its own: an indicator not named as a change
    is named with the cell's word, as running text names 地区生产总值增长6%左右 (嘉兴 2024,
    tune) — 化学需氧量排放总量（万吨） | 2551.7 | | 减少8% is 化学需氧量排放总量减少 8%."""
    name, unit = SERIAL_IN_NAME.sub("", KEY_MARK.sub("", row.name.text)), row.unit
    if (named := _name_and_unit(name)) is not None:
        name, unit = named[0], unit or named[1]
    base_cell = row.by_column.get(roles.baseline) if roles.baseline else None
    base_q = parse_cell(base_cell.text) if base_cell else None
    has_base = roles.baseline and base_q is not None and base_q.value is not None
    base_year = roles.baseline[5:] if has_base and roles.baseline else ""
    row_quote = quote(row.name.start, row.last.end)
    goals = [(year, _cell_quantity(row.by_column.get(f"year:{year}"))) for year in roles.targets]
    stated = [(year, quantity) for year, quantity in goals if quantity is not None]
    change = _cell_quantity(row.by_column.get("change"))
    named_change = CHANGE_NAME.search(f"{name} {row.group or ''}")
    worded = change is not None and change.change is not None
    if not stated and (named_change or worded) and change is not None and change.value is not None:
        stated, base_q, base_year = [(roles.targets[-1], change)], None, ""
    targets = []
    for year, quantity in stated:
        as_change = quantity.change is not None and named_change is None
        level = None if quantity.change else base_q
        targets.append(
            Target(
                indicator=name + quantity.change if as_change and quantity.change else name,
                year=year,
                quote=row_quote,
                value=quantity.value,
                max_value=quantity.max_value,
                qualitative=quantity.qualitative,
                comparator=quantity.comparator if quantity.value is not None else None,
                unit=(quantity.unit if as_change else None)
                or unit
                or quantity.unit
                or (level.unit if level else None),
                baseline_value=level.value if level else None,
                baseline_year=int(base_year) if base_year and level else None,
                binding=row.binding,
                domain=row.group,
                source="table",
            )
        )
    return [_with_units(t, list(row.responsible), quote) for t in targets]


def _cell_quantity(cell: Cell | None) -> Quantity | None:
    return parse_cell(cell.text) if cell else None


def _grid_targets(
    rows: tuple[tuple[Cell, ...], ...], kinds: list[str], roles: YearRoles, quote: QuoteMaker
) -> list[Target]:
    """Rows laid out one a line: each cell sits in its column. A row shorter than the
    header lost merged cells (a 类别 spanning rows); its serial number anchors it."""
    targets: list[Target] = []
    group: str | None = None
    rows, parents = _sub_item_grid(rows, len(kinds))
    for row, placed_row, parent in zip(rows, _placed_rows(rows, kinds), parents, strict=True):
        filled = [c for c in row if c.text]
        if len(filled) == 1:
            match = GROUP_ROW.match(filled[0].text)
            group = match["domain"].strip() if match else filled[0].text
            continue
        pairs, units = placed_row.pairs, placed_row.units
        placed = dict(pairs)
        name = _row_name(placed, row)
        label = placed.get("group")
        if label is not None and label.text and label is not name:
            group = label.text
        if name is None or not name.text:
            continue
        row_group, parent_unit = parent or (group, None)
        if not _aligned(placed, row):
            after_name = [c for c in row[row.index(name) :] if c.text]
            targets.extend(_row_targets(after_name, kinds, roles, row_group, quote, parent_unit))
            continue
        attr = placed.get("attr")
        unit = placed.get("unit")
        facts = RowFacts(
            name=name,
            unit=table_unit(unit.text)
            if unit and TABLE_UNIT_CELL.match(unit.text)
            else parent_unit,
            by_column={k: c for k, c in placed.items() if k in roles.columns and c.text},
            binding=BINDING_WORDS.get(attr.text) if attr else None,
            responsible=units,
            group=row_group,
            last=max(filled, key=lambda c: c.end),
        )
        targets.extend(_targets_of_row(facts, roles, quote))
    return targets


def _sub_item_grid(
    rows: tuple[tuple[Cell, ...], ...], width: int
) -> tuple[tuple[tuple[Cell, ...], ...], list[tuple[str, str] | None]]:
    """Rows one a line with the parent (name, unit) of each sub-item row (`_opens_sub_items`):
    the row that opens them prints the parent's cell before the first sub-item's, one cell
    more than the header has columns — without it the row fits its columns; a row after it
    may keep the parent's merged cell as an empty one (`| 二氧化硫 | | | [8] |` under
    `主要污染物排放总量减少（%） | 化学需氧量 | …`), dropped as well."""
    kept: list[tuple[Cell, ...]] = []
    parents: list[tuple[str, str] | None] = []
    parent: tuple[str, str] | None = None
    for index, row in enumerate(rows):
        filled = [c for c in row if c.text]
        following = (
            next((c.text for c in rows[index + 1] if c.text), "") if index + 1 < len(rows) else ""
        )
        opened, at = None, None
        if len(filled) > 2:  # a name, a sub-item and a value at least
            at = next((i for i in range(len(row) - 1) if _name_and_unit(row[i].text)), None)
        if at is not None:
            opened = _opens_sub_items(row[at].text, row[at + 1].text, following)
        if opened is not None and at is not None:
            parent, row = opened, row[:at] + row[at + 1 :]
        elif parent is not None and (
            at is not None or not (filled and _names_sub_item(filled[0].text))
        ):
            parent = None  # a name with a unit of its own, or a long one: the sub-items ended
        elif parent is not None and len(row) > width and not row[0].text:
            row = row[1:]
        kept.append(row)
        parents.append(parent)
    return tuple(kept), parents


INDICATOR_COLUMNS = ("name", "unit", "attr")


def _indicator_cells(filled: list[Cell], kinds: list[str]) -> list[tuple[str, Cell]] | None:
    """A row that printed only its own indicator's cells, where the columns of its task
    spanned several rows on both sides (序号 | 标志性成果 | 牵头单位 | 指标名称 | 2022年实际值 |
    2023年目标值 | 重点任务 | … | 配合单位, then `★人口出生率 | 5.48‰ | 降幅趋缓 |`): its cells
    fill the indicator columns (name, unit, years, 属性) in order and it keeps the units of
    the row above, as the rows under one 责任(牵头)部门 cell do in 杨凌示范区 2022 计划指标
    (研发经费投入增长 | % | … | 示范区科技创新局, then 各类科技研发及转化平台总数 | 项 | 95 | …);
    None when its cells are not as many as those columns."""
    columns = [k for k in kinds if k in INDICATOR_COLUMNS or k.startswith(("year:", "base:"))]
    if len(filled) != len(columns) or not names_indicator(filled[0].text):
        return None
    return list(zip(columns, filled, strict=True))


def _row_name(placed: dict[str, Cell], row: tuple[Cell, ...]) -> Cell | None:
    """The row's indicator name: the cell in the name column, unless the row is out of
    its columns and that cell is a value — then the first cell that names an indicator.
    序号 before a merged 领域 column (序号 | 领域 | 指标名称 | …): a continuation row that
    also leaves out its unit (`| 2 | 每千名老年人拥有养老床位数（张） | 32 | ≥35 | 预期性 | |`)
    is anchored by its serial, so its name falls in the 领域 column and a value in the
    name column (issue 12, classes 1, 2). Without 序号 (领域 | 指标名称 | 单位 | …), such a
    row is right-aligned and falls short of the name column: the same cell names it."""
    name = placed.get("name")
    if name is not None and (names_indicator(name.text) or _aligned(placed, row)):
        return name
    return next((c for c in row if names_indicator(c.text)), name)


def _aligned(placed: dict[str, Cell], row: tuple[Cell, ...]) -> bool:
    """Whether a row's cells sit in their columns: its 属性 cell (约束性/预期性) is in the
    attribute column. A row that dropped a cell without a gap (a unit cell left out where
    the name carries the unit, 每千名老年人拥有养老床位数(张)) is placed by evidence."""
    binding = next((c for c in row if c.text in BINDING_WORDS), None)
    return binding is None or "attr" not in placed or placed["attr"] is binding


def _row_offset(row: tuple[Cell, ...], kinds: list[str]) -> int:
    """The column of the row's first cell: its serial number in the serial column; the
    first column when the name heads the table (专栏1 of 国发〔2016〕65号: 指标 | 2015年 | …);
    else the cells are right-aligned (merged cells are missing at the start). Empty cells
    at the end are the merged cell's place some copies move there (`…| 预期性 | |`)."""
    serial = (
        next((i for i, c in enumerate(row) if serial_number(c.text) is not None), None)
        if "serial" in kinds  # cheap first: a table with no serial column (build CPU)
        else None
    )
    if serial is not None:
        return max(0, kinds.index("serial") - serial)
    if kinds[:1] == ["name"]:
        return 0  # no column before the name to merge: a short row lost cells at its end
    filled = len(row)
    while filled and not row[filled - 1].text:
        filled -= 1
    return max(0, len(kinds) - filled)


def _place_values(values: list[Cell], columns: int) -> list[Cell | None]:
    """Put a row's value cells in its year columns. A visible gap (an extra blank
    line) marks an empty cell; cells still missing are taken to be the earliest
    columns (the baseline is what plans most often leave blank). Gaps that would push
    cells past the last column stand for empty cells before the values (a merged 领域
    cell, a unit left blank, printed as more than one blank line where blank lines also
    part the cells): the excess is taken off the leading gaps, so the last value stays
    in the last column (a general convention of right-aligned rows; seen in constructed
    layouts only, tests/test_tables.py)."""
    slots: list[Cell | None] = [None] * columns
    gaps = [c.gap_before for c in values]
    excess = len(values) + sum(gaps) - columns
    for index, gap in enumerate(gaps):
        if excess <= 0:
            break
        gaps[index] -= min(gap, excess)
        excess -= min(gap, excess)
    position = max(0, -excess)
    for cell, gap in zip(values, gaps, strict=True):
        position += gap
        if position >= columns:
            break
        slots[position] = cell
        position += 1
    return slots


def _with_units(target: Target, cells: list[Cell], quote: QuoteMaker) -> Target:
    mentions = []
    for cell in cells:
        for s, e, name in split_units(cell.text):
            mentions.append(DepartmentMention(name, quote(cell.start + s, cell.start + e)))
    return replace(target, responsible=tuple(mentions))


def _allocation_targets(table: Table, quote: QuoteMaker) -> list[Target]:
    columns = []
    for cell in table.header[1:]:
        match = YEAR_HEADER.match(cell.text)
        inner = NAME_WITH_UNIT.match(match["rest"].replace(" ", "")) if match else None
        columns.append(
            (int(match["year"]), inner["name"], inner["unit"]) if match and inner else None
        )
    latest = max((c[0] for c in columns if c), default=None)
    width = len(table.header)
    targets: list[Target] = []
    cells = table.cells
    rows = table.rows or tuple(
        cells[i : i + width] for i in range(0, len(cells) - width + 1, width)
    )
    for row in rows:
        region = row[0].text
        if len(row) != width or region in TOTAL_ROW:
            continue
        for cell, column in zip(row[1:], columns, strict=True):
            quantity = parse_cell(cell.text)
            if column is None or column[0] != latest or quantity is None:
                continue
            targets.append(
                Target(
                    indicator=column[1],
                    year=column[0],
                    quote=quote(row[0].start, cell.end),
                    value=quantity.value,
                    comparator=quantity.comparator,
                    unit=column[2],
                    region=region,
                    source="table",
                )
            )
    return targets
