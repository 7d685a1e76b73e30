"""The development set (tests/devset): every gold file follows the schema of tests/gold
and every string it quotes is really in its text, so scores computed on it mean something."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import pytest

DEVSET = Path(__file__).resolve().parent / "devset"
PARTS = ("tune", "heldout")
"""tune: texts rules may be written from; heldout: texts only measured (tests/devset/README.md)."""
GOLD_FILES = sorted(DEVSET.glob("*/gold/*.json"))

DOCUMENT_KEYS = {
    "title",
    "doc_number",
    "doc_number_raw",
    "issuer",
    "jurisdiction",
    "admin_level",
    "date_issued",
    "date_raw",
    "kind",
}
TOP_KEYS = {
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
}
TARGET_KEYS = {
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
}
MEASURE_KEYS = {"id", "number", "title", "parent", "responsible", "lead"}
CITATION_KEYS = {"doc_number", "doc_number_raw", "title", "issuer_hint", "role"}
SOURCE_KEYS = {"url", "found_with", "retrieved", "complete", "notes"}
KINDS = {"plan", "implementation_opinion", "action_plan", "interpretation", "notice", "other"}
LEVELS = {"national", "province", "city", "county", "district", "zone"}
ROLES = {"basis", "prior_local", "other"}
COMPARATORS = {"=", ">=", ">", "<=", "<"}
BINDINGS = {None, "约束性", "预期性"}
TARGET_SOURCES = {"table", "inline"}
DOC_NUMBER = re.compile(r"^\S+〔(19|20)\d\d〕\d+号$")
ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
VALUE = re.compile(r"^\d+(\.\d+)?([-—]\d+(\.\d+)?)?$")
# the place names kept out of every development text (COMMON.md)
EXCLUDED_PLACES = (
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
EXCLUDED_NUMBERS = ("国发〔2018〕39号", "国办发〔2018〕121号", "国发〔2018〕42号")


TEXT_SUFFIXES = (".txt", ".html")
"""A text is kept as its source gives it: plain text, or a web page saved from its site."""


def _load(path: Path) -> tuple[dict[str, Any], str]:
    """The gold and the text its quotes refer to: what the reader gives for a web page."""
    gold = json.loads(path.read_text(encoding="utf-8"))
    source = path.parent.parent / "texts" / gold["file"]
    if source.suffix == ".txt":
        return gold, source.read_text(encoding="utf-8")
    from policygraph.read import read_plan

    return gold, read_plan(source).text


def _quoted_strings(gold: dict[str, Any]) -> list[str]:
    """Every string the schema says is copied from the text as printed."""
    doc = gold["document"]
    strings = [doc["doc_number_raw"], doc["date_raw"]]
    strings += [c["doc_number_raw"] for c in gold["cited_policies"]]
    for target in gold["targets"]:
        strings += [target["quote"], target["indicator_raw"], *target["responsible"]]
    for measure in gold["measures"]:
        strings += [*measure["responsible"], *measure["lead"]]
    strings += gold["departments"]
    return [s for s in strings if s is not None]


@pytest.mark.parametrize("part", PARTS)
def test_the_devset_is_there(part: str) -> None:
    gold_files = sorted((DEVSET / part / "gold").glob("*.json"))
    assert len(gold_files) >= 20
    texts = {p.name for p in (DEVSET / part / "texts").iterdir() if p.suffix in TEXT_SUFFIXES}
    assert {json.loads(p.read_text(encoding="utf-8"))["file"] for p in gold_files} == texts


@pytest.mark.parametrize("path", GOLD_FILES, ids=lambda p: p.stem)
def test_quoted_strings_are_in_the_text(path: Path) -> None:
    gold, text = _load(path)
    missing = [s for s in _quoted_strings(gold) if s not in text]
    assert not missing, f"{path.name}: not in the text: {missing}"


@pytest.mark.parametrize("path", GOLD_FILES, ids=lambda p: p.stem)
def test_gold_follows_the_schema(path: Path) -> None:
    gold, _ = _load(path)
    assert set(gold) == TOP_KEYS
    assert gold["file"] in {path.stem + suffix for suffix in TEXT_SUFFIXES}
    doc = gold["document"]
    assert set(doc) == DOCUMENT_KEYS
    assert doc["kind"] in KINDS and doc["admin_level"] in LEVELS
    assert doc["date_issued"] is None or ISO_DATE.match(doc["date_issued"])
    assert doc["doc_number"] is None or DOC_NUMBER.match(doc["doc_number"])
    assert (doc["doc_number"] is None) == (doc["doc_number_raw"] is None)
    assert set(gold["source"]) == SOURCE_KEYS
    assert isinstance(gold["source"]["complete"], bool) and gold["source"]["url"]
    assert all(isinstance(c, int) and 1 <= c <= 8 for c in gold["classes"])
    for citation in gold["cited_policies"]:
        assert set(citation) == CITATION_KEYS and citation["role"] in ROLES
        assert citation["doc_number"] is None or DOC_NUMBER.match(citation["doc_number"])
        assert citation["doc_number"] or citation["title"]
    assert all(isinstance(n, str) and n for n in gold["notes"])
    assert all(isinstance(r, str) for r in gold["regions"])


@pytest.mark.parametrize("path", GOLD_FILES, ids=lambda p: p.stem)
def test_targets_and_measures_are_well_formed(path: Path) -> None:
    gold, _ = _load(path)
    ids = [t["id"] for t in gold["targets"]]
    assert ids == [f"T{i}" for i in range(1, len(ids) + 1)]
    for target in gold["targets"]:
        assert set(target) == TARGET_KEYS
        assert target["binding"] in BINDINGS and target["source"] in TARGET_SOURCES
        assert target["values"]
        for value in target["values"]:
            assert set(value) == {"year", "value", "comparator", "qualitative"}
            assert value["year"] is None or 2000 <= value["year"] <= 2050
            if value["qualitative"] is None:
                assert value["comparator"] in COMPARATORS and VALUE.match(value["value"])
            else:
                assert value["value"] is None and value["comparator"] is None
        baseline = target["baseline"]
        assert baseline is None or (
            set(baseline) == {"year", "value"} and VALUE.match(baseline["value"])
        )
    measure_ids = [m["id"] for m in gold["measures"]]
    assert measure_ids == [f"M{i}" for i in range(1, len(measure_ids) + 1)]
    for measure in gold["measures"]:
        assert set(measure) == MEASURE_KEYS and measure["title"]
        assert measure["parent"] is None or measure["parent"] in measure_ids
    named = {u for m in gold["measures"] for u in m["responsible"] + m["lead"]}
    named |= {u for t in gold["targets"] for u in t["responsible"]}
    assert named <= set(gold["departments"])


@pytest.mark.parametrize("path", GOLD_FILES, ids=lambda p: p.stem)
def test_no_text_from_the_independent_check(path: Path) -> None:
    gold, _ = _load(path)
    place = gold["document"]["jurisdiction"] or ""
    assert not any(p in place for p in EXCLUDED_PLACES), place
    assert gold["document"]["doc_number"] not in EXCLUDED_NUMBERS
