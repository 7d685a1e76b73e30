"""SPARQL query results written in the W3C formats: JSON, XML, CSV and TSV.

The endpoint's query workers collect at most the row cap, then write the rows a
chunk at a time (`solution_chunks`). Characters XML 1.0 cannot carry (most C0
controls) become U+FFFD in XML results, which stay well-formed; JSON keeps them.
"""

from __future__ import annotations

import csv
import io
import json
import re
from collections.abc import Callable, Iterable, Iterator, Sequence
from itertools import islice
from xml.sax.saxutils import escape as escape_markup
from xml.sax.saxutils import quoteattr as quote_markup

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
XML_HEAD = '<?xml version="1.0"?>\n<sparql xmlns="http://www.w3.org/2005/sparql-results#">'
# characters XML 1.0 cannot carry, even as references (§2.2): written as U+FFFD
XML_FORBIDDEN = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


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


def escape(text: str) -> str:
    """Text as XML character data; characters XML 1.0 forbids become U+FFFD."""
    return escape_markup(XML_FORBIDDEN.sub("\ufffd", text))


def quoteattr(text: str) -> str:
    """Text as a quoted XML attribute value; characters XML 1.0 forbids become U+FFFD."""
    return quote_markup(XML_FORBIDDEN.sub("\ufffd", text))


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


def solution_chunks(
    variables: Sequence[str], rows: Iterable[Row], media_type: str, rows_per_chunk: int = 500
) -> Iterator[bytes]:
    """SELECT results in one of RESULT_TYPES, as consecutive pieces of the document (head,
    then `rows_per_chunk` rows at a time, then the tail), so a large result is sent as it is
    written rather than built whole."""
    head, write_row, tail = _layout(variables, media_type)
    yield head.encode()
    remaining = iter(rows)
    while group := list(islice(remaining, rows_per_chunk)):
        yield "".join(write_row(row) for row in group).encode()
    yield tail.encode()


def _layout(variables: Sequence[str], media_type: str) -> tuple[str, Callable[[Row], str], str]:
    """A results document's head, how it writes one row, and its tail."""
    if media_type == SPARQL_JSON:
        head = json.dumps({"head": {"vars": list(variables)}})[:-1] + ', "results": {"bindings": ['
        written = 0

        def json_row(row: Row) -> str:
            nonlocal written
            binding = {
                v: _json_term(t) for v, t in zip(variables, row, strict=True) if t is not None
            }
            written += 1
            return ("," if written > 1 else "") + json.dumps(binding, ensure_ascii=False)

        return head, json_row, "]}}"
    if media_type == SPARQL_XML:
        names = "".join(f"<variable name={quoteattr(v)}/>" for v in variables)

        def xml_row(row: Row) -> str:
            bound = "".join(
                f"<binding name={quoteattr(v)}>{_xml_term(t)}</binding>"
                for v, t in zip(variables, row, strict=True)
                if t is not None
            )
            return f"<result>{bound}</result>"

        return f"{XML_HEAD}<head>{names}</head><results>", xml_row, "</results></sparql>"
    if media_type == CSV:

        def csv_row(row: Row) -> str:
            buffer = io.StringIO()
            csv.writer(buffer, lineterminator="\r\n").writerow(
                "" if t is None else _csv_value(t) for t in row
            )
            return buffer.getvalue()

        return csv_row(tuple(ox.Literal(v) for v in variables)), csv_row, ""

    def tsv_row(row: Row) -> str:
        return "\t".join("" if t is None else str(t) for t in row) + "\n"

    return "\t".join(f"?{v}" for v in variables) + "\n", tsv_row, ""


def _csv_value(term: Term) -> str:
    """A term in SPARQL CSV: its lexical value; a triple term in its N-Triples form."""
    return str(term) if isinstance(term, ox.Triple) else term.value


def write_boolean(value: bool, media_type: str) -> bytes:
    """ASK results in one of RESULT_TYPES (CSV and TSV as one line: true or false)."""
    if media_type == SPARQL_JSON:
        return json.dumps({"head": {}, "boolean": value}).encode()
    if media_type == SPARQL_XML:
        return f"{XML_HEAD}<head/><boolean>{str(value).lower()}</boolean></sparql>".encode()
    return f"{str(value).lower()}\n".encode()
