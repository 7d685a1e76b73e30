"""Which value phrases of a clause state a target: the values pass of the running-text
target reader.

A value phrase is a number with its unit and comparator words (达到90%, 不低于60%,
1.5万张, 35-40张, 50%左右). It states no target when it is a year, an age bound, a
change (较2020年增加…), a rate's denominator (每10万人口), a policy parameter (补贴标准
为50%), a size class (100张床位以上的…), a formula (…×100%), a remark on the base
(（2020年为40%）), a floor area, an estimate, or — undated — a count nothing commits to
(注册登记的养老机构4.1万个). The cue words are rows of data/cues.csv.
"""

from __future__ import annotations

import re

from policygraph.cues import cue_pattern, cue_words, words_with
from policygraph.extract.clauses import YEAR_CUE
from policygraph.extract.targets import NON_TARGET_UNITS
from policygraph.extract.wording import GOAL_NAMED_AFTER
from policygraph.units import MULTIPLIER_PATTERN, UNIT_PATTERN

CN_COUNT = "[一两二三四五六七八九十]"

DECIMAL_YEARS = r"(?<=\.\d)年"
"""A number of years with a decimal is a length, never a calendar year: 劳动年龄人口平均受
教育年限达到10.8年, 新增劳动力平均受教育年限达到13.5年 (the 十三五 促进就业规划 as a finance
site's 2017 news gives it), …达到11.5年 (the 长江三角洲区域一体化发展规划纲要 as 央视网 reports
it, 2019-12-02). A whole number before 年 (2025年, 3年) is left alone: it is a year or a span."""

VALUE_PHRASE = re.compile(
    rf"(?P<pre>{cue_pattern('comparator', 'reach', 'copula', 'sign')})?"
    rf"(?P<num>\d+(?:\.\d+)?|(?<=至少){CN_COUNT}|(?<=建成|建有|配建){CN_COUNT}|(?<=有){CN_COUNT}"
    rf"|(?<=至少建设|至少新建){CN_COUNT})"
    rf"(?:(?:万|亿)?(?:{UNIT_PATTERN})?\s*[—–\-~～至](?P<num2>\d+(?:\.\d+)?))?"
    rf"(?:{MULTIPLIER_PATTERN})?"
    rf"(?P<unit>{UNIT_PATTERN}|{DECIMAL_YEARS})(?:（含）)?"
    rf"(?P<post>{cue_pattern('comparator_after')})?"
)
"""A target value with its comparator words or sign: 达到90%, 不低于60%, ≥55%, 55%以上,
30%（含）以上, 50%左右, 1.5万张, 2万亿元, 12/10万, 35-40张, 3—5家; a range may print its
unit at both ends (年度药品总用量的60%—70%, 国办 药品集中采购 方案; 1.5万—2万个), as Chinese
writing does; small counts of distributive targets are often spelt in Chinese (至少建成一所,
至少建设一所)."""
NUMBER_CHARACTER = re.compile(rf"\d|{CN_COUNT}")
"""What every VALUE_PHRASE match holds: the characters of its number."""


def value_phrases(text: str) -> list[re.Match[str]]:
    """The VALUE_PHRASE matches of a text. VALUE_PHRASE opens with an optional cue, so a
    scan tries it at every character; most clauses hold no number, and are not scanned
    (issue 16, build CPU)."""
    return list(VALUE_PHRASE.finditer(text)) if NUMBER_CHARACTER.search(text) else []


PARAMETER = re.compile(
    rf"(?:{cue_pattern('parameter')})(?!化)(?:（[^）]*）)?(?:分别)?(?:上浮|下浮|提高|为)?$"
)
"""A policy parameter ends the words before its value: 补贴标准为50%, 每张床位补助1.5万元,
补助标准分别上浮50%、100%、200%, 运行经费（不含…）不少于2万元 — the amount of a subsidy,
a fund or a norm, not a target."""

PARAMETER_AFTER = re.compile(rf"^的?[^，；。\d]{{0,8}}?(?:{cue_pattern('parameter')})(?!化)")
"""按每张床位1.5万元的标准, 给予1万元的一次性建设补贴, 按照40%、30%、30%比例分三年补助到位:
the value is the amount or share of a norm or a subsidy (标准化 is not a norm)."""

CONDITION = re.compile(r"^[\u4e00-\u9fff]{0,6}(?:以上|以下)的")
"""100张床位以上的养老机构: a size class that qualifies a subject, not a target."""

BASE_REMARK = re.compile(
    rf"[（(](?:{cue_pattern('change')})?(?P<year>20\d{{2}})年(?:底|末)?(?:的|为)?"
    rf"(?P<num>\d+(?:\.\d+)?)(?:{MULTIPLIER_PATTERN})?(?P<unit>{UNIT_PATTERN})?[^）)]*[）)]"
)
"""A remark on the base after a target value — 达到4.5个（较2020年的1.8个增长150%）,
达到55%（2020年为40%）: its first figure is the target's baseline, none is a target."""

BASE_PHRASE_AFTER = re.compile(r"[^，；。：\d]{0,16}?的?基础上")
"""A value inside 在/从…的基础上 is the base a goal builds on, not the goal: 在2025年新增89万个
普惠托位的基础上，“十五五”开局之年，继续增加15万个普惠托位 (国家卫健委 2026-02-12 发布会),
从2024年的79岁基础上再提升1岁，达到80岁左右 (雷海潮, 中新网 2025-10-24)."""

AREA_UNITS = frozenset(words_with("unit", "area"))
PER_CAPITA = re.compile(cue_pattern("per_capita"))
"""An area is a target per head (人均体育场地面积达到1.8平方米以上); the floor area of a
facility (单处用房建筑面积不得少于300平方米) is a construction norm."""

BASE_FIGURE = rf"(?:的\d+(?:\.\d+)?(?:万|亿)?(?:{UNIT_PATTERN}))?"
"""The figure of the base a change is measured from: 比2010年的1.02吨标准煤降低17%."""

CHANGE_FROM = re.compile(
    rf"(?:{cue_pattern('change')})(?:20\d{{2}}年(?:底|末)?|上年|去年)?{BASE_FIGURE}"
    rf"(?:{cue_pattern('change_verb')})$"
)
"""较2020年增加1万张, 比上年增长1.6%, 比2010年的1.02吨标准煤降低17%: a change against a
base year, not a level to reach — unless it is a goal (CHANGE_GOAL)."""

CHANGE_GOAL = re.compile(
    rf"[\u4e00-\u9fff）)A-Za-z0-9.]{{2}}(?:{cue_pattern('change')})20\d{{2}}年(?:底|末)?"
    rf"(?:{cue_pattern('change_verb')})$"
)
"""A change is the goal itself where its own subject names what changes, right before the
base year, and a deadline scopes it or a comparator follows it — the way plans of energy
and environment write their goals: 到2017年，…可吸入颗粒物PM10)平均浓度比2012年下降10%以上
(安徽 大气污染防治行动计划实施方案 2013, wiki copy), 到2015年，…营运车辆单位运输周转量能耗
比2005年下降10%；…公共机构单位建筑面积能耗比2010年降低12% (山东 十二五 节能减排 实施方案
news, 2011); both tune. A clause opened by its base (，比2010年的1.02吨标准煤降低17%)
restates the level the clause before it set; a change on the year before (比上年下降1.2%)
is a statistic."""

BASE_VALUE = re.compile(rf"(?:{cue_pattern('change')})(?:20\d{{2}}年(?:底|末)?)?的$")
"""比2010年的1.02吨标准煤降低17%: the figure after 比…的 is the base a change is measured
from, not a target (山东 十二五 节能减排 news, tune: 比2010年的1.02吨标准煤, 比2005年的
1.32吨标准煤)."""

BENCHMARK = re.compile(
    rf"(?:{cue_pattern('benchmark')})(?:{cue_pattern('benchmark_body')})[^，；。\d]{{0,12}}?(?:的|[（(])$"
)
"""The figure of a higher body a text compares itself with, written in brackets or as
its own figure after 的: 低于全国平均水平(31.1张) (昆明 一老一小 方案), 分别高于全省(18.08%)
(周口), 建成…不少于826个，略高于省下达的812个任务 (合肥 老年助餐 wiki): not this text's
target. A gap stated after it (高于全省平均水平1个百分点) is one."""

COMMITMENT = re.compile(cue_pattern("action", "reach", "comparator", "future"))
"""What makes an undated count a target: a verb of the plan (实施, 建成, 新增, 培育, 每年 …),
a verb of reaching or a comparator. Without one, 注册登记的养老机构4.1万个 states a stock;
a share (护理员持证上岗率100%) is a goal still."""

SHARE_UNITS = frozenset({"%", "‰"})
"""Units of a share: an undated share without a verb (护理员持证上岗率100%) is a goal."""

FORMULA_SIGNS = ("×", "*", "＊")
"""A value after a multiplication sign belongs to a formula (…/…×100%), not a target."""

ESTIMATE = "约"
"""约160万人: an estimate, where no year scopes it."""

DURATIONS = frozenset({"个月", "个工作日"})
"""Units of a duration: a target (审查周期压缩至4个月) or, followed by 内, part of a name."""

ITEM_COUNT_UNITS = frozenset(cue_words("item_count"))
"""Units that count the items of a text (79项重点工作任务, 15项重大专项行动, 30项督查激励
措施): undated, such a count describes how a document is laid out, not a target."""

LIST_COUNT = cue_words("list_count")
"""A count that closes a list of named items (…工程、…工程等3个项目) counts the list, it
sets no figure to reach."""

ACTING_PLACES = re.compile(
    rf"(?:{cue_pattern('place_level')})(?:分别|各自|均|都|{cue_pattern('action')})"
)
"""市级和14个区分别建立…, 在全区20个镇街新增30家…: a count of the places a plan sets to
work names who acts, not a target; 创建20个无障碍社区 counts what is made."""

REACH_WORDS = frozenset(cue_words("reach"))
"""Verbs of reaching (压缩至, 缩短到): an undated duration they end in is a target
(办理时限压缩至5个工作日); any other undated duration is the time limit of a rule."""

PLAIN_REACH = frozenset({"达", "达到"})
RATE_NAME = re.compile(r"每[十百千万]|人均")

RATE_STEP = re.compile(r"每$")
"""The denominator of a rate: 每10万人口…, 每100户…."""

COPULAS = frozenset(cue_words("copula"))
"""为, 在 join a value to its name without committing to it (中心划分为8个功能区)."""


SERVED = re.compile(
    rf"(?P<who>[^，；。：\d]{{1,16}}?)(?:{cue_pattern('service')})(?P<what>[^，；。：\d]{{2,24}})"
)
BENEFICIARY_LEAD = re.compile(rf"(?:{cue_pattern('beneficiary')})(?:{cue_pattern('scope')})?$")


def served(match: re.Match[str], clause: str) -> tuple[str, int] | None:
    """为全区23000名老年人提供居家上门服务, 对300户困难老人家庭进行居家适老化改造,
    为3.1万户特殊困难老年人家庭实施适老化改造: a count of those a service reaches is
    a target named by them and the service (老年人居家上门服务); its verb comes after
    the value. The name and where it ends in the clause, or None."""
    if match["unit"] in SHARE_UNITS or not BENEFICIARY_LEAD.search(clause, 0, match.start("num")):
        return None
    service = SERVED.match(clause, match.end())
    if service is None:
        return None
    return service["who"].removeprefix("的") + service["what"], service.end()


def is_target_value(match: re.Match[str], clause: str, dated: bool) -> bool:
    """Whether a value phrase states a target (`dated`: a year scopes its clause): not
    an age bound (人均预期寿命达到79岁 is a target), a year, a change (较2020年增加1万张),
    a rate's denominator (每10万人口), a policy parameter, a size class (100张床位以上的…,
    超过1万人的…), a formula, a base remark, a floor area, an estimate, an undated
    population size (3岁以下婴幼儿数28.4万人) or an undated count nothing commits to."""
    if match["unit"] == "岁" and match["pre"]:
        return True
    if match["unit"] in ITEM_COUNT_UNITS and not dated:
        return False
    if not match["pre"] and clause[: match.start()].endswith(LIST_COUNT):
        return False  # A、B、C等3个项目 counts the items just named
    if ACTING_PLACES.match(clause, match.end()):
        return False
    if match["unit"] in NON_TARGET_UNITS or YEAR_CUE.match(clause, match.start("num")):
        return False
    if CHANGE_FROM.search(clause, 0, match.start()) and not (
        (dated or match["post"]) and CHANGE_GOAL.search(clause, 0, match.start())
    ):
        return False
    if BASE_VALUE.search(clause, 0, match.start()):
        return False
    if BENCHMARK.search(clause, 0, match.start()):
        return False
    if any(r.start() < match.start() < r.end() for r in BASE_REMARK.finditer(clause)):
        return False
    if match["unit"] in AREA_UNITS and not PER_CAPITA.search(clause, 0, match.start()):
        return False  # 单处用房建筑面积不得少于300平方米 is a construction norm
    if RATE_STEP.search(clause, 0, match.start("num")):
        return False  # the denominator of a rate: 每10万人口…, 每100户…
    if match["unit"] in DURATIONS and not match["pre"] and clause[match.end() :].startswith("内"):
        return False  # a duration inside a name: 6个月内婴儿纯母乳喂养率
    if match["unit"] in DURATIONS and not dated and match["pre"] not in REACH_WORDS:
        return False  # a time limit of a rule: 扣除期限最长240个月, 每年…实训至少1个月
    if not dated and clause[: match.start()].endswith(ESTIMATE):
        return False  # an undated estimate: 约160万人; 到2020年…新增养老床位约5.1万张 is a target
    if clause[: match.start()].rstrip().endswith(FORMULA_SIGNS):
        return False  # a formula: 日间手术台次数/同期出院患者择期手术总台次数×100%
    if PARAMETER.search(_before_list(clause[: match.start()])):
        return False
    if match["unit"] in SHARE_UNITS and SHARE_OF_QUOTA.search(clause, 0, match.start()):
        return False  # 完成年度目标任务的105.3%
    if ONE_OF.match(clause, match.end()):
        return False  # 4项重大工程之一
    if BASE_PHRASE_AFTER.match(clause, match.end()):
        return False  # 在2025年新增89万个普惠托位的基础上，…继续增加15万个
    if PARAMETER_AFTER.match(LISTED_AFTER.sub("", clause[match.end() :])):
        return False
    if (
        match["unit"] not in SHARE_UNITS
        and clause[match.end() : match.end() + 1] == "的"
        and not GOAL_NAMED_AFTER.match(clause, match.end())
    ):
        return False
    if (match["mult"] or "") + match["unit"] == "万人" and not dated:
        return False
    committed = (
        match["post"]
        or (
            match["pre"]
            and match["pre"] not in COPULAS
            and not _stock_reached(match, clause, dated)
        )
        or COMMITMENT.search(clause, 0, match.start())
        or served(match, clause)
    )
    if not (dated or committed or match["unit"] in SHARE_UNITS):
        return False
    return CONDITION.match(clause[match.end() :]) is None


SHARE_OF_QUOTA = re.compile(rf"(?:{cue_pattern('quota')})的$")
"""A share of a task or a goal (完成年度目标任务的105.3%, 超过省定任务的120%) measures
progress against it: the wording of progress reports (a city's employment report template in
a GitHub app; a 保障性住房 progress page template, both 完成年度目标任务的…%), no target."""

ONE_OF = re.compile(rf"[^，；。：\d]{{0,12}}?(?:{cue_pattern('one_of')})")
"""…实施的4項重大工程之一 (民政部 2016 news of the 十三五, tune), “一五”期间156项重点工程之一 (a
company profile): a count that 之一 closes sizes the set the subject is one of; it sets
no figure to reach, dated or not."""


LISTED_VALUES = re.compile(rf"(?:\d+(?:\.\d+)?(?:{UNIT_PATTERN})?[、和及与])+$")
LISTED_AFTER = re.compile(rf"^(?:[、和及与]\d+(?:\.\d+)?(?:{UNIT_PATTERN})?)+")
"""The values listed with a value (上浮50%、100%、200%, 按照40%、30%、30%比例): they
share its words."""


def _before_list(before: str) -> str:
    return LISTED_VALUES.sub("", before)


def _stock_reached(match: re.Match[str], clause: str, dated: bool) -> bool:
    """An undated count that a stock 达/达到 (全国托育服务机构达12.6万家, 国家卫健委 2025
    发布会; 全区托育服务机构达109家, 万州 发展基础): what is reached without a deadline is
    the present, unless a verb of the plan commits to it; an undated share so worded
    (培训率达到100%, 周口) is a goal still, and so is a rate per head (每千人口…托位数
    达到4.5个), which is written like a share."""
    if dated or match["pre"] not in PLAIN_REACH or match["unit"] in SHARE_UNITS:
        return False
    return RATE_NAME.search(clause, 0, match.start()) is None
