"""A seeded generator of realistic plan TEXTS for the benchmarks.

It recombines the structures the bundled plans use — a government site's
metadata block and the notice that carries the plan, 一、（一）1. headings, a
background chapter whose figures are not targets, running-text targets
(到2025年…达到X%, 不低于, 以上, staged years, A、B均达到), indicator tables in
the three layouts the corpus shows (one cell a line with empty cells dropped
and group rows; cells ending in ` |`; one row a line), an allocation table per
county, 责任单位 lists and 《title》（number） citations — with jurisdictions from
ontology/regions.ttl, indicators from ontology/indicators.ttl, departments from
ontology/functions.ttl and policies from data/policies.csv. The same seed
always gives the same texts, and each plan records what it states (its
distinct targets), so a build can be checked against it.

    python benchmarks/generate.py --size 100 --out /tmp/plans
"""

from __future__ import annotations

import argparse
import csv
import json
import random
from dataclasses import asdict, dataclass
from functools import cache
from pathlib import Path

import pyoxigraph as ox

ROOT = Path(__file__).resolve().parent.parent
SKOS = "http://www.w3.org/2004/02/skos/core#"
RDFS = "http://www.w3.org/2000/01/rdf-schema#"
PG = "https://w3id.org/policygraph/ontology#"
TEXT_UNITS = ("%", "‰", "个", "张", "所", "家", "户", "人", "人次", "万人")
"""Units the running-text reader takes as target units (元, 岁 are norms, not targets)."""
SIZES = (10, 100, 1000, 3000)

PROSE = (
    "坚持政府引导、社会参与、市场运作，持续扩大养老托育服务有效供给。",
    "健全基本养老服务清单制度，推动基本养老服务均等化。",
    "支持社会力量发展普惠托育服务，鼓励用人单位在工作场所为职工提供福利性托育服务。",
    "推动医疗卫生资源向社区和家庭延伸，加强医养结合服务能力建设。",
    "完善居家社区养老服务网络，大力发展助餐、助浴、助医等服务。",
    "加强养老托育从业人员职业技能培训，健全职业技能等级评价制度。",
    "建立健全养老托育服务综合监管制度，强化质量安全和从业人员监管。",
    "统筹利用闲置资源，将符合条件的存量房屋和设施改造为养老托育服务设施。",
    "发展智慧养老托育服务，推进互联网与养老托育服务深度融合。",
    "落实新建居住区配套建设养老托育服务设施政策，做到同步规划、同步建设。",
    "探索建立长期护理保险制度，完善失能老年人照护服务体系。",
    "鼓励有条件的幼儿园开设托班，招收2至3岁幼儿。",
    "实施特殊困难老年人家庭适老化改造，完善老年人探访关爱制度。",
    "营造尊老爱幼、孝亲敬老的社会氛围，建设老年友好型社会和儿童友好城市。",
)
"""Sentences of the kind measure paragraphs are made of (no figures: only targets carry those)."""

TASKS = (
    ("兜牢基本养老服务底线", "民政局"),
    ("扩大普惠托育服务供给", "卫生健康委"),
    ("提升居家社区养老服务品质", "民政局"),
    ("推进医养结合发展", "卫生健康委"),
    ("加强人才队伍建设", "人力社保局"),
    ("强化用地和设施保障", "规划自然资源局"),
    ("加大财政投入", "财政局"),
    ("发展养老托育产业", "发展改革委"),
    ("推进托幼一体化", "教委"),
    ("完善医疗保障", "医保局"),
)
"""Measure titles with the department that usually leads them."""


@dataclass(frozen=True)
class Region:
    name: str
    province: str
    counties: tuple[str, ...]


@dataclass(frozen=True)
class Indicator:
    key: str
    label: str
    unit: str | None


@dataclass(frozen=True)
class GeneratedPlan:
    """A plan text and what it states: its distinct (indicator, year, region) targets."""

    name: str
    text: str
    title: str
    number: str
    jurisdiction: str
    targets: int
    units: tuple[str, ...]
    citations: int


def _triples(name: str) -> list[ox.Triple]:
    return list(ox.parse(path=str(ROOT / "ontology" / name), format=ox.RdfFormat.TURTLE))


@cache
def cities() -> tuple[Region, ...]:
    """Every prefecture-level region of regions.ttl with its province and counties."""
    label: dict[str, str] = {}
    within: dict[str, str] = {}
    level: dict[str, str] = {}
    for t in _triples("regions.ttl"):
        s, p = t.subject.value, t.predicate.value
        if p == RDFS + "label":
            label[s] = t.object.value
        elif p == PG + "within":
            within[s] = t.object.value
        elif p == PG + "adminLevel":
            level[s] = t.object.value
    counties: dict[str, list[str]] = {}
    for s, kind in level.items():
        if kind == "county" and s in within:
            counties.setdefault(within[s], []).append(label[s])
    return tuple(
        Region(label[s], label[within[s]], tuple(sorted(counties.get(s, []))))
        for s in sorted(level)
        if level[s] == "city"
    )


@cache
def indicators() -> tuple[Indicator, ...]:
    """The reviewed 一老一小 indicators of indicators.ttl (those with a pg:domain: the
    national lists' 绿色生态 or 经济 indicators are no 养老托育 plan's) with their @zh
    label and usual unit."""
    label: dict[str, str] = {}
    unit: dict[str, str] = {}
    domains: set[str] = set()
    for t in _triples("indicators.ttl"):
        s, p, o = t.subject.value, t.predicate.value, t.object
        if p == SKOS + "prefLabel" and isinstance(o, ox.Literal) and o.language == "zh":
            label[s] = o.value
        elif p == PG + "unit":
            unit[s] = o.value
        elif p == PG + "domain":
            domains.add(s)
    return tuple(Indicator(s, label[s], unit.get(s)) for s in sorted(label) if s in domains)


@cache
def policies() -> tuple[tuple[str, str], ...]:
    """(title, document number) of the known national policies."""
    with (ROOT / "data" / "policies.csv").open(encoding="utf-8", newline="") as handle:
        return tuple((row["title"], row["doc_number"]) for row in csv.DictReader(handle))


class PlanWriter:
    """Writes one plan, keeping count of the targets it states."""

    def __init__(self, rng: random.Random, index: int) -> None:
        self.rng = rng
        self.region = rng.choice(cities())
        self.prefix = "州" if self.region.name.endswith("州") else "市"
        self.whole = "全" + self.prefix
        self.name = f"plan-{index:05d}"
        self.targets: set[tuple[str, int, str | None]] = set()
        self.units: set[str] = set()
        pool = [i for i in indicators() if i.unit in TEXT_UNITS]
        rng.shuffle(pool)
        self.table_pool, self.text_pool = pool[:12], pool[12:40]
        self.lines: list[str] = []
        self.finals: dict[str, int] = {}

    def unit_list(self, lead: str) -> str:
        others = self.rng.sample(["财政局", "发展改革委", "人力社保局", "医保局", "教委"], 2)
        units = [self.prefix + d for d in dict.fromkeys([lead, *others])]
        self.units.update(units)
        if self.rng.random() < 0.5:
            return f"（责任单位：{'、'.join(units)}）"
        return f"（{'、'.join(units)}，各县（市、区）人民政府按职责分工负责）"

    def value(self, indicator: Indicator, year: int) -> str:
        """A plausible value, rising towards 2025 (the same indicator, the same final value)."""
        final = self.finals.setdefault(
            indicator.key,
            self.rng.choice((60, 70, 80, 85, 90, 95, 100))
            if indicator.unit in ("%", "‰")
            else self.rng.randint(20, 90) * (10 if indicator.unit == "张" else 1),
        )
        return str(max(1, final - (2025 - year) * (5 if final <= 100 else 40)))

    def build(self, issued: int, cites: tuple[tuple[str, str], ...] = ()) -> str:
        """The plan text; `cites` are (title, number) of plans it implements besides policies."""
        region, rng = self.region, self.rng
        place = region.name if rng.random() < 0.6 else region.province + region.name
        title = rng.choice(
            (
                f"{place}“一老一小”整体解决方案",
                f"{place}促进养老托育服务健康发展实施方案",
            )
        )
        number = f"{region.name[:2]}政办发〔{issued}〕{rng.randint(1, 120)}号"
        self.title, self.number = title, number
        issuer = f"{region.name}人民政府办公室"
        if rng.random() < 0.5:
            self.lines += [
                f"[ 发文字号 ] {number}",
                f"[ 成文日期 ] {issued}-0{rng.randint(1, 9)}-1{rng.randint(0, 9)}",
                "",
            ]
        self.lines += [f"{issuer}关于印发《{title}》的通知", "", number, ""]
        self.lines += [
            f"各县（市、区）人民政府，{self.prefix}政府各部门：",
            f"《{title}》已经{self.prefix}政府同意，现印发给你们，请认真贯彻落实。",
            "",
        ]
        self.lines += [
            issuer,
            f"{issued}年{rng.randint(1, 12)}月{rng.randint(1, 28)}日",
            "",
            title,
            "",
        ]
        cited = [*cites, *rng.sample(policies(), rng.randint(1, 3))]
        basis = "、".join(f"《{t}》（{n}）" for t, n in cited)
        self.lines += [
            f"为积极应对人口老龄化，根据{basis}等文件精神，结合我{self.prefix}实际，制定本方案。",
            "",
        ]
        self.background()
        self.goals()
        self.table()
        self.tasks()
        if region.counties and rng.random() < 0.5:
            self.allocation()
        self.lines += ["四、保障措施", ""]
        for n, title in enumerate(("加强组织领导", "加大资金投入", "强化监督考核"), 1):
            prose = "".join(rng.sample(PROSE, 4))
            self.lines += [f"（{'一二三'[n - 1]}）{title}。{prose}{self.unit_list('民政局')}", ""]
        self.citations = len(cited)
        return "\n".join(self.lines) + "\n"

    def background(self) -> None:
        rng = self.rng
        self.lines += ["一、发展基础", ""]
        homes, beds = rng.randint(20, 300), rng.randint(2000, 30000)
        self.lines.append(
            f"截至2020年底，{self.whole}共有养老机构{homes}所，养老床位{beds}张，"
            f"护理型床位占比为{rng.randint(30, 50)}%，托育机构{rng.randint(10, 80)}个。"
        )
        self.lines += ["", "".join(rng.sample(PROSE, 5)), ""]
        share = f"{rng.randint(12, 25)}.{rng.randint(1, 9)}%"
        self.lines += [f"目前，{self.whole}60岁及以上老年人口占常住人口的{share}。"]
        self.lines += ["".join(rng.sample(PROSE, 4)), ""]

    def text_target(self, indicator: Indicator, year: int, form: int) -> str:
        self.targets.add((indicator.key, year, None))
        v, unit, label = self.value(indicator, year), indicator.unit, indicator.label
        return (
            f"{label}达到{v}{unit}",
            f"{label}不低于{v}{unit}",
            f"{label}达到{v}{unit}以上",
            f"{label}提高到{v}{unit}",
        )[form]

    def goals(self) -> None:
        rng = self.rng
        self.lines += [
            "二、总体要求",
            "",
            "（一）指导思想",
            "",
            "".join(rng.sample(PROSE, 5)),
            "",
            "（二）发展目标",
            "",
        ]
        picks = self.text_pool[:3]
        stated = "，".join(self.text_target(i, 2025, rng.randrange(4)) for i in picks)
        self.lines += [f"到2025年，{stated}，基本建成覆盖城乡的养老托育服务体系。", ""]

    def table(self) -> None:
        rng = self.rng
        layout = rng.choice(("blank-lines", "pipes", "rows"))
        years = (2020, 2025) if rng.random() < 0.5 else (2021, 2023, 2025)
        header = ["序号", "指标名称", "单位", *(f"{y}年" for y in years), "属性", "责任单位"]
        rows: list[list[str]] = []
        groups = {0: "一、养老服务", 6: "二、托育服务"}
        for n, indicator in enumerate(self.table_pool[: rng.randint(6, 12)], 1):
            if layout == "blank-lines" and n - 1 in groups:
                rows.append([groups[n - 1]])
            values = [self.value(indicator, y) for y in years]
            for y in years[1:]:
                self.targets.add((indicator.key, y, None))
            if rng.random() < 0.3:
                values[0] = "—"
            if rng.random() < 0.2:
                values[-1] = "≥" + values[-1]
            binding = rng.choice(("约束性", "预期性"))
            unit = self.prefix + rng.choice(TASKS)[1]
            self.units.add(unit)
            rows.append([str(n), indicator.label, indicator.unit or "", *values, binding, unit])
        # a long caption before a row-per-line header is joined to it by the normaliser
        caption = f"表1 {self.region.name}“十四五”养老托育服务发展主要指标"
        self.lines += [caption if layout != "rows" else "主要发展指标", ""]
        if layout == "blank-lines":
            for row in [header, *rows]:
                # one cell a line, an empty line between cells; a baseline "—" is dropped
                self.lines += [c for cell in row if cell != "—" for c in (cell, "")]
        elif layout == "pipes":
            for row in [header, *rows]:
                self.lines += [f"{cell} |" for cell in row]
        else:
            self.lines += [" | ".join(row) for row in [header, *rows]]
        self.lines.append("")

    def tasks(self) -> None:
        rng = self.rng
        self.lines += ["三、重点任务", ""]
        pool = iter(self.text_pool[3:])
        for s, (title, lead) in enumerate(rng.sample(TASKS, rng.randint(4, 7)), 1):
            self.lines += [f"（{'一二三四五六七'[s - 1]}）{title}", ""]
            for item in range(1, rng.randint(3, 6)):
                prose = "".join(rng.sample(PROSE, rng.randint(4, 8)))
                stated = self.task_targets(pool)
                self.lines += [f"{item}.{title}。{prose}{stated}{self.unit_list(lead)}", ""]

    def task_targets(self, pool) -> str:  # type: ignore[no-untyped-def]
        """Running-text targets of one measure: plain, staged years, or shared value."""
        rng = self.rng
        form = rng.randrange(4)
        first = next(pool, None)
        if first is None or form == 0:
            return ""
        if form == 1:
            return f"到2025年，{self.whole}{self.text_target(first, 2025, rng.randrange(4))}。"
        if form == 2:
            early = self.text_target(first, 2023, 0)
            late = self.text_target(first, 2025, 0)
            return f"到2023年，{early}；到2025年，{late}。"
        second = next(pool, None)
        if second is None or second.unit != first.unit or first.unit != "%":
            return f"力争到2025年，{self.text_target(first, 2025, 2)}。"
        self.targets.update({(first.key, 2025, None), (second.key, 2025, None)})
        return f"到2025年，{first.label}、{second.label}均达到{self.value(first, 2025)}%以上。"

    def allocation(self) -> None:
        counties = self.region.counties[:8]
        self.lines += ["附件", "各县（市、区）“一老一小”建设任务分配表"]
        self.lines += [
            "地区 |",
            "2020年常住人口（万人） |",
            "2025年养老床位（张） |",
            "2025年托位（个） |",
        ]
        for county in counties:
            beds, places = self.rng.randint(300, 9000), self.rng.randint(200, 5000)
            people = f"{self.rng.randint(5, 120)}.{self.rng.randint(10, 99)}"
            self.lines += [f"{county} |", f"{people} |", f"{beds} |", f"{places} |"]
            self.targets.update({("养老床位", 2025, county), ("托位", 2025, county)})
        self.lines.append("")


def generate_plans(size: int, seed: int = 2025) -> list[GeneratedPlan]:
    """`size` plan texts; the same size and seed always give the same texts."""
    rng = random.Random(seed)
    plans = []
    for index in range(1, size + 1):
        writer = PlanWriter(random.Random(rng.getrandbits(64)), index)
        text = writer.build(issued=writer.rng.choice((2021, 2022, 2023)))
        plans.append(
            GeneratedPlan(
                writer.name,
                text,
                writer.title,
                writer.number,
                writer.region.name,
                len(writer.targets),
                tuple(sorted(writer.units)),
                writer.citations,
            )
        )
    return plans


def write_corpus(folder: Path, size: int, seed: int = 2025) -> list[GeneratedPlan]:
    """Write `size` plans as `folder/plan-NNNNN.txt` plus `folder/manifest.json`."""
    folder.mkdir(parents=True, exist_ok=True)
    plans = generate_plans(size, seed)
    for plan in plans:
        (folder / f"{plan.name}.txt").write_text(plan.text, encoding="utf-8")
    manifest = {p.name: {k: v for k, v in asdict(p).items() if k != "text"} for p in plans}
    (folder / "manifest.json").write_text(
        json.dumps(manifest, ensure_ascii=False, indent=1), encoding="utf-8"
    )
    return plans


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--size", type=int, default=100)
    parser.add_argument("--seed", type=int, default=2025)
    parser.add_argument("--out", type=Path, required=True)
    args = parser.parse_args()
    plans = write_corpus(args.out, args.size, args.seed)
    chars = sum(len(p.text) for p in plans)
    print(f"{len(plans)} plans, {chars:,} characters, into {args.out}/")


if __name__ == "__main__":
    main()
