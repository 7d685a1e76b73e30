"""policygraph: Chinese government policy plans as a validated, queryable RDF graph.

The public API is imported lazily, so `import policygraph.query` does not load
spaCy or pySHACL.
"""

from __future__ import annotations

from importlib import import_module
from typing import Any

__version__ = "0.1.0"
_API = {
    "build_corpus": "policygraph.build",
    "build_file": "policygraph.build",
    "load_store": "policygraph.store",
    "open_graphs": "policygraph.api",
    "run_query": "policygraph.query",
    "validate_graph": "policygraph.validate",
}
__all__ = ["__version__", *_API]


def __getattr__(name: str) -> Any:
    if name in _API:
        return getattr(import_module(_API[name]), name)
    raise AttributeError(f"module 'policygraph' has no attribute {name!r}")
