"""Where the bundled data lives: ontology/, shapes/, queries/ and data/.

An installed wheel carries them as `policygraph/_data/<folder>`; a clone or an
editable install finds them at the repository root.
"""

from __future__ import annotations

import csv
from functools import cache
from pathlib import Path

_PACKAGE_DIR = Path(__file__).resolve().parent
_FOLDERS = ("ontology", "shapes", "queries", "data")


@cache
def resource_dir(folder: str) -> Path:
    """The directory of one bundled folder (`ontology`, `shapes`, `queries`, `data`)."""
    if folder not in _FOLDERS:
        raise ValueError(f"unknown resource folder {folder!r}")
    for candidate in (_PACKAGE_DIR / "_data" / folder, _PACKAGE_DIR.parents[1] / folder):
        if candidate.is_dir():
            return candidate
    raise FileNotFoundError(f"bundled folder {folder}/ not found beside {_PACKAGE_DIR}")


def csv_column(path: Path, column: str) -> tuple[str, ...]:
    """One column of a CSV table (the body suffixes of data/department_bodies.csv), in the
    table's order, without the RDF libraries, which a text stage that needs only the words
    does not load."""
    with path.open(encoding="utf-8", newline="") as handle:
        return tuple(row[column] for row in csv.DictReader(handle))
