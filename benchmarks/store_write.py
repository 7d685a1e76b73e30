"""Where the store write of a build goes: the CPU of each step of `refresh_store`.

The part of `build` after the Turtle (issue 16: build CPU per plan) on a built graphs
folder, step by step, each timed with the process's CPU clock (Oxigraph's own threads
included): the Turtle read into the in-memory store, its copy into the on-disk store,
`optimize`, the text index, and the kept answers (with each kept query's evaluation by
Oxigraph alone, every row read but none kept: the rest of its step is Python and SQLite);
then the whole `refresh_store`, `--repeat` times.

    .venv/bin/python benchmarks/generate.py --size 1000 --out /tmp/plans
    .venv/bin/policygraph build /tmp/plans --out /tmp/graphs-1000
    .venv/bin/python benchmarks/store_write.py /tmp/graphs-1000 --repeat 3
"""

from __future__ import annotations

import argparse
import sqlite3
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from statistics import median
from typing import TypeVar

import pyoxigraph as ox

from measure import seconds
from policygraph.answers import fill_answers, is_kept, kept_parameters
from policygraph.persistent import READY_FILE, refresh_store, store_dir
from policygraph.query import inline_values, library, parameter_term
from policygraph.store import PLANS_DIR, load_store, write_store
from policygraph.text_index import fill_index

T = TypeVar("T")


def cpu(action: Callable[[], T]) -> tuple[float, T]:
    """The CPU seconds of `action` and what it returned."""
    started = time.process_time()
    result = action()
    return time.process_time() - started, result


def kept_text(name: str) -> str:
    """The text a kept query is run with (its textual parameter as "", as `answers` does)."""
    query = library()[name]
    textual = next((k for k in kept_parameters(query).values() if k.how != "equals"), None)
    if textual is None:
        return query.text
    parameter = next(p for p in query.parameters if p.name == textual.name)
    return inline_values(query.text, {textual.name: [parameter_term(parameter, "")]})


def steps(graphs: Path, plans: int) -> None:
    """Print the CPU of each step of the store write of `graphs`."""
    spent, memory = cpu(lambda: load_store(graphs))
    print(f"| Turtle into the in-memory store | {seconds(spent)} | {seconds(spent / plans)} |")
    with tempfile.TemporaryDirectory(dir=graphs, prefix=".store-bench-") as folder:
        location = Path(folder) / "oxigraph"
        spent, _ = cpu(lambda: write_store(memory, location))
        print(f"| its copy into the on-disk store | {seconds(spent)} | {seconds(spent / plans)} |")
        spent, _ = cpu(lambda: ox.Store(str(location)).optimize())
        print(f"| optimize | {seconds(spent)} | {seconds(spent / plans)} |")
    spent, _ = cpu(lambda: fill_index(memory, sqlite3.connect(":memory:")))
    print(f"| text index | {seconds(spent)} | {seconds(spent / plans)} |")
    spent, _ = cpu(lambda: fill_answers(memory, sqlite3.connect(":memory:")))
    print(f"| kept answers | {seconds(spent)} | {seconds(spent / plans)} |")
    for name in sorted(n for n, q in library().items() if is_kept(q)):
        text = kept_text(name)
        spent, rows = cpu(lambda t=text: sum(1 for _ in memory.query(t)))  # type: ignore[misc]
        print(f"| … {name}: Oxigraph alone, {rows:,} rows | {seconds(spent)} | |")


def main() -> None:
    parser = argparse.ArgumentParser(description="the CPU of each step of the store write")
    parser.add_argument("graphs", type=Path, help="a built graphs folder")
    parser.add_argument("--repeat", type=int, default=1, help="timed runs of refresh_store")
    args = parser.parse_args()
    plans = len(list((args.graphs / PLANS_DIR).glob("*.ttl")))
    print(f"{plans:,} plans in {args.graphs}\n")
    print("| step | CPU | a plan |\n|---|---|---|")
    steps(args.graphs, plans)
    runs = []
    for _ in range(args.repeat):
        (store_dir(args.graphs) / READY_FILE).unlink(missing_ok=True)
        spent, _ = cpu(lambda: refresh_store(args.graphs))
        runs.append(spent)
    print(
        f"| refresh_store, {args.repeat} run(s): "
        + " / ".join(seconds(r) for r in runs)
        + f" | {seconds(median(runs))} | {seconds(median(runs) / plans)} |"
    )


if __name__ == "__main__":
    main()
