"""A Word (.docx) plan as text: paragraphs in order, tables row by row.

A table is written one cell a line, row after row, an empty cell as an empty
line: the layout of tables flattened by web copies, which `tables.find_tables`
reads with its header width. A merged cell is written once, its other grid
positions as empty lines, so every row keeps its width.
"""

from __future__ import annotations

import zipfile
from pathlib import Path

import docx
from docx.opc.exceptions import PackageNotFoundError
from docx.oxml.ns import qn
from docx.table import Table
from docx.text.paragraph import Paragraph


class DocxError(ValueError):
    """The file is not a readable .docx package."""


def docx_to_text(path: Path) -> str:
    """The paragraphs and tables of the document body, in reading order."""
    try:
        document = docx.Document(str(path))
    except (PackageNotFoundError, zipfile.BadZipFile, KeyError, ValueError, OSError) as error:
        raise DocxError(str(error) or type(error).__name__) from error
    lines: list[str] = []
    for block in document.element.body.iterchildren():
        if block.tag == qn("w:p"):
            lines.append(Paragraph(block, document).text)
        elif block.tag == qn("w:tbl"):
            lines.extend(_table_cells(Table(block, document)))
    return "\n".join(lines) + "\n"


def _table_cells(table: Table) -> list[str]:
    lines: list[str] = []
    seen: set[object] = set()  # the cell elements themselves: alive, so compared by identity
    for row in table.rows:
        for cell in row.cells:
            lines.append("" if cell._tc in seen else " ".join(cell.text.split()))
            seen.add(cell._tc)
    return lines
