"""Smoke run of the benchmark corpus (issue 9): generate 10 plans, build them in
parallel, and check what was built against what the generator wrote. Results, not
times: timings live in benchmarks/RESULTS.md."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from benchmarks.generate import generate_plans, write_corpus
from typer.testing import CliRunner

from drafts import write_county_draft
from policygraph.build import build_corpus
from policygraph.cli import app
from policygraph.query import library, run_query
from policygraph.store import load_store

SIZE = 10


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory):
    folder = tmp_path_factory.mktemp("bench")
    plans = write_corpus(folder / "texts", SIZE)
    report = build_corpus([folder / "texts"], folder / "graphs", jobs=2)
    return plans, report, folder


def test_generator_is_reproducible_and_varied() -> None:
    first, again = generate_plans(5, seed=7), generate_plans(5, seed=7)
    assert [p.text for p in first] == [p.text for p in again]
    assert [p.text for p in generate_plans(5, seed=8)] != [p.text for p in first]
    assert len({p.jurisdiction for p in generate_plans(30)}) > 10


def test_benchmark_plans_all_build(built) -> None:
    plans, report, folder = built
    assert not report.failed
    assert sorted(b.path.stem for b in report.built) == sorted(p.name for p in plans)
    assert len(list((folder / "graphs" / "plans").glob("*.ttl"))) == SIZE


def test_benchmark_targets_match_what_the_generator_stated(built) -> None:
    plans, report, _ = built
    stated = {p.name: p.targets for p in plans}
    for item in report.built:
        found = len(item.plan.targets)
        expected = stated[item.path.stem]
        assert abs(found - expected) <= max(2, expected // 10), (item.path.stem, found, expected)


def test_benchmark_plans_keep_jurisdiction_units_and_citations(built) -> None:
    plans, report, _ = built
    by_name = {p.name: p for p in plans}
    for item in report.built:
        plan = by_name[item.path.stem]
        assert item.plan.jurisdiction == plan.jurisdiction
        assert len(item.plan.citations) >= plan.citations
        named = {m.name for t in item.plan.targets for m in t.responsible}
        assert named & set(plan.units)


def test_parallel_build_writes_the_same_bytes_as_one_process(built, tmp_path: Path) -> None:
    _, _, folder = built
    build_corpus([folder / "texts"], tmp_path, jobs=1)
    for path in sorted((folder / "graphs" / "plans").glob("*.ttl")):
        assert path.read_bytes() == (tmp_path / "plans" / path.name).read_bytes()


def test_library_queries_answer_on_the_benchmark_graphs(built) -> None:
    _, _, folder = built
    store = load_store(folder / "graphs")
    rows = run_query(store, library()["department-targets"]).rows
    assert len(rows) > SIZE
    assert any(row[0] == "市民政局" for row in rows)


def test_benchmark_county_draft_finds_its_city_plan_in_the_built_context(built) -> None:
    """The draft `run.py` validates against the N-plan context implements plan-00001."""
    plans, _, folder = built
    draft = write_county_draft(folder / "drafts", plans[0])
    command = ["validate", str(draft), "--format", "json"]
    context = ["--context", str(folder / "graphs")]
    runs = [CliRunner().invoke(app, [*command, *extra]) for extra in ([], context)]
    alone, with_context = [json.loads(r.stdout)["findings"] for r in runs]
    assert not [f for f in alone if plans[0].number in f["message"]]
    assert [f for f in with_context if plans[0].number in f["message"]]
    assert all(f["file"] == "draft.txt" for f in with_context)


def test_scaling_exponent_is_the_slope_of_log_time_on_log_size() -> None:
    from persisted import exponent, scaling_sizes

    sizes = [*scaling_sizes(3000), 3000]
    assert sizes == [100, 1000, 3000]
    assert exponent(sizes, [0.002] * 3) == pytest.approx(0.0, abs=1e-9)
    assert exponent(sizes, [n * 1e-5 for n in sizes]) == pytest.approx(1.0)
    assert exponent(sizes, [n**0.5 * 1e-4 for n in sizes]) == pytest.approx(0.5)
    assert 0.9 < exponent(sizes, [0.0011, 0.0098, 0.031]) < 1.0  # noisy, near linear
