"""Orchestration: plan files in, one Turtle graph per plan out.

read → normalize → nlp (outline, metadata, citations, measures, targets)
→ graph → store. A bad file is reported and skipped; the good ones are
still written, each atomically.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from rdflib import Graph

from policygraph.errors import InputError, NotAPlanError, PolicygraphError
from policygraph.graph import plan_to_graph, registry_graph
from policygraph.lexicon_data import load_lexicon
from policygraph.model import Plan
from policygraph.nlp import plan_from_text
from policygraph.normalize import normalize_text
from policygraph.read import PLAN_SUFFIXES, read_plan
from policygraph.registry import REGISTRY_FILE
from policygraph.resources import resource_dir
from policygraph.store import (
    PLANS_DIR,
    VOCABULARY_FILE,
    graph_to_turtle,
    write_atomic,
)

VOCABULARY_SOURCES = ("policygraph.ttl", "indicators.ttl", "functions.ttl", "regions.ttl")


@dataclass(frozen=True)
class BuiltPlan:
    path: Path
    plan: Plan
    graph: Graph


@dataclass
class BuildReport:
    """What a build wrote and what it refused, file by file."""

    built: list[BuiltPlan] = field(default_factory=list)
    failed: list[PolicygraphError] = field(default_factory=list)
    written: list[Path] = field(default_factory=list)


def extract_plan(path: Path) -> Plan:
    """The `Plan` record of one plan file; `NotAPlanError` when it states no plan."""
    source = read_plan(path)
    metadata = {key: normalize_text(value).text for key, value in source.metadata}
    plan = plan_from_text(source.name, normalize_text(source.text), metadata)
    if plan.title is None or not plan.measures:
        missing = "no plan title" if plan.title is None else "no numbered tasks"
        raise NotAPlanError(path, f"not a plan: {missing} (a news item or another page?)")
    return plan


def build_file(path: Path) -> BuiltPlan:
    """One plan file as a `Plan` record and its RDF graph."""
    plan = extract_plan(path)
    return BuiltPlan(path, plan, plan_to_graph(plan, load_lexicon()))


def plan_files(paths: Iterable[Path]) -> list[Path]:
    """The plan files named, folders expanded to their plan files, sorted; `InputError` when
    two share a stem (they would share plans/<stem>.ttl and the plan IRI)."""
    files: list[Path] = []
    for path in paths:
        if path.is_dir():
            files.extend(sorted(p for p in path.iterdir() if p.suffix.lower() in PLAN_SUFFIXES))
        else:
            files.append(path)
    by_stem: dict[str, Path] = {}
    for file in files:
        if by_stem.setdefault(file.stem, file) != file:
            raise InputError(file, f"same name as {by_stem[file.stem]}: rename one of the two")
    return files


def vocabulary_turtle() -> bytes:
    """The shared vocabularies (ontology and SKOS schemes) as one Turtle file: the
    source files joined as they are, so their comments and blank nodes stay stable."""
    ontology = resource_dir("ontology")
    parts = [
        f"# ontology/{name}\n".encode() + (ontology / name).read_bytes()
        for name in VOCABULARY_SOURCES
    ]
    return b"\n".join(parts)


def build_corpus(paths: Iterable[Path], out: Path) -> BuildReport:
    """Build every plan file into `out/plans/<name>.ttl`, plus `out/vocabularies.ttl` and
    `out/registry.ttl` (the known parent policies the plans' lineage runs through)."""
    report = BuildReport()
    files = plan_files(paths)
    if not files:
        report.failed.append(InputError(", ".join(str(p) for p in paths), "no plan files found"))
        return report
    for path in files:
        try:
            built = build_file(path)
        except PolicygraphError as error:
            report.failed.append(error)
            continue
        report.built.append(built)
        target = out / PLANS_DIR / f"{path.stem}.ttl"
        if write_atomic(target, graph_to_turtle(built.graph)):
            report.written.append(target)
    vocabulary = out / VOCABULARY_FILE
    if write_atomic(vocabulary, vocabulary_turtle()):
        report.written.append(vocabulary)
    registry = out / REGISTRY_FILE
    if write_atomic(registry, graph_to_turtle(registry_graph())):
        report.written.append(registry)
    return report
