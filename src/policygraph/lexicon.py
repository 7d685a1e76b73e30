"""The knowledge the extractors use, read from the data files into plain dicts.

Indicator wordings, department functions and regions live in ontology/*.ttl as
SKOS labels; issuer codes and known policies in data/*.csv. One edit there
updates both the graph and the matcher. Extractors receive a `Lexicon` and
never import rdflib; `policygraph.lexicon_data.load_lexicon` reads the files.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass, field
from functools import cached_property

from policygraph.units import UNIT_PATTERN

BRACKETS = str.maketrans(
    {"(": "（", ")": "）", "[": "〔", "]": "〕", " ": None, "“": None, "”": None}
)
UNIT_SUFFIX = re.compile(rf"（(?:{UNIT_PATTERN})）$")
REGION_LEVEL = re.compile(r"[省市区县州盟旗]$")
"""Region names that end in their level (重庆市, 万州区), as department names open with them."""
MAX_REGION_LABEL = 16
FUNCTIONAL_ZONE = re.compile(r"(新区|开发区|示范区|集聚区|管理区)$")
"""Functional zones, whose units are named without a level character (基层工作部)."""
JURISDICTION_PREFIX = re.compile(r"^(区|市|县|省|州|旗|盟|镇|乡|街道)(?=[\u4e00-\u9fff]{2})")


def label_key(label: str) -> str:
    """A wording reduced to what matters for matching: one bracket form, no spaces,
    quotes or unit suffix."""
    return UNIT_SUFFIX.sub("", label.translate(BRACKETS))


@dataclass(frozen=True)
class IndicatorConcept:
    key: str  # the local part of the IRI under pgr:, e.g. "indicator/nursing-bed-share"
    label: str  # the skos:prefLabel@zh
    reviewed: bool = True
    domains: tuple[str, ...] = ()  # its pg:domain keys, e.g. ("domain/elderly-care",)


@dataclass(frozen=True)
class Lexicon:
    """Label → concept tables for indicators, functions and regions."""

    indicators: dict[str, IndicatorConcept] = field(default_factory=dict)
    functions: dict[str, tuple[str, ...]] = field(default_factory=dict)
    regions: dict[str, str] = field(default_factory=dict)  # label → region key
    region_labels: dict[str, str] = field(default_factory=dict)  # region key → rdfs:label
    issuers: dict[str, tuple[str, str]] = field(default_factory=dict)  # code → (issuer, region)
    region_parents: dict[str, str] = field(default_factory=dict)  # region key → enclosing key
    domains: dict[str, str] = field(default_factory=dict)  # label (养老, 一小 …) → domain key

    def enclosing_regions(self, label: str | None) -> frozenset[str]:
        """The keys of the region a label names and of every region around it
        (西咸新区 → region/西咸新区, region/西安市, region/陕西省, region/中国)."""
        key = self.regions.get(label) if label else None
        keys: set[str] = set()
        while key is not None and key not in keys:
            keys.add(key)
            key = self.region_parents.get(key)
        return frozenset(keys)

    def indicator(self, wording: str, unit: str | None = None) -> IndicatorConcept:
        """The canonical indicator a wording names, or an unreviewed concept of its own.

        Where the wording itself is no label, the plan's spelling of the county level
        is unified (县（市、区）, 县（市）区 → 县（区）) and the noun the unit implies is
        added (护理型床位 + % → 护理型床位占比, 老年大学 + 所 → 老年大学数)."""
        key = label_key(wording)
        for candidate in _variants(key, unit):
            if candidate in self.indicators:
                return self.indicators[candidate]
        digest = hashlib.sha1(key.encode("utf-8")).hexdigest()[:12]
        return IndicatorConcept(key=f"indicator/x-{digest}", label=wording, reviewed=False)

    def functions_of(self, department: str) -> tuple[str, ...]:
        """The function keys of a department name (区民政局 → function/civil-affairs)."""
        written = label_key(department)
        if written in self.functions:
            return self.functions[written]
        name = self.strip_jurisdiction(written)
        if name in self.functions:
            return self.functions[name]
        endings = [label for label in self.functions if name.endswith(label)]
        return self.functions[max(endings, key=len)] if endings else ()

    def department_key(self, name: str, jurisdiction: str | None) -> tuple[str, str]:
        """(region label, name) that identify one department: 重庆市万州区民政局,
        万州区民政局 and 区民政局 of a 万州区 plan are all (万州区, 区民政局). A name that
        opens with a region's full name belongs to that region (重庆市民政局 → 重庆市);
        any other to the plan's jurisdiction. Units of functional zones (新区 …) are
        written without the level character (社会事业服务局)."""
        key = label_key(name)
        prefixes = [
            key[:n]
            for n in range(2, min(len(key) - 1, MAX_REGION_LABEL + 1))
            if key[:n] in self.regions and REGION_LEVEL.search(key[:n])
        ]
        if prefixes:
            prefix = max(prefixes, key=len)
            region = self.regions[prefix]
            rest = key[len(prefix) :]
            label = self.region_labels.get(region, prefix)
            level = "" if FUNCTIONAL_ZONE.search(label) else label[-1]
            return label, level + rest
        region = self.regions.get(jurisdiction) if jurisdiction else None
        return self.region_labels.get(region, jurisdiction) if region else (
            jurisdiction or "_"
        ), key

    @cached_property
    def unit_labels(self) -> tuple[frozenset[str], frozenset[str]]:
        """(department labels, place labels): the names a run-together list of units
        is split by (see extract/departments.py)."""
        return frozenset(self.functions), frozenset(k for k in self.regions if len(k) >= 2)

    def strip_jurisdiction(self, name: str) -> str:
        """区民政局 → 民政局, 万州区民政局 → 民政局, 人行周口市中心支行 → 中心支行."""
        for label in sorted(self.regions, key=len, reverse=True):
            at = name.find(label)
            if 0 <= at <= 2 and len(name) > at + len(label) + 1:
                return name[at + len(label) :]
        return JURISDICTION_PREFIX.sub("", name)


COUNTY_SPELLINGS = re.compile(r"县（市、区）|县（市）区|县（市区）|县（区、市）")
"""One county level, many spellings: 每个县（市、区）, 每个县（市）区 → 每个县（区）."""

UNIT_NOUNS = {
    "%": ("占比", "比例", "率"),
    "‰": ("率",),
    "户": ("户数",),
    "人次": ("人次",),
    "": ("覆盖率", "数"),
}
"""Nouns a unit implies when the wording leaves them out; counts add 数, and a wording
without a unit (…全覆盖, stated in words) names a coverage rate."""


def _variants(key: str, unit: str | None) -> list[str]:
    bases = list(dict.fromkeys([key, COUNTY_SPELLINGS.sub("县（区）", key)]))
    nouns = UNIT_NOUNS.get(unit or "", ("数",))
    return bases + [base + noun for base in bases for noun in nouns if not base.endswith(noun)]
