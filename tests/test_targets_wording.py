"""statements.py: wordings of running-text targets beyond 指标达到X (real sentences)."""

from __future__ import annotations

from decimal import Decimal

import pytest

from policygraph.extract.qualitative import worded_targets
from policygraph.extract.statements import text_targets
from policygraph.extract.values import VALUE_PHRASE
from policygraph.extract.wording import value_first_names
from policygraph.nlp import plan_from_text
from policygraph.normalize import normalize_text


def _targets(text: str, issued: int | None = None) -> list[tuple[str, Decimal | None, str | None]]:
    normalized = normalize_text(text)
    found = text_targets(normalized.text, 0, normalized.quote, None, issued)
    return [(t.indicator, t.value, t.unit) for t in found]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param(
            "为全区23000名老年人提供居家上门服务。",
            [("老年人居家上门服务", Decimal(23000), "名")],
            id="for-n-people-provide",
        ),
        pytest.param(
            "对300户困难老人家庭进行居家适老化改造。",
            [("困难老人家庭居家适老化改造", Decimal(300), "户")],
            id="to-n-households-carry-out",
        ),
        pytest.param(
            "為3.1萬戶特殊困難老年人家庭實施適老化改造。",
            [("特殊困难老年人家庭适老化改造", Decimal(31000), "户")],
            id="traditional-with-multiplier",
        ),
        pytest.param(
            "到2022年，推动建设300个具有辐射引领作用的高水平专业化产教融合实训基地。",
            [("高水平专业化产教融合实训基地", Decimal(300), "个")],
            id="long-criterion-dropped",
        ),
        pytest.param(
            "到2025年，原则上至少建设一所符合当地经济社会发展和技术技能人才培养需要的中等职业学校。",
            [("中等职业学校", Decimal(1), "所")],
            id="spelt-count-after-at-least-build",
        ),
        pytest.param(
            "到2025年，至少建成1家具有示范效应的普惠托育服务机构。",
            [("具有示范效应的普惠托育服务机构", Decimal(1), "家")],
            id="short-kind-kept",
        ),
        pytest.param("据了解，该区共建成老年食堂50个，服务老年人10万人次。", [], id="narrative"),
        pytest.param(
            "据介绍，到2025年，全市将新增托位5000个。",
            [("新增托位", Decimal(5000), "个")],
            id="a-deadline-reopens-the-sentence",
        ),
        # tune: 国家卫健委 2024-12-26 托育民生实事 news (a second text for EXCEEDED after 余杭)
        pytest.param(
            "今年，全国千人口婴幼儿托位数达到4.73个，新增普惠性婴幼儿托位89万个，"
            "提前超额完成普惠托育民生实事任务。到2025年，每千人口托位数达到4.5个。",
            [("每千人口托位数", Decimal("4.5"), "个")],
            id="a-task-exceeded-reports-its-sentence",
        ),
        pytest.param(
            "全市养老机构床位数突破1.5万张，同比增长8.3%，护理型床位占比提升至52%。"
            "到2025年，护理型床位占比达到60%。",
            [("护理型床位占比", Decimal(60), "%")],
            id="a-year-on-year-change-reports-its-sentence",
        ),
        pytest.param(
            "力争到2015年，基本实现“9073”目标（即90%的老人在社会保障体系和服务体系支持下"
            "通过家庭照顾养老，7%左右的老年人由社区提供日间照料和托老服务，3%的老人可入住"
            "养老服务机构）。",
            [
                ("通过家庭照顾养老", Decimal(90), "%"),
                ("由社区提供日间照料和托老服务", Decimal(7), "%"),
                ("入住养老服务机构", Decimal(3), "%"),
            ],
            id="shares-of-the-old-named-by-what-they-do",
        ),
        pytest.param(
            "到2020年，形成“9073”养老格局，即90%的老年人口在家养老，"
            "7%的老年人口得到社区养老服务的支持。",
            [("在家养老", Decimal(90), "%"), ("得到社区养老服务的支持", Decimal(7), "%")],
            id="shares-after-an-explanation-opener",
        ),
        pytest.param(
            "到2023年底，新增民营养老机构不少于2家，主城区增设4-5家居家养老服务场所。",
            [("新增民营养老机构", Decimal(2), "家"), ("居家养老服务场所", Decimal(4), "家")],
            id="adding-verb-before-a-range",
        ),
        pytest.param(  # 民政部, 国新办 2026-09-23 发布会 (新华社)
            "民政部提出实施“五千工程”，到“十五五”末全国村和社区一级养老服务设施覆盖率要达到70%、"
            "养老机构护理型床位占比要达到73%。",
            [
                ("村和社区一级养老服务设施覆盖率", Decimal(70), "%"),
                ("养老机构护理型床位占比", Decimal(73), "%"),
            ],
            id="period-end-with-its-deadline-word-run-into-the-name",
        ),
        pytest.param(  # 西咸新区推进“一老一小”工作实施方案 (corpus/xixian.txt)
            "力争“十四五”末公办养老机构床位数达到本辖区老年人口的1%",
            [("公办养老机构床位数占本辖区老年人口比例", Decimal(1), "%")],
            id="period-end-run-into-the-name",
        ),
    ],
)
def test_running_text_gives_these_targets(
    text: str, expected: list[tuple[str, Decimal, str]]
) -> None:
    assert _targets(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        pytest.param("中心划分为8个功能区，可为老人提供多项服务。", id="copula-not-beneficiary"),
        pytest.param("为50%的老年人提供上门服务。", id="share-is-not-a-head-count"),
    ],
)
def test_no_service_target_without_a_counted_beneficiary(text: str) -> None:
    assert not any("服务" in name and unit != "%" for name, _v, unit in _targets(text))


def _plan_targets(text: str) -> list[tuple[str, int | None, Decimal | None]]:
    plan = plan_from_text("page.txt", normalize_text(text))
    return [(t.indicator, t.year, t.value) for t in plan.targets]


REVIEW_BODY = (
    "\n日期:2021-01-04\n\n    加快推进社区养老服务千百工程，建成街道养老服务中心3个，"
    "城市社区居家养老服务实现全覆盖，农村达到68.8%。\n"
)


@pytest.mark.parametrize(
    "title",
    [
        pytest.param("回眸“十三五”：求新求变求突破，养老服务体系取得新发展", id="review"),
        pytest.param("“十四五”时期民政事业发展交出暖心答卷", id="answer-sheet"),
    ],
)
def test_a_review_page_sets_no_targets_in_its_running_text(title: str) -> None:
    assert _plan_targets(f"{title}\n{REVIEW_BODY}") == []


def test_the_same_sentences_under_a_plan_title_are_targets() -> None:
    found = _plan_targets(f"某区养老服务体系建设实施方案\n{REVIEW_BODY}")
    assert ("农村", None, Decimal("68.8")) in found


@pytest.mark.parametrize(("issued", "kept"), [("2021-01-04", False), ("2019-12-30", True)])
def test_a_year_before_the_issue_year_reports(issued: str, kept: bool) -> None:
    text = (
        f"某区养老服务体系建设情况\n\n日期:{issued}\n\n"
        "    2020年底，全区23所街镇公办养老机构全部实施公建民营，规划建设集中照护机构2个。\n"
    )
    assert any(year == 2020 for _name, year, _value in _plan_targets(text)) == kept


RESTATED = "2025年我国人均预期寿命达78.3岁，养老机构护理型床位占比达55%。\n"


@pytest.mark.parametrize(
    ("lead", "kept"),
    [
        pytest.param("根据规划，2025年我国学前教育毛入园率将大于90%。\n", True, id="promised"),
        pytest.param("", False, id="bare-year-alone-reports"),
    ],
)
def test_an_undated_text_restating_a_deadline_year_states_targets(lead: str, kept: bool) -> None:
    text = f"《“十四五”公共服务规划》发布\n\n{lead}{RESTATED}"
    found = _plan_targets(text)
    assert (("养老机构护理型床位占比", 2025, Decimal(55)) in found) == kept


def _worded(text: str) -> list[tuple[str, int | None, str | None]]:
    normalized = normalize_text(text)
    found = text_targets(normalized.text, 0, normalized.quote)
    return [(t.indicator, t.year, t.qualitative) for t in found]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param(
            "到2025年，城乡“零就业家庭”动态清零。",
            [("城乡“零就业家庭”", 2025, "动态清零")],
            id="cleared",
        ),
        pytest.param("城乡“零就业家庭”动态清零。", [], id="no-year-no-target"),
    ],
)
def test_a_state_promised_by_a_year_is_a_qualitative_target(
    text: str, expected: list[tuple[str, int, str]]
) -> None:
    assert _worded(text) == expected


def test_a_state_cleared_is_promised_in_a_second_text() -> None:
    """浙江省第十五次党代会报告 (2022-06, as copied on 绍兴市第一中学's 每周一学 page), after
    钟楼's 民生实事: 确保零就业家庭动态清零; the report's five years, which its sentence
    does not write, are given as the scoping year."""
    clause = "确保零就业家庭动态清零，"
    found = worded_targets(clause, 0, 2027, normalize_text(clause).quote)
    assert [(t.indicator, t.year, t.qualitative) for t in found] == [
        ("零就业家庭", 2027, "动态清零")
    ]


def test_a_headline_target_yields_to_the_body_wording() -> None:
    text = (
        "武汉计划到2025年每个街道至少建成一所普惠性托育机构\n\n日期:2022-12-28\n\n"
        "    方案提出，到2025年，每个街道（乡、镇）至少建成1所普惠性托育服务机构。\n"
    )
    assert _plan_targets(text) == [("每个街道（乡、镇）普惠性托育服务机构", 2025, Decimal(1))]


@pytest.mark.parametrize(
    ("text", "names"),
    [
        pytest.param(
            "到2025年，城市社区、农村社区养老服务设施覆盖率分别达到100%、60%。",
            ["城市社区养老服务设施覆盖率", "农村社区养老服务设施覆盖率"],
            id="short-heads-share-the-tail",
        ),
        pytest.param(
            "到2025年，普惠性托位和公办托位占比分别不低于60%和20%。",
            ["普惠性托位占比", "公办托位占比"],
            id="first-item-ends-in-a-word-of-the-last",
        ),
        pytest.param(
            "到2025年，县级失能照护机构和乡镇区域养老服务中心分别达到10家和50家。",
            ["失能照护机构", "乡镇区域养老服务中心"],
            id="whole-names-share-nothing",
        ),
    ],
)
def test_respective_values_go_to_the_listed_names(text: str, names: list[str]) -> None:
    assert [name for name, _value, _unit in _targets(text)] == names


@pytest.mark.parametrize(("number", "kept"), [("国发〔2019〕4号\n", True), ("", False)])
def test_an_undated_document_is_dated_by_its_own_number(number: str, kept: bool) -> None:
    text = (
        f"国务院关于印发国家职业教育改革实施方案的通知\n{number}"
        "各省、自治区、直辖市人民政府：\n"
        "现将《国家职业教育改革实施方案》印发给你们，请认真贯彻执行。\n"
        "一、完善国家职业教育制度体系\n"
        "    深化改革。2020年初步建成300个示范性职业教育集团（联盟），带动中小企业参与。\n"
    )
    found = ("示范性职业教育集团（联盟）", 2020, Decimal(300)) in _plan_targets(text)
    assert found == kept


def test_a_copy_posted_years_later_is_dated_by_its_number_not_the_posting() -> None:
    """A site that reposts a 2019 方案 in 2023 prints its own 发布日期; the number says when
    the document was issued, so its 2020 goals stay goals."""
    text = (
        "国务院关于印发国家职业教育改革实施方案的通知\n"
        "发文字号：国发〔2019〕4号\n"
        "发布日期：2023年05月01日\n"
        "现将《国家职业教育改革实施方案》印发给你们，请认真贯彻执行。\n"
        "一、完善国家职业教育制度体系\n"
        "    深化改革。2020年初步建成300个示范性职业教育集团（联盟），带动中小企业参与。\n"
    )
    assert ("示范性职业教育集团（联盟）", 2020, Decimal(300)) in _plan_targets(text)


@pytest.mark.parametrize("verb", ["列入", "纳入"])
def test_quoted_goals_put_into_a_years_programme_take_its_year(verb: str) -> None:
    text = (
        "国家卫生健康委将“每千人口3岁以下婴幼儿托位数达到4.5个，全国新增普惠性托位66万个”"
        f"{verb}2025年全国卫生健康系统为民服务实事项目，推进托育服务供给稳步增长。"
    )
    normalized = normalize_text(text)
    found = text_targets(normalized.text, 0, normalized.quote)
    assert [(t.indicator, t.year, t.value) for t in found] == [
        ("每千人口3岁以下婴幼儿托位数", 2025, Decimal("4.5")),
        ("新增普惠性托位", 2025, Decimal(660000)),
    ]


NAMED_AFTER_THE_ACT = {
    "title-before-the-act-dropped": (
        "增加教育资源供给实施新建、改扩建学校重点建设项目12个。",
        "新建、改扩建学校重点建设项目",
    ),
    "act-word-inside-a-rate-kept": (
        "到2021年，家庭医生签约服务实施率达到60%。",
        "家庭医生签约服务实施率",
    ),
}


@pytest.mark.parametrize(("text", "name"), NAMED_AFTER_THE_ACT.values(), ids=NAMED_AFTER_THE_ACT)
def test_a_count_is_named_by_the_object_of_its_act(text: str, name: str) -> None:
    assert [found for found, _value, _unit in _targets(text)] == [name]


def test_a_criterion_clause_before_a_counted_noun_is_not_its_name() -> None:
    """Tune: 国办发〔2018〕117号 督查激励措施 (第十二项), 优先支持其行政区域内1家符合条件且
    发展基础较好的省级高新技术产业开发区升级…, the second text after 国发〔2019〕4号's
    300个具有辐射引领作用的…实训基地; the verb stands before the value, the place words
    between them left out."""
    after = "符合条件且发展基础较好的省级高新技术产业开发区"
    assert value_first_names("优先支持", after) == ["省级高新技术产业开发区"]


@pytest.mark.parametrize(
    "text",
    [
        pytest.param(  # 国家卫健委 2025 托育民生实事 发布会
            "一是群众的可选服务更充裕，婴幼儿入托难现象得到改善。全国托育服务机构达12.6万家，"
            "可提供托位666万个。",
            id="national-stock-reached",
        ),
        pytest.param(  # 万州 一老一小 方案, 发展基础 (corpus/wanzhou.txt)
            "大力扶持托育服务机构建设，全区托育服务机构达109家，包括托幼一体化98家、专营托育2家",
            id="district-stock-reached",
        ),
    ],
)
def test_an_undated_count_reached_is_a_stock(text: str) -> None:
    assert _targets(text) == []


def test_an_undated_share_reached_is_a_goal() -> None:
    """周口 一老一小 方案: 加强养老托育从业人员…培训，培训率达到100%."""
    assert _targets("加强养老托育从业人员岗前培训，培训率达到100%") == [("培训率", 100, "%")]


def test_an_undated_rate_per_head_reached_is_a_goal() -> None:
    """A rate per head is written like a share (昆明's list: …每千人口托位数达到4.5个、普惠性
    托位占比80%…): undated, it is a goal still, unlike a total reached."""
    assert _targets("加快发展普惠托育服务，每千人口托位数达到4.5个") == [
        ("每千人口托位数", Decimal("4.5"), "个")
    ]


def test_a_goals_deadline_holds_for_the_numbered_goals_under_it() -> None:
    """The shape of 万州's （四）整体目标 (a lead paragraph, then 1.… 2.… goals that are sections
    of their own), here with the lead's deadline: the goals under it take that year."""
    text = (
        "某县养老服务发展规划\n\n一、总体要求\n\n（一）发展目标\n\n"
        "到2025年，基本建成居家社区机构相协调、医养康养相结合的养老服务体系。\n\n"
        "1.养老服务供给更加充足。全县养老机构护理型床位占比达到55%。\n\n"
        "2.养老服务质量明显提升。养老护理员持证上岗率达到100%。\n\n"
        "二、主要任务\n\n（一）加强居家社区养老服务。社区养老服务设施覆盖率达到100%。\n"
    )
    assert _plan_targets(text) == [
        ("养老机构护理型床位占比", 2025, Decimal(55)),
        ("养老护理员持证上岗率", 2025, Decimal(100)),
        ("社区养老服务设施覆盖率", None, Decimal(100)),
    ]


def test_a_range_may_print_its_unit_at_both_ends() -> None:
    """国办 药品集中采购 试点方案: …年度药品总用量的60%—70%估算采购总量 — one value phrase
    from 60 to 70 (a norm the rule computes by, so no target)."""
    clause = "按照试点地区所有公立医疗机构年度药品总用量的60%—70%估算采购总量"
    phrases = [(m["num"], m["num2"], m["unit"]) for m in VALUE_PHRASE.finditer(clause)]
    assert phrases == [("60", "70", "%")]
    assert _targets(clause) == []


@pytest.mark.parametrize(
    "text",
    [
        pytest.param(  # 新华社 2020-12-18, 北京 “回顾‘十三五’ 展望‘十四五’” 发布会
            "孙立国表示，“十四五”时期，北京市老年人口将增长100万人，2025年将达到500万人，"
            "进入中度人口老龄化时期。",
            id="forecast-carried-to-the-next-clause",
        ),
        pytest.param(  # 2021年度国家老龄事业发展公报
            "全国65周岁及以上老年人口20056万人，占总人口的14.2%。",
            id="bulletin-head-count",
        ),
    ],
)
def test_a_head_count_of_a_population_is_no_target(text: str) -> None:
    assert _targets(text) == []


def test_the_value_a_goal_builds_on_is_no_target() -> None:
    """在…的基础上 names the base (国家卫健委 2026-02-12 为民服务实事 发布会, 央视新闻)."""
    assert _targets(
        "在2025年新增89万个普惠托位的基础上，“十五五”开局之年，继续增加15万个普惠托位。"
    ) == [("普惠托位", Decimal(150000), "个")]


def test_the_tasks_under_a_part_of_goals_and_tasks_keep_their_own_years() -> None:
    """二、目标任务: the sections under it are tasks; the lead's deadline does not date them."""
    text = (
        "某县养老服务发展规划\n\n一、目标任务\n\n"
        "到2025年，基本建成居家社区机构相协调、医养康养相结合的养老服务体系。\n\n"
        "（一）加强居家社区养老服务。新建街道综合养老服务中心10个。\n"
    )
    assert _plan_targets(text) == [("新建街道综合养老服务中心", None, Decimal(10))]


def test_no_targets_under_the_achievements_of_a_past_plan_period() -> None:
    """宿州 “十四五”老龄事业发展规划 (宿卫〔2022〕50号): 一、规划背景 is cut off in many copies;
    its section (一)“十三五”取得的主要成绩 reports on its own."""
    body = "全市养老机构护理型床位占比达到45%，社区养老服务设施覆盖率达到100%。\n"
    heading = "（一）“十三五”取得的主要成绩\n"
    tasks = "（二）主要任务\n"
    assert _plan_targets(f"某市老龄事业发展规划\n\n{heading}{body}{tasks}") == []
    assert _plan_targets(f"某市老龄事业发展规划\n\n（一）发展措施\n{body}{tasks}") != []


def test_a_list_of_criteria_before_a_counted_noun_is_not_its_name() -> None:
    """Tune: 四川 婴幼儿照护 实施意见 news; the 、 joins two criteria (具有…、承担…的), the
    second led by a verb that elsewhere ends a name (承担); the noun after the 的 is counted."""
    text = "各市(州)至少建成2个以上具有带动效应、承担一定指导功能的示范性婴幼儿照护服务机构。"
    assert [name for name, _value, _unit in _targets(text)] == [
        "各市（州）示范性婴幼儿照护服务机构"
    ]


@pytest.mark.parametrize(
    ("text", "name"),
    [
        pytest.param(  # 江苏 老年助餐 实施方案 news (tune)
            "到2025年底，全省范围有效服务、有效运营的各类老年助餐点达到1万个左右。",
            "各类老年助餐点",
            id="name-first-after-a-scope",
        ),
        pytest.param(  # 万州 一老一小 方案 (corpus/wanzhou.txt), value first
            "培育37家特色突出、管理规范、服务标准的养老托育服务骨干企业。",
            "养老托育服务骨干企业",
            id="value-first",
        ),
    ],
)
def test_four_character_attributes_before_a_noun_are_not_its_name(text: str, name: str) -> None:
    assert [found for found, _value, _unit in _targets(text)] == [name]


def test_the_figure_of_a_higher_body_compared_with_is_no_target() -> None:
    """合肥 老年助餐 wiki (tune), read as a plan issued the year before its first deadline;
    the same comparison in brackets stands in the 发展基础 of 昆明 and 周口 (低于全国平均水平
    (31.1张), 高于全省(18.08%))."""
    text = "2022年，建成城市老年食堂、老年助餐点不少于826个，略高于省下达的812个任务。"
    assert [value for _name, value, _unit in _targets(text, issued=2021)] == [Decimal(826)]


@pytest.mark.parametrize(
    ("text", "name", "value"),
    [
        pytest.param(  # 桐乡 2023 民生 标志性成果 table (tune), a cell's sentence
            "继续推进心理健康示范校创建活动，2023年计划新增示范校10所。",
            "新增示范校",
            Decimal(10),
            id="no-comma",
        ),
        pytest.param(  # 合肥 老年助餐 wiki (tune)
            "2023年，全市計畫再新增老年食堂、助餐點不少於290個。",
            "再新增老年食堂、助餐点",
            Decimal(290),
            id="traditional",
        ),
    ],
)
def test_a_bare_year_before_a_plan_to_do_is_a_deadline(
    text: str, name: str, value: Decimal
) -> None:
    normalized = normalize_text(text)
    found = text_targets(normalized.text, 0, normalized.quote, None, None)
    assert [(t.indicator, t.value, t.year) for t in found] == [(name, value, 2023)]


def test_family_planning_is_no_plan_to_do() -> None:
    """计划生育 is a name, not the modal 计划: the bare year stays a report of that year."""
    assert _targets("2020年，全市计划生育特殊家庭扶助金发放达到1200户。") == []


def test_the_goal_a_present_level_is_measured_against_is_a_target() -> None:
    """A childcare commentary's copy (tune): the as-of level is background; the count joined
    by 的 to 目标 is the goal of the period's end, named by the indicator of the clause
    before — whose age bound (3岁以下) is part of the name, not its figure."""
    text = (
        "截至2021年底，我国每千人口拥有3岁以下婴幼儿托位数为2.03个，"
        "距离“十四五”期末4.5个的目标尚存很大差距。"
    )
    normalized = normalize_text(text)
    found = text_targets(normalized.text, 0, normalized.quote, None, None)
    assert [(t.indicator, t.value, t.year) for t in found] == [
        ("每千人口拥有3岁以下婴幼儿托位数", Decimal("4.5"), 2025)
    ]


@pytest.mark.parametrize(
    "text",
    [
        pytest.param(  # 国新办 2022-01-11 托育/儿童健康 news (tune)
            "到2025年，努力实现每千人口拥有3岁以下婴幼儿托位数达到4.5个。经过多措并举、不懈努力，"
            "我国儿童健康状况不断改善，6岁以下儿童生长迟缓率下降至7%以下，低体重率降至5%以下。",
            id="after-a-goal",
        ),
        pytest.param(  # 中国新闻网 2022-05-20 on the 十四五 国民健康规划 (a copy site)
            "到2025年，人均预期寿命在2020年基础上继续提高1岁左右，人均健康预期寿命同比例提高。"
            "《规划》指出，经过努力，我国人民健康水平不断提高。2015年至2020年，人均预期寿命从"
            "76.34岁提高到77.93岁，婴儿死亡率从8.1‰降至5.4‰，5岁以下儿童死亡率从10.7‰降至7.5‰。",
            id="efforts-made",
        ),
    ],
)
def test_the_results_of_efforts_made_are_no_targets(text: str) -> None:
    assert [value for _name, value, _unit in _targets(text)] == (
        [Decimal("4.5")] if "4.5个" in text else []
    )


def test_a_headline_bracket_ends_the_name_after_a_value() -> None:
    """【安徽:2026年将建成不少于400家社区嵌入式养老服务机构】财联社9月15日电 (财联社 news
    flash): the name stops at the bracket, so the body's restatement merges with it."""
    text = "【安徽：2026年将建成不少于400家社区嵌入式养老服务机构】财联社9月15日电，据介绍。"
    assert [name for name, _v, _u in _targets(text)] == ["社区嵌入式养老服务机构"]


@pytest.mark.parametrize(
    ("text", "kept"),
    [
        pytest.param("“十三五”期间民政部要重点推动实施的4项重大工程之一。", False, id="one-of"),
        pytest.param("“十三五”期间民政部要重点推动实施4项重大工程。", True, id="the-count-itself"),
    ],
)
def test_a_count_that_one_of_closes_is_no_target(text: str, kept: bool) -> None:
    """…实施的4項重大工程之一 sizes the set the subject is one of."""
    assert bool(_targets(text)) == kept


CHANGES_FROM_A_PERIOD_END = (
    "全省民生事业发展成就新闻发布会\n\n全省养老服务床位总数达到28.5万张，"
    "比“十三五”末增长25%，每千名老年人拥有养老床位34张。\n\n"
    "万元产值二氧化碳排放较“十三五”末下降23%，创历史新低。\n"
)


def test_the_end_of_a_period_a_change_is_measured_from_sets_no_deadline() -> None:
    """比“十三五”末增长25%, 较“十三五”末下降23%: the period's end is the base of a change,
    not the year of a target; no figure of these sentences is a target for 2020."""
    assert _plan_targets(CHANGES_FROM_A_PERIOD_END) == []


@pytest.mark.parametrize(
    ("text", "kept"),
    [
        pytest.param("城镇新增就业完成年度目标任务的105.3%。", False, id="of-a-task"),
        pytest.param("全年完成适老化改造3200户，超过省定任务的120%。", False, id="above-a-task"),
        pytest.param("到2025年，护理型床位占比达到55%。", True, id="a-share-set"),
    ],
)
def test_a_share_of_a_task_reports_progress(text: str, kept: bool) -> None:
    """完成年度目标任务的105.3%: the share of a task done is progress against it."""
    assert any(unit == "%" for _name, _value, unit in _targets(text)) == kept
