"""The library of questions in queries/*.rq, run on the embedded store.

Each .rq file opens with a comment header:

    # Question: 哪些部门负责哪些目标？ / Which departments own which targets?
    # Parameters: ?dept (literal@zh, optional)
    # Columns: ?dept ?plan ?indicator ?year ?value

Parameters are bound as RDF terms (SEP-0007 substitution), never pasted into
the query text.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

import pyoxigraph as ox

from policygraph.errors import QueryError
from policygraph.resources import resource_dir
from policygraph.sparql_guard import check_size_and_depth
from policygraph.vocab import XSD

XSD_INTEGER = ox.NamedNode(str(XSD.integer))
XSD_DECIMAL = ox.NamedNode(str(XSD.decimal))

HEADER_LINE = re.compile(r"^#\s*(?P<key>Question|Parameters|Columns):\s*(?P<value>.*)$", re.M)
PARAMETER = re.compile(r"\?(?P<name>\w+)\s*\((?P<spec>[^)]*)\)")
PARAMETER_KINDS = ("literal@zh", "literal", "integer", "decimal", "iri")


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
    """A query's answer: column names and rows of plain values (None where unbound)."""

    columns: tuple[str, ...]
    rows: tuple[tuple[str | None, ...], ...]

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


def bind(query: Query, values: dict[str, str]) -> dict[ox.Variable, ox.Literal | ox.NamedNode]:
    """Parameter values as RDF terms of the kinds the query declares."""
    declared = {p.name: p for p in query.parameters}
    unknown = sorted(set(values) - set(declared))
    if unknown:
        raise QueryError(f"{query.name}: unknown parameter {', '.join(unknown)}")
    missing = [p.name for p in query.parameters if not p.optional and p.name not in values]
    if missing:
        raise QueryError(f"{query.name}: missing parameter {', '.join(missing)}")
    return {ox.Variable(name): _term(declared[name], value) for name, value in values.items()}


def _term(parameter: Parameter, value: str) -> ox.Literal | ox.NamedNode:
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


def run_query(store: ox.Store, query: Query, values: dict[str, str] | None = None) -> Rows:
    """Run a SELECT query on the store with its parameters bound."""
    substitutions: dict[ox.Variable, ox.NamedNode | ox.BlankNode | ox.Literal | ox.Triple] = {
        **bind(query, values or {})
    }
    check_size_and_depth(query.text)
    try:
        solutions = store.query(query.text, substitutions=substitutions)
        if not isinstance(solutions, ox.QuerySolutions):
            raise QueryError(f"{query.name}: only SELECT queries give rows")
        columns = tuple(v.value for v in solutions.variables)
        rows = tuple(
            tuple(None if solution[c] is None else solution[c].value for c in columns)
            for solution in solutions
        )
    except SyntaxError as error:
        raise QueryError(f"{query.name}: invalid SPARQL ({error})") from error
    except (OSError, ValueError) as error:  # evaluation runs lazily: SERVICE calls, bad casts
        raise QueryError(f"{query.name}: the query failed ({error})") from error
    return Rows(columns, rows)
