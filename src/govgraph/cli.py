"""Command line: each command parses its arguments, calls one library function and turns a
`GovgraphError` into a clean message and an exit code (`govgraph.cli_base`, which also holds
the `query` command).

Exit codes: 0 all good; 1 built, but some input files were skipped; 2 nothing built, or a
usage error.
"""

from __future__ import annotations

import argparse
import json
import os
import sys

from . import api
from .cli_base import Formatter, add_query, dispatch, file_size, finish, top_parser
from .engines import default_workers
from .errors import GovgraphError
from .evaluate import LISTS, evaluate, format_table
from .evaluate_errors import error_report, format_errors

__all__ = ["console", "file_size", "main"]


def _parser() -> argparse.ArgumentParser:
    p, sub = top_parser()
    for add in (_add_build, _add_evaluate, add_query, _add_view, _add_validate):
        add(sub)
    return p


def main(argv: list[str] | None = None) -> int:
    return dispatch(_parser(), argv)


def console() -> None:
    """The `govgraph` command: `main`, then the process ends at once (see `cli_base.finish`)."""
    finish(main())


def _add_build(sub) -> None:
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
    b.set_defaults(func=_build)
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


def _add_evaluate(sub) -> None:
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
    e.set_defaults(func=_evaluate)
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


def _add_view(sub) -> None:
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
    v.set_defaults(func=_view)


def _add_validate(sub) -> None:
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
    c.set_defaults(func=_validate)


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
