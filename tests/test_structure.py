"""structure.py: the heading ladder, run-on headings, and tables in their layouts."""

from __future__ import annotations

from policygraph.normalize import normalize_text
from policygraph.numerals import chinese_number
from policygraph.structure import outline_text
from policygraph.tables import find_tables


def _titles(text: str) -> list[tuple[str, str, int]]:
    outline = outline_text(normalize_text(text).text)
    return [(s.key, s.heading.title, s.heading.level) for s in outline.sections]


def test_structure_nests_the_heading_ladder() -> None:
    text = "二、重点任务\n（一）健全政策体系\n1.统筹制定规划，科学谋划布局。将养老托育纳入规划。\n2.建立基本制度。落实职责。\n（二）优化环境\n"
    assert _titles(text) == [
        ("1", "重点任务", 1),
        ("1.1", "健全政策体系", 2),
        ("1.1.1", "统筹制定规划，科学谋划布局", 3),
        ("1.1.2", "建立基本制度", 3),
        ("1.2", "优化环境", 2),
    ]


def test_structure_a_headings_tally_of_its_tasks_is_no_part_of_its_title() -> None:
    text = (
        "一、促进就业(3项)\n1.促进重点群体稳定就业,新增城镇就业4.3万人。\n"
        "二、在“聚焦深化对外开放”方面（分解任务15项）。\n三、落实1项改革\n"
    )
    assert [t for _, t, _ in _titles(text)] == [
        "促进就业",
        "促进重点群体稳定就业，新增城镇就业4.3万人",
        "在“聚焦深化对外开放”方面",
        "落实1项改革",
    ]


def test_structure_reads_headings_that_run_on_into_text() -> None:
    text = "制定本方案。一、总体目标到2025年，建成体系。二、重点任务1健全规划体系。做好衔接。2,优化有效供给。3 .织密网络。"
    assert [t for _, t, _ in _titles(text)] == [
        "总体目标",
        "重点任务",
        "健全规划体系",
        "优化有效供给",
        "织密网络",
    ]


def test_structure_splits_a_run_on_first_item_only_where_item_2_follows() -> None:
    run_on = "二、重点任务1健全规划体系。做好衔接。2，优化有效供给。三、保障措施。"
    assert [t for _, t, _ in _titles(run_on)] == [
        "重点任务",
        "健全规划体系",
        "优化有效供给",
        "保障措施",
    ]
    count = "二、主要任务。三、实施1个示范工程。建设养老院。四、保障措施。1.加强领导。2.强化保障。"
    assert _titles(count) == [
        ("1", "主要任务", 1),
        ("2", "实施1个示范工程", 1),
        ("3", "保障措施", 1),
        ("3.1", "加强领导", 3),
        ("3.2", "强化保障", 3),
    ]
    numbered_later = "三、实施1个示范工程。（一）建设养老院。1.建设。2.运营。"
    assert [t for _, t, _ in _titles(numbered_later)][:2] == ["实施1个示范工程", "建设养老院"]


def test_structure_an_item_of_one_long_sentence_and_its_owners_is_titled_by_the_sentence() -> None:
    """国办发〔2018〕117号 and 国办发〔2018〕129号 write each task as one sentence closed by
    the bracket of its owners; a long first sentence without one is no heading."""
    first = (
        "对促进外贸、外资稳定增长，积极优化营商环境成效明显的省（区、市），"
        "在外贸转型升级基地培育中给予优先支持"
    )
    second = (
        "对年度固定资产投资保持稳定增长，中央预算内投资项目开工、投资完成等情况较好的省（区、市），"
        "在中央预算内投资既有专项中统筹安排部分投资"
    )
    text = f"通知如下：\n一、{first}。（商务部负责）\n二、{second}。（国家发展改革委会同有关部门负责）\n"
    assert [t for _, t, _ in _titles(text)] == [first, second]
    unowned = f"通知如下：\n一、{first}。\n二、{second}。（有关意见）\n"
    assert _titles(unowned) == []


def test_structure_articles_of_a_regulation_are_titled_by_their_first_sentence() -> None:
    """广州 天河区 居家社区养老服务管理办法 and 国发〔2018〕41号 are written in chapters
    and articles; a 第X条 is a heading only at a line start."""
    text = (
        "第一章 总则\n"
        "第五条 区民政局负责本区居家社区养老服务的统筹规划、组织实施、监督管理和数据管理等工作。"
        "区养老服务指导中心负责本区居家社区养老服务的业务指导。\n"
        "第六条　区财政局负责居家社区养老服务财政资金保障工作。\n"
        "第二章　子女教育\n"
        "第七条　纳税人应当留存资料备查，依照本办法第五条规定办理。第八条所称父母另有规定。\n"
    )
    assert _titles(text) == [
        ("1", "总则", 0),
        (
            "1.1",
            "区民政局负责本区居家社区养老服务的统筹规划、组织实施、监督管理和数据管理等工作",
            1,
        ),
        ("1.2", "区财政局负责居家社区养老服务财政资金保障工作", 1),
        ("2", "子女教育", 0),
        ("2.1", "纳税人应当留存资料备查，依照本办法第五条规定办理", 1),
    ]


def test_structure_a_table_of_contents_lists_headings_but_holds_none() -> None:
    """长汀县“十四五”民政事业发展专项规划 as a sharing site copies it: 目 录, the contents
    (blank lines between), then the body starting over at 前 言."""
    contents = "目 录\n前 言\n第一章 现状背景\n一、发展现状\n\n二、存在问题\n第三章 主要任务\n一、夯实基本生活救助\n"
    body = (
        "前 言\n“十四五”时期是重要时期。\n第一章 现状背景\n一、发展现状\n全县民政事业取得成效。\n"
    )
    assert [t for _, t, _ in _titles(contents + body)] == ["现状背景", "发展现状"]
    assert _titles(contents) == []
    label = "目录\n一、总体要求\n（一）指导思想\n深入贯彻落实。\n"
    assert [t for _, t, _ in _titles(label)] == ["总体要求", "指导思想"]


def test_structure_ignores_list_numbers_inside_a_sentence() -> None:
    text = "（一）完善制度。内容包括：3.提高标准；5.加强监管。\n"
    assert [t for _, t, _ in _titles(text)] == ["完善制度"]


def test_structure_chinese_numerals_of_markers() -> None:
    assert [chinese_number(w) for w in ("一", "九", "十", "十六", "二十三")] == [1, 9, 10, 16, 23]


def test_structure_finds_cell_per_line_table_with_gaps() -> None:
    text = "指标表\n\n序号\n\n指标名称\n\n单位\n\n2021\n\n2023\n\n2025\n\n1\n\n人均预期寿命\n\n78.27\n\n\n78.4\n"
    (table,) = find_tables(normalize_text(text).text)
    assert [c.text for c in table.header] == ["序号", "指标名称", "单位", "2021", "2023", "2025"]
    assert [(c.text, c.gap_before) for c in table.cells] == [
        ("1", 0),
        ("人均预期寿命", 0),
        ("78.27", 0),
        ("78.4", 1),
    ]
    assert table.caption == "指标表"


def test_structure_finds_pipe_terminated_table() -> None:
    text = "序号 |\n指标名称 |\n2020年 |\n2025年 |\n属性 |\n1 |\n护理型床位占比(%) |\n44.5 |\n55 |\n约束性 |\n"
    (table,) = find_tables(normalize_text(text).text)
    assert [c.text for c in table.header] == ["序号", "指标名称", "2020年", "2025年", "属性"]
    assert [c.text for c in table.cells] == ["1", "护理型床位占比（%）", "44.5", "55", "约束性"]


def test_structure_table_ends_before_the_next_chapter() -> None:
    text = "序号\n指标名称\n2025\n一、养老服务\n1\n托位数\n4.5\n三、重点任务\n（五）兜底线\n"
    outline = outline_text(normalize_text(text).text)
    (table,) = outline.tables
    assert [c.text for c in table.cells] == ["一、养老服务", "1", "托位数", "4.5"]
    assert [s.heading.title for s in outline.sections] == ["重点任务", "兜底线"]


def test_structure_nests_sections_under_numbered_chapters() -> None:
    text = "第一章 总体要求\n一、指导思想\n第二章  主要任务\n一、完善体系\n（一）发展居家养老\n详见第三章。\n"
    assert _titles(text) == [
        ("1", "总体要求", 0),
        ("1.1", "指导思想", 1),
        ("2", "主要任务", 0),
        ("2.1", "完善体系", 1),
        ("2.1.1", "发展居家养老", 2),
    ]


def test_structure_a_run_together_copy_still_has_its_headings() -> None:
    """海盐 盐政办发〔2022〕16号 (tune): a copy whose paragraphs were joined on one line, each
    labelled unit list running into the next item's number; its headings are read all the
    same, each title ending where the next heading starts. One line without such a list
    is prose: its run-on numbers are no headings."""
    text = (
        "政府工作报告2022年重点工作责任分解 一、王丹县长牵头重点工作 1.全县生产总值增长7.5%左右。"
        " 责任单位:县发改局、县财政局 2.严控“三公”经费。 责任单位:县财政局"
        " 二、曹惠明常务副县长牵头重点工作 1.坚持集体学法。 责任单位:县司法局\n"
    )
    assert [(key, title) for key, title, _ in _titles(text)] == [
        ("1", "王丹县长牵头重点工作"),
        ("1.1", "全县生产总值增长7.5%左右"),
        ("1.2", "严控“三公”经费"),
        ("2", "曹惠明常务副县长牵头重点工作"),
        ("2.1", "坚持集体学法"),
    ]
    prose = "完成2022年重点工作一、实施项目1.建设养老院。\n"
    assert _titles(prose) == []


def test_structure_a_sentence_and_its_labelled_units_is_titled_by_the_sentence() -> None:
    """An item that is one sentence and then its 责任单位：/牵头单位： line is titled by the
    whole sentence, its clauses joined by ； included, on one line (海盐 盐政办发〔2022〕16号)
    or with the label on the next (立山区 2023 重点工作任务分解), both tune."""
    sentence = "全县生产总值增长7.5%左右；一般公共预算收入增长8.5%；收入倍差进一步缩小"
    one_line = f"通知如下：\n1.{sentence}。责任单位：县发改局、县财政局\n"
    next_line = f"通知如下：\n1.{sentence}。\n牵头单位：区发改局\n"
    bare = f"通知如下：\n1.{sentence}。\n"
    assert [t for _, t, _ in _titles(one_line)] == [sentence]
    assert [t for _, t, _ in _titles(next_line)] == [sentence]
    assert [t for _, t, _ in _titles(bare)] == ["全县生产总值增长7.5%左右"]


def test_structure_an_item_cut_off_by_the_end_of_the_copy_is_titled_by_what_is_printed() -> None:
    """Search excerpts end inside an item (宣城 2024 民生实事 item 6, 海盐 盐政办发〔2022〕16号
    item 二、2., both tune): its long first sentence, cut, is still its title; the same long
    sentence with text after it is no heading."""
    cut = "加强城乡公益性公墓建设管理，推进不少于5城乡公益性公墓新建、改扩建或配套设施改造以及提"
    text = f"二、社会保障\n4.加强低保人员生活保障。（牵头单位：市民政局）\n6.{cut}"
    assert [t for _, t, _ in _titles(text)][-1] == cut
    assert [t for _, t, _ in _titles(f"{text}升服务水平\n后文。\n")][-1] == "加强低保人员生活保障"


def test_structure_a_heading_may_open_with_the_year_it_is_about() -> None:
    """一、2021年经济社会发展主要预期目标 (粤府〔2021〕22号 分工方案) and 一、2010年高校毕业生就业
    工作的总体安排和目标任务 (鲁政办 2010 转发 高校毕业生就业 意见), both tune, are headings;
    a marker before a bare number is none."""
    text = "通知如下。\n一、2021年经济社会发展主要预期目标\n1.地区生产总值增长6%以上。\n二、2.5倍\n"
    assert _titles(text) == [
        ("1", "2021年经济社会发展主要预期目标", 1),
        ("1.1", "地区生产总值增长6%以上", 3),
    ]
