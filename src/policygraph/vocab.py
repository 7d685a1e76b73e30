"""The RDF vocabularies policygraph writes and reads, as rdflib namespace objects.

`PG` mirrors `ontology/policygraph.ttl` term for term and is closed: a misspelt term
raises `AttributeError` on first use (`tests/test_vocab.py` keeps the two in step).
`PGR` is open, because the build mints resource IRIs in it; `PGSH` names SHACL shapes.
`PREFIXES` is the one prefix table for binding graphs, SPARQL `initNs` and reports.

This is the only module in `src/` that spells out a policygraph IRI.
"""

# Attribute names are the ontology's own camelCase terms (as in rdflib's namespace modules).
# ruff: noqa: N815

from rdflib import Graph
from rdflib.namespace import (
    DCTERMS,
    ORG,
    OWL,
    PROV,
    RDF,
    RDFS,
    SH,
    SKOS,
    XSD,
    DefinedNamespace,
    Namespace,
)
from rdflib.term import URIRef

__all__ = [
    "DCTERMS",
    "ELI",
    "ORG",
    "OWL",
    "PG",
    "PGR",
    "PGSH",
    "PREFIXES",
    "PROV",
    "RDF",
    "RDFS",
    "SH",
    "SKOS",
    "XSD",
    "bind_prefixes",
]


class PG(DefinedNamespace):
    """The policygraph ontology: classes, properties and individuals of `pg:`."""

    _NS = Namespace("https://w3id.org/policygraph/ontology#")
    _fail = True

    # Classes
    Assignment: URIRef  # duty statement
    Bindingness: URIRef  # bindingness
    CitationDiscrepancy: URIRef  # citation discrepancy
    Department: URIRef  # department
    DivisionOfLabour: URIRef  # division of labour
    Domain: URIRef  # policy domain
    Function: URIRef  # function
    Indicator: URIRef  # indicator
    Measure: URIRef  # measure
    Plan: URIRef  # plan
    PolicyDocument: URIRef  # policy document
    Region: URIRef  # region
    Target: URIRef  # target

    # Individuals of pg:Bindingness
    Binding: URIRef  # binding
    Expected: URIRef  # expected

    # Object properties
    assignment: URIRef  # duty statement
    bindingness: URIRef  # bindingness
    cites: URIRef  # cites
    discrepancy: URIRef  # discrepancy
    divisionOfLabour: URIRef  # division of labour
    domainLead: URIRef  # domain lead
    domain: URIRef  # policy domain
    function: URIRef  # function
    hasMeasure: URIRef  # has measure
    hasTarget: URIRef  # has target
    implements: URIRef  # implements
    inMeasure: URIRef  # in measure
    indicator: URIRef  # indicator
    inheritedFrom: URIRef  # owner inherited from
    issuedBy: URIRef  # issued by
    jurisdiction: URIRef  # jurisdiction
    leadUnit: URIRef  # lead unit
    region: URIRef  # region
    resolvedTo: URIRef  # resolved to
    responsibleUnit: URIRef  # responsible unit
    subMeasureOf: URIRef  # sub-measure of
    within: URIRef  # within

    # Datatype properties
    adminLevel: URIRef  # administrative level
    baselineValue: URIRef  # baseline value
    baselineYear: URIRef  # baseline year
    citedNumber: URIRef  # cited number
    comparator: URIRef  # comparator
    docNumber: URIRef  # document number
    docNumberRaw: URIRef  # document number as printed
    draftStage: URIRef  # draft stage
    line: URIRef  # line
    maxValue: URIRef  # maximum value
    nameStem: URIRef  # name stem of a function's departments
    qualitativeValue: URIRef  # qualitative value
    quote: URIRef  # quote
    resolved: URIRef  # resolved
    restateBelow: URIRef  # restated below
    reviewed: URIRef  # reviewed
    sourceFile: URIRef  # source file
    textCut: URIRef  # where the text is cut
    unit: URIRef  # unit
    value: URIRef  # value
    year: URIRef  # target year


PGR = Namespace("https://w3id.org/policygraph/id/")
PGSH = Namespace("https://w3id.org/policygraph/shapes#")
ELI = Namespace("http://data.europa.eu/eli/ontology#")

PREFIXES: dict[str, str] = {
    "pg": str(PG),
    "pgr": str(PGR),
    "pgsh": str(PGSH),
    "eli": str(ELI),
    "dcterms": str(DCTERMS),
    "skos": str(SKOS),
    "org": str(ORG),
    "prov": str(PROV),
    "rdf": str(RDF),
    "rdfs": str(RDFS),
    "owl": str(OWL),
    "xsd": str(XSD),
    "sh": str(SH),
}


def bind_prefixes(graph: Graph) -> Graph:
    """Bind the project's prefixes in `graph` (for readable Turtle) and return it."""
    for prefix, iri in PREFIXES.items():
        graph.bind(prefix, iri)
    return graph
