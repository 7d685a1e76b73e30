"""graphs/ is the build of corpus/: rebuilding gives the same bytes."""

from __future__ import annotations

from pathlib import Path

from policygraph.build import BuildReport
from tests.conftest import ROOT


def test_graphs_are_up_to_date(built: tuple[BuildReport, Path]) -> None:
    _, out = built
    fresh = {p.relative_to(out): p.read_bytes() for p in sorted(out.rglob("*.ttl"))}
    committed = {
        p.relative_to(ROOT / "graphs"): p.read_bytes()
        for p in sorted((ROOT / "graphs").rglob("*.ttl"))
    }
    assert sorted(fresh) == sorted(committed), "graphs/ holds other files: run `make graphs`"
    stale = [str(name) for name in fresh if fresh[name] != committed[name]]
    assert not stale, f"graphs/ is out of date ({', '.join(stale)}): run `make graphs`"


def test_graphs_build_is_deterministic(built: tuple[BuildReport, Path], tmp_path: Path) -> None:
    from policygraph.build import build_corpus

    _, out = built
    build_corpus([ROOT / "corpus"], tmp_path)
    for path in sorted(out.rglob("*.ttl")):
        assert (tmp_path / path.relative_to(out)).read_bytes() == path.read_bytes()
