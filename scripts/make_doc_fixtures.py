"""Write the Word 97–2003 (.doc) test files of tests/data/doc/ (run once; they are committed).

No Python library writes .doc, so each file is written as .docx with python-docx and
saved as .doc by LibreOffice, as an office converts a file: the five bundled plans
(paragraphs and real tables, as `tests/saved_formats.save_docx` writes them), three of
them numbered automatically (`save_docx_numbered`) with LibreOffice's own reading of
each numbered .doc as text beside it (`<name>-numbered.libreoffice.txt`: the labels an
independent reader of the format draws), and `shown.docx`, a paragraph with what Word
keeps but does not show as text (a field's code, hidden text, a tracked deletion) and a
table with a merged cell and an empty one.
Needs LibreOffice (`soffice`; Debian: libreoffice-writer-nogui).

    .venv/bin/python scripts/make_doc_fixtures.py
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

import docx
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tests.saved_formats import save_docx, save_docx_numbered  # noqa: E402

PLANS = ("wanzhou", "lincang", "kunming", "xixian", "zhoukou")
NUMBERED = ("lincang", "kunming", "zhoukou")
OUT = ROOT / "tests" / "data" / "doc"
SHOWN_PARAGRAPH = (
    f"<w:p {nsdecls('w')}>"
    "<w:r><w:t>依据</w:t></w:r>"
    "<w:r><w:fldChar w:fldCharType='begin'/></w:r>"
    "<w:r><w:instrText xml:space='preserve'> HYPERLINK \"https://example.org/a\" "
    "</w:instrText></w:r>"
    "<w:r><w:fldChar w:fldCharType='separate'/></w:r>"
    "<w:r><w:t>《养老服务条例》</w:t></w:r>"
    "<w:r><w:fldChar w:fldCharType='end'/></w:r>"
    "<w:r><w:rPr><w:vanish/></w:rPr><w:t>隐藏批注</w:t></w:r>"
    "<w:del w:id='2' w:author='a' w:date='2022-01-01T00:00:00Z'>"
    "<w:r><w:delText>全省</w:delText></w:r></w:del>"
    "<w:r><w:t>全市养老床位达到5000张</w:t><w:br/><w:t>护理型床位占比达到55%</w:t></w:r>"
    "</w:p>"
)


def shown_docx(path: Path) -> Path:
    document = docx.Document()
    document.add_paragraph("某市养老服务体系建设实施方案")
    document.element.body.insert(1, parse_xml(SHOWN_PARAGRAPH))
    grid = document.add_table(rows=3, cols=3)
    for r, row in enumerate([["领域", "指标", "2025年"], ["养老", "养老床位（张）", "5000"]]):
        for c, text in enumerate(row):
            grid.cell(r, c).text = text
    grid.cell(1, 0).merge(grid.cell(2, 0))  # the 领域 cell spans two rows
    grid.cell(2, 1).text = "护理型床位占比（%）"
    document.add_paragraph("（一）完善养老服务网络。")
    document.save(str(path))
    return path


def main() -> None:
    soffice = shutil.which("soffice")
    if not soffice:
        sys.exit("soffice (LibreOffice) not found")
    OUT.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as folder:
        work = Path(folder)
        sources = [shown_docx(work / "shown.docx")]
        for name in PLANS:
            text = (ROOT / "corpus" / f"{name}.txt").read_text(encoding="utf-8")
            sources.append(save_docx(text, work / f"{name}.docx"))
            if name in NUMBERED:
                sources.append(save_docx_numbered(text, work / f"{name}-numbered.docx"))
        _convert(soffice, "doc", sources, OUT, work)
        numbered = [OUT / f"{name}-numbered.doc" for name in NUMBERED]
        _convert(soffice, "txt:Text (encoded):UTF8", numbered, work, work)
        for name in NUMBERED:
            rendered = work / f"{name}-numbered.txt"
            rendered.replace(OUT / f"{name}-numbered.libreoffice.txt")


def _convert(soffice: str, to: str, files: list[Path], out: Path, home: Path) -> None:
    subprocess.run(
        [soffice, "--headless", "--convert-to", to, "--outdir", str(out), *map(str, files)],
        check=True,
        capture_output=True,
        timeout=600,
        env={"HOME": str(home), "PATH": "/usr/bin:/bin"},
    )


if __name__ == "__main__":
    main()
