"""Names a body takes from what stands right before it: a local office of a vertically managed national
body (国家税务总局温州市税务局), a Youth League committee (共青团玉溪市委) and a bureau's own unit
(淄博市公安局看守所)."""

from __future__ import annotations

import dataclasses

from ..lexicon import Head
from ..lexicon_institutions import stem_words, unit_heads
from .inst_base import JOINERS, InstitutionMention, fill, is_name_char

# national bodies whose local offices are named after them (国家税务总局温州市税务局,
# 国家金融监督管理总局潍坊监管分局): the office's name holds the national body's
VERTICAL_SYSTEMS = ("国家税务总局", "国家金融监督管理总局", "国家外汇管理局", "国家统计局")
LEAGUE = "共青团"
PARTY = "中国共产党"
# the longest name of a unit between its body and its head (食品药品与环境犯罪侦查 + 支队)
UNIT_STEM = 11
SAR_PROVINCE_CODES = ("81", "82")  # GB/T 2260: 香港特别行政区, 澳门特别行政区


def league(text: str, m: InstitutionMention) -> InstitutionMention:
    """共青团玉溪市委: the committee of the Youth League of the region, not of the Party."""
    if not (m.name.startswith(PARTY) and m.name.endswith("委员会") and text.endswith(LEAGUE, 0, m.start)):
        return m
    start = m.start - len(LEAGUE)
    name = LEAGUE + m.name[len(PARTY) :]
    return dataclasses.replace(m, start=start, surface=text[start : m.end], name=name, kind="social_organization")


def own_legal_system(m: InstitutionMention) -> InstitutionMention:
    """澳门特别行政区检察院: the special administrative regions keep their own legal systems, whose
    courts and procuratorate are no 人民法院 or 人民检察院 (the regional heads' names say 人民)."""
    if m.region is None or m.region.code[:2] not in SAR_PROVINCE_CODES or "人民" not in m.name:
        return m
    name = m.name.replace("人民法院", "法院").replace("人民检察院", "检察院")
    return dataclasses.replace(m, name=name)


def vertical_unit(text: str, m: InstitutionMention, last: InstitutionMention | None) -> InstitutionMention:
    """A local office right after the national body it belongs to is that body's unit."""
    if last is None or last.name not in VERTICAL_SYSTEMS or last.end != m.start or m.region_name is None:
        return m
    name = last.name + m.name
    return dataclasses.replace(m, start=last.start, surface=text[last.start : m.end], name=name, parent=last.name)


def unit_of(text: str, hs: int, he: int, head: Head, last: InstitutionMention | None) -> InstitutionMention | None:
    """A regional head of data/unit_heads.tsv right after a body of its kind, with no region of its own,
    is that body's unit (淄博市公安局看守所), named after it."""
    if last is None or last.end != hs or last.kind != head.kind or head.surface not in unit_heads():
        return None
    rule = "inst.unit-of:" + head.surface
    return InstitutionMention(
        last.start,
        he,
        text[last.start : he],
        last.name + head.surface,
        head.kind,
        last.region,
        last.region_name,
        parent=last.name,
        rule=rule,
    )


def sibling_unit(text, hs, he, head: Head, last: InstitutionMention | None) -> list[InstitutionMention]:
    """刑警支队、网警支队: a unit listed right after another unit of a body is a unit of that body too; so is
    a station or tribunal named by its place after one of its kind (城关派出所、石门派出所). Units joined so
    (刑侦大队联合经侦大队, 刑警支队和网警支队) are siblings too, not one unit of the other."""
    joiner = next((j for j in ("、", *JOINERS) if text.startswith(j, last.end)), None) if last is not None else None
    if last is None or last.parent is None or joiner is None:
        return []
    if head.kind not in (last.kind, "parent", "other"):
        return []
    own_name = "{parent}" not in head.canonical  # 派出所, 人民法庭: the parent's name goes before
    if own_name and not last.name.endswith(head.surface):
        return []  # 城关派出所、石门镇司法所: the bureau's station and the township's office
    start = last.end + len(joiner)
    stem = text[start:hs]
    if bool(stem) != ("{stem}" in head.canonical) or len(stem) > UNIT_STEM or not all(map(is_name_char, stem)):
        return []  # a unit named by its head alone has no stem; 支队 alone needs one
    kind = last.kind if head.kind == "parent" else head.kind
    name = last.parent + fill(head, stem=stem) if own_name else fill(head, stem=stem, parent=last.parent)
    rule = "inst.sibling:" + head.surface
    return [
        InstitutionMention(start, he, text[start:he], name, kind, last.region, last.region_name, last.parent, rule=rule)
    ]


PARTY_PREFIXES = ("中国共产党", "中共")


def party_prefix(text: str, m: InstitutionMention) -> InstitutionMention:
    """中共遵义市委政法委员会: the Party's name written before the region is part of the body's name, so the
    body opens its clause (and is its subject) where 中共 does."""
    if not m.name.startswith(PARTY):
        return m
    prefix = next((p for p in PARTY_PREFIXES if text.endswith(p, 0, m.start)), None)
    if prefix is None:
        return m
    start = m.start - len(prefix)
    return dataclasses.replace(m, start=start, surface=text[start : m.end])


def brand_prefix(text: str, m: InstitutionMention) -> InstitutionMention:
    """国网泾县供电公司, 中国移动泾县分公司: a firm's brand written before the region of its branch's name is
    part of the name (data/stem_words.tsv, brand), so the firm opens its clause where the brand does."""
    if m.kind != "other" or m.start < 2:
        return m
    brand = next((b for b in stem_words()["brand"] if text.endswith(b, 0, m.start)), None)
    if brand is None or m.name.startswith(brand):
        return m
    start = m.start - len(brand)
    return dataclasses.replace(m, start=start, surface=text[start : m.end], name=brand + m.name)


def prefixed(text: str, m: InstitutionMention) -> InstitutionMention:
    """The body with the words written before its region that belong to its name (中共, a firm's brand)."""
    return brand_prefix(text, party_prefix(text, m))
