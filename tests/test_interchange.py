"""JSON-LD (deterministic, a context of only the prefixes used) and GraphML (unique edge ids,
typed attributes Gephi reads)."""

from __future__ import annotations

import json
import re

import pytest

GEO = "http://www.w3.org/2003/01/geo/wgs84_pos#"


@pytest.fixture(scope="module")
def rebuilt(tmp_path_factory):
    """A second build of the samples, with two workers (the other is conftest's `built`)."""
    from govgraph.api import build

    out = tmp_path_factory.mktemp("rebuilt")
    build(None, out, formats=("ttl", "jsonld", "graphml"), workers=2, progress=False, cache=False)
    return out


def test_jsonld_is_deterministic(built, rebuilt):
    assert (built / "govgraph.jsonld").read_bytes() == (rebuilt / "govgraph.jsonld").read_bytes()


def test_jsonld_context_holds_only_the_prefixes_used(built):
    text = (built / "govgraph.jsonld").read_text(encoding="utf-8")
    context = json.loads(text)["@context"]
    assert "geo" in context and context["geo"] == GEO  # the W3C namespace, http and all
    assert not {"brick", "csvw", "odrl", "sosa", "wgs", "owl"} & set(context)
    for name in context:  # each prefix is used somewhere
        assert re.search(rf'"{re.escape(name)}:', text), name


def test_jsonld_is_the_turtle_graph(built, graph):
    import pyoxigraph
    import rdflib
    from rdflib.compare import isomorphic

    assert isomorphic(rdflib.Graph().parse(built / "govgraph.jsonld", format="json-ld"), graph)
    ox = {str(t) for t in pyoxigraph.parse(path=str(built / "govgraph.jsonld"), format=pyoxigraph.RdfFormat.JSON_LD)}
    ttl = {str(t) for t in pyoxigraph.parse(path=str(built / "govgraph.ttl"), format=pyoxigraph.RdfFormat.TURTLE)}
    assert ox == ttl


def test_jsonld_writer_table():
    """Compact IRIs with the longest namespace, literals by kind, @type lists."""
    from govgraph.interchange import jsonld_text

    prefixes = {"ex": "http://ex.org/", "exa": "http://ex.org/a/", "xsd": "http://www.w3.org/2001/XMLSchema#"}
    lines = sorted(
        [
            "<http://ex.org/a/1> <http://www.w3.org/1999/02/22-rdf-syntax-ns#type> <http://ex.org/T>",
            '<http://ex.org/a/1> <http://ex.org/p> "x\\"y"@zh',
            '<http://ex.org/a/1> <http://ex.org/p> "7"^^<http://www.w3.org/2001/XMLSchema#integer>',
            '<http://ex.org/a/1> <http://ex.org/q> "plain"',
            "<http://other.org/2> <http://ex.org/p> <http://ex.org/a/1>",
        ]
    )
    data = json.loads(jsonld_text(lines, prefixes))
    assert data["@context"] == prefixes  # all three used (xsd by the datatype)
    assert data["@graph"] == [
        {
            "@id": "exa:1",
            "ex:p": [{"@value": "7", "@type": "xsd:integer"}, {"@value": 'x"y', "@language": "zh"}],
            "ex:q": ["plain"],
            "@type": ["ex:T"],
        },
        {"@id": "http://other.org/2", "ex:p": [{"@id": "exa:1"}]},
    ]


def test_graphml_edges_have_unique_ids_and_nodes_typed_attributes(built):
    import networkx as nx

    text = (built / "govgraph.graphml").read_text(encoding="utf-8")
    ids = re.findall(r'<edge [^>]*id="([^"]+)"', text)
    assert ids and len(ids) == len(set(ids)) and all(" " not in i for i in ids)
    keys = dict(re.findall(r'<key id="[^"]+" for="node" attr.name="(\w+)" attr.type="(\w+)"', text))
    assert keys["value"] == "double" and keys["lat"] == "double" and keys["lon"] == "double"
    assert keys["code"] == keys["level"] == keys["unit"] == keys["period"] == "string"
    g = nx.read_graphml(built / "govgraph.graphml")
    assert g.number_of_edges() == len(ids)
    outcomes = [d for _, d in g.nodes(data=True) if d["cls"] == "outcome"]
    assert outcomes and all(isinstance(d["value"], float) and d["unit"] for d in outcomes)
    assert any("period" in d for d in outcomes)
    regions = [d for _, d in g.nodes(data=True) if d["cls"] == "region" and "code" in d]
    assert regions and all(isinstance(d["lat"], float) and d["level"] for d in regions if "lat" in d)
    hubei = [d for d in regions if d["label"] == "湖北省"]
    assert hubei and hubei[0]["code"] == "420000" and hubei[0]["level"] == "Province"


def test_graphml_is_deterministic(built, rebuilt):
    assert (built / "govgraph.graphml").read_bytes() == (rebuilt / "govgraph.graphml").read_bytes()
