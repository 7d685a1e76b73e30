"""The library questions over HTTP (issue 16): a page at a time with the total and the next
page's address, the same rows as the Python API, bad requests answered in one line."""

from __future__ import annotations

import csv
import io
import json
import shutil
from collections.abc import Iterator
from pathlib import Path

import pyoxigraph as ox
import pytest
from starlette.applications import Starlette
from starlette.testclient import TestClient

from policygraph.persistent import INDEX_FILE, refresh_store
from policygraph.query import Rows, library, run_query
from policygraph.serve import Endpoint
from policygraph.store import load_store
from policygraph.web import make_explorer
from policygraph.web.questions import (
    MAX_PAGE,
    SLICE,
    Answers,
    csv_page,
    json_page,
    question_routes,
)

GRAPHS = Path(__file__).resolve().parents[1] / "graphs"


@pytest.fixture(scope="module")
def store() -> ox.Store:
    return load_store(GRAPHS)


@pytest.fixture(scope="module")
def client(store: ox.Store) -> Iterator[TestClient]:
    with TestClient(Starlette(routes=question_routes(Answers(store, None)))) as test_client:
        yield test_client


def _walk(client: TestClient, address: str) -> tuple[list[list[str | None]], list[int]]:
    """Every row by following `next` from `address`, and the total each page gave."""
    rows, totals = [], []
    following: str | None = address
    while following:
        page = client.get(following)
        assert page.status_code == 200
        body = page.json()
        assert page.headers["X-Total-Count"] == str(body["total"])
        assert ("Link" in page.headers) == (body["next"] is not None)
        rows += body["rows"]
        totals.append(body["total"])
        following = body["next"]
    return rows, totals


def test_pages_followed_by_next_give_the_whole_answer_in_order(
    client: TestClient, store: ox.Store
) -> None:
    whole = run_query(store, library()["department-targets"])
    rows, totals = _walk(client, "/questions/department-targets?limit=40")
    assert [tuple(r) for r in rows] == list(whole.rows)
    assert len(totals) == -(-len(whole.rows) // 40) and set(totals) == {len(whole.rows)}


def test_parameters_are_bound_and_kept_in_the_next_address(
    client: TestClient, store: ox.Store
) -> None:
    query = library()["department-obligations"]
    whole = run_query(store, query, {"name": "区民政局"})
    assert len(whole.rows) > 3
    rows, _ = _walk(client, "/questions/department-obligations?name=区民政局&limit=3")
    assert [tuple(r) for r in rows] == list(whole.rows)
    smuggled = client.get("/questions/department-obligations", params={"name": '"} ?s ?p ?o {'})
    assert smuggled.status_code == 200 and smuggled.json()["total"] == 0


def test_a_page_past_the_end_is_empty_with_the_total(client: TestClient, store: ox.Store) -> None:
    total = len(run_query(store, library()["department-targets"]).rows)
    past = client.get("/questions/department-targets", params={"offset": total + 5}).json()
    assert past["rows"] == [] and past["total"] == total and past["next"] is None


def test_csv_pages_have_the_columns_then_the_rows(client: TestClient, store: ox.Store) -> None:
    page = client.get(
        "/questions/department-targets?limit=5&offset=2", headers={"Accept": "text/csv"}
    )
    assert page.headers["content-type"].startswith("text/csv")
    lines = list(csv.reader(io.StringIO(page.text)))
    expected = run_query(store, library()["department-targets"], limit=5, offset=2)
    assert tuple(lines[0]) == expected.columns
    assert [tuple(cell or None for cell in line) for line in lines[1:]] == list(expected.rows)
    assert page.headers["X-Total-Count"] == str(expected.count)


def test_bad_requests_are_one_line_errors(client: TestClient) -> None:
    assert client.get("/questions/no-such-question").status_code == 404
    for params in (
        {"limit": "0"},
        {"limit": "ten"},
        {"limit": str(MAX_PAGE + 1)},
        {"offset": "-1"},
        {"offset": "9" * 30},
        {"x": "1"},
    ):
        answer = client.get("/questions/department-targets", params=params)
        assert answer.status_code == 400
        assert "\n" not in answer.json()["error"]
    missing = client.get("/questions/target-chain")
    assert missing.status_code == 400 and "missing parameter target" in missing.json()["error"]


def test_the_listing_says_how_to_ask_each_question(client: TestClient) -> None:
    listed = {q["name"]: q for q in client.get("/questions").json()["questions"]}
    assert set(listed) == set(library())
    chain = listed["target-chain"]
    assert chain["parameters"][0]["name"] == "target" and not chain["parameters"][0]["optional"]
    assert chain["href"] == "/questions/target-chain"


def test_a_long_page_is_encoded_a_slice_at_a_time() -> None:
    rows = Rows(("a", "b"), tuple((str(n), None) for n in range(2 * SLICE + 1)), 5000, 10)
    chunks = list(json_page("q", rows, 2 * SLICE + 1, None))
    assert len(chunks) == 5  # the head, three slices, the end
    body = json.loads(b"".join(chunks))
    assert body["rows"] == [list(r) for r in rows.rows] and body["total"] == 5000
    lines = list(csv.reader(io.StringIO(b"".join(csv_page(rows)).decode())))
    assert lines == [["a", "b"], *([str(n), ""] for n in range(2 * SLICE + 1))]


def test_the_explorer_answers_questions_from_the_persistent_store(
    tmp_path: Path, store: ox.Store
) -> None:
    graphs = tmp_path / "graphs"
    shutil.copytree(GRAPHS, graphs, ignore=shutil.ignore_patterns("store"))
    assert (refresh_store(graphs) / INDEX_FILE).is_file()
    with Endpoint(store, workers=1) as endpoint:
        app = make_explorer(store, graphs, None, endpoint)
        with TestClient(app) as site:
            page = site.get("/questions/co-responsibility", params={"limit": 4}).json()
            far = site.get("/questions/co-responsibility", params={"offset": 2**62}).json()
    whole = run_query(store, library()["co-responsibility"])
    assert page["total"] == len(whole.rows) and len(page["rows"]) == min(4, len(whole.rows))
    assert [tuple(r) for r in page["rows"]] == list(whole.rows[:4])
    assert far["rows"] == [] and far["total"] == len(whole.rows)
