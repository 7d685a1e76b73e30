"""Network views of the graphs: citation lineage and department co-responsibility.

Pure functions: query rows in (the `Rows` of implements-edges.rq and
function-responsibilities.rq), networkx graphs and plain records out.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from itertools import combinations

import networkx as nx

from policygraph.query import Rows


@dataclass(frozen=True)
class PlanDepth:
    """How far a plan sits below the top of its lineage (1 = implements a top policy), and
    the top policies (those implementing none) at that distance."""

    plan: str
    label: str
    depth: int
    tops: tuple[str, ...]


@dataclass(frozen=True)
class PolicyUse:
    """How many documents implement a policy, directly or through others."""

    policy: str
    label: str
    direct: int
    total: int


@dataclass(frozen=True)
class FunctionRole:
    """A function's weight in the co-responsibility network."""

    function: str
    label: str
    targets: int
    measures: int
    partners: int
    betweenness: float


def _records(rows: Rows) -> list[dict[str, str | None]]:
    return [dict(zip(rows.columns, row, strict=True)) for row in rows.rows]


def lineage_graph(edges: Rows) -> nx.DiGraph:
    """Documents as nodes, one edge document → parent policy per pg:implements."""
    graph = nx.DiGraph()
    for edge in _records(edges):
        child, parent = str(edge["document"]), str(edge["parent"])
        graph.add_node(child, label=edge["documentLabel"] or child, plan=edge["isPlan"] == "true")
        parent_label = edge["parentNumber"] or edge["parentLabel"] or parent
        graph.add_node(parent, label=parent_label)
        graph.nodes[parent].setdefault("plan", False)
        graph.add_edge(child, parent)
    return graph


def plan_depths(lineage: nx.DiGraph) -> list[PlanDepth]:
    """Each plan's longest chain of pg:implements up to a policy that implements none."""
    depths = []
    for node, data in lineage.nodes(data=True):
        if not data.get("plan"):
            continue
        reachable = nx.descendants(lineage, node)
        sub = lineage.subgraph(reachable | {node})
        hops = {
            top: max(len(path) - 1 for path in nx.all_simple_paths(sub, node, top))
            for top in reachable
            if lineage.out_degree(top) == 0
        }
        depth = max(hops.values(), default=0)
        tops = sorted(lineage.nodes[t]["label"] for t, h in hops.items() if h == depth)
        depths.append(PlanDepth(node, data["label"], depth, tuple(tops)))
    return sorted(depths, key=lambda d: (-d.depth, d.plan))


def policy_uses(lineage: nx.DiGraph) -> list[PolicyUse]:
    """Policies by how many documents implement them (directly, then in all)."""
    uses = [
        PolicyUse(node, data["label"], lineage.in_degree(node), len(nx.ancestors(lineage, node)))
        for node, data in lineage.nodes(data=True)
        if lineage.in_degree(node) > 0
    ]
    return sorted(uses, key=lambda u: (-u.total, -u.direct, u.label))


def co_responsibility_graph(responsibilities: Rows) -> nx.Graph:
    """Functions as nodes (with their target and measure counts); an edge per shared item."""
    graph = nx.Graph()
    owners: dict[str, set[str]] = defaultdict(set)
    for row in _records(responsibilities):
        function, item = str(row["function"]), str(row["item"])
        if function not in graph:
            graph.add_node(function, label=row["functionLabel"] or function, targets=0, measures=0)
        if item not in owners or function not in owners[item]:
            graph.nodes[function]["targets" if row["kind"] == "target" else "measures"] += 1
        owners[item].add(function)
    for functions in owners.values():
        for a, b in combinations(sorted(functions), 2):
            weight = graph.edges[a, b]["weight"] + 1 if graph.has_edge(a, b) else 1
            graph.add_edge(a, b, weight=weight)
    return graph


def function_roles(network: nx.Graph) -> list[FunctionRole]:
    """Functions by the targets they carry, with how many others they share work with and
    how often they sit between two others (betweenness centrality, unweighted)."""
    betweenness = nx.betweenness_centrality(network)
    roles = [
        FunctionRole(
            node,
            data["label"],
            data["targets"],
            data["measures"],
            network.degree(node),
            round(betweenness[node], 4),
        )
        for node, data in network.nodes(data=True)
    ]
    return sorted(roles, key=lambda r: (-r.targets, -r.betweenness, r.label))


def to_graphml(graph: nx.Graph) -> str:
    """A graph as GraphML text (attributes kept; node order as inserted)."""
    return "\n".join(nx.generate_graphml(graph)) + "\n"
