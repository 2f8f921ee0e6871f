"""Bodies of development zones, which are no divisions: 荆州经开区住建局 (a city's zone),
前海合作区人民法院 (a zone with a name of its own), 洋浦经济开发区管委会 (a zone named by a place
that is no division)."""

from __future__ import annotations

import re

from ..lexicon import Head, gazetteer
from ..lexicon_institutions import Zone, development_zones
from ..segment import jieba_pos
from .inst_base import Context, InstitutionMention, chain_ending_at, fill, mention, resolve_chain, word_starts_at

# how far back a zone's own place name may start (洋浦, 漕河泾, 中关村 …)
ZONE_NAME_REACH = 4
ASIDE_CLOSE = "）)"
ASIDE = re.compile(r"[（(][\u4e00-\u9fff]{2,8}[）)]$")
ASIDE_ANYWHERE = re.compile(r"[（(][\u4e00-\u9fff]{2,8}[）)]")


def in_zone(text, hs, he, head: Head, ctx: Context, by_end) -> list[InstitutionMention]:
    """A zone's body (_in_zone); an aside between the zone and the head is part of its name (重庆两江新区（自贸区）
    人民法院 is one court), and the name without the aside is that body once the article has named it so
    (…。两江新区法院…)."""
    at = _aside_start(text, hs)
    found = _in_zone(text, at, he, head, ctx, by_end)
    tail = head.canonical.rpartition("}")[2]  # the head's own words after the region ({region}人民法院)
    for m in found:
        if at < hs and tail and m.name.endswith(tail):
            m.name = m.name[: -len(tail)] + text[at:hs] + tail
        elif at == hs:
            m.name = next((o.name for o in reversed(ctx.institutions) if _aside_of(o.name, m.name)), m.name)
    return found


def _aside_start(text: str, hs: int) -> int:
    """Where an aside in brackets (（自贸区）, of 2 to 8 CJK characters) right before `hs` opens, else `hs`."""
    if hs < 4 or text[hs - 1] not in ASIDE_CLOSE:
        return hs  # the common case, told by one character
    found = ASIDE.search(text, max(0, hs - 10), hs)
    return found.start() if found is not None else hs


def _aside_of(named: str, name: str) -> bool:
    """重庆两江新区（自贸区）人民法院 named before is the 两江新区人民法院 of a shorter mention."""
    if "（" not in named and "(" not in named:
        return False
    return ASIDE_ANYWHERE.sub("", named).endswith(name)


def _in_zone(text, hs, he, head: Head, ctx: Context, by_end) -> list[InstitutionMention]:
    """荆州经开区住建局: a city, a development zone word, a head; the zone is no division, the
    body carries the zone's full name after the city as written. A zone with a name of its own
    needs no city (前海合作区人民法院: named as written, in the zone's city)."""
    if not text.endswith(tuple(development_zones()), 0, hs):
        return []  # the common case: no zone word before the head, no need to try each
    for word, zone in development_zones().items():
        if not text.endswith(word, 0, hs):
            continue
        chain = chain_ending_at(by_end, hs - len(word))
        if not chain and zone.city is None:
            return _named_zone(text, hs, he, head, word, zone, by_end, ctx) or _zone_named_before(
                text, hs, he, head, word, ctx
            )
        if not chain and zone.city is not None and word_starts_at(text, hs - len(word)):
            d = gazetteer().by_code.get(zone.city)
            name = fill(head, region=zone.full, short=zone.full)
            start = _written_front(text, hs - len(word), zone.full[: -len(word)])
            return [mention(start, he, text, name, head, d, d.name if d else None, "inst.zone")]
        if not chain or chain[-1].local_level or (head.level in ("province", "prefecture") and zone.city is None):
            return []  # a zone word has no intermediate court (荆州经开区中院 is the city's); 雄安新区 has
        d = resolve_chain(chain, ctx)[0]
        own_province = zone.city is not None and d is not None and d.level == "province" and d.code[:2] == zone.city[:2]
        if d is None or not (
            d.level == "prefecture" or (d.level == "province" and d.name.endswith("市")) or own_province
        ):
            return []  # a city's zone (重庆两江新区 too: the municipalities are cities; 河北雄安新区 its province's)
        written = text[chain[-1].start : hs - len(word)]  # the city as the text writes it (荆州, 成都市)
        name = fill(head, region=written + zone.full, short=written + zone.full)
        return [mention(chain[0].start, he, text, name, head, d, d.name, "inst.zone")]
    return []


def _zone_named_before(text, hs, he, head: Head, word: str, ctx: Context) -> list[InstitutionMention]:
    """苏州工业园区人民法院…。园区管委会与该院…: a bare zone word opening a name means the zone of the body the
    article named last in a zone of that word (its name up to the word)."""
    if not word_starts_at(text, hs - len(word)):
        return []
    for m in reversed(ctx.institutions):
        at = m.name.find(word) if m.rule.startswith("inst.zone") else -1
        if at > 0:
            zone = m.name[: at + len(word)]
            name = fill(head, region=zone, short=zone)
            return [mention(hs - len(word), he, text, name, head, m.region, m.region_name, "inst.zone.before")]
    return []


def _written_front(text: str, start: int, front: str) -> int:
    """Where the zone's name starts when the text writes (the end of) its front before the word at `start`
    (新疆生产建设兵团第八师, 兵团第八师: the body's name, and the subject, start there)."""
    return next((start - k for k in range(len(front), 1, -1) if text.endswith(front[-k:], 0, start)), start)


def _named_zone(text, hs, he, head: Head, word: str, zone: Zone, by_end, ctx: Context) -> list[InstitutionMention]:
    """洋浦经济开发区管委会: a place name that is no division (jieba: ns) right before a generic zone
    word names the zone; the body carries it, with the division written before it if any, which is
    then its region (天津滨海高新区 → 天津市); else it has no region."""
    s = hs - len(word)
    words = jieba_pos(text[max(0, s - ZONE_NAME_REACH) : s])
    if not words or words[-1][1] != "ns" or len(words[-1][0]) < 2:
        return []
    start = s - len(words[-1][0])
    if not word_starts_at(text, start):
        return []
    chain = chain_ending_at(by_end, start)
    if chain and chain[-1].local_level:
        return []  # a township's zone is named with its township: left to the township rules
    begin = chain[0].start if chain else start
    written = text[begin:s] + zone.full
    d = resolve_chain(chain, ctx)[0] if chain else None
    name = fill(head, region=written, short=written)
    return [mention(begin, he, text, name, head, d, d.name if d else None, "inst.zone.named")]


CORPS = "新疆生产建设兵团"


def corps_front(text: str, start: int) -> tuple[int, str] | None:
    """新疆生产建设兵团第一师阿拉尔市人民检察院, 第八师石河子市公安局: a corps division (师) written right before the
    city it governs with it (师市合一) is part of the body's name; (where the name starts, the division's full name)."""
    if text[start - 1 : start] != "师":
        return None  # the common case, told by one character
    for word, zone in development_zones().items():
        if zone.full.startswith(CORPS) and text.endswith(word, 0, start):
            return _written_front(text, start - len(word), zone.full[: -len(word)]), zone.full
    return None
