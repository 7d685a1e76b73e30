"""The command line: a thin layer over the Python API.

The only module that prints or exits. Exit status: 0 success (or the plan
conforms), 1 validation found violations, 2 the input could not be used.
Errors reach the user as one line naming the file and the problem.
"""

from __future__ import annotations

import csv
import io
import json
import sys
from collections.abc import Callable, Sequence
from enum import StrEnum
from functools import wraps
from pathlib import Path
from typing import Annotated, Any, TypeVar

import typer
from rich.console import Console
from rich.table import Table

from policygraph.errors import EXIT_FINDINGS, EXIT_INPUT, EXIT_OK, InputError, PolicygraphError

app = typer.Typer(
    help="policygraph: Chinese policy plans as a validated, queryable RDF graph.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)
out = Console(highlight=False, soft_wrap=True)
err = Console(stderr=True, highlight=False, soft_wrap=True)

DEFAULT_GRAPHS = Path("graphs")
F = TypeVar("F", bound=Callable[..., Any])


class RowFormat(StrEnum):
    table = "table"
    csv = "csv"
    json = "json"


class ReportFormat(StrEnum):
    text = "text"
    json = "json"
    ttl = "ttl"


class Lang(StrEnum):
    zh = "zh"
    en = "en"


def reports_errors(command: F) -> F:
    """Turn the project's errors into one line on stderr and their exit status."""

    @wraps(command)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        try:
            return command(*args, **kwargs)
        except PolicygraphError as error:
            err.print(f"error: {error}", markup=False)
            raise typer.Exit(error.exit_code) from None

    return wrapper  # type: ignore[return-value]


@app.command()
@reports_errors
def build(
    paths: Annotated[list[Path], typer.Argument(help="Plan files or folders of plan files.")],
    out_dir: Annotated[
        Path, typer.Option("--out", help="Folder to write the graphs to.")
    ] = DEFAULT_GRAPHS,
    jobs: Annotated[
        int | None,
        typer.Option(help="Processes to build with (default: one per CPU core).", min=1),
    ] = None,
) -> None:
    """Extract each plan into a Turtle graph: OUT/plans/<name>.ttl plus OUT/vocabularies.ttl.

    The same input always gives byte-identical files. A file that cannot be read
    is reported and skipped; the others are still written.
    """
    from policygraph.build import build_corpus

    report = build_corpus(paths, out_dir, jobs)
    table = Table(
        "plan", "title", "triples", "targets", "measures", "citations", title="Plans built"
    )
    for built in report.built:
        plan = built.plan
        table.add_row(
            plan.source_file,
            plan.title or "—",
            str(built.triples),
            str(len(plan.targets)),
            str(len(plan.measures)),
            str(len(plan.citations)),
        )
    out.print(table)
    out.print(
        f"{len(report.built)} plans built into {out_dir}/, {len(report.written)} files changed"
    )
    for error in report.failed:
        err.print(f"error: {error}", markup=False)
    if report.failed:
        raise typer.Exit(EXIT_INPUT)


@app.command()
@reports_errors
def validate(
    path: Annotated[
        Path, typer.Argument(help="A plan text, a built .ttl graph, or a folder of graphs.")
    ],
    lang: Annotated[Lang, typer.Option(help="Language of the messages.")] = Lang.zh,
    fmt: Annotated[
        ReportFormat, typer.Option("--format", help="text, json or ttl (the SHACL report).")
    ] = ReportFormat.text,
    strict: Annotated[bool, typer.Option(help="Fail on warnings too.")] = False,
) -> None:
    """Check plans against the SHACL shapes and report what is missing or inconsistent.

    Exit 0 when the plans conform, 1 when violations are found (or warnings with
    --strict), 2 when the input cannot be read.
    """
    from policygraph.validate import SEVERITY_ORDER, validate_graph

    report = validate_graph(_data_graph(path), lang=lang.value)
    if fmt is ReportFormat.ttl:
        out.print(report.graph.serialize(format="turtle"), markup=False)
    elif fmt is ReportFormat.json:
        out.print(
            json.dumps([f.__dict__ for f in report.findings], ensure_ascii=False, indent=2),
            markup=False,
        )
    else:
        _print_report(report, SEVERITY_ORDER)
    failed = not report.conforms or (strict and report.count("warning") > 0)
    raise typer.Exit(EXIT_FINDINGS if failed else EXIT_OK)


def _data_graph(path: Path):  # type: ignore[no-untyped-def]
    from policygraph.build import build_file
    from policygraph.read import TEXT_SUFFIXES
    from policygraph.store import load_graph

    if path.is_file() and path.suffix.lower() in TEXT_SUFFIXES:
        return build_file(path).graph
    if path.is_file() and path.suffix.lower() != ".ttl":
        raise InputError(
            path, f"unsupported format {path.suffix or '(no suffix)'}: expected .txt or .ttl"
        )
    return load_graph(path)


def _print_report(report: Any, order: Sequence[str]) -> None:
    summary = Table("plan", "violations", "warnings", "info", title="Validation summary")
    plans = sorted({f.plan or "—" for f in report.findings})
    for plan in plans:
        counts = [
            sum(1 for f in report.findings if (f.plan or "—") == plan and f.severity == s)
            for s in order
        ]
        summary.add_row(plan, *map(str, counts))
    for severity in order:
        group = [f for f in report.findings if f.severity == severity]
        if not group:
            continue
        out.print(f"\n[bold]{severity.upper()} ({len(group)})[/bold]")
        for finding in group:
            where = f"line {finding.line}" if finding.line else "no source line"
            out.print(
                f"- {finding.plan or '—'} · {finding.label or finding.focus}: {finding.message}",
                markup=False,
            )
            if finding.quote:
                out.print(f"    {where}: “{finding.quote[:80]}”", markup=False)
    out.print(summary)
    verdict = "conforms" if report.conforms else "does not conform"
    out.print(f"{len(plans)} plan(s): {verdict}")


@app.command()
@reports_errors
def query(
    spec: Annotated[
        str,
        typer.Argument(metavar="QUERY", help="A library query name, a .rq file, or SPARQL text."),
    ],
    graphs: Annotated[Path, typer.Option(help="Folder of built graphs.")] = DEFAULT_GRAPHS,
    param: Annotated[
        list[str], typer.Option("--param", help="A parameter as key=value (repeatable).")
    ] = [],  # noqa: B006
    fmt: Annotated[
        RowFormat, typer.Option("--format", help="table, csv or json.")
    ] = RowFormat.table,
    limit: Annotated[int, typer.Option(help="Show at most this many rows (0: all).")] = 0,
    list_queries: Annotated[
        bool, typer.Option("--list", help="List the library queries and exit.")
    ] = False,
) -> None:
    """Run a SPARQL query on the built graphs; parameters are bound, never pasted."""
    from policygraph.query import library, resolve_query, run_query
    from policygraph.store import load_store

    if list_queries:
        for name, known in library().items():
            out.print(f"{name}: {known.question}", markup=False)
        return
    values = dict(_key_value(p) for p in param)
    rows = run_query(load_store(graphs), resolve_query(spec), values)
    _print_rows(rows.columns, rows.rows[:limit] if limit else rows.rows, fmt)


def _key_value(text: str) -> tuple[str, str]:
    key, sep, value = text.partition("=")
    if not sep or not key:
        raise PolicygraphError(f"--param {text!r}: expected key=value")
    return key.strip().lstrip("?"), value


@app.command()
@reports_errors
def trace(
    department: Annotated[
        str, typer.Option(help="A department name (区民政局) or a function (民政).")
    ],
    graphs: Annotated[Path, typer.Option(help="Folder of built graphs.")] = DEFAULT_GRAPHS,
    fmt: Annotated[
        RowFormat, typer.Option("--format", help="table, csv or json.")
    ] = RowFormat.table,
) -> None:
    """List the targets and measures a department (or a function) owns, with plan and year."""
    from policygraph.lexicon import load_lexicon
    from policygraph.store import load_store
    from policygraph.trace import trace_department

    rows = trace_department(load_store(graphs), department, load_lexicon())
    if not rows.rows:
        err.print(f"no targets or measures owned by {department!r} in {graphs}/", markup=False)
    _print_rows(rows.columns[1:], tuple(r[1:] for r in rows.rows), fmt)


def _print_rows(
    columns: Sequence[str], rows: Sequence[Sequence[str | None]], fmt: RowFormat
) -> None:
    if fmt is RowFormat.json:
        out.print(
            json.dumps(
                [dict(zip(columns, r, strict=True)) for r in rows], ensure_ascii=False, indent=2
            ),
            markup=False,
        )
    elif fmt is RowFormat.csv:
        buffer = io.StringIO()
        writer = csv.writer(buffer, lineterminator="\n")
        writer.writerow(columns)
        writer.writerows([["" if v is None else v for v in r] for r in rows])
        sys.stdout.write(buffer.getvalue())
    else:
        table = Table(*columns)
        for row in rows:
            table.add_row(*("" if v is None else v for v in row))
        out.print(table)
        out.print(f"{len(rows)} row(s)")


def main() -> None:
    app()
