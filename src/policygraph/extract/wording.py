"""Which words of a clause name the indicator of a value.

Plans name it before the value (`社区日间照料机构覆盖率达90%`, `A、B均达到90%`) or,
writing the value first, after it (`建成1所三级中医医院`, `每个县（区）至少建有1所
老年大学`, `50%以上行政村建有老年大学学习点`). Pure functions on clause strings.
"""

from __future__ import annotations

import re
from dataclasses import replace

from policygraph.cues import cue_pattern
from policygraph.extract.clauses import FUTURE_MODAL
from policygraph.extract.numbers import FIVE_YEAR_PLAN_NAMES
from policygraph.markers import ITEM_MARKER
from policygraph.model import Target
from policygraph.units import UNIT_PATTERN

LEADING_FILLER = re.compile(
    rf"^(?:[，、；：\s的]|{ITEM_MARKER}|[一二三四五六七八九十]是|{cue_pattern('scope', 'filler')}|"
    rf"{FUTURE_MODAL}(?=[\u4e00-\u9fff“]{{3}})|"
    r"基本(?=实现|建成|形成|完成|达到)|[市县区]级|各(?:街道|乡镇|社区|地)的?|"
    r"[\u4e00-\u9fff]{1,5}?[省市县州旗](?=将|要|力争)|[\u4e00-\u9fff]{2,4}?(?=全[国省市区县])|"
    rf"(?:{cue_pattern('deadline')})?“?(?:{FIVE_YEAR_PLAN_NAMES})”?期?末|"
    rf"在?(?:{cue_pattern('scope')})?\d+个(?:{cue_pattern('place_level')}))+"
)
"""Scope, modal and action words that open a clause but are not part of the indicator
(1.全市…, 一是…, 北京市将…, 武汉全市…, 力争…, 计划新增… but not 计划生育… nor the
act alone, 计划竣工3个 (常州钟楼 2021 民生实事), 组织开展养老托育技能培训3000人次 →
养老托育技能培训), the places that act (在全区20个镇街新增30家…) and the end of a plan
period run into the name with or without its deadline word (力争“十四五”末公办养老机构床位数
达到…, 西咸新区; 到“十五五”末全国村和社区一级养老服务设施覆盖率要达到70%, 民政部 2026
发布会 news)."""

TRAILING_VERBS = re.compile(rf"(?:{cue_pattern('link', 'reach', 'copula')})+$")
"""Verbs between an indicator and its value (A、B均达到90%, 总体达到50%左右)."""

INDICATOR_SUFFIX = re.compile(r"(率|数|比|占比|比例|数量|覆盖面|人次|床位|托位)$")
"""Endings of an indicator name: each item of `A、B均达到90%` has one."""

VALUE_FIRST_VERBS = re.compile(
    rf"(?:{cue_pattern('value_first')}|在[\u4e00-\u9fff]{{1,4}}?(?=建|设|打|培|配)"
    r"|(?<=至少)[\u4e00-\u9fff]{1,2}$)+"
)
"""What stands before a value written first: a verb of building or founding, a modal,
a place (在临沧设立1—2个…, 至少建成并运营1所老年大学, 引进或培育5家…); after 至少, the
floor of a count, any short verb (每个街道至少建成1所…, 武汉 news; 各区至少确定1家…医疗单位开办
托育机构, 郑州 卫健 news)."""

ACTION_LAST = re.compile(rf"(?:{cue_pattern('action')})$")
"""A verb of the plan right before a value written first names its act, and what stands
before the verb (a project's title, a table's merged cells) is not the indicator:
养老助残创建20个无障碍社区, 文体惠民行动新建2家“秋白书苑”,
…各街道提升改造8家城乡社区居家养老服务中心."""

PLACE_AFTER_VERB = re.compile(
    rf"(?:{cue_pattern('value_first', 'action')})+[\u4e00-\u9fff]{{1,4}}?"
    rf"(?:和[\u4e00-\u9fff]{{1,4}}?(?:{cue_pattern('place_level')})?|{cue_pattern('place_level')})"
)
"""A verb, then the places it is done in (named with a place word, or two joined by 和),
before a value written first: 建成东山街道1所公办民营普惠托育机构, 完成秣陵和淳化2个街道社区
卫生服务中心改扩建施工 (江宁区 2024 民生实事), like 基本完成全省7701个城镇老旧小区改造任务 (山西
老龄工作意见 news, whose 全省 is a scope word): the noun after the value names what is
counted, the places are where. A verb and its object (建成养老床位5117张) are no places."""

DISTRIBUTIVE_SCOPE = re.compile(
    r"^(?P<scope>(?P<quant>每个|每|所有|全部)[\u4e00-\u9fff（）()、]{1,8}?(?=至少|建|设|配|具有|有|打造|培育)"
    r"|[\u4e00-\u9fff（）()、]{1,8}?(?=至少))"
)
"""每个县（区）至少建有1所…, 所有街道至少建有1个…, 街道至少建有1个…: a count per unit
of a region level."""

INNER_COUNT = re.compile(rf"(?<=建有|设有|配建)\d+(?:{UNIT_PATTERN})")
"""50%以上的乡（镇）建有1所综合服务功能的养老机构: the count is part of the criterion."""

SIZE_QUALIFIER = re.compile(r"^\d+(?:\.\d+)?(?:平方米|平米|张床位?)的")
"""一所300平方米的养老服务机构: the size is a norm for each unit, not part of the indicator."""

QUALIFYING_CLAUSE = re.compile(rf"^(?:{cue_pattern('criterion')})[^，；。的]{{5,}}的")
"""推动建设300个具有辐射引领作用的高水平专业化产教融合实训基地, 至少建设一所符合当地经济
社会发展和技术技能人才培养需要的中等职业学校: a long clause that says what the counted
units must be like is a criterion, not their name (a short one, 具有示范效应的普惠托育服务
机构, 具备综合功能的社区养老服务机构, names a kind and stays). Texts: 国发〔2019〕4号, 国办发
〔2018〕117号 (1家符合条件且发展基础较好的省级高新技术产业开发区)."""

PARALLEL_MODIFIERS = re.compile(r"^[^的]*、[^的]*的")
"""特色突出、管理规范、服务标准的…骨干企业: a list of praising attributes, not the indicator."""


def phrase_after(clause: str, start: int, limit: int) -> tuple[str, int]:
    """The words right after a value, up to punctuation (PHRASE_END) or the next value."""
    end = start
    listed = False  # inside a list of attributes, which ends at its 的
    while end < limit and clause[end] not in PHRASE_END:
        if clause[end] == "、":
            if not _attribute_list(clause, start, end):
                break
            listed = True
        listed = listed and clause[end] != "的"
        if PURPOSE_VERB.match(clause, end) and end > start and not listed:
            break
        end += 1
    phrase = clause[start:end]
    trimmed = re.sub(r"(?:和|及|与|并)$", "", phrase)
    return trimmed, start + len(trimmed)


PHRASE_END = "，。；：,;】"
"""What ends the name after a value: punctuation, and the bracket that closes a headline
or a lead (【安徽:2026年将建成不少于400家社区嵌入式养老服务机构】财联社9月15日电…, a 财联社
news flash, tune: the name ran on past the bracket, so the headline's target did not merge
with the body's restatement of it; 【财新网】(记者 石睿)2014年底,… opens the Beijing 养老设施
news, tune: news set headlines and leads in 【…】)."""

PURPOSE_VERB = re.compile(r"提供|实施|参与|承担")
"""培育8家托育连锁服务机构提供…服务: what the counted units then do is not their name."""


def _attribute_list(clause: str, start: int, at: int) -> bool:
    """特色突出、管理规范、服务标准的…, 市级示范性、综合性托育服务中心: a 、 inside
    attributes that end in 的, or in an adjective suffix (示范性, 护理型, 标准化)."""
    rest = re.split(r"[，。；：,;]", clause[at:], maxsplit=1)[0]
    attribute = clause[start:at].rsplit("、", 1)[-1]
    if ATTRIBUTE_SUFFIX.search(attribute) and len(rest) > 1:
        return True
    if CRITERION_LEAD.match(attribute) and "的" in rest:
        return True
    return len(attribute) <= 4 and "的" not in clause[start:at] and "的" in rest


CRITERION_LEAD = re.compile(rf"(?:{cue_pattern('criterion')})")
"""A criterion the counted units must meet, one of a list that ends in 的 before their
noun: 各市（州）至少建成2个以上具有带动效应、承担一定指导功能的示范性婴幼儿照护服务机构
(四川 婴幼儿照护 实施意见 news, tune), like the single criterion of QUALIFYING_CLAUSE (国发〔2019〕
4号, 国办发〔2018〕117号): the 、 joins two criteria, the noun comes after the 的. The same list
stands before an uncounted noun in 基本形成具有示范效应、卫健系统特色的托育服务体系 (郑州 卫健系统
托育机构建设 2021 news, tune); a count before such a list is seen in the 四川 text only."""

ATTRIBUTE_SUFFIX = re.compile(r"[\u4e00-\u9fff]{1,6}[性型化]$")
"""Adjectives made with 性/型/化 (示范性, 综合性, 护理型, 规范化) qualify the noun after
the list they stand in."""


def value_first_names(before: str, after: str) -> list[str]:
    """`建成1所三级中医医院`, `每个县（区）至少建有1所老年大学`, `50%以上行政村建有…`:
    the indicator is the noun after the value when nothing but a verb stands before it."""
    noun = after.removeprefix("的")
    if not re.match(r"[\u4e00-\u9fff（(“\d]", noun) or re.match(r"用于|投入|比例|的比例", noun):
        return []
    if GOAL_NAMED_AFTER.match(after):
        return []
    lead = LEADING_FILLER.sub("", before.strip())
    scope = DISTRIBUTIVE_SCOPE.match(lead)
    prefix = ""
    if scope is not None:
        lead = lead[scope.end() :]
        words = scope["scope"]
        quant = scope["quant"] or ""
        prefix = words if quant in ("每个", "每") else words[len(quant) :]
    if (
        VALUE_FIRST_VERBS.sub("", lead)
        and not ACTION_LAST.search(lead)
        and not PLACE_AFTER_VERB.fullmatch(lead)
        and not PLACE_AFTER_VERB.fullmatch(before.strip("，、；： "))
    ):
        return []
    noun = INNER_COUNT.sub("", PARALLEL_MODIFIERS.sub("", QUALIFYING_CLAUSE.sub("", noun)))
    parts = noun.split("和") if noun.count("和") == 1 and noun.count("的") >= 2 else [noun]
    return [prefix + SIZE_QUALIFIER.sub("", p) for p in parts if clean_wording(p)]


GOAL_NAMED_AFTER = re.compile(rf"的(?:{cue_pattern('goal_title')})")
"""A count joined by 的 to the word for a goal is that goal's level, as a share is
(…55%的目标), and the goal is named by the indicator an earlier clause names:
截至2021年底，我国每千人口拥有3岁以下婴幼儿托位数为2.03个，距离“十四五”期末4.5个的目标
尚存很大差距 (a copy of a childcare commentary, tune); 提前完成浙江省“十三五”发展规划建成公用
充电桩3000个的目标任务 (杭州 十四五 新能源汽车 plan, quoted in a document-parsing note in a GitHub
repository), the indicator named in the same clause. Other counts before 的 (3个的…) qualify
the noun after them."""


def indicator_names(before: str, after: str) -> list[str]:
    """The indicator wording before a value; `A、B均达到90%` gives both A and B;
    `彩票公益金55%以上用于养老服务体系建设` joins the subject and what follows;
    `保留不低于20%的床位用于接收…` names the share by what follows."""
    cleaned = clean_wording(before)
    if cleaned and re.match(r"用于|投入", after):
        subject = cleaned.rsplit("的", 1)[-1]
        return [subject + after]
    if (used := SHARE_USED_FOR.match(after)) is not None:
        return [used["name"]]
    if not cleaned and GOAL_NAMED_AFTER.match(after):
        return []
    if not cleaned:
        tail = clean_wording(after.removeprefix("的"))
        return [tail] if tail else []
    cleaned = ACT_BEFORE_NAME.sub("", FOUR_CHARACTER_ATTRIBUTES.sub("", cleaned))
    parts = LISTED_INDICATOR.split(cleaned)
    if len(parts) > 1 and all(INDICATOR_SUFFIX.search(clean_wording(p)) for p in parts):
        return [clean_wording(p) for p in parts if clean_wording(p)]
    return [cleaned]


ACT_BEFORE_NAME = re.compile(
    rf"^.+(?:{cue_pattern('act_object')})(?=[\u4e00-\u9fff“][^，；。]{{3,}}$)"
)
"""The act a counted thing is the object of: 1增加教育资源供给实施新建、改扩建学校重点建设项目
12个 (常州钟楼 2021 民生实事, after a run-together table header), 组织开展养老托育技能培训
3000人 (万州): what stands before the verb is a title or a cell, not the indicator. The
verbs are those of ACTION_OBJECT (data/cues.csv, kind act_object)."""

FOUR_CHARACTER_ATTRIBUTES = re.compile(
    r"^[^，；。的]*?(?:[\u4e00-\u9fff]{4}、)+[\u4e00-\u9fff]{4}的(?=[\u4e00-\u9fff]{2})"
)
"""A run of four-character praising attributes ending in 的 before the noun a value is
stated of, with what stands before it (a scope such as 全省范围): 全省范围有效服务、有效运营的
各类老年助餐点达到1万个左右 (江苏 老年助餐 实施方案 news) names 各类老年助餐点, as
培育37家特色突出、管理规范、服务标准的养老托育服务骨干企业 (万州, value first, PARALLEL_MODIFIERS)
names the enterprises."""

LISTED_INDICATOR = re.compile(r"(?<=率|数|比|例|量|面|次|位)、")
"""The 、 that ends an indicator of a list (A、B均达到90%); a 、 inside one
(新建城区、新建居住区配套建设养老服务设施达标率、社区养老服务设施覆盖率) does not."""


REPORTED_SPEECH = re.compile(r"^[^，；。]*?(?:提出|明确)(?=[\u4e00-\u9fff]{2})")
"""A headline that reports what a plan sets (「十四五」国民健康规划公布 提出中国人均预期
寿命将达80岁以上): the indicator follows the verb of saying."""

SHARE_USED_FOR = re.compile(
    rf"^的(?!比例)(?P<name>[^，；。的]{{1,12}}?(?:{cue_pattern('share_use')})[^，；。]{{2,}})$"
)
"""A share of a thing put to a use, named after the value: 保留不低于20%的床位用于接收
政府供养和基本养老服务保障对象 (like 不低于55%的本级福利彩票公益金用于…)."""


PEOPLE_SHARE = re.compile(
    rf"的(?:{cue_pattern('people')})(?:在[^，；。]{{1,24}}?下)?(?:可|能|将)?"
    r"(?P<name>[^，；。（）()]{2,30})"
)
"""A share of the old written first and named by what they do: “9073”目标（即90%的老人在社会
保障体系和服务体系支持下通过家庭照顾养老，7%左右的老年人由社区提供日间照料和托老服务，3%的
老人可入住养老服务机构） (广东 2011 社会养老服务会议), 即90%的老年人口在家养老，7%的老年人口
得到社区养老服务的支持 (an explanation of the 9073 pattern): the predicate, without the
circumstance (在…支持下) or the modal (可), names the share."""

EXPLAINED = re.compile(r"即$")
"""…目标（即90%的…: what stands before 即 names the whole pattern being explained, not a share."""


def people_share(before: str, clause: str, end: int) -> tuple[str, int] | None:
    """The name of a share of people written value first (90%的老人…通过家庭照顾养老) and
    where it ends in the clause, when nothing but an explanation opener (即) stands
    before the value; None otherwise."""
    if clean_wording(before) and not EXPLAINED.search(before):
        return None
    share = PEOPLE_SHARE.match(clause, end)
    return (share["name"], share.end()) if share else None


OPEN_QUOTE_LEAD = re.compile(r"^[^“”]*“(?=[^”]*$)")
"""国家卫生健康委将“每千人口3岁以下婴幼儿托位数达到4.5个，…”列入2025年…: a quote that opens
before the value and closes after it holds the goal; who quotes it is not its name."""


def clean_wording(wording: str) -> str:
    wording = OPEN_QUOTE_LEAD.sub("", wording.strip())
    wording = LEADING_FILLER.sub("", REPORTED_SPEECH.sub("", wording))
    previous = None
    while previous != wording:
        previous = wording
        wording = TRAILING_VERBS.sub("", wording).strip("，、；： ")
    return wording if re.search(r"[\u4e00-\u9fff]{2}", wording) else ""


def respective_names(cleaned: str) -> list[str]:
    """城市社区、农村社区养老服务设施覆盖率 → 城市社区养老服务设施覆盖率, 农村社区…: parallel
    heads share the tail of the last item; 普惠性托位和公办托位占比 → 普惠性托位占比, 公办托位
    占比 (the first item ends in a word of the last, whose rest is the shared tail). Items
    that are whole names (县级失能照护机构和乡镇区域养老服务中心) share nothing."""
    parts = [p for p in re.split(r"[、和]", cleaned) if p]
    if len(parts) < 2:
        return parts
    tail = _shared_tail(parts[0], parts[-1])
    if tail is None:
        whole = all(INDICATOR_SUFFIX.search(p) for p in parts)
        short_head = len(parts[0]) <= SHORT_HEAD
        tail = parts[-1][len(parts[0]) :] if short_head and not whole else ""
    return [p + tail for p in parts[:-1]] + [parts[-1]] if tail else parts


SHORT_HEAD = 4
"""The length of a modifier that a list can share a tail after (城市, 农村社区, 普惠性)."""


def _shared_tail(first: str, last: str) -> str | None:
    """The words of `last` after the longest ending (two characters or more) of `first`
    that it contains, when some follow: 普惠性托位 / 公办托位占比 → 占比."""
    for size in range(len(first), 1, -1):
        at = last.find(first[-size:])
        if at >= 0 and at + size < len(last):
            return last[at + size :]
    return None


SHARE_WORDING = re.compile(
    r"^(?P<part>.+?)(?:不高于|不低于|不少于|不超过|达到|占)(?P<whole>[^，；。]+?)的$"
)
"""床位费用不高于当年城镇职工可支配收入的150%, 托位数不少于总托位数的10%: a share of a
named whole, worded as the indicator A占B比例."""


def share_wording(name: str) -> str:
    """A wording that ends in a whole (…的) before a % value, as A占B比例."""
    share = SHARE_WORDING.match(name)
    return f"{share['part']}占{share['whole']}比例" if share else name


PROGRAM = re.compile(
    r"(?:实施|开展|参与|承担)[\u4e00-\u9fff“”]{2,20}?(?:专项行动|行动|项目|试点|工程)(?=[，。；]|$)"
)
"""A named program the counted units take part in (…实施普惠养老城企联动专项行动)."""


def program_wordings(
    targets: list[Target], counted: list[tuple[int, int]], clause: str
) -> list[Target]:
    """支持3家A和1家B实施普惠养老城企联动专项行动: the units counted are those that take
    part in the program, so the program belongs to their wording."""
    program = PROGRAM.match(clause, counted[-1][1]) if counted else None
    if program is None:
        return targets
    members = {index for index, _end in counted}
    return [
        replace(t, indicator=f"{program.group()}的{t.indicator}") if i in members else t
        for i, t in enumerate(targets)
    ]
