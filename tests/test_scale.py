"""A plan with thousands of responsibility lists (issue 17, item 6) extracts every
list to its own item; `benchmarks/responsibility.py` times the same plan."""

from __future__ import annotations

from pathlib import Path

from benchmarks.responsibility import item_units, responsibility_plan

from policygraph.build import extract_plan

CLAUSES = 2000


def test_every_one_of_2000_responsibility_clauses_owns_its_item(tmp_path: Path) -> None:
    path = tmp_path / "large.txt"
    path.write_text(responsibility_plan(CLAUSES), encoding="utf-8")
    plan = extract_plan(path)
    items = [m for m in plan.measures if m.parent is not None]
    assert len(items) == CLAUSES
    for index, measure in enumerate(items):
        lead, partner = item_units(index)
        assert [u.name for u in measure.responsible] == [lead, partner], measure.key
        assert [u.name for u in measure.lead] == [lead], measure.key
