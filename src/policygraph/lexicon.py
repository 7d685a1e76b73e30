"""The knowledge the extractors use, read from the data files into plain dicts.

Indicator wordings, department functions and regions live in ontology/*.ttl as
SKOS labels; issuer codes and known policies in data/*.csv. One edit there
updates both the graph and the matcher. Extractors receive a `Lexicon` and
never import rdflib; `policygraph.lexicon_data.load_lexicon` reads the files.

Names are matched by their parts, not only as listed: an indicator wording by its
measure and the words around it (data/indicator_parts.csv), a department by level
prefix + function stem (pg:nameStem) + body suffix (data/department_bodies.csv), a
plan's jurisdiction by any of the 3,000-odd county-level names of regions.ttl.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass, field
from functools import cached_property
from typing import TYPE_CHECKING

from policygraph.cues import cue_pattern, cue_words, words_with
from policygraph.units import PER_THOUSAND_UNITS, UNIT_PATTERN

if TYPE_CHECKING:
    from policygraph.model import Target

KEY_MARKS = "★☆"
"""The stars a table sets before its key indicators (★每千人托位数, ★人口出生率: 桐乡's table of
标志性成果; ★地区生产总值增长15%: 郧阳区 2023年区政府工作目标任务落实责任分解表)."""
BRACKETS = str.maketrans(
    {"(": "（", ")": "）", "[": "〔", "]": "〕", " ": None, "“": None, "”": None}
    | dict.fromkeys(KEY_MARKS, None)
)
"""One bracket form; no spaces, quotes or `KEY_MARKS`."""
UNIT_SUFFIX = re.compile(rf"（(?:{UNIT_PATTERN})）$")
LEVEL_CHARACTERS = "省市区县州盟旗"
"""The characters a region's name ends in for its level (重庆市, 万州区, 科左中旗), as the
names of its units (市民政局) and its self-references (全市, 本县) open or end with them."""
REGION_LEVEL = re.compile(rf"[{LEVEL_CHARACTERS}]$")
"""Region names that end in their level (重庆市, 万州区), as department names open with them."""
MAX_REGION_LABEL = 16
ADMIN_LEVELS = ("national", "province", "city", "county")
NATIONAL = "region/中国"
MAX_SHORT_NAME = 3
"""The longest name a report uses alone for a province or a prefecture (山西, 武汉, 石家庄)."""
GOVERNMENT_BODIES = ("人民政府", *cue_words("national"))
"""Issuers that no function name ends like: a government, and the State Council and the
Party centre (data/cues.csv, kind national), which place a title by their name alone
(国务院关于…, 中共中央 国务院关于…: national)."""
INDICATORS_KEPT = 4096
"""Wordings whose concept `Lexicon.indicator` keeps, per lexicon (forgotten all at once
when full, so a corpus of thousands of plans does not grow the process)."""
FUNCTIONAL_ZONE = re.compile(r"(新区|开发区|示范区|集聚区|管理区)$")
"""Functional zones, whose units are named without a level character (基层工作部)."""
JURISDICTION_PREFIX = re.compile(r"^(区|市|县|省|州|旗|盟|镇|乡|街道)(?=[\u4e00-\u9fff]{2})")


SEAT = re.compile(r"（(?:设在)?(?P<unit>[^（）]{3,})）$")
"""The unit a leading group's office sits in, written after it:
一老一小工作领导小组办公室（设在县发展改革局）, 养老服务联席会议办公室（市民政局）."""


def label_key(label: str) -> str:
    """A wording reduced to what matters for matching: one bracket form, no spaces,
    quotes or unit suffix."""
    return UNIT_SUFFIX.sub("", label.translate(BRACKETS))


@dataclass(frozen=True)
class ShortNames:
    """Short region names and the regions they name, with one pattern that finds them."""

    pattern: re.Pattern[str]
    keys: dict[str, str]


@dataclass(frozen=True)
class IndicatorConcept:
    key: str  # the local part of the IRI under pgr:, e.g. "indicator/nursing-bed-share"
    label: str  # the skos:prefLabel@zh
    reviewed: bool = True
    domains: tuple[str, ...] = ()  # its pg:domain keys, e.g. ("domain/elderly-care",)


@dataclass(frozen=True)
class IndicatorParts:
    """The parts an indicator wording is read by (data/indicator_parts.csv): rewrites of
    synonyms, scope and filler words to one form, the trailing measure words with their
    measure class, and the head nouns that name an indicator on their own (托位)."""

    rewrites: tuple[tuple[str, str], ...] = ()  # written → canonical, longest first
    measures: tuple[tuple[str, str], ...] = ()  # trailing word → measure class, longest first
    heads: frozenset[str] = frozenset()
    tails: tuple[str, ...] = ()  # words a wording cut before its verb keeps (将, 从)
    scopes: tuple[str, ...] = ()  # the plan's own area (全市, 全省)
    openings: tuple[str, ...] = ()  # the task verb an item opens with (新建, 打造), longest first

    @cached_property
    def _rewrite(self) -> tuple[re.Pattern[str], dict[str, str]]:
        """One pass over a wording, the longest written form first at each position, so
        that a rewrite's output is not rewritten again (每千人 → 每千人口, not 每千人口口)."""
        table = dict(self.rewrites)
        pattern = "|".join(map(re.escape, sorted(table, key=len, reverse=True)))
        return re.compile(pattern or r"(?!)"), table

    def signature(self, key: str, unit: str | None) -> tuple[str, str] | None:
        """(measure class, parts) of a wording: synonyms unified, scope and filler words
        dropped, county spellings unified, and the rest as its characters in code-point
        order, so that 托育机构备案数 and 登记备案托育机构数量 read alike. A wording without
        a measure word takes the one its unit implies; None for a bare wording such as
        培训率, which names no population or facility and is ambiguous out of context."""
        text = PER_COUNTY_OF_COUNTY_LEVEL.sub("", COUNTY_SPELLINGS.sub("县（区）", key))
        written = TRAILING_BRACKET.search(text)
        measure_words = dict(self.measures)
        if written:  # 建有老年学校的乡镇（比例）, 城乡社区养老服务设施（覆盖）
            for word in (written["word"], written["word"] + "率"):
                if word in measure_words:
                    text = text[: written.start()] + word
                    break
        text = GLOSS.sub("", text)
        pattern, table = self._rewrite
        text = pattern.sub(lambda found: table[found[0]], text)
        text = self._cut_tail(text)
        if unit == "%" and SHARE_WORD in text and self._measure_of(text) in (None, "数"):
            text += "比例"  # 教师占专业课教师总数 + % is the share 占…总数的比例
        text = _share_of_whole(text)
        measure = next(((w, c) for w, c in self.measures if text.endswith(w)), None)
        if measure is not None:
            rest, measure_class = text.removesuffix(measure[0]), measure[1]
        else:
            rest, measure_class = text, UNIT_MEASURES.get(unit or "", "数")
        if measure_class == COUNT and unit in RATE_UNITS:
            measure_class = CHANGE_OF_COUNT
        if len(rest) <= BARE_LENGTH and rest not in self.heads:
            return None
        return measure_class, "".join(sorted(rest))

    def _measure_of(self, text: str) -> str | None:
        """The measure class of the measure word a wording ends in, if any."""
        return next((c for w, c in self.measures if text.endswith(w)), None)

    def counts(self, label: str) -> bool:
        """Whether a label, read without a unit, names a count (…总量, …数, a facility)."""
        signature = self.signature(label, None)
        return signature is not None and signature[0] == COUNT

    def measured(self, label: str) -> bool:
        """Whether a label ends in a measure word (…率, …占比, …数)."""
        return any(label.endswith(word) for word, _measure in self.measures)

    def item_of_project(self, key: str) -> str | None:
        """An item of a list of tasks without the verb it opens with (新建10家婴幼儿照护
        服务机构示范点 → 婴幼儿照护服务机构示范点, 打造14个区域性养老服务中心 → 区域性养老
        服务中心), or None if it opens with none or is no more than its verb."""
        verb = next((v for v in self.openings if key.startswith(v) and len(key) > len(v)), None)
        return None if verb is None else key.removeprefix(verb)

    def _cut_tail(self, text: str) -> str:
        """A wording cut where its verb starts keeps the adverb or preposition before
        the verb (养老机构床位总数将达到…, 养老服务床位从…增加到…): it is dropped."""
        tail = next((t for t in self.tails if text.endswith(t) and len(text) > len(t)), "")
        return text.removesuffix(tail)


@dataclass(frozen=True)
class Lexicon:
    """Label → concept tables for indicators, functions and regions."""

    indicators: dict[str, IndicatorConcept] = field(default_factory=dict)
    indicator_parts: IndicatorParts = field(default_factory=IndicatorParts)
    indicator_signatures: dict[tuple[str, str], IndicatorConcept] = field(default_factory=dict)
    functions: dict[str, tuple[str, ...]] = field(default_factory=dict)
    regions: dict[str, str] = field(default_factory=dict)  # label naming one region → key
    region_labels: dict[str, str] = field(default_factory=dict)  # region key → rdfs:label
    issuers: dict[str, tuple[str, str]] = field(default_factory=dict)  # code → (issuer, region)
    region_parents: dict[str, str] = field(default_factory=dict)  # region key → enclosing key
    region_homonyms: dict[str, tuple[str, ...]] = field(default_factory=dict)  # 朝阳区 → keys
    region_levels: dict[str, str] = field(default_factory=dict)  # region key → pg:adminLevel
    region_short: dict[str, str] = field(default_factory=dict)  # short name (万州) → key
    function_stems: dict[str, tuple[str, ...]] = field(default_factory=dict)  # 民政 → keys
    department_bodies: tuple[str, ...] = ()  # body suffixes, longest first: 委员会 … 局
    domains: dict[str, str] = field(default_factory=dict)  # label (养老, 一小 …) → domain key

    def enclosing_regions(self, label: str | None) -> frozenset[str]:
        """The keys of the region a label names and of every region around it
        (西咸新区 → region/西咸新区, region/西安市, region/陕西省, region/中国)."""
        key = self.regions.get(label) if label else None
        return self.enclosing_keys(key) if key is not None else frozenset()

    def find_jurisdiction(self, *texts: str | None, context: str = "") -> str | None:
        """The most specific region a plan's title and issuer name, as a label that names
        it alone (万州区, 北京市朝阳区). A county is found by its own name (郸城县人民政府办公室),
        its province and prefecture come from the region data; a name several regions bear
        (朝阳区, 城区) counts only where a region around one of them is named too, in the
        texts or else in the `context` (the plan's text: 《福州市…》 for a 鼓楼区 plan).
        A title's issuer before 关于 speaks for its own region, not for the ones its subject
        names (see `issuer_part`)."""
        found: list[tuple[int, int, str]] = []  # (level rank, position, key)
        homonyms: list[tuple[int, tuple[str, ...]]] = []
        for text in filter(None, map(self.issuer_part, texts)):
            for at, label in self.region_mentions(text):
                if label in self.regions:
                    found.append((self._rank(self.regions[label]), at, self.regions[label]))
                else:
                    homonyms.append((at, self.region_homonyms[label]))
        named = {key for _rank, _at, key in found}
        for at, keys in homonyms:
            key = self._around(keys, named) or self._around(keys, self._named_in(context))
            if key is not None:
                found.append((self._rank(key), at, key))
        if not found:
            return None
        return self.region_name(max(found)[2])

    def issuer_part(self, title: str | None) -> str | None:
        """The part of a title X关于Y that places it: its issuer X where X names a region (a
        province's 关于支持某市… is the province's); nothing where X is a national body, which
        its code or name places: 民政部关于同意将北京市东城区等31个单位确认为…实验区的批复 and
        民政部关于同意将北京市西城区等40个单位确认为…的批复 (2015) are national, not 东城区's; the
        whole title where nothing stands before 关于 (关于印发万州区…的通知) or the issuer is
        named by its level alone (市人民政府关于印发…)."""
        at = title.find("关于") if title else -1
        if title is None or at <= 0:
            return title
        issuer = title[:at]
        if self.region_mentions(issuer):
            return issuer
        national = self.functions_of(issuer) or issuer.endswith(GOVERNMENT_BODIES)
        return "" if national and not JURISDICTION_PREFIX.match(issuer) else title

    def _around(self, keys: tuple[str, ...], named: set[str]) -> str | None:
        """The one of several same-named regions that lies in a region named."""
        around = [k for k in keys if (self.enclosing_keys(k) - {k, NATIONAL}) & named]
        return around[0] if len(around) == 1 else None

    def _named_in(self, text: str) -> set[str]:
        return {
            self.regions[label]
            for _at, label in self.region_mentions(text)
            if label in self.regions
        }

    def region_mentions(self, text: str) -> list[tuple[int, str]]:
        """Region labels in a text, longest first at each position, not overlapping. A
        two-character name (新县, 成县) counts only where it opens the text or follows
        another region's name (河南省新县): elsewhere it is a word's tail (创新县域, 建成县级)."""
        mentions: list[tuple[int, str]] = []
        at = 0
        while at < len(text):
            last_end = mentions[-1][0] + len(mentions[-1][1]) if mentions else 0
            for n in range(min(MAX_REGION_LABEL, len(text) - at), 1, -1):
                label = text[at : at + n]
                if self.names_region(label) and (n > 2 or at == last_end):
                    mentions.append((at, label))
                    at += n - 1
                    break
            at += 1
        return mentions

    def _rank(self, key: str) -> int:
        return ADMIN_LEVELS.index(self.region_levels.get(key, "county"))

    def enclosing_keys(self, key: str) -> frozenset[str]:
        """A region key and the keys of every region around it."""
        keys: set[str] = set()
        current: str | None = key
        while current is not None and current not in keys:
            keys.add(current)
            current = self.region_parents.get(current)
        return frozenset(keys)

    def region_name(self, key: str) -> str:
        """The shortest label that names this region alone: its official name unless
        another region bears it too (朝阳区 → 北京市朝阳区)."""
        label = self.region_labels.get(key, key)
        if self.regions.get(label) == key:
            return label
        return self._unique_names.get(key, label)

    @cached_property
    def short_names_alone(self) -> ShortNames:
        """The short names of provinces and prefectures, which a report uses alone (山西将推广…,
        武汉计划到2025年…); a county's short name is too often a word of its own (城关, 和平)."""
        names = (*self.region_short.items(), *self.regions.items())
        keys = {
            short: key
            for short, key in names
            if len(short) <= MAX_SHORT_NAME and self.region_levels.get(key) in ("province", "city")
        }
        return ShortNames(re.compile("|".join(sorted(keys, key=len, reverse=True))), keys)

    @cached_property
    def county_short_names(self) -> ShortNames:
        """The short names of county-level regions (钟楼, 万州, 桐乡), which count only where
        a region around them is named too (see extract/place.py)."""
        keys = {
            short: key
            for short, key in self.region_short.items()
            if len(short) >= 2 and self.region_levels.get(key) == "county"
        }
        return ShortNames(re.compile("|".join(sorted(keys, key=len, reverse=True))), keys)

    @cached_property
    def _unique_names(self) -> dict[str, str]:
        names: dict[str, str] = {}
        for label, key in sorted(self.regions.items(), key=lambda item: (len(item[0]), item[0])):
            names.setdefault(key, label)
        return names

    def indicator(
        self, wording: str, unit: str | None = None, context: str = ""
    ) -> IndicatorConcept:
        """The canonical indicator a wording names, or an unreviewed concept of its own.

        Where the wording itself is no label, the plan's spelling of the county level
        is unified (县（市、区）, 县（市）区 → 县（区）) and the noun the unit implies is
        added (护理型床位 + % → 护理型床位占比, 老年大学 + 所 → 老年大学数); else it is
        matched by its parts (IndicatorParts.signature) against the labels' parts. A bare
        wording (培训率) is matched only in its `context` (the paragraph or table group
        that states it), to the one indicator whose label is the wording after a subject
        the context names (养老托育从业人员…培训率达到100% → 养老托育从业人员培训率); so is
        a wording whose parts reach no label (财政投入比例 in the table group 托育服务 →
        托育财政投入比例; 托育从业人员 + 人次 where the sentence says 培训 → 培训托育从业人员). An
        unmatched wording gets an unreviewed concept keyed by its parts, which plans
        writing the same parts share. A label with no measure word (居民健康素养水平) is
        found for its wording with a unit too (中国居民健康素养水平 + %). Each answer is
        kept (`INDICATORS_KEPT`): a plan asks for every target's wording twice, when its
        restatements are merged and when its graph is made (issue 16, build CPU)."""
        asked = (wording, unit, context)
        if (concept := self._indicators_asked.get(asked)) is None:
            if len(self._indicators_asked) >= INDICATORS_KEPT:
                self._indicators_asked.clear()
            concept = self._indicators_asked[asked] = self._indicator(wording, unit, context)
        return concept

    def indicator_of(self, target: Target) -> IndicatorConcept:
        """The concept of a target: its wording read with its unit in its statement and
        `Target.context` (the section heading and sentence, or the table group, around
        it), which say the subject of a bare wording (培训率, 财政投入比例 under 托育服务)
        and whether a count is per unit (每个县（市）区至少建成1家…). The build, its merging
        of restatements and scripts/mapping_rate.py all ask this, so that they agree."""
        quote = target.quote.text
        context = target.context if quote in target.context else f"{target.context} {quote}"
        return self.indicator(target.indicator, target.unit, context)

    @cached_property
    def _indicators_asked(self) -> dict[tuple[str, str | None, str], IndicatorConcept]:
        return {}

    def _indicator(self, wording: str, unit: str | None, context: str) -> IndicatorConcept:
        """The concept of a wording (see `indicator`); a wording that names none as
        written is read again without the task verb it opens with (新建, 建成, 打造 …), as
        lists of 民生实事 name the facility a project builds with the verb of the project:
        as the increase of the item where the scheme has one (新建托位 → 新增托位数), else
        as the item (打造区域性养老服务中心 → 区域性养老服务中心); and without the kinds it
        lists before 等 (高龄、失能等老年人家庭 → 老年人家庭). A wording cut to a facility or
        item is first read with what its statement says of it: the unit it is counted for
        (每个县（市、区）至少建成一所示范性托育机构, `PER_UNIT_MINIMUM`), the increase it is
        (新增普惠托位5580个, `INCREASE_BEFORE`) or, for a percentage of funds, the use the share
        goes to (福利彩票公益金按不低于55%的比例投入养老服务, `SHARE_USED`)."""
        key = self._own_name(label_key(wording))
        statement = context.translate(BRACKETS)  # once for the three readings (build CPU)
        for said in (
            _per_unit_of(key, statement),
            _increase_of(key, statement),
            _share_used_of(key, unit, statement),
        ):
            found = self._indicator(said, unit, context) if said is not None else None
            if found is not None and found.reviewed:
                return found
        concept = self._concept(key, wording, unit, context)
        if concept.reviewed:
            return concept
        item = self.indicator_parts.item_of_project(key)
        built = (INCREASE + item, item) if item and not item.startswith(INCREASE) else (item,)
        for shorter in (*built, _without_kinds(key)):
            found = self._indicator(shorter, unit, context) if shorter else None
            if found is not None and found.reviewed:
                return found
        return concept

    def _concept(self, key: str, wording: str, unit: str | None, context: str) -> IndicatorConcept:
        signature = self.indicator_parts.signature(key, unit)
        if signature is None:
            return self._in_context(key, context) or _unreviewed(key, wording)
        named = [self.indicators[c] for c in _variants(key, unit) if c in self.indicators]
        if signature[0] == CHANGE_OF_COUNT:  # the count's label names no change of it
            named = [c for c in named if not self.indicator_parts.counts(label_key(c.label))]
        by_parts = self.indicator_signatures.get(signature) or self._unmeasured(key)
        for found in (*named, by_parts):
            if found is not None and not _scope_unsaid(found, key, context):
                return found
        return self._in_context(key, context) or _unreviewed("|".join(signature), wording)

    def _own_name(self, key: str) -> str:
        """A wording without what opens it but names no indicator: the target year
        (2025年我国学前教育毛入园率) and the plan's region, by its full name (湖北省养老床位)
        or by its short name before a scope word (武汉全市养老机构床位总数)."""
        key = YEAR_OPENING.sub("", key)
        for n in range(min(MAX_REGION_LABEL, len(key) - BARE_LENGTH), 1, -1):
            head, rest = key[:n], key[n:]
            full = n > BARE_LENGTH and REGION_LEVEL.search(head) and self.names_region(head)
            short = head in self.region_short and rest.startswith(self.indicator_parts.scopes)
            if full or short:
                return rest
        return key

    def _unmeasured(self, key: str) -> IndicatorConcept | None:
        """The concept of a label with no measure word (居民健康素养水平, 人均预期寿命),
        whose parts were read without a unit, for a wording of the same parts with one
        (中国居民健康素养水平 + %): its unit implies no measure the label does not have."""
        signature = self.indicator_parts.signature(key, None)
        concept = self.indicator_signatures.get(signature) if signature else None
        if concept is None or self.indicator_parts.measured(label_key(concept.label)):
            return None
        return concept

    def _in_context(self, bare: str, context: str) -> IndicatorConcept | None:
        named = {
            concept
            for label, concept in self.indicators.items()
            if label.endswith(bare) and len(label) > len(bare) and label[: -len(bare)] in context
        }
        return named.pop() if len(named) == 1 else None

    def functions_of(self, department: str) -> tuple[str, ...]:
        """The function keys of a department name (区民政局 → function/civil-affairs); a
        leading group's office that names no function has the function of the unit it
        sits in (领导小组办公室（设在县发展改革局） → function/development-reform)."""
        written = label_key(department)
        if written in self.functions:
            return self.functions[written]
        seat = SEAT.search(written)
        if seat:  # the office's own name first, else the unit it sits in
            return self.functions_of(written[: seat.start()]) or self.functions_of(seat["unit"])
        name = self.strip_jurisdiction(written)
        if name in self.functions:
            return self.functions[name]
        by_stem = self._functions_by_stem(name)
        if by_stem:
            return by_stem
        endings = [label for label in self.functions if name.endswith(label)]
        return self.functions[max(endings, key=len)] if endings else ()

    def _functions_by_stem(self, name: str) -> tuple[str, ...]:
        """A name read as function stem + body suffix (省民政厅, 县人社局, 卫生健康委员会,
        国家税务总局): the stem is looked up exactly, else the longest stem it ends with."""
        body = next((b for b in self.department_bodies if name.endswith(b)), None)
        if body is None or len(name) <= len(body):
            return ()
        stem = name.removesuffix(body)
        if stem in self.function_stems:
            return self.function_stems[stem]
        endings = [known for known in self.function_stems if stem.endswith(known)]
        return self.function_stems[max(endings, key=len)] if endings else ()

    def department_key(self, name: str, jurisdiction: str | None) -> tuple[str, str]:
        """(region name, name) that identify one department: 重庆市万州区民政局,
        万州区民政局 and 区民政局 of a 万州区 plan are all (万州区, 区民政局). A name that
        opens with a region's full name belongs to that region (重庆市民政局 → 重庆市);
        any other to the plan's jurisdiction. Units of functional zones (新区 …) are
        written without the level character (社会事业服务局)."""
        key = label_key(name)
        prefixes = [
            (key[:n], region)
            for n in range(2, min(len(key) - 1, MAX_REGION_LABEL + 1))
            if REGION_LEVEL.search(key[:n])
            and (region := self._region_near(key[:n], jurisdiction)) is not None
        ]
        if prefixes:
            prefix, region = max(prefixes, key=lambda found: len(found[0]))
            rest = key[len(prefix) :]
            label = self.region_labels.get(region, prefix)
            level = "" if FUNCTIONAL_ZONE.search(label) else label[-1]
            return self.region_name(region), level + rest
        region = self.regions.get(jurisdiction) if jurisdiction else None
        return self.region_name(region) if region else (jurisdiction or "_"), key

    def _region_near(self, label: str, jurisdiction: str | None) -> str | None:
        """The region a label names; of several bearing it (朝阳区), the one inside or
        around the plan's jurisdiction."""
        if label in self.regions:
            return self.regions[label]
        around = self.enclosing_regions(jurisdiction) - {NATIONAL}
        near = [
            key
            for key in self.region_homonyms.get(label, ())
            if key in around or (self.enclosing_keys(key) & around)
        ]
        return near[0] if len(near) == 1 else None

    @cached_property
    def unit_labels(self) -> tuple[frozenset[str], frozenset[str]]:
        """(department labels, place labels): the names a run-together list of units
        is split by (see extract/departments.py). Two-character county names (和县, 新县)
        are left out: in a list they are more often a conjunction's tail (区民政局和县…)."""
        places = [
            label
            for label in (*self.regions, *self.region_homonyms)
            if len(label) > 2 or self.region_levels.get(self.regions.get(label, "")) != "county"
        ]
        return frozenset(self.functions), frozenset(places)

    def strip_jurisdiction(self, name: str) -> str:
        """区民政局 → 民政局, 万州区民政局 → 民政局, 人行周口市中心支行 → 中心支行."""
        ends = [
            (n, -at)  # the longest region label, then the earliest
            for at in range(3)
            for n in range(2, min(MAX_REGION_LABEL, len(name) - at - 2) + 1)
            if self.names_region(name[at : at + n])
        ]
        if ends:
            length, minus_start = max(ends)
            return name[length - minus_start :]
        return JURISDICTION_PREFIX.sub("", name)

    def names_region(self, label: str) -> bool:
        """Whether a label names one region or several (朝阳区)."""
        return label in self.regions or label in self.region_homonyms


COUNTY_SPELLINGS = re.compile(r"县（市、区）|县（市）区|县（市区）|县（区、市）")
"""One county level, many spellings: 每个县（市、区）, 每个县（市）区 → 每个县（区）."""
PER_COUNTY_OF_COUNTY_LEVEL = re.compile(r"^每个县(?:（区）)?(?=.+县级)")
"""A county-level facility said per county: 县级 already means one for each county, so
每个县 is dropped (确保每个县（市、区）至少建有1所…县级供养服务设施（敬老院）, the 2019 意见 on
特困人员供养服务设施, data/indicator_sources/sources.csv; 每个县至少有一所专业照护为主的县级
特困供养服务设施(敬老院), 普明市 一老一小 发展目标, tune)."""

UNIT_NOUNS = {
    "%": ("占比", "比例", "率"),
    "‰": ("率",),
    "户": ("户数",),
    "人次": ("人次",),
    "万人次": ("人次",),
    "": ("覆盖率", "数"),
}
"""Nouns a unit implies when the wording leaves them out; counts add 数, and a wording
without a unit (…全覆盖, stated in words) names a coverage rate."""


GLOSS = re.compile(r"（[^（）]*(?:、|等|[^（）]{4,})[^（）]*）")
"""A gloss in brackets: a list (托育机构、幼儿园托班、家庭托育点等) or an explanation of
four characters or more (特殊困难老年人家庭, 县级中心敬老院); short brackets are part of
the name (县（区）, 乡镇（街道）)."""
TRAILING_BRACKET = re.compile(r"（(?P<word>[^（）]{1,3})）$")
"""A short bracket after the name, which may hold its measure (…乡镇（比例）, …（覆盖）)."""
UNIT_MEASURES = {"%": "比例", "‰": "率", "人次": "人次", "万人次": "人次"} | dict.fromkeys(
    PER_THOUSAND_UNITS, "每千人口"
)
"""The measure class a unit implies for a wording without a measure word; counts else."""
COUNT = "数"
RATE_UNITS = frozenset({"%", "‰"})
CHANGE_OF_COUNT = "增减"
"""A count's wording with a rate for its unit names the count's change, not the count:
全国化学需氧量和二氧化硫排放总量分别控制在…万吨，比2010年…分别下降8% (“十二五” 节能减排
综合性工作方案) and 全国化学需氧量排放总量1138.3万吨，同比下降2.9% (环境保护部, 2015-09)
read 化学需氧量排放总量 + % as its reduction, never as the total in 万吨."""
YEAR_OPENING = re.compile(r"^(?:\d{1,3}\|)?(?:到|至)?20\d\d年(?:底|末)?|^\d{1,3}\|")
"""The target year a wording may open with (2025年我国学前教育毛入园率), or the number of
its table row, which a row read as one line keeps before the cell (1 | 地区生产总值增长, 嘉兴
2024 政府工作报告 责任分解; 2 | 符合条件的义务教育段随迁子女…, 苍南 2023 民生实事; tune)."""
BARE_LENGTH = 2
"""A wording whose parts besides its measure are this short (培训率, 参保率) names
no population or facility: it is read only with its context."""


SHARE_OF_WHOLE = re.compile(
    r"^(?P<part>.+?)数?占(?P<whole>.+?)(?:总数|数)?的?(?P<measure>比例|比重)$"
)
"""A share written as part 占 whole 比例 (护理型床位数占养老机构床位比例, 公办幼儿园托位
占总托位数比例): read as the whole's qualifier + part + 比例 when both end in the same
noun (养老机构护理型床位比例, as 养老机构护理型床位占比 reads), else part + whole + 比例; a
part that names the whole's qualifier already (养老机构护理型床位占养老机构床位总数比例, 福建's
十四五 养老服务 table, half A of tests/data/indicator_wordings.csv) is not qualified twice."""
SHARE_WORD = "占"
"""A wording part 占 whole with a percentage and no measure word names the share (“双师型”
教师占专业课教师总数 + %, 国发〔2019〕4号; 护理型床位占养老机构床位总数55%以上,
corpus/lincang.txt:25)."""
SHARED_NOUN = 2
"""How many closing characters part and whole must share to be one noun (床位, 托位)."""
WHOLE_OF_ALL = "总"
"""A whole that is all of the part's noun (占总课时, 占总托位数) qualifies nothing: 职业院校实践性
教学课时占总课时的比例 reads as 职业院校实践性教学课时占比 (国发〔2019〕4号 职业教育改革方案:
实践性教学课时原则上占总课时一半以上), and 周口's plan (corpus/zhoukou.txt:14, 公办幼儿园开设2—3岁
婴幼儿托位数不少于总托位数的10%, reviewed as 公办幼儿园托位占总托位数比例) as 公办幼儿园托位占比."""


SHARE_AMONG = re.compile(r"^(?P<whole>.+?)(?<!集)中(?![心医])(?P<part>.+(?:占比|比例|比重))$")
"""A share written whole 中 part 占比 (养老机构中护理型床位占比, 二级以上医院中健康促进医院
比例): the locative 中 is dropped (集中, 中心 and 中医 are words of their own)."""


INCREASE = "新增"
"""The word of an increase, which the scheme keeps apart from the stock (新增托位数 / 托位数,
新增养老床位数 / 养老床位数): what a project builds is an increase."""
KINDS = re.compile(r"^[^等]{2,}?(?<![中高初平同对均相优上头])等(?=[^等]{4,}$)")
"""The kinds a wording lists before 等 and the noun they are kinds of (伤残病等重点幼儿接受照护
指导率, corpus/xixian.txt; 特困供养、低保、低收入等困难老年人, corpus/wanzhou.txt); 中等, 高等,
平等 … are words of their own."""


PER_UNIT = "每个"
"""The scope of a per-unit target (每个县(区)老年大学数, 每个街道综合养老服务机构数): a
target for each county, street or community, which a plan's total of the same facilities
is not."""
UNIT_NAME = 2
"""How many characters of the unit after 每个 name it at a wording's head (街道, 社区, 县（)."""


def _scope_unsaid(concept: IndicatorConcept, key: str, context: str) -> bool:
    """Whether a per-unit concept was reached by a wording that says neither 每个 nor,
    at its head, the unit (街道至少建有1个综合功能的养老服务中心, corpus/lincang.txt), in a
    context that says no 每个 either: 医养结合机构 alone is a plan's total
    (医养结合机构达到500家以上, 湖北 实施方案, tune) as well as the figure for each county
    (每个县（市）区至少建成1家医养结合机构, corpus/kunming.txt), so it is read as per unit
    only where the text says so."""
    label = label_key(concept.label)
    if not label.startswith(PER_UNIT) or PER_UNIT in key or PER_UNIT in context:
        return False
    return not key.startswith(label[len(PER_UNIT) : len(PER_UNIT) + UNIT_NAME])


PER_UNIT_MINIMUM = (
    rf"(?:{cue_pattern('per_unit_scope')})(?P<unit>(?:[^，。；、：（]|（[^）]{{1,6}}）){{1,8}}?)"
    rf"(?:{cue_pattern('per_unit_hedge')})?"
    rf"(?:{cue_pattern('per_unit_minimum')})[^，。；、：\d一]{{0,2}}[1一]"
    rf"(?:{cue_pattern('per_unit_classifier')})"
)
"""The scope of a per-unit target stated before the minimum it sets, with the facility
after it: 每个县（市）区至少建成1家医养结合机构 (corpus/kunming.txt), 每个县（市、区）至少建成一所
示范性托育机构 (corpus/zhoukou.txt), 每个街道至少建成1家具有示范效应的普惠性托育机构 (一个新安
街道, 网易号 2021), 确保每个县（市、区）至少建有1所…县级供养服务设施 (the 2019 意见 on 敬老院),
所有街道至少建有1个具备综合功能的社区养老服务机构 (corpus/lincang.txt): a wording cut to the
facility names the count for each unit."""
PER_UNIT_MINIMA = re.compile(PER_UNIT_MINIMUM)


def _per_unit_of(key: str, text: str) -> str | None:
    """A wording read with the unit its statement says each of (医养结合机构 in 每个县（市）区
    至少建成1家医养结合机构 → 每个县（市）区医养结合机构; 街道具备综合功能的社区养老服务机构,
    the unit kept at its head, in 所有街道至少建有1个具备综合功能的社区养老服务机构 → 每个街道
    具备…), or None if the statement says none, names the facility elsewhere without it, or
    the wording says it already."""
    if PER_UNIT in key:
        return None
    minima = list(PER_UNIT_MINIMA.finditer(text))
    for said in minima:
        unit, after = said["unit"], text[said.end() :]
        rest = key if after.startswith(key) else key.removeprefix(unit)
        named = after.startswith(rest) and (rest != key or after.startswith(key))
        if named and _every_one_of(rest, text, {m.end() for m in minima}):
            return PER_UNIT + unit + rest
    return None


def _every_one_of(words: str, text: str, starts: set[int]) -> bool:
    """Whether every place the text names `words` is one of `starts`: a statement that also
    names the item without what the reading rests on (新增托位2000个，全市托位达到5000个) is
    not read by it."""
    return {found.start() for found in re.finditer(re.escape(words), text)} <= starts


INCREASE_BEFORE = (
    rf"(?:{cue_pattern('increase_before')})"
    rf"(?:\d+(?:\.\d+)?万?(?:{cue_pattern('increase_classifier')})?)?"
)
"""The word of an increase before the item a statement counts, the figure before or after
the item: 新增普惠托位5580个 (杭州 2022 民生实事 通报, tune), 继续增加15万个普惠托位 (国家卫生
健康委 2026 普惠托位 news, tune), 新增托位2000个: a wording cut to the item (普惠托位) names
its increase, as 新增 and 增加 before it in the wording do."""
INCREASE_WORD = re.compile(INCREASE_BEFORE)


def _increase_of(key: str, text: str) -> str | None:
    """A wording read as the increase its statement says (普惠托位 in 新增普惠托位5580个 →
    新增普惠托位), or None if the statement says none or the wording says it already."""
    if key.startswith(INCREASE):
        return None
    if key not in text or INCREASE_WORD.search(text) is None:  # cheap first (build CPU)
        return None
    said = {found.end() - len(key) for found in re.finditer(INCREASE_BEFORE + re.escape(key), text)}
    return INCREASE + key if said and _every_one_of(key, text, said) else None


USES = cue_words("share_use")
USE_WRITTEN = words_with("share_use", "written")[0]
SHARE_USED = (
    rf"[^，。；：]{{0,12}}?(?:{cue_pattern('share_use')})"
    r"(?P<use>[^，。；：]{2,12}?)(?:[，。；：]|$)"
)
"""The use a share of funds is stated for after the figure: 各级福利彩票公益金按不低于55%的比例
投入养老服务 (corpus/zhoukou.txt), 将不低于55%的本级福利彩票公益金用于支持发展养老服务
(corpus/kunming.txt), 彩票公益金55%以上用于养老服务体系建设 (corpus/lincang.txt): the
wording names the funds, the statement what they go to (`USES`, of which `USE_WRITTEN` is
the one a reading writes)."""
SHARE_USE = re.compile(SHARE_USED)


def _share_used_of(key: str, unit: str | None, text: str) -> str | None:
    """A percentage of funds read as the share used for what its statement says
    (福利彩票公益金 + % in 各级福利彩票公益金按不低于55%的比例投入养老服务 → 福利彩票公益金用于
    养老服务比例), or None if the wording names a use already or the statement none."""
    if unit != "%" or any(use in key for use in USES):
        return None
    if key not in text or not any(use in text for use in USES):  # cheap first (build CPU)
        return None
    said = _uses_after(key, text)
    if not said or not _every_one_of(key, text, {start for start, _use in said}):
        return None
    return f"{key}{USE_WRITTEN}{said[0][1]}比例"


def _uses_after(key: str, text: str) -> list[tuple[int, str]]:
    """(start, use) of each place the text names `key` and then the use (`SHARE_USED`), as
    `re.finditer(re.escape(key) + SHARE_USED, text)` finds them, without compiling a
    pattern for every wording (build CPU)."""
    found: list[tuple[int, str]] = []
    at = text.find(key)
    while at >= 0:
        use = SHARE_USE.match(text, at + len(key))
        if use is not None:
            found.append((at, use["use"]))
        at = text.find(key, at + 1 if use is None else use.end())
    return found


def _without_kinds(key: str) -> str | None:
    """A wording without the kinds it lists before 等, or None if it lists none."""
    kinds = KINDS.match(key)
    return key[kinds.end() :] if kinds else None


def _share_of_whole(text: str) -> str:
    among = SHARE_AMONG.match(text)
    if among is not None:
        text = among["whole"] + among["part"]
    share = SHARE_OF_WHOLE.match(text)
    if share is None:
        return text
    part, whole = share["part"], share["whole"]
    if part[-SHARED_NOUN:] == whole[-SHARED_NOUN:]:
        whole = whole[:-SHARED_NOUN].removesuffix(WHOLE_OF_ALL)
    if whole and part.startswith(whole):  # the part names the whole's qualifier already
        whole = ""
    return whole + part + share["measure"]


def _unreviewed(key: str, wording: str) -> IndicatorConcept:
    digest = hashlib.sha1(key.encode("utf-8")).hexdigest()[:12]
    return IndicatorConcept(key=f"indicator/x-{digest}", label=wording, reviewed=False)


def _variants(key: str, unit: str | None) -> list[str]:
    bases = list(dict.fromkeys([key, COUNTY_SPELLINGS.sub("县（区）", key)]))
    nouns = UNIT_NOUNS.get(unit or "", ("数",))
    return bases + [base + noun for base in bases for noun in nouns if not base.endswith(noun)]
