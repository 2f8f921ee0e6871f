"""Units a body sets up (南平中院设立武夷山国家公园法庭): the new unit carries its founder's name."""

from __future__ import annotations

from functools import lru_cache

from ..lexicon import Head, triggers
from .inst_base import (
    CLAUSE_MARKS,
    JOINERS,
    OTHER_POLICE,
    InstitutionMention,
    chain_ending_at,
    is_name_char,
    region_prefix,
    resolve_chain,
)

# tribunals and stations, which go on to act; a centre set up (成立诉调对接中心) is mostly a facility
FOUNDED_UNITS = ("庭", "派出所", "检察室")
KINDS_OF_UNIT = {"派出", "巡回", "专业", "专门", "新", "家事", "少年", "人民"}
FOUNDING_GAP = 20  # the most characters between the body and its new unit's name (近日在秭归县设立…)


@lru_cache(maxsize=1)
def founding_verbs() -> tuple[str, ...]:
    """The verbs by which a body is set up (triggers.tsv role found: 设立, 挂牌成立 …)."""
    return tuple(triggers()["found"])


def opens_another(stem: str) -> bool:
    """The words between a body and a unit's head open another body or a founding: 刑侦大队联合经侦大队 is
    two units (`inst_forms.sibling_unit`), 设立家事审判庭 a kind of unit set up, not one named 设立家事."""
    return stem.startswith((*JOINERS, *founding_verbs()))


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
    cut = max((gap.rfind(v) + len(v) for v in founding_verbs() if v in gap), default=-1)
    stem = gap[cut:] if cut >= 0 else ""
    # a head that names the unit alone (知识产权法庭) needs no stem
    least = 0 if cut >= 0 and len(head.surface) >= 4 and "{stem}" not in head.canonical else 2
    if any(c in CLAUSE_MARKS for c in gap) or not least <= len(stem) <= 10 or not all(is_name_char(c) for c in stem):
        return []
    if stem in KINDS_OF_UNIT or any(c.isdigit() or c in "个家所" for c in stem):
        return []  # 设立派出法庭, 设立2个巡回法庭: a kind of unit, or a count of them
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


# units that sit away from their body under a place's name (营口法庭, 西江人民法庭, 三合检察室): the kind
# of body they belong to and how its name ends
# provincial bodies, whose units do not sit away under a place's name
PROVINCIAL_ENDS = ("高级人民法院", "省人民检察院", "自治区人民检察院")
OUTPOST_HEADS = {"法庭": ("court", "法院"), "人民法庭": ("court", "法院"), "检察室": ("procuratorate", "检察院")}


def tribunal_of_court(
    text, start: int, hs: int, he: int, head: Head, place: bool, ctx, chain=()
) -> list[InstitutionMention]:
    """该院在营口、丹东设立2个派出法庭，营口法庭今年审结…: a tribunal (or a procuratorate's 检察室) named
    after a place (`place`: a region or a proper name before the head) that no body's name precedes is a
    unit of the court (procuratorate) the article named last, unless the article already named it in
    full (then that name stands). A station is a unit of its county's bureau (`station_of_bureau`); a
    tribunal after its county's name, of the county's court (`_outpost_of_county`)."""
    chained = any(not m.local_level for m in chain)  # a township alone (黄兴镇派出所) is the unit's own name
    written = text[start:he]
    if head.surface in STATION_PARENTS:
        return [] if chained or not place else station_of_bureau(start, he, written, head, ctx)
    if head.surface not in OUTPOST_HEADS or not place or start >= hs:
        return []
    kind, ends = OUTPOST_HEADS[head.surface]
    county_unit = _outpost_of_county(text, chain, he, head, kind, ctx) if chained else []
    if county_unit:
        return county_unit
    if any(m.name.endswith((written, text[start:hs] + "人民" + head.surface)) for m in ctx.institutions):
        return []  # 龙驹法庭 after 万州区人民法院龙驹人民法庭: the name given before stands
    court = next(
        (m for m in reversed(ctx.institutions) if m.kind == kind and m.parent is None and m.name.endswith(ends)),
        None,
    )
    if court is None and head.surface == "人民法庭":
        court = _county_court(ctx)  # 以富滩人民法庭为中心 in an article about 青原区: 青原区人民法院's tribunal
    if court is None or court.name.endswith(PROVINCIAL_ENDS):
        return []  # a high court keeps no tribunal under a place's name: 成都金融法庭 is not 四川高院's
    return [
        InstitutionMention(
            start,
            he,
            written,
            court.name + written,
            kind,
            court.region,
            court.region_name,
            court.name,
            rule="inst.outpost-of:" + head.surface,
        )
    ]


def _outpost_of_county(text, chain, he: int, head: Head, kind: str, ctx) -> list[InstitutionMention]:
    """象山县石浦人民法庭, 祁连县八宝镇人民法庭: a tribunal (检察室) after its county's name is a unit of
    the county's court (procuratorate), named after it (SPEC v2: 人民法庭 → X县人民法院Y人民法庭), its own
    name as written after the county; none where the place before it is no county (舟山法庭 after 宁波海事法院
    is that court's)."""
    county_end = max(m.end for m in chain if not m.local_level)
    d, _, _, _ = resolve_chain([m for m in chain if m.end <= county_end], ctx)
    if d is None or d.level != "county" or county_end >= he - len(head.surface):
        return []
    parent = region_prefix(d) + ("人民法院" if kind == "court" else "人民检察院")
    s = chain[0].start
    rule = "inst.outpost-of:" + head.surface
    return [InstitutionMention(s, he, text[s:he], parent + text[county_end:he], kind, d, d.name, parent, rule=rule)]


def court_tribunals(head: Head, last: InstitutionMention | None, hs: int) -> bool:
    """A tribunal head right after a court's name stands for the court's tribunals, none named
    (莲都法院人民法庭辖区): a named tribunal has its name between (碧湖人民法庭)."""
    return head.kind == "court" and last is not None and last.kind == "court" and last.end == hs


def _county_court(ctx) -> InstitutionMention | None:
    """The court of the only county the article names (SPEC v2: 人民法庭 → X县人民法院Y人民法庭)."""
    counties = {d.code: d for d in ctx.article_regions if d.level == "county"}
    if len(counties) != 1:
        return None
    d = next(iter(counties.values()))
    name = region_prefix(d) + "人民法院"
    return InstitutionMention(0, 0, name, name, "court", d, d.name, rule="inst.county-court")


# stations, and how the name of the county-level bureau they belong to ends (SPEC v2: 派出所 → X县公安局Y派出所)
STATION_PARENTS = {
    "派出所": ("public_security", ("分局", "公安局")),
    "司法所": ("justice", ("司法分局", "司法局")),
    "市场监督管理所": ("government", ("市场监督管理局",)),
    "市场监管所": ("government", ("市场监督管理局",)),
}


def station_of_bureau(start: int, he: int, written: str, head: Head, ctx) -> list[InstitutionMention]:
    """长沙市公安局天心分局…。坡子街派出所…: a station named by its place alone is a unit of the
    county-level bureau of its kind the article named, when it named only one or the station's sentence
    names one (准格尔旗公安局…，其中薛家湾派出所…; a district's branch or
    a county's bureau; a city's bureau commands stations through its branches, so 铜陵市公安局 does not
    make 周潭派出所 its own)."""
    kind, ends = STATION_PARENTS[head.surface]
    known = next((m for m in reversed(ctx.institutions) if m.name.endswith(written)), None)
    if known is not None:  # the station was named in full before: that name stands
        rule = "inst.station-again:" + head.surface
        return [
            InstitutionMention(
                start, he, written, known.name, known.kind, known.region, known.region_name, known.parent, rule=rule
            )
        ]
    if any(w in written for w in OTHER_POLICE):
        return []  # 片马边境派出所 is the border police's, not the county's
    bureaus = {
        m.name: m
        for m in ctx.institutions
        if m.kind == kind and m.name.endswith(ends) and not m.collective and _county_level(m)
    }
    if len(bureaus) > 1:  # the article named several: the one its sentence names (准格尔旗公安局…其中薛家湾派出所)
        bureaus = {m.name: m for m in ctx.sentence[1] if m.name in bureaus}
    if len(bureaus) != 1:
        return []
    bureau = next(iter(bureaus.values()))
    county = next((d for d in reversed(ctx.regions) if d.level == "county"), None)
    if county is not None and bureau.region is not None and bureau.region.level == "county" and bureau.region != county:
        return []  # the text has moved on to another county (a page's next item): its bureau is not named
    rule = "inst.station-of:" + head.surface
    name = bureau.name + written
    return [
        InstitutionMention(start, he, written, name, kind, bureau.region, bureau.region_name, bureau.name, rule=rule)
    ]


def _county_level(bureau: InstitutionMention) -> bool:
    """A district's branch of a city's bureau (X市公安局Y分局), or the bureau of a county (X县公安局)."""
    if bureau.parent is not None:
        return bureau.name.endswith("分局")
    return bureau.region is not None and bureau.region.level == "county"


# the railway police bodies a station's police post belongs to (南昌铁路公安处, 上海铁路公安局)
RAILWAY_POLICE = ("铁路公安处", "铁路公安局")
COMPASS = set("东西南北")


def railway_station(text, hs: int, he: int, head: Head, by_end, ctx) -> list[InstitutionMention]:
    """南昌站派出所, 杭州东站派出所: the police post of a railway station named after its place is a unit
    of the railway police body the article named last, and carries its name (南昌铁路公安处南昌站派出所)."""
    if head.surface != "派出所" or text[hs - 1 : hs] != "站":
        return []
    end = hs - 2 if text[hs - 2 : hs - 1] in COMPASS else hs - 1
    chain = chain_ending_at(by_end, end)
    if not chain:
        return []
    start = chain[-1].start
    police = next((m for m in reversed(ctx.institutions) if m.name.endswith(RAILWAY_POLICE)), None)
    written = text[start:he]
    if police is None:
        return [InstitutionMention(start, he, written, written, "public_security", rule="inst.railway-station")]
    return [
        InstitutionMention(
            start,
            he,
            written,
            police.name + written,
            "public_security",
            police.region,
            police.region_name,
            police.name,
            rule="inst.railway-station",
        )
    ]
