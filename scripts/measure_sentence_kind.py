"""Target recall, precision and F1 with the sentence-kind classifier off and on.

    .venv/bin/python scripts/measure_sentence_kind.py [--model DIR] [--threshold T ...]

Builds the bundled plans, the dev set's tune part and its heldout part (only built and
scored, never read) exactly as `policygraph evaluate` does, first with the pipeline as
it is, then with `pg_sentence_kind` added after `pg_targets` at each threshold.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from policygraph.evaluate import evaluate
from policygraph.nlp import make_nlp
from policygraph.sentence_kind import MODEL_DIR

ROOT = Path(__file__).resolve().parent.parent
SETS = (
    ("bundled", ROOT / "tests/gold", ROOT / "corpus"),
    ("tune", ROOT / "tests/devset/tune/gold", ROOT / "tests/devset/tune/texts"),
    ("heldout", ROOT / "tests/devset/heldout/gold", ROOT / "tests/devset/heldout/texts"),
)


def figures() -> str:
    """One line per set: matched/gold of found, recall, precision, F1."""
    lines = []
    for name, gold, corpus in SETS:
        scores = evaluate(gold, corpus).plans
        matched = sum(s.matched_targets for s in scores)
        expected = sum(s.gold_targets for s in scores)
        found = sum(s.found_targets for s in scores)
        recall, precision = matched / expected, matched / found
        f1 = 2 * recall * precision / (recall + precision)
        lines.append(
            f"  {name:8} {matched}/{expected} of {found}  r {recall:.3f}  p {precision:.3f}"
            f"  F1 {f1:.3f}"
        )
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--model", default=str(MODEL_DIR))
    parser.add_argument("--threshold", type=float, nargs="+", default=[0.99])
    args = parser.parse_args()
    nlp = make_nlp()
    if "pg_sentence_kind" in nlp.pipe_names:
        nlp.remove_pipe("pg_sentence_kind")
    sys.stdout.write(f"classifier off\n{figures()}\n")
    for threshold in args.threshold:
        nlp.add_pipe(
            "pg_sentence_kind",
            after="pg_targets",
            config={"model": args.model, "threshold": threshold},
        )
        sys.stdout.write(f"classifier on, threshold {threshold}\n{figures()}\n")
        nlp.remove_pipe("pg_sentence_kind")


if __name__ == "__main__":
    main()
