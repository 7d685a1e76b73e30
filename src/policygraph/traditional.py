"""Traditional-character plans read as simplified, character for character.

Plans from Hong Kong, Macao and Taiwan sources, or converted by a reader's
browser, use traditional characters (養老機構). The extractors' cue words are
simplified, so a text that is mostly traditional is converted with OpenCC's
t2s (phrase-aware); a line whose conversion changes its length is converted
one character at a time instead, so offsets, and the quotes that point at the
original characters, stay valid.
"""

from __future__ import annotations

from functools import cache

import opencc

MIN_TRADITIONAL_SHARE = 0.03
"""Share of ideographs that t2s changes above which a text counts as traditional.
Simplified prose has a few such characters at most (著 in 显著, 乾 in 乾隆)."""


@cache
def _converter() -> opencc.OpenCC:
    return opencc.OpenCC("t2s")


@cache
def _simplified_char(char: str) -> str:
    converted = _converter().convert(char)
    return converted if len(converted) == 1 else char


def traditional_share(text: str) -> float:
    """The share of ideographs in `text` that have a different simplified form."""
    ideographs = [c for c in text if "\u4e00" <= c <= "\u9fff"]
    if not ideographs:
        return 0.0
    return sum(_simplified_char(c) != c for c in ideographs) / len(ideographs)


def to_simplified(text: str) -> str:
    """`text` in simplified characters when it is mostly traditional, else unchanged;
    the result always has the length of `text`."""
    if traditional_share(text) < MIN_TRADITIONAL_SHARE:
        return text
    lines = []
    for line in text.split("\n"):
        converted = _converter().convert(line)
        if len(converted) != len(line):
            converted = "".join(map(_simplified_char, line))
        lines.append(converted)
    return "\n".join(lines)
