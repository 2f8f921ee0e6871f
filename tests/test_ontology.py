"""The ontology (ontology/govgraph.ttl) and the SHACL shapes (ontology/shapes.ttl) against the
graph `govgraph build` writes: every gg: term the graph uses is declared, labelled in Chinese
and English and commented; domains and ranges agree with the data; the graph conforms to the
shapes, and hand-made bad nodes do not."""

from __future__ import annotations

import hashlib
import re
import subprocess
import sys

import pytest
import rdflib
from rdflib import OWL, RDF, RDFS, SKOS, XSD, Literal, URIRef

from conftest import REPO

ONTOLOGY = REPO / "ontology" / "govgraph.ttl"
SHAPES = REPO / "ontology" / "shapes.ttl"
MECHANISMS = REPO / "ontology" / "mechanisms.ttl"
GG = rdflib.Namespace("https://w3id.org/govgraph/ontology#")
ORG = rdflib.Namespace("http://www.w3.org/ns/org#")
SDO = rdflib.Namespace("https://schema.org/")
OA = rdflib.Namespace("http://www.w3.org/ns/oa#")
PROV = rdflib.Namespace("http://www.w3.org/ns/prov#")
SH = rdflib.Namespace("http://www.w3.org/ns/shacl#")
ONTOLOGY_IRI = URIRef("https://w3id.org/govgraph/ontology")


@pytest.fixture(scope="module")
def ontology() -> rdflib.Graph:
    g = rdflib.Graph()
    g.parse(ONTOLOGY, format="turtle")
    return g


@pytest.fixture(scope="module")
def shapes() -> rdflib.Graph:
    g = rdflib.Graph()
    g.parse(SHAPES, format="turtle")
    return g


def gg_terms(g: rdflib.Graph) -> set[URIRef]:
    return {t for triple in g for t in triple if isinstance(t, URIRef) and str(t).startswith(str(GG))}


def declared(ontology: rdflib.Graph) -> set[URIRef]:
    return {s for s in ontology.subjects(RDF.type, None) if isinstance(s, URIRef) and str(s).startswith(str(GG))}


def superclasses(ontology: rdflib.Graph, cls) -> set:
    """cls and everything above it (rdfs:subClassOf*) in the ontology."""
    out, todo = set(), [cls]
    while todo:
        c = todo.pop()
        if c not in out:
            out.add(c)
            todo.extend(ontology.objects(c, RDFS.subClassOf))
    return out


def class_members(ontology: rdflib.Graph, cls) -> set:
    """The named classes a domain/range stands for: itself, or the members of its owl:unionOf."""
    union = ontology.value(cls, OWL.unionOf)
    if union is not None:
        return set(rdflib.collection.Collection(ontology, union))
    return {cls}


# ----------------------------------------------------------------------- the ontology itself
def test_ontology_parses_and_names_itself(ontology):
    assert (ONTOLOGY_IRI, RDF.type, OWL.Ontology) in ontology
    assert ontology.value(ONTOLOGY_IRI, OWL.versionInfo) is not None
    langs = {o.language for o in ontology.objects(ONTOLOGY_IRI, RDFS.label)}
    assert {"zh", "en"} <= langs
    refs = {str(o) for o in ontology.objects(ONTOLOGY_IRI, URIRef("http://purl.org/dc/terms/references"))}
    for vocab in (
        "http://www.w3.org/ns/org#",
        "https://schema.org/",
        "http://www.w3.org/ns/prov#",
        "http://www.w3.org/ns/oa#",
        "http://www.w3.org/2003/01/geo/wgs84_pos#",
        "http://purl.org/dc/terms/",
    ):
        assert vocab in refs


def test_every_declared_term_is_labelled_and_commented(ontology):
    terms = declared(ontology)
    assert len(terms) > 40
    for t in sorted(terms):
        label_langs = [o.language for o in ontology.objects(t, RDFS.label)]
        comment_langs = [o.language for o in ontology.objects(t, RDFS.comment)]
        assert sorted(label_langs) == ["en", "zh"], f"{t}: one rdfs:label @zh and one @en, got {label_langs}"
        assert "en" in comment_langs and "zh" in comment_langs, f"{t}: rdfs:comment @zh and @en"


def test_every_property_is_typed_with_domain_and_range(ontology):
    props = [
        t for t in declared(ontology) if {OWL.ObjectProperty, OWL.DatatypeProperty} & set(ontology.objects(t, RDF.type))
    ]
    assert len(props) == 20  # object and datatype properties (gg:edgeLabel annotates them)
    for p in props:
        types = set(ontology.objects(p, RDF.type))
        assert len({OWL.ObjectProperty, OWL.DatatypeProperty} & types) == 1, p
        assert ontology.value(p, RDFS.domain) is not None, f"{p} has no rdfs:domain"
        rng = ontology.value(p, RDFS.range)
        assert rng is not None, f"{p} has no rdfs:range"
        if OWL.DatatypeProperty in types:
            assert rng in (XSD.string, XSD.integer, XSD.date, RDF.langString), (p, rng)


def test_class_hierarchy_and_individuals(ontology):
    from govgraph.model import KIND_CLASS, LEVEL_TERM

    for name in KIND_CLASS.values():
        assert (GG[name], RDFS.subClassOf, ORG.Organization) in ontology, name
        assert (GG[name], RDF.type, OWL.Class) in ontology
    assert (GG.Outcome, RDFS.subClassOf, SDO.QuantitativeValue) in ontology
    assert (GG.Evidence, RDFS.subClassOf, OA.SpecificResource) in ontology
    assert (GG.Evidence, RDFS.subClassOf, PROV.Entity) in ontology
    assert (GG.DiscoveredMechanism, RDFS.subClassOf, SKOS.Concept) in ontology
    for name in LEVEL_TERM.values():
        assert (GG[name], RDF.type, GG.AdministrativeLevel) in ontology, name
    for unit in ("CNY", "case", "percent", "person", "person-time", "day", "hour", "item", "other"):
        assert (GG["unit-" + unit], RDF.type, GG.Unit) in ontology, unit
    for scheme in (GG.mechanismScheme, GG.discoveredScheme):
        assert (scheme, RDF.type, SKOS.ConceptScheme) in ontology
    # the kinds are pairwise disjoint: an institution has exactly one
    disjoint = next(ontology.subjects(RDF.type, OWL.AllDisjointClasses))
    members = set(rdflib.collection.Collection(ontology, ontology.value(disjoint, OWL.members)))
    assert members == {GG[n] for n in KIND_CLASS.values()}


def test_reused_terms_are_declared_for_owl_tools(ontology, graph):
    """Every non-gg class and property the graph uses (outside RDF/RDFS) has an OWL type."""
    skip = (str(RDF), str(RDFS), str(GG))
    used = set(graph.predicates()) | set(graph.objects(None, RDF.type))
    for t in sorted(used):
        if str(t).startswith(skip):
            continue
        types = set(ontology.objects(t, RDF.type))
        assert types & {OWL.Class, OWL.ObjectProperty, OWL.DatatypeProperty, OWL.AnnotationProperty}, t


# ----------------------------------------------------------------------- ontology vs the built graph
def test_every_gg_term_in_the_graph_is_declared(ontology, graph):
    used = gg_terms(graph)
    missing = sorted(str(t) for t in used - declared(ontology))
    assert not missing, f"gg: terms used by the graph but not declared in govgraph.ttl: {missing}"
    for t in used:
        langs = {o.language for o in ontology.objects(t, RDFS.label)}
        assert {"zh", "en"} <= langs, t
        assert ontology.value(t, RDFS.comment) is not None, t


def test_the_vocabulary_module_is_generated_from_the_ontology():
    """src/govgraph/vocab.py is what scripts/gen_vocab.py makes of govgraph.ttl today."""
    p = subprocess.run(
        [sys.executable, str(REPO / "scripts" / "gen_vocab.py"), "--check"], capture_output=True, text=True
    )
    assert p.returncode == 0, p.stderr


def test_every_term_the_emitter_can_mint_is_declared(ontology):
    """Also the kinds, levels and units the samples happen not to use; the gg: terms the code
    names (`GG_T["..."]`) are in the generated vocabulary, which fails on any other."""
    from govgraph.model import GG_T, KIND_CLASS, LEVEL_TERM
    from govgraph.vocab import GG_TERMS

    src = "".join(p.read_text(encoding="utf-8") for p in (REPO / "src" / "govgraph").rglob("*.py"))
    names = set(re.findall(r"""GG_T\[["']([A-Za-z-]+)["']\]""", src))
    assert {"adopts", "Evidence", "mentionedIn"} <= names  # the pattern still finds the code's terms
    names |= set(KIND_CLASS.values()) | set(LEVEL_TERM.values())
    names |= {"unit-" + u for u in ("CNY", "case", "percent", "person", "person-time", "day", "hour", "item", "other")}
    missing = sorted(n for n in names if GG[n] not in declared(ontology))
    assert not missing, missing
    assert set(GG_TERMS) == {str(t)[len(str(GG)) :] for t in declared(ontology)}
    with pytest.raises(KeyError):
        GG_T["adopt"]  # a misspelled term


def test_gg_is_a_defined_namespace_that_fails_on_unknown_terms():
    from rdflib.namespace import DefinedNamespace

    from govgraph.model import GG as GG_VOCAB

    assert issubclass(GG_VOCAB, DefinedNamespace)
    assert GG_VOCAB.adopts == GG.adopts
    with pytest.raises(AttributeError):
        GG_VOCAB.adopt  # noqa: B018


def test_relations_are_the_ontology_s_labelled_relations(ontology):
    """One row per relation the page draws: an object property of the ontology, labelled
    for the page there (gg:edgeLabel), and no labelled relation left out of the table."""
    from govgraph.model import RELATIONS

    labelled = {str(p): str(o) for p, o in ontology.subject_objects(GG.edgeLabel)}
    assert {r.predicate: r.label for r in RELATIONS} == labelled
    for r in RELATIONS:
        assert (URIRef(r.predicate), RDF.type, OWL.ObjectProperty) in ontology, r
    assert len({r.name for r in RELATIONS}) == len({r.colour for r in RELATIONS}) == len(RELATIONS)


def test_every_relation_has_a_shape(shapes):
    """The shapes constrain every relation the page draws."""
    from govgraph.model import RELATIONS

    paths = set(shapes.objects(None, SH.path))
    assert [r.name for r in RELATIONS if URIRef(r.predicate) not in paths] == []


def test_property_usage_matches_domain_and_range(ontology, graph):
    """Object properties link IRIs of the declared classes; datatype properties carry literals
    of the declared datatype."""
    for p in sorted(
        t
        for t in declared(ontology)
        if (t, RDF.type, OWL.ObjectProperty) in ontology or (t, RDF.type, OWL.DatatypeProperty) in ontology
    ):
        domain = class_members(ontology, ontology.value(p, RDFS.domain))
        rng = ontology.value(p, RDFS.range)
        is_object = (p, RDF.type, OWL.ObjectProperty) in ontology
        ranges = class_members(ontology, rng) if is_object else {rng}
        for s, o in graph.subject_objects(p):
            s_types = set().union(*(superclasses(ontology, c) for c in graph.objects(s, RDF.type)))
            assert s_types & domain, f"{s} {p}: subject is none of {domain}"
            if is_object:
                assert isinstance(o, URIRef), (s, p, o)
                o_types = set().union(
                    set(ontology.objects(o, RDF.type)), *(superclasses(ontology, c) for c in graph.objects(o, RDF.type))
                )
                assert o_types & ranges, f"{s} {p} {o}: object is none of {ranges}"
            else:
                assert isinstance(o, Literal), (s, p, o)
                dt = RDF.langString if o.language else (o.datatype or XSD.string)
                assert dt == rng, f"{s} {p} {o!r}: expected {rng}"


def test_functional_properties_have_one_value(ontology, graph):
    for p in ontology.subjects(RDF.type, OWL.FunctionalProperty):
        for s in set(graph.subjects(p, None)):
            assert len(set(graph.objects(s, p))) == 1, (s, p)


# ----------------------------------------------------------------------- IRI policy (ontology/README.md)
def test_iri_policy(graph):
    from govgraph.graph import GraphBuilder
    from govgraph.model import DEFAULT_BASE

    def digest(name: str) -> str:
        return hashlib.sha256(name.encode("utf-8")).hexdigest()[:12]

    for s in set(graph.subjects()) | {o for o in graph.objects() if isinstance(o, URIRef)}:
        assert str(s).isascii(), s
    for r in graph.subjects(RDF.type, SDO.AdministrativeArea):
        code = graph.value(r, GG.divisionCode)
        if code is not None:
            assert str(r) == f"{DEFAULT_BASE}region/{code}"
        else:
            assert re.fullmatch(re.escape(DEFAULT_BASE) + r"region/local-[0-9a-f]{12}", str(r)), r
    for i in graph.subjects(RDF.type, ORG.Organization):
        assert str(i) == f"{DEFAULT_BASE}institution/{digest(str(graph.value(i, RDFS.label)))}"
    for m in graph.subjects(RDF.type, GG.DiscoveredMechanism):
        assert str(m) == f"{DEFAULT_BASE}mechanism/x-{digest(str(graph.value(m, RDFS.label)))}"
    for m in graph.subjects(SKOS.inScheme, GG.mechanismScheme):
        assert re.fullmatch(re.escape(DEFAULT_BASE) + r"mechanism/[a-z0-9-]+", str(m)), m
    for kind in ("evidence", "outcome"):
        cls = GG.Evidence if kind == "evidence" else GG.Outcome
        for n in graph.subjects(RDF.type, cls):
            assert re.fullmatch(re.escape(DEFAULT_BASE) + kind + r"/[0-9a-f]{12}", str(n)), n
    # --base moves every minted IRI, nothing else
    b = GraphBuilder("https://example.org/gg/")
    assert str(b.institution_iri("最高人民法院")) == "https://example.org/gg/institution/" + digest("最高人民法院")
    assert str(b.mechanism_iri("提级执行")) == "https://example.org/gg/mechanism/escalated-execution"


# ----------------------------------------------------------------------- SHACL
def validate(data: rdflib.Graph, shapes: rdflib.Graph, ontology: rdflib.Graph | None = None):
    pyshacl = pytest.importorskip("pyshacl")
    conforms, report, text = pyshacl.validate(data, shacl_graph=shapes, ont_graph=ontology, inference="none")
    return conforms, report, text


def violations(report: rdflib.Graph) -> set[tuple[str, str]]:
    """(path, constraint component) of each result, short names; SPARQL constraints as 'sparql'."""
    out = set()
    for r in report.subjects(RDF.type, SH.ValidationResult):
        path = report.value(r, SH.resultPath)
        comp = report.value(r, SH.sourceConstraintComponent)
        p = "" if path is None else re.split(r"[#/]", str(path))[-1]
        c = str(comp).rsplit("#", 1)[-1].removesuffix("ConstraintComponent")
        out.add((p, "sparql" if c == "SPARQL" else c))
    return out


def test_shapes_parse_and_are_valid_shacl(shapes):
    pyshacl = pytest.importorskip("pyshacl")
    assert len(set(shapes.subjects(RDF.type, SH.NodeShape))) >= 10
    # shapes validated against the SHACL-for-SHACL meta-shapes
    conforms, _, text = pyshacl.validate(rdflib.Graph(), shacl_graph=shapes, meta_shacl=True)
    assert conforms, text


def test_built_graph_conforms_to_shapes(graph, shapes, ontology):
    conforms, _, text = validate(graph, shapes, ontology)
    assert conforms, text[:5000]


def test_curated_mechanisms_conform_to_shapes(shapes):
    g = rdflib.Graph()
    g.parse(MECHANISMS, format="turtle")
    conforms, _, text = validate(g, shapes)
    assert conforms, text[:5000]


GOOD = """
@prefix gg: <https://w3id.org/govgraph/ontology#> .
@prefix org: <http://www.w3.org/ns/org#> .
@prefix schema: <https://schema.org/> .
@prefix skos: <http://www.w3.org/2004/02/skos/core#> .
@prefix prov: <http://www.w3.org/ns/prov#> .
@prefix oa: <http://www.w3.org/ns/oa#> .
@prefix geo: <http://www.w3.org/2003/01/geo/wgs84_pos#> .
@prefix dcterms: <http://purl.org/dc/terms/> .
@prefix rdf: <http://www.w3.org/1999/02/22-rdf-syntax-ns#> .
@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
@prefix xsd: <http://www.w3.org/2001/XMLSchema#> .

<https://example.org/gg/document/d> a schema:CreativeWork, prov:Entity ; schema:name "d.txt" .
<https://example.org/gg/document/d/article/0> a schema:NewsArticle ;
    dcterms:isPartOf <https://example.org/gg/document/d> ; gg:articleIndex 0 ; schema:headline "标题"@zh .

<https://example.org/gg/region/421000> a schema:AdministrativeArea ; rdfs:label "荆州市"@zh ; gg:level gg:Prefecture ;
    gg:divisionCode "421000" ; geo:lat 30.33 ; geo:long 112.24 ;
    schema:containedInPlace <https://example.org/gg/region/420000> .
<https://example.org/gg/region/420000> a schema:AdministrativeArea ; rdfs:label "湖北省"@zh ; gg:level gg:Province ;
    gg:divisionCode "420000" .

<https://example.org/gg/institution/court> a org:Organization, gg:Court ; rdfs:label "荆州市中级人民法院"@zh ;
    skos:prefLabel "荆州市中级人民法院"@zh ;
    gg:locatedIn <https://example.org/gg/region/421000> ; gg:adopts <https://example.org/gg/mechanism/m> ; gg:mentionedIn <https://example.org/gg/evidence/e> .

<https://example.org/gg/mechanism/m> a skos:Concept ; skos:prefLabel "提级执行"@zh, "escalated enforcement"@en ;
    rdfs:label "提级执行"@zh ; skos:inScheme gg:mechanismScheme ; skos:broader <https://example.org/gg/mechanism/top> .
<https://example.org/gg/mechanism/top> a skos:Concept ; skos:prefLabel "交叉执行"@zh ; skos:inScheme gg:mechanismScheme ;
    skos:narrower <https://example.org/gg/mechanism/m> .

<https://example.org/gg/outcome/o> a gg:Outcome, schema:QuantitativeValue ; schema:value 47848500.0 ; schema:unitText "CNY" ;
    gg:unit gg:unit-CNY ; gg:metric "执行到位金额"@zh ; gg:surfaceText "4784.85万元"@zh ; gg:period "上半年"@zh ;
    gg:subject <https://example.org/gg/institution/court> ; gg:aboutMechanism <https://example.org/gg/mechanism/m> ; prov:wasDerivedFrom <https://example.org/gg/evidence/e> .

<https://example.org/gg/statement/s> a rdf:Statement ; rdf:subject <https://example.org/gg/institution/court> ; rdf:predicate gg:adopts ;
    rdf:object <https://example.org/gg/mechanism/m> ; prov:wasDerivedFrom <https://example.org/gg/evidence/e> .

<https://example.org/gg/evidence/e> a gg:Evidence, oa:SpecificResource ; oa:hasSource <https://example.org/gg/document/d> ;
    dcterms:isPartOf <https://example.org/gg/document/d/article/0> ;
    oa:hasSelector <https://example.org/gg/evidence/e#position>, <https://example.org/gg/evidence/e#quote> ;
    gg:sentence "荆州市中级人民法院开展提级执行。"@zh ; gg:sentenceStart 10 ; gg:sentenceEnd 26 .
<https://example.org/gg/evidence/e#position> a oa:TextPositionSelector ; oa:start 10 ; oa:end 19 .
<https://example.org/gg/evidence/e#quote> a oa:TextQuoteSelector ; oa:exact "荆州市中级人民法院"@zh .
"""

P = (
    "PREFIX gg: <https://w3id.org/govgraph/ontology#> "
    "PREFIX org: <http://www.w3.org/ns/org#> PREFIX schema: <https://schema.org/> "
    "PREFIX skos: <http://www.w3.org/2004/02/skos/core#> PREFIX prov: <http://www.w3.org/ns/prov#> "
    "PREFIX oa: <http://www.w3.org/ns/oa#> PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#> "
    "PREFIX rdf: <http://www.w3.org/1999/02/22-rdf-syntax-ns#> PREFIX dcterms: <http://purl.org/dc/terms/> "
)
COURT = "<https://example.org/gg/institution/court>"
REGION = "<https://example.org/gg/region/421000>"
MECH = "<https://example.org/gg/mechanism/m>"
OUTCOME = "<https://example.org/gg/outcome/o>"
EVIDENCE = "<https://example.org/gg/evidence/e>"
POS = "<https://example.org/gg/evidence/e#position>"
STMT = "<https://example.org/gg/statement/s>"

BAD = {
    "institution without label, two kinds": (
        f"DELETE WHERE {{ {COURT} rdfs:label ?l }} ; INSERT DATA {{ {COURT} a gg:Procuratorate }}",
        {("label", "MinCount"), ("type", "QualifiedMaxCount")},
    ),
    "institution without kind": (f"DELETE DATA {{ {COURT} a gg:Court }}", {("type", "QualifiedMinCount")}),
    "institution located in a non-region": (
        f"DELETE WHERE {{ {COURT} gg:locatedIn ?r }} ; INSERT DATA {{ {COURT} gg:locatedIn {MECH} }}",
        {("locatedIn", "Class")},
    ),
    "institution label in English": (
        f'DELETE WHERE {{ {COURT} rdfs:label ?l }} ; INSERT DATA {{ {COURT} rdfs:label "Jingzhou court"@en }}',
        {("label", "LanguageIn")},
    ),
    "region code of five digits": (
        f'DELETE WHERE {{ {REGION} gg:divisionCode ?c }} ; INSERT DATA {{ {REGION} gg:divisionCode "42100" }}',
        {("divisionCode", "Pattern"), ("", "sparql")},
    ),
    "region without level": (f"DELETE WHERE {{ {REGION} gg:level ?l }}", {("level", "MinCount")}),
    "region with a made-up level": (
        f"DELETE WHERE {{ {REGION} gg:level ?l }} ; INSERT DATA {{ {REGION} gg:level gg:Planet }}",
        {("level", "In")},
    ),
    "mechanism with an English label only": (
        f'DELETE WHERE {{ {MECH} skos:prefLabel ?l }} ; INSERT DATA {{ {MECH} skos:prefLabel "escalated"@en }}',
        {("prefLabel", "QualifiedMinCount")},
    ),
    "mechanism broader than a literal": (
        f'INSERT DATA {{ {MECH} skos:broader "交叉执行" }}',
        {("broader", "Class"), ("broader", "NodeKind")},
    ),
    "outcome value as text, no evidence": (
        f"DELETE WHERE {{ {OUTCOME} schema:value ?v }} ; DELETE WHERE {{ {OUTCOME} prov:wasDerivedFrom ?e }} ; "
        f'INSERT DATA {{ {OUTCOME} schema:value "4784.85万" }}',
        {("value", "Datatype"), ("wasDerivedFrom", "MinCount")},
    ),
    "outcome unit disagrees with unitText": (
        f"DELETE WHERE {{ {OUTCOME} gg:unit ?u }} ; INSERT DATA {{ {OUTCOME} gg:unit gg:unit-case }}",
        {("", "sparql")},
    ),
    "outcome without unit": (f"DELETE WHERE {{ {OUTCOME} gg:unit ?u }}", {("unit", "MinCount")}),
    "evidence start after end": (
        f"DELETE WHERE {{ {POS} oa:start ?s }} ; INSERT DATA {{ {POS} oa:start 25 }}",
        {("start", "LessThanOrEquals")},
    ),
    "mention outside its sentence": (
        f"DELETE WHERE {{ {POS} oa:end ?e }} ; INSERT DATA {{ {POS} oa:end 40 }}",
        {("", "sparql")},
    ),
    "sentence ends before it starts": (
        f"DELETE WHERE {{ {EVIDENCE} gg:sentenceEnd ?e }} ; INSERT DATA {{ {EVIDENCE} gg:sentenceEnd 5 }}",
        {("sentenceStart", "LessThanOrEquals")},
    ),
    "evidence offsets as text": (
        f'DELETE WHERE {{ {POS} oa:end ?e }} ; INSERT DATA {{ {POS} oa:end "19" }}',
        {("end", "Datatype")},
    ),
    "evidence with one selector": (
        f"DELETE DATA {{ {EVIDENCE} oa:hasSelector <https://example.org/gg/evidence/e#quote> }}",
        {("hasSelector", "MinCount"), ("hasSelector", "QualifiedMinCount")},
    ),
    "evidence without source": (f"DELETE WHERE {{ {EVIDENCE} oa:hasSource ?d }}", {("hasSource", "MinCount")}),
    "quote selector without exact": (
        "DELETE WHERE { <https://example.org/gg/evidence/e#quote> oa:exact ?x }",
        {("exact", "MinCount")},
    ),
    "statement without evidence": (
        f"DELETE WHERE {{ {STMT} prov:wasDerivedFrom ?e }}",
        {("wasDerivedFrom", "MinCount")},
    ),
    "statement of a triple not asserted": (f"DELETE DATA {{ {COURT} gg:adopts {MECH} }}", {("", "sparql")}),
    "statement without object": (f"DELETE WHERE {{ {STMT} rdf:object ?o }}", {("object", "MinCount")}),
}


def good_graph() -> rdflib.Graph:
    g = rdflib.Graph()
    g.parse(data=GOOD, format="turtle")
    return g


def test_hand_made_good_graph_conforms(shapes, ontology):
    conforms, _, text = validate(good_graph(), shapes, ontology)
    assert conforms, text


@pytest.mark.parametrize("case", sorted(BAD))
def test_hand_made_bad_node_fails(shapes, case):
    update, expected = BAD[case]
    g = good_graph()
    g.update(P + update)
    conforms, report, text = validate(g, shapes)
    assert not conforms, case
    found = violations(report)
    assert expected <= found, f"{case}: expected {expected}, got {found}\n{text}"
