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
binding it keeps exactly those rows). A query whose parameter is a part of a
column's text (FILTER(CONTAINS(STR(?department), ?name))) says

    # Kept: ?name contains ?department

and is run once with ?name = "" (every text contains it); asked with only ?name,
it is the kept rows whose ?department contains the value, ?name set to it. Such
questions are then read from the file: a page of rows and the total.
"""

from __future__ import annotations

import hashlib
import json
import re
import sqlite3

import pyoxigraph as ox

from policygraph.query import Query, Rows, bind, inline_values, library

KEPT_LINE = re.compile(r"^#\s*Kept:\s*\?(?P<var>\w+)(?:\s+contains\s+\?(?P<column>\w+))?", re.M)
SCHEMA = """
CREATE TABLE answered (query TEXT NOT NULL, value TEXT NOT NULL, digest TEXT NOT NULL,
                       columns TEXT NOT NULL, total INTEGER NOT NULL,
                       PRIMARY KEY (query, value));
CREATE TABLE answer_rows (query TEXT NOT NULL, value TEXT NOT NULL, n INTEGER NOT NULL,
                          row TEXT NOT NULL, text TEXT,
                          PRIMARY KEY (query, value, n)) WITHOUT ROWID;
"""


def digest(query: Query) -> str:
    """The digest that ties a stored answer to the query text it answers."""
    return hashlib.sha256(query.text.encode()).hexdigest()


def kept_parameter(query: Query) -> tuple[str, str | None] | None:
    """The parameter whose answers are kept (`# Kept:`), and the column it is a part of when
    it is matched by containment; None when the query keeps none."""
    found = KEPT_LINE.search(query.text)
    return (found["var"], found["column"]) if found else None


def _keep(index: sqlite3.Connection, query: Query, store: ox.Store) -> None:
    """Run `query` (a kept parameter unbound, or "" when matched by containment) and store
    its rows in order, by that column's value (or with the text of the contained column)."""
    kept = kept_parameter(query)
    by, column = kept if kept else (None, None)
    text = query.text
    if column and by is not None:
        text = inline_values(text, {name: [term] for name, term in bind(query, {by: ""}).items()})
    solutions = store.query(text)
    assert isinstance(solutions, ox.QuerySolutions)
    columns = [v.value for v in solutions.variables]
    at = columns.index(by) if by and not column else None
    within = columns.index(column) if column else None
    groups: dict[str, list[tuple[str, str | None]]] = {"": []} if at is None else {}
    for solution in solutions:
        row = [None if t is None else t.value for t in solution]
        value = "" if at is None else (row[at] or "")
        part = None if within is None else row[within]
        groups.setdefault(value, []).append((json.dumps(row, ensure_ascii=False), part))
    for value, rows in groups.items():
        index.executemany(
            "INSERT INTO answer_rows VALUES (?, ?, ?, ?, ?)",
            ((query.name, value, n, row, part) for n, (row, part) in enumerate(rows)),
        )
        index.execute(
            "INSERT INTO answered VALUES (?, ?, ?, ?, ?)",
            (query.name, value, digest(query), json.dumps(columns), len(rows)),
        )


def fill_answers(store: ox.Store, index: sqlite3.Connection) -> None:
    """Store the answer of every library query that needs no parameter, and of every value
    of a `# Kept:` parameter."""
    with index:
        index.executescript(SCHEMA)
        for query in library().values():
            required = [p.name for p in query.parameters if not p.optional]
            kept = kept_parameter(query)
            if required == ([kept[0]] if kept else []):
                _keep(index, query, store)


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
    kept = kept_parameter(query)
    by, column = kept if kept else (None, None)
    if set(values) != ({by} if by else set()):
        return None
    value = values[by] if by and not column else ""
    try:
        found = index.execute(
            "SELECT columns, total FROM answered WHERE query = ? AND value = ? AND digest = ?",
            (query.name, value, digest(query)),
        ).fetchone()
        if found is None and by:  # a value the graphs never give it: no rows, if kept at all
            other = index.execute(
                "SELECT columns FROM answered WHERE query = ? AND digest = ? LIMIT 1",
                (query.name, digest(query)),
            ).fetchone()
            found = None if other is None else (other[0], 0)
    except sqlite3.OperationalError:  # an index written before answers were kept
        return None
    if found is None:
        return None
    columns = json.loads(found[0])
    where, arguments = "query = ? AND value = ?", [query.name, value]
    if column and by:
        where, arguments = where + " AND instr(text, ?) > 0", [*arguments, values[by]]
        count = index.execute(f"SELECT COUNT(*) FROM answer_rows WHERE {where}", arguments)
        total = count.fetchone()[0]
    else:
        total = found[1]
    rows = index.execute(
        f"SELECT row FROM answer_rows WHERE {where} ORDER BY n LIMIT ? OFFSET ?",
        [*arguments, -1 if limit is None else limit, offset],
    )
    page = tuple(tuple(json.loads(row)) for (row,) in rows)
    if column and by:  # the rows were kept for "": they answer the value asked
        at = columns.index(by)
        page = tuple((*row[:at], values[by], *row[at + 1 :]) for row in page)
    paged = limit is not None or offset > 0
    return Rows(tuple(columns), page, total if paged else None, offset)
