"""Bodies of development zones, which are no divisions: 荆州经开区住建局 (a city's zone),
前海合作区人民法院 (a zone with a name of its own), 洋浦经济开发区管委会 (a zone named by a place
that is no division)."""

from __future__ import annotations

from ..lexicon import Head, gazetteer
from ..lexicon_institutions import Zone, development_zones
from ..segment import jieba_pos
from .inst_base import Context, InstitutionMention, chain_ending_at, fill, mention, resolve_chain, word_starts_at

# how far back a zone's own place name may start (洋浦, 漕河泾, 中关村 …)
ZONE_NAME_REACH = 4


def in_zone(text, hs, he, head: Head, ctx: Context, by_end) -> list[InstitutionMention]:
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
            return _named_zone(text, hs, he, head, word, zone, by_end, ctx)
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
