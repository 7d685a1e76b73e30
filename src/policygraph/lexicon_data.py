"""Reads the data files into a `Lexicon`: SKOS labels of ontology/*.ttl (via pyoxigraph),
the issuer codes of data/issuer_codes.csv, the indicator parts of
data/indicator_parts.csv and the department body suffixes of data/department_bodies.csv.
Kept apart from policygraph.lexicon so the text stages that use a Lexicon never load an
RDF library.

Reading them takes about 0.1 s, a tenth of a `validate` run, so the lexicon read is kept
between processes as a pickle in the user's cache folder ($XDG_CACHE_HOME/policygraph, as
`push` keeps its state), named by a hash of the files directly in data/ and ontology/
(all it reads) and of the package's code: a changed data file or a changed module is read
afresh, never taken from an older cache. A cache that cannot be read is read afresh, one that
cannot be written is skipped; the eight most recent lexicons are kept (checkouts of
different data share the folder). Validation keeps its vocabulary context (the triples of
each concept of ontology/, validate.py) the same way, beside the lexicon. Unpickling runs
code, so a cache file is loaded only when it and its folder belong to the user and no one
else may write to them: one that another user could have planted or replaced is read afresh
(and the folder left alone).
"""

from __future__ import annotations

import csv
import hashlib
import os
import pickle
import stat
import sys
from collections.abc import Callable
from functools import cache
from pathlib import Path
from typing import TypeVar

import pyoxigraph as ox

from policygraph.lexicon import IndicatorConcept, IndicatorParts, Lexicon, label_key
from policygraph.resources import csv_column, resource_dir
from policygraph.vocab import PG, PGR, RDFS, SKOS

SKOS_ = str(SKOS)
RDFS_ = str(RDFS)
ID = str(PGR)
KEPT_LEXICONS = 8
OTHERS_WRITE = stat.S_IWGRP | stat.S_IWOTH
T = TypeVar("T")


@cache
def load_lexicon() -> Lexicon:
    """The bundled lexicon (read once per process, from the cache when it holds it)."""
    return kept_between_processes("lexicon", read_lexicon, Lexicon)


def kept_between_processes(name: str, read: Callable[[], T], kind: type[T]) -> T:
    """What `read()` derives from data/ and ontology/, taken from the cache file
    <name>-<key>.pickle when one of the user's own holds a `kind`, else read and kept there
    (see the module's notes: the key hashes data/, ontology/ and the package's code)."""
    try:
        cached = _cache_dir() / f"{name}-{_lexicon_key()}.pickle"
    except RuntimeError:  # no home folder to keep a cache in
        return read()
    try:
        folder: os.stat_result | None = os.stat(cached.parent)
    except OSError:  # no cache folder yet (or none to be had): made when writing
        folder = None
    if folder is not None and not _private(folder):
        return read()
    try:
        with cached.open("rb") as stream:
            if not _private(os.fstat(stream.fileno())):
                raise PermissionError(f"{cached} may have been written by another user")
            found = pickle.load(stream)
        if isinstance(found, kind):
            return found
    except Exception:  # missing, damaged or not what was kept: read the files instead
        pass
    value = read()
    _keep(cached, value, name)
    return value


def _private(status: os.stat_result) -> bool:
    """Whether a file or folder is the user's own and writable by no one else."""
    return status.st_uid == os.getuid() and not status.st_mode & OTHERS_WRITE


def _cache_dir() -> Path:
    return Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache") / "policygraph"


def _lexicon_key() -> str:
    """A hash of what the lexicon is read from and of the package's code: the lexicon
    holds what functions of several modules derived (indicator signatures read units.py's
    pattern), so any change of code reads the files afresh (600 KB: about 2 ms, once per
    process and folders)."""
    return _key_of(resource_dir("ontology"), resource_dir("data"))


@cache
def _key_of(*folders: Path) -> str:
    digest = hashlib.sha256(repr(sys.version_info[:2]).encode())
    package = Path(__file__).parent
    code = sorted(package.rglob("*.py"))
    for folder in folders:
        code.extend(sorted(p for p in folder.iterdir() if p.is_file()))
    for path in code:
        digest.update(path.name.encode() + b"\0" + path.read_bytes())
    return digest.hexdigest()[:24]


def _keep(cached: Path, value: object, name: str) -> None:
    """Write a value to the cache (atomically) and drop all but the newest ones of `name`."""
    from policygraph.store import write_atomic  # writing only, after a cache miss

    try:
        cached.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
        cached.unlink(missing_ok=True)  # a refused file is replaced, not kept for equal bytes
        write_atomic(cached, pickle.dumps(value, protocol=pickle.HIGHEST_PROTOCOL))
        kept = sorted(cached.parent.glob(f"{name}-*.pickle"), key=lambda p: -p.stat().st_mtime)
        for older in kept[KEPT_LEXICONS:]:
            older.unlink(missing_ok=True)
    except OSError:  # a read-only home, a full disk: the next process reads the files
        pass


def read_lexicon() -> Lexicon:
    """The bundled lexicon, read from the data files."""
    ontology = resource_dir("ontology")
    data = resource_dir("data")
    regions = _triples(ontology / "regions.ttl")
    claims = _region_claims(regions)
    parts = _indicator_parts(data / "indicator_parts.csv")
    indicators = _indicators(ontology / "indicators.ttl")
    return Lexicon(
        indicators=indicators,
        indicator_parts=parts,
        indicator_signatures=indicator_signatures(indicators, parts),
        functions=_functions(ontology / "functions.ttl", data / "state_council_bodies.csv"),
        regions={label: keys[0] for label, keys in claims.items() if len(keys) == 1},
        region_labels=_region_labels(regions),
        issuers=_issuers(data / "issuer_codes.csv"),
        function_stems=_function_stems(ontology / "functions.ttl"),
        department_bodies=tuple(
            sorted(csv_column(data / "department_bodies.csv", "suffix"), key=len, reverse=True)
        ),
        region_parents=_region_parents(regions),
        region_homonyms={label: keys for label, keys in claims.items() if len(keys) > 1},
        region_levels=_region_levels(regions),
        region_short={
            _value(t.object): _local(t.subject)
            for t in regions
            if t.predicate.value == SKOS_ + "hiddenLabel"
        },
        domains=_domains(ontology / "policygraph.ttl"),
    )


def ontology_triples(name: str) -> tuple[ox.Triple, ...]:
    """The triples of ontology/<name> (none when it is missing), parsed once per process:
    the lexicon and validation's vocabulary context read the same files."""
    return _triples(resource_dir("ontology") / name)


@cache
def _triples(path: Path) -> tuple[ox.Triple, ...]:
    if not path.is_file():
        return ()
    return tuple(ox.parse(path=str(path), format=ox.RdfFormat.TURTLE))


def _local(node: ox.NamedNode | ox.BlankNode | ox.Literal | ox.Triple) -> str:
    """A node's IRI without the pgr: namespace (the vocabularies hold no quoted triples)."""
    return str(node) if isinstance(node, ox.Triple) else node.value.removeprefix(ID)


def _value(term: ox.NamedNode | ox.BlankNode | ox.Literal | ox.Triple) -> str:
    """The lexical value of a term (the ontology files hold no triple terms)."""
    return str(term) if isinstance(term, ox.Triple) else term.value


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


def _indicator_parts(path: Path) -> IndicatorParts:
    with path.open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    by_length = sorted(rows, key=lambda row: len(row["written"]), reverse=True)
    return IndicatorParts(
        rewrites=tuple(
            (row["written"], row["canonical"])
            for row in by_length
            if row["role"] not in ("measure", "tail", "opening")
        ),
        measures=tuple(
            (row["written"], row["canonical"]) for row in by_length if row["role"] == "measure"
        ),
        heads=frozenset(row["written"] for row in rows if row["role"] == "head"),
        tails=tuple(row["written"] for row in by_length if row["role"] == "tail"),
        scopes=tuple(row["written"] for row in by_length if row["role"] == "scope"),
        openings=tuple(row["written"] for row in by_length if row["role"] == "opening"),
    )


def indicator_signatures(
    indicators: dict[str, IndicatorConcept], parts: IndicatorParts
) -> dict[tuple[str, str], IndicatorConcept]:
    """The parts of every label → its concept. Parts that labels of two concepts share
    name the concept whose prefLabel has them (示范性托育机构数, not the per-county one
    whose altLabel drops 每个县), else neither."""
    claims: dict[tuple[str, str], set[IndicatorConcept]] = {}
    for label, concept in indicators.items():
        signature = parts.signature(label, None)
        if signature is not None:
            claims.setdefault(signature, set()).add(concept)
    table = {}
    for signature, concepts in claims.items():
        named = [c for c in concepts if parts.signature(label_key(c.label), None) == signature]
        if len(concepts) == 1 or len(named) == 1:
            table[signature] = named[0] if named else next(iter(concepts))
    return table


def _functions(path: Path, bodies: Path) -> dict[str, tuple[str, ...]]:
    """Function names → function keys: the labels of functions.ttl, then the names and
    short names of the State Council's bodies (国家医疗保障局, 国家医保局)."""
    table: dict[str, list[str]] = {}
    for triple in _triples(path):
        obj = triple.object
        is_label = triple.predicate.value in (SKOS_ + "prefLabel", SKOS_ + "altLabel")
        if is_label and isinstance(obj, ox.Literal) and obj.language == "zh":
            keys = table.setdefault(label_key(obj.value), [])
            if _local(triple.subject) not in keys:
                keys.append(_local(triple.subject))
    for body in state_council_bodies(bodies):
        for name in filter(None, (body["name"], body["short"])):
            keys = table.setdefault(label_key(name), [])
            if f"function/{body['function']}" not in keys:
                keys.append(f"function/{body['function']}")
    return {label: tuple(sorted(keys)) for label, keys in table.items()}


def state_council_bodies(path: Path) -> list[dict[str, str]]:
    """The rows of data/state_council_bodies.csv (its header comment aside)."""
    with path.open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(line for line in handle if not line.startswith("#")))


def _function_stems(path: Path) -> dict[str, tuple[str, ...]]:
    stem = str(PG.nameStem)
    table: dict[str, set[str]] = {}
    for triple in _triples(path):
        if triple.predicate.value == stem:
            table.setdefault(_value(triple.object), set()).add(_local(triple.subject))
    return {label: tuple(sorted(keys)) for label, keys in table.items()}


def _region_claims(triples: tuple[ox.Triple, ...]) -> dict[str, tuple[str, ...]]:
    """label → the keys of the regions it names (several for 朝阳区, 城区)."""
    index: dict[str, list[str]] = {}
    for triple in triples:
        labelled = triple.predicate.value in (RDFS_ + "label", SKOS_ + "altLabel")
        if labelled and isinstance(triple.object, ox.Literal):
            keys = index.setdefault(triple.object.value, [])
            if _local(triple.subject) not in keys:
                keys.append(_local(triple.subject))
    return {label: tuple(sorted(keys)) for label, keys in index.items()}


def _region_labels(triples: tuple[ox.Triple, ...]) -> dict[str, str]:
    return {
        _local(t.subject): t.object.value
        for t in triples
        if t.predicate.value == RDFS_ + "label" and isinstance(t.object, ox.Literal)
    }


def _region_levels(triples: tuple[ox.Triple, ...]) -> dict[str, str]:
    level = str(PG.adminLevel)
    return {_local(t.subject): _value(t.object) for t in triples if t.predicate.value == level}


def _region_parents(triples: tuple[ox.Triple, ...]) -> dict[str, str]:
    within = str(PG.within)
    return {_local(t.subject): _local(t.object) for t in triples if t.predicate.value == within}


def _issuers(path: Path) -> dict[str, tuple[str, str]]:
    if not path.is_file():
        return {}
    with path.open(encoding="utf-8", newline="") as handle:
        return {row["code"]: (row["issuer"], row["jurisdiction"]) for row in csv.DictReader(handle)}
