"""`govgraph query` and `view` on the graph's Oxigraph store against rdflib's parse-and-query.

    python benchmarks/stores.py --size 5MB [--work /tmp/gg-bench] [--skip-rdflib] [--skip-view] [--keep-store]

Builds a generated corpus of the given size (benchmarks/corpus.py), then prints, for each
shipped query (ontology/queries/*.rq):

* rdflib: what `govgraph query` did before the store, per call: parse the Turtle with rdflib
  (measured once, in its own process, with its peak memory) plus the query on the parsed graph;
* command: the first `govgraph query` (which makes the store), then the best of the later
  calls (a whole `python -m govgraph query` process each, CSV out), and the peak memory of
  one call's process tree (the sum of each of its processes' own peak, the query's forked
  child included however short it lives: `PEAK_BOUND`);
* library: `govgraph.api.open_graph(...).query(...)`, the store open in this process, each
  query in a fork of it;
* library unguarded: the same with `guarded=False`, the query in this process (no fork, no limits);
* fresh pyoxigraph: pyoxigraph alone as a user runs it from a shell: a fresh `python -c`
  process that opens the already loaded store (read-only, the faster way to open it: no
  write-ahead log to replay, no lock) and writes the query's results as CSV; it also says how long, inside it, the store took to open and the query took on the store's
  cold caches (the "open s" and "cold s" columns);
* in-process pyoxigraph: the query alone on the store this process holds open, its caches
  warm from the earlier rounds, results written as CSV;
* the ratios the issue asks for: rdflib / command (target at least 20x), command / fresh
  pyoxigraph and command / in-process pyoxigraph (target at most 1.5x on 100 MB each), and
  library / in-process pyoxigraph, guarded and unguarded;

each way the best of its rounds: the five ways take turns, five rounds for a query under a
second, three under five seconds, else one; then `govgraph view --focus 交叉执行` against rdflib's parse + projection + page (target 10x).
Wall times on a shared machine: read them with the load average printed at the top (and at
the end). Every process runs with its bytecode cached (in WORK/pycache, as an installed
package has it): with PYTHONDONTWRITEBYTECODE set, as on some machines, each command would
compile govgraph's modules again; the start-up of the command both ways is printed.
"""

from __future__ import annotations

import argparse
import csv
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
from govgraph.store import store_path  # noqa: E402

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


def timed(argv: list[str], env: dict, said: list | None = None) -> float:
    """The wall time of a command; what it wrote to stderr goes into `said`."""
    t = time.perf_counter()
    proc = subprocess.run(argv, capture_output=True, env=env)
    if proc.returncode != 0:
        raise SystemExit(f"failed: {' '.join(argv)}\n{proc.stderr.decode('utf-8', 'replace')}")
    if said is not None:
        said.append(proc.stderr.decode("utf-8"))
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
    env.pop("PYTHONDONTWRITEBYTECODE", None)  # bytecode cached, as an installed package has it
    env["PYTHONPYCACHEPREFIX"] = str(a.work / "pycache")
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
    folder = str(store_path(ttl))
    fig["startup"] = startup(ttl, folder, env)
    st = fig["startup"]
    print(
        f"start-up, best of 5 (ASK {{}}): command {st['command_s']:.3f} s ({st['command_no_bytecode_s']:.3f} s"
        f" compiling its modules each time, as with PYTHONDONTWRITEBYTECODE), fresh pyoxigraph process"
        f" {st['fresh_s']:.3f} s, bare interpreter {st['python_s']:.3f} s"
    )
    print(
        f"\n{'query':30} {'rows':>7} {'rdflib s':>9} {'command s':>9} {'library s':>9} {'fresh oxi s':>11}"
        f" {'open s':>6} {'cold s':>6} {'in-proc oxi s':>13} {'speed-up':>8} {'cmd/fresh':>9} {'cmd/in-proc':>11}"
        f" {'lib/in-proc':>11} {'unguarded/in-proc':>17} {'cmd peak GB':>11}"
    )
    print(
        f"{'(target)':30} {'':7} {'':9} {'':9} {'':9} {'':11} {'':6} {'':6} {'':13} {'>= 20x':>8} {'<= 1.5x':>9} {'<= 1.5x':>11}"
    )
    for q in QUERIES:
        row = measure_query(q, ttl, graph, folder, env)
        old = None
        if "rdflib" in fig:
            old = fig["rdflib"]["parse_s"] + fig["rdflib"]["queries"][str(q)]["seconds"]
            row["rdflib_s"] = old
        fig["queries"][q.stem] = row
        ours, lib, fresh, alone = row["command_s"], row["library_s"], row["fresh_pyoxigraph_s"], row["pyoxigraph_s"]
        speed = f"{old / ours:7.0f}x" if old else "-"
        olds = f"{old:9.1f}" if old else "-"
        print(
            f"{q.stem:30} {row['rows']:7} {olds:>9} {ours:9.3f} {lib:9.3f} {fresh:11.3f}"
            f" {row['fresh_open_s']:6.3f} {row['fresh_query_s']:6.3f} {alone:13.3f} {speed:>8}"
            f" {ratio(ours, fresh):>9} {ratio(ours, alone):>11} {ratio(lib, alone, None):>11}"
            f" {ratio(row['library_unguarded_s'], alone):>17} {row['command_peak_rss_bound'] / 1e9:11.2f}"
        )
    fig["command_peak_rss_bound_max"] = max(r["command_peak_rss_bound"] for r in fig["queries"].values())
    for base, key in (("fresh pyoxigraph process", "fresh_pyoxigraph_s"), ("in-process pyoxigraph", "pyoxigraph_s")):
        within = [n for n, r in fig["queries"].items() if r["command_s"] <= 1.5 * r[key]]
        print(f"command within 1.5x of {base}: {len(within)} of {len(fig['queries'])}")
    within = [n for n, r in fig["queries"].items() if r["library_unguarded_s"] <= 1.5 * r["pyoxigraph_s"]]
    print(
        f"library unguarded (query(..., guarded=False)) within 1.5x of in-process pyoxigraph: {len(within)} of {len(fig['queries'])}"
    )
    print(
        f"peak memory of any query command (its process tree, sum of each process's peak): "
        f"{fig['command_peak_rss_bound_max'] / 1e9:.2f} GB; load average at the end {os.getloadavg()[0]:.1f}"
    )
    fresh_peak = max(r["fresh_pyoxigraph_peak_rss_bound"] for r in fig["queries"].values())
    print(f"peak memory of any fresh pyoxigraph process: {fresh_peak / 1e9:.2f} GB")
    fig["benchmark_rss"] = resident()
    print(f"this process (which the library forks for each query) holds {fig['benchmark_rss'] / 1e9:.2f} GB")
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


def resident() -> int:
    """This process's resident memory in bytes (Linux), else 0."""
    try:
        with open("/proc/self/statm", encoding="ascii") as f:
            return int(f.read().split()[1]) * os.sysconf("SC_PAGE_SIZE")
    except (OSError, ValueError, IndexError):
        return 0


def ratio(ours: float, base: float, target: float | None = 1.5) -> str:
    """`ours / base` with a mark when it misses the target."""
    r = ours / base
    return f"{r:.2f}x" + ("" if target is None or r <= target else " !")


def best(argv: list[str], env: dict, runs: int) -> float:
    """The best wall time of `runs` runs of a command (the others lost time to the machine's
    other work)."""
    return min(timed(argv, env) for _ in range(runs))


def startup(ttl: Path, folder: str, env: dict) -> dict:
    """What every query pays before its own work: the command and a fresh pyoxigraph process
    on a query that reads nothing, and the bare interpreter."""
    ask = "ASK {}"
    no_bytecode = {k: v for k, v in env.items() if k != "PYTHONPYCACHEPREFIX"}
    no_bytecode["PYTHONDONTWRITEBYTECODE"] = "1"
    command = govgraph("query", ask, "-g", str(ttl), "--format", "csv")
    return {
        "command_s": best(command, env, 5),
        "command_no_bytecode_s": best(command, no_bytecode, 5),
        "fresh_s": best([sys.executable, "-c", FRESH_PYOXIGRAPH, folder, ask], env, 5),
        "python_s": best([sys.executable, "-c", "pass"], env, 5),
    }


# pyoxigraph alone as a user would run it from a shell: open the store, run the query (its
# file holds its PREFIX lines), write CSV
# run a command, then wait for it and for every process it leaves behind (the query child
# `govgraph query` does not wait for: this process adopts it, as a subreaper), and print the
# sum of their peak RSS (Linux)
PEAK_BOUND = r"""
import ctypes, os, subprocess, sys
ctypes.CDLL(None).prctl(36, 1, 0, 0, 0)  # PR_SET_CHILD_SUBREAPER
subprocess.Popen(sys.argv[1:], stdout=subprocess.DEVNULL)
total = 0
while True:
    try:
        _, _, usage = os.wait4(-1, 0)
    except ChildProcessError:
        break
    total += usage.ru_maxrss * 1024
print(total)
"""


def peak_bound(argv: list[str], env: dict) -> int:
    """The sum of the peak RSS of each process a command runs, short ones included (bytes)."""
    out = subprocess.run([sys.executable, "-c", PEAK_BOUND, *argv], capture_output=True, env=env, check=True)
    return int(out.stdout)


# write CSV; on stderr, how long the store took to open and the query to run in it (caches cold)
FRESH_PYOXIGRAPH = r"""
import sys, time
import pyoxigraph
t0 = time.perf_counter()
store = pyoxigraph.Store.read_only(sys.argv[1])
t1 = time.perf_counter()
q = sys.argv[2]
if q.endswith(".rq"):
    with open(q, encoding="utf-8") as f:
        q = f.read()
store.query(q).serialize(sys.stdout.buffer, pyoxigraph.QueryResultsFormat.CSV)
sys.stdout.flush()
print(t1 - t0, time.perf_counter() - t1, file=sys.stderr)
"""


def measure_query(q: Path, ttl: Path, graph, folder: str, env: dict) -> dict:
    """One shipped query five ways, CSV out each time: the `govgraph query` command (a whole
    process: interpreter, imports, store opened, query forked), the library (`open_graph`'s
    `query`: a fork of this process with the store open), pyoxigraph alone in a fresh process
    (`FRESH_PYOXIGRAPH`) and pyoxigraph alone on the store this process holds open."""
    text = q.read_text(encoding="utf-8")
    store = graph.store
    out = io.BytesIO()

    def in_process() -> float:
        out.seek(0)
        out.truncate()
        t = time.perf_counter()
        store.query(text, prefixes=prefixes()).serialize(out, pyoxigraph.QueryResultsFormat.CSV)
        return time.perf_counter() - t

    def library() -> float:
        t = time.perf_counter()
        graph.query(str(q), "csv", timeout=3600)
        return time.perf_counter() - t

    def unguarded() -> float:
        t = time.perf_counter()
        graph.query(str(q), "csv", guarded=False)
        return time.perf_counter() - t

    argv = govgraph("query", str(q), "-g", str(ttl), "--format", "csv", "--timeout", "3600")
    fresh = [sys.executable, "-c", FRESH_PYOXIGRAPH, folder, str(q)]
    # rounds of the five ways in turn, so that a change of the machine's load hits them alike;
    # the in-process store's caches are warm from the second round on (and from earlier queries)
    times: dict[str, list[float]] = {"alone": [], "library": [], "unguarded": [], "command": [], "fresh": []}
    said: list[str] = []
    for n in range(5):
        times["alone"].append(in_process())
        times["library"].append(library())
        times["unguarded"].append(unguarded())
        times["command"].append(timed(argv, env))
        times["fresh"].append(timed(fresh, env, said))
        if min(times["alone"]) > 5 or (n >= 2 and min(times["alone"]) > 1):
            break  # 5 rounds for a fast query, 3 for a slower one, 1 for a slow one (its start-up is lost in it)
    inside = [tuple(map(float, s.split())) for s in said]
    rows = sum(1 for _ in csv.reader(io.StringIO(out.getvalue().decode("utf-8"), newline=""))) - 1
    peak = run_measured(argv, env)  # sampled every 100 ms: may miss a short query's child
    return {
        "rows": rows,
        "rounds": len(times["alone"]),
        "command_s": min(times["command"]),
        "library_s": min(times["library"]),
        "library_unguarded_s": min(times["unguarded"]),
        "fresh_pyoxigraph_s": min(times["fresh"]),
        "fresh_open_s": min(o for o, _ in inside),  # inside the fresh process: the store opened,
        "fresh_query_s": min(q for _, q in inside),  # then the query on its cold caches
        "pyoxigraph_s": min(times["alone"]),
        "times": times,
        "command_peak_rss": peak["peak_rss"],
        "command_peak_rss_bound": max(peak["peak_rss_bound"], peak_bound(argv, env)),
        "fresh_pyoxigraph_peak_rss_bound": peak_bound(fresh, env),
    }


if __name__ == "__main__":
    main()
