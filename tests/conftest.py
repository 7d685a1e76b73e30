"""Shared fixtures: the corpus, the gold annotations, and one build of the corpus."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from policygraph.build import BuildReport, build_corpus

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT / "corpus"
GOLD = ROOT / "tests" / "gold"
DATA = ROOT / "tests" / "data"


@pytest.fixture(scope="session")
def corpus_dir() -> Path:
    return CORPUS


@pytest.fixture(scope="session")
def gold() -> dict[str, dict[str, Any]]:
    """Gold annotations by plan file stem."""
    return {p.stem: json.loads(p.read_text(encoding="utf-8")) for p in sorted(GOLD.glob("*.json"))}


@pytest.fixture(scope="session")
def built(tmp_path_factory: pytest.TempPathFactory) -> tuple[BuildReport, Path]:
    """The bundled corpus built once into a temporary folder."""
    out = tmp_path_factory.mktemp("graphs")
    return build_corpus([CORPUS], out), out


@pytest.fixture(scope="session")
def plans(built: tuple[BuildReport, Path]) -> dict[str, Any]:
    """The extracted `Plan` records by file stem."""
    report, _ = built
    return {b.path.stem: b.plan for b in report.built}


@pytest.fixture
def duty_report_graphs(tmp_path: Path) -> Path:
    """The graphs folder of a news report that assigns a duty in prose, outside every
    measure (the 2019 分工 of the 政府工作报告 as a news report relays it, tune)."""
    report = tmp_path / "report.txt"
    report.write_text(
        "国务院明确重点工作部门分工\n"
        "《意见》明确，强化药品疫苗全程监管，由国家药监局、国家卫生健康委等分工负责。\n",
        encoding="utf-8",
    )
    build_corpus([report], tmp_path / "graphs", jobs=1)
    return tmp_path / "graphs"
