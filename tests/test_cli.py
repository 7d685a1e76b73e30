"""cli.py: exit statuses and one-line errors for bad input."""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

from policygraph.cli import app
from tests.conftest import CORPUS

runner = CliRunner()


def _bad_inputs(folder: Path) -> dict[str, tuple[Path, str]]:
    (folder / "empty.txt").write_bytes(b"")
    (folder / "binary.txt").write_bytes(b"\x00\x01\x02PK\x03\x04" * 50)
    (folder / "latin.txt").write_text("This is an English page, not a plan." * 5, encoding="utf-8")
    (folder / "plan.pdf").write_bytes(b"%PDF-1.4")
    return {
        "empty": (folder / "empty.txt", "empty file"),
        "binary": (folder / "binary.txt", "binary file"),
        "not-chinese": (folder / "latin.txt", "not a Chinese plan text"),
        "unknown-format": (folder / "plan.pdf", "unsupported format .pdf"),
    }


@pytest.mark.parametrize("case", ["empty", "binary", "not-chinese", "unknown-format"])
def test_cli_build_refuses_bad_input_in_one_line(case: str, tmp_path: Path) -> None:
    path, problem = _bad_inputs(tmp_path)[case]
    result = runner.invoke(app, ["build", str(path), "--out", str(tmp_path / "out")])
    assert result.exit_code == 2
    assert f"error: {path}: {problem}" in result.stderr
    assert "Traceback" not in result.stderr
    assert not (tmp_path / "out" / "plans").exists()


def test_cli_build_goes_past_a_bad_file_and_writes_the_good_ones(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "empty.txt").write_bytes(b"")
    (folder / "lincang.txt").write_bytes((CORPUS / "lincang.txt").read_bytes())
    result = runner.invoke(app, ["build", str(folder), "--out", str(tmp_path / "out")])
    assert result.exit_code == 2
    assert "empty.txt: empty file" in result.stderr
    assert (tmp_path / "out" / "plans" / "lincang.ttl").is_file()


def test_cli_validate_plan_text_conforms(tmp_path: Path) -> None:
    result = runner.invoke(app, ["validate", str(CORPUS / "wanzhou.txt"), "--lang", "en"])
    assert result.exit_code == 0, result.stdout
    assert "The target names no responsible unit" in result.stdout
    assert "wanzhou.txt:69" in result.stdout


def test_cli_validate_reports_violation_with_exit_1(tmp_path: Path) -> None:
    graph = tmp_path / "plan.ttl"
    graph.write_text(
        "@prefix pg: <https://w3id.org/policygraph/ontology#> .\n"
        '<https://w3id.org/policygraph/id/plan/x> a pg:Plan ; pg:sourceFile "x.txt" .\n',
        encoding="utf-8",
    )
    result = runner.invoke(app, ["validate", str(graph), "--lang", "en"])
    assert result.exit_code == 1
    assert "The plan has no title" in result.stdout
    assert "The plan sets no target" in result.stdout


def test_cli_validate_missing_file_exits_2(tmp_path: Path) -> None:
    result = runner.invoke(app, ["validate", str(tmp_path / "nothing.ttl")])
    assert result.exit_code == 2
    assert "nothing.ttl: no such graphs folder" in result.stderr


def test_cli_query_unknown_parameter_is_refused(tmp_path: Path) -> None:
    result = runner.invoke(app, ["query", "department-targets", "--param", "x=1"])
    assert result.exit_code == 2
    assert "unknown parameter x" in result.stderr
