"""Load the built graphs into a SPARQL 1.1 Graph Store Protocol server.

Each plan file becomes one named graph, named by its plan's IRI. A PUT replaces the graph,
so pushing twice leaves the server as after one push. Other files (the
vocabularies, the policy registry) go into pgr:<file stem>. Works with any GSP
server: Oxigraph (`…/store`), Jena Fuseki (`…/<dataset>/data`), Virtuoso
(`…/sparql-graph-crud`), GraphDB (`…/repositories/<id>/rdf-graphs/service`).
"""

from __future__ import annotations

import urllib.error
import urllib.request
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import quote

import pyoxigraph as ox

from policygraph.errors import PolicygraphError
from policygraph.store import PLANS_DIR, graph_files
from policygraph.vocab import PG, PGR, RDF

RDF_TYPE = ox.NamedNode(str(RDF.type))
TURTLE = "text/turtle; charset=utf-8"


class PushError(PolicygraphError):
    """The graph store refused a graph or could not be reached."""


@dataclass(frozen=True)
class PushedGraph:
    path: Path
    graph: str
    triples: int
    status: int


def graph_name(path: Path, turtle: bytes) -> str:
    """The named graph a file goes into: its plan's IRI for a plan file (plans/<name>.ttl),
    else pgr:<file stem> (pgr:vocabularies, pgr:registry)."""
    if path.parent.name != PLANS_DIR:
        return str(PGR[path.stem])
    plan_class = ox.NamedNode(str(PG.Plan))
    plans = sorted(
        t.subject.value
        for t in _triples(path, turtle)
        if t.predicate == RDF_TYPE
        and t.object == plan_class
        and isinstance(t.subject, ox.NamedNode)
    )
    if len(plans) != 1:
        raise PushError(f"{path}: expected one pg:Plan in the file, found {len(plans)}")
    return plans[0]


def _triples(path: Path, turtle: bytes) -> list[ox.Triple]:
    try:
        return list(ox.parse(turtle, format=ox.RdfFormat.TURTLE))
    except SyntaxError as error:
        raise PushError(f"{path}: not a readable Turtle graph ({error})") from error


def _opener(endpoint: str, user: str | None) -> urllib.request.OpenerDirector:
    """An HTTP opener that answers basic or digest challenges (Fuseki, Virtuoso) as `user`."""
    if not user:
        return urllib.request.build_opener()
    name, _, password = user.partition(":")
    passwords = urllib.request.HTTPPasswordMgrWithDefaultRealm()
    passwords.add_password(None, endpoint, name, password)
    return urllib.request.build_opener(
        urllib.request.HTTPBasicAuthHandler(passwords),
        urllib.request.HTTPDigestAuthHandler(passwords),
    )


def push_graphs(
    graphs: Path, endpoint: str, user: str | None = None, timeout: float = 60.0
) -> list[PushedGraph]:
    """PUT every graph file of `graphs` to the Graph Store Protocol `endpoint`."""
    pushed = []
    opener = _opener(endpoint, user)
    for path in graph_files(graphs):
        turtle = path.read_bytes()
        name = graph_name(path, turtle)
        triples = len(_triples(path, turtle))
        request = urllib.request.Request(
            f"{endpoint}{'&' if '?' in endpoint else '?'}graph={quote(name, safe='')}",
            data=turtle,
            method="PUT",
            headers={"Content-Type": TURTLE},
        )
        try:
            with opener.open(request, timeout=timeout) as response:
                status = response.status
        except urllib.error.HTTPError as error:
            detail = error.read().decode("utf-8", "replace").strip().splitlines()[:1]
            raise PushError(
                f"{endpoint}: {path.name} refused with HTTP {error.code} {' '.join(detail)}"
            ) from error
        except (urllib.error.URLError, OSError) as error:
            raise PushError(f"{endpoint}: cannot reach the graph store ({error})") from error
        pushed.append(PushedGraph(path, name, triples, status))
    return pushed
