"""Extraction measured against hand-checked annotations (tests/gold/*.json).

One gold target value (indicator, year) is one target. A predicted target
matches a gold one when the year is the same, the value is the same (number,
or qualitative wording), and the indicator is the same: the same canonical
concept, or — for a wording the indicator scheme does not know yet — a
wording that shares most of its characters with the gold wording. A gold
measure is found when an extracted measure has its title (brackets, quotes and
spaces aside), and its units are compared like a target's; a gold department
when a target or measure names it as written.

Run `policygraph evaluate [--gold DIR] [--corpus DIR]` to print the figures;
`tests/test_gold.py` asserts floors on them.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from pathlib import Path
from typing import Any

from policygraph.errors import InputError
from policygraph.lexicon import Lexicon, label_key
from policygraph.lexicon_data import load_lexicon
from policygraph.model import Plan, Target

WORDING_OVERLAP = 0.6
"""Share of character bigrams two wordings must share to name the same indicator."""


@dataclass(frozen=True)
class Scores:
    plan: str
    gold_targets: int
    found_targets: int
    matched_targets: int
    unit_jaccard: float
    gold_departments: int
    found_departments: int
    gold_numbers: int
    found_numbers: int
    extracted_numbers: int
    gold_measures: int = 0
    found_measures: int = 0
    matched_measures: int = 0
    measure_unit_jaccard: float = 1.0

    @property
    def recall(self) -> float:
        return self.matched_targets / self.gold_targets if self.gold_targets else 1.0

    @property
    def precision(self) -> float:
        return self.matched_targets / self.found_targets if self.found_targets else 1.0

    @property
    def department_recall(self) -> float:
        return self.found_departments / self.gold_departments if self.gold_departments else 1.0

    @property
    def measure_recall(self) -> float:
        return self.matched_measures / self.gold_measures if self.gold_measures else 1.0

    @property
    def measure_precision(self) -> float:
        return self.matched_measures / self.found_measures if self.found_measures else 1.0

    @property
    def number_recall(self) -> float:
        return self.found_numbers / self.gold_numbers if self.gold_numbers else 1.0

    @property
    def number_precision(self) -> float:
        """Share of the cited numbers found (normal form) that the gold file lists."""
        return self.found_numbers / self.extracted_numbers if self.extracted_numbers else 1.0


@dataclass(frozen=True)
class GoldTarget:
    canonical: str
    wording: str
    year: int | None
    value: Decimal | None
    qualitative: str | None
    responsible: frozenset[str]


def gold_targets(gold: dict[str, Any]) -> list[GoldTarget]:
    """One entry per (indicator, year) value of a gold file."""
    entries = []
    for target in gold["targets"]:
        for value in target["values"]:
            entries.append(
                GoldTarget(
                    canonical=target["indicator_canonical"],
                    wording=target["indicator_raw"],
                    year=value["year"],
                    value=_decimal(value["value"]),
                    qualitative=value.get("qualitative"),
                    responsible=frozenset(target["responsible"]),
                )
            )
    return entries


def score_plan(plan: Plan, gold: dict[str, Any], lexicon: Lexicon) -> Scores:
    """Recall, precision and responsibility agreement of one extracted plan."""
    expected = gold_targets(gold)
    unmatched = list(plan.targets)
    jaccards: list[float] = []
    for entry in expected:
        match = next((t for t in unmatched if _same_target(t, entry, lexicon)), None)
        if match is None:
            continue
        unmatched.remove(match)
        jaccards.append(_jaccard({m.name for m in match.responsible}, entry.responsible))
    named = {m.name for t in plan.targets for m in t.responsible}
    named |= {m.name for measure in plan.measures for m in (*measure.responsible, *measure.lead)}
    gold_numbers = {c["doc_number"] for c in gold["cited_policies"] if c["doc_number"]}
    numbers = {c.number.normal for c in plan.citations if c.number and c.number.normal}
    measure_jaccards = _measure_jaccards(plan, gold)
    return Scores(
        plan=plan.source_file,
        gold_targets=len(expected),
        found_targets=len(plan.targets),
        matched_targets=len(jaccards),
        unit_jaccard=sum(jaccards) / len(jaccards) if jaccards else 0.0,
        gold_departments=len(gold["departments"]),
        found_departments=len(set(gold["departments"]) & named),
        gold_numbers=len(gold_numbers),
        found_numbers=len(gold_numbers & numbers),
        extracted_numbers=len(numbers),
        gold_measures=len(gold["measures"]),
        found_measures=len(plan.measures),
        matched_measures=len(measure_jaccards),
        measure_unit_jaccard=_mean(measure_jaccards),
    )


def _measure_jaccards(plan: Plan, gold: dict[str, Any]) -> list[float]:
    """For each gold measure found by title (the heading, or a titled paragraph's lead
    phrase), the agreement of its responsible units with gold."""
    unmatched = list(plan.measures)
    jaccards = []
    for measure in gold["measures"]:
        title = label_key(measure["title"])
        match = next((m for m in unmatched if label_key(m.title) == title), None)
        if match is not None:
            unmatched.remove(match)
            jaccards.append(_jaccard({u.name for u in match.responsible}, measure["responsible"]))
    return jaccards


def _jaccard(found: set[str], expected: Any) -> float:
    union = found | set(expected)
    return len(found & set(expected)) / len(union) if union else 1.0


def _mean(values: list[float]) -> float:
    return sum(values) / len(values) if values else 1.0


def _same_target(target: Target, entry: GoldTarget, lexicon: Lexicon) -> bool:
    if target.year != entry.year:
        return False
    if entry.value is not None:
        if target.value != entry.value:
            return False
    elif target.qualitative != entry.qualitative:
        return False
    concept = lexicon.indicator(target.indicator, target.unit)
    if concept.reviewed:
        return concept.label == entry.canonical
    return _overlap(target.indicator, entry.wording) >= WORDING_OVERLAP


def _overlap(a: str, b: str) -> float:
    grams_a, grams_b = _bigrams(label_key(a)), _bigrams(label_key(b))
    if not grams_a or not grams_b:
        return 0.0
    return 2 * len(grams_a & grams_b) / (len(grams_a) + len(grams_b))


def _bigrams(text: str) -> set[str]:
    return {text[i : i + 2] for i in range(len(text) - 1)}


def _decimal(text: str | None) -> Decimal | None:
    if text is None:
        return None
    try:
        return Decimal(text.split("—")[0])
    except InvalidOperation:
        return None


def evaluate(gold_dir: Path, corpus_dir: Path) -> list[Scores]:
    """Scores of every plan that has a gold file."""
    from policygraph.build import extract_plan

    files = sorted(gold_dir.glob("*.json"))
    if not files:
        raise InputError(gold_dir, "no gold annotations (*.json) here")
    lexicon = load_lexicon()
    scores = []
    for path in files:
        gold = json.loads(path.read_text(encoding="utf-8"))
        plan = extract_plan(corpus_dir / gold["file"])
        scores.append(score_plan(plan, gold, lexicon))
    return scores


def report(scores: list[Scores]) -> str:
    """A plain-text table of the scores."""
    header = (
        "plan",
        "matched",
        "found",
        "gold",
        "recall",
        "precision",
        "units",
        "depts",
        "measures",
        "m-units",
        "docs",
        "doc-prec",
    )
    rows = [header]
    for s in scores:
        rows.append(
            (
                s.plan,
                str(s.matched_targets),
                str(s.found_targets),
                str(s.gold_targets),
                f"{s.recall:.2f}",
                f"{s.precision:.2f}",
                f"{s.unit_jaccard:.2f}",
                f"{s.found_departments}/{s.gold_departments}",
                f"{s.matched_measures}/{s.gold_measures} of {s.found_measures}",
                f"{s.measure_unit_jaccard:.2f}",
                f"{s.found_numbers}/{s.gold_numbers}",
                f"{s.number_precision:.2f}",
            )
        )
    widths = [max(len(row[i]) for row in rows) for i in range(len(header))]
    lines = ("  ".join(c.ljust(w) for c, w in zip(row, widths, strict=True)) for row in rows)
    return "\n".join(lines)
