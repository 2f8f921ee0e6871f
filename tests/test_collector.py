"""A build collects garbage less often (`build.collector`) and leaves the collector as it found it."""

from __future__ import annotations

import gc

import pytest

from govgraph.build import run
from govgraph.build.collector import YOUNGEST, fewer_collections


@pytest.fixture
def threshold():
    old = gc.get_threshold()
    yield
    gc.set_threshold(*old)


@pytest.mark.parametrize(
    "before,during",
    [
        ((700, 10, 10), (YOUNGEST, 10, 10)),  # Python's default
        ((2 * YOUNGEST, 20, 5), (2 * YOUNGEST, 20, 5)),  # a process that asked for fewer keeps its own
    ],
)
def test_fewer_collections_while_building(threshold, before, during):
    gc.set_threshold(*before)
    with fewer_collections():
        assert gc.get_threshold() == during
    assert gc.get_threshold() == before


def test_restored_when_the_build_fails(threshold):
    gc.set_threshold(700, 10, 10)
    with pytest.raises(RuntimeError), fewer_collections():
        raise RuntimeError
    assert gc.get_threshold() == (700, 10, 10)


def test_build_runs_with_fewer_collections(threshold, tmp_path, monkeypatch):
    seen = []
    monkeypatch.setattr(run._Build, "run", lambda self, eng, bar: seen.append(gc.get_threshold()[0]))
    (tmp_path / "a.txt").write_text("北京市人民法院开展调解工作。", encoding="utf-8")
    gc.set_threshold(700, 10, 10)
    run.build([str(tmp_path / "a.txt")], tmp_path / "out", cache=False)
    assert seen == [YOUNGEST] and gc.get_threshold() == (700, 10, 10)
