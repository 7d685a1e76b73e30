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


def save_docx_numbered(text: str, path: Path, outline: bool = False) -> Path:
    """The text as `save_docx` writes it, numbered as offices number it: every heading
    marker that opens a paragraph (第一章 一、 （一） 1. （1） ①) and every serial of a
    table's first column is drawn by Word's automatic numbering, not typed. One list
    definition for each form of marker (chineseCounting "%1、", chineseCounting "（%1）",
    decimal "%1." …), counting on from paragraph to paragraph; where the printed number
    does not continue the count (（一） after a new 二、, the 1 of the next table) a new
    list instance restarts at it (`w:startOverride`), as Word's "restart at" writes.

    With `outline`, the headings are numbered as a 公文 template numbers them: one
    multi-level list whose levels (the ladder's levels the text uses, each in the first
    form it prints there) are tied to heading styles and restart the levels below them;
    a heading names only its style, and the list instance too where a restart made a
    new one; a marker in another form than its level's (1、 among 1.) keeps its own list."""
    document = docx.Document()
    lists = _WordLists(document)
    found = blocks(text)
    if outline:
        lists.tie_outline([block for block in found if isinstance(block, str)])
    for block in found:
        if isinstance(block, str):
            paragraph = document.add_paragraph()
            paragraph.add_run(lists.number_marker(paragraph, block))
            continue
        grid = document.add_table(rows=len(block), cols=len(block[0]))
        for r, row in enumerate(block):
            for c, cell in enumerate(row):
                if c == 0 and r > 0 and cell.isdigit():
                    lists.number(grid.cell(r, c).paragraphs[0]._p, ("%1", "decimal", ""), int(cell))
                else:
                    grid.cell(r, c).text = cell
    document.save(str(path))
    return path


Form = tuple[str, str, str]
"""A level's label as Word defines it: lvlText ("（%1）"), numFmt, suff ("" for Word's
default, a tab)."""


class _WordLists:
    """The numbering part a writer fills: its list definitions, the list instance each
    currently counts in and the counts Word has reached in it, and the outline's levels
    tied to heading styles."""

    FORMATS = (("[一二三四五六七八九十]+", "chineseCounting"), (r"\d+", "decimal"),
               ("[①-⑳]", "decimalEnclosedCircle"))  # fmt: skip

    def __init__(self, document: docx.document.Document) -> None:
        self.document = document
        self.numbering = document.part.numbering_part.element
        self.definitions: dict[Form, str] = {}
        self.instances: dict[str, str] = {}
        self.counts: dict[str, dict[int, int]] = {}
        self.outline: dict[int, tuple[Form, int, object]] = {}
        self.outline_definition = ""
        self.outline_instance = ""

    def tie_outline(self, lines: list[str]) -> None:
        """Define the multi-level list of the headings of `lines` and its heading styles."""
        forms: dict[int, Form] = {}
        for line in lines:
            found = self._marker(line)
            if found is not None:
                forms.setdefault(found[0], found[1])
        if not forms:
            return
        levels = sorted(forms)
        self.outline_definition = self._define(
            "".join(
                self._level_xml(i, (forms[level][0].replace("%1", f"%{i + 1}"), *forms[level][1:]))
                for i, level in enumerate(levels)
            ),
            "multilevel",
        )
        num_id = self._instance(self.outline_definition, None)
        self.instances[self.outline_definition] = self.outline_instance = num_id
        for i, level in enumerate(levels):
            style = self.document.styles.add_style(
                f"PG 标题 {i + 1}", docx.enum.style.WD_STYLE_TYPE.PARAGRAPH
            )
            num_pr = style.element.get_or_add_pPr().get_or_add_numPr()
            num_pr.get_or_add_ilvl().val = i
            num_pr.get_or_add_numId().val = int(num_id)
            self.outline[level] = (forms[level], i, style)

    def number_marker(self, paragraph: docx.text.paragraph.Paragraph, line: str) -> str:
        """Number `paragraph` if `line` opens with a heading marker; the rest of the line."""
        found = self._marker(line)
        if found is None:
            return line
        level, form, number, rest = found
        if level in self.outline and self.outline[level][0] == form:
            _, ilvl, style = self.outline[level]
            paragraph.style = style
            self._count(paragraph._p, self.outline_definition, ilvl, number, by_style=True)
        else:
            self.number(paragraph._p, form, number)
        return rest

    def number(self, paragraph: object, form: Form, number: int) -> None:
        """Number `paragraph` `number` in the single-level list of `form`."""
        if form not in self.definitions:
            self.definitions[form] = self._define(self._level_xml(0, form), "singleLevel")
        self._count(paragraph, self.definitions[form], 0, number)

    def _count(
        self, paragraph: object, definition: str, ilvl: int, number: int, by_style: bool = False
    ) -> None:
        """Number `paragraph` at `ilvl`, in a new instance restarting at `number` where the
        count would show another; the style numbers it where its own instance is current."""
        counts = self.counts.setdefault(definition, {})
        if counts.get(ilvl, 0) + 1 != number or definition not in self.instances:
            self.instances[definition] = self._instance(definition, (ilvl, number))
        counts[ilvl] = number
        for lower in [lower for lower in counts if lower > ilvl]:
            del counts[lower]
        num_id = self.instances[definition]
        if by_style and num_id == self.outline_instance:
            return
        num_pr = paragraph.get_or_add_pPr().get_or_add_numPr()
        if not by_style:
            num_pr.get_or_add_ilvl().val = ilvl
        num_pr.get_or_add_numId().val = int(num_id)

    def _marker(self, line: str) -> tuple[int, Form, int, str] | None:
        """The ladder level, form and number of the marker `line` opens with, and the
        rest of the line (a single space after the marker is the label's suffix)."""
        from policygraph.markers import MARKER_LEVELS
        from policygraph.numerals import chinese_number

        found = next(((lv, m) for lv, p in MARKER_LEVELS if (m := p.match(line))), None)
        if found is None:
            return None
        level, match = found
        marker = match.group().rstrip(" ")
        digits, fmt = next((d, f) for n, f in self.FORMATS if (d := re.search(n, marker)))
        value = digits.group()
        number = (
            ord(value) - ord("①") + 1
            if fmt == "decimalEnclosedCircle"
            else int(value) if value.isdigit() else chinese_number(value)
        )  # fmt: skip
        template = marker[: digits.start()] + "%1" + marker[digits.end() :]
        rest = line[len(marker) :]
        suffix = "space" if rest.startswith(" ") and not rest.startswith("  ") else ""
        return level, (template, fmt, suffix), number, rest[1:] if suffix else rest

    @staticmethod
    def _level_xml(ilvl: int, form: Form) -> str:
        template, fmt, suffix = form
        suff = f'<w:suff w:val="{suffix}"/>' if suffix else ""
        return (
            f'<w:lvl w:ilvl="{ilvl}"><w:start w:val="1"/><w:numFmt w:val="{fmt}"/>{suff}'
            f'<w:lvlText w:val="{html.escape(template)}"/><w:lvlJc w:val="left"/></w:lvl>'
        )

    def _define(self, levels: str, kind: str) -> str:
        ids = [
            int(a.get(docx.oxml.ns.qn("w:abstractNumId")))
            for a in self.numbering.iterfind(docx.oxml.ns.qn("w:abstractNum"))
        ]
        definition = str(max(ids, default=0) + 1)
        element = docx.oxml.parse_xml(
            f'<w:abstractNum {docx.oxml.ns.nsdecls("w")} w:abstractNumId="{definition}">'
            f'<w:multiLevelType w:val="{kind}"/>{levels}</w:abstractNum>'
        )
        first_num = self.numbering.find(docx.oxml.ns.qn("w:num"))
        if first_num is None:
            self.numbering.append(element)
        else:
            first_num.addprevious(element)
        return definition

    def _instance(self, definition: str, restart: tuple[int, int] | None) -> str:
        num = self.numbering.add_num(int(definition))
        if restart is not None:
            num.add_lvlOverride(ilvl=restart[0]).add_startOverride(restart[1])
        return str(num.numId)
