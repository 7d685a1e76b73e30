"""The corpus as one N-Quads file, for the bulk loaders of large stores.

Each plan file becomes one named graph named by its plan's IRI, the other files
(vocabularies, registry) `pgr:<file stem>`, as `push` names them, so a loaded
corpus answers the same questions as a pushed one. The file is written a graph
at a time (a corpus of any size streams through), to a temporary file renamed at
the end; blank nodes are numbered per graph in the order they appear, so the
same graphs always give the same bytes.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pyoxigraph as ox

from policygraph.errors import InputError
from policygraph.push import graph_name
from policygraph.query import RdfTerm
from policygraph.store import atomic_output, graph_files


def graph_quads(path: Path, number: int) -> Iterator[ox.Quad]:
    """The triples of one Turtle file as quads in its named graph; blank nodes become
    _:g<number>b<n>, numbered by first appearance."""
    turtle = path.read_bytes()
    name = ox.NamedNode(graph_name(path, turtle))
    labels: dict[str, ox.BlankNode] = {}

    def stable(term: RdfTerm) -> RdfTerm:
        if isinstance(term, ox.BlankNode):
            return labels.setdefault(term.value, ox.BlankNode(f"g{number}b{len(labels)}"))
        return term

    try:
        for triple in ox.parse(turtle, format=ox.RdfFormat.TURTLE):
            subject = stable(triple.subject)
            assert not isinstance(subject, ox.Literal)  # a subject stays a subject
            yield ox.Quad(subject, triple.predicate, stable(triple.object), name)
    except SyntaxError as error:
        raise InputError(path, f"not a readable Turtle graph ({error})") from error


def export_nquads(graphs: Path, target: Path) -> int:
    """Write every graph of a built folder to `target` as N-Quads, one named graph per file;
    the number of graphs written."""
    files = graph_files(graphs)
    with atomic_output(target) as stream:
        for number, path in enumerate(files):
            ox.serialize(graph_quads(path, number), stream, format=ox.RdfFormat.N_QUADS)
    return len(files)
