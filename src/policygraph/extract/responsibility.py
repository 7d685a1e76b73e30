"""Responsibility stated in prose rather than in a bracketed list.

Patterns handled (only named units count: a department type such as
发展改革、民政、卫生健康部门 or 行业主管部门 is not a unit):
- A牵头 / A牵头负责… / 由A牵头…: A leads;
- A会同B、C…: A leads and B, C share the work. The first unit of 会同 is taken as
  the lead because 会同 names the body that convenes the others; a 会同 without
  its own subject (A负责…，会同B推进…) takes the subject of its sentence; a 会同 of
  no named unit (A应当会同有关部门…) still makes A the lead;
- A负责… / A配合…: A is responsible;
- 请A、B…: a request of the issuing government to named units gives them the work
  (REQUEST); 请 before no unit (请认真贯彻执行) asks the reader and assigns nothing;
- A要… / A应当… where A is a government or one of its departments (福州 敬老院十条措施:
  各县（区）人民政府要…; 国办 幼儿园治理通知: 地方各级人民政府要…): A owes it; an
  institution that must do something (县级医院要…) is not thereby a unit, and A要求…
  (A requires) assigns nothing;
- a duty stated outside every measure (a news report of a division of labour, an
  opinion written in running prose) is an `Assignment` of the plan (find_assignments);
- A牵头负责一老工作 / “一小”工作 (万州, 西咸: 基层工作部牵头负责“一老”工作,
  临夏: 州民政局牵头负责…): A leads that domain of the whole plan; the words of a
  domain are the labels of its concept in ontology/policygraph.ttl (一老, 养老 …).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache

from policygraph.cues import cue_pattern
from policygraph.extract.conventions import lead_convention
from policygraph.extract.departments import (
    MAX_UNIT,
    UNIT_ENDINGS,
    VAGUE_TAIL,
    is_generic,
    is_known_unit,
    is_named_unit,
    mentions_in_lists,
    responsibility_lists,
    split_conjunction,
    split_list,
    unique_mentions,
)
from policygraph.lexicon import Lexicon
from policygraph.model import Assignment, DepartmentMention, DomainLead, QuoteMaker
from policygraph.scanning import first_match

STATEMENT_VERB = re.compile(
    r"(?:要|应当|应|将)?(牵头|会同|配合|负责(?!同志|人)|落实|承担)|(要|应当|必须)(?!求)|(设在)"
)
"""The verbs that assign a task in prose: 牵头, 会同, 配合, 负责, 落实, 承担 (with a
modal 要/应/将), and a modal alone after a government (各县（区）人民政府要…). 落实 and
承担 count only after named units, as 负责 does (广州 天河区 居家社区养老服务管理办法:
区人力资源社会保障局按规定落实…补贴政策; 国办发〔2019〕2号: 国家医保局承担制定试点方案…的职责,
由上海市医药集中招标采购事务管理所承担联合采购办公室日常工作). 负责 of 负责同志 / 负责人
names an official, not the verb (国办 幼儿园治理通知: 成员由教育部、…、自然资源部等部门负责同志
组成; 国发 个税专项附加扣除: 部门或者单位的主要负责人; 万州: 党政主要负责同志挂帅).
An office seated in units makes them responsible for its work (OFFICE_SEAT)."""

UnitTest = Callable[[str, Lexicon], bool]
"""Whether a mention names a unit: `is_named_unit`, or the stricter `is_known_unit`."""

SENTENCE = re.compile(r"[^。；！？\n]+")
CLAUSE = re.compile(r"[^，,：]+")
CLAUSE_OPENING = " ，,：:、"
"""What a sentence's quote does not open with: the commas left of a clause cut off before it."""

OFFICE_SEAT = re.compile(r"(办公室|秘书处|办事机构)$")
"""The bodies whose seat (…设在A、B) names the units that run them: 试点工作小组办公室设在
国家医保局 (国办发〔2019〕2号), 治理工作联合办公室设在教育部、住房城乡建设部 (国办发〔2019〕3号
幼儿园治理通知)."""

GOVERNMENT = re.compile(r"(政府|局|委|办|厅|部|委员会|管委会|街道|办事处|地区)$")
"""Subjects an obligation (A要…) makes responsible: governments and their departments."""

REQUEST_WORDS = cue_pattern("request")
REQUEST = re.compile(rf"^[ 、]*(?:并|同时)?(?:{REQUEST_WORDS})")
"""A clause that opens with a request (data/cues.csv kind request: 请) of the government
that issues the text; the named units after it are given the clause's work, however it
goes on: 请科技部、工业和信息化部、农业农村部、卫生健康委等部门在2019年2月底前完成,
请财政部在相关项目经费使用管理规定中明确… (国办发〔2018〕127号, tune), 如确有困难，请中国
人民银行积极给予支持 (国办函〔1996〕16号 on gold production), 请中国气象局按照…与有关部门和
地方政府协商办理 (国办函〔1996〕14号). A request to the reader (请认真贯彻执行, 请径向区民政局
反映) names no unit right after 请 and assigns nothing; nor does one to officials
(请各分管市领导按照市委、市政府工作要求…, 恩平 2024 督查通报, tune): the units asked must be
ones the lexicon knows (`is_known_unit`)."""

REQUEST_WORDS_ANYWHERE = re.compile(REQUEST_WORDS)

SUBJECT_START = re.compile(rf"^.*由|^[、 ]*(并|同时|另外|其中)?[、 ]*(?:{REQUEST_WORDS})?")
"""Words before the unit in a subject: 建立由区民政局牵头… / 并由… / 请A会同…; the unit
follows them."""

SUBJECT_END = re.compile(rf"(?:{VAGUE_TAIL}|等)?(?:按照?职责|按照?规定|分工|共同|分别|具体|主要)*$")
"""Words between the units and the verb: 区民政局、区财政局按职责分工负责; a 等 (等部门)
closing the named units: 由国家医保局、国家卫生健康委、国家药监局等分工负责, 主要由国家卫生健康委、
国家医保局等部门牵头负责 (the 2019 分工 of the 政府工作报告's work as a news report relays it),
国家统计局等按职责分工负责 (国务院 2020 分工 shape, issue 12 brief). 按职责分工 is read as
按职责 + 分工: no two alternatives match the same words, so a failing repeat backtracks in
linear, not exponential, time."""

DOMAIN_WORK = r"(?:负责)?[“\"]?(?P<label>{labels})(?:服务)?[”\"]?工作"
"""The domain a 牵头 statement gives a unit: 牵头负责一老工作 / 牵头负责“一小”工作,
with the domain's labels filled in."""


@dataclass(frozen=True)
class Statements:
    """What the prose of a text assigns: leads, all units named, and domain leads."""

    lead: tuple[DepartmentMention, ...] = ()
    responsible: tuple[DepartmentMention, ...] = ()
    domain_leads: tuple[DomainLead, ...] = ()


def find_statements(text: str, base: int, quote: QuoteMaker, lexicon: Lexicon) -> Statements:
    """The units that the 牵头/会同/负责/配合 statements of `text` name (offsets from
    `base`); text inside bracketed responsibility lists is left to those lists."""
    masked = _mask_lists(text)
    lead: list[DepartmentMention] = []
    responsible: list[DepartmentMention] = []
    domains: list[DomainLead] = []
    domain_work = _domain_work(lexicon)
    for sentence in SENTENCE.finditer(masked):
        if not _may_assign(sentence.group()):
            continue  # no clause of it has a verb: most sentences (issue 16, build CPU)
        subject: list[DepartmentMention] = []
        for clause in CLAUSE.finditer(sentence.group()):
            at = sentence.start() + clause.start()
            words = clause.group()
            after = 0
            request = REQUEST.match(words)
            if request is not None:  # 请A、B…: the units asked do the clause's work
                asked = _objects(
                    words[request.end() :], base + at + request.end(), quote, lexicon, is_known_unit
                )
                responsible.extend(asked)
                subject = asked or subject
            for verb in STATEMENT_VERB.finditer(words):
                if verb.group(3) is not None:  # an office seated in units: 办公室设在A、B
                    if OFFICE_SEAT.search(words[: verb.start()]):
                        seat = words[verb.end() :]
                        responsible.extend(_objects(seat, base + at + verb.end(), quote, lexicon))
                    continue
                own = _subject(words, after, verb.start(), base + at, quote, lexicon)
                after = verb.end()
                if verb.group(1) is None:  # an obligation: A要…
                    responsible.extend(u for u in own if GOVERNMENT.search(u.name))
                    continue
                subject = own or subject
                if verb.group(1) == "会同":
                    partners = _objects(words[after:], base + at + after, quote, lexicon)
                    if subject:  # 会同有关部门: the subject still leads its task
                        lead.extend(subject)
                        responsible.extend([*subject, *partners])
                    continue
                responsible.extend(own)
                if verb.group(1) == "牵头" and own:
                    lead.extend(own)
                    domain = domain_work.match(masked, at + after)
                    if domain is not None:
                        opens = at + len(words) - len(words.lstrip())
                        said = quote(base + opens, base + domain.end())
                        key = lexicon.domains[domain["label"]]
                        domains.extend(DomainLead(key, unit, said) for unit in own)
    return Statements(unique_mentions(lead), unique_mentions(responsible), tuple(domains))


def find_assignments(
    text: str, measures: list[tuple[int, int]], quote: QuoteMaker, lexicon: Lexicon
) -> tuple[Assignment, ...]:
    """The duties `text` assigns outside the `measures` (spans, ascending), in text order:
    one `Assignment` per responsibility list (（X牵头，Y按职责分工负责）) and per sentence
    whose statements name a unit. A text written in running prose assigns its work there,
    with no numbered item to hold it (the 2019 分工 of the 政府工作报告 as a news report
    relays it: 由国家医保局、国家卫生健康委、国家药监局等分工负责, tune; 杭州 2022 民生实事
    通报: 由杭州市卫健委牵头的…项目, tune). A list that names no lead follows the
    document's lead convention as a measure's list does (海盐 盐政办发〔2022〕16号, tune: its
    items run together on one line, so their lists are the plan's, and
    (首位单位为牵头单位,下同) makes each list's first unit its lead). A sentence that says who
    drafted the text (DRAFTED: 起草了《…》) names its authors, not a duty."""
    outside = _outside(text, measures)
    convention = lead_convention(text)
    found: list[Assignment] = []
    for listed in responsibility_lists(outside):
        words = outside[listed.start : listed.end]
        units = mentions_in_lists(words, listed.start, quote, lexicon)
        if units:
            leads = mentions_in_lists(
                words, listed.start, quote, lexicon, leads=True, unnamed_lead=convention
            )
            found.append(Assignment(quote(listed.start, listed.end), units, leads))
    for sentence in SENTENCE.finditer(_mask_lists(outside)):
        words = sentence.group()
        if not _may_assign(words) or _drafted().search(words):
            continue
        said = find_statements(words, sentence.start(), quote, lexicon)
        if said.responsible:
            opens = sentence.start() + len(words) - len(words.lstrip(CLAUSE_OPENING))
            said_at = quote(opens, sentence.start() + len(words.rstrip()))
            found.append(Assignment(said_at, said.responsible, said.lead))
    return tuple(sorted(found, key=lambda assignment: assignment.quote.start))


def _may_assign(words: str) -> bool:
    """Whether some clause of `words` may assign a duty: it holds a statement verb or a
    request word; most sentences hold neither and are not cut into clauses."""
    return (
        first_match(STATEMENT_VERB, words) is not None
        or REQUEST_WORDS_ANYWHERE.search(words) is not None
    )


@cache
def _drafted() -> re.Pattern[str]:
    """DRAFTED: the words of a drafting done (起草了, 草拟了) before the title they drafted."""
    return re.compile(rf"(?:{cue_pattern('drafted')})《")


def _outside(text: str, spans: list[tuple[int, int]]) -> str:
    """`text` with the `spans` blanked out by line breaks (offsets kept, and no sentence
    runs across a blanked span)."""
    parts, at = [], 0
    for start, end in spans:
        start = max(at, start)
        if start < end:
            parts.extend([text[at:start], "\n" * (end - start)])
            at = end
    parts.append(text[at:])
    return "".join(parts)


def find_domain_leads(text: str, quote: QuoteMaker, lexicon: Lexicon) -> tuple[DomainLead, ...]:
    """The plan-wide divisions of labour the statements of a text make (区民政局牵头负责一老
    工作); a text that names no domain's 工作 makes none, and its statements are not read
    (issue 16, build CPU)."""
    if _domain_pattern(tuple(lexicon.domains), from_label=True).search(text) is None:
        return ()
    return find_statements(text, 0, quote, lexicon).domain_leads


def _domain_work(lexicon: Lexicon) -> re.Pattern[str]:
    return _domain_pattern(tuple(lexicon.domains))


@cache
def _domain_pattern(domains: tuple[str, ...], from_label: bool = False) -> re.Pattern[str]:
    """DOMAIN_WORK over the domain labels, longest first, built once per lexicon; with
    `from_label`, only from the label on: it matches where DOMAIN_WORK does (the words
    before the label are optional) and opens with the labels, so a scan of a whole text
    looks for them only, not for the optional words at every character."""
    labels = sorted(domains, key=len, reverse=True)
    pattern = DOMAIN_WORK[DOMAIN_WORK.index("(?P<label>") :] if from_label else DOMAIN_WORK
    return re.compile(pattern.format(labels="|".join(map(re.escape, labels))))


def domains_named(text: str, lexicon: Lexicon) -> tuple[str, ...]:
    """The keys of the policy domains whose words a text uses (健全养老托育服务规划体系 →
    elderly care and childcare; 强化用地保障 → none)."""
    return tuple(sorted({key for label, key in lexicon.domains.items() if label in text}))


def _mask_lists(text: str) -> str:
    """`text` with its responsibility lists blanked out, built in one pass."""
    parts, at = [], 0
    for found in responsibility_lists(text):
        start = max(at, found.start)
        parts.extend([text[at:start], " " * (found.end - start)])
        at = max(at, found.end)
    parts.append(text[at:])
    return "".join(parts)


def _subject(
    clause: str, start: int, end: int, base: int, quote: QuoteMaker, lexicon: Lexicon
) -> list[DepartmentMention]:
    """The named units of `clause[start:end]`, the words before a verb, or none if any
    part of them is not a named unit (发展改革、民政、卫生健康部门)."""
    opener = SUBJECT_START.match(clause[start:end])
    if opener is not None:
        start += opener.end()
    closer = SUBJECT_END.search(clause, start, end)
    items = [
        unit
        for s, e in split_list(clause, start, closer.start() if closer else end)
        for piece in split_conjunction(clause, s, e)
        for unit in _joined_by_and(clause, *piece, lexicon)
    ]
    if not items or not all(is_named_unit(clause[s:e], lexicon) for s, e in items):
        return []
    return [DepartmentMention(clause[s:e], quote(base + s, base + e)) for s, e in items]


def _joined_by_and(clause: str, start: int, end: int, lexicon: Lexicon) -> list[tuple[int, int]]:
    """An item of a subject that is no named unit, split where 和 joins a named unit to
    another (国家发展改革委和科技部要适时督促检查, 国办发〔2018〕126号 推广支持创新改革举措, tune)
    or to a kind of body, which is dropped (科技部、财政部和相关科技项目管理部门要…, 国办发
    〔2018〕127号, tune); a name that holds 和 (工业和信息化部, 自然资源和规划局) is named
    whole and never split."""
    if is_named_unit(clause[start:end], lexicon):
        return [(start, end)]
    for join in re.finditer("和", clause[start:end]):
        left, right = clause[start : start + join.start()], clause[start + join.end() : end]
        if is_named_unit(left, lexicon) and is_named_unit(right, lexicon):
            return [(start, start + join.start()), (start + join.end(), end)]
        if is_named_unit(left, lexicon) and is_generic(right):
            return [(start, start + join.start())]
    return [(start, end)]


def _objects(
    words: str, base: int, quote: QuoteMaker, lexicon: Lexicon, named: UnitTest = is_named_unit
) -> list[DepartmentMention]:
    """The units after 会同, up to where the verb of the clause begins
    (会同市民政局、市卫生健康委推进… → 市民政局, 市卫生健康委); `named` says what a unit is."""
    mentions = []
    for s, e in split_list(words, 0, len(words)):
        whole = named(words[s:e], lexicon)
        stop = e if whole else _unit_end(words, s, e, lexicon, named)
        if stop is None or not named(words[s:stop], lexicon):
            break
        mentions.append(DepartmentMention(words[s:stop], quote(base + s, base + stop)))
        if stop < e:
            break
    return mentions


def _unit_end(words: str, start: int, end: int, lexicon: Lexicon, named: UnitTest) -> int | None:
    """Where the unit name that opens `words[start:end]` ends: at the first named unit
    (`is_named_unit`) whose ending does not go on into a longer one (委 of 委员会), or
    that a 等 closing the units follows. A unit ending inside a longer name is no end
    when what it closes names no unit: 人力资源社会保障部 is not cut at 社会 (请人力资源社会
    保障部会同有关部门…, 国办发〔2018〕127号, tune; …会同人力资源社会保障部… alike). A 等
    after a name closes the units: 会同农业部等部门 (国办函〔2014〕31号, 由国土资源部会同农业部
    等部门负责落实 and 由发展改革委会同中央农办、…、粮食局等部门研究提出落实意见)."""
    for stop in range(start + 2, min(end, start + MAX_UNIT) + 1):
        if not UNIT_ENDINGS.search(words[start:stop]) or not named(words[start:stop], lexicon):
            continue
        if stop == end or words[stop] == "等":
            return stop
        if not UNIT_ENDINGS.search(words[start : min(stop + 2, end)]):
            return stop
    return None
