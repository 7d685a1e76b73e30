"""Damage a copy of a plan carries, applied to a clean text (issue 12, class 5).

Each function imitates one kind of copy users receive: the PDF text of a 公文 whose
title and justified lines are set with spaces between characters, a printed page with
its running header and page numbers, a repost site's lines, an HTML copy with its
entities left, a file saved through a tool that mixes line ends. Damage is a property of
copies, not of a plan: each function applies to any plan text, deterministically.
"""

from __future__ import annotations

import random
import re
from collections.abc import Callable

from policygraph.copy_damage import MIN_CUT_LINE
from policygraph.normalize import CHUNK_MARKER, MIN_CHUNK_LENGTH
from policygraph.wrapping import TABLE_ROW
from tests.saved_formats import _wrap

Damage = Callable[[str, random.Random], str]

HEADING = re.compile(
    r"^\s*(?:[一二三四五六七八九十]+、|（[一二三四五六七八九十]+）|第[一二三四五六七八九十]+[章节部分])"
)
TITLE_WORDS = re.compile(r"关于|规划|方案|意见|计划")
SENTENCE_MARKS = re.compile(r"[。，：,:]")
PAGE_CHARACTERS = 1200
"""About the characters of a printed A4 page of a 公文 (GB/T 9704: 22 lines of 28)."""


def letter_spaced(line: str) -> str:
    """A line set with a space between its characters, as the PDF text of a justified
    line or of a 公文 title set in spaced characters reads: 关 于 印 发 …, 2 0 2 5 年."""
    return " ".join(line.strip())


def spaced_title(text: str, _: random.Random) -> str:
    """The title lines (a short line naming a plan, before the body) letter-spaced, as a
    PDF of the printed document gives them."""
    lines = text.split("\n")
    for i, line in enumerate(lines[:40]):
        if _title_line(line):
            lines[i] = letter_spaced(line)
    return "\n".join(lines)


def _title_line(line: str) -> bool:
    return (
        bool(TITLE_WORDS.search(line))
        and len(line.strip()) <= 60
        and not SENTENCE_MARKS.search(line)
    )


def spaced_headings(text: str, _: random.Random) -> str:
    """The numbered headings (一、… （一）… 第一章) letter-spaced: a PDF where headings
    are set in a wider font and each character is placed on its own."""
    return "\n".join(
        letter_spaced(line) if HEADING.match(line) and len(line) <= 40 else line
        for line in text.split("\n")
    )


JUSTIFIED_LENGTH = 12
"""A line this long is prose a PDF may justify; a table's cells (45, ≥60, 约束性) are not."""


def spaced_lines(text: str, rng: random.Random) -> str:
    """One prose line in seven letter-spaced: the justified lines of a PDF, whose text
    layer places each character on its own (养 老 服 务, 2 0 2 5 年)."""
    return "\n".join(
        letter_spaced(line)
        if len(line.strip()) >= JUSTIFIED_LENGTH
        and not TABLE_ROW.search(line)
        and rng.random() < 1 / 7
        else line
        for line in text.split("\n")
    )


def paged(header: str, footer: Callable[[int, int], str]) -> Damage:
    """Page breaks every `PAGE_CHARACTERS` characters, wherever they fall (mid-sentence
    too), each with the footer of the page ending and the running header of the next."""

    def damage(text: str, _: random.Random) -> str:
        cuts = _page_cuts(text)
        pages = [text[start:end] for start, end in zip([0, *cuts], [*cuts, len(text)], strict=True)]
        total = len(pages)
        out = pages[0]
        for number, page in enumerate(pages[1:], start=1):
            out += f"\n\n{footer(number, total)}\n\n{header}\n{page}"
        return out

    return damage


def title_headers(text: str, _: random.Random) -> str:
    """Page breaks with the plan's title as the running header of each page and no page
    number (a PDF whose header shows the short title)."""
    titles = [line.strip() for line in text.split("\n")[:40] if _title_line(line)]
    title = titles[-1] if titles else "养老托育服务体系建设实施方案"
    cuts = _page_cuts(text)
    pages = [text[start:end] for start, end in zip([0, *cuts], [*cuts, len(text)], strict=True)]
    return f"\n{title}\n".join(pages)


def _page_cuts(text: str) -> list[int]:
    """Where pages break: every `PAGE_CHARACTERS` characters, not inside a table row
    (a page break between rows is common, inside a row a PDF prints the row again) nor
    within the first `MIN_CUT_LINE` characters of a line (a printed page ends with a
    full line: a cell laid out on its own line is never cut)."""
    cuts, at = [], PAGE_CHARACTERS
    while at < len(text):
        line_start = text.rfind("\n", 0, at) + 1
        line_end = text.find("\n", at)
        line = text[line_start : len(text) if line_end < 0 else line_end]
        # a row, a cell laid out on its own line or a line's short first part: the page
        # breaks before the line
        short = at - line_start < MIN_CUT_LINE
        cut = line_start if TABLE_ROW.search(line) or short else at
        if cut > (cuts[-1] if cuts else 0):
            cuts.append(cut)
        at += PAGE_CHARACTERS
    return cuts


def pages_between_lines(text: str, _: random.Random) -> str:
    """A page number after every `LINES_PER_PAGE`th line, set apart by blank lines (a PDF's
    page ending after a whole line: between two paragraphs, or two cells of a table laid
    out one cell a line, as 万州's indicator table is)."""
    lines = text.split("\n")
    return "\n".join(
        f"{line}\n\n— {number // LINES_PER_PAGE} —\n"
        if number % LINES_PER_PAGE == 0 and number < len(lines)
        else line
        for number, line in enumerate(lines, start=1)
    )


def numbered_lines(text: str, _: random.Random) -> str:
    """Every line opened by its number (a copy from a PDF or an editor with line numbers
    shown): `12 一、总体要求`, `13 到2025年，…`."""
    return "\n".join(f"{i} {line}" for i, line in enumerate(text.split("\n"), start=1))


FULL_WIDTH = str.maketrans(
    {
        **{str(d): chr(0xFF10 + d) for d in range(10)},
        **{chr(0x41 + i): chr(0xFF21 + i) for i in range(26)},
        **{chr(0x61 + i): chr(0xFF41 + i) for i in range(26)},
        "%": "％",
        ".": "．",
    }
)


def full_width(text: str, _: random.Random) -> str:
    """Digits, Latin letters, % and . typed full width (an input method left in
    full-width mode): ２０２５年, ９５％, ４．５个."""
    return text.translate(FULL_WIDTH)


HALF_WIDTH_PUNCTUATION = {
    "，": ",",
    "；": ";",
    "：": ":",
    "（": "(",
    "）": ")",
    "！": "!",
    "？": "?",
    "。": ".",
}


def punctuation_mixed(text: str, rng: random.Random) -> str:
    """Half the punctuation typed half width, full stops too (a copy retyped or OCRed):
    `到2025年,养老机构护理型床位占比达到55%.`"""
    return "".join(HALF_WIDTH_PUNCTUATION.get(c, c) if rng.random() < 0.5 else c for c in text)


def ascii_quotes(text: str, _: random.Random) -> str:
    """Chinese quotation marks typed as ASCII ones: "十四五", '一老一小'."""
    return text.translate(str.maketrans({"“": '"', "”": '"', "‘": "'", "’": "'"}))


def invisible_characters(text: str, rng: random.Random) -> str:
    """Characters that show nothing, left by editors and web pages: a BOM at the start of
    pasted paragraphs, zero-width spaces and joiners anywhere (inside numbers too), a soft
    hyphen; and non-breaking spaces (U+00A0) for half the spaces and between words, as an
    HTML copy has them (never inside a number: a page has them where its source had a
    space or an &nbsp;)."""
    marks = ("\u200b", "\u200b", "\u200c", "\u200d", "\u2060", "\u00ad")
    out = []
    for i, line in enumerate(text.split("\n")):
        if i and line and rng.random() < 0.2:  # at the start of the file a BOM is the encoding's
            line = "\ufeff" + line
        chars = []
        for i, c in enumerate(line):
            chars.append("\u00a0" if c == " " and rng.random() < 0.5 else c)
            if rng.random() < 0.04:
                chars.append(rng.choice(marks))
            elif _between_words(line, i) and rng.random() < 0.02:
                chars.append("\u00a0")
        out.append("".join(chars))
    return "\n".join(out)


def _between_words(line: str, i: int) -> bool:
    return i + 1 < len(line) and all("\u4e00" <= c <= "\u9fff" for c in line[i : i + 2])


ENTITIES = {"“": "&ldquo;", "”": "&rdquo;", "—": "&mdash;", "·": "&middot;", "&": "&amp;"}


def html_entities(text: str, _: random.Random) -> str:
    """A copy taken from a page's source with its entities left: &ldquo;十四五&rdquo;,
    &nbsp;&nbsp; indents, &mdash;, &#12288; (an ideographic space written by number)."""
    body = "".join(ENTITIES.get(c, c) for c in text)
    return "\n".join(
        ("&nbsp;&nbsp;" if i % 2 else "&#12288;&#12288;") + line if line.strip() else line
        for i, line in enumerate(body.split("\n"))
    )


def carriage_returns(text: str, rng: random.Random) -> str:
    """Line ends of three systems in one file (a text pasted together from copies):
    CR LF, CR alone (an old Mac or a web form's line end) and LF; a CR alone never right
    before an LF line end (CR LF is one line end: that copy would have lost a line)."""
    ends = [rng.choice(("\r\n", "\r", "\n")) for _ in range(text.count("\n"))]
    for i in reversed(range(len(ends) - 1)):  # from the end: the next one is final
        if ends[i] == "\r" and ends[i + 1].startswith("\n"):
            ends[i] = "\n"
    lines = text.split("\n")
    return "".join(line + end for line, end in zip(lines, [*ends, ""], strict=True))


def doubled_paragraphs(text: str, rng: random.Random) -> str:
    """One prose paragraph in eight printed twice in a row (a copy that pasted a
    paragraph again, a page whose print stylesheet repeats a block)."""
    out = []
    for line in text.split("\n"):
        out.append(line)
        if len(line) > 20 and not TABLE_ROW.search(line) and rng.random() < 1 / 8:
            out.append(line)
    return "\n".join(out)


REPOST_LINES = (
    "来源：人民网",
    "责任编辑：王静",
    "【打印】【关闭】",
    "编辑：李明 审核：张华",
    "浏览次数：1325",
    "发布时间：2022-10-08 09:30:12",
    "【我要纠错】【打印本页】【关闭窗口】",
    "原标题：聚焦“一老一小” 完善服务体系",
)


def repost_lines(text: str, rng: random.Random) -> str:
    """Lines a repost site puts between a plan's paragraphs (source, editor, view count,
    buttons, the original headline), each on a line of its own after a paragraph's full
    stop (a site puts them between the blocks of its page, never inside a table)."""
    out = []
    for line in text.split("\n"):
        out.append(line)
        if line.rstrip().endswith("。") and rng.random() < 1 / 15:
            out.append(rng.choice(REPOST_LINES))
    return "\n".join(out)


def form_feeds(text: str, _: random.Random) -> str:
    """Page ends as pdftotext writes them: a form feed (U+000C) where a page ends, often
    mid-sentence, and a vertical tab (Word's manual line break) inside a paragraph."""
    cuts = _page_cuts(text)
    pieces = [text[start:end] for start, end in zip([0, *cuts], [*cuts, len(text)], strict=True)]
    return "\f".join(pieces)


READINGS = {
    "关": "guān", "于": "yú", "发": "fā", "动": "dòng", "务": "wù", "实": "shí", "进": "jìn",
    "设": "shè", "养": "yǎng", "项": "xiàng", "达": "dá", "构": "gòu", "门": "mén", "会": "huì",
}  # fmt: skip


def pinyin_readings(text: str, rng: random.Random) -> str:
    """A reading in brackets after half the occurrences of common characters, as the spam
    copies of the tune set's 湖南 pages carry them (關(guān)于, 發(fā)布, 行動(dòng))."""
    return "".join(
        f"{c}({READINGS[c]})" if c in READINGS and rng.random() < 0.5 else c for c in text
    )


SPAM_KEYWORDS = (
    "高清视频在线观看",
    "最新章节免费下载",
    "全集在线播放无弹窗",
    "手机版免费阅读",
    "2024最新版下载地址",
    "热门推荐排行榜",
)


def spam_headline(text: str, rng: random.Random) -> str:
    """A line of spam keywords joined by _ or | on top of the copy, as the spam copies of
    the tune set's 湖南 pages open (…_国产精品一级_…, …|…|…)."""
    keywords = rng.sample(SPAM_KEYWORDS, len(SPAM_KEYWORDS))
    return f"{rng.choice('_|').join(keywords)}\n\n{text}"


LINES_PER_PAGE = 22
"""Lines of a printed 公文 page (GB/T 9704: 22 lines of 28 characters)."""


def printed_copy(text: str, rng: random.Random) -> str:
    """The text layer of a printed 公文 as a PDF gives it: prose laid out 28 characters a
    line with a two-character indent, the title letter-spaced, and every 22 lines a page
    break with its page number (— 3 —) and the next page's running header."""
    lines = []
    for line in spaced_title(text, rng).split("\n"):
        prose = line.strip() and not TABLE_ROW.search(line) and not SPACED.fullmatch(line)
        lines.extend(_wrap("\u3000\u3000" + line, 56) if prose else [line])
    out = lines[:LINES_PER_PAGE]
    for number, start in enumerate(range(LINES_PER_PAGE, len(lines), LINES_PER_PAGE), start=1):
        out += [
            "",
            f"— {number} —",
            "",
            "某市人民政府办公室",
            *lines[start : start + LINES_PER_PAGE],
        ]
    return "\n".join(out)


SPACED = re.compile(r"(?:\S )+\S")


CHAPTER_LINE = re.compile(r"^\s*(?:第[一二三四五六七八九十]+(?:章|部分)|[一二三四五六七八九十]+、)")
ITEM_LINE = re.compile(
    r"^\s*(?:[（(][一二三四五六七八九十]+[）)]|\d{1,2} ?[.．、](?![\d%])|[（(]\d{1,2}[）)]|[①-⑳])"
)
"""A line that opens a chapter (一、 第一章) or a numbered item (（一） 1. （1） ①), as the
bundled plans print them, half- or full-width brackets."""
PARAGRAPH_END = re.compile(r"[。；！？）)]\s*$")


def _prose(line: str) -> bool:
    """A paragraph or a numbered item of the body: no table row (|, a column gap), no cell
    of a table laid out one cell a line (95.6, 区民政局: no sentence end), no chapter heading,
    no chunk of a sharing site (xixian.txt's 1、… 14、, 800 characters each: the site prints
    each chunk as a block of its own)."""
    return (
        bool(line.strip())
        and not TABLE_ROW.search(line.strip())
        and not CHAPTER_LINE.match(line)
        and not (CHUNK_MARKER.match(line) and len(line) >= MIN_CHUNK_LENGTH)
        and bool(ITEM_LINE.match(line) or PARAGRAPH_END.search(line))
    )


def _body_start(lines: list[str]) -> int:
    """The first line of the body: the first heading; the title block above keeps its lines."""
    return next(
        (i for i, line in enumerate(lines) if CHAPTER_LINE.match(line) or ITEM_LINE.match(line)),
        len(lines),
    )


def _joined(lines: list[str], joins: Callable[[int], bool], glue: str) -> str:
    """`lines` with line `i` run onto the line before wherever `joins(i)`; blank lines
    between two joined lines go with the break."""
    out: list[str] = []
    for i, line in enumerate(lines):
        if out and joins(i):
            while out and not out[-1].strip():
                out.pop()
            out[-1] = out[-1].rstrip() + glue + line.strip()
        else:
            out.append(line)
    return "\n".join(out)


def _previous_line(lines: list[str], i: int) -> str:
    return next((line for line in reversed(lines[:i]) if line.strip()), "")


def run_together_sections(text: str, _: random.Random) -> str:
    """Within each chapter, its paragraphs and numbered items on one line, nothing between
    them: a repost page that dropped its <p> tags (…全面落实。（二）完善居家社区养老服务网络。
    建设…, the 十一五 纲要 division of the tune set). Tables, the title block and the chapter
    headings (一、 第一章) keep their lines, and so does a break where no sentence ended (a
    heading without a stop, a chunk a sharing site cut mid-word)."""
    lines = text.split("\n")
    first = _body_start(lines)

    def joins(i: int) -> bool:
        before = _previous_line(lines, i)
        return i > first and _prose(lines[i]) and _prose(before) and _ends_paragraph(before)

    return _joined(lines, joins, "")


def _ends_paragraph(line: str) -> bool:
    return PARAGRAPH_END.search(line) is not None


def run_together_items(text: str, _: random.Random) -> str:
    """Each numbered item (（一） 1. （1） ①) run onto the paragraph before it, after its
    sentence end: a copy that kept its paragraphs but lost the breaks before list items
    (…（责任单位：区民政局）2.推进…, the 海盐 2022 责任分解 and 桐乡 2023 民生实事 copies of the
    tune set)."""
    lines = text.split("\n")
    first = _body_start(lines)

    def joins(i: int) -> bool:
        before = _previous_line(lines, i)
        return (
            i > first
            and bool(ITEM_LINE.match(lines[i]))
            and _prose(before)
            and _ends_paragraph(before)
        )

    return _joined(lines, joins, "")


def one_line(text: str, _: random.Random) -> str:
    """Every line of prose (the title block and the headings too) on one line, a space
    between paragraphs, as a scraper that turned each <p> into a space gives a page (the
    海盐 2022 责任分解 and the 诸城 应急保障 wenku copy of the tune set); table rows and the
    cells of a table laid out one cell a line keep their lines."""
    lines = text.split("\n")

    def line_of_prose(line: str) -> bool:
        stripped = line.strip()
        return (
            bool(stripped)
            and not TABLE_ROW.search(stripped)
            and (
                len(stripped) >= MIN_CUT_LINE
                or bool(CHAPTER_LINE.match(line) or ITEM_LINE.match(line))
            )
        )

    return _joined(
        lines,
        lambda i: line_of_prose(lines[i]) and line_of_prose(_previous_line(lines, i)),
        " ",
    )


def combined(*damages: Damage) -> Damage:
    """Several damages at once, as one copy carries them (applied in the order given)."""

    def damage(text: str, rng: random.Random) -> str:
        for one in damages:
            text = one(text, rng)
        return text

    return damage


DAMAGES: dict[str, Damage] = {
    "spaced-title": spaced_title,
    "spaced-headings": spaced_headings,
    "spaced-lines": spaced_lines,
    "page-dash-numbers": paged("", lambda n, _: f"— {n} —"),
    "page-running-header": paged("周口市人民政府文件", lambda n, t: f"第{n}页 共{t}页"),
    "page-office-header": paged("某市人民政府办公室", lambda n, _: f"- {n} -"),
    "page-fullwidth-hyphens": paged("", lambda n, _: f"－ {n} －"),
    "pages-between-lines": pages_between_lines,
    "numbered-lines": numbered_lines,
    "full-width": full_width,
    "punctuation-mixed": punctuation_mixed,
    "ascii-quotes": ascii_quotes,
    "invisible-characters": invisible_characters,
    "html-entities": html_entities,
    "carriage-returns": carriage_returns,
    "doubled-paragraphs": doubled_paragraphs,
    "repost-lines": repost_lines,
    "form-feeds": form_feeds,
    "pinyin-readings": pinyin_readings,
    "spam-headline": spam_headline,
    "printed-copy": printed_copy,
    "title-headers": title_headers,
    "web-repost": combined(
        repost_lines, doubled_paragraphs, ascii_quotes, invisible_characters, html_entities
    ),
    "retyped-copy": combined(full_width, punctuation_mixed, spaced_lines, carriage_returns),
    "printed-pdf": combined(spaced_lines, printed_copy, numbered_lines),
    "run-together-sections": run_together_sections,
    "run-together-items": run_together_items,
    "one-line": one_line,
}
