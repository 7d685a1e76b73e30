"""Copies of a plan carry damage the plan does not (issue 12, class 5): each damage of
tests/damage.py, applied to each bundled plan, gives the build of the clean text; each
repair of copy_damage.py, unit by unit; and clean text has nothing for any of them."""

from __future__ import annotations

import random
import unicodedata
from pathlib import Path

import pytest
from scripts.damage_report import owner_keys

from policygraph.build import extract_plan
from policygraph.copy_damage import damage_spans, repair_copy
from policygraph.extract.citations import find_citations, title_key
from policygraph.model import Plan
from policygraph.normalize import normalize_text
from tests.conftest import CORPUS
from tests.damage import DAMAGES
from tests.test_formats import target_keys
from tests.test_mutations import assert_quotes_exact

PLANS = ("wanzhou", "lincang", "kunming", "xixian", "zhoukou")


@pytest.fixture(scope="module")
def clean_plans() -> dict[str, Plan]:
    return {name: extract_plan(CORPUS / f"{name}.txt") for name in PLANS}


NOT_YET_READ = {  # (plan, damage): what the copy loses that no rule can give back
    ("wanzhou", "run-together-sections"): "paragraphs that open without a number (在普惠托育"
    "服务方面，…) run into the one before: the measures of 万州's unnumbered paragraphs go",
    ("zhoukou", "run-together-sections"): "a 发展基础 paragraph and the 主要目标 paragraphs "
    "after it (“一老”方面。到2025年…) run together without a number between: their targets "
    "read as background",
}
"""Damaged copies that do not give the clean build (scripts/damage_report.py gives what
they cost); strict, so a copy that comes to hold is taken off."""


@pytest.mark.parametrize(
    ("name", "damage"),
    [
        pytest.param(name, damage, marks=pytest.mark.xfail(reason=why, strict=True))
        if (why := NOT_YET_READ.get((name, damage)))
        else (name, damage)
        for name in PLANS
        for damage in DAMAGES
    ],
)
def test_damaged_copy_gives_the_clean_build(
    name: str, damage: str, tmp_path: Path, clean_plans: dict[str, Plan]
) -> None:
    text = (CORPUS / f"{name}.txt").read_text(encoding="utf-8")
    copy = DAMAGES[damage](text, random.Random(f"{name}-{damage}"))
    path = tmp_path / f"{name}.txt"
    path.write_bytes(copy.encode("utf-8"))
    plan, clean = extract_plan(path), clean_plans[name]
    assert target_keys(plan) == target_keys(clean)
    assert len(plan.measures) == len(clean.measures)
    assert owner_keys(plan) == owner_keys(clean)
    assert (plan.title, plan.doc_number, plan.issued) == (
        clean.title,
        clean.doc_number,
        clean.issued,
    )
    assert_quotes_exact(plan, copy)
    if damage not in CITED_AS_PRINTED:
        assert cited(plan) == cited(clean)


CITED_AS_PRINTED = {"printed-pdf"}
"""Damages whose marks stay in cited titles: a citation quotes a title as the source prints
it (traditional characters kept), here with its line numbers and letter spacing."""


def cited(plan: Plan) -> set[tuple[object, ...]]:
    """The cited documents, by their titles as they print (full-width digits are digits)."""
    return {
        (unicodedata.normalize("NFKC", title_key(c.title or "")), c.number, c.role)
        for c in plan.citations
    }


@pytest.mark.parametrize("name", PLANS)
def test_clean_text_has_nothing_to_repair(name: str) -> None:
    """The normalised text of a clean plan is left as it is by every repair."""
    text = normalize_text((CORPUS / f"{name}.txt").read_text(encoding="utf-8")).text
    assert repair_copy(text) == (text, list(range(len(text))))
    assert damage_spans(text) == []


REPAIRS = {  # name: (a copy's text, its normalised text)
    "entities": ("&ldquo;十四五&rdquo;规划", "“十四五”规划"),
    "entities-escaped-twice": ("&amp;nbsp;&amp;nbsp;到2025年", "到2025年"),
    "ampersand-naming-nothing-kept": ("A&B&foo;", "A&B&foo；"),
    "invisible-characters": ("养\u200b老\ufeff服\u00ad务", "养老服务"),
    "cr-alone-is-a-line-break": ("一、总体要求\r到2025年", "一、总体要求\n到2025年"),
    "page-end-mid-line-joins": ("护理型床\f位占比达到55%", "护理型床位占比达到55%"),
    "page-end-after-stop": ("总体要求。\f二、重点任务", "总体要求。\n二、重点任务"),
    "ascii-quotes": ('实施"十四五"规划', "实施“十四五”规划"),
    "markup-quotes-kept": ('<sup id="0wauq">', '<sup id="0wauq">'),
    "full-stop-typed-half": ("达到55%.到2027年", "达到55%。到2027年"),
    "dots-kept": ("起草说明.pdf，4.5个，1.政府主导", "起草说明.pdf，4.5个，1.政府主导"),
    "contents-leader-kept": ("一、总体要求..........3", "一、总体要求..........3"),
    "ellipsis-typed-in-dots-kept": ("推进养老、托育......等服务", "推进养老、托育......等服务"),
    "heading-serial-with-point-kept": (
        "一.指导思想\n（一）.基本原则",
        "一.指导思想\n（一）.基本原则",
    ),
    "row-of-figures-kept": ("养老机构（个）  5  3  2  1  4  6", "养老机构（个）  5  3  2  1  4  6"),
    "letter-spaced-line": ("关 于 印 发 养 老 服 务 方 案", "关于印发养老服务方案"),
    "letter-spaced-numbers": ("到 2 0 2 5 年 达 到 9 5 %", "到2025年达到95%"),
    "space-at-quote": ("建立健全“一老一小” 志愿服务", "建立健全“一老一小”志愿服务"),
    "spam-line-on-top": (
        "高清视频在线观看|最新章节免费下载|全集在线播放|手机版免费阅读\n\n养老服务实施方案",
        "养老服务实施方案",
    ),
    "short-cells-on-top-kept": (
        "序号|指标名称|单位|属性\n1|养老床位|张|约束性",
        "序号|指标名称|单位|属性\n1|养老床位|张|约束性",
    ),
    "procedure-step-kept": (
        "审核：县级民政部门自收到申请之日起10个工作日内完成审核",
        "审核：县级民政部门自收到申请之日起10个工作日内完成审核",
    ),
    "spam-line-of-underscores": (
        "一、目标\n在线观看_免费下载_高清视频_手机版\n二、任务",
        "一、目标\n二、任务",
    ),
    "row-of-cells-kept": ("表1 指标\n序号|指标名称|单位|属性", "表1指标\n序号|指标名称|单位|属性"),
    "items-run-together-after-a-stop": (
        "一、总体要求\n（一）基本原则。坚持兜底线。（二）完善养老服务网络。建设一批中心。",
        "一、总体要求\n（一）基本原则。坚持兜底线。\n（二）完善养老服务网络。建设一批中心。",
    ),
    "item-after-its-owners": (
        "1.扩大普惠供给。建成机构。（市民政局、市卫生健康委按职责分工负责）2.促进市场化发展。",
        "1.扩大普惠供给。建成机构。（市民政局、市卫生健康委按职责分工负责）\n2.促进市场化发展。",
    ),
    "item-after-labelled-owners-without-a-stop": (
        "（五）强化服务。搭建立交桥（责任单位：区人力社保局、区教委）（六）培育新业态。",
        "（五）强化服务。搭建立交桥（责任单位：区人力社保局、区教委）\n（六）培育新业态。",
    ),
    "list-started-over-under-a-lost-heading": (
        "5.提升服务。（市民政局负责）1.深化医养结合。（市卫生健康委负责）2.促进康养融合。",
        "5.提升服务。（市民政局负责）\n1.深化医养结合。（市卫生健康委负责）\n2.促进康养融合。",
    ),
    "numbers-and-numbers-out-of-sequence-kept": (
        "1.扩大供给。床位达到1.5万张。2.3%的老年人。3.促进发展。",
        "1.扩大供给。床位达到1.5万张。2.3%的老年人。3.促进发展。",
    ),
    "items-of-a-copy-with-a-space-for-each-paragraph": (
        "一、王丹县长牵头重点工作 1.生产总值增长7.5%。 责任单位:县发改局 2.落实过紧日子要求。"
        " 责任单位:县财政局 二、曹惠明常务副县长牵头重点工作 1.坚持集体学法。",
        "一、王丹县长牵头重点工作\n1.生产总值增长7.5%。\n责任单位：县发改局\n2.落实过紧日子要求。"
        "\n责任单位：县财政局\n二、曹惠明常务副县长牵头重点工作\n1.坚持集体学法。",
    ),
    "heading-title-ends-at-its-space": (
        "（五）兜底线。完善兜底制度。 （六）强化居家社区服务 提升居家社区养老服务品质。",
        "（五）兜底线。完善兜底制度。\n（六）强化居家社区服务\n提升居家社区养老服务品质。",
    ),
    "chapters-of-a-one-line-copy": (
        "请认真贯彻执行。 一、“十一五”时期，各地区取得了显著成效。 二、充分认识节能减排的重要性。",
        "请认真贯彻执行。\n一、“十一五”时期，各地区取得了显著成效。\n二、充分认识节能减排的重要性。",
    ),
    "chapter-run-on-after-a-stop-read-where-it-stands": (
        "重点幼儿接受照护指导率达到98%以上。二、重点任务1健全养老托育服务规划体系。",
        "重点幼儿接受照护指导率达到98%以上。二、重点任务1健全养老托育服务规划体系。",
    ),
    "numbering-goes-on-across-a-chapter": (
        "一、实施背景\n（二）发展趋势。略。 二、总体要求 （三）指导思想。略。",
        "一、实施背景\n（二）发展趋势。略。\n二、总体要求\n（三）指导思想。略。",
    ),
    "a-one-line-copy-opening-with-its-heading": (
        "一、 出台背景 为全面贯彻落实决定，制定方案。 二、 主要内容 方案包含四个方面。",
        "一、出台背景\n为全面贯彻落实决定，制定方案。\n二、主要内容\n方案包含四个方面。",
    ),
    "paragraphs-of-a-one-line-copy": (
        "请认真贯彻执行。 2022年是开局之年。各部门要高度重视。 一、总体要求 （一）指导思想。",
        "请认真贯彻执行。\n2022年是开局之年。各部门要高度重视。\n一、总体要求\n（一）指导思想。",
    ),
    "space-after-a-stop-kept-on-a-line-of-one-paragraph": (
        "到2025年，床位达到1万张。 到2027年，床位达到2万张。",
        "到2025年，床位达到1万张。到2027年，床位达到2万张。",
    ),
    "item-whose-marker-a-space-hid": (
        "一、总体要求\n坚持兜底线。( 一) 完善服务网络。",
        "一、总体要求\n坚持兜底线。\n（一）完善服务网络。",
    ),
    "number-inside-a-cited-title-kept": (
        "1.健全制度。根据《方案。2.细则》执行。",
        "1.健全制度。根据《方案。2.细则》执行。",
    ),
}


@pytest.mark.parametrize("repair", list(REPAIRS))
def test_repair(repair: str) -> None:
    source, expected = REPAIRS[repair]
    assert normalize_text(source).text == expected


@pytest.mark.parametrize(
    "printed",
    [
        "根据《周 口 市 人 民 政 府 关 于 加 快 社 会 养 老 服 务 体 系 建 设 的 意 见》，",
        "根据《周口市人民政府关于加快社会养老服务\u200b体系建设的意见》，",
        "根据&#12298;周口市人民政府关于加快社会养老服务体系建设的意见&#12299;，",
    ],
)
def test_cited_title_quoted_from_a_copy_prints_as_the_title(printed: str) -> None:
    normalized = normalize_text(printed + "制定本方案。")
    (citation,) = find_citations(normalized.text, normalized.quote, None, None, 0)
    assert citation.title == "周口市人民政府关于加快社会养老服务体系建设的意见"


def test_quote_of_a_decoded_entity_is_the_whole_entity() -> None:
    source = "实施&ldquo;十四五&rdquo;规划"
    normalized = normalize_text(source)
    start = normalized.text.index("“")
    assert normalized.quote(start, start + 5).text == "&ldquo;十四五&rdquo;"


def test_a_line_ended_by_a_cr_alone_counts_as_a_line() -> None:
    """pg:line is the line an editor shows: an old Mac's CR ends a line as LF and CR LF do."""
    normalized = normalize_text("一、总体要求\r到2025年达到95%。\r\n（一）\n养老床位达到5万张。")
    starts = [normalized.text.index(s) for s in ("一、", "到2025", "（一）", "养老")]
    assert [normalized.quote(i, i + 2).line for i in starts] == [1, 2, 3, 4]


def test_line_numbers_dropped_table_numbers_kept() -> None:
    lines = [f"{i} 养老托育服务第{i}段。" for i in range(1, 13)]
    assert normalize_text("\n".join(lines)).text.split("\n")[0] == "养老托育服务第1段。"
    table = "表1 主要指标\n序号 指标\n" + "\n".join(f"{i} 养老床位{i}" for i in range(1, 13))
    assert "\n1养老床位1\n2养老床位2" in normalize_text(table).text  # the stray space goes


def test_repost_lines_dropped_article_line_kept() -> None:
    source = "一、总体要求。\n责任编辑：王静\n【打印】【关闭】\n编辑：李明 审核：张华\n来源：人民网\n二、主要任务。"
    assert normalize_text(source).text == "一、总体要求。\n来源：人民网\n二、主要任务。"


def test_long_line_of_repost_fields_is_read_field_by_field() -> None:
    """Each field is read on its own: a pattern over the whole line backtracked through
    every way of cutting 40 fields into values."""
    fields = " ".join(["编辑：李明", "审核：张华"] * 20)
    text = normalize_text(f"一、总体要求。\n{fields}\n{'编辑：' * 40}x。").text
    assert "李明" not in text
    assert "编辑：" * 40 + "x。" in text


def test_running_header_at_page_numbers_dropped_and_sentence_joined() -> None:
    page = "为积极应对人口老龄化，扎实推进养老托育服务高质量发展，结合本市实际，"
    source = (
        f"{page}制定本方案。\n\n— 1 —\n\n周口市人民政府文件\n{page}全面提升\n\n— 2 —\n\n"
        "周口市人民政府文件\n养老服务水平。"
    )
    assert normalize_text(source).text == f"{page}制定本方案。\n{page}全面提升养老服务水平。"


def test_line_repeated_away_from_page_numbers_is_content() -> None:
    cells = "\n".join(["区民政局", "养老床位数", "约束性"] * 4)
    assert normalize_text(cells).text == cells


@pytest.mark.parametrize("header", ["周口市人民政府文件", "周口市“一老一小”整体解决方案"])
def test_masthead_or_title_repeated_on_each_page_kept_once(header: str) -> None:
    body = "为积极应对人口老龄化，推进养老托育服务高质量发展，制定本方案。"
    pages = [f"{body}第{n}页。" for n in range(3)]
    source = "\n".join(f"{header}\n{page}" for page in pages)
    assert normalize_text(source).text == "\n".join([header, *pages])


def test_paragraph_printed_twice_kept_once_short_repeats_kept() -> None:
    paragraph = "到2025年，全市养老服务床位数达到6.7万张，护理型床位占比达到55%。"
    assert normalize_text(f"{paragraph}\n{paragraph}").text == paragraph
    assert normalize_text("合计\n合计").text == "合计\n合计"


def test_masthead_words_in_a_table_laid_out_one_cell_a_line_kept() -> None:
    """A 任务分工 table's 成果形式 column repeats 印发实施方案 row after row: cells, not a
    title printed at the top of each page."""
    rows = [
        ("1", "建立老年人能力综合评估制度，完善评估标准。", "市民政局"),
        ("2", "建设区域养老服务中心，推进街道全覆盖。", "市民政局"),
        ("3", "开展普惠托育专项行动，扩大托位供给。", "市卫生健康委"),
    ]
    cells = "\n".join(["序号", "重点任务", "责任单位", "成果形式"])
    table = cells + "".join(f"\n{n}\n{task}\n{unit}\n印发实施方案" for n, task, unit in rows)
    assert normalize_text(table).text == table


def test_cell_next_to_a_few_page_numbers_of_a_long_table_kept() -> None:
    """市民政局 ends two of seven pages of a 任务分工 table: a cell, not a running header."""
    units = ["市卫生健康委", "市教育局", "市财政局", "市人力资源社会保障局", "市医保局"]
    lines = ["序号", "重点任务", "责任单位"]
    for row in range(1, 31):
        lines += [str(row), f"第{row}项重点任务", "市民政局" if row in (4, 9) else units[row % 5]]
        if row in (4, 9, 14, 19, 24, 27):
            lines += ["", f"— {len(lines)} —", ""]
    assert normalize_text("\n".join(lines)).text.count("市民政局") == 2


def test_duty_line_under_each_task_kept() -> None:
    """The same 责任单位 line under two tasks is no paragraph printed twice."""
    duty = "责任单位：市民政局、市卫生健康委、市财政局"
    source = f"（一）建立老年人能力综合评估制度。\n{duty}\n（二）建设区域养老服务中心。\n{duty}"
    assert normalize_text(source).text == source
