"""serve and push: the SPARQL endpoint answers standard clients; push fills a real graph store."""

from __future__ import annotations

import base64
import json
import shutil
import socket
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import urlencode

import httpx
import pyoxigraph as ox
import pytest
from SPARQLWrapper import CSV, JSON, SPARQLWrapper

from policygraph import query_workers
from policygraph.push import PushError, push_graphs
from policygraph.query import library, run_query
from policygraph.serve import MAX_BODY, Endpoint, make_app, make_server
from policygraph.store import load_store
from policygraph.web import make_explorer

GRAPHS = Path(__file__).resolve().parents[1] / "graphs"
CONTRACT = library()["department-targets"].text


@pytest.fixture(scope="module")
def store() -> ox.Store:
    return load_store(GRAPHS)


@pytest.fixture(scope="module")
def endpoint_url(store: ox.Store) -> Iterator[str]:
    """The endpoint under uvicorn on a free loopback port, in a thread, shut down after the
    module."""
    server = make_server(make_app(Endpoint(store, timeout=60, max_rows=1000)))
    thread = server.start()
    yield f"http://127.0.0.1:{server.port}/sparql"
    server.shutdown()
    thread.join(timeout=10)


def _expected_rows(store: ox.Store) -> set[tuple[str | None, ...]]:
    return set(run_query(store, library()["department-targets"]).rows)


def _contract_rows_from(url: str) -> set[tuple[str | None, ...]]:
    """The contract query's rows as a SPARQL client (SPARQLWrapper, JSON results) gets them."""
    client = SPARQLWrapper(url)
    client.setQuery(CONTRACT)
    client.setReturnFormat(JSON)
    document = client.query().convert()
    names = document["head"]["vars"]
    return {
        tuple(b[n]["value"] if n in b else None for n in names)
        for b in document["results"]["bindings"]
    }


def test_serve_answers_sparqlwrapper_with_the_embedded_rows(
    endpoint_url: str, store: ox.Store
) -> None:
    rows = _contract_rows_from(endpoint_url)
    assert rows == _expected_rows(store) and rows


def test_serve_gives_csv_and_xml_by_accept_header(endpoint_url: str) -> None:
    ask = httpx.get(
        endpoint_url,
        params={"query": "ASK { ?p a <https://w3id.org/policygraph/ontology#Plan> }"},
        headers={"Accept": "application/sparql-results+xml"},
    )
    assert ask.status_code == 200 and "<boolean>true</boolean>" in ask.text
    client = SPARQLWrapper(endpoint_url)
    client.setQuery(CONTRACT)
    client.setReturnFormat(CSV)
    text = client.query().convert().decode()
    assert text.startswith("dept,plan,indicator,year,value\r\n")
    assert (
        "区民政局,https://w3id.org/policygraph/id/plan/wanzhou,养老机构护理型床位占比,2025,60"
        in text
    )


def test_serve_refuses_updates(endpoint_url: str, store: ox.Store) -> None:
    update = "INSERT DATA { <urn:x> <urn:y> <urn:z> }"
    form = httpx.post(endpoint_url, data={"update": update})
    assert form.status_code == 403 and "read-only" in form.text
    direct = httpx.post(
        endpoint_url, content=update, headers={"Content-Type": "application/sparql-update"}
    )
    assert direct.status_code == 403
    smuggled = httpx.get(endpoint_url, params={"query": update})
    assert smuggled.status_code == 400 and "updates are refused" in smuggled.text
    assert not list(store.quads_for_pattern(ox.NamedNode("urn:x"), None, None))


def test_serve_reports_bad_requests(endpoint_url: str) -> None:
    assert httpx.get(endpoint_url).status_code == 400
    assert httpx.get(endpoint_url.replace("/sparql", "/other")).status_code == 404
    bad = httpx.get(endpoint_url, params={"query": "SELECT WHERE"})
    assert bad.status_code == 400 and "invalid SPARQL" in bad.text


def test_serve_caps_rows_and_times_out(store: ox.Store) -> None:
    query = "/sparql?" + urlencode({"query": CONTRACT})
    capped = Endpoint(store, max_rows=3).handle("GET", query, {}, b"")
    assert capped.headers == {"X-SPARQL-MaxRows": "3"}
    assert len(json.loads(capped.body)["results"]["bindings"]) == 3
    late = Endpoint(store, timeout=0).handle("GET", query, {}, b"")
    assert late.status == 503 and b"timed out" in late.body


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


@pytest.fixture(scope="module")
def oxigraph_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """A real Oxigraph server (the `oxigraph` package) on a free loopback port."""
    binary = shutil.which("oxigraph") or str(Path(sys.executable).parent / "oxigraph")
    port = _free_port()
    location = tmp_path_factory.mktemp("oxigraph")
    process = subprocess.Popen(
        [
            *(binary, "serve", "--location", str(location), "--bind", f"127.0.0.1:{port}"),
            *("--union-default-graph", "--timeout-s", "60"),
        ],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    url = f"http://127.0.0.1:{port}"
    try:
        for _ in range(100):
            try:
                httpx.get(url + "/query", params={"query": "ASK {}"}, timeout=1)
                break
            except httpx.TransportError:
                time.sleep(0.1)
        yield url
    finally:
        process.terminate()
        process.wait(timeout=10)


def test_push_loads_each_plan_as_a_named_graph(oxigraph_server: str, store: ox.Store) -> None:
    pushed = push_graphs(GRAPHS, oxigraph_server + "/store")
    names = {p.graph for p in pushed}
    assert "https://w3id.org/policygraph/id/plan/wanzhou" in names
    assert len(names) == len(list(GRAPHS.rglob("*.ttl")))
    pushed_again = push_graphs(GRAPHS, oxigraph_server + "/store")
    assert [p.triples for p in pushed_again] == [p.triples for p in pushed]
    graphs = httpx.get(
        oxigraph_server + "/query",
        params={"query": "SELECT DISTINCT ?g WHERE { GRAPH ?g { ?s ?p ?o } }"},
        headers={"Accept": "application/sparql-results+json"},
    ).json()["results"]["bindings"]
    assert {g["g"]["value"] for g in graphs} == names
    assert _contract_rows_from(oxigraph_server + "/query") == _expected_rows(store)


class _BasicAuthStore(BaseHTTPRequestHandler):
    """A graph store that wants basic authentication and records what it was sent."""

    received: list[tuple[str, int]] = []  # noqa: RUF012

    def do_PUT(self) -> None:
        expected = "Basic " + base64.b64encode(b"admin:secret").decode()
        body = self.rfile.read(int(self.headers["Content-Length"]))
        if self.headers.get("Authorization") != expected:
            self.send_response(401)
            self.send_header("WWW-Authenticate", 'Basic realm="graphs"')
            self.send_header("Content-Length", "0")
            self.end_headers()
            return
        self.received.append((self.path, len(body)))
        self.send_response(204)
        self.end_headers()

    def log_message(self, format: str, *args: object) -> None:
        return


def test_push_authenticates_and_reports_refusals_in_one_line() -> None:
    server = ThreadingHTTPServer(("127.0.0.1", 0), _BasicAuthStore)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    url = f"http://127.0.0.1:{server.server_address[1]}/data"
    try:
        with pytest.raises(PushError, match="refused with HTTP 401"):
            push_graphs(GRAPHS, url)
        pushed = push_graphs(GRAPHS, url, user="admin:secret")
        assert len(_BasicAuthStore.received) == len(pushed)
        assert any("plan%2Fwanzhou" in path for path, _ in _BasicAuthStore.received)
    finally:
        server.shutdown()
        server.server_close()
    with pytest.raises(PushError, match="cannot reach the graph store"):
        push_graphs(GRAPHS, url)


def test_serve_answers_a_bad_accept_quality_with_400(store: ox.Store) -> None:
    query = "/sparql?" + urlencode({"query": "ASK {}"})
    response = Endpoint(store).handle("GET", query, {"accept": "text/csv;q=abc"}, b"")
    assert response.status == 400 and b"q=abc" in response.body


def test_serve_answers_a_bad_content_length_with_400(endpoint_url: str) -> None:
    host, port = endpoint_url.split("//")[1].split("/")[0].split(":")
    with socket.create_connection((host, int(port))) as connection:
        connection.sendall(
            b"POST /sparql HTTP/1.0\r\nContent-Type: application/sparql-query\r\n"
            b"Content-Length: ten\r\n\r\nASK {}"
        )
        answer = b"".join(iter(lambda: connection.recv(4096), b""))
    assert answer.split(b" ")[1] == b"400"


def test_serve_reads_a_chunked_post_body_and_limits_it(endpoint_url: str) -> None:
    """A client that streams its query (Transfer-Encoding: chunked, no Content-Length) is
    answered; a chunked body over MAX_BODY is refused with 413."""
    headers = {"Content-Type": "application/sparql-query"}
    pieces = iter([b"ASK { ?plan a ", b"<https://w3id.org/policygraph/ontology#Plan> }"])
    answer = httpx.post(endpoint_url, content=pieces, headers=headers, timeout=30)
    assert answer.request.headers["transfer-encoding"] == "chunked"
    assert answer.status_code == 200 and answer.json()["boolean"] is True
    padding = (b"#" + b"x" * 9_999 + b"\n" for _ in range(MAX_BODY // 10_000 + 1))
    large = httpx.post(endpoint_url, content=padding, headers=headers, timeout=30)
    assert large.status_code == 413 and f"over {MAX_BODY} bytes" in large.text


def test_queries_waiting_for_a_worker_leave_the_explorer_pages_answering(
    store: ox.Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    """One worker held by a query to a service that never answers, 45 more queries queued
    behind it (more than the 40 threads the pages share): the home page still answers, while
    every queued query is still waiting."""
    monkeypatch.setattr(query_workers, "QUEUE_SECONDS", 15.0)
    hanging = socket.create_server(("127.0.0.1", 0))
    hanging.settimeout(20)
    service = f"http://127.0.0.1:{hanging.getsockname()[1]}/sparql"
    endpoint = Endpoint(store, timeout=15, workers=1, allow_service=(service,))
    server = make_server(make_explorer(store, GRAPHS, None, endpoint))
    thread = server.start()
    site = f"http://127.0.0.1:{server.port}"
    query = {"query": f"SELECT * WHERE {{ SERVICE <{service}> {{ ?s ?p ?o }} }}"}
    held = None
    try:
        with ThreadPoolExecutor(46) as clients:
            first = clients.submit(httpx.get, f"{site}/sparql", params=query, timeout=60)
            held, _ = hanging.accept()  # the worker is calling the service
            queued = [
                clients.submit(httpx.get, f"{site}/sparql", params=query, timeout=60)
                for _ in range(45)
            ]
            time.sleep(1.0)  # the queued requests reach the server
            home = httpx.get(f"{site}/", timeout=10)
            assert home.status_code == 200 and "周口市“一老一小”整体解决方案" in home.text
            assert not any(f.done() for f in [first, *queued])
            held.close()  # the service fails, and so at once does every query after it
            hanging.close()
    finally:
        if held is not None:
            held.close()
        hanging.close()
        server.shutdown()
        thread.join(timeout=30)
        endpoint.close()


def test_push_reports_a_damaged_graph_as_a_push_error(tmp_path: Path) -> None:
    (tmp_path / "plans").mkdir()
    (tmp_path / "plans" / "wanzhou.ttl").write_text("<a> <b> garbage <<", encoding="utf-8")
    with pytest.raises(PushError, match=r"wanzhou\.ttl: not a readable Turtle graph"):
        push_graphs(tmp_path, "http://127.0.0.1:9/store")


DESCRIBED = "https://w3id.org/policygraph/id/plan/wanzhou"
PG = "https://w3id.org/policygraph/ontology#"
CONSTRUCT = f"""PREFIX pg: <{PG}>
CONSTRUCT {{ ?plan pg:hasTarget ?t }} WHERE {{ ?plan pg:hasTarget ?t }}"""


def test_sparqlwrapper_runs_construct_and_describe_in_its_default_formats(
    endpoint_url: str, store: ox.Store
) -> None:
    """SPARQLWrapper asks for RDF/XML for CONSTRUCT and DESCRIBE (it got 406 before)."""
    client = SPARQLWrapper(endpoint_url)
    client.setQuery(CONSTRUCT)
    graph = client.query().convert()
    expected = {(str(q.subject.value), str(q.object.value)) for q in store.query(CONSTRUCT)}
    assert {(str(s), str(o)) for s, _, o in graph} == expected and expected
    client.setQuery(f"DESCRIBE <{DESCRIBED}>")
    described = client.query().convert()
    assert {str(s) for s in described.subjects()} == {DESCRIBED}
    assert len(described) == len(list(store.quads_for_pattern(ox.NamedNode(DESCRIBED), None, None)))
    client.setQuery(f"ASK {{ <{DESCRIBED}> a <{PG}Plan> }}")
    client.setReturnFormat(JSON)
    assert client.query().convert()["boolean"] is True


def test_rdflib_sparqlstore_runs_select_ask_construct_and_describe(
    endpoint_url: str, store: ox.Store
) -> None:
    """rdflib's SPARQLStore (it raised ValueError before: a 406 for its RDF/XML Accept)."""
    from rdflib import Graph, URIRef
    from rdflib.plugins.stores.sparqlstore import SPARQLStore

    remote = Graph(SPARQLStore(endpoint_url, returnFormat="xml"))
    rows = {tuple(None if v is None else str(v) for v in row) for row in remote.query(CONTRACT)}
    assert rows == _expected_rows(store) and rows
    assert remote.query(f"ASK {{ <{DESCRIBED}> a <{PG}Plan> }}").askAnswer is True
    constructed = remote.query(CONSTRUCT).graph
    assert constructed is not None and len(constructed) == len(list(store.query(CONSTRUCT)))
    described = remote.query(f"DESCRIBE <{DESCRIBED}>").graph
    assert described is not None
    assert set(described.subjects()) == {URIRef(DESCRIBED)}


def test_a_query_without_prefix_lines_gets_a_400_naming_the_prefix(endpoint_url: str) -> None:
    answer = httpx.get(
        endpoint_url, params={"query": "SELECT ?p WHERE {\n  ?p a pg:Plan ; dcterms:title ?t }"}
    )
    assert answer.status_code == 400
    assert "pg: is not declared (line 2)" in answer.text
    assert f"PREFIX pg: <{PG}>" in answer.text
    assert len(answer.text.splitlines()) == 1, "one line, not the parser's list of expectations"


def test_a_long_result_given_as_chunks_is_streamed_and_closed() -> None:
    """An endpoint may answer with an iterator of bytes (a result too long to hold): the
    transport sends the chunks as they come and closes the iterator afterwards."""
    from starlette.applications import Starlette
    from starlette.routing import Route
    from starlette.testclient import TestClient

    from policygraph.serve import Response, to_http

    closed: list[bool] = []

    def chunks() -> Iterator[bytes]:
        try:
            yield b"dept,plan\r\n"
            yield from (f"区民政局,{n}\r\n".encode() for n in range(3))
        finally:
            closed.append(True)

    app = Starlette(routes=[Route("/", lambda _: to_http(Response(200, "text/csv", chunks())))])
    with TestClient(app) as client:
        answer = client.get("/")
    assert answer.status_code == 200 and answer.headers["content-type"] == "text/csv; charset=utf-8"
    assert answer.text == "dept,plan\r\n区民政局,0\r\n区民政局,1\r\n区民政局,2\r\n"
    assert closed == [True]
