"""extract/progress.py: the progress columns of 民生实事 tables laid out one cell a line
report what was done; their figures are no targets (issue 12, class 6)."""

from __future__ import annotations

from decimal import Decimal

from policygraph.extract import find_targets
from policygraph.extract.progress import progress_cells
from policygraph.lexicon_data import load_lexicon
from policygraph.normalize import normalize_text
from policygraph.structure import outline_text

# a district's 民生实事 progress row (tune, traditional in the source): blank lines between
JINZHAN = (
    "项目\n\n名称\n\n内容\n\n牵头单位\n\n进展情况\n\n(7月)\n\n进展情况\n\n(12月)\n\n养老服务项目\n\n"
    "新增15家示范型居家养老服务照料中心,实施生活困难老年人家庭适老化改造260户。\n\n区民政局\n\n"
    "已完成8家示范型居家养老服务照料中心,267户适老化改造。\n\n"
    "新增示范型居家养老服务照料中心25家。\n\n完成生活困难老年人家庭适老化改造367户。\n"
)


def _targets(text: str) -> list[tuple[str, Decimal | None]]:
    normalized = normalize_text(text)
    outline = outline_text(normalized.text)
    found = find_targets(normalized.text, outline, [], load_lexicon(), normalized.quote)
    return [(t.indicator, t.value) for t in found]


def test_progress_cells_follow_the_task_and_unit_cells_of_their_row() -> None:
    text = normalize_text(JINZHAN).text
    cells = [text[s:e] for s, e in progress_cells(text)]
    assert cells == [
        "已完成8家示范型居家养老服务照料中心，267户适老化改造。",
        "新增示范型居家养老服务照料中心25家。",
        "完成生活困难老年人家庭适老化改造367户。",
    ]


def test_progress_figures_are_no_targets_the_task_cell_s_are() -> None:
    assert [v for _name, v in _targets(JINZHAN)] == [Decimal(15), Decimal(260)]


def test_progress_none_without_a_progress_header() -> None:
    text = normalize_text(JINZHAN.replace("进展情况", "备注")).text
    assert progress_cells(text) == []


def test_progress_a_heading_outside_a_task_table_masks_nothing() -> None:
    """A report's heading 进展情况 is no column: the figures after it stay readable."""
    text = normalize_text(
        "进展情况\n到2025年，全市养老机构护理型床位占比达到55%以上，新增普惠托位1000个。\n"
    ).text
    assert progress_cells(text) == []
