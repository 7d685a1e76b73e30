"""The persistent store against the in-process path (issue 16), for benchmarks/run.py.

- the fixed cost of a CLI question: the interpreter, the CLI's imports, a trivial
  query on the persistent store, and what reading the Turtle costs instead;
- every library query on the persistent store with its text index and kept answers,
  as the CLI asks it (the first page of 20 rows and the total: what a user waits for;
  warm, and end to end from the CLI), and every row of it, against the Turtle loaded into
  memory and scanned; the rows of the whole answer at each size, so that a question whose
  answer grows with N shows it;
- the scaling exponent of each query over N/30, N/3 and N (100, 1,000 and 3,000 plans at
  the full size): the slope of log t against log N, fitted by least squares, 0 for a
  query that does not grow with N, 1 for one that grows linearly;
- rdflib's in-memory Graph as the ratio, from the in-process figures of run.py.
"""

from __future__ import annotations

import math
import shutil
import sys
from dataclasses import dataclass
from pathlib import Path

import pyoxigraph as ox

from measure import Timing, repeat, repeat_command, seconds
from policygraph.build import build_corpus
from policygraph.persistent import READY_FILE, open_store, refresh_store, store_dir
from policygraph.query import Rows, run_query
from stages import QueryCase, query_cases

CLI_ROWS = "20"
"""Rows a CLI question shows (`--limit`): a page, with the total, as a user reads it."""
TRIVIAL = "SELECT ?s WHERE { ?s ?p ?o } LIMIT 1"


def exponent(sizes: list[int], times: list[float]) -> float:
    """The scaling exponent k of t ∝ N^k: the least-squares slope of log t on log N."""
    xs = [math.log(n) for n in sizes]
    ys = [math.log(max(t, 1e-6)) for t in times]
    mean_x, mean_y = sum(xs) / len(xs), sum(ys) / len(ys)
    spread = sum((x - mean_x) ** 2 for x in xs)
    return sum((x - mean_x) * (y - mean_y) for x, y in zip(xs, ys, strict=True)) / spread


def scaling_sizes(size: int) -> list[int]:
    """The smaller corpora the exponent is fitted over with `size`: N/30 and N/3."""
    return sorted({max(1, size // 30), max(1, size // 3)} - {size})


def fixed_cost(command: list[str], graphs: Path, times: int) -> list[list[str]]:
    """The parts of a CLI question that do not depend on the question."""
    python = repeat_command([sys.executable, "-c", "pass"], times)
    imports = repeat_command([sys.executable, "-c", "import policygraph.cli"], times)
    trivial = repeat_command([*command, "query", TRIVIAL, "--graphs", str(graphs)], times)
    return [
        ["Python start-up (`python -c pass`)", python.cell(), python.cpu_cell()],
        ["+ the CLI's imports (`import policygraph.cli`)", imports.cell(), imports.cpu_cell()],
        [f"`policygraph query '{TRIVIAL}'` (persistent store)", trivial.cell(), trivial.cpu_cell()],
    ]


def store_write(graphs: Path, times: int) -> tuple[Timing, Timing]:
    """Writing the persistent store from the Turtle (what `build` adds), and opening it."""

    def rewrite() -> Path:
        (store_dir(graphs) / READY_FILE).unlink()
        return refresh_store(graphs)

    written, _ = repeat(rewrite, times)
    opened, _ = repeat(lambda: open_store(graphs), times)
    return written, opened


def _cli_command(command: list[str], graphs: Path, case: QueryCase) -> list[str]:
    parameters = [part for k, v in case.values.items() for part in ("--param", f"{k}={v}")]
    name = case.label.split(" ", 1)[0]
    page = ("--limit", CLI_ROWS, "--format", "csv")
    return [*command, "query", name, *parameters, "--graphs", str(graphs), *page]


def smaller_corpora(texts: Path, work: Path, sizes: list[int], jobs: int) -> dict[int, Path]:
    """The first n of the generated plans for each n of `sizes`, built (untimed)."""
    built = {}
    for count in sizes:
        subset = work / f"texts-{count}"
        subset.mkdir()
        for path in sorted(texts.glob("*.txt"))[:count]:  # not manifest.json
            shutil.copy(path, subset / path.name)
        build_corpus([subset], work / f"graphs-{count}", jobs)
        built[count] = work / f"graphs-{count}"
    return built


@dataclass(frozen=True)
class InProcess:
    """A query's in-process figures from run.py: warm on the Turtle loaded into memory, and
    rdflib's in-memory Graph (seconds; None when not run; the cap when `stopped` there)."""

    in_memory: Timing
    rdflib: float | None
    stopped: bool = False

    def against(self, store: float) -> str:
        """rdflib's time as a multiple of the persistent store's."""
        if self.rdflib is None:
            return "—"
        return f"> {self.rdflib / store:,.0f}×" if self.stopped else f"{self.rdflib / store:,.1f}×"


def query_rows(
    command: list[str],
    graphs: Path,
    smaller: dict[int, Path],
    memory: ox.Store,
    times: int,
    size: int,
    measured: dict[str, InProcess],
) -> tuple[list[list[str]], list[tuple[str, bool, float, float, float]]]:
    """Per library query: the rows of the whole answer at N and at each smaller size, the
    in-memory scan, the persistent store's first page with the total (what the CLI shows:
    `--limit 20`, warm) and every row of it, rdflib's ratio to the page, the CLI end to end,
    the page at each smaller size and the exponent; also (label, whole corpus, warm page
    seconds, CLI seconds, exponent) for the goals. The in-memory and rdflib timings come
    from `measured` where run.py took them already."""
    opened = open_store(graphs)
    others = {count: open_store(path) for count, path in smaller.items()}
    page_size = int(CLI_ROWS)
    rows, figures = [], []
    for case in query_cases(memory):
        known = measured.get(case.label)
        if known is None:
            timing, _ = repeat(lambda c=case: run_query(memory, c.query, c.values), times)
            known = InProcess(timing, None)

        def page(o=opened, c=case) -> Rows:  # type: ignore[no-untyped-def]
            return run_query(o.store, c.query, c.values, index=o.index, limit=page_size)

        warm, first = repeat(page, times)
        assert isinstance(first, Rows)
        every, _ = repeat(
            lambda c=case: run_query(opened.store, c.query, c.values, index=opened.index), 1
        )
        by_size = {}
        for count, other in others.items():
            timing, smaller_page = repeat(lambda o=other, c=case: page(o, c), times)
            assert isinstance(smaller_page, Rows)
            by_size[count] = (timing.median, smaller_page.count)
        cli = repeat_command(_cli_command(command, graphs, case), times)
        sizes = [*by_size, size]
        scaling = exponent(sizes, [*(t for t, _ in by_size.values()), warm.median])
        rows.append(
            [
                case.label,
                "corpus" if case.whole_corpus else "scoped",
                " / ".join(f"{n:,}" for _, n in by_size.values()) + f" / {first.count:,}",
                known.in_memory.cell(),
                warm.cell(),
                every.cell(),
                known.against(every.median),
                cli.cell(),
                *(seconds(t) for t, _ in by_size.values()),
                f"{scaling:.2f}",
            ]
        )
        figures.append((case.label, case.whole_corpus, warm.median, cli.median, scaling))
    return rows, figures
