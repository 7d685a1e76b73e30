"""Graphs on disk and in the embedded store.

Serialisation goes through pyoxigraph (10–100× faster than rdflib's), with
the triples sorted, so the same graph always gives the same bytes. Files are
written atomically: a temporary file, then a rename, so an interrupted build
never leaves half a graph and a failed plan never replaces its last good one.
"""

from __future__ import annotations

import os
import tempfile
from collections.abc import Iterable
from pathlib import Path

import pyoxigraph as ox
from rdflib import BNode, Graph, Literal, URIRef
from rdflib.term import Node

from policygraph.errors import InputError
from policygraph.vocab import PREFIXES, bind_prefixes

PLANS_DIR = "plans"
VOCABULARY_FILE = "vocabularies.ttl"


def to_oxigraph(term: Node) -> ox.NamedNode | ox.Literal | ox.BlankNode:
    """An rdflib term as a pyoxigraph term."""
    if isinstance(term, URIRef):
        return ox.NamedNode(str(term))
    if isinstance(term, Literal):
        if term.language:
            return ox.Literal(str(term), language=term.language)
        if term.datatype:
            return ox.Literal(str(term), datatype=ox.NamedNode(str(term.datatype)))
        return ox.Literal(str(term))
    if isinstance(term, BNode):
        return ox.BlankNode(str(term))
    raise TypeError(f"not an RDF term: {term!r}")


def canonical_turtle(triples: Iterable[ox.Triple]) -> bytes:
    """Turtle with the triples in a fixed order and the project's prefixes."""
    ordered = sorted(set(triples), key=lambda t: (str(t.subject), str(t.predicate), str(t.object)))
    return ox.serialize(ordered, format=ox.RdfFormat.TURTLE, prefixes=PREFIXES) or b""


def graph_to_turtle(graph: Graph) -> bytes:
    """An rdflib graph as canonical Turtle bytes."""
    return canonical_turtle(
        ox.Triple(to_oxigraph(s), to_oxigraph(p), to_oxigraph(o))  # type: ignore[arg-type]
        for s, p, o in graph
    )


def write_atomic(path: Path, data: bytes) -> bool:
    """Write `data` to `path` via a temporary file and a rename; False if unchanged."""
    if path.is_file() and path.read_bytes() == data:
        return False
    path.parent.mkdir(parents=True, exist_ok=True)
    handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(handle, "wb") as stream:
            stream.write(data)
        os.chmod(temporary, 0o644)
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise
    return True


def graph_files(graphs: Path) -> list[Path]:
    """The Turtle files of a graphs folder (or the one file given), vocabularies first."""
    if graphs.is_file():
        return [graphs]
    if not graphs.is_dir():
        raise InputError(graphs, "no such graphs folder")
    files = sorted(graphs.rglob("*.ttl"), key=lambda p: (p.name != VOCABULARY_FILE, str(p)))
    if not files:
        raise InputError(graphs, "no .ttl graphs in this folder (run `policygraph build` first)")
    return files


def load_store(graphs: Path) -> ox.Store:
    """An in-memory pyoxigraph store with every graph of a folder in its default graph."""
    store = ox.Store()
    for path in graph_files(graphs):
        try:
            store.bulk_load(path=str(path), format=ox.RdfFormat.TURTLE)
        except (SyntaxError, OSError) as error:
            raise InputError(path, f"not a readable Turtle graph ({error})") from error
    return store


def write_store(store: ox.Store, location: Path) -> None:
    """Copy `store` into a new on-disk pyoxigraph store at `location` (closed on return, so
    processes can open it read-only)."""
    disk = ox.Store(str(location))
    disk.bulk_extend(store.quads_for_pattern(None, None, None))
    disk.flush()
    del disk


def load_graph(graphs: Path) -> Graph:
    """The same graphs as one rdflib graph (for pySHACL and the rdflib API)."""
    graph = bind_prefixes(Graph())
    for path in graph_files(graphs):
        try:
            graph.parse(path, format="turtle")
        except Exception as error:  # rdflib raises many parser error types
            raise InputError(path, f"not a readable Turtle graph ({error})") from error
    return graph
