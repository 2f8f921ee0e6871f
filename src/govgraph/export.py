"""Serialise the graph: Turtle (default), N-Triples, TriG / N-Quads (one named graph per
document), JSON-LD, and GraphML through networkx; plus the networkx view the page draws.

Every writer returns text; the caller writes it atomically. Output is deterministic: the
same triples give the same bytes.
"""

from __future__ import annotations

FORMATS = {
    "ttl": ("govgraph.ttl", "turtle"),
    "nt": ("govgraph.nt", "nt"),
    "trig": ("govgraph.trig", "trig"),
    "nq": ("govgraph.nq", "nquads"),
    "jsonld": ("govgraph.jsonld", "json-ld"),
    "graphml": ("govgraph.graphml", None),
}


def sorted_ntriples(graph) -> str:
    """N-Triples with one triple per line, sorted: byte-stable for the same graph."""
    lines = graph.serialize(format="nt").splitlines()
    return "\n".join(sorted(set(ln for ln in lines if ln.strip()))) + "\n"


def turtle(graph) -> str:
    # rdflib's Turtle writer orders subjects and predicates itself; prefixes are bound
    # explicitly by GraphBuilder, so the text is stable for the same triples.
    return graph.serialize(format="turtle")


def dataset_text(doc_graphs: dict[str, object], base: str, fmt: str) -> str:
    """TriG or N-Quads with one named graph per document."""
    import rdflib

    ds = rdflib.Dataset()
    first = next(iter(doc_graphs.values()), None)
    if first is not None:
        for prefix, ns in first.namespaces():
            ds.bind(prefix, ns, override=True, replace=True)
    for name in sorted(doc_graphs):
        g = ds.graph(rdflib.URIRef(name))
        for t in doc_graphs[name]:
            g.add(t)
    text = ds.serialize(format=fmt)
    if fmt == "nquads":
        text = "\n".join(sorted(set(ln for ln in text.splitlines() if ln.strip()))) + "\n"
    return text


def jsonld(graph) -> str:
    import json

    data = json.loads(graph.serialize(format="json-ld", auto_compact=True))
    return json.dumps(data, ensure_ascii=False, indent=1, sort_keys=True) + "\n"


# ---------------------------------------------------------------- networkx view

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

    from .graph import GG_NS, KIND_CLASS, LEVEL_TERM

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
            if sent is not None:
                item = {"document": str(name or src), "sentence": str(sent)}
                if item not in out:
                    out.append(item)
        return out[:5]

    def aliases(s):
        return sorted({str(o) for o in graph.objects(s, SKOS.altLabel) if getattr(o, "language", None) == "zh"})

    for s in sorted(set(graph.subjects(RDF.type, rdflib.URIRef(ORG + "Organization")))):
        kinds = [kind_of_class[c] for c in graph.objects(s, RDF.type) if c in kind_of_class]
        nxg.add_node(str(s), label=zh_label(s), cls="institution", kind=sorted(kinds)[0] if kinds else "other",
                     aliases=aliases(s), evidence=evidence_of(s), regions=[])
    for s in sorted(set(graph.subjects(RDF.type, rdflib.URIRef(SDO + "AdministrativeArea")))):
        lv = graph.value(s, GG("level"))
        nxg.add_node(str(s), label=zh_label(s), cls="region", kind=level_of_term.get(lv, "county"),
                     aliases=aliases(s), evidence=evidence_of(s), regions=[])
    for s in sorted(set(graph.subjects(RDF.type, SKOS.Concept))):
        discovered = (s, RDF.type, GG("DiscoveredMechanism")) in graph
        nxg.add_node(str(s), label=zh_label(s), cls="mechanism", kind="discovered" if discovered else "curated",
                     aliases=aliases(s), evidence=evidence_of(s), regions=[])
    for s in sorted(set(graph.subjects(RDF.type, GG("Outcome")))):
        unit = graph.value(s, rdflib.URIRef(SDO + "unitText"))
        metric = graph.value(s, GG("metric"))
        text = graph.value(s, GG("surfaceText"))
        nxg.add_node(str(s), label=f"{text}" + (f"（{metric}）" if metric else ""), cls="outcome",
                     kind=str(unit or "other"), aliases=[], evidence=evidence_of(s), regions=[])

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
        out, seen = [], set()
        while r and r not in seen and r in nxg:
            seen.add(r)
            out.append(nxg.nodes[r]["label"])
            r = parent.get(r)
        return out

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


def graphml(nxg) -> str:
    """GraphML for Gephi: list attributes become '|'-joined strings."""
    import io

    import networkx as nx

    flat = nx.MultiDiGraph()
    for n, d in sorted(nxg.nodes(data=True)):
        flat.add_node(n, label=d["label"], cls=d["cls"], kind=d["kind"], aliases="|".join(d["aliases"]),
                      regions="|".join(d["regions"]))
    for a, b, k, d in sorted(nxg.edges(keys=True, data=True)):
        flat.add_edge(a, b, key=k, relation=d["relation"], label=d["label"])
    buf = io.BytesIO()
    nx.write_graphml(flat, buf, encoding="utf-8")
    return buf.getvalue().decode("utf-8")
