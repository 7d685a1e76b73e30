"""extract/numbers.py: Arabic and Chinese numerals, 万/亿 multipliers."""

from __future__ import annotations

from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from policygraph.extract.numbers import apply_multiplier, parse_decimal
from policygraph.numerals import chinese_number

DIGITS = "零一二三四五六七八九"


def spell(number: int) -> str:
    """A plain Chinese spelling of 0 < number < 10**12 (the test's own oracle)."""
    if number >= 100_000_000:
        return (
            spell(number // 100_000_000)
            + "亿"
            + (spell(number % 100_000_000) if number % 100_000_000 else "")
        )
    if number >= 10_000:
        return spell(number // 10_000) + "万" + (spell(number % 10_000) if number % 10_000 else "")
    words = ""
    for scale, name in ((1000, "千"), (100, "百"), (10, "十"), (1, "")):
        digit = number // scale % 10
        if digit:
            words += DIGITS[digit] + name
        elif words and number % scale:
            words += "零"
    return words


@given(st.integers(min_value=1, max_value=999_999_999_999))
def test_numbers_chinese_numerals_round_trip(number: int) -> None:
    assert chinese_number(spell(number)) == number


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("95.6", "95.6"),
        ("三", "3"),
        ("十二", "12"),
        ("两", "2"),
        ("一百零五", "105"),
        ("一万二千", "12000"),
        ("两亿", "200000000"),
    ],
)
def test_numbers_parse_decimal(text: str, value: str) -> None:
    assert parse_decimal(text) == Decimal(value)


def test_numbers_parse_decimal_rejects_words() -> None:
    assert parse_decimal("若干") is None


@pytest.mark.parametrize(
    ("number", "multiplier", "result"),
    [
        ("1.5", "万", "15000"),
        ("1.3", "万", "13000"),
        ("2", "亿", "200000000"),
        ("0.45", None, "0.45"),
    ],
)
def test_numbers_multipliers_fold_into_the_value(
    number: str, multiplier: str | None, result: str
) -> None:
    folded = apply_multiplier(Decimal(number), multiplier)
    assert folded == Decimal(result) and "E" not in str(folded)
