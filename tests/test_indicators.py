"""The indicator scheme (ontology/indicators.ttl) is well formed, and the matcher maps
wordings no plan gave it.

Every indicator_canonical of tests/gold/*.json must be the skos:prefLabel@zh of a
concept (the evaluation compares indicators by it). Whether a plan's wording reaches its
canonical indicator is measured leave-one-plan-out: the labels only that plan's wordings
supplied are removed before its wordings are matched. Labels are compared as the build's lexicon compares them (policygraph.lexicon.label_key):
fullwidth and halfwidth brackets （）/() unified, spaces and “” dropped, no unit suffix.
Gold raw wordings are exact substrings of scraped files, so a line break inside one,
with the page-chunk marker that can follow it (西咸: '婴幼儿早期\n3、发展知识普及率'),
is dropped as well.
"""

from __future__ import annotations

import csv
import json
import re
from collections import defaultdict
from decimal import Decimal
from pathlib import Path

import pytest
from rdflib import RDF, Graph, Literal, Namespace, URIRef
from rdflib.namespace import DCTERMS, SKOS

from policygraph.build import build_corpus
from policygraph.ids import mint_iri
from policygraph.lexicon import IndicatorConcept, Lexicon
from policygraph.query import library, run_query
from policygraph.store import load_store
from policygraph.units import UNIT_PATTERN

ROOT = Path(__file__).parents[1]
SCHEME_FILE = ROOT / "ontology" / "indicators.ttl"
GOLD_FILES = sorted((ROOT / "tests" / "gold").glob("*.json"))

PG = Namespace("https://w3id.org/policygraph/ontology#")
PGR = "https://w3id.org/policygraph/id/"
SCHEME = URIRef(PGR + "scheme/indicators")
DOMAINS = {URIRef(PGR + "domain/elderly-care"), URIRef(PGR + "domain/childcare")}
SOURCES = ROOT / "data" / "indicator_sources" / "sources.csv"


def _listed_documents() -> tuple[str, ...]:
    with SOURCES.open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    return tuple(row["document"].split(", ")[0] for row in rows if row["kind"] == "list")


NATIONAL_LISTS = ("五年规划纲要", "健康中国行动", "政府工作报告", *_listed_documents())
"""The national lists whose main indicators outside 一老一小 (学有所教, 病有所医, 就业,
绿色生态) the scheme holds without a pg:domain: the main-indicator tables of
data/indicator_sources and the lists the scheme cites besides (十五五 纲要)."""
CONCEPT_IRI = re.compile(re.escape(PGR) + r"indicator/[a-z0-9]+(?:-[a-z0-9]+)*")

_BRACKETS = str.maketrans({"（": "(", "）": ")", "〔": "[", "〕": "]", "“": None, "”": None})
_DAMAGE = re.compile(r"\s*\n\s*(?:\d+、)?|\s+")  # line break (+ page-chunk marker), spaces
_UNIT_SUFFIX = re.compile(rf"\((?:{UNIT_PATTERN})\)$")


def norm(label: str) -> str:
    """A wording reduced to what matters for matching (mirrors the build's label_key)."""
    return _UNIT_SUFFIX.sub("", _DAMAGE.sub("", label).translate(_BRACKETS))


@pytest.fixture(scope="module")
def graph() -> Graph:
    return Graph().parse(SCHEME_FILE, format="turtle")


@pytest.fixture(scope="module")
def concepts(graph: Graph) -> set[URIRef]:
    """Everything that is typed as an indicator or claims to be in the scheme."""
    found = set(graph.subjects(RDF.type, PG.Indicator))
    found |= set(graph.subjects(SKOS.inScheme, SCHEME))
    return {c for c in found if isinstance(c, URIRef)}


@pytest.fixture(scope="module")
def labels(graph: Graph, concepts: set[URIRef]) -> dict[URIRef, tuple[str, set[str]]]:
    """concept -> (normalised prefLabel@zh, normalised prefLabel@zh and altLabels)."""
    out = {}
    for c in concepts:
        pref = [norm(str(o)) for o in graph.objects(c, SKOS.prefLabel) if o.language == "zh"]
        alts = {norm(str(o)) for o in graph.objects(c, SKOS.altLabel)}
        out[c] = (pref[0] if pref else "", alts | set(pref))
    return out


def gold_targets(path: Path) -> list[dict]:
    return json.loads(path.read_text(encoding="utf-8")).get("targets", [])


def test_scheme_parses(graph: Graph, concepts: set[URIRef]) -> None:
    assert (SCHEME, RDF.type, SKOS.ConceptScheme) in graph
    assert len(concepts) > 0


def test_scheme_parses_with_oxigraph() -> None:
    """The build reads the scheme with pyoxigraph, whose Turtle parser is stricter."""
    ox = pytest.importorskip("pyoxigraph")
    triples = list(ox.parse(path=str(SCHEME_FILE), format=ox.RdfFormat.TURTLE))
    assert len(triples) == len(Graph().parse(SCHEME_FILE, format="turtle"))


def test_concepts_well_formed(graph: Graph, concepts: set[URIRef]) -> None:
    problems = []
    for c in sorted(concepts):
        if not CONCEPT_IRI.fullmatch(str(c)):
            problems.append(f"{c}: IRI is not pgr:indicator/<ascii-kebab-case>")
        for cls in (PG.Indicator, SKOS.Concept):
            if (c, RDF.type, cls) not in graph:
                problems.append(f"{c}: not a {cls}")
        if (c, SKOS.inScheme, SCHEME) not in graph:
            problems.append(f"{c}: not skos:inScheme {SCHEME}")
        prefs = list(graph.objects(c, SKOS.prefLabel))
        for lang in ("zh", "en"):
            n = sum(1 for o in prefs if isinstance(o, Literal) and o.language == lang)
            if n != 1:
                problems.append(f"{c}: {n} skos:prefLabel@{lang}, expected exactly 1")
        if len(prefs) != 2:
            problems.append(f"{c}: {len(prefs)} prefLabels, expected one @zh and one @en")
        for alt in graph.objects(c, SKOS.altLabel):
            if not (isinstance(alt, Literal) and alt.language == "zh" and str(alt).strip()):
                problems.append(f"{c}: altLabel {alt!r} is not a non-empty @zh literal")
        domains = set(graph.objects(c, PG.domain))
        sources = " ".join(map(str, graph.objects(c, DCTERMS.source)))
        if not domains and not any(listed in sources for listed in NATIONAL_LISTS):
            problems.append(f"{c}: no pg:domain, and not from a national list outside 一老一小")
        elif not domains <= DOMAINS:
            problems.append(f"{c}: unknown pg:domain {sorted(domains - DOMAINS)}")
        if not any(d.language == "zh" for d in graph.objects(c, SKOS.definition)):
            problems.append(f"{c}: no skos:definition@zh saying what it measures")
        if not any(str(source).strip() for source in graph.objects(c, DCTERMS.source)):
            problems.append(f"{c}: no dcterms:source naming the list or plan it comes from")
        units = list(graph.objects(c, PG.unit))
        if len(units) > 1 or any(not isinstance(u, Literal) or u.language for u in units):
            problems.append(f"{c}: pg:unit must be at most one plain literal, got {units}")
        reviewed = list(graph.objects(c, PG.reviewed))
        if (
            len(reviewed) != 1
            or not isinstance(reviewed[0], Literal)
            or reviewed[0].toPython() is not True
        ):
            problems.append(f"{c}: expected pg:reviewed true (auto-minted concepts live elsewhere)")
    assert not problems, "\n".join(problems)


def test_no_label_shared_by_two_concepts(labels: dict) -> None:
    owners: dict[str, set[URIRef]] = defaultdict(set)
    for c, (_, names) in labels.items():
        for name in names:
            owners[name].add(c)
    shared = {name: sorted(cs) for name, cs in owners.items() if len(cs) > 1}
    assert not shared, "labels used by more than one concept:\n" + "\n".join(
        f"  {name}: {', '.join(map(str, cs))}" for name, cs in sorted(shared.items())
    )


def test_english_preflabels_unique(graph: Graph, concepts: set[URIRef]) -> None:
    owners: dict[str, list[URIRef]] = defaultdict(list)
    for c in concepts:
        for o in graph.objects(c, SKOS.prefLabel):
            if o.language == "en":
                owners[str(o).strip().lower()].append(c)
    assert not {name: cs for name, cs in owners.items() if len(cs) > 1}


def test_gold_files_present() -> None:
    names = {p.name for p in GOLD_FILES}
    assert {"wanzhou.json", "lincang.json"} <= names


@pytest.mark.parametrize("gold", GOLD_FILES, ids=lambda p: p.name)
def test_gold_canonical_names_are_preflabels(gold: Path, labels: dict) -> None:
    prefs = {pref for pref, _ in labels.values()}
    missing = sorted(
        {
            t["indicator_canonical"]
            for t in gold_targets(gold)
            if t.get("indicator_canonical") and norm(t["indicator_canonical"]) not in prefs
        }
    )
    assert not missing, f"{gold.name}: canonical indicators with no concept: {missing}"


LEAVE_ONE_PLAN_OUT_FLOORS = {
    "kunming.json": 0.98,
    "lincang.json": 0.93,
    "wanzhou.json": 0.76,
    "xixian.json": 0.82,
    "zhoukou.json": 0.90,
}
"""The share of a plan's gold targets mapped to their canonical indicator by a scheme
without the labels only that plan's wordings gave it (measured 0.86 0.91 0.78 0.76 0.88;
0.61 overall with label lookup alone, 0.81 with matching by parts, 0.82 after the dev-set
tuning of issue 12, 0.83 (170/205) with the parts of 2026-12-05, 171/205 with zhoukou 0.89
once 社区养老服务机构覆盖率 reads as the facilities' coverage, 174/205 (0.85) with the
parents and carers of infants and 托育设施 read as the scheme writes them; 172/205
(0.84, 昆明 0.86, 周口 0.88) once a per-unit concept is no longer reached by a wording that
says neither 每个 nor the unit: 昆明's and 周口's bare gold wording 老年大学 had reached
每个县(区)老年大学数 by a label only, the way 湖北's 医养结合机构达到500家 reached 每个县(区)
医养结合机构数); 174/205 (0.85, 昆明 0.90, 周口 0.89) once the gold wording is read in its
quote, as the build reads a target in its sentence: 老年大学 of 每个县(市)区至少建有1所老年大学);
178/205 (0.87, 昆明 1.00, 西咸 0.84, 周口 0.91) once a facility after a per-unit minimum
(每个县(市、区)至少建成一所示范性托育机构) is read as counted for each unit; 179/205 (临沧
0.95) once a wording that keeps the unit at its head is read so too (所有街道至少建有1个…);
180/205 (周口 0.92) once a share of funds is read with the use its statement names."""


def lexicon_without_own_labels(gold: Path) -> Lexicon:
    """The bundled lexicon less the indicator labels that only this gold plan's wordings
    supplied: the scheme as it stands for a plan whose wordings did not build it."""
    from dataclasses import replace

    from policygraph.lexicon import label_key
    from policygraph.lexicon_data import indicator_signatures, load_lexicon

    lexicon = load_lexicon()
    wordings = {
        path.name: {
            label_key(_DAMAGE.sub("", t["indicator_raw"]))
            for t in gold_targets(path)
            if t.get("indicator_raw")
        }
        for path in GOLD_FILES
    }
    elsewhere = set().union(*(w for name, w in wordings.items() if name != gold.name))
    own = {
        label
        for label in wordings[gold.name] - elsewhere
        if label in lexicon.indicators and label_key(lexicon.indicators[label].label) != label
    }
    kept = {label: c for label, c in lexicon.indicators.items() if label not in own}
    return replace(
        lexicon,
        indicators=kept,
        indicator_signatures=indicator_signatures(kept, lexicon.indicator_parts),
    )


def leave_one_plan_out_misses(gold: Path) -> tuple[list[tuple[dict, IndicatorConcept]], int]:
    """The gold targets of one plan that miss their canonical indicator, each with the
    concept its wording reached, matched in its quote (as the build reads a target in its
    sentence) by the lexicon without the labels only this plan's wordings supplied; and the
    number of targets scored."""
    without = lexicon_without_own_labels(gold)
    scored = [
        t for t in gold_targets(gold) if t.get("indicator_raw") and t.get("indicator_canonical")
    ]
    misses = []
    for t in scored:
        wording = _DAMAGE.sub("", t["indicator_raw"])
        concept = without.indicator(wording, t.get("unit"), t.get("quote") or "")
        if not (concept.reviewed and norm(concept.label) == norm(t["indicator_canonical"])):
            misses.append((t, concept))
    return misses, len(scored)


def leave_one_plan_out(gold: Path) -> tuple[int, int]:
    """(targets on their canonical indicator, targets) of one gold plan, matched by the
    lexicon without the labels only this plan's wordings supplied."""
    misses, total = leave_one_plan_out_misses(gold)
    return total - len(misses), total


@pytest.mark.parametrize("gold", GOLD_FILES, ids=lambda p: p.name)
def test_leave_one_plan_out_mapping_rate(gold: Path) -> None:
    hits, total = leave_one_plan_out(gold)
    assert total > 0
    assert hits / total >= LEAVE_ONE_PLAN_OUT_FLOORS[gold.name], f"{hits}/{total}"


@pytest.mark.parametrize(
    ("wording", "unit", "canonical"),
    [
        pytest.param("护理型床位", "%", "养老机构护理型床位占比", id="share-implied-by-percent"),
        pytest.param("政府运营床位", "%", "政府运营床位占比", id="share-implied-by-percent-2"),
        pytest.param(
            "每个县（市、区）老年大学", "所", "每个县(区)老年大学数", id="county-spelling"
        ),
        pytest.param(
            "每个县(市)区失能照护服务机构",
            "所",
            "每个县(区)失能照护服务机构数",
            id="county-spelling-2",
        ),
        pytest.param("每千人口托位数", None, "每千人口托位数", id="exact-label-without-unit"),
        pytest.param("托育机构备案数", "个", "备案托育机构数", id="word-order"),
        pytest.param("登记备案托育机构数量", "个", "备案托育机构数", id="synonyms"),
        pytest.param(
            "每千人口（常住人口）拥有3岁以下婴幼儿托位数", "个", "每千人口托位数", id="filler"
        ),
        pytest.param(
            "建有老年学校的乡（镇）、街道（比例）",
            None,
            "建有老年学校的乡镇(街道)比例",
            id="measure-gloss",
        ),
        pytest.param(
            "65周岁及以上老年人城乡社区规范健康管理服务率",
            "%",
            "老年人城乡社区规范健康管理服务率",
            id="age-in-zhousui",
        ),
        pytest.param(
            "每千人口医疗机构床位数", "张", "每千人口医疗卫生机构床位数", id="statistics-name"
        ),
        pytest.param(
            "努力实现养老机构护理型床位占比", "%", "养老机构护理型床位占比", id="goal-hedge"
        ),
        pytest.param("3 | 每千人口托位数", "个", "每千人口托位数", id="table-row-number"),
        pytest.param(
            "养老机构护理型床位数占养老机构床位总数的比例",
            "%",
            "养老机构护理型床位占比",
            id="share-whose-part-names-the-whole-qualifier",
        ),
    ],
)
def test_lexicon_indicator_fallbacks(wording: str, unit: str | None, canonical: str) -> None:
    """Issue 3: a wording that is no label still finds its concept when the unit names
    the noun it leaves out, or the county level is spelt another way; issue 13: when it
    has the parts of a label in another order, with synonyms, fillers or glosses."""
    from policygraph.lexicon_data import load_lexicon

    concept = load_lexicon().indicator(wording, unit)
    assert concept.reviewed and concept.label == canonical


def test_lexicon_unknown_wording_gets_its_own_unreviewed_concept() -> None:
    from policygraph.lexicon_data import load_lexicon

    lexicon = load_lexicon()
    first = lexicon.indicator("养老服务志愿者注册人数", "人")
    assert not first.reviewed and first.label == "养老服务志愿者注册人数"
    assert first.key.startswith("indicator/x-")
    assert lexicon.indicator("养老服务志愿者注册人数", "人") == first
    assert lexicon.indicator("托育服务志愿者注册人数", "人").key != first.key


@pytest.mark.parametrize("unit", ["个", "处", "万人次", "个百分点"])
def test_label_key_drops_any_value_unit_after_the_name(unit: str) -> None:
    from policygraph.lexicon import label_key

    assert label_key(f"老年助餐服务点（{unit}）") == "老年助餐服务点"


@pytest.mark.parametrize("wording", ["培训率", "参保率", "覆盖率"])
def test_a_bare_wording_is_not_matched_out_of_context(wording: str) -> None:
    from policygraph.lexicon_data import load_lexicon

    assert not load_lexicon().indicator(wording, "%").reviewed


def test_a_bare_wording_is_matched_in_the_context_that_names_its_subject() -> None:
    from policygraph.lexicon_data import load_lexicon

    lexicon = load_lexicon()
    context = "加强养老托育从业人员岗前培训和技能培训，培训率达到100%"
    assert lexicon.indicator("培训率", "%", context).label == "养老托育从业人员培训率"
    assert not lexicon.indicator("培训率", "%", "开展培训，培训率达到100%").reviewed


def test_a_per_unit_concept_needs_its_unit_said() -> None:
    """A count of facilities is a per-unit target (每个县(区)医养结合机构数) only where the
    wording or its statement says 每个 or opens with the unit: 湖北's 医养结合机构达到500家
    is a province's total (the count the 2022 老龄事业发展公报 states for the country),
    昆明's 每个县（市）区至少建成1家医养结合机构 is per county, and 临沧's 街道至少建有1个
    综合功能的养老服务中心 per street."""
    from policygraph.lexicon_data import load_lexicon

    lexicon = load_lexicon()
    total = lexicon.indicator("医养结合机构", "家", "医养结合机构达到500家以上")
    assert total.reviewed and total.label == "医养结合机构数"
    per_county = lexicon.indicator("医养结合机构", "家", "每个县（市）区至少建成1家医养结合机构")
    assert per_county.label == "每个县(区)医养结合机构数"
    per_street = lexicon.indicator("街道综合功能的养老服务中心", "个")
    assert per_street.label == "每个街道综合养老服务机构数"
    assert lexicon.indicator("示范性托育机构", "所").label == "示范性托育机构数"


def test_a_facility_after_a_per_unit_minimum_is_counted_per_unit() -> None:
    """每个<unit>至少建成1所<facility> sets the count for each unit, and a wording cut to the
    facility is read with it (周口: 每个县（市、区）至少建成一所示范性托育机构, gold 每个县(区)示范性
    托育机构数), while a plan's total of the same facilities stays a total."""
    from policygraph.lexicon_data import load_lexicon

    lexicon = load_lexicon()
    statement = "到2025年，每个县（市、区）至少建成一所示范性托育机构"
    per_county = lexicon.indicator("示范性托育机构", "所", statement)
    assert per_county.label == "每个县(区)示范性托育机构数"
    total = lexicon.indicator("示范性托育机构", "所", "全市建成示范性托育机构10所")
    assert total.label == "示范性托育机构数"


def test_an_item_after_an_increase_word_is_its_increase() -> None:
    """新增普惠托位5580个 and 继续增加15万个普惠托位 count places added: a wording cut to the
    item (普惠托位) is read as the increase (新增普惠性托位), and a stock stays a stock, as does
    an item the statement also names without 新增."""
    from policygraph.lexicon_data import load_lexicon

    lexicon = load_lexicon()
    for statement in ("新增普惠托位5580个", "继续增加15万个普惠托位"):
        assert lexicon.indicator("普惠托位", "个", statement).label == "新增普惠性托位"
    assert lexicon.indicator("托位", "个", "新增托位2000个").label == "新增托位数"
    assert lexicon.indicator("托位", "个", "全市托位达到2000个").label == "托位数"
    both = "新增托位2000个，全市托位达到5000个"  # which of the two is unsaid: the plain reading
    assert lexicon.indicator("托位", "个", both).label == "托位数"


def test_a_share_of_funds_is_read_with_the_use_its_statement_names() -> None:
    """各级福利彩票公益金按不低于55%的比例投入养老服务 states the share of the lottery funds that
    goes to elderly care: the funds' wording with its percentage is that share; a statement
    naming no use leaves it unreviewed."""
    from policygraph.lexicon_data import load_lexicon

    lexicon = load_lexicon()
    statement = "本级福彩公益金按不低于60%的比例用于支持发展养老服务。"
    share = lexicon.indicator("本级福彩公益金", "%", statement)
    assert share.label == "福彩公益金用于养老服务比例"
    assert not lexicon.indicator("本级福彩公益金", "%", "本级福彩公益金增长10%").reviewed


@pytest.mark.parametrize(
    ("key", "text"),
    [
        ("福彩公益金", "福彩公益金按60%的比例用于养老服务，福彩公益金55%以上投入托育服务。"),
        ("福彩公益金", "福彩公益金增长10%，福彩公益金不低于55%用于养老服务"),
        ("金金", "金金金用于养老服务；金金金金投入托育服务"),
        ("福彩公益金", "按不低于55%的比例用于养老服务"),
        ("", "用于养老服务，投入托育服务"),
    ],
)
def test_the_uses_after_a_wording_are_found_as_the_pattern_finds_them(key: str, text: str) -> None:
    """The share-of-funds reading finds the uses after a wording without compiling a
    pattern per wording (build CPU): the same places and uses as the pattern would, the
    wording named twice, overlapping itself, not at all, or empty."""
    from policygraph.lexicon import SHARE_USED, _uses_after

    pattern = re.compile(re.escape(key) + SHARE_USED)
    assert _uses_after(key, text) == [(m.start(), m["use"]) for m in pattern.finditer(text)]


def test_unreviewed_wordings_with_the_same_parts_share_one_concept() -> None:
    """Plans that write one new indicator in two word orders meet on one unreviewed
    concept, which a reviewer can then promote."""
    from policygraph.lexicon_data import load_lexicon

    lexicon = load_lexicon()
    one = lexicon.indicator("注册养老服务志愿者人数", "人")
    other = lexicon.indicator("养老服务志愿者注册数", "人")
    assert not one.reviewed and one.key == other.key


def test_a_wording_whose_parts_reach_no_label_is_read_in_its_table_group() -> None:
    """万州's table states 财政投入比例 and 从业人员持证上岗率 under the group 托育服务:
    without the labels only 万州 gave the scheme, the group names their subject; under
    养老服务, or with no context, no childcare concept is reached."""
    without = lexicon_without_own_labels(next(g for g in GOLD_FILES if g.stem == "wanzhou"))
    assert without.indicator("财政投入比例", "%", "托育服务").label == "托育财政投入比例"
    assert (
        without.indicator("从业人员持证上岗率", "%", "托育服务").label == "托育从业人员持证上岗率"
    )
    for context in ("养老服务", ""):
        assert not without.indicator("财政投入比例", "%", context).reviewed


def test_the_build_reads_a_bare_wording_in_its_sentence(tmp_path: Path) -> None:
    """Issue 13: the build passes each target's section heading and sentence to the
    indicator matcher, so 培训率 lands on the indicator its sentence names the subject of
    (周口: 加强养老托育从业人员岗前培训和技能培训，培训率达到100%); the next sentence of
    the same paragraph, which names none, is not read with it."""
    from policygraph.build import extract_plan
    from policygraph.lexicon_data import load_lexicon

    plan = tmp_path / "plan.txt"
    plan.write_text(
        "某市“一老一小”整体解决方案\n\n三、主要任务\n\n（五）提高人才要素供给能力\n\n"
        "将养老护理员、保育员培训纳入全市职业技能提升行动，加强养老托育从业人员岗前培训和"
        "技能培训，培训率达到100%。开展培训，到2025年，培训率达到100%。\n",
        encoding="utf-8",
    )
    lexicon = load_lexicon()
    concepts = {t.year: lexicon.indicator_of(t) for t in extract_plan(plan).targets}
    assert concepts[None].label == "养老托育从业人员培训率"
    assert not concepts[2025].reviewed


def gold_wording_hits(targets: list[dict], lexicon: Lexicon) -> tuple[int, int, int]:
    """(wordings on a reviewed indicator, wordings on their canonical one, wordings) of
    a text's gold targets that name an indicator: each wording read as the pipeline reads
    the text and matched with its statement (the quote) as context, the nearest the gold
    holds to the section heading and sentence the build reads (`Lexicon.indicator_of`)."""
    from policygraph.evaluate import as_read

    scored = [t for t in targets if t.get("indicator_raw") and t.get("indicator_canonical")]
    reviewed = right = 0
    for t in scored:
        wording = as_read(_DAMAGE.sub("", t["indicator_raw"]))
        concept = lexicon.indicator(wording, t.get("unit"), as_read(t.get("quote") or ""))
        canonical = lexicon.indicator(as_read(t["indicator_canonical"]))
        reviewed += concept.reviewed
        right += concept.reviewed and concept.key == canonical.key
    return reviewed, right, len(scored)


DEV_SET_PHRASINGS = (
    "护理型床位数占养老机构床位比例 % 养老机构护理型床位占比",  # part 占 whole 比例
    "二级及以上综合医院设立老年医学专科比例 % 设立老年医学科的二级及以上综合性医院比例",
    "养老服务床位从 张 养老床位数",  # cut where its verb starts
    "养老机构护理型床位占比将 % 养老机构护理型床位占比",
    "全省常住人口每千人拥有3岁以下托位数 个 每千人口托位数",
    "全市每千名老人养老床位 张 每千名老年人养老床位数",
    "新建城区、居住（小）区配套建设养老服务设施达标率 % 新建城区和居住区养老服务设施配建达标率",
    "新生儿死亡率 ‰ 新生儿死亡率",
    "学前三年毛入园率 % 学前教育毛入园率",
    "15岁以上吸烟率 % 15岁以上人群吸烟率",  # 人群 left out
    "地级以上城市空气优良天数比 % 地级及以上城市空气质量优良天数比率",  # 及以上, 比 for 比率
    "每千人口拥有执业（助理）医师数 人 每千人口执业（助理）医师数",
    "二级以上综合医院设立老年医学科比例 % 设立老年医学科的二级及以上综合性医院比例",
    "中国居民健康素养水平 % 居民健康素养水平",  # national scope; a label with no measure word
    "中国的人均预期寿命 岁 人均预期寿命",
    "适龄儿童免疫规划疫苗接种率以乡（镇、街道）为单位 % 免疫规划疫苗接种率",  # counted per 乡
    "乡镇（街道）托育机构 无 乡镇（街道）托育机构覆盖率",  # …基本全覆盖, stated in words
    "武汉全市每千人口拥有3岁以下婴幼儿托位数 个 每千人口托位数",  # the plan's region opens it
    "湖北省养老床位 张 养老床位数",
    "2025年我国学前教育毛入园率 % 学前教育毛入园率",  # the target year opens it
    "其中养老机构护理型床位占比 % 养老机构护理型床位占比",  # 其中: part of the total before
    "养老机构中护理型床位占比 % 养老机构护理型床位占比",  # whole 中 part 占比
    "3岁以下婴幼儿入托率 % 3岁以下婴幼儿入托率",  # “十五五”纲要
    "每千人口拥有执业医师数 人 每千人口执业医师数",  # not the 执业（助理）医师 of 十四五
    "新增托位数 个 新增托位数",  # an increment: 新增托位数400个以上 (南陵 工作报告 task table)
    "新增婴幼儿托位 个 新增托位数",  # 新增婴幼儿托位1000个以上 (万州)
    "北京市新增养老床位 张 新增养老床位数",  # 将新增养老床位约5.1万张 (北京 设施规划)
    "★每千人托位数 个 每千人口托位数",  # the mark of a key indicator (桐乡 标志性成果 table)
    "“双师型”教师占专业课教师总数 % “双师型”教师占专业课教师总数的比例",  # 占 + %: a share
    "专业照护为主的县级特困供养服务设施（敬老院） 所 县级特困人员供养服务设施数",  # 普明市
    "失业人员再就业 人 城镇失业人员再就业",  # 常州钟楼 (tune); 人社部 2022 writes no 城镇
    "城乡社区日间照料机构覆盖率 % 社区日间照料机构覆盖率",  # 城乡: the plan's whole area
    "婴幼儿家长和看护人员接受科学育儿指导率 % 科学育儿指导率",  # 潼关 (tune)
    "新增养老床位超 张 新增养老床位数",  # cut before the figure: 新增床位超200张 (海安, tune)
    "高中阶段毛入学率 % 高中阶段教育毛入学率",  # 教育部 2023 / 发改社会〔2021〕1946号
    "每个县专业照护为主的县级特困供养服务设施（敬老院） 所 县级特困人员供养服务设施数",  # 普明市
    "每个乡镇（街道）至少建成1家具有示范效应的普惠性托育服务机构 家 每个乡镇(街道)示范性普惠托育机构数",  # 昆明; 新安街道
    "增加学位 个 新增学位",  # 增加学位5000个 (常州钟楼, tune); 福建 2014 为民办实事: 增加3万个学位
)
"""Real phrasings (武汉, 辽宁, 湖北, 南陵, 北京 dev texts; 万州; 发改社会〔2021〕1946号; 健康儿童行动提升计划;
国民健康规划; a city's 一老一小 plan; the “十五五” 纲要),
each as wording, unit (无: none) and the canonical indicator it names."""


@pytest.mark.parametrize("case", DEV_SET_PHRASINGS)
def test_dev_set_phrasings_reach_their_indicator(case: str) -> None:
    """Issue 12/13: phrasings of the dev-set texts and the national lists land on their
    concept: a share written part 占 whole 比例 (武汉: 护理型床位数占养老机构床位比例), a
    wording cut where its verb starts (养老服务床位从…增加到…), 每千人 / 老人 for 每千人口 /
    老年人, and the indicators of the national lists the scheme now holds."""
    from policygraph.lexicon_data import load_lexicon

    wording, unit, canonical = case.split()
    concept = load_lexicon().indicator(wording, None if unit == "无" else unit)
    assert concept.reviewed and concept.label == canonical


@pytest.mark.parametrize("wording", ["城区社区养老服务设施覆盖率", "公安社区养老服务设施覆盖率"])
def test_a_region_name_is_dropped_only_where_it_is_one(wording: str) -> None:
    """城区 and 公安 are names of counties too short to tell from words: a wording is
    read without its region only for a full name (湖北省) or a short one before 全市
    (社区养老服务设施覆盖率 alone is a label)."""
    from policygraph.lexicon_data import load_lexicon

    lexicon = load_lexicon()
    assert lexicon.indicator(wording[2:], "%").reviewed
    assert not lexicon.indicator(wording, "%").reviewed


@pytest.mark.parametrize(
    ("wording", "unit", "canonical"),
    [
        ("新建婴幼儿照护服务机构示范点", "家", "示范性托育机构数"),  # 泉州 2021
        ("打造区域性养老服务中心", "个", "区域性养老服务中心"),  # 泉州 2021
        ("改造建设长者食堂", "个", "长者食堂"),  # 泉州 2021
        ("建成老年食堂", "个", "长者食堂"),  # 来安 2022
        ("实施生活困难老年人家庭适老化改造", "户", "居家适老化改造户数"),  # 普明区 (tune)
        ("持续新增学位", "个", "新增学位"),  # 桐乡 (tune): the increment stays one
        ("创建全国示范性老年友好型社区", "个", "示范性老年友好型社区数"),  # 国卫老龄发〔2020〕23号
        ("新建托位", "个", "新增托位数"),  # what a project builds is an increase
        ("建成家庭养老床位", "张", "新增家庭养老床位"),
        ("村级老年助餐点", "个", "社区老年助餐点"),  # 来安 2022: one facility at any level
    ],
)
def test_a_project_is_read_as_the_item_it_builds(wording: str, unit: str, canonical: str) -> None:
    """Issue 13: an item of a 民生实事 list names the facility its project builds with the
    verb of the project (新建, 打造, 改造建设, 建成, 实施): read without the verb it lands
    on the increase of the item where the scheme has one (新建托位 → 新增托位数), else on
    the item's concept; 新增 is no such verb (新增学位 is an increment of its own)."""
    from policygraph.lexicon_data import load_lexicon

    concept = load_lexicon().indicator(wording, unit)
    assert concept.reviewed and concept.label == canonical


def test_an_opening_verb_is_dropped_only_where_the_wording_names_nothing() -> None:
    """新建 opens labels too (新建城区和居住区…达标率): a wording that is a label as written
    keeps its concept, and a verb alone is not read as an item."""
    from policygraph.lexicon_data import load_lexicon

    lexicon = load_lexicon()
    written = lexicon.indicator("新建城区、新建居住区配套建设养老服务设施达标率", "%")
    assert written.label == "新建城区和居住区养老服务设施配建达标率"
    assert not lexicon.indicator("新建", "个").reviewed
    assert not lexicon.indicator("新建镇村公交候车亭", "座").reviewed


def test_the_kinds_listed_before_deng_are_read_as_the_noun_they_are_kinds_of() -> None:
    """Issue 13: a population written as its kinds and 等 (伤残病等重点幼儿, 西咸; 困难、高龄、
    失能等老年人家庭) is the noun after 等; 中等, 高等 are words, not a list."""
    from policygraph.lexicon_data import load_lexicon

    lexicon = load_lexicon()
    guidance = lexicon.indicator("伤残病等重点幼儿接受照护指导率", "%")
    assert guidance.reviewed and guidance.label == "重点幼儿接受照护指导率"
    homes = lexicon.indicator("困难、高龄、失能等老年人家庭适老化改造", "户")
    assert homes.reviewed and homes.label == "居家适老化改造户数"
    assert lexicon.indicator("中等职业学校", "所").label == "中等职业学校"
    assert lexicon.indicator("高等教育毛入学率", "%").label == "高等教育毛入学率"


@pytest.mark.parametrize(
    ("wording", "unit", "canonical"),
    [
        ("在公共场所配置自动体外除颤仪（AED）", "台", "自动体外除颤器（AED）"),  # 桐庐 (tune)
        ("AED（自动体外除颤仪）", "台", "自动体外除颤器（AED）"),  # 晋江 2022
        ("新增公共停车泊位", "个", "新增公共停车位"),  # 福州 2019
        ("城市生活垃圾无害化处理率", "%", "设市城市生活垃圾无害化处理率"),
        ("工程建设项目全流程审批时间", "个工作日", "工程建设项目审批时间"),  # 遂府函〔2019〕55号
        ("万元工业增加值用水量降低", "%", "单位工业增加值用水量降低"),
        ("二氧化硫排放量", "万吨", "二氧化硫排放总量"),
    ],
)
def test_a_new_phrasing_of_a_listed_item_reaches_it(
    wording: str, unit: str, canonical: str
) -> None:
    """Issue 13 (ind10): the items of the lists of 民生实事, 放管服 and 环境 read by their parts."""
    from policygraph.lexicon_data import load_lexicon

    concept = load_lexicon().indicator(wording, unit)
    assert concept.reviewed and concept.label == canonical


@pytest.mark.parametrize(
    ("wording", "unit", "canonical"),
    [
        ("培训家政服务人员", "人次", "家政服务人员培训人次"),  # 宣城 2024 (tune)
        ("家政服务人员培训", "人次", "家政服务人员培训人次"),  # 枞阳 2024 放心家政 progress
        ("家政服务从业人员培训", "人次", "家政服务人员培训人次"),  # 从业, as 安徽's 方案 writes it
        ("新增家政服务人员", "人", "新增家政服务人员数"),  # 宣城 2024 (tune); 安徽 放心家政
        ("医养结合机构", "家", "医养结合机构数"),  # 湖北 (tune); 2022 老龄事业发展公报
        ("两证齐全的医养结合机构", "家", "医养结合机构数"),  # the bulletin's name
        ("老年食堂、老年助餐点", "个", "老年食堂和助餐点数"),  # 合肥 (tune)
        ("老年食堂(助餐点)", "个", "老年食堂和助餐点数"),  # 安徽 (人民网 2022-10-10)
        ("新增老年食堂、助餐点", "个", "新增老年食堂和助餐点数"),  # 合肥 (tune), 安徽's 新增2500个
        ("新增社区老年助餐点", "个", "新增老年助餐点数"),  # 丹阳 2024: 新增6个城市社区助餐点
        ("老年人助餐点新增数", "个", "新增老年助餐点数"),  # 江宁 2024 (tune)
        ("新增康养联合体", "家", "新增康养联合体"),  # 杭州 2022 (tune, the list's own report)
        ("婴幼儿成长驿站", "个", "社区婴幼儿成长驿站"),  # 拱墅区's 托育 services; 杭州 2022
    ],
)
def test_the_counts_of_people_and_facilities_one_lao_one_xiao_lists_set_reach_them(
    wording: str, unit: str, canonical: str
) -> None:
    """Issue 13 (ind19): counts that 一老一小 plans set and no national table held — domestic
    workers trained (人次) and added (安徽's 放心家政行动方案), 医养结合机构 (the 2022 老龄事业
    发展公报), canteens and meal points counted as one total (安徽's 老年助餐 action) and meal
    points added (丹阳's 民生实事), 杭州's 康养联合体 and 婴幼儿成长驿站 — land on their concepts,
    whichever of the lists' spellings a plan prints."""
    from policygraph.lexicon_data import load_lexicon

    concept = load_lexicon().indicator(wording, unit)
    assert concept.reviewed and concept.label == canonical


def test_a_kind_or_a_stock_is_not_the_total_or_increase_a_list_counts() -> None:
    """A plan that counts canteens or meal points alone counts one kind (来安 2022: 1个老年食堂、
    18个社区老年助餐点), not 安徽's total of both; a stock is no increase (杭州's list counts the
    康养联合体 added, so the consortia in all stay unreviewed)."""
    from policygraph.lexicon_data import load_lexicon

    lexicon = load_lexicon()
    assert lexicon.indicator("老年食堂", "个").label == "长者食堂"
    assert lexicon.indicator("老年助餐点", "个").label == "社区老年助餐点"
    assert lexicon.indicator("老年食堂、老年助餐点", "个").label != "新增老年食堂和助餐点数"
    assert not lexicon.indicator("康养联合体", "家").reviewed


def test_a_counts_wording_with_a_percentage_is_not_the_count() -> None:
    """排放总量 stated with a % is its change (比2010年下降8%), not the total in 万吨; nor does
    a bare 停车位 or AED training reach the listed items."""
    from policygraph.lexicon_data import load_lexicon

    lexicon = load_lexicon()
    assert lexicon.indicator("化学需氧量排放总量", "万吨").label == "化学需氧量排放总量"
    assert not lexicon.indicator("化学需氧量排放总量", "%").reviewed
    assert not lexicon.indicator("改造停车位", "个").reviewed
    assert not lexicon.indicator("重点管理人员AED应用培训", None).reviewed


def test_a_cut_wording_is_not_emptied() -> None:
    """A tail word is dropped only after a name (将 alone stays a bare, unmatched word)."""
    from policygraph.lexicon_data import load_lexicon

    assert not load_lexicon().indicator("将", "%").reviewed


@pytest.mark.parametrize("folder", ["tune"])
def test_dev_set_gold_wordings_reach_their_canonical_indicator(folder: str) -> None:
    """The gold wordings of the tune dev texts (which built no label of the scheme) that
    reach the concept their indicator_canonical names: 21/86 before the tuning of issue 13,
    42/86 after it; 61/120 with the dev texts of 2026-12-05, 70/120 once 民生实事 items are
    read without their project's verb and the lists of more domains are in the scheme;
    114/212 with the sixth session's texts (environment, energy-saving, education and
    中医药 plans whose indicators no list of the scheme holds: new texts, not a regression)."""
    from policygraph.lexicon_data import load_lexicon

    totals = [0, 0, 0]
    for path in sorted((ROOT / "tests" / "devset" / folder / "gold").glob("*.json")):
        counts = gold_wording_hits(gold_targets(path), load_lexicon())
        totals = [a + b for a, b in zip(totals, counts, strict=True)]
    _reviewed, right, total = totals
    assert right / total >= 0.51, f"{right}/{total}"


TUNE = ROOT / "tests" / "devset" / "tune"
PLACES_PER_THOUSAND = "每千人口托位数"


def _gold_places_2025(gold_dir: Path) -> dict[str, set[Decimal]]:
    """text file → the 2025 每千人口托位数 values its gold states."""
    wanted: dict[str, set[Decimal]] = {}
    for path in sorted(gold_dir.glob("*.json")):
        gold = json.loads(path.read_text(encoding="utf-8"))
        values = {
            Decimal(str(value["value"]))
            for target in gold["targets"]
            if target.get("indicator_canonical") == PLACES_PER_THOUSAND
            for value in target["values"]
            if value["year"] == 2025
        }
        if values:
            wanted[gold["file"]] = values
    return wanted


def test_indicator_comparison_lines_up_the_tune_plans_childcare_places(tmp_path: Path) -> None:
    """Issue 13: the 2025 每千人口托位数 target of every tune plan whose gold states one is a
    row of `indicator-comparison`, built from the text as `policygraph build` builds it."""
    wanted = _gold_places_2025(TUNE / "gold")
    assert wanted, "the tune gold states no 2025 每千人口托位数 target"
    build_corpus([TUNE / "texts" / name for name in wanted], tmp_path / "graphs", jobs=1)
    query = library()["indicator-comparison"]
    result = run_query(
        load_store(tmp_path / "graphs"), query, {"indicator": PLACES_PER_THOUSAND, "year": "2025"}
    )
    at = {column: i for i, column in enumerate(result.columns)}
    found: dict[str, set[Decimal]] = defaultdict(set)
    for row in result.rows:
        found[row[at["plan"]]].add(Decimal(row[at["value"]]))
    missing = {
        name: values
        for name, values in wanted.items()
        if not values & found[mint_iri("plan", name.rsplit(".", 1)[0])]
    }
    assert not missing, f"2025 每千人口托位数 targets not in indicator-comparison: {missing}"
