"""A writer process of `build.writers.RangeWriters`: ``python -m govgraph._write_range``.

A fresh interpreter (not a fork of the build, whose memory it would appear to hold, and not
multiprocessing's spawn, which re-runs the caller's main module), started with the build: it
reads its range of the graph (JSON: the run files, the range, where to write) from its
standard input when the build hands it over, and writes that range's Turtle and N-Triples.
Standard input closed with nothing on it: the build needed no writer; it ends at once.
"""

import json
import os
import sys

from govgraph.build.writers import range_child
from govgraph.lifetime import PARENT_ENV, die_with_parent

if __name__ == "__main__":
    die_with_parent(int(os.environ[PARENT_ENV]) if PARENT_ENV in os.environ else None)
    # the page, drawn meanwhile by the build, is the longer path: let it have the CPU first
    try:
        os.nice(10)
    except (AttributeError, OSError):  # no nice() on this platform
        pass
    data = sys.stdin.buffer.read()
    if not data:
        sys.exit(0)
    spec = json.loads(data.decode("utf-8"))
    range_child(
        [tuple(r) for r in spec["runs"]],
        spec["prefixes"],
        spec["ttl"],
        spec["nt"],
        spec["lo"],
        spec["hi"],
        spec["stem"],
    )
