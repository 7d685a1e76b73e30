"""The registry of known parent policies, and citations resolved against it.

`data/policies.csv` lists the national, provincial and local policies that plans
of this field cite: number, title, issuer, date, their own parent policies
(`implements`, numbers separated by `;`) and a source per entry.
`data/parent_targets.csv` lists targets those parent policies set for this
field's indicators. `registry_graph()` compiles both into RDF (written to
`registry.ttl` by the build), so lineage runs multi-hop: a city plan →
its provincial opinion → 国办发〔2020〕52号. `Registry.resolve` matches a
citation by number or by title and says when the two disagree.
"""

from __future__ import annotations

import csv
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from functools import cache
from pathlib import Path

from rdflib import Graph, Literal, URIRef
from rdflib.namespace import RDF, RDFS

from policygraph.errors import InputError
from policygraph.extract.citations import title_key
from policygraph.ids import local_iri, mint
from policygraph.lexicon import Lexicon
from policygraph.lexicon_data import load_lexicon
from policygraph.resources import resource_dir
from policygraph.vocab import DCTERMS, PG, PREFIXES, XSD

REGISTRY_FILE = "registry.ttl"

RELATIVE_CODE_STARTS = ("市", "区", "县")
"""Issuer codes that name no place (市政办发, 市卫函: "this city's"): many cities
write them, so they are only read for a plan inside the code's own region."""


@dataclass(frozen=True)
class KnownPolicy:
    """One row of data/policies.csv."""

    number: str
    title: str
    issuers: tuple[str, ...]  # joint issuers are separated by spaces in the file
    issued: date | None
    jurisdiction: str
    implements: tuple[str, ...]
    source: str


@dataclass(frozen=True)
class ParentTarget:
    """One row of data/parent_targets.csv: a target a parent policy sets."""

    number: str
    indicator: str
    year: int
    value: Decimal
    comparator: str
    unit: str
    quote: str
    source: str


@dataclass(frozen=True)
class Resolution:
    """What a citation resolved to; `discrepancy` when its printed number names
    another document (or none) than the title does."""

    policy: KnownPolicy | None
    discrepancy: bool = False


@dataclass(frozen=True)
class Registry:
    policies: dict[str, KnownPolicy]  # by normal document number
    titles: dict[str, str]  # title_key → number
    targets: tuple[ParentTarget, ...]

    def resolve(
        self, number: str | None, title: str | None, regions: frozenset[str], lexicon: Lexicon
    ) -> Resolution:
        """The known policy a citation names. The title wins over the number when
        they name different documents: numbers are what web copies garble.
        `regions` are the keys of the citing plan's region and those around it."""
        by_number = self.policies.get(number) if number else None
        if by_number is not None and not _applies(
            by_number.number, by_number.jurisdiction, regions, lexicon
        ):
            by_number = None
        by_title = self.policies.get(self.titles.get(title_key(title), "")) if title else None
        if by_title is not None and by_title is not by_number:
            return Resolution(by_title, discrepancy=number is not None)
        return Resolution(by_number)


def issuer_of_code(
    code: str, regions: frozenset[str], lexicon: Lexicon
) -> tuple[tuple[str, ...], str] | None:
    """The issuers and jurisdiction an issuer code stands for, where the table knows it."""
    if code not in lexicon.issuers:
        return None
    issuer, jurisdiction = lexicon.issuers[code]
    if not _applies(code, jurisdiction, regions, lexicon):
        return None
    return tuple(issuer.split()), jurisdiction


def _applies(number: str, jurisdiction: str, regions: frozenset[str], lexicon: Lexicon) -> bool:
    if not number.startswith(RELATIVE_CODE_STARTS):
        return True
    key = lexicon.regions.get(jurisdiction)
    return key is not None and key in regions


@cache
def load_registry() -> Registry:
    """The bundled registry (read once per process)."""
    data = resource_dir("data")
    policies = {p.number: p for p in _policies(data / "policies.csv")}
    titles = {title_key(p.title): p.number for p in policies.values()}
    return Registry(policies, titles, tuple(_targets(data / "parent_targets.csv")))


def _rows(path: Path) -> list[dict[str, str]]:
    if not path.is_file():
        raise InputError(path, "registry data file is missing")
    with path.open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def _policies(path: Path) -> list[KnownPolicy]:
    return [
        KnownPolicy(
            number=row["doc_number"],
            title=row["title"],
            issuers=tuple(row["issuer"].split()),
            issued=date.fromisoformat(row["issued"]) if row["issued"] else None,
            jurisdiction=row["jurisdiction"],
            implements=tuple(n.strip() for n in row["implements"].split(";") if n.strip()),
            source=row["source"],
        )
        for row in _rows(path)
    ]


def _targets(path: Path) -> list[ParentTarget]:
    return [
        ParentTarget(
            number=row["doc_number"],
            indicator=row["indicator"],
            year=int(row["year"]),
            value=Decimal(row["value"]),
            comparator=row["comparator"],
            unit=row["unit"],
            quote=row["quote"],
            source=row["source"],
        )
        for row in _rows(path)
    ]


def doc_iri(number: str) -> URIRef:
    """`pgr:doc/<normal number>`: one IRI per document, whoever cites it."""
    return mint("doc", number)


def add_department(graph: Graph, name: str, jurisdiction: str, lexicon: Lexicon) -> URIRef:
    """A department that issues documents, at `pgr:department/<jurisdiction>/<name>`."""
    region, key = lexicon.department_key(name, jurisdiction)
    node = mint("department", region, key)
    graph.add((node, RDF.type, PG.Department))
    if graph.value(node, RDFS.label) is None:  # one label: the first writing seen
        graph.add((node, RDFS.label, Literal(name, lang="zh")))
    graph.add((node, PG.jurisdiction, add_region(graph, region, lexicon)))
    for function in lexicon.functions_of(name):
        graph.add((node, PG.function, local_iri(function)))
    return node


def add_region(graph: Graph, name: str, lexicon: Lexicon) -> URIRef:
    """The region a label names: a SKOS region of regions.ttl, or one minted here."""
    key = lexicon.regions.get(name)
    if key is not None:
        return local_iri(key)
    node = mint("region", name)
    graph.add((node, RDF.type, PG.Region))
    graph.add((node, RDFS.label, Literal(name, lang="zh")))
    return node


def add_known_identity(graph: Graph, policy: KnownPolicy, lexicon: Lexicon) -> URIRef:
    """What both the registry and a citing plan state of a known policy: number,
    title, issuers and jurisdiction."""
    node = doc_iri(policy.number)
    graph.add((node, RDF.type, PG.PolicyDocument))
    graph.add((node, RDFS.label, Literal(policy.title, lang="zh")))
    graph.add((node, DCTERMS.title, Literal(policy.title, lang="zh")))
    graph.add((node, PG.docNumber, Literal(policy.number)))
    graph.add((node, PG.resolved, Literal(True)))
    for issuer in policy.issuers:
        department = add_department(graph, issuer, policy.jurisdiction, lexicon)
        graph.add((node, PG.issuedBy, department))
    graph.add((node, PG.jurisdiction, add_region(graph, policy.jurisdiction, lexicon)))
    return node


@cache
def registry_graph() -> Graph:
    """The registry as RDF: each known policy with its issuer, jurisdiction, parents
    and source, and the targets parent policies set."""
    registry, lexicon = load_registry(), load_lexicon()
    graph = Graph()
    for prefix, iri in PREFIXES.items():
        graph.bind(prefix, iri)
    for policy in registry.policies.values():
        node = add_known_identity(graph, policy, lexicon)
        if policy.issued is not None:
            graph.add((node, DCTERMS.issued, Literal(policy.issued, datatype=XSD.date)))
        for parent in policy.implements:
            graph.add((node, PG.implements, doc_iri(parent)))
        graph.add((node, DCTERMS.source, Literal(policy.source)))
    for target in registry.targets:
        _add_target(graph, target, lexicon)
    return graph


def _add_target(graph: Graph, target: ParentTarget, lexicon: Lexicon) -> None:
    concept = lexicon.indicator(target.indicator)
    key = concept.key.removeprefix("indicator/")
    node = mint("target", "parent", target.number, key, str(target.year))
    graph.add((doc_iri(target.number), PG.hasTarget, node))
    graph.add((node, RDF.type, PG.Target))
    graph.add((node, RDFS.label, Literal(target.indicator, lang="zh")))
    graph.add((node, PG.indicator, local_iri(concept.key)))
    graph.add((node, PG.year, Literal(target.year)))
    graph.add((node, PG.value, Literal(target.value)))
    graph.add((node, PG.comparator, Literal(target.comparator)))
    graph.add((node, PG.unit, Literal(target.unit)))
    if target.quote:
        graph.add((node, PG.quote, Literal(target.quote, lang="zh")))
    graph.add((node, DCTERMS.source, Literal(target.source)))
