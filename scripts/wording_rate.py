"""Print how the indicator scheme reads real wordings of plans it was not built from.

tests/data/indicator_wordings.csv holds indicator wordings as real plans print them
(tests/data/README.md), each with the concept a careful reader assigns or "none". Each
wording is read as the pipeline reads a text (traditional characters simplified) with
its unit, and counted as

- right: on the concept the list names, or on no reviewed concept where the list says none;
- wrong: on a reviewed concept other than the one the list names;
- none: on no reviewed concept where the list names one.

The list is split by plan into halves A and B by the sha1 of the plan's name, fixed before
any result was looked at: parts of data/indicator_parts.csv may be written from half A only,
so half B is the unseen figure. The list is an evaluation set, never a source of labels.

Run with `.venv/bin/python scripts/wording_rate.py [--misses]`."""

from __future__ import annotations

import argparse
import csv
import hashlib
import sys
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
WORDINGS = ROOT / "tests" / "data" / "indicator_wordings.csv"
NO_CONCEPT = "none"
OUTCOMES = ("right", "wrong", "none")

sys.path.insert(0, str(ROOT / "src"))

from policygraph.evaluate import as_read  # noqa: E402
from policygraph.lexicon import Lexicon  # noqa: E402
from policygraph.lexicon_data import load_lexicon  # noqa: E402


@dataclass(frozen=True)
class Reading:
    plan: str
    wording: str
    unit: str
    expected: str  # the concept's local name, or "none"
    found: str  # the local name reached, or "none" for an unreviewed concept
    outcome: str  # right, wrong or none


def half_of(plan: str) -> str:
    """A or B, by the sha1 of the plan's name."""
    return "AB"[int(hashlib.sha1(plan.encode("utf-8")).hexdigest(), 16) % 2]


def read_wordings(path: Path = WORDINGS) -> list[dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def reading(row: dict[str, str], lexicon: Lexicon) -> Reading:
    concept = lexicon.indicator(as_read(row["wording"]), as_read(row["unit"]) or None)
    found = concept.key.removeprefix("indicator/") if concept.reviewed else NO_CONCEPT
    expected = row["concept"]
    if found == expected:
        outcome = "right"
    elif found == NO_CONCEPT:
        outcome = "none"
    else:
        outcome = "wrong"
    return Reading(row["plan"], row["wording"], row["unit"], expected, found, outcome)


def readings(lexicon: Lexicon | None = None) -> list[Reading]:
    lexicon = lexicon or load_lexicon()
    return [reading(row, lexicon) for row in read_wordings()]


def tally(found: list[Reading]) -> Counter[str]:
    return Counter(r.outcome for r in found)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--misses", action="store_true", help="list the wordings not right")
    args = parser.parse_args()
    found = readings()
    if args.misses:
        for r in found:
            if r.outcome != "right":
                sys.stdout.write(
                    f"{half_of(r.plan)}\t{r.outcome}\t{r.wording}\t{r.unit}"
                    f"\t{r.expected}\t{r.found}\n"
                )
        return
    sys.stdout.write(f"{'part':6} {'plans':>5} {'wordings':>8}  right  wrong   none  share\n")
    for part in ("A", "B", "all"):
        chosen = [r for r in found if part == "all" or half_of(r.plan) == part]
        counts = tally(chosen)
        plans = len({r.plan for r in chosen})
        sys.stdout.write(
            f"{part:6} {plans:5} {len(chosen):8}  "
            + "  ".join(f"{counts[o]:5}" for o in OUTCOMES)
            + f"  {counts['right'] / len(chosen):.2f}\n"
        )


if __name__ == "__main__":
    main()
