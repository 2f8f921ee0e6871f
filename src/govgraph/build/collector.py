"""Python's cyclic garbage collector while a build runs (`fewer_collections`).

A build makes and drops millions of small containers (records, matches, tuples), nearly all
freed by reference counting. At Python's default (a collection of the youngest generation
every 700 allocations) the collector still walks the live ones some 700 times on the 2 MB
benchmark and each full collection walks the rules and jieba's tables again: 0.35-0.4 s of
a 7 s build. Every 10,000 allocations it still took 0.43 s in 64 collections of a 1-worker
build on a busy machine, where every 200,000 it takes next to nothing (0.005 s in 30, the
same machine). What reference cycles there are wait a little longer;
the peak memory of the 2 MB build does not move (489-493 MB at 10,000, 100,000, 200,000 and
1,000,000).

Once the documents are merged, what is alive (the rules, the page's view, the counts) stays
until the build ends: `settle` tells the collector to leave it alone (`gc.freeze`), where
each collection while the page was drawn walked it again (0.1-0.15 s of the 2 MB benchmark's
page).
"""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager

YOUNGEST = 200_000  # allocations between two collections of the youngest generation


_OURS: list[bool] = []  # per `fewer_collections` running: whether `settle` may freeze


@contextmanager
def fewer_collections() -> Iterator[None]:
    """The youngest generation collected every `YOUNGEST` allocations (unless the process
    asked for fewer already), as before afterwards; worker processes forked meanwhile keep it.
    What `settle` froze is let go at the end."""
    old = gc.get_threshold()
    _OURS.append(gc.get_freeze_count() == 0)  # a process that froze objects itself keeps them as it did
    gc.set_threshold(max(old[0], YOUNGEST), *old[1:])
    try:
        yield
    finally:
        gc.set_threshold(*old)
        if _OURS.pop():
            gc.unfreeze()


def settle() -> None:
    """What is alive now stays until the build ends: the collector leaves it alone."""
    if _OURS and _OURS[-1]:
        gc.freeze()
