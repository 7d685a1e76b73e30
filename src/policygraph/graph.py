"""A `Plan` record (and the registry of known policies) as RDF: the one bridge from the
records to the vocabulary; departments and regions are minted here only.

Every extracted resource gets `rdfs:label`@zh, `pg:quote` (its exact source
text) and `pg:line`; IRIs come from `ids.py`, so the same plan always gives
the same graph.

Owners: an owner named for the thing itself (a table's
责任单位 cell, the item's （责任单位：…） list, a 牵头/配合 statement about it) is its
pg:responsibleUnit. A plan-wide division of labour (区民政局牵头负责一老工作,
`Plan.domain_leads`) is a pg:DivisionOfLabour of the plan, with its domain, lead and
quote; it stands in as owner only of the targets and measures of its domain that
name none: those carry pg:inheritedFrom the division (never pg:responsibleUnit, which
stays what the plan names for them), and the obligations queries list its pg:domainLead
as their owner, marked "inherited".
A duty stated outside every measure and target (由国家医保局、国家卫生健康委等分工负责 in
a text of running prose, `Plan.assignments`) is a pg:Assignment of the plan, with its
quote and the units it names as pg:responsibleUnit / pg:leadUnit.
A target's domain is its table group (一、养老服务), else its indicator concept's
pg:domain, else its measure's; a measure's is named by its heading or an enclosing
one (健全养老托育服务规划体系: both domains).
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date
from decimal import Decimal
from functools import cache, lru_cache

import pyoxigraph as ox
from rdflib import Graph, Literal
from rdflib import namespace as rdflib_namespaces
from rdflib.term import Node

from policygraph import vocab
from policygraph.document_kinds import draft_stage
from policygraph.extract.citations import title_key
from policygraph.extract.responsibility import domains_named
from policygraph.ids import digest, local_iri, mint_iri
from policygraph.lexicon import Lexicon
from policygraph.lexicon_data import load_lexicon
from policygraph.model import (
    Assignment,
    Bindingness,
    Citation,
    CitationRole,
    DepartmentMention,
    DomainLead,
    Measure,
    Plan,
    Quote,
    Target,
)
from policygraph.registry import (
    KnownPolicy,
    ParentTarget,
    doc_iri,
    issuer_of_code,
    load_registry,
)
from policygraph.restatement import restated_below
from policygraph.store import from_oxigraph, literal_to_oxigraph
from policygraph.vocab import bind_prefixes

LITERALS_KEPT = 4096
"""Literals `literal` keeps made: enough for the lines, years, values, units and labels
that the plans of one build process repeat."""
Triple = ox.Triple
Triples = set[ox.Triple]
"""Where triples are emitted: a set of pyoxigraph triples, which the build writes as Turtle
(`store.canonical_turtle`) without the cost of rdflib's terms and store; `triples_graph`
makes them an rdflib Graph where one is asked for (validate, evaluate, the registry)."""


class _Iris:
    """A namespace's IRIs as pyoxigraph terms, each made on its first use (`PG.Plan`)."""

    def __init__(self, namespace: type | vocab.Namespace) -> None:
        self._namespace = namespace

    def __getattr__(self, name: str) -> ox.NamedNode:
        node = ox.NamedNode(str(getattr(self._namespace, name)))
        setattr(self, name, node)
        return node


def _mint(*segments: str) -> ox.NamedNode:
    return ox.NamedNode(mint_iri(*segments))


@lru_cache(maxsize=LITERALS_KEPT)
def _local(key: str) -> ox.NamedNode:
    return ox.NamedNode(local_iri(key))


def _doc(number: str) -> ox.NamedNode:
    return ox.NamedNode(doc_iri(number))


RDF = _Iris(rdflib_namespaces.RDF)
RDFS = _Iris(rdflib_namespaces.RDFS)
PG = _Iris(vocab.PG)
SKOS = _Iris(vocab.SKOS)
DCTERMS = _Iris(vocab.DCTERMS)
XSD = vocab.XSD
XSD_DECIMAL = ox.NamedNode(str(XSD.decimal))
BINDINGNESS = {Bindingness.BINDING: PG.Binding, Bindingness.EXPECTED: PG.Expected}


def plan_to_graph(plan: Plan, lexicon: Lexicon) -> Graph:
    """The RDF graph of one plan."""
    return triples_graph(plan_triples(plan, lexicon))


def plan_triples(plan: Plan, lexicon: Lexicon) -> frozenset[Triple]:
    """The triples of one plan's graph (`plan_to_graph` without the rdflib store)."""
    return frozenset(_PlanGraph(plan, lexicon).graph)


def triples_graph(triples: Iterable[Triple], store: str = "SimpleMemory") -> Graph:
    """The triples as an rdflib Graph with the project's prefixes, by default in rdflib's
    store without named graphs: a plan graph has none, and a triple costs half as much to add.
    Each distinct term is converted once: a plan's few hundred IRIs fill thousands of places."""
    graph = bind_prefixes(Graph(store=store))
    terms: dict[object, Node] = {}

    def convert(term: object) -> Node:
        if (node := terms.get(term)) is None:
            node = terms[term] = from_oxigraph(term)
        return node

    for triple in triples:
        graph.add((convert(triple.subject), convert(triple.predicate), convert(triple.object)))
    return graph


class _PlanGraph:
    """Builds one plan's graph; holds the plan's IRI namespace and region."""

    def __init__(self, plan: Plan, lexicon: Lexicon) -> None:
        self.plan = plan
        self.lexicon = lexicon
        self.stem = plan.source_file.rsplit(".", 1)[0]
        self.graph: set[Triple] = set()
        self.departments: dict[str, ox.NamedNode] = {}
        self.iri = _mint("plan", self.stem)
        self.region = self._region(plan.jurisdiction) if plan.jurisdiction else None
        self.discrepancies = 0
        self.measures = {measure.key: measure for measure in plan.measures}
        self._document()
        # the plan's own units first, so a department is labelled as the plan writes it
        self.divisions = self._divisions(plan.domain_leads)
        for measure in plan.measures:
            self._measure(measure)
        for target in plan.targets:
            self._target(target)
        for number, assignment in enumerate(plan.assignments, start=1):
            self._assignment(number, assignment)
        for citation in plan.citations:
            self._citation(citation)

    def add(self, s: ox.NamedNode, p: ox.NamedNode, o: ox.NamedNode | ox.Literal) -> None:
        self.graph.add(ox.Triple(s, p, o))

    def quote(self, node: ox.NamedNode, quote: Quote | None) -> None:
        add_quote(self.graph, node, quote)

    def _document(self) -> None:
        plan, node = self.plan, self.iri
        self.add(node, RDF.type, PG.Plan)
        self.add(node, PG.sourceFile, literal(plan.source_file))
        self.add(node, RDFS.label, literal(plan.title or self.stem, lang="zh"))
        if plan.title:
            self.add(node, DCTERMS.title, literal(plan.title, lang="zh"))
            self.quote(node, plan.title_quote)
            if stage := draft_stage(plan.title):
                self.add(node, PG.draftStage, literal(stage))
        if plan.doc_number is not None:
            if plan.doc_number.normal:
                self.add(node, PG.docNumber, literal(plan.doc_number.normal))
            self.add(node, PG.docNumberRaw, literal(plan.doc_number.raw))
        if plan.issued is not None:
            self.add(node, DCTERMS.issued, typed_literal(plan.issued, datatype=XSD.date))
        for issuer in plan.issuers:
            self.add(node, PG.issuedBy, self._department(issuer, None))
        if self.region is not None:
            self.add(node, PG.jurisdiction, self.region)
        for cut in plan.cut:
            self.add(node, PG.textCut, literal(cut))

    def _region(self, name: str, within: ox.NamedNode | None = None) -> ox.NamedNode:
        return add_region(self.graph, name, self.lexicon, within)

    def _department(self, name: str, quote: Quote | None) -> ox.NamedNode:
        """The node of a unit name; a name seen before is not looked up again: its
        node and first writing are already in the graph (see `add_department`)."""
        node = self.departments.get(name)
        if node is None:
            node = add_department(self.graph, name, self.plan.jurisdiction, self.lexicon, quote)
            self.departments[name] = node
        return node

    def _units(
        self, node: ox.NamedNode, units: tuple[DepartmentMention, ...], lead: bool = False
    ) -> None:
        for mention in units:
            department = self._department(mention.name, mention.quote)
            self.add(node, PG.leadUnit if lead else PG.responsibleUnit, department)
            if lead:
                self.add(node, PG.responsibleUnit, department)

    def _divisions(self, leads: tuple[DomainLead, ...]) -> dict[str, ox.NamedNode]:
        """One pg:DivisionOfLabour per domain the plan gives a lead, by domain key."""
        divisions: dict[str, ox.NamedNode] = {}
        for lead in leads:
            node = divisions.get(lead.domain)
            if node is None:
                node = _mint("division", self.stem, lead.domain.removeprefix("domain/"))
                divisions[lead.domain] = node
                self.add(self.iri, PG.divisionOfLabour, node)
                self.add(node, RDF.type, PG.DivisionOfLabour)
                self.add(node, RDFS.label, literal(lead.quote.text, lang="zh"))
                self.add(node, PG.domain, _local(lead.domain))
                self.quote(node, lead.quote)
            self.add(node, PG.domainLead, self._department(lead.unit.name, lead.unit.quote))
        return divisions

    def _inherit(self, node: ox.NamedNode, domains: tuple[str, ...]) -> None:
        """The plan's divisions of labour for `domains`, whose leads stand in as the
        owners of a target or measure that names none."""
        for domain in domains:
            division = self.divisions.get(domain)
            if division is None:
                continue
            self.add(node, PG.inheritedFrom, division)

    def _measure_domains(self, key: str | None) -> tuple[str, ...]:
        """The domains a measure's heading, or the nearest enclosing heading, names."""
        while key is not None and key in self.measures:
            measure = self.measures[key]
            if domains := domains_named(measure.title, self.lexicon):
                return domains
            key = measure.parent
        return ()

    def _target_domains(self, target: Target, concept_domains: tuple[str, ...]) -> tuple[str, ...]:
        if target.domain and (domains := domains_named(target.domain, self.lexicon)):
            return domains
        return concept_domains or self._measure_domains(target.measure)

    def _citation(self, citation: Citation) -> None:
        """The cited document, resolved against the registry where it can be: a known
        policy at its registry IRI, anything else kept as an unresolved document."""
        number = citation.number.normal if citation.number else None
        regions = self.lexicon.enclosing_regions(self.plan.jurisdiction)
        resolution = load_registry().resolve(number, citation.title, regions, self.lexicon)
        if resolution.policy is not None:
            node = add_known_identity(self.graph, resolution.policy, self.lexicon)
        else:
            node = self._unresolved(citation, number, regions)
        if not resolution.discrepancy:
            if citation.number is not None:
                self.add(node, PG.docNumberRaw, literal(citation.number.raw))
            self.quote(node, citation.quote)
        relation = PG.implements if citation.role is CitationRole.BASIS else PG.cites
        self.add(self.iri, relation, node)
        if resolution.discrepancy and number is not None:
            self._discrepancy(citation, number, node)

    def _unresolved(
        self, citation: Citation, number: str | None, regions: frozenset[str]
    ) -> ox.NamedNode:
        key = number or "title-" + digest(title_key(citation.title or citation.quote.text))
        node = _doc(key)
        self.add(node, RDF.type, PG.PolicyDocument)
        self.add(node, RDFS.label, literal(citation.title or number or "", lang="zh"))
        self.add(node, PG.resolved, typed_literal(False))
        if citation.title:
            self.add(node, DCTERMS.title, literal(citation.title, lang="zh"))
        if number:
            self.add(node, PG.docNumber, literal(number))
        code = citation.number.issuer_code if citation.number else ""
        if issuer := issuer_of_code(code, regions, self.lexicon):
            names, jurisdiction = issuer
            for name in names:
                department = add_department(self.graph, name, jurisdiction, self.lexicon)
                self.add(node, PG.issuedBy, department)
        return node

    def _discrepancy(self, citation: Citation, number: str, resolved: ox.NamedNode) -> None:
        self.discrepancies += 1
        node = _mint("discrepancy", self.stem, str(self.discrepancies))
        self.add(node, RDF.type, PG.CitationDiscrepancy)
        label = f"引用文号 {number} 与标题所指文件不符"
        self.add(node, RDFS.label, literal(label, lang="zh"))
        self.add(node, PG.citedNumber, literal(number))
        self.add(node, PG.resolvedTo, resolved)
        self.quote(node, citation.quote)
        self.add(self.iri, PG.discrepancy, node)

    def _measure_iri(self, key: str) -> ox.NamedNode:
        return _mint("measure", self.stem, key)

    def _measure(self, measure: Measure) -> None:
        node = self._measure_iri(measure.key)
        self.add(node, RDF.type, PG.Measure)
        self.add(node, RDFS.label, literal(measure.title, lang="zh"))
        self.add(self.iri, PG.hasMeasure, node)
        if measure.number:
            self.add(node, SKOS.notation, literal(measure.number))
        if measure.parent:
            self.add(node, PG.subMeasureOf, self._measure_iri(measure.parent))
        self.quote(node, measure.quote)
        self._units(node, measure.responsible)
        self._units(node, measure.lead, lead=True)
        if not measure.responsible and not measure.lead:
            self._inherit(node, self._measure_domains(measure.key))

    def _assignment(self, number: int, assignment: Assignment) -> None:
        node = _mint("assignment", self.stem, str(number))
        self.add(node, RDF.type, PG.Assignment)
        self.add(node, RDFS.label, literal(assignment.quote.text, lang="zh"))
        self.add(self.iri, PG.assignment, node)
        self.quote(node, assignment.quote)
        self._units(node, assignment.responsible)
        self._units(node, assignment.lead, lead=True)

    def _target(self, target: Target) -> None:
        concept = self.lexicon.indicator_of(target)
        year = str(target.year) if target.year is not None else "per-year"
        parts = ["target", self.stem, concept.key.removeprefix("indicator/"), year]
        if target.region:
            parts.append(target.region)
        node = _mint(*parts)
        self.add(node, RDF.type, PG.Target)
        self.add(node, RDFS.label, literal(target.indicator, lang="zh"))
        self.add(self.iri, PG.hasTarget, node)
        self.add(node, PG.indicator, self._indicator(concept.key, concept.label, concept.reviewed))
        if target.year is not None:
            self.add(node, PG.year, literal(target.year))
        if target.value is not None:
            self.add(node, PG.value, typed_literal(target.value))
        if target.max_value is not None:
            self.add(node, PG.maxValue, typed_literal(target.max_value))
        if target.qualitative:
            self.add(node, PG.qualitativeValue, literal(target.qualitative, lang="zh"))
        if target.comparator:
            self.add(node, PG.comparator, literal(target.comparator))
        if target.unit:
            self.add(node, PG.unit, literal(target.unit))
        if target.baseline_value is not None:
            self.add(node, PG.baselineValue, typed_literal(target.baseline_value))
        if target.baseline_year is not None:
            self.add(node, PG.baselineYear, literal(target.baseline_year))
        if target.binding is not None:
            self.add(node, PG.bindingness, BINDINGNESS[target.binding])
        domains = self._target_domains(target, concept.domains)
        for domain in domains:
            self.add(node, PG.domain, _local(domain))
        if target.region:
            self.add(node, PG.region, self._region(target.region, self.region))
        if target.measure:
            self.add(node, PG.inMeasure, self._measure_iri(target.measure))
        self.quote(node, target.quote)
        self._units(node, target.responsible)
        if not target.responsible:
            self._inherit(node, domains)

    def _indicator(self, key: str, label: str, reviewed: bool) -> ox.NamedNode:
        node = _local(key)
        if not reviewed:
            self.add(node, RDF.type, PG.Indicator)
            self.add(node, SKOS.prefLabel, literal(label, lang="zh"))
            self.add(node, RDFS.label, literal(label, lang="zh"))
            self.add(node, SKOS.inScheme, _local("scheme/indicators"))
            self.add(node, PG.reviewed, typed_literal(False))
        return node


def add_department(
    graph: Triples,
    name: str,
    jurisdiction: str | None,
    lexicon: Lexicon,
    quote: Quote | None = None,
) -> ox.NamedNode:
    """A department at `pgr:department/<region>/<name>`, one node per (region, normalised
    name) (see `Lexicon.department_key`); the first writing seen gives its label and quote."""
    region, key = lexicon.department_key(name, jurisdiction)
    node = _mint("department", region, key)
    if ox.Triple(node, RDF.type, PG.Department) in graph:
        return node
    graph.add(ox.Triple(node, RDF.type, PG.Department))
    graph.add(ox.Triple(node, RDFS.label, literal(name, lang="zh")))
    add_quote(graph, node, quote)
    if jurisdiction is not None or region != "_":
        graph.add(ox.Triple(node, PG.jurisdiction, add_region(graph, region, lexicon)))
    for function in lexicon.functions_of(name):
        graph.add(ox.Triple(node, PG.function, _local(function)))
    return node


def add_region(
    graph: Triples, name: str, lexicon: Lexicon, within: ox.NamedNode | None = None
) -> ox.NamedNode:
    """The region a label names: a SKOS region of regions.ttl, or one minted here
    (inside `within`, the plan's region, when given)."""
    key = lexicon.regions.get(name)
    if key is not None:
        return _local(key)
    node = _mint("region", name)
    graph.add(ox.Triple(node, RDF.type, PG.Region))
    graph.add(ox.Triple(node, RDFS.label, literal(name, lang="zh")))
    if within is not None:
        graph.add(ox.Triple(node, PG.within, within))
    return node


@lru_cache(maxsize=LITERALS_KEPT)
def literal(value: str | int, lang: str | None = None) -> ox.Literal:
    """`Literal(value, lang=lang)`, made once for a value the plans repeat (a line, a year,
    a unit, an indicator's label): rdflib's constructor, which checks and casts the value,
    was a third of the time of a plan's triples (issue 16, build CPU). A Literal is
    immutable, so sharing one is safe. Only strings and integers: decimals that are equal
    print differently (4.5, 4.50), and a shared one would print as the first one made."""
    return typed_literal(value, lang=lang)


def typed_literal(
    value: str | int | bool | Decimal | date, lang: str | None = None, datatype: str | None = None
) -> ox.Literal:
    """The pyoxigraph literal of `Literal(value, lang=lang, datatype=datatype)`: rdflib's
    lexical form and datatype of a Python value (a Decimal, a date, a boolean), made once
    per type and printed form: equal decimals that print differently (4.5, 4.50) stay apart.
    A decimal, which a plan's values rarely repeat, is written as rdflib writes it."""
    if type(value) is Decimal and lang is None and datatype is None:
        return ox.Literal(f"{value:f}", datatype=XSD_DECIMAL)
    return _typed_literal(type(value).__name__, str(value), lang, datatype, value)


@lru_cache(maxsize=LITERALS_KEPT)
def _typed_literal(
    _type: str, _printed: str, lang: str | None, datatype: str | None, value: object
) -> ox.Literal:
    return literal_to_oxigraph(Literal(value, lang=lang, datatype=datatype))


def add_quote(graph: Triples, node: ox.NamedNode, quote: Quote | None) -> None:
    """A resource's provenance: its exact source text and line."""
    if quote is not None:
        graph.add(ox.Triple(node, PG.quote, literal(quote.text, lang="zh")))
        graph.add(ox.Triple(node, PG.line, literal(quote.line)))


def add_known_identity(graph: Triples, policy: KnownPolicy, lexicon: Lexicon) -> ox.NamedNode:
    """What both the registry and a citing plan state of a known policy: number,
    title, issuers and jurisdiction."""
    node = _doc(policy.number)
    graph.add(ox.Triple(node, RDF.type, PG.PolicyDocument))
    graph.add(ox.Triple(node, RDFS.label, literal(policy.title, lang="zh")))
    graph.add(ox.Triple(node, DCTERMS.title, literal(policy.title, lang="zh")))
    graph.add(ox.Triple(node, PG.docNumber, literal(policy.number)))
    graph.add(ox.Triple(node, PG.resolved, typed_literal(True)))
    for issuer in policy.issuers:
        department = add_department(graph, issuer, policy.jurisdiction, lexicon)
        graph.add(ox.Triple(node, PG.issuedBy, department))
    graph.add(ox.Triple(node, PG.jurisdiction, add_region(graph, policy.jurisdiction, lexicon)))
    return node


@cache
def registry_graph() -> Graph:
    """The registry as RDF: each known policy with its issuer, jurisdiction, parents
    and source, and the targets parent policies set."""
    registry, lexicon = load_registry(), load_lexicon()
    graph: Triples = set()
    for policy in registry.policies.values():
        node = add_known_identity(graph, policy, lexicon)
        if policy.issued is not None:
            graph.add(
                ox.Triple(node, DCTERMS.issued, typed_literal(policy.issued, datatype=XSD.date))
            )
        for parent in policy.implements:
            graph.add(ox.Triple(node, PG.implements, _doc(parent)))
        graph.add(ox.Triple(node, DCTERMS.source, literal(policy.source)))
    for target in registry.targets:
        _add_target(graph, target, lexicon)
    return triples_graph(graph, store="default")


def _add_target(graph: Triples, target: ParentTarget, lexicon: Lexicon) -> None:
    concept = lexicon.indicator(target.indicator)
    key = concept.key.removeprefix("indicator/")
    node = _mint("target", "parent", target.number, key, str(target.year))
    graph.add(ox.Triple(_doc(target.number), PG.hasTarget, node))
    graph.add(ox.Triple(node, RDF.type, PG.Target))
    graph.add(ox.Triple(node, RDFS.label, literal(target.indicator, lang="zh")))
    graph.add(ox.Triple(node, PG.indicator, _local(concept.key)))
    graph.add(ox.Triple(node, PG.year, typed_literal(target.year)))
    graph.add(ox.Triple(node, PG.value, typed_literal(target.value)))
    graph.add(ox.Triple(node, PG.comparator, literal(target.comparator)))
    graph.add(ox.Triple(node, PG.unit, literal(target.unit)))
    restate = restated_below(concept.label, target.unit)
    graph.add(ox.Triple(node, PG.restateBelow, typed_literal(restate)))
    if target.quote:
        graph.add(ox.Triple(node, PG.quote, literal(target.quote, lang="zh")))
    graph.add(ox.Triple(node, DCTERMS.source, literal(target.source)))
