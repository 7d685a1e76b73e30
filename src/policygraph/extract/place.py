"""The place a text speaks for when its title, issuer and 发文字号 name none.

News pages and copies that lost their heading (a 财新 report on 北京's facilities plan, a
traditional-character repost of 武汉's 实施方案, a 吉林省 work report) still say whose plan
they relay: they name that region again and again near their top (北京常住老年人口…北京市
养老服务设施…). A page on a national document speaks of the nation instead (全国, 我国,
国务院) or names a national body (国家卫健委5日发布《健康儿童行动提升计划》, 国家卫生健康委
办公厅 on the 老年友好型社区 lists), a ministry by its bare name among them: a 农民日报 report
heard 民政部's press conference (民政部 four times, no 国家 before it), a 2024 民政事业统计公报
news page quotes 民政部 three times (the national issuers of data/issuer_codes.csv are these
names). The region named most often in the head, at least twice and at least as often as the
nation, is the text's; otherwise the nation, if the head speaks of it twice. Names inside 《》
are titles the text cites (根据《中共中央 国务院关于…》), not the place it speaks for.

A page that opens on the document it relays names that document's issuer before the verb that
issued it: 國務院辦公廳日前印發《體育強國建設綱要》, 國務院日前印發《全民健身計劃（2021-2025年）》,
國務院辦公廳印發的《「十四五」國民健康規劃》 (three news pages, each naming its issuer once).
The nation then counts as named twice (data/issuer_codes.csv gives the issuers; a news time
word such as 日前 may stand between, data/cues.csv kinds news_time and carrying). A page
that also says 我省 or 全县 is a local page recalling the national document it follows (新昌's
解读: 国务院办公厅印发了《…指导意见》…我省高度重视), not a national one.

A text also speaks of its own place without its name: 本区, 全省, 我区 (cue kinds
`self_place` and `scope` in data/cues.csv). Such a word counts as one more mention of the
region of its level the head names: a city's 常务会议 report names 广东省 once and 全省
twice. A page that names no region outside the titles it cites speaks of its own place in the
title of the document it relays or rests on: a 临沂 news page on 《臨沂市養老服務條例》 says
我市 and 全市 only, 内蒙古's 残疾人 plan outline cites 《内蒙古自治区…规划纲要》 and says 我区,
全区. There the self-references count for the region of their level the cited titles name.
A unit named by its level alone (市发展改革委, 县教育局) is the text's own body and counts as
such a word: 嘉兴's 政府工作报告 分解表 gives its tasks to 市…局 and to the governments of its
districts (南湖区政府, 秀洲区政府); 海盐's 2022 分解表 to 县…局, 立山区's 2023 one to 区…局.
"""

from __future__ import annotations

import re
from collections import Counter
from functools import cache

from policygraph.cues import cue_pattern, cue_words, words_with
from policygraph.lexicon import LEVEL_CHARACTERS, NATIONAL, Lexicon

HEAD = 1500
"""How far from the top the place is counted: a page's own subject comes first, the regions
it compares itself with later."""
CITED_TITLE = re.compile(r"《[^《》]*》")
MENTIONS = 2
"""How often a place must be named: once is a comparison or a partner (与合肥市签署…)."""
NATIONAL_BODY = re.compile(r"国家[\u4e00-\u9fff]{1,10}")
"""Where a national body's name may start (国家卫健委, 国家卫生健康委员会办公厅)."""
OWN_UNIT = re.compile(r"(?<![\u4e00-\u9fff])[省市县区][\u4e00-\u9fff]{2,12}")
"""Where a unit named by its level alone may start: at the start of a table cell or list item
(| 市发展改革委 |, 市科技局、市财政局)."""


@cache
def _self_references() -> re.Pattern[str]:
    words = {*words_with("scope", "whole"), *words_with("scope", "own"), *cue_words("self_place")}
    return re.compile("|".join(w for w in sorted(words) if w[-1] in LEVEL_CHARACTERS))


def _national_issuers(lexicon: Lexicon) -> set[str]:
    """The names of the national issuers of data/issuer_codes.csv (国务院办公厅, 民政部)."""
    national = lexicon.region_name(NATIONAL)
    return {
        name
        for issuer, region in lexicon.issuers.values()
        if region == national
        for name in issuer.split()
    }


def _alternation(words: set[str]) -> str:
    """A regex alternation of names, longest first (国务院办公厅 before 国务院)."""
    return "|".join(re.escape(w) for w in sorted(words, key=lambda w: (-len(w), w)))


def _nation_named(head: str, lexicon: Lexicon) -> int:
    """How often the head speaks of the nation: 全国, 我国, a national issuer by its name
    (国务院办公厅 once, not also as 国务院; 民政部) or a national body (国家医保局)."""
    pattern = _national_names(frozenset(_national_issuers(lexicon)))
    rest = pattern.sub(lambda match: " " * len(match.group()), head)
    return len(pattern.findall(head)) + _national_bodies(rest, lexicon)


@cache
def _national_names(issuers: frozenset[str]) -> re.Pattern[str]:
    """The names of the nation and its issuers, compiled once (not once a text: build CPU)."""
    return re.compile(_alternation({*issuers, *cue_words("national")}))


def _national_bodies(head: str, lexicon: Lexicon) -> int:
    """How many names in the head are of a body of the State Council: 国家 + a name that
    maps to a government function (国家卫健委, 国家医保局), not 国家级 or 国家标准."""
    return sum(_names_body(match.group(), 0, lexicon) for match in NATIONAL_BODY.finditer(head))


def _names_body(words: str, skip: int, lexicon: Lexicon) -> bool:
    """Whether the words open with a body's name whose part after `skip` characters maps to a
    government function (国家卫健委; 市发展改革委 past its 市)."""
    return any(
        words[:n].endswith(lexicon.department_bodies) and lexicon.functions_of(words[skip:n])
        for n in range(len(words), 3, -1)
    )


def _own_levels(head: str, lexicon: Lexicon) -> list[str]:
    """The level characters of the head's self-references (本区, 全省) and of the units it
    names by their level alone (市发展改革委, 县教育局: the text's own bodies)."""
    units = [
        match.group()[0]
        for match in OWN_UNIT.finditer(head)
        if _names_body(match.group(), 1, lexicon)
    ]
    return [word[-1] for word in _self_references().findall(head)] + units


def _self_referenced(
    head: str, counts: Counter[str], lexicon: Lexicon, cited: Counter[str]
) -> None:
    """Add each 本区/全省/市民政局 of the head to the region of its level named most often, or,
    where the head names none outside cited titles, to the one of its level those titles name."""
    regions = counts or cited
    for level in _own_levels(head, lexicon):
        named = [key for key, _n in regions.most_common() if lexicon.region_name(key)[-1] == level]
        if named:
            counts[named[0]] += 1


def _cited_places(text: str, lexicon: Lexicon) -> Counter[str]:
    """The regions the cited titles of a head name by their full names (《临沂市养老服务条例》)."""
    return Counter(
        key
        for title in CITED_TITLE.findall(text)
        for _at, label in lexicon.region_mentions(title)
        if (key := lexicon.regions.get(label)) is not None
    )


def _places_named(head: str, lexicon: Lexicon) -> Counter[str]:
    """How often the head names each region, by its full name or a short one."""
    counts: Counter[str] = Counter()
    named: list[tuple[int, int, str]] = []
    for at, label in lexicon.region_mentions(head):
        if (key := lexicon.regions.get(label)) is not None:
            named.append((at, at + len(label), key))
    shorts = lexicon.short_names_alone
    for short in shorts.pattern.finditer(head):
        if not any(start <= short.start() < end for start, end, _key in named):
            named.append((short.start(), short.end(), shorts.keys[short.group()]))
    named += _counties_around(head, named, lexicon)
    for _start, _end, key in sorted(named):
        counts[key] += 1  # first-named first: most_common breaks ties by this order
    return counts


def _counties_around(
    head: str, named: list[tuple[int, int, str]], lexicon: Lexicon
) -> list[tuple[int, int, str]]:
    """The county short names of the head whose city or province the head names too: the
    钟楼区 task table says 幸福钟楼 beside 常州盛宣怀故居 (a district's 民生实事, tune set);
    万州's plan writes 万州 beside 重庆市 (corpus/wanzhou.txt). Alone a county's short name is
    too often a word (城关, 和平)."""
    keys = {key for _start, _end, key in named}
    shorts = lexicon.county_short_names
    return [
        (short.start(), short.end(), key)
        for short in shorts.pattern.finditer(head)
        if not any(start <= short.start() < end for start, end, _key in named)
        and (lexicon.enclosing_keys(key := shorts.keys[short.group()]) - {key, NATIONAL}) & keys
    ]


def _relays_national(head: str, lexicon: Lexicon) -> bool:
    """Whether the head names a national issuer as issuing a document it cites
    (国务院日前印发《…》)."""
    return _relaying(frozenset(_national_issuers(lexicon))).search(head) is not None


@cache
def _relaying(issuers: frozenset[str]) -> re.Pattern[str]:
    """A national issuer, then the words that carry a document it issues, compiled once."""
    verb = rf"(?:{cue_pattern('news_time')})?(?:{cue_pattern('carrying')})[了的]?《"
    return re.compile(rf"(?:{_alternation(set(issuers))}){verb}")


def region_spoken_of(text: str, lexicon: Lexicon) -> str | None:
    """The name of the region a text's head names most often (ties: the first named), or
    of the nation when the head speaks of it more; None when neither is named twice."""
    head = CITED_TITLE.sub(lambda title: " " * len(title.group()), text[:HEAD])
    counts = _places_named(head, lexicon)
    _self_referenced(head, counts, lexicon, _cited_places(text[:HEAD], lexicon))
    nation = _nation_named(head, lexicon)
    if _relays_national(text[:HEAD], lexicon) and not _self_references().search(head):
        nation = max(nation, MENTIONS)
    if counts:
        key, named = counts.most_common(1)[0]
        if named >= MENTIONS and named >= nation:
            return lexicon.region_name(key)
    return lexicon.region_name(NATIONAL) if nation >= MENTIONS else None
