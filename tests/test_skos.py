"""`skos.statements`: the plain Turtle of the mechanism vocabulary read without rdflib, the
same statements as rdflib reads, and an error (never a different reading) for Turtle it
does not take."""

from __future__ import annotations

from pathlib import Path

import pytest
import rdflib

from govgraph import skos
from govgraph.errors import GovgraphError
from govgraph.lexicon import _bundled_mechanisms

MECHANISMS = Path(__file__).resolve().parents[1] / "ontology" / "mechanisms.ttl"
HEAD = "@prefix skos: <http://www.w3.org/2004/02/skos/core#> .\n@prefix m: <http://example.org/m/> .\n"
S = "http://www.w3.org/2004/02/skos/core#"
M = "http://example.org/m/"

READ = [
    # (Turtle after HEAD, statements)
    ("m:a a skos:Concept .", [(M + "a", skos.RDF_TYPE, ("iri", S + "Concept"))]),
    (
        'm:a skos:prefLabel "调解"@zh, "mediation"@EN ;\n    skos:broader <http://example.org/m/b> .',
        [
            (M + "a", S + "prefLabel", ("literal", "调解", "zh", "")),
            (M + "a", S + "prefLabel", ("literal", "mediation", "EN", "")),
            (M + "a", S + "broader", ("iri", M + "b")),
        ],
    ),
    ('m:a skos:note "引号\\"与\\u4e2d" . # a comment', [(M + "a", S + "note", ("literal", '引号"与中', "", ""))]),
    (
        'm:a skos:notation "1"^^<http://www.w3.org/2001/XMLSchema#string> .',
        [(M + "a", S + "notation", ("literal", "1", "", "http://www.w3.org/2001/XMLSchema#string"))],
    ),
    ("m:a.b skos:related m:c-d .", [(M + "a.b", S + "related", ("iri", M + "c-d"))]),
]

REFUSED = [
    "m:a skos:member ( m:b m:c ) .",  # a collection
    'm:a skos:related [ skos:prefLabel "x" ] .',  # a blank node
    'm:a skos:definition """long""" .',  # a long string
    "m:a skos:notation 12 .",  # a number
    "x:a a skos:Concept .",  # an undeclared prefix
    "m:a a skos:Concept",  # no full stop
    "m:a skos:prefLabel ; .",  # no object
]


@pytest.mark.parametrize("text,expected", READ)
def test_reads_plain_turtle(text, expected):
    assert skos.statements(HEAD + text) == expected


@pytest.mark.parametrize("text", REFUSED)
def test_refuses_what_it_does_not_read(text):
    with pytest.raises(GovgraphError):
        skos.statements(HEAD + text)


def _rdflib_statements(text: str) -> set:
    g = rdflib.Graph()
    g.parse(data=text, format="turtle")
    out = set()
    for s, p, o in g:
        if isinstance(o, rdflib.URIRef):
            term = ("iri", str(o))
        else:
            term = ("literal", str(o), o.language or "", str(o.datatype or ""))
        out.add((str(s), str(p), term))
    return out


def test_bundled_vocabulary_reads_as_rdflib_reads_it():
    text = MECHANISMS.read_text(encoding="utf-8")
    assert set(skos.statements(text)) == _rdflib_statements(text)


@pytest.mark.parametrize("text,_", READ)
def test_examples_read_as_rdflib_reads_them(text, _):
    assert set(skos.statements(HEAD + text)) == _rdflib_statements(HEAD + text)


def test_bundled_concepts_as_read_through_rdflib():
    """The lexicon's concepts are those rdflib's reading of the file gives (labels, broader, order)."""
    g = rdflib.Graph()
    g.parse(MECHANISMS, format="turtle")
    sk = rdflib.namespace.SKOS

    def zh(s, p):
        return sorted(str(o) for o in g.objects(s, p) if getattr(o, "language", None) == "zh")

    pref_of = {s: zh(s, sk.prefLabel)[0] for s in g.subjects(rdflib.RDF.type, sk.Concept) if zh(s, sk.prefLabel)}
    expected = {}  # a label two concepts share keeps its first place and the later concept
    for s, pref in pref_of.items():
        en = sorted(str(o) for o in g.objects(s, sk.prefLabel) if getattr(o, "language", None) == "en")
        broader = sorted(pref_of[b] for b in g.objects(s, sk.broader) if b in pref_of)
        alts = tuple(zh(s, sk.altLabel))
        expected[pref] = (str(s), alts, en[0] if en else "", broader[0] if broader else None)
    concepts = _bundled_mechanisms()
    assert {p: (c.iri, c.alts, c.en, c.broader) for p, c in concepts.items()} == expected
    assert list(concepts) == list(expected)
