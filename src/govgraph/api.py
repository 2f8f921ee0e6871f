"""The library behind the CLI: `build`, `query`, `view`, `validate`.

`build` (in `govgraph.build.run`) reads every input, extracts each document on its own (a bad
file is reported and skipped, never losing the others), builds one graph and writes all
outputs atomically. `query` runs SPARQL over a built graph (`open_graph` keeps its store open
for many queries), `view` draws a focused page of it, `validate` checks it against the SHACL
shapes of the ontology.
"""

from __future__ import annotations

import io
from importlib import resources
from pathlib import Path

from . import sparql, store_view
from .build.counts import GraphCounts
from .build.outputs import write_atomic
from .build.run import EXIT_FAILED, EXIT_OK, EXIT_SKIPPED, PAGE_NODES, BuildReport, build
from .errors import GovgraphError
from .store import is_dataset, open_store, store_path
from .viz import render_page

__all__ = [
    "EXIT_FAILED",
    "EXIT_OK",
    "EXIT_SKIPPED",
    "PAGE_NODES",
    "BuildReport",
    "build",
    "OpenGraph",
    "load_graph",
    "open_graph",
    "query",
    "validate",
    "view",
]


PAGE_MARK = b'<meta name="generator" content="govgraph">'


def check_page_target(out: Path, graph_path: Path) -> None:
    """`view -o` follows the build's rule: it replaces only a page that govgraph wrote, and
    never the graph it reads."""
    if str(out) in ("", "."):
        raise GovgraphError("-o: the page needs a file name")
    if not out.exists():
        return
    if graph_path.exists() and out.samefile(graph_path):
        raise GovgraphError(f"{out}: is the graph being read; choose another file for the page")
    try:
        with open(out, "rb") as f:
            head = f.read(4096)
    except OSError as e:
        raise GovgraphError(f"{out}: cannot be replaced ({e.strerror or e})") from None
    if PAGE_MARK not in head:
        raise GovgraphError(f"{out}: exists and was not written by govgraph; move it away or choose another file")


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


def query(query_or_file: str, graph_path: str | Path, fmt: str = "table", **limits) -> str:
    """The query's results as text (see `govgraph.sparql.run` for formats and `limits`)."""
    buf = io.StringIO()
    sparql.run(query_or_file, graph_path, fmt, out=buf, **limits)
    return buf.getvalue()


class OpenGraph:
    """A built graph with its Oxigraph store open, for many queries from one process. Each
    query runs in a fork of this process (`govgraph.guard`) under the guards of `govgraph
    query` (time, memory, remote access), with nothing to start or open again. `store` is the
    pyoxigraph store itself, for unguarded use."""

    def __init__(self, graph_path: str | Path):
        self.path = Path(graph_path)
        self.store = open_store(self.path)
        self.union = is_dataset(self.path)  # a dataset's default graph is the union of its graphs

    def query(self, query_or_file: str, fmt: str = "table", *, guarded: bool = True, **limits) -> str:
        """The query's results as text, as `query` gives them. `guarded=False`: in this process,
        without the fork and its limits (a few milliseconds, more for a big process)."""
        buf = io.StringIO()
        sparql.run_on_store(self.store, query_or_file, fmt, union=self.union, out=buf, guarded=guarded, **limits)
        return buf.getvalue()


def open_graph(graph_path: str | Path) -> OpenGraph:
    """The graph's store, made on first use and opened read-only (see `OpenGraph`)."""
    return OpenGraph(graph_path)


def view(
    graph_path: str | Path, out: str | Path, *, focus=None, depth=2, region=None, max_nodes=500, map_view=False
) -> dict:
    """A focused page of the graph, read from its Oxigraph store (`govgraph.store`);
    `map_view`: the page opens on its map."""
    if max_nodes < 1:
        raise GovgraphError("--max-nodes must be at least 1")
    check_page_target(Path(out), Path(graph_path))
    store, counts = open_store(graph_path), GraphCounts()  # the page shows what the whole graph holds
    html, stats = render_page(
        store_view.to_networkx(store, counts=counts, cache_dir=store_path(graph_path, quiet=True)),
        summary=counts.summary(len(store)),
        title="govgraph",
        max_nodes=max_nodes,
        focus=focus,
        depth=depth,
        region=region,
        map_view=map_view,
    )
    write_atomic(Path(out), html)
    return stats


def validate(graph_path: str | Path) -> tuple[bool, str]:
    """Check a graph file against the ontology's SHACL shapes (ontology/shapes.ttl), with the
    ontology's class hierarchy: (conforms, pyshacl's report text)."""
    try:
        import pyshacl
    except ImportError:
        raise GovgraphError(
            "validate needs pyshacl, an optional dependency: pip install 'govgraph[validate]'"
        ) from None
    import rdflib

    graph = load_graph(graph_path)
    ontology = resources.files("govgraph.ontology")
    shapes = rdflib.Graph().parse(data=(ontology / "shapes.ttl").read_text(encoding="utf-8"), format="turtle")
    model = rdflib.Graph().parse(data=(ontology / "govgraph.ttl").read_text(encoding="utf-8"), format="turtle")
    conforms, _, text = pyshacl.validate(graph, shacl_graph=shapes, ont_graph=model, inference="none")
    return bool(conforms), str(text)
