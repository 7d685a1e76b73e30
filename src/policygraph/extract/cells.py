"""What a table cell holds: a value (≥60, 95.6, 1.5万, 35—40), an attribute (约束性),
a unit (%, 张), an empty mark (—, -, /), or words (an indicator name, a 类别 label,
应保尽保). Pure functions on cell texts, used to place cells in their columns.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal

from policygraph.cues import cue_pattern, cue_words
from policygraph.extract.departments import GENERIC_UNITS, UNIT_ENDINGS
from policygraph.extract.numbers import COMPARATOR_SIGNS, COMPARATOR_WORDS, apply_multiplier
from policygraph.model import Bindingness
from policygraph.units import UNIT_PATTERN

RATE_NUMERATOR = r"(?:1(?=/))?"
"""The 1 of a rate a table writes as a fraction: 孕产妇死亡率（1/10万） or a unit cell 1/10万
in a health indicator table; running text writes the same unit after the figure
(孕产妇死亡率12/10万, data/cues.csv kind unit), so the unit is /10万 (`table_unit`)."""
TABLE_UNIT_CELL = re.compile(rf"^{RATE_NUMERATOR}({UNIT_PATTERN}|‰|年|岁)$")
"""A unit column's cell: %, 张, 个, ‰, 年, 岁, 1/10万."""


def table_unit(text: str) -> str:
    """A table's unit as running text writes it: 1/10万 → /10万."""
    return text.removeprefix("1") if text.startswith("1/") else text


BINDING_WORDS = {word: Bindingness(word) for word in cue_words("binding")}
"""The 属性 of an indicator (data/cues.csv, kind binding): 约束性, 预期性."""

MINUS = "[-－−]"
"""A decrease in a change column (“十一五”增减情况 | -10%, a share falling by points
-4.1个百分点: 专栏2 of 国发〔2007〕37号): the minus is the value's sign; a lone - is no value."""
AS_HYPHEN = str.maketrans("－−", "--")
"""The full-width and typographic minus as the sign Decimal reads."""

STEP_FROM = rf"(?:\d+(?:\.\d+)?[%‰]?\s*(?:{cue_pattern('cell_step')})\s*)"
"""The level a cell's goal rises or falls from, before an arrow: 3.5→4.5, 40%→55% — the
goal after the arrow is the cell's value, not the level it starts from. A constructed
shape (tests/test_tables.py): issue 12 does not list it and no corpus or tune text writes
an arrow in a cell."""

CHANGE_WORDING = rf"(?:比\d{{4}}年)?(?:累计|年均)?(?P<change>{cue_pattern('cell_change')})"
"""A cell that states its goal as a change: 下降16%, 减少8%, 累计下降8%, 比2010年增长20%
(data/cues.csv, kind cell_change) — the form issue 12 lists among the values of copied
tables (减少10%), as running text states 地区生产总值增长6%左右. The word says what the figure
measures; a level after 下降到/提高到 is read as a level (kind reach, tried first)."""

YEARS_BEFORE_BOUND = rf"年(?=(?:{cue_pattern('comparator_after')}))"
"""Years before the word that bounds the figure: 12.3年以上 under 劳动年龄人口平均受教育年限
（年） (a city's “十四五”教育事业发展主要指标表: 11.4年 | 12.3年以上; the 十四五 纲要 prints the
same indicator in years, 10.8 | 11.3). The unit is the name's; unread, 以上 was lost and the
bound read as =. An age reads so already (80岁以上: 岁 is a unit, data/cues.csv)."""

CELL_VALUE = re.compile(
    rf"^{STEP_FROM}?(?:(?P<word>{cue_pattern('comparator', 'reach')})|{CHANGE_WORDING})?"
    rf"(?P<sign>{cue_pattern('sign')})?\s*(?P<num>{MINUS}?\d+(?:\.\d+)?)"
    rf"(?:\s*[—–\-~～]\s*(?P<num2>\d+(?:\.\d+)?))?(?P<mult>万|亿)?"
    rf"(?:(?P<unit>{UNIT_PATTERN})|{YEARS_BEFORE_BOUND})?"
    rf"(?P<post>{cue_pattern('comparator_after')})?(?P<rest>.*)$"
)
"""A cell that states a value: a comparator or level word (不低于55, 达到70, 控制在5‰以内:
tables whose cells are worded as running text states its goals, data/cues.csv kinds
comparator and reach), a sign, a number or range, a magnitude, a unit, a word after it
(以上, 以内, 左右), and any words after (1所区级老年大学)."""

PERIOD_TOTAL = re.compile(r"^[〔\[［](?P<inner>[^〔〕\[\]［］]+)[〕\]］]$")
"""〔>5000〕, 〔18〕, [5]: five-year plan tables bracket a figure that sums the whole period
(“〔 〕内为五年累计数”: 国发〔2016〕65号 专栏1 〔18〕, the 十四五 纲要's 〔13.5〕); copies put
[ ] or ［ ］ for the tortoise-shell bracket, as they do in document numbers (issue 12,
class 5; normalize.py reads ﹝﹞ as 〔〕). The bracket marks how it is counted, the figure
is the value."""

EMPTY_CELL = re.compile(r"^[—–\-－/／、\s]*$")
"""A cell that marks no value: —, -, /, or nothing."""


@dataclass(frozen=True)
class Quantity:
    """A value as stated: number (or range), comparator, unit, or a wording."""

    value: Decimal | None = None
    max_value: Decimal | None = None
    comparator: str | None = None
    unit: str | None = None
    qualitative: str | None = None
    change: str | None = None  # the word of a value stated as a change (下降, 增长)


def parse_cell(text: str) -> Quantity | None:
    """A table cell as a quantity: `≥60`, `95.6`, `1所区级老年大学`, `应保尽保`; None if empty."""
    text = text.strip()
    if EMPTY_CELL.match(text):
        return None
    match = CELL_VALUE.match(_unbracketed(text))
    if match is None:
        return Quantity(qualitative=text)
    value = apply_multiplier(Decimal(match["num"].translate(AS_HYPHEN)), match["mult"])
    upper = apply_multiplier(Decimal(match["num2"]), match["mult"]) if match["num2"] else None
    comparator = (
        COMPARATOR_SIGNS.get(match["sign"] or "")
        or COMPARATOR_WORDS.get(match["word"] or "")
        or COMPARATOR_WORDS.get(match["post"] or "", "=")
    )
    return Quantity(
        value=value,
        max_value=upper,
        comparator=comparator,
        unit=match["unit"],
        change=match["change"],
    )


def names_indicator(text: str) -> bool:
    """A cell that can open a row after its serial: words (3岁以下婴幼儿健康管理率), not
    a bare value (95, ≥60, 100%), a unit or an attribute."""
    if EMPTY_CELL.match(text) or text in BINDING_WORDS or TABLE_UNIT_CELL.match(text):
        return False
    value = CELL_VALUE.match(_unbracketed(text.strip()))
    return value is None or len(value["rest"].strip()) >= 2


def _unbracketed(text: str) -> str:
    total = PERIOD_TOTAL.match(text)
    return total["inner"] if total else text


def names_unit(text: str) -> bool:
    """A 责任单位 cell: it names a department (区民政局, 市卫生健康委、市发展改革委)."""
    return bool(UNIT_ENDINGS.search(text) or GENERIC_UNITS.search(text))


def group_label(text: str) -> bool:
    """A 类别 cell: words, neither a value, an attribute nor a department."""
    if parse_cell(text) is None or text in BINDING_WORDS:
        return False
    if names_unit(text):
        return False
    return parse_cell(text) == Quantity(qualitative=text)
