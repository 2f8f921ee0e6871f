"""`govgraph query` and `view` on the graph's Oxigraph store against rdflib's parse-and-query.

    python benchmarks/stores.py --size 5MB [--work /tmp/gg-bench] [--skip-rdflib]

Builds a generated corpus of the given size (benchmarks/corpus.py), then prints, for each
shipped query (ontology/queries/*.rq):

* rdflib: what `govgraph query` did before the store, per call: parse the Turtle with rdflib
  (measured once, in its own process, with its peak memory) plus the query on the parsed graph;
* store: the first `govgraph query` (which makes the store), then the best of three later
  calls (a whole `python -m govgraph query` process each);
* pyoxigraph: the query alone on the already open store, in this process;
* the ratios the issue asks for: rdflib / store (target at least 20x) and store / pyoxigraph
  (target at most 1.5x on 100 MB);

then `govgraph view --focus 交叉执行` against rdflib's parse + projection + page (target 10x).
Wall times on a shared machine: read them with the load average printed at the top.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(ROOT / "benchmarks"))

from corpus import parse_size  # noqa: E402
from scale import corpus_dir, govgraph, run_measured  # noqa: E402

QUERIES = sorted((ROOT / "ontology" / "queries").glob("*.rq"))
FOCUS = "交叉执行"

# what `govgraph query` / `view` did before the store, in a process of its own: parse, then
# each query (or the view's projection and page) on the parsed graph
RDFLIB_CHILD = r"""
import json, sys, time
t = time.perf_counter()
import rdflib
from govgraph.build.page import view_of_lines
from govgraph.export import graph_lines
from govgraph.viz import render_page
from govgraph.export import project_prefixes
g = rdflib.Graph().parse(sys.argv[1], format="turtle")
fig = {"parse_s": time.perf_counter() - t, "triples": len(g), "queries": {}}
header = "".join(f"PREFIX {k}: <{v}>\n" for k, v in project_prefixes("https://w3id.org/govgraph/id/").items())
for path in sys.argv[3:]:
    t = time.perf_counter()
    rows = list(g.query(header + open(path, encoding="utf-8").read()))
    fig["queries"][path] = {"seconds": time.perf_counter() - t, "rows": len(rows)}
t = time.perf_counter()
render_page(view_of_lines(graph_lines(g)), title="govgraph", max_nodes=500, focus=sys.argv[2], depth=2)
fig["view_s"] = time.perf_counter() - t
print(json.dumps(fig))
"""


def timed(argv: list[str], env: dict) -> float:
    t = time.perf_counter()
    proc = subprocess.run(argv, capture_output=True, env=env)
    if proc.returncode != 0:
        raise SystemExit(f"failed: {' '.join(argv)}\n{proc.stderr.decode('utf-8', 'replace')}")
    return time.perf_counter() - t


def main() -> None:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--size", type=parse_size, default=parse_size("5MB"))
    p.add_argument("--seed", type=int, default=7)
    p.add_argument("--work", type=Path, default=Path(tempfile.gettempdir()) / "govgraph-bench")
    p.add_argument("--workers", type=int, default=2)
    p.add_argument("--skip-rdflib", action="store_true", help="leave out the (slow) rdflib figures")
    p.add_argument("--json", type=Path, help="also write the figures here")
    a = p.parse_args()
    a.work.mkdir(parents=True, exist_ok=True)
    env = dict(os.environ, PYTHONPATH=str(ROOT / "src"), GOVGRAPH_STORE_DIR=str(a.work / "stores"))
    print(f"load average {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores")

    corpus = corpus_dir(a.work, a.size, a.seed)
    out = a.work / f"out-{a.size}-{a.seed}"
    ttl = out / "govgraph.ttl"
    if not ttl.exists():
        r = run_measured(govgraph("build", str(corpus), "-o", str(out), "--no-page", f"--workers={a.workers}"), env)
        print(f"build: {r['seconds']:.1f} s")
    print(f"graph: {ttl} ({ttl.stat().st_size / 1e6:.1f} MB)")
    fig: dict = {"size": a.size, "graph_bytes": ttl.stat().st_size, "queries": {}}

    if not a.skip_rdflib:
        kept = a.work / f"rdflib-{a.size}-{a.seed}.json"  # the slow half, kept for a re-run
        if kept.exists():
            fig["rdflib"] = json.loads(kept.read_text(encoding="utf-8"))
        else:
            r = run_measured([sys.executable, "-c", RDFLIB_CHILD, str(ttl), FOCUS, *map(str, QUERIES)], env)
            fig["rdflib"] = json.loads(r["stdout"])
            fig["rdflib"]["peak_rss"] = r["peak_rss"]
            kept.write_text(json.dumps(fig["rdflib"]), encoding="utf-8")
        rd = fig["rdflib"]
        r = {"peak_rss": rd["peak_rss"]}
        print(f"rdflib: parse {rd['parse_s']:.1f} s, {rd['triples']} triples, peak {r['peak_rss'] / 1e9:.2f} GB")

    import shutil

    shutil.rmtree(a.work / "stores", ignore_errors=True)
    first = run_measured(govgraph("query", "ASK { ?s ?p ?o }", "-g", str(ttl)), env)
    fig["store_make_s"], fig["store_make_peak_rss"] = first["seconds"], first["peak_rss"]
    print(f"store: made by the first query in {first['seconds']:.1f} s, peak {first['peak_rss'] / 1e9:.2f} GB")

    import pyoxigraph

    from govgraph.sparql import prefixes
    from govgraph.store import store_path

    os.environ["GOVGRAPH_STORE_DIR"] = env["GOVGRAPH_STORE_DIR"]
    store = pyoxigraph.Store.read_only(str(store_path(ttl, quiet=True)))
    print(
        f"\n{'query':34} {'rows':>6} {'rdflib s':>9} {'store s':>8} {'oxigraph s':>10} {'speed-up':>9} {'/ oxigraph':>10}"
    )
    for q in QUERIES:
        text = q.read_text(encoding="utf-8")
        t = time.perf_counter()
        rows = len(list(store.query(text, prefixes=prefixes())))
        alone = time.perf_counter() - t
        argv = govgraph("query", str(q), "-g", str(ttl), "--format", "csv", "--timeout", "3600")
        ours = min(timed(argv, env) for _ in range(3))
        row = {"rows": rows, "store_s": ours, "pyoxigraph_s": alone}
        old = None
        if "rdflib" in fig:
            old = fig["rdflib"]["parse_s"] + fig["rdflib"]["queries"][str(q)]["seconds"]
            row["rdflib_s"] = old
        fig["queries"][q.stem] = row
        speed = f"{old / ours:8.0f}x" if old else "-"
        olds = f"{old:9.1f}" if old else "-"
        print(f"{q.stem:34} {rows:6} {olds:>9} {ours:8.2f} {alone:10.3f} {speed:>9} {ours / max(alone, 1e-9):9.1f}x")

    page = a.work / "view.html"
    view_s = min(
        timed(govgraph("view", "-g", str(ttl), "-o", str(page), "--focus", FOCUS, "--depth", "2"), env)
        for _ in range(2)
    )
    fig["view_s"] = view_s
    line = f"\nview --focus {FOCUS}: {view_s:.1f} s (store)"
    if "rdflib" in fig:
        old_view = fig["rdflib"]["parse_s"] + fig["rdflib"]["view_s"]
        line += f", {old_view:.1f} s (rdflib parse + page): {old_view / view_s:.0f}x"
    print(line)
    if a.json:
        a.json.write_text(json.dumps(fig, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
