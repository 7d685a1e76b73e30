"""spaCy imported without what the pipeline never uses (spacy_runtime.py): the pipeline's
process loads neither spaCy's CLI nor pydantic.v1, and both still work when asked for."""

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
                     or m.startswith(("spacy.cli", "pydantic.v1"))))
        """
    )
    assert loaded == "[]"


def test_spacys_command_line_and_pydantic_v1_are_there_when_asked_for() -> None:
    found = _run(
        """
        import policygraph.nlp
        import spacy
        from spacy.cli import setup_cli
        from pydantic.v1 import BaseModel
        print(callable(setup_cli), spacy.info(silent=True)["spacy_version"] == spacy.__version__,
              BaseModel.__module__)
        """
    )
    assert found == "True True pydantic.v1.main"
