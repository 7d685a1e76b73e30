"""A read-only SPARQL 1.1 Protocol endpoint over an embedded pyoxigraph store.

`GET /sparql?query=…`, `POST /sparql` with a form (`query=…`) or a body of type
`application/sparql-query`. Results follow the Accept header: SPARQL JSON
(the default), XML, CSV or TSV; CONSTRUCT and DESCRIBE give Turtle or
N-Triples. Updates are refused with 403. A query that runs past the timeout
is answered 503; a result longer than the row cap is cut at the cap and says
so in the `X-SPARQL-MaxRows` header (as Virtuoso does).
"""

from __future__ import annotations

import time
from collections.abc import Iterator, Mapping
from concurrent.futures import ThreadPoolExecutor
from concurrent.futures import TimeoutError as FutureTimeout
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qs, urlsplit

import pyoxigraph as ox

from policygraph.results import RESULT_TYPES, write_boolean, write_solutions

PATH = "/sparql"
GRAPH_TYPES = {"text/turtle": ox.RdfFormat.TURTLE, "application/n-triples": ox.RdfFormat.N_TRIPLES}
DEFAULT_TIMEOUT = 30.0
DEFAULT_MAX_ROWS = 10_000
MAX_BODY = 1_000_000


class QueryTimeoutError(Exception):
    """The query ran longer than the endpoint allows."""


@dataclass(frozen=True)
class Response:
    status: int
    content_type: str
    body: bytes
    headers: Mapping[str, str] = field(default_factory=dict)


def _error(status: int, message: str) -> Response:
    return Response(status, "text/plain; charset=utf-8", f"{message}\n".encode())


def _preferred(accept: str, offered: tuple[str, ...]) -> str | None:
    """The offered media type the Accept header ranks highest (first offered for */*)."""
    ranked: list[tuple[float, int, str]] = []
    for position, part in enumerate(accept.split(",")):
        media, *params = (p.strip() for p in part.split(";"))
        q = next((float(p[2:]) for p in params if p.startswith("q=")), 1.0)
        ranked.append((-q, position, media.lower()))
    for neg_q, _, media in sorted(ranked):
        if neg_q == 0:
            continue
        if media in offered:
            return media
        if media in ("*/*", "application/*", "text/*"):
            family = media.split("/")[0]
            return next((o for o in offered if family == "*" or o.startswith(family)), None)
    return None if accept.strip() else offered[0]


@dataclass
class Endpoint:
    """The protocol's logic, independent of the HTTP server that carries it."""

    store: ox.Store
    timeout: float = DEFAULT_TIMEOUT
    max_rows: int = DEFAULT_MAX_ROWS
    workers: ThreadPoolExecutor = field(default_factory=lambda: ThreadPoolExecutor(4))

    def handle(self, method: str, target: str, headers: Mapping[str, str], body: bytes) -> Response:
        """Answer one request: `target` is the request path with its query string."""
        url = urlsplit(target)
        if url.path != PATH:
            return _error(404, f"not found: the SPARQL endpoint is {PATH}")
        form = parse_qs(url.query)
        content_type = headers.get("content-type", "").split(";")[0].strip().lower()
        if method == "POST":
            if content_type == "application/x-www-form-urlencoded":
                form.update(parse_qs(body.decode("utf-8", "replace")))
            elif content_type == "application/sparql-query":
                form["query"] = [body.decode("utf-8", "replace")]
            elif content_type == "application/sparql-update":
                form["update"] = [body.decode("utf-8", "replace")]
            else:
                return _error(415, f"unsupported content type {content_type or '(none)'}")
        elif method != "GET":
            return _error(405, f"method {method} not allowed: use GET or POST")
        if "update" in form:
            return _error(403, "this endpoint is read-only: SPARQL UPDATE is refused")
        queries = form.get("query", [])
        if len(queries) != 1:
            return _error(400, "give exactly one 'query' parameter")
        try:
            return self.workers.submit(self._answer, queries[0], headers.get("accept", "")).result(
                timeout=self.timeout
            )
        except (FutureTimeout, QueryTimeoutError):
            return _error(503, f"query timed out after {self.timeout:g} s")

    def _answer(self, text: str, accept: str) -> Response:
        deadline = time.monotonic() + self.timeout
        try:
            result = self.store.query(text)
        except SyntaxError as error:
            hint = " (updates are refused)" if _looks_like_update(text) else ""
            return _error(400, f"invalid SPARQL query{hint}: {error}")
        if isinstance(result, ox.QueryBoolean):
            media = _preferred(accept, RESULT_TYPES)
            if media is None:
                return _error(406, f"cannot give ASK results as {accept}")
            return Response(200, media, write_boolean(bool(result), media))
        if isinstance(result, ox.QuerySolutions):
            media = _preferred(accept, RESULT_TYPES)
            if media is None:
                return _error(406, f"cannot give SELECT results as {accept}")
            variables = [v.value for v in result.variables]
            rows, cut = self._take((tuple(s[v] for v in variables) for s in result), deadline)
            return Response(200, media, write_solutions(variables, rows, media), cut)
        media = _preferred(accept, tuple(GRAPH_TYPES))
        if media is None:
            return _error(406, f"cannot give a graph as {accept}")
        triples, cut = self._take(iter(result), deadline)
        body = ox.serialize(triples, format=GRAPH_TYPES[media]) or b""
        return Response(200, media, body, cut)

    def _take(self, items: Iterator, deadline: float) -> tuple[list, dict[str, str]]:  # type: ignore[type-arg]
        taken = []
        for item in items:
            if time.monotonic() > deadline:
                raise QueryTimeoutError
            if len(taken) == self.max_rows:
                return taken, {"X-SPARQL-MaxRows": str(self.max_rows)}
            taken.append(item)
        return taken, {}


def _looks_like_update(text: str) -> bool:
    words = text.upper().split()
    return any(w in ("INSERT", "DELETE", "LOAD", "CLEAR", "DROP", "CREATE") for w in words)


def make_server(endpoint: Endpoint, host: str = "127.0.0.1", port: int = 0) -> ThreadingHTTPServer:
    """An HTTP server (not yet serving) that answers with `endpoint`; port 0 picks a free one."""

    class Handler(BaseHTTPRequestHandler):
        server_version = "policygraph-sparql"

        def _respond(self) -> None:
            length = int(self.headers.get("Content-Length") or 0)
            if length > MAX_BODY:
                response = _error(413, f"request body over {MAX_BODY} bytes")
            else:
                body = self.rfile.read(length) if length else b""
                headers = {k.lower(): v for k, v in self.headers.items()}
                response = endpoint.handle(self.command, self.path, headers, body)
            self.send_response(response.status)
            charset = "" if "charset" in response.content_type else "; charset=utf-8"
            self.send_header("Content-Type", response.content_type + charset)
            self.send_header("Content-Length", str(len(response.body)))
            for name, value in response.headers.items():
                self.send_header(name, value)
            self.end_headers()
            self.wfile.write(response.body)

        do_GET = do_POST = do_PUT = do_DELETE = _respond  # noqa: N815

        def log_message(self, format: str, *args: object) -> None:
            return  # the CLI reports the address; per-request logs would flood the terminal

    return ThreadingHTTPServer((host, port), Handler)
