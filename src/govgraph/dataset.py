"""N-Quads and TriG: the Turtle graph cut into named graphs, each triple in exactly one.

A store that loads a dataset answers a query over the union of its graphs (Oxigraph's union
default graph, Jena's `unionDefaultGraph`, `FROM` clauses in Virtuoso) with the rows of the
Turtle only if no triple sits in two graphs: a repeated triple repeats the rows and inflates
the sums. So the graphs are cut by what a triple is about:

* a document's graph (named by the document's IRI) holds what only that document can say:
  every triple that names the document, one of its articles, one of its evidence nodes or
  one of its outcomes (the mentions and the statement derivations point at evidence, so they
  are there too);
* the shared graph `<base>graph/shared` holds everything else: institutions, regions and
  mechanisms with their labels and types, the relations between them (adopts, located in,
  part of, contained in), the statement nodes of those relations, and the links into the
  ontology and the mechanism scheme. A triple that several documents state is stated there
  once.

Document graphs are written as the documents come (file-name order), the shared graph last,
from the merged, sorted graph, so the union is the Turtle graph by construction.
"""

from __future__ import annotations

from collections.abc import Iterable

from .export import TurtleWriter, batched, nquads_text, trig_text
from .model import prefix_header, project_prefixes
from .triples import TripleEmitter

SHARED_GRAPH = "graph/shared"  # under the base IRI
_DOCUMENT_OWNED = ("document/", "evidence/", "outcome/")  # minted per document, under the base


def shared_graph_iri(base: str) -> str:
    return base + SHARED_GRAPH


class DatasetWriter:
    """Writes open N-Quads and/or TriG files (`files`: format -> text file): `document` for
    each document (or part of a big file) in order, then `finish` with the whole sorted graph."""

    def __init__(self, files: dict, base: str):
        self.files = files
        self.base = base
        self.prefixes = project_prefixes(base)
        self.owned = tuple(f"<{base}{p}" for p in _DOCUMENT_OWNED)
        self.emitter = TripleEmitter(base)
        self._doc: str | None = None
        self._doc_header: set[str] = set()  # the document's own lines already written (a big file's parts repeat them)
        if "trig" in files:
            files["trig"].write(prefix_header(self.prefixes))

    def is_owned(self, line: str) -> bool:
        """Whether the line belongs to a document's graph (names something minted for it)."""
        s, _, o = line.split(" ", 2)
        return s.startswith(self.owned) or o.startswith(self.owned)

    def document(self, name: str, lines: list[str]) -> None:
        """A document's sorted lines: those it owns go to its graph."""
        iri = self.emitter.document_iri(name)
        if name != self._doc:
            self._doc, self._doc_header = name, set()
        head = iri + " "
        own = []
        for line in lines:
            if not self.is_owned(line):
                continue
            if line.startswith(head):
                if line in self._doc_header:
                    continue
                self._doc_header.add(line)
            own.append(line)
        self._write(iri[1:-1], own)

    def finish(self, graph_lines: Iterable[str]) -> None:
        """The shared graph: every line of the whole (sorted) graph that no document owns,
        streamed in batches."""
        iri = shared_graph_iri(self.base)
        shared = (line for line in graph_lines if not self.is_owned(line))
        nq, trig = self.files.get("nq"), self.files.get("trig")
        writer = TurtleWriter(self.prefixes, indent="    ")
        opened = False
        for batch in batched(shared):
            if nq is not None:
                nq.write(nquads_text(iri, batch))
            if trig is not None:
                if not opened:
                    trig.write(f"<{iri}> {{\n")
                    opened = True
                trig.write(writer.feed(batch))
        if trig is not None and opened:
            trig.write(writer.close() + "}\n\n")

    def _write(self, graph_iri: str, lines: list[str]) -> None:
        if not lines:
            return
        if "nq" in self.files:
            self.files["nq"].write(nquads_text(graph_iri, lines))
        if "trig" in self.files:
            self.files["trig"].write(trig_text(graph_iri, lines, self.prefixes))
