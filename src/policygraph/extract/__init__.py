"""Extraction: from a normalised, outlined plan text to a `Plan` record.

Each function here is pure: text and outline in, records out. `nlp.py` wraps
them as spaCy components; `plan_from_parts` gathers what they found.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Callable, Iterable
from dataclasses import replace
from typing import Generic, TypeVar

from policygraph.cues import cue_pattern
from policygraph.extract.background import TREND_WORDS
from policygraph.extract.clauses import (
    GOAL_WORD,
    ITEM_START,
    goal_lead_year,
    last_deadline,
    list_lead_year,
    programme_year,
    written_after,
)
from policygraph.extract.departments import mentions_in_lists, responsibility_lists
from policygraph.extract.measures import MeasureSpan, is_background_title
from policygraph.extract.metadata import Metadata
from policygraph.extract.numbers import PAST_FIVE_YEAR_PLANS
from policygraph.extract.progress import progress_cells
from policygraph.extract.statements import promised_years, text_targets
from policygraph.extract.targets import table_targets
from policygraph.lexicon import Lexicon, label_key
from policygraph.markers import ITEM_MARKER
from policygraph.model import (
    Assignment,
    Citation,
    DepartmentMention,
    DomainLead,
    Plan,
    Quote,
    QuoteMaker,
    Target,
)
from policygraph.structure import Outline, Section

Item = TypeVar("Item")
MIN_CLOSING_LISTS = 2
"""A paragraph with this many lists gives each target the list after it, not all."""

ACHIEVEMENT_ITEM = re.compile(
    rf"^\s*(?:{ITEM_MARKER})?[\u4e00-\u9fff]{{2,8}}"
    rf"(?:{TREND_WORDS}|快速|有序)[\u4e00-\u9fff]{{1,4}}。"
)
"""An item whose title states a result of its subject (1.政策体系逐步完善。,
2.服务体系初见成效。, 4.服务需求持续增长。) reports achievements or trends even where
the chapter heading above it was lost; task titles are imperative (扩大…供给。)."""


REPORT_HEADING = re.compile(
    rf"{cue_pattern('review')}|取得(?:的|了)?新?(?:成就|成效|进展|发展)"
    rf"|“?(?:{PAST_FIVE_YEAR_PLANS})”?[^，。]{{0,6}}(?:成就|成效|进展|成绩)"
    rf"|^(?:{cue_pattern('background_title')})$"
)
"""Headings of a report on the past the background titles of measures.py do not name:
“十三五”时期取得的成就, “十三五”发展回顾, 取得的成效, 基本情况, “十三五”取得的主要成绩
(宿州 “十四五”老龄事业发展规划, 宿卫〔2022〕50号: 成绩 is one more word for what a past plan
period achieved) — no targets under them.
A document titled so is a review page (回眸“十三五”：…养老服务体系取得新发展, 综述：…,
…交出暖心答卷): its running text reports, it sets no targets."""


def _goals_section(outline: Outline, section: Section | None) -> Section | None:
    """The goals section a paragraph stands in (发展目标, 主要目标, 工作目标: its title holds
    clauses.GOAL_WORD), itself or one above it: a deadline one of its paragraphs sets holds
    for the paragraphs after it that state none (到2025年，…体系更加完善。 then 养老机构护理型
    床位占比达到55%…). The goals of a part are often sections of their own under it —
    万州 一老一小 方案: （四）整体目标 over 1.养老服务更加优质便利。… and
    2.托育服务体系基本建成。…; a city's 一老一小 plan on
    zhihaiinnovate.com: its goals over (一)“一老”方面 and (二)“一小”方面 — and a deadline
    set in the part holds for the goals after it that state none (not for the sections under
    a part of goals and tasks, GOALS_AND_TASKS)."""
    if section is None:
        return None
    return next(
        (
            s
            for s in outline.ancestors(section.key)
            if GOAL_WORD.search(s.heading.title)
            and (s is section or not GOALS_AND_TASKS.search(s.heading.title))
        ),
        None,
    )


GOALS_AND_TASKS = re.compile(r"任务|措施|举措")
"""A part of goals and tasks (二、目标任务, 发展目标和重点任务): the sections under it are tasks,
whose own years decide; only the paragraphs right under its heading take its deadline."""


def find_targets(
    text: str,
    outline: Outline,
    measures: list[MeasureSpan],
    lexicon: Lexicon,
    quote: QuoteMaker,
    issued: int | None = None,
    title: Quote | None = None,
) -> list[Target]:
    """All targets of a plan, tables first, each (indicator, year, region) once; `issued`
    is the year the document was issued, when known (running text before it reports;
    where unknown, the year after a five-year plan the text says was fulfilled stands for
    it, `clauses.written_after`);
    `title` where the document's title stands (a headline's target yields to the body's
    restatement of it, see `_headline_last`). Two years date what a text leaves undated:
    that of its opening line when it is a document for one year (`_annual_year`, which
    also scopes the clauses while they are read) and that of the annual programme its
    opening names (`clauses.programme_year`); the cells of progress columns
    (`progress_cells`) are skipped."""
    found: list[Target] = []
    paragraphs = sorted(outline.paragraphs)
    issued = issued or written_after(text)
    promised = promised_years(text[s:e] for s, e in paragraphs) if issued is None else frozenset()
    programme = programme_year(text)
    annual = _annual_year(_opening_line(text))
    progress = progress_cells(text)
    if programme is not None and issued is None:
        promised |= {programme}
    for table in outline.tables:
        found.extend(replace(t, context=t.domain or "") for t in table_targets(table, quote))
    sections = Around(outline.sections, lambda s: (s.start, s.end), lambda s: -s.heading.level)
    around = Around(measures, lambda m: (m.start, m.end), lambda m: m.end - m.start)
    measures = sorted(measures, key=lambda m: m.start)
    starts = [m.start for m in measures]
    lead_year: int | None = None  # the deadline of a list of numbered items
    goal_year: tuple[str, int] | None = None  # the last deadline of a goals section
    goal_lead: tuple[str | None, int] | None = None  # a lead's deadline, in its section
    reporting = {  # background and report sections, read once and not per paragraph
        s.key
        for s in outline.by_key.values()
        if is_background_title(s.heading.title) or REPORT_HEADING.search(s.heading.title)
    }
    for start, end in paragraphs:
        paragraph = text[start:end]
        section = sections.at(start)
        goals = _goals_section(outline, section)
        here = section.key if section else None
        led = goal_lead is not None and goal_lead[0] == here
        in_goals = goals is not None or led
        item_year = (lead_year if ITEM_START.match(paragraph) else None) or annual
        if goals and goal_year and goal_year[0] == goals.key:
            item_year = item_year or goal_year[1]
        if goal_lead and led:
            item_year = item_year or goal_lead[1]
        if (lead := goal_lead_year(paragraph)) is not None:
            goal_lead = (here, lead)
        lead_year = list_lead_year(paragraph) or item_year
        if goals and (deadline := last_deadline(paragraph)):
            goal_year = (goals.key, deadline)
        if section and any(s.key in reporting for s in outline.ancestors(section.key)):
            continue
        if ACHIEVEMENT_ITEM.match(paragraph) and not in_goals:
            continue  # in a goals section 供给质量明显改善。 states a goal
        if any(s <= start < e for s, e in progress):
            continue  # a cell of a progress column reports what was done
        paragraph_measure = around.at(start)
        stated_targets = text_targets(
            _masked(paragraph, start, progress),
            start,
            quote,
            item_year,
            issued,
            promised,
            programme,
        )
        if not stated_targets:
            continue  # most paragraphs: their owners are not read (issue 16, build CPU)
        own_units = mentions_in_lists(paragraph, start, quote, lexicon)
        closing = _closing_lists(paragraph, start, quote, lexicon)
        rows = _rows_within(starts, measures, start, end, quote)
        for target in stated_targets:
            measure = next(
                (m for s, e, m in rows if s <= target.quote.start < e), paragraph_measure
            )
            units = next((u for at, u in closing if at >= target.quote.end), own_units)
            units = units or (measure.own or measure.measure.responsible if measure else ())
            found.append(
                replace(
                    target,
                    measure=measure.measure.key if measure else None,
                    responsible=units,
                    context=_context(section, paragraph, target.quote.start - start),
                )
            )
    merged = _merge_restatements(_headline_last(found, title), lexicon)
    return dated_for(dated_for(merged, annual), programme)


def _masked(paragraph: str, start: int, cells: list[tuple[int, int]]) -> str:
    """`paragraph` (at `start`) with the progress cells in it blanked, offsets kept: a
    table one row a line puts a row's task and progress cells in one paragraph."""
    for s, e in cells:
        if start < e and s < start + len(paragraph):
            a, b = max(s, start) - start, min(e, start + len(paragraph)) - start
            paragraph = paragraph[:a] + " " * (b - a) + paragraph[b:]
    return paragraph


def _headline_last(targets: list[Target], title: Quote | None) -> list[Target]:
    """A news headline shortens the target its body states (武汉计划到2025年每个街道至少建成
    一所普惠性托育机构 / 每个街道（乡、镇）至少建成1所普惠性托育服务机构; 提出中国人均预期
    寿命将达80岁以上 / 展望2035年，人均预期寿命达到80岁以上): put the title's statements
    after the others, so that the body's wording is the one a restatement keeps."""
    if title is None:
        return targets
    return sorted(targets, key=lambda t: title.start <= t.quote.start < title.end)


def _rows_within(
    starts: list[int], measures: list[MeasureSpan], start: int, end: int, quote: QuoteMaker
) -> list[tuple[int, int, MeasureSpan]]:
    """The measures that open inside a paragraph, with their source spans: the rows of a
    task table whose cells run together on one line (常州 钟楼区 民生实事分解表), each of
    which owns the targets its task states."""
    found = measures[bisect_right(starts, start) : bisect_left(starts, end)]
    return [(quote(m.start, m.end).start, quote(m.start, m.end).end, m) for m in found]


def _opening_line(text: str) -> str:
    """The first line of a text: the heading a document opens with, which dates an annual
    task table (2024年《政府工作报告》重点工作目标任务分解表, 2021年重大民生实事项目…分解表.docx)
    even where the metadata reader takes it for no title."""
    return next((line.strip() for line in text.split("\n") if line.strip()), "")


def _closing_lists(
    paragraph: str, base: int, quote: QuoteMaker, lexicon: Lexicon
) -> list[tuple[int, tuple[DepartmentMention, ...]]]:
    """Where a paragraph holds several lists (items run together on one line, as in a
    copy of the 国办 2020 放管服 分工方案), each list with the source offset it starts
    at: a target takes the list that closes its item, the first one after it."""
    found = list(responsibility_lists(paragraph))
    if len(found) < MIN_CLOSING_LISTS:
        return []
    return [
        (
            quote(base + span.start, base + span.end).start,
            mentions_in_lists(paragraph[span.start : span.end], base + span.start, quote, lexicon),
        )
        for span in found
    ]


class Around(Generic[Item]):
    """The innermost of some spans around each offset, for offsets asked in increasing
    order: one sweep over the spans, so a plan with thousands of measures is not
    rescanned for each of its thousands of paragraphs."""

    def __init__(
        self,
        items: Iterable[Item],
        span: Callable[[Item], tuple[int, int]],
        rank: Callable[[Item], int],
    ) -> None:
        self.pending = sorted(items, key=lambda item: span(item)[0])
        self.span, self.rank = span, rank
        self.next = 0
        self.open: list[Item] = []

    def at(self, offset: int) -> Item | None:
        """The item of least rank whose span holds `offset` (start <= offset < end)."""
        while self.next < len(self.pending) and self.span(self.pending[self.next])[0] <= offset:
            self.open.append(self.pending[self.next])
            self.next += 1
        self.open = [item for item in self.open if self.span(item)[1] > offset]
        return min(self.open, key=self.rank, default=None)


SENTENCE_MARK = re.compile(r"[。；;！？]")
"""What ends the sentence a target is read in."""


def _context(section: Section | None, paragraph: str, at: int) -> str:
    """The words a target at `at` of a paragraph is read in (`Lexicon.indicator_of`): the
    heading of its section and its sentence — 培训率达到100% names its subject in the
    clauses before it (加强养老托育从业人员岗前培训…，培训率达到100%)."""
    opens = [m.end() for m in SENTENCE_MARK.finditer(paragraph, 0, at)]
    closes = SENTENCE_MARK.search(paragraph, at)
    sentence = paragraph[opens[-1] if opens else 0 : closes.end() if closes else len(paragraph)]
    return f"{section.heading.title} {sentence}" if section else sentence


def _merge_restatements(targets: list[Target], lexicon: Lexicon) -> list[Target]:
    """A target restated in the table and the text, or twice in the text, is one
    target: the table's (or the first) statement wins; it takes its owners from a
    restatement when it names none itself. The owners of an indicator hold for all
    its years (到2023年…4000个, 到2025年…7200个 with the 2025 one restated in a task).
    An undated statement of a dated target's value (a news headline) is that target."""
    kept: dict[tuple[str, int | None, str | None], Target] = {}
    owners: dict[tuple[str, str | None], Target] = {}
    for target in targets:
        concept = _restated_concept(target, kept, lexicon)
        key = (concept, target.year, target.region)
        if key not in kept:
            kept[key] = target
        elif not kept[key].responsible and target.responsible:
            kept[key] = replace(kept[key], responsible=target.responsible, measure=target.measure)
        if target.responsible:
            owners.setdefault((concept, target.region), target)
    dated = {(c, region, t.value, t.unit) for (c, y, region), t in kept.items() if y is not None}
    merged = []
    for (concept, year, region), target in kept.items():
        if (
            year is None
            and target.value is not None
            and ((concept, region, target.value, target.unit) in dated)
        ):
            continue  # a headline restating a dated target without its year
        owner = owners.get((concept, region))
        if not target.responsible and owner is not None:
            target = replace(target, responsible=owner.responsible)
        merged.append(target)
    return merged


def _restated_concept(
    target: Target, kept: dict[tuple[str, int | None, str | None], Target], lexicon: Lexicon
) -> str:
    """The concept key of a target; a wording no concept knows that restates a kept
    target — same year, region, value and unit, one wording inside the other (全区托育
    机构覆盖率 / 托育机构覆盖率) — takes the kept target's key."""
    concept = lexicon.indicator_of(target)
    if concept.reviewed or target.value is None:
        return concept.key
    wording = label_key(target.indicator)
    for (key, year, region), other in kept.items():
        same = (year, region, other.value, other.unit) == (
            target.year,
            target.region,
            target.value,
            target.unit,
        )
        other_wording = label_key(other.indicator)
        if same and (wording in other_wording or other_wording in wording):
            return key
    return concept.key


ANNUAL_TITLE = re.compile(r"^[^\d]*(?P<year>20\d{2})年(?:度)?[^\d]*$")
"""The title of a document for one year (2021年重大民生实事项目…, 2024年政府工作报告…
分解表): one year, no range (（2021—2025年）)."""

PER_YEAR_WORDING = re.compile(r"每年|年均")


def _annual_year(title: str | None) -> int | None:
    """The year of a document for one year (ANNUAL_TITLE), None for any other."""
    annual = ANNUAL_TITLE.match(title or "")
    return int(annual["year"]) if annual else None


def dated_by_title(targets: list[Target], title: str | None) -> list[Target]:
    """The targets without a year of a document for one year are for that year; a
    per-year target (每年新增…) keeps none."""
    return dated_for(targets, _annual_year(title))


def dated_for(targets: list[Target], year: int | None) -> list[Target]:
    """The targets without a year dated `year` (that of the document or of the programme
    it is about), but for per-year ones (每年新增…)."""
    if year is None:
        return targets
    return [
        replace(t, year=year) if t.year is None and not PER_YEAR_WORDING.search(t.indicator) else t
        for t in targets
    ]


def _unless_review(targets: list[Target], title: str | None) -> list[Target]:
    """The targets of a document, less those of its running text when its title is that
    of a review page (REPORT_HEADING)."""
    if title is None or REPORT_HEADING.search(title) is None:
        return targets
    return [t for t in targets if t.source != "inline"]


def plan_from_parts(
    source_file: str,
    metadata: Metadata,
    jurisdiction: str | None,
    citations: list[Citation],
    measures: list[MeasureSpan],
    targets: list[Target],
    domain_leads: tuple[DomainLead, ...] = (),
    assignments: tuple[Assignment, ...] = (),
) -> Plan:
    """The `Plan` record of one plan text."""
    return Plan(
        source_file=source_file,
        title=metadata.title,
        title_quote=metadata.title_quote,
        doc_number=metadata.doc_number,
        doc_number_quote=metadata.doc_number_quote,
        issued=metadata.issued,
        issued_quote=metadata.issued_quote,
        issuers=metadata.issuers,
        jurisdiction=jurisdiction,
        cut=metadata.cut,
        citations=tuple(citations),
        measures=tuple(m.measure for m in measures),
        targets=tuple(dated_by_title(_unless_review(targets, metadata.title), metadata.title)),
        domain_leads=domain_leads,
        assignments=assignments,
    )
