"""The explorer's reads (explore.py) on the bundled graphs, and its server-drawn chart."""

from __future__ import annotations

from pathlib import Path

import pyoxigraph as ox
import pytest

from policygraph import explore
from policygraph.store import load_store
from policygraph.web.chart import Bar, Reference, bar_chart

GRAPHS = Path(__file__).resolve().parents[1] / "graphs"
PGR = "https://w3id.org/policygraph/id/"


@pytest.fixture(scope="module")
def store() -> ox.Store:
    return load_store(GRAPHS)


def test_a_policy_reached_by_two_paths_stands_at_its_longest_hop(store: ox.Store) -> None:
    plan = PGR + "plan/zhoukou"
    view = explore.document(store, plan)
    assert view is not None
    levels = explore.lineage_levels(plan, view.parents)
    numbers = [[p["number"] for p in level] for level in levels]
    assert numbers == [["豫发改社会〔2022〕76号"], ["国办发〔2020〕52号"]]


def test_measures_nest_in_outline_order(store: ox.Store) -> None:
    """（十）comes after （九）, not after （一）: the tree follows the numbered outline."""
    view = explore.document(store, PGR + "plan/wanzhou")
    assert view is not None
    notations = [m.record["notation"] for m in view.measures]
    assert notations[:7] == ["（五）", "（六）", "（七）", "（八）", "（九）", "（十）", "（十一）"]
    first = view.measures[0]
    assert [c.record["notation"] for c in first.children] == ["1.", "2.", "3."]
    assert len(first.children[1].children) == 2  # 2.'s paragraphs nest under it


def test_what_a_unit_owes_by_a_year_keeps_its_measures(store: ox.Store) -> None:
    unit = PGR + "department/万州区/区民政局"
    everything = explore.owed(store, [unit])
    by_2023 = explore.owed(store, [unit], by_year=2023)
    assert {r["year"] for r in everything if r["year"]} >= {"2023", "2025"}
    assert all(int(str(r["year"])) <= 2023 for r in by_2023 if r["year"])
    assert [r for r in by_2023 if r["kind"] == "measure"] == [
        r for r in everything if r["kind"] == "measure"
    ]
    shared = next(r for r in everything if r["partners"])
    assert "|" + PGR + "department/万州区/" in str(shared["partners"])


def test_an_indicator_keeps_parent_policy_values_apart_as_references(store: ox.Store) -> None:
    view = explore.indicator(store, PGR + "indicator/childcare-places-per-thousand")
    assert view is not None
    assert {r["number"] for r in view.references} == {"发改社会〔2021〕1946号"}
    assert {v["docLabel"] for v in view.values} >= {"临沧市促进养老托育服务健康发展实施方案"}
    assert all(v["plan"] == "true" for v in view.values)


def test_search_needs_every_word(store: ox.Store) -> None:
    found = explore.search(store, "万州 民政局")
    assert [(r["kind"], r["label"]) for r in found] == [("department", "区民政局")]
    assert explore.search(store, "   ") == []


def test_the_chart_escapes_its_labels_and_scales_to_the_largest_value() -> None:
    svg = bar_chart(
        [Bar("<script>x</script>", 2.0, "2个", "/target?iri=a&b"), Bar("乙", 4.0, "4个", "/t")],
        [Reference("国家 4.5", 4.5)],
        "每千人口托位数",
    )
    assert "<script>" not in svg and "&lt;script&gt;" in svg and "iri=a&amp;b" in svg
    assert svg.count('class="bar"') == 2 and svg.count('class="reference"') == 1
    widths = [float(part.split('"')[0]) for part in svg.split('width="')[2:4]]
    assert widths[1] == pytest.approx(2 * widths[0], rel=1e-2)


def test_a_target_finds_the_parent_target_on_its_indicator_up_the_lineage() -> None:
    """A county plan implements a provincial plan that implements a national one; the county
    target meets the national target on the same indicator (and not the other one)."""
    turtle = """
@prefix pg: <https://w3id.org/policygraph/ontology#> .
@prefix pgr: <https://w3id.org/policygraph/id/> .
@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
@prefix skos: <http://www.w3.org/2004/02/skos/core#> .
pgr:county-plan a pg:Plan ; rdfs:label "某县方案"@zh ; pg:hasTarget pgr:county-target ;
    pg:implements pgr:province-doc .
pgr:province-doc a pg:PolicyDocument ; rdfs:label "某省意见"@zh ; pg:implements pgr:nation-doc .
pgr:nation-doc a pg:PolicyDocument ; rdfs:label "国家意见"@zh ; pg:docNumber "国办发〔2099〕1号" ;
    pg:hasTarget pgr:nation-target , pgr:other-target .
pgr:places a pg:Indicator ; skos:prefLabel "每千人口托位数"@zh .
pgr:beds a pg:Indicator ; skos:prefLabel "养老床位"@zh .
pgr:county-target a pg:Target ; rdfs:label "托位"@zh ; pg:indicator pgr:places ; pg:year 2025 ;
    pg:value 3.0 .
pgr:nation-target a pg:Target ; rdfs:label "托位"@zh ; pg:indicator pgr:places ; pg:year 2025 ;
    pg:value 4.5 .
pgr:other-target a pg:Target ; rdfs:label "床位"@zh ; pg:indicator pgr:beds ; pg:year 2025 .
"""
    store = ox.Store()
    store.load(turtle.encode(), format=ox.RdfFormat.TURTLE)
    chain = explore.target_chain(store, PGR + "county-target")
    assert chain is not None
    assert [(c["number"], c["value"]) for c in chain.corresponding] == [
        ("国办发〔2099〕1号", "4.5")
    ]
    levels = explore.lineage_levels(PGR + "county-plan", chain.parents)
    assert [[p["label"] for p in level] for level in levels] == [["某省意见"], ["国家意见"]]
    assert explore.target_chain(store, PGR + "missing-target") is None


def test_bound_values_are_terms_never_query_text(store: ox.Store) -> None:
    """A search text that would close the query's brackets is only ever a literal."""
    hostile = '民政" ) } } SELECT * WHERE { ?s ?p ?o } #'
    assert explore.search(store, hostile) == []
    assert explore.document(store, "https://w3id.org/x> } ?s ?p ?o {") is None


def test_what_a_unit_owes_includes_what_it_inherits_as_domain_lead(store: ox.Store) -> None:
    """基层工作部牵头负责“一老”工作: the items of 西咸新区's plan that name no owner are owed by
    it too, as the library question department-obligations counts them."""
    from policygraph.api import Graphs

    unit = PGR + "department/西咸新区/基层工作部"
    rows = explore.owed(store, [unit])
    library = (
        Graphs(store)
        .query("department-obligations", name="基层工作部", jurisdiction="西咸新区")
        .records()
    )
    assert {str(r["label"]) for r in rows} == {str(r["item"]) for r in library}
    inherited = [r for r in rows if r["inherited"] == "true"]
    assert len(inherited) == sum(r["owner"] == "inherited" for r in library) > 0
    view = explore.document(store, PGR + "plan/xixian")
    assert view is not None
    heirs = {
        str(o["unitLabel"]) for os in view.owners.values() for o in os if o["inherited"] == "true"
    }
    assert "基层工作部" in heirs


def test_search_needs_every_word_beyond_the_first_words_page() -> None:
    """More than a page (200) of units match 局; the one in 丁县 sorts after them all and
    is still found by 丁县 局."""
    pg = "https://w3id.org/policygraph/ontology#"
    label = "http://www.w3.org/2000/01/rdf-schema#label"
    units = [("一区", f"第{n}局") for n in range(201)] + [("丁县", "民政局")]
    turtle = "".join(
        f'<{PGR}department/{i}> a <{pg}Department> ; <{label}> "{name}"@zh ;'
        f" <{pg}jurisdiction> <{PGR}region/{region}> .\n"
        f'<{PGR}region/{region}> <{label}> "{region}"@zh .\n'
        for i, (region, name) in enumerate(units)
    )
    store = ox.Store()
    store.load(turtle.encode(), format=ox.RdfFormat.TURTLE)
    found = explore.search(store, "局 丁县")
    assert [(r["where"], r["label"]) for r in found] == [("丁县", "民政局")]


def test_what_a_unit_owes_lists_a_duty_assigned_in_prose(duty_report_graphs: Path) -> None:
    """A unit named only by a duty a text assigns in prose (pg:Assignment, the 2019 分工 as a
    news report relays it, tune) owes that duty on its page, with its co-responsible unit."""
    store = load_store(duty_report_graphs)
    query = "SELECT ?d WHERE { ?d a <https://w3id.org/policygraph/ontology#Department> ; "
    query += '<http://www.w3.org/2000/01/rdf-schema#label> "国家药监局"@zh }'
    (unit,) = [row["d"].value for row in store.query(query)]
    rows = explore.owed(store, [unit])
    assert [(r["kind"], r["label"]) for r in rows] == [
        ("duty", "《意见》明确，强化药品疫苗全程监管，由国家药监局、国家卫生健康委等分工负责")
    ]
    assert "国家卫生健康委|" in str(rows[0]["partners"])
