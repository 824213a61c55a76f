"""Subgraphs out of govgraph: GraphML and GEXF (for Gephi), node-link JSON, a Cypher
script, and static pictures (SVG / PNG).

Everything here formats a ``Subgraph`` that ``govgraph.queries.answers`` built;
nothing queries the store. The node and edge styles (govgraph.graph.styles) are
the ones the browser view uses too (it reads them from GET /graph/schema).
"""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

from .graph.styles import KIND_STYLE, REL_STYLE
from .queries.answers import GraphEdge, GraphNode, Subgraph

FORMATS = ("graphml", "gexf", "json", "cypher")


def node_label(node: GraphNode, lang: str = "zh") -> str:
    """What a node is called in a picture: its name, or in English its English name
    (measures and sections by number, as they have none)."""
    if lang == "en":
        if node.name_en:
            return node.name_en
        number = node.properties.get("number")
        if node.kind == "Measure" and number is not None:
            return f"Measure {number}"
        if node.kind == "Section" and number is not None:
            return f"Section {number}"
        return node.name
    if node.kind == "Measure" and node.properties.get("number") is not None:
        return f"({node.properties.get('numeral') or node.properties['number']}) {node.name}"
    return node.name


# ---------------------------------------------------------------------------
# networkx


def _scalar(v: Any) -> Any:
    """GraphML and GEXF hold scalars only: lists become JSON text."""
    if isinstance(v, list | dict):
        return json.dumps(v, ensure_ascii=False)
    return v


def _node_attrs(n: GraphNode) -> dict[str, Any]:
    attrs: dict[str, Any] = {"label": n.name, "kind": n.kind, "name": n.name}
    if n.name_en:
        attrs["name_en"] = n.name_en
    if n.hop is not None:
        attrs["hop"] = n.hop
    for k, v in n.properties.items():
        if v is not None and k not in attrs:
            attrs[k] = v
    if n.citation is not None and n.kind != "Measure":  # a measure's citation is its own text
        for k, v in n.citation.model_dump().items():
            if v is not None:
                attrs[f"source_{k}"] = v
    attrs["color"] = KIND_STYLE.get(n.kind, {}).get("color", "#888888")
    return attrs


def _edge_attrs(e: GraphEdge) -> dict[str, Any]:
    attrs: dict[str, Any] = {"relation": e.type, "label": e.type, "edge_id": e.id}
    for k, v in e.properties.items():
        if v is not None and k not in attrs:
            attrs[k] = v
    if e.citation is not None:
        for k, v in e.citation.model_dump().items():
            if v is not None:
                attrs[f"source_{k}"] = v
    return attrs


def _uniform(rows: list[dict[str, Any]]) -> None:
    """GraphML and GEXF declare one type per attribute: an attribute whose values
    differ in type across elements (a date here, a year there) becomes text."""
    types: dict[str, set[type]] = {}
    for r in rows:
        for k, v in r.items():
            types.setdefault(k, set()).add(bool if isinstance(v, bool) else type(v))
    mixed = {k for k, ts in types.items() if len(ts) > 1}
    for r in rows:
        for k in mixed & set(r):
            r[k] = str(r[k])


def to_networkx(sub: Subgraph, *, scalars: bool = False):
    """A MultiDiGraph with one node per graph node and one keyed edge per edge; with
    `scalars`, list values are JSON text and each attribute has one type (for GraphML
    and GEXF)."""
    import networkx as nx

    conv = _scalar if scalars else (lambda v: v)
    nodes = [{k: conv(v) for k, v in _node_attrs(n).items()} for n in sub.nodes]
    edges = [{k: conv(v) for k, v in _edge_attrs(e).items()} for e in sub.edges]
    if scalars:
        _uniform(nodes)
        _uniform(edges)
    g = nx.MultiDiGraph(name="govgraph", focus=",".join(sub.focus), depth=sub.depth)
    for n, attrs in zip(sub.nodes, nodes, strict=True):
        g.add_node(n.id, **attrs)
    for e, attrs in zip(sub.edges, edges, strict=True):
        g.add_edge(e.source, e.target, key=e.id, **attrs)
    return g


def _gexf_ready(g):
    """GEXF reads `start` / `end` as time intervals (a measure's are character
    offsets, a membership's are dates as text), so they are renamed; colours become
    viz data."""
    h = g.copy()
    for _nid, data in h.nodes(data=True):
        for k in ("start", "end"):
            if k in data:
                data[f"span_{k}"] = data.pop(k)
        color = data.pop("color", None)
        if color:
            r, gr, b = (int(color[i:i + 2], 16) for i in (1, 3, 5))
            data["viz"] = {"color": {"r": r, "g": gr, "b": b, "a": 1.0}}
    for _u, _v, data in h.edges(data=True):
        for k in ("start", "end"):  # MEMBER_OF: dates of the membership
            if k in data:
                data[f"{k}_date"] = data.pop(k)
        data["id"] = data["edge_id"]
    return h


def export_text(sub: Subgraph, fmt: str) -> str:
    """The subgraph as a GraphML, GEXF, JSON or Cypher document."""
    import io

    import networkx as nx

    fmt = fmt.lower()
    if fmt == "graphml":
        buf = io.BytesIO()
        nx.write_graphml(to_networkx(sub, scalars=True), buf, encoding="utf-8", prettyprint=True)
        return buf.getvalue().decode("utf-8")
    if fmt == "gexf":
        buf = io.BytesIO()
        nx.write_gexf(_gexf_ready(to_networkx(sub, scalars=True)), buf, encoding="utf-8",
                      prettyprint=True)
        return buf.getvalue().decode("utf-8")
    if fmt == "json":
        data = nx.node_link_data(to_networkx(sub), edges="edges")
        return json.dumps(data, ensure_ascii=False, indent=2, default=str)
    if fmt == "cypher":
        return cypher_script(sub)
    raise ValueError(f"unknown format {fmt!r}; choose one of {', '.join(FORMATS)}")


# ---------------------------------------------------------------------------
# Cypher


def _lit(v: Any) -> str:
    if v is None:
        return "null"
    if isinstance(v, bool):
        return "true" if v else "false"
    if isinstance(v, int | float):
        return repr(v)
    if isinstance(v, list):
        return "[" + ", ".join(_lit(x) for x in v) + "]"
    s = str(v).replace("\\", "\\\\").replace("'", "\\'").replace("\n", "\\n").replace("\r", "\\r")
    return f"'{s}'"


def _map(d: dict[str, Any]) -> str:
    return "{" + ", ".join(f"`{k.replace('`', '')}`: {_lit(v)}" for k, v in d.items()
                           if v is not None) + "}"


_IDENT = re.compile(r"^[A-Za-z_][A-Za-z0-9_]*$")


def cypher_script(sub: Subgraph) -> str:
    """MERGE statements, one per line, that rebuild the subgraph in an empty (or any)
    Neo4j or FalkorDB graph: nodes by `Entity.id`, edges by their `key`."""
    lines = [f"// govgraph export: {len(sub.nodes)} nodes, {len(sub.edges)} edges"
             + (f"; focus {', '.join(sub.focus)}, depth {sub.depth}" if sub.focus else "")]
    for n in sub.nodes:
        props: dict[str, Any] = {"name": n.name, "kind": n.kind}
        if n.name_en:
            props["name_en"] = n.name_en
        props.update({k: v for k, v in n.properties.items() if v is not None})
        if n.citation is not None and n.kind != "Measure":
            props.update({f"source_{k}": v for k, v in n.citation.model_dump().items()
                          if v is not None})
        label = f":`{n.kind}`" if _IDENT.match(n.kind) else ""
        lines.append(f"MERGE (n:Entity {{id: {_lit(n.id)}}}) SET n{label} SET n += {_map(props)};")
    for e in sub.edges:
        if not _IDENT.match(e.type):
            continue
        props = {k: v for k, v in e.properties.items() if v is not None}
        if e.citation is not None:
            props.update({f"source_{k}": v for k, v in e.citation.model_dump().items()
                          if v is not None})
        lines.append(f"MATCH (a:Entity {{id: {_lit(e.source)}}}) "
                     f"MATCH (b:Entity {{id: {_lit(e.target)}}}) "
                     f"MERGE (a)-[e:`{e.type}` {{key: {_lit(e.id)}}}]->(b) SET e += {_map(props)};")
    return "\n".join(lines) + "\n"


# ---------------------------------------------------------------------------
# pictures

_CJK_FONTS = ("Noto Sans CJK SC", "Noto Sans SC", "Source Han Sans SC", "WenQuanYi Zen Hei",
              "WenQuanYi Micro Hei", "Droid Sans Fallback", "AR PL UMing CN", "SimHei",
              "Microsoft YaHei", "PingFang SC")


def cjk_font() -> str | None:
    """A font installed here that has Chinese glyphs, or None."""
    from matplotlib import font_manager

    names = {f.name for f in font_manager.fontManager.ttflist}
    return next((f for f in _CJK_FONTS if f in names), None)


def _layout(sub: Subgraph) -> dict[str, tuple[float, float]]:
    import networkx as nx

    g = nx.Graph()
    g.add_nodes_from(n.id for n in sub.nodes)
    g.add_edges_from((e.source, e.target) for e in sub.edges)
    if len(g) == 0:
        return {}
    if len(g) == 1:
        return {next(iter(g)): (0.0, 0.0)}
    k = 2.2 / max(len(g), 1) ** 0.5
    pos = nx.spring_layout(g, k=k, iterations=200, seed=7,
                           fixed=sub.focus[:1] if sub.focus and sub.focus[0] in g else None,
                           pos={sub.focus[0]: (0.0, 0.0)} if sub.focus and sub.focus[0] in g
                           else None)
    return {n: (float(x), float(y)) for n, (x, y) in pos.items()}


_MPL_MARKERS = {"ellipse": "o", "rectangle": "s", "round-rectangle": "s", "star": "*",
                "hexagon": "h", "barrel": "D", "triangle": "^", "round-pentagon": "p",
                "pentagon": "p", "tag": ">", "octagon": "8"}


def _wrap(label: str, lines: int = 2) -> str:
    """At most two short lines: Chinese wraps by characters, English at spaces."""
    import textwrap

    wide = any(ord(ch) > 0x2E80 for ch in label)
    parts = textwrap.wrap(label, width=12 if wide else 24, break_long_words=True) or [label]
    if len(parts) > lines:
        parts = parts[:lines]
        parts[-1] = parts[-1][:-1] + "…"
    return "\n".join(parts)


def draw(sub: Subgraph, out: Path, *, lang: str = "zh", title: str | None = None,
         size: tuple[float, float] | None = None, edge_labels: bool = True) -> list[str]:
    """Draw the subgraph to an SVG or PNG file. Returns warnings (e.g. no Chinese font
    for a PNG, so English labels were used)."""
    import logging

    import matplotlib

    matplotlib.use("Agg")
    logging.getLogger("matplotlib.font_manager").setLevel(logging.ERROR)
    import matplotlib.pyplot as plt
    from matplotlib.lines import Line2D

    out = Path(out)
    suffix = out.suffix.lower()
    if suffix not in (".svg", ".png"):
        raise ValueError(f"{out}: the picture must be .svg or .png")
    warnings: list[str] = []
    font = cjk_font()
    # Any keys: matplotlib types them as the literal names of its settings.
    rc: dict[Any, Any] = {"svg.fonttype": "none", "font.size": 8}
    if font:
        rc["font.family"] = [font, "DejaVu Sans"]
    elif lang == "zh":
        if suffix == ".png":
            warnings.append("no font with Chinese glyphs is installed (e.g. Debian's "
                            "fonts-wqy-zenhei): the PNG uses English labels")
            lang = "en"
        else:
            rc["font.family"] = ["sans-serif"]  # text stays text: the viewer's fonts draw it

    pos = _layout(sub)
    n = max(len(sub.nodes), 1)
    w, h = size or (min(8 + n * 0.18, 24), min(6 + n * 0.14, 18))
    with plt.rc_context(rc):
        fig, ax = plt.subplots(figsize=(w, h))
        ax.set_axis_off()
        by_id = {nd.id: nd for nd in sub.nodes}
        pair_count: dict[tuple[str, str], int] = {}
        for e in sub.edges:
            if e.source not in pos or e.target not in pos:
                continue
            pair = (min(e.source, e.target), max(e.source, e.target))
            i = pair_count.get(pair, 0)
            pair_count[pair] = i + 1
            st = REL_STYLE.get(e.type, {"color": "#999999", "line": "solid"})
            (x1, y1), (x2, y2) = pos[e.source], pos[e.target]
            rad = 0.12 * i * (1 if i % 2 else -1)
            ax.annotate("", xy=(x2, y2), xytext=(x1, y1), zorder=1,
                        arrowprops={"arrowstyle": "-|>", "color": st["color"], "lw": 1.0,
                                    "linestyle": {"solid": "-", "dashed": "--",
                                                  "dotted": ":"}[st["line"]],
                                    "shrinkA": 9, "shrinkB": 9, "mutation_scale": 9,
                                    "connectionstyle": f"arc3,rad={rad}"})
            if edge_labels and i == 0:
                ax.text((x1 + x2) / 2, (y1 + y2) / 2, st.get(lang, e.type), fontsize=6,
                        color=st["color"], ha="center", va="center", zorder=2,
                        bbox={"boxstyle": "round,pad=0.1", "fc": "white", "ec": "none",
                              "alpha": 0.75})
        kinds_seen: dict[str, None] = {}
        for nid, (x, y) in pos.items():
            nd = by_id[nid]
            st = KIND_STYLE.get(nd.kind, {"color": "#888888", "shape": "ellipse"})
            kinds_seen.setdefault(nd.kind)
            focus = nid in sub.focus
            ax.scatter([x], [y], s=420 if focus else 180, c=st["color"],
                       marker=_MPL_MARKERS.get(st["shape"], "o"), zorder=3,
                       edgecolors="#111827" if focus else "white", linewidths=2 if focus else 1)
            label = _wrap(node_label(nd, lang))
            ax.text(x, y - 0.045, label, fontsize=8 if focus else 7, ha="center", va="top",
                    zorder=4, fontweight="bold" if focus else "normal")
        handles = [Line2D([], [], marker=_MPL_MARKERS.get(KIND_STYLE[k]["shape"], "o"),
                          color="white", markerfacecolor=KIND_STYLE[k]["color"], markersize=9,
                          label=KIND_STYLE[k][lang if lang in ("zh", "en") else "en"])
                   for k in kinds_seen if k in KIND_STYLE]
        if handles:
            ax.legend(handles=handles, loc="lower left", fontsize=7, frameon=False)
        if title:
            ax.set_title(title, fontsize=11)
        ax.margins(0.08)
        fig.tight_layout()
        out.parent.mkdir(parents=True, exist_ok=True)
        fig.savefig(out, format=suffix[1:], dpi=150 if suffix == ".png" else None,
                    metadata={"Date": None} if suffix == ".svg" else None)
        plt.close(fig)
    return warnings
