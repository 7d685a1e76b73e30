"""Responsibility lists at scale (issue 17, item 6): a generated plan of N task items,
each closing with its own （责任单位：…） clause, extracted end to end.

    .venv/bin/python benchmarks/responsibility.py            # 1,000 / 2,000 / 4,000 clauses
    .venv/bin/python benchmarks/responsibility.py --sizes 2000

Extraction time must grow linearly with the number of clauses (2,000 in under 5 s);
before the running bracket depth, 1,000 clauses took 22 s and 2,000 took 80 s.
`tests/test_scale.py` checks what the same plan extracts to, not how fast.
"""

from __future__ import annotations

import argparse
import tempfile
import time
from pathlib import Path

UNITS = ("区民政局", "区财政局", "区卫生健康委", "区教委", "区发展改革委", "各镇乡街道")
ITEMS_PER_GROUP = 50
CN_DIGITS = "零一二三四五六七八九"


def chinese(number: int) -> str:
    """1 → 一, 10 → 十, 14 → 十四, 40 → 四十, 99 → 九十九 (heading numerals under 100)."""
    tens, ones = divmod(number, 10)
    head = "" if tens == 0 else ("十" if tens == 1 else CN_DIGITS[tens] + "十")
    return head + (CN_DIGITS[ones] if ones else "")


def item_units(index: int) -> tuple[str, str]:
    """The two units the generated item `index` names, the first of them leading."""
    return UNITS[index % len(UNITS)], UNITS[(index + 1) % len(UNITS)]


def responsibility_plan(clauses: int) -> str:
    """A plan text with `clauses` task items in groups of 50: （一）…（四十） each with
    items 1.–50., every item closing with （责任单位：A牵头，B配合）."""
    lines = ["重庆市万州区“一老一小”整体解决方案", "一、重点任务"]
    for index in range(clauses):
        group, item = divmod(index, ITEMS_PER_GROUP)
        if item == 0:
            lines.append(f"（{chinese(group + 1)}）完善第{chinese(group + 1)}组服务体系")
        lead, partner = item_units(index)
        lines.append(
            f"{item + 1}.推进养老托育服务工作。加强服务供给，完善设施网络，"
            f"落实补贴政策。（责任单位：{lead}牵头，{partner}配合）"
        )
    return "\n".join(lines) + "\n"


def main() -> None:
    from policygraph.build import extract_plan

    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[1000, 2000, 4000])
    sizes = parser.parse_args().sizes
    extract_plan(Path(__file__).parents[1] / "corpus" / "wanzhou.txt")  # load once
    with tempfile.TemporaryDirectory() as folder:
        for size in sizes:
            path = Path(folder) / f"plan-{size}.txt"
            path.write_text(responsibility_plan(size), encoding="utf-8")
            start = time.perf_counter()
            plan = extract_plan(path)
            took = time.perf_counter() - start
            print(f"{size:>6} clauses  {len(plan.measures):>6} measures  {took:6.2f} s")


if __name__ == "__main__":
    main()
