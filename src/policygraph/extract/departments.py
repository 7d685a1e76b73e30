"""Who is responsible: the unit lists and lead statements of Chinese plans.

Patterns handled:
- a trailing list in brackets: （责任单位：A、B、C） / （A、B，各镇乡街道按职责分工负责）;
- a lead statement: A牵头负责… / 由A牵头… .
Lists split on 、 ， and , but never inside nested brackets, so
各县〔市、区〕政府〔管委会〕 stays one unit.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from policygraph.model import DepartmentMention, QuoteMaker

LIST_OPENERS = re.compile(r"^(责任单位|牵头单位|责任部门|配合单位)[：:]?")
"""Labels that open an explicit responsibility list: （责任单位：…）."""

LIST_CLOSERS = re.compile(r"(按职责分工负责|按照职责分工负责|分工负责|负责落实|负责)$")
"""Endings that turn a bracketed list into a responsibility list: （A、B按职责分工负责）."""

UNIT_TAILS = re.compile(r"(等相关部门|等有关部门|等部门|等单位|相关部门)$")
"""Vague tails dropped from the last unit of a list: …区卫生健康委等相关部门."""

LEAD_STATEMENT = re.compile(r"(?:由)?(?P<unit>[\u4e00-\u9fff〔〕（）]{2,24}?)牵头(?:负责)?")
"""A牵头负责… / 由A牵头…: A leads."""

SEPARATORS = "、，,"
OPEN, CLOSE = "（〔［【(", "）〕］】)"


def responsibility_lists(text: str) -> Iterator[tuple[int, int, str]]:
    """Bracketed responsibility lists in `text`: (start, end, inner text) of each."""
    depth, start = 0, -1
    for index, char in enumerate(text):
        if char == "（":
            if depth == 0:
                start = index
            depth += 1
        elif char == "）" and depth:
            depth -= 1
            if depth == 0:
                inner = text[start + 1 : index]
                if LIST_OPENERS.match(inner) or LIST_CLOSERS.search(inner):
                    yield start, index + 1, inner


def split_units(inner: str) -> list[tuple[int, int, str]]:
    """The unit names of a list's inner text with their offsets, brackets kept intact."""
    body_start = LIST_OPENERS.match(inner)
    offset = body_start.end() if body_start else 0
    closer = LIST_CLOSERS.search(inner)
    end = closer.start() if closer else len(inner)
    units: list[tuple[int, int, str]] = []
    depth, part_start = 0, offset
    for index in range(offset, end + 1):
        char = inner[index] if index < end else "、"
        if char in OPEN:
            depth += 1
        elif char in CLOSE:
            depth = max(0, depth - 1)
        elif char in SEPARATORS and depth == 0:
            name = UNIT_TAILS.sub("", inner[part_start:index].strip())
            if len(name) >= 2:
                units.append((part_start, part_start + len(name), name))
            part_start = index + 1
    return units


def mentions_in_lists(text: str, base: int, quote: QuoteMaker) -> tuple[DepartmentMention, ...]:
    """Every unit named in the responsibility lists of `text` (offsets from `base`)."""
    mentions: list[DepartmentMention] = []
    for start, _end, inner in responsibility_lists(text):
        for s, e, name in split_units(inner):
            mentions.append(
                DepartmentMention(name, quote(base + start + 1 + s, base + start + 1 + e))
            )
    return tuple(_unique(mentions))


def lead_mentions(text: str, base: int, quote: QuoteMaker) -> tuple[DepartmentMention, ...]:
    """Units that a 牵头 statement makes the lead."""
    mentions = []
    for match in LEAD_STATEMENT.finditer(text):
        name = re.split(r"[，。；、]", match.group("unit"))[-1]
        if len(name) >= 2:
            s = match.end("unit") - len(name)
            mentions.append(DepartmentMention(name, quote(base + s, base + match.end("unit"))))
    return tuple(_unique(mentions))


def _unique(mentions: list[DepartmentMention]) -> list[DepartmentMention]:
    seen: set[str] = set()
    unique = []
    for mention in mentions:
        if mention.name not in seen:
            seen.add(mention.name)
            unique.append(mention)
    return unique
