"""The registry of known parent policies, and citations resolved against it.

`data/policies.csv` lists the national, provincial and local policies that plans
of this field cite: number, title, issuer, date, their own parent policies
(`implements`, numbers separated by `;`) and a source per entry.
`data/parent_targets.csv` lists targets those parent policies set for this
field's indicators. `graph.registry_graph()` compiles both into RDF (written to
`registry.ttl` by the build), so lineage runs multi-hop: a city plan →
its provincial opinion → 国办发〔2020〕52号. `Registry.resolve` matches a
citation by number or by title and says when the two disagree.
"""

from __future__ import annotations

import csv
import re
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from functools import cache
from pathlib import Path

from rdflib import URIRef

from policygraph.errors import InputError
from policygraph.extract.citations import title_key
from policygraph.extract.docnumber import RELATIVE_CODE_STARTS
from policygraph.ids import mint
from policygraph.lexicon import Lexicon
from policygraph.resources import resource_dir

REGISTRY_FILE = "registry.ttl"

LOCAL_CODE = re.compile(r"^(?P<place>[\u4e00-\u9fff]{1,9}?)(?P<body>府办|政办|府|政)(?:发|函)?$")
"""A local government's code written with its short name (万州府办发, 勐海政发) or, for a
prefecture, with the first character of it (周政办, 郑政)."""
BODIES = {"府": "人民政府", "政": "人民政府", "府办": "人民政府办公室", "政办": "人民政府办公室"}


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
    """The issuers and jurisdiction an issuer code stands for, where the table knows it
    or the code opens with a region's short name (万州府办发 → 重庆市万州区人民政府办公室)."""
    if code not in lexicon.issuers:
        return _local_issuer(code, regions, lexicon)
    issuer, jurisdiction = lexicon.issuers[code]
    if not _applies(code, jurisdiction, regions, lexicon):
        return None
    return tuple(issuer.split()), jurisdiction


def _local_issuer(
    code: str, regions: frozenset[str], lexicon: Lexicon
) -> tuple[tuple[str, ...], str] | None:
    match = LOCAL_CODE.match(code)
    if match is None:
        return None
    place = match["place"]
    if len(place) > 1:
        key = lexicon.region_short.get(place)
    else:
        key = _prefecture_by_initial(place, regions, lexicon)
    if key is None:
        return None
    name = lexicon.region_name(key)
    return (name + BODIES[match["body"]],), name


def _prefecture_by_initial(initial: str, regions: frozenset[str], lexicon: Lexicon) -> str | None:
    """周 in a code cited by a plan of 河南省: the one prefecture of the citing plan's
    province whose short name opens with it (周口市); one character names no prefecture
    across China, so a plan of no known province reads none."""
    provinces = [key for key in regions if lexicon.region_levels.get(key) == "province"]
    if len(provinces) != 1:
        return None
    prefectures = [
        key
        for short, key in lexicon.region_short.items()
        if short.startswith(initial)
        and lexicon.region_levels.get(key) == "city"
        and lexicon.region_parents.get(key) == provinces[0]
    ]
    return prefectures[0] if len(prefectures) == 1 else None


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
