"""Institution mentions: region chain + name stem + institution head, with sub-units.

Heads and their canonical templates are data (`data/institution_heads.tsv`). This module
only knows the grammar: what may stand before a head, and how a region, a stem or a parent
body fills the template:

* regional heads take the region chain before them (湖北省荆州市 + 中级人民法院), a short form
  (荆州中院), or 市/县/省 meaning the article's own region (市法院 → 临清市人民法院);
* relative heads hold that word themselves (团区委 → 共青团X区委员会);
* named heads take a proper-name stem (北关派出所, 中国政法大学), found with jieba's
  part-of-speech tags so that verbs and measure words never become names (推进派出所);
* sub-unit heads belong to the body right before them (最高法执行局);
* in a list (自治区人民检察院、公安厅、司法厅; 茌平区、冠县检察院) members share what the
  list gives once.

A body followed by a person's title (县委书记张三) is marked `title_only`: it is not listed
unless the text also names it as an actor.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Sequence
from functools import lru_cache

from ..lexicon import Division, Head, institution_heads, person_titles
from ..lexicon_collectives import lead_template
from ..lexicon_institutions import bare_heads
from ..lexicon_places import township_name_words
from ..segment import jieba_pos
from ..spans import DictMatcher, resolve_overlaps
from .inst_anaphora import ANAPHORA, anaphor, bare_head_opens_clause, place_bench, place_bench_hits
from .inst_base import (
    IMPLICIT,
    IMPLICIT_WORDS,
    JOINING_WORDS,
    LIST_JOINERS,
    NOT_IMPLICIT_AFTER,
    POLICE_BRANCH,
    Context,
    InstitutionMention,
    branch_follows,
    chain_ending_at,
    fill,
    implicit_before,
    mention,
    named_by_place,
    named_so_before,
    place_prefix,
    region_prefix,
    resolve_chain,
    short_form,
    township_body,
    township_county,
    twins,
    word_starts_at,
)
from .inst_districts import POLICE, branch_named_before, district_unit, front_of
from .inst_forms import league, own_legal_system, prefixed, sibling_unit, unit_of, vertical_unit
from .inst_founded import founding_verbs
from .inst_local import (
    body_of_leader,
    framed_township_unit,
    listed_after,
    listed_in_township,
    merged_department,
    no_one_body,
    townships_sharing_head,
)
from .inst_named import WORD_HEADS, named, subunit, unit_named_before
from .inst_outpost import region_police_unit
from .inst_zones import corps_front, in_zone
from .region_records import RegionMention
from .region_words import credit_end
from .townships import TOWNSHIP_SUFFIXES

__all__ = [
    "Context",
    "InstitutionMention",
    "drop_conjunction_regions",
    "find_institutions",
]

# words between a list of regions and the head they share: 公安县、沙市区两地法院
LOCAL_WORD = "当地"  # 当地综治中心: the article's own
LIST_FILLER = re.compile(r"(?:(?:[两二三四五六七八九十]|[1-9]\d?)[地省市县区州旗盟]|等地)$")  # 两地, 三市, 3省, 等地


@lru_cache(maxsize=1)
def _head_matcher() -> DictMatcher:
    return DictMatcher(institution_heads())


@lru_cache(maxsize=1024)
def _head_hits(text: str) -> tuple[tuple[int, int, str], ...]:
    """Every head in a sentence, overlapping (a sentence is asked three times: cached)."""
    return tuple(_head_matcher().find_all(text))


DEPARTMENT = r"(?:[\u4e00-\u9fff]{2,8}?(?:检察部|庭|处|科|办公室))?"
RANK = r"(?:[正副][部厅局处科]级)?"  # 审判委员会副部级专职委员: a rank may open the title


@lru_cache(maxsize=1)
def _title_pattern() -> re.Pattern:
    words = sorted(person_titles(), key=len, reverse=True)
    # 委员 is a title, 委员会 a body; a department of the body may stand between them
    # (天津市人民检察院第八检察部有关负责人说)
    return re.compile(DEPARTMENT + RANK + "(?:常务)?(?:副)?(?:" + "|".join(map(re.escape, words)) + ")(?!会)")


def find_institutions(
    text: str,
    regions: list[RegionMention],
    ctx: Context,
    blocked: Sequence[tuple[int, int]] = (),
) -> list[InstitutionMention]:
    """Institution mentions of one sentence. `blocked` spans (mechanism names such as
    枫桥式人民法庭) are not institutions."""
    heads = institution_heads()
    regions = drop_conjunction_regions(text, regions)
    region_spans = [(m.start, m.end) for m in regions]
    outlet = credit_end(text)  # 中央纪委国家监委网站讯, 据…报道: an outlet names no body (SPEC: credit lines)
    # heads inside a region's name give way before the longest is chosen (神农架林区人民检察院: no 林区人民检察院)
    hits = [h for h in _head_hits(text) if h[0] >= outlet]
    for a, b in region_spans:  # (one region at a time: cheaper than a generator for each head)
        hits = [h for h in hits if h[1] <= a or h[0] >= b]
    hits = resolve_overlaps(hits + place_bench_hits(text, region_spans), key=lambda h: (h[0], h[1]))
    by_end = {m.end: m for m in regions}
    out: list[InstitutionMention] = []
    last: InstitutionMention | None = None
    ctx.sentence = (text, out)
    for hs, he, surface in hits:
        head = heads[surface]
        if he < len(text) and text[he] in head.not_before and not branch_follows(text, he, surface):
            continue
        if surface == POLICE and POLICE_BRANCH.match(text, he):
            continue  # 公安金安分局: the branch names the body (district_unit), 公安 is its city police
        if names_no_body(text, he):
            continue  # 据浙江法院网报道: a news site (media outlets are no institution); …人民法庭品牌: a brand
        if any(a < hs < b or (a == hs and he <= b) for a, b in blocked):
            continue  # the head or the words before it belong to a mechanism's name (综治中心规范化建设)
        found = _at_head(text, hs, he, head, ctx, by_end, last)
        found = [
            branch_named_before(own_legal_system(league(text, prefixed(text, vertical_unit(text, m, last)))), ctx)
            for m in found
            if not _nickname(text, m, ctx)
        ]
        found += [t for m in found for t in twins(head, m)]
        for m in found:
            if last is not None and front_of(last, m):
                last.prefix_only = True
            for o in out:  # 荆州市工商联商会 inside 荆州市工商联商会调解中心: the front of a longer name
                if m.start <= o.start and o.end < m.end and not o.collective:
                    o.prefix_only = True
            m.title_only = _title_pattern().match(text, m.end) is not None
            out.append(m)
            ctx.institutions.append(m)
        if found:
            last = found[-1]
    return out


OPENING_QUOTES = '“‘"「'
CLOSING_QUOTES = '”’"」'


def _nickname(text: str, m: InstitutionMention, ctx: Context) -> bool:
    """“马背法庭”, “背包法庭”: a whole quote named after no division and no 人民 body is a nickname
    (of a way of working, a kit, a vehicle), not a body; one that is set up (设立“枫桥法庭”) or
    named after a township of the article (枫桥镇) is a body."""
    quoted = m.start > 0 and text[m.start - 1] in OPENING_QUOTES and text[m.end : m.end + 1] in CLOSING_QUOTES
    # a tribunal taken for its court's (inst.outpost-of) has the court's region, not one written in the quote
    written_region = m.region is not None and not m.rule.startswith("inst.outpost-of")
    if not quoted or written_region or "人民" in m.surface:
        return False
    if text.endswith(founding_verbs(), 0, m.start - 1):
        return False
    return not any(name.startswith(m.surface[:2]) for name, _ in ctx.local_regions)


WEBSITE_WORDS = ("网", "网站", "网讯")


def names_no_body(text: str, at: int) -> bool:
    """What follows the head at `at` makes it name no body: 网 ending a website's name (浙江法院网报道, 法院网站;
    网上立案, 网络司法拍卖 and 网格化 are words of their own after a body's name), or 品牌 (打造新时代边疆人民法庭品牌)."""
    if text.startswith("品牌", at):
        return True
    return text.startswith("网", at) and jieba_pos(text[at : at + 4])[0][0] in WEBSITE_WORDS


def drop_conjunction_regions(text: str, regions: list[RegionMention]) -> list[RegionMention]:
    """宁化县法院和县林业局, 长兴县人民法院会同县公安局: 和 and 会同 join two bodies, they do not
    start the regions 和县 and 会同县."""
    if not any(m.surface.startswith(JOINING_WORDS) for m in regions):
        return list(regions)  # the common case: no region starts with a conjunction
    head_ends = {h[1] for h in _head_hits(text)}
    return [m for m in regions if not (m.surface.startswith(JOINING_WORDS) and m.start in head_ends)]


def _at_head(text, hs, he, head: Head, ctx: Context, by_end, last) -> list[InstitutionMention]:
    chain = chain_ending_at(by_end, hs)
    if not chain and hs > 0 and text[hs - 1] in "省市县区":
        # 浦江县县委: the level word repeated after the region's name
        before = chain_ending_at(by_end, hs - 1)
        if before and before[-1].surface.endswith(text[hs - 1]):
            chain = before
    found: list[InstitutionMention] = []
    if head.scope == "national":
        rule = "inst.national:" + head.surface
        found = [InstitutionMention(hs, he, head.surface, head.canonical, head.kind, rule=rule)]
    elif head.scope == "regional":
        found = _regional(text, hs, he, head, chain, ctx, by_end, last)
        if not found and "{stem}" in head.canonical:  # 佛山市 + 南海 + 公证处
            found = named(text, hs, he, head, chain, by_end, last, ctx)
        named_before = any(hs - 10 <= e < hs for e in by_end)  # a region, then words of a name
        if not found and named_before and head.surface[-1] in WORD_HEADS and head.surface not in WORD_HEADS:
            # 三亚市旅游和文化广电体育局: a department whose name only ends like a known one (体育局)
            word = institution_heads()[head.surface[-1]]
            found = named(text, he - 1, he, word, chain_ending_at(by_end, he - 1), by_end, last, ctx)
    elif head.scope == "relative":
        found = _relative(text, hs, he, head, ctx)
    elif head.scope in ("named", "named_regional"):
        found = sibling_unit(text, hs, he, head, last) or named(text, hs, he, head, chain, by_end, last, ctx)
        found = townships_sharing_head(text, found, by_end) + found
        if not found and not chain and head.surface in township_name_words()["township_unit"]:
            # 镇司法所, 镇综治中心、司法所: the township's
            found = _in_township(text, hs, he, head, ctx) or listed_in_township(text, hs, he, head, last)
            found = found or framed_township_unit(text, hs, he, head, ctx)
    elif head.scope == "subunit":
        found = subunit(text, hs, he, head, last) or district_unit(text, hs, he, head, ctx)
        found = found or sibling_unit(text, hs, he, head, last)
        found = (
            found or region_police_unit(text, hs, he, head, by_end, ctx) or unit_named_before(text, hs, he, head, ctx)
        )
        if not found and "{stem}" not in head.canonical:
            # 市反电诈中心: a unit named after a region when no parent body stands before it
            as_regional = dataclasses.replace(head, canonical=head.canonical.replace("{parent}", "{region}"))
            found = _regional(text, hs, he, as_regional, chain, ctx, by_end, None)
    if not found and not chain and (head.surface in ANAPHORA or bare_head_opens_clause(text, hs, head.surface)):
        a = anaphor(hs, he, head.surface, ctx)
        found = [a] if a else []
    found = found or place_bench(text, hs, he, head.surface, ctx, by_end, _with_chain)  # 西湖区院
    return found


def _relative(text, hs, he, head: Head, ctx: Context) -> list[InstitutionMention]:
    """团区委, 团市委: the level word inside the head names the article's region."""
    for word, levels, suffix in IMPLICIT:
        if word in head.surface:
            d = ctx.implicit_region(levels, suffix)
            if d is None:
                return []
            return [
                mention(
                    hs,
                    he,
                    text,
                    fill(head, region=region_prefix(d)),
                    head,
                    d,
                    d.name,
                    "inst.relative",
                )
            ]
    return []


def _list_chain(text, hs, by_end) -> list[RegionMention]:
    """公安县、沙市区两地法院: the regions of a list before a filler word."""
    filler = LIST_FILLER.search(text, max(0, hs - 3), hs)
    if filler is not None and (before := chain_ending_at(by_end, filler.start())):
        if any(text.endswith(j, 0, before[0].start) for j in LIST_JOINERS):
            return before
    return []


def _regional(text, hs, he, head: Head, chain, ctx: Context, by_end, last) -> list[InstitutionMention]:
    chain = chain or _list_chain(text, hs, by_end)
    if chain:
        return _with_chain(text, hs, he, head, chain, ctx, by_end)
    if unit := unit_of(text, hs, he, head, last):
        return [unit]
    if zoned := in_zone(text, hs, he, head, ctx, by_end) or merged_department(text, hs, he, head, ctx):
        return zoned
    if led := body_of_leader(text, hs, he, head, ctx, by_end):
        return led
    if text.endswith(IMPLICIT_WORDS, 0, hs):
        s, d = implicit_before(text, hs, ctx, head.level)
        if d is None:
            return []
        d = named_so_before(text[s:he], head, d, ctx)
        if d.level in head.collective_at:  # 市法院, 省法院: read as 石家庄市法院 is, the system's lead body
            return _collective(text, s, he, head, d)
        name = fill(head, region=region_prefix(d), short=short_form(d))
        return [mention(s, he, text, name, head, d, d.name, "inst.relative")]
    # 自治区人民检察院、公安厅、司法厅: a member of a list takes the region of the one before
    if last is not None and last.region is not None:
        if listed_after(text, hs, last) and head.surface not in ANAPHORA:
            d = last.region
            # 梁弄镇党委、政府: the township's own body, when the one before is a township's
            town = last.region_name if last.region_name != d.name and last.region_name else ""
            # … a region of the head's level (a city has no 公安厅, nor 律政司)
            if d.level not in head.collective_at and head.level in (None, d.level):
                name = fill(head, region=place_prefix(d, town), short=town or short_form(d))
                return [mention(hs, he, text, name, head, d, last.region_name, "inst.list")]
    return _in_township(text, hs, he, head, ctx) or _bare(text, hs, he, head, ctx)


def _township_before(text: str, hs: int, word: str, ctx: Context) -> str | None:
    """The township (of level word `word`: 镇, 乡, 街道) named last before `hs`: in this sentence, else in an
    earlier one (象州镇司法所联合镇派出所…，运江镇…: 象州镇, not the 运江镇 named after it)."""
    towns = [n for n, level in ctx.local_regions if level == "township" and n.endswith(word)]
    here = [(i, n) for n in towns if (i := text.rfind(n, 0, hs)) >= 0]
    if here:
        return max(here)[1]
    return next((n for n in reversed(towns) if n not in text), None)


def _in_township(text, hs, he, head: Head, ctx: Context) -> list[InstitutionMention]:
    """镇政府, 镇党委, 街道办事处: 镇/乡/街道 before a head is the township the article named last."""
    word = next((w for w in TOWNSHIP_SUFFIXES if text.endswith(w, 0, hs)), None)  # 镇政府: the article's township
    if word is None or head.level in ("province", "prefecture", "county"):
        return []
    s = hs - len(word)
    if s > 0 and (text[s - 1] in NOT_IMPLICIT_AFTER or not word_starts_at(text, s)):
        return []  # 乡镇政府, 各乡镇: no one township
    town = _township_before(text, hs, word, ctx)
    if town is None:
        return []
    return [township_body(s, he, text, head, township_county([], ctx), town, "inst.relative-township")]


def _bare(text, hs, he, head: Head, ctx: Context) -> list[InstitutionMention]:
    """中级法院和各基层法院, 当地综治中心: a head a region has one of, alone, is the article's."""
    if head.surface not in bare_heads() or (hs and text[hs - 1] in NOT_IMPLICIT_AFTER):
        return []
    if no_one_body(text, hs, he):
        return []
    local = text.endswith(LOCAL_WORD, 0, hs)
    if not local and not word_starts_at(text, hs):
        return []
    d = ctx.implicit_region((head.level,) if head.level else ("county", "prefecture"), "")
    if d is None or d.level in head.collective_at:
        return []
    s = hs - len(LOCAL_WORD) if local else hs
    name = fill(head, region=region_prefix(d), short=short_form(d))
    return [mention(s, he, text, name, head, d, d.name, "inst.bare")]


def _with_chain(text, hs, he, head: Head, chain, ctx: Context, by_end) -> list[InstitutionMention]:
    if head.level == "township" and not chain[-1].local_level:
        return []  # 街道办事处; 仲裁委员会驻茅箭区办事处 is the commission's office
    d, rname, prefix, short = resolve_chain(chain, ctx, head.level)
    collective = d is not None and d.level in head.collective_at and not chain[-1].local_level
    members = [(chain, d, rname, prefix, short)]
    # 茌平区、冠县检察院: every region of the list gets the head; 宁波、温州、绍兴三地法院: each city's system
    pos = chain[0].start
    while True:
        joiner = next((j for j in LIST_JOINERS if text.endswith(j, 0, pos)), None)
        if not joiner:
            break
        other = chain_ending_at(by_end, pos - len(joiner))
        if not other or other[-1].local_level:
            break
        od, orname, oprefix, oshort = resolve_chain(other, ctx, head.level)
        if (od.level in head.collective_at) != collective:
            break
        members.insert(0, (other, od, orname, oprefix, oshort))
        pos = other[0].start
    if collective:
        out = []
        for ch, md, *_ in members:
            for m in _collective(text, ch[0].start, he if ch is chain else ch[-1].end, head, md):
                m.surface += "" if ch is chain else head.surface  # as a listed member's is below
                out.append(m)
        return out
    out = []
    for ch, md, mrname, mprefix, mshort in members:
        name = fill(head, region=named_by_place(ch, md, head) or mprefix, short=mshort)
        if ch is chain and (corps := corps_front(text, ch[0].start)):
            out.append(mention(corps[0], he, text, corps[1] + name, head, md, mrname, "inst.corps"))
        elif ch is chain:
            out.append(mention(ch[0].start, he, text, name, head, md, mrname, "inst.head"))
        else:
            m = mention(ch[0].start, ch[-1].end, text, name, head, md, mrname, "inst.list")
            m.surface += head.surface
            out.append(m)
    return out


def _collective(text, start, he, head: Head, d: Division) -> list[InstitutionMention]:
    """贵州法院: the courts of a province, acting through its lead body (贵州省高级人民法院)."""
    lead = lead_template(head.surface, d.level, d.name)
    if lead is None:
        return []
    name = lead.format(region=region_prefix(d))
    return [mention(start, he, text, name, head, d, d.name, "inst.collective", collective=True)]
