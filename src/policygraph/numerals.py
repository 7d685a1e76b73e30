"""Chinese numerals as plans write them in headings and values: 三, 十六, 二十, 一百零五.

Pure and free of other policygraph imports, so both the outline (heading markers) and
the extractors (parse_decimal) read numbers the same way.
"""

from __future__ import annotations

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
SMALL_SCALES = {"十": 10, "百": 100, "千": 1000}
LARGE_SCALES = {"万": 10_000, "亿": 100_000_000}


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


YEAR_ZEROS = "〇○O零"
"""What a year written digit by digit prints for 0: 〇 (U+3007), the circle ○ (U+25CB) that
typists took for it (二○○一年四月十九日, the 吉林省人民政府办公厅 notice on the 法律资料网
copy), the letter O (2O22, 二O二二), 零."""


def written_year(word: str) -> int | None:
    """A year written digit by digit, in Chinese or Arabic digits or mixed with a zero
    of `YEAR_ZEROS`: 二〇〇七 → 2007 (劳动和社会保障部办公厅 二〇〇七年三月二十六日), 二○○一 → 2001,
    2O22 → 2022; None for a word with another character (十二, 两千)."""
    digits = []
    for char in word:
        if char.isascii() and char.isdigit():
            digits.append(int(char))
        elif char in YEAR_ZEROS:
            digits.append(0)
        elif char in CN_DIGITS and char != "两":
            digits.append(CN_DIGITS[char])
        else:
            return None
    return int("".join(map(str, digits))) if digits else None
