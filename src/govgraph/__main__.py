"""`python -m govgraph` and the `govgraph` command. `govgraph query …` starts from
`cli_base` alone, without the build's modules (most of the command's start-up otherwise)."""

import sys

if sys.argv[1:2] == ["query"]:
    from .cli_base import query_console as console
else:
    from .cli import console

__all__ = ["console"]

if __name__ == "__main__":
    console()
