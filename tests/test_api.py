"""The notebook API: open the graphs, ask a library question, get rows or a DataFrame."""

from __future__ import annotations

from pathlib import Path

import pytest

import policygraph
from policygraph.errors import QueryError

GRAPHS = Path(__file__).resolve().parents[1] / "graphs"


@pytest.fixture(scope="module")
def graphs() -> policygraph.api.Graphs:
    return policygraph.open_graphs(GRAPHS)


def test_api_query_binds_keyword_parameters(graphs: policygraph.api.Graphs) -> None:
    rows = graphs.query("department-obligations", name="民政局", jurisdiction="万州区")
    records = rows.records()
    departments = {r["department"] for r in records}
    assert "区民政局" in departments and all("民政局" in d for d in departments)
    assert {r["jurisdiction"] for r in records} == {"万州区"}
    assert "target-chain" in graphs.questions()
    with pytest.raises(QueryError, match="unknown parameter"):
        graphs.query("department-targets", year=2025)


def test_api_rows_become_a_dataframe(graphs: policygraph.api.Graphs) -> None:
    frame = graphs.query(
        "binding-targets", plan="https://w3id.org/policygraph/id/plan/wanzhou"
    ).to_dataframe()
    assert list(frame.columns) == ["plan", "target", "item", "year", "comparator", "value", "unit"]
    beds = frame[(frame["item"] == "养老机构护理型床位占比") & (frame["year"] == "2025")]
    assert beds["value"].tolist() == ["60"]


def test_api_traces_a_target_by_wording_and_plan(graphs: policygraph.api.Graphs) -> None:
    rows = graphs.trace_target("护理型床位", plan="zhoukou").records()
    assert rows and {r["plan"] for r in rows} == {"https://w3id.org/policygraph/id/plan/zhoukou"}
    assert "国办发〔2020〕52号" in {r["number"] for r in rows}
    with pytest.raises(QueryError, match="no target matches"):
        graphs.trace_target("不存在的指标")


def test_api_readable_rows_name_iris_and_join_the_amount() -> None:
    from policygraph.query import Rows
    from policygraph.readable import readable

    rows = Rows(
        ("target", "item", "comparator", "value", "unit", "policy", "policyLabel"),
        (("urn:t", "床位占比", ">=", "55", "%", "urn:p", "国务院办公厅关于…的意见"),),
    )
    names = {"urn:t": "床位占比", "urn:p": "国办发〔2020〕52号"}
    shown = readable(rows, names)
    assert shown.columns == ("target", "value", "policy")
    assert shown.rows == (("床位占比", "≥55%", "国办发〔2020〕52号"),)


def test_api_trace_and_analyze_are_what_the_cli_prints(graphs: policygraph.api.Graphs) -> None:
    traced = graphs.trace(department="区民政局", jurisdiction="万州区")
    assert traced.by_department and traced.shown.columns[0] != traced.rows.columns[0]
    assert {title.split(" · ")[0] for title, _ in traced.by_plan()} == {
        "重庆市万州区“一老一小”整体解决方案"
    }
    chain = graphs.trace(target="护理型床位", plan="zhoukou")
    assert not chain.by_department and chain.graph().number_of_nodes() > 3
    found = graphs.analyze()
    assert found.depths and found.uses and found.roles
    assert max(u.total for u in found.uses) >= 3


def test_api_readable_rows_keep_columns_that_merely_hold_equal_values() -> None:
    from policygraph.query import Rows
    from policygraph.readable import readable

    rows = Rows(
        ("target", "item", "year", "baselineYear", "note", "source"),
        (("urn:t", "床位占比", "2025", "2025", None, None),),
    )
    shown = readable(rows, {"urn:t": "床位占比"})
    assert shown.columns == ("target", "year", "baselineYear", "note", "source")
    assert shown.rows == (("床位占比", "2025", "2025", None, None),)


def test_api_validates_a_draft_given_as_bytes_and_names_it_in_errors() -> None:
    from policygraph.api import validate_draft
    from policygraph.errors import PolicygraphError

    draft = Path(__file__).parent / "data" / "web" / "draft-plan.txt"
    checked = validate_draft("草案.txt", draft.read_bytes(), corpus=GRAPHS)
    assert checked.lines == draft.read_text(encoding="utf-8").splitlines()
    found = [f for _severity, group in checked.groups for f in group]
    assert found == checked.document["findings"] and found
    assert all(f["line"] is None or 1 <= f["line"] <= len(checked.lines) for f in found)
    assert b'"findings"' in checked.as_json() and b"sh:ValidationReport" in checked.as_turtle()
    with pytest.raises(PolicygraphError, match=r"^笔记\.txt: not a policy text") as error:
        validate_draft("笔记.txt", "今天天气很好。".encode())
    assert "policygraph-draft-" not in str(error.value)
    with pytest.raises(PolicygraphError, match=r"unsupported format \.xlsx"):
        validate_draft("a.xlsx", b"x")


def test_api_plan_graphs_from_a_missing_path_is_one_input_error(tmp_path: Path) -> None:
    from policygraph.errors import InputError
    from policygraph.validate import plan_graphs_from

    with pytest.raises(InputError, match="no such file or folder"):
        plan_graphs_from(tmp_path / "nothing.ttl")


def test_readable_rows_look_up_the_names_of_the_iris_they_hold_only(
    graphs: policygraph.api.Graphs,
) -> None:
    """A page of a question names its IRIs without reading every label of the store (at
    3,000 plans that was 221,355 rows for each `policygraph query` table)."""
    from policygraph.query import Rows
    from policygraph.readable import labels

    plan = "https://w3id.org/policygraph/id/plan/wanzhou"
    rows = Rows(("plan", "year", "note"), ((plan, "2025", "no IRI: 到2025年"),))
    names = labels(graphs.store, rows)
    assert list(names) == [plan] and "万州" in names[plan]
    assert labels(graphs.store, Rows(("year",), (("2025",),))) == {}
