"""Deterministic, readable IRIs for everything the build mints, under `pgr:`.

The same input always gives the same IRIs (no uuids, no blank nodes), so
graphs are byte-for-byte reproducible and link across builds.
"""

from __future__ import annotations

import hashlib
import re
from functools import lru_cache

from rdflib import URIRef

from policygraph.vocab import PGR

NOT_IN_IRI = re.compile(r"[\s<>\"{}|\\^`]+")
"""Characters an IRI may not hold; Chinese names otherwise stay readable."""


@lru_cache(maxsize=4096)
def segment(text: str) -> str:
    """One readable IRI path segment from a name."""
    return NOT_IN_IRI.sub("-", text.strip()).replace("/", "-") or "_"


def digest(text: str) -> str:
    """A short stable hash, for keys too long or too free-form to read."""
    return hashlib.sha1(text.encode("utf-8")).hexdigest()[:12]


def mint(*segments: str) -> URIRef:
    """`pgr:` + the segments joined by `/`."""
    return URIRef(mint_iri(*segments))


def mint_iri(*segments: str) -> str:
    """The IRI `mint` makes, as a string (for a term of another library: pyoxigraph's)."""
    return str(PGR) + "/".join(segment(s) for s in segments)


def local_iri(local: str) -> URIRef:
    """A `pgr:` IRI from a key that is already a path (`indicator/nursing-bed-share`)."""
    return URIRef(str(PGR) + local)
