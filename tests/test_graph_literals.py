"""Literals the graph writer shares between plans print as each plan states its value."""

from __future__ import annotations

from pathlib import Path

from policygraph.build import build_file
from policygraph.vocab import PG

PLAN = """示例县“一老一小”整体解决方案
一、主要目标
到2025年，每千人口拥有3岁以下婴幼儿托位数达到{value}个。
"""


def _value(tmp_path: Path, name: str, value: str) -> str:
    path = tmp_path / name
    path.write_text(PLAN.format(value=value), encoding="utf-8")
    (written,) = set(build_file(path).graph.objects(None, PG.value))
    return str(written)


def test_equal_decimals_keep_each_plans_own_printing(tmp_path: Path) -> None:
    """4.50 and 4.5 are equal decimals; a build process that met 4.50 first still writes
    4.5 for the next plan, so the bytes of a graph do not depend on the order of a build."""
    assert _value(tmp_path, "a.txt", "4.50") == "4.50"
    assert _value(tmp_path, "b.txt", "4.5") == "4.5"
