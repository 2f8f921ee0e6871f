"""The child process of `govgraph query` and of a store's first load: `python -m
govgraph._sparql_child query|load`, the job as JSON on stdin (see `govgraph.sparql` and
`govgraph.store`). Results go to stdout, one clean error line to stderr."""

from __future__ import annotations

import json
import os
import sys

from .errors import GovgraphError
from .sparql import EXIT_MEMORY, answer_job, oxigraph_position
from .store import load_job


def main() -> None:
    code = 2
    try:
        job = json.loads(sys.stdin.buffer.read().decode("utf-8"))
        if sys.argv[1:] == ["load"]:
            try:
                load_job(job)
            except Exception as e:  # named by the parent with the graph file
                raise GovgraphError(f"{type(e).__name__}: {e}") from None
        else:
            answer_job(job, sys.stdout.buffer)
            sys.stdout.buffer.flush()
        code = 0
    except BrokenPipeError:  # the parent stopped reading: nothing more to say
        code = 0
    except MemoryError:
        code = EXIT_MEMORY
    except GovgraphError as e:
        sys.stderr.write(f"{e}\n")
    except SyntaxError as e:
        sys.stderr.write(f"query syntax error: {oxigraph_position(str(e))}\n")
    except BaseException as e:
        sys.stderr.write(f"query failed: {type(e).__name__}: {e}\n")
    try:
        sys.stderr.flush()
    finally:
        os._exit(code)  # no teardown: the store and the results are dropped with the process


if __name__ == "__main__":
    main()
