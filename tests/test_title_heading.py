"""Where a plan's title is quoted from when a 印发 notice prints it before the plan
(extract/metadata.py, _own_heading): the plan's own heading, where the copy prints it."""

from __future__ import annotations

from pathlib import Path

import pytest

from policygraph.extract.metadata import Metadata, find_metadata
from policygraph.normalize import normalize_text

TUNE = Path(__file__).resolve().parent / "devset" / "tune" / "texts"


def metadata(source: str) -> Metadata:
    normalized = normalize_text(source)
    return find_metadata(normalized.text, normalized.quote)


@pytest.mark.parametrize(
    ("stem", "title"),
    [
        ("anyang-yilaoyixiao", "安阳市“一老一小”整体解决方案"),  # 标题 field, notice, 《》
        ("guoban-yaopin-jizhong-caigou-fangan", "国家组织药品集中采购和使用试点方案"),  # 以下简称
    ],
)
def test_the_title_is_quoted_at_the_plans_own_heading(stem: str, title: str) -> None:
    """A page prints the 印发 notice (its 标题 field and heading name the plan) and then the
    plan under its own heading: the title's line is the heading's."""
    source = (TUNE / f"{stem}.txt").read_text(encoding="utf-8")
    found = metadata(source)
    assert found.title == title
    assert found.title_quote is not None
    lines = source.splitlines()
    assert lines[found.title_quote.line - 1].strip() == found.title


def test_a_heading_printed_otherwise_is_not_the_titles_quote() -> None:
    """A centred heading that drops the quotation marks is no exact quote of the title: the
    quote stays where the notice names it."""
    notice = (
        "某市人民政府办公室关于印发某市“一老一小”整体解决方案的通知\n"
        "各县（市、区）人民政府：\n"
        "《某市“一老一小”整体解决方案》已经市政府同意，现印发给你们，请认真贯彻执行。\n\n"
    )
    printed = metadata(notice + "某市“一老一小”整体解决方案\n一、总体要求\n")
    assert printed.title_quote is not None and printed.title_quote.line == 5
    centred = metadata(notice + "  某市一老一小整体解决方案\n一、总体要求\n")
    assert centred.title == "某市“一老一小”整体解决方案"
    assert centred.title_quote is not None and centred.title_quote.text == centred.title
    assert centred.title_quote.line < 5
