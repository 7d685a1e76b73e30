"""The command line: a thin layer over the Python API.

The only module that prints or exits. Exit status: 0 success (or the plan
conforms), 1 validation found violations, 2–6 the input could not be used
(the table in `errors.py`; `build` exits with the status its failures share, else 2).
Errors reach the user as one line naming the file and the problem.
"""

from __future__ import annotations

import csv
import gc
import io
import json
import signal
import sys
from collections.abc import Callable, Sequence
from enum import StrEnum
from functools import wraps
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any, TypeVar

import typer
from rich.console import Console
from rich.table import Column, Table

from policygraph.errors import EXIT_FINDINGS, EXIT_INPUT, EXIT_OK, PolicygraphError

if TYPE_CHECKING:
    from policygraph.query import Rows

app = typer.Typer(
    help="policygraph: Chinese policy plans as a validated, queryable RDF graph.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)
out = Console(highlight=False, soft_wrap=True)
err = Console(stderr=True, highlight=False, soft_wrap=True)

DEFAULT_GRAPHS = Path("graphs")
DEFAULT_GOLD = Path("tests/gold")
DEFAULT_CORPUS = Path("corpus")
F = TypeVar("F", bound=Callable[..., Any])


class RowFormat(StrEnum):
    table = "table"
    csv = "csv"
    json = "json"


class ReportFormat(StrEnum):
    text = "text"
    json = "json"
    ttl = "ttl"


SEVERITY_TITLES = {"violation": "VIOLATIONS", "warning": "WARNINGS", "info": "INFO"}


class Lang(StrEnum):
    zh = "zh"
    en = "en"


def reports_errors(command: F) -> F:
    """Turn the project's errors into one line on stderr and their exit status."""
    return _reporting(command, status=None)


def reports_errors_as_unusable(command: F) -> F:
    """As `reports_errors`, but every error exits 2: validate keeps pySHACL's 0/1/2."""
    return _reporting(command, status=EXIT_INPUT)


def _reporting(command: F, status: int | None) -> F:
    @wraps(command)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        try:
            return command(*args, **kwargs)
        except PolicygraphError as error:
            err.print(f"error: {error}", markup=False)
            raise typer.Exit(error.exit_code if status is None else status) from None

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
    scheduler: Annotated[
        str | None,
        typer.Option(
            help="A Dask distributed scheduler (tcp://host:8786) to run the per-file tasks on; "
            "its workers must see the plan files and --out."
        ),
    ] = None,
) -> None:
    """Extract each plan into a Turtle graph: OUT/plans/<name>.ttl, plus OUT/vocabularies.ttl,
    OUT/registry.ttl and OUT/documents.tsv (the plans by number and title, for --context).

    The same input always gives byte-identical files. A file that cannot be read
    is reported and skipped; the others are still written.
    """
    from policygraph.build import build_corpus

    report = build_corpus(paths, out_dir, jobs, scheduler)
    table = _table(
        ("plan", "title", "triples", "targets", "measures", "citations"), title="Plans built"
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
    if report.failed:
        _print_errors(report.failed)
        codes = {error.exit_code for error in report.failed}
        raise typer.Exit(codes.pop() if len(codes) == 1 else EXIT_INPUT)


def _print_errors(errors: list[PolicygraphError]) -> None:
    """Each file's error on a line of its own."""
    for error in errors:
        err.print(f"error: {error}", markup=False)


@app.command()
@reports_errors_as_unusable
def validate(
    path: Annotated[
        Path,
        typer.Argument(help="A plan text, a built .ttl graph, or a folder of either (graphs/)."),
    ],
    lang: Annotated[Lang, typer.Option(help="Language of the messages.")] = Lang.zh,
    fmt: Annotated[
        ReportFormat, typer.Option("--format", help="text, json or ttl (the SHACL report).")
    ] = ReportFormat.text,
    strict: Annotated[bool, typer.Option(help="Fail on warnings too.")] = False,
    summary: Annotated[
        bool, typer.Option("--summary", help="Print only the per-plan summary table.")
    ] = False,
    context: Annotated[
        Path | None,
        typer.Option(
            "--context", help="A built graphs folder whose plans are parents too (documents.tsv)."
        ),
    ] = None,
    watch: Annotated[
        bool,
        typer.Option(
            "--watch",
            help="Stay running and check again each time the input changes (Ctrl-C stops; "
            "the exit status is that of the last check).",
        ),
    ] = False,
) -> None:
    """Check plans against the SHACL shapes and report what is missing or inconsistent.

    Each plan is checked with the registry of known parent policies and, with --context,
    with the plans of a built corpus it implements (only those are loaded). Findings are grouped
    by severity and point at the source text (file, line, quote). Exit 0 when the plans
    conform, 1 when violations are found (or warnings with --strict), 2 when the input
    cannot be used. With --watch the imports are paid once and each later check costs only
    the check itself.
    """

    def check() -> int:
        return _validate_once(path, lang, fmt, strict=strict, summary=summary, context=context)

    if not watch:
        raise typer.Exit(check())
    from policygraph.watch import watch as watch_input

    err.print(f"watching {path} (Ctrl-C stops)", markup=False)
    raise typer.Exit(watch_input(path, check, _announce, _watched_check_failed))


def _validate_once(
    path: Path, lang: Lang, fmt: ReportFormat, strict: bool, summary: bool, context: Path | None
) -> int:
    from policygraph.validate import plan_graphs_in, report_document, validate_graphs

    graphs, refused = plan_graphs_in(path)
    _print_errors(refused)
    if not graphs:
        return EXIT_INPUT
    report = validate_graphs(graphs, lang=lang.value, corpus=context)
    failed = not report.passed(strict=strict)
    if fmt is ReportFormat.ttl:
        sys.stdout.write(report.graph.serialize(format="turtle"))
    elif fmt is ReportFormat.json:
        document = report_document(report, strict=strict)
        sys.stdout.write(json.dumps(document, ensure_ascii=False, indent=2) + "\n")
    if fmt is ReportFormat.text:
        _print_report(report, details=not summary, failed=failed, unchecked=len(refused))
    sys.stdout.flush()
    if refused:  # the plans that could be used are reported, the others named above
        return EXIT_INPUT
    return EXIT_FINDINGS if failed else EXIT_OK


def _watched_check_failed(error: Exception) -> int:
    """A watched check that raised: one line on stderr and status 2, and watching goes on
    (an unexpected error is named by its type: it is a fault of policygraph, not of the
    input, and the line says so without a traceback)."""
    if isinstance(error, PolicygraphError):
        err.print(f"error: {error}", markup=False)
    else:
        message = " ".join(str(error).split()) or "(no message)"
        err.print(f"error: unexpected {type(error).__name__}: {message}", markup=False)
    return EXIT_INPUT


def _announce() -> None:
    from datetime import datetime

    err.print(f"— changed, checking again at {datetime.now():%H:%M:%S}", markup=False)


def _print_report(report: Any, details: bool, failed: bool, unchecked: int = 0) -> None:
    from policygraph.validate import SEVERITY_ORDER

    for severity in SEVERITY_ORDER if details else ():
        group = [f for f in report.findings if f.severity == severity]
        if not group:
            continue
        out.print(f"\n[bold]{SEVERITY_TITLES[severity]} ({len(group)})[/bold]")
        for f in group:
            out.print(f"- {f.plan or '—'} · {f.label or f.focus}: {f.message}", markup=False)
            where = f"{f.file or '?'}:{f.line}" if f.line else (f.file or "no source line")
            quote = " ".join((f.quote or "").split())
            out.print(
                f"    {where}  “{_shorten(quote)}”" if quote else f"    {where}", markup=False
            )
    summary = _table(("plan", *SEVERITY_ORDER), title="Validation summary")
    for plan in report.plans:
        summary.add_row(plan, *(str(report.count(s, plan)) for s in SEVERITY_ORDER))
    out.print(summary)
    if not failed:
        verdict = "conforms"
    elif report.conforms:
        verdict = f"does not conform under --strict ({report.count('warning')} warnings)"
    else:
        verdict = "does not conform"
    left_out = f"; {unchecked} file(s) not checked, see the errors" if unchecked else ""
    out.print(f"{len(report.plans)} plan(s): {verdict}{left_out}")


def _shorten(text: str, width: int = 80) -> str:
    return text if len(text) <= width else text[: width - 1] + "…"


@app.command()
@reports_errors
def query(
    spec: Annotated[
        str | None,
        typer.Argument(metavar="QUERY", help="A library query name, a .rq file, or SPARQL text."),
    ] = None,
    graphs: Annotated[Path, typer.Option(help="Folder of built graphs.")] = DEFAULT_GRAPHS,
    param: Annotated[
        list[str], typer.Option("--param", help="A parameter as key=value (repeatable).")
    ] = [],  # noqa: B006
    fmt: Annotated[
        RowFormat, typer.Option("--format", help="table, csv or json.")
    ] = RowFormat.table,
    limit: Annotated[int, typer.Option(help="Show at most this many rows (0: all).", min=0)] = 0,
    offset: Annotated[int, typer.Option(help="Skip this many rows first.", min=0)] = 0,
    list_queries: Annotated[
        bool, typer.Option("--list", help="List the library queries and exit.")
    ] = False,
) -> None:
    """Run a SPARQL query on the built graphs; parameters are bound, never pasted. A table
    shows labels where the rows hold IRIs; csv and json keep the IRIs. With --limit or
    --offset one page of rows is shown, and a line says which of how many."""
    from policygraph.persistent import open_store
    from policygraph.query import library, resolve_query, run_query
    from policygraph.readable import labelled

    if list_queries:
        for name, known in library().items():
            out.print(f"{name}: {known.question}", markup=False)
        return
    if spec is None:
        raise PolicygraphError(
            "give a QUERY (a library query name, a .rq file or SPARQL) or --list"
        )
    values = dict(_key_value(p) for p in param)
    query = resolve_query(spec)
    opened = open_store(graphs)
    rows = run_query(
        opened.store, query, values, index=opened.index, limit=limit or None, offset=offset
    )
    page = rows.page_line() if limit or offset else None
    shown = labelled(opened.store, rows) if fmt is RowFormat.table else rows
    _print_rows(shown.columns, shown.rows, fmt, page)


def _key_value(text: str) -> tuple[str, str]:
    key, sep, value = text.partition("=")
    if not sep or not key:
        raise PolicygraphError(f"--param {text!r}: expected key=value")
    return key.strip().lstrip("?"), value


@app.command()
@reports_errors
def trace(
    department: Annotated[
        str | None, typer.Option(help="A department name (区民政局) or a function (民政).")
    ] = None,
    jurisdiction: Annotated[
        str | None, typer.Option(help="Only departments of this region (万州区).")
    ] = None,
    target: Annotated[
        str | None, typer.Option(help="A target IRI, or indicator wording (护理型床位).")
    ] = None,
    plan: Annotated[
        str | None, typer.Option(help="With --target: a part of the plan's IRI or title.")
    ] = None,
    graphs: Annotated[Path, typer.Option(help="Folder of built graphs.")] = DEFAULT_GRAPHS,
    fmt: Annotated[
        RowFormat, typer.Option("--format", help="table, csv or json.")
    ] = RowFormat.table,
    out_file: Annotated[
        Path | None, typer.Option("--out", help="Also write the rows to FILE.csv or FILE.json.")
    ] = None,
    draw: Annotated[
        Path | None, typer.Option(help="Draw the trace to FILE.svg, FILE.png or FILE.html.")
    ] = None,
) -> None:
    """What a department (or function) owes, plan by plan with year and value, or the chain
    of one target up to national policy. Tables show labels; csv and json keep the IRIs."""
    from policygraph.api import trace as trace_of
    from policygraph.draw import draw_layers
    from policygraph.persistent import open_store
    from policygraph.readable import labels, readable

    if (department is None) == (target is None):
        raise PolicygraphError("give either --department or --target")
    if out_file and out_file.suffix.lower() not in (".csv", ".json"):
        raise PolicygraphError(f"--out {out_file}: use a .csv or .json file")
    opened = open_store(graphs)
    traced = trace_of(opened.store, department, target, jurisdiction, plan, opened.index)
    shown = traced.shown
    if not shown.rows:
        where = f" of {jurisdiction}" if jurisdiction else ""
        err.print(
            f"no targets or measures owned by {traced.subject!r}{where} in {graphs}/", markup=False
        )
    if fmt is RowFormat.table:
        names = labels(opened.store, shown)
        if traced.by_department:
            _print_tables([(title, readable(g, names)) for title, g in traced.by_plan()])
        else:
            legible = readable(shown, names)
            _print_rows(legible.columns, legible.rows, fmt)
    else:
        _print_rows(shown.columns, shown.rows, fmt)
    if out_file:
        _write(out_file, _format_rows(shown.columns, shown.rows, out_file.suffix[1:]))
    if draw and shown.rows:
        title = f"{traced.subject} · {jurisdiction}" if jurisdiction else traced.subject
        draw_layers(traced.graph(), title, draw)
        err.print(f"drew {draw}", markup=False)


def _write(path: Path, text: str) -> None:
    """Write an output file the user named, atomically; a path that cannot be written is one
    line."""
    from policygraph.store import write_atomic

    try:
        write_atomic(path, text.encode())
    except OSError as error:
        raise PolicygraphError(f"{path}: cannot write ({error.strerror or error})") from error


def _format_rows(columns: Sequence[str], rows: Sequence[Sequence[str | None]], fmt: str) -> str:
    if fmt == "json":
        from policygraph.query import Rows

        records = Rows(tuple(columns), tuple(tuple(r) for r in rows)).records()
        return json.dumps(records, ensure_ascii=False, indent=2) + "\n"
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(columns)
    writer.writerows([["" if v is None else v for v in r] for r in rows])
    return buffer.getvalue()


def _print_tables(groups: Sequence[tuple[str, Rows]]) -> None:
    """One table per group, titled by the group (a trace's plans)."""
    for title, group in groups:
        table = _table(group.columns, title=title, title_justify="left")
        for row in group.rows:
            table.add_row(*("" if v is None else v for v in row))
        out.print(table)
    out.print(f"{sum(len(g.rows) for _, g in groups)} row(s) in {len(groups)} plan(s)")


def _print_rows(
    columns: Sequence[str],
    rows: Sequence[Sequence[str | None]],
    fmt: RowFormat,
    page: str | None = None,
) -> None:
    """Rows as a table, CSV or JSON; `page` ("rows 1–15 of 3,210") ends a table, and goes
    to stderr with CSV and JSON, which stay data only."""
    if fmt is not RowFormat.table:
        sys.stdout.write(_format_rows(columns, rows, fmt.value))
        if page:
            err.print(page, markup=False)
        return
    table = _table(columns)
    for row in rows:
        table.add_row(*("" if v is None else v for v in row))
    out.print(table)
    out.print(page or f"{len(rows)} row(s)")


def _table(columns: Sequence[str], **options: Any) -> Table:
    """A table that fits the terminal: cells wrap, and a word too long for its column (a
    Chinese phrase, an IRI) is folded onto the next line rather than cut to "区民…"."""
    return Table(*(Column(c, overflow="fold") for c in columns), **options)


@app.command()
@reports_errors
def analyze(
    graphs: Annotated[Path, typer.Option(help="Folder of built graphs.")] = DEFAULT_GRAPHS,
    graphml: Annotated[
        Path | None,
        typer.Option(help="Write FILE-lineage.graphml and FILE-co-responsibility.graphml."),
    ] = None,
    top: Annotated[int, typer.Option(help="Show this many functions.")] = 15,
) -> None:
    """Citation lineage (plan depth, policies most implemented) and who works with whom."""
    from policygraph.analyze import to_graphml
    from policygraph.api import analyze as analysis_of
    from policygraph.persistent import open_store

    opened = open_store(graphs)
    found = analysis_of(opened.store, opened.index)
    depths = [(d.label, str(d.depth), "、".join(d.tops)) for d in found.depths]
    _print_rows(("plan", "depth", "top policies"), depths, RowFormat.table)
    uses = [(u.label, str(u.direct), str(u.total)) for u in found.uses]
    _print_rows(("policy", "implemented directly by", "in all"), uses, RowFormat.table)
    roles = [
        (r.label, str(r.targets), str(r.measures), str(r.partners), f"{r.betweenness:.3f}")
        for r in found.roles[:top]
    ]
    columns = ("function", "targets", "measures", "partners", "betweenness")
    _print_rows(columns, roles, RowFormat.table)
    if graphml:
        for name, graph in (("lineage", found.lineage), ("co-responsibility", found.network)):
            path = graphml.with_name(f"{graphml.stem}-{name}.graphml")
            _write(path, to_graphml(graph))
            out.print(f"wrote {path}", markup=False)


@app.command()
@reports_errors
def evaluate(
    gold: Annotated[Path, typer.Option(help="Folder of gold annotations (*.json).")] = DEFAULT_GOLD,
    corpus: Annotated[
        Path, typer.Option(help="Folder of the plan files the annotations name.")
    ] = DEFAULT_CORPUS,
    as_json: Annotated[
        bool, typer.Option("--json", help="Print every figure and count as JSON.")
    ] = False,
) -> None:
    """Extraction measured on the built graph against the gold annotations: targets
    (and their comparator, unit, range, baseline, owners), reviewed indicators,
    departments, citations, metadata and measures, text by text, in all and by
    failure class; n/a where the gold set is empty."""
    from policygraph.evaluate import evaluate as score
    from policygraph.evaluate import report

    evaluation = score(gold, corpus)
    sys.stdout.write((evaluation.to_json() if as_json else report(evaluation)) + "\n")


@app.command()
@reports_errors
def serve(
    graphs: Annotated[Path, typer.Option(help="Folder of built graphs.")] = DEFAULT_GRAPHS,
    sources: Annotated[
        Path | None,
        typer.Option(help="Folder of the plans' source texts (default: corpus/ beside GRAPHS)."),
    ] = None,
    host: Annotated[str, typer.Option(help="Address to listen on.")] = "127.0.0.1",
    port: Annotated[int, typer.Option(help="Port to listen on (0: any free port).")] = 7879,
    timeout: Annotated[float, typer.Option(help="Seconds a query may run.")] = 30.0,
    max_rows: Annotated[int, typer.Option(help="Rows a result may have.")] = 10_000,
    memory_mb: Annotated[
        int, typer.Option(help="Memory (MB of address space) one query may use.", min=256)
    ] = 2048,
    allow_service: Annotated[
        list[str], typer.Option(help="A SERVICE IRI queries may call (repeatable; default none).")
    ] = [],  # noqa: B006
    public: Annotated[
        bool, typer.Option("--public", help="Allow a --host reachable beyond this machine.")
    ] = False,
) -> None:
    """The web explorer at http://HOST:PORT/ and a read-only SPARQL 1.1 endpoint at
    http://HOST:PORT/sparql, over the same graphs."""
    from policygraph.persistent import open_store
    from policygraph.serve import PATH, Endpoint, is_loopback, make_server
    from policygraph.web import make_explorer

    if not is_loopback(host) and not public:
        raise PolicygraphError(
            f"--host {host} is reachable beyond this machine: add --public to serve there"
        )
    if not is_loopback(host):
        err.print(f"warning: serving on {host}: anyone who can reach it can query", markup=False)
    opened = open_store(graphs)
    texts = sources if sources is not None else graphs.resolve().parent / DEFAULT_CORPUS
    if sources is not None and not sources.is_dir():
        raise PolicygraphError(f"{sources}: no such folder of source texts")
    endpoint = Endpoint(
        opened.location or opened.store,
        timeout,
        max_rows,
        memory_mb=memory_mb,
        allow_service=tuple(allow_service),
    )
    try:
        app = make_explorer(opened.store, graphs, texts if texts.is_dir() else None, endpoint)
        try:
            server = make_server(app, host, port)
        except OSError as error:
            raise PolicygraphError(
                f"cannot listen on {host}:{port} ({error.strerror or error})"
            ) from None
        address = f"http://{host}:{server.port}"
        out.print(f"explorer at {address}/ · SPARQL endpoint at {address}{PATH} (Ctrl-C stops)")
        # uvicorn re-raises the signal that stopped it; SIGTERM's default action would end
        # the process before `finally` removes the store copy, so it exits as SystemExit
        signal.signal(signal.SIGTERM, lambda *_: sys.exit(128 + signal.SIGTERM))
        server.serve_forever()
        out.print("stopped")
    finally:
        endpoint.close()


@app.command()
@reports_errors
def export(
    nquads: Annotated[Path, typer.Option("--nquads", help="Write the corpus to FILE as N-Quads.")],
    graphs: Annotated[Path, typer.Option(help="Folder of built graphs.")] = DEFAULT_GRAPHS,
) -> None:
    """The corpus as one N-Quads file for bulk loaders: each plan a named graph named by its
    plan IRI (the vocabularies and the registry in pgr:vocabularies and pgr:registry)."""
    from policygraph.export import export_nquads

    try:
        count = export_nquads(graphs, nquads)
    except OSError as error:
        raise PolicygraphError(f"{nquads}: cannot write ({error.strerror or error})") from error
    out.print(f"wrote {count} named graphs to {nquads}", markup=False)


@app.command()
@reports_errors
def push(
    endpoint: Annotated[
        str, typer.Option(help="Graph Store Protocol URL, e.g. http://127.0.0.1:7878/store.")
    ],
    graphs: Annotated[Path, typer.Option(help="Folder of built graphs.")] = DEFAULT_GRAPHS,
    user: Annotated[
        str | None, typer.Option(help="user:password for HTTP basic or digest authentication.")
    ] = None,
    skip_unchanged: Annotated[
        bool,
        typer.Option(
            help="Send only graphs changed since the last push with this flag to ENDPOINT "
            "(and record what is sent, to resume a push cut short)."
        ),
    ] = False,
) -> None:
    """Load each plan as a named graph (its plan IRI) into a SPARQL graph store; each graph
    is reported once stored, so a push cut short says how far it got (one made with
    --skip-unchanged resumes when repeated)."""
    from policygraph.push import push_each

    done = skipped = 0
    try:
        for pushed in push_each(graphs, endpoint, user, skip_unchanged=skip_unchanged):
            skipped += pushed.skipped
            done += not pushed.skipped
            what = "unchanged, skipped" if pushed.skipped else f"{pushed.triples} triples"
            out.print(f"{pushed.path.name} → <{pushed.graph}>: {what}", markup=False)
    finally:
        err.print(f"{done} graph(s) pushed, {skipped} unchanged", markup=False)


def main() -> None:
    # a command's imports (spaCy, rdflib, the SHACL engine) and its plan allocate objects
    # that nearly all stay: collecting after every 700 new ones (CPython's default) took
    # ~0.1 s of `validate`'s 1 s, after every 20,000 ~0.035 s, after every 200,000 (more
    # than a plan's validation allocates after the imports) ~0.007 s; cyclic garbage is
    # still collected, in a long run, once per 200,000 net new objects (a few tens of MB)
    gc.set_threshold(200_000, 10, 10)
    app()
