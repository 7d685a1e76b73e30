"""Targets of annual programmes: indicator tables that carry each row's tasks, the
year of a 民生实事 programme, the parts of a total, counts of a list (issue 12).

Wordings are those of the tune texts of tests/devset named in each test (桐乡 2023
标志性成果, 常州钟楼 2021 民生实事, 杭州 2022 民生实事 briefing, 江宁区 2024 list, 海安
2023 进度表) and of the second texts the rules cite.
"""

from __future__ import annotations

from decimal import Decimal

import pytest

from policygraph.extract import find_targets
from policygraph.extract.clauses import programme_year
from policygraph.lexicon_data import load_lexicon
from policygraph.model import Target
from policygraph.normalize import normalize_text
from policygraph.structure import outline_text
from policygraph.tables import find_tables


def _plan_targets(text: str) -> list[Target]:
    normalized = normalize_text(text)
    outline = outline_text(normalized.text)
    return find_targets(normalized.text, outline, [], load_lexicon(), normalized.quote)


INDICATORS_WITH_TASKS = (
    "序号 | 标志性成果 | 牵头单位 | 指标名称 | 2022年实际值 | 2023年目标值 | 重点任务 "
    "| 拟打造的重点场景 | 配合单位 |\n"
    "1 | 桐享 优育 | 卫健局 | ★每千人托位数 | 3.21 | 3.8 | 1.倡导新型婚育文化,持续开展"
    "新型婚育文化宣讲活动。 | 梧桐街道社区卫生服务中心 | 宣传部、妇联 |\n"
    "★人口出生率 | 5.48‰ | 降幅趋缓 |\n"
    "2 | 桐享 优学 | 教育局 | 持续新增学位(个) | 7320 | 4590 | 1.完成春澜幼儿园新建工程、"
    "凤鸣小学改扩建工程等2个项目;2.新增学位4590个,其中新增幼儿园学位1350个,新增义务教育"
    "学位3240个;3.继续推进心理健康示范校创建活动,2023年计划新增示范校10所。"
    "4.持续培育、新增嘉兴市义务教育“新优质学校”3所,全市义务教育“新优质学校”达到6所。 "
    "| 桐乡北港小学 | 发改局、财政局 |\n"
    "新增心理健康示范学校(所) | 6 | 10 |\n"
    "培育嘉兴市义务教育“新优质学校”(所) | 3 | 3 |\n"
)


def test_annual_an_indicator_table_with_task_columns_is_read_as_one() -> None:
    """桐乡 2023 标志性成果: three columns the cue table does not know (标志性成果,
    重点任务, 拟打造的重点场景) beside 指标名称 and a 2022/2023 year pair."""
    normalized = normalize_text(INDICATORS_WITH_TASKS)
    (table,) = find_tables(normalized.text)
    assert len(table.header) == 9
    assert len(table.rows) == 5


def test_annual_rows_of_indicator_cells_keep_their_task_units() -> None:
    """A row that prints only its indicator's cells (★人口出生率 | 5.48‰ | 降幅趋缓 |) fills
    the indicator columns and keeps the 牵头 and 配合 units of its task's row; the goal
    year column gives the target, the 实际值 column the baseline and its unit; the ★ of a
    key indicator is no part of its name."""
    table = [t for t in _plan_targets(INDICATORS_WITH_TASKS) if t.source == "table"]
    rows = [
        (t.indicator, t.year, t.value, t.qualitative, t.unit, t.baseline_value, t.baseline_year)
        for t in table
    ]
    assert rows == [
        ("每千人托位数", 2023, Decimal("3.8"), None, None, Decimal("3.21"), 2022),
        ("人口出生率", 2023, None, "降幅趋缓", "‰", Decimal("5.48"), 2022),
        ("持续新增学位", 2023, Decimal(4590), None, "个", Decimal(7320), 2022),
        ("新增心理健康示范学校", 2023, Decimal(10), None, "所", Decimal(6), 2022),
        ("培育嘉兴市义务教育“新优质学校”", 2023, Decimal(3), None, "所", Decimal(3), 2022),
    ]
    owners = [[m.name for m in t.responsible] for t in table]
    assert owners[:2] == [["卫健局", "宣传部", "妇联"]] * 2
    assert owners[2:] == [["教育局", "发改局", "财政局"]] * 3


@pytest.mark.parametrize(
    ("sentence", "values"),
    [
        # 常州钟楼 2021 民生实事 (tune): the parts of 12 follow a second figure
        pytest.param(
            "实施新建、改扩建学校重点建设项目12个，计划竣工3个，其中幼儿园7个、小学4个、初中1个。",
            [12, 3],
            id="parts-of-an-earlier-total",
        ),
        pytest.param("增加学位5000个，其中幼儿园420个，中小学4580个。", [5000], id="parts-of-5000"),
        # 武汉 养老托育 news (tune): a part that adds up to no total is a target
        pytest.param(
            "新增养老床位5000张，其中普惠性养老床位2100张。", [5000, 2100], id="a-part-alone"
        ),
    ],
)
def test_annual_the_parts_of_a_total_are_no_targets(sentence: str, values: list[int]) -> None:
    text = f"2021年重大民生实事项目目标任务责任分解表\n{sentence}\n"
    assert [t.value for t in _plan_targets(text)] == [Decimal(v) for v in values]


@pytest.mark.parametrize(
    ("text", "year"),
    [
        pytest.param("近日，江宁区2024年度10类民生实事项目确定。", 2024, id="jiangning"),
        pytest.param("杭州市政府举行2022年民生实事项目完成情况新闻通报会。", 2022, id="hangzhou"),
        pytest.param("海安市民政局2023年民生实事项目实施进度表", 2023, id="haian"),
        pytest.param("2022年民生实事项目……2023年民生实事项目", None, id="two-years"),
        pytest.param("到2025年，全市养老床位达到1.7万张。", None, id="no-programme"),
    ],
)
def test_annual_the_year_of_the_programme_a_text_is_about(text: str, year: int | None) -> None:
    assert programme_year(normalize_text(text).text) == year


BRIEFING = (
    "6日，杭州市政府举行2022年民生实事项目完成情况新闻通报会。\n"
    "2022年杭州市民政局首次把认知障碍照护列入其中，以民生实事为载体，聚焦推进“新增康养联合体"
    "16家，认知障碍照护专区床位1120张”两项市级民生实事项目。截至11月底，杭州已新增康养联合体24家。\n"
    "如在支持社会力量参与普惠托育服务供给方面，由杭州市卫健委牵头的“新增普惠托位5580个，"
    "社区婴幼儿成长驿站100家”项目，已新增普惠托位8358个，社区婴幼儿成长驿站185家。\n"
)


def test_annual_the_quoted_projects_of_a_programme_take_its_year() -> None:
    """杭州 2022 民生实事 briefing: the figures quoted as projects are the programme's
    2022 targets, and what 已新增 reports is no target."""
    found = [(t.indicator, t.year, t.value) for t in _plan_targets(BRIEFING)]
    assert found == [
        ("新增康养联合体", 2022, Decimal(16)),
        ("认知障碍照护专区床位", 2022, Decimal(1120)),
        ("新增普惠托位", 2022, Decimal(5580)),
        ("社区婴幼儿成长驿站", 2022, Decimal(100)),
    ]


def test_annual_a_count_closing_a_list_of_named_items_is_no_target() -> None:
    """…工程、…工程等3个项目 (桐乡) like 淮阳区、沈丘县、西华县等3个县(区) (周口): the count
    of what the list names; the figure after it is the target."""
    text = "到2023年，完成春澜幼儿园新建工程、凤鸣小学改扩建工程等2个项目，新增学位4590个。"
    assert [t.value for t in _plan_targets(text)] == [Decimal(4590)]


def test_annual_acts_listed_with_their_figures_each_name_their_own() -> None:
    """江宁区 2024 民生实事 (tune, in traditional characters with pinyin damage in the
    source): a remark after a value (（每个街道1个）) is no target and the noun follows it; a
    verb and the places it is done in stand before a value written first; an earlier
    item's figure (100万平方米, a floor area and no target) closes its item."""
    text = (
        "近日，江宁区2024年度10类民生实事项目确定。\n"
        "其中包括：新增10个(每个街道1个)老年人助餐点建设、完成秣陵和淳化2个街道社区卫生服务中心"
        "改扩建施工、实现安置房建设100万平方米、建成东山街道1所公办民营普惠托育机构、新建更新"
        "健身路径180套、新建镇村公交候车亭100座等31项子内容。\n"
    )
    assert [(t.indicator, t.year, t.value, t.unit) for t in _plan_targets(text)] == [
        ("老年人助餐点建设", 2024, Decimal(10), "个"),
        ("街道社区卫生服务中心改扩建施工", 2024, Decimal(2), "个"),
        ("公办民营普惠托育机构", 2024, Decimal(1), "所"),
        ("新建更新健身路径", 2024, Decimal(180), "套"),
        ("新建镇村公交候车亭", 2024, Decimal(100), "座"),
    ]


def test_annual_the_figures_of_a_remark_after_a_value_are_no_targets() -> None:
    """The base remark of 达到4.5个（较2020年的1.8个增长150%） is a remark like the spread
    of 新增10个（每个街道1个）: only the value before it is a target."""
    text = "到2025年，每千人口拥有3岁以下婴幼儿托位数达到4.5个（较2020年的1.8个增长150%）。"
    assert [t.value for t in _plan_targets(text)] == [Decimal("4.5")]


@pytest.mark.parametrize(
    ("text", "indicator"),
    [
        # 郑州 卫健 托育 news (tune)
        pytest.param(
            "各区至少确定1家区属或驻区省直医疗单位开办托育机构。",
            "各区区属或驻区省直医疗单位开办托育机构",
            id="at-least-any-verb",
        ),
        # 山西 老龄工作意见 news (tune): the place is a scope word
        pytest.param(
            "到2025年，基本完成全省7701个城镇老旧小区改造任务。",
            "城镇老旧小区改造任务",
            id="verb-and-scope",
        ),
    ],
)
def test_annual_a_value_written_first_after_a_verb_and_its_places(
    text: str, indicator: str
) -> None:
    assert [t.indicator for t in _plan_targets(text)] == [indicator]


def test_annual_a_programme_recalled_further_on_is_not_the_text_s_subject() -> None:
    """The programme a text is about is named in its opening; a review further on that
    recalls one (2021年民生实事项目全面完成) dates nothing."""
    review = "2021年民生实事项目全面完成。"
    assert programme_year(normalize_text(review).text) == 2021
    late = "某市养老服务体系建设实施方案\n" + "一、总体要求\n坚持以人民为中心。" * 30 + review
    assert programme_year(normalize_text(late).text) is None
