"""Validation: the SHACL shapes of shapes/ run by pySHACL, as a report people read.

Each finding names the plan, the thing (its label), the rule in plain words
(the shape's `sh:message`, in the language asked for) and the source text:
the quote and its line in the input file.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from pyshacl import validate as shacl_validate
from rdflib import Graph, Literal, URIRef
from rdflib.namespace import RDF, RDFS, SH

from policygraph.resources import resource_dir
from policygraph.vocab import PG

SEVERITIES = {SH.Violation: "violation", SH.Warning: "warning", SH.Info: "info"}
SEVERITY_ORDER = ("violation", "warning", "info")
PARTS = (PG.hasTarget, PG.hasMeasure)


@dataclass(frozen=True)
class Finding:
    """One validation result, joined to the text behind it."""

    severity: str
    plan: str | None
    focus: str
    label: str | None
    rule: str
    message: str
    quote: str | None
    line: int | None


@dataclass(frozen=True)
class Report:
    findings: tuple[Finding, ...]
    graph: Graph

    @property
    def conforms(self) -> bool:
        """True when no finding is a violation (warnings and info do not fail)."""
        return not any(f.severity == "violation" for f in self.findings)

    def count(self, severity: str) -> int:
        return sum(f.severity == severity for f in self.findings)


@cache
def shapes_graph() -> Graph:
    """All shapes of shapes/*.ttl in one graph."""
    graph = Graph()
    for path in sorted(resource_dir("shapes").glob("*.ttl")):
        graph.parse(path, format="turtle")
    return graph


def validate_graph(data: Graph, lang: str = "zh") -> Report:
    """Validate plan graphs with the bundled shapes."""
    _conforms, results, _text = shacl_validate(
        data, shacl_graph=shapes_graph(), advanced=True, allow_warnings=True
    )
    assert isinstance(results, Graph)
    findings = [
        _finding(data, results, result, lang)
        for result in results.subjects(RDF.type, SH.ValidationResult)
    ]
    findings.sort(
        key=lambda f: (SEVERITY_ORDER.index(f.severity), f.plan or "", f.line or 0, f.focus, f.rule)
    )
    return Report(tuple(findings), results)


def _finding(data: Graph, results: Graph, result: URIRef, lang: str) -> Finding:
    focus = results.value(result, SH.focusNode)
    shape = results.value(result, SH.sourceShape)
    severity = SEVERITIES.get(results.value(result, SH.resultSeverity), "violation")  # type: ignore[arg-type]
    return Finding(
        severity=severity,
        plan=_plan_label(data, focus),  # type: ignore[arg-type]
        focus=str(focus),
        label=_text(data.value(focus, RDFS.label)),  # type: ignore[arg-type]
        rule=str(shape).rsplit("#", 1)[-1],
        message=_message(results, result, shape, lang),  # type: ignore[arg-type]
        quote=_text(data.value(focus, PG.quote)),  # type: ignore[arg-type]
        line=_int(data.value(focus, PG.line)),  # type: ignore[arg-type]
    )


def _plan_label(data: Graph, focus: URIRef) -> str | None:
    if (focus, RDF.type, PG.Plan) in data:
        return _text(data.value(focus, RDFS.label))
    for part in PARTS:
        for plan in data.subjects(part, focus):
            return _text(data.value(plan, RDFS.label))
    for plan in data.subjects(RDF.type, PG.Plan):
        for part in PARTS:
            for item in data.objects(plan, part):
                if (item, PG.responsibleUnit, focus) in data:
                    return _text(data.value(plan, RDFS.label))
    return None


def _message(results: Graph, result: URIRef, shape: URIRef, lang: str) -> str:
    messages = list(shapes_graph().objects(shape, SH.message)) or list(
        results.objects(result, SH.resultMessage)
    )
    for message in messages:
        if isinstance(message, Literal) and message.language == lang:
            return str(message)
    return str(messages[0]) if messages else str(shape)


def _text(node: object) -> str | None:
    return None if node is None else str(node)


def _int(node: object) -> int | None:
    return int(node.toPython()) if isinstance(node, Literal) else None
