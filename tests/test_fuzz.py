"""Property tests on messy input (issue 8): the normaliser, the document-number
parser, the table reader and the file readers raise nothing but the project's
own errors, quote their source exactly, and normalising twice changes nothing."""

from __future__ import annotations

import itertools
import tempfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from policygraph.errors import InputError
from policygraph.extract.docnumber import find_doc_numbers
from policygraph.normalize import normalize_text
from policygraph.read import PLAN_SUFFIXES, read_plan
from policygraph.structure import outline_text
from policygraph.tables import find_tables

FUZZ = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])

PIECES = st.sampled_from(
    [
        "养老",
        "托育",
        "服务",
        "機構",
        "護理",
        "養老床位",
        "著",
        "乾",
        "到2025年",
        "达到",
        "95%",
        "９５％",
        "不低于",
        "（一）",
        "(二)",
        "一、",
        "1.",
        "2、",
        "3、",
        "①",
        "，",
        ",",
        "。",
        "；",
        ":",
        "：",
        "|",
        " | ",
        "｜",
        " ",
        "  ",
        "\u3000",
        "\u00a0",
        "\t",
        "\n",
        "\n\n",
        "\r\n",
        "序号",
        "指标名称",
        "2025年",
        "属性",
        "约束性",
        "责任单位：区民政局",
        "国办发〔2020〕52号",
        "万州府办发〔202297",
        "[ 发文字号 ] ",
        "第2页",
        "- 3 -",
        "2/7",
        "Page 2 of 7",
        "由会员分享",
        "还剩5页未读，继续阅读",
        "Copyright © 2024",
        "服务热线：12345",
        "您当前位置：首页 > 政务公开",
        "首页 政务公开 政务服务 互动交流",
        "中国政府网 | 市政府网 |",
        "扫一扫在手机打开当前页面",
        "分享到",
        "a",
        "Z",
        "0",
        "\ufeff",
        "\u200b",
        "\r",
        "\f",
        '"',
        ".",
        "&ldquo;",
        "&nbsp;",
        "&amp;",
        "&#12288;",
        "关 于 印 发 养 老 服 务",
        "2 0 2 5 年",
        "12 ",
        "责任编辑：王静",
        "【打印】【关闭】",
        "周口市人民政府文件",
        "\x00",
        "\ud7ff",
    ]
)
PLAN_LIKE = st.lists(PIECES, max_size=60).map("".join)
ANY_TEXT = st.one_of(PLAN_LIKE, st.text(max_size=200))


@FUZZ
@given(ANY_TEXT)
def test_fuzz_normalize_quotes_the_source_and_is_idempotent(source: str) -> None:
    normalized = normalize_text(source)
    assert len(normalized.offsets) == len(normalized.text)
    offsets = list(normalized.offsets)
    # strictly increasing, but for a line break put back where a copy ran its items
    # together: it stands at the source offset of the character before it
    assert all(
        a < b or (a == b and normalized.text[i + 1] == "\n")
        for i, (a, b) in enumerate(itertools.pairwise(offsets))
    )
    for start in range(0, len(normalized.text), 5):
        quote = normalized.quote(start, min(len(normalized.text), start + 4))
        assert source[quote.start : quote.end] == quote.text
    assert normalize_text(normalized.text).text == normalized.text


@FUZZ
@given(ANY_TEXT)
def test_fuzz_doc_numbers_in_normalised_text_quote_it_exactly(source: str) -> None:
    text = normalize_text(source).text
    for start, end, number in find_doc_numbers(text):
        assert text[start:end] == number.raw
        assert (number.normal is None) == (number.problem is not None)


@FUZZ
@given(ANY_TEXT)
def test_fuzz_table_reader_cells_are_spans_of_the_text(source: str) -> None:
    text = normalize_text(source).text
    for table in find_tables(text):
        assert table.start <= table.end <= len(text)
        for cell in (*table.header, *table.cells):
            assert text[cell.start : cell.end] == cell.text
    outline = outline_text(text)
    for start, end in outline.paragraphs:
        assert 0 <= start <= end <= len(text)


@pytest.mark.parametrize("suffix", sorted(PLAN_SUFFIXES))
@settings(max_examples=40, deadline=None)
@given(
    data=st.one_of(st.binary(max_size=600), PLAN_LIKE.map(lambda t: t.encode("utf-8", "replace")))
)
def test_fuzz_readers_raise_only_input_errors(suffix: str, data: bytes) -> None:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / f"plan{suffix}"
        path.write_bytes(data)
        try:
            source = read_plan(path)
        except InputError as error:
            assert str(error).startswith(f"{path}: ")
            assert "\n" not in str(error)
        else:
            assert source.text.strip()
