"""Automatic numbering in a Word 97–2003 (.doc) file, read into `word_numbering`'s model.

A numbered paragraph names a list instance (sprmPIlfo, 1-based, an LFO of the PlfLfo)
and a level (sprmPIlvl). The instance names a list (its lsid, an LSTF of the PlfLst)
whose levels (LVL: start, number format, label text with placeholders 0–8 for the
counters of levels 1–9) follow the PlfLst in the table stream, and may override a
level's start or the whole level ([MS-DOC] 2.9.147 PlfLst, 2.9.150 LVL, 2.9.151 LVLF,
2.9.149 PlfLfo, 2.9.134 LFOLVL). Labels are then counted by
`word_numbering.count_labels`, as for a .docx.
"""

from __future__ import annotations

from dataclasses import replace

from policygraph.read.word_numbering import LEVELS, Level, ListInstance

NUMBER_FORMATS = {
    0x00: "decimal",
    0x01: "upperRoman",
    0x02: "lowerRoman",
    0x03: "upperLetter",
    0x04: "lowerLetter",
    0x0A: "ideographDigital",
    0x0B: "japaneseCounting",
    0x0E: "decimalFullWidth",
    0x11: "japaneseDigitalTenThousand",
    0x12: "decimalEnclosedCircle",
    0x13: "decimalFullWidth2",
    0x16: "decimalZero",
    0x17: "bullet",
    0x1A: "decimalEnclosedFullstop",
    0x1B: "decimalEnclosedParen",
    0x1C: "decimalEnclosedCircleChinese",
    0x1E: "ideographTraditional",
    0x1F: "ideographZodiac",
    0x21: "taiwaneseCounting",
    0x22: "ideographLegalTraditional",
    0x23: "taiwaneseCountingThousand",
    0x24: "taiwaneseDigital",
    0x25: "chineseCounting",
    0x26: "chineseLegalSimplified",
    0x27: "chineseCountingThousand",
    0xFF: "none",
}
"""MSONFC codes ([MS-OSHARED] 2.2.1.3) by the ST_NumberFormat name `format_number` reads;
a code not listed prints in decimal, as Word falls back to."""
FOLLOWERS = {0: "tab", 1: "space", 2: "nothing"}
MAX_INSTANCES = 0x07FE
"""The highest list instance a paragraph can name ([MS-DOC] 2.6.2 sprmPIlfo); those past it
are not read, so a junk count cannot make the reader build millions of them."""
LSTF_SIZE = 28
LVLF_SIZE = 28
LFO_SIZE = 16
SIMPLE_LIST = 0x01
LEGAL = 0x04
NO_RESTART = 0x08
START_AT = 0x10
FORMATTING = 0x20


def list_instances(
    table: bytes, lists: tuple[int, int], instances: tuple[int, int]
) -> dict[int, ListInstance]:
    """The list instances of a document by their 1-based index (what sprmPIlfo names),
    from the (fc, lcb) of its PlfLst and PlfLfo in the table stream."""
    definitions = _lists(table, *lists)
    fc, lcb = instances
    if not lcb or not definitions:
        return {}
    count = _int(table, fc, 4)
    data = fc + 4 + LFO_SIZE * count
    found: dict[int, ListInstance] = {}
    for index in range(min(count, MAX_INSTANCES)):
        lfo = fc + 4 + LFO_SIZE * index
        lsid, overridden = _int(table, lfo, 4), table[lfo + 12]
        levels = dict(definitions.get(lsid, {}))
        restarts = set()
        data += 4  # the LFOData's cp
        for _ in range(overridden):
            start, bits = _int(table, data, 4, signed=True), _int(table, data + 4, 4)
            data += 8
            ilvl = bits & 0x0F
            if bits & FORMATTING:  # the whole level, replaced
                levels[ilvl], data = _level(table, data)
                restarts.add(ilvl)
            if bits & START_AT:
                levels[ilvl] = replace(levels.get(ilvl, Level()), start=start)
                restarts.add(ilvl)
        if lsid in definitions:
            found[index + 1] = ListInstance(str(lsid), levels, frozenset(restarts))
    return found


def _lists(table: bytes, fc: int, lcb: int) -> dict[int, dict[int, Level]]:
    """The levels of each list by its lsid: nine, or one for a simple list, in the order
    of the LSTFs, right after them."""
    if not lcb:
        return {}
    count = _int(table, fc, 2, signed=True)
    at = fc + 2 + LSTF_SIZE * count
    lists: dict[int, dict[int, Level]] = {}
    for index in range(count):
        lstf = fc + 2 + LSTF_SIZE * index
        levels: dict[int, Level] = {}
        for ilvl in range(1 if table[lstf + 26] & SIMPLE_LIST else LEVELS):
            levels[ilvl], at = _level(table, at)
        lists[_int(table, lstf, 4)] = levels
    return lists


def _level(table: bytes, at: int) -> tuple[Level, int]:
    """The LVL at `at` and where the next one starts: its LVLF, then its paragraph and
    run properties (skipped), then the label text."""
    flags = table[at + 5]
    properties = table[at + 24] + table[at + 25]
    text_at = at + LVLF_SIZE + properties
    length = _int(table, text_at, 2)
    text = table[text_at + 2 : text_at + 2 + 2 * length].decode("utf-16-le", errors="replace")
    level = Level(
        text="".join(f"%{ord(c) + 1}" if ord(c) < LEVELS else c for c in text),
        fmt=NUMBER_FORMATS.get(table[at + 4], "decimal"),
        start=_int(table, at, 4, signed=True),
        restart_after=table[at + 26] if flags & NO_RESTART else None,
        legal=bool(flags & LEGAL),
        suffix=FOLLOWERS.get(table[at + 15], "tab"),
    )
    return level, text_at + 2 + 2 * length


def _int(data: bytes, at: int, size: int, signed: bool = False) -> int:
    if at + size > len(data):
        raise IndexError(f"a list structure at byte {at} runs past the table stream")
    return int.from_bytes(data[at : at + size], "little", signed=signed)
