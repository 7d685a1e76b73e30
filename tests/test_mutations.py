"""A mutation corpus made from the bundled plans (issue 8): truncated, lines
shuffled, punctuation swapped between full and half width, table cells dropped.
No mutant crashes the build: each gives a plan whose quotes are exact source
text, or one of the project's own errors."""

from __future__ import annotations

import random
from collections.abc import Callable
from pathlib import Path

import pytest

from policygraph.build import extract_plan
from policygraph.errors import DamagedFileError, PolicygraphError
from policygraph.model import Plan
from policygraph.normalize import SOURCE_LINE_END
from tests.conftest import CORPUS

PLANS = ("wanzhou", "lincang", "kunming", "xixian", "zhoukou")
FULL_TO_HALF = {
    full: half for half, full in (("(", "（"), (")", "）"), (",", "，"), (":", "："), (";", "；"))
}
SHORT_LINE = 30
"""Lines this short are mostly table cells (and headings): the ones a bad copy loses."""


def truncated(share: float) -> Callable[[str, random.Random], str]:
    return lambda text, _: text[: int(len(text) * share)]


def lines_shuffled(text: str, rng: random.Random) -> str:
    lines = text.split("\n")
    rng.shuffle(lines)
    return "\n".join(lines)


def punctuation_swapped(text: str, rng: random.Random) -> str:
    return "".join(FULL_TO_HALF.get(c, c) if rng.random() < 0.5 else c for c in text)


def cells_dropped(text: str, rng: random.Random) -> str:
    return "\n".join(
        line for line in text.split("\n") if len(line.strip()) > SHORT_LINE or rng.random() > 0.3
    )


MUTATIONS: dict[str, Callable[[str, random.Random], str]] = {
    "truncated-10": truncated(0.1),
    "truncated-50": truncated(0.5),
    "truncated-90": truncated(0.9),
    "lines-shuffled": lines_shuffled,
    "punctuation-swapped": punctuation_swapped,
    "cells-dropped": cells_dropped,
}


def assert_quotes_exact(plan: Plan, source: str) -> None:
    quotes = [plan.title_quote, plan.doc_number_quote, plan.issued_quote]
    quotes += [t.quote for t in plan.targets] + [m.quote for m in plan.measures]
    quotes += [c.quote for c in plan.citations]
    for quote in filter(None, quotes):
        assert source[quote.start : quote.end] == quote.text
        assert quote.line == len(SOURCE_LINE_END.findall(source, 0, quote.start)) + 1


@pytest.mark.parametrize("mutation", list(MUTATIONS))
@pytest.mark.parametrize("name", PLANS)
def test_mutants_build_or_fail_with_our_own_error(name: str, mutation: str, tmp_path: Path) -> None:
    original = (CORPUS / f"{name}.txt").read_text(encoding="utf-8")
    mutant = MUTATIONS[mutation](original, random.Random(f"{name}-{mutation}"))
    path = tmp_path / f"{name}.txt"
    path.write_text(mutant, encoding="utf-8")
    try:
        plan = extract_plan(path)
    except PolicygraphError as error:
        assert str(error).startswith(f"{path}: ")
        return
    assert_quotes_exact(plan, mutant)


@pytest.mark.parametrize("name", PLANS)
def test_half_width_punctuation_gives_the_same_targets(name: str, tmp_path: Path) -> None:
    original = CORPUS / f"{name}.txt"
    swapped = punctuation_swapped(original.read_text(encoding="utf-8"), random.Random(name))
    path = tmp_path / f"{name}.txt"
    path.write_text(swapped, encoding="utf-8")
    assert _targets(extract_plan(path)) == _targets(extract_plan(original))


def _targets(plan: Plan) -> list[tuple[object, ...]]:
    return [(t.indicator, t.year, t.value, t.comparator, t.unit, t.region) for t in plan.targets]


@pytest.mark.parametrize("cut", [1, 2])
def test_download_cut_inside_a_character_is_named_truncated(cut: int, tmp_path: Path) -> None:
    data = (CORPUS / "zhoukou.txt").read_bytes()
    path = tmp_path / "zhoukou.txt"
    path.write_bytes(data[: data.rindex("。".encode()) + cut])
    with pytest.raises(DamagedFileError, match="truncated"):
        extract_plan(path)
