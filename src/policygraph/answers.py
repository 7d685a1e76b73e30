"""The whole-corpus answers, computed once at build time and read a page at a time.

The questions every user asks of the whole corpus (which departments own which
targets, which functions own what, who shares measures with whom, what does the
civil-affairs function owe) join every target and measure: seconds at thousands
of plans, for an answer that changes only when the graphs do. So when the
persistent store is written, each library query that needs no parameter is run
once, on the graphs in memory, and its rows kept in order in the text index's
SQLite file, under the digest of the query's text (an edited .rq file is
answered live until the next build). A query whose header says

    # Kept: ?function

is run once with that parameter unbound, and its rows kept by the value of that
column: asked with only that parameter, it is the rows of that value, in the
same order (the parameter is a column bound by a plain triple pattern, so
binding it keeps exactly those rows). Such questions are then read from the
file: a page of rows and the total, in milliseconds.
"""

from __future__ import annotations

import hashlib
import json
import re
import sqlite3

import pyoxigraph as ox

from policygraph.query import Query, Rows, library

KEPT_LINE = re.compile(r"^#\s*Kept:\s*\?(?P<var>\w+)", re.M)
SCHEMA = """
CREATE TABLE answered (query TEXT NOT NULL, value TEXT NOT NULL, digest TEXT NOT NULL,
                       columns TEXT NOT NULL, total INTEGER NOT NULL,
                       PRIMARY KEY (query, value));
CREATE TABLE answer_rows (query TEXT NOT NULL, value TEXT NOT NULL, n INTEGER NOT NULL,
                          row TEXT NOT NULL, PRIMARY KEY (query, value, n)) WITHOUT ROWID;
"""


def digest(query: Query) -> str:
    """The digest that ties a stored answer to the query text it answers."""
    return hashlib.sha256(query.text.encode()).hexdigest()


def kept_parameter(query: Query) -> str | None:
    """The parameter whose every value's answer is kept (`# Kept:`), if any."""
    found = KEPT_LINE.search(query.text)
    return found["var"] if found else None


def _keep(index: sqlite3.Connection, query: Query, by: str | None, store: ox.Store) -> None:
    """Run `query` (its kept parameter unbound) and store its rows, by that column's value."""
    solutions = store.query(query.text)
    assert isinstance(solutions, ox.QuerySolutions)
    columns = [v.value for v in solutions.variables]
    at = columns.index(by) if by else None
    rows = ([None if t is None else t.value for t in s] for s in solutions)
    groups: dict[str, list[str]] = {}
    for row in rows:
        value = "" if at is None else (row[at] or "")
        groups.setdefault(value, []).append(json.dumps(row, ensure_ascii=False))
    if at is None:
        groups.setdefault("", [])
    for value, kept in groups.items():
        index.executemany(
            "INSERT INTO answer_rows VALUES (?, ?, ?, ?)",
            ((query.name, value, n, row) for n, row in enumerate(kept)),
        )
        index.execute(
            "INSERT INTO answered VALUES (?, ?, ?, ?, ?)",
            (query.name, value, digest(query), json.dumps(columns), len(kept)),
        )


def fill_answers(store: ox.Store, index: sqlite3.Connection) -> None:
    """Store the answer of every library query that needs no parameter, and of every value
    of a `# Kept:` parameter."""
    with index:
        index.executescript(SCHEMA)
        for query in library().values():
            required = [p.name for p in query.parameters if not p.optional]
            by = kept_parameter(query)
            if required == ([by] if by else []):
                _keep(index, query, by, store)


def stored_answer(
    index: sqlite3.Connection,
    query: Query,
    values: dict[str, str],
    limit: int | None,
    offset: int,
) -> Rows | None:
    """The stored answer of a library query asked without parameters, or with only its kept
    one (one page of it with `limit`/`offset`); None when none is stored for this text."""
    if library().get(query.name) != query:
        return None
    by = kept_parameter(query)
    if set(values) != ({by} if by else set()):
        return None
    value = values[by] if by else ""
    try:
        found = index.execute(
            "SELECT columns, total FROM answered WHERE query = ? AND value = ? AND digest = ?",
            (query.name, value, digest(query)),
        ).fetchone()
        if found is None and by:  # a value the graphs never give it: no rows, if kept at all
            kept = index.execute(
                "SELECT columns FROM answered WHERE query = ? AND digest = ? LIMIT 1",
                (query.name, digest(query)),
            ).fetchone()
            found = None if kept is None else (kept[0], 0)
    except sqlite3.OperationalError:  # an index written before answers were kept
        return None
    if found is None:
        return None
    columns, total = json.loads(found[0]), found[1]
    end = total if limit is None else min(total, offset + limit)
    rows = index.execute(
        "SELECT row FROM answer_rows WHERE query = ? AND value = ? AND n >= ? AND n < ? ORDER BY n",
        (query.name, value, offset, end),
    )
    page = tuple(tuple(json.loads(row)) for (row,) in rows)
    paged = limit is not None or offset > 0
    return Rows(tuple(columns), page, total if paged else None, offset)
