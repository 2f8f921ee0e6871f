"""Evidence nodes as one item each (`TripleEmitter.emit(x, grouped=True)`, `sink.sorted_items`):
the blocks, the merged graph and the Turtle and N-Triples written from it are those of the
plain lines, byte for byte."""

from __future__ import annotations

import io
import pickle

import pytest

from govgraph.build.sink import GraphSink, decode_lines, sorted_block, sorted_items
from govgraph.build.tasks import DocResult, tasks
from govgraph.build.writers import write_range
from govgraph.model import DEFAULT_BASE, project_prefixes
from govgraph.pipeline import process
from govgraph.reader import bundled_corpus, read
from govgraph.triples import TripleEmitter

OTHER_BASE = "http://example.org/g/"


@pytest.fixture(scope="module")
def samples():
    return [process(read(f)) for f in bundled_corpus()]


@pytest.mark.parametrize("base", [DEFAULT_BASE, OTHER_BASE])
def test_a_grouped_block_is_the_block_of_the_lines(samples, base):
    em = TripleEmitter(base)
    for x in samples:
        d, g = em.emit(x), em.emit(x, grouped=True)
        assert g.groups and g.shown == d.shown and g.evidence == d.evidence
        for group in g.groups:
            lines = group.split("\n")
            assert len(lines) == 15 and lines == sorted(lines)  # sorted whatever the values
        ungrouped = [ln for group in g.groups for ln in group.split("\n")]
        assert sorted(g.plain + ungrouped) == sorted(d.plain)
        assert g.lines() == d.lines()
        block = sorted_block(g.plain, g.groups)
        assert block != sorted_block(d.plain)  # items, not lines ...
        assert decode_lines(block) == sorted(set(d.plain))  # ... that read back as the lines
        assert block == b"\n".join(sorted_items(g.plain, g.groups))
        assert decode_lines(sorted_items(g.plain, g.groups)) == decode_lines(block)


def test_a_result_sends_its_items_as_one_block(samples):
    g = TripleEmitter().emit(samples[0], grouped=True)
    items = sorted_items(g.plain, g.groups)
    sent = pickle.loads(pickle.dumps(DocResult("a.txt", "a.txt", plain=items, page=[("s", "type", "o")])))
    assert sent.plain == sorted_block(g.plain, g.groups) and sent.page == [("s", "type", "o")]
    assert pickle.loads(pickle.dumps(DocResult("a.txt", "a.txt"))).plain == b""


def _written(sink: GraphSink, base: str) -> tuple[int, bytes, bytes]:
    ttl, nt = (io.TextIOWrapper(io.BytesIO(), encoding="utf-8") for _ in range(2))
    n = write_range(sink, project_prefixes(base), ttl, nt)
    ttl.flush()
    nt.flush()
    return n, ttl.buffer.getvalue(), nt.buffer.getvalue()


def test_a_sink_of_grouped_blocks_writes_the_same_graph(samples, tmp_path):
    em = TripleEmitter()
    docs = [(em.emit(x), em.emit(x, grouped=True)) for x in samples]
    lines = GraphSink(tmp_path)
    whole, spilled = GraphSink(tmp_path), GraphSink(tmp_path, spill_bytes=200_000)
    odd, even, joined = GraphSink(tmp_path, spill_bytes=150_000), GraphSink(tmp_path), GraphSink(tmp_path)
    listed, listed_spilled = GraphSink(tmp_path), GraphSink(tmp_path, spill_bytes=200_000)  # items in a list
    for i, (d, g) in enumerate(docs):
        lines.add(sorted_block(d.plain), d.keyed)
        block = sorted_block(g.plain, g.groups)
        whole.add(block, g.keyed)
        spilled.add(block, g.keyed)
        listed.add(sorted_items(g.plain, g.groups), g.keyed)
        listed_spilled.add(sorted_items(g.plain, g.groups), g.keyed)
        (odd if i % 2 else even).add(block, {})
        joined.add(b"", g.keyed)
    for other in (odd, even):  # as worker processes keep their lines (`WorkerLines`)
        other.spill_all()
        joined.add_runs(other.runs)
    assert spilled.runs and listed_spilled.runs
    graph = list(lines.lines())
    expected = _written(lines, DEFAULT_BASE)
    assert expected[0] == len(graph)
    for sink in (whole, spilled, joined, listed, listed_spilled):
        assert list(sink.lines()) == graph
        assert [ln for batch in sink.batches() for ln in batch] == [ln.encode("utf-8") for ln in graph]
        assert _written(sink, DEFAULT_BASE) == expected
        for parts in (2, 3, 7):  # ranges at the split points put together give the graph
            bounds = [None, *sink.split_points(parts), None]
            assert sum((list(sink.lines(lo, hi)) for lo, hi in zip(bounds, bounds[1:])), []) == graph
    for sink in (lines, whole, spilled, odd, even, joined, listed, listed_spilled):
        sink.close()


def test_documents_that_share_a_name_are_not_grouped(tmp_path):
    """Evidence nodes are named by document name and offsets: two files of one name may
    describe one node, whose lines must merge line by line."""
    for folder in ("a", "b"):
        (tmp_path / folder).mkdir()
        (tmp_path / folder / "x.txt").write_text("湖北省荆州市中级人民法院开展交叉执行。\n", encoding="utf-8")
    (tmp_path / "a" / "y.txt").write_text("荆州市中级人民法院。\n", encoding="utf-8")
    a, b, y = tmp_path / "a" / "x.txt", tmp_path / "b" / "x.txt", tmp_path / "a" / "y.txt"
    assert all(t.grouped for t in tasks([a, y], DEFAULT_BASE, None, 1 << 20, None))
    assert not any(t.grouped for t in tasks([a, b, y], DEFAULT_BASE, None, 1 << 20, None))
