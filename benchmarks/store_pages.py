"""The persistent store's first page and total, and its write, on built graphs folders.

What `run.py --only store` measures of the store, without generating, building and the CLI
runs around it: for each library question (the cases of run.py), the first page of 20
rows and the total as the CLI asks them (warm, median [min–max] of `--repeat` runs) on
each folder given, smallest first, with the scaling exponent over the folders' plan
counts; with `--write`, the CPU seconds of writing each folder's store and text index
(the part of `build` after the Turtle).

    .venv/bin/python benchmarks/generate.py --size 1000 --out /tmp/plans
    .venv/bin/policygraph build /tmp/plans --out /tmp/graphs-1000
    .venv/bin/python benchmarks/store_pages.py /tmp/graphs-100 /tmp/graphs-1000 --write
"""

from __future__ import annotations

import argparse
import time
from pathlib import Path

from measure import repeat, seconds
from persisted import CLI_ROWS, exponent
from policygraph.persistent import READY_FILE, open_store, refresh_store, store_dir
from policygraph.query import Rows, run_query
from policygraph.store import PLANS_DIR
from stages import query_cases


def write_cpu(graphs: Path) -> float:
    """CPU seconds of rewriting the store and index of `graphs`."""
    (store_dir(graphs) / READY_FILE).unlink(missing_ok=True)
    started = time.process_time()
    refresh_store(graphs)
    return time.process_time() - started


def main() -> None:
    parser = argparse.ArgumentParser(description="the persistent store's pages and write")
    parser.add_argument("graphs", type=Path, nargs="+", help="built graphs folders")
    parser.add_argument("--repeat", type=int, default=7, help="runs per page")
    parser.add_argument("--write", action="store_true", help="also time each store write")
    args = parser.parse_args()
    folders = sorted(args.graphs, key=lambda g: len(list((g / PLANS_DIR).glob("*.ttl"))))
    sizes = [len(list((g / PLANS_DIR).glob("*.ttl"))) for g in folders]
    if args.write:
        for graphs, size in zip(folders, sizes, strict=True):
            cpu = write_cpu(graphs)
            print(f"store write, {size:,} plans: {seconds(cpu)} CPU, {seconds(cpu / size)} a plan")
    opened = [open_store(g) for g in folders]
    print("| query | kind | " + " | ".join(f"N={n:,}: rows, page" for n in sizes) + " | exponent |")
    print("|---|---|" + "---|" * len(sizes) + "---|")
    for case in query_cases(opened[-1].store):
        cells, medians = [], []
        for store in opened:
            timing, rows = repeat(
                lambda s=store, c=case: run_query(
                    s.store, c.query, c.values, index=s.index, limit=int(CLI_ROWS)
                ),
                args.repeat,
            )
            assert isinstance(rows, Rows)
            medians.append(timing.median)
            cells.append(f"{rows.count:,}, {timing.cell()}")
        kind = "corpus" if case.whole_corpus else "scoped"
        scaling = exponent(sizes, medians) if len(sizes) > 1 else 0.0
        print(f"| {case.label} | {kind} | " + " | ".join(cells) + f" | {scaling:.2f} |")


if __name__ == "__main__":
    main()
