"""Numbers as Chinese plans write them: 95.6, 1.5万, 1—2, 三, 二十.

Pure functions; `parse_quantity` returns Decimals so values round-trip
exactly into `xsd:decimal`.
"""

from __future__ import annotations

import re
from decimal import Decimal, InvalidOperation

MULTIPLIERS = {"万": Decimal(10_000), "亿": Decimal(100_000_000)}
"""Counting units folded into the number: 1.5万张 → 15000 张, 2亿元 → 200000000 元.
Where the unit itself is 万人 or 万元, the plan's own unit is kept instead."""

CN_DIGITS = {
    "零": 0,
    "〇": 0,
    "一": 1,
    "二": 2,
    "两": 2,
    "三": 3,
    "四": 4,
    "五": 5,
    "六": 6,
    "七": 7,
    "八": 8,
    "九": 9,
}
CN_NUMBER = re.compile(r"^[零〇一二两三四五六七八九十百千万亿]+$")

SMALL_SCALES = {"十": 10, "百": 100, "千": 1000}
LARGE_SCALES = {"万": 10_000, "亿": 100_000_000}


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


def chinese_number(word: str) -> int:
    """A Chinese numeral: 三 → 3, 十二 → 12, 二十 → 20, 一百零五 → 105, 一万二千 → 12000,
    两亿 → 200000000 (万 and 亿 close a four-digit section)."""
    total, section, current = 0, 0, 0
    for char in word:
        if char in CN_DIGITS:
            current = CN_DIGITS[char]
        elif char in SMALL_SCALES:
            section += (current or 1) * SMALL_SCALES[char]
            current = 0
        elif char == "万":
            total += (section + current) * LARGE_SCALES[char]
            section, current = 0, 0
        else:
            total = (total + section + current) * LARGE_SCALES[char]
            section, current = 0, 0
    return total + section + current


def apply_multiplier(value: Decimal, multiplier: str | None) -> Decimal:
    """Fold 万/亿 into the number, normalised so 1.5万 gives 15000, not 1.50E+4."""
    if not multiplier:
        return value
    result = value * MULTIPLIERS[multiplier]
    return result.quantize(Decimal(1)) if result == result.to_integral() else result.normalize()
