"""validate.py and `policygraph validate`: findings that point at the text, on the corpus.

The corpus plans are validated as `policygraph validate` does, with the bundled registry
of parent policies; tests of one rule use tests/data/validate/registry.ttl, a registry
graph shaped as `policygraph.registry` writes it.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from rdflib import BNode, Graph
from rdflib.namespace import RDF, SH
from typer.testing import CliRunner

from policygraph.build import BuildReport
from policygraph.cli import app
from policygraph.validate import Report, plan_graphs_from, validate_graph, validate_graphs
from policygraph.vocab import PG, PGSH
from tests.conftest import CORPUS, DATA

runner = CliRunner()
REGISTRY = DATA / "validate" / "registry.ttl"


@pytest.fixture(scope="module")
def registry() -> Graph:
    return Graph().parse(REGISTRY, format="turtle")


@pytest.fixture(scope="module")
def corpus_reports(
    built: tuple[BuildReport, Path], registry: Graph
) -> dict[str, dict[str, Report]]:
    """Each corpus plan validated with the registry fixture, in both languages."""
    report, out = built
    return {
        b.path.stem: {
            lang: validate_graph(_plan_graph(out, b.path.stem), lang, registry=registry)
            for lang in ("zh", "en")
        }
        for b in report.built
    }


def _plan_graph(out: Path, stem: str) -> Graph:
    """A built plan's graph as written (parallel builds send back records, not graphs)."""
    return Graph().parse(out / "plans" / f"{stem}.ttl", format="turtle")


def by_rule(report: Report, rule: str) -> list[Any]:
    return [f for f in report.findings if f.rule == rule]


def test_validate_reports_lincang_places_target_below_the_national_one(
    corpus_reports: dict[str, dict[str, Report]],
) -> None:
    """Lincang sets 3 places per 1,000 for 2025; the national 十四五 target is 4.5. Lincang
    implements its province's opinion, so the national plan applies through the region."""
    (finding,) = by_rule(corpus_reports["lincang"]["zh"], "TargetShape-parentValue")
    assert finding.severity == "warning"
    assert finding.file == "lincang.txt"
    assert finding.line == 25
    assert finding.quote == "每千人口拥有3岁以下婴幼儿托位数3个"
    assert finding.label == "每千人口拥有3岁以下婴幼儿托位数"
    assert (
        finding.message
        == "2025年目标 3个 弱于上位政策 发改社会〔2021〕1946号 的同期目标（= 4.5个）"
    )
    source = (CORPUS / "lincang.txt").read_text(encoding="utf-8").splitlines()
    assert finding.quote in source[finding.line - 1]
    (english,) = by_rule(corpus_reports["lincang"]["en"], "TargetShape-parentValue")
    assert english.message.startswith("The 2025 target 3个 is weaker than the parent policy")


def test_validate_reports_the_citation_whose_number_contradicts_its_title(
    corpus_reports: dict[str, dict[str, Report]],
) -> None:
    """Xixian cites 《国务院办公厅关于促进养老托育服务健康发展的意见》 as 国办发(2023)52号;
    the title is that of 国办发〔2020〕52号."""
    (finding,) = by_rule(corpus_reports["xixian"]["zh"], "PolicyDocumentShape-discrepancy")
    assert finding.severity == "warning"
    assert (finding.file, finding.line) == ("xixian.txt", 2)
    assert "国办发(2023)52号" in finding.quote
    assert (
        finding.message
        == "引用的文号 国办发〔2023〕52号 与标题不符：该标题的文件是 国办发〔2020〕52号"
    )
    for plan in ("kunming", "lincang", "wanzhou", "zhoukou"):
        assert by_rule(corpus_reports[plan]["zh"], "PolicyDocumentShape-discrepancy") == []


def test_validate_compares_only_with_parent_targets_that_bind_the_plan(
    corpus_reports: dict[str, dict[str, Report]],
) -> None:
    """Kunming (4.5) and Xixian (4.6) meet the national 4.5; Wanzhou's table row has no unit,
    so it is not compared; Zhoukou's 4.1 is below it. Registry targets (…/target/parent/…)
    are never reported as the plan's faults."""
    for plan in ("kunming", "xixian", "wanzhou"):
        assert by_rule(corpus_reports[plan]["zh"], "TargetShape-parentValue") == [], plan
    (zhoukou,) = by_rule(corpus_reports["zhoukou"]["zh"], "TargetShape-parentValue")
    assert (zhoukou.line, zhoukou.message[:12]) == (82, "2025年目标 4.1个")
    for reports in corpus_reports.values():
        assert all("/target/parent/" not in f.focus for f in reports["zh"].findings)


def test_validate_names_the_targets_of_plans_that_name_no_owner(
    corpus_reports: dict[str, dict[str, Report]], built: tuple[BuildReport, Path]
) -> None:
    """Kunming names no 责任单位 at all (tests/gold/kunming.json): every target is reported,
    each with its quote and line."""
    _, out = built
    graph = _plan_graph(out, "kunming")
    targets = set(map(str, graph.subjects(RDF.type, PG.Target)))
    findings = by_rule(corpus_reports["kunming"]["zh"], "TargetShape-responsibleUnit")
    assert {f.focus for f in findings} == targets
    source = (CORPUS / "kunming.txt").read_text(encoding="utf-8").splitlines()
    for finding in findings:
        assert finding.message == "目标未明确责任单位（其所在任务也未写明）"
        assert " ".join(finding.quote.split()) in " ".join(source[finding.line - 1].split())


def test_validate_leaves_owned_targets_alone(
    corpus_reports: dict[str, dict[str, Report]],
) -> None:
    """Wanzhou's indicator table names a 责任单位 for every row; only goal-list targets
    without an owner (gold T39 新建和改造提升养老机构, T42 每年新增婴幼儿托位) are reported."""
    quotes = {
        f.quote for f in by_rule(corpus_reports["wanzhou"]["zh"], "TargetShape-responsibleUnit")
    }
    assert "新建和改造提升养老机构10家" in quotes
    assert "每年新增婴幼儿托位1000个以上" in quotes
    assert len(quotes) <= 5


def test_validate_does_not_bound_ratios_to_income_as_shares(
    corpus_reports: dict[str, dict[str, Report]],
) -> None:
    """不高于当年城镇职工可支配收入的150% is a ratio, not a share: no percentage violation."""
    assert all(r["zh"].conforms for r in corpus_reports.values())
    assert by_rule(corpus_reports["wanzhou"]["zh"], "TargetShape-percentage") == []


def test_validate_report_graph_is_one_shacl_report_of_the_findings(
    corpus_reports: dict[str, dict[str, Report]],
) -> None:
    report = corpus_reports["lincang"]["en"]
    (node,) = report.graph.subjects(RDF.type, SH.ValidationReport)
    assert len(list(report.graph.objects(node, SH.result))) == len(report.findings)
    assert report.plans == ("临沧市促进养老托育服务健康发展实施方案",)


def test_validate_prefers_the_quote_of_the_citation_a_missing_indicator_comes_from(
    registry: Graph,
) -> None:
    plan = Graph().parse(DATA / "shapes" / "invalid" / "Plan-parent-indicator-missing-001.ttl")
    report = validate_graph(plan, "en", registry=registry)
    (finding,) = by_rule(report, "PlanShape-parentIndicator")
    assert finding.line == 3
    assert finding.quote.startswith("《示例省人民政府关于促进养老托育服务健康发展的实施意见》")
    assert "“养老机构护理型床位占比”" in finding.message
    assert "国发〔2021〕35号" in finding.message


def _plan_file(tmp_path: Path, body: str) -> Path:
    path = tmp_path / "plan.ttl"
    path.write_text(
        "@prefix pg: <https://w3id.org/policygraph/ontology#> .\n"
        "@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .\n"
        "@prefix dcterms: <http://purl.org/dc/terms/> .\n"
        f"<https://w3id.org/policygraph/id/plan/x> a pg:Plan ; {body} .\n",
        encoding="utf-8",
    )
    return path


def test_cli_validate_warnings_fail_only_with_strict(tmp_path: Path) -> None:
    """A plan whose only faults are warnings (no date, no basis, a target without owner)."""
    path = Path(DATA / "shapes" / "invalid" / "Plan-basis-missing-001.ttl")
    assert runner.invoke(app, ["validate", str(path)]).exit_code == 0
    strict = runner.invoke(app, ["validate", str(path), "--strict", "--lang", "en"])
    assert strict.exit_code == 1
    assert "WARNINGS (1)" in strict.stdout
    assert "The plan cites no parent policy as its basis" in strict.stdout
    assert "demo.txt:1" in strict.stdout


def test_cli_validate_checks_a_folder_whose_other_file_is_no_plan(tmp_path: Path) -> None:
    """A reviewer's folder of texts: the plan is checked and reported, the page that is no
    policy text is named on stderr, and the exit status (2: validate keeps pySHACL's 0/1/2)
    and the verdict line both say that not every file was checked."""
    (tmp_path / "lincang.txt").write_text((CORPUS / "lincang.txt").read_text("utf-8"), "utf-8")
    (tmp_path / "news.txt").write_text(
        "今天天气晴朗，市民纷纷外出踏青，公园里游人如织。\n", "utf-8"
    )
    result = runner.invoke(app, ["validate", str(tmp_path), "--summary"])
    assert result.exit_code == 2
    assert "临沧市促进养老托育服务健康发展实施方案" in result.stdout
    assert "1 plan(s): conforms; 1 file(s) not checked, see the errors" in result.stdout
    assert f"error: {tmp_path / 'news.txt'}: not a policy text" in result.stderr
    (tmp_path / "lincang.txt").unlink()
    alone = runner.invoke(app, ["validate", str(tmp_path), "--summary"])
    assert alone.exit_code == 2
    assert alone.stdout == ""


def test_cli_validate_json_groups_findings_with_their_source(tmp_path: Path) -> None:
    path = _plan_file(tmp_path, 'pg:sourceFile "x.txt" ; rdfs:label "X规划"@zh')
    result = runner.invoke(app, ["validate", str(path), "--format", "json"])
    assert result.exit_code == 1
    document = json.loads(result.stdout)
    assert document["conforms"] is False
    assert document["summary"] == [{"plan": "X规划", "violation": 4, "warning": 2, "info": 0}]
    messages = {f["message"] for f in document["findings"]}
    assert "规划缺少标题" in messages
    assert {f["severity"] for f in document["findings"]} == {"violation", "warning"}
    assert all(f["plan"] == "X规划" and f["file"] == "x.txt" for f in document["findings"])


def test_cli_validate_ttl_is_the_shacl_report(tmp_path: Path) -> None:
    path = _plan_file(tmp_path, 'pg:sourceFile "x.txt"')
    result = runner.invoke(app, ["validate", str(path), "--format", "ttl"])
    assert result.exit_code == 1
    graph = Graph().parse(data=result.stdout, format="turtle")
    (node,) = graph.subjects(RDF.type, SH.ValidationReport)
    assert graph.value(node, SH.conforms).toPython() is False
    assert len(list(graph.objects(node, SH.result))) == 6
    for path in graph.objects(None, SH.resultPath):
        assert (path, None, None) in graph or not isinstance(path, BNode), "dangling path"
    (either,) = graph.subjects(SH.sourceShape, PGSH["PlanShape-issuedByOrJurisdiction"])
    assert graph.value(graph.value(either, SH.resultPath), SH.alternativePath) is not None


def test_cli_validate_refuses_an_unusable_text_in_one_line(tmp_path: Path) -> None:
    path = tmp_path / "draft.txt"
    path.write_bytes(b"")
    result = runner.invoke(app, ["validate", str(path)])
    assert result.exit_code == 2
    assert result.stderr.strip() == f"error: {path}: empty file"


def test_cli_validate_folder_prints_a_summary_row_per_plan(tmp_path: Path) -> None:
    folder = tmp_path / "graphs"
    (folder / "plans").mkdir(parents=True)
    for name in ("Plan-001", "Plan-002"):
        source = DATA / "shapes" / "valid" / f"{name}.ttl"
        text = source.read_text(encoding="utf-8").replace("plan\\/demo", f"plan\\/{name}")
        (folder / "plans" / f"{name}.ttl").write_text(text, encoding="utf-8")
    (folder / "vocabularies.ttl").write_text("", encoding="utf-8")
    result = runner.invoke(app, ["validate", str(folder)])
    assert result.exit_code == 0, result.stdout
    assert result.stdout.count("示例市促进养老托育服务健康发展实施方案") == 2
    assert "2 plan(s): conforms" in result.stdout


def test_cli_validate_refuses_graphs_without_a_plan(tmp_path: Path) -> None:
    path = tmp_path / "empty.ttl"
    path.write_text("", encoding="utf-8")
    result = runner.invoke(app, ["validate", str(path)])
    assert result.exit_code == 2
    assert f"error: {path}: no plan (pg:Plan) in these graphs" in result.stderr


def test_validate_asks_for_the_deadline_of_counts_not_of_standing_shares(
    corpus_reports: dict[str, dict[str, Report]],
) -> None:
    """Wanzhou's 新增普惠养老床位500张 states no year (gold T48); a share such as 不低于55%的
    本级福利彩票公益金用于支持发展养老服务 (Kunming) is a standing norm."""
    wanzhou = {f.quote for f in by_rule(corpus_reports["wanzhou"]["zh"], "TargetShape-deadline")}
    assert "新增普惠养老床位500张" in wanzhou
    for reports in corpus_reports.values():
        assert all("%" not in f.quote for f in by_rule(reports["zh"], "TargetShape-deadline"))


def test_plan_graphs_from_a_graphs_folder_keeps_only_the_plans() -> None:
    from policygraph.errors import InputError
    from policygraph.validate import plan_graphs_from

    graphs = Path(__file__).resolve().parents[1] / "graphs"
    plans = plan_graphs_from(graphs)
    assert len(plans) == len(list((graphs / "plans").glob("*.ttl")))
    assert all(len(list(g.subjects(RDF.type, PG.Plan))) == 1 for g in plans)
    with pytest.raises(InputError, match="no plan"):
        plan_graphs_from(graphs / "registry.ttl")


DRAFT = DATA / "drafts" / "county-draft.txt"
"""A county's draft with four planted defects (tests/data/drafts/README.md)."""


@pytest.fixture(scope="module")
def draft_report() -> Report:
    return validate_graphs(plan_graphs_from(DRAFT))


def test_validate_accepts_a_draft_titled_as_one(draft_report: Report) -> None:
    assert draft_report.plans == ("青岚县“一老一小”整体解决方案（征求意见稿）",)


def test_validate_reports_the_planted_defects_of_a_draft_and_nothing_else(
    draft_report: Report,
) -> None:
    found = sorted((f.rule, f.severity, f.line) for f in draft_report.findings)
    assert found == [
        ("MeasureShape-siblingOwners", "warning", 24),
        ("PlanShape-jurisdiction", "warning", 10),  # the plan's own heading under the notice
        ("PolicyDocumentShape-docNumberRepaired", "warning", 12),
        ("TargetShape-parentValue", "warning", 30),
    ]
    source = DRAFT.read_text(encoding="utf-8").splitlines()
    for finding in draft_report.findings:
        assert finding.quote and finding.quote in source[finding.line - 1], finding


def test_validate_names_the_unknown_region_by_the_title(draft_report: Report) -> None:
    (finding,) = by_rule(draft_report, "PlanShape-jurisdiction")
    assert "青岚县“一老一小”整体解决方案（征求意见稿）" in finding.message
    assert "地区数据" in finding.message


def test_validate_compares_a_plan_of_unknown_region_with_national_targets(
    draft_report: Report,
) -> None:
    (finding,) = by_rule(draft_report, "TargetShape-parentValue")
    assert finding.message == (
        "2025年目标 3个 弱于上位政策 发改社会〔2021〕1946号 的同期目标（= 4.5个）"
    )


def test_validate_tells_the_printed_and_the_repaired_number(draft_report: Report) -> None:
    (finding,) = by_rule(draft_report, "PolicyDocumentShape-docNumberRepaired")
    assert finding.message == "文号印作 国办发〔20195号，已按规范形式读作 国办发〔2019〕5号，请核对"
    assert "（国办发〔20195号）" in finding.quote


def test_validate_reports_the_task_that_names_no_owner_beside_owned_ones(
    draft_report: Report,
) -> None:
    (finding,) = by_rule(draft_report, "MeasureShape-siblingOwners")
    assert finding.quote == "2.发展老年助餐服务"
    assert by_rule(draft_report, "MeasureShape-responsibleUnit") == []


UNDATED_DRAFT = """\
{issuer}关于印发《{title}》的通知
各乡镇人民政府，县政府各部门：
为贯彻落实《国务院办公厅关于促进养老托育服务健康发展的意见》（国办发〔2020〕52号）精神，制定本方案。
一、主要目标
到2025年，每千人口拥有3岁以下婴幼儿托位数达到4.5个。
二、重点任务
（一）发展普惠托育服务。支持用人单位举办托育机构。（责任单位：县卫生健康委）
"""


def _undated(tmp_path: Path, title: str) -> Report:
    path = tmp_path / "draft.txt"
    path.write_text(UNDATED_DRAFT.format(issuer="绩溪县人民政府办公室", title=title), "utf-8")
    return validate_graphs(plan_graphs_from(path))


def test_validate_does_not_ask_a_draft_for_its_date_of_issue(tmp_path: Path) -> None:
    """A 征求意见稿 is dated when it is issued; the same text without the stage is told."""
    draft = _undated(tmp_path, "绩溪县“一老一小”整体解决方案（征求意见稿）")
    issued = _undated(tmp_path, "绩溪县“一老一小”整体解决方案")
    assert by_rule(draft, "PlanShape-issued") == []
    assert len(by_rule(issued, "PlanShape-issued")) == 1


def test_validate_does_not_check_the_plan_its_cover_notice_carries(tmp_path: Path) -> None:
    """The title …关于印发《X》的通知 names the plan itself: X is no citation to look up."""
    report = _undated(tmp_path, "绩溪县“一老一小”整体解决方案（征求意见稿）")
    checked = [f.quote for f in report.findings if f.rule.startswith("PolicyDocumentShape")]
    assert checked == []
    assert [f.rule for f in report.findings] == ["TargetShape-responsibleUnit"]


LATER_DEADLINE = """\
{region}养老服务体系建设实施方案
为贯彻落实《国务院关于印发“十四五”国家老龄事业发展和养老服务体系规划的通知》（国发〔2021〕35号），制定本方案。
一、主要目标
到2027年，养老机构护理型床位占比达到65%。（责任单位：县民政局）
二、重点任务
（一）发展护理型床位。推动养老机构改造护理型床位。（责任单位：县民政局）
{region}人民政府
{issued}
"""


def _later_deadline(tmp_path: Path, issued: str) -> list[Any]:
    path = tmp_path / "plan.txt"
    path.write_text(LATER_DEADLINE.format(region="绩溪县", issued=issued), "utf-8")
    return by_rule(validate_graphs(plan_graphs_from(path)), "TargetShape-parentYear")


def test_validate_tells_a_deadline_later_than_the_parents(tmp_path: Path) -> None:
    """Issued in 2022, a 2027 deadline for what 国发〔2021〕35号 wants by 2025 is late."""
    (finding,) = _later_deadline(tmp_path, "2022年6月1日")
    assert finding.message == "完成年份 2027 晚于上位政策 国发〔2021〕35号 对该指标要求的 2025 年"


def test_validate_lets_a_plan_issued_after_the_parents_deadline_set_a_later_one(
    tmp_path: Path,
) -> None:
    """湖北's 实施方案 of 2025 (鄂政发〔2025〕9号, tests/devset/tune) sets 2027 targets: the
    parent's 2025 is then no deadline it can still meet."""
    assert _later_deadline(tmp_path, "2025年7月4日") == []


def test_validate_leaves_bracket_styles_unreported_on_the_corpus(
    corpus_reports: dict[str, dict[str, Report]],
) -> None:
    """Xixian prints 市政办发(2023)1号 and 国办发(2023)52号: another bracket style, no repair."""
    repaired = by_rule(corpus_reports["xixian"]["zh"], "PolicyDocumentShape-docNumberRepaired")
    assert all("(2023)1号" not in f.quote for f in repaired)


@pytest.mark.parametrize(
    ("options", "status", "verdict"),
    [
        ([], 0, "1 plan(s): conforms"),
        (["--strict"], 1, "1 plan(s): does not conform under --strict (4 warnings)"),
    ],
)
def test_cli_validate_verdict_agrees_with_the_exit_status(
    options: list[str], status: int, verdict: str
) -> None:
    result = runner.invoke(app, ["validate", str(DRAFT), *options])
    assert result.exit_code == status
    assert result.stdout.strip().splitlines()[-1] == verdict
    as_json = runner.invoke(app, ["validate", str(DRAFT), *options, "--format", "json"])
    assert as_json.exit_code == status
    document = json.loads(as_json.stdout)
    assert (document["passed"], document["conforms"]) == (status == 0, True)


def _excerpt(tmp_path: Path, plan: str, first_line: int, end_after: str | None = None) -> Path:
    """A bundled plan copied from `first_line` on, as a page that starts mid-document, cut
    after the first `end_after` when given (a copy that stops mid-sentence)."""
    lines = (CORPUS / f"{plan}.txt").read_text(encoding="utf-8").splitlines()
    text = "\n".join(lines[first_line - 1 :])
    if end_after is not None:
        text = text[: text.index(end_after) + len(end_after)]
    path = tmp_path / f"{plan}-part.txt"
    path.write_text(text, encoding="utf-8")
    return path


@pytest.mark.parametrize(
    ("plan", "first_line"),
    [("lincang", 27), ("wanzhou", 674)],
    ids=["lincang-from-二、重点任务", "wanzhou-from-三、重点任务"],
)
def test_validate_builds_a_page_that_starts_mid_document_and_says_so(
    plan: str, first_line: int, tmp_path: Path
) -> None:
    """Pages that start at a later chapter are built (issue 12), and reported partial."""
    (graph,) = plan_graphs_from(_excerpt(tmp_path, plan, first_line))
    assert len(list(graph.subjects(RDF.type, PG.Measure))) > 3
    report = validate_graphs([graph], lang="en")
    (finding,) = by_rule(report, "PlanShape-startsMidDocument")
    assert finding.message.startswith("The text is partial: it starts mid-document")
    assert by_rule(report, "PlanShape-endsMidDocument") == []


@pytest.mark.parametrize(
    ("plan", "first_line", "end_after"),
    [
        ("lincang", 1, "统筹推进养老托育体制改革、"),
        ("wanzhou", 1, "处理好政府和市场关系,"),
        ("lincang", 1, "统筹推进养老托育体制"),
        ("wanzhou", 1, "统筹好兜底线、促普惠、市场化协同发展的路"),
    ],
    ids=["lincang", "wanzhou", "lincang-inside-a-word", "wanzhou-inside-a-word"],
)
def test_validate_reports_a_copy_that_stops_mid_sentence(
    plan: str, first_line: int, end_after: str, tmp_path: Path
) -> None:
    (graph,) = plan_graphs_from(_excerpt(tmp_path, plan, first_line, end_after))
    report = validate_graphs([graph])
    assert len(by_rule(report, "PlanShape-endsMidDocument")) == 1
    assert by_rule(report, "PlanShape-startsMidDocument") == []


def test_validate_reports_no_cut_in_the_whole_bundled_plans(
    corpus_reports: dict[str, dict[str, Report]],
) -> None:
    for plan, reports in corpus_reports.items():
        for rule in ("PlanShape-startsMidDocument", "PlanShape-endsMidDocument"):
            assert by_rule(reports["zh"], rule) == [], (plan, rule)


def test_validate_reports_what_a_fragment_lacks_instead_of_refusing_it(tmp_path: Path) -> None:
    """Lincang's 主要目标 paragraph alone: targets, no title and no tasks. Built; the title
    and the tasks are reported missing."""
    lines = (CORPUS / "lincang.txt").read_text(encoding="utf-8").splitlines()
    path = tmp_path / "goals.txt"
    path.write_text(lines[24], encoding="utf-8")
    (graph,) = plan_graphs_from(path)
    report = validate_graphs([graph])
    assert len(list(graph.subjects(RDF.type, PG.Target))) >= 5
    assert {f.rule for f in report.findings if f.severity == "violation"} >= {
        "PlanShape-title",
        "PlanShape-hasMeasure",
    }


def test_validate_tells_each_repaired_number_of_the_bundled_plans(
    corpus_reports: dict[str, dict[str, Report]],
) -> None:
    """Wanzhou prints its earlier documents' numbers with the closing bracket lost
    (万州府办发〔202023号) or lost altogether (万州委发20217); Xixian lost an opening one
    (市卫函2023)203号). Each is read, and reported with both forms."""
    wanzhou = by_rule(corpus_reports["wanzhou"]["zh"], "PolicyDocumentShape-docNumberRepaired")
    messages = {f.message for f in wanzhou}
    assert (
        "文号印作 万州府办发〔202023号，已按规范形式读作 万州府办发〔2020〕23号，请核对" in messages
    )
    assert "文号印作 万州委发20217，已按规范形式读作 万州委发〔2021〕7号，请核对" in messages
    assert all(f.severity == "warning" and f.line for f in wanzhou)
    (xixian,) = by_rule(corpus_reports["xixian"]["en"], "PolicyDocumentShape-docNumberRepaired")
    assert xixian.message == (
        "The document number is printed 市卫函2023）203号 and was read as 市卫函〔2023〕203号:"
        " please check"
    )


def test_validate_knows_the_region_of_a_national_plan_by_its_number(tmp_path: Path) -> None:
    """国家人口发展规划（2016—2030年） names no region in its title; 国发 is the 国务院's code."""
    path = tmp_path / "national.txt"
    path.write_text(
        "国务院关于印发国家人口发展规划（2016—2030年）的通知\n国发〔2016〕87号\n\n"
        "国家人口发展规划（2016—2030年）\n\n一、主要任务\n"
        "（一）完善人口服务体系。到2030年，全国总人口达到14.5亿人左右。\n",
        encoding="utf-8",
    )
    report = validate_graphs(plan_graphs_from(path))
    assert report.plans == ("国家人口发展规划（2016—2030年）",)
    assert by_rule(report, "PlanShape-jurisdiction") == []


def test_graphs_read_for_validation_hold_plain_strings_as_rdflib_parses_them(
    tmp_path: Path,
) -> None:
    from rdflib import Literal, URIRef

    from policygraph.store import read_turtle

    turtle = '<urn:s> <urn:p> "养老服务", "2025"^^<http://www.w3.org/2001/XMLSchema#gYear> .\n'
    path = tmp_path / "plan.ttl"
    path.write_text(turtle, encoding="utf-8")
    parsed = set(Graph().parse(data=turtle, format="turtle"))
    assert set(read_turtle(path)) == parsed
    assert (URIRef("urn:s"), URIRef("urn:p"), Literal("养老服务")) in parsed


def test_validate_orders_findings_of_one_line_and_rule_by_their_message(tmp_path: Path) -> None:
    """A plan citing a parent without its indicators gets one warning per missing indicator,
    all on the citation's line: they come in one order, run after run (the SHACL results
    come in an order of blank nodes and hashes)."""
    plan = tmp_path / "plan.txt"
    plan.write_text(
        "某县“十四五”养老服务体系建设规划\n\n"
        "根据《国务院关于印发“十四五”国家老龄事业发展和养老服务体系规划的通知》"
        "（国发〔2021〕35号），制定本规划。\n\n到2025年，全县养老机构床位达到500张。\n",
        encoding="utf-8",
    )
    graphs = plan_graphs_from(plan)
    runs = {tuple(f.message for f in validate_graphs(graphs).findings) for _ in range(4)}
    (messages,) = runs
    missing = [
        m
        for f, m in zip(validate_graphs(graphs).findings, messages, strict=True)
        if f.rule == "PlanShape-parentIndicator"
    ]
    assert len(missing) >= 3 and missing == sorted(missing)


def test_validating_built_graphs_does_not_load_the_text_pipeline() -> None:
    """A .ttl plan needs no extraction: its check imports neither spaCy nor the build."""
    code = (
        "import sys\n"
        "from pathlib import Path\n"
        "from policygraph.validate import plan_graphs_from, validate_graphs\n"
        "report = validate_graphs(plan_graphs_from(Path('graphs/plans/wanzhou.ttl')))\n"
        "print(len(report.plans), sorted({'spacy', 'policygraph.build'} & set(sys.modules)))"
    )
    done = subprocess.run(
        [sys.executable, "-c", code],
        capture_output=True,
        text=True,
        check=True,
        cwd=Path(__file__).parents[1],
    )
    assert done.stdout.strip() == "1 []"


def test_validate_names_the_plan_of_a_unit_only_a_duty_in_prose_names() -> None:
    """A unit named only by a duty assigned in prose (pg:Assignment) whose function is not
    known is reported under its plan and file, like the owners of targets and measures."""
    from policygraph.graph import plan_to_graph
    from policygraph.lexicon_data import load_lexicon
    from policygraph.nlp import plan_from_text
    from policygraph.normalize import normalize_text

    text = "某某工作分工意见\n推进某项工作，由市银发事业促进中心牵头负责。\n"
    plan = plan_from_text("duty.txt", normalize_text(text))
    report = validate_graph(plan_to_graph(plan, load_lexicon()))
    (finding,) = by_rule(report, "DepartmentShape-function")
    assert finding.label == "市银发事业促进中心"
    assert (finding.plan, finding.file) == ("某某工作分工意见", "duty.txt")
