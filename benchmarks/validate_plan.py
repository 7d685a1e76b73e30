"""How long `policygraph validate <plan>.txt` takes end to end (issue 14: under 1 s), and
per draft in a warm process (issue 16: under 150 ms).

Runs the command as a subprocess several times per plan, so interpreter start-up and the
imports (spaCy, rdflib, the SHACL engine) are counted as a user pays them, and prints the
median wall-clock time, the median CPU time (user + system) of the child, which stays
meaningful when other jobs share the two cores (the load average is printed too), and the
ratio of the CPU time to that of `python -c pass` measured alongside: a figure that does
not depend on how fast the machine is. Then the same plans through `api.validate_draft` in
this process, as the API and the explorer's validate page run them: the first call, which
loads the pipeline, lexicon, shapes and registry, is left out; the median wall and CPU
time of the calls after it are printed.

    .venv/bin/python benchmarks/validate_plan.py                 # every bundled plan, 5 runs
    .venv/bin/python benchmarks/validate_plan.py wanzhou --runs 9 --json
    .venv/bin/python benchmarks/validate_plan.py tests/data/drafts/county-draft.txt
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
LIMIT_SECONDS = 1.0
WARM_LIMIT_SECONDS = 0.150


def time_validate(plan: Path, runs: int) -> tuple[list[float], list[float]]:
    """Wall-clock and CPU seconds of each run of `policygraph validate <plan>`."""
    return time_command([sys.executable, "-m", "policygraph", "validate", str(plan)], runs)


def time_command(command: list[str], runs: int) -> tuple[list[float], list[float]]:
    """Wall-clock and CPU seconds of each run of `command` (exit 0 or 1 expected)."""
    wall, cpu = [], []
    for _ in range(runs):
        before = resource.getrusage(resource.RUSAGE_CHILDREN)
        start = time.perf_counter()
        done = subprocess.run(command, capture_output=True, cwd=ROOT, check=False)
        wall.append(time.perf_counter() - start)
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
        cpu.append(after.ru_utime - before.ru_utime + after.ru_stime - before.ru_stime)
        if done.returncode not in (0, 1):
            raise SystemExit(f"{command[-1]}: exited {done.returncode}: {done.stderr!r}")
    return wall, cpu


def time_warm(plan: Path, runs: int) -> tuple[list[float], list[float]]:
    """Wall-clock and CPU seconds of each `api.validate_draft` of the plan's bytes in this
    process, after one call that loads what every later call reuses."""
    from policygraph.api import validate_draft

    data = plan.read_bytes()
    validate_draft(plan.name, data)
    wall, cpu = [], []
    for _ in range(runs):
        start, start_cpu = time.perf_counter(), time.process_time()
        validate_draft(plan.name, data)
        cpu.append(time.process_time() - start_cpu)
        wall.append(time.perf_counter() - start)
    return wall, cpu


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "plans", nargs="*", help="plan names in corpus/ or plan files (default: all of corpus/)"
    )
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--json", action="store_true", help="print one JSON object")
    args = parser.parse_args()
    names = args.plans or sorted(p.stem for p in CORPUS.glob("*.txt"))
    _, baseline = time_command([sys.executable, "-c", "pass"], args.runs)
    python_cpu = statistics.median(baseline)
    medians, cpu_medians, ratios, warm, warm_cpu = {}, {}, {}, {}, {}
    for name in names:
        path = Path(name) if name.endswith(".txt") else CORPUS / f"{name}.txt"
        wall, cpu = time_validate(path.resolve(), args.runs)
        medians[name] = round(statistics.median(wall), 3)
        cpu_medians[name] = round(statistics.median(cpu), 3)
        ratios[name] = round(statistics.median(cpu) / python_cpu, 1)
        if not args.json:
            runs = " ".join(f"{s:.2f}" for s in wall)
            print(
                f"{name:10} median {medians[name]:.2f} s wall, {cpu_medians[name]:.2f} s cpu"
                f" ({ratios[name]:.0f}× python -c pass)   wall runs: {runs}"
            )
    for name in names:
        path = Path(name) if name.endswith(".txt") else CORPUS / f"{name}.txt"
        wall, cpu = time_warm(path.resolve(), args.runs)
        warm[name] = round(statistics.median(wall), 4)
        warm_cpu[name] = round(statistics.median(cpu), 4)
        if not args.json:
            print(
                f"{name:10} warm (api.validate_draft) median {warm[name] * 1000:.0f} ms wall,"
                f" {warm_cpu[name] * 1000:.0f} ms cpu"
            )
    load = round(os.getloadavg()[0], 2)
    if args.json:
        print(
            json.dumps(
                {
                    "validate_plan_median_s": medians,
                    "validate_plan_median_cpu_s": cpu_medians,
                    "python_pass_median_cpu_s": round(python_cpu, 3),
                    "ratio_to_python_pass": ratios,
                    "warm_validate_draft_median_s": warm,
                    "warm_validate_draft_median_cpu_s": warm_cpu,
                    "load_average_1min": load,
                    "limit_s": LIMIT_SECONDS,
                    "warm_limit_s": WARM_LIMIT_SECONDS,
                }
            )
        )
    else:
        worst = max(medians.values())
        verdict = "within" if worst < LIMIT_SECONDS else "OVER"
        print(
            f"slowest median {worst:.2f} s wall ({max(cpu_medians.values()):.2f} s cpu): "
            f"{verdict} the {LIMIT_SECONDS:.0f} s budget; python -c pass {python_cpu:.3f} s cpu;"
            f" load average {load}"
        )
        slowest = max(warm.values())
        verdict = "within" if slowest < WARM_LIMIT_SECONDS else "OVER"
        print(
            f"slowest warm median {slowest * 1000:.0f} ms wall ({max(warm_cpu.values()) * 1000:.0f}"
            f" ms cpu): {verdict} the {WARM_LIMIT_SECONDS * 1000:.0f} ms budget"
        )


if __name__ == "__main__":
    main()
