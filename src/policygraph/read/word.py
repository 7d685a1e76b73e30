"""A Word (.docx) plan as text: paragraphs in order, tables row by row.

Each paragraph reads as Word draws it, not only as its runs store it: the label of
automatic numbering in front (一、 （一） 1. ①, see `word_numbering`), the text of
hyperlinks, fields, content controls and tracked insertions (but not deletions, field
codes, hidden text or the pinyin of ruby), soft line breaks as line breaks, and the
paragraphs of a text box (a 公文 title page's heading) on their own lines before the
paragraph that anchors it. A paragraph whose end a tracked change deleted runs on into
the next, as Word shows it. A table of contents, which repeats the headings, is left out.

Tables are read through python-docx's table API, one row a line, its cells between
`|` (`| 序号 | 指标 | 2025年 |`), so `tables.find_tables` reads each cell in its
column: a value can never slip into the next row, as it can where cells are
flattened one a line. A merged cell is written once, in its first grid position;
the other positions it covers (across, or down a row-spanned 领域 column) are
empty cells, so every row keeps the width of the grid.
"""

from __future__ import annotations

import re
import unicodedata
import zipfile
from dataclasses import dataclass
from pathlib import Path

import docx
from docx.document import Document
from docx.opc.constants import RELATIONSHIP_TYPE
from docx.opc.exceptions import PackageNotFoundError
from docx.opc.part import XmlPart
from docx.oxml.ns import qn
from docx.table import Table
from lxml.etree import _Element

from policygraph.read.word_numbering import MC, labelled, paragraph_labels

SKIPPED = {
    qn(tag)
    for tag in (
        "w:pPr",
        "w:rPr",
        "w:sdtPr",
        "w:del",
        "w:moveFrom",
        "w:delText",
        "w:instrText",
        "w:rt",
    )
} | {f"{MC}Fallback"}
"""What Word does not show as text: properties, tracked deletions, field codes, the
pinyin over ruby text, and the old-format copy of a drawing (`mc:Fallback`) that
repeats its `mc:Choice`."""
CHARACTERS = {qn("w:tab"): "\t", qn("w:ptab"): "\t", qn("w:cr"): "\n", qn("w:noBreakHyphen"): "-"}
TABLE_OF_CONTENTS = "Table of Contents"
CONTENTS_STYLE = re.compile(r"toc \d", re.IGNORECASE)
"""The built-in names of the styles of a table of contents' lines (its styleId is
localised: "10", "TOC1")."""
BLOCKS = {qn("w:tbl"), qn("w:sdt"), qn("w:customXml")}


@dataclass(frozen=True)
class Story:
    """What reading a paragraph needs beyond the paragraph: the document (the parent of
    its tables), the labels of the numbered paragraphs, and the paragraph styles of a
    table of contents ("toc 1" …), whose lines repeat the headings."""

    document: Document
    labels: dict[_Element, tuple[str, str]]
    contents_styles: frozenset[str]


class DocxError(ValueError):
    """The file is not a readable .docx package."""


def docx_to_text(path: Path) -> str:
    """The paragraphs and tables of the document body, in reading order."""
    try:
        document = docx.Document(str(path))
    except (PackageNotFoundError, zipfile.BadZipFile, KeyError, ValueError, OSError) as error:
        raise DocxError(str(error) or type(error).__name__) from error
    body = document.element.body
    styles = document.styles.element
    story = Story(
        document,
        paragraph_labels(_shown_paragraphs(body), _numbering(document), styles),
        frozenset(
            style.get(qn("w:styleId"))
            for style in styles.iterfind(qn("w:style"))
            if CONTENTS_STYLE.fullmatch(_val(style.find(qn("w:name"))) or "")
        ),
    )
    return "\n".join(_block_lines(body, story)) + "\n"


def _numbering(document: Document) -> _Element | None:
    """The root of the document's numbering part; None where it has none (python-docx's
    own accessor would add an empty one)."""
    try:
        part = document.part.part_related_by(RELATIONSHIP_TYPE.NUMBERING)
    except KeyError:
        return None
    return part.element if isinstance(part, XmlPart) else None


def _shown_paragraphs(body: _Element) -> list[_Element]:
    """The paragraphs in the order Word counts their numbers, without the old-format
    copies of text boxes and without paragraphs whose end a tracked change deleted."""
    return [
        p
        for p in body.iter(qn("w:p"))
        if not _mark_deleted(p) and not any(a.tag == f"{MC}Fallback" for a in p.iterancestors())
    ]


def _mark_deleted(paragraph: _Element) -> bool:
    """Whether a tracked change deleted the paragraph's end: Word then shows its text at
    the start of the next paragraph, under that one's numbering."""
    return paragraph.find(f"{qn('w:pPr')}/{qn('w:rPr')}/{qn('w:del')}") is not None


def _block_lines(container: _Element, story: Story, in_cell: bool = False) -> list[str]:
    """The lines of the paragraphs, tables and content controls of a body, a cell or a
    text box; a table nested in a cell as its cells' text; a table of contents (a
    content control of that gallery) is left out, as it repeats the headings."""
    lines: list[str] = []
    carried = ""
    for block in container.iterchildren():
        if block.tag == qn("w:p") and _style(block) not in story.contents_styles:
            *boxes, text = _paragraph_lines(block, story, carried)
            lines.extend(boxes)
            carried = text if _mark_deleted(block) else ""
            lines.extend([] if _mark_deleted(block) else [text])
            continue
        if carried and block.tag in BLOCKS:  # the deleted end met a table: no paragraph to join
            lines.append(carried)
            carried = ""
        if block.tag == qn("w:tbl") and in_cell:
            lines.extend(
                _cell_text(tc, story) for tc in block.iterfind(f"{qn('w:tr')}/{qn('w:tc')}")
            )
        elif block.tag == qn("w:tbl"):
            lines.extend(_table_rows(Table(block, story.document), story))
        elif block.tag in (qn("w:sdt"), qn("w:customXml")) and not _is_contents(block):
            content = block.find(qn("w:sdtContent"))
            inner = block if content is None else content
            lines.extend(_block_lines(inner, story, in_cell))
    return [*lines, carried] if carried else lines


def _style(paragraph: _Element) -> str | None:
    return _val(paragraph.find(f"{qn('w:pPr')}/{qn('w:pStyle')}"))


def _val(element: _Element | None) -> str | None:
    return element.get(qn("w:val")) if element is not None else None


def _is_contents(sdt: _Element) -> bool:
    gallery = sdt.find(f"{qn('w:sdtPr')}/{qn('w:docPartObj')}/{qn('w:docPartGallery')}")
    return gallery is not None and gallery.get(qn("w:val")) == TABLE_OF_CONTENTS


def _paragraph_lines(paragraph: _Element, story: Story, carried: str = "") -> list[str]:
    """The paragraph's text boxes' lines, then its own text (after the `carried` text of
    a paragraph whose end was deleted) behind its numbering label."""
    boxes: list[_Element] = []
    text = carried + _inline_text(paragraph, boxes)
    if paragraph in story.labels:
        text = labelled(*story.labels[paragraph], text)
    box_lines = [line for box in boxes for line in _block_lines(box, story)]
    return [*box_lines, text]


def _inline_text(element: _Element, boxes: list[_Element]) -> str:
    """The text Word shows for the runs under `element`; text boxes met on the way are
    added to `boxes`."""
    pieces: list[str] = []
    for child in element.iterchildren():
        tag = child.tag
        if tag == qn("w:t"):
            pieces.append(child.text or "")
        elif tag in CHARACTERS:
            pieces.append(CHARACTERS[tag])
        elif tag == qn("w:br"):
            pieces.append("\n" if child.get(qn("w:type"), "textWrapping") == "textWrapping" else "")
        elif tag == qn("w:sym"):
            pieces.append(_symbol(child))
        elif tag == qn("w:txbxContent"):
            boxes.append(child)
        elif tag == f"{MC}AlternateContent":
            choice = child.find(f"{MC}Choice")
            pieces.append(_inline_text(child if choice is None else choice, boxes))
        elif tag not in SKIPPED and not (tag == qn("w:r") and _hidden(child)):
            pieces.append(_inline_text(child, boxes))
    return "".join(pieces)


def _symbol(sym: _Element) -> str:
    """A `w:sym` character; a symbol font's private-use code point draws nothing we can
    name, so it is left out."""
    try:
        char = chr(int(sym.get(qn("w:char"), ""), 16))
    except ValueError:
        return ""
    return "" if unicodedata.category(char) == "Co" else char


def _hidden(run: _Element) -> bool:
    vanish = run.find(f"{qn('w:rPr')}/{qn('w:vanish')}")
    return vanish is not None and vanish.get(qn("w:val"), "true") not in ("0", "false", "off")


def _table_rows(table: Table, story: Story) -> list[str]:
    """One line a row: `| cell | cell |`, a merged cell's other positions empty."""
    lines: list[str] = []
    seen: set[object] = set()  # the cell elements themselves: alive, so compared by identity
    for row in table.rows:
        cells = []
        for cell in row.cells:
            cells.append("" if cell._tc in seen else _cell_text(cell._tc, story))
            seen.add(cell._tc)
        lines.append("| " + " | ".join(cells) + " |")
    return lines


def _cell_text(cell: _Element, story: Story) -> str:
    """A cell's paragraphs on one line."""
    return " ".join(" ".join(_block_lines(cell, story, in_cell=True)).split())
