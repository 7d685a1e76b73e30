"""queries/: every library query parses, has its header, and answers on the corpus."""

from __future__ import annotations

from pathlib import Path

import pyoxigraph as ox
import pytest

from policygraph.build import BuildReport
from policygraph.errors import QueryError
from policygraph.lexicon import load_lexicon
from policygraph.query import library, parse_query, run_query
from policygraph.store import load_store
from policygraph.trace import trace_department


@pytest.fixture(scope="module")
def store(built: tuple[BuildReport, Path]) -> ox.Store:
    return load_store(built[1])


@pytest.mark.parametrize("name", sorted(library()))
def test_queries_have_a_question_and_columns(name: str) -> None:
    query = library()[name]
    assert " / " in query.question, "the question in Chinese and English"
    assert query.columns


def test_queries_department_targets_gives_gold_rows(store: ox.Store) -> None:
    rows = run_query(store, library()["department-targets"]).rows
    assert (
        "区民政局",
        "https://w3id.org/policygraph/id/plan/wanzhou",
        "养老机构护理型床位占比",
        "2025",
        "60",
    ) in rows


def test_queries_plan_lineage_reaches_the_cited_basis(store: ox.Store) -> None:
    rows = run_query(store, library()["plan-lineage"]).rows
    assert (
        "https://w3id.org/policygraph/id/plan/lincang",
        "https://w3id.org/policygraph/id/doc/云政办发〔2021〕34号",
        "云政办发〔2021〕34号",
    ) in rows


def test_queries_parameters_are_bound_not_pasted(store: ox.Store) -> None:
    query = library()["department-obligations"]
    hostile = '民政" } } SELECT * WHERE { ?s ?p ?o } #'
    assert run_query(store, query, {"name": hostile}).rows == ()
    with pytest.raises(QueryError, match="missing parameter name"):
        run_query(store, query, {})


def test_queries_trace_by_function_spans_plans(store: ox.Store) -> None:
    rows = trace_department(store, "民政", load_lexicon()).rows
    plans = {row[1] for row in rows}
    assert {"重庆市万州区“一老一小”整体解决方案", "周口市“一老一小”整体解决方案"} <= plans
    assert all("民政" in row[2] or "政府" in row[2] for row in rows if row[3] == "target")


def test_queries_header_parsing() -> None:
    query = parse_query(
        "q",
        "# Question: 问 / Q\n# Parameters: ?year (integer, optional)\n# Columns: ?a ?b\nSELECT ?a ?b WHERE {}",
    )
    assert query.parameters[0].kind == "integer" and query.parameters[0].optional
    assert query.columns == ("a", "b")


def test_queries_indicator_comparison_lists_every_plan_that_sets_it(store: ox.Store) -> None:
    """Issue 3: 每千人口托位数 in 2025 across the five bundled plans, ordered by value."""
    query = library()["indicator-comparison"]
    result = run_query(store, query, {"indicator": "每千人口托位数", "year": "2025"})
    at = {column: i for i, column in enumerate(result.columns)}
    found = [(row[at["jurisdiction"]], row[at["value"]]) for row in result.rows]
    assert found == [
        ("临沧市", "3"),
        ("周口市", "4.1"),
        ("昆明市", "4.5"),
        ("万州区", "4.5"),
        ("西咸新区", "4.6"),
    ]
    assert all(row[at["year"]] == "2025" for row in result.rows)
    assert run_query(store, query, {"indicator": "每千人口托位数", "year": "2035"}).rows == ()
