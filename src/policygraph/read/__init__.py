"""Read a plan file into a `Source`: decoded text, refusing what is not a plan text.

This is the only package that reads plan files: `.txt` (UTF-8, UTF-16,
GB18030, Big5), `.html` saved from a government site, `.docx`, Word 97–2003 `.doc`
and `.pdf` with a text layer. For .html, .docx, .doc and .pdf the `Source` text is the text
extracted from the file, and quotes and line numbers refer to that text.
Every refusal is an `InputError` naming the file and the problem.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path

from policygraph.errors import (
    DamagedFileError,
    InputError,
    NotAPlanError,
    TooLargeError,
    UnreadableTextError,
)
from policygraph.model import Source
from policygraph.read.text import decode_text

MAX_BYTES = 20 * 1024 * 1024
TEXT_SUFFIXES = frozenset({".txt", ".text"})
HTML_SUFFIXES = frozenset({".html", ".htm"})
PLAN_SUFFIXES = TEXT_SUFFIXES | HTML_SUFFIXES | {".docx", ".doc", ".pdf"}
MIN_CJK_SHARE = 0.2
MIN_CJK_CHARS = 150
"""A text with this many ideographs is Chinese whatever their share: bilingual editions
(中英文对照版) set the Chinese text beside a longer English translation."""
PACKAGE_FORMATS = {".docx": ".docx", ".doc": "Word 97–2003 .doc", ".pdf": "PDF"}
"""Formats read from their structure, not their bytes, and the name an error message gives
the format. Their readers (python-docx, olefile, pypdf) are imported only when such a file
comes."""


def read_plan(path: Path) -> Source:
    """Read one plan file; raise an `InputError` when it cannot be a plan text."""
    if not path.is_file():
        raise InputError(path, "no such file")
    suffix = path.suffix.lower()
    if suffix not in PLAN_SUFFIXES:
        expected = ", ".join(sorted(PLAN_SUFFIXES))
        raise InputError(path, f"unsupported format {suffix or '(no suffix)'}: expected {expected}")
    size = path.stat().st_size
    if size == 0:
        raise InputError(path, "empty file")
    if size > MAX_BYTES:
        raise TooLargeError(path, f"file too large ({size} bytes, limit {MAX_BYTES})")
    source = _read_format(path, suffix)
    if not source.text.strip():
        problem = "no text layer (a scanned PDF? run OCR first)" if suffix == ".pdf" else "no text"
        raise UnreadableTextError(path, problem)
    if cjk_share(source.text) < MIN_CJK_SHARE and cjk_count(source.text) < MIN_CJK_CHARS:
        raise NotAPlanError(path, "not a Chinese plan text (too few Chinese characters)")
    return source


def _read_format(path: Path, suffix: str) -> Source:
    if suffix in PACKAGE_FORMATS:
        extract, damaged = _package_reader(suffix)
        try:
            return Source(path.name, extract(path), suffix.lstrip("."))
        except (damaged, SyntaxError) as error:  # lxml: a junk XML part
            raise DamagedFileError(
                path, f"not a readable {PACKAGE_FORMATS[suffix]}, damaged or truncated ({error})"
            ) from error
    data = path.read_bytes()
    if suffix in HTML_SUFFIXES:
        return _read_html(path, data)
    text, encoding = decode_text(data, path)
    return Source(path.name, text, encoding)


def _package_reader(suffix: str) -> tuple[Callable[[Path], str], type[ValueError]]:
    """The reader of a package format and the error it raises for a damaged file, imported
    now: each needs its own library."""
    if suffix == ".docx":
        from policygraph.read.word import DocxError, docx_to_text

        return docx_to_text, DocxError
    if suffix == ".doc":
        from policygraph.read.word97 import DocError, doc_to_text

        return doc_to_text, DocError
    from policygraph.read.pdf import PdfError, pdf_to_text

    return pdf_to_text, PdfError


def _read_html(path: Path, data: bytes) -> Source:
    from policygraph.read.webpage import declared_charset, html_to_text  # lxml: web pages only

    declared = declared_charset(data)
    try:
        markup, encoding = (
            (data.decode(declared), declared) if declared else decode_text(data, path)
        )
    except (UnicodeDecodeError, LookupError):
        markup, encoding = decode_text(data, path)
    try:
        text, metadata = html_to_text(markup)
    except ValueError as error:
        raise UnreadableTextError(path, f"not a readable web page ({error})") from error
    return Source(path.name, text, encoding, metadata)


CJK_RUN = re.compile("[\u4e00-\u9fff]+")
SPACE_RUN = re.compile(r"\s+")
"""Runs, counted by their lengths: a list of every character costs more than the count."""


def cjk_count(text: str) -> int:
    """The number of CJK ideographs in `text`."""
    return sum(map(len, CJK_RUN.findall(text)))


def cjk_share(text: str) -> float:
    """The share of CJK ideographs among the non-space characters of `text`."""
    visible = len(text) - sum(map(len, SPACE_RUN.findall(text)))
    if not visible:
        return 0.0
    return cjk_count(text) / visible
