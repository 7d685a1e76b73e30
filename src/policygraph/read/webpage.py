"""A web page saved from a government site (政府信息公开) as plan text and metadata.

The page's metadata table (索引号, 发文字号, 发布机构, 成文日期, 发布日期, 有效性)
is read from its cells and returned apart from the text: a site fills it from
its database, so it is cleaner than the copies in the body. It is also written
after the text as `[ 发文字号 ] …` lines, so its values can be quoted (after, so
the text still opens with the document).
Navigation, share buttons and footers are dropped by their tags and class names;
the text keeps one line per block. A data table is written one cell a line, row
after row (the layout `tables.find_tables` reads, as for .docx and .pdf); a
table used for page layout, its cells holding paragraphs, is read as blocks.
"""

from __future__ import annotations

import re

import lxml.html
from lxml.etree import ParserError, _Element

from policygraph.traditional import to_simplified

META_KEYS = ("索引号", "标题", "发文机关", "发文字号", "发布机构", "成文日期", "发布日期", "有效性")
"""The fields of the 政府信息公开 metadata table that describe the document."""
FILING_KEYS = ("主题分类", "主题词")
"""Fields the table files the record under (综合政务\\政务公开, 民政　社团　方案　通知): read
and dropped from the body, not kept; the words of a filing are not the document's."""

NOISE_TAGS = (
    "script",
    "style",
    "noscript",
    "nav",
    "footer",
    "form",
    "button",
    "select",
    "iframe",
    "object",
    "svg",
    "template",
    "head",
)
NOISE_NAMES = (
    "nav",
    "menu",
    "share",
    "footer",
    "breadcrumb",
    "crumb",
    "copyright",
    "toolbar",
    "sidebar",
    "qrcode",
    "(?<![a-z])qr[_-]",
    "ewm",
    "bdshare",
)
"""Class or id names sites give navigation, share-button, footer and QR-code blocks (the
QR box under a gov.cn document, div#qr_container '扫一扫在手机打开当前页', on the pages of
国办发〔2018〕115号 and 国办发〔2018〕127号; ewm is 二维码 in pinyin initials)."""
NOISE_CLASS = re.compile("|".join(NOISE_NAMES), re.I)
BLOCK_TAGS = frozenset(
    [
        "p",
        "div",
        "br",
        "li",
        "ul",
        "ol",
        "h1",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
        "tr",
        "table",
        "section",
        "article",
        "dd",
        "dt",
        "dl",
        "pre",
        "blockquote",
        "center",
        "title",
    ]
)
META_LABEL = re.compile(
    r"^[\[［【]?\s*(?P<key>"
    + "|".join(r"\s*".join(key) for key in (*META_KEYS, *FILING_KEYS))
    + r")\s*(?:[\]］】:：]\s*|$)"
)
"""A metadata label: the key alone, bracketed, or before a colon (有效性评估… is prose); its
characters may be spaced out to the width of the longest label, as gov.cn sets them in its
table (索 引 号：, 标　　题：, 主 题 词： beside 发文机关：, on the pages of 国办发〔2018〕115号
and 国办发〔2018〕118号)."""
CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([\w-]+)""", re.I)


def declared_charset(data: bytes) -> str | None:
    """The charset a page declares in its `<meta>`, GB2312/GBK widened to GB18030."""
    match = CHARSET.search(data[:4096])
    if not match:
        return None
    name = match.group(1).decode("ascii").lower()
    return "gb18030" if name in {"gb2312", "gbk", "gb18030", "x-gbk"} else name


def html_to_text(markup: str) -> tuple[str, tuple[tuple[str, str], ...]]:
    """The plan text of a page and its metadata table as (key, value) pairs.

    Raises `ValueError` when the markup holds no document.
    """
    try:
        root = lxml.html.document_fromstring(re.sub(r"^\s*<\?xml[^>]*\?>", "", markup))
    except ParserError as error:
        raise ValueError(str(error)) from error
    for element in list(root.iter()):
        if _is_noise(element) and element.getparent() is not None:
            element.drop_tree()
    metadata = _metadata(root)
    lines = [*_lines(root), "", *(f"[ {key} ] {value}" for key, value in metadata)]
    return "\n".join(lines) + "\n", metadata


def _is_noise(element: _Element) -> bool:
    if not isinstance(element.tag, str):
        return True  # comments and processing instructions
    names = f"{element.get('class', '')} {element.get('id', '')}"
    return element.tag in NOISE_TAGS or bool(NOISE_CLASS.search(names))


def _metadata(root: _Element) -> tuple[tuple[str, str], ...]:
    """Label cells (`发文字号：`) and the cell after each, or `key：value` in one cell;
    both are removed from the page so the body does not repeat them (empty fields too)."""
    found: dict[str, str] = {}
    for cell in list(root.iter("td", "th", "li", "span", "p", "div", "dt", "dd", "b", "strong")):
        if len(cell) and cell.tag not in {"td", "th", "li", "dt", "dd"}:
            continue
        text = _squeeze(cell.text_content())
        label = META_LABEL.match(to_simplified(text))  # a traditional page: 發文字號
        key = re.sub(r"\s", "", label["key"]) if label else ""
        if not label or key in found or len(text) > 80:
            continue
        value, holder = text[label.end() :].strip(), None
        if not value and (holder := cell.getnext()) is not None:
            value = _squeeze(holder.text_content())
            if META_LABEL.match(to_simplified(value)):  # an empty field, then the next label
                value, holder = "", None
        if value:
            found[key] = value
        for done in (cell, holder):
            if done is not None and done.getparent() is not None:
                done.drop_tree()
    return tuple((key, found[key]) for key in META_KEYS if key in found)


def _lines(root: _Element) -> list[str]:
    lines: list[str] = []
    current: list[str] = []

    def flush() -> None:
        line = _squeeze("".join(current))
        if line:
            lines.append(line)
        current.clear()

    def walk(element: _Element) -> None:
        if element.tag == "tr" and not _holds_blocks(element):
            flush()
            cells = [_squeeze(c.text_content()) for c in element if c.tag in {"td", "th"}]
            if any(cells):
                lines.extend(cells)
            current.append(element.tail or "")
            return
        if element.tag in BLOCK_TAGS:
            flush()
        if element.tag == "p" and not element.text_content().strip():
            lines.append("")  # an empty paragraph is a blank line: flattened tables count them
        current.append(element.text or "")
        for child in element:
            walk(child)
        if element.tag in BLOCK_TAGS:
            flush()
        current.append(element.tail or "")

    walk(root)
    flush()
    return lines


def _holds_blocks(row: _Element) -> bool:
    """A layout row (a cell holding paragraphs or a table), not a row of data cells."""
    return any(d.tag in BLOCK_TAGS - {"br"} for cell in row for d in cell.iterdescendants())


def _squeeze(text: str) -> str:
    return re.sub(r"[ \t\r\n\u00a0]+", " ", text).strip()
