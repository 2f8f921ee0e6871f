"""Township and village names found by pattern (they are not in the gazetteer): a name of
1-4 characters and its suffix, checked against generic phrases (各乡镇, 江南水乡); a township
before a body of its own (桃浦镇总工会); a place-name word jieba reads with a township's
suffix (辖区古城镇, 陵阳街道). `regions` chains them after divisions and records them."""

from __future__ import annotations

import re
from functools import lru_cache

from ..lexicon import institution_heads, triggers
from ..lexicon_places import township_name_words
from ..segment import jieba_pos

# A township or village name: 1-4 characters and its suffix. The name must not start with
# words that make the phrase generic (各乡镇, 全村, 本社区).
# 苏木 and 嘎查 are Inner Mongolia's townships and villages (鄂托克旗阿尔巴斯苏木乌兰嘎查)
LOCAL = re.compile(r"([\u4e00-\u9fff]{1,4}?)(街道|镇|乡|苏木|行政村|村|嘎查|社区)")
# a transliterated name of five or six characters (乌兰陶勒盖镇), read only right after its division
LONG_LOCAL = re.compile(r"([\u4e00-\u9fff]{5,6}?)(镇|乡|苏木|嘎查)")
LOCAL_STOP = set("各全本该每多个两三四五六七八九十等和与及的在到乡村镇城某")
# 蜀山区在笔架山街道: a preposition or conjunction starts no name; nor does 级 (宜春市级示范村: the city's level)
NOT_NAME_START = set("在到和与及的等级")
NO_NAME_BEFORE = set("各全本该每多个等和与及的在到乡村镇某")  # a suffix right after these ends no name
# a township standing alone is a name when one of its bodies follows (桃浦镇总工会)
TOWNSHIP = re.compile(r"(镇|乡|街道)")
# …and a village's or community's before a body of its own (背洋村村委会, 东湖社区居委会; Inner Mongolia's 宝力根苏木司法所)
LOCAL_BEFORE_BODY = re.compile(r"(镇|乡|街道|苏木|村|嘎查|社区)")
LOCAL_SUFFIX = re.compile(r"街道|镇|乡|苏木|村|嘎查|社区")
QUOTES = ("“", '"', "「")
# adverbs and verbs right after a subject (大沥镇则…, 九江镇积极推行…)
SUBJECT_WORDS = ("则", "还", "也", "积极", "创新", "探索", "推行", "坚持", "依托", "着力", "大力", "深入")
TOWNSHIP_BODIES = ("办事处",)  # besides the institution heads (街道办事处 is the township's office)
NAME_TAGS = ("ns", "nz", "nr", "nt")  # jieba's tags of place and other proper names
# the level words that end a township's name (周潭镇, 西乡街道)
TOWNSHIP_SUFFIXES = ("镇", "乡", "街道", "苏木")
# characters of institutions and common words that never stand in a township's name (but in the county
# town's quarters: data/township_words.tsv, with the other words that rule names in or out)
LOCAL_BAD_CHARS = set("局院所委厅部会站队处室庭心城农渔山")
# …but after a division a name may hold these (红花岗区老城街道, 黄山区新山乡)
CHAINED_NAME_CHARS = set("城山会")  # 新会区会城街道


# A township after a word of place (在狮山镇设立, 赴大沥镇开展, 于吉里于孜镇): the preposition tells a place
# follows, so the name need not be known to jieba. The name is 2-4 characters and the township ends
# where a clause, a verb or an adverb starts (在重点乡镇 is 重点 + 乡镇, not a 重点乡).
PLACE_PREPOSITIONS = set("在于赴到进入")  # 走进谋道镇, 深入仪封乡: verbs of going end with 进, 入
NOT_IN_PLACE_NAME = set("各全本该每多个等和与及的在到乡村镇某这那其此些是已")
NOT_PLACE_BEFORE_AT = set("现正存实所好自")  # 现在, 正在, 存在 … are no 在 of place
AFTER_PLACE = set("，,、。；;：:）)”」 \n")
VILLAGE_AFTER = re.compile(r"([\u4e00-\u9fff]{2,3})(?:村|社区|嘎查)")
AFTER_PLACE_TAGS = ("v", "p", "d", "c", "uj", "f")  # 设立, 与, 还, 和, 的, 内


def local_ok(lm: re.Match, chained: bool = False) -> bool:
    """`chained`: right after a division (红花岗区老城街道), where 城 and 山 may stand in a name."""
    stem = lm.group(1)
    bad = LOCAL_BAD_CHARS - CHAINED_NAME_CHARS if chained else LOCAL_BAD_CHARS
    words = township_name_words()
    return not (
        all(c in LOCAL_STOP for c in stem)
        or stem[0] in NOT_NAME_START
        or lm.group(0) in words["bad_name"]
        or stem in words["not_stem"]
        or stem.startswith(_starting_verbs())
        or (any(c in bad for c in stem) and stem not in words["town_quarter"])
        or any(c in words["determiner"] for c in stem)
    )


@lru_cache(maxsize=1)
def _starting_verbs() -> tuple[str, ...]:
    """Verbs that start no township's name: the founding verbs (triggers.tsv role found) and township_words.tsv's own."""
    return tuple(triggers()["found"]) + tuple(township_name_words()["verb_start"])


@lru_cache(maxsize=1)
def township_bodies() -> tuple[str, ...]:
    heads = institution_heads()
    words = {h for h, v in heads.items() if v.scope in ("regional", "named")} | set(TOWNSHIP_BODIES)
    return tuple(sorted(words, key=len, reverse=True))


def townships_before_bodies(text: str) -> list[re.Match]:
    """桃浦镇总工会, 浦阳街道办事处: the township's name is the jieba word before the suffix
    (or the word ending with it), of 2-3 characters and tagged as a name (基层街道办事处,
    当地镇政府 and 这个镇派出所 name none)."""
    found = []
    for t in LOCAL_BEFORE_BODY.finditer(text):
        if not text.startswith(township_bodies(), t.end()):
            # 其中，新丰镇“共享法庭”调解…: a quoted name of the township's own thing follows, as a body would
            # …; 大沥镇则创新开展…: a township opening a clause as the subject of an act
            if (
                text.startswith(QUOTES + SUBJECT_WORDS, t.end())
                and t.group(1) in TOWNSHIP_SUFFIXES
                and (lm := _opening_township(text, t))
            ):
                found.append(lm)
            continue
        words = jieba_pos(text[max(0, t.start() - 4) : t.end()])
        (last, last_tag), suffix = words[-1] if words else ("", ""), t.group(1)
        stem, tag = "", ""
        if last.endswith(suffix) and len(last) > len(suffix):
            stem, tag = last[: -len(suffix)], last_tag
        elif last == suffix and len(words) > 1:
            stem, tag = words[-2]
        # a name of four characters only when jieba knows the place (巴彦浩特镇人民法庭)
        fits = 2 <= len(stem) <= 3 or (len(stem) == 4 and tag.startswith("ns"))
        lm = LOCAL.fullmatch(text, t.start() - len(stem), t.end()) if fits else None
        # jieba vouches for the name (东山 + 街道), so 城 or 山 may stand in it
        if lm is not None and tag.startswith(NAME_TAGS) and local_ok(lm, chained=True):
            found.append(_whole_name(text, lm))
        elif (lm := _opening_township(text, t)) is not None:
            found.append(lm)
    return found


# what may stand before a township that opens a clause (。临洺关镇司法所推行…) or joins the body before
# (…联合分水镇综治中心)
CLAUSE_OPENERS = set('，,。；;：:、（(“"') | PLACE_PREPOSITIONS
JOINING_BEFORE = ("联合", "会同", "协同", "与", "和", "及")
# …or follows the body its unit belongs to (于都县人民法院银坑镇人民法庭, 于都县司法局岭背镇司法所)
BODY_ENDS = ("法院", "检察院", "公安局", "分局", "司法局", "监督管理局", "监管局")
# …or is where a body posts an office (检察院派驻西城镇检察室, 驻回兴街道检察室)
POSTED_AT = ("驻",)
PREFIX_TAGS = (*NAME_TAGS, "zg")  # jieba's tags of a transcribed name's leading syllables (札, 纳林)


def _whole_name(text: str, lm: re.Match) -> re.Match:
    """，札萨克镇派出所, ，纳林陶亥镇派出所: jieba cut a transcribed name (札|萨克, 纳林|陶亥镇) and vouches
    only for its tail; the 1-2 characters before it up to the clause's start belong to the name when
    jieba reads them as names too (but ，推动东山街道 keeps 东山街道: 推动 is a verb)."""
    for extra in (1, 2):
        start = lm.start() - extra
        if len(lm.group(1)) + extra > 4 or start < 0 or (start > 0 and text[start - 1] not in CLAUSE_OPENERS):
            continue
        if all(tag.startswith(PREFIX_TAGS) for _, tag in jieba_pos(text[start : lm.start()])):
            longer = LOCAL.fullmatch(text, start, lm.end())
            if longer is not None and local_ok(longer, chained=True):
                return longer
    return lm


def _opening_township(text: str, t: re.Match) -> re.Match | None:
    """临洺关镇司法所, 八廓街道司法所 opening a clause: a name of 2-3 characters jieba does not know,
    none of the generic or stop words (所在乡镇, 辖区街道, 这个镇)."""
    for n in (4, 3, 2):
        start = t.start() - n
        if n == 4 and not transcribed_name(text[start : t.start()], t.group(1)):
            continue
        if start < 0 or (
            start > 0
            and text[start - 1] not in CLAUSE_OPENERS
            and not text.endswith(JOINING_BEFORE + BODY_ENDS + POSTED_AT, 0, start)
        ):
            continue
        lm = LOCAL.fullmatch(text, start, t.end())
        stem = text[start : t.start()]
        if lm is None or set(stem) & NOT_IN_PLACE_NAME or stem.startswith(township_name_words()["generic_stem"]):
            continue
        if stem in triggers()["organise"] or stem in JOINING_BEFORE:
            continue  # 组织街道人民调解委员会, ，联合镇综治中心: the verb that opens the clause, no town's name
        if local_ok(lm, chained=True) and not lm.group(0).endswith(township_name_words()["generic_end"]):
            return lm
    return None


# Inner Mongolia's 苏木 often bear a transcribed Mongolian name of four characters (阿尔巴斯苏木), which jieba
# reads as people's names syllable by syllable (阿尔巴 + 斯)
TRANSCRIBED_SUFFIXES = ("苏木",)


def transcribed_name(stem: str, suffix: str) -> bool:
    """A four-character name before a 苏木, every word of it tagged as a name by jieba."""
    words = jieba_pos(stem) if len(stem) == 4 and suffix in TRANSCRIBED_SUFFIXES else ()
    return len(words) > 1 and all(tag.startswith(PREFIX_TAGS) for _, tag in words)


def township_words(text: str) -> list[re.Match]:
    """A township or village that jieba reads as one place-name word (来到辖区古城镇): the word
    ends with the suffix and is tagged ns; or a 街道 whose name before it jieba tags ns (陵阳街道)."""
    found = []
    for t in LOCAL_SUFFIX.finditer(text):
        before = text[t.start() - 1] if t.start() else ""
        # 乡镇 has no name, but 西乡街道 has one
        if not "\u4e00" <= before <= "\u9fff" or (before in NO_NAME_BEFORE and (before, t.group(0)) != ("乡", "街道")):
            continue  # 乡镇, 各村, 全社区: no name in front (and jieba is not asked)
        if text.startswith(township_name_words()["suffix_word"], t.start()):
            continue
        lo = max(0, t.start() - 4)
        # the words of the lengths a name may have that would pass; jieba is asked only if there are any
        lengths = (len(t.group(0)) + 2, len(t.group(0)) + 3, len(t.group(0)) + 4)  # 巴彦浩特镇: four, if jieba knows it
        named = {n: lm for n in lengths if (lm := _township_at(text, t, n, lo))}
        if not named:
            continue
        pos, prev = lo, ("", "")
        for word, tag in jieba_pos(text[lo : t.end()]):
            pos += len(word)
            if pos == t.end() and tag.startswith("ns") and len(word) in named:
                found.append(
                    named[len(word)]
                )  # jieba vouches for the name, so 城 or 山 may stand in it (古城镇, 黄山村)
            elif (
                pos == t.end()
                and _place_then_suffix(prev, word, text[pos : pos + 1])
                and len(prev[0]) + len(word) in named
            ):
                lm = named[len(prev[0]) + len(word)]  # 陵阳街道, 西江镇: jieba reads the name as a place of its own
                if local_ok(lm):
                    found.append(lm)
            prev = (word, tag)
    return found


def suffix_opens_word(text: str, start: int, lm: re.Match) -> bool:
    """德清县统筹乡村振兴, 深化乡镇改革: after a division, jieba reads the suffix as the start of a
    longer word (乡村, 乡镇, 乡风) after a word that is no name, so the words before it are a verb's,
    not a township's name (溪龙乡村民 and 莫干山镇乡贤 keep theirs: there the suffix ends a word or
    stands alone)."""
    at = lm.start(2)
    if at + len(lm.group(2)) >= len(text) or not "\u4e00" <= text[at + len(lm.group(2))] <= "\u9fff":
        return False  # nothing after the suffix to make a longer word with (the common case: no jieba)
    pos, before = start, "ns"
    for word, tag in jieba_pos(text[start : lm.end() + 3]):
        if pos == at:  # a place name on either side (孝丰|镇江|家村) is no verb's phrase
            opens = len(word) > len(lm.group(2)) and word.startswith(lm.group(2))
            return opens and not tag.startswith(NAME_TAGS) and not before.startswith(NAME_TAGS)
        pos += len(word)
        before = tag
        if pos > at:
            return False
    return False


# a division's name ends no township's name before 乡 or 镇 (县乡两级, 德清县镇村): those are levels
DIVISION_ENDS = tuple("省市县区州旗盟")


def _place_then_suffix(prev: tuple[str, str], word: str, after: str) -> bool:
    """A place name jieba tags ns followed by the suffix as a word of its own (陵阳 + 街道, 西江 + 镇),
    which opens no longer word (苏木乡镇, 县镇村: levels)."""
    name, tag = prev
    if word != "街道" and (word not in ("镇", "乡") or after[:1] in ("镇", "乡", "村", "街")):
        return False
    return tag.startswith("ns") and not name.endswith(DIVISION_ENDS) and name not in ("苏木", "嘎查")  # 苏木镇: levels


def _township_at(text: str, t: re.Match, n: int, lo: int) -> re.Match | None:
    """The township or village name of `n` characters ending with the suffix `t`, if it may be one."""
    if t.end() - n < lo:
        return None
    lm = LOCAL.fullmatch(text, t.end() - n, t.end())  # 西乡街道 is no 西乡 + 街道 cut at 乡
    ok = (
        lm is not None
        and not set(lm.group(1)) <= LOCAL_STOP
        and lm.group(0) not in township_name_words()["bad_name"]
        and not lm.group(0).endswith(township_name_words()["generic_end"])
    )
    return lm if ok else None


def townships_after_preposition(text: str) -> list[re.Match]:
    """在狮山镇、大沥镇设立: a township right after a preposition of place, ending before a
    clause mark or a verb; its name is none of the generic words above."""
    found = []
    for t in TOWNSHIP.finditer(text):
        if t.end() < len(text) and text[t.end()] in "镇乡村":
            continue  # 偏远乡镇, 城乡村: a longer word
        for n in (4, 3, 2):
            start = t.start() - n
            if start < 1 or text[start - 1] not in PLACE_PREPOSITIONS:
                continue
            lm = LOCAL.fullmatch(text, start, t.end())
            stem = text[start : t.start()]
            if lm is None or set(stem) & NOT_IN_PLACE_NAME or stem.startswith(township_name_words()["generic_stem"]):
                continue  # 来到辖区古城镇: 辖区 is no part of the name
            if text[start - 1] == "在" and text[start - 2 : start - 1] in NOT_PLACE_BEFORE_AT:
                continue  # 现在已是乡舍民居: 现在 is a time word
            if (
                local_ok(lm, chained=True)
                and not lm.group(0).endswith(township_name_words()["generic_end"])
                and _ends_place(text, t.end())
            ):
                found.append(lm)
                break
    return found


def _ends_place(text: str, end: int) -> bool:
    if end >= len(text) or text[end] in AFTER_PLACE:
        return True
    village = VILLAGE_AFTER.match(text, end)  # 在大埔镇龙美村: a village of the township follows
    if village is not None and not set(village.group(1)) & NOT_IN_PLACE_NAME:
        return True
    words = jieba_pos(text[end : end + 6])
    return bool(words) and (
        words[0][1].startswith(AFTER_PLACE_TAGS) or words[0][0] in township_name_words()["verb_after"]
    )


# two townships (or villages) of one level listed together (灯塔街道、川硐街道率先…, 陆家嘴街道、张江镇等7个街镇,
# 平原村、下概头村被评为…): the pair vouches for both names, though jieba knows neither; each 2-3 characters, the
# first after a clause's start or a preposition of place (在古定村、新圩村、长坪村试行), which is no part of the name
PAIR = re.compile(
    r"(?:^|(?<=[，。；：、（“\s在于赴到]))(?![在于赴到])([\u4e00-\u9fff]{2,3}?)(街道|镇|乡|村|社区)、"
    r"([\u4e00-\u9fff]{2,3}?)(街道|镇|乡|村|社区)"
)
PAIR_LEVEL = {"街道": 0, "镇": 0, "乡": 0, "村": 1, "社区": 1}  # a township's suffixes, a village's


# a township and a village of it, one right after the other (温泉镇汪畈村、天堂镇天悦社区分别…): the pair
# vouches for the township, and `regions` reads the village after it; each name 2-3 characters after a clause's start
TOWN_VILLAGE = re.compile(
    r"(?:^|(?<=[，。；：、（“\s]))([\u4e00-\u9fff]{2,3}?)(街道|镇|乡)([\u4e00-\u9fff]{2,3}?)(村|社区|嘎查)"
)


# what each must hold (both open with a look-behind, so `re` tries them at every character): a quick test
PAIR_JOINT = re.compile("(?:街道|镇|乡|村|社区)、")
TOWN_WORDS, VILLAGE_WORDS = ("街道", "镇", "乡"), ("村", "社区", "嘎查")


def township_pairs(text: str) -> list[re.Match]:
    found: list[re.Match] = []
    at = 0
    while PAIR_JOINT.search(text, at) and (p := PAIR.search(text, at)) is not None:
        at = p.start(3)  # the second name may open the next pair (A村、B村、C村)
        if PAIR_LEVEL[p.group(2)] != PAIR_LEVEL[p.group(4)]:
            continue  # 平原村、大沥镇: no list of one level
        first, second = LOCAL.fullmatch(text, p.start(1), p.end(2)), LOCAL.fullmatch(text, p.start(3), p.end())
        if first is not None and second is not None and _plain_name(first) and _plain_name(second):
            found += [m for m in (first, second) if not any(f.span() == m.span() for f in found)]
    if not (any(w in text for w in VILLAGE_WORDS) and any(w in text for w in TOWN_WORDS)):
        return found
    for p in TOWN_VILLAGE.finditer(text):
        town, village = LOCAL.fullmatch(text, p.start(1), p.end(2)), LOCAL.fullmatch(text, p.start(3), p.end())
        if (
            town is not None
            and village is not None
            and _plain_name(town)
            and _plain_name(village)
            and not town.group(0).endswith(township_name_words()["generic_end"])
            and not text.startswith(township_name_words()["suffix_word"], p.start(4))
        ):
            found.append(town)
    return found


def _plain_name(lm: re.Match) -> bool:
    stem = lm.group(1)
    return not (set(stem) & NOT_IN_PLACE_NAME or stem.startswith(township_name_words()["generic_stem"])) and local_ok(
        lm
    )


def local_at(text: str, pos: int) -> re.Match | None:
    """The township or village a division's name runs into: a name of 1-4 characters, else a transliterated
    one of five or six (乌审旗乌兰陶勒盖镇, 巴拉嘎尔高勒镇: all its characters transliteration's)."""
    lm = LOCAL.match(text, pos)
    if lm is not None:
        return lm
    long = LONG_LOCAL.match(text, pos)
    sounds = township_name_words()["transliteration"]
    return long if long is not None and all(c in sounds for c in long.group(1)) else None
