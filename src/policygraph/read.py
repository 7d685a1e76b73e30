"""Read a plan file into a `Source`: decoded text, refusing what is not a plan text.

This is the only module that reads plan files. Every refusal is an
`InputError` naming the file and the problem.
"""

from __future__ import annotations

import codecs
from pathlib import Path

from policygraph.errors import InputError
from policygraph.model import Source

MAX_BYTES = 20 * 1024 * 1024
TEXT_SUFFIXES = frozenset({".txt", ".text"})
MIN_CJK_SHARE = 0.2

_BOMS = (
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)


def read_plan(path: Path) -> Source:
    """Read one plan file; raise `InputError` when it cannot be a plan text."""
    if not path.is_file():
        raise InputError(path, "no such file")
    if path.suffix.lower() not in TEXT_SUFFIXES:
        raise InputError(path, f"unsupported format {path.suffix or '(no suffix)'}: expected .txt")
    size = path.stat().st_size
    if size == 0:
        raise InputError(path, "empty file")
    if size > MAX_BYTES:
        raise InputError(path, f"file too large ({size} bytes, limit {MAX_BYTES})")
    text, encoding = decode_text(path.read_bytes(), path)
    if not text.strip():
        raise InputError(path, "file holds only whitespace")
    if cjk_share(text) < MIN_CJK_SHARE:
        raise InputError(path, "not a Chinese plan text (too few Chinese characters)")
    return Source(name=path.name, text=text, encoding=encoding)


def decode_text(data: bytes, path: Path) -> tuple[str, str]:
    """Decode bytes as UTF-8 (BOM or not), UTF-16 with BOM, or GB18030."""
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            return data.decode(encoding), encoding
    if b"\x00" in data:
        raise InputError(path, "binary file (contains NUL bytes), not a text")
    for encoding in ("utf-8", "gb18030"):
        try:
            return data.decode(encoding), encoding
        except UnicodeDecodeError:
            continue
    raise InputError(path, "unreadable encoding: neither UTF-8, UTF-16 nor GB18030")


def cjk_share(text: str) -> float:
    """The share of CJK ideographs among the non-space characters of `text`."""
    visible = [c for c in text if not c.isspace()]
    if not visible:
        return 0.0
    return sum("\u4e00" <= c <= "\u9fff" for c in visible) / len(visible)
