"""Print how well indicator wordings map for plans whose wordings did not build the scheme.

Without options (leave one plan out): for each bundled gold plan, with the indicator
labels that only that plan's wordings supplied removed, (1) the share of its gold targets
whose wording reaches their canonical indicator (the measure of tests/test_indicators.py)
and (2) the share of the targets extracted from its text that land on a reviewed indicator.

With `--gold DIR` (a dev-set gold folder, e.g. tests/devset/tune/gold): for each gold file,
the gold wordings (indicator_raw, read as the pipeline reads the text: traditional
characters simplified, pinyin insertions dropped) matched with the statement around them
as context, (1) how many reach a reviewed indicator at all and (2) how many reach the one
their indicator_canonical names. No label of the scheme comes from these files.

Run with `.venv/bin/python scripts/mapping_rate.py [--gold DIR]`."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from tests.test_indicators import (  # noqa: E402
    GOLD_FILES,
    gold_wording_hits,
    leave_one_plan_out,
    lexicon_without_own_labels,
)

from policygraph.build import extract_plan  # noqa: E402
from policygraph.lexicon_data import load_lexicon  # noqa: E402


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--gold", type=Path, help="a folder of dev-set gold files")
    args = parser.parse_args()
    if args.gold is None:
        leave_one_out()
    elif not args.gold.is_dir():
        sys.exit(f"{args.gold}: no such folder")
    else:
        dev_gold(args.gold)


def leave_one_out() -> None:
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


def dev_gold(folder: Path) -> None:
    lexicon = load_lexicon()
    totals = [0, 0, 0]
    sys.stdout.write(f"{'text':64} gold→reviewed   gold→canonical\n")
    for path in sorted(folder.glob("*.json")):
        targets = json.loads(path.read_text(encoding="utf-8")).get("targets", [])
        reviewed, right, total = gold_wording_hits(targets, lexicon)
        if total:
            totals = [a + b for a, b in zip(totals, (reviewed, right, total), strict=True)]
            sys.stdout.write(_gold_row(path.stem, reviewed, right, total))
    sys.stdout.write(_gold_row("all", *totals))


def _row(name: str, hits: int, total: int, reviewed: int, extracted: int) -> str:
    return (
        f"{name:10} {hits:4}/{total:<4} {hits / total:.2f}"
        f"   {reviewed:4}/{extracted:<4} {reviewed / extracted:.2f}\n"
    )


def _gold_row(name: str, reviewed: int, right: int, total: int) -> str:
    return (
        f"{name:64} {reviewed:4}/{total:<4} {reviewed / total:.2f}"
        f"   {right:4}/{total:<4} {right / total:.2f}\n"
    )


if __name__ == "__main__":
    main()
