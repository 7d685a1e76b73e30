"""spaCy imported without what the pipeline never uses (spacy_runtime.py): the pipeline's
process loads neither spaCy's CLI nor pydantic.v1, and both still work when asked for;
numpy's BLAS starts one thread, not one per core, unless the user set a number."""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest


def _run(code: str, **env: str) -> str:
    environment = {k: v for k, v in os.environ.items() if k != "OPENBLAS_NUM_THREADS"}
    done = subprocess.run(
        [sys.executable, "-c", textwrap.dedent(code)],
        capture_output=True,
        text=True,
        check=True,
        timeout=120,
        env={**environment, **env},
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


THREADS = """
import os
import policygraph.nlp
print(os.environ["OPENBLAS_NUM_THREADS"], len(os.listdir("/proc/self/task")))
"""


@pytest.mark.skipif(not Path("/proc/self/task").is_dir(), reason="threads counted in /proc")
def test_numpy_starts_no_blas_threads_unless_the_user_asks() -> None:
    assert _run(THREADS) == "1 1"
    assert _run(THREADS, OPENBLAS_NUM_THREADS="2").split()[0] == "2"
