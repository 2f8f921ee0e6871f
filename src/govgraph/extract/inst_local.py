"""Grassroots bodies named without a region in front, which belong to the place the article is about:
a quoted word before the head (有一支由退休干部组成的“和事佬”协会), or the short name of a township the
article named (铜陵市郊区周潭镇…。周潭派出所民警…), or a department after 区/市/县 whose name joins two
fields (区教育和体育局), or a body whose post an officer holds besides leading the region's government
(周口市副市长、公安局局长)."""

from __future__ import annotations

import dataclasses
import re

from ..lexicon import Division, Head
from .inst_base import (
    LIST_JOINERS,
    Context,
    InstitutionMention,
    chain_ending_at,
    fill,
    implicit_before,
    mention,
    place_prefix,
    region_prefix,
    resolve_chain,
    township_body,
    township_county,
)
from .townships import TOWNSHIP_SUFFIXES

# heads of grassroots organisations that are named this way (a court or bureau is named by its region)
QUOTED_KINDS = ("social_organization",)


def quoted_body(text: str, quoted: re.Match, he: int, head: Head, ctx: Context) -> list[InstitutionMention]:
    """The quoted word and the head make the name; the article's last township (with its county) or
    else its last county is the region in front of it, when the article has named one."""
    if head.kind not in QUOTED_KINDS:
        return []
    town = next((name for name, level in reversed(ctx.local_regions) if level == "township"), None)
    county = township_county([], ctx)
    prefix = place_prefix(county, town or "")
    name = prefix + quoted.group(1) + head.surface
    start = quoted.start()
    region_name = town or (county.name if county is not None else None)
    return [
        InstitutionMention(
            start, he, text[start:he], name, head.kind, county, region_name, rule="inst.quoted-name:" + head.surface
        )
    ]


def county_of_town_named(stem: str, ctx: Context) -> Division | None:
    """The county of the township the article named whose name without its level word is `stem`
    (周潭 for 周潭镇), when the article gives that county."""
    named = any(
        level == "township" and name.endswith(end) and name[: -len(end)] == stem
        for name, level in ctx.local_regions
        for end in TOWNSHIP_SUFFIXES
    )
    return township_county([], ctx) if named else None


# the fields a merged department joins, before the head of the last one (区教育和|体育局, 市规划和|自然资源局)
JOINED_FIELDS = re.compile(r"[\u4e00-\u9fff]{2,6}和")
# characters of a body's head: a run holding one names a body, not a field (区法院和体育局)
BODY_CHARACTERS = frozenset("局院委厅部办所队庭室会署")


def merged_department(text: str, hs: int, he: int, head: Head, ctx: Context) -> list[InstitutionMention]:
    """区教育和体育局, 市城市管理和综合执法局: a department whose name joins two fields with 和 ends like a
    known one; after 区/市/县 it is the department of the article's region, named as written."""
    if head.kind != "government" or head.scope != "regional" or not text.endswith("和", 0, hs):
        return []
    for cut in range(hs - 3, max(0, hs - 7) - 1, -1):
        fields = JOINED_FIELDS.fullmatch(text, cut, hs)
        if fields is None or BODY_CHARACTERS.intersection(fields.group(0)):
            continue
        s, d = implicit_before(text, cut, ctx)
        if d is not None:
            name = region_prefix(d) + text[cut:he]
            return [mention(s, he, text, name, head, d, d.name, "inst.merged-department")]
    return []


def listed_in_township(text, hs, he, head: Head, last: InstitutionMention | None) -> list[InstitutionMention]:
    """镇综治中心、司法所、派出所: a township's unit listed right after a body of a township is that township's."""
    if last is None or not listed_after(text, hs, last):
        return []
    town = last.region_name or ""
    if not town.endswith(TOWNSHIP_SUFFIXES) or last.region is None:
        return []
    return [township_body(hs, he, text, head, last.region, town, "inst.list-township")]


def listed_after(text: str, hs: int, last: InstitutionMention) -> bool:
    """The head at `hs` is the next member of a list whose member before it is `last` (A、B, A和B)."""
    joiner = next((j for j in LIST_JOINERS if text.endswith(j, 0, hs)), None)
    return joiner is not None and last.end == hs - len(joiner)


# a clause that only sets the place (在店前镇，司法所牵头…): the township the next clause's body belongs to
PLACE_FRAME = re.compile(r"(?:^|[，。；：])(?:在|于)([\u4e00-\u9fff]{2,6}?(?:镇|乡|街道))[，,]$")


def framed_township_unit(text: str, hs: int, he: int, head: Head, ctx: Context) -> list[InstitutionMention]:
    """在店前镇，司法所牵头…: a township's unit with no name, opening the clause after one that sets the
    place at a township the article named, is that township's."""
    frame = PLACE_FRAME.search(text, max(0, hs - 12), hs) if hs and text[hs - 1] in "，," else None
    town = frame.group(1) if frame is not None else None
    if town is None or (town, "township") not in ctx.local_regions:
        return []
    return [township_body(hs, he, text, head, township_county([], ctx), town, "inst.place-frame")]


def townships_sharing_head(text: str, found: list[InstitutionMention], by_end) -> list[InstitutionMention]:
    """松柏镇、木鱼镇派出所: the townships listed before a township's station (`found`, named after the last of
    them) each have that station too, named as it is with their own township."""
    if not found:
        return []
    m = found[0]
    town = next((r for r in by_end.values() if r.start == m.start and r.local_level), None)
    if town is None or town.surface not in m.name or not town.surface.endswith(TOWNSHIP_SUFFIXES):
        return []
    out: list[InstitutionMention] = []
    pos = m.start
    while text.endswith("、", 0, pos) and (other := by_end.get(pos - 1)) is not None:
        if other.local_level != town.local_level or not other.surface.endswith(town.surface[-1]):
            break
        at = m.name.rfind(town.surface)
        name = m.name[:at] + other.surface + m.name[at + len(town.surface) :]
        rule = "inst.shared-head:" + m.rule.split(":")[-1]
        region_name = other.surface if m.region_name == town.surface else m.region_name
        shared = dataclasses.replace(m, start=other.start, end=other.end, surface=other.surface, name=name, rule=rule)
        out.insert(0, dataclasses.replace(shared, region_name=region_name))
        pos = other.start
    return out


# a post leading a region's government or sitting on its party committee, then another post
# (周口市副市长、公安局局长, 某县副县长、公安局局长, 株洲市委常委、政法委书记)
REGION_LEADER = re.compile(r"(?:(?:常务)?副?(?:省长|市长|区长|县长|州长|盟长|旗长|主席)|委(?:常委|副书记|书记))、")


def body_of_leader(text: str, hs: int, he: int, head: Head, ctx: Context, by_end) -> list[InstitutionMention]:
    """周口市副市长、公安局局长: the body after the post of the region's leader is the region's."""
    post = REGION_LEADER.search(text, max(0, hs - 7), hs)
    chain = chain_ending_at(by_end, post.start()) if post is not None and post.end() == hs else []
    if not chain:
        return []
    d, rname, prefix, short = resolve_chain(chain, ctx, head.level)
    if d is None or d.level in head.collective_at or (head.level == "province") != (d.level == "province"):
        return []  # (a city has no 公安厅, nor a province a 公安局)
    return [mention(hs, he, text, fill(head, region=prefix, short=short), head, d, rname, "inst.leader-post")]


# before a bare head: many such bodies (各地综治中心), or a township's (所在乡（镇）综治中心)
# 各县（市、区）综治中心, 街道级综治中心: the counties' or townships' own
NOT_BARE_AFTER = tuple(
    "各地 所在 镇） 乡） 街道） 镇 乡 街道 村 社区 基层 两级 三级 四级 五级 各级 区） 县） 市） 街道级 镇级 乡级 村级".split()
)
# a count of places earlier in the clause (在122个村（社区）建成综治中心): the head is each place's, many bodies
PLACES_COUNTED = re.compile(r"\d+个[^，。；,;：:\d]{0,4}?(?:镇|乡|街道|村|社区|县|区|市)[^，。；,;：:]{0,12}$")
# after a bare head: a topic (推动信访工作与综治中心建设深度融合) or a list of kinds (与综治中心、派出所、司法所等)
NOT_BARE_BEFORE = re.compile(r"建设|规范化|实体化|、(?:派出所|司法所|人民法庭|法庭|网格|警务室)")


def no_one_body(text: str, hs: int, he: int) -> bool:
    """A bare head (综治中心) at text[hs:he] that names no one body of the article's region: many places'
    (各镇（街道）综治中心, 在122个村建成综治中心), a topic (综治中心建设) or a kind in a list of kinds."""
    return (
        NOT_BARE_BEFORE.match(text, he) is not None
        or any(text.endswith(w, 0, hs) for w in NOT_BARE_AFTER)
        or PLACES_COUNTED.search(text, max(0, hs - 24), hs) is not None
    )
