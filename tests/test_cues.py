"""data/cues.csv: the one table of cue words the target rules build on."""

from __future__ import annotations

import csv
from collections import Counter

import pytest

from policygraph.cues import CUES_FILE, cue_pattern, cue_values, cue_words, words_with
from policygraph.resources import resource_dir

COMPARATORS = {"=", ">=", ">", "<=", "<"}
"""The comparator normal forms of VOCABULARY.md (pg:comparator)."""

VALUE_DOMAINS = {
    "comparator": COMPARATORS,
    "comparator_after": COMPARATORS,
    "sign": COMPARATORS,
    "reach": {"="},
    "copula": {"="},
    "header": {"serial", "group", "name", "unit", "attr", "resp", "other", "region", "change"},
    "header_year": {"base", "goal"},
    "unit": {"count", "measure", "area", "per_thousand"},
    "scope": {"whole", "own", "part"},
    "record_key": {"written", "dated", "published", "number", "publisher", "other"},
    "share_use": {"written", ""},
}
"""Kinds whose value column means something, and the values it may hold."""


def _rows() -> list[dict[str, str]]:
    with (resource_dir("data") / CUES_FILE).open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def test_cues_rows_are_unique_and_their_values_in_their_domain() -> None:
    rows = _rows()
    twice = [key for key, n in Counter((r["kind"], r["word"]) for r in rows).items() if n > 1]
    assert twice == []
    assert all(r["word"].strip() == r["word"] and r["word"] for r in rows)
    wrong = [
        (r["kind"], r["word"], r["value"])
        for r in rows
        if r["kind"] in VALUE_DOMAINS and r["value"] not in VALUE_DOMAINS[r["kind"]]
    ]
    assert wrong == []


@pytest.mark.parametrize("kinds", [("comparator", "reach", "copula", "sign"), ("unit",)])
def test_cues_alternations_try_a_longer_word_before_a_word_inside_it(kinds: tuple[str]) -> None:
    """不低于 before 低于, 万人次 before 人次: a regex alternation takes the first that fits."""
    words = cue_pattern(*kinds).replace("\\", "").split("|")
    misordered = [
        (short, long)
        for i, short in enumerate(words)
        for long in words[i + 1 :]
        if short in long and short != long
    ]
    assert misordered == []


def test_cues_map_words_to_their_values() -> None:
    assert cue_values("comparator")["不超过"] == "<="
    assert cue_values("header")["责任单位"] == "resp"


def test_cues_one_verb_of_use_is_the_one_a_share_reading_writes() -> None:
    """投入养老服务 and 用于养老服务 read as one indicator, …用于养老服务比例: one written verb."""
    assert words_with("share_use", "written") == ("用于",)
    assert "投入" in cue_words("share_use")


def test_cues_an_unknown_kind_is_a_clear_error() -> None:
    with pytest.raises(KeyError, match="no cue words of kind"):
        cue_words("no-such-kind")
