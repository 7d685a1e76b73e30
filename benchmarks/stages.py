"""What the benchmarks run at each stage, on both engines.

The same SPARQL text runs on pyoxigraph (through `policygraph.query`) and on
rdflib's in-memory Graph (parameters bound with `initBindings`), so the ratio
compares the engines, not two different questions.
"""

from __future__ import annotations

import importlib
import multiprocessing
import subprocess
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

import pyoxigraph as ox
from rdflib import Graph, Literal, URIRef, Variable

from generate import GeneratedPlan
from measure import Timing, repeat
from policygraph.lexicon import label_key, load_lexicon
from policygraph.query import Query, library
from policygraph.store import graph_to_turtle
from policygraph.trace import trace_department
from policygraph.vocab import PG, PGR

SAMPLE_DEPARTMENT = "市民政局"
"""A department every generated plan names (its table and measures use it)."""
SAMPLE_FUNCTION = "民政"
SERIALIZE_SAMPLE = 100
_forked: Callable[[], object] | None = None


def _run_forked(pipe) -> None:  # type: ignore[no-untyped-def]
    assert _forked is not None
    start = time.perf_counter()
    _forked()
    pipe.send(time.perf_counter() - start)


def capped(action: Callable[[], object], limit: float) -> float | None:
    """Seconds `action` takes in a forked child (which shares the loaded stores without
    copying them), or None when it runs past `limit` and is stopped: some rdflib queries
    on a large graph take hours, and a thread could not be stopped."""
    global _forked
    _forked = action
    receive, send = multiprocessing.Pipe(duplex=False)
    child = multiprocessing.get_context("fork").Process(target=_run_forked, args=(send,))
    child.start()
    elapsed = receive.recv() if receive.poll(limit) else None
    child.kill()
    child.join()
    return elapsed


def repeat_capped(action: Callable[[], object], times: int, limit: float) -> Timing | None:
    """`times` capped runs; None as soon as one runs past `limit`."""
    runs = []
    for _ in range(times):
        elapsed = capped(action, limit)
        if elapsed is None:
            return None
        runs.append(elapsed)
    return Timing(tuple(runs))


@dataclass(frozen=True)
class QueryCase:
    label: str
    query: Query
    values: dict[str, str]
    whole_corpus: bool


def sample_values(store: ox.Store) -> dict[str, str]:
    """A value for each parameter name the library uses, taken from the data."""
    plan = next(iter(store.quads_for_pattern(None, ox.NamedNode(str(PG.hasTarget)), None)))
    return {
        "name": SAMPLE_DEPARTMENT,
        "dept": SAMPLE_DEPARTMENT,
        "department": SAMPLE_DEPARTMENT,
        "function": str(PGR) + "function/civil-affairs",
        "plan": plan.subject.value,
        "indicator": str(PGR) + "indicator/nursing-bed-share",
        "jurisdiction": "河南省",
        "region": "河南省",
        "year": "2025",
    }


def query_cases(store: ox.Store) -> Iterator[QueryCase]:
    """Each library query over the whole corpus (when it can run unbound) and scoped by
    sample values of its parameters (when it takes any)."""
    samples = sample_values(store)
    for name, query in library().items():
        if all(p.optional for p in query.parameters):
            yield QueryCase(name, query, {}, True)
        if query.parameters:
            values = {p.name: samples[p.name] for p in query.parameters if p.name in samples}
            missing = [p.name for p in query.parameters if not p.optional and p.name not in values]
            if values and not missing:
                shown = ", ".join(f"{k}={v.removeprefix(str(PGR))}" for k, v in values.items())
                yield QueryCase(f"{name} ({shown})", query, values, False)


def _rdflib_term(query: Query, name: str, value: str) -> URIRef | Literal:
    kind = next(p.kind for p in query.parameters if p.name == name)
    if kind == "iri":
        return URIRef(value)
    if kind == "literal@zh":
        return Literal(value, lang="zh")
    if kind in ("integer", "decimal"):
        return Literal(value, datatype=URIRef(f"http://www.w3.org/2001/XMLSchema#{kind}"))
    return Literal(value)


def run_rdflib_query(graph: Graph, query: Query, values: dict[str, str]) -> int:
    """The query on rdflib's store; the number of rows (materialised, as run_query does)."""
    bindings = {Variable(k): _rdflib_term(query, k, v) for k, v in values.items()}
    return len(list(graph.query(query.text, initBindings=bindings)))


def count_targets(graphs: Path, plans: list[GeneratedPlan]) -> tuple[int, int]:
    """Targets in the built graphs, and targets the generator stated."""
    found = 0
    for path in (graphs / "plans").glob("*.ttl"):
        for triple in ox.parse(path=str(path), format=ox.RdfFormat.TURTLE):
            found += triple.predicate.value == str(PG.hasTarget)
    return found, sum(p.targets for p in plans)


def serialization_sample(graphs: Path) -> tuple[int, Timing, Timing]:
    """Turtle out of rdflib Graphs of the first plans: pyoxigraph's way and rdflib's."""
    sample = []
    for path in sorted((graphs / "plans").glob("*.ttl"))[:SERIALIZE_SAMPLE]:
        sample.append(Graph().parse(path, format="turtle"))
    ox_timing, _ = repeat(lambda: [graph_to_turtle(g) for g in sample], 3)
    rdf_timing, _ = repeat(lambda: [g.serialize(format="turtle") for g in sample], 3)
    return len(sample), ox_timing, rdf_timing


def trace_cases(
    store: ox.Store, graph: Graph | None
) -> list[tuple[str, Callable[[], int], Callable[[], int] | None]]:
    """`trace` by a function and by a department name, as the CLI runs it, and the same
    queries on rdflib."""
    lexicon = load_lexicon()
    cases = []
    for name in (SAMPLE_FUNCTION, SAMPLE_DEPARTMENT):
        functions = lexicon.functions.get(label_key(name), ())
        if functions:
            plan = [("function-obligations", {"function": str(PGR) + f}) for f in functions]
        else:
            plan = [("department-obligations", {"name": name})]

        def on_store(n: str = name) -> int:
            return len(trace_department(store, n, lexicon).rows)

        def on_graph(p: list[tuple[str, dict[str, str]]] = plan) -> int:
            assert graph is not None
            return sum(run_rdflib_query(graph, library()[q], v) for q, v in p)

        cases.append((f"trace --department {name}", on_store, on_graph if graph else None))
    return cases


def run_analyze(store: ox.Store, times: int) -> list[str] | None:
    """Time `policygraph.analyze` on the store when the module exists (issue 7)."""
    try:
        analyze = importlib.import_module("policygraph.analyze")
    except ImportError:
        return None
    entry = getattr(analyze, "analyze_store", None)
    if entry is None:
        return ["analyze", "skipped: no analyze_store(store)", "", "", ""]
    timing, result = repeat(lambda: entry(store), times)
    return [
        "analyze",
        str(len(result)) if hasattr(result, "__len__") else "",
        timing.cell(),
        "—",
        "—",
    ]


def draft_context_command(command: list[str], graphs: Path) -> list[str] | None:
    """`validate draft.txt` with the built graphs as its context, if the CLI offers that."""
    usage = subprocess.run([*command[:-2], "validate", "--help"], capture_output=True, text=True)
    if "--context" not in usage.stdout:
        return None
    return [*command, "--context", str(graphs)]
