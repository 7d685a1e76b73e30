"""How the benchmarks measure: repeated timings, peak memory, the machine.

Times are wall-clock (`time.perf_counter`). A command run as a subprocess is
measured with its whole process tree: a sampler sums the resident memory of
the process and all its descendants every 20 ms and keeps the peak (build
workers included; pages shared after fork are counted once per process, so the
figure errs high).
"""

from __future__ import annotations

import os
import platform
import resource
import statistics
import subprocess
import threading
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from importlib.metadata import version
from pathlib import Path

LIBRARIES = ("policygraph", "pyoxigraph", "rdflib", "pyshacl-turbo", "spacy")
SAMPLE_SECONDS = 0.02


@dataclass(frozen=True)
class Timing:
    """Repeated measurements of one thing: seconds per run, and peak memory if measured."""

    runs: tuple[float, ...]
    peak_bytes: int | None = None
    cpu: tuple[float, ...] = ()

    def cpu_cell(self) -> str:
        """Median CPU seconds (user + system, all processes): steadier than wall time
        when other work shares the machine."""
        return seconds(statistics.median(self.cpu)) if self.cpu else "—"

    @property
    def median(self) -> float:
        return statistics.median(self.runs)

    def cell(self) -> str:
        """`median [min–max]` in readable units."""
        if len(self.runs) == 1:
            return seconds(self.runs[0])
        return f"{seconds(self.median)} [{seconds(min(self.runs))}–{seconds(max(self.runs))}]"


def seconds(value: float) -> str:
    if value < 1:
        return f"{value * 1000:.1f} ms"
    return f"{value:.2f} s"


def mebibytes(value: int | None) -> str:
    return "—" if value is None else f"{value / 2**20:,.0f} MiB"


def repeat(action: Callable[[], object], times: int) -> tuple[Timing, object]:
    """Run `action` `times` times; the timings and the last result."""
    runs = []
    result: object = None
    for _ in range(times):
        start = time.perf_counter()
        result = action()
        runs.append(time.perf_counter() - start)
    return Timing(tuple(runs)), result


def _rss(pid: int) -> int:
    try:
        with open(f"/proc/{pid}/status", encoding="ascii") as status:
            for line in status:
                if line.startswith("VmRSS:"):
                    return int(line.split()[1]) * 1024
    except OSError:
        pass
    return 0


def _tree(pid: int) -> list[int]:
    pids, index = [pid], 0
    while index < len(pids):
        try:
            children = Path(f"/proc/{pids[index]}/task/{pids[index]}/children").read_text()
        except OSError:
            children = ""
        pids.extend(int(c) for c in children.split())
        index += 1
    return pids


def run_command(command: Sequence[str]) -> tuple[float, int, subprocess.CompletedProcess[bytes]]:
    """Run a command; its wall time, the peak resident memory of its process tree, and
    the finished process."""
    start = time.perf_counter()
    process = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    peak = 0
    done = threading.Event()

    def sample() -> None:
        nonlocal peak
        while not done.is_set():
            peak = max(peak, sum(_rss(p) for p in _tree(process.pid)))
            done.wait(SAMPLE_SECONDS)

    sampler = threading.Thread(target=sample, daemon=True)
    sampler.start()
    stdout, stderr = process.communicate()
    elapsed = time.perf_counter() - start
    done.set()
    sampler.join()
    finished = subprocess.CompletedProcess(command, process.returncode, stdout, stderr)
    return elapsed, peak, finished


def repeat_command(
    command: Sequence[str],
    times: int,
    ok: tuple[int, ...] = (0,),
    before: Callable[[], object] | None = None,
) -> Timing:
    """Run a command `times` times (after `before` each time, untimed); fail loudly if it
    exits with an unexpected status."""
    runs, cpu, peak = [], [], 0
    for _ in range(times):
        if before is not None:
            before()
        start = resource.getrusage(resource.RUSAGE_CHILDREN)
        elapsed, used, finished = run_command(command)
        end = resource.getrusage(resource.RUSAGE_CHILDREN)
        cpu.append(end.ru_utime - start.ru_utime + end.ru_stime - start.ru_stime)
        if finished.returncode not in ok:
            error = finished.stderr.decode(errors="replace").strip().splitlines()[-1:]
            raise RuntimeError(f"{' '.join(command)} exited {finished.returncode}: {error}")
        runs.append(elapsed)
        peak = max(peak, used)
    return Timing(tuple(runs), peak, tuple(cpu))


def resident_bytes() -> int:
    """This process's resident memory now."""
    return _rss(os.getpid())


def machine() -> dict[str, str]:
    """What the figures were measured on."""
    memory = 0
    with open("/proc/meminfo", encoding="ascii") as info:
        for line in info:
            if line.startswith("MemTotal:"):
                memory = int(line.split()[1]) * 1024
    model = next(
        (
            line.split(":", 1)[1].strip()
            for line in Path("/proc/cpuinfo").read_text().splitlines()
            if line.startswith("model name")
        ),
        platform.processor() or "unknown",
    )
    load = " ".join(Path("/proc/loadavg").read_text().split()[:3])
    libraries = ", ".join(f"{name} {version(name)}" for name in LIBRARIES)
    return {
        "cores": f"{os.cpu_count()} ({model})",
        "memory": f"{memory / 2**30:.1f} GiB",
        "system": f"{platform.system()} {platform.release()}",
        "python": platform.python_version(),
        "libraries": libraries,
        "load average at start": load,
    }
