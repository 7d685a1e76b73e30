"""Targets stated in running text: 到2025年…达到X%, …不低于…, …以上, 力争…, 确保….

A paragraph is read clause by clause. A year cue (到2025年, 2022年底前, 十四五末)
scopes the clauses after it; background cues (截至, 目前, 预计 …) silence the rest
of their sentence. In each clause a value phrase (达到90%, 1.5万张, 1—2个) names
its indicator either before it (`社区日间照料机构覆盖率达90%`) or, written value
first, after it (`建成1所三级中医医院`, `50%以上行政村建有老年大学学习点`).
"""

from __future__ import annotations

import re
from dataclasses import replace
from decimal import Decimal

from policygraph.extract.numbers import apply_multiplier, parse_decimal
from policygraph.extract.targets import NON_TARGET_UNITS, UNIT_PATTERN
from policygraph.model import QuoteMaker, Target

CN_COUNT = "[一两二三四五六七八九十]"

YEAR_CUE = re.compile(
    r"(?P<cue>到|至|争取到|力争到|力争|争取|截至|截止到|截止|截)?"
    r"(?P<year>20\d{2})年(?P<end>底|末)?(?P<before>前)?"
)
"""到2025年 / 2022年底前 / 截至2021年底 — a year that scopes the clauses after it
(截至/截止, and the damaged 截, scope background or baselines, not targets)."""

FIVE_YEAR_END = re.compile(r"“?十四五”?(?:期间|时期)?末")
"""十四五末: the end of the 14th five-year plan, 2025."""

VALUE_PHRASE = re.compile(
    r"(?P<pre>不低于|不少于|不超过|不高于|不到|超过|大于|高于|多于|小于|低于|少于|突破|至少|"
    r"提高到|提升到|提高至|提升至|增加到|增长到|下降到|降低到|稳定在|保持在|控制在|达到|达|为|在)?"
    rf"(?P<num>\d+(?:\.\d+)?|(?<=至少){CN_COUNT}|(?<=建成|建有|配建){CN_COUNT}|(?<=有){CN_COUNT})"
    r"(?:\s*[—–\-~～至](?P<num2>\d+(?:\.\d+)?))?(?P<mult>万|亿)?"
    rf"(?P<unit>{UNIT_PATTERN})(?P<post>以上|及以上|以下|以内|左右)?"
)
"""A target value with its comparator words: 达到90%, 不低于60%, 55%以上, 1.5万张, 1—2个;
small counts of distributive targets are often spelt in Chinese (至少建成一所)."""

COMPARATOR_WORDS = {
    "不低于": ">=",
    "不少于": ">=",
    "至少": ">=",
    "以上": ">=",
    "及以上": ">=",
    "超过": ">",
    "大于": ">",
    "高于": ">",
    "多于": ">",
    "突破": ">",
    "不超过": "<=",
    "不高于": "<=",
    "以下": "<=",
    "以内": "<=",
    "控制在": "<=",
    "小于": "<",
    "低于": "<",
    "少于": "<",
    "不到": "<",
}
"""Comparator normal forms (VOCABULARY.md): 不低于 → >=, 超过 → >, 不超过 → <= …"""

SENTENCE_BACKGROUND = re.compile(
    r"截至|截止|目前|预计|今后|现状|仅有|仅为|将以|“?十三五”?|普查|常住人口|百分点"
)
"""Openers of a sentence that reports the present or forecasts the future (截至2020年底…,
目前全市养老床位仅有2.6万张, 预计到2035年…, 今后5年…将以每年约4.5万人的速度增长,
“十三五”期间…建成…, 根据第七次全国人口普查…, 占常住人口的19.75%, 高于全省…1.67个百分点):
every figure up to the sentence end is a fact, not a target."""

CLAUSE_BACKGROUND = re.compile(
    r"现有|已有|已建成|共有|累计|先后|第[一二三四五六七]次|约\d|[成到]了"
)
"""Clauses that report existing stock, an estimate or a finished act (现有的48家养老机构,
约160万人, 建成了6所…)."""

NORM_CUE = re.compile(r"按照?每|按照?[^，；。]{0,8}标准")
"""Construction norms (按照每千人口不少于10个托位配建, 按每百户…的标准) are not targets."""

ITEM_START = re.compile(r"^\s*(?:\d{1,2}\s?[.．、]|（[一二三四五六七八九十\d]{1,3}）)")
"""A numbered item starting after a sentence end (…的1%。3.织密…): a new scope, whose
targets the previous item's year does not govern."""

PER_YEAR = re.compile(r"每年|年均|每年度")
"""Per-year targets (每年新增托位1000个以上) have no target year of their own."""

LEADING_FILLER = re.compile(
    r"^(?:[，、；：\s]|全市|全区|全县|全省|新区|我市|我区|城乡|实现|确保|力争|争取|基本|"
    r"并|其中|同时|原则上|要|使|将|建成|共|累计|各级|市县两级|[市县区]级|“?十四五”?末)+"
)
"""Scope and modal words that open a clause but are not part of the indicator."""

TRAILING_VERBS = re.compile(
    r"(?:均|都|分别|要|应|需|达到|达|提高到|提升到|稳定在|保持在|为|在|是|按)+$"
)
"""Verbs between an indicator and its value (A、B均达到90%)."""

INDICATOR_SUFFIX = re.compile(r"(率|数|比|占比|比例|数量|覆盖面|人次|床位|托位)$")
CLAUSE_SPLIT = re.compile(r"[，；。：]")

RUN_ON_YEAR = re.compile(r"(?<=\d)(?=20\d{2}年(?:底|末)?[，,]?)")
"""Scraping damage: a value whose unit and punctuation were lost runs into the next
year (全区托位数达到40002025年底 = 4000, then 2025年底)."""

DAMAGED_VALUE = re.compile(r"(?P<pre>达到|达|为)(?P<num>\d+(?:\.\d+)?)$")

VALUE_FIRST_VERBS = re.compile(
    r"(?:至少|力争|应将|将|支持|在[\u4e00-\u9fff]{1,4}?(?=建|设|打|培|配)|建成|建有|建设|建立|打造|"
    r"培育|引进|设立|设有|配建|新建|改建|运营|开设|创建|有|或|和|并|及|（|）|\(|\))+"
)
"""What stands before a value written first: a verb of building or founding, a modal,
a place (在临沧设立1—2个…, 至少建成并运营1所老年大学, 引进或培育5家…)."""

DISTRIBUTIVE_SCOPE = re.compile(
    r"^(?P<scope>(?P<quant>每个|每|所有|全部)[\u4e00-\u9fff（）()、]{1,8}?(?=至少|建|设|配|有|打造|培育)"
    r"|[\u4e00-\u9fff（）()、]{1,8}?(?=至少))"
)
"""每个县（区）至少建有1所…, 所有街道至少建有1个…, 街道至少建有1个…: a count per unit
of a region level."""

CONDITION = re.compile(r"^[\u4e00-\u9fff]{0,6}(?:以上|以下)的")
"""100张床位以上的养老机构: a size class that qualifies a subject, not a target."""

INNER_COUNT = re.compile(rf"(?<=建有|设有|配建)\d+(?:{UNIT_PATTERN})")
"""50%以上的乡（镇）建有1所综合服务功能的养老机构: the count is part of the criterion."""

PARALLEL_MODIFIERS = re.compile(r"^[^的]*、[^的]*的")
"""特色突出、管理规范、服务标准的…骨干企业: a list of praising attributes, not the indicator."""

BARE_VERB = re.compile(r"^(?P<per>每年)?(?:共|再)?(?:支持|改造|完成|资助|帮助)$")
"""对…家庭实施居家适老化改造，每年支持200户，到2025年共改造1000户: a value whose
wording is only a verb counts the object of the action named just before it."""

ACTION_OBJECT = re.compile(
    r"(?:实施|开展)(?P<object>[\u4e00-\u9fff]{2,12}?)(?:工程|行动)?[，；。]?$"
)

QUALITATIVE_GOAL = re.compile(
    r"(?:实现)?(?P<name>[^，；。：]{2,60}?)(?P<word>全覆盖|全部实现[\u4e00-\u9fff]{2,6})$"
)
"""Qualitative targets of universal coverage (实现城乡社区养老服务设施全覆盖,
有意愿入住的特困人员全部实现集中供养) — only where a year governs their sentence."""

UNIVERSAL_FACILITY = re.compile(
    r"^(?:全市|全区|全县)?所有(?P<name>[^，；。：]{2,12}?建有[^，；。：]{2,12})$"
)
"""所有乡镇（街道）建有老年学校: every unit of a level has the facility, by a year."""


def text_targets(text: str, base: int, quote: QuoteMaker) -> list[Target]:
    """Targets stated in one paragraph of running text (offsets from `base`)."""
    targets: list[Target] = []
    year: int | None = None
    sentence_year: int | None = None
    background = False
    action = ""
    opening = YEAR_CUE.search(text[:24])
    for c_start, c_text in _clauses(text):
        if c_start and text[c_start - 1] == "。" and ITEM_START.match(c_text):
            year, opening = None, None
        if FIVE_YEAR_END.search(c_text):
            year = sentence_year = 2025
        for cue in YEAR_CUE.finditer(c_text):
            if cue["cue"] in ("截至", "截止到", "截止", "截"):
                background = True
            elif cue["cue"] or cue["before"] or cue["end"]:
                year = sentence_year = int(cue["year"])
        if SENTENCE_BACKGROUND.search(c_text):
            background = True
        if not (background or CLAUSE_BACKGROUND.search(c_text) or NORM_CUE.search(c_text)):
            dated = sentence_year or (year if opening else None)
            found = _clause_targets(c_text, c_start, base, year, dated, quote)
            targets.extend(_with_action(t, action) for t in found)
        if (done := ACTION_OBJECT.search(c_text)) is not None:
            action = done["object"]
        if c_text.endswith("。"):
            background, sentence_year = False, None
    return targets


def _with_action(target: Target, action: str) -> Target:
    bare = BARE_VERB.match(target.indicator)
    if bare is None or not action:
        return target
    return replace(target, indicator=(bare["per"] or "") + action)


def _clauses(text: str) -> list[tuple[int, str]]:
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


def _clause_targets(
    clause: str,
    c_start: int,
    base: int,
    year: int | None,
    qualitative_year: int | None,
    quote: QuoteMaker,
) -> list[Target]:
    if PER_YEAR.search(clause):
        year = None
    targets: list[Target] = []
    previous_end = 0
    matches = [m for m in VALUE_PHRASE.finditer(clause) if _is_target_value(m, clause)]
    for index, match in enumerate(matches):
        if match.start() < previous_end:
            continue
        share = match["unit"] in ("%", "‰")
        following = matches[index + 1].start() if index + 1 < len(matches) else len(clause)
        limit = len(clause) if share else following
        before = _after_last_year(clause[previous_end : match.start()])
        after, after_end = _phrase_after(clause, match.end(), limit)
        names = _value_first_names(before, after)
        if names:
            previous_end = after_end
        else:
            previous_end = match.end()
            names = _indicator_names(before, after)
        for name in names:
            targets.append(_inline_target(name, match, clause, c_start, base, year, quote))
    if not matches:
        targets.extend(_qualitative_targets(clause, c_start, base, qualitative_year, quote))
        targets.extend(_damaged_targets(clause, c_start, base, year, quote))
    return targets


def _is_target_value(match: re.Match[str], clause: str) -> bool:
    """Not an age bound, a year, a size class (100张床位以上的…, 超过1万人的…), or an
    undated population size (3岁以下婴幼儿数28.4万人)."""
    if match["unit"] in NON_TARGET_UNITS or YEAR_CUE.match(clause, match.start("num")):
        return False
    if match["unit"] not in ("%", "‰") and clause[match.end() : match.end() + 1] == "的":
        return False
    if (match["mult"] or "") + match["unit"] == "万人" and not YEAR_CUE.search(clause):
        return False
    return CONDITION.match(clause[match.end() :]) is None


def _after_last_year(before: str) -> str:
    return re.sub(r".*?(?:\d{4}年(?:底|末)?(?:前)?[，、]?)", "", before)


def _phrase_after(clause: str, start: int, limit: int) -> tuple[str, int]:
    """The words right after a value, up to punctuation or the next value."""
    end = start
    while end < limit and clause[end] not in "，。；：,;":
        if clause[end] == "、" and not _attribute_list(clause, start, end):
            break
        if PURPOSE_VERB.match(clause, end) and end > start:
            break
        end += 1
    phrase = clause[start:end]
    trimmed = re.sub(r"(?:和|及|与|并)$", "", phrase)
    return trimmed, start + len(trimmed)


PURPOSE_VERB = re.compile(r"提供|实施|参与|承担")
"""培育8家托育连锁服务机构提供…服务: what the counted units then do is not their name."""


def _attribute_list(clause: str, start: int, at: int) -> bool:
    """特色突出、管理规范、服务标准的…: a 、 inside attributes that end in 的."""
    rest = re.split(r"[，。；：,;]", clause[at:], maxsplit=1)[0]
    attribute = clause[start:at].rsplit("、", 1)[-1]
    return len(attribute) <= 4 and "的" not in clause[start:at] and "的" in rest


def _value_first_names(before: str, after: str) -> list[str]:
    """`建成1所三级中医医院`, `每个县（区）至少建有1所老年大学`, `50%以上行政村建有…`:
    the indicator is the noun after the value when nothing but a verb stands before it."""
    noun = after.removeprefix("的")
    if not re.match(r"[\u4e00-\u9fff（(“\d]", noun) or re.match(r"用于|投入|比例|的比例", noun):
        return []
    lead = LEADING_FILLER.sub("", before.strip())
    scope = DISTRIBUTIVE_SCOPE.match(lead)
    prefix = ""
    if scope is not None:
        lead = lead[scope.end() :]
        words = scope["scope"]
        quant = scope["quant"] or ""
        prefix = words if quant in ("每个", "每") else words[len(quant) :]
    if VALUE_FIRST_VERBS.sub("", lead):
        return []
    noun = INNER_COUNT.sub("", PARALLEL_MODIFIERS.sub("", noun))
    parts = noun.split("和") if noun.count("和") == 1 and noun.count("的") >= 2 else [noun]
    return [prefix + p for p in parts if _clean(p)]


def _indicator_names(before: str, after: str) -> list[str]:
    """The indicator wording before a value; `A、B均达到90%` gives both A and B;
    `彩票公益金55%以上用于养老服务体系建设` joins the subject and what follows."""
    cleaned = _clean(before)
    if cleaned and re.match(r"用于|投入", after):
        subject = cleaned.rsplit("的", 1)[-1]
        return [subject + after]
    if not cleaned:
        tail = _clean(after.removeprefix("的"))
        return [tail] if tail else []
    parts = cleaned.split("、")
    if len(parts) > 1 and all(INDICATOR_SUFFIX.search(_clean(p)) for p in parts):
        return [_clean(p) for p in parts if _clean(p)]
    return [cleaned]


def _clean(wording: str) -> str:
    wording = LEADING_FILLER.sub("", wording.strip())
    previous = None
    while previous != wording:
        previous = wording
        wording = TRAILING_VERBS.sub("", wording).strip("，、；： ")
    return wording if re.search(r"[\u4e00-\u9fff]{2}", wording) else ""


def _inline_target(
    name: str,
    match: re.Match[str],
    clause: str,
    c_start: int,
    base: int,
    year: int | None,
    quote: QuoteMaker,
) -> Target:
    words = [match["pre"] or "", match["post"] or ""]
    comparator = next((COMPARATOR_WORDS[w] for w in words if w in COMPARATOR_WORDS), "=")
    value = apply_multiplier(_number(match["num"]), match["mult"])
    upper = apply_multiplier(Decimal(match["num2"]), match["mult"]) if match["num2"] else None
    span_start, span_end = _span(clause, name, match.start(), match.end())
    baseline = re.search(r"由(?P<num>\d+(?:\.\d+)?)", clause[: match.start()])
    return Target(
        indicator=name,
        year=year,
        quote=quote(base + c_start + span_start, base + c_start + span_end),
        value=value,
        max_value=upper,
        comparator=comparator,
        unit=match["unit"],
        baseline_value=parse_decimal(baseline["num"]) if baseline else None,
        source="inline",
    )


def _number(text: str) -> Decimal:
    number = parse_decimal(text)
    return number if number is not None else Decimal(text)


def _span(clause: str, name: str, start: int, end: int) -> tuple[int, int]:
    """The quote: the value phrase and the name. A value-first name joins a scope before
    the value (每个县（区）) to a noun after it, so each part is looked up on its side."""
    at = clause.find(name)
    if at >= 0:
        return min(at, start), max(end, at + len(name))
    for cut in range(1, len(name)):
        head, tail = name[:cut], name[cut:]
        tail_at = clause.find(tail, end)
        if tail_at >= 0:
            head_at = clause.rfind(head, 0, start)
            return (head_at if head_at >= 0 else start), tail_at + len(tail)
    return start, end


def _qualitative_targets(
    clause: str, c_start: int, base: int, year: int | None, quote: QuoteMaker
) -> list[Target]:
    """全覆盖, 全部实现集中供养, 所有乡镇建有老年学校 — stated for a year."""
    if year is None:
        return []
    text = clause.rstrip("，；。：")
    goal = QUALITATIVE_GOAL.search(text)
    if goal is not None and not re.search(r"推动|推进|促进|向", goal["name"]):
        name = _clean(goal["name"].split("实现")[-1])
        if name:
            start = goal.start("name") + goal["name"].find(name)
            return [
                _worded(
                    name,
                    goal["word"],
                    year,
                    quote(base + c_start + start, base + c_start + goal.end()),
                )
            ]
    universal = UNIVERSAL_FACILITY.match(_clean_scope(text))
    if universal is not None:
        at = text.find("所有")
        span = quote(base + c_start + at, base + c_start + len(text))
        return [_worded(universal["name"], span.text, year, span)]
    return []


def _clean_scope(text: str) -> str:
    return re.sub(r"^[，、\s]+", "", text)


def _worded(name: str, wording: str, year: int, span) -> Target:  # type: ignore[no-untyped-def]
    return Target(indicator=name, year=year, quote=span, qualitative=wording, source="inline")


def _damaged_targets(
    clause: str, c_start: int, base: int, year: int | None, quote: QuoteMaker
) -> list[Target]:
    """A value cut off by RUN_ON_YEAR damage keeps its number; its unit is lost."""
    damaged = DAMAGED_VALUE.search(clause)
    if damaged is None or year is None:
        return []
    name = _clean(clause[: damaged.start()])
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
