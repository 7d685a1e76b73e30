"""Pictures of traces: a layered networkx graph drawn with matplotlib as SVG, PNG or HTML.

Nodes carry `layer` (the column they are drawn in, left to right), `label` and
`kind`; edges run between neighbouring layers. SVG keeps its text as text
(any viewer's fonts render the Chinese); PNG needs a font with Chinese glyphs
on this machine (Debian: fonts-wqy-zenhei or fonts-noto-cjk); HTML is one
self-contained page around the SVG.
"""

from __future__ import annotations

import html
import io
import logging
from pathlib import Path
from typing import TYPE_CHECKING

import networkx as nx

from policygraph.errors import PolicygraphError
from policygraph.store import write_atomic

if TYPE_CHECKING:
    from matplotlib.figure import Figure

CJK_FONT_NAMES = (
    "Noto Sans CJK",
    "Noto Sans SC",
    "Source Han Sans",
    "WenQuanYi",
    "Droid Sans Fallback",
)
KIND_COLOURS = {
    "department": "#c7e9c0",
    "function": "#a1d99b",
    "plan": "#9ecae1",
    "policy": "#fdd0a2",
    "measure": "#dadaeb",
    "target": "#fee391",
}
DRAW_SUFFIXES = (".svg", ".png", ".html")


class DrawError(PolicygraphError):
    """A picture that cannot be drawn: unknown format, no matplotlib, or no CJK font."""


def cjk_fonts() -> list[str]:
    from matplotlib import font_manager

    def found() -> list[str]:
        names = {f.name for f in font_manager.fontManager.ttflist}
        return sorted(n for n in names if any(k in n for k in CJK_FONT_NAMES))

    if not found():  # matplotlib's font cache predates a font installed since
        for path in font_manager.findSystemFonts():
            if any(k in Path(path).name.lower() for k in ("wqy", "cjk", "sourcehan", "fallback")):
                font_manager.fontManager.addfont(path)
    return found()


def _figure(graph: nx.DiGraph, title: str, fonts: list[str]) -> Figure:
    import matplotlib

    matplotlib.use("Agg")
    # a CJK font with only a medium weight makes matplotlib warn once per text; harmless
    logging.getLogger("matplotlib.font_manager").setLevel(logging.ERROR)
    from matplotlib import pyplot as plt

    plt.rcParams["font.family"] = [*fonts, "sans-serif"]
    plt.rcParams["svg.fonttype"] = "none"
    plt.rcParams["svg.hashsalt"] = "policygraph"  # stable element ids: same trace, same bytes
    layers: dict[int, list[str]] = {}
    for node, data in graph.nodes(data=True):
        layers.setdefault(data["layer"], []).append(node)
    tallest = max(len(nodes) for nodes in layers.values())
    width, height = 4.2 * len(layers), max(3.0, 0.42 * tallest + 1.2)
    figure, axes = plt.subplots(figsize=(width, height), dpi=110)
    positions = {}
    for column, (_, nodes) in enumerate(sorted(layers.items())):
        for row, node in enumerate(nodes):
            positions[node] = (column, (len(nodes) - 1) / 2 - row)
    for bend, edges in _edges_by_span(graph).items():
        nx.draw_networkx_edges(
            graph,
            positions,
            edgelist=edges,
            ax=axes,
            edge_color="#999999",
            arrows=True,
            arrowsize=8,
            width=0.8,
            connectionstyle=f"arc3,rad={bend}",
        )
    for node, (x, y) in positions.items():
        data = graph.nodes[node]
        axes.text(
            x,
            y,
            data["label"],
            ha="center",
            va="center",
            fontsize=8,
            bbox={
                "boxstyle": "round,pad=0.3",
                "facecolor": KIND_COLOURS.get(data["kind"], "#eeeeee"),
                "edgecolor": "#666666",
                "linewidth": 0.6,
            },
        )
    axes.set_xlim(-0.6, len(layers) - 0.4)
    axes.set_ylim(-tallest / 2 - 0.3, tallest / 2 + 0.3)
    axes.set_title(title, fontsize=11)
    axes.axis("off")
    figure.tight_layout()
    return figure


def _edges_by_span(graph: nx.DiGraph) -> dict[float, list[tuple[str, str]]]:
    """Edges between neighbouring columns drawn straight, longer ones bent so they stay visible."""
    spans: dict[float, list[tuple[str, str]]] = {0.0: [], 0.25: []}
    columns = {
        layer: i for i, layer in enumerate(sorted({d["layer"] for _, d in graph.nodes(data=True)}))
    }
    for a, b in graph.edges:
        jump = abs(columns[graph.nodes[b]["layer"]] - columns[graph.nodes[a]["layer"]])
        spans[0.0 if jump <= 1 else 0.25].append((a, b))
    return {bend: edges for bend, edges in spans.items() if edges}


def draw_layers(graph: nx.DiGraph, title: str, path: Path) -> None:
    """Draw a layered graph to `path` (.svg, .png or .html)."""
    suffix = path.suffix.lower()
    if suffix not in DRAW_SUFFIXES:
        raise DrawError(
            f"{path}: cannot draw {suffix or 'a file without suffix'}: use .svg, .png or .html"
        )
    if not graph:
        raise DrawError(f"{path}: nothing to draw")
    try:
        import matplotlib  # noqa: F401
    except ImportError as error:
        raise DrawError("drawing needs matplotlib: pip install 'policygraph[draw]'") from error
    fonts = cjk_fonts()
    if suffix == ".png" and not fonts:
        raise DrawError(
            f"{path}: no font with Chinese glyphs found for PNG "
            "(install fonts-wqy-zenhei or fonts-noto-cjk), or draw .svg or .html"
        )
    from matplotlib import pyplot as plt

    figure = _figure(graph, title, fonts)
    buffer = io.BytesIO()
    figure.savefig(buffer, format="png" if suffix == ".png" else "svg", metadata=_metadata(suffix))
    plt.close(figure)
    data = buffer.getvalue()
    if suffix == ".html":
        svg = data.decode("utf-8")
        svg = svg[svg.index("<svg") :]
        data = (
            '<!DOCTYPE html>\n<html lang="zh"><head><meta charset="utf-8">'
            f"<title>{html.escape(title)}</title></head><body>\n{svg}</body></html>\n"
        ).encode()
    try:
        write_atomic(path, data)
    except OSError as error:
        raise DrawError(f"{path}: cannot write ({error.strerror or error})") from error


def _metadata(suffix: str) -> dict[str, str | None]:
    # no creation date or tool version in the file, so the same trace gives the same bytes
    if suffix == ".png":
        return {"Software": None}
    return {"Date": None, "Creator": None}
