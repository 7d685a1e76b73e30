"""Train the sentence-kind classifier (a spaCy textcat) from the gold annotations.

    .venv/bin/python scripts/train_sentence_kind.py --out DIR [--folds N]

Training data, never typed by hand: every clause with a figure (extract/sentence_kind.py,
cut by extract/clauses.py) of the bundled plans (corpus/ with tests/gold/) and of the
dev set's tune part (tests/devset/tune/), labelled TARGET when a gold target's quote
overlaps it, else BASELINE / PARAMETER / OTHER as the rules say (see `labelled_clauses`).
The dev set's heldout part is never read. Model: spacy.blank("zh") by character with
a bag-of-ngrams textcat (spacy.TextCatBOW.v3, ngram_size 3), fixed seed, CPU
(`policygraph.sentence_kind.train_classifier`).

`--folds N` first reports an N-fold cross-validation by document: of the clauses the
rules take running-text targets from, how many the classifier would drop at each
threshold, split into those the gold holds no target in (wrong) and the rest (right).
"""

from __future__ import annotations

import argparse
import random
import sys
from collections import Counter
from pathlib import Path

from policygraph.build import NotAPlanError, extract_plan
from policygraph.extract.sentence_kind import TARGET, NumberedClause, clause_at
from policygraph.nlp import make_nlp
from policygraph.normalize import normalize_text
from policygraph.read import read_plan
from policygraph.sentence_kind import SEED, gold_examples, train_classifier

ROOT = Path(__file__).resolve().parent.parent
SOURCES = (
    (ROOT / "tests/gold", ROOT / "corpus"),
    (ROOT / "tests/devset/tune/gold", ROOT / "tests/devset/tune/texts"),
)
THRESHOLDS = (0.5, 0.8, 0.9, 0.95, 0.99)

Row = tuple[str, str, bool]
"""(classifier text, label, whether the rules take a running-text target from it)"""


def documents() -> list[tuple[str, list[Row]]]:
    """Per gold document, its file name and rows."""
    docs = []
    for gold_dir, text_dir in SOURCES:
        for path in sorted(gold_dir.glob("*.json")):
            labelled = gold_examples(path, text_dir)
            text_path = text_dir / path.with_suffix(".txt").name
            ruled = _rule_clauses(text_path, [c for c, _ in labelled])
            rows = [(c.text, kind, (c.start, c.end) in ruled) for c, kind in labelled]
            docs.append((path.name, rows))
    return docs


def _rule_clauses(path: Path, clauses: list[NumberedClause]) -> set[tuple[int, int]]:
    """The (normalised) spans of the clauses the rules take running-text targets from."""
    try:
        plan = extract_plan(path)
    except NotAPlanError:
        return set()
    normalized = normalize_text(read_plan(path).text)
    spans = {normalized.source_span(c.start, c.end): (c.start, c.end) for c in clauses}
    in_source = [NumberedClause(*s, "", "", False) for s in spans]
    found = set()
    for target in plan.targets:
        if target.source == "inline":
            clause = clause_at(in_source, target.quote.start, target.quote.end)
            if clause is not None:
                found.add(spans[(clause.start, clause.end)])
    return found


def cross_validate(docs: list[tuple[str, list[Row]]], folds: int) -> None:
    """Train on all folds but one, score the clauses of the one left out, report."""
    order = sorted(docs)
    random.Random(SEED).shuffle(order)
    results: list[tuple[str, bool, float]] = []
    for fold in range(folds):
        test = order[fold::folds]
        train = [row for doc in order if doc not in test for row in doc[1]]
        nlp = train_classifier((text, kind) for text, kind, _ in train)
        rows = [row for _, rows in test for row in rows]
        for (_text, kind, ruled), doc in zip(rows, nlp.pipe(r[0] for r in rows), strict=True):
            results.append((kind, ruled, doc.cats[TARGET]))
    ruled = [(kind, p) for kind, by_rules, p in results if by_rules]
    sys.stdout.write(
        f"cross-validation ({folds} folds by document): {len(results)} clauses; "
        f"the rules take targets from {len(ruled)}, "
        f"{sum(k != TARGET for k, _ in ruled)} of them no target in gold\n"
    )
    for threshold in THRESHOLDS:
        dropped = Counter(kind == TARGET for kind, p in ruled if p < 1 - threshold)
        sys.stdout.write(
            f"  threshold {threshold:.2f}: drops {dropped[False]} wrong, {dropped[True]} right\n"
        )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--out", type=Path, required=True)
    parser.add_argument("--folds", type=int, default=0)
    args = parser.parse_args()
    make_nlp()
    docs = documents()
    counts = Counter(kind for _, rows in docs for _, kind, _ in rows)
    sys.stdout.write(f"{len(docs)} documents, clauses by label: {dict(sorted(counts.items()))}\n")
    if args.folds:
        cross_validate(docs, args.folds)
    train_classifier((text, kind) for _, rows in docs for text, kind, _ in rows).to_disk(args.out)
    sys.stdout.write(f"model written to {args.out}\n")


if __name__ == "__main__":
    main()
