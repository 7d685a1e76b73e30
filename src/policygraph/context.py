"""Parent context from a built corpus: the plans a draft implements, as its lineage rules see them.

`build_corpus` writes `OUT/documents.tsv`, one row per built plan (its document number in
normal form, its title key, its graph file), so a draft is validated with only the plans
it needs instead of the whole corpus. A document the draft implements (`pg:implements`,
the only link the lineage rules follow) is looked up there by number, else by title; the
plan found lends its city-wide targets and its own `pg:implements` edges to the cited
document's IRI, and its parents are looked up in turn. The rules then compare the draft
with `<pgr:doc/number> pg:hasTarget …` exactly as with a registry entry, with no
owl:sameAs reasoning.

Each lent target says whether a lower level must restate it (`pg:restateBelow`, the
rule of data/restatement.csv: shares and rates yes, the parent region's counts no). A
draft target that states a parent's indicator in other words (a wording no concept
knows, sharing most of its bigrams with one of the parent indicator's labels) is
matched to it (`skos:closeMatch`) before the indicator is called missing. A cited
document found in the corpus is known: the draft's `pg:resolved false` on it is
replaced by true, so no finding says it could not be checked while it is used.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from rdflib import Graph, Literal, URIRef
from rdflib.namespace import RDF
from rdflib.term import Node

from policygraph.errors import InputError
from policygraph.extract.citations import title_key
from policygraph.ids import local_iri, mint
from policygraph.lexicon_data import load_lexicon
from policygraph.model import Plan
from policygraph.overlap import SAME_INDICATOR, wording_key, wording_overlap
from policygraph.restatement import restated_below
from policygraph.store import PLANS_DIR, read_turtle
from policygraph.vocab import DCTERMS, PG, PGR, RDFS, SKOS

INDEX_FILE = "documents.tsv"
INDEX_HEADER = ("doc_number", "title_key", "plan")
LENT = (PG.indicator, PG.year, PG.value, PG.comparator, PG.unit, RDFS.label)
"""What a parent target lends its cited document: what the lineage rules compare."""
READ = frozenset(
    str(p) for p in (RDF.type, PG.hasTarget, PG.region, PG.docNumber, PG.implements, *LENT)
)
"""What `_lend` reads of a parent plan's graph: its other triples (measures, departments,
quotes) are not kept when the graph is read."""
MIN_CONTAINED = 4
"""Characters a wording must have to match a longer one it is part of (托位数 is too short)."""


@dataclass(frozen=True, order=True)
class IndexRow:
    number: str
    title: str
    plan: str  # the graph file, relative to the index's folder


def index_row(plan: Plan, stem: str) -> IndexRow:
    number = plan.doc_number.normal if plan.doc_number and plan.doc_number.normal else ""
    return IndexRow(number, title_key(plan.title or ""), f"{PLANS_DIR}/{stem}.ttl")


def index_tsv(rows: Iterable[IndexRow]) -> bytes:
    """The index as sorted tab-separated rows under a header (the same rows, the same bytes)."""
    lines = ["\t".join(INDEX_HEADER)]
    lines += ["\t".join((r.number, r.title, r.plan)) for r in sorted(set(rows))]
    return ("\n".join(lines) + "\n").encode("utf-8")


def read_index(folder: Path) -> list[IndexRow]:
    """The rows of `folder/documents.tsv`; `InputError` when there is none."""
    path = folder / INDEX_FILE
    if not path.is_file():
        raise InputError(folder, f"no {INDEX_FILE}: build the context with `policygraph build`")
    lines = path.read_text(encoding="utf-8").splitlines()
    if not lines or tuple(lines[0].split("\t")) != INDEX_HEADER:
        raise InputError(path, f"not a document index: the header is not {' '.join(INDEX_HEADER)}")
    rows = [line.split("\t") for line in lines[1:] if line]
    if any(len(row) != len(INDEX_HEADER) for row in rows):
        raise InputError(path, f"not a document index: rows need {len(INDEX_HEADER)} columns")
    return [IndexRow(*row) for row in rows]


def updated_index(folder: Path, built: dict[str, IndexRow]) -> list[IndexRow]:
    """The rows of this build (by plan file) plus the earlier rows of plans still on disk
    that it did not rebuild (a plan that failed now keeps its last good graph and row)."""
    old = read_index(folder) if (folder / INDEX_FILE).is_file() else []
    kept = [r for r in old if r.plan not in built and (folder / r.plan).is_file()]
    return [*kept, *built.values()]


class DocumentIndex:
    """The plans of a built corpus by document number and by title key."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self.by_number: dict[str, list[IndexRow]] = {}
        self.by_title: dict[str, list[IndexRow]] = {}
        for row in read_index(folder):
            if row.number:
                self.by_number.setdefault(row.number, []).append(row)
            if row.title:
                self.by_title.setdefault(row.title, []).append(row)

    def find(self, number: str | None, title: str | None) -> list[Path]:
        """The graph files of the plans a citation names: by number (the title picks among
        plans sharing it), else by title."""
        key = title_key(title) if title else None
        rows = self.by_number.get(number or "", [])
        rows = [r for r in rows if r.title == key] or rows
        rows = rows or self.by_title.get(key or "", [])
        return [self.folder / r.plan for r in rows]


def parent_context(draft: Graph, index: DocumentIndex) -> Graph:
    """Triples that give each document the draft implements (and, upward, their parents)
    the targets and parents of the corpus plan it is, with pg:resolved true for each document
    found (`resolved_draft` drops the draft's pg:resolved false for those). The draft is not
    changed."""
    context = Graph(store="SimpleMemory")  # no named graphs: half the cost of an add
    todo = [(doc, draft) for doc in draft.objects(None, PG.implements)]
    seen: set[Node] = set()
    while todo:
        doc, source = todo.pop()
        if doc in seen or not isinstance(doc, URIRef):
            continue
        seen.add(doc)
        number, title = source.value(doc, PG.docNumber), source.value(doc, DCTERMS.title)
        for path in index.find(_text(number), _text(title)):
            parent = _plan_graph(path)
            todo += [(grand, parent) for grand in _lend(parent, doc, number is None, context)]
            context.add((doc, PG.resolved, Literal(True)))
    _match_concepts(draft, context)
    return context


def resolved_draft(draft: Graph, context: Graph) -> Graph:
    """A copy of the draft without pg:resolved false on the documents `context` resolves (a
    corpus plan was found for them), to validate beside that context."""
    found = {
        (doc, PG.resolved, Literal(False)) for doc in context.subjects(PG.resolved, Literal(True))
    }
    # copied into rdflib's store without named graphs: a triple costs half as much to add
    copy = Graph(store="SimpleMemory", namespace_manager=draft.namespace_manager)
    for triple in draft:
        if triple not in found:
            copy.add(triple)
    return copy


def _match_concepts(draft: Graph, context: Graph) -> None:
    """`skos:closeMatch` from the indicator of each draft target that states a parent
    indicator in other words to that indicator."""
    labels: dict[Node, set[str]] = {}
    for wording, concept in load_lexicon().indicators.items():
        labels.setdefault(local_iri(concept.key), {concept.label}).add(wording)
    wanted: dict[Node, set[str]] = {}
    for target in context.subjects(PG.restateBelow, Literal(True)):
        indicator = context.value(target, PG.indicator)
        if indicator is None:
            continue
        words = wanted.setdefault(indicator, set(labels.get(indicator, ())))
        words.update(str(w) for w in context.objects(target, RDFS.label))
    for target in draft.subjects(RDF.type, PG.Target):
        own = draft.value(target, PG.indicator)
        if own is None:
            continue
        wording = str(draft.value(target, RDFS.label) or "")
        for indicator, words in wanted.items():
            if own != indicator and any(_same_words(wording, w) for w in words):
                context.add((own, SKOS.closeMatch, indicator))


def _same_words(a: str, b: str) -> bool:
    """Two wordings of one indicator: one inside the other, or most bigrams shared."""
    key_a, key_b = wording_key(a), wording_key(b)
    contained = min(len(key_a), len(key_b)) >= MIN_CONTAINED and (key_a in key_b or key_b in key_a)
    return contained or wording_overlap(a, b) >= SAME_INDICATOR


def _lend(parent: Graph, doc: URIRef, numberless: bool, context: Graph) -> list[Node]:
    """Add the parent plan's city-wide targets and pg:implements edges under `doc` (and its
    number, when the citation printed none); the documents it implements, to look up next."""
    plan = parent.value(None, RDF.type, PG.Plan)
    if plan is None:
        return []
    key = str(doc).removeprefix(str(PGR) + "doc/")
    for target in parent.objects(plan, PG.hasTarget):
        if (target, PG.region, None) in parent:
            continue  # a share allotted to one county is no target for the whole region
        node = mint("target", "context", key, *str(target).removeprefix(str(PGR)).split("/")[1:])
        context.add((doc, PG.hasTarget, node))
        for predicate in LENT:
            for value in parent.objects(target, predicate):
                context.add((node, predicate, value))
        wording = str(parent.value(target, RDFS.label) or "")
        unit = parent.value(target, PG.unit)
        restate = restated_below(wording, str(unit) if unit is not None else None)
        context.add((node, PG.restateBelow, Literal(restate)))
    if numberless and (number := parent.value(plan, PG.docNumber)) is not None:
        context.add((doc, PG.docNumber, number))
    grands = list(parent.objects(plan, PG.implements))
    for grand in grands:
        context.add((doc, PG.implements, grand))
        for number in parent.objects(grand, PG.docNumber):
            context.add((grand, PG.docNumber, number))
    return grands


def _plan_graph(path: Path) -> Graph:
    """What `_lend` reads (READ) of one corpus plan's graph, read strictly by Oxigraph (a
    few ms) into rdflib terms."""
    if not path.is_file():
        raise InputError(path, f"listed in {INDEX_FILE} but missing: rebuild the context")
    graph = Graph(store="SimpleMemory")
    for triple in read_turtle(path, predicates=READ):
        graph.add(triple)
    return graph


def _text(node: object) -> str | None:
    return None if node is None else str(node)
