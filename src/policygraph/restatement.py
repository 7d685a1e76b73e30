"""Which parent targets a lower level must restate: shares, rates and per-head figures
hold at every level, a count of the parent's own region does not (a county owes no
share of a city's 托育连锁服务机构数). The rule is data: data/restatement.csv matches a
target's unit or the start of its indicator's wording; what it does not match is a count."""

from __future__ import annotations

import csv
from functools import cache

from policygraph.resources import resource_dir


@cache
def _rules() -> tuple[tuple[str, str, bool], ...]:
    path = resource_dir("data") / "restatement.csv"
    with path.open(encoding="utf-8", newline="") as stream:
        return tuple(
            (row["match"], row["value"], row["restate"] == "yes") for row in csv.DictReader(stream)
        )


def restated_below(wording: str, unit: str | None) -> bool:
    """Whether plans of lower levels must state a target for this parent target."""
    for match, value, restate in _rules():
        if (match == "unit" and unit == value) or (
            match == "label_prefix" and wording.startswith(value)
        ):
            return restate
    return False
