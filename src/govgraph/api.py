"""The library behind the CLI: `build`, `query`, `view`.

`build` reads every input, extracts each document on its own (a bad file is reported and
skipped, never losing the others), builds one graph and writes all outputs atomically:
every file is written under a temporary name, then all are moved into place.

Extraction runs on an engine (`govgraph.engines`: this process, local worker processes or a
Dask cluster) and returns plain strings per document (`govgraph.assemble.run_task`); the
records are cached by content (`govgraph.cache`). The merge takes documents in name order,
so the bytes written depend only on the inputs, and holds the graph as sorted N-Triples
lines that spill to disk past a threshold, so memory stays bounded.
"""

from __future__ import annotations

import os
import sys
import tempfile
import time
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from .dataset import DatasetWriter
from .errors import GovgraphError, InputError
from .interchange import graphml, node_attributes, write_jsonld
from .lexicon import load_user_lexicon
from .lexicon import use as use_lexicon

EXIT_OK, EXIT_SKIPPED, EXIT_FAILED = 0, 1, 2
PAGE_NODES = 2000  # the build's page keeps the best-connected nodes up to this many


@dataclass
class BuildReport:
    documents: int = 0
    articles: int = 0
    entities: dict[str, int] = field(default_factory=dict)
    facts: int = 0
    outcomes: int = 0
    triples: int = 0
    seconds: float = 0.0
    extracted: int = 0  # documents extracted in this run
    cached: int = 0  # documents whose extraction records came from the cache
    skipped: list[str] = field(default_factory=list)  # "path: problem"
    warnings: list[str] = field(default_factory=list)  # built all the same (a cache entry dropped …)
    written: list[str] = field(default_factory=list)

    @property
    def exit_code(self) -> int:
        return EXIT_SKIPPED if self.skipped else EXIT_OK

    def summary(self) -> str:
        ents = ", ".join(f"{k} {v}" for k, v in self.entities.items())
        lines = [
            f"documents {self.documents}, articles {self.articles}",
            f"entities: {ents}",
            f"facts {self.facts}, outcomes {self.outcomes}, triples {self.triples}",
            f"time {self.seconds:.2f} s",
        ]
        if self.cached:
            lines.append(f"cache: {self.cached} document(s) reused, {self.extracted} extracted")
        if self.skipped:
            lines.append(f"skipped {len(self.skipped)} file(s):")
            lines += [f"  {s}" for s in self.skipped]
        return "\n".join(lines)


def write_atomic(path: Path, text: str) -> None:
    """Write UTF-8 text to `path` via a temporary file in the same folder and a rename."""
    from .assemble import _umask

    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as f:
            f.write(text)
        os.chmod(tmp, 0o666 & ~_umask())  # mkstemp makes 0600; outputs are ordinary files
        os.replace(tmp, path)
    except BaseException:
        if os.path.exists(tmp):
            os.unlink(tmp)
        raise


PAGE_MARK = b'<meta name="generator" content="govgraph">'


def check_page_target(out: Path, graph_path: Path) -> None:
    """`view -o` follows the build's rule: it replaces only a page that govgraph wrote, and
    never the graph it reads."""
    if str(out) in ("", "."):
        raise GovgraphError("-o: the page needs a file name")
    if not out.exists():
        return
    if graph_path.exists() and out.samefile(graph_path):
        raise GovgraphError(f"{out}: is the graph being read; choose another file for the page")
    try:
        with open(out, "rb") as f:
            head = f.read(4096)
    except OSError as e:
        raise GovgraphError(f"{out}: cannot be replaced ({e.strerror or e})") from None
    if PAGE_MARK not in head:
        raise GovgraphError(f"{out}: exists and was not written by govgraph; move it away or choose another file")


class _Progress:
    """A one-line progress bar on a terminal; silent otherwise (logs, pipes, CI)."""

    def __init__(self, total: int, enabled: bool | None = None):
        self.total = total
        self.enabled = sys.stderr.isatty() if enabled is None else enabled
        self.done = 0

    def step(self, label: str) -> None:
        self.done += 1
        if self.enabled and self.total > 1:
            width = 30
            n = int(width * self.done / self.total)
            sys.stderr.write(f"\r[{'#' * n}{'.' * (width - n)}] {self.done}/{self.total} {label[:40]:<40}")
            sys.stderr.flush()

    def close(self) -> None:
        if self.enabled and self.total > 1:
            sys.stderr.write("\n")


def build(
    paths: list[str | os.PathLike] | None = None,
    out: str | Path = "out",
    *,
    base: str | None = None,
    formats: tuple[str, ...] = ("ttl",),
    workers: int = 1,
    progress: bool | None = None,
    page: bool = True,
    engine: str = "local",
    scheduler=None,
    cache: bool | str | Path = True,
    max_file_size: int | None = None,
    lexicon: str | Path | None = None,
) -> BuildReport:
    """Build the graph of `paths` (files and folders; None: the bundled samples) into `out`.

    `workers` extraction processes (1: this process) on `engine` "local", or on "dask" (a
    dask.distributed cluster at `scheduler`, an address or a Client; None starts a local
    one). `cache`: True keeps extraction records in OUT/.cache, a path keeps them there,
    False keeps none. A file larger than `max_file_size` bytes (default
    `reader.MAX_FILE_SIZE`) is skipped and named. `lexicon`: a folder of the user's own TSV
    rules, merged with the bundled ones (`govgraph.lexicon_user`; checked first: a problem
    stops the build before it writes). The output is the same bytes whatever the engine, the
    number of workers, the order of `paths` or what the cache held.
    """
    from . import assemble, parts
    from .cache import ExtractionCache, document_key
    from .engines import make_engine
    from .export import FORMATS
    from .graph import DEFAULT_BASE
    from .lock import BuildLock, remove_leftovers, undo_failed
    from .reader import MAX_FILE_SIZE, Inputs, bundled_corpus, discover, extraction_stems, read, shown
    from .triples import check_base

    t0 = time.perf_counter()
    unknown = [f for f in formats if f not in FORMATS]
    if unknown:
        raise GovgraphError(f"unknown format(s): {', '.join(unknown)} (choose from {', '.join(FORMATS)})")
    base = check_base(base or DEFAULT_BASE)
    overlay = load_user_lexicon(lexicon) if lexicon is not None else None
    use_lexicon(overlay)  # here, before the cache key is made and the workers start
    inputs = Inputs(bundled_corpus()) if not paths else discover(paths)
    files = inputs.files
    json_stems = extraction_stems([shown(f.name) for f in files])
    max_bytes = MAX_FILE_SIZE if max_file_size is None else max_file_size
    if str(out) == "":
        raise GovgraphError("-o: the output folder name is empty")
    out = Path(out)
    if out.is_symlink() and not out.exists():
        raise GovgraphError(f"{out}: is a symbolic link to a folder that does not exist")
    if out.exists() and not out.is_dir():
        raise GovgraphError(f"{out}: output path exists and is not a folder")
    store = None
    if cache:
        store = ExtractionCache(out / ".cache" if cache is True else Path(cache))
    report = BuildReport(skipped=list(inputs.skipped))

    def cached(name: str, text: str):
        """(cache key, cached records or None); (None, None) without a cache."""
        if store is None:
            return None, None
        key = document_key(name, text)
        return key, store.get(key)

    def tasks():
        for f in files:
            try:
                src = read(f, max_bytes)
            except InputError as e:
                yield assemble.Task(shown(f.name), shown(f), base, error=str(e))
                continue
            if parts.needs_parts(src.text):
                yield from part_tasks(src)
                continue
            key, blob = cached(src.name, src.text)
            # the text goes along with cached records: extracted again if they do not check out
            yield assemble.Task(
                src.name, src.path, base, source=src, blob=blob, key=key, lexicon=overlay, **worker_lines
            )

    def part_tasks(src):
        """A big file's parts, each a task of its own: extracted (or found in the cache) apart."""
        for part in parts.split(src.text):
            # the part's place (offset, first article) is part of what it yields
            first = part.articles[0].index if part.articles else -1
            key, blob = cached(f"{src.name}#{part.start}#{first}", part.clean.original)
            last = part.index == part.count - 1
            yield assemble.Task(
                src.name,
                src.path,
                base,
                blob=blob,
                key=key,
                parted=True,
                last_part=last,
                part=part,
                lexicon=overlay,
                **worker_lines,
            )

    created = not out.exists()
    cache_created = cache is True and not (out / ".cache").exists()
    lock = BuildLock(out).acquire()  # creates OUT; a second build into OUT stops here
    remove_leftovers(out)
    failed = True
    outputs = assemble.Outputs(out)
    view = assemble.PageModel() if page or "graphml" in formats else None
    bar = _Progress(len(files), progress)
    counts: Counter[str] = Counter()
    results = None
    writers = None
    joined = None  # the JSON of a big file, put together from its parts
    fresh = False  # the current file (or one of its parts so far) was extracted in this run
    doc_files: dict = {}
    eng = make_engine(engine, workers, scheduler)
    sink = assemble.GraphSink(tmp_dir=out)
    per_doc = [fmt for fmt in ("nq", "trig") if fmt in formats]
    # local worker processes keep the graph lines (`assemble.WorkerLines`), unless each
    # document's graph is written on its own (N-Quads, TriG), which needs them here
    worker_lines: dict = {}
    if eng.local_workers and not per_doc:
        worker_lines = {"lines_dir": sink.work_dir(), "lines_bytes": assemble.SPILL_BYTES // eng.workers}
    try:
        doc_files = {fmt: outputs.open(FORMATS[fmt][0]) for fmt in per_doc}
        dataset = DatasetWriter(doc_files, base) if doc_files else None
        results = eng.imap(assemble.run_task, tasks(), warm=_needs_extraction(files, store, max_bytes))
        for r in results:
            if r.last_part:
                bar.step(r.name)
            if r.error:
                report.skipped.append(r.error)
                continue
            if r.warning:
                report.warnings.append(r.warning)
            if r.blob is not None:
                fresh = True
                if store is not None and r.key is not None and r.blob:
                    try:
                        store.put(r.key, r.blob)
                    except OSError as e:  # a cache is a help, never a reason to fail
                        report.warnings.append(
                            f"{store.dir}: cannot write the cache ({e.strerror or e}); going on without it"
                        )
                        store = None
            if r.last_part:  # a big file counts once: extracted if any of its parts was
                if fresh:
                    report.extracted += 1
                else:
                    report.cached += 1
                fresh = False
            json_name = f"extractions/{json_stems[r.name]}.json"
            if r.json_records is None:
                outputs.write_text(json_name, r.json_text)
            else:  # a part of a big file: its JSON is written with the last part
                if joined is None:
                    joined = parts.DocumentJson(r.name, tmp_dir=out)
                joined.add(r.json_records)
            accepted = sink.add(r.plain, r.keyed)
            if view is not None:
                view.add(r.page)
                for block in accepted:
                    view.add(assemble.page_rows(block, base))
            if dataset is not None:
                dataset.document(r.name, assemble.decode_lines(r.plain))
            if joined is None:
                counts.update(
                    dict(zip(("articles", "institutions", "regions", "mechanisms", "facts", "outcomes"), r.counts))
                )
            elif r.last_part:
                with outputs.open(json_name) as f:
                    counts.update(joined.write(f))
                joined.close()
                joined = None
            if r.last_part:
                report.documents += 1
        bar.close()
        if worker_lines:
            for runs in eng.each_worker(assemble.WorkerLines.flush, worker_lines["lines_dir"]):
                sink.add_runs(runs)
        eng.close()  # the workers' memory is free before the graph is written
        if not report.documents:
            raise GovgraphError("nothing built: every input was skipped\n  " + "\n  ".join(report.skipped))
        # Turtle and N-Triples: by other processes, one range of the graph each, while this
        # one draws the page; with one worker, here, one after the other
        ranges = eng.workers if engine == "local" and eng.workers > 1 else 1
        if ranges > 1 and ("ttl" in formats or "nt" in formats):
            from .export import project_prefixes

            writers = assemble.RangeWriters(
                sink, project_prefixes(base), "ttl" in formats, "nt" in formats, ranges, tmp_dir=out
            )
        else:
            report.triples = _write_graph(outputs, sink, formats, base)
        if view is not None:
            # GraphML needs every node's attributes; the page reads only its nodes'
            nxg = view.to_networkx(None if "graphml" in formats else PAGE_NODES)
            view = None
            if "graphml" in formats:
                outputs.write_text(FORMATS["graphml"][0], graphml(nxg, node_attributes(sink.lines())))
            if page:
                from .viz import render_page

                # the whole sample graph fits; past 2,000 nodes the page keeps the most connected
                html, _ = render_page(nxg, title="govgraph", max_nodes=PAGE_NODES)
                outputs.write_text("govgraph.html", html)
            del nxg
        if writers is not None:
            report.triples = _write_graph(outputs, sink, formats, base, writers)
            writers.close()
            writers = None
        if dataset is not None:  # the shared graph, from the merged graph
            dataset.finish(sink.lines())
        for f in doc_files.values():
            f.close()
        report.written = outputs.commit()
        failed = False
    except BaseException:
        for f in doc_files.values():
            f.close()
        if writers is not None:
            writers.close()
        if joined is not None:
            joined.close()
        outputs.abort(fresh_folder=created)
        raise
    finally:
        if results is not None:
            results.close()
        eng.close()  # first: workers may be writing under the sink's folder
        sink.close()
        if failed:  # a failed build leaves no folder or cache of its own behind
            undo_failed(out, lock, folder=created, cache=cache_created)
        lock.release()
    if store is not None:
        store.prune()

    report.articles = counts["articles"]
    report.entities = {k: counts[k] for k in ("institutions", "regions", "mechanisms")}
    report.facts = counts["facts"]
    report.outcomes = counts["outcomes"]
    report.seconds = time.perf_counter() - t0
    return report


def _needs_extraction(files, store, max_bytes: int) -> bool:
    """Whether any file will be extracted (so workers need the rules and jieba loaded)."""
    if store is None:
        return True
    from .cache import document_key
    from .reader import read

    for f in files:
        try:
            src = read(f, max_bytes)
        except InputError:
            continue
        if not store.has(document_key(src.name, src.text)):
            return True
    return False


def _write_graph(outputs, sink, formats, base: str, writers=None) -> int:
    """Turtle and N-Triples in one pass over the sorted graph, or put together from the
    parts `writers` (`assemble.RangeWriters`) wrote; JSON-LD through rdflib."""
    from . import export
    from .assemble import write_range

    prefixes = export.project_prefixes(base)
    ttl = outputs.open(export.FORMATS["ttl"][0]) if "ttl" in formats else None
    nt = outputs.open(export.FORMATS["nt"][0]) if "nt" in formats else None
    try:
        if ttl is not None:
            ttl.write(export.prefix_header(prefixes))
        if writers is not None:
            n = writers.finish(ttl, nt)
        elif ttl is not None or nt is not None:
            n = write_range(sink, prefixes, ttl, nt)
        else:
            n = sum(map(len, sink.batches()))
    finally:
        for f in (ttl, nt):
            if f is not None:
                f.close()
    if "jsonld" in formats:
        with outputs.open(export.FORMATS["jsonld"][0]) as f:
            write_jsonld(sink.lines, f, prefixes)
    return n


def load_graph(path: str | Path):
    import rdflib

    p = Path(path)
    if not p.is_file():
        raise GovgraphError(f"{p}: graph file not found (run `govgraph build` first)")
    g = rdflib.Graph()
    try:
        g.parse(p, format="trig" if p.suffix == ".trig" else None)
    except Exception as e:
        raise GovgraphError(f"{p}: cannot parse graph ({type(e).__name__}: {e})") from None
    return g


def query(query_or_file: str, graph_path: str | Path, fmt: str = "table", **limits) -> str:
    """The query's results as text (see `govgraph.sparql.run` for formats and `limits`)."""
    import io

    from . import sparql

    buf = io.StringIO()
    sparql.run(query_or_file, graph_path, fmt, out=buf, **limits)
    return buf.getvalue()


def view(graph_path: str | Path, out: str | Path, *, focus=None, depth=2, region=None, max_nodes=500) -> dict:
    """A focused page of the graph, read from its Oxigraph store (`govgraph.store`)."""
    from .store import open_store
    from .store_view import to_networkx
    from .viz import render_page

    if max_nodes < 1:
        raise GovgraphError("--max-nodes must be at least 1")
    check_page_target(Path(out), Path(graph_path))
    html, stats = render_page(
        to_networkx(open_store(graph_path)),
        title="govgraph",
        max_nodes=max_nodes,
        focus=focus,
        depth=depth,
        region=region,
    )
    write_atomic(Path(out), html)
    return stats
