"""The child process of a store's first load: `python -m govgraph._sparql_child load`, the job
as JSON on stdin (see `govgraph.store`): a fresh interpreter, so the bulk loader's threads and
memory end with it. One clean error line goes to stderr. (Queries run in a fork of the caller:
`govgraph.guard`.)"""

from __future__ import annotations

import json
import os
import sys

from .errors import GovgraphError
from .store import load_job


def main() -> None:
    code = 2
    try:
        if sys.argv[1:] != ["load"]:
            raise GovgraphError(f"unknown job {' '.join(sys.argv[1:])!r} (expected: load)")
        job = json.loads(sys.stdin.buffer.read().decode("utf-8"))
        try:
            load_job(job)
        except Exception as e:  # named by the parent with the graph file
            raise GovgraphError(f"{type(e).__name__}: {e}") from None
        code = 0
    except MemoryError:
        sys.stderr.write("out of memory\n")
    except GovgraphError as e:
        sys.stderr.write(f"{e}\n")
    except BaseException as e:
        sys.stderr.write(f"load failed: {type(e).__name__}: {e}\n")
    try:
        sys.stderr.flush()
    finally:
        os._exit(code)  # no teardown: the store is closed with the process


if __name__ == "__main__":
    main()
