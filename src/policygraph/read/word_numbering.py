"""Word's automatic numbering, drawn as Word draws it: the label (一、 （一） 1. ①) that a
list paragraph shows but does not store in its runs.

A paragraph is numbered by `w:numPr` (a list instance `numId` and a level `ilvl`), set
on the paragraph or inherited from its paragraph style. The instance (`w:num`) points at
a definition (`w:abstractNum`) whose levels give the label text (`%1、`, `（%1）`,
`%1.%2`), the number format and the start value; the instance may override a level's
start (`w:lvlOverride/w:startOverride`, Word's "restart at 1") or the whole level.
Instances of one definition count on together, as Word counts them; numbering a level
restarts the levels below it (or only those whose `w:lvlRestart` allows it).
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass, replace
from typing import TypeVar

from docx.oxml.ns import qn
from lxml.etree import _Element

CHINESE_DIGITS = "〇一二三四五六七八九"
LEGAL_DIGITS = "零壹贰叁肆伍陆柒捌玖"
LEGAL_TRADITIONAL_DIGITS = "零壹貳參肆伍陸柒捌玖"
CHINESE_SCALES = ("", "十", "百", "千")
LEGAL_SCALES = ("", "拾", "佰", "仟")
HEAVENLY_STEMS = "甲乙丙丁戊己庚辛壬癸"
EARTHLY_BRANCHES = "子丑寅卯辰巳午未申酉戌亥"
FULL_WIDTH_DIGITS = str.maketrans("0123456789", "０１２３４５６７８９")
ROMAN = ((1000, "m"), (900, "cm"), (500, "d"), (400, "cd"), (100, "c"), (90, "xc"), (50, "l"),
         (40, "xl"), (10, "x"), (9, "ix"), (5, "v"), (4, "iv"), (1, "i"))  # fmt: skip
CIRCLED = "".join(chr(c) for c in range(ord("①"), ord("⑳") + 1))
PARENTHESIZED = "".join(chr(c) for c in range(ord("⑴"), ord("⒇") + 1))
FULL_STOPPED = "".join(chr(c) for c in range(ord("⒈"), ord("⒛") + 1))
LEVELS = 9
Key = TypeVar("Key")
LABEL_SUFFIXES = {"space": " ", "nothing": ""}
MC = "{http://schemas.openxmlformats.org/markup-compatibility/2006}"
"""Markup compatibility: `mc:AlternateContent` holds a newer form (`mc:Choice`) and the
form older readers use (`mc:Fallback`)."""


@dataclass(frozen=True)
class Level:
    """One level of a list definition (`w:lvl`)."""

    text: str = "%1."  # w:lvlText: %1 … %9 stand for the counters of levels 1 … 9
    fmt: str = "decimal"  # w:numFmt
    start: int = 1  # w:start
    restart_after: int | None = None  # w:lvlRestart: restart only after levels above this
    legal: bool = False  # w:isLgl: every counter of the label in decimal
    suffix: str = "tab"  # w:suff: tab, space or nothing between label and text
    style: str | None = None  # w:pStyle: the paragraph style numbered at this level


@dataclass(frozen=True)
class ListInstance:
    """A `w:num`: the definition it counts in, its levels with overrides applied, and the
    levels whose start it overrides (counted afresh the first time the instance is used)."""

    definition: str
    levels: dict[int, Level]
    restarts: frozenset[int]


def format_number(number: int, fmt: str) -> str:
    """`number` as Word prints it in the number format `fmt` (ST_NumberFormat): 11 in
    chineseCounting is 十一, in decimalEnclosedCircle ⑪; a format not drawn here is
    printed in decimal, as Word falls back to."""
    if fmt in ("none", "bullet"):
        return ""
    if fmt in ("chineseCounting", "chineseCountingThousand", "japaneseCounting",
               "taiwaneseCounting", "taiwaneseCountingThousand"):  # fmt: skip
        return chinese_counting(number, CHINESE_DIGITS, CHINESE_SCALES)
    if fmt == "chineseLegalSimplified":
        return chinese_counting(number, LEGAL_DIGITS, LEGAL_SCALES, legal=True)
    if fmt == "ideographLegalTraditional":
        return chinese_counting(number, LEGAL_TRADITIONAL_DIGITS, LEGAL_SCALES, legal=True)
    if fmt in ("ideographDigital", "taiwaneseDigital", "japaneseDigitalTenThousand"):
        return "".join(CHINESE_DIGITS[int(d)] for d in str(number))
    cycles = {"ideographTraditional": HEAVENLY_STEMS, "ideographZodiac": EARTHLY_BRANCHES}
    if fmt in cycles and 1 <= number <= len(cycles[fmt]):
        return cycles[fmt][number - 1]
    enclosed = {
        "decimalEnclosedCircle": CIRCLED,
        "decimalEnclosedCircleChinese": CIRCLED,
        "decimalEnclosedParen": PARENTHESIZED,
        "decimalEnclosedFullstop": FULL_STOPPED,
    }
    if fmt in enclosed and 1 <= number <= len(enclosed[fmt]):
        return enclosed[fmt][number - 1]
    if fmt in ("decimalFullWidth", "decimalFullWidth2"):
        return str(number).translate(FULL_WIDTH_DIGITS)
    if fmt == "decimalZero":
        return f"{number:02d}"
    if fmt in ("lowerLetter", "upperLetter") and number > 0:
        letters = chr(ord("a") + (number - 1) % 26) * ((number - 1) // 26 + 1)
        return letters.upper() if fmt == "upperLetter" else letters
    if fmt in ("lowerRoman", "upperRoman") and 0 < number < 4000:
        roman = _roman(number)
        return roman.upper() if fmt == "upperRoman" else roman
    return str(number)


def chinese_counting(number: int, digits: str, scales: tuple[str, ...], legal: bool = False) -> str:
    """A Chinese counting numeral below 10000: 十, 十一, 二十, 一百零五, 一百一十; the legal
    form writes the ten in full (壹拾壹); beyond 9999 the digits one by one."""
    if not 0 < number < 10_000:
        return "".join(digits[int(d)] for d in str(number))
    words, zero = [], False
    places = [int(d) for d in str(number)]
    for position, digit in enumerate(places):
        scale = len(places) - 1 - position
        if digit == 0:
            zero = True
            continue
        if zero:
            words.append("零")  # an inner zero is 零 (一百零五) in every counting form
            zero = False
        omit_one = digit == 1 and scale == 1 and position == 0 and not legal
        words.append(("" if omit_one else digits[digit]) + scales[scale])
    return "".join(words)


def _roman(number: int) -> str:
    out = []
    for value, letters in ROMAN:
        count, number = divmod(number, value)
        out.append(letters * count)
    return "".join(out)


def paragraph_labels(
    paragraphs: Iterable[_Element], numbering: _Element | None, styles: _Element | None
) -> dict[_Element, tuple[str, str]]:
    """The label and its suffix (tab, space or nothing) of each numbered paragraph of
    `paragraphs`, which are in reading order, as Word counts them."""
    definitions = _definitions(numbering)
    instances = _instances(numbering, definitions, styles)
    style_numbering = _style_numbering(styles)
    numbered = (
        (paragraph, *found)
        for paragraph in paragraphs
        if (found := _numbering_of(paragraph, style_numbering, instances)) is not None
    )
    return count_labels(numbered)


def count_labels(
    numbered: Iterable[tuple[Key, str, ListInstance, int]],
) -> dict[Key, tuple[str, str]]:
    """The label and its suffix of each numbered paragraph, given in reading order as
    (paragraph, list instance id, list instance, level), as Word counts them: instances
    of one definition count on together; an instance that overrides a level's start
    restarts it the first time it is used; a level restarts the levels below it."""
    counters: dict[str, dict[int, int]] = {}
    started: set[str] = set()
    labels: dict[Key, tuple[str, str]] = {}
    for paragraph, num_id, instance, ilvl in numbered:
        if ilvl not in instance.levels:  # a level the definition lacks: Word draws no label
            continue
        counts = counters.setdefault(instance.definition, {})
        if num_id not in started:
            started.add(num_id)
            for restarted in instance.restarts:
                counts.pop(restarted, None)
        level = instance.levels[ilvl]
        counts[ilvl] = counts[ilvl] + 1 if ilvl in counts else level.start
        for lower in range(ilvl + 1, LEVELS):
            after = instance.levels.get(lower, Level()).restart_after
            if ilvl < (lower if after is None else min(after, lower)):
                counts.pop(lower, None)
        labels[paragraph] = (_label(level, instance.levels, counts), level.suffix)
    return labels


def labelled(label: str, suffix: str, text: str) -> str:
    """A numbered paragraph's text behind its label. Word's tab between them becomes
    nothing after a label that closes on punctuation (一、 （一） 1.) and a space otherwise
    (第一章 总则), never a tab, which the text reader takes for a table's column gap."""
    if suffix in LABEL_SUFFIXES or not label:
        return label + LABEL_SUFFIXES.get(suffix, "") + text
    return label + ("" if unicodedata.category(label[-1]).startswith("P") else " ") + text


def _label(level: Level, levels: dict[int, Level], counts: dict[int, int]) -> str:
    if level.fmt == "bullet":
        return ""
    label = level.text
    for n in range(LEVELS, 0, -1):
        if f"%{n}" in label:
            shown = levels.get(n - 1, Level())
            value = counts.get(n - 1, shown.start)
            fmt = "decimal" if level.legal else shown.fmt
            label = label.replace(f"%{n}", format_number(value, fmt))
    return label


def _numbering_of(
    paragraph: _Element, style_numbering: StyleNumbering, instances: dict[str, ListInstance]
) -> tuple[str, ListInstance, int] | None:
    """The list instance and level of a paragraph: its own `w:numPr`, else its style's
    (a level left open is the one the definition ties to the style by `w:pStyle`)."""
    num_id, ilvl = _num_pr(paragraph.find(f"{qn('w:pPr')}/{qn('w:numPr')}"))
    style_id = _val(paragraph.find(f"{qn('w:pPr')}/{qn('w:pStyle')}")) or style_numbering.default
    style_num, style_ilvl = style_numbering.styles.get(style_id or "", (None, None))
    num_id = style_num if num_id is None else num_id
    if num_id is None or num_id not in instances:
        return None
    instance = instances[num_id]
    ilvl = style_ilvl if ilvl is None else ilvl
    if ilvl is None:
        ilvl = next((i for i, lv in instance.levels.items() if lv.style == style_id), 0)
    return num_id, instance, ilvl


def _num_pr(num_pr: _Element | None) -> tuple[str | None, int | None]:
    if num_pr is None:
        return None, None
    num_id = _val(num_pr.find(qn("w:numId")))
    return num_id, _int(_val(num_pr.find(qn("w:ilvl"))))


@dataclass(frozen=True)
class StyleNumbering:
    """Each paragraph style's numbering (list instance, level) through its `w:basedOn`
    chain, and the default paragraph style, which numbers a paragraph naming no style."""

    styles: dict[str, tuple[str | None, int | None]]
    default: str | None


def _style_numbering(styles: _Element | None) -> StyleNumbering:
    own: dict[str, tuple[str | None, int | None, str | None]] = {}
    default = None
    for style in styles.iterfind(qn("w:style")) if styles is not None else ():
        if style.get(qn("w:type")) != "paragraph":
            continue
        style_id = style.get(qn("w:styleId")) or ""
        if style.get(qn("w:default")) in ("1", "true", "on"):
            default = style_id
        num_id, ilvl = _num_pr(style.find(f"{qn('w:pPr')}/{qn('w:numPr')}"))
        own[style_id] = (num_id, ilvl, _val(style.find(qn("w:basedOn"))))
    resolved = {}
    for style_id in own:
        num_id, ilvl, seen, current = None, None, set(), style_id
        while current in own and current not in seen:  # a basedOn loop in a damaged file
            seen.add(current)
            own_num, own_ilvl, based_on = own[current]
            num_id = own_num if num_id is None else num_id
            ilvl = own_ilvl if ilvl is None else ilvl
            current = based_on or ""
        resolved[style_id] = (num_id, ilvl)
    return StyleNumbering(resolved, default)


def _definitions(numbering: _Element | None) -> dict[str, tuple[dict[int, Level], str | None]]:
    """Each `w:abstractNum`: its levels, and the numbering style it takes them from
    (`w:numStyleLink`), if any."""
    if numbering is None:
        return {}
    return {
        definition.get(qn("w:abstractNumId")) or "": (
            {
                _int(lvl.get(qn("w:ilvl"))) or 0: _level(lvl)
                for lvl in definition.iterfind(qn("w:lvl"))
            },
            _val(definition.find(qn("w:numStyleLink"))),
        )
        for definition in numbering.iterfind(qn("w:abstractNum"))
    }


def _instances(
    numbering: _Element | None,
    definitions: dict[str, tuple[dict[int, Level], str | None]],
    styles: _Element | None,
) -> dict[str, ListInstance]:
    if numbering is None:
        return {}
    links = _style_links(definitions, styles, numbering)
    instances: dict[str, ListInstance] = {}
    for num in numbering.iterfind(qn("w:num")):
        definition = links.get(_val(num.find(qn("w:abstractNumId"))) or "", "")
        if definition not in definitions:
            continue
        levels = dict(definitions[definition][0])
        restarts = set()
        for override in num.iterfind(qn("w:lvlOverride")):
            ilvl = _int(override.get(qn("w:ilvl"))) or 0
            lvl = override.find(qn("w:lvl"))
            if lvl is not None:
                levels[ilvl] = _level(lvl)
                restarts.add(ilvl)
            start = _int(_val(override.find(qn("w:startOverride"))))
            if start is not None:
                levels[ilvl] = replace(levels.get(ilvl, Level()), start=start)
                restarts.add(ilvl)
        instances[num.get(qn("w:numId")) or ""] = ListInstance(
            definition, levels, frozenset(restarts)
        )
    return instances


def _style_links(
    definitions: dict[str, tuple[dict[int, Level], str | None]],
    styles: _Element | None,
    numbering: _Element,
) -> dict[str, str]:
    """Definition → the definition that holds its levels: a `w:numStyleLink` names a
    numbering style, whose list instance counts in the definition that `w:styleLink`s it."""
    style_nums = {}
    if styles is not None:
        for style in styles.iterfind(qn("w:style")):
            num_id, _ = _num_pr(style.find(f"{qn('w:pPr')}/{qn('w:numPr')}"))
            style_nums[style.get(qn("w:styleId"))] = num_id
    num_definitions = {
        num.get(qn("w:numId")): _val(num.find(qn("w:abstractNumId")))
        for num in numbering.iterfind(qn("w:num"))
    }
    links = {}
    for definition, (_, style_link) in definitions.items():
        target = num_definitions.get(style_nums.get(style_link)) if style_link else None
        links[definition] = target if target in definitions else definition
    return links


def _level(lvl: _Element) -> Level:
    fmt_element = lvl.find(qn("w:numFmt"))
    if fmt_element is None:  # a custom format (Word 2010) names its standard fallback
        fmt_element = lvl.find(f"{MC}AlternateContent/{MC}Fallback/{qn('w:numFmt')}")
    text_element = lvl.find(qn("w:lvlText"))
    legal = lvl.find(qn("w:isLgl"))
    start = _int(_val(lvl.find(qn("w:start"))))
    return Level(
        text=text_element.get(qn("w:val"), "") if text_element is not None else "",
        fmt=_val(fmt_element) or "decimal",
        start=1 if start is None else start,
        restart_after=_int(_val(lvl.find(qn("w:lvlRestart")))),
        legal=legal is not None and _val(legal) not in ("0", "false", "off"),
        suffix=_val(lvl.find(qn("w:suff"))) or "tab",
        style=_val(lvl.find(qn("w:pStyle"))),
    )


def _val(element: _Element | None) -> str | None:
    return element.get(qn("w:val")) if element is not None else None


def _int(value: str | None) -> int | None:
    """An integer attribute; None where it is missing or not a number (a damaged file)."""
    try:
        return int(value) if value is not None else None
    except ValueError:
        return None
