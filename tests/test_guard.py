"""govgraph.guard: work in a forked child, its output streamed, its failures named, its time
and memory limited, the caller never capped."""

from __future__ import annotations

import io
import os
import resource
import signal

import pytest

from govgraph.errors import GovgraphError
from govgraph.guard import run_guarded


def write_chinese(sink) -> None:
    sink.write(("交叉执行," * 50_000).encode("utf-8"))  # chunks end inside characters


def fail_cleanly(sink) -> None:
    raise GovgraphError("no such graph")


def fail_with_a_bug(sink) -> None:
    raise KeyError("x")


def exit_abruptly(sink) -> None:
    os._exit(5)


def take_memory(sink) -> None:
    sink.write(bytes(len(bytearray(3 * 1000**3))))


def abort(sink) -> None:
    os.kill(os.getpid(), signal.SIGABRT)


def sleep_long(sink) -> None:
    signal.pause()


def test_output_is_streamed_whole():
    out = io.StringIO()
    run_guarded(write_chinese, out, timeout=60, max_memory=10**9)
    assert out.getvalue() == "交叉执行," * 50_000
    binary = io.TextIOWrapper(io.BytesIO(), encoding="utf-8")
    run_guarded(write_chinese, binary, timeout=60, max_memory=10**9)
    assert binary.buffer.getvalue() == ("交叉执行," * 50_000).encode("utf-8")


@pytest.mark.parametrize(
    "work, timeout, message",
    [
        (fail_cleanly, 60, "no such graph"),
        (fail_with_a_bug, 60, "query failed: KeyError"),
        (exit_abruptly, 60, "exit 5"),
        (take_memory, 60, "out of memory"),
        (abort, 60, "out of memory"),  # a native allocator that fails aborts
        (sleep_long, 1, "stopped after 1 s"),
    ],
)
def test_failures_are_named(work, timeout, message):
    before = resource.getrlimit(resource.RLIMIT_AS)
    with pytest.raises(GovgraphError, match=message):
        run_guarded(work, io.StringIO(), timeout=timeout, max_memory=500 * 1000**2)
    assert resource.getrlimit(resource.RLIMIT_AS) == before  # only the child was capped
