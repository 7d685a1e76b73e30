"""spaCy imported without its command line (spacy_runtime.py): the pipeline's process does
not load spaCy's CLI, and spaCy's CLI still works when something asks for it."""

from __future__ import annotations

import subprocess
import sys
import textwrap


def _run(code: str) -> str:
    done = subprocess.run(
        [sys.executable, "-c", textwrap.dedent(code)],
        capture_output=True,
        text=True,
        check=True,
        timeout=120,
    )
    return done.stdout.strip()


def test_the_pipeline_does_not_load_spacys_command_line() -> None:
    loaded = _run(
        """
        import sys
        from policygraph.nlp import make_nlp
        make_nlp()
        print(sorted(m for m in sys.modules if m.split(".")[0] in ("weasel", "requests", "httpx")
                     or m.startswith("spacy.cli")))
        """
    )
    assert loaded == "[]"


def test_spacys_command_line_is_there_when_asked_for() -> None:
    found = _run(
        """
        import policygraph.nlp
        import spacy
        from spacy.cli import setup_cli
        print(callable(setup_cli), spacy.info(silent=True)["spacy_version"] == spacy.__version__)
        """
    )
    assert found == "True True"
