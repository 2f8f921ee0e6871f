"""County short forms that stand without a head after them: listed with a sibling (石首、江陵),
right after their province or city (浙江诸暨), or naming a city police's branch (南京市公安局鼓楼分局); and
a county's name without its level word, an ordinary word the gazetteer withholds as a short form (江北,
鼓楼), before a body's head once the document has named the county in full (宁波市江北区…。江北法院).

Rule ids: `region.short.list`, `region.short.after-parent`, `region.short.branch`, `region.short.named`."""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Sequence

from ..lexicon import gazetteer
from ..segment import jieba_pos
from ..spans import find_each
from .region_records import RegionMention
from .region_words import head_after, starts_word

BRANCH = re.compile(r"公安局([\u4e00-\u9fff]{2,3})分局")


def branch_districts(text: str, found: list[RegionMention]) -> list[RegionMention]:
    """南京市公安局鼓楼分局: a district whose short form names several (鼓楼区 of Nanjing, Fuzhou …),
    named by the police branch of a city named right before, is that city's."""
    if "分局" not in text:
        return []
    by_end = {m.end: m for m in found}
    taken = {m.start for m in found}
    out = []
    for b in BRANCH.finditer(text):
        city = by_end.get(b.start())
        stem = b.group(1)
        if city is None or b.start(1) in taken:
            continue
        codes = {d.code for d in city.candidates}
        under = [d for level in "区县市" for d in gazetteer().by_name.get(stem + level, []) if d.parent_code in codes]
        if len(under) == 1:
            out.append(RegionMention(b.start(1), b.end(1), stem, under, True, rule="region.short.branch"))
    return out


def names_a_branch(text: str, s: int, e: int) -> bool:
    """X市公安局道里分局: a city's police branch is named after its district (道里区)."""
    return text.startswith("分局", e) and text.endswith("公安局", 0, s)


def after_ancestor(text: str, found: list[RegionMention], pending: list[RegionMention]) -> list[RegionMention]:
    """A county's short form right after its province or city (浙江诸暨, 湖北江陵), as a word of its
    own that jieba reads as a place (湖北公安民警 holds no 公安县: jieba reads 公安民警)."""
    gaz = gazetteer()
    kept = []
    for m in pending:
        before = next((f for f in found if f.end == m.start), None)
        if before is None:
            continue
        codes = {d.code for d in before.candidates}
        under = [d for d in m.candidates if gaz.within(d, codes)]
        if under and _place_word(text, m.start, m.end):
            kept.append(dataclasses.replace(m, candidates=under, rule="region.short.after-parent"))
    return kept


def _place_word(text: str, s: int, e: int) -> bool:
    """jieba reads text[s:e] as one word, a proper name, in a window around it."""
    lo = max(0, s - 4)
    at = lo
    for word, flag in jieba_pos(text[lo : e + 4]):
        if at == s:
            # jieba may take a county's name for a person's (浙江安吉: 安吉 nr); right after its
            # province that is still the place
            return at + len(word) == e and flag.startswith(("ns", "nr", "nz"))
        at += len(word)
    return False


def _beside(d, other: RegionMention) -> bool:
    """County `d` may stand in a list beside `other`: a division of the same parent, or a city of the same
    province as d's city (连云港、南通、张家港: 张家港 is of 苏州, a sibling of 南通)."""
    g = gazetteer()
    city = g.parent(d)
    return any(
        o.parent_code == d.parent_code
        or (o.level == "prefecture" and city is not None and o.parent_code == city.parent_code)
        for o in other.candidates
    )


def listed_counties(text: str, found: list[RegionMention], pending: list[RegionMention]) -> list[RegionMention]:
    """County short forms in a list with a sibling (石首、江陵等): kept when the item next to
    them, across a 、, is a division of the same parent; each must be a whole jieba word."""
    items = sorted(found + pending, key=lambda m: m.start)
    kept = []
    for m in pending:
        if not starts_word(text, m.end, m.end + 1) and m.end < len(text):
            continue
        for other in items:
            if other is m or not (other.end + 1 == m.start or m.end + 1 == other.start):
                continue
            if text[min(other.end, m.end)] != "、":
                continue
            beside = [d for d in m.candidates if _beside(d, other)]
            if beside:
                m.candidates = beside
                kept.append(m)
                break
    return kept


COUNTY_LEVEL_WORDS = ("区", "县", "市", "旗")


def withheld_short(d) -> str | None:
    """The county's name without its level word, where that is no short form the gazetteer gives (江北区 →
    江北, an ordinary word; 江北 names no division): a name the document may use once it named the county."""
    if d.level != "county" or not d.name.endswith(COUNTY_LEVEL_WORDS) or len(d.name) < 3:
        return None
    stem = d.name[:-1]
    return None if stem in d.short_names or stem in gazetteer().by_name else stem


def named_county_stems(text: str, found: Sequence[RegionMention], stems: dict) -> list[RegionMention]:
    """江北法院 after 宁波市江北区人民法院: a withheld short form (`stems`: the document's, to its county) right
    before a body's head, not inside another name, is the county."""
    out = []
    for stem, d in stems.items():
        for s in find_each(text, stem):  # (as re.finditer of the escaped stem, without a pattern per stem)
            e = s + len(stem)
            if head_after(text, e) and not any(f.start < e and s < f.end for f in found) and starts_word(text, s, e):
                out.append(RegionMention(s, e, stem, [d], True, rule="region.short.named"))
    return out


# what may follow a county's stem that stands alone after its province or city in a headline or dateline
# (北京朝阳：, 天津和平，): a break, no more of a name
STEM_BREAKS = "：:，,。；; 　"


def stems_after_parent(text: str, found: tuple, taken: tuple) -> tuple[tuple, tuple]:
    """`found` and `taken` (a sentence's region mentions and the spans they take) with the mentions of
    `_stems_after_parent` in place of any starting where they do."""
    stems = _stems_after_parent(text, found)
    if not stems:
        return found, taken
    at = {m.start for m in stems}
    kept = (m for m in found if m.start not in at)
    return tuple(sorted((*kept, *stems), key=lambda m: m.start)), (*taken, *((m.start, m.end) for m in stems))


def _stems_after_parent(text: str, found: Sequence[RegionMention]) -> list[RegionMention]:
    """北京朝阳：, 天津和平：, 上海浦东：: a county's name without its level word right after its province or city
    and before a break is that county, though the gazetteer withholds the stem (和平, an ordinary word) or gives
    it to another division (朝阳 to 辽宁's 朝阳市)."""
    gaz = gazetteer()
    out = []
    for f in found:
        if f.local_level or not any(d.level in ("province", "prefecture") for d in f.candidates):
            continue
        parents = {d.code for d in f.candidates}
        there = next((m for m in found if m.start == f.end), None)
        if there is not None and any(gaz.within(d, parents) for d in there.candidates):
            continue  # the division there already is the parent's
        for size in (2, 3):
            e = f.end + size
            if e > len(text) or (e < len(text) and text[e] not in STEM_BREAKS):
                continue
            stem = text[f.end : e]
            kids = [
                d
                for w in (*COUNTY_LEVEL_WORDS, "新区")
                for d in gaz.by_name.get(stem + w, ())
                if gaz.within(d, parents)
            ]
            if len(kids) == 1:
                out.append(RegionMention(f.end, e, stem, kids, True, rule="region.short.after-parent"))
                break
    return out
