"""Responsibility traces: what a department, or every department of a function, owes.

A name that is a function's label (民政, 卫生健康, 卫健委 …) traces the function
across jurisdictions; any other name is matched against department names.
Rows come sorted by plan, so a reader sees one plan's obligations together.
"""

from __future__ import annotations

import sqlite3
from itertools import groupby

import networkx as nx
import pyoxigraph as ox

from policygraph.errors import QueryError
from policygraph.ids import local_iri
from policygraph.lexicon import Lexicon, label_key
from policygraph.query import Rows, library, run_query

ORDER = ("plan", "department", "kind", "year", "item")
"""How trace rows are sorted: plan first, then who owes it, targets before measures,
then by year."""
KIND_RANK = {"target": "0", "measure": "1"}
OWNER_WORDS = {
    "explicit": "named for it",
    "inherited": "inherited from the plan's division of labour",
}
"""How the per-plan tables say who made a department the owner (the `owner` column of
the obligations queries): the item names it, or the plan's division of labour
(区民政局牵头负责一老工作) hands it the items of a domain that name no owner."""


def trace_department(
    store: ox.Store,
    name: str,
    lexicon: Lexicon,
    jurisdiction: str | None = None,
    index: sqlite3.Connection | None = None,
) -> Rows:
    """The targets and measures owned by the departments a name denotes (in one region),
    sorted by plan. The first column is the name or function traced; the text `index`
    finds the departments by name."""
    within = {"jurisdiction": jurisdiction} if jurisdiction else {}
    functions = lexicon.functions.get(label_key(name), ())
    if not functions:
        query = library()["department-obligations"]
        return _sorted(run_query(store, query, {"name": name, **within}, index=index))
    rows: list[tuple[str | None, ...]] = []
    columns: tuple[str, ...] = ()
    for function in functions:
        answer = run_query(
            store,
            library()["function-obligations"],
            {"function": str(local_iri(function)), **within},
            index=index,
        )
        columns = answer.columns
        rows.extend(answer.rows)
    return _sorted(Rows(columns, tuple(dict.fromkeys(rows))))


def rows_by_plan(rows: Rows) -> list[tuple[str, Rows]]:
    """A trace split into one table per plan, titled by the plan, without the
    traced-name and plan columns; a jurisdiction shared by all its rows joins the title,
    and the owner column says in words whether the item names the department or the
    plan's division of labour hands it over."""
    plan = rows.columns.index("plan")
    groups = []
    for label, group in groupby(rows.rows, key=lambda r: r[plan]):
        members = list(group)
        title = label or ""
        drop = {0, plan}
        if "jurisdiction" in rows.columns:
            at = rows.columns.index("jurisdiction")
            regions = {r[at] for r in members}
            if len(regions) == 1:
                drop.add(at)
                title = f"{title} · {regions.pop() or ''}"
        keep = [i for i in range(len(rows.columns)) if i not in drop]
        columns = tuple(rows.columns[i] for i in keep)
        cells = [[_worded(rows.columns[i], r[i]) for i in keep] for r in members]
        groups.append((title, Rows(columns, tuple(tuple(row) for row in cells))))
    return groups


def _worded(column: str, value: str | None) -> str | None:
    return OWNER_WORDS.get(value or "", value) if column == "owner" else value


def _sorted(rows: Rows) -> Rows:
    at = [rows.columns.index(c) for c in ORDER if c in rows.columns]

    def key(row: tuple[str | None, ...]) -> tuple[tuple[bool, str], ...]:
        return tuple((row[i] is not None, KIND_RANK.get(row[i] or "", row[i] or "")) for i in at)

    return Rows(rows.columns, tuple(sorted(rows.rows, key=key)))


def find_targets(
    store: ox.Store, spec: str, plan: str | None = None, index: sqlite3.Connection | None = None
) -> list[str]:
    """The target IRIs a spec names: an IRI itself, or indicator wording (within a plan whose
    IRI or title contains `plan`), looked up in the text `index` where there is one."""
    if spec.startswith(("http://", "https://")):
        return [spec]
    rows = run_query(store, library()["find-targets"], {"text": spec}, index=index).rows
    return sorted(
        {
            str(target)
            for _, target, _, _, plan_iri, plan_label in rows
            if plan is None or plan in str(plan_iri) or plan in (plan_label or "")
        }
    )


def trace_target(
    store: ox.Store, spec: str, plan: str | None = None, index: sqlite3.Connection | None = None
) -> Rows:
    """The chain of every target a spec names: target → measure → plan → parent policies."""
    targets = find_targets(store, spec, plan, index)
    if not targets:
        where = f" in a plan matching {plan!r}" if plan else ""
        raise QueryError(f"no target matches {spec!r}{where}")
    query = library()["target-chain"]
    rows = [row for t in targets for row in run_query(store, query, {"target": t}).rows]
    return Rows(query.columns, tuple(rows))


def _short(text: str | None, width: int = 18) -> str:
    text = (text or "").replace("\n", " ")
    return text if len(text) <= width else text[: width - 1] + "…"


KIND_LABELS = {"target": "目标", "measure": "措施", "duty": "分工"}


def responsibility_graph(rows: Rows) -> nx.DiGraph:
    """Department → plan → targets / measures → items, for drawing; a target's years share
    one node (养老机构护理型床位占比 2023 >=50% · 2025 >=60%)."""
    graph = nx.DiGraph()
    values: dict[str, list[str]] = {}
    for record in rows.records():
        department, plan, kind, item = (
            str(record[k]) for k in ("department", "plan", "kind", "item")
        )
        dept_node, plan_node = f"d:{department}", f"p:{department}:{plan}"
        kind_node, item_node = f"{plan_node}:{kind}", f"{plan_node}:{kind}:{item}"
        graph.add_node(dept_node, layer=0, kind="department", label=department)
        graph.add_node(plan_node, layer=1, kind="plan", label=_short(plan, 16))
        graph.add_node(kind_node, layer=2, kind=kind, label=KIND_LABELS.get(kind, kind))
        graph.add_node(item_node, layer=3, kind=kind, label=_short(item, 22))
        graph.add_edges_from(
            [(dept_node, plan_node), (plan_node, kind_node), (kind_node, item_node)]
        )
        if kind == "target" and record["year"]:
            amount = f"{record['comparator'] or ''}{record['value'] or ''}{record['unit'] or ''}"
            values.setdefault(item_node, []).append(f"{record['year']} {amount}".strip())
    for node, stated in values.items():
        graph.nodes[node]["label"] += " " + " · ".join(sorted(set(stated)))
    for node, data in graph.nodes(data=True):
        if data["layer"] == 2:
            data["label"] += f" ({graph.out_degree(node)})"
    return graph


def chain_graph(rows: Rows) -> nx.DiGraph:
    """Target → measure → plan → parent policies (drawn one column per pg:implements hop)."""
    graph = nx.DiGraph()
    for r in rows.records():
        target = str(r["target"])
        label = f"{_short(r['item'])} {r['year'] or ''} {r['comparator'] or ''}{r['value'] or ''}"
        graph.add_node(target, layer=0, kind="target", label=f"{label}{r['unit'] or ''}")
        previous = target
        if r["measure"]:
            graph.add_node(r["measure"], layer=1, kind="measure", label=_short(r["measureLabel"]))
            graph.add_edge(target, r["measure"])
            previous = str(r["measure"])
        plan = str(r["plan"])
        graph.add_node(plan, layer=2, kind="plan", label=_short(r["planLabel"] or plan, 16))
        graph.add_edge(previous, plan)
        if r["policy"] and r["implementedBy"]:
            graph.add_node(
                r["policy"], kind="policy", label=r["number"] or _short(r["policyLabel"])
            )
            graph.add_edge(r["implementedBy"], r["policy"])
    hops = _hops_above_plans(graph)
    for node, data in graph.nodes(data=True):
        if data["kind"] == "policy":
            data["layer"] = 2 + hops.get(node, 1)
    return graph


def _hops_above_plans(graph: nx.DiGraph) -> dict[str, int]:
    """For each node above a plan, the longest pg:implements path from the plan to it."""
    if not nx.is_directed_acyclic_graph(graph):
        return {}  # a citation cycle in the data: draw every policy one hop above its plan
    hops: dict[str, int] = {}
    for node in nx.topological_sort(graph):
        if graph.nodes[node]["kind"] == "plan":
            hops[node] = 0
        for successor in graph.successors(node):
            if node in hops:
                hops[successor] = max(hops.get(successor, 0), hops[node] + 1)
    return hops
