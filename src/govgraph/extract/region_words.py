"""Word boundaries around a region's name, as jieba reads the text around it."""

from __future__ import annotations

import re
from functools import lru_cache

from ..headline import dateline_end
from ..lexicon import gazetteer, institution_heads, triggers
from ..segment import in_jieba_block, jieba_cut
from ..spans import DictMatcher, words_pattern

DIVISION_SUFFIXES = set("省市州县区盟旗")
CONJUNCTIONS = set("和与及或同跟")


def starts_word(text: str, s: int, e: int, head: int = 0) -> bool:
    """jieba starts a word at s (天山南北 holds no 山南), and the name's end is not the start of
    another word (一中心四平台 is cut 四|平台: no 四平), checked on a window around the hit. The end
    may fall inside a word that starts with the name (苏州工业园区) or with its suffix (黄南州委 cut 黄南|州委).
    `head`: the length of an institution's head right after the name; a word that runs from inside the
    name into it, and not past it, is jieba gluing the name's tail to the head (佛|山海关 in 佛山海关)."""
    lo = max(0, s - 4)
    return _window_starts_word(text[lo : min(len(text), e + 4)], s - lo, e - lo, e - lo + head if head else -1)


STREET_ENDS = ("路", "街", "大道", "大街", "巷")
# 海口村, 长沙村: a village named like a city (村 opening no longer word: 南京村民, 杭州村级, 村（社区）)
VILLAGE_AFTER = re.compile(r"村(?![民级委务庄居社干镇落（(])")


def names_a_village(text: str, e: int) -> bool:
    """The short form ending at `e` is a village's name: 村 follows it as a word of its own."""
    return VILLAGE_AFTER.match(text, e) is not None


@lru_cache(maxsize=8192)
def _window_starts_word(window: str, s: int, e: int, head_end: int = -1) -> bool:
    """See `starts_word`; offsets into `window` (the same names recur: cached)."""
    pos, starts = 0, False
    for w in jieba_cut(window):
        if pos == s:
            if len(w) > e - s and w.endswith(STREET_ENDS):
                return False  # 重庆路街道, 北京路派出所: a street named after the place
            starts = True
        glued = pos + len(w) <= head_end  # 佛|山海关 before the head 海关
        if s < pos < e < pos + len(w) and not (pos == e - 1 and w[0] in DIVISION_SUFFIXES) and not glued:
            return False  # a word starting inside the name runs past its end (not 黄南州|委 cut 黄南|州委)
        if pos >= e:
            break
        pos += len(w)
    return starts


def is_whole_word(text: str, s: int, e: int) -> bool:
    """jieba reads text[s:e] as one word of its own (莘县, not 充沛|县域)."""
    lo = max(0, s - 4)
    pos = lo
    for w in jieba_cut(text[lo : min(len(text), e + 4)]):
        if pos == s:
            return pos + len(w) == e
        if pos > s:
            return False
        pos += len(w)
    return False


def starts_inside_word(text: str, s: int, e: int) -> bool:
    """jieba reads the name's start as the end of a word that began before it (闽西|山区 holds no
    西山区); a word running to the name's end or past it (新疆伊犁哈萨克自治州, 那曲|市色尼区) does not count."""
    if s == 0 or not in_jieba_block(text[s - 1]):
        return False  # the name opens the text or follows punctuation (half the names): no word runs into it
    lo = max(0, s - 4)
    return _window_starts_inside(text[lo : min(len(text), e + 4)], s - lo, e - lo)


@lru_cache(maxsize=8192)
def _window_starts_inside(window: str, s: int, e: int) -> bool:
    """See `starts_inside_word`; offsets into `window`."""
    pos = 0
    for w in jieba_cut(window):
        if pos < s < pos + len(w):
            return pos + len(w) < e
        if pos >= s:
            return False
        pos += len(w)
    return False


def _after_word(text: str, s: int) -> bool:
    return s > 0 and "\u4e00" <= text[s - 1] <= "\u9fff"


def name_of_conjunction(text: str, s: int, surface: str) -> bool:
    """和县 read as 和 + 县…: a conjunction-led two-character county right after a word."""
    return len(surface) == 2 and surface[0] in CONJUNCTIONS and _after_word(text, s)


@lru_cache(maxsize=1)
def _joint_verbs() -> tuple[str, ...]:
    return tuple(triggers()["joint"])


def name_of_joint_verb(text: str, s: int, surface: str) -> bool:
    """会同县 read as 会同 + 县…: a county whose name starts with a verb of acting together, after
    a body or a comma (县法院会同县林业局, …，会同县司法局), not at a clause's start or in a list."""
    return surface.startswith(_joint_verbs()) and (_after_word(text, s) or text[s - 1 : s] in ("，", "；"))


@lru_cache(maxsize=1)
def region_matcher() -> DictMatcher:
    return DictMatcher(k for k in gazetteer().by_name if len(k) >= 2)


@lru_cache(maxsize=1)
def regional_heads() -> tuple[str, ...]:
    heads = institution_heads()
    return tuple(sorted((h for h, v in heads.items() if v.scope == "regional"), key=len, reverse=True))


@lru_cache(maxsize=1)
def _heads_by_first() -> dict[str, re.Pattern]:
    """The regional heads by their first character (most characters open none), each group one pattern of
    them longest first: `re` tries the alternatives in order, so its match is the longest head there."""
    out: dict[str, list[str]] = {}
    for h in regional_heads():
        out.setdefault(h[0], []).append(h)
    return {first: words_pattern(heads) for first, heads in out.items()}


def followed_by_head(text: str, end: int) -> bool:
    """A regional institution head follows (崂山法院); a named one does not count, since
    北关派出所 or 东胜派出所 name a station, not the district 北关区."""
    return head_after(text, end) > 0


def head_after(text: str, end: int) -> int:
    """The length of the longest regional institution head right after `end` (0: none)."""
    heads = _heads_by_first().get(text[end : end + 1])
    m = heads.match(text, end) if heads is not None else None
    return m.end() - end if m is not None else 0


def yields_to_head(text: str, s: int, e: int) -> bool:
    """A name with no head after it starts inside another that ends before a head (佛山海关 is 佛山 +
    海关, not 佛 + 山海关): the match turned down lets `_hidden` take the other."""
    lo = max(0, s - 6)
    return any(
        a + lo < s < b + lo < e and followed_by_head(text, b + lo) for a, b, _ in region_matcher().find_all(text[lo:e])
    )


# 据西藏日报报道, 据中央纪委国家监委网站消息: a sentence opening with whose report it retells names the outlet, a
# credit (SPEC v2: credit lines name no region and no institution), not a place or a body of the story
REPORTED_BY = re.compile(
    r"[\s\u3000]*据[^\s，。,；;：:“”]{2,14}?(?:报|网|网站|台|社|新闻|客户端|公众号|微博)(?:消息|报道)[，,\s\u3000]*"
)


def reported_by_end(text: str) -> int:
    """Where the credit opening `text` (据…报道) ends (0: none)."""
    if "据" not in text[:3]:
        return 0  # the common case, told by a slice
    m = REPORTED_BY.match(text)
    return m.end() if m else 0


def credit_end(text: str) -> int:
    """Where the outlet opening `text` ends: its dateline (本报北京4月7日讯) or whose report it retells (据…报道)."""
    return max(dateline_end(text), reported_by_end(text))
