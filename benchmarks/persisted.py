"""The persistent store against the in-process path (issue 16), for benchmarks/run.py.

- the fixed cost of a CLI question: the interpreter, the CLI's imports, a trivial
  query on the persistent store, and what reading the Turtle costs instead;
- every library query on the persistent store with its text index (warm, and
  end to end from the CLI) against the Turtle loaded into memory and scanned;
- the scaling exponent of each query between a tenth of the corpus and all of it:
  log(t_N / t_N/10) / log(10), 0 for a query that does not grow with N, 1 linear.
"""

from __future__ import annotations

import math
import shutil
import sys
from pathlib import Path

import pyoxigraph as ox

from measure import Timing, repeat, repeat_command, seconds
from policygraph.build import build_corpus
from policygraph.persistent import READY_FILE, open_store, refresh_store, store_dir
from policygraph.query import run_query
from stages import QueryCase, query_cases

CLI_ROWS = "20"
"""Rows a CLI question shows (`--limit`): a page, with the total, as a user reads it."""
TRIVIAL = "SELECT ?s WHERE { ?s ?p ?o } LIMIT 1"


def exponent(small: float, large: float, ratio: float) -> float:
    """The scaling exponent k of t ∝ N^k between two sizes `ratio` apart."""
    return math.log(max(large, 1e-6) / max(small, 1e-6)) / math.log(ratio)


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


def small_corpus(texts: Path, work: Path, size: int, jobs: int) -> Path:
    """The first tenth of the generated plans, built (untimed) for the scaling exponent."""
    subset = work / "texts-tenth"
    subset.mkdir()
    for path in sorted(texts.iterdir())[: max(1, size // 10)]:
        shutil.copy(path, subset / path.name)
    build_corpus([subset], work / "graphs-tenth", jobs)
    return work / "graphs-tenth"


def query_rows(
    command: list[str], graphs: Path, small: Path, memory: ox.Store, times: int, size: int
) -> tuple[list[list[str]], list[tuple[str, bool, float, float]]]:
    """Per library query: rows, in-memory scan, persistent store (warm), CLI end to end, and
    the exponent; also (label, whole corpus, warm store seconds, CLI seconds) for the goals."""
    opened, tenth = open_store(graphs), open_store(small)
    rows, figures = [], []
    for case in query_cases(memory):
        answer = run_query(memory, case.query, case.values)
        in_memory, _ = repeat(lambda c=case: run_query(memory, c.query, c.values), times)

        def on_store(o=opened, c=case) -> object:  # type: ignore[no-untyped-def]
            return run_query(o.store, c.query, c.values, index=o.index)

        warm, _ = repeat(on_store, times)
        small_warm, _ = repeat(lambda c=case: on_store(tenth, c), times)
        cli = repeat_command(_cli_command(command, graphs, case), times)
        scaling = exponent(small_warm.median, warm.median, size / max(1, size // 10))
        rows.append(
            [
                case.label,
                "corpus" if case.whole_corpus else "scoped",
                f"{len(answer.rows):,}",
                in_memory.cell(),
                warm.cell(),
                cli.cell(),
                seconds(small_warm.median),
                f"{scaling:.2f}",
            ]
        )
        figures.append((case.label, case.whole_corpus, warm.median, cli.median))
    return rows, figures
