"""Running-text goals of plans of other domains (issue 12, classes 6 and 7): the shapes
the long plans of energy, environment and health write their goals and their reviews in,
each shown by sentences of two real texts (tune) and read through the extractor."""

from __future__ import annotations

from decimal import Decimal

import pytest

from policygraph.extract.statements import text_targets
from policygraph.normalize import normalize_text

Found = tuple[str, int | None, str | None, Decimal | None, str | None]


def _inline(text: str) -> list[Found]:
    normalized = normalize_text(text)
    return [
        (t.indicator, t.year, t.comparator, t.value, t.unit)
        for t in text_targets(normalized.text, 0, normalized.quote)
    ]


def _quotes(text: str) -> list[str]:
    normalized = normalize_text(text)
    return [t.quote.text for t in text_targets(normalized.text, 0, normalized.quote)]


ANHUI = (  # tests/devset/tune/texts/anhui-daqi-wuran-fangzhi-shishifangan-wiki-fanti.txt
    "到2017年,全省空氣品質總體改善,重污染天氣較大幅度減少,優良天數逐年提高,可吸入顆粒物PM10)"
    "平均濃度比2012年下降10%以上(各市大氣污染防治目標任務詳見附屬檔案)。"
)
SHANDONG = (  # tests/devset/tune/texts/shandong-shierwu-jieneng-jianpai-shishifangan-xinwen-fanti.txt
    "山東省規劃到2015年,全省開通不停車收費(ETC)車道400條,營運車輛單位運輸週轉量能耗比2005年"
    "下降10%;農村太陽能熱水器普及率達到35%以上;公共機構單位建築面積能耗比2010年降低12%。"
)
SHANDONG_LEVEL = (  # the same news item: a level, restated as changes from two bases
    "山東省此前提出,到2015年全省萬元地區生産總值能耗下降到0.85噸標準煤(按2005年價格計算),"
    "比2010年的1.02噸標準煤降低17%,比2005年的1.32噸標準煤降低35.3%;"
)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param(
            ANHUI,
            [("可吸入颗粒物PM10）平均浓度下降", 2017, ">=", Decimal(10), "%")],
            id="change-goal-anhui",
        ),
        pytest.param(
            SHANDONG,
            [
                ("营运车辆单位运输周转量能耗下降", 2015, "=", Decimal(10), "%"),
                ("农村太阳能热水器普及率", 2015, ">=", Decimal(35), "%"),
                ("公共机构单位建筑面积能耗降低", 2015, "=", Decimal(12), "%"),
            ],
            id="change-goals-shandong",
        ),
    ],
)
def test_a_change_with_its_own_subject_under_a_deadline_is_a_goal(
    text: str, expected: list[Found]
) -> None:
    found = _inline(text)
    assert [f for f in found if f[4] == "%"] == expected


def test_a_change_goal_quotes_its_name_and_base_year() -> None:
    assert "可吸入顆粒物PM10)平均濃度比2012年下降10%以上" in _quotes(ANHUI)


def test_the_base_of_a_change_restating_a_level_is_no_target() -> None:
    """比2010年的1.02吨标准煤降低17%: the base figure and the change restate the level."""
    assert _inline(SHANDONG_LEVEL) == [
        ("万元地区生产总值能耗", 2015, "=", Decimal("0.85"), "吨标准煤")
    ]


@pytest.mark.parametrize(
    "text",
    [
        # tests/devset/tune/texts/guojia-minzheng-tongji-gongbao-2024-yanglao-xinwen.txt
        "其中:注册登记的养老机构4.0万个,比上年下降1.2%,床位507.7万张;",
        # tests/devset/tune/texts/guojia-weisheng-jiankang-tongji-gongbao-2018-xinwen-fanti.txt
        "2018年,全國醫(yī)療衛(wèi)生機構(gòu)總診療人次達83.1億人次,比上年增加1.3億人次,增長了1.6%。",
    ],
)
def test_a_change_on_the_year_before_is_a_statistic(text: str) -> None:
    assert not [f for f in _inline(text) if f[0].endswith(("下降", "增加", "增长"))]
