"""Page rows: what the network page needs of a document's N-Triples lines, as
(subject, code, value) tuples that are cheap to send back from a worker and to merge."""

from __future__ import annotations

from ..model import (
    DCT_T,
    GG_NS,
    GG_T,
    KIND_CLASS,
    OA_T,
    ORG_NS,
    PROV_T,
    RDF_T,
    RDFS_T,
    RELATIONS,
    SDO_NS,
    SDO_T,
    SKOS_NS,
    SKOS_T,
)
from ..ntriples import parse_literal

_TYPE = RDF_T["type"]
_MENTION = GG_T["mentionedIn"]
_DERIVED = PROV_T["wasDerivedFrom"]
_SENTENCE = GG_T["sentence"]
_SOURCE = OA_T["hasSource"]
_NAME = SDO_T["name"]
_PART_OF = DCT_T["isPartOf"]
_HEADLINES = (SDO_T["headline"], SDO_T["alternativeHeadline"])
# predicate -> row code: a node's slot (`page._Node`), or an edge's relation (`model.RELATIONS`)
_PAGE_P = {
    SKOS_T["prefLabel"]: "pref",
    RDFS_T["label"]: "label",
    SKOS_T["altLabel"]: "alt",
    GG_T["level"]: "level",
    SDO_T["unitText"]: "unit",
    GG_T["metric"]: "metric",
    GG_T["surfaceText"]: "text",
    **{r.term: r.name for r in RELATIONS},
}
LITERAL_ROWS = {"pref", "label", "alt", "unit", "metric", "text"}
ORGANIZATION = f"{ORG_NS}Organization"
AREA = f"{SDO_NS}AdministrativeArea"
CONCEPT = f"{SKOS_NS}Concept"
DISCOVERED = f"{GG_NS}DiscoveredMechanism"
OUTCOME = f"{GG_NS}Outcome"
_NODE_TYPES = {ORGANIZATION, AREA, CONCEPT, DISCOVERED, OUTCOME} | {GG_NS + v for v in KIND_CLASS.values()}
EV_KEEP = {"ev_m": 5, "ev_d": 10}  # evidence items kept per node: the page lists five, mentions first


def page_rows(lines: list[str], base: str, evidence: dict | None = None) -> list[tuple]:
    """(subject, code, value) rows for `PageModel`, in the order the lines were made.

    Values: an IRI (no brackets), a (lexical, language) pair, or for evidence links
    (evidence IRI, document name, sentence, headline of its article). `evidence` (from
    `DocTriples`) names each evidence node's document, sentence and headline; without it
    they are read from the lines."""
    if evidence is None:
        evidence = _evidence_of(lines)
    skip = (f"<{base}evidence/", f"<{base}statement/")
    rows: list[tuple] = []
    for line in lines:
        if line.startswith(skip):
            continue
        s, p, o = line.split(" ", 2)
        if p == _TYPE:
            if o[1:-1] in _NODE_TYPES:
                rows.append((s[1:-1], "type", o[1:-1]))
        elif p in _PAGE_P:
            code = _PAGE_P[p]
            if code in LITERAL_ROWS:
                lex, lang, _ = parse_literal(o)
                rows.append((s[1:-1], code, (lex, lang)))
            else:
                rows.append((s[1:-1], code, o[1:-1]))
        elif p == _MENTION or p == _DERIVED:
            doc, sentence, headline = evidence.get(o, (None, None, ""))
            rows.append((s[1:-1], "ev_m" if p == _MENTION else "ev_d", (o[1:-1], doc, sentence, headline)))
    return rows


def fewest_evidence_rows(rows: list[tuple]) -> list[tuple]:
    """The rows without the evidence links `PageModel` would drop anyway: per node, only the
    evidence items that are among its smallest in this document. (The smallest of all
    documents are among the smallest of each, so the page comes out the same.) Most rows of
    a big document are evidence links; the parent merges far fewer."""
    best: dict[tuple, dict] = {}
    for s, code, v in rows:
        if code == "ev_m" or code == "ev_d":
            ev, doc, sentence, headline = v
            if sentence is None:
                continue
            d = best.get((s, code))
            if d is None:
                d = best[(s, code)] = {}
            keep_smallest(d, (doc, sentence, headline), ev, EV_KEEP[code])
    out = []
    for row in rows:
        s, code, v = row
        if code == "ev_m" or code == "ev_d":
            ev, doc, sentence, headline = v
            d = best.get((s, code))
            if d is None or d.get((doc, sentence, headline)) != ev:
                continue
        out.append(row)
    return out


def _evidence_of(lines: list[str]) -> dict:
    """Evidence node -> (name of its document, sentence, headline of its article), as the
    page reads them."""
    sentence: dict[str, str] = {}
    source: dict[str, str] = {}
    names: dict[str, str] = {}
    part_of: dict[str, str] = {}
    headline: dict[str, str] = {}
    for line in lines:
        s, p, o = line.split(" ", 2)
        if p == _SENTENCE:
            sentence[s] = parse_literal(o)[0]
        elif p == _SOURCE:
            source[s] = o
        elif p == _NAME:
            names[s] = parse_literal(o)[0]
        elif p == _PART_OF:
            part_of[s] = o
        elif p in _HEADLINES:
            headline[s] = parse_literal(o)[0]
    out = {}
    for ev, src in source.items():
        article = part_of.get(ev)
        out[ev] = (names.get(src, src[1:-1]), sentence.get(ev), headline.get(article, "") if article else "")
    return out


def keep_smallest(d: dict, item, key, limit: int) -> None:
    """d: item -> smallest key seen; holds the `limit` items with the smallest keys."""
    old = d.get(item)
    if old is not None:
        if key < old:
            d[item] = key
        return
    if len(d) < limit:
        d[item] = key
        return
    worst = max(d, key=d.__getitem__)
    if key < d[worst]:
        del d[worst]
        d[item] = key
