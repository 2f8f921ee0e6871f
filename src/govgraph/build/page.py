"""The network view of the graph: the one projection of the graph onto the nodes and edges
that the page, GraphML and `govgraph view` read.

`PageModel` gathers, document by document, what the view needs from page rows
(`build.rows`), keeping only what it shows (at most five evidence sentences per node), so
the page needs no graph in memory; `to_networkx` makes the view (`govgraph.store_view` feeds it from a graph file); `view_of_lines` makes it of
a whole graph's N-Triples lines (a graph file read back).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from ..model import GG_NS, KIND_CLASS, LEVEL_TERM, RELATIONS
from ..viz import best_connected
from .page_graph import PageGraph
from .rows import AREA, CONCEPT, DISCOVERED, EV_KEEP, ORGANIZATION, OUTCOME, keep_smallest, page_rows

_FIRST = ("located in", "outcome of")  # relations of which a node keeps its first object
_NODE_SETS = ("pref", "label", "alt")  # page-row codes that collect a set of values
_NODE_FIRST = ("level", "unit", "metric", "text")  # ... that keep the first value
_KIND_OF_CLASS = {GG_NS + v: k for k, v in KIND_CLASS.items()}
_LEVEL_OF_TERM = {GG_NS + v: k for k, v in LEVEL_TERM.items()}


class _Node:
    __slots__ = ("types", "pref", "label", "alt", "level", "unit", "metric", "text", "ev_m", "ev_d")

    def __init__(self):
        self.types: set[str] = set()
        self.pref = self.label = self.alt = ()  # sets once something is added: most nodes have few
        self.level = self.unit = self.metric = self.text = None
        self.ev_m: dict | None = None
        self.ev_d: dict | None = None


def _node_evidence(n: _Node) -> list[dict]:
    """The node's first five evidence sentences: mentions first, each list in IRI order."""
    out: list[dict] = []
    for d in (n.ev_m, n.ev_d):
        if d:
            for item, _ in sorted(d.items(), key=lambda kv: kv[1]):
                doc, sentence, headline = item
                e = {"headline": headline, "document": doc, "sentence": sentence}
                if e not in out:
                    out.append(e)
    return out[:5]


def _node_aliases(n: _Node) -> list[str]:
    return sorted({lex for lex, lang in n.alt if lang == "zh"})


def _nothing(n: _Node) -> list:
    return []


def _literal_order(v: tuple[str, str | None]) -> tuple:
    """rdflib's order of plain literals: no language first, then by tag and text."""
    lex, lang = v
    return (lang is not None, lang or "", lex)


def _zh_label(s: str, n: _Node) -> str:
    zh = [lex for lex, lang in n.pref if lang == "zh"]
    if zh:
        return min(zh)
    if n.label:
        return min(n.label, key=_literal_order)[0]
    return s.rsplit("/", 1)[-1]


def _outcome_label(n: _Node) -> str:
    """The outcome's rdfs:label (`triples.outcome_label`); a graph made before labels named
    the metric gives its figure and metric."""
    if n.label:
        return min(n.label, key=_literal_order)[0]
    text = n.text[0] if n.text else None
    metric = n.metric[0] if n.metric else None
    return f"{text}" + (f"（{metric}）" if metric else "")


# Node classes in the order they are added: (class, rdf:type, kind of a node, its label)
_CLASSES: tuple[tuple[str, str, Callable[[_Node], str], Callable[[str, _Node], str]], ...] = (
    (
        "institution",
        ORGANIZATION,
        lambda n: min([_KIND_OF_CLASS[c] for c in n.types if c in _KIND_OF_CLASS], default="other"),
        _zh_label,
    ),
    ("region", AREA, lambda n: _LEVEL_OF_TERM.get(n.level, "county"), _zh_label),
    ("mechanism", CONCEPT, lambda n: "discovered" if DISCOVERED in n.types else "curated", _zh_label),
    ("outcome", OUTCOME, lambda n: str((n.unit[0] if n.unit else None) or "other"), lambda s, n: _outcome_label(n)),
)


def region_chain(nxg, parent: dict[str, str], r: str | None) -> list[str]:
    """Labels of region `r` and its ancestors (following `parent`), for the page's region
    filter; stops at a cycle or at a region the view does not hold."""
    out, seen = [], set()
    while r and r not in seen and r in nxg:
        seen.add(r)
        out.append(nxg.nodes[r]["label"])
        r = parent.get(r)
    return out


class PageModel:
    """The view's nodes and edges, gathered from page rows."""

    def __init__(self):
        self.nodes: dict[str, _Node] = {}
        self.edges: dict[str, dict[tuple[str, str], None]] = {r.name: {} for r in RELATIONS}
        self.first: dict[tuple[str, str], str] = {}  # (subject, relation) -> first object seen
        self.parent_seq: dict[str, int] = {}  # containedInPlace objects in first-seen order

    def add(self, rows: list[tuple]) -> None:
        nodes = self.nodes
        for s, code, v in rows:
            if code in self.edges:
                self._add_edge(s, code, v)
                continue
            n = nodes.get(s)
            if n is None:
                n = nodes[s] = _Node()
            # each code below is the name of the _Node slot it fills
            if code == "type":
                n.types.add(v)
            elif code in _NODE_SETS:
                values = getattr(n, code)
                if values:
                    values.add(v)
                else:
                    setattr(n, code, {v})
            elif code in EV_KEEP:
                ev, doc, sentence, headline = v
                if sentence is None:
                    continue
                d = getattr(n, code)
                if d is None:
                    d = {}
                    setattr(n, code, d)
                keep_smallest(d, (doc, sentence, headline), ev, EV_KEEP[code])
            elif code in _NODE_FIRST:
                if getattr(n, code) is None:
                    setattr(n, code, v)

    def _add_edge(self, s: str, rel: str, o: str) -> None:
        pair = (s, o)
        edges = self.edges[rel]
        if pair not in edges:
            edges[pair] = None
            if rel in _FIRST:
                self.first.setdefault((s, rel), o)
            elif rel == "contained in":
                self.parent_seq.setdefault(o, len(self.parent_seq))

    def to_networkx(self, page_nodes: int | None = None):
        """The view as a networkx MultiDiGraph: nodes with label, cls, kind, aliases,
        evidence and regions; edges keyed by relation, with its label.

        `page_nodes`: the graph is only for a page of that many nodes (`viz.render_page`
        keeps the best connected): the other nodes get no aliases and no evidence, which
        the page never reads of them (most of the work on a big graph)."""
        import networkx as nx

        return self._fill(nx.MultiDiGraph(), page_nodes)

    def page_graph(self, page_nodes: int):
        """`to_networkx(page_nodes)` as a `PageGraph`, which the build's page reads alike."""
        return self._fill(PageGraph(), page_nodes)

    def _fill(self, nxg, page_nodes: int | None):
        full = page_nodes is None
        # for a page, aliases and evidence are filled in below, for the nodes it keeps
        self._add_nodes(nxg, _node_aliases if full else _nothing, _node_evidence if full else _nothing)
        for r in RELATIONS:
            nxg.add_edges_from(
                (a, b, r.name, {"relation": r.name, "label": r.label})
                for a, b in sorted(self.edges[r.name])
                if a in nxg and b in nxg
            )
        if page_nodes is not None:
            for s in best_connected(nxg, list(nxg.nodes), page_nodes):
                data, n = nxg.nodes[s], self.nodes[s]
                if data["cls"] != "outcome":
                    data["aliases"] = _node_aliases(n)
                data["evidence"] = _node_evidence(n)
        self._add_regions(nxg)
        return nxg

    def _add_nodes(self, nxg, aliases: Callable[[_Node], list], evidence: Callable[[_Node], list]) -> None:
        nodes = self.nodes
        for cls, rdf_type, kind, label in _CLASSES:
            for s in sorted(s for s, n in nodes.items() if rdf_type in n.types):
                n = nodes[s]
                nxg.add_node(
                    s,
                    label=label(s, n),
                    cls=cls,
                    kind=kind(n),
                    aliases=[] if cls == "outcome" else aliases(n),
                    evidence=evidence(n),
                    regions=[],
                )

    def _add_regions(self, nxg) -> None:
        """Each node's regions (ancestors included), for the page's region filter."""
        # a region with several parents: the one a dict built from rdflib's iteration keeps
        parent: dict[str, str] = {}
        seq = self.parent_seq
        for s, o in self.edges["contained in"]:
            if s not in parent or seq[o] >= seq[parent[s]]:
                parent[s] = o
        first = self.first
        for n, data in nxg.nodes(data=True):
            if data["cls"] == "region":
                data["regions"] = region_chain(nxg, parent, n)
            elif data["cls"] == "institution":
                loc = first.get((n, "located in"))
                data["regions"] = region_chain(nxg, parent, loc) if loc is not None else []
        for n, data in nxg.nodes(data=True):
            if data["cls"] == "outcome":
                subj = first.get((n, "outcome of"))
                data["regions"] = list(nxg.nodes[subj]["regions"]) if subj is not None and subj in nxg else []


def view_of_lines(lines: list[str], base: str = "") -> Any:
    """The whole view (every node's aliases and evidence) of a graph's N-Triples lines. Where
    a node has several objects of a relation the view takes one of (an institution's region,
    a region's parent), the order of the lines decides, as the order of documents does in
    a build."""
    view = PageModel()
    view.add(page_rows(lines, base))
    return view.to_networkx()
