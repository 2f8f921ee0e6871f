"""Loaders for institution rules kept apart from `lexicon` for its size: one loader per file,
cached and read through `lexicon.data_rows`, so a user lexicon can add rows."""

from __future__ import annotations

from functools import lru_cache
from typing import NamedTuple

from .lexicon import data_rows


@lru_cache(maxsize=1)
def bare_heads() -> frozenset[str]:
    """Heads that alone name the body of the article's region (data/bare_heads.tsv)."""
    return frozenset(r["surface"] for r in data_rows("bare_heads.tsv"))


@lru_cache(maxsize=1)
def generic_stems() -> frozenset[str]:
    """Words that make an institution's stem generic (data/stem_words.tsv, role generic)."""
    return frozenset(r["word"] for r in data_rows("stem_words.tsv") if r["role"] == "generic")


@lru_cache(maxsize=1)
def name_verbs() -> frozenset[str]:
    """Verbs that form part of a body's name (data/stem_words.tsv, role name_verb)."""
    return frozenset(r["word"] for r in data_rows("stem_words.tsv") if r["role"] == "name_verb")


@lru_cache(maxsize=1)
def outpost_kinds() -> frozenset[str]:
    """Words that name a kind of outpost before its head (data/stem_words.tsv, role outpost_kind)."""
    return frozenset(r["word"] for r in data_rows("stem_words.tsv") if r["role"] == "outpost_kind")


class Zone(NamedTuple):
    full: str  # the zone's full name
    city: str | None  # GB/T 2260 code of where a zone with a name of its own lies; None for generic words


@lru_cache(maxsize=1)
def development_zones() -> dict[str, Zone]:
    """Zone word → its full name and city (data/development_zones.tsv), longest first."""
    rows = data_rows("development_zones.tsv")
    return {
        r["surface"]: Zone(r["full"], None if r.get("city", "-") in ("-", "") else r["city"])
        for r in sorted(rows, key=lambda r: -len(r["surface"]))
    }
