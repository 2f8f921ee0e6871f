#!/usr/bin/env python3
"""Regenerate the README's screenshots of the network page (docs/page_*.png).

Builds the bundled samples into a temporary folder, then opens in Debian's headless
Chromium (network cut, as in the tests) at 1366×768: the overview page, a focus page
(`govgraph view --focus 交叉执行 --depth 1`) and the overview's map with 交叉执行 selected.

    python scripts/page_screenshots.py [--out docs]
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(ROOT / "src"), str(ROOT / "tests")]

from govgraph import api  # noqa: E402
from page_helpers import Browser  # noqa: E402

WIDTH, HEIGHT = 1366, 768


def shoot(browser: Browser, page_file: Path, png: Path, script: str | None = None) -> None:
    page = browser.new_page()
    try:
        page.cmd(
            "Emulation.setDeviceMetricsOverride",
            {"width": WIDTH, "height": HEIGHT, "deviceScaleFactor": 1, "mobile": False},
        )
        page.goto(page_file.as_uri(), timeout=60)
        page.wait_for("window.govgraph && govgraph.ready", 60)
        if script:
            page.evaluate(script)
            time.sleep(1.0)  # let a zoom animation finish
        page.screenshot(png)
        print(f"wrote {png} ({png.stat().st_size // 1024} KB)")
    finally:
        page.close()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=ROOT / "docs")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp) / "out"
        api.build(None, out, workers=1, progress=False)
        focus = Path(tmp) / "focus.html"
        api.view(out / "govgraph.ttl", focus, focus="交叉执行", depth=1)
        browser = Browser()
        try:
            shoot(browser, out / "govgraph.html", args.out / "page_overview.png")
            shoot(browser, focus, args.out / "page_focus.png")
            select = "govgraph.setMap(true); govgraph.search('交叉执行'); govgraph.network.fit({animation: false})"
            shoot(browser, out / "govgraph.html", args.out / "page_map.png", select)
        finally:
            browser.close()


if __name__ == "__main__":
    main()
