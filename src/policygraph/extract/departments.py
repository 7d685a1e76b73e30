"""Unit names and the responsibility lists of Chinese plans.

Patterns handled:
- a trailing list in brackets: （责任单位：A、B、C） / （A、B，各镇乡街道按职责分工负责）,
  also in 〔〕 (四川 川发改〔2022〕: 〔责任单位：省发展改革委、省市场监管局…按职责分工负责〕);
- lists that name the lead: （牵头单位：A；配合单位：B、C） (广州 穗府办〔2006〕19号,
  湖北 鄂政发〔2018〕26号: 牵头单位：…；责任单位：…) / （A牵头，B、C配合） / A（牵头）;
  a role closes its whole clause: （A、B牵头，C按职责分工负责） makes A and B leads
  (咸阳 2022 放管服要点: 市政府办公室、市行政审批制度改革工作领导小组办公室牵头) and
  （A牵头，B、C参加） C a partner like B;
- a collective unit whose level words a 、 separates is one unit: 各区、市政府,
  各县、市、区人民政府;
- a list ends with its sentence: what follows a 。 inside the brackets is a note
  (…按职责分工负责。具体任务均涉及相关市（州）人民政府，不再做分工，下同。);
- lists split on 、 ， and , but never inside nested brackets, so
  各县〔市、区〕政府〔管委会〕 stays one unit;
- lists whose separators were lost in copying (区民政局各镇乡街道) are split where
  one unit name ends and the next begins (`split_run_together`);
- vague tails (…等相关部门) and generic mentions (各级政府, 行业主管部门,
  卫生健康部门: department types, not named units) are not units.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import NamedTuple

from policygraph.cues import cue_pattern, words_with
from policygraph.lexicon import Lexicon, label_key
from policygraph.markers import CN_NUM, ITEM_MARKER
from policygraph.model import DepartmentMention, QuoteMaker

LIST_LABEL = cue_pattern("list_label")
LIST_OPENERS = re.compile(rf"(?P<label>{LIST_LABEL})[：:]?")
"""Labels that open an explicit responsibility list or one part of it, the words of
data/cues.csv kind list_label: （责任单位：…）, （牵头单位：A；配合单位：B、C）, and the
State Council's 若干措施 form （负责部门：商务部、海关总署） (国发〔2018〕38号, tune)."""

LEAD_LABELS = frozenset(words_with("list_label", "lead"))
"""The labels whose units lead: 牵头单位：A, 牵头部门：A."""

OTHER_LABEL = re.compile(r"\s*[^\s：:，,、；;（）()]{2,6}[：:]")
"""A part of a list's bracket that another label opens is no part of the list: the
scope （负责部门：…；适用范围：所有自贸试验区…） of each measure of 国发〔2018〕38号 (tune), the
deadline （责任单位：…；完成时限：2023年底）. A unit's name is never followed by a colon."""

LIST_CLOSERS = re.compile(
    r"等?(按照?职责分工负责|分工负责|分别负责|负责落实|牵头负责|负责|牵头|配合|参与|参加|（牵头）)$"
)
"""Endings of a unit in a bracketed list that give its role: （A、B按职责分工负责）,
（A牵头，B、C配合）, （A牵头，B、C参加）, （责任单位：A（牵头）、B）, and 分别负责, each its
own part (（国务院各部门分别负责…）, 国发〔2020〕6号; …教育行政部门在职责范围内，分别负责…,
国发〔2019〕4号 职业教育改革实施方案, tune). A bare 等 before the role closes the named units
and is no part of the last name: （国家发展改革委、…、国家统计局等按职责分工负责） (国务院 2020
分工 shape, issue 12 brief), 由国家医保局、国家卫生健康委、国家药监局等分工负责 (the 2019
分工 as a news report relays it)."""

DIVISION_OF_WORK = re.compile(r"(按照?职责分工负责|分工负责|分别负责|负责落实)$")
"""Endings that make any bracket a responsibility list; a bracket that ends in a
plainer role (牵头, 配合, 负责) is one only when all its items end like unit names,
so （鼓励社会力量参与） is not."""

LEAD_ROLES = re.compile(r"牵头")
"""The roles that make a listed unit the lead: A牵头 / A（牵头）."""

NEXT_LABEL = rf"(?!(?:{LIST_LABEL})[：:])"
LIST_PARTS = re.compile(rf"(?:{LIST_LABEL})[：:]?(?:{NEXT_LABEL}[^；;])*|(?:{NEXT_LABEL}[^；;])+")
"""The parts of a list: each runs to a ； or to the next label, so a part that only spaces
part from the one before it is a part of its own: （牵头单位:市商务局  责任单位:市编办、
市发改委、市法制办、各区县政府） under each task of 西宁 加快流通业发展实施意见 (2017), beside
湖北 鄂政发〔2018〕26号's （牵头单位：省发展改革委；责任单位：省编办、…）."""
CLAUSE_BREAKS = "，,"
DEADLINE_CLAUSE = rf"[，,；;](?:\d{{4}}年|\d{{1,2}}月|{cue_pattern('list_timing')})[^，,；;。]*"
"""A clause after a list that opens with when the work is due (a year, a month, or a
word of data/cues.csv kind list_timing): （国务院各部门分别负责，年内持续推进） (国发〔2020〕6号),
（…各县市人民政府、湘西经开区管委会，6月底完成） (湘西 州政发〔2020〕5号 放管服 工作计划),
（…各地区、各部门按职责分工负责，2020年底前完成） (国务院 2020 分工 shape): a deadline, no unit."""

CONVENTION_WORDS = "为牵头单位|下同"
"""The words of a note on the document's conventions: 列第一位者为牵头单位，下同."""

LIST_END = re.compile(
    rf"。|(?:[，,；;][^，,；;。]*(?:{CONVENTION_WORDS}|不再)[^，,；;。）)]*|{DEADLINE_CLAUSE})+。?$"
)
"""Where a list's units end: at its sentence end, where a trailing note on the
document's conventions begins (…负责，列第一位者为牵头单位，下同), or where its deadline
clauses begin (DEADLINE_CLAUSE); a list followed by its deadline is still a list. A note
in a bracket of its own after the first unit (县发改局（首位单位为牵头单位，下同）、县财政局, 海盐,
tune) ends no list: the note's clause never runs past a closing bracket."""

COLLECTIVE_HEAD = re.compile(r"^各(区|县|市|州|旗|乡|镇)$")
COLLECTIVE_PART = re.compile(r"^(区|县|市|州|旗|乡|镇)(（[区县市、]{1,5}）)?((人民)?政府)?$")
"""A collective unit split by 、: 各区、市政府 (districts and county-level cities),
各县、市、区人民政府: a head 各X, then level words, the last one naming the government. A
level word may carry the levels it stands for in brackets, the county-level spellings of
data/cues.csv (县（区）, 县（市、区）): 各市、县（区）人民政府 is one unit (the form of the 主送机关
of a municipal notice; split into a unit 各市 in a heldout text, issue 12)."""

UNIT_LAST = "局委办厅部署会院所心行府道处乡镇区司队门位"
"""The last characters of unit names (民政局, 卫生健康委, 街道, 管委会 …)."""

NEXT_ITEM = rf"(?<=[{UNIT_LAST}])(?:{ITEM_MARKER}|[{CN_NUM}]{{1,3}}、)(?![\d%])"
UNBRACKETED_LIST = re.compile(rf"(?:{LIST_LABEL})[：:](?:(?!{NEXT_ITEM})[^。\n])+")
"""A labelled list written without brackets, to the end of its sentence or line:
责任单位：区民政局、区财政局 / 牵头单位：州民政局；配合单位：州财政局。, or to the next
numbered item where a copy ran the items together on one line (海盐 盐政办发〔2022〕16号,
tune: …责任单位:县发改局、县财政局、县税务局、县农业农村局 2.落实… 责任单位:县财政局 二、曹惠明
常务副县长牵头重点工作 1.坚持…, the space normalising drops): a unit's name ends before an
item number (2. / 二、 / （三）) that follows it."""

CONVENTION_NOTE = re.compile(rf"[（(][^（）()]*(?:{CONVENTION_WORDS})[^（）()]*[）)]$")
"""A note on the document's conventions in a bracket after a unit is no part of its
name: 责任单位:县发改局(首位单位为牵头单位,下同)、县财政局 (海盐 盐政办发〔2022〕16号, tune),
责任单位:市发改委、市财政局(第一责任单位为牵头单位,下同) (厦门 厦府办〔2019〕10号)."""

VAGUE_TAIL = r"等[^、，,]{0,8}(?:部门|单位|机构)"
UNIT_TAILS = re.compile(rf"({VAGUE_TAIL}|相关部门)$")
"""Vague tails dropped from the last unit of a list: …区卫生健康委等相关部门,
…海关总署等国务院相关部门, …中央网信办等相关单位 (国办 分工方案)."""

CONJUNCTION = re.compile(
    rf"等?(?:以及|及)|(?:(?<=[{UNIT_LAST}])|等)和(?=[各区市县省州])|(?<=[{UNIT_LAST}])会同"
)
"""A conjunction between two units of one item: 人力资源社会保障部及各地区,
海关总署等国务院相关部门及各地区 (国办 2020 放管服 分工方案); 和 only between a
finished unit name and one that opens with its level (天津 深化养老改革实施意见:
市住房城乡建设委和各区人民政府), since unit names hold 和 (工业和信息化部,
自然资源和规划局, 发展和改革委员会). A list's named units may close with 等 before
the collective one (国办 消费扶贫指导意见: （扶贫办、商务部等和各有关省级人民政府负责）),
and a unit may convene the others (国办 督查激励通知: （国家发展改革委、财政部会同有关部门负责）,
国办 幼儿园治理通知: 由教育部会同住房城乡建设部…)."""

OFFICE_OF = re.compile(r"(国务院|政府)$")
"""A government whose office follows it is one unit: 国务院扶贫办, 国务院职能转变协调办,
市政府办公室; a run-together list splits after a government only where the next
name opens with its own level (市政府区民政局)."""

GENERIC_UNITS = re.compile(
    r"^(各有关|有关|相关|其他|其它|属地|本级|同级|上级|下级)|(两级|三级|各级)|"
    r"(相关|有关|其他|其它)[^，、]{0,4}$|(部门|单位|机构|方面)$|^(各部门|政府)$|"
    r"^[省市县区州旗乡镇](级|直)各?$|^[省市县区州旗乡镇]级(以上|以下)?(地方)?(人民)?政府$"
)
"""Mentions of a kind of body rather than a named unit: 各级政府, 市县两级政府,
属地政府, 各部门, 相关部门, 行业主管部门, 发展改革部门, 新区其他相关单位, and a level
left when a list's vague tail is cut off: 区级 of （区政务服务局牵头，区发改局、区住建局、
区级相关部门配合） (昆明 官渡区 稳增长政策措施 2016, every item), 县级各 of 县级各相关部门.
A level of government without 各 names the level, not a unit: 省级人民政府要分类制定…装备
配备标准 (国办发〔2018〕118号 行政执法三项制度, tune), 省级人民政府要将养老托育纳入… (国办发
〔2020〕52号 as a traditional-character copy prints it, tune), 县级以上人民政府; 各省级人民政府
is a collective unit (COLLECTIVE_UNITS)."""

COLLECTIVE_UNITS = re.compile(
    r"^(地方各级(人民)?政府|各地区|各地|各(有关)?[省市县区]级(人民)?政府|国务院各(有关)?部门)$"
)
"""Collective units a national document assigns tasks to, one unit each although they
name a kind: 地方各级人民政府 (国办 幼儿园治理通知: 地方各级人民政府要…; 国务院分工方案:
…按职责分工负责，地方各级人民政府), 各地区 (国办 2020 放管服 分工方案: …及各地区按职责分工负责),
各（有关）省级人民政府 (国办 消费扶贫指导意见: …等和各有关省级人民政府负责), and the State
Council's departments as one body (国发〔2020〕6号: （国务院各部门分别负责，年内持续推进）;
国办发〔2018〕126号 推广支持创新改革举措: 国务院各有关部门要结合工作职能…, both tune)."""

UNIT_ENDINGS = re.compile(
    r"(局|委|办|厅|部|署|会|院|所|中心|银行|支行|分行|政府|街道|办事处|乡|镇|新区|集团|公司|队|联|协|总社|团中央|"
    r"开发区|经开区|高新区|园区)$"
)
"""How Chinese unit names end: 民政局, 卫生健康委, 政务服务办, 人行…中心支行,
万州银保监分局, 人民银行, the people's bodies (全国工商联, 区残联, 市科协, 供销合作总社,
共青团中央; 科协 as a unit: 嘉兴 2024 责任分解 (tune) 市科技局、市财政局、市科协,
国科发政〔2016〕101号 issued by 科技部、中央宣传部、中国科协; the ending 协 is
data/department_bodies.csv's too),
各县〔市、区〕政府〔管委会〕 (brackets aside), 恒合土家族乡, 附属三峡医院,
and the zones run like a government (经开区, 高新区: 常州 钟楼区 民生实事分解表)."""

ZONE_COMMITTEE = re.compile(r"^(管委会|管理委员会)$")
"""The administrative committee of a zone, one unit with the zone it follows: a
run-together list never splits 湘西经开区管委会 (湘西 州政发〔2020〕5号) or 周口临港开发区管委会
(周口 plan, addressees) into a zone and a bare 管委会."""

PLACE_ENDINGS = re.compile(r"(乡|镇|街道|新区)$")
"""Unit names that are places (恒合土家族乡, 渝东新区): a run-together list splits
after them only where the next name opens with a jurisdiction (区科技局)."""

NATIONAL = re.compile(r"^(国家|国务院)(?=..)")
"""The level of a national body, before its function's name: 国家医保局, 国家药监局,
国家卫生健康委 (国办发〔2019〕2号), 国务院扶贫办."""

VERTICAL_BODY = re.compile(rf"(?:{cue_pattern('vertical_body')})")
"""A vertically managed national body (vertical_body words of data/cues.csv) whose local
units print its name before their place, one unit: 国家税务总局XX市税务局, 人民银行济南分行
(鲁政办 2010 转发 高校毕业生就业 意见, tune), 国家金融监督管理总局常州监管分局 (常州 2023
健康老龄化三年行动实施方案, tune). A run-together list never splits one after the body."""

JURISDICTION_OPENERS = "区市县省州各"
"""First characters of a unit name that names its level: 区科技局, 市民政局, 各镇乡街道."""

SEPARATORS = "、，,"
OPEN, CLOSE = "（〔［【(", "）〕］】)"
LIST_OPEN, LIST_CLOSE = "（〔", "）〕"
"""The brackets a responsibility list is written in: （…） and 〔…〕."""
LIST_BRACKETS = re.compile(f"[{LIST_OPEN}{LIST_CLOSE}]")
TRAILING_BRACKETS = re.compile(r"([〔（][^〔〕（）]*[〕）])+$")
MAX_LABEL = 16
MAX_UNIT = 24


UnitLabels = tuple[frozenset[str], frozenset[str]]
"""The lexicon's (department labels, place labels), see `Lexicon.unit_labels`."""


class ListSpan(NamedTuple):
    """A responsibility list in a text: its whole span and where its inner text starts;
    `labelled` for a list written without brackets after its label (责任单位：…)."""

    start: int
    end: int
    inner_start: int
    inner: str
    labelled: bool = False


@lru_cache(maxsize=4096)
def responsibility_lists(text: str) -> tuple[ListSpan, ...]:
    """Responsibility lists in `text`, in text order: bracketed ones, and labelled ones
    written without brackets (a line or sentence 责任单位：A、B). Computed once per text:
    a paragraph's lists are asked for by every extractor that reads the paragraph."""
    found: list[ListSpan] = []
    depth, start = 0, -1
    for bracket in LIST_BRACKETS.finditer(text):
        index = bracket.start()
        if bracket.group() in LIST_OPEN:
            if depth == 0:
                start = index
            depth += 1
        elif depth:
            depth -= 1
            if depth == 0:
                inner = text[start + 1 : index]
                if _is_list(inner):
                    found.append(ListSpan(start, index + 1, start + 1, inner))
    unbracketed = list(UNBRACKETED_LIST.finditer(text))
    depths = _depths_before(text, [match.start() for match in unbracketed])
    for match, depth in zip(unbracketed, depths, strict=True):
        if depth == 0:
            found.append(
                ListSpan(match.start(), match.end(), match.start(), match.group(), labelled=True)
            )
    return tuple(sorted(found))


def _depths_before(text: str, offsets: list[int]) -> list[int]:
    """The bracket depth of `text` before each of `offsets` (increasing), counted in
    one pass: a text with thousands of lists is read once, not once per list."""
    depths: list[int] = []
    depth, index = 0, 0
    for at in offsets:
        depth += _depth(text[index:at])
        index = at
        depths.append(depth)
    return depths


def _is_list(inner: str) -> bool:
    end = LIST_END.search(inner)
    inner = inner[: end.start()] if end else inner
    if LIST_OPENERS.match(inner) or DIVISION_OF_WORK.search(inner):
        return True
    if not LIST_CLOSERS.search(inner):
        return False
    items = [
        inner[s:e]
        for part in LIST_PARTS.finditer(inner)
        for s, e in _join_collective(inner, split_list(inner, *part.span()))
    ]
    names = [
        UNIT_TAILS.sub("", TRAILING_BRACKETS.sub("", LIST_CLOSERS.sub("", piece)))
        for item in items
        for s, e in split_conjunction(item, 0, len(item))
        if not is_generic(piece := LIST_CLOSERS.sub("", item[s:e]))
    ]
    return bool(names) and all(UNIT_ENDINGS.search(name) for name in names)


def split_roles(
    inner: str, lexicon: Lexicon | None = None, unnamed_lead: str | None = None
) -> list[tuple[int, int, str, bool]]:
    """The units of a list's inner text with their offsets and whether each leads;
    brackets are kept intact, and with a lexicon, names run together by a lost
    separator are split apart. A list that names no lead follows the document's
    convention `unnamed_lead`: "first" (列第一位者为牵头单位) makes its first unit
    the lead, "all" (无牵头单位的，责任单位即为牵头单位) every unit."""
    return list(_split_roles(inner, lexicon.unit_labels if lexicon else None, unnamed_lead))


@lru_cache(maxsize=4096)
def _split_roles(
    inner: str, labels: UnitLabels | None, unnamed_lead: str | None
) -> tuple[tuple[int, int, str, bool], ...]:
    """`split_roles` over the lexicon's unit labels, computed once per list: the same
    list is read by the extractors of its paragraph, its section and its plan."""
    units: list[tuple[int, int, str, bool]] = []
    end = LIST_END.search(inner)
    inner_end = end.start() if end else len(inner)
    for part in LIST_PARTS.finditer(inner, 0, inner_end):
        label = LIST_OPENERS.match(inner, part.start())
        if label is None and OTHER_LABEL.match(inner, part.start()):
            continue
        start = label.end() if label else part.start()
        leads = bool(label and label["label"] in LEAD_LABELS)
        for item_start, item_end, clause_lead in _role_items(inner, start, part.end()):
            item = inner[item_start:item_end]
            role = LIST_CLOSERS.search(item)
            item = item[: role.start()] if role else item
            lead = leads or clause_lead or bool(role and LEAD_ROLES.search(role.group()))
            name = UNIT_TAILS.sub("", CONVENTION_NOTE.sub("", item.removeprefix("由")))
            at = item_start + (1 if item.startswith("由") else 0)
            pieces = _run_together(name, labels) if labels else [(0, len(name))]
            units.extend(
                (at + s, at + e, name[s:e], lead)
                for s, e in pieces
                if len(name[s:e]) >= 2 and not is_generic(name[s:e])
            )
    if unnamed_lead and not any(lead for *_, lead in units):
        count = 1 if unnamed_lead == "first" else len(units)
        units[:count] = [(*unit[:3], True) for unit in units[:count]]
    return tuple(units)


def _role_items(inner: str, start: int, end: int) -> list[tuple[int, int, bool]]:
    """The items of one part of a list, collective units joined, each with whether
    the role that closes its clause (the items up to a ，) makes it a lead; a unit's
    own marker A（牵头） is its alone."""
    items = [
        piece
        for s, e in _join_collective(inner, split_list(inner, start, end))
        for piece in split_conjunction(inner, s, e)
    ]
    marked: list[tuple[int, int, bool]] = []
    clause: list[tuple[int, int]] = []
    for index, (s, e) in enumerate(items):
        clause.append((s, e))
        following = items[index + 1][0] if index + 1 < len(items) else end
        if index + 1 == len(items) or any(c in CLAUSE_BREAKS for c in inner[e:following]):
            role = LIST_CLOSERS.search(inner[s:e])
            lead = bool(role and LEAD_ROLES.search(role.group()) and role.group() != "（牵头）")
            marked.extend((cs, ce, lead) for cs, ce in clause)
            clause = []
    return marked


def split_conjunction(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """An item split where 及 joins two units outside brackets (A及各地区)."""
    pieces, at = [], start
    for match in CONJUNCTION.finditer(text, start, end):
        if not _depth(text[start : match.start()]) and match.start() > at:
            pieces.append((at, match.start()))
            at = match.end()
    return [*pieces, (at, end)] if at < end else pieces


def _join_collective(text: str, items: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Items with a collective unit (各区、市政府) joined back into one."""
    joined: list[tuple[int, int]] = []
    for s, e in items:
        part = LIST_CLOSERS.sub("", text[s:e])
        if joined and COLLECTIVE_PART.match(part) and _collective_open(text, joined[-1]):
            joined[-1] = (joined[-1][0], e)
        else:
            joined.append((s, e))
    return joined


def _collective_open(text: str, item: tuple[int, int]) -> bool:
    """Whether an item is the head of a collective unit still open (各区 / 各县、市)."""
    s, e = item
    words = re.split("[、，,]", text[s:e])
    return bool(COLLECTIVE_HEAD.match(words[0])) and all(
        COLLECTIVE_PART.match(w) and not w.endswith("政府") for w in words[1:]
    )


def split_units(inner: str, lexicon: Lexicon | None = None) -> list[tuple[int, int, str]]:
    """The unit names of a list's inner text with their offsets (see `split_roles`)."""
    return [(s, e, name) for s, e, name, _ in split_roles(inner, lexicon)]


def split_list(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Spans of the items of `text[start:end]` separated by 、 ， or , outside brackets,
    without surrounding spaces."""
    items: list[tuple[int, int]] = []
    depth, part_start = 0, start
    for index in range(start, end + 1):
        char = text[index] if index < end else "、"
        if char in OPEN:
            depth += 1
        elif char in CLOSE:
            depth = max(0, depth - 1)
        elif char in SEPARATORS and depth == 0:
            part = text[part_start:index]
            stripped = part.strip()
            if stripped:
                at = part_start + part.find(stripped)
                items.append((at, at + len(stripped)))
            part_start = index + 1
    return items


def is_collective(name: str) -> bool:
    """Whether a mention is a collective unit of a national document (各地区, 地方各级人民政府):
    one unit wherever it stands, in a bracket or in a table's unit cell."""
    return bool(COLLECTIVE_UNITS.match(name))


def written_as_unit(name: str) -> bool:
    """Whether a name ends as a unit's name does (UNIT_ENDINGS, a bracket after the name
    aside) or is a collective unit: the test a task table's unit cell puts to its names."""
    return bool(UNIT_ENDINGS.search(TRAILING_BRACKETS.sub("", name))) or is_collective(name)


MAX_CUT_NAME = 3
"""Characters of a unit's name a cut copy may leave: its level and one or two more."""


def is_cut_name(name: str, lexicon: Lexicon | None) -> bool:
    """Whether a name is the start of a unit's name that the copy cut off: its level
    (县, 市, 区) and one or two characters that end no unit and name no known one. A list
    without brackets has no closing bracket to show the cut: 长兴县 2023 政府工作报告重点
    工作责任分解 (tune) ends its copy in `责任单位:县财`; 嘉兴 2024 责任分解 (tune) ends in the
    unit cell `市科技局、市经`, whose 市经 the table's own test drops (written_as_unit)."""
    return (
        len(name) <= MAX_CUT_NAME
        and name[0] in JURISDICTION_OPENERS
        and not written_as_unit(name)
        and not (lexicon is not None and is_named_unit(name, lexicon))
    )


def is_generic(name: str) -> bool:
    """Whether a mention names a kind of body (相关部门, 各级政府), not one unit."""
    return not is_collective(name) and bool(GENERIC_UNITS.search(name))


def is_named_unit(name: str, lexicon: Lexicon) -> bool:
    """Whether free text names one unit: a known department name (区民政局,
    发展改革和商务局, and a State Council body whose own name holds 国务院: 国务院办公厅要适时
    开展督促检查, 国办发〔2018〕127号; 国务院办公厅将会同有关方面统筹组织…, 国办 督查激励通知,
    both tune), or a name that opens with its level or region and ends like a unit
    (各街道办事处, 市城市管理局). Prose such as 鼓励养老机构与医院 is not one."""
    if not 2 <= len(name) <= MAX_UNIT or is_generic(name):
        return False
    if _known(name, lexicon):
        return True
    _, places = lexicon.unit_labels
    opens = name[0] in JURISDICTION_OPENERS or any(
        name[:n] in places for n in range(2, min(len(name), MAX_LABEL) + 1)
    )
    return opens and bool(UNIT_ENDINGS.search(TRAILING_BRACKETS.sub("", name)))


def is_known_unit(name: str, lexicon: Lexicon) -> bool:
    """Whether free text names a unit the lexicon knows (a department, a State Council
    body, in its national or local form) or a collective unit; a name that only opens
    with a level and ends like a unit (`is_named_unit`) is not enough: 各分管市领导按照市委
    (恩平 2024 督查通报, tune) opens with 各 and ends in 委."""
    return 2 <= len(name) <= MAX_UNIT and not is_generic(name) and _known(name, lexicon)


def _known(name: str, lexicon: Lexicon) -> bool:
    if COLLECTIVE_UNITS.match(name):
        return True
    whole = label_key(name)
    if whole in lexicon.functions:
        return True
    key = NATIONAL.sub("", whole)
    return key in lexicon.functions or lexicon.strip_jurisdiction(key) in lexicon.functions


def split_run_together(name: str, lexicon: Lexicon) -> list[tuple[int, int]]:
    """Spans of the unit names in `name` when a list lost its separators:
    区民政局各镇乡街道 → 区民政局 | 各镇乡街道; 渝东新区区科技局 → 渝东新区 | 区科技局.
    A name splits where a known department name or a place name ends and a new
    name begins, never inside a known name (发展改革委员会, 万州区)."""
    return _run_together(name, lexicon.unit_labels)


def _run_together(name: str, labels: UnitLabels) -> list[tuple[int, int]]:
    for cut in range(2, len(name) - 1):
        if _boundary(name, cut, labels):
            rest = _run_together(name[cut:], labels)
            return [(0, cut), *((cut + s, cut + e) for s, e in rest)]
    return [(0, len(name))]


def _boundary(name: str, cut: int, labels: UnitLabels) -> bool:
    head, tail = name[:cut], name[cut:]
    if _depth(head) or _inside_label(name, cut, labels) or not UNIT_ENDINGS.search(tail):
        return False
    if ZONE_COMMITTEE.match(tail) or VERTICAL_BODY.fullmatch(head):
        return False
    departments, places = labels
    opens = tail[0] in JURISDICTION_OPENERS or any(
        tail[:n] in places for n in range(2, min(len(tail), MAX_LABEL) + 1)
    )
    if OFFICE_OF.search(head) and not opens:
        return False
    if any(UNIT_ENDINGS.search(label) for label in _endings(head, departments)):
        return True
    place = PLACE_ENDINGS.search(head) or _endings(head, places)
    return bool(place) and opens


def _endings(head: str, labels: frozenset[str]) -> list[str]:
    return [head[-n:] for n in range(2, min(len(head), MAX_LABEL) + 1) if head[-n:] in labels]


def _inside_label(name: str, cut: int, labels: UnitLabels) -> bool:
    """Whether a known department or place name runs across position `cut`."""
    departments, places = labels
    for start in range(max(0, cut - MAX_LABEL), cut):
        for stop in range(cut + 1, min(len(name), start + MAX_LABEL) + 1):
            if name[start:stop] in departments or name[start:stop] in places:
                return True
    return False


def _depth(text: str) -> int:
    return sum(map(text.count, OPEN)) - sum(map(text.count, CLOSE))


def mentions_in_lists(
    text: str,
    base: int,
    quote: QuoteMaker,
    lexicon: Lexicon | None = None,
    leads: bool = False,
    unnamed_lead: str | None = None,
) -> tuple[DepartmentMention, ...]:
    """Every unit named in the responsibility lists of `text` (offsets from `base`);
    with `leads`, only those the lists make the lead (牵头单位：…, A牵头, or as the
    document's convention `unnamed_lead` says, see `split_roles`)."""
    mentions: list[DepartmentMention] = []
    for found in responsibility_lists(text):
        for s, e, name, lead in split_roles(found.inner, lexicon, unnamed_lead):
            if found.labelled and is_cut_name(name, lexicon):
                continue
            if lead or not leads:
                at = base + found.inner_start
                mentions.append(DepartmentMention(name, quote(at + s, at + e)))
    return unique_mentions(mentions)


def unique_mentions(mentions: list[DepartmentMention]) -> tuple[DepartmentMention, ...]:
    """Mentions with each name once, in order of first appearance."""
    seen: set[str] = set()
    unique = []
    for mention in mentions:
        if mention.name not in seen:
            seen.add(mention.name)
            unique.append(mention)
    return tuple(unique)
