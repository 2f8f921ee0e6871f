"""Institution mentions: region chain + name stem + institution head, with sub-units.

Heads and their canonical templates are data (`data/institution_heads.tsv`). This module
only knows the grammar: what may stand before a head, and how a region, a stem or a parent
body fills the template:

* regional heads take the region chain before them (湖北省荆州市 + 中级人民法院), a short form
  (荆州中院), or 市/县/省 meaning the article's own region (市法院 → 临清市人民法院);
* named heads take a proper-name stem (北关派出所, 中国政法大学), found with jieba's
  part-of-speech tags so that verbs and measure words never become names (推进派出所);
* sub-unit heads belong to the body right before them (最高法执行局);
* in a list (自治区人民检察院、公安厅、司法厅; 茌平区、冠县检察院) members share what the
  list gives once.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache

from ..lexicon import Division, Head, collective_leads, gazetteer, institution_heads
from ..spans import DictMatcher, resolve_overlaps
from .regions import RegionMention, choose

STEM_BREAK = set("，。、；：！？“”‘’（）《》「」【】()[] 的在和与及将对由是到为从向把被了等")
# part-of-speech tags (jieba) that may form a proper-name stem
NAME_TAGS = ("n", "j", "s", "eng", "l")
PROPER_TAGS = ("ns", "nr", "nz", "nt", "j", "s", "nrt", "nrfg", "eng")
# nouns that make a stem generic: 辖区派出所, 乡镇司法所, 农村派出所 are not one body
GENERIC_STEMS = {
    "辖区",
    "乡镇",
    "农村",
    "基层",
    "社区",
    "城区",
    "当地",
    "行政",
    "全市",
    "全县",
    "全区",
    "全省",
    "各地",
    "各级",
    "人民",
    "专门",
    "相关",
    "其他",
    "有关",
    "所在",
    "地方",
    "本地",
    "派驻",
    "驻地",
    "城市",
    "家事",
    "少年",
    "新型",
    "智慧",
    "示范",
    "标准化",
    "规范化",
    "乡",
    "镇",
    "村",
    "家门口",
}
# 市/县/省 … before a head: the article's own region of that kind (市法院 = 临清市人民法院)
IMPLICIT = [
    ("自治区", ("province",), "自治区"),
    ("省", ("province",), "省"),
    ("州", ("prefecture",), "州"),
    ("盟", ("prefecture",), "盟"),
    ("市", ("prefecture", "county"), "市"),
    ("县", ("county",), "县"),
    ("区", ("county",), "区"),
]
# 全省法院, 各市法院, 两级法院: generic plurals, not bodies
NOT_IMPLICIT_AFTER = set("全各本该两三四五六七八九十每多")
ANAPHORA = {"该院": ("court", "procuratorate"), "中院": ("court",), "高院": ("court",)}
LIST_JOINERS = ("、", "和", "与", "及", "以及")
# words between a list of regions and the head they share: 公安县、沙市区两地法院
LIST_FILLERS = ("两地", "三地", "等地", "")


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
    prefix_only: bool = False  # named only as the front of a sub-unit's name
    collective: bool = False  # a region's system (四川法院) standing for its lead body


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


def _pos_stem(text: str, end: int, floor: int) -> tuple[str, bool]:
    """The proper-name stem ending at `end` (not before `floor`) and whether it holds a
    proper noun. Reads jieba's tags from the right and stops at the first non-noun."""
    i = end
    while i > floor and end - i < 10 and text[i - 1] not in STEM_BREAK and "\u4e00" <= text[i - 1] <= "\u9fff":
        i -= 1
    run = text[i:end]
    if not run:
        return "", False
    from ..segment import jieba_pos

    stem, proper = "", False
    for word, flag in reversed(jieba_pos(run)):
        if not flag.startswith(NAME_TAGS) or len(stem) + len(word) > 8 or word in GENERIC_STEMS:
            break
        stem = word + stem
        proper = proper or flag.startswith(PROPER_TAGS)
    return stem, proper


def _short(d: Division, surface: str | None = None) -> str:
    if surface and surface != d.name:
        return surface
    return d.short_names[0] if d.short_names else d.name


def _fill(head: Head, region: str = "", short: str = "", stem: str = "", parent: str = "") -> str:
    return head.canonical.format(region=region, short=short, stem=stem, parent=parent)


def _region_prefix(d: Division) -> str:
    """Official prefix of a body in division `d`: districts carry their city (青岛市崂山区)."""
    if d.level == "county" and d.name.endswith("区") and d.parent_code:
        parent = gazetteer().by_code.get(d.parent_code)
        if parent is not None and parent.level == "prefecture":
            return parent.name + d.name
    return d.name


def find_institutions(
    text: str, regions: list[RegionMention], ctx: Context, blocked: list[tuple[int, int]] = ()
) -> list[InstitutionMention]:
    """Institution mentions of one sentence. `blocked` spans (mechanism names such as
    枫桥式人民法庭) are not institutions."""
    heads = institution_heads()
    region_spans = [(m.start, m.end) for m in regions]
    hits = [h for h in _head_matcher().find_all(text) if all(h[1] <= a or h[0] >= b for a, b in region_spans)]
    hits = resolve_overlaps(hits, key=lambda h: (h[0], h[1]))
    by_end = {m.end: m for m in regions}
    out: list[InstitutionMention] = []
    last: InstitutionMention | None = None
    for hs, he, surface in hits:
        head = heads[surface]
        if he < len(text) and text[he] in head.not_before:
            continue
        if any(a < hs < b for a, b in blocked):
            continue  # the words before the head belong to a mechanism's name
        chain = _chain_ending_at(by_end, hs)
        found: list[InstitutionMention] = []
        if head.scope == "national":
            found = [InstitutionMention(hs, he, surface, head.canonical, head.kind)]
        elif head.scope == "regional":
            found = _regional(text, hs, he, head, chain, ctx, by_end, last)
        elif head.scope == "named":
            found = _named(text, hs, he, head, chain, by_end, last, ctx)
        elif head.scope == "subunit":
            found = _subunit(text, hs, he, head, last)
        if not found and surface in ANAPHORA and not chain:
            a = _anaphor(hs, he, surface, ctx)
            found = [a] if a else []
        for m in found:
            if m.parent is not None and last is not None and m.parent == last.name and m.start == last.start:
                last.prefix_only = True
            out.append(m)
            ctx.institutions.append(m)
        if found:
            last = found[-1]
    return out


def _chain_ending_at(by_end: dict[int, RegionMention], pos: int) -> list[RegionMention]:
    chain = []
    while pos in by_end:
        m = by_end[pos]
        chain.insert(0, m)
        pos = m.start
    return chain


def _resolve_chain(chain: list[RegionMention], ctx: Context, level_hint: str | None = None):
    """(division, region name, official prefix, short form) of the chain's last region."""
    last = chain[-1]
    if last.local_level:
        # township: prefix is its county (琼海市潭门镇)
        county = None
        for m in reversed(chain[:-1]):
            if m.candidates:
                county = choose(m, ctx.document_codes)
                break
        if county is None:
            for name, _ in reversed(ctx.local_regions):
                if name == last.surface:
                    break
            for d in reversed(ctx.regions):
                if d.level == "county":
                    county = d
                    break
        prefix = (county.name if county else "") + last.surface
        return county, last.surface, prefix, last.surface
    prev = chain[-2] if len(chain) >= 2 else None
    # a county-level head does not make a short form mean the county: 荆州法院 is about the
    # city (荆州市), not 荆州区; only higher heads pick the level (吉林高院 → 吉林省)
    if level_hint not in ("province", "prefecture"):
        level_hint = None
    d = choose(last, ctx.document_codes, level_hint, prev)
    if level_hint == "province" and d.level != "province":
        # 吉林高院 is the province's court even where a city has the same short name
        prov = [c for c in last.candidates if c.level == "province"]
        if prov:
            d = prov[0]
    return d, d.name, _region_prefix(d), _short(d, last.surface if last.is_short else None)


def _regional(text, hs, he, head: Head, chain, ctx: Context, by_end, last) -> list[InstitutionMention]:
    if not chain:
        for filler in LIST_FILLERS[:-1]:
            if text.endswith(filler, 0, hs) and _chain_ending_at(by_end, hs - len(filler)):
                before = _chain_ending_at(by_end, hs - len(filler))
                if any(text.endswith(j, 0, before[0].start) for j in LIST_JOINERS):
                    chain = before
                break
    if chain:
        d, rname, prefix, short = _resolve_chain(chain, ctx, head.level)
        if d is not None and d.level in head.collective_at and not chain[-1].local_level:
            return _collective(text, chain[0].start, he, head, d)
        members = [(chain, d, rname, prefix, short)]
        # 茌平区、冠县检察院: every region of the list gets the head
        pos = chain[0].start
        while True:
            joiner = next((j for j in LIST_JOINERS if text.endswith(j, 0, pos)), None)
            if not joiner:
                break
            other = _chain_ending_at(by_end, pos - len(joiner))
            if not other or other[-1].local_level:
                break
            od, orname, oprefix, oshort = _resolve_chain(other, ctx, head.level)
            if od.level in head.collective_at:
                break
            members.insert(0, (other, od, orname, oprefix, oshort))
            pos = other[0].start
        out = []
        for ch, md, mrname, mprefix, mshort in members:
            end = he if ch is chain else ch[-1].end
            out.append(
                InstitutionMention(
                    ch[0].start,
                    end,
                    text[ch[0].start : he] if ch is chain else text[ch[0].start : end] + head.surface,
                    _fill(head, region=mprefix, short=mshort),
                    head.kind,
                    md,
                    mrname,
                )
            )
        return out
    for word, levels, suffix in IMPLICIT:
        if text.endswith(word, 0, hs):
            s = hs - len(word)
            if s > 0 and text[s - 1] in NOT_IMPLICIT_AFTER:
                return []
            d = ctx.implicit_region(levels, suffix)
            if d is None or d.level in head.collective_at:
                return []
            return [
                InstitutionMention(
                    s, he, text[s:he], _fill(head, region=_region_prefix(d), short=_short(d)), head.kind, d, d.name
                )
            ]
    # 自治区人民检察院、公安厅、司法厅: a member of a list takes the region of the one before
    if last is not None and last.region is not None:
        joiner = next((j for j in LIST_JOINERS if text.endswith(j, 0, hs)), None)
        if joiner and last.end == hs - len(joiner) and head.surface not in ANAPHORA:
            d = last.region
            if d.level not in head.collective_at:
                return [
                    InstitutionMention(
                        hs,
                        he,
                        text[hs:he],
                        _fill(head, region=_region_prefix(d), short=_short(d)),
                        head.kind,
                        d,
                        last.region_name,
                    )
                ]
    return []


def _collective(text, start, he, head: Head, d: Division) -> list[InstitutionMention]:
    """贵州法院: the courts of a province, acting through its lead body (贵州省高级人民法院)."""
    lead = collective_leads().get((head.surface, d.level))
    if lead is None:
        return []
    return [
        InstitutionMention(
            start, he, text[start:he], lead.format(region=_region_prefix(d)), head.kind, d, d.name, collective=True
        )
    ]


def _named(text, hs, he, head: Head, chain, by_end, last, ctx) -> list[InstitutionMention]:
    # a sub-unit written after its parent: 淮阳区公安局北关派出所, 边防检查总站英阿瓦提边境派出所
    if last is not None and last.end < hs and hs - last.end <= 10:
        between = text[last.end : hs]
        if all(c not in STEM_BREAK for c in between) and all("\u4e00" <= c <= "\u9fff" for c in between):
            stem, _ = _pos_stem(text, hs, last.end)
            if stem == between:
                return [
                    InstitutionMention(
                        last.start,
                        he,
                        text[last.start : he],
                        last.name + stem + head.surface,
                        head.kind,
                        last.region,
                        last.region_name,
                        last.name,
                    )
                ]
    floor = chain[-1].end if chain else 0
    stem, proper = _pos_stem(text, hs, floor)
    if len(stem) < 2 and not chain:
        return []
    sc = _chain_ending_at(by_end, hs - len(stem))
    if not sc and not proper:
        return []
    if not stem and sc:
        # 临清市协会 needs a name; a region alone is not one
        return []
    prefix, d, rname = "", None, None
    if sc:
        d, rname, prefix, _ = _resolve_chain(sc, ctx)
    start = sc[0].start if sc else hs - len(stem)
    return [InstitutionMention(start, he, text[start:he], prefix + _fill(head, stem=stem), head.kind, d, rname)]


def _subunit(text, hs, he, head: Head, last) -> list[InstitutionMention]:
    if last is None:
        return []
    stem = ""
    if last.end != hs:
        if "{stem}" not in head.canonical:
            return []
        stem = text[last.end : hs]
        if not (0 < len(stem) <= 10 and all(c not in STEM_BREAK for c in stem)):
            return []
    elif "{stem}" in head.canonical and head.surface in ("支队", "大队", "中队"):
        return []  # an ordinal or a name must stand before a bare 支队
    return [
        InstitutionMention(
            last.start,
            he,
            text[last.start : he],
            _fill(head, stem=stem, parent=last.name),
            head.kind,
            last.region,
            last.region_name,
            last.name,
        )
    ]


def _anaphor(hs, he, surface, ctx: Context) -> InstitutionMention | None:
    kinds = ANAPHORA[surface]
    want = {"中院": "中级人民法院", "高院": "高级人民法院"}.get(surface)
    for m in reversed(ctx.institutions):
        if m.kind in kinds and (want is None or m.name.endswith(want)) and m.parent is None:
            return InstitutionMention(hs, he, surface, m.name, m.kind, m.region, m.region_name, None)
    return None
