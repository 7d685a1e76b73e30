"""Tests of registry.py: known parent policies as RDF, resolution, lineage (issue 5)."""

from __future__ import annotations

import csv
from pathlib import Path

import pyoxigraph as ox
import pytest
from rdflib import Graph, Literal, URIRef
from rdflib.namespace import RDF, RDFS

from policygraph.build import BuildReport
from policygraph.graph import registry_graph
from policygraph.lexicon_data import load_lexicon
from policygraph.query import library, run_query
from policygraph.registry import (
    REGISTRY_FILE,
    ParentTarget,
    doc_iri,
    issuer_of_code,
    load_registry,
)
from policygraph.resources import resource_dir
from policygraph.store import graph_to_turtle, load_store
from policygraph.vocab import DCTERMS, PG, PGR

NATIONAL_52 = "国办发〔2020〕52号"
XIXIAN_REGIONS = load_lexicon().enclosing_regions("西咸新区")
KUNMING_REGIONS = load_lexicon().enclosing_regions("昆明市")


@pytest.fixture(scope="module")
def store(built: tuple[BuildReport, Path]) -> ox.Store:
    return load_store(built[1])


@pytest.fixture(scope="module")
def union(built: tuple[BuildReport, Path]) -> Graph:
    graph = Graph()
    for path in sorted(built[1].rglob("*.ttl")):
        graph.parse(path, format="turtle")
    return graph


# --- the registry graph ------------------------------------------------------------------


@pytest.mark.parametrize("number", sorted(load_registry().policies))
def test_registry_policy_has_number_title_issuer_jurisdiction_and_source(number: str) -> None:
    graph, node = registry_graph(), doc_iri(number)
    assert (node, RDF.type, PG.PolicyDocument) in graph
    assert graph.value(node, PG.docNumber) == Literal(number)
    assert graph.value(node, DCTERMS.title) is not None
    assert str(graph.value(node, DCTERMS.source))
    issuer = graph.value(node, PG.issuedBy)
    assert (issuer, RDF.type, PG.Department) in graph
    assert graph.value(issuer, PG.jurisdiction) is not None
    assert graph.value(node, PG.jurisdiction) is not None


def test_registry_parents_are_registry_entries() -> None:
    registry = load_registry()
    parents = {p for policy in registry.policies.values() for p in policy.implements}
    assert parents and parents <= set(registry.policies)


def test_registry_national_issuer_is_the_state_council_office_of_china() -> None:
    graph = registry_graph()
    issuer = graph.value(doc_iri(NATIONAL_52), PG.issuedBy)
    assert str(graph.value(issuer, PG.jurisdiction)) == str(PGR) + "region/中国"
    assert str(graph.value(issuer, RDFS.label)) == ("国务院办公厅")


@pytest.mark.parametrize("target", load_registry().targets, ids=lambda t: t.indicator)
def test_registry_parent_target_has_the_shape_validation_relies_on(target: ParentTarget) -> None:
    """pgr:target/parent/<number>/<indicator key>/<year>, a reviewed indicator concept."""
    graph, lexicon = registry_graph(), load_lexicon()
    concept = lexicon.indicator(target.indicator)
    assert concept.reviewed, f"{target.indicator} is not in indicators.ttl"
    key = concept.key.removeprefix("indicator/")
    node = URIRef(f"{PGR}target/parent/{target.number}/{key}/{target.year}")
    assert (doc_iri(target.number), PG.hasTarget, node) in graph
    assert str(graph.value(node, PG.indicator)) == str(PGR) + concept.key
    for term in (PG.year, PG.value, PG.comparator, PG.unit):
        assert graph.value(node, term) is not None


def test_registry_is_written_canonically_by_the_build(built: tuple[BuildReport, Path]) -> None:
    path = built[1] / REGISTRY_FILE
    assert path.read_bytes() == graph_to_turtle(registry_graph())


# --- resolution --------------------------------------------------------------------------


def test_registry_resolves_by_number() -> None:
    resolution = load_registry().resolve(NATIONAL_52, None, XIXIAN_REGIONS, load_lexicon())
    assert resolution.policy is not None and resolution.policy.number == NATIONAL_52
    assert not resolution.discrepancy


def test_registry_title_wins_over_a_wrong_number() -> None:
    """xixian prints 国办发(2023)52号 under the title of 国办发〔2020〕52号."""
    title = "国务院办公厅关于促进养老托育服务健康发展的意见"
    resolution = load_registry().resolve(
        "国办发〔2023〕52号", title, XIXIAN_REGIONS, load_lexicon()
    )
    assert resolution.policy is not None and resolution.policy.number == NATIONAL_52
    assert resolution.discrepancy


def test_registry_leaves_unknown_documents_unresolved() -> None:
    resolution = load_registry().resolve(
        "甲政发〔2021〕1号", "甲省意见", XIXIAN_REGIONS, load_lexicon()
    )
    assert resolution.policy is None


def test_registry_reads_a_relative_code_only_inside_its_region() -> None:
    """市政办发 is written by every city: 市政办发〔2023〕1号 is 西安市's only for a plan there."""
    lexicon = load_lexicon()
    assert load_registry().resolve("市政办发〔2023〕1号", None, XIXIAN_REGIONS, lexicon).policy
    assert not load_registry().resolve("市政办发〔2023〕1号", None, KUNMING_REGIONS, lexicon).policy


# --- the built corpus: lineage, discrepancy, unresolved documents ---------------------------


def _ancestors(store: ox.Store, stem: str) -> set[str]:
    rows = run_query(store, library()["plan-lineage"]).rows
    return {number for plan, _, number in rows if plan == f"{PGR}plan/{stem}"}


@pytest.mark.parametrize("stem", ["lincang", "xixian", "zhoukou"])
def test_registry_lineage_reaches_the_national_opinion(store: ox.Store, stem: str) -> None:
    assert NATIONAL_52 in _ancestors(store, stem)


def test_registry_lineage_is_multi_hop_for_lincang(store: ox.Store) -> None:
    assert _ancestors(store, "lincang") == {"云政办发〔2021〕34号", NATIONAL_52}


def test_registry_kunming_lineage_ends_at_its_parent(store: ox.Store) -> None:
    assert _ancestors(store, "kunming") == {"中发〔2021〕30号"}


def test_registry_xixian_wrong_number_is_a_discrepancy(union: Graph) -> None:
    plan = URIRef(f"{PGR}plan/xixian")
    (node,) = list(union.objects(plan, PG.discrepancy))
    assert (node, RDF.type, PG.CitationDiscrepancy) in union
    assert union.value(node, PG.citedNumber) == Literal("国办发〔2023〕52号")
    assert union.value(node, PG.resolvedTo) == doc_iri(NATIONAL_52)
    assert "国办发(2023)52号" in str(union.value(node, PG.quote))
    assert union.value(node, PG.line) == Literal(2)
    assert (plan, PG.implements, doc_iri(NATIONAL_52)) in union
    assert list(union.objects(doc_iri(NATIONAL_52), PG.docNumber)) == [Literal(NATIONAL_52)]


def test_registry_unresolved_citation_stays_with_its_issuer(union: Graph) -> None:
    """wanzhou's earlier local documents are in no registry: kept, resolved false,
    issuer from the issuer-code table."""
    node = doc_iri("万州委发〔2021〕7号")
    assert (URIRef(f"{PGR}plan/wanzhou"), PG.cites, node) in union
    assert union.value(node, PG.resolved) == Literal(False)
    issuer = union.value(node, PG.issuedBy)
    assert str(union.value(issuer, RDFS.label)) == ("中共重庆市万州区委员会")


def test_registry_cited_known_policy_is_resolved(union: Graph) -> None:
    assert union.value(doc_iri("云政办发〔2021〕34号"), PG.resolved) == Literal(True)


# --- issuer codes -----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("code", "issuer", "jurisdiction"),
    [
        ("川府发", "四川省人民政府", "四川省"),
        ("渝府办发", "重庆市人民政府办公厅", "重庆市"),
        ("京政办函", "北京市人民政府办公厅", "北京市"),
        ("赣府厅发", "江西省人民政府办公厅", "江西省"),
        ("皖政", "安徽省人民政府", "安徽省"),
        ("国卫人口发", "国家卫生健康委员会", "中国"),
        ("建标", "住房和城乡建设部", "中国"),
        ("勐海政办发", "勐海县人民政府办公室", "勐海县"),
        ("西双版纳政发", "西双版纳傣族自治州人民政府", "西双版纳傣族自治州"),
    ],
)
def test_issuer_codes_name_their_issuer(code: str, issuer: str, jurisdiction: str) -> None:
    assert issuer_of_code(code, frozenset(), load_lexicon()) == ((issuer,), jurisdiction)


def test_a_code_opening_with_no_short_name_names_no_issuer() -> None:
    assert issuer_of_code("民政发", frozenset(), load_lexicon()) is None


def test_a_prefecture_code_by_its_initial_is_read_inside_its_province() -> None:
    lexicon = load_lexicon()
    henan = lexicon.enclosing_regions("郸城县")
    assert issuer_of_code("洛政办", henan, lexicon) == (("洛阳市人民政府办公室",), "洛阳市")
    assert issuer_of_code("洛政办", frozenset(), lexicon) is None
    assert issuer_of_code("民政发", henan, lexicon) is None
    jiangsu = lexicon.enclosing_regions("江苏省")
    assert issuer_of_code("南政发", jiangsu, lexicon) is None  # 南京市 or 南通市


def test_issuer_code_levels_are_their_jurisdiction_s() -> None:
    lexicon = load_lexicon()
    with (resource_dir("data") / "issuer_codes.csv").open(encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle))
    assert {row["level"] for row in rows} <= {"national", "province", "city", "county"}
    for row in rows:
        key = lexicon.regions[row["jurisdiction"]]
        assert lexicon.region_levels[key] == row["level"], row["code"]
