"""Normalise a plan text without losing the way back to the source.

Chinese plans copied from the web mix full-width and half-width punctuation,
carry stray spaces inside words, and (from document-sharing sites) a preamble
and page-chunk markers that cut sentences. `normalize_text` returns a clean
text for the extractors together with, for every character, its offset in the
source, so every extraction can quote the source exactly (spaCy's
non-destructive rule).
"""

from __future__ import annotations

import bisect
import itertools
import re
from dataclasses import dataclass
from functools import cached_property

from policygraph.copy_damage import (
    character_end,
    damage_spans,
    items_apart,
    page_break_cuts,
    repair_copy,
    running_headers,
    skip_blank_lines,
)
from policygraph.document_kinds import ARTICLE_LINE_KEYS, TITLE_LINE_KINDS
from policygraph.model import Quote
from policygraph.scanning import matches_opening_runs
from policygraph.traditional import to_simplified
from policygraph.wrapping import FULL_LINE_SHARE, TABLE_ROW, continued, display_width

HALF_TO_FULL = str.maketrans(
    {
        "(": "（",
        ")": "）",
        ",": "，",
        ":": "：",
        ";": "；",
        "?": "？",
        "!": "！",
        "\u3000": " ",
        "\u00a0": " ",
        "．": ".",
        "％": "%",
        "＋": "+",
        "＝": "=",
        "＜": "<",
        "＞": ">",
        "｜": "|",
        "﹝": "〔",
        "﹞": "〕",
        **{chr(0xFF10 + d): str(d) for d in range(10)},
        **{chr(0xFF21 + i): chr(0x41 + i) for i in range(26)},
        **{chr(0xFF41 + i): chr(0x61 + i) for i in range(26)},
    }
)
"""Punctuation to the full-width forms Chinese prose uses; digits, letters and
% to half-width, so every rule sees one form of `（一）`, `，` and `95%`; the small
brackets some sites print document numbers in (﹝2021﹞) to the official 〔2021〕."""
HALF_TO_FULL_CHARACTERS = re.compile("[" + re.escape("".join(map(chr, HALF_TO_FULL))) + "]")
"""The characters HALF_TO_FULL replaces, found by one scan: `str.translate` looks every
character of a text up, and most need no change (issue 16, build CPU)."""

SHARING_SITE_LINE = re.compile(
    r"由会员分享|可在线阅读|请在.{0,12}上搜索|文档.{0,6}珍藏版|本文档由.{0,20}上传|"
    r"还剩\d+页未读|继续阅读本文档|下载文档到电脑|文档页数[：:]|侵权请联系"
)
"""The preamble and prompts a document-sharing site puts around the text it wraps:
《X.docx》由会员分享,可在线阅读,更多相关《X.docx(7页珍藏版)》请在XX文库网上搜索。,
本文档由用户上传, 还剩5页未读，继续阅读, 下载文档到电脑，查找使用更方便, 文档页数：7页."""

PAGE_MARKER_LINE = re.compile(
    r"(?m)[\r\n]*^ *(?:第 ?\d{1,3} ?页(?: *[，/]? *共 ?\d{1,3} ?页)?|[-—–－] ?\d{1,3} ?[-—–－]|"
    r"\d{1,3} ?/ ?\d{1,3}|Page \d{1,3}(?: of \d{1,3})?)[ \r]*$"
)
"""A page number on a line of its own, where a page break cut the text: 第2页,
第 2 页 共 7 页, - 2 -, — 2 —, － 2 － (a Word document's full-width hyphens), 2/7,
Page 2 of 7. Dropped with the line breaks before it, and after it too (blank lines too)
when the page break cut a sentence."""

SITE_NOISE_LINE = re.compile(
    r"^[ •·]*(?:"
    r"[^。\n]*(?:Copyright|©|版权所有|ICP备|公网安备|网站标识码|(?:举报|咨询)电话[：:]|服务热线[：:]|热线电话[：:])[^。\n]*"
    r"|(?:(?:您|你)(?:当前|现在)?的?|当前的?)位置是?[：:][^。\n]*"
    r"|首页(?:[ >]+[^ >。\n]{2,8}){2,}"
    r"|(?:[^|\n]{2,14}网 *\| *){2,}[^。\n]*"
    r"|日期[：:] *\d{4}-\d{1,2}-\d{1,2} *来源[：:][^。\n]*"
    r"|语音播报|扫一扫在手机打开当前页面|分享到[^。\n]{0,40}|打印本页|关闭窗口|【?打印】?|【?关闭】?"
    r"|文字解读|图片解读|一图读懂|文件下载|我要找政策|在线咨询|【?字[体号][：:] *[大中小 】【]+"
    r")[ \r]*$",
    re.M,
)
"""What a web page wraps a plan in, copied along with it: copyright and hotline
footers (Copyright © … 举报电话：…; a hotline named without a number, as in a
table cell 养老服务热线接通率, is prose), breadcrumbs (您当前位置：首页 > …, 您现在的位置是：…),
menus (首页 政务公开 政务服务 …), portal links (中国政府网 | 重庆市人民政府网 |), the
article line (日期：2022-09-22 来源：…) and buttons (语音播报, 扫一扫在手机打开当前页面,
分享到, 打印本页, 文字解读). A line with a full stop is prose, never noise."""

CHUNK_MARKER = re.compile(r"(?m)^(\d{1,3})、")
"""Page-chunk numbers a document-sharing site puts at the start of each chunk,
mid-sentence: `婴幼儿早期\\n3、发展知识普及率`. Only a run of at least
`MIN_CHUNK_RUN` consecutive numbers 1, 2, 3 … on consecutive lines counts."""
MIN_CHUNK_RUN = 3
MIN_CHUNK_LENGTH = 80

_CJK = r"\u4e00-\u9fff"
TONE_MARKED = "āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜ"
PINYIN_AFTER_CHARACTER = re.compile(
    rf"[（(](?<=[{_CJK}][（(])[a-zü]*[{TONE_MARKED}][a-zü]* ?[）)]", re.I
)
"""A pinyin reading a copy site put after a character (关（guān）于, 發(fā), 號(hào)): a
bracketed syllable with a tone mark, right after a Chinese character, a space before its
closing bracket or none (截(jié )至2021年底, 婴幼(yòu )儿 on a copy of a childcare
commentary; 湖南 健康湖南行动 发布会 copy, both tune). Dropped, so the
words join again (关于, 发, 号); brackets of Latin text without tone marks ((PPP)) stay.
This pattern and the next ones open with the character they match and look behind it
after: a pattern that opens with a look-behind is tried at every character of a text,
one that opens with a character only where that character stands (issue 16, build CPU)."""
PINYIN_SYLLABLE = (
    r"(?:zh|ch|sh|[bpmfdtnlgkhjqxrzcsyw])?"
    r"(?:iang|iong|uang|ueng|ang|eng|ing|ong|ian|iao|uai|uan|üan|ai|ei|ao|ou|an|en|er|in|un"
    r"|ia|ie|iu|ua|uo|ui|üe|ue|ve|a|o|e|i|u|ü|v)"
)
"""One toneless pinyin syllable: an optional initial and a final of Hanyu Pinyin."""
TONELESS_PINYIN = re.compile(rf"[（(](?<=[{_CJK}][（(]){PINYIN_SYLLABLE}[）)]")
"""A pinyin reading without its tone mark (國務(wu)院(yuan), 辦公(gong)廳): the same copy-site
damage as `PINYIN_AFTER_CHARACTER`, typed without diacritics. A single bracketed syllable
after a character can be a legitimate label ((a), (e)), so these are dropped only from a
text that carries at least `MIN_TONELESS_PINYIN` of them: a site inserts them throughout."""
MIN_TONELESS_PINYIN = 5
MOJIBAKE = re.compile(r"\ufffd+|(?:锟斤拷)+|烫{2,}|屯{2,}|(?m:^[?？]{2}(?=[^?？\s]))")
"""Bytes a copy decoded wrongly: runs of U+FFFD (bytes no decoder took), 锟斤拷 (U+FFFD
itself read as GBK), 烫烫 / 屯屯 (uninitialised memory in a GBK copy) and ?? opening a line
(a paragraph's indent of two ideographic spaces that an encoder without them wrote as ?:
??2021年6月17日). Never content."""
MOJIBAKE_MARKS = ("\ufffd", "锟斤拷", "烫烫", "屯屯", "??", "？？", "?？", "？?")
"""What every MOJIBAKE match holds: a text without any of them is not scanned for it."""
SPACE_INSIDE_WORD = re.compile(rf"[ ](?<=[{_CJK}，。、；：）（][ ])(?=[{_CJK}，。、；：（）])")
"""A stray space between two Chinese characters (`老 年服务机构`). Runs of spaces and
tabs are kept: they separate the columns of a table laid out one row a line."""
SPACE_AT_NUMBER = re.compile(rf"[ ](?:(?<=[0-9%‰][ ])(?=[{_CJK}%‰])|(?<=[{_CJK}][ ])(?=[0-9]))")
"""A stray space a wrapped line left at a number in prose (总数 55%以上, 55 %, 55% 以上, 托位数
3 个, 2025 年): the value must touch its name, unit and comparator. Not in table rows, where
spaces may separate cells."""
TRAILING_SPACE = re.compile(r"[ \t\r]+(?=\n|$)")
INDENT_WITH_TAB = re.compile(r"(?m)^[ ]*\t[ \t]*")
"""A tab-indented line: the indent is layout, not a column gap (headings start the line)."""
INDENT = re.compile(r"(?m)^[ ]+(?=[^ \n])")
"""A line indented with spaces (the two-character indent of every paragraph, GB/T 9704,
full-width spaces by now half-width): layout, dropped where the rest of the line is prose
(滁州's 十四五 plans, 自贡's 一老一小 opening); a table row keeps it, an empty first cell."""
MIN_WRAPPED_LINES = 8
WRAPPED_SHARE = 0.6
MIN_MARGIN = 30
CHARACTER_SHARE = 0.8
"""A text is laid out at a fixed width when at least `MIN_WRAPPED_LINES` and this share of
its long prose lines run to one margin (within `wrapping.FULL_LINE_SHARE` of its width), of
at least `MIN_MARGIN` half-width cells (15 characters: a flattened table's short cells of
one length are no margin); counted in characters first, within `CHARACTER_SHARE` (digits
and Latin letters are half as wide)."""

TITLE_ENDS = "|".join(TITLE_LINE_KINDS)
"""A line ending in a document kind is a title, not a sentence cut by a line break (the
look-behind needs them all two characters long, as they are)."""

SENTENCE_BROKEN_ACROSS_LINES = re.compile(
    rf"(?<=[^\n]{{19}}[{_CJK}])(?<!{TITLE_ENDS})[ \r]*\n[ \r\n]*"
    rf"(?=[{_CJK}][^\n]{{7}})(?![一二三四五六七八九十]+、)(?![^\n。，]{{0,40}}(?:{'|'.join(ARTICLE_LINE_KEYS)})[：:])"
    rf"(?![^\n。，；：《》]{{0,60}}关于[^\n。，；：《》]{{2,80}}(?:{TITLE_ENDS})[ \r]*(?:\n|$))"
)
"""A paragraph cut mid-sentence by a line break, as web copies and PDF
extractions do (`积极争取上级政策\n\n资金支持…`): a long line ending in a
Chinese character, not punctuation nor a title word, followed by a line that goes on
(not a page's article line under a headline: 日期：…, 发布时间：…, 湖南省人民政府门户网站
发布时间：…, nor a 关于… title on a
line of its own, under the line of its joint issuers (卫生健康委 发展改革委 … 全国妇联 /
关于进一步完善和落实积极生育支持措施的指导意见) or under a spam line a copy site put on top)."""
LINE_BREAK = re.compile(r"[ \r\n](?:(?<=\n)|[ \r]*\n)")
"""Where a SENTENCE_BROKEN_ACROSS_LINES match opens: a line break, with the spaces before
it (`[ \r]*\n`, written to open with a character)."""
LINE_BREAKS = re.compile(r"[\r\n]+")
"""Where a PAGE_MARKER_LINE match opens (when not at the text's start): line breaks."""


SOURCE_LINE_END = re.compile(r"\r\n?|\n")
"""A line end of the source as editors and Python's universal newlines count them: LF,
CR LF, and CR alone (an old Mac's, or one pasted in from one), so `pg:line` is the line an
editor shows."""


@dataclass(frozen=True)
class Normalized:
    """A normalised text and, per character, its offset in `source`."""

    source: str
    text: str
    offsets: tuple[int, ...]

    @cached_property
    def _line_starts(self) -> list[int]:
        return [0] + [m.end() for m in SOURCE_LINE_END.finditer(self.source)]

    def source_span(self, start: int, end: int) -> tuple[int, int]:
        """The source offsets of the normalised span `text[start:end]`."""
        if end <= start:
            pos = self.offsets[start] if start < len(self.offsets) else len(self.source)
            return pos, pos
        return self.offsets[start], character_end(self.source, self.offsets[end - 1])

    def line_of(self, source_offset: int) -> int:
        """The 1-based line number of a source offset."""
        return bisect.bisect_right(self._line_starts, source_offset)

    def quote(self, start: int, end: int) -> Quote:
        """The exact source text behind `text[start:end]`, with its line."""
        s, e = self.source_span(start, end)
        return Quote(text=self.source[s:e], start=s, end=e, line=self.line_of(s))


def normalize_text(source: str) -> Normalized:
    """Normalise punctuation, spacing and traditional characters, drop site noise,
    keep an offset map. Noise is dropped until none is left, since dropping a
    line can make a cut sentence visible: so normalising twice changes nothing."""
    text, offsets = repair_copy(to_simplified(_half_to_full(source)))
    while spans := _noise_spans(text):
        kept = _kept_runs(spans, len(text))
        if sum(end - start for start, end in kept) == len(text):
            break
        text = "".join(text[start:end] for start, end in kept)
        offsets = [offset for start, end in kept for offset in offsets[start:end]]
    # items run together that the noise hid (a space inside a marker, （ 一）) come apart now
    text, offsets = items_apart(text, offsets)
    return Normalized(source=source, text=text, offsets=tuple(offsets))


def _half_to_full(text: str) -> str:
    """`text.translate(HALF_TO_FULL)`: each of its characters replaced by one character."""
    return HALF_TO_FULL_CHARACTERS.sub(lambda m: str(HALF_TO_FULL[ord(m.group())]), text)


def _kept_runs(spans: list[tuple[int, int]], length: int) -> list[tuple[int, int]]:
    """The runs of a text of `length` characters that no span (they may overlap) covers."""
    kept: list[tuple[int, int]] = []
    at = 0
    for start, end in sorted(spans):
        if start > at:
            kept.append((at, min(start, length)))
        at = max(at, end)
    if at < length:
        kept.append((at, length))
    return [(start, end) for start, end in kept if start < end]


def _noise_spans(text: str) -> list[tuple[int, int]]:
    if page_markers := _page_marker_spans(text):
        # a page's furniture first: the rules that join lines read the layout it interrupts
        return [*page_markers, *running_headers(text, page_markers)]
    spans: list[tuple[int, int]] = []
    if SHARING_SITE_LINE.search(text):  # a match lies within a line: most texts have none
        for line in re.finditer(r"[^\n]*\n?", text):
            if line.group() and SHARING_SITE_LINE.search(line.group()):
                spans.append(line.span())
    spans.extend((m.start(), min(m.end() + 1, len(text))) for m in SITE_NOISE_LINE.finditer(text))
    spans.extend(damage_spans(text))
    spans.extend(_chunk_marker_spans(text))
    spans.extend(m.span() for m in PINYIN_AFTER_CHARACTER.finditer(text))
    toneless = [m.span() for m in TONELESS_PINYIN.finditer(text)]
    if len(toneless) >= MIN_TONELESS_PINYIN:
        spans.extend(toneless)
    if any(mark in text for mark in MOJIBAKE_MARKS):
        spans.extend(m.span() for m in MOJIBAKE.finditer(text))
    spans.extend(m.span() for m in SPACE_INSIDE_WORD.finditer(text))
    spans.extend(
        m.span()
        for m in SPACE_AT_NUMBER.finditer(text)
        if not _is_table_row(text, text.rfind("\n", 0, m.start()) + 1)
    )
    spans.extend(m.span() for m in TRAILING_SPACE.finditer(text))
    spans.extend(m.span() for m in INDENT_WITH_TAB.finditer(text))
    spans.extend(m.span() for m in INDENT.finditer(text) if not _is_table_row(text, m.end()))
    spans.extend(_wrapped_line_breaks(text))
    spans.extend(
        m.span()
        for m in matches_opening_runs(SENTENCE_BROKEN_ACROSS_LINES, text, LINE_BREAK)
        if not _is_table_row(text, text.rfind("\n", 0, m.start()) + 1)
        and not _is_table_row(text, m.end())
        and not _headline_break(text, m)
    )
    return spans


def _headline_break(text: str, brk: re.Match[str]) -> bool:
    """A line set apart by blank lines above and below it that holds no comma or stop is
    a headline, not half a sentence cut by a line break: 国家卫健委:“十五五”开局之年 计划增加
    15万个普惠托位 over 国家卫生健康委今天(2月12日)召开新闻发布会，… (国家卫健委 2026 news,
    tune); 不断满足托育服务新需求 改善儿童健康状况 over its report (国家卫健委 2022 托育/儿童
    健康 news, tune). A paragraph a page cut (积极争取上级政策 / 资金支持…) runs on from a
    sentence that has its commas."""
    if brk.group().count("\n") < 2:
        return False
    start = text.rfind("\n", 0, brk.start()) + 1  # of the line above the break
    above = text[: max(start - 1, 0)].rstrip(" \r")  # the text before that line's own start
    isolated = not above.strip() or above.endswith("\n")
    return isolated and not HEADLINE_STOPS.search(text, start, brk.start())


HEADLINE_STOPS = re.compile(r"[，。；,;]")


def _is_table_row(text: str, line_start: int) -> bool:
    line_end = text.find("\n", line_start)
    return TABLE_ROW.search(text, line_start, len(text) if line_end < 0 else line_end) is not None


def _wrapped_line_breaks(text: str) -> list[tuple[int, int]]:
    """The line breaks inside paragraphs of a text laid out at a fixed width (a copy of a PDF
    or a printed page: every paragraph broken at the margin, whatever character falls
    there, 达到\n95%, 婴幼儿\n托位数), by the rule the PDF reader joins lines with
    (`wrapping.continued`). Table rows (`TABLE_ROW`) neither wrap nor continue a line."""
    # cheap first: most texts show no margin even in characters (2 cells each, ±20%)
    if _margin([2 * len(line) for line in text.split("\n")], CHARACTER_SHARE) is None:
        return []
    # only lines of `MIN_MARGIN` cells or more count for the margin: they are read first
    long = [
        line
        for raw in text.split("\n")
        if 2 * len(line := raw.strip()) >= MIN_MARGIN and _prose(line)
    ]
    if _margin([2 * len(line) for line in long], CHARACTER_SHARE) is None:
        return []
    margin = _margin([display_width(line) for line in long], FULL_LINE_SHARE)
    if margin is None:
        return []
    lines = [
        (m.start(), m.end(), line, len(m.group()) - len(m.group().lstrip(" ")))
        for m in re.finditer(r"[^\n]+", text)
        if _prose(line := m.group().strip())
    ]
    joins = continued([(line, 2 * indent) for _, _, line, indent in lines], margin)
    return [
        (end, end + 1)
        for ((_, end, _, _), (start, _, _, _)), joins_next in zip(
            itertools.pairwise(lines), joins, strict=False
        )
        if start == end + 1 and joins_next
    ]


def _prose(line: str) -> bool:
    return bool(line) and TABLE_ROW.search(line) is None


def _margin(widths: list[int], share: float) -> int | None:
    """The width the long lines (`MIN_MARGIN` cells or more) of a text laid out at a fixed
    width run to: the upper quartile's, when at least `WRAPPED_SHARE` of the lines longer
    than half of it come within `share` of it; else None (a text of one paragraph a line)."""
    long = sorted((width for width in widths if width >= MIN_MARGIN), reverse=True)
    if len(long) < MIN_WRAPPED_LINES:
        return None
    margin = long[len(long) // 4]
    body = [width for width in long if 2 * width >= margin]
    full = sum(share * margin <= width <= margin / share for width in body)
    return margin if full >= max(MIN_WRAPPED_LINES, WRAPPED_SHARE * len(body)) else None


def _page_marker_spans(text: str) -> list[tuple[int, int]]:
    """Page-number lines with the breaks before them, and the break after them too
    when the text before does not end a sentence (the page cut it) and is no table row
    (a page break between rows cuts none) nor a short line, nor does the text after open
    a paragraph (`copy_damage.page_break_cuts`)."""
    spans = []
    for marker in matches_opening_runs(PAGE_MARKER_LINE, text, LINE_BREAKS):
        start, end = marker.span()
        cut = page_break_cuts(text, start, end)
        spans.append((start, _after_blank_lines(text, end) if cut else end))
    return spans


def _after_blank_lines(text: str, end: int) -> int:
    """The end of the line breaks and blank lines after `end` (a page number's line):
    a copy sets it apart by blank lines on both sides."""
    return skip_blank_lines(text, end) if text[end : end + 1] == "\n" else end


def _chunk_marker_spans(text: str) -> list[tuple[int, int]]:
    """Markers of a run 1、2、3、… at the start of long consecutive lines, each but the
    first with the line break before it, so the cut sentence joins up again."""
    markers = [
        m for m in CHUNK_MARKER.finditer(text) if _line_length(text, m.start()) >= MIN_CHUNK_LENGTH
    ]
    runs: list[list[re.Match[str]]] = []
    for marker in markers:
        if runs and int(marker.group(1)) == int(runs[-1][-1].group(1)) + 1:
            runs[-1].append(marker)
        else:
            runs.append([marker])
    spans: list[tuple[int, int]] = []
    for run in runs:
        if len(run) < MIN_CHUNK_RUN:
            continue
        spans.append(run[0].span())  # the first chunk continues no chunk above it
        for marker in run[1:]:
            start = marker.start()
            while start > 0 and text[start - 1] in "\n ":
                start -= 1
            spans.append((start, marker.end()))
    return spans


def _line_length(text: str, start: int) -> int:
    end = text.find("\n", start)
    return (len(text) if end < 0 else end) - start
