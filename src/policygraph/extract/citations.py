"""Citations of other policy documents, typed by why the plan cites them.

Forms handled: 《title》（number）, 《title》 alone, a number alone, and a title
with its issuer spelled out in front and no 《》 (国务院办公厅关于…的意见（国办发…）).
A document cited as the plan's basis (根据…, 为贯彻落实…, 按照…要求, 依据…, …精神)
is its parent policy; earlier documents listed as achievements (先后出台…) are
prior local documents; anything else is a plain mention.
"""

from __future__ import annotations

import re

from policygraph.extract.docnumber import find_doc_numbers
from policygraph.model import Citation, CitationRole, DocNumber, QuoteMaker

TITLE_IN_BRACKETS = re.compile(r"《(?P<title>[^《》\n]{4,80})》")
NUMBER_AFTER = re.compile(r"^\s*[（(]?\s*$")

BASIS_CUES = re.compile(r"根据|依据|贯彻落实|贯彻|按照|遵照|落实")
"""Words that make the documents after them the plan's basis: 根据《…》精神 …"""

ACHIEVEMENT_CUES = re.compile(r"先后出台|制定出台|出台|印发了|颁布|相继")
"""Earlier local documents listed as achievements: 先后出台《…》（…）等."""

FUTURE_CUES = re.compile(r"(?:研究)?(?:制定|编制|起草|修订)$")
"""《…规划》 after 制定/编制 with no number is a document still to be written."""

PLAIN_TITLE_BEFORE_NUMBER = re.compile(
    r"(?P<title>[\u4e00-\u9fff“”\s]{6,80}?(?:意见|方案|通知|决定|规划|办法|计划|措施|细则))\s*$"
)
"""A title without 《》 right before its number: …关于促进养老托育服务健康发展的意见（国办发…）."""

SELF_REFERENCES = frozenset({"方案", "实施方案", "规划", "意见", "本方案"})


def find_citations(
    text: str, quote: QuoteMaker, own_title: str | None, preamble_end: int
) -> list[Citation]:
    """Every citation in a normalised plan text, in text order, without the plan itself.

    `preamble_end` is where the plan's first numbered heading starts: basis cues
    count before it (the preamble states the basis).
    """
    numbers = find_doc_numbers(text)
    used: set[int] = set()
    citations: list[tuple[int, Citation]] = []
    for match in TITLE_IN_BRACKETS.finditer(text):
        title = match["title"].strip()
        if title in SELF_REFERENCES or (own_title and _same_title(title, own_title)):
            continue
        number, end = _number_after(numbers, match.end(), text)
        if number is not None:
            used.add(id(number))
        elif FUTURE_CUES.search(text[max(0, match.start() - 6) : match.start()]):
            continue
        role = _role(text, match.start(), preamble_end)
        citations.append((match.start(), Citation(title, number, role, quote(match.start(), end))))
    for start, end, number in numbers:
        if id(number) in used or any(s <= start < e for s, e in _title_spans(text)):
            continue
        window_start = max(0, start - 80)
        before = PLAIN_TITLE_BEFORE_NUMBER.search(text[window_start:start].rstrip("（("))
        title = _strip_cue(before["title"]) if before else None
        cite_start = window_start + before.end("title") - len(title) if before and title else start
        role = _role(text, cite_start, preamble_end)
        citations.append((cite_start, Citation(title, number, role, quote(cite_start, end))))
    return [c for _, c in sorted(citations, key=lambda pair: pair[0])]


def _number_after(
    numbers: list[tuple[int, int, DocNumber]], title_end: int, text: str
) -> tuple[DocNumber | None, int]:
    for start, end, number in numbers:
        if start >= title_end and NUMBER_AFTER.match(text[title_end:start]):
            close = end + 1 if text[end : end + 1] in "）)" else end
            return number, close
    return None, title_end


def _title_spans(text: str) -> list[tuple[int, int]]:
    return [m.span() for m in TITLE_IN_BRACKETS.finditer(text)]


def _strip_cue(title: str) -> str:
    parts = re.split(r"为|贯彻落实|贯彻|落实|根据|依据|按照|、|严格", title)
    return parts[-1].strip()


def _role(text: str, start: int, preamble_end: int) -> CitationRole:
    sentence_start = max(text.rfind("。", 0, start), text.rfind("\n", 0, start)) + 1
    lead_in = text[sentence_start:start]
    if ACHIEVEMENT_CUES.search(lead_in):
        return CitationRole.PRIOR_LOCAL
    if BASIS_CUES.search(lead_in) and start < preamble_end:
        return CitationRole.BASIS
    return CitationRole.OTHER


def _same_title(a: str, b: str) -> bool:
    strip = re.compile(r"[“”\"\s]")
    return strip.sub("", a) == strip.sub("", b)
