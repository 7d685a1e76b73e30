"""A county draft that implements one generated city plan, for `validate --context`.

Generated plans cite national policies only; a county writes its plan on its city's
(根据《XX市“一老一小”整体解决方案》（XX政办发〔2022〕5号）…), so the draft cites the
city plan by title and number and is written for one of the city's counties.
"""

from __future__ import annotations

import random
from pathlib import Path

from generate import GeneratedPlan, PlanWriter, Region, cities


def write_county_draft(folder: Path, parent: GeneratedPlan, seed: int = 2025) -> Path:
    """`folder/draft.txt`: a plan of a county of `parent`'s city that implements `parent`
    (regions.ttl lists the counties of a few cities only; elsewhere one is named for it)."""
    city = next(c for c in cities() if c.name == parent.jurisdiction)
    rng = random.Random(seed)
    writer = PlanWriter(rng, 0)
    county = rng.choice(city.counties or (city.name[:2] + "县",))
    writer.region = Region(county, city.province, ())
    writer.prefix = county[-1] if county[-1] in "县区市" else "县"
    writer.whole = "全" + writer.prefix
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / "draft.txt"
    text = writer.build(issued=2023, cites=((parent.title, parent.number),))
    path.write_text(text, encoding="utf-8")
    return path
