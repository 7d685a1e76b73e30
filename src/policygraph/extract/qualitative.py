"""Targets stated in words, not numbers: universal coverage by a year.

Plans promise 全覆盖 (实现城乡社区养老服务设施全覆盖), 全部实现集中供养, or that every
unit of a level has a facility (所有乡镇（街道）建有老年学校). These are targets
(`pg:qualitativeValue`) only where a year governs their sentence; vague goals such as
基本建成…体系 are not.
"""

from __future__ import annotations

import re

from policygraph.cues import cue_pattern, words_with
from policygraph.model import Quote, QuoteMaker, Target

QUALITATIVE_GOAL = re.compile(
    rf"(?:实现)?(?P<name>[^，；。：]{{2,60}}?)"
    rf"(?P<word>{cue_pattern('state_goal')}|全部实现[\u4e00-\u9fff]{{2,6}})$"
)
"""Qualitative targets of a promised state (实现城乡社区养老服务设施全覆盖, 有意愿入住的
特困人员全部实现集中供养, 城乡“零就业家庭”动态清零; the state words are rows of
data/cues.csv, kind state_goal) — only where a year governs their sentence."""

QUALITATIVE_FILLER = re.compile(
    rf"^(?:[，、\s]|{'|'.join(words_with('scope', 'whole'))}|确保|基本|争取|力争)+"
)
"""Scope and modal words before the wording of a coverage goal (全市基本实现…全覆盖)."""

UNIVERSAL_FACILITY = re.compile(
    r"^(?:全市|全区|全县)?所有(?P<name>[^，；。：]{2,12}?建有[^，；。：]{2,12})$"
)
"""所有乡镇（街道）建有老年学校: every unit of a level has the facility, by a year."""

ACTION_NOT_STATE = re.compile(r"推动|推进|促进|向")
"""推动实现…全覆盖, 由全覆盖向高质量转变: an effort or a transition, not a promised state."""


def worded_targets(clause: str, offset: int, year: int | None, quote: QuoteMaker) -> list[Target]:
    """The qualitative target of one clause (starting at `offset`), if it states one."""
    if year is None:
        return []
    text = clause.rstrip("，；。：")
    goal = QUALITATIVE_GOAL.search(text)
    if goal is not None and not ACTION_NOT_STATE.search(goal["name"]):
        name = QUALITATIVE_FILLER.sub("", _covered(goal["name"]))
        if name:
            start = goal.start("name") + goal["name"].find(name)
            span = quote(offset + start, offset + goal.end())
            return [_worded(name, goal["word"], year, span)]
    universal = UNIVERSAL_FACILITY.match(text.lstrip("，、 "))
    if universal is not None:
        at = text.find("所有")
        span = quote(offset + at, offset + len(text))
        return [_worded(universal["name"], span.text, year, span)]
    return []


def _covered(name: str) -> str:
    """What a coverage goal covers: named after 实现 (实现城乡社区养老服务设施全覆盖) or, as
    the subject, before it (社区养老服务设施实现全覆盖)."""
    before, _, after = name.rpartition("实现")
    return after or before


def _worded(name: str, wording: str, year: int, span: Quote) -> Target:
    return Target(indicator=name, year=year, quote=span, qualitative=wording, source="inline")
