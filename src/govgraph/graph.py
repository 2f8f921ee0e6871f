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

IRIs are ASCII and stable: regions by division code, institutions and mechanisms by a short
digest of the canonical name (curated mechanisms by their SKOS id).
"""

from __future__ import annotations

import hashlib
import re
from decimal import Decimal

from .lexicon import gazetteer, mechanisms
from .records import Entity, Evidence, Extraction

DEFAULT_BASE = "https://w3id.org/govgraph/id/"
GG_NS = "https://w3id.org/govgraph/ontology#"

KIND_CLASS = {
    "court": "Court",
    "procuratorate": "Procuratorate",
    "public_security": "PublicSecurityBody",
    "justice": "JusticeBody",
    "party": "PartyBody",
    "government": "GovernmentBody",
    "people_congress": "PeopleCongress",
    "social_organization": "SocialOrganization",
    "education": "EducationInstitution",
    "other": "OtherInstitution",
}
LEVEL_TERM = {"province": "Province", "prefecture": "Prefecture", "county": "County",
              "township": "Township", "village": "Village"}
RELATION_PREDICATE = {"adopts": "adopts", "located in": "locatedIn", "part of": "subOrganizationOf",
                      "contained in": "containedInPlace", "broader": "broader"}


def digest(*parts: str, n: int = 12) -> str:
    h = hashlib.sha256("\x1f".join(parts).encode("utf-8")).hexdigest()
    return h[:n]


def ascii_slug(s: str) -> str:
    if re.fullmatch(r"[A-Za-z0-9._-]+", s):
        return s
    return "doc-" + digest(s)


class GraphBuilder:
    """Builds the RDF graph from extractions. Extractors never see rdflib; this class does."""

    def __init__(self, base: str = DEFAULT_BASE):
        import rdflib
        from rdflib.namespace import DCTERMS, OWL, PROV, RDF, RDFS, SKOS, XSD

        if not re.fullmatch(r"[A-Za-z][A-Za-z0-9+.-]*:[\x21-\x7e]*[/#]", base) or any(c in base for c in '<>"{}|\\^`'):
            from .errors import GovgraphError

            raise GovgraphError(f"--base {base!r}: must be an absolute ASCII IRI ending in / or #")
        self.rdflib = rdflib
        self.base = base
        self.g = rdflib.Graph()
        ns = rdflib.Namespace
        self.GG = ns(GG_NS)
        self.ORG = ns("http://www.w3.org/ns/org#")
        self.SDO = ns("https://schema.org/")
        self.OA = ns("http://www.w3.org/ns/oa#")
        self.GEO = ns("http://www.w3.org/2003/01/geo/wgs84_pos#")
        self.RDF, self.RDFS, self.SKOS, self.PROV, self.DCT, self.XSD, self.OWL = RDF, RDFS, SKOS, PROV, DCTERMS, XSD, OWL
        for prefix, uri in self.prefixes().items():
            self.g.bind(prefix, uri, override=True, replace=True)
        self._regions_done: set[str] = set()
        self._concepts_done: set[str] = set()

    def prefixes(self) -> dict[str, str]:
        return {
            "gg": GG_NS,
            "ggr": self.base,
            "org": "http://www.w3.org/ns/org#",
            "schema": "https://schema.org/",
            "skos": "http://www.w3.org/2004/02/skos/core#",
            "prov": "http://www.w3.org/ns/prov#",
            "oa": "http://www.w3.org/ns/oa#",
            "geo": "http://www.w3.org/2003/01/geo/wgs84_pos#",
            "dcterms": "http://purl.org/dc/terms/",
            "rdfs": "http://www.w3.org/2000/01/rdf-schema#",
            "rdf": "http://www.w3.org/1999/02/22-rdf-syntax-ns#",
            "xsd": "http://www.w3.org/2001/XMLSchema#",
        }

    # ------------------------------------------------------------------ IRIs
    def iri(self, path: str):
        return self.rdflib.URIRef(self.base + path)

    def document_iri(self, document: str):
        return self.iri("document/" + ascii_slug(document.rsplit(".", 1)[0]))

    def region_iri(self, e: Entity):
        if e.code:
            return self.iri("region/" + e.code)
        return self.iri("region/local-" + digest(e.parent or "", e.name))

    def region_iri_by_name(self, name: str):
        cands = gazetteer().by_name.get(name, [])
        full = [d for d in cands if d.name == name]
        if len(full) == 1:
            return self.iri("region/" + full[0].code)
        return None

    def institution_iri(self, name: str):
        return self.iri("institution/" + digest(name))

    def mechanism_iri(self, name: str):
        c = mechanisms().get(name)
        if c is not None:
            return self.iri("mechanism/" + c.id)
        return self.iri("mechanism/x-" + digest(name))

    def zh(self, s: str):
        return self.rdflib.Literal(s, lang="zh")

    def decimal(self, v: float):
        """xsd:decimal in its canonical lexical form (72843.0, 398.91): Turtle writers print
        decimals that way, so the graph survives a round trip unchanged."""
        text = format(Decimal(repr(float(v))), "f")
        text = text.rstrip("0") if "." in text else text + "."
        if text.endswith("."):
            text += "0"
        return self.rdflib.Literal(text, datatype=self.XSD.decimal)

    def lit(self, v, datatype=None):
        return self.rdflib.Literal(v, datatype=datatype)

    # ------------------------------------------------------------------ building
    def add(self, x: Extraction) -> None:
        g, GG, RDF, RDFS, SKOS = self.g, self.GG, self.RDF, self.RDFS, self.SKOS
        doc = self.document_iri(x.document)
        g.add((doc, RDF.type, self.SDO.CreativeWork))
        g.add((doc, RDF.type, self.PROV.Entity))
        g.add((doc, self.SDO.name, self.lit(x.document)))
        for a in x.articles:
            art = self.rdflib.URIRef(f"{doc}/article/{a.index}")
            g.add((art, RDF.type, self.SDO.NewsArticle))
            g.add((art, self.DCT.isPartOf, doc))
            g.add((art, GG.articleIndex, self.lit(a.index)))
            if a.headline:
                g.add((art, self.SDO.headline, self.zh(a.headline)))
            if a.byline:
                g.add((art, GG.byline, self.zh(a.byline)))

        region_iris: dict[str, object] = {}
        for e in x.regions:
            r = self.region_iri(e)
            region_iris[e.name] = r
            self._add_region(e, r)
        for e in x.regions:
            if e.parent:
                parent = region_iris.get(e.parent) or self.region_iri_by_name(e.parent)
                if parent is not None:
                    g.add((region_iris[e.name], self.SDO.containedInPlace, parent))
                    self._ensure_region_chain(e.parent, parent)
                    self._statement(region_iris[e.name], self.SDO.containedInPlace, parent, e.evidence[:1])
            self._mentions(region_iris[e.name], e)

        for e in x.institutions + x.parent_bodies:
            i = self.institution_iri(e.name)
            g.add((i, RDF.type, self.ORG.Organization))
            g.add((i, RDF.type, GG[KIND_CLASS.get(e.kind or "other", "OtherInstitution")]))
            g.add((i, RDFS.label, self.zh(e.name)))
            g.add((i, SKOS.prefLabel, self.zh(e.name)))
            for a in e.aliases:
                if a != e.name:
                    g.add((i, SKOS.altLabel, self.zh(a)))
            if e.region:
                r = region_iris.get(e.region) or self.region_iri_by_name(e.region)
                if r is not None:
                    g.add((i, GG.locatedIn, r))
                    self._statement(i, GG.locatedIn, r, e.evidence[:1])
            if e.parent:
                p = self.institution_iri(e.parent)
                g.add((i, self.ORG.subOrganizationOf, p))
                self._statement(i, self.ORG.subOrganizationOf, p, e.evidence[:1])
            self._mentions(i, e)

        for e in x.mechanisms:
            m = self.mechanism_iri(e.name)
            self._add_concept(e.name, m, e.kind == "curated")
            for a in e.aliases:
                if a != e.name and not a.startswith(("“", '"')):
                    g.add((m, GG.surfaceForm, self.zh(a)))
            self._mentions(m, e)

        for f in x.adopts:
            s, o = self.institution_iri(f.subject), self.mechanism_iri(f.object)
            g.add((s, GG.adopts, o))
            self._statement(s, GG.adopts, o, f.evidence)

        for q in x.quantities:
            ev = q.evidence
            o = self.iri("outcome/" + digest(x.document, str(ev.start), str(ev.end)))
            g.add((o, RDF.type, GG.Outcome))
            g.add((o, RDF.type, self.SDO.QuantitativeValue))
            g.add((o, self.SDO.value, self.decimal(q.value)))
            g.add((o, self.SDO.unitText, self.lit(q.unit)))
            g.add((o, GG.unit, GG["unit-" + q.unit.replace("_", "-")]))
            g.add((o, GG.metric, self.zh(q.metric)))
            g.add((o, GG.surfaceText, self.zh(q.text)))
            g.add((o, RDFS.label, self.zh(q.text)))
            if q.period:
                g.add((o, GG.period, self.zh(q.period)))
            if q.subject:
                subj = None
                if any(i.name == q.subject for i in x.institutions + x.parent_bodies):
                    subj = self.institution_iri(q.subject)
                else:
                    subj = region_iris.get(q.subject) or self.region_iri_by_name(q.subject)
                if subj is not None:
                    g.add((o, GG.subject, subj))
            if q.mechanism:
                g.add((o, GG.aboutMechanism, self.mechanism_iri(q.mechanism)))
            g.add((o, self.PROV.wasDerivedFrom, self._evidence(ev)))

    def _add_region(self, e: Entity, r) -> None:
        g, GG = self.g, self.GG
        if str(r) in self._regions_done:
            return
        self._regions_done.add(str(r))
        g.add((r, self.RDF.type, self.SDO.AdministrativeArea))
        g.add((r, self.RDFS.label, self.zh(e.name)))
        g.add((r, self.SKOS.prefLabel, self.zh(e.name)))
        g.add((r, GG.level, GG[LEVEL_TERM.get(e.kind or "", "County")]))
        if e.code:
            g.add((r, GG.divisionCode, self.lit(e.code)))
            d = gazetteer().by_code.get(e.code)
            if d is not None and d.lat is not None and d.lon is not None:
                g.add((r, self.GEO.lat, self.decimal(d.lat)))
                g.add((r, self.GEO.long, self.decimal(d.lon)))

    def _ensure_region_chain(self, name: str, iri) -> None:
        """A parent region named only through the gazetteer still gets its label and chain."""
        gaz = gazetteer()
        full = [d for d in gaz.by_name.get(name, []) if d.name == name]
        if len(full) != 1:
            return
        d = full[0]
        while d is not None:
            r = self.iri("region/" + d.code)
            self._add_region(Entity("region", d.name, d.level, code=d.code), r)
            p = gaz.parent(d)
            if p is not None:
                self.g.add((r, self.SDO.containedInPlace, self.iri("region/" + p.code)))
            d = p

    def _add_concept(self, name: str, m, curated: bool) -> None:
        g, GG, SKOS = self.g, self.GG, self.SKOS
        if str(m) in self._concepts_done:
            return
        self._concepts_done.add(str(m))
        g.add((m, self.RDF.type, SKOS.Concept))
        g.add((m, SKOS.prefLabel, self.zh(name)))
        g.add((m, self.RDFS.label, self.zh(name)))
        if curated:
            c = mechanisms()[name]
            g.add((m, SKOS.inScheme, GG.mechanismScheme))
            if c.en:
                g.add((m, SKOS.prefLabel, self.rdflib.Literal(c.en, lang="en")))
            for a in c.alts:
                g.add((m, SKOS.altLabel, self.zh(a)))
            if c.broader:
                b = self.mechanism_iri(c.broader)
                g.add((m, SKOS.broader, b))
                g.add((b, SKOS.narrower, m))
                self._add_concept(c.broader, b, True)
            else:
                g.add((m, SKOS.topConceptOf, GG.mechanismScheme))
        else:
            g.add((m, SKOS.inScheme, GG.discoveredScheme))
            g.add((m, self.RDF.type, GG.DiscoveredMechanism))

    def _mentions(self, node, e: Entity) -> None:
        for ev in e.evidence:
            self.g.add((node, self.GG.mentionedIn, self._evidence(ev)))

    def _statement(self, s, p, o, evidence: list[Evidence]) -> None:
        g = self.g
        st = self.iri("statement/" + digest(str(s), str(p), str(o)))
        g.add((st, self.RDF.type, self.RDF.Statement))
        g.add((st, self.RDF.subject, s))
        g.add((st, self.RDF.predicate, p))
        g.add((st, self.RDF.object, o))
        for ev in evidence:
            g.add((st, self.PROV.wasDerivedFrom, self._evidence(ev)))

    def _evidence(self, ev: Evidence):
        g, OA, GG = self.g, self.OA, self.GG
        doc = self.document_iri(ev.document)
        node = self.iri("evidence/" + digest(ev.document, str(ev.start), str(ev.end)))
        if (node, self.RDF.type, GG.Evidence) in g:
            return node
        g.add((node, self.RDF.type, GG.Evidence))
        g.add((node, self.RDF.type, OA.SpecificResource))
        g.add((node, OA.hasSource, doc))
        g.add((node, self.DCT.isPartOf, self.rdflib.URIRef(f"{doc}/article/{ev.article}")))
        pos = self.rdflib.URIRef(f"{node}#position")
        quote = self.rdflib.URIRef(f"{node}#quote")
        g.add((node, OA.hasSelector, pos))
        g.add((node, OA.hasSelector, quote))
        g.add((pos, self.RDF.type, OA.TextPositionSelector))
        g.add((pos, OA.start, self.lit(ev.start)))
        g.add((pos, OA.end, self.lit(ev.end)))
        g.add((quote, self.RDF.type, OA.TextQuoteSelector))
        g.add((quote, OA.exact, self.zh(ev.quote)))
        g.add((node, GG.sentence, self.zh(ev.sentence)))
        g.add((node, GG.sentenceStart, self.lit(ev.sentence_start)))
        g.add((node, GG.sentenceEnd, self.lit(ev.sentence_end)))
        return node

