"""Targets stated in running text: 到2025年…达到X%, …不低于…, …以上, 力争…, 确保….

A paragraph is read clause by clause, in passes: `clauses.py` gives each clause the
year that scopes it (到2025年, 2022年底前, 十四五末) and silences those that report
the present (截至, 目前, 预计, 已建成 …); a context pass carries the indicator named
earlier in the sentence and the action last named. In each clause the value phrases
that state targets (`values.py`) name their indicator either before them (`社区日间照料
机构覆盖率达90%`) or, written value first, after them (`建成1所三级中医医院`, `50%以上
行政村建有老年大学学习点`) — see `wording.py`. A clause without a value may state a
target in words (`qualitative.py`). Post-rules join units and actions across clauses.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import replace
from decimal import Decimal

from policygraph.cues import cue_pattern, cue_values
from policygraph.extract.clauses import (
    DAMAGED_VALUE,
    MONTH_DAY,
    Clause,
    scoped_clauses,
)
from policygraph.extract.numbers import (
    COMPARATOR_SIGNS,
    COMPARATOR_WORDS,
    FIVE_YEAR_PLAN_NAMES,
    apply_multiplier,
    parse_decimal,
)
from policygraph.extract.progress import reported_counts
from policygraph.extract.qualitative import worded_targets
from policygraph.extract.values import (
    BASE_REMARK,
    ITEM_COUNT_UNITS,
    SHARE_UNITS,
    is_target_value,
    served,
    value_phrases,
)
from policygraph.extract.wording import (
    clean_wording,
    indicator_names,
    people_share,
    phrase_after,
    program_wordings,
    respective_names,
    share_wording,
    value_first_names,
)
from policygraph.model import QuoteMaker, Target
from policygraph.scanning import opening_matches
from policygraph.units import MULTIPLIER_PATTERN, UNIT_PATTERN

PER_YEAR = re.compile(rf"每年|每年度|年均(?:{cue_pattern('change_verb')})")
"""Per-year targets (每年新增托位1000个以上, 年均增长6%) have no target year of their own.
年均 before a noun names an annual mean, a level for the year that scopes it:
年均因灾直接经济损失占全市GDP比例控制在1%以内 (诸城 应急保障 行动计划, wenku copy, tune; to
2022), 北京市细颗粒物年均浓度控制在60微克/立方米左右 (国发〔2013〕37号, to 2017)."""

BASELINE_FROM = re.compile(
    rf"(?:{cue_pattern('baseline')})(?:(?P<year>20\d{{2}})年(?:底|末)?的?)?(?P<num>\d+(?:\.\d+)?)"
    rf"(?:{MULTIPLIER_PATTERN})?(?P<unit>{UNIT_PATTERN})?"
)
"""由X提高到Y, 由2020年的1.2万个增加到4.5万个, 从12.4万张增加到14.6万张: the base
figure (and year) of the target."""

AT_LEAST = re.compile(r"至少[^，；。：\d]{1,8}$")
"""至少 before the verb of a value-first count (每个县（区）至少建有1所…) is >=."""

SHARE_OF = re.compile(r"(?P<word>不低于|不少于|不超过|不高于|低于|高于|超过)[^，；。：\d]{1,24}的$")
"""A share of a named whole: 床位费用不高于当年城镇职工可支配收入的150% is <= 150%."""

BARE_VERB = re.compile(r"^(?P<per>每年)?(?:共|再)?(?:支持|改造|完成|资助|帮助)$")
"""对…家庭实施居家适老化改造，每年支持200户，到2025年共改造1000户: a value whose
wording is only a verb counts the object of the action named just before it."""

ACTION_OBJECT = re.compile(
    rf"(?:{cue_pattern('act_object')})(?P<object>[\u4e00-\u9fff]{{2,12}}?)(?:工程|行动)?[，；。]?$"
)
"""The action a clause ends with (…实施居家适老化改造，), which BARE_VERB values count."""


HEAD_COUNT = re.compile(r"人口(?:数|总数|总量|规模)?(?:将(?:增长|增加|减少|下降|达到)?)?$")
HEAD_COUNT_UNITS = frozenset({"人", "名"})
"""A head count of a population is no goal of a plan, whatever verb states it: 北京市老年人口
将增长100万人，2025年将达到500万人 (新华社 2020-12-18, 北京 “十四五” 老龄 发布会: the second
value is named by the subject the first clause carries), 全国60周岁及以上老年人口26736万人
(the 2021 老龄事业发展公报) — as CLAUSE_BACKGROUND and SENTENCE_BACKGROUND say of
population forecasts and 常住人口."""


def text_targets(
    text: str,
    base: int,
    quote: QuoteMaker,
    lead_year: int | None = None,
    issued: int | None = None,
    promised: frozenset[int] = frozenset(),
    programme: int | None = None,
) -> list[Target]:
    """Targets stated in one paragraph of running text (offsets from `base`): the clauses
    with their year scope (`clauses.py`; `lead_year` that of the list the paragraph is an
    item of, `issued` the year of the document, `promised` the years it sets deadlines
    for, see `promised_years`, `programme` the year of the annual programme the text is
    about, see `clauses.programme_year`, which scopes the clauses no year of their own
    scopes — 桐庐 2020: 规范站牌设置1500个; 宣城 2024: 新增城镇就业4.3万人 —, save counts of
    the programme's own items, 促进就业(3项)), those that do not report the present read
    for values and names, less the counts of a programme's items that report on it
    (`progress.reported_counts`), then the post-rules of the paragraph."""
    clauses = _programmed(text, scoped_clauses(text, lead_year, issued, promised), programme)
    values = [value_phrases(clause.text) for clause in clauses]  # read once
    context = _sentence_context(clauses, values)
    reported = reported_counts([clause.text for clause in clauses])
    per_clause: list[list[Target]] = []
    for clause, phrases, (subject, action), counts in zip(
        clauses, values, context, reported, strict=True
    ):
        years = (clause.year or programme, clause.worded_year or programme)
        found = (
            []
            if clause.reports
            else _clause_targets(clause.text, clause.start, base, years, quote, subject, phrases)
        )
        if clause.year is None and programme is not None:
            found = [t for t in found if t.unit not in ITEM_COUNT_UNITS]
        found = [t for t in found if (t.value, t.unit) not in counts]
        per_clause.append([_with_action(t, action) for t in found])
    kept = without_breakdowns([c.text for c in clauses], per_clause)
    return _units_from_restatements(kept)


PROGRAMMED = re.compile(
    rf"“(?P<body>[^“”]{{4,200}})”(?:{cue_pattern('programmed')})(?P<year>20\d{{2}})年"
)
"""Goals quoted and put into a year's programme: 国家卫生健康委将“每千人口3岁以下婴幼儿托位数
达到4.5个，全国新增普惠性托位66万个”列入2025年全国卫生健康系统为民服务实事项目 (国家卫健委
2025 发布会), 将“加强3岁以下婴幼儿托育工作，着力破解婴幼儿照护服务难问题”列入2019年省政府
重点工作 (新昌 托育 解读): the year of the programme is the deadline of what is quoted."""


QUOTED_PROJECT = re.compile(r"“(?P<body>[^“”]{4,200})”[^，；。“”]{0,12}?项目")
"""A quoted goal named a project of the programme a text is about, its year unprinted:
由杭州市卫健委牵头的“新增普惠托位5580个，社区婴幼儿成长驿站100家”项目 and 聚焦推进“新增
康养联合体16家，认知障碍照护专区床位1120张”两项市级民生实事项目 (杭州 2022 民生实事
briefing) — the quoted form of PROGRAMMED's 将“…”列入2025年…实事项目. The same naming of a
year's 民生 projects by a quote stands in 大连's 2021 重点民生工程 progress report (“公共场所布设
自动体外除颤器(AED)”项目，于8月份完成安装100台的年度目标) and 乐清's 2022 民生实事 通报 (“完成
回迁安置857户以上”(市住建局)…等5个项目, where the bracketed owner between quote and 项目 keeps
the match from reaching 项目), both public news pages."""


def _programmed(text: str, clauses: list[Clause], programme: int | None = None) -> list[Clause]:
    """The clauses of a quote put into a year's programme, dated by that year where no
    year of their own scopes them; a quote named a project of the text's own programme
    (QUOTED_PROJECT) is dated by `programme`."""
    quoted = [(int(m["year"]), m) for m in PROGRAMMED.finditer(text)]
    if programme is not None:
        quoted += [(programme, m) for m in QUOTED_PROJECT.finditer(text)]
    for year, programme_match in quoted:
        clauses = [
            replace(c, year=year, worded_year=year)
            if c.year is None
            and c.start < programme_match.end("body")
            and c.start + len(c.text) > programme_match.start("body")
            else c
            for c in clauses
        ]
    return clauses


def promised_years(paragraphs: Iterable[str]) -> frozenset[int]:
    """The years a document sets deadlines for (到2025年…, 2025年…将…): a writer reports
    no results for a year they set a deadline for, so where the issue date is unknown a
    bare restatement of that year is a deadline too — 根据规划，2025年我国学前教育毛入园率
    将大于90%…。2025年我国人均预期寿命达78.3岁… (a news report of the 十四五 公共服务规划),
    and the headline 2025年长三角一体化发展取得实质性进展 over a body that says 到2025年 (a
    news report of the 长江三角洲区域一体化发展规划纲要)."""
    return frozenset(
        clause.year
        for paragraph in paragraphs
        for clause in scoped_clauses(paragraph)
        if clause.year is not None and not clause.reports
    )


def _sentence_context(
    clauses: list[Clause], values: list[list[re.Match[str]]]
) -> list[tuple[str, str]]:
    """Pass 3: per clause, the indicator an earlier clause of its sentence named (which a
    bare value, ，达到55%, continues) and the action the paragraph last named (which a
    bare verb, 每年支持200户, counts); `values` are each clause's VALUE_PHRASE matches."""
    context: list[tuple[str, str]] = []
    subject = action = ""
    for clause, phrases in zip(clauses, values, strict=True):
        context.append((subject, action))
        subject = _subject(clause.text, phrases) or subject
        if (done := ACTION_OBJECT.search(clause.text)) is not None:
            action = done["object"]
        if clause.text.endswith("。"):
            subject = ""
    return context


BREAKDOWN = re.compile(rf"^\s*(?:{cue_pattern('breakdown')})")
"""A clause that opens the parts of a total just stated (其中…, cue kind `breakdown`)."""
SENTENCE_END = ("。", "；")


def without_breakdowns(clauses: list[str], per_clause: list[list[Target]]) -> list[Target]:
    """The targets of a paragraph's clauses less the parts of a total: the figures of a
    clause opened by 其中, to the sentence end, whose sum is a figure stated before it in
    the sentence (新增学位4590个，其中新增幼儿园学位1350个，新增义务教育学位3240个, 桐乡 2023
    标志性成果; 实施…重点建设项目12个，计划竣工3个，其中幼儿园7个、小学4个、初中1个 and
    增加学位5000个，其中幼儿园420个，中小学4580个, 常州钟楼 2021 民生实事). A part that does
    not add up to one (其中普惠性养老床位将超过2.1万张) is a target of its own."""
    kept: list[Target] = []
    sentence: list[Target] = []
    parts: list[Target] | None = None
    for text, found in zip(clauses, per_clause, strict=True):
        if BREAKDOWN.match(text) and parts is None:
            parts = []
        (sentence if parts is None else parts).extend(found)
        if text.endswith(SENTENCE_END):
            kept.extend(sentence + _unless_parts(parts or [], sentence))
            sentence, parts = [], None
    return kept + sentence + _unless_parts(parts or [], sentence)


def _unless_parts(parts: list[Target], before: list[Target]) -> list[Target]:
    units = {t.unit for t in parts}
    if not parts or len(units) != 1 or any(t.value is None for t in parts):
        return parts
    total = sum(t.value for t in parts if t.value is not None)
    if any(t.value == total and t.unit in units for t in before):
        return []
    return parts


def _units_from_restatements(targets: list[Target]) -> list[Target]:
    """A value whose unit was lost to damage takes the unit its indicator has elsewhere
    in the paragraph (托位数达到4000… 托位数达到7200个)."""
    units = {t.indicator: t.unit for t in targets if t.unit}
    return [
        replace(t, unit=units[t.indicator])
        if t.value is not None and not t.unit and t.indicator in units
        else t
        for t in targets
    ]


def _with_action(target: Target, action: str) -> Target:
    bare = BARE_VERB.match(target.indicator)
    if bare is None or not action:
        return target
    return replace(target, indicator=(bare["per"] or "") + action)


def _subject(clause: str, values: list[re.Match[str]]) -> str:
    """The indicator a clause names before its first figure (护理型床位占比提高5个百分点),
    which a following clause with a bare value (，达到55%) continues. An age bound with no
    verb before it is part of the name, not its figure: 每千人口拥有3岁以下婴幼儿托位数为2.03个
    (a childcare commentary's copy, tune), 全市60岁及以上老年人口占常住人口的19.75% (周口)."""
    figures = [v for v in values if not (v["unit"] == "岁" and not v["pre"])]
    return clean_wording(_after_last_year(clause[: figures[0].start()])) if figures else ""


def _clause_targets(
    clause: str,
    c_start: int,
    base: int,
    years: tuple[int | None, int | None],
    quote: QuoteMaker,
    subject: str,
    values: list[re.Match[str]],
) -> list[Target]:
    """Targets of one clause; `years` are the year scoping values and the one scoping
    worded targets; `subject` the indicator an earlier clause of the sentence named;
    `values` the clause's VALUE_PHRASE matches."""
    year, qualitative_year = years
    if PER_YEAR.search(clause):
        year = None
    targets: list[Target] = []
    counted: list[tuple[int, int]] = []  # value-first targets and where their noun ends
    previous_end = 0
    # baselines only set values aside: a clause with none (most) is not scanned for them
    baselines = list(BASELINE_FROM.finditer(clause)) if values else []
    remarks = _remarks(clause, values)
    matches = [
        m
        for m in values
        if is_target_value(m, clause, dated=years[0] is not None)
        and not any(b.start() <= m.start() < b.end() for b in baselines + remarks)
    ]
    for index, match in enumerate(matches):
        if match.start() < previous_end:
            continue
        base_of = next(
            (b for b in reversed(baselines) if previous_end <= b.start() < match.start()), None
        )
        if base_of is not None:
            previous_end = min(previous_end, base_of.start())
        respective = _respective(clause, matches, index, previous_end)
        if respective:
            head = clause.find(
                clean_wording(_after_last_year(clause[previous_end : match.start()]))
            )
            shared = _shared_comparator([each for _name, each in respective])
            for name, each in respective:
                target = _inline_target(name, each, clause, c_start, base, year, quote, base_of)
                span = quote(base + c_start + head, base + c_start + each.end())
                target = replace(target, quote=span) if head >= 0 else target
                targets.append(replace(target, comparator=shared) if shared else target)
            previous_end = respective[-1][1].end()
            continue
        share = match["unit"] in SHARE_UNITS
        following = matches[index + 1].start() if index + 1 < len(matches) else len(clause)
        limit = len(clause) if share else following
        before = LISTED_ITEM.sub(
            "",
            _after_last_year(clause[previous_end : base_of.start() if base_of else match.start()]),
        )
        remark = VALUE_REMARK.match(clause, match.end())
        after, after_end = phrase_after(clause, remark.end() if remark else match.end(), limit)
        names = value_first_names(before, after)
        people = people_share(before, clause, match.end()) if share else None
        if (service := people or served(match, clause)) is not None:
            names, previous_end = [service[0]], service[1]
        elif names:
            previous_end = after_end
            counted.extend((len(targets) + k, after_end) for k in range(len(names)))
        else:
            previous_end = match.end()
            names = indicator_names(before, after) or ([subject] if index == 0 and subject else [])
        comparator = _distant_comparator(clause[: match.start()]) if not match["pre"] else None
        for name in names:
            if match["unit"] in HEAD_COUNT_UNITS and HEAD_COUNT.search(name):
                continue
            baseline = base_of or BASE_REMARK.match(clause, match.end())
            target = _inline_target(name, match, clause, c_start, base, year, quote, baseline)
            targets.append(replace(target, comparator=comparator) if comparator else target)
    if not matches:
        fractions = _fraction_targets(clause, c_start, base, year, quote)
        targets.extend(fractions)
        if not fractions:
            targets.extend(worded_targets(clause, c_start + base, qualitative_year, quote))
        targets.extend(_damaged_targets(clause, c_start, base, year, quote))
    return program_wordings(targets, counted, clause)


LISTED_ITEM = re.compile(rf"^.*\d[万亿]?(?:{UNIT_PATTERN})、")
"""Acts listed with 、, each with its figure (北京市将新增养老床位约5.1万张、建设208个街乡镇
养老照料中心; 江宁区: 实现安置房建设100万平方米、建成东山街道1所公办民营普惠托育机构):
an earlier item's figure, target or not, closes its item; its words name no later value."""

VALUE_REMARK = re.compile(r"（[^（）]{1,20}）")
"""A bracket right after a value remarks on it: how it is spread (新增10个（每个街道1个）
老年人助餐点, 江宁区 2024 民生实事) or its base (达到4.5个（较2020年的1.8个增长150%）,
BASE_REMARK). Its figures are no targets, and the value's noun follows it."""


def _remarks(clause: str, values: list[re.Match[str]]) -> list[re.Match[str]]:
    """The remarks (VALUE_REMARK) that follow the value phrases `values` of the clause."""
    found = (VALUE_REMARK.match(clause, m.end()) for m in values)
    return [r for r in found if r is not None]


def _respective(
    clause: str, matches: list[re.Match[str]], index: int, start: int
) -> list[tuple[str, re.Match[str]]]:
    """A、B分别达到X、Y: the listed indicators take the listed values in order."""
    before = clause[start : matches[index].start()]
    if "分别" not in before:
        return []
    run = [matches[index]]
    for following in matches[index + 1 :]:
        if not re.fullmatch(r"[、和及与\s]*", clause[run[-1].end() : following.start()]):
            break
        run.append(following)
    names = respective_names(clean_wording(_after_last_year(before)))
    return list(zip(names, run, strict=True)) if len(run) > 1 and len(names) == len(run) else []


def _shared_comparator(run: list[re.Match[str]]) -> str | None:
    """分别控制在3.1‰、5.2‰和6.6‰以下: the words around a listed run hold for each value,
    the word after the last first (分别达到60%、70%以上 is >= for both)."""
    words = (run[-1]["post"], run[0]["pre"])
    return next((COMPARATOR_WORDS[w] for w in words if w in COMPARATOR_WORDS), None)


def _distant_comparator(before: str) -> str | None:
    """A comparator word that stands apart from its value (AT_LEAST, SHARE_OF)."""
    if AT_LEAST.search(before):
        return ">="
    share = SHARE_OF.search(before)
    return COMPARATOR_WORDS[share["word"]] if share else None


def _after_last_year(before: str) -> str:
    """The words after the last year or period before a value, which name it (“十二五”期间
    服务业增加值…比重 is named 服务业增加值…比重); the base year of a change goal (…平均浓度
    比2012年下降10%以上, CHANGE_GOAL) is part of its name, not a scope."""
    return LAST_SCOPE.sub("", CHANGE_BASE.sub("", before))


LAST_SCOPE = re.compile(
    rf".*?(?:\d{{4}}年{MONTH_DAY}(?:底|末)?(?:前)?|“?(?:{FIVE_YEAR_PLAN_NAMES})”?(?:期间|时期))[，、]?"
)


CHANGE_BASE = re.compile(
    rf"(?:{cue_pattern('change')})20\d{{2}}年(?:底|末)?(?=(?:{cue_pattern('change_verb')})$)"
)
"""The base year of a change at the end of a value's words (比2012年 in …比2012年下降)."""


def _inline_target(
    name: str,
    match: re.Match[str],
    clause: str,
    c_start: int,
    base: int,
    year: int | None,
    quote: QuoteMaker,
    baseline: re.Match[str] | None = None,
) -> Target:
    words = [match["pre"] or "", match["post"] or ""]
    comparators = COMPARATOR_WORDS | COMPARATOR_SIGNS
    comparator = next((comparators[w] for w in words if w in comparators), "=")
    value = apply_multiplier(_number(match["num"]), match["mult"])
    upper = apply_multiplier(Decimal(match["num2"]), match["mult"]) if match["num2"] else None
    span_start, span_end = _span(clause, name, match.start(), match.end())
    return Target(
        indicator=share_wording(name) if match["unit"] == "%" else name,
        year=year,
        quote=quote(base + c_start + span_start, base + c_start + span_end),
        value=value,
        max_value=upper,
        comparator=comparator,
        unit=match["unit"],
        baseline_value=apply_multiplier(Decimal(baseline["num"]), baseline["mult"])
        if baseline
        else None,
        baseline_year=int(baseline["year"]) if baseline and baseline["year"] else None,
        source="inline",
    )


def _number(text: str) -> Decimal:
    number = parse_decimal(text)
    return number if number is not None else Decimal(text)


def _span(clause: str, name: str, start: int, end: int) -> tuple[int, int]:
    """The quote: the value phrase and the name. A value-first name joins a scope before
    the value (每个县（区）) to a noun after it, so each part is looked up on its side; the
    name of a change goal is parted by its base year (…平均浓度 比2012年 下降), so its head
    is looked up before the verb that ends the words before the value."""
    at = clause.find(name)
    if at >= 0:
        return min(at, start), max(end, at + len(name))
    for cut in range(1, len(name)):
        head, tail = name[:cut], name[cut:]
        tail_at = clause.find(tail, end)
        if tail_at >= 0:
            head_at = clause.rfind(head, 0, start)
            return (head_at if head_at >= 0 else start), tail_at + len(tail)
        if clause.endswith(tail, 0, start):
            head_at = clause.rfind(head, 0, start - len(tail))
            return (head_at if head_at >= 0 else start), end
    return start, end


FRACTION = re.compile(
    rf"(?P<pre>{cue_pattern('comparator', 'reach')})?(?P<word>{cue_pattern('fraction')})"
    rf"(?P<post>{cue_pattern('comparator_after')})?"
)
"""A share written as a word (data/cues.csv, kind fraction): 职业院校实践性教学课时原则上占
总课时一半以上 is >= 50%, “双师型”教师…占专业课教师总数超过一半 is > 50% (国家职业教育改革
实施方案, 2019; the same goal in the 2019 双师型 教师队伍建设改革实施方案 as handmsg.com reports
it: …“双师型”教师占专业课教师的比例要超过一半)."""
FRACTIONS = {word: Decimal(value) for word, value in cue_values("fraction").items()}
SHARE_NAME = re.compile(cue_pattern("share_name"))
"""What names a share of a whole (…占总课时, …的比例; data/cues.csv, kind share_name), which
a FRACTION word is the value of."""


def _fraction_targets(
    clause: str, c_start: int, base: int, year: int | None, quote: QuoteMaker
) -> list[Target]:
    """The shares a clause states as FRACTION words, named by the words before them."""
    found: list[Target] = []
    previous = 0
    for match in opening_matches(FRACTION, clause):  # its optional comparator: a slow scan
        name = clean_wording(_after_last_year(clause[previous : match.start()]))
        previous = match.end()
        if not SHARE_NAME.search(name):
            continue  # 减少一半 halves a quantity: a change, not a share to reach
        words = (match["pre"] or "", match["post"] or "")
        comparator = next((COMPARATOR_WORDS[w] for w in words if w in COMPARATOR_WORDS), "=")
        start, end = _span(clause, name, match.start(), match.end())
        found.append(
            Target(
                indicator=share_wording(name),
                year=year,
                quote=quote(base + c_start + start, base + c_start + end),
                value=FRACTIONS[match["word"]],
                comparator=comparator,
                unit="%",
                source="inline",
            )
        )
    return found


def _damaged_targets(
    clause: str, c_start: int, base: int, year: int | None, quote: QuoteMaker
) -> list[Target]:
    """A value cut off by RUN_ON_YEAR damage keeps its number; its unit is lost."""
    damaged = DAMAGED_VALUE.search(clause)
    if damaged is None or year is None:
        return []
    name = clean_wording(clause[: damaged.start()])
    if not name:
        return []
    at = clause.find(name)
    return [
        Target(
            indicator=name,
            year=year,
            quote=quote(base + c_start + at, base + c_start + damaged.end()),
            value=Decimal(damaged["num"]),
            comparator="=",
            source="inline",
        )
    ]
