"""The graph's Turtle and N-Triples: written by one writer over the merged graph, or by
several processes (`python -m govgraph._write_range`), one range of subjects each."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

from ..errors import GovgraphError
from ..export import TurtleWriter, ntriples_text
from ..lifetime import PARENT_ENV
from .sink import GROUP, GraphSink, count_lines, lines_of


def write_range(
    sink: GraphSink, prefixes: dict, ttl=None, nt=None, lo: str | None = None, hi: str | None = None
) -> int:
    """Turtle statements (no prefix header) and N-Triples of the sink's lines in [lo, hi) to
    open text files (written as UTF-8 bytes, as the sink holds the lines); returns the number
    of triples."""
    writer = TurtleWriter(prefixes, binary=True)
    ttl_out, nt_out = (None if f is None else _bytes_of(f) for f in (ttl, nt))
    n = 0
    for batch in sink.items(lo=lo, hi=hi):  # items, not lines: fewer to handle (`sink.sorted_items`)
        if ttl_out is not None:
            lines = list(lines_of(batch))
            n += len(lines)  # counted as they are split: `count_lines` reads every byte once more
            ttl_out.write(writer.feed(lines))
        else:
            n += count_lines(batch)
        if nt_out is not None:
            nt_out.write(ntriples_text(batch).replace(GROUP, b" .\n"))
    if ttl_out is not None:
        ttl_out.write(writer.close())
    return n


def _bytes_of(f):
    """The binary file under an open UTF-8 text file, what was written to it so far flushed."""
    f.flush()
    return f.buffer


class RangeWriters:
    """The graph's Turtle and N-Triples written by `parts` processes, one range of subjects
    each (`GraphSink.split_points`), while this process goes on (with the page); `finish`
    puts the parts together. The bytes are those of one `write_range` over the whole graph:
    every subject's statements lie in one part, and parts are joined as consecutive
    statements are.

    The writers are fresh interpreters (`python -m govgraph._write_range`), not forks, so
    they hold none of this process's memory. They start with the build: an interpreter's
    start and imports (a tenth of a second each) then fall in the build's own start-up,
    which keeps one core idle while it loads the rules, instead of in the drawing of the
    page, when every core is busy. Each waits for its range on its standard input (`write`);
    one given none ends at once."""

    def __init__(self, parts: int, tmp_dir=None):
        self.ttl = self.nt = False
        self.used = 0  # the writers given a range
        self.dir = tempfile.mkdtemp(prefix=".govgraph-parts-", dir=tmp_dir)
        self.stems = [os.path.join(self.dir, f"part{i:03d}") for i in range(parts)]
        env = dict(os.environ)  # the child imports this very govgraph
        env[PARENT_ENV] = str(os.getpid())  # and ends with this process
        package_root = str(Path(__file__).resolve().parents[2])
        env["PYTHONPATH"] = os.pathsep.join([package_root, *filter(None, [env.get("PYTHONPATH")])])
        self.procs: list[subprocess.Popen] = []
        for stem in self.stems:
            with open(stem + ".log", "wb") as log:
                self.procs.append(
                    subprocess.Popen(
                        [sys.executable, "-m", "govgraph._write_range"],
                        stdin=subprocess.PIPE,
                        stdout=log,
                        stderr=log,
                        env=env,
                    )
                )

    def write(self, sink: GraphSink, prefixes: dict, ttl: bool, nt: bool) -> None:
        """Hand each writer its range of `sink`, which is first spilled whole to the run files they read."""
        self.ttl, self.nt = ttl, nt
        sink.spill_all()
        bounds = [None, *sink.split_points(len(self.procs)), None]
        self.used = len(bounds) - 1
        for i, (proc, stem) in enumerate(zip(self.procs, self.stems)):
            assert proc.stdin is not None
            try:
                if i < self.used:
                    lo, hi = bounds[i], bounds[i + 1]
                    spec = {"runs": sink.runs, "prefixes": prefixes, "ttl": ttl, "nt": nt, "lo": lo, "hi": hi}
                    proc.stdin.write(json.dumps({**spec, "stem": stem}, ensure_ascii=False).encode("utf-8"))
                proc.stdin.close()
            except BrokenPipeError:  # it has died: `finish` says why
                pass

    def finish(self, ttl_file=None, nt_file=None) -> int:
        """Wait for the parts and append them to the open output files; the triple count."""
        for p in self.procs:
            p.wait()
        counts = []
        for i, (p, stem) in enumerate(zip(self.procs, self.stems)):
            if p.returncode != 0:
                raise GovgraphError(f"writing the graph failed: {_failure(p, stem)}")
            if i < self.used:
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
            if p.stdin is not None and not p.stdin.closed:
                try:
                    p.stdin.close()
                except BrokenPipeError:
                    pass
        shutil.rmtree(self.dir, ignore_errors=True)


def _failure(p: subprocess.Popen, stem: str) -> str:
    """What a writer that failed said last (its error file, else its log), or its exit code."""
    for ext in (".err", ".log"):
        try:
            with open(stem + ext, encoding="utf-8", errors="replace") as f:
                text = f.read().strip()
        except OSError:
            continue
        if text:
            return text.splitlines()[-1]
    return f"exit code {p.returncode}"


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
