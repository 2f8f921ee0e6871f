"""The build's page graph without networkx: the part of a networkx MultiDiGraph that
`PageModel` fills and `viz.render_page` reads. Importing networkx and building its graph
took about a fifth of the page's time; GraphML and `govgraph view` still use networkx."""

from __future__ import annotations

from collections.abc import Iterable, Iterator


class _NodeView:
    """`graph.nodes`: iterate the node ids, index a node's attributes, or call with
    data=True for (node, attributes) pairs, as networkx's view answers."""

    def __init__(self, nodes: dict[str, dict]):
        self._nodes = nodes

    def __iter__(self) -> Iterator[str]:
        return iter(self._nodes)

    def __len__(self) -> int:
        return len(self._nodes)

    def __contains__(self, n) -> bool:
        return n in self._nodes

    def __getitem__(self, n) -> dict:
        return self._nodes[n]

    def __call__(self, data: bool = False):
        return self._nodes.items() if data else self._nodes.keys()


class PageGraph:
    """Nodes with attributes and keyed directed edges with data, in the order added; a node
    added again takes the new attributes (as in networkx). Edges are not merged: the page
    model adds each (source, target, key) once."""

    def __init__(self) -> None:
        self._nodes: dict[str, dict] = {}
        self._edges: list[tuple[str, str, str, dict]] = []
        self._degree: dict[str, int] = {}
        self._succ: dict[str, list[str]] | None = None
        self._pred: dict[str, list[str]] | None = None
        self.nodes = _NodeView(self._nodes)

    def add_node(self, n: str, **attrs) -> None:
        self._nodes.setdefault(n, {}).update(attrs)

    def add_edges_from(self, edges: Iterable[tuple[str, str, str, dict]]) -> None:
        degree = self._degree
        for u, v, key, data in edges:
            self._nodes.setdefault(u, {})
            self._nodes.setdefault(v, {})
            self._edges.append((u, v, key, dict(data)))
            degree[u] = degree.get(u, 0) + 1  # out and in: a loop counts twice, as in networkx
            degree[v] = degree.get(v, 0) + 1
        self._succ = self._pred = None

    def __contains__(self, n) -> bool:
        return n in self._nodes

    def __iter__(self) -> Iterator[str]:
        return iter(self._nodes)

    def __len__(self) -> int:
        return len(self._nodes)

    def number_of_nodes(self) -> int:
        return len(self._nodes)

    def degree(self, nbunch):
        """A node's degree (in and out edges), or (node, degree) pairs for nodes of an iterable."""
        try:
            if nbunch in self._nodes:
                return self._degree.get(nbunch, 0)
        except TypeError:  # a list or a set of nodes
            pass
        return [(n, self._degree.get(n, 0)) for n in nbunch if n in self._nodes]

    def edges(self, keys: bool = False, data: bool = False) -> list[tuple]:
        return [(u, v, *((k,) if keys else ()), *((d,) if data else ())) for u, v, k, d in self._edges]

    def successors(self, n: str) -> Iterator[str]:
        if self._succ is None:
            self._adjacency()
        assert self._succ is not None
        return iter(dict.fromkeys(self._succ.get(n, [])))

    def predecessors(self, n: str) -> Iterator[str]:
        if self._pred is None:
            self._adjacency()
        assert self._pred is not None
        return iter(dict.fromkeys(self._pred.get(n, [])))

    def _adjacency(self) -> None:
        self._succ, self._pred = {}, {}
        for u, v, _, _ in self._edges:
            self._succ.setdefault(u, []).append(v)
            self._pred.setdefault(v, []).append(u)
