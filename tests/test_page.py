"""The interactive network page (govgraph.viz.render_page): unit tests on the HTML, then
real-browser tests in Debian's headless Chromium with the network cut."""

from __future__ import annotations

import json
import re
import time
from html.parser import HTMLParser
from pathlib import Path

import networkx as nx
import pytest

from govgraph.errors import GovgraphError
from govgraph.viz import render_page
from page_helpers import (
    NS,
    SCRIPT_BREAKOUT,
    XSS,
    Browser,
    chromium_available,
    hostile_graph,
    small_graph,
    synthetic_graph,
)

ARTIFACTS = Path(__file__).parent / "artifacts"
COURT = NS + "institution/xhcourt"
EVIL = NS + "institution/evil"
COURT_SENTENCE = "西湖法院推行诉源治理，全年化解纠纷1200件。"


@pytest.fixture(scope="module")
def big_graph():
    return synthetic_graph(2000, seed=7)


def island(html: str) -> dict:
    """The page's JSON data island, as the page script reads it."""
    m = re.search(r'<script type="application/json" id="govgraph-data">(.*?)</script>', html, re.S)
    assert m, "no data island"
    return json.loads(m.group(1))


def shown_ids(html: str) -> set[str]:
    return {n["id"] for n in island(html)["nodes"]}


class Resources(HTMLParser):
    """Every tag, and every URL-bearing attribute, as an HTML parser sees them."""

    def __init__(self):
        super().__init__()
        self.tags: list[tuple[str, dict]] = []

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, dict(attrs)))


def remote_references(html: str) -> list[str]:
    parser = Resources()
    parser.feed(html)
    refs = []
    for tag, attrs in parser.tags:
        for name in ("src", "href", "srcset", "data", "action", "poster"):
            value = (attrs.get(name) or "").strip().lower()
            if value.startswith(("http://", "https://", "//")):
                refs.append(f"<{tag} {name}={value}>")
        if tag == "link":
            refs.append(f"<link {attrs}>")  # nothing to link: all styles are inline
    for style in re.findall(r"<style>(.*?)</style>", html, re.S):
        refs += re.findall(r"(?:@import|url\(\s*['\"]?(?:https?:)?//)[^;)]*", style)
    return refs


# --- unit tests ---------------------------------------------------------------------------


def test_small_page_stats_and_content():
    html, stats = render_page(small_graph(), title="浙江治理")
    assert stats == {"nodes": 12, "edges": 15, "total_nodes": 12, "omitted_nodes": 0}
    assert "<title>浙江治理</title>" in html
    assert "显示 12 个节点、15 条关系" in html
    assert "省略" not in html
    data = island(html)
    court = next(n for n in data["nodes"] if n["id"] == COURT)
    assert court["name"] == "杭州市西湖区人民法院"
    assert court["aliases"] == ["西湖法院"]
    assert court["evidence"] == [
        {"headline": "西湖法院深化诉源治理", "document": "001.txt", "sentence": COURT_SENTENCE}
    ]
    # colour and shape by class, size by degree, edge labels in Chinese
    shapes = {n["cls"]: n["shape"] for n in data["nodes"]}
    assert shapes == {"institution": "dot", "region": "square", "mechanism": "diamond", "outcome": "triangle"}
    assert court["size"] > min(n["size"] for n in data["nodes"])
    assert {e["label"] for e in data["edges"]} == {"隶属", "位于", "采用", "上位", "成果", "属于", "涉及机制"}
    assert "WenQuanYi Micro Hei" in data["options"]["nodes"]["font"]["face"]
    # the legend names every class, and the filters offer regions and mechanisms
    for text in ("机构", "地区", "机制", "成果", "法院", "省级", "新发现机制", "案件数"):
        assert text in html
    assert '<option value="杭州市">杭州市</option>' in html
    assert f'<option value="{NS}mechanism/fengqiao">枫桥经验</option>' in html


def test_page_references_nothing_remote(big_graph):
    for graph in (small_graph(), hostile_graph(), big_graph):
        html, _ = render_page(graph, max_nodes=2000)
        assert remote_references(html) == []
        assert not re.search(r"<script[^>]*\ssrc=", html, re.I)
        # pyvis's own template would link these from a CDN
        assert "bootstrap" not in html.lower() and "tom-select" not in html.lower()
        # The policy forbids any fetch, and runs only the page's own two scripts.
        assert "default-src 'none'; script-src 'sha256-" in html


def test_same_graph_gives_byte_identical_html(big_graph):
    for graph in (small_graph(), big_graph):
        a, _ = render_page(graph, max_nodes=300)
        b, _ = render_page(graph, max_nodes=300)
        assert a == b
        # ... whatever order the graph was built in (parallel edges included)
        shuffled = nx.MultiDiGraph()
        shuffled.add_nodes_from(reversed(list(graph.nodes(data=True))))
        shuffled.add_edges_from(reversed(list(graph.edges(data=True))))
        c, _ = render_page(shuffled, max_nodes=300)
        assert a == c


def test_truncation_keeps_best_connected_and_says_so(big_graph):
    html, stats = render_page(big_graph, max_nodes=500)
    assert stats["nodes"] == 500
    assert stats["total_nodes"] == 2000
    assert stats["omitted_nodes"] == 1500
    assert "显示 500 / 2000 个节点；省略 1500 个连接最少的节点" in html
    expected = sorted(big_graph, key=lambda n: (-big_graph.degree(n), n))[:500]
    assert shown_ids(html) == set(expected)
    kept = set(expected)
    assert stats["edges"] == sum(1 for u, v in big_graph.edges() if u in kept and v in kept)


def test_focus_by_label_alias_or_id():
    g = small_graph()
    by_alias, stats = render_page(g, focus="西湖法院", depth=1)
    by_label, _ = render_page(g, focus="杭州市西湖区人民法院", depth=1)
    by_id, _ = render_page(g, focus=COURT, depth=1)
    near = {COURT} | set(g.successors(COURT)) | set(g.predecessors(COURT))
    assert shown_ids(by_alias) == shown_ids(by_label) == shown_ids(by_id) == near
    assert stats["nodes"] == len(near) and stats["total_nodes"] == 12
    assert "以「西湖法院」为中心 1 跳以内" in by_alias
    # depth counts hops either way along edges
    two = shown_ids(render_page(g, focus="西湖法院", depth=2)[0])
    assert NS + "institution/hzproc" in two  # court -adopts-> 枫桥经验 <-adopts- procuratorate
    assert shown_ids(render_page(g, focus="西湖法院", depth=0)[0]) == {COURT}


def test_focus_keeps_the_focus_node_when_truncating():
    html, stats = render_page(small_graph(), focus="挽回损失300万元", depth=3, max_nodes=2)
    assert NS + "outcome/money" in shown_ids(html)
    assert stats["nodes"] == 2 and stats["omitted_nodes"] > 0
    assert "个范围内节点；省略" in html


def test_unknown_focus_is_a_user_error():
    with pytest.raises(GovgraphError) as err:
        render_page(small_graph(), focus="不存在的法院")
    assert str(err.value) == "no node named '不存在的法院'"


def test_region_keeps_nodes_in_it_and_their_neighbours():
    g = small_graph()
    html, stats = render_page(g, region="宁波市")
    inside = {n for n, d in g.nodes(data=True) if "宁波市" in d["regions"]} | {NS + "region/nb"}
    expected = inside | {m for n in inside for m in nx.all_neighbors(g, n)}
    assert shown_ids(html) == expected
    assert NS + "region/zj" in expected  # 宁波市 is part of 浙江省
    assert NS + "institution/xhcourt" not in expected
    assert stats["nodes"] == len(expected)
    with pytest.raises(GovgraphError):
        render_page(g, region="火星")


def test_bad_limits_are_user_errors():
    with pytest.raises(GovgraphError):
        render_page(small_graph(), max_nodes=0)
    with pytest.raises(GovgraphError):
        render_page(small_graph(), focus="西湖法院", depth=-1)


def test_empty_graph():
    html, stats = render_page(nx.MultiDiGraph())
    assert stats == {"nodes": 0, "edges": 0, "total_nodes": 0, "omitted_nodes": 0}
    assert island(html)["nodes"] == []


def test_article_text_cannot_become_markup():
    html, _ = render_page(hostile_graph(), title=f"标题{XSS}")
    # Every '<' of article text is escaped, in the JSON island and in the HTML alike.
    assert "<img" not in html.lower()
    assert "<a href" not in html.lower()
    assert SCRIPT_BREAKOUT not in html
    assert "\u2028" not in html and "\u2029" not in html
    assert "标题&lt;img src=x" in html
    # ... and the data still says exactly what the article said
    evil = next(n for n in island(html)["nodes"] if n["id"] == EVIL)
    assert evil["name"] == f"{XSS} href 法院"
    assert SCRIPT_BREAKOUT in evil["evidence"][0]["sentence"]
    assert "\u2028" in evil["evidence"][1]["sentence"]
    # pyvis would switch to HTML tooltips on seeing "href" in a title; we set none.
    assert all("title" not in n for n in island(html)["nodes"])


# --- browser tests --------------------------------------------------------------------------

needs_chromium = pytest.mark.skipif(
    not chromium_available(), reason="/usr/bin/chromium is missing (apt-get install chromium)"
)


@pytest.fixture(scope="module")
def browser():
    b = Browser()
    yield b
    b.close()


def open_page(browser, tmp_path, html: str, name: str, timeout: float = 30, size: tuple[int, int] | None = None):
    """Write `html` and open it in the browser (in a window of `size` pixels when given)."""
    path = tmp_path / f"{name}.html"
    path.write_text(html, encoding="utf-8")
    page = browser.new_page()
    if size is not None:
        page.cmd(
            "Emulation.setDeviceMetricsOverride",
            {"width": size[0], "height": size[1], "deviceScaleFactor": 1, "mobile": False},
        )
    page.goto(path.as_uri())
    page.wait_for("window.govgraph && window.govgraph.ready", timeout)
    return page


def node_point(page, node_id: str) -> tuple[float, float]:
    """Where a node is drawn, in page coordinates."""
    return tuple(
        page.evaluate(f"""(() => {{
        const net = govgraph.network, id = {json.dumps(node_id)};
        const p = net.canvasToDOM(net.getPositions([id])[id]);
        const box = document.getElementById("gg-network").getBoundingClientRect();
        return [box.left + p.x, box.top + p.y];
    }})()""")
    )


def assert_clean(page):
    assert page.console_errors() == []
    # Only the page itself was loaded: no script, style, font or image from anywhere.
    assert [u for u in page.requested_urls() if not u.startswith(("file:", "data:"))] == []


@needs_chromium
def test_browser_draws_the_small_page(browser, tmp_path):
    html, stats = render_page(small_graph(), title="浙江治理")
    page = open_page(browser, tmp_path, html, "small")
    try:
        assert page.evaluate("govgraph.nodes.length") == stats["nodes"] == 12
        assert page.evaluate("govgraph.edges.length") == stats["edges"] == 15
        # WenQuanYi (fonts-wqy-microhei) is installed, so the screenshot shows Chinese:
        # text set in it measures differently from the monospace fallback.
        assert page.evaluate("""(() => {
            const ctx = document.createElement('canvas').getContext('2d');
            ctx.font = '20px "WenQuanYi Micro Hei", monospace';
            const wqy = ctx.measureText('iiiiWWWW法院').width;
            ctx.font = '20px monospace';
            return wqy !== ctx.measureText('iiiiWWWW法院').width; })()""")
        page.screenshot(ARTIFACTS / "page_small.png")
        assert_clean(page)
    finally:
        page.close()


@needs_chromium
def test_browser_empty_graph(browser, tmp_path):
    html, _ = render_page(nx.MultiDiGraph())
    page = open_page(browser, tmp_path, html, "empty")
    try:
        assert page.evaluate("govgraph.nodes.length") == 0
        assert page.evaluate("govgraph.search('法院')") is None
        assert_clean(page)
    finally:
        page.close()


@needs_chromium
def test_browser_search_finds_and_selects_a_node(browser, tmp_path):
    html, _ = render_page(small_graph())
    page = open_page(browser, tmp_path, html, "search")
    try:
        page.evaluate("document.getElementById('gg-search-input').focus()")
        page.type_text("西湖法院")  # an alias
        page.press_enter()
        page.wait_for("govgraph.network.getSelectedNodes().length === 1")
        assert page.evaluate("govgraph.network.getSelectedNodes()") == [COURT]
        assert page.evaluate("document.getElementById('gg-search-msg').textContent") == "找到 1 个节点"
        assert "杭州市西湖区人民法院" in page.evaluate("document.getElementById('gg-details').textContent")
        # a part of a name finds every node that has it
        assert page.evaluate("govgraph.search('杭州')") is not None
        assert page.evaluate("document.querySelectorAll('#gg-search-results li').length") == 3
        assert page.evaluate("govgraph.search('没有这个')") is None
        assert page.evaluate("document.getElementById('gg-search-msg').textContent") == "未找到「没有这个」"
        assert_clean(page)
    finally:
        page.close()


@needs_chromium
def test_browser_hover_shows_evidence(browser, tmp_path):
    html, _ = render_page(small_graph())
    page = open_page(browser, tmp_path, html, "hover")
    try:
        x, y = node_point(page, COURT)
        page.mouse_move(x - 40, y - 40)
        page.mouse_move(x, y)
        tip = page.wait_for(
            """(() => { const t = document.querySelector('div.vis-tooltip');
            return t && t.style.visibility === 'visible' && t.textContent; })()""",
            10,
        )
        assert "杭州市西湖区人民法院" in tip
        assert "别名：西湖法院" in tip
        assert COURT_SENTENCE in tip and "001.txt" in tip and "西湖法院深化诉源治理" in tip
        page.screenshot(ARTIFACTS / "page_hover.png")
        assert_clean(page)
    finally:
        page.close()


@needs_chromium
def test_browser_click_highlights_neighbours(browser, tmp_path):
    g = small_graph()
    html, _ = render_page(g)
    page = open_page(browser, tmp_path, html, "click")
    try:
        page.click(*node_point(page, COURT))
        page.wait_for("govgraph.network.getSelectedNodes().length === 1")
        colours = page.evaluate("Object.fromEntries(govgraph.nodes.get().map(n => [n.id, n.color.background]))")
        dim = colours[NS + "outcome/money"]  # far from the court
        near = set(nx.all_neighbors(g, COURT)) | {COURT}
        assert all(colours[n] != dim for n in near)
        assert all(colours[n] == dim for n in set(g) - near)
        # clicking empty space restores every colour
        page.click(20 + 300, 20)
        page.wait_for("govgraph.network.getSelectedNodes().length === 0")
        after = page.evaluate("Object.fromEntries(govgraph.nodes.get().map(n => [n.id, n.color.background]))")
        assert dim not in after.values()
        assert_clean(page)
    finally:
        page.close()


@needs_chromium
def test_browser_filters_by_class_region_and_mechanism(browser, tmp_path):
    g = small_graph()
    html, _ = render_page(g)
    page = open_page(browser, tmp_path, html, "filters")
    visible = "govgraph.nodes.get({filter: n => !n.hidden}).map(n => n.id).sort()"
    try:
        page.evaluate("document.querySelector('.gg-class-filter[value=institution]').click()")
        assert set(page.evaluate(visible)) == {n for n, d in g.nodes(data=True) if d["cls"] != "institution"}
        page.evaluate("document.getElementById('gg-reset').click()")
        assert len(page.evaluate(visible)) == 12

        # the region filter follows the same rule as render_page(region=...)
        page.evaluate("""(() => { const s = document.getElementById('gg-region');
            s.value = '宁波市'; s.dispatchEvent(new Event('change')); })()""")
        assert set(page.evaluate(visible)) == shown_ids(render_page(g, region="宁波市")[0])
        page.evaluate("document.getElementById('gg-reset').click()")

        page.evaluate(f"""(() => {{ const s = document.getElementById('gg-mechanism');
            s.value = {json.dumps(NS + "mechanism/fengqiao")}; s.dispatchEvent(new Event('change')); }})()""")
        fengqiao = NS + "mechanism/fengqiao"
        assert set(page.evaluate(visible)) == {fengqiao, *nx.all_neighbors(g, fengqiao)}
        # edges to hidden nodes are hidden too
        assert page.evaluate("govgraph.edges.get({filter: e => !e.hidden}).length") == 4
        assert "筛选后显示 4 / 12 个节点" in page.evaluate("document.getElementById('gg-visible').textContent")
        assert_clean(page)
    finally:
        page.close()


@needs_chromium
def test_browser_runs_no_article_text(browser, tmp_path):
    html, stats = render_page(hostile_graph(), title=f"标题{XSS}")
    page = open_page(browser, tmp_path, html, "hostile")
    try:
        assert page.evaluate("govgraph.nodes.length") == stats["nodes"]
        # hover it, search for it, click it: every path that shows its text
        x, y = node_point(page, EVIL)
        page.mouse_move(x - 40, y - 40)
        page.mouse_move(x, y)
        tip = page.wait_for(
            """(() => { const t = document.querySelector('div.vis-tooltip');
            return t && t.style.visibility === 'visible' && t.textContent; })()""",
            10,
        )
        assert XSS in tip and SCRIPT_BREAKOUT in tip  # shown as text
        page.evaluate("govgraph.search('href')")
        assert page.evaluate("govgraph.network.getSelectedNodes()") == [EVIL]
        time.sleep(0.6)  # let the zoom to the found node finish
        page.click(*node_point(page, EVIL))
        assert XSS in page.evaluate("document.getElementById('gg-details').textContent")
        assert page.evaluate("document.title") == f"标题{XSS}"
        page.screenshot(ARTIFACTS / "page_hostile.png")

        assert page.evaluate("typeof window.__pwned") == "undefined"
        assert page.evaluate("document.querySelectorAll('img').length") == 0
        assert page.evaluate("document.querySelectorAll('a').length") == 0
        assert page.evaluate("document.scripts.length") == 3  # the island and our two
        assert_clean(page)
    finally:
        page.close()


@needs_chromium
def test_browser_2000_nodes_become_interactive(browser, tmp_path, big_graph):
    html, stats = render_page(big_graph, max_nodes=2000)
    assert stats["nodes"] == 2000
    page = open_page(browser, tmp_path, html, "big", timeout=60)
    try:
        timing = page.evaluate("""({ready: govgraph.readyMs, laidOut: govgraph.stabilizedMs,
            parsed: performance.getEntriesByType('navigation')[0].domContentLoadedEventEnd})""")
        print(
            f"\n2,000-node page: scripts done {timing['parsed']:.0f} ms, layout done "
            f"{timing['laidOut']:.0f} ms, interactive {timing['ready']:.0f} ms after navigation"
        )
        assert page.evaluate("govgraph.nodes.length") == 2000
        assert page.evaluate("govgraph.edges.length") == stats["edges"]
        # Behaviour, not a benchmark: the target is 5 s; fail only if clearly broken.
        assert timing["ready"] < 20_000
        # physics is off once laid out, and the page answers a search
        assert page.evaluate("govgraph.network.physics.options.enabled") is False
        target = NS + "institution/i0042"
        assert page.evaluate("govgraph.search('机构0042')") == target
        page.screenshot(ARTIFACTS / "page_2000.png")
        assert_clean(page)
    finally:
        page.close()
