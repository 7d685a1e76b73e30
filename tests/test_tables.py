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
