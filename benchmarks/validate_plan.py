"""How long `policygraph validate corpus/<plan>.txt` takes end to end (issue 6: under 2 s).

Runs the command as a subprocess several times per plan, so interpreter start-up and the
imports (spaCy, jieba, pySHACL) are counted as a user pays them, and prints the median
wall-clock time, and the median CPU time (user + system) of the child, which stays
meaningful when other jobs share the two cores (the load average is printed too).

    .venv/bin/python benchmarks/validate_plan.py                 # every bundled plan, 5 runs
    .venv/bin/python benchmarks/validate_plan.py wanzhou --runs 9 --json
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT / "corpus"
LIMIT_SECONDS = 2.0


def time_validate(plan: Path, runs: int) -> tuple[list[float], list[float]]:
    """Wall-clock and CPU seconds of each run of `policygraph validate <plan>`."""
    command = [sys.executable, "-m", "policygraph", "validate", str(plan)]
    wall, cpu = [], []
    for _ in range(runs):
        before = resource.getrusage(resource.RUSAGE_CHILDREN)
        start = time.perf_counter()
        done = subprocess.run(command, capture_output=True, cwd=ROOT, check=False)
        wall.append(time.perf_counter() - start)
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
        cpu.append(after.ru_utime - before.ru_utime + after.ru_stime - before.ru_stime)
        if done.returncode not in (0, 1):
            raise SystemExit(f"{plan.name}: validate exited {done.returncode}: {done.stderr!r}")
    return wall, cpu


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("plans", nargs="*", help="plan names in corpus/ (default: all)")
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--json", action="store_true", help="print one JSON object")
    args = parser.parse_args()
    names = args.plans or sorted(p.stem for p in CORPUS.glob("*.txt"))
    medians, cpu_medians = {}, {}
    for name in names:
        wall, cpu = time_validate(CORPUS / f"{name}.txt", args.runs)
        medians[name] = round(statistics.median(wall), 3)
        cpu_medians[name] = round(statistics.median(cpu), 3)
        if not args.json:
            runs = " ".join(f"{s:.2f}" for s in wall)
            print(
                f"{name:10} median {medians[name]:.2f} s wall, {cpu_medians[name]:.2f} s cpu"
                f"   wall runs: {runs}"
            )
    load = round(os.getloadavg()[0], 2)
    if args.json:
        print(
            json.dumps(
                {
                    "validate_plan_median_s": medians,
                    "validate_plan_median_cpu_s": cpu_medians,
                    "load_average_1min": load,
                    "limit_s": LIMIT_SECONDS,
                }
            )
        )
    else:
        worst = max(medians.values())
        verdict = "within" if worst < LIMIT_SECONDS else "OVER"
        print(
            f"slowest median {worst:.2f} s wall ({max(cpu_medians.values()):.2f} s cpu): "
            f"{verdict} the {LIMIT_SECONDS:.0f} s budget; load average {load}"
        )


if __name__ == "__main__":
    main()
