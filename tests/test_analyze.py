"""analyze: citation lineage DAG and co-responsibility network from query rows."""

from __future__ import annotations

from pathlib import Path

import networkx as nx
import pyoxigraph as ox
import pytest

from policygraph.analyze import (
    co_responsibility_graph,
    function_roles,
    lineage_graph,
    plan_depths,
    policy_uses,
    to_graphml,
)
from policygraph.query import Rows, library, run_query
from policygraph.store import load_store

GRAPHS = Path(__file__).resolve().parents[1] / "graphs"
PGR = "https://w3id.org/policygraph/id/"
EDGE_COLUMNS = ("document", "documentLabel", "isPlan", "parent", "parentNumber", "parentLabel")
RESPONSIBILITY_COLUMNS = ("item", "kind", "plan", "department", "function", "functionLabel")


@pytest.fixture(scope="module")
def store() -> ox.Store:
    return load_store(GRAPHS)


def test_analyze_plan_depth_counts_hops_to_the_national_policy() -> None:
    edges = Rows(
        EDGE_COLUMNS,
        (
            ("county", "县方案", "true", "city", None, "市方案"),
            ("city", "市方案", "true", "prov", "豫发〔2021〕1号", None),
            ("prov", None, "false", "nat", "国办发〔2020〕52号", None),
            ("county", "县方案", "true", "nat", "国办发〔2020〕52号", None),
        ),
    )
    lineage = lineage_graph(edges)
    assert nx.is_directed_acyclic_graph(lineage)
    depths = {d.plan: (d.depth, d.tops) for d in plan_depths(lineage)}
    assert depths == {"county": (3, ("国办发〔2020〕52号",)), "city": (2, ("国办发〔2020〕52号",))}
    uses = policy_uses(lineage)
    assert (uses[0].label, uses[0].direct, uses[0].total) == ("国办发〔2020〕52号", 2, 3)


def test_analyze_function_roles_count_targets_and_sit_between() -> None:
    rows = Rows(
        RESPONSIBILITY_COLUMNS,
        (
            ("m1", "measure", "p", "d1", "ca", "民政"),
            ("m1", "measure", "p", "d2", "hl", "卫生健康"),
            ("m2", "measure", "p", "d2", "hl", "卫生健康"),
            ("m2", "measure", "p", "d3", "fi", "财政"),
            ("t1", "target", "p", "d1", "ca", "民政"),
            ("t2", "target", "p", "d1", "ca", "民政"),
            ("t2", "target", "p", "d4", "ca", "民政"),
        ),
    )
    network = co_responsibility_graph(rows)
    assert network.edges["ca", "hl"]["weight"] == 1 and not network.has_edge("ca", "fi")
    roles = {
        r.label: (r.targets, r.measures, r.partners, r.betweenness) for r in function_roles(network)
    }
    assert roles == {
        "民政": (2, 1, 1, 0.0),
        "卫生健康": (0, 2, 2, 1.0),
        "财政": (0, 1, 1, 0.0),
    }
    assert "<graphml" in to_graphml(network)


def test_analyze_corpus_lineage_and_network(store: ox.Store) -> None:
    lineage = lineage_graph(run_query(store, library()["implements-edges"]))
    depths = {d.plan: d for d in plan_depths(lineage)}
    assert depths[PGR + "plan/zhoukou"].depth >= 1 and depths[PGR + "plan/lincang"].depth >= 1
    assert "国办发〔2020〕52号" in depths[PGR + "plan/zhoukou"].tops
    implemented = {u.label for u in policy_uses(lineage)}
    assert "国办发〔2020〕52号" in implemented
    network = co_responsibility_graph(run_query(store, library()["function-responsibilities"]))
    roles = {r.function: r for r in function_roles(network)}
    civil = roles[PGR + "function/civil-affairs"]
    health = roles[PGR + "function/health"]
    assert network.has_edge(civil.function, health.function)
    assert civil.targets > 0 and civil.partners >= 3
    assert max(roles.values(), key=lambda r: r.betweenness).betweenness > 0


def test_analyze_command_prints_and_exports_graphml(tmp_path: Path) -> None:
    from typer.testing import CliRunner

    from policygraph.cli import app

    result = CliRunner().invoke(
        app, ["analyze", "--graphs", str(GRAPHS), "--graphml", str(tmp_path / "corpus.graphml")]
    )
    assert result.exit_code == 0, result.output
    assert "国办发〔2020〕52号" in result.output and "民政" in result.output
    lineage = nx.read_graphml(tmp_path / "corpus-lineage.graphml")
    network = nx.read_graphml(tmp_path / "corpus-co-responsibility.graphml")
    assert lineage.has_edge(PGR + "plan/zhoukou", PGR + "doc/国办发〔2020〕52号")
    assert network.has_edge(PGR + "function/civil-affairs", PGR + "function/health")
