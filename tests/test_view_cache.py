"""`govgraph view` keeps the page rows it read from the store as JSON in the store's folder;
later views read them back. The page is the same either way, and a cache file that is not
exactly what the code writes (any bytes, a pickle, another version's rows) is ignored and
written again: never trusted, never run."""

from __future__ import annotations

import json
import pickle
import shutil

import pytest

from govgraph import api, store_view
from govgraph.store import store_path


@pytest.fixture()
def graph_file(built, tmp_path):
    """A copy of the sample graph of its own, so its store and cache are this test's."""
    path = tmp_path / "govgraph.ttl"
    shutil.copyfile(built / "govgraph.ttl", path)
    return path


def _view(graph_file, out):
    api.view(graph_file, out, focus="交叉执行")
    return out.read_bytes()


def test_a_later_view_reads_the_rows_back_and_draws_the_same_page(graph_file, tmp_path, monkeypatch):
    first = _view(graph_file, tmp_path / "a.html")
    cache = store_path(graph_file) / store_view.ROWS_FILE
    assert cache.is_file()

    def no_store_reads(store):
        raise AssertionError("the rows were read from the store again")

    monkeypatch.setattr(store_view, "page_lines", no_store_reads)
    assert _view(graph_file, tmp_path / "b.html") == first


@pytest.mark.parametrize(
    "damage",
    [
        lambda data: b"\x00\xff not json",
        lambda data: pickle.dumps({"key": "x", "rows": []}),
        lambda data: json.dumps({**json.loads(data), "key": "another version"}).encode(),
        lambda data: json.dumps({**json.loads(data), "rows": [["s", "label", ["only the lexical form"]]]}).encode(),
        lambda data: json.dumps({**json.loads(data), "rows": [["s", "ev_m", "not four fields"]]}).encode(),
        lambda data: json.dumps({**json.loads(data), "rows": json.loads(data)["rows"][:-1] + [[1, 2, 3]]}).encode(),
    ],
    ids=["bytes", "pickle", "other-key", "bad-literal", "bad-evidence", "bad-row"],
)
def test_a_damaged_cache_is_ignored_and_written_again(graph_file, tmp_path, damage):
    first = _view(graph_file, tmp_path / "a.html")
    cache = store_path(graph_file) / store_view.ROWS_FILE
    good = cache.read_bytes()
    cache.write_bytes(damage(good))
    assert _view(graph_file, tmp_path / "b.html") == first
    assert cache.read_bytes() == good
