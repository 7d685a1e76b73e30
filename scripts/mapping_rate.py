"""Print how well indicator wordings map for plans whose wordings did not build the scheme
(leave one plan out): for each gold plan, with the indicator labels that only that plan's
wordings supplied removed, (1) the share of its gold targets whose wording reaches their
canonical indicator (the measure of tests/test_indicators.py) and (2) the share of the
targets extracted from its text that land on a reviewed indicator.
Run with `.venv/bin/python scripts/mapping_rate.py`."""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from tests.test_indicators import (  # noqa: E402
    GOLD_FILES,
    leave_one_plan_out,
    lexicon_without_own_labels,
)

from policygraph.build import extract_plan  # noqa: E402


def main() -> None:
    totals = [0, 0, 0, 0]
    sys.stdout.write("plan        gold→canonical   extracted→reviewed\n")
    for gold in GOLD_FILES:
        hits, total = leave_one_plan_out(gold)
        lexicon = lexicon_without_own_labels(gold)
        targets = extract_plan(ROOT / "corpus" / f"{gold.stem}.txt").targets
        reviewed = sum(lexicon.indicator(t.indicator, t.unit).reviewed for t in targets)
        for at, n in enumerate((hits, total, reviewed, len(targets))):
            totals[at] += n
        sys.stdout.write(_row(gold.stem, hits, total, reviewed, len(targets)))
    sys.stdout.write(_row("all", *totals))


def _row(name: str, hits: int, total: int, reviewed: int, extracted: int) -> str:
    return (
        f"{name:10} {hits:4}/{total:<4} {hits / total:.2f}"
        f"   {reviewed:4}/{extracted:<4} {reviewed / extracted:.2f}\n"
    )


if __name__ == "__main__":
    main()
