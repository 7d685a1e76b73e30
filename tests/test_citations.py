"""Tests of extract/citations.py: every form of citation, typed by the writing (issue 5).

Snippets follow the writing of the bundled plans; the end-to-end cases are judged
against the gold `cited_policies` of tests/gold/*.json.
"""

from __future__ import annotations

from typing import Any

import pytest

from policygraph.evaluate import score_plan
from policygraph.extract.citations import find_citations, title_key
from policygraph.lexicon_data import load_lexicon
from policygraph.model import Citation, CitationRole
from policygraph.normalize import normalize_text

BASIS, PRIOR, OTHER = CitationRole.BASIS, CitationRole.PRIOR_LOCAL, CitationRole.OTHER
REGIONS = tuple(load_lexicon().regions)
STEMS = ["kunming", "lincang", "wanzhou", "xixian", "zhoukou"]


def cite(
    text: str, own_title: str | None = None, own_number: str | None = None, preamble_end: int = 0
) -> list[Citation]:
    normalized = normalize_text(text)
    return find_citations(
        normalized.text, normalized.quote, own_title, own_number, preamble_end, REGIONS
    )


def numbers(citations: list[Citation]) -> list[str | None]:
    return [c.number.normal if c.number else None for c in citations]


# --- forms -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param(
            "根据《国务院办公厅关于促进养老托育服务健康发展的意见》（国办发〔2020〕52号）精神，制定本方案。",
            [("国务院办公厅关于促进养老托育服务健康发展的意见", "国办发〔2020〕52号")],
            id="title-in-brackets-then-number",
        ),
        pytest.param(
            "认真执行《养老机构管理办法》，加强监管。",
            [("养老机构管理办法", None)],
            id="title-alone",
        ),
        pytest.param(
            "按照民发〔2019〕88号文件要求，开展评估。",
            [(None, "民发〔2019〕88号")],
            id="number-alone",
        ),
        pytest.param(
            "为贯彻落实国务院办公厅关于促进养老托育服务健康发展的意见(国办发(2020)52号)精神,制定本方案。",
            [("国务院办公厅关于促进养老托育服务健康发展的意见", "国办发〔2020〕52号")],
            id="issuer-spelled-out-no-brackets",
        ),
        pytest.param(
            "严格落实西安市推进养老服务高质量发展行动方案(市政办发(2023)47号)、"
            "西安市推进3岁以下婴幼儿照护服务工作实施方案(市政办发(2023)48号)等文件要求。",
            [
                ("西安市推进养老服务高质量发展行动方案", "市政办发〔2023〕47号"),
                ("西安市推进3岁以下婴幼儿照护服务工作实施方案", "市政办发〔2023〕48号"),
            ],
            id="several-plain-titles-digits-in-title",
        ),
        pytest.param(
            "根据《甲省关于养老服务的意见》（甲政发〔2021〕1号）、《乙市托育服务实施方案》（乙政办〔2022〕2号）等文件要求，制定本方案。",
            [
                ("甲省关于养老服务的意见", "甲政发〔2021〕1号"),
                ("乙市托育服务实施方案", "乙政办〔2022〕2号"),
            ],
            id="several-in-one-sentence",
        ),
        pytest.param(
            "推动实施西咸新区家庭病床服务管理试点工作实施方案和西咸新区家庭病床服务规范(试行),建立机制。",
            [
                ("西咸新区家庭病床服务管理试点工作实施方案", None),
                ("西咸新区家庭病床服务规范(试行)", None),
            ],
            id="issuer-in-front-no-brackets-no-number",
        ),
    ],
)
def test_citations_read_every_form(
    text: str, expected: list[tuple[str | None, str | None]]
) -> None:
    found = cite(text)
    assert [(c.title, c.number.normal if c.number else None) for c in found] == expected


def test_citations_need_an_issuer_in_front_of_a_bare_title() -> None:
    """Without 《》 or number, a title counts only when its issuer opens it."""
    assert cite("推动实施家庭病床服务管理试点工作实施方案,建立机制。") == []


def test_citations_keep_the_title_as_printed() -> None:
    """Issue 5: the title keeps its internal spaces (中共中央 国务院关于…)."""
    (found,) = cite(
        "为全面贯彻落实《中共中央 国务院关于优化生育政策 促进人口长期均衡发展的决定》(中发〔2021〕30号)"
    )
    assert found.title == "中共中央 国务院关于优化生育政策 促进人口长期均衡发展的决定"
    assert title_key(found.title) == title_key(
        "中共中央国务院关于优化生育政策促进人口长期均衡发展的决定"
    )


# --- roles -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "roles"),
    [
        pytest.param(
            "一、 出台背景\n为全面贯彻落实《中共中央 国务院关于优化生育政策 促进人口长期均衡发展的决定》(中发〔2021〕30号)和工作部署,进一步推进养老托育服务体系建设。",
            [BASIS],
            id="purpose-clause-after-a-heading",
        ),
        pytest.param(
            "（一）背景\n根据《云南省人民政府办公厅关于促进养老托育服务健康发展的实施意见》（云政办发〔2021〕34号）精神，结合我市实际，制定本方案。",
            [BASIS],
            id="genju-jingshen",
        ),
        pytest.param(
            "一、总则\n依据《老年人权益保障法》，制定本方案。",
            [BASIS],
            id="yiju",
        ),
        pytest.param(
            "一、总则\n按照《甲省养老服务条例》要求，结合实际，制定本方案。",
            [BASIS],
            id="anzhao-yaoqiu",
        ),
        pytest.param(
            "1.政策体系逐步完善。在贯彻落实国家政策的基础上,先后出台《周口市人民政府关于加快社会养老服务体系建设的意见》(周政〔2013〕49号)、"
            "《关于贯彻落实重庆市促进3岁以下婴幼儿照护服务发展实施意见的通知》(万州府办发〔2020〕23号)等配套文件。",
            [PRIOR, PRIOR],
            id="achievements-title-words-are-no-cues",
        ),
        pytest.param(
            "（一）统筹空间布局。落实《周口市人民政府办公室关于印发周口市住宅小区配建社区养老服务设施规划、建设、移交与管理办法(试行)的通知》(周政办〔2021〕19号)要求,新建居住小区按照每百户不低于30平方米配建。",
            [OTHER],
            id="luoshi-yaoqiu-inside-a-task",
        ),
    ],
)
def test_citations_role_follows_the_writing(text: str, roles: list[CitationRole]) -> None:
    assert [c.role for c in cite(text)] == roles


def test_citations_basis_cue_in_the_preamble_makes_a_basis() -> None:
    text = "遵照《甲省养老服务条例》，做好工作。\n一、总体要求"
    assert [c.role for c in cite(text, preamble_end=text.index("一"))] == [BASIS]


def test_citations_read_a_number_that_ends_the_text() -> None:
    """A copy cut off after the number (…（国发〔2021〕35号) still cites, its quote in the text."""
    text = (
        "根据《国务院关于印发“十四五”国家老龄事业发展和养老服务体系规划的通知》（国发〔2021〕35号"
    )
    (citation,) = cite(text)
    assert numbers([citation]) == ["国发〔2021〕35号"]
    assert citation.quote.text == text.removeprefix("根据")


# --- what is not a citation, and what is one document -------------------------------------


def test_citations_drop_the_pinyin_a_copy_site_put_in_a_title() -> None:
    """Issue 12, class 5: 自贡's 一老一小 plan on a copy site (tests/devset/tune) prints
    《自貢市“十三五”養(yǎng)老服務(wù)發(fā)展規(guī)劃》; the title keeps its characters, not the pinyin."""
    (found,) = cite("根據《自貢市“十三五”養(yǎng)老服務(wù)發(fā)展規(guī)劃》，制定本方案。")
    assert found.title == "自貢市“十三五”養老服務發展規劃"


def test_citations_leave_out_the_plan_its_cover_notice_title_carries() -> None:
    """The plan's own title is its cover notice (…关于印发《X》的通知): X is the plan."""
    title = "绩溪县人民政府办公室关于印发《绩溪县“一老一小”整体解决方案（征求意见稿）》的通知"
    text = f"{title}\n为贯彻落实《国务院办公厅关于促进养老托育服务健康发展的意见》，制定本方案。"
    found = cite(text, own_title=title)
    assert [c.title for c in found] == ["国务院办公厅关于促进养老托育服务健康发展的意见"]


def test_citations_leave_out_the_plan_itself() -> None:
    """Issue 5: the plan's own number in the body (万州府办发〔202297) is no citation."""
    text = "万州府办发〔202297\n起草了《万州区一老一小方案》(以下简称《方案》)。先后出台《托儿所方案》(万州府办发〔202133号)等。"
    found = cite(text, own_title="万州区一老一小方案", own_number="万州府办发〔2022〕97号")
    assert numbers(found) == ["万州府办发〔2021〕33号"]


COVER_NOTICES = (
    "各省、自治区、直辖市卫生健康委：\n为贯彻落实《国家积极应对人口老龄化中长期规划》，"
    "我委组织制定了《托育综合服务中心建设指南（试行）》（可从国家卫生健康委网站下载）。"
    "现印发给你们，请遵照执行。",  # 国卫办人口函〔2021〕629号
    "各省、自治区、直辖市卫生健康委：\n为贯彻落实《国家积极应对人口老龄化中长期规划》，"
    "现将《“十四五”健康老龄化规划》印发给你们，请认真贯彻执行。",  # 国卫老龄发〔2022〕4号
)


def test_citations_leave_out_the_document_a_cover_notice_carries() -> None:
    """Issue 12, class 8: a copy of a cover notice alone names the document it carries
    (现将《X》印发给你们); the notice is X's cover, not a citation of X."""
    for text in COVER_NOTICES:
        assert [c.title for c in cite(text)] == ["国家积极应对人口老龄化中长期规划"]


@pytest.mark.parametrize("abbreviation", ["实施意见", "分工方案", "本方案", "行动计划"])
def test_citations_leave_out_a_plans_abbreviation_of_itself(abbreviation: str) -> None:
    text = f"会议审议通过了《关于健康湖南行动的实施意见》（以下简称《{abbreviation}》）。"
    assert [c.title for c in cite(text)] == ["关于健康湖南行动的实施意见"]


def test_citations_skip_documents_still_to_be_written() -> None:
    text = "制定《临沧市“十四五”养老服务专项规划》、《临沧市“十四五”托育服务发展规划》，促进扩容。"
    assert cite(text) == []


def test_citations_merge_one_document_cited_twice() -> None:
    """Issue 5: 周政办〔2021〕19号 cited among achievements and again in a task is one
    document; the first mention's title and role stay."""
    text = (
        "先后出台《周口市人民政府办公室关于印发住宅小区配建办法的通知》(周政办〔2021〕19号)等。"
        "落实《周口市人民政府办公室关于印发周口市住宅小区配建办法的通知》(周政办〔2021〕19号)要求,配建设施。"
    )
    (found,) = cite(text)
    assert (found.role, found.title) == (
        PRIOR,
        "周口市人民政府办公室关于印发住宅小区配建办法的通知",
    )


def test_citations_a_basis_mention_wins_the_merge() -> None:
    text = "落实《甲市养老服务条例》要求,配建设施。\n根据《甲市养老服务条例》精神，制定本方案。"
    (found,) = cite(text)
    assert found.role is BASIS


# --- the corpus against the gold annotations -------------------------------------------------


@pytest.mark.parametrize("stem", STEMS)
def test_citations_numbers_recall_and_precision_on_gold(
    stem: str, plans: dict[str, Any], gold: dict[str, Any]
) -> None:
    """Issue 5 done-when: every cited number found in normal form, precision >= 0.95."""
    scores = score_plan(plans[stem], gold[stem], load_lexicon())
    assert scores.number_recall == 1.0
    assert scores.number_precision >= 0.95


@pytest.mark.parametrize("stem", STEMS)
def test_citations_roles_agree_with_gold(
    stem: str, plans: dict[str, Any], gold: dict[str, Any]
) -> None:
    expected = {c["doc_number"]: c["role"] for c in gold[stem]["cited_policies"] if c["doc_number"]}
    found = {c.number.normal: c.role.value for c in plans[stem].citations if c.number}
    assert found == expected


@pytest.mark.parametrize("stem", STEMS)
def test_citations_find_gold_titles_cited_without_number(
    stem: str, plans: dict[str, Any], gold: dict[str, Any]
) -> None:
    expected = {title_key(c["title"]) for c in gold[stem]["cited_policies"] if not c["doc_number"]}
    found = {title_key(c.title) for c in plans[stem].citations if c.title and not c.number}
    assert expected == found


@pytest.mark.parametrize(
    "notice",
    [
        pytest.param(
            "（经《临沧市人民政府关于公布规范性文件清理结果的决定》（临政发〔2024〕2号）清理，继续有效）",
            id="decision-titled-and-numbered",
        ),
        pytest.param("经临政办发〔2023〕11号文件清理，本文件继续有效。", id="number-alone"),
    ],
)
def test_a_validity_notice_is_no_citation(notice: str) -> None:
    """A database notes a document's validity after a clean-up (issue 12, class 8); the
    clean-up decision it names is no parent of the plan, and the basis is still found."""
    text = (
        "临沧市促进养老托育服务健康发展实施方案\n"
        f"{notice}\n"
        "根据《国务院办公厅关于促进养老托育服务健康发展的意见》（国办发〔2020〕52号）精神，"
        "结合我市实际，制定本实施方案。\n一、主要目标\n"
    )
    found = cite(text)
    assert numbers(found) == ["国办发〔2020〕52号"]
    assert found[0].role is BASIS
