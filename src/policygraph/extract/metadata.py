"""Document metadata: title, 发文字号, date of issue, issuer and jurisdiction.

Where a government site's metadata table is present (`[ 发文字号 ] …`,
`成文日期：…`) it wins over the body, whose copies are often garbled. A table a
reader took from a page's structure (`Source.metadata`, passed as `given`) wins
over table lines found in the text.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass
from datetime import date
from functools import cache

from policygraph.cues import cue_pattern, words_with
from policygraph.document_kinds import (
    ARTICLE_LINE_KEYS,
    DATED_LINE_KEYS,
    DRAFT_MARKS,
    PLAN_KINDS,
    TABLE_KINDS,
)
from policygraph.extract.citations import (
    ACHIEVEMENT_CUES,
    CARRIED,
    TITLE_IN_BRACKETS,
    UNPRINTED,
    title_key,
)
from policygraph.extract.docnumber import (
    CLOSING_BRACKETS,
    OPENING_BRACKETS,
    RELATIVE_CODE_STARTS,
    find_doc_numbers,
    parse_doc_number,
)
from policygraph.model import DocNumber, Quote, QuoteMaker
from policygraph.numerals import YEAR_ZEROS, chinese_number, written_year
from policygraph.resources import csv_column, resource_dir

HEAD_LENGTH = 1500
"""How far from the top the notice that carries a plan may stand (site headers included)."""
TITLE_WORDS = "|".join((*PLAN_KINDS, *TABLE_KINDS))
TITLE_SUFFIX = (
    r"(?:[（(]\s*20\d{2}\s*年?\s*[-—–－~～至]+\s*20\d{2}\s*年?\s*[）)])?"
    rf"(?:[（(](?:{'|'.join(DRAFT_MARKS)})[）)])?"
)
"""What a title may name after its kind word: the years it runs (国家人口发展规划（2016—2030年）,
中国儿童发展纲要（2021—2030年）), then its stage (（征求意见稿）, (试行))."""
NOTICE_TITLE = re.compile(
    rf"^[^\n。，；]{{0,40}}关于印发《?"
    r"(?P<title>(?:[^《》\n。，；]{0,60}\n[ \t]*)?"
    rf"[^《》\n]{{2,60}}?(?:{TITLE_WORDS}){TITLE_SUFFIX})》?的通知$",
    re.M,
)
"""The notice that carries a plan, on a line of its own: …关于印发《X方案》的通知
(brackets sometimes lost); a notice cited inside a sentence is a citation, not this. A long
notice title is centred on two lines, broken anywhere in the plan's name (国务院关于印发国家职业
教育改革 / 实施方案的通知, 国务院办公厅关于印发国家组织药品 / 集中采购和使用试点方案的通知,
国务院关于印发个人所得税 / 专项附加扣除暂行办法的通知: gov.cn copies, tune set; 临沧市人民政府
办公室关于印发临沧市促进养老托育服务 / 健康发展实施方案的通知, corpus/lincang.txt)."""

NESTED_TITLE_MARKS = str.maketrans("〈〉", "《》")
"""A title quoted inside a title in 《》 takes 〈〉 (关于印发《怀化市贯彻落实〈关于打好经济增长
主动仗…若干政策措施〉实施方案》的通知, jzmfx.com copy of 怀政办发〔2023〕9号; 关于印发〈浙江省
促进残疾人就业行动方案…〉的通知 inside 《》 in the 东阳 notice, dongyang.gov.cn): the plan a
notice carries, out of the notice's 《》, prints it in 《》 again (怀化市贯彻落实《关于打好经济
增长主动仗 / 实现经济运行整体好转的若干政策 / 措施》实施方案, the plan's own title lines)."""

ANY_NOTICE_LINE = re.compile(
    r"^[ \t]*《?(?P<title>[^\n。，；：《》]{0,40}关于印发"
    r"(?:[《〈][^\n。；]{4,80}[》〉]|[^\n。，；：《》〈〉]{4,80})的通知)》?"
    r"[ \t]*$",
    re.M,
)
"""A cover notice on a line of its own whose document is of a kind no plan is issued as
(关于印发《国防科技工业标准制定工作程序(试行)》的通知, law907.infoeach.com copy of 科工法字[2000]
851号; 太湖县人民政府关于印发《太湖县人民政府工作规则》的通知, zwgkw.thx.gov.cn), or a policy
database heads in 《》 with its document in 〈〉 (《北京市人民政府办公厅关于印发〈北京市2016年政务
公开工作要点〉的通知》, 0798ci.com copy of 京政办发〔2016〕26号): the notice is the title the copy
prints, for a text with no other. Government sites print such a notice without the brackets
(关于印发青海省应对甲型H1N1流感流行应急预案(试行)的通知, the headline of a repost of twelve
Qinghai bodies' joint notice, tune set; 省政府办公厅关于印发江苏省突发环境事件应急预案的通知 in a
crawl of the Jiangsu government portal's list of documents)."""

BASIS_OPENING = r"\s*为?了?(?:根据|按照|依据|依照|遵照|贯彻|落实)"
"""How a line that names a document as its basis opens (根据国务院办公厅关于…的意见, 为贯彻落实…):
a sentence cut short by a line break, never a title (关于贯彻落实…的实施意见 opens with 关于)."""

OWN_NOTICE_TITLE = re.compile(
    r"^(?P<title>[^\n。，；：《》]{0,40}关于(?!印发|转发)"
    r"(?:[^\n。，；：《》]{4,80}|[^\n。，；：《》]{0,60}\n[ \t]*[^\n。，；：《》]{2,60})的通知)$",
    re.M,
)
"""A notice that is itself the document, not the cover of another: 关于命名2022年全国示范性
老年友好型社区的通知, 国务院办公厅关于开展城镇小区配套幼儿园治理工作的通知 (not 关于印发…的通知),
on one line or set on two as a printed notice centres a long title (国务院办公厅关于开展 /
城镇小区配套幼儿园治理工作的通知, 国务院办公厅关于对真抓实干成效明显地方 / 进一步加大激励支持
力度的通知, 国务院关于支持自由贸易试验区 / 深化改革创新若干措施的通知: gov.cn copies, tune set,
whose metadata table a copy without one does not have)."""

AS_OF_NOTE = rf"[ \t]*（(?:{cue_pattern('as_of')})[^（）\n]{{1,20}}）"
"""The day a report's title says it reports to, in brackets after it: （截至11月底）, （截至9月底）
(data/cues.csv kind as_of)."""

BULLETIN_TITLE = re.compile(
    r"^[ \t]*(?:[\u4e00-\u9fff]{2,12}〔20\d{2}〕第\d{1,3}期[ \t]*：[ \t]*)?"
    rf"(?P<title>(?:关于)?[^\n。，；：《》]{{4,60}}?(?:{cue_pattern('bulletin_progress')})"
    rf"(?:情况的?)?(?:{cue_pattern('bulletin_kind')}))"
    rf"(?:{AS_OF_NOTE})?[ \t]*$",
    re.M,
)
"""A progress bulletin's title on a line of its own, one that reports how far a programme has
got (data/cues.csv kinds bulletin_progress, bulletin_kind): 关于2023年10月份民生实事项目进展情况
的通报 (the 会昌 bulletin, tune set, its headline on a county's disclosure page), or after the
label of the series it is an issue of, with the day it reports to: 督查通报〔2024〕第9期：关于
恩平市2024年十件民生实事推进情况的通报（截至11月底） (the 恩平 bulletin, tune set). The label's
〔2024〕第9期 numbers an issue, not a document: the title is the 关于… alone. A city's monthly
bulletin names its issuer and period instead of 关于…情况的: 六安市1至9月份民生工程实施进度通报
(the 六安 bulletin, tune set; 六安市1至8月份民生工程实施进度通报 the month before, on the same
site), 巴中市2017年市自选“十件民生实事”1—9月进度公示 (the 巴中 民生工作办公室's page)."""

JOINT_ISSUERS_TITLE = re.compile(
    rf"(?:^|[_|])(?!{BASIS_OPENING})"
    rf"(?P<title>[^\n。，；：《》_|]{{4,200}}?关于[^\n。，；：_|]{{2,80}}"
    rf"(?:{TITLE_WORDS}){TITLE_SUFFIX})$",
    re.M,
)
"""A title that names every issuer of a joint document before 关于, longer than a title
line usually runs: 广东省民政厅 广东省高级人民法院 … 广东省残疾人联合会关于进一步加强事实无人
抚养儿童保障工作的实施意见; also a title a spam line (…_国产精品一区_…) ran into, which
starts after the spam's last separator."""

ITEM_SERIAL = r"^\s*(?:[一二三四五六七八九十]+、|（[一二三四五六七八九十]+）|\d+[.、．])"
"""The serial an item of a list opens with (一、 （一） 1. 2、): a heading, never a line of a
title set on several lines (NOT_TITLE_LINE)."""

STANDALONE_TITLE = re.compile(
    rf"^(?!{BASIS_OPENING})(?!{ITEM_SERIAL.removeprefix('^')})"
    rf"(?P<title>[^\n。，；：>＞]{{6,50}}(?:{TITLE_WORDS}){TITLE_SUFFIX})$",
    re.M,
)
"""The plan title on a line of its own: 临沧市促进养老托育服务健康发展实施方案. A line that
opens with a list serial is an item of a list, as a notice lists its attachments (附件：
1. 《…》的起草说明.pdf / 2. 海盐县关于推进养老服务高质量发展的工作方案（征求意见稿）, the
Haiyan draft, whose own title line follows): the plan's title comes on a line of its own.
A line of a site's path (首页 > 发展改革工作 > 发展战略和规划 > 国家发展战略和规划, the
NDRC's 纲要 解读 page, tune set; 首頁 >> 政務公開 >> 政府常務會議 over the guangdong 常务会议
page and 首页>寻医·问药>医讯同期声 over the 2019 分工 news, tune set) is no title, whatever
its last crumb."""

DRAFTED_TITLE = re.compile(
    rf"(?:起草了|制定了?|印发了?|出台了?)《(?P<title>[^《》]{{4,60}}(?:{TITLE_WORDS}){TITLE_SUFFIX})》"
)
"""An interpretation (解读) names the plan it explains: 起草了《X方案》. A copy of a cover
notice alone names the plan it carries the same way (制定了《X》，现印发实施): the page is the
notice, whose title the copy does not print."""

FILE_NAME_TITLE = re.compile(
    rf"(?:^|《)(?:【[^】\n]{{1,12}}】)?(?P<title>[^\n《》【】/\\]{{4,80}}?(?:{TITLE_WORDS}){TITLE_SUFFIX})"
    r"\.(?:docx?|wps|pdf)\b",
    re.M,
)
"""The file name a document-sharing site heads its copy with, its label in 【】 aside:
2021年重大民生实事项目目标任务责任分解表.docx (the Zhonglou table, tune set), 【中英文对照版】
关于发展银发经济增进老年人福祉的意见.docx (the bilingual copy, tune set); corpus/xixian.txt opens
《西咸新区推进一老一小工作实施方案.docx》由会员分享 (a line normalize drops as the site's
boilerplate). The document's title, for a copy that prints no title line of its own."""

WRAPPED_LINE = 10
"""How long a line of a title must be to go on after a blank line: a web copy doubles the
breaks of a title that wrapped (懷化市貫徹落實《關于打好經濟增長主動仗 / / 實現經濟運行整體好轉的
若干政策 / / 措施》實施方案, jzmfx.com copy of 怀政办发〔2023〕9号; 湖南省人民政府办公厅关于加强
普通高等学校 / / 毕业生就业工作的通知, xiexiebang.com copy of 湘政办发〔2009〕24号), while a
short line above a blank line is a site's label (相关新闻 over the Guangzhou 实施意见, tune set)."""
TITLE_LINE_BREAK = re.compile(
    rf"(?:\A|\n[ \t]*\n)(?P<title>(?!《)"
    rf"(?:[^\n。，；：、]{{4,40}}\n|[^\n。，；：、]{{{WRAPPED_LINE},40}}\n[ \t]*\n){{1,2}}"
    rf"[^\n。，；：、]{{2,50}}?(?:{TITLE_WORDS}){TITLE_SUFFIX})[ \t]*(?=\n|\Z)"
)
"""A title set on two or three centred lines, as printed plans lay out a long title
(临沧市促进养老托育服务 / 健康发展实施方案; 周口市“一老一小” / 整体解决方案): short lines without
sentence punctuation, after a blank line or the start, the last ending in a kind word. A
line of two or three characters above a title is a label (中文名, 名称), not half of it."""

DRAFT_MARK_LINE = re.compile(
    rf"[ \t]*\n[ \t]*(?P<mark>（(?:{'|'.join(DRAFT_MARKS)})）)[ \t]*(?=\n|\Z)"
)
"""A title's stage set on the line under it, as a centred heading breaks before its bracket:
汉中市促进银发经济发展的实施意见 / (征求意见稿) (the Hanzhong draft, tune set). Part of the
title, as on one line (海盐县关于推进养老服务高质量发展的工作方案(征求意见稿), tune set)."""

NOT_TITLE_LINE = re.compile(
    rf"{ITEM_SERIAL}"
    r"|\d{4}\s*年|(?:人民政府办公室|人民政府办公厅|人民政府|办公室|委员会)\s*$|^\s*（[^）]*）\s*$"
    r"|\d{4}\s*[〕\]）]\s*\d+\s*号\s*$"
)
"""Lines that stand short and alone but are no part of a title: a heading, a date, an
issuer's signature, a bracketed note (（此件公开发布））, a document's number (穗府〔2015〕27号
over the Guangzhou 实施意见, tune set)."""

NOT_THE_PLAN_ITSELF = ("《", "〈", "印发", "附件：", "附件")
"""What stands before a plan's title where the text names the plan without printing it:
现将《X》印发给你们, the notice repeated (关于印发X的通知), 附件：X."""

DOUBLED_OPENING = re.compile(r"^(.{6,}?)\1")
"""A title whose opening a copy printed twice where a line wrapped
(国务院办公厅关于发展银发经济国务院办公厅关于发展银发经济增进老年人福祉的意见): kept once."""

ISSUE_MONTH = re.compile(r"(?:19|20)\d{2}年\d{1,2}月")
"""A year and month in a sentence that names a document: when it was issued."""

LEADING_TITLE = re.compile(
    rf"^(?P<title>[^\n。，；：《》]{{6,50}}?(?:{TITLE_WORDS}))(?=为|根据|按照)"
)
"""A title running on into the first sentence: X实施方案为贯彻落实… ."""

ARTICLE_DATE = re.compile(
    rf"^[^\n。]{{0,60}}?(?:(?P<key>{'|'.join(DATED_LINE_KEYS)})：\s*)"
    r"(?P<y>20\d{2})(?:(?P<sep>[-/])(?P<m>\d{1,2})(?P=sep)(?P<d>\d{1,2})|年(?P<mc>\d{1,2})月(?P<dc>\d{1,2})日)"
    r"|^\s*(?P<y2>20\d{2})-(?P<m2>\d{1,2})-(?P<d2>\d{1,2})\s+\d{1,2}：\d{2}",
    re.M,
)
"""The article line a web page prints under a headline: 日期：2021-01-04, 来源：新华社 作者：…
发布时间：2021-11-5 16:33, or the bare time stamp 2024-04-30 16:20:22; the date also
written with slashes (发布时间:2021/12/25 on the NDRC's 纲要 解读 page, tune set; 作者：朱汉斌
来源：中国科学报 发布时间：2021/12/4 22:48:05, a 科学网 news page in a GitHub crawl) or with
年月日 (发布时间：2015年12月11日 over the Zhenjiang 实施意见, tune set; 成文日期：2022年02月07日
in the information table of the national 十四五健康老龄化规划 notice, tune set)."""

BARE_TIME_KEY = "时间"
"""A key that dates an article line only beside a 来源 naming an organ on the same line
(来源：市卫健委  时间：…): alone, or on an outlet's page, a 时间 may date something else."""

ARTICLE_BYLINE = re.compile(rf"^[ \t]*(?:{'|'.join(ARTICLE_LINE_KEYS)})：", re.M)
"""An article line that gives no date: 撰文：陈进安, 来源：新华社."""

PAGE_SOURCE = re.compile(
    r"(?:信息来源|来源)：[ \t]*(?P<source>[\u4e00-\u9fff]{2,30}?)"
    rf"(?:{cue_pattern('page_counter')})?(?![\u4e00-\u9fff])"
)
"""The source an article line names (信息来源：县民政局, 来源：市卫健委, 来源：本网), without
the page's counter run into it (来源：市民政局浏览量, data/cues.csv kind page_counter)."""

PAGE_HEADER_REACH = 200
"""How far from a page's date line its source line stands in the same header block."""

HEADLINE = re.compile(r"^[ \t•·]*(?P<title>[^\n。]{6,60}?)[ \t]*\n(?:[ \t]*\n)*\Z", re.M)
"""The line right above an article line: the headline of a page that is itself the
document (a news report, a 解读: 辽宁加快推进养老托育服务健康发展 / 发布时间：2022-11-21)."""

DOUBLED_HEADLINE = re.compile(
    r"^[^\n]{0,40}?(?P<title>[^\s。，；：]{6,60}?)[ \t]*(?P=title)[ \t]*"
    rf"(?:{'|'.join(ARTICLE_LINE_KEYS)})：",
    re.M,
)
"""A page flattened onto one line (spaces between characters dropped) prints its headline
twice, as the last crumb of its path and as its heading, then its byline: 武陵观察网 财经
山西城镇社区养老机构2025年实现全覆盖 山西城镇社区养老机构2025年实现全覆盖 作者：… (the
Shanxi news item, tune set); the same doubling
of a title as the line-wrapped 国务院办公厅关于发展银发经济 / 国务院办公厅关于发展银发经济增进
老年人福祉的意见 (tune set, `DOUBLED_OPENING`). The doubled run is the headline."""

ORIGINAL_HEADLINE = re.compile(
    r"\A\s*(?P<open>[（(])?原标题[：:](?P<title>[^（()）\n]{4,80}?)(?(open)[）)])[ \t]*$", re.M
)
"""A news copy that opens with the headline its outlet first gave it, on a line of its own:
（原标题：国务院印发“十三五”促进就业规划） over a finance site's repost (tune set); the same
opening line in news copies crawled into GitHub repositories (（原标题：捷克选总统可能需要第二轮
投票） / 新华社北京1月13日电…, （原标题：外媒盘点全球140个最宜居城市：北京上海广州等上榜） /
参考消息网8月15日报道…). Some outlets print it without the brackets: 原标题:甘肃省人民代表大会
常务委员会关于批准《兰州市养老服务条例》的决定 over its repost on a news portal (tune set), 原标题：
关于王明辉等三名同志免职的通知 opening the body of a county news page crawled into a GitHub
repository (the Zhejiang 托育 news, tune set, prints the same line under its headline). The
headline names the copy, which prints no other."""

TABLE_TITLE = re.compile(
    rf"^[ \t]*(?P<title>[^\n。，；：|]{{6,60}}(?:表|{TITLE_WORDS})(?:{AS_OF_NOTE})?)[ \t]*\n"
    rf"[ \t]*(?:{'|'.join(words_with('header', 'serial'))})[ \t]*\|",
    re.M,
)
"""A table issued as a document of its own, titled on the line right above its header row:
海安市民政局2023年民生实事项目实施进度表 / 序号 | (the Haian progress table, tune set),
2024年《政府工作报告》重点工作目标任务分解表 / 序号 | (the Nanling task table, tune set).
A progress table's caption says the day it reports to, and a programme issued as a table may
be captioned by its own kind word: 2022年区政府民生实事项目进展情况表（截至9月底） / 序号 | (the
临安 progress table, tune set), 2023年省政府民生实事项目实施计划（截至4月10日） / 序号 | (the
苍南 progress page, tune set); the note is part of the caption, which names the table as of
that day."""

COVER_NOTICE_HEADLINE = re.compile(r"印发《[^《》]+》的通知\s*$")
"""A headline that is a cover notice (刚刚！三部门印发《X》的通知): the page reposts the
plan it carries, which is the document, and the page's date is not the plan's."""

META_FIELD = re.compile(
    r"^[\[［【]?\s*(?P<key>发文字号|文号|成文日期|发布日期|发布机构|发文机关|标\s*题)\s*[\]］】：]"
    r"\s*(?P<value>\S.*)$",
    re.M,
)
"""A government site's metadata table: [ 发文字号 ] 万州府办发〔2022〕97号, 标      题：…."""

META_CELL = re.compile(
    r"(?:^|\|)[ \t]*(?P<key>发文字号|成文日期|发布日期|发文机关|标\s*题)[ \t]*：[ \t]*\|"
    r"[ \t]*(?P<value>[^|\n]*[^|\s])[ \t]*(?=\||$)",
    re.M,
)
"""The same table laid out as cells, two fields a row (the State Council's policy library):
发文机关： | 国务院办公厅 | 成文日期： | 2018年12月06日 |, 标题： | 国务院办公厅关于…的通知 |."""

RECORD_FRAMED_TITLE = re.compile(
    r"^[ \t]*(?P<headline>[^\s。，；：:|•·][^\n。，；：:|]{4,58}[^\s。，；：:|])[ \t]*\n"
    r"(?P<record>(?:[^\n]*\n){1,40}?)"
    r"[ \t]*(?P<title>(?P=headline))[ \t]*$",
    re.M,
)
"""A page that prints its headline, then its metadata record, then the document's own
heading, the same line again: 镇巴县人民政府工作规则 / • 索引号： … • 发文字号： 镇政发〔2024〕7号 …
• 内容概述： / 镇巴县人民政府工作规则 (zb.gov.cn, tune set); 关于印发“十四五”健康老龄化规划的通知
over and under the NHC's 信息表 (标      题： … 发文字号： 国卫老龄发〔2022〕4号 … 成文日期：, tune
set); 天津市人民政府关于深化养老服务改革发展的实施意见 over and under a repost's byline with its
发布时间： (tune set). The line printed on both sides of a record (RECORD_FIELD between them, none
in the line) is the title, whatever kind word it ends in (a 工作规则 is of no plan kind, and no
other rule reads it); quoted at the heading, the document's own line."""

MARKED_OPENING = re.compile(
    rf"(?:{cue_pattern('body_marker')})[ \t]*"
    rf"(?:(?P<title>[^\n。，；：《》<>]{{4,80}}?(?:{TITLE_WORDS}){TITLE_SUFFIX})[ \t]*[（(])?"
)
"""A database's record or abstract that opens the document's body behind a mark (data/cues.csv
kind body_marker) and runs its first lines into one: the title, the number in brackets and
the addressee line (…基础教育正文杭州市人民政府关于加快学前教育改革与发展的若干意见（试行）
（杭政函〔2005〕39号）各区、县（市）人民政府，…：, a 北大法宝 record on a document-sharing site,
tune set), or the number alone run into the addressees (<正>市民发[2021]105号各区县民政局、
财政局、卫生健康局、残联，各开发区相关单位：, a journal database's abstract of a 民政 notice on
scholarmate.com). A number there is the document's own (a cited one follows its 《》 title
inside a sentence, never a mark)."""
ADDRESSEES_RUN_ON = re.compile(r"[）)]?[ \t]*各[^\n。；：]{1,150}：")
"""The addressee line run on after the number: 各区县民政局、…，各开发区相关单位："""

TABLE_KEYS = (*words_with("record_key", "other"), *words_with("record_key", "publisher"))
"""Keys only a metadata table prints (索引号, 主题分类, 发布机构, 时效性), data/cues.csv."""
RECORD_FIELD = re.compile(rf"(?:{cue_pattern('record_key')}|文号)[ \t]*[\]］】：:|]")
"""A field of a metadata table, its key first: 发文机关：山西省人民政府, 文号 ：晋政发〔2018〕
13号."""

KEYED_NUMBER = re.compile(
    rf"(?:{'|'.join(words_with('record_key', 'number'))}|^[\[［【]?\s*文号)(?:\s*[\]］】：:|])*\s*",
    re.M,
)
"""A database infobox's number key with its value run on, the line breaks of the box
lost: 发文字号国卫办人口函〔2021〕629号施行日期…, 政策文号：镇政办发〔2015〕212号. Only a
number that starts right after the key is the document's; the short key 文号 only opening a
line, as a citation may print it in prose: 《…》（文号：国办发〔2020〕52号）."""

NUMBER_AFTER_TITLE = re.compile(
    rf"^(?!《)(?!.*(?:{TITLE_WORDS})(?:为|根据|按照))[^\n。，；：]{{6,120}}"
    rf"(?:{TITLE_WORDS}|的通知){TITLE_SUFFIX}[ \t]*[-—–_（(]?[ \t]*$"
)
"""A document's number printed after its title on the title line, as a policy database
heads its record (…的通知-鄂政发〔2025〕9号) or a copy sets it in brackets
(…增进老年人福祉的意见（国办发（2024） 1号）): the text before the number, from the line's
start, is a title with no sentence punctuation and no opening 《 of a citation. A title
running on into the first sentence (X实施方案为贯彻落实Y意见（国办发…）) cites Y's number."""

WRAPPING = " \t\u3000" + OPENING_BRACKETS + CLOSING_BRACKETS
"""What may wrap a number on its own line: （蚌发〔2018〕3号）."""

TITLE_LINES = 3
"""A title line with the number after it is among the first lines of a copy (a file name or
a site's label above it at most): further down, such a line lists a cited document."""

CITED_TITLE_ABOVE = re.compile(r"》[）)]?\s*\n\s*\Z")
"""A line that ends in a title in 《》 right above a number standing alone: the number is
that document's (《国务院办公厅关于…的意见》 / （国办发〔2020〕52号）), so a plan that prints
no number of its own gets none."""

YEAR = rf"(?<![0-9])[12一二][0-9{YEAR_ZEROS}一二三四五六七八九]{{3}}"
"""A year written digit by digit: 2022, 二〇二二 or 二○一九 (U+25CB for 〇), 2O22 (YEAR_ZEROS)."""
MONTH = r"1[0-2]|0?[1-9]|十[一二]?|[一二三四五六七八九]"
DAY = r"3[01]|[12][0-9]|0?[1-9]|三十一?|二?十[一二三四五六七八九]?|[一二三四五六七八九]"
WRITTEN_DATE = (
    rf"(?P<date>(?P<y>{YEAR})[ \t]*年[ \t]*(?P<m>{MONTH})[ \t]*月[ \t]*(?P<d>{DAY})[ \t]*日)"
)
"""A date as a signature prints it, in Arabic or Chinese numerals: 2022年1月5日, 二〇〇七年三月
二十六日 (劳动和社会保障部办公厅, law949.infoeach.com copy of 劳社厅函〔2007〕120号), 二○○一年四月
十九日 (吉林省人民政府办公厅, law678.infoeach.com copy), the standard signature date of documents
before GB/T 9704-2012 and of many later ones."""
SIGNERS = r"(?:[\u4e00-\u9fff]{{2,40}}?(?:{ends})[ \t\u3000]*){{1,3}}"
"""One to three signing bodies before a date on its line, each ending in a government's or a
body's word (人民政府, 国务院, 委员会, 局, 办公厅 …; data/department_bodies.csv)."""
RELEASE_NOTE = rf"[（(](?:{cue_pattern('release_note')})[）)]"
"""The release mark after a signature date (（此件公开发布）, data/cues.csv kind release_note)."""


@cache
def _signed_date_line() -> re.Pattern[str]:
    """A signature whose date shares its line with the signer or with the release mark, as a
    copy that lost the signature's line breaks prints it: 南宁市人力资源和社会保障局 2026 年 7 月
    2 日（此件公开发布） (a repost of a 南宁 人社局 notice quoted in a GitHub research note);
    福建省经济和信息化委员会2017年7月21日（此件主动公开）, run on from the body's last sentence
    (a crawl of the Fujian government portal). The date opens its line or follows the signer,
    wherever a joined line put the signer (附件：X清单国务院办公厅2018年12月23日 where
    normalising joins an attachment line to the signature); it ends the line or the release
    mark follows it, so a date in running prose (2011年1月4日，…主持召开) is not a signature."""
    ends = "|".join((GOVERNMENT_ISSUER, "国务院", *map(re.escape, _organ_bodies())))
    return re.compile(
        rf"(?:^[ \t\u3000]*|{SIGNERS.format(ends=ends)}){WRITTEN_DATE}[ \t\u3000]*"
        rf"(?:{RELEASE_NOTE}|$)",
        re.M,
    )


DATE_ENDING_LINE = re.compile(rf"{WRITTEN_DATE}[ \t\u3000]*(?:{RELEASE_NOTE}|$)", re.M)
"""The date that ends a `_signed_date_line` signature: the cheap search that picks the lines
worth trying its signer prefix on."""


def _signed_dates(text: str) -> Iterator[re.Match[str]]:
    """The matches of `_signed_date_line` in `text`, in order: it is tried only on the lines
    where a date ends the line or precedes the release mark, as no signature spans a line."""
    line_end = -1
    for ending in DATE_ENDING_LINE.finditer(text):
        line_start = text.rfind("\n", 0, ending.start()) + 1
        if line_start > line_end:
            line_end = text.find("\n", ending.end())
            line_end = len(text) if line_end < 0 else line_end
            yield from _signed_date_line().finditer(text, line_start, line_end)


GARBLED_DATE_LINE = re.compile(r"^\s*(?P<digits>20\d{4,6})\s*$", re.M)
"""A signature date that lost 年月日: 2022922 (2022-9-22) — read only when the split
into month and day is unique."""
FIELD_DATE = re.compile(
    rf"(?P<date>(?P<y>{YEAR})[ \t]*[-年./][ \t]*(?P<m>{MONTH})[ \t]*[-月./][ \t]*(?P<d>{DAY})"
    r"(?![0-9])(?:[ \t]*日)?)"
)
"""A date in a metadata table: 2022-02-07, 2022年02月07日, 2024.01.11, 2022/1/5, or
发布日期:2018年03月27 without its 日 (laodongfa.com copy of 晋政发〔2018〕13号)."""
RECORD_SEPARATOR = r"(?:[ \t]*[\]］】：:|])*\s*"
"""What stands between a metadata key and its value: nothing (發文日期2021年12月30日),
a colon, a bracket ([ 发文字号 ]), a cell border (成文日期： | 2018年12月06日), a line break."""
WRITTEN_KEY_DATE = re.compile(
    rf"(?:{'|'.join(words_with('record_key', 'written'))}){RECORD_SEPARATOR}{FIELD_DATE.pattern}"
)
"""The signing date a metadata table gives (成文日期), with or without a colon, one field a
line or several run into one line."""
DATED_KEY_DATE = re.compile(
    rf"(?:{'|'.join(words_with('record_key', 'dated'))}){RECORD_SEPARATOR}{FIELD_DATE.pattern}"
)
"""A table's date of the document under a key that is not the signing date's own (发文日期,
生成日期): a site may fill it with the day it posted the text (太湖县人民政府关于印发《太湖县
人民政府工作规则》的通知, zwgkw.thx.gov.cn: 发文日期: 2019-01-23 over the signature 2019年1月17日),
so the signature wins; without one it dates the document (發文日期2021年12月30日 on the f9km6.cn
copy of 國衛辦人口函〔2021〕629號, 发文日期: 2024年04月06日 16:40 on zb.gov.cn)."""
RECORD_DATE = re.compile(
    rf"(?:{'|'.join(words_with('record_key', 'published'))}){RECORD_SEPARATOR}{FIELD_DATE.pattern}"
)
"""The date of a policy database's or a government site's record (发布时间：2015年12月11日,
公布日期：2024.01.11, 发布日期: 2024-03-14): the document's date where the record also gives its
number (政策文号, 发文字号) or is a disclosure table (`RECORD_KEY`) and the copy prints no
signature date. Beside neither, the date may be a repost page's own (发布人:西安老博会 /
发布日期:2023-07-12 over the Xi'an 十四五 plan, tune set)."""
RECORD_KEY = re.compile("|".join(TABLE_KEYS))
"""A key only a metadata table prints (索引号, 主题分类, 发布机构, 时效性): the page is a
government site's disclosure record or a policy database's, not an article."""

GOVERNMENT_ISSUER = "人民政府办公室|人民政府办公厅|人民政府"
"""How a government or its general office ends its name as an issuer (泸溪县人民政府办公室,
湖南省人民政府办公厅, 广州市人民政府), the office first so that a lazy match does not stop
at 人民政府."""
ISSUER_LINE = re.compile(
    rf"^\s*(?P<issuer>[\u4e00-\u9fff]{{2,30}}(?:{GOVERNMENT_ISSUER}|办公室|委员会|管委会))\s*$",
    re.M,
)
NOTICE_ISSUER = re.compile(
    rf"^(?P<issuer>[\u4e00-\u9fff]{{2,30}}?(?:{GOVERNMENT_ISSUER}|办公室|委员会|管委会))关于印发",
    re.M,
)
JOINT_ISSUER = re.compile(
    rf"中共[\u4e00-\u9fff]{{2,12}}?委(?:办公室)?|[\u4e00-\u9fff]{{2,30}}?(?:{GOVERNMENT_ISSUER})"
)
"""One of the party committee and the government that issue a document together, their
names run into one (normalising drops the space between them), as titles print them:
中共蚌埠市委 蚌埠市人民政府关于… (the Bengbu 实施意见, tune set), 中共XX县委办公室 XX县人民政府
办公室关于印发… (a county's 两办 notice)."""


@dataclass(frozen=True)
class Field:
    """A metadata table value and its span in the text (None when the text lacks it)."""

    value: str
    span: tuple[int, int] | None


@dataclass(frozen=True)
class Metadata:
    title: str | None
    title_quote: Quote | None
    doc_number: DocNumber | None
    doc_number_quote: Quote | None
    issued: date | None
    issued_quote: Quote | None
    issuers: tuple[str, ...]  # none, one, or the joint issuers apart
    cut: tuple[str, ...] = ()  # where the text is cut short (extract/completeness.py)
    carried: str | None = None  # the plan a copy of its cover notice alone names


def find_metadata(text: str, quote: QuoteMaker, given: Mapping[str, str] | None = None) -> Metadata:
    """Title, number, date and issuer of the plan in a normalised text.

    `given` is a metadata table read apart from the text (key → value, e.g.
    发文字号 → 万州府办发〔2022〕97号); its 发文字号 and 成文日期 win. Its 发布机构
    names the issuer only when the body does not: sites shorten it (万州区政府办公室).
    """
    fields = {
        re.sub(r"\s", "", m["key"]): Field(
            m["value"].strip(), (m.start("value"), m.start("value") + len(m["value"].strip()))
        )
        for pattern in (META_FIELD, META_CELL)
        for m in pattern.finditer(text)
    }
    fields.update({key: _locate(text, key, value) for key, value in (given or {}).items()})
    title, title_q = _title(text, quote)
    if (covered := _covered_document(text, quote)) and covered[0] != title:
        title, title_q = covered
    if "标题" in fields and covered is None and "关于印发" not in fields["标题"].value:
        title, title_q = fields["标题"].value, _field_quote(fields["标题"], quote)
    number, number_q = _doc_number(text, fields, quote)
    issued, issued_q = _issued(text, fields, quote, title)
    if title is None:
        title, title_q = _title_before_number(text, quote)
    if title is None and (marked := _marked_opening(text)) and marked[0]["title"]:
        title, title_q = marked[0]["title"], quote(*marked[0].span("title"))
    if title is None and (article := _article(text, quote)):
        title, title_q, page_date, page_date_q = article
        if issued is None:
            issued, issued_q = page_date, page_date_q
    if title is None and (framed := _record_framed_title(text)):
        title, title_q = framed["title"], quote(framed.start("title"), framed.end("title"))
    for pattern in (ORIGINAL_HEADLINE, DOUBLED_HEADLINE, FILE_NAME_TITLE, TABLE_TITLE):
        if title is None and (named := pattern.search(text, 0, HEAD_LENGTH)):
            title, title_q = named["title"], quote(named.start("title"), named.end("title"))
    if title is None:
        title, title_q = _title(text, quote, printed=False)
    if title is None and (notice := ANY_NOTICE_LINE.search(text, 0, HEAD_LENGTH)):
        title, title_q = notice["title"], quote(notice.start("title"), notice.end("title"))
    if "成文日期" not in fields and (adopted := _adoption_date(text, title, quote)):
        issued, issued_q = adopted
    published = fields["发布机构"].value.split() if "发布机构" in fields else []  # spaced apart
    issuers = _issuers(text) or tuple(published)
    carried = next(
        (m["title"] for m in DRAFTED_TITLE.finditer(text) if CARRIED.match(text, m.end())), None
    )
    title, title_q = _without_site_label(text, title, title_q, quote)
    title_q = _own_heading(text, title, title_q, quote)
    return Metadata(title, title_q, number, number_q, issued, issued_q, issuers, carried=carried)


ADOPTION_NOTE = re.compile(
    rf"[ \t\u3000]*[（(]{WRITTEN_DATE}[^（）()\n]{{2,60}}?会议(?:{cue_pattern('adoption')})"
)
"""The note a law or a decision of a people's congress prints in brackets under its title, the
day the meeting adopted it: (2019年12月27日南京市第十六届人民代表大会常务委员会第十九次会议通过,
2020年1月9日…批准) opening the Nanjing 养老服务条例's page above its 公告 and the 公告's own
date, (2025年5月28日甘肃省第十四届人民代表大会常务委员会第十六次会议通过) under the province's
decision approving the Lanzhou 条例 (both tune set); a ministry's rule adopted by its meeting
prints (2012年12月11日国土资源部第4次部务会议审议通过) under its title the same way (土地复垦条例
实施办法, a law database dumped into a GitHub repository). Adoption words: data/cues.csv kind
adoption."""


def _adoption_date(text: str, title: str | None, quote: QuoteMaker) -> tuple[date, Quote] | None:
    """The adoption day of a law or decision: its bracketed note on the text's first line or
    on the line under its title. The promulgation notice (公告) a page prints after the note
    is signed later; the same note further down belongs to a document the page carries."""
    first = len(text) - len(text.lstrip())
    first_line = text[first:].partition("\n")[0]
    starts = [first]
    if title is not None and title in first_line:
        starts.append(first + len(first_line) + 1)
    for start in starts:  # matched where a line opens; the note spans no line break
        if (note := ADOPTION_NOTE.match(text, start)) and (day := _written_date(note)):
            return day, quote(note.start("date"), note.end("date"))
    return None


HEADING_GAP = re.compile(r"[ \t\u3000“”\"‘’'「」]*\n?[ \t\u3000“”\"‘’'「」]*")
"""What may stand between two characters of a heading: spacing and quotation marks, and
one line break where a centred heading wrapped."""


def _covered_document(text: str, quote: QuoteMaker) -> tuple[str, Quote] | None:
    """The document a cover notice issues, where the copy prints it under its own heading
    after the notice: the notice's title names that document in other words, or only
    through its authors. A forwarding notice (转发) is the pattern: 国务院办公厅转发民政部关于 /
    清理整顿社会团体意见的通知 says 民政部《关于清理整顿社会团体的意见》已经国务院同意，现转发
    给你们 and then prints 关于清理整顿社会团体的意见 (国办发〔1997〕11号, gov.cn page in the
    ZhouYNF/platform-1 crawl); 山东省人民政府办公厅 / 转发省人力资源社会保障厅等部门 / 关于做好
    2010年普通高校毕业生 / 就业工作的意见的通知, whose body names 《关于做好2010年普通高校毕业生
    就业工作的意见》 and whose copy prints it as 关于做好2010年普通高校 / 毕业生就业工作的意见
    (鲁政办发〔2010〕21号, tune set). The title is the name in 《》, which keeps the quotation
    marks a centred heading drops (《重庆市万州区“一老一小”整体解决方案》已经区政府同意，现印发
    给你们, then the heading 重庆市万州区一老一小整体解决方案, corpus/wanzhou.txt)."""
    for named in TITLE_IN_BRACKETS.finditer(text, 0, HEAD_LENGTH):
        carried = CARRIED.match(text, named.end())
        if carried is None:
            continue
        characters = UNPRINTED.sub("", named["title"])
        if _prints_heading(text, characters, carried.end()):
            return named["title"], quote(*named.span("title"))
    return None


LINE_INDENT = re.compile(r"^[ \t\u3000]*", re.M)
LINE_REST = re.compile(r"[ \t\u3000]*$", re.M)


def _prints_heading(text: str, characters: str, start: int) -> bool:
    """Whether a line from `start` on is a heading of `characters` (which hold no spacing and
    no quotation mark): indented, the characters one by one with a HEADING_GAP between them,
    nothing after them but spacing. Walked, as a pattern compiled for each name cost
    milliseconds a text."""
    for indent in LINE_INDENT.finditer(text, start):
        at = indent.end()
        for index, character in enumerate(characters):
            if index and (gap := HEADING_GAP.match(text, at)):  # it always matches
                at = gap.end()
            if not text.startswith(character, at):
                break
            at += 1
        else:
            if LINE_REST.match(text, at):
                return True
    return False


SITE_LABEL = re.compile(r"^【[^】\n]{1,12}】(?=[^\n]{4})")
"""The label in 【】 a site puts before a document's title, the column or edition it files
the document under: 【保基本民生】宣城市民生工作领导小组办公室关于2024年实施47项民生实事的通知
(宣城 2024 民生实事 page, tune set), 【中英文对照版】关于发展银发经济增进老年人福祉的意见.docx
(the bilingual copy, tune set, whose file name FILE_NAME_TITLE reads). No title starts with 【."""


def _without_site_label(
    text: str, title: str | None, title_q: Quote | None, quote: QuoteMaker
) -> tuple[str | None, Quote | None]:
    """The title without the site's label (SITE_LABEL), its quote the title's own span."""
    label = SITE_LABEL.match(title or "")
    if title is None or label is None:
        return title, title_q
    at = text.find(title)
    own_quote = quote(at + label.end(), at + len(title)) if at >= 0 else title_q
    return title[label.end() :], own_quote


def _own_heading(
    text: str, title: str | None, title_q: Quote | None, quote: QuoteMaker
) -> Quote | None:
    """The plan's own heading as the title's quote, where the title was read inside another
    line (a 印发 notice's title, its 标题 field, a 《》 name in the notice) and the plan prints
    it after that as a line of its own: 安阳市“一老一小”整体解决方案 (安政办〔2022〕37号, tune
    set) and 临沧市促进养老托育服务健康发展实施方案 (corpus/lincang.txt) under their notices,
    国家组织药品集中采购和使用试点方案 (国办发〔2019〕2号, tune set) under its 以下简称 notice."""
    if title is None or title_q is None:
        return title_q
    lines = [quote(*span) for span in _own_lines(text, title)]
    if any(line.line == title_q.line for line in lines):
        return title_q
    return next((line for line in lines if line.line > title_q.line), title_q)


LINE_SPACE = " \t\u3000"
"""The spaces a line may print around a heading of its own."""


def _own_lines(text: str, title: str) -> list[tuple[int, int]]:
    """The spans of `title` where it stands on a line of its own, spaces around it. A title
    that neither spans lines nor opens or ends with a space is found by `str.find` (no
    pattern built per text: build CPU); any other by a pattern."""
    if not title or "\n" in title or title.strip(LINE_SPACE) != title:
        own_line = rf"^[ \t\u3000]*(?P<title>{re.escape(title)})[ \t\u3000]*$"
        return [line.span("title") for line in re.finditer(own_line, text, re.M)]
    spans = []
    at = text.find(title)
    while at >= 0:
        start, after = text.rfind("\n", 0, at) + 1, at + len(title)
        end = text.find("\n", after)
        end = len(text) if end < 0 else end
        if not text[start:at].strip(LINE_SPACE) and not text[after:end].strip(LINE_SPACE):
            spans.append((at, after))
        at = text.find(title, end)
    return spans


def _locate(text: str, key: str, value: str) -> Field:
    """A given value, pointed at its table line in the text, else its first mention."""
    for match in META_FIELD.finditer(text):
        if match["key"] == key and match["value"].strip() == value:
            return Field(value, (match.start("value"), match.start("value") + len(value)))
    at = text.find(value)
    return Field(value, (at, at + len(value)) if at >= 0 else None)


def _field_quote(field: Field, quote: QuoteMaker) -> Quote | None:
    return quote(*field.span) if field.span else None


def _title(text: str, quote: QuoteMaker, printed: bool = True) -> tuple[str | None, Quote | None]:
    """The document's title as printed (`printed`), else as the text names it in running
    prose (起草了《X方案》, X实施方案为贯彻落实…)."""
    head = text[:HEAD_LENGTH]
    in_prose = ((DRAFTED_TITLE, text), (LEADING_TITLE, text))
    patterns = (
        (
            (NOTICE_TITLE, head),
            (TITLE_LINE_BREAK, head),
            (OWN_NOTICE_TITLE, head),
            (BULLETIN_TITLE, head),
            (STANDALONE_TITLE, text),
            (JOINT_ISSUERS_TITLE, head),
        )
        if printed
        else in_prose
    )
    for pattern, scope in patterns:
        for match in pattern.finditer(scope):
            lines = match["title"].strip().split("\n")
            title = "".join(line.strip() for line in lines)
            if pattern is NOTICE_TITLE:
                title = title.translate(NESTED_TITLE_MARKS)
            if pattern is NOTICE_TITLE and not _carried_plan_printed(title, text[match.end() :]):
                line = match.group().strip()
                notice = "".join(part.strip() for part in line.split("\n"))
                return notice, quote(match.start() + match.group().index(line), match.end())
            if pattern is DRAFTED_TITLE and (
                _names_an_earlier_document(text, match.start("title"))
                or CARRIED.match(text, match.end())
            ):
                continue
            carrier = "关于印发" in title or title.endswith("的通知")
            if carrier and pattern is not OWN_NOTICE_TITLE:
                continue
            title = DOUBLED_OPENING.sub(r"\1", title)
            if any(NOT_TITLE_LINE.search(line) for line in lines[:-1]) or not _balanced(title):
                continue
            end = match.end("title")
            if mark := DRAFT_MARK_LINE.match(scope, end):
                title, end = title + mark["mark"], mark.end("mark")
            return title, quote(match.start("title"), end)
    return None, None


def _balanced(title: str) -> bool:
    """Whether every title a title quotes is closed in it: lines of a title joined from the
    middle of another (…若干政策 / 措施》实施方案) are not one."""
    return title.count("《") == title.count("》") and title.count("〈") == title.count("〉")


def _article(text: str, quote: QuoteMaker) -> tuple[str, Quote, date | None, Quote | None] | None:
    """Headline and date of a page that is itself the document, for a text that prints no
    document title of its own: the date is the page's, since an article has no other. A
    headline wins over a plan the article names in its prose (印发《X》). A byline without
    a date (撰文：…) under the text's first line, or a newspaper's byline opening the first
    paragraph (`_news_byline`), marks the line above it as the headline; no date then."""
    for line, day, date_start in _page_dates(text):
        line_start = text.rfind("\n", 0, line.start()) + 1
        headline = _headline_above(text, line_start)
        if headline:
            title = headline["title"].strip()
            dated = _meeting_date(text, title, line, day, quote) or (
                day,
                quote(date_start, line.end()),
            )
            return (
                title,
                quote(headline.start("title"), headline.start("title") + len(title)),
                *dated,
            )
    for line in ARTICLE_BYLINE.finditer(text[:HEAD_LENGTH]):
        headline = _headline_above(text, line.start())
        if headline and not text[: headline.start("title")].strip():  # it opens the text
            return _undated(headline, quote)
    for byline in _news_byline().finditer(text, 0, HEAD_LENGTH):
        headline = _headline_above(text, byline.start())
        if headline and not PATH_MARK.search(headline["title"]):
            return _undated(headline, quote)
    return None


def _headline_above(text: str, at: int) -> re.Match[str] | None:
    """The headline (`_is_headline`) in the 200 characters before `at`, the start of the
    line that dates or signs the article."""
    headline = HEADLINE.search(text, max(0, at - 200), at)
    return headline if headline and _is_headline(headline["title"]) else None


def _undated(headline: re.Match[str], quote: QuoteMaker) -> tuple[str, Quote, None, None]:
    """An article's title from its headline, with no date of its own."""
    title = headline["title"].strip()
    start = headline.start("title")
    return title, quote(start, start + len(title)), None, None


@cache
def _news_byline() -> re.Pattern[str]:
    """The outlet's or reporter's byline a newspaper report opens its first paragraph with,
    under its headline (data/cues.csv kind news_byline): 2018年10个民生实事项目全面落实 /
    本报讯（记者 房伟） 昨日下午，… (宁波晚报's e-paper page, tune set); 全市民生工程建设大提速
    上半年完成投资19.62亿元，超序时进度24.9% / 本报讯 关系到老百姓… (a 黄山 paper's report);
    国务院明确《政府工作报告》重点工作部门分工 … / （记者李琳）近日，国务院… (the 2019 分工 news,
    tune set). The page prints no article line; its headline is its title, and it gives no
    date of its own (a paper's date line or 昨日 dates the report, not a document). A byline
    opening the copy (中福养老网讯生活日报10月16日讯记者从…) has no headline above it."""
    return re.compile(
        rf"^[ \t\u3000]*(?:[\u4e00-\u9fff]{{0,8}}(?:{cue_pattern('news_byline')})|[（(]记者)",
        re.M,
    )


PATH_MARK = re.compile(r"[>＞»]")
"""What separates the crumbs of a site's path line (首页 > 新闻 > 要闻, 包头新闻网首页 » 新闻):
such a line is no headline."""


MEETING_OPENING_REACH = 300
"""How far below a page's date line the opening sentence of its report stands (the site's
share buttons and a subtitle between them)."""


@cache
def _meeting_opening() -> re.Pattern[str]:
    """The opening sentence of a report on a meeting, dated by the meeting: 2011年1月4日，李汝求
    市长主持召开十届144次市政府常务会议 (guangdong 常务会议 page, tune set), 7月9日，我市健康养老
    产业发展领导小组工作推进会召开 (c2158.cn copy of a 鹤壁 report dated 2021-07-12) — the year
    the page's date line gives where the sentence names none."""
    return re.compile(
        rf"^[ \t\u3000]*(?:(?P<y>{YEAR})[ \t]*年)?[ \t]*(?P<m>{MONTH})[ \t]*月[ \t]*(?P<d>{DAY})"
        rf"[ \t]*日(?:上午|下午|晚上|晚)?，[^。\n]*?(?:{cue_pattern('convened')})",
        re.M,
    )


def _meeting_date(
    text: str, headline: str, line: re.Match[str], page_day: date, quote: QuoteMaker
) -> tuple[date, Quote] | None:
    """The day of the meeting a page reports, for a page whose headline reports one
    (市政府召开十届144次常务会议, …工作推进会召开; data/cues.csv kind convened): the report
    is the meeting's record, posted days later, and gives its date in its opening sentence.
    A page on a plan a news conference presents (“健康湖南行动”启动… / 12月25日下午，…召开
    …新闻发布会, tune set) is dated by the page."""
    if not re.search(cue_pattern("convened"), headline):
        return None
    opening = _meeting_opening().search(text, line.end(), line.end() + MEETING_OPENING_REACH)
    if opening is None:
        return None
    year = written_year(opening["y"]) if opening["y"] else page_day.year
    day = _date(year, _count(opening["m"]), _count(opening["d"])) if year else None
    if day is None or day > page_day:
        return None
    start = opening.start("y") if opening["y"] else opening.start("m")
    return day, quote(start, opening.end("d") + 1)


PICTOGRAPH = re.compile("[\U0001f000-\U0001faff]")
"""An emoji: the mark of the fake comments spam sites run under a copied report (江苏 老年助餐
report copy, tune set: 上官正义说现在人贩子年龄小懂网络🌄🌅 / 2024-12-02 07:58:21 推荐; the same
stream under the 国新办 老年助餐 briefing copies in the pages corpus: 李舒:谨防“小事件”演化成
“大舆情”☢🛬 / 2026/01/28 推荐). No headline of a government text carries one."""


def _is_headline(line: str) -> bool:
    """Whether the line above a page's date is the page's headline: not a cover notice
    (COVER_NOTICE_HEADLINE), not a spam comment (PICTOGRAPH), and not a row of a metadata
    table above its date field (发文机关:山西省人民政府 / 发布日期:2018年03月27, laodongfa.com;
    信息分类: 通知   发布机构: 太湖县人民政府办公室 / 生成日期: 2019-01-23, zwgkw.thx.gov.cn;
    发文字号: / 镇政发〔2024〕7号 / 发文日期: …, zb.gov.cn): a row with a key, or a value that
    is a number. Nor is a field of the article line set on a line of its own above the date:
    來源:萊蕪新聞網 / 2017-10-24 11:08:10 / 原標題:… (the 萊蕪 news repost, tune set), the
    source an article line names beside its date elsewhere (来源:市卫健委  时间:2021-06-22
    09:31:25 under the Zhengzhou 托育 headline, tune set; 2014-12-16 05:10:54来源: 中国青年网 on a
    repost of a 武汉 paper's report)."""
    field = line.strip(" \t•·")
    return not (
        COVER_NOTICE_HEADLINE.search(line)
        or PICTOGRAPH.search(line)
        or RECORD_FIELD.search(field)
        or ARTICLE_BYLINE.match(field)
        or parse_doc_number(field)
    )


def _record_framed_title(text: str) -> re.Match[str] | None:
    """The first line printed above and below a metadata record (RECORD_FRAMED_TITLE) near
    the top, neither copy a field of the record."""
    at = 0
    while match := RECORD_FRAMED_TITLE.search(text, at, HEAD_LENGTH):
        if RECORD_FIELD.search(match["record"]) and not RECORD_FIELD.search(match["headline"]):
            return match
        at = match.end("headline")  # a later line may frame another record
    return None


def _names_an_earlier_document(text: str, at: int) -> bool:
    """Whether the sentence before `at` lists earlier documents as achievements (先后制定出台了
    《…》), dates the issue (2019年4月，国务院办公厅印发了《…》) or reports it as news does
    (国务院办公厅日前印发《…》, data/cues.csv kind news_time): the document named is an earlier
    one the text builds on or reports, not the one it is or explains."""
    sentence = text[max(text.rfind("。", 0, at), text.rfind("\n", 0, at)) + 1 : at]
    return bool(
        ACHIEVEMENT_CUES.search(sentence)
        or ISSUE_MONTH.search(sentence)
        or re.search(cue_pattern("news_time"), sentence)
    )


def _carried_plan_printed(title: str, rest: str) -> bool:
    """Whether the plan a cover notice carries is printed after it: its title again, other
    than in 《》, after 印发 (the notice repeated) or as an attachment's name (附件：X), spaces
    and quotation marks aside (重庆市万州区一老一小整体解决方案)."""
    flat, wanted = title_key(rest), title_key(title)
    at = flat.find(wanted)
    while at >= 0:
        if not flat[:at].endswith(NOT_THE_PLAN_ITSELF):
            return True
        at = flat.find(wanted, at + 1)
    return False


def _doc_number(
    text: str, fields: dict[str, Field], quote: QuoteMaker
) -> tuple[DocNumber | None, Quote | None]:
    for key in ("发文字号", "文号"):
        if key in fields and (number := parse_doc_number(fields[key].value)):
            return number, _field_quote(fields[key], quote)
    head = text[: max(600, len(text) // 10)]
    if keyed := _keyed_number(head):
        start, end, number = keyed
        return number, quote(start, end)
    if after_title := _number_after_title(head):
        start, end, number, _title_start = after_title
        return number, quote(start, end)
    if marked := _marked_opening(text):
        _mark, start, end, number = marked
        return number, quote(start, end)
    for line in re.finditer(r"^[^\n]{4,30}$", head, re.M):
        number = parse_doc_number(line.group().strip())
        if number is None or len(number.raw) < len(line.group().strip(WRAPPING)) - 1:
            continue
        if CITED_TITLE_ABOVE.search(text, 0, line.start()):
            continue  # the number of the document cited on the line above, not the plan's own
        return number, quote(line.start(), line.end())
    return None, None


def _number_after_title(head: str) -> tuple[int, int, DocNumber, int] | None:
    """The first number printed after a title on the title line, with its span and where
    the line (the title) starts."""
    for start, end, number in find_doc_numbers(head):
        line_start = head.rfind("\n", 0, start) + 1
        lines_above = sum(1 for line in head[:line_start].splitlines() if line.strip())
        if lines_above < TITLE_LINES and NUMBER_AFTER_TITLE.match(head[line_start:start]):
            return start, end, number, line_start
    return None


def _title_before_number(text: str, quote: QuoteMaker) -> tuple[str | None, Quote | None]:
    """The title a document's number follows on its line (…的意见（国办发（2024） 1号）), for a
    copy that sets the title nowhere else; a cover notice's line names a plan, not this."""
    head = text[: max(600, len(text) // 10)]
    if after_title := _number_after_title(head):
        start, _end, _number, line_start = after_title
        title = head[line_start:start].rstrip(" \t-—–_（(")
        if "关于印发" not in title:
            return title, quote(line_start, line_start + len(title))
    return None, None


def _marked_opening(text: str) -> tuple[re.Match[str], int, int, DocNumber] | None:
    """The body a mark opens (MARKED_OPENING) where a number follows it, or its title, and
    the addressee line runs on after the number: the mark's match and the number's span."""
    for mark in MARKED_OPENING.finditer(text, 0, HEAD_LENGTH):
        found = find_doc_numbers(text[mark.end() : mark.end() + 40])
        if found and found[0][0] == 0:
            _at, length, number = found[0]
            if ADDRESSEES_RUN_ON.match(text, mark.end() + length):
                return mark, mark.end(), mark.end() + length, number
    return None


def _keyed_number(head: str) -> tuple[int, int, DocNumber] | None:
    """The number an infobox key gives, with its span in `head`."""
    for key in KEYED_NUMBER.finditer(head):
        found = find_doc_numbers(head[key.end() : key.end() + 40])
        if found and found[0][0] == 0:
            start, end, number = found[0]
            return key.end() + start, key.end() + end, number
    return None


def _issued(
    text: str, fields: dict[str, Field], quote: QuoteMaker, title: str | None
) -> tuple[date | None, Quote | None]:
    """The date of issue: the signing date of a metadata table (成文日期), else the signature
    date (one that lost 年月日 after one that kept them), else a table's date of the
    document (发文日期), else the record date of a policy database or disclosure table, else
    the date of an organ's own page. A record a body of another place publishes dates its repost
    (`_reposted`), not the document."""
    reposted = _reposted(text[:HEAD_LENGTH], title)
    field_date = FIELD_DATE.search(fields["成文日期"].value) if "成文日期" in fields else None
    if field_date and (day := _written_date(field_date)):
        return day, _field_quote(fields["成文日期"], quote)
    head = text[: max(600, len(text) // 10)]
    in_table = bool(_keyed_number(head) or RECORD_KEY.search(head))
    signed = ((WRITTEN_KEY_DATE.finditer, text, not reposted), (_signed_dates, text, True))
    if found := _first_date(signed, quote):
        return found
    for match in GARBLED_DATE_LINE.finditer(text):
        if day := _unique_date(match["digits"]):
            return day, quote(match.start("digits"), match.end("digits"))
    recorded = (
        (DATED_KEY_DATE.finditer, text, not reposted),
        (RECORD_DATE.finditer, head, in_table and not reposted),
    )
    return _first_date(recorded, quote) or _organ_page_date(text, quote)


def _first_date(
    patterns: tuple[tuple[Callable[[str], Iterator[re.Match[str]]], str, bool], ...],
    quote: QuoteMaker,
) -> tuple[date, Quote] | None:
    """The first real day a date search finds in its scope, searches in order, each only
    where it is trusted."""
    for finditer, scope, trusted in patterns:
        for match in finditer(scope) if trusted else ():
            if day := _written_date(match):
                return day, quote(match.start("date"), match.end("date"))
    return None


PUBLISHER = re.compile(
    rf"(?:{'|'.join(words_with('record_key', 'publisher'))}){RECORD_SEPARATOR}"
    r"(?P<place>[\u4e00-\u9fff]{1,8}?[省市区县州旗盟])"
)
"""The place of the body a metadata table names as the record's publisher
(发布机构:沅江市民政局)."""
TITLE_PLACE = re.compile(r"^(?P<place>[\u4e00-\u9fff]{1,8}?[省市区县州旗盟])[^\n关]*?关于")
"""The place of the issuer a title opens with (湖南省人民政府关于…, 宣城市民生工作领导小组
办公室关于…)."""


def _reposted(head: str, title: str | None) -> bool:
    """Whether a metadata table records a repost: its publisher is of another place than the
    issuer the title names (發布機構:沅江市民政局 發文日期:2025-11-12 over 湖南省人民政府關于
    深化養老服務改革發展的實施意見, a county city's repost of the provincial document, tune
    set); the record's date is the repost's. The same place (发布机构: 宣城市人民政府(办公室)
    over 宣城市民生工作领导小组办公室关于…) publishes its own document."""
    publisher = PUBLISHER.search(head)
    issuer = TITLE_PLACE.match(title or "")
    return bool(publisher and issuer and publisher["place"] != issuer["place"])


def _written_date(match: re.Match[str]) -> date | None:
    """The day a date match (groups y, m, d) names, in Arabic or Chinese numerals; None for
    no real day or a year outside the People's Republic's documents."""
    year = written_year(match["y"])
    if year is None or not 1949 <= year <= 2100:
        return None
    return _date(year, _count(match["m"]), _count(match["d"]))


def _count(word: str) -> int:
    return int(word) if word.isdigit() else chinese_number(word)


def _organ_page_date(text: str, quote: QuoteMaker) -> tuple[date | None, Quote | None]:
    """The date of a government organ's own page, for a text that prints no signature date:
    its article line names an organ as the source (a name ending in a body word of
    data/department_bodies.csv: 信息来源：县民政局 over the Haiyan draft, 2022-04-18; 来源：
    二连浩特市政府办 over the Erenhot 解读, 2024-04-02), which publishes the text the day it
    issues it. A repost site names itself (来源：本网, 天津市政府官网, 浙江发布) or no source:
    its date is the page's, not the document's."""
    for line, day, date_start in _page_dates(text):
        near = text[max(0, line.start() - PAGE_HEADER_REACH) : line.end() + PAGE_HEADER_REACH]
        if _names_an_organ(near):
            return day, quote(date_start, line.end())
    return None, None


def _names_an_organ(header: str) -> bool:
    """Whether an article header names a government organ as its source: a name ending in
    a body word of data/department_bodies.csv (县民政局, 市卫健委, 二连浩特市政府办)."""
    return any(m["source"].endswith(_organ_bodies()) for m in PAGE_SOURCE.finditer(header))


@cache
def _organ_bodies() -> tuple[str, ...]:
    """The body words of data/department_bodies.csv, read once."""
    return csv_column(resource_dir("data") / "department_bodies.csv", "suffix")


def _page_dates(text: str) -> Iterator[tuple[re.Match[str], date, int]]:
    """The article lines near the top that date their page: each with its day and where the
    date starts; a bare 时间 only on a line whose 来源 is an organ (an outlet's 时间 may date
    its report, not the text)."""
    for line in ARTICLE_DATE.finditer(text[:HEAD_LENGTH]):
        line_start, line_end = text.rfind("\n", 0, line.start()) + 1, text.find("\n", line.end())
        if line["key"] == BARE_TIME_KEY and not _names_an_organ(
            text[line_start : line_end if line_end >= 0 else len(text)]
        ):
            continue
        y, m, d = (
            (line["y"], line["m"] or line["mc"], line["d"] or line["dc"])
            if line["y"]
            else line.group("y2", "m2", "d2")
        )
        if day := _date(int(y), int(m), int(d)):
            yield line, day, line.start("y") if line["y"] else line.start("y2")


def _unique_date(digits: str) -> date | None:
    year, rest = int(digits[:4]), digits[4:]
    candidates = {
        d for cut in range(1, len(rest)) if (d := _date(year, int(rest[:cut]), int(rest[cut:])))
    }
    return candidates.pop() if len(candidates) == 1 else None


def _date(year: int, month: int, day: int) -> date | None:
    try:
        return date(year, month, day)
    except ValueError:
        return None


def _issuers(text: str) -> tuple[str, ...]:
    """The issuers of the notice line (X关于印发) or of the signature line, joint issuers
    apart; none where neither line names one."""
    for pattern in (NOTICE_ISSUER, ISSUER_LINE):
        if match := pattern.search(text):
            return _joint(match["issuer"])
    return ()


def _joint(issuer: str) -> tuple[str, ...]:
    """Issuers that are a party committee and a government run together, apart
    (中共武功县委办公室武功县人民政府办公室 → 中共武功县委办公室, 武功县人民政府办公室);
    one issuer as it is."""
    parts = JOINT_ISSUER.findall(issuer)
    return tuple(parts) if len(parts) > 1 and "".join(parts) == issuer else (issuer,)


def region_of_code(number: DocNumber | None, issuers: Mapping[str, tuple[str, str]]) -> str | None:
    """The region the plan's own issuer code stands for (国发 → 中国, 豫政办 → 河南省), for a
    plan whose title names none; a code that names no place (市政办发) stands for none.
    `issuers` maps a code to its issuer and region (data/issuer_codes.csv)."""
    if number is None or number.issuer_code.startswith(RELATIVE_CODE_STARTS):
        return None
    known = issuers.get(number.issuer_code)
    return known[1] if known else None


def region_of_issuer(
    texts: tuple[str | None, ...], issuers: Mapping[str, tuple[str, str]]
) -> str | None:
    """The region of the issuer a title or issuer line opens with, by its full name
    (国务院办公厅关于… → 中国, 民政部关于… → 中国), for a plan that names no region:
    national organs carry no place name. `issuers` maps a code to its issuer and region
    (data/issuer_codes.csv)."""
    regions = {title_key(name): region for name, region in issuers.values()}
    names = sorted(regions, key=len, reverse=True)
    for text in filter(None, texts):
        opening = title_key(text)
        if name := next((n for n in names if opening.startswith(n)), None):
            return regions[name]
    return None
