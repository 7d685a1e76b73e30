"""Dates and numbers of documents as real copies print them (issue 12, class 8): signature
dates in Chinese numerals, a date on the issuer's line, metadata tables without colons or
with their values on the next line, a table that records a repost. Each pattern is shown by
two real texts, their lines quoted exactly, their source named."""

from __future__ import annotations

from datetime import date

import pytest

from policygraph.extract.metadata import find_metadata
from policygraph.normalize import normalize_text
from policygraph.numerals import written_year


def _read(text: str) -> tuple[str | None, str | None, date | None]:
    normalized = normalize_text(text)
    found = find_metadata(normalized.text, normalized.quote)
    number = found.doc_number.normal if found.doc_number else None
    return found.title, number, found.issued


@pytest.mark.parametrize(
    ("word", "year"),
    [("二〇〇七", 2007), ("二○○一", 2001), ("2O22", 2022), ("二O二二", 2022), ("2024", 2024)],
)
def test_written_year_reads_every_zero_a_year_is_typed_with(word: str, year: int) -> None:
    assert written_year(word) == year


@pytest.mark.parametrize("word", ["十二", "两千", "二十一", ""])
def test_written_year_is_none_for_a_counted_number(word: str) -> None:
    assert written_year(word) is None


@pytest.mark.parametrize(
    ("text", "issued"),
    [
        # law678.infoeach.com: 吉林省人民政府办公厅关于印发《省政府公众信息网站对外发布信息
        # 暂行办法》的通知 (○ U+25CB typed for 〇)
        pytest.param(
            "《省政府公众信息网站对外发布信息暂行办法》已经省政府同意,现印发给你们,请遵照执行。\n\n"
            "吉林省人民政府办公厅\n\n二○○一年四月十九日\n",
            date(2001, 4, 19),
            id="circle-jilin",
        ),
        # law949.infoeach.com: 关于印发社会保险基金安全宣传教育活动工作方案的通知 (劳社厅函[2007]120号)
        pytest.param(
            "现将《社会保险基金安全宣传教育活动工作方案》印发给你们,请各地结合当地实际,"
            "认真搞好这次活动,切实收到成效。\n\n劳动和社会保障部办公厅\n\n二〇〇七年三月二十六日\n",
            date(2007, 3, 26),
            id="ling-laoshe",
        ),
    ],
)
def test_a_signature_date_in_chinese_numerals_is_the_date_of_issue(text: str, issued: date) -> None:
    assert _read(text)[2] == issued


# zwgkw.thx.gov.cn: 太湖县人民政府关于印发《太湖县人民政府工作规则》的通知, a disclosure table
# whose 发文日期 is not the signature's date
TAIHU = (
    "生成日期: 2019-01-23 文号:\n发文日期: 2019-01-23 生效时间: 2019-01-23\n"
    "废止时间: 2020-01-23 名称: 太湖县人民政府关于印发《太湖县人民政府工作规则》的通知\n\n"
    "太湖县人民政府关于印发《太湖县人民政府工作规则》的通知\n\n"
    "各乡、镇人民政府,县政府各部门、各直属机构:\n\n"
    "  《太湖县人民政府工作规则》已经2019年1月4日县政府第三次全体会议通过,现予印发,请遵照执行。\n"
    "\n \n\n太湖县人民政府\n2019年1月17日\n"
)


def test_the_signature_wins_over_a_tables_date_of_the_document() -> None:
    assert _read(TAIHU)[2] == date(2019, 1, 17)


@pytest.mark.parametrize(
    ("text", "number", "issued"),
    [
        # f9km6.cn: a law database's copy of 國衛辦人口函〔2021〕629號, keys and values run
        # together with no separator, pinyin readings after characters
        pytest.param(
            "發(fā)文機(jī)關(guān)國家衛(wèi)生健康委員會(huì)辦公廳\n發(fā)文日期2021年12月30日\n"
            "時(shí)效性現(xiàn)行有效\n發(fā)文字號國衛(wèi)辦人口函〔2021〕629號\n",
            "国卫办人口函〔2021〕629号",
            date(2021, 12, 30),
            id="no-separator-f9km6",
        ),
        # zb.gov.cn: 镇巴县人民政府工作规则, each value on the line after its key
        pytest.param(
            "  • 发文字号:\n\n    镇政发〔2024〕7号\n  • 发文日期:\n\n    2024年04月06日 16:40\n"
            "  • 有效性:\n\n  • 发布日期:\n\n    2024年04月06日 16:34\n",
            "镇政发〔2024〕7号",
            date(2024, 4, 6),
            id="value-below-zhenba",
        ),
        # laodongfa.com: 晋政发〔2018〕13号, a space before the colon, a date without 日
        pytest.param(
            "发文机关:山西省人民政府\n发布日期:2018年03月27\n生效日期:2018年03月27\n"
            "时效性 :现行有效\n文号 :晋政发〔2018〕13号\n",
            "晋政发〔2018〕13号",
            date(2018, 3, 27),
            id="spaced-colon-shanxi",
        ),
    ],
)
def test_metadata_tables_without_a_colon_or_with_the_value_below_give_number_and_date(
    text: str, number: str, issued: date
) -> None:
    """No table field is taken for a headline (发文机关:山西省人民政府 above 发布日期, the number
    above 发文日期)."""
    assert _read(text) == (None, number, issued)


def test_the_short_key_in_prose_names_a_cited_number() -> None:
    """《…》（文号：…） in a sentence cites a document; the plan prints no number."""
    text = "根据《国务院办公厅关于促进养老托育服务健康发展的意见》（文号：国办发〔2020〕52号），制定本方案。\n"
    assert _read(text)[1] is None


# tests/devset/tune/texts/xuancheng-minsheng-shishi-2024.txt (宣城 2024 民生实事 page)
XUANCHENG = (
    "索引号: 11341700003244967K/202403-00076\n组配分类: 政策文件\n"
    "发布机构: 宣城市人民政府(办公室)\n主题分类: 民政、乡村振兴、救灾\n"
    "名称: 【保基本民生】宣城市民生工作领导小组办公室关于2024年实施47项民生实事的通知\n"
    "文号:\n发布日期: 2024-03-14\n"
)
# tests/devset/tune/texts/hunan-shenhua-yanglao-gaige-shishiyijian.txt (a county city's repost)
HUNAN = (
    "湖南省人民政府關于深化養老服務改革發展的實施意見\n\n"
    "索 引 號:4309810018/2025-2110271 發布機構:沅江市民政局 發文日期:2025-11-12 "
    "信息類別:綜合政務 公開范圍:全部公開 公開方式:政府網站\n"
)
# tests/devset/tune/texts/xian-yanglao-shisiwu-guihua.txt (an expo organiser's repost)
XIAN = (
    "西安市养老服务工作领导小组办公室关于印发“十四五”养老服务体系专项规划的通知\n"
    "发布人:西安老博会\n发布日期:2023-07-12\n阅读量:2777\n"
)


def test_a_disclosure_tables_publishing_date_dates_a_document_that_prints_no_signature() -> None:
    assert _read(XUANCHENG)[2] == date(2024, 3, 14)


@pytest.mark.parametrize("text", [HUNAN, XIAN], ids=["other-place", "no-table"])
def test_a_record_of_a_repost_does_not_date_the_document(text: str) -> None:
    """A table whose publisher is of another place than the title's issuer (沅江市民政局
    over 湖南省人民政府…) records a repost; a 发布日期 under a byline (发布人) is the page's."""
    assert _read(text)[2] is None


def test_a_disclosure_row_above_a_date_field_is_no_headline() -> None:
    """信息分类: 通知   发布机构: … stands above 生成日期: 2019-01-23 where an article's
    headline stands above its date (zwgkw.thx.gov.cn, 太湖县)."""
    text = (
        "首页 > 太湖县人民政府办公室信息公开 > 信息浏览\n"
        "索引号: 003129766/201901-00336 组配分类: 规范性文件发布\n"
        "信息分类: 通知   发布机构: 太湖县人民政府办公室\n" + TAIHU
    )
    title, _number, issued = _read(text)
    assert "发布机构" not in (title or "")
    assert issued == date(2019, 1, 17)


# tests/devset/tune/texts/hanzhong-yinfa-jingji-shishiyijian-zhengqiuyijian.txt, lines 13-17
HANZHONG_DRAFT = (
    "第二部分:草案内容\n附件1\n汉中市促进银发经济发展的实施意见\n(征求意见稿)\n"
    "为深入实施积极应对人口老龄化国家战略,贯彻落实《国务院办公厅关于发展银发经济增进老年人"
    "福祉的意见》(国办发〔2024〕1号)精神,推动我市银发经济高质量发展,制定本实施意见。\n"
)


def test_a_draft_mark_on_the_line_under_the_title_is_part_of_it() -> None:
    assert _read(HANZHONG_DRAFT)[0] == "汉中市促进银发经济发展的实施意见（征求意见稿）"


# jzmfx.com copy of 怀政办发〔2023〕9号 (懷化市人民政府辦公室, traditional characters)
HUAIHUA_NOTICE = (
    "懷化市人民政府辦公室\n\n關于印發《懷化市貫徹落實〈關于打好經濟\n\n"
    "增長主動仗實現經濟運行整體好轉的若干\n\n政策措施〉實施方案》的通知\n\n"
    "各縣市區人民政府,市直機關各單位,中央、省在懷各單位:\n\n"
    "經市人民政府同意,現將《懷化市貫徹落實〈關于打好經濟增長主動仗實現經濟運行整體好轉的"
    "若干政策措施〉實施方案》印發給你們,請認真組織實施。\n\n懷化市人民政府辦公室      \n\n"
    "2023年3月15日        \n"
)
HUAIHUA_PLAN = (
    "\n\n懷化市貫徹落實《關于打好經濟增長主動仗\n\n實現經濟運行整體好轉的若干政策\n\n措施》實施方案\n\n"
    "為全面貫徹黨的二十大和中央、省委、市委經濟工作會議精神,打好打贏“發展六仗”,"
)


def test_a_plan_carried_by_a_notice_is_found_under_its_nested_title() -> None:
    """The notice quotes the plan's inner title in 〈〉; the plan, out of the notice's 《》,
    prints it in 《》 on its own title lines."""
    title = "怀化市贯彻落实《关于打好经济增长主动仗实现经济运行整体好转的若干政策措施》实施方案"
    assert _read(HUAIHUA_NOTICE + HUAIHUA_PLAN)[0] == title
    assert _read(HUAIHUA_NOTICE + HUAIHUA_PLAN)[2] == date(2023, 3, 15)


@pytest.mark.parametrize(
    ("text", "title"),
    [
        # law907.infoeach.com copy of 科工法字[2000] 851号: a 工作程序 is no plan kind
        pytest.param(
            "关于印发《国防科技工业标准制定工作程序(试行)》的通知\n\n国防科学技术工业委员会\n\n\n"
            "关于印发《国防科技工业标准制定工作程序(试行)》的通知\n\n科工法字[2000] 851号\n"
            "各军工集团公司,各省、自治区、直辖市国防科技工业管理机构,委管各单位,国务院有关部门:\n",
            "关于印发《国防科技工业标准制定工作程序（试行）》的通知",
            id="procedure-law907",
        ),
        pytest.param(
            TAIHU, "太湖县人民政府关于印发《太湖县人民政府工作规则》的通知", id="rules-taihu"
        ),
    ],
)
def test_a_notice_carrying_a_document_of_no_plan_kind_is_the_title(text: str, title: str) -> None:
    assert _read(text)[0] == title


def test_a_databases_notice_heading_in_brackets_is_the_title() -> None:
    """0798ci.com copy of 京政办发〔2016〕26号: the heading in 《》, its document in 〈〉, the
    number printed twice under it."""
    text = (
        "京政办发〔2016〕26号《北京市人民政府办公厅关于印发〈北京市2016年政务公开工作要点〉的通知》\n"
        "《北京市人民政府办公厅关于印发〈北京市2016年政务公开工作要点〉的通知》\n"
        "京政办发〔2016〕26号\n京政办发〔2016〕26号\n各区人民政府,市政府各委、办、局,各市属机构:\n"
        "《北京市2016年政务公开工作要点》已经市政府同意,现印发给你们,请结合实际认真贯彻落实。\n"
        "北京市人民政府办公厅\n2016年5月28日\n"
    )
    assert _read(text) == (
        "北京市人民政府办公厅关于印发〈北京市2016年政务公开工作要点〉的通知",
        "京政办发〔2016〕26号",
        date(2016, 5, 28),
    )


# tests/devset/tune/texts/zhenba-zhengfu-gongzuo-guize.txt, lines 1-31 (zb.gov.cn)
ZHENBA = (
    "返回顶部\n\n镇巴县人民政府工作规则\n\n  • 索引号:\n\n    6107280000/2024-001005\n"
    "  • 主题分类:\n\n  • 来源:\n\n  • 发文机构:\n\n    县政府网站\n  • 发文字号:\n\n"
    "    镇政发〔2024〕7号\n  • 发文日期:\n\n    2024年04月06日 16:40\n  • 有效性:\n\n"
    "  • 发布日期:\n\n    2024年04月06日 16:34\n  • 内容概述:\n\n镇巴县人民政府工作规则\n\n"
    "第一章总则\n\n"
)
# tests/devset/tune/texts/guojia-shisiwu-jiankang-laolinghua-guihua-tongzhi-xinxibiao.txt,
# lines 1-28 (the NHC's 信息表 between the headline and the notice's own title)
NHC_INFO_TABLE = (
    "国家政策\n\n关于印发“十四五”健康老龄化规划的通知\n\n日期:2022-02-07\n\n"
    "|  卫生健康委【字号:\n\n\n标      题: 关于印发“十四五”健康老龄化规划的通知 \n\n"
    "发文机关: 国家卫生健康委 教育部 科技部 工业和信息化部 财政部 人力资源社会保障部 "
    "住房和城乡建设部 退役军人事务部 市场监管总局 广电总局 体育总局 国家医保局 银保监会 "
    "国家中医药局 中国残疾人联合会\n\n发文字号: 国卫老龄发〔2022〕4号 \n\n"
    "来     源: 卫生健康委网站\n\n主题分类: 卫生、体育\\卫生 \n\n公文种类: 通知\n\n"
    "成文日期: 2022年02月07日\n\n  \n\n关于印发“十四五”健康老龄化规划的通知\n\n"
    "国卫老龄发〔2022〕4号\n"
)


@pytest.mark.parametrize(
    ("text", "title"),
    [
        (ZHENBA, "镇巴县人民政府工作规则"),
        (NHC_INFO_TABLE, "关于印发“十四五”健康老龄化规划的通知"),
    ],
    ids=["rules-zhenba", "notice-nhc"],
)
def test_the_line_printed_above_and_below_a_record_is_the_title(text: str, title: str) -> None:
    """Whatever its kind word: a 工作规则 is of no plan kind."""
    assert _read(text)[0] == title


def test_the_title_framing_a_record_is_quoted_at_the_documents_heading() -> None:
    """The copy under the record (line 28), not the page's headline (line 3)."""
    normalized = normalize_text(ZHENBA)
    quote = find_metadata(normalized.text, normalized.quote).title_quote
    assert quote is not None and quote.line == 28


# tests/devset/tune/texts/hangzhou-xueqian-jiaoyu-gaige-fazhan-ruogan-yijian-2005.txt, lines
# 1-5: a 北大法宝 record copied onto a document-sharing site, 正文 before the body's first line
HANGZHOU_RECORD = (
    "杭州推进学前教育均衡优质发展的主要做法\n- 格式:doc\n- 大小:33.00 KB\n- 文档页数:3\n"
    "杭州市人民政府关于加快学前教育改革与发展的若干意见(试行)文章属性•【制定机关】杭州市人民政府"
    "•【公布日期】2005.02.01•【字号】杭政函[2005]39号•【施行日期】2005.02.01•【效力等级】"
    "地方规范性文件•【时效性】失效•【主题分类】基础教育正文杭州市人民政府关于加快学前教育改革"
    "与发展的若干意见(试行)(杭政函〔2005〕39号)各区、县(市)人民政府,市政府各部门、各直属单位:"
    "为认真贯彻国务院办公厅《转发教育部等部门(单位)关于幼儿教育改革与发展指导意见的通知》"
    "(国办发〔2003〕13号)精神,进一步加快我市学前教育改革与发展,现提出如下意见。\n"
)
# scholarmate.com/S/E2nsKC: a journal database's abstract of a 民政 notice (CNKI's <正> mark)
ABSTRACT_MARK = (
    "<正>市民发[2021]105号各区县民政局、财政局、卫生健康局、残联,各开发区相关单位:为深入贯彻落实"
    "《国家积极应对人口老龄化中长期规划》(中发﹝2019﹞25号)、《国务院办公厅关于推进养老服务发展的"
    "意见》(国办发﹝2019﹞5号)、《民政部国家发展和改革委员会关于印发<“十四五”民政事业发展规划>"
    "的通知》(民发[2021]51号),进一步健全完善老年人关爱服务体系,"
)


@pytest.mark.parametrize(
    ("text", "title", "number"),
    [
        (
            HANGZHOU_RECORD,
            "杭州市人民政府关于加快学前教育改革与发展的若干意见（试行）",
            "杭政函〔2005〕39号",
        ),
        (ABSTRACT_MARK, None, "市民发〔2021〕105号"),
    ],
    ids=["record-hangzhou", "abstract-mark"],
)
def test_a_number_run_into_the_addressees_behind_a_body_mark_is_the_documents(
    text: str, title: str | None, number: str
) -> None:
    """正文 / <正> open the body; its title, then its number in brackets or alone, then the
    addressee line run on: the number is the document's own (the cited ones follow 《》 titles
    in the sentence), the title before it the document's."""
    found_title, found_number, _issued = _read(text)
    assert (found_title, found_number) == (title, number)
