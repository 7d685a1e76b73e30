"""Document-wide conventions on who owns the tasks, stated once for the whole text.

- Who leads a list that names no lead: 列第一位者为牵头单位，下同 (the first unit), or
  无牵头单位的，责任单位即为牵头单位 (every unit of the list);
- units that own every later task without being printed again:
  以下各项工作均需各区、市政府负责落实，不再一一列出 / 具体任务均涉及…，不再做分工，下同.

The phrasings, and the header words of task tables, are data
(data/responsibility_conventions.csv), read once.
"""

from __future__ import annotations

import csv
import re
from dataclasses import dataclass
from functools import cache
from typing import Literal

from policygraph.extract.departments import split_roles
from policygraph.lexicon import Lexicon
from policygraph.model import DepartmentMention, QuoteMaker
from policygraph.resources import resource_dir
from policygraph.scanning import first_match, opening_matches

LeadConvention = Literal["first", "all"] | None


@dataclass(frozen=True)
class Blanket:
    """Units a document assigns to every task from `start` on, printed once."""

    start: int
    units: tuple[DepartmentMention, ...]


@cache
def _patterns() -> dict[str, tuple[re.Pattern[str], ...]]:
    path = resource_dir("data") / "responsibility_conventions.csv"
    table: dict[str, list[re.Pattern[str]]] = {}
    with path.open(encoding="utf-8", newline="") as stream:
        for row in csv.DictReader(stream):
            table.setdefault(row["kind"], []).append(re.compile(row["pattern"]))
    return {kind: tuple(patterns) for kind, patterns in table.items()}


def pattern_kind(kind: str, text: str) -> bool:
    """Whether the whole of `text` is written as a pattern of `kind` says (the header
    cells of task tables: serial_column, task_column, unit_column, other_column)."""
    return any(p.fullmatch(text) for p in _patterns().get(kind, ()))


def patterns_of(kinds: tuple[str, ...]) -> str:
    """The patterns of `kinds` as one alternation."""
    return "|".join(f"(?:{p.pattern})" for kind in kinds for p in _patterns().get(kind, ()))


def pattern_at(kind: str, text: str) -> int | None:
    """Where in `text` a pattern of `kind` first matches, or None."""
    found = [m.start() for p in _patterns().get(kind, ()) if (m := first_match(p, text))]
    return min(found) if found else None


def lead_convention(text: str) -> LeadConvention:
    """How the document reads a list that names no lead, if it says."""
    patterns = _patterns()
    if any(first_match(p, text) for p in patterns.get("first_lead", ())):
        return "first"
    if any(first_match(p, text) for p in patterns.get("all_lead", ())):
        return "all"
    return None


def blankets(text: str, quote: QuoteMaker, lexicon: Lexicon) -> list[Blanket]:
    """The units the document assigns once to every later task (named units only:
    相关市（州）人民政府 is a kind of body, 各区、市政府 is one collective unit)."""
    found = []
    for pattern in _patterns().get("blanket", ()):
        for match in opening_matches(pattern, text):
            at = match.start("units")
            units = tuple(
                DepartmentMention(name, quote(at + s, at + e))
                for s, e, name, _ in split_roles(match["units"], lexicon)
            )
            if units:
                found.append(Blanket(match.start(), units))
    return sorted(found, key=lambda b: b.start)
