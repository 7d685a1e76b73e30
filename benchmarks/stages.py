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
from policygraph.lexicon import label_key
from policygraph.lexicon_data import load_lexicon
from policygraph.query import Query, library, run_query
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


def _first(store: ox.Store, query: str) -> str:
    solution = next(iter(store.query(query)))  # type: ignore[call-overload]
    return solution[0].value


def sample_values(store: ox.Store) -> dict[str, str]:
    """A value for each parameter name the library uses, taken from the data: the first
    plan, one of its targets, its jurisdiction."""
    prefixes = f"PREFIX pg: <{PG}> PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#> "
    plan = _first(
        store, prefixes + "SELECT ?p WHERE { ?p a pg:Plan ; pg:sourceFile ?f } ORDER BY ?f LIMIT 1"
    )
    target = _first(store, prefixes + f"SELECT ?t WHERE {{ <{plan}> pg:hasTarget ?t }} LIMIT 1")
    region = _first(
        store, prefixes + f"SELECT ?l WHERE {{ <{plan}> pg:jurisdiction/rdfs:label ?l }} LIMIT 1"
    )
    return {
        "name": SAMPLE_DEPARTMENT,
        "function": str(PGR) + "function/civil-affairs",
        "jurisdiction": region,
        "plan": plan,
        "target": target,
        "text": "护理型床位",
        "number": "国办发〔2020〕52号",
    }


WHOLE_CORPUS = frozenset({"find-targets"})
"""Questions over the whole corpus although a parameter is required: a wording is found in
any plan, so the answer grows with the corpus. Issue 16 lists it so: "whole-corpus
questions: … find-targets 1.4 s"."""


def query_cases(store: ox.Store) -> Iterator[QueryCase]:
    """Each library query over the whole corpus (unbound, or bound only where it must be:
    市民政局 is named in every plan; or one of WHOLE_CORPUS) and scoped to one plan or region
    by sample values."""
    samples = sample_values(store)
    for name, query in library().items():
        required = {p.name for p in query.parameters if not p.optional}
        if required - set(samples):
            continue
        values = {p.name: samples[p.name] for p in query.parameters if p.name in samples}
        least = {k: v for k, v in values.items() if k in required}
        if least != values or not values or name in WHOLE_CORPUS:
            yield QueryCase(_label(name, least), query, least, True)
        if values and (least != values or name not in WHOLE_CORPUS):
            yield QueryCase(_label(name, values), query, values, False)


def _label(name: str, values: dict[str, str]) -> str:
    shown = ", ".join(f"{k}={v.removeprefix(str(PGR))}" for k, v in values.items())
    return f"{name} ({shown})" if shown else name


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
    """`trace --department` by a function and by a department name, over the corpus and in
    one region, as the CLI runs it, and the same queries on rdflib."""
    lexicon = load_lexicon()
    region = sample_values(store)["jurisdiction"]
    cases = []
    for name in (SAMPLE_FUNCTION, SAMPLE_DEPARTMENT):
        for within in ({}, {"jurisdiction": region}):
            functions = lexicon.functions.get(label_key(name), ())
            if functions:
                plan = [
                    ("function-obligations", {"function": str(PGR) + f, **within})
                    for f in functions
                ]
            else:
                plan = [("department-obligations", {"name": name, **within})]

            def on_store(n: str = name, w: dict[str, str] = within) -> int:
                return len(trace_department(store, n, lexicon, w.get("jurisdiction")).rows)

            def on_graph(p: list[tuple[str, dict[str, str]]] = plan) -> int:
                assert graph is not None
                return sum(run_rdflib_query(graph, library()[q], v) for q, v in p)

            label = f"trace --department {name}" + (f" --jurisdiction {region}" if within else "")
            cases.append((label, on_store, on_graph if graph else None))
    return cases


def run_analyze(store: ox.Store, times: int) -> list[str] | None:
    """What `policygraph analyze` computes, on the store: the lineage and co-responsibility
    networks from their queries, plan depths, policy uses and function roles (issue 7)."""
    try:
        analyze = importlib.import_module("policygraph.analyze")
    except ImportError:
        return None

    def run() -> int:
        lineage = analyze.lineage_graph(run_query(store, library()["implements-edges"]))
        responsibilities = run_query(store, library()["function-responsibilities"])
        network = analyze.co_responsibility_graph(responsibilities)
        analyze.policy_uses(lineage)
        analyze.function_roles(network)
        return len(analyze.plan_depths(lineage))

    timing, depths = repeat(run, times)
    return ["analyze (depths, uses, roles)", f"{depths:,}", timing.cell(), "—", "—"]


def draft_context_command(command: list[str], graphs: Path) -> list[str] | None:
    """`validate draft.txt` with the built graphs as its context, if the CLI offers that."""
    usage = subprocess.run([*command[:-2], "validate", "--help"], capture_output=True, text=True)
    if "--context" not in usage.stdout:
        return None
    return [*command, "--context", str(graphs)]
