"""A PDF plan with a text layer as text, its wrapped lines joined up again.

pypdf gives the text line by line as laid out on the page (its layout mode, so
table cells stay on their row, apart by runs of spaces, and vertical gaps stay
blank lines). A line that runs to
the right margin and does not end a sentence goes on in the next line (PDF has
no paragraphs, only positioned lines), so it is joined to it; page breaks are
treated the same way. A line laid out in columns (cells apart by runs of two
or more spaces) is a table row: its cells are written one a line, the layout
`tables.find_tables` reads. A PDF without a text layer (a scan) yields no text.
"""

from __future__ import annotations

import logging
from pathlib import Path

from policygraph.wrapping import COLUMN_GAP, display_width, wraps

logging.getLogger("pypdf").setLevel(logging.ERROR)  # its warnings about odd files are not for users


class PdfError(ValueError):
    """The file is not a readable PDF."""


def pdf_to_text(path: Path) -> str:
    """The text layer of every page, wrapped lines joined."""
    import pypdf  # imported here: it costs ~0.1 s at startup, and most plans are not PDFs
    from pypdf.errors import PyPdfError

    try:
        reader = pypdf.PdfReader(str(path))
        lines = [
            line
            for page in reader.pages
            for line in page.extract_text(extraction_mode="layout").split("\n")
        ]
    except (PyPdfError, ValueError, KeyError, TypeError, OSError) as error:
        raise PdfError(str(error) or type(error).__name__) from error
    rows = [COLUMN_GAP.split(line) for line in join_wrapped_lines(lines)]
    return "\n".join(cell for row in rows for cell in row) + "\n"


def join_wrapped_lines(lines: list[str]) -> list[str]:
    """Lines as laid out → paragraphs: a prose line as wide as the widest (within
    10%) that does not end a sentence is continued by the next line, unless that
    one opens with a heading marker. Table rows (cells apart by `COLUMN_GAP`)
    never wrap and do not set the width."""
    stripped = [line.strip() for line in lines]
    prose = [line for line in stripped if not COLUMN_GAP.search(line)]
    widest = max((display_width(line) for line in prose), default=0)
    paragraphs: list[str] = []
    carry = ""
    for line, following in zip(stripped, [*stripped[1:], ""], strict=True):
        carry += line
        if not wraps(line, following, widest):
            paragraphs.append(carry)
            carry = ""
    if carry:
        paragraphs.append(carry)
    return paragraphs
