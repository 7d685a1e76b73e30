"""statements.py: wordings of running-text targets beyond 指标达到X (real sentences)."""

from __future__ import annotations

from decimal import Decimal

import pytest

from policygraph.extract.statements import text_targets
from policygraph.normalize import normalize_text


def _targets(text: str, issued: int | None = None) -> list[tuple[str, Decimal | None, str | None]]:
    normalized = normalize_text(text)
    found = text_targets(normalized.text, 0, normalized.quote, None, issued)
    return [(t.indicator, t.value, t.unit) for t in found]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param(
            "为全区23000名老年人提供居家上门服务。",
            [("老年人居家上门服务", Decimal(23000), "名")],
            id="for-n-people-provide",
        ),
        pytest.param(
            "对300户困难老人家庭进行居家适老化改造。",
            [("困难老人家庭居家适老化改造", Decimal(300), "户")],
            id="to-n-households-carry-out",
        ),
        pytest.param(
            "為3.1萬戶特殊困難老年人家庭實施適老化改造。",
            [("特殊困难老年人家庭适老化改造", Decimal(31000), "户")],
            id="traditional-with-multiplier",
        ),
    ],
)
def test_a_count_of_those_a_service_reaches_is_a_target(
    text: str, expected: list[tuple[str, Decimal, str]]
) -> None:
    assert _targets(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        pytest.param("中心划分为8个功能区，可为老人提供多项服务。", id="copula-not-beneficiary"),
        pytest.param("为50%的老年人提供上门服务。", id="share-is-not-a-head-count"),
    ],
)
def test_no_service_target_without_a_counted_beneficiary(text: str) -> None:
    assert not any("服务" in name and unit != "%" for name, _v, unit in _targets(text))
