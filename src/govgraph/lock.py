"""One build at a time per output folder, and what crashed builds left behind.

`BuildLock(out)` holds an exclusive `flock` on ``OUT/.govgraph-lock`` for the whole build: a
second build into the same folder stops at once with a message naming the folder, instead of interleaving its files with the first one's. The lock is
the kernel's, so a build killed with SIGKILL releases it (its empty file stays until the next
build); a build that ends removes the file.

Holding the lock, `remove_leftovers` deletes what builds that were killed left in OUT: their
sort and part folders and the temporary files of unfinished writes (names only govgraph
makes, and only in the folders it writes to). A build keeps its work folders in its staging
folder now; `build.switch.remove_stale` removes those of killed builds.
"""

from __future__ import annotations

import fcntl
import os
import re
import shutil
from pathlib import Path

from .errors import GovgraphError

LOCK_NAME = ".govgraph-lock"
# the working folders of a build: the graph's sorted runs and a big file's parts
_WORK_DIRS = re.compile(r"\.govgraph-(?:sort|parts)-.+")
# `Outputs.open` writes ".<name>.<8 random characters>.tmp" beside its target
_TEMP_FILES = re.compile(r"\..+\.[a-z0-9_]{8}\.tmp|\.govgraph-json-[a-z0-9_]{8}\.tmp")
_OUTPUT_DIRS = ("", "extractions")


class BuildLock:
    """An exclusive lock on an output folder (created if missing) for one build."""

    def __init__(self, out: Path):
        self.path = Path(out) / LOCK_NAME
        self.fd: int | None = None

    def acquire(self) -> BuildLock:
        self.path.parent.mkdir(parents=True, exist_ok=True)
        while True:
            fd = os.open(self.path, os.O_RDWR | os.O_CREAT, 0o644)
            try:
                fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
            except BlockingIOError:
                os.close(fd)
                raise GovgraphError(
                    f"{self.path.parent}: another govgraph build is writing here; "
                    "wait for it to end or choose another output folder"
                ) from None
            # the build before may have removed the file between our open and flock: then the
            # lock is on a file nobody else will find, and we take the one at the path anew
            try:
                same = os.path.samestat(os.fstat(fd), os.stat(self.path))
            except FileNotFoundError:
                same = False
            if same:
                self.fd = fd
                return self
            os.close(fd)

    def release(self) -> None:
        """Remove the lock file, then let go: a build waiting on the old file takes a new one."""
        if self.fd is not None:
            try:
                os.unlink(self.path)
            except OSError:
                pass
            os.close(self.fd)
            self.fd = None

    __del__ = release  # a build that fails before its clean-up code runs still lets go

    def __enter__(self) -> BuildLock:
        return self.acquire()

    def __exit__(self, *exc) -> None:
        self.release()


def remove_leftovers(out: Path) -> list[str]:
    """Delete the work folders and temporary files of builds that were killed; returns their names.
    Call only while holding the folder's `BuildLock`: then no running build owns them."""
    removed = []
    for sub in _OUTPUT_DIRS:
        folder = Path(out) / sub
        try:
            entries = list(os.scandir(folder))
        except OSError:
            continue
        for e in sorted(entries, key=lambda e: e.name):
            if not sub and e.is_dir(follow_symlinks=False) and _WORK_DIRS.fullmatch(e.name):
                shutil.rmtree(e.path, ignore_errors=True)
            elif e.is_file(follow_symlinks=False) and _TEMP_FILES.fullmatch(e.name):
                os.unlink(e.path)
            else:
                continue
            removed.append(os.path.join(sub, e.name))
    return removed


def undo_failed(out: Path, lock: BuildLock, *, folder: bool, cache: bool) -> None:
    """Undo what a failed build made: the cache folder it created in OUT, and OUT itself when
    the build created it (its leftovers and lock file go too; OUT stays if somebody else put
    something in it meanwhile)."""
    out = Path(out)
    if cache or folder:
        shutil.rmtree(out / ".cache", ignore_errors=True)
    if folder:
        remove_leftovers(out)
        lock.release()
        try:
            os.rmdir(out)
        except OSError:  # somebody else's files are in it
            pass
