"""The explorer in Chinese (the default) or English: page words from messages.csv, names of
things from the labels the ontology and the graphs carry (`explore.labels_by_language`)."""

from __future__ import annotations

import csv
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from policygraph.vocab import PG

LANGUAGES = ("zh", "en")
DEFAULT = "zh"
MESSAGES = Path(__file__).with_name("messages.csv")
ONTOLOGY = str(PG)


@cache
def messages() -> dict[str, dict[str, str]]:
    """Page words by key and language."""
    with MESSAGES.open(encoding="utf-8", newline="") as stream:
        return {
            row["key"]: {lang: row[lang] for lang in LANGUAGES} for row in csv.DictReader(stream)
        }


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
