"""Validation: the SHACL shapes of shapes/ run by pyshacl-turbo, as a report people read.

A plan is validated with only the context its rules need: the registry of known
parent policies and their targets (with `--context`, also the built corpus plans it
implements, see context.py), and the vocabulary concepts (indicators, regions)
the plan refers to. Findings are kept for the plan's own nodes only, so a registry
entry never shows up as a fault of the plan. Each finding names the plan, the thing
(its label), the rule in plain words (the shape's `sh:message`, in the language
asked for) and the source text: the quote and its line in the input file.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Callable, Iterable
from dataclasses import asdict, dataclass
from functools import cache, cached_property
from pathlib import Path
from typing import Any

import pyoxigraph as ox
from rdflib import BNode, Graph, Literal, URIRef
from rdflib.namespace import RDF, RDFS, SH
from rdflib.term import Node

from policygraph.context import DocumentIndex, parent_context, resolved_draft
from policygraph.errors import InputError, PolicygraphError
from policygraph.graph import registry_graph
from policygraph.lexicon_data import kept_between_processes, ontology_triples
from policygraph.read import PLAN_SUFFIXES
from policygraph.resources import resource_dir
from policygraph.store import from_oxigraph, graph_files, load_graph
from policygraph.vocab import PG, bind_prefixes

SEVERITIES = {SH.Violation: "violation", SH.Warning: "warning", SH.Info: "info"}
SEVERITY_ORDER = ("violation", "warning", "info")
VOCABULARY_CONTEXT = ("indicators.ttl", "regions.ttl")
CONTEXT_LINKS = frozenset({str(PG.within)})
"""Links followed from a referenced concept to the context it brings (a region's enclosing ones)."""
OWNERS = (PG.hasTarget, PG.hasMeasure, PG.assignment, PG.cites, PG.implements, PG.issuedBy)
PARTS_OWNED = (PG.responsibleUnit,)
MAX_PLAN_TARGETS = 1_000
"""Targets a plan may have to be validated: 10× the largest plan of the corpus (pyshacl-turbo
checks that plan, 100 targets, in about 0.3 s; its time grows with the targets)."""
_SLOTS = re.compile(r"(\{[?$]\w+\})")


@dataclass(frozen=True)
class Finding:
    """One validation result, joined to the text behind it."""

    severity: str
    plan: str | None
    file: str | None
    focus: str
    label: str | None
    rule: str
    message: str
    quote: str | None
    line: int | None


@dataclass(frozen=True)
class Report:
    findings: tuple[Finding, ...]
    results: tuple[tuple[Graph, tuple[Node, ...]], ...]  # SHACL results, and those kept, by plan
    plans: tuple[str, ...]  # the labels of the plans validated, findings or not

    @cached_property
    def graph(self) -> Graph:
        """The sh:ValidationReport of the findings kept, made when asked for (`--format ttl`):
        most callers read the findings only. Each plan's results are made one report first,
        so the blank nodes are named as when that plan is validated alone."""
        reports = [report_graph([part]) for part in self.results]
        return report_graph(
            [(r, tuple(r.subjects(RDF.type, SH.ValidationResult))) for r in reports]
        )

    @property
    def conforms(self) -> bool:
        """True when no finding is a violation (warnings and info do not fail)."""
        return not any(f.severity == "violation" for f in self.findings)

    def passed(self, *, strict: bool = False) -> bool:
        """The verdict: no violation, and under `strict` no warning either."""
        return self.conforms and not (strict and self.count("warning") > 0)

    def count(self, severity: str, plan: str | None = None) -> int:
        return sum(
            f.severity == severity and (plan is None or f.plan == plan) for f in self.findings
        )


def report_document(report: Report, *, strict: bool = False) -> dict[str, Any]:
    """A validation report as the JSON document `validate --format json` and the explorer's
    download give: the verdict (`passed` counts warnings as failures under `strict`), counts
    per plan and severity, and the findings."""
    return {
        "conforms": report.conforms,
        "passed": report.passed(strict=strict),
        "summary": [
            {"plan": plan, **{s: report.count(s, plan) for s in SEVERITY_ORDER}}
            for plan in report.plans
        ],
        "findings": [asdict(f) for f in report.findings],
    }


@cache
def shapes_graph() -> Graph:
    """All shapes of shapes/*.ttl in one graph, each SPARQL query on one line.

    pySHACL screens a query's text for every focus node with regular expressions whose
    cost grows with lines × length (2 ms for a 30-line query); on one line it is linear.
    The queries hold no comments, so joining their lines keeps their meaning. The files are
    parsed by pyoxigraph: rdflib's Turtle parser costs more to import than to run here.
    """
    graph = Graph()
    for path in sorted(resource_dir("shapes").glob("*.ttl")):
        for triple in ox.parse(path=str(path), format=ox.RdfFormat.TURTLE):
            graph.add(_rdflib_triple(triple))
    for constraint, query in list(graph.subject_objects(SH.select)):
        graph.set((constraint, SH.select, Literal(" ".join(str(query).split()))))
    return graph


@cache
def compiled_shapes() -> Any:
    """The shapes compiled by pyshacl-turbo once per process (a warm process, the API and the
    explorer, validates many drafts)."""
    from pyshacl_turbo import compile_shapes  # imported late: only validate needs it

    return compile_shapes(shapes_graph(), advanced=True)


@cache
def vocabulary_index() -> dict[str, str]:
    """The SKOS concepts the rules read (indicators, regions): the triples of each, by IRI,
    as N-Triples text. Kept between processes beside the lexicon (parsing regions.ttl is
    a twentieth of a `validate` run; the index loads in a few ms): only the concepts a plan
    refers to are parsed (`concept_triples`)."""
    return kept_between_processes("vocabulary", _read_vocabulary_index, dict)


def _read_vocabulary_index() -> dict[str, str]:
    index: dict[str, list[str]] = {}
    for name in VOCABULARY_CONTEXT:
        for triple in ontology_triples(name):
            if isinstance(triple.subject, ox.NamedNode):
                index.setdefault(triple.subject.value, []).append(f"{triple} .\n")
    return {iri: "".join(lines) for iri, lines in index.items()}


@cache
def concept_triples(iri: str) -> tuple[ox.Triple, ...]:
    """The triples of a vocabulary concept with only the properties the shapes read: no
    alternative label or note is copied into each validation (they were half of a plan's
    context)."""
    text = vocabulary_index().get(iri)
    if text is None:
        return ()
    triples = ox.parse(text, format=ox.RdfFormat.N_TRIPLES)
    return tuple(t for t in triples if read_by_shapes(t.predicate.value))


@cache
def read_by_shapes(predicate: str) -> bool:
    """Whether a shape may read `predicate`: rdf:type, a context link, or a property whose
    name the text of shapes/ holds (in a path or a SPARQL query; no query has a variable
    predicate, tests/test_shapes.py checks it)."""
    if predicate == str(RDF.type) or predicate in CONTEXT_LINKS:
        return True
    name = re.escape(re.split(r"[#/]", predicate)[-1])
    return re.search(rf"[:#/]{name}\b", _shapes_text()) is not None


@cache
def _shapes_text() -> str:
    return "\n".join(p.read_text(encoding="utf-8") for p in resource_dir("shapes").glob("*.ttl"))


def context_triples(
    graphs: Iterable[Graph],
    triples_of: Callable[[str], Iterable[ox.Triple]] = concept_triples,
) -> list[ox.Triple]:
    """The vocabulary concepts the graphs refer to (their triples as `triples_of` gives
    them), with the regions that enclose them."""
    todo = [str(o) for graph in graphs for o in graph.objects() if isinstance(o, URIRef)]
    seen: set[str] = set()
    context: list[ox.Triple] = []
    while todo:
        iri = todo.pop()
        if iri in seen:
            continue
        seen.add(iri)
        for triple in triples_of(iri):
            context.append(triple)
            if triple.predicate.value in CONTEXT_LINKS and isinstance(triple.object, ox.NamedNode):
                todo.append(triple.object.value)
    return context


def validate_graph(
    data: Graph, lang: str = "zh", registry: Graph | None = None, parents: Graph | None = None
) -> Report:
    """Validate one plan graph with the bundled shapes, registry and vocabularies, and the
    parent context from a corpus (`context.parent_context`) when given."""
    registry = registry_graph() if registry is None else registry  # built once (cached)
    known = (registry,) if parents is None else (registry, parents)  # read as they are
    context = context_triples((data, *known))
    results = shacl_results(data, *known, context=context)
    own = set(data.subjects())
    kept = tuple(
        r for r in results.subjects(RDF.type, SH.ValidationResult) if _focus(results, r) in own
    )
    findings = sorted(
        (_finding(data, results, result, lang) for result in kept),
        key=lambda f: (
            SEVERITY_ORDER.index(f.severity),
            f.plan or "",
            f.line or 0,
            f.rule,
            f.focus,
            f.message,  # one rule may find several things of one node (parent indicators)
            f.quote or "",
        ),
    )
    plans = tuple(
        sorted(str(data.value(p, RDFS.label) or p) for p in data.subjects(RDF.type, PG.Plan))
    )
    return Report(tuple(findings), ((results, kept),), plans)


def plan_graphs_from(path: Path) -> list[Graph]:
    """The plan graphs to validate at `path`: built from a plan file or a folder of them, or
    read from Turtle (a graphs/ folder's vocabularies and registry hold no plan: skipped).
    Only plan files import the NLP pipeline (spaCy). The first file that cannot be used
    raises its error; `plan_graphs_in` checks a folder's other files all the same."""
    graphs, failed = plan_graphs_in(path)
    if failed:
        raise failed[0]
    return graphs


def plan_graphs_in(path: Path) -> tuple[list[Graph], list[PolicygraphError]]:
    """The plan graphs at `path` (as `plan_graphs_from`) and, for a folder of plan files,
    the error of each file that cannot be used (not a policy text, unreadable …): a reviewer
    checking a folder of drafts is told which ones were left out, and the rest are checked."""
    if not path.exists():
        raise InputError(path, "no such file or folder")
    if path.is_dir() and any(p.suffix.lower() in PLAN_SUFFIXES for p in path.iterdir()):
        from policygraph.build import build_file, plan_files

        graphs: list[Graph] = []
        failed: list[PolicygraphError] = []
        for file in plan_files([path]):
            try:
                graphs.append(build_file(file).graph)
            except PolicygraphError as error:
                failed.append(error)
        return _within_limit(path, graphs), failed
    return _graphs_at(path), []


def _graphs_at(path: Path) -> list[Graph]:
    """The plan graphs of one plan file, or of Turtle files (one or a folder)."""
    if path.is_file() and path.suffix.lower() in PLAN_SUFFIXES:
        from policygraph.build import build_file

        return _within_limit(path, [build_file(path).graph])
    if path.is_file() and path.suffix.lower() != ".ttl":
        raise InputError(
            path, f"unsupported format {path.suffix or '(no suffix)'}: expected a plan file or .ttl"
        )
    graphs = [load_graph(p) for p in graph_files(path)]
    plans = [g for g in graphs if (None, RDF.type, PG.Plan) in g]
    if not plans:
        raise InputError(path, "no plan (pg:Plan) in these graphs")
    return _within_limit(path, plans)


def _within_limit(path: Path, graphs: list[Graph]) -> list[Graph]:
    """The graphs, unless a plan has over MAX_PLAN_TARGETS targets (`InputError`)."""
    for graph in graphs:
        for plan in graph.subjects(RDF.type, PG.Plan):
            targets = sum(1 for _ in graph.objects(plan, PG.hasTarget))
            if targets > MAX_PLAN_TARGETS:
                raise InputError(
                    path,
                    f"too large to validate: {plan} has {targets} targets, "
                    f"limit {MAX_PLAN_TARGETS} (validate its parts separately)",
                )
    return graphs


def validate_graphs(plans: Iterable[Graph], lang: str = "zh", corpus: Path | None = None) -> Report:
    """Validate several plan graphs, each on its own with its context, as one report: the
    registry, and with `corpus` (a built graphs folder) the corpus plans each implements."""
    index = DocumentIndex(corpus) if corpus is not None else None
    reports = [_validate_in_context(plan, lang, index) for plan in plans]
    findings = tuple(f for report in reports for f in report.findings)
    results = tuple(part for report in reports for part in report.results)
    return Report(findings, results, tuple(p for r in reports for p in r.plans))


def _validate_in_context(plan: Graph, lang: str, index: DocumentIndex | None) -> Report:
    """Validate a plan with the registry and, given the corpus index, the plans it implements."""
    if index is None:
        return validate_graph(plan, lang)
    context = parent_context(plan, index)
    return validate_graph(resolved_draft(plan, context), lang, parents=context)


def shacl_results(*data: Graph, context: Iterable[ox.Triple] = ()) -> Graph:
    """The SHACL report graph for data graphs plus context (SHACL-SPARQL on, no inference).

    Run by pyshacl-turbo, a Rust engine with pySHACL's API and results (the same results
    on every corpus plan, in a tenth of the time and without pySHACL's 0.25 s import).
    It is given an rdflib graph: given a pyoxigraph store, 0.6.5 selected a target with
    `pg:unit "%"` past `FILTER NOT EXISTS { ?this pg:unit "%" }` (tests/data/shapes/valid/
    Target-002.ttl); on the rdflib graph its results equal pySHACL's. The graph is made
    once from the parts in rdflib's store without named graphs (half the cost of a triple
    of the default one, which the engine only reads through), and the engine is asked not
    to write back into it (the shapes have no rules, so there is nothing to write).
    """
    graph = Graph(store="SimpleMemory")
    for part in data:
        for triple in part:
            graph.add(triple)
    for fact in context:
        graph.add(_rdflib_triple(fact))
    _conforms, results, _text = compiled_shapes().validate(
        graph, allow_warnings=True, _normalize_report_literals=True
    )
    assert isinstance(results, Graph)
    return results


@cache
def _rdflib_triple(fact: ox.Triple) -> tuple[Node, Node, Node]:
    """A vocabulary triple as rdflib terms (converted once per process: the same concepts
    come back for every plan)."""
    return from_oxigraph(fact.subject), from_oxigraph(fact.predicate), from_oxigraph(fact.object)


def report_graph(parts: Iterable[tuple[Graph, tuple[Node, ...]]]) -> Graph:
    """One sh:ValidationReport holding the given results (with their blank-node paths)."""
    graph = bind_prefixes(Graph())
    report = BNode()
    graph.add((report, RDF.type, SH.ValidationReport))
    conforms = True
    for results, kept in parts:
        for result in kept:
            graph.add((report, SH.result, result))
            _copy_closure(results, graph, result)
            conforms = conforms and results.value(result, SH.resultSeverity) != SH.Violation
    graph.add((report, SH.conforms, Literal(conforms)))
    return _relabelled(graph)


def _relabelled(graph: Graph) -> Graph:
    """The graph with each blank node named by a hash of what hangs from it, so the same
    report serialises to the same bytes in every run (pySHACL's blank nodes are random)."""
    names: dict[Node, BNode] = {}

    def name(node: Node) -> Node:
        if not isinstance(node, BNode):
            return node
        if node not in names:
            lines = sorted(f"{p.n3()} {name(o).n3()}" for p, o in graph.predicate_objects(node))
            names[node] = BNode("b" + hashlib.sha256("\n".join(lines).encode()).hexdigest()[:20])
        return names[node]

    relabelled = Graph(namespace_manager=graph.namespace_manager)
    for s, p, o in graph:
        relabelled.add((name(s), p, name(o)))
    return relabelled


def _copy_closure(source: Graph, target: Graph, node: Node) -> None:
    """Copy a node's triples and, recursively, its blank nodes' (a result path is a blank
    node of the shapes graph, so it is looked up there when the results lack it)."""
    origin = source if (node, None, None) in source else shapes_graph()
    for p, o in origin.predicate_objects(node):
        target.add((node, p, o))
        if isinstance(o, BNode):
            _copy_closure(source, target, o)


def _focus(results: Graph, result: Node) -> Node | None:
    return results.value(result, SH.focusNode)


def _finding(data: Graph, results: Graph, result: Node, lang: str) -> Finding:
    focus = _focus(results, result)
    shape = results.value(result, SH.sourceShape)
    value = results.value(result, SH.value)
    source = value if isinstance(value, URIRef) and (value, PG.quote, None) in data else focus
    plan = _plan_of(data, focus)
    return Finding(
        severity=_severity(results.value(result, SH.resultSeverity)),
        plan=_text(data.value(plan, RDFS.label)) if plan else None,
        file=_text(data.value(plan, PG.sourceFile)) if plan else None,
        focus=str(focus),
        label=_text(data.value(source, RDFS.label) or data.value(focus, RDFS.label)),
        rule=str(shape).rsplit("#", 1)[-1],
        message=_message(results, result, shape, lang),
        quote=_text(data.value(source, PG.quote)),
        line=_int(data.value(source, PG.line)),
    )


def _severity(node: Node | None) -> str:
    return SEVERITIES.get(node, "violation") if isinstance(node, URIRef) else "violation"


def _plan_of(data: Graph, focus: Node | None) -> Node | None:
    """The plan a node belongs to: itself, the plan that has, cites or issues it, or the
    plan of the target, measure or duty (pg:Assignment) it is responsible for."""
    if (focus, RDF.type, PG.Plan) in data:
        return focus
    for owner in OWNERS:
        for plan in data.subjects(owner, focus):
            if (plan, RDF.type, PG.Plan) in data:
                return plan
    for part in PARTS_OWNED:
        for item in data.subjects(part, focus):
            return _plan_of(data, item)
    return None


def _message(results: Graph, result: Node, shape: Node | None, lang: str) -> str:
    """The shape's message in `lang`, with the values pySHACL filled in ({?value} …).

    pySHACL drops the language tag of a message it fills in, so the filled-in one is
    found as the result message that fits the shape's template in `lang`.
    """
    templates = [m for m in shapes_graph().objects(shape, SH.message) if isinstance(m, Literal)]
    template = next((m for m in templates if m.language == lang), None)
    template = template or (templates[0] if templates else None)
    if template is None:
        return str(results.value(result, SH.resultMessage) or shape)
    pattern = re.compile(
        "".join(
            ".*?" if part.startswith("{") else re.escape(part) for part in _SLOTS.split(template)
        )
        + "$",
        re.DOTALL,
    )
    for message in results.objects(result, SH.resultMessage):
        if pattern.match(str(message)):
            return str(message)
    return str(template)


def _text(node: object) -> str | None:
    return None if node is None else str(node)


def _int(node: object) -> int | None:
    return int(node.toPython()) if isinstance(node, Literal) else None
