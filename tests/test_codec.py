"""The cache's record format: JSON that round-trips every record and rejects anything else
without running it or crashing (issue: the cache holds data, never code)."""

from __future__ import annotations

import dataclasses
import json
import pickle

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from govgraph import codec
from govgraph.pipeline import process
from govgraph.reader import bundled_corpus, read


@pytest.fixture(scope="module")
def sample():
    return process(read(bundled_corpus()[0]))


@pytest.fixture(scope="module")
def blob(sample):
    return codec.encode(sample, "k" * 40)


def test_records_round_trip(sample, blob):
    assert codec.decode(blob, sample.document, "k" * 40) == sample
    entry = json.loads(blob)
    assert entry["format"] == "govgraph-records/1" and entry["document"] == sample.document
    # each sentence is written once, however many evidence items quote it
    sentences = [s.text for a in sample.articles for s in a.sentences]
    assert sum(1 for s in entry["strings"] if s in set(sentences)) == len(set(sentences))


@pytest.mark.parametrize(
    "change, problem",
    [
        (lambda e: e.update(document="other.txt"), "another document"),
        (lambda e: e.update(key="x" * 40), "another document"),
        (lambda e: e.update(format="pickle"), "not a govgraph records entry"),
        (lambda e: e["records"].pop(), "expected a Extraction record"),
        (lambda e: e["records"].__setitem__(0, 10**9), "bad string reference"),
        (lambda e: e["records"][1][0].__setitem__(0, "0"), "expected an integer"),
        (lambda e: e.update(strings=[1, 2]), "bad string table"),
    ],
)
def test_a_damaged_entry_is_refused(sample, blob, change, problem):
    entry = json.loads(blob)
    change(entry)
    with pytest.raises(codec.BadEntry, match=problem):
        codec.decode(json.dumps(entry).encode(), sample.document, "k" * 40)


class Boom:
    def __reduce__(self):
        return (exec, ("raise SystemExit('ran code')",))


def test_a_pickle_is_not_run(sample):
    with pytest.raises(codec.BadEntry, match="not JSON"):
        codec.decode(pickle.dumps(Boom()), sample.document, "k" * 40)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(data=st.data())
def test_fuzzed_entries_are_refused_or_read_never_crash(sample, blob, data):
    """Flip, cut or splice bytes of a valid entry: `decode` returns records or raises BadEntry."""
    raw = bytearray(blob)
    for _ in range(data.draw(st.integers(1, 4))):
        op = data.draw(st.sampled_from(["flip", "cut", "insert"]))
        i = data.draw(st.integers(0, max(len(raw) - 1, 0)))
        if op == "flip" and raw:
            raw[i] = data.draw(st.integers(0, 255))
        elif op == "cut":
            del raw[i : i + data.draw(st.integers(1, 64))]
        else:
            raw[i:i] = data.draw(st.binary(min_size=1, max_size=16))
    try:
        x = codec.decode(bytes(raw), sample.document, "k" * 40)
    except codec.BadEntry:
        return
    assert x.document == sample.document


@settings(max_examples=200, deadline=None)
@given(
    st.recursive(
        st.none() | st.booleans() | st.integers() | st.floats() | st.text(),
        lambda c: st.lists(c) | st.dictionaries(st.text(), c),
    )
)
def test_any_json_value_is_refused_or_read(value):
    entry = {"format": "govgraph-records/1", "document": "a.txt", "key": "k", "strings": ["a.txt"], "records": value}
    try:
        codec.decode(json.dumps(entry).encode(), "a.txt", "k")
    except codec.BadEntry:
        pass


def test_deeply_nested_json_is_refused(sample):
    with pytest.raises(codec.BadEntry):
        codec.decode(b"[" * 100_000 + b"]" * 100_000, sample.document, "k")


@dataclasses.dataclass
class _InOrder:
    a: int
    b: str = ""


@dataclasses.dataclass
class _KeywordOnly:
    a: int
    b: str = dataclasses.field(default="", kw_only=True)


@dataclasses.dataclass
class _NotInInit:
    a: int
    b: str = dataclasses.field(default="", init=False)


@pytest.mark.parametrize("cls", [_KeywordOnly, _NotInInit])
def test_a_record_class_takes_its_fields_in_order(cls):
    """Records are read back by passing the values in field order: a class that would not
    take them so is refused when its reader is made, not misread."""
    assert codec._reader(_InOrder)([1, 0], ["x"]) == _InOrder(1, "x")
    with pytest.raises(TypeError, match="not an argument in order"):
        codec._reader(cls)
