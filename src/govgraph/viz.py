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

import importlib
import math
import sys
import threading
import types
from collections import deque
from typing import TYPE_CHECKING, Any

from .errors import GovgraphError
from .layout import layout, node_box
from .model import OTHER_RELATION_COLOUR, RELATION
from .page_html import CLASSES, KINDS, MAX_EVIDENCE, node_style, page_html, short_label, strings
from .pagemap import add_map, coordinates

if TYPE_CHECKING:  # networkx is imported lazily: the CLI must start fast
    import networkx


def render_page(
    graph: networkx.MultiDiGraph,
    *,
    title: str = "govgraph",
    max_nodes: int = 500,
    focus: str | None = None,
    depth: int = 2,
    region: str | None = None,
    map_view: bool = False,
    summary: dict | None = None,
) -> tuple[str, dict]:
    """Return (html_text, stats).

    stats = {"nodes": shown, "edges": shown, "total_nodes": n, "omitted_nodes": k}.
    ``focus`` keeps the nodes within ``depth`` undirected hops of the node it names (by id,
    label or alias); ``region`` keeps the nodes lying in that region plus their neighbours.
    If more than ``max_nodes`` remain, the best connected are kept (degree in the whole
    graph, ties by node id; the focus node always stays) and the page says what was left out.
    Every node has a fixed place (`govgraph.layout`) and a place on the map the page can
    switch to (`govgraph.pagemap`); ``map_view`` opens the page on the map.
    ``summary``: what the whole graph holds (`build.counts.GraphCounts.summary`), shown in
    the header and kept in the data island.
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
    place_nodes(nodes, edges)
    coords = {
        n["id"]: c for n in nodes if n["cls"] == "region" for c in [coordinates(n["id"], graph.nodes[n["id"]])] if c
    }
    add_map(nodes, edges, coords)
    shown_edges = len(edges)
    status = f"显示 {len(nodes)} 个节点、{shown_edges} 条关系"
    if scope:
        status += "（" + "；".join(scope) + "）"
    omitted_note = ""
    if omitted:
        of = f"{candidates} 个范围内节点" if scope else f"{total} 个节点"
        omitted_note = f"显示 {len(nodes)} / {of}；省略 {omitted} 个连接最少的节点"

    html = page_html(title, status, omitted_note, nodes, edges, start_map=map_view, summary=summary)
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


# --- layout ---------------------------------------------------------------------------


def place_nodes(nodes: list[dict], edges: list[dict]) -> None:
    """Give every node its fixed place (x, y): see `govgraph.layout`."""
    classes = list(CLASSES)
    rank = {n["id"]: (-n["degree"], classes.index(n["cls"]), n["name"], n["id"]) for n in nodes}
    boxes = {n["id"]: node_box(n["label"], n["size"]) for n in nodes}
    where = layout([n["id"] for n in nodes], [(e["from"], e["to"]) for e in edges], boxes, rank)
    for n in nodes:
        n["x"], n["y"] = where[n["id"]]


# --- vis records ----------------------------------------------------------------------


def _network():
    """A directed pyvis Network that builds the node and edge records.

    pyvis is imported here, when a page is drawn, not with the package."""
    Network = _pyvis_network()

    class _Network(Network):
        def __init__(self, **kwargs):
            super().__init__(**kwargs)
            self.node_ids = _NodeIds(self.node_map)

        def get_nodes(self):  # pyvis checks each edge's ends against a list: a dict answers at once
            return self.node_map

    return _Network(directed=True, cdn_resources="in_line")


class _NodeIds(list):
    """pyvis's list of node ids, which it asks whether it holds a node before adding it: the
    network's node map (a dict, kept in step with the list by pyvis) answers at once, where a
    scan of the list made a page of 2,000 nodes take a tenth of a second more."""

    def __init__(self, node_map: dict):
        super().__init__()
        self._map = node_map

    def __contains__(self, n_id) -> bool:
        return n_id in self._map


def _lazy_iframe(*args, **kwargs):
    """IPython's IFrame, imported when pyvis asks for one (only `show()` in a notebook does)."""
    from IPython.display import IFrame

    return IFrame(*args, **kwargs)


def _pyvis_network():
    """pyvis's Network class. pyvis.network imports IPython, a third of a second, for the
    IFrame it returns in notebooks, networkx, a tenth, for `from_nx`, and jsonpickle (with
    yaml), a thirtieth, for `to_json`, none of which the page calls; unless they are loaded
    already, it imports against stand-ins that load the real module when used (`_Later`),
    and the stand-ins are removed at once."""
    if "pyvis.network" in sys.modules:
        from pyvis.network import Network

        return Network
    stand_ins: dict[str, types.ModuleType] = {}
    if "IPython" not in sys.modules:
        ipython, display = types.ModuleType("IPython"), types.ModuleType("IPython.display")
        display.IFrame = _lazy_iframe  # type: ignore[attr-defined]
        ipython.display = display  # type: ignore[attr-defined]
        stand_ins.update({"IPython": ipython, "IPython.display": display})
    for name in ("networkx", "jsonpickle"):
        if name not in sys.modules:
            stand_ins[name] = _Later(name)
    with _STAND_IN:
        sys.modules.update(stand_ins)
        try:
            from pyvis.network import Network
        finally:
            for name, module in stand_ins.items():
                if sys.modules.get(name) is module:
                    del sys.modules[name]
    return Network


class _Later(types.ModuleType):
    """A module imported when one of its names is first read (the stand-in is gone by then)."""

    def __getattr__(self, name: str):
        return getattr(importlib.import_module(self.__name__), name)


_STAND_IN = threading.Lock()


def _vis_records(graph, keep: set) -> tuple[list[dict], list[dict]]:
    """vis-network node and edge dicts, built with pyvis, in a stable order."""
    net = _network()
    ids = {n: str(n) for n in keep}
    for n in sorted(keep, key=str):
        attrs = graph.nodes[n]
        label = str(attrs.get("label") or n)
        cls = attrs.get("cls") if attrs.get("cls") in KINDS else "other"
        kind = str(attrs.get("kind") or "other")
        evidence = [
            {
                "headline": str(e.get("headline") or ""),
                "document": str(e.get("document") or ""),
                "sentence": str(e.get("sentence") or ""),
            }
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
            label=short_label(label),
            size=round(min(45.0, 10 + 3 * math.sqrt(degree)), 1),  # size shows degree
            # Read by page.js for tooltips, search and filters; vis-network ignores them.
            name=label,
            cls=cls,
            kind=kind,
            aliases=strings(attrs.get("aliases")),
            regions=strings(attrs.get("regions")),
            evidence=evidence[:MAX_EVIDENCE],
            evidence_total=len(evidence),
            degree=degree,
            **node_style(cls, kind),
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
        known = RELATION.get(relation)
        zh, colour = (known.label, known.colour) if known else (relation, OTHER_RELATION_COLOUR)
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
