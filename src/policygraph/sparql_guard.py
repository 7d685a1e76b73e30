"""Checks a SPARQL query must pass before any parser sees it.

Oxigraph's parser recurses once per nesting level: a query of 5,000 nested `{`
or `(` runs it off the stack and kills the process. And a `SERVICE <url>`
clause makes the store send the query to any address, including the
services of the network it runs in. So a query is first read here by a
tokenizer of the SPARQL grammar (strings, IRIs and comments skipped; `\\uXXXX`
escapes decoded first, as the grammar says, so `\\u0053ERVICE` is SERVICE):
too long, too many tokens (a chain of 10,000 `+1` or `UNION {}` crashes the
planner as nesting does), too deeply nested, or calling a service not on the allow-list,
and it is refused with `QueryRefusedError` before it is parsed. With no allow-list, the word
SERVICE anywhere in the query is refused as well, so a misread token cannot hide a call.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from urllib.parse import urljoin

from policygraph.errors import QueryError

MAX_QUERY_CHARS = 100_000
MAX_DEPTH = 64
MAX_TOKENS = 5_000
"""Unnested chains recurse too: 10,000 `+1` or 5,000 `MINUS {}` crash the parser or the
planner, 2,500 do not; no query of the library has 500 tokens."""

_SERVICE_WORD = re.compile(r"\bSERVICE\b", re.IGNORECASE)
"""The backstop when no service is allowed: should the tokenizer ever misread where a name,
string or comment ends, a SERVICE clause hidden by it is still refused."""
_LOCAL_ESCAPE = re.compile(r"\\(.)")
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
    | (?P<prefixed>(?:[^\W\d][\w.-]*)?:(?:[\w:%-]|\\[_~.!$&'()*+,;=/?\#@%-]|\.+(?=[\w:%\\-]))*)
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
    if not allowed_services and _SERVICE_WORD.search(decode_codepoints(text)):
        raise QueryRefusedError(
            "SERVICE refused: this endpoint makes no outbound requests, and refuses the word "
            "SERVICE anywhere in a query, even in a string or an IRI "
            "(the operator can allow a service with --allow-service URL)",
            403,
        )
    for service in _services(tokens):
        if service not in allowed_services:
            shown = service or "a variable service"
            raise QueryRefusedError(
                f"SERVICE {shown} refused: this endpoint makes no outbound requests "
                "(the operator can allow a service with --allow-service URL)",
                403,
            )


def check_size_and_depth(text: str) -> list[_Token]:
    """The query's tokens; `QueryRefusedError` when it is over MAX_QUERY_CHARS or MAX_TOKENS,
    or nests brackets, parentheses, braces or triple terms over MAX_DEPTH deep."""
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
    if len(tokens) > MAX_TOKENS:
        raise QueryRefusedError(f"query too complex: over {MAX_TOKENS} tokens", 400)
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
        unescaped = _LOCAL_ESCAPE.sub(r"\1", local)
        return prefixes[prefix] + unescaped if prefix in prefixes else ""
    return ""


UNDECLARED = re.compile(r"error at (?P<line>\d+):(?P<column>\d+): .*Prefix not found", re.S)
PREFIXED_NAME = re.compile(r"(?P<prefix>[A-Za-z][\w.-]*)?:[\w.-]*$")


def syntax_problem(text: str, message: str) -> str:
    """A parser message a person can act on: an undeclared prefix is named with the PREFIX
    line to add (the project's own prefixes are known), other errors keep their first line."""
    from policygraph.vocab import PREFIXES  # rdflib's namespaces: only for this message

    undeclared = UNDECLARED.match(message)
    if undeclared:
        lines = text.splitlines()
        row = int(undeclared["line"]) - 1
        before = lines[row][: int(undeclared["column"])] if row < len(lines) else ""
        name = PREFIXED_NAME.search(before.rstrip(" ;.,)}"))
        prefix = (name["prefix"] or "") if name else ""
        known = PREFIXES.get(prefix)
        add = f"PREFIX {prefix}: <{known}>" if known else f"PREFIX {prefix}: <…>"
        return f"the prefix {prefix}: is not declared (line {row + 1}); add {add}"
    first = message.split(" expected one of ", 1)
    return first[0] if len(first) == 1 else f"{first[0]} unexpected text there"


def first_group(text: str) -> tuple[int | None, str]:
    """The query with its escapes decoded, and the offset just after its first `{` outside
    strings, IRIs and comments (a SELECT's WHERE group); None when it has none."""
    decoded = decode_codepoints(text)
    for match in _TOKEN.finditer(decoded):
        if match.lastgroup == "open" and match[0] == "{":
            return match.end(), decoded
    return None, decoded
