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
def unit_heads() -> frozenset[str]:
    """Regional heads that name a unit of the body of their kind right before them (data/unit_heads.tsv)."""
    return frozenset(r["surface"] for r in data_rows("unit_heads.tsv"))


@lru_cache(maxsize=1)
def stem_words() -> dict[str, frozenset[str]]:
    """Words of an institution's stem by role (data/stem_words.tsv): `generic` words make a stem generic,
    `name_verb` verbs form part of a body's name, `outpost_kind` words name a kind of outpost, `predicate`
    words open what is said of the body named before (地处, 位于)."""
    out: dict[str, set[str]] = {
        role: set() for role in ("generic", "name_verb", "outpost_kind", "predicate", "level_word", "not_in_unit_name")
    }
    for r in data_rows("stem_words.tsv"):
        out.setdefault(r["role"], set()).add(r["word"])
    return {role: frozenset(words) for role, words in out.items()}


@lru_cache(maxsize=1)
def short_names() -> tuple[tuple[str, str], ...]:
    """(short, full) name ends of bodies (data/short_names.tsv): 矛调中心 for 社会矛盾纠纷调处化解中心."""
    return tuple((r["short"], r["full"]) for r in data_rows("short_names.tsv"))


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
