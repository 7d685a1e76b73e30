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
