"""The cue words of Chinese policy writing that the target rules build on, from data/cues.csv.

One table (kind, word, value, note) holds the comparators (不低于 → >=), value verbs
(达到), scope fillers (全市), deadline words (到, 力争), report words (截至, 目前,
已建成), baseline and change words (由/从…提高到, 较), policy-parameter words
(补贴, 标准), background run-in titles (发展基础), table header words (指标, 目标值,
基期, 属性, 单位, 责任单位) and units. The regexes of `extract/` and `tables.py`
are built from it, so a new cue is a data change. Loaded once.
"""

from __future__ import annotations

import csv
import re
from functools import cache

from policygraph.resources import resource_dir

CUES_FILE = "cues.csv"


@cache
def _table() -> tuple[tuple[str, str, str], ...]:
    with (resource_dir("data") / CUES_FILE).open(encoding="utf-8", newline="") as handle:
        return tuple((row["kind"], row["word"], row["value"]) for row in csv.DictReader(handle))


def cue_words(kind: str) -> tuple[str, ...]:
    """The words of one kind, longest first (so 不低于 is tried before 低于)."""
    words = [word for k, word, _ in _table() if k == kind]
    if not words:
        raise KeyError(f"no cue words of kind {kind!r} in data/{CUES_FILE}")
    return tuple(sorted(words, key=len, reverse=True))


def cue_values(kind: str) -> dict[str, str]:
    """Word → value for one kind (comparator → its normal form, header → column kind)."""
    return {word: value for k, word, value in _table() if k == kind}


def cue_pattern(*kinds: str) -> str:
    """A regex alternation of the words of the given kinds, longest first (then in code-point
    order, so the pattern is the same in every process, whatever the hash seed)."""
    words = sorted({w for kind in kinds for w in cue_words(kind)}, key=lambda w: (-len(w), w))
    return "|".join(re.escape(w) for w in words)


def words_with(kind: str, value: str) -> tuple[str, ...]:
    """The words of one kind whose value is `value` (header words of one column kind)."""
    return tuple(w for w in cue_words(kind) if cue_values(kind)[w] == value)
