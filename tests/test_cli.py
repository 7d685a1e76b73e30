"""cli.py: exit statuses and one-line errors for bad input."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from typer.testing import CliRunner

from policygraph.build import build_corpus
from policygraph.cli import app
from tests.conftest import CORPUS

runner = CliRunner()


NEWS_ITEM = (
    "市民政局召开养老服务工作推进会\n"
    "11月20日，市民政局召开全市养老服务工作推进会，总结前期工作，部署下一阶段任务。"
    "会议要求，各县区要提高认识，压实责任，确保各项工作落到实处。\n"
)


def _bad_inputs(folder: Path) -> dict[str, tuple[Path, str, int]]:
    plan = (CORPUS / "lincang.txt").read_bytes()
    (folder / "empty.txt").write_bytes(b"")
    (folder / "blank.txt").write_bytes(b" \n\t\n")
    (folder / "binary.txt").write_bytes(b"\x00\x01\x02PK\x03\x04" * 50)
    (folder / "plan.xls").write_bytes(b"\xd0\xcf\x11\xe0")
    (folder / "sjis.txt").write_bytes(
        ("これは日本語の文書です。介護施設の計画。" * 5).encode("shift_jis")
    )
    (folder / "cut.txt").write_bytes(plan[: plan.rindex("。".encode()) + 2])
    (folder / "broken.docx").write_bytes(b"PK\x03\x04\x14\x00\x06\x00")
    (folder / "latin.txt").write_text("This is an English page, not a plan." * 5, encoding="utf-8")
    (folder / "news.txt").write_text(NEWS_ITEM, encoding="utf-8")
    return {
        "missing": (folder / "nothing.txt", "no such file", 2),
        "empty": (folder / "empty.txt", "empty file", 2),
        "unknown-format": (folder / "plan.xls", "unsupported format .xls", 2),
        "whitespace": (folder / "blank.txt", "no text", 3),
        "binary": (folder / "binary.txt", "binary file (contains NUL bytes), not a text", 3),
        "unreadable-encoding": (folder / "sjis.txt", "unreadable encoding", 3),
        "truncated-utf8": (
            folder / "cut.txt",
            "truncated: the file ends inside a UTF-8 character",
            5,
        ),
        "truncated-docx": (folder / "broken.docx", "not a readable .docx, damaged or truncated", 5),
        "not-chinese": (folder / "latin.txt", "not a Chinese plan text", 6),
        "news-item": (folder / "news.txt", "not a policy text: no title, no 发文字号", 6),
    }


@pytest.mark.parametrize(
    "case",
    [
        "missing",
        "empty",
        "unknown-format",
        "whitespace",
        "binary",
        "unreadable-encoding",
        "truncated-utf8",
        "truncated-docx",
        "not-chinese",
        "news-item",
    ],
)
def test_cli_build_refuses_bad_input_in_one_line(case: str, tmp_path: Path) -> None:
    path, problem, status = _bad_inputs(tmp_path)[case]
    result = runner.invoke(app, ["build", str(path), "--out", str(tmp_path / "out")])
    assert result.exit_code == status
    assert f"error: {path}: {problem}" in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1
    assert "Traceback" not in result.stderr
    assert not (tmp_path / "out" / "plans").exists()


def test_cli_build_refuses_a_file_over_the_size_limit(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr("policygraph.read.MAX_BYTES", 1000)
    path = tmp_path / "lincang.txt"
    path.write_bytes((CORPUS / "lincang.txt").read_bytes())
    result = runner.invoke(app, ["build", str(path), "--out", str(tmp_path / "out")])
    assert result.exit_code == 4
    assert (
        f"error: {path}: file too large ({path.stat().st_size} bytes, limit 1000)" in result.stderr
    )


def test_cli_build_reports_every_bad_file_and_writes_the_good_ones(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    bad = _bad_inputs(folder)
    (folder / "lincang.txt").write_bytes((CORPUS / "lincang.txt").read_bytes())
    result = runner.invoke(app, ["build", str(folder), "--out", str(tmp_path / "out")])
    assert result.exit_code == 2  # the failures differ in kind
    reported = [line for line in result.stderr.splitlines() if line.startswith("error: ")]
    listed = {p for p, _, _ in bad.values() if p.suffix in {".txt", ".docx"} and p.exists()}
    assert len(reported) == len(listed)
    for path, problem, _ in bad.values():
        if path in listed:
            assert f"error: {path}: {problem}" in result.stderr
    assert (tmp_path / "out" / "plans" / "lincang.ttl").is_file()
    assert sorted(p.name for p in (tmp_path / "out" / "plans").iterdir()) == ["lincang.ttl"]


def test_cli_build_exits_with_the_status_its_failures_share(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_bytes(b"\x00\x01\x02PK\x03\x04" * 50)
    (tmp_path / "b.txt").write_bytes(b"\x7fELF\x02\x01\x01\x00" * 30)
    result = runner.invoke(app, ["build", str(tmp_path), "--out", str(tmp_path / "out")])
    assert result.exit_code == 3
    assert result.stderr.count("binary file") == 2


def _head(plan: str, lines: int) -> str:
    return "\n".join((CORPUS / f"{plan}.txt").read_text(encoding="utf-8").splitlines()[:lines])


def test_cli_build_accepts_policy_texts_that_are_not_whole_plans(tmp_path: Path) -> None:
    """Issue 12: what is a policy text is built, whatever it lacks (validate reports that):
    lincang up to its 主要目标 (a title, a basis, targets, no task), zhoukou's cover notice
    and title with its first paragraph (a single section, no numbered task), and a page
    without a title that starts at a later chapter (wanzhou from 三、重点任务)."""
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "goals.txt").write_text(_head("lincang", 25), encoding="utf-8")
    (folder / "opening.txt").write_text(_head("zhoukou", 4), encoding="utf-8")
    wanzhou = (CORPUS / "wanzhou.txt").read_text(encoding="utf-8").splitlines()
    (folder / "later.txt").write_text("\n".join(wanzhou[673:720]), encoding="utf-8")
    result = runner.invoke(app, ["build", str(folder), "--out", str(tmp_path / "out")])
    assert result.exit_code == 0, result.stderr
    built = sorted(p.name for p in (tmp_path / "out" / "plans").iterdir())
    assert built == ["goals.ttl", "later.ttl", "opening.ttl"]


def test_failed_rebuild_keeps_the_last_good_graph(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    plan = folder / "lincang.txt"
    plan.write_bytes((CORPUS / "lincang.txt").read_bytes())
    out = tmp_path / "out"
    assert runner.invoke(app, ["build", str(folder), "--out", str(out)]).exit_code == 0
    graph = out / "plans" / "lincang.ttl"
    good = graph.read_bytes()
    data = plan.read_bytes()
    plan.write_bytes(data[: data.rindex("。".encode()) + 2])  # a truncated re-download
    result = runner.invoke(app, ["build", str(folder), "--out", str(out)])
    assert result.exit_code == 5
    assert "truncated" in result.stderr
    assert graph.read_bytes() == good


def test_interrupted_build_leaves_no_half_written_graph(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    out = tmp_path / "out"
    assert (
        runner.invoke(app, ["build", str(CORPUS / "lincang.txt"), "--out", str(out)]).exit_code == 0
    )
    graph = out / "plans" / "lincang.ttl"
    good = graph.read_bytes()
    (tmp_path / "lincang.txt").write_text(
        (CORPUS / "lincang.txt").read_text(encoding="utf-8").replace("2025", "2026"),
        encoding="utf-8",
    )

    def interrupted(source: str, target: str) -> None:
        raise KeyboardInterrupt

    monkeypatch.setattr("policygraph.store.os.replace", interrupted)
    with pytest.raises(KeyboardInterrupt):
        build_corpus([tmp_path / "lincang.txt"], out)
    assert graph.read_bytes() == good
    assert sorted(p.name for p in graph.parent.iterdir()) == ["lincang.ttl"]


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
    assert "nothing.ttl: no such file or folder" in result.stderr


def test_cli_query_unknown_parameter_is_refused(tmp_path: Path) -> None:
    result = runner.invoke(app, ["query", "department-targets", "--param", "x=1"])
    assert result.exit_code == 2
    assert "unknown parameter x" in result.stderr


def test_cli_validate_keeps_exit_2_for_every_unusable_input(tmp_path: Path) -> None:
    """validate keeps pySHACL's 0/1/2 contract; build reports the finer codes."""
    binary = tmp_path / "draft.txt"
    binary.write_bytes(b"\x00\x01\x02" * 40)
    result = runner.invoke(app, ["validate", str(binary)])
    assert result.exit_code == 2
    assert f"error: {binary}: binary file" in result.stderr
    assert runner.invoke(app, ["build", str(binary), "--out", str(tmp_path / "o")]).exit_code == 3


def test_cli_validate_summary_prints_only_the_table() -> None:
    result = runner.invoke(app, ["validate", str(CORPUS / "lincang.txt"), "--summary"])
    assert result.exit_code == 0
    assert "Validation summary" in result.stdout
    assert "lincang.txt:" not in result.stdout


def test_cli_query_with_a_bad_iri_parameter_is_one_line() -> None:
    result = runner.invoke(app, ["query", "target-chain", "--param", "target=bad iri"])
    assert result.exit_code == 2, result.output
    assert result.exception is None or isinstance(result.exception, SystemExit)
    assert "is not an IRI" in result.output and len(result.output.strip().splitlines()) == 1


def test_cli_trace_to_an_unwritable_file_is_one_line(tmp_path: Path) -> None:
    missing = tmp_path / "no-such-folder" / "x.csv"
    missing.parent.write_text("a file, not a folder", encoding="utf-8")
    result = runner.invoke(app, ["trace", "--target", "护理型床位", "--out", str(missing)])
    assert result.exit_code == 2, result.output
    assert isinstance(result.exception, SystemExit)
    assert f"{missing}: cannot write" in result.output


@pytest.mark.parametrize(
    ("options", "written"),
    [
        (["trace", "--department", "民政", "--out", "{dir}/owes.csv"], "owes.csv"),
        (["trace", "--department", "民政", "--draw", "{dir}/owes.svg"], "owes.svg"),
        (["analyze", "--graphml", "{dir}/net.graphml"], "net-lineage.graphml"),
    ],
)
def test_cli_output_files_are_replaced_whole_or_not_at_all(
    options: list[str], written: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    old = tmp_path / written
    old.write_text("the last good output\n", encoding="utf-8")

    def disk_full(source: str, target: str) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr("policygraph.store.os.replace", disk_full)
    result = runner.invoke(app, [o.format(dir=tmp_path) for o in options])
    assert result.exit_code == 2, result.output
    assert "No space left on device" in result.output
    assert old.read_text(encoding="utf-8") == "the last good output\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == [written]


def test_cli_build_refuses_two_plans_with_one_name(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "wanzhou.txt").write_bytes((CORPUS / "wanzhou.txt").read_bytes())
    (folder / "wanzhou.html").write_text("<p>万州区</p>", encoding="utf-8")
    result = runner.invoke(app, ["build", str(folder), "--out", str(tmp_path / "out")])
    assert result.exit_code == 2, result.output
    assert "wanzhou.txt" in result.output and "wanzhou.html" in result.output
    assert not (tmp_path / "out").exists()


SMILING_PLAN = (
    "@prefix pg: <https://w3id.org/policygraph/ontology#> .\n"
    '<https://w3id.org/policygraph/id/plan/x> a pg:Plan ; pg:sourceFile "x.txt" ;\n'
    '    pg:quote "养老服务 :smile: 行动" ; pg:line 1 ;\n'
    '    <http://purl.org/dc/terms/issued> "今年 :smile:" .\n'
)


@pytest.mark.parametrize("fmt", ["json", "ttl"])
def test_cli_validate_machine_formats_print_text_as_it_is(fmt: str, tmp_path: Path) -> None:
    graph = tmp_path / "plan.ttl"
    graph.write_text(SMILING_PLAN, encoding="utf-8")
    result = runner.invoke(app, ["validate", str(graph), "--format", fmt])
    assert result.exit_code == 1, result.output
    # json carries the finding's quote, ttl the offending value (a date that is not one)
    assert ("今年 :smile:" if fmt == "ttl" else "养老服务 :smile: 行动") in result.stdout


def test_cli_validate_ttl_report_is_the_same_bytes_every_run() -> None:
    plan = str(CORPUS / "lincang.txt")
    first, second = (runner.invoke(app, ["validate", plan, "--format", "ttl"]) for _ in range(2))
    assert first.exit_code == 0, first.output
    assert "sh:ValidationResult" in first.stdout
    assert first.stdout == second.stdout


def test_cli_evaluate_prints_the_scores_of_each_gold_plan(tmp_path: Path) -> None:
    gold = Path(__file__).parent / "gold" / "lincang.json"
    (tmp_path / "lincang.json").write_bytes(gold.read_bytes())
    result = runner.invoke(app, ["evaluate", "--gold", str(tmp_path), "--corpus", str(CORPUS)])
    assert result.exit_code == 0, result.output
    assert result.stdout.splitlines()[0].split()[0] == "plan"
    assert any(line.startswith("lincang") for line in result.stdout.splitlines())


def test_cli_evaluate_json_sums_texts_by_failure_class_and_counts_refusals(
    tmp_path: Path,
) -> None:
    """Any folder: a gold file that names failure classes is summed per class; a text
    the build refuses misses every gold fact; an empty gold set is n/a, not 1.0."""
    gold_dir, texts = tmp_path / "gold", tmp_path / "texts"
    gold_dir.mkdir()
    texts.mkdir()
    lincang = json.loads((Path(__file__).parent / "gold" / "lincang.json").read_text("utf-8"))
    (texts / "lincang.txt").write_bytes((CORPUS / "lincang.txt").read_bytes())
    (gold_dir / "lincang.json").write_text(
        json.dumps({**lincang, "classes": [3], "source": "bundled"}, ensure_ascii=False), "utf-8"
    )
    (texts / "news.txt").write_text("今天天气很好，我们去公园散步。\n", encoding="utf-8")
    (gold_dir / "news.json").write_text(
        json.dumps({**lincang, "file": "news.txt", "classes": [3, 8]}, ensure_ascii=False),
        "utf-8",
    )
    result = runner.invoke(
        app, ["evaluate", "--gold", str(gold_dir), "--corpus", str(texts), "--json"]
    )
    assert result.exit_code == 0, result.output
    figures = json.loads(result.stdout)
    assert figures["plans"]["lincang.txt"]["recall"] == 1.0
    refused = figures["plans"]["news.txt"]
    assert refused["counts"]["refused"] == 1
    assert (refused["recall"], refused["precision"]) == (0.0, None)
    assert figures["classes"]["class 3"]["recall"] == 0.5
    assert figures["classes"]["class 8"]["counts"]["refused"] == 1
    assert figures["all"]["counts"]["gold_targets"] == 2 * len(
        [v for t in lincang["targets"] for v in t["values"]]
    )


def test_cli_evaluate_counts_a_value_in_wan_as_the_same_value(tmp_path: Path) -> None:
    """Annotators write 30万人 either as printed (30, 万人) or multiplied out (300000, 人)."""
    wanzhou = json.loads((Path(__file__).parent / "gold" / "wanzhou.json").read_text("utf-8"))
    (tmp_path / "printed").mkdir()
    (tmp_path / "printed" / "wanzhou.json").write_text(json.dumps(wanzhou), "utf-8")
    for target in wanzhou["targets"]:
        if target["unit"] == "万人":
            target["unit"] = "人"
            for value in target["values"]:
                if value["value"] is not None:
                    value["value"] = str(int(float(value["value"]) * 10_000))
    (tmp_path / "wanzhou.json").write_text(json.dumps(wanzhou, ensure_ascii=False), "utf-8")
    result = runner.invoke(
        app, ["evaluate", "--gold", str(tmp_path), "--corpus", str(CORPUS), "--json"]
    )
    figures = json.loads(result.stdout)["plans"]["wanzhou.txt"]
    printed = runner.invoke(
        app, ["evaluate", "--gold", str(tmp_path / "printed"), "--corpus", str(CORPUS), "--json"]
    )
    as_printed = json.loads(printed.stdout)["plans"]["wanzhou.txt"]
    assert any(t["unit"] == "人" for t in wanzhou["targets"])
    assert figures["recall"] == as_printed["recall"] == 1.0
    assert figures["unit_agreement"] == as_printed["unit_agreement"]


def test_cli_evaluate_scores_the_numbers_a_plan_prints_not_the_registrys(tmp_path: Path) -> None:
    """A parent cited by its title alone (as liaoning's news item cites 国办发〔2020〕52号) is
    resolved to the registry's entry, but the plan prints no number: the gold has none, so
    the registry's number is neither a hit nor a false citation; a printed one is both."""
    (tmp_path / "texts").mkdir()
    (tmp_path / "gold").mkdir()
    text = (
        "青岚县促进养老托育服务健康发展实施方案\n"
        "为贯彻落实《国务院办公厅关于促进养老托育服务健康发展的意见》{number}，结合实际，制定本方案。\n"
        "一、总体要求\n到2025年，全县养老机构护理型床位占比达到55%。\n"
    )
    lincang = json.loads((Path(__file__).parent / "gold" / "lincang.json").read_text("utf-8"))
    for stem, number in (("title-alone", ""), ("printed", "（国办发〔2020〕52号）")):
        (tmp_path / "texts" / f"{stem}.txt").write_text(text.format(number=number), "utf-8")
        cited = {
            "doc_number": number.strip("（）") or None,
            "title": "国务院办公厅关于促进养老托育服务健康发展的意见",
            "role": "basis",
        }
        gold = {**lincang, "file": f"{stem}.txt", "cited_policies": [cited]}
        (tmp_path / "gold" / f"{stem}.json").write_text(json.dumps(gold), "utf-8")
    result = runner.invoke(
        app,
        [
            "evaluate",
            "--gold",
            str(tmp_path / "gold"),
            "--corpus",
            str(tmp_path / "texts"),
            "--json",
        ],
    )
    figures = json.loads(result.stdout)["plans"]
    assert figures["title-alone.txt"]["counts"]["extracted_numbers"] == 0
    assert figures["printed.txt"]["counts"]["matched_numbers"] == 1


def test_cli_evaluate_without_gold_files_is_one_line(tmp_path: Path) -> None:
    result = runner.invoke(app, ["evaluate", "--gold", str(tmp_path)])
    assert result.exit_code == 2
    assert f"{tmp_path}: no gold annotations" in result.stderr


GRAPHS = Path(__file__).resolve().parents[1] / "graphs"
NARROW = {"COLUMNS": "80"}


def _fits_80_columns_with_labels(output: str) -> None:
    from rich.cells import cell_len

    assert output.strip()
    assert max(cell_len(line) for line in output.splitlines()) <= 80
    assert "https://" not in output, "a reader sees labels, not IRIs"
    assert "…" not in output, "cells wrap and fold, never cut"


def test_cli_query_list_prints_the_library_without_a_query() -> None:
    result = runner.invoke(app, ["query", "--list"])
    assert result.exit_code == 0
    assert "plan-lineage: 规划的上位政策有哪些？" in result.stdout
    missing = runner.invoke(app, ["query"])
    assert missing.exit_code == 2 and "give a QUERY" in missing.stderr


def test_cli_query_table_fits_80_columns_and_shows_plan_labels() -> None:
    result = runner.invoke(
        app, ["query", "department-targets", "--graphs", str(GRAPHS), "--limit", "15"], env=NARROW
    )
    assert result.exit_code == 0
    _fits_80_columns_with_labels(result.stdout)
    wide = runner.invoke(
        app, ["query", "department-targets", "--graphs", str(GRAPHS)], env={"COLUMNS": "300"}
    )
    assert re.search(r"│ 万州府办发〔2022〕97号 +│", wide.stdout)  # a plan by its number
    assert re.search(r"│ 周口市“一老一小”整体解决方案 +│", wide.stdout)  # or by its title
    as_csv = runner.invoke(
        app, ["query", "department-targets", "--graphs", str(GRAPHS), "--format", "csv"]
    )
    assert "https://w3id.org/policygraph/id/plan/wanzhou" in as_csv.stdout


def test_cli_trace_target_shows_labels_in_80_columns() -> None:
    args = ["trace", "--target", "护理型床位", "--plan", "周口", "--graphs", str(GRAPHS)]
    result = runner.invoke(app, args, env=NARROW)
    assert result.exit_code == 0
    _fits_80_columns_with_labels(result.stdout)
    header = next(line for line in result.stdout.splitlines() if "target" in line)
    assert "policy" in header and "comparator" not in header and "policyLabel" not in header
    wide = runner.invoke(app, args, env={"COLUMNS": "300"})
    assert re.search(r"│ 国办发〔2020〕52号 +│", wide.stdout)
    department = runner.invoke(
        app,
        ["trace", "--department", "区民政局", "--jurisdiction", "万州区", "--graphs", str(GRAPHS)],
        env=NARROW,
    )
    _fits_80_columns_with_labels(department.stdout)
