"""Decode the bytes of a plain-text plan, never guessing silently wrong.

A BOM settles the encoding. Without one, strict UTF-8 is tried first (a text
that decodes as UTF-8 is UTF-8 beyond reasonable doubt), then UTF-16 when every
other byte is NUL, then the Chinese legacy encodings. Legacy bytes decode as
*something* in both GB18030 and Big5, so a decoding is accepted only when its
ideographs are mostly the common ones of that encoding; otherwise the file is
refused as uncertain, with advice to save it as UTF-8.
"""

from __future__ import annotations

import codecs
from pathlib import Path

from policygraph.errors import DamagedFileError, UnreadableTextError

COMMON_LEAD_BYTES = {
    "gb18030": frozenset(range(0xA1, 0xA4)) | frozenset(range(0xB0, 0xD8)),
    "big5": frozenset(range(0xA1, 0xC7)),
}
"""Lead bytes of each legacy encoding's punctuation and frequent-character blocks
(GB2312 symbols and level 1, Big5 symbols and 常用字): real Chinese prose writes
nearly every non-ASCII character from them, while bytes of another encoding
decoded this way scatter over the whole code space (rare ideographs, private use)."""
MIN_COMMON_SHARE = 0.95
MAX_SEQUENCE = 4
"""The longest UTF-8 or GB18030 byte sequence of one character."""
MIN_TEXT_SHARE = 0.98


def decode_text(data: bytes, path: Path) -> tuple[str, str]:
    """The text of `data` and the name of its encoding; raise when unsure."""
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return _decode_utf16(data, path)
    if b"\x00" in data and (encoding := _bomless_utf16(data)):
        return _decode_utf16(data, path, encoding)
    if b"\x00" in data:
        raise UnreadableTextError(path, "binary file (contains NUL bytes), not a text")
    bom = data.startswith(codecs.BOM_UTF8)
    try:
        return _decode_utf8(data[len(codecs.BOM_UTF8) if bom else 0 :], path), (
            "utf-8-sig" if bom else "utf-8"
        )
    except UnicodeDecodeError:
        if bom:
            raise UnreadableTextError(
                path, "unreadable: a UTF-8 BOM, then bytes not UTF-8"
            ) from None
    for encoding in COMMON_LEAD_BYTES:
        try:
            text = data.decode(encoding)
        except UnicodeDecodeError as error:
            if _cut_in_last_character(data, error, encoding):
                raise DamagedFileError(
                    path,
                    f"truncated: the {encoding} text ends inside a character "
                    "(incomplete download?)",
                ) from error
            continue
        if common_share(text, encoding) >= MIN_COMMON_SHARE:
            return text, encoding
    raise UnreadableTextError(
        path,
        "unreadable encoding: not UTF-8 or UTF-16, and neither GB18030 nor Big5 gives "
        "plausible Chinese; save the file as UTF-8",
    )


def _decode_utf8(data: bytes, path: Path) -> str:
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as error:
        if error.reason == "unexpected end of data" and error.start >= len(data) - MAX_SEQUENCE:
            raise DamagedFileError(
                path, "truncated: the file ends inside a UTF-8 character (incomplete download?)"
            ) from error
        raise


def _cut_in_last_character(data: bytes, error: UnicodeDecodeError, encoding: str) -> bool:
    """The bytes read as plausible `encoding` text up to a character cut at the end."""
    if error.start < len(data) - MAX_SEQUENCE:
        return False
    head = data[: error.start].decode(encoding, errors="replace")
    return common_share(head, encoding) >= MIN_COMMON_SHARE


def _decode_utf16(data: bytes, path: Path, encoding: str = "utf-16") -> tuple[str, str]:
    if len(data) % 2:
        raise DamagedFileError(
            path, "truncated: a UTF-16 file with an odd number of bytes (incomplete download?)"
        )
    try:
        return data.decode(encoding), encoding
    except UnicodeDecodeError as error:
        raise UnreadableTextError(path, f"unreadable UTF-16 text ({error.reason})") from error


def _bomless_utf16(data: bytes) -> str | None:
    """The UTF-16 byte order under which `data` reads as plausible text, if one does:
    a file with NUL bytes is UTF-16 without BOM, or binary."""
    sample = data[: 4000 - 4000 % 2]
    for encoding in ("utf-16-le", "utf-16-be"):
        text = sample.decode(encoding, errors="replace")
        if text and sum(map(_text_like, text)) / len(text) >= MIN_TEXT_SHARE and _plausible(text):
            return encoding
    return None


def _plausible(text: str) -> bool:
    """ASCII, or Chinese written mostly in common characters of either legacy set."""
    return all(ord(c) < 0x80 for c in text) or any(
        common_share(text, encoding) >= MIN_COMMON_SHARE for encoding in COMMON_LEAD_BYTES
    )


def _text_like(char: str) -> bool:
    return char.isprintable() or char.isspace()


def common_share(text: str, encoding: str) -> float:
    """The share of non-ASCII characters in `text` from `encoding`'s common blocks."""
    wide = [c for c in text if ord(c) > 0x7F]
    if not wide:
        return 0.0
    common = COMMON_LEAD_BYTES[encoding]
    return sum(_lead_byte(c, encoding) in common for c in wide) / len(wide)


def _lead_byte(char: str, encoding: str) -> int:
    try:
        return char.encode(encoding)[0]
    except UnicodeEncodeError:
        return 0
