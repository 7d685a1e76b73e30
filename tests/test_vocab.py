"""Drift and integrity checks for the ontology files and `policygraph.vocab`.

The ontology is the source of truth: `PG` must mirror it term for term, the public
contract (tests/data/VOCABULARY.md, a copy of the shared file) must be defined in it, and
the SKOS data (functions, regions) must be well formed enough for the matchers to trust.
"""

import re
from collections import Counter
from collections.abc import Iterator
from pathlib import Path

import pytest
from rdflib import BNode, Graph, Literal, Namespace, URIRef
from rdflib.collection import Collection
from rdflib.term import Node

from policygraph.vocab import (
    DCTERMS,
    ELI,
    ORG,
    OWL,
    PG,
    PGR,
    PREFIXES,
    RDF,
    RDFS,
    SKOS,
)

ROOT = Path(__file__).parents[1]
ONTOLOGY = ROOT / "ontology"
CONTRACT = ROOT / "tests" / "data" / "VOCABULARY.md"

FUNCTION_SCHEME = PGR["scheme/functions"]
FN = Namespace(str(PGR) + "function/")
REGION = Namespace(str(PGR) + "region/")
CHINA = REGION["中国"]
ADMIN_LEVELS = {"national", "province", "city", "county"}
# XSD is rdflib's one open (warning) namespace: keep it out of the module globals pytest scans.
XSD = Namespace(PREFIXES["xsd"])

# Merged bureaus hold both remits, so their names are altLabels of both functions.
SHARED_ALT_LABELS = {
    "教育体育局": [FN.education, FN.sports],
    "教育和体育局": [FN.education, FN.sports],
    "教体局": [FN.education, FN.sports],
    "发展改革和商务局": [FN.commerce, FN["development-reform"]],
}

# How the contract table writes a range, in RDF.
CONTRACT_RANGES = {
    "literal": XSD.string,
    "literal@zh": RDF.langString,
    "xsd:decimal": XSD.decimal,
    "xsd:integer": XSD.integer,
    "pg:Binding or pg:Expected": PG.Bindingness,
}


@pytest.fixture(scope="module")
def ontology() -> Graph:
    return Graph().parse(ONTOLOGY / "policygraph.ttl")


@pytest.fixture(scope="module")
def functions() -> Graph:
    return Graph().parse(ONTOLOGY / "functions.ttl")


@pytest.fixture(scope="module")
def regions() -> Graph:
    return Graph().parse(ONTOLOGY / "regions.ttl")


def in_pg(node: Node) -> bool:
    return isinstance(node, URIRef) and str(node).startswith(str(PG))


def pg_terms_defined(graph: Graph) -> set[URIRef]:
    return {s for s in graph.subjects() if isinstance(s, URIRef) and in_pg(s)}


def class_set(graph: Graph, node: Node) -> set[Node]:
    """The classes a domain or range names: itself, or the members of its owl:unionOf."""
    union = graph.value(node, OWL.unionOf)
    return set(Collection(graph, union)) if union is not None else {node}


def languages(graph: Graph, subject: Node, predicate: URIRef) -> list[str | None]:
    return [o.language for o in graph.objects(subject, predicate) if isinstance(o, Literal)]


def contract_rows() -> Iterator[tuple[str, str, str]]:
    """(term, from, to) for every term in the tables of VOCABULARY.md; from/to are '' for
    the classes table. A row naming two terms gives each its own range."""
    for line in CONTRACT.read_text(encoding="utf-8").splitlines():
        cells = [cell.strip() for cell in line.strip().strip("|").split("|")]
        if not line.startswith("| `") or cells[0].endswith(":`"):
            continue
        terms = re.findall(r"`([a-z]+:\w+)`", cells[0])
        source, target = cells[1].replace("`", "").split("→") if "→" in cells[1] else ("", "")
        targets = target.split(",") if len(terms) > 1 else [target]
        for term, one_target in zip(terms, targets, strict=True):
            yield term, source.strip(), one_target.strip()


def expand(term: str) -> URIRef:
    prefix, local = term.split(":")
    return URIRef(PREFIXES[prefix] + local)


# --- PG mirrors ontology/policygraph.ttl -------------------------------------------------


def test_vocab_pg_attributes_are_the_ontology_terms(ontology: Graph) -> None:
    in_python = set(dir(PG))
    in_ontology = pg_terms_defined(ontology)
    assert in_python - in_ontology == set(), "in vocab.PG but not defined in the ontology"
    assert in_ontology - in_python == set(), "defined in the ontology but missing from vocab.PG"


def test_vocab_pg_is_closed() -> None:
    with pytest.raises(AttributeError):
        _ = PG.responsibleUnits


def test_vocab_every_pg_iri_used_in_the_ontology_is_defined(ontology: Graph) -> None:
    used = {node for triple in ontology for node in triple if in_pg(node)}
    assert used - pg_terms_defined(ontology) == set()


def test_vocab_prefixes_name_the_namespaces() -> None:
    assert set(PREFIXES) == {
        "pg", "pgr", "pgsh", "eli", "dcterms", "skos", "org", "prov",
        "rdf", "rdfs", "owl", "xsd", "sh",
    }  # fmt: skip
    assert PREFIXES["pg"] == "https://w3id.org/policygraph/ontology#"
    assert PREFIXES["pgr"] == "https://w3id.org/policygraph/id/"
    assert PREFIXES["pgsh"] == "https://w3id.org/policygraph/shapes#"
    assert PREFIXES["eli"] == str(ELI) == "http://data.europa.eu/eli/ontology#"


# --- Every ontology term is labelled, described and typed --------------------------------


def test_vocab_ontology_terms_are_labelled_in_zh_and_en(ontology: Graph) -> None:
    for term in sorted(pg_terms_defined(ontology)):
        assert sorted(languages(ontology, term, RDFS.label)) == ["en", "zh"], term
        assert "en" in languages(ontology, term, RDFS.comment), term


def test_vocab_ontology_terms_are_typed(ontology: Graph) -> None:
    kinds = {OWL.Class, OWL.ObjectProperty, OWL.DatatypeProperty, OWL.NamedIndividual}
    for term in sorted(pg_terms_defined(ontology)):
        assert set(ontology.objects(term, RDF.type)) & kinds, term


def test_vocab_properties_have_one_domain_and_one_range(ontology: Graph) -> None:
    for kind in (OWL.ObjectProperty, OWL.DatatypeProperty):
        for prop in ontology.subjects(RDF.type, kind):
            if not in_pg(prop):
                continue
            assert len(list(ontology.objects(prop, RDFS.domain))) == 1, prop
            assert len(list(ontology.objects(prop, RDFS.range))) == 1, prop


def test_vocab_datatype_ranges_are_datatypes_and_object_ranges_are_classes(
    ontology: Graph,
) -> None:
    classes = set(ontology.subjects(RDF.type, OWL.Class))
    for prop in ontology.subjects(RDF.type, OWL.DatatypeProperty):
        rng = ontology.value(prop, RDFS.range)
        assert str(rng).startswith(str(XSD)) or rng == RDF.langString, prop
    for prop in ontology.subjects(RDF.type, OWL.ObjectProperty):
        if in_pg(prop):
            assert class_set(ontology, ontology.value(prop, RDFS.range)) <= classes, prop


# --- The public contract (VOCABULARY.md) -------------------------------------------------


def test_vocab_contract_table_is_read() -> None:
    terms = {term for term, _, _ in contract_rows()}
    assert {"pg:Plan", "pg:responsibleUnit", "pg:baselineYear", "dcterms:issued"} <= terms
    assert len(terms) == 34  # 8 classes and 26 properties


@pytest.mark.parametrize(("term", "source", "target"), list(contract_rows()))
def test_vocab_contract_term_is_defined(
    ontology: Graph, term: str, source: str, target: str
) -> None:
    iri = expand(term)
    if term.startswith("dcterms:"):
        # Reused as is: the ontology must not redefine a standard term.
        assert (iri, None, None) not in ontology
        return
    assert sorted(languages(ontology, iri, RDFS.label)) == ["en", "zh"]
    assert "en" in languages(ontology, iri, RDFS.comment)
    if not source:
        assert (iri, RDF.type, OWL.Class) in ontology
        return
    domain = ontology.value(iri, RDFS.domain)
    rng = ontology.value(iri, RDFS.range)
    assert domain is not None and rng is not None
    if source == "any extracted resource":
        assert isinstance(domain, BNode) and len(class_set(ontology, domain)) > 1
    else:
        # The ontology may widen a domain (pg:unit also gives an indicator's usual unit).
        assert class_set(ontology, domain) >= {PG[name] for name in source.split(" or ")}
    assert rng == (CONTRACT_RANGES[target] if target in CONTRACT_RANGES else PG[target])


@pytest.mark.parametrize(
    ("subject", "predicate", "obj"),
    [
        (PG.PolicyDocument, RDFS.subClassOf, ELI.LegalResource),
        (PG.Plan, RDFS.subClassOf, PG.PolicyDocument),
        (PG.Indicator, RDFS.subClassOf, SKOS.Concept),
        (PG.Function, RDFS.subClassOf, SKOS.Concept),
        (PG.Domain, RDFS.subClassOf, SKOS.Concept),
        (PG.Department, RDFS.subClassOf, ORG.Organization),
        (PG.cites, RDFS.subPropertyOf, ELI.cites),
        (PG.implements, RDFS.subPropertyOf, PG.cites),
        (PG.leadUnit, RDFS.subPropertyOf, PG.responsibleUnit),
        (PG.Binding, RDF.type, PG.Bindingness),
        (PG.Expected, RDF.type, PG.Bindingness),
    ],
    ids=lambda node: str(node).rsplit("#", 1)[-1].rsplit("/", 1)[-1],
)
def test_vocab_alignment_holds(
    ontology: Graph, subject: URIRef, predicate: URIRef, obj: URIRef
) -> None:
    assert (subject, predicate, obj) in ontology


def test_vocab_ontology_header(ontology: Graph) -> None:
    header = URIRef("https://w3id.org/policygraph/ontology")
    assert (header, RDF.type, OWL.Ontology) in ontology
    assert sorted(languages(ontology, header, DCTERMS.title)) == ["en", "zh"]


def test_vocab_domain_concepts_are_in_their_scheme(ontology: Graph) -> None:
    concepts = set(ontology.subjects(RDF.type, PG.Domain))
    assert concepts == {PGR["domain/elderly-care"], PGR["domain/childcare"]}
    for concept in concepts:
        assert (concept, SKOS.inScheme, PGR["scheme/domains"]) in ontology
        assert sorted(languages(ontology, concept, SKOS.prefLabel)) == ["en", "zh"]


# --- functions.ttl ------------------------------------------------------------------------


def function_alt_labels(functions: Graph) -> dict[str, set[URIRef]]:
    table: dict[str, set[URIRef]] = {}
    for concept, label in functions.subject_objects(SKOS.altLabel):
        table.setdefault(str(label), set()).add(concept)
    return table


def test_functions_concepts_are_in_the_scheme_with_both_labels(functions: Graph) -> None:
    concepts = set(functions.subjects(RDF.type, PG.Function))
    assert len(concepts) >= 27
    assert concepts == set(functions.subjects(RDF.type, SKOS.Concept))
    for concept in concepts:
        assert str(concept).startswith(str(FN)) and str(concept).isascii(), concept
        assert (concept, SKOS.inScheme, FUNCTION_SCHEME) in functions, concept
        assert sorted(languages(functions, concept, SKOS.prefLabel)) == ["en", "zh"], concept
        assert languages(functions, concept, SKOS.altLabel), concept
        assert set(languages(functions, concept, SKOS.altLabel)) == {"zh"}, concept


def test_functions_pref_labels_are_not_alt_labels(functions: Graph) -> None:
    prefs = {str(label) for label in functions.objects(None, SKOS.prefLabel)}
    assert prefs & set(function_alt_labels(functions)) == set()


def test_functions_alt_labels_name_one_function(functions: Graph) -> None:
    shared = {
        label: sorted(concepts)
        for label, concepts in function_alt_labels(functions).items()
        if len(concepts) > 1
    }
    assert shared == SHARED_ALT_LABELS


def functions_of(department: str, functions: Graph, regions: Graph) -> set[str]:
    """The matching rule functions.ttl is written for: the name as an exact altLabel; else
    without its jurisdiction prefix (a region name, or one of 区市县省州旗盟), exactly, then
    by the longest altLabel it ends with."""
    table = function_alt_labels(functions)
    region_names = {str(o) for p in (RDFS.label, SKOS.altLabel) for o in regions.objects(None, p)}
    prefixes = [name for name in region_names if department.startswith(name)]
    name = department
    if department not in table:
        if prefixes:
            name = department[len(max(prefixes, key=len)) :]
        elif department[0] in "区市县省州旗盟":
            name = department[1:]
    if name not in table:
        endings = [label for label in table if name.endswith(label)]
        name = max(endings, key=len) if endings else name
    return {str(c).removeprefix(str(FN)) for c in table.get(name, set())}


@pytest.mark.parametrize(
    ("department", "expected"),
    [
        # wanzhou.txt (区…, 万州…)
        ("区人力社保局", "human-resources-social-security"),
        ("区医保局", "healthcare-security"),
        ("区民政局", "civil-affairs"),
        ("区规划自然资源局", "natural-resources-planning"),
        ("区住房城乡建委", "housing-urban-rural-development"),
        ("区卫生健康委", "health"),
        ("区财政局", "finance"),
        ("区发展改革委", "development-reform"),
        ("各镇乡街道", "townships-subdistricts"),
        ("区教委", "education"),
        ("区政务服务办", "data-and-government-services"),
        ("各街道办事处", "townships-subdistricts"),
        ("区大数据发展局", "data-and-government-services"),
        ("区科技局", "science-technology"),
        ("区经济信息委", "industry-information-technology"),
        ("区文化旅游委", "culture-tourism"),
        ("区金融办", "financial-services"),
        ("万州区税务局", "taxation"),
        ("区市场监管局", "market-regulation"),
        ("万州银保监分局", "financial-services"),
        ("恒合土家族乡", "townships-subdistricts"),
        # zhoukou.txt (市…)
        ("市教育体育局", "education sports"),
        ("各县〔市、区〕政府〔管委会〕", "county-governments"),
        ("市医疗保障局", "healthcare-security"),
        ("市行政审批政务信息管理局", "data-and-government-services"),
        ("市工业和信息化局", "industry-information-technology"),
        ("市自然资源和规划局", "natural-resources-planning"),
        ("市住房城乡建设局", "housing-urban-rural-development"),
        ("人行周口市中心支行", "financial-services"),
        ("市税务局", "taxation"),
        ("市人力资源社会保障局", "human-resources-social-security"),
        ("市城市管理局", "urban-management"),
        ("市市场监管局", "market-regulation"),
        ("市应急局", "emergency-management"),
        ("市金融工作局", "financial-services"),
        ("市公安局", "public-security"),
        ("市统计局", "statistics"),
        # xixian.txt, kunming.txt, lincang.txt
        ("发展改革和商务局", "development-reform commerce"),
        ("基层工作部", "grassroots-work"),
        ("社会事业服务局", "social-affairs"),
        ("昆明市发展和改革委员会", "development-reform"),
        ("昆明市卫生健康委员会", "health"),
        ("临沧市人民政府办公室", "government-office"),
        ("各县（区）政府", "county-governments"),
        # writings of other plans
        ("市场监管局", "market-regulation"),
        ("省民政厅", "civil-affairs"),
        ("国家税务总局周口市税务局", "taxation"),
        ("大理州卫生健康委", "health"),
    ],
)
def test_functions_corpus_departments_resolve(
    functions: Graph, regions: Graph, department: str, expected: str
) -> None:
    assert functions_of(department, functions, regions) == set(expected.split())


# --- regions.ttl ----------------------------------------------------------------------------


def test_regions_each_has_one_parent_and_a_level(regions: Graph) -> None:
    all_regions = set(regions.subjects(RDF.type, PG.Region))
    assert CHINA in all_regions
    for region in all_regions:
        parents = list(regions.objects(region, PG.within))
        assert len(parents) == (0 if region == CHINA else 1), region
        assert all(parent in all_regions for parent in parents), region
        levels = [str(level) for level in regions.objects(region, PG.adminLevel)]
        assert len(levels) == 1 and levels[0] in ADMIN_LEVELS, region
        assert languages(regions, region, RDFS.label) == ["zh"], region


def test_regions_within_chains_reach_china(regions: Graph) -> None:
    for region in regions.subjects(RDF.type, PG.Region):
        seen = [region]
        while seen[-1] != CHINA:
            parent = regions.value(seen[-1], PG.within)
            assert parent is not None and parent not in seen, seen
            seen.append(parent)


def test_regions_levels_descend(regions: Graph) -> None:
    order = ["national", "province", "city", "county"]
    for region, parent in regions.subject_objects(PG.within):
        child_level = order.index(str(regions.value(region, PG.adminLevel)))
        parent_level = order.index(str(regions.value(parent, PG.adminLevel)))
        assert child_level > parent_level, region


def test_regions_counts(regions: Graph) -> None:
    levels = Counter(str(level) for level in regions.objects(None, PG.adminLevel))
    assert levels["national"] == 1
    assert levels["province"] == 34
    assert levels["city"] == 333  # 293 地级市 + 30 自治州 + 7 地区 + 3 盟


def test_regions_iris_are_their_labels(regions: Graph) -> None:
    for region in regions.subjects(RDF.type, PG.Region):
        name = str(regions.value(region, RDFS.label))
        parent = regions.value(region, PG.within)
        clash = f"{name}-{regions.value(parent, RDFS.label)}" if parent is not None else name
        assert region in (REGION[name], REGION[clash]), region


def test_regions_alt_labels_are_unique(regions: Graph) -> None:
    labels = Counter(str(label) for label in regions.objects(None, SKOS.altLabel))
    assert [label for label, count in labels.items() if count > 1] == []


@pytest.mark.parametrize(
    ("child", "parent"),
    [
        ("万州区", "重庆市"),
        ("川汇区", "周口市"),
        ("周口市", "河南省"),
        ("西咸新区", "西安市"),
        ("临翔区", "临沧市"),
        ("临沧市", "云南省"),
        ("五华区", "昆明市"),
        ("江北区-重庆市", "重庆市"),
        ("周口市城乡一体化示范区", "周口市"),
        ("重庆市", "中国"),
    ],
)
def test_regions_known_parent(regions: Graph, child: str, parent: str) -> None:
    assert (REGION[child], PG.within, REGION[parent]) in regions


def test_regions_municipalities_are_provincial(regions: Graph) -> None:
    for name in ("北京市", "天津市", "上海市", "重庆市"):
        assert str(regions.value(REGION[name], PG.adminLevel)) == "province"
    assert str(regions.value(REGION["万州区"], PG.adminLevel)) == "county"


# --- Every Turtle file parses ---------------------------------------------------------------


@pytest.mark.parametrize("path", sorted(ONTOLOGY.glob("*.ttl")), ids=lambda p: p.name)
def test_vocab_ontology_file_parses(path: Path) -> None:
    assert len(Graph().parse(path)) > 0
