"""The parts of `build` between extraction and the files on disk.

* `run_task` is what a worker does with one document (or one part of a big file,
  `govgraph.parts`): extract it (or read its cached records), then render what the
  merge needs: the extraction JSON, the document's N-Triples lines (`govgraph.triples`, as
  one UTF-8 block) and the rows the network page is drawn from. Results are bytes, strings
  and tuples, cheap to send back from another process or machine.
* `GraphSink` merges the documents' lines into one sorted, de-duplicated graph in bounded
  memory: past a threshold, sorted runs go to disk (with an index) and are merged at the
  end, by range if need be. With local worker processes, each keeps its documents' lines
  in a sink of its own and hands over only its runs (`WorkerLines`).
* `write_range` writes a range of the graph as Turtle and N-Triples; `RangeWriters` has
  several processes (`govgraph._write_range`) do that in parallel.
* `PageModel` accumulates, document by document, exactly the networkx view
  `export.to_networkx` makes of the whole rdflib graph, keeping only what the view shows
  (at most five evidence sentences per node), so the page needs no graph in memory.
* `Outputs` writes every file under a temporary name and renames them all at the end.
"""

from __future__ import annotations

import json
import os
import shutil
import tempfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from . import codec
from .errors import GovgraphError
from .lexicon import use as use_lexicon
from .lexicon_user import Overlay
from .lifetime import PARENT_ENV
from .triples import GG_NS, ORG_NS, PROV_NS, RDF_NS, RDFS_NS, SDO_NS, SKOS_NS, parse_literal

# ---------------------------------------------------------------------------- worker side


@dataclass
class Task:
    name: str  # document (file) name
    path: str
    base: str
    source: Any = None  # the decoded document (`reader.Source`), to extract
    blob: bytes | None = None  # cached records (`codec` JSON), to reuse when they check out
    error: str | None = None  # the file could not be read: reported in its place
    key: str | None = None  # cache key: set when the records are to be cached
    part: Any = None  # a part of a big file (`parts.Part`) to extract: its text comes segmented
    parted: bool = False  # the task is a part of a big file (extracted or cached)
    last_part: bool = True  # the file's last part (or a whole file)
    lines_dir: str | None = None  # keep the graph lines in the worker, spilled under here (`WorkerLines`)
    lines_bytes: int = 0  # ... spilled past this many bytes
    lexicon: Overlay | None = None  # the user's lexicon (`--lexicon`), None: the bundled rules


@dataclass
class DocResult:
    name: str
    path: str
    error: str | None = None
    key: str | None = None
    blob: bytes | None = None  # freshly extracted: the records for the cache (b"": not cached)
    warning: str | None = None  # a cached entry that did not check out (extracted again)
    json_text: str = ""
    json_records: dict | None = None  # a part of a big file: its records, for `parts.DocumentJson`
    last_part: bool = True
    plain: bytes = b""  # the document's N-Triples lines, sorted, unique, joined by newlines, UTF-8
    keyed: dict = field(default_factory=dict)  # (kind, iri) -> lines, first occurrence
    page: list = field(default_factory=list)
    counts: tuple = (0, 0, 0, 0, 0, 0)  # articles, institutions, regions, mechanisms, facts, outcomes

    @property
    def extracted(self) -> bool:
        return self.blob is not None


def run_task(task: Task) -> DocResult:
    from .pipeline import process, to_json
    from .triples import TripleEmitter

    if task.error is not None:
        return DocResult(task.name, task.path, error=task.error)
    use_lexicon(task.lexicon)  # a worker process or a Dask worker extracts with the build's rules
    x, blob, warning = None, None, None
    if task.blob is not None:
        try:
            x = codec.decode(task.blob, task.name, task.key or "")
        except codec.BadEntry as e:  # dropped: the text is here to extract again
            warning = f"{task.path}: cache entry dropped ({e}); extracted again"
    if x is None:
        if task.part is not None:
            from .extract import extract_document

            x = extract_document(task.name, task.part.clean, task.part.articles)
        else:
            try:
                x = process(task.source)
            except Exception as e:  # a rule that fails on one text loses that document only
                return DocResult(
                    task.name, task.path, error=f"{task.path}: extraction failed ({type(e).__name__}: {e})"
                )
        blob = codec.encode(x, task.key) if task.key is not None else b""
    json_text, json_records = "", None
    if task.parted:
        from .parts import part_records

        json_records = part_records(x)
    else:
        json_text = dumps(to_json(x)) + "\n"
    dt = TripleEmitter(task.base).emit(x)
    counts = (
        len(x.articles),
        len(x.institutions),
        len(x.regions),
        len(x.mechanisms),
        len(x.adopts) + len(x.facts),
        len(x.quantities),
    )
    plain = encode_lines(sorted(set(dt.plain)))
    if task.lines_dir is not None:
        WorkerLines.here(task.lines_dir, task.lines_bytes).add(plain, {})
        plain = b""
    return DocResult(
        task.name,
        task.path,
        key=task.key,
        blob=blob,
        warning=warning,
        json_text=json_text,
        json_records=json_records,
        last_part=task.last_part,
        plain=plain,
        keyed=dt.keyed,
        page=fewest_evidence_rows(page_rows(dt.plain, task.base, dt.evidence)),
        counts=counts,
    )


class WorkerLines:
    """The graph lines kept where they were made: each worker process of a local pool adds
    its documents' lines to a `GraphSink` of its own, spilled to sorted runs in a folder of
    the build's sink, and hands over only the runs, once, at the end (`flush`, run in every
    worker by `LocalEngine.each_worker`). The lines (several times the size of the input)
    then never cross a pipe, and the parent neither holds nor sorts them; the lines that
    depend on document order (`keyed`) still go to the parent. The runs differ with the
    scheduling, but not the graph merged from them."""

    _sink: GraphSink | None = None  # this process's

    @classmethod
    def here(cls, folder: str, spill_bytes: int) -> GraphSink:
        sink = cls._sink
        if sink is None or sink.tmp_dir != folder:
            sink = cls._sink = GraphSink(folder, spill_bytes=spill_bytes)
        return sink

    @classmethod
    def flush(cls, folder: str) -> list:
        """This process's lines under `folder`, all in runs now; the runs, with their indexes."""
        sink, cls._sink = cls._sink, None
        if sink is None or sink.tmp_dir != folder:
            return []
        sink.spill_all()
        return sink.runs


# ---------------------------------------------------------------------------- JSON


encode_json = json.JSONEncoder(ensure_ascii=False).encode


def dumps(obj: dict) -> str:
    """A document's extraction as JSON, one record per line:

        {
         "document": "a.txt",
         "institutions": [
          {"name": "荆州市中级人民法院", "kind": "court", ...},
          ...
         ],
         ...
        }

    Readable and diff-friendly like an indented dump, but each record goes through the
    standard library's C encoder (indentation makes `json.dumps` fall back to pure Python,
    several times slower). Non-ASCII characters are written as they are."""
    enc = encode_json
    parts = []
    for k, v in obj.items():
        if isinstance(v, (list, tuple)) and v:
            body = ",\n  ".join([enc(item) for item in v])
            parts.append(f"{enc(k)}: [\n  {body}\n ]")
        else:
            parts.append(f"{enc(k)}: {enc(v)}")
    return "{\n " + ",\n ".join(parts) + "\n}" if parts else "{}"


# ---------------------------------------------------------------------------- page rows

_TYPE = f"<{RDF_NS}type>"
_MENTION = f"<{GG_NS}mentionedIn>"
_DERIVED = f"<{PROV_NS}wasDerivedFrom>"
_SENTENCE = f"<{GG_NS}sentence>"
_SOURCE = "<http://www.w3.org/ns/oa#hasSource>"
_NAME = f"<{SDO_NS}name>"
# predicate -> row code; edges keep `export.REL_LABELS` names
_PAGE_P = {
    f"<{SKOS_NS}prefLabel>": "pref",
    f"<{RDFS_NS}label>": "label",
    f"<{SKOS_NS}altLabel>": "alt",
    f"<{GG_NS}level>": "level",
    f"<{SDO_NS}unitText>": "unit",
    f"<{GG_NS}metric>": "metric",
    f"<{GG_NS}surfaceText>": "text",
    f"<{GG_NS}adopts>": "adopts",
    f"<{GG_NS}locatedIn>": "located in",
    f"<{ORG_NS}subOrganizationOf>": "part of",
    f"<{SKOS_NS}broader>": "broader",
    f"<{SDO_NS}containedInPlace>": "contained in",
    f"<{GG_NS}subject>": "outcome of",
    f"<{GG_NS}aboutMechanism>": "about mechanism",
}
_LITERAL_ROWS = {"pref", "label", "alt", "unit", "metric", "text"}
EDGE_ORDER = ("adopts", "located in", "part of", "broader", "contained in", "outcome of", "about mechanism")
ORGANIZATION = f"{ORG_NS}Organization"
AREA = f"{SDO_NS}AdministrativeArea"
CONCEPT = f"{SKOS_NS}Concept"
DISCOVERED = f"{GG_NS}DiscoveredMechanism"
OUTCOME = f"{GG_NS}Outcome"


def _node_types() -> set[str]:
    from .graph import KIND_CLASS

    return {ORGANIZATION, AREA, CONCEPT, DISCOVERED, OUTCOME} | {GG_NS + v for v in KIND_CLASS.values()}


_NODE_TYPES = _node_types()


def page_rows(lines: list[str], base: str, evidence: dict | None = None) -> list[tuple]:
    """(subject, code, value) rows for `PageModel`, in the order the lines were made.

    Values: an IRI (no brackets), a (lexical, language) pair, or for evidence links
    (evidence IRI, document name, sentence). `evidence` (from `DocTriples`) names each
    evidence node's document and sentence; without it they are read from the lines."""
    if evidence is None:
        evidence = _evidence_of(lines)
    skip = (f"<{base}evidence/", f"<{base}statement/")
    rows: list[tuple] = []
    for line in lines:
        if line.startswith(skip):
            continue
        s, p, o = line.split(" ", 2)
        if p == _TYPE:
            if o[1:-1] in _NODE_TYPES:
                rows.append((s[1:-1], "type", o[1:-1]))
        elif p in _PAGE_P:
            code = _PAGE_P[p]
            if code in _LITERAL_ROWS:
                lex, lang, _ = parse_literal(o)
                rows.append((s[1:-1], code, (lex, lang)))
            else:
                rows.append((s[1:-1], code, o[1:-1]))
        elif p == _MENTION or p == _DERIVED:
            doc, sentence = evidence.get(o, (None, None))
            rows.append((s[1:-1], "ev_m" if p == _MENTION else "ev_d", (o[1:-1], doc, sentence)))
    return rows


def fewest_evidence_rows(rows: list[tuple]) -> list[tuple]:
    """The rows without the evidence links `PageModel` would drop anyway: per node, only the
    evidence items that are among its smallest in this document. (The smallest of all
    documents are among the smallest of each, so the page comes out the same.) Most rows of
    a big document are evidence links; the parent merges far fewer."""
    best: dict[tuple, dict] = {}
    for s, code, v in rows:
        if code == "ev_m" or code == "ev_d":
            ev, doc, sentence = v
            if sentence is None:
                continue
            d = best.get((s, code))
            if d is None:
                d = best[(s, code)] = {}
            _keep_smallest(d, (doc, sentence), ev, _EV_KEEP[code])
    out = []
    for row in rows:
        s, code, v = row
        if code == "ev_m" or code == "ev_d":
            ev, doc, sentence = v
            d = best.get((s, code))
            if d is None or d.get((doc, sentence)) != ev:
                continue
        out.append(row)
    return out


def _evidence_of(lines: list[str]) -> dict:
    """Evidence node -> (name of its document, sentence), as `export.to_networkx` reads them."""
    sentence: dict[str, str] = {}
    source: dict[str, str] = {}
    names: dict[str, str] = {}
    for line in lines:
        s, p, o = line.split(" ", 2)
        if p == _SENTENCE:
            sentence[s] = parse_literal(o)[0]
        elif p == _SOURCE:
            source[s] = o
        elif p == _NAME:
            names[s] = parse_literal(o)[0]
    out = {}
    for ev, src in source.items():
        out[ev] = (names.get(src, src[1:-1]), sentence.get(ev))
    return out


# ---------------------------------------------------------------------------- the graph


_RUN_CHUNK = 10_000  # lines per indexed chunk of a run file
SPILL_BYTES = 100_000_000  # bytes of lines held before a sorted run goes to disk


def encode_lines(lines: list[str]) -> bytes:
    """Lines as one UTF-8 block: one object to send between processes and to hold, where a
    list of strings costs an object (and an unpickling step) per line. Byte order of UTF-8
    is code-point order, so blocks sort as their strings do."""
    return "\n".join(lines).encode("utf-8")


def decode_lines(block: bytes) -> list[str]:
    return block.decode("utf-8").split("\n") if block else []


class GraphSink:
    """Sorted, de-duplicated union of N-Triples lines, in bounded memory.

    `add` takes each document's sorted lines (a UTF-8 block, `encode_lines`) and its keyed
    blocks, in document order; for each key the first block is kept. Past `spill_bytes` the
    buffered lines are sorted and written to a run file with a sparse index (a chunk's
    first line and its byte offset), so a range of the graph can be read from every run
    without reading the runs whole. `batches()` and `lines()` yield the graph (or the range
    [lo, hi) of it), sorted and unique, merged from the runs and the buffer; they may be
    called more than once. `spill_all` leaves everything in runs, which other processes
    can read (`runs`, `from_runs`), one range each (`split_points`). Runs other sinks
    wrote join with `add_runs` (`WorkerLines`)."""

    def __init__(self, tmp_dir: str | os.PathLike | None = None, spill_bytes: int | None = None):
        self.tmp_dir = tmp_dir
        self.spill_bytes = SPILL_BYTES if spill_bytes is None else spill_bytes
        self.blocks: list[bytes] = []
        self.size = 0
        self.buf: list[str] = []  # the final in-memory lines, sorted (`_finalise`)
        self.runs: list[tuple[str, list[str], list[int]]] = []  # path, chunk first lines, offsets
        self.keyed: dict = {}
        self._dir: str | None = None
        self._final = False

    @classmethod
    def from_runs(cls, runs: list) -> GraphSink:
        """A reader of runs another sink wrote (after its `spill_all`)."""
        sink = cls()
        sink.runs = list(runs)
        sink._final = True
        return sink

    def add(self, lines: bytes | list[str], keyed: dict) -> list[list[str]]:
        """Returns the blocks accepted from this document (keys not seen before)."""
        if isinstance(lines, list):
            lines = encode_lines(lines)
        if lines:
            self.blocks.append(lines)
            self.size += len(lines)
        accepted = []
        for k, block in keyed.items():
            if k not in self.keyed:
                self.keyed[k] = block
                accepted.append(block)
        if self.size > self.spill_bytes:
            self._spill(b"\n".join(self.blocks).split(b"\n"))
            self.blocks = []
            self.size = 0
        return accepted

    def add_runs(self, runs: list) -> None:
        """Runs another sink wrote (under `work_dir()`, which `close` removes)."""
        if self._final:
            raise RuntimeError("add_runs after reading")
        self.runs += [(path, list(firsts), list(offsets)) for path, firsts, offsets in runs]

    def work_dir(self) -> str:
        """The folder of this sink's runs, made on first use."""
        if self._dir is None:
            self._dir = tempfile.mkdtemp(prefix=".govgraph-sort-", dir=self.tmp_dir)
        return self._dir

    def _spill(self, lines: list[bytes]) -> None:
        """Sort UTF-8 lines and write them as a run with its index."""
        lines.sort()  # repeats stay: every reader drops them (`batches`), at no cost to this process
        path = os.path.join(self.work_dir(), f"run{len(self.runs):05d}")
        firsts: list[str] = []
        offsets: list[int] = []
        at = 0
        with open(path, "wb") as f:
            for i in range(0, len(lines), _RUN_CHUNK):
                chunk = lines[i : i + _RUN_CHUNK]
                firsts.append(chunk[0].decode("utf-8"))
                offsets.append(at)
                chunk.append(b"")
                data = b"\n".join(chunk)
                f.write(data)
                at += len(data)
        self.runs.append((path, firsts, offsets))

    def spill_all(self) -> None:
        """Everything to runs on disk (the buffer, the keyed blocks): nothing left in memory."""
        if self._final:
            raise RuntimeError("spill_all after reading")
        self._final = True
        lines = b"\n".join(self.blocks).split(b"\n") if self.blocks else []
        self.blocks = []
        self.size = 0
        for block in self.keyed.values():
            lines += [ln.encode("utf-8") for ln in block]
        if lines:
            self._spill(lines)

    def _finalise(self) -> None:
        if self._final:
            return
        self._final = True
        self.buf = decode_lines(b"\n".join(self.blocks))
        self.blocks = []
        for block in self.keyed.values():
            self.buf += block
        self.buf.sort()

    def split_points(self, parts: int) -> list[str]:
        """Up to `parts` - 1 increasing keys that cut the graph into ranges of about equal
        size. Each key is a subject followed by a space: all of a subject's lines fall in
        one range, so Turtle written range by range and concatenated is the Turtle of the whole."""
        self._finalise()
        if parts < 2:
            return []
        # a sample in which every key stands for about the same number of lines
        keys = [k for _, firsts, _ in self.runs for k in firsts]
        step = _RUN_CHUNK if self.runs else max(1, len(self.buf) // (64 * parts))
        keys += self.buf[::step]
        keys.sort()
        cuts: list[str] = []
        for i in range(1, parts):
            if not keys:
                break
            cut = keys[len(keys) * i // parts].split(" ", 1)[0] + " "
            if not cuts or cut > cuts[-1]:
                cuts.append(cut)
        return cuts

    def batches(self, size: int = 50_000, lo: str | None = None, hi: str | None = None):
        """The graph's lines in [lo, hi) (None: unbounded) as lists of sorted, unique lines."""
        self._finalise()
        if self.runs:
            per = max(1000, size // (len(self.runs) + 1))
            sources = [self._run_blocks(r, per, lo, hi) for r in self.runs] + [self._memory_blocks(per, lo, hi)]
            blocks = _merge_blocks(sources)
        else:
            blocks = self._memory_blocks(size, lo, hi)
        prev = None
        for batch in blocks:
            batch = list(dict.fromkeys(batch))
            if batch and batch[0] == prev:
                del batch[0]
            if batch:
                prev = batch[-1]
                yield batch

    def lines(self, lo: str | None = None, hi: str | None = None):
        for batch in self.batches(lo=lo, hi=hi):
            yield from batch

    def _memory_blocks(self, size: int, lo: str | None, hi: str | None):
        import bisect

        buf = self.buf
        i = 0 if lo is None else bisect.bisect_left(buf, lo)
        j = len(buf) if hi is None else bisect.bisect_left(buf, hi)
        for k in range(i, j, size):
            yield buf[k : min(k + size, j)]

    @staticmethod
    def _run_blocks(run, size: int, lo: str | None, hi: str | None):
        """A run's lines in [lo, hi), in blocks of about `size` lines: seek to the chunk that
        holds `lo`, then read bytes and split them (much faster than iterating lines)."""
        import bisect

        path, firsts, offsets = run
        start = 0 if lo is None else max(0, bisect.bisect_right(firsts, lo) - 1)
        if start >= len(offsets):
            return
        with open(path, "rb") as f:
            f.seek(offsets[start])
            rest = b""
            while True:
                data = f.read(size * 128)  # about `size` lines
                if not data:
                    return  # every line of a run ends with a newline: nothing is left in `rest`
                data = rest + data
                cut = data.rfind(b"\n")
                if cut < 0:
                    rest = data
                    continue
                rest = data[cut + 1 :]
                block = data[:cut].decode("utf-8").split("\n")
                if lo is not None and block[0] < lo:
                    del block[: bisect.bisect_left(block, lo)]
                if hi is not None and block and block[-1] >= hi:
                    yield block[: bisect.bisect_left(block, hi)]
                    return
                if block:
                    yield block

    def close(self) -> None:
        self.buf = []
        if self._dir is not None:
            shutil.rmtree(self._dir, ignore_errors=True)
            self._dir = None


def _merge_blocks(sources):
    """k-way merge of sorted sources given as blocks: take a block from every source, emit
    (sorted at C speed) all lines up to the smallest of the blocks' last lines, keep the
    rest for the next round."""
    import bisect

    iters = [iter(s) for s in sources]
    pending: list[list[str]] = [[] for _ in iters]
    live = list(range(len(iters)))
    while live:
        for i in live:
            if not pending[i] or len(pending[i]) < 1000:
                more = next(iters[i], None)
                while more is not None and not more:  # skip empty blocks
                    more = next(iters[i], None)
                if more is not None:
                    pending[i].extend(more)
        live = [i for i in live if pending[i]]
        if not live:
            break
        # lines up to `bound` are final: every source's next line is larger
        bound = min(pending[i][-1] for i in live)
        out: list[str] = []
        for i in live:
            cut = bisect.bisect_right(pending[i], bound)
            out += pending[i][:cut]
            del pending[i][:cut]
        out.sort()
        yield out


# ---------------------------------------------------------------------------- graph files


def write_range(
    sink: GraphSink, prefixes: dict, ttl=None, nt=None, lo: str | None = None, hi: str | None = None
) -> int:
    """Turtle statements (no prefix header) and N-Triples of the sink's lines in [lo, hi) to
    open text files; returns the number of triples."""
    from .export import TurtleWriter, ntriples_text

    writer = TurtleWriter(prefixes)
    n = 0
    for batch in sink.batches(lo=lo, hi=hi):
        n += len(batch)
        if ttl is not None:
            ttl.write(writer.feed(batch))
        if nt is not None:
            nt.write(ntriples_text(batch))
    if ttl is not None:
        ttl.write(writer.close())
    return n


class RangeWriters:
    """The graph's Turtle and N-Triples written by `parts` processes, one range of subjects
    each (`GraphSink.split_points`), while this process goes on (with the page); `finish`
    puts the parts together. The bytes are those of one `write_range` over the whole graph:
    every subject's statements lie in one part, and parts are joined as consecutive
    statements are.

    The sink is first spilled whole to its run files, which the writers read; they are
    fresh interpreters (`python -m govgraph._write_range`), not forks, so they hold none of
    this process's memory."""

    def __init__(self, sink: GraphSink, prefixes: dict, ttl: bool, nt: bool, parts: int, tmp_dir=None):
        import subprocess
        import sys

        self.ttl, self.nt = ttl, nt
        sink.spill_all()
        bounds = [None, *sink.split_points(parts), None]
        self.dir = tempfile.mkdtemp(prefix=".govgraph-parts-", dir=tmp_dir)
        self.stems = [os.path.join(self.dir, f"part{i:03d}") for i in range(len(bounds) - 1)]
        env = dict(os.environ)  # the child imports this very govgraph
        env[PARENT_ENV] = str(os.getpid())  # and ends with this process
        package_root = str(Path(__file__).resolve().parent.parent)
        env["PYTHONPATH"] = os.pathsep.join([package_root, *filter(None, [env.get("PYTHONPATH")])])
        self.procs = []
        for stem, lo, hi in zip(self.stems, bounds, bounds[1:]):
            with open(stem + ".json", "w", encoding="utf-8") as f:
                json.dump(
                    {"runs": sink.runs, "prefixes": prefixes, "ttl": ttl, "nt": nt, "lo": lo, "hi": hi, "stem": stem},
                    f,
                    ensure_ascii=False,
                )
            with open(stem + ".log", "wb") as log:
                self.procs.append(
                    subprocess.Popen(
                        [sys.executable, "-m", "govgraph._write_range", stem + ".json"],
                        stdin=subprocess.DEVNULL,
                        stdout=log,
                        stderr=log,
                        env=env,
                    )
                )

    def finish(self, ttl_file=None, nt_file=None) -> int:
        """Wait for the parts and append them to the open output files; the triple count."""
        for p in self.procs:
            p.wait()
        counts = []
        for p, stem in zip(self.procs, self.stems):
            if p.returncode != 0:
                why = f"exit code {p.returncode}"
                for ext in (".err", ".log"):
                    try:
                        with open(stem + ext, encoding="utf-8", errors="replace") as f:
                            text = f.read().strip()
                    except OSError:
                        continue
                    if text:
                        why = text.splitlines()[-1]
                        break
                raise GovgraphError(f"writing the graph failed: {why}")
            with open(stem + ".n", encoding="ascii") as f:
                counts.append(int(f.read()))
        n = sum(counts)
        for ext, out in (("ttl", ttl_file), ("nt", nt_file)):
            if out is None:
                continue
            out.flush()
            first = True
            for stem, count in zip(self.stems, counts):
                if not count:
                    continue
                if ext == "ttl" and not first:
                    out.buffer.write(b"\n")  # the blank line between two subjects' statements
                first = False
                with open(f"{stem}.{ext}", "rb") as f:
                    shutil.copyfileobj(f, out.buffer, 1 << 20)
        return n

    def close(self) -> None:
        for p in self.procs:
            if p.poll() is None:
                p.kill()
            p.wait()
        shutil.rmtree(self.dir, ignore_errors=True)


def range_child(runs, prefixes, ttl, nt, lo, hi, stem) -> None:
    """What a writer process does (`govgraph._write_range`)."""
    try:
        sink = GraphSink.from_runs(runs)
        files = [
            open(f"{stem}.{ext}", "w", encoding="utf-8", newline="\n", buffering=1 << 20) if want else None
            for ext, want in (("ttl", ttl), ("nt", nt))
        ]
        try:
            n = write_range(sink, prefixes, files[0], files[1], lo, hi)
        finally:
            for f in files:
                if f is not None:
                    f.close()
        with open(stem + ".n", "w", encoding="ascii") as f:
            f.write(str(n))
    except BaseException as e:  # reported by the parent, without a traceback
        with open(stem + ".err", "w", encoding="utf-8") as f:
            f.write(f"{type(e).__name__}: {e}")
        raise SystemExit(1) from None


# ---------------------------------------------------------------------------- the page's view

_FIRST = ("located in", "outcome of")  # read with graph.value(): rdflib returns the first added
_EV_M_KEEP = 5  # export.to_networkx keeps five evidence items per node
_EV_D_KEEP = 10  # derived-from items come after mention items: keep enough to fill up
_EV_KEEP = {"ev_m": _EV_M_KEEP, "ev_d": _EV_D_KEEP}
_NODE_SETS = ("pref", "label", "alt")  # page-row codes that collect a set of values
_NODE_FIRST = ("level", "unit", "metric", "text")  # ... that keep the first value


class _Node:
    __slots__ = ("types", "pref", "label", "alt", "level", "unit", "metric", "text", "ev_m", "ev_d")

    def __init__(self):
        self.types: set[str] = set()
        self.pref = self.label = self.alt = ()  # sets once something is added: most nodes have few
        self.level = self.unit = self.metric = self.text = None
        self.ev_m: dict | None = None
        self.ev_d: dict | None = None


def _keep_smallest(d: dict, item, key, limit: int) -> None:
    """d: item -> smallest key seen; holds the `limit` items with the smallest keys."""
    old = d.get(item)
    if old is not None:
        if key < old:
            d[item] = key
        return
    if len(d) < limit:
        d[item] = key
        return
    worst = max(d, key=d.__getitem__)
    if key < d[worst]:
        del d[worst]
        d[item] = key


def _node_evidence(n: _Node) -> list[dict]:
    """The node's first five evidence sentences, as `export.to_networkx` lists them."""
    out: list[dict] = []
    for d in (n.ev_m, n.ev_d):
        if d:
            for item, _ in sorted(d.items(), key=lambda kv: kv[1]):
                doc, sentence = item
                e = {"document": doc, "sentence": sentence}
                if e not in out:
                    out.append(e)
    return out[:5]


def _node_aliases(n: _Node) -> list[str]:
    return sorted({lex for lex, lang in n.alt if lang == "zh"})


def _nothing(n: _Node) -> list:
    return []


class PageModel:
    """What `export.to_networkx` reads from the graph, gathered from page rows."""

    def __init__(self):
        self.nodes: dict[str, _Node] = {}
        self.edges: dict[str, dict[tuple[str, str], None]] = {rel: {} for rel in EDGE_ORDER}
        self.first: dict[tuple[str, str], str] = {}  # (subject, relation) -> first object seen
        self.parent_seq: dict[str, int] = {}  # containedInPlace objects in first-seen order

    def add(self, rows: list[tuple]) -> None:
        nodes = self.nodes
        for s, code, v in rows:
            if code in self.edges:
                pair = (s, v)
                edges = self.edges[code]
                if pair not in edges:
                    edges[pair] = None
                    if code in _FIRST:
                        self.first.setdefault((s, code), v)
                    elif code == "contained in":
                        self.parent_seq.setdefault(v, len(self.parent_seq))
                continue
            n = nodes.get(s)
            if n is None:
                n = nodes[s] = _Node()
            # each code below is the name of the _Node slot it fills
            if code == "type":
                n.types.add(v)
            elif code in _NODE_SETS:
                values = getattr(n, code)
                if values:
                    values.add(v)
                else:
                    setattr(n, code, {v})
            elif code in _EV_KEEP:
                ev, doc, sentence = v
                if sentence is None:
                    continue
                d = getattr(n, code)
                if d is None:
                    d = {}
                    setattr(n, code, d)
                _keep_smallest(d, (doc, sentence), ev, _EV_KEEP[code])
            elif code in _NODE_FIRST:
                if getattr(n, code) is None:
                    setattr(n, code, v)

    def to_networkx(self, page_nodes: int | None = None):
        """The same MultiDiGraph as `export.to_networkx(graph)` of the whole graph.

        `page_nodes`: the graph is only for a page of that many nodes (`viz.render_page`
        keeps the best connected): the other nodes get no aliases and no evidence, which
        the page never reads of them (most of the work on a big graph)."""
        import networkx as nx

        from .export import REL_LABELS, region_chain
        from .graph import KIND_CLASS, LEVEL_TERM

        kind_of_class = {GG_NS + v: k for k, v in KIND_CLASS.items()}
        level_of_term = {GG_NS + v: k for k, v in LEVEL_TERM.items()}
        nodes = self.nodes
        nxg = nx.MultiDiGraph()

        def lit_key(v):  # rdflib's order of plain literals: no language first, then by tag and text
            lex, lang = v
            return (lang is not None, lang or "", lex)

        def zh_label(s, n):
            zh = [lex for lex, lang in n.pref if lang == "zh"]
            if zh:
                return min(zh)
            if n.label:
                return min(n.label, key=lit_key)[0]
            return s.rsplit("/", 1)[-1]

        full = page_nodes is None
        # for a page, aliases and evidence are filled in below, for the nodes it keeps
        evidence = _node_evidence if full else _nothing
        aliases = _node_aliases if full else _nothing

        def of_type(t):
            return sorted(s for s, n in nodes.items() if t in n.types)

        for s in of_type(ORGANIZATION):
            n = nodes[s]
            kinds = [kind_of_class[c] for c in n.types if c in kind_of_class]
            nxg.add_node(
                s,
                label=zh_label(s, n),
                cls="institution",
                kind=sorted(kinds)[0] if kinds else "other",
                aliases=aliases(n),
                evidence=evidence(n),
                regions=[],
            )
        for s in of_type(AREA):
            n = nodes[s]
            nxg.add_node(
                s,
                label=zh_label(s, n),
                cls="region",
                kind=level_of_term.get(n.level, "county"),
                aliases=aliases(n),
                evidence=evidence(n),
                regions=[],
            )
        for s in of_type(CONCEPT):
            n = nodes[s]
            nxg.add_node(
                s,
                label=zh_label(s, n),
                cls="mechanism",
                kind="discovered" if DISCOVERED in n.types else "curated",
                aliases=aliases(n),
                evidence=evidence(n),
                regions=[],
            )
        for s in of_type(OUTCOME):
            n = nodes[s]
            unit = n.unit[0] if n.unit else None
            metric = n.metric[0] if n.metric else None
            text = n.text[0] if n.text else None
            nxg.add_node(
                s,
                label=f"{text}" + (f"（{metric}）" if metric else ""),
                cls="outcome",
                kind=str(unit or "other"),
                aliases=[],
                evidence=evidence(n),
                regions=[],
            )

        for rel in EDGE_ORDER:
            nxg.add_edges_from(
                (a, b, rel, {"relation": rel, "label": REL_LABELS[rel]})
                for a, b in sorted(self.edges[rel])
                if a in nxg and b in nxg
            )

        if page_nodes is not None:
            from .viz import best_connected

            for s in best_connected(nxg, list(nxg.nodes), page_nodes):
                data, n = nxg.nodes[s], nodes[s]
                if data["cls"] != "outcome":
                    data["aliases"] = _node_aliases(n)
                data["evidence"] = _node_evidence(n)

        # a region with several parents: the one a dict built from rdflib's iteration keeps
        parent: dict[str, str] = {}
        seq = self.parent_seq
        for s, o in self.edges["contained in"]:
            if s not in parent or seq[o] >= seq[parent[s]]:
                parent[s] = o

        def chain(r):
            return region_chain(nxg, parent, r)

        first = self.first
        for n, data in nxg.nodes(data=True):
            if data["cls"] == "region":
                data["regions"] = chain(n)
            elif data["cls"] == "institution":
                loc = first.get((n, "located in"))
                data["regions"] = chain(loc) if loc is not None else []
        for n, data in nxg.nodes(data=True):
            if data["cls"] == "outcome":
                subj = first.get((n, "outcome of"))
                data["regions"] = list(nxg.nodes[subj]["regions"]) if subj is not None and subj in nxg else []
        return nxg


# ---------------------------------------------------------------------------- files


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


class Outputs:
    """Files written under temporary names in their final folders, renamed into place by
    `commit` (in sorted order), or removed by `abort`.

    govgraph touches only what it wrote: a manifest in OUT lists the files of the last build.
    An existing file it did not write is never overwritten (the build stops and names it);
    files of the last build that this one no longer writes (a document removed from the
    corpus) are deleted; nothing is written outside OUT.
    """

    MANIFEST = ".govgraph-manifest.json"

    def __init__(self, out: Path):
        self.out = Path(out)
        self.root = self.out.resolve()
        self.pending: dict[str, str] = {}  # relative name -> temporary path
        self.made_dirs: list[Path] = []  # folders made for outputs, removed again by `abort` if empty
        self.placed: list[Path] = []  # renamed into place by a `commit` that has not finished
        self.mode = 0o666 & ~_umask()
        self.previous = self._read_manifest()

    def _read_manifest(self) -> set[str]:
        path = self.out / self.MANIFEST
        try:
            names = json.loads(path.read_text(encoding="utf-8"))["files"]
        except FileNotFoundError:
            return set()
        except (OSError, ValueError, KeyError, TypeError) as e:
            raise GovgraphError(f"{path}: unreadable govgraph manifest ({e}); remove it to build here") from None
        return {n for n in names if isinstance(n, str)}

    def _target(self, rel: str) -> Path:
        parts = Path(rel).parts
        if Path(rel).is_absolute() or ".." in parts or not parts:
            raise GovgraphError(f"{rel}: output name would leave the output folder {self.out}")
        target = self.out / rel
        if not target.parent.resolve().is_relative_to(self.root):
            raise GovgraphError(f"{target}: output would leave the output folder {self.out} (through a link)")
        if (target.exists() or target.is_symlink()) and rel not in self.previous:
            raise GovgraphError(
                f"{target}: exists and was not written by govgraph; move it away or choose another output folder"
            )
        return target

    def open(self, rel: str):
        target = self._target(rel)
        if not target.parent.is_dir():
            target.parent.mkdir(parents=True)
            self.made_dirs.append(target.parent)
        fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent)
        old = self.pending.get(rel)
        if old is not None and os.path.exists(old):
            os.unlink(old)
        self.pending[rel] = tmp
        return os.fdopen(fd, "w", encoding="utf-8", newline="\n", buffering=1 << 20)

    def write_text(self, rel: str, text: str) -> None:
        with self.open(rel) as f:
            f.write(text)

    def commit(self) -> list[str]:
        written = []
        for rel in sorted(self.pending):
            tmp = self.pending[rel]
            os.chmod(tmp, self.mode)  # mkstemp makes 0600; outputs are ordinary files
            target = self.out / rel
            os.replace(tmp, target)
            self.placed.append(target)
            written.append(str(target))
        current = set(self.pending)
        for rel in sorted(self.previous - current):  # ours, from a build that had more documents
            stale = self.out / rel
            if stale.is_file() and not stale.is_symlink() and stale.parent.resolve().is_relative_to(self.root):
                os.unlink(stale)
        manifest = json.dumps({"files": sorted(current)}, ensure_ascii=False, indent=1) + "\n"
        fd, tmp = tempfile.mkstemp(prefix=f"{self.MANIFEST}.", suffix=".tmp", dir=self.out)
        with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as f:
            f.write(manifest)
        os.chmod(tmp, self.mode)
        os.replace(tmp, self.out / self.MANIFEST)
        self.pending = {}
        self.placed = []
        self.previous = current
        return written

    def abort(self, fresh_folder: bool = False) -> None:
        """Remove the temporary files; in a folder this build made (`fresh_folder`), also the
        files an unfinished `commit` had already put in place: they belong to nobody else."""
        if fresh_folder:
            for target in self.placed:
                try:
                    os.unlink(target)
                except OSError:
                    pass
        for tmp in self.pending.values():
            try:
                os.unlink(tmp)
            except OSError:
                pass
        self.pending = {}
        for folder in reversed(self.made_dirs):
            try:
                folder.rmdir()
            except OSError:  # not empty: somebody else's files are in it
                pass
