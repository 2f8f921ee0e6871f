"""`GraphBuilder`: the one owner of the rdflib graph, its prefixes and IRI minting.

Model (see ontology/README.md):
* institutions are `org:Organization` with a govgraph kind class, `gg:locatedIn` a region and
  `org:subOrganizationOf` their parent body;
* regions are `schema:AdministrativeArea` with `gg:divisionCode` (GB/T 2260), `gg:level`,
  `schema:containedInPlace` and WGS84 `geo:lat`/`geo:long`;
* mechanisms are `skos:Concept` in the curated scheme or the discovered one;
* outcomes are `gg:Outcome` (a `schema:QuantitativeValue`);
* every fact has evidence: outcomes point at it directly (`prov:wasDerivedFrom`); relations
  between two things get an `rdf:Statement` node that does. Evidence is a
  `oa:SpecificResource` on the document with a `oa:TextPositionSelector` (offsets into the
  original text) and a `oa:TextQuoteSelector`, plus the sentence and its article.

IRIs are minted by `govgraph.model.Minter`. The triples are written once, in
`govgraph.triples.TripleEmitter`, which emits each
document's triples as N-Triples lines (the fast path `build` streams to disk). This class is
the rdflib view of the same triples, for the API, SPARQL and the exporters that need a graph.
"""

from __future__ import annotations

from .model import DEFAULT_BASE, project_prefixes
from .ntriples import split_line, to_rdflib
from .records import Extraction
from .triples import TripleEmitter


class GraphBuilder:
    """Owns the rdflib graph and its prefixes; IRIs and triples come from `TripleEmitter`.

    Descriptions shared by documents (a region, a mechanism concept) are added once, from
    the first document that has them, as the streaming build merges them.
    """

    def __init__(self, base: str = DEFAULT_BASE):
        import rdflib

        self.emitter = TripleEmitter(base)  # checks the base IRI
        self.base = base
        self.g = rdflib.Graph()
        for prefix, uri in self.prefixes().items():
            self.g.bind(prefix, uri, override=True, replace=True)
        self._blocks_done: set = set()

    def prefixes(self) -> dict[str, str]:
        return project_prefixes(self.base)

    def _ref(self, term: str):
        import rdflib

        return rdflib.URIRef(term[1:-1])

    def document_iri(self, document: str):
        return self._ref(self.emitter.document_iri(document))

    def institution_iri(self, name: str):
        return self._ref(self.emitter.institution_iri(name))

    def mechanism_iri(self, name: str):
        return self._ref(self.emitter.mechanism_iri(name))

    def region_iri_by_name(self, name: str):
        r = self.emitter.region_iri_by_name(name)
        return self._ref(r) if r else None

    def add(self, x: Extraction) -> None:
        doc = self.emitter.emit(x)
        lines = list(doc.plain)
        for key, block in doc.keyed.items():
            if key not in self._blocks_done:
                self._blocks_done.add(key)
                lines.extend(block)
        add = self.g.add
        for line in lines:
            s, p, o = split_line(line)
            add((to_rdflib(s), to_rdflib(p), to_rdflib(o)))
