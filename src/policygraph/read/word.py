"""A Word (.docx) plan as text: paragraphs in order, tables row by row.

Each table row becomes one line of cells joined by ` | `, the row-per-line
layout `structure.find_tables` reads; a merged cell is written once.
"""

from __future__ import annotations

import zipfile
from pathlib import Path

import docx
from docx.oxml.ns import qn
from docx.table import Table
from docx.text.paragraph import Paragraph


class DocxError(ValueError):
    """The file is not a readable .docx package."""


def docx_to_text(path: Path) -> str:
    """The paragraphs and tables of the document body, in reading order."""
    try:
        document = docx.Document(str(path))
    except (zipfile.BadZipFile, KeyError, ValueError, OSError) as error:
        raise DocxError(str(error) or type(error).__name__) from error
    lines: list[str] = []
    for block in document.element.body.iterchildren():
        if block.tag == qn("w:p"):
            lines.append(Paragraph(block, document).text)
        elif block.tag == qn("w:tbl"):
            lines.extend(_table_rows(Table(block, document)))
    return "\n".join(lines) + "\n"


def _table_rows(table: Table) -> list[str]:
    rows = []
    for row in table.rows:
        cells, seen = [], set()
        for cell in row.cells:
            if id(cell._tc) in seen:
                continue
            seen.add(id(cell._tc))
            cells.append(" ".join(cell.text.split()))
        rows.append(" | ".join(cells))
    return rows
