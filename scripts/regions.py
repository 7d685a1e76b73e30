"""Generate ontology/regions.ttl from the administrative division list of jionlp.

Source: the PyPI package jionlp (pinned in pyproject.toml, extra `regions`), whose
dictionary/china_location.zip lists every province, prefecture-level and county-level
division of China with its GB/T 2260 / statistical division code and a short name, and
whose dictionary/china_location_change.txt lists the renamings approved since 2002.
The data files are read from the installed package without importing it (its import
pulls in a segmenter). Zones the list lacks but the corpus names come from
data/region_zones.csv. Run with `make regions`.
"""

from __future__ import annotations

import csv
import importlib.metadata
import importlib.util
import re
import sys
import zipfile
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "ontology" / "regions.ttl"
ETHNIC_GROUPS = ROOT / "data" / "ethnic_groups.csv"
ZONES = ROOT / "data" / "region_zones.csv"
ALIASES = ROOT / "data" / "region_aliases.csv"

LEVELS = ("national", "province", "city", "county")
RANK = {level: n for n, level in enumerate(LEVELS)}
SKIPPED_CITIES = ("省直辖行政区划", "自治区直辖县级行政区划")
"""Pseudo-prefectures of the list: their counties belong to the province itself."""
SKIPPED_COUNTIES = ("市直辖行政区划",)
"""Pseudo-county of prefectures without counties (东莞市, 嘉峪关市)."""
UNDIVIDED = ("71", "81", "82")
"""台湾省, 香港, 澳门: GB/T 2260 lists no divisions below them."""
AUTONOMOUS = {"自治州": "州", "自治县": "县", "自治旗": "旗"}
"""Autonomous units are written short + level in plans (楚雄州, 石柱县)."""
LEVEL_SUFFIXES = (
    *("特别行政区", "各族自治县", "自治区", "自治州", "自治县", "自治旗"),
    *("新区", "地区", "林区", "特区"),
)
ZONE_CODE = "7"
ZONE_ENDING = "开发区"
"""Zones, known by the fifth digit 7 of their statistical code (130171 经济技术开发区) or
by name where the list gives them a district's code, get no short name (经开区, 高新区
and 综合保税区 are in every city)."""
SINGLE_SUFFIXES = "省市县区盟旗"
WING = re.compile(r"^(?P<first>[^左右翼])[^左右翼]+(?P<side>[左右])翼")
"""The banners and counties named for a tribe's left or right wing are written with the
tribe's first character and the side alone: 科尔沁左翼中旗 → 科左中旗, 察哈尔右翼前旗 →
察右前旗, 喀喇沁左翼县 → 喀左县, as their governments sign (科左中旗人民政府, 察右前旗人民政府)."""


@dataclass(eq=False)
class Region:
    code: str
    name: str
    level: str
    parent: Region | None
    short: str | None = None
    labels: list[str] = field(default_factory=list)
    note: str | None = None
    key: str = ""

    def chain(self) -> list[Region]:
        """This region and those around it, innermost first, without the country."""
        out, region = [], self
        while region is not None and region.level != "national":
            out.append(region)
            region = region.parent
        return out


def jionlp_dictionary() -> Path:
    spec = importlib.util.find_spec("jionlp")
    if spec is None or not spec.submodule_search_locations:
        sys.exit("regions: install the source first: pip install -e '.[regions]'")
    return Path(next(iter(spec.submodule_search_locations))) / "dictionary"


def read_location_list(folder: Path) -> tuple[str, datetime]:
    with zipfile.ZipFile(folder / "china_location.zip") as archive:
        info = archive.infolist()[0]
        return archive.read(info).decode("utf-8"), datetime(*info.date_time)


def _rows(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def ethnic_groups() -> list[str]:
    """Ethnic-group names as place names write them: 傣族, and without 族 where two
    characters remain (新疆维吾尔自治区, 博尔塔拉蒙古自治州, 察布查尔锡伯自治县)."""
    names = [row["name"] for row in _rows(ETHNIC_GROUPS)]
    bare = [n.removesuffix("族") for n in names if len(n) >= 3]
    return sorted({*names, *bare}, key=len, reverse=True)


def short_name(name: str, groups: list[str]) -> str | None:
    """周口市 → 周口, 西双版纳傣族自治州 → 西双版纳, 石柱土家族自治县 → 石柱, 天府新区 → 天府;
    None when less than two characters would remain (沛县)."""
    stem = name
    for suffix in LEVEL_SUFFIXES:
        if stem.endswith(suffix):
            stem = stem.removesuffix(suffix)
            break
    else:
        if stem[-1] in SINGLE_SUFFIXES:
            stem = stem[:-1]
    stripped = True
    while stripped:
        stripped = False
        for group in groups:
            if stem.endswith(group) and len(stem) - len(group) >= 2:
                stem, stripped = stem.removesuffix(group), True
                break
    stem = stem.removesuffix("族") if stem in groups else stem
    return stem if len(stem) >= 2 and stem != name else None


def parse_regions(text: str, groups: list[str]) -> list[Region]:
    country = Region("000000", "中国", "national", None, labels=["中华人民共和国"])
    regions = [country]
    province = city = None
    for line in text.splitlines():
        depth = len(line) - len(line.lstrip("\t"))
        fields = line.strip().split("\t")
        if depth > 2 or len(fields) != 3 or (depth and fields[1].startswith(UNDIVIDED)):
            continue
        name, code, _alias = fields
        if depth == 0:
            province = Region(code, name, "province", country)
            regions.append(province)
        elif depth == 1:
            city = None
            if code != province.code and name not in SKIPPED_CITIES:
                city = Region(code, name, "city", province)
                regions.append(city)
        elif name not in SKIPPED_COUNTIES:
            regions.append(Region(code, name, "county", city or province))
    for region in regions[1:]:
        if region.code[4:5] != ZONE_CODE and not region.name.endswith(ZONE_ENDING):
            region.short = short_name(region.name, groups)
    seen: set[str] = set()
    for region in regions:  # the list gives a few zones another's code: keep it on the first
        if region.code in seen:
            region.code = ""
        seen.add(region.code)
    return regions


def add_zones(regions: list[Region]) -> None:
    counts = Counter(r.name for r in regions)
    by_name = {r.name: r for r in regions if counts[r.name] == 1}
    for row in _rows(ZONES):
        if row["name"] not in counts:
            zone = Region("", row["name"], "county", by_name[row["parent"]], note=row["note"])
            zone.labels.extend(row["labels"].split())
            regions.append(zone)
    for row in _rows(ALIASES):
        by_name[row["region"]].labels.append(row["alias"])


def former_names(folder: Path, regions: list[Region]) -> dict[Region, list[str]]:
    """Old names of renamed or merged divisions, attached to their successor:
    襄樊市 → 襄阳市; a county's old name also with its old prefecture (大同市南郊区)."""
    path = folder / "china_location_change.txt"
    by_chain = {tuple(r.name for r in reversed(region.chain())): region for region in regions}
    out: dict[Region, list[str]] = defaultdict(list)
    for line in path.read_text(encoding="utf-8").splitlines():
        if "=>" not in line:
            continue
        old, new = line.split("=>")
        old_fields, new_fields = old.split("\t")[2:], new.split("\t")
        successor = by_chain.get(_chain_key(new_fields))
        if successor is None:
            continue
        old_names = old_fields[::2]
        out[successor].append(old_names[-1])
        if len(old_names) == 3:
            out[successor].append(old_names[1] + old_names[2])
    return out


def _chain_key(names: list[str]) -> tuple[str, ...]:
    """(重庆市, 重庆市, 万州区) → (重庆市, 万州区): no pseudo-prefecture, no repeat."""
    kept = [n for n in names if n not in SKIPPED_CITIES]
    return tuple(n for i, n in enumerate(kept) if i == 0 or n != kept[i - 1])


def assign_keys(regions: list[Region]) -> None:
    """IRI keys: the official name, with the parent's name where the name is not unique
    in China (江北区-重庆市), and the code where even that repeats."""
    counts = Counter(r.name for r in regions)
    for region in regions:
        region.key = region.name
        if counts[region.name] > 1:
            region.key = f"{region.name}-{region.parent.name}"
    keys = Counter(r.key for r in regions)
    for region in regions:
        if keys[region.key] > 1:
            region.key = f"{region.key}-{region.code}"


def assign_labels(regions: list[Region], formers: dict[Region, list[str]]) -> dict[Region, list]:
    """altLabels (parent-qualified forms, short + level of autonomous units, province short
    names, former names) and hiddenLabels (short names), each kept only where it names one
    region: a label two regions claim goes, except a short name that a province or
    prefecture claims against lower levels (吉林 → 吉林省)."""
    official = Counter(r.name for r in regions)
    proposed: dict[Region, list[tuple[str, str]]] = {}
    for region in regions:
        alts = list(region.labels)
        chain = [r.name for r in reversed(region.chain())]
        written = [region.short + w for s, w in AUTONOMOUS.items() if region.name.endswith(s)]
        written += [WING.sub(r"\g<first>\g<side>", n) for n in [region.name, *written]]
        written = [w for w in dict.fromkeys(written) if w != region.name]
        for start in range(len(chain) - 1):
            for name in [chain[-1], *written]:
                alts.append("".join(chain[start:-1]) + name)
        alts.extend(written)
        alts.extend(formers.get(region, []))
        labels = [("alt", a) for a in dict.fromkeys(alts) if a != region.name]
        if region.short:
            kind = "alt" if region.level == "province" else "hidden"
            labels.append((kind, region.short))
        proposed[region] = labels
    claims: dict[str, list[Region]] = defaultdict(list)
    for region, labels in proposed.items():
        for _kind, label in labels:
            claims[label].append(region)

    def owner(label: str) -> Region | None:
        if official[label]:
            return None
        claimants = claims[label]
        top = min(RANK[r.level] for r in claimants)
        highest = [r for r in claimants if RANK[r.level] == top]
        return highest[0] if len(set(highest)) == 1 else None

    return {
        region: [(kind, label) for kind, label in labels if owner(label) is region]
        for region, labels in proposed.items()
    }


def turtle(regions: list[Region], labels: dict[Region, list], source: str) -> str:
    lines = [HEADER.format(source=source, count=len(regions))]
    for region in sorted(regions, key=lambda r: (RANK[r.level] > 0, r.code or "9", r.name)):
        lines.append(f"region:{region.key}")
        lines.append("    a pg:Region ;")
        lines.append(f'    rdfs:label "{region.name}"@zh ;')
        if region.code and region.level != "national":
            lines.append(f'    skos:notation "{region.code}" ;')
        for kind in ("alt", "hidden"):
            values = sorted(label for k, label in labels[region] if k == kind)
            if values:
                joined = " , ".join(f'"{v}"@zh' for v in values)
                lines.append(f"    skos:{kind}Label {joined} ;")
        if region.note:
            lines.append(f'    rdfs:comment "{region.note}"@en ;')
        if region.parent is not None:
            lines.append(f"    pg:within region:{region.parent.key} ;")
        lines.append(f'    pg:adminLevel "{region.level}" .')
        lines.append("")
    return "\n".join(lines)


HEADER = """\
# Administrative regions of China (pg:Region): the country, every provincial-level,
# prefecture-level and county-level division, and the functional zones (开发区, 新区 …)
# that have a statistical division code. {count} regions.
#
# GENERATED by scripts/regions.py (`make regions`); do not edit by hand.
# Source: {source}.
# Zones that list lacks but the corpus names: data/region_zones.csv.
#
# IRIs are pgr:region/<official name>; a name that two divisions share carries its parent
# (pgr:region/江北区-重庆市). rdfs:label is the official name, skos:notation the division
# code (GB/T 2260; zones: the statistical code). skos:altLabel holds the forms with
# parents (重庆市万州区), short + level of autonomous units (楚雄州, 石柱县), province short
# names (河南) and former names (襄樊市); skos:hiddenLabel the short names plans write
# (周口, 万州, 西双版纳), derived by rule: 市/县/区/自治州/地区/盟 … and ethnic-group names
# (data/ethnic_groups.csv) stripped. A label two regions could claim is left out (a short
# name a province or prefecture shares with a county goes to the higher one).
# pg:within is the directly enclosing region; pg:adminLevel is "national", "province"
# (incl. the municipalities), "city" (prefecture level) or "county" (county level, incl.
# districts and functional zones).

@prefix pg:     <https://w3id.org/policygraph/ontology#> .
@prefix region: <https://w3id.org/policygraph/id/region/> .
@prefix skos:   <http://www.w3.org/2004/02/skos/core#> .
@prefix rdfs:   <http://www.w3.org/2000/01/rdf-schema#> .
"""


def main() -> None:
    folder = jionlp_dictionary()
    text, dated = read_location_list(folder)
    version = importlib.metadata.version("jionlp")
    groups = ethnic_groups()
    regions = parse_regions(text, groups)
    add_zones(regions)
    assign_keys(regions)
    labels = assign_labels(regions, former_names(folder, regions))
    source = (
        f"PyPI package jionlp {version}, dictionary/china_location.zip dated "
        f"{dated:%Y-%m-%d} and dictionary/china_location_change.txt"
    )
    OUT.write_text(turtle(regions, labels, source), encoding="utf-8")
    sys.stdout.write(f"regions: wrote {len(regions)} regions to {OUT.relative_to(ROOT)}\n")


if __name__ == "__main__":
    main()
