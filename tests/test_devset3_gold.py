"""Gold annotations of the development set (tests/devset): a score computed against them means
something only if each one follows the schema of tests/gold and quotes its text exactly."""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

DEVSET = Path(__file__).resolve().parent / "devset"
GOLD = sorted((DEVSET / "gold").glob("*.json"))

SCHEMA = {
    "top": {
        "file",
        "document",
        "cited_policies",
        "targets",
        "measures",
        "departments",
        "regions",
        "notes",
        "source",
        "classes",
    },
    "document": {
        "title",
        "doc_number",
        "doc_number_raw",
        "issuer",
        "jurisdiction",
        "admin_level",
        "date_issued",
        "date_raw",
        "kind",
    },
    "citation": {"doc_number", "doc_number_raw", "title", "issuer_hint", "role"},
    "target": {
        "id",
        "indicator_raw",
        "indicator_canonical",
        "unit",
        "baseline",
        "values",
        "binding",
        "responsible",
        "source",
        "quote",
    },
    "value": {"year", "value", "comparator", "qualitative"},
    "measure": {"id", "number", "title", "parent", "responsible", "lead"},
    "source": {"url", "found_with", "retrieved", "complete", "notes"},
}
KINDS = {"plan", "implementation_opinion", "action_plan", "interpretation", "notice", "other"}
LEVELS = {"national", "province", "city", "county", "district", "zone"}
ROLES = {"basis", "prior_local", "other"}
COMPARATORS = {"=", ">=", ">", "<=", "<"}
BINDINGS = {None, "约束性", "预期性"}
NUMBER = re.compile(r"^\S+〔(19|20)\d\d〕\d+号$")
DATE = re.compile(r"^\d{4}-\d\d-\d\d$")
AMOUNT = re.compile(r"^\d+(\.\d+)?([-—]\d+(\.\d+)?)?$")
# kept for the independent check (COMMON.md): no development text may come from them
HELD_OUT_PLACES = (
    "台州",
    "贵州省",
    "衢州",
    "扬州",
    "成都",
    "安康",
    "楚雄",
    "尚志",
    "上海市",
    "静安",
    "河北省",
    "云南省",
    "长沙",
    "黑龙江省",
    "阳泉",
    "莆田",
    "无锡",
    "榆阳",
    "花山",
    "衡东",
    "盘锦",
    "黔南",
    "抚顺",
    "泸县",
    "长春",
    "青岛",
)
HELD_OUT_NUMBERS = {"国发〔2018〕39号", "国办发〔2018〕121号", "国发〔2018〕42号"}


def _gold(path: Path) -> dict[str, Any]:
    return json.loads(path.read_text(encoding="utf-8"))


def _text(gold: dict[str, Any]) -> str:
    return (DEVSET / "texts" / gold["file"]).read_text(encoding="utf-8")


def _printed(gold: dict[str, Any]) -> Iterator[str]:
    """The strings the schema says are copied from the text exactly as printed."""
    document = gold["document"]
    yield from (document["doc_number_raw"], document["date_raw"])
    yield from (c["doc_number_raw"] for c in gold["cited_policies"])
    for target in gold["targets"]:
        yield from (target["quote"], target["indicator_raw"], *target["responsible"])
    for measure in gold["measures"]:
        yield from (*measure["responsible"], *measure["lead"])
    yield from gold["departments"]


def test_every_text_has_its_gold() -> None:
    texts = {p.name for p in (DEVSET / "texts").glob("*.txt")}
    assert texts and texts == {_gold(p)["file"] for p in GOLD}


@pytest.mark.parametrize("path", GOLD, ids=lambda p: p.stem)
def test_printed_strings_are_substrings_of_the_text(path: Path) -> None:
    gold = _gold(path)
    text = _text(gold)
    assert [s for s in _printed(gold) if s is not None and s not in text] == []


@pytest.mark.parametrize("path", GOLD, ids=lambda p: p.stem)
def test_document_source_and_citations(path: Path) -> None:
    gold = _gold(path)
    assert set(gold) == SCHEMA["top"] and gold["file"] == f"{path.stem}.txt"
    document = gold["document"]
    assert set(document) == SCHEMA["document"]
    assert document["kind"] in KINDS and document["admin_level"] in LEVELS
    assert document["date_issued"] is None or DATE.match(document["date_issued"])
    assert document["doc_number"] is None or NUMBER.match(document["doc_number"])
    assert (document["doc_number"] is None) is (document["doc_number_raw"] is None)
    assert (document["date_issued"] is None) is (document["date_raw"] is None)
    source = gold["source"]
    assert set(source) == SCHEMA["source"] and source["url"] and source["found_with"]
    assert isinstance(source["complete"], bool)
    assert all(isinstance(c, int) and 1 <= c <= 8 for c in gold["classes"])
    for citation in gold["cited_policies"]:
        assert set(citation) == SCHEMA["citation"] and citation["role"] in ROLES
        assert citation["doc_number"] is None or NUMBER.match(citation["doc_number"])
        assert citation["doc_number"] or citation["title"]
    assert gold["notes"] and all(isinstance(n, str) and n for n in gold["notes"])


@pytest.mark.parametrize("path", GOLD, ids=lambda p: p.stem)
def test_targets_follow_the_value_grammar(path: Path) -> None:
    targets = _gold(path)["targets"]
    assert [t["id"] for t in targets] == [f"T{i}" for i in range(1, len(targets) + 1)]
    for target in targets:
        assert set(target) == SCHEMA["target"] and target["values"]
        assert target["binding"] in BINDINGS and target["source"] in {"table", "inline"}
        for value in target["values"]:
            assert set(value) == SCHEMA["value"]
            assert value["year"] is None or 2000 <= value["year"] <= 2050
            if value["qualitative"] is None:
                assert value["comparator"] in COMPARATORS and AMOUNT.match(value["value"])
            else:
                assert value["value"] is None and value["comparator"] is None
        baseline = target["baseline"]
        if baseline is not None:
            assert set(baseline) == {"year", "value"} and AMOUNT.match(baseline["value"])


@pytest.mark.parametrize("path", GOLD, ids=lambda p: p.stem)
def test_measures_form_a_tree_of_known_units(path: Path) -> None:
    gold = _gold(path)
    measures = gold["measures"]
    ids = [m["id"] for m in measures]
    assert ids == [f"M{i}" for i in range(1, len(ids) + 1)]
    for measure in measures:
        assert set(measure) == SCHEMA["measure"] and measure["title"]
        assert measure["parent"] is None or ids.index(measure["parent"]) < ids.index(measure["id"])
    named = {u for m in measures for u in m["responsible"] + m["lead"]}
    named |= {u for t in gold["targets"] for u in t["responsible"]}
    assert named <= set(gold["departments"])


@pytest.mark.parametrize("path", GOLD, ids=lambda p: p.stem)
def test_nothing_from_the_independent_check(path: Path) -> None:
    document = _gold(path)["document"]
    assert not any(place in (document["jurisdiction"] or "") for place in HELD_OUT_PLACES)
    assert document["doc_number"] not in HELD_OUT_NUMBERS
