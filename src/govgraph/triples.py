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

from .lexicon import Division, gazetteer
from .lexicon_mechanisms import mechanism_by_label
from .model import (
    DCT_T,
    DEFAULT_BASE,
    GEO_T,
    GG_T,
    KIND_CLASS,
    LEVEL_TERM,
    OA_T,
    ORG_T,
    PROV_T,
    RDF_T,
    RDFS_T,
    SDO_T,
    SKOS_T,
    XSD_INTEGER,
    Minter,
    digest,
)
from .ntriples import date, decimal, integer, quote, zh
from .records import Entity, Evidence, Extraction

# Pieces of the lines `emit` writes most (an evidence node is 15 lines): " <predicate> " and
# " <rdf:type> <class>", to join to a subject (and an object) in one step.
_A_EVIDENCE = f" {RDF_T['type']} {GG_T['Evidence']}"
_A_SPECIFIC_RESOURCE = f" {RDF_T['type']} {OA_T['SpecificResource']}"
_A_POSITION_SELECTOR = f" {RDF_T['type']} {OA_T['TextPositionSelector']}"
_A_QUOTE_SELECTOR = f" {RDF_T['type']} {OA_T['TextQuoteSelector']}"
_A_STATEMENT = f" {RDF_T['type']} {RDF_T['Statement']}"
_HAS_SOURCE = f" {OA_T['hasSource']} "
_IS_PART_OF = f" {DCT_T['isPartOf']} "
_HAS_SELECTOR = f" {OA_T['hasSelector']} "
_START = f" {OA_T['start']} "
_END = f" {OA_T['end']} "
_EXACT = f" {OA_T['exact']} "
_QUOTE = f" {GG_T['quote']} "
_SENTENCE = f" {GG_T['sentence']} "
_SENTENCE_START = f" {GG_T['sentenceStart']} "
_SENTENCE_END = f" {GG_T['sentenceEnd']} "
_MENTIONED_IN = f" {GG_T['mentionedIn']} "
_WAS_DERIVED_FROM = f" {PROV_T['wasDerivedFrom']} "
_RDF_SUBJECT = f" {RDF_T['subject']} "
_RDF_PREDICATE = f" {RDF_T['predicate']} "
_RDF_OBJECT = f" {RDF_T['object']} "
_TYPE = RDF_T["type"]
_INTEGER_TAIL = f'"^^{XSD_INTEGER}'  # '"' + str(int) + this: `integer(v)`


@dataclass
class DocTriples:
    """One document's graph: `plain` lines (in the order `GraphBuilder` adds them, repeats
    possible) and keyed blocks, first occurrence per key, in order. `shown`: the plain lines
    the page reads, in the same order (all but those of evidence and statement nodes, most
    of a document's lines), so that `build.rows.page_rows` need not pass over the rest."""

    plain: list[str] = field(default_factory=list)
    shown: list[str] = field(default_factory=list)
    # `emit(x, grouped=True)`: each evidence node's lines (a subject's alone, so they are
    # consecutive in any sorted graph), sorted, joined by newlines, here and not in `plain`
    groups: list[str] = field(default_factory=list)
    keyed: dict[tuple[str, str], list[str]] = field(default_factory=dict)
    evidence: dict[str, tuple[str, str, str]] = field(default_factory=dict)  # node -> (document, sentence, headline)

    def lines(self) -> list[str]:
        """The document's own graph (its keyed blocks included), sorted and unique."""
        out = set(self.plain)
        for group in self.groups:
            out.update(group.split("\n"))
        for block in self.keyed.values():
            out.update(block)
        return sorted(out)


class TripleEmitter(Minter):
    """Emits N-Triples lines for extractions; `GraphBuilder.add` is the rdflib view of them."""

    # ------------------------------------------------------------------ one document
    def emit(self, x: Extraction, grouped: bool = False) -> DocTriples:
        """The document's triples, in the order `GraphBuilder` adds them; `grouped`: the
        evidence nodes' lines in `groups` (one string per node), sorted a node at a time."""
        d = _Document(self, x, grouped)
        d.document()
        d.regions()
        d.institutions()
        d.mechanisms()
        d.adoptions()
        d.outcomes()
        return d.out

    # ------------------------------------------------------------------ keyed blocks
    def _add_region(self, out: DocTriples, e: Entity, r: str) -> None:
        key = ("region", r)
        if key in out.keyed:
            return
        TYPE = RDF_T["type"]
        label = zh(e.name)
        block = [
            f"{r} {TYPE} {SDO_T['AdministrativeArea']}",
            f"{r} {RDFS_T['label']} {label}",
            f"{r} {SKOS_T['prefLabel']} {label}",
            f"{r} {GG_T['level']} {GG_T[LEVEL_TERM.get(e.kind or '', 'County')]}",
        ]
        out.keyed[key] = block
        if e.code:
            block.append(f"{r} {GG_T['divisionCode']} {quote(e.code)}")
            d = gazetteer().by_code.get(e.code)
            if d is not None and d.lat is not None and d.lon is not None:
                block.append(f"{r} {GEO_T['lat']} {decimal(d.lat)}")
                block.append(f"{r} {GEO_T['long']} {decimal(d.lon)}")
            if d is not None and d.replaced_by and d.replaced_by != d.code:
                # a former division (海门市) links to the current one (南通市海门区), described too
                block.append(f"{r} {DCT_T['isReplacedBy']} {self.iri('region/' + d.replaced_by)}")
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
                line = f"{r} {SDO_T['containedInPlace']} {self.iri('region/' + p.code)}"
                out.plain.append(line)
                out.shown.append(line)
            d = p

    def _add_concept(self, out: DocTriples, name: str, m: str, curated: bool) -> None:
        key = ("concept", m)
        if key in out.keyed:
            return
        block: list[str] = []
        out.keyed[key] = block
        TYPE = RDF_T["type"]
        c = mechanism_by_label(name) if curated else None
        label = zh(c.pref if c is not None else name)  # a curated concept keeps its scheme's prefLabel
        block.append(f"{m} {TYPE} {SKOS_T['Concept']}")
        block.append(f"{m} {SKOS_T['prefLabel']} {label}")
        block.append(f"{m} {RDFS_T['label']} {label}")
        if c is not None:
            block.append(f"{m} {SKOS_T['inScheme']} {GG_T['mechanismScheme']}")
            if c.en:
                block.append(f"{m} {SKOS_T['prefLabel']} {quote(c.en)}@en")
            for a in c.alts:
                block.append(f"{m} {SKOS_T['altLabel']} {zh(a)}")
            if c.broader:
                b = self.mechanism_iri(c.broader)
                block.append(f"{m} {SKOS_T['broader']} {b}")
                block.append(f"{b} {SKOS_T['narrower']} {m}")
                self._add_concept(out, c.broader, b, True)
            else:
                block.append(f"{m} {SKOS_T['topConceptOf']} {GG_T['mechanismScheme']}")
        else:
            block.append(f"{m} {SKOS_T['inScheme']} {GG_T['discoveredScheme']}")
            block.append(f"{m} {TYPE} {GG_T['DiscoveredMechanism']}")


class _Document:
    """One document's emission: its lines, its evidence nodes, its regions' IRIs."""

    def __init__(self, emitter: TripleEmitter, x: Extraction, grouped: bool = False):
        self.emitter, self.x = emitter, x
        self.out = DocTriples()
        self._plain, self._shown = self.out.plain.append, self.out.shown.append
        self.extend = self.out.plain.extend  # evidence and statement nodes: not shown
        self.group = self.out.groups.append if grouped else None
        self.base = emitter.base
        self.doc = emitter.document_iri(x.document)
        self.region_iris: dict[str, str] = {}
        self.headlines = {a.index: a.headline for a in x.articles}  # what the page shows of an evidence's article

    def add(self, line: str) -> None:
        self._plain(line)
        self._shown(line)

    def evidence(self, ev: Evidence) -> str:
        path = f"{self.base}evidence/{digest(ev.document, str(ev.start), str(ev.end))}"
        node = f"<{path}>"
        if node in self.out.evidence:
            return node
        own = ev.document == self.x.document
        self.out.evidence[node] = (ev.document, ev.sentence, self.headlines.get(ev.article, "") if own else "")
        edoc = self.doc if own else self.emitter.document_iri(ev.document)
        pos = f"<{path}#position>"
        sel = f"<{path}#quote>"
        quote_ = zh(ev.quote)  # the mention, page line breaks removed
        exact = ev.exact
        exact = quote_ if not exact or exact == ev.quote else zh(exact)  # the source's own characters
        lines = (  # in sorted order, whatever the values: subjects, predicates and types decide
            pos + _A_POSITION_SELECTOR,
            f'{pos}{_END}"{int(ev.end)}{_INTEGER_TAIL}',
            f'{pos}{_START}"{int(ev.start)}{_INTEGER_TAIL}',
            sel + _A_QUOTE_SELECTOR,
            f"{sel}{_EXACT}{exact}",
            f"{node}{_IS_PART_OF}{edoc[:-1]}/article/{ev.article}>",
            node + _A_SPECIFIC_RESOURCE,
            node + _A_EVIDENCE,
            f"{node}{_HAS_SELECTOR}{pos}",
            f"{node}{_HAS_SELECTOR}{sel}",
            f"{node}{_HAS_SOURCE}{edoc}",
            f"{node}{_QUOTE}{quote_}",
            f"{node}{_SENTENCE}{zh(ev.sentence)}",
            f'{node}{_SENTENCE_END}"{int(ev.sentence_end)}{_INTEGER_TAIL}',
            f'{node}{_SENTENCE_START}"{int(ev.sentence_start)}{_INTEGER_TAIL}',
        )
        if self.group is not None:
            self.group("\n".join(lines))
        else:
            self.extend(lines)
        return node

    def mentions(self, node: str, e: Entity) -> None:
        head = node + _MENTIONED_IN
        for ev in e.evidence:
            self.add(head + self.evidence(ev))  # evidence() first adds the node's own lines

    def statement(self, s: str, p: str, o: str, evs: list[Evidence]) -> None:
        if not evs:
            return  # a statement node exists to carry evidence
        st = f"<{self.base}statement/{digest(s[1:-1], p[1:-1], o[1:-1])}>"
        self.extend((st + _A_STATEMENT, f"{st}{_RDF_SUBJECT}{s}", f"{st}{_RDF_PREDICATE}{p}", f"{st}{_RDF_OBJECT}{o}"))
        head = st + _WAS_DERIVED_FROM
        for ev in evs:
            self._plain(head + self.evidence(ev))

    def region_ref(self, name: str) -> str | None:
        """A region named in this document, else the gazetteer's, declared with its chain
        so that no link points at an undescribed node."""
        r = self.region_iris.get(name)
        if r is None:
            r = self.emitter.region_iri_by_name(name)
            if r is not None:
                self.emitter._ensure_region_chain(self.out, name)
        return r

    def document(self) -> None:
        add, doc, x = self.add, self.doc, self.x
        add(f"{doc} {_TYPE} {SDO_T['CreativeWork']}")
        add(f"{doc} {_TYPE} {PROV_T['Entity']}")
        add(f"{doc} {SDO_T['name']} {quote(x.document)}")
        for a in x.articles:
            art = f"<{doc[1:-1]}/article/{a.index}>"
            add(f"{art} {_TYPE} {SDO_T['NewsArticle']}")
            add(f"{art} {DCT_T['isPartOf']} {doc}")
            add(f"{art} {GG_T['articleIndex']} {integer(a.index)}")
            if a.headline:  # a stand-in from the lead is not the article's own headline
                p = SDO_T["alternativeHeadline"] if a.headline_from_lead else SDO_T["headline"]
                add(f"{art} {p} {zh(a.headline)}")
            if a.byline:
                add(f"{art} {GG_T['byline']} {zh(a.byline)}")
            if a.date:
                add(f"{art} {SDO_T['datePublished']} {date(a.date)}")

    def regions(self) -> None:
        emitter, region_iris = self.emitter, self.region_iris
        for e in self.x.regions:
            r = emitter.region_iri(e)
            region_iris[e.name] = r
            emitter._add_region(self.out, e, r)
        for e in self.x.regions:
            division = gazetteer().by_code.get(e.code) if e.code else None
            if division is not None:
                # the gazetteer's chain, whether or not the text names the ancestors
                emitter._ensure_division_chain(self.out, division)
            if e.parent:
                parent = self.region_ref(e.parent)
                if parent is not None:
                    self.add(f"{region_iris[e.name]} {SDO_T['containedInPlace']} {parent}")
                    emitter._ensure_region_chain(self.out, e.parent)
                    self.statement(region_iris[e.name], SDO_T["containedInPlace"], parent, e.evidence[:1])
            self.mentions(region_iris[e.name], e)

    def institutions(self) -> None:
        add = self.add
        for e in self.x.institutions + self.x.parent_bodies:
            i = self.emitter.institution_iri(e.name)
            add(f"{i} {_TYPE} {ORG_T['Organization']}")
            add(f"{i} {_TYPE} {GG_T[KIND_CLASS.get(e.kind or 'other', 'OtherInstitution')]}")
            label = zh(e.name)
            add(f"{i} {RDFS_T['label']} {label}")
            add(f"{i} {SKOS_T['prefLabel']} {label}")
            for alias in e.aliases:
                if alias != e.name:
                    add(f"{i} {SKOS_T['altLabel']} {zh(alias)}")
            if e.region:
                located = self.region_ref(e.region)
                if located is not None:
                    add(f"{i} {GG_T['locatedIn']} {located}")
                    self.statement(i, GG_T["locatedIn"], located, e.evidence[:1])
            if e.parent:
                p = self.emitter.institution_iri(e.parent)
                add(f"{i} {ORG_T['subOrganizationOf']} {p}")
                self.statement(i, ORG_T["subOrganizationOf"], p, e.evidence[:1])
            self.mentions(i, e)

    def mechanisms(self) -> None:
        for e in self.x.mechanisms:
            m = self.emitter.mechanism_iri(e.name)
            self.emitter._add_concept(self.out, e.name, m, e.kind == "curated")
            for alias in e.aliases:
                if alias != e.name and not alias.startswith(("“", '"')):
                    self.add(f"{m} {GG_T['surfaceForm']} {zh(alias)}")
            self.mentions(m, e)

    def adoptions(self) -> None:
        for f in self.x.adopts:
            s, o = self.emitter.institution_iri(f.subject), self.emitter.mechanism_iri(f.object)
            self.add(f"{s} {GG_T['adopts']} {o}")
            self.statement(s, GG_T["adopts"], o, f.evidence)

    def outcomes(self) -> None:
        add, x = self.add, self.x
        names = None
        for q in x.quantities:
            ev = q.evidence
            o = self.emitter.iri("outcome/" + digest(x.document, str(ev.start), str(ev.end)))
            add(f"{o} {_TYPE} {GG_T['Outcome']}")
            add(f"{o} {_TYPE} {SDO_T['QuantitativeValue']}")
            add(f"{o} {SDO_T['value']} {decimal(q.value)}")
            add(f"{o} {SDO_T['unitText']} {quote(q.unit)}")
            add(f"{o} {GG_T['unit']} {GG_T['unit-' + q.unit.replace('_', '-')]}")
            add(f"{o} {GG_T['metric']} {zh(q.metric)}")
            add(f"{o} {GG_T['surfaceText']} {zh(q.text)}")
            add(f"{o} {RDFS_T['label']} {zh(outcome_label(q.text, q.metric, q.period))}")
            if q.period:
                add(f"{o} {GG_T['period']} {zh(q.period)}")
            if q.period_start:
                add(f"{o} {GG_T['periodStart']} {date(q.period_start)}")
            if q.period_end:
                add(f"{o} {GG_T['periodEnd']} {date(q.period_end)}")
            if q.subject:
                if names is None:
                    names = {i.name for i in x.institutions + x.parent_bodies}
                subj = self.emitter.institution_iri(q.subject) if q.subject in names else self.region_ref(q.subject)
                if subj is not None:
                    add(f"{o} {GG_T['subject']} {subj}")
            if q.mechanism:
                add(f"{o} {GG_T['aboutMechanism']} {self.emitter.mechanism_iri(q.mechanism)}")
            add(f"{o} {PROV_T['wasDerivedFrom']} {self.evidence(ev)}")


_NOTE = re.compile(r"\s*[（(].*$")  # a bracketed aside after the figure: 2.45%（去年为4.19%）
_SPACE = re.compile(r"\s+")


def outcome_label(text: str, metric: str, period: str | None) -> str:
    """An outcome as a reader names it: the metric, then the figure as written with its
    unit (no inner spaces, no bracketed aside), then the period when known:
    ``执行到位率 56.74%（第一季度）``, ``执行到位金额 4784.85万元``."""
    figure = _SPACE.sub("", _NOTE.sub("", text)) or _SPACE.sub("", text)
    metric = _SPACE.sub("", metric)
    label = f"{metric} {figure}" if metric else figure
    return f"{label}（{period.strip()}）" if period and period.strip() else label


def doc_triples(x: Extraction, base: str = DEFAULT_BASE) -> DocTriples:
    return TripleEmitter(base).emit(x)
