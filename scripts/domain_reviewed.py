"""The share of extracted targets on a reviewed indicator, in the dev-set texts of the
一老一小 family (elderly care, childcare, ageing, infant care) and in the others apart.

The independent check of issue 13 holds 一老一小 plans; most dev texts are of other
domains (environment, employment, 民生实事 lists), whose indicators no list of the
scheme was built from. A text is of the family when its gold title or file name names
one of FAMILY's words (the gold's `document.title`, else the file's slug in pinyin). How
many of the extracted targets the gold holds is printed beside it: a false target is
seldom on a reviewed concept, so precision caps the share.

    .venv/bin/python scripts/domain_reviewed.py tests/devset/tune
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

from policygraph.errors import PolicygraphError
from policygraph.evaluate import evaluate

FAMILY = ("一老一小", "养老", "托育", "婴幼儿", "老龄", "老年", "照护")
FAMILY_SLUGS = ("yilaoyixiao", "yanglao", "tuoyu", "yingyouer", "laoling", "laonian", "zhaohu")


def in_family(gold: dict[str, object], file: str) -> bool:
    document = gold.get("document") or {}
    title = str(document.get("title") or "") if isinstance(document, dict) else ""
    return any(w in title for w in FAMILY) or any(s in file for s in FAMILY_SLUGS)


def main(part: Path) -> None:
    scores = {s.plan: s for s in evaluate(part / "gold", part / "texts").plans}
    sums = {True: [0, 0, 0, 0], False: [0, 0, 0, 0]}
    for gold_path in sorted((part / "gold").glob("*.json")):
        gold = json.loads(gold_path.read_text(encoding="utf-8"))
        plan = scores[gold["file"]]
        side = sums[in_family(gold, gold["file"])]
        side[0] += 1
        side[1] += plan.reviewed_targets
        side[2] += plan.found_targets
        side[3] += plan.matched_targets
    for family, (texts, reviewed, found, matched) in sums.items():
        name = "一老一小 family" if family else "other domains"
        share = f"{reviewed / found:.2f}" if found else "n/a"
        sys.stdout.write(
            f"{name}: {texts} texts, {reviewed}/{found} targets reviewed ({share}),"
            f" {matched} of them in the gold\n"
        )


if __name__ == "__main__":
    try:
        main(Path(sys.argv[1]))
    except IndexError:
        sys.exit("domain_reviewed: give a dev-set part, e.g. tests/devset/tune")
    except PolicygraphError as error:
        sys.exit(f"domain_reviewed: {error}")
