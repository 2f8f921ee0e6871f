"""Loaders for the words that name a region's bodies as a whole (全市, 全市法院, 公安机关) and the lead
bodies that act for them; kept apart from `lexicon` for its size. One loader per file, cached and
read through `lexicon.data_rows`, so a user lexicon can add rows."""

from __future__ import annotations

from functools import lru_cache
from typing import NamedTuple

from .lexicon import data_rows


@lru_cache(maxsize=1)
def collective_leads() -> dict[tuple[str, str], str]:
    """(head, region level) → template of the lead body that acts for the region's system."""
    return {(r["head"], r["level"]): r["lead"] for r in data_rows("collective_leads.tsv")}


def lead_template(system: str, level: str, region_name: str) -> str | None:
    """The template of the lead body acting for `system` in a region of `level`. A municipality (上海市) is
    a province whose departments are named as a city's (上海市公安局): its own rows come first."""
    leads = collective_leads()
    if level == "province" and region_name.endswith("市") and (own := leads.get((system, "municipality"))):
        return own
    return leads.get((system, level))


class CollectiveWord(NamedTuple):
    word: str  # 全市
    levels: tuple[str, ...]  # the levels of division it may mean
    suffix: str  # how their names end (市)
    lead_levels: tuple[str, ...]  # where a lead body stands for the region's system


@lru_cache(maxsize=1)
def collective_words() -> tuple[CollectiveWord, ...]:
    """Words naming a region as a whole (data/collective_words.tsv), in the file's order."""
    return tuple(
        CollectiveWord(r["word"], tuple(r["levels"].split(",")), r["suffix"], tuple(r["lead_levels"].split(",")))
        for r in data_rows("collective_words.tsv")
    )


@lru_cache(maxsize=1)
def collective_systems() -> dict[str, str]:
    """Words naming all bodies of a system in a region (全市法院, 全县派出所) → the system's key in collective_leads."""
    return {r["word"]: r["system"] for r in data_rows("collective_systems.tsv")}
