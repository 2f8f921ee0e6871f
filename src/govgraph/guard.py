"""Run one piece of work (a SPARQL query) in a forked child, under a deadline and a memory cap,
streaming what it writes.

Why a fork and not a fresh interpreter: `govgraph query` used to start `python -m
govgraph._sparql_child` for each query, a second interpreter start-up (imports included, a
third to half a second on a shared machine) on top of the command's own. A fork costs
milliseconds: the child has every module the parent imported and, for a library caller, the
store the parent already opened (pages shared copy-on-write). The guards stay:

* memory: the child's address space may grow by at most `max_memory` beyond what it inherited
  (RLIMIT_AS, set in the child only, so the caller's own process is never capped);
* time: the parent waits on the child's pipes until the deadline, then kills it (a query deep
  in Oxigraph's native code cannot be interrupted from within its own process);
* a reader that goes away (`| head`) ends the child quietly;
* what the child writes to its standard error (Python's or a native library's) reaches the
  caller only as the error message of a failed query;
* the child dies with the parent (Linux: PR_SET_PDEATHSIG) and never runs the parent's exit
  handlers or flushes its buffers (`os._exit`).

Fork and threads: a forked child has only the thread that forked; a lock another thread held at
that moment stays held in the child. The child touches only the work's own objects: the pipe
and the store. A read-only Oxigraph store's RocksDB pool threads are idle (waiting on condition
variables, their locks released), so a store may be opened before the fork; do not query the
same store object from another thread while a guarded query starts.
"""

from __future__ import annotations

import codecs
import faulthandler
import os
import resource
import select
import signal
import time
import warnings
from collections.abc import Callable
from typing import BinaryIO

from .errors import GovgraphError
from .lifetime import die_with_parent

EXIT_MEMORY = 3  # the child ran out of memory (a Python MemoryError)
_ERROR_BYTES = 10_000  # of the child's error message kept
# the child's last word on success, on its error pipe: the parent need not wait for its exit,
# which unmaps a copy of the parent's address space (about 0.3 s per GB of a big caller)
_DONE = b"\0"
_exiting: list[int] = []  # children that said _DONE and may not be reaped yet


def address_space() -> int:
    """This process's virtual size in bytes (Linux), else 0."""
    try:
        with open("/proc/self/statm", encoding="ascii") as f:
            return int(f.read().split()[0]) * os.sysconf("SC_PAGE_SIZE")
    except (OSError, ValueError, IndexError):
        return 0


def run_guarded(work: Callable[[BinaryIO], None], out, *, timeout: float, max_memory: int) -> None:
    """Run `work(sink)` in a forked child and copy what it writes to `sink` onto `out` (a text
    or binary stream) until it ends. Raises GovgraphError if the work fails (with the child's
    message), runs past `timeout` seconds or out of memory; returns quietly when `out` closes.
    `work` reports failures by raising GovgraphError; anything else is named by its type."""
    import ctypes  # noqa: F401  (for die_with_parent: imported once here, not again in every child)

    _reap()
    limit = address_space() + max_memory
    parent = os.getpid()
    out_r, out_w = os.pipe()
    err_r, err_w = os.pipe()
    with warnings.catch_warnings():  # Python 3.12+ warns of any fork in a threaded process (see above)
        warnings.simplefilter("ignore", DeprecationWarning)
        pid = os.fork()
    if pid == 0:  # the child: never returns
        os.close(out_r)
        os.close(err_r)
        _child(work, out_w, err_w, limit, parent)
    os.close(out_w)
    os.close(err_w)
    status = None
    try:
        errors = _copy(out_r, err_r, out, time.monotonic() + timeout, timeout)
        if errors is None:  # the reader went away
            _silence_stdout(out)
            return
        if errors == _DONE:
            status = 0
            _exiting.append(pid)  # reaped by a later call
            return
        _, status = os.waitpid(pid, 0)
    finally:
        os.close(out_r)
        os.close(err_r)
        if status is None:
            os.kill(pid, signal.SIGKILL)
            os.waitpid(pid, 0)
    _raise_for(os.waitstatus_to_exitcode(status), errors, max_memory)


def _child(work, out_fd: int, err_fd: int, limit: int, parent: int) -> None:
    code = 2
    try:
        # native messages (an allocator's "memory allocation failed", a fault handler's dump)
        # go into the error pipe, not onto the caller's terminal
        os.dup2(err_fd, 2)
        faulthandler.disable()
        die_with_parent(parent)
        if limit > 0:
            _, hard = resource.getrlimit(resource.RLIMIT_AS)
            soft = limit if hard == resource.RLIM_INFINITY else min(limit, hard)
            resource.setrlimit(resource.RLIMIT_AS, (soft, hard))
        with open(out_fd, "wb", buffering=1 << 16) as sink:
            work(sink)
        code = 0
        _say(err_fd, _DONE)
    except BrokenPipeError:  # the parent stopped reading: nothing more to say
        code = 0
    except MemoryError:
        code = EXIT_MEMORY
    except GovgraphError as e:
        _say(err_fd, str(e))
    except BaseException as e:
        _say(err_fd, f"query failed: {type(e).__name__}: {e}")
    finally:
        _close(err_fd)  # the parent sees the end now, not after this process's memory is unmapped
        os._exit(code)  # no teardown: the parent's exit handlers and buffers are not the child's


def _say(fd: int, message: str | bytes) -> None:
    data = message if isinstance(message, bytes) else message.encode("utf-8", "replace")
    try:
        os.write(fd, data[:_ERROR_BYTES])
    except OSError:
        pass


def _close(fd: int) -> None:
    try:
        os.close(fd)
    except OSError:
        pass


def _reap() -> None:
    """Collect the children that finished earlier and were still exiting then."""
    for pid in list(_exiting):
        try:
            done, _ = os.waitpid(pid, os.WNOHANG)
        except ChildProcessError:
            done = pid
        if done:
            _exiting.remove(pid)


def _copy(out_r: int, err_r: int, out, deadline: float, timeout: float) -> bytes | None:
    """Copy the child's output to `out` until both pipes close; its error text, or None when
    `out` closed."""
    sink = getattr(out, "buffer", None)
    decoder = codecs.getincrementaldecoder("utf-8")("replace")  # a chunk may end inside a character
    streams = {out_r, err_r}
    errors = bytearray()
    try:
        while streams:
            left = deadline - time.monotonic()
            if left <= 0:
                raise GovgraphError(f"query stopped after {timeout:g} s (--timeout)")
            ready, _, _ = select.select(list(streams), [], [], min(left, 1.0))
            for fd in ready:
                data = os.read(fd, 1 << 16)
                if not data:
                    streams.discard(fd)
                elif fd == err_r:
                    errors += data[: max(0, _ERROR_BYTES - len(errors))]
                elif sink is not None:
                    sink.write(data)
                else:
                    out.write(decoder.decode(data))
        if sink is None:
            out.write(decoder.decode(b"", final=True))
        out.flush()
    except BrokenPipeError:  # the reader went away (`| head`): not an error
        return None
    return bytes(errors)


def _raise_for(code: int, errors: bytes, max_memory: int) -> None:
    if code == 0:
        return
    if code == EXIT_MEMORY or code in (-signal.SIGABRT, -signal.SIGKILL, -signal.SIGSEGV):
        raise GovgraphError(f"query ran out of memory (limit {max_memory / 1e9:g} GB)")
    message = errors.decode("utf-8", "replace").strip()
    raise GovgraphError(message.splitlines()[-1] if message else f"query failed (exit {code})")


def _silence_stdout(out) -> None:
    """After a closed pipe, point stdout at /dev/null so the final flush says nothing."""
    try:
        fd = out.fileno()
    except (AttributeError, OSError, ValueError):
        return
    devnull = os.open(os.devnull, os.O_WRONLY)
    os.dup2(devnull, fd)
    os.close(devnull)
