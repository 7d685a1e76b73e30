"""The text index kept with the persistent store: who is named what, in SQLite.

A question by name ("what does 民政局 owe", "which targets say 护理型床位") would
otherwise test every label of the corpus with CONTAINS. The index holds, once
per build, the departments' labels with their normalised keys (`label_key`) and
the distinct wordings of the targets (their own label and their indicator's
canonical name) in an FTS5 trigram index, so a name is looked up in
milliseconds and the query is given the few matching resources as VALUES.

A lookup returns a superset of what the query's own FILTER keeps (the trigram
index folds case, the keys drop brackets and spaces), so the query's answer is
unchanged: the index only narrows where it starts.

A library query names the lookup that narrows it in its header:

    # Index: ?d departments ?name ?jurisdiction
    (?d: the departments whose label contains ?name, of the region ?jurisdiction if given)
"""

from __future__ import annotations

import re
import sqlite3
from collections.abc import Callable, Iterable

import pyoxigraph as ox

from policygraph.lexicon import label_key

INDEX_LINE = re.compile(
    r"^#\s*Index:\s*\?(?P<var>\w+)\s+(?P<lookup>[\w-]+)(?P<params>(?:\s+\?\w+)+)", re.M
)
TRIGRAM = 3
SCHEMA = """
CREATE TABLE departments (iri TEXT NOT NULL, label TEXT NOT NULL, key TEXT NOT NULL,
                          jurisdiction TEXT);
CREATE TABLE department_functions (iri TEXT NOT NULL, function TEXT NOT NULL);
CREATE TABLE wordings (id INTEGER PRIMARY KEY, text TEXT NOT NULL UNIQUE);
CREATE TABLE target_wordings (wording INTEGER NOT NULL, target TEXT NOT NULL,
                              canonical INTEGER NOT NULL);
CREATE VIRTUAL TABLE wordings_fts USING fts5(text, content='wordings', content_rowid='id',
                                             tokenize='trigram');
"""
INDEXES = """
CREATE INDEX department_functions_by_function ON department_functions (function);
CREATE INDEX target_wordings_by_wording ON target_wordings (wording);
"""
"""Made once the rows are in: faster than keeping them up to date row by row."""


def _rows(store: ox.Store, text: str) -> Iterable[tuple[str | None, ...]]:
    solutions = store.query(text)
    assert isinstance(solutions, ox.QuerySolutions)
    for solution in solutions:
        yield tuple(None if term is None else term.value for term in solution)


def _sources() -> tuple[str, str, str]:
    """The SPARQL that lists departments with their labels and regions, departments with
    their functions, and targets with their wordings (1: its indicator's canonical name)."""
    from policygraph.vocab import PG, RDF, RDFS, SKOS

    departments = (
        f"SELECT ?d ?label ?region WHERE {{ ?d <{RDF.type}> <{PG.Department}> ; "
        f"<{RDFS.label}> ?label OPTIONAL {{ ?d <{PG.jurisdiction}>/<{RDFS.label}> ?region }} }}"
    )
    functions = f"SELECT ?d ?f WHERE {{ ?d <{RDF.type}> <{PG.Department}> ; <{PG.function}> ?f }}"
    targets = (
        f"SELECT ?t ?text ?canonical WHERE {{ ?plan <{PG.hasTarget}> ?t . "
        f"{{ ?t <{RDFS.label}> ?text BIND(0 AS ?canonical) }} UNION "
        f"{{ ?t <{PG.indicator}>/<{SKOS.prefLabel}> ?text BIND(1 AS ?canonical) }} }}"
    )
    return departments, functions, targets


def fill_index(store: ox.Store, index: sqlite3.Connection) -> None:
    """Fill an empty index from the graphs in `store`."""
    departments, functions, targets = _sources()
    with index:
        index.executescript(SCHEMA)
        index.executemany(
            "INSERT INTO departments VALUES (?, ?, ?, ?)",
            (
                (iri, label, label_key(label or ""), region)
                for iri, label, region in _rows(store, departments)
            ),
        )
        index.executemany("INSERT INTO department_functions VALUES (?, ?)", _rows(store, functions))
        wordings: dict[str, int] = {}
        pairs = [
            (wordings.setdefault(text, len(wordings) + 1), target, canonical == "1")
            for target, text, canonical in _rows(store, targets)
            if text is not None
        ]
        index.executemany(
            "INSERT INTO wordings VALUES (?, ?)", ((i, t) for t, i in wordings.items())
        )
        index.executemany("INSERT INTO target_wordings VALUES (?, ?, ?)", pairs)
        index.execute("INSERT INTO wordings_fts (wordings_fts) VALUES ('rebuild')")
        index.executescript(INDEXES)


def departments_named(
    index: sqlite3.Connection, name: str, jurisdiction: str | None = None
) -> list[str]:
    """The departments whose label, or its normalised key, contains `name` (or its key),
    of the region labelled `jurisdiction` when given."""
    rows = index.execute(
        "SELECT DISTINCT iri FROM departments WHERE (instr(label, ?) OR instr(key, ?)) "
        "AND (?3 IS NULL OR jurisdiction = ?3) ORDER BY iri",
        (name, label_key(name), jurisdiction),
    )
    return [iri for (iri,) in rows]


def departments_of_function(
    index: sqlite3.Connection, function: str, jurisdiction: str | None = None
) -> list[str]:
    """The departments of a function concept (its IRI), of one region when given."""
    rows = index.execute(
        "SELECT DISTINCT f.iri FROM department_functions AS f JOIN departments AS d "
        "ON d.iri = f.iri WHERE f.function = ? AND (?2 IS NULL OR d.jurisdiction = ?2) "
        "ORDER BY f.iri",
        (function, jurisdiction),
    )
    return [iri for (iri,) in rows]


def wordings_holding(text: str) -> tuple[str, list[str]]:
    """SQL that lists the ids of the wordings that contain `text`, with its arguments: found
    through the trigram index (which folds case), then checked exactly."""
    if len(text) < TRIGRAM:  # too short for a trigram: every distinct wording is checked
        return "SELECT id FROM wordings WHERE instr(text, ?) > 0", [text]
    phrase = '"' + text.replace('"', '""') + '"'
    candidates = "SELECT rowid FROM wordings_fts WHERE wordings_fts MATCH ?"
    matched = f"SELECT id FROM wordings WHERE id IN ({candidates}) AND instr(text, ?) > 0"
    return matched, [phrase, text]


def targets_worded(index: sqlite3.Connection, text: str, _: str | None = None) -> list[str]:
    """The targets whose own wording or indicator name contains `text`."""
    matched, arguments = wordings_holding(text)
    rows = index.execute(
        f"SELECT DISTINCT target FROM target_wordings WHERE wording IN ({matched}) ORDER BY target",
        arguments,
    )
    return [target for (target,) in rows]


LOOKUPS: dict[str, Callable[[sqlite3.Connection, str, str | None], list[str]]] = {
    "departments": departments_named,
    "function-departments": departments_of_function,
    "targets": targets_worded,
}


def narrowing(
    index: sqlite3.Connection, query_text: str, values: dict[str, str]
) -> dict[str, list[str]]:
    """The IRIs each `# Index:` line of a query's header allows its variable, for the
    parameter values given: the first parameter named is looked up, narrowed by the second
    where given (a line whose first parameter is not given narrows nothing)."""
    found: dict[str, list[str]] = {}
    for line in INDEX_LINE.finditer(query_text):
        first, *rest = (name.lstrip("?") for name in line["params"].split())
        if first in values:
            narrower = values.get(rest[0]) if rest else None
            found[line["var"]] = LOOKUPS[line["lookup"]](index, values[first], narrower)
    return found
