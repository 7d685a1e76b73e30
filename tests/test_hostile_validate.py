"""Hostile Turtle given to `policygraph validate` (issue 17, items 9 and 10): each bad file is
one line naming it, exit 2, with no traceback and no Python bytes repr."""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

from policygraph.cli import app
from policygraph.store import MAX_GRAPH_TRIPLES
from policygraph.validate import MAX_PLAN_TARGETS

PREFIXES = (
    "@prefix pg: <https://w3id.org/policygraph/ontology#> .\n"
    "@prefix xsd: <http://www.w3.org/2001/XMLSchema#> .\n"
    "@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .\n"
)
PLAN = "<https://w3id.org/policygraph/id/plan/hostile> a pg:Plan ;\n"

BAD_TURTLE = {
    "iri-with-space": (PREFIXES + "<https://x/a b> a pg:Plan .\n", "Invalid IRI"),
    "bad-language-tag": (PREFIXES + PLAN + ' rdfs:label "x"@zh-abcdefghijk .\n', "line 5"),
    "malformed": ("<a> <b> garbage <<", "not a readable Turtle graph"),
    "ill-typed-date": (PREFIXES + PLAN + ' pg:issued "2025-13-45"^^xsd:date .\n', "xsd:date"),
    "ill-typed-integer": (
        PREFIXES + PLAN + ' pg:year "二〇二五"^^xsd:integer .\n',
        '"二〇二五" is not a valid xsd:integer (the pg:year of',
    ),
    "undefined-prefix": (PREFIXES + "ex:plan a pg:Plan .\n", "prefix"),
    "unterminated-string": (PREFIXES + PLAN + ' rdfs:label "no end .\n', "line"),
    "iri-with-angle": (PREFIXES + "<https://x/a>b> a pg:Plan .\n", "line 4"),
    "triple-term": (
        PREFIXES + PLAN + " pg:cites <<( <urn:s> <urn:p> <urn:o> )>> .\n",
        "triple terms",
    ),
    "no-plan": (PREFIXES + "<https://x/a> a pg:Measure .\n", "no plan"),
    "empty": ("", "no plan"),
}


def _validate(path: Path) -> tuple[int, str]:
    result = CliRunner().invoke(app, ["validate", str(path), "--summary"])
    return result.exit_code, result.stderr


def _assert_one_line(stderr: str, path: Path, expected: str) -> None:
    lines = stderr.strip().splitlines()
    assert len(lines) == 1, stderr
    assert lines[0].startswith(f"error: {path}") and expected in lines[0], lines[0]
    assert "Traceback" not in stderr and "b'" not in stderr


@pytest.mark.parametrize("name", sorted(BAD_TURTLE))
def test_bad_turtle_is_one_line_and_exit_2(tmp_path: Path, name: str) -> None:
    text, expected = BAD_TURTLE[name]
    path = tmp_path / f"{name}.ttl"
    path.write_text(text, encoding="utf-8")
    status, stderr = _validate(path)
    assert status == 2
    _assert_one_line(stderr, path, expected)


@pytest.mark.parametrize(
    "data",
    [
        b"\x00\xff\xfe binary \x89PNG\r\n",
        PREFIXES.encode() + PLAN.encode() + b' rdfs:label "\xc3\x28" .',
    ],
    ids=["binary", "invalid-utf8"],
)
def test_bytes_that_are_not_turtle_are_one_line(tmp_path: Path, data: bytes) -> None:
    path = tmp_path / "bytes.ttl"
    path.write_bytes(data)
    status, stderr = _validate(path)
    assert status == 2
    _assert_one_line(stderr, path, "not a readable Turtle graph")


def test_a_graph_over_the_triple_limit_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "huge.ttl"
    rows = (f"<urn:s{n}> <urn:p> {n} .\n" for n in range(MAX_GRAPH_TRIPLES + 1))
    path.write_text(PREFIXES + PLAN + " rdfs:label 'x' .\n" + "".join(rows), encoding="utf-8")
    status, stderr = _validate(path)
    assert status == 2
    _assert_one_line(stderr, path, f"over {MAX_GRAPH_TRIPLES} triples")


def test_a_plan_over_the_target_limit_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "many-targets.ttl"
    targets = ", ".join(f"<urn:target{n}>" for n in range(MAX_PLAN_TARGETS + 1))
    path.write_text(PREFIXES + PLAN + f" pg:hasTarget {targets} .\n", encoding="utf-8")
    status, stderr = _validate(path)
    assert status == 2
    _assert_one_line(stderr, path, f"{MAX_PLAN_TARGETS + 1} targets, limit {MAX_PLAN_TARGETS}")


def test_good_graphs_still_validate(tmp_path: Path) -> None:
    graphs = Path(__file__).resolve().parents[1] / "graphs"
    result = CliRunner().invoke(
        app, ["validate", str(graphs / "plans" / "wanzhou.ttl"), "--summary"]
    )
    assert result.exit_code in (0, 1) and "1 plan(s)" in result.stdout
