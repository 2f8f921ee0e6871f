"""Units named after a district (西安市公安局 … 雁塔分局 → 西安市公安局雁塔分局): of the body of their kind the
article named before in the district's city, or after 公安 of that city's 公安局; and a district's police named
as the district's own (历下公安, 历下区公安局) once the article has named it as the city's branch."""

from __future__ import annotations

import dataclasses
from functools import lru_cache

from ..lexicon import Head, gazetteer, institution_heads
from .inst_base import CLAUSE_MARKS, JOINERS, PLACE_WORDS, Context, InstitutionMention, fill, region_prefix


def district_unit(text, hs, he, head: Head, ctx: Context) -> list[InstitutionMention]:
    """西安市公安局…。雁塔分局创新…: a unit named after a district (雁塔, 长安区) of the region of a
    body of its kind the article named before, standing on its own: that body's unit
    (西安市公安局雁塔分局). 公安金安分局 is the branch of the district's city police, named or not."""
    if "{stem}" not in head.canonical or head.surface.endswith("法庭"):
        return []  # 开原市家事法庭 would be the county court's tribunal, not the city court's
    for size in (3, 2):
        s = hs - size
        police = head.kind == "public_security" and text.endswith(POLICE, 0, s)
        start = s - len(POLICE) if police else s
        if start < 0 or (
            start > 0
            and text[start - 1] not in CLAUSE_MARKS
            and not _joined(text, start)
            and not text.endswith(PLACE_WORDS, 0, start)  # 走进越城区分局府山派出所
        ):
            continue
        stem = text[s:hs]
        districts = _districts_named(stem)
        parent = _district_parent(districts, head, ctx, police)
        if parent is not None:
            name, region, region_name = parent
            unit = _unit_named(ctx, head, name, districts) or fill(head, stem=stem, parent=name)
            rule = "inst.district-unit:" + head.surface
            return [
                InstitutionMention(start, he, text[start:he], unit, head.kind, region, region_name, name, rule=rule)
            ]
    return []


POLICE = "公安"  # 公安金安分局: the city police's 金安 branch


def _joined(text: str, start: int) -> bool:
    """A body's name starts at `start` after a word that joins it to the one before (和, 会同, 联合公安城阳分局)."""
    return text.endswith(JOINERS, 0, start)


def _district_parent(districts: list, head: Head, ctx: Context, police: bool):
    """(name, region, region name) of the body whose unit is named after one of `districts`: one of
    its kind the article named before in the district's city; else, after 公安, that city's 公安局
    when the article's regions tell which city it is."""
    for parent in reversed(ctx.institutions) if districts else ():
        if parent.kind != head.kind or parent.parent is not None or parent.region is None or _unit_head(parent.name):
            continue  # 长沙市反诈中心 is itself a unit (of the 公安局): 岳麓分局 is no branch of it
        if any(d.parent_code == parent.region.code for d in districts):
            return parent.name, parent.region, parent.region_name
    cities = {d.parent_code for d in districts if d.parent_code in ctx.document_codes}
    if police and len(cities) == 1:
        city = gazetteer().by_code.get(cities.pop())
        if city is not None:  # the city's 公安局, named as the head's template names it
            return fill(institution_heads()["公安局"], region=region_prefix(city)), city, city.name
    return None


def _unit_head(name: str) -> bool:
    """`name` ends with the head of a unit of another body (反诈中心, 执行局: scope subunit)."""
    return name.endswith(_unit_heads())


@lru_cache(maxsize=1)
def _unit_heads() -> tuple[str, ...]:
    return tuple(h.surface for h in institution_heads().values() if h.scope == "subunit")


def _unit_named(ctx: Context, head: Head, parent: str, districts: list) -> str | None:
    """The unit of `parent` the article named before after one of `districts` in another form
    (越城分局 after 绍兴市公安局越城区分局), or None."""
    forms = {fill(head, stem=f, parent=parent) for d in districts for f in (d.name, *d.short_names)}
    return next((u.name for u in reversed(ctx.institutions) if u.parent == parent and u.name in forms), None)


def _districts_named(stem: str) -> list:
    """Divisions `stem` names, in full or without its level word (长安 → 长安区, in any city)."""
    by_name = gazetteer().by_name
    found = list(by_name.get(stem, []))
    if stem[-1] not in "区县市旗":
        found += [d for level in "区县市旗" for d in by_name.get(stem + level, [])]
    return [d for d in found if d.level == "county"]


def branch_named_before(m: InstitutionMention, ctx: Context) -> InstitutionMention:
    """济南市公安局历下区分局 … 历下公安: a district's police is the city police's branch the article named
    before (济南市公安局历下区分局), not a body of its own (济南市历下区公安局)."""
    d = m.region
    if m.kind != "public_security" or d is None or not d.name.endswith("区") or not d.parent_code:
        return m
    city = gazetteer().by_code.get(d.parent_code)
    if city is None or m.name != region_prefix(d) + "公安局":
        return m
    bureau = fill(institution_heads()["公安局"], region=region_prefix(city))
    branch = _unit_named(ctx, institution_heads()["分局"], bureau, [d])
    return m if branch is None else dataclasses.replace(m, name=branch, parent=bureau)


def front_of(last: InstitutionMention, m: InstitutionMention) -> bool:
    """`last` is named only as the front of `m`'s name: `m` is its sub-unit written after it (最高法执行局), or a body
    of the same kind in one of its divisions written right after it, naming the line of command
    (西双版纳傣族自治州公安局勐海县公安局打洛边境派出所: no act of the prefecture's bureau)."""
    if m.parent is not None and m.parent == last.name and m.start == last.start:
        return True
    lower, upper = m.region, last.region
    return (
        m.start == last.end
        and m.kind == last.kind
        and lower is not None
        and upper is not None
        and lower.code != upper.code
        and gazetteer().within(lower, {upper.code})
    )
