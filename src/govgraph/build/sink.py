"""The merged graph: sorted, de-duplicated N-Triples lines in bounded memory.

Documents' lines arrive as UTF-8 blocks; past a threshold they are sorted into run files on
disk (with a sparse index) and merged when read, by range if need be.
"""

from __future__ import annotations

import bisect
import os
import shutil
import tempfile
from collections.abc import Iterator
from itertools import chain, repeat

GROUP = b"\xff"  # joins the lines of an item that stands for several (never in UTF-8 text)
_RUN_CHUNK = 10_000  # lines per indexed chunk of a run file
SPILL_BYTES = 100_000_000  # bytes of lines held before a sorted run goes to disk


def encode_lines(lines: list[str]) -> bytes:
    """Lines as one UTF-8 block: one object to send between processes and to hold, where a
    list of strings costs an object (and an unpickling step) per line. Byte order of UTF-8
    is code-point order, so blocks sort as their strings do."""
    return "\n".join(lines).encode("utf-8")


def sorted_items(lines, groups=()) -> list[bytes]:
    """`lines` and `groups` as sorted, unique UTF-8 items, sorted as bytes: bytes compare with
    one memcmp, where lines mixing ASCII-only and Chinese strings compare character by
    character (a document's lines sort in half the time); UTF-8 keeps code-point order, so
    the order is that of the strings.

    `groups`: strings of several sorted lines (joined by newlines) that stay together in any
    sorted graph: each becomes one item, its lines joined by `GROUP`. An item sorts where its
    first line does, so a graph of items is the sorted graph of lines, with fewer (bigger)
    things to sort and de-duplicate (`triples.DocTriples.groups`: an evidence node's 15
    lines, most of a document's lines). Readers get lines back (`lines_of`, `decode_lines`)."""
    items = {line.encode("utf-8") for line in lines}
    items.update([g.encode("utf-8").replace(b"\n", GROUP) for g in groups])
    return sorted(items)


def sorted_block(lines, groups=()) -> bytes:
    """`sorted_items` as one UTF-8 block, the items joined by newlines."""
    return b"\n".join(sorted_items(lines, groups))


def lines_of(items: list[bytes]) -> Iterator[bytes]:
    """The lines of sorted items (`sorted_block`), in order, made as they are read."""
    return chain.from_iterable(map(bytes.split, items, repeat(GROUP)))


def count_lines(items: list[bytes]) -> int:
    return len(items) + sum(map(bytes.count, items, repeat(GROUP)))


def _first_line(item: bytes) -> str:
    return item.split(GROUP, 1)[0].decode("utf-8")


def _items_of(blocks: list) -> list[bytes]:
    """The items of blocks (UTF-8 blocks, split one by one: joining them first copied every
    byte once more; or lists of items)."""
    out: list[bytes] = []
    for block in blocks:
        out += block.split(b"\n") if isinstance(block, bytes) else block
    return out


def _size(block) -> int:
    """The bytes of a block, or of a (non-empty) list of items joined into one."""
    return len(block) if isinstance(block, bytes) else len(block) - 1 + sum(map(len, block))


def decode_lines(block: bytes | list[bytes]) -> list[str]:
    """The lines of a block, or of a list of items (`sorted_items`), as strings."""
    if isinstance(block, list):
        block = b"\n".join(block)
    return block.replace(GROUP, b"\n").decode("utf-8").split("\n") if block else []


class GraphSink:
    """Sorted, de-duplicated union of N-Triples lines, in bounded memory, kept as UTF-8 bytes.

    `add` takes each document's sorted lines (a UTF-8 block, `encode_lines`) and its keyed
    blocks, in document order; for each key the first block is kept. Past `spill_bytes` the
    buffered lines are sorted and written to a run file with a sparse index (a chunk's
    first line and its byte offset), so a range of the graph can be read from every run
    without reading the runs whole. `batches()` and `lines()` yield the graph (or the range
    [lo, hi) of it), sorted and unique, merged from the runs and the buffer; they may be
    called more than once: `batches` gives UTF-8 lines (what the Turtle and N-Triples
    writers read: the graph is never decoded line by line), `lines` strings. `spill_all` leaves everything in runs, which other processes
    can read (`runs`, `from_runs`), one range each (`split_points`). Runs other sinks
    wrote join with `add_runs` (`WorkerLines`). Blocks may hold items of several lines
    (`sorted_block`): the sink sorts and de-duplicates items, `items()` gives them as they
    are, and `batches` and `lines` give lines."""

    def __init__(self, tmp_dir: str | os.PathLike | None = None, spill_bytes: int | None = None):
        self.tmp_dir = tmp_dir
        self.spill_bytes = SPILL_BYTES if spill_bytes is None else spill_bytes
        self.blocks: list = []  # UTF-8 blocks, or lists of items
        self.size = 0
        self.buf: list[bytes] = []  # the final in-memory lines, sorted (`_finalise`)
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

    def add(self, lines: bytes | list, keyed: dict) -> list[list[str]]:
        """`lines`: a document's items as a UTF-8 block (`sorted_block`), or as a list
        (`sorted_items`: in the process that made them, kept as they are, not joined into a
        block to be split again), or its lines as strings. Returns the blocks accepted from
        this document (keys not seen before)."""
        if isinstance(lines, list) and lines and isinstance(lines[0], str):
            lines = encode_lines(lines)
        if lines:
            self.blocks.append(lines)
            self.size += _size(lines)
        accepted = []
        for k, block in keyed.items():
            if k not in self.keyed:
                self.keyed[k] = block
                accepted.append(block)
        if self.size > self.spill_bytes:
            self._spill(_items_of(self.blocks))
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
                firsts.append(_first_line(chunk[0]))
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
        lines = _items_of(self.blocks)
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
        self.buf = _items_of(self.blocks)
        self.blocks = []
        for block in self.keyed.values():
            self.buf += [ln.encode("utf-8") for ln in block]
        self.buf.sort()  # bytes compare with one memcmp; UTF-8 keeps code-point order

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
        keys += [_first_line(k) for k in self.buf[::step]]
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
        """The graph's lines in [lo, hi) (None: unbounded) as lists of sorted, unique UTF-8 lines."""
        for items in self.items(size, lo, hi):
            yield list(lines_of(items))

    def items(self, size: int = 16_000, lo: str | None = None, hi: str | None = None):
        """The graph's items in [lo, hi) as lists of sorted, unique items: lines, or several
        lines joined by `GROUP` (`sorted_block`; `lines_of`, `count_lines`). An item holds
        three lines on average: 16,000 are about the 50,000 lines a batch held before items
        (the Turtle of a batch is made whole: 50,000 items raised the peak memory a tenth)."""
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
        """The graph's lines in [lo, hi) as strings."""
        for items in self.items(lo=lo, hi=hi):
            yield from decode_lines(b"\n".join(items))

    def _memory_blocks(self, size: int, lo: str | None, hi: str | None):
        buf = self.buf
        i = 0 if lo is None else bisect.bisect_left(buf, lo.encode("utf-8"))
        j = len(buf) if hi is None else bisect.bisect_left(buf, hi.encode("utf-8"))
        for k in range(i, j, size):
            yield buf[k : min(k + size, j)]

    @staticmethod
    def _run_blocks(run, size: int, lo: str | None, hi: str | None):
        """A run's lines in [lo, hi), in blocks of about `size` lines: seek to the chunk that
        holds `lo`, then read bytes and split them (much faster than iterating lines)."""
        path, firsts, offsets = run
        start = 0 if lo is None else max(0, bisect.bisect_right(firsts, lo) - 1)
        if start >= len(offsets):
            return
        lo_b = None if lo is None else lo.encode("utf-8")
        hi_b = None if hi is None else hi.encode("utf-8")
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
                block = data[:cut].split(b"\n")
                if lo_b is not None and block[0] < lo_b:
                    del block[: bisect.bisect_left(block, lo_b)]
                if hi_b is not None and block and block[-1] >= hi_b:
                    yield block[: bisect.bisect_left(block, hi_b)]
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
    iters = [iter(s) for s in sources]
    pending: list[list[bytes]] = [[] for _ in iters]
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
        out: list[bytes] = []
        for i in live:
            cut = bisect.bisect_right(pending[i], bound)
            out += pending[i][:cut]
            del pending[i][:cut]
        out.sort()
        yield out
