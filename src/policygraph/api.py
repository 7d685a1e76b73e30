"""A small Python API for notebooks: open the built graphs, ask the library's questions.

    >>> import policygraph
    >>> graphs = policygraph.open_graphs("graphs")
    >>> rows = graphs.query("department-obligations", name="民政局", jurisdiction="万州区")
    >>> rows.records()[0]["department"]
    '区民政局'

`Rows.to_dataframe()` gives a pandas DataFrame where pandas is installed.
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass
from pathlib import Path

import pyoxigraph as ox

from policygraph.persistent import open_store
from policygraph.query import Rows, library, resolve_query, run_query


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
        from policygraph.lexicon_data import load_lexicon
        from policygraph.trace import trace_department

        return trace_department(self.store, name, load_lexicon(), jurisdiction, self.index)

    def trace_target(self, spec: str, plan: str | None = None) -> Rows:
        """The chain of the targets a spec names (an IRI or indicator wording)."""
        from policygraph.trace import trace_target

        return trace_target(self.store, spec, plan, self.index)


def open_graphs(path: str | Path = "graphs") -> Graphs:
    """The graphs of a folder built by `policygraph build` (or one .ttl file): its persistent
    store, written first when missing or older than the Turtle (in memory where the folder
    cannot be written)."""
    opened = open_store(Path(path))
    return Graphs(opened.store, opened.index)
