"""Where extraction runs: in this process, in a pool of local processes, or on a Dask cluster.

An engine maps a function over tasks and yields the results *in task order*, whatever order
they finish in, keeping only a bounded number of tasks in flight: inputs are read as the
work goes, and the merge that follows sees the documents in a fixed order, so the output
does not depend on the engine, on the number of workers or on scheduling.
"""

from __future__ import annotations

import os
import signal
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from typing import TYPE_CHECKING, Any

from .errors import GovgraphError
from .lexicon import gazetteer, institution_heads, mechanisms, triggers
from .lifetime import die_with_parent
from .segment import jieba_cut, jieba_pos

if TYPE_CHECKING:
    from concurrent.futures import ProcessPoolExecutor

ENGINES = ("local", "dask")


class LocalEngine:
    """`workers` = 1: in this process. More: a pool of worker processes, which lives until
    `close` (after `imap`, `each_worker` may still reach every worker)."""

    def __init__(self, workers: int = 1):
        self.workers = workers
        self._pool: ProcessPoolExecutor | None = None
        # Workers are processes of this machine: they can keep state between tasks and
        # write files the caller reads (`build.tasks.WorkerLines`).
        self.local_workers = workers > 1

    def _start(self, warm: bool):
        if self._pool is not None:
            return self._pool
        import multiprocessing
        from concurrent.futures import ProcessPoolExecutor

        # fork: workers start at once and share what is loaded; elsewhere the platform default.
        ctx = multiprocessing.get_context("fork") if "fork" in multiprocessing.get_all_start_methods() else None
        if ctx is not None and warm:
            # Load the rules and jieba once, here: forked workers share them (copy on write)
            # instead of each spending seconds and memory on its own copy.
            _warm_up()
        barrier = (ctx or multiprocessing.get_context()).Barrier(self.workers)
        self._pool = ProcessPoolExecutor(
            max_workers=self.workers,
            mp_context=ctx,
            initializer=_init_worker,
            initargs=(barrier, warm and ctx is None, os.getpid()),
        )
        return self._pool

    def imap(self, fn: Callable, tasks: Iterable, window: int | None = None, warm: bool = True) -> Iterator:
        """`warm`: the tasks will need the rules and jieba (False: all come from the cache)."""
        if self.workers == 1:
            for t in tasks:
                yield fn(t)
            return
        pool = self._start(warm)
        window = window or 4 * self.workers
        pending: deque = deque()
        try:
            for t in tasks:
                pending.append(pool.submit(fn, t))
                if len(pending) >= window:
                    yield pending.popleft().result()
            while pending:
                yield pending.popleft().result()
        finally:  # also on an error or an interrupt: drop what has not started
            for f in pending:
                f.cancel()

    def each_worker(self, fn: Callable, *args) -> list:
        """fn(*args) once in every worker process (here, with one worker), the results in a list.

        Each call waits at a barrier for the others, so no worker takes two. Call it when
        the workers are idle (after `imap`)."""
        if self.workers == 1:
            return [fn(*args)]
        if self._pool is None:
            return []
        futures = [self._pool.submit(_at_barrier, fn, args) for _ in range(self.workers)]
        return [f.result() for f in futures]

    def close(self) -> None:
        """End the pool (waiting for running tasks; the queued ones are dropped)."""
        if self._pool is not None:
            pool, self._pool = self._pool, None
            pool.shutdown(wait=True, cancel_futures=True)


class DaskEngine:
    """Tasks run on a dask.distributed cluster: `scheduler` is its address
    (``tcp://host:8786``), a `distributed.Client`, or None for a local cluster of `workers`
    processes. Workers need govgraph installed (``pip install 'govgraph[dask]'``); inputs
    travel to them as bytes and records come back, so they need no shared file system."""

    def __init__(self, scheduler=None, workers: int = 1):
        try:
            from distributed import Client, LocalCluster
        except ImportError:
            raise GovgraphError("--engine dask needs dask.distributed: pip install 'govgraph[dask]'") from None
        self._own: list = []
        if scheduler is None:
            cluster = LocalCluster(
                n_workers=max(1, workers), threads_per_worker=1, processes=True, dashboard_address=None
            )
            self._own.append(cluster)
            scheduler = cluster
        if isinstance(scheduler, Client):
            self.client = scheduler
        else:
            try:
                self.client = Client(scheduler, timeout="30s")
            except Exception as e:
                raise GovgraphError(f"--scheduler {scheduler}: cannot connect ({type(e).__name__}: {e})") from None
            self._own.insert(0, self.client)
        self.workers = max(1, len(self.client.scheduler_info().get("workers", {})) or workers)
        self.local_workers = False  # they may not share this machine's disk

    def imap(self, fn: Callable, tasks: Iterable, window: int | None = None, warm: bool = True) -> Iterator:
        window = window or 8 * self.workers
        pending: deque = deque()
        try:
            for t in tasks:
                pending.append(self.client.submit(fn, t, pure=False))
                if len(pending) >= window:
                    yield _take(pending.popleft())
            while pending:
                yield _take(pending.popleft())
        finally:
            if pending:
                self.client.cancel(list(pending))

    def close(self) -> None:
        own, self._own = self._own, []
        for thing in own:
            try:
                thing.close()
            except Exception:  # pragma: no cover - best effort at shutdown
                pass


def _take(future):
    result = future.result()
    future.release()
    return result


_BARRIER: Any = None  # in a worker process: where `each_worker`'s calls wait for one another


def _init_worker(barrier, warm: bool, parent_pid: int) -> None:
    global _BARRIER
    die_with_parent(parent_pid)
    signal.signal(signal.SIGTERM, signal.SIG_DFL)  # the build's handler is for the build only
    _BARRIER = barrier
    if warm:
        _warm_up()


def _at_barrier(fn: Callable, args: tuple):
    try:
        return fn(*args)
    finally:
        _BARRIER.wait(timeout=600)


def _warm_up() -> None:
    """Load the rules and jieba's dictionary before the first task."""
    try:
        gazetteer(), institution_heads(), triggers(), mechanisms()
        jieba_cut("初始化")
        jieba_pos("初始化")
    except Exception:  # the first task reports any real problem
        pass


def make_engine(engine: str = "local", workers: int = 1, scheduler=None):
    """The engine the build options name; the one place those options are checked."""
    if workers < 1:
        raise GovgraphError("--workers must be at least 1")
    if engine == "local":
        if scheduler is not None:
            raise GovgraphError("--scheduler needs --engine dask")
        return LocalEngine(workers)
    if engine == "dask":
        return DaskEngine(scheduler, workers)
    raise GovgraphError(f"unknown engine {engine!r} (choose from {', '.join(ENGINES)})")


def default_workers() -> int:
    try:
        return len(os.sched_getaffinity(0)) or 1
    except AttributeError:  # pragma: no cover - not Linux
        return os.cpu_count() or 1
