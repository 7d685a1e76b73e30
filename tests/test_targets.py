"""extract/targets.py: values from table cells and from running text."""

from __future__ import annotations

from decimal import Decimal
from operator import attrgetter

import pytest

from policygraph.extract import dated_by_title, find_targets
from policygraph.extract.cells import parse_cell
from policygraph.extract.statements import text_targets
from policygraph.extract.targets import table_targets
from policygraph.lexicon_data import load_lexicon
from policygraph.model import Bindingness, Target
from policygraph.nlp import plan_from_text
from policygraph.normalize import normalize_text
from policygraph.structure import outline_text
from policygraph.tables import find_tables


@pytest.mark.parametrize(
    ("cell", "value", "comparator", "unit", "qualitative"),
    [
        pytest.param("≥60", "60", ">=", None, None, id="sign-before-number"),
        pytest.param("≤40", "40", "<=", None, None, id="upper-bound"),
        pytest.param("95.6", "95.6", "=", None, None, id="plain-decimal"),
        pytest.param("1所区级老年大学", "1", "=", "所", None, id="number-unit-and-words"),
        pytest.param("1.5万", "15000", "=", None, None, id="wan-multiplier"),
        pytest.param("应保尽保", None, None, None, "应保尽保", id="qualitative-wording"),
        pytest.param("〔>5000〕", "5000", ">", None, None, id="period-total-in-brackets"),
    ],
)
def test_targets_parse_table_cell(
    cell: str, value: str | None, comparator: str | None, unit: str | None, qualitative: str | None
) -> None:
    quantity = parse_cell(cell)
    assert quantity is not None
    assert quantity.value == (Decimal(value) if value else None)
    assert (quantity.comparator if value else None) == comparator
    assert quantity.unit == unit
    assert quantity.qualitative == qualitative


@pytest.mark.parametrize("cell", ["—", "-", "", " "])
def test_targets_empty_cells_are_no_value(cell: str) -> None:
    assert parse_cell(cell) is None


def _table_targets(text: str):  # type: ignore[no-untyped-def]
    normalized = normalize_text(text)
    (table,) = find_tables(normalized.text)
    return table_targets(table, normalized.quote)


def test_targets_table_row_places_values_by_year_and_keeps_baseline() -> None:
    text = (
        "序号\n\n指标名称\n\n单位\n\n2021\n\n2023\n\n2025\n\n指标\n\n属性\n\n责任单位\n\n"
        "一、养老服务\n\n1\n\n养老机构护理型床位占比\n\n%\n\n48\n\n≥50\n\n≥60\n\n约束性\n\n区民政局\n\n"
        "2\n\n每千人口托位数\n\n2.25\n\n2.6\n\n4.5\n\n预期性\n\n区卫生健康委、区教委\n"
    )
    targets = _table_targets(text)
    assert [(t.indicator, t.year, t.comparator, t.value) for t in targets] == [
        ("养老机构护理型床位占比", 2023, ">=", Decimal(50)),
        ("养老机构护理型床位占比", 2025, ">=", Decimal(60)),
        ("每千人口托位数", 2023, "=", Decimal("2.6")),
        ("每千人口托位数", 2025, "=", Decimal("4.5")),
    ]
    first = targets[1]
    assert (first.unit, first.baseline_value, first.baseline_year) == ("%", Decimal(48), 2021)
    assert first.binding is Bindingness.BINDING and first.domain == "养老服务"
    assert [m.name for m in targets[3].responsible] == ["区卫生健康委", "区教委"]
    assert first.quote.text.startswith("养老机构护理型床位占比") and first.quote.text.endswith(
        "≥60"
    )


def test_targets_table_period_totals_in_brackets_are_values() -> None:
    """Five-year plan tables bracket the figures summed over the period (〔 〕内为五年累计数,
    the 十三五 national outline's table of main indicators)."""
    text = (
        "序号 | 指标 | 2015年 | 2020年 | 年均增长〔累计〕 | 属性 |\n"
        "1 | 城镇新增就业人数（万人） | 〔6431〕 | 〔>5000〕 | | 预期性 |\n"
        "2 | 森林覆盖率（%） | 21.66 | 23.04 | 〔1.38〕 | 约束性 |\n"
    )
    found = [
        (t.indicator, t.year, t.comparator, t.value, t.baseline_value) for t in _table_targets(text)
    ]
    assert found == [
        ("城镇新增就业人数", 2020, ">", Decimal(5000), Decimal(6431)),
        ("森林覆盖率", 2020, "=", Decimal("23.04"), Decimal("21.66")),
    ]


def test_targets_table_row_with_dropped_cell_takes_the_later_years() -> None:
    text = "序号\n\n指标名称\n\n2021\n\n2023\n\n2025\n\n属性\n\n1\n\n每千名老年人配套社会工作者人数\n\n—\n\n1\n\n预期性\n"
    (target,) = _table_targets(text)
    assert (target.year, target.value) == (2025, Decimal(1))


def test_targets_allocation_table_gives_targets_per_region() -> None:
    text = "地区 |\n2020年常住人口 (万人) |\n2025年养老床位(张) |\n2025年托位 (个) |\n川汇区 |\n38.77 |\n2257 |\n2326 |\n"
    targets = _table_targets(text)
    assert [(t.indicator, t.region, t.year, t.value, t.unit) for t in targets] == [
        ("养老床位", "川汇区", 2025, Decimal(2257), "张"),
        ("托位", "川汇区", 2025, Decimal(2326), "个"),
    ]


def _inline(text: str):  # type: ignore[no-untyped-def]
    normalized = normalize_text(text)
    return [
        (t.indicator, t.year, t.comparator, t.value, t.unit)
        for t in text_targets(normalized.text, 0, normalized.quote)
    ]


def test_a_value_run_into_the_next_year_keeps_its_number() -> None:
    """万州 (issued 2022): the value of 2023年底 lost its unit and ran into 2025年底; both
    years opening their clauses are deadlines because they are later than the issue year."""
    normalized = normalize_text("2023年底，全区托位数达到40002025年底，全区托位数达到7200个。")
    found = text_targets(normalized.text, 0, normalized.quote, issued=2022)
    assert [(t.indicator, t.year, t.comparator, t.value, t.unit) for t in found] == [
        ("托位数", 2023, "=", Decimal(4000), "个"),
        ("托位数", 2025, "=", Decimal(7200), "个"),
    ]


def test_targets_inline_staged_years_and_comparators() -> None:
    text = "到2023年，养老床位达1.3万张，护理型床位占比不低于50%；到2025年，护理型床位占比达到60%以上。"
    assert _inline(text) == [
        ("养老床位", 2023, "=", Decimal(13000), "张"),
        ("护理型床位占比", 2023, ">=", Decimal(50), "%"),
        ("护理型床位占比", 2025, ">=", Decimal(60), "%"),
    ]


def test_targets_inline_weights_lengths_and_counts_of_other_plans() -> None:
    """Environment, energy and innovation plans state targets in 万吨, 公里, 万亩, 件."""
    text = (
        "到2025年，每万人口高价值发明专利拥有量达到12件，新增高标准农田1000万亩，"
        "能源消费总量控制在5000万吨标准煤以内。"
    )
    assert [(value, unit) for _name, _year, _cmp, value, unit in _inline(text)] == [
        (Decimal(12), "件"),
        (Decimal(1000), "万亩"),
        (Decimal(5000), "万吨标准煤"),
    ]


def test_targets_inline_value_shared_by_listed_indicators() -> None:
    text = "到2025年，婴幼儿早期发展知识普及率、家长科学育儿指导率均达到90%。"
    assert _inline(text) == [
        ("婴幼儿早期发展知识普及率", 2025, "=", Decimal(90), "%"),
        ("家长科学育儿指导率", 2025, "=", Decimal(90), "%"),
    ]


def test_targets_inline_background_facts_are_not_targets() -> None:
    assert _inline("截至2020年底，全市共有养老床位26369张，护理型床位占比为44.5%。") == []


def test_targets_inline_dated_count_of_items_is_a_target() -> None:
    """A count in 项 is the layout of a document unless a deadline commits to it."""
    found = _inline("到2025年，完成10项适老化改造工程。")
    assert [(year, value, unit) for _name, year, _cmp, value, unit in found] == [
        (2025, Decimal(10), "项")
    ]


def test_targets_inline_undated_duration_reached_is_a_target() -> None:
    """A duration is a rule's time limit unless a verb of reaching sets it as a goal."""
    assert _inline("将不动产抵押登记业务办理时间压缩至5个工作日。") == [
        ("不动产抵押登记业务办理时间", None, "=", Decimal(5), "个工作日")
    ]


def test_targets_inline_per_year_target_has_no_year() -> None:
    assert _inline("力争每年新增婴幼儿托位1000个以上。") == [
        ("每年新增婴幼儿托位", None, ">=", Decimal(1000), "个")
    ]


def test_targets_pipe_rows_keep_empty_cells_and_group_rows() -> None:
    """Issue 3: one row a line, cells separated by `|`; an empty cell between two `|`
    is a real gap, a lone cell is a group row (the domain)."""
    text = (
        "表1 主要指标\n"
        "序号 | 指标名称 | 单位 | 2020年 | 2025年 | 属性\n"
        "一、养老服务\n"
        "1 | 养老机构护理型床位占比 | % | 44.5 | ≥55 | 约束性\n"
        "2 | 每千人口托位数（个） |  | — | 4.5 | 预期性\n"
        "二、托育服务\n"
        "3 | 普惠性托位占比 | % | 30 |  | 预期性\n"
    )
    targets = _table_targets(text)
    assert [(t.indicator, t.year, t.value, t.comparator, t.unit) for t in targets] == [
        ("养老机构护理型床位占比", 2025, Decimal(55), ">=", "%"),
        ("每千人口托位数", 2025, Decimal("4.5"), "=", "个"),
    ]
    first, second = targets
    assert (first.baseline_value, first.baseline_year, first.domain) == (
        Decimal("44.5"),
        2020,
        "养老服务",
    )
    assert first.binding is Bindingness.BINDING and second.baseline_value is None


def test_targets_row_missing_its_merged_cell_is_anchored_by_its_serial() -> None:
    """A 类别 cell merged over several rows appears only in the first of them."""
    text = (
        "类别 | 序号 | 指标 | 2020年 | 2025年 | 属性\n"
        "养老服务 | 1 | 生活不能自理特困人员集中供养率（%） | 53 | ≥80 | 约束性\n"
        "2 | 社区日间照料机构覆盖率（%） | 43.1 | 100 | 预期性\n"
        "托育服务 | 3 | 托育机构备案数（个） | — | 30 | 预期性\n"
    )
    targets = _table_targets(text)
    assert [(t.indicator, t.value, t.unit, t.domain, t.baseline_value) for t in targets] == [
        ("生活不能自理特困人员集中供养率", Decimal(80), "%", "养老服务", Decimal(53)),
        ("社区日间照料机构覆盖率", Decimal(100), "%", "养老服务", Decimal("43.1")),
        ("托育机构备案数", Decimal(30), "个", "托育服务", None),
    ]


@pytest.mark.parametrize("gap", ["\t", "  ", "\u3000\u3000"], ids=["tab", "spaces", "ideographic"])
def test_targets_whitespace_aligned_columns(gap: str) -> None:
    header = gap.join(["序号", "指标名称", "2021年", "2025年"])
    row = gap.join(["1", "养老机构护理型床位占比（%）", "48", "60"])
    (target,) = _table_targets(f"{header}\n{row}\n")
    assert (target.indicator, target.year, target.value, target.baseline_value) == (
        "养老机构护理型床位占比",
        2025,
        Decimal(60),
        Decimal(48),
    )


def test_targets_header_words_decide_baseline_and_goal_columns() -> None:
    """基期/现状 columns are baselines even when they are not the earliest; 目标 columns
    are goals, so a plan with one goal year and a 现状 column gives one target."""
    text = (
        "序号 | 指标名称 | 2023年目标值 | 2025年目标值 | 2021年现状值\n"
        "1 | 普惠性托位占比（%） | 50 | 60 | 35\n"
    )
    targets = _table_targets(text)
    assert [(t.year, t.value, t.baseline_value, t.baseline_year) for t in targets] == [
        (2023, Decimal(50), Decimal(35), 2021),
        (2025, Decimal(60), Decimal(35), 2021),
    ]


def test_targets_allocation_rows_skip_the_total_row() -> None:
    text = (
        "地区 | 2025年养老床位（张） | 2025年托位（个）\n"
        "合计 | 67478 | 37120\n"
        "川汇区 | 2257 | 2326\n"
    )
    targets = _table_targets(text)
    assert {(t.region, t.indicator, t.value) for t in targets} == {
        ("川汇区", "养老床位", Decimal(2257)),
        ("川汇区", "托位", Decimal(2326)),
    }


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param(
            "到2025年，建成1所三级中医医院（设置康复科）。",
            [("三级中医医院（设置康复科）", 2025, "=", Decimal(1), "所")],
            id="count-before-the-noun",
        ),
        pytest.param(
            "到2025年，全市每个县（区）至少建有1所老年大学，70%以上乡镇（街道）建有老年学校。",
            [
                ("每个县（区）老年大学", 2025, ">=", Decimal(1), "所"),
                ("乡镇（街道）建有老年学校", 2025, ">=", Decimal(70), "%"),
            ],
            id="distributive-scope-and-share-first",
        ),
        pytest.param(
            "到2025年，每个县（市、区）至少建成一所示范性托育机构。",
            [("每个县（市、区）示范性托育机构", 2025, ">=", Decimal(1), "所")],
            id="chinese-numeral-count",
        ),
        pytest.param(
            "到2025年，50%以上的乡（镇）建有1所综合服务功能的养老机构。",
            [("乡（镇）建有综合服务功能的养老机构", 2025, ">=", Decimal(50), "%")],
            id="count-inside-a-share-criterion",
        ),
        pytest.param(
            "培育37家特色突出、管理规范、服务标准的养老托育服务骨干企业。",
            [("养老托育服务骨干企业", None, "=", Decimal(37), "家")],
            id="praising-attributes-dropped",
        ),
        pytest.param(
            "引进或培育5家规模较大的民营养老服务集团和8家托育连锁服务机构提供规范化服务。",
            [
                ("规模较大的民营养老服务集团", None, "=", Decimal(5), "家"),
                ("托育连锁服务机构", None, "=", Decimal(8), "家"),
            ],
            id="two-counts-joined-by-he",
        ),
        pytest.param(
            "支持3家居家社区型养老机构和1家医养结合养老机构实施普惠养老城企联动专项行动，"
            "新增普惠养老床位500张。",
            [
                ("实施普惠养老城企联动专项行动的居家社区型养老机构", None, "=", Decimal(3), "家"),
                ("实施普惠养老城企联动专项行动的医养结合养老机构", None, "=", Decimal(1), "家"),
                ("新增普惠养老床位", None, "=", Decimal(500), "张"),
            ],
            id="counted-units-of-a-program",
        ),
        pytest.param(
            "落实将政府用于社会福利事业的彩票公益金55%以上用于养老服务体系建设。",
            [("彩票公益金用于养老服务体系建设", None, ">=", Decimal(55), "%")],
            id="share-used-for",
        ),
        pytest.param(
            "市县两级应将不低于55%的本级福利彩票公益金用于支持发展养老服务。",
            [("本级福利彩票公益金用于支持发展养老服务", None, ">=", Decimal(55), "%")],
            id="share-of-what-follows",
        ),
        pytest.param(
            "对困难家庭实施居家适老化改造，每年支持200户，到2025年共改造1000户。",
            [
                ("每年居家适老化改造", None, "=", Decimal(200), "户"),
                ("居家适老化改造", 2025, "=", Decimal(1000), "户"),
            ],
            id="bare-verb-counts-the-action-before",
        ),
        pytest.param(
            "到2023年，新区至少建成1所公办示范性养老院。3.织密网络。"
            "每个社区至少配建一所300平方米的养老服务机构和200平方米的托育机构。",
            [
                ("公办示范性养老院", 2023, ">=", Decimal(1), "所"),
                ("每个社区养老服务机构", None, ">=", Decimal(1), "所"),
                ("每个社区托育机构", None, ">=", Decimal(1), "所"),
            ],
            id="a-new-item-ends-the-year-scope",
        ),
        # tune: 余杭 民生实事 progress page
        pytest.param(
            "在全区20个镇街新增30家示范型以上居家养老服务照料中心。",
            [("示范型以上居家养老服务照料中心", None, "=", Decimal(30), "家")],
            id="count-of-acting-places-is-a-scope",
        ),
        # tune: 武汉 养老托育 实施方案 news, traditional characters
        pytest.param(
            "到2025年,市級和14個區分別建立托育服務綜合指導中心,"
            "街道(鄉、鎮)普惠性托育服務機構覆蓋率達到100%。",
            [("街道（乡、镇）普惠性托育服务机构覆盖率", 2025, "=", Decimal(100), "%")],
            id="count-of-acting-places-is-no-target",
        ),
        # tune: 国家职业教育改革实施方案, its 具体指标
        pytest.param(
            "推动建设300个具有辐射引领作用的高水平专业化产教融合实训基地。",
            [("高水平专业化产教融合实训基地", None, "=", Decimal(300), "个")],
            id="urging-verb-before-a-value-first-count",
        ),
        # tune: 常州钟楼 民生实事 分解表 (a cell run into the next) and 余杭 民生实事 进展
        pytest.param(
            "张菁民政局高新园(邹区镇)各街道提升改造8家城乡社区居家养老服务中心(站)。",
            [("城乡社区居家养老服务中心（站）", None, "=", Decimal(8), "家")],
            id="merged-cells-before-a-verb-and-value-first-count",
        ),
        pytest.param(
            "养老助残创建20个无障碍社区。",
            [("无障碍社区", None, "=", Decimal(20), "个")],
            id="project-title-before-a-verb-and-value-first-count",
        ),
        pytest.param(
            "全区城镇新增就业15000人，计划竣工3个，开展职业技能补贴培训10000人次。",
            [
                ("城镇新增就业", None, "=", Decimal(15000), "人"),
                ("计划竣工", None, "=", Decimal(3), "个"),
                ("职业技能补贴培训", None, "=", Decimal(10000), "人次"),
            ],
            id="verb-before-a-value-with-no-noun-after-keeps-its-name",
        ),
        pytest.param(
            "到2025年，培育8家托育连锁服务机构提供普惠托育服务。",
            [("托育连锁服务机构", 2025, "=", Decimal(8), "家")],
            id="what-counted-units-provide-is-not-their-name",
        ),
    ],
)
def test_targets_inline_value_first_and_undated_wordings(
    text: str, expected: list[tuple[str, int | None, str, Decimal, str | None]]
) -> None:
    """Issue 3: the indicator of a value written first is the noun after it."""
    assert _inline(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        pytest.param(
            "目前，全市养老床位仅有2.6万张，护理型床位占比仅为44.5%。", id="present-state"
        ),
        pytest.param("到2035年预计60岁及以上老年人口将达30%以上。", id="forecast"),
        pytest.param("今后5年60岁及以上老年人将以每年约4.5万人的速度增长。", id="trend"),
        pytest.param("“十三五”期间，建成了6所普惠性养老服务机构。", id="past-period"),
        pytest.param("到2025年，鼓励100张床位以上的养老机构与医院签约。", id="size-class"),
        pytest.param("到2025年，在日客流量超过1万人的公共场所建立母婴室。", id="threshold"),
        pytest.param("到2025年，按照每千人口不少于10个托位配建托育设施。", id="norm"),
        pytest.param("全市3岁以下婴幼儿数28.4万人。", id="population-size"),
        pytest.param(
            "2021年，全市新增养老床位2000张，护理型床位占比达到45%。", id="bare-past-year"
        ),
        pytest.param(
            "到2025年，城乡医养结合服务能力达100%。推动实现安宁服务等全覆盖。",
            id="coverage-without-a-year-of-its-own",
        ),
        # gov.cn/zhengce/content/2019-01/30/content_5362266.htm (三级公立医院绩效考核)
        pytest.param("计算方法：日间手术台次数/同期出院患者择期手术总台次数×100%", id="a-formula"),
        # mzj.nantong.gov.cn (南通 社会养老服务体系规划, background)
        pytest.param(
            "2010年末,全市老年人口达到174万,占同期总人口的22.89%;80岁以上高龄老人达到28.94万人,"
            "占老年人总数的16.6%;空巢老人近90万人,超过老年人总数的50%。",
            id="a-share-of-the-total-population",
        ),
        pytest.param("今年以来，全市新增托位2000个。", id="since-reports"),
        # guangaqi.com/news/china/363192.html (traditional): 提高到2018年的 dates what was
        # reached, it sets no deadline that would reopen the report
        pytest.param(
            "國家衛生健康委員會近日發布的《2018年我國衛生健康事業發展統計公報》顯示,我國居民人均"
            "預期壽命由2017年的76.7歲提高到2018年的77.0歲,孕產婦死亡率從19.6/10萬下降到18.3/10萬。",
            id="the-year-a-value-was-reached-in",
        ),
        # issue 12, class 6: baselines, background and policy parameters
        # 5.shadafang.com/a/2021/0711/sh1560672.html
        pytest.param(
            "到2020年,我国孕产妇死亡率、婴儿死亡率已分别降至16.9/10万、5.4‰。",
            id="a-finished-act-with-yi",
        ),
        # m.xtshb.cn/shehui/20230601/1864833.shtml (traditional)
        pytest.param(
            "2022年,全國孕產婦死亡率下降至15.7/10萬、嬰兒死亡率下降至4.9‰。",
            id="a-bare-past-year-reports",
        ),
        # bbtnews.com.cn/2023/1214/498244.shtml
        pytest.param(
            "截至2022年末,全国共有各类养老机构和设施38.7万个,养老床位合计829.4万张。",
            id="as-of-a-date",
        ),
        pytest.param("2021年全省养老床位达到21.3万张，护理型床位占比达到40%。", id="year-first"),
        pytest.param(
            "发展基础。全市老年人健康管理率达到63.7%，每千名老年人拥有养老床位32张。",
            id="run-in-background-title",
        ),
        pytest.param(
            "1.发展现状：全市建成托育机构25家，托位达到1800个。", id="numbered-background-title"
        ),
        # rx365.cn/news/20201022/74024.html (泰州市政府办公室)
        pytest.param(
            "对符合条件的以自有产权用房举办的养老机构,每张护理型床位给予1万元的一次性建设补贴;"
            "对符合条件的以租赁形式举办的养老机构,每张护理型床位给予5000元的一次性改造补贴。",
            id="subsidy-per-bed",
        ),
        pytest.param(
            "一次性床位补贴按照40%、30%、30%比例分三年补助到位。", id="subsidy-shares-by-year"
        ),
        pytest.param(
            "对新建养老机构按照每张床位补助1.5万元的标准给予建设补贴，补贴标准为50%。",
            id="subsidy-standard",
        ),
        # a forecast of a population: 预计2025年中国老年人将突破3亿 (36kr.com, 2022-03-23)
        pytest.param("到2025年，全市60岁及以上老年人口将达到120万人。", id="population-forecast"),
        # corpus/lincang.txt, line 63
        pytest.param(
            "到2025年，新建住宅小区应按照每百户不少于20平方米建筑面积配建社区居家养老服务设施用房，"
            "且单处用房建筑面积不得少于300平方米。",
            id="floor-area-of-a-facility",
        ),
        # tune: 余杭 民生实事 progress page
        pytest.param("成功创建38个无障碍社区,超额完成目标任务。", id="an-act-reported-as-achieved"),
        # tune: 国办 国家组织药品集中采购和使用试点方案
        pytest.param(
            "按照试点地区所有公立医疗机构年度药品总用量的60%—70%估算采购总量,进行带量采购。",
            id="share-a-rule-computes-by",
        ),
        pytest.param(
            "医保基金按不低于采购金额的30%提前预付给医疗机构。", id="share-of-a-prepayment"
        ),
        # tune: 二连浩特 分工方案解读
        pytest.param(
            "《分工方案》将《政府工作报告》分解为五个方面79项重点工作任务,每项工作任务均明确了牵头单位。",
            id="count-of-the-document-tasks",
        ),
        # tune: 国办 督查激励措施通知
        pytest.param(
            "将2016年实施的24项督查激励措施调整增加为30项督查激励措施。", id="count-of-measures"
        ),
        # tune: 国发 个人所得税专项附加扣除暂行办法
        pytest.param(
            "同一学历（学位）继续教育的扣除期限不能超过48个月。", id="time-limit-of-a-rule"
        ),
        # tune: the vocational education reform plan, 国发〔2019〕4号
        pytest.param(
            "职业院校、应用型本科高校教师每年至少1个月在企业或实训基地实训。",
            id="time-share-of-a-rule",
        ),
        # tune: 健康湖南行动 发布会
        pytest.param(
            "组织实施15项重大专项行动,为人民群众提供全方位全生命周期的健康服务。",
            id="count-of-actions",
        ),
    ],
)
def test_targets_inline_facts_forecasts_and_norms_are_not_targets(text: str) -> None:
    """Facts about the present, forecasts, norms and policy parameters are no targets."""
    assert [t for t in _inline(text) if t[3] != Decimal(100)] == []


def _qualitative(text: str) -> list[tuple[str, int | None, str | None]]:
    normalized = normalize_text(text)
    return [
        (t.indicator, t.year, t.qualitative)
        for t in text_targets(normalized.text, 0, normalized.quote)
        if t.value is None
    ]


def test_targets_inline_coverage_of_a_subject_before_shixian() -> None:
    """The covered facilities may stand before 实现 as the subject of the goal."""
    # tune: 湖北 多元化养老服务 实施方案
    text = "到2027年,全省养老床位达到54万张以上,社区养老服务设施实现全覆盖;医养服务深度融合。"
    assert _qualitative(text) == [("社区养老服务设施", 2027, "全覆盖")]


def test_targets_inline_qualitative_coverage_with_a_year() -> None:
    assert _qualitative("争取2022年底前实现城乡社区养老服务设施全覆盖。") == [
        ("城乡社区养老服务设施", 2022, "全覆盖")
    ]
    assert _qualitative("争取到2023年，有意愿入住的特困人员全部实现集中供养。") == [
        ("有意愿入住的特困人员", 2023, "全部实现集中供养")
    ]
    assert _qualitative("到2025年，全区所有乡镇(街道)建有老年学校。") == [
        ("乡镇（街道）建有老年学校", 2025, "所有乡镇(街道)建有老年学校")
    ]
    # topnews9.com/yqfk/202301/947924.html (浙江托育“十四五”规划)
    assert _qualitative(
        "到2025年,乡镇(街道)托育机构基本全覆盖,城乡社区15分钟托育服务圈基本形成。"
    ) == [("乡镇（街道）托育机构", 2025, "基本全覆盖")]
    assert _qualitative("推动实现城区医疗机构安宁服务等全覆盖。") == []
    assert _qualitative("到2025年，基本建成覆盖城乡的养老服务体系。") == []


@pytest.mark.parametrize(("period", "year"), [("十四五", 2025), ("十五五", 2030)])
def test_targets_five_year_plan_end_is_its_last_year(period: str, year: int) -> None:
    text = f"力争“{period}”末公办养老机构护理型床位占比达到60%。"
    normalized = normalize_text(text)
    (target,) = text_targets(normalized.text, 0, normalized.quote)
    assert (target.year, target.value) == (year, Decimal(60))
    header = (
        f"序号 | 指标 | 单位 | 现状值 | “{period}”目标 | 属性\n1 | 托位数 | 个 | 40 | 55 | 约束性\n"
    )
    assert [t.year for t in _table_targets(header)] == [year]


def test_targets_inline_quotes_are_exact_source_text() -> None:
    text = "到2025年，全市每个县(市)区至少建有1所老年大学。"
    normalized = normalize_text(text)
    (target,) = text_targets(normalized.text, 0, normalized.quote)
    assert target.quote.text == "每个县(市)区至少建有1所老年大学"
    assert text[target.quote.start : target.quote.end] == target.quote.text


def _plan_targets(text: str) -> list[Target]:
    """All targets of a plan text, tables and running text (extract.find_targets)."""
    normalized = normalize_text(text)
    outline = outline_text(normalized.text)
    return find_targets(normalized.text, outline, [], load_lexicon(), normalized.quote)


def test_targets_restatements_are_one_target_and_the_table_wins() -> None:
    """Issue 3: a target stated in the table and again in the text is one target, with
    the table's comparator; an indicator's owners hold for all its years."""
    text = (
        "序号 | 指标名称 | 2021年 | 2025年 | 属性\n"
        "1 | 政府运营床位占比（%） | 16 | ≤40 | 约束性\n"
        "到2023年，全区托位数达到4000个，政府运营床位不超过40%。\n"
        "到2025年，政府运营床位占比小于40%，全区托位数达到7200个。（责任单位：区卫生健康委）\n"
    )
    targets = _plan_targets(text)
    beds = [t for t in targets if "政府运营床位" in t.indicator]
    assert [(t.year, t.comparator, t.source) for t in beds] == [
        (2025, "<=", "table"),
        (2023, "<=", "inline"),
    ]
    places = {t.year: [m.name for m in t.responsible] for t in targets if "托位数" in t.indicator}
    assert places == {2023: ["区卫生健康委"], 2025: ["区卫生健康委"]}


def test_targets_a_topic_background_heading_scopes_its_paragraphs_as_reports() -> None:
    """A heading that names the present state of its topic (一、我县养老服务业发展现状, 东至
    调研报告) makes the figures under it reports, however they are worded, up to the next
    heading of its level; the goals after it stay targets."""
    text = (
        "一、养老服务发展现状\n"
        "我县养老服务取得长足发展，建成县级养老服务指导中心1个，"
        "乡镇养老服务中心覆盖率达到60%，护理型床位占比提高到35%。\n"
        "二、发展目标\n"
        "到2025年，养老机构护理型床位占比达到55%。\n"
    )
    assert [(t.year, t.value) for t in _plan_targets(text)] == [(2025, Decimal(55))]


def _inline_with_baseline(text: str) -> list[tuple]:  # type: ignore[type-arg]
    normalized = normalize_text(text)
    return [
        (t.indicator, t.year, t.comparator, t.value, t.baseline_value, t.baseline_year)
        for t in text_targets(normalized.text, 0, normalized.quote)
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param(
            "到2025年，全省普惠托位数由2020年的1.2万个增加到4.5万个。",
            [("普惠托位数", 2025, "=", Decimal(45000), Decimal(12000), 2020)],
            id="from-base-year-to-target",
        ),
        pytest.param(
            "到2025年，护理型床位占比由40%提高到55%以上。",
            [("护理型床位占比", 2025, ">=", Decimal(55), Decimal(40), None)],
            id="from-base-to-target",
        ),
        pytest.param(
            "到2025年，城市社区、农村社区养老服务设施覆盖率分别达到100%、60%。",
            [
                ("城市社区养老服务设施覆盖率", 2025, "=", Decimal(100), None, None),
                ("农村社区养老服务设施覆盖率", 2025, "=", Decimal(60), None, None),
            ],
            id="respectively",
        ),
        pytest.param(
            "到2025年，全市养老床位总数达到2.5万张，较2020年增加1万张。",
            [("养老床位总数", 2025, "=", Decimal(25000), None, None)],
            id="change-against-a-base-year-is-no-target",
        ),
        pytest.param(
            "到2025年，3岁以下婴幼儿健康管理率达到90%，人均预期寿命达到79岁。",
            [
                ("3岁以下婴幼儿健康管理率", 2025, "=", Decimal(90), None, None),
                ("人均预期寿命", 2025, "=", Decimal(79), None, None),
            ],
            id="age-bound-versus-life-expectancy",
        ),
        pytest.param(
            "到2025年，护理型床位占比提高5个百分点，达到55%。",
            [("护理型床位占比", 2025, "=", Decimal(55), None, None)],
            id="a-bare-value-continues-the-clause-before",
        ),
        pytest.param(
            "到2025年，每千常住人口拥有3岁以下婴幼儿托位数达到4.5个。",
            [("每千常住人口拥有3岁以下婴幼儿托位数", 2025, "=", Decimal("4.5"), None, None)],
            id="per-thousand-residents-is-no-census-figure",
        ),
    ],
)
def test_targets_inline_baselines_respectively_and_changes(text: str, expected: list) -> None:  # type: ignore[type-arg]
    """Issue 3: 由X提高到Y gives a baseline, not a target of its own."""
    assert _inline_with_baseline(text) == expected


def test_targets_cell_per_line_group_column_labels_its_rows() -> None:
    """A 类别 cell merged over its rows is printed once, before its first serial; a
    department just before the next serial still ends the previous row."""
    text = (
        "类别\n\n序号\n\n指标\n\n2020年\n\n2025年\n\n属性\n\n责任单位\n\n"
        "养老服务\n\n1\n\n养老机构护理型床位占比（%）\n\n40\n\n≥55\n\n约束性\n\n市民政局\n\n"
        "2\n\n每千名老年人养老床位数（张）\n\n30\n\n35\n\n预期性\n\n市民政局\n\n"
        "托育服务\n\n3\n\n每千人口托位数（个）\n\n1.5\n\n4.5\n\n预期性\n\n市卫生健康委\n"
    )
    targets = _table_targets(text)
    assert [(t.indicator, t.domain, [m.name for m in t.responsible]) for t in targets] == [
        ("养老机构护理型床位占比", "养老服务", ["市民政局"]),
        ("每千名老年人养老床位数", "养老服务", ["市民政局"]),
        ("每千人口托位数", "托育服务", ["市卫生健康委"]),
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param(
            "序号 | 指标 | 基期值（2020年） | 目标值（2025年） | 指标属性\n"
            "1 | 每千名老年人养老床位数（张/千人） | 30 | 35 | 预期性\n",
            ("每千名老年人养老床位数", 2025, Decimal(35), "张/千人", Decimal(30), 2020),
            id="years-inside-baseline-and-goal-headers",
        ),
        pytest.param(
            "序号 | 指标 | 单位 | 现状值 | “十四五”目标 | 属性\n"
            "1 | 养老机构护理型床位占比 | % | 40 | 55 | 约束性\n",
            ("养老机构护理型床位占比", 2025, Decimal(55), "%", Decimal(40), None),
            id="five-year-plan-goal-and-undated-baseline",
        ),
    ],
)
def test_targets_header_wording_of_year_columns(text: str, expected: tuple) -> None:  # type: ignore[type-arg]
    (target,) = _table_targets(text)
    assert (
        target.indicator,
        target.year,
        target.value,
        target.unit,
        target.baseline_value,
        target.baseline_year,
    ) == expected


def test_targets_restated_unknown_wording_is_one_target() -> None:
    """A wording no concept knows, restated in the text with part of its name, the same
    year and the same value, is the table's target."""
    text = (
        "序号 | 指标名称 | 2021年 | 2025年 | 属性\n"
        "1 | 社区养老服务志愿者注册率（%） | 10 | 30 | 预期性\n"
        "到2025年，养老服务志愿者注册率达到30%，养老服务志愿者注册人数达到5000人。\n"
    )
    targets = _plan_targets(text)
    assert [(t.indicator, t.source) for t in targets] == [
        ("社区养老服务志愿者注册率", "table"),
        ("养老服务志愿者注册人数", "inline"),
    ]


VALUE_FIELDS = attrgetter("indicator", "year", "comparator", "value", "max_value", "unit")


def _inline_values(text: str) -> list[tuple]:  # type: ignore[type-arg]
    normalized = normalize_text(text)
    return [VALUE_FIELDS(t) for t in text_targets(normalized.text, 0, normalized.quote)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # smesc.cn/news/show.php?itemid=264905 (a State Council opinion on health services)
        pytest.param(
            "到2020年,全面建成以居家为基础、社区为依托、机构为支撑的,功能完善、规模适度、覆盖城乡的"
            "养老服务体系,每千名老年人拥有养老床位数 达到35-40张。",
            [("每千名老年人拥有养老床位数", 2020, "=", Decimal(35), Decimal(40), "张")],
            id="range-with-a-hyphen",
        ),
        pytest.param(
            "到2025年，建成3—5家示范性托育机构。",
            [("示范性托育机构", 2025, "=", Decimal(3), Decimal(5), "家")],
            id="range-with-a-dash-written-value-first",
        ),
        # guangaqi.com/news/china/363192.html, quoting the “十三五”卫生与健康规划 (traditional)
        pytest.param(
            "到2020年我國人均預期壽命應大於77.3歲,孕產婦死亡率應小於18/10萬,嬰兒死亡率應小於7.5‰。",
            [
                ("人均预期寿命", 2020, ">", Decimal("77.3"), None, "岁"),
                ("孕产妇死亡率", 2020, "<", Decimal(18), None, "/10万"),
                ("婴儿死亡率", 2020, "<", Decimal("7.5"), None, "‰"),
            ],
            id="per-100000-and-per-mille-units",
        ),
        # gov.cn/xinwen/2022-02/25/content_5675683.htm
        pytest.param(
            "到2025年,我国养老机构护理型床位占比要达到55%。",
            [("养老机构护理型床位占比", 2025, "=", Decimal(55), None, "%")],
            id="national-scope-and-modal-are-not-the-name",
        ),
        pytest.param(
            "到2025年，全市托育服务机构普惠率总体达到50%左右。",
            [("托育服务机构普惠率", 2025, "=", Decimal(50), None, "%")],
            id="overall-about-is-one-target-equal",
        ),
        pytest.param(
            "到2025年，城市和农村社区养老服务设施覆盖率分别达到65%和55%。",
            [
                ("城市社区养老服务设施覆盖率", 2025, "=", Decimal(65), None, "%"),
                ("农村社区养老服务设施覆盖率", 2025, "=", Decimal(55), None, "%"),
            ],
            id="respectively-joined-by-he",
        ),
        pytest.param(
            "到2025年，健康服务业总规模达到2万亿元，护理型床位占比超过55%，托位数达到1.2万个左右。",
            [
                ("健康服务业总规模", 2025, "=", Decimal(2), None, "万亿元"),
                ("护理型床位占比", 2025, ">", Decimal(55), None, "%"),
                ("托位数", 2025, "=", Decimal(12000), None, "个"),
            ],
            id="magnitude-stays-in-a-measure-unit-and-folds-into-a-count",
        ),
        pytest.param(
            "到2025年，每10万人口拥有全科医生数达到3.5名。",
            [("每10万人口拥有全科医生数", 2025, "=", Decimal("3.5"), None, "名")],
            id="per-100000-residents-is-no-value",
        ),
        # smesc.cn/news/show.php?itemid=264905
        pytest.param(
            "到2020年,人均体育场地面积达到1.8平方米以上,城市公共体育场、群众户外健身场地和公众健身活"
            " 动中心普及",
            [("人均体育场地面积", 2020, ">=", Decimal("1.8"), None, "平方米")],
            id="area-per-head",
        ),
        # qutaogo.com/sjtt/2022/0110/70355.html, on the “十四五”公共服务规划 (traditional)
        pytest.param(
            "根據規劃,2025年我國學前教育毛入園率將大於90%,高中階段教育毛入學率大於92%,"
            "每千人口擁有3歲以下嬰幼兒托位數4.5個。",
            [
                ("学前教育毛入园率", 2025, ">", Decimal(90), None, "%"),
                ("高中阶段教育毛入学率", 2025, ">", Decimal(92), None, "%"),
                ("每千人口拥有3岁以下婴幼儿托位数", 2025, "=", Decimal("4.5"), None, "个"),
            ],
            id="bare-year-with-a-future-modal-is-a-deadline",
        ),
        # a 一老一小 plan's goals, zhihaiinnovate.com/xinxi/6180.html
        pytest.param(
            "到2025年,婴幼儿照护服务规范体系基本健全。社区婴幼儿照护服务机构覆盖率达到50%以上,"
            "建成至少一个市级示范性、综合性托育服务中心。",
            [
                ("社区婴幼儿照护服务机构覆盖率", 2025, ">=", Decimal(50), None, "%"),
                ("市级示范性、综合性托育服务中心", 2025, ">=", Decimal(1), None, "个"),
            ],
            id="adjectives-listed-before-the-noun",
        ),
        # the writing of 46840.cn/zwgk/qzfxxgkml/ylfw/63febd60f8fd1c4c2144a11f.html: 達30%(含)以上
        pytest.param(
            "到2025年，养老机构入住率达到60%(含)以上，护理型床位占比≥55%。",
            [
                ("养老机构入住率", 2025, ">=", Decimal(60), None, "%"),
                ("护理型床位占比", 2025, ">=", Decimal(55), None, "%"),
            ],
            id="inclusive-bound-and-a-sign-in-running-text",
        ),
        # the deadline writing of the 抚州 notice in tests/data/targets_dev (2022年6月前，…)
        pytest.param(
            "2022年6月底前，全市养老机构护理型床位占比达到50%；2023年12月31日前，建成示范性托育机构5家。",
            [
                ("养老机构护理型床位占比", 2022, "=", Decimal(50), None, "%"),
                ("示范性托育机构", 2023, "=", Decimal(5), None, "家"),
            ],
            id="deadline-with-month-and-day",
        ),
        # cxm1cxm.com/yaowen/20221228/2861574.html (武汉 news, traditional)
        pytest.param(
            "新建城區、新建居住區配套建設養老服務設施達標率、社區養老服務設施覆蓋率均達到100%。"
            "方案還提出,2025年后,武漢全市每千人口擁有3歲以下嬰幼兒托位數將達到4.5個,"
            "普惠性托位占比不低于60%。",
            [
                (
                    "新建城区、新建居住区配套建设养老服务设施达标率",
                    None,
                    "=",
                    Decimal(100),
                    None,
                    "%",
                ),
                ("社区养老服务设施覆盖率", None, "=", Decimal(100), None, "%"),
                ("每千人口拥有3岁以下婴幼儿托位数", 2025, "=", Decimal("4.5"), None, "个"),
                ("普惠性托位占比", 2025, ">=", Decimal(60), None, "%"),
            ],
            id="listed-indicators-with-inner-commas-and-a-year-with-a-future-modal",
        ),
        pytest.param(
            "2021年，全市新增养老床位2000张，将继续推进。",
            [],
            id="a-later-future-modal-dates-nothing",
        ),
        # a plan written in the 十三五 period (such as the 2018 national documents) names its
        # own period beside its 2020 deadlines: that period is no past
        pytest.param(
            "“十三五”时期，到2020年，养老机构护理型床位占比达到30%。",
            [("养老机构护理型床位占比", 2020, "=", Decimal(30), None, "%")],
            id="the-plan-s-own-five-year-period-is-no-past",
        ),
        # china.caixin.com/m/2015-11-28/100879458.html (北京)
        pytest.param(
            "2014年底,北京常住老年人口已接近常住总人口的15%,老龄化程度仍在加深。但目前北京市养老"
            "服务设施的配备,与迅速增长中的养老需求相比,仍有较大差距,为此,到2020年,北京市将新增"
            "养老床位约5.1万张、建设208个街乡镇养老照料中心,加快社区养老、居家养老发展。",
            [
                ("新增养老床位", 2020, "=", Decimal(51000), None, "张"),
                ("街乡镇养老照料中心", 2020, "=", Decimal(208), None, "个"),
            ],
            id="an-approximate-dated-value-and-a-finished-act-with-yi",
        ),
        # www.czhtech.com/gc/2023/0426/273709.html (traditional)
        pytest.param(
            "同時,“十四五”規劃也明確提出要把托育服務作為重點來發展,到“十四五”期末,"
            "每千人口托位數提高到4.5個。",
            [("每千人口托位数", 2025, "=", Decimal("4.5"), None, "个")],
            id="end-of-the-period-as-qi-mo",
        ),
        # www.taihe100.com/news/2022112116503834777750.shtml (辽宁)
        pytest.param(
            "到2025年,辽宁基本建成功能完善、规模适度、覆盖城乡的养老托育服务体系,养老服务床位从"
            "23.55万张增长到25.55万张,全省常住人口每千人拥有3岁以下托位数力争从3个达到4.5个。",
            [
                ("养老服务床位", 2025, "=", Decimal(255500), None, "张"),
                ("常住人口每千人拥有3岁以下托位数", 2025, "=", Decimal("4.5"), None, "个"),
            ],
            id="residents-as-a-rate-s-base-and-a-trailing-li-zheng",
        ),
        # www.cneo.com.cn/portal.php?mod=view&aid=19324 (健康儿童行动提升计划)
        pytest.param(
            "到2025年,新生儿死亡率、婴儿死亡率和5岁以下儿童死亡率分别控制在3.1‰、5.2‰和6.6‰以下;"
            "6个月内婴儿纯母乳喂养率达到50%以上;",
            [
                ("新生儿死亡率", 2025, "<=", Decimal("3.1"), None, "‰"),
                ("婴儿死亡率", 2025, "<=", Decimal("5.2"), None, "‰"),
                ("5岁以下儿童死亡率", 2025, "<=", Decimal("6.6"), None, "‰"),
                ("6个月内婴儿纯母乳喂养率", 2025, ">=", Decimal(50), None, "%"),
            ],
            id="a-comparator-around-a-listed-run-and-a-duration-in-the-name",
        ),
        # gov.cn 优化营商环境 opinion, as collected in main's tests/devset
        pytest.param(
            "到2020年，商标注册平均审查周期压缩至4个月以内。",
            [("商标注册平均审查周期", 2020, "<=", Decimal(4), None, "个月")],
            id="a-duration-is-a-value",
        ),
        # www.zhongyuan.gov.cn/bmdt/6233909.jhtml (郑州中原区)
        pytest.param(
            "到2022年，各街道的覆盖率务必要提高到80%以上。",
            [("覆盖率", 2022, ">=", Decimal(80), None, "%")],
            id="each-street-and-a-modal-are-no-part-of-the-name",
        ),
        # a 余杭 民生实事 progress table, as collected in main's tests/devset
        pytest.param(
            "到2020年，新增30家示范型以上居家养老服务照料中心。",
            [("示范型以上居家养老服务照料中心", 2020, "=", Decimal(30), None, "家")],
            id="new-count-written-value-first",
        ),
        # www.efang.tv/qiye/2023/0222/138907.html (老年友好型社区)
        pytest.param(
            "“十四五”期间,全国将建成5000个示范性老年友好型社区,到2035年底,全国城乡社区普遍达到"
            "老年友好型社区标准。",
            [("示范性老年友好型社区", 2025, "=", Decimal(5000), None, "个")],
            id="what-will-be-done-in-the-period-is-due-at-its-end",
        ),
        pytest.param(
            "加强护理员队伍建设，护理员持证上岗率100%。",
            [("护理员持证上岗率", None, "=", Decimal(100), None, "%")],
            id="an-undated-share-without-a-verb",
        ),
        pytest.param(
            "到2025年，养老服务从业人员总量超过500万人。",
            [("养老服务从业人员总量", 2025, ">", Decimal(5000000), None, "人")],
            id="a-dated-count-of-people",
        ),
    ],
)
def test_targets_inline_value_grammar(text: str, expected: list) -> None:  # type: ignore[type-arg]
    """Issue 12, class 7: ranges, 超过/左右/以上, ‰ and /10万, magnitudes, 分别/总体."""
    assert _inline_values(text) == expected


def test_targets_inline_from_baseline_to_target() -> None:
    """从X增加到Y, like 由X提高到Y: X is the baseline (issue 12, class 4)."""
    assert _inline_with_baseline("到2025年，全省养老床位从12.4万张增加到14.6万张。") == [
        ("养老床位", 2025, "=", Decimal(146000), Decimal(124000), None)
    ]


def test_targets_inline_remark_on_the_base_gives_the_baseline() -> None:
    """达到4.5个（较2020年的1.8个增长150%）: the remark's first figure is the baseline
    (a sentence of the “十四五”公共服务规划 as quoted in a public GitHub page)."""
    text = "到2025年，每千人口拥有3岁以下婴幼儿托位数达到4.5个（较2020年的1.8个增长150%）。"
    assert _inline_with_baseline(text) == [
        ("每千人口拥有3岁以下婴幼儿托位数", 2025, "=", Decimal("4.5"), Decimal("1.8"), 2020)
    ]
    assert _inline_with_baseline("到2025年，护理型床位占比达到55%（2020年为40%）。") == [
        ("护理型床位占比", 2025, "=", Decimal(55), Decimal(40), 2020)
    ]


def test_targets_standardised_facility_is_a_target() -> None:
    """标准化 names a kind of facility; it is not the 标准 of a subsidy."""
    assert _inline_values("到2025年，建成10家标准化托育机构。") == [
        ("标准化托育机构", 2025, "=", Decimal(10), None, "家")
    ]


def test_targets_items_of_a_list_take_the_deadline_of_its_lead() -> None:
    """到2025年，…主要目标是： then numbered items, one a paragraph: each item's target
    is for 2025 (its marker no part of the name); 一是…二是… enumerate inside a
    sentence; a later paragraph that is no item of the list takes no year from the list, but
    in a goals section (一、工作目标) the section's last deadline, 2023, holds for it (as it
    does for paragraphs right under the goals heading, GOAL_TITLE)."""
    text = (
        "某县养老服务体系建设实施方案\n\n一、工作目标\n"
        "到2025年，全县养老服务体系基本健全，主要目标是：\n"
        "（一）养老机构护理型床位占比达到55%以上。\n"
        "2.每千人口拥有3岁以下婴幼儿托位数达到4.5个。\n"
        "到2023年，一是全县养老床位达到3000张；二是建成示范性托育机构2家。\n"
        "社区养老服务设施覆盖率达到100%。\n"
    )
    targets = _plan_targets(text)
    assert [(t.indicator, t.year, t.value) for t in targets] == [
        ("养老机构护理型床位占比", 2025, Decimal(55)),
        ("每千人口拥有3岁以下婴幼儿托位数", 2025, Decimal("4.5")),
        ("养老床位", 2023, Decimal(3000)),
        ("示范性托育机构", 2023, Decimal(2)),
        ("社区养老服务设施覆盖率", 2023, Decimal(100)),
    ]


def test_targets_a_goals_section_deadline_holds_for_its_later_paragraphs() -> None:
    """（二）发展目标: 到2025年，…体系更加完善。 then a paragraph of indicators without a
    year of its own: they are 2025 targets; a task section keeps undated values undated."""
    text = (
        "某市养老托育服务实施方案\n\n一、总体要求\n（一）发展目标\n"
        "到2025年，全市养老托育服务体系更加完善。\n"
        "养老机构护理型床位占比达到55%，每千人口拥有3岁以下婴幼儿托位数达到4.5个。\n"
        "二、重点任务\n（一）扩大供给\n1.建设设施。新增普惠养老床位500张。（责任单位：市民政局）\n"
    )
    assert [(t.indicator, t.year) for t in _plan_targets(text)] == [
        ("养老机构护理型床位占比", 2025),
        ("每千人口拥有3岁以下婴幼儿托位数", 2025),
        ("新增普惠养老床位", None),
    ]


@pytest.mark.parametrize("heading", ["“十三五”时期取得的成就", "“十三五”发展回顾", "基本情况"])
def test_targets_none_under_a_heading_that_reports_the_past(heading: str) -> None:
    """A chapter on what the last period achieved states facts, even without a year."""
    text = (
        f"某市养老服务体系建设规划\n\n一、{heading}\n"
        "全市养老床位达到2.6万张，护理型床位占比达到45%。\n"
        "二、发展目标\n到2025年，养老机构护理型床位占比达到55%。\n"
    )
    assert [(t.indicator, t.year) for t in _plan_targets(text)] == [
        ("养老机构护理型床位占比", 2025)
    ]


def test_targets_run_in_goal_titles_of_a_goals_section_are_no_achievements() -> None:
    """工作目标: 基本服务全面保障。…, 供给质量明显改善。… state goals, by the section's
    deadline (js.010b.com/policy/detail/25488.html, 镇江)."""
    text = (
        "镇江市养老服务业实施意见\n\n二、工作目标\n"
        "到2020年,全面建成以居家为基础、社区为依托、机构为补充、信息为支撑,功能完善、服务优良、"
        "覆盖城乡的社会养老服务体系。\n"
        "供给质量明显改善。每千名老年人拥有养老床位数45张以上。护理型床位占养老服务总床位比例达50%以上。\n"
        "三、主要任务\n（一）加强设施建设\n1.完善设施。新增养老床位1000张。（责任单位：市民政局）\n"
    )
    assert [(t.indicator, t.year, t.value) for t in _plan_targets(text)][:2] == [
        ("每千名老年人拥有养老床位数", 2020, Decimal(45)),
        ("护理型床位占养老服务总床位比例", 2020, Decimal(50)),
    ]


@pytest.mark.parametrize(
    ("title", "year"),
    [
        # 1wenmi.com/doc/507125.html (常州钟楼)
        pytest.param("2021年重大民生实事项目目标任务责任分解表", 2021, id="annual"),
        pytest.param("某市“一老一小”整体解决方案（2021—2025年）", None, id="a-range"),
        pytest.param(None, None, id="no-title"),
    ],
)
def test_targets_undated_targets_of_an_annual_document_take_its_year(
    title: str | None, year: int | None
) -> None:
    targets = _plan_targets("一、主要任务\n全区城镇新增就业15000人，每年新增托位100个以上。\n")
    dated = dated_by_title(targets, title)
    assert [(t.indicator, t.year) for t in dated] == [
        ("城镇新增就业", year),
        ("每年新增托位", None),
    ]


def test_targets_a_county_task_table_of_one_year_dates_its_rows() -> None:
    """The second text behind the annual-title rule: 南陵县 2024年《政府工作报告》重点工作
    目标任务分解表 (www.nlx.gov.cn/openness/public/6605131/39230837.html, tune), whose rows
    state their figures without a year."""
    text = (
        "2024年《政府工作报告》重点工作目标任务分解表\n附件\n"
        "2024年《政府工作报告》重点工作目标任务分解表\n序号 |\n目标与任务 |\n"
        "分 管 县领导 |\n牵头责任单位 |\n责任单位 |\n80 |\n"
        "极回应群众新期待新要求,加大普惠性托育供给,新增托位数400个以上,公办园在园幼儿占比60%以上。\n"
    )
    assert [(t.value, t.year) for t in _plan_targets(text) if t.unit == "个"] == [
        (Decimal(400), 2024)
    ]


@pytest.mark.parametrize(
    ("heading", "year"),
    [
        # tune: 南陵 2024年《政府工作报告》重点工作目标任务分解表
        pytest.param("2024年《政府工作报告》重点工作目标任务分解表", 2024, id="annual-table"),
        # tune: 常州钟楼, the heading of a shared .docx
        pytest.param("2021年重大民生实事项目目标任务责任分解表.docx", 2021, id="annual-file-name"),
        pytest.param("某市“一老一小”整体解决方案（2021—2025年）", None, id="a-range"),
    ],
)
def test_targets_the_opening_heading_of_an_annual_table_dates_its_targets(
    heading: str, year: int | None
) -> None:
    """A task table for one year states its figures without a year: the heading it
    opens with gives it, whether or not the metadata reader took it for the title."""
    text = (
        f"{heading}\n1增加教育资源供给实施新建学校重点建设项目12个,计划竣工3个;增加学位5000个。\n"
    )
    assert [(t.value, t.year) for t in _plan_targets(text)] == [
        (Decimal(12), year),
        (Decimal(3), year),
        (Decimal(5000), year),
    ]


def test_targets_a_headline_restating_a_dated_target_is_that_target() -> None:
    """hk01.com (traditional) on the “十四五”国民健康规划: the headline's undated 80岁以上
    and the body's two 展望2035年 statements are one target."""
    text = (
        "「十四五」國民健康規劃公佈 提出中國人均預期壽命將達80歲以上\n\n"
        "國務院辦公廳印發的《「十四五」國民健康規劃》全文於周五(20日)公佈,該文件提出,"
        "展望2035年,中國的人均預期壽命達到80歲以上。\n"
        "據介紹,中國人均預期壽命在2015年至2020年,從76.34歲提高至77.93歲。到2025年,中國的"
        "人均預期壽命在2020年的基礎上繼續提高1歲左右,展望2035年,人均預期壽命達到80歲以上。\n"
    )
    assert [(t.indicator, t.year, t.comparator, t.value) for t in _plan_targets(text)] == [
        ("人均预期寿命", 2035, ">=", Decimal(80))
    ]


def test_targets_an_annual_document_dates_its_running_text_before_reading_it() -> None:
    """A figure of an annual task table with no verb of the plan (失业人员再就业5800人) is a
    target of the document's year, as 城镇新增就业15000人 is: the opening line's year scopes
    its clauses (常州钟楼 2021 民生实事分解表; 南陵 2024 政府工作报告 分解表), so that a
    worded goal (城乡“零就业家庭”动态清零) is read too."""
    text = (
        "2021年重大民生实事项目目标任务责任分解表\n一、促进就业\n"
        "全区城镇新增就业15000人，失业人员再就业5800人，城乡“零就业家庭”动态清零。\n"
    )
    targets = _plan_targets(text)
    assert [(t.indicator, t.year, t.value, t.qualitative) for t in targets] == [
        ("城镇新增就业", 2021, Decimal(15000), None),
        ("失业人员再就业", 2021, Decimal(5800), None),
        ("城乡“零就业家庭”", 2021, None, "动态清零"),
    ]
    undated = _plan_targets(text.replace("2021年", "", 1))
    assert [t.indicator for t in undated] == ["城镇新增就业"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # 常州钟楼 2021 民生实事分解表 (tune): two totals, each broken down after 其中
        pytest.param(
            "到2021年底，实施新建、改扩建学校重点建设项目12个，计划竣工3个，其中幼儿园7个、小学4个、"
            "初中1个；增加学位5000个，其中幼儿园420个，中小学4580个。",
            [("实施新建、改扩建学校重点建设项目", 12), ("计划竣工", 3), ("增加学位", 5000)],
            id="parts-of-totals",
        ),
        # 湖北 多元化养老 实施方案 (tune): a share after 其中 adds up to no total
        pytest.param(
            "到2025年，全省养老床位达到54万张以上，其中养老机构护理型床位占比达到75%以上。",
            [("养老床位", 540000), ("养老机构护理型床位占比", 75)],
            id="a-share-of-its-own",
        ),
        pytest.param(
            "到2021年底，新增托位500个，其中普惠性托位300个、社区托位100个。",
            [("新增托位", 500), ("普惠性托位", 300), ("社区托位", 100)],
            id="parts-short-of-the-total",
        ),
    ],
)
def test_targets_the_parts_of_a_total_after_qizhong_are_not_targets(
    text: str, expected: list[tuple[str, int]]
) -> None:
    assert [(i, v) for i, _, _, v, _ in _inline(text)] == expected


@pytest.mark.parametrize(
    "text",
    [
        # 海安 民政局 2023 民生实事进度表 (tune), 萧县 2025年9月份民生工程进展情况
        "到2023年底，400户适老化改造正在施工，9月底前完成。",
        "到2025年底，6个老旧小区改造正在施工中。",
    ],
)
def test_targets_work_under_way_is_no_target(text: str) -> None:
    assert _inline(text) == []
    assert _inline("到2023年底，完成居家适老化改造400户。") != []


def test_targets_names_conferred_by_a_notice_of_one_year_are_no_targets() -> None:
    """国家卫健委 2022 and 2021 命名通知 of 全国示范性老年友好型社区 (tune): the notice names
    999 communities by its own act; its title dates it, the count is no target."""
    text = (
        "关于命名2022年全国示范性老年友好型社区的通知\n一、命名\n"
        "国家卫生健康委、全国老龄办决定命名北京市东城区东花市街道东花市南里社区等999个社区"
        "为2022年全国示范性老年友好型社区。各地要新建老年友好型社区100个。\n"
    )
    assert [(t.year, t.value) for t in _plan_targets(text)] == [(2022, Decimal(100))]


def test_targets_a_year_a_rule_starts_from_sets_no_deadline() -> None:
    """2020年起… (国发 2019 职业教育改革 方案), 从2019年起… (国办 督查激励 notice): a start,
    not a deadline, even when later than the issue year; the 100 bases after it have no year,
    while a bare later year is a deadline (2020年初步建成300个…)."""
    text = (
        "2020年起基本不再从应届毕业生中招聘。实施职业院校教师素质提高计划，"
        "建立100个“双师型”教师培养培训基地。"
    )
    normalized = normalize_text(text)
    targets = text_targets(normalized.text, 0, normalized.quote, issued=2019)
    assert [(t.value, t.year) for t in targets] == [(Decimal(100), None)]
    normalized = normalize_text("2020年初步建成300个示范性职业教育集团（联盟）。")
    targets = text_targets(normalized.text, 0, normalized.quote, issued=2019)
    assert [(t.value, t.year) for t in targets] == [(Decimal(300), 2020)]


@pytest.mark.parametrize(
    "heading",
    [
        "一、落实2020年发展主要目标和下一阶段工作总体部署",  # 国发〔2020〕6号
        "一、2021年经济社会发展主要预期目标",  # 粤府〔2021〕22号
    ],
)
def test_targets_of_an_annual_division_of_work_are_for_its_year(heading: str) -> None:
    """An annual division of the 政府工作报告's work opens with the year's goals and
    prints no year in its items: 城镇新增就业900万人以上 is a goal for that year."""
    text = (
        "关于落实《政府工作报告》重点工作部门分工的意见\n"
        f"{heading}\n（一）总体要求和主要预期目标。\n"
        "1.城镇新增就业900万人以上，城镇调查失业率6%左右。（国务院各部门分别负责）\n"
    )
    year = int(heading[heading.index("20") :][:4])
    found = plan_from_text("plan.txt", normalize_text(text)).targets
    assert [(t.indicator, t.value, t.comparator, t.year) for t in found] == [
        ("城镇新增就业", Decimal("9000000"), ">=", year),
        ("城镇调查失业率", Decimal("6"), "=", year),
    ]


@pytest.mark.parametrize(
    "lead",
    [
        "规划提出，到2020年，要实现以下目标：",  # a colon ends the lead
        "规划提出目标，到2020年，老龄事业发展整体水平明显提升。",  # 目标 before the deadline
    ],
)
def test_targets_a_goal_lead_dates_the_unnumbered_goal_paragraphs_after_it(lead: str) -> None:
    """A lead that announces goals with a deadline dates the paragraphs of goals after it,
    which print no year and no number (the 十三五 促进就业 and 老龄 plans as news gives them);
    a paragraph of them that opens with a result (就业规模稳步扩大。) states a goal."""
    text = (
        f"{lead}\n"
        "就业规模稳步扩大。城镇新增就业5000万人以上，城镇登记失业率控制在5%以内。\n"
        "——护理型床位占当地养老床位总数的比例不低于30%。\n"
    )
    found = [(t.year, t.comparator, t.value, t.unit) for t in _plan_targets(text)]
    assert found == [
        (2020, ">=", Decimal(50000000), "人"),
        (2020, "<=", Decimal(5), "%"),
        (2020, ">=", Decimal(30), "%"),
    ]


def test_targets_inline_decimal_years_are_a_length_not_a_year() -> None:
    """平均受教育年限达到10.8年 is a target in years; 2020年 and a whole-number span
    (经过3年努力) are no values."""
    text = "到2020年，经过3年努力，劳动年龄人口平均受教育年限达到10.8年，新增劳动力平均受教育年限达到13.5年。"
    assert _inline(text) == [
        ("劳动年龄人口平均受教育年限", 2020, "=", Decimal("10.8"), "年"),
        ("新增劳动力平均受教育年限", 2020, "=", Decimal("13.5"), "年"),
    ]


def test_targets_inline_a_share_written_as_a_fraction_word() -> None:
    """一半 is 50% of the whole the clause names (国家职业教育改革实施方案); 减少一半 is a
    change, not a share."""
    text = (
        "到2022年，职业院校实践性教学课时原则上占总课时一半以上，"
        "“双师型”教师占专业课教师总数超过一半，能耗减少一半。"
    )
    assert _inline(text) == [
        ("职业院校实践性教学课时原则上占总课时", 2022, ">=", Decimal(50), "%"),
        ("“双师型”教师占专业课教师总数", 2022, ">", Decimal(50), "%"),
    ]


def test_targets_a_goal_lead_dates_goal_paragraphs_that_write_their_own_period() -> None:
    """The 十三五 促进就业规划 as the news of 2017 gives it (tune): after 到2020年，要实现以下
    目标： each goal paragraph opens with a run-in result and writes the plan's own period
    (“十三五”时期…) or no date at all; the lead's deadline dates them all, in a document
    issued before the period ended."""
    text = (
        "据中国政府网6日消息，国务院近日印发“十三五”促进就业规划的通知。"
        "规划提出，到2020年，要实现以下目标：\n"
        "就业规模稳步扩大，就业质量进一步提升。“十三五”时期城镇新增就业5000万人以上，"
        "全国城镇登记失业率控制在5%以内。\n"
        "人力资源结构不断优化，劳动者就业创业能力明显提高。劳动年龄人口平均受教育年限达到10.8年。\n"
    )
    normalized = normalize_text(text)
    outline = outline_text(normalized.text)
    found = find_targets(
        normalized.text, outline, [], load_lexicon(), normalized.quote, issued=2017
    )
    assert sorted((t.value, t.year) for t in found) == [
        (Decimal("5"), 2020),
        (Decimal("10.8"), 2020),
        (Decimal("50000000"), 2020),
    ]
