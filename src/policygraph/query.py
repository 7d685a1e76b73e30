"""The library of questions in queries/*.rq, run on the embedded store.

Each .rq file opens with a comment header:

    # Question: 哪些部门负责哪些目标？ / Which departments own which targets?
    # Parameters: ?dept (literal@zh, optional)
    # Columns: ?dept ?plan ?indicator ?year ?value

Parameters are bound as RDF terms written as a VALUES block at the start of the
query's WHERE group (N-Triples syntax, so a value cannot break out of its term),
never pasted into the query text and never through pyoxigraph's `substitutions=`,
whose cost grows with the store. With the persistent store's text index, a query
whose header has an `# Index:` line also gets the resources its name parameter
can match as VALUES (`text_index`), instead of testing every label.

Rows are read from the solutions as they come and only those of the page asked
for (`limit`, `offset`) become Python values; `Rows.total` counts them all.
"""

from __future__ import annotations

import re
import sqlite3
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

import pyoxigraph as ox

from policygraph.errors import QueryError
from policygraph.resources import resource_dir
from policygraph.sparql_guard import check_size_and_depth, first_group

XSD = "http://www.w3.org/2001/XMLSchema#"
XSD_INTEGER = ox.NamedNode(f"{XSD}integer")
XSD_DECIMAL = ox.NamedNode(f"{XSD}decimal")

HEADER_LINE = re.compile(r"^#\s*(?P<key>Question|Parameters|Columns):\s*(?P<value>.*)$", re.M)
PARAMETER = re.compile(r"\?(?P<name>\w+)\s*\((?P<spec>[^)]*)\)")
PARAMETER_KINDS = ("literal@zh", "literal", "integer", "decimal", "iri")

RdfTerm = ox.NamedNode | ox.BlankNode | ox.Literal | ox.Triple
"""A term a VALUES block can hold."""


@dataclass(frozen=True)
class Parameter:
    name: str
    kind: str
    optional: bool


@dataclass(frozen=True)
class Query:
    """A SPARQL query with the question it answers and the parameters it takes."""

    name: str
    question: str
    parameters: tuple[Parameter, ...]
    columns: tuple[str, ...]
    text: str


@dataclass(frozen=True)
class Rows:
    """A query's answer: column names and rows of plain values (None where unbound); `total`
    is the number of rows of the whole answer when `rows` is one page of it, `offset` where
    that page starts."""

    columns: tuple[str, ...]
    rows: tuple[tuple[str | None, ...], ...]
    total: int | None = None
    offset: int = 0

    @property
    def count(self) -> int:
        """The rows of the whole answer."""
        return len(self.rows) if self.total is None else self.total

    def page_line(self) -> str:
        """ "rows 1–15 of 3,210" (or "0 rows of 3,210" past the end)."""
        if not self.rows:
            return f"0 rows of {self.count:,}"
        first, last = self.offset + 1, self.offset + len(self.rows)
        return f"rows {first:,}–{last:,} of {self.count:,}"

    def records(self) -> list[dict[str, str | None]]:
        """The rows as dicts keyed by column."""
        return [dict(zip(self.columns, row, strict=True)) for row in self.rows]

    def to_dataframe(self) -> Any:
        """The rows as a pandas DataFrame (needs pandas: pip install 'policygraph[pandas]')."""
        try:
            import pandas
        except ImportError as error:
            raise ImportError("to_dataframe needs pandas: pip install pandas") from error
        return pandas.DataFrame(list(self.rows), columns=list(self.columns))


def parse_query(name: str, text: str) -> Query:
    """A query file's text with its header read."""
    header = {m["key"]: m["value"].strip() for m in HEADER_LINE.finditer(text)}
    parameters = tuple(
        Parameter(
            name=m["name"],
            kind=next((k for k in PARAMETER_KINDS if k in m["spec"]), "literal"),
            optional="optional" in m["spec"],
        )
        for m in PARAMETER.finditer(header.get("Parameters", ""))
    )
    columns = tuple(c.lstrip("?") for c in header.get("Columns", "").split())
    return Query(name, header.get("Question", ""), parameters, columns, text)


@cache
def library() -> dict[str, Query]:
    """The bundled queries by name (file stem)."""
    folder = resource_dir("queries")
    return {
        path.stem: parse_query(path.stem, path.read_text(encoding="utf-8"))
        for path in sorted(folder.glob("*.rq"))
    }


def resolve_query(spec: str) -> Query:
    """A library query by name, a .rq file by path, or a SPARQL string."""
    if spec in library():
        return library()[spec]
    path = Path(spec)
    if spec.endswith(".rq"):
        if not path.is_file():
            raise QueryError(f"{spec}: no such query file")
        return parse_query(path.stem, path.read_text(encoding="utf-8"))
    if re.search(r"\b(SELECT|ASK|CONSTRUCT|DESCRIBE)\b", spec, re.I):
        return parse_query("inline", spec)
    known = ", ".join(library())
    raise QueryError(f"{spec}: not a library query ({known}), a .rq file or a SPARQL query")


def bind(query: Query, values: dict[str, str]) -> dict[str, ox.Literal | ox.NamedNode]:
    """Parameter values as RDF terms of the kinds the query declares."""
    declared = {p.name: p for p in query.parameters}
    unknown = sorted(set(values) - set(declared))
    if unknown:
        raise QueryError(f"{query.name}: unknown parameter {', '.join(unknown)}")
    missing = [p.name for p in query.parameters if not p.optional and p.name not in values]
    if missing:
        raise QueryError(f"{query.name}: missing parameter {', '.join(missing)}")
    return {name: parameter_term(declared[name], value) for name, value in values.items()}


def parameter_term(parameter: Parameter, value: str) -> ox.Literal | ox.NamedNode:
    """A parameter's value as an RDF term of the kind it declares."""
    if parameter.kind == "literal@zh":
        return ox.Literal(value, language="zh")
    if parameter.kind in ("integer", "decimal"):
        if not re.fullmatch(r"-?\d+(\.\d+)?", value) or (
            parameter.kind == "integer" and "." in value
        ):
            raise QueryError(f"parameter {parameter.name}: {value!r} is not a {parameter.kind}")
        return ox.Literal(
            value, datatype=XSD_INTEGER if parameter.kind == "integer" else XSD_DECIMAL
        )
    if parameter.kind == "iri":
        try:
            return ox.NamedNode(value)
        except ValueError as error:
            raise QueryError(
                f"parameter {parameter.name}: {value!r} is not an IRI ({error})"
            ) from None
    return ox.Literal(value)


def inline_values(text: str, bindings: dict[str, list[RdfTerm]]) -> str:
    """The query with a VALUES block per variable at the start of its WHERE group (in the text
    with its escapes decoded, as the parser reads it)."""
    at, decoded = first_group(text)
    if not bindings:
        return text
    if at is None:
        raise QueryError("a query with parameters needs a WHERE { … } group")
    block = "".join(
        f"\n  VALUES ?{name} {{ {' '.join(str(term) for term in terms)} }}"
        for name, terms in bindings.items()
    )
    return decoded[:at] + block + decoded[at:]


def run_query(
    store: ox.Store,
    query: Query,
    values: dict[str, str] | None = None,
    *,
    index: sqlite3.Connection | None = None,
    limit: int | None = None,
    offset: int = 0,
) -> Rows:
    """Run a SELECT query on the store with its parameters bound (narrowed by the text
    `index` where its header says so; a library query asked with its `# Kept:` parameters
    only is read from the answers stored with the index, `answers`); with `limit`
    or `offset`, only that page of rows is kept, and `Rows.total` counts them all."""
    given = values or {}
    bindings: dict[str, list[RdfTerm]] = {name: [term] for name, term in bind(query, given).items()}
    check_size_and_depth(query.text)
    if index is not None:
        from policygraph.answers import stored_answer

        stored = stored_answer(index, query, given, limit, offset)
        if stored is not None:
            return stored
    if index is not None:
        from policygraph.text_index import narrowing

        for name, iris in narrowing(index, query.text, given).items():
            bindings[name] = [ox.NamedNode(iri) for iri in iris]
    text = inline_values(query.text, bindings)
    paged = limit is not None or offset > 0
    end = None if limit is None else offset + limit
    try:
        solutions = store.query(text)
        if not isinstance(solutions, ox.QuerySolutions):
            raise QueryError(f"{query.name}: only SELECT queries give rows")
        columns = tuple(v.value for v in solutions.variables)
        rows = []
        total = 0
        for solution in solutions:
            if total >= offset and (end is None or total < end):
                rows.append(tuple(None if term is None else term.value for term in solution))
            total += 1
    except SyntaxError as error:
        raise QueryError(f"{query.name}: invalid SPARQL ({error})") from error
    except (OSError, ValueError) as error:  # evaluation runs lazily: SERVICE calls, bad casts
        raise QueryError(f"{query.name}: the query failed ({error})") from error
    return Rows(columns, tuple(rows), total if paged else None, offset)
