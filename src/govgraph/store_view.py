"""`govgraph view` from the graph's Oxigraph store instead of an rdflib parse.

The page's networkx view is what `assemble.PageModel` gathers from page rows, the same rows
`build` feeds it; here they come from the triples the page reads (labels, types, the
relations, evidence links and the evidence sentences), taken from the store predicate by
predicate and sorted as the Turtle file is, so the view is the one an rdflib parse of the
file gives (`export.to_networkx`).
"""

from __future__ import annotations

from .build.counts import GraphCounts
from .build.page import PageModel
from .build.rows import page_rows
from .model import DCT_NS, DEFAULT_BASE, GG_NS, OA_NS, ORG_NS, PROV_NS, RDF_NS, RDFS_NS, SDO_NS, SKOS_NS

_TYPE = f"<{RDF_NS}type>"
# every predicate `assemble.page_rows` reads (with those of the evidence sentences)
_READ = tuple(
    f"<{iri}>"
    for iri in (
        RDF_NS + "type",
        SKOS_NS + "prefLabel",
        RDFS_NS + "label",
        SKOS_NS + "altLabel",
        GG_NS + "level",
        SDO_NS + "unitText",
        GG_NS + "metric",
        GG_NS + "surfaceText",
        GG_NS + "adopts",
        GG_NS + "locatedIn",
        ORG_NS + "subOrganizationOf",
        SKOS_NS + "broader",
        SDO_NS + "containedInPlace",
        GG_NS + "subject",
        GG_NS + "aboutMechanism",
        GG_NS + "mentionedIn",
        PROV_NS + "wasDerivedFrom",
        GG_NS + "sentence",
        OA_NS + "hasSource",
        SDO_NS + "name",
        DCT_NS + "isPartOf",
        SDO_NS + "headline",
        SDO_NS + "alternativeHeadline",
    )
)


def graph_base(store) -> str:
    """The base IRI the graph was built with (`build --base`), read from a document's IRI."""
    import pyoxigraph as ox

    for q in store.quads_for_pattern(None, ox.NamedNode(_TYPE[1:-1]), ox.NamedNode(SDO_NS + "CreativeWork")):
        iri = q.subject.value
        cut = iri.rfind("document/")
        if cut > 0:
            return iri[:cut]
    return DEFAULT_BASE


def page_lines(store) -> list[str]:
    """The lines (`s p o`, N-Triples terms) of the predicates the page reads, sorted."""
    import pyoxigraph as ox

    lines = []
    for p in _READ:
        pred = ox.NamedNode(p[1:-1])
        lines += [f"{q.subject} {p} {q.object}" for q in store.quads_for_pattern(None, pred, None)]
    lines = list(set(lines))  # a dataset (N-Quads, TriG) holds each triple once, but a hand-made one may not
    lines.sort()
    return lines


def to_networkx(store, page_nodes: int | None = None, counts: GraphCounts | None = None):
    """The networkx view of the graph in `store` (see `export.to_networkx`); `counts`, when
    given, gathers what the graph holds from the same rows (`build.counts`)."""
    model = PageModel()
    rows = page_rows(page_lines(store), graph_base(store))
    model.add(rows)
    if counts is not None:
        counts.add(rows)
    return model.to_networkx(page_nodes)
