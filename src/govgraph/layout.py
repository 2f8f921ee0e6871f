"""Where the network page draws each node: a layout computed once, at build time.

The page must be legible at first sight and byte-identical for the same graph, so nothing
is left to the browser's physics. Each connected component gets a pivot-MDS layout (graph
distances from a few far-apart pivot nodes, projected onto their two main axes: fast and
faithful to the graph's global shape), then every node's box (its shape and its label) is
put on an occupancy grid at the free spot nearest to where the layout wants it, best
connected first: no two boxes overlap. Nodes with no edge on the page sit in a grid on the
right, sorted by class and name, instead of being scattered around the rim.
"""

from __future__ import annotations

import math
import os
import sys
import unicodedata
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # numpy is imported lazily, like networkx: the CLI must start fast
    import numpy

FONT_PX = 14  # the canvas label font (page_html sets the same size)
LABEL_GAP = 3  # vis-network draws a label this far below its shape
LABEL_LINE = 1.3  # the label box's height, in font sizes (vis measures one line as about 1)
MARGIN = 5  # free space kept around each node box, in canvas pixels
CELL = 12  # occupancy-grid resolution, in canvas pixels
HOP = 150  # canvas pixels per graph hop before boxes are packed
PIVOTS = 40
WIDE = ("W", "F", "A")  # east-asian widths drawn a full em wide in the CJK font


def text_width(text: str, px: float = FONT_PX) -> float:
    """A generous estimate of a label's drawn width: CJK a full em, the rest 0.65 em."""
    return sum(px if unicodedata.east_asian_width(c) in WIDE else 0.65 * px for c in text)


def node_box(label: str, size: float) -> tuple[float, float]:
    """Width and height of the box a node covers on the canvas: its shape (a square of
    side 2 × size) with its label below, plus a margin all round."""
    width = max(2 * size, text_width(label)) + 2 * MARGIN
    height = 2 * size + LABEL_GAP + LABEL_LINE * FONT_PX + 2 * MARGIN
    return width, height


def layout(ids: list[str], edges: list[tuple[str, str]], boxes: dict[str, tuple[float, float]], rank: dict[str, tuple]):
    """{id: (x, y)} in canvas pixels, integers. `ids` in a fixed order; `rank` orders nodes
    for packing (smallest first: the best connected); `boxes` from `node_box`."""
    np = _numpy()

    if not ids:
        return {}
    index = {n: i for i, n in enumerate(ids)}
    pairs = sorted({(min(index[u], index[v]), max(index[u], index[v])) for u, v in edges if u != v})
    components = _components(len(ids), pairs)
    size = np.array([boxes[n] for n in ids], dtype=float)
    centres = np.zeros((len(ids), 2))
    shelf = _Shelf()
    for comp in (c for c in components if len(c) > 1):  # largest first: the main one on top
        wanted = _spread(_pivot_mds(comp, pairs, index_of={n: k for k, n in enumerate(comp)}), size[comp])
        order = sorted(range(len(comp)), key=lambda k: rank[ids[comp[k]]])
        packed = _pack(wanted, size[comp], order)
        lo = (packed - size[comp] / 2).min(axis=0)
        hi = (packed + size[comp] / 2).max(axis=0)
        centres[comp] = packed - lo + shelf.place(*(hi - lo))
    alone = sorted((c[0] for c in components if len(c) == 1), key=lambda i: rank[ids[i]][1:])
    if alone:
        _grid(centres, size, alone, shelf.width + HOP, max(shelf.height, 1.0))
    # a box's centre is below its node's: the label hangs under the shape
    drop = (LABEL_GAP + LABEL_LINE * FONT_PX) / 2
    return {n: (int(round(centres[i][0])), int(round(centres[i][1] - drop))) for i, n in enumerate(ids)}


BLAS_THREADS = ("OPENBLAS_NUM_THREADS", "OMP_NUM_THREADS", "MKL_NUM_THREADS")


def _numpy():
    """numpy, its BLAS on one thread unless the user set a number. The layout's matrices are
    small (nodes × 40 pivots), and a BLAS thread that waits for a busy core (the graph's
    writers run while the page is drawn) made the page half as slow again. BLAS reads the
    setting when numpy is first imported; it is taken back at once, for other programs."""
    if "numpy" in sys.modules:
        return sys.modules["numpy"]
    unset = [v for v in BLAS_THREADS if v not in os.environ]
    os.environ.update(dict.fromkeys(unset, "1"))
    try:
        import numpy
    finally:
        for v in unset:
            os.environ.pop(v, None)
    return numpy


class _Shelf:
    """Packed components in rows: the first (the largest) sets the row width."""

    def __init__(self):
        self.width = self.height = 0.0
        self.row_x = self.row_y = self.row_h = 0.0

    def place(self, w: float, h: float) -> tuple[float, float]:
        if self.width == 0:
            self.width, self.height = w, h
            self.row_y = h + HOP / 2
            return 0.0, 0.0
        if self.row_x and self.row_x + w > self.width:
            self.row_x, self.row_y, self.row_h = 0.0, self.row_y + self.row_h + HOP / 4, 0.0
        at = (self.row_x, self.row_y)
        self.row_x += w + HOP / 4
        self.row_h = max(self.row_h, h)
        self.width = max(self.width, self.row_x - HOP / 4)
        self.height = max(self.height, self.row_y + h)
        return at


def _components(n: int, pairs: list[tuple[int, int]]) -> list[list[int]]:
    """Connected components as sorted index lists, largest first, then by first index."""
    parent = list(range(n))

    def root(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    for a, b in pairs:
        ra, rb = root(a), root(b)
        if ra != rb:
            parent[max(ra, rb)] = min(ra, rb)
    groups: dict[int, list[int]] = {}
    for i in range(n):
        groups.setdefault(root(i), []).append(i)
    return sorted(groups.values(), key=lambda c: (-len(c), c[0]))


def _pivot_mds(comp: list[int], pairs: list[tuple[int, int]], index_of: dict[int, int]) -> numpy.ndarray:
    """Pivot MDS (Brandes & Pich 2006) of one component, in canvas pixels."""
    import numpy as np

    n = len(comp)
    if n == 2:
        return np.array([[0.0, 0.0], [float(HOP), 0.0]])
    neighbours: list[list[int]] = [[] for _ in range(n)]
    for a, b in pairs:
        if a in index_of:
            neighbours[index_of[a]].append(index_of[b])
            neighbours[index_of[b]].append(index_of[a])
    degree = np.array([len(x) for x in neighbours])
    pivots = [int(np.argmax(degree))]  # first maximum: the best connected, lowest index
    nearest = np.full(n, np.inf)
    columns = []
    for _ in range(min(PIVOTS, n)):
        dist = _hops(neighbours, pivots[-1])
        columns.append(dist)
        nearest = np.minimum(nearest, dist)
        pivots.append(int(np.argmax(nearest)))
    d2 = np.array(columns).T ** 2  # n × k squared hop distances
    centred = d2 - d2.mean(axis=0) - d2.mean(axis=1, keepdims=True) + d2.mean()
    u, s, _ = np.linalg.svd(-0.5 * centred, full_matrices=False)
    coords = u[:, :2] * s[:2]
    if coords.shape[1] < 2:
        coords = np.hstack([coords, np.zeros((n, 2 - coords.shape[1]))])
    for axis in range(2):  # an eigenvector's sign is arbitrary: fix it
        if coords[np.argmax(np.abs(coords[:, axis])), axis] < 0:
            coords[:, axis] *= -1
    # rounded: another LAPACK may differ in the last bits, and the page must come out the same
    return np.round(coords * HOP, 2)


def _hops(neighbours: list[list[int]], source: int):
    """Hop distances from `source` to every node of its component (breadth-first)."""
    import numpy as np

    dist = [-1] * len(neighbours)
    dist[source] = 0
    frontier, hops = [source], 0
    while frontier:
        hops += 1
        reached = []
        for u in frontier:
            for v in neighbours[u]:
                if dist[v] < 0:
                    dist[v] = hops
                    reached.append(v)
        frontier = reached
    return np.array(dist, dtype=float)


def _spread(coords, size):
    """The layout stretched over a square of about twice the boxes' total area, so that
    packing moves each box a short way. Each axis is half its own (scaled) coordinate and
    half its rank: that keeps the order along the axis and thins out the crowd around hubs,
    and a long chain cannot make the page a thin strip."""
    import numpy as np

    side = math.sqrt(2.0 * float((size[:, 0] * size[:, 1]).sum()))
    extent = np.maximum(coords.max(axis=0) - coords.min(axis=0), 1e-9)
    scaled = (coords - coords.min(axis=0)) / extent * side
    ranks = coords.argsort(axis=0, kind="stable").argsort(axis=0, kind="stable") / max(1, len(coords) - 1)
    return np.round(_sunflower(0.5 * scaled + 0.5 * ranks * side, size), 2)


def _sunflower(coords, size):
    """Nodes the layout puts on one spot (leaves of one hub have the same distances to
    every pivot) spread out in a sunflower around it, in index order."""
    import numpy as np

    groups: dict[tuple[int, int], list[int]] = {}
    for i, (x, y) in enumerate(np.round(coords / CELL).astype(int).tolist()):
        groups.setdefault((x, y), []).append(i)
    out = coords.copy()
    for members in groups.values():
        if len(members) < 2:
            continue
        a, b = size[members].mean(axis=0) * 0.6
        for k, i in enumerate(members):
            angle = k * 2.399963  # the golden angle
            out[i] += [math.sqrt(k) * a * math.cos(angle), math.sqrt(k) * b * math.sin(angle)]
    return out


def _pack(wanted, size, order: list[int]):
    """Box centres: each node, in `order`, at the free grid spot nearest its wanted centre."""
    import numpy as np

    centres = wanted.copy()
    if not order:
        return centres
    cells = np.ceil(size / CELL).astype(int)  # (w, h) per node, in cells
    grid = _Grid(wanted[order], cells[order])
    for i in order:
        w, h = (int(v) for v in cells[i])
        x0 = int(math.floor(wanted[i][0] / CELL - w / 2))
        y0 = int(math.floor(wanted[i][1] / CELL - h / 2))
        x, y = grid.nearest_free(x0, y0, w, h)
        grid.fill(x, y, w, h)
        centres[i] = [(x + w / 2) * CELL, (y + h / 2) * CELL]
    return centres


class _Grid:
    """Occupied cells of the canvas, growing as needed; (x, y) are cell coordinates."""

    def __init__(self, wanted, cells):
        import numpy as np

        pad = int(math.sqrt(float((cells[:, 0] * cells[:, 1]).sum()))) + int(cells.max()) + 8
        lo = np.floor(wanted.min(axis=0) / CELL).astype(int) - pad
        hi = np.ceil(wanted.max(axis=0) / CELL).astype(int) + pad
        self.x0, self.y0 = int(lo[0]), int(lo[1])
        self.cells = np.zeros((int(hi[1] - lo[1]), int(hi[0] - lo[0])), dtype=bool)
        self.last = 4
        self.distance: dict[int, tuple] = {}

    def _cover(self, left: int, top: int, right: int, bottom: int) -> None:
        import numpy as np

        rows, cols = self.cells.shape
        grow = (
            max(0, self.y0 - top),
            max(0, bottom - (self.y0 + rows)),
            max(0, self.x0 - left),
            max(0, right - (self.x0 + cols)),
        )
        if any(grow):
            self.cells = np.pad(self.cells, ((grow[0], grow[1]), (grow[2], grow[3])))
            self.y0 -= grow[0]
            self.x0 -= grow[2]

    def nearest_free(self, x: int, y: int, w: int, h: int) -> tuple[int, int]:
        """The top-left cell nearest (x, y) where a w × h box overlaps nothing; ties go to
        the first in row order, so the answer is deterministic."""
        import numpy as np

        reach = max(4, self.last // 2)  # the last box's neighbourhood was about as crowded
        self._cover(x, y, x + w, y + h)
        if not self.cells[y - self.y0 : y - self.y0 + h, x - self.x0 : x - self.x0 + w].any():
            self.last = reach  # as the search below would have set it
            return x, y  # the wanted spot is free: nothing is nearer
        while True:
            left, top = x - reach, y - reach
            self._cover(left, top, x + reach + w, y + reach + h)
            window = self.cells[top - self.y0 : y + reach + h - self.y0, left - self.x0 : x + reach + w - self.x0]
            # [dy, dx]: whether the box with its top-left at (x + dx, y + dy) covers a filled cell
            blocked = _any_of_next(_any_of_next(window, h).T, w).T
            free = np.flatnonzero(~blocked)
            if free.size:
                self.last = reach
                if reach not in self.distance:
                    dy, dx = np.mgrid[-reach : reach + 1, -reach : reach + 1]
                    self.distance[reach] = ((dx * dx + dy * dy).ravel(), dx.ravel(), dy.ravel())
                squared, dx, dy = self.distance[reach]
                k = int(free[np.argmin(squared[free])])  # the first of the nearest, in row order
                return x + int(dx[k]), y + int(dy[k])
            reach *= 2

    def fill(self, x: int, y: int, w: int, h: int) -> None:
        self.cells[y - self.y0 : y - self.y0 + h, x - self.x0 : x - self.x0 + w] = True


def _any_of_next(cells, n: int):
    """Row i: whether any of rows i … i + n - 1 of the boolean `cells` is set (n - 1 rows
    fewer), from spans that double: a few whole-array steps, where a box sum over a summed
    area table took two running sums of the window (most of the layout's time)."""
    span = 1
    while span < n:
        step = min(span, n - span)
        cells = cells[:-step] | cells[step:]
        span += step
    return cells


def _grid(centres, size, alone: list[int], left: float, height: float) -> None:
    """Unconnected nodes in columns of equal cells, top to bottom then left to right."""
    cell_w = math.ceil(max(size[i][0] for i in alone)) + 1  # whole pixels: positions are rounded
    cell_h = math.ceil(max(size[i][1] for i in alone)) + 1
    per_column = max(1, int(max(height, cell_h * math.sqrt(len(alone))) // cell_h))
    for k, i in enumerate(alone):
        column, row = divmod(k, per_column)
        centres[i] = [left + (column + 0.5) * cell_w, (row + 0.5) * cell_h]
