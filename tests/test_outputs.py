"""Where output goes: empty and dangling output paths, a full disk, and `view -o` following the
build's rule (never replace a file govgraph did not write) (issue: trust)."""

from __future__ import annotations

import errno
import os

import pytest

from govgraph.build import outputs
from govgraph.cli import main

GOOD = "湖北省荆州市中级人民法院开展交叉执行，执行到位金额4784.85万元。\n"


def run(argv, capsys):
    rc = main(argv)
    err = capsys.readouterr().err
    assert "Traceback" not in err and "internal error" not in err
    return rc, err


@pytest.fixture
def doc(tmp_path):
    p = tmp_path / "a.txt"
    p.write_text(GOOD, encoding="utf-8")
    return p


def test_an_empty_output_name_is_refused(doc, tmp_path, capsys, monkeypatch):
    monkeypatch.chdir(tmp_path)
    rc, err = run(["build", str(doc), "-o", "", "--workers", "1"], capsys)
    assert rc == 2 and "output folder name is empty" in err
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a.txt"]


def test_a_dangling_symlink_as_output_is_named(doc, tmp_path, capsys):
    (tmp_path / "out").symlink_to(tmp_path / "gone")
    rc, err = run(["build", str(doc), "-o", str(tmp_path / "out"), "--workers", "1"], capsys)
    assert rc == 2 and "symbolic link to a folder that does not exist" in err


def test_a_full_disk_is_an_error_not_a_bug(doc, tmp_path, capsys, monkeypatch):
    real_create = outputs._create

    def create(path):  # no room left for the graph in the staging folder
        if path.name == "govgraph.ttl":
            raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC), str(path))
        return real_create(path)

    monkeypatch.setattr(outputs, "_create", create)
    out = tmp_path / "out"
    rc, err = run(["build", str(doc), "-o", str(out), "--workers", "1", "--no-page"], capsys)
    assert rc == 2 and "govgraph.ttl: No space left on device" in err
    assert sorted(p.name for p in out.rglob("*")) == []  # the failed first build leaves nothing
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a.txt"]  # no staging folder either


@pytest.fixture
def graph(doc, tmp_path):
    out = tmp_path / "out"
    assert main(["build", str(doc), "-o", str(out), "--workers", "1", "--no-page"]) == 0
    return out / "govgraph.ttl"


def test_view_never_replaces_a_file_it_did_not_write(graph, tmp_path, capsys):
    mine = tmp_path / "mine.html"
    mine.write_text("<p>my notes</p>")
    rc, err = run(["view", "-g", str(graph), "-o", str(mine)], capsys)
    assert rc == 2 and "was not written by govgraph" in err
    assert mine.read_text() == "<p>my notes</p>"
    rc, err = run(["view", "-g", str(graph), "-o", str(graph)], capsys)
    assert rc == 2 and "is the graph being read" in err


def test_view_replaces_its_own_page(graph, tmp_path, capsys):
    page = tmp_path / "page.html"
    assert run(["view", "-g", str(graph), "-o", str(page)], capsys)[0] == 0
    assert run(["view", "-g", str(graph), "-o", str(page), "--max-nodes", "3"], capsys)[0] == 0
