"""How long `policygraph validate <plan>.txt` takes end to end (issue 14: under 1 s), and
per draft in a warm process (issue 16: under 150 ms).

Runs the command as a subprocess several times per plan, so interpreter start-up and the
imports (spaCy, rdflib, the SHACL engine) are counted as a user pays them, and prints the
median wall-clock time, the median CPU time (user + system) of the child, which stays
meaningful when other jobs share the two cores (the load average is printed too), and the
ratio of the CPU time to that of `python -c pass` measured alongside: a figure that does
not depend on how fast the machine is. One run per plan before the timed ones is left out:
it fills the lexicon cache (see lexicon_data.py) and the file cache, as any earlier run has
for a user. With `--against REF` the same command of an earlier commit (its source taken
with `git archive` into a temporary folder and run by the same interpreter) is timed
alternately with this one, run by run, so that both meet the same load; the ratios of the
medians (now / REF) are printed. Then the same plans through `api.validate_draft` in
this process, as the API and the explorer's validate page run them: the first call, which
loads the pipeline, lexicon, shapes and registry, is left out; the median wall and CPU
time of the calls after it are printed.

    .venv/bin/python benchmarks/validate_plan.py                 # every bundled plan, 5 runs
    .venv/bin/python benchmarks/validate_plan.py wanzhou --runs 9 --json
    .venv/bin/python benchmarks/validate_plan.py tests/data/drafts/county-draft.txt
    .venv/bin/python benchmarks/validate_plan.py --against 322e97d   # and the CLI of 322e97d
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import statistics
import subprocess
import sys
import tarfile
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT / "corpus"
LIMIT_SECONDS = 1.0
WARM_LIMIT_SECONDS = 0.150

Timings = tuple[list[float], list[float]]


def validate_command(plan: Path) -> list[str]:
    return [sys.executable, "-m", "policygraph", "validate", str(plan)]


def time_validate(plan: Path, runs: int, source: Path | None = None) -> tuple[Timings, Timings]:
    """Wall-clock and CPU seconds of each run of `policygraph validate <plan>`, and with
    `source` (another checkout's src/) of that code's, run alternately (else empty lists)."""
    other = {**os.environ, "PYTHONPATH": str(source)} if source else None
    for env in (None, other) if other else (None,):
        time_command(validate_command(plan), 1, env)  # the cache-filling run, left out
    now: Timings = ([], [])
    then: Timings = ([], [])
    for _ in range(runs):
        for env, into in ((None, now), (other, then)) if other else ((None, now),):
            wall, cpu = time_command(validate_command(plan), 1, env)
            into[0].extend(wall)
            into[1].extend(cpu)
    return now, then


def time_command(
    command: list[str], runs: int, env: dict[str, str] | None = None
) -> tuple[list[float], list[float]]:
    """Wall-clock and CPU seconds of each run of `command` (exit 0 or 1 expected)."""
    wall, cpu = [], []
    for _ in range(runs):
        before = resource.getrusage(resource.RUSAGE_CHILDREN)
        start = time.perf_counter()
        done = subprocess.run(command, capture_output=True, cwd=ROOT, check=False, env=env)
        wall.append(time.perf_counter() - start)
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
        cpu.append(after.ru_utime - before.ru_utime + after.ru_stime - before.ru_stime)
        if done.returncode not in (0, 1):
            raise SystemExit(f"{command[-1]}: exited {done.returncode}: {done.stderr!r}")
    return wall, cpu


@contextmanager
def checkout(ref: str) -> Iterator[Path]:
    """The src/ folder of commit `ref`, exported into a temporary folder for the run."""
    with tempfile.TemporaryDirectory(prefix="validate-plan-") as folder:
        archive = subprocess.run(
            ["git", "-C", str(ROOT), "archive", ref], capture_output=True, check=False
        )
        if archive.returncode != 0:
            raise SystemExit(f"--against {ref}: {archive.stderr.decode().strip()}")
        with tempfile.TemporaryFile() as stream:
            stream.write(archive.stdout)
            stream.seek(0)
            with tarfile.open(fileobj=stream) as tar:
                tar.extractall(folder, filter="data")
        yield Path(folder) / "src"


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
    parser.add_argument("--against", metavar="REF", help="also time the CLI of this commit")
    args = parser.parse_args()
    names = args.plans or sorted(p.stem for p in CORPUS.glob("*.txt"))
    with checkout(args.against) if args.against else _no_checkout() as source:
        measured = measure(names, args.runs, source)
    measured["against"] = args.against
    if args.json:
        print(json.dumps(measured))
    else:
        print_summary(measured)


@contextmanager
def _no_checkout() -> Iterator[None]:
    yield None


def measure(names: list[str], runs: int, source: Path | None) -> dict:
    """Every figure of the run, by plan name."""
    load_at_start = round(os.getloadavg()[0], 2)
    _, baseline = time_command([sys.executable, "-c", "pass"], runs)
    python_cpu = statistics.median(baseline)
    figures: dict = {
        key: {}
        for key in (
            "validate_plan_median_s",
            "validate_plan_median_cpu_s",
            "ratio_to_python_pass",
            "against_median_s",
            "against_median_cpu_s",
            "ratio_to_against",
            "ratio_to_against_cpu",
            "warm_validate_draft_median_s",
            "warm_validate_draft_median_cpu_s",
        )
    }
    for name in names:
        path = _plan_path(name)
        (wall, cpu), (then_wall, then_cpu) = time_validate(path, runs, source)
        figures["validate_plan_median_s"][name] = round(statistics.median(wall), 3)
        figures["validate_plan_median_cpu_s"][name] = round(statistics.median(cpu), 3)
        figures["ratio_to_python_pass"][name] = round(statistics.median(cpu) / python_cpu, 1)
        if source is not None:
            figures["against_median_s"][name] = round(statistics.median(then_wall), 3)
            figures["against_median_cpu_s"][name] = round(statistics.median(then_cpu), 3)
            figures["ratio_to_against"][name] = round(
                statistics.median(wall) / statistics.median(then_wall), 2
            )
            figures["ratio_to_against_cpu"][name] = round(
                statistics.median(cpu) / statistics.median(then_cpu), 2
            )
    for name in names:
        wall, cpu = time_warm(_plan_path(name), runs)
        figures["warm_validate_draft_median_s"][name] = round(statistics.median(wall), 4)
        figures["warm_validate_draft_median_cpu_s"][name] = round(statistics.median(cpu), 4)
    figures.update(
        python_pass_median_cpu_s=round(python_cpu, 3),
        load_average_1min_start=load_at_start,
        load_average_1min=round(os.getloadavg()[0], 2),
        limit_s=LIMIT_SECONDS,
        warm_limit_s=WARM_LIMIT_SECONDS,
    )
    return figures


def _plan_path(name: str) -> Path:
    return (Path(name) if name.endswith(".txt") else CORPUS / f"{name}.txt").resolve()


def print_summary(figures: dict) -> None:
    medians = figures["validate_plan_median_s"]
    cpu_medians = figures["validate_plan_median_cpu_s"]
    for name, wall in medians.items():
        line = (
            f"{name:10} median {wall:.2f} s wall, {cpu_medians[name]:.2f} s cpu"
            f" ({figures['ratio_to_python_pass'][name]:.0f}× python -c pass)"
        )
        if figures["against"]:
            line += (
                f"; {figures['against']}: {figures['against_median_s'][name]:.2f} s wall,"
                f" {figures['against_median_cpu_s'][name]:.2f} s cpu"
                f" (now/then {figures['ratio_to_against'][name]:.2f} wall,"
                f" {figures['ratio_to_against_cpu'][name]:.2f} cpu)"
            )
        print(line)
    warm, warm_cpu = (
        figures["warm_validate_draft_median_s"],
        figures["warm_validate_draft_median_cpu_s"],
    )
    for name in warm:
        print(
            f"{name:10} warm (api.validate_draft) median {warm[name] * 1000:.0f} ms wall,"
            f" {warm_cpu[name] * 1000:.0f} ms cpu"
        )
    print(
        _verdict("slowest median", medians, cpu_medians, LIMIT_SECONDS)
        + f"; python -c pass {figures['python_pass_median_cpu_s']:.3f} s cpu;"
        f" load average {figures['load_average_1min_start']} at the start,"
        f" {figures['load_average_1min']} at the end"
    )
    print(_verdict("slowest warm median", warm, warm_cpu, WARM_LIMIT_SECONDS))


def _verdict(what: str, wall: dict, cpu: dict, limit: float) -> str:
    """The slowest median and whether it is within `limit` (in ms below a second)."""
    scale, unit, digits = (1000, "ms", 0) if limit < 1 else (1, "s", 2)
    slowest = max(wall.values())
    verdict = "within" if slowest < limit else "OVER"
    return (
        f"{what} {slowest * scale:.{digits}f} {unit} wall"
        f" ({max(cpu.values()) * scale:.{digits}f} {unit} cpu):"
        f" {verdict} the {limit * scale:.0f} {unit} budget"
    )


if __name__ == "__main__":
    main()
