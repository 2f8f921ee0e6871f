"""Institution mentions: region chain + name stem + institution head, with sub-units.

Heads and their canonical templates are data (`data/institution_heads.tsv`). This module
only knows the grammar: what may stand before a head, and how a region, a stem or a parent
body fills the template.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache

from ..lexicon import Division, Head, gazetteer, institution_heads
from ..spans import DictMatcher, resolve_overlaps
from .regions import LEVEL_RANK, RegionMention, choose

# Characters and words that end a proper-name stem when reading backwards from a head.
STEM_BREAK = set("，。、；：！？“”‘’（）《》「」【】()[] 的在和与及将对由是到为从向把被了等")
STEM_STOP_PREFIX = ("各", "全", "该", "本", "每", "所", "各级", "基层", "农村", "城区", "辖区", "当地", "多个", "多家", "一些", "部分", "相关")
# Words before 市/县/区/省 that refer back to the article's own region (市法院 = 临清市人民法院).
IMPLICIT = [("自治区", ("province",), ("自治区",)), ("省", ("province",), ("省",)), ("州", ("prefecture",), ("州",)),
            ("盟", ("prefecture",), ("盟",)), ("市", ("prefecture", "county"), ("市",)), ("县", ("county",), ("县",)),
            ("区", ("county",), ("区",))]
ANAPHORA = {"该院": ("court", "procuratorate"), "中院": ("court",), "高院": ("court",)}


@dataclass
class InstitutionMention:
    start: int
    end: int
    surface: str
    name: str  # canonical
    kind: str
    region: Division | None = None
    region_name: str | None = None
    parent: str | None = None
    regions_used: list[RegionMention] = field(default_factory=list)


@dataclass
class Context:
    """What the article has named so far, for implicit prefixes and anaphora."""

    regions: list[Division] = field(default_factory=list)
    local_regions: list[tuple[str, str]] = field(default_factory=list)  # (name, level)
    institutions: list[InstitutionMention] = field(default_factory=list)
    document_codes: set[str] = field(default_factory=set)

    def implicit_region(self, levels: tuple[str, ...], suffix: str) -> Division | None:
        for d in reversed(self.regions):
            if d.level in levels and d.name.endswith(suffix):
                return d
        return None


@lru_cache(maxsize=1)
def _head_matcher() -> DictMatcher:
    return DictMatcher(institution_heads())


def _stem_before(text: str, end: int, floor: int) -> str:
    """The proper-name stem that ends at `end`, no further back than `floor` (≤ 8 chars)."""
    i = end
    while i > floor and end - i < 8 and text[i - 1] not in STEM_BREAK and "\u4e00" <= text[i - 1] <= "\u9fff":
        i -= 1
    stem = text[i:end]
    for p in STEM_STOP_PREFIX:
        if stem.startswith(p):
            stem = stem[len(p):]
    if len(stem) > 4:
        # keep the last words: jieba splits verbs off the front (到北关 → 北关)
        from ..segment import jieba_cut

        words = jieba_cut(stem)
        keep = ""
        for w in reversed(words):
            if len(keep) + len(w) > 6:
                break
            keep = w + keep
        stem = keep
    return stem


def _fill(head: Head, region_name: str = "", stem: str = "", parent: str = "") -> str:
    return head.canonical.format(region=region_name, stem=stem, parent=parent)


def _region_prefix(d: Division) -> str:
    """Official prefix of a body in division `d`: districts carry their city (青岛市崂山区)."""
    if d.level == "county" and d.name.endswith("区") and d.parent_code:
        parent = gazetteer().by_code.get(d.parent_code)
        if parent is not None and parent.level == "prefecture":
            return parent.name + d.name
    return d.name


def find_institutions(text: str, regions: list[RegionMention], ctx: Context) -> list[InstitutionMention]:
    heads = institution_heads()
    region_spans = [(m.start, m.end) for m in regions]
    hits = [h for h in _head_matcher().find_all(text)
            if all(h[1] <= a or h[0] >= b for a, b in region_spans)]
    hits = resolve_overlaps(hits, key=lambda h: (h[0], h[1]))
    by_end = {m.end: m for m in regions}
    out: list[InstitutionMention] = []
    last: InstitutionMention | None = None
    for hs, he, surface in hits:
        head = heads[surface]
        if he < len(text) and text[he] in head.not_before:
            continue
        parent = last if last is not None and last.end == hs else None
        chain = _chain_ending_at(by_end, hs)
        mention = None
        if head.scope == "national":
            mention = InstitutionMention(hs, he, surface, head.canonical, head.kind)
        elif head.scope == "regional":
            mention = _regional(text, hs, he, head, chain, ctx, parent)
        elif head.scope == "named":
            floor = parent.end if parent else (chain[-1].end if chain else 0)
            stem = _stem_before(text, hs, floor)
            if parent is None and last is not None and last.end == hs - len(stem) and stem:
                parent = last
            if stem and parent is not None:
                mention = InstitutionMention(parent.start, he, text[parent.start:he],
                                             parent.name + stem + surface,
                                             head.kind, parent.region, parent.region_name, parent.name)
            elif stem:
                sc = _chain_ending_at(by_end, hs - len(stem))
                prefix, reg, rname = "", None, None
                if sc:
                    reg, rname, prefix = _resolve_chain(sc, ctx)
                start = sc[0].start if sc else hs - len(stem)
                mention = InstitutionMention(start, he, text[start:he], prefix + _fill(head, stem=stem),
                                             head.kind, reg, rname, regions_used=list(sc))
            elif chain:
                reg, rname, prefix = _resolve_chain(chain, ctx)
                mention = InstitutionMention(chain[0].start, he, text[chain[0].start:he],
                                             prefix + surface, head.kind, reg, rname, regions_used=list(chain))
        elif head.scope == "subunit":
            stem = ""
            if parent is None and last is not None and "{stem}" in head.canonical:
                stem = text[last.end:hs]
                if last.end < hs and 0 < len(stem) <= 10 and all(c not in STEM_BREAK for c in stem):
                    parent = last
                else:
                    stem = ""
            if parent is not None:
                mention = InstitutionMention(parent.start, he, text[parent.start:he],
                                             _fill(head, stem=stem, parent=parent.name), head.kind,
                                             parent.region, parent.region_name, parent.name)
        if mention is None and surface in ANAPHORA:
            mention = _anaphor(hs, he, surface, ctx)
        if mention is None:
            continue
        out.append(mention)
        ctx.institutions.append(mention)
        last = mention
    return out


def _chain_ending_at(by_end: dict[int, RegionMention], pos: int) -> list[RegionMention]:
    chain = []
    while pos in by_end:
        m = by_end[pos]
        chain.insert(0, m)
        pos = m.start
    return chain


def _resolve_chain(chain: list[RegionMention], ctx: Context, level_hint: str | None = None):
    """(division of the most specific region, its name, the official prefix text)."""
    last = chain[-1]
    if last.local_level:
        # township: prefix is its county (琼海市潭门镇)
        county = None
        for m in reversed(chain[:-1]):
            if m.candidates:
                county = choose(m, ctx.document_codes)
                break
        prefix = (county.name if county else "") + last.surface
        return county, last.surface, prefix
    prev = chain[-2] if len(chain) >= 2 else None
    d = choose(last, ctx.document_codes, level_hint, prev)
    return d, d.name, _region_prefix(d)


def _regional(text, hs, he, head: Head, chain, ctx: Context, parent) -> InstitutionMention | None:
    if chain:
        last = chain[-1]
        if last.local_level:
            _, rname, prefix = _resolve_chain(chain, ctx)
            return InstitutionMention(chain[0].start, he, text[chain[0].start:he],
                                      _fill(head, region_name=prefix), head.kind, None, rname,
                                      regions_used=list(chain))
        d, rname, prefix = _resolve_chain(chain, ctx, head.level)
        if head.level == "province" and d.level != "province":
            # 吉林高院 is the province's court even where a city has the same short name
            prov = [c for c in last.candidates if c.level == "province"]
            if prov:
                d, rname, prefix = prov[0], prov[0].name, prov[0].name
        if head.canonical.startswith("{region}") and head.level in ("province", "prefecture") and d.level == "county":
            prefix = d.name
        return InstitutionMention(chain[0].start, he, text[chain[0].start:he],
                                  _fill(head, region_name=prefix), head.kind, d, rname, regions_used=list(chain))
    if parent is not None and head.kind == parent.kind and "{region}" in head.canonical and parent.region is not None:
        return None
    for word, levels, suffixes in IMPLICIT:
        if text.endswith(word, 0, hs):
            d = ctx.implicit_region(levels, suffixes[0])
            if d is None:
                return None
            prefix = _region_prefix(d) if d.level == "county" else d.name
            return InstitutionMention(hs - len(word), he, text[hs - len(word):he], _fill(head, region_name=prefix),
                                      head.kind, d, d.name)
    return None


def _anaphor(hs, he, surface, ctx: Context) -> InstitutionMention | None:
    kinds = ANAPHORA[surface]
    want = {"中院": "中级人民法院", "高院": "高级人民法院"}.get(surface)
    for m in reversed(ctx.institutions):
        if m.kind in kinds and (want is None or m.name.endswith(want)) and m.parent is None:
            return InstitutionMention(hs, he, surface, m.name, m.kind, m.region, m.region_name, None)
    return None
