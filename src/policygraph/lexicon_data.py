"""Reads the data files into a `Lexicon`: SKOS labels of ontology/*.ttl (via pyoxigraph)
and the issuer codes of data/issuer_codes.csv. Kept apart from policygraph.lexicon so the
text stages that use a Lexicon never load an RDF library.
"""

from __future__ import annotations

import csv
from functools import cache
from pathlib import Path

import pyoxigraph as ox

from policygraph.lexicon import IndicatorConcept, Lexicon, label_key
from policygraph.resources import resource_dir
from policygraph.vocab import PG, PGR, RDFS, SKOS

SKOS_ = str(SKOS)
RDFS_ = str(RDFS)
ID = str(PGR)


@cache
def load_lexicon() -> Lexicon:
    """The bundled lexicon (read once per process)."""
    ontology = resource_dir("ontology")
    data = resource_dir("data")
    regions = _triples(ontology / "regions.ttl")
    return Lexicon(
        indicators=_indicators(ontology / "indicators.ttl"),
        functions=_functions(ontology / "functions.ttl"),
        regions=_region_index(regions),
        region_labels=_region_labels(regions),
        issuers=_issuers(data / "issuer_codes.csv"),
        region_parents=_region_parents(regions),
        domains=_domains(ontology / "policygraph.ttl"),
    )


def _triples(path: Path) -> list[ox.Triple]:
    if not path.is_file():
        return []
    return list(ox.parse(path=str(path), format=ox.RdfFormat.TURTLE))


def _local(node: ox.NamedNode | ox.BlankNode | ox.Literal) -> str:
    return node.value.removeprefix(ID)


def _indicators(path: Path) -> dict[str, IndicatorConcept]:
    pref: dict[str, str] = {}
    labels: list[tuple[str, str]] = []
    domains: dict[str, list[str]] = {}
    for triple in _triples(path):
        obj = triple.object
        if triple.predicate.value == str(PG.domain):
            domains.setdefault(_local(triple.subject), []).append(_local(obj))
        if not isinstance(obj, ox.Literal) or obj.language != "zh":
            continue
        if triple.predicate.value == SKOS_ + "prefLabel":
            pref[_local(triple.subject)] = obj.value
            labels.append((_local(triple.subject), obj.value))
        elif triple.predicate.value == SKOS_ + "altLabel":
            labels.append((_local(triple.subject), obj.value))
    return {
        label_key(label): IndicatorConcept(
            key, pref[key], domains=tuple(sorted(domains.get(key, ())))
        )
        for key, label in labels
        if key in pref
    }


def _domains(path: Path) -> dict[str, str]:
    """Labels of the policy domain concepts (养老服务, 养老, 一老, 老年人 …) → domain key."""
    labels = (SKOS_ + "prefLabel", SKOS_ + "altLabel", SKOS_ + "hiddenLabel")
    return {
        triple.object.value: _local(triple.subject)
        for triple in _triples(path)
        if triple.predicate.value in labels
        and _local(triple.subject).startswith("domain/")
        and isinstance(triple.object, ox.Literal)
        and triple.object.language == "zh"
    }


def _functions(path: Path) -> dict[str, tuple[str, ...]]:
    table: dict[str, list[str]] = {}
    for triple in _triples(path):
        obj = triple.object
        is_label = triple.predicate.value in (SKOS_ + "prefLabel", SKOS_ + "altLabel")
        if is_label and isinstance(obj, ox.Literal) and obj.language == "zh":
            keys = table.setdefault(label_key(obj.value), [])
            if _local(triple.subject) not in keys:
                keys.append(_local(triple.subject))
    return {label: tuple(sorted(keys)) for label, keys in table.items()}


def _region_index(triples: list[ox.Triple]) -> dict[str, str]:
    index: dict[str, str] = {}
    for triple in triples:
        labelled = triple.predicate.value in (RDFS_ + "label", SKOS_ + "altLabel")
        if labelled and isinstance(triple.object, ox.Literal):
            index.setdefault(triple.object.value, _local(triple.subject))
    return index


def _region_labels(triples: list[ox.Triple]) -> dict[str, str]:
    return {
        _local(t.subject): t.object.value
        for t in triples
        if t.predicate.value == RDFS_ + "label" and isinstance(t.object, ox.Literal)
    }


def _region_parents(triples: list[ox.Triple]) -> dict[str, str]:
    within = str(PG.within)
    return {_local(t.subject): _local(t.object) for t in triples if t.predicate.value == within}


def _issuers(path: Path) -> dict[str, tuple[str, str]]:
    if not path.is_file():
        return {}
    with path.open(encoding="utf-8", newline="") as handle:
        return {row["code"]: (row["issuer"], row["jurisdiction"]) for row in csv.DictReader(handle)}
