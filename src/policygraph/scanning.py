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
from functools import cache
from itertools import chain
from typing import Any

try:  # CPython's own parser of patterns, private: without it every pattern is tried everywhere
    from re import _constants, _parser  # type: ignore[attr-defined]
except ImportError:  # pragma: no cover - a Python whose re has no _parser
    _parser = None


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


def first_match(pattern: re.Pattern[str], text: str) -> re.Match[str] | None:
    """`pattern.search(text)`, tried only where a match can open (see `opening_matches`;
    a loop of its own, as most calls find nothing and a generator costs more than that)."""
    opening = opening_class(pattern)
    if opening is None:
        return pattern.search(text)
    for candidate in opening.finditer(text):
        if (match := pattern.match(text, candidate.start())) is not None:
            return match
    return None


def opening_matches(pattern: re.Pattern[str], text: str) -> Iterator[re.Match[str]]:
    """The matches of `pattern.finditer(text)`, for a pattern that opens with a group, an
    optional word or a look-behind, which `re` tries at every character: tried only
    where a character its matches can open with stands (`opening_class`), and by
    `finditer` where the pattern does not say which characters those are."""
    opening = opening_class(pattern)
    if opening is None:
        yield from pattern.finditer(text)
        return
    end = 0
    for candidate in opening.finditer(text):
        if candidate.start() >= end and (match := pattern.match(text, candidate.start())):
            end = match.end()
            yield match


def split(pattern: re.Pattern[str], text: str) -> list[str]:
    """`pattern.split(text)`; a text where the pattern does not match (`first_match`: most
    lines hold no cell separator) is not scanned a second time to be split."""
    return pattern.split(text) if first_match(pattern, text) else [text]


@cache
def opening_class(pattern: re.Pattern[str]) -> re.Pattern[str] | None:
    """A character class of every character a match of `pattern` can open with, read
    from the parsed pattern; None where a match may be empty or open with a character
    the parse does not list (`.`, `\\w`, a negated class, a case-insensitive pattern)."""
    if _parser is None or pattern.flags & re.IGNORECASE:
        return None
    spans = _opening_spans(list(_parser.parse(pattern.pattern, pattern.flags).data))
    if not spans:
        return None
    ranges = (
        re.escape(chr(low)) + (f"-{re.escape(chr(high))}" if high > low else "")
        for low, high in sorted(spans)
    )
    return re.compile(f"[{''.join(ranges)}]")


def _opening_spans(items: list[tuple[Any, Any]]) -> set[tuple[int, int]] | None:
    """The code point ranges the parsed items open with (None: unknown or empty)."""
    if not items:
        return None
    (op, value), rest = items[0], items[1:]
    if op in (_constants.ASSERT, _constants.ASSERT_NOT, _constants.AT):
        return _opening_spans(rest)  # zero-width: the next item opens the match
    if op is _constants.LITERAL:
        return {(value, value)}
    if op is _constants.IN:
        spans = {(v, v) if o is _constants.LITERAL else v for o, v in value}
        kinds = {o for o, _v in value}
        return spans if kinds <= {_constants.LITERAL, _constants.RANGE} else None
    if op is _constants.BRANCH:
        return _union([_opening_spans(list(branch.data) + rest) for branch in value[1]])
    if op is _constants.SUBPATTERN:
        _group, add_flags, del_flags, sub = value
        return None if add_flags or del_flags else _opening_spans(list(sub.data) + rest)
    if op in (_constants.MAX_REPEAT, _constants.MIN_REPEAT):
        low, _high, sub = value
        if low:
            return _opening_spans(list(sub.data))
        return _union([_opening_spans(list(sub.data) + rest), _opening_spans(rest)])
    return None


def _union(parts: list[set[tuple[int, int]] | None]) -> set[tuple[int, int]] | None:
    found: set[tuple[int, int]] = set()
    for part in parts:
        if part is None:
            return None
        found |= part
    return found
