"""`python -m govgraph` and the `govgraph` command. `govgraph query …` starts from
`cli_base` alone, and a request for help or the version from `cli_args` alone, without the
build's modules (most of the command's start-up otherwise)."""

import sys

from .cli_args import help_console, only_help

if sys.argv[1:2] == ["query"]:
    from .cli_base import query_console as console
elif only_help(sys.argv[1:]):
    console = help_console
else:
    from .cli import console

__all__ = ["console"]

if __name__ == "__main__":
    console()
