"""N-Quads and TriG: the Turtle graph cut into named graphs, each triple in exactly one.

A store that loads a dataset answers a query over the union of its graphs (Oxigraph's union
default graph, Jena's `unionDefaultGraph`, `FROM` clauses in Virtuoso) with the rows of the
Turtle only if no triple sits in two graphs: a repeated triple repeats the rows and inflates
the sums. So the graphs are cut by what a triple is about:

* a document's graph (named by the document's IRI) holds what only that document can say:
  every triple that names the document, one of its articles, one of its evidence nodes or
  one of its outcomes (the mentions and the statement derivations point at evidence, so they
  are there too);
* the facts the documents state, the adoptions (`?institution gg:adopts ?mechanism` and its
  statement node), are in the graph of the first document, by file name, that states each:
  a fact is one triple however many documents state it, so it sits in one graph, and each
  stating document's graph links the statement node to that document's evidence;
* the shared graph `<base>graph/shared` holds everything else: the declarations of
  institutions, regions and mechanisms with their labels and types, the relations that
  describe them (located in, part of, contained in, broader) with their statement nodes,
  and the links into the ontology and the mechanism scheme.

Document graphs are written as the documents come (file-name order), the shared graph last,
from the merged, sorted graph less what the documents' graphs took, so the union is the
Turtle graph by construction.
"""

from __future__ import annotations

from collections.abc import Iterable

from .export import TurtleWriter, batched, nquads_text, trig_text
from .model import GG_T, digest, prefix_header, project_prefixes
from .triples import TripleEmitter

SHARED_GRAPH = "graph/shared"  # under the base IRI
_DOCUMENT_OWNED = ("document/", "evidence/", "outcome/")  # minted per document, under the base
_FACT = f" {GG_T['adopts']} "  # the facts that go into the graph of the first document stating them


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
        self.statement_head = f"<{base}statement/"
        self.claimed: set[str] = set()  # statement nodes of facts already in a document's graph
        self.emitter = TripleEmitter(base)
        self._doc: str | None = None
        self._doc_header: set[str] = set()  # the document's own lines already written (a big file's parts repeat them)
        if "trig" in files:
            files["trig"].write(prefix_header(self.prefixes))

    def is_owned(self, line: str) -> bool:
        """Whether the line belongs to a document's graph (names something minted for it)."""
        s, _, o = line.split(" ", 2)
        return s.startswith(self.owned) or o.startswith(self.owned)

    def fact_statement(self, line: str) -> str | None:
        """The statement node of a fact line (an adoption), or the subject of a statement
        node's own line; None for any other line."""
        if line.startswith(self.statement_head):
            return line[: line.index(" ")]
        return self.statement_of_fact(line)

    def statement_of_fact(self, line: str) -> str | None:
        """The statement node of a fact line (an adoption: the emitter names it by a digest of
        the triple), None for any other line."""
        if _FACT not in line:
            return None
        s, p, o = line.split(" ", 2)
        if f" {p} " != _FACT:
            return None
        return f"{self.statement_head}{digest(s[1:-1], p[1:-1], o[1:-1])}>"

    def document(self, name: str, lines: list[str]) -> None:
        """A document's sorted lines: those it owns go to its graph, and the facts it is the
        first to state, with their statement nodes."""
        iri = self.emitter.document_iri(name)
        if name != self._doc:
            self._doc, self._doc_header = name, set()
        head = iri + " "
        facts = {st for line in lines if (st := self.statement_of_fact(line))} - self.claimed
        own, taken = [], set()
        for line in lines:
            if not self.is_owned(line):
                if line in taken or self.fact_statement(line) not in facts:
                    continue
                taken.add(line)
            elif line.startswith(head):
                if line in self._doc_header:
                    continue
                self._doc_header.add(line)
            own.append(line)
        self.claimed |= facts
        self._write(iri[1:-1], own)

    def finish(self, graph_lines: Iterable[str]) -> None:
        """The shared graph: every line of the whole (sorted) graph that no document owns,
        streamed in batches."""
        iri = shared_graph_iri(self.base)
        shared = (
            line for line in graph_lines if not self.is_owned(line) and self.fact_statement(line) not in self.claimed
        )
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
