"""SPARQL query results written in the W3C formats: JSON, XML, CSV and TSV.

The endpoint collects at most its row cap before writing, so it writes the rows
itself rather than streaming pyoxigraph's QuerySolutions.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Sequence
from xml.sax.saxutils import escape, quoteattr

import pyoxigraph as ox

from policygraph.vocab import XSD

Term = ox.NamedNode | ox.BlankNode | ox.Literal | ox.Triple
Row = tuple[Term | None, ...]

SPARQL_JSON = "application/sparql-results+json"
SPARQL_XML = "application/sparql-results+xml"
CSV = "text/csv"
TSV = "text/tab-separated-values"
RESULT_TYPES = (SPARQL_JSON, SPARQL_XML, CSV, TSV)
XSD_STRING = str(XSD.string)


def _json_term(term: Term) -> dict[str, str]:
    if isinstance(term, ox.NamedNode):
        return {"type": "uri", "value": term.value}
    if isinstance(term, ox.BlankNode):
        return {"type": "bnode", "value": term.value}
    if isinstance(term, ox.Literal):
        out = {"type": "literal", "value": term.value}
        if term.language:
            out["xml:lang"] = term.language
        elif term.datatype.value != XSD_STRING:
            out["datatype"] = term.datatype.value
        return out
    return {"type": "triple", "value": str(term)}


def _xml_term(term: Term) -> str:
    if isinstance(term, ox.NamedNode):
        return f"<uri>{escape(term.value)}</uri>"
    if isinstance(term, ox.BlankNode):
        return f"<bnode>{escape(term.value)}</bnode>"
    if isinstance(term, ox.Literal):
        if term.language:
            return f"<literal xml:lang={quoteattr(term.language)}>{escape(term.value)}</literal>"
        if term.datatype.value != XSD_STRING:
            return (
                f"<literal datatype={quoteattr(term.datatype.value)}>{escape(term.value)}</literal>"
            )
        return f"<literal>{escape(term.value)}</literal>"
    return f"<literal>{escape(str(term))}</literal>"


def _plain(term: Term) -> str:
    """A term's lexical value as CSV gives it (a quoted triple in its N-Triples form)."""
    return str(term) if isinstance(term, ox.Triple) else term.value


def write_solutions(variables: Sequence[str], rows: Sequence[Row], media_type: str) -> bytes:
    """SELECT results in one of RESULT_TYPES."""
    if media_type == SPARQL_JSON:
        bindings = [
            {v: _json_term(t) for v, t in zip(variables, row, strict=True) if t is not None}
            for row in rows
        ]
        document = {"head": {"vars": list(variables)}, "results": {"bindings": bindings}}
        return json.dumps(document, ensure_ascii=False).encode()
    if media_type == SPARQL_XML:
        head = "".join(f"<variable name={quoteattr(v)}/>" for v in variables)
        results = "".join(
            "<result>"
            + "".join(
                f"<binding name={quoteattr(v)}>{_xml_term(t)}</binding>"
                for v, t in zip(variables, row, strict=True)
                if t is not None
            )
            + "</result>"
            for row in rows
        )
        return (
            '<?xml version="1.0"?>\n<sparql xmlns="http://www.w3.org/2005/sparql-results#">'
            f"<head>{head}</head><results>{results}</results></sparql>"
        ).encode()
    buffer = io.StringIO()
    if media_type == CSV:
        writer = csv.writer(buffer, lineterminator="\r\n")
        writer.writerow(variables)
        writer.writerows(["" if t is None else _plain(t) for t in row] for row in rows)
    else:
        buffer.write("\t".join(f"?{v}" for v in variables) + "\n")
        for row in rows:
            buffer.write("\t".join("" if t is None else str(t) for t in row) + "\n")
    return buffer.getvalue().encode()


def write_boolean(value: bool, media_type: str) -> bytes:
    """ASK results in one of RESULT_TYPES (CSV and TSV as one line: true or false)."""
    if media_type == SPARQL_JSON:
        return json.dumps({"head": {}, "boolean": value}).encode()
    if media_type == SPARQL_XML:
        return (
            '<?xml version="1.0"?>\n<sparql xmlns="http://www.w3.org/2005/sparql-results#">'
            f"<head/><boolean>{str(value).lower()}</boolean></sparql>"
        ).encode()
    return f"{str(value).lower()}\n".encode()
