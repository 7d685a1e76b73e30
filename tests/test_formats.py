"""read/: the bundled plans saved in every format and encoding users have give
the targets of the `.txt` build (issue 8)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pypdf
import pytest

from policygraph.build import extract_plan
from policygraph.model import Plan, Target
from policygraph.read.pdf_tables import mend_tables
from tests import saved_formats as save
from tests.conftest import CORPUS

PLANS = ("wanzhou", "lincang", "kunming", "xixian", "zhoukou")
WRITERS: dict[str, tuple[str, Callable[[str, Path], Path]]] = {
    "gb18030": (".txt", lambda text, path: save.save_encoded(text, path, "gb18030")),
    "utf-16": (".txt", lambda text, path: save.save_encoded(text, path, "utf-16")),
    "utf-16-le-no-bom": (".txt", lambda text, path: save.save_encoded(text, path, "utf-16-le")),
    "utf-8-bom": (".txt", lambda text, path: save.save_encoded(text, path, "utf-8-sig")),
    "traditional": (".txt", save.save_traditional),
    "html": (".html", lambda text, path: save.save_html(text, path, {"索引号": "000/2022-1"})),
    "html-gbk": (
        ".html",
        lambda text, path: save.save_html(text, path, {"有效性": "有效"}, charset="gb18030"),
    ),
    "html-tables": (
        ".html",
        lambda text, path: save.save_html(text, path, {"有效性": "有效"}, real_tables=True),
    ),
    "laid-out-28": (".txt", lambda text, path: save.save_laid_out(text, path, 56, "\u3000\u3000")),
    "laid-out-20": (".txt", lambda text, path: save.save_laid_out(text, path, 40, "\u3000\u3000")),
    "indented": (".txt", lambda text, path: save.save_laid_out(text, path, 10**6, "\u3000\u3000")),
    "docx": (".docx", save.save_docx),
    "docx-numbered": (".docx", save.save_docx_numbered),
    "docx-outline-numbered": (
        ".docx",
        lambda text, path: save.save_docx_numbered(text, path, outline=True),
    ),
    "pdf": (".pdf", save.save_pdf),
    "pdf-laid-out-28": (".pdf", lambda text, path: save.save_pdf(text, path, 56, "\u3000\u3000")),
    "pdf-narrow-cells": (".pdf", lambda text, path: save.save_pdf(text, path, cell_width=16)),
    "pdf-narrow-cells-centred": (
        ".pdf",
        lambda text, path: save.save_pdf(text, path, cell_width=12, centred=True),
    ),
    "pdf-narrow-cells-laid-out": (
        ".pdf",
        lambda text, path: save.save_pdf(text, path, 56, "\u3000\u3000", cell_width=10),
    ),
}


def target_keys(plan: Plan) -> set[tuple[object, ...]]:
    return {_key(t) for t in plan.targets}


def _key(t: Target) -> tuple[object, ...]:
    return (t.indicator, t.year, t.value, t.max_value, t.comparator, t.unit, t.region)


@pytest.fixture(scope="module")
def txt_targets() -> dict[str, set[tuple[object, ...]]]:
    return {name: target_keys(extract_plan(CORPUS / f"{name}.txt")) for name in PLANS}


@pytest.mark.parametrize("fmt", list(WRITERS))
@pytest.mark.parametrize("name", PLANS)
def test_formats_give_the_targets_of_the_txt_build(
    name: str, fmt: str, tmp_path: Path, txt_targets: dict[str, set[tuple[object, ...]]]
) -> None:
    suffix, write = WRITERS[fmt]
    text = (CORPUS / f"{name}.txt").read_text(encoding="utf-8")
    path = write(text, tmp_path / f"{name}{suffix}")
    assert target_keys(extract_plan(path)) == txt_targets[name]


GROUPED_PLAN = """某县“一老一小”整体解决方案

为贯彻落实《国务院办公厅关于促进养老托育服务健康发展的意见》（国办发〔2020〕52号），制定本方案。

一、主要目标

到2025年，养老托育服务体系基本健全。主要指标如下：

领域 | 序号 | 指标名称 | 单位 | 2020年 | 2025年 | 属性
养老服务 | 1 | 养老机构护理型床位占比 | % | 45 | 55 | 约束性
养老服务 | 2 | 特殊困难老年人月探访率 | % | — | 100 | 预期性
养老服务 | 3 | 街道综合养老服务机构覆盖率 | % | 30 | ≥60 | 预期性
托育服务 | 4 | 每千人口拥有3岁以下婴幼儿托位数 | 个 | 1.8 | 4.5 | 约束性
托育服务 | 5 | 普惠性托位占比 | % | — | 60 | 预期性
健康服务 | 6 | 65岁及以上老年人城乡社区规范健康管理服务率 | % | 60 | ≥65 | 预期性
健康服务 | 7 | 二级及以上综合性医院设立老年医学科的比例 | % | 40 | 60 | 预期性
健康服务 | 8 | 孕产妇系统管理率 | % | 90 | ≥90 | 约束性

二、重点任务

（一）扩大养老服务供给。推进公办养老机构改革。（责任单位：县民政局、县发展改革委）
"""
"""A plan whose indicator table has a 领域 column merged over groups of 3, 2 and 3 rows."""


@pytest.mark.parametrize("centred", [False, True])
@pytest.mark.parametrize("cell_width", [20, 12, 6])
def test_pdf_table_with_wrapped_names_and_merged_group_cells_gives_the_txt_targets(
    cell_width: int, centred: bool, tmp_path: Path
) -> None:
    txt = tmp_path / "plan.txt"
    txt.write_text(GROUPED_PLAN, encoding="utf-8")
    pdf = save.save_pdf(GROUPED_PLAN, tmp_path / "plan.pdf", cell_width=cell_width, centred=centred)
    targets = extract_plan(txt).targets
    assert {t.domain for t in targets} == {"养老服务", "托育服务", "健康服务"}
    read = {(_key(t), t.domain) for t in extract_plan(pdf).targets}
    assert read == {(_key(t), t.domain) for t in targets}


@pytest.mark.parametrize("name", PLANS)
def test_pdf_whose_cells_fit_their_columns_reads_as_laid_out(name: str, tmp_path: Path) -> None:
    text = (CORPUS / f"{name}.txt").read_text(encoding="utf-8")
    path = save.save_pdf(text, tmp_path / f"{name}.pdf", 56, "\u3000\u3000")
    lines = [
        line
        for page in pypdf.PdfReader(path).pages
        for line in page.extract_text(extraction_mode="layout").split("\n")
    ]
    assert mend_tables(lines) == lines
