"""The enacting formula of a notice or an opinion: what makes a text a policy text
even when its title, number and tasks were cut away.

A 通知, 意见 or 方案 closes its opening paragraph with the formula that enacts what
follows: 现将有关事项通知如下 (国家卫健委 2025 托育服务质量提升行动 notice; 国办 2022
督查激励 notice: 现将调整后的督查激励措施及组织实施等事项通知如下), 现提出如下意见
(国办 2019 消费扶贫 opinion; 国发 2019 双随机 opinion), 制定本方案 / 制定本实施方案
(国办 2019 药品集中采购 方案; 国发 2019 职业教育改革 方案). A page that prints it is a policy
text, whatever else it lost. The formulas are the `enacting` rows of data/cues.csv.
"""

from __future__ import annotations

import re

from policygraph.cues import cue_pattern

ENACTING = re.compile(cue_pattern("enacting"))


def states_enactment(text: str) -> bool:
    """Whether a text prints the enacting formula of a notice, an opinion or a plan."""
    return ENACTING.search(text) is not None
