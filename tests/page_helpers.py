"""Fixtures for the network page tests: hand-made and synthetic graphs, and a small
Chrome DevTools Protocol driver for Debian's headless Chromium (no browser download,
no chromedriver: one websocket to the browser)."""

from __future__ import annotations

import base64
import json
import os
import random
import shutil
import subprocess
import tempfile
import time
from pathlib import Path

import networkx as nx

from govgraph.model import KIND_CLASS

CHROMIUM = "/usr/bin/chromium"
XSS = '<img src=x onerror="window.__pwned=1">'
SCRIPT_BREAKOUT = "</script><script>window.__pwned=2</script>"

NS = "https://example.org/govgraph/"  # node ids are IRIs


def _iri(kind: str, name: str) -> str:
    return f"{NS}{kind}/{name}"


HEADLINES = {"001.txt": "西湖法院深化诉源治理"}  # 002.txt has none: the page shows the file alone


def small_graph() -> nx.MultiDiGraph:
    """A hand-built graph with Chinese labels covering every class and relation."""
    g = nx.MultiDiGraph()

    def node(key, label, cls, kind, regions=(), aliases=(), evidence=()):
        g.add_node(
            _iri(cls, key),
            label=label,
            cls=cls,
            kind=kind,
            aliases=list(aliases),
            regions=list(regions),
            evidence=[{"headline": HEADLINES.get(d, ""), "document": d, "sentence": s} for d, s in evidence],
        )
        return _iri(cls, key)

    zj = node("zj", "浙江省", "region", "province")
    hz = node("hz", "杭州市", "region", "prefecture", ["浙江省"])
    xh = node("xh", "西湖区", "region", "county", ["浙江省", "杭州市"])
    nb = node("nb", "宁波市", "region", "prefecture", ["浙江省"])
    court = node(
        "xhcourt",
        "杭州市西湖区人民法院",
        "institution",
        "court",
        ["浙江省", "杭州市", "西湖区"],
        aliases=["西湖法院"],
        evidence=[("001.txt", "西湖法院推行诉源治理，全年化解纠纷1200件。")],
    )
    proc = node(
        "hzproc",
        "杭州市人民检察院",
        "institution",
        "procuratorate",
        ["浙江省", "杭州市"],
        aliases=["杭州检察"],
        evidence=[("002.txt", "杭州市人民检察院开展公益诉讼检察工作。")],
    )
    police = node("nbpolice", "宁波市公安局", "institution", "public_security", ["浙江省", "宁波市"])
    party = node("zjparty", "浙江省委政法委", "institution", "party", ["浙江省"])
    fengqiao = node(
        "fengqiao",
        "枫桥经验",
        "mechanism",
        "curated",
        aliases=["新时代枫桥经验"],
        evidence=[("001.txt", "坚持和发展新时代枫桥经验。")],
    )
    suyuan = node("suyuan", "诉源治理", "mechanism", "discovered", ["浙江省", "杭州市", "西湖区"])
    cases = node(
        "cases",
        "化解纠纷1200件",
        "outcome",
        "case",
        ["浙江省", "杭州市", "西湖区"],
        evidence=[("001.txt", "西湖法院推行诉源治理，全年化解纠纷1200件。")],
    )
    money = node("money", "挽回损失300万元", "outcome", "CNY", ["浙江省", "宁波市"])

    def edge(u, v, relation, label):
        g.add_edge(u, v, relation=relation, label=label)

    edge(hz, zj, "part of", "隶属")
    edge(xh, hz, "part of", "隶属")
    edge(nb, zj, "part of", "隶属")
    edge(court, xh, "located in", "位于")
    edge(proc, hz, "located in", "位于")
    edge(police, nb, "located in", "位于")
    edge(party, zj, "located in", "位于")
    edge(court, suyuan, "adopts", "采用")
    edge(court, fengqiao, "adopts", "采用")
    edge(proc, fengqiao, "adopts", "采用")
    edge(suyuan, fengqiao, "broader", "上位")
    edge(cases, suyuan, "outcome of", "成果")
    edge(cases, court, "contained in", "属于")
    edge(cases, suyuan, "about mechanism", "涉及机制")  # parallel to "outcome of"
    edge(money, police, "contained in", "属于")
    return g


def hostile_graph() -> nx.MultiDiGraph:
    """Labels and evidence that would run script if the page treated text as markup."""
    g = small_graph()
    evil = _iri("institution", "evil")
    g.add_node(
        evil,
        label=f"{XSS} href 法院",
        cls="institution",
        kind="court",
        aliases=['<a href="javascript:window.__pwned=3">href</a>'],
        regions=["浙江省"],
        evidence=[
            {"document": f"{XSS}.txt", "sentence": f"句中有 href 和 {XSS} 以及 {SCRIPT_BREAKOUT}"},
            {"document": "002.txt", "sentence": "行分隔符\u2028段分隔符\u2029<!-- 注释"},
        ],
    )
    g.add_edge(evil, _iri("region", "zj"), relation="located in", label=f"位于{XSS}")
    return g


def synthetic_graph(n: int = 2000, seed: int = 7) -> nx.MultiDiGraph:
    """A governance-shaped graph of about ``n`` nodes: a region tree, institutions located
    in it, mechanisms they adopt and outcomes of those mechanisms. Fixed seed: same graph."""
    rng = random.Random(seed)
    g = nx.MultiDiGraph()
    regions: list[tuple[str, list[str]]] = []  # (id, ancestor labels incl. itself)

    def add_region(label, level, parent):
        rid = _iri("region", label)
        chain = (parent[1] if parent else []) + [label]
        g.add_node(rid, label=label, cls="region", kind=level, aliases=[], evidence=[], regions=chain[:-1])
        if parent:
            g.add_edge(rid, parent[0], relation="part of", label="隶属")
        regions.append((rid, chain))
        return rid, chain

    n_regions = n // 10
    provinces = [add_region(f"省{i:02d}", "province", None) for i in range(4)]
    prefectures = [add_region(f"市{i:03d}", "prefecture", rng.choice(provinces)) for i in range(n_regions // 5)]
    while len(regions) < n_regions:
        add_region(f"县{len(regions):04d}", "county", rng.choice(prefectures))

    kinds = list(KIND_CLASS)  # the institution kinds of the model
    mechanisms = []
    for i in range(n // 20):
        mid = _iri("mechanism", f"m{i:03d}")
        g.add_node(
            mid,
            label=f"机制{i:03d}",
            cls="mechanism",
            kind="curated" if i % 3 else "discovered",
            aliases=[f"M{i}"],
            evidence=[],
            regions=[],
        )
        if i and rng.random() < 0.3:
            g.add_edge(mid, mechanisms[rng.randrange(len(mechanisms))], relation="broader", label="上位")
        mechanisms.append(mid)

    n_institutions = int(n * 0.6)
    institutions = []
    for i in range(n_institutions):
        rid, chain = rng.choice(regions)
        iid = _iri("institution", f"i{i:04d}")
        g.add_node(
            iid,
            label=f"{chain[-1]}机构{i:04d}",
            cls="institution",
            kind=rng.choice(kinds),
            aliases=[f"机构{i}"],
            regions=chain,
            evidence=[{"document": f"{i % 97:03d}.txt", "sentence": f"{chain[-1]}机构{i:04d}推行机制。"}],
        )
        g.add_edge(iid, rid, relation="located in", label="位于")
        # A skewed choice so a few mechanisms are hubs, as in real news.
        for _ in range(rng.randint(1, 3)):
            m = mechanisms[int(len(mechanisms) * rng.random() ** 2)]
            g.add_edge(iid, m, relation="adopts", label="采用")
        institutions.append((iid, chain))

    units = ["CNY", "case", "percent", "person", "person_time", "day", "hour", "item"]
    i = 0
    while g.number_of_nodes() < n:
        iid, chain = rng.choice(institutions)
        oid = _iri("outcome", f"o{i:04d}")
        g.add_node(
            oid, label=f"成果{i:04d}", cls="outcome", kind=rng.choice(units), aliases=[], regions=chain, evidence=[]
        )
        g.add_edge(oid, iid, relation="contained in", label="属于")
        g.add_edge(oid, rng.choice(mechanisms), relation="outcome of", label="成果")
        i += 1
    return g


# --- a minimal CDP driver -------------------------------------------------------------


class BrowserError(RuntimeError):
    pass


class Browser:
    """Headless Chromium with the network cut, driven over the DevTools protocol."""

    FLAGS = [
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--no-default-browser-check",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--disable-extensions",
        "--disable-dev-shm-usage",
        # Any request that escapes the page goes to a closed local port.
        "--proxy-server=127.0.0.1:9",
        "--proxy-bypass-list=<-loopback>",
        "--remote-debugging-port=0",
        "--remote-debugging-address=127.0.0.1",
        "--window-size=1400,900",
    ]

    def __init__(self, executable: str = CHROMIUM):
        import websocket  # websocket-client; only the browser tests need it

        self.profile = tempfile.mkdtemp(prefix="govgraph-chromium-")
        self.proc = subprocess.Popen(
            [executable, *self.FLAGS, f"--user-data-dir={self.profile}", "about:blank"],
            stdin=subprocess.DEVNULL,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        port_file = Path(self.profile) / "DevToolsActivePort"
        deadline = time.monotonic() + 30
        while not (port_file.exists() and len(port_file.read_text().split()) >= 2):
            if self.proc.poll() is not None or time.monotonic() > deadline:
                self.close()
                raise BrowserError("chromium did not open its DevTools port")
            time.sleep(0.05)
        port, path = port_file.read_text().split()[:2]
        # suppress_origin: Chromium refuses DevTools websockets that carry an Origin.
        self.ws = websocket.create_connection(f"ws://127.0.0.1:{port}{path}", suppress_origin=True, timeout=60)
        self._next_id = 0
        self._pending: dict[int, dict] = {}
        self.events: list[dict] = []

    def send(self, method: str, params: dict | None = None, session: str | None = None, timeout: float = 60) -> dict:
        self._next_id += 1
        mid = self._next_id
        msg = {"id": mid, "method": method, "params": params or {}}
        if session:
            msg["sessionId"] = session
        self.ws.send(json.dumps(msg))
        deadline = time.monotonic() + timeout
        while mid not in self._pending:
            if time.monotonic() > deadline:
                raise BrowserError(f"{method}: no answer in {timeout} s")
            self._read_one()
        reply = self._pending.pop(mid)
        if "error" in reply:
            raise BrowserError(f"{method}: {reply['error']}")
        return reply.get("result", {})

    def _read_one(self) -> None:
        msg = json.loads(self.ws.recv())
        if "id" in msg:
            self._pending[msg["id"]] = msg
        else:
            self.events.append(msg)

    def new_page(self) -> Page:
        target = self.send("Target.createTarget", {"url": "about:blank"})["targetId"]
        session = self.send("Target.attachToTarget", {"targetId": target, "flatten": True})["sessionId"]
        return Page(self, target, session)

    def close(self) -> None:
        try:
            if getattr(self, "ws", None):
                self.send("Browser.close", timeout=10)
        except Exception:
            pass
        if self.proc.poll() is None:
            try:
                self.proc.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait()
        shutil.rmtree(self.profile, ignore_errors=True)


class Page:
    def __init__(self, browser: Browser, target: str, session: str):
        self.browser, self.target, self.session = browser, target, session
        for domain in ("Page", "Runtime", "Log", "Network"):
            self.cmd(f"{domain}.enable")
        # Belt and braces with the proxy: refuse every remote scheme outright.
        self.cmd("Network.setBlockedURLs", {"urls": ["http://*", "https://*", "ws://*", "wss://*", "ftp://*"]})
        self.cmd(
            "Emulation.setDeviceMetricsOverride",
            {"width": 1400, "height": 900, "deviceScaleFactor": 1, "mobile": False},
        )

    def cmd(self, method: str, params: dict | None = None, timeout: float = 60) -> dict:
        return self.browser.send(method, params, session=self.session, timeout=timeout)

    def _events(self):
        return [e for e in self.browser.events if e.get("sessionId") == self.session]

    def goto(self, url: str, timeout: float = 30) -> None:
        self.cmd("Page.navigate", {"url": url})
        self.wait_for("document.readyState === 'complete'", timeout)

    def evaluate(self, expression: str, timeout: float = 60):
        reply = self.cmd(
            "Runtime.evaluate", {"expression": expression, "returnByValue": True, "awaitPromise": True}, timeout=timeout
        )
        if "exceptionDetails" in reply:
            raise BrowserError(f"{expression!r}: {reply['exceptionDetails']}")
        return reply["result"].get("value")

    def wait_for(self, expression: str, timeout: float = 30, poll: float = 0.05):
        deadline = time.monotonic() + timeout
        while True:
            value = self.evaluate(expression)
            if value:
                return value
            if time.monotonic() > deadline:
                raise BrowserError(f"timed out after {timeout} s waiting for {expression!r}")
            time.sleep(poll)

    def console_errors(self) -> list[str]:
        """Uncaught exceptions, console.error calls and browser-logged errors (failed loads,
        CSP violations)."""
        errors = []
        for e in self._events():
            method, params = e["method"], e.get("params", {})
            if method == "Runtime.exceptionThrown":
                details = params["exceptionDetails"]
                errors.append(details.get("exception", {}).get("description") or details["text"])
            elif method == "Runtime.consoleAPICalled" and params.get("type") in ("error", "assert"):
                errors.append(" ".join(str(a.get("value", a.get("description"))) for a in params["args"]))
            elif method == "Log.entryAdded" and params["entry"]["level"] == "error":
                errors.append(params["entry"]["text"])
        return errors

    def requested_urls(self) -> list[str]:
        return [e["params"]["request"]["url"] for e in self._events() if e["method"] == "Network.requestWillBeSent"]

    def mouse_move(self, x: float, y: float) -> None:
        self.cmd("Input.dispatchMouseEvent", {"type": "mouseMoved", "x": x, "y": y})

    def click(self, x: float, y: float) -> None:
        for kind in ("mousePressed", "mouseReleased"):
            self.cmd("Input.dispatchMouseEvent", {"type": kind, "x": x, "y": y, "button": "left", "clickCount": 1})

    def type_text(self, text: str) -> None:
        self.cmd("Input.insertText", {"text": text})

    def press_enter(self) -> None:
        for kind in ("keyDown", "keyUp"):
            self.cmd(
                "Input.dispatchKeyEvent",
                {"type": kind, "key": "Enter", "code": "Enter", "windowsVirtualKeyCode": 13, "text": "\r"},
            )

    def screenshot(self, path: Path) -> Path:
        data = self.cmd("Page.captureScreenshot", {"format": "png"})["data"]
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(base64.b64decode(data))
        return path

    def close(self) -> None:
        self.browser.send("Target.closeTarget", {"targetId": self.target})


def chromium_available() -> bool:
    return os.path.exists(CHROMIUM)
