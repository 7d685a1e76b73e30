"""A read-only SPARQL 1.1 Protocol endpoint over an embedded pyoxigraph store.

`GET /sparql?query=…`, `POST /sparql` with a form (`query=…`) or a body of type
`application/sparql-query`. Results follow the Accept header: SPARQL JSON
(the default), XML, CSV or TSV; CONSTRUCT and DESCRIBE give Turtle or
N-Triples or RDF/XML (what SPARQLWrapper and rdflib's SPARQLStore ask for).
Updates are refused with 403, SERVICE calls with 403 unless allowed,
queries nested too deeply with 400. A query that runs past the timeout is
answered 503 and its worker process killed; a result longer than the row cap is
cut at the cap and says so in the `X-SPARQL-MaxRows` header (as Virtuoso does).

The transport is uvicorn carrying a Starlette route that calls `Endpoint.handle`
in threads of its own (one per query worker); the explorer's pages (`policygraph.web`)
share the same app but not those threads, so queries waiting for a worker never hold up
a page.
"""

from __future__ import annotations

import ipaddress
import shutil
import socket
import tempfile
import threading
import time
import weakref
from collections.abc import AsyncIterator, Generator, Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import anyio
import anyio.to_thread
import pyoxigraph as ox
import uvicorn
from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import Response as HttpResponse
from starlette.responses import StreamingResponse
from starlette.routing import BaseRoute, Route
from starlette.types import Message as AsgiMessage

from policygraph.query_workers import GRAPH_TYPES, Job, Message, QueryWorkers, WorkerGoneError
from policygraph.results import RESULT_TYPES, SPARQL_XML
from policygraph.sparql_guard import QueryRefusedError, check_query
from policygraph.store import write_store

PATH = "/sparql"
DEFAULT_TIMEOUT = 30.0
DEFAULT_MAX_ROWS = 10_000
DEFAULT_WORKERS = 4
DEFAULT_MEMORY_MB = 2048
STREAM_AFTER = 1_000_000
MAX_BODY = 1_000_000
ALIASES = {"application/xml": SPARQL_XML, "text/xml": SPARQL_XML}
"""Generic XML asks for SPARQL XML results (SELECT, ASK) or RDF/XML (a graph)."""
GRAPH_ALIASES = {
    "application/xml": "application/rdf+xml",
    "text/xml": "application/rdf+xml",
    "application/x-turtle": "text/turtle",
    "application/turtle": "text/turtle",
}


class BadRequestError(Exception):
    """A request header the endpoint cannot read (answered 400)."""


class BodyTooLargeError(Exception):
    """A request body over the size limit (answered 413)."""


def limit_body(request: Request, limit: int) -> Request:
    """`request` whose body, as it is read, raises `BodyTooLargeError` once more than `limit`
    bytes have come, whatever Content-Length said (a chunked body has none)."""
    received = 0

    async def receive() -> AsgiMessage:
        nonlocal received
        message = await request.receive()
        received += len(message.get("body", b""))
        if received > limit:
            raise BodyTooLargeError(f"request body over {limit} bytes")
        return message

    return Request(request.scope, receive)


@dataclass(frozen=True)
class Response:
    status: int
    content_type: str
    body: bytes | Iterator[bytes]
    headers: Mapping[str, str] = field(default_factory=dict)


def _error(status: int, message: str) -> Response:
    return Response(status, "text/plain; charset=utf-8", f"{message}\n".encode())


def _preferred(
    accept: str, offered: tuple[str, ...], aliases: Mapping[str, str] = ALIASES
) -> str | None:
    """The offered media type the Accept header ranks highest (first offered for */*);
    `aliases` maps a generic type a client may send (application/xml) to an offered one."""
    ranked: list[tuple[float, int, str]] = []
    for position, part in enumerate(accept.split(",")):
        media, *params = (p.strip() for p in part.split(";"))
        q = next((_quality(p[2:]) for p in params if p.startswith("q=")), 1.0)
        media = media.lower()
        ranked.append((-q, position, aliases.get(media, media)))
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


def content_length(text: str | None) -> int:
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
                _preferred(accept, tuple(GRAPH_TYPES), GRAPH_ALIASES),
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


def sparql_route(endpoint: Endpoint, path: str = PATH) -> BaseRoute:
    """A Starlette route that carries the protocol to `endpoint` (run in threads, so a long
    query never blocks the event loop). Its threads are its own, as many as the endpoint has
    workers: requests waiting for a worker wait in the event loop, not in the thread pool
    the explorer's pages share."""
    queries = anyio.CapacityLimiter(endpoint.workers)
    streams = anyio.CapacityLimiter(endpoint.workers)

    async def answer(request: Request) -> HttpResponse:
        return to_http(await _response(request), streams)

    async def _response(request: Request) -> Response:
        try:
            length = content_length(request.headers.get("content-length"))
        except BadRequestError as error:
            return _error(400, str(error))
        if length > MAX_BODY:
            return _error(413, f"request body over {MAX_BODY} bytes")
        try:
            body = await limit_body(request, MAX_BODY).body()
        except BodyTooLargeError as error:
            return _error(413, str(error))
        target = PATH + (f"?{request.url.query}" if request.url.query else "")
        headers = {k.lower(): v for k, v in request.headers.items()}
        return await anyio.to_thread.run_sync(
            endpoint.handle, request.method, target, headers, body, limiter=queries
        )

    return Route(path, answer, methods=["GET", "POST", "PUT", "DELETE"])


def to_http(response: Response, limiter: anyio.CapacityLimiter | None = None) -> HttpResponse:
    """The endpoint's answer as a Starlette response: a body given as an iterator of bytes
    (a long result) is streamed as it comes, read in threads of `limiter` (default: the
    shared pool), and closed when the client goes away."""
    charset = "" if "charset" in response.content_type else "; charset=utf-8"
    media = response.content_type + charset
    headers = dict(response.headers)
    if isinstance(response.body, bytes):
        return HttpResponse(response.body, response.status, headers=headers, media_type=media)
    return StreamingResponse(
        _send(response.body, limiter), response.status, headers=headers, media_type=media
    )


async def _send(
    chunks: Iterator[bytes], limiter: anyio.CapacityLimiter | None
) -> AsyncIterator[bytes]:
    try:
        while (
            chunk := await anyio.to_thread.run_sync(next, chunks, None, limiter=limiter)
        ) is not None:
            yield chunk
    finally:
        close = getattr(chunks, "close", None)
        if close is not None:
            close()


def make_app(endpoint: Endpoint) -> Starlette:
    """The endpoint alone as an ASGI app (the explorer adds its pages to the same route)."""
    return Starlette(routes=[sparql_route(endpoint)])


BACKLOG = 2048
KEEP_ALIVE = 5
MAX_CONNECTIONS = 200


@dataclass
class Server:
    """An ASGI app under uvicorn on a socket bound at creation (so port 0 has its port)."""

    app: Starlette
    listener: socket.socket
    server: uvicorn.Server

    @property
    def port(self) -> int:
        return int(self.listener.getsockname()[1])

    def serve_forever(self) -> None:
        """Serve until Ctrl-C or `shutdown()` (from another thread)."""
        self.server.run(sockets=[self.listener])

    def start(self) -> threading.Thread:
        """Serve in a daemon thread; returns once the server accepts connections."""
        thread = threading.Thread(target=self.serve_forever, daemon=True)
        thread.start()
        while not self.server.started and thread.is_alive():
            time.sleep(0.02)
        return thread

    def shutdown(self) -> None:
        self.server.should_exit = True


def make_server(app: Starlette, host: str = "127.0.0.1", port: int = 0) -> Server:
    """uvicorn (not yet serving) for `app`, localhost by default; port 0 picks a free port.
    A large listen backlog, a short keep-alive and a cap on open connections keep a burst of
    clients from exhausting the process."""
    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    listener = socket.socket(family, socket.SOCK_STREAM)
    listener.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    try:
        listener.bind((host, port))
        listener.listen(BACKLOG)  # connections wait in the backlog until uvicorn accepts them
    except OSError:
        listener.close()
        raise
    config = uvicorn.Config(
        app,
        backlog=BACKLOG,
        timeout_keep_alive=KEEP_ALIVE,
        limit_concurrency=MAX_CONNECTIONS,
        log_level="warning",
        access_log=False,
        lifespan="off",
    )
    return Server(app, listener, uvicorn.Server(config))
