"""The explorer in Chinese (the default) or English: page words from messages.csv, names of
things from the labels the ontology and the graphs carry (rdfs:label, skos:prefLabel)."""

from __future__ import annotations

import csv
from dataclasses import dataclass
from functools import cache
from pathlib import Path

import pyoxigraph as ox

from policygraph.resources import resource_dir
from policygraph.vocab import PG

LANGUAGES = ("zh", "en")
DEFAULT = "zh"
MESSAGES = Path(__file__).with_name("messages.csv")
ONTOLOGY = str(PG)
LABELS = """
SELECT ?thing ?label WHERE {
  ?thing <http://www.w3.org/2000/01/rdf-schema#label>
       | <http://www.w3.org/2004/02/skos/core#prefLabel> ?label .
  FILTER(LANG(?label) != "")
}
"""


@cache
def messages() -> dict[str, dict[str, str]]:
    """Page words by key and language."""
    with MESSAGES.open(encoding="utf-8", newline="") as stream:
        return {
            row["key"]: {lang: row[lang] for lang in LANGUAGES} for row in csv.DictReader(stream)
        }


def labels_of(store: ox.Store) -> dict[str, dict[str, str]]:
    """Every labelled IRI of the store and of the ontology, by language."""
    ontology = ox.Store()
    ontology.bulk_load(
        path=str(resource_dir("ontology") / "policygraph.ttl"), format=ox.RdfFormat.TURTLE
    )
    found: dict[str, dict[str, str]] = {}
    for source in (ontology, store):
        solutions = source.query(LABELS)
        assert isinstance(solutions, ox.QuerySolutions)
        for solution in solutions:
            thing, label = solution["thing"], solution["label"]
            if isinstance(thing, ox.NamedNode) and isinstance(label, ox.Literal):
                language = (label.language or "").split("-")[0]
                found.setdefault(thing.value, {}).setdefault(language, label.value)
    return found


@dataclass(frozen=True)
class Texts:
    """Words and names in one language, with Chinese where a name has no translation."""

    lang: str
    labels: dict[str, dict[str, str]]

    def __call__(self, key: str, **values: object) -> str:
        """A page word (`line` takes n=…)."""
        words = messages().get(key, {})
        return words.get(self.lang, key).format(**values)

    def name(self, iri: str | None, fallback: str | None = None) -> str:
        """A thing's label in the page's language, else Chinese, else the fallback."""
        by_language = self.labels.get(iri or "", {})
        return by_language.get(self.lang) or by_language.get(DEFAULT) or fallback or iri or ""

    def term(self, local: str) -> str:
        """The label of an ontology term (`indicator` → 指标 / indicator)."""
        return self.name(ONTOLOGY + local, local)


def language(requested: str | None) -> str:
    return requested if requested in LANGUAGES else DEFAULT
