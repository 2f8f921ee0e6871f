"""Scale figures on one generated corpus: build throughput with 1 and 2 workers against bare
`jieba.lcut` on the same text, graph export against pyoxigraph's writer, peak memory, the
incremental rebuild, and `govgraph --help` start-up.

    python benchmarks/scale.py --size 1MB            # quick
    python benchmarks/scale.py --size 10MB --json figures-10MB.json
    python benchmarks/scale.py --size 100MB --skip-jieba-warm

The corpus comes from benchmarks/corpus.py (deterministic; kept in --work between runs).
Builds run as `govgraph build` subprocesses with the default formats (Turtle and the page)
and no cache; their peak RSS is the largest sum over the build's process tree, sampled every
50 ms (PSS too: forked workers share the parent's pages, which RSS counts once per process).
The machine's own two-process scaling (a pure-Python loop) is printed first: on shared or
hyper-threaded machines it bounds any two-worker speed-up. The figures are printed, not asserted; targets are shown beside them.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(ROOT / "src"), str(ROOT / "benchmarks")]

from corpus import generate, parse_size  # noqa: E402

TARGETS = {
    "build_1_vs_jieba": 0.5,
    "build_2_vs_1": 1.6,
    "export_vs_pyoxigraph": 0.5,
    "peak_rss_100MB_GB": 2.0,
    "help_s": 0.3,
}


# ---------------------------------------------------------------------------- helpers


def corpus_dir(work: Path, size: int, seed: int) -> Path:
    d = work / f"corpus-{size}-{seed}"
    if not (d / ".complete").exists():
        if d.exists():
            shutil.rmtree(d)
        t = time.perf_counter()
        generate(d, size, seed, quiet=True)
        (d / ".complete").write_text("ok\n")
        print(f"generated corpus in {time.perf_counter() - t:.1f} s")
    return d


def _pss(pid: int) -> int | None:
    """Proportional set size from /proc/PID/smaps_rollup (cheap; Linux 4.14+), else None."""
    try:
        with open(f"/proc/{pid}/smaps_rollup", encoding="ascii") as f:
            for line in f:
                if line.startswith("Pss:"):
                    return int(line.split()[1]) * 1024
    except OSError:
        return None
    return None


_PAGE = os.sysconf("SC_PAGE_SIZE") if hasattr(os, "sysconf") else 4096


def _tree(pid: int) -> list[int] | None:
    """pid and its descendants, from /proc/PID/task/TID/children (a few small reads, where
    psutil's children() reads the stat file of every process on the machine); None where
    the kernel does not offer them."""
    pids, i = [pid], 0
    while i < len(pids):
        p = pids[i]
        i += 1
        try:
            for tid in os.listdir(f"/proc/{p}/task"):
                with open(f"/proc/{p}/task/{tid}/children", "rb") as f:
                    pids += map(int, f.read().split())
        except FileNotFoundError:
            if i == 1 and os.path.exists(f"/proc/{p}"):
                return None  # no children files on this kernel
        except OSError:
            pass
    return pids


def _rss(pid: int) -> int:
    try:
        with open(f"/proc/{pid}/statm", "rb") as f:
            return int(f.read().split()[1]) * _PAGE
    except (OSError, IndexError, ValueError):
        return 0


def _hwm(pid: int) -> int:
    """The process's own peak RSS so far (VmHWM), kept by the kernel between samples."""
    try:
        with open(f"/proc/{pid}/status", "rb") as f:
            for line in f:
                if line.startswith(b"VmHWM:"):
                    return int(line.split()[1]) * 1024
    except (OSError, IndexError, ValueError):
        pass
    return 0


def run_measured(argv: list[str], env=None) -> dict:
    """Run a command; wall time and the peak, over its whole process tree, of the summed RSS
    and of the summed PSS (which counts pages that forked workers share once), in bytes.

    The sampler must not slow the build it measures: on two cores, whatever CPU it takes is
    taken from the workers (and not from a single worker, which leaves a core idle), so it
    biases the two-worker figure. RSS comes from /proc/PID/statm every 100 ms, for the tree
    found through /proc/PID/task/TID/children; PSS from smaps_rollup (which walks the page
    tables) every second. Samples can miss a short peak; the sum of each process's own
    peak (VmHWM, which the kernel keeps) cannot, but counts peaks that did not coincide, so
    it bounds the true figure from above ("peak_rss_bound")."""
    import psutil

    t0 = time.perf_counter()
    proc = subprocess.Popen(argv, stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=env)
    peak = peak_pss = 0
    hwm: dict[int, int] = {}
    done = threading.Event()

    def tree() -> list[int]:
        pids = _tree(proc.pid)
        if pids is not None:
            return pids
        try:
            p = psutil.Process(proc.pid)
            return [proc.pid] + [c.pid for c in p.children(recursive=True)]
        except psutil.Error:
            return []

    def sample():
        nonlocal peak, peak_pss
        tick = 0
        while not done.is_set():
            pids = tree()
            peak = max(peak, sum(_rss(p) for p in pids))
            for p in pids:
                hwm[p] = max(hwm.get(p, 0), _hwm(p))
            if tick % 10 == 0:
                total_pss = 0
                for p in pids:
                    pss = _pss(p)
                    total_pss += _rss(p) if pss is None else pss
                peak_pss = max(peak_pss, total_pss)
            tick += 1
            done.wait(0.1)

    th = threading.Thread(target=sample, daemon=True)
    th.start()
    out, err = proc.communicate()
    wall = time.perf_counter() - t0
    done.set()
    th.join()
    if proc.returncode not in (0, 1):
        sys.stderr.write(err.decode("utf-8", "replace"))
        raise SystemExit(f"failed: {' '.join(argv)} (exit {proc.returncode})")
    return {
        "seconds": wall,
        "peak_rss": peak,
        "peak_pss": peak_pss,
        "peak_rss_bound": sum(hwm.values()),
        "stdout": out.decode("utf-8", "replace"),
    }


def govgraph(*args: str) -> list[str]:
    return [sys.executable, "-m", "govgraph", *args]


def cpu_scaling() -> float:
    """How much faster two processes do twice the pure-Python work than one does it once:
    2.0 on two real cores; the ceiling for any two-worker speed-up on this machine."""
    code = "x=0\nfor i in range(6_000_000): x+=i"
    t = time.perf_counter()
    subprocess.run([sys.executable, "-c", code], check=True)
    one = time.perf_counter() - t
    t = time.perf_counter()
    ps = [subprocess.Popen([sys.executable, "-c", code]) for _ in range(2)]
    for p in ps:
        p.wait()
    two = time.perf_counter() - t
    return 2 * one / two


# ---------------------------------------------------------------------------- measures


def measure_jieba(files: list[Path]) -> dict:
    import jieba

    from govgraph.reader import read

    texts = [read(f).text for f in files]
    t = time.perf_counter()
    jieba.setLogLevel(60)
    jieba.initialize()
    init = time.perf_counter() - t
    t = time.perf_counter()
    for text in texts:
        jieba.lcut(text)
    return {"seconds": time.perf_counter() - t, "init_seconds": init}


def measure_export(nt_path: Path) -> dict:
    import pyoxigraph as ox

    from govgraph import export, model
    from govgraph.build.sink import GraphSink

    with open(nt_path, encoding="utf-8") as f:
        lines = [ln[:-3] for ln in f]  # "s p o .\n" -> "s p o"
    n = len(lines)
    prefixes = model.project_prefixes("https://w3id.org/govgraph/id/")
    out: dict = {"triples": n}
    tmp = Path(tempfile.mkdtemp(prefix="govgraph-export-"))
    try:

        def best(fn, runs=3):
            times = []
            for _ in range(runs):
                t = time.perf_counter()
                fn()
                times.append(time.perf_counter() - t)
            return min(times)

        def ours_ttl():
            with open(tmp / "a.ttl", "w", encoding="utf-8") as f:
                export.write_turtle(lines, f, prefixes)

        def ours_nt():
            with open(tmp / "a.nt", "w", encoding="utf-8") as f:
                export.write_ntriples(lines, f)

        def ours_sorted():  # the build's path: per-document runs merged, sorted, then Turtle
            sink = GraphSink(tmp_dir=tmp)
            step = 4000
            for i in range(0, n, step):
                sink.add(lines[i : i + step], {})
            with open(tmp / "b.ttl", "w", encoding="utf-8") as f:
                export.write_turtle(sink.lines(), f, prefixes)
            sink.close()

        with open(nt_path, "rb") as f:
            triples = [q.triple for q in ox.parse(f, format=ox.RdfFormat.N_TRIPLES)]

        def ox_ttl():
            with open(tmp / "o.ttl", "wb") as f:
                ox.serialize(triples, f, format=ox.RdfFormat.TURTLE, prefixes=prefixes)

        def ox_nt():
            with open(tmp / "o.nt", "wb") as f:
                ox.serialize(triples, f, format=ox.RdfFormat.N_TRIPLES)

        def ox_parse_ttl():  # from the same N-Triples text: parse, then write
            with open(nt_path, "rb") as src, open(tmp / "p.ttl", "wb") as f:
                ox.serialize(
                    ox.parse(src, format=ox.RdfFormat.N_TRIPLES), f, format=ox.RdfFormat.TURTLE, prefixes=prefixes
                )

        for name, fn in [
            ("ours_turtle", ours_ttl),
            ("ours_ntriples", ours_nt),
            ("ours_turtle_with_sort", ours_sorted),
            ("pyoxigraph_turtle", ox_ttl),
            ("pyoxigraph_ntriples", ox_nt),
            ("pyoxigraph_parse_nt_write_turtle", ox_parse_ttl),
        ]:
            out[name] = n / best(fn)
        import rdflib

        g = rdflib.Graph().parse(tmp / "a.ttl", format="turtle") if n <= 400_000 else None
        out["turtle_parses_back"] = None if g is None else len(g) == n
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    return out


def measure_help(runs: int = 7) -> dict:
    times = []
    for _ in range(runs):
        t = time.perf_counter()
        subprocess.run(govgraph("--help"), check=True, stdout=subprocess.DEVNULL)
        times.append(time.perf_counter() - t)
    exe = shutil.which("govgraph")
    script = []
    if exe:
        for _ in range(runs):
            t = time.perf_counter()
            subprocess.run([exe, "--help"], check=True, stdout=subprocess.DEVNULL)
            script.append(time.perf_counter() - t)
    return {
        "python_m_median": statistics.median(times),
        "python_m_min": min(times),
        "script_median": statistics.median(script) if script else None,
        "script_min": min(script) if script else None,
    }


# ---------------------------------------------------------------------------- main


def main() -> None:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--size", type=parse_size, default=parse_size("1MB"), help="corpus size: 1MB, 10MB, 100MB")
    p.add_argument("--seed", type=int, default=7)
    p.add_argument(
        "--work",
        type=Path,
        default=Path(tempfile.gettempdir()) / "govgraph-bench",
        help="where corpora and outputs go (corpora are kept)",
    )
    p.add_argument("--workers", default="1,2", help="worker counts to build with (default: 1,2)")
    p.add_argument("--json", type=Path, help="also write the figures here")
    p.add_argument(
        "--skip",
        default="",
        help="comma-separated parts to leave out: jieba, incremental, export, help "
        "(e.g. a 100MB run for the builds' time and memory only)",
    )
    a = p.parse_args()
    skip = {x.strip() for x in a.skip.split(",") if x.strip()}

    a.work.mkdir(parents=True, exist_ok=True)
    corpus = corpus_dir(a.work, a.size, a.seed)
    files = sorted(corpus.glob("*.txt"))
    mb = sum(f.stat().st_size for f in files) / 1e6
    fig: dict = {"corpus": {"documents": len(files), "MB": mb, "path": str(corpus)}, "machine": {}}
    fig["machine"]["cores"] = os.cpu_count()
    fig["machine"]["cpu_scaling_2_processes"] = cpu_scaling()
    print(f"corpus: {len(files)} documents, {mb:.2f} MB ({corpus})")
    print(
        f"machine: {os.cpu_count()} cores; two processes do {fig['machine']['cpu_scaling_2_processes']:.2f}x "
        "the pure-Python work of one (2.00 on two real cores)"
    )

    if "jieba" not in skip:
        j = measure_jieba(files)
        fig["jieba"] = {"seconds": j["seconds"], "init_seconds": j["init_seconds"], "MB_s": mb / j["seconds"]}
        print(
            f"bare jieba.lcut: {mb / j['seconds']:.3f} MB/s ({j['seconds']:.1f} s; dictionary load "
            f"{j['init_seconds']:.1f} s not counted)"
        )

    fig["build"] = {}
    outs = a.work / "out"
    for w in [int(x) for x in a.workers.split(",")]:
        out = outs / f"w{w}"
        shutil.rmtree(out, ignore_errors=True)
        r = run_measured(govgraph("build", str(corpus), "-o", str(out), "--workers", str(w), "--no-cache"))
        triples = next((int(x.split()[-1]) for x in r["stdout"].splitlines() if "triples" in x), None)
        fig["build"][str(w)] = {
            "seconds": r["seconds"],
            "MB_s": mb / r["seconds"],
            "peak_rss_MB": r["peak_rss"] / 1e6,
            "peak_pss_MB": r["peak_pss"] / 1e6,
            "peak_rss_bound_MB": r["peak_rss_bound"] / 1e6,
            "triples": triples,
        }
        print(
            f"build, {w} worker(s): {mb / r['seconds']:.3f} MB/s ({r['seconds']:.1f} s, start-up included), "
            f"peak RSS {r['peak_rss'] / 1e6:.0f} MB (PSS {r['peak_pss'] / 1e6:.0f} MB; sum of the processes' "
            f"own peaks {r['peak_rss_bound'] / 1e6:.0f} MB), {triples} triples"
        )

    if "incremental" not in skip or "export" not in skip:
        incremental(a, fig, corpus, files, outs)
    if "export" not in skip:
        e = measure_export(outs / "cached" / "govgraph.nt")
        fig["export"] = e
        print(
            f"export of {e['triples']} triples (triples/s): Turtle {e['ours_turtle']:,.0f}, with the build's sort "
            f"{e['ours_turtle_with_sort']:,.0f}, N-Triples {e['ours_ntriples']:,.0f}; pyoxigraph Turtle "
            f"{e['pyoxigraph_turtle']:,.0f}, N-Triples {e['pyoxigraph_ntriples']:,.0f}, parse N-Triples + write "
            f"Turtle {e['pyoxigraph_parse_nt_write_turtle']:,.0f}"
        )
    if "help" not in skip:
        h = measure_help()
        fig["help"] = h
        print(
            f"govgraph --help: median {h['script_median'] or h['python_m_median']:.3f} s "
            f"(python -m govgraph --help {h['python_m_median']:.3f} s)"
        )
    report(fig, a)


def incremental(a, fig: dict, corpus: Path, files: list[Path], outs: Path) -> None:
    """A cold cached build, then one document changed; compared with a clean build."""
    out = outs / "cached"
    shutil.rmtree(out, ignore_errors=True)
    w = max(int(x) for x in a.workers.split(","))
    inc_corpus = a.work / "incremental"
    shutil.rmtree(inc_corpus, ignore_errors=True)
    shutil.copytree(corpus, inc_corpus)
    r1 = run_measured(govgraph("build", str(inc_corpus), "-o", str(out), "--workers", str(w), "--format", "ttl,nt"))
    victim = sorted(inc_corpus.glob("*.txt"))[len(files) // 2]
    victim.write_text(
        victim.read_text(encoding="utf-8") + "\n\u3000\u3000湖北省荆州市中级人民法院开展交叉执行。\n", encoding="utf-8"
    )
    r2 = run_measured(govgraph("build", str(inc_corpus), "-o", str(out), "--workers", str(w), "--format", "ttl,nt"))
    clean = outs / "clean-after-change"
    shutil.rmtree(clean, ignore_errors=True)
    r3 = run_measured(
        govgraph("build", str(inc_corpus), "-o", str(clean), "--workers", str(w), "--format", "ttl,nt", "--no-cache")
    )
    same = all(
        (out / n).read_bytes() == (clean / n).read_bytes() for n in ("govgraph.ttl", "govgraph.nt", "govgraph.html")
    )
    fig["incremental"] = {
        "cold_cache_seconds": r1["seconds"],
        "one_changed_seconds": r2["seconds"],
        "clean_seconds": r3["seconds"],
        "identical_to_clean": same,
        "summary": [x for x in r2["stdout"].splitlines() if x.startswith("cache:")],
    }
    print(
        f"incremental ({w} workers): cold cache {r1['seconds']:.1f} s; one file changed {r2['seconds']:.1f} s "
        f"({'; '.join(fig['incremental']['summary'])}); same bytes as a clean build: {same}"
    )


def report(fig: dict, a) -> None:
    e, h = fig.get("export"), fig.get("help")
    b1 = fig["build"].get("1")
    b2 = fig["build"].get("2")
    ratios = {}
    if b1 and "jieba" in fig:
        ratios["build_1_vs_jieba"] = b1["MB_s"] / fig["jieba"]["MB_s"]
    if b1 and b2:
        ratios["build_2_vs_1"] = b2["MB_s"] / b1["MB_s"]
    if e:
        ratios["export_vs_pyoxigraph"] = e["ours_turtle"] / e["pyoxigraph_turtle"]
        ratios["export_ntriples_vs_pyoxigraph"] = e["ours_ntriples"] / e["pyoxigraph_ntriples"]
        ratios["export_with_sort_vs_pyoxigraph"] = e["ours_turtle_with_sort"] / e["pyoxigraph_turtle"]
    if h:
        ratios["help_s"] = h["script_median"] or h["python_m_median"]
    ratios["peak_rss_GB"] = max(b["peak_rss_MB"] for b in fig["build"].values()) / 1000
    ratios["peak_pss_GB"] = max(b["peak_pss_MB"] for b in fig["build"].values()) / 1000
    ratios["peak_rss_bound_GB"] = max(b["peak_rss_bound_MB"] for b in fig["build"].values()) / 1000
    fig["ratios"] = ratios
    print("\nagainst the targets:")
    rows = [
        ("1 worker / bare jieba.lcut", ratios.get("build_1_vs_jieba"), ">= 0.5 (aim 1.0)", lambda v: v >= 0.5),
        ("2 workers / 1 worker", ratios.get("build_2_vs_1"), ">= 1.6", lambda v: v >= 1.6),
        ("Turtle export / pyoxigraph", ratios.get("export_vs_pyoxigraph"), ">= 0.5", lambda v: v >= 0.5),
        ("N-Triples export / pyoxigraph", ratios.get("export_ntriples_vs_pyoxigraph"), ">= 0.5", lambda v: v >= 0.5),
        ("peak RSS (GB)", ratios["peak_rss_GB"], "<= 2 at 100 MB", lambda v: v <= 2.0),
        ("peak PSS (GB)", ratios["peak_pss_GB"], "<= 2 at 100 MB", lambda v: v <= 2.0),
        ("govgraph --help (s)", ratios.get("help_s"), "< 0.3", lambda v: v < 0.3),
    ]
    for name, v, target, ok in rows:
        if v is None:
            continue
        print(f"  {name:32} {v:8.3f}   target {target:18} {'met' if ok(v) else 'NOT met'}")
    print(
        f"  (the sum of each process's own peak RSS, {ratios['peak_rss_bound_GB']:.3f} GB, adds up peaks of "
        "processes that never ran at once: the workers end before the graph is written)"
    )
    if a.json:
        a.json.write_text(json.dumps(fig, indent=1) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
