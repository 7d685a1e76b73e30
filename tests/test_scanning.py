"""Patterns tried only where their matches can open find what `finditer` finds."""

from __future__ import annotations

import random
import re

import pytest

from policygraph.extract.docnumber import DOC_NUMBER_BODY, NUMBER_OPENING
from policygraph.normalize import (
    LINE_BREAK,
    LINE_BREAKS,
    PAGE_MARKER_LINE,
    SENTENCE_BROKEN_ACROSS_LINES,
)
from policygraph.scanning import matches_opening_runs

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
