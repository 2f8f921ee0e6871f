"""Inputs that are not plain files, odd names and deep folders: each is named with its problem,
the build exits 1 and the good file's extraction is written (issue: one bad input never sinks
the build)."""

from __future__ import annotations

import json
import os
import subprocess
import sys

import pytest

from govgraph import reader
from govgraph.cli import main

GOOD = "湖北省荆州市中级人民法院开展交叉执行，执行到位金额4784.85万元。\n"


def build(argv, timeout=120):
    """`govgraph build` in a child process: a hang (a FIFO read) fails the test instead of blocking it."""
    cmd = [sys.executable, "-m", "govgraph", "build", *argv, "--workers", "1", "--no-page", "--no-cache"]
    return subprocess.run(cmd, capture_output=True, text=True, timeout=timeout)


def extraction(out, stem):
    return json.loads((out / "extractions" / f"{stem}.json").read_text(encoding="utf-8"))


def good_folder(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "good.txt").write_text(GOOD, encoding="utf-8")
    return folder


@pytest.mark.parametrize(
    "make, problem",
    [
        (lambda d: os.mkfifo(d / "pipe.txt"), "pipe.txt: is a FIFO"),
        (lambda d: (d / "self.txt").symlink_to(d / "self.txt"), "self.txt: cannot be read"),
        (lambda d: (d / "date.txt").write_text("截至2024年23月底，荆州市中级人民法院执结案件120件。\n"), "date.txt: "),
    ],
    ids=["fifo", "self-symlink", "impossible-date"],
)
def test_bad_entry_in_a_folder_is_named_and_the_rest_built(tmp_path, make, problem):
    folder = good_folder(tmp_path)
    make(folder)
    r = build([str(folder), "-o", str(tmp_path / "out")])
    assert r.returncode == 1, r.stderr
    assert problem in r.stderr and "Traceback" not in r.stderr
    assert extraction(tmp_path / "out", "good")["institutions"][0]["name"] == "荆州市中级人民法院"


@pytest.mark.parametrize(
    "make, problem",
    [
        (lambda d: "/dev/zero", "/dev/zero: is a device"),
        (lambda d: str((d / "loop.txt").symlink_to(d / "loop.txt") or d / "loop.txt"), "loop.txt: cannot be read"),
    ],
    ids=["device", "self-symlink"],
)
def test_bad_path_given_by_name_is_named_and_the_rest_built(tmp_path, make, problem):
    folder = good_folder(tmp_path)
    bad = make(tmp_path)
    r = build([str(folder / "good.txt"), bad, "-o", str(tmp_path / "out")], timeout=60)
    assert r.returncode == 1, r.stderr
    assert problem in r.stderr
    assert extraction(tmp_path / "out", "good")["document"] == "good.txt"


@pytest.mark.slow
def test_folders_deeper_than_the_recursion_limit(tmp_path):
    deep = tmp_path / "in"
    path = os.fspath(deep)
    os.mkdir(path)
    for _ in range(1100):  # one at a time: os.makedirs itself recurses
        path = os.path.join(path, "d")
        os.mkdir(path)
    with open(os.path.join(path, "deep.txt"), "w", encoding="utf-8") as f:
        f.write(GOOD)
    (deep / "top.txt").write_text(GOOD, encoding="utf-8")
    try:
        files = reader.discover([deep]).files
        assert [f.name for f in files] == ["deep.txt", "top.txt"]
    finally:  # from the bottom up: shutil.rmtree (pytest's clean-up) recurses and would fail
        os.unlink(os.path.join(path, "deep.txt"))
        while path != os.fspath(deep):
            os.rmdir(path)
            path = os.path.dirname(path)


def test_a_file_name_that_is_not_utf8(tmp_path):
    folder = good_folder(tmp_path)
    with open(os.path.join(os.fsencode(folder), b"caf\xe9.txt"), "w", encoding="utf-8") as f:
        f.write(GOOD)
    r = build([str(folder), "-o", str(tmp_path / "out")])
    assert r.returncode == 0, r.stderr
    assert extraction(tmp_path / "out", "caf\\xe9")["document"] == "caf\\xe9.txt"


def test_names_that_collide_when_case_folded_get_distinct_extractions(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "x.txt").write_text(GOOD, encoding="utf-8")
    (folder / "x.TXT").write_text(GOOD.replace("荆州市", "宜昌市"), encoding="utf-8")
    r = build([str(folder), "-o", str(tmp_path / "out")])
    assert r.returncode == 0, r.stderr
    got = {
        p.name: json.loads(p.read_text(encoding="utf-8"))["document"]
        for p in (tmp_path / "out" / "extractions").iterdir()
    }
    assert got == {"x.json": "x.TXT", "x.txt.json": "x.txt"}


@pytest.mark.parametrize(
    "names, stems",
    [
        (["a.txt", "b.txt"], {"a.txt": "a", "b.txt": "b"}),
        (["x.TXT", "x.txt"], {"x.TXT": "x", "x.txt": "x.txt"}),
        (["X.txt", "x.txt"], {"X.txt": "X", "x.txt": "x.txt"}),
        (["a.txt", "A.txt", "a.TXT"], {"A.txt": "A", "a.TXT": "a.TXT", "a.txt": "a.txt-2"}),
        ([".txt"], {".txt": ".txt"}),
    ],
)
def test_extraction_stems(names, stems):
    assert reader.extraction_stems(names) == stems


def test_unreadable_subfolder_is_named(tmp_path, capsys, monkeypatch):
    folder = good_folder(tmp_path)
    (folder / "locked").mkdir()
    (folder / "locked" / "inside.txt").write_text(GOOD, encoding="utf-8")
    real_scandir = os.scandir

    def scandir(path):  # root reads any folder, so the refusal is simulated
        if os.fspath(path).endswith("locked"):
            raise PermissionError(13, "Permission denied")
        return real_scandir(path)

    monkeypatch.setattr(reader.os, "scandir", scandir)
    rc = main(["build", str(folder), "-o", str(tmp_path / "out"), "--workers", "1", "--no-page", "--no-cache"])
    err = capsys.readouterr().err
    assert rc == 1
    assert "locked: folder cannot be read (Permission denied)" in err


def test_max_file_size(tmp_path):
    folder = good_folder(tmp_path)
    (folder / "big.txt").write_text(GOOD * 20, encoding="utf-8")
    r = build([str(folder), "-o", str(tmp_path / "out"), "--max-file-size", "1KB"])
    assert r.returncode == 1, r.stderr
    assert "big.txt: is larger than the limit of 1000 bytes" in r.stderr


@pytest.mark.parametrize("text, size", [("512MB", 512_000_000), ("2GiB", 2 * 1024**3), ("1000", 1000), ("1.5kb", 1500)])
def test_file_size_option(text, size):
    from govgraph.cli import file_size

    assert file_size(text) == size


def test_a_bad_size_is_a_usage_error(capsys):
    with pytest.raises(SystemExit) as e:
        main(["build", "--max-file-size", "lots"])
    assert e.value.code == 2
    assert "not a size" in capsys.readouterr().err
