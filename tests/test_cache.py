"""The extraction cache holds data, not code: entries are checked JSON tied to their document,
a bad entry is dropped and extracted again with a warning, an unwritable cache is a warning,
and only govgraph's own folders are ever removed (issue: trust)."""

from __future__ import annotations

import json
import pickle
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from govgraph import api
from govgraph.build import run as build_run
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


def _json_values():
    return st.recursive(
        st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=8),
        lambda c: st.lists(c, max_size=4) | st.dictionaries(st.text(max_size=4), c, max_size=4),
        max_leaves=12,
    )


def _replace_inside(value, data, depth: int = 0):
    """`value` with one part (drawn by `data`, at any depth) replaced by arbitrary JSON."""
    if isinstance(value, list) and value and depth < 8 and data.draw(st.booleans()):
        i = data.draw(st.integers(0, len(value) - 1))
        return [*value[:i], _replace_inside(value[i], data, depth + 1), *value[i + 1 :]]
    if isinstance(value, dict) and value and depth < 8 and data.draw(st.booleans()):
        k = data.draw(st.sampled_from(sorted(value)))
        return {**value, k: _replace_inside(value[k], data, depth + 1)}
    return data.draw(_json_values())


@pytest.fixture(scope="module")
def fuzz_site(tmp_path_factory):
    """Two documents built once: (input folder, OUT, cache folder, reference extraction files, the
    first document's cache entry as written)."""
    root = tmp_path_factory.mktemp("fuzz")
    src = root / "in"
    src.mkdir()
    (src / "a.txt").write_text(GOOD, encoding="utf-8")
    (src / "b.txt").write_text(GOOD.replace("荆州市", "宜昌市"), encoding="utf-8")
    out, cache = root / "out", root / "cache"
    build(src, out, cache)
    reference = {p.name: p.read_bytes() for p in sorted((out / "extractions").iterdir())}
    return src, out, cache, reference, entries(cache)["a.txt"].read_bytes()


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(data=st.data())
def test_any_bytes_in_a_cache_entry_never_run_code_nor_sink_the_build(fuzz_site, data):
    """A cache entry replaced by anything (bytes, a pickle, JSON, a valid entry with any part
    changed): the build ends with exit 0 and, when it drops the entry, the same outputs."""
    src, out, cache, reference, pristine = fuzz_site
    entry = entries(cache)["a.txt"]
    # drawn from the entry as first written, never from what an earlier example left (hypothesis
    # replays an example and must draw the same way)
    valid = json.loads(pristine)
    kind = data.draw(st.sampled_from(["bytes", "pickle", "json", "inside"]))
    if kind == "bytes":
        bad = data.draw(st.binary(max_size=256))
    elif kind == "pickle":
        bad = pickle.dumps(RunsCode())
    elif kind == "json":
        bad = json.dumps(data.draw(_json_values())).encode()
    else:
        bad = json.dumps(_replace_inside(valid, data), ensure_ascii=False).encode()
    entry.write_bytes(bad)
    Path("/tmp/govgraph-cache-ran-code").unlink(missing_ok=True)
    r = build(src, out, cache)
    assert r.exit_code == 0 and r.documents == 2
    assert not Path("/tmp/govgraph-cache-ran-code").exists()
    if r.warnings:
        assert all("cache entry dropped" in w for w in r.warnings)
        assert {p.name: p.read_bytes() for p in sorted((out / "extractions").iterdir())} == reference


class _Engine:
    def __init__(self, local_workers: bool):
        self.local_workers = local_workers


class _Store:
    def __init__(self, held: set):
        self.held, self.asked = held, []

    def has(self, key: str) -> bool:
        self.asked.append(key)
        return key in self.held


@pytest.mark.parametrize(
    "local_workers, cached, expected, reads",
    [
        (True, None, True, 0),  # no cache: every file is extracted
        (True, set(), True, 1),  # the first file is not cached: no need to read on
        (True, {"a.txt", "b.txt"}, False, 2),  # all cached: the pool need not load the rules
        (False, None, False, 0),  # one process (or Dask) loads them at its first file: nothing read
        (False, set(), False, 0),
        (False, {"a.txt", "b.txt"}, False, 0),
    ],
)
def test_only_a_local_pool_asks_whether_it_will_extract(two, monkeypatch, local_workers, cached, expected, reads):
    monkeypatch.setattr(build_run, "document_key", lambda name, text: name)
    store = None if cached is None else _Store(cached)
    files = sorted(two.iterdir())
    assert build_run._warm_pool(_Engine(local_workers), files, store, 1 << 20) is expected
    assert len(store.asked if store else []) == reads
