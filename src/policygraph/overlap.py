"""How much two indicator wordings share: the Dice coefficient of their character bigrams
(brackets, quotes, spaces and unit suffix aside), for wordings no concept knows yet."""

from __future__ import annotations

from functools import lru_cache

from policygraph.lexicon import label_key

SAME_INDICATOR = 0.6
"""Share of character bigrams two wordings must share to name the same indicator."""


def wording_overlap(a: str, b: str) -> float:
    """0.0 (nothing shared) to 1.0 (the same bigrams)."""
    grams_a, grams_b = _wording_bigrams(a), _wording_bigrams(b)
    if not grams_a or not grams_b:
        return 0.0
    return 2 * len(grams_a & grams_b) / (len(grams_a) + len(grams_b))


@lru_cache(maxsize=4096)
def wording_key(wording: str) -> str:
    """`label_key`, once per wording: a draft's wordings are compared with every wording of
    its parents' indicators."""
    return label_key(wording)


@lru_cache(maxsize=4096)
def _wording_bigrams(wording: str) -> frozenset[str]:
    """The bigrams of a wording's key (cached, as `wording_key`)."""
    return frozenset(_bigrams(wording_key(wording)))


def _bigrams(text: str) -> set[str]:
    return {text[i : i + 2] for i in range(len(text) - 1)}
