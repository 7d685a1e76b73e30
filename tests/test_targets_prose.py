"""Running-text goals of plans of other domains (issue 12, classes 6 and 7): the shapes
the long plans of energy, environment and health write their goals and their reviews in,
each shown by sentences of two real texts (tune) and read through the extractor."""

from __future__ import annotations

from decimal import Decimal

import pytest

from policygraph.extract.clauses import written_after
from policygraph.extract.enactment import states_enactment
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


SHENGTAI = (  # tests/devset/tune/texts/guojia-shisanwu-shengtai-huanjing-baohu-guihua-zhuanzai.txt
    "“十二五”以来,坚决向污染宣战,全力推进大气、水、土壤污染防治,持续加大生态环境保护力度,"
    "生态环境质量有所改善,完成了“十二五”规划确定的主要目标和任务。"
)
SHENGTAI_FIGURES = (  # the same text, two paragraphs further on
    "治污减排目标任务超额完成。到2015年,全国脱硫、脱硝机组容量占煤电总装机容量比例分别提高到"
    "99%、92%,完成煤电机组超低排放改造1.6亿千瓦。全国城市污水处理率提高到92%,城市建成区生活"
    "垃圾无害化处理率达到94.1%。7.2万个村庄实施环境综合整治,1.2亿多农村人口直接受益。"
)
JIENENG = (  # tests/devset/tune/texts/guofa-shierwu-jieneng-jianpai-gongzuo-fangan.txt
    "全国单位国内生产总值能耗降低19.1%,二氧化硫、化学需氧量排放总量分别下降14.29%和12.45%,"
    "基本实现了“十一五”规划纲要确定的约束性目标,扭转了“十五”后期单位国内生产总值能耗和主要污染物"
    "排放总量大幅上升的趋势,为保持经济平稳较快发展提供了有力支撑,为应对全球气候变化作出了重要贡献,"
    "也为实现“十二五”节能减排目标奠定了坚实基础。"
)


def test_a_fulfilled_five_year_plan_dates_the_text_after_it() -> None:
    """完成了/实现了 a period's plan goals: written after that period; 为实现…目标 (no 了)
    states a purpose, and dates nothing."""
    assert written_after(normalize_text(SHENGTAI).text) == 2016
    assert written_after(normalize_text(JIENENG).text) == 2011


def test_figures_of_a_year_gone_report_in_every_sentence_it_scopes() -> None:
    """Written after 2015, 到2015年…提高到99% reports; so do the sentences after it,
    which the year still scopes (全国城市污水处理率提高到92%)."""
    normalized = normalize_text(SHENGTAI_FIGURES)
    assert text_targets(normalized.text, 0, normalized.quote, issued=2016) == []


def test_a_sentence_that_says_a_plan_was_fulfilled_reports_its_figures() -> None:
    assert _inline(JIENENG) == []


def test_the_formula_of_a_notice_issuing_a_plan_is_a_policy_signal() -> None:
    """现将《…》印发给你们 enacts a plan: the cover notice of the 十二五 节能减排 方案 (tune),
    whose page prints no title, number or task, and 皖政〔2013〕89号 (tune)."""
    assert states_enactment("现将《“十二五”节能减排综合性工作方案》印发给你们,请结合本地区")
    assert states_enactment(
        normalize_text("現將《安徽省大氣污染防治行動計畫實施方案》印發給你們").text
    )


def _dated(text: str, **known: object) -> list[tuple[str, int | None, Decimal | None]]:
    normalized = normalize_text(text)
    found = text_targets(normalized.text, 0, normalized.quote, **known)  # type: ignore[arg-type]
    return [(t.indicator, t.year, t.value) for t in found]


@pytest.mark.parametrize(
    ("text", "known", "expected"),
    [
        pytest.param(  # tests/devset/tune/texts/shandong-shierwu-jieneng-jianpai-…-fanti.txt
            "山東省提出,“十二五”期間服務業增加值和戰略性新興産業增加值佔地區生産總值比重分別達到"
            "45%和10%,從嚴控制鋼鐵、水泥、焦炭和氮肥産能。",
            {"promised": frozenset({2015})},
            [
                ("服务业增加值占地区生产总值比重", 2015, Decimal(45)),
                ("战略性新兴产业增加值占地区生产总值比重", 2015, Decimal(10)),
            ],
            id="shandong-shierwu",
        ),
        pytest.param(  # tests/devset/tune/texts/guofa-shisanwu-cujin-jiuye-guihua-xinwen.txt
            "“十三五”时期城镇新增就业5000万人以上,全国城镇登记失业率控制在5%以内,高校毕业生、"
            "农民工等重点人群就业形势基本稳定。",
            {"promised": frozenset({2020})},
            [("城镇新增就业", 2020, Decimal(50000000)), ("城镇登记失业率", 2020, Decimal(5))],
            id="jiuye-shisanwu",
        ),
        pytest.param(  # tests/devset/tune/texts/xian-yanglao-shisiwu-guihua.txt: a period gone
            "“十三五”期间,全市建成各类养老服务设施2406个,其中养老机构168家,社区养老服务站805个。",
            {"issued": 2021},
            [],
            id="xian-period-gone",
        ),
    ],
)
def test_a_period_opening_its_clause_dates_it_until_it_ends(
    text: str, known: dict[str, object], expected: list[tuple[str, int | None, Decimal | None]]
) -> None:
    assert _dated(text, **known) == expected


WEISHENG = (  # tests/devset/tune/texts/guojia-shisanwu-weisheng-jiankang-fabuhui-2020-xinwen.txt
    "于学军介绍,从2015年到2019年底,我国居民人均预期寿命从76.3岁提高到77.3岁,也就是说4年提高"
    "了1岁。孕产妇死亡率、婴儿死亡率、5岁以下儿童死亡率分别从20.1/10万、8.1‰、10.7‰降至"
    "17.8/10万、5.6‰、7.8‰,主要健康指标总体上优于中高收入国家平均水平,个人卫生支出占卫生"
    "总费用的比重降至28.4%,健康中国建设取得良好开局。"
)
TUOYU = (  # tests/devset/tune/texts/guojia-tuoyu-tuijinhui-xinwen-fanti.txt
    "于學軍介紹,2020年至2023年,我國共安排中央預算內投資36億元,新建48個地市級以上托育綜合服務中心。"
)


def test_a_change_over_a_span_of_years_gone_is_a_result() -> None:
    """从2015年到2019年底 and 2020年至2023年 measure results over spans that have ended."""
    assert (_inline(WEISHENG), _inline(TUOYU)) == ([], [])


def test_charging_posts_are_counted_in_their_unit() -> None:
    """根 counts charging posts (data/cues.csv unit 根): 金华 婺城 2025 policy news (tune)."""
    found = _inline(
        "保障全社会电量供给35亿千瓦时左右,新增储能装机5万千瓦。新增公共充电设施260根以上。"
    )
    assert ("新增公共充电设施", None, ">=", Decimal(260), "根") in found


def test_a_concentration_is_read_with_its_unit() -> None:
    """微克/立方米 (data/cues.csv): 国发〔2013〕37号 大气污染防治行动计划, as 财新网 2013-09-12
    gives it; without the unit the value was no target."""
    found = _inline(
        "到2017年,全国地级及以上城市可吸入颗粒物浓度比2012年下降10%以上;京津冀、长三角、珠三角等"
        "区域细颗粒物浓度分别下降25%、20%、15%左右,其中北京市细颗粒物年均浓度控制在60微克/立方米左右。"
    )
    assert [f[3] for f in found if f[4] == "微克/立方米"] == [Decimal(60)]


def test_an_annual_mean_is_a_level_of_the_year_that_scopes_it() -> None:
    """年均 before a noun (年均因灾直接经济损失…比例, 年均浓度) names an annual mean: 诸城 应急保障
    行动计划 (tune) and 国发〔2013〕37号; 年均增长 is a yearly rate, with no year of its own."""
    zhucheng = _inline(  # tests/devset/tune/texts/zhucheng-yingji-baozhang-…-fanti.txt
        "到2022年,初步形成具有諸城特色的應急保障體系框架,應急保障能力和水平走在全國前列。全市突發"
        "事件死亡人數和直接經濟損失大幅下降,億元GDP生產安全事故死亡率控制在0.011以內,年均因災直接"
        "經濟損失占全市GDP比例控制在1%以內。"
    )
    assert ("年均因灾直接经济损失占全市GDP比例", 2022, "<=", Decimal(1), "%") in zhucheng
    beijing = _inline(  # 国发〔2013〕37号 as 财新网 2013-09-12 gives it
        "到2017年,全国地级及以上城市可吸入颗粒物浓度比2012年下降10%以上;京津冀、长三角、珠三角等"
        "区域细颗粒物浓度分别下降25%、20%、15%左右,其中北京市细颗粒物年均浓度控制在60微克/立方米左右。"
    )
    assert {f[1] for f in beijing} == {2017}
