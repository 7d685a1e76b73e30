"""spaCy as the pipeline uses it: its runtime (Language, Doc, the "zh" tokenizer), without
the parts of `import spacy` that it never uses.

spaCy's `__init__` imports `spacy.cli.info` for the `spacy.info()` helper, and with it all of
`spacy.cli`: weasel, typer's command tree, requests, httpx, jinja2 and a read of a YAML
file, about 360 modules and 0.1–0.2 s of every process that builds or validates a plan —
none of it used by a pipeline that never runs a spaCy command. And confection (spaCy's
config system, through thinc) imports pydantic's v1 compatibility package, 0.05 s, only to
recognise v1 models among the schemas of registered functions: spaCy 3.8's are pydantic v2
models, and confection does without v1 where it is missing (as on Python 3.14).

So spaCy is imported with an import hook in place while `spacy` itself is being imported
(and only then): it answers for `spacy.cli` and `spacy.cli.info` with a placeholder whose
`info` loads spaCy's real command line when called, and reports `pydantic.v1` missing. The
hook is removed as soon as `spacy` is in, and the placeholders with it, so a later
`import spacy.cli`, `spacy.info()` or `import pydantic.v1` gets the real thing. Should a
spaCy release import anything else from its CLI (or need pydantic.v1), that import fails
and spaCy is imported as it is, whole. (Another thread importing pydantic.v1 during that
import would find it missing too; nothing in policygraph imports it.)

numpy, which spaCy loads, starts OpenBLAS with a thread per core when it is imported
(~0.04 s of CPU). The pipeline does no linear algebra through numpy (spaCy's and thinc's
matrix products go through blis), so unless the user has chosen a number
(OPENBLAS_NUM_THREADS), one thread is asked for before numpy is first imported; child
processes (the build's workers) inherit the setting.
"""

from __future__ import annotations

import importlib
import os
import sys
from collections.abc import Sequence
from importlib.abc import Loader, MetaPathFinder
from importlib.machinery import ModuleSpec
from types import ModuleType
from typing import Any

DEFERRED = ("spacy.cli", "spacy.cli.info")
LEFT_OUT = ("pydantic.v1",)


def info(*args: Any, **kwargs: Any) -> Any:
    """`spacy.info`, importing spaCy's command line when it is first asked for."""
    from spacy.cli.info import info as spacy_info

    return spacy_info(*args, **kwargs)


class _DeferredCli(MetaPathFinder, Loader):
    """Answers for `spacy.cli` (an empty package) and `spacy.cli.info` (`info` above), and
    reports the modules LEFT_OUT missing."""

    def find_spec(
        self, fullname: str, path: Sequence[str] | None, target: ModuleType | None = None
    ) -> ModuleSpec | None:
        if fullname in LEFT_OUT:
            raise ModuleNotFoundError(f"{fullname} is left out of spaCy's import", name=fullname)
        if fullname not in DEFERRED:
            return None
        return ModuleSpec(fullname, self, is_package=fullname == "spacy.cli")

    def create_module(self, spec: ModuleSpec) -> ModuleType | None:
        return None

    def exec_module(self, module: ModuleType) -> None:
        if module.__name__ == "spacy.cli.info":
            module.info = info  # type: ignore[attr-defined]


def import_spacy() -> ModuleType:
    """The `spacy` package, imported without its command line unless it is already in."""
    if "spacy" in sys.modules:
        return sys.modules["spacy"]
    if "numpy" not in sys.modules:
        os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")
    hook = _DeferredCli()
    sys.meta_path.insert(0, hook)
    try:
        spacy = importlib.import_module("spacy")
    except ImportError:  # a spaCy that needs what was left out: import it whole
        spacy = None
    finally:
        sys.meta_path.remove(hook)
        _forget_placeholders()
    return spacy if spacy is not None else importlib.import_module("spacy")


def _forget_placeholders() -> None:
    """Drop the placeholders so that the next import of `spacy.cli` finds spaCy's own."""
    for name in DEFERRED:
        if _is_placeholder(sys.modules.get(name)):
            del sys.modules[name]
    package = sys.modules.get("spacy")
    if _is_placeholder(getattr(package, "cli", None)):
        delattr(package, "cli")


def _is_placeholder(module: object) -> bool:
    return isinstance(getattr(getattr(module, "__spec__", None), "loader", None), _DeferredCli)


spacy = import_spacy()
Language = spacy.language.Language
Doc = spacy.tokens.Doc
Vocab = spacy.vocab.Vocab
