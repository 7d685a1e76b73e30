"""SPARQL queries run in worker processes that can be killed.

A query cannot be cancelled inside pyoxigraph: a thread that times out keeps
running, at full CPU and growing memory. So each query runs in a worker process
over a read-only store opened from disk; a worker that runs past the deadline
is killed (its CPU and memory go back to the system) and replaced. Each worker
has an address-space limit (RLIMIT_AS: its size once the store is open, plus the
memory a query may use), so one query cannot take the machine's memory, and
takes at most the row cap. The worker writes the results document
itself and sends it in pieces, so the server never holds a large result whole.

A new worker sends ("ready",) once its store is open. Then, per query:
("head", status, media type, headers), ("chunk", bytes) any number of times, ("end",).
"""

from __future__ import annotations

import contextlib
import multiprocessing
import os
import resource
import threading
import time
from collections.abc import Generator, Iterator
from dataclasses import dataclass
from multiprocessing.connection import Connection
from multiprocessing.process import BaseProcess
from typing import Any

import pyoxigraph as ox

from policygraph.lifeline import die_with_parent
from policygraph.results import solution_chunks, write_boolean
from policygraph.sparql_guard import syntax_problem

GRAPH_TYPES = {
    "text/turtle": ox.RdfFormat.TURTLE,
    "application/n-triples": ox.RdfFormat.N_TRIPLES,
    "application/rdf+xml": ox.RdfFormat.RDF_XML,
}
TRIPLES_PER_CHUNK = 2_000
STARTUP_SECONDS = 60.0
QUEUE_SECONDS = 30.0
"""How long a query waits for a free worker: a burst of clients is queued, not refused."""
Message = tuple[Any, ...]


@dataclass(frozen=True)
class Job:
    """One query for a worker, with the media types the client accepts for each result form
    (None: the client accepts none of them)."""

    text: str
    solutions_type: str | None
    graph_type: str | None
    max_rows: int


class WorkerGoneError(Exception):
    """The worker process ended during a query (the memory limit, or a crash)."""


def answer(store: ox.Store, job: Job) -> Iterator[Message]:
    """The messages that answer `job` over `store`."""
    try:
        result = store.query(job.text)
        if isinstance(result, ox.QueryBoolean):
            if job.solutions_type is None:
                yield from _refusal(406, "cannot give ASK results in the accepted media types")
                return
            yield ("head", 200, job.solutions_type, {})
            yield ("chunk", write_boolean(bool(result), job.solutions_type))
        elif isinstance(result, ox.QuerySolutions):
            if job.solutions_type is None:
                yield from _refusal(406, "cannot give SELECT results in the accepted media types")
                return
            variables = [v.value for v in result.variables]
            rows, cut = _take((tuple(s[v] for v in variables) for s in result), job.max_rows)
            yield ("head", 200, job.solutions_type, cut)
            yield from (("chunk", c) for c in solution_chunks(variables, rows, job.solutions_type))
        else:
            if job.graph_type is None:
                yield from _refusal(406, "cannot give a graph in the accepted media types")
                return
            triples, cut = _take(iter(result), job.max_rows)
            yield ("head", 200, job.graph_type, cut)
            for start in range(0, len(triples), TRIPLES_PER_CHUNK):
                piece = triples[start : start + TRIPLES_PER_CHUNK]
                yield ("chunk", ox.serialize(piece, format=GRAPH_TYPES[job.graph_type]) or b"")
    except SyntaxError as error:
        hint = " (updates are refused)" if _looks_like_update(job.text) else ""
        yield from _refusal(
            400, f"invalid SPARQL query{hint}: {syntax_problem(job.text, str(error))}"
        )
        return
    except (OSError, ValueError) as error:  # evaluation runs lazily: SERVICE calls, bad casts
        yield from _refusal(400, f"the query failed: {error}")
        return
    yield ("end",)


def _refusal(status: int, message: str) -> Iterator[Message]:
    yield ("head", status, "text/plain; charset=utf-8", {})
    yield ("chunk", f"{message}\n".encode())
    yield ("end",)


def _take(items: Iterator[Any], max_rows: int) -> tuple[list[Any], dict[str, str]]:
    taken: list[Any] = []
    for item in items:
        if len(taken) == max_rows:
            return taken, {"X-SPARQL-MaxRows": str(max_rows)}
        taken.append(item)
    return taken, {}


def _looks_like_update(text: str) -> bool:
    words = text.upper().split()
    return any(w in ("INSERT", "DELETE", "LOAD", "CLEAR", "DROP", "CREATE") for w in words)


def _worker_main(location: str, connection: Connection, memory_bytes: int, parent: int) -> None:
    """A worker's life: answer jobs from `connection` until the server closes it."""
    die_with_parent(parent)
    store = ox.Store.read_only(location)
    # the limit counts from the opened store: the interpreter and the store's threads reserve
    # several hundred MB of address space before any query runs
    limit = _address_space() + memory_bytes
    resource.setrlimit(resource.RLIMIT_AS, (limit, limit))
    connection.send(("ready",))
    while True:
        try:
            job = connection.recv()
        except (EOFError, OSError):
            return
        try:
            for message in answer(store, job):
                connection.send(message)
        except (MemoryError, OSError):
            return  # out of memory, or the server went away: the server sees the pipe close


def _address_space() -> int:
    """This process's virtual memory size in bytes (Linux: /proc/self/statm)."""
    with open("/proc/self/statm") as statm:
        return int(statm.read().split()[0]) * resource.getpagesize()


@dataclass
class _Worker:
    process: BaseProcess
    connection: Connection
    ready: bool = False


class QueryWorkers:
    """A pool of `size` query worker processes over the read-only store at `location`."""

    def __init__(self, location: str, size: int, memory_mb: int) -> None:
        self.location = location
        self.memory_bytes = memory_mb * 1024 * 1024
        self._context = multiprocessing.get_context("spawn")
        self._slots = threading.BoundedSemaphore(size)
        self._idle: list[_Worker] = []
        self._lock = threading.Lock()
        self._closed = False

    def run(self, job: Job, timeout: float) -> Generator[Message, None, None]:
        """The worker's messages for `job`. TimeoutError when no worker is free within
        QUEUE_SECONDS (or `timeout`, if longer) or the query runs longer than `timeout` (the
        worker is then killed); WorkerGoneError when the worker died. Closing the iterator
        early kills the worker (a client gone)."""
        if not self._slots.acquire(timeout=max(QUEUE_SECONDS, timeout)):
            raise TimeoutError(f"every query worker is busy for {QUEUE_SECONDS:g} s")
        worker = None
        finished = False
        try:
            worker = self._take_idle() or self._start()
            _wait_until_ready(worker)
            deadline = time.monotonic() + timeout  # the query runs from here
            try:
                worker.connection.send(job)
            except OSError:  # the worker ended while idle (the OOM killer, an operator)
                raise WorkerGoneError(_exit_reason(worker.process)) from None
            while True:
                if not worker.connection.poll(max(0.0, deadline - time.monotonic())):
                    raise TimeoutError("the query ran past the deadline")
                try:
                    message = worker.connection.recv()
                except (EOFError, OSError):
                    raise WorkerGoneError(_exit_reason(worker.process)) from None
                if message[0] == "end":
                    finished = True
                    return
                yield message
        finally:
            if worker is not None and finished:
                self._keep(worker)
            elif worker is not None:
                self._kill(worker)
                self._replace()
            self._slots.release()

    def close(self) -> None:
        """Stop every idle worker; workers still busy are killed when their query ends."""
        with self._lock:
            self._closed = True
            idle, self._idle = self._idle, []
        for worker in idle:
            self._kill(worker)

    def _take_idle(self) -> _Worker | None:
        """An idle worker still alive (one killed from outside is dropped), or None."""
        while True:
            with self._lock:
                worker = self._idle.pop() if self._idle else None
            if worker is None or worker.process.is_alive():
                return worker
            self._kill(worker)

    def _start(self) -> _Worker:
        here, there = self._context.Pipe()
        process = self._context.Process(
            target=_worker_main,
            args=(self.location, there, self.memory_bytes, os.getpid()),
            name="policygraph-query",
            daemon=True,
        )
        process.start()
        there.close()
        return _Worker(process, here)

    def _replace(self) -> None:
        """Start a worker and wait until it is ready, so the next query finds it so."""
        worker = self._start()
        try:
            _wait_until_ready(worker)
        except WorkerGoneError:
            self._kill(worker)
            return
        self._keep(worker)

    def _keep(self, worker: _Worker) -> None:
        with self._lock:
            if not self._closed:
                self._idle.append(worker)
                return
        self._kill(worker)

    @staticmethod
    def _kill(worker: _Worker) -> None:
        with contextlib.suppress(OSError):
            worker.process.kill()
        worker.process.join(timeout=5)
        worker.connection.close()


def _wait_until_ready(worker: _Worker) -> None:
    """Wait for a new worker to have opened the store (at most STARTUP_SECONDS)."""
    if worker.ready:
        return
    if not worker.connection.poll(STARTUP_SECONDS):
        raise WorkerGoneError(f"the query worker did not start within {STARTUP_SECONDS} s")
    try:
        worker.connection.recv()
    except (EOFError, OSError):
        raise WorkerGoneError(_exit_reason(worker.process)) from None
    worker.ready = True


def _exit_reason(process: BaseProcess) -> str:
    process.join(timeout=1)
    code = process.exitcode
    return f"signal {-code}" if code is not None and code < 0 else f"exit status {code}"
