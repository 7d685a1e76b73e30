"""read/word.py and read/word_numbering.py: a Word file reads as Word draws it, with the
labels of automatic numbering and the text python-docx's `.text` leaves out (issue 12,
class 2)."""

from __future__ import annotations

from pathlib import Path

import docx
import pytest
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls, qn
from hypothesis import given
from hypothesis import strategies as st
from lxml.etree import _Element

from policygraph.build import extract_plan
from policygraph.numerals import chinese_number
from policygraph.read.word import docx_to_text
from policygraph.read.word_numbering import format_number, paragraph_labels
from tests import saved_formats as save
from tests.conftest import CORPUS
from tests.test_formats import PLANS

NAMESPACES = (
    nsdecls("w", "wp", "a")
    + ' xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006"'
    + ' xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape"'
    + ' xmlns:v="urn:schemas-microsoft-com:vml"'
)
LADDER = (
    '<w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/>'
    '<w:lvlText w:val="%1、"/></w:lvl>'
    '<w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/>'
    '<w:lvlText w:val="（%2）"/></w:lvl>'
    '<w:lvl w:ilvl="2"><w:start w:val="1"/><w:numFmt w:val="decimal"/>'
    '<w:lvlText w:val="%3."/></w:lvl>'
)
"""The heading ladder as one multi-level list: 一、 › （一） › 1."""


def _numbering(definitions: str, instances: str) -> _Element:
    return parse_xml(f"<w:numbering {NAMESPACES}>{definitions}{instances}</w:numbering>")


def _definition(abstract_id: int, levels: str = LADDER) -> str:
    return f'<w:abstractNum w:abstractNumId="{abstract_id}">{levels}</w:abstractNum>'


def _instance(num_id: int, abstract_id: int, overrides: str = "") -> str:
    return f'<w:num w:numId="{num_id}"><w:abstractNumId w:val="{abstract_id}"/>{overrides}</w:num>'


def _start_override(ilvl: int, start: int) -> str:
    return f'<w:lvlOverride w:ilvl="{ilvl}"><w:startOverride w:val="{start}"/></w:lvlOverride>'


def _paragraph(num_id: int | None = None, ilvl: int | None = None, style: str = "") -> str:
    props = f'<w:pStyle w:val="{style}"/>' if style else ""
    if num_id is not None or ilvl is not None:
        props += "<w:numPr>"
        props += f'<w:ilvl w:val="{ilvl}"/>' if ilvl is not None else ""
        props += f'<w:numId w:val="{num_id}"/>' if num_id is not None else ""
        props += "</w:numPr>"
    return f"<w:p><w:pPr>{props}</w:pPr><w:r><w:t>正文</w:t></w:r></w:p>"


def _labels(
    paragraphs: list[str], numbering: _Element | None, styles: str = ""
) -> list[str | None]:
    body = parse_xml(f"<w:body {NAMESPACES}>{''.join(paragraphs)}</w:body>")
    styles_element = parse_xml(f"<w:styles {NAMESPACES}>{styles}</w:styles>")
    found = paragraph_labels(list(body), numbering, styles_element)
    return [found[p][0] if p in found else None for p in body]


def test_levels_count_and_a_higher_level_restarts_the_lower_ones() -> None:
    numbering = _numbering(_definition(1), _instance(7, 1))
    levels = [0, 1, 1, 2, 2, 0, 1, 2, 2, 1]
    labels = _labels([_paragraph(7, ilvl) for ilvl in levels], numbering)
    assert labels == [
        "一、",
        "（一）",
        "（二）",
        "1.",
        "2.",
        "二、",
        "（一）",
        "1.",
        "2.",
        "（二）",
    ]


def test_a_level_with_lvl_restart_zero_counts_on_across_its_parents() -> None:
    """Tables numbered 表1 表2 … through the chapters: `w:lvlRestart w:val="0"`."""
    levels = LADDER.replace(
        '<w:numFmt w:val="decimal"/><w:lvlText w:val="%3."/>',
        '<w:numFmt w:val="decimal"/><w:lvlRestart w:val="0"/><w:lvlText w:val="表%3"/>',
    )
    numbering = _numbering(_definition(1, levels), _instance(1, 1))
    labels = _labels([_paragraph(1, ilvl) for ilvl in (0, 2, 2, 0, 2)], numbering)
    assert labels == ["一、", "表1", "表2", "二、", "表3"]


def test_instances_of_one_definition_count_on_unless_they_restart() -> None:
    """Word's "continue numbering" shares the definition's counters; "restart at"
    writes a new instance with a `w:startOverride`, counted from it on first use."""
    numbering = _numbering(
        _definition(1),
        _instance(1, 1) + _instance(2, 1) + _instance(3, 1, _start_override(0, 1))
        + _instance(4, 1, _start_override(0, 5)),
    )  # fmt: skip
    labels = _labels(
        [_paragraph(n, 0) for n in (1, 1, 2, 3, 3, 4, 1)],
        numbering,
    )
    assert labels == ["一、", "二、", "三、", "一、", "二、", "五、", "六、"]


def test_a_level_overridden_whole_gives_its_own_format_and_start() -> None:
    override = (
        '<w:lvlOverride w:ilvl="1"><w:lvl w:ilvl="1"><w:start w:val="3"/>'
        '<w:numFmt w:val="decimalEnclosedCircle"/><w:lvlText w:val="%2"/></w:lvl></w:lvlOverride>'
    )
    numbering = _numbering(_definition(1), _instance(1, 1) + _instance(2, 1, override))
    labels = _labels([_paragraph(1, 0), _paragraph(2, 1), _paragraph(2, 1)], numbering)
    assert labels == ["一、", "③", "④"]


def test_numbering_comes_from_the_paragraph_style_and_its_based_on_chain() -> None:
    """公文 templates number 一、 and （一） through heading styles: the style carries the
    list, a style based on it the level, or the definition ties a level to the style."""
    styles = (
        '<w:style w:type="paragraph" w:styleId="H1"><w:pPr><w:numPr><w:numId w:val="1"/>'
        "</w:numPr></w:pPr></w:style>"
        '<w:style w:type="paragraph" w:styleId="H2"><w:basedOn w:val="H1"/><w:pPr><w:numPr>'
        '<w:ilvl w:val="1"/></w:numPr></w:pPr></w:style>'
        '<w:style w:type="paragraph" w:styleId="H3"><w:pPr><w:numPr><w:numId w:val="1"/>'
        "</w:numPr></w:pPr></w:style>"
    )
    levels = LADDER.replace('<w:lvl w:ilvl="2">', '<w:lvl w:ilvl="2"><w:pStyle w:val="H3"/>')
    numbering = _numbering(_definition(1, levels), _instance(1, 1))
    paragraphs = [
        _paragraph(style="H1"),
        _paragraph(style="H2"),
        _paragraph(style="H3"),
        _paragraph(num_id=0, style="H2"),
        _paragraph(style="H2"),
        _paragraph(),
    ]
    assert _labels(paragraphs, numbering, styles) == ["一、", "（一）", "1.", None, "（二）", None]


def test_a_label_shows_the_counters_of_the_levels_it_names() -> None:
    """ "%1.%2" shows both levels in their own formats; a legal level (`w:isLgl`) in decimal."""
    levels = (
        '<w:lvl w:ilvl="0"><w:numFmt w:val="chineseCounting"/><w:lvlText w:val="第%1章"/></w:lvl>'
        '<w:lvl w:ilvl="1"><w:numFmt w:val="decimal"/><w:lvlText w:val="%1.%2"/></w:lvl>'
        '<w:lvl w:ilvl="2"><w:numFmt w:val="decimal"/><w:isLgl/><w:lvlText w:val="%1.%2.%3"/></w:lvl>'
    )
    numbering = _numbering(_definition(1, levels), _instance(1, 1))
    labels = _labels([_paragraph(1, i) for i in (0, 1, 2, 0, 1)], numbering)
    assert labels == ["第一章", "一.1", "1.1.1", "第二章", "二.1"]


def test_a_custom_format_reads_in_its_standard_fallback() -> None:
    """Word 2010 writes a custom format (001, 002) for newer readers and a standard one
    in `mc:Fallback` for the others."""
    custom = (
        '<w:lvl w:ilvl="0"><mc:AlternateContent><mc:Choice Requires="w14">'
        '<w:numFmt w:val="custom" w:format="001, 002, 003, ..."/></mc:Choice><mc:Fallback>'
        '<w:numFmt w:val="decimalZero"/></mc:Fallback></mc:AlternateContent>'
        '<w:lvlText w:val="%1"/></w:lvl>'
    )
    numbering = _numbering(_definition(1, custom), _instance(1, 1))
    assert _labels([_paragraph(1, 0)] * 2, numbering) == ["01", "02"]


def test_bullets_and_damaged_definitions_give_no_label_and_no_error() -> None:
    """A bullet carries no number (its symbol-font glyph is left out); a damaged value
    falls back to Word's default, and a missing definition or level numbers nothing."""
    bullet = '<w:lvl w:ilvl="0"><w:numFmt w:val="bullet"/><w:lvlText w:val="\uf06c"/></w:lvl>'
    damaged = '<w:lvl w:ilvl="x"><w:start w:val="y"/><w:lvlText w:val="%1）"/></w:lvl>'
    numbering = _numbering(
        _definition(1, bullet) + _definition(2, damaged),
        _instance(1, 1) + _instance(2, 2) + _instance(3, 99),
    )
    paragraphs = [_paragraph(1, 0), _paragraph(2, 0), _paragraph(3, 0), _paragraph(2, 4)]
    assert _labels(paragraphs, numbering) == ["", "1）", None, None]
    assert _labels([_paragraph(1, 0)], None) == [None]


@pytest.mark.parametrize(
    ("number", "fmt", "shown"),
    [
        (10, "chineseCounting", "十"),
        (11, "chineseCounting", "十一"),
        (20, "chineseCountingThousand", "二十"),
        (105, "chineseCountingThousand", "一百零五"),
        (110, "chineseCountingThousand", "一百一十"),
        (11, "chineseLegalSimplified", "壹拾壹"),
        (10, "ideographDigital", "一〇"),
        (3, "ideographTraditional", "丙"),
        (11, "ideographTraditional", "11"),
        (11, "decimalEnclosedCircle", "⑪"),
        (21, "decimalEnclosedCircleChinese", "21"),
        (2, "decimalEnclosedParen", "⑵"),
        (7, "decimalZero", "07"),
        (12, "decimalFullWidth", "１２"),
        (14, "upperRoman", "XIV"),
        (27, "lowerLetter", "aa"),
        (4, "bullet", ""),
        (4, "someFormatOfLater", "4"),
    ],
)
def test_number_formats_print_as_word_prints_them(number: int, fmt: str, shown: str) -> None:
    assert format_number(number, fmt) == shown


@given(st.integers(min_value=1, max_value=9999))
def test_chinese_counting_reads_back_as_its_number(number: int) -> None:
    assert chinese_number(format_number(number, "chineseCounting")) == number


def _saved(tmp_path: Path, body: str, numbering: str = "", styles: str = "") -> Path:
    """A Word file whose body is `body` (and, given, whose numbering definitions are
    `numbering` and whose styles include `styles`), saved as a user's file is."""
    document = docx.Document()
    element = document.element.body
    for child in list(element):
        if child.tag != qn("w:sectPr"):
            element.remove(child)
    for block in parse_xml(f"<w:body {NAMESPACES}>{body}</w:body>"):
        element.find(qn("w:sectPr")).addprevious(block)
    if numbering:
        part = document.part.numbering_part.element
        for block in parse_xml(f"<w:numbering {NAMESPACES}>{numbering}</w:numbering>"):
            part.append(block)
    for style in parse_xml(f"<w:styles {NAMESPACES}>{styles}</w:styles>"):
        document.styles.element.append(style)
    document.save(str(tmp_path / "plan.docx"))
    return tmp_path / "plan.docx"


def _runs(*texts: str) -> str:
    return "".join(f"<w:r><w:t xml:space='preserve'>{t}</w:t></w:r>" for t in texts)


def test_hyperlinks_fields_controls_and_insertions_read_as_shown(tmp_path: Path) -> None:
    body = (
        f"<w:p>{_runs('依据')}<w:hyperlink r:id='rId99'>{_runs('《养老服务条例》')}</w:hyperlink>"
        f"<w:fldSimple w:instr=' REF 文号 '>{_runs('（民发〔2021〕5号）')}</w:fldSimple>"
        "<w:r><w:fldChar w:fldCharType='begin'/></w:r><w:r><w:instrText> DOCPROPERTY 年份 "
        "</w:instrText></w:r><w:r><w:fldChar w:fldCharType='separate'/></w:r>"
        f"{_runs('2025')}<w:r><w:fldChar w:fldCharType='end'/></w:r>"
        f"<w:sdt><w:sdtPr><w:alias w:val='年'/></w:sdtPr><w:sdtContent>{_runs('年')}"
        "</w:sdtContent></w:sdt>"
        f"<w:ins w:id='1' w:author='a'>{_runs('全市')}</w:ins>"
        "<w:del w:id='2' w:author='a'><w:r><w:delText>全省</w:delText></w:r></w:del>"
        f"<w:r><w:rPr><w:vanish/></w:rPr><w:t>隐藏批注</w:t></w:r>{_runs('养老床位达到')}"
        "<w:r><w:ruby><w:rubyPr/><w:rt>"
        f"{_runs('zhāng')}</w:rt><w:rubyBase>{_runs('5000张')}</w:rubyBase></w:ruby></w:r>"
        f"</w:p><w:sdt><w:sdtContent><w:p>{_runs('控件中的段落。')}</w:p></w:sdtContent></w:sdt>"
    ).replace("r:id", f"xmlns:r='{docx.oxml.ns.nsmap['r']}' r:id")
    lines = docx_to_text(_saved(tmp_path, body)).split("\n")
    assert lines[:2] == [
        "依据《养老服务条例》（民发〔2021〕5号）2025年全市养老床位达到5000张",
        "控件中的段落。",
    ]


def test_line_breaks_tabs_and_symbols_read_as_word_draws_them(tmp_path: Path) -> None:
    body = (
        "<w:p><w:r><w:t>第一行</w:t><w:br/><w:t>第二行</w:t><w:br w:type='page'/>"
        "<w:t>序号</w:t><w:tab/><w:t>指标</w:t><w:noBreakHyphen/><w:t>值</w:t>"
        "<w:sym w:font='Wingdings' w:char='F0FC'/><w:sym w:font='SimSun' w:char='2460'/></w:r></w:p>"
    )
    assert docx_to_text(_saved(tmp_path, body)).split("\n")[:2] == [
        "第一行",
        "第二行序号\t指标-值①",
    ]


def test_a_text_box_reads_once_before_its_anchor_paragraph(tmp_path: Path) -> None:
    """A 公文 title page sets the issuer's name in a text box; Word stores it twice (the
    drawing and its VML fallback), and it reads once."""
    box = f"<w:txbxContent><w:p>{_runs('某市人民政府办公室文件')}</w:p></w:txbxContent>"
    body = (
        "<w:p><w:r><mc:AlternateContent><mc:Choice Requires='wps'><w:drawing><wp:anchor>"
        "<a:graphic><a:graphicData><wps:wsp><wps:txbx>"
        f"{box}</wps:txbx></wps:wsp></a:graphicData></a:graphic></wp:anchor></w:drawing>"
        "</mc:Choice><mc:Fallback><w:pict><v:shape><v:textbox>"
        f"{box}</v:textbox></v:shape></w:pict></mc:Fallback></mc:AlternateContent></w:r>"
        f"{_runs('某政办发〔2022〕3号')}</w:p>"
    )
    lines = docx_to_text(_saved(tmp_path, body)).split("\n")
    assert lines[:3] == ["某市人民政府办公室文件", "某政办发〔2022〕3号", ""]


def test_numbered_headings_table_serials_and_no_table_of_contents(tmp_path: Path) -> None:
    """The labels read in front of the text they number, in body and table alike (a
    序号 column numbered by Word restarts in each table), a label closing on punctuation
    straight before its text, another one a space before it; a table of contents,
    which repeats the headings, is left out, whether a content control holds it or only
    its lines' styles ("toc 1", here under a localised styleId) mark it."""
    numbering = (
        _definition(1)
        + _definition(
            2,
            '<w:lvl w:ilvl="0"><w:numFmt w:val="chineseCounting"/><w:lvlText w:val="第%1章"/></w:lvl>',
        )
        + _definition(
            3, '<w:lvl w:ilvl="0"><w:numFmt w:val="decimal"/><w:lvlText w:val="%1"/></w:lvl>'
        )
        + _instance(1, 1)
        + _instance(2, 2)
        + _instance(3, 3)
        + _instance(4, 3, _start_override(0, 1))
    )

    def heading(num_id: int, ilvl: int, text: str) -> str:
        numbered = f'<w:numPr><w:ilvl w:val="{ilvl}"/><w:numId w:val="{num_id}"/></w:numPr>'
        return f"<w:p><w:pPr>{numbered}</w:pPr>{_runs(text)}</w:p>"

    def table(num_id: int, names: list[str]) -> str:
        rows = "".join(
            f"<w:tr><w:tc>{heading(num_id, 0, '')}</w:tc><w:tc><w:p>{_runs(name)}</w:p></w:tc></w:tr>"
            for name in names
        )
        return f"<w:tbl><w:tblGrid><w:gridCol/><w:gridCol/></w:tblGrid>{rows}</w:tbl>"

    contents = (
        "<w:sdt><w:sdtPr><w:docPartObj><w:docPartGallery w:val='Table of Contents'/>"
        f"</w:docPartObj></w:sdtPr><w:sdtContent><w:p>{_runs('一、总体要求', '1')}</w:p>"
        "</w:sdtContent></w:sdt>"
        f"<w:p><w:pPr><w:pStyle w:val='10'/></w:pPr>{_runs('二、重点任务', '2')}</w:p>"
    )
    contents_style = "<w:style w:type='paragraph' w:styleId='10'><w:name w:val='toc 1'/></w:style>"
    body = (
        contents
        + heading(2, 0, "总则")
        + heading(1, 0, "总体要求")
        + heading(1, 1, "发展目标")
        + table(3, ["养老床位", "托位"])
        + heading(1, 0, "重点任务")
        + heading(1, 2, "扩大供给")
        + table(4, ["护理型床位占比"])
    )
    lines = docx_to_text(_saved(tmp_path, body, numbering, contents_style)).split("\n")
    assert lines[:-1] == [
        "第一章 总则",
        "一、总体要求",
        "（一）发展目标",
        "| 1 | 养老床位 |",
        "| 2 | 托位 |",
        "二、重点任务",
        "1.扩大供给",
        "| 1 | 护理型床位占比 |",
    ]


def test_a_paragraph_whose_end_was_deleted_joins_the_next_and_is_not_counted(
    tmp_path: Path,
) -> None:
    """A draft with tracked changes: a numbered heading deleted whole (its text and its
    paragraph mark) no longer counts; a paragraph whose mark alone was deleted runs on
    into the next one, under that one's label."""
    numbering = _definition(1) + _instance(1, 1)
    deleted_mark = "<w:rPr><w:del w:id='9' w:author='a'/></w:rPr>"

    def paragraph(text: str, numbered: bool = False, mark_deleted: bool = False) -> str:
        props = '<w:numPr><w:ilvl w:val="0"/><w:numId w:val="1"/></w:numPr>' if numbered else ""
        props += deleted_mark if mark_deleted else ""
        return f"<w:p><w:pPr>{props}</w:pPr>{text}</w:p>"

    removed = "<w:del w:id='8' w:author='a'><w:r><w:delText>删去的标题</w:delText></w:r></w:del>"
    body = (
        paragraph(removed, numbered=True, mark_deleted=True)
        + paragraph(_runs("总体要求"), numbered=True)
        + paragraph(_runs("到2025年，"), mark_deleted=True)
        + paragraph(_runs("养老床位达到5000张。"))
        + paragraph(_runs("重点任务"), numbered=True)
    )
    lines = docx_to_text(_saved(tmp_path, body, numbering)).split("\n")
    assert lines[:3] == ["一、总体要求", "到2025年，养老床位达到5000张。", "二、重点任务"]


@pytest.mark.parametrize("outline", [False, True], ids=["lists", "outline"])
@pytest.mark.parametrize("name", PLANS)
def test_automatically_numbered_word_file_keeps_the_measures_of_the_txt_build(
    name: str, outline: bool, tmp_path: Path
) -> None:
    """Issue 12, class 2: a plan whose 一、 （一） 1. are Word's automatic numbering (lists
    of their own, or a template's multi-level list tied to heading styles) keeps its
    numbered measures, in order and with the markers the text prints."""
    text = (CORPUS / f"{name}.txt").read_text(encoding="utf-8")
    path = save.save_docx_numbered(text, tmp_path / f"{name}.docx", outline)
    expected = [(m.key, m.number, m.title) for m in extract_plan(CORPUS / f"{name}.txt").measures]
    assert [(m.key, m.number, m.title) for m in extract_plan(path).measures] == expected
