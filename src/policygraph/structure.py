"""The outline of a plan: its numbered headings, its paragraphs and its tables.

Chinese policy documents number their parts with a fixed ladder of markers:
一、 (chapter) › （一） (section) › 1. (item) › （1） (sub-item) › ① (point).
Headings often run on into their text (`1.统筹制定规划，科学谋划布局。将…`).
`outline_text` finds the headings (markers.py), the tables (tables.py) and the
paragraphs of a normalised text; every span is an offset into that text.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache, cached_property

from policygraph.markers import CN_NUM, MARKER_LEVELS, marker_number
from policygraph.tables import Table, find_tables

RUN_ON_ITEM = re.compile(r"(?<=[\u4e00-\u9fff])1(?=[\u4e00-\u9fff])")
"""A first item whose marker lost its dot and runs on from the chapter title:
`二、重点任务1健全养老托育服务规划体系。` — taken for one only where SECOND_ITEM follows
(in `三、实施1个示范工程` the 1 is a count)."""
SECOND_ITEM = re.compile(r"(?<=[。；\n])[ ]*(?P<number>[12]) ?[.．、，,](?![\d%])")
"""The items after a run-on first one: `。2，优化有效供给` — its 2 must come before any
other item 1 and before the next chapter (CHAPTER_START)."""
CHAPTER_START = re.compile(rf"(?<=[。；\n])[ ]*[{CN_NUM}]{{1,3}}、")

OWNED_SENTENCE = re.compile(
    r"(?P<sentence>[^。\n]+?)。?(?P<owners>[（〔][^（〔）〕\n]+[）〕])[ ]*$"
)
"""A numbered item written as one long sentence closed by the list of its owners: the
sentence is the item's title however long (国办 督查激励通知: `一、对深化商事制度改革成效
显著…的市（地、州、盟）…，推动降低企业制度性交易成本。（市场监管总局负责）`; 国办 消费扶贫
指导意见 and 分工方案 write their items the same way)."""

ARTICLE = re.compile(rf"第[{CN_NUM}]{{1,3}}条[ \u3000]*")
"""The articles of a regulation-style document (办法, 条例, 规定), one a line under its
chapter (第一章 总则 › 第五条 区民政局负责…): a heading of the chapter's first sub-level,
titled by its first sentence however long (广州 天河区 居家社区养老服务管理办法,
国发〔2018〕41号 个人所得税专项附加扣除暂行办法)."""
ARTICLE_LEVEL = 1

CONTENTS = re.compile(r"^[ \u3000]*目[ \u3000]*录[ \u3000]*$\n?", re.MULTILINE)
MAX_CONTENTS_LINE = 60
"""A contents line is a heading with at most its page number: longer lines are prose."""

ITEM_COUNT = re.compile(r"[ ]*（[\u4e00-\u9fff]{0,4}\d{1,3}项）$")
"""A heading's tally of the tasks under it, no part of its title: `一、促进就业（3项）`
(宣城 2024 民生实事, tune), `1.在“聚焦深化对外开放，…”方面（分解任务15项）` (二连浩特
政府工作报告分工方案解读, tune)."""

TITLE_START = re.compile(r"[\u4e00-\u9fff“《]|20\d{2}年[\u4e00-\u9fff]")
"""How a heading's title opens: with a character or a quote, or with the year it is about
(一、2021年经济社会发展主要预期目标, 粤府〔2021〕22号 政府工作报告重点任务分工方案; 一、2010年
高校毕业生就业工作的总体安排和目标任务, 鲁政办 2010 转发 高校毕业生就业 意见; both tune)."""

TITLE_END = re.compile(r"。|；|到\d{4}|\n|$")
MAX_TITLE = 40
SENTENCE_END = "。；！？"


@dataclass(frozen=True)
class Heading:
    """A numbered heading: its marker, its title and where its body starts."""

    level: int
    marker: str
    number: int
    title: str
    start: int
    title_start: int
    title_end: int


@dataclass(frozen=True)
class Section:
    """A heading with the text it governs, up to the next heading of its level or higher."""

    key: str
    heading: Heading
    parent: str | None
    start: int
    end: int
    body_start: int
    body_end: int


@dataclass(frozen=True)
class Outline:
    sections: tuple[Section, ...]
    tables: tuple[Table, ...]
    paragraphs: tuple[tuple[int, int], ...]

    @cached_property
    def by_key(self) -> dict[str, Section]:
        """The sections by key, built once (a plan may hold thousands)."""
        return {s.key: s for s in self.sections}

    def ancestors(self, key: str) -> list[Section]:
        """The section with `key` and all sections above it, innermost first."""
        by_key = self.by_key
        chain: list[Section] = []
        current = by_key.get(key)
        while current is not None:
            chain.append(current)
            current = by_key.get(current.parent) if current.parent else None
        return chain


def outline_text(text: str) -> Outline:
    """Headings, sections, tables and paragraphs of a normalised plan text."""
    tables = tuple(find_tables(text))
    in_table = _span_test([(t.start, t.end) for t in tables])
    in_contents = _span_test(contents_spans(text) + attachment_spans(text))
    headings = [
        h for h in find_headings(text) if not in_table(h.start) and not in_contents(h.start)
    ]
    sections = tuple(_nest(headings, len(text)))
    paragraphs = tuple(
        (m.start(), m.end())
        for m in re.finditer(r"[^\n]+", text)
        if not in_table(m.start()) and m.group().strip()
    )
    return Outline(sections=sections, tables=tables, paragraphs=paragraphs)


def contents_spans(text: str) -> list[tuple[int, int]]:
    """The tables of contents of a text: from a 目录 line, the short lines without a
    sentence end that follow, where they run up to a line that repeats one of them (the
    body starting over at 前言 or 第一章) or to the end of an excerpt. Their headings
    only list the parts that follow (长汀县“十四五”民政事业发展专项规划: 目 录 / 目录 /
    前 言 / 第一章 现状背景 / 一、发展现状 … / 前 言 / the text). Where prose comes
    first, the 目录 line was a page's label and the headings are the body's own."""
    spans = []
    for opener in CONTENTS.finditer(text):
        end = _contents_end(text, opener.end())
        if end is not None:
            spans.append((opener.start(), end))
    return spans


ATTACHMENT_LIST = re.compile(r"^[ \u3000]*附件[ \u3000]*[：:][ \u3000]*(?=\d|$)", re.MULTILINE)
"""The opener of a list of attached files (附件：), its first item on the same line or the next."""
ATTACHED_FILE = re.compile(r"[ \u3000]*\d{1,2}[ \u3000]?[.．、][^\n。；！？]{2,80}\n?")
"""One attached file of the list: a numbered name without a sentence end."""


def attachment_spans(text: str) -> list[tuple[int, int]]:
    """The lists of attached files a notice or a call for comments prints before its
    signature: their numbered names are files, not the document's parts (汉中 银发经济 draft:
    附件: / 1.《…实施意见(征求意见稿)》 / 2.《…》起草说明 / 3.征求意见反馈表; 海盐 养老服务
    draft: 附件: 1. 《…工作方案》的起草说明.pdf / 2. …工作方案(征求意见稿), both tune texts).
    The attachment printed after the signature (附件1 / its title / its text) is no list."""
    spans = []
    for opener in ATTACHMENT_LIST.finditer(text):
        end = opener.end()
        if end < len(text) and text[end] == "\n":
            end += 1
        while (item := ATTACHED_FILE.match(text, end)) is not None or text.startswith("\n", end):
            end = item.end() if item is not None else end + 1
        if end > opener.end() + 1:
            spans.append((opener.start(), end))
    return spans


def _contents_end(text: str, start: int) -> int | None:
    seen: set[str] = set()
    end = start
    for line in re.finditer(r"[^\n]*\n?", text[start:]):
        words = re.sub(r"\s", "", line.group())
        if not line.group() or words in seen:
            return end
        if len(words) > MAX_CONTENTS_LINE or any(c in words for c in SENTENCE_END):
            return None
        if words:
            seen.add(words)
        end = start + line.end()
    return end


def find_headings(text: str) -> list[Heading]:
    """Numbered headings at line starts or after a sentence end, in text order (a copy
    that ran its items together has them back on lines of their own:
    `copy_damage.run_together_items`)."""
    headings: list[Heading] = []
    for pos in _candidate_positions(text):
        for level, pattern in (*MARKER_LEVELS, (ARTICLE_LEVEL, ARTICLE)):
            match = pattern.match(text, pos)
            if match is None:
                continue
            heading = _heading(text, level, match.group(), match.start(), match.end())
            if heading is not None and _plausible(heading, headings, pos, text):
                headings.append(heading)
                headings.extend(_run_on_item(text, heading))
            break
    return headings


def _candidate_positions(text: str) -> list[int]:
    starts = {0} | {m.end() for m in re.finditer(r"\n[ ]*", text)}
    starts |= {m.end() for m in re.finditer(rf"[{SENTENCE_END}][ ]*", text)}
    return sorted(starts)


def _heading(text: str, level: int, marker: str, start: int, title_start: int) -> Heading | None:
    """The heading a marker opens, or None where its text is no heading."""
    end = TITLE_END.search(text, title_start)
    title_end = end.start() if end else len(text)
    if is_article(marker):
        title_end = text.find("。", title_start, _line_end(text, title_start))
        title_end = _line_end(text, title_start) if title_end < 0 else title_end
    if (labelled := _labelled_sentence_end(text, title_start)) is not None:
        title_end = labelled
    title = text[title_start:title_end].strip()
    too_long = len(title) > MAX_TITLE and not is_article(marker)
    if too_long and (sentence_end := _owned_sentence_end(text, start, title_start)):
        title_end = sentence_end
        title = text[title_start:title_end].strip()
    elif too_long and labelled is None and not _cut_off(text, title_end):
        return None
    title = ITEM_COUNT.sub("", title)
    if not title or not TITLE_START.match(title):
        return None
    run_on = RUN_ON_ITEM.search(title) if level == 1 and not is_article(marker) else None
    if run_on is not None and _second_item_follows(text, title_start + run_on.end()):
        title_end = title_start + run_on.start()
        title = text[title_start:title_end]
    return Heading(
        level=level,
        marker=marker.strip(),
        number=marker_number(marker),
        title=title,
        start=start,
        title_start=title_start,
        title_end=title_end,
    )


def _owned_sentence_end(text: str, start: int, title_start: int) -> int | None:
    """Where the sentence of an item ends when the item is that one sentence and the
    list of units that own it, on a line of its own (OWNED_SENTENCE)."""
    # extract/ reads the outline, so its list grammar is imported when first needed
    from policygraph.extract.departments import responsibility_lists

    before = start
    while before and text[before - 1] == " ":
        before -= 1
    if before and text[before - 1] != "\n":
        return None
    line = text[title_start : _line_end(text, title_start)]
    match = OWNED_SENTENCE.match(line)
    if match is None or not any(True for _ in responsibility_lists(match["owners"])):
        return None
    return title_start + match.end("sentence")


LABELLED_SENTENCE = re.compile(
    r"[^。\n]+(?=。[ ]*\n?[ ]*(?:{labels})[：:])|[^。，,\n]+(?=[，,][ ]*(?:{labels})[：:])"
)
"""An item that is one sentence and then the labelled list of its units (LIST_LABEL), or
one phrase, a comma and the list: the projects of a 民生工程 progress bulletin, each named
and given its lead before the news of its progress (六安市民生办 2021年1至9月份民生工程实施
进度通报, tune: 1、技能培训提升,牵头单位:市退役军人局。其中,…进度较慢的为叶集区; its 2017年
1至7月 通报: 1、农村道路畅通工程,牵头部门:市交通局。建设进度相对较慢的县区为舒城县)."""


def _labelled_sentence_end(text: str, title_start: int) -> int | None:
    """Where the sentence of an item ends when the item is that one sentence followed
    by a labelled list of its units, on the same line or the next: the sentence is the
    item's title however long, its clauses joined by ； included (海盐 盐政办发〔2022〕16号:
    1.全县生产总值增长7.5%左右；一般公共预算收入增长8.5%；…收入倍差进一步缩小。责任单位：
    县发改局…; 立山区 2023 重点工作任务分解: 1.固定资产投资增长15%左右。 / 牵头单位：区发改局;
    both tune); an item named by one phrase that a comma and its labelled list follow is
    titled by the phrase (1、技能培训提升,牵头单位:市退役军人局。, 六安 民生工程 通报, tune)."""
    match = _labelled_sentence().match(text, title_start)
    return match.end() if match is not None and match.end() < len(text) else None


@cache
def _labelled_sentence() -> re.Pattern[str]:
    # extract/ reads the outline, so its list grammar is imported when first needed
    from policygraph.extract.departments import LIST_LABEL

    return re.compile(LABELLED_SENTENCE.pattern.format(labels=LIST_LABEL))


def _cut_off(text: str, title_end: int) -> bool:
    """Whether an item's first sentence is cut off by the end of the copy: its title
    is what is printed, however long (宣城 2024 民生实事: 6.加强城乡公益性公墓建设管理，推进
    不少于5城乡公益性公墓新建、改扩建或配套设施改造以及提; 海盐 盐政办发〔2022〕16号: 2.深化
    “亩均论英雄”“标准地”改革，…城镇低效用地; both tune excerpts)."""
    return NON_SPACE.search(text, title_end) is None  # no copy of the rest (build CPU)


NON_SPACE = re.compile(r"\S")


def _line_end(text: str, start: int) -> int:
    end = text.find("\n", start)
    return len(text) if end < 0 else end


def is_article(marker: str) -> bool:
    """Whether a heading's marker numbers an article (第五条)."""
    return ARTICLE.fullmatch(marker) is not None


def _second_item_follows(text: str, item_start: int) -> bool:
    chapter = CHAPTER_START.search(text, item_start)
    end = chapter.start() if chapter else len(text)
    item = SECOND_ITEM.search(text, item_start, end)
    return item is not None and item["number"] == "2"


def _run_on_item(text: str, chapter: Heading) -> list[Heading]:
    if chapter.level != 1 or text[chapter.title_end : chapter.title_end + 1] != "1":
        return []
    item = _heading(text, 3, "1", chapter.title_end, chapter.title_end + 1)
    return [item] if item is not None else []


def _plausible(heading: Heading, earlier: list[Heading], pos: int, text: str) -> bool:
    """At a line start any marker counts; mid-line (after 。) only the next number in
    sequence does, so list numbers inside a paragraph are not taken for headings."""
    if pos == 0 or text[pos - 1] == "\n" or text[:pos].rstrip(" ").endswith("\n"):
        return True
    if heading.level == 0 or is_article(heading.marker):
        return False
    same = [h for h in earlier if h.level == heading.level]
    expected = same[-1].number + 1 if same else 1
    higher = [h for h in earlier if h.level < heading.level]
    if heading.number == 1:
        return not same or (bool(higher) and same[-1].start < higher[-1].start)
    return heading.number == expected


def _nest(headings: list[Heading], text_end: int) -> list[Section]:
    sections: list[Section] = []
    stack: list[tuple[Heading, str]] = []
    counters: dict[str | None, int] = {}
    for index, heading in enumerate(headings):
        while stack and stack[-1][0].level >= heading.level:
            stack.pop()
        parent = stack[-1][1] if stack else None
        counters[parent] = counters.get(parent, 0) + 1
        key = f"{parent}.{counters[parent]}" if parent else str(counters[parent])
        end = next((h.start for h in headings[index + 1 :] if h.level <= heading.level), text_end)
        body_end = headings[index + 1].start if index + 1 < len(headings) else text_end
        body_end = min(body_end, end)
        sections.append(
            Section(
                key=key,
                heading=heading,
                parent=parent,
                start=heading.start,
                end=end,
                body_start=heading.title_end,
                body_end=body_end,
            )
        )
        stack.append((heading, key))
    return sections


def _span_test(spans: list[tuple[int, int]]) -> Callable[[int], bool]:
    def inside(offset: int) -> bool:
        return any(start <= offset < end for start, end in spans)

    return inside
