"""benchmarks/validate_plan.py --against REF: the earlier commit's code it times is that
commit's own source, exported for the run and gone after it."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest

import validate_plan

ROOT = Path(__file__).resolve().parents[1]


def test_against_times_the_source_of_the_commit_named() -> None:
    first = subprocess.run(
        ["git", "-C", str(ROOT), "rev-list", "--max-parents=0", "HEAD"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout.split()[0]
    shown = subprocess.run(
        ["git", "-C", str(ROOT), "show", f"{first}:src/policygraph/__init__.py"],
        capture_output=True,
        check=True,
    ).stdout
    with validate_plan.checkout(first) as source:
        assert (source / "policygraph" / "__init__.py").read_bytes() == shown
    assert not source.exists()


def test_against_an_unknown_commit_is_a_one_line_error() -> None:
    with (
        pytest.raises(SystemExit, match="--against no-such-ref"),
        validate_plan.checkout("no-such-ref"),
    ):
        pass
