"""The clauses of a paragraph of running text, each with the year that scopes it and
whether it reports the present: the first passes of the running-text target reader.

A paragraph is cut at ，；。： (and where scraping damage ran a value into the next
year, 40002025年底). Two passes then read the clauses in order, each with the one
state it needs:

- year scope: a deadline (到2025年, 2022年底前, 十四五末, “十四五”期间…将…, a bare year
  or a period's 开局之年/收官之年 followed by a future modal, or later than the year the
  document was issued) scopes
  the clauses after it; a numbered item after a sentence end starts afresh;
- reports: an as-of date (截至2021年底), a bare year opening a clause (2021年，…), a
  report word (目前, 预计, 以来) or a period that ended before the paragraph's
  deadlines (“十三五”期间) silences its sentence until a later deadline or 为此 reopens it
  (…仍有较大差距，为此，到2020年，…), as does a scoping year before the issue year
  (a review of 2021: 2020年底，…); one that opens the paragraph silences its later
  sentences too; stock, finished acts (已建成, 已分别降至),
  population forecasts and norms (按每千人口…) silence their clause.

The cue words are rows of data/cues.csv. `statements.py` reads values in the clauses
these passes leave.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass

from policygraph.cues import cue_pattern, cue_values, cue_words
from policygraph.extract.background import AS_OF_WORDS, STOCK_WORDS
from policygraph.extract.numbers import FIVE_YEAR_PLAN_NAMES, FIVE_YEAR_PLANS, PLANNED_PERIOD
from policygraph.markers import ITEM_MARKER
from policygraph.scanning import first_match

MONTH_DAY = r"(?:\d{1,2}月(?:\d{1,2}日)?)?"
"""The month (and day) of a deadline: 2022年6月前, 2023年12月31日前."""

AS_OF_CUES = frozenset(cue_words("as_of") + cue_words("as_of_damaged"))
YEAR_CUE = re.compile(
    rf"(?P<cue>{cue_pattern('deadline', 'as_of', 'as_of_damaged')})?"
    rf"(?P<year>20\d{{2}})年{MONTH_DAY}(?:年(?=底|末))?(?P<end>底|末)?(?P<before>前)?"
)
"""到2025年 / 2022年底前 / 2022年6月前 / 截至2021年底 / 2025年年底前 (山西 老龄工作意见 news:
山西将在2025年年底前，基本完成…; 郑州 乡村建设方案 news: 2025年年底前，建成100个以上…;
南宁 人口规划: 2020年年末常住人口…) — a year that scopes the clauses after it
(截至/截止, and the damaged 截, scope background or baselines, not targets; a bare year
opening a clause, 2021年，全市新增…, reports what happened in it)."""


def year_cues(text: str) -> list[re.Match[str]]:
    """The YEAR_CUE matches of a text; one without 年 has none, and is not scanned
    (YEAR_CUE opens with an optional cue, so a scan tries it at every character)."""
    return list(YEAR_CUE.finditer(text)) if "年" in text else []


FUTURE_MODAL = rf"(?:{cue_pattern('future')})(?!生育)"
FUTURE = re.compile(FUTURE_MODAL)
"""A modal of the future (将, 要, 力争, 确保, 计划 but not 计划生育) after a bare year
opening a clause makes the year a deadline: 2025年我国学前教育毛入园率将大于90%,
2023年计划新增示范校10所 (桐乡 2023 民生 table), 2023年，全市计划再新增老年食堂、助餐点不少于
290个 (合肥 老年助餐 wiki)."""

BASE_YEAR_WORDS = frozenset(cue_words("baseline") + cue_words("change"))
"""由2020年的…, 较2020年…: a year that dates a baseline or a change, not a deadline."""

FIVE_YEAR_END = re.compile(rf"“?(?P<plan>{FIVE_YEAR_PLAN_NAMES})”?(?:期间|时期|期)?末")
"""十四五末, “十四五”期末: the end of a five-year plan period, 2025 (FIVE_YEAR_PLANS)."""

SENTENCE_BACKGROUND = re.compile(
    rf"{AS_OF_WORDS}|{cue_pattern('background')}"
    r"|常住人口(?<!每千常住人口)(?<!每千名常住人口)(?!每|[\u4e00-\u9fff]{0,4}率)"
    r"|高于[^，；。]{0,16}百分点|低于[^，；。]{0,16}百分点"
)
"""Openers of a sentence that reports the present or forecasts the future (截至2020年底…,
目前全市养老床位仅有2.6万张, 预计到2035年…, 今后5年…将以每年约4.5万人的速度增长,
根据第七次全国人口普查…, 占常住人口的19.75%, 高于全省…1.67个百分点):
every figure up to the sentence end is a fact, not a target. A rate of the resident
population (常住人口城镇化率达到70%, 长三角一体化 纲要; …达到67%, 长江中游城市群 方案) is
a goal's indicator, not a population count. Every alternative opens with a character (the
look-behinds after 常住人口), so `re` skips to where one stands instead of trying the
pattern at every character of a clause (issue 16, build CPU)."""

PERIOD = re.compile(FIVE_YEAR_PLAN_NAMES)
"""A five-year plan period named in a sentence (“十三五”期间…): a report on the past
when the period ended before the paragraph's latest deadline (or, without one, before
the period the plans are written for, PLANNED_PERIOD) and nothing is said to be done
in it (“十四五”期间，全国将建成…, 到2035年底… is no report). The name alone: quotes around
it change nothing, and a pattern that opens with a character is not tried at every one."""

CLAUSE_BACKGROUND = re.compile(
    rf"{STOCK_WORDS}|{cue_pattern('held')}|第[一二三四五六七]次|[成到]了"
    rf"|(?:{cue_pattern('action', 'reach')})(?:{cue_pattern('perfective')})"
    rf"|(?:{cue_pattern('result')})(?:{cue_pattern('action')})"
    rf"|(?:(?:{cue_pattern('population')})(?:数|总数|总量|规模)?将|人口(?:数|总数|总量|规模)?)"
    rf"(?:{cue_pattern('reach', 'comparator')})"
    rf"|(?:{cue_pattern('done')})(?:分别|累计|全部|基本)?"
    rf"(?:{cue_pattern('reach', 'action')}|下降|建成|实现|超过|接近)"
    rf"|{cue_pattern('under_way', 'conferred', 'ageing')}"
)
"""Clauses that report existing stock, an estimate, a finished act or one under way
(现有的48家养老机构, 建成了6所…, 成功创建38个…, 全国建立了3500家…, 已分别降至16.9/10万、
5.4‰, 已接近…的15%, 400户适老化改造正在施工), forecast or count a population (全市60岁及以上
老年人口将达到120万人; 我国60岁及以上老年人口达到3.1亿, 民政部 2024 news — no plan sets a
head count of its people as a goal, as SENTENCE_BACKGROUND says of 常住人口, nor its ageing
rate: 老龄化率达25.3%, 老龄化程度上升了2.31个百分点, cue kind ageing) or confer a
title by the document's own act (决定命名…等999个社区为…). 已 before a verb of the plan
reports the act done (杭州 2022 briefing: 已新增普惠托位8358个; a district's 民生实事
progress row: 已完成8家示范型居家养老服务照料中心)."""

NORM_CUE = re.compile(r"按照?每|按照?[^，；。]{0,8}标准|按照?[^，；。]{0,40}的\d")
"""Construction norms (按照每千人口不少于10个托位配建, 按每百户…的标准) and shares a rule
computes by (按照…年度药品总用量的60%—70%估算采购总量, 按不低于采购金额的30%提前预付,
按扣除标准的50%扣除) are not targets."""

BACKGROUND_LEAD = re.compile(
    rf"^\s*(?:(?:{ITEM_MARKER})\s*)?(?:{cue_pattern('background_title')})[。：:]"
)
"""A paragraph run in under a background title (发展基础。“十三五”以来…, 1.发展现状：…)
reports the present: its figures are facts, not targets."""

ITEM_START = re.compile(rf"^\s*(?:{ITEM_MARKER})")
"""A numbered item starting after a sentence end (…的1%。3.织密…): a new scope, whose
targets the previous item's year does not govern."""

CLAUSE_SPLIT = re.compile(r"[，；。：]")

RUN_ON_YEAR = re.compile(r"(?<=\d)(?=20\d{2}年(?:底|末)?[，,]?)")
"""Scraping damage: a value whose unit and punctuation were lost runs into the next
year (全区托位数达到40002025年底 = 4000, then 2025年底)."""

DAMAGED_VALUE = re.compile(r"(?P<pre>达到|达|为)(?P<num>\d+(?:\.\d+)?)$")
"""The unit-less value left at the end of a clause cut by RUN_ON_YEAR."""


@dataclass(frozen=True)
class Clause:
    """One clause: its offset in the paragraph, its text, the year scoping its values,
    the year scoping a target worded without a value (only a year of its own sentence,
    or the paragraph's opening one), and whether it reports the present."""

    start: int
    text: str
    year: int | None
    worded_year: int | None
    reports: bool


def scoped_clauses(
    text: str,
    lead_year: int | None = None,
    issued: int | None = None,
    promised: frozenset[int] = frozenset(),
) -> list[Clause]:
    """The clauses of a paragraph with their year scope and report flag; `lead_year` is
    the deadline of the list the paragraph is an item of (see `list_lead_year`), `issued`
    the year the document was issued, when known (see `_bare_deadline`, `_past`),
    `promised` the years the document sets deadlines for elsewhere."""
    if BACKGROUND_LEAD.match(text):
        return []
    cut = _cut(text)
    sentences = _sentences(text, [start for start, _clause in cut])
    cues = [year_cues(clause) for _start, clause in cut]  # read once
    deadlines = [
        _deadlines(clause, sentence, found, issued, promised)
        for (_start, clause), sentence, found in zip(cut, sentences, cues, strict=True)
    ]
    years = _year_scopes(text, cut, sentences, deadlines, lead_year, (issued, promised))
    reports = _reports(
        cut, sentences, cues, deadlines, [year for year, _worded in years], issued, promised
    )
    return [
        Clause(start, clause, year, worded, report)
        for (start, clause), (year, worded), report in zip(cut, years, reports, strict=True)
    ]


def _cut(text: str) -> list[tuple[int, str]]:
    cuts = sorted({m.end() for m in CLAUSE_SPLIT.finditer(text)} | _run_on_cuts(text))
    clauses, start = [], 0
    for cut in cuts:
        clauses.append((start, text[start:cut]))
        start = cut
    if start < len(text):
        clauses.append((start, text[start:]))
    return clauses


def _run_on_cuts(text: str) -> set[int]:
    return {
        m.start() for m in RUN_ON_YEAR.finditer(text) if DAMAGED_VALUE.search(text[: m.start()])
    }


def _year_scopes(
    text: str,
    clauses: list[tuple[int, str]],
    sentences: list[str],
    deadlines: list[list[re.Match[str]]],
    lead_year: int | None,
    known: tuple[int | None, frozenset[int]],
) -> list[tuple[int | None, int | None]]:
    """Pass 1: (the year scoping values, the year scoping worded targets) per clause;
    `sentences` holds each clause with the clause after it (`_sentences`), `deadlines`
    the year cues of each that set a deadline (`_deadlines`), `known` the issue year
    and the promised years (`_period_year`)."""
    scopes: list[tuple[int | None, int | None]] = []
    year = lead_year
    sentence_year: int | None = None
    opening = lead_year is not None or YEAR_CUE.search(text[:24]) is not None
    for (start, clause), sentence, cues in zip(clauses, sentences, deadlines, strict=True):
        if start and text[start - 1] == "。" and ITEM_START.match(clause):
            year, opening = None, False
        period = PERIOD.search(clause) is not None  # most clauses name none (build CPU)
        if period and (period_end := _period_deadline(clause, sentence, *known)) is not None:
            year = sentence_year = period_end
        if period and (named := _period_year(clause, sentence, *known)) is not None:
            year = sentence_year = named
        for cue in cues:
            year = sentence_year = int(cue["year"])
        scopes.append((year, sentence_year or (year if opening else None)))
        if clause.endswith("。"):
            sentence_year = None
    return scopes


def _period_deadline(
    clause: str,
    following: str,
    issued: int | None = None,
    promised: frozenset[int] = frozenset(),
) -> int | None:
    """The last year of a five-year period that scopes the clause: 十四五末, or the period
    of what will be done in it (“十四五”期间，全国将建成5000个…), or the period opening the
    clause when it has not ended (`_period_ahead`)."""
    if PERIOD.search(clause) is None:
        return None  # most clauses name no period; the two patterns below open with “?
    if (end := FIVE_YEAR_END.search(clause)) is not None and not _period_base(clause, end):
        return FIVE_YEAR_PLANS[end["plan"]]
    span = PERIOD_SPAN.search(clause)
    if span is None:
        return None
    last = FIVE_YEAR_PLANS[span["plan"]]
    if FUTURE.search(following, span.end()) or _period_ahead(clause, span, issued, promised):
        return last
    return None


def _period_ahead(
    clause: str, span: re.Match[str], issued: int | None, promised: frozenset[int]
) -> bool:
    """A period opening its clause scopes it as a bare year does (`_bare_deadline`) when it
    ends after the year of issue or, that unknown, in a year the text sets deadlines for:
    山东省提出,“十二五”期间服务业增加值和战略性新兴产业增加值占地区生产总值比重分别达到45%和
    10% (山东 十二五 节能减排 news, whose goals are set 到2015年, tune), “十三五”时期城镇新增
    就业5000万人以上 (the 十三五 促进就业规划 as a finance site's 2017 news gives it, 到2020年,
    tune). A period gone (“十三五”期间，全市建成各类养老服务设施2406个 in a 十四五 plan) scopes
    nothing."""
    if clause[: span.start()].strip(OPENING_QUOTES):
        return False
    last = FIVE_YEAR_PLANS[span["plan"]]
    return last > issued if issued is not None else last in promised


def _period_base(clause: str, end: re.Match[str]) -> bool:
    """比“十三五”末, 较“十三五”末: the end of a period a change is measured from, a base and
    no deadline, as 较2020年 is (BASE_YEAR_WORDS) — 我国新型储能装机比“十三五”末增长超40倍
    (a news line quoted in a document-parsing test), 万元产值二氧化碳排放（现价）较“十三五”末
    下降23% (中国华电 2026 碳排放白皮书 news)."""
    return clause[end.start() - 1 : end.start()] in BASE_YEAR_WORDS


PERIOD_YEAR = re.compile(
    rf"“?(?P<plan>{FIVE_YEAR_PLAN_NAMES})”?(?:规划)?的?(?P<which>{cue_pattern('period_year')})"
)
"""The first or the last year of a five-year period, named by the period (data/cues.csv,
kind period_year): “十五五”开局之年 is 2026, “十四五”收官之年 2025 — so texts equate them
(2026年是“十五五”开局之年, an 应急管理部 2026 meeting report; 2025年保险业“十四五”收官之年,
中国保险行业协会 2026; 2011年是“十二五”开局之年, a 2011 CPPCC report; 2020年是“十三五”规划
收官之年, 2020 news pages, all in GitHub-crawled pages)."""
YEARS_BEFORE_LAST = {word: int(value) for word, value in cue_values("period_year").items()}


def _period_year(
    clause: str, following: str, issued: int | None, promised: frozenset[int]
) -> int | None:
    """The year a clause names by a period's opening or closing year (PERIOD_YEAR), when
    it is a deadline as a bare year would be (`_bare_deadline`): the future is spoken of
    (“十五五”开局之年 计划增加15万个普惠托位, the headline of a 国家卫健委 2026 news item, tune),
    the year is later than the issue year, or the text promises it elsewhere (the same
    item's body: “十五五”开局之年，继续增加15万个普惠托位). Said of a year gone, as in a review
    (“十四五”开局之年，全市新增养老床位1000张 written in 2022), it scopes nothing."""
    if PERIOD.search(clause) is None:
        return None  # most clauses name no period
    named = PERIOD_YEAR.search(clause)
    if named is None:
        return None
    year = FIVE_YEAR_PLANS[named["plan"]] - YEARS_BEFORE_LAST[named["which"]]
    ahead = year > issued if issued is not None else year in promised
    return year if ahead or FUTURE.search(following, named.end()) else None


PERIOD_SPAN = re.compile(rf"“?(?P<plan>{FIVE_YEAR_PLAN_NAMES})”?(?:期间|时期)")


def list_lead_year(paragraph: str) -> int | None:
    """The deadline a paragraph sets for the numbered items after it: one that ends in
    a colon introducing them (到2025年，…具体目标如下：, 到2025年，实现以下目标：)."""
    return last_deadline(paragraph) if LIST_LEAD.search(paragraph) else None


ANNUAL_PROGRAMME = re.compile(
    rf"(?P<year>20\d{{2}})年度?[^，。；：\n]{{0,12}}?(?:{cue_pattern('annual_programme')})"
)
"""A programme set for one year (data/cues.csv, kind annual_programme): 江宁区2024年度10类
民生实事项目, 杭州市…2022年民生实事项目完成情况, 海安市民政局2023年民生实事项目实施进度表."""


OPENING = 300
"""How far into a text its opening runs, in characters."""


def programme_year(text: str) -> int | None:
    """The year of the one annual programme a text is about (2024年度…民生实事项目), which
    the figures of its items are for though they print no year (江宁区: 2024年，…将重点实施
    …10类民生实事项目。 then 其中包括：新增10个…老年人助餐点…; 杭州 2022 briefing: …“新增
    康养联合体16家，认知障碍照护专区床位1120张”两项市级民生实事项目); None where the text
    names no such programme, or programmes of several years. A text names what it is about
    in its opening (title, headline, lead sentence); a programme a plan's review recalls
    further on (2021年民生实事项目全面完成) is not its subject."""
    years = {int(m["year"]) for m in ANNUAL_PROGRAMME.finditer(text[:OPENING])}
    return years.pop() if len(years) == 1 else None


def last_deadline(paragraph: str) -> int | None:
    """The last deadline a paragraph states (到2023年…到2025年… gives 2025)."""
    cut = _cut(paragraph)
    sentences = _sentences(paragraph, [start for start, _clause in cut])
    deadlines = [
        cue
        for (_start, clause), sentence in zip(cut, sentences, strict=True)
        for cue in _deadlines(clause, sentence, list(YEAR_CUE.finditer(clause)))
    ]
    return int(deadlines[-1]["year"]) if deadlines else None


LIST_LEAD = re.compile(r"[：:]\s*$")


GOAL_WORD = re.compile(cue_pattern("goal_title"))
"""目标 (data/cues.csv, kind goal_title): the word a lead announces its goals with, and
that titles a goals section (发展目标, 主要目标, 工作目标: extract._goals_section)."""

GOAL_COLON = re.compile(rf"(?:{cue_pattern('goal_title')})[^，。；]{{0,4}}[：:]\s*$")
"""以下目标：, 目标如下：: a lead that ends in announcing its goals."""


def goal_lead_year(paragraph: str) -> int | None:
    """The deadline a paragraph that announces goals sets for the paragraphs after it:
    a deadline and the word 目标 (GOAL_WORD) before it or ending it, with or without a
    colon — 规划提出,到2020年,要实现以下目标: over three paragraphs of goals, each opened by
    a run-in phrase (就业规模稳步扩大,…。“十三五”时期城镇新增就业5000万人以上,…; a finance
    site's copy of the news of the 十三五 促进就业规划, 2017), 规划提出目标,到2020年,老龄事业
    发展整体水平明显提升,…。 over four paragraphs opened by —— (——城镇职工和城乡居民基本养老
    保险参保率达到90%,…; 中新网's news of the 十三五 老龄事业发展和养老体系建设规划, 2017-03-06):
    the goals are listed in paragraphs of their own, unnumbered, and name no year
    (extract.find_targets dates the paragraphs of the lead's section after it)."""
    if not GOAL_WORD.search(paragraph):
        return None  # both tests below need the word: spare most paragraphs their deadlines
    deadline = last_deadline(paragraph)
    if deadline is None:
        return None
    words = paragraph[: paragraph.find(str(deadline))]
    return deadline if GOAL_WORD.search(words) or GOAL_COLON.search(paragraph) else None


def _deadlines(
    clause: str,
    sentence: str,
    cues: list[re.Match[str]],
    issued: int | None = None,
    promised: frozenset[int] = frozenset(),
) -> list[re.Match[str]]:
    """The year cues of a clause (`cues`, its YEAR_CUE matches) that set a deadline:
    到2025年, 2022年底前, 2025年末 — not an as-of date, a bare year (unless
    `_bare_deadline`), or the year of a baseline (由2020年的…)."""
    return [
        cue
        for cue in cues
        if clause[cue.start() - 1 : cue.start()] not in BASE_YEAR_WORDS
        and not _reached_in(clause, cue, issued)
        and not _ended_span(clause, cue, issued, promised)
        and (
            cue["before"]
            or (cue["end"] and not _opens_clause(clause, cue))
            or cue["cue"]
            or _bare_deadline(sentence, cue, issued, promised)
        )
        and cue["cue"] not in AS_OF_CUES
        and not clause.startswith(START_WORDS, cue.end())
    ]


START_WORDS = cue_words("start")
"""A year followed by 起 or 开始 is when a rule starts to apply, no deadline: 2020年起基本
不再从应届毕业生中招聘 (国发 2019 职业教育改革 方案, whose later 建立100个…基地 has no
year), 从2019年起，各有关部门于每年2月底前… (国办 2019 督查激励 notice)."""


def _reached_in(clause: str, cue: re.Match[str], issued: int | None) -> bool:
    """提高到2018年的77.0岁: the 到 of a reaching verb dates the value reached, it sets
    no deadline — unless that year is later than the issue year: then the value reached
    is the goal for it (a plan of 2022: 由2020年的1.2个提高到2025年的4.5个)."""
    ahead = issued is not None and int(cue["year"]) > issued
    return not ahead and REACHED_IN.search(clause, 0, cue.start("year")) is not None


REACHED_IN = re.compile(rf"(?:{cue_pattern('reach')})$")

SPAN = re.compile(r"(?P<start>20\d{2})年(?:底|末)?(?:至|到|—|–|-)(?P<end>20\d{2})年(?:底|末)?")
"""A span of years a change is measured over: 从2015年到2019年底,我国居民人均预期寿命从76.3岁
提高到77.3岁 (国家卫健委's 2020-10-28 review of the 十三五, 中国妇女报), 中国人均预期寿命在2015年至
2020年,从76.34岁提高至77.93岁 (the 十四五 国民健康规划 news); both tune."""
SPAN_START = re.compile(r"20\d{2}年(?:底|末)?$")


def _ended_span(
    clause: str, cue: re.Match[str], issued: int | None, promised: frozenset[int]
) -> bool:
    """到2019年底 closing a span that has ended (SPAN; before `_present`) dates the change
    measured over it, no deadline; 2021年到2025年 in a plan of 2022 stays one."""
    return SPAN_START.search(clause, 0, cue.start()) is not None and int(cue["year"]) < _present(
        issued, promised
    )


def _bare_deadline(
    following: str,
    cue: re.Match[str],
    issued: int | None = None,
    promised: frozenset[int] = frozenset(),
) -> bool:
    """A bare year opening a clause is a deadline when the clause or the next one speaks
    of the future (2025年后，…托位数将达到4.5个), when it is later than the year the
    document was issued (a 2019 方案: 2020年初步建成300个…) or, the issue date unknown,
    when the document sets a deadline for that year elsewhere (`promised`: a news report
    restating 2025年将… as 2025年我国人均预期寿命达78.3岁): the offsets of `cue` are
    those of the clause `following` starts with. A 将 further on (…2000张，将继续推进)
    does not count."""
    if not _opens_clause(following, cue):
        return False
    year = int(cue["year"])
    ahead = year > issued if issued is not None else year in promised
    return ahead or FUTURE.search(following, cue.end()) is not None


def _sentences(text: str, starts: list[int]) -> list[str]:
    """The clause at each of `starts` and the clause after it; the marks that split clauses
    are found once for the text, not once for each clause."""
    ends = [m.end() for m in CLAUSE_SPLIT.finditer(text)]
    found = []
    for start in starts:
        after = bisect_right(ends, start)  # the marks at `start` or after it
        cuts = ends[after : after + 2]
        found.append(text[start : cuts[-1] if cuts else len(text)])
    return found


def _reports(
    clauses: list[tuple[int, str]],
    sentences: list[str],
    year_cues: list[list[re.Match[str]]],
    deadlines: list[list[re.Match[str]]],
    years: list[int | None],
    issued: int | None,
    promised: frozenset[int],
) -> list[bool]:
    """Pass 2: whether each clause reports the present (its sentence or itself does);
    `sentences` hold each clause with the one after it, `year_cues` its YEAR_CUE matches,
    `deadlines` those that set deadlines, `years` are the deadlines pass 1 found scoping
    each clause, `issued` the year the document was issued. A clause a year gone scopes
    reports, whether the year is in it or in a sentence before it (到2015年,全国脱硫…提高到
    99%…。全国城市污水处理率提高到92%, a review of the 十二五 written after it,
    `written_after`; 2020年底，全区23所…, `_past`). A report that opens the
    paragraph holds for its later sentences until a deadline reopens it: a review writes
    one opener over many sentences (2022年，合肥打造了13个…。政府购置居家养老服务402万人次，
    养老助餐…建成老年食堂、老年助餐点860个 — a 合肥 news item; 近年来，…。全区托育服务机构
    达109家…建成婴幼儿托位3520个 — 万州's 发展基础; “十三五”时期，…。…城镇就业占比年均提高
    约1.2个百分点 — the ndrc's 2021 解读), while 据介绍，…先后印发…。同时，…到“十四五”期末，
    每千人口托位数提高到4.5个 (a 2023 托育 news item) sets a goal again."""
    flags: list[bool] = []
    sentence_reports = False
    opening = True  # in the paragraph's first sentence
    paragraph_reports = False  # its first sentence reported, and no deadline came since
    latest = max((y for y in years if y is not None), default=None)
    # the clauses are the paragraph cut up: where it holds no background words, none does
    background = first_match(CLAUSE_BACKGROUND, "".join(c for _s, c in clauses)) is not None
    scoped: int | None = None  # the year scoping the clause before
    for (_start, clause), sentence, found, cues, year in zip(
        clauses, sentences, year_cues, deadlines, years, strict=True
    ):
        opens = _opens_a_report(clause, sentence, found, latest, issued, promised)
        if not opens and (cues or (year is not None and year != scoped) or RESPONSE.match(clause)):
            # 目前…仍有较大差距，为此，到2020年，…将新增…; 到“十四五”期末，…提高到4.5个
            sentence_reports = paragraph_reports = False
        scoped = year
        sentence_reports = sentence_reports or opens
        own = background and first_match(CLAUSE_BACKGROUND, clause) is not None
        gone = issued is not None and year is not None and year < issued
        flags.append(sentence_reports or own or gone or NORM_CUE.search(clause) is not None)
        if clause.endswith("。"):
            paragraph_reports = sentence_reports if opening else paragraph_reports
            sentence_reports, opening = paragraph_reports, False
    return _sentences_that_report_results(clauses, flags, years, issued)


RESPONSE = re.compile(rf"\s*(?:{cue_pattern('response')})")
"""为此 opens what a text does about the state it has just reported, a report no longer:
截至2023年底,北京市常住老年人口494.8万人,…已经迈入中度老龄化社会。为此,北京市…布局建设100个
街道区域养老服务中心 (北京 区域养老服务中心 news, tune), as …仍有较大差距,为此,到2020年,北京市
将新增养老床位约5.1万张 (北京 养老设施 规划 news, tune) does with a deadline."""


EXCEEDED = re.compile(cue_pattern("exceeded", "year_on_year"))
"""超额完成, 提前完成: a sentence that says a task was exceeded or done early reports
results, the figures before the words as much as those after. Texts: 余杭 民生实事 progress
page (超额完成目标任务), 国家卫健委 2024-12-26 托育民生实事 news (提前超额完成…任务). So does
a sentence that compares its figures with the same period of the year before (同比, cue kind
year_on_year): 全國共有養老機構3.8萬個,同比增長10.4% (养老服务部际联席会议 2021 news, tune),
全年累计新增就业12,580人，同比增长5.2% (an employment report template in a GitHub app) —
statistics of a period gone."""


FULFILLED = re.compile(cue_pattern("fulfilled"))
"""完成年度目标任务, 完成全年任务: the year's task done. The year-end report of a year's
民生实事 programme closes each project's figures so (全年建成…中转站共6座并投入运行,新增生活
垃圾转运能力3350吨/天,完成年度目标任务 — 宁波晚报 2019-01-12, tune; 其中8个项目完成年度目标
— 宁海新闻网 2021-01-23; 已全部完成年度任务 — 阳东区 2024 十件民生实事完成情况通报): the
sentence reports results, as EXCEEDED's do — unless a future modal before the words makes it
a promise (将…高标准完成全年目标任务, 确保完成年度目标任务; 连云港 2025 民生实事 news)."""


def fulfilled(sentence: str, pattern: re.Pattern[str] = FULFILLED) -> bool:
    """Whether `sentence` says a task of `pattern`'s words done, no future modal before them."""
    return any(FUTURE.search(sentence, 0, m.start()) is None for m in pattern.finditer(sentence))


PERIOD_DONE = re.compile(
    rf"(?:{cue_pattern('period_done')})[^，。；]{{0,6}}?“?(?P<plan>{FIVE_YEAR_PLAN_NAMES})”?规划"
    rf"(?:纲要)?[^，。；]{{0,12}}?(?:目标|任务)"
)
"""A five-year plan whose goals the text says were met (data/cues.csv, kind period_done):
完成了“十二五”规划确定的主要目标和任务 (the 十三五 生态环境保护规划's review of the 十二五,
reposted), 基本实现了“十一五”规划纲要确定的约束性目标 (the 国务院 notice issuing the 十二五
节能减排综合性工作方案); both tune. The sentence reports results, as EXCEEDED's do, and the
text was written after the period (`written_after`)."""


def written_after(text: str) -> int | None:
    """The earliest year a text can have been written in, where it says a five-year plan's
    goals were met (PERIOD_DONE): the year after that period. It stands for the issue year
    where the text prints none, so that 到2015年,全国脱硫、脱硝机组容量占煤电总装机容量比例
    分别提高到99%、92% in a review of the 十二五 reports, not sets, a goal for 2015."""
    ends = [FIVE_YEAR_PLANS[m["plan"]] for m in PERIOD_DONE.finditer(text)]
    return max(ends) + 1 if ends else None


def _sentences_that_report_results(
    clauses: list[tuple[int, str]], flags: list[bool], years: list[int | None], issued: int | None
) -> list[bool]:
    """The report flags, with every clause of a sentence that has EXCEEDED, PERIOD_DONE or
    a FULFILLED task set; a task a year not gone scopes (`years`, against `issued`) is one
    to do: 2026年，新建…20个，完成年度目标任务 in a 2025 plan."""
    paragraph = "".join(clause for _start, clause in clauses)
    if not any(p.search(paragraph) for p in (EXCEEDED, PERIOD_DONE, FULFILLED)):
        return flags  # cheap first (build CPU): no clause can say a task done
    result: list[bool] = []
    sentence: list[bool] = []
    words = ""  # the sentence so far, for FULFILLED's modal
    said_done = ahead = False
    for (_start, clause), flag, year in zip(clauses, flags, years, strict=True):
        sentence.append(flag)
        words += clause
        ahead = ahead or (year is not None and (issued is None or year >= issued))
        said_done = (
            said_done
            or EXCEEDED.search(clause) is not None
            or PERIOD_DONE.search(clause) is not None
            or (FULFILLED.search(clause) is not None and not ahead and fulfilled(words))
        )
        if clause.endswith("。"):
            result.extend(True if said_done else f for f in sentence)
            sentence, words, said_done, ahead = [], "", False, False
    result.extend(True if said_done else f for f in sentence)
    return result


def _opens_a_report(
    clause: str,
    sentence: str,
    cues: list[re.Match[str]],
    latest: int | None,
    issued: int | None,
    promised: frozenset[int],
) -> bool:
    """截至2021年底…, a bare year opening the clause (2021年，…), a year before the one the
    document was issued, 目前, 预计, “十三五”…, a span of years that has ended (SPAN:
    从2015年到2019年底…从76.3岁提高到77.3岁); `cues` are the clause's YEAR_CUE matches."""
    for cue in cues:
        if clause[cue.start() - 1 : cue.start()] in BASE_YEAR_WORDS:
            continue
        opens = _opens_clause(clause, cue)
        bare = not (cue["cue"] or cue["before"] or (cue["end"] and not opens))
        if cue["cue"] in AS_OF_CUES or (
            bare and opens and not _bare_deadline(sentence, cue, issued, promised)
        ):
            return True
    own_words = CITED_TITLE.sub("", clause) if "《" in clause else clause
    own_cues = cues if own_words == clause else YEAR_CUE.finditer(own_words)
    if issued is not None and any(_past(c, own_words, issued) for c in own_cues):
        return True
    now = latest or _present(issued, promised)
    past = any(FIVE_YEAR_PLANS[p.group()] < now for p in PERIOD.finditer(own_words)) and not (
        FUTURE.search(sentence)
    )
    ended = "年" in own_words and any(int(s["end"]) < now for s in SPAN.finditer(own_words))
    return past or ended or bool(SENTENCE_BACKGROUND.search(own_words))


def _present(issued: int | None, promised: frozenset[int]) -> int:
    """The year a period must have ended before to be past, where the paragraph sets no
    deadline: the year after the one the document was issued (a period that ends in the
    year of issue is being reviewed: 2020 texts sum up the 十三五); else the last year it
    sets deadlines for; else the end of PLANNED_PERIOD. A plan of an earlier period writes
    its own period as the plans of today write theirs: “十三五”时期城镇新增就业5000万人以上
    is a goal of the 十三五 促进就业规划 (a finance site's 2017 news; its goals are set
    到2020年), while “十三五”时期，…全国城镇新增就业累计达到6564万人 in the ndrc's 2021-12-25
    解读 of the 十四五 纲要 reports a period gone."""
    if issued is not None:
        return issued + 1
    return max(promised, default=FIVE_YEAR_PLANS[PLANNED_PERIOD])


def _past(cue: re.Match[str], clause: str, issued: int) -> bool:
    """A year before the one the document was issued dates what has happened, however it
    is worded (a review page of 2021: 2020年底，全区23所…全部实施公建民营): no plan sets a
    target for a year already gone. Only a year that scopes its clause counts (到2020年,
    2020年底, a year opening the clause), not one inside it (在2020年的基础上, 较2020年)."""
    scoping = cue["cue"] or cue["end"] or cue["before"] or not clause[: cue.start()].strip("，、 ")
    return int(cue["year"]) < issued and bool(scoping)


OPENING_QUOTES = "“”‘’\"' "


def _opens_clause(clause: str, cue: re.Match[str]) -> bool:
    """Whether a year cue opens its clause. A year with 底/末 that opens a clause with no
    deadline word (2020年底，全市已建成各类养老院…, 綦江 十三五回眸; 2020年底，全区23所…全部
    实施公建民营, 布明 一老一小方案; 2021年末，全国60周岁及以上老年人口26736万人, the 2021
    老龄事业发展公报) dates a report as a bare year does: it sets a deadline only as
    `_bare_deadline` says; inside a clause (于2025年底建成…) it is a deadline."""
    return not clause[: cue.start()].strip(OPENING_QUOTES)


CITED_TITLE = re.compile(r"《[^》]*》")
"""A cited title (《“十三五”卫生与健康规划》提出，到2020年…) names a document; its words
do not make the sentence a report."""


def cut_clauses(text: str) -> list[tuple[int, str]]:
    """The clauses of a paragraph (offset, text), cut as the target reader cuts them."""
    return _cut(text)
