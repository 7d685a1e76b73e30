"""extract/clauses.py: the year that scopes each clause, and which clauses report."""

from __future__ import annotations

import pytest

from policygraph.extract.clauses import scoped_clauses


def _scopes(text: str, issued: int | None) -> list[tuple[str, int | None, bool]]:
    return [(c.text, c.year, c.reports) for c in scoped_clauses(text, None, issued)]


@pytest.mark.parametrize(
    ("text", "issued", "year", "reports"),
    [
        pytest.param(
            "2020年初步建成300个示范性职业教育集团。", 2019, 2020, False, id="later-bare-year"
        ),
        pytest.param(
            "2020年初步建成300个示范性职业教育集团。", None, None, True, id="bare-year-undated"
        ),
        pytest.param(
            "2020年初步建成300个示范性职业教育集团。", 2021, None, True, id="bare-year-gone"
        ),
        pytest.param(
            "2020年底，全区23所养老机构全部实施公建民营。", 2021, None, True, id="year-end-gone"
        ),
        pytest.param(
            "2020年底，全市已建成各类养老院和养老服务场所121所，总床位数12276张。",
            None,
            None,
            True,
            id="year-end-opening-undated",
        ),
        pytest.param(
            "2021年末，全国60周岁及以上老年人口26736万人，占总人口的18.9%。",
            None,
            None,
            True,
            id="year-end-opening-bulletin",
        ),
        pytest.param(
            "我国60岁及以上老年人口达到3.1亿",  # a clause of 民政部 2024: 截至2024年底，…
            None,
            None,
            True,
            id="population-count",
        ),
        pytest.param(
            "2020年底，全区23所养老机构全部实施公建民营。", 2019, 2020, False, id="year-end-ahead"
        ),
        pytest.param(
            "山西将在2025年年底前，基本完成全省7701个城镇老旧小区改造任务。",
            None,
            2025,
            False,
            id="year-end-written-nian-niandi",
        ),
        pytest.param(
            "全市每千人口托位数由2020年的1.2个提高到2025年的4.5个。",
            2022,
            2025,
            False,
            id="reached-in-a-later-year",
        ),
        pytest.param(
            "人均预期寿命由2017年的76.7岁提高到2018年的77.0岁。",
            2019,
            None,
            True,
            id="reached-in-a-year-gone",
        ),
    ],
)
def test_the_issue_year_decides_whether_a_year_is_ahead_or_gone(
    text: str, issued: int | None, year: int | None, reports: bool
) -> None:
    last = _scopes(text, issued)[-1]
    assert (last[1], last[2]) == (year, reports)


@pytest.mark.parametrize(
    "text",
    [
        pytest.param("在2020年的基础上，到2025年养老机构护理型床位占比达到55%。", id="base-year"),
        pytest.param(
            "《养老服务规划（2016—2020年）》提出，到2025年新增床位1000张。", id="cited-title"
        ),
    ],
)
def test_a_year_gone_that_scopes_nothing_reports_nothing(text: str) -> None:
    assert not any(reports for _text, _year, reports in _scopes(text, 2022))


@pytest.mark.parametrize(
    ("text", "reports"),
    [
        pytest.param("到2025年，常住人口城镇化率达到70%。", False, id="rate-of-residents"),
        pytest.param("到2025年，全市常住人口达到500万人。", True, id="count-of-residents"),
        pytest.param("全市户籍老年人口98.6万人，老龄化率达25.3%。", True, id="ageing-rate"),
        pytest.param("全市老龄化程度上升了2.31个百分点。", True, id="ageing-degree"),
        pytest.param(
            "当60岁及以上人口比重在20%-30%之间、或者65岁及以上人口比重在14%-20%之间，",
            True,
            id="share-of-an-age-group",
        ),
        pytest.param("到2025年，城镇人口比重达到60%。", False, id="share-of-town-dwellers"),
        pytest.param("全市老年人健康管理率达到70%。", False, id="a-rate-of-a-service"),
    ],
)
def test_a_rate_of_the_resident_population_is_a_goal(text: str, reports: bool) -> None:
    """Head counts and the ageing rate (老龄化率, 老龄化程度, the share of an age group:
    60岁及以上人口比重, 北京 老龄事业发展报告 2021 news) are statistics of the population,
    which no plan sets; a rate of the resident population (城镇化率, 城镇人口比重) or of a
    service is a goal."""
    assert _scopes(text, None)[-1][2] == reports


@pytest.mark.parametrize(
    ("text", "issued", "promised", "reports"),
    [
        pytest.param("“十三五”时期城镇新增就业5000万人以上。", 2016, (), False, id="own-period"),
        pytest.param("“十二五”时期城镇新增就业6431万人。", 2016, (), True, id="period-before"),
        pytest.param("“十三五”时期城镇新增就业6564万人。", 2021, (), True, id="reviewed-later"),
        pytest.param("“十三五”时期城镇新增就业6564万人。", 2020, (), True, id="in-its-last-year"),
        pytest.param("“十三五”期间新建养老床位1000张。", None, (2020,), False, id="undated-plan"),
        pytest.param("“十三五”期间新建养老床位1000张。", None, (), True, id="no-date-no-goal"),
    ],
)
def test_a_five_year_period_is_past_when_it_ended_before_the_document(
    text: str, issued: int | None, promised: tuple[int, ...], reports: bool
) -> None:
    """A plan of an earlier period writes its own period as today's plans write theirs:
    whether “十三五”时期… reports depends on when the document was written, or, undated,
    on the deadlines it sets."""
    clauses = scoped_clauses(text, issued=issued, promised=frozenset(promised))
    assert clauses[0].reports is reports


@pytest.mark.parametrize(
    ("text", "reports"),
    [
        pytest.param(
            "2022年，全市新建农村养老服务站99个。政府购买居家养老服务402万人次，"
            "建成老年食堂、老年助餐点860个。",
            True,
            id="a-year-gone-opens-the-paragraph",
        ),
        pytest.param(
            "近年来，全区托育服务取得积极进展。全区托育服务机构达109家，护理型床位占比达到45%。",
            True,
            id="a-review-opens-the-paragraph",
        ),
        pytest.param(
            "近年来，托育服务发展迅速。到“十四五”期末，每千人口托位数提高到4.5个。",
            False,
            id="a-deadline-reopens-it",
        ),
        pytest.param(
            "全区托育服务发展迅速。护理型床位占比达到45%。", False, id="no-report-opens-it"
        ),
        pytest.param(
            "截至2023年底，全市常住老年人口494.8万人，已经迈入中度老龄化社会。"
            "为此，全市布局建设100个街道区域养老服务中心。",
            False,
            id="to-this-end-responds",
        ),
    ],
)
def test_a_report_that_opens_a_paragraph_holds_for_its_later_sentences(
    text: str, reports: bool
) -> None:
    """A paragraph whose first sentence reports (2022年，…; 近年来，…) goes on reporting in the
    sentences after it, until a deadline reopens it."""
    assert scoped_clauses(text, issued=2023)[-1].reports is reports


@pytest.mark.parametrize(
    ("text", "issued", "year"),
    [
        pytest.param("“十五五”开局之年，计划增加15万个普惠托位。", None, 2026, id="opening-future"),
        pytest.param("“十四五”收官之年，将新增托位5000个。", None, 2025, id="closing-future"),
        pytest.param("“十五五”开局之年，继续增加15万个普惠托位。", 2025, 2026, id="opening-ahead"),
        pytest.param("“十四五”开局之年，全市新增养老床位1000张。", 2022, None, id="opening-gone"),
        pytest.param(
            "“十四五”开局之年，全市新增养老床位1000张。", None, None, id="undated-no-modal"
        ),
    ],
)
def test_a_period_names_its_opening_and_closing_year(
    text: str, issued: int | None, year: int | None
) -> None:
    """“十五五”开局之年 is 2026 and “十四五”收官之年 2025: a deadline where a bare year would be
    one (the future is spoken of, or the year is later than the issue year)."""
    assert scoped_clauses(text, issued=issued)[-1].year == year


def test_a_period_year_the_text_promises_elsewhere_is_a_deadline() -> None:
    clauses = scoped_clauses(
        "“十五五”开局之年，继续增加15万个普惠托位。", promised=frozenset({2026})
    )
    assert clauses[-1].year == 2026


@pytest.mark.parametrize(
    "text",
    [
        pytest.param("五年来，全区新增托育机构45家，托位数达到3200个。", id="five-years-since"),
        pytest.param("多年来，全市养老床位增加到2.3万张。", id="many-years-since"),
        pytest.param(
            "过去五年，我市建成社区养老服务中心120个，覆盖率达到85%。", id="past-five-years"
        ),
    ],
)
def test_a_span_of_years_just_past_opens_a_report(text: str) -> None:
    """五年来, 多年来, 过去五年 open a review, as 近年来 does: no figure of the sentence is a
    target, though it uses the verbs of one (新增, 达到, 建成)."""
    assert all(c.reports for c in scoped_clauses(text))
