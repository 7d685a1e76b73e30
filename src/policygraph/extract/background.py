"""Words of the passages that report the present instead of setting targets or tasks.

The report words are rows of data/cues.csv (kinds as_of, stock).

Three detectors read them: item titles that state a result (extract/__init__.py),
headings and items of background parts (measures.py) and sentences and clauses of
running text (statements.py); each adds the words only it needs.
"""

from __future__ import annotations

from policygraph.cues import cue_pattern

TREND_WORDS = "逐步|持续|不断|初见|显著|明显|日益|稳步"
"""Adverbs of a reported trend or result: 政策体系逐步完善, 服务体系初见成效,
服务需求持续增长."""

AS_OF_WORDS = cue_pattern("as_of")
"""The opener of a report on the present: 截至2020年底…."""

STOCK_WORDS = cue_pattern("stock")
"""Existing stock and finished acts: 已建成…, 先后出台…, 累计…, 共有…."""
