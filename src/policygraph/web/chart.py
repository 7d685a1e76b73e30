"""Charts drawn on the server as SVG: no script, nothing fetched, readable without styles."""

from __future__ import annotations

from dataclasses import dataclass
from html import escape

ROW = 28
LABEL_WIDTH = 330
BAR_WIDTH = 420
PAD = 12


@dataclass(frozen=True)
class Bar:
    label: str
    value: float
    text: str  # the value as stated (comparator, number, unit)
    href: str


@dataclass(frozen=True)
class Reference:
    label: str
    value: float


def bar_chart(bars: list[Bar], references: list[Reference], title: str) -> str:
    """Horizontal bars, one per plan and year, with each reference value as a dashed line
    across them (the national or provincial target)."""
    top = max([b.value for b in bars] + [r.value for r in references] + [0.0]) or 1.0
    height = PAD * 2 + ROW * len(bars) + 22 * len(references) + 20
    width = LABEL_WIDTH + BAR_WIDTH + 80

    def x(value: float) -> float:
        return LABEL_WIDTH + BAR_WIDTH * value / top

    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" class="chart" role="img" width="{width}" '
        f'height="{height}" viewBox="0 0 {width} {height}"><title>{escape(title)}</title>'
    ]
    for row, bar in enumerate(bars):
        y = PAD + row * ROW
        parts.append(
            f'<a href="{escape(bar.href)}"><text x="{LABEL_WIDTH - 8}" y="{y + 17}" '
            f'text-anchor="end" class="bar-label">{escape(bar.label)}</text></a>'
            f'<rect class="bar" x="{LABEL_WIDTH}" y="{y + 4}" height="{ROW - 8}" '
            f'width="{x(bar.value) - LABEL_WIDTH:.1f}"><title>{escape(bar.text)}</title></rect>'
            f'<text x="{x(bar.value) + 6:.1f}" y="{y + 17}" class="bar-value">'
            f"{escape(bar.text)}</text>"
        )
    bottom = PAD + ROW * len(bars)
    for row, reference in enumerate(references):
        at = x(reference.value)
        parts.append(
            f'<line class="reference" x1="{at:.1f}" x2="{at:.1f}" y1="{PAD - 4}" '
            f'y2="{bottom + 6 + 22 * row}" />'
            f'<text class="reference-label" x="{at:.1f}" y="{bottom + 20 + 22 * row}" '
            f'text-anchor="middle">{escape(reference.label)}</text>'
        )
    parts.append("</svg>")
    return "".join(parts)
