"""Re-run a check each time its input changes (`validate --watch`).

A reviewer edits a draft and checks it again and again; a new process per check pays the
imports (spaCy, rdflib, the SHACL engine) every time, a watching process pays them once and
then only the check itself. The input is polled, not subscribed to, so that it works the same
on every file system (network shares and editors that replace the file included).
"""

from __future__ import annotations

import signal
import threading
from collections.abc import Callable
from pathlib import Path

POLL_SECONDS = 0.4

Fingerprint = tuple[tuple[str, int, int], ...] | None


def fingerprint(path: Path) -> Fingerprint:
    """What changes when the input does: each file's name, size and modification time
    (every file under a folder); None while the path does not exist."""
    if path.is_file():
        files = [path]
    elif path.is_dir():
        files = sorted(p for p in path.rglob("*") if p.is_file())
    else:
        return None
    signature = []
    for file in files:
        try:
            stat = file.stat()
        except OSError:
            continue
        signature.append((str(file), stat.st_size, stat.st_mtime_ns))
    return tuple(signature)


def watch(
    path: Path,
    check: Callable[[], int],
    announce: Callable[[], None],
    failed: Callable[[Exception], int],
    poll_seconds: float = POLL_SECONDS,
) -> int:
    """Run `check`, then again (after `announce`) whenever `path` changes, until Ctrl-C
    (SIGINT); return the status of the last check. The input is noted before the first
    check, so that a change made while it runs is checked too. A check that raises (an
    input it cannot use, or anything unexpected: a bug, a file gone while it was read) does
    not end the watch: `failed` reports the error and gives that check's status, and the
    next change is checked as usual. Ctrl-C lets a check that is running finish, so that
    the status returned is that of the last report printed; a second Ctrl-C interrupts it."""
    stop = threading.Event()

    def interrupt(_signal: int, _frame: object) -> None:
        if stop.is_set():
            raise KeyboardInterrupt
        stop.set()

    def run() -> int:
        try:
            return check()
        except Exception as error:  # Ctrl-C (KeyboardInterrupt) and exits still end it
            return failed(error)

    previous = signal.signal(signal.SIGINT, interrupt)
    try:
        seen = fingerprint(path)
        status = run()
        while not stop.wait(poll_seconds):
            now = fingerprint(path)
            if now == seen or now is None:
                continue
            seen = now
            announce()
            status = run()
        return status
    finally:
        signal.signal(signal.SIGINT, previous)
