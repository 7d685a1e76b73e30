"""`policygraph validate DRAFT --context GRAPHS`: the built plans a draft implements are its
parents, found through the document index `build` writes (documents.tsv).

The plans are generated here: a province plan, a city plan implementing it, and a county
draft implementing the city plan; each sets 每千人口托位数 for 2025.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from policygraph.build import build_corpus
from policygraph.cli import app
from policygraph.context import INDEX_FILE, DocumentIndex
from tests.conftest import ROOT

runner = CliRunner()
PROVINCE_NUMBER = "云政办发〔2021〕90号"
CITY_NUMBER = "临政办发〔2022〕5号"
CITY_TITLE = "临沧市“一老一小”整体解决方案"


def plan_text(issuer: str, title: str, number: str, basis: str, places: str, unit: str) -> str:
    """A plan as a government site prints it: notice, number, basis, a target, two tasks."""
    return "\n".join(
        [
            f"{issuer}关于印发《{title}》的通知",
            "",
            number,
            "",
            issuer,
            "2022年6月1日",
            "",
            title,
            "",
            f"为积极应对人口老龄化，根据{basis}等文件精神，制定本方案。",
            "",
            "一、发展目标",
            "",
            f"到2025年，每千人口托位数达到{places}个，养老机构护理型床位占比达到60%。",
            "",
            "二、重点任务",
            "",
            "（一）扩大普惠托育服务供给",
            "",
            f"1.支持社会力量发展普惠托育服务。（责任单位：{unit}卫生健康委、{unit}发展改革委）",
            "",
            f"2.鼓励有条件的幼儿园开设托班。（责任单位：{unit}教育体育局）",
            "",
        ]
    )


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Texts/ holds the province and city plans and the county draft; graphs/ their build
    without the draft."""
    folder = tmp_path_factory.mktemp("context")
    texts, drafts = folder / "texts", folder / "drafts"
    texts.mkdir()
    drafts.mkdir()
    national = "《国务院办公厅关于促进养老托育服务健康发展的意见》（国办发〔2020〕52号）"
    (texts / "province.txt").write_text(
        plan_text(
            "云南省人民政府办公厅",
            "云南省“一老一小”整体解决方案",
            PROVINCE_NUMBER,
            national,
            "6",
            "省",
        ),
        encoding="utf-8",
    )
    province = f"《云南省“一老一小”整体解决方案》（{PROVINCE_NUMBER}）"
    city = plan_text("临沧市人民政府办公室", CITY_TITLE, CITY_NUMBER, province, "5", "市")
    (texts / "city.txt").write_text(city, encoding="utf-8")
    county = plan_text(
        "云县人民政府办公室",
        "云县“一老一小”整体解决方案",
        "云政办发〔2022〕9号",
        f"《{CITY_TITLE}》（{CITY_NUMBER}）",
        "4",
        "县",
    )
    (drafts / "county.txt").write_text(county, encoding="utf-8")
    by_title = county.replace(f"（{CITY_NUMBER}）", "")
    (drafts / "county-by-title.txt").write_text(by_title, encoding="utf-8")
    report = build_corpus([texts], folder / "graphs", jobs=1)
    assert not report.failed
    return folder


def findings(*args: str) -> list[dict[str, object]]:
    result = runner.invoke(app, ["validate", *args, "--format", "json"])
    assert result.exit_code == 0, result.stdout + result.stderr
    return json.loads(result.stdout)["findings"]


def weaker(found: list[dict[str, object]]) -> list[str]:
    return sorted(str(f["message"]) for f in found if f["rule"] == "TargetShape-parentValue")


def test_validate_context_reports_a_target_weaker_than_the_city_plan_it_implements(
    corpus: Path,
) -> None:
    draft = str(corpus / "drafts" / "county.txt")
    found = findings(draft, "--context", str(corpus / "graphs"))
    expected = f"2025年目标 4个 弱于上位政策 {CITY_NUMBER} 的同期目标（= 5个）"
    assert expected in weaker(found)
    rule = [f for f in found if f["rule"] == "TargetShape-parentValue"]
    (city,) = [f for f in rule if CITY_NUMBER in str(f["message"])]
    assert (city["file"], city["line"], city["quote"]) == (
        "county.txt",
        14,
        "每千人口托位数达到4个",
    )
    assert all(f["file"] == "county.txt" for f in found), "a finding of a context plan"
    assert not [m for m in weaker(findings(draft)) if CITY_NUMBER in m or PROVINCE_NUMBER in m]


def test_validate_context_follows_the_parent_plans_own_lineage(corpus: Path) -> None:
    """The city plan implements the province plan (6 per 1,000), also in the corpus."""
    found = findings(str(corpus / "drafts" / "county.txt"), "--context", str(corpus / "graphs"))
    expected = f"2025年目标 4个 弱于上位政策 {PROVINCE_NUMBER} 的同期目标（= 6个）"
    assert expected in weaker(found)


def test_validate_context_finds_a_plan_cited_by_title_only(corpus: Path) -> None:
    draft = str(corpus / "drafts" / "county-by-title.txt")
    found = findings(draft, "--context", str(corpus / "graphs"))
    assert f"2025年目标 4个 弱于上位政策 {CITY_NUMBER} 的同期目标（= 5个）" in weaker(found)


def test_validate_context_without_the_cited_plan_changes_nothing(corpus: Path) -> None:
    """graphs/ of the bundled corpus holds no plan the draft implements."""
    draft = str(corpus / "drafts" / "county.txt")
    assert findings(draft, "--context", str(ROOT / "graphs")) == findings(draft)


def test_validate_context_refuses_a_folder_without_index_in_one_line(tmp_path: Path) -> None:
    draft = ROOT / "tests" / "data" / "shapes" / "valid" / "Plan-001.ttl"
    result = runner.invoke(app, ["validate", str(draft), "--context", str(tmp_path)])
    assert result.exit_code == 2
    expected = f"error: {tmp_path}: no {INDEX_FILE}: build the context with `policygraph build`"
    assert result.stderr.strip() == expected


def test_build_index_keeps_plans_built_earlier_into_the_same_folder(corpus: Path) -> None:
    out = corpus / "graphs-in-steps"
    build_corpus([corpus / "texts" / "province.txt"], out, jobs=1)
    build_corpus([corpus / "texts" / "city.txt"], out, jobs=1)
    assert (out / INDEX_FILE).read_bytes() == (corpus / "graphs" / INDEX_FILE).read_bytes()
    index = DocumentIndex(out)
    assert index.find(CITY_NUMBER, None) == [out / "plans" / "city.ttl"]
    assert index.find(None, f"{CITY_TITLE}") == [out / "plans" / "city.ttl"]
    assert index.find("临政办发〔2022〕6号", "另一个方案") == []


def test_validate_context_does_not_call_the_parent_it_uses_unknown(corpus: Path) -> None:
    """Issue 14: with --context the city plan is found and used, so it is not reported as
    a document that could not be checked; without --context it is."""
    draft = str(corpus / "drafts" / "county.txt")

    def unchecked(found: list[dict[str, object]]) -> list[str]:
        return [str(f["quote"]) for f in found if f["rule"] == "PolicyDocumentShape-resolved"]

    assert any(CITY_NUMBER in quote for quote in unchecked(findings(draft)))
    with_context = unchecked(findings(draft, "--context", str(corpus / "graphs")))
    assert not any(CITY_NUMBER in quote for quote in with_context)


@pytest.fixture(scope="module")
def city_and_county(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A city plan setting a share, a per-head figure and a count of its own; a county
    draft that states the share in other words, the per-head figure, and no count."""
    folder = tmp_path_factory.mktemp("applicability")
    (folder / "texts").mkdir()
    city = plan_text("临沧市人民政府办公室", CITY_TITLE, CITY_NUMBER, "《国务院文件》", "5", "市")
    city = city.replace(
        "养老机构护理型床位占比达到60%。",
        "养老机构护理型床位占比达到60%，托育服务机构达到50家。",
    )
    (folder / "texts" / "city.txt").write_text(city, encoding="utf-8")
    county = plan_text(
        "云县人民政府办公室",
        "云县“一老一小”整体解决方案",
        "云政办发〔2022〕9号",
        f"《{CITY_TITLE}》（{CITY_NUMBER}）",
        "5",
        "县",
    ).replace("养老机构护理型床位占比达到60%", "养老机构中护理型床位比例达到60%")
    (folder / "county.txt").write_text(county, encoding="utf-8")
    assert not build_corpus([folder / "texts"], folder / "graphs", jobs=1).failed
    return folder


def test_validate_context_asks_a_county_for_shares_it_omits_not_for_city_counts(
    city_and_county: Path,
) -> None:
    """Issue 14: a parent's counts (托育服务机构 50家) are not demanded of a lower level
    (data/restatement.csv), an indicator stated in other words is matched before it is
    called missing, and a parent found in the context is not "not in the registry"."""
    folder = city_and_county
    found = findings(str(folder / "county.txt"), "--context", str(folder / "graphs"))
    missing = [f["message"] for f in found if f["rule"] == "PlanShape-parentIndicator"]
    assert not [m for m in missing if CITY_NUMBER in str(m)], missing
    unresolved = [f for f in found if f["rule"] == "PolicyDocumentShape-resolved"]
    assert not [f for f in unresolved if CITY_TITLE in str(f["quote"])]
    without_context = findings(str(folder / "county.txt"))
    assert [f for f in without_context if f["rule"] == "PolicyDocumentShape-resolved"]


def test_validate_context_still_reports_a_share_the_county_omits(city_and_county: Path) -> None:
    folder = city_and_county
    county = (folder / "county.txt").read_text(encoding="utf-8")
    (folder / "county-without-share.txt").write_text(
        county.replace("，养老机构中护理型床位比例达到60%", ""), encoding="utf-8"
    )
    found = findings(str(folder / "county-without-share.txt"), "--context", str(folder / "graphs"))
    missing = [str(f["message"]) for f in found if f["rule"] == "PlanShape-parentIndicator"]
    assert any(CITY_NUMBER in m and "养老机构护理型床位占比" in m for m in missing), missing
    assert not any("托育服务机构" in m for m in missing)


def test_parent_context_leaves_the_callers_draft_as_it_was(corpus: Path) -> None:
    """The API caller's draft graph still says what the draft itself says (pg:resolved false
    for the city plan it cites); only the context found says the city plan was resolved."""
    from rdflib import Literal

    from policygraph.build import build_file
    from policygraph.context import parent_context
    from policygraph.vocab import PG

    draft = build_file(corpus / "drafts" / "county.txt").graph
    before = set(draft)
    context = parent_context(draft, DocumentIndex(corpus / "graphs"))
    assert (None, PG.resolved, Literal(True)) in context
    assert set(draft) == before and (None, PG.resolved, Literal(False)) in draft
