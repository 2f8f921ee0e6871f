"""The interactive network page: one self-contained, offline HTML file.

pyvis builds the vis-network node and edge records, and its bundled vis-network library is
inlined; the page around them (search, filters, legend, tooltips) is our own template in
``data/page/``. pyvis's own template is not used: it links Bootstrap and tom-select from a
CDN and renders tooltips as HTML, and the page must load nothing and run no article text.

Article text reaches the page only inside a JSON data island and reaches the DOM only
through ``textContent``. A Content-Security-Policy pins the two inline scripts by hash, so
even a stray ``onerror=`` attribute could not run and nothing can be fetched.
"""

from __future__ import annotations

import base64
import hashlib
import json
import math
from collections import deque
from pathlib import Path
from typing import TYPE_CHECKING, Any

from govgraph.errors import GovgraphError

if TYPE_CHECKING:  # networkx is imported lazily: the CLI must start fast
    import networkx

PAGE_DIR = Path(__file__).parent / "data" / "page"
VIS_JS = Path("templates") / "lib" / "vis-9.1.2" / "vis-network.min.js"  # inside pyvis

# The canvas draws labels with this stack too; WenQuanYi is what Debian/CI has.
FONT_FACE = (
    '"WenQuanYi Micro Hei", "Noto Sans CJK SC", "Source Han Sans SC", "PingFang SC", "Microsoft YaHei", sans-serif'
)
NODE_FONT = "#1f2328"
EDGE_FONT = "#5c636a"

# class -> (Chinese name, vis shape). Shape tells the class, colour tells the kind.
CLASSES: dict[str, tuple[str, str]] = {
    "institution": ("机构", "dot"),
    "region": ("地区", "square"),
    "mechanism": ("机制", "diamond"),
    "outcome": ("成果", "triangle"),
    "other": ("其他", "ellipse"),
}

# class -> kind -> (Chinese name, colour). Regions go dark→light from province to village.
KINDS: dict[str, dict[str, tuple[str, str]]] = {
    "institution": {
        "court": ("法院", "#1c7ed6"),
        "procuratorate": ("检察院", "#7048e8"),
        "public_security": ("公安", "#364fc7"),
        "justice": ("司法行政", "#1098ad"),
        "party": ("党委", "#e03131"),
        "government": ("政府", "#c2255c"),
        "people_congress": ("人大", "#862e9c"),
        "social_organization": ("社会组织", "#0ca678"),
        "education": ("教育机构", "#4dabf7"),
        "other": ("其他机构", "#868e96"),
    },
    "region": {
        "province": ("省级", "#2b8a3e"),
        "prefecture": ("地市级", "#40c057"),
        "county": ("县级", "#8ce99a"),
        "township": ("乡镇级", "#c0eb75"),
        "village": ("村级", "#e9fac8"),
    },
    "mechanism": {
        "curated": ("既定机制", "#e8590c"),
        "discovered": ("新发现机制", "#ffc078"),
    },
    "outcome": {
        "CNY": ("金额（元）", "#b08900"),
        "case": ("案件数", "#d6336c"),
        "percent": ("百分比", "#f06595"),
        "person": ("人数", "#9c36b5"),
        "person_time": ("人次", "#cc5de8"),
        "day": ("天数", "#5f3dc4"),
        "hour": ("小时", "#91a7ff"),
        "item": ("件/项", "#e599f7"),
        "other": ("其他成果", "#ced4da"),
    },
    "other": {"other": ("未分类", "#adb5bd")},
}

# relation -> (Chinese label used when an edge has none, colour)
RELATIONS: dict[str, tuple[str, str]] = {
    "adopts": ("采用", "#e8590c"),
    "located in": ("位于", "#2b8a3e"),
    "part of": ("隶属", "#1c7ed6"),
    "broader": ("上位", "#ae3ec9"),
    "outcome of": ("成果", "#d6336c"),
    "contained in": ("属于", "#495057"),
    "about mechanism": ("涉及机制", "#f08c00"),
}
OTHER_RELATION_COLOUR = "#adb5bd"

LARGE_PAGE = 300  # above this many nodes: cheaper layout and drawing
MAX_EVIDENCE = 5  # per node, to keep big pages small; the tooltip says how many more
MAX_LABEL = 16  # canvas label length; the tooltip has the full name
LAYOUT_BUDGET = 160_000  # node-iterations of in-browser layout: 80 iterations at 2,000 nodes
LAYOUT_SEED = 20240611  # vis-network's layout is seeded, so every load looks the same


def render_page(
    graph: networkx.MultiDiGraph,
    *,
    title: str = "govgraph",
    max_nodes: int = 500,
    focus: str | None = None,
    depth: int = 2,
    region: str | None = None,
) -> tuple[str, dict]:
    """Return (html_text, stats).

    stats = {"nodes": shown, "edges": shown, "total_nodes": n, "omitted_nodes": k}.
    ``focus`` keeps the nodes within ``depth`` undirected hops of the node it names (by id,
    label or alias); ``region`` keeps the nodes lying in that region plus their neighbours.
    If more than ``max_nodes`` remain, the best connected are kept (degree in the whole
    graph, ties by node id; the focus node always stays) and the page says what was left out.
    """
    if max_nodes < 1:
        raise GovgraphError(f"max_nodes must be at least 1, got {max_nodes}")
    if depth < 0:
        raise GovgraphError(f"depth must be 0 or more, got {depth}")

    total = graph.number_of_nodes()
    keep = set(graph.nodes)
    seeds: set = set()
    scope: list[str] = []
    if focus is not None:
        seeds = _named(graph, focus)
        if not seeds:
            raise GovgraphError(f"no node named {focus!r}")
        keep = _within(graph, seeds, depth)
        scope.append(f"以「{focus}」为中心 {depth} 跳以内")
    if region is not None:
        inside = {n for n in keep if _in_region(graph.nodes[n], region)}
        if not inside:
            raise GovgraphError(f"no node in region {region!r}")
        keep = inside | {m for n in inside for m in _neighbours(graph, n) if m in keep}
        scope.append(f"位于「{region}」的节点及其邻居")

    candidates = len(keep)
    omitted = max(0, candidates - max_nodes)
    if omitted:
        keep = set(best_connected(graph, keep, max_nodes, seeds))

    nodes, edges = _vis_records(graph, keep)
    shown_edges = len(edges)
    status = f"显示 {len(nodes)} 个节点、{shown_edges} 条关系"
    if scope:
        status += "（" + "；".join(scope) + "）"
    omitted_note = ""
    if omitted:
        of = f"{candidates} 个范围内节点" if scope else f"{total} 个节点"
        omitted_note = f"显示 {len(nodes)} / {of}；省略 {omitted} 个连接最少的节点"

    html = _page_html(title, status, omitted_note, nodes, edges)
    stats = {
        "nodes": len(nodes),
        "edges": shown_edges,
        "total_nodes": total,
        "omitted_nodes": omitted,
    }
    return html, stats


# --- choosing nodes -------------------------------------------------------------------


def best_connected(graph, nodes, limit: int, seeds=frozenset()) -> list:
    """The `limit` nodes a page keeps: seeds first, then by degree in the whole graph,
    ties by node id."""
    degree = dict(graph.degree(nodes))
    return sorted(nodes, key=lambda n: (n not in seeds, -degree[n], str(n)))[:limit]


def _norm(text: str) -> str:
    return " ".join(str(text).split()).casefold()


def _named(graph, name: str) -> set:
    """Nodes whose id, label or an alias is ``name``; an id match alone wins."""
    if name in graph:
        return {name}
    wanted = _norm(name)
    found = set()
    for n, attrs in graph.nodes(data=True):
        names = [attrs.get("label") or str(n), *(attrs.get("aliases") or [])]
        if any(_norm(x) == wanted for x in names):
            found.add(n)
    return found


def _neighbours(graph, n):
    # Hops ignore direction: "located in" and "adopts" both point away from institutions.
    yield from graph.successors(n)
    yield from graph.predecessors(n)


def _within(graph, seeds: set, depth: int) -> set:
    seen = set(seeds)
    frontier = deque((s, 0) for s in sorted(seeds, key=str))
    while frontier:
        n, d = frontier.popleft()
        if d == depth:
            continue
        for m in _neighbours(graph, n):
            if m not in seen:
                seen.add(m)
                frontier.append((m, d + 1))
    return seen


def _in_region(attrs: dict, region: str) -> bool:
    if region in (attrs.get("regions") or []):
        return True
    return attrs.get("cls") == "region" and attrs.get("label") == region


# --- vis records ----------------------------------------------------------------------


def _darker(colour: str, factor: float = 0.7) -> str:
    r, g, b = (int(colour[i : i + 2], 16) for i in (1, 3, 5))
    return "#{:02x}{:02x}{:02x}".format(*(int(c * factor) for c in (r, g, b)))


def _node_style(cls: str, kind: str) -> dict:
    colour = KINDS[cls].get(kind, KINDS[cls].get("other", ("", "#adb5bd")))[1]
    mark = {"background": colour, "border": "#d9480f"}
    return {
        "shape": CLASSES[cls][1],
        "color": {
            "background": colour,
            "border": _darker(colour),
            "highlight": mark,
            "hover": mark,
        },
    }


def _short(label: str) -> str:
    return label if len(label) <= MAX_LABEL else label[: MAX_LABEL - 1] + "…"


def _strings(values) -> list[str]:
    if isinstance(values, str):
        values = [values]
    return [str(v) for v in (values or []) if v is not None and str(v) != ""]


def _vis_records(graph, keep: set) -> tuple[list[dict], list[dict]]:
    """vis-network node and edge dicts, built with pyvis, in a stable order."""
    from pyvis.network import Network

    class _Network(Network):
        def get_nodes(self):  # pyvis checks each edge's ends against a list: a dict answers at once
            return self.node_map

    net = _Network(directed=True, cdn_resources="in_line")
    ids = {n: str(n) for n in keep}
    for n in sorted(keep, key=str):
        attrs = graph.nodes[n]
        label = str(attrs.get("label") or n)
        cls = attrs.get("cls") if attrs.get("cls") in KINDS else "other"
        kind = str(attrs.get("kind") or "other")
        evidence = [
            {"document": str(e.get("document") or ""), "sentence": str(e.get("sentence") or "")}
            for e in (attrs.get("evidence") or [])
            if isinstance(e, dict)
        ]
        degree = graph.degree(n)
        extra: dict[str, Any] = {}
        if cls == "mechanism" and kind == "discovered":
            extra["shapeProperties"] = {"borderDashes": [4, 3]}  # not yet in the curated list
            extra["borderWidth"] = 2
        net.add_node(
            ids[n],
            label=_short(label),
            size=round(min(45.0, 10 + 3 * math.sqrt(degree)), 1),  # size shows degree
            # Read by page.js for tooltips, search and filters; vis-network ignores them.
            name=label,
            cls=cls,
            kind=kind,
            aliases=_strings(attrs.get("aliases")),
            regions=_strings(attrs.get("regions")),
            evidence=evidence[:MAX_EVIDENCE],
            evidence_total=len(evidence),
            degree=degree,
            **_node_style(cls, kind),
            **extra,
        )

    # MultiDiGraph: a pair may carry several relations; bend the extra ones apart.
    pair_count: dict[tuple[str, ...], int] = {}
    shown = [(u, v, k, d) for u, v, k, d in graph.edges(keys=True, data=True) if u in keep and v in keep]
    # Sort on content before the key: keys depend on the order edges were added in.
    shown.sort(
        key=lambda e: (
            ids[e[0]],
            ids[e[1]],
            str(e[3].get("relation", "")),
            str(e[3].get("label", "")),
            str(e[2]),
        )
    )
    for i, (u, v, _key, d) in enumerate(shown):
        relation = str(d.get("relation") or "")
        zh, colour = RELATIONS.get(relation, (relation, OTHER_RELATION_COLOUR))
        pair = tuple(sorted((ids[u], ids[v])))
        nth = pair_count.get(pair, 0)
        pair_count[pair] = nth + 1
        extra = {}
        if nth:
            extra["smooth"] = {"enabled": True, "type": "curvedCW", "roundness": 0.2 * nth}
        net.add_edge(
            ids[u],
            ids[v],
            id=f"e{i}",
            label=str(d.get("label") or zh),
            relation=relation,
            color={"color": colour, "highlight": colour, "hover": colour, "opacity": 0.8},
            **extra,
        )
    return net.nodes, net.edges


def _vis_options(n_nodes: int) -> dict:
    large = n_nodes > LARGE_PAGE
    return {
        "autoResize": True,
        "nodes": {
            "borderWidth": 1,
            "font": {"face": FONT_FACE, "size": 14, "color": NODE_FONT},
        },
        "edges": {
            "arrows": {"to": {"enabled": True, "scaleFactor": 0.5}},
            "font": {
                "face": FONT_FACE,
                "size": 11,
                "color": EDGE_FONT,
                "strokeWidth": 3,
                "strokeColor": "#ffffff",
                "align": "middle",
            },
            # Curved edges cost drawing time on big pages; parallel edges curve anyway.
            "smooth": {"enabled": not large, "type": "continuous", "roundness": 0.3},
            "width": 1,
            "selectionWidth": 2,
        },
        "interaction": {
            "hover": True,
            "tooltipDelay": 150,
            "hideEdgesOnDrag": large,
            "hideEdgesOnZoom": large,
        },
        # improvedLayout (Kamada-Kawai on clusters) takes many seconds on big graphs.
        "layout": {"randomSeed": LAYOUT_SEED, "improvedLayout": not large},
        "physics": {
            "enabled": True,
            "solver": "forceAtlas2Based",
            "forceAtlas2Based": {
                "gravitationalConstant": -60,
                "springLength": 80 if large else 110,  # room for labels on small pages
                # A coarser Barnes-Hut tree: about twice as fast, looks the same at that size.
                "theta": 1.0 if large else 0.5,
            },
            # Bounded: the page turns physics off once these iterations are done, so a
            # page costs about the same to lay out whatever its size (see LAYOUT_BUDGET).
            "stabilization": {
                "enabled": True,
                "iterations": max(60, min(400, LAYOUT_BUDGET // max(1, n_nodes))),
                "updateInterval": 10,
                "fit": True,
            },
        },
    }


# --- the page ---------------------------------------------------------------------------


def _script_json(value: Any) -> str:
    """JSON that is safe inside a <script> element.

    ``<`` is written as ``\\u003c`` (which covers ``</script>`` and ``<!--``), ``>`` and ``&``
    likewise, and U+2028/2029 are escaped for old JavaScript parsers. JSON only has these
    characters inside strings, where the escapes mean the same text.
    """
    text = json.dumps(value, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    for ch in ("<", ">", "&", "\u2028", "\u2029"):
        text = text.replace(ch, f"\\u{ord(ch):04x}")
    return text


def _csp_hash(script: str) -> str:
    digest = hashlib.sha256(script.encode("utf-8")).digest()
    return "'sha256-" + base64.b64encode(digest).decode("ascii") + "'"


def _legend(nodes: list[dict], edges: list[dict]) -> tuple[list[dict], list[dict]]:
    """Classes (with their kinds) and relations present on the page, in a fixed order."""
    counts: dict[str, dict[str, int]] = {}
    for n in nodes:
        kinds = counts.setdefault(n["cls"], {})
        kinds[n["kind"]] = kinds.get(n["kind"], 0) + 1
    classes = []
    for cls, (zh, shape) in CLASSES.items():
        if cls not in counts:
            continue
        kind_rows = []
        for kind, count in sorted(counts[cls].items(), key=lambda kv: _kind_order(cls, kv[0])):
            style = _node_style(cls, kind)
            kind_rows.append(
                {
                    "name": KINDS[cls].get(kind, (kind, ""))[0],
                    "colour": style["color"]["background"],
                    "border": style["color"]["border"],
                    "dashed": cls == "mechanism" and kind == "discovered",
                    "count": count,
                }
            )
        classes.append({"key": cls, "name": zh, "shape": shape, "count": sum(counts[cls].values()), "kinds": kind_rows})
    used = {e["relation"] for e in edges}
    relations = [{"name": zh, "colour": colour} for rel, (zh, colour) in RELATIONS.items() if rel in used]
    relations += [{"name": rel, "colour": OTHER_RELATION_COLOUR} for rel in sorted(used - RELATIONS.keys()) if rel]
    return classes, relations


def _kind_order(cls: str, kind: str) -> tuple[int, str]:
    order = list(KINDS[cls])
    return (order.index(kind) if kind in order else len(order), kind)


def _page_html(title: str, status: str, omitted_note: str, nodes: list, edges: list) -> str:
    import jinja2
    import pyvis

    vis_js = (Path(pyvis.__file__).parent / VIS_JS).read_text(encoding="utf-8")
    page_js = (PAGE_DIR / "page.js").read_text(encoding="utf-8")
    for script in (vis_js, page_js):
        if "</script" in script.lower():  # would end the inline <script> early
            raise GovgraphError("page script contains '</script'; it cannot be inlined")

    data = {
        "nodes": nodes,
        "edges": edges,
        "options": _vis_options(len(nodes)),
        "style": {"nodeFont": NODE_FONT, "edgeFont": EDGE_FONT},
        "classNames": {cls: zh for cls, (zh, _shape) in CLASSES.items()},
        "kindNames": {f"{cls}/{kind}": zh for cls, kinds in KINDS.items() for kind, (zh, _c) in kinds.items()},
    }
    regions = sorted({r for n in nodes for r in n["regions"]} | {n["name"] for n in nodes if n["cls"] == "region"})
    mechanisms = sorted(
        ((n["name"], n["id"]) for n in nodes if n["cls"] == "mechanism"),
    )
    classes, relations = _legend(nodes, edges)

    env = jinja2.Environment(autoescape=True, keep_trailing_newline=True)
    template = env.from_string((PAGE_DIR / "page.html").read_text(encoding="utf-8"))
    return template.render(
        title=title,
        status=status,
        omitted_note=omitted_note,
        classes=classes,
        relations=relations,
        regions=regions,
        mechanisms=mechanisms,
        css=(PAGE_DIR / "page.css").read_text(encoding="utf-8"),
        data_json=_script_json(data),
        vis_js=vis_js,
        page_js=page_js,
        script_hashes=" ".join(_csp_hash(s) for s in (vis_js, page_js)),
    )
