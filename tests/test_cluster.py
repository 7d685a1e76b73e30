"""build --scheduler: the per-file tasks on Dask's distributed scheduler give the same bytes."""

from __future__ import annotations

from pathlib import Path

import pytest

from policygraph.build import BuildReport, build_corpus
from policygraph.errors import PolicygraphError
from tests.conftest import CORPUS

distributed = pytest.importorskip("distributed")


def test_cluster_build_gives_the_bytes_of_a_local_build(
    built: tuple[BuildReport, Path], tmp_path: Path
) -> None:
    """Two worker processes of a LocalCluster build the five corpus plans."""
    _, local = built
    with distributed.LocalCluster(
        n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None
    ) as cluster:
        report = build_corpus([CORPUS], tmp_path, scheduler=cluster.scheduler_address)
    assert not report.failed
    assert [b.path.name for b in report.built] == [b.path.name for b in built[0].built]
    turtle = sorted(p.relative_to(local) for p in local.rglob("*.ttl"))
    assert turtle == sorted(p.relative_to(tmp_path) for p in tmp_path.rglob("*.ttl"))
    for name in turtle:
        assert (tmp_path / name).read_bytes() == (local / name).read_bytes(), name


def test_cluster_unreachable_scheduler_is_one_error(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr("policygraph.build.SCHEDULER_TIMEOUT", 1.0)
    with pytest.raises(PolicygraphError, match="cannot reach the Dask scheduler"):
        build_corpus([CORPUS / "wanzhou.txt"], tmp_path, scheduler="tcp://127.0.0.1:9")
