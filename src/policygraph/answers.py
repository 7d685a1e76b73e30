"""The whole-corpus answers, computed once at build time and read a page at a time.

The questions every user asks of the whole corpus (which departments own which
targets, which functions own what, who shares measures with whom) join every
target and measure: seconds at thousands of plans, for an answer that changes
only when the graphs do. So when the persistent store is written, each library
query that needs no parameter is run once, on the graphs in memory, and its rows
kept in order in the text index's SQLite file, under the digest of the query's
text (an edited .rq file is answered live until the next build). Asked without
parameters, such a query is then read from there: a page of rows and the total,
in milliseconds, with the same rows in the same order as the query gives.
"""

from __future__ import annotations

import hashlib
import json
import sqlite3
from collections.abc import Iterator

import pyoxigraph as ox

from policygraph.query import Query, Rows, library

SCHEMA = """
CREATE TABLE answered (query TEXT PRIMARY KEY, digest TEXT NOT NULL, columns TEXT NOT NULL,
                       total INTEGER NOT NULL);
CREATE TABLE answer_rows (query TEXT NOT NULL, n INTEGER NOT NULL, row TEXT NOT NULL,
                          PRIMARY KEY (query, n)) WITHOUT ROWID;
"""


def digest(query: Query) -> str:
    """The digest that ties a stored answer to the query text it answers."""
    return hashlib.sha256(query.text.encode()).hexdigest()


def _solutions(store: ox.Store, query: Query) -> tuple[list[str], Iterator[str]]:
    solutions = store.query(query.text)
    assert isinstance(solutions, ox.QuerySolutions)
    columns = [v.value for v in solutions.variables]
    rows = (
        json.dumps([None if t is None else t.value for t in s], ensure_ascii=False)
        for s in solutions
    )
    return columns, rows


def fill_answers(store: ox.Store, index: sqlite3.Connection) -> None:
    """Store the answer of every library query that needs no parameter."""
    with index:
        index.executescript(SCHEMA)
        for name, query in library().items():
            if any(not p.optional for p in query.parameters):
                continue
            columns, rows = _solutions(store, query)
            index.executemany(
                "INSERT INTO answer_rows VALUES (?, ?, ?)",
                ((name, n, row) for n, row in enumerate(rows)),
            )
            (total,) = index.execute(
                "SELECT COUNT(*) FROM answer_rows WHERE query = ?", (name,)
            ).fetchone()
            index.execute(
                "INSERT INTO answered VALUES (?, ?, ?, ?)",
                (name, digest(query), json.dumps(columns), total),
            )


def stored_answer(
    index: sqlite3.Connection, query: Query, limit: int | None, offset: int
) -> Rows | None:
    """The stored answer of a library query asked without parameters (one page of it with
    `limit`/`offset`), or None when there is none for this query text."""
    if library().get(query.name) != query:
        return None
    try:
        found = index.execute(
            "SELECT columns, total FROM answered WHERE query = ? AND digest = ?",
            (query.name, digest(query)),
        ).fetchone()
    except sqlite3.OperationalError:  # an index written before answers were kept
        return None
    if found is None:
        return None
    columns, total = json.loads(found[0]), found[1]
    end = total if limit is None else min(total, offset + limit)
    rows = index.execute(
        "SELECT row FROM answer_rows WHERE query = ? AND n >= ? AND n < ? ORDER BY n",
        (query.name, offset, end),
    )
    page = tuple(tuple(json.loads(row)) for (row,) in rows)
    paged = limit is not None or offset > 0
    return Rows(tuple(columns), page, total if paged else None, offset)
