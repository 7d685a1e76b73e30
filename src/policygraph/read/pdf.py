"""A PDF plan with a text layer as text, its wrapped lines joined up again.

pypdf gives the text line by line as laid out on the page (its layout mode, so
table cells stay on their row, apart by runs of spaces, and vertical gaps stay
blank lines). A line that runs to
the right margin and does not end a sentence goes on in the next line (PDF has
no paragraphs, only positioned lines), so it is joined to it; page breaks are
treated the same way. A line laid out in columns (cells apart by runs of two
or more spaces) is a table row: its cells are written one a line, the layout
`tables.find_tables` reads; first the rest of a cell wrapped onto the lines below and a
merged cell printed once go back into their rows (`pdf_tables.mend_tables`). A PDF
without a text layer (a scan) yields no text.
"""

from __future__ import annotations

import logging
from pathlib import Path

from policygraph.read.pdf_tables import mend_tables
from policygraph.wrapping import COLUMN_GAP, continued, display_width

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
    rows = [COLUMN_GAP.split(line) for line in join_wrapped_lines(mend_tables(lines))]
    return "\n".join(cell for row in rows for cell in row) + "\n"


def join_wrapped_lines(lines: list[str]) -> list[str]:
    """Lines as laid out → paragraphs, by `wrapping.continued` at the width of the widest
    prose line (the margin; an indent counts in it). Table rows (cells apart by
    `COLUMN_GAP`) never wrap and do not set the width."""
    laid_out = [(line.strip(), display_width(_indent(line))) for line in lines]
    widest = max(
        (display_width(line) + indent for line, indent in laid_out if not COLUMN_GAP.search(line)),
        default=0,
    )
    paragraphs: list[str] = []
    carry = ""
    for (line, _), goes_on in zip(laid_out, continued(laid_out, widest), strict=True):
        carry += line
        if not goes_on:
            paragraphs.append(carry)
            carry = ""
    if carry:
        paragraphs.append(carry)
    return paragraphs


def _indent(line: str) -> str:
    return line[: len(line) - len(line.lstrip())]
