"""extract/progress.py: the progress columns of 民生实事 tables laid out one cell a line
report what was done; their figures are no targets (issue 12, class 6)."""

from __future__ import annotations

from decimal import Decimal

from policygraph.extract import find_targets
from policygraph.extract.progress import progress_cells, reported_counts
from policygraph.extract.statements import text_targets
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


# 海安市民政局 2023年民生实事项目实施进度表 (tune): one cell a line, each ending in " |",
# the progress column headed by a dated 最新进度 (the task and progress cells shortened)
HAIAN = (
    "序号 |\n责任单位 |\n实施内容 |\n协同单位 |\n分管 领导 |\n最新进度(8月24日) |\n是否 达序时 |\n"
    "未达序时原因 及存在问题 |\n15 |\n民政局 |\n"
    "新增民营养老机构不少于2家、养老床位不少于300张,主城区增设4-5家居家养老服务场所。 |\n"
    "财政局 住建局 行政审批局 城管局 瑞海集团 各区镇街道 |\n"
    "新增养老机构:新增海安博爱医院、海安新生医院2家医养结合机构,新增床位近100张。 |\n是 |\n"
)


def test_progress_a_dated_progress_header_heads_a_progress_column() -> None:
    """最新进度（8月24日） heads progress as 进展情况 does: its figures are no targets."""
    assert [v for _name, v in _targets(HAIAN)] == [Decimal(2), Decimal(300), Decimal(4)]


def test_progress_header_words_qualified_by_the_report() -> None:
    """本月进展情况 (a district's 2024 人大票决 民生实事 progress table) names a progress
    column too; a plan's 进度安排 (a schedule) does not."""
    text = normalize_text(JINZHAN.replace("进展情况", "本月进展情况", 1)).text
    assert len(progress_cells(text)) == 3
    text = normalize_text(JINZHAN.replace("进展情况", "进度安排")).text
    assert progress_cells(text) == []


def _inline(
    text: str, issued: int | None = None
) -> list[tuple[str, int | None, Decimal | None, str | None]]:
    normalized = normalize_text(text)
    found = text_targets(normalized.text, 0, normalized.quote, issued=issued)
    return [(t.indicator, t.year, t.value, t.unit) for t in found]


# 苍南 2023 省民生实事实施计划 (tune): the size of the programme, then its progress
CANGNAN = (
    "2023年我县共承办省政府民生实事指标46项、市政府民生实事指标54项以及县政府民生实事指标53项。"
    "截至4月10日，有8项已提前完成。但省民生实事有25个项目实施进度低于全市平均水平，"
    "其中县教育局3项，县市监局3项，县民政局2项，县公安局1项。"
)


def test_progress_report_counts_of_a_programme_s_items_are_no_targets() -> None:
    assert _targets(CANGNAN) == []


def test_progress_report_counts_of_items_done_and_their_breakdown() -> None:
    """恩平 2024 督查通报 (tune): the programme's size, items on schedule and done, then a
    其中 sentence."""
    text = (
        "2024年十件民生实事共分为28项工作，截至11月底，按进度推进7项，已完成21项。"
        "其中，县教育局2项，县民政局1项。"
    )
    assert _targets(text) == []


def test_progress_the_items_a_body_undertakes_are_the_programme_s_size() -> None:
    """会昌 2023 民生实事进展通报 (tune): the year of the title dates the count."""
    text = (
        "关于2023年10月份民生实事项目进展情况的通报\n\n"
        "办好65件民生实事项目是县政府对全县人民的庄严承诺。现将10月份进展情况通报如下：\n\n"
        "截至10月31日，65件民生实事已完成26件，完成率40%。\n"
    )
    assert _targets(text) == []


def test_progress_counts_of_items_without_a_report_are_targets() -> None:
    """The same counts in a plan of 2022 (no 截至, no 进度/进展) set figures to reach."""
    found = _inline("2023年，完成8项适老化改造工程。", issued=2022)
    assert [(year, value, unit) for _name, year, value, unit in found] == [(2023, Decimal(8), "项")]


def test_progress_a_deadline_after_a_report_plans_again() -> None:
    text = "截至2022年底，全县已建成养老机构12家。到2025年，推进10项养老服务设施建设工程。"
    assert _targets(text) == [("养老服务设施建设工程", Decimal(10))]


def test_progress_a_report_counts_away_only_the_programme_s_items() -> None:
    """A goal in 个 a report restates is no count of items; 25个项目 is one, of unit 个."""
    clauses = [
        "现将10月份进展情况通报如下：",
        "已完成21项，",
        "新增普惠托位500个，",
        "有25个项目滞后。",
    ]
    assert reported_counts(clauses) == [
        frozenset(),
        frozenset({(Decimal(21), "项")}),
        frozenset(),
        frozenset({(Decimal(25), "个")}),
    ]


# 临安 2022 区政府民生实事项目进展情况表（截至9月底） (tune): one row a line, the serial and
# the unit cell row-spanned over a task's later rows
LINAN = (
    "2022年区政府民生实事项目进展情况表(截至9月底)\n"
    "序号 | 项目内容 | 进展情况 | 责任单位 |\n"
    "2 | 新建成婴幼儿照护服务成长驿站7家。 | 新建锦南街道、高虹镇等13家婴幼儿成长驿站。 | 卫生健康局 |\n"
    "新增婴幼儿照护服务托位500个。 | 新增婴幼儿照护服务托位600个。 | ||\n"
    "3 | 实施农村公路大中修100公里。 | 完成农村公路大中修50公里,剩余预计11月底前完成。 | 交通运输局 |\n"
)


def test_progress_column_of_a_table_one_row_a_line() -> None:
    text = normalize_text(LINAN).text
    cells = [text[s:e] for s, e in progress_cells(text)]
    assert cells == [
        "新建锦南街道、高虹镇等13家婴幼儿成长驿站。",
        "新增婴幼儿照护服务托位600个。",
        "完成农村公路大中修50公里，剩余预计11月底前完成。",
    ]


def test_progress_figures_of_a_row_are_no_targets_its_task_s_are() -> None:
    found = _targets(LINAN)
    assert [v for _name, v in found] == [Decimal(7), Decimal(500), Decimal(100)]


def test_progress_row_header_needs_a_unit_column() -> None:
    """A line naming 进展情况 beside other words, without a 责任单位 column, heads nothing."""
    text = normalize_text(LINAN.replace("责任单位", "备注")).text
    assert progress_cells(text) == []


# 宁波晚报 2019-01-12, 2018年10个民生实事项目全面落实 (tune): the year-end report of a programme
NINGBO_DONE = (
    "全年建成海曙区、江北区、鄞州区、镇海区、东钱湖旅游度假区生活垃圾中转站共6座并投入运行，"
    "新增生活垃圾转运能力3350吨/天，完成年度目标任务。"
)


def test_a_sentence_that_says_the_year_s_task_done_reports_its_figures() -> None:
    assert _inline(NINGBO_DONE, issued=2019) == []
    unsaid = NINGBO_DONE.replace("，完成年度目标任务", "")
    assert [value for *_rest, value, _unit in _inline(unsaid, issued=2019)] == [
        Decimal(6),
        Decimal(3350),
    ]


def test_the_year_s_task_promised_or_ahead_is_to_do() -> None:
    """A future modal before the words (将…高标准完成全年目标任务, 连云港 2025 民生实事 news)
    or a year not gone (2026 in a 2025 plan) makes the task one to do."""
    promised = "将新建区域性居家养老服务中心20个，高标准完成全年目标任务。"
    assert [v for _n, _y, v, _u in _inline(promised, issued=2019)] == [Decimal(20)]
    ahead = "2026年，新建区域性居家养老服务中心20个，完成年度目标任务。"
    assert _inline(ahead, issued=2025) == [("新建区域性居家养老服务中心", 2026, Decimal(20), "个")]


def test_a_programme_s_items_said_done_are_counted_not_set() -> None:
    """2018年10个民生实事项目全面落实 (the headline of the 宁波 report: no 截至 opens it); the
    same count a plan promises (确保) is a target."""
    assert _targets("2018年10个民生实事项目全面落实\n") == []
    promised = _targets("2024年，确保10个民生实事项目全面落实。\n")
    assert [value for _name, value in promised] == [Decimal(10)]
