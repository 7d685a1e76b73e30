"""The words that end a document's title and name its kind (…实施方案, …的意见, …条例).

Top-level and import-free, so normalize.py (which must not join a title line to the next)
and the extractors share one list.
"""

from __future__ import annotations

PLAN_KINDS = ("方案", "规划", "意见", "计划", "办法", "措施", "决定", "纲要", "细则")
"""Kinds a plan itself is issued as: 实施方案, 专项规划, 实施意见, 行动计划 …"""
TABLE_KINDS = ("分解表", "分工表", "责任分解")
"""Kinds of a task table issued as a document of its own, titled like a plan:
2024年《政府工作报告》重点工作目标任务分解表, 2021年重大民生实事项目目标任务责任分解表; a
county's yearly division of its government work report, titled without 表 (长兴县人民政府办公室
关于印发2023年政府工作报告重点工作责任分解的通知, 海盐县人民政府办公室关于印发政府工作报告
2022年重点工作责任分解的通知: both tune set)."""
DOCUMENT_KINDS = (*PLAN_KINDS, "通知", "规定", "规范", "条例")
"""Kinds of any document a plan cites; a 通知 only carries another document."""
PROSE_KINDS = ("措施", "规定", "规范")
"""Kind words that are also everyday nouns of running prose (采取有效措施, 按规定, 规范管理):
a line ending in one may be a sentence cut by a line break."""
TITLE_LINE_KINDS = tuple(kind for kind in DOCUMENT_KINDS if kind not in PROSE_KINDS)
"""Kind words that end a line only where a title ends."""

DRAFT_STAGES = ("征求意见稿", "送审稿", "讨论稿", "草案")
"""Stages of a text not yet issued: 《…整体解决方案（征求意见稿）》. A draft has no 成文日期 yet."""
DRAFT_MARKS = (*DRAFT_STAGES, "试行", "暂行")
"""What a title may carry in brackets after its kind word, naming the stage or status of the
text: 《…整体解决方案（征求意见稿）》, 《…管理办法（试行）》. Part of the title; a 试行 or 暂行
text is issued (and dated) like any other."""


def draft_stage(title: str) -> str | None:
    """The stage a title's brackets name, if the text is a draft not yet issued:
    海盐县关于推进养老服务高质量发展的工作方案(征求意见稿) (a tune text, 2022), 青岚县“一老一小”
    整体解决方案（征求意见稿） (the test draft), or the notice that carries one (关于印发《…（征求
    意见稿）》的通知) → 征求意见稿; a 试行 title → None."""
    for stage in DRAFT_STAGES:
        if f"（{stage}）" in title or f"({stage})" in title:
            return stage
    return None


ARTICLE_LINE_KEYS = ("日期", "发布时间", "发布日期", "来源", "作者", "撰文")
"""Keys of the line a web page prints under an article's headline (日期：2021-01-04,
来源：新华社 作者：… 发布时间：2021-11-5 16:33, 撰文：陈进安): the headline above it is a title of
its own, never the first half of a sentence cut by a line break."""
DATED_LINE_KEYS = (*ARTICLE_LINE_KEYS, "时间")
"""Keys of an article line when a dashed date follows: also a government site's bare 时间
(来源：市卫健委  时间：2021-06-22 09:31:25 on the Zhengzhou health commission's page,
时间：2022-10-25 来源：老龄健康司 on the National Health Commission's). Alone, 时间 is a field of
plan text (完成时间：2025年底, 实施时间：…), so it marks no article line without that date."""
