"""Build CPU per plan, in one process, by stage (issue 16: at most 30 ms a plan).

Generates `--size` plans (benchmarks/generate.py, seed 2025), warms the pipeline and
lexicon on the first, and builds the others as a build worker does (`build_file`, then the
Turtle bytes `_build_and_write` writes), timing each stage with the process's CPU clock:
reading and normalising the text, the pipeline's extraction, the plan's triples, the
Turtle. A figure without start-up, process pool or the persistent store, so it shows
where a plan's own time goes; `make bench` measures the CLI build with all of that.

    .venv/bin/python benchmarks/build_cpu.py                 # 200 plans
    .venv/bin/python benchmarks/build_cpu.py --size 500 --json
"""

from __future__ import annotations

import argparse
import json
import os
import tempfile
import time
from itertools import pairwise
from pathlib import Path

from generate import write_corpus
from policygraph.build import has_policy_signal
from policygraph.graph import plan_triples
from policygraph.lexicon_data import load_lexicon
from policygraph.nlp import plan_from_text
from policygraph.normalize import normalize_text
from policygraph.read import read_plan
from policygraph.store import canonical_turtle

GOAL_SECONDS = 0.030
STAGES = ("read + normalize", "extraction (pipeline)", "triples", "Turtle")


def build_stages(path: Path) -> tuple[float, ...]:
    """CPU seconds of each stage of building one plan file (as `build_file` does)."""
    clock = [time.process_time()]
    source = read_plan(path)
    metadata = {key: normalize_text(value).text for key, value in source.metadata}
    normalized = normalize_text(source.text)
    clock.append(time.process_time())
    plan = plan_from_text(source.name, normalized, metadata)
    assert has_policy_signal(plan, normalized.text), path
    clock.append(time.process_time())
    triples = plan_triples(plan, load_lexicon())
    clock.append(time.process_time())
    canonical_turtle(triples)
    clock.append(time.process_time())
    return tuple(after - before for before, after in pairwise(clock))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--size", type=int, default=200)
    parser.add_argument("--json", action="store_true", help="print one JSON object")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="policygraph-build-cpu-") as folder:
        plans = write_corpus(Path(folder), args.size)
        files = [Path(folder) / f"{plan.name}.txt" for plan in plans]
        build_stages(files[0])  # loads the pipeline, the lexicon and the registry
        stages = [build_stages(path) for path in files[1:]]
    count = len(stages)
    per_plan = {name: sum(s[i] for s in stages) / count for i, name in enumerate(STAGES)}
    total = sum(per_plan.values())
    if args.json:
        print(
            json.dumps(
                {
                    "plans": count,
                    "cpu_per_plan_s": round(total, 4),
                    "stages_s": {k: round(v, 4) for k, v in per_plan.items()},
                    "goal_s": GOAL_SECONDS,
                    "load_average_1min": round(os.getloadavg()[0], 2),
                }
            )
        )
        return
    for name, seconds in per_plan.items():
        print(f"{name:22} {seconds * 1000:6.1f} ms  {seconds / total:4.0%}")
    verdict = "within" if total <= GOAL_SECONDS else "OVER"
    print(
        f"build CPU per plan {total * 1000:.1f} ms over {count} plans: {verdict} the"
        f" {GOAL_SECONDS * 1000:.0f} ms goal; load average {os.getloadavg()[0]:.2f}"
    )


if __name__ == "__main__":
    main()
