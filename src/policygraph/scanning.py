"""Scanning a text for a pattern that a plain scan would try at every character.

A pattern that opens with a look-behind or with optional characters gives the regular
expression engine no first character to skip ahead to, so `finditer` tries it at every
character of a text: a hundred times the cost of a pattern that opens with a character
(issue 16, build CPU). Where its matches can only open a run that a cheap pattern finds
(a line break, a digit), it is tried there only, with the same matches.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from itertools import chain


def matches_opening_runs(
    pattern: re.Pattern[str], text: str, runs: re.Pattern[str]
) -> Iterator[re.Match[str]]:
    """The matches of `pattern` in `text`, as its `finditer` gives them, for a pattern whose
    matches open the text or a run that `runs` finds, and match from a run's first
    character wherever they match from a later one: tried at the text's start and at the
    first character of each run that the previous match left. `runs` itself should open
    with a character (a class), or its own scan is the slow one."""
    end = 0
    spans = chain([(0, 0)], (run.span() for run in runs.finditer(text)))
    for run_start, run_end in spans:
        start = max(run_start, end)
        if start > run_start and start >= run_end:
            continue
        if (match := pattern.match(text, start)) is not None:
            end = match.end()
            yield match
