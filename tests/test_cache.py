"""The extraction cache holds data, not code: entries are checked JSON tied to their document,
a bad entry is dropped and extracted again with a warning, an unwritable cache is a warning,
and only govgraph's own folders are ever removed (issue: trust)."""

from __future__ import annotations

import json
import pickle
from pathlib import Path

import pytest

from govgraph import api
from govgraph.cache import MARKER
from govgraph.cli import main

GOOD = "湖北省荆州市中级人民法院开展交叉执行，执行到位金额4784.85万元。\n"


@pytest.fixture
def two(tmp_path) -> Path:
    src = tmp_path / "in"
    src.mkdir()
    (src / "a.txt").write_text(GOOD, encoding="utf-8")
    (src / "b.txt").write_text(GOOD.replace("荆州市", "宜昌市"), encoding="utf-8")
    return src


def entries(cache: Path) -> dict[str, Path]:
    """Cache entry files by the document they hold."""
    return {json.loads(p.read_bytes())["document"]: p for p in cache.rglob("*.json")}


def build(src, out, cache):
    return api.build([str(src)], out, workers=1, progress=False, page=False, cache=cache)


def test_swapped_entries_are_dropped_and_extracted_again(two, tmp_path):
    out, cache = tmp_path / "out", tmp_path / "cache"
    build(two, out, cache)
    before = {p.name: p.read_bytes() for p in (out / "extractions").iterdir()}
    e = entries(cache)
    a, b = e["a.txt"].read_bytes(), e["b.txt"].read_bytes()
    e["a.txt"].write_bytes(b)
    e["b.txt"].write_bytes(a)
    r = build(two, out, cache)
    assert (r.extracted, r.cached) == (2, 0)
    assert len(r.warnings) == 2 and all("cache entry dropped (an entry of another document" in w for w in r.warnings)
    assert {p.name: p.read_bytes() for p in (out / "extractions").iterdir()} == before
    assert build(two, out, cache).warnings == []  # the entries were written anew


class RunsCode:
    def __reduce__(self):
        return (Path.write_text, (Path("/tmp/govgraph-cache-ran-code"), "ran"))


def test_a_pickle_in_the_cache_is_never_run(two, tmp_path, capsys):
    out, cache = tmp_path / "out", tmp_path / "cache"
    build(two, out, cache)
    Path("/tmp/govgraph-cache-ran-code").unlink(missing_ok=True)
    entries(cache)["a.txt"].write_bytes(pickle.dumps(RunsCode()))
    rc = main(["build", str(two), "-o", str(out), "--cache", str(cache), "--workers", "1", "--no-page"])
    err = capsys.readouterr().err
    assert rc == 0
    assert "warning:" in err and "a.txt: cache entry dropped (not JSON" in err
    assert not Path("/tmp/govgraph-cache-ran-code").exists()


def test_an_unwritable_cache_is_a_warning(two, tmp_path, capsys):
    blocker = tmp_path / "cache"
    blocker.write_text("a file where the cache folder would go")
    rc = main(["build", str(two), "-o", str(tmp_path / "out"), "--cache", str(blocker), "--workers", "1", "--no-page"])
    err = capsys.readouterr().err
    assert rc == 0
    assert "cannot write the cache" in err and "going on without it" in err
    assert (tmp_path / "out" / "extractions" / "b.json").is_file()


def test_only_marked_folders_are_pruned(two, tmp_path, monkeypatch):
    from govgraph import lexicon

    cache = tmp_path / "cache"
    build(two, tmp_path / "out", cache)
    ours = next(p for p in cache.iterdir() if (p / MARKER).is_file())
    mine = cache / ("0" * len(ours.name))  # a user's folder with a name like a rules key
    mine.mkdir()
    (mine / "notes.txt").write_text("mine")
    monkeypatch.setattr(lexicon, "rules_version", lambda: "changed-rules")
    build(two, tmp_path / "out", cache)
    left = sorted(p.name for p in cache.iterdir())
    assert ours.name not in left and mine.name in left and len(left) == 2
    assert (mine / "notes.txt").read_text() == "mine"
