"""Extraction measured against hand-checked annotations (tests/gold/*.json), on the graph.

Each annotated text is built exactly as `policygraph build` builds it, to the RDF
graph that queries and trace read, and the figures come from that graph: a fact
that extraction finds but the graph drops or distorts counts as missed.

One gold target value (indicator, year) is one target. A target of the graph
matches a gold one when the year is the same, the value is the same (number, or
qualitative wording), and the indicator is the same: the same reviewed concept,
or — for a wording the indicator scheme does not know yet — a wording that shares
most of its character bigrams with the gold wording. On matched targets the
comparator, unit, range (pg:maxValue) and baseline are compared, and the owners
named for the target (pg:responsibleUnit; an owner inherited from the plan's
division of labour is counted apart) by Jaccard agreement. Departments are
compared as the graph's department nodes, so two writings of one unit are one.
A gold measure is found when a measure of the graph has its title. Cited numbers
are compared in normal form, and their typing: a gold `basis` is pg:implements.
Metadata is right when title, number and date are each as in gold (a document
that prints no number must get none). A figure whose gold set is empty is n/a,
never 1.0. A text the build refuses scores zero on everything it should have
given.

Run `policygraph evaluate [--gold DIR] [--corpus DIR] [--json]`; gold files that
carry "classes" (issue-12 failure classes) are also summed per class.
`tests/test_gold.py` asserts floors on the figures.
"""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Set as AbstractSet
from dataclasses import asdict, dataclass, field, fields
from decimal import Decimal, InvalidOperation
from pathlib import Path
from typing import Any

from rdflib import Graph, Literal, URIRef
from rdflib.namespace import RDFS
from rdflib.term import Node

from policygraph.errors import InputError, PolicygraphError
from policygraph.ids import local_iri, mint
from policygraph.lexicon import Lexicon, label_key
from policygraph.lexicon_data import load_lexicon
from policygraph.model import Plan
from policygraph.normalize import normalize_text
from policygraph.overlap import SAME_INDICATOR, wording_overlap
from policygraph.vocab import DCTERMS, PG


@dataclass
class Scores:
    """Counts from which every figure is a ratio; counts add up across plans."""

    plan: str
    refused: int = 0
    gold_targets: int = 0
    found_targets: int = 0
    matched_targets: int = 0
    owner_agreement_sum: float = 0.0
    comparators_agreeing: int = 0
    units_agreeing: int = 0
    ranges_agreeing: int = 0
    baselines_agreeing: int = 0
    reviewed_targets: int = 0
    inherited_targets: int = 0
    gold_departments: int = 0
    found_departments: int = 0
    matched_departments: int = 0
    gold_numbers: int = 0
    extracted_numbers: int = 0
    matched_numbers: int = 0
    basis_agreeing: int = 0
    metadata_checked: int = 0
    metadata_right: int = 0
    jurisdiction_checked: int = 0
    jurisdiction_right: int = 0
    gold_measures: int = 0
    found_measures: int = 0
    matched_measures: int = 0
    measure_owner_sum: float = 0.0
    unmapped_units: Counter[str] = field(default_factory=Counter)

    def __add__(self, other: Scores) -> Scores:
        total = Scores(self.plan)
        for f in fields(self):
            if f.name != "plan":
                setattr(total, f.name, getattr(self, f.name) + getattr(other, f.name))
        return total

    @property
    def recall(self) -> float | None:
        return _ratio(self.matched_targets, self.gold_targets)

    @property
    def precision(self) -> float | None:
        return _ratio(self.matched_targets, self.found_targets)

    @property
    def owner_agreement(self) -> float | None:
        """Mean Jaccard agreement of the owners named for matched targets with gold."""
        return _ratio(self.owner_agreement_sum, self.matched_targets)

    @property
    def comparator_agreement(self) -> float | None:
        return _ratio(self.comparators_agreeing, self.matched_targets)

    @property
    def unit_agreement(self) -> float | None:
        return _ratio(self.units_agreeing, self.matched_targets)

    @property
    def range_agreement(self) -> float | None:
        return _ratio(self.ranges_agreeing, self.matched_targets)

    @property
    def baseline_agreement(self) -> float | None:
        return _ratio(self.baselines_agreeing, self.matched_targets)

    @property
    def reviewed_share(self) -> float | None:
        """Share of the graph's targets whose indicator is a reviewed concept."""
        return _ratio(self.reviewed_targets, self.found_targets)

    @property
    def department_recall(self) -> float | None:
        return _ratio(self.matched_departments, self.gold_departments)

    @property
    def department_precision(self) -> float | None:
        return _ratio(self.matched_departments, self.found_departments)

    @property
    def number_recall(self) -> float | None:
        return _ratio(self.matched_numbers, self.gold_numbers)

    @property
    def number_precision(self) -> float | None:
        """Share of the cited numbers in the graph that the gold file lists."""
        return _ratio(self.matched_numbers, self.extracted_numbers)

    @property
    def basis_typing(self) -> float | None:
        """Share of matched cited numbers typed as gold types them (basis ↔ pg:implements)."""
        return _ratio(self.basis_agreeing, self.matched_numbers)

    @property
    def metadata(self) -> float | None:
        """Share of title, number and date that are right."""
        return _ratio(self.metadata_right, self.metadata_checked)

    @property
    def jurisdiction(self) -> float | None:
        """Share of the texts whose gold names a region that the graph gives that region."""
        return _ratio(self.jurisdiction_right, self.jurisdiction_checked)

    @property
    def measure_recall(self) -> float | None:
        return _ratio(self.matched_measures, self.gold_measures)

    @property
    def measure_precision(self) -> float | None:
        return _ratio(self.matched_measures, self.found_measures)

    @property
    def measure_owner_agreement(self) -> float | None:
        return _ratio(self.measure_owner_sum, self.matched_measures)

    def figures(self) -> dict[str, Any]:
        """Every figure (None where n/a) and the counts behind them, for `--json`."""
        counts = asdict(self)
        counts["unmapped_units"] = dict(sorted(self.unmapped_units.items()))
        rates = {name: getattr(self, name) for name in FIGURES}
        return {**rates, "counts": counts}


FIGURES = (
    "recall",
    "precision",
    "owner_agreement",
    "comparator_agreement",
    "unit_agreement",
    "range_agreement",
    "baseline_agreement",
    "reviewed_share",
    "department_recall",
    "department_precision",
    "number_recall",
    "number_precision",
    "basis_typing",
    "metadata",
    "jurisdiction",
    "measure_recall",
    "measure_precision",
    "measure_owner_agreement",
)


def _ratio(part: float, whole: int) -> float | None:
    return part / whole if whole else None


@dataclass(frozen=True)
class StatedValue:
    """What a target states, in gold or in the graph."""

    wording: str
    year: int | None
    value: Decimal | None
    max_value: Decimal | None
    qualitative: str | None
    comparator: str | None
    unit: str | None
    baseline: tuple[Decimal | None, int | None] | None  # (value, year)


@dataclass(frozen=True)
class GoldTarget(StatedValue):
    canonical: str
    responsible: frozenset[str]


def gold_targets(gold: dict[str, Any]) -> list[GoldTarget]:
    """One entry per (indicator, year) value of a gold file."""
    entries = []
    for target in gold["targets"]:
        baseline = target.get("baseline")
        for value in target["values"]:
            low, high = _range(value["value"])
            entries.append(
                GoldTarget(
                    canonical=as_read(target.get("indicator_canonical") or target["indicator_raw"]),
                    wording=as_read(target["indicator_raw"]),
                    year=value["year"],
                    value=low,
                    max_value=high,
                    qualitative=value.get("qualitative"),
                    comparator=value.get("comparator"),
                    unit=_read(target.get("unit")),
                    baseline=(_decimal(baseline.get("value")), baseline.get("year"))
                    if baseline
                    else None,
                    responsible=frozenset(target["responsible"]),
                )
            )
    return entries


@dataclass(frozen=True)
class GraphTarget(StatedValue):
    """A target as the graph states it."""

    node: Node
    indicator: Node | None
    reviewed: bool
    owners: frozenset[Node]
    inherited: bool


class PlanGraph:
    """What a plan's graph states, read back the way queries read it."""

    def __init__(self, graph: Graph, plan: URIRef) -> None:
        self.graph, self.plan = graph, plan

    def _one(self, node: Node, predicate: URIRef) -> Any:
        """The value of `predicate`; the first in term order if the graph holds several,
        so that a score never depends on the order a store gives them in."""
        value = min(self.graph.objects(node, predicate), key=str, default=None)
        return value.toPython() if isinstance(value, Literal) else value

    def targets(self) -> list[GraphTarget]:
        found = []
        for node in sorted(self.graph.objects(self.plan, PG.hasTarget), key=str):
            indicator = self.graph.value(node, PG.indicator)
            baseline = (self._one(node, PG.baselineValue), self._one(node, PG.baselineYear))
            found.append(
                GraphTarget(
                    node=node,
                    wording=str(self._one(node, RDFS.label)),
                    indicator=indicator,
                    reviewed=(indicator, PG.reviewed, Literal(False)) not in self.graph,
                    year=self._one(node, PG.year),
                    value=self._one(node, PG.value),
                    max_value=self._one(node, PG.maxValue),
                    qualitative=self._one(node, PG.qualitativeValue),
                    comparator=self._one(node, PG.comparator),
                    unit=self._one(node, PG.unit),
                    baseline=None if baseline == (None, None) else baseline,
                    owners=frozenset(self.graph.objects(node, PG.responsibleUnit)),
                    inherited=(node, PG.inheritedFrom, None) in self.graph,
                )
            )
        return found

    def measures(self) -> list[tuple[str, frozenset[Node]]]:
        return [
            (
                str(self._one(node, RDFS.label)),
                frozenset(self.graph.objects(node, PG.responsibleUnit)),
            )
            for node in sorted(self.graph.objects(self.plan, PG.hasMeasure), key=str)
        ]

    def departments(self) -> set[Node]:
        """The departments the plan makes responsible for anything (not issuers)."""
        items = [*self.graph.objects(self.plan, PG.hasTarget)]
        items += self.graph.objects(self.plan, PG.hasMeasure)
        items += self.graph.objects(self.plan, PG.assignment)
        owners = {d for item in items for d in self.graph.objects(item, PG.responsibleUnit)}
        for division in self.graph.objects(self.plan, PG.divisionOfLabour):
            owners.update(self.graph.objects(division, PG.domainLead))
        return owners

    def unmapped(self) -> Counter[str]:
        """Labels of the responsible departments that map to no function."""
        return Counter(
            str(self.graph.value(d, RDFS.label))
            for d in self.departments()
            if (d, PG.function, None) not in self.graph
        )

    def cited_numbers(self) -> dict[str, bool]:
        """The number each citation prints, in normal form → whether the plan implements
        the document: its pg:docNumber, or where the plan cites a known policy under a
        wrong number, the pg:citedNumber of that pg:CitationDiscrepancy. A document cited
        by its title alone and known to the registry carries the registry's number, which
        the plan does not print (no pg:docNumberRaw): the gold has none for it."""
        printed = {
            self.graph.value(d, PG.resolvedTo): str(self._one(d, PG.citedNumber))
            for d in self.graph.objects(self.plan, PG.discrepancy)
        }
        numbers: dict[str, bool] = {}
        for relation in (PG.cites, PG.implements):
            for document in self.graph.objects(self.plan, relation):
                number = printed.get(document) or (
                    (document, PG.docNumberRaw, None) in self.graph
                    and self._one(document, PG.docNumber)
                )
                if number:
                    implements = relation == PG.implements
                    numbers[str(number)] = numbers.get(str(number), False) or implements
        return numbers

    def jurisdiction(self) -> str | None:
        """The IRI of the plan's region, if it has one."""
        region = self._one(self.plan, PG.jurisdiction)
        return str(region) if region is not None else None

    def metadata(self) -> tuple[str | None, str | None, str | None]:
        title, number = self._one(self.plan, DCTERMS.title), self._one(self.plan, PG.docNumber)
        issued = self._one(self.plan, DCTERMS.issued)
        return (
            str(title) if title else None,
            str(number) if number else None,
            issued.isoformat() if issued else None,
        )


def score_plan(plan: Plan, gold: dict[str, Any], lexicon: Lexicon) -> Scores:
    """The figures of one extracted plan, read from its RDF graph."""
    from policygraph.graph import plan_to_graph

    graph = plan_to_graph(plan, lexicon)
    return score_graph(
        PlanGraph(graph, mint("plan", plan.source_file.rsplit(".", 1)[0])),
        gold,
        plan.jurisdiction,
        lexicon,
        plan.source_file,
    )


def score_graph(
    facts: PlanGraph, gold: dict[str, Any], jurisdiction: str | None, lexicon: Lexicon, name: str
) -> Scores:
    """The figures of one plan graph against its gold file."""

    def department(written: str) -> URIRef:
        return mint("department", *lexicon.department_key(as_read(written), jurisdiction))

    scores = Scores(name)
    _score_targets(scores, facts.targets(), gold_targets(gold), department, lexicon)
    gold_units = {department(d) for d in gold["departments"]}
    found_units = facts.departments()
    scores.gold_departments, scores.found_departments = len(gold_units), len(found_units)
    scores.matched_departments = len(gold_units & found_units)
    scores.unmapped_units = facts.unmapped()
    _score_citations(scores, facts.cited_numbers(), gold)
    _score_metadata(scores, facts.metadata(), gold["document"])
    _score_jurisdiction(scores, facts.jurisdiction(), gold["document"], lexicon)
    unmatched = facts.measures()
    scores.gold_measures, scores.found_measures = len(gold["measures"]), len(unmatched)
    for measure in gold["measures"]:
        title = label_key(as_read(measure["title"]))
        match = next((m for m in unmatched if label_key(m[0]) == title), None)
        if match is not None:
            unmatched.remove(match)
            scores.matched_measures += 1
            expected = {department(d) for d in measure["responsible"]}
            scores.measure_owner_sum += _jaccard(set(match[1]), expected)
    return scores


def _score_targets(
    scores: Scores,
    found: list[GraphTarget],
    expected: list[GoldTarget],
    department: Any,
    lexicon: Lexicon,
) -> None:
    scores.gold_targets, scores.found_targets = len(expected), len(found)
    scores.reviewed_targets = sum(t.reviewed for t in found)
    scores.inherited_targets = sum(t.inherited for t in found)
    unmatched = list(found)
    for entry in expected:
        match = next((t for t in unmatched if _same_target(t, entry, lexicon)), None)
        if match is None:
            continue
        unmatched.remove(match)
        scores.matched_targets += 1
        owners = {department(name) for name in entry.responsible}
        scores.owner_agreement_sum += _jaccard(set(match.owners), owners)
        scores.comparators_agreeing += match.comparator == entry.comparator
        scores.units_agreeing += _scaled(None, match.unit) == _scaled(None, entry.unit)
        scores.ranges_agreeing += match.max_value == entry.max_value
        scores.baselines_agreeing += match.baseline == entry.baseline


def _score_citations(scores: Scores, found: dict[str, bool], gold: dict[str, Any]) -> None:
    expected: dict[str, bool] = {}
    for citation in gold["cited_policies"]:
        if number := citation["doc_number"]:
            expected[number] = expected.get(number, False) or citation["role"] == "basis"
    matched = set(expected) & set(found)
    scores.gold_numbers, scores.extracted_numbers = len(expected), len(found)
    scores.matched_numbers = len(matched)
    scores.basis_agreeing = sum(found[n] == expected[n] for n in matched)


def _score_metadata(
    scores: Scores, found: tuple[str | None, str | None, str | None], document: dict[str, Any]
) -> None:
    title = document.get("title")
    expected = (
        as_read(title) if title else None,
        document.get("doc_number"),
        document.get("date_issued"),
    )
    scores.metadata_checked = len(expected)
    scores.metadata_right = sum(f == e for f, e in zip(found, expected, strict=True))


def _score_jurisdiction(
    scores: Scores, found: str | None, document: dict[str, Any], lexicon: Lexicon
) -> None:
    """The region the gold names (江苏省常州市钟楼区 → 钟楼区) against pg:jurisdiction."""
    written = document.get("jurisdiction")
    expected = lexicon.find_jurisdiction(written) if written else None
    if expected is None:
        return
    scores.jurisdiction_checked = 1
    scores.jurisdiction_right = int(found == str(local_iri(lexicon.regions[expected])))


def as_read(written: str) -> str:
    """A gold string as the pipeline reads the text it is copied from (traditional
    characters simplified, widths unified), since the graph holds what was read."""
    return normalize_text(written).text


def _read(written: str | None) -> str | None:
    """A gold unit as read (歲 → 岁, 張 → 张), None when the gold has none."""
    return as_read(written) if written else None


def _jaccard(found: AbstractSet[Node], expected: AbstractSet[Node]) -> float:
    union = found | expected
    return len(found & expected) / len(union) if union else 1.0


def _same_target(target: GraphTarget, entry: GoldTarget, lexicon: Lexicon) -> bool:
    if target.year != entry.year:
        return False
    if entry.value is not None:
        scaled = _scaled(target.value, target.unit)[0] == _scaled(entry.value, entry.unit)[0]
        if target.value != entry.value and not scaled:
            return False
    elif target.qualitative != entry.qualitative:
        return False
    if target.reviewed:
        concept = lexicon.indicator(entry.canonical)
        return concept.reviewed and local_iri(concept.key) == target.indicator
    return wording_overlap(target.wording, entry.wording) >= SAME_INDICATOR


SCALES = (("万亿", Decimal(10) ** 12), ("亿", Decimal(10) ** 8), ("万", Decimal(10) ** 4))
"""Scale words a unit may start with: 9.03 万张 and 90300 张 state the same value."""


def _scaled(value: Decimal | None, unit: str | None) -> tuple[Decimal | None, str | None]:
    """A value and unit with the unit's scale word multiplied out."""
    for word, factor in SCALES:
        if unit and unit.startswith(word) and len(unit) > len(word):
            return (None if value is None else value * factor), unit.removeprefix(word)
    return value, unit


def _range(text: str | None) -> tuple[Decimal | None, Decimal | None]:
    """A gold value and, for a range such as 1—2, its upper bound."""
    if text is None:
        return None, None
    low, _, high = text.partition("—")
    return _decimal(low), _decimal(high) if high else None


def _decimal(text: str | None) -> Decimal | None:
    if text is None:
        return None
    try:
        return Decimal(text)
    except InvalidOperation:
        return None


@dataclass(frozen=True)
class Evaluation:
    """Scores of every annotated text, and of the failure classes their gold files name."""

    plans: list[Scores]
    classes: dict[str, Scores]

    @property
    def total(self) -> Scores:
        return sum(self.plans, Scores("all"))

    def to_json(self) -> str:
        return json.dumps(
            {
                "plans": {s.plan: s.figures() for s in self.plans},
                "all": self.total.figures(),
                "classes": {name: s.figures() for name, s in self.classes.items()},
            },
            ensure_ascii=False,
            indent=2,
            sort_keys=True,
        )


def evaluate(gold_dir: Path, corpus_dir: Path) -> Evaluation:
    """Build every text that has a gold file and score its graph."""
    from policygraph.build import extract_plan

    files = sorted(gold_dir.glob("*.json"))
    if not files:
        raise InputError(gold_dir, "no gold annotations (*.json) here")
    lexicon = load_lexicon()
    plans: list[Scores] = []
    classes: dict[str, Scores] = {}
    for path in files:
        gold = json.loads(path.read_text(encoding="utf-8"))
        try:
            scores = score_plan(extract_plan(corpus_dir / gold["file"]), gold, lexicon)
        except PolicygraphError:
            scores = _refused(gold, lexicon)
        plans.append(scores)
        for number in gold.get("classes", ()):
            key = f"class {number}"
            classes[key] = classes.get(key, Scores(key)) + scores
    return Evaluation(plans, dict(sorted(classes.items())))


def _refused(gold: dict[str, Any], lexicon: Lexicon) -> Scores:
    """A text the build refused: every gold fact missed."""
    scores = score_graph(PlanGraph(Graph(), mint("plan", "_")), gold, None, lexicon, gold["file"])
    scores.refused = 1
    return scores


COLUMNS = (
    ("plan", lambda s: s.plan + _refusals(s)),
    ("targets", lambda s: f"{s.matched_targets}/{s.gold_targets} of {s.found_targets}"),
    ("recall", lambda s: _shown(s.recall)),
    ("prec", lambda s: _shown(s.precision)),
    ("owners", lambda s: _shown(s.owner_agreement)),
    ("inh", lambda s: str(s.inherited_targets)),
    ("cmp", lambda s: _shown(s.comparator_agreement)),
    ("unit", lambda s: _shown(s.unit_agreement)),
    ("range", lambda s: _shown(s.range_agreement)),
    ("base", lambda s: _shown(s.baseline_agreement)),
    ("reviewed", lambda s: _shown(s.reviewed_share)),
    ("dept-r", lambda s: _shown(s.department_recall)),
    ("dept-p", lambda s: _shown(s.department_precision)),
    ("docs-r", lambda s: _shown(s.number_recall)),
    ("docs-p", lambda s: _shown(s.number_precision)),
    ("basis", lambda s: _shown(s.basis_typing)),
    ("meta", lambda s: f"{s.metadata_right}/{s.metadata_checked}"),
    ("place", lambda s: f"{s.jurisdiction_right}/{s.jurisdiction_checked}"),
    ("measures", lambda s: f"{s.matched_measures}/{s.gold_measures} of {s.found_measures}"),
    ("m-owners", lambda s: _shown(s.measure_owner_agreement)),
)


def _refusals(scores: Scores) -> str:
    """How many texts of a row the build refused: a text's own row says so, a total counts."""
    if not scores.refused:
        return ""
    return " (refused)" if "." in scores.plan else f" ({scores.refused} refused)"


def _shown(value: float | None) -> str:
    return "n/a" if value is None else f"{value:.2f}"


def report(evaluation: Evaluation) -> str:
    """A plain-text table: one row per text, the total, one row per failure class, then
    the responsible units that map to no function."""
    rows = [tuple(name for name, _ in COLUMNS)]
    groups = [*evaluation.plans, evaluation.total, *evaluation.classes.values()]
    rows += [tuple(cell(s) for _, cell in COLUMNS) for s in groups]
    widths = [max(len(row[i]) for row in rows) for i in range(len(COLUMNS))]
    lines = [
        "  ".join(c.ljust(w) for c, w in zip(row, widths, strict=True)).rstrip() for row in rows
    ]
    unmapped = evaluation.total.unmapped_units
    if unmapped:
        named = "、".join(f"{name}×{count}" for name, count in sorted(unmapped.items()))
        lines.append(f"units that map to no function ({sum(unmapped.values())}): {named}")
    return "\n".join(lines)
