"""The page's map view: where each node goes when the reader switches to the map.

Regions sit at the coordinates of their seat (GB/T 2260 code → `data/regions.tsv`, WGS84,
from the cpca packages; see data/SOURCES.md) on a plain equirectangular projection of
China: no tiles, no network. Institutions sit in a small ring beside their region (the
region they are located in, else the deepest region of theirs that has coordinates), and
regions without coordinates (towns, villages) beside their nearest ancestor that has some.
Mechanisms stand in columns to the right of the map, sized by how many regions adopt them
(the regions of their adopting institutions) and listing those regions, so the page can
light up where a mechanism has spread. Outcomes are left off the map.
"""

from __future__ import annotations

import math
import re

from .lexicon import gazetteer

# The frame: longitude west → east, latitude north → south (the mainland, Hainan and Taiwan).
WEST, EAST, NORTH, SOUTH = 73.0, 136.0, 54.0, 17.0
PX_PER_DEGREE = 120  # canvas pixels per degree, both ways (equirectangular)
GRATICULE = 5  # degrees between the frame's grid lines
RING = 14  # canvas pixels between a region and the first institution beside it
_LEVELS = ("province", "prefecture", "county", "township", "village")
_CODE = re.compile(r"/region/(\d{6})$")


def project(lat: float, lon: float) -> tuple[int, int]:
    return round((lon - WEST) * PX_PER_DEGREE), round((NORTH - lat) * PX_PER_DEGREE)


def frame() -> dict:
    """The map frame and its grid lines, in canvas pixels, for page.js to draw."""
    right, bottom = project(SOUTH, EAST)
    lons = range(math.ceil(WEST / GRATICULE) * GRATICULE, int(EAST) + 1, GRATICULE)
    lats = range(math.ceil(SOUTH / GRATICULE) * GRATICULE, int(NORTH) + 1, GRATICULE)
    return {
        "left": 0,
        "top": 0,
        "right": right,
        "bottom": bottom,
        "meridians": [[project(NORTH, lon)[0], f"{lon}°E"] for lon in lons],
        "parallels": [[project(lat, WEST)[1], f"{lat}°N"] for lat in lats],
    }


def coordinates(node_id: str, attrs: dict) -> tuple[float, float] | None:
    """(lat, lon) of a region node: its own `lat`/`lon` attributes, else its code's seat."""
    if attrs.get("lat") is not None and attrs.get("lon") is not None:
        return float(attrs["lat"]), float(attrs["lon"])
    m = _CODE.search(str(node_id))
    division = gazetteer().by_code.get(m.group(1)) if m else None
    if division is None or division.lat is None or division.lon is None:
        return None
    return division.lat, division.lon


def add_map(nodes: list[dict], edges: list[dict], coords: dict[str, tuple[float, float]]) -> None:
    """Set each node's `map` ([x, y, size] on the map, or None: not on the map); region
    nodes with coordinates get `geo` ([lat, lon]) and mechanisms `spread` (region ids)."""
    anchors = _anchors(nodes, edges, coords)
    beside: dict[str, int] = {}
    for n in nodes:
        n["map"] = None
        where = anchors.get(n["id"])
        if n["cls"] == "region" and n["id"] in coords:
            n["geo"] = list(coords[n["id"]])
            n["map"] = [*project(*coords[n["id"]]), n["size"]]
        elif n["cls"] in ("region", "institution") and where is not None:
            k = beside.get(where, 0)
            beside[where] = k + 1
            x, y = project(*coords[where])
            angle, radius = k * 2.399963, RING + 7 * math.sqrt(k)  # a sunflower round the seat
            n["map"] = [round(x + radius * math.cos(angle)), round(y + radius * math.sin(angle)), 8]
    _mechanism_columns(nodes, edges, anchors)


def _anchors(nodes: list[dict], edges: list[dict], coords: dict) -> dict[str, str]:
    """Node id → the region with coordinates it is drawn beside (regions: themselves)."""
    level = {n["id"]: _LEVELS.index(n["kind"]) if n["kind"] in _LEVELS else len(_LEVELS) for n in nodes}
    by_label: dict[str, list[str]] = {}
    for n in sorted(nodes, key=lambda n: n["id"]):
        if n["cls"] == "region" and n["id"] in coords:
            by_label.setdefault(n["name"], []).append(n["id"])
    located: dict[str, str] = {}
    for e in sorted(edges, key=lambda e: e["id"]):
        if e["relation"] == "located in" and e["to"] in coords:
            located.setdefault(e["from"], e["to"])
    anchors: dict[str, str] = {}
    for n in nodes:
        if n["id"] in coords:
            anchors[n["id"]] = n["id"]
        elif n["id"] in located:
            anchors[n["id"]] = located[n["id"]]
        else:  # the deepest region of its chain that has coordinates
            chain = [r for label in n["regions"] for r in by_label.get(label, [])[:1]]
            if chain:
                anchors[n["id"]] = max(chain, key=lambda r: (level[r], r))
    return anchors


def _mechanism_columns(nodes: list[dict], edges: list[dict], anchors: dict[str, str]) -> None:
    adopters: dict[str, set[str]] = {}
    for e in edges:
        if e["relation"] == "adopts" and e["from"] in anchors:
            adopters.setdefault(e["to"], set()).add(anchors[e["from"]])
    mechanisms = [n for n in nodes if n["cls"] == "mechanism"]
    mechanisms.sort(key=lambda n: (-len(adopters.get(n["id"], ())), n["name"], n["id"]))
    placed = [n["map"] for n in nodes if n["map"] is not None]
    frame_right, frame_bottom = project(SOUTH, EAST)
    x0, x1 = min((p[0] for p in placed), default=0), max((p[0] for p in placed), default=frame_right)
    y0, y1 = min((p[1] for p in placed), default=0), max((p[1] for p in placed), default=frame_bottom)
    # beside the map of the whole country; beside the nodes when they cover one region
    left = frame_right + 400 if x1 - x0 > frame_right / 3 else x1 + 120
    if x1 - x0 > frame_right / 3:
        y0, y1 = 0, frame_bottom
    elif y1 - y0 < 44 * min(len(mechanisms), 15):  # a flat region: columns of about 15
        middle, half = (y0 + y1) // 2, 22 * min(len(mechanisms), 15)
        y0, y1 = middle - half, middle + half
    row, column_width = max(44, min(70, (y1 - y0) // max(1, len(mechanisms)))), 260
    per_column = max(1, (y1 - y0) // row)
    for k, n in enumerate(mechanisms):
        regions = sorted(adopters.get(n["id"], ()))
        n["spread"] = regions
        column, r = divmod(k, per_column)
        size = round(8 + 5 * math.sqrt(len(regions)), 1)
        n["map"] = [left + column * column_width, round(y0 + (r + 0.5) * row), size]
