"""Print how well indicator wordings map for plans whose wordings did not build the scheme.

Without options (leave one plan out): for each bundled gold plan, with the indicator
labels that only that plan's wordings supplied removed, (1) the share of its gold targets
whose wording, read in its quote, reaches their canonical indicator (the measure of
tests/test_indicators.py) and (2) the share of the targets extracted from its text that
land on a reviewed indicator, each read in its section heading and sentence as the build
reads it (`Lexicon.indicator_of`).

With `--misses`: the wordings of each plan that do not reach their canonical indicator
when that plan is left out, each with its unit, its canonical indicator and the concept
it reached instead (unreviewed: "-"), to be read for why (data/indicator_sources/README.md).

With `--tables` (leave one table out): for each main-indicator table of
data/indicator_sources, the labels that only its printed names supplied are removed (a
name another table or the hand-written scheme also gives stays), and of the names so
removed whose concept the scheme still knows by other labels, how many still reach it:
wordings of a known indicator the scheme was not given, read by their parts.

With `--gold DIR` (a dev-set gold folder, e.g. tests/devset/tune/gold): for each gold file,
the gold wordings (indicator_raw, read as the pipeline reads the text: traditional
characters simplified, pinyin insertions dropped) matched with their quote as context —
the gold holds no section heading, and a quote may be shorter than the sentence the build
reads — (1) how many reach a reviewed indicator at all and (2) how many reach the one
their indicator_canonical names. No label of the scheme comes from these files.

Run with `.venv/bin/python scripts/mapping_rate.py [--misses | --tables | --gold DIR]`."""

from __future__ import annotations

import argparse
import csv
import json
import sys
from dataclasses import replace
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from scripts.indicator_sources import SCHEME, hand_written, label_owners  # noqa: E402
from tests.test_indicators import (  # noqa: E402
    GOLD_FILES,
    gold_wording_hits,
    leave_one_plan_out,
    leave_one_plan_out_misses,
    lexicon_without_own_labels,
)

from policygraph.build import extract_plan  # noqa: E402
from policygraph.lexicon import label_key  # noqa: E402
from policygraph.lexicon_data import indicator_signatures, load_lexicon  # noqa: E402

TABLES = ROOT / "data" / "indicator_sources"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--gold", type=Path, help="a folder of dev-set gold files")
    parser.add_argument("--tables", action="store_true", help="leave one table out")
    parser.add_argument("--misses", action="store_true", help="list the leave-one-out misses")
    args = parser.parse_args()
    if args.tables:
        leave_one_table_out()
    elif args.misses:
        leave_one_out_misses()
    elif args.gold is None:
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
        reviewed = sum(lexicon.indicator_of(t).reviewed for t in targets)
        for at, n in enumerate((hits, total, reviewed, len(targets))):
            totals[at] += n
        sys.stdout.write(_row(gold.stem, hits, total, reviewed, len(targets)))
    sys.stdout.write(_row("all", *totals))


def leave_one_out_misses() -> None:
    for gold in GOLD_FILES:
        misses, _total = leave_one_plan_out_misses(gold)
        for target, concept in misses:
            reached = concept.label if concept.reviewed else "-"
            sys.stdout.write(
                f"{gold.stem}\t{target['indicator_raw']}\t{target.get('unit') or ''}"
                f"\t{target['indicator_canonical']}\t{reached}\n"
            )


def _table(slug: str) -> list[dict[str, str]]:
    with (TABLES / f"{slug}.csv").open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def table_hits() -> list[tuple[str, int, int]]:
    """(table, names reaching their concept, names) of each main-indicator table, over the
    names whose label only that table supplied and whose concept the scheme still knows by
    other labels once they are removed."""
    lexicon = load_lexicon()
    with (TABLES / "sources.csv").open(encoding="utf-8", newline="") as handle:
        slugs = [row["slug"] for row in csv.DictReader(handle) if row["kind"] == "list"]
    names = {slug: {label_key(row["name"]) for row in _table(slug)} for slug in slugs}
    hand = set(label_owners(hand_written(SCHEME.read_text(encoding="utf-8"))))
    counts = []
    for slug in slugs:
        elsewhere = set().union(hand, *(names[other] for other in slugs if other != slug))
        own = names[slug] - elsewhere
        kept = {label: c for label, c in lexicon.indicators.items() if label not in own}
        without = replace(
            lexicon,
            indicators=kept,
            indicator_signatures=indicator_signatures(kept, lexicon.indicator_parts),
        )
        known = {concept.key for concept in kept.values()}
        rows = [
            row
            for row in _table(slug)
            if label_key(row["name"]) in own and f"indicator/{row['concept']}" in known
        ]
        hits = sum(
            without.indicator(row["name"], row["unit"] or None).key == f"indicator/{row['concept']}"
            for row in rows
        )
        counts.append((slug, hits, len(rows)))
    return counts


def leave_one_table_out() -> None:
    counts = table_hits()
    sys.stdout.write(f"{'table':28} removed name→its concept\n")
    for slug, hits, total in counts:
        sys.stdout.write(f"{slug:28} {hits:4}/{total:<4}\n")
    hits, total = sum(c[1] for c in counts), sum(c[2] for c in counts)
    sys.stdout.write(f"{'all':28} {hits:4}/{total:<4} {hits / total:.2f}\n")


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
