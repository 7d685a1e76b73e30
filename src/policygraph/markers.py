"""The heading ladder of Chinese policy documents, shared by the outline and the readers.

Parts are numbered with a fixed ladder of markers: (第一章 ›) 一、 › （一） › 1. › （1） › ①.
"""

from __future__ import annotations

import re

from policygraph.numerals import chinese_number

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

ITEM_MARKER = rf"\d{{1,2}}\s?[.．、]|（[{CN_NUM}\d]{{1,3}}）"
"""A numbered item's marker as running text writes it after a sentence end: 1. 1． 1、
（一） （1） (the ladder's （一）, 1. and （1） levels, with the full-width point)."""


def marker_number(marker: str) -> int:
    """The number a heading marker gives its part: 3 for 3. and （3）, 三 for 三、 and （三）,
    ③ for 3."""
    digits = re.search(r"\d+", marker)
    if digits:
        return int(digits.group())
    circled = re.search(r"[①-⑳]", marker)
    if circled:
        return ord(circled.group()) - ord("①") + 1
    return chinese_number(re.sub(r"[^" + CN_NUM + "]", "", marker))
