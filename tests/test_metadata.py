"""extract/metadata.py: the plan's own title, number and date, as printed plans lay them out
(issue 12, class 8). Texts follow the bundled plans (corpus/) and the registry's titles."""

from __future__ import annotations

from datetime import date

import pytest

from policygraph.extract.docnumber import parse_doc_number
from policygraph.extract.metadata import (
    Metadata,
    find_metadata,
    region_of_code,
    region_of_issuer,
)
from policygraph.lexicon_data import load_lexicon
from policygraph.normalize import normalize_text


def metadata(source: str) -> Metadata:
    normalized = normalize_text(source)
    return find_metadata(normalized.text, normalized.quote)


TITLES = {
    "lincang-on-two-lines": (
        "临沧市促进养老托育服务\n健康发展实施方案\n\n截至2020年底，全市60岁以上老年人达33.8万人。",
        "临沧市促进养老托育服务健康发展实施方案",
    ),
    "zhoukou-on-two-lines": (
        "周口市“一老一小”\n整体解决方案\n为积极应对人口老龄化，扎实推进养老托育服务高质量发展。",
        "周口市“一老一小”整体解决方案",
    ),
    "lincang-under-its-signature": (
        "临沧市人民政府办公室\n2022年3月13日\n（此件公开发布）\n临沧市促进养老托育服务健康发展实施方案",
        "临沧市促进养老托育服务健康发展实施方案",
    ),
    "infobox-label-above": (
        "中文名\n周口市“一老一小”整体解决方案\n发文字号\n周政〔2022〕12号\n",
        "周口市“一老一小”整体解决方案",
    ),
    "notice-of-a-draft": (
        "青岚县人民政府办公室关于印发青岚县“一老一小”整体解决方案（征求意见稿）的通知\n各乡镇：\n"
        "青岚县“一老一小”整体解决方案（征求意见稿）\n为积极应对人口老龄化，制定本方案。",
        "青岚县“一老一小”整体解决方案（征求意见稿）",
    ),
    "years-in-the-notice-国发〔2016〕87号": (
        "国务院关于印发国家人口发展规划（2016—2030年）的通知\n各省、自治区、直辖市人民政府：\n"
        "国家人口发展规划（2016—2030年）\n人口问题始终是我国面临的全局性、长期性、战略性问题。",
        "国家人口发展规划（2016—2030年）",
    ),
    "years-on-the-title-line-国发〔2021〕16号": (
        "\n中国儿童发展纲要（2021—2030年）\n儿童是国家的未来、民族的希望。",
        "中国儿童发展纲要（2021—2030年）",
    ),
    "task-table-issued-as-a-document": (
        "2024年《政府工作报告》重点工作目标任务分解表\n附件\n序号 |\n目标与任务 |\n牵头责任单位 |\n",
        "2024年《政府工作报告》重点工作目标任务分解表",
    ),
    "attachment-list-above-the-title": (
        "关于公开征求《青岚县关于推进养老服务高质量发展的工作方案（征求意见稿）》的通知\n"
        "附件：1. 《青岚县关于推进养老服务高质量发展的工作方案》的起草说明.pdf\n"
        "      2. 青岚县关于推进养老服务高质量发展的工作方案（征求意见稿）\n\n"
        "青岚县关于推进养老服务高质量发展的工作方案（征求意见稿）\n为积极应对人口老龄化，制定本方案。",
        "青岚县关于推进养老服务高质量发展的工作方案（征求意见稿）",
    ),
    "trial-measures-周政办〔2021〕19号": (
        "\n住宅小区配建社区养老服务设施规划、建设、移交与管理办法（试行）\n第一条 为规范…",
        "住宅小区配建社区养老服务设施规划、建设、移交与管理办法（试行）",
    ),
}
"""Titles as plans print them: set on two lines, under the cover notice's signature (issuer,
date, 此件公开发布) or a reference site's label (中文名), naming the years they run and their stage (（征求意见稿）, （试行））
(issue 12 class 8, issue 14)."""


@pytest.mark.parametrize("case", TITLES)
def test_the_title_is_read_as_printed(case: str) -> None:
    source, title = TITLES[case]
    found = metadata(source)
    assert found.title == title
    assert found.title_quote is not None
    assert found.title_quote.text.replace("\n", "") == title


OWN_TITLES = {
    "attachment-named-only-国卫老龄发〔2022〕4号": (
        "国家政策\n关于印发“十四五”健康老龄化规划的通知\n日期：2022-02-07\n"
        "成文日期： 2022年02月07日\n关于印发“十四五”健康老龄化规划的通知\n国卫老龄发〔2022〕4号\n"
        "各省、自治区、直辖市卫生健康委：\n现将《“十四五”健康老龄化规划》印发给你们，请认真贯彻执行。\n"
        "附件：“十四五”健康老龄化规划\n国家卫生健康委\n",
        "关于印发“十四五”健康老龄化规划的通知",
    ),
    "signature-ends-the-page-发改社会〔2021〕895号": (
        "关于印发《“十四五”积极应对人口老龄化工程和托育建设实施方案》的通知\n字号：\n"
        "各省、自治区、直辖市发展改革委、民政厅（局）、卫生健康委：\n"
        "现将《“十四五”积极应对人口老龄化工程和托育建设实施方案》印发你们，请认真贯彻执行。\n"
        "国家发展改革委\n民政部\n国家卫生健康委\n2021年6月17日\n分享：",
        "关于印发《“十四五”积极应对人口老龄化工程和托育建设实施方案》的通知",
    ),
    "notice-that-is-the-document": (
        "关于命名2022年全国示范性老年友好型社区的通知\n"
        "时间：2022-10-25来源：老龄健康司各省、自治区、直辖市卫生健康委（老龄办）：\n"
        "  根据《关于开展2022年全国示范性老年友好型社区创建工作的通知》（国卫老龄函〔2022〕35号），"
        "现予以命名。\n",
        "关于命名2022年全国示范性老年友好型社区的通知",
    ),
    "joint-issuers-on-the-title-line": (
        "廣東省民政廳 廣東省高級人民法院 廣東省人民檢察院 廣東省發展改革委 廣東省教育廳 "
        "廣東省公安廳 廣東省司法廳 廣東省財政廳 廣東省殘疾人聯合會關于進一步加強事實無人撫養兒童"
        "保障工作的實施意見\n\n      來源:本網\n      粵民規字〔2019〕10號\n",
        "广东省民政厅广东省高级人民法院广东省人民检察院广东省发展改革委广东省教育厅"
        "广东省公安厅广东省司法厅广东省财政厅广东省残疾人联合会关于进一步加强事实无人抚养儿童"
        "保障工作的实施意见",
    ),
    "joint-issuers-on-the-line-above": (
        "卫生健康委 发展改革委 中央宣传部 教育部 民政部 财政部 人力资源社会保障部 住房城乡建设部 人民银行\n"
        "关于进一步完善和落实积极生育支持措施的指导意见\n国卫人口发〔2022〕26号\n"
        "各省、自治区、直辖市人民政府：\n",
        "关于进一步完善和落实积极生育支持措施的指导意见",
    ),
    "under-a-spam-line": (
        "日韩视频在线播放_国产精品一级_欧美国产先锋_欧美亚洲一区二区三区_亚洲激情专区_"
        "欧美一区二区三区四区在线观看地址_乱码第一页成人_国产日韩欧美精品_久久精品欧美_"
        "国产午夜精品一区二区三区欧美\n\n湖南省人民政府關于深化養老服務改革發展的實施意見\n"
        "为实施积极应对人口老龄化国家战略，提出如下实施意见。\n",
        "湖南省人民政府关于深化养老服务改革发展的实施意见",
    ),
    "policy-library-cells-国办发〔2018〕117号": (
        "索引号： | 000014349/2018-00214 | 主题分类： | 综合政务\\政务督查 |\n"
        "发文机关： | 国务院办公厅 | 成文日期： | 2018年12月06日 |\n"
        "标题： | 国务院办公厅关于对真抓实干成效明显地方进一步加大激励支持力度的通知 |\n"
        "发文字号： | 国办发〔2018〕117号 | 发布日期： | 2018年12月10日 |\n"
        "国务院办公厅关于对真抓实干成效明显地方\n进一步加大激励支持力度的通知\n",
        "国务院办公厅关于对真抓实干成效明显地方进一步加大激励支持力度的通知",
    ),
}


@pytest.mark.parametrize("case", sorted(OWN_TITLES))
def test_the_documents_own_title_is_read_in_the_layouts_copies_give_it(case: str) -> None:
    """Issue 12, classes 5 and 8: a notice that is the document itself, a copy of the cover
    notice alone (the plan only named, in 《》 or as 附件: the document on the page is the
    notice), the issuers of a joint document named before 关于 (on the title line or above
    it), a spam line on top, and a policy library's 标题 cell."""
    source, title = OWN_TITLES[case]
    assert metadata(source).title == title


BULLETINS = {
    "headline-on-a-disclosure-page": (
        "您当前所在位置：首页 > 执行公开 > 年度重点工作进展和完成情况\n\n"
        "关于2023年10月份民生实事项目进展情况的通报\n\n访问量：\n\n"
        "现将10月份进展情况通报如下：\n\n截至10月31日，65件民生实事已完成26件。\n"
        "县发改委要对严重滞后的事项进行通报并挂牌督办。\n",
        "关于2023年10月份民生实事项目进展情况的通报",
    ),
    "issue-of-a-series-with-its-day": (
        "督查通報〔2024〕第9期:關于恩平市2024年十件民生實事推進情況的通報(截至11月底)\n"
        "根據《關于印發〈2024年恩平市十件民生實事任務分解表〉的通知》要求，現將有關進展情況通報如下。\n"
        "一、基本情況\n截至11月底，按進度推進7項，已完成21項。\n",
        "关于恩平市2024年十件民生实事推进情况的通报",
    ),
    "a-city-s-monthly-bulletin-naming-its-period": (
        "六安市1至9月份民生工程实施进度通报\n为扎实推进我市2021年33项民生工程精准实施，"
        "现将1至9月份实施进度通报如下：\n一、各县区民生工程实施进度综合排名\n"
        "1、金寨县；2、裕安区；3、霍山县。\n二、部分项目进展情况\n"
        "1、技能培训提升，牵头单位：市退役军人局。\n六安市民生办\n",
        "六安市1至9月份民生工程实施进度通报",
    ),
    "a-disclosure-of-progress-under-its-column": (
        "民生工程\n\n巴中市2017年市自选“十件民生实事”1—9月进度公示\n\n"
        "为提高广大人民群众对我市实施重大民生事项的知情权，现将进展情况公示如下。\n"
        "截至9月底，已提前完成或超额完成年度目标任务的有3项。\n",
        "巴中市2017年市自选“十件民生实事”1—9月进度公示",
    ),
    "progress-table-captioned-with-its-day": (
        "索引号 | 000330185/2022-86781 | 公开方式 | 主动公开 |\n发布单位 | 区府办 | 发文日期 | 2022-11-03 |\n"
        "2022年区政府民生实事项目进展情况表(截至9月底)\n序号 | 项目内容 | 进展情况 | 责任单位 |\n"
        "1 | 新建成婴幼儿照护服务成长驿站7家。 | 新建13家婴幼儿成长驿站。 | 卫生健康局 |\n",
        "2022年区政府民生实事项目进展情况表（截至9月底）",
    ),
    "programme-table-captioned-by-its-kind-and-day": (
        "2023年我县共承办省政府民生实事指标46项。截至4月10日，有8项已提前完成。\n"
        "2023年省政府民生實事項目實施計劃(截至4月10日)\n序號 | 項目內容 | 工作進度安排 | 牽頭單位 |\n"
        "1 | 完成“縣中崛起”。 | 第一季度：舉行結對儀式。 | 縣教育局 |\n",
        "2023年省政府民生实事项目实施计划（截至4月10日）",
    ),
}


@pytest.mark.parametrize("case", sorted(BULLETINS))
def test_a_progress_bulletin_is_titled_by_its_headline(case: str) -> None:
    """Issue 12, class 8: a bulletin reporting how far a programme has got (关于…进展情况的
    通报), alone on its line or after its series' label and issue (督查通报〔2024〕第9期：),
    the day it reports to after it; neither the label nor the issue is the title or a 发文字号.
    A progress table issued as the page's document is titled by the caption over its header
    row, which may end in a plan's kind word and keeps the day the table reports to."""
    source, title = BULLETINS[case]
    found = metadata(source)
    assert found.title == title
    assert found.title_quote is not None and found.title_quote.text in source
    assert normalize_text(found.title_quote.text).text == title
    assert found.doc_number is None


def test_a_bulletin_named_in_prose_is_no_title() -> None:
    """A sentence that reports a bulletin (…印发了关于…进展情况的通报，要求…) titles nothing."""
    source = (
        "近日，市政府办公室印发了关于全市民生实事项目进展情况的通报，要求各地加快进度。\n"
        "截至11月底，已完成21项。\n"
    )
    assert metadata(source).title is None


FORWARDED = {
    "provincial-notice-under-a-site-heading": (
        "山东省财政厅大学生创业引领计划\n山东省人民政府办公厅\n转发省人力资源社会保障厅等部门\n"
        "关于做好2010年普通高校毕业生\n就业工作的意见的通知\n鲁政办发〔2010〕21号\n"
        "各市人民政府,省政府各部门:\n省人力资源社会保障厅、省教育厅《关于做好2010年普通高校毕业生"
        "就业工作的意见》已经省政府同意,现转发给你们,请认真贯彻执行。\n山东省人民政府办公厅\n"
        "二○一○年四月三十日\n关于做好2010年普通高校\n毕业生就业工作的意见\n"
        "省人力资源社会保障厅 省教育厅\n(二○一○年四月二十六日)\n",
        "关于做好2010年普通高校毕业生就业工作的意见",
    ),
    "state-council-notice-in-other-words": (
        "国务院办公厅转发民政部关于\n清理整顿社会团体意见的通知\n国办发〔1997〕11号\n"
        "各省、自治区、直辖市人民政府，国务院各部委、各直属机构：\n民政部《关于清理整顿社会团体的意见》"
        "已经国务院同意，现转发给你们，请结合本地区、本部门的实际情况，认真贯彻执行。\n"
        "国务院办公厅\n一九九七年四月八日\n关于清理整顿社会团体的意见\n（民政部　一九九七年一月二十八日）\n",
        "关于清理整顿社会团体的意见",
    ),
}


@pytest.mark.parametrize("case", sorted(FORWARDED))
def test_a_forwarding_notice_is_titled_by_the_document_it_forwards(case: str) -> None:
    """Issue 12, class 8: a notice that forwards another body's document (转发…的通知) issues
    that document, which the copy prints under its own heading after the notice; the notice
    names it in 《》 before 现转发给你们, while its own title words it otherwise."""
    source, title = FORWARDED[case]
    found = metadata(source)
    assert found.title == title
    assert found.doc_number is not None and found.doc_number.raw in source.split("\n")[:6]


def test_a_forwarded_document_the_copy_does_not_print_is_no_title() -> None:
    """A notice cut off before the document it forwards is printed: the 《》 name alone is no
    heading of the text."""
    source = (
        "国务院办公厅转发民政部关于\n清理整顿社会团体意见的通知\n国办发〔1997〕11号\n"
        "民政部《关于清理整顿社会团体的意见》已经国务院同意，现转发给你们，请认真贯彻执行。\n"
    )
    assert metadata(source).title != "关于清理整顿社会团体的意见"


@pytest.mark.parametrize(
    ("heading", "printed"),
    [
        ("关于“清理整顿\n社会团体”的意见\u3000", True),
        ("  关于清理 整顿社会团体的意见", True),
        ("关于清理整顿社会团体的意见（草案）", False),
    ],
)
def test_a_forwarded_document_s_heading_wraps_once(heading: str, printed: bool) -> None:
    """The heading of a forwarded document may be centred (indented, wrapped once), quoted or
    spaced apart; a line with more words after the name is no heading of it."""
    source = (
        "国务院办公厅转发民政部关于\n清理整顿社会团体意见的通知\n国办发〔1997〕11号\n"
        "民政部《关于清理整顿社会团体的意见》已经国务院同意，现转发给你们，请认真贯彻执行。\n"
        f"国务院办公厅\n一九九七年四月八日\n{heading}\n一、清理整顿的范围\n"
    )
    assert (metadata(source).title == "关于清理整顿社会团体的意见") is printed


def test_a_title_whose_opening_a_copy_doubled_is_read_once() -> None:
    source = (
        "国务院办公厅关于发展银发经济国务院办公厅关于发展银发经济增进老年人福祉的意见\n"
        "各省、自治区、直辖市人民政府：\n银发经济是向老年人提供产品或服务的经济活动。"
    )
    assert metadata(source).title == "国务院办公厅关于发展银发经济增进老年人福祉的意见"


def test_a_number_standing_under_a_cited_title_is_not_the_plans() -> None:
    """A plan that prints no number of its own gets none, even where its basis is set out
    with the parent's number on a line of its own."""
    source = (
        "西咸新区推进“一老一小”工作实施方案\n为贯彻落实\n"
        "《国务院办公厅关于促进养老托育服务健康发展的意见》\n（国办发〔2020〕52号）\n"
        "精神，制定本实施方案。"
    )
    assert metadata(source).doc_number is None


def test_the_number_under_the_cover_notice_is_the_plans() -> None:
    source = "万州区人民政府办公室关于印发《万州区“一老一小”整体解决方案》的通知\n万州府办发〔2022〕97号\n"
    found = metadata(source)
    assert found.doc_number is not None and found.doc_number.normal == "万州府办发〔2022〕97号"


OWN_NUMBERS = {
    "bracketed-under-the-title-bengbu": (
        "中共蚌埠市委 蚌埠市人民政府关于加强基层基本公共服务功能建设的实施意见\n(蚌发〔2018〕3号)\n"
        "为认真贯彻落实党的十九大精神，现提出以下实施意见。",
        "蚌发〔2018〕3号",
    ),
    "infobox-run-on-weijianwei": (
        "發文機關國家衛生健康委員會辦公廳\n發文日期2021年12月30日\n"
        "發文字號國衛辦人口函〔2021〕629號\n施行日期2021年12月30日\n",
        "国卫办人口函〔2021〕629号",
    ),
    "policy-database-key-zhenjiang": (
        "镇江市人民政府办公室关于加快发展养老服务业的实施意见\n政策\n发布部门:市政府办公室\n"
        "政策文号:镇政办发〔2015〕212号\n各辖市、区人民政府：\n"
        "根据《国务院关于加快发展养老服务业的若干意见》(国发〔2013〕35号)，提出如下实施意见。",
        "镇政办发〔2015〕212号",
    ),
    "database-record-header-hubei": (
        "湖北省人民政府关于印发《湖北省加快建设多元化养老服务体系实施方案》的通知-鄂政发〔2025〕9号\n"
        "各市、州、县人民政府，省政府各部门：",
        "鄂政发〔2025〕9号",
    ),
    "disclosure-table-cells-haiyan": (
        "索引号: | 113304240025561412/2022-69894 | 成文日期: | 2022-04-18 |\n"
        "文件编号: | 盐政办发〔2022〕16号 | 组配分类: | 政府工作报告 |\n"
        "发布机构: | 县政府办公室 | 有效性: |\n"
        "海盐县人民政府办公室关于印发政府工作报告2022年重点工作责任分解的通知 |\n",
        "盐政办发〔2022〕16号",
    ),
    "disclosure-table-changxing": (
        "索引号:  330522/2023-01775 发文时间:  2023-02-24\n"
        "文件编号:  长政办发〔2023〕7号 发布机构:  长兴县政府办公室\n"
        "长兴县人民政府办公室关于印发2023年政府工作报告重点工作责任分解的通知\n",
        "长政办发〔2023〕7号",
    ),
    "bracketed-after-the-title-docx": (
        "国务院办公厅关于发展银发经济增进老年人福祉的意见(国办发(2024) 1号)各省、自治区、直辖市人民政府：",
        "国办发〔2024〕1号",
    ),
}


@pytest.mark.parametrize("case", sorted(OWN_NUMBERS))
def test_the_plans_own_number_is_read_where_copies_print_it(case: str) -> None:
    """Issue 12, classes 5 and 8: the 发文字号 wrapped in brackets, run on after an infobox
    key (文件编号 of a county's disclosure table, its cells bordered by " | "), or printed
    after the title on the title line, as database and repost copies set it."""
    source, number = OWN_NUMBERS[case]
    found = metadata(source).doc_number
    assert found is not None and found.normal == number


@pytest.mark.parametrize(
    ("source", "issued"),
    [
        pytest.param(
            "镇江市人民政府办公室关于加快发展养老服务业的实施意见\n政策\n发布部门:市政府办公室\n"
            "发布时间:2015年12月11日\n政策文号:镇政办发〔2015〕212号\n各辖市、区人民政府：\n",
            "2015-12-11",
            id="policy-database-镇政办发〔2015〕212号",
        ),
        pytest.param(
            "国务院办公厅关于发展银发经济增进老年人福祉的意见OpinionsoftheGeneralOffice"
            "制定机关:国务院办公厅发文字号:国办发20241号公布日期:2024.01.11施行日期:2024.01.11",
            "2024-01-11",
            id="bilingual-edition-国办发〔2024〕1号",
        ),
    ],
)
def test_a_database_record_that_gives_the_number_dates_the_document(
    source: str, issued: str
) -> None:
    """Issue 12, class 8: with no signature printed, a record's date is the document's
    where the record gives its number too (a repost page's date alone is not)."""
    assert str(metadata(source).issued) == issued


def test_the_title_a_number_follows_on_its_line_is_the_documents() -> None:
    """A copy that sets the title only as the head of its first line, the number after it
    in brackets and the addressees run on (a bilingual docx excerpt)."""
    source = (
        "【中英文对照版】关于发展银发经济增进老年人福祉的意见.docx\n"
        "国务院办公厅关于发展银发 经济增进老年人福祉的意见(国办发(2024) 1号)各省、自治区、直辖市人民"
        " 政府，国务院各部委、各直 属机构：银发经济是向老年人提供产 品或服务的经济活动。"
    )
    found = metadata(source)
    assert found.title == "国务院办公厅关于发展银发经济增进老年人福祉的意见"
    assert found.doc_number is not None and found.doc_number.normal == "国办发〔2024〕1号"


def test_a_number_after_a_title_running_into_its_basis_is_the_parents() -> None:
    source = (
        "西咸新区推进“一老一小”工作实施方案为贯彻落实国务院办公厅关于促进养老托育服务健康发展的意见"
        "(国办发(2023)52号)精神，结合新区实际，制定本实施方案。"
    )
    assert metadata(source).doc_number is None


ARTICLES = {
    "dated-line-chongqing": (
        "中国政府网 | 重庆市人民政府\n\n回眸“十三五”:求新求变求突破,养老服务体系取得新发展\n\n"
        "日期:2021-01-04\n\n    牵头编制《养老产业发展规划(2019—2035年)》，统筹布局。",
        "回眸“十三五”：求新求变求突破，养老服务体系取得新发展",
        "2021-01-04",
    ),
    "byline-xinhua": (
        "为祖国花朵护航!健康儿童行动五年新目标来了\n\n"
        "来源:  新华社微博       作者:田晓航 彭韵佳      发布时间:2021-11-5 16:33  |  \n\n"
        "国家卫健委5日发布《健康儿童行动提升计划(2021—2025年)》，提出系列目标。",
        "为祖国花朵护航！健康儿童行动五年新目标来了",
        "2021-11-05",
    ),
    "time-stamp-line-wuhan": (
        "您的位置:首頁 >要聞 >\n\n武漢計劃到2025年每個街道至少建成一所普惠性托育機構\n\n"
        "2022-12-28 08:03:18    來源:楚天都市報\n\n極目新聞記者昨日獲悉，武漢出台實施方案。",
        "武汉计划到2025年每个街道至少建成一所普惠性托育机构",
        "2022-12-28",
    ),
    "site-name-before-the-date-hunan": (
        "“健康湖南行動(dòng)”啟動(dòng) 將實(shí)施15項重大專(zhuān)項行動(dòng)\n\n"
        "湖南省人民政府門(mén)戶(hù)網(wǎng)站 www.hzjialian.com 發(fā)布時(shí)間: 2019-12-26 07:48 【字體:\n\n"
        "  12月25日下午，省衛生健康委、省教育廳、省體育局聯合召開健康湖南行動新聞發布會。",
        "“健康湖南行动”启动将实施15项重大专项行动",
        "2019-12-26",
    ),
    "organ-page-zhengzhou": (
        "查询间隔10秒\n市卫生健康系统全面启动托育机构建设工作\n"
        "来源:市卫健委  时间:2021-06-22 09:31:25  \n\n各区至少确定1家区属医疗单位开办托育机构。",
        "市卫生健康系统全面启动托育机构建设工作",
        "2021-06-22",
    ),
    "news-page-date-in-characters": (
        "兩部門發文推進養老服務設施布局規劃編制\n\n發布時間:2025年07月28日22:24 來源: 新華社\n\n"
        "新華社北京7月28日電 記者28日從民政部獲悉，民政部、自然資源部近日聯合印發通知。",
        "两部门发文推进养老服务设施布局规划编制",
        "2025-07-28",
    ),
    "interpretation-erlianhaote": (
        "无障碍浏览 长者模式\n\n《〈政府工作报告〉2024年重点工作任务分工方案》政策解读\n\n"
        "发布日期:2024-04-02 15:35 点击量:10\n\n来源:二连浩特市政府办\n",
        "《〈政府工作报告〉2024年重点工作任务分工方案》政策解读",
        "2024-04-02",
    ),
}


@pytest.mark.parametrize("case", sorted(ARTICLES))
def test_a_page_that_is_itself_the_document_is_titled_and_dated_by_its_headline(
    case: str,
) -> None:
    """Issue 12, class 8: a news report or 解读 prints no document title of its own; its
    headline, above the page's article line, is its title and the article date its date."""
    source, title, issued = ARTICLES[case]
    found = metadata(source)
    assert (found.title, str(found.issued)) == (title, issued)
    assert found.title_quote is not None and found.issued_quote is not None


def test_a_byline_without_a_date_marks_the_headline_opening_the_text() -> None:
    source = (
        "「十四五」國民健康規劃公佈 提出中國人均預期壽命將達80歲以上\n撰文:陳進安\n出版:更新:\n"
        "國務院辦公廳印發的《「十四五」國民健康規劃》全文於周五(20日)公佈。"
    )
    found = metadata(source)
    assert (found.title, found.issued) == (
        "「十四五」国民健康规划公布提出中国人均预期寿命将达80岁以上",
        None,
    )
    prose = "各区县人民政府：\n一、保障措施\n加大资金投入力度，统筹安排专项资金\n来源：市级财政\n"
    assert metadata(prose).title is None  # the line above is not the text's first


NEWSPAPER_REPORTS = {
    "e-paper-page-under-its-navigation": (
        "第A4版:城事 上一版3  4下一版\n标题导航\n\n2019年01月12日 星期六  \n下一篇 4 放大 缩小 默认\n\n"
        "2018年10个民生实事项目全面落实\n\n    本报讯(记者 房伟) 昨日下午,市人大常委会举行2018年度"
        "重要情况通报会。\n\n    区域性居家养老服务中心建设。全年建成区域性居家养老服务中心20个。\n",
        "2018年10个民生实事项目全面落实",
    ),
    "byline-without-a-reporter": (
        "全市民生工程建设大提速上半年完成投资19.62亿元，超序时进度24.9%\n"
        "本报讯 关系到老百姓生活幸福指数的民生工程历来备受关注。今年上半年，民生工程成绩如何？\n",
        "全市民生工程建设大提速上半年完成投资19.62亿元，超序时进度24.9%",
    ),
    "reporter-in-brackets": (
        "首页>新闻>要闻\n养老服务设施建设专项行动启动\n\n"
        "（记者李琳）近日，市民政局启动养老服务设施建设专项行动，需要参加的工作共计12项。\n",
        "养老服务设施建设专项行动启动",
    ),
    "byline-opening-the-copy": (
        "中福养老网讯生活日报10月16日讯记者从省老龄办今天举办的新闻通报会上获悉，截至2014年底，"
        "我省60岁以上老年人口达1800万。\n相关文章\n",
        None,
    ),
    "path-line-above-the-byline": (
        "您的位置: 新闻网首页 » 新闻 » 要闻\n本报讯（记者 梁晶晶）近日，我市召开养老服务联席会议。\n",
        None,
    ),
}


@pytest.mark.parametrize("case", sorted(NEWSPAPER_REPORTS))
def test_a_newspaper_report_is_titled_by_the_headline_over_its_byline(case: str) -> None:
    """Issue 12, class 8: a report that opens its first paragraph with the paper's or the
    reporter's byline (本报讯, （记者…）) and prints no article line is titled by the headline
    over it, and not dated; a byline opening the copy or under a site's path has no headline."""
    source, title = NEWSPAPER_REPORTS[case]
    found = metadata(source)
    assert (found.title, found.issued, found.doc_number) == (title, None, None)
    if title is not None:
        assert found.title_quote is not None
        assert normalize_text(found.title_quote.text).text == title


def test_a_source_line_above_the_page_date_is_no_headline() -> None:
    """Issue 12, class 8: an article line's fields set one a line (來源：… over the time stamp)
    are the page's header, not its headline: the repost gets neither a title from its source
    nor the repost's time stamp as a date."""
    source = (
        "來(lái)源:萊蕪新聞網(wǎng)\n2017-10-24 11:08:10\n"
        "原標(biāo)題:2020年萊蕪市老年人同步邁入全面小康社會(huì)\n"
        "10月22日,記者從市老齡辦獲悉,《萊蕪市“十三五”老齡事業發展和養老體系建設規劃》近日已由市人民政府印發。\n"
    )
    found = metadata(source)
    assert (found.issued, found.doc_number) == (None, None)
    assert found.title is None or "来源" not in found.title


def test_a_headline_wins_over_the_plan_the_article_names() -> None:
    source = (
        "您现在的位置是:首页 > 精选问答 >正文\n\n浙江出台这一发展规划,减轻家庭生育养育负担\n\n"
        "发布时间:2023-01-11 16:34:14孔进利来源:\n\n"
        "导读原标题：近日，省卫生健康委、省发展改革委联合印发《浙江省“十四五”托育服务发展规划》。"
    )
    found = metadata(source)
    assert (found.title, str(found.issued)) == (
        "浙江出台这一发展规划，减轻家庭生育养育负担",
        "2023-01-11",
    )


@pytest.mark.parametrize(
    ("source", "day"),
    [
        (  # guangdong 常务会议 page (tune set): the year in the sentence
            "市政府召開十屆144次常務會議\n\n發布時間:2011-01-19 09:33:32 來源:本網\n瀏覽字號:\n\n"
            '研究加強"十二五"社會養老服務工作\n\n'
            "  2011年1月4日,李汝求市長主持召開十屆144次市政府常務會議,學習貫徹廣東省社會養老服務"
            "工作會議精神。\n",
            date(2011, 1, 4),
        ),
        (  # 鹤壁 report (c2158.cn; its 來源: ? 2021-07-12 line keyed here): the page's year
            "我市健康養老產業發展領導小組工作推進會召開\n發布時間:2021-07-12 14:53:02\n"
            "7月9日,我市健康養老產業發展領導小組工作推進會召開。市委常委、組織部部長田開勝參加。\n",
            date(2021, 7, 9),
        ),
    ],
)
def test_a_page_reporting_a_meeting_is_dated_by_the_meeting(source: str, day: date) -> None:
    """A report on a meeting, its headline …召开…会议, is the meeting's record: the day its
    opening sentence gives, not the day the page was posted."""
    assert metadata(source).issued == day


def test_a_page_on_a_news_conference_is_dated_by_the_page() -> None:
    """A headline that names what a conference presented, not the meeting, keeps the page's
    date (the 健康湖南行动 page, tune set: the conference the day before)."""
    source = (
        "“健康湖南行動”啟動 將實施15項重大專項行動\n\n"
        "湖南省人民政府門戶網站 發布時間: 2019-12-26 07:48\n\n"
        "  12月25日下午,省衛生健康委、省教育廳、省體育局在長沙聯合召開健康湖南行動新聞發布會。\n"
    )
    assert metadata(source).issued == date(2019, 12, 26)


def test_a_page_reporting_a_meeting_is_dated_by_the_meeting_only_before_posting() -> None:
    """A meeting day after the page's date is not the meeting the page reports."""
    source = (
        "市政府召开常务会议\n发布时间：2021-07-12 14:53\n7月19日，市长主持召开市政府常务会议。\n"
    )
    assert metadata(source).issued == date(2021, 7, 12)


def test_a_page_headed_by_a_cover_notice_reposts_the_plan() -> None:
    """刚刚！三部门印发《X》的通知 over a repost: the document is X, and the page's date is
    not X's."""
    source = (
        "您所在的位置: 首页   >   新闻中心   >   行业资讯\n\n"
        "刚刚!三部门印发《“十四五”积极应对人口老龄化工程和托育建设实施方案》的通知\n"
        "发布时间:2021-06-25   浏览量:857\n\n"
        "为推进实施积极应对人口老龄化国家战略，根据《国家积极应对人口老龄化中长期规划》，制定本方案。"
    )
    found = metadata(source)
    assert found.title == "“十四五”积极应对人口老龄化工程和托育建设实施方案"
    assert found.issued is None


def test_a_reposted_document_keeps_its_own_title_and_not_the_page_date() -> None:
    source = (
        "国务院办公厅关于发展银发经济增进老年人福祉的意见\n发布时间:2024-01-23\n"
        "各省、自治区、直辖市人民政府，国务院各部委、各直属机构：\n银发经济是向老年人提供产品或服务的经济活动。"
    )
    found = metadata(source)
    assert (found.title, found.issued) == ("国务院办公厅关于发展银发经济增进老年人福祉的意见", None)


@pytest.mark.parametrize(
    "source",
    [
        pytest.param(
            "据介绍，近年来，吉林省有力推动全省养老服务事业和产业不断发展，先后制定出台了"
            "《关于建立健全养老服务综合监管制度促进养老服务高质量发展的实施意见》等政策文件。",
            id="achievement-jilin",
        ),
        pytest.param(
            "朗读\n一、背景和意义\n2019年4月，国务院办公厅印发了"
            "《关于促进3岁以下婴幼儿照护服务发展的指导意见》，这是做好当前工作的重要依据。",
            id="dated-parent-xinchang",
        ),
    ],
)
def test_an_earlier_document_the_prose_names_is_no_title(source: str) -> None:
    """A text that prints no title of its own (a news excerpt, a 解读 cut before its title)
    gets none from an earlier document its prose names; the plan a 解读 explains
    (起草了《X方案》) stays its title."""
    assert metadata(source).title is None
    explained = "市发展改革委会同市民政局起草了《昆明市促进养老托育服务体系发展整体解决方案》。"
    assert metadata(explained).title == "昆明市促进养老托育服务体系发展整体解决方案"


def test_a_basis_listed_under_the_head_gives_no_title_and_no_number() -> None:
    """A document listed as a basis, on a line of its own with its number, is cited: the
    plan that lists it prints neither title nor number of its own here."""
    source = (
        "各乡镇人民政府，县政府各部门：\n为做好养老服务工作，现将有关依据列出如下：\n"
        "根据国务院办公厅关于促进养老托育服务健康发展的意见\n"
        "1.国务院办公厅关于推进养老服务发展的意见（国办发〔2019〕5号）\n"
    )
    found = metadata(source)
    assert (found.title, found.doc_number) == (None, None)


def test_a_number_a_citation_keys_in_prose_is_not_the_plans() -> None:
    source = (
        "青岚县养老服务实施方案\n为贯彻落实《国务院办公厅关于促进养老托育服务健康发展的意见》"
        "（文号：国办发〔2020〕52号），制定本方案。"
    )
    assert metadata(source).doc_number is None


def test_a_copy_of_a_cover_notice_without_its_title_names_the_plan_it_carries() -> None:
    """The notice body alone (its title line not copied): the plan it carries is named, not
    printed, so the copy has no title; the plan still tells where the notice is from."""
    source = (
        "各开发区、各街镇：\n为满足老年人养老服务需求，区民政局、区财政局结合实际制定了"
        "《滨海新区关于鼓励扶持社会力量开办或运营社区老年日间照料服务中心的实施方案》,现印发实施。"
        "请各单位、各部门结合实际,积极组织落实。\n区民政局区财政局\n2019年7月4日\n"
    )
    found = metadata(source)
    assert found.title is None
    assert (
        found.carried == "滨海新区关于鼓励扶持社会力量开办或运营社区老年日间照料服务中心的实施方案"
    )


def test_a_validity_notice_gives_the_plan_no_number() -> None:
    source = (
        "临沧市促进养老托育服务健康发展实施方案\n"
        "（经临政发〔2024〕2号清理，继续有效）\n截至2020年底，全市60岁以上老年人达33.8万人。"
    )
    assert metadata(source).doc_number is None


@pytest.mark.parametrize(
    ("number", "region"),
    [
        ("国发〔2016〕87号", "中国"),
        ("豫政办〔2021〕50号", "河南省"),
        ("万州府办发〔2022〕97号", "重庆市万州区"),
        ("市政办发〔2023〕1号", None),  # 市…: "this city's", names no place
        ("青岚府办发〔2023〕5号", None),  # a code the table does not know
    ],
)
def test_a_plan_whose_title_names_no_region_is_for_its_issuer_codes(
    number: str, region: str | None
) -> None:
    parsed = parse_doc_number(number)
    assert region_of_code(parsed, load_lexicon().issuers) == region


@pytest.mark.parametrize(
    ("title", "region"),
    [
        ("国务院办公厅关于发展银发经济增进老年人福祉的意见", "中国"),
        ("中共中央 国务院关于深化养老服务改革发展的意见", "中国"),
        ("民政部关于进一步扩大养老服务供给促进养老服务消费的实施意见", "中国"),
        ("关于命名2022年全国示范性老年友好型社区的通知", None),  # opens with no issuer
    ],
)
def test_a_title_that_opens_with_a_national_organ_is_national(
    title: str, region: str | None
) -> None:
    """National organs carry no place name: a plan they issue is for 中国 though its title
    and number (often not printed in copies) name no region."""
    assert region_of_issuer((title, None), load_lexicon().issuers) == region


@pytest.mark.parametrize("written", ["成文日期： 2022年02月07日", "成文日期：2022-02-07"])
def test_the_date_of_a_metadata_table_is_read_in_either_form(written: str) -> None:
    source = f"关于印发“十四五”健康老龄化规划的通知\n{written}\n各省、自治区、直辖市卫生健康委：\n"
    assert str(metadata(source).issued) == "2022-02-07"


def test_a_government_organs_page_dates_the_text_it_publishes() -> None:
    """Issue 12, class 8: the article line of an organ's own page (信息来源：县民政局) dates a
    text that prints no signature; a repost site's (来源：本网, …官网) does not."""
    body = (
        "海盐县关于推进养老服务高质量发展的工作方案（征求意见稿）\n\n"
        "  • 发布时间： 2022-04-18 09： 47\n  • {source}\n  • 浏览次数：\n\n"
        "推进养老服务高质量发展是积极应对人口老龄化社会的必由之路。"
    )
    found = metadata(body.format(source="信息来源： 县民政局"))
    assert str(found.issued) == "2022-04-18" and found.issued_quote is not None
    for repost in ("来源：本网", "来源：天津市政府官网", "浏览次数："):
        assert metadata(body.format(source=repost)).issued is None


def test_a_bare_time_key_dates_a_page_only_beside_an_organ_source() -> None:
    """时间 keys the article line of an organ's page (来源：市卫健委  时间：2021-06-22 09:31:25 on
    the Zhengzhou health commission's); beside an outlet's 来源 it dates no text."""
    source = (
        "查询间隔10秒\n市卫生健康系统全面启动托育机构建设工作\n"
        "来源：{source}  时间：2021-06-22 09:31:25  \n\n各区至少确定1家区属医疗单位开办托育机构。"
    )
    assert str(metadata(source.format(source="市卫健委")).issued) == "2021-06-22"
    assert metadata(source.format(source="本网")).issued is None


@pytest.mark.parametrize(
    ("source", "title"),
    [
        pytest.param(
            "2021年重大民生实事项目目标任务责任分解表.docx\n《2021年重大民生实事项目目标任务责任"
            "分解表.docx》由会员分享，可在线阅读。\n1、2021年重大民生实事项目目标任务责任分解表序号"
            "项目名称主要内容牵头单位",
            "2021年重大民生实事项目目标任务责任分解表",
            id="file-name-line-zhonglou",
        ),
        pytest.param(
            "【中英文对照版】关于发展银发经济增进老年人福祉的意见.docx\n银发经济是向老年人提供产品的经济活动。",
            "关于发展银发经济增进老年人福祉的意见",
            id="labelled-file-name",
        ),
    ],
)
def test_a_sharing_sites_file_name_titles_a_copy_without_a_title_line(
    source: str, title: str
) -> None:
    """Issue 12, class 5/8: a document-sharing site heads its flattened copy with the file's
    name (X.docx, 《X.docx》由会员分享); X is the title where no title line is printed."""
    assert metadata(source).title == title


def test_a_headline_printed_twice_before_its_byline_is_the_title() -> None:
    """A page flattened onto one line prints its headline as the last crumb and as its
    heading (the Shanxi news item); the doubled run, once, is the title."""
    source = (
        "武陵观察网 财经 山西城镇社区养老机构2025年实现全覆盖 山西城镇社区养老机构2025年实现全覆盖"
        " 作者: hao333 发布:2023-03-21 11:13:16 日前，山西省发布《关于加强新时代老龄工作的实施意见》。"
    )
    found = metadata(source)
    assert (found.title, found.issued) == ("山西城镇社区养老机构2025年实现全覆盖", None)
    once = (
        "武陵观察网 财经 山西城镇社区养老机构2025年实现全覆盖 作者: hao333 日前，山西省发布通知。"
    )
    assert metadata(once).title is None


def test_a_table_is_titled_by_the_line_above_its_header_row() -> None:
    """A table issued as a document of its own (the Haian progress table, the Nanling task
    table) is titled on the line right above its 序号 | header row; a line ending in 表
    over prose is not a title."""
    source = (
        "海安市民政局2023年民生实事项目实施进度表\n序号 |\n责任单位 |\n实施内容 |\n15 |\n民政局 |\n"
        "新增民营养老机构不少于2家、养老床位不少于300张。 |\n"
    )
    assert metadata(source).title == "海安市民政局2023年民生实事项目实施进度表"
    prose = "详见海安市民政局2023年民生实事项目实施进度表\n新增养老床位不少于300张。\n"
    assert metadata(prose).title is None


@pytest.mark.parametrize(
    ("source", "issuers"),
    [
        (
            "中共武功县委办公室 武功县人民政府办公室关于印发《武功县“一老一小”整体解决方案》的通知\n",
            ("中共武功县委办公室", "武功县人民政府办公室"),
        ),
        ("泸溪县人民政府办公室关于印发泸溪县养老服务实施方案的通知\n", ("泸溪县人民政府办公室",)),
        (
            "湘西土家族苗族自治州人民政府办公室\n2023年5月6日\n",
            ("湘西土家族苗族自治州人民政府办公室",),
        ),
    ],
)
def test_joint_issuers_stay_apart(source: str, issuers: tuple[str, ...]) -> None:
    """A party committee and a government that issue together (两办), their names run into
    one by normalising, are two issuers; one issuer's name is not cut."""
    assert metadata(source).issuers == issuers


@pytest.mark.parametrize(
    ("source", "day"),
    [
        (
            "关于调整报名时间的通知\n报名截止时间调整至8月20日。\n"
            "南宁市人力资源和社会保障局 2026 年 7 月 2 日（此件公开发布）\n",
            date(2026, 7, 2),
        ),
        (
            "各处室：现将领导工作分工通知如下：一、主持委全面工作。"
            "福建省经济和信息化委员会2017年7月21日（此件主动公开）,政务,2017-08-15 19:05:47\n",
            date(2017, 7, 21),
        ),
        ("请认真抓好组织实施。\n国务院办公厅 2018年12月23日\n", date(2018, 12, 23)),
        ("请认真抓好组织实施。\n国务院办公厅\n2018年12月23日（本文有删减）\n", date(2018, 12, 23)),
        (
            "请认真组织实施。\n国务院办公厅　中央军委办公厅\n一九九六年六月二十九日\n",
            date(1996, 6, 29),
        ),
    ],
)
def test_a_signature_date_sharing_its_line_dates_the_document(source: str, day: date) -> None:
    """A copy that lost the signature's line breaks prints the signer and the date on one
    line, or runs the release mark (（此件公开发布）) onto the date: still the signature."""
    assert metadata(source).issued == day


def test_a_date_in_running_prose_is_no_signature() -> None:
    """A meeting's date opening a sentence, or a date a body name precedes inside a
    sentence, does not date the document: the date must end its line or carry the mark."""
    assert metadata("2011年1月4日，李汝求市长主持召开十届144次市政府常务会议。\n").issued is None
    assert metadata("规划经市民政局2021年12月20日审议，现印发实施。\n").issued is None


@pytest.mark.parametrize(
    ("source", "title"),
    [
        (
            "关于印发《阿拉山口市人民政府工作规则》的通知\n阿市政发〔2016〕83号\n"
            "艾比湖镇人民政府,市人民政府各部门:\n《阿拉山口市人民政府工作规则》已经2016年10月7日"
            "阿拉山口市第二届人民政府第二次常务会议通过,现予印发,请认真遵照执行。\n"
            "阿拉山口市人民政府\n2016年10月14日\n阿 拉 山 口 市 人 民 政 府 工 作 规 则\n第一章 总则\n",
            "阿拉山口市人民政府工作规则",
        ),
        (
            "山东省农业发展信贷担保有限责任公司 关于印发《博兴县数字设施渔业产业园 担保服务方案》的通知\n"
            "滨州管理中心:\n《博兴县数字设施渔业产业园担保服务方案》已于2024年3月22日经公司评审会审批"
            "通过，并于即日起施行，现予印发，请认真抓好贯彻落实。\n山东省农业发展信贷担保有限责任公司\n"
            "2024年3月27日\n博兴县数字设施渔业产业园担保服务方案\n一、服务对象\n",
            "博兴县数字设施渔业产业园担保服务方案",
        ),
    ],
)
def test_a_document_issued_with_xianyu_yinfa_is_titled_by_its_own_heading(
    source: str, title: str
) -> None:
    """现予印发 issues the document named in 《》 as 印发给你们 does; printed under its own
    heading after the notice (letter-spaced or not), that document is the title."""
    assert metadata(source).title == title


@pytest.mark.parametrize(
    ("source", "title"),
    [
        (
            "国务院办公厅关于开展\n城镇小区配套幼儿园治理工作的通知\n国办发〔2019〕3号\n"
            "各省、自治区、直辖市人民政府，国务院各部委、各直属机构：\n",
            "国务院办公厅关于开展城镇小区配套幼儿园治理工作的通知",
        ),
        (
            "国务院关于支持自由贸易试验区\n深化改革创新若干措施的通知\n国发〔2018〕38号\n"
            "各省、自治区、直辖市人民政府，国务院各部委、各直属机构：\n",
            "国务院关于支持自由贸易试验区深化改革创新若干措施的通知",
        ),
    ],
)
def test_a_notice_title_set_on_two_lines_is_one_title(source: str, title: str) -> None:
    """A notice that is itself the document, its long title centred on two lines (gov.cn
    copies, tune set), keeps its title in a copy without the site's metadata table."""
    assert metadata(source).title == title


def test_a_cover_notice_on_two_lines_is_not_its_own_title() -> None:
    """关于印发…的通知 on two lines carries the plan printed under it: the plan is the title."""
    source = (
        "国务院关于印发国家职业教育改革\n实施方案的通知\n国发〔2019〕4号\n"
        "现将《国家职业教育改革实施方案》印发给你们，请认真贯彻执行。\n国务院\n2019年1月24日\n"
        "国家职业教育改革实施方案\n"
    )
    assert metadata(source).title == "国家职业教育改革实施方案"


def test_a_page_path_is_no_title_and_a_slashed_date_dates_the_page() -> None:
    """The NDRC's 纲要 解读 page (tune set): its path ends in a kind word (…国家发展战略和规划)
    and its article line writes the date with slashes; the headline under the path is the
    title and the article line's date the page's."""
    source = (
        "首页 > 发展改革工作 > 发展战略和规划 > 国家发展战略和规划\n\n"
        "“十四五”规划《纲要》解读文章之31|实施就业优先战略\n\n"
        "发布时间:2021/12/25\n来源:规划司\n[ 打印 ]\n\n"
        "  就业是最大的民生。《纲要》把实施就业优先战略作为增进民生福祉的重要任务。\n"
    )
    found = metadata(source)
    assert (found.title, found.issued) == (
        "“十四五”规划《纲要》解读文章之31|实施就业优先战略",
        date(2021, 12, 25),
    )


def test_a_slashed_date_needs_one_separator() -> None:
    """2021/12-25 mixes two ways of writing a date: no article line date."""
    source = "某市养老服务动态\n发布时间:2021/12-25\n来源:市民政局\n"
    assert metadata(source).issued is None


@pytest.mark.parametrize(
    "source",
    [
        "國務院辦公廳日前印發《體育強國建設綱要》(以下簡稱《綱要》)。\n",  # 体育强国 news repost, tune
        "近日,内蒙古自治区民政厅、自治区发展和改革委员会等6部门联合印发"
        "《加快发展牧区养老服务的实施方案》。\n",  # 牧区养老 news, tune
    ],
)
def test_a_news_report_of_an_issue_is_not_the_document(source: str) -> None:
    """日前/近日…印发《X》 reports X's issue: a page that prints no headline of its own is
    not titled X."""
    assert metadata(source).title is None


def test_an_interpretation_still_names_the_plan_it_explains() -> None:
    """起草了《X》 without a news time word: the 解读 explains X."""
    source = "市发展改革委会同市民政局起草了《昆明市促进养老托育服务体系发展整体解决方案》。\n"
    assert metadata(source).title == "昆明市促进养老托育服务体系发展整体解决方案"


@pytest.mark.parametrize(
    ("source", "title"),
    [
        (
            "(原标题:国务院印发“十三五”促进就业规划)\n据中国政府网6日消息,国务院近日印发"
            "“十三五”促进就业规划的通知。\n",
            "国务院印发“十三五”促进就业规划",
        ),
        (
            "（原标题：外媒盘点全球140个最宜居城市：北京上海广州等上榜）\n"
            "参考消息网8月15日报道 外媒称，英国《经济学人》杂志公布全球140个最宜居城市榜单。\n",
            "外媒盘点全球140个最宜居城市：北京上海广州等上榜",
        ),
    ],
)
def test_a_news_copy_opening_with_its_original_headline_is_titled_by_it(
    source: str, title: str
) -> None:
    """（原标题：X） opening a news copy names the copy; further down it names nothing."""
    assert metadata(source).title == title
    assert metadata("据中国政府网6日消息，规划印发。\n" + source).title is None


def test_a_county_division_of_its_work_report_is_the_title_its_notice_carries() -> None:
    """…关于印发2023年政府工作报告重点工作责任分解的通知 (长兴, tune): a 责任分解 is a document
    of its own, the title the notice carries, as a 分解表 is."""
    source = (
        "长兴县人民政府办公室关于印发2023年政府工作报告重点工作责任分解的通知\n\n"
        "各乡镇人民政府(街道办事处、园区管委会),县政府直属各单位:\n\n"
        "2023年政府工作报告重点工作责任分解》已经县政府同意,现印发给你们,请认真贯彻执行。\n"
    )
    assert metadata(source).title == "2023年政府工作报告重点工作责任分解"


COVER_NOTICE_ON_TWO_LINES = (
    "国务院关于印发国家职业教育改革\n实施方案的通知\n国发〔2019〕4号\n"
    "各省、自治区、直辖市人民政府，国务院各部委、各直属机构：\n"
    "现将《国家职业教育改革实施方案》印发给你们，请认真贯彻执行。\n国务院\n2019年1月24日\n"
)
"""The gov.cn copy of 国发〔2019〕4号 (tune set) without its metadata table and its plan."""


def test_a_cover_notice_on_two_lines_alone_is_the_title() -> None:
    """A copy of the cover notice alone, its title centred on two lines: the notice, joined."""
    found = metadata(COVER_NOTICE_ON_TWO_LINES)
    assert found.title == "国务院关于印发国家职业教育改革实施方案的通知"
    assert found.title_quote is not None
    assert found.title_quote.text == "国务院关于印发国家职业教育改革\n实施方案的通知"


def test_an_original_headline_printed_without_brackets_titles_the_copy() -> None:
    """原标题:X opening a repost without the brackets (the Lanzhou 条例 decision's news page,
    tune): X is the copy's title; further down the line names nothing."""
    source = (
        "原标题:甘肃省人民代表大会常务委员会关于批准《兰州市养老服务条例》的决定\n"
        "甘肃省第十四届人民代表大会常务委员会第十六次会议对兰州市人民代表大会常务委员会报请批准的"
        "《兰州市养老服务条例》进行了审查,现决定予以批准。\n"
    )
    assert (
        metadata(source).title == "甘肃省人民代表大会常务委员会关于批准《兰州市养老服务条例》的决定"
    )
    assert metadata("据兰州日报消息，条例获批。\n" + source).title is None


LAW_PROMULGATED = (
    "南京市人民代表大会常务委员会公告(第25号)\n"
    "《南京市养老服务条例》已由南京市第十六届人民代表大会常务委员会第十九次会议于2019年12月27日通过,"
    "现予公布,自2020年7月1日起施行。\n"
    "南京市人民代表大会常务委员会\n2020年1月16日\n目录\n第一章总则\n"
)
"""The promulgation notice (公告) the Nanjing 养老服务条例's page prints under the law's
adoption note (tune set), signed after the adoption."""


@pytest.mark.parametrize(
    ("source", "day"),
    [
        (
            "(2019年12月27日南京市第十六届人民代表大会常务委员会第十九次会议通过,"
            "2020年1月9日江苏省第十三届人民代表大会常务委员会第十三次会议批准)\n" + LAW_PROMULGATED,
            date(2019, 12, 27),
        ),
        (
            "原标题:甘肃省人民代表大会常务委员会关于批准《兰州市养老服务条例》的决定\n"
            "(2025年5月28日甘肃省第十四届人民代表大会常务委员会第十六次会议通过)\n"
            + LAW_PROMULGATED,
            date(2025, 5, 28),
        ),
        (
            "土地复垦条例实施办法\n（2012年12月11日国土资源部第4次部务会议审议通过）\n"
            "第一章 总则\n第一条 为保证土地复垦的有效实施，制定本办法。\n国土资源部\n2012年12月27日\n",
            date(2012, 12, 11),
        ),
        (LAW_PROMULGATED, date(2020, 1, 16)),
        (
            LAW_PROMULGATED + "南京市养老服务条例\n"
            "(2019年12月27日南京市第十六届人民代表大会常务委员会第十九次会议通过)\n",
            date(2020, 1, 16),
        ),
    ],
)
def test_a_law_is_dated_by_the_adoption_note_under_its_title(source: str, day: date) -> None:
    """The bracketed 会议通过 note on a law's or decision's first line, or under its title,
    dates it before the 公告 signed later; a note further down is a carried law's."""
    assert metadata(source).issued == day


def test_a_cover_notice_of_no_plan_kind_without_brackets_is_the_title() -> None:
    """关于印发X应急预案(试行)的通知 as a page's headline, the 预案 in no 《》 (the Qinghai
    joint notice's repost, tune): the notice is the title; the repost's time stamp dates
    nothing, the signature in ○ numerals dates it."""
    source = (
        "关于印发青海省应对甲型H1N1流感流行应急预案(试行)的通知\n\n06.05.2014  20:16\n\n"
        "各自治州卫生局:\n\n为有效应对甲型H1N1流感疫情的发生和蔓延,省卫生厅联合制定了"
        "《青海省应对甲型H1N1流感流行应急预案(试行)》,现印发给你们,请认真贯彻执行。\n\n"
        "青海省卫生厅                        青海省发展和改革委员会\n\n"
        "                                    二○○九年五月一日\n"
    )
    found = metadata(source)
    assert found.title == "关于印发青海省应对甲型H1N1流感流行应急预案（试行）的通知"
    assert found.issued == date(2009, 5, 1)
