"""extract/measures.py: which sections are measures, how they nest, who owns them (issue 4)."""

from __future__ import annotations

import pytest

from policygraph.build import extract_plan
from policygraph.errors import PolicygraphError
from policygraph.extract.measures import find_measures, is_background_title
from policygraph.extract.task_tables import cell_items, task_rows
from policygraph.lexicon_data import load_lexicon
from policygraph.normalize import normalize_text
from policygraph.structure import outline_text
from tests.conftest import DATA, ROOT


def _measures(text: str) -> list[tuple[str | None, str, str | None, list[str], list[str]]]:
    """(number, title, parent title, responsible, lead) of every measure of `text`."""
    normalized = normalize_text(text)
    spans = find_measures(
        normalized.text, outline_text(normalized.text), normalized.quote, load_lexicon()
    )
    titles = {s.measure.key: s.measure.title for s in spans}
    return [
        (
            s.measure.number,
            s.measure.title,
            titles.get(s.measure.parent) if s.measure.parent else None,
            [m.name for m in s.measure.responsible],
            [m.name for m in s.measure.lead],
        )
        for s in spans
    ]


def _titles(text: str) -> list[tuple[str, str | None]]:
    return [(title, parent) for _, title, parent, _, _ in _measures(text)]


def test_measures_nest_the_whole_heading_ladder_in_both_widths() -> None:
    text = (
        "三、重点任务\n(一)完善服务体系\n１．健全养老服务。加快建设。\n"
        "(1)发展居家养老。推进服务。\n①建设助餐点。每个街道建设。\n（二）加强监管\n"
    )
    assert _measures(text) == [
        ("（一）", "完善服务体系", None, [], []),
        ("1.", "健全养老服务", "完善服务体系", [], []),
        ("（1）", "发展居家养老", "健全养老服务", [], []),
        ("①", "建设助餐点", "发展居家养老", [], []),
        ("（二）", "加强监管", None, [], []),
    ]


def test_measures_under_numbered_chapters() -> None:
    text = (
        "第一章 发展基础\n近年来取得成效。\n第二章 主要任务\n一、完善养老服务体系\n"
        "（一）发展居家养老。推进服务。\n见第三章有关内容。\n"
    )
    assert _titles(text) == [("完善养老服务体系", None), ("发展居家养老", "完善养老服务体系")]


def test_measures_title_is_the_heading_that_runs_on_into_text() -> None:
    text = (
        "二、重点任务1健全养老托育服务规划体系。将养老托育服务纳入规划。2，优化有效供给。制定清单。"
    )
    assert _titles(text) == [("健全养老托育服务规划体系", None), ("优化有效供给", None)]


def test_measures_skip_list_numbers_inside_a_sentence() -> None:
    text = "二、重点任务\n（一）完善制度。内容包括：3.提高标准；5.加强监管。\n（二）优化环境。推进改革。\n"
    assert _titles(text) == [("完善制度", None), ("优化环境", None)]


def test_measures_skip_page_chunk_numbers_of_a_sharing_site() -> None:
    chunk = "加强养老服务设施建设，完善社区居家养老服务网络，推动机构养老服务高质量发展，提升服务能力和水平"
    lines = [f"{n}、{chunk}" if n > 1 else chunk for n in range(1, 5)]
    text = "二、重点任务\n（一）完善服务网络。" + "\n".join(lines) + "。\n"
    assert _titles(text) == [("完善服务网络", None)]


def test_measures_leave_out_background_principles_and_goals() -> None:
    text = (
        "一、发展基础与面临形势\n（一）发展基础\n近年来取得成效。\n"
        "二、总体要求\n（二）指导思想\n以习近平新时代中国特色社会主义思想为指导。\n"
        "（三）主要目标\n1.养老服务更加优质便利。到2025年建成体系。\n"
        "三、重点任务\n（四）夯实社区居家服务基础\n完善家庭支持政策。\n"
        "四、保障措施\n（五）强化组织领导\n区民政局牵头负责一老工作。\n"
    )
    assert _titles(text) == [("夯实社区居家服务基础", None), ("强化组织领导", None)]


def test_measures_recognise_background_by_its_writing_when_chapters_are_lost() -> None:
    """Numbered items that report past achievements are background, even without a
    background chapter heading (zhoukou.txt lost its chapter headings)."""
    text = (
        "1.政策体系逐步完善。市委、市政府高度重视，先后出台配套文件。\n"
        "2.设施网络覆盖城乡。截至2020年底，全市共有养老机构254所，“十三五”期间累计投资2.4亿元。\n"
        "3.夯实社区居家服务基础。完善家庭支持政策。（市民政局、市卫生健康委按职责分工负责）\n"
    )
    assert _titles(text) == [("夯实社区居家服务基础", None)]


@pytest.mark.parametrize(
    ("title", "background"),
    [
        ("发展基础", True),
        ("发展基础与面临形势", True),
        ("面临的机遇和挑战", True),
        ("发展环境", True),
        ("起草背景", True),
        ("制定依据", True),
        ("夯实社区居家服务基础", False),
        ("我县养老服务业发展现状", True),
        ("人口发展基础", True),
        ("存在问题", True),
        ("养老服务发展现状及存在问题", True),
        ("夯实养老服务发展基础", False),
        ("完善政策依据", False),
        ("优化养老托育发展环境", False),
    ],
)
def test_measures_background_titles_are_whole_headings(title: str, background: bool) -> None:
    assert is_background_title(title) is background


def test_measures_titled_paragraphs_with_their_own_list_are_child_measures() -> None:
    text = (
        "三、重点任务\n（六）强化居家社区服务\n"
        "提升居家社区养老服务品质。引进品牌机构。（责任单位：区民政局、区卫生健康委）\n"
        "完善居家社区托育服务。建设托育点。（责任单位：区卫生健康委、区教委）\n"
    )
    assert _measures(text) == [
        ("（六）", "强化居家社区服务", None, ["区民政局", "区卫生健康委", "区教委"], []),
        (None, "提升居家社区养老服务品质", "强化居家社区服务", ["区民政局", "区卫生健康委"], []),
        (None, "完善居家社区托育服务", "强化居家社区服务", ["区卫生健康委", "区教委"], []),
    ]


def test_measures_an_items_labelled_unit_lines_are_its_units_not_sub_tasks() -> None:
    # the 分工 layout of 立山区 2023 and 长兴县 2023 (tune): each item, then its unit lines
    text = (
        "一、经济社会发展的主要预期目标\n"
        "1.固定资产投资增长15%左右。\n"
        "牵头单位:区发改局\n"
        "责任单位:立山经济开发区,各街道、区直各部门\n"
        "2.一般公共预算收入增长8%左右。\n"
        "责任单位:县财政局。\n"
    )
    assert [(n, t, r) for n, t, _, r, _ in _measures(text)] == [
        ("1.", "固定资产投资增长15%左右", ["区发改局", "立山经济开发区", "各街道"]),
        ("2.", "一般公共预算收入增长8%左右", ["县财政局"]),
    ]


@pytest.mark.parametrize(
    "chapter",
    ["深化预算管理制度改革的总体要求", "2010年高校毕业生就业工作的总体安排和目标任务"],
)
def test_measures_a_topic_s_aims_chapter_holds_no_tasks(chapter: str) -> None:
    # 鲁政发〔2014〕20号 and 山东 2010 高校毕业生就业 意见 (tune): the aims of one named work
    text = (
        f"一、{chapter}\n1.指导思想。贯彻落实全会精神。\n2.目标任务。2015年取得决定性进展。\n"
        "二、重点任务\n（一）完善政府预算体系。加大统筹力度。\n"
    )
    assert _titles(text) == [("完善政府预算体系", None)]


def test_measures_a_chapter_the_copy_holds_no_text_of_is_no_task() -> None:
    # 十堰 婴幼儿照护服务 实施方案 (tune) stops at its bare heading 二、任务及分; a cut task
    # item (8.实施生活垃圾分类工, 桐庐 2020 民生实事, tune) stays a task
    opening = "一、总体要求\n坚持以人民为中心。\n"
    assert _titles(f"{opening}二、任务及分\n") == []
    assert _titles("一、民生实事项目\n7.建设老年食堂。\n8.实施生活垃圾分类工\n")[-1] == (
        "实施生活垃圾分类工",
        None,
    )


def test_measures_a_project_named_then_given_its_lead_after_a_comma() -> None:
    # 六安市民生办's 民生工程 progress bulletins (2021 tune text; 2017 1至7月 通报)
    text = (
        "二、部分项目进展情况\n"
        "1、技能培训提升,牵头单位:市退役军人局。其中,退役军人技能培训提升进度较慢的为叶集区。\n"
        "2、农村道路畅通工程,牵头部门:市交通局。建设进度相对较慢的县区为舒城县。\n"
    )
    assert [(n, t, r, le) for n, t, _, r, le in _measures(text)] == [
        ("1、", "技能培训提升", ["市退役军人局"], ["市退役军人局"]),
        ("2、", "农村道路畅通工程", ["市交通局"], ["市交通局"]),
    ]


@pytest.mark.parametrize(
    ("body", "responsible", "lead"),
    [
        (
            "区民政局牵头负责一老工作，区卫生健康委牵头负责一小工作。",
            ["区民政局", "区卫生健康委"],
            ["区民政局", "区卫生健康委"],
        ),
        (
            "市发展改革委要会同市民政局、市卫生健康委，加强跟踪督促。",
            ["市发展改革委", "市民政局", "市卫生健康委"],
            ["市发展改革委"],
        ),
        (
            "市发展改革委负责统筹推进，会同市民政局推进项目建设；市住房城乡建设局负责配建。",
            ["市发展改革委", "市民政局", "市住房城乡建设局"],
            ["市发展改革委"],
        ),
        ("由各街道办事处牵头，改扩建托育园。", ["各街道办事处"], ["各街道办事处"]),
        ("市财政局配合做好资金保障。", ["市财政局"], []),
        ("区民政局牵头、区财政局配合。", ["区民政局", "区财政局"], ["区民政局"]),
        ("区民政局、区财政局按职责分工负责。", ["区民政局", "区财政局"], []),
        (
            "区财政局负责资金保障工作。区人力资源社会保障局按规定落实从业人员技能培训补贴政策。",
            ["区财政局", "区人力资源社会保障局"],
            [],
        ),
        ("养老机构要落实安全责任，鼓励社会力量落实配套设施。", [], []),
        (
            "国家医保局承担制定试点方案、相关政策和监督实施的职责；"
            "由上海市医药集中招标采购事务管理所承担联合采购办公室日常工作。",
            ["国家医保局", "上海市医药集中招标采购事务管理所"],
            [],
        ),
        (
            "成立治理工作小组。治理工作联合办公室设在教育部、住房城乡建设部。",
            ["教育部", "住房城乡建设部"],
            [],
        ),
        ("领导小组办公室设在市民政局，各成员单位设在城区。", ["市民政局"], []),
        ("鼓励养老机构与医院配合，支持三峡学院负责培训。", [], []),
        ("发展改革、民政、卫生健康部门牵头，各级政府负责落实，行业主管部门牵头负责。", [], []),
    ],
    ids=[
        "lead",
        "convene",
        "convene-inherits-subject",
        "you-lead",
        "assist",
        "lead-and-assist",
        "by-remit",
        "carries-out-by-rule",
        "carries-out-unnamed",
        "takes-on-duty",
        "office-seated-in-ministries",
        "office-seated-in-bureau",
        "encouraged-institutions",
        "generic",
    ],
)
def test_measures_without_lists_take_the_units_their_statements_name(
    body: str, responsible: list[str], lead: list[str]
) -> None:
    text = f"四、保障措施\n（一）强化组织领导。{body}\n"
    ((_, _, _, found, found_lead),) = _measures(text)
    assert (found, found_lead) == (responsible, lead)


def test_measures_of_a_regulation_are_the_articles_that_give_a_unit_its_duty() -> None:
    """广州 天河区 居家社区养老服务管理办法: 第五条/第六条 assign duties, 第二条 states the
    scope; in 国发〔2018〕41号 no article assigns a named unit, so none is a measure."""
    text = (
        "第一章 总则\n"
        "第二条 在本区行政区域范围内开展的居家社区养老服务和管理活动，适用本办法。\n"
        "第五条 区民政局负责本区居家社区养老服务的统筹规划等工作。"
        "区养老服务指导中心负责业务指导、人员培训等工作。\n"
        "第六条 区财政局负责居家社区养老服务财政资金保障工作。\n"
        "区卫生健康局负责统筹推进医养结合。\n"
        "第二章 保障措施\n"
        "第二十六条 有关部门和单位有责任和义务向税务部门提供以下信息：\n"
        "（一）卫生健康部门有关出生医学证明信息；\n"
        "（二）民政部门有关婚姻状况信息。\n"
    )
    assert [(n, t, r) for n, t, _, r, _ in _measures(text)] == [
        (
            "第五条",
            "区民政局负责本区居家社区养老服务的统筹规划等工作",
            ["区民政局", "区养老服务指导中心"],
        ),
        ("第六条", "区财政局负责居家社区养老服务财政资金保障工作", ["区财政局", "区卫生健康局"]),
    ]


def test_measures_a_chapter_titled_by_its_task_is_a_measure_over_its_items() -> None:
    """国发〔2019〕4号 and 国办发〔2018〕129号 title chapters by their task; a chapter that
    names a part (重点任务, 养老服务) only groups its items."""
    text = (
        "一、完善国家职业教育制度体系\n（一）健全国家职业教育制度框架。把握好方向。\n"
        "二、动员社会各界扩大贫困地区产品和服务消费\n（一）推动各级机关带头参与消费扶贫。鼓励采购。\n"
        "三、养老服务\n（一）扩大普惠供给。建设养老院。\n"
    )
    assert _titles(text) == [
        ("完善国家职业教育制度体系", None),
        ("健全国家职业教育制度框架", "完善国家职业教育制度体系"),
        ("动员社会各界扩大贫困地区产品和服务消费", None),
        ("推动各级机关带头参与消费扶贫", "动员社会各界扩大贫困地区产品和服务消费"),
        ("扩大普惠供给", None),
    ]


def test_measures_lists_win_over_statements_for_responsibility() -> None:
    text = "三、重点任务\n（五）促普惠。由各街道办事处牵头，建设托育园。（责任单位：区卫生健康委、区教委）\n"
    ((_, _, _, responsible, lead),) = _measures(text)
    assert (responsible, lead) == (["区卫生健康委", "区教委"], ["各街道办事处"])


def test_measures_a_sub_measure_keeps_its_lead_but_shares_its_units() -> None:
    text = (
        "三、重点任务\n（五）促普惠协同发展\n统筹推进。\n"
        "1.促普惠。由各街道办事处牵头，改扩建托育园。（责任单位：区卫生健康委）\n"
    )
    assert _measures(text) == [
        ("（五）", "促普惠协同发展", None, ["区卫生健康委"], []),
        ("1.", "促普惠", "促普惠协同发展", ["区卫生健康委"], ["各街道办事处"]),
    ]


def test_measures_a_task_heading_is_a_task_whatever_its_ending() -> None:
    text = "1.推动养老服务持续发展。加快建设服务网络。\n2.服务需求持续增长。截至2020年底，全市共有养老机构254所。\n"
    assert _titles(text) == [("推动养老服务持续发展", None)]


@pytest.mark.parametrize(
    "units",
    [
        "（牵头单位：市民政局；配合单位：市财政局、市卫健委）",
        "（市民政局牵头，市财政局、市卫健委配合）",
        "（责任单位：市民政局（牵头）、市财政局、市卫健委）",
        "\n牵头单位：市民政局；配合单位：市财政局、市卫健委",
    ],
    ids=["labelled-parts", "roles", "lead-marker", "no-brackets"],
)
def test_measures_lists_that_name_a_lead(units: str) -> None:
    text = f"三、重点任务\n（一）完善养老服务体系。建设服务网络。{units}\n"
    ((_, _, _, responsible, lead),) = _measures(text)
    assert (responsible, lead) == (["市民政局", "市财政局", "市卫健委"], ["市民政局"])


def test_measures_a_bracket_of_prose_is_not_a_list() -> None:
    text = "三、重点任务\n（一）完善养老服务体系。建设服务网络（鼓励社会力量参与）。\n"
    ((_, _, _, responsible, lead),) = _measures(text)
    assert (responsible, lead) == ([], [])


def test_measures_and_owners_of_a_plan_in_another_style() -> None:
    """A plan never seen: chapters, labelled lists, 会同, a 牵头 statement per domain."""
    plan = extract_plan(DATA / "text" / "dali-style-plan.txt")
    measures = {
        m.title: ([u.name for u in m.responsible], [u.name for u in m.lead]) for m in plan.measures
    }
    assert measures == {
        "完善居家社区养老服务网络": (
            [
                "州民政局",
                "州住房城乡建设局",
                "州自然资源和规划局",
                "州卫生健康委",
                "州发展改革委",
                "州财政局",
            ],
            [],
        ),
        "建设社区养老服务设施": (
            ["州民政局", "州住房城乡建设局", "州自然资源和规划局"],
            ["州民政局"],
        ),
        "发展普惠托育服务": (["州卫生健康委", "州发展改革委", "州财政局"], ["州卫生健康委"]),
        "强化要素保障": (["州财政局", "州民政局", "州卫生健康委"], []),
        "加大资金投入": (["州财政局", "州民政局", "州卫生健康委"], ["州财政局"]),
        "加强组织领导": (["州民政局", "州卫生健康委"], ["州民政局", "州卫生健康委"]),
    }
    owners = {t.indicator: [u.name for u in t.responsible] for t in plan.targets}
    assert owners["社区养老服务设施覆盖率"] == [
        "州民政局",
        "州住房城乡建设局",
        "州自然资源和规划局",
    ]
    assert [(d.domain, d.unit.name) for d in plan.domain_leads] == [
        ("domain/elderly-care", "州民政局"),
        ("domain/childcare", "州卫生健康委"),
    ]


# --- issue 12, failure class 3: task tables and document-wide conventions ------------------


@pytest.mark.parametrize(
    ("units", "responsible", "lead"),
    [
        (  # 咸阳 2022 放管服要点: a 牵头 closes its whole clause
            "（市政府办公室、市行政审批制度改革工作领导小组办公室牵头，市级各有关部门"
            "按职责分工负责）",
            ["市政府办公室", "市行政审批制度改革工作领导小组办公室"],
            ["市政府办公室", "市行政审批制度改革工作领导小组办公室"],
        ),
        (  # 湖北 鄂政发〔2018〕26号: 牵头单位 then 责任单位
            "（牵头单位：省发展改革委；责任单位：省编办、省国土资源厅）",
            ["省发展改革委", "省编办", "省国土资源厅"],
            ["省发展改革委"],
        ),
        (  # 国务院分工体例: A牵头，B、C参加
            "（市民政局牵头，市财政局、市卫生健康委参加）",
            ["市民政局", "市财政局", "市卫生健康委"],
            ["市民政局"],
        ),
        (  # 四川 川发改〔2022〕 现代流通体系: a list in 〔〕 that ends in a note
            "〔责任单位：省发展改革委、省市场监管局按职责分工负责。具体任务均涉及相关市"
            "（州）人民政府，不再做分工，下同。〕",
            ["省发展改革委", "省市场监管局"],
            [],
        ),
        (  # a collective unit is one unit: 各区、市政府 / 各县、市、区人民政府
            "（责任单位：市民政局、各区、市政府）",
            ["市民政局", "各区、市政府"],
            [],
        ),
        (
            "（市民政局牵头，各县、市、区人民政府负责）",
            ["市民政局", "各县、市、区人民政府"],
            ["市民政局"],
        ),
        (  # 国办 2020 放管服 分工方案: 及 joins units, 等…部门 is a vague tail, 各地区 a unit
            "（国务院扶贫办、人力资源社会保障部牵头，海关总署等国务院相关部门及各地区"
            "按职责分工负责）",
            ["国务院扶贫办", "人力资源社会保障部", "海关总署", "各地区"],
            ["国务院扶贫办", "人力资源社会保障部"],
        ),
        (  # 天津 深化养老服务改革实施意见: 和 before a unit that names its level
            "（市民政局、市规划资源局、市住房城乡建设委和各区人民政府按职责分工负责）",
            ["市民政局", "市规划资源局", "市住房城乡建设委", "各区人民政府"],
            [],
        ),
        (  # 和 inside unit names stays: 工业和信息化部, 自然资源和规划局
            "（市工业和信息化局、市自然资源和规划局负责）",
            ["市工业和信息化局", "市自然资源和规划局"],
            [],
        ),
    ],
    ids=[
        "clause-lead",
        "labelled-lead-and-units",
        "partners",
        "note-after-list",
        "各区市",
        "各县市区",
        "及-等-各地区",
        "和-before-level",
        "和-inside-names",
    ],
)
def test_measures_lists_of_other_plans(units: str, responsible: list[str], lead: list[str]) -> None:
    text = f"三、重点任务\n（一）完善养老服务体系。建设服务网络。{units}\n"
    ((_, _, _, found, leads),) = _measures(text)
    assert (found, leads) == (responsible, lead)


@pytest.mark.parametrize(
    ("convention", "lead"),
    [
        ("（各项任务列第一位者为牵头单位，下同）", ["省民政厅"]),  # 国务院/省级分工方案体例
        ("（列第一位的责任单位为牵头单位或汇总单位）", ["省民政厅"]),  # 杭州 2020 责任分解
        ("（无牵头单位的，责任单位即为牵头单位，下同）", ["省民政厅", "省财政厅"]),  # 武汉 2023
        ("", []),
    ],
    ids=["first-leads", "first-unit-leads", "all-lead", "none"],
)
def test_measures_a_document_convention_names_the_lead_of_lists_that_name_none(
    convention: str, lead: list[str]
) -> None:
    text = (
        f"三、重点任务{convention}\n"
        "（一）完善养老服务体系。建设服务网络。（责任单位：省民政厅、省财政厅）\n"
        "（二）发展普惠托育服务。（省卫生健康委牵头，省民政厅参加）\n"
    )
    first, second = _measures(text)
    assert (first[3], first[4]) == (["省民政厅", "省财政厅"], lead)
    assert second[4] == ["省卫生健康委"]  # a list that names its lead keeps it


@pytest.mark.parametrize(
    ("assignment", "unit"),
    [
        ("（以下各项工作均需各区、市政府负责落实，不再一一列出）", "各区、市政府"),  # issue 12
        (
            "（以下各项任务均由各县（市、区）人民政府负责落实，不再一一列出）",
            "各县（市、区）人民政府",
        ),
    ],
)
def test_measures_inherit_units_the_document_prints_once(assignment: str, unit: str) -> None:
    """以下各项工作均需…负责落实，不再一一列出 (and 四川's …，不再做分工，下同): every
    later task owns the unit although it never prints it again."""
    text = (
        "二、总体要求\n（一）指导思想。坚持以人民为中心。\n"
        f"三、重点任务{assignment}\n"
        "（二）完善养老服务体系。建设服务网络。（责任单位：市民政局）\n"
        "（三）发展普惠托育服务。扩大托位供给。（责任单位：市卫生健康委、市教育局）\n"
    )
    owners = {title: responsible for _, title, _, responsible, _ in _measures(text)}
    assert owners == {
        "完善养老服务体系": ["市民政局", unit],
        "发展普惠托育服务": ["市卫生健康委", "市教育局", unit],
    }


def test_measures_an_addressee_list_names_no_responsible_unit() -> None:
    text = (
        "某某市人民政府办公室关于印发某某市养老服务实施方案的通知\n"
        "各县（市、区）人民政府，市政府各部门：\n"
        "现将《某某市养老服务实施方案》印发给你们，请认真贯彻落实。\n"
        "三、重点任务\n（一）完善养老服务体系。建设服务网络。（责任单位：市民政局）\n"
    )
    ((_, _, _, responsible, _),) = _measures(text)
    assert responsible == ["市民政局"]


THREE_COLUMNS_BY_ROW = (
    "附件\n重点任务分工表\n序号 | 重点任务 | 责任单位\n"
    "1 | 推进居家社区养老服务设施建设 | 市民政局牵头，市自然资源局、市住房城乡建设局参加\n"
    "2 | 发展普惠托育服务 | 市卫生健康委、市发展改革委按职责分工负责，地方各级人民政府\n"
    "3 | 加强养老托育人才培养 | 市人力资源社会保障局、市教育局\n"
)
THREE_COLUMNS_BY_CELL = (
    "附件\n重点任务分工（列第一位者为牵头单位，下同）\n序号\n重点任务\n责任单位\n完成时限\n"
    "1\n推进居家社区养老服务设施建设\n市民政局、市自然资源局、市住房城乡建设局\n2025年底\n"
    "2\n发展普惠托育服务\n市卫生健康委、市发展改革委，各县（市、区）人民政府\n持续推进\n"
    "3\n加强养老托育人才培养\n市人力资源社会保障局、市教育局\n"
)


@pytest.mark.parametrize(
    ("table", "leads"),
    [
        (THREE_COLUMNS_BY_ROW, [["市民政局"], [], []]),
        (THREE_COLUMNS_BY_CELL, [["市民政局"], ["市卫生健康委"], ["市人力资源社会保障局"]]),
    ],
    ids=["one-row-a-line", "one-cell-a-line"],
)
def test_measures_of_a_three_column_task_table(table: str, leads: list[list[str]]) -> None:
    """A 重点任务分工表 (序号 / 重点任务 / 责任单位): a row whose task is a numbered
    measure of the text gives it its units, any other row is a measure of its own;
    地方各级人民政府 and 各县（市、区）人民政府 are collective units."""
    text = (
        "三、重点任务\n（一）推进居家社区养老服务设施建设。按标准配建社区养老服务设施。\n"
        "（二）发展普惠托育服务。支持社会力量举办托育机构。\n" + table
    )
    found = [
        (number, title, responsible, lead)
        for number, title, _, responsible, lead in _measures(text)
    ]
    assert [(n, t, r) for n, t, r, _ in found] == [
        (
            "（一）",
            "推进居家社区养老服务设施建设",
            ["市民政局", "市自然资源局", "市住房城乡建设局"],
        ),
        (
            "（二）",
            "发展普惠托育服务",
            [
                "市卫生健康委",
                "市发展改革委",
                "各县（市、区）人民政府" if table is THREE_COLUMNS_BY_CELL else "地方各级人民政府",
            ],
        ),
        ("3", "加强养老托育人才培养", ["市人力资源社会保障局", "市教育局"]),
    ]
    assert [lead for *_, lead in found] == leads


def test_measures_a_science_association_in_a_unit_cell_is_a_unit() -> None:
    """科协 is a people's organisation a task table names as a unit like any bureau, as it
    does the federations (残联, 工商联): 嘉兴 2024 政府工作报告重点工作责任分解 (tune),
    13 | 完善科技创新激励机制… | 市科技局、市财政局、市科协 |."""
    text = (
        "序号 | 主 要 工 作 任 务 | 责任单位 |\n"
        "12 | 持续加大科技创新投入力度。 | 市科技局、市财政局 |\n"
        "13 | 完善科技创新激励机制,营造鼓励创新、支持创新、参与创新的社会氛围。 | "
        "市科技局、市财政局、市科协 |\n"
    )
    assert [responsible for *_, responsible, _ in _measures(text)] == [
        ["市科技局", "市财政局"],
        ["市科技局", "市财政局", "市科协"],
    ]


LEAD_AND_PARTNER_COLUMNS = (
    "2021年民生实事项目目标任务责任分解表\n"
    "序号 | 项目名称 | 主要内容 | 区政府分管领导 | 牵头单位 | 配合单位\n"
    "1 | 增加教育资源供给 | 新建、改扩建学校12个 | 何海平 | 区教育局 | 经开区、各街道\n"
    "2 | 优化养老服务 | 为23000名老年人提供居家上门服务 | 张菁 | 区民政局 |  | \n"
)
"""常州 钟楼区 2021 民生实事责任分解表: 序号 | 项目名称 | 主要内容 | 区政府分管领导 |
牵头单位 | 配合单位: an empty partner cell is kept in its place."""

LEAD_AND_PARTNER_CELLS = (
    "2024年《政府工作报告》重点工作目标任务分解表\n"
    "序号 |\n目标与任务 |\n分 管 县领导 |\n牵头责任单位 |\n责任单位 |\n"
    "80 |\n加大普惠性托育供给，新增托位数400个以上。实施中小学办学能力提升工程。 |\n"
    "俞 悦 |\n县教育局 |\n县卫生健康委 |\n"
    "81 |\n支持芜湖科技工程学校发展。 |\n陆 明 |\n县人社局 |\n县教育局 |\n"
)
"""南陵 2024 政府工作报告目标任务分解表, one cell a line: 序号 / 目标与任务 / 分 管 县领导
(letter-spaced) / 牵头责任单位 / 责任单位."""


@pytest.mark.parametrize(
    ("table", "rows"),
    [
        (
            LEAD_AND_PARTNER_COLUMNS,
            [
                ("1", "增加教育资源供给", ["区教育局", "经开区", "各街道"], ["区教育局"]),
                ("2", "优化养老服务", ["区民政局"], ["区民政局"]),
            ],
        ),
        (
            LEAD_AND_PARTNER_CELLS,
            [
                (
                    "80",
                    "加大普惠性托育供给，新增托位数400个以上",
                    ["县教育局", "县卫生健康委"],
                    ["县教育局"],
                ),
                ("81", "支持芜湖科技工程学校发展", ["县人社局", "县教育局"], ["县人社局"]),
            ],
        ),
    ],
    ids=["one-row-a-line", "one-cell-a-line"],
)
def test_measures_of_a_task_table_with_lead_and_partner_columns(
    table: str, rows: list[tuple[str, str, list[str], list[str]]]
) -> None:
    """The lead column's units lead, the partners follow; a leader's name is no unit."""
    assert [(n, t, r, lead) for n, t, _, r, lead in _measures(table)] == rows


RUN_TOGETHER_WITH_LEADER = (
    "2021年重大民生实事项目目标任务责任分解表序号项目名称主要内容区政府分管领导牵头单位配合单位"
    "1增加教育资源供给增加学位5000个。何海平教育局经开区高新园(邹区镇)各街道市国有公司"
    "2优化养老服务为全区23000名老年人提供居家上门服务。张菁民政局各街道提升改造8家中心。"
    "序号项目名称主要内容区政府分管领导牵头单位配合单位3文体惠民行动新建2家书苑\n"
)
"""常州 钟楼区 2021 民生实事责任分解表 as a sharing site extracts the .docx: no separator
left; a 分管领导 (三 or 两 characters) stands between the task and the units."""

RUN_TOGETHER_PROGRESS = (
    "实事内容工作任务责任单位进展情况\n一季度二季度三季度四季度\n"
    "养老助残创建20个无障碍社区。区残联,相关镇街1.完成第一批申报、培训。成功创建38个。\n"
    "新增30家示范型以上居家养老服务照料中心。区民政局,相关镇街目前已完成5家建设任务。\n"
)
"""杭州 余杭区 2020 民生实事进展 (a page of the district): no serial column, the progress
cells after the units."""


@pytest.mark.parametrize(
    ("table", "rows"),
    [
        (
            RUN_TOGETHER_WITH_LEADER,
            [
                (
                    "1",
                    "增加教育资源供给增加学位5000个",
                    ["教育局", "经开区", "高新园（邹区镇）", "各街道", "市国有公司"],
                    ["教育局"],
                ),
                (
                    "2",
                    "优化养老服务为全区23000名老年人提供居家上门服务",
                    ["民政局", "各街道"],
                    ["民政局"],
                ),
            ],
        ),
        (
            RUN_TOGETHER_PROGRESS,
            [
                ("1", "养老助残创建20个无障碍社区", ["区残联", "相关镇街"], []),
                ("2", "新增30家示范型以上居家养老服务照料中心", ["区民政局", "相关镇街"], []),
            ],
        ),
    ],
    ids=["leader-column", "progress-columns"],
)
def test_measures_of_a_task_table_whose_cells_run_together(
    table: str, rows: list[tuple[str, str, list[str], list[str]]]
) -> None:
    """Rows end where the task's last sentence meets the unit cell; the header printed
    again, a leader's name and the progress cells are no units."""
    assert [(n, t, r, lead) for n, t, _, r, lead in _measures(table)] == rows


UNIT_BEFORE_TASK_CELLS = (
    "海安市民政局2023年民生实事项目实施进度表\n"
    "序号 |\n责任单位 |\n实施内容 |\n协同单位 |\n分管 领导 |\n最新进度(8月24日) |\n"
    "是否 达序时 |\n未达序时原因 及存在问题 |\n"
    "15 |\n民政局 |\n新增养老床位不少于300张，完成居家适老化改造400户。 |\n"
    "财政局 住建局 瑞海集团 各区镇街道 |\n新增床位近100张；9月底前完成。 |\n是 |\n"
    "16 |\n卫健局 |\n新增托位200个。 |\n教育局 |\n已完成。 |\n是 |\n"
)
"""海安市民政局 2023年民生实事项目实施进度表, one cell a line: the unit column before the
task (责任单位 | 实施内容 | 协同单位), then progress columns headed by words of their own;
the empty 分管领导 and 未达序时原因 cells are not printed."""


def test_measures_of_a_cell_table_whose_unit_column_comes_before_the_task() -> None:
    """The 责任单位 leads, the 协同单位 follow; the progress cell is neither task nor unit."""
    assert [(n, t, r, lead) for n, t, _, r, lead in _measures(UNIT_BEFORE_TASK_CELLS)] == [
        (
            "15",
            "新增养老床位不少于300张，完成居家适老化改造400户",
            ["民政局", "财政局", "住建局", "瑞海集团", "各区镇街道"],
            ["民政局"],
        ),
        ("16", "新增托位200个", ["卫健局", "教育局"], ["卫健局"]),
    ]


CONTINUATION_ROWS = (
    "序号 | 工作任务 | 责任单位 | 一季度目标 | 进展情况 | 目标完成情况 |\n"
    "1 | 新改扩建公办中小学校1所 | 教体局 | 室内安装 | 装修完成80%。 | 顺利推进 |\n"
    "新增学位810个 | |||||\n"
    "2 | 完成结对帮扶学校2所 | 教体局 | 互派人员到位 | 已互派。 | 顺利推进 |\n"
    "★人口出生率 | 5.48‰ | 降幅趋缓 |\n"
    "3 | 新增托位200个 | 卫健局 | 选址 | 已选址。 | 顺利推进 |\n"
    "各单位要按季度报送进展。\n"
)
"""柯桥区 2023 省政府民生实事一季度进展 and 桐乡 2023 民生标志性成果表: a row whose first
cells span several lines prints its further lines with only their own cells."""


def test_measures_of_a_task_table_read_past_rows_that_continue_a_spanned_row() -> None:
    """A continuation line neither ends the table nor becomes a row; prose after it does."""
    assert [(n, t, r) for n, t, _, r, _ in _measures(CONTINUATION_ROWS)] == [
        ("1", "新改扩建公办中小学校1所", ["教体局"]),
        ("2", "完成结对帮扶学校2所", ["教体局"]),
        ("3", "新增托位200个", ["卫健局"]),
    ]


def test_measures_a_unit_cell_that_names_a_collective_assigns_the_row_to_it() -> None:
    """南陵 2024 分解表: 责任单位 县各有关单位 (the whole cell) is the row's partner unit."""
    table = LEAD_AND_PARTNER_CELLS.replace("县卫生健康委 |", "县各有关单位 |")
    assert _measures(table)[0][3] == ["县教育局", "县各有关单位"]
    prose = "三、重点任务\n（一）加大托育供给。县教育局牵头，县各有关单位配合，新增托位。\n"
    assert _measures(prose)[0][3] == ["县教育局"]


def test_measures_header_words_in_prose_make_no_run_together_table() -> None:
    normalized = normalize_text(
        "（一）压实责任。各地要明确重点任务责任单位完成时限。区民政局负责统筹。区卫生健康委配合。\n"
    )
    assert task_rows(normalized.text, normalized.quote, load_lexicon()) == []


def test_measures_a_task_row_adds_its_units_to_the_measure_it_restates() -> None:
    text = (
        "三、重点任务\n（一）推进居家社区养老服务设施建设。按标准配建。（责任单位：市民政局）\n"
        "附件\n序号 | 重点任务 | 责任单位\n"
        "1 | 推进居家社区养老服务设施建设 | 市民政局牵头，市财政局参加\n"
    )
    ((number, _, _, responsible, lead),) = _measures(text)
    assert (number, responsible, lead) == ("（一）", ["市民政局", "市财政局"], ["市民政局"])


TEXTS = sorted(
    [*(ROOT / "corpus").glob("*.txt"), *(ROOT / "tests" / "devset").glob("*/texts/*.txt")]
)


@pytest.mark.parametrize("path", TEXTS, ids=lambda path: path.stem)
def test_no_two_measures_of_a_plan_share_an_identity(path):
    """Two tasks minted with one key would become one measure node in the graph, with two
    titles and the owners of both (a copy that lost a row's serial numbered it like another)."""
    try:
        plan = extract_plan(path)
    except PolicygraphError:  # a text refused as not a policy text has no measures
        return
    keys = [measure.key for measure in plan.measures]
    assert len(keys) == len(set(keys)), sorted(k for k in keys if keys.count(k) > 1)


def test_measures_a_documents_own_short_numbered_lines_are_kept() -> None:
    """A short line is no page: a list of short items is the document's own."""
    text = "三、保障措施\n1、加强组织领导\n2、强化资金保障\n3、严格督促检查\n"
    assert normalize_text(text).text == text


NAMED_ROWS = (
    "序号 | 标志性成果 | 牵头单位 | 指标名称 | 2022年实际值 | 2023年目标值 | 重点任务 | "
    "拟打造的重点场景 | 配合单位 |\n"
    "1 | 桐享 优育 | 卫健局 | ★每千人托位数 | 3.21 | 3.8 | 1.倡导新型婚育文化,持续开展新型婚育"
    "文化宣讲活动,全面宣传“桐享优育”工作成效;2.争取由市委市政府牵头出台全市家庭育儿支持政策;"
    "3.推进梧桐街道社区卫生服务中心的“医防护”儿童健康指导中心建设。 | 梧桐街道社区卫生服务中心"
    "“医防护”儿童健康指导中心 | 宣传部、妇联、发改局、财政局、建设局、市场监管局、教育局、资规局、"
    "计生协会、各镇街道 |\n"
    "★人口出生率 | 5.48‰ | 降幅趋缓 |\n"
)
"""桐乡 2023 民生标志性成果表 (tune), its first row as printed: the 标志性成果 names the row,
the 重点任务 cell numbers its items."""


def test_measures_a_named_row_is_titled_by_its_name_and_its_numbered_items_are_children() -> None:
    """标志性成果 (like 项目名称 beside 主要内容, 常州 钟楼区) names the row; each numbered item
    of the task cell is a sub-measure with the row's units, its ； inside kept."""
    found = _measures(NAMED_ROWS)
    assert [(n, t, p) for n, t, p, _, _ in found] == [
        ("1", "桐享优育", None),
        (
            "1.",
            "倡导新型婚育文化，持续开展新型婚育文化宣讲活动，全面宣传“桐享优育”工作成效",
            "桐享优育",
        ),
        ("2.", "争取由市委市政府牵头出台全市家庭育儿支持政策", "桐享优育"),
        ("3.", "推进梧桐街道社区卫生服务中心的“医防护”儿童健康指导中心建设", "桐享优育"),
    ]
    assert {tuple(lead) for *_, lead in found} == {("卫健局",)}
    assert all(len(responsible) == 11 for _, _, _, responsible, _ in found)


def test_measures_a_task_cell_without_item_1_has_no_items() -> None:
    assert cell_items("新建学校12个。2025年底前完成") == []
    assert cell_items("完成A;启动B。2.新增学位") == []
    assert [n for n, _, _ in cell_items("1.完成A等3个项目;启动B;2.新增学位4590个。")] == [
        "1.",
        "2.",
    ]


def test_measures_the_row_a_copy_breaks_off_in_keeps_its_name_and_lead() -> None:
    """桐乡's copy ends inside row 3 (its last line, as printed): the row is still a
    measure, with the units it printed; the same cells before more text are no row."""
    cut = NAMED_ROWS + "3 | 桐享 健康 | 卫健局 | 结直肠癌筛查(人) | 41152 | 20"
    rows = [(n, t, r) for n, t, p, r, _ in _measures(cut) if p is None]
    assert rows[-1] == ("3", "桐享健康", ["卫健局"])
    followed = cut + "\n各单位要按季度报送进展情况，确保完成。\n"
    assert [t for _, t, p, _, _ in _measures(followed) if p is None] == ["桐享优育"]


def test_measures_a_part_that_opens_on_a_deadline_states_goals() -> None:
    """《…一老一小…》's goals (tune, buming-shi-yilaoyixiao-fazhan-mubiao) under headings
    that name no goal: each part opens on 到2023年， and assigns nobody, so no measure."""
    text = (
        "(一)“一老”方面\n到2023年,全市养老服务床位数达到1.35万张。全面建立居家社区老年人定期探访制度。\n"
        "(二)“一小”方面\n到2023年,逐步健全婴幼儿照护服务规范体系,扩大基本公共服务覆盖面。\n"
        "(三)发展普惠托育服务\n支持社会力量举办托育机构。到2025年新增托位1000个。\n"
    )
    assert _titles(text) == [("发展普惠托育服务", None)]


def test_measures_a_run_together_row_runs_on_to_the_next_row() -> None:
    """What a run-together row prints after its units is its own: the rest of a content
    cell (常州 钟楼区: …张菁民政局各街道提升改造8家中心。), up to the header printed again."""
    normalized = normalize_text(RUN_TOGETHER_WITH_LEADER)
    spans = find_measures(
        normalized.text, outline_text(normalized.text), normalized.quote, load_lexicon()
    )
    (row,) = [s for s in spans if s.measure.title.startswith("优化养老服务")]
    governed = normalized.text[row.start : row.end]
    assert "提升改造8家中心" in governed
    assert "序号" not in governed


# 杭州 余杭区 2020 民生实事进展 (tune), its rows as printed: the 进展情况 cells after the units
# number their own items
YUHANG_ROWS = (
    "实事内容工作任务责任单位进展情况\n一季度二季度三季度四季度\n"
    "养老助残创建20个无障碍社区。区残联,相关镇街1.完成第一批申报、培训、进入实施改造阶段,其中2个"
    "已完成改造; 2.完成第二批申报、培训。1.完成两批共40个社区的申报、培训工作; 2.对第一批创建社区"
    "进行验收。1.完成两批共40个社区的申报、培训工作。 2.完成第一批创建社区验收工作,共14个社区通过"
    "验收。 3.完成第一批验收的回头看工作,对整改情况进行复核。成功创建38个无障碍社区,超额完成目标任务。\n"
    "新增30家示范型以上居家养老服务照料中心。区民政局,相关镇街目前已完成5家建设任务。"
    "目前已完成11家建设任务。累计完成21家。\n"
)


def test_measures_items_a_row_s_cells_number_are_no_measures_of_their_own() -> None:
    assert [t for _, t, _, _, _ in _measures(YUHANG_ROWS)] == [
        "养老助残创建20个无障碍社区",
        "新增30家示范型以上居家养老服务照料中心",
    ]


def test_measures_a_chapter_of_one_leader_s_tasks_holds_measures_and_is_none() -> None:
    """An annual division of work groups its tasks by the government leader who leads
    them (长兴 长政办发〔2023〕7号: 一、朱伟县长牵头重点工作; 海盐 盐政办发〔2022〕16号: 二、曹惠明
    常务副县长牵头重点工作, both tune): the chapter names a part of the document and is no
    measure (tests/gold/README.md), as 二、重点任务 is none; its items are the measures,
    with their own units, though its title reads like aims."""
    items = (
        "1.财政总收入和一般公共预算收入与经济增长基本同步。\n责任单位：县财政局\n"
        "2.全力防范化解财政金融等领域风险隐患。\n"
    )
    for chapter in ("一、朱伟县长牵头重点工作", "二、重点任务"):
        assert _titles(f"{chapter}\n{items}") == [
            ("财政总收入和一般公共预算收入与经济增长基本同步", None),
            ("全力防范化解财政金融等领域风险隐患", None),
        ]
    assert _measures(f"一、朱伟县长牵头重点工作\n{items}")[0][3] == ["县财政局"]


def test_measures_a_task_table_whose_task_header_is_unknown_has_it_after_the_serial() -> None:
    """苍南 2023 省政府民生实事项目实施计划 (tune: 序号 | 项目？jī）？nèi）容 | 工作进度安排 |
    目前实施情况 | 牵头单位, its 项目内容 garbled by the copy) and 泰顺 2023年10月 省政府民生实事
    项目进展情况汇总表 (序号 / 项目内容 / 牵头单位 / 落实情况): the task is the cell after the
    序号, and a 牵头单位 column alone names the row's lead. An indicator table's header
    (序号 | 指标名称 | 单位 | 2025 | 责任单位, 万州) is no task table's."""
    table = (
        "2023年省政府民生实事项目实施计划\n"
        "序号 | 项目？jī）？nèi）容 | 工作进度安排 | 目前实施情况 | 牵头单位 |\n"
        "1 | 完成县中崛起（苍南中学结对瑞安中学）。 | 第一季度：举行结对仪式。 | 已完成。 | 县教育局 |\n"
        "2 | 新增老年大学3所。 | 第四季度：建成。 | 基本完成。 | 县民政局 |\n"
    )
    assert _measures(table) == [
        ("1", "完成县中崛起（苍南中学结对瑞安中学）", None, ["县教育局"], ["县教育局"]),
        ("2", "新增老年大学3所", None, ["县民政局"], ["县民政局"]),
    ]
    indicators = (
        "十四五养老托育服务发展指标表\n序号 | 指标名称 | 单位 | 2025 | 责任单位 |\n"
        "1 | 基本养老保险参保率 | % | 95 | 区人力社保局 |\n"
    )
    assert _measures(indicators) == []


def test_measures_the_year_s_goals_chapter_of_a_division_holds_measures() -> None:
    """In a division of work each goal is a task given to units: under 一、经济社会发展的
    主要预期目标 (立山区 2023 重点工作任务分解和责任分工方案) and 一、2021年经济社会发展主要预期
    目标 (粤府〔2021〕22号), both tune, the goals are measures (the chapter itself is none,
    tests/gold/README.md); a plan's 二、主要目标 stays context, its items no tasks."""
    goals = "1.固定资产投资增长15%左右。\n牵头单位：区发改局\n"
    for title in ("经济社会发展的主要预期目标", "2021年经济社会发展主要预期目标"):
        measures = _measures(f"一、{title}\n{goals}")
        assert [(m[1], m[2], m[3]) for m in measures] == [
            ("固定资产投资增长15%左右", None, ["区发改局"]),
        ]
    assert [m[1] for m in _measures(f"二、主要目标\n{goals}")] == []
