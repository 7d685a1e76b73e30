"""The records that flow through the pipeline: plain, frozen, free of RDF.

Every extracted record carries a `Quote`: the exact substring of the input
text that states it, with its character offsets and 1-based line number, so
any fact in the graph can be checked against the source.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from enum import StrEnum


@dataclass(frozen=True)
class Quote:
    """An exact span of the source text: `source[start:end] == text`."""

    text: str
    start: int
    end: int
    line: int


QuoteMaker = Callable[[int, int], Quote]
"""Turns a span of the normalised text into the `Quote` of its source text."""


@dataclass(frozen=True)
class Source:
    """A plan as read from a file: its name and its decoded text."""

    name: str
    text: str
    encoding: str = "utf-8"
    metadata: tuple[tuple[str, str], ...] = ()


@dataclass(frozen=True)
class DocNumber:
    """A 发文字号 (issuer code + year + serial), e.g. 国办发〔2020〕52号.

    `normal` is None when the raw form cannot be split without guessing;
    `problem` then says why.
    """

    raw: str
    issuer_code: str
    year: int | None
    serial: int | None
    problem: str | None = None

    @property
    def normal(self) -> str | None:
        if self.year is None or self.serial is None:
            return None
        return f"{self.issuer_code}〔{self.year}〕{self.serial}号"


class CitationRole(StrEnum):
    """Why a plan mentions another document."""

    BASIS = "basis"  # 根据/贯彻落实/按照…要求: the parent policy (pg:implements)
    PRIOR_LOCAL = "prior_local"  # earlier local documents listed as achievements
    OTHER = "other"


@dataclass(frozen=True)
class Citation:
    """A mention of another policy document."""

    title: str | None
    number: DocNumber | None
    role: CitationRole
    quote: Quote


@dataclass(frozen=True)
class DepartmentMention:
    """A government unit named as responsible, exactly as written."""

    name: str
    quote: Quote


@dataclass(frozen=True)
class DomainLead:
    """A plan-wide division of labour: `unit` leads the work of a policy domain
    (区民政局牵头负责一老工作); `domain` is the domain concept's key
    (domain/elderly-care), `quote` the whole statement."""

    domain: str
    unit: DepartmentMention
    quote: Quote


@dataclass(frozen=True)
class Assignment:
    """A duty the plan assigns in prose outside its measures and targets (由国家医保局、
    国家卫生健康委、国家药监局等分工负责): `quote` is the sentence that assigns it."""

    quote: Quote
    responsible: tuple[DepartmentMention, ...]
    lead: tuple[DepartmentMention, ...] = ()


class Bindingness(StrEnum):
    BINDING = "约束性"
    EXPECTED = "预期性"


@dataclass(frozen=True)
class Measure:
    """A task or measure: a numbered heading of the plan and its text."""

    key: str  # stable path within the plan, e.g. "3.2" or "3.2.p1"
    number: str | None  # the marker as printed, e.g. "（一）" or "1."
    title: str
    parent: str | None
    quote: Quote
    responsible: tuple[DepartmentMention, ...] = ()
    lead: tuple[DepartmentMention, ...] = ()


@dataclass(frozen=True)
class Target:
    """One target of one plan: one indicator, one target year (None: per year)."""

    indicator: str  # the wording as the plan writes it
    year: int | None
    quote: Quote
    value: Decimal | None = None
    max_value: Decimal | None = None  # upper bound of a range such as 1—2个
    qualitative: str | None = None
    comparator: str | None = None  # one of = >= > <= <
    unit: str | None = None
    baseline_value: Decimal | None = None
    baseline_year: int | None = None
    binding: Bindingness | None = None
    domain: str | None = None  # the table group (养老服务 / 托育服务)
    region: str | None = None  # allocation tables: the region the row is for
    source: str = "inline"  # "table" or "inline"
    measure: str | None = None  # key of the measure whose text states it
    responsible: tuple[DepartmentMention, ...] = ()
    context: str = ""  # its section heading and sentence, read by `Lexicon.indicator_of`


@dataclass(frozen=True)
class Plan:
    """Everything extracted from one plan text."""

    source_file: str
    title: str | None = None
    title_quote: Quote | None = None
    doc_number: DocNumber | None = None
    doc_number_quote: Quote | None = None
    issued: date | None = None
    issued_quote: Quote | None = None
    issuers: tuple[str, ...] = ()  # joint issuers of a 两办 notice, each by its name
    jurisdiction: str | None = None
    citations: tuple[Citation, ...] = ()
    measures: tuple[Measure, ...] = ()
    targets: tuple[Target, ...] = ()
    domain_leads: tuple[DomainLead, ...] = field(default=())
    assignments: tuple[Assignment, ...] = ()
    cut: tuple[str, ...] = ()  # "start" / "end": where the text is cut short
