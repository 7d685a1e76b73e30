"""Report what each kind of copy damage (tests/damage.py) costs the five bundled plans.

For every plan of corpus/ and every damage, the damaged copy is built as a user would
build it and compared with the clean build: targets kept of the clean ones and new ones,
measures, owners (a measure's responsible and lead units) kept of the clean ones and new
ones, title and document number. A line starts with !! where the copy differs, and
reads `refused` where the build refuses the copy.

    .venv/bin/python scripts/damage_report.py [DAMAGE ...] [--seed S]
"""

from __future__ import annotations

import argparse
import random
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tests.damage import DAMAGES  # noqa: E402
from tests.test_formats import PLANS, target_keys  # noqa: E402

from policygraph.build import extract_plan  # noqa: E402
from policygraph.errors import NotAPlanError  # noqa: E402
from policygraph.model import Plan  # noqa: E402


def owner_keys(plan: Plan) -> set[tuple[str, str, str]]:
    """Each measure's owners: (measure key, unit as written, responsible or lead)."""
    return {
        (m.key, unit.name, role)
        for m in plan.measures
        for role, units in (("responsible", m.responsible), ("lead", m.lead))
        for unit in units
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("damages", nargs="*", help=f"of: {', '.join(DAMAGES)} (default: all)")
    parser.add_argument("--seed", default="", help="varies the random damages")
    args = parser.parse_args()
    if unknown := set(args.damages) - set(DAMAGES):
        parser.error(f"no such damage: {', '.join(sorted(unknown))}")
    kept = total = new = failing = 0
    owners_kept = owners_total = 0
    with tempfile.TemporaryDirectory() as tmp:
        for name in PLANS:
            source = ROOT / "corpus" / f"{name}.txt"
            clean = extract_plan(source)
            clean_keys, clean_owners = target_keys(clean), owner_keys(clean)
            for damage in args.damages or DAMAGES:
                total += len(clean_keys)
                owners_total += len(clean_owners)
                path = Path(tmp) / f"{name}.txt"
                rng = random.Random(f"{name}-{damage}{args.seed}")
                path.write_text(DAMAGES[damage](source.read_text(encoding="utf-8"), rng), "utf-8")
                try:
                    plan = extract_plan(path)
                except NotAPlanError:
                    failing += 1
                    sys.stdout.write(f"!!{name} {damage}: refused\n")
                    continue
                keys, owners = target_keys(plan), owner_keys(plan)
                same = (
                    keys == clean_keys
                    and len(plan.measures) == len(clean.measures)
                    and owners == clean_owners
                    and (plan.title, plan.doc_number) == (clean.title, clean.doc_number)
                )
                kept += len(keys & clean_keys)
                new += len(keys - clean_keys)
                owners_kept += len(owners & clean_owners)
                failing += not same
                sys.stdout.write(
                    f"{'' if same else '!!'}{name} {damage}: targets {len(keys & clean_keys)}/"
                    f"{len(clean_keys)}+{len(keys - clean_keys)} measures {len(plan.measures)}/"
                    f"{len(clean.measures)} owners {len(owners & clean_owners)}/"
                    f"{len(clean_owners)}+{len(owners - clean_owners)} title "
                    f"{plan.title == clean.title} number {plan.doc_number == clean.doc_number}\n"
                )
    sys.stdout.write(
        f"copies differing {failing}; targets kept {kept}/{total}, new {new}; "
        f"owners kept {owners_kept}/{owners_total}\n"
    )


if __name__ == "__main__":
    main()
