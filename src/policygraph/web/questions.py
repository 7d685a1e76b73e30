"""The library questions over HTTP, a page at a time (what `policygraph query NAME --limit
--offset` and `Graphs.query` give, for programs that speak HTTP).

    GET /questions                      the questions, their parameters and columns
    GET /questions/NAME?dept=…&limit=100&offset=0

A page is JSON, or CSV when the Accept header asks for text/csv: the columns, the rows of
the page, `total` (the rows of the whole answer), and `next`, the address of the following
page (null on the last), also given as `X-Total-Count` and `Link: <…>; rel="next"` headers.
Parameters are bound as RDF terms, never pasted (`policygraph.query`). Only the page's rows
become Python values, and the body is encoded and sent a slice of rows at a time, never
built whole; a page holds at most MAX_PAGE rows.
"""

from __future__ import annotations

import csv
import io
import json
import sqlite3
import threading
from collections.abc import Iterator, Sequence
from pathlib import Path
from urllib.parse import urlencode

import pyoxigraph as ox
from starlette.concurrency import run_in_threadpool
from starlette.requests import Request
from starlette.responses import JSONResponse, Response, StreamingResponse
from starlette.routing import Route

from policygraph.errors import QueryError
from policygraph.query import Query, Rows, library, run_query

PATH = "/questions"
DEFAULT_PAGE = 100
MAX_PAGE = 10_000
MAX_OFFSET = 2**62
"""Beyond any answer, within what SQLite (the stored answers) takes as an OFFSET."""
SLICE = 500
"""Rows encoded per chunk of a streamed page."""
CSV = "text/csv"


def _problem(status: int, message: str) -> JSONResponse:
    return JSONResponse({"error": message}, status)


def _whole(text: str | None, name: str, default: int, least: int, most: int) -> int:
    """A `limit` or `offset` from the query string: a whole number from `least` to `most`."""
    if text is None or text == "":
        return default
    if not text.isdigit() or not least <= int(text) <= most:
        raise QueryError(f"{name} must be a whole number from {least:,} to {most:,}")
    return int(text)


def describe(query: Query) -> dict[str, object]:
    """What a client needs to ask a library question."""
    return {
        "name": query.name,
        "question": query.question,
        "parameters": [
            {"name": p.name, "kind": p.kind, "optional": p.optional} for p in query.parameters
        ],
        "columns": list(query.columns),
        "href": f"{PATH}/{query.name}",
    }


def next_page(name: str, values: dict[str, str], rows: Rows, limit: int) -> str | None:
    """The address of the page after `rows` (None when it is the last)."""
    following = rows.offset + limit
    if following >= rows.count:
        return None
    return f"{PATH}/{name}?{urlencode({**values, 'limit': limit, 'offset': following})}"


def json_page(name: str, rows: Rows, limit: int, following: str | None) -> Iterator[bytes]:
    """The page as one JSON object, its rows last, encoded SLICE rows at a time."""
    head = {
        "question": name,
        "columns": list(rows.columns),
        "total": rows.count,
        "offset": rows.offset,
        "limit": limit,
        "next": following,
    }
    yield json.dumps(head, ensure_ascii=False)[:-1].encode() + b', "rows": ['
    for start in range(0, len(rows.rows), SLICE):
        part = rows.rows[start : start + SLICE]
        encoded = ",\n".join(json.dumps(list(row), ensure_ascii=False) for row in part)
        yield (",\n" if start else "\n").encode() + encoded.encode()
    yield b"\n]}\n"


def csv_page(rows: Rows) -> Iterator[bytes]:
    """The page as CSV with a header line, SLICE rows at a time (empty cells for unbound)."""
    yield _csv_lines([rows.columns])
    for start in range(0, len(rows.rows), SLICE):
        yield _csv_lines(rows.rows[start : start + SLICE])


def _csv_lines(lines: Sequence[Sequence[str | None]]) -> bytes:
    buffer = io.StringIO()
    csv.writer(buffer).writerows(lines)
    return buffer.getvalue().encode()


class Answers:
    """Runs library questions on the store, with the text index and stored answers of the
    persistent store when there is one (`index_file`), opened once per thread (a sqlite
    connection serves only the thread that opened it)."""

    def __init__(self, store: ox.Store, index_file: Path | None) -> None:
        self.store = store
        self.index_file = index_file
        self._local = threading.local()

    def _index(self) -> sqlite3.Connection | None:
        if self.index_file is None:
            return None
        if not hasattr(self._local, "index"):
            self._local.index = sqlite3.connect(f"file:{self.index_file}?mode=ro", uri=True)
        return self._local.index

    def page(self, query: Query, values: dict[str, str], limit: int, offset: int) -> Rows:
        try:
            index = self._index()
        except sqlite3.Error:
            index = None
        return run_query(self.store, query, values, index=index, limit=limit, offset=offset)


def question_routes(answers: Answers) -> list[Route]:
    """GET /questions and GET /questions/NAME."""

    def listing(request: Request) -> Response:
        return JSONResponse({"questions": [describe(q) for q in library().values()]})

    async def ask(request: Request) -> Response:
        name = request.path_params["name"]
        query = library().get(name)
        if query is None:
            return _problem(404, f"no library question {name!r}: GET {PATH} lists them")
        values = {k: v for k, v in request.query_params.items() if k not in ("limit", "offset")}
        try:
            limit = _whole(request.query_params.get("limit"), "limit", DEFAULT_PAGE, 1, MAX_PAGE)
            offset = _whole(request.query_params.get("offset"), "offset", 0, 0, MAX_OFFSET)
            rows = await run_in_threadpool(answers.page, query, values, limit, offset)
        except QueryError as error:
            return _problem(400, str(error))
        following = next_page(name, values, rows, limit)
        headers = {"X-Total-Count": str(rows.count)}
        if following:
            headers["Link"] = f'<{following}>; rel="next"'
        if CSV in request.headers.get("accept", ""):
            return StreamingResponse(csv_page(rows), headers=headers, media_type=CSV)
        body = json_page(name, rows, limit, following)
        return StreamingResponse(body, headers=headers, media_type="application/json")

    return [Route(PATH, listing), Route(PATH + "/{name}", ask)]
