"""The statements of a SKOS vocabulary in Turtle, read without rdflib.

ontology/mechanisms.ttl is the mechanism lexicon of every extraction: parsed by rdflib, it
cost each build (and each worker that does not share the parent's copy) a tenth of a second
to import rdflib and as much to parse. The file is plain Turtle: prefixes, then subjects
with predicate-object lists of prefixed names, IRIs and quoted literals with a language
tag or a datatype. `statements` reads that form and stops with an error at anything else
(collections, blank nodes, long strings, numbers), so nothing is ever read differently from
an RDF parser; tests check it against rdflib on the bundled file.
"""

from __future__ import annotations

import re

from .errors import GovgraphError

RDF_TYPE = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type"

_TOKEN = re.compile(
    r"""(?P<space>\s+|\#[^\n]*)
    |(?P<literal>"(?:[^"\\\n]|\\.)*")(?:@(?P<lang>[A-Za-z]+(?:-[A-Za-z0-9]+)*)|\^\^(?P<datatype><[^<>"\s]*>|[A-Za-z][\w-]*:[\w-]*))?
    |(?P<iri><[^<>"\s]*>)
    |(?P<prefix_decl>@prefix\b)
    |(?P<name>(?:[A-Za-z][\w-]*)?:(?:[\w-](?:[\w.-]*[\w-])?)?)
    |(?P<a>a\b)
    |(?P<punct>[;,.])""",
    re.VERBOSE,
)
_ESCAPE = re.compile(r"\\(?:u([0-9A-Fa-f]{4})|U([0-9A-Fa-f]{8})|(.))")
_ECHAR = {"t": "\t", "b": "\b", "n": "\n", "r": "\r", "f": "\f", '"': '"', "'": "'", "\\": "\\"}

# a term: ("iri", IRI) or ("literal", value, language or "", datatype IRI or "")
Term = tuple


def _unescape(body: str, where: str) -> str:
    def one(m: re.Match) -> str:
        if m.group(3) is None:
            return chr(int(m.group(1) or m.group(2), 16))
        if m.group(3) not in _ECHAR:
            raise GovgraphError(f"{where}: bad escape \\{m.group(3)}")
        return _ECHAR[m.group(3)]

    return _ESCAPE.sub(one, body) if "\\" in body else body


def _tokens(text: str, where: str):
    """(kind, value) pairs; white space and comments dropped."""
    at = 0
    while at < len(text):
        m = _TOKEN.match(text, at)
        if m is None:
            line = text.count("\n", 0, at) + 1
            raise GovgraphError(f"{where}, line {line}: Turtle this reader does not take: {text[at : at + 30]!r}")
        at = m.end()
        kind = m.lastgroup if m.group("literal") is None else "literal"
        if kind != "space":
            yield kind, m


def statements(text: str, where: str = "Turtle") -> list[tuple[str, str, Term]]:
    """(subject IRI, predicate IRI, object term) of every statement, in file order."""
    prefixes: dict[str, str] = {}
    out: list[tuple[str, str, Term]] = []
    tokens = _tokens(text, where)

    def take() -> tuple[str, re.Match]:
        try:
            return next(tokens)
        except StopIteration:
            raise GovgraphError(f"{where}: ends inside a statement") from None

    def expand(name: str) -> str:
        pre, _, local = name.partition(":")
        if pre not in prefixes:
            raise GovgraphError(f"{where}: undeclared prefix {pre}:")
        return prefixes[pre] + local

    def iri(kind: str, m: re.Match) -> str:
        if kind == "iri":
            return m.group("iri")[1:-1]
        if kind == "a":
            return RDF_TYPE
        if kind == "name":
            return expand(m.group("name"))
        raise GovgraphError(f"{where}: expected an IRI, found {m.group(0)!r}")

    def term(kind: str, m: re.Match) -> Term:
        if kind != "literal":
            return ("iri", iri(kind, m))
        datatype = m.group("datatype") or ""
        if datatype:
            datatype = datatype[1:-1] if datatype.startswith("<") else expand(datatype)
        return ("literal", _unescape(m.group("literal")[1:-1], where), m.group("lang") or "", datatype)

    for kind, m in tokens:
        if kind == "prefix_decl":
            name, target, end = take(), take(), take()
            if name[0] != "name" or not name[1].group(0).endswith(":") or target[0] != "iri" or end[1].group(0) != ".":
                raise GovgraphError(f"{where}: malformed @prefix")
            prefixes[name[1].group(0)[:-1]] = target[1].group("iri")[1:-1]
            continue
        subject = iri(kind, m)
        sep = ";"
        while sep == ";":
            predicate = iri(*take())
            sep = ","
            while sep == ",":
                out.append((subject, predicate, term(*take())))
                sep = take()[1].group(0)
            if sep not in ",;.":
                raise GovgraphError(f"{where}: expected , ; or . after an object, found {sep!r}")
    return out
