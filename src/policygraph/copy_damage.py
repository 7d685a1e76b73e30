"""Damage a copy of a plan carries, whatever the plan: repaired before extraction.

A plan reaches users as copies: the PDF text of the printed document (titles and
justified lines set with spaces between characters, a running header and page numbers
on every page), a page's HTML source with its entities left, a file pasted together
from systems with different line ends, a repost with the site's lines between
paragraphs. Each rule here names the kind of copy it repairs and holds for any plan
(tests/test_damage.py applies each damage to the five bundled plans).

`repair_copy` runs before every other rule of `normalize`: it drops what no rule should
read (invisible characters, line numbers, the spaces of letter-spaced lines, paragraphs
printed twice), replaces what stands for one character (an entity, an ASCII quote, a
lone CR) and returns, for every character it gives, its offset in the text it was given.
`running_headers` gives the headers next to the page numbers `normalize` found, in the
pass that drops a page's furniture; `damage_spans` the site lines, repeated mastheads and
spam lines to drop with the other noise. All are pure and idempotent: repaired text has
nothing left for them.
"""

from __future__ import annotations

import bisect
import html
import itertools
import re
from collections.abc import Sequence

from policygraph.cues import cue_pattern
from policygraph.document_kinds import TITLE_LINE_KINDS
from policygraph.markers import CN_NUM, MARKER_LEVELS, marker_number
from policygraph.wrapping import TABLE_ROW

ENTITY = re.compile(r"&(?:amp[;；])*(?:[a-zA-Z]{2,8}|#[0-9]{2,6}|#[xX][0-9a-fA-F]{2,5})[;；]")
"""An HTML character reference left in a copy taken from a page's source (&ldquo;十四五&rdquo;,
&nbsp;&nbsp; before a paragraph, &#12288; an ideographic space written by number); its
semicolon made full width by then, as all of a text's; escaped twice by a site that
escaped a page's source again (&amp;nbsp;), one character all the same."""
LINE_END = re.compile(r"\r(?!\n)|[\f\v\x1c-\x1e\x85\u2028\u2029]")
"""A line end other than LF and CR LF: a carriage return that no line feed follows (the
line end of an old Mac or of a web form, in a file pasted together from copies), a form
feed (where pdftotext ends a page), a vertical tab (Word's manual line break), Unicode's
line and paragraph separators. A line break; but see `PAGE_END_MID_LINE`."""
PAGE_END_MID_LINE = re.compile(r"\f(?<=[^。；！？：\s]\f)(?=[^\s])")
"""A form feed between two characters of one line: a page ended there, cutting a sentence
(a table cell, a number) that goes on at the top of the next page. Dropped, so the two
halves join; a form feed after a line end is the line break of `LINE_END`."""
_CHINESE = "\u4e00-\u9fff，。、；：《》（）"
QUOTE_AT_CHINESE = re.compile(rf'"(?<=[{_CHINESE}]")|"(?=[{_CHINESE}])')
"""An ASCII double quote touching Chinese writing: a quotation mark of Chinese prose typed
without the Chinese ones ("十四五", 采取"一事一议"); one between Latin letters and digits is
markup or code a copy kept (<sup id="0wauq">), left alone."""
FULL_STOP_TYPED_HALF = re.compile(
    rf"(?m)^(?P<serial>[ ]*(?:[{CN_NUM}]{{1,3}}|（[{CN_NUM}]{{1,3}}）)\.)"
    r"|\.(?<=[\u4e00-\u9fff）%‰”]\.)(?![A-Za-z.])"
)
"""A full stop typed as `.` after a Chinese character, a closing bracket or quote or a
percent sign (…达到55%. 到2025年. 托育机构.3.织密…, the next item's number run in): a
decimal point and a list number (4.5, 1.政府主导) have a digit before them, a file name's
extension (起草说明.pdf, 分解表.docx) a letter after; dots in a row are a contents line's
leader or an ellipsis typed in ASCII (发展基础......3, 托育......等), and a heading's serial
typed with a point opens its line (`serial`: 一.总体要求, （一）.基本原则), kept."""

INVISIBLE = re.compile("[\u200b\u200c\u200d\u2060\ufeff\u00ad]+")
"""Characters that show nothing, left by editors and web pages: zero-width spaces and
joiners inside words, a word joiner, a BOM at the start of a pasted paragraph, a soft
hyphen. Never content."""

SPACE_AT_QUOTE = re.compile(
    r"[ ](?:(?<=[《“〔【‘][ ])(?=[^ \n])|(?<=[^ \n][ ])(?=[》”〕】’])"
    r"|(?<=[\u4e00-\u9fff][ ])(?=[《“〔【‘])|(?<=[》”〕】’][ ])(?=[\u4e00-\u9fff]))"
)
"""A stray space inside a title mark or quotation mark or between one and a Chinese
character (《 重庆市…》, “一老一小” 整体…): a non-breaking space an HTML copy left, or a
wrapped line's space; `normalize.SPACE_INSIDE_WORD`'s rule for these marks."""

LETTER_SPACED_LINE = re.compile(r"(?m)^[ ]*\S(?:[ ]+\S){5,}[ \r]*$")
"""A line of six or more characters each set apart by spaces: the PDF text of a 公文
title set in spaced characters (关 于 印 发 …) or of a justified line whose text layer
places each character on its own (养 老 服 务, 2 0 2 5 年)."""
SPACES = re.compile("[ ]+")

NUMBERED_LINE = re.compile(r"(?m)^([0-9]{1,5})(?: |$)")
"""A line opened by its number, as an editor or a PDF with line numbers shown copies it:
12 一、总体要求 / 13 到2025年，…."""
MIN_NUMBERED_SHARE = 0.8
MIN_NUMBERED_LINES = 10
"""Line numbers are dropped only from a text whose first line is numbered 1 and where at
least this share of its lines, and this many, are numbered one after the other: a table's
序号 column numbers its rows one after the other too, but under a title and a header row,
and rows are a minority of a plan's lines."""

REPOST_FIELD = re.compile(rf"(?:{cue_pattern('repost_line')})[：:][^。：:，,\s]{{0,12}}")
REPOST_CANDIDATE = re.compile(rf"(?m)^[ ]*(?:(?:{cue_pattern('repost_line')})[：:]|【)[^\n]*")
REPOST_BUTTONS = re.compile(r"(?:【[^】\n]{1,6}】[ ]*){2,}")
"""A line a repost site puts around or between a plan's paragraphs: its editor and
reviewer (责任编辑：…, 编辑：… 审核：…), its view count (浏览次数：1325, 点击数：…), a row
of buttons (【打印】【关闭】, 【我要纠错】【打印本页】【关闭窗口】): a line whose fields, between
spaces, are each a key, a colon and a name or a count (12 characters, no stop or comma),
or a row of buttons. A step of a procedure (审核：县级民政部门自收到申请之日起10个工作日内
完成审核) says more. The headline the original page gave (原标题：…) stays: it can be the
document's title (原标题:甘肃省人民代表大会常务委员会关于批准《兰州市养老服务条例》的决定,
the 兰州 条例 news of the tune set). Keys in data/cues.csv (kind repost_line)."""

SPAM_LINE = re.compile(
    r"(?m)^[ ]*[^\s_|，。；：,;:]{2,24}(?:(?P<sep>[_|])[^\s_|，。；：,;:]{2,24}){3,}[ \r]*$"
)
"""A line of keywords a spam site puts on top of a copy it serves: four or more phrases
joined by _ or | without spaces (日韩视频在线播放_国产精品一级_… and …|又大又粗…|国产精品对白…
over the 湖南 copies of the tune set). Joined by | it is spam only as the copy's first
line and of phrases at least `MIN_SPAM_PHRASE` long: lower, or of short phrases, it can
be a table row whose cells have no spaces (序号|指标名称|单位|属性)."""
MIN_SPAM_PHRASE = 5

RUNNING_HEADER_LINE = re.compile(r"(?m)^[ ]*([^\s，。；：,;:|]{4,60})[ \r]*$")
MIN_HEADER_REPEATS = 2
MIN_HEADER_SHARE = 0.4
"""A running header: a short line without punctuation (周口市人民政府文件, 某市人民政府办公室,
the plan's short title) that a printed copy repeats next to the page number of each page
(or of every other page, where odd and even pages differ), at least `MIN_HEADER_REPEATS`
times and next to this share of the page numbers; never a heading (一、…, （一）…). A line
repeated elsewhere (a table's cells one a line: 市民政局, 预期性) is content, and so is a
cell that a few page breaks of a long table fall next to (市民政局 ending two pages of a
任务分工 table)."""
MASTHEAD = re.compile(rf"(?:文件|{'|'.join(TITLE_LINE_KINDS)})$")
MIN_MASTHEAD_REPEATS = 3
"""A 公文's masthead (XX市人民政府文件) or the plan's title (周口市“一老一小”整体解决方案)
printed again at the top of each page of a copy without page numbers: after its first
occurrence, the lines of one repeated this often. Never a cell of a table laid out one
cell a line (`_table_cell`): a 任务分工 table's 成果形式 column can repeat 印发实施方案 or
政策文件 row after row."""
HEADING = re.compile(
    r"[一二三四五六七八九十]+、|（[一二三四五六七八九十]+）|第[一二三四五六七八九十]+|[0-9]+[、．.]"
)
SENTENCE_END = "。；！？：\n"
MIN_CUT_LINE = 20
"""A line a page break cuts runs on for at least this many characters, as a cut sentence
does for normalize.SENTENCE_BROKEN_ACROSS_LINES; a shorter one ends where it ends."""
BLANKS = re.compile(r"[\n \r]*")
LINE_BREAKS = re.compile(r"[\n\r]*")

PARAGRAPH_BREAK = re.compile(
    rf"(?:[。；！？](?:（[^（）\n《》]{{2,200}}）)?|（(?:{cue_pattern('list_label')})[：:][^（）\n]{{1,200}}）)"
    r"[ ]*(?=\S)|[ ](?<=[\u4e00-\u9fff”》）：][ ])"
)
"""Where a paragraph of a copy that lost its line breaks ends: a sentence end, the
bracketed list of its owners after one (…全面落实。（二）完善…; …服务体系。（市民政局、市卫生
健康委…按职责分工负责）3.促进…), or a labelled list of owners in brackets closing it
without a stop (…搭建终身学习立交桥（责任单位：区人力社保局、区教委）（十）培育…; labels in
data/cues.csv kind list_label); or a space after a word, a closing mark or a colon, where
a scraper gave each <p> a space (一、王丹县长牵头重点工作 1.全县生产总值…, 海盐 2022 责任分解;
…具体如下： （一）实施背景). A marker after it may open the next item."""
SENTENCE_OR_LINE_END = re.compile(r"[。；！？\n]")
TITLE_SPACE = re.compile(r"[ ](?<=[\u4e00-\u9fff”》）][ ])(?=[\u4e00-\u9fff“《])")
MAX_TITLE_SPACE = 40
"""A heading's title is this long at most (structure.MAX_TITLE)."""
ITEM_LEVEL = 2
"""The first level of the heading ladder (MARKER_LEVELS) a run-together item is put on a
line of its own from after a stop: （一） 1. （1） ①. A chapter's 一、 run on after a stop is
read where it stands (structure.find_headings), and a line break before it would cut a
sharing site's chunk line (1、…以上。三、支持政策…, xixian.txt) short of the chunk rule's
length; after a space, the mark of a one-line copy, it is put on its own (…责任分解 一、王丹
县长牵头重点工作, 海盐 2022; …认真贯彻执行。 一、“十一五”时期，…。 二、充分认识做好…, the
“十二五”节能减排综合性工作方案's notice; both tune)."""

MIN_DOUBLED_LENGTH = 20
"""A paragraph printed twice in a row is dropped the second time when it is this long: a
short line repeated (a table's 合计 row, 是/否 cells) may be content."""


def repair_copy(text: str) -> tuple[str, list[int]]:
    """`text` with entities decoded, invisible characters, line numbers, the spaces of
    letter-spaced lines and paragraphs printed twice dropped, a lone CR read as a line
    break, ASCII quotes paired into “ ” and full stops typed `.` made 。, the items of a
    copy that ran them together on one line put on lines of their own; with, per
    character, its offset in `text`. First of all rules, which would see an invisible
    character, a line number, a spaced title (not ending in 方案 but in 方 案), an entity
    or a chunk number printed twice (1、 1、 2、) as text."""
    if LINE_END.search(text):
        text = LINE_END.sub(lambda m: _line_end(text, m.start()), text)
    text, offsets = _replaced(text, list(range(len(text))), _first_repairs(text))
    spacing = [(m.start(), m.end(), "") for m in _letter_spacing(text)]  # line numbers gone
    text, offsets = _replaced(text, offsets, spacing)
    if '"' in text:  # after the drops, which can bring a mark next to Chinese (深 . 根)
        text = _paired_quotes(text)
    if "." in text:
        text = FULL_STOP_TYPED_HALF.sub(lambda m: m["serial"] or "。", text)
    text, offsets = items_apart(text, offsets)
    doubled = [(start, end, "") for start, end in _doubled_paragraphs(text)]
    return _replaced(text, offsets, doubled)


Repair = tuple[int, int, str | None]
"""A span of a text and what replaces it: '' drops it, None leaves it."""


def items_apart(text: str, offsets: list[int]) -> tuple[str, list[int]]:
    """`text` (with, per character, its offset in the source) with the items a copy ran
    together on one line (`run_together_items`) on lines of their own."""
    breaks = run_together_items(text)
    return _with_breaks(text, offsets, breaks) if breaks else (text, offsets)


def _with_breaks(text: str, offsets: list[int], breaks: list[int]) -> tuple[str, list[int]]:
    """`text` with a line break at each of `breaks` (in order): the space before it turned
    into the break where a copy gave each paragraph a space, else one put in, standing at
    the source offset of the character before it (a quote of that character ends there)."""
    out: list[str] = []
    kept: list[int] = []
    at = 0
    for brk in breaks:
        spaced = text[brk - 1] == " "
        out.append(text[at : brk - 1] + "\n" if spaced else text[at:brk] + "\n")
        kept.extend(offsets[at:brk] if spaced else [*offsets[at:brk], offsets[brk - 1]])
        at = brk
    out.append(text[at:])
    kept.extend(offsets[at:])
    return "".join(out), kept


def _replaced(text: str, offsets: list[int], repairs: Sequence[Repair]) -> tuple[str, list[int]]:
    """`text` with its `repairs` made, and the offsets of its characters carried over."""
    if not repairs:
        return text, offsets
    out: list[str] = []
    kept: list[int] = []
    at = 0
    for start, end, char in sorted(repairs):
        if char is None or start < at:
            continue
        out.append(text[at:start] + char)
        kept.extend(offsets[at : start + len(char)])
        at = end
    out.append(text[at:])
    kept.extend(offsets[at:])
    return "".join(out), kept


def unprinted_removed(text: str) -> str:
    """`text` as it prints: invisible characters dropped, entities decoded, the spaces of a
    letter-spaced line dropped (a cited title quoted from a copy: 《…养老托育服\u200d务…》,
    &ldquo;十四五&rdquo;, 周 口 市 人 民 政 府 关 于 …)."""
    if INVISIBLE.search(text):
        text = INVISIBLE.sub("", text)
    if "&" in text:
        text = ENTITY.sub(lambda m: _decoded(m.group()) or m.group(), text)
    return "".join(
        line if not _letter_spacing(line) else SPACES.sub("", line)
        for line in text.splitlines(keepends=True)
    )


def character_end(source: str, offset: int) -> int:
    """The end in `source` of the character `repair_copy` gave for `offset`: past an entity
    that stands there (&rdquo;), so a quote ending in its character quotes it whole."""
    entity = ENTITY.match(source, offset) if source[offset] == "&" else None
    if entity and _decoded(entity.group()):
        return entity.end()
    return offset + 1


def _line_end(text: str, at: int) -> str:
    """A page end mid-line stays for `PAGE_END_MID_LINE` to drop; any other is a line break."""
    return "\f" if PAGE_END_MID_LINE.match(text, at) else "\n"


def _first_repairs(text: str) -> list[Repair]:
    found = list(INVISIBLE.finditer(text)) if INVISIBLE.search(text) else []
    found.extend(_line_numbers(text))
    if "\f" in text:
        found.extend(PAGE_END_MID_LINE.finditer(text))
    repairs: list[Repair] = [(m.start(), m.end(), "") for m in found]
    if "&" in text:
        repairs.extend((m.start(), m.end(), _decoded(m.group())) for m in ENTITY.finditer(text))
    return repairs


def _line_numbers(text: str) -> list[re.Match[str]]:
    lines = text.count("\n") + 1
    numbers = list(NUMBERED_LINE.finditer(text))
    if len(numbers) < max(MIN_NUMBERED_LINES, MIN_NUMBERED_SHARE * lines):
        return []
    if numbers[0].start() != 0 or numbers[0].group(1) != "1":
        return []
    following = [
        m
        for previous, m in itertools.pairwise(numbers)
        if int(m.group(1)) == int(previous.group(1)) + 1
    ]
    if len(following) < MIN_NUMBERED_SHARE * lines - 1:
        return []
    return [numbers[0], *following]


def _decoded(found: str) -> str | None:
    """The character an entity stands for; None for an ampersand that names no single
    character (&foo;)."""
    body = found[1:-1]
    while body[:4] in ("amp;", "amp；") and len(body) > len("amp;"):
        body = body[4:]
    reference = f"&{body};"
    char = html.unescape(reference)
    if char == reference or len(char) != 1:
        return None
    return char.replace("\u00a0", " ").replace("\u3000", " ")


def _paired_quotes(text: str) -> str:
    """ASCII double quotes of each line read in pairs as “ and ” (a copy typed without
    Chinese quotation marks: "十四五", "一老一小"), where each of them touches Chinese
    writing (`QUOTE_AT_CHINESE`); an odd one out opens a quote."""
    return LINE_WITH_QUOTE.sub(_paired_in_line, text)


LINE_WITH_QUOTE = re.compile(r'[^\n"]*"[^\n]*')


def _paired_in_line(match: re.Match[str]) -> str:
    line = match.group()
    if line.count('"') != len(QUOTE_AT_CHINESE.findall(line)):
        return line
    first, *parts = line.split('"')
    return first + "".join(("”" if i % 2 else "“") + p for i, p in enumerate(parts))


def damage_spans(text: str) -> list[tuple[int, int]]:
    """The spans to drop from a copy: a space at a bracket or quotation mark, repost
    lines, a masthead's repeats and spam lines."""
    spans = [m.span() for m in SPACE_AT_QUOTE.finditer(text)]
    spans.extend(_line_with_breaks_before(text, m) for m in _repost_lines(text))
    spans.extend(_mastheads(text))
    spans.extend(_spam_lines(text))
    return spans


def _letter_spacing(text: str) -> list[re.Match[str]]:
    """The spaces of letter-spaced lines (`LETTER_SPACED_LINE`)."""
    return [
        space
        for line in LETTER_SPACED_LINE.finditer(text)
        for space in SPACES.finditer(text, line.start(), line.end())
    ]


def _repost_lines(text: str) -> list[re.Match[str]]:
    return [
        line
        for line in REPOST_CANDIDATE.finditer(text)
        if (fields := line.group().split())
        and (
            all(REPOST_FIELD.fullmatch(field) for field in fields)
            or REPOST_BUTTONS.fullmatch(" ".join(fields))
        )
    ]


def _spam_lines(text: str) -> list[tuple[int, int]]:
    """Spam lines with the line breaks after them (blank lines too)."""
    first = skip_blank_lines(text, 0)
    return [
        (m.start(), skip_blank_lines(text, m.end()))
        for m in SPAM_LINE.finditer(text)
        if m.group("sep") == "_"
        or (m.start() == first and min(map(len, m.group().strip().split("|"))) >= MIN_SPAM_PHRASE)
    ]


def running_headers(text: str, page_markers: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Running headers next to a page number (before or after it, blank lines between) of
    those whose spans `page_markers` gives, each dropped with the page number's breaks."""
    by_page: dict[str, list[tuple[int, int]]] = {}
    for m in _header_lines(text):
        after = skip_blank_lines(text, m.end())
        if _marker_at(_skip_back(text, m.start()), page_markers) or _marker_at(after, page_markers):
            span = _line_with_break(text, m.start(), m.end(), page_markers)
            by_page.setdefault(m.group(1), []).append(span)
    least = max(MIN_HEADER_REPEATS, MIN_HEADER_SHARE * len(page_markers))
    return [span for found in by_page.values() if len(found) >= least for span in found]


def _mastheads(text: str) -> list[tuple[int, int]]:
    """A masthead's or a title's repeats after its first occurrence, when it repeats
    `MIN_MASTHEAD_REPEATS` times."""
    mastheads: dict[str, list[re.Match[str]]] = {}
    for m in _header_lines(text):
        if MASTHEAD.search(m.group(1)) and not _table_cell(text, m.start(), m.end()):
            mastheads.setdefault(m.group(1), []).append(m)
    return [
        _line_with_break(text, m.start(), m.end())
        for found in mastheads.values()
        if len(found) >= MIN_MASTHEAD_REPEATS
        for m in found[1:]
    ]


def _table_cell(text: str, start: int, end: int) -> bool:
    """Whether the line at `start`…`end` is a cell of a table laid out one cell a line: the
    lines right above and below it, no blank line between, are short (a page's furniture
    follows a page's last line, `MIN_CUT_LINE` long or more, or stands apart by blank lines)."""
    above = text[text.rfind("\n", 0, max(start - 1, 0)) + 1 : max(start - 1, 0)]
    below_end = text.find("\n", end + 1)
    below = text[end + 1 : below_end if below_end >= 0 else len(text)]
    return all(0 < len(line.strip()) < MIN_CUT_LINE for line in (above, below))


def _header_lines(text: str) -> list[re.Match[str]]:
    return [m for m in RUNNING_HEADER_LINE.finditer(text) if not HEADING.match(m.group(1))]


def _marker_at(position: int, page_markers: Sequence[tuple[int, int]]) -> tuple[int, int] | None:
    """The page number's span (`page_markers` are in order) that `position` is on or at
    one end of."""
    at = bisect.bisect_right(page_markers, (position, float("inf"))) - 1
    if at >= 0 and page_markers[at][0] <= position <= page_markers[at][1]:
        return page_markers[at]
    return None


def skip_blank_lines(text: str, position: int) -> int:
    """The end of the line breaks, spaces and blank lines from `position` on."""
    return BLANKS.match(text, position).end()  # type: ignore[union-attr]


def _skip_back(text: str, position: int) -> int:
    while position > 0 and text[position - 1] in "\n \r":
        position -= 1
    return position


def _line_with_break(
    text: str, start: int, end: int, page_markers: Sequence[tuple[int, int]] = ()
) -> tuple[int, int]:
    """A line to drop, with the line breaks before it (blank lines too, and a page number
    right above it); with the break after it too when the text before does not end a
    sentence (nor is a table row) and the text after opens no paragraph: a page break cut
    it, and the two halves join again."""
    start = _skip_back(text, start)
    if (marker := _marker_at(start, page_markers)) and marker[0] < start:
        start = _skip_back(text, marker[0])
    cut = page_break_cuts(text, start, end)
    return start, end + 1 if cut and text[end : end + 1] == "\n" else end


def page_break_cuts(text: str, start: int, end: int) -> bool:
    """Whether the page furniture at `start`…`end` (a page number, a running header) cut
    the line it ends: that line runs on for `MIN_CUT_LINE` characters or more (a printed
    line, a paragraph's first part; not a cell of a table laid out one cell a line, 8 /
    区民政局 / 约束性 in 万州's, nor a heading), ends no sentence, is no table row, and the
    text after opens no paragraph."""
    line_start = text.rfind("\n", 0, start) + 1
    return (
        start - line_start >= MIN_CUT_LINE
        and text[start - 1] not in SENTENCE_END
        and not TABLE_ROW.search(text, line_start, start)
        and not opens_paragraph(text, end)
    )


def opens_paragraph(text: str, end: int) -> bool:
    """Whether the first line after `end` (a line break, blank lines) opens a paragraph: it
    is indented or opens with a heading's serial (（六）强化居家社区服务). A page break
    before it cut no sentence, whatever the page's last line ends with (…区政务服务办）)."""
    after = LINE_BREAKS.match(text, end).end()  # type: ignore[union-attr]
    return text[after : after + 1] in (" ", "\t") or HEADING.match(text, after) is not None


def _line_with_breaks_before(text: str, line: re.Match[str]) -> tuple[int, int]:
    """A line to drop that stands between paragraphs (a site's line, a repeat): with the
    line breaks before it; the paragraphs around it stay apart."""
    return _skip_back(text, line.start()), line.end()


def _doubled_paragraphs(text: str) -> list[tuple[int, int]]:
    """Lines that repeat the paragraph above them (blank lines between), spaces aside."""
    spans = []
    previous = None
    for line in re.finditer(r"[^\n]+", text):
        paragraph = "".join(line.group().split())  # its spaces may differ: where a copy put one
        if (
            paragraph == previous
            and len(paragraph) >= MIN_DOUBLED_LENGTH
            and not TABLE_ROW.search(line.group().strip())
        ):
            spans.append(_line_with_breaks_before(text, line))
        if paragraph:
            previous = paragraph
    return spans


def run_together_items(text: str) -> list[int]:
    """Where a line of a copy that lost its line breaks holds several paragraphs: before
    each numbered marker after a paragraph's end (`PARAGRAPH_BREAK`) that opens the item the
    outline expects next, the next number of its form after the last one seen (after （一）
    …（二）, after 1.…2.; a 1. after a part of a higher level), or a list starting over at 1.
    that a 2. of its form follows on the line (a copy whose parts lost their headings
    too); on such a line, the heading that opens it ends at a space too (`_title_end`).
    Never inside a number (1.5万张, 2.3%: the marker wants no digit after it), a table
    row, nor a cited title (《…》 still open). The 海盐 2022 政府工作报告 责任分解 (盐政办发
    〔2022〕16号) one line with its items after their units, the 余杭 民生实事 progress page
    (…进行验收。1.完成…工作。 2.完成第一批…), the “十二五”节能减排综合性工作方案's notice on
    one line (…认真贯彻执行。 一、…。 二、…), all tune; tests/damage.py imitates them on
    the five bundled plans."""
    breaks: list[int] = []
    last: dict[int, int] = {}
    for line in re.finditer(r"[^\n]+", text):
        if TABLE_ROW.search(line.group().strip()):
            continue
        indent = len(line.group()) - len(line.group().lstrip(" "))
        if (first := _item_marker(text, line.start() + indent)) is not None:
            _seen(last, *first)
        markers = _markers_after_breaks(text, line.start(), line.end())
        seconds_after = _seconds_after(markers)
        found = len(breaks)
        one_line = False
        for index, (at, spaced, level, number) in enumerate(markers):
            restart = number == 1 and level in seconds_after[index]
            if _expected(last, level, number) or restart:
                if level >= ITEM_LEVEL or spaced:
                    breaks.append(at)
                    breaks.extend(_title_end(text, at, line.end()))
                    one_line = one_line or spaced
                _seen(last, level, number)
        if first is not None and len(breaks) > found:  # the line's own heading ran on too
            breaks.extend(_title_end(text, line.start() + indent, line.end()))
        if one_line:
            breaks.extend(_spaced_paragraph_ends(text, line.start(), line.end()))
    return sorted(set(breaks))


def _spaced_paragraph_ends(text: str, start: int, end: int) -> list[int]:
    """On a line whose items a scraper ran together with a space for each <p>: every
    sentence end (or owners bracket) a space follows, the end of a paragraph without a
    number (…请认真贯彻执行。 2022年是新一届政府的开局之年。, 海盐 2022 责任分解; …制定本方案。
    一、…, the “十二五”节能减排 notice; both tune): Chinese prose puts no space after a stop
    inside a paragraph."""
    return [
        m.end()
        for m in PARAGRAPH_BREAK.finditer(text, start, end)
        if m.group().strip() and m.group().endswith(" ")
    ]


def _title_end(text: str, at: int, line_end: int) -> list[int]:
    """After the heading a run-together item opens at `at`: where its title ends at a
    space before its first sentence ends, `MAX_TITLE_SPACE` characters at most. A scraper
    that gave each <p> a space leaves one after a line without a stop too (海盐 2022 责任
    分解, tune: …海盐县人民政府办公室 2022年4月18日 (此件公开发布) 政府工作报告2022年重点工作
    责任分解 一、王丹县长牵头重点工作 1.…): after a heading, （六）强化居家社区服务 提升居家社区
    养老服务品质。… (tests/damage.py's one-line copy of 万州), the space stands for the line
    break after its title."""
    stop = SENTENCE_OR_LINE_END.search(text, at, line_end)
    space = TITLE_SPACE.search(text, at, stop.start() if stop else line_end)
    return [space.end()] if space and space.start() - at <= MAX_TITLE_SPACE else []


def _markers_after_breaks(text: str, start: int, end: int) -> list[tuple[int, bool, int, int]]:
    """The markers after a paragraph break (`PARAGRAPH_BREAK`) on the line `start`…`end`,
    outside a cited title: where each opens, whether a space was in the break, its level
    and its number. The title marks are counted once along the line (a one-line copy of a
    long plan has thousands of breaks)."""
    markers = []
    open_titles = 0
    at = start
    for m in PARAGRAPH_BREAK.finditer(text, start, end):
        opened = text.count("《", at, m.end()) - text.count("》", at, m.end())
        open_titles = max(0, open_titles + opened)  # a title opened on a line above closes
        at = m.end()
        if open_titles == 0 and (found := _item_marker(text, m.end())) is not None:
            markers.append((m.end(), " " in m.group(), *found))
    return markers


def _seconds_after(markers: list[tuple[int, bool, int, int]]) -> list[frozenset[int]]:
    """For each of `markers`, the levels of the markers numbered 2 after it on its line."""
    found: list[frozenset[int]] = []
    levels: frozenset[int] = frozenset()
    for _, _, level, number in reversed(markers):
        found.append(levels)
        if number == 2:
            levels = levels | {level}
    return found[::-1]


def _item_marker(text: str, at: int) -> tuple[int, int] | None:
    """The level and number of the heading marker (MARKER_LEVELS but 第…章, which opens a
    line only) that opens at `at`."""
    for level, pattern in MARKER_LEVELS[1:]:
        if (m := pattern.match(text, at)) is not None and not m.group().endswith("，"):
            return level, marker_number(m.group())
    return None


def _seen(last: dict[int, int], level: int, number: int) -> None:
    """A marker of `level` numbered `number` opens a part: the parts below may start over
    at 1 or go on numbering across it (万州's （一）…（十六） run across its
    chapters)."""
    last[level] = number
    for lower in [lv for lv in last if lv > level]:
        last[lower] = -abs(last[lower])


def _expected(last: dict[int, int], level: int, number: int) -> bool:
    """Whether `number` is the next of `level`: the one after the last, or 1 after a part
    of a higher level (a negative entry of `_seen`)."""
    before = last.get(level, 0)
    return number == abs(before) + 1 or (number == 1 and before <= 0)
