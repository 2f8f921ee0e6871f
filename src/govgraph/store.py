"""A persistent Oxigraph store per graph file, made on first use and reused.

`govgraph query` and `govgraph view` used to parse the whole Turtle with rdflib on every call
(3 s on the samples, minutes on a few megabytes). Instead, the first call bulk-loads the graph
file into an Oxigraph (RocksDB) store; later calls open that store read-only, which takes
milliseconds whatever the graph's size.

A store is keyed by the SHA-256 of the graph file's bytes, so a rebuilt graph gets a new
store and a stale one is never read; the digest is remembered by the file's stamps
(`remembered_digest`), so a big graph is hashed once, not on every query. Stores live in a cache folder, not beside the graph:
`$GOVGRAPH_STORE_DIR`, else `$XDG_CACHE_HOME/govgraph/stores`, else
`~/.cache/govgraph/stores`; the graph's folder may be read-only and `build`'s output folder
holds only the files `build` writes. A store is built under a temporary name and renamed
into place, so two processes that make it at once never see half a store; the
`_STORES_KEPT` most recently used stores are kept, older ones removed.
"""

from __future__ import annotations

import json
import os
import sys
import time
from pathlib import Path
from typing import TYPE_CHECKING

from .errors import GovgraphError

if TYPE_CHECKING:
    import subprocess

_STORES_KEPT = 4
_DIGESTS_KEPT = 64  # graph files whose digest is remembered
_DONE = "govgraph-store-complete"  # written last into a finished store
_FORMATS = {".ttl": "TURTLE", ".nt": "N_TRIPLES", ".nq": "N_QUADS", ".trig": "TRIG"}


def store_root() -> Path:
    explicit = os.environ.get("GOVGRAPH_STORE_DIR")
    if explicit:
        return Path(explicit)
    cache = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return Path(cache) / "govgraph" / "stores"


def graph_format(path: Path):
    """The pyoxigraph format of a graph file, by its extension."""
    import pyoxigraph

    name = _FORMATS.get(path.suffix.lower())
    if name is None:
        raise GovgraphError(f"{path}: not a graph file govgraph reads (.ttl, .nt, .nq or .trig)")
    return getattr(pyoxigraph.RdfFormat, name)


def is_dataset(path: Path) -> bool:
    """N-Quads and TriG hold named graphs: queries see their union as the default graph."""
    return path.suffix.lower() in (".nq", ".trig")


def file_digest(path: Path) -> str:
    import hashlib

    h = hashlib.sha256()
    with open(path, "rb") as f:
        while chunk := f.read(1 << 20):
            h.update(chunk)
    return h.hexdigest()


def remembered_digest(graph: Path, root: Path) -> str:
    """The file's digest, remembered by its identity and change stamps (device, inode, size,
    modification and change times): hashing a 2 GB graph takes seconds, a `stat` nothing,
    and any write to the file, or a new file in its place, changes the stamps."""
    st = graph.stat()
    stamp = [st.st_dev, st.st_ino, st.st_size, st.st_mtime_ns, st.st_ctime_ns]
    index = root / "digests.json"
    name = str(graph.resolve())
    try:
        known = json.loads(index.read_text(encoding="utf-8"))
        if not isinstance(known, dict):
            known = {}
    except (OSError, ValueError):
        known = {}
    hit = known.get(name)
    if isinstance(hit, list) and len(hit) == 2 and hit[0] == stamp and isinstance(hit[1], str):
        return hit[1]
    import tempfile  # hashlib, shutil, subprocess, tempfile: only to make a digest or a store,
    # so not on the start-up of every query that finds its store made

    digest = file_digest(graph)
    known[name] = [stamp, digest]
    known = dict(list(known.items())[-_DIGESTS_KEPT:])
    try:
        root.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=".digests-", dir=root)
        with os.fdopen(fd, "w", encoding="utf-8") as f:
            json.dump(known, f)
        os.replace(tmp, index)
    except OSError:
        pass  # not remembered: hashed again next time
    return digest


def store_path(graph: str | Path, *, quiet: bool = False) -> Path:
    """The folder of the store of `graph`, made now if there is none yet."""
    graph = Path(graph)
    if not graph.is_file():
        raise GovgraphError(f"{graph}: graph file not found (run `govgraph build` first)")
    graph_format(graph)  # a graph file govgraph reads, or a clear error
    root = store_root()
    try:
        key = remembered_digest(graph, root)
    except OSError as e:
        raise GovgraphError(f"{graph}: cannot read ({e.strerror or e})") from None
    final = root / key[:40]
    if (final / _DONE).is_file():
        os.utime(final)  # recently used: kept by `_prune`
        return final
    import shutil
    import tempfile

    try:
        root.mkdir(parents=True, exist_ok=True)
        tmp = Path(tempfile.mkdtemp(prefix=".making-", dir=root))
    except OSError as e:
        raise GovgraphError(
            f"{root}: cannot make a graph store here ({e.strerror or e}); set GOVGRAPH_STORE_DIR"
        ) from None
    try:
        t0 = time.perf_counter()
        if not quiet:
            print(f"govgraph: indexing {graph} (once per graph file) into {final}", file=sys.stderr)
        _load(graph, tmp)
        (tmp / _DONE).write_text(f"{graph.resolve()}\n{key}\n{time.perf_counter() - t0:.2f} s\n", encoding="utf-8")
        try:
            os.rename(tmp, final)
        except OSError:  # another process made it meanwhile
            if not (final / _DONE).is_file():
                raise
    except GovgraphError:
        raise
    except Exception as e:
        raise GovgraphError(f"{graph}: cannot load into a graph store ({type(e).__name__}: {e})") from None
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    _prune(root, keep=final)
    return final


def _load(graph: Path, folder: Path) -> None:
    """Bulk-load in a child process (`govgraph._sparql_child load`): the loader's threads and
    memory end with it."""
    job = {"graph": str(graph), "folder": str(folder)}
    proc = child_process("load", json.dumps(job))
    assert proc.stdout is not None and proc.stderr is not None
    err = proc.stderr.read()  # the loader writes nothing else
    proc.wait()
    proc.stdout.close()
    proc.stderr.close()
    if proc.returncode != 0:
        lines = err.decode("utf-8", "replace").strip().splitlines()
        raise GovgraphError(f"{graph}: cannot load into a graph store ({lines[-1] if lines else 'the loader died'})")


# Oxigraph's bulk loader starts a thread per CPU it may use, each holding a batch of a million
# quads: on the 100 MB graph (27 M triples, two cores) two threads peak at 2.1 GB and load in
# 180 s, one at 1.35 GB in 240 s. A store is made once per graph file; its memory should not
# grow with the machine's core count.
_LOADER_CPUS = 1


def load_job(job: dict) -> None:
    """What the loader child does."""
    import pyoxigraph

    use_cpus(_LOADER_CPUS)
    store = pyoxigraph.Store(job["folder"])
    store.bulk_load(
        path=job["graph"], format=getattr(pyoxigraph.RdfFormat, _FORMATS[Path(job["graph"]).suffix.lower()])
    )
    store.flush()
    store.optimize()


def use_cpus(most: int) -> None:
    """Let this process (its threads from now on) run on at most `most` of the CPUs it may use
    (Linux; elsewhere nothing changes)."""
    if not hasattr(os, "sched_setaffinity"):
        return
    cpus = sorted(os.sched_getaffinity(0))
    if len(cpus) > most:
        os.sched_setaffinity(0, cpus[:most])


def child_process(mode: str, job: str) -> subprocess.Popen:
    """A fresh interpreter (`python -m govgraph._sparql_child`), not a fork: the bulk loader
    runs threads of its own and takes memory that should end with it, and the caller may have
    threads (a fork copies their locks, held or not). A load happens once per graph file, so
    its start-up does not count. The job goes in on stdin."""
    import subprocess

    env = dict(os.environ)  # the child imports this very govgraph
    package_root = str(Path(__file__).resolve().parent.parent)
    env["PYTHONPATH"] = os.pathsep.join([package_root, *filter(None, [env.get("PYTHONPATH")])])
    proc = subprocess.Popen(
        [sys.executable, "-m", "govgraph._sparql_child", mode],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        env=env,
    )
    assert proc.stdin is not None
    try:
        proc.stdin.write(job.encode("utf-8"))
        proc.stdin.close()
    except BrokenPipeError:
        pass  # the child ended at once: its exit code and stderr say why
    return proc


def _prune(root: Path, keep: Path) -> None:
    """Remove all but the most recently used stores (and leftovers of crashed loads)."""
    import shutil

    stores = []
    for p in root.iterdir():
        if p.name.startswith(".making-"):
            try:
                if time.time() - p.stat().st_mtime > 24 * 3600:
                    shutil.rmtree(p, ignore_errors=True)
            except OSError:
                pass
        elif (p / _DONE).is_file():
            stores.append((p.stat().st_mtime, p))
    stores.sort(reverse=True)
    for _, p in stores[_STORES_KEPT:]:
        if p != keep:
            shutil.rmtree(p, ignore_errors=True)


def open_store(graph: str | Path, *, quiet: bool = False):
    """The graph's store, open read-only (several processes may read it at once)."""
    import pyoxigraph

    return pyoxigraph.Store.read_only(str(store_path(graph, quiet=quiet)))


def rdflib_graph(graph: str | Path):
    """An rdflib.Graph over the graph's store, through oxrdflib (`pip install oxrdflib`):
    rdflib's API (`query`, `triples`, `value` …) with Oxigraph underneath, no parse. For a
    Turtle or N-Triples graph file (a dataset's triples are in named graphs)."""
    import pyoxigraph
    import rdflib
    from rdflib.graph import DATASET_DEFAULT_GRAPH_ID

    try:
        from oxrdflib import OxigraphStore
    except ImportError:
        raise GovgraphError("rdflib over a graph store needs oxrdflib: pip install oxrdflib") from None
    if is_dataset(Path(graph)):
        raise GovgraphError(f"{graph}: a dataset (N-Quads, TriG); use the Turtle or N-Triples file")
    store = pyoxigraph.Store.read_only(str(store_path(graph)))
    return rdflib.Graph(store=OxigraphStore(store=store), identifier=DATASET_DEFAULT_GRAPH_ID)
