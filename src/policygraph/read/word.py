"""A Word (.docx) plan as text: paragraphs in order, tables row by row.

Tables are read through python-docx's table API, one row a line, its cells between
`|` (`| 序号 | 指标 | 2025年 |`), so `tables.find_tables` reads each cell in its
column: a value can never slip into the next row, as it can where cells are
flattened one a line. A merged cell is written once, in its first grid position;
the other positions it covers (across, or down a row-spanned 领域 column) are
empty cells, so every row keeps the width of the grid.
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
            lines.extend(_table_rows(Table(block, document)))
    return "\n".join(lines) + "\n"


def _table_rows(table: Table) -> list[str]:
    """One line a row: `| cell | cell |`, a merged cell's other positions empty."""
    lines: list[str] = []
    seen: set[object] = set()  # the cell elements themselves: alive, so compared by identity
    for row in table.rows:
        cells = []
        for cell in row.cells:
            cells.append("" if cell._tc in seen else " ".join(cell.text.split()))
            seen.add(cell._tc)
        lines.append("| " + " | ".join(cells) + " |")
    return lines
