"""Numbers as Chinese plans write them: 95.6, 1.5万, 1—2, 三, 二十.

Pure functions; `parse_quantity` returns Decimals so values round-trip
exactly into `xsd:decimal`.
"""

from __future__ import annotations

import re
from decimal import Decimal, InvalidOperation

from policygraph.cues import cue_values
from policygraph.numerals import chinese_number
from policygraph.periods import FIVE_YEAR_PLAN_NAMES as FIVE_YEAR_PLAN_NAMES
from policygraph.periods import FIVE_YEAR_PLANS

MULTIPLIERS = {"万": Decimal(10_000), "亿": Decimal(100_000_000)}
"""Magnitudes folded into the number before a count unit: 1.5万张 → 15000 张; a measure
keeps its magnitude in the unit (2万亿元, units.py)."""

CN_NUMBER = re.compile(r"^[零〇一二两三四五六七八九十百千万亿]+$")

COMPARATOR_WORDS = cue_values("comparator") | cue_values("comparator_after")
"""Comparator normal forms (VOCABULARY.md) of the words around a value: 不低于60% → >=,
超过 → >, 不超过 → <=, 55%以上 → >=, 50%左右 → = (data/cues.csv, kind comparator)."""

COMPARATOR_SIGNS = cue_values("sign")
"""Comparator normal forms of the signs table cells write before a value (≥60, >99;
normalize.py has already turned full-width ＞ into >)."""

PLANNED_PERIOD = "十四五"
"""The period the 一老一小 plans are written for (2021–2025); earlier periods are their
background (“十三五”期间…建成…)."""
PAST_FIVE_YEAR_PLANS = "|".join(
    name for name, end in FIVE_YEAR_PLANS.items() if end < FIVE_YEAR_PLANS[PLANNED_PERIOD]
)


def parse_decimal(text: str) -> Decimal | None:
    """An Arabic or Chinese number (95.6, 三, 二十, 一百二十) as a Decimal, else None."""
    text = text.strip()
    try:
        return Decimal(text)
    except InvalidOperation:
        pass
    if CN_NUMBER.match(text):
        return Decimal(chinese_number(text))
    return None


def apply_multiplier(value: Decimal, multiplier: str | None) -> Decimal:
    """Fold 万/亿 into the number, normalised so 1.5万 gives 15000, not 1.50E+4."""
    if not multiplier:
        return value
    result = value * MULTIPLIERS[multiplier]
    return result.quantize(Decimal(1)) if result == result.to_integral() else result.normalize()
