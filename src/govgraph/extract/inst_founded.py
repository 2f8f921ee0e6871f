"""Units a body sets up (南平中院设立武夷山国家公园法庭): the new unit carries its founder's name."""

from __future__ import annotations

from ..lexicon import Head
from .inst_base import CLAUSE_MARKS, InstitutionMention, is_name_char

# verbs by which a body sets up a unit of its own (南平中院设立武夷山国家公园法庭)
FOUNDING_VERBS = ("挂牌成立", "揭牌成立", "设立", "成立", "组建", "新设", "开设")
# tribunals and stations, which go on to act; a centre set up (成立诉调对接中心) is mostly a facility
FOUNDED_UNITS = ("庭", "派出所", "检察室")
FOUNDING_GAP = 20  # the most characters between the body and its new unit's name (近日在秭归县设立…)


def founded_unit(text, hs, he, head: Head, last) -> list[InstitutionMention]:
    """X法院(近日在Y县)设立Z法庭: a unit of the body's own kind that the body named right before
    sets up is its sub-unit and carries its name (X法院Z法庭); the body stays an actor of its own."""
    if (
        last is None
        or not head.surface.endswith(FOUNDED_UNITS)
        or head.kind not in (last.kind, "parent")
        or not 0 < hs - last.end <= FOUNDING_GAP
    ):
        return []
    gap = text[last.end : hs]
    cut = max((gap.rfind(v) + len(v) for v in FOUNDING_VERBS if v in gap), default=-1)
    stem = gap[cut:] if cut >= 0 else ""
    # a head that names the unit alone (知识产权法庭) needs no stem
    least = 0 if cut >= 0 and len(head.surface) >= 4 and "{stem}" not in head.canonical else 2
    if any(c in CLAUSE_MARKS for c in gap) or not least <= len(stem) <= 10 or not all(is_name_char(c) for c in stem):
        return []
    start = hs - len(stem)
    name = last.name + stem + head.surface
    kind = last.kind if head.kind == "parent" else head.kind
    return [
        InstitutionMention(
            start,
            he,
            text[start:he],
            name,
            kind,
            last.region,
            last.region_name,
            last.name,
            rule="inst.founded:" + head.surface,
        )
    ]
