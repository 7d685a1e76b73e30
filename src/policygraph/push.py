"""Load the built graphs into a SPARQL 1.1 Graph Store Protocol server.

Each plan file becomes one named graph, named by its plan's IRI. A PUT replaces the graph,
so pushing twice leaves the server as after one push. Other files (the
vocabularies, the policy registry) go into pgr:<file stem>. Works with any GSP
server: Oxigraph (`…/store`), Jena Fuseki (`…/<dataset>/data`), Virtuoso
(`…/sparql-graph-crud-auth`), GraphDB (`…/repositories/<id>/rdf-graphs/service`).

Graphs are sent as N-Triples, which every one of them reads the same way: the Turtle
files escape characters in prefixed names (`pgr:measure\\/kunming\\/2.3.1`), and
Virtuoso 7.2's Turtle reader keeps the backslash in the IRI.

Graphs are reported as they go through, so a push cut short says how far it got; a push
with `skip_unchanged` records the hash of each graph it stores (per endpoint, in the user's
cache folder) and sends only what changed since, so repeating it resumes a push cut short.
A push without it writes nothing there. Credentials in the URL (`http://user:password@host/…`)
are used to authenticate and kept out of every message.
"""

from __future__ import annotations

import hashlib
import os
import urllib.error
import urllib.request
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import quote, unquote, urlsplit, urlunsplit

import pyoxigraph as ox

from policygraph.errors import PolicygraphError
from policygraph.store import PLANS_DIR, graph_files, write_atomic
from policygraph.vocab import PG, PGR, RDF

RDF_TYPE = ox.NamedNode(str(RDF.type))
N_TRIPLES = "application/n-triples"


class PushError(PolicygraphError):
    """The graph store refused a graph or could not be reached."""


@dataclass(frozen=True)
class PushedGraph:
    path: Path
    graph: str
    triples: int
    status: int
    skipped: bool = False


def graph_name(path: Path, turtle: bytes) -> str:
    """The named graph a file goes into: its plan's IRI for a plan file (plans/<name>.ttl),
    else pgr:<file stem> (pgr:vocabularies, pgr:registry)."""
    return _name(path, _triples(path, turtle))


def _name(path: Path, triples: list[ox.Triple]) -> str:
    if path.parent.name != PLANS_DIR:
        return str(PGR[path.stem])
    plan_class = ox.NamedNode(str(PG.Plan))
    plans = sorted(
        t.subject.value
        for t in triples
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
        _AnsweringDigestAuth(passwords),
    )


class _AnsweringDigestAuth(urllib.request.HTTPDigestAuthHandler):
    """Digest authentication that answers the last challenge in the request itself: Virtuoso
    refuses an unauthenticated PUT and closes the connection before reading its body, so a
    graph sent only to collect the challenge breaks the pipe. `_ask_challenge` collects it
    with a bodiless request first."""

    def __init__(self, passwords: urllib.request.HTTPPasswordMgr) -> None:
        super().__init__(passwords)
        self.challenge: dict[str, str] | None = None

    def retry_http_digest_auth(self, req: urllib.request.Request, auth: str) -> Any:
        _, _, challenge = auth.partition(" ")
        listed = urllib.request.parse_http_list(challenge)
        self.challenge = urllib.request.parse_keqv_list([item for item in listed if item])
        return super().retry_http_digest_auth(req, auth)

    def http_request(self, req: urllib.request.Request) -> urllib.request.Request:
        if self.challenge and not req.has_header(self.auth_header):
            answer = self.get_authorization(req, self.challenge)
            if answer:
                req.add_unredirected_header(self.auth_header, f"Digest {answer}")
        return req

    https_request = http_request


def split_credentials(endpoint: str) -> tuple[str, str | None]:
    """The endpoint without the `user:password@` an URL may carry, and those credentials
    (unquoted), so they reach the server as authentication and never a message."""
    parts = urlsplit(endpoint)
    if parts.username is None:
        return endpoint, None
    host = parts.hostname or ""
    netloc = f"[{host}]" if ":" in host else host
    netloc += f":{parts.port}" if parts.port else ""
    user = unquote(parts.username) + (f":{unquote(parts.password)}" if parts.password else "")
    return urlunsplit(parts._replace(netloc=netloc)), user


def state_file(endpoint: str) -> Path:
    """Where `--skip-unchanged` keeps the hashes of the graphs pushed to `endpoint` (its URL
    without credentials): a file per endpoint under $XDG_CACHE_HOME/policygraph."""
    cache = Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache")
    key = hashlib.sha256(endpoint.encode()).hexdigest()[:16]
    return cache / "policygraph" / f"pushed-{key}.tsv"


def _read_state(path: Path) -> dict[str, str]:
    try:
        if not path.is_file():
            return {}
        lines = path.read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError) as error:
        raise PushError(f"{path}: cannot read what was pushed before ({error})") from error
    rows = (line.split("\t") for line in lines)
    return {row[0]: row[1] for row in rows if len(row) == 2}


def _write_state(path: Path, hashes: dict[str, str]) -> None:
    text = "".join(f"{graph}\t{digest}\n" for graph, digest in sorted(hashes.items()))
    try:
        write_atomic(path, text.encode("utf-8"))
    except OSError as error:
        raise PushError(
            f"{path}: cannot record what was pushed ({error.strerror or error}); "
            "set XDG_CACHE_HOME to a writable folder or push without --skip-unchanged"
        ) from error


def push_graphs(
    graphs: Path, endpoint: str, user: str | None = None, timeout: float = 60.0
) -> list[PushedGraph]:
    """PUT every graph file of `graphs` to the Graph Store Protocol `endpoint`."""
    return list(push_each(graphs, endpoint, user, timeout))


def push_each(
    graphs: Path,
    endpoint: str,
    user: str | None = None,
    timeout: float = 60.0,
    skip_unchanged: bool = False,
) -> Iterator[PushedGraph]:
    """As `push_graphs`, yielding each graph as it is stored, so a caller can report what went
    through before an error or an interruption. With `skip_unchanged`, a graph whose bytes
    were last pushed to this endpoint unchanged (by the hashes kept in `state_file`) is not
    sent again (`skipped`), and each graph sent is recorded there; without it, nothing is
    read or written there."""
    endpoint, from_url = split_credentials(endpoint)
    opener = _opener(endpoint, user or from_url)
    state = state_file(endpoint)
    hashes = _read_state(state) if skip_unchanged else {}
    if skip_unchanged:
        _write_state(state, hashes)  # a cache that cannot be written fails before any PUT
    for path in graph_files(graphs):
        turtle = path.read_bytes()
        triples = _triples(path, turtle)
        name = _name(path, triples)
        digest = hashlib.sha256(turtle).hexdigest()
        if skip_unchanged and hashes.get(name) == digest:
            yield PushedGraph(path, name, len(triples), 0, skipped=True)
            continue
        body = ox.serialize(triples, format=ox.RdfFormat.N_TRIPLES) or b""
        if user or from_url:
            _ask_challenge(opener, endpoint, path, name, timeout)
        status = _put(opener, endpoint, path, name, body, timeout)
        if skip_unchanged:
            hashes[name] = digest
            _write_state(state, hashes)
        yield PushedGraph(path, name, len(triples), status)


def _graph_url(endpoint: str, name: str) -> str:
    return f"{endpoint}{'&' if '?' in endpoint else '?'}graph={quote(name, safe='')}"


def _ask_challenge(
    opener: urllib.request.OpenerDirector, endpoint: str, path: Path, name: str, timeout: float
) -> None:
    """A HEAD of the graph, so a digest challenge (fresh, should the last have gone stale) is
    known before its body is sent; what the server answers past authentication is not read."""
    try:
        _send(opener, urllib.request.Request(_graph_url(endpoint, name), method="HEAD"), timeout)
    except urllib.error.HTTPError as error:
        if error.code == 401:
            raise PushError(f"{endpoint}: {path.name} refused with HTTP 401") from error
    except (urllib.error.URLError, OSError, ValueError) as error:
        raise PushError(f"{endpoint}: cannot reach the graph store ({error})") from error


def _send(
    opener: urllib.request.OpenerDirector, request: urllib.request.Request, timeout: float
) -> int:
    with opener.open(request, timeout=timeout) as response:
        return int(response.status)


def _put(
    opener: urllib.request.OpenerDirector,
    endpoint: str,
    path: Path,
    name: str,
    body: bytes,
    timeout: float,
) -> int:
    request = urllib.request.Request(
        _graph_url(endpoint, name),
        data=body,
        method="PUT",
        headers={"Content-Type": N_TRIPLES},
    )
    try:
        return _send(opener, request, timeout)
    except urllib.error.HTTPError as error:
        detail = error.read().decode("utf-8", "replace").strip().splitlines()[:1]
        raise PushError(
            f"{endpoint}: {path.name} refused with HTTP {error.code} {' '.join(detail)}"
        ) from error
    except (urllib.error.URLError, OSError, ValueError) as error:
        raise PushError(f"{endpoint}: cannot reach the graph store ({error})") from error
