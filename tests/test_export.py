"""export --nquads: the corpus for bulk loaders, one named graph per plan, same bytes each time."""

from __future__ import annotations

from pathlib import Path

import pyoxigraph as ox
from typer.testing import CliRunner

from policygraph.build import BuildReport
from policygraph.cli import app
from policygraph.export import export_nquads

PLAN = "https://w3id.org/policygraph/id/plan/"


def test_export_one_named_graph_per_plan(built: tuple[BuildReport, Path], tmp_path: Path) -> None:
    _, graphs = built
    target = tmp_path / "corpus.nq"
    assert export_nquads(graphs, target) == len(list(graphs.rglob("*.ttl")))
    store = ox.Store()
    store.load(path=str(target), format=ox.RdfFormat.N_QUADS)
    names = {g.value for g in store.named_graphs()}
    for path in (graphs / "plans").glob("*.ttl"):
        name = PLAN + path.stem
        assert name in names
        triples = len(list(ox.parse(path=str(path), format=ox.RdfFormat.TURTLE)))
        assert len(list(store.quads_for_pattern(None, None, None, ox.NamedNode(name)))) == triples
    assert "https://w3id.org/policygraph/id/vocabularies" in names
    assert not list(store.quads_for_pattern(None, None, None, ox.DefaultGraph()))


def test_export_gives_the_same_bytes(built: tuple[BuildReport, Path], tmp_path: Path) -> None:
    _, graphs = built
    export_nquads(graphs, tmp_path / "a.nq")
    export_nquads(graphs, tmp_path / "b.nq")
    assert (tmp_path / "a.nq").read_bytes() == (tmp_path / "b.nq").read_bytes()


def test_export_cli_reports_a_missing_folder(tmp_path: Path) -> None:
    target = tmp_path / "corpus.nq"
    result = CliRunner().invoke(
        app, ["export", "--nquads", str(target), "--graphs", str(tmp_path / "none")]
    )
    assert result.exit_code == 2 and "no such graphs folder" in result.output
    assert not target.exists()
