"""Hostile input to `policygraph build` (issue 17, items 5, 7 and 8): one bad file is one
error line and the rest is built; killed builds leave no workers; concurrent builds keep
every index row."""

from __future__ import annotations

import io
import shutil
import signal
import subprocess
import sys
import time
import zipfile
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import docx
import pytest
from hypothesis import given
from hypothesis import strategies as st
from typer.testing import CliRunner

from policygraph import build as build_module
from policygraph.build import build_corpus
from policygraph.cli import app
from policygraph.context import IndexRow, read_index
from policygraph.nlp import char_tokens, make_nlp
from tests.conftest import CORPUS
from tests.processes import all_end, descendants

GOOD = ("wanzhou", "xixian")
BUILD = (sys.executable, "-m", "policygraph", "build")


def _build(*arguments: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [*BUILD, *arguments],
        capture_output=True,
        text=True,
        timeout=300,
    )


def _junk_docx(path: Path) -> Path:
    """A .docx package whose document.xml is not XML (a broken save, a tampered file)."""
    docx.Document().save(str(path))
    with zipfile.ZipFile(path) as package:
        parts = {name: package.read(name) for name in package.namelist()}
    parts["word/document.xml"] = b"<w:document \x00\x01 junk <<<"
    with zipfile.ZipFile(path, "w") as package:
        for name, data in parts.items():
            package.writestr(name, data)
    return path


def _long_text(path: Path) -> Path:
    """A text of over a million characters (spaCy's default max_length), about 3 MB."""
    line = "积极推进养老服务体系建设，完善普惠托育服务。\n"
    path.write_text(
        "某市养老服务情况汇编\n" + line * (1_000_000 // len(line) + 1), encoding="utf-8"
    )
    return path


def test_an_oversized_text_and_a_junk_docx_are_one_line_each_and_the_rest_is_built(
    tmp_path: Path,
) -> None:
    folder = tmp_path / "plans"
    folder.mkdir()
    for name in GOOD:
        shutil.copy(CORPUS / f"{name}.txt", folder)
    _junk_docx(folder / "broken.docx")
    _long_text(folder / "long.txt")
    out = tmp_path / "graphs"
    result = _build(str(folder), "--out", str(out), "--jobs", "2")
    assert "Traceback" not in result.stderr
    errors = result.stderr.strip().splitlines()
    assert len(errors) == 2
    assert any("broken.docx" in e and "not a readable .docx" in e for e in errors)
    assert any("long.txt" in e for e in errors)
    assert result.returncode != 0
    assert {p.stem for p in (out / "plans").glob("*.ttl")} == set(GOOD)
    assert (out / "vocabularies.ttl").is_file() and (out / "registry.ttl").is_file()
    assert {row.plan for row in read_index(out)} == {f"plans/{name}.ttl" for name in GOOD}


def _unreadable_files() -> dict[str, bytes]:
    """Files a folder of plans may hold that are not plan texts at all."""
    empty_zip = io.BytesIO()
    with zipfile.ZipFile(empty_zip, "w") as package:
        package.writestr("readme.txt", "nothing")
    return {
        "empty.txt": b"",
        "whitespace.txt": b" \n\t\n   \n",
        "binary.txt": bytes(range(256)) * 40,
        "english.txt": b"This is an English page about elderly care. " * 100,
        "nul-bytes.txt": ("某市养老服务\x00方案\x00" * 200).encode(),
        "bad-utf8.txt": "某市养老服务方案".encode()
        + b"\xed\xa0\x80\xff\xfe"
        + "一、目标".encode() * 50,
        "truncated.pdf": b"%PDF-1.4\n1 0 obj << /Type /Catalog /Pages 2 0 R >>\nendobj\n",
        "not-a-zip.docx": b"PK\x03\x04 this is not a zip",
        "empty-zip.docx": empty_zip.getvalue(),
        "scripts-only.html": b"<html><body><script>x()</script></body></html>",
    }


PAYLOADS = {
    "huge-number": "到2025年，养老床位达到" + "9" * 5000 + "张。",
    "huge-chinese-numeral": "到2025年，养老床位达到" + "九" * 5000 + "万张。",
    "nested-brackets": "加强养老服务" + "（养老服务" * 20000 + "责任单位：市民政局" + "）" * 20000,
    "unclosed-brackets": "（责任单位：市民政局、" * 5000,
    "percent-overflow": "到2025年，护理型床位占比达到1" + "0" * 400 + "%。",
    "year-overflow": "到" + "2" * 50 + "年，护理型床位占比达到60%。",
    "decimal-flood": "到2025年，护理型床位占比达到0." + "5" * 3000 + "%。",
    "range-flood": "到2025年，每千人口托位数达到" + "至".join(["4.5个托位"] * 3000) + "。",
    "control-chars": "推进\x01养老\x07服务\x1b建设\x0c。" * 500,
    "private-use-and-bidi": "推进\ue000养老\U000f0000服务\u202e建设\u202c。" * 500,
}
"""Hostile passages, each put in the middle of a real plan so that extraction reads them."""


def test_a_folder_of_hostile_files_is_one_line_per_refusal_and_the_rest_is_built(
    tmp_path: Path,
) -> None:
    folder = tmp_path / "plans"
    folder.mkdir()
    shutil.copy(CORPUS / "kunming.txt", folder)
    for name, data in _unreadable_files().items():
        (folder / name).write_bytes(data)
    lines = (CORPUS / "kunming.txt").read_text(encoding="utf-8").splitlines()
    middle = len(lines) // 2
    for name, payload in PAYLOADS.items():
        text = "\n".join([*lines[:middle], payload, *lines[middle:]]) + "\n"
        (folder / f"{name}.txt").write_text(text, encoding="utf-8")
    out = tmp_path / "graphs"
    result = _build(str(folder), "--out", str(out), "--jobs", "2")
    assert "Traceback" not in result.stderr
    refused = {
        Path(line.removeprefix("error: ").split(": ")[0]).name
        for line in result.stderr.strip().splitlines()
    }
    built = {p.stem for p in (out / "plans").glob("*.ttl")}
    assert set(_unreadable_files()) <= refused and "kunming" in built
    assert len(result.stderr.strip().splitlines()) == len(refused)
    assert {Path(name).stem for name in refused} | built == {p.stem for p in folder.iterdir()}
    assert {row.plan for row in read_index(out)} == {f"plans/{stem}.ttl" for stem in built}


def test_an_unexpected_failure_of_one_file_is_its_error_line(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    real = build_module.extract_plan

    def failing_on_xixian(path: Path) -> object:
        if path.stem == "xixian":
            raise RecursionError("maximum recursion depth exceeded")
        return real(path)

    monkeypatch.setattr(build_module, "extract_plan", failing_on_xixian)
    report = build_corpus([CORPUS / f"{name}.txt" for name in GOOD], tmp_path, jobs=1)
    assert [b.path.stem for b in report.built] == ["wanzhou"]
    assert [str(e) for e in report.failed] == [
        f"{CORPUS / 'xixian.txt'}: not built: RecursionError: maximum recursion depth exceeded"
    ]
    assert {row.plan for row in read_index(tmp_path)} == {"plans/wanzhou.ttl"}


def test_validate_reports_an_unexpected_failure_in_one_line(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    def failing(path: Path) -> object:
        raise RecursionError("maximum recursion depth exceeded")

    monkeypatch.setattr(build_module, "extract_plan", failing)
    result = CliRunner().invoke(app, ["validate", str(CORPUS / "lincang.txt")])
    assert result.exit_code == 2
    assert result.stderr.strip().splitlines() == [
        f"error: {CORPUS / 'lincang.txt'}: not built: RecursionError: "
        "maximum recursion depth exceeded"
    ]


@given(st.text(alphabet="中文。a \n\t\u3000\xa0", max_size=40))
def test_char_tokens_match_spacys_char_segmenter(text: str) -> None:
    doc = make_nlp().make_doc(text)
    assert char_tokens(text) == ([t.text for t in doc], [bool(t.whitespace_) for t in doc])


def test_a_worker_whose_build_died_before_it_started_ends_at_once() -> None:
    """A build killed between forking a worker and the worker's start: the worker is given
    the build's process id by the build, finds it is no longer its parent, and ends before
    warming up, rather than watching the init process it was handed to (a worker so left
    ran on for hours in a loaded test run)."""
    started = subprocess.run(
        [sys.executable, "-c", "from policygraph.build import _start_worker; _start_worker(1)"],
        capture_output=True,
        timeout=60,
    )
    assert (started.returncode, started.stdout, started.stderr) == (1, b"", b"")


def test_killing_a_parallel_build_leaves_no_worker_running(tmp_path: Path) -> None:
    folder = tmp_path / "plans"
    folder.mkdir()
    for copy in range(12):  # enough work that the workers are busy when the build is killed
        shutil.copy(CORPUS / "wanzhou.txt", folder / f"wanzhou{copy}.txt")
    process = subprocess.Popen(
        [*BUILD, str(folder), "--out", str(tmp_path / "g"), "--jobs", "2"],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        workers: list[int] = []
        waited_until = time.monotonic() + 60  # a loaded CI machine starts the workers slowly
        while time.monotonic() < waited_until and process.poll() is None:
            workers = descendants(process.pid)
            if len(workers) >= 2:
                break
            time.sleep(0.05)
        assert len(workers) >= 2
        process.send_signal(signal.SIGKILL)
        process.wait(timeout=10)
        assert all_end(workers, within=5.0)
    finally:
        process.kill()
        process.wait(timeout=10)


def test_two_builds_into_one_folder_keep_every_index_row(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    real = build_module.updated_index

    def slow_to_merge(folder: Path, built: dict[str, IndexRow]) -> list[IndexRow]:
        rows = real(folder, built)
        time.sleep(0.5)  # long enough for the other build to read the same old index
        return rows

    monkeypatch.setattr(build_module, "updated_index", slow_to_merge)
    with ThreadPoolExecutor(2) as builds:
        reports = list(
            builds.map(lambda name: build_corpus([CORPUS / f"{name}.txt"], tmp_path, 1), GOOD)
        )
    assert [len(r.built) for r in reports] == [1, 1]
    assert {row.plan for row in read_index(tmp_path)} == {f"plans/{name}.ttl" for name in GOOD}
