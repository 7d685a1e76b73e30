"""Citations of other policy documents, typed by why the plan cites them.

Forms handled: 《title》（number）, 《title》 alone, a number alone, and a title
with its issuer spelled out in front and no 《》 (国务院办公厅关于…的意见（国办发…）),
several in one sentence. A document is cited as the plan's basis when the
plan's purpose clause names it (为贯彻落实《…》…, 根据《…》精神，结合实际，制定本方案);
earlier documents listed as achievements (先后出台…) are prior local documents;
anything else (a task that tells readers to 落实《…》要求) is a plain mention.
Each document is cited once: mentions of the same number or title are merged.
"""

from __future__ import annotations

import re
from collections.abc import Collection
from dataclasses import dataclass, replace
from functools import cache

from policygraph.copy_damage import unprinted_removed
from policygraph.cues import cue_pattern
from policygraph.document_kinds import DOCUMENT_KINDS, PLAN_KINDS
from policygraph.extract.docnumber import find_doc_numbers
from policygraph.model import Citation, CitationRole, DocNumber, QuoteMaker
from policygraph.normalize import PINYIN_AFTER_CHARACTER

TITLE_IN_BRACKETS = re.compile(r"《(?P<title>[^《》\n]{4,80})》")
"""A title in 《》: 《国务院办公厅关于促进养老托育服务健康发展的意见》."""

NUMBER_AFTER = re.compile(r"^\s*[（(]?\s*$")
"""What may stand between a title and its number: 《…》（国办发…）, 《…》 国办发…."""

BASIS_CUES = re.compile(r"根据|依据|依照|按照|遵照|遵循|贯彻落实|贯彻|落实|执行")
"""Words that introduce the documents a sentence rests on: 根据《…》, 为贯彻落实《…》,
按照《…》要求, 依据《…》. Whether they are the plan's basis depends on the sentence
(`PURPOSE_CLAUSE`)."""

ACHIEVEMENT_CUES = re.compile(
    r"先后出台|相继出台|制定出台|出台了?|先后印发|相继印发|印发了|颁布了?"
)
"""Earlier local documents listed as achievements: 先后出台《…》（…）、《…》等配套文件."""

PURPOSE_CLAUSE = re.compile(
    r"^\s*为|(?:制定|制订|编制|起草|出台|印发)了?(?:本|此)|特制定|结合.{0,12}实际|精神"
)
"""The sentence that states why the plan exists, which names its parent policies:
为贯彻落实《…》… (a sentence opening with 为), …制定本方案, 特制定…, 结合我市实际,
…精神. A 落实《…》要求 inside a task is no purpose clause."""

FUTURE_CUES = re.compile(r"(?:研究)?(?:制定|制订|编制|起草|修订)$")
"""《…规划》 after 制定/编制 with no number is a document still to be written
(制定《X专项规划》、《Y发展规划》: every title of the list)."""

TITLE_LIST_BEFORE = re.compile(r"《[^《》\n]*》\s*(?:[（(][^（）()\n]*[）)])?\s*[、和及与]\s*$")
"""The title before this one in a list (《A》、《B》; 《A》（号）和《B》)."""

KIND_PATTERN = "|".join(DOCUMENT_KINDS)

PLAIN_TITLE_BEFORE_NUMBER = re.compile(
    r"(?P<title>[\u4e00-\u9fff0-9０-９“”\s]{6,80}?"
    rf"(?:{KIND_PATTERN}))\s*$"
)
"""A title without 《》 right before its number: …关于促进养老托育服务健康发展的意见（国办发…）,
西安市推进3岁以下婴幼儿照护服务工作实施方案（市政办发…）."""

LEAD_IN_OF_PLAIN_TITLE = re.compile(r"为|贯彻落实|贯彻|落实|根据|依据|按照|、|严格")
"""Cue words and separators that run on into a plain title from the left
(为贯彻落实国务院办公厅关于…): the title starts after the last of them."""

IMPLEMENTING_VERBS = re.compile(
    r"推动实施|贯彻实施|组织实施|严格执行|认真执行|贯彻落实|严格落实|认真落实|全面落实"
)
"""Verbs that put a named document to work; after them plans may name it with its
issuer in front and neither 《》 nor number: 推动实施西咸新区家庭病床服务管理试点工作
实施方案和西咸新区家庭病床服务规范（试行）."""


VALIDITY_NOTICE = re.compile(
    r"经[^。\n]{0,120}?清理[，,、]?\s*(?:本文件|该文件)?(?:继续有效|现行有效|予以保留|继续保留|继续执行)"
)
"""A database's note on a document's validity (经《…关于公布规范性文件清理结果的决定》
（X政发〔2024〕2号）清理，继续有效): the document it names is the clean-up decision, neither a
parent policy nor the plan's own number."""

TITLE_LIST_SEPARATOR = re.compile(r"和|及|、")

NATIONAL_ISSUERS = ("中共中央", "国务院办公厅", "国务院", "国家")
"""Issuers a title may open with besides a region's name (国务院办公厅关于…)."""

CARRYING = cue_pattern("carrying")
"""The verbs of a cover notice that issues a document (data/cues.csv, kind carrying):
印发, 转发."""

CARRIED_IN_TITLE = re.compile(rf"(?:{CARRYING})《(?P<title>[^《》]+)》")
"""The document a cover notice's title names as the one it issues: 关于印发《X》的通知."""

SELF_REFERENCE = re.compile(
    rf"^本?(?:实施|行动|工作|指导|分工|专项|发展|整体解决)?(?:{'|'.join(PLAN_KINDS)})$"
)
"""How a plan abbreviates itself: 《方案》, 《实施意见》, 《分工方案》, 《本方案》, 《行动计划》."""

CARRIED = re.compile(
    rf"[^。《\n]{{0,60}}?。?(?:现?(?:{CARRYING})给?你们|现印发实施|现予(?:{CARRYING}))"
)
"""What follows the document a cover notice carries, up to the sentence's end:
现将《X》印发给你们, 《X》已经区政府同意，现印发给你们, 我委组织制定了《X》（可从…下载）。现印发
给你们, 制定了《X》，现印发实施. Rules a meeting passed, and the documents of ministries and
companies, are issued with 现予印发: 《阿拉山口市人民政府工作规则》已经…第二次常务会议通过,现予
印发 (阿市政发〔2016〕83号, alsk.gov.cn), 《博兴县数字设施渔业产业园担保服务方案》已于2024年3月
22日经公司评审会审批通过，并于即日起施行，现予印发 (a parsed PDF notice of the 山东 agricultural
credit guarantee company in a GitHub repository). The notice is that document's cover, not a
citation of it."""

UNPRINTED = re.compile(r"[\s“”\"‘’'「」]")
BRACKET_FORMS = tuple(zip("（）〔〕［］【】", "()()()()", strict=True))
"""The brackets of a title in one form, each replaced in turn (`str.translate` looks every
character up: a tenth of the time of the whole-text keys metadata.py makes)."""


@dataclass(frozen=True)
class _Mention:
    start: int
    citation: Citation


def title_key(title: str) -> str:
    """A title reduced to what survives printing: no spaces or quotation marks, one
    bracket form (中共中央 国务院关于… and 中共中央国务院关于… are one title)."""
    key = UNPRINTED.sub("", title)
    for bracket, plain in BRACKET_FORMS:
        key = key.replace(bracket, plain)
    return key


def find_citations(
    text: str,
    quote: QuoteMaker,
    own_title: str | None,
    own_number: str | None,
    preamble_end: int,
    regions: Collection[str] = (),
) -> list[Citation]:
    """Every document a normalised plan text cites, once each, in order of first mention.

    The plan itself (its title `own_title` or number `own_number`) is no citation.
    A basis cue before `preamble_end` (the first numbered heading) also makes a basis.
    `regions` are the region names a title without 《》 or number may open with.
    """
    own = title_key(own_title) if own_title else None
    carried = _carried_by_title(own_title)
    notices = [m.span() for m in VALIDITY_NOTICE.finditer(text)]
    numbers = [n for n in find_doc_numbers(text) if not _inside(n[0], notices)]
    titles = [m for m in TITLE_IN_BRACKETS.finditer(text) if not _inside(m.start(), notices)]
    used: set[int] = set()
    mentions: list[_Mention] = []
    for match in titles:
        title_text = match["title"].strip()
        if SELF_REFERENCE.match(title_text) or title_key(title_text) in (own, carried):
            continue
        number, end = _number_after(numbers, match.end(), text)
        if number is not None:
            used.add(id(number))
        if _carried(text, end):
            continue
        else:
            list_start = _list_start(text, match.start())
            if FUTURE_CUES.search(text[max(0, list_start - 6) : list_start]):
                continue
        title = _printed(quote, match.start("title"), match.end("title"))
        role = _role(text, match.start(), preamble_end, own_title)
        mentions.append(
            _Mention(match.start(), Citation(title, number, role, quote(match.start(), end)))
        )
    spans = [m.span() for m in titles]
    for start, end, number in numbers:
        if id(number) in used or any(s <= start < e for s, e in spans):
            continue
        cite_start, plain = _plain_title(text, start, quote)
        role = _role(text, cite_start, preamble_end, own_title)
        mentions.append(_Mention(cite_start, Citation(plain, number, role, quote(cite_start, end))))
    for start, end in _named_titles(text, regions):
        title = _printed(quote, start, end)
        inside = _inside(start, spans) or _inside(start, notices)
        if not inside and title_key(title) != own:
            role = _role(text, start, preamble_end, own_title)
            mentions.append(_Mention(start, Citation(title, None, role, quote(start, end))))
    mentions.sort(key=lambda m: m.start)
    return _merge_mentions([m.citation for m in mentions if not _is_own(m.citation, own_number)])


def _carried_by_title(own_title: str | None) -> str | None:
    """The key of the document the plan's own title carries, when that title is its cover
    notice (…关于印发《X》的通知, …转发《X》的通知): X is the plan, not a citation of it
    (關于印發《“十四五”積極應對人口老齡化工程和托育建設實施方案》的通知, a tune copy whose gold
    cites the 方案 nowhere; the test draft 绩溪县…关于印发《…（征求意见稿）》的通知)."""
    carried = CARRIED_IN_TITLE.search(own_title or "")
    return title_key(carried["title"]) if carried else None


def _carried(text: str, title_end: int) -> bool:
    """Whether the title ending at `title_end` names the document a cover notice carries."""
    return bool(CARRIED.match(text, title_end))


def _inside(offset: int, spans: list[tuple[int, int]]) -> bool:
    return any(start <= offset < end for start, end in spans)


def _is_own(citation: Citation, own_number: str | None) -> bool:
    return (
        own_number is not None
        and citation.number is not None
        and (citation.number.normal == own_number)
    )


def _number_after(
    numbers: list[tuple[int, int, DocNumber]], title_end: int, text: str
) -> tuple[DocNumber | None, int]:
    for start, end, number in numbers:
        if start >= title_end and NUMBER_AFTER.match(text[title_end:start]):
            close = end + 1 if text[end : end + 1] in ("）", ")") else end  # not "" at the end
            return number, close
    return None, title_end


def _list_start(text: str, start: int) -> int:
    """Where the list of titles that ends with the title at `start` begins."""
    while match := TITLE_LIST_BEFORE.search(text, 0, start):
        start = match.start()
    return start


def _plain_title(text: str, number_start: int, quote: QuoteMaker) -> tuple[int, str | None]:
    """Start and printed title of a citation whose number stands at `number_start`."""
    window_start = max(0, number_start - 80)
    before = PLAIN_TITLE_BEFORE_NUMBER.search(text[window_start:number_start].rstrip("（("))
    if before is None:
        return number_start, None
    title_end = window_start + before.end("title")
    title_start = window_start + before.start("title")
    for cue in LEAD_IN_OF_PLAIN_TITLE.finditer(text, title_start, title_end):
        title_start = cue.end()
    while title_start < title_end and text[title_start].isspace():
        title_start += 1
    if title_end - title_start < 6:
        return number_start, None
    return title_start, _printed(quote, title_start, title_end)


NAMED_TITLE_BODY = re.compile(
    rf"[\u4e00-\u9fff“”0-9]{{2,40}}?(?:{KIND_PATTERN})(?:（试行）|（暂行）)?"
    r"(?=[，。；、）]|和|及|等|$)"
)
"""What follows the issuer of a title named without 《》: 2–40 characters and a kind word."""


@cache
def _issuer_names(regions: frozenset[str]) -> tuple[frozenset[str], tuple[int, ...]]:
    """The names an issuer may be given by (regions and national bodies), and their lengths,
    longest first: looked up by prefix, not as one alternation of thousands of names (whose
    compilation alone took a third of a second per process)."""
    names = frozenset({*regions, *NATIONAL_ISSUERS})
    return names, tuple(sorted({len(n) for n in names}, reverse=True))


def _named_title_at(
    text: str, position: int, names: frozenset[str], lengths: tuple[int, ...]
) -> int | None:
    """The end of a title named at `position` with its issuer in front, the longest issuer
    name (of `names`, whose `lengths` are given longest first) that gives one (as a regex
    alternation longest first would)."""
    for length in lengths:
        if text[position : position + length] in names:
            body = NAMED_TITLE_BODY.match(text, position + length)
            if body is not None:
                return body.end()
    return None


def _named_titles(text: str, regions: Collection[str]) -> list[tuple[int, int]]:
    """Spans of titles named after an implementing verb with their issuer in front."""
    if not regions:
        return []
    names, lengths = _issuer_names(
        regions if isinstance(regions, frozenset) else frozenset(regions)
    )
    spans: list[tuple[int, int]] = []
    for verb in IMPLEMENTING_VERBS.finditer(text):
        position = verb.end()
        while (end := _named_title_at(text, position, names, lengths)) is not None:
            spans.append((position, end))
            separator = TITLE_LIST_SEPARATOR.match(text, end)
            if separator is None:
                break
            position = separator.end()
    return spans


def _printed(quote: QuoteMaker, start: int, end: int) -> str:
    """A title as the source prints it (spaces and characters kept), without line breaks
    and without the pinyin a copy site put after its characters (《自貢市“十三五”養(yǎng)老
    服務(wù)發(fā)展規(guī)劃》 in 自贡's 一老一小 plan, 《關(guān)于印發(fā)…》 in the tune
    copy of the 老龄化工程和托育建设 notice → 養老服務發展規劃)."""
    printed = PINYIN_AFTER_CHARACTER.sub("", unprinted_removed(quote(start, end).text))
    return re.sub(r"\s*\n\s*", "", printed).strip()


def _role(text: str, start: int, preamble_end: int, own_title: str | None) -> CitationRole:
    sentence_start = max(text.rfind("。", 0, start), text.rfind("\n", 0, start)) + 1
    ends = [i for i in (text.find("。", start), text.find("\n", start)) if i >= 0]
    sentence = text[sentence_start : min(ends, default=len(text))]
    lead_in = TITLE_IN_BRACKETS.sub(_blank, text[sentence_start:start])
    cues = [(m.end(), CitationRole.PRIOR_LOCAL) for m in ACHIEVEMENT_CUES.finditer(lead_in)]
    cues += [(m.end(), CitationRole.BASIS) for m in BASIS_CUES.finditer(lead_in)]
    if not cues:
        return CitationRole.OTHER
    _, nearest = max(cues, key=lambda cue: cue[0])
    if nearest is CitationRole.PRIOR_LOCAL:
        return nearest
    names_plan = bool(own_title) and title_key(own_title or "") in title_key(sentence)
    if PURPOSE_CLAUSE.search(sentence) or names_plan or start < preamble_end:
        return CitationRole.BASIS
    return CitationRole.OTHER


def _blank(title: re.Match[str]) -> str:
    """A title's words are no cues (《关于贯彻落实…的通知》 does not say 贯彻落实)."""
    return "《" + "_" * len(title["title"]) + "》"


def _merge_mentions(citations: list[Citation]) -> list[Citation]:
    """One citation per document: the first mention's title and quote, BASIS if any
    mention is the basis (a document cited twice, 周政办〔2021〕19号, is one document)."""
    merged: dict[str, Citation] = {}
    by_title: dict[str, str] = {}
    for citation in citations:
        number = citation.number.normal if citation.number else None
        key = (
            number
            or by_title.get(title_key(citation.title or ""))
            or ("title:" + title_key(citation.title or citation.quote.text))
        )
        if citation.title:
            by_title.setdefault(title_key(citation.title), key)
        first = merged.get(key)
        if first is None:
            merged[key] = citation
        elif citation.role is CitationRole.BASIS and first.role is not CitationRole.BASIS:
            merged[key] = replace(first, role=CitationRole.BASIS)
    return list(merged.values())
