"""`validate --watch`: a reviewer edits a draft and sees it checked again, in one process."""

from __future__ import annotations

import queue
import signal
import subprocess
import sys
import threading
from pathlib import Path

from policygraph.watch import fingerprint, watch

ROOT = Path(__file__).resolve().parents[1]
WAIT_SECONDS = 120


def test_a_fingerprint_changes_with_the_file_and_is_none_while_it_is_missing(tmp_path):
    draft = tmp_path / "draft.txt"
    assert fingerprint(draft) is None
    draft.write_text("一、总体要求\n", encoding="utf-8")
    first = fingerprint(draft)
    draft.write_text("一、总体要求\n二、主要任务\n", encoding="utf-8")
    assert fingerprint(draft) != first
    assert fingerprint(tmp_path) == fingerprint(draft)


def _save(draft: Path, text: str) -> None:
    """Save as editors do: write a new file, then put it in the draft's place."""
    saved = draft.with_suffix(".saving")
    saved.write_text(text, encoding="utf-8")
    saved.replace(draft)


def _lines(stream, into: queue.Queue) -> None:
    for line in stream:
        into.put(line)
    into.put(None)


def _wait_for(lines: queue.Queue, needle: str) -> list[str]:
    seen = []
    while True:
        line = lines.get(timeout=WAIT_SECONDS)
        assert line is not None, f"ended before {needle!r}: {''.join(seen)}"
        seen.append(line)
        if needle in line:
            return seen


def _watching(program: list[str], draft: Path) -> tuple[subprocess.Popen, queue.Queue, queue.Queue]:
    """`<program> validate DRAFT --summary --watch` started, with its stdout and stderr lines."""
    process = subprocess.Popen(
        [*program, "validate", str(draft), "--summary", "--watch"],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        encoding="utf-8",
    )
    out: queue.Queue = queue.Queue()
    err: queue.Queue = queue.Queue()
    for stream, into in ((process.stdout, out), (process.stderr, err)):
        threading.Thread(target=_lines, args=(stream, into), daemon=True).start()
    return process, out, err


def test_watch_checks_again_after_each_change_and_exits_with_the_last_status(tmp_path):
    draft = tmp_path / "draft.txt"
    plan = (ROOT / "corpus" / "xixian.txt").read_text(encoding="utf-8")
    draft.write_text(plan, encoding="utf-8")
    process, out, err = _watching([sys.executable, "-m", "policygraph"], draft)
    try:
        _wait_for(err, "watching")
        assert "plan(s): conforms" in "".join(_wait_for(out, "plan(s):"))
        _save(draft, "not a plan at all")
        assert "not a Chinese plan text" in "".join(_wait_for(err, "error:"))
        _save(draft, plan)
        assert "plan(s): conforms" in "".join(_wait_for(out, "plan(s):"))
        _save(draft, "还是不是规划")
        _wait_for(err, "error:")
        process.send_signal(signal.SIGINT)
        assert process.wait(timeout=WAIT_SECONDS) == 2  # the last check could not use its input
    finally:
        process.kill()
        process.wait()


def test_a_check_that_raises_is_reported_and_the_watch_goes_on(tmp_path):
    draft = tmp_path / "draft.txt"
    draft.write_text("一、总体要求\n", encoding="utf-8")
    checks, failures = [], []

    def check() -> int:
        checks.append(draft.read_text(encoding="utf-8"))
        if len(checks) == 1:
            draft.write_text("一、总体要求\n二、主要任务\n", encoding="utf-8")
            raise RuntimeError("a fault of the check")
        signal.raise_signal(signal.SIGINT)  # stops the watch once this check is done
        return 0

    def failed(error: Exception) -> int:
        failures.append(error)
        return 2

    status = watch(draft, check, announce=lambda: None, failed=failed, poll_seconds=0.01)
    assert [str(f) for f in failures] == ["a fault of the check"]
    assert len(checks) == 2 and status == 0


INJECTED_FAULT = """
import sys
import policygraph.validate as validate
from policygraph.cli import main

real = validate.plan_graphs_in


def plan_graphs_in(path):
    if "故障" in path.read_text(encoding="utf-8"):
        raise RuntimeError("a fault\\nof policygraph")
    return real(path)


validate.plan_graphs_in = plan_graphs_in
sys.argv = ["policygraph", *sys.argv[1:]]
main()
"""


def test_watch_reports_an_unexpected_error_in_one_line_and_keeps_watching(tmp_path):
    draft = tmp_path / "draft.txt"
    draft.write_text("故障", encoding="utf-8")
    process, out, err = _watching([sys.executable, "-c", INJECTED_FAULT], draft)
    try:
        reported = "".join(_wait_for(err, "error:"))
        assert "error: unexpected RuntimeError: a fault of policygraph\n" in reported
        _save(draft, (ROOT / "corpus" / "xixian.txt").read_text(encoding="utf-8"))
        assert "plan(s): conforms" in "".join(_wait_for(out, "plan(s):"))
        process.send_signal(signal.SIGINT)
        assert process.wait(timeout=WAIT_SECONDS) == 0
        assert "Traceback" not in "".join(iter(err.get, None))
    finally:
        process.kill()
        process.wait()
