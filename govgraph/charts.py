"""Charts of the analytics (docs/analytics.md) as PNG or SVG bytes, for
`govgraph draw --chart` and `GET /analytics/{chart}/plot`.

Four charts: ``load`` (duties per unit, stacked by role), ``concentration`` (each
document's Lorenz curve, with its Gini and HHI), ``centrality`` (units ranked by
eigenvector centrality, with betweenness), ``communities`` (the co-responsibility
network coloured by community).

Chinese labels need a font with Chinese glyphs. ``scripts/install-fonts.sh`` (run
by ``scripts/install.sh``, so by the quick start, CI and the Dockerfile) installs
Debian's ``fonts-wqy-zenhei``; ``cjk_font`` finds it, or any font named in
``GOVGRAPH_CJK_FONT`` (a font file) or among the usual CJK families, even when
matplotlib's font cache predates it, and checks that it covers the characters.
Without one, a PNG is labelled with English names and says so at its foot (and a
warning is logged once); an SVG keeps its text for the viewer's fonts.
"""

from __future__ import annotations

import io
import logging
import os
import warnings
from functools import cache
from pathlib import Path
from typing import Any

from .queries import analytics
from .queries.answers import InvalidArgument, UnitRef
from .queries.flow import Flow

CHARTS = {
    "load": "duties per unit, stacked by role (lead, responsible, support)",
    "concentration": "each document's Lorenz curve of duties over units, with Gini and HHI",
    "centrality": "units ranked by eigenvector centrality, with betweenness",
    "communities": "the co-responsibility network, coloured by community",
}
FORMATS = {"png": "image/png", "svg": "image/svg+xml"}
_CJK_FONTS = ("WenQuanYi Zen Hei", "WenQuanYi Micro Hei", "Noto Sans CJK SC", "Noto Sans SC",
              "Source Han Sans SC", "SimHei", "Microsoft YaHei", "PingFang SC")
# Font files of those families, found on disk when matplotlib's cache was built
# before the font was installed (its cache is not rebuilt for a new system font).
_CJK_FILES = ("wqy-zenhei.ttc", "wqy-microhei.ttc", "notosanscjk-regular.ttc",
              "notosanscjksc-regular.otf", "notosanssc-regular.otf", "notosanssc-regular.ttf",
              "sourcehansanssc-regular.otf", "simhei.ttf", "msyh.ttc", "pingfang.ttc")
# What a chart's labels must draw: the characters of the seed notice's unit names.
CJK_SAMPLE = "市住房城乡建设局各县区人民政府管委会党委组织部民政财政公安消防救援支队街道办事处业主委员会"
FONT_HINT = ("no font with Chinese glyphs: labels in English (install one with "
             "scripts/install-fonts.sh, or set GOVGRAPH_CJK_FONT to a font file)")
log = logging.getLogger(__name__)


def _covers(path: str, text: str = CJK_SAMPLE) -> bool:
    from matplotlib import ft2font

    try:
        charmap = ft2font.FT2Font(path).get_charmap()
    except (OSError, RuntimeError, ValueError):
        return False
    return all(ord(c) in charmap for c in text)


@cache
def cjk_font() -> tuple[str, str] | None:
    """The family and file of a font that draws Chinese labels, or None.

    ``GOVGRAPH_CJK_FONT`` (a font file) first; then a known CJK family matplotlib
    already lists; then a known CJK font file on the system, added to matplotlib's
    font manager. Each must cover ``CJK_SAMPLE``."""
    from matplotlib import font_manager

    fm = font_manager.fontManager
    candidates: list[str] = []
    if os.environ.get("GOVGRAPH_CJK_FONT"):
        candidates.append(os.environ["GOVGRAPH_CJK_FONT"])
    listed = {f.name: f.fname for f in fm.ttflist}
    candidates += [listed[n] for n in _CJK_FONTS if n in listed]
    candidates += sorted(p for p in font_manager.findSystemFonts()
                         if Path(p).name.lower() in _CJK_FILES)
    for path in candidates:
        if not Path(path).is_file() or not _covers(path):
            continue
        names = [f.name for f in fm.ttflist if f.fname == path]
        if not names:
            fm.addfont(path)
            names = [f.name for f in fm.ttflist if f.fname == path]
        if names:  # a collection lists each of its faces: the plain one first
            return next((n for n in _CJK_FONTS if n in names), names[0]), path
    log.warning("charts: %s", FONT_HINT)
    return None
_ROLE_COLOURS = {"lead": "#c0392b", "responsible": "#2e86c1", "support": "#a6acaf"}
_PALETTE = ["#1f77b4", "#ff7f0e", "#2ca02c", "#d62728", "#9467bd", "#8c564b", "#e377c2",
            "#7f7f7f", "#bcbd22", "#17becf"]


def _setup(fmt: str) -> tuple[Any, dict[Any, Any], bool]:
    """pyplot, the rc settings, and whether labels may be Chinese."""
    if fmt not in FORMATS:
        raise ValueError(f"chart format must be one of {', '.join(FORMATS)}, not {fmt!r}")
    import matplotlib

    matplotlib.use("Agg")
    logging.getLogger("matplotlib.font_manager").setLevel(logging.ERROR)
    import matplotlib.pyplot as plt

    found = cjk_font()
    rc: dict[Any, Any] = {"svg.fonttype": "none", "font.size": 8, "svg.hashsalt": "govgraph"}
    if found:
        rc["font.family"] = [found[0], "DejaVu Sans"]
    return plt, rc, bool(found) or fmt == "svg"


def _label(u: UnitRef, zh: bool) -> str:
    return u.name if zh or not u.name_en else u.name_en


def _save(plt: Any, fig: Any, fmt: str) -> bytes:
    buf = io.BytesIO()
    # No date in the file: the same answer gives the same picture.
    meta = {"Date": None} if fmt == "svg" else {}
    with warnings.catch_warnings():
        if fmt == "svg":  # an SVG without a CJK font here: the viewer's fonts draw its text
            warnings.filterwarnings("ignore", message="Glyph .* missing from font")
        fig.savefig(buf, format=fmt, bbox_inches="tight", dpi=120, metadata=meta)
    plt.close(fig)
    return buf.getvalue()


def _footer(fig: Any, basis: analytics.Basis, zh: bool = True) -> None:
    docs = ", ".join(d.doc for d in basis.documents) or "no document"
    gen = f"; generation {basis.generation[:12]}" if basis.generation else ""
    hint = "" if zh else f"\n{FONT_HINT}"
    fig.text(0.01, 0.005, f"computed from {docs}{gen} ({basis.projection}: {basis.nodes} nodes, "
             f"{basis.edges} edges){hint}", fontsize=6, color="#555555")


def load_chart(ans: analytics.DegreeAnswer, fmt: str = "png", top: int = 40) -> bytes:
    plt, rc, zh = _setup(fmt)
    items = sorted(ans.items, key=lambda x: (-x.duties, -x.lead, x.unit.id))[:top][::-1]
    with plt.rc_context(rc):
        fig, ax = plt.subplots(figsize=(8, 1.5 + 0.28 * max(len(items), 1)))
        left = [0.0] * len(items)
        for role in ("lead", "responsible", "support"):
            vals = [getattr(x, role) for x in items]
            ax.barh([_label(x.unit, zh) for x in items], vals, left=left, color=_ROLE_COLOURS[role],
                    label=role)
            left = [a + b for a, b in zip(left, vals, strict=True)]
        ax.set_xlabel("measures")
        ax.set_title("Load per unit")
        ax.legend(loc="lower right", frameon=False)
        _footer(fig, ans.basis, zh)
        return _save(plt, fig, fmt)


def concentration_chart(ans: analytics.ConcentrationAnswer, fmt: str = "png") -> bytes:
    plt, rc, zh = _setup(fmt)
    with plt.rc_context(rc):
        fig, ax = plt.subplots(figsize=(6, 6))
        ax.plot([0, 1], [0, 1], color="#999999", linestyle="--", linewidth=0.8, label="even load")
        for i, c in enumerate(ans.items):
            ax.plot(c.lorenz_x, c.lorenz_y, color=_PALETTE[i % len(_PALETTE)], marker=".",
                    label=f"{c.doc}: Gini {c.gini:.2f}, HHI {c.hhi:.3f}")
        ax.set_xlabel("share of units (fewest duties first)")
        ax.set_ylabel("share of duties")
        ax.set_title("Concentration of the load")
        ax.legend(loc="upper left", frameon=False, fontsize=7)
        _footer(fig, ans.basis, zh)
        return _save(plt, fig, fmt)


def centrality_chart(ans: analytics.CentralityAnswer, fmt: str = "png", top: int = 30) -> bytes:
    plt, rc, zh = _setup(fmt)
    items = ans.items[:top][::-1]
    with plt.rc_context(rc):
        fig, ax = plt.subplots(figsize=(8, 1.5 + 0.28 * max(len(items), 1)))
        labels = [f"{x.rank}. {_label(x.unit, zh)}" for x in items]
        ax.barh(labels, [x.eigenvector for x in items], color="#2e86c1", label="eigenvector")
        ax.scatter([x.betweenness for x in items], labels, color="#c0392b", zorder=3,
                   label="betweenness")
        ax.set_xlabel("centrality")
        ax.set_title("Centrality ranking")
        ax.legend(loc="lower right", frameon=False)
        _footer(fig, ans.basis, zh)
        return _save(plt, fig, fmt)


def community_chart(ans: analytics.CommunitiesAnswer, ties: list[tuple[str, str, float]],
                    fmt: str = "png") -> bytes:
    import networkx as nx

    plt, rc, zh = _setup(fmt)
    where = {u.id: c.community for c in ans.items for u in c.units}
    names = {u.id: _label(u, zh) for c in ans.items for u in c.units}
    g = nx.Graph()
    g.add_nodes_from(sorted(where))
    for a, b, w in ties:
        g.add_edge(a, b, weight=w)
    pos = nx.spring_layout(g, weight="weight", seed=7, iterations=200) if len(g) else {}
    with plt.rc_context(rc):
        fig, ax = plt.subplots(figsize=(9, 7))
        ax.set_axis_off()
        top = max((w for _a, _b, w in ties), default=1.0)
        for a, b, w in ties:
            (x1, y1), (x2, y2) = pos[a], pos[b]
            same = where[a] == where[b]
            ax.plot([x1, x2], [y1, y2], color="#888888" if same else "#cccccc",
                    linewidth=0.3 + 2.5 * w / top, alpha=0.6 if same else 0.35, zorder=1)
        for c in ans.items:
            ids = [u.id for u in c.units]
            colour = _PALETTE[(c.community - 1) % len(_PALETTE)]
            ax.scatter([pos[i][0] for i in ids], [pos[i][1] for i in ids], s=120, color=colour,
                       edgecolors="white", zorder=2, label=f"community {c.community} ({c.size})")
            for i in ids:
                ax.text(pos[i][0], pos[i][1] - 0.05, names[i], fontsize=7, ha="center", va="top",
                        zorder=3)
        ax.set_title(f"Communities (Louvain, seed {ans.basis.seed}; modularity {ans.modularity:.3f})")
        ax.legend(loc="lower left", frameon=False, fontsize=7)
        _footer(fig, ans.basis, zh)
        return _save(plt, fig, fmt)


def analysis_flow(chart: str, docs: list[str] | None = None,
                  seed: int = analytics.LOUVAIN_SEED) -> Flow[Any]:
    """What the chart draws, read through a flow (the API awaits it)."""
    if chart not in CHARTS:
        raise InvalidArgument(f"unknown chart {chart!r}; one of {', '.join(CHARTS)}")
    if chart == "load":
        return (yield from analytics.degree_flow(docs))
    if chart == "concentration":
        return (yield from analytics.concentration_flow(docs))
    if chart == "centrality":
        return (yield from analytics.centrality_flow(docs))
    return (yield from analytics.community_map_flow(docs, seed))


def draw_chart(chart: str, data: Any, fmt: str) -> bytes:
    """The picture of what ``analysis_flow`` read (CPU work: the API runs it off the loop)."""
    if fmt not in FORMATS:
        raise InvalidArgument(f"chart format must be one of {', '.join(FORMATS)}, not {fmt!r}")
    if chart == "load":
        return load_chart(data, fmt)
    if chart == "concentration":
        return concentration_chart(data, fmt)
    if chart == "centrality":
        return centrality_chart(data, fmt)
    ans, ties = data
    return community_chart(ans, ties, fmt)


def chart_flow(chart: str, fmt: str, docs: list[str] | None = None,
               seed: int = analytics.LOUVAIN_SEED) -> Flow[bytes]:
    """Read and draw a chart (the CLI)."""
    if fmt not in FORMATS:
        raise InvalidArgument(f"chart format must be one of {', '.join(FORMATS)}, not {fmt!r}")
    data = yield from analysis_flow(chart, docs, seed)
    return draw_chart(chart, data, fmt)
