"""The library behind the CLI: `build`, `query`, `view`.

`build` reads every input, extracts each document on its own (a bad file is reported and
skipped, never losing the others), builds one graph and writes all outputs atomically:
everything is rendered first, then each file is moved into place.
"""

from __future__ import annotations

import json
import os
import sys
import tempfile
import time
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from .errors import GovgraphError, InputError

EXIT_OK, EXIT_SKIPPED, EXIT_FAILED = 0, 1, 2


@dataclass
class BuildReport:
    documents: int = 0
    articles: int = 0
    entities: dict[str, int] = field(default_factory=dict)
    facts: int = 0
    outcomes: int = 0
    triples: int = 0
    seconds: float = 0.0
    skipped: list[str] = field(default_factory=list)  # "path: problem"
    written: list[str] = field(default_factory=list)

    @property
    def exit_code(self) -> int:
        return EXIT_SKIPPED if self.skipped else EXIT_OK

    def summary(self) -> str:
        ents = ", ".join(f"{k} {v}" for k, v in self.entities.items())
        lines = [
            f"documents {self.documents}, articles {self.articles}",
            f"entities: {ents}",
            f"facts {self.facts}, outcomes {self.outcomes}, triples {self.triples}",
            f"time {self.seconds:.2f} s",
        ]
        if self.skipped:
            lines.append(f"skipped {len(self.skipped)} file(s):")
            lines += [f"  {s}" for s in self.skipped]
        return "\n".join(lines)


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


def write_atomic(path: Path, text: str) -> None:
    """Write UTF-8 text to `path` via a temporary file in the same folder and a rename."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as f:
            f.write(text)
        os.chmod(tmp, 0o666 & ~_umask())  # mkstemp makes 0600; outputs are ordinary files
        os.replace(tmp, path)
    except BaseException:
        if os.path.exists(tmp):
            os.unlink(tmp)
        raise


class _Progress:
    """A one-line progress bar on a terminal; silent otherwise (logs, pipes, CI)."""

    def __init__(self, total: int, enabled: bool | None = None):
        self.total = total
        self.enabled = sys.stderr.isatty() if enabled is None else enabled
        self.done = 0

    def step(self, label: str) -> None:
        self.done += 1
        if self.enabled and self.total > 1:
            width = 30
            n = int(width * self.done / self.total)
            sys.stderr.write(f"\r[{'#' * n}{'.' * (width - n)}] {self.done}/{self.total} {label[:40]:<40}")
            sys.stderr.flush()

    def close(self) -> None:
        if self.enabled and self.total > 1:
            sys.stderr.write("\n")


def _extract_one(path: str):
    """Worker: read and extract one file. Returns (path, extraction JSON-able parts) or an error."""
    from .pipeline import process
    from .reader import read

    try:
        return path, process(read(Path(path))), None
    except InputError as e:
        return path, None, str(e)


def build(paths: list[str] | None = None, out: str | Path = "out", *, base: str | None = None,
          formats: tuple[str, ...] = ("ttl",), workers: int = 1, progress: bool | None = None,
          page: bool = True) -> BuildReport:
    from .export import FORMATS
    from .graph import DEFAULT_BASE, GraphBuilder
    from .pipeline import to_json
    from .reader import bundled_corpus, discover

    t0 = time.perf_counter()
    unknown = [f for f in formats if f not in FORMATS]
    if unknown:
        raise GovgraphError(f"unknown format(s): {', '.join(unknown)} (choose from {', '.join(FORMATS)})")
    files = bundled_corpus() if not paths else discover(paths)
    out = Path(out)
    if out.exists() and not out.is_dir():
        raise GovgraphError(f"{out}: output path exists and is not a folder")
    report = BuildReport()
    bar = _Progress(len(files), progress)
    results = []
    if workers > 1 and len(files) > 1:
        from concurrent.futures import ProcessPoolExecutor

        with ProcessPoolExecutor(max_workers=workers) as pool:
            for r in pool.map(_extract_one, [str(f) for f in files], chunksize=1):
                bar.step(Path(r[0]).name)
                results.append(r)
    else:
        for f in files:
            r = _extract_one(str(f))
            bar.step(f.name)
            results.append(r)
    bar.close()

    extractions = []
    for path, x, err in results:
        if err:
            report.skipped.append(err)
        else:
            extractions.append(x)
    if not extractions:
        raise GovgraphError("nothing built: every input was skipped\n  " + "\n  ".join(report.skipped))

    builder = GraphBuilder(base or DEFAULT_BASE)
    doc_graphs = {}
    for x in extractions:
        builder.add(x)
        if "trig" in formats or "nq" in formats:
            b = GraphBuilder(base or DEFAULT_BASE)
            b.add(x)
            doc_graphs[str(b.document_iri(x.document))] = b.g
    rendered = _render(builder, doc_graphs, formats, page)
    for x in extractions:
        stem = x.document.rsplit(".", 1)[0]
        rendered[f"extractions/{stem}.json"] = json.dumps(to_json(x), ensure_ascii=False, indent=1) + "\n"

    for rel in sorted(rendered):
        target = out / rel
        write_atomic(target, rendered[rel])
        report.written.append(str(target))

    counts = Counter()
    for x in extractions:
        counts["institutions"] += len(x.institutions)
        counts["regions"] += len(x.regions)
        counts["mechanisms"] += len(x.mechanisms)
    report.documents = len(extractions)
    report.articles = sum(len(x.articles) for x in extractions)
    report.entities = dict(counts)
    report.facts = sum(len(x.adopts) + len(x.facts) for x in extractions)
    report.outcomes = sum(len(x.quantities) for x in extractions)
    report.triples = len(builder.g)
    report.seconds = time.perf_counter() - t0
    return report


def _render(builder, doc_graphs, formats, page: bool) -> dict[str, str]:
    from . import export

    out: dict[str, str] = {}
    g = builder.g
    for fmt in formats:
        name, _ = export.FORMATS[fmt]
        if fmt == "ttl":
            out[name] = export.turtle(g)
        elif fmt == "nt":
            out[name] = export.sorted_ntriples(g)
        elif fmt in ("trig", "nq"):
            out[name] = export.dataset_text(doc_graphs, builder.base, "trig" if fmt == "trig" else "nquads")
        elif fmt == "jsonld":
            out[name] = export.jsonld(g)
        elif fmt == "graphml":
            out[name] = export.graphml(export.to_networkx(g))
    if page:
        from .viz import render_page

        # the whole sample graph fits; past 2,000 nodes the page keeps the most connected
        html, _ = render_page(export.to_networkx(g), title="govgraph", max_nodes=2000)
        out["govgraph.html"] = html
    return out


def load_graph(path: str | Path):
    import rdflib

    p = Path(path)
    if not p.is_file():
        raise GovgraphError(f"{p}: graph file not found (run `govgraph build` first)")
    g = rdflib.Graph()
    try:
        g.parse(p, format="trig" if p.suffix == ".trig" else None)
    except Exception as e:
        raise GovgraphError(f"{p}: cannot parse graph ({type(e).__name__}: {e})") from None
    return g


def run_query(graph, text: str):
    """Run SPARQL with the project's prefixes predeclared; returns rdflib's result."""
    from .graph import GraphBuilder

    prefixes = GraphBuilder().prefixes()
    header = "".join(f"PREFIX {k}: <{v}>\n" for k, v in prefixes.items() if f"PREFIX {k}:" not in text)
    try:
        return graph.query(header + text)
    except Exception as e:
        raise GovgraphError(f"query failed: {type(e).__name__}: {e}") from None


def query(query_or_file: str, graph_path: str | Path, fmt: str = "table") -> str:
    import csv
    import io

    q = query_or_file
    if q.endswith(".rq") or (len(q) < 300 and "\n" not in q and Path(q).is_file()):
        p = Path(q)
        if not p.is_file():
            raise GovgraphError(f"{p}: query file not found")
        q = p.read_text(encoding="utf-8")
    result = run_query(load_graph(graph_path), q)
    if result.type == "ASK":
        return ("true" if result.askAnswer else "false") + "\n"
    if result.type in ("CONSTRUCT", "DESCRIBE"):
        return result.graph.serialize(format="turtle")
    names = [str(v) for v in result.vars]
    rows = [["" if v is None else str(v) for v in row] for row in result]
    if fmt == "json":
        return json.dumps([dict(zip(names, r)) for r in rows], ensure_ascii=False, indent=1) + "\n"
    if fmt == "csv":
        buf = io.StringIO()
        w = csv.writer(buf, lineterminator="\n")
        w.writerow(names)
        w.writerows(rows)
        return buf.getvalue()
    import unicodedata

    def width(s: str) -> int:  # Chinese characters take two columns in a terminal
        return sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in s)

    def pad(s: str, w: int) -> str:
        return s + " " * (w - width(s))

    widths = [max([width(n)] + [width(r[i]) for r in rows]) for i, n in enumerate(names)]
    lines = ["  ".join(pad(n, w) for n, w in zip(names, widths)).rstrip()]
    lines.append("  ".join("-" * w for w in widths))
    lines += ["  ".join(pad(c, w) for c, w in zip(r, widths)).rstrip() for r in rows]
    lines.append(f"({len(rows)} rows)")
    return "\n".join(lines) + "\n"


def view(graph_path: str | Path, out: str | Path, *, focus=None, depth=2, region=None, max_nodes=500) -> dict:
    from .export import to_networkx
    from .viz import render_page

    if max_nodes < 1:
        raise GovgraphError("--max-nodes must be at least 1")
    html, stats = render_page(to_networkx(load_graph(graph_path)), title="govgraph", max_nodes=max_nodes,
                              focus=focus, depth=depth, region=region)
    write_atomic(Path(out), html)
    return stats
