"""The shapes of shapes/: each one with a conforming and a violating fixture graph.

`tests/data/shapes/valid/<Class>-NNN.ttl` must give no result at all (no violation,
warning or info). `tests/data/shapes/invalid/<Class>-<what>-NNN.ttl` has one defect and
states its expected results as a `dash:GraphValidationTestCase`; the results must equal
them over (focus node, result path, source shape, component, severity).
"""

from __future__ import annotations

import re
from pathlib import Path

import pyoxigraph as ox
import pytest
from rdflib import BNode, Graph, Namespace, URIRef
from rdflib.namespace import RDF, SH

from policygraph.graph import registry_graph
from policygraph.lexicon_data import ontology_triples
from policygraph.validate import (
    VOCABULARY_CONTEXT,
    concept_triples,
    context_triples,
    shacl_results,
    shapes_graph,
)
from policygraph.vocab import PGSH

DASH = Namespace("http://datashapes.org/dash#")
FIXTURES = Path(__file__).parent / "data" / "shapes"
VALID = sorted((FIXTURES / "valid").glob("*.ttl"))
INVALID = sorted((FIXTURES / "invalid").glob("*.ttl"))
GRAPHS = Path(__file__).parents[1] / "graphs"

ResultKey = tuple[URIRef | None, URIRef | None, URIRef | None, URIRef | None, URIRef | None]


def result_keys(graph: Graph, results: list) -> list[ResultKey]:
    """Results as sortable tuples; a blank-node path (sh:alternativePath) compares as None:
    the source shape already names it."""

    def term(node: object) -> URIRef | None:
        return None if node is None or isinstance(node, BNode) else node  # type: ignore[return-value]

    return sorted(
        (
            term(graph.value(r, SH.focusNode)),
            term(graph.value(r, SH.resultPath)),
            term(graph.value(r, SH.sourceShape)),
            term(graph.value(r, SH.sourceConstraintComponent)),
            term(graph.value(r, SH.resultSeverity)),
        )
        for r in results
    )


def actual_keys(data: Graph) -> list[ResultKey]:
    results = shacl_results(data)
    return result_keys(results, list(results.subjects(RDF.type, SH.ValidationResult)))


def expected_keys(data: Graph) -> list[ResultKey]:
    cases = list(data.subjects(RDF.type, DASH.GraphValidationTestCase))
    assert len(cases) == 1, "an invalid fixture states one dash:GraphValidationTestCase"
    report = data.value(cases[0], DASH.expectedResult)
    return result_keys(data, list(data.objects(report, SH.result)))


def load(path: Path) -> Graph:
    return Graph().parse(path, format="turtle")


@pytest.mark.parametrize("path", VALID, ids=lambda p: p.stem)
def test_shapes_accept_valid_fixture(path: Path) -> None:
    assert actual_keys(load(path)) == []


@pytest.mark.parametrize("path", INVALID, ids=lambda p: p.stem)
def test_shapes_report_the_one_defect_of_invalid_fixture(path: Path) -> None:
    data = load(path)
    expected = expected_keys(data)
    assert expected, "an invalid fixture expects at least one result"
    assert actual_keys(data) == expected


def node_shapes() -> list[URIRef]:
    return sorted(s for s in shapes_graph().subjects(RDF.type, SH.NodeShape))


def property_shapes() -> list[URIRef]:
    return sorted(s for s in shapes_graph().subjects(RDF.type, SH.PropertyShape))


def test_every_node_shape_has_a_valid_and_an_invalid_fixture() -> None:
    classes = {str(shape).removeprefix(str(PGSH)).removesuffix("Shape") for shape in node_shapes()}
    assert classes == {"Plan", "Target", "Measure", "Department", "PolicyDocument"}
    for name in classes:
        assert any(p.stem.startswith(f"{name}-") for p in VALID), f"no valid fixture for {name}"
        assert any(p.stem.startswith(f"{name}-") for p in INVALID), f"no invalid fixture for {name}"


TARGETS = (SH.target, SH.targetClass, SH.targetNode, SH.targetSubjectsOf, SH.targetObjectsOf)


def test_every_property_shape_is_named_and_violated_by_a_fixture() -> None:
    """Named `pgsh:<Class>Shape-<rule>`: hung off that node shape, or (a conditional rule)
    with a target of its own."""
    graph = shapes_graph()
    violated = {key[2] for path in INVALID for key in expected_keys(load(path))}
    for shape in property_shapes():
        assert isinstance(shape, URIRef), "property shapes are named IRIs, never blank nodes"
        node = PGSH[str(shape).removeprefix(str(PGSH)).split("-")[0]]
        assert node in node_shapes(), f"{shape} is not named after a node shape"
        hung = (node, SH.property, shape) in graph
        targeted = any((shape, t, None) in graph for t in TARGETS)
        assert hung != targeted, f"{shape}: hang it off {node} or give it a target, not both"
        assert shape in violated, f"no invalid fixture violates {shape}"


def test_every_property_shape_has_a_severity_and_messages_in_zh_and_en() -> None:
    graph = shapes_graph()
    for shape in property_shapes():
        assert graph.value(shape, SH.severity) in (SH.Violation, SH.Warning, SH.Info), shape
        languages = {m.language for m in graph.objects(shape, SH.message)}  # type: ignore[attr-defined]
        assert languages == {"zh", "en"}, shape


def test_shapes_graph_passes_meta_shacl() -> None:
    from pyshacl_turbo import validate

    conforms, _graph, text = validate(
        Graph(), shacl_graph=shapes_graph(), meta_shacl=True, advanced=True
    )
    assert conforms, text


def test_sparql_constraints_hold_no_comments() -> None:
    """validate.shapes_graph joins each query onto one line, which a # comment would break."""
    for path in sorted(Path(__file__).parents[1].joinpath("shapes").glob("*.ttl")):
        for _constraint, query in Graph().parse(path).subject_objects(SH.select):
            assert "#" not in str(query), path.name


def test_no_sparql_constraint_reads_a_property_through_a_variable() -> None:
    """A plan's vocabulary context holds only the properties the shapes name
    (validate.read_by_shapes), which is sound while no query has a variable predicate."""
    queries = [*shapes_graph().objects(None, SH.select), *shapes_graph().objects(None, SH.ask)]
    assert queries
    for query in queries:
        patterns = re.sub(r"(?is)^.*?\bWHERE\b", "", str(query))  # the projection is no pattern
        assert not re.search(r"[?$]\w+\s+[?$]\w+\s+[^\s.;,}]", patterns), query


@pytest.mark.parametrize("path", sorted((GRAPHS / "plans").glob("*.ttl")), ids=lambda p: p.stem)
def test_the_properties_left_out_of_the_context_change_no_result(path: Path) -> None:
    plan = load(path)
    everything: dict[str, tuple[ox.Triple, ...]] = {}
    for name in VOCABULARY_CONTEXT:
        for triple in ontology_triples(name):
            if isinstance(triple.subject, ox.NamedNode):
                everything[triple.subject.value] = (
                    *everything.get(triple.subject.value, ()),
                    triple,
                )
    keys = []
    for triples_of in (concept_triples, lambda iri: everything.get(iri, ())):
        context = context_triples((plan, registry_graph()), triples_of)
        results = shacl_results(plan, registry_graph(), context=context)
        keys.append(result_keys(results, list(results.subjects(RDF.type, SH.ValidationResult))))
    assert len(context_triples((plan,))) < len(
        context_triples((plan,), lambda iri: everything.get(iri, ()))
    )
    assert keys[0] == keys[1]
