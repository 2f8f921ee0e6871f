"""N-Triples terms as strings: literals written the way rdflib's N-Triples writer writes them
(valid Turtle too), lines (``s p o``, without the final dot) read back, and terms to and
from rdflib."""

from __future__ import annotations

import re
from decimal import Decimal

from .model import XSD_DECIMAL, XSD_INTEGER, XSD_NS


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
