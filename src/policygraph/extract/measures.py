"""Measures: the tasks of a plan, from its outline, with who owns them.

A numbered section is a measure unless it belongs to the background, the
guiding principles or the goals, or is a chapter that only groups measures
(三、重点任务, 第二章; a 一、 under a 第…章 is a measure). Background is known by
its heading (发展基础) or, where a damaged copy lost its chapter headings, by its
writing: a heading that reports a state (政策体系逐步完善) or a passage of
stocktaking (截至…, 先后出台…) that assigns nobody.
Within a measure, a later paragraph that opens with a short title sentence and
carries its own responsibility list is a child measure
(`提升居家社区养老服务品质。…（责任单位：…）`). A measure's units are its lists
(its sub-measures' included), or else the units its 牵头/会同/负责 statements name.
Document-wide conventions (`conventions.py`) say who leads a list that names no
lead, and add units printed once for every later task. A three-column task table
(序号 / 重点任务 / 责任单位, `task_tables.py`) gives one measure a row (and a named row
its numbered items as sub-measures).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from policygraph.cues import cue_pattern, cue_words
from policygraph.extract.background import AS_OF_WORDS, STOCK_WORDS, TREND_WORDS
from policygraph.extract.conventions import Blanket, blankets, lead_convention
from policygraph.extract.departments import (
    UNBRACKETED_LIST,
    mentions_in_lists,
    responsibility_lists,
    unique_mentions,
)
from policygraph.extract.responsibility import find_statements
from policygraph.extract.task_tables import TaskRow, row_measures, task_rows
from policygraph.lexicon import Lexicon, label_key
from policygraph.model import DepartmentMention, Measure, QuoteMaker
from policygraph.structure import Outline, Section, is_article

CONTEXT_QUALIFIERS = (
    "实施|出台|编制|制定|起草|发展|现实|工作|总体|整体|主要|基本|指导|面临的?|规划|重要|时代"
)
BACKGROUND_NOUNS = "背景|基础|现状|形势|趋势|意义|挑战|机遇|成效|成就|环境|依据"
CONTEXT_NOUNS = f"{BACKGROUND_NOUNS}|要求|思想|原则|目标|指标|思路|愿景|定位"
_PART = r"(?:{q}){{0,2}}(?:{n})"

BACKGROUND_TITLE = re.compile(
    rf"^{_PART.format(q=CONTEXT_QUALIFIERS, n=BACKGROUND_NOUNS)}"
    rf"(?:[和与及、]{_PART.format(q=CONTEXT_QUALIFIERS, n=BACKGROUND_NOUNS)})?$"
)
"""Headings of the parts that describe the present: 实施背景, 发展基础, 发展现状,
发展基础与面临形势, 重要意义, and the opening parts of an interpretation (解读) that say
why and on what the plan was written: 起草背景 (二连浩特 政府工作报告分工方案解读), 制定依据
(新昌 托育实施方案解读). A task heading that ends in such a noun (夯实社区居家服务基础)
is not one: the whole heading must be the noun with its qualifiers."""

TOPIC_BACKGROUND_TITLE = re.compile(
    rf"^(?P<topic>[^，。；：:]{{0,16}}?)(?:{cue_pattern('background_part')})"
    rf"(?:[和与及、](?:{cue_pattern('background_part')}"
    rf"|{_PART.format(q=CONTEXT_QUALIFIERS, n=BACKGROUND_NOUNS)}))?$"
)
"""Headings that name the present state of their topic, the topic first and the part of
a background last (background_part words of data/cues.csv): 一、我县养老服务业发展现状
(东至 养老服务业 调研报告), 第一节 人口发展基础 (南宁 人口发展规划), 二、存在问题 (the
contents of 长汀 民政事业“十四五”规划), all tune; 养老服务发展现状及存在问题, “一老一小”基本
情况. The figures under them are the present (我县60岁以上老年人口达8.6万人, 东至), not
goals, until the next heading of their level. A task heading that ends so opens its topic
with a verb (夯实养老服务发展基础: TASK_OPENER) and is not one."""

CONTEXT_TITLE = re.compile(
    rf"^{_PART.format(q=CONTEXT_QUALIFIERS, n=CONTEXT_NOUNS)}"
    rf"(?:[和与及、]{_PART.format(q=CONTEXT_QUALIFIERS, n=CONTEXT_NOUNS)})?$"
)
"""Headings of the parts that state context, principles or goals, not tasks:
the background ones, 总体要求, 指导思想, 基本原则, 发展目标, 主要目标, 整体目标."""

TOPIC_AIMS_TITLE = re.compile(
    rf"^[^，。；：:]{{2,24}}的(?:{cue_pattern('aims_part')})(?:[和与及、](?:{cue_pattern('aims_part')}))*$"
)
"""Headings of the part that states the aims of one named work, the topic, 的 and the parts
(aims_part words of data/cues.csv): 一、深化预算管理制度改革的总体要求 (鲁政发〔2014〕20号, its
1.指导思想 and 2.目标任务 under it), 一、2010年高校毕业生就业工作的总体安排和目标任务 (山东
2010 转发 高校毕业生就业 意见, its (一)总体安排 under it), both tune. Like a plan's 二、总体要求
they state aims, not tasks (the dev set's gold and the bundled plans' leave them out). The
year's goals of an annual division of work (经济社会发展的主要预期目标) are no such part: each
goal is given to units (YEAR_GOALS)."""

STATE_TITLE = re.compile(rf"(?:{TREND_WORDS}|初步|大幅)[\u4e00-\u9fff]{{1,4}}$")
"""A heading that reports a state rather than sets a task: 政策体系逐步完善,
服务体系初见成效, 服务需求持续增长."""

TASK_OPENER = re.compile(
    r"^(推动|推进|促进|加强|加快|加大|完善|健全|建立|提升|提高|扩大|夯实|强化|优化|深化|培育|"
    r"发展|实施|落实|做好|统筹|盘活|积极|大力|着力|创新|营造|构建|打造|支持|鼓励|引导|规范|"
    r"保障|坚持|增加|拓展|拓宽|丰富|开展|探索|建设|动员|全面)"
)
"""A task heading opens with its verb (扩大…供给, 推动…持续发展), a state heading with
its subject (政策体系…): a heading so opened is a task whatever its ending."""

STOCKTAKING = re.compile(
    rf"{AS_OF_WORDS}|{STOCK_WORDS}|以来|期间|已经|建成了|取得|初见成效|成效显著|人口普查|公报|"
    r"占常住人口|近年来"
)
"""The writing of a background passage: 截至2020年底, “十三五”期间, 先后出台, 取得…成效,
第七次全国人口普查, 占常住人口的19.75%."""
MIN_STOCKTAKING = 3
GOAL_OPENING = re.compile(rf"^(?:{cue_pattern('deadline')})20\d{{2}}年(?:底|末)?[，,]")
"""A part whose text opens on a deadline (到2023年，全市养老服务床位数达到1.35万张) states
goals, whatever its heading: 《…一老一小…》's “一老”方面 / “一小”方面, as every part under
a goals heading does (西咸 总体目标, 镇江 工作目标, 潼关 工作目标, 天津 工作目标, and 主要目标
of a 儿童友好城市 方案)."""


GROUPING_TITLES = re.compile(
    r"重点任务|主要任务|保障措施|保障要素|组织保障|组织实施|支持政策|政策措施|主要内容"
)
"""Chapter titles that only group the measures below them."""

LEADER_GROUP = re.compile(rf"(?:{cue_pattern('leader_post')})牵头的?(?:重点)?工作(?:任务)?$")
"""A chapter of an annual division of work that groups its tasks by the government
leader who leads them (leader_post words of data/cues.csv): 一、朱伟县长牵头重点工作 (长兴
长政办发〔2023〕7号 政府工作报告重点工作责任分解), 一、王丹县长牵头重点工作 / 二、曹惠明常务副县长
牵头重点工作 (海盐 盐政办发〔2022〕16号), both tune. It is a chapter, not a measure
(tests/gold/README.md: a heading that names a part of the document and holds only its
items); what matters is that it is no statement of context either: its items, the year's
tasks, are the measures."""

YEAR_GOALS = re.compile(
    "(?:{})$".format("|".join(w for w in cue_words("annual_programme") if w.endswith("目标")))
)
"""A chapter of an annual division of work that lists the year's goals, each item a goal
given to its units (annual_programme words of data/cues.csv ending in 目标, read without
的): 一、经济社会发展的主要预期目标 (立山区 2023 重点工作任务分解和责任分工方案), 一、2021年经济
社会发展主要预期目标 (粤府〔2021〕22号 政府工作报告重点任务分工方案), both tune. Like a
leader's chapter it is a chapter whose items are measures, not a statement of aims."""


def _groups_a_division(title: str) -> bool:
    """Whether a chapter groups the tasks of an annual division of work by the leader who
    leads them or as the year's goals (LEADER_GROUP, YEAR_GOALS): its items are tasks,
    though its title reads as aims."""
    return bool(LEADER_GROUP.search(title) or YEAR_GOALS.search(title.replace("的", "")))


MIN_SHARED_TITLE = 4
"""Characters a measure's title must have to be taken as the task of a table row."""

PARAGRAPH_TITLE = re.compile(r"^(?P<title>在[^，。]{2,16}方面|[^，。；\n]{4,24})[。，]")
"""A paragraph led by its own short title: `在普惠养老服务方面，…` / `完善居家社区托育服务。…`.
A paragraph that is its item's labelled unit line is no such title, however short its
first clause: the 分工 texts that print each item's units on lines of their own
(`1.固定资产投资增长15%左右。` / `牵头单位：区发改局` / `责任单位：立山经济开发区，各街道`,
立山区 2023 重点工作任务分解和责任分工方案; `责任单位：县财政局。`, 长兴县 2023 政府工作报告
重点工作责任分解) give the item its units, not a sub-task."""


@dataclass(frozen=True)
class MeasureSpan:
    """A measure with the text it governs (offsets into the normalised text)."""

    measure: Measure
    start: int
    end: int
    own: tuple[DepartmentMention, ...]  # units named in its own paragraph(s)


def find_measures(
    text: str, outline: Outline, quote: QuoteMaker, lexicon: Lexicon
) -> list[MeasureSpan]:
    """The measures of a plan in text order, nested by `parent`."""
    spans: list[MeasureSpan] = []
    children = {s.parent for s in outline.sections if s.parent}
    context = {
        s.key
        for s in outline.sections
        if _states_context(text, s) or _is_provision(text, s, quote, lexicon)
    }
    convention = lead_convention(text)
    rows = task_rows(text, quote, lexicon, convention)
    prose = _without_rows(text, rows)
    for section in outline.sections:
        if not _is_measure(section, outline, children, context) or _bare_chapter(text, section):
            continue
        if any(row.start <= section.start < row.end for row in rows):
            continue  # an item a table cell numbers (1.完成第一批…) belongs to its row
        parent = _measure_parent(section, outline, children, context)
        spans.extend(_section_measures(prose, section, parent, quote, lexicon, convention))
    return _with_blankets(_with_task_rows(spans, rows, quote), blankets(text, quote, lexicon))


def _without_rows(text: str, rows: list[TaskRow]) -> str:
    """`text` with the rows of task tables blanked out, so that a unit cell
    (A牵头，B参加) is read as the row's and not as a statement of the section around it."""
    parts, at = [], 0
    for row in rows:
        parts.extend([text[at : row.start], " " * (row.end - row.start)])
        at = row.end
    parts.append(text[at:])
    return "".join(parts)


def _with_task_rows(
    spans: list[MeasureSpan], rows: list[TaskRow], quote: QuoteMaker
) -> list[MeasureSpan]:
    """Measures with the rows of task tables: a row whose task is a numbered measure
    of the text (the same words, or one inside the other) adds its units to that
    measure's own (both are named for it); any other row is a measure of its own."""
    result = list(spans)
    for row in rows:
        task = label_key(row.title)
        at = next(
            (
                i
                for i, span in enumerate(result)
                if len(title := label_key(span.measure.title)) >= MIN_SHARED_TITLE
                and (title in task or task in title)
            ),
            None,
        )
        if at is None:
            result.extend(
                MeasureSpan(measure, start, end, row.units)
                for measure, start, end in row_measures(row, quote)
            )
        else:
            span = result[at]
            measure = replace(
                span.measure,
                responsible=unique_mentions([*span.measure.responsible, *row.units]),
                lead=unique_mentions([*span.measure.lead, *row.lead]),
            )
            own = unique_mentions([*span.own, *row.units])
            result[at] = replace(span, measure=measure, own=own)
    return result


def _with_blankets(spans: list[MeasureSpan], found: list[Blanket]) -> list[MeasureSpan]:
    """Measures with the units the document assigns once to every task after the
    assignment (a measure that contains it included)."""
    if not found:
        return spans
    result = []
    for span in spans:
        extra = tuple(u for b in found if b.start < span.end for u in b.units)
        if extra:
            measure = span.measure
            units = unique_mentions([*measure.responsible, *extra])
            span = replace(
                span,
                measure=replace(measure, responsible=units),
                own=unique_mentions([*span.own, *extra]),
            )
        result.append(span)
    return result


def is_background_title(title: str) -> bool:
    """Whether a heading names a background part (实施背景, 发展基础与面临形势), of the
    plan or of one topic (养老服务发展现状, TOPIC_BACKGROUND_TITLE)."""
    if BACKGROUND_TITLE.match(title):
        return True
    topical = TOPIC_BACKGROUND_TITLE.match(title)
    return topical is not None and not TASK_OPENER.match(topical["topic"])


def _states_context(text: str, section: Section) -> bool:
    """Background, principles or goals: by the heading, or — where a damaged copy
    lost its chapter headings — by the writing of an item that assigns nobody."""
    if CONTEXT_TITLE.match(section.heading.title) or is_background_title(section.heading.title):
        return True
    title = section.heading.title
    if TOPIC_AIMS_TITLE.match(title) and not _groups_a_division(title):
        return True
    first = text[section.body_start : section.body_end].strip().split("\n")[0]
    if any(True for _ in responsibility_lists(first)):
        return False
    if TASK_OPENER.match(title):
        return False
    if GOAL_OPENING.match(first):
        return True
    return bool(STATE_TITLE.search(title)) or len(STOCKTAKING.findall(first)) >= MIN_STOCKTAKING


def _is_provision(text: str, section: Section, quote: QuoteMaker, lexicon: Lexicon) -> bool:
    """An article of a regulation that assigns no named unit states a rule (scope,
    definitions, the amount of a deduction), not a task: only the articles that give
    a unit its duty are measures (广州 天河区 居家社区养老服务管理办法 第五条
    区民政局负责…; none in 国发〔2018〕41号, whose articles set the deductions). The
    items inside such an article are its clauses."""
    if not is_article(section.heading.marker):
        return False
    body = text[section.start : section.end]
    if mentions_in_lists(body, section.start, quote, lexicon):
        return False
    return not find_statements(body, section.start, quote, lexicon).responsible


def _is_measure(section: Section, outline: Outline, children: set[str], context: set[str]) -> bool:
    """Whether a section is a task: not context, and not a chapter that only groups the
    tasks below it (三、重点任务, 一、养老服务). A chapter titled by its task is one,
    its items the sub-tasks (国发〔2019〕4号: 一、完善国家职业教育制度体系 › （一）…;
    国办发〔2018〕129号: 二、动员社会各界扩大贫困地区产品和服务消费 › （一）…)."""
    if any(s.key in context for s in outline.ancestors(section.key)):
        return False
    title = section.heading.title
    chapter = section.heading.level <= 1 and section.parent is None and not TASK_OPENER.match(title)
    grouping = chapter or GROUPING_TITLES.search(title)
    return not (grouping and section.key in children)


def _bare_chapter(text: str, section: Section) -> bool:
    """Whether a section is a chapter not titled by a task verb with no text under it at
    all: the heading of a part the copy does not hold (二、任务及分, where the copy of 十堰
    婴幼儿照护服务 实施方案 stops; 二、制定依据, where the copy of 新昌 托育实施方案解读 stops;
    both tune). Like a chapter that groups tasks, it is none itself; an item cut off so
    (8.实施生活垃圾分类工, 桐庐 2020 民生实事) is still its task."""
    if section.heading.level > 1 or section.parent is not None:
        return False
    return (
        not TASK_OPENER.match(section.heading.title)
        and not text[section.body_start : section.end].strip()
    )


def _measure_parent(
    section: Section, outline: Outline, children: set[str], context: set[str]
) -> str | None:
    for ancestor in outline.ancestors(section.key)[1:]:
        if _is_measure(ancestor, outline, children, context):
            return ancestor.key
    return None


def _section_measures(
    text: str,
    section: Section,
    parent: str | None,
    quote: QuoteMaker,
    lexicon: Lexicon,
    convention: str | None,
) -> list[MeasureSpan]:
    # an article's title is its first sentence, which may itself assign the duty
    base = section.heading.title_start if is_article(section.heading.marker) else section.body_start
    body = text[base : section.body_end]
    paragraphs = [(m.start(), m.end()) for m in re.finditer(r"[^\n]+", body)]
    titled = [
        (s, e, title)
        for index, (s, e) in enumerate(paragraphs)
        if (index > 0 or body[:s].count("\n") > 0)
        and any(True for _ in responsibility_lists(body[s:e]))
        and UNBRACKETED_LIST.match(body, s) is None
        and (title := PARAGRAPH_TITLE.match(body[s:e])) is not None
    ]
    if len(titled) == 1 and titled[0][:2] == paragraphs[0]:
        titled = []
    own_text = body
    for s, e, _ in titled:
        own_text = own_text[:s] + " " * (e - s) + own_text[e:]
    units = _units(text[base : section.end], body, base, quote, lexicon, convention)
    measure = Measure(
        key=section.key,
        number=section.heading.marker,
        title=section.heading.title,
        parent=parent,
        quote=quote(section.heading.start, section.heading.title_end),
        responsible=units.responsible,
        lead=units.lead,
    )
    own = mentions_in_lists(own_text, base, quote, lexicon) if units.listed else units.responsible
    result = [MeasureSpan(measure, section.start, section.end, own)]
    for index, (s, e, title) in enumerate(titled, start=1):
        paragraph = body[s:e]
        child_units = _units(paragraph, paragraph, base + s, quote, lexicon, convention)
        child = Measure(
            key=f"{section.key}.p{index}",
            number=None,
            title=title["title"],
            parent=section.key,
            quote=quote(base + s, base + s + title.end("title")),
            responsible=child_units.responsible,
            lead=child_units.lead,
        )
        result.append(MeasureSpan(child, base + s, base + e, child.responsible))
    return result


@dataclass(frozen=True)
class _Units:
    responsible: tuple[DepartmentMention, ...]
    lead: tuple[DepartmentMention, ...]
    listed: bool  # the responsible units come from bracketed lists


def _units(
    governed: str,
    body: str,
    base: int,
    quote: QuoteMaker,
    lexicon: Lexicon,
    convention: str | None = None,
) -> _Units:
    """A measure's units: the responsibility lists of all the text it governs (its
    sub-measures' too), or, where there are none, the units its statements name;
    leads only from its own body's lists and statements, since a numbered
    sub-measure's lead leads that task only. `body` starts `governed`."""
    listed = mentions_in_lists(governed, base, quote, lexicon)
    named = () if listed else find_statements(governed, base, quote, lexicon).responsible
    lead = unique_mentions(
        [
            *mentions_in_lists(body, base, quote, lexicon, leads=True, unnamed_lead=convention),
            *find_statements(body, base, quote, lexicon).lead,
        ]
    )
    return _Units(listed or named, lead, bool(listed))
