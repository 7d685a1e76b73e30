"""The project's own errors: each carries a message a user can act on.

The CLI turns them into one line and an exit status:

| status | meaning |
|---|---|
| 0 | success (or the plans conform) |
| 1 | validation found violations |
| 2 | the input cannot be used: no such file, unsupported format, empty file |
| 3 | the file is not readable text: binary, unknown or uncertain encoding, PDF without text |
| 4 | the file is over the size limit |
| 5 | the file is damaged or cut short (a truncated download) |
| 6 | the file reads, but is no policy text at all (a news item, an English page) |
"""

from __future__ import annotations

from pathlib import Path

EXIT_OK = 0
EXIT_FINDINGS = 1
EXIT_INPUT = 2
EXIT_UNREADABLE = 3
EXIT_TOO_LARGE = 4
EXIT_DAMAGED = 5
EXIT_NOT_A_PLAN = 6


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


class UnreadableTextError(InputError):
    """Bytes that do not decode to text we can trust: binary, unknown or uncertain encoding."""

    exit_code = EXIT_UNREADABLE


class TooLargeError(InputError):
    """A file over the size limit."""

    exit_code = EXIT_TOO_LARGE


class DamagedFileError(InputError):
    """A file cut short or corrupted: a truncated download, a broken zip or PDF."""

    exit_code = EXIT_DAMAGED


class NotAPlanError(InputError):
    """A readable text that is no policy text at all: not Chinese, or no title, no 发文字号,
    no citation, no target, no task and no enacting formula (a fragment or a draft is built,
    not refused)."""

    exit_code = EXIT_NOT_A_PLAN


class QueryError(PolicygraphError):
    """A SPARQL query that cannot be found, parsed or bound."""
