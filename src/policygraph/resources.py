"""Where the bundled data lives: ontology/, shapes/, queries/ and data/.

An installed wheel carries them as `policygraph/_data/<folder>`; a clone or an
editable install finds them at the repository root.
"""

from __future__ import annotations

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
