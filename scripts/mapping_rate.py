"""Print the leave-one-plan-out indicator mapping rate of the gold plans: for each plan,
the share of its gold targets whose wording reaches the canonical indicator when the
labels only that plan's wordings supplied are removed from the scheme (the measure of
tests/test_indicators.py). Run with `.venv/bin/python scripts/mapping_rate.py`."""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from tests.test_indicators import GOLD_FILES, leave_one_plan_out


def main() -> None:
    hits_all = total_all = 0
    for gold in GOLD_FILES:
        hits, total = leave_one_plan_out(gold)
        hits_all, total_all = hits_all + hits, total_all + total
        sys.stdout.write(f"{gold.stem:10} {hits:4}/{total:<4} {hits / total:.2f}\n")
    sys.stdout.write(f"{'all':10} {hits_all:4}/{total_all:<4} {hits_all / total_all:.2f}\n")


if __name__ == "__main__":
    main()
