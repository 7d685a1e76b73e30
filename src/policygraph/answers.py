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
CREATE TABLE answer_rows (query TEXT NOT NULL, n INTEGER NOT NULL, row TEXT NOT NULL, text TEXT,
                          PRIMARY KEY (query, n)) WITHOUT ROWID;
CREATE TABLE answer_terms (query TEXT NOT NULL, name TEXT NOT NULL, term TEXT NOT NULL,
                           n INTEGER NOT NULL, PRIMARY KEY (query, name, term, n)) WITHOUT ROWID;
CREATE TABLE answer_counts (query TEXT NOT NULL, name TEXT NOT NULL, term TEXT NOT NULL,
                            count INTEGER NOT NULL, PRIMARY KEY (query, name, term)) WITHOUT ROWID;
"""
"""answer_rows: the rows in order, with the text a textual parameter is matched on;
answer_terms: the rows holding each term of an equals-column (N-Triples), each text of a
contains-column, each target of a worded one (its IRI in N-Triples), in order; answer_counts:
how many rows hold each term or text (a page's total, and which condition is the narrowest)."""


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
    in order, with the text they are matched on, and the rows of each term or text."""
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
    # each kept parameter is indexed by the column it selects on, as a term (equals, worded)
    # or as a text (contains)
    at = {
        k.name: (columns.index(k.name if k.how == "equals" else k.column or ""), k.how)
        for k in kept.values()
    }
    rows: list[tuple[str, int, str, str | None]] = []
    terms: list[tuple[str, str, str, int]] = []
    for n, solution in enumerate(solutions):
        row = [None if t is None else t.value for t in solution]
        part = None if within is None else row[within]
        rows.append((query.name, n, json.dumps(row, ensure_ascii=False), part))
        for name, (column, how) in at.items():
            if (term := solution[column]) is not None:
                terms.append((query.name, name, term.value if how == "contains" else str(term), n))
    index.executemany("INSERT INTO answer_rows VALUES (?, ?, ?, ?)", rows)
    index.executemany("INSERT INTO answer_terms VALUES (?, ?, ?, ?)", terms)
    index.execute(
        "INSERT INTO answer_counts SELECT query, name, term, COUNT(*) FROM answer_terms "
        "WHERE query = ? GROUP BY query, name, term",
        (query.name,),
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


@dataclass(frozen=True)
class Condition:
    """One parameter's selection of kept rows: `rows` lists the numbers (n) of its rows in
    order, `check` tests a row r of answer_rows, each with its arguments; `count` is how many
    rows it keeps (None: unknown until counted), the narrowest condition is read first."""

    rows: tuple[str, list[str]]
    check: tuple[str, list[str]]
    count: int | None


def _conditions(
    index: sqlite3.Connection, query: Query, kept: dict[str, Kept], values: dict[str, str]
) -> list[Condition]:
    """The conditions of the values given, narrowest first."""
    found = []
    for name, value in values.items():
        how = kept[name].how
        key = [query.name, name]
        if how == "equals":
            term = str(_term(query, name, value))
            where = "query = ? AND name = ? AND term = ?"
            count = index.execute(f"SELECT count FROM answer_counts WHERE {where}", [*key, term])
            found.append(
                Condition(
                    (f"SELECT n FROM answer_terms WHERE {where}", [*key, term]),
                    (
                        f"EXISTS (SELECT 1 FROM answer_terms WHERE {where} AND n = r.n)",
                        [*key, term],
                    ),
                    (count.fetchone() or (0,))[0],
                )
            )
        elif how == "contains":
            matching = "FROM answer_counts WHERE query = ? AND name = ? AND instr(term, ?) > 0"
            texts = f"SELECT term {matching}"
            count = index.execute(f"SELECT SUM(count) {matching}", [*key, value])
            rows = f"SELECT n FROM answer_terms WHERE query = ? AND name = ? AND term IN ({texts})"
            found.append(
                Condition(
                    (rows, [*key, *key, value]),
                    ("instr(r.text, ?) > 0", [value]),
                    count.fetchone()[0] or 0,
                )
            )
        else:
            found.append(_worded(key, value))
    return sorted(found, key=lambda c: -1 if c.count is None else c.count)


def _worded(key: list[str], text: str) -> Condition:
    """The rows of the targets whose wordings hold `text` (the trigram index finds them, the
    wordings are then checked exactly: it folds case), each kept when its item holds the text
    or its target's canonical name does."""
    from policygraph.text_index import wordings_holding

    matched, first = wordings_holding(text)
    targets = (
        "SELECT target, MAX(canonical) AS canonical FROM target_wordings "
        f"WHERE wording IN ({matched}) GROUP BY target"
    )
    rows = (
        f"SELECT t.n AS n FROM ({targets}) AS m CROSS JOIN answer_terms AS t "
        "WHERE t.query = ? AND t.name = ? AND t.term = '<' || m.target || '>' AND (m.canonical "
        "OR EXISTS (SELECT 1 FROM answer_rows AS w WHERE w.query = t.query AND w.n = t.n "
        "AND instr(w.text, ?) > 0))"
    )
    arguments = [*first, *key, text]
    return Condition((rows, arguments), (f"r.n IN ({rows})", arguments), None)


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
    conditions = _conditions(index, query, kept, values)
    end = -1 if limit is None else limit
    if not conditions:
        total = found[1]
        rows = index.execute(
            "SELECT row FROM answer_rows WHERE query = ? ORDER BY n LIMIT ? OFFSET ?",
            (query.name, end, offset),
        )
    else:
        first, *others = conditions
        source = f"({first.rows[0]}) AS t0 CROSS JOIN answer_rows AS r"
        where = " AND ".join(["r.query = ? AND r.n = t0.n", *(c.check[0] for c in others)])
        arguments = [*first.rows[1], query.name, *(a for c in others for a in c.check[1])]
        if not others and first.count is not None:  # one term: its count is kept
            total = first.count
            rows = index.execute(
                f"SELECT r.row FROM {source} WHERE {where} ORDER BY t0.n LIMIT ? OFFSET ?",
                [*arguments, end, offset],
            )
        else:  # the numbers of every row selected, in order, then the page's rows
            numbers = index.execute(
                f"SELECT t0.n FROM {source} WHERE {where} ORDER BY t0.n", arguments
            )
            selected = [n for (n,) in numbers]
            total = len(selected)
            chosen = selected[offset:] if limit is None else selected[offset : offset + limit]
            rows = index.execute(
                "SELECT row FROM answer_rows WHERE query = ? AND n IN "
                "(SELECT value FROM json_each(?)) ORDER BY n",
                (query.name, json.dumps(chosen)),
            )
    page = tuple(tuple(json.loads(row)) for (row,) in rows)
    for name, how in kept.items():  # kept for "": the rows answer the text asked
        if how.how != "equals" and name in values:
            at = columns.index(name)
            page = tuple((*row[:at], values[name], *row[at + 1 :]) for row in page)
    paged = limit is not None or offset > 0
    return Rows(tuple(columns), page, total if paged else None, offset)
