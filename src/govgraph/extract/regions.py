"""Region mentions: gazetteer names and short forms, plus townships and villages named with
their suffix right after a known division (琼海市潭门镇, 太康县老冢镇三王村)."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from ..lexicon import Division, Gazetteer, gazetteer, institution_heads
from ..spans import DictMatcher

LEVEL_RANK = {"province": 0, "prefecture": 1, "county": 2, "township": 3, "village": 4}
# A township or village name: 1-4 characters and its suffix. The name must not start with
# words that make the phrase generic (各乡镇, 全村, 本社区).
LOCAL = re.compile(r"([\u4e00-\u9fff]{1,4}?)(街道|镇|乡|村|社区)")
LOCAL_STOP = set("各全本该每多个两三四五六七八九十等和与及的在到乡村镇城")
LOCAL_BAD_NAMES = {"城乡", "农村", "乡村", "城镇", "新农村", "山村", "渔村", "城中村"}
# characters of institutions and common words that never stand in a township's name
LOCAL_BAD_CHARS = set("局院所委厅部会站队处室庭心城农渔山")


@dataclass
class RegionMention:
    start: int  # offsets in the sentence text
    end: int
    surface: str
    candidates: list[Division]
    is_short: bool
    local_level: str | None = None  # township / village found by pattern
    local_parent: object = None  # RegionMention it was chained to

    @property
    def key(self):
        return (self.start, self.end)


@lru_cache(maxsize=1)
def _matcher() -> DictMatcher:
    return DictMatcher(k for k in gazetteer().by_name if len(k) >= 2)


@lru_cache(maxsize=4096)
def _gazetteer_hits(text: str) -> tuple:
    """Gazetteer matches of a sentence (each sentence is scanned in two passes)."""
    return tuple(_matcher().find(text))


@lru_cache(maxsize=1)
def _regional_heads() -> tuple[str, ...]:
    heads = institution_heads()
    return tuple(sorted((h for h, v in heads.items() if v.scope == "regional"), key=len, reverse=True))


def _followed_by_head(text: str, end: int) -> bool:
    """A regional institution head follows (崂山法院); a named one does not count, since
    北关派出所 or 东胜派出所 name a station, not the district 北关区."""
    return text.startswith(_regional_heads(), end)


def find_regions(text: str, local_names: dict[str, str] | None = None) -> list[RegionMention]:
    """Region mentions of one sentence, in text order, non-overlapping.

    `local_names` maps township/village names seen earlier in the document to their level,
    so that a later bare 潭门镇 is found too.
    """
    gaz: Gazetteer = gazetteer()
    out: list[RegionMention] = []
    for s, e, surface in _gazetteer_hits(text):
        cands = gaz.by_name[surface]
        full = [d for d in cands if d.name == surface]
        if full:
            # two-character county names (城区, 郊区) are only names right after their parent
            if len(surface) <= 2 and all(d.level == "county" for d in full) and not _followed_by_head(text, e):
                prev = out[-1] if out and out[-1].end == s else None
                prev_codes = {p.code for p in prev.candidates} if prev else set()
                if not any({a.code for a in gaz.ancestors(d)} & prev_codes for d in full):
                    continue
            out.append(RegionMention(s, e, surface, full, False))
            continue
        # short forms: provinces and prefectures anywhere; counties only before an institution
        # head (崂山区法院 is written in full, but 城阳法院 is not)
        allowed = [d for d in cands if d.level in ("province", "prefecture") or _followed_by_head(text, e)]
        if not allowed:
            continue
        # a short form glued to the front of a longer word is not a name (吉林省 handled above)
        out.append(RegionMention(s, e, surface, allowed, True))
    out = _chain_locals(text, out, local_names or {})
    return out


def _chain_locals(text: str, mentions: list[RegionMention], local_names: dict[str, str]) -> list[RegionMention]:
    """Add townships and villages that follow a division, and known ones standing alone."""
    result: list[RegionMention] = []
    taken = [(m.start, m.end) for m in mentions]

    def free(s, e):
        return all(e <= a or s >= b for a, b in taken)

    for m in mentions:
        result.append(m)
        if min(LEVEL_RANK[d.level] for d in m.candidates) < 1 and not m.is_short:
            # after a province only counties follow, not townships
            continue
        prev = m
        pos = m.end
        for _ in range(2):  # township, then village
            lm = LOCAL.match(text, pos)
            if not lm:
                break
            name = lm.group(0)
            if (
                all(c in LOCAL_STOP for c in lm.group(1))
                or name in LOCAL_BAD_NAMES
                or not free(lm.start(), lm.end())
                or any(c in LOCAL_BAD_CHARS for c in lm.group(1))
            ):
                break
            level = "village" if lm.group(2) in ("村", "社区") else "township"
            rm = RegionMention(lm.start(), lm.end(), name, [], False, level, prev)
            result.append(rm)
            taken.append((lm.start(), lm.end()))
            prev, pos = rm, lm.end()
    for name, level in sorted(local_names.items(), key=lambda kv: -len(kv[0])):
        start = 0
        while (i := text.find(name, start)) >= 0:
            if free(i, i + len(name)):
                result.append(RegionMention(i, i + len(name), name, [], False, level, None))
                taken.append((i, i + len(name)))
            start = i + len(name)
    result.sort(key=lambda m: m.start)
    return result


def choose(
    m: RegionMention, context_codes: set[str], level_hint: str | None = None, prev: RegionMention | None = None
) -> Division | None:
    """Pick one division among same-name candidates from context.

    Order: the candidate whose parent is the division right before it in the chain; then one
    whose ancestor appears in the document; then the level the head asks for; then the
    highest level; then the smallest code (stable).
    """
    if not m.candidates:
        return None
    gaz = gazetteer()
    cands = m.candidates
    if len(cands) == 1:
        return cands[0]
    if prev is not None and prev.candidates:
        prev_codes = {d.code for d in prev.candidates}
        hit = [d for d in cands if {a.code for a in gaz.ancestors(d)} & prev_codes]
        if hit:
            cands = hit
    if level_hint:
        hit = [d for d in cands if d.level == level_hint]
        if hit:
            cands = hit
    hit = [d for d in cands if {a.code for a in gaz.ancestors(d)} & context_codes]
    if hit:
        cands = hit
    return min(cands, key=lambda d: (LEVEL_RANK[d.level], d.code))
