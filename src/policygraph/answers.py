"""The answers of the library's questions, computed once at build time and read a page at a time.

The questions every user asks of the whole corpus (which departments own which
targets, which functions own what, who shares measures with whom, what does the
civil-affairs function owe) join every target and measure: seconds at thousands
of plans, for an answer that changes only when the graphs do. So when the
persistent store is written, each library query whose parameters can all be
answered from its whole answer is run once, on the graphs in memory, and its
rows kept in order in the text index's SQLite file, under the digest of the
query's text (an edited .rq file is answered live until the next build). The
header line `# Kept:` says how each parameter selects from the kept rows:

    # Kept: ?function; ?jurisdiction

`?function` is a column bound by a plain triple pattern outside any OPTIONAL, so
binding it keeps exactly the rows that hold that term there: the kept rows are
indexed by that column's term (N-Triples, so 孝感市@zh is not "孝感市"), and a
parameter not given selects nothing out.

    # Kept: ?name contains ?department

`?name` is a part of a column's text (FILTER(CONTAINS(STR(?department), ?name))):
the query is run once with ?name = "" (every text contains it), and asked with a
name, the answer is the kept rows whose ?department contains it, ?name set to it.

    # Kept: ?text worded ?target ?item

`?text` is a part of ?item or of the canonical name of ?target's indicator (the
wordings of the text index): run once with ?text = "", the answer is the kept rows
of the targets the index finds for the text, whose ?item holds it or whose target's
canonical name does, ?text set to it. The rows of one value are found through the
index, so what a page costs follows the rows asked for, not the corpus. Paged
questions read one page and count the rest in SQLite (`Rows.total`).
"""

from __future__ import annotations

import hashlib
import json
import re
import sqlite3
import sys
from dataclasses import dataclass

import pyoxigraph as ox

from policygraph.query import Query, Rows, inline_values, library, parameter_term

KEPT_LINE = re.compile(r"^#\s*Kept:\s*(?P<spec>.+)$", re.M)
KEPT_PART = re.compile(
    r"^\?(?P<var>\w+)(?:\s+(?P<how>contains|worded)\s+\?(?P<column>\w+)(?:\s+\?(?P<text>\w+))?)?$"
)
SCHEMA = """
CREATE TABLE answered (query TEXT PRIMARY KEY, digest TEXT NOT NULL, columns TEXT NOT NULL,
                       total INTEGER NOT NULL);
CREATE TABLE answer_rows (query TEXT NOT NULL, n INTEGER NOT NULL, grp INTEGER NOT NULL,
                          text TEXT, row TEXT NOT NULL, PRIMARY KEY (query, n)) WITHOUT ROWID;
CREATE TABLE answer_groups (query TEXT NOT NULL, grp INTEGER NOT NULL, count INTEGER NOT NULL,
                            PRIMARY KEY (query, grp)) WITHOUT ROWID;
CREATE TABLE group_terms (query TEXT NOT NULL, name TEXT NOT NULL, term TEXT NOT NULL,
                          grp INTEGER NOT NULL, PRIMARY KEY (query, name, term, grp)) WITHOUT ROWID;
"""
INDEXES = """
CREATE INDEX answer_rows_by_group ON answer_rows (query, grp, n);
CREATE INDEX group_terms_by_group ON group_terms (query, grp, name, term);
"""
"""answer_rows: the rows in order, with their group (the rows that hold the same terms in
every kept column) and the text a textual parameter is matched on, both before the row: a
check reads them without the row's overflow pages; answer_groups: how many rows each group
holds (a page's total); group_terms: each group's term of an equals-column (N-Triples), text
of a contains-column, target of a worded one (its IRI in N-Triples). A value asked selects
groups through group_terms, whatever the corpus size: the groups of a term are found by the
index, a region's groups are checked for the other values asked. The indexes are made once
the rows are in (faster than keeping them up to date row by row)."""


@dataclass(frozen=True)
class Kept:
    """How one parameter selects from the kept rows: `how` is "equals" (the parameter is the
    column of the same name), "contains" (a part of `column`'s text) or "worded" (a part of
    `text`, or of the canonical name of the target in `column`)."""

    name: str
    how: str
    column: str | None = None
    text: str | None = None


def kept_parameters(query: Query) -> dict[str, Kept]:
    """The parameters the query's `# Kept:` line answers from its kept rows, by name."""
    found = KEPT_LINE.search(query.text)
    if found is None:
        return {}
    kept = {}
    for part in found["spec"].split(";"):
        match = KEPT_PART.match(part.strip())
        if match is None:
            raise ValueError(f"{query.name}: cannot read the # Kept: part {part.strip()!r}")
        how = match["how"] or "equals"
        kept[match["var"]] = Kept(match["var"], how, match["column"], match["text"])
    return kept


def digest(query: Query) -> str:
    """The digest that ties a stored answer to the query text it answers."""
    return hashlib.sha256(query.text.encode()).hexdigest()


def is_kept(query: Query) -> bool:
    """Whether the query's answer is kept: each parameter it requires is a kept one, and at
    most one is matched by its text."""
    kept = kept_parameters(query)
    required = {p.name for p in query.parameters if not p.optional}
    textual = [k for k in kept.values() if k.how != "equals"]
    return required <= set(kept) and len(textual) <= 1 and all(k.name in required for k in textual)


def _term(query: Query, name: str, value: str) -> ox.Literal | ox.NamedNode:
    return parameter_term(next(p for p in query.parameters if p.name == name), value)


def _keep(index: sqlite3.Connection, query: Query, store: ox.Store) -> None:
    """Run `query` (a textual parameter bound to "", the others unbound) and store its rows
    in order, with the text they are matched on, grouped by the terms of their kept columns."""
    kept = kept_parameters(query)
    textual = next((k for k in kept.values() if k.how != "equals"), None)
    text = query.text
    if textual is not None:
        text = inline_values(text, {textual.name: [_term(query, textual.name, "")]})
    solutions = store.query(text)
    assert isinstance(solutions, ox.QuerySolutions)
    columns = [v.value for v in solutions.variables]
    within = None
    if textual is not None:
        within = columns.index((textual.text if textual.how == "worded" else textual.column) or "")
    # each kept parameter selects by the column it names: its term (equals, worded), its text
    at = [
        (k.name, columns.index(k.name if k.how == "equals" else k.column or ""), k.how)
        for k in kept.values()
    ]
    encode = json.JSONEncoder(ensure_ascii=False).encode  # one encoder for every row
    groups: dict[tuple[str | None, ...], int] = {}
    counts: list[int] = []
    rows: list[tuple[str, int, int, str | None, str]] = []
    for n, solution in enumerate(solutions):
        row = [None if t is None else t.value for t in solution]
        key = tuple(
            None
            if (term := solution[column]) is None
            else term.value
            if how == "contains"
            else str(term)
            for _, column, how in at
        )
        if (group := groups.get(key)) is None:
            group = groups[key] = len(groups)
            counts.append(0)
        counts[group] += 1
        part = None if within is None else row[within]
        rows.append((query.name, n, group, part, encode(row)))
    index.executemany("INSERT INTO answer_rows VALUES (?, ?, ?, ?, ?)", rows)
    index.executemany(
        "INSERT INTO answer_groups VALUES (?, ?, ?)",
        ((query.name, group, count) for group, count in enumerate(counts)),
    )
    index.executemany(
        "INSERT INTO group_terms VALUES (?, ?, ?, ?)",
        (
            (query.name, name, term, group)
            for key, group in groups.items()
            for (name, _, _), term in zip(at, key, strict=True)
            if term is not None
        ),
    )
    index.execute(
        "INSERT INTO answered VALUES (?, ?, ?, ?)",
        (query.name, digest(query), json.dumps(columns), len(rows)),
    )


def fill_answers(store: ox.Store, index: sqlite3.Connection) -> None:
    """Store the answer of every library query whose parameters are all kept ones."""
    with index:
        index.executescript(SCHEMA)
        for query in library().values():
            if is_kept(query):
                _keep(index, query, store)
        index.executescript(INDEXES)


def _selection(
    index: sqlite3.Connection, query: Query, kept: dict[str, Kept], values: dict[str, str]
) -> tuple[str, list[str], str, list[str]]:
    """SQL that lists the groups the values select (the equals value of the fewest groups
    first: its groups are found through the index, the other values then check each of
    them), and a check of each row of answer_rows r (true but for a worded value), each with
    its arguments."""

    def groups_of(name: str) -> int:  # an equals value's groups, counted on the index
        if kept[name].how != "equals":  # a part of a text: checked on the groups found
            return sys.maxsize
        sql, arguments = _groups(query, kept[name], values[name], "c")
        return int(index.execute(f"SELECT COUNT(*) FROM ({sql})", arguments).fetchone()[0])

    worded = next((name for name in values if kept[name].how == "worded"), None)
    if worded is not None:  # the targets of the wording: few, each kept row checked
        others = [name for name in values if name != worded]
        groups, arguments = _worded_groups(query, worded, values[worded])
        row_check, row_arguments = "(s.canonical OR instr(r.text, ?) > 0)", [values[worded]]
    else:
        first, *others = sorted(values, key=groups_of)
        groups, arguments = _groups(query, kept[first], values[first], "g")
        row_check, row_arguments = "1", []
    checks: list[str] = []
    for name in others:
        sql, more = _groups(query, kept[name], values[name], "o")
        checks.append(f"EXISTS ({sql} AND o.grp = g.grp)")
        arguments += more
    return " AND ".join([groups, *checks]), arguments, row_check, row_arguments


def _groups(query: Query, kept: Kept, value: str, alias: str) -> tuple[str, list[str]]:
    """SQL selecting the group_terms rows (as `alias`) of the groups an equals or contains
    value selects."""
    base = (
        f"SELECT {alias}.grp FROM group_terms AS {alias} "
        f"WHERE {alias}.query = ? AND {alias}.name = ?"
    )
    key = [query.name, kept.name]
    if kept.how == "equals":
        return f"{base} AND {alias}.term = ?", [*key, str(_term(query, kept.name, value))]
    return f"{base} AND instr({alias}.term, ?) > 0", [*key, value]


def _worded_groups(query: Query, name: str, text: str) -> tuple[str, list[str]]:
    """SQL selecting the groups (g) of the targets whose wordings hold `text`, each with
    whether its indicator's canonical name does (then all its rows are kept; else the rows
    whose item holds it). The trigram index finds the wordings, which are then checked
    exactly: it folds case."""
    from policygraph.text_index import wordings_holding

    matched, first = wordings_holding(text)
    targets = (
        "SELECT '<' || target || '>' AS term, MAX(canonical) AS canonical "
        f"FROM target_wordings WHERE wording IN ({matched}) GROUP BY target"
    )
    return (
        f"SELECT g.grp, m.canonical FROM ({targets}) AS m CROSS JOIN group_terms AS g "
        "WHERE g.query = ? AND g.name = ? AND g.term = m.term",
        [*first, query.name, name],
    )


def stored_answer(
    index: sqlite3.Connection,
    query: Query,
    values: dict[str, str],
    limit: int | None,
    offset: int,
) -> Rows | None:
    """The stored answer of a library query asked with kept parameters only (one page of it
    with `limit`/`offset`, and the total); None when none is stored for this text."""
    if library().get(query.name) != query or not is_kept(query):
        return None
    kept = kept_parameters(query)
    if not set(values) <= set(kept):
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
    columns = json.loads(found[0])
    end = -1 if limit is None else limit
    if not values:
        total = found[1]
        rows = index.execute(
            "SELECT row FROM answer_rows WHERE query = ? ORDER BY n LIMIT ? OFFSET ?",
            (query.name, end, offset),
        )
    else:
        groups, arguments, check, checked = _selection(index, query, kept, values)
        # from the groups to their rows (CROSS JOIN keeps that order: the planner would
        # rather walk every row of the query in order of n)
        selected = (
            f"({groups}) AS s CROSS JOIN answer_rows AS r INDEXED BY answer_rows_by_group "
            f"WHERE r.query = ? AND r.grp = s.grp AND {check}"
        )
        where = [*arguments, query.name, *checked]
        if check == "1":  # every row of the groups: their counts are kept
            (total,) = index.execute(
                "SELECT COALESCE(SUM(count), 0) FROM answer_groups "
                f"WHERE query = ? AND grp IN ({groups})",
                [query.name, *arguments],
            ).fetchone()
            # the page's numbers first, from the index alone; then only the page's rows
            numbers = f"SELECT r.n FROM {selected} ORDER BY r.n LIMIT ? OFFSET ?"
            page_arguments: list[str | int] = [*where, end, offset]
        else:  # the numbers of every row the text keeps, in order, then the page's rows
            chosen = [
                n for (n,) in index.execute(f"SELECT r.n FROM {selected} ORDER BY r.n", where)
            ]
            total = len(chosen)
            numbers = "SELECT value FROM json_each(?) LIMIT ? OFFSET ?"
            page_arguments = [json.dumps(chosen), end, offset]
        rows = index.execute(
            f"SELECT row FROM answer_rows WHERE query = ? AND n IN ({numbers}) ORDER BY n",
            [query.name, *page_arguments],
        )
    page = tuple(tuple(json.loads(row)) for (row,) in rows)
    for name, how in kept.items():  # kept for "": the rows answer the text asked
        if how.how != "equals" and name in values:
            at = columns.index(name)
            page = tuple((*row[:at], values[name], *row[at + 1 :]) for row in page)
    paged = limit is not None or offset > 0
    return Rows(tuple(columns), page, total if paged else None, offset)
