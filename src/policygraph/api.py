"""A small Python API for notebooks: open the built graphs, ask the library's questions.

    >>> import policygraph
    >>> graphs = policygraph.open_graphs("graphs")
    >>> rows = graphs.query("department-obligations", name="民政局", jurisdiction="万州区")
    >>> rows.records()[0]["department"]
    '区民政局'

`Rows.to_dataframe()` gives a pandas DataFrame where pandas is installed.

The command line, the notebook and the web explorer share this layer: `trace` and
`analyze` are the orchestration behind `policygraph trace` and `policygraph analyze`.
"""

from __future__ import annotations

import json
import sqlite3
import tempfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

import networkx as nx
import pyoxigraph as ox

from policygraph import analyze as an
from policygraph.errors import PolicygraphError
from policygraph.lexicon_data import load_lexicon
from policygraph.persistent import open_store
from policygraph.query import Rows, library, resolve_query, run_query
from policygraph.readable import labelled
from policygraph.trace import (
    chain_graph,
    responsibility_graph,
    rows_by_plan,
    trace_department,
    trace_target,
)

if TYPE_CHECKING:
    from policygraph.validate import Report


@dataclass(frozen=True)
class Graphs:
    """The built graphs of one folder in an embedded store (the persistent store on disk,
    read-only, where there is one), with the text index that finds names."""

    store: ox.Store
    index: sqlite3.Connection | None = None

    def questions(self) -> dict[str, str]:
        """The library's queries by name, with the question each answers."""
        return {name: query.question for name, query in library().items()}

    def query(
        self,
        name: str,
        /,
        *,
        limit: int | None = None,
        offset: int = 0,
        **parameters: str | int | float,
    ) -> Rows:
        """Run a library query (or a .rq file, or SPARQL text) with its parameters bound;
        with `limit`/`offset` one page of rows, `Rows.total` counting them all."""
        values = {key: str(value) for key, value in parameters.items()}
        query = resolve_query(name)
        return run_query(self.store, query, values, index=self.index, limit=limit, offset=offset)

    def trace_department(self, name: str, jurisdiction: str | None = None) -> Rows:
        """What a department (区民政局) or a function (民政) owes, optionally in one region."""
        return trace_department(self.store, name, load_lexicon(), jurisdiction, self.index)

    def trace_target(self, spec: str, plan: str | None = None) -> Rows:
        """The chain of the targets a spec names (an IRI or indicator wording)."""
        return trace_target(self.store, spec, plan, self.index)

    def labelled(self, rows: Rows) -> Rows:
        """The rows for reading: IRIs replaced by labels, repeated columns dropped."""
        return labelled(self.store, rows)

    def trace(
        self,
        department: str | None = None,
        target: str | None = None,
        jurisdiction: str | None = None,
        plan: str | None = None,
    ) -> Trace:
        """A department's (or function's) obligations, or a target's chain (see `trace`)."""
        return trace(self.store, department, target, jurisdiction, plan, self.index)

    def analyze(self) -> Analysis:
        """Lineage depth, policy uses and function roles (see `analyze`)."""
        return analyze(self.store, self.index)


@dataclass(frozen=True)
class Trace:
    """A responsibility trace (what a department or function owes) or a target chain."""

    subject: str
    rows: Rows
    picture: Callable[[Rows], nx.DiGraph]
    by_department: bool

    @property
    def shown(self) -> Rows:
        """The rows without the traced-name column a department trace starts with."""
        if not self.by_department:
            return self.rows
        return Rows(self.rows.columns[1:], tuple(r[1:] for r in self.rows.rows))

    def by_plan(self) -> list[tuple[str, Rows]]:
        return rows_by_plan(self.rows)

    def graph(self) -> nx.DiGraph:
        """The trace as layers to draw (department → plan → items, or target → policies)."""
        return self.picture(self.rows)


def trace(
    store: ox.Store,
    department: str | None = None,
    target: str | None = None,
    jurisdiction: str | None = None,
    plan: str | None = None,
    index: sqlite3.Connection | None = None,
) -> Trace:
    """What a department (区民政局) or function (民政) owes, optionally in one region, or the
    chain of the targets a spec names (an IRI or indicator wording, optionally in one plan);
    `index` (the persistent store's text index) finds the names without scanning labels."""
    if (department is None) == (target is None):
        raise PolicygraphError("give either a department or a target")
    if department is not None:
        rows = trace_department(store, department, load_lexicon(), jurisdiction, index)
        return Trace(department, rows, responsibility_graph, by_department=True)
    chain = trace_target(store, str(target), plan, index)
    return Trace(str(target), chain, chain_graph, False)


@dataclass(frozen=True)
class Analysis:
    """Citation lineage and co-responsibility, as networks and as ranked records."""

    lineage: nx.DiGraph
    network: nx.Graph
    depths: list[an.PlanDepth]
    uses: list[an.PolicyUse]
    roles: list[an.FunctionRole]


def analyze(store: ox.Store, index: sqlite3.Connection | None = None) -> Analysis:
    """Plan depth below the top policies, the policies most implemented, and the functions'
    weight in the network of shared responsibility (read from the answers kept with the
    persistent store's `index` where there is one)."""
    queries = library()
    lineage = an.lineage_graph(run_query(store, queries["implements-edges"], index=index))
    responsibilities = run_query(store, queries["function-responsibilities"], index=index)
    network = an.co_responsibility_graph(responsibilities)
    return Analysis(
        lineage,
        network,
        an.plan_depths(lineage),
        an.policy_uses(lineage),
        an.function_roles(network),
    )


def open_graphs(path: str | Path = "graphs") -> Graphs:
    """The graphs of a folder built by `policygraph build` (or one .ttl file): its persistent
    store, written first when missing or older than the Turtle (in memory where the folder
    cannot be written)."""
    opened = open_store(Path(path))
    return Graphs(opened.store, opened.index)


@dataclass(frozen=True)
class CheckedDraft:
    """A validated draft: its report, the report as `validate.report_document` gives it, and the
    draft's text lines (the findings' line numbers point into them)."""

    report: Report
    document: dict[str, Any]
    lines: list[str]

    @property
    def conforms(self) -> bool:
        return self.report.conforms

    @property
    def groups(self) -> list[tuple[str, list[dict[str, Any]]]]:
        """The findings of `document` by severity, most severe first, empty groups left out."""
        from policygraph.validate import SEVERITY_ORDER

        found = self.document["findings"]
        groups = [(s, [f for f in found if f["severity"] == s]) for s in SEVERITY_ORDER]
        return [(s, group) for s, group in groups if group]

    def as_json(self) -> bytes:
        return json.dumps(self.document, ensure_ascii=False, indent=2).encode()

    def as_turtle(self) -> bytes:
        return self.report.graph.serialize(format="turtle").encode()


def validate_draft(
    name: str, data: bytes, lang: str = "zh", corpus: Path | None = None
) -> CheckedDraft:
    """Validate a draft plan given as bytes (an upload, a notebook's file): `name`'s suffix
    gives its format, and errors name it; with `corpus` (a built graphs folder) the plans it
    implements are its context, as `validate --context` does."""
    from policygraph.read import PLAN_SUFFIXES, read_plan
    from policygraph.validate import plan_graphs_from, report_document, validate_graphs

    suffix = Path(name).suffix.lower()
    if suffix not in PLAN_SUFFIXES:
        raise PolicygraphError(f"{name}: unsupported format {suffix or '(no suffix)'}")
    with tempfile.TemporaryDirectory(prefix="policygraph-draft-") as folder:
        path = Path(folder) / f"draft{suffix}"
        path.write_bytes(data)
        try:
            lines = read_plan(path).text.splitlines()
            report = validate_graphs(plan_graphs_from(path), lang=lang, corpus=corpus)
        except PolicygraphError as error:  # name the draft, not the temporary file
            raise PolicygraphError(str(error).replace(str(path), name)) from None
    return CheckedDraft(report, report_document(report), lines)
