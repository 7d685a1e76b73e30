"""Measures: the tasks of a plan, from its outline, with who owns them.

A numbered section is a measure unless it belongs to the background, the
guiding principles or the goals, or is a chapter that only groups measures
(三、重点任务). Within a measure, a later paragraph that opens with a short
title sentence and carries its own responsibility list is a child measure
(`提升居家社区养老服务品质。…（责任单位：…）`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from policygraph.extract.departments import lead_mentions, mentions_in_lists, responsibility_lists
from policygraph.model import DepartmentMention, Measure, QuoteMaker
from policygraph.structure import Outline, Section

NOT_MEASURES = re.compile(
    r"背景|基础|形势|趋势|现状|总体要求|指导思想|基本原则|原则|目标|重要意义|总体思路"
)
"""Section titles of the parts that state context, principles or goals, not tasks."""

GROUPING_TITLES = re.compile(
    r"重点任务|主要任务|保障措施|保障要素|组织保障|组织实施|支持政策|政策措施|主要内容"
)
"""Chapter titles that only group the measures below them."""

PARAGRAPH_TITLE = re.compile(r"^(?P<title>在[^，。]{2,16}方面|[^，。；\n]{4,24})[。，]")
"""A paragraph led by its own short title: `在普惠养老服务方面，…` / `完善居家社区托育服务。…`."""


@dataclass(frozen=True)
class MeasureSpan:
    """A measure with the text it governs (offsets into the normalised text)."""

    measure: Measure
    start: int
    end: int
    own: tuple[DepartmentMention, ...]  # units named in its own paragraph(s)


def find_measures(text: str, outline: Outline, quote: QuoteMaker) -> list[MeasureSpan]:
    """The measures of a plan in text order, nested by `parent`."""
    spans: list[MeasureSpan] = []
    children = {s.parent for s in outline.sections if s.parent}
    for section in outline.sections:
        if not _is_measure(section, outline, children):
            continue
        parent = _measure_parent(section, outline, children)
        spans.extend(_section_measures(text, section, parent, quote))
    return spans


def _is_measure(section: Section, outline: Outline, children: set[str]) -> bool:
    if any(NOT_MEASURES.search(s.heading.title) for s in outline.ancestors(section.key)):
        return False
    grouping = section.heading.level == 1 or GROUPING_TITLES.search(section.heading.title)
    return not (grouping and section.key in children)


def _measure_parent(section: Section, outline: Outline, children: set[str]) -> str | None:
    for ancestor in outline.ancestors(section.key)[1:]:
        if _is_measure(ancestor, outline, children):
            return ancestor.key
    return None


def _section_measures(
    text: str, section: Section, parent: str | None, quote: QuoteMaker
) -> list[MeasureSpan]:
    body = text[section.body_start : section.body_end]
    paragraphs = [(m.start(), m.end()) for m in re.finditer(r"[^\n]+", body)]
    titled = [
        (s, e)
        for index, (s, e) in enumerate(paragraphs)
        if (index > 0 or body[:s].count("\n") > 0)
        and any(True for _ in responsibility_lists(body[s:e]))
        and PARAGRAPH_TITLE.match(body[s:e])
    ]
    if len(titled) == 1 and titled[0] == paragraphs[0]:
        titled = []
    own_text = body
    for s, e in titled:
        own_text = own_text[:s] + " " * (e - s) + own_text[e:]
    base = section.body_start
    governed = text[base : section.end]
    whole = mentions_in_lists(governed, base, quote)
    own = mentions_in_lists(own_text, base, quote)
    measure = Measure(
        key=section.key,
        number=section.heading.marker,
        title=section.heading.title,
        parent=parent,
        quote=quote(section.heading.start, section.heading.title_end),
        responsible=whole,
        lead=lead_mentions(governed, base, quote),
    )
    result = [MeasureSpan(measure, section.start, section.end, own)]
    for index, (s, e) in enumerate(titled, start=1):
        paragraph = body[s:e]
        title = PARAGRAPH_TITLE.match(paragraph)
        assert title is not None
        units = mentions_in_lists(paragraph, base + s, quote)
        child = Measure(
            key=f"{section.key}.p{index}",
            number=None,
            title=title["title"],
            parent=section.key,
            quote=quote(base + s, base + s + title.end("title")),
            responsible=units,
            lead=lead_mentions(paragraph, base + s, quote),
        )
        result.append(MeasureSpan(child, base + s, base + e, units))
    return result
