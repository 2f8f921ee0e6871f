"""What a worker does with one document, or one part of a big file: extract it (or unpickle
its cached records), then render what the merge needs: the extraction JSON, the document's
N-Triples lines (sorted UTF-8 items, one block when sent) and its page rows. Results are
bytes, strings and tuples, cheap to send back from another process or machine. `tasks` makes a build's tasks, in file
order, reading each file as the work goes.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

from .. import codec
from ..cache import ExtractionCache, document_key
from ..errors import InputError
from ..extract import extract_document
from ..lexicon import use as use_lexicon
from ..lexicon_user import Overlay
from ..parts import Part, needs_parts, split
from ..pipeline import process, to_json
from ..reader import Source, read, shown
from ..triples import TripleEmitter
from .jsonout import dumps, part_records
from .rows import fewest_evidence_rows, page_rows
from .sink import GraphSink, sorted_items

COUNTED = ("articles", "institutions", "regions", "mechanisms", "facts", "outcomes")


@dataclass
class Task:
    name: str  # document (file) name
    path: str
    base: str
    text: Source | Part | None = None  # to extract: a whole document, or a part of a big file (segmented)
    blob: bytes | None = None  # cached records (`codec` JSON), to reuse when they check out
    error: str | None = None  # the file could not be read: reported in its place
    key: str | None = None  # cache key: set when the records are to be cached
    parted: bool = False  # the task is a part of a big file (extracted or cached)
    last_part: bool = True  # the file's last part (or a whole file)
    keep_lines: tuple[str, int] | None = None  # keep the graph lines in the worker (`WorkerLines`): folder, bytes
    lexicon: Overlay | None = None  # the user's lexicon (`--lexicon`), None: the bundled rules
    grouped: bool = False  # no other document of the build has this name: evidence nodes as items (`sorted_items`)


@dataclass
class DocResult:
    name: str
    path: str
    error: str | None = None
    key: str | None = None
    blob: bytes | None = None  # freshly extracted: the records for the cache (b"": not cached)
    warning: str | None = None  # a cached entry that did not check out (extracted again)
    json_text: str = ""
    json_records: dict | None = None  # a part of a big file: its records, for `jsonout.DocumentJson`
    last_part: bool = True
    plain: bytes | list[bytes] = b""  # the document's N-Triples items, sorted, unique, UTF-8 (`sink.sorted_items`)
    keyed: dict = field(default_factory=dict)  # (kind, iri) -> lines, first occurrence
    page: list = field(default_factory=list)
    counts: dict[str, int] = field(default_factory=dict)  # COUNTED -> how many

    def __getstate__(self) -> dict:
        """Sent to another process, the items go as one block (`sink.sorted_block`): one object
        to pickle and unpickle, not one per item. In the process that made them (one worker)
        they stay a list, which the sink takes as it is."""
        state = dict(self.__dict__)
        if isinstance(self.plain, list):
            state["plain"] = b"\n".join(self.plain)
        return state


def tasks(
    files: list[Path],
    base: str,
    store: ExtractionCache | None,
    max_bytes: int,
    keep_lines: tuple[str, int] | None,
    lexicon: Overlay | None = None,
) -> Iterator[Task]:
    """The build's tasks, in file order: a task per file, or per part of a big file; records
    found in the cache go along with the text (extracted again if they do not check out)."""
    # Evidence nodes are named by document name and offsets: with a name taken twice, two
    # documents could describe one node, whose lines must then merge line by line.
    grouped = len({shown(f.name) for f in files}) == len(files)

    def cached(name: str, text: str) -> tuple[str | None, bytes | None]:
        if store is None:
            return None, None
        key = document_key(name, text)
        return key, store.get(key)

    for f in files:
        try:
            src = read(f, max_bytes)
        except InputError as e:
            yield Task(shown(f.name), shown(f), base, error=str(e))
            continue
        if not needs_parts(src.text):
            key, blob = cached(src.name, src.text)
            # the text goes along with cached records: extracted again if they do not check out
            yield Task(
                src.name,
                src.path,
                base,
                text=src,
                blob=blob,
                key=key,
                keep_lines=keep_lines,
                lexicon=lexicon,
                grouped=grouped,
            )
            continue
        for part in split(src.text):  # each part a task of its own: extracted (or found in the cache) apart
            # the part's place (offset, first article) is part of what it yields
            first = part.articles[0].index if part.articles else -1
            key, blob = cached(f"{src.name}#{part.start}#{first}", part.clean.original)
            yield Task(
                src.name,
                src.path,
                base,
                text=part,
                blob=blob,
                key=key,
                parted=True,
                last_part=part.index == part.count - 1,
                keep_lines=keep_lines,
                lexicon=lexicon,
                grouped=grouped,
            )


def run_task(task: Task) -> DocResult:
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
        if isinstance(task.text, Part):
            x = extract_document(task.name, task.text.clean, task.text.articles)
        else:
            assert task.text is not None
            try:
                x = process(task.text)
            except Exception as e:  # a rule that fails on one text loses that document only
                error = f"{task.path}: extraction failed ({type(e).__name__}: {e})"
                return DocResult(task.name, task.path, error=error)
        blob = codec.encode(x, task.key) if task.key is not None else b""
    json_text, json_records = "", None
    if task.parted:
        json_records = part_records(x)
    else:
        json_text = dumps(to_json(x)) + "\n"
    dt = TripleEmitter(task.base).emit(x, task.grouped)
    entities = (len(x.institutions), len(x.regions), len(x.mechanisms))
    numbers = (len(x.articles), *entities, len(x.adopts) + len(x.facts), len(x.quantities))
    plain: bytes | list[bytes] = sorted_items(dt.plain, dt.groups)
    if task.keep_lines is not None:
        WorkerLines.here(*task.keep_lines).add(plain, {})
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
        page=fewest_evidence_rows(page_rows(dt.shown, task.base, dt.evidence)),
        counts=dict(zip(COUNTED, numbers)),
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
