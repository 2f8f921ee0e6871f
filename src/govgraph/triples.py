"""The graph of one document as N-Triples lines, without rdflib: the fast path of `build`.

`doc_triples(x, base)` emits exactly the triples `GraphBuilder.add(x)` adds to an empty graph
(tests/test_scale.py checks that the two are isomorphic), as N-Triples lines without the
final `` .`` (``s p o``) whose terms are written the way rdflib's N-Triples writer writes them. Plain
strings are cheap to make, to pickle back from a worker process, to sort and to write.

The graph of many documents is the union of their lines, except for two kinds of blocks that
`GraphBuilder` adds once per graph, the first time it meets them: a region's description
(`_add_region`) and a mechanism concept's (`_add_concept`). Those come back as *keyed blocks*;
a merge keeps, for every key, the block of the first document (in document order) that has
it, just as one `GraphBuilder` fed the documents in that order does.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from decimal import Decimal

from .graph import DEFAULT_BASE, GG_NS, KIND_CLASS, LEVEL_TERM, ascii_slug, digest
from .lexicon import Division, gazetteer, mechanisms
from .records import Entity, Evidence, Extraction

RDF_NS = "http://www.w3.org/1999/02/22-rdf-syntax-ns#"
RDFS_NS = "http://www.w3.org/2000/01/rdf-schema#"
SKOS_NS = "http://www.w3.org/2004/02/skos/core#"
PROV_NS = "http://www.w3.org/ns/prov#"
DCT_NS = "http://purl.org/dc/terms/"
XSD_NS = "http://www.w3.org/2001/XMLSchema#"
ORG_NS = "http://www.w3.org/ns/org#"
SDO_NS = "https://schema.org/"
OA_NS = "http://www.w3.org/ns/oa#"
GEO_NS = "http://www.w3.org/2003/01/geo/wgs84_pos#"

XSD_INTEGER = f"<{XSD_NS}integer>"
XSD_DECIMAL = f"<{XSD_NS}decimal>"

_BASE_OK = re.compile(r"[A-Za-z][A-Za-z0-9+.-]*:[\x21-\x7e]*[/#]")


def check_base(base: str) -> str:
    """The same rule as `GraphBuilder`: an absolute ASCII IRI ending in / or #."""
    if not _BASE_OK.fullmatch(base) or any(c in base for c in '<>"{}|\\^`'):
        from .errors import GovgraphError

        raise GovgraphError(f"--base {base!r}: must be an absolute ASCII IRI ending in / or #")
    return base


def quote(s: str) -> str:
    """A string literal's quoted form: rdflib's N-Triples escaping, valid Turtle too."""
    if "\\" in s or "\n" in s or '"' in s or "\r" in s:
        s = _escape(s)
    return f'"{s}"'


def _escape(s: str) -> str:
    return s.replace("\\", "\\\\").replace("\n", "\\n").replace('"', '\\"').replace("\r", "\\r")


def zh(s: str) -> str:
    """`quote(s) + "@zh"`, in one step (emit writes three per evidence node)."""
    if "\\" in s or "\n" in s or '"' in s or "\r" in s:
        s = _escape(s)
    return f'"{s}"@zh'


def date(iso: str) -> str:
    return f'"{iso}"^^<{XSD_NS}date>'


def integer(v: int) -> str:
    return f'"{int(v)}"^^{XSD_INTEGER}'


_decimal_texts: dict[str, str] = {}  # repr(float) -> canonical lexical form (coordinates repeat)


def decimal_lexical(v: float) -> str:
    """xsd:decimal in its canonical lexical form (72843.0, 398.91), as `GraphBuilder.decimal`."""
    r = repr(float(v))
    text = _decimal_texts.get(r)
    if text is not None:
        return text
    text = format(Decimal(r), "f")
    text = text.rstrip("0") if "." in text else text + "."
    if text.endswith("."):
        text += "0"
    if len(_decimal_texts) < 100_000:
        _decimal_texts[r] = text
    return text


def decimal(v: float) -> str:
    return f'"{decimal_lexical(v)}"^^{XSD_DECIMAL}'


def _vocab(ns: str, *names: str):
    return {n: f"<{ns}{n}>" for n in names}


RDF = _vocab(RDF_NS, "type", "Statement", "subject", "predicate", "object")
RDFS = _vocab(RDFS_NS, "label")
SKOS = _vocab(SKOS_NS, "Concept", "prefLabel", "altLabel", "inScheme", "broader", "narrower", "topConceptOf")
PROV = _vocab(PROV_NS, "Entity", "wasDerivedFrom")
DCT = _vocab(DCT_NS, "isPartOf", "isReplacedBy")
ORG = _vocab(ORG_NS, "Organization", "subOrganizationOf")
SDO = _vocab(
    SDO_NS,
    "CreativeWork",
    "name",
    "NewsArticle",
    "headline",
    "containedInPlace",
    "AdministrativeArea",
    "QuantitativeValue",
    "value",
    "unitText",
    "datePublished",
)
OA = _vocab(
    OA_NS,
    "SpecificResource",
    "hasSource",
    "hasSelector",
    "TextPositionSelector",
    "TextQuoteSelector",
    "start",
    "end",
    "exact",
)
GEO = _vocab(GEO_NS, "lat", "long")


class _GG(dict):
    def __missing__(self, name: str) -> str:
        v = self[name] = f"<{GG_NS}{name}>"
        return v


GG = _GG()
RELATION_PREDICATES = {GG["adopts"], GG["locatedIn"], ORG["subOrganizationOf"], SDO["containedInPlace"]}

# Pieces of the lines `emit` writes most (an evidence node is 15 lines): " <predicate> " and
# " <rdf:type> <class>", to join to a subject (and an object) in one step.
_A_EVIDENCE = f" {RDF['type']} {GG['Evidence']}"
_A_SPECIFIC_RESOURCE = f" {RDF['type']} {OA['SpecificResource']}"
_A_POSITION_SELECTOR = f" {RDF['type']} {OA['TextPositionSelector']}"
_A_QUOTE_SELECTOR = f" {RDF['type']} {OA['TextQuoteSelector']}"
_A_STATEMENT = f" {RDF['type']} {RDF['Statement']}"
_HAS_SOURCE = f" {OA['hasSource']} "
_IS_PART_OF = f" {DCT['isPartOf']} "
_HAS_SELECTOR = f" {OA['hasSelector']} "
_START = f" {OA['start']} "
_END = f" {OA['end']} "
_EXACT = f" {OA['exact']} "
_QUOTE = f" {GG['quote']} "
_SENTENCE = f" {GG['sentence']} "
_SENTENCE_START = f" {GG['sentenceStart']} "
_SENTENCE_END = f" {GG['sentenceEnd']} "
_MENTIONED_IN = f" {GG['mentionedIn']} "
_WAS_DERIVED_FROM = f" {PROV['wasDerivedFrom']} "
_RDF_SUBJECT = f" {RDF['subject']} "
_RDF_PREDICATE = f" {RDF['predicate']} "
_RDF_OBJECT = f" {RDF['object']} "
_INTEGER_TAIL = f'"^^{XSD_INTEGER}'  # '"' + str(int) + this: `integer(v)`

_name_digests: dict[str, str] = {}  # digest(name) of institution and mechanism names, per process


def _name_digest(name: str) -> str:
    d = _name_digests.get(name)
    if d is None:
        if len(_name_digests) >= 200_000:
            _name_digests.clear()
        d = _name_digests[name] = digest(name)
    return d


@dataclass
class DocTriples:
    """One document's graph: `plain` lines (in the order `GraphBuilder` adds them, repeats
    possible) and keyed blocks, first occurrence per key, in order."""

    plain: list[str] = field(default_factory=list)
    keyed: dict[tuple[str, str], list[str]] = field(default_factory=dict)
    evidence: dict[str, tuple[str, str]] = field(default_factory=dict)  # node -> (document, sentence)

    def lines(self) -> list[str]:
        """The document's own graph (its keyed blocks included), sorted and unique."""
        out = set(self.plain)
        for block in self.keyed.values():
            out.update(block)
        return sorted(out)


class TripleEmitter:
    """Emits N-Triples lines for extractions; mirrors `GraphBuilder.add` statement by statement."""

    def __init__(self, base: str = DEFAULT_BASE):
        self.base = check_base(base)
        self._region_by_name: dict[str, str | None] = {}

    # ------------------------------------------------------------------ IRIs
    def iri(self, path: str) -> str:
        return f"<{self.base}{path}>"

    def document_iri(self, document: str) -> str:
        return self.iri("document/" + ascii_slug(document.rsplit(".", 1)[0]))

    def region_iri(self, e: Entity) -> str:
        if e.code:
            return self.iri("region/" + e.code)
        return self.iri("region/local-" + digest(e.parent or "", e.name))

    def region_iri_by_name(self, name: str) -> str | None:
        try:
            return self._region_by_name[name]
        except KeyError:
            pass
        cands = gazetteer().by_name.get(name, [])
        full = [d for d in cands if d.name == name]
        r = self.iri("region/" + full[0].code) if len(full) == 1 else None
        self._region_by_name[name] = r
        return r

    def institution_iri(self, name: str) -> str:
        return self.iri("institution/" + _name_digest(name))

    def mechanism_iri(self, name: str) -> str:
        c = mechanisms().get(name)
        if c is not None:
            return self.iri("mechanism/" + c.id)
        return self.iri("mechanism/x-" + _name_digest(name))

    # ------------------------------------------------------------------ one document
    def emit(self, x: Extraction) -> DocTriples:
        out = DocTriples()
        lines = out.plain
        add, extend = lines.append, lines.extend
        TYPE = RDF["type"]
        base = self.base
        doc = self.document_iri(x.document)
        evidence_done = out.evidence

        def evidence(ev: Evidence) -> str:
            path = f"{base}evidence/{digest(ev.document, str(ev.start), str(ev.end))}"
            node = f"<{path}>"
            if node in evidence_done:
                return node
            evidence_done[node] = (ev.document, ev.sentence)
            edoc = doc if ev.document == x.document else self.document_iri(ev.document)
            pos = f"<{path}#position>"
            sel = f"<{path}#quote>"
            quote_ = zh(ev.quote)  # the mention, page line breaks removed
            exact = ev.exact
            exact = quote_ if not exact or exact == ev.quote else zh(exact)  # the source's own characters
            extend(
                (
                    node + _A_EVIDENCE,
                    node + _A_SPECIFIC_RESOURCE,
                    f"{node}{_HAS_SOURCE}{edoc}",
                    f"{node}{_IS_PART_OF}{edoc[:-1]}/article/{ev.article}>",
                    f"{node}{_HAS_SELECTOR}{pos}",
                    f"{node}{_HAS_SELECTOR}{sel}",
                    pos + _A_POSITION_SELECTOR,
                    f'{pos}{_START}"{int(ev.start)}{_INTEGER_TAIL}',
                    f'{pos}{_END}"{int(ev.end)}{_INTEGER_TAIL}',
                    sel + _A_QUOTE_SELECTOR,
                    f"{sel}{_EXACT}{exact}",
                    f"{node}{_QUOTE}{quote_}",
                    f"{node}{_SENTENCE}{zh(ev.sentence)}",
                    f'{node}{_SENTENCE_START}"{int(ev.sentence_start)}{_INTEGER_TAIL}',
                    f'{node}{_SENTENCE_END}"{int(ev.sentence_end)}{_INTEGER_TAIL}',
                )
            )
            return node

        def mentions(node: str, e: Entity) -> None:
            head = node + _MENTIONED_IN
            for ev in e.evidence:
                add(head + evidence(ev))  # evidence() first adds the node's own lines

        def statement(s: str, p: str, o: str, evs: list[Evidence]) -> None:
            if not evs:
                return  # a statement node exists to carry evidence
            st = f"<{base}statement/{digest(s[1:-1], p[1:-1], o[1:-1])}>"
            extend((st + _A_STATEMENT, f"{st}{_RDF_SUBJECT}{s}", f"{st}{_RDF_PREDICATE}{p}", f"{st}{_RDF_OBJECT}{o}"))
            head = st + _WAS_DERIVED_FROM
            for ev in evs:
                add(head + evidence(ev))

        add(f"{doc} {TYPE} {SDO['CreativeWork']}")
        add(f"{doc} {TYPE} {PROV['Entity']}")
        add(f"{doc} {SDO['name']} {quote(x.document)}")
        for a in x.articles:
            art = f"<{doc[1:-1]}/article/{a.index}>"
            add(f"{art} {TYPE} {SDO['NewsArticle']}")
            add(f"{art} {DCT['isPartOf']} {doc}")
            add(f"{art} {GG['articleIndex']} {integer(a.index)}")
            if a.headline:
                add(f"{art} {SDO['headline']} {zh(a.headline)}")
            if a.byline:
                add(f"{art} {GG['byline']} {zh(a.byline)}")
            if a.date:
                add(f"{art} {SDO['datePublished']} {date(a.date)}")

        region_iris: dict[str, str] = {}

        def region_ref(name: str) -> str | None:
            """A region named in this document, else the gazetteer's, declared with its chain
            so that no link points at an undescribed node."""
            r = region_iris.get(name)
            if r is None:
                r = self.region_iri_by_name(name)
                if r is not None:
                    self._ensure_region_chain(out, name)
            return r

        for e in x.regions:
            r = self.region_iri(e)
            region_iris[e.name] = r
            self._add_region(out, e, r)
        for e in x.regions:
            division = gazetteer().by_code.get(e.code) if e.code else None
            if division is not None:
                # the gazetteer's chain, whether or not the text names the ancestors
                self._ensure_division_chain(out, division)
            if e.parent:
                parent = region_ref(e.parent)
                if parent is not None:
                    add(f"{region_iris[e.name]} {SDO['containedInPlace']} {parent}")
                    self._ensure_region_chain(out, e.parent)
                    statement(region_iris[e.name], SDO["containedInPlace"], parent, e.evidence[:1])
            mentions(region_iris[e.name], e)

        for e in x.institutions + x.parent_bodies:
            i = self.institution_iri(e.name)
            add(f"{i} {TYPE} {ORG['Organization']}")
            add(f"{i} {TYPE} {GG[KIND_CLASS.get(e.kind or 'other', 'OtherInstitution')]}")
            label = zh(e.name)
            add(f"{i} {RDFS['label']} {label}")
            add(f"{i} {SKOS['prefLabel']} {label}")
            for alias in e.aliases:
                if alias != e.name:
                    add(f"{i} {SKOS['altLabel']} {zh(alias)}")
            if e.region:
                located = region_ref(e.region)
                if located is not None:
                    add(f"{i} {GG['locatedIn']} {located}")
                    statement(i, GG["locatedIn"], located, e.evidence[:1])
            if e.parent:
                p = self.institution_iri(e.parent)
                add(f"{i} {ORG['subOrganizationOf']} {p}")
                statement(i, ORG["subOrganizationOf"], p, e.evidence[:1])
            mentions(i, e)

        for e in x.mechanisms:
            m = self.mechanism_iri(e.name)
            self._add_concept(out, e.name, m, e.kind == "curated")
            for alias in e.aliases:
                if alias != e.name and not alias.startswith(("“", '"')):
                    add(f"{m} {GG['surfaceForm']} {zh(alias)}")
            mentions(m, e)

        for f in x.adopts:
            s, o = self.institution_iri(f.subject), self.mechanism_iri(f.object)
            add(f"{s} {GG['adopts']} {o}")
            statement(s, GG["adopts"], o, f.evidence)

        names = None
        for q in x.quantities:
            ev = q.evidence
            o = self.iri("outcome/" + digest(x.document, str(ev.start), str(ev.end)))
            add(f"{o} {TYPE} {GG['Outcome']}")
            add(f"{o} {TYPE} {SDO['QuantitativeValue']}")
            add(f"{o} {SDO['value']} {decimal(q.value)}")
            add(f"{o} {SDO['unitText']} {quote(q.unit)}")
            add(f"{o} {GG['unit']} {GG['unit-' + q.unit.replace('_', '-')]}")
            add(f"{o} {GG['metric']} {zh(q.metric)}")
            text = zh(q.text)
            add(f"{o} {GG['surfaceText']} {text}")
            add(f"{o} {RDFS['label']} {text}")
            if q.period:
                add(f"{o} {GG['period']} {zh(q.period)}")
            if q.period_start:
                add(f"{o} {GG['periodStart']} {date(q.period_start)}")
            if q.period_end:
                add(f"{o} {GG['periodEnd']} {date(q.period_end)}")
            if q.subject:
                if names is None:
                    names = {i.name for i in x.institutions + x.parent_bodies}
                subj: str | None
                if q.subject in names:
                    subj = self.institution_iri(q.subject)
                else:
                    subj = region_ref(q.subject)
                if subj is not None:
                    add(f"{o} {GG['subject']} {subj}")
            if q.mechanism:
                add(f"{o} {GG['aboutMechanism']} {self.mechanism_iri(q.mechanism)}")
            add(f"{o} {PROV['wasDerivedFrom']} {evidence(ev)}")
        return out

    # ------------------------------------------------------------------ keyed blocks
    def _add_region(self, out: DocTriples, e: Entity, r: str) -> None:
        key = ("region", r)
        if key in out.keyed:
            return
        TYPE = RDF["type"]
        label = zh(e.name)
        block = [
            f"{r} {TYPE} {SDO['AdministrativeArea']}",
            f"{r} {RDFS['label']} {label}",
            f"{r} {SKOS['prefLabel']} {label}",
            f"{r} {GG['level']} {GG[LEVEL_TERM.get(e.kind or '', 'County')]}",
        ]
        out.keyed[key] = block
        if e.code:
            block.append(f"{r} {GG['divisionCode']} {quote(e.code)}")
            d = gazetteer().by_code.get(e.code)
            if d is not None and d.lat is not None and d.lon is not None:
                block.append(f"{r} {GEO['lat']} {decimal(d.lat)}")
                block.append(f"{r} {GEO['long']} {decimal(d.lon)}")
            if d is not None and d.replaced_by and d.replaced_by != d.code:
                # a former division (海门市) links to the current one (南通市海门区), described too
                block.append(f"{r} {DCT['isReplacedBy']} {self.iri('region/' + d.replaced_by)}")
                self._ensure_division_chain(out, gazetteer().by_code[d.replaced_by])

    def _ensure_region_chain(self, out: DocTriples, name: str) -> None:
        full = [d for d in gazetteer().by_name.get(name, []) if d.name == name]
        if len(full) == 1:
            self._ensure_division_chain(out, full[0])

    def _ensure_division_chain(self, out: DocTriples, division: Division) -> None:
        gaz = gazetteer()
        d: Division | None = division
        while d is not None:
            r = self.iri("region/" + d.code)
            self._add_region(out, Entity("region", d.name, d.level, code=d.code), r)
            p = gaz.parent(d)
            if p is not None:
                out.plain.append(f"{r} {SDO['containedInPlace']} {self.iri('region/' + p.code)}")
            d = p

    def _add_concept(self, out: DocTriples, name: str, m: str, curated: bool) -> None:
        key = ("concept", m)
        if key in out.keyed:
            return
        block: list[str] = []
        out.keyed[key] = block
        TYPE = RDF["type"]
        label = zh(name)
        block.append(f"{m} {TYPE} {SKOS['Concept']}")
        block.append(f"{m} {SKOS['prefLabel']} {label}")
        block.append(f"{m} {RDFS['label']} {label}")
        if curated:
            c = mechanisms()[name]
            block.append(f"{m} {SKOS['inScheme']} {GG['mechanismScheme']}")
            if c.en:
                block.append(f"{m} {SKOS['prefLabel']} {quote(c.en)}@en")
            for a in c.alts:
                block.append(f"{m} {SKOS['altLabel']} {zh(a)}")
            if c.broader:
                b = self.mechanism_iri(c.broader)
                block.append(f"{m} {SKOS['broader']} {b}")
                block.append(f"{b} {SKOS['narrower']} {m}")
                self._add_concept(out, c.broader, b, True)
            else:
                block.append(f"{m} {SKOS['topConceptOf']} {GG['mechanismScheme']}")
        else:
            block.append(f"{m} {SKOS['inScheme']} {GG['discoveredScheme']}")
            block.append(f"{m} {TYPE} {GG['DiscoveredMechanism']}")


def doc_triples(x: Extraction, base: str = DEFAULT_BASE) -> DocTriples:
    return TripleEmitter(base).emit(x)


# ---------------------------------------------------------------- reading lines back

_UNESCAPE = re.compile(r"\\(.)")
_UNESC = {"\\": "\\", "n": "\n", '"': '"', "r": "\r"}


def split_line(line: str) -> tuple[str, str, str]:
    """A line `s p o` → (s, p, o) in N-Triples term syntax (subjects and predicates hold no space)."""
    s, p, o = line.split(" ", 2)
    return s, p, o


def parse_literal(term: str) -> tuple[str, str | None, str | None]:
    """An N-Triples literal → (lexical form, language, datatype IRI)."""
    end = term.rindex('"')
    lex = term[1:end]
    if "\\" in lex:
        lex = _UNESCAPE.sub(lambda m: _UNESC.get(m.group(1), m.group(0)), lex)
    rest = term[end + 1 :]
    if rest.startswith("@"):
        return lex, rest[1:], None
    if rest.startswith("^^<"):
        return lex, None, rest[3:-1]
    return lex, None, None


def to_rdflib(term: str):
    import rdflib

    if term.startswith("<"):
        return rdflib.URIRef(term[1:-1])
    if term.startswith("_:"):
        return rdflib.BNode(term[2:])
    lex, lang, dt = parse_literal(term)
    return rdflib.Literal(lex, lang=lang, datatype=rdflib.URIRef(dt) if dt else None)


def from_rdflib(term) -> str:
    """An rdflib term in N-Triples syntax, as rdflib's own N-Triples writer prints it."""
    import rdflib

    if isinstance(term, rdflib.Literal):
        q = quote(str(term))
        if term.language:
            return f"{q}@{term.language}"
        if term.datatype:
            return f"{q}^^<{term.datatype}>"
        return q
    if isinstance(term, rdflib.BNode):
        return f"_:{term}"
    return f"<{term}>"
