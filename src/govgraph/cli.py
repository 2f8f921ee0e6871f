"""Command line: each command parses its arguments, calls one library function and turns a
`GovgraphError` into a clean message and an exit code.

Exit codes: 0 all good; 1 built, but some input files were skipped; 2 nothing built, or a
usage error.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import signal
import sys
import threading

from . import __version__, api, sparql
from .engines import default_workers
from .errors import GovgraphError
from .evaluate import LISTS, evaluate, format_table
from .evaluate_errors import error_report, format_errors
from .lifetime import Terminated, on_sigterm_unwind


class _Formatter(argparse.RawDescriptionHelpFormatter):
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


def _parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(
        prog="govgraph",
        formatter_class=_Formatter,
        description="Turn Chinese legal and governance news into a knowledge graph of institutions,\n"
        "regions, mechanisms and outcomes, every fact traceable to its sentence.",
        epilog="example:\n  govgraph build                 # the bundled sample pages → out/\n"
        "  govgraph build articles/ -o out\n  govgraph query 'SELECT ...'\n\n"
        "exit codes: 0 all good, 1 some inputs skipped, 2 nothing built or usage error",
    )
    p.add_argument("--version", action="version", version=f"govgraph {__version__}")
    p.add_argument("--debug", action="store_true", help="show a traceback on errors")
    sub = p.add_subparsers(dest="command", metavar="COMMAND")
    for add in (_add_build, _add_evaluate, _add_query, _add_view, _add_validate):
        add(sub)
    return p


def _add_build(sub) -> None:
    b = sub.add_parser(
        "build",
        formatter_class=_Formatter,
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
        formatter_class=_Formatter,
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


def _add_query(sub) -> None:
    q = sub.add_parser(
        "query",
        formatter_class=_Formatter,
        help="run a SPARQL query over a built graph",
        description="Run a SPARQL query (text, or a .rq file) over a built graph (.ttl, .nt, .nq or .trig).\n"
        "The first query of a graph file indexes it into an Oxigraph store (in ~/.cache/govgraph/stores,\n"
        "or $GOVGRAPH_STORE_DIR); later queries read that store. The project's prefixes (gg, ggr, org,\n"
        "skos, rdfs, schema, prov, oa, geo, dcterms, rdf, xsd) need no PREFIX line.",
        epilog="examples:\n  govgraph query ontology/queries/adopters_of_mechanism.rq\n"
        "  govgraph query 'SELECT ?n WHERE { ?i a org:Organization ; rdfs:label ?n }' --format csv\n"
        "  govgraph query q.rq --format json --timeout 10 | jq .results.bindings",
    )
    q.set_defaults(func=_query)
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


def _add_view(sub) -> None:
    v = sub.add_parser(
        "view",
        formatter_class=_Formatter,
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
        formatter_class=_Formatter,
        help="check a built graph against the ontology's SHACL shapes",
        description="Check a graph file against the SHACL shapes of the govgraph ontology\n"
        "(ontology/shapes.ttl). Needs pyshacl: pip install 'govgraph[validate]'.\n"
        "Exit code 0 when it conforms, 1 when it does not (the violations are printed).",
        epilog="examples:\n  govgraph validate out/govgraph.ttl\n  govgraph validate out/govgraph.trig",
    )
    c.add_argument("graph", metavar="GRAPH", help="graph file: Turtle, N-Triples, TriG, N-Quads or JSON-LD")
    c.set_defaults(func=_validate)


def console() -> None:
    """The `govgraph` command: `main`, then the process ends at once.

    Every output is written, closed and renamed into place before `main` returns. What an
    ordinary exit would still do is free, one by one, the objects of a build (hundreds of
    thousands of dictionary entries, jieba's among them): 0.3 s for a 10 MB corpus."""
    code = main()
    for stream in (sys.stdout, sys.stderr):
        try:
            stream.flush()
        except (OSError, ValueError):  # a closed pipe (`govgraph query ... | head`): nothing to say
            pass
    os._exit(code)


def main(argv: list[str] | None = None) -> int:
    parser = _parser()
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


def _query(args) -> int:
    sparql.run(
        args.query,
        args.graph,
        args.format,
        timeout=args.timeout,
        max_memory=args.max_memory,
        allow_remote=args.allow_remote,
    )
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
