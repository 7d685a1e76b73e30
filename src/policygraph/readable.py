"""Rows for a reader: IRIs replaced by their names (a document by its number, anything else
by its Chinese label), a column that only repeats another dropped, an amount shown as ≥55%.

Kept apart from `api` so that a command-line question imports no more than pyoxigraph.
"""

from __future__ import annotations

import re
from dataclasses import replace

import pyoxigraph as ox

from policygraph.query import Rows, inline_values, library, run_query


def labels(store: ox.Store, rows: Rows) -> dict[str, str]:
    """The short name of each labelled IRI in `rows`: a document's number
    (国办发〔2020〕52号), else its label (rdfs:label or skos:prefLabel, in Chinese). Only
    the IRIs the rows hold are looked up (a VALUES block), so that a page of a question
    costs the same at 3,000 plans as at five."""
    things = sorted({value for row in rows.rows for value in row if value and _is_iri(value)})
    if not things:
        return {}
    query = library()["labels"]
    text = inline_values(query.text, {"thing": [ox.NamedNode(iri) for iri in things]})
    return {
        thing: label
        for thing, label in run_query(store, replace(query, text=text)).rows
        if thing and label
    }


def _is_iri(value: str) -> bool:
    if not IRI_START.match(value):
        return False
    try:
        ox.NamedNode(value)
    except ValueError:
        return False
    return True


IRI_START = re.compile(r"^[A-Za-z][A-Za-z0-9+.-]*:\S+$")
"""What a result value that is an IRI looks like (a scheme, then no space); pyoxigraph
then says whether it is one."""


def labelled(store: ox.Store, rows: Rows) -> Rows:
    """Rows for a reader (see `readable`), named from the store's labels."""
    return readable(rows, labels(store, rows))


AMOUNT = ("comparator", "value", "unit")
SHOWN_COMPARATORS = {"=": "", ">=": "≥", "<=": "≤"}


def readable(rows: Rows, names: dict[str, str]) -> Rows:
    """Rows for a reader: each IRI replaced by its name; an IRI column beside its label column
    (a target beside its item), or the xLabel of a column x shown by name, shown once (the
    earlier of the two); comparator, value and unit joined into one value (≥55%). Columns
    that merely hold equal values (year and baselineYear) all stay."""
    relabelled = [tuple(names.get(v, v) if v else v for v in row) for row in rows.rows]

    def named_iris(index: int) -> bool:
        values = [row[index] for row in rows.rows if row[index]]
        return bool(values) and all(v in names for v in values)

    def label_of(index: int, other: int) -> bool:
        if named_iris(index) == named_iris(other):
            return False
        return all(row[index] == row[other] for row in relabelled)

    keep: list[int] = []
    for index, column in enumerate(rows.columns):
        beside = any(label_of(index, k) for k in keep)
        named = column.endswith("Label") and column.removesuffix("Label") in rows.columns
        if not (beside or named):
            keep.append(index)
    columns = [rows.columns[i] for i in keep]
    table = [[row[i] for i in keep] for row in relabelled]
    if all(c in columns for c in AMOUNT):
        at = [columns.index(c) for c in AMOUNT]
        for row in table:
            comparator, value, unit = (row[i] for i in at)
            shown = SHOWN_COMPARATORS.get(comparator or "", comparator or "")
            row[at[1]] = f"{shown}{value}{unit or ''}" if value is not None else None
        drop = {at[0], at[2]}
        columns = [c for i, c in enumerate(columns) if i not in drop]
        table = [[v for i, v in enumerate(row) if i not in drop] for row in table]
    return Rows(tuple(columns), tuple(tuple(row) for row in table))
