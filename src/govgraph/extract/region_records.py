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


def province_not_holding(prev: RegionMention, last: RegionMention) -> Division | None:
    """The province `prev` names when none of the counties a generic two-character name (矿区, 郊区, 城区) may be
    lies in it (甘肃矿区: the one 矿区 is 阳泉市's, in 山西), else None. Any other county or city name after another
    province (西藏沈阳市, 黑龙江省浚县) is a slip: its own reading stands."""
    if len(last.surface) != 2 or not last.surface.endswith("区") or prev.local_level or len(prev.candidates) != 1:
        return None
    if prev.candidates[0].level != "province":
        return None
    province = prev.candidates[0]
    if any(c.level != "county" or c.code[:2] == province.code[:2] for c in last.candidates):
        return None
    return province
