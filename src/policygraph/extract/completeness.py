"""Whether a text is the whole document or a piece cut from it.

Pages copied from a site or a document-sharing service often start or end in the middle
of a document. Such a text is still built (issue 12: accept every policy text); where it
is cut is recorded so that `validate` can tell the reviewer why parts are missing.

Pure functions: no I/O, no RDF, no spaCy.
"""

from __future__ import annotations

import re

from policygraph.structure import Outline
from policygraph.wrapping import TABLE_ROW

CUT_START = "start"
CUT_END = "end"

CONTINUATION_MARKS = "，。、；：）》」』”"
"""Punctuation that continues a sentence and never opens a document: a text whose first
character is one starts mid-sentence (`，积极争取上级资金…`)."""

OPEN_MARKS = "，、：；（《“「"
"""Punctuation after which a sentence must go on: a text that ends on one was cut
mid-sentence (`…推进养老托育服务设施建设，`)."""

CUT_PARAGRAPH = re.compile(r"^(?=.*[，,]).{39,}[\u4e00-\u9fff]$")
"""A last line of running text (long, with a comma inside) that stops on a character with
no closing mark: a copy cut at a fixed length inside a paragraph, as search excerpts and
page previews cut them (安阳 “一老一小” 整体解决方案: …培育壮大了一; 滁州 民政 十四五 规划:
…累计发放低保金27.7亿元,保障困; tune; 33 tune texts end so). A signature, a date, a
heading or a site's footer link is short or has no comma; a complete paragraph ends on 。,
；, ！ or a closing bracket."""


def text_cuts(text: str, outline: Outline) -> tuple[str, ...]:
    """Where `text` is cut short: `CUT_START` when it starts mid-document, `CUT_END` when
    it ends mid-sentence; empty for a whole document."""
    cuts = []
    body = text.strip()
    if body and (body[0] in CONTINUATION_MARKS or _numbering_starts_late(outline)):
        cuts.append(CUT_START)
    if body and (body[-1] in OPEN_MARKS or _paragraph_cut(body)):
        cuts.append(CUT_END)
    return tuple(cuts)


def _paragraph_cut(body: str) -> bool:
    """The text's last line is running text that stops inside a word (`CUT_PARAGRAPH`); a
    table row (`wrapping.TABLE_ROW`) is a cell, not a paragraph."""
    last = body[body.rfind("\n") + 1 :].strip()  # not a split of the whole text
    return CUT_PARAGRAPH.match(last) is not None and TABLE_ROW.search(last) is None


def _numbering_starts_late(outline: Outline) -> bool:
    """The first chapter heading of the text is not its first (三、 where 一、 and 二、 are
    missing): the page starts after the document's opening chapters."""
    if not outline.sections:
        return False
    top = min(s.heading.level for s in outline.sections)
    first = next(s.heading for s in outline.sections if s.heading.level == top)
    return first.number > 1
