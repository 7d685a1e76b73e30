"""The place a text speaks for when its title, issuer and 发文字号 name none.

News pages and copies that lost their heading (a 财新 report on 北京's facilities plan, a
traditional-character repost of 武汉's 实施方案, a 吉林省 work report) still say whose plan
they relay: they name that region again and again near their top (北京常住老年人口…北京市
养老服务设施…). A page on a national document speaks of the nation instead (全国, 我国,
国务院). The region named most often in the head, at least twice and at least as often as
the nation, is the text's; otherwise the nation, if the head speaks of it twice. Names inside
《》 are titles the text cites (根据《中共中央 国务院关于…》), not the place it speaks for.
"""

from __future__ import annotations

import re
from collections import Counter
from functools import cache

from policygraph.cues import cue_pattern
from policygraph.lexicon import NATIONAL, Lexicon

HEAD = 1500
"""How far from the top the place is counted: a page's own subject comes first, the regions
it compares itself with later."""
CITED_TITLE = re.compile(r"《[^《》]*》")
MENTIONS = 2
"""How often a place must be named: once is a comparison or a partner (与合肥市签署…)."""


@cache
def _national() -> re.Pattern[str]:
    return re.compile(cue_pattern("national"))


def _places_named(head: str, lexicon: Lexicon) -> Counter[str]:
    """How often the head names each region, by its full name or a short one."""
    counts: Counter[str] = Counter()
    named: list[tuple[int, int, str]] = []
    for at, label in lexicon.region_mentions(head):
        if (key := lexicon.regions.get(label)) is not None:
            named.append((at, at + len(label), key))
    shorts = lexicon.short_names_alone
    for short in shorts.pattern.finditer(head):
        if not any(start <= short.start() < end for start, end, _key in named):
            named.append((short.start(), short.end(), shorts.keys[short.group()]))
    for _start, _end, key in sorted(named):
        counts[key] += 1  # first-named first: most_common breaks ties by this order
    return counts


def region_spoken_of(text: str, lexicon: Lexicon) -> str | None:
    """The name of the region a text's head names most often (ties: the first named), or
    of the nation when the head speaks of it more; None when neither is named twice."""
    head = CITED_TITLE.sub(lambda title: " " * len(title.group()), text[:HEAD])
    counts = _places_named(head, lexicon)
    nation = len(_national().findall(head))
    if counts:
        key, named = counts.most_common(1)[0]
        if named >= MENTIONS and named >= nation:
            return lexicon.region_name(key)
    return lexicon.region_name(NATIONAL) if nation >= MENTIONS else None
