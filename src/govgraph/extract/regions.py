"""Region mentions: gazetteer names and short forms, former divisions (海门市, 淮阳县), plus
townships and villages named with their suffix right after a known division (琼海市潭门镇,
太康县老冢镇三王村) or before a body of theirs (桃浦镇总工会, 浦阳街道办事处).

Rule ids: `region.full`, `region.short`, `region.short.list` (a county's short form listed with a sibling: 石首、江陵),
`region.short.after-parent` (right after its province or city: 浙江诸暨, 北京朝阳：), `region.historic` (a former
division, set when it is chosen), `region.local` (chained after a division), `region.local+head` (before a body),
`region.local.word` (a place-name word with a township's suffix: 辖区古城镇), `region.local.known` (a township named
earlier in the document), `region.local.list` (a township listed beside a found one: 松门镇、箬横镇)."""

from __future__ import annotations

import re
from functools import lru_cache

from ..lexicon import Division, Gazetteer, gazetteer
from ..lexicon_places import township_name_words
from ..spans import resolve_overlaps
from .county_short import (
    after_ancestor,
    branch_districts,
    listed_counties,
    named_county_stems,
    names_a_branch,
    stems_after_parent,
)
from .region_locals import (
    VILLAGE_SUFFIXES,
    free,
    known_locals,
    listed_townships,
    local_mention,
    not_township_stems,
    villages_after,
)
from .region_records import RegionMention
from .region_words import (
    credit_end,
    followed_by_head,
    head_after,
    is_whole_word,
    name_of_conjunction,
    name_of_joint_verb,
    names_a_village,
    region_matcher,
    starts_inside_word,
    starts_word,
    yields_to_head,
)
from .townships import (
    LOCAL,
    LOCAL_SUFFIX,
    TOWNSHIP_SUFFIXES,
    local_at,
    local_ok,
    suffix_opens_word,
    township_pairs,
    township_words,
    townships_after_preposition,
    townships_before_bodies,
)

LEVEL_RANK = {"province": 0, "prefecture": 1, "county": 2, "township": 3, "village": 4}
# a dateline names no region (新华网福州8月19日电, 本报北京4月7日讯)
DATELINE = re.compile(r"\d{1,2}月\d{1,2}日(电|讯|消息)")
# a two-character county whose first character is a conjunction (和县) is the conjunction
# after another word: 县法院和县林业局


def _inside_township(text: str, mentions: list[RegionMention], s: int) -> bool:
    """A short form that starts inside a township named right after a division (宁化县石壁镇
    江家村 holds no 镇江)."""
    if not mentions:
        return False
    lm = LOCAL.match(text, mentions[-1].end)
    return lm is not None and lm.start() < s < lm.end() and local_ok(lm)


def find_regions(
    text: str, local_names: dict[str, str] | None = None, county_stems: dict[str, Division] | None = None
) -> list[RegionMention]:
    """Region mentions of one sentence, in text order, non-overlapping.

    `local_names` maps township/village names seen earlier in the document to their level,
    so that a later bare 潭门镇 is found too; `county_stems` the counties it named in full by the
    names it may shorten them to (江北 for 江北区: `county_short.withheld_short`).
    """
    found, taken, townships = _sentence_regions(text)
    extra = named_county_stems(text, found, county_stems) if county_stems else []
    names = local_names or {}
    known = [(s, level) for s, level in names.items() if s in text]
    if not (extra or known or townships):
        # (exact: with no county stem, no name of the document's and no township here, the steps below add
        # nothing; only a short form that a township of the document is named after goes)
        return not_township_stems(sorted(found, key=_start), names)
    result = known_locals(text, [*found, *extra], [*taken, *((m.start, m.end) for m in extra)], known)
    result += listed_townships(text, result)
    result = not_township_stems(result, names)
    return sorted(result + villages_after(text, result), key=_start)


def _start(m: RegionMention) -> int:
    return m.start


def _holds(outer: RegionMention, inner: list) -> bool:
    """One of `inner`'s divisions lies inside one of `outer`'s."""
    codes = {d.code for d in outer.candidates}
    return any(gazetteer().within(d, codes) for d in inner)


@lru_cache(maxsize=4096)
def _sentence_regions(text: str) -> tuple[tuple[RegionMention, ...], tuple[tuple[int, int], ...], bool]:
    """What `find_regions` finds from the sentence alone (not yet in text order), the spans it takes, and
    whether a township is among them (each sentence is read in two passes: cached)."""
    out: list[RegionMention] = []
    pending: list[RegionMention] = []  # county short forms with no head after them
    outlet = credit_end(text)
    hits = region_matcher().find(text)
    rejected = [h for h in hits if not _take(text, h, out, pending, outlet)]
    # a match turned down may hide one it overlaps (联合山东: 合山 starts no word, 山东 does)
    spans = [(m.start, m.end) for m in out + pending]
    for h in _hidden(text, rejected, hits, spans):
        _take(text, h, out, pending, outlet)
    out.sort(key=lambda m: m.start)
    found = out + listed_counties(text, out, pending) + after_ancestor(text, out, pending)
    out = sorted(found + branch_districts(text, found), key=lambda m: m.start)
    # 北京朝阳： 朝阳区, not 辽宁's 朝阳市
    chained, taken = _chain_locals(text, out)
    mentions, reach = stems_after_parent(text, tuple(chained), tuple(taken))
    return mentions, reach, any(m.local_level == "township" for m in mentions)


def _hidden(text: str, rejected: list, hits: list, spans: list[tuple[int, int]]) -> list[tuple[int, int, str]]:
    """The matches that overlap a match turned down and nothing kept, in text order."""
    if not rejected:
        return []
    over = [
        h
        for h in region_matcher().find_all(text)
        if h not in hits
        and any(h[0] < e and s < h[1] for s, e, _ in rejected)
        and all(h[1] <= s or h[0] >= e for s, e in spans)
    ]
    return resolve_overlaps(over, key=lambda h: (h[0], h[1]))


def _take(text: str, hit: tuple[int, int, str], out: list, pending: list, outlet: int) -> bool:
    """Reads one gazetteer match: a full name, a short form, a short form waiting for a list
    (pending), or nothing (False)."""
    s, e, surface = hit
    if s < outlet or DATELINE.match(text, e):
        return False
    gaz: Gazetteer = gazetteer()
    cands = gaz.by_name[surface]
    before = next((m for m in out if m.end == s), None)  # the division right before, if any
    full = [d for d in cands if d.name == surface]
    if full:
        prev_codes = {p.code for p in before.candidates} if before else set()
        after_parent = any(gaz.within(d, prev_codes) for d in full)
        # two-character county names (城区, 郊区) are only names right after their parent, before a
        # head, or, for a county or county-level city (莘县, 沛县, 芒市), as a word of its own
        if not after_parent and starts_inside_word(text, s, e):  # (jieba is asked only when it matters)
            return False  # 闽西山区 holds no 西山区
        if not after_parent and name_of_joint_verb(text, s, surface):
            return False
        if len(surface) <= 2 and all(d.level == "county" for d in full) and not after_parent:
            if name_of_conjunction(text, s, surface):
                return False
            if not (followed_by_head(text, e) or (surface.endswith(("县", "市")) and is_whole_word(text, s, e))):
                return False
        out.append(RegionMention(s, e, surface, full, False))
        return True
    # short forms: provinces and prefectures anywhere; counties only before an institution
    # head (崂山区法院 is written in full, but 城阳法院 is not); never inside a word
    head = head_after(text, e)
    any_level = head > 0 or names_a_branch(text, s, e)  # (asked once, not for each candidate)
    allowed = [d for d in cands if any_level or d.level in ("province", "prefecture")]
    # right after a division it holds, a short form starts a word whatever jieba says (福建厦门鹭江…)
    chained = before is not None and _holds(before, allowed)
    if not (chained or starts_word(text, s, e, head)) or _inside_township(text, out, s):
        return False
    if (text.startswith(TOWNSHIP_SUFFIXES, e) or names_a_village(text, e)) and not chained:
        # 在三沙镇设立, 海口村: a township's or a village's name (霞浦县三沙镇), not the short form of 三沙市
        return False
    if not allowed and yields_to_head(text, s, e):
        return False
    if allowed:
        out.append(RegionMention(s, e, surface, allowed, True, rule="region.short"))
    else:
        pending.append(RegionMention(s, e, surface, cands, True, rule="region.short.list"))
    return True


def _head_over(text: str, lm: re.Match) -> bool:
    """A regional institution head starts where the township would and runs past it."""
    return head_after(text, lm.start()) > len(lm.group(0))


def _chain_locals(text: str, mentions: list[RegionMention]) -> tuple[list[RegionMention], list[tuple[int, int]]]:
    """Add townships and villages that follow a division and those before a body of
    theirs; returns the mentions (not yet in text order) and the spans they take."""
    taken = [(m.start, m.end) for m in mentions]
    if LOCAL_SUFFIX.search(text) is None:
        return list(mentions), taken  # (exact: no township's or village's suffix, nothing to chain or find below)
    result: list[RegionMention] = []
    suffix_words = township_name_words()["suffix_word"]
    for m in mentions:
        result.append(m)
        if min(LEVEL_RANK[d.level] for d in m.candidates) < 1 and not m.is_short:
            # after a province only counties follow, not townships
            continue
        prev = m
        pos = m.end
        for _ in range(2):  # township, then village
            lm = local_at(text, pos)
            after = followed_by_head(text, lm.end()) or text.startswith(suffix_words, lm.end()) if lm else True
            if lm and text.startswith(lm.group(2), lm.end()) and not after:
                # 乌镇镇: the name holds its suffix's character (but 枫源村村委会 is 枫源村's 村委会, 越丰村村民 its villagers,
                # 东升乡乡村振兴 东升乡's)
                doubled = LOCAL.fullmatch(text, pos, lm.end() + len(lm.group(2)))
                lm = lm if doubled is not None and suffix_opens_word(text, pos, doubled) else doubled
            elif (
                lm
                and lm.group(2) == "村"
                and (town := next((t for t in TOWNSHIP_SUFFIXES if text.startswith(t, lm.end())), None))
            ):
                lm = LOCAL.fullmatch(
                    text, pos, lm.end() + len(town)
                )  # 稻香村街道, 杨村镇: a township named after a village
            if not lm or not local_ok(lm, chained=True) or not free(taken, lm.start(), lm.end()):
                break
            if suffix_opens_word(text, pos, lm) and not followed_by_head(text, lm.end()):
                break  # 统筹乡村振兴: no township 统筹乡 (but 能科乡党委 is 能科乡's, though jieba reads 乡党委)
            if _head_over(text, lm):
                break  # 荆州市住房和城乡建设局: the words are a body's head, not a township 住房和城乡
            if prev is not m and (prev.local_level != "township" or lm.group(2) not in VILLAGE_SUFFIXES):
                break  # only a village stands in a township (长安镇联合镇派出所: 联合 joins, no 联合镇)
            rm = local_mention(lm, prev, "region.local")
            result.append(rm)
            taken.append((lm.start(), lm.end()))
            prev, pos = rm, lm.end()
    rules = (
        ("region.local+head", townships_before_bodies),
        ("region.local.word", township_words),
        ("region.local.after-place", townships_after_preposition),
        ("region.local.pair", township_pairs),
    )
    found = [(lm, rule) for rule, finder in rules for lm in finder(text)]
    # the longest name first (吉里于孜镇 over jieba's 于孜镇); on a tie, the rule listed first
    for lm, rule in sorted(found, key=lambda f: f[0].start() - f[0].end()):
        if free(taken, lm.start(), lm.end()):
            result.append(local_mention(lm, None, rule))
            taken.append((lm.start(), lm.end()))
    return result, taken


def choose(
    m: RegionMention,
    context_codes: set[str],
    level_hint: str | None = None,
    prev: RegionMention | None = None,
    recent: list[Division] | None = None,
) -> Division | None:
    """Pick one division among same-name candidates from context.

    Order: the candidate whose parent is the division right before it in the chain; then the level
    the head asks for; then one whose ancestor appears in the document; then the one whose ancestor
    (or itself) the article named last (`recent`, in text order: 福州市鼓楼区…与鼓楼区司法局 is
    Fuzhou's 鼓楼区, though 南京 comes later); then a current division before a former one; then
    the highest level; then the smallest code (stable).
    """
    if not m.candidates:
        return None
    gaz = gazetteer()
    cands = m.candidates
    if len(cands) == 1:
        return cands[0]
    if prev is not None and prev.candidates:
        prev_codes = {d.code for d in prev.candidates}
        hit = [d for d in cands if gaz.within(d, prev_codes)]
        if hit:
            cands = hit
    if level_hint:
        hit = [d for d in cands if d.level == level_hint]
        if hit:
            cands = hit
    hit = [d for d in cands if gaz.within(d, context_codes)]
    if hit:
        cands = hit
    if recent and len(cands) > 1:
        cands = _named_last(cands, recent)
    # a current division before a former one of the same name (城区 of 阳泉 before 大同's)
    return min(cands, key=lambda d: (d.replaced_by is not None, LEVEL_RANK[d.level], d.code))


def region_name(r: RegionMention, document_codes: set[str]) -> str | None:
    """The name of the division (or township, village) a mention stands for."""
    if r.local_level:
        return r.name or r.surface
    d = choose(r, document_codes)
    return d.name if d is not None else None


def _named_last(cands: list[Division], recent: list[Division]) -> list[Division]:
    """The candidates whose ancestor (or itself) stands latest in `recent`; all of them when none does."""
    at = {d.code: i for i, d in enumerate(recent)}
    gaz = gazetteer()

    def seen(d: Division) -> int:
        return max((at.get(a.code, -1) for a in (d, *gaz.ancestors(d))), default=-1)

    best = max(seen(d) for d in cands)
    return [d for d in cands if seen(d) == best] if best >= 0 else cands
