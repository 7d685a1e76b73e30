"""发文字号 (document numbers) as plans print them, garbling included.

A document number is an issuer code (机关代字), a four-digit year in brackets,
a serial and 号: 国办发〔2020〕52号. Scraped plans lose parts of it: the
brackets come half-width or lost, 号 drops, and the serial runs on into the
year (万州府办发〔202297). `find_doc_numbers` finds them in running text with
their offsets; `parse_doc_number` reads one string. Neither ever invents a
digit: where the split is ambiguous, the `DocNumber` carries `problem` and
None for what is unknown.

Pure functions: no I/O, no RDF, no spaCy.
"""

from __future__ import annotations

import re

from policygraph.model import DocNumber
from policygraph.scanning import matches_opening_runs

OPENING_BRACKETS = "〔(（[【［"
"""Brackets that open the year: 〔2020〕 (official), (2020) and （2020） (typed),
[2020] 【2020】 ［2020］ (web pages)."""

CLOSING_BRACKETS = "〕)）]】］"
"""Brackets that close the year, matching `OPENING_BRACKETS` (any pairing is accepted,
since scraped text mixes widths: 国办发(2020）52号)."""

DOC_NUMBER_BODY = re.compile(
    rf"""
    (?P<open>[{re.escape(OPENING_BRACKETS)}])?[ \t\u3000]*
    (?:
        (?P<year>[0-9０-９]{{4}})[ \t\u3000]*(?P<close>[{re.escape(CLOSING_BRACKETS)}])
        [ \t\u3000]*第?(?P<tail>[0-9０-９]*)
      | (?P<head>[0-9０-９]+)
    )
    (?:[ \t\u3000]*(?P<hao>号))?
    """,
    re.VERBOSE,
)
"""What follows the issuer code: the bracketed year, the serial and 号, each part
possibly lost. Either four digits `year`, a closing bracket and the serial `tail`
(〔2020〕52号; 市卫函2023)203号 has lost only its opening bracket), or, when the
closing bracket is lost, one digit run `head` of year and serial together
(〔202028号, 〔202297, 万州委发20217). A bracket after five or more digits is not the
year's: in (万州委发20217) it closes the citation."""

NUMBER_OPENING = re.compile(
    rf"[{re.escape(OPENING_BRACKETS)} \t\u30000-9０-９](?:(?<=[0-9０-９])|[ \t\u3000]*[0-9０-９])"
)
"""Where a DOC_NUMBER_BODY match opens: an opening bracket or spaces, then a digit (an
optional bracket, written to open with a character)."""

CJK_IDEOGRAPH = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]")
"""A Chinese character: issuer codes are written in nothing else (国办发, 豫发改社会)."""

CODE_FINAL_CHARS = "发办函字规通令电秘文政府"
"""How an issuer code usually ends, naming the kind of document: 国办发, 民发, 周政办,
国办函, 冀政办字, 沪府规, 国办通, 国令, 国办发明电, 皖政秘, 闽政文, 豫政 / 周政 (provincial
and city government), 粤府 / 琼府. A code ending otherwise (发改社会, 财社) is only read
when the brackets and 号 mark the number unmistakably."""

PROSE_BEFORE_CODE = re.compile(
    "根据|依据|依照|按照|参照|对照|遵照|遵循|参考|结合|围绕|贯彻|落实|执行|实施"
    "|严格|认真|全面|深入|制定|出台|印发|转发|下发|发布|颁布|详见|参见"
    "|文件|精神|要求|规定|通知|意见|决定|方案|办法|细则|纲要|关于"
    "|人民政府|政府|办公厅|办公室|委员会|国务院|中共中央|党中央"
    "|[的了和与及或等在对为于以将把被从向由即是如按见号年月日第]"
)
"""Prose that can touch a code with no punctuation between (根据国办发〔2020〕52号,
…的意见国办发…, 52号和民发…): cue verbs, the last word of a title, full names of
organs and function words. Codes are abbreviations and contain none of these,
so the code starts after the last one. Left out on purpose because codes use
them: 经 (京经信委发), 规划 (沪规划资源规), 发改 (豫发改社会)."""

RELATIVE_CODE_STARTS = ("市", "区", "县")
"""Issuer codes that name no place (市政办发, 市卫函: "this city's"): many cities
write them, so they only stand for a region known from elsewhere."""

MAX_CODE_LENGTH = 10
"""Longer runs of characters before a year are prose, not a code (the longest real
codes are about six characters: 国卫办老龄函, 豫发改社会)."""

CODE_LOOKBACK = 24
"""How far back from the year to look for the start of the code."""

EXPLICIT_YEARS = range(1900, 2100)
"""Years accepted where brackets or 号 delimit them: 19xx and 20xx."""

RUN_ON_YEARS = range(1949, 2100)
"""Years accepted where the closing bracket and 号 are both lost and the serial runs
on (万州府办发〔202297): the first four digits are read as the year only if plausible."""

MAX_SERIAL_DIGITS = 4
"""Serials run 1 to 9999 within an issuer and year."""

NUMBER_CONTINUES = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff.．%％‰]")
"""What cannot follow a number that has no 号: a character (2025年, 1000个) or a
decimal point or percent sign; these mark a quantity in prose, not a serial."""

_HSPACE = " \t\u3000"

_Split = tuple[int | None, int | None, str | None]
"""Year, serial and problem, as `DocNumber` takes them after raw and issuer code."""


def find_doc_numbers(text: str) -> list[tuple[int, int, DocNumber]]:
    """Every 发文字号 in `text`, in order, as (start, end, DocNumber).

    `text[start:end]` is the number as printed (`DocNumber.raw`), from the first
    character of the issuer code to 号, or to the last digit or bracket where 号
    is lost.
    """
    found: list[tuple[int, int, DocNumber]] = []
    previous_end = 0
    for body in matches_opening_runs(DOC_NUMBER_BODY, text, NUMBER_OPENING):
        code_start = _code_start(text, body.start(), previous_end)
        if code_start is None:
            continue
        code = text[code_start : body.start()].rstrip(_HSPACE)
        split = _read_number(code, body, text)
        if split is None:
            continue
        end = body.end()
        found.append((code_start, end, DocNumber(text[code_start:end], code, *split)))
        previous_end = end
    return found


def parse_doc_number(raw: str) -> DocNumber | None:
    """One printed document number as a DocNumber, or None if `raw` is not one.

    Surrounding whitespace and brackets are allowed ("(国办发〔2020〕52号)");
    anything else around the number (prose, a second number) gives None.
    """
    found = find_doc_numbers(raw)
    if len(found) != 1:
        return None
    start, end, number = found[0]
    if _is_wrapping(raw[:start]) and _is_wrapping(raw[end:]):
        return number
    return None


def _code_start(text: str, body_start: int, floor: int) -> int | None:
    """Where the issuer code before `body_start` begins, or None if there is none."""
    end = body_start
    while end > floor and text[end - 1] in _HSPACE:
        end -= 1
    start = end
    limit = max(floor, end - CODE_LOOKBACK)
    while start > limit and CJK_IDEOGRAPH.match(text, start - 1):
        start -= 1
    run = text[start:end]
    cut = 0
    for prose in PROSE_BEFORE_CODE.finditer(run):
        cut = prose.end()
    code_length = len(run) - cut
    if code_length == 0 or code_length > MAX_CODE_LENGTH:
        return None
    return start + cut


def _read_number(code: str, body: re.Match[str], text: str) -> _Split | None:
    """Split the digits after `code` into year and serial, or None if not a number."""
    bracketed = body["open"] is not None or body["close"] is not None
    has_hao = body["hao"] is not None
    if body["close"] is not None:
        year_digits, serial_digits, run_on = body["year"], body["tail"], False
    else:
        head = body["head"]
        if len(head) < 4:
            return None
        year_digits, serial_digits = head[:4], head[4:]
        run_on = not has_hao
    marked = bool(serial_digits) and (
        (body["open"] is not None and body["close"] is not None) or (has_hao and bracketed)
    )
    if not marked and not code.endswith(tuple(CODE_FINAL_CHARS)):
        return None
    if not has_hao and NUMBER_CONTINUES.match(text, body.end()):
        return None
    if not bracketed and (int(year_digits) not in RUN_ON_YEARS or not (has_hao or serial_digits)):
        return None
    return _split(year_digits, serial_digits, run_on)


def _split(year_digits: str, serial_digits: str, run_on: bool) -> _Split:
    """Year and serial from their digit strings, with a problem where either is unknown."""
    years = RUN_ON_YEARS if run_on else EXPLICIT_YEARS
    valid_serial = 0 < len(serial_digits) <= MAX_SERIAL_DIGITS
    if int(year_digits) not in years:
        if run_on:
            problem = (
                f"the digits {year_digits}{serial_digits} run on after a lost bracket and "
                f"do not start with a plausible year ({years.start}-{years.stop - 1})"
            )
            return None, None, problem
        problem = f"{year_digits} is not a year from {years.start} to {years.stop - 1}"
        return None, int(serial_digits) if valid_serial else None, problem
    year = int(year_digits)
    if not serial_digits:
        return year, None, "no serial number after the year"
    if not valid_serial:
        problem = (
            f"{len(serial_digits)} digits after the year {year} ({serial_digits}): "
            f"a serial has at most {MAX_SERIAL_DIGITS}, so where it ends is unknown"
        )
        return year, None, problem
    return year, int(serial_digits), None


def _is_wrapping(text: str) -> bool:
    """True if `text` is only whitespace and brackets, as around a number cited alone."""
    return all(
        char.isspace() or char in OPENING_BRACKETS + CLOSING_BRACKETS + "《》" for char in text
    )
