"""Responsibility traces: what a department, or every department of a function, owes.

A name that is a function's label (民政, 卫生健康, 卫健委 …) traces the function
across jurisdictions; any other name is matched against department names.
Rows come sorted by plan, so a reader sees one plan's obligations together.
"""

from __future__ import annotations

from itertools import groupby

import pyoxigraph as ox

from policygraph.lexicon import Lexicon, label_key
from policygraph.query import Rows, library, run_query
from policygraph.vocab import PGR

ORDER = ("plan", "department", "kind", "year", "item")
"""How trace rows are sorted: plan first, then who owes it, targets before measures,
then by year."""
KIND_RANK = {"target": "0", "measure": "1"}


def trace_department(store: ox.Store, name: str, lexicon: Lexicon) -> Rows:
    """The targets and measures owned by the departments a name denotes, by plan.
    The first column is the name or function traced."""
    functions = lexicon.functions.get(label_key(name), ())
    if not functions:
        return _sorted(run_query(store, library()["department-obligations"], {"name": name}))
    rows: list[tuple[str | None, ...]] = []
    columns: tuple[str, ...] = ()
    for function in functions:
        answer = run_query(
            store, library()["function-obligations"], {"function": str(PGR) + function}
        )
        columns = answer.columns
        rows.extend(answer.rows)
    return _sorted(Rows(columns, tuple(dict.fromkeys(rows))))


def rows_by_plan(rows: Rows) -> list[tuple[str, Rows]]:
    """A trace split into one table per plan, without the traced-name and plan columns."""
    plan = rows.columns.index("plan")
    keep = [i for i, column in enumerate(rows.columns) if i > 0 and i != plan]
    columns = tuple(rows.columns[i] for i in keep)
    return [
        (label or "", Rows(columns, tuple(tuple(r[i] for i in keep) for r in group)))
        for label, group in groupby(rows.rows, key=lambda r: r[plan])
    ]


def _sorted(rows: Rows) -> Rows:
    at = [rows.columns.index(c) for c in ORDER if c in rows.columns]

    def key(row: tuple[str | None, ...]) -> tuple[tuple[bool, str], ...]:
        return tuple((row[i] is not None, KIND_RANK.get(row[i] or "", row[i] or "")) for i in at)

    return Rows(rows.columns, tuple(sorted(rows.rows, key=key)))
