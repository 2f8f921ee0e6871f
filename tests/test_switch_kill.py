"""Builds killed with SIGKILL at every step, the switch included: OUT holds exactly the old build
or exactly the new one, no process of the killed build lives on, and the next build leaves no
staging or temporary file behind (issue: trust).

The build stops at a named step when ``GOVGRAPH_TEST_PAUSE_AT`` says so (`switch.pause`), which
makes the kill land there every time. Each test runs three builds as processes (~15 s): only
the ones around the swap itself are left in the quick suite, the others are marked `slow`."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from govgraph import api
from govgraph.build import switch
from govgraph.reader import bundled_corpus
from test_faults import alive, children
from test_switch import snapshot, stray, swappable  # noqa: F401 (a fixture)

pytestmark = [
    pytest.mark.skipif(not sys.platform.startswith("linux"), reason="reads /proc"),
    pytest.mark.usefixtures("swappable"),
]


def corpora(root: Path) -> tuple[Path, Path]:
    """The old corpus (the five sample pages) and the new one: one page gone, one changed, one added."""
    old, new = root / "old", root / "new"
    old.mkdir()
    new.mkdir()
    pages = bundled_corpus()
    for p in pages:
        (old / p.name).write_bytes(p.read_bytes())
    for p in pages[1:]:
        (new / p.name).write_bytes(p.read_bytes())
    changed = new / pages[1].name
    changed.write_bytes(changed.read_bytes() + "湖北省荆州市中级人民法院开展交叉执行。\n".encode())
    (new / "extra.txt").write_bytes(pages[0].read_bytes()[:4000].decode("utf-8", "ignore").encode())
    return old, new


@pytest.fixture(scope="module")
def refs(tmp_path_factory):
    """The two builds a killed build may leave, each built on its own: (old corpus, new corpus, old, new)."""
    root = tmp_path_factory.mktemp("refs")
    old, new = corpora(root)
    built = []
    for corpus in (old, new):
        out = root / f"out-{corpus.name}"
        api.build([str(corpus)], out, workers=1, progress=False, page=False, formats=("ttl", "nt"), cache=False)
        built.append(snapshot(out))
    assert built[0] != built[1] and set(built[0]) != set(built[1])
    return old, new, built[0], built[1]


def descendants(pid: int) -> set[int]:
    found, todo = set(), [pid]
    while todo:
        for c in children(todo.pop()):
            if c not in found:
                found.add(c)
                todo.append(c)
    return found


def kill_at(step: str, corpus: Path, out: Path, workers: int = 2, sig: int = signal.SIGKILL) -> set[int]:
    """Start a build, wait until it reports it stopped at `step`, send it `sig` (SIGKILL: no
    clean-up code runs) and wait for its end; its helper processes."""
    env = dict(os.environ, **{switch.PAUSE_ENV: step})
    cmd = [sys.executable, "-m", "govgraph", "build", str(corpus), "-o", str(out), "--no-page"]
    cmd += ["--format", "ttl,nt", "--workers", str(workers)]
    p = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, env=env, text=True)
    try:
        lines = []
        for line in p.stderr:
            lines.append(line)
            if f"paused at {step}" in line:
                break
        else:
            pytest.fail(f"the build never reached {step}: {''.join(lines)}")
        helpers = descendants(p.pid)
        p.send_signal(sig)
        p.wait(timeout=60)
    finally:
        p.kill()
        p.wait()
        p.stderr.close()
    return helpers


def rebuild(corpus: Path, out: Path) -> subprocess.CompletedProcess:
    cmd = [sys.executable, "-m", "govgraph", "build", str(corpus), "-o", str(out), "--no-page", "--format", "ttl,nt"]
    return subprocess.run(cmd, capture_output=True, text=True, timeout=600)


def check_next_build(new_corpus: Path, out: Path, new: dict, helpers: set[int]) -> None:
    for pid in helpers:  # workers and range writers die with the build (PR_SET_PDEATHSIG)
        assert not _lives_on(pid), f"process {pid} outlived the killed build"
    r = rebuild(new_corpus, out)
    assert r.returncode == 0, r.stderr
    assert snapshot(out) == new
    assert stray(out) == []
    assert "cache:" in r.stdout and "reused" in r.stdout  # the cache survived the kill


def _lives_on(pid: int) -> bool:
    for _ in range(100):
        if not alive(pid):
            return False
        time.sleep(0.05)
    return True


BEFORE_SWITCH = ["merged", "ranges", "written", "staged", "cache-moved"]


@pytest.mark.parametrize(
    "step", [s if s == "cache-moved" else pytest.param(s, marks=pytest.mark.slow) for s in BEFORE_SWITCH]
)
def test_killed_before_the_switch_out_holds_the_old_build(refs, tmp_path, step):
    old_corpus, new_corpus, old, new = refs
    out = tmp_path / "out"
    assert rebuild(old_corpus, out).returncode == 0
    helpers = kill_at(step, new_corpus, out)
    assert snapshot(out) == old
    check_next_build(new_corpus, out, new, helpers)


def test_killed_right_after_the_switch_out_holds_the_new_build(refs, tmp_path):
    old_corpus, new_corpus, old, new = refs
    out = tmp_path / "out"
    assert rebuild(old_corpus, out).returncode == 0
    helpers = kill_at("exchanged", new_corpus, out)
    assert snapshot(out) == new
    assert len(stray(out)) == 1  # the old build, under the staging name, until the next build
    check_next_build(new_corpus, out, new, helpers)


@pytest.mark.slow
def test_a_first_build_killed_at_the_switch_leaves_no_build_or_the_whole_one(refs, tmp_path):
    _, new_corpus, _, new = refs
    out = tmp_path / "out"
    kill_at("cache-moved", new_corpus, out)
    assert snapshot(out) == {}
    out2 = tmp_path / "out2"
    kill_at("exchanged", new_corpus, out2)
    assert snapshot(out2) == new


@pytest.mark.slow
def test_killed_while_put_in_place_out_holds_whole_files_the_next_build_replaces(refs, tmp_path):
    """With a file govgraph did not write in OUT there is no swap: a kill during the renames
    leaves a mix of whole files, all listed in the manifest, and the next build replaces them."""
    old_corpus, new_corpus, old, new = refs
    out = tmp_path / "out"
    assert rebuild(old_corpus, out).returncode == 0
    (out / "notes.md").write_text("mine", encoding="utf-8")
    kill_at("in-place", new_corpus, out)
    mixed = snapshot(out)
    assert set(mixed) == set(old) | set(new) | {"notes.md"}  # all new files in, the stale old one still there
    listed = set(json.loads(mixed[switch.MANIFEST])["files"])
    for rel, data in mixed.items():
        assert rel in ("notes.md", switch.MANIFEST) or (rel in listed and data in (old.get(rel), new.get(rel)))
    r = rebuild(new_corpus, out)  # its own files from the killed build are not refused
    assert r.returncode == 0, r.stderr
    assert snapshot(out) == {**new, "notes.md": b"mine"}
    assert stray(out) == []


def test_terminated_in_the_switch_the_old_build_and_its_cache_stay(refs, tmp_path):
    """SIGTERM unwinds like Ctrl-C: the cache goes back into OUT, the staging folder goes."""
    old_corpus, new_corpus, old, new = refs
    out = tmp_path / "out"
    assert rebuild(old_corpus, out).returncode == 0
    kill_at("cache-moved", new_corpus, out, sig=signal.SIGTERM)
    assert snapshot(out) == old and (out / switch.CACHE).is_dir()
    assert stray(out) == [] and not (out / ".govgraph-lock").exists()
