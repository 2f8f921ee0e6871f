"""Command line: each command parses its arguments (`govgraph.cli_args`), calls one library
function and turns a `GovgraphError` into a clean message and an exit code (`govgraph.cli_base`,
which also holds the `query` command).

Exit codes: 0 all good; 1 built, but some input files were skipped; 2 nothing built, or a
usage error.
"""

from __future__ import annotations

import argparse
import json
import sys

from . import api
from .cli_args import parser
from .cli_base import dispatch, file_size, finish
from .engines import default_workers
from .errors import GovgraphError
from .evaluate import LISTS, evaluate, format_table
from .evaluate_errors import error_report, format_errors

__all__ = ["console", "file_size", "main"]


def _parser() -> argparse.ArgumentParser:
    return parser({"build": _build, "evaluate": _evaluate, "view": _view, "validate": _validate})


def main(argv: list[str] | None = None) -> int:
    return dispatch(_parser(), argv)


def console() -> None:
    """The `govgraph` command: `main`, then the process ends at once (see `cli_base.finish`)."""
    finish(main())


def _build(args) -> int:
    formats = tuple(f.strip() for f in args.format.split(",") if f.strip())
    workers = args.workers if args.workers is not None else default_workers()
    cache = False if args.no_cache else (args.cache or True)
    report = api.build(
        args.paths,
        args.out,
        base=args.base,
        formats=formats,
        workers=workers,
        page=not args.no_page,
        engine=args.engine,
        scheduler=args.scheduler,
        cache=cache,
        max_file_size=args.max_file_size,
        lexicon=args.lexicon,
    )
    print(report.summary())
    print(f"wrote {args.out}/")
    for s in report.skipped:
        print(f"govgraph: skipped {s}", file=sys.stderr)
    for w in report.warnings:
        print(f"govgraph: warning: {w}", file=sys.stderr)
    return report.exit_code


def _evaluate(args) -> int:
    if args.errors:
        lists = tuple(x.strip() for x in (args.list or ",".join(LISTS)).split(",") if x.strip())
        unknown = [x for x in lists if x not in LISTS]
        if unknown:
            raise GovgraphError(f"--list: unknown list(s) {', '.join(unknown)} (choose from {', '.join(LISTS)})")
        errors = error_report(args.pred_dir, args.gold_dir, args.corpus, lists)
        print(json.dumps(errors, ensure_ascii=False, indent=2) if args.json else format_errors(errors))
        return 0
    result = evaluate(args.pred_dir, args.gold_dir, per_document=args.docs)
    if args.json:
        print(json.dumps(result, ensure_ascii=False, indent=2))
    else:
        print(format_table(result))
    return 0


def _view(args) -> int:
    stats = api.view(
        args.graph,
        args.out,
        focus=args.focus,
        depth=args.depth,
        region=args.region,
        max_nodes=args.max_nodes,
        map_view=args.map,
    )
    print(f"wrote {args.out}: {stats['nodes']} of {stats['total_nodes']} nodes, {stats['edges']} edges")
    return 0


def _validate(args) -> int:
    conforms, text = api.validate(args.graph)
    if conforms:
        print(f"{args.graph}: conforms to the govgraph shapes")
        return 0
    print(text, end="" if text.endswith("\n") else "\n")
    return 1


if __name__ == "__main__":
    sys.exit(main())
