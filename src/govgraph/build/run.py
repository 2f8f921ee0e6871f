"""`build`: files in, graph files out, in named phases (`_Build.run`):

1. `extract`: the tasks (`tasks.tasks`) go to the engine (`govgraph.engines`: this process,
   local worker processes or a Dask cluster); their results come back in file-name order and
   are merged (`merge`): the extraction JSON written, the graph lines into the sink, the page
   rows into the view, each document's graph into N-Quads and TriG;
2. `gather`: the lines that local workers kept join the sink;
3. `write_graph`: Turtle and N-Triples by range writers (other processes) or here; JSON-LD;
4. `draw`: the page and GraphML, from the view (while the range writers work);
5. `finish`: the range writers' parts joined; the staging folder published in one step
   (`Outputs.commit`, `govgraph.build.switch`).

Documents merge in name order and every writer sorts, so the bytes depend only on the inputs.
"""

from __future__ import annotations

import os
import sys
import time
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..cache import ExtractionCache, document_key
from ..dataset import DatasetWriter
from ..engines import make_engine
from ..errors import GovgraphError, InputError
from ..export import FORMATS
from ..interchange import graphml, node_attributes, write_jsonld
from ..lexicon import load_user_lexicon
from ..lexicon import use as use_lexicon
from ..lock import BuildLock, remove_leftovers, undo_failed
from ..model import DEFAULT_BASE, check_base, prefix_header, project_prefixes
from ..reader import MAX_FILE_SIZE, Inputs, bundled_corpus, discover, extraction_stems, read, shown
from ..viz import render_page
from .collector import fewer_collections, settle
from .counts import TRIPLES_TOKEN, GraphCounts, fill_triples
from .jsonout import DocumentJson
from .outputs import Outputs
from .page import PageModel
from .rows import page_rows
from .sink import SPILL_BYTES, GraphSink, count_lines, decode_lines
from .switch import pause, remove_stale
from .tasks import DocResult, WorkerLines, run_task, tasks
from .writers import RangeWriters, write_range

EXIT_OK, EXIT_SKIPPED, EXIT_FAILED = 0, 1, 2
PAGE_NODES = 2000  # the build's page keeps the best-connected nodes up to this many


@dataclass
class BuildReport:
    documents: int = 0
    articles: int = 0
    entities: dict[str, int] = field(default_factory=dict)  # distinct nodes of the graph, per class
    facts: int = 0  # distinct relations between entities in the graph (`build.counts`)
    adopts: int = 0
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
            f"facts {self.facts} (adopts {self.adopts}), outcomes {self.outcomes}, triples {self.triples}",
            f"time {self.seconds:.2f} s",
        ]
        if self.cached:
            lines.append(f"cache: {self.cached} document(s) reused, {self.extracted} extracted")
        if self.skipped:
            lines.append(f"skipped {len(self.skipped)} file(s):")
            lines += [f"  {s}" for s in self.skipped]
        return "\n".join(lines)


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
    t0 = time.perf_counter()
    unknown = [f for f in formats if f not in FORMATS]
    if unknown:
        raise GovgraphError(f"unknown format(s): {', '.join(unknown)} (choose from {', '.join(FORMATS)})")
    base = check_base(base or DEFAULT_BASE)
    overlay = load_user_lexicon(lexicon) if lexicon is not None else None
    use_lexicon(overlay)  # here, before the cache key is made and the workers start
    inputs = Inputs(bundled_corpus()) if not paths else discover(paths)
    if str(out) == "":
        raise GovgraphError("-o: the output folder name is empty")
    out = Path(out)
    if out.is_symlink() and not out.exists():
        raise GovgraphError(f"{out}: is a symbolic link to a folder that does not exist")
    if out.exists() and not out.is_dir():
        raise GovgraphError(f"{out}: output path exists and is not a folder")
    store = ExtractionCache(out / ".cache" if cache is True else Path(cache)) if cache else None
    max_bytes = MAX_FILE_SIZE if max_file_size is None else max_file_size
    run = _Build(inputs, out, base, formats, page, store, max_bytes, overlay)
    run.default_cache = cache is True
    with fewer_collections():
        run.run(make_engine(engine, workers, scheduler), _Progress(len(inputs.files), progress))
    if run.store is not None:  # None too when the cache could not be written
        run.store.prune()
    run.report.seconds = time.perf_counter() - t0
    return run.report


class _Build:
    """One build's state, from the first task to the last rename."""

    def __init__(self, inputs: Inputs, out: Path, base: str, formats, page: bool, store, max_bytes: int, overlay):
        self.files, self.out, self.base, self.formats, self.page = inputs.files, out, base, formats, page
        self.store, self.max_bytes, self.overlay = store, max_bytes, overlay
        self.report = BuildReport(skipped=list(inputs.skipped))
        self.json_stems = extraction_stems([shown(f.name) for f in self.files])
        self.counts: Counter[str] = Counter()
        self.graph_counts = GraphCounts()  # what the graph holds, for the summary and the page
        self.page_html: str | None = None  # the page, until the triples are counted
        self.doc_files: dict[str, Any] = {}  # N-Quads and TriG: written document by document
        self.joined: DocumentJson | None = None  # the JSON of a big file, put together from its parts
        self.fresh = False  # the current file (or one of its parts so far) was extracted in this run
        self.writers: RangeWriters | None = None
        self.dataset: DatasetWriter | None = None  # N-Quads and TriG
        self.default_cache = False  # the cache is OUT/.cache (a failed first build removes it)

    def run(self, eng, bar: _Progress) -> None:
        created = not self.out.exists()
        cache_created = self.default_cache and not (self.out / ".cache").exists()
        lock = BuildLock(self.out).acquire()  # creates OUT; a second build into OUT stops here
        try:
            self.start()
        except BaseException:
            lock.release()
            raise
        failed = True
        results = None
        try:
            results = self.extract(eng, bar)
            self.gather(eng)
            settle()  # what is alive now (rules, view, counts) stays to the end
            self.write_graph()
            self.draw()
            self.finish()
            pause("written")
            _close_work(results, eng, self.sink)  # before the switch: the work folders are in the staging folder
            self.report.written = self.outputs.commit(graph=self.graph_counts.summary(self.report.triples))
            self.report.warnings += self.outputs.warnings
            failed = False
        except BaseException:
            self.abort(created)
            raise
        finally:
            _close_work(results, eng, self.sink)
            if failed and not self.outputs.published:  # a failed build leaves no folder or cache of its own
                undo_failed(self.out, lock, folder=created, cache=cache_created)
            lock.release()
        report = self.report
        report.articles = self.counts["articles"]
        held = self.graph_counts.summary(report.triples)
        report.entities = {k: int(held[k]) for k in ("institutions", "regions", "mechanisms")}
        report.facts, report.adopts, report.outcomes = int(held["facts"]), int(held["adopts"]), int(held["outcomes"])

    def start(self) -> None:
        """Clear what killed builds left, and make the staging folder: the work folders go in it too."""
        remove_leftovers(self.out)
        _, kept = remove_stale(self.out)
        self.report.warnings += [
            f"{k}: a killed build's folder, with files govgraph did not write; left there" for k in kept
        ]
        self.outputs = Outputs(self.out)
        self.work = self.outputs.stage.path
        self.view = PageModel() if self.page or "graphml" in self.formats else None
        self.sink = GraphSink(tmp_dir=self.work)

    # ------------------------------------------------------------------ the phases

    def extract(self, eng, bar: _Progress):
        per_doc = [fmt for fmt in ("nq", "trig") if fmt in self.formats]
        # local worker processes keep the graph lines (`WorkerLines`), unless each document's
        # graph is written on its own (N-Quads, TriG), which needs them here
        self.keep_lines = None
        if eng.local_workers and not per_doc:
            self.keep_lines = (self.sink.work_dir(), SPILL_BYTES // eng.workers)
        self.doc_files = {fmt: self.outputs.open(FORMATS[fmt][0]) for fmt in per_doc}
        self.dataset = DatasetWriter(self.doc_files, self.base) if self.doc_files else None
        if eng.local_workers and eng.workers > 1 and ("ttl" in self.formats or "nt" in self.formats):
            # started now, they get ready while the rules load (`RangeWriters`)
            self.writers = RangeWriters(eng.workers, tmp_dir=self.work)
        work = tasks(self.files, self.base, self.store, self.max_bytes, self.keep_lines, self.overlay)
        results = eng.imap(run_task, work, warm=_warm_pool(eng, self.files, self.store, self.max_bytes))
        for r in results:
            if r.last_part:
                bar.step(r.name)
            if r.error:
                self.report.skipped.append(r.error)
            else:
                self.merge(r)
        bar.close()
        return results

    def merge(self, r: DocResult) -> None:
        """One document's (or part's) result, in file-name order."""
        report = self.report
        if r.warning:
            report.warnings.append(r.warning)
        if r.blob is not None:
            self.fresh = True
            if self.store is not None and r.key is not None and r.blob:
                try:
                    self.store.put(r.key, r.blob)
                except OSError as e:  # a cache is a help, never a reason to fail
                    report.warnings.append(
                        f"{self.store.dir}: cannot write the cache ({e.strerror or e}); going on without it"
                    )
                    self.store = None
        json_name = f"extractions/{self.json_stems[r.name]}.json"
        if r.json_records is None:
            self.outputs.write_text(json_name, r.json_text)
            self.counts.update(r.counts)
        else:  # a part of a big file: its JSON is written with the last part
            if self.joined is None:
                self.joined = DocumentJson(r.name, tmp_dir=self.work)
            self.joined.add(r.json_records)
            if r.last_part:
                with self.outputs.open(json_name) as f:
                    self.counts.update(self.joined.write(f))
                self.joined.close()
                self.joined = None
        accepted = self.sink.add(r.plain, r.keyed)
        rows = [r.page] + [page_rows(block, self.base) for block in accepted]
        for part in rows:
            self.graph_counts.add(part)
            if self.view is not None:
                self.view.add(part)
        if self.dataset is not None:
            self.dataset.document(r.name, decode_lines(r.plain))
        if r.last_part:  # a big file counts once: extracted if any of its parts was
            report.documents += 1
            pause("merged")
            if self.fresh:
                report.extracted += 1
            else:
                report.cached += 1
            self.fresh = False

    def gather(self, eng) -> None:
        if self.keep_lines is not None:
            for runs in eng.each_worker(WorkerLines.flush, self.keep_lines[0]):
                self.sink.add_runs(runs)
        eng.close()  # the workers' memory is free before the graph is written
        if not self.report.documents:
            raise GovgraphError("nothing built: every input was skipped\n  " + "\n  ".join(self.report.skipped))

    def write_graph(self) -> None:
        """Turtle and N-Triples: by other processes, one range of the graph each, while this
        one draws the page; with one worker, here, one after the other."""
        formats = self.formats
        if self.writers is not None:
            self.writers.write(self.sink, project_prefixes(self.base), "ttl" in formats, "nt" in formats)
            pause("ranges")
        else:
            self.report.triples = _write_graph(self.outputs, self.sink, formats, self.base)

    def draw(self) -> None:
        if self.view is None:
            return
        # GraphML needs every node's attributes; the page reads only its nodes'
        nxg = self.view.to_networkx() if "graphml" in self.formats else self.view.page_graph(PAGE_NODES)
        self.view = None
        if "graphml" in self.formats:
            self.outputs.write_text(FORMATS["graphml"][0], graphml(nxg, node_attributes(self.sink.lines())))
        if self.page:
            # the whole sample graph fits; past 2,000 nodes the page keeps the most connected.
            # Written in `finish`, when the range writers have counted the triples.
            summary = self.graph_counts.summary(TRIPLES_TOKEN if self.writers is not None else self.report.triples)
            self.page_html, _ = render_page(nxg, title="govgraph", max_nodes=PAGE_NODES, summary=summary)

    def finish(self) -> None:
        if self.writers is not None:
            self.report.triples = _write_graph(self.outputs, self.sink, self.formats, self.base, self.writers)
            self.writers.close()
            self.writers = None
        if self.page_html is not None:
            self.outputs.write_text("govgraph.html", fill_triples(self.page_html, self.report.triples))
            self.page_html = None
        if self.dataset is not None:  # the shared graph, from the merged graph
            self.dataset.finish(self.sink.lines())
        for f in self.doc_files.values():
            f.close()

    def abort(self, created: bool) -> None:
        for f in self.doc_files.values():
            f.close()
        if self.writers is not None:
            self.writers.close()
        if self.joined is not None:
            self.joined.close()
        self.outputs.abort(fresh_folder=created)


def _close_work(results, eng, sink: GraphSink) -> None:
    """End the workers, then remove the sort files (workers may be writing under them)."""
    if results is not None:
        results.close()
    eng.close()
    sink.close()


def _warm_pool(eng, files, store, max_bytes: int) -> bool:
    """Whether `eng` is a local pool (which loads the rules before any task) and a file will be extracted."""
    if not eng.local_workers or store is None:
        return eng.local_workers
    for f in files:
        try:
            src = read(f, max_bytes)
        except InputError:
            continue
        if not store.has(document_key(src.name, src.text)):
            return True
    return False


def _write_graph(outputs: Outputs, sink: GraphSink, formats, base: str, writers: RangeWriters | None = None) -> int:
    """Turtle and N-Triples in one pass over the sorted graph, or put together from the
    parts `writers` wrote; JSON-LD through rdflib."""
    prefixes = project_prefixes(base)
    ttl = outputs.open(FORMATS["ttl"][0]) if "ttl" in formats else None
    nt = outputs.open(FORMATS["nt"][0]) if "nt" in formats else None
    try:
        if ttl is not None:
            ttl.write(prefix_header(prefixes))
        if writers is not None:
            n = writers.finish(ttl, nt)
        elif ttl is not None or nt is not None:
            n = write_range(sink, prefixes, ttl, nt)
        else:
            n = sum(map(count_lines, sink.items()))
    finally:
        for f in (ttl, nt):
            if f is not None:
                f.close()
    if "jsonld" in formats:
        with outputs.open(FORMATS["jsonld"][0]) as f:
            write_jsonld(sink.lines, f, prefixes)
    return n
