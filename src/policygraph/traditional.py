"""Traditional-character plans read as simplified, character for character.

Plans from Hong Kong, Macao and Taiwan sources, or converted by a reader's
browser, use traditional characters (養老機構). The extractors' cue words are
simplified, so every line holding a character that only traditional text uses
is converted with OpenCC's t2s (phrase-aware: 乾淨 → 干净 but 乾隆 stays). A line
whose conversion changes its length is converted one character at a time
instead, so offsets, and the quotes that point at the original characters,
stay valid. In a simplified text, lines without such a character are left
alone (著 in 显著 stays); a text written in traditional characters is converted
line by line throughout, since a traditional line need not hold a character that
GB2312 lacks (不低於95%: 於 is in GB2312, as a surname).
"""

from __future__ import annotations

from collections import Counter
from functools import cache

import opencc


@cache
def _converter() -> opencc.OpenCC:
    return opencc.OpenCC("t2s")


@cache
def _simplified_char(char: str) -> str:
    converted = _converter().convert(char)
    return converted if len(converted) == 1 else char


@cache
def is_traditional_only(char: str) -> bool:
    """A character simplified text never uses: t2s changes it and GB2312, the
    simplified character set, lacks it (護, 機; not 著 or 乾, which GB2312 has)."""
    if _simplified_char(char) == char:
        return False
    try:
        char.encode("gb2312")
    except UnicodeEncodeError:
        return True
    return False


TRADITIONAL_TEXT_SHARE = 0.02
"""A text in which at least this share of the Chinese characters only traditional text
uses is written in traditional characters (养老 plans in traditional run at 15-30%; a
simplified plan quoting one traditional name stays far below)."""


def is_traditional_text(text: str) -> bool:
    """Whether `text` is written in traditional characters (see `TRADITIONAL_TEXT_SHARE`)."""
    return _written_traditional(Counter(text))


def _written_traditional(counts: Counter[str]) -> bool:
    """`is_traditional_text` from the text's character counts: each distinct character
    is looked at once, not once per occurrence."""
    chinese = {c: n for c, n in counts.items() if "\u4e00" <= c <= "\u9fff"}
    if not chinese:
        return False
    only = sum(n for c, n in chinese.items() if is_traditional_only(c))
    return only >= TRADITIONAL_TEXT_SHARE * sum(chinese.values())


def to_simplified(text: str) -> str:
    """`text` with its traditional lines in simplified characters, same length."""
    traditional = {c for c in set(text) if is_traditional_only(c)}
    if not traditional:  # a simplified text, as most are: no line is converted
        return text
    everywhere = _written_traditional(Counter(text))
    lines = []
    for line in text.split("\n"):
        if everywhere or not traditional.isdisjoint(line):
            converted = _converter().convert(line)
            if len(converted) != len(line):
                converted = "".join(map(_simplified_char, line))
            line = converted
        lines.append(line)
    return "\n".join(lines)
