"""Targets: what a plan promises, by when, in which unit, how strictly.

Two sources, two readers:
- indicator tables (`table_targets`): headers decide meaning (序号, 指标名称,
  单位, year columns, 属性, 责任单位); with one cell a line, empty cells are
  often dropped, so each row places its values by its own evidence;
- running text (`text_targets`): 到2025年…达到X%, …不低于…, …以上, staged years,
  shared values (A、B均达到90%), per-year targets (每年新增…).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from decimal import Decimal

from policygraph.extract.departments import split_units
from policygraph.extract.numbers import apply_multiplier
from policygraph.model import Bindingness, DepartmentMention, QuoteMaker, Target
from policygraph.structure import Cell, Table

UNITS = (
    "万人次",
    "万人",
    "人次",
    "万元",
    "亿元",
    "万张",
    "个百分点",
    "%",
    "‰",
    "张",
    "个",
    "所",
    "家",
    "户",
    "人",
    "名",
    "岁",
    "床",
    "项",
    "处",
    "支",
    "座",
    "元",
)
"""Units plans attach to target values, longest first so 万人 wins over 人."""
UNIT_PATTERN = "|".join(re.escape(u) for u in UNITS)

NON_TARGET_UNITS = frozenset({"元", "个百分点", "岁"})
"""Units of figures in running text that are norms, changes or age bounds (3岁以下),
not targets (建筑面积…平方米 is never matched at all: 平方米 is not a target unit)."""

TABLE_UNIT_CELL = re.compile(rf"^({UNIT_PATTERN}|‰|年|岁)$")
NAME_WITH_UNIT = re.compile(rf"^(?P<name>.+?)（(?P<unit>{UNIT_PATTERN})）$")
"""A unit written inside the indicator name: 养老机构护理型床位占比（%）, 托位数（个）."""

BINDING_WORDS = {"约束性": Bindingness.BINDING, "预期性": Bindingness.EXPECTED}

SIGNS = {"≥": ">=", "≤": "<=", ">=": ">=", "<=": "<=", ">": ">", "<": "<", "＞": ">", "＜": "<"}
CELL_VALUE = re.compile(
    rf"^(?P<sign>≥|≤|>=|<=|>|<)?\s*(?P<num>\d+(?:\.\d+)?)"
    rf"(?:\s*[—–\-~～]\s*(?P<num2>\d+(?:\.\d+)?))?(?P<mult>万|亿)?(?P<unit>{UNIT_PATTERN})?"
    rf"(?P<post>以上|以下)?(?P<rest>.*)$"
)
EMPTY_CELL = re.compile(r"^[—–\-－/／、\s]*$")
GROUP_ROW = re.compile(r"^[一二三四五六七八九十]+、(?P<domain>.+)$")
REGION_HEADER = re.compile(r"^(地区|区域|县（市、区）|县市区)$")
YEAR_HEADER = re.compile(r"^(?P<year>\d{4})年?(?P<rest>.*)$")


@dataclass(frozen=True)
class Quantity:
    """A value as stated: number (or range), comparator, unit, or a wording."""

    value: Decimal | None = None
    max_value: Decimal | None = None
    comparator: str | None = None
    unit: str | None = None
    qualitative: str | None = None


def parse_cell(text: str) -> Quantity | None:
    """A table cell as a quantity: `≥60`, `95.6`, `1所区级老年大学`, `应保尽保`; None if empty."""
    text = text.strip()
    if EMPTY_CELL.match(text):
        return None
    match = CELL_VALUE.match(text)
    if match is None:
        return Quantity(qualitative=text)
    value = apply_multiplier(Decimal(match["num"]), match["mult"])
    upper = apply_multiplier(Decimal(match["num2"]), match["mult"]) if match["num2"] else None
    comparator = SIGNS.get(
        match["sign"] or "", {"以上": ">=", "以下": "<="}.get(match["post"] or "", "=")
    )
    return Quantity(value=value, max_value=upper, comparator=comparator, unit=match["unit"])


# --- tables -------------------------------------------------------------------


def table_targets(table: Table, quote: QuoteMaker) -> list[Target]:
    """Targets of an indicator table or an allocation table (a region per row)."""
    if REGION_HEADER.match(table.header[0].text):
        return _allocation_targets(table, quote)
    return _indicator_targets(table, quote)


def _columns(header: tuple[Cell, ...]) -> list[str]:
    """Header cells as column kinds: serial, name, unit, year:NNNN, attr, resp, other."""
    kinds: list[str] = []
    texts = [c.text for c in header]
    for index, text in enumerate(texts):
        if text == "属性" and index and texts[index - 1] == "指标":
            kinds[-1] = "attr"
            continue
        year = YEAR_HEADER.match(text)
        if text in ("序号", "编号"):
            kinds.append("serial")
        elif "名称" in text or text in ("指标", "项目"):
            kinds.append("name")
        elif "单位" in text and "责任" not in text and "牵头" not in text:
            kinds.append("unit")
        elif year:
            kinds.append(f"year:{year['year']}")
        elif "属性" in text or "性质" in text or text == "类型":
            kinds.append("attr")
        elif "责任" in text or "牵头" in text:
            kinds.append("resp")
        else:
            kinds.append("other")
    return kinds


def _rows(cells: tuple[Cell, ...]) -> list[tuple[str | None, Cell, list[Cell]]]:
    """Rows of a numbered table: (group, serial cell, the row's other cells)."""
    rows: list[tuple[str | None, Cell, list[Cell]]] = []
    group: str | None = None
    expected = 1
    for cell in cells:
        if cell.text == str(expected):
            rows.append((group, cell, []))
            expected += 1
        elif (match := GROUP_ROW.match(cell.text)) and not (rows and not rows[-1][2]):
            group = match["domain"].strip()
        elif rows:
            rows[-1][2].append(cell)
    return rows


def _indicator_targets(table: Table, quote: QuoteMaker) -> list[Target]:
    kinds = _columns(table.header)
    years = [int(k[5:]) for k in kinds if k.startswith("year:")]
    if not years:
        return []
    target_years = years[1:] if len(years) > 1 else years
    targets: list[Target] = []
    for group, _serial, cells in _rows(table.cells):
        if not cells:
            continue
        targets.extend(_row_targets(cells, kinds, years, target_years, group, quote))
    return targets


def _row_targets(
    cells: list[Cell],
    kinds: list[str],
    years: list[int],
    target_years: list[int],
    group: str | None,
    quote: QuoteMaker,
) -> list[Target]:
    name_cell, rest = cells[0], list(cells[1:])
    name, unit = name_cell.text, None
    if (inner := NAME_WITH_UNIT.match(name)) is not None:
        name, unit = inner["name"], inner["unit"]
    if "unit" in kinds and rest and TABLE_UNIT_CELL.match(rest[0].text):
        unit = rest.pop(0).text
    binding = None
    responsible: list[Cell] = []
    attr_at = next((i for i, c in enumerate(rest) if c.text in BINDING_WORDS), None)
    if attr_at is not None:
        binding = BINDING_WORDS[rest[attr_at].text]
        responsible = rest[attr_at + 1 :]
        rest = rest[:attr_at]
    slots = _place_values(rest, len(years))
    by_year = dict(zip(years, slots, strict=True))
    baseline = by_year.get(years[0]) if len(years) > 1 else None
    base_q = parse_cell(baseline.text) if baseline else None
    last = max((c for c in rest), key=lambda c: c.end, default=name_cell)
    row_quote = quote(name_cell.start, last.end)
    targets = []
    for year in target_years:
        cell = by_year.get(year)
        quantity = parse_cell(cell.text) if cell else None
        if quantity is None:
            continue
        targets.append(
            Target(
                indicator=name,
                year=year,
                quote=row_quote,
                value=quantity.value,
                max_value=quantity.max_value,
                qualitative=quantity.qualitative,
                comparator=quantity.comparator if quantity.value is not None else None,
                unit=unit or quantity.unit,
                baseline_value=base_q.value if base_q else None,
                baseline_year=years[0] if base_q and base_q.value is not None else None,
                binding=binding,
                domain=group,
                source="table",
                responsible=(),
            )
        )
    return [_with_units(t, responsible, quote) for t in targets]


def _place_values(values: list[Cell], columns: int) -> list[Cell | None]:
    """Put a row's value cells in its year columns. A visible gap (an extra blank
    line) marks an empty cell; cells still missing are taken to be the earliest
    columns (the baseline is what plans most often leave blank)."""
    slots: list[Cell | None] = [None] * columns
    needed = len(values) + sum(c.gap_before for c in values)
    position = max(0, columns - needed)
    for cell in values:
        position += cell.gap_before
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
    for start in range(0, len(cells) - width + 1, width):
        row = cells[start : start + width]
        region = row[0].text
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
