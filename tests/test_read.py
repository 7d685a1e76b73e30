"""read/ and normalize.py on real-world input: encodings, web pages, Word, PDF,
traditional characters, document-sharing wrappers (issue 8)."""

from __future__ import annotations

import io
from pathlib import Path

import docx
import pytest
from reportlab.pdfgen import canvas

from policygraph.build import extract_plan
from policygraph.errors import DamagedFileError, NotAPlanError, UnreadableTextError
from policygraph.model import Plan
from policygraph.normalize import normalize_text
from policygraph.read import MIN_CJK_SHARE, cjk_share, read_plan
from policygraph.read.pdf_tables import centred_groups, mend_tables
from policygraph.wrapping import COLUMN_GAP
from tests import saved_formats as save
from tests.conftest import CORPUS

PROSE = (
    "到2025年，全区养老机构护理型床位占比达到55%以上，每千人口拥有3岁以下婴幼儿托位数达到4.5个。\n"
)


@pytest.mark.parametrize(
    ("encoding", "name"),
    [
        ("utf-8", "utf-8"),
        ("utf-8-sig", "utf-8-sig"),
        ("utf-16", "utf-16"),
        ("utf-16-le", "utf-16-le"),
        ("utf-16-be", "utf-16-be"),
        ("gb18030", "gb18030"),
        ("gbk", "gb18030"),
    ],
)
def test_read_detects_the_encoding(encoding: str, name: str, tmp_path: Path) -> None:
    path = save.save_encoded(PROSE * 3, tmp_path / "plan.txt", encoding)
    source = read_plan(path)
    assert source.text == PROSE * 3
    assert source.encoding == name


def test_read_detects_big5_traditional_text(tmp_path: Path) -> None:
    text = "到2025年，全區養老機構護理型床位佔比達到55%以上，每千人口擁有托位數達到4.5個。\n"
    path = tmp_path / "plan.txt"
    path.write_bytes(text.encode("big5"))
    source = read_plan(path)
    assert (source.text, source.encoding) == (text, "big5")


def test_read_refuses_a_legacy_encoding_it_cannot_be_sure_of(tmp_path: Path) -> None:
    """Shift_JIS bytes decode as GB18030 and Big5 both, into unlikely characters."""
    path = tmp_path / "plan.txt"
    path.write_bytes(
        ("これは日本語の文書です。介護施設の計画について説明します。" * 5).encode("shift_jis")
    )
    with pytest.raises(UnreadableTextError, match=r"unreadable encoding.*save the file as UTF-8"):
        read_plan(path)


def test_read_names_a_utf8_file_cut_inside_a_character_truncated(tmp_path: Path) -> None:
    path = tmp_path / "plan.txt"
    path.write_bytes((PROSE * 3).rstrip("\n").encode("utf-8")[:-1])
    with pytest.raises(DamagedFileError, match="truncated: the file ends inside a UTF-8 character"):
        read_plan(path)


def test_read_names_a_gb18030_file_cut_inside_a_character_truncated(tmp_path: Path) -> None:
    path = tmp_path / "plan.txt"
    path.write_bytes((PROSE * 3).rstrip("\n").encode("gb18030")[:-1])
    with pytest.raises(
        DamagedFileError, match="truncated: the gb18030 text ends inside a character"
    ):
        read_plan(path)


def test_read_names_an_odd_length_utf16_file_truncated(tmp_path: Path) -> None:
    path = tmp_path / "plan.txt"
    path.write_bytes((PROSE * 3).encode("utf-16")[:-1])
    with pytest.raises(DamagedFileError, match="truncated: a UTF-16 file"):
        read_plan(path)


def test_traditional_text_is_read_and_quoted_in_its_own_characters(tmp_path: Path) -> None:
    path = save.save_traditional(
        (CORPUS / "lincang.txt").read_text(encoding="utf-8"), tmp_path / "l.txt"
    )
    plan = extract_plan(path)
    source = path.read_text(encoding="utf-8")
    assert plan.title == "临沧市促进养老托育服务健康发展实施方案"
    assert plan.title_quote is not None
    assert plan.title_quote.text == "臨滄市促進養老托育服務健康發展實施方案"  # its own heading
    for target in plan.targets:
        assert source[target.quote.start : target.quote.end] == target.quote.text


@pytest.mark.parametrize("name", ["zhoukou", "wanzhou"])
def test_traditional_text_gives_the_targets_of_the_simplified_one(
    name: str, tmp_path: Path
) -> None:
    """Issue 12, class 4: every cue word (不低于, 拥有, 达到, 以上) reaches the extractors."""
    path = save.save_traditional(
        (CORPUS / f"{name}.txt").read_text(encoding="utf-8"), tmp_path / f"{name}.txt"
    )

    def facts(plan: Plan) -> list[str]:
        return sorted(
            str((t.indicator, t.year, t.value, t.comparator, t.unit)) for t in plan.targets
        )

    simplified, traditional = extract_plan(CORPUS / f"{name}.txt"), extract_plan(path)
    assert facts(traditional) == facts(simplified)
    assert len(traditional.measures) == len(simplified.measures)


def test_html_metadata_table_wins_over_the_garbled_body(tmp_path: Path) -> None:
    text = (CORPUS / "wanzhou.txt").read_text(encoding="utf-8")
    body = "\n".join(
        line for line in text.split("\n") if not line.startswith("[")
    )  # no table lines
    table = {
        "索引号": "11500101008630031F/2022-00208",
        "发文字号": "万州府办发〔2022〕97号",
        "发布机构": "万州区政府办公室",
        "成文日期": "2022-09-22",
        "发布日期": "2022-09-23",
        "有效性": "有效",
    }
    path = save.save_html(body, tmp_path / "wanzhou.html", table)
    source = read_plan(path)
    assert dict(source.metadata) == table
    plan = extract_plan(path)
    assert plan.doc_number is not None and plan.doc_number.normal == "万州府办发〔2022〕97号"
    assert plan.doc_number_quote is not None
    assert (
        source.text.split("\n")[plan.doc_number_quote.line - 1]
        == "[ 发文字号 ] 万州府办发〔2022〕97号"
    )
    assert str(plan.issued) == "2022-09-22"
    assert plan.issuers == (
        "重庆市万州区人民政府办公室",
    )  # the body's full name beats the site's short form


def test_html_metadata_table_of_a_traditional_page_is_read(tmp_path: Path) -> None:
    """A page in traditional characters labels its table 發文字號 / 成文日期 (issue 12, class 4):
    the labels are matched as simplified, the values read as the plan's metadata."""
    import opencc

    to_traditional = opencc.OpenCC("s2t").convert
    text = (CORPUS / "wanzhou.txt").read_text(encoding="utf-8")
    body = "\n".join(line for line in text.split("\n") if not line.startswith("["))
    table = {"发文字号": "万州府办发〔2022〕97号", "成文日期": "2022-09-22"}
    path = save.save_html(
        to_traditional(body),
        tmp_path / "wanzhou.html",
        {to_traditional(k): to_traditional(v) for k, v in table.items()},
    )
    assert dict(read_plan(path).metadata) == {
        "发文字号": "萬州府辦發〔2022〕97號",
        "成文日期": "2022-09-22",
    }
    plan = extract_plan(path)
    assert plan.doc_number is not None and plan.doc_number.normal == "万州府办发〔2022〕97号"
    assert str(plan.issued) == "2022-09-22"


def test_html_drops_navigation_share_buttons_and_footers(tmp_path: Path) -> None:
    path = save.save_html(PROSE, tmp_path / "page.html", {"有效性": "有效"})
    text = normalize_text(read_plan(path).text).text
    assert PROSE.strip().replace("，", "，") in text
    for noise in (
        "政务公开",
        "您当前位置",
        "分享到",
        "打印本页",
        "ICP备",
        "服务热线",
        "var nav",
        "margin",
    ):
        assert noise not in text


def test_html_data_tables_are_read_cell_by_cell_and_layout_tables_as_blocks(tmp_path: Path) -> None:
    path = tmp_path / "t.html"
    path.write_text(
        "<html><body><table><tr><td><div>养老服务主要指标</div>"
        "<table><tr><th>序号</th><th>指标</th><th>2025年</th></tr>"
        "<tr><td>1</td><td>养老机构护理型床位占比（%）</td><td>55</td></tr></table>"
        "<p>表后正文。</p></td></tr></table></body></html>",
        encoding="utf-8",
    )
    assert read_plan(path).text.split("\n")[:8] == [
        "养老服务主要指标",
        "序号",
        "指标",
        "2025年",
        "1",
        "养老机构护理型床位占比（%）",
        "55",
        "表后正文。",
    ]


def test_docx_reads_paragraphs_and_real_tables_row_by_row(tmp_path: Path) -> None:
    document = docx.Document()
    document.add_paragraph("养老服务主要指标")
    grid = document.add_table(rows=2, cols=3)
    for index, cell in enumerate(["序号", "指标", "2025年", "1", "养老床位（张）", "5117"]):
        grid.cell(index // 3, index % 3).text = cell
    merged = document.add_table(rows=1, cols=3)
    merged.cell(0, 0).merge(merged.cell(0, 1)).text = "合并单元格"
    merged.cell(0, 2).text = "末格"
    document.add_paragraph("表后正文。")
    document.save(str(tmp_path / "plan.docx"))
    lines = read_plan(tmp_path / "plan.docx").text.split("\n")
    assert lines[:5] == [
        "养老服务主要指标",
        "| 序号 | 指标 | 2025年 |",
        "| 1 | 养老床位（张） | 5117 |",
        "| 合并单元格 |  | 末格 |",
        "表后正文。",
    ]


def test_pdf_joins_lines_wrapped_at_the_margin(tmp_path: Path) -> None:
    sentence = (
        "到2025年全区养老机构护理型床位占比达到百分之五十五以上且每千人口拥有托位数达到四点五个" * 3
        + "。"
    )
    path = save.save_pdf(sentence + "\n（一）加强组织领导\n", tmp_path / "plan.pdf")
    assert read_plan(path).text.split("\n")[:2] == [sentence, "（一）加强组织领导"]


GROUPED_TABLE = [
    "领域      序号   指标名称                       单位   2020年  2025年  属性",
    "        1    养老机构护理型床位占                 %    45     55     约束性",
    "             比",
    "养老服务    2    特殊困难老年人月探访                 %    —      100    预期性",
    "             率",
    "        3    街道综合养老服务机构                 %    30     ≥60    预期性",
    "             覆盖率",
    "        4    每千人口拥有3岁以下                 个    1.8    4.5    约束性",
    "             婴幼儿托位数",
    "托育服务    5    普惠性托位占比                    %    —      60     预期性",
]
"""A main-indicator table as pypdf lays it out: names wrapped inside their column, the
merged 领域 cell printed once, on the middle row of its group."""


def cells(lines: list[str]) -> list[list[str]]:
    return [COLUMN_GAP.split(line.strip()) for line in lines]


def test_pdf_table_cells_wrapped_in_their_column_and_merged_cells_go_to_their_rows() -> None:
    after = ["附件", "各乡镇养老服务设施建设任务分解表"]
    assert cells(mend_tables(["主要指标如下：", *GROUPED_TABLE, *after])) == [
        ["主要指标如下："],
        ["领域", "序号", "指标名称", "单位", "2020年", "2025年", "属性"],
        ["养老服务", "1", "养老机构护理型床位占比", "%", "45", "55", "约束性"],
        ["养老服务", "2", "特殊困难老年人月探访率", "%", "—", "100", "预期性"],
        ["养老服务", "3", "街道综合养老服务机构覆盖率", "%", "30", "≥60", "预期性"],
        ["托育服务", "4", "每千人口拥有3岁以下婴幼儿托位数", "个", "1.8", "4.5", "约束性"],
        ["托育服务", "5", "普惠性托位占比", "%", "—", "60", "预期性"],
        ["附件"],
        ["各乡镇养老服务设施建设任务分解表"],
    ]


def test_pdf_table_wrapped_header_cell_and_merged_cell_between_two_rows() -> None:
    lines = [
        "领域      序号   指标名称            单位   2025年目",
        "                                   标值",
        "        1    养老机构护理型床位占比      %    55",
        "养老服务",
        "        2    特殊困难老年人月探访率      %    100",
        "托育服务    3    普惠性托位占比          %    60",
    ]
    assert cells(mend_tables(lines)) == [
        ["领域", "序号", "指标名称", "单位", "2025年目标值"],
        ["养老服务", "1", "养老机构护理型床位占比", "%", "55"],
        ["养老服务", "2", "特殊困难老年人月探访率", "%", "100"],
        ["托育服务", "3", "普惠性托位占比", "%", "60"],
    ]


def test_pdf_table_first_column_wrapped_where_the_table_goes_on() -> None:
    lines = [
        "类别    序号   指标名称              2025年",
        "养老    1    养老机构护理型床位占比      55",
        "服务",
        "        2    特殊困难老年人月探访率      100",
        "托育    3    普惠性托位占比          60",
        "附件",
        "各乡镇养老服务设施建设任务分解表",
    ]
    assert cells(mend_tables(lines))[1:] == [
        ["养老服务", "1", "养老机构护理型床位占比", "55"],
        ["2", "特殊困难老年人月探访率", "100"],
        ["托育", "3", "普惠性托位占比", "60"],
        ["附件"],
        ["各乡镇养老服务设施建设任务分解表"],
    ]


def test_pdf_table_merged_cell_printed_beside_the_rest_of_a_wrapped_cell() -> None:
    lines = [
        "领域      序号   指标名称                       单位   2025年",
        "        1    养老机构护理型床位占比               %    55",
        "        2    特殊困难老年人月探访                 %    100",
        "养老服务         率",
        "        3    普惠性托位占比                    %    60",
    ]
    assert cells(mend_tables(lines))[1:] == [
        ["养老服务", "1", "养老机构护理型床位占比", "%", "55"],
        ["养老服务", "2", "特殊困难老年人月探访率", "%", "100"],
        ["养老服务", "3", "普惠性托位占比", "%", "60"],
    ]


@pytest.mark.parametrize(
    "lines",
    [
        [
            "\u3000\u3000到2025年，养老托育服务体系基本健全，主要指标如下表。全区养老机构",
            "护理型床位占比达到55%。",
            "                                  附件",
        ],
        [  # 领域 printed at the top of its group: the reading downstream carries it on
            "领域      序号   指标名称            单位   2025年",
            "养老服务    1    养老机构护理型床位占比      %    55",
            "        2    特殊困难老年人月探访率      %    100",
            "托育服务    3    普惠性托位占比          %    60",
            "        4    每千人口拥有3岁以下婴幼儿托位数    个    4.5",
        ],
        [  # a value under a figure column is no part of the cell above
            "序号   指标名称            单位   2025年",
            "1    养老机构护理型床位占比      %    55",
            "                                ≥60",
            "2    特殊困难老年人月探访率      %    100",
        ],
    ],
)
def test_pdf_lines_without_wrapped_cells_or_merged_cells_to_place_stay_as_laid_out(
    lines: list[str],
) -> None:
    assert mend_tables(lines) == lines


@pytest.mark.parametrize(
    ("printed", "count", "groups"),
    [
        ([3, 9, 11], 6, [0, 0, 0, 1, 1, 2]),  # GROUPED_TABLE with a 6th row: 3, 2 and 1 rows
        ([5, 9], 5, [0, 0, 0, 0, 1]),  # 4 rows and 1: the even split does not fit
        ([4, 9], 5, [0, 0, 0, 0, 1]),  # 4 rows printed between rows 1 and 2, then 1
        ([7, 15], 8, [0, 0, 0, 0, 0, 0, None, 1]),  # row 6 fits either group: left empty
        ([3, 13], 8, None),  # no layout of centred cells fits
        ([1, 5], 4, None),  # the first row holds its cell: top-aligned or not, nothing tells
    ],
)
def test_merged_cells_centred_on_their_group(
    printed: list[int], count: int, groups: list[int | None] | None
) -> None:
    assert centred_groups(printed, count) == groups


def test_pdf_without_a_text_layer_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "scan.pdf"
    pdf = canvas.Canvas(str(path))
    pdf.rect(50, 50, 200, 200, fill=1)
    pdf.showPage()
    pdf.save()
    with pytest.raises(UnreadableTextError, match="no text layer"):
        read_plan(path)


def _docx_bytes() -> bytes:
    buffer = io.BytesIO()
    document = docx.Document()
    document.add_paragraph(PROSE)
    document.save(buffer)
    return buffer.getvalue()


@pytest.mark.parametrize(
    ("name", "data", "problem"),
    [
        ("cut.docx", _docx_bytes()[:2000], "not a readable .docx, damaged or truncated"),
        ("fake.docx", b"PK\x03\x04 not really a zip", "not a readable .docx, damaged or truncated"),
        ("fake.pdf", b"%PDF-1.4\n%%EOF garbage", "not a readable PDF, damaged or truncated"),
    ],
)
def test_damaged_packages_are_named_damaged(
    name: str, data: bytes, problem: str, tmp_path: Path
) -> None:
    path = tmp_path / name
    path.write_bytes(data)
    with pytest.raises(DamagedFileError, match=problem):
        read_plan(path)


FILLER = "养老托育服务体系建设持续推进，服务供给能力不断增强，" * 3


@pytest.mark.parametrize(
    "marker",
    ["2、", "第2页", "第 2 页 共 7 页", "第2页/共7页", "- 2 -", "— 2 —", "2/7", "Page 2 of 7"],
)
def test_sharing_site_page_markers_are_dropped_and_the_sentence_joins(marker: str) -> None:
    source = (
        "《某方案.docx》由会员分享,可在线阅读,更多相关《某方案.docx(7页珍藏版)》请在文库网上搜索。\n"
        f"1、{FILLER}婴幼儿早期\n{marker}{'' if marker.endswith('、') else chr(10)}"
        f"发展知识普及率达95%以上{FILLER}\n3、{FILLER}结束。\n还剩5页未读，继续阅读\n"
    )
    text = normalize_text(source).text
    assert "婴幼儿早期发展知识普及率" in text
    assert "会员分享" not in text and "继续阅读" not in text


@pytest.mark.parametrize(
    "table",
    [
        "<table><tr><td>索引号：</td><td>000/2022-1</td><td>发文字号：</td><td>临政办发〔2022〕21号</td></tr>"
        "<tr><td>成文日期：</td><td>2022-03-13</td><td>有效性：</td><td></td></tr></table>",
        "<ul><li><b>索引号：</b>000/2022-1</li><li><b>发文字号：</b>临政办发〔2022〕21号</li>"
        "<li><b>成文日期：</b>2022-03-13</li></ul>",
        "<div><span>[ 索引号 ]</span><span>000/2022-1</span></div>"
        "<div><span>[ 发文字号 ]</span><span>临政办发〔2022〕21号</span></div>"
        "<div><span>[ 成文日期 ]</span><span>2022-03-13</span></div>",
    ],
    ids=["four-column-table", "list-with-bold-labels", "bracketed-spans"],
)
def test_html_reads_the_metadata_table_in_the_layouts_sites_use(table: str, tmp_path: Path) -> None:
    path = tmp_path / "page.html"
    path.write_text(f"<html><body>{table}<p>{PROSE}</p></body></html>", encoding="utf-8")
    source = read_plan(path)
    assert dict(source.metadata) == {
        "索引号": "000/2022-1",
        "发文字号": "临政办发〔2022〕21号",
        "成文日期": "2022-03-13",
    }
    assert source.text.split("\n")[0] == PROSE.strip()


def test_html_prose_that_starts_with_a_metadata_word_stays_prose(tmp_path: Path) -> None:
    path = tmp_path / "page.html"
    path.write_text(
        f"<html><body><p>有效性评估每年开展一次。</p><p>{PROSE}</p></body></html>", encoding="utf-8"
    )
    source = read_plan(path)
    assert source.metadata == ()
    assert source.text.split("\n")[0] == "有效性评估每年开展一次。"


@pytest.mark.parametrize(
    ("line", "noise"),
    [
        ("Copyright © 1998-2024 某某资讯股份有限公司 违法和不良信息举报电话：400-639-9936", True),
        ("主办单位：区政府办公室 网站标识码5001010001 渝ICP备05003300号", True),
        ("您当前位置：首页 > 政务公开 > 政策文件", True),
        ("首页 政务公开 政务服务 互动交流 数据发布", True),
        ("日期：2022-09-22 来源：万州区政府办公室", True),
        ("  • 文字解读", True),
        ("养老服务热线接通率（%）", False),
        ("开通12349养老服务热线，服务热线：12349，及时回应老年人诉求。", False),
        ("（一）加强组织领导", False),
    ],
)
def test_site_noise_lines_are_dropped_and_prose_kept(line: str, noise: bool) -> None:
    text = normalize_text(f"正文第一行。\n{line}\n正文末行。").text
    assert (line.strip().replace(":", "：") not in text) == noise


def test_a_bilingual_edition_is_read_as_chinese_and_an_english_page_is_not(
    tmp_path: Path,
) -> None:
    """中英文对照版 copies (tests/devset/texts/guoban-yinfa-jingji-yijian-zhongying-docx.txt)
    carry fewer ideographs than Latin letters, yet hold the Chinese text."""
    paragraph = (
        "国务院办公厅关于发展银发经济增进老年人福祉的意见。各省、自治区、直辖市人民政府：" * 6
    )
    translation = "Opinions of the General Office of the State Council on the Silver Economy. " * 40
    bilingual = tmp_path / "bilingual.txt"
    bilingual.write_text(paragraph + "\n" + translation, encoding="utf-8")
    assert cjk_share(bilingual.read_text(encoding="utf-8")) < MIN_CJK_SHARE
    assert read_plan(bilingual).text.startswith("国务院办公厅")
    english = tmp_path / "english.txt"
    english.write_text("国务院 " + translation, encoding="utf-8")
    with pytest.raises(NotAPlanError, match="not a Chinese plan text"):
        read_plan(english)


@pytest.mark.parametrize(
    "formula",
    [
        # 国家卫健委 2025 托育服务质量提升行动 notice (tests/devset/tune, a channel-page teaser)
        "现将有关事项通知如下:",
        # 国办 2019 消费扶贫 and 国发 2019 双随机 opinions (tests/devset/tune)
        "经国务院同意，现提出如下意见。",
    ],
)
def test_a_teaser_that_prints_the_enacting_formula_is_built(formula: str, tmp_path: Path) -> None:
    """Issue 12: a page cut before its title, number and tasks is still a policy text when
    it prints the formula that enacts a notice or an opinion; the same page without it is
    refused as no policy text."""
    opening = (
        "为深入推进托育服务健康发展,持续提升托育服务质量,国家卫生健康委、中国计生协决定组织"
        "开展全国托育服务质量提升行动。"
    )
    teaser = tmp_path / "teaser.txt"
    teaser.write_text(opening + formula + "深入贯彻党的二十届三中全会精神", "utf-8")
    plan = extract_plan(teaser)
    assert (plan.title, plan.targets, plan.measures) == (None, (), ())
    teaser.write_text(opening + "深入贯彻党的二十届三中全会精神", "utf-8")
    with pytest.raises(NotAPlanError, match="no enacting formula"):
        extract_plan(teaser)


GOV_CN_TABLE = """<table width="860" border="0" cellpadding="0" cellspacing="0" class="bd1"> <tbody>
 <tr> <td width="70"><b>索 引 号：</b></td> <td width="360">000014349/2018-00216</td>
  <td width="70"><b>主题分类：</b></td> <td width="360">公安、安全、司法\\司法</td> </tr>
 <tr> <td><b>发文机关：</b></td> <td>国务院办公厅</td> <td><b>成文日期：</b></td> <td>2018年12月04日</td> </tr>
 <tr> <td><b>标　　题：</b></td>
  <td colspan="3">国务院办公厅关于全面推行行政规范性文件合法性审核机制的指导意见</td> </tr>
 <tr> <td><b>发文字号：</b></td> <td>国办发〔2018〕115号</td> <td><b>发布日期：</b></td> <td>2018年12月20日</td> </tr>
</tbody> </table>
<table width="860" border="0" cellpadding="0" cellspacing="0" class="bd1"> <tbody>
 <tr> <td width="70" valign="top"><b>主 题 词：</b></td> <td width="351" valign="top">民政　社团　方案　通知</td>
  <td width="68" valign="top"></td> <td valign="top"></td> </tr>
</tbody> </table>"""
"""The metadata table of a gov.cn policy page as the site serves it (国办发〔2018〕115号, tune set;
国办发〔2018〕127号 and 国办发〔2018〕118号 have the same), labels spaced out to one width."""


def test_html_reads_the_letter_spaced_labels_of_a_gov_cn_metadata_table(tmp_path: Path) -> None:
    path = tmp_path / "page.html"
    path.write_text(
        f'<div class="wrap"><table><tbody><tr><td>{GOV_CN_TABLE}</td></tr></tbody></table>'
        f'<table><tbody><tr><td class="b12c" id="UCAP-CONTENT"><p>{PROSE}</p></td></tr></tbody>'
        "</table></div>",
        encoding="utf-8",
    )
    source = read_plan(path)
    assert dict(source.metadata) == {
        "索引号": "000014349/2018-00216",
        "标题": "国务院办公厅关于全面推行行政规范性文件合法性审核机制的指导意见",
        "发文机关": "国务院办公厅",
        "发文字号": "国办发〔2018〕115号",
        "成文日期": "2018年12月04日",
        "发布日期": "2018年12月20日",
    }
    assert source.text.split("\n")[0] == PROSE.strip()
    assert "主题分类" not in source.text and "方案" not in source.text  # filing, not the document


def test_html_drops_the_qr_code_box_under_the_document(tmp_path: Path) -> None:
    path = tmp_path / "page.html"
    path.write_text(
        f'<td id="UCAP-CONTENT"><p>{PROSE}</p></td><div id="pageBreak"></div><!--/enpcontent-->'
        '<div id="div_div"> <div id="qr_container" style="margin:auto; position:relative;">'
        "扫一扫在手机打开当前页</div> </div>",
        encoding="utf-8",
    )
    assert read_plan(path).text.strip() == PROSE.strip()
