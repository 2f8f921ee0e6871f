"""JSON-LD and GraphML, written from the sorted graph lines (`s p o`, N-Triples terms).

JSON-LD: one node object per subject, in code-point order of subjects, predicates and
objects, so the same graph gives the same bytes; its `@context` declares only the project
prefixes the document uses (no rdflib defaults). Two passes over the lines (one to find the
prefixes, one to write), so it streams in bounded memory.

GraphML (for Gephi): the page's networkx view with unique edge ids and typed attributes:
`value` (double), `unit` and `period` on outcomes, `code`, `level` and `lat`/`lon` (double)
on regions, read from the graph lines.
"""

from __future__ import annotations

import io
import json
from collections.abc import Callable, Iterable

from .model import GG_NS, RDF_NS, SDO_NS
from .ntriples import parse_literal

_TYPE = f"<{RDF_NS}type>"
_GEO = "http://www.w3.org/2003/01/geo/wgs84_pos#"
# predicate -> (GraphML attribute, Python type: float makes a `double` key)
NODE_ATTRIBUTES: dict[str, tuple[str, type]] = {
    f"<{SDO_NS}value>": ("value", float),
    f"<{SDO_NS}unitText>": ("unit", str),
    f"<{GG_NS}period>": ("period", str),
    f"<{GG_NS}divisionCode>": ("code", str),
    f"<{GG_NS}level>": ("level", str),
    f"<{_GEO}lat>": ("lat", float),
    f"<{_GEO}long>": ("lon", float),
}


# ---------------------------------------------------------------- JSON-LD


class _Compactor:
    """IRIs to compact IRIs (`prefix:rest`) with the longest matching namespace."""

    def __init__(self, prefixes: dict[str, str]):
        self.spaces = sorted(prefixes.items(), key=lambda kv: (-len(kv[1]), kv[0]))
        self.cache: dict[str, tuple[str, str | None]] = {}

    def __call__(self, iri: str) -> tuple[str, str | None]:
        hit = self.cache.get(iri)
        if hit is None:
            hit = (iri, None)
            for name, ns in self.spaces:
                if iri.startswith(ns) and len(iri) > len(ns) and not iri[len(ns) :].startswith("//"):
                    hit = (f"{name}:{iri[len(ns) :]}", name)
                    break
            if len(self.cache) < 200_000:
                self.cache[iri] = hit
        return hit


def _terms(line: str) -> tuple[str, str, str]:
    s, p, o = line.split(" ", 2)
    return s, p, o


def used_prefixes(lines: Iterable[str], prefixes: dict[str, str]) -> dict[str, str]:
    compact = _Compactor(prefixes)
    used: set[str] = set()
    for line in lines:
        s, p, o = _terms(line)
        for term in (s, p, o):
            if term[0] == "<":
                used.add(compact(term[1:-1])[1] or "")
            elif term[0] == '"' and term.endswith(">"):
                used.add(compact(parse_literal(term)[2] or "")[1] or "")
    return {k: prefixes[k] for k in sorted(used) if k}


def _node_id(term: str, compact: _Compactor) -> str:
    return compact(term[1:-1])[0] if term[0] == "<" else term


def _value(term: str, compact: _Compactor):
    if term[0] == "<" or term.startswith("_:"):
        return {"@id": _node_id(term, compact)}
    lex, lang, dt = parse_literal(term)
    if lang:
        return {"@value": lex, "@language": lang}
    if dt and dt != "http://www.w3.org/2001/XMLSchema#string":
        return {"@value": lex, "@type": compact(dt)[0]}
    return lex


def _node(subject: str, props: list[tuple[str, str]], compact: _Compactor) -> dict:
    node: dict = {"@id": _node_id(subject, compact)}
    for p, o in props:
        if p == _TYPE and o[0] == "<":
            node.setdefault("@type", []).append(compact(o[1:-1])[0])
        else:
            node.setdefault(compact(p[1:-1])[0], []).append(_value(o, compact))
    return node


def write_jsonld(lines: Callable[[], Iterable[str]], f, prefixes: dict[str, str]) -> None:
    """JSON-LD of the sorted, unique lines `lines()` yields (called twice) to text file `f`."""
    context = used_prefixes(lines(), prefixes)
    compact = _Compactor(context)
    f.write('{\n "@context": ' + json.dumps(context, ensure_ascii=False, sort_keys=True) + ',\n "@graph": [')
    first = True
    subject: str | None = None
    props: list[tuple[str, str]] = []

    def flush() -> None:
        nonlocal first
        if subject is None:
            return
        f.write(("\n  " if first else ",\n  ") + json.dumps(_node(subject, props, compact), ensure_ascii=False))
        first = False

    for line in lines():
        s, p, o = _terms(line)
        if s != subject:
            flush()
            subject, props = s, []
        props.append((p, o))
    flush()
    f.write("\n ]\n}\n")


def jsonld_text(lines: list[str], prefixes: dict[str, str]) -> str:
    buf = io.StringIO()
    write_jsonld(lambda: lines, buf, prefixes)
    return buf.getvalue()


# ---------------------------------------------------------------- GraphML


def node_attributes(lines: Iterable[str]) -> dict[str, dict]:
    """Node IRI -> its typed GraphML attributes (the first value of each, in line order)."""
    out: dict[str, dict] = {}
    for line in lines:
        s, p, o = _terms(line)
        spec = NODE_ATTRIBUTES.get(p)
        if spec is None:
            continue
        name, kind = spec
        attrs = out.setdefault(s[1:-1], {})
        if name in attrs:
            continue
        if o[0] == "<":
            value = o[1:-1].rsplit("#", 1)[-1].rsplit("/", 1)[-1]  # gg:Province -> Province
        else:
            value = parse_literal(o)[0]
        try:
            attrs[name] = kind(value)
        except ValueError:
            continue
    return out


def graphml(nxg, attributes: dict[str, dict] | None = None) -> str:
    """GraphML for Gephi: list attributes become '|'-joined strings, each edge an id of its own
    (e1, e2 … in sorted order), nodes carry `attributes` (`node_attributes`) where they have them."""
    import networkx as nx

    attributes = attributes or {}
    flat = nx.MultiDiGraph()
    for n, d in sorted(nxg.nodes(data=True)):
        flat.add_node(
            n,
            label=d["label"],
            cls=d["cls"],
            kind=d["kind"],
            aliases="|".join(d["aliases"]),
            regions="|".join(d["regions"]),
            **attributes.get(n, {}),
        )
    for i, (a, b, _, d) in enumerate(sorted(nxg.edges(keys=True, data=True)), 1):
        flat.add_edge(a, b, key=f"e{i}", relation=d["relation"], label=d["label"])
    buf = io.BytesIO()
    nx.write_graphml(flat, buf, encoding="utf-8")
    return buf.getvalue().decode("utf-8")
