"""Traditional-character plans read as simplified, character for character.

Plans from Hong Kong, Macao and Taiwan sources, or converted by a reader's
browser, use traditional characters (養老機構). The extractors' cue words are
simplified, so every line holding a character that only traditional text uses
is converted with OpenCC's t2s (phrase-aware: 乾淨 → 干净 but 乾隆 stays). A line
whose conversion changes its length is converted one character at a time
instead, so offsets, and the quotes that point at the original characters,
stay valid. Lines without such a character are left alone, so a simplified
text is never touched (著 in 显著 stays).
"""

from __future__ import annotations

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


def to_simplified(text: str) -> str:
    """`text` with its traditional lines in simplified characters, same length."""
    lines = []
    for line in text.split("\n"):
        if any(map(is_traditional_only, line)):
            converted = _converter().convert(line)
            if len(converted) != len(line):
                converted = "".join(map(_simplified_char, line))
            line = converted
        lines.append(line)
    return "\n".join(lines)
