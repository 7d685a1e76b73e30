"""graphs/ is the build of corpus/: rebuilding gives the same bytes."""

from __future__ import annotations

from pathlib import Path

from policygraph.build import BuildReport
from policygraph.persistent import STORE_DIR
from tests.conftest import ROOT


def test_graphs_are_up_to_date(built: tuple[BuildReport, Path]) -> None:
    _, out = built
    fresh = {p.relative_to(out): p.read_bytes() for p in _files(out)}
    committed = {p.relative_to(ROOT / "graphs"): p.read_bytes() for p in _files(ROOT / "graphs")}
    assert sorted(fresh) == sorted(committed), "graphs/ holds other files: run `make graphs`"
    stale = [str(name) for name in fresh if fresh[name] != committed[name]]
    assert not stale, f"graphs/ is out of date ({', '.join(stale)}): run `make graphs`"


def test_graphs_build_is_deterministic(built: tuple[BuildReport, Path], tmp_path: Path) -> None:
    from policygraph.build import build_corpus

    _, out = built
    build_corpus([ROOT / "corpus"], tmp_path)
    for path in _files(out):
        assert (tmp_path / path.relative_to(out)).read_bytes() == path.read_bytes()


def _files(folder: Path) -> list[Path]:
    """Every file of a graphs folder: the Turtle graphs and the document index (not the
    persistent store, a git-ignored cache of them)."""
    store = folder / STORE_DIR
    return sorted(p for p in folder.rglob("*") if p.is_file() and store not in p.parents)
