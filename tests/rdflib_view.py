"""The rdflib reference of the network view: the projection `govgraph.build.page` makes,
written out plainly over an rdflib graph, as a test oracle for the store's view."""

from __future__ import annotations

from govgraph.build.page import region_chain  # a plain walk up the parents, not the projection under test
from govgraph.model import GG_NS, KIND_CLASS, LEVEL_TERM

REL_LABELS = {
    "adopts": "采用",
    "located in": "位于",
    "part of": "隶属",
    "broader": "上位",
    "outcome of": "成果",
    "contained in": "属于",
    "about mechanism": "涉及机制",
}


def to_networkx(graph):
    """Project the RDF graph onto the node/edge contract of `govgraph.viz`."""
    import networkx as nx
    from rdflib.namespace import RDF, SKOS

    GG = lambda t: graph.namespace_manager.expand_curie(f"gg:{t}") if False else __import__("rdflib").URIRef(GG_NS + t)  # noqa: E731
    SDO = "https://schema.org/"
    ORG = "http://www.w3.org/ns/org#"
    import rdflib

    kind_of_class = {GG(v): k for k, v in KIND_CLASS.items()}
    level_of_term = {GG(v): k for k, v in LEVEL_TERM.items()}
    nxg = nx.MultiDiGraph()

    def zh_label(s):
        for o in sorted(graph.objects(s, SKOS.prefLabel)):
            if getattr(o, "language", None) == "zh":
                return str(o)
        for o in sorted(graph.objects(s, rdflib.RDFS.label)):
            return str(o)
        return str(s).rsplit("/", 1)[-1]

    def evidence_of(s):
        out = []
        for ev in sorted(graph.objects(s, GG("mentionedIn"))) + sorted(graph.objects(s, rdflib.PROV.wasDerivedFrom)):
            sent = graph.value(ev, GG("sentence"))
            src = graph.value(ev, rdflib.URIRef("http://www.w3.org/ns/oa#hasSource"))
            name = graph.value(src, rdflib.URIRef(SDO + "name")) if src is not None else None
            art = graph.value(ev, rdflib.URIRef("http://purl.org/dc/terms/isPartOf"))
            heads = [graph.value(art, rdflib.URIRef(SDO + p)) for p in ("headline", "alternativeHeadline")]
            head = next((str(h) for h in heads if h is not None), "")
            if sent is not None:
                item = {"headline": head, "document": str(name or src), "sentence": str(sent)}
                if item not in out:
                    out.append(item)
        return out[:5]

    def aliases(s):
        return sorted({str(o) for o in graph.objects(s, SKOS.altLabel) if getattr(o, "language", None) == "zh"})

    for s in sorted(set(graph.subjects(RDF.type, rdflib.URIRef(ORG + "Organization")))):
        kinds = [kind_of_class[c] for c in graph.objects(s, RDF.type) if c in kind_of_class]
        nxg.add_node(
            str(s),
            label=zh_label(s),
            cls="institution",
            kind=sorted(kinds)[0] if kinds else "other",
            aliases=aliases(s),
            evidence=evidence_of(s),
            regions=[],
        )
    for s in sorted(set(graph.subjects(RDF.type, rdflib.URIRef(SDO + "AdministrativeArea")))):
        lv = graph.value(s, GG("level"))
        nxg.add_node(
            str(s),
            label=zh_label(s),
            cls="region",
            kind=level_of_term.get(lv, "county"),
            aliases=aliases(s),
            evidence=evidence_of(s),
            regions=[],
        )
    for s in sorted(set(graph.subjects(RDF.type, SKOS.Concept))):
        discovered = (s, RDF.type, GG("DiscoveredMechanism")) in graph
        nxg.add_node(
            str(s),
            label=zh_label(s),
            cls="mechanism",
            kind="discovered" if discovered else "curated",
            aliases=aliases(s),
            evidence=evidence_of(s),
            regions=[],
        )
    for s in sorted(set(graph.subjects(RDF.type, GG("Outcome")))):
        unit = graph.value(s, rdflib.URIRef(SDO + "unitText"))
        labels = sorted(graph.objects(s, rdflib.RDFS.label))
        nxg.add_node(
            str(s),
            label=str(labels[0]) if labels else str(s).rsplit("/", 1)[-1],
            cls="outcome",
            kind=str(unit or "other"),
            aliases=[],
            evidence=evidence_of(s),
            regions=[],
        )

    def edge(a, b, rel):
        if str(a) in nxg and str(b) in nxg:
            nxg.add_edge(str(a), str(b), key=rel, relation=rel, label=REL_LABELS[rel])

    for s, o in sorted(graph.subject_objects(GG("adopts"))):
        edge(s, o, "adopts")
    for s, o in sorted(graph.subject_objects(GG("locatedIn"))):
        edge(s, o, "located in")
    for s, o in sorted(graph.subject_objects(rdflib.URIRef(ORG + "subOrganizationOf"))):
        edge(s, o, "part of")
    for s, o in sorted(graph.subject_objects(SKOS.broader)):
        edge(s, o, "broader")
    for s, o in sorted(graph.subject_objects(rdflib.URIRef(SDO + "containedInPlace"))):
        edge(s, o, "contained in")
    for s, o in sorted(graph.subject_objects(GG("subject"))):
        edge(s, o, "outcome of")
    for s, o in sorted(graph.subject_objects(GG("aboutMechanism"))):
        edge(s, o, "about mechanism")

    # regions each node lies in (ancestors included), for the page's region filter
    parent = {str(s): str(o) for s, o in graph.subject_objects(rdflib.URIRef(SDO + "containedInPlace"))}

    def chain(r):
        return region_chain(nxg, parent, r)

    for n, data in nxg.nodes(data=True):
        if data["cls"] == "region":
            data["regions"] = chain(n)
        elif data["cls"] == "institution":
            loc = graph.value(rdflib.URIRef(n), GG("locatedIn"))
            data["regions"] = chain(str(loc)) if loc is not None else []
    for n, data in nxg.nodes(data=True):
        if data["cls"] == "outcome":
            subj = graph.value(rdflib.URIRef(n), GG("subject"))
            data["regions"] = list(nxg.nodes[str(subj)]["regions"]) if subj is not None and str(subj) in nxg else []
    return nxg
