"""Five-year plan periods, by the name plans give them (十四五) and their last year.

Outside `extract` so that the table layout reader (tables.py), which `extract` imports,
can name them too (a “十一五”增减情况 header).
"""

from __future__ import annotations

FIVE_YEAR_PLANS = {"十一五": 2010, "十二五": 2015, "十三五": 2020, "十四五": 2025, "十五五": 2030}
"""Five-year plan periods by their last year: 十四五末 and a “十四五”目标 column mean 2025."""
FIVE_YEAR_PLAN_NAMES = "|".join(FIVE_YEAR_PLANS)
