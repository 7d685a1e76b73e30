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

    # Index: ?d departments ?name    (?d: the departments whose label contains ?name)
"""

from __future__ import annotations

import re
import sqlite3
from collections.abc import Callable, Iterable

import pyoxigraph as ox

from policygraph.lexicon import label_key

INDEX_LINE = re.compile(r"^#\s*Index:\s*\?(?P<var>\w+)\s+(?P<lookup>\w+)\s+\?(?P<param>\w+)", re.M)
TRIGRAM = 3
SCHEMA = """
CREATE TABLE departments (iri TEXT NOT NULL, label TEXT NOT NULL, key TEXT NOT NULL);
CREATE TABLE wordings (id INTEGER PRIMARY KEY, text TEXT NOT NULL UNIQUE);
CREATE TABLE target_wordings (wording INTEGER NOT NULL, target TEXT NOT NULL);
CREATE INDEX target_wordings_by_wording ON target_wordings (wording);
CREATE VIRTUAL TABLE wordings_fts USING fts5(text, content='wordings', content_rowid='id',
                                             tokenize='trigram');
"""


def _rows(store: ox.Store, text: str) -> Iterable[tuple[str, str]]:
    solutions = store.query(text)
    assert isinstance(solutions, ox.QuerySolutions)
    for solution in solutions:
        yield solution[0].value, solution[1].value


def _sources() -> tuple[str, str]:
    """The SPARQL that lists departments with their labels, and targets with their wordings."""
    from policygraph.vocab import PG, RDF, RDFS, SKOS

    departments = (
        f"SELECT ?d ?label WHERE {{ ?d <{RDF.type}> <{PG.Department}> ; <{RDFS.label}> ?label }}"
    )
    targets = (
        f"SELECT ?t ?text WHERE {{ ?plan <{PG.hasTarget}> ?t . "
        f"{{ ?t <{RDFS.label}> ?text }} UNION {{ ?t <{PG.indicator}>/<{SKOS.prefLabel}> ?text }} }}"
    )
    return departments, targets


def fill_index(store: ox.Store, index: sqlite3.Connection) -> None:
    """Fill an empty index from the graphs in `store`."""
    departments, targets = _sources()
    with index:
        index.executescript(SCHEMA)
        index.executemany(
            "INSERT INTO departments VALUES (?, ?, ?)",
            ((iri, label, label_key(label)) for iri, label in _rows(store, departments)),
        )
        wordings: dict[str, int] = {}
        pairs = [
            (wordings.setdefault(text, len(wordings) + 1), target)
            for target, text in _rows(store, targets)
        ]
        index.executemany(
            "INSERT INTO wordings VALUES (?, ?)", ((i, t) for t, i in wordings.items())
        )
        index.executemany("INSERT INTO target_wordings VALUES (?, ?)", pairs)
        index.execute("INSERT INTO wordings_fts (wordings_fts) VALUES ('rebuild')")


def departments_named(index: sqlite3.Connection, name: str) -> list[str]:
    """The departments whose label, or its normalised key, contains `name` (or its key)."""
    rows = index.execute(
        "SELECT DISTINCT iri FROM departments WHERE instr(label, ?) OR instr(key, ?) ORDER BY iri",
        (name, label_key(name)),
    )
    return [iri for (iri,) in rows]


def targets_worded(index: sqlite3.Connection, text: str) -> list[str]:
    """The targets whose own wording or indicator name contains `text` (any case)."""
    if len(text) >= TRIGRAM:
        phrase = '"' + text.replace('"', '""') + '"'
        match = "SELECT rowid FROM wordings_fts WHERE wordings_fts MATCH ?"
    else:  # too short for a trigram: scan the distinct wordings (a few thousand at most)
        phrase, match = text, "SELECT id FROM wordings WHERE instr(text, ?)"
    rows = index.execute(
        f"SELECT DISTINCT target FROM target_wordings WHERE wording IN ({match}) ORDER BY target",
        (phrase,),
    )
    return [target for (target,) in rows]


LOOKUPS: dict[str, Callable[[sqlite3.Connection, str], list[str]]] = {
    "departments": departments_named,
    "targets": targets_worded,
}


def narrowing(
    index: sqlite3.Connection, query_text: str, values: dict[str, str]
) -> dict[str, list[str]]:
    """The IRIs each `# Index:` line of a query's header allows its variable, for the
    parameter values given (a line whose parameter is not given narrows nothing)."""
    found: dict[str, list[str]] = {}
    for line in INDEX_LINE.finditer(query_text):
        if line["param"] in values:
            lookup = LOOKUPS[line["lookup"]]
            found[line["var"]] = lookup(index, values[line["param"]])
    return found
