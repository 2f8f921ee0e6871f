"""All-or-nothing output: a build is staged beside OUT and swapped in with one rename, the cache
and files govgraph did not write survive, and what killed builds left is cleared (issue: trust).
The kills themselves are in tests/test_switch_kill.py."""

from __future__ import annotations

import errno
import json
import os
import threading
from pathlib import Path

import pytest

from govgraph import api
from govgraph.build import switch
from govgraph.build.switch import CACHE, MANIFEST, STAGE_MARK, Stage, exchange, remove_stale
from govgraph.lock import LOCK_NAME

GOOD = "湖北省荆州市中级人民法院开展交叉执行，执行到位金额4784.85万元。\n"
OTHER = "浙江省杭州市人民检察院建立公益诉讼线索移送机制。\n"


@pytest.fixture
def swappable(tmp_path_factory) -> None:
    """Skip unless this system and the test folders' filesystem can swap two folders."""
    root = tmp_path_factory.mktemp("probe")
    (root / "a").mkdir()
    (root / "b").mkdir()
    if not exchange(root / "a", root / "b"):
        pytest.skip("no renameat2(RENAME_EXCHANGE) here")


needs_exchange = pytest.mark.usefixtures("swappable")


def snapshot(folder: Path) -> dict[str, bytes]:
    """Every file of a build by its path in OUT, without the cache and the lock file."""
    return {
        p.relative_to(folder).as_posix(): p.read_bytes()
        for p in sorted(folder.rglob("*"))
        if p.is_file() and CACHE not in p.relative_to(folder).parts and p.name != LOCK_NAME
    }


def stray(folder: Path) -> list[str]:
    """Staging folders beside or inside OUT, and temporary or work files in it."""
    names = [p.name for p in folder.parent.iterdir() if ".govgraph-staging-" in p.name]
    names += [p.name for p in folder.rglob("*") if p.name.endswith(".tmp") or ".govgraph-s" in p.name]
    return names + [p.name for p in folder.rglob(".govgraph-parts-*")]


@pytest.fixture
def src(tmp_path) -> Path:
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "a.txt").write_text(GOOD, encoding="utf-8")
    (folder / "b.txt").write_text(OTHER, encoding="utf-8")
    return folder


def build(src: Path, out: Path, **kw):
    return api.build([str(src)], out, workers=1, progress=False, page=False, **kw)


@needs_exchange
def test_exchange_swaps_two_folders(tmp_path):
    a, b = tmp_path / "a", tmp_path / "b"
    a.mkdir()
    b.mkdir()
    (a / "x").write_text("from a")
    (b / "y").write_text("from b")
    assert exchange(a, b)
    assert [p.name for p in a.iterdir()] == ["y"] and [p.name for p in b.iterdir()] == ["x"]


@needs_exchange
def test_a_build_is_swapped_in_whole_and_the_cache_survives(src, tmp_path):
    out = tmp_path / "out"
    build(src, out)
    first = snapshot(out)
    before = os.stat(out).st_ino
    (src / "c.txt").write_text(GOOD.replace("荆州市", "宜昌市"), encoding="utf-8")
    r = build(src, out)
    assert os.stat(out).st_ino != before  # a new folder took OUT's name in one step
    assert (r.cached, r.extracted) == (2, 1)  # the cache came along
    assert set(snapshot(out)) == set(first) | {"extractions/c.json"}
    assert json.loads((out / MANIFEST).read_text())["files"] == sorted(set(snapshot(out)) - {MANIFEST})
    assert stray(out) == [] and sorted(p.name for p in tmp_path.iterdir()) == ["in", "out"]
    assert not (out / LOCK_NAME).exists()


@needs_exchange
def test_the_folder_keeps_its_mode_and_a_link_given_as_out_stays_a_link(src, tmp_path):
    real = tmp_path / "real"
    real.mkdir()
    real.chmod(0o750)
    link = tmp_path / "out"
    link.symlink_to(real)
    build(src, link)
    build(src, link)
    assert link.is_symlink() and (link / "extractions" / "a.json").is_file()
    assert (real.stat().st_mode & 0o777) == 0o750
    assert sorted(p.name for p in tmp_path.iterdir()) == ["in", "out", "real"]


def test_files_govgraph_did_not_write_stay_and_the_outputs_are_put_in_place(src, tmp_path):
    out = tmp_path / "out"
    build(src, out)
    inode = os.stat(out).st_ino
    (out / "notes.md").write_text("mine", encoding="utf-8")
    (out / "extractions" / "mine.json").write_text("{}", encoding="utf-8")
    (src / "b.txt").unlink()
    r = build(src, out)
    assert any("holds files govgraph did not write (extractions/mine.json, notes.md)" in w for w in r.warnings)
    assert os.stat(out).st_ino == inode  # not swapped: the user's files stay where they are
    assert (out / "notes.md").read_text(encoding="utf-8") == "mine"
    assert (out / "extractions" / "mine.json").exists() and not (out / "extractions" / "b.json").exists()
    assert stray(out) == []


def test_without_the_swap_the_build_is_put_in_place(src, tmp_path, monkeypatch):
    """Another system or filesystem: the same files, no staging folder left, the cache kept."""
    monkeypatch.setattr(switch, "exchange", lambda a, b: False)
    out = tmp_path / "out"
    build(src, out)
    r = build(src, out)
    assert r.cached == 2 and r.warnings == []
    assert set(snapshot(out)) == {MANIFEST, "extractions/a.json", "extractions/b.json", "govgraph.ttl"}
    assert stray(out) == []


def test_a_build_started_inside_out_does_not_swap_the_folder_it_runs_in(src, tmp_path, monkeypatch):
    out = tmp_path / "out"
    build(src, out)
    inode = os.stat(out).st_ino
    monkeypatch.chdir(out)
    r = build(src, Path("."))
    assert r.warnings == [] and os.stat(out).st_ino == inode and Path.cwd() == out
    assert set(snapshot(out)) == {MANIFEST, "extractions/a.json", "extractions/b.json", "govgraph.ttl"}
    assert stray(out) == []


def test_mount_points_are_known(tmp_path):
    assert switch.is_mount_point(Path("/")) and not switch.is_mount_point(tmp_path)


def test_a_mount_point_as_out_is_built_in_place(src, tmp_path, monkeypatch):
    """A swap, a rename or a link across a mount point fails: the staging folder goes inside."""
    monkeypatch.setattr(switch, "is_mount_point", lambda path: True)
    out = tmp_path / "out"
    build(src, out)
    inode = os.stat(out).st_ino
    r = build(src, out)
    assert r.warnings == [] and os.stat(out).st_ino == inode
    assert set(snapshot(out)) == {MANIFEST, "extractions/a.json", "extractions/b.json", "govgraph.ttl"}
    assert stray(out) == []


def test_a_staging_folder_inside_out_when_there_is_no_room_beside(src, tmp_path, monkeypatch):
    real_mkdtemp = switch.tempfile.mkdtemp

    def mkdtemp(prefix, dir):
        if Path(dir) == tmp_path:
            raise PermissionError(errno.EACCES, "Permission denied", dir)
        return real_mkdtemp(prefix=prefix, dir=dir)

    monkeypatch.setattr(switch.tempfile, "mkdtemp", mkdtemp)
    out = tmp_path / "out"
    build(src, out)
    assert set(snapshot(out)) == {MANIFEST, "extractions/a.json", "extractions/b.json", "govgraph.ttl"}
    assert stray(out) == []


@needs_exchange
def test_a_failed_swap_leaves_the_old_build_and_its_cache(src, tmp_path, monkeypatch):
    out = tmp_path / "out"
    build(src, out)
    old = snapshot(out)

    def broken(a, b):
        raise OSError(errno.EIO, os.strerror(errno.EIO), str(a))

    monkeypatch.setattr(switch, "exchange", broken)
    (src / "b.txt").write_text(OTHER + OTHER, encoding="utf-8")
    with pytest.raises(OSError, match="Input/output error"):
        build(src, out)
    assert snapshot(out) == old and (out / CACHE).is_dir()
    assert stray(out) == []


def test_an_unfinished_staging_folder_is_removed_whole(tmp_path):
    out = tmp_path / "out"
    out.mkdir()
    stage = Stage(out)
    (stage.path / "extractions").mkdir()
    (stage.path / "extractions" / "a.json").write_text("{}")
    (stage.path / ".govgraph-sort-x1").mkdir()
    removed, kept = remove_stale(out)
    assert (removed, kept) == ([str(stage.path)], [])
    assert not stage.path.exists()


def test_a_killed_switch_gives_the_cache_back(tmp_path):
    """Killed after the cache moved into the finished staging folder, before the swap."""
    out = tmp_path / "out"
    out.mkdir()
    stage = Stage(out)
    (stage.path / "govgraph.ttl").write_text("new")
    (stage.path / MANIFEST).write_text(json.dumps({"files": ["govgraph.ttl"]}))
    (stage.path / STAGE_MARK).unlink()
    (stage.path / CACHE / "rules").mkdir(parents=True)
    (stage.path / CACHE / "rules" / "entry.json").write_text("{}")
    assert remove_stale(out) == ([str(stage.path)], [])
    assert (out / CACHE / "rules" / "entry.json").read_text() == "{}"
    assert not stage.path.exists()


def test_an_old_build_with_a_users_file_keeps_that_file(tmp_path):
    """A user's file that got into OUT in the moment before the swap: only govgraph's go."""
    out = tmp_path / "out"
    out.mkdir()
    old = tmp_path / ".out.govgraph-staging-ab12cd34"
    (old / "extractions").mkdir(parents=True)
    (old / "extractions" / "a.json").write_text("{}")
    (old / "govgraph.ttl").write_text("old")
    (old / MANIFEST).write_text(json.dumps({"files": ["extractions/a.json", "govgraph.ttl"]}))
    (old / LOCK_NAME).write_text("")
    (old / "notes.md").write_text("mine")
    assert remove_stale(out) == ([], [str(old)])
    assert sorted(p.name for p in old.rglob("*")) == ["notes.md"]


def test_only_govgraph_names_count_as_staging_folders(tmp_path):
    out = tmp_path / "out"
    out.mkdir()
    for name in (".out.govgraph-staging-mine", ".other.govgraph-staging-ab12cd34", "out.govgraph-staging-ab12cd34"):
        (tmp_path / name).mkdir()
        (tmp_path / name / STAGE_MARK).write_text("")
    assert remove_stale(out) == ([], [])
    assert len(list(tmp_path.iterdir())) == 4


def read_one_build(out: Path) -> dict[str, bytes] | None:
    """How a program reads several files of one build: open OUT once, read every file relative
    to it, then check that OUT is still that folder (a folder is OUT from its swap until the
    next, complete and unchanged); None when a build came in meanwhile (read again)."""
    found: dict[str, bytes] = {}

    def walk(fd: int, prefix: str) -> None:
        for name in sorted(os.listdir(fd)):
            if name in (CACHE, LOCK_NAME):
                continue
            try:
                sub = os.open(name, os.O_RDONLY | os.O_DIRECTORY, dir_fd=fd)
            except NotADirectoryError:
                with os.fdopen(os.open(name, os.O_RDONLY, dir_fd=fd), "rb") as f:
                    found[prefix + name] = f.read()
                continue
            try:
                walk(sub, prefix + name + "/")
            finally:
                os.close(sub)

    top = os.open(out, os.O_RDONLY | os.O_DIRECTORY)
    try:
        walk(top, "")
        return found if os.path.samestat(os.fstat(top), os.stat(out)) else None
    except FileNotFoundError:  # the old build is being removed under the reader
        return None
    finally:
        os.close(top)


@needs_exchange
def test_a_reader_during_builds_reads_one_build_or_the_other(src, tmp_path):
    """Builds alternate between two corpora while a reader keeps reading OUT: every reading
    that `read_one_build` vouches for is exactly one of the two builds. (Publishing in place,
    the folder stays the same and readings mix the two.)"""
    other = tmp_path / "other"
    other.mkdir()
    (other / "a.txt").write_text(OTHER, encoding="utf-8")
    (other / "c.txt").write_text(GOOD + OTHER, encoding="utf-8")
    out = tmp_path / "out"
    build(other, out)
    second = snapshot(out)
    build(src, out)
    first = snapshot(out)
    readings: list[dict[str, bytes] | None] = []
    stop = threading.Event()

    def reader() -> None:
        while not stop.is_set():
            readings.append(read_one_build(out))

    t = threading.Thread(target=reader)
    t.start()
    try:
        for corpus in (other, src) * 4:
            build(corpus, out)
    finally:
        stop.set()
        t.join()
    vouched = [r for r in readings if r is not None]
    assert all(r in (first, second) for r in vouched)
    assert first in vouched and second in vouched
