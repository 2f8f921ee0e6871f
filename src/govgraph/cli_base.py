"""What every `govgraph` command shares (the top parser, error handling, the quick exit) and the
`query` command, in a module of its own: `govgraph query` starts with only what a query needs
(`python -m govgraph query …` imports this, not the build's extraction modules, which take a
third of a second and more to import; see `govgraph.__main__`).

Exit codes: 0 all good; 1 built, but some input files were skipped; 2 nothing built, or a
usage error.
"""

from __future__ import annotations

import argparse
import os
import re
import signal
import sys
import threading

from . import __version__, sparql
from .errors import GovgraphError
from .lifetime import Terminated, on_sigterm_unwind


class Formatter(argparse.RawDescriptionHelpFormatter):
    pass


_SIZE_UNITS = {"": 1, "B": 1, "KB": 1000, "MB": 1000**2, "GB": 1000**3, "KIB": 1024, "MIB": 1024**2, "GIB": 1024**3}


def file_size(text: str) -> int:
    """A size such as 512MB, 2GiB or 1000000 (bytes), for --max-file-size."""
    m = re.fullmatch(r"\s*(\d+(?:\.\d+)?)\s*([KMG]i?B?|B)?\s*", text, re.IGNORECASE)
    unit = (m.group(2) or "").upper() if m else ""
    if unit in ("K", "M", "G"):
        unit += "B"
    if m is None or unit not in _SIZE_UNITS:
        raise argparse.ArgumentTypeError(f"not a size: {text!r} (e.g. 100MB, 2GB)")
    return int(float(m.group(1)) * _SIZE_UNITS[unit])


def top_parser() -> tuple[argparse.ArgumentParser, argparse._SubParsersAction]:
    """The `govgraph` parser without its commands, and where to add them."""
    p = argparse.ArgumentParser(
        prog="govgraph",
        formatter_class=Formatter,
        description="Turn Chinese legal and governance news into a knowledge graph of institutions,\n"
        "regions, mechanisms and outcomes, every fact traceable to its sentence.",
        epilog="example:\n  govgraph build                 # the bundled sample pages → out/\n"
        "  govgraph build articles/ -o out\n  govgraph query 'SELECT ...'\n\n"
        "exit codes: 0 all good, 1 some inputs skipped, 2 nothing built or usage error",
    )
    p.add_argument("--version", action="version", version=f"govgraph {__version__}")
    p.add_argument("--debug", action="store_true", help="show a traceback on errors")
    return p, p.add_subparsers(dest="command", metavar="COMMAND")


def add_query(sub) -> None:
    q = sub.add_parser(
        "query",
        formatter_class=Formatter,
        help="run a SPARQL query over a built graph",
        description="Run a SPARQL query (text, or a .rq file) over a built graph (.ttl, .nt, .nq or .trig).\n"
        "The first query of a graph file indexes it into an Oxigraph store (in ~/.cache/govgraph/stores,\n"
        "or $GOVGRAPH_STORE_DIR); later queries read that store. The project's prefixes (gg, ggr, org,\n"
        "skos, rdfs, schema, prov, oa, geo, dcterms, rdf, xsd) need no PREFIX line.",
        epilog="examples:\n  govgraph query ontology/queries/adopters_of_mechanism.rq\n"
        "  govgraph query 'SELECT ?n WHERE { ?i a org:Organization ; rdfs:label ?n }' --format csv\n"
        "  govgraph query q.rq --format json --timeout 10 | jq .results.bindings",
    )
    q.set_defaults(func=run_query)
    q.add_argument("query", metavar="QUERY_OR_FILE")
    q.add_argument(
        "-g", "--graph", default=os.path.join("out", "govgraph.ttl"), help="graph file (default: out/govgraph.ttl)"
    )
    q.add_argument(
        "--format",
        choices=("table", "csv", "tsv", "json"),
        default="table",
        help="table for people; csv, tsv (W3C SPARQL results) or json (SPARQL 1.1 Query\n"
        "Results JSON); CONSTRUCT/DESCRIBE: Turtle (table) or JSON-LD (json)",
    )
    q.add_argument(
        "--timeout", type=float, default=60.0, metavar="SECONDS", help="stop the query after this long (default: 60)"
    )
    q.add_argument(
        "--max-memory",
        type=file_size,
        default=4 * 1000**3,
        metavar="SIZE",
        help="stop the query when it needs more memory than this, e.g. 2GB (default: 4GB)",
    )
    q.add_argument(
        "--allow-remote",
        action="store_true",
        help="let SERVICE reach other SPARQL endpoints and FROM fetch graphs the file\n"
        "does not hold (refused by default)",
    )


def run_query(args) -> int:
    sparql.run(
        args.query,
        args.graph,
        args.format,
        timeout=args.timeout,
        max_memory=args.max_memory,
        allow_remote=args.allow_remote,
    )
    return 0


def dispatch(parser: argparse.ArgumentParser, argv: list[str] | None = None) -> int:
    """Parse `argv` with `parser`, run the command, turn its errors into messages and exit codes."""
    args = parser.parse_args(argv)
    if not args.command:
        parser.print_help()
        return 2
    previous = on_sigterm_unwind() if threading.current_thread() is threading.main_thread() else None
    try:
        return args.func(args)
    except GovgraphError as e:
        if args.debug:
            raise
        print(f"govgraph: error: {e}", file=sys.stderr)
        return e.exit_code
    except Terminated:
        print("govgraph: terminated", file=sys.stderr)
        return 143
    except KeyboardInterrupt:
        print("govgraph: interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:  # the reader went away (`| head`): nothing more to say
        return 0
    except OSError as e:  # the disk, not govgraph: full, read-only, gone
        if args.debug:
            raise
        where = f"{e.filename}: " if e.filename else ""
        print(f"govgraph: error: {where}{e.strerror or e}", file=sys.stderr)
        return 2
    except Exception as e:  # a bug: say so briefly; --debug shows the traceback
        if args.debug:
            raise
        print(f"govgraph: internal error: {type(e).__name__}: {e} (run with --debug for details)", file=sys.stderr)
        return 2
    finally:
        if previous is not None:
            signal.signal(signal.SIGTERM, previous)


def finish(code: int) -> None:
    """End the `govgraph` command with `code`, at once.

    Every output is written, closed and renamed into place before `main` returns. What an
    ordinary exit would still do is free, one by one, the objects of a build (hundreds of
    thousands of dictionary entries, jieba's among them): 0.3 s for a 10 MB corpus."""
    for stream in (sys.stdout, sys.stderr):
        try:
            stream.flush()
        except (OSError, ValueError):  # a closed pipe (`govgraph query ... | head`): nothing to say
            pass
    os._exit(code)


def query_main(argv: list[str] | None = None) -> int:
    """`govgraph query …` alone: the same parser entry, messages and exit codes as `cli.main`."""
    parser, sub = top_parser()
    add_query(sub)
    return dispatch(parser, argv)


def query_console() -> None:
    finish(query_main())
