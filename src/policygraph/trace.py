"""Responsibility traces: what a department, or every department of a function, owes.

A name that is a function's label (民政, 卫生健康, 卫健委 …) traces the function
across jurisdictions; any other name is matched against department names.
"""

from __future__ import annotations

import pyoxigraph as ox

from policygraph.lexicon import Lexicon, label_key
from policygraph.query import Rows, library, run_query
from policygraph.vocab import PGR


def trace_department(store: ox.Store, name: str, lexicon: Lexicon) -> Rows:
    """The targets and measures owned by the departments a name denotes."""
    functions = lexicon.functions.get(label_key(name), ())
    if not functions:
        return run_query(store, library()["department-obligations"], {"name": name})
    rows: list[tuple[str | None, ...]] = []
    columns: tuple[str, ...] = ()
    for function in functions:
        answer = run_query(
            store, library()["function-obligations"], {"function": str(PGR) + function}
        )
        columns = answer.columns
        rows.extend(answer.rows)
    return Rows(columns, tuple(rows))
