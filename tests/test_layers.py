"""The layering rules of ARCHITECTURE.md §3: text stages stay free of RDF and graph
libraries, and only vocab.py spells the policygraph IRIs."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import policygraph

PACKAGE = Path(policygraph.__file__).parent
RDF_LIBRARIES = ("rdflib", "pyoxigraph", "pyshacl_turbo", "networkx")
TEXT_STAGES = (
    "read",
    "normalize",
    "structure",
    "tables",
    "markers",
    "numerals",
    "document_kinds",
    "units",
    "model",
    "extract",
)


def _text_stage_modules() -> list[str]:
    modules = []
    for stage in TEXT_STAGES:
        package = PACKAGE / stage
        files = sorted(package.glob("*.py")) if package.is_dir() else [PACKAGE / f"{stage}.py"]
        for file in files:
            parts = file.relative_to(PACKAGE).with_suffix("").parts
            parts = parts[:-1] if parts[-1] == "__init__" else parts
            modules.append(".".join(("policygraph", *parts)))
    return modules


def test_text_stages_import_no_rdf_or_graph_library() -> None:
    modules = _text_stage_modules()
    assert "policygraph.extract.targets" in modules and "policygraph.read.pdf" in modules
    code = (
        f"import importlib, sys\n"
        f"for name in {modules!r}: importlib.import_module(name)\n"
        f"print(sorted(set({RDF_LIBRARIES!r}) & set(sys.modules)))"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    )
    assert result.stdout.strip() == "[]"


def test_only_vocab_spells_the_policygraph_namespace() -> None:
    spelling = [
        path.relative_to(PACKAGE).as_posix()
        for path in sorted(PACKAGE.rglob("*.py"))
        if "https://w3id.org/policygraph/" in path.read_text(encoding="utf-8")
    ]
    assert spelling == ["vocab.py"]


def test_only_the_entry_point_imports_the_command_line() -> None:
    """cli.py is a face over the API, like the notebook and the explorer: nothing below it
    imports it (evaluate.py once did, for its own `__main__`)."""
    importers = [
        path.relative_to(PACKAGE).as_posix()
        for path in sorted(PACKAGE.rglob("*.py"))
        if path.name not in ("cli.py", "__main__.py")
        and re.search(
            r"^\s*(from policygraph(\.cli)? import (app|cli|main)|import policygraph\.cli)",
            path.read_text(encoding="utf-8"),
            re.M,
        )
    ]
    assert importers == []


def test_the_explorer_pages_read_through_the_shared_layer() -> None:
    """The web pages call explore.py and api.py; they run no query of their own."""
    for path in (PACKAGE / "web").rglob("*.py"):
        text = path.read_text(encoding="utf-8")
        assert "store.query(" not in text and "select(" not in text, path.name
