"""The place name of a grassroots outpost (新市派出所, 草堰司法所, 德清县人民法院新市人民法庭): jieba
often splits or mis-tags a small place's name (新 + 市, 草堰 as a common noun), so the words before
the head are read as a name when they stand alone between a break and the head."""

from __future__ import annotations

import re
from collections.abc import Iterable

from ..lexicon import Head, institution_heads
from ..lexicon_institutions import stem_words
from ..segment import jieba_pos, word_frequency
from .inst_base import Context, InstitutionMention, chain_ending_at, fill, is_name_char, resolve_chain

# the heads of outposts named after their township or quarter
OUTPOST_HEADS = {"派出所", "司法所", "人民法庭", "市场监督管理所", "市场监管所"}
NOT_FIRST = set("各全本该每多这那其此某有涉")  # 涉事派出所: the station involved
PREPOSITIONS = set("以由经据同对跟")  # a preposition may open the run: it is no part of the name
# jieba tags that no place name holds: verbs, prepositions, conjunctions, adverbs, pronouns, numerals …
NOT_NAME_TAGS = ("v", "p", "c", "d", "r", "m", "q", "t", "f", "u", "y", "e", "o", "z")
LONGEST = 3
# a common word is no place's name unless jieba knows it as a place (指导司法所 is 指导 + 司法所; 长安 is a place)
COMMON = 100
# a character jieba meets rarely and knows only as a bound morpheme (巉, 硚, 岙: tag g, zg, yg …) opens a small
# place's name, whatever jieba makes of the characters after it (巉口派出所: 口 as a measure word)
RARE = 300
# a word jieba has (almost) never counted is a place's name whatever its tag (谋道 + 人民法庭; 设立, 派出 are common)
UNHEARD = 10

# a regiment of the Xinjiang Production and Construction Corps (一四九团, 一〇一团, 二二二团) is a township-level place;
# its number is written digit by digit, which no count is (三团 or 十二团 are no regiments' names here)
REGIMENT = re.compile(r"(?<![零〇一二三四五六七八九十百千万])[一二三四五六七八九][〇零一二三四五六七八九]{2}团$")


def outpost_stem(
    text: str, hs: int, floor: int, surface: str, found: tuple[str, bool], named: Iterable[InstitutionMention] = ()
) -> tuple[str, bool]:
    """The outpost's name before its head at `hs` (not before `floor`) when 2-3 name characters
    stand between a break (or `floor`) and the head; else `found`, the stem read by tags. `named`: the
    bodies the article named before, whose outposts vouch for their places' names."""
    if surface not in OUTPOST_HEADS:
        return found
    regiment = REGIMENT.search(text, max(floor, hs - 6), hs)
    if regiment is not None:
        return regiment.group(0), True  # 一四九团派出所: a corps regiment, named by its number in numerals
    i = hs
    while i > floor and hs - i <= LONGEST and is_name_char(text[i - 1]):
        i -= 1
    run = text[i:hs]
    if i > floor and is_name_char(text[i - 1]) or len(run) > LONGEST:
        run = _after_joining_word(text, max(floor, hs - 8), hs)
        if not run:
            return found
    if run[:1] in PREPOSITIONS and len(run) > 2:
        run = run[1:]  # 以富滩人民法庭为中心
    if not 2 <= len(run) <= LONGEST or run == found[0] and found[1]:
        return found
    if run in stem_words()["outpost_kind"] or run[0] in NOT_FIRST or run[-1] in "镇乡村":
        return found  # 镇司法所: the township's name is read with its suffix elsewhere
    if run in outpost_places(named):
        return run, True  # 两路人民法庭与两路派出所: jieba reads 两路 as a numeral, the tribunal named the place
    words = jieba_pos(run)
    if _rare_first(words) and word_frequency(run) < COMMON:
        return run, True
    if len(words) == 1 and word_frequency(run) < UNHEARD:
        return run, True  # 谋道人民法庭: a word jieba barely knows (谋道, tagged a verb) names the place
    if any(tag.startswith(NOT_NAME_TAGS) for _, tag in words[:-1]) or _not_name_end(words):
        return found
    if word_frequency(run) >= COMMON and words[0][1] != "ns":
        return found
    return run, True


def outpost_places(named: Iterable[InstitutionMention]) -> set[str]:
    """The places the article's outposts are named after (两路 of 渝北区人民法院两路人民法庭): the name between
    the parent's and the head."""
    places = set()
    for m in named:
        if m.parent and m.name.startswith(m.parent):
            rest = m.name[len(m.parent) :]
            head = next((h for h in OUTPOST_HEADS if rest.endswith(h)), None)
            if head is not None and 2 <= len(rest) - len(head) <= LONGEST:
                places.add(rest[: -len(head)])
    return places


def _after_joining_word(text: str, lo: int, hs: int) -> str:
    """联合稠城人民法庭, 携手草堰司法所: with no break before it, the name is the 2-3 characters after a
    verb, preposition or conjunction jieba reads (稠城 is 稠/a + 城/n, so the tags alone give 城; jieba
    tags 会同 a place, so 会同草堰司法所 names none)."""
    words = jieba_pos(text[lo:hs])
    n = 0
    for k in range(len(words) - 1, 0, -1):
        n += len(words[k][0])
        if n > LONGEST:
            return ""
        word, tag = words[k - 1]
        if n >= 2 and tag.startswith(("v", "p", "c")) and (len(word) > 1 or tag.startswith(("p", "c"))):
            return text[hs - n : hs]
    return ""


def _rare_first(words: tuple[tuple[str, str], ...]) -> bool:
    word, tag = words[0]
    # a Chinese character: jieba tags a Latin letter "eng" (N个派出所, A类派出所 are counts and classes)
    rare = tag.endswith("g") and tag != "eng" or tag == "x"
    return len(word) == 1 and "\u4e00" <= word <= "\u9fff" and rare and word_frequency(word) < RARE


def _not_name_end(words: tuple[tuple[str, str], ...]) -> bool:
    """The run's last word is none of a place's name; a locality character after a name's first part
    is (塘 + 下 → 塘下派出所, 坑下), as it is in many villages' and towns' names."""
    word, tag = words[-1]
    if tag.startswith("f") and len(word) == 1 and len(words) > 1:
        return False
    return tag.startswith(NOT_NAME_TAGS)


REGION_UNIT_STEM = (2, 3)  # how long the stem of a police unit named after a region is (禁毒, 巡特警)


def region_police_unit(text, hs, he, head: Head, by_end, ctx: Context) -> list[InstitutionMention]:
    """芒市禁毒大队, 宜昌市刑侦支队: a police unit named after a county or a city, with no body before it, is a
    unit of that region's 公安局 (SPEC v2: a sub-unit carries its parent's full name). A district's units
    are its branch's (宜昌市公安局西陵分局…): not guessed."""
    if head.kind != "public_security" or "{stem}" not in head.canonical or "{parent}" not in head.canonical:
        return []
    for size in REGION_UNIT_STEM:
        stem = text[hs - size : hs]
        chain = chain_ending_at(by_end, hs - size)
        if not chain or chain[-1].local_level or not all(is_name_char(c) and c not in NOT_FIRST for c in stem):
            continue  # 荆州交警各大队: every brigade, none named
        d, rname, prefix, _ = resolve_chain(chain, ctx)
        if d is None or d.name.endswith("区") or stem in stem_words()["generic"]:
            return []
        bureau = fill(institution_heads()["公安局"], region=prefix)
        name = fill(head, stem=stem, parent=bureau)
        start = chain[0].start
        return [
            InstitutionMention(
                start, he, text[start:he], name, head.kind, d, rname, bureau, rule="inst.region-police:" + head.surface
            )
        ]
    return []
