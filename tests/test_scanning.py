"""Patterns tried only where their matches can open find what `finditer` finds."""

from __future__ import annotations

import random
import re

import pytest

from policygraph.extract.clauses import CLAUSE_BACKGROUND
from policygraph.extract.docnumber import DOC_NUMBER_BODY, NUMBER_OPENING
from policygraph.extract.responsibility import STATEMENT_VERB
from policygraph.extract.task_tables import CELL_SEPARATOR as TASK_CELL_SEPARATOR
from policygraph.extract.task_tables import _header_run
from policygraph.normalize import (
    LINE_BREAK,
    LINE_BREAKS,
    PAGE_MARKER_LINE,
    SENTENCE_BROKEN_ACROSS_LINES,
)
from policygraph.scanning import (
    first_match,
    matches_opening_runs,
    opening_class,
    opening_matches,
    split,
)
from policygraph.tables import CELL_SEPARATOR as TABLE_CELL_SEPARATOR

CASES = [
    (
        PAGE_MARKER_LINE,
        LINE_BREAKS,
        (
            "\n",
            "\r\n",
            "第2页",
            "第 3 页 共 9 页",
            "- 4 -",
            "2/7",
            "Page 3 of 9",
            " ",
            "养老服务。",
        ),
    ),
    (
        SENTENCE_BROKEN_ACROSS_LINES,
        LINE_BREAK,
        (
            "\n",
            " \r\n",
            "\n\n",
            "积极争取上级政策资金支持养老服务体系建设",
            "。",
            "一、",
            "关于印发方案",
        ),
    ),
    (
        DOC_NUMBER_BODY,
        NUMBER_OPENING,
        (
            "〔",
            "（",
            "【",
            "〕",
            "）",
            " ",
            "\u3000",
            "2020",
            "12",
            "０",
            "号",
            "第",
            "国办发",
            "。",
        ),
    ),
]


@pytest.mark.parametrize(("pattern", "runs", "pieces"), CASES)
def test_matches_opening_runs_finds_what_finditer_finds(
    pattern: re.Pattern[str], runs: re.Pattern[str], pieces: tuple[str, ...]
) -> None:
    choose = random.Random(2026)
    texts = [
        "".join(choose.choice(pieces) for _ in range(choose.randrange(1, 30))) for _ in range(3000)
    ]
    matched = 0
    for text in texts:
        expected = [m.span() for m in pattern.finditer(text)]
        assert [m.span() for m in matches_opening_runs(pattern, text, runs)] == expected, text
        matched += bool(expected)
    assert matched > 100  # the texts exercise the pattern


OPENING_CASES = [
    (
        CLAUSE_BACKGROUND,
        ("已建成", "成了", "到了", "第三次", "达到了", "新增", "老年人口将达到", "人口总数", "已"),
    ),
    (STATEMENT_VERB, ("牵头", "将", "负责", "同志", "人", "要", "求", "设在", "应当", "区民政局")),
    (_header_run(), ("序号", "重点任务", "责任单位", "牵头单位", "完成时限", "表", "任务")),
    (
        re.compile(r"(?<!每)(?:[甲乙丙]|乙丁)?(?:戊|己庚)+|^丁(?=甲)"),
        ("甲", "乙", "丙", "丁", "戊", "己", "庚", "每", "\n"),
    ),
]


@pytest.mark.parametrize(("pattern", "pieces"), OPENING_CASES)
def test_first_match_and_opening_matches_find_what_search_and_finditer_find(
    pattern: re.Pattern[str], pieces: tuple[str, ...]
) -> None:
    assert opening_class(pattern) is not None  # the patterns are tried where they open
    choose = random.Random(2026)
    matched = 0
    for _ in range(3000):
        text = "".join(choose.choice((*pieces, "，", "。", "养老")) for _ in range(20))
        expected = pattern.search(text)
        found = first_match(pattern, text)
        assert (found and found.span()) == (expected and expected.span()), text
        every = [m.span() for m in pattern.finditer(text)]
        assert [m.span() for m in opening_matches(pattern, text)] == every, text
        matched += expected is not None
    assert matched > 100


ALPHABET = "将要牵头应常住高低于第一二三次已先后建成养老甲乙。\n"


@pytest.mark.parametrize(
    ("pattern", "opening"),
    [
        (r"(?:将|要)?牵头|应当?", "将要牵应"),
        (r"(?<!每千)常住人口|[高低]于", "常高低"),
        (r"第[一二三]次|(?:已|先后)?建成", "第已先建"),
        (r"^养(?=老)|(?:甲|乙?老)+", "养甲乙老"),
    ],
)
def test_opening_class_lists_the_characters_a_match_opens_with(pattern: str, opening: str) -> None:
    found = opening_class(re.compile(pattern))
    assert found is not None
    assert {c for c in ALPHABET if found.fullmatch(c)} == set(opening)


@pytest.mark.parametrize(
    "pattern", [r"养?老?", r"a*", r"\w+", r"[^。]+", r"(?i)ab", r".老", r"甲|"]
)
def test_opening_class_is_none_where_a_match_may_open_anywhere(pattern: str) -> None:
    assert opening_class(re.compile(pattern)) is None


@pytest.mark.parametrize("pattern", [TABLE_CELL_SEPARATOR, TASK_CELL_SEPARATOR])
def test_split_splits_as_the_pattern_does(pattern: re.Pattern[str]) -> None:
    choose = random.Random(2026)
    pieces = (" ", "  ", "|", "｜", "\t", "养老", "床位", "。")
    split_texts = 0
    for _ in range(2000):
        text = "".join(choose.choice(pieces) for _ in range(choose.randrange(0, 12)))
        assert split(pattern, text) == pattern.split(text), text
        split_texts += len(pattern.split(text)) > 1
    assert split_texts > 100


def test_without_the_pattern_parser_every_pattern_is_tried_everywhere(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """A Python whose `re` lacks its private parser still finds every match: the opening
    class is then unknown, and the plain scan runs."""
    import policygraph.scanning as scanning

    monkeypatch.setattr(scanning, "_parser", None)
    pattern = re.compile(r"(?:将|要)?牵头丁")
    assert opening_class(pattern) is None
    text = "养老，要牵头丁。将牵头丁"
    assert [m.span() for m in opening_matches(pattern, text)] == [
        m.span() for m in pattern.finditer(text)
    ]
    found, expected = first_match(pattern, text), pattern.search(text)
    assert found is not None and expected is not None and found.span() == expected.span()
