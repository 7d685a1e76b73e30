"""push against Virtuoso Open Source (issue 16): a private server, started for this module,
holds after a push what the local graphs hold, graph by graph, IRIs unchanged."""

from __future__ import annotations

from collections.abc import Iterator
from functools import cache
from pathlib import Path

import httpx
import pyoxigraph as ox
import pytest
from typer.testing import CliRunner

from policygraph.cli import app
from policygraph.push import PushError, graph_name, push_graphs
from policygraph.store import graph_files
from tests.processes import all_end, descendants
from tests.virtuoso import PASSWORD, USER, Virtuoso, missing_reason, running_virtuoso

GRAPHS = Path(__file__).resolve().parents[1] / "graphs"

pytestmark = pytest.mark.skipif(missing_reason() is not None, reason=missing_reason() or "")


@pytest.fixture(scope="module")
def virtuoso(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Virtuoso]:
    with running_virtuoso(tmp_path_factory.mktemp("virtuoso")) as server:
        yield server


@cache
def _local() -> dict[str, tuple[int, set[str]]]:
    """Per named graph a push makes: its triple count and the IRIs of its subjects."""
    graphs = {}
    for path in graph_files(GRAPHS):
        turtle = path.read_bytes()
        triples = list(ox.parse(turtle, format=ox.RdfFormat.TURTLE))
        subjects = {t.subject.value for t in triples if isinstance(t.subject, ox.NamedNode)}
        graphs[graph_name(path, turtle)] = (len(triples), subjects)
    return graphs


def _select(server: Virtuoso, query: str) -> list[dict[str, str]]:
    answer = httpx.get(
        server.sparql,
        params={"query": query},
        headers={"Accept": "application/sparql-results+json"},
        timeout=30,
    )
    answer.raise_for_status()
    return [
        {name: term["value"] for name, term in binding.items()}
        for binding in answer.json()["results"]["bindings"]
    ]


def _remote(server: Virtuoso, names: list[str]) -> dict[str, tuple[int, set[str]]]:
    graphs = {}
    for name in names:
        count = _select(
            server, f"SELECT (COUNT(*) AS ?n) WHERE {{ GRAPH <{name}> {{ ?s ?p ?o }} }}"
        )
        subjects = _select(
            server,
            f"SELECT DISTINCT ?s WHERE {{ GRAPH <{name}> {{ ?s ?p ?o }} FILTER(isIRI(?s)) }}",
        )
        graphs[name] = (int(count[0]["n"]), {row["s"] for row in subjects})
    return graphs


def test_push_fills_virtuoso_graph_by_graph(virtuoso: Virtuoso) -> None:
    local = _local()
    pushed = push_graphs(GRAPHS, virtuoso.graph_store, user=f"{USER}:{PASSWORD}")
    assert [p.graph for p in pushed] == list(local)
    assert all(200 <= p.status < 300 for p in pushed)
    assert _remote(virtuoso, list(local)) == local
    again = push_graphs(GRAPHS, virtuoso.graph_store, user=f"{USER}:{PASSWORD}")
    assert [p.triples for p in again] == [p.triples for p in pushed]
    assert _remote(virtuoso, list(local)) == local  # a PUT replaces, it does not add


def test_push_to_virtuoso_with_a_wrong_password_says_so(virtuoso: Virtuoso) -> None:
    with pytest.raises(PushError, match="refused with HTTP 401"):
        push_graphs(GRAPHS, virtuoso.graph_store, user=f"{USER}:wrong")


def test_cli_push_to_virtuoso_with_credentials_in_the_url_resumes_and_hides_them(
    virtuoso: Virtuoso, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    address = virtuoso.graph_store.replace("://", f"://{USER}:{PASSWORD}@")
    command = ["push", "--endpoint", address, "--graphs", str(GRAPHS), "--skip-unchanged"]
    first = CliRunner().invoke(app, command)
    assert first.exit_code == 0, first.output
    again = CliRunner().invoke(app, command)
    assert again.exit_code == 0 and again.output.count("unchanged, skipped") == len(_local())
    assert PASSWORD not in first.output + again.output
    assert _remote(virtuoso, list(_local())) == _local()


class _StoppedOnPurposeError(Exception):
    pass


def test_virtuoso_stops_when_the_test_fails(tmp_path: Path) -> None:
    with pytest.raises(_StoppedOnPurposeError), running_virtuoso(tmp_path) as server:
        started = [server.pid, *descendants(server.pid)]
        raise _StoppedOnPurposeError
    assert all_end(started, within=5)
