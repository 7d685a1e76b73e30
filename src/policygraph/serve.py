"""A read-only SPARQL 1.1 Protocol endpoint over an embedded pyoxigraph store.

`GET /sparql?query=…`, `POST /sparql` with a form (`query=…`) or a body of type
`application/sparql-query`. Results follow the Accept header: SPARQL JSON
(the default), XML, CSV or TSV; CONSTRUCT and DESCRIBE give Turtle or
N-Triples. Updates are refused with 403, SERVICE calls with 403 unless allowed,
queries nested too deeply with 400. A query that runs past the timeout is
answered 503 and its worker process killed; a result longer than the row cap is
cut at the cap and says so in the `X-SPARQL-MaxRows` header (as Virtuoso does).
"""

from __future__ import annotations

import ipaddress
import shutil
import tempfile
import weakref
from collections.abc import Generator, Iterator, Mapping
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import pyoxigraph as ox

from policygraph.query_workers import GRAPH_TYPES, Job, Message, QueryWorkers, WorkerGoneError
from policygraph.results import RESULT_TYPES
from policygraph.sparql_guard import QueryRefusedError, check_query
from policygraph.store import write_store

PATH = "/sparql"
DEFAULT_TIMEOUT = 30.0
DEFAULT_MAX_ROWS = 10_000
DEFAULT_WORKERS = 4
DEFAULT_MEMORY_MB = 2048
STREAM_AFTER = 1_000_000
MAX_BODY = 1_000_000
BACKLOG = 512
IDLE_SECONDS = 10.0


class BadRequestError(Exception):
    """A request header the endpoint cannot read (answered 400)."""


@dataclass(frozen=True)
class Response:
    status: int
    content_type: str
    body: bytes | Iterator[bytes]
    headers: Mapping[str, str] = field(default_factory=dict)


def _error(status: int, message: str) -> Response:
    return Response(status, "text/plain; charset=utf-8", f"{message}\n".encode())


def _preferred(accept: str, offered: tuple[str, ...]) -> str | None:
    """The offered media type the Accept header ranks highest (first offered for */*)."""
    ranked: list[tuple[float, int, str]] = []
    for position, part in enumerate(accept.split(",")):
        media, *params = (p.strip() for p in part.split(";"))
        q = next((_quality(p[2:]) for p in params if p.startswith("q=")), 1.0)
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


def _quality(text: str) -> float:
    """An Accept header's q value: a number from 0 to 1 (RFC 9110 §12.4.2)."""
    try:
        q = float(text)
    except ValueError:
        raise BadRequestError(f"bad Accept header: q={text} is not a number") from None
    if not 0 <= q <= 1:
        raise BadRequestError(f"bad Accept header: q={text} is not between 0 and 1")
    return q


def _content_length(text: str | None) -> int:
    """A Content-Length header as a byte count (0 when absent)."""
    if not text:
        return 0
    if not text.strip().isdigit():
        raise BadRequestError(f"bad Content-Length header: {text!r}")
    return int(text)


@dataclass
class Endpoint:
    """The protocol's logic, independent of the HTTP server that carries it.

    `store` is a pyoxigraph store directory on disk, or a store whose contents are copied
    to a temporary one; queries run in `workers` killable processes over it, read-only
    (see `query_workers`), each limited to `memory_mb` of address space. Every query is
    first checked by `sparql_guard`: too long or too deeply nested is 413/400, a SERVICE
    not in `allow_service` is 403. `Response.body` is bytes, or, for a result longer than
    STREAM_AFTER bytes, an iterator of bytes for the transport to send as they come (the
    length is then unknown); closing that iterator early stops the query's worker. Call
    `close()` (or use the endpoint as a context manager) to stop the workers.
    """

    store: ox.Store | Path
    timeout: float = DEFAULT_TIMEOUT
    max_rows: int = DEFAULT_MAX_ROWS
    workers: int = DEFAULT_WORKERS
    memory_mb: int = DEFAULT_MEMORY_MB
    allow_service: tuple[str, ...] = ()
    _pool: QueryWorkers = field(init=False, repr=False)
    _finalizer: weakref.finalize = field(init=False, repr=False)

    def __post_init__(self) -> None:
        copy = None
        if isinstance(self.store, ox.Store):
            copy = tempfile.mkdtemp(prefix="policygraph-store-")
            write_store(self.store, Path(copy))
        self._pool = QueryWorkers(copy or str(self.store), self.workers, self.memory_mb)
        self._finalizer = weakref.finalize(self, _shut_down, self._pool, copy)

    def close(self) -> None:
        """Stop the query workers and remove the temporary store copy."""
        self._finalizer()

    def __enter__(self) -> Endpoint:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.close()

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
            check_query(queries[0], self.allow_service)
            accept = headers.get("accept", "")
            job = Job(
                queries[0],
                _preferred(accept, RESULT_TYPES),
                _preferred(accept, tuple(GRAPH_TYPES)),
                self.max_rows,
            )
        except QueryRefusedError as error:
            return _error(error.status, str(error))
        except BadRequestError as error:
            return _error(400, str(error))
        return self._run(job)

    def _run(self, job: Job) -> Response:
        messages = self._pool.run(job, self.timeout)
        try:
            _, status, media, extra = next(messages)
            first, complete = _gather(messages)
        except TimeoutError as error:
            messages.close()
            if "busy" in str(error):
                return _error(503, f"{error}: try later")
            return _error(503, f"query timed out after {self.timeout:g} s")
        except WorkerGoneError as error:
            return _error(
                503, f"the query stopped ({error}): it may need more than {self.memory_mb} MB"
            )
        except OSError as error:  # no process could be started: the system's limits
            return _error(503, f"cannot start a query worker ({error.strerror or error})")
        if complete:
            return Response(status, media, first, extra)
        return Response(status, media, _stream(first, messages), extra)


def _shut_down(pool: QueryWorkers, copy: str | None) -> None:
    pool.close()
    if copy:
        shutil.rmtree(copy, ignore_errors=True)


def _gather(messages: Iterator[Message]) -> tuple[bytes, bool]:
    """The body so far, and whether it is all of it: read until the end or STREAM_AFTER bytes."""
    pieces: list[bytes] = []
    size = 0
    for _, piece in messages:
        pieces.append(piece)
        size += len(piece)
        if size > STREAM_AFTER:
            return b"".join(pieces), False
    return b"".join(pieces), True


def _stream(first: bytes, messages: Generator[Message, None, None]) -> Iterator[bytes]:
    """A long body: what was read, then the worker's chunks; cut short if the deadline passes
    (the status line has gone out by then)."""
    try:
        yield first
        for _, piece in messages:
            yield piece
    except (TimeoutError, WorkerGoneError):
        return
    finally:
        messages.close()


def is_loopback(host: str) -> bool:
    """Whether `host` (a name or an address) is reachable only from this machine."""
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def make_server(endpoint: Endpoint, host: str = "127.0.0.1", port: int = 0) -> ThreadingHTTPServer:
    """An HTTP server (not yet serving) that answers with `endpoint`; port 0 picks a free one.
    A connection idle for IDLE_SECONDS (a request sent by halves) is closed."""

    class Handler(BaseHTTPRequestHandler):
        server_version = "policygraph-sparql"
        timeout = IDLE_SECONDS

        def _respond(self) -> None:
            response = self._response()
            self.send_response(response.status)
            charset = "" if "charset" in response.content_type else "; charset=utf-8"
            self.send_header("Content-Type", response.content_type + charset)
            if isinstance(response.body, bytes):
                self.send_header("Content-Length", str(len(response.body)))
            for name, value in response.headers.items():
                self.send_header(name, value)
            self.end_headers()
            if isinstance(response.body, bytes):
                self.wfile.write(response.body)
                return
            try:  # HTTP/1.0 without a length: the body ends when the connection closes
                for piece in response.body:
                    self.wfile.write(piece)
            finally:
                close = getattr(response.body, "close", None)
                if close:
                    close()

        def _response(self) -> Response:
            try:
                length = _content_length(self.headers.get("Content-Length"))
            except BadRequestError as error:
                return _error(400, str(error))
            if length > MAX_BODY:
                return _error(413, f"request body over {MAX_BODY} bytes")
            body = self.rfile.read(length) if length else b""
            headers = {k.lower(): v for k, v in self.headers.items()}
            return endpoint.handle(self.command, self.path, headers, body)

        do_GET = do_POST = do_PUT = do_DELETE = _respond  # noqa: N815

        def log_message(self, format: str, *args: object) -> None:
            return  # the CLI reports the address; per-request logs would flood the terminal

    class Server(ThreadingHTTPServer):
        request_queue_size = BACKLOG

    return Server((host, port), Handler)
