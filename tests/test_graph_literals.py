"""Literals the graph writer shares between plans print as each plan states its value."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

from rdflib import Literal

from policygraph.build import build_file
from policygraph.graph import typed_literal
from policygraph.store import literal_to_oxigraph
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


def test_decimal_literals_print_as_rdflib_prints_them() -> None:
    """The build writes a plan's decimals without rdflib's Literal; the lexical form and
    datatype stay those rdflib gives (what graphs built before hold, and what a query or a
    SHACL shape compares)."""
    for printed in ("4.5", "4.50", "0", "0.000", "100", "1E+2", "2.5E3", "1e-7", "-3.20", "0.05"):
        value = Decimal(printed)
        assert typed_literal(value) == literal_to_oxigraph(Literal(value)), printed
