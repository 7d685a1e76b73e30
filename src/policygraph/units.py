"""The units plans attach to values, shared by the value patterns of the extractors and
by `lexicon.label_key`, which drops a unit written after an indicator name (托位数（个）).
"""

from __future__ import annotations

import re

UNITS = (
    "万人次",
    "万人",
    "人次",
    "万元",
    "亿元",
    "万张",
    "个百分点",
    "%",
    "‰",
    "张",
    "个",
    "所",
    "家",
    "户",
    "人",
    "名",
    "岁",
    "床",
    "项",
    "处",
    "支",
    "座",
    "元",
)
"""Units plans attach to target values, longest first so 万人 wins over 人."""
UNIT_PATTERN = "|".join(re.escape(u) for u in UNITS)
