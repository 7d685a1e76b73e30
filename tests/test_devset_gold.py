"""The development set (issue 12): every gold file follows the schema of tests/gold
and points at its text.

A gold file is only an oracle if its quotes and raw strings can be found in the
text it annotates, character for character, and if its values come from the
closed sets the evaluation compares against.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

DEVSET = Path(__file__).resolve().parent / "devset"
TEXTS = DEVSET / "texts"
GOLD_FILES = sorted((DEVSET / "gold").glob("*.json"))

KINDS = {"plan", "implementation_opinion", "action_plan", "interpretation", "notice", "other"}
LEVELS = {"national", "province", "city", "county", "district", "zone"}
ROLES = {"basis", "prior_local", "other"}
COMPARATORS = {"=", ">=", ">", "<=", "<"}
BINDINGS = {"约束性", "预期性", None}
SOURCES = {"table", "inline"}
YEARS = range(2010, 2051)
CLASSES = set(range(1, 9))

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
CITATION_KEYS = {"doc_number", "doc_number_raw", "title", "issuer_hint", "role"}
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
VALUE_KEYS = {"year", "value", "comparator", "qualitative"}
MEASURE_KEYS = {"id", "number", "title", "parent", "responsible", "lead"}
SOURCE_KEYS = {"url", "found_with", "retrieved", "complete", "notes"}


def _load(path: Path) -> tuple[dict[str, Any], str]:
    gold = json.loads(path.read_text(encoding="utf-8"))
    text = (TEXTS / gold["file"]).read_text(encoding="utf-8")
    return gold, text


def _optional_str(value: object) -> bool:
    return value is None or (isinstance(value, str) and value != "")


def test_the_devset_has_a_gold_file_for_every_text() -> None:
    texts = {p.name for p in TEXTS.glob("*.txt")}
    annotated = {json.loads(p.read_text(encoding="utf-8"))["file"] for p in GOLD_FILES}
    assert texts == annotated
    assert all(p.stem + ".txt" in texts for p in GOLD_FILES)


@pytest.mark.parametrize("path", GOLD_FILES, ids=lambda p: p.stem)
def test_document_and_source_follow_the_schema(path: Path) -> None:
    gold, text = _load(path)
    assert set(gold) == TOP_KEYS
    document = gold["document"]
    assert set(document) == DOCUMENT_KEYS
    assert document["kind"] in KINDS
    assert document["admin_level"] in LEVELS
    for key in ("title", "doc_number", "doc_number_raw", "issuer", "jurisdiction", "date_raw"):
        assert _optional_str(document[key]), key
    for key in ("doc_number_raw", "date_raw"):
        if document[key] is not None:
            assert document[key] in text, f"{key} {document[key]!r}"
    if document["date_issued"] is not None:
        year, month, day = (int(part) for part in document["date_issued"].split("-"))
        assert year in YEARS and 1 <= month <= 12 and 1 <= day <= 31
    assert (document["doc_number"] is None) == (document["doc_number_raw"] is None)
    source = gold["source"]
    assert set(source) == SOURCE_KEYS
    assert isinstance(source["complete"], bool)
    assert all(isinstance(source[k], str) and source[k] for k in ("url", "found_with", "notes"))
    assert set(gold["classes"]) <= CLASSES
    assert all(isinstance(note, str) and note for note in gold["notes"])


@pytest.mark.parametrize("path", GOLD_FILES, ids=lambda p: p.stem)
def test_citations_quote_their_numbers(path: Path) -> None:
    gold, text = _load(path)
    for citation in gold["cited_policies"]:
        assert set(citation) == CITATION_KEYS
        assert citation["role"] in ROLES
        assert isinstance(citation["title"], str) and citation["title"]
        assert (citation["doc_number"] is None) == (citation["doc_number_raw"] is None)
        if citation["doc_number_raw"] is not None:
            assert citation["doc_number_raw"] in text, citation["doc_number_raw"]


@pytest.mark.parametrize("path", GOLD_FILES, ids=lambda p: p.stem)
def test_targets_quote_the_text_and_use_the_closed_value_sets(path: Path) -> None:
    gold, text = _load(path)
    ids = [target["id"] for target in gold["targets"]]
    assert len(ids) == len(set(ids))
    for target in gold["targets"]:
        assert set(target) == TARGET_KEYS
        assert target["quote"] in text, f"{target['id']} quote {target['quote']!r}"
        assert target["indicator_raw"] in text, f"{target['id']} {target['indicator_raw']!r}"
        assert _optional_str(target["indicator_canonical"])
        assert _optional_str(target["unit"])
        assert target["binding"] in BINDINGS
        assert target["source"] in SOURCES
        for unit in target["responsible"]:
            assert unit in text, f"{target['id']} responsible {unit!r}"
        if target["baseline"] is not None:
            assert set(target["baseline"]) == {"year", "value"}
            assert target["baseline"]["year"] is None or target["baseline"]["year"] in YEARS
        assert target["values"], target["id"]
        for value in target["values"]:
            assert set(value) == VALUE_KEYS
            assert value["year"] is None or value["year"] in YEARS
            if value["qualitative"] is None:
                assert value["comparator"] in COMPARATORS, target["id"]
                assert isinstance(value["value"], str) and value["value"], target["id"]
            else:
                assert value["value"] is None and value["comparator"] is None, target["id"]


@pytest.mark.parametrize("path", GOLD_FILES, ids=lambda p: p.stem)
def test_measures_and_departments_name_units_as_written(path: Path) -> None:
    gold, text = _load(path)
    ids = {measure["id"] for measure in gold["measures"]}
    assert len(ids) == len(gold["measures"])
    named: set[str] = set()
    for measure in gold["measures"]:
        assert set(measure) == MEASURE_KEYS
        assert isinstance(measure["title"], str) and measure["title"]
        assert measure["parent"] is None or measure["parent"] in ids
        assert set(measure["lead"]) <= set(measure["responsible"]), measure["id"]
        named.update(measure["responsible"])
    for target in gold["targets"]:
        named.update(target["responsible"])
    for unit in [*named, *gold["departments"]]:
        assert unit in text, f"unit {unit!r}"
    assert named <= set(gold["departments"])
    assert len(gold["departments"]) == len(set(gold["departments"]))
