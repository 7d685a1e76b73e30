"""Writers that save a plan text the way users receive it: legacy encodings, a
government web page, a Word file, a PDF. The format tests read them back."""

from __future__ import annotations

import html
import itertools
import re
from pathlib import Path

import docx
import opencc
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.cidfonts import UnicodeCIDFont
from reportlab.pdfgen import canvas

from policygraph.cues import words_with
from policygraph.normalize import normalize_text
from policygraph.tables import find_tables
from policygraph.wrapping import display_width

PDF_FONT = "STSong-Light"
"""An Adobe CJK font every PDF reader has: reportlab names it, no font file needed."""
PDF_LINE_WIDTH = 100
PDF_LINES_PER_PAGE = 70
HALF_WIDTH_POINTS = 4.5
TABLE_CELL_GAP = re.compile(r"\||\t| {2,}")
GROUP_HEADERS = words_with("header", "group")


def save_encoded(text: str, path: Path, encoding: str) -> Path:
    path.write_bytes(text.encode(encoding))
    return path


def save_traditional(text: str, path: Path) -> Path:
    path.write_text(opencc.OpenCC("s2t").convert(text), encoding="utf-8")
    return path


def save_html(
    text: str,
    path: Path,
    metadata: dict[str, str],
    charset: str = "utf-8",
    real_tables: bool = False,
) -> Path:
    """A 政府信息公开 page: menu, breadcrumb, metadata table, the text, share buttons,
    footer. With `real_tables`, the normalised text with its tables as HTML tables."""
    cells = "".join(
        f"<tr><td class='label'>{key}：</td><td>{html.escape(value)}</td></tr>"
        for key, value in metadata.items()
    )
    body = "".join(
        _html_block(block) for block in (blocks(text) if real_tables else text.split("\n"))
    )
    page = f"""<!DOCTYPE html>
<html><head><meta charset="{charset}"><title>政策文件_人民政府网</title>
<script>var nav = "首页";</script><style>p {{ margin: 0 }}</style></head>
<body>
<div class="top-nav"><a href="/">首页</a> <a href="/zwgk">政务公开</a> <a href="/hd">互动交流</a></div>
<div class="breadcrumb">您当前位置：首页 &gt; 政务公开 &gt; 政策文件</div>
<table class="xxgk-table">{cells}</table>
<div class="article-content">
{body}</div>
<div class="share-box">分享到：微信 微博 <button>打印本页</button> <a>关闭窗口</a></div>
<footer>主办单位：人民政府办公室 网站标识码5001010001 渝ICP备05003300号</footer>
<div>版权所有：人民政府 服务热线：12345</div>
</body></html>"""
    path.write_bytes(page.encode(charset))
    return path


def _html_block(block: Block) -> str:
    if isinstance(block, str):
        return f"<p>{html.escape(block)}</p>\n"
    rows = ("".join(f"<td>{html.escape(cell)}</td>" for cell in row) for row in block)
    return "<table>" + "".join(f"<tr>{row}</tr>" for row in rows) + "</table>\n"


Block = str | list[list[str]]
"""A line of text, or a table as rows of cells."""


def blocks(text: str) -> list[Block]:
    """The normalised text as lines, its full-grid tables as rows of cells."""
    normalized = normalize_text(text).text
    found: list[Block] = []
    position = 0
    for table in sorted(find_tables(normalized), key=lambda t: t.start):
        width = len(table.header)
        if any(c.gap_before for c in table.cells) or len(table.cells) % width:
            continue
        found.extend(normalized[position : _line_start(normalized, table.start)].split("\n"))
        cells = [c.text for c in (*table.header, *table.cells)]
        found.append([cells[i : i + width] for i in range(0, len(cells), width)])
        position = normalized.find("\n", table.end) + 1 or len(normalized)
    found.extend(normalized[position:].split("\n"))
    return found


def _line_start(text: str, offset: int) -> int:
    return text.rfind("\n", 0, offset) + 1


def save_laid_out(text: str, path: Path, width: int, indent: str) -> Path:
    """The text as a copy of a printed page gives it: every prose line opened by `indent`
    and broken at `width` half-width cells, wherever the margin falls (GB/T 9704 sets 28
    characters a line, indented by two); table rows as they are."""
    lines = []
    for line in text.splitlines():
        if not line.strip() or TABLE_CELL_GAP.search(line):
            lines.append(line)
        else:
            lines.extend(_wrap(indent + line, width))
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def save_docx(text: str, path: Path) -> Path:
    """The normalised text as Word paragraphs, its tables as real Word tables."""
    document = docx.Document()
    for block in blocks(text):
        if isinstance(block, str):
            document.add_paragraph(block)
            continue
        grid = document.add_table(rows=len(block), cols=len(block[0]))
        for r, row in enumerate(block):
            for c, cell in enumerate(row):
                grid.cell(r, c).text = cell
    document.save(str(path))
    return path


def save_pdf(
    text: str,
    path: Path,
    width: int = PDF_LINE_WIDTH,
    indent: str = "",
    cell_width: int | None = None,
    centred: bool = False,
) -> Path:
    """The normalised text in lines of at most `width` half-width cells, each paragraph
    opened by `indent`, its tables as rows of cells set in columns as wide as their widest
    cell, on A4 pages. With `cell_width`, columns are at most that wide: a longer cell
    wraps inside its column onto the lines below, and a group column (领域, 类别) prints
    the value of a group of rows once, on its middle row (row n // 2 of n), as Word and
    WPS print a merged, vertically centred cell. With `centred`, every cell and every
    line of a wrapped cell is centred in its column, as most government tables set them."""
    pdfmetrics.registerFont(UnicodeCIDFont(PDF_FONT))
    rows: list[tuple[list[str], list[float], bool]] = []
    for block in blocks(text):
        if isinstance(block, str):
            rows.extend(([piece], [30.0], False) for piece in _wrap(indent + block, width))
            continue
        grid = [
            [_wrap(cell, cell_width) if cell_width else [cell] for cell in row]
            for row in (_merged_once(block) if cell_width else block)
        ]
        widths = [
            max(display_width(p) for row in grid for p in row[c]) for c in range(len(grid[0]))
        ]
        columns = [
            30
            + sum(w * HALF_WIDTH_POINTS + 30 for w in widths[:c])
            + centred * w * HALF_WIDTH_POINTS / 2
            for c, w in enumerate(widths)
        ]
        for row in grid:
            depth = max(len(cell) for cell in row)
            rows.extend(
                ([cell[i] if i < len(cell) else "" for cell in row], columns, centred)
                for i in range(depth)
            )
    pdf = canvas.Canvas(str(path), pagesize=(1200, 842), invariant=True)
    for first in range(0, len(rows), PDF_LINES_PER_PAGE):
        pdf.setFont(PDF_FONT, 9)
        for y, (cells, columns, centre) in enumerate(rows[first : first + PDF_LINES_PER_PAGE]):
            draw = pdf.drawCentredString if centre else pdf.drawString
            for cell, x in zip(cells, columns, strict=True):
                draw(x, 800 - 11 * y, cell)
        pdf.showPage()
    pdf.save()
    return path


def _merged_once(table: list[list[str]]) -> list[list[str]]:
    """A table whose first column is a group column with its value on the middle row of
    every run of rows that share it, empty on the others."""
    header, body = table[0], table[1:]
    if header[0] not in GROUP_HEADERS:
        return table
    runs = [list(run) for _, run in itertools.groupby(range(len(body)), key=lambda r: body[r][0])]
    middles = {run[len(run) // 2] for run in runs}
    return [header, *([row[0] if r in middles else "", *row[1:]] for r, row in enumerate(body))]


def _wrap(line: str, width: int = PDF_LINE_WIDTH) -> list[str]:
    pieces, current = [], ""
    for char in line:
        if display_width(current + char) > width:
            pieces.append(current)
            current = ""
        current += char
    return [*pieces, current]
