"""End to end on the bundled corpus, judged against the gold annotations.

`FLOORS` only ratchets up: each issue that improves extraction raises them.
`python -m policygraph.evaluate` prints the same figures.
"""

from __future__ import annotations

from typing import Any

import pytest

from policygraph.evaluate import score_plan
from policygraph.lexicon_data import load_lexicon

# plan: (target recall, target precision, responsible-unit Jaccard on matched targets)
FLOORS = {
    "wanzhou": (0.98, 0.98, 1.00),
    "lincang": (0.98, 0.98, 1.00),
    "kunming": (0.98, 0.98, 1.00),
    "xixian": (0.98, 0.98, 1.00),
    "zhoukou": (0.98, 0.98, 0.94),
}

# plan: (gold departments found, gold measures found by title, measures that are gold ones,
#        responsible-unit Jaccard on found measures)
RESPONSIBILITY_FLOORS = {
    "wanzhou": (1.00, 1.00, 1.00, 1.00),
    "lincang": (1.00, 1.00, 1.00, 1.00),
    "kunming": (1.00, 1.00, 0.90, 1.00),
    "xixian": (1.00, 1.00, 1.00, 1.00),
    "zhoukou": (1.00, 1.00, 1.00, 1.00),
}


@pytest.mark.parametrize("stem", sorted(FLOORS))
def test_gold_targets_reach_their_floors(
    stem: str, plans: dict[str, Any], gold: dict[str, Any]
) -> None:
    scores = score_plan(plans[stem], gold[stem], load_lexicon())
    recall, precision, jaccard = FLOORS[stem]
    assert scores.recall >= recall, f"{stem} recall {scores.recall:.2f}"
    assert scores.precision >= precision, f"{stem} precision {scores.precision:.2f}"
    assert scores.unit_jaccard >= jaccard, f"{stem} unit Jaccard {scores.unit_jaccard:.2f}"


@pytest.mark.parametrize("stem", sorted(RESPONSIBILITY_FLOORS))
def test_gold_departments_and_measures_reach_their_floors(
    stem: str, plans: dict[str, Any], gold: dict[str, Any]
) -> None:
    scores = score_plan(plans[stem], gold[stem], load_lexicon())
    departments, measures, precision, units = RESPONSIBILITY_FLOORS[stem]
    assert scores.department_recall >= departments, (
        f"{stem} departments {scores.department_recall:.2f}"
    )
    assert scores.measure_recall >= measures, f"{stem} measures {scores.measure_recall:.2f}"
    assert scores.measure_precision >= precision, f"{stem} measures {scores.measure_precision:.2f}"
    assert scores.measure_unit_jaccard >= units, (
        f"{stem} measure units {scores.measure_unit_jaccard:.2f}"
    )


@pytest.mark.parametrize("stem", ["wanzhou", "lincang", "kunming", "xixian", "zhoukou"])
def test_gold_every_cited_number_is_found(
    stem: str, plans: dict[str, Any], gold: dict[str, Any]
) -> None:
    expected = {c["doc_number"] for c in gold[stem]["cited_policies"] if c["doc_number"]}
    found = {c.number.normal for c in plans[stem].citations if c.number}
    assert expected <= found


def test_gold_wanzhou_metadata(plans: dict[str, Any], gold: dict[str, Any]) -> None:
    plan, document = plans["wanzhou"], gold["wanzhou"]["document"]
    assert plan.title == document["title"]
    assert plan.doc_number.normal == document["doc_number"]
    assert plan.issued.isoformat() == document["date_issued"]
    assert plan.jurisdiction == "万州区"


def test_gold_lincang_metadata(plans: dict[str, Any], gold: dict[str, Any]) -> None:
    plan, document = plans["lincang"], gold["lincang"]["document"]
    assert (plan.title, plan.issuer) == (document["title"], document["issuer"])
    assert plan.issued.isoformat() == document["date_issued"]
    assert plan.doc_number is None


def test_gold_every_quote_is_exact_source_text(plans: dict[str, Any], corpus_dir: Any) -> None:
    for stem, plan in plans.items():
        source = (corpus_dir / plan.source_file).read_text(encoding="utf-8")
        quotes = [t.quote for t in plan.targets] + [m.quote for m in plan.measures]
        quotes += [c.quote for c in plan.citations]
        for quote in quotes:
            assert source[quote.start : quote.end] == quote.text, stem
            assert source.count("\n", 0, quote.start) + 1 == quote.line, stem


def test_gold_wanzhou_civil_affairs_owns_nursing_bed_share(plans: dict[str, Any]) -> None:
    owned = [
        t
        for t in plans["wanzhou"].targets
        if t.indicator == "养老机构护理型床位占比" and t.year == 2025
    ]
    (target,) = owned
    assert (target.comparator, str(target.value)) == (">=", "60")
    assert [m.name for m in target.responsible] == ["区民政局"]
