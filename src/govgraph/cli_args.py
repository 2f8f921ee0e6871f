"""The `govgraph` command's arguments: every command's parser, without the code that runs
them (`govgraph.cli`). `govgraph --help`, `govgraph COMMAND --help` and `govgraph --version`
need nothing else: `govgraph.__main__` answers them from this module alone, without importing
the build (its extraction modules take most of the command's start-up, a third of a second).
"""

from __future__ import annotations

import argparse
import os
from collections.abc import Callable

from .cli_base import Formatter, add_query, dispatch, file_size, finish, top_parser

COMMANDS = ("build", "evaluate", "query", "view", "validate")
_HELP = ("-h", "--help")


def parser(handlers: dict[str, Callable] | None = None) -> argparse.ArgumentParser:
    """The whole parser; `handlers`: command name -> the function that runs it (none: a
    parser that can only print help)."""
    handlers = handlers or {}
    p, sub = top_parser()
    _add_build(sub, handlers.get("build"))
    _add_evaluate(sub, handlers.get("evaluate"))
    add_query(sub)
    _add_view(sub, handlers.get("view"))
    _add_validate(sub, handlers.get("validate"))
    return p


def only_help(argv: list[str]) -> bool:
    """Whether `argv` asks only for help or the version, which the parser prints before it
    exits: no command, or one command followed by nothing but -h / --help."""
    if len(argv) == 1:
        return argv[0] in _HELP or argv[0] == "--version"
    return not argv or len(argv) == 2 and argv[0] in COMMANDS and argv[1] in _HELP


def help_console() -> None:
    """`govgraph` for `only_help` arguments: the same text and exit codes as `cli.console`."""
    finish(dispatch(parser()))


def _add_build(sub, func) -> None:
    b = sub.add_parser(
        "build",
        formatter_class=Formatter,
        help="extract articles and write the graph, page and extractions",
        description="Read articles (*.txt files or folders, recursively; default: the bundled samples),\n"
        "extract institutions, regions, mechanisms, adoptions and outcomes, and write\n"
        "OUT/govgraph.ttl, OUT/govgraph.html and OUT/extractions/<document>.json.",
        epilog="examples:\n  govgraph build\n  govgraph build news/2024 extra.txt -o out --format ttl,nt,trig,jsonld,graphml\n"
        "  govgraph build --base https://example.org/gg/\n"
        "  govgraph build news/ --workers 8 --cache /var/cache/govgraph\n"
        "  govgraph build news/ --engine dask --scheduler tcp://10.0.0.5:8786 --format ttl,nq\n"
        "  govgraph build news/ --lexicon my-terms/   # my-terms/mechanisms.tsv, aliases.tsv …",
    )
    b.set_defaults(func=func)
    b.add_argument("paths", nargs="*", metavar="PATH", help="files or folders (default: bundled sample pages)")
    b.add_argument("-o", "--out", default="out", help="output folder (default: out)")
    b.add_argument(
        "--format",
        default="ttl",
        help="comma-separated graph formats: ttl, nt, trig, nq, jsonld, graphml (default: ttl)",
    )
    b.add_argument(
        "--base", default=None, help="base IRI for minted resources (default: https://w3id.org/govgraph/id/)"
    )
    b.add_argument(
        "--workers",
        type=int,
        default=None,
        help="extraction processes (default: number of cores; with --engine dask and no\n"
        "--scheduler, the size of the local cluster)",
    )
    b.add_argument(
        "--engine",
        choices=("local", "dask"),
        default="local",
        help="where extraction runs: local processes, or a Dask cluster (default: local)",
    )
    b.add_argument(
        "--scheduler",
        default=None,
        metavar="ADDRESS",
        help="with --engine dask: the scheduler, e.g. tcp://10.0.0.5:8786 (default: a local cluster)",
    )
    cache = b.add_mutually_exclusive_group()
    cache.add_argument(
        "--cache",
        default=None,
        metavar="DIR",
        help="keep extraction records here, so a re-run extracts only new or changed\nfiles (default: OUT/.cache)",
    )
    cache.add_argument("--no-cache", action="store_true", help="neither read nor write the extraction cache")
    b.add_argument("--no-page", action="store_true", help="do not write the HTML page")
    b.add_argument(
        "--max-file-size",
        type=file_size,
        default=None,
        metavar="SIZE",
        help="skip (and name) input files larger than this, e.g. 100MB or 2GB (default: 512MB)",
    )
    b.add_argument(
        "--lexicon",
        metavar="DIR",
        help="your own terms, merged with the bundled rules: TSV files named like the bundled\n"
        "data files (institution_heads.tsv, triggers.tsv …), aliases.tsv (alias, name,\n"
        "kind) and mechanisms.tsv (pref, alt, broader, en); see the README",
    )


def _add_evaluate(sub, func) -> None:
    e = sub.add_parser(
        "evaluate",
        formatter_class=Formatter,
        help="score extractions against gold annotations",
        description="Precision, recall and F1 per list, and quantity-subject accuracy; the same\n"
        "figures as the reference scorer.",
        epilog="examples:\n  govgraph evaluate out/extractions ../shared/gold --json\n"
        "  govgraph evaluate out/extractions ../shared/gold --errors --corpus ../shared/corpus\n"
        "  govgraph evaluate out/extractions ../shared/gold --errors --list mechanisms,adopts --json",
    )
    e.set_defaults(func=func)
    e.add_argument("pred_dir", metavar="PRED_DIR")
    e.add_argument("gold_dir", metavar="GOLD_DIR")
    e.add_argument("--json", action="store_true", help="print JSON (the reference scorer's keys)")
    e.add_argument("--docs", action="store_true", help="add per-document counts")
    e.add_argument(
        "--errors",
        action="store_true",
        help="list every false hit and miss with its sentence, grouped by rule id, after a\n"
        "table of true and false hits per rule",
    )
    e.add_argument(
        "--corpus",
        metavar="DIR",
        help="with --errors: the source texts (DIR/<document>.txt), to find the sentences of\n"
        "misses (default: only the sentences the extraction's evidence quotes)",
    )
    e.add_argument("--list", metavar="LISTS", help="with --errors: only these lists, e.g. mechanisms,adopts")


def _add_view(sub, func) -> None:
    v = sub.add_parser(
        "view",
        formatter_class=Formatter,
        help="draw a focused network page from a built graph",
        description="Write an interactive page of part of the graph.",
        epilog="examples:\n  govgraph view --focus 交叉执行 --depth 2\n  govgraph view --region 湖北省 -o out/hubei.html\n"
        "  govgraph view --region 湖北省 --map\n  govgraph view --max-nodes 300",
    )
    v.add_argument(
        "-g", "--graph", default=os.path.join("out", "govgraph.ttl"), help="graph file (default: out/govgraph.ttl)"
    )
    v.add_argument(
        "-o", "--out", default=os.path.join("out", "view.html"), help="page to write (default: out/view.html)"
    )
    v.add_argument("--focus", help="a node name (label or alias) to centre on")
    v.add_argument("--depth", type=int, default=2, help="hops around --focus (default: 2)")
    v.add_argument("--region", help="keep nodes in this region (e.g. 湖北省)")
    v.add_argument("--max-nodes", type=int, default=500, help="keep at most N most connected nodes (default: 500)")
    v.add_argument("--map", action="store_true", help="open the page on its map of China (a button switches views)")
    v.set_defaults(func=func)


def _add_validate(sub, func) -> None:
    c = sub.add_parser(
        "validate",
        formatter_class=Formatter,
        help="check a built graph against the ontology's SHACL shapes",
        description="Check a graph file against the SHACL shapes of the govgraph ontology\n"
        "(ontology/shapes.ttl). Needs pyshacl: pip install 'govgraph[validate]'.\n"
        "Exit code 0 when it conforms, 1 when it does not (the violations are printed).",
        epilog="examples:\n  govgraph validate out/govgraph.ttl\n  govgraph validate out/govgraph.trig",
    )
    c.add_argument("graph", metavar="GRAPH", help="graph file: Turtle, N-Triples, TriG, N-Quads or JSON-LD")
    c.set_defaults(func=func)
