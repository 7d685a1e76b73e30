"""The benchmark suite: build, load, query, trace, analyze and validate on a
generated corpus of N plans, with the embedded store (pyoxigraph) and rdflib's
in-memory store side by side.

    make bench                       # N = 100
    .venv/bin/python benchmarks/run.py --size 100 --only validate   # the validate rows only
    .venv/bin/python benchmarks/run.py --size 3000 --only store     # persistent store vs in memory
    .venv/bin/python benchmarks/run.py --size 3000 --only queries   # every query all ways, validate
    SIZE=3000 make bench             # the full size
    .venv/bin/python benchmarks/run.py --size 3000 --results benchmarks/RESULTS.md

Every figure is a median over `--repeat` runs with [min–max] (above 100 plans the
builds, the store write and rdflib's figures run once: each takes minutes); the generated
texts and built graphs live in a temporary folder that is removed afterwards.
"""

from __future__ import annotations

import argparse
import os
import shlex
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

from drafts import write_county_draft
from generate import write_corpus
from measure import Timing, machine, mebibytes, repeat, repeat_command, resident_bytes, seconds
from persisted import (
    InProcess,
    fixed_cost,
    query_rows,
    scaling_sizes,
    smaller_corpora,
    store_write,
)
from policygraph.build import build_corpus
from policygraph.query import run_query
from policygraph.store import load_graph, load_store
from stages import (
    count_targets,
    draft_context_command,
    query_cases,
    repeat_capped,
    run_analyze,
    run_rdflib_query,
    serialization_sample,
    trace_cases,
)
from validate_plan import WARM_LIMIT_SECONDS, time_warm

BUILD_GOAL = 180.0
MEMORY_GOAL = 4 * 2**30
QUERY_GOAL, AGGREGATE_GOAL, VALIDATE_GOAL = 0.1, 1.0, 1.0
BUILD_CPU_GOAL = 0.030
"""CPU seconds a plan for a one-process build, start-up included (issue 16)."""
CLI_GOAL, CLI_AGGREGATE_GOAL, SCOPED_EXPONENT_GOAL = 0.3, 1.5, 0.2
FULL_SIZE = 3000
SMALL_SIZE = 100
"""Above this many plans a build or a store write takes minutes: timed once unless asked."""


def long_runs(args: argparse.Namespace) -> int:
    """Runs of a timed build, which takes minutes above SMALL_SIZE plans:
    `--long-repeat`, else `--repeat` up to SMALL_SIZE plans and one run above."""
    if args.long_repeat is not None:
        return int(args.long_repeat)
    return int(args.repeat) if args.size <= SMALL_SIZE else 1


def policygraph_command() -> list[str]:
    script = Path(sys.executable).parent / "policygraph"
    return [str(script)] if script.is_file() else [sys.executable, "-m", "policygraph"]


class Report:
    """The Markdown the run prints and, with --results, writes."""

    def __init__(self) -> None:
        self.lines: list[str] = []
        self.goals: list[str] = []

    def table(self, title: str, header: list[str], rows: list[list[str]]) -> None:
        self.lines += [f"### {title}", "", "| " + " | ".join(header) + " |"]
        self.lines.append("|" + "---|" * len(header))
        self.lines += ["| " + " | ".join(row) + " |" for row in rows]
        self.lines.append("")
        print("\n".join(self.lines[-len(rows) - 5 :]), flush=True)

    def goal(self, text: str, value: float, limit: float, size: int) -> None:
        verdict = "met" if value < limit else f"MISSED by {value / limit - 1:.0%}"
        if size != FULL_SIZE:
            verdict += f" (at N={size}; the goal is for N={FULL_SIZE})"
        self.goals.append(f"- {text}: {verdict}")


def ratio(rdflib: Timing | None, oxigraph: Timing, cap: float | None = None) -> str:
    if rdflib is None:
        return "—" if cap is None else f"> {cap / oxigraph.median:,.0f}×"
    return f"{rdflib.median / oxigraph.median:,.1f}×"


def capped_cell(timing: Timing | None, cap: float) -> str:
    return timing.cell() if timing is not None else f"> {seconds(cap)} (stopped)"


def bench_build(
    report: Report, texts: Path, work: Path, size: int, times: int, jobs: list[int]
) -> Path:
    rows, outputs = [], []
    for count in jobs:
        out = work / f"graphs-jobs{count}"
        command = [*policygraph_command(), "build", str(texts), "--out", str(out)]
        timing = repeat_command(
            [*command, "--jobs", str(count)], times, before=lambda o=out: shutil.rmtree(o, True)
        )
        outputs.append(out)
        cpu_per_plan = statistics.median(timing.cpu) / size if timing.cpu else None
        rows.append(
            [
                f"build, {count} process{'es' if count > 1 else ''}",
                timing.cell(),
                timing.cpu_cell(),
                seconds(cpu_per_plan) if cpu_per_plan is not None else "—",
                f"{size / timing.median:,.1f}",
                mebibytes(timing.peak_bytes),
            ]
        )
        if count == 1 and cpu_per_plan is not None:
            report.goal(
                f"build CPU per plan at most {seconds(BUILD_CPU_GOAL)} ({seconds(cpu_per_plan)},"
                " one process, start-up included)",
                cpu_per_plan,
                BUILD_CPU_GOAL,
                size,
            )
        report.goal(
            f"build {size} plans with {count} job(s) under {BUILD_GOAL:.0f} s "
            f"({seconds(timing.median)}), memory under 4 GiB ({mebibytes(timing.peak_bytes)})",
            max(timing.median / BUILD_GOAL, (timing.peak_bytes or 0) / MEMORY_GOAL),
            1.0,
            size,
        )
    same = all(_same_tree(outputs[0], other) for other in outputs[1:])
    rows.append(
        ["outputs of all job counts byte-identical", "yes" if same else "NO", "", "", "", ""]
    )
    report.table(
        "Build: plan texts → Turtle files (CLI, start-up included)",
        ["what", "wall time", "CPU time", "CPU per plan", "plans/s", "peak memory (process tree)"],
        rows,
    )
    return outputs[-1]


def _same_tree(a: Path, b: Path) -> bool:
    files_a = sorted(p.relative_to(a) for p in a.rglob("*.ttl"))
    files_b = sorted(p.relative_to(b) for p in b.rglob("*.ttl"))
    return files_a == files_b and all((a / f).read_bytes() == (b / f).read_bytes() for f in files_a)


def bench_load(report: Report, graphs: Path, times: int, rdflib_times: int, use_rdflib: bool):  # type: ignore[no-untyped-def]
    before = resident_bytes()
    ox_timing, store = repeat(lambda: load_store(graphs), times)
    ox_memory = resident_bytes() - before
    triples = len(store)  # type: ignore[arg-type]
    rows = [["pyoxigraph Store", ox_timing.cell(), f"{triples / ox_timing.median:,.0f}"]]
    graph, rdf_timing = None, None
    if use_rdflib:
        before = resident_bytes()
        rdf_timing, graph = repeat(lambda: load_graph(graphs), rdflib_times)
        rows.append(["rdflib Graph", rdf_timing.cell(), f"{triples / rdf_timing.median:,.0f}"])
        rows.append(["rdflib / pyoxigraph", ratio(rdf_timing, ox_timing), ""])
        memory = f"pyoxigraph {mebibytes(ox_memory)}, rdflib {mebibytes(resident_bytes() - before)}"
    else:
        memory = f"pyoxigraph {mebibytes(ox_memory)}"
    turtle = sum(p.stat().st_size for p in graphs.rglob("*.ttl"))
    rows.append([f"{triples:,} triples, {turtle / 2**20:,.0f} MiB of Turtle", "", memory])
    report.table(
        "Load: the built graphs into a store", ["store", "time", "triples/s or memory"], rows
    )
    return store, graph


def bench_serialize(report: Report, graphs: Path, use_rdflib: bool) -> None:
    if not use_rdflib:
        return
    count, ox_timing, rdf_timing = serialization_sample(graphs)
    report.table(
        f"Serialize: {count} plan graphs (rdflib API in, Turtle bytes out)",
        ["engine", "time for the sample", "ratio"],
        [
            ["pyoxigraph (policygraph.store.graph_to_turtle)", ox_timing.cell(), ""],
            ["rdflib Graph.serialize(format='turtle')", rdf_timing.cell(), ""],
            ["rdflib / pyoxigraph", "", ratio(rdf_timing, ox_timing)],
        ],
    )


def bench_queries(  # type: ignore[no-untyped-def]
    report: Report, store, graph, times: int, rdflib_times: int, size: int, cap: float
) -> dict[str, InProcess]:
    """Every library query in process on the Turtle loaded into memory, against rdflib; the
    timings by query label, for the persistent store's table."""
    rows, measured = [], {}
    for case in query_cases(store):
        start = time.perf_counter()
        answer = run_query(store, case.query, case.values)
        first = time.perf_counter() - start
        warm, _ = repeat(lambda c=case: run_query(store, c.query, c.values), times)
        rdf_cell, rdf_ratio = "—", "—"
        measured[case.label] = InProcess(warm, None)
        if graph is not None:
            rdf_timing = repeat_capped(
                lambda c=case: run_rdflib_query(graph, c.query, c.values), rdflib_times, cap
            )
            rdf_cell, rdf_ratio = capped_cell(rdf_timing, cap), ratio(rdf_timing, warm, cap)
            stopped = rdf_timing is None
            measured[case.label] = InProcess(warm, cap if stopped else rdf_timing.median, stopped)
        limit = AGGREGATE_GOAL if case.whole_corpus else QUERY_GOAL
        rows.append(
            [
                case.label,
                "corpus" if case.whole_corpus else "scoped",
                f"{len(answer.rows):,}",
                seconds(first),
                warm.cell(),
                rdf_cell,
                rdf_ratio,
            ]
        )
        report.goal(
            f"query {case.label} under {seconds(limit)} ({seconds(warm.median)})",
            warm.median,
            limit,
            size,
        )
    report.table(
        "Query: every library query on the N-plan graph (warm: median [min–max])",
        ["query", "kind", "rows", "first run", "warm", "rdflib", "rdflib / pyoxigraph"],
        rows,
    )
    return measured


def bench_trace_analyze(  # type: ignore[no-untyped-def]
    report: Report, store, graph, times: int, rdflib_times: int, cap: float
) -> None:
    rows = []
    for label, on_store, on_graph in trace_cases(store, graph):
        timing, found = repeat(on_store, times)
        rdf_cell, rdf_ratio = "—", "—"
        if on_graph is not None:
            rdf_timing = repeat_capped(on_graph, rdflib_times, cap)
            rdf_cell, rdf_ratio = capped_cell(rdf_timing, cap), ratio(rdf_timing, timing, cap)
        rows.append([label, f"{found:,}", timing.cell(), rdf_cell, rdf_ratio])
    analyzed = run_analyze(store, times)
    rows.append(
        analyzed if analyzed else ["analyze", "skipped: no policygraph.analyze", "", "", ""]
    )
    report.table(
        "Trace and analyze on the N-plan graph",
        ["what", "rows", "pyoxigraph", "rdflib", "rdflib / pyoxigraph"],
        rows,
    )


def bench_validate(report: Report, draft: Path, graphs: Path, times: int, size: int) -> None:
    command = [*policygraph_command(), "validate", str(draft)]
    alone = repeat_command(command, times, ok=(0, 1))
    rows = [
        [
            "validate draft.txt, alone (registry context)",
            alone.cell(),
            alone.cpu_cell(),
            mebibytes(alone.peak_bytes),
        ]
    ]
    report.goal(
        f"`validate draft.txt` under 1 s end to end ({seconds(alone.median)})",
        alone.median,
        VALIDATE_GOAL,
        size,
    )
    wall, cpu = time_warm(draft, times)
    warm = Timing(tuple(wall), cpu=tuple(cpu))
    rows.append(
        [
            "validate draft.txt, warm (api.validate_draft in one process)",
            warm.cell(),
            warm.cpu_cell(),
            "",
        ]
    )
    report.goal(
        f"a draft validated in a warm process under {seconds(WARM_LIMIT_SECONDS)}"
        f" ({seconds(warm.median)})",
        warm.median,
        WARM_LIMIT_SECONDS,
        size,
    )
    with_context = draft_context_command(command, graphs)
    if with_context is None:
        rows.append(["validate draft.txt against the N-plan context", "skipped: no option", "", ""])
    else:
        timing = repeat_command(with_context, times, ok=(0, 1))
        rows.append(
            [
                "validate draft.txt against the N-plan context",
                timing.cell(),
                timing.cpu_cell(),
                mebibytes(timing.peak_bytes),
            ]
        )
        report.goal(
            f"`validate draft.txt` with the N-plan context under 1 s ({seconds(timing.median)})",
            timing.median,
            VALIDATE_GOAL,
            size,
        )
    report.table(
        "Validate: one county draft implementing plan-00001, from its text, end to end "
        "(CLI, start-up included; pySHACL runs on rdflib, so no ratio)",
        ["what", "wall time", "CPU time", "peak memory"],
        rows,
    )


def bench_persistent(  # type: ignore[no-untyped-def]
    report: Report,
    graphs: Path,
    texts: Path,
    work: Path,
    memory,
    size: int,
    times: int,
    measured: dict[str, InProcess],
) -> None:
    """The persistent store against the Turtle read per call, and every query both ways,
    with rdflib's memory store as the ratio and the exponent over N/30, N/3 and N."""
    command = policygraph_command()
    written, opened = store_write(graphs, times if size <= SMALL_SIZE else 1)
    loaded, _ = repeat(lambda: load_store(graphs), 1)
    rows = fixed_cost(command, graphs, times)
    rows += [
        ["open the persistent store (in-process)", opened.cell(), ""],
        ["read the Turtle into memory instead (each CLI call before)", loaded.cell(), ""],
        ["write the persistent store and text index (part of `build`)", written.cell(), ""],
    ]
    report.table(
        "CLI: the fixed cost of a question (start-up included)",
        ["what", "wall time", "CPU time"],
        rows,
    )
    trivial = repeat_command(
        [*command, "query", "SELECT ?s WHERE { ?s ?p ?o } LIMIT 1", "--graphs", str(graphs)], times
    )
    report.goal(
        f"a trivial CLI query under {seconds(CLI_GOAL)} ({seconds(trivial.median)})",
        trivial.median,
        CLI_GOAL,
        size,
    )
    sizes = scaling_sizes(size)
    smaller = smaller_corpora(texts, work, sizes, os.cpu_count() or 1)
    table, figures = query_rows(command, graphs, smaller, memory, times, size, measured)
    report.table(
        "Query: every library query in process on the Turtle in memory (every row), on the "
        "persistent store with its text index and kept answers as the CLI asks it (the first "
        "page of 20 rows and the total), every row of it (the API without a limit, one run), "
        "and from the CLI end to end with --limit 20 (warm, median [min–max]); rdflib's "
        "in-memory Graph as a multiple of the store's every row; the rows of the whole answer and "
        f"the page at N={', '.join(f'{n:,}' for n in sizes)}, and the exponent of the page "
        "fitted over those and N",
        [
            "query",
            "kind",
            f"rows at N={' / '.join(f'{n:,}' for n in [*sizes, size])}",
            "in process, Turtle in memory",
            "store: first page + total",
            "store: every row",
            "rdflib / store (every row)",
            "CLI",
            *(f"page at N={n:,}" for n in sizes),
            "exponent",
        ],
        table,
    )
    for label, whole, warm, cli, scaling in figures:
        limit = CLI_AGGREGATE_GOAL if whole else CLI_GOAL
        report.goal(f"CLI {label} under {seconds(limit)} ({seconds(cli)})", cli, limit, size)
        if whole:
            report.goal(
                f"store query {label}, first page and total, under {seconds(AGGREGATE_GOAL)}"
                f" ({seconds(warm)})",
                warm,
                AGGREGATE_GOAL,
                size,
            )
        else:
            report.goal(
                f"scoped {label} does not grow with N "
                f"(exponent {scaling:.2f} < {SCOPED_EXPONENT_GOAL})",
                max(scaling, 0.0),
                SCOPED_EXPONENT_GOAL,
                size,
            )


def bench_all_but_validate(  # type: ignore[no-untyped-def]
    report: Report, args, work: Path, plans: list, rdflib_times: int
) -> Path:
    cores = os.cpu_count() or 1
    builds = long_runs(args)
    graphs = bench_build(report, work / "texts", work, args.size, builds, sorted({1, cores}))
    found, stated = count_targets(graphs, plans)
    report.lines += [
        f"Targets found in the graphs / stated in the texts: {found:,} / {stated:,}.",
        "",
    ]
    print(report.lines[-2], flush=True)
    store, graph = bench_load(report, graphs, args.repeat, rdflib_times, not args.no_rdflib)
    bench_serialize(report, graphs, not args.no_rdflib)
    cap = args.rdflib_cap
    measured = bench_queries(report, store, graph, args.repeat, rdflib_times, args.size, cap)
    bench_trace_analyze(report, store, graph, args.repeat, rdflib_times, cap)
    bench_persistent(report, graphs, work / "texts", work, store, args.size, args.repeat, measured)
    return graphs


def build_once(report: Report, work: Path, size: int, cores: int) -> Path:
    """The corpus built once in process with all cores; its CPU time (this process and its
    workers, no start-up) per plan is reported."""
    before = os.times()
    started = time.perf_counter()
    build_corpus([work / "texts"], work / "graphs", cores)
    after = os.times()
    cpu = sum(after[:4]) - sum(before[:4])  # user, system, and of the reaped workers
    report.table(
        "Build: plan texts → Turtle files, once, in process (no start-up)",
        ["what", "wall time", "CPU time", "CPU per plan"],
        [
            [
                f"build, {cores} processes",
                seconds(time.perf_counter() - started),
                seconds(cpu),
                seconds(cpu / size),
            ]
        ],
    )
    report.goal(
        f"build CPU at most {seconds(BUILD_CPU_GOAL)} per plan ({seconds(cpu / size)})",
        cpu / size,
        BUILD_CPU_GOAL,
        size,
    )
    return work / "graphs"


def bench_queries_all_ways(  # type: ignore[no-untyped-def]
    report: Report, args, graphs: Path, work: Path, rdflib_times: int
) -> None:
    """Load, every library query in process against rdflib, then on the persistent store
    and from the CLI (`--only queries`: what the full run does without its timed builds,
    serialization, trace and analyze)."""
    store, graph = bench_load(report, graphs, args.repeat, rdflib_times, not args.no_rdflib)
    cap = args.rdflib_cap
    measured = bench_queries(report, store, graph, args.repeat, rdflib_times, args.size, cap)
    del graph  # rdflib's Graph is the largest thing in memory; the store tables need none
    bench_persistent(report, graphs, work / "texts", work, store, args.size, args.repeat, measured)


def main() -> None:
    parser = argparse.ArgumentParser(description="policygraph benchmarks")
    parser.add_argument("--size", type=int, default=100, help="plans to generate (10…3000)")
    parser.add_argument("--repeat", type=int, default=3, help="runs per figure")
    parser.add_argument("--rdflib-repeat", type=int, default=None, help="runs per rdflib figure")
    parser.add_argument(
        "--long-repeat",
        type=int,
        default=None,
        help=f"runs per timed build (default: --repeat up to {SMALL_SIZE} plans, else 1)",
    )
    parser.add_argument("--seed", type=int, default=2025)
    parser.add_argument("--no-rdflib", action="store_true", help="skip the rdflib comparison")
    parser.add_argument(
        "--rdflib-cap", type=float, default=60.0, help="stop an rdflib query after this many s"
    )
    parser.add_argument("--results", type=Path, help="also write the tables to this file")
    parser.add_argument(
        "--only",
        choices=("validate", "store", "queries"),
        help="run one stage (the corpus is then built once with all cores, its CPU per plan "
        "the only build figure); queries: every library query in process, against rdflib, "
        "on the persistent store and from the CLI, then validate",
    )
    args = parser.parse_args()
    rdflib_times = args.rdflib_repeat or (args.repeat if args.size <= SMALL_SIZE else 1)
    cores = os.cpu_count() or 1
    report = Report()
    info = machine()
    report.lines += [f"- {key}: {value}" for key, value in info.items()] + [""]
    with tempfile.TemporaryDirectory(prefix="policygraph-bench-") as folder:
        work = Path(folder)
        started = time.perf_counter()
        plans = write_corpus(work / "texts", args.size, args.seed)
        chars = sum(len(p.text) for p in plans)
        report.lines += [
            f"Generated {args.size} plans ({chars:,} characters, seed {args.seed}) "
            f"in {seconds(time.perf_counter() - started)}.",
            "",
        ]
        draft = write_county_draft(work / "drafts", plans[0], args.seed)
        if args.only:
            graphs = build_once(report, work, args.size, cores)
        else:
            graphs = bench_all_but_validate(report, args, work, plans, rdflib_times)
        if args.only == "store":
            memory = load_store(graphs)
            bench_persistent(
                report, graphs, work / "texts", work, memory, args.size, args.repeat, {}
            )
        else:
            if args.only == "queries":
                bench_queries_all_ways(report, args, graphs, work, rdflib_times)
            bench_validate(report, draft, graphs, args.repeat, args.size)
    report.lines += ["### Goals", "", *report.goals, ""]
    print("\n".join(["### Goals", "", *report.goals]))
    if args.results:
        command = " ".join(["python benchmarks/run.py", *map(shlex.quote, sys.argv[1:])])
        header = ["# Benchmark results", "", f"Produced by `{command}` on:", ""]
        args.results.write_text("\n".join(header + report.lines), encoding="utf-8")


if __name__ == "__main__":
    main()
