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
from .sink import GraphSink


def write_range(
    sink: GraphSink, prefixes: dict, ttl=None, nt=None, lo: str | None = None, hi: str | None = None
) -> int:
    """Turtle statements (no prefix header) and N-Triples of the sink's lines in [lo, hi) to
    open text files; returns the number of triples."""
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
        self.ttl, self.nt = ttl, nt
        sink.spill_all()
        bounds = [None, *sink.split_points(parts), None]
        self.dir = tempfile.mkdtemp(prefix=".govgraph-parts-", dir=tmp_dir)
        self.stems = [os.path.join(self.dir, f"part{i:03d}") for i in range(len(bounds) - 1)]
        env = dict(os.environ)  # the child imports this very govgraph
        env[PARENT_ENV] = str(os.getpid())  # and ends with this process
        package_root = str(Path(__file__).resolve().parents[2])
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
