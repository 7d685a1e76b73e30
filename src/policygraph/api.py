"""A small Python API for notebooks: open the built graphs, ask the library's questions.

    >>> import policygraph
    >>> graphs = policygraph.open_graphs("graphs")
    >>> rows = graphs.query("department-obligations", name="民政局", jurisdiction="万州区")
    >>> rows.records()[0]["department"]
    '区民政局'

`Rows.to_dataframe()` gives a pandas DataFrame where pandas is installed.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pyoxigraph as ox

from policygraph.lexicon_data import load_lexicon
from policygraph.query import Rows, library, resolve_query, run_query
from policygraph.store import load_store
from policygraph.trace import trace_department, trace_target

if TYPE_CHECKING:
    from policygraph.validate import Report


@dataclass(frozen=True)
class Graphs:
    """The built graphs of one folder, loaded in an embedded store."""

    store: ox.Store

    def questions(self) -> dict[str, str]:
        """The library's queries by name, with the question each answers."""
        return {name: query.question for name, query in library().items()}

    def query(self, name: str, /, **parameters: str | int | float) -> Rows:
        """Run a library query (or a .rq file, or SPARQL text) with its parameters bound."""
        values = {key: str(value) for key, value in parameters.items()}
        return run_query(self.store, resolve_query(name), values)

    def trace_department(self, name: str, jurisdiction: str | None = None) -> Rows:
        """What a department (区民政局) or a function (民政) owes, optionally in one region."""
        return trace_department(self.store, name, load_lexicon(), jurisdiction)

    def trace_target(self, spec: str, plan: str | None = None) -> Rows:
        """The chain of the targets a spec names (an IRI or indicator wording)."""
        return trace_target(self.store, spec, plan)


def open_graphs(path: str | Path = "graphs") -> Graphs:
    """The graphs of a folder built by `policygraph build` (or one .ttl file)."""
    return Graphs(load_store(Path(path)))


def report_document(report: Report) -> dict[str, Any]:
    """A validation report as the JSON document `validate --format json` and the explorer's
    download give: the verdict, counts per plan and severity, and the findings."""
    from policygraph.validate import SEVERITY_ORDER

    return {
        "conforms": report.conforms,
        "summary": [
            {"plan": plan, **{s: report.count(s, plan) for s in SEVERITY_ORDER}}
            for plan in report.plans
        ],
        "findings": [asdict(f) for f in report.findings],
    }
