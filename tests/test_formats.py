"""read/: the bundled plans saved in every format and encoding users have give
the targets of the `.txt` build (issue 8)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from policygraph.build import extract_plan
from policygraph.model import Plan, Target
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
