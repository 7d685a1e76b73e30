"""How long `policygraph validate corpus/<plan>.txt` takes end to end (issue 6: under 2 s).

Runs the command as a subprocess several times per plan, so interpreter start-up and the
imports (spaCy, jieba, pySHACL) are counted as a user pays them, and prints the median.

    .venv/bin/python benchmarks/validate_plan.py                 # every bundled plan, 5 runs
    .venv/bin/python benchmarks/validate_plan.py wanzhou --runs 9 --json
"""

from __future__ import annotations

import argparse
import json
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT / "corpus"
LIMIT_SECONDS = 2.0


def time_validate(plan: Path, runs: int) -> list[float]:
    """Wall-clock seconds of each run of `policygraph validate <plan>`."""
    command = [sys.executable, "-m", "policygraph", "validate", str(plan)]
    seconds = []
    for _ in range(runs):
        start = time.perf_counter()
        done = subprocess.run(command, capture_output=True, cwd=ROOT, check=False)
        seconds.append(time.perf_counter() - start)
        if done.returncode not in (0, 1):
            raise SystemExit(f"{plan.name}: validate exited {done.returncode}: {done.stderr!r}")
    return seconds


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("plans", nargs="*", help="plan names in corpus/ (default: all)")
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--json", action="store_true", help="print one JSON object")
    args = parser.parse_args()
    names = args.plans or sorted(p.stem for p in CORPUS.glob("*.txt"))
    medians = {}
    for name in names:
        seconds = time_validate(CORPUS / f"{name}.txt", args.runs)
        medians[name] = round(statistics.median(seconds), 3)
        if not args.json:
            runs = " ".join(f"{s:.2f}" for s in seconds)
            print(f"{name:10} median {medians[name]:.2f} s   runs: {runs}")
    worst = max(medians.values())
    if args.json:
        print(json.dumps({"validate_plan_median_s": medians, "limit_s": LIMIT_SECONDS}))
    else:
        verdict = "within" if worst < LIMIT_SECONDS else "OVER"
        print(f"slowest median {worst:.2f} s: {verdict} the {LIMIT_SECONDS:.0f} s budget")


if __name__ == "__main__":
    main()
