"""Faults around a build: a second build into the same folder, SIGKILL and SIGTERM, and what
killed builds leave behind (issue: trust)."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from govgraph.errors import GovgraphError
from govgraph.lock import BuildLock, remove_leftovers
from govgraph.reader import bundled_corpus

ROOT = Path(__file__).resolve().parent.parent


def corpus(folder: Path, copies: int) -> Path:
    """`copies` copies of the five sample pages under distinct names."""
    folder.mkdir()
    for i in range(copies):
        for p in bundled_corpus():
            (folder / f"{i:03d}_{p.name}").write_bytes(p.read_bytes())
    return folder


def start_build(src: Path, out: Path, *extra: str) -> subprocess.Popen:
    cmd = [sys.executable, "-m", "govgraph", "build", str(src), "-o", str(out), "--no-page", *extra]
    return subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)


def children(pid: int) -> set[int]:
    """The process ids whose parent is `pid`."""
    found = set()
    for task in Path(f"/proc/{pid}/task").glob("*"):
        try:
            found |= {int(c) for c in (task / "children").read_text().split()}
        except OSError:
            pass
    return found


def alive(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except OSError:
        return False
    return state != "Z"


def wait_for(predicate, seconds: float = 30.0) -> bool:
    end = time.monotonic() + seconds
    while time.monotonic() < end:
        if predicate():
            return True
        time.sleep(0.05)
    return False


def test_a_second_build_into_the_same_folder_is_refused(tmp_path):
    out = tmp_path / "out"
    with BuildLock(out):
        r = subprocess.run(
            [sys.executable, "-m", "govgraph", "build", "-o", str(out), "--no-page", "--workers", "1"],
            capture_output=True,
            text=True,
            timeout=120,
        )
        assert sorted(p.name for p in out.iterdir()) == [".govgraph-lock"]  # nothing of the refused build
    assert r.returncode == 2
    assert f"{out}: another govgraph build is writing here" in r.stderr


def test_the_lock_is_taken_again_after_release(tmp_path):
    with BuildLock(tmp_path):
        with pytest.raises(GovgraphError, match="another govgraph build"):
            BuildLock(tmp_path).acquire()
    assert not (tmp_path / ".govgraph-lock").exists()  # a build that ended leaves no lock file
    with BuildLock(tmp_path):
        pass


def test_a_lock_file_removed_under_a_waiting_build_is_not_trusted(tmp_path, monkeypatch):
    """B opened the lock file, A removed it on release: B must lock the file at the path anew."""
    import fcntl

    from govgraph import lock as lock_module

    first = BuildLock(tmp_path).acquire()
    real_flock = fcntl.flock
    calls = []

    def flock(fd, op):  # A releases between B's open and B's flock
        if not calls:
            first.release()
        calls.append(fd)
        return real_flock(fd, op)

    monkeypatch.setattr(lock_module.fcntl, "flock", flock)
    second = BuildLock(tmp_path).acquire()
    assert len(calls) == 2  # the first try was on the removed file
    assert os.path.samestat(os.fstat(second.fd), os.stat(tmp_path / ".govgraph-lock"))
    second.release()


def test_leftovers_of_killed_builds_are_removed(tmp_path):
    (tmp_path / ".govgraph-sort-abc123").mkdir()
    (tmp_path / ".govgraph-sort-abc123" / "run-0").write_text("x")
    (tmp_path / ".govgraph-parts-x1").mkdir()
    (tmp_path / ".govgraph.ttl.ab12cd34.tmp").write_text("x")
    (tmp_path / "extractions").mkdir()
    (tmp_path / "extractions" / ".a.json.zz_90xyq.tmp").write_text("x")
    (tmp_path / ".govgraph-json-0a1b2c3d.tmp").write_text("x")
    keep = ["notes.tmp", "my.ttl", ".hidden", "sort-me"]
    for name in keep:
        (tmp_path / name).write_text("mine")
    (tmp_path / "extractions" / "a.json").write_text("{}")
    removed = remove_leftovers(tmp_path)
    assert sorted(removed) == sorted(
        [
            ".govgraph-sort-abc123",
            ".govgraph-parts-x1",
            ".govgraph.ttl.ab12cd34.tmp",
            ".govgraph-json-0a1b2c3d.tmp",
            os.path.join("extractions", ".a.json.zz_90xyq.tmp"),
        ]
    )
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted([*keep, "extractions"])
    assert [p.name for p in (tmp_path / "extractions").iterdir()] == ["a.json"]


def test_a_refused_build_leaves_no_cache_behind(tmp_path):
    out = tmp_path / "out"
    out.mkdir()
    (out / "govgraph.ttl").write_text("mine\n")  # not govgraph's: the build stops
    r = subprocess.run(
        [sys.executable, "-m", "govgraph", "build", "-o", str(out), "--no-page", "--workers", "1"],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert r.returncode == 2 and "was not written by govgraph" in r.stderr
    assert sorted(p.name for p in out.iterdir()) == ["govgraph.ttl"]
    assert (out / "govgraph.ttl").read_text() == "mine\n"


@pytest.mark.slow
def test_sigkill_takes_the_workers_down_and_the_next_build_cleans_up(tmp_path):
    src = corpus(tmp_path / "in", 12)
    out = tmp_path / "out"
    p = start_build(src, out, "--workers", "2", "--no-cache")
    assert wait_for(lambda: len(children(p.pid)) >= 2), "the build started no workers"
    workers = children(p.pid)
    time.sleep(0.5)
    p.send_signal(signal.SIGKILL)
    p.wait()
    assert wait_for(lambda: not any(alive(w) for w in workers), 10), "workers outlived their build"
    r = subprocess.run(
        [sys.executable, "-m", "govgraph", "build", str(src), "-o", str(out), "--no-page", "--workers", "1"],
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert r.returncode == 0, r.stderr
    names = [p.name for p in out.rglob("*")]
    assert not [n for n in names if n.endswith(".tmp") or n.startswith(".govgraph-sort-")]
    manifest = json.loads((out / ".govgraph-manifest.json").read_text())
    assert len([f for f in manifest["files"] if f.startswith("extractions/")]) == 60


@pytest.mark.slow
def test_sigterm_cleans_up_like_ctrl_c(tmp_path):
    src = corpus(tmp_path / "in", 12)
    out = tmp_path / "out"
    p = start_build(src, out, "--workers", "2", "--no-cache")
    assert wait_for(lambda: len(children(p.pid)) >= 2)
    time.sleep(0.5)
    p.send_signal(signal.SIGTERM)
    _, err = p.communicate(timeout=60)
    assert p.returncode == 143, err
    assert "govgraph: terminated" in err and "Traceback" not in err
    assert not out.exists()  # the build created OUT, and a failed build leaves none behind


def test_a_child_that_asked_dies_with_its_parent(tmp_path):
    """The mechanism the range writers and pool workers use, on a parent killed with SIGKILL."""
    code = (
        "import os, subprocess, sys, time\n"
        "child = subprocess.Popen([sys.executable, '-c', "
        "'import os, time; from govgraph.lifetime import die_with_parent; "
        "die_with_parent(os.getppid()); print(\\'asked\\', flush=True); time.sleep(60)'])\n"
        "print(child.pid, flush=True)\n"
        "time.sleep(60)\n"
    )
    parent = subprocess.Popen([sys.executable, "-c", code], stdout=subprocess.PIPE, text=True)
    # the grandchild shares the pipe and says when it has asked (a fixed sleep was flaky under load)
    lines = sorted(parent.stdout.readline().strip() for _ in range(2))
    assert lines[1] == "asked", lines
    grandchild = int(lines[0])
    parent.kill()
    parent.wait()
    assert wait_for(lambda: not alive(grandchild), 10)
