"""`govgraph query` and `view` on the graph's Oxigraph store against rdflib's parse-and-query.

    python benchmarks/stores.py --size 5MB [--work /tmp/gg-bench] [--skip-rdflib] [--skip-view] [--keep-store]

Builds a generated corpus of the given size (benchmarks/corpus.py), then prints, for each
shipped query (ontology/queries/*.rq):

* rdflib: what `govgraph query` did before the store, per call: parse the Turtle with rdflib
  (measured once, in its own process, with its peak memory) plus the query on the parsed graph;
* command: the first `govgraph query` (which makes the store), then the best of three later
  calls (a whole `python -m govgraph query` process each, CSV out), and the peak memory of
  one call's process tree;
* library: `govgraph.api.open_graph(...).query(...)`, the store open in this process, each
  query in a fork of it (best of three);
* pyoxigraph: the query alone on the already open store, in this process (best of three);
* the ratios the issue asks for: rdflib / command (target at least 20x) and command /
  pyoxigraph (target at most 1.5x on 100 MB), and library / pyoxigraph;

then `govgraph view --focus 交叉执行` against rdflib's parse + projection + page (target 10x).
Wall times on a shared machine: read them with the load average printed at the top.
"""

from __future__ import annotations

import argparse
import io
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

import pyoxigraph  # noqa: E402
from corpus import parse_size  # noqa: E402
from scale import corpus_dir, govgraph, run_measured  # noqa: E402

from govgraph import api  # noqa: E402
from govgraph.sparql import prefixes  # noqa: E402

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
    p.add_argument("--skip-view", action="store_true", help="leave out `govgraph view`")
    p.add_argument("--keep-store", action="store_true", help="reuse the store an earlier run made")
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

    if not a.keep_store:
        shutil.rmtree(a.work / "stores", ignore_errors=True)
    first = run_measured(govgraph("query", "ASK { ?s ?p ?o }", "-g", str(ttl)), env)
    fig["store_make_s"], fig["store_make_peak_rss"] = first["seconds"], first["peak_rss"]
    made = "opened (kept from an earlier run)" if a.keep_store else "made"
    print(f"store: {made} by the first query in {first['seconds']:.1f} s, peak {first['peak_rss'] / 1e9:.2f} GB")

    os.environ["GOVGRAPH_STORE_DIR"] = env["GOVGRAPH_STORE_DIR"]
    graph = api.open_graph(ttl)  # the library: the store open once, each query in a fork
    print(
        f"\n{'query':30} {'rows':>7} {'rdflib s':>9} {'command s':>9} {'library s':>9} {'oxigraph s':>10}"
        f" {'speed-up':>8} {'cmd/oxi':>7} {'lib/oxi':>7} {'cmd peak GB':>11}"
    )
    for q in QUERIES:
        row = measure_query(q, ttl, graph, env)
        old = None
        if "rdflib" in fig:
            old = fig["rdflib"]["parse_s"] + fig["rdflib"]["queries"][str(q)]["seconds"]
            row["rdflib_s"] = old
        fig["queries"][q.stem] = row
        ours, lib, alone = row["command_s"], row["library_s"], row["pyoxigraph_s"]
        speed = f"{old / ours:7.0f}x" if old else "-"
        olds = f"{old:9.1f}" if old else "-"
        print(
            f"{q.stem:30} {row['rows']:7} {olds:>9} {ours:9.3f} {lib:9.3f} {alone:10.3f} {speed:>8}"
            f" {ours / alone:6.2f}x {lib / alone:6.2f}x {row['command_peak_rss_bound'] / 1e9:11.2f}"
        )
    fig["command_peak_rss_bound_max"] = max(r["command_peak_rss_bound"] for r in fig["queries"].values())
    print(
        f"peak memory of any query command (its process tree, sum of each process's peak): "
        f"{fig['command_peak_rss_bound_max'] / 1e9:.2f} GB"
    )
    if a.skip_view:
        return finish(fig, a.json)

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
    finish(fig, a.json)


def finish(fig: dict, path: Path | None) -> None:
    if path:
        path.write_text(json.dumps(fig, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")


def best(fn, runs: int = 3) -> float:
    """The best wall time of `runs` calls (the others lost time to the machine's other work)."""
    times = [float("inf")]
    for _ in range(runs):
        t = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t)
    return min(times)


def measure_query(q: Path, ttl: Path, graph, env: dict) -> dict:
    """One shipped query three ways, CSV out each time: the `govgraph query` command (a whole
    process: interpreter, imports, store opened, query forked), the library (`open_graph`'s
    `query`: a fork of this process with the store open) and pyoxigraph alone on the open
    store (the faster of collecting the solutions and writing them as CSV)."""
    text = q.read_text(encoding="utf-8")
    store = graph.store

    def collect() -> None:
        rows.append(len(list(store.query(text, prefixes=prefixes()))))

    def as_csv() -> None:
        store.query(text, prefixes=prefixes()).serialize(io.BytesIO(), pyoxigraph.QueryResultsFormat.CSV)

    rows: list[int] = []
    argv = govgraph("query", str(q), "-g", str(ttl), "--format", "csv", "--timeout", "3600")
    # rounds of the three ways in turn, so that a change of the machine's load hits them alike
    times: dict[str, list[float]] = {"alone": [], "library": [], "command": []}
    for _ in range(3):
        times["alone"] += [best(collect, 1), best(as_csv, 1)]
        times["library"].append(best(lambda: graph.query(str(q), "csv", timeout=3600), 1))
        times["command"].append(best(lambda: timed(argv, env), 1))
        if min(times["alone"]) > 5:
            break  # a slow query: its start-up is lost in it anyway
    alone, library, command = (min(times[k]) for k in ("alone", "library", "command"))
    peak = run_measured(argv, env)
    return {
        "rows": rows[0],
        "command_s": command,
        "library_s": library,
        "pyoxigraph_s": alone,
        "command_peak_rss": peak["peak_rss"],
        "command_peak_rss_bound": peak["peak_rss_bound"],
    }


if __name__ == "__main__":
    main()
