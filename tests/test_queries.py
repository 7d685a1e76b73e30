"""queries/: every library query parses, has its header, and answers on the corpus."""

from __future__ import annotations

import csv
import re
from pathlib import Path

import pyoxigraph as ox
import pytest

from policygraph.build import BuildReport
from policygraph.draw import cjk_fonts
from policygraph.errors import QueryError
from policygraph.lexicon_data import load_lexicon
from policygraph.query import library, parse_query, run_query
from policygraph.store import load_store
from policygraph.trace import trace_department

FIXTURES = Path(__file__).parent / "data" / "queries"
PGR = "https://w3id.org/policygraph/id/"
PG_RESPONSIBLE = "https://w3id.org/policygraph/ontology#responsibleUnit"


@pytest.fixture(scope="module")
def store(built: tuple[BuildReport, Path]) -> ox.Store:
    return load_store(built[1])


def _fixture_parameters(turtle: str) -> dict[str, str]:
    line = re.search(r"^# Parameters: (.*)$", turtle, re.M)
    assert line, "a fixture states its parameters in a '# Parameters:' line"
    spec = line[1].strip()
    return {} if spec == "none" else dict(pair.split("=", 1) for pair in spec.split())


@pytest.mark.parametrize("name", sorted(library()))
def test_queries_answer_their_fixture_exactly(name: str) -> None:
    """Each query on its hand-written graph gives the expected CSV (ordered when ORDER BY)."""
    turtle = (FIXTURES / f"{name}.ttl").read_text(encoding="utf-8")
    with (FIXTURES / f"{name}.expected.csv").open(encoding="utf-8", newline="") as stream:
        header, *expected = list(csv.reader(stream))
    fixture = ox.Store()
    fixture.load(turtle.encode(), format=ox.RdfFormat.TURTLE)
    query = library()[name]
    answer = run_query(fixture, query, _fixture_parameters(turtle))
    got = [["" if v is None else v for v in row] for row in answer.rows]
    assert list(answer.columns) == header == list(query.columns)
    if re.search(r"\bORDER\s+BY\b", query.text, re.I):
        assert got == expected
    else:
        assert sorted(got) == sorted(expected)


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
    plans = {row[2] for row in rows}
    assert {"重庆市万州区“一老一小”整体解决方案", "周口市“一老一小”整体解决方案"} <= plans
    assert all("民政" in row[3] or "政府" in row[3] for row in rows if row[4] == "target")


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


def _gold_binding(gold: dict, plan: str) -> set[tuple[str, str]]:
    return {
        (t["indicator_raw"], str(v["year"]))
        for t in gold[plan]["targets"]
        if t.get("binding") == "约束性"
        for v in t["values"]
    }


def test_queries_binding_targets_cover_gold_binding_targets(store: ox.Store, gold: dict) -> None:
    rows = run_query(store, library()["binding-targets"], {"plan": PGR + "plan/wanzhou"}).rows
    found = {(row[2], row[3]) for row in rows}
    expected = _gold_binding(gold, "wanzhou")
    assert expected and expected <= found
    assert next(
        r[:1] + r[2:] for r in rows if r[2] == "养老机构护理型床位占比" and r[3] == "2025"
    ) == (PGR + "plan/wanzhou", "养老机构护理型床位占比", "2025", ">=", "60", "%")


def test_queries_unowned_targets_include_gold_unowned_targets(store: ox.Store, gold: dict) -> None:
    rows = run_query(store, library()["unowned-targets"], {"plan": PGR + "plan/wanzhou"}).rows
    unowned_in_gold = {
        t["indicator_raw"] for t in gold["wanzhou"]["targets"] if not t["responsible"]
    }
    assert unowned_in_gold and unowned_in_gold <= {row[2] for row in rows}
    responsible = ox.NamedNode(PG_RESPONSIBLE)
    for row in rows:
        assert not list(store.quads_for_pattern(ox.NamedNode(row[1]), responsible, None))


def test_queries_department_obligations_within_one_jurisdiction(store: ox.Store) -> None:
    query = library()["department-obligations"]
    everywhere = run_query(store, query, {"name": "民政"}).rows
    wanzhou = run_query(store, query, {"name": "民政", "jurisdiction": "万州区"}).rows
    assert {row[1] for row in wanzhou} == {"万州区"}
    assert {row[1] for row in everywhere} >= {"万州区", "周口市"}
    assert set(wanzhou) < set(everywhere)
    assert (
        "民政",
        "万州区",
        "重庆市万州区“一老一小”整体解决方案",
        "区民政局",
        "target",
        "养老机构护理型床位占比",
        "2025",
        ">=",
        "60",
        "%",
        "explicit",
    ) in wanzhou


def test_queries_function_obligations_within_one_jurisdiction(store: ox.Store) -> None:
    rows = run_query(
        store,
        library()["function-obligations"],
        {"function": PGR + "function/civil-affairs", "jurisdiction": "周口市"},
    ).rows
    assert {(row[1], row[2]) for row in rows} == {("周口市", "周口市“一老一小”整体解决方案")}
    assert {row[3] for row in rows} == {"市民政局"}
    assert ("乡镇养老服务中心覆盖率", "2025", ">=", "60", "%") in {row[5:10] for row in rows}


def test_queries_target_chain_reaches_the_national_policy(store: ox.Store) -> None:
    target = PGR + "target/lincang/childcare-places-per-thousand/2025"
    rows = run_query(store, library()["target-chain"], {"target": target}).rows
    assert {(row[1], row[2], row[4], row[8]) for row in rows} == {
        ("每千人口拥有3岁以下婴幼儿托位数", "2025", "3", PGR + "plan/lincang")
    }
    edges = {(row[10], row[12]) for row in rows}
    assert edges == {
        (PGR + "plan/lincang", "云政办发〔2021〕34号"),
        (PGR + "doc/云政办发〔2021〕34号", "国办发〔2020〕52号"),
    }


def test_queries_policy_implementations_follow_the_lineage(store: ox.Store) -> None:
    """zhoukou names 国办发〔2020〕52号 itself; lincang reaches it through the provincial 云政办发."""
    rows = run_query(
        store, library()["policy-implementations"], {"number": "国办发〔2020〕52号"}
    ).rows
    by_plan = {row[1]: (row[3], row[4]) for row in rows}
    assert by_plan[PGR + "plan/lincang"] == ("false", PGR + "doc/云政办发〔2021〕34号")
    assert by_plan[PGR + "plan/zhoukou"][0] == "true"


def test_queries_co_responsibility_counts_shared_measures(store: ox.Store) -> None:
    rows = run_query(store, library()["co-responsibility"]).rows
    shared = {(r[0], r[1], r[2]): int(r[3]) for r in rows}
    # the same count, by hand from the triples: measures naming both departments
    units: dict[str, set[str]] = {}
    for quad in store.quads_for_pattern(None, ox.NamedNode(PG_RESPONSIBLE), None):
        units.setdefault(quad.subject.value, set()).add(quad.object.value)
    mz, wj = PGR + "department/万州区/区民政局", PGR + "department/万州区/区卫生健康委"
    measures = {s for s, u in units.items() if "/measure/" in s and {mz, wj} <= u}
    assert measures and shared[("万州区", "区卫生健康委", "区民政局")] == len(measures)
    assert max(shared.values()) == int(rows[0][3]) >= len(measures)


GRAPHS = Path(__file__).resolve().parents[1] / "graphs"


def test_queries_command_binds_params_and_refuses_unknown_ones() -> None:
    from typer.testing import CliRunner

    from policygraph.cli import app

    runner = CliRunner()
    args = ["query", "binding-targets", "--graphs", str(GRAPHS), "--format", "csv"]
    result = runner.invoke(app, [*args, "--param", f"plan={PGR}plan/zhoukou"])
    assert result.exit_code == 0
    lines = result.output.splitlines()
    assert lines[0] == "plan,target,item,year,comparator,value,unit"
    assert lines[1:] and all(line.startswith(PGR + "plan/zhoukou,") for line in lines[1:])
    refused = runner.invoke(app, [*args, "--param", "colour=red"])
    assert refused.exit_code == 2 and "unknown parameter colour" in refused.output


def test_queries_trace_department_in_one_jurisdiction_writes_and_draws(tmp_path: Path) -> None:
    """Done-when of issue 7: what does 区民政局 of 万州区 owe, as CSV, JSON and a picture."""
    import json as json_

    from typer.testing import CliRunner

    from policygraph.cli import app

    runner = CliRunner()
    base = [
        "trace",
        "--department",
        "区民政局",
        "--jurisdiction",
        "万州区",
        "--graphs",
        str(GRAPHS),
    ]
    result = runner.invoke(
        app, [*base, "--out", str(tmp_path / "owes.json"), "--draw", str(tmp_path / "owes.svg")]
    )
    assert result.exit_code == 0, result.output
    records = json_.loads((tmp_path / "owes.json").read_text(encoding="utf-8"))
    assert {r["jurisdiction"] for r in records} == {"万州区"}
    assert {
        "plan": "重庆市万州区“一老一小”整体解决方案",
        "department": "区民政局",
        "kind": "target",
        "item": "养老机构护理型床位占比",
        "year": "2025",
        "comparator": ">=",
        "value": "60",
        "unit": "%",
        "jurisdiction": "万州区",
        "owner": "explicit",
    } in records
    svg = (tmp_path / "owes.svg").read_text(encoding="utf-8")
    assert "区民政局" in svg and "养老机构护理型床位占比 2023 &gt;=50%" in svg
    drawn = runner.invoke(app, [*base, "--draw", str(tmp_path / "owes.html")])
    assert drawn.exit_code == 0, drawn.output
    assert "<svg" in (tmp_path / "owes.html").read_text(encoding="utf-8")
    png = runner.invoke(app, [*base, "--draw", str(tmp_path / "owes.png")])
    if cjk_fonts():
        assert png.exit_code == 0, png.output
        assert (tmp_path / "owes.png").read_bytes().startswith(b"\x89PNG")
    else:  # a machine without a Chinese font gets a one-line refusal, not boxes
        assert png.exit_code == 2 and "font" in png.output
        assert not (tmp_path / "owes.png").exists()
    refused = runner.invoke(app, [*base, "--draw", str(tmp_path / "owes.pdf")])
    assert refused.exit_code == 2 and "use .svg, .png or .html" in refused.output


def test_queries_trace_target_prints_the_chain_as_csv(tmp_path: Path) -> None:
    from typer.testing import CliRunner

    from policygraph.cli import app

    result = CliRunner().invoke(
        app,
        [
            *("trace", "--target", "养老机构护理型床位占比", "--plan", "周口"),
            *("--graphs", str(GRAPHS), "--format", "csv", "--out", str(tmp_path / "chain.csv")),
        ],
    )
    assert result.exit_code == 0, result.output
    with (tmp_path / "chain.csv").open(encoding="utf-8") as stream:
        rows = list(csv.DictReader(stream))
    assert {(r["plan"], r["measureLabel"]) for r in rows} == {
        (PGR + "plan/zhoukou", "深化医养医育有机结合")
    }
    assert {r["number"] for r in rows} == {"国办发〔2020〕52号", "豫发改社会〔2022〕76号"}
    neither = CliRunner().invoke(app, ["trace", "--graphs", str(GRAPHS)])
    assert neither.exit_code == 2 and "--department or --target" in neither.output


def test_a_parameter_that_is_not_an_iri_is_a_query_error(store: ox.Store) -> None:
    with pytest.raises(QueryError, match="'bad iri' is not an IRI"):
        run_query(store, library()["target-chain"], {"target": "bad iri"})


def test_a_service_call_that_fails_is_a_query_error(store: ox.Store) -> None:
    query = parse_query("inline", "SELECT * WHERE { SERVICE <http://127.0.0.1:1/x> { ?s ?p ?o } }")
    with pytest.raises(QueryError, match="inline: the query failed"):
        run_query(store, query)
