"""Print how many targets and numbered measures plans keep when saved as Word files
whose heading markers and table serials are Word's automatic numbering.

Each text is built as it is (`.txt`) and as `tests/saved_formats.save_docx_numbered`
saves it (lists of their own, or with `--outline` a template's multi-level list tied
to heading styles); a target counts as kept where the Word build has the same
(indicator, year, value, range, comparator, unit, region), the measures where both
builds list the same (key, marker, title) in the same order. Texts refused as not
policy texts are left out.

Run with `.venv/bin/python scripts/word_numbering_rate.py [--outline] [FOLDER]` (the
bundled corpus/ by default; tests/devset/tune/texts for the dev set's tune half)."""

from __future__ import annotations

import argparse
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from tests.saved_formats import save_docx_numbered  # noqa: E402
from tests.test_formats import target_keys  # noqa: E402

from policygraph.build import extract_plan  # noqa: E402
from policygraph.errors import NotAPlanError  # noqa: E402
from policygraph.model import Plan  # noqa: E402


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("folder", nargs="?", type=Path, default=ROOT / "corpus")
    parser.add_argument("--outline", action="store_true", help="a multi-level outline list")
    args = parser.parse_args()
    if not args.folder.is_dir():
        sys.exit(f"{args.folder}: no such folder")
    kept = targets = same = measures = 0
    with tempfile.TemporaryDirectory() as folder:
        for path in sorted(args.folder.glob("*.txt")):
            try:
                text_build = extract_plan(path)
            except NotAPlanError:
                continue
            saved = save_docx_numbered(
                path.read_text(encoding="utf-8"), Path(folder) / f"{path.stem}.docx", args.outline
            )
            word_build = extract_plan(saved)
            expected, found = target_keys(text_build), target_keys(word_build)
            kept += len(expected & found)
            targets += len(expected)
            measures += len(text_build.measures)
            outline_kept = _outline(text_build) == _outline(word_build)
            same += len(text_build.measures) if outline_kept else 0
            if expected != found or not outline_kept:
                sys.stdout.write(
                    f"{path.name}: targets {len(expected & found)}/{len(expected)}, measures "
                    f"{len(word_build.measures)} for {len(text_build.measures)}\n"
                )
    sys.stdout.write(f"targets kept {kept}/{targets}, measures kept {same}/{measures}\n")


def _outline(plan: Plan) -> list[tuple[str, str | None, str]]:
    return [(m.key, m.number, m.title) for m in plan.measures]


if __name__ == "__main__":
    main()
