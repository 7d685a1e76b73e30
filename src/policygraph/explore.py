"""What the explorer's pages show, read from the store: plans, departments, functions,
targets, indicators, with labels, quotes and source lines.

Pure reads over an embedded store; every record is a plain dict of strings (None where
unbound), so the CLI, the notebook and the web pages can share them.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Mapping
from dataclasses import dataclass, field

import pyoxigraph as ox

from policygraph.resources import resource_dir
from policygraph.vocab import PREFIXES

Record = dict[str, str | None]
HEAD = "".join(f"PREFIX {p}: <{iri}>\n" for p, iri in PREFIXES.items())
LEVELS = ("national", "province", "city", "county")


def select(store: ox.Store, body: str, **bound: str) -> list[Record]:
    """Run a SELECT (the project prefixes predeclared) with IRIs or literals bound: the values
    enter as a VALUES row of terms that pyoxigraph serialises, never as pasted text (bound
    variables need not be projected, unlike substitutions)."""
    try:
        terms = [
            ox.NamedNode(v) if v.startswith(("http://", "https://")) else ox.Literal(v)
            for v in bound.values()
        ]
    except ValueError:  # not a valid IRI: it names nothing in the store
        return []
    names = " ".join(f"?{k}" for k in bound)
    values = f"VALUES ({names}) {{ ({' '.join(map(str, terms))}) }}" if bound else ""
    solutions = store.query(HEAD + body.replace("WHERE {", "WHERE { " + values, 1))
    if not isinstance(solutions, ox.QuerySolutions):
        raise TypeError("explore queries are SELECT queries")
    columns = [v.value for v in solutions.variables]
    return [{c: _value(s[c]) for c in columns} for s in solutions]


def _value(term: ox.NamedNode | ox.BlankNode | ox.Literal | None) -> str | None:
    return None if term is None else term.value


PLANS = """
SELECT ?plan ?label ?number ?issued ?jurisdiction ?region ?level
       (COUNT(DISTINCT ?t) AS ?targets) (COUNT(DISTINCT ?m) AS ?measures)
       (COUNT(DISTINCT ?c) AS ?citations) WHERE {
  ?plan a pg:Plan ; rdfs:label ?label .
  OPTIONAL { ?plan pg:docNumber ?number }
  OPTIONAL { ?plan dcterms:issued ?issued }
  OPTIONAL { ?plan pg:jurisdiction ?region . ?region rdfs:label ?jurisdiction .
             OPTIONAL { ?region pg:adminLevel ?level } }
  OPTIONAL { ?plan pg:hasTarget ?t }
  OPTIONAL { ?plan pg:hasMeasure ?m }
  OPTIONAL { ?plan pg:cites|pg:implements ?c }
} GROUP BY ?plan ?label ?number ?issued ?jurisdiction ?region ?level ORDER BY ?label
"""

SEARCH = """
SELECT DISTINCT ?item ?label ?kind ?where WHERE {{
  {{
    ?item a pg:PolicyDocument ; rdfs:label ?label . BIND("plan" AS ?kind)
    OPTIONAL {{ ?item pg:docNumber ?number }}
    BIND(CONCAT(STR(?label), " ", COALESCE(?number, "")) AS ?haystack)
  }} UNION {{
    ?item a pg:Department ; rdfs:label ?label . BIND("department" AS ?kind)
    OPTIONAL {{ ?item pg:jurisdiction/rdfs:label ?where }}
    BIND(COALESCE(?where, "") AS ?region)
    BIND(CONCAT(?region, STR(?label), " ", SUBSTR(?region, 1, STRLEN(?region) - 1), STR(?label))
         AS ?haystack)
  }} UNION {{
    ?item a ?class ; skos:prefLabel ?label ; skos:prefLabel|skos:altLabel ?name .
    VALUES (?class ?kind) {{ (pg:Indicator "indicator") (pg:Function "function") }}
    FILTER(LANG(?label) = "zh")
    BIND(STR(?name) AS ?haystack)
  }}
  FILTER({words})
}} ORDER BY ?kind ?where ?label LIMIT 200
"""

DOCUMENT = """
SELECT ?label ?title ?number ?issued ?issuer ?issuerLabel ?region ?jurisdiction ?file ?quote
       ?line ?plan WHERE {
  ?doc rdfs:label ?label .
  OPTIONAL { ?doc dcterms:title ?title }
  OPTIONAL { ?doc pg:docNumber ?number }
  OPTIONAL { ?doc dcterms:issued ?issued }
  OPTIONAL { ?doc pg:issuedBy ?issuer . ?issuer rdfs:label ?issuerLabel }
  OPTIONAL { ?doc pg:jurisdiction ?region . ?region rdfs:label ?jurisdiction }
  OPTIONAL { ?doc pg:sourceFile ?file }
  OPTIONAL { ?doc pg:quote ?quote ; pg:line ?line }
  OPTIONAL { ?doc a pg:Plan . BIND(true AS ?plan) }
} LIMIT 1
"""

PERIOD = """
SELECT (MIN(?year) AS ?first) (MAX(?year) AS ?last) WHERE { ?doc pg:hasTarget/pg:year ?year }
"""

PARENTS = """
SELECT DISTINCT ?child ?parent ?label ?number WHERE {
  ?doc pg:implements* ?child . ?child pg:implements ?parent .
  ?parent rdfs:label ?label . OPTIONAL { ?parent pg:docNumber ?number }
} ORDER BY ?child ?number
"""

CHILDREN = """
SELECT DISTINCT ?child ?label ?number WHERE {
  ?child pg:implements ?doc ; rdfs:label ?label . OPTIONAL { ?child pg:docNumber ?number }
} ORDER BY ?label
"""

CITED = """
SELECT DISTINCT ?cited ?label ?number ?implements WHERE {
  ?doc pg:cites|pg:implements ?cited . ?cited rdfs:label ?label .
  OPTIONAL { ?cited pg:docNumber ?number }
  BIND(EXISTS { ?doc pg:implements ?cited } AS ?implements)
} ORDER BY DESC(?implements) ?number
"""

MEASURES = """
SELECT ?measure ?label ?notation ?parent ?quote ?line WHERE {
  ?doc pg:hasMeasure ?measure . ?measure rdfs:label ?label .
  OPTIONAL { ?measure skos:notation ?notation }
  OPTIONAL { ?measure pg:subMeasureOf ?parent }
  OPTIONAL { ?measure pg:quote ?quote }
  OPTIONAL { ?measure pg:line ?line }
} ORDER BY ?measure
"""

TARGET_FIELDS = """
  ?target rdfs:label ?label .
  OPTIONAL { ?target pg:indicator ?indicator . ?indicator skos:prefLabel ?indicatorLabel
             FILTER(LANG(?indicatorLabel) = "zh") }
  OPTIONAL { ?target pg:year ?year }
  OPTIONAL { ?target pg:value ?value }
  OPTIONAL { ?target pg:qualitativeValue ?words }
  OPTIONAL { ?target pg:comparator ?comparator }
  OPTIONAL { ?target pg:unit ?unit }
  OPTIONAL { ?target pg:baselineValue ?baseline }
  OPTIONAL { ?target pg:baselineYear ?baselineYear }
  OPTIONAL { ?target pg:bindingness ?bindingness }
  OPTIONAL { ?target pg:region/rdfs:label ?area }
  OPTIONAL { ?target pg:quote ?quote }
  OPTIONAL { ?target pg:line ?line }
  OPTIONAL { ?target pg:inMeasure ?measure }
"""
TARGET_COLUMNS = (
    "?target ?label ?indicator ?indicatorLabel ?year ?value ?words ?comparator ?unit ?baseline"
    " ?baselineYear ?bindingness ?area ?quote ?line ?measure"
)

TARGETS = f"""
SELECT {TARGET_COLUMNS} WHERE {{ ?doc pg:hasTarget ?target . {TARGET_FIELDS} }}
ORDER BY ?indicatorLabel ?year ?area
"""

OWNED = """
  # named for the item itself, or inherited: the item names none and the plan's division
  # of labour (A牵头负责一老工作) gives its domain to the unit
  { ?item pg:responsibleUnit ?unit . BIND(false AS ?inherited) }
  UNION
  { ?item pg:inheritedFrom/pg:domainLead ?unit . BIND(true AS ?inherited) }
"""

OWNERS = f"""
SELECT DISTINCT ?item ?unit ?unitLabel ?lead ?inherited ?quote ?line WHERE {{
  ?doc pg:hasTarget|pg:hasMeasure ?item . {OWNED}
  ?unit rdfs:label ?unitLabel .
  BIND(EXISTS {{ ?item pg:leadUnit ?unit }} AS ?lead)
  OPTIONAL {{ ?unit pg:quote ?quote ; pg:line ?line }}
}} ORDER BY ?item DESC(?lead) ?unitLabel
"""

DEPARTMENT = """
SELECT ?label ?region ?jurisdiction ?quote ?line
       (GROUP_CONCAT(DISTINCT STR(?function); separator="|") AS ?functions) WHERE {
  ?dept a pg:Department ; rdfs:label ?label .
  OPTIONAL { ?dept pg:jurisdiction ?region . ?region rdfs:label ?jurisdiction }
  OPTIONAL { ?dept pg:function ?function }
  OPTIONAL { ?dept pg:quote ?quote ; pg:line ?line }
} GROUP BY ?label ?region ?jurisdiction ?quote ?line LIMIT 1
"""

OWED = f"""
SELECT DISTINCT ?dept ?deptLabel ?plan ?planLabel ?kind ?item ?label ?indicatorLabel
       ?indicator ?year ?value ?words ?comparator ?unit ?quote ?line ?lead ?inherited WHERE {{
  {OWNED.replace("?unit", "?dept")} ?dept rdfs:label ?deptLabel .
  ?plan pg:hasTarget|pg:hasMeasure|pg:assignment ?item ; rdfs:label ?planLabel .
  BIND(IF(EXISTS {{ ?item a pg:Target }}, "target",
       IF(EXISTS {{ ?item a pg:Assignment }}, "duty", "measure")) AS ?kind)
  BIND(EXISTS {{ ?item pg:leadUnit ?dept }} AS ?lead)
  {TARGET_FIELDS.replace("?target ", "?item ")}
}} ORDER BY ?planLabel ?kind ?year ?indicatorLabel ?label
"""

PARTNERS = """
SELECT DISTINCT ?item ?partner ?partnerLabel WHERE {
  ?item pg:responsibleUnit ?dept , ?partner . FILTER(?partner != ?dept)
  ?partner rdfs:label ?partnerLabel .
} ORDER BY ?partnerLabel
"""

FUNCTION = """
SELECT ?label ?dept ?deptLabel ?jurisdiction WHERE {
  ?function skos:prefLabel ?label . FILTER(LANG(?label) = "zh")
  OPTIONAL { ?dept pg:function ?function ; rdfs:label ?deptLabel .
             OPTIONAL { ?dept pg:jurisdiction/rdfs:label ?jurisdiction } }
} ORDER BY ?jurisdiction ?deptLabel
"""

TARGET = f"""
SELECT {TARGET_COLUMNS} ?plan ?planLabel WHERE {{
  ?plan pg:hasTarget ?target ; rdfs:label ?planLabel . {TARGET_FIELDS}
}} LIMIT 1
"""

MEASURE_PATH = """
SELECT ?measure ?label ?notation ?quote ?line (COUNT(?above) AS ?depth) WHERE {
  ?start pg:subMeasureOf* ?measure . ?measure rdfs:label ?label .
  ?measure pg:subMeasureOf* ?above .
  OPTIONAL { ?measure skos:notation ?notation }
  OPTIONAL { ?measure pg:quote ?quote ; pg:line ?line }
} GROUP BY ?measure ?label ?notation ?quote ?line ORDER BY DESC(?depth)
"""

CORRESPONDING = f"""
SELECT {TARGET_COLUMNS} ?doc ?docLabel ?number WHERE {{
  ?plan pg:implements+ ?doc . ?doc pg:hasTarget ?target ; rdfs:label ?docLabel .
  OPTIONAL {{ ?doc pg:docNumber ?number }}
  ?target pg:indicator ?same . {TARGET_FIELDS}
}} ORDER BY ?number ?year
"""

INDICATOR = """
SELECT ?label ?definition (GROUP_CONCAT(DISTINCT ?alt; separator="、") AS ?alts) WHERE {
  ?indicator skos:prefLabel ?label . FILTER(LANG(?label) = "zh")
  OPTIONAL { ?indicator skos:definition ?definition }
  OPTIONAL { ?indicator skos:altLabel ?alt }
} GROUP BY ?label ?definition
"""

INDICATOR_VALUES = f"""
SELECT {TARGET_COLUMNS} ?doc ?docLabel ?number ?jurisdiction ?level ?plan WHERE {{
  ?doc pg:hasTarget ?target ; rdfs:label ?docLabel .
  ?target pg:indicator ?indicator . {TARGET_FIELDS}
  OPTIONAL {{ ?doc pg:docNumber ?number }}
  OPTIONAL {{ ?doc pg:jurisdiction ?region . ?region rdfs:label ?jurisdiction .
              OPTIONAL {{ ?region pg:adminLevel ?level }} }}
  OPTIONAL {{ ?doc a pg:Plan . BIND(true AS ?plan) }}
}} ORDER BY ?year ?docLabel ?area
"""

INDICATORS = """
SELECT ?indicator ?label (COUNT(DISTINCT ?target) AS ?targets) WHERE {
  ?target pg:indicator ?indicator . ?indicator skos:prefLabel ?label .
  FILTER(LANG(?label) = "zh")
} GROUP BY ?indicator ?label ORDER BY DESC(?targets) ?label
"""


@dataclass(frozen=True)
class Measure:
    record: Record
    owners: tuple[Record, ...]
    children: list[Measure] = field(default_factory=list)


@dataclass(frozen=True)
class PlanView:
    iri: str
    record: Record
    period: Record
    parents: list[Record]
    children: list[Record]
    cited: list[Record]
    targets: list[Record]
    measures: list[Measure]
    owners: Mapping[str, list[Record]]


LABELS = """
SELECT ?thing ?label (LANG(?label) AS ?lang) WHERE {
  ?thing rdfs:label|skos:prefLabel ?label . FILTER(LANG(?label) != "" && isIRI(?thing))
}
"""


def labels_by_language(store: ox.Store) -> dict[str, dict[str, str]]:
    """Every labelled IRI of the store and of the ontology: its label in each language."""
    ontology = ox.Store()
    ontology.bulk_load(
        path=str(resource_dir("ontology") / "policygraph.ttl"), format=ox.RdfFormat.TURTLE
    )
    found: dict[str, dict[str, str]] = {}
    for source in (ontology, store):
        for record in select(source, LABELS):
            language = (record.get("lang") or "").split("-")[0]
            found.setdefault(str(record["thing"]), {}).setdefault(language, str(record["label"]))
    return found


def plans(store: ox.Store) -> list[Record]:
    """The plans in the store with their jurisdiction, level and counts."""
    return select(store, PLANS)


def plans_by_level(store: ox.Store) -> list[tuple[str, list[Record]]]:
    """The plans grouped by the administrative level of their jurisdiction."""
    groups: dict[str, list[Record]] = defaultdict(list)
    for record in plans(store):
        groups[record["level"] or "unknown"].append(record)
    order = {level: i for i, level in enumerate(LEVELS)}
    return sorted(groups.items(), key=lambda kv: order.get(kv[0], len(LEVELS)))


def search(store: ox.Store, text: str) -> list[Record]:
    """Documents, departments, indicators and functions whose names contain every word of
    `text` (a department's name counts with its region: 万州区民政局, 万州 民政局)."""
    words = text.split()
    if not words:
        return []
    every = " && ".join(f"CONTAINS(LCASE(?haystack), LCASE(?word{i}))" for i in range(len(words)))
    return select(store, SEARCH.format(words=every), **{f"word{i}": w for i, w in enumerate(words)})


def document(store: ox.Store, iri: str) -> PlanView | None:
    """A plan (or a parent policy known by citation) with everything the plan page shows."""
    found = select(store, DOCUMENT, doc=iri)
    if not found:
        return None
    owners: dict[str, list[Record]] = defaultdict(list)
    for owner in select(store, OWNERS, doc=iri):
        owners[str(owner["item"])].append(owner)
    return PlanView(
        iri=iri,
        record=found[0],
        period=select(store, PERIOD, doc=iri)[0],
        parents=select(store, PARENTS, doc=iri),
        children=select(store, CHILDREN, doc=iri),
        cited=select(store, CITED, doc=iri),
        targets=select(store, TARGETS, doc=iri),
        measures=measure_tree(select(store, MEASURES, doc=iri), owners),
        owners=owners,
    )


def measure_tree(records: list[Record], owners: Mapping[str, list[Record]]) -> list[Measure]:
    """Measures nested by pg:subMeasureOf, in document order (their IRIs carry the outline)."""
    nodes = {
        str(r["measure"]): Measure(r, tuple(owners.get(str(r["measure"]), ()))) for r in records
    }
    roots: list[Measure] = []
    for key in sorted(nodes, key=_outline_key):
        node = nodes[key]
        parent = nodes.get(str(node.record["parent"]))
        (parent.children if parent else roots).append(node)
    return roots


def _outline_key(iri: str) -> tuple[tuple[int, str], ...]:
    """pgr:measure/wanzhou/3.1.2.p1 sorts by its numbered parts (3, 1, 2, p1)."""
    return tuple(
        (int(part), "") if part.isdigit() else (10**6, part)
        for part in iri.rsplit("/", 1)[-1].split(".")
    )


def department(store: ox.Store, iri: str) -> Record | None:
    found = select(store, DEPARTMENT, dept=iri)
    return found[0] if found else None


def owed(store: ox.Store, departments: list[str], by_year: int | None = None) -> list[Record]:
    """What the departments own: targets, measures and duties assigned in prose
    (pg:Assignment), with the co-responsible units joined
    as `partners` ("label|iri;…"); `by_year` keeps targets due by then (and all measures)."""
    rows: list[Record] = []
    for dept in departments:
        for record in select(store, OWED, dept=dept):
            if by_year is not None and record["year"] and int(record["year"]) > by_year:
                continue
            partners = select(store, PARTNERS, dept=dept, item=str(record["item"]))
            record["partners"] = ";".join(f"{p['partnerLabel']}|{p['partner']}" for p in partners)
            rows.append(record)
    return rows


def function(store: ox.Store, iri: str) -> tuple[str, list[Record]] | None:
    """A function's label and its departments in every jurisdiction."""
    found = select(store, FUNCTION, function=iri)
    if not found:
        return None
    return str(found[0]["label"]), [r for r in found if r["dept"]]


@dataclass(frozen=True)
class Chain:
    target: Record
    measures: list[Record]
    parents: list[Record]
    corresponding: list[Record]


def target_chain(store: ox.Store, iri: str) -> Chain | None:
    """Target → its measure (and the measures above it) → plan → parent policies, with the
    parents' targets on the same indicator."""
    found = select(store, TARGET, target=iri)
    if not found:
        return None
    target = found[0]
    measures = (
        select(store, MEASURE_PATH, start=str(target["measure"])) if target["measure"] else []
    )
    plan = str(target["plan"])
    same = target["indicator"]
    corresponding = select(store, CORRESPONDING, plan=plan, same=str(same)) if same else []
    return Chain(target, measures, select(store, PARENTS, doc=plan), corresponding)


@dataclass(frozen=True)
class IndicatorView:
    iri: str
    record: Record
    values: list[Record]
    references: list[Record]


def indicator(store: ox.Store, iri: str) -> IndicatorView | None:
    """One indicator across all plans and years; the targets of parent policies (national or
    provincial documents known by citation) are the reference values."""
    found = select(store, INDICATOR, indicator=iri)
    if not found:
        return None
    values = select(store, INDICATOR_VALUES, indicator=iri)
    plans_only = [v for v in values if v["plan"]]
    references = [v for v in values if not v["plan"]]
    return IndicatorView(iri, found[0], plans_only, references)


def indicators(store: ox.Store) -> list[Record]:
    return select(store, INDICATORS)


def lineage_levels(plan: str, parents: list[Record]) -> list[list[Record]]:
    """The parent policies one column per pg:implements hop above the plan (a policy reached
    by several paths stands in the column of its longest one)."""
    above: dict[str, list[Record]] = defaultdict(list)
    for edge in parents:
        above[str(edge["child"])].append(edge)
    hops: dict[str, int] = {}
    frontier, level = [plan], 0
    while frontier and level <= len(parents):
        level += 1
        reached = [e for child in frontier for e in above.get(child, [])]
        for edge in reached:
            hops[str(edge["parent"])] = level
        frontier = list(dict.fromkeys(str(e["parent"]) for e in reached))
    columns: dict[int, dict[str, Record]] = defaultdict(dict)
    for edge in parents:
        columns[hops[str(edge["parent"])]].setdefault(str(edge["parent"]), edge)
    return [list(columns[level].values()) for level in sorted(columns)]
