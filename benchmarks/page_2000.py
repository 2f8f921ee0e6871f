"""How long a 2,000-node network page takes: to render in Python, and in headless Chromium
to become interactive and to highlight a clicked node's neighbours.

    python benchmarks/page_2000.py [--runs 3] [--nodes 2000]

The tests only check behaviour with a generous bound; this prints the figures.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(ROOT / "src"), str(ROOT / "tests")]

from govgraph.viz import render_page  # noqa: E402
from page_helpers import Browser, chromium_available, synthetic_graph  # noqa: E402


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--nodes", type=int, default=2000)
    args = parser.parse_args()

    graph = synthetic_graph(args.nodes, seed=7)
    renders = []
    for _ in range(args.runs):
        start = time.perf_counter()
        html, stats = render_page(graph, max_nodes=args.nodes)
        renders.append(time.perf_counter() - start)
    print(f"{stats['nodes']} nodes, {stats['edges']} edges, {len(html) / 1e6:.1f} MB of HTML")
    print(f"render_page: median {statistics.median(renders) * 1000:.0f} ms")

    if not chromium_available():
        print("no /usr/bin/chromium: browser figures skipped")
        return
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "page.html"
        path.write_text(html, encoding="utf-8")
        browser = Browser()
        try:
            rows = []
            for _ in range(args.runs):
                page = browser.new_page()
                page.goto(path.as_uri(), timeout=120)
                page.wait_for("window.govgraph && govgraph.ready", 120)
                t = page.evaluate("""({parsed: performance.getEntriesByType('navigation')[0]
                    .domContentLoadedEventEnd, laidOut: govgraph.stabilizedMs,
                    ready: govgraph.readyMs})""")
                # a click's highlight: one batched DataSet update of every node and edge
                t["highlight"] = page.evaluate("""(() => {
                    const id = govgraph.nodes.getIds()[0], t0 = performance.now();
                    govgraph.select(id); return performance.now() - t0; })()""")
                rows.append(t)
                page.close()
        finally:
            browser.close()
    for key, what in (
        ("parsed", "scripts run"),
        ("laidOut", "layout done"),
        ("ready", "interactive"),
        ("highlight", "select + highlight"),
    ):
        print(f"{what:>18}: median {statistics.median(r[key] for r in rows):.0f} ms")


if __name__ == "__main__":
    main()
