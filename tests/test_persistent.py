"""The persistent store and its text index: the same answers as the Turtle loaded in memory,
kept current with the Turtle, paged with a total, and a CLI question without rdflib or spaCy."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from dataclasses import replace
from pathlib import Path

import pyoxigraph as ox
import pytest

from policygraph.answers import is_kept, kept_parameters, stored_answer
from policygraph.build import BuildReport
from policygraph.lexicon_data import load_lexicon
from policygraph.persistent import READY_FILE, STORE_DIR, is_current, open_store
from policygraph.query import library, parse_query, run_query
from policygraph.store import load_store
from policygraph.text_index import departments_named, departments_of_function, targets_worded
from policygraph.trace import trace_department

WANZHOU = "https://w3id.org/policygraph/id/plan/wanzhou"
PG_PLAN = "https://w3id.org/policygraph/ontology#Plan"
CIVIL_AFFAIRS = "https://w3id.org/policygraph/id/function/civil-affairs"
QUESTIONS = [
    ("department-targets", {}),
    ("department-obligations", {"name": "民政局"}),
    ("department-obligations", {"name": "卫生健康委", "jurisdiction": "万州区"}),
    ("department-obligations", {"name": "局"}),
    ("function-obligations", {"function": CIVIL_AFFAIRS}),
    ("function-obligations", {"function": CIVIL_AFFAIRS, "jurisdiction": "万州区"}),
    ("find-targets", {"text": "护理型床位"}),
    ("find-targets", {"text": "托位"}),
    ("find-targets", {"text": "每千人口"}),
    ("binding-targets", {"plan": WANZHOU}),
    ("indicator-comparison", {"indicator": "每千人口托位数", "year": "2025"}),
    ("unowned-targets", {}),
    ("co-responsibility", {}),
    ("function-responsibilities", {}),
    ("plan-lineage", {}),
    ("policy-implementations", {"number": "国办发〔2020〕52号"}),
    ("implements-edges", {}),
]


@pytest.fixture(scope="module")
def graphs(built: tuple[BuildReport, Path], tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A copy of the corpus build, with the store `build` wrote."""
    copy = tmp_path_factory.mktemp("persistent") / "graphs"
    shutil.copytree(built[1], copy)
    return copy


def test_persistent_build_writes_a_current_store(built: tuple[BuildReport, Path]) -> None:
    assert (built[1] / STORE_DIR / READY_FILE).is_file()
    assert is_current(built[1])


@pytest.mark.parametrize(("name", "values"), QUESTIONS)
def test_persistent_store_answers_as_the_turtle_in_memory(
    graphs: Path, name: str, values: dict[str, str]
) -> None:
    """Every library question: the same rows from the store on disk, narrowed by the text
    index, as from the Turtle read into memory and scanned (rows that tie on every ORDER BY
    key may come in another order)."""
    opened = open_store(graphs)
    assert opened.location is not None, "a writable graphs folder is answered from disk"
    query = library()[name]
    expected = run_query(load_store(graphs), query, values)
    got = run_query(opened.store, query, values, index=opened.index)
    assert got.columns == expected.columns
    assert sorted(got.rows, key=str) == sorted(expected.rows, key=str)  # ties in ORDER BY


def test_persistent_index_finds_by_normalised_name_and_wording(graphs: Path) -> None:
    index = open_store(graphs).index
    assert index is not None
    departments = departments_named(index, "区民政局")
    assert departments and all("/department/" in iri for iri in departments)
    assert departments_named(index, "区 民政局") == departments  # spaces dropped by the key
    in_wanzhou = departments_named(index, "民政局", "万州区")
    assert in_wanzhou == [iri for iri in departments if "/万州区/" in iri]
    civil = departments_of_function(index, CIVIL_AFFAIRS, "万州区")
    assert civil and set(in_wanzhou) <= set(civil)
    beds = targets_worded(index, "护理型床位")
    assert any("nursing-bed-share" in iri for iri in beds)
    assert targets_worded(index, "没有这样的指标") == []


def test_persistent_store_is_rewritten_when_a_graph_changes(graphs: Path) -> None:
    open_store(graphs)
    plan = graphs / "plans" / "wanzhou.ttl"
    later = (graphs / STORE_DIR / READY_FILE).stat().st_mtime_ns + 10**9
    os.utime(plan, ns=(later, later))
    assert not is_current(graphs)
    removed = plan.read_bytes()
    plan.unlink()
    opened = open_store(graphs)
    assert is_current(graphs)
    assert WANZHOU not in _plans(opened.store) and len(_plans(opened.store)) == 4
    plan.write_bytes(removed)
    assert not is_current(graphs)
    assert WANZHOU in _plans(open_store(graphs).store)


def _plans(store: ox.Store) -> set[str]:
    query = parse_query("plans", f"SELECT ?plan WHERE {{ ?plan a <{PG_PLAN}> }}")
    return {row[0] for row in run_query(store, query).rows if row[0]}


def test_persistent_single_file_is_read_into_memory(graphs: Path) -> None:
    opened = open_store(graphs / "plans" / "wanzhou.ttl")
    assert opened.location is None
    rows = run_query(opened.store, library()["find-targets"], {"text": "床位"}, index=opened.index)
    assert rows.rows and {row[4] for row in rows.rows} == {WANZHOU}


def test_persistent_pages_keep_the_total(graphs: Path) -> None:
    store = open_store(graphs).store
    query = library()["department-targets"]
    whole = run_query(store, query).rows
    page = run_query(store, query, limit=5, offset=3)
    assert page.rows == whole[3:8] and page.total == len(whole) > 8
    assert page.page_line() == f"rows 4–8 of {len(whole):,}"
    past = run_query(store, query, offset=len(whole))
    assert past.rows == () and past.page_line() == f"0 rows of {len(whole):,}"


def test_persistent_cli_question_imports_neither_rdflib_nor_spacy(graphs: Path) -> None:
    """A CLI question on a current store pays for Python, Typer and pyoxigraph only."""
    probe = (
        "import sys\n"
        "from policygraph.cli import app\n"
        "try:\n"
        "    app(sys.argv[1:])\n"
        "except SystemExit:\n"
        "    pass\n"
        "heavy = [m for m in ('rdflib', 'spacy', 'pyshacl', 'networkx') if m in sys.modules]\n"
        "print('heavy:', heavy, file=sys.stderr)\n"
    )
    arguments = ["query", "department-obligations", "--param", "name=民政局", "--limit", "2"]
    done = subprocess.run(
        [sys.executable, "-c", probe, *arguments, "--graphs", str(graphs)],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert "heavy: []" in done.stderr
    assert "rows 1–2 of" in done.stdout


def test_persistent_values_are_terms_not_text(graphs: Path) -> None:
    """A value that closes the term and the group is still one literal, narrowed or not."""
    opened = open_store(graphs)
    hostile = '民政" } } SELECT * WHERE { ?s ?p ?o } #'
    for name, key in (("department-obligations", "name"), ("find-targets", "text")):
        query = library()[name]
        assert run_query(opened.store, query, {key: hostile}, index=opened.index).rows == ()
    assert isinstance(opened.store, ox.Store)


def test_persistent_whole_corpus_answers_are_kept_with_the_index(graphs: Path) -> None:
    """A library question without parameters is read from the answers written at build
    time, a page at a time; an edited query text is answered live."""
    opened = open_store(graphs)
    assert opened.index is not None
    query = library()["department-targets"]
    kept = stored_answer(opened.index, query, {}, None, 0)
    live = run_query(opened.store, query)
    assert kept is not None and sorted(kept.rows) == sorted(live.rows)
    page = stored_answer(opened.index, query, {}, 5, 2)
    assert page is not None and page.rows == kept.rows[2:7] and page.total == len(live.rows)
    edited = replace(query, text=query.text + "\n# edited")
    assert stored_answer(opened.index, edited, {}, None, 0) is None
    binding = library()["binding-targets"]  # ?plan is not kept: asked with it, answered live
    assert stored_answer(opened.index, binding, {"plan": WANZHOU}, None, 0) is None


def test_persistent_store_is_the_turtle_and_its_kept_answers_the_live_ones(graphs: Path) -> None:
    """The store `build` writes holds every triple of the Turtle (blank nodes renamed), and
    every kept answer that is not selected by a term is the live query's on the Turtle read
    into memory, in its order (a textual parameter asked as "", which every text contains)."""
    opened = open_store(graphs)
    assert opened.index is not None and opened.location is not None
    memory = load_store(graphs)

    def quads(store: ox.Store) -> list[str]:
        return sorted(re.sub(r"_:\w+", "_:b", str(quad)) for quad in store)

    assert quads(opened.store) == quads(memory)
    checked = 0
    for query in library().values():
        kept = kept_parameters(query)
        required = [p.name for p in query.parameters if not p.optional]
        if not is_kept(query) or any(kept[name].how == "equals" for name in required):
            continue  # a term of a column selects: checked value by value above
        values = dict.fromkeys(required, "")
        stored = stored_answer(opened.index, query, values, None, 0)
        live = run_query(memory, query, values)
        assert stored is not None, query.name
        assert (stored.columns, stored.rows) == (live.columns, live.rows), query.name
        checked += bool(live.rows)
    assert checked >= 10


KEPT_QUESTIONS = [
    ("function-obligations", {"function": CIVIL_AFFAIRS}),
    ("function-obligations", {"function": CIVIL_AFFAIRS + "-none"}),
    ("function-obligations", {"function": CIVIL_AFFAIRS, "jurisdiction": "万州区"}),
    ("function-obligations", {"function": CIVIL_AFFAIRS, "jurisdiction": "没有这个区"}),
    ("department-obligations", {"name": "民政局", "jurisdiction": "万州区"}),
    ("department-obligations", {"name": "局", "jurisdiction": "万州区"}),
    ("policy-implementations", {"number": "国办发〔2020〕52号"}),
    ("policy-implementations", {"number": "国办发〔2099〕1号"}),
    ("policy-implementations", {}),
    ("find-targets", {"text": "护理型床位"}),
    ("find-targets", {"text": "托位"}),
    ("find-targets", {"text": "床"}),
    ("find-targets", {"text": "每千人口"}),
    ("find-targets", {"text": "没有这样的指标"}),
    ("find-targets", {"text": ""}),
    ("find-targets", {"text": "用于养老服务比例"}),
    ("find-targets", {"text": "welfare lottery"}),
    ("find-targets", {"text": "WELFARE LOTTERY"}),
]


@pytest.mark.parametrize(("name", "values"), KEPT_QUESTIONS)
def test_persistent_kept_parameters_answer_each_value(
    graphs: Path, name: str, values: dict[str, str]
) -> None:
    """A question asked with kept parameters only (a term of a column, a part of its text, a
    part of a target's wording) is read from the kept rows: the rows of the live query, and
    a page of them with the total counted."""
    opened = open_store(graphs)
    assert opened.index is not None
    query = library()[name]
    kept = stored_answer(opened.index, query, values, None, 0)
    live = run_query(opened.store, query, values)
    assert kept is not None and kept.columns == live.columns
    assert sorted(kept.rows, key=str) == sorted(live.rows, key=str)
    page = stored_answer(opened.index, query, values, 2, 1)
    assert page is not None and page.rows == kept.rows[1:3] and page.total == len(live.rows)


def test_persistent_kept_wording_is_the_item_or_the_canonical_name(graphs: Path) -> None:
    """find-targets from the kept rows: a target whose own wording lacks the text is found by
    its indicator's canonical name (福利彩票公益金, 福彩公益金用于养老服务比例), and the text is
    matched with its case, although the trigram index folds it."""
    opened = open_store(graphs)
    assert opened.index is not None
    query = library()["find-targets"]
    found = stored_answer(opened.index, query, {"text": "用于养老服务比例"}, None, 0)
    assert found is not None
    items = {row[2] for row in found.rows}
    assert "福利彩票公益金" in items and all(row[0] == "用于养老服务比例" for row in found.rows)
    lower = stored_answer(opened.index, query, {"text": "welfare lottery"}, None, 0)
    upper = stored_answer(opened.index, query, {"text": "WELFARE LOTTERY"}, None, 0)
    assert lower is not None and lower.rows and upper is not None and upper.rows == ()


def test_persistent_kept_region_is_a_term_not_a_text(graphs: Path) -> None:
    """The region is matched as the term the query binds (万州区@zh), so a part of its name
    or the name without its language selects nothing, as in the live query."""
    opened = open_store(graphs)
    assert opened.index is not None
    query = library()["function-obligations"]
    whole = stored_answer(
        opened.index, query, {"function": CIVIL_AFFAIRS, "jurisdiction": "万州区"}, None, 0
    )
    assert whole is not None and whole.rows
    assert {row[1] for row in whole.rows} == {"万州区"}
    part = stored_answer(
        opened.index, query, {"function": CIVIL_AFFAIRS, "jurisdiction": "万州"}, None, 0
    )
    assert part is not None and part.rows == ()


def test_persistent_kept_by_containment_answers_each_name(graphs: Path) -> None:
    """department-obligations is kept for every department (name ""): asked by a part of a
    name, the kept rows whose department contains it, in pages, as the live query gives."""
    opened = open_store(graphs)
    assert opened.index is not None
    query = library()["department-obligations"]
    for name in ("民政局", "区民政局", "没有这个部门", '"'):
        kept = stored_answer(opened.index, query, {"name": name}, None, 0)
        live = run_query(opened.store, query, {"name": name})
        assert kept is not None and sorted(kept.rows) == sorted(live.rows)
    page = stored_answer(opened.index, query, {"name": "民政局"}, 3, 2)
    whole = stored_answer(opened.index, query, {"name": "民政局"}, None, 0)
    assert page is not None and whole is not None
    assert page.rows == whole.rows[2:5] and page.total == len(whole.rows) > 5


def test_persistent_trace_reads_the_kept_answers(graphs: Path) -> None:
    """trace --department 民政 (a function) over the index: the rows of the live query."""
    opened = open_store(graphs)
    lexicon = load_lexicon()
    narrowed = trace_department(opened.store, "民政", lexicon, index=opened.index)
    assert narrowed.rows and narrowed == trace_department(load_store(graphs), "民政", lexicon)


def test_persistent_damaged_store_falls_back_to_the_turtle(
    built: tuple[BuildReport, Path], tmp_path: Path
) -> None:
    """A store whose files were damaged after it was written: the graphs are still answered."""
    graphs = tmp_path / "graphs"
    shutil.copytree(built[1], graphs)
    oxigraph = graphs / STORE_DIR / "oxigraph"
    shutil.rmtree(oxigraph)
    oxigraph.write_text("not a store", encoding="utf-8")
    opened = open_store(graphs)
    assert opened.location is None
    assert WANZHOU in _plans(opened.store)


SCOPED_PAGES = [
    ("department-obligations", {"name": "民政局", "jurisdiction": "万州区"}),
    ("department-obligations", {"name": "局", "jurisdiction": "万州区"}),
    ("function-obligations", {"function": CIVIL_AFFAIRS, "jurisdiction": "万州区"}),
    ("find-targets", {"text": "托位"}),
]


@pytest.fixture(scope="module")
def two_corpora(graphs: Path, tmp_path_factory: pytest.TempPathFactory) -> list[Path]:
    """The bundled graphs, and a smaller corpus of the same Turtle without three plans."""
    smaller = tmp_path_factory.mktemp("smaller") / "graphs"
    shutil.copytree(graphs, smaller, ignore=shutil.ignore_patterns(STORE_DIR))
    for name in ("kunming", "lincang", "xixian"):
        (smaller / "plans" / f"{name}.ttl").unlink()
    return [graphs, smaller]


@pytest.mark.parametrize(("name", "values"), SCOPED_PAGES)
def test_persistent_scoped_pages_at_two_corpus_sizes(
    two_corpora: list[Path], name: str, values: dict[str, str]
) -> None:
    """A question scoped to a region (or a wording) read from the kept rows at two corpus
    sizes: each page is the slice of the whole answer, its total the answer's length, the
    whole answer the live query's, in the live query's order."""
    query = library()[name]
    answers = []
    for graphs in two_corpora:
        opened = open_store(graphs)
        assert opened.index is not None and opened.location is not None
        whole = stored_answer(opened.index, query, values, None, 0)
        live = run_query(load_store(graphs), query, values)
        assert whole is not None and whole.rows == live.rows
        for limit, offset in ((1, 0), (3, 2), (20, 0), (5, len(live.rows) - 2)):
            page = stored_answer(opened.index, query, values, limit, max(offset, 0))
            assert page is not None and page.total == len(live.rows)
            assert page.rows == live.rows[max(offset, 0) : max(offset, 0) + limit]
        answers.append(live.rows)
    assert answers[0] and answers[1]
    if name != "find-targets":  # the region's plans are in both corpora: the same answer
        assert answers[0] == answers[1]
