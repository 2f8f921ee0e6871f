"""From the old build to the new one in one step.

A build writes its outputs into a staging folder beside OUT (``.OUT.govgraph-staging-XXXXXXXX``,
on the same filesystem) and, once everything is written, swaps that folder and OUT with one
``renameat2(RENAME_EXCHANGE)`` (`publish_by_exchange`): a reader of ``OUT/…`` sees the whole
old build or the whole new one, never a mix, and a build killed at any moment leaves one of
the two. The old build, now under the staging name, is then removed. What OUT holds besides
outputs goes along: the cache folder ``.cache`` is renamed into the staging folder just before
the swap, and the lock file gets a second hard link there (the lock stays on the same file).

The swap needs Linux (3.15+, glibc 2.28+), a filesystem that supports it (ext4, xfs, btrfs,
tmpfs, …), an OUT that is not a mount point (a bind mount, a container volume) and sits in a
folder we may write to, an OUT that holds only what govgraph wrote, and a build not run from
inside OUT. Otherwise the build publishes in place
(`publish_in_place`), as before: files are renamed from the staging folder (beside OUT, or
inside it) into OUT one by one, the manifest last. Every
file is whole at all times, but a reader may meet a mix of old and new files meanwhile, and a
build killed then leaves one (listed in the manifest, so the next build replaces it).

Staging folders of killed builds are removed at the start of the next build (`remove_stale`):
wholly while they still carry the mark of an unfinished build, otherwise only the files their
manifest lists (an old OUT may have got a user's file in the moment before the swap).
"""

from __future__ import annotations

import ctypes
import errno
import json
import os
import re
import shutil
import stat
import sys
import tempfile
import time
from pathlib import Path

from ..errors import GovgraphError
from ..lock import LOCK_NAME, remove_leftovers

MANIFEST = ".govgraph-manifest.json"
CACHE = ".cache"  # the default cache folder (`build(cache=True)`), kept across builds
STAGE_MARK = ".govgraph-staging"  # in a staging folder until its build is complete
_STAGE_PREFIX = ".govgraph-staging-"
_RANDOM = r"[a-z0-9_]{8}"  # what `tempfile.mkdtemp` puts after the prefix
PAUSE_ENV = "GOVGRAPH_TEST_PAUSE_AT"  # tests only: a step to stop at, to be killed there

_OCTAL = re.compile(r"\\([0-7]{3})")  # /proc/self/mountinfo writes a space as \040
_AT_FDCWD = -100
_RENAME_EXCHANGE = 2
_UNSUPPORTED = {errno.ENOSYS, errno.EINVAL, errno.EOPNOTSUPP, errno.ENOTSUP, errno.EXDEV, errno.EPERM, errno.EBUSY}


def _load_renameat2():
    if not sys.platform.startswith("linux"):
        return None
    try:
        fn = ctypes.CDLL(None, use_errno=True).renameat2
    except (OSError, AttributeError):  # a C library older than glibc 2.28, or not glibc
        return None
    fn.argtypes = [ctypes.c_int, ctypes.c_char_p, ctypes.c_int, ctypes.c_char_p, ctypes.c_uint]
    fn.restype = ctypes.c_int
    return fn


_renameat2 = _load_renameat2()


def exchange(a: Path, b: Path) -> bool:
    """Swap two existing paths in one step; False when this system or filesystem cannot."""
    if _renameat2 is None:
        return False
    if _renameat2(_AT_FDCWD, os.fsencode(a), _AT_FDCWD, os.fsencode(b), _RENAME_EXCHANGE) == 0:
        return True
    err = ctypes.get_errno()
    if err in _UNSUPPORTED:
        return False
    raise OSError(err, os.strerror(err), str(a), None, str(b))


def pause(step: str) -> None:
    """Tests only: with ``GOVGRAPH_TEST_PAUSE_AT=step``, say so on stderr and wait here, so
    that a test can kill the build at exactly this step."""
    if os.environ.get(PAUSE_ENV) == step:
        sys.stderr.write(f"govgraph: paused at {step}\n")
        sys.stderr.flush()
        time.sleep(600)


class Stage:
    """The folder a build writes its outputs into: beside OUT when the swap may work there
    (`beside`), else inside OUT. It carries `STAGE_MARK` until `publish_by_exchange`."""

    def __init__(self, out: Path):
        self.live = Path(out).resolve()  # a link given as OUT stays; its target is swapped
        self.path, self.beside = self._make()
        (self.path / STAGE_MARK).touch()
        self.swapped = False  # OUT holds this build; `path` the one before

    def _make(self) -> tuple[Path, bool]:
        parent = self.live.parent
        # not when this process works inside OUT (`-o .`): the swap would leave it, and the
        # shell it was started from, in the old folder
        inside = _working_inside(self.live)
        if _renameat2 is not None and not inside and not is_mount_point(self.live):
            try:
                return Path(tempfile.mkdtemp(prefix=f".{self.live.name}{_STAGE_PREFIX}", dir=parent)), True
            except OSError:  # a folder we may not write to around OUT
                pass
        return Path(tempfile.mkdtemp(prefix=_STAGE_PREFIX, dir=self.live)), False

    def discard(self) -> None:
        _rescue_cache(self.path, self.live)
        if self.swapped:  # the old build: only what govgraph wrote goes
            _remove_ours(self.path)
        else:
            shutil.rmtree(self.path, ignore_errors=True)


def _working_inside(folder: Path) -> bool:
    try:
        return Path.cwd().resolve().is_relative_to(folder)
    except OSError:  # the working folder was removed: it is not OUT
        return False


def is_mount_point(path: Path) -> bool:
    """Whether `path` is where a filesystem is mounted, a bind mount of a folder of the same
    filesystem included (a swap, a rename or a link across it fails)."""
    if os.path.ismount(path):
        return True
    try:
        with open("/proc/self/mountinfo", encoding="utf-8", errors="surrogateescape") as f:
            points = {_OCTAL.sub(lambda m: chr(int(m[1], 8)), line.split()[4]) for line in f}
    except (OSError, IndexError):
        return False
    return os.fsdecode(os.fsencode(path)) in points


def foreign_entries(live: Path, previous: set[str]) -> list[str]:
    """What OUT holds that govgraph did not write (the last build's manifest lists its files)."""
    folders = {str(Path(rel).parent) for rel in previous} - {"."}
    ours = previous | {MANIFEST, LOCK_NAME, CACHE}
    found: list[str] = []

    def walk(folder: Path, prefix: str) -> None:
        for e in sorted(os.scandir(folder), key=lambda e: e.name):
            rel = prefix + e.name
            if rel in folders and e.is_dir(follow_symlinks=False):
                walk(Path(e.path), rel + "/")
            elif rel not in ours or (rel in previous and not e.is_file(follow_symlinks=False)):
                found.append(rel)

    walk(live, "")
    return found


def publish_by_exchange(stage: Stage) -> bool:
    """Swap the complete staging folder (its manifest written) with OUT, then remove the old
    build; False, with nothing changed, when the swap is not supported here."""
    live, new = stage.live, stage.path
    os.chmod(new, stat.S_IMODE(os.stat(live).st_mode))  # mkdtemp made it 0700
    if os.path.lexists(live / LOCK_NAME):
        os.link(live / LOCK_NAME, new / LOCK_NAME)
    os.unlink(new / STAGE_MARK)  # complete: a killed build's cleaner goes by its manifest now
    pause("staged")
    moved = swapped = False
    try:
        moved = _rename_if_there(live / CACHE, new / CACHE)
        pause("cache-moved")
        swapped = exchange(new, live)
    finally:  # interrupted (Ctrl-C, SIGTERM) or refused: the cache goes back
        if moved and not swapped:
            os.rename(new / CACHE, live / CACHE)
    if not swapped:
        (new / STAGE_MARK).touch()
        return False
    stage.swapped = True
    pause("exchanged")
    return True


def publish_in_place(stage: Stage, current: list[str], previous: set[str], placed: list[Path]) -> None:
    """Rename the staged files into OUT one by one (`placed` records them), remove the last
    build's files that this one no longer writes, and the manifest last. The manifest of the
    union goes first, so a build killed meanwhile leaves only files the next one may replace."""
    live = stage.live
    for rel in current:
        target = live / rel
        if (target.exists() or target.is_symlink()) and rel not in previous:
            raise _not_ours(target)
    _write_manifest(live, sorted(previous | set(current)))
    for rel in current:
        target = live / rel
        target.parent.mkdir(parents=True, exist_ok=True)
        os.replace(stage.path / rel, target)
        placed.append(target)
    pause("in-place")  # the new files in, the old ones not yet out: the most mixed moment
    for rel in sorted(previous - set(current)):  # ours, from a build that had more documents
        old = live / rel
        if old.is_file() and not old.is_symlink() and old.parent.resolve().is_relative_to(live):
            os.unlink(old)
    os.replace(stage.path / MANIFEST, live / MANIFEST)
    stage.discard()


def write_manifest(folder: Path, files: list[str], graph: dict | None = None) -> None:
    """The list of the files a build wrote, which later builds may replace or remove, and
    what the graph holds (`build.counts`), when given."""
    (folder / MANIFEST).write_text(_manifest_text(files, graph), encoding="utf-8")


def _write_manifest(folder: Path, files: list[str]) -> None:
    fd, tmp = tempfile.mkstemp(prefix=f".{MANIFEST}.", suffix=".tmp", dir=folder)
    with os.fdopen(fd, "w", encoding="utf-8") as f:
        f.write(_manifest_text(files))
    os.chmod(tmp, 0o644)
    os.replace(tmp, folder / MANIFEST)


def _manifest_text(files: list[str], graph: dict | None = None) -> str:
    manifest: dict = {"files": sorted(files)}
    if graph is not None:
        manifest["graph"] = graph
    return json.dumps(manifest, ensure_ascii=False, indent=1) + "\n"


def read_manifest(folder: Path) -> set[str]:
    """The files the manifest in `folder` lists; raises OSError or ValueError if it is unreadable."""
    try:
        names = json.loads((folder / MANIFEST).read_text(encoding="utf-8"))["files"]
    except FileNotFoundError:
        return set()
    except (KeyError, TypeError) as e:
        raise ValueError(f"no list of files ({e})") from None
    return {n for n in names if isinstance(n, str)}


def _not_ours(target: Path) -> GovgraphError:
    return GovgraphError(
        f"{target}: exists and was not written by govgraph; move it away or choose another output folder"
    )


def _rename_if_there(src: Path, dst: Path) -> bool:
    if not os.path.lexists(src):
        return False
    os.rename(src, dst)
    return True


# ---------------------------------------------------------------- what killed builds left


def stale_stages(out: Path) -> list[Path]:
    """The staging folders of earlier builds into `out` (beside it and inside it)."""
    live = Path(out).resolve()
    beside = re.compile(re.escape(f".{live.name}{_STAGE_PREFIX}") + _RANDOM)
    inside = re.compile(re.escape(_STAGE_PREFIX) + _RANDOM)
    found = []
    for folder, pattern in ((live.parent, beside), (live, inside)):
        try:
            entries = list(os.scandir(folder))
        except OSError:
            continue
        found += [Path(e.path) for e in entries if pattern.fullmatch(e.name) and e.is_dir(follow_symlinks=False)]
    return sorted(found)


def remove_stale(out: Path) -> tuple[list[str], list[str]]:
    """Remove the staging folders killed builds left (hold OUT's `BuildLock`): (removed, kept).
    A cache folder in one goes back into OUT if OUT has none; a folder with files govgraph
    did not write in it stays, with only govgraph's files removed."""
    live = Path(out).resolve()
    removed, kept = [], []
    for folder in stale_stages(out):
        _rescue_cache(folder, live)
        if _remove_ours(folder):
            removed.append(str(folder))
        else:
            kept.append(str(folder))
    return removed, kept


def remove_old(stage: Stage) -> str | None:
    """After the swap: remove the old build, now under the staging name; the folder's name
    if something in it was not govgraph's (it stays, with that in it)."""
    stage.discard()
    return str(stage.path) if stage.path.exists() else None


def _rescue_cache(folder: Path, live: Path) -> None:
    """A cache folder left in a staging folder goes back into OUT, unless OUT has one."""
    if os.path.lexists(folder / CACHE) and not os.path.lexists(live / CACHE):
        os.rename(folder / CACHE, live / CACHE)


def _remove_ours(folder: Path) -> bool:
    """Remove an unfinished staging folder whole, or in a finished one (or an old OUT) the
    files its manifest lists; True if the folder is gone."""
    if (folder / STAGE_MARK).exists():
        shutil.rmtree(folder, ignore_errors=True)
        return not folder.exists()
    try:
        listed = read_manifest(folder)
    except (OSError, ValueError):
        listed = set()
    for rel in sorted(listed):
        p = folder / rel
        if ".." not in Path(rel).parts and p.is_file() and not p.is_symlink():
            os.unlink(p)
    for name in (MANIFEST, LOCK_NAME):
        with_name = folder / name
        if with_name.is_file() and not with_name.is_symlink():
            os.unlink(with_name)
    remove_leftovers(folder)
    for path, _, _ in os.walk(folder, topdown=False):
        try:
            os.rmdir(path)  # only empty folders go
        except OSError:
            pass
    return not folder.exists()
