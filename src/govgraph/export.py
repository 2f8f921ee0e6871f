"""Serialise the graph: Turtle (default), N-Triples, TriG / N-Quads (one named graph per
document); JSON-LD and GraphML are written by `govgraph.interchange`.

Turtle, TriG, N-Triples and N-Quads are our own streaming writers over sorted N-Triples
lines (see `govgraph.triples`): subjects, predicates and objects in code-point order, the
project's prefixes declared, prefixed names only where the local part is plainly safe,
strings escaped as the Turtle and N-Triples grammars require. `build` feeds them the merged
graph in batches and writes files as it goes; `turtle(graph)` and friends do the same for
an rdflib graph. Output is deterministic: the same triples
give the same bytes.
"""

from __future__ import annotations

import io
import re
from collections.abc import Callable, Iterable, Iterator
from itertools import chain, islice
from typing import Any

from .model import (
    DEFAULT_BASE,
    RDF_T,
    XSD_DECIMAL,
    XSD_INTEGER,
    prefix_header,
    project_prefixes,
)
from .ntriples import from_rdflib

FORMATS = {
    "ttl": ("govgraph.ttl", "turtle"),
    "nt": ("govgraph.nt", "nt"),
    "trig": ("govgraph.trig", "trig"),
    "nq": ("govgraph.nq", "nquads"),
    "jsonld": ("govgraph.jsonld", "json-ld"),
    "graphml": ("govgraph.graphml", None),
}

# ---------------------------------------------------------------- streaming writers
#
# The graph travels as N-Triples lines without the final dot (``s p o``, see `govgraph.triples`). Sorted lines
# group every subject's triples together and, inside them, every predicate's, so one pass
# writes Turtle with `;` and `,` lists, in constant memory, at the speed of string joins.

_PN_LOCAL = re.compile(r"[A-Za-z_][A-Za-z0-9_-]*")
_INTEGER = re.compile(r"[+-]?[0-9]+")
_DECIMAL = re.compile(r"[+-]?[0-9]*\.[0-9]+")
_RDF_TYPE = RDF_T["type"]
_CHUNK = 20_000  # lines per write
_TTL_CHUNK = 5_000  # lines per Turtle chunk: smaller texts to join and encode than _CHUNK's, faster


class _Namer:
    """IRIs to prefixed names where the local part is plainly safe (letters, digits, _ and -);
    everything else stays an <IRI>. Integers and canonical decimals are written bare."""

    def __init__(self, prefixes: dict[str, str], minted: str | None = None):
        self.ns = {ns: name for name, ns in prefixes.items() if ns != minted}
        self.cache: dict[str, str] = {}
        # IRIs govgraph mints (under the base) are written whole: no prefixed name for them
        # unless another prefix's namespace lies under the base.
        self.minted = f"<{minted}" if minted and not any(ns.startswith(minted) for ns in self.ns) else None

    def iri(self, term: str) -> str:
        hit = self.cache.get(term)
        if hit is not None:
            return hit
        iri = term[1:-1]
        i = max(iri.rfind("#"), iri.rfind("/")) + 1
        name = self.ns.get(iri[:i])
        if name is None or not _PN_LOCAL.fullmatch(iri[i:]):
            return term
        short = self.cache[term] = f"{name}:{iri[i:]}"
        return short

    def typed(self, term: str) -> str:
        """A literal with a datatype: bare when it is a plain integer or decimal."""
        cut = term.rindex('"^^<')
        lex, dt = term[1:cut], term[cut + 3 :]
        if dt == XSD_INTEGER and _INTEGER.fullmatch(lex) or dt == XSD_DECIMAL and _DECIMAL.fullmatch(lex):
            return lex
        return f"{term[: cut + 1]}^^{self.iri(dt)}"

    def obj(self, term: str) -> str:
        c = term[0]
        if c == "<":
            return self.iri(term)
        if c == '"' and term[-1] == ">":
            return self.typed(term)
        return term

    def minted_range(self) -> tuple[str, str]:
        """(lo, hi): a term is a minted IRI, written whole, when lo <= term < hi (two string
        comparisons are cheaper than a `startswith` call)."""
        m = self.minted
        if not m:
            return "", ""  # "" <= t < "": never
        return m, m[:-1] + chr(ord(m[-1]) + 1)


class TurtleWriter:
    """Turtle statements for sorted, unique lines (`s p o`), fed in batches; `feed` and
    `close` return text. `indent` nests the statements (a TriG graph block). With `binary`,
    lines and text are UTF-8 bytes: the build's graph stays bytes from the sort to the file
    (no line is decoded)."""

    _OBJS_MAX = 500_000  # object forms remembered (offsets and values repeat)

    def __init__(self, prefixes: dict[str, str], indent: str = "", binary: bool = False):
        self.namer = _Namer(prefixes, prefixes.get("ggr"))
        self.binary = binary
        self.text: Callable[[str], Any] = _encode if binary else str  # a str made here, as the lines are
        self.preds: dict = {self.text(_RDF_TYPE): self.text("a")}
        self.indent = indent
        self.prev_s: Any = None
        self.prev_p: Any = None
        self.minted_range = tuple(map(self.text, self.namer.minted_range()))
        self.objs: dict = {}  # IRI or typed literal -> its Turtle form
        self.opens: dict = {}  # predicate -> "p " after a new subject
        self.heads: dict = {}  # predicate -> " ;\n    p " after the subject's last object

    def feed(self, lines: Iterable) -> Any:
        # The hot loop of every Turtle export: one split per line, then plain dict lookups
        # (misses go to `_obj` / `_pred_forms`) and two appends; no per-line formatting but
        # at a new subject.
        objs, opens, heads, text = self.objs, self.opens, self.heads, self.text
        lo, hi = self.minted_range
        namer_iri = self._iri
        indent = self.indent
        space, gt, empty = text(" "), text(">"), text("")
        sep_o = text(f",\n{indent}        ")
        end_s = text(f" .\n\n{indent}")
        prev_s, prev_p = self.prev_s, self.prev_p
        # bytes go into a bytearray as they come (each piece copied, and the line's pieces
        # freed, at once): a list of a batch's hundred thousand pieces joined at the end made
        # the whole Turtle a fifth slower
        out: Any = bytearray() if self.binary else []
        append = out.extend if self.binary else out.append
        if prev_s is None:
            append(text(indent))
            before_s = empty
        else:
            before_s = end_s
        for line in lines:
            s, p, o = line.split(space, 2)
            if o[-1:] == gt and not lo <= o < hi:  # an IRI (not minted) or a typed literal
                try:
                    o = objs[o]
                except KeyError:
                    o = self._obj(o)
            if s == prev_s:
                if p == prev_p:
                    append(sep_o)
                else:
                    prev_p = p
                    try:
                        append(heads[p])
                    except KeyError:
                        append(self._pred_forms(p)[1])
            else:
                prev_s, prev_p = s, p
                try:
                    pred = opens[p]
                except KeyError:
                    pred = self._pred_forms(p)[0]
                append(before_s + (s if lo <= s < hi else namer_iri(s)) + space + pred)
                before_s = end_s
            append(o)
        self.prev_s, self.prev_p = prev_s, prev_p
        return bytes(out) if self.binary else empty.join(out)

    def _iri(self, term):
        return _encode(self.namer.iri(term.decode("utf-8"))) if self.binary else self.namer.iri(term)

    def _obj(self, term):
        out = _encode(self.namer.obj(term.decode("utf-8"))) if self.binary else self.namer.obj(term)
        if len(self.objs) < self._OBJS_MAX:
            self.objs[term] = out
        return out

    def _pred_forms(self, p) -> tuple:
        name = self.preds.get(p)
        if name is None:
            name = self.preds[p] = self._iri(p)
        self.opens[p] = opened = name + self.text(" ")
        self.heads[p] = head = self.text(f" ;\n{self.indent}    ") + name + self.text(" ")
        return opened, head

    def close(self) -> Any:
        return self.text(" .\n" if self.prev_s is not None else "")


def _encode(text: str) -> bytes:
    return text.encode("utf-8")


def batched(lines: Iterable[str], n: int = _CHUNK) -> Iterator[list[str]]:
    it = iter(lines)
    while batch := list(islice(it, n)):
        yield batch


def turtle_body(lines: Iterable[str], prefixes: dict[str, str], indent: str = "") -> Iterator[str]:
    w = TurtleWriter(prefixes, indent)
    it = iter(lines)
    for line in it:  # batches of _TTL_CHUNK lines, fed without building lists
        yield w.feed(chain((line,), islice(it, _TTL_CHUNK - 1)))
    yield w.close()


def write_turtle(lines: Iterable[str], f, prefixes: dict[str, str]) -> None:
    f.write(prefix_header(prefixes))
    for chunk in turtle_body(lines, prefixes):
        f.write(chunk)


def ntriples_text(lines: list) -> Any:
    """Lines `s p o` (str, or UTF-8 bytes) as N-Triples text (of the same type)."""
    if not lines:
        return ""
    tail: Any = b" .\n" if isinstance(lines[0], bytes) else " .\n"
    return tail.join(lines) + tail


def write_ntriples(lines: Iterable[str], f) -> None:
    for batch in batched(lines):
        f.write(ntriples_text(batch))


def nquads_text(graph_iri: str, lines: list[str]) -> str:
    """One named graph's sorted lines as N-Quads."""
    if not lines:
        return ""
    tail = f" <{graph_iri}> .\n"
    return tail.join(lines) + tail


def trig_text(graph_iri: str, lines: list[str], prefixes: dict[str, str]) -> str:
    """One named graph's sorted lines as a TriG block (the prefixes are declared once, above)."""
    return f"<{graph_iri}> {{\n" + "".join(turtle_body(lines, prefixes, indent="    ")) + "}\n\n"


def unique(sorted_lines: Iterable[str]) -> Iterator[str]:
    prev = None
    for line in sorted_lines:
        if line != prev:
            yield line
            prev = line


# ---------------------------------------------------------------- rdflib graphs in, text out


def graph_lines(graph) -> list[str]:
    """An rdflib graph's triples as sorted, unique N-Triples lines."""
    return sorted({f"{from_rdflib(s)} {from_rdflib(p)} {from_rdflib(o)}" for s, p, o in graph})


def _used_prefixes(graph, lines: list[str]) -> dict[str, str]:
    bound = {str(k): str(v) for k, v in graph.namespaces()}
    wanted = project_prefixes(bound.get("ggr", DEFAULT_BASE))
    wanted.update({k: v for k, v in bound.items() if k in wanted})
    text = "\n".join(lines)
    others = {k: v for k, v in bound.items() if k not in wanted and f"<{v}" in text and _PN_LOCAL.fullmatch(k)}
    return {**wanted, **others}


def sorted_ntriples(graph) -> str:
    """N-Triples with one triple per line, sorted: byte-stable for the same graph."""
    buf = io.StringIO()
    write_ntriples(graph_lines(graph), buf)
    return buf.getvalue()


def turtle(graph) -> str:
    """Turtle with subjects, predicates and objects sorted: byte-stable for the same graph."""
    lines = graph_lines(graph)
    buf = io.StringIO()
    write_turtle(lines, buf, _used_prefixes(graph, lines))
    return buf.getvalue()


def dataset_text(doc_graphs: dict[str, object], base: str, fmt: str) -> str:
    """TriG or N-Quads with one named graph per document (graphs in IRI order)."""
    prefixes = project_prefixes(base)
    parts = [prefix_header(prefixes)] if fmt == "trig" else []
    for name in sorted(doc_graphs):
        lines = graph_lines(doc_graphs[name])
        parts.append(trig_text(name, lines, prefixes) if fmt == "trig" else nquads_text(name, lines))
    return "".join(parts)
