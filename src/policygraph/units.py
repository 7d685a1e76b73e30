"""The units plans attach to values, shared by the value patterns of the extractors and
by `lexicon.label_key`, which drops a unit written after an indicator name (托位数（个）).

The units are the `unit` rows of data/cues.csv. A count of things (张, 个, 人) folds a
magnitude word into its number (1.5万张 → 15000 张); a measure (元, 千瓦, %) keeps the
magnitude in its unit as printed (2万亿元 → 2 万亿元, 10亿千瓦 → 10 亿千瓦).
"""

from __future__ import annotations

import re

from policygraph.cues import cue_words, words_with

UNITS = cue_words("unit")
"""Units plans attach to target values, longest first so 万人 wins over 人."""
UNIT_PATTERN = "|".join(re.escape(u) for u in UNITS)
COUNT_UNIT_PATTERN = "|".join(re.escape(u) for u in words_with("unit", "count"))
MULTIPLIER_PATTERN = rf"(?P<mult>万|亿)(?={COUNT_UNIT_PATTERN})"
"""万/亿 folded into the number only before a count unit (1.5万张, not 2万亿元)."""
PER_THOUSAND_UNITS = frozenset(words_with("unit", "per_thousand"))
"""Units of a count per thousand residents (5.5批次/千人): the wording they follow names
a per-head indicator, not the count the same wording states in a count unit."""
