"""The page's map view (issue 16): regions at their seats on a plain equirectangular map of
China, institutions beside their region, mechanisms sized by how many regions adopt them.
Checked on the data, then in headless Chromium (network cut) after pressing the toggle."""

from __future__ import annotations

import json
from itertools import combinations

import networkx as nx
import pytest

from govgraph.pagemap import EAST, NORTH, SOUTH, WEST, coordinates, project
from govgraph.viz import render_page
from page_helpers import NS, Browser, chromium_available
from test_page import assert_clean, island, open_page

# (GB/T 2260 code, name): the far corners of the country and a few in between
PROVINCES = [
    ("650000", "新疆维吾尔自治区"),
    ("310000", "上海市"),
    ("230000", "黑龙江省"),
    ("460000", "海南省"),
    ("420000", "湖北省"),
    ("540000", "西藏自治区"),
]


def region_id(code: str) -> str:
    return f"{NS}region/{code}"


def country_graph() -> nx.MultiDiGraph:
    """Provinces named by code (their coordinates come from the gazetteer), a court in each,
    one mechanism adopted in three provinces and one in one, and a town with no code."""
    g = nx.MultiDiGraph()
    for code, name in PROVINCES:
        g.add_node(region_id(code), label=name, cls="region", kind="province", regions=[name])
        court = f"{NS}institution/court-{code}"
        g.add_node(court, label=f"{name}高级人民法院", cls="institution", kind="court", regions=[name])
        g.add_edge(court, region_id(code), relation="located in", label="位于")
    town = f"{NS}region/local-town"
    g.add_node(town, label="某镇", cls="region", kind="township", regions=["某镇", "湖北省"])
    g.add_edge(town, region_id("420000"), relation="contained in", label="属于")
    wide, narrow = f"{NS}mechanism/wide", f"{NS}mechanism/narrow"
    g.add_node(wide, label="交叉执行", cls="mechanism", kind="curated", regions=[])
    g.add_node(narrow, label="诉源治理", cls="mechanism", kind="curated", regions=[])
    for code in ("650000", "310000", "460000"):
        g.add_edge(f"{NS}institution/court-{code}", wide, relation="adopts", label="采用")
    g.add_edge(f"{NS}institution/court-230000", narrow, relation="adopts", label="采用")
    outcome = f"{NS}outcome/o1"
    g.add_node(outcome, label="结案100件", cls="outcome", kind="case", regions=["湖北省"])
    g.add_edge(outcome, f"{NS}institution/court-420000", relation="contained in", label="属于")
    return g


def check_map_positions(points: dict[str, list[float]], geo: dict[str, list[float]], frame: dict) -> None:
    """Every region with coordinates inside the frame, east of and north of the right ones."""
    assert set(geo) <= set(points)
    for rid, (x, y) in ((r, points[r]) for r in geo):
        assert frame["left"] <= x <= frame["right"] and frame["top"] <= y <= frame["bottom"], rid
    for a, b in combinations(sorted(geo), 2):
        (lat_a, lon_a), (lat_b, lon_b) = geo[a], geo[b]
        if abs(lon_a - lon_b) > 0.05:
            assert (points[a][0] < points[b][0]) == (lon_a < lon_b), (a, b)
        if abs(lat_a - lat_b) > 0.05:
            assert (points[a][1] < points[b][1]) == (lat_a > lat_b), (a, b)  # north is up


# --- on the data ------------------------------------------------------------------------


def test_projection_is_equirectangular_inside_the_frame():
    assert project(NORTH, WEST) == (0, 0)
    x, y = project(SOUTH, EAST)
    assert x > 0 and y > 0
    assert project(30, 100)[0] - project(30, 90)[0] == project(40, 100)[0] - project(40, 90)[0]


def test_coordinates_come_from_the_code_or_the_node():
    lat, lon = coordinates(region_id("650000"), {})
    assert 35 < lat < 50 and 75 < lon < 95  # 新疆's seat, Ürümqi
    assert coordinates(f"{NS}region/local-x", {}) is None
    assert coordinates(f"{NS}region/local-x", {"lat": 30.5, "lon": 114.3}) == (30.5, 114.3)


def test_map_places_regions_institutions_and_mechanisms():
    data = island(render_page(country_graph())[0])
    nodes = {n["id"]: n for n in data["nodes"]}
    geo = {i: n["geo"] for i, n in nodes.items() if "geo" in n}
    assert set(geo) == {region_id(code) for code, _ in PROVINCES}
    check_map_positions({i: n["map"][:2] for i, n in nodes.items() if n["map"]}, geo, data["map"])
    xj, sh, hlj, hn = (nodes[region_id(c)]["map"] for c in ("650000", "310000", "230000", "460000"))
    assert xj[0] < sh[0] and hlj[1] < hn[1]
    # a court sits beside its province; the town without a code beside its province too
    court, hubei = nodes[f"{NS}institution/court-420000"]["map"], nodes[region_id("420000")]["map"]
    assert 0 < abs(court[0] - hubei[0]) + abs(court[1] - hubei[1]) < 60
    town = nodes[f"{NS}region/local-town"]["map"]
    assert abs(town[0] - hubei[0]) + abs(town[1] - hubei[1]) < 60
    assert nodes[f"{NS}outcome/o1"]["map"] is None  # outcomes are not on the map
    # mechanisms: sized by regions adopting them, listing those regions, right of the map
    wide, narrow = nodes[f"{NS}mechanism/wide"], nodes[f"{NS}mechanism/narrow"]
    assert wide["spread"] == sorted(region_id(c) for c in ("650000", "310000", "460000"))
    assert narrow["spread"] == [region_id("230000")]
    assert wide["map"][2] > narrow["map"][2]
    assert min(wide["map"][0], narrow["map"][0]) > data["map"]["right"]


def test_region_page_can_open_on_the_map():
    html, _ = render_page(country_graph(), region="湖北省", map_view=True)
    assert island(html)["startMap"] is True
    assert island(render_page(country_graph())[0])["startMap"] is False


# --- in the browser -----------------------------------------------------------------------

needs_chromium = pytest.mark.skipif(not chromium_available(), reason="/usr/bin/chromium is missing")

VISIBLE_POINTS = """Object.fromEntries(Object.entries(govgraph.network.getPositions(
    govgraph.nodes.get({filter: n => !n.hidden}).map(n => n.id))).map(([id, p]) => [id, [p.x, p.y]]))"""


@pytest.fixture(scope="module")
def browser():
    b = Browser()
    yield b
    b.close()


def toggle_and_check(page, html: str) -> dict:
    data = island(html)
    geo = {n["id"]: n["geo"] for n in data["nodes"] if "geo" in n}
    before = page.evaluate(VISIBLE_POINTS)
    page.evaluate("document.getElementById('gg-map-toggle').click()")
    assert page.evaluate("govgraph.mapMode") is True
    points = page.evaluate(VISIBLE_POINTS)
    check_map_positions(points, geo, data["map"])
    # outcomes leave the map; the toggle brings the network back as it was
    assert not any(n["cls"] == "outcome" and n["id"] in points for n in data["nodes"])
    page.evaluate("document.getElementById('gg-map-toggle').click()")
    assert page.evaluate(VISIBLE_POINTS) == before
    page.evaluate("document.getElementById('gg-map-toggle').click()")
    return points


@needs_chromium
def test_browser_map_toggle_places_regions(browser, tmp_path):
    html, _ = render_page(country_graph())
    page = open_page(browser, tmp_path, html, "country", timeout=60)
    try:
        points = toggle_and_check(page, html)
        xj, sh, hlj, hn = (points[region_id(c)] for c in ("650000", "310000", "230000", "460000"))
        assert xj[0] < sh[0]  # 新疆 west of 上海
        assert hlj[1] < hn[1]  # 黑龙江 north of 海南
        # clicking a mechanism lights the regions it has spread to
        page.evaluate(f"govgraph.select({json.dumps(NS + 'mechanism/wide')})")
        colours = page.evaluate("Object.fromEntries(govgraph.nodes.get().map(n => [n.id, n.color.background]))")
        dim = colours[region_id("540000")]  # 西藏: no court there adopts it
        assert all(colours[region_id(c)] != dim for c in ("650000", "310000", "460000"))
        assert_clean(page)
    finally:
        page.close()


@needs_chromium
def test_browser_map_of_the_sample_build(browser, tmp_path, built):
    html = (built / "govgraph.html").read_text(encoding="utf-8")
    page = open_page(browser, tmp_path, html, "sample-map", timeout=60)
    try:
        toggle_and_check(page, html)
        assert_clean(page)
    finally:
        page.close()


@needs_chromium
def test_browser_region_page_opens_on_the_map(browser, tmp_path):
    html, _ = render_page(country_graph(), region="湖北省", map_view=True)
    page = open_page(browser, tmp_path, html, "hubei-map", timeout=60)
    try:
        assert page.evaluate("govgraph.mapMode") is True
        assert page.evaluate("document.getElementById('gg-map-toggle').getAttribute('aria-pressed')") == "true"
        points = page.evaluate(VISIBLE_POINTS)
        assert region_id("420000") in points
        assert_clean(page)
    finally:
        page.close()
