"""Extraction on the development set (tests/devset): real texts from places the rules
were not written from, scored on the built graph as `policygraph evaluate` scores them.

`tune/` is the part rules may be written from, `heldout/` is only measured; their floors
are kept apart so that a gain on one says nothing about the other. Floors ratchet up;
they sit a little under the figures measured when they were set (README: "Measuring
extraction"), so that a change that loses ground on text never seen fails here.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from policygraph.evaluate import Evaluation, evaluate, gold_targets

DEVSET = Path(__file__).resolve().parent / "devset"

# part: figure → floor, on the "all" row of `policygraph evaluate --gold DEVSET/part/gold`
FLOORS: dict[str, dict[str, float]] = {
    "tune": {
        "baseline_agreement": 0.98,
        "basis_typing": 0.91,
        "comparator_agreement": 0.98,
        "department_precision": 0.96,
        "department_recall": 0.94,
        "jurisdiction": 0.81,
        "measure_owner_agreement": 0.94,
        "measure_precision": 0.83,
        "measure_recall": 0.87,
        "metadata": 0.94,
        "number_precision": 0.98,
        "number_recall": 0.98,
        "owner_agreement": 0.92,
        "precision": 0.89,
        "range_agreement": 0.98,
        "recall": 0.82,
        "reviewed_share": 0.44,
        "unit_agreement": 0.97,
    },
    "heldout": {
        "baseline_agreement": 0.98,
        "basis_typing": 0.93,
        "comparator_agreement": 0.98,
        "department_precision": 0.93,
        "department_recall": 0.85,
        "jurisdiction": 0.91,
        "measure_owner_agreement": 0.76,
        "measure_precision": 0.59,
        "measure_recall": 0.34,
        "metadata": 0.81,
        "number_precision": 0.90,
        "number_recall": 0.98,
        "owner_agreement": 0.89,
        "precision": 0.56,
        "range_agreement": 0.96,
        "recall": 0.56,
        "reviewed_share": 0.27,
        "unit_agreement": 0.98,
    },
}


@pytest.fixture(scope="module", params=sorted(FLOORS))
def scored(request: pytest.FixtureRequest) -> tuple[str, Evaluation]:
    part = request.param
    return part, evaluate(DEVSET / part / "gold", DEVSET / part / "texts")


def test_devset_figures_stay_above_their_floors(scored: tuple[str, Evaluation]) -> None:
    part, evaluation = scored
    figures = evaluation.total.figures()
    below = {
        name: (figures[name], floor)
        for name, floor in FLOORS[part].items()
        if figures[name] is None or figures[name] < floor
    }
    assert not below, f"{part}: figure (now, floor): {below}"


def test_only_texts_without_policy_facts_are_refused(scored: tuple[str, Evaluation]) -> None:
    """Issue 12: a fragment, a teaser or a 解读 is built; a refusal is only right for a text
    whose gold holds no target, measure or citation at all."""
    part, evaluation = scored
    refused_with_facts = [
        s.plan
        for s in evaluation.plans
        if s.refused and (s.gold_targets or s.gold_measures or s.gold_numbers)
    ]
    assert not refused_with_facts, f"{part}: refused although the gold has facts"


def test_a_gold_unit_is_compared_as_the_text_is_read() -> None:
    """A traditional-character copy's gold writes the unit as printed (歲, 張); the graph
    holds what was read (岁, 张), so the gold unit is read the same way."""
    target = {
        "indicator_raw": "人均預期壽命",
        "unit": "歲",
        "baseline": None,
        "responsible": [],
        "values": [{"year": 2025, "value": "78.3", "comparator": "="}],
    }
    assert [t.unit for t in gold_targets({"targets": [target]})] == ["岁"]
