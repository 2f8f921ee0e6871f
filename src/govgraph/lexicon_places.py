"""The loader of the words that rule township and village names in or out (data/township_words.tsv),
kept apart from `lexicon` for its size; cached and read through `lexicon.data_rows`, so a user
lexicon can add rows."""

from __future__ import annotations

from functools import lru_cache

from .lexicon import data_rows

TOWNSHIP_ROLES = (
    "bad_name",
    "generic_end",
    "suffix_word",
    "not_stem",
    "verb_start",
    "town_quarter",
    "generic_stem",
    "verb_after",
    "determiner",
    "township_unit",
    "transliteration",
)


@lru_cache(maxsize=1)
def township_name_words() -> dict[str, tuple[str, ...]]:
    """Words by role (see the file's header), each role's words in file order."""
    out: dict[str, list[str]] = {role: [] for role in TOWNSHIP_ROLES}
    for r in data_rows("township_words.tsv"):
        out.setdefault(r["role"], []).append(r["word"])
    return {role: tuple(dict.fromkeys(words)) for role, words in out.items()}
