"""Patterns of the dev-set texts added without a rule written from them (issue 12): each
is shown by a sentence of a tune text and by one of a second real text, quoted exactly
with its source named; the test reads the sentences through the extractor."""

from __future__ import annotations

from decimal import Decimal

import pytest

from policygraph.extract.departments import split_units
from policygraph.extract.metadata import find_metadata
from policygraph.extract.statements import text_targets
from policygraph.lexicon_data import load_lexicon
from policygraph.normalize import normalize_text
from policygraph.structure import outline_text


def _inline(text: str) -> list[tuple[str, int | None, str | None, Decimal | None, str | None]]:
    normalized = normalize_text(text)
    return [
        (t.indicator, t.year, t.comparator, t.value, t.unit)
        for t in text_targets(normalized.text, 0, normalized.quote)
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # tests/devset/tune/texts/tonglu-minsheng-shishi-2020.txt (桐庐 2020 民生实事)
        pytest.param(
            "加强一次性消毒餐具监管,年度抽检不少于50批次。",
            [("年度抽检", None, ">=", Decimal(50), "批次")],
            id="batches-tonglu",
        ),
        pytest.param(
            "加大食品安全检测覆盖率,年度抽检不少于5.5批次/千人,农村地区检测批次数占比50%以上。",
            [
                ("年度抽检", None, ">=", Decimal("5.5"), "批次/千人"),
                ("农村地区检测批次数占比", None, ">=", Decimal(50), "%"),
            ],
            id="batches-per-thousand-tonglu",
        ),
        pytest.param(
            "在公共场所配置自动体外除颤仪(AED)15台,",
            [("在公共场所配置自动体外除颤仪（AED）", None, "=", Decimal(15), "台")],
            id="machines-tonglu",
        ),
        # 泉州晚报 2022-08-19 (szb.qzwb.com): 晋江 AED news, a second text of 配置…台
        pytest.param(
            "其中2022年配置AED100台;",
            [("配置AED", None, "=", Decimal(100), "台")],
            id="machines-jinjiang",
        ),
    ],
)
def test_unseen_counts_in_machines_and_sampling_batches(text: str, expected: list) -> None:  # type: ignore[type-arg]
    """台 (machines: AED) and 批次 (food-safety sampling batches, also per thousand
    residents) are count units of 民生实事 targets; 配置 (to equip) is a verb of the plan."""
    assert _inline(text) == expected


def test_unseen_count_per_thousand_is_another_indicator_than_the_count() -> None:
    """年度抽检…50批次 and 年度抽检…5.5批次/千人 (桐庐) state two indicators, as 共完成抽检
    16641批次 and 抽检量达到5.36批次/千人 do in 大同's 2021 食品抽检 report: the
    per-thousand unit makes the wording a per-head indicator."""
    lexicon = load_lexicon()
    assert lexicon.indicator("年度抽检", "批次/千人") != lexicon.indicator("年度抽检", "批次")


@pytest.mark.parametrize(
    "text",
    [
        # tests/devset/tune/texts/hanzhong-yinfa-jingji-shishiyijian-zhengqiuyijian.txt
        "附件:\n1.《汉中市促进银发经济发展的实施意见(征求意见稿)》\n"
        "2.《汉中市促进银发经济发展的实施意见(征求意见稿)》起草说明\n3.征求意见反馈表\n汉中市民政局\n"
        "2024年12月19日\n第二部分:草案内容\n附件1\n汉中市促进银发经济发展的实施意见\n(征求意见稿)\n"
        "一、发展目标\n二、主要任务\n",
        # tests/devset/tune/texts/haiyan-yanglao-gongzuofangan-zhengqiuyijian.txt
        "附件: 1. 《海盐县关于推进养老服务高质量发展的工作方案》的起草说明.pdf\n\n"
        "           2. 海盐县关于推进养老服务高质量发展的工作方案(征求意见稿)\n\n"
        "海盐县关于推进养老服务高质量发展的工作方案(征求意见稿)\n一、发展目标\n二、主要任务\n",
    ],
)
def test_unseen_list_of_attached_files_gives_no_headings(text: str) -> None:
    """A call for comments lists its attached files (附件：1.… 2.…起草说明); the numbered
    names are files, not parts of the document: the headings are the document's own."""
    outline = outline_text(normalize_text(text).text)
    assert [s.heading.title for s in outline.sections] == ["发展目标", "主要任务"]


def _title_and_date(text: str) -> tuple[str | None, str | None]:
    normalized = normalize_text(text)
    found = find_metadata(normalized.text, normalized.quote)
    return found.title, found.issued.isoformat() if found.issued else None


@pytest.mark.parametrize(
    ("text", "title"),
    [
        # tests/devset/tune/texts/xuancheng-minsheng-shishi-2024.txt (a 政府信息公开 page)
        pytest.param(
            "您现在所在的位置: 网站首页> 政府信息公开首页 > 宣城市政府办公室> 政策文件\n"
            "【保基本民生】宣城市民生工作领导小组办公室关于2024年实施47项民生实事的通知\n"
            "各县、市、区人民政府，市有关单位：\n",
            "宣城市民生工作领导小组办公室关于2024年实施47项民生实事的通知",
            id="column-label-xuancheng",
        ),
        # tests/devset/tune/texts/guoban-yinfa-jingji-yijian-zhongying-docx.txt
        pytest.param(
            "【中英文对照版】关于发展银发经济增进老年人福祉的意见.docx\n",
            "关于发展银发经济增进老年人福祉的意见",
            id="edition-label-bilingual-copy",
        ),
    ],
)
def test_unseen_site_label_in_brackets_is_no_part_of_the_title(text: str, title: str) -> None:
    assert _title_and_date(text)[0] == title


SPAM_STREAM = (
    # tests/devset/tune/texts/jiangsu-laonian-zhucan-shishifangan-xinwen.txt, lines 3-8
    "网友评论更多\n41孝感o\n上官正义说现在人贩子年龄小懂网络🌄🌅\n2024-12-02 07:58:21 推荐\n"
    "187****8838 回复 184****4841:张玉宁单刀不进🌆来自黄冈\n"
    "187****2343 回复 184****2335:7年前被责令拆除的违建悄然完工🌇来自鄂州\n"
)


def test_unseen_spam_comment_with_emoji_is_no_headline() -> None:
    """A copy site's fake comments (a line ending in emoji over a time stamp and 推荐) look
    like a headline over its page date; they are neither the title nor date the text."""
    assert _title_and_date(SPAM_STREAM) == (None, None)
    plain = SPAM_STREAM.replace("🌄🌅", "")
    assert _title_and_date(plain) == ("上官正义说现在人贩子年龄小懂网络", "2024-12-02")


@pytest.mark.parametrize(
    ("units", "expected"),
    [
        # the collective unit as a municipal notice addresses it (各市、县（区）人民政府)
        ("市民政局、各市、县(区)人民政府", ["市民政局", "各市、县（区）人民政府"]),
        ("各市、县（市、区）政府、市财政局", ["各市、县（市、区）政府", "市财政局"]),
        # the forms read as one unit before (issue 12, class 3)
        ("各区、市政府", ["各区、市政府"]),
        ("各县、市、区人民政府、市财政局", ["各县、市、区人民政府", "市财政局"]),
    ],
)
def test_unseen_collective_unit_with_bracketed_county_levels_is_one_unit(
    units: str, expected: list[str]
) -> None:
    """A level word of a collective unit may carry the levels it stands for in brackets,
    as the county level is spelt 县（区） or 县（市、区）: the unit is not split at 各市."""
    assert [name for _s, _e, name in split_units(normalize_text(units).text)] == expected


@pytest.mark.parametrize(
    ("header", "issued"),
    [
        # tests/devset/tune/texts/bengbu-minzheng-shisiwu-guihua.txt: an organ's own page
        ("发布时间:2022-07-14 11:14 来源: 市民政局 浏览量: 【字体:   打印\n", "2022-07-14"),
        # tests/devset/tune/texts/guangdong-shishi-wuren-fuyang-ertong-shishiyijian.txt
        # (the copy's 来(lái)源:本網(wǎng)訪問(wèn)量 with its pinyin removed): the site itself
        ("来源:本網訪問量:-發布時間:2019-12-20\n", None),
    ],
)
def test_unseen_page_counter_run_into_the_source_is_no_part_of_it(
    header: str, issued: str | None
) -> None:
    """Normalising drops the space between 来源：市民政局 and the page's 浏览量 counter; the
    source is still the organ, whose page dates the text (or a site, whose page does not)."""
    title = "蚌埠市“十四五”民政事业发展规划\n\n"
    assert _title_and_date(title + header + "\n民政工作关系民生。\n")[1] == issued


def _programme_targets(text: str, programme: int) -> list[tuple[str, int | None, str | None]]:
    normalized = normalize_text(text)
    found = text_targets(normalized.text, 0, normalized.quote, programme=programme)
    return [
        (t.indicator, t.year, str(t.value) if t.value is not None else t.qualitative) for t in found
    ]


@pytest.mark.parametrize(
    ("text", "programme", "expected"),
    [
        # tests/devset/tune/texts/xuancheng-minsheng-shishi-2024.txt (2024年我市实施47项民生实事)
        pytest.param(
            "1.促进重点群体稳定就业,新增城镇就业4.3万人,省级三公里充分就业社区数量达到城市社区的60%"
            "(牵头单位:市人社局)",
            2024,
            [
                ("新增城镇就业", 2024, "43000"),
                ("省级三公里充分就业社区数量占城市社区比例", 2024, "60"),
            ],
            id="jobs-xuancheng",
        ),
        pytest.param("一、促进就业(3项)", 2024, [], id="item-count-xuancheng"),
        # tests/devset/tune/texts/tonglu-minsheng-shishi-2020.txt (2020年县政府民生实事项目共11项)
        pytest.param(
            "全面完成城乡公交车辆运营线路编号和语音报站系统安装,规范站牌设置1500个。",
            2020,
            [("规范站牌设置", 2020, "1500")],
            id="bus-stops-tonglu",
        ),
        pytest.param(
            "在公共场所配置自动体外除颤仪(AED)15台,重点管理人员AED应用培训全覆盖。",
            2020,
            [
                ("在公共场所配置自动体外除颤仪（AED）", 2020, "15"),
                ("重点管理人员AED应用培训", 2020, "全覆盖"),
            ],
            id="aed-training-tonglu",
        ),
    ],
)
def test_unseen_items_of_an_annual_programme_are_its_years_targets(
    text: str, programme: int, expected: list[tuple[str, int | None, str | None]]
) -> None:
    """The items of a year's 民生实事 programme print no year: the programme's year scopes
    them, so that a count in 万人 or a goal in words is a target; a count of the programme's
    own items (3项) stays its layout."""
    assert _programme_targets(text, programme) == expected
