"""The record of a region mention, shared by the region finders."""

from __future__ import annotations

from dataclasses import dataclass

from ..lexicon import Division


@dataclass
class RegionMention:
    start: int  # offsets in the sentence text
    end: int
    surface: str
    candidates: list[Division]
    is_short: bool
    local_level: str | None = None  # township / village found by pattern
    local_parent: RegionMention | None = None  # the mention it was chained to
    rule: str = "region.full"
    name: str = ""  # a township's or village's official name (三王行政村 → 三王村)

    @property
    def key(self):
        return (self.start, self.end)
