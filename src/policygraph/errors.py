"""The project's own errors: each carries a message a user can act on.

The CLI turns them into one line and an exit status (see `EXIT_*`).
"""

from __future__ import annotations

from pathlib import Path

EXIT_OK = 0
EXIT_FINDINGS = 1
EXIT_INPUT = 2


class PolicygraphError(Exception):
    """Base class: anything policygraph refuses to do, with the reason."""

    exit_code = EXIT_INPUT


class InputError(PolicygraphError):
    """An input file that cannot be read as a plan: names the file and the problem."""

    def __init__(self, path: str | Path, problem: str) -> None:
        self.path = str(path)
        self.problem = problem
        super().__init__(f"{self.path}: {problem}")

    def __reduce__(self) -> tuple[type[InputError], tuple[str, str]]:
        # rebuilt from its fields when a build worker process sends it back
        return type(self), (self.path, self.problem)


class QueryError(PolicygraphError):
    """A SPARQL query that cannot be found, parsed or bound."""
