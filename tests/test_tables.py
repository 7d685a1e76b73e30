"""tables.py and the table readers of extract/targets.py and read/word.py: indicator
tables as web copies and Word documents lay them out (issue 12, classes 1 and 2).

Row wordings and values are those of the main-indicator table of 国发〔2021〕35号 (the
rows data/parent_targets.csv quotes) and of the indicator tables of the bundled plans;
the layouts are the damage issue 12 describes.
"""

from __future__ import annotations

from decimal import Decimal
from operator import attrgetter
from pathlib import Path

import docx
import pytest

from policygraph.extract.targets import table_targets
from policygraph.model import Bindingness, Target
from policygraph.normalize import normalize_text
from policygraph.read import read_plan
from policygraph.tables import find_tables

ROW_FIELDS = attrgetter("domain", "indicator", "year", "comparator", "value", "unit")


def _targets(text: str) -> list[Target]:
    normalized = normalize_text(text)
    (table,) = find_tables(normalized.text)
    return table_targets(table, normalized.quote)


PIPE_CELLS = """表1 主要发展指标
领域 |
序号 |
指标 |
单位 |
2020年 |
2025年 |
属性 |
养老服务 |
1 |
养老机构护理型床位占比 |
% |
44 |
55 |
约束性 |
2 |
每千名老年人拥有养老床位数(张) |
- |
≥72 |
预期性 |
|
3 |
新建城区、新建居住区配套建设养老服务设施达标率 |
% |
- |
100% |
约束性 |
|
托育服务 |
4 |
婴幼儿健康管理率 |
% |
95 |
>99 |
预期性
"""


def test_tables_pipe_cells_with_a_row_spanned_domain_column() -> None:
    """Each cell ends in " |"; the 领域 cell spanning rows leaves a lone "|" at the END of
    each continuation row; the last row has no trailing "|"; "-" is no baseline."""
    targets = _targets(PIPE_CELLS)
    assert [ROW_FIELDS(t) for t in targets] == [
        ("养老服务", "养老机构护理型床位占比", 2025, "=", Decimal(55), "%"),
        ("养老服务", "每千名老年人拥有养老床位数", 2025, ">=", Decimal(72), "张"),
        (
            "养老服务",
            "新建城区、新建居住区配套建设养老服务设施达标率",
            2025,
            "=",
            Decimal(100),
            "%",
        ),
        ("托育服务", "婴幼儿健康管理率", 2025, ">", Decimal(99), "%"),
    ]
    assert [(t.baseline_value, t.baseline_year) for t in targets] == [
        (Decimal(44), 2020),
        (None, None),
        (None, None),
        (Decimal(95), 2020),
    ]
    assert [t.binding for t in targets] == [
        Bindingness.BINDING,
        Bindingness.EXPECTED,
        Bindingness.BINDING,
        Bindingness.EXPECTED,
    ]


def test_tables_pipe_rows_that_drop_the_unit_cell_are_placed_by_evidence() -> None:
    """One row a line: a row whose unit is in its name drops the unit cell, so its cells
    no longer sit in their columns; its 属性 word shows where the values end."""
    text = (
        "领域 | 序号 | 指标 | 单位 | 2020年 | 2025年 | 属性 |\n"
        "养老服务 | 1 | 养老机构护理型床位占比 | % | 44 | 55 | 约束性 |\n"
        "2 | 每千名老年人拥有养老床位数(张) | - | ≥72 | 预期性 | |\n"
        "3 | 特殊困难老年人月探访率 | % | - | 100 | 预期性\n"
    )
    assert [(t.indicator, t.value, t.comparator, t.unit, t.binding) for t in _targets(text)] == [
        ("养老机构护理型床位占比", Decimal(55), "=", "%", Bindingness.BINDING),
        ("每千名老年人拥有养老床位数", Decimal(72), ">=", "张", Bindingness.EXPECTED),
        ("特殊困难老年人月探访率", Decimal(100), "=", "%", Bindingness.EXPECTED),
    ]


def test_tables_lone_pipe_on_the_line_of_the_last_cell() -> None:
    """`预期性 | |`: the last cell of a continuation row and the empty cell of the
    row-spanned column on one line; the attribute is 预期性, not a group label."""
    targets = _targets(PIPE_CELLS.replace("预期性 |\n|\n", "预期性 | |\n"))
    assert [(t.indicator, t.domain, t.binding) for t in targets[1:3]] == [
        ("每千名老年人拥有养老床位数", "养老服务", Bindingness.EXPECTED),
        ("新建城区、新建居住区配套建设养老服务设施达标率", "养老服务", Bindingness.BINDING),
    ]


def test_tables_rows_without_serials_align_without_the_trailing_empty_cell() -> None:
    """No 序号 column: a continuation row is right-aligned on its filled cells, the
    lone `|` at its end being the place of the row-spanned 领域 cell."""
    text = (
        "领域 | 指标 | 单位 | 2020年 | 2025年 | 属性 |\n"
        "养老服务 | 养老机构护理型床位占比 | % | 44 | 55 | 约束性 |\n"
        "特殊困难老年人月探访率 | % | - | 100% | 预期性 | |\n"
        "托育服务 | 婴幼儿健康管理率 | % | 95 | >99 | 预期性\n"
    )
    assert [ROW_FIELDS(t) for t in _targets(text)] == [
        ("养老服务", "养老机构护理型床位占比", 2025, "=", Decimal(55), "%"),
        ("养老服务", "特殊困难老年人月探访率", 2025, "=", Decimal(100), "%"),
        ("托育服务", "婴幼儿健康管理率", 2025, ">", Decimal(99), "%"),
    ]


def test_tables_value_equal_to_the_next_serial_stays_in_its_row() -> None:
    """One cell a line: a 2025 value of 3 just before row 3 is that row's goal, not the
    serial of the next row (the next serial is followed by an indicator name)."""
    text = (
        "序号\n指标名称\n单位\n2020年\n2025年\n属性\n"
        "1\n养老机构护理型床位占比\n%\n40\n55\n约束性\n"
        "2\n每千人口拥有3岁以下婴幼儿托位数\n个\n1.5\n3\n预期性\n"
        "3\n3岁以下婴幼儿健康管理率\n%\n90\n92\n预期性\n"
    )
    assert [(t.indicator, t.value, t.baseline_value) for t in _targets(text)] == [
        ("养老机构护理型床位占比", Decimal(55), Decimal(40)),
        ("每千人口拥有3岁以下婴幼儿托位数", Decimal(3), Decimal("1.5")),
        ("3岁以下婴幼儿健康管理率", Decimal(92), Decimal(90)),
    ]


def _word_table(path: Path, rows: list[list[str]], merge_down: tuple[int, int]) -> Path:
    """A Word document with one real table; column 0 merged over rows merge_down."""
    document = docx.Document()
    document.add_paragraph("表1 “十四五”时期养老托育服务主要指标")
    table = document.add_table(rows=len(rows), cols=len(rows[0]))
    for r, row in enumerate(rows):
        for c, text in enumerate(row):
            if text:
                table.cell(r, c).text = text
    first, last = merge_down
    table.cell(first, 0).merge(table.cell(last, 0))
    document.add_paragraph("二、重点任务")
    document.save(str(path))
    return path


def test_tables_word_table_is_read_row_by_row_with_merged_cells(tmp_path: Path) -> None:
    """A .docx table through python-docx's rows and cells: the 领域 cell merged down
    three rows labels them all, and a 2025 value equal to the next 序号 stays put."""
    rows = [
        ["领域", "序号", "指标", "单位", "2020年", "2025年", "属性"],
        ["养老服务", "1", "养老机构护理型床位占比", "%", "44", "55", "约束性"],
        ["", "2", "每千名老年人拥有养老床位数", "张", "", "3", "预期性"],
        ["", "3", "特殊困难老年人月探访率", "%", "—", "100", "预期性"],
        ["托育服务", "4", "每千人口拥有3岁以下婴幼儿托位数", "个", "1.8", "4.5", "预期性"],
    ]
    source = read_plan(_word_table(tmp_path / "plan.docx", rows, (1, 3)))
    assert "| 养老服务 | 1 | 养老机构护理型床位占比 | % | 44 | 55 | 约束性 |" in source.text
    targets = _targets(source.text)
    assert [(*ROW_FIELDS(t), t.baseline_value) for t in targets] == [
        ("养老服务", "养老机构护理型床位占比", 2025, "=", Decimal(55), "%", Decimal(44)),
        ("养老服务", "每千名老年人拥有养老床位数", 2025, "=", Decimal(3), "张", None),
        ("养老服务", "特殊困难老年人月探访率", 2025, "=", Decimal(100), "%", None),
        (
            "托育服务",
            "每千人口拥有3岁以下婴幼儿托位数",
            2025,
            "=",
            Decimal("4.5"),
            "个",
            Decimal("1.8"),
        ),
    ]
    assert all(t.quote.text in source.text for t in targets)


def test_tables_two_goal_columns_have_no_baseline() -> None:
    """2023年目标值 | 2025年目标值: both columns are goals; only an unmarked earliest
    year (2021 | 2023 | 2025) is the baseline."""
    text = (
        "序号 | 指标名称 | 2023年目标值 | 2025年目标值 | 属性\n"
        "1 | 普惠性托位占比（%） | 50 | 60 | 预期性\n"
    )
    assert [(t.year, t.value, t.baseline_value) for t in _targets(text)] == [
        (2023, Decimal(50), None),
        (2025, Decimal(60), None),
    ]


def test_tables_header_with_one_unknown_column_and_a_co_responsible_column() -> None:
    """A header row with one column the cue table does not know (统计口径) is still a
    header; 配合单位 heads units, not a unit of measure."""
    text = (
        "序号 | 指标名称 | 单位 | 2020年 | 2025年 | 统计口径 | 配合单位\n"
        "1 | 养老机构护理型床位占比 | % | 44 | 55 | 民政统计 | 市卫生健康委\n"
    )
    (target,) = _targets(text)
    assert (target.indicator, target.unit, target.value, target.baseline_value) == (
        "养老机构护理型床位占比",
        "%",
        Decimal(55),
        Decimal(44),
    )
    assert [m.name for m in target.responsible] == ["市卫生健康委"]


def test_tables_cell_per_line_header_with_one_unknown_column() -> None:
    """One cell a line: an unknown header cell between header words stays in the header,
    and its cell in each row is no value."""
    text = (
        "序号\n指标名称\n统计口径\n2020年\n2025年\n属性\n"
        "1\n养老机构护理型床位占比（%）\n民政统计\n44\n55\n约束性\n"
    )
    (target,) = _targets(text)
    assert (target.value, target.baseline_value, target.binding) == (
        Decimal(55),
        Decimal(44),
        Bindingness.BINDING,
    )


def test_tables_markdown_table_with_an_unnamed_name_column() -> None:
    """A Markdown table (a public GitHub village-plan template, 表 2-1 规划指标表): the rule
    under the header is no row; 规划指标体系, a header the cue table does not know,
    heads the name column; "-" is no goal."""
    text = (
        "表 2-1 规划指标表\n\n"
        "| 规划指标体系 | 2022年 | 2035年 | 属性 |\n"
        "| :--- | :--- | :--- | :--- |\n"
        "| 户籍人口规模（人） | 1403 | - | 预期性 |\n"
        "| 常住人口规模（人） | 500 | 500 | 预期性 |\n"
        "| 森林覆盖率（%） | 90 | ≥90 | 预期性 |\n"
    )
    assert [(t.indicator, t.year, t.comparator, t.value, t.unit) for t in _targets(text)] == [
        ("常住人口规模", 2035, "=", Decimal(500), "人"),
        ("森林覆盖率", 2035, ">=", Decimal(90), "%"),
    ]


# --- change columns of five-year plan tables --------------------------------------------
# Rows of 专栏1 “十三五”生态环境保护主要指标 (国发〔2016〕65号; data/indicator_sources,
# shengtai-13), one row a line with `|` as a web copy lays it out.

CHANGE_ROWS = """专栏1 “十三五”生态环境保护主要指标
指标 | 2015年 | 2020年 | 〔累计〕 | 属性
空气质量优良天数比率（%） | 76.7 | >80 | - | 约束性
细颗粒物未达标地级及以上城市浓度下降（%） | - | - | 〔18〕 | 约束性
森林覆盖率（%） | 21.66 | 23.04 | 〔1.38〕 | 约束性
森林蓄积量（亿立方米） | 151 | 165 | 〔14〕 | 约束性
湿地保有量（亿亩） | - | ≥8 | - | 预期性
"""
LEVEL_CHANGE_ROW = "人均预期寿命（岁） | 77.3 | — | 〔1〕 | 预期性\n"


def test_a_change_column_is_no_year_column() -> None:
    """〔累计〕 heads the change over the period: its figures are no 2020 goals beside a
    level, and a row that states no level states its goal as the change (〔18〕)."""
    rows = {(t.indicator, t.year, t.comparator, t.value, t.unit) for t in _targets(CHANGE_ROWS)}
    assert rows == {
        ("空气质量优良天数比率", 2020, ">", Decimal("80"), "%"),
        ("细颗粒物未达标地级及以上城市浓度下降", 2020, "=", Decimal("18"), "%"),
        ("森林覆盖率", 2020, "=", Decimal("23.04"), "%"),
        ("森林蓄积量", 2020, "=", Decimal("165"), "亿立方米"),
        ("湿地保有量", 2020, ">=", Decimal("8"), "亿亩"),
    }
    forest = next(t for t in _targets(CHANGE_ROWS) if t.indicator == "森林覆盖率")
    assert (forest.baseline_value, forest.baseline_year) == (Decimal("21.66"), 2015)


def test_a_levels_change_alone_is_no_target() -> None:
    """人均预期寿命 〔1〕 (the 十四五 纲要's row: 77.3 | — | 〔1〕) is one year more, not a life
    expectancy of one year: only an indicator named as a change takes its change as goal."""
    assert _targets(CHANGE_ROWS + LEVEL_CHANGE_ROW) == _targets(CHANGE_ROWS)


def test_bracketed_and_signed_change_values() -> None:
    """[13.5] and ［13.5］ (the 十四五 纲要's 〔13.5〕 with the brackets copies put for 〔〕 in
    document numbers) are the figure 13.5; -10% (专栏2 of 国发〔2007〕37号) a decrease of 10."""
    from policygraph.extract.cells import parse_cell

    assert parse_cell("[13.5]").value == parse_cell("［13.5］").value == Decimal("13.5")
    assert parse_cell("-10%").value == Decimal("-10")
    assert parse_cell("-4.1个百分点").value == Decimal("-4.1")
    assert parse_cell("-") is None


PERIOD_CHANGE_ROWS = [
    ["序号", "指标", "2005年", "2010年", "“十一五”增减情况"],
    ["1", "化学需氧量排放总量（万吨）", "1414", "1270", "-10%"],
    ["2", "二氧化硫排放总量（万吨）", "2549", "2295", "-10%"],
    ["3", "地表水国控断面劣V类水质的比例（%）", "26.1", "<22", "-4.1个百分点"],
]


PERIOD_CHANGE_TARGETS = {
    ("化学需氧量排放总量", 2010, "=", Decimal("1270")),
    ("二氧化硫排放总量", 2010, "=", Decimal("2295")),
    ("地表水国控断面劣V类水质的比例", 2010, "<", Decimal("22")),
}


@pytest.mark.parametrize("layout", ["row", "cell"])
def test_a_change_over_a_named_period_heads_a_change_column(layout: str) -> None:
    """专栏2 “十一五”主要环保指标 (国发〔2007〕37号) heads its change column with the
    period's name, no year: 指标 | 2005年 | 2010年 | “十一五”增减情况; the header is still
    found, one row a line or one cell a line, and -10% is read as no 2010 level."""
    lines = (
        [" | ".join(row) for row in PERIOD_CHANGE_ROWS]
        if layout == "row"
        else [f"{cell} |" for row in PERIOD_CHANGE_ROWS for cell in row]
    )
    text = "专栏2 “十一五”主要环保指标\n" + "\n".join(lines) + "\n"
    (table,) = find_tables(normalize_text(text).text)
    assert [c.text for c in table.header] == PERIOD_CHANGE_ROWS[0]
    targets = {(t.indicator, t.year, t.comparator, t.value) for t in _targets(text)}
    assert targets == PERIOD_CHANGE_TARGETS


def test_a_change_header_with_years_is_no_goal_year() -> None:
    """A change header that names two years (2015年比2010年增长, the form issue 12's table
    round reports) holds a change: read as years it became a second goal column of its
    first year, and the decrease (-10%) a target. Rows of 专栏2 of 国发〔2007〕37号 under
    that form of header."""
    header = [*PERIOD_CHANGE_ROWS[0][:4], "2010年比2005年增长"]
    text = "\n".join(" | ".join(row) for row in [header, *PERIOD_CHANGE_ROWS[1:]]) + "\n"
    targets = {(t.indicator, t.year, t.comparator, t.value) for t in _targets(text)}
    assert targets == PERIOD_CHANGE_TARGETS


def test_a_merged_attribute_cell_holds_for_the_rows_of_its_group() -> None:
    """专栏1 of 国发〔2016〕65号 prints 约束性 once for the four pollutants of 主要污染物排放总量
    减少 (a 属性 cell merged over their rows) and 预期性 once for 总氮 and 总磷: the rows that
    stop before the 属性 column are no shorter at their start (the name heads the table)
    and keep the 属性 above them."""
    text = (
        "指标 | 2015年 | 2020年 | 〔累计〕 | 属性\n"
        "5.主要污染物排放总量减少（%）\n"
        "化学需氧量 | - | - | 〔10〕 | 约束性\n"
        "氨氮 | - | - | 〔10〕\n"
        "6.区域性污染物排放总量减少（%）\n"
        "重点地区总氮 | - | - | 〔10〕 | 预期性\n"
        "重点地区总磷 | - | - | 〔10〕\n"
    )
    rows = {(t.indicator, t.value, t.binding) for t in _targets(text)}
    assert rows == {
        ("化学需氧量", Decimal("10"), Bindingness.BINDING),
        ("氨氮", Decimal("10"), Bindingness.BINDING),
        ("重点地区总氮", Decimal("10"), Bindingness.EXPECTED),
        ("重点地区总磷", Decimal("10"), Bindingness.EXPECTED),
    }


CELL_PER_LINE_CHANGE = (
    "序号 |\n指标 |\n2015年 |\n2020年 |\n〔累计〕 |\n属性 |\n"
    "1 |\n空气质量优良天数比率（%） |\n76.7 |\n>80 |\n约束性 |\n"
    "2 |\n森林覆盖率（%） |\n21.66 |\n23.04 |\n〔1.38〕 |\n约束性 |\n"
    "3 |\n细颗粒物未达标地级及以上城市浓度下降（%） |\n〔18〕 |\n约束性 |\n"
)
"""Rows of 专栏1 of 国发〔2016〕65号 one cell a line (numbered, as the copies of issue 12
class 1 are), the blank 〔累计〕 cell of the level row 空气质量优良天数比率 dropped."""


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            CELL_PER_LINE_CHANGE,
            {
                ("空气质量优良天数比率", 2020, Decimal("80"), Decimal("76.7")),
                ("森林覆盖率", 2020, Decimal("23.04"), Decimal("21.66")),
                ("细颗粒物未达标地级及以上城市浓度下降", 2020, Decimal("18"), None),
            },
        ),
    ],
    ids=["cell-per-line"],
)
def test_a_change_figure_fills_no_year_column(text: str, expected: set[tuple]) -> None:
    """One cell a line, a level row whose blank change cell was dropped keeps its two
    figures in the 2015 and 2020 columns, not 2020 and the change."""
    rows = {(t.indicator, t.year, t.value, t.baseline_value) for t in _targets(text)}
    assert rows == expected


ONE_LAOYIXIAO_ROWS = (
    ("养老服务", "养老机构护理型床位占比", "%", "44", "≥55", "约束性"),
    ("", "每千名老年人拥有养老床位数（张）", "", "32", "≥35", "预期性"),
    ("托育服务", "每千人口拥有3岁以下婴幼儿托位数", "个", "1.5", "4.5", "预期性"),
    ("", "普惠托育机构覆盖率", "%", "—", "100%", "预期性"),
)
"""A 一老一小 main-indicator table (序号/领域/指标名称/单位/2020年/2025年/属性) with the 领域
cell merged over the rows of its group and a unit left blank where the name carries it."""
ONE_LAOYIXIAO_TARGETS = [
    ("养老服务", "养老机构护理型床位占比", 2025, ">=", Decimal(55), "%"),
    ("养老服务", "每千名老年人拥有养老床位数", 2025, ">=", Decimal(35), "张"),
    ("托育服务", "每千人口拥有3岁以下婴幼儿托位数", 2025, "=", Decimal("4.5"), "个"),
    ("托育服务", "普惠托育机构覆盖率", 2025, "=", Decimal(100), "%"),
]


def test_tables_tab_separated_rows_keep_their_empty_cells() -> None:
    """Pasted from a spreadsheet or a Word window: one tab between cells, so a merged 领域
    cell or a blank unit is two tabs in a row; read as one column each, no value slips."""
    header = "序号\t领域\t指标名称\t单位\t2020年\t2025年\t属性\n"
    body = "".join(f"{n}\t" + "\t".join(row) + "\n" for n, row in enumerate(ONE_LAOYIXIAO_ROWS, 1))
    targets = _targets("主要指标\n" + header + body)
    assert [ROW_FIELDS(t) for t in targets] == ONE_LAOYIXIAO_TARGETS
    assert [(t.baseline_value, t.baseline_year) for t in targets] == [
        (Decimal(44), 2020),
        (Decimal(32), 2020),
        (Decimal("1.5"), 2020),
        (None, None),
    ]


def test_tables_group_column_after_the_serial_one_cell_a_line() -> None:
    """序号 | 领域 | 指标名称 …, one cell a line with empty cells dropped: the first row of
    a group prints its label after the serial, the next rows go from serial to name."""
    header = "序号\n领域\n指标名称\n单位\n2020年\n2025年\n属性\n"
    body = "".join(
        f"{n}\n" + "".join(f"{cell}\n" for cell in row if cell)
        for n, row in enumerate(ONE_LAOYIXIAO_ROWS, 1)
    )
    targets = _targets("主要指标\n" + header + body)
    assert [ROW_FIELDS(t) for t in targets] == ONE_LAOYIXIAO_TARGETS
    assert [t.binding for t in targets][:2] == [Bindingness.BINDING, Bindingness.EXPECTED]


def test_tables_year_header_broken_after_the_year() -> None:
    """2020年基数 | 2025年目标 in narrow columns, one cell a line: 2020年, 基数, 2025年, 目标
    are two columns, and the baseline keeps its year."""
    header = "序号\n指标名称\n单位\n2020年\n基数\n2025年\n目标\n属性\n"
    rows = (ONE_LAOYIXIAO_ROWS[0][1:], ONE_LAOYIXIAO_ROWS[2][1:])
    body = "".join(f"{n}\n" + "".join(f"{c}\n" for c in row) for n, row in enumerate(rows, 1))
    targets = _targets(header + body)
    assert [(t.indicator, t.value, t.baseline_value, t.baseline_year) for t in targets] == [
        ("养老机构护理型床位占比", Decimal(55), Decimal(44), 2020),
        ("每千人口拥有3岁以下婴幼儿托位数", Decimal("4.5"), Decimal("1.5"), 2020),
    ]


def test_a_cell_stepping_from_a_level_states_the_goal_after_the_arrow() -> None:
    from policygraph.extract.cells import parse_cell

    assert parse_cell("3.5→4.5").value == Decimal("4.5")
    assert (parse_cell("40%→≥55%").value, parse_cell("40%→≥55%").comparator) == (Decimal(55), ">=")


def test_tables_without_serials_one_cell_a_line_end_rows_at_their_attribute() -> None:
    """指标 | 单位 | 2020年 | 2025年 | 属性 without a 序号 column, one cell a line, a blank unit
    dropped: each row ends with its 约束性/预期性 cell; a caption 主要指标 is no column."""
    header = "主要指标\n指标\n单位\n2020年\n2025年\n属性\n"
    body = "".join("".join(f"{c}\n" for c in row[1:] if c) for row in ONE_LAOYIXIAO_ROWS)
    targets = _targets(header + body)
    assert [ROW_FIELDS(t)[1:] for t in targets] == [row[1:] for row in ONE_LAOYIXIAO_TARGETS]
    assert [t.baseline_value for t in targets] == [Decimal(44), Decimal(32), Decimal("1.5"), None]


def test_tables_rows_run_onto_one_line_split_after_their_attribute() -> None:
    """One row a line, but the copy ran two rows onto one line: the attribute cell followed
    by the next serial ends the first row."""
    header = "| 序号 | 领域 | 指标名称 | 单位 | 2020年 | 2025年 | 属性 |\n"
    cells = [" | ".join((str(n), *row)) for n, row in enumerate(ONE_LAOYIXIAO_ROWS, 1)]
    body = f"| {cells[0]} | {cells[1]} |\n| {cells[2]} | {cells[3]} |\n"
    targets = _targets(header + body)
    assert [ROW_FIELDS(t) for t in targets] == ONE_LAOYIXIAO_TARGETS


def test_tables_word_header_over_two_rows_puts_the_years_under_the_merged_cell(
    tmp_path: Path,
) -> None:
    """指标值 merged over the year columns, the years in a second header row: the years
    take its place, so each value sits under its year."""
    document = docx.Document()
    table = document.add_table(rows=4, cols=6)
    texts = [
        ["序号", "指标名称", "单位", "指标值", "", "属性"],
        ["", "", "", "2020年", "2025年", ""],
        ["1", *ONE_LAOYIXIAO_ROWS[0][1:]],
        ["2", *ONE_LAOYIXIAO_ROWS[2][1:]],
    ]
    for r, row in enumerate(texts):
        for c, text in enumerate(row):
            table.cell(r, c).text = text
    table.cell(0, 3).merge(table.cell(0, 4))
    document.save(str(tmp_path / "plan.docx"))
    targets = _targets(read_plan(tmp_path / "plan.docx").text)
    assert [(t.indicator, t.year, t.value, t.baseline_value, t.baseline_year) for t in targets] == [
        ("养老机构护理型床位占比", 2025, Decimal(55), Decimal(44), 2020),
        ("每千人口拥有3岁以下婴幼儿托位数", 2025, Decimal("4.5"), Decimal("1.5"), 2020),
    ]


@pytest.mark.parametrize(
    "row",
    [
        "| 1 | 孕产妇死亡率（1/10万） | | 12 | ≤12 | 预期性 |",
        "| 1 | 孕产妇死亡率 | 1/10万 | 12 | ≤12 | 预期性 |",
    ],
)
def test_a_rate_per_100000_written_as_a_fraction_has_the_unit_of_running_text(row: str) -> None:
    """1/10万 in the name's brackets or the unit column is the /10万 of 孕产妇死亡率12/10万."""
    (target,) = _targets("| 序号 | 指标名称 | 单位 | 2020年 | 2025年 | 属性 |\n" + row + "\n")
    assert (target.indicator, target.value, target.comparator, target.unit) == (
        "孕产妇死亡率",
        Decimal(12),
        "<=",
        "/10万",
    )


def test_tables_lone_pipe_of_an_empty_unit_cell_is_no_value_column() -> None:
    """Cells ending in `|`, 序号 before 领域: the continuation row prints a lone `|` for its
    merged 领域 cell and another for its unit cell (the unit is in the name); the second
    gap is the unit column's, so 32 stays the baseline and ≥35 the goal."""
    header = "".join(
        f"{c} |\n" for c in ("序号", "领域", "指标名称", "单位", "2020年", "2025年", "属性")
    )
    body = "".join(
        f"{n} |\n" + "".join(f"{cell} |\n" for cell in row)
        for n, row in enumerate(ONE_LAOYIXIAO_ROWS, 1)
    )
    targets = _targets(header + body.replace("\n |\n", "\n|\n"))
    assert [ROW_FIELDS(t) for t in targets] == ONE_LAOYIXIAO_TARGETS
    assert [t.baseline_value for t in targets] == [Decimal(44), Decimal(32), Decimal("1.5"), None]


@pytest.mark.parametrize(
    "serials", [("01", "02"), ("1.", "2."), ("1、", "2、"), ("（1）", "（2）")]
)
def test_tables_serials_printed_with_a_zero_a_point_or_brackets_open_rows(
    serials: tuple[str, str],
) -> None:
    """01, 1., 1、 and （1） number rows as 1 does, one cell a line."""
    rows = (ONE_LAOYIXIAO_ROWS[0][1:], ONE_LAOYIXIAO_ROWS[2][1:])
    body = "".join(
        f"{s}\n" + "".join(f"{c}\n" for c in row) for s, row in zip(serials, rows, strict=True)
    )
    targets = _targets("序号\n指标名称\n单位\n2020年\n2025年\n属性\n" + body)
    assert [t.indicator for t in targets] == [rows[0][0], rows[1][0]]


def test_tables_chapter_rows_before_serials_with_a_point_one_cell_a_line() -> None:
    """One cell a line, a group printed as a chapter line (一、养老服务) and rows numbered
    1. 2.: the chapter line before a serial is a group row, not the end of the table."""
    text = (
        "序号\n指标名称\n单位\n2020年\n2025年\n属性\n"
        "一、养老服务\n1.\n养老机构护理型床位占比\n%\n44\n≥55\n约束性\n"
        "二、托育服务\n2.\n每千人口拥有3岁以下婴幼儿托位数\n个\n1.5\n4.5\n预期性\n"
    )
    targets = _targets(text)
    assert [(t.domain, t.indicator, t.value) for t in targets] == [
        ("养老服务", "养老机构护理型床位占比", Decimal(55)),
        ("托育服务", "每千人口拥有3岁以下婴幼儿托位数", Decimal("4.5")),
    ]


def test_tables_short_row_after_a_serial_before_the_merged_group_column() -> None:
    """序号 | 领域 | 指标名称 …, one row a line: a continuation row without its 领域 cell and
    without its unit cell (the unit is in the name) keeps its name, values and group."""
    header = "| 序号 | 领域 | 指标名称 | 单位 | 2020年 | 2025年 | 属性 |\n"
    body = (
        "| 1 | 养老服务 | 养老机构护理型床位占比 | % | 44 | ≥55 | 约束性 |\n"
        "| 2 | 每千名老年人拥有养老床位数（张） | 32 | ≥35 | 预期性 | |\n"
    )
    targets = _targets(header + body)
    assert [ROW_FIELDS(t) for t in targets] == ONE_LAOYIXIAO_TARGETS[:2]
    assert [t.baseline_value for t in targets] == [Decimal(44), Decimal(32)]


def test_tables_a_name_wrapped_over_two_lines_and_worded_goals() -> None:
    """One cell a line from a narrow column: a name broken over two lines is one name, and
    cells worded as running text (不低于55, 4.5以上, 达到70) state their comparators."""
    text = (
        "序号\n指标名称\n单位\n2020年\n2025年\n属性\n"
        "1\n养老机构护理型床位\n占比\n%\n44\n不低于55\n约束性\n"
        "2\n每千人口拥有3岁以下\n婴幼儿托位数\n个\n1.5\n4.5以上\n预期性\n"
        "3\n特困人员供养服务设施\n—\n应保尽保\n约束性\n"
        "4\n示范性老年友好社区数\n逐步建立\n1\n预期性\n"
    )
    targets = _targets(text)
    assert [(t.indicator, t.comparator, t.value, t.qualitative) for t in targets] == [
        ("养老机构护理型床位占比", ">=", Decimal(55), None),
        ("每千人口拥有3岁以下婴幼儿托位数", ">=", Decimal("4.5"), None),
        ("特困人员供养服务设施", None, None, "应保尽保"),
        ("示范性老年友好社区数", "=", Decimal(1), None),
    ]


def test_a_cell_worded_as_running_text_states_its_comparator() -> None:
    from policygraph.extract.cells import parse_cell

    stated = [parse_cell(t) for t in ("达到70", "控制在5‰以内", "达到55%以上", "不超过30%")]
    assert [(q.value, q.comparator) for q in stated if q] == [
        (Decimal(70), "="),
        (Decimal(5), "<="),
        (Decimal(55), ">="),
        (Decimal(30), "<="),
    ]


def test_tables_empty_cells_before_the_values_in_a_blank_line_layout() -> None:
    """One cell a line, cells parted by blank lines and empty cells kept as empty lines:
    the merged 领域 cell and the blank unit of a continuation row widen the gaps before its
    values beyond the value columns; the excess is theirs, so ≥35 stays the goal."""
    header = ("序号", "领域", "指标名称", "单位", "2020年", "2025年", "属性")
    cells = [*header, *(c for n, row in enumerate(ONE_LAOYIXIAO_ROWS, 1) for c in (str(n), *row))]
    targets = _targets("\n\n".join(cells) + "\n")
    assert [ROW_FIELDS(t) for t in targets] == ONE_LAOYIXIAO_TARGETS
    assert [t.baseline_value for t in targets] == [Decimal(44), Decimal(32), Decimal("1.5"), None]


def test_tables_without_serials_with_a_group_column_and_a_units_column() -> None:
    """领域 | 指标名称 | 单位 | 2020年 | 2025年 | 属性 | 责任单位 without 序号, one cell a line:
    a short label opening a row is its group, and the unit cells after 属性 are its owners."""
    header = ("领域", "指标名称", "单位", "2020年", "2025年", "属性", "责任单位")
    owners = ("区民政局", "区民政局", "区卫生健康委", "区卫生健康委、区发展改革委")
    cells = [
        *header,
        *(
            c
            for row, unit in zip(ONE_LAOYIXIAO_ROWS, owners, strict=True)
            for c in (*row, unit)
            if c
        ),
    ]
    targets = _targets("\n".join(cells) + "\n")
    assert [ROW_FIELDS(t) for t in targets] == ONE_LAOYIXIAO_TARGETS
    assert [[m.name for m in t.responsible] for t in targets] == [
        ["区民政局"],
        ["区民政局"],
        ["区卫生健康委"],
        ["区卫生健康委", "区发展改革委"],
    ]


def test_tables_a_name_ending_as_a_body_does_after_an_owner_cell_opens_its_row() -> None:
    """指标名称 | 单位 | 2020年 | 2025年 | 属性 | 责任单位 without 序号, one cell a line: the
    责任单位 column holds one cell a row, so a facility count named as a body is named
    (区域性养老服务中心, 农村幸福院: 泉州 2021 and 福建 2018 list them) opens the next row
    and is no second owner of the row before it."""
    header = ("指标名称", "单位", "2020年", "2025年", "属性", "责任单位")
    rows = (
        ("养老机构护理型床位占比", "%", "44", "55", "约束性", "区民政局"),
        ("区域性养老服务中心", "个", "—", "14", "预期性", "区民政局"),
        ("农村幸福院", "个", "—", "400", "预期性", "区民政局"),
    )
    targets = _targets("\n".join((*header, *(c for row in rows for c in row))) + "\n")
    assert [(t.indicator, t.value, t.unit) for t in targets] == [
        ("养老机构护理型床位占比", Decimal(55), "%"),
        ("区域性养老服务中心", Decimal(14), "个"),
        ("农村幸福院", Decimal(400), "个"),
    ]
    assert [[m.name for m in t.responsible] for t in targets] == [["区民政局"]] * 3


def test_tables_short_row_without_serials_one_row_a_line() -> None:
    """领域 | 指标名称 | 单位 | 2020年 | 2025年 | 属性 without 序号, one row a line, a copy that
    drops empty cells: a continuation row without its 领域 and unit cells is right-aligned
    short of the name column, and its first words cell is its name."""
    header = "领域 | 指标名称 | 单位 | 2020年 | 2025年 | 属性\n"
    body = "".join(" | ".join(c for c in row if c) + "\n" for row in ONE_LAOYIXIAO_ROWS)
    targets = _targets(header + body)
    assert [ROW_FIELDS(t) for t in targets] == ONE_LAOYIXIAO_TARGETS


def test_tables_a_wrapped_name_after_a_group_label_is_no_second_label() -> None:
    """序号 | 领域 | 指标名称 …, one cell a line: the first row of a group prints its label,
    then a name wrapped over two lines; the label is the group, the two lines the name."""
    rows = [list(r) for r in ONE_LAOYIXIAO_ROWS]
    rows[2][1] = "每千人口拥有3岁以下\n婴幼儿托位数"
    header = "序号\n领域\n指标名称\n单位\n2020年\n2025年\n属性\n"
    body = "".join(f"{n}\n" + "".join(f"{c}\n" for c in row if c) for n, row in enumerate(rows, 1))
    targets = _targets(header + body)
    assert [ROW_FIELDS(t) for t in targets] == ONE_LAOYIXIAO_TARGETS


def test_tables_a_wrapped_name_after_a_group_label_without_serials() -> None:
    """领域 | 指标名称 … without 序号, one cell a line: a label opens the row, then a name a
    narrow column wrapped over two lines; the first line of the name is no second label."""
    rows = [list(r) for r in ONE_LAOYIXIAO_ROWS]
    rows[2][1] = "每千人口拥有3岁以下\n婴幼儿托位数"
    header = "领域\n指标名称\n单位\n2020年\n2025年\n属性\n"
    body = "".join("".join(f"{c}\n" for c in row if c) for row in rows)
    targets = _targets(header + body)
    assert [ROW_FIELDS(t) for t in targets] == ONE_LAOYIXIAO_TARGETS


def test_tables_tab_separated_row_keeps_an_empty_year_cell() -> None:
    """Tabs between cells, a milestone year column (2022年) left blank in one row: the two
    tabs enclose an empty cell, so 16.9 stays the 2020 baseline and ≤12 the 2025 goal, and
    no 2022 goal is made of them."""
    text = (
        "序号\t指标名称\t单位\t2020年\t2022年\t2025年\t属性\n"
        "1\t孕产妇死亡率\t1/10万\t16.9\t\t≤12\t预期性\n"
        "2\t婴儿死亡率\t‰\t5.4\t≤5.2\t≤5\t预期性\n"
    )
    targets = _targets(text)
    assert [(t.indicator, t.year, t.value, t.baseline_value) for t in targets] == [
        ("孕产妇死亡率", 2025, Decimal(12), Decimal("16.9")),
        ("婴儿死亡率", 2022, Decimal("5.2"), Decimal("5.4")),
        ("婴儿死亡率", 2025, Decimal(5), Decimal("5.4")),
    ]


def test_tables_markdown_header_with_a_merged_cell_copied_over_its_span() -> None:
    """A Word table converted to Markdown copies 指标值 into both columns it spans and
    puts the years in the first body row, under the rule."""
    text = (
        "| 序号 | 指标名称 | 单位 | 指标值 | 指标值 | 属性 |\n"
        "| --- | --- | --- | --- | --- | --- |\n"
        "| | | | 2020年 | 2025年 | |\n"
        "| 1 | 养老机构护理型床位占比 | % | 44 | ≥55 | 约束性 |\n"
    )
    (target,) = _targets(text)
    assert (target.value, target.baseline_value, target.baseline_year) == (
        Decimal(55),
        Decimal(44),
        2020,
    )


LAYOUT_HEADERS = {
    "serial-group": ("序号", "领域"),
    "group-serial": ("领域", "序号"),
    "group": ("领域",),
    "none": (),
}


def _laid_out(lead: str, layout: str, keep_empty: bool, blank_lines: bool) -> str:
    """The constructed 一老一小 table in one of the layouts copies give it."""
    header = [*LAYOUT_HEADERS[lead], "指标名称", "单位", "2020年", "2025年", "属性"]
    rows = [header]
    for n, (group, *rest) in enumerate(ONE_LAOYIXIAO_ROWS, 1):
        lead_cells = {"serial-group": [str(n), group], "group-serial": [group, str(n)]}
        rows.append([*lead_cells.get(lead, [group] if lead == "group" else []), *rest])
    if layout in ("pipe", "tab"):
        separator = " | " if layout == "pipe" else "\t"
        kept = [row if keep_empty else [c for c in row if c] for row in rows]
        return "".join(separator.join(row) + "\n" for row in kept)
    cells = [c for row in rows for c in row if c or keep_empty]
    ending = " |" if layout == "cell|" else ""
    lines = [f"{c}{ending}" if c else ending.strip() for c in cells]
    return ("\n\n" if blank_lines else "\n").join(lines) + "\n"


@pytest.mark.parametrize(
    ("layout", "blank_lines"),
    [(layout, blank) for layout in ("cell", "cell|") for blank in (False, True)]
    + [("pipe", False), ("tab", False)],  # blank lines part cells laid out one a line only
)
@pytest.mark.parametrize("keep_empty", [False, True])
@pytest.mark.parametrize("lead", list(LAYOUT_HEADERS))
def test_tables_one_table_in_every_layout_copies_give(
    lead: str, layout: str, keep_empty: bool, blank_lines: bool
) -> None:
    """序号 and 领域 in either order, or 领域 alone, or neither; one cell a line (with or
    without a closing `|`, blank lines between or not) or one row a line (`|` or tabs);
    empty cells kept or dropped: the same four targets, none lost, none misplaced."""
    targets = _targets(_laid_out(lead, layout, keep_empty, blank_lines))
    assert [ROW_FIELDS(t)[1:] for t in targets] == [t[1:] for t in ONE_LAOYIXIAO_TARGETS]
    assert [t.baseline_value for t in targets] == [Decimal(44), Decimal(32), Decimal("1.5"), None]


@pytest.mark.parametrize("caption", ["表1 “十四五”时期养老服务主要指标", "2021—2025年主要指标"])
def test_tables_a_goal_column_without_a_year_takes_the_year_of_the_caption(caption: str) -> None:
    """现状值 | 目标值 name no year; the caption says which: “十四五” ends 2025, and of
    2021—2025年 the latest year."""
    text = (
        caption
        + "\n| 序号 | 指标名称 | 单位 | 现状值 | 目标值 | 属性 |\n| 1 | 养老机构护理型床位占比 | % | 44 | ≥55 | 约束性 |\n"
    )
    (target,) = _targets(text)
    assert (target.year, target.value, target.baseline_value) == (2025, Decimal(55), Decimal(44))


def test_tables_a_caption_that_reviews_the_last_period_dates_no_goal() -> None:
    """A 十四五 plan's table of what the 十三五 achieved (规划目标 | 完成值) under a caption
    ending 完成情况 states no goal of this plan."""
    text = (
        "表1 “十三五”时期养老服务主要指标完成情况\n"
        "| 序号 | 指标名称 | 单位 | 规划目标 | 完成值 | 属性 |\n"
        "| 1 | 养老机构护理型床位占比 | % | 30 | 35 | 约束性 |\n"
    )
    assert _targets(text) == []


# --- 专栏2 of the 中医药事业发展“十二五”规划 (tune text guojia-zhongyiyao-shierwu-guihua) --

ZHONGYIYAO_CELLS = (
    "专栏2 “十二五”时期中医药发展主要指标简表 |\n||||\n"
    "具体指标 |\n{base} |\n{goal} |\n年均增长(%) |\n属性 |\n"
    "中医医院(所) |\n3232 |\n3397 |\n1 |\n预期性 |\n"
    "中医医院诊疗人次数(亿人次) |\n3.6 |\n5.5 |\n9 |\n预期性 |\n"
)
"""The repost's web table one cell a line, every cell closed by ` |`: the caption is the
cell of a row merged over the table, its empty cells the line `||||`."""


def test_tables_a_caption_printed_as_a_cell_over_a_line_of_bars() -> None:
    """The caption is the cell's text above the line of bars, not the bars: it names the
    period (“十二五” ends 2015) a goal column without a year is for."""
    text = ZHONGYIYAO_CELLS.format(base="2010年", goal="2015年")
    (table,) = find_tables(normalize_text(text).text)
    assert table.caption == "专栏2 “十二五”时期中医药发展主要指标简表"
    yearless = ZHONGYIYAO_CELLS.format(base="现状值", goal="目标值")
    assert [(t.indicator, t.year, t.value) for t in _targets(yearless)] == [
        ("中医医院", 2015, Decimal(3397)),
        ("中医医院诊疗人次数", 2015, Decimal("5.5")),
    ]


def test_tables_a_count_in_hundred_millions_in_the_name_is_the_unit() -> None:
    """(亿人次) in the name is the unit the figures are given in (5.5 亿人次), as running text
    writes 总诊疗人次达83.1亿人次 (data/cues.csv, unit)."""
    targets = _targets(ZHONGYIYAO_CELLS.format(base="2010年", goal="2015年"))
    assert [(t.indicator, t.unit, t.baseline_value) for t in targets] == [
        ("中医医院", "所", Decimal(3232)),
        ("中医医院诊疗人次数", "亿人次", Decimal("3.6")),
    ]


# --- sub-items under a name merged over their rows ---------------------------------------
# Rows of 专栏1 of the 十二五 纲要 (“十二五”时期经济社会发展主要指标): 主要污染物排放总量减少（%）
# is one cell merged over the rows of its four pollutants, their names in a second column.

SUB_ITEM_ROWS = [
    ["类别", "指标", "2010年", "2015年", "年均增长（%）", "属性"],
    ["资源环境", "单位国内生产总值二氧化碳排放降低（%）", "", "", "[17]", "约束性"],
    ["", "主要污染物排放总量减少（%）", "化学需氧量", "", "", "[8]", "约束性"],
    ["", "二氧化硫", "", "", "[8]", "约束性"],
    ["", "氨氮", "", "", "[10]", "约束性"],
    ["", "氮氧化物", "", "", "[10]", "约束性"],
    ["森林增长", "森林覆盖率（%）", "20.36", "21.66", "[1.3]", "约束性"],
]
SUB_ITEM_TARGETS = [
    ("资源环境", "单位国内生产总值二氧化碳排放降低", Decimal(17), "%", None),
    ("主要污染物排放总量减少", "化学需氧量", Decimal(8), "%", None),
    ("主要污染物排放总量减少", "二氧化硫", Decimal(8), "%", None),
    ("主要污染物排放总量减少", "氨氮", Decimal(10), "%", None),
    ("主要污染物排放总量减少", "氮氧化物", Decimal(10), "%", None),
    ("森林增长", "森林覆盖率", Decimal("21.66"), "%", Decimal("20.36")),
]


def _sub_item_layout(layout: str) -> str:
    """The rows one a line (`|`, the 类别 cell kept empty or left out with the parent's) or
    one cell a line (` |` after each, empty cells kept), with or without the 类别 column."""
    if layout.startswith("cell"):
        rows = SUB_ITEM_ROWS if layout == "cell-grouped" else [row[1:] for row in SUB_ITEM_ROWS]
        return "\n".join(f"{cell} |" for row in rows for cell in row) + "\n"
    rows = (
        SUB_ITEM_ROWS if layout == "row" else [SUB_ITEM_ROWS[0], *map(_dropped, SUB_ITEM_ROWS[1:])]
    )
    return "\n".join(" | ".join(row) for row in rows) + "\n"


def _dropped(row: list[str]) -> list[str]:
    """A copy that leaves out the empty cells of merged 类别 cells at the start of a row."""
    return row[1:] if not row[0] else row


@pytest.mark.parametrize("layout", ["row", "row-dropped", "cell", "cell-grouped"])
def test_tables_sub_items_under_a_name_merged_over_their_rows(layout: str) -> None:
    """Each pollutant is a target of its own, its group the parent it is a part of (named
    as a decrease, so the [ ] change column holds the goals), its unit the parent's; the
    next row with a name and unit of its own is no sub-item."""
    targets = _targets(_sub_item_layout(layout))
    rows = [(t.domain, t.indicator, t.value, t.unit, t.baseline_value) for t in targets]
    expected = SUB_ITEM_TARGETS
    if layout == "cell":  # no 类别 column: the rows have no group but the parent's
        expected = [(None if not t[0].startswith("主要") else t[0], *t[1:]) for t in expected]
    assert rows == expected


def test_tables_a_worded_goal_after_a_name_with_its_unit_is_no_sub_item() -> None:
    """应保尽保 after 孤儿…保障率（%）, one cell a line with the empty 2020 cell dropped, is the
    row's goal: the next row names an indicator with a unit of its own."""
    text = (
        "指标 |\n2020年 |\n2025年 |\n属性 |\n"
        "孤儿和事实无人抚养儿童保障率（%） |\n应保尽保 |\n约束性 |\n"
        "养老机构护理型床位占比（%） |\n48 |\n55 |\n约束性 |\n"
    )
    assert [(t.indicator, t.value, t.qualitative) for t in _targets(text)] == [
        ("孤儿和事实无人抚养儿童保障率", None, "应保尽保"),
        ("养老机构护理型床位占比", Decimal(55), None),
    ]


# --- goals worded as changes in a cell (issue 12's 减少10%) ------------------------------


@pytest.mark.parametrize(
    ("cell", "value", "unit", "change"),
    [
        ("减少10%", "10", "%", "减少"),
        ("累计下降8%", "8", "%", "下降"),
        ("比2010年增长20%", "20", "%", "增长"),
        ("增长6%左右", "6", "%", "增长"),
        ("提高3个百分点", "3", "个百分点", "提高"),
        ("下降到5%", "5", "%", None),
    ],
)
def test_a_cell_worded_as_a_change_states_its_figure(
    cell: str, value: str, unit: str, change: str | None
) -> None:
    """下降16%, 减少8%: the figure is the change, the word says which; 下降到5% is a level."""
    from policygraph.extract.cells import parse_cell

    quantity = parse_cell(cell)
    assert (quantity.value, quantity.unit, quantity.change) == (Decimal(value), unit, change)


WORDED_CHANGE_ROWS = (
    "专栏1 “十二五”主要指标\n"
    "序号 | 指标 | 2010年 | 2015年 | 2015年比2010年增减 | 属性\n"
    "1 | 单位国内生产总值二氧化碳排放降低（%） | | | 下降17% | 约束性\n"
    "2 | 化学需氧量排放总量（万吨） | 2551.7 | | 减少8% | 约束性\n"
    "3 | 森林覆盖率（%） | 20.36 | 21.66 | 增加1.3个百分点 | 约束性\n"
    "4 | 单位国内生产总值能源消耗（吨标准煤/万元） | | 下降16% | | 约束性\n"
)
"""A 十二五 table whose change column, and one goal, are worded as changes (the 纲要's
national figures: CO2 intensity 17%, COD 8%, forest cover 21.66%, energy intensity 16%)."""


def test_tables_a_change_worded_in_its_cell_is_the_goal_where_no_level_is() -> None:
    """A row that states no 2015 level states its goal as the change its cell words, in the
    cell's unit and under the cell's word where the name is no change (化学需氧量排放总量
    减少 8%, not 8 万吨 of 化学需氧量排放总量, and no 2010 level as its baseline); a row that
    states its level keeps it (森林覆盖率 21.66); a goal column worded so is a change too."""
    rows = {(t.indicator, t.value, t.unit, t.baseline_value) for t in _targets(WORDED_CHANGE_ROWS)}
    assert rows == {
        ("单位国内生产总值二氧化碳排放降低", Decimal(17), "%", None),
        ("化学需氧量排放总量减少", Decimal(8), "%", None),
        ("森林覆盖率", Decimal("21.66"), "%", Decimal("20.36")),
        ("单位国内生产总值能源消耗下降", Decimal(16), "%", None),
    }


# --- a city's “十四五”教育事业发展主要指标表 (a pages-corpus copy, one cell a line) ----------

EDUCATION_CELLS = (
    "\n\n".join(
        [
            "“十四五”教育事业发展主要指标表",
            "指  标",
            "2020年",
            "2025年",
            "属性",
            "一、发展水平",
            "     ",
            "1.学前教育毛入园率(%)",
            "99%",
            "99%以上",
            "约束性",
            "4.劳动年龄人口平均受教育年限(年)",
            "11.4年",
            "12.3年以上",
            "约束性",
            "二、优质资源建设",
            "     ",
            "1.省市优质幼儿园比例(%)",
            "85.1%",
            "90%以上",
            "预期性",
        ]
    )
    + "\n"
)
"""The copy's blank lines between cells and its blank group cells kept; the header's
指标 justified across its cell (指　　标)."""


def test_tables_a_letter_spaced_header_word_opens_the_table() -> None:
    """指  标 is the header word 指标, one cell a line or in a row (序  号 | 指  标 | 属  性:
    two spaces also part columns, so the characters are joined again in pairs)."""
    (table,) = find_tables(normalize_text(EDUCATION_CELLS).text)
    assert [c.text for c in table.header] == ["指标", "2020年", "2025年", "属性"]
    row = "| 序  号 | 指  标 | 2025 年 | 属  性 |\n| 1 | 学前教育毛入园率(%) | 99%以上 | 约束性 |\n"
    (table,) = find_tables(normalize_text(row).text)
    assert [c.text for c in table.header] == ["序号", "指标", "2025 年", "属性"]


def test_tables_rows_numbered_in_their_names_under_numbered_group_rows() -> None:
    """一、发展水平 is a group row (a row numbered 1. follows it, its serial fused with the
    name), not the end of the table; the serial is no part of the name; 12.3年以上 is at
    least 12.3, in the name's years."""
    rows = [
        (t.domain, t.indicator, t.comparator, t.value, t.unit, t.baseline_value)
        for t in _targets(EDUCATION_CELLS)
    ]
    assert rows == [
        ("发展水平", "学前教育毛入园率", ">=", Decimal(99), "%", Decimal(99)),
        ("发展水平", "劳动年龄人口平均受教育年限", ">=", Decimal("12.3"), "年", Decimal("11.4")),
        ("优质资源建设", "省市优质幼儿园比例", ">=", Decimal(90), "%", Decimal("85.1")),
    ]


def test_tables_a_header_cells_unit_broken_onto_a_line_of_its_own() -> None:
    """年均增长（%） broken after 年均增长 by a narrow column: one cell a line the bracket
    joins the header cell above; one row a line, a second header line of units only is no
    group row naming the rows under it."""
    cells = ZHONGYIYAO_CELLS.format(base="2010年", goal="2015年").replace(
        "年均增长(%) |\n", "年均增长 |\n(%) |\n"
    )
    (table,) = find_tables(normalize_text(cells).text)
    assert [c.text for c in table.header] == [
        "具体指标",
        "2010年",
        "2015年",
        "年均增长（%）",
        "属性",
    ]
    header = ["具体指标", "2010年", "2015年", "年均增长", "属性"]
    body = [
        ["中医医院(所)", "3232", "3397", "1", "预期性"],
        ["中医医院床位数(万张)", "47.1", "69.2", "8", "预期性"],
    ]
    rows = [header, ["", "", "", "(%)", ""], *body]
    targets = _targets("\n".join(" | ".join(row) for row in rows) + "\n")
    assert {t.domain for t in targets} == {None}
    assert [(t.indicator, str(t.value)) for t in targets] == [
        ("中医医院", "3397"),
        ("中医医院床位数", "69.2"),
    ]
