"""Checks a SPARQL query must pass before any parser sees it.

Oxigraph's parser recurses once per nesting level: a query of 5,000 nested `{`
or `(` runs it off the stack and kills the process. And a `SERVICE <url>`
clause makes the store send the query to any address, including the
services of the network it runs in. So a query is first read here by a
tokenizer of the SPARQL grammar (strings, IRIs and comments skipped; `\\uXXXX`
escapes decoded first, as the grammar says, so `\\u0053ERVICE` is SERVICE):
too long, too deeply nested, or calling a service not on the allow-list,
and it is refused with `QueryRefusedError` before it is parsed.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from urllib.parse import urljoin

from policygraph.errors import QueryError

MAX_QUERY_CHARS = 100_000
MAX_DEPTH = 64

_CODEPOINT = re.compile(r"\\u([0-9A-Fa-f]{4})|\\U([0-9A-Fa-f]{8})")
# Longest match first, as the grammar's lexer reads: a `<` that does not open an IRIREF is
# the less-than operator (or half of a triple term's `<<`).
_TOKEN = re.compile(
    r"""
    (?P<space>\s+)
    | (?P<comment>\#[^\n]*)
    | (?P<string>'''(?:[^'\\]|\\.|'(?!''))*'''|\"\"\"(?:[^"\\]|\\.|"(?!""))*\"\"\"
                 |'(?:[^'\\\n\r]|\\.)*'|"(?:[^"\\\n\r]|\\.)*")
    | (?P<iri><[^<>"{}|^`\\\x00-\x20]*>)
    | (?P<variable>[?$][\w\u00b7\u0300-\u036f\u203f-\u2040]+)
    | (?P<prefixed>(?:[^\W\d][\w.-]*)?:(?:[\w:%\\-]|\.(?=[\w:%\\-]))*)
    | (?P<word>[^\W\d]\w*)
    | (?P<open><<|[{(\[])
    | (?P<close>>>|[})\]])
    | (?P<other>.)
    """,
    re.VERBOSE | re.DOTALL,
)


class QueryRefusedError(QueryError):
    """A query the endpoint will not run: too large, too deeply nested, or an outbound call."""

    def __init__(self, message: str, status: int) -> None:
        super().__init__(message)
        self.status = status


@dataclass(frozen=True)
class _Token:
    kind: str
    text: str


def decode_codepoints(text: str) -> str:
    """The query with its `\\uXXXX` and `\\UXXXXXXXX` escapes replaced (SPARQL 1.1 §19.2)."""

    def character(match: re.Match[str]) -> str:
        code = int(match[1] or match[2], 16)
        return chr(code) if code <= 0x10FFFF and not 0xD800 <= code <= 0xDFFF else match[0]

    return _CODEPOINT.sub(character, text)


def _tokens(text: str) -> Iterator[_Token]:
    for match in _TOKEN.finditer(text):
        kind = match.lastgroup or "other"
        if kind not in ("space", "comment"):
            yield _Token(kind, match[0])


def check_query(text: str, allowed_services: Sequence[str] = ()) -> None:
    """Raise `QueryRefusedError` unless `text` passes `check_size_and_depth` and calls no
    SERVICE but those in `allowed_services` (exact IRIs)."""
    tokens = check_size_and_depth(text)
    for service in _services(tokens):
        if service not in allowed_services:
            shown = service or "a variable service"
            raise QueryRefusedError(
                f"SERVICE {shown} refused: this endpoint makes no outbound requests "
                "(the operator can allow a service with --allow-service URL)",
                403,
            )


def check_size_and_depth(text: str) -> list[_Token]:
    """The query's tokens; `QueryRefusedError` when it is over MAX_QUERY_CHARS or nests
    brackets, parentheses, braces or triple terms over MAX_DEPTH deep."""
    if len(text) > MAX_QUERY_CHARS:
        raise QueryRefusedError(
            f"query too long: {len(text)} characters, limit {MAX_QUERY_CHARS}", 413
        )
    tokens = list(_tokens(decode_codepoints(text)))
    depth = 0
    for token in tokens:
        depth += (token.kind == "open") - (token.kind == "close")
        if depth > MAX_DEPTH:
            raise QueryRefusedError(f"query nested too deeply: over {MAX_DEPTH} levels", 400)
    return tokens


def _services(tokens: list[_Token]) -> Iterator[str]:
    """The IRIs the query's SERVICE clauses call ('' for a variable or anything unresolved)."""
    prefixes: dict[str, str] = {}
    base = ""
    for position, token in enumerate(tokens):
        following = tokens[position + 1 : position + 4]
        keyword = token.text.upper() if token.kind == "word" else ""
        if keyword == "BASE" and following and following[0].kind == "iri":
            base = urljoin(base, following[0].text[1:-1])
        elif keyword == "PREFIX" and len(following) >= 2 and following[1].kind == "iri":
            prefixes[following[0].text.rstrip(":")] = urljoin(base, following[1].text[1:-1])
        elif keyword == "SERVICE":
            named = [t for t in following if not (t.kind == "word" and t.text.upper() == "SILENT")]
            yield _resolve(named[0] if named else None, prefixes, base)


def _resolve(token: _Token | None, prefixes: dict[str, str], base: str) -> str:
    if token is None:
        return ""
    if token.kind == "iri":
        return urljoin(base, token.text[1:-1])
    if token.kind == "prefixed":
        prefix, _, local = token.text.partition(":")
        return prefixes[prefix] + local if prefix in prefixes else ""
    return ""


def first_group(text: str) -> tuple[int | None, str]:
    """The query with its escapes decoded, and the offset just after its first `{` outside
    strings, IRIs and comments (a SELECT's WHERE group); None when it has none."""
    decoded = decode_codepoints(text)
    for match in _TOKEN.finditer(decoded):
        if match.lastgroup == "open" and match[0] == "{":
            return match.end(), decoded
    return None, decoded
