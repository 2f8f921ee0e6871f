"""Mechanism mentions: the curated SKOS vocabulary, plus names the text itself marks as one.

Discovery rules (kept apart as `discovered` so a user can review and promote them):
* a quoted name followed by a generic word: “六调联动”解纷机制, “两队一室”新型警务模式;
* a quoted name that is itself numbered (一村一警, 三位一体) or an X+Y name;
* an unquoted numbered name right before a generic word: 一核三治工作法.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from ..lexicon import Concept, mechanisms
from ..spans import DictMatcher

GENERIC = "机制|模式|工作法|制度|改革|工作|行动|体系|理念|程序|建设|服务|举措|品牌|工程|平台|活动|计划|格局|方式|措施|做法|经验|法"
GENERIC_TAIL = re.compile(rf"(?:{GENERIC})$")
_NUM = "一二三四五六七八九十两双百千万多"
NUMBERED = re.compile(
    rf"^[{_NUM}][\u4e00-\u9fff（）()]{{1,6}}[{_NUM}][\u4e00-\u9fff（）()]{{1,4}}$|^[{_NUM}][\u4e00-\u9fff]{{1,3}}[一合]体$"
)
QUOTED = re.compile(r"[“\"‘'「]([^“”\"‘’'「」，。；！？\n]{2,30})[”\"’'」]")
AFTER_QUOTE = re.compile(rf"[\u4e00-\u9fff]{{0,6}}?(?:{GENERIC})")
UNQUOTED_NUMBERED = re.compile(
    rf"(?<![\u4e00-\u9fff])([{_NUM}][\u4e00-\u9fff]{{1,3}}[{_NUM}][\u4e00-\u9fff]{{1,3}})(?=(?:{GENERIC}))"
)
# quoted phrases that are goals or labels, not mechanisms
NOT_MECHANISM = re.compile(r"(难|案|一公里|问题|权益|作用|关键少数)$")
# a system named by its responsibility rule: 首办负责制, 联络人专责制, 港长制
RULE_NAME = re.compile(r"(负责制|责任制|专责制|长制|包案制|报告制)$")
# "建立双轨监管机制": a verb that sets something up, the name, and a generic word
SET_UP = re.compile(
    r"(?:(?:建立|创新|推行|实行|构建|探索|推出|打造|创建|健全)(?:了|起)?)+([\u4e00-\u9fff]{2,10}?)(?:机制|模式|制度|工作法|体系|格局)"
)
SET_UP_BAD_START = (
    "健全",
    "完善",
    "工作",
    "长效",
    "相关",
    "各项",
    "一套",
    "一系列",
    "常态化",
    "新型",
    "有效",
    "多元化",
    "一体化",
)
# "“轮岗交流、双向选择、下派任职”三项机制": a counted list names several mechanisms
COUNTED = re.compile(rf"[{_NUM}]+[项大个条种](?:{GENERIC})")
_NUMERAL_CHARS = set(_NUM + "级项个条种大号")


@dataclass
class MechanismMention:
    start: int
    end: int
    surface: str
    name: str
    concept: Concept | None  # None: discovered


@lru_cache(maxsize=1)
def _lexicon() -> tuple[DictMatcher, dict[str, Concept]]:
    by_label: dict[str, Concept] = {}
    for c in mechanisms().values():
        by_label[c.pref] = c
        for a in c.alts:
            by_label.setdefault(a, c)
    return DictMatcher(k for k in by_label if len(k) >= 2), by_label


def clean_name(s: str) -> str:
    """Drop quotes and one or two trailing generic words (SPEC: 交叉执行工作机制 → 交叉执行)."""
    s = re.sub(r"[“”\"‘’'「」『』]", "", s).strip()
    for _ in range(2):
        t = GENERIC_TAIL.sub("", s)
        if len(t) >= 2:
            s = t
    return s


def find_mechanisms(text: str) -> list[MechanismMention]:
    matcher, by_label = _lexicon()
    found: list[MechanismMention] = []
    for s, e, label in matcher.find(text):
        c = by_label[label]
        found.append(MechanismMention(s, e, text[s:e], c.pref, c))
    taken = [(m.start, m.end) for m in found]

    def free(s, e):
        return all(e <= a or s >= b for a, b in taken)

    quotes = list(QUOTED.finditer(text))
    for k, m in enumerate(quotes):
        inner = m.group(1).strip()
        # “荆楚雷霆”“终本清仓”等专项行动: quotes in a row share the generic word after the last
        j = k
        while j + 1 < len(quotes) and text[quotes[j].end() : quotes[j + 1].start()] in ("", "、", "和", "及", "与"):
            j += 1
        tail_at = quotes[j].end()
        if text.startswith("等", tail_at):
            tail_at += 1
        after = AFTER_QUOTE.match(text, tail_at)
        numbered = bool(NUMBERED.match(inner)) or "+" in inner or "＋" in inner
        if not (after or numbered or GENERIC_TAIL.search(inner) or RULE_NAME.search(inner)):
            continue
        if not free(m.start(), m.end()):
            continue
        parts = [inner]
        if "、" in inner and COUNTED.match(text, m.end()):
            parts = [p for p in inner.split("、") if p]
        for part in parts:
            name = clean_name(part)
            if not _plausible(name):
                continue
            end = after.end() if after and j == k else m.end()
            found.append(MechanismMention(m.start(), end, text[m.start() : end], name, None))
        taken.append((m.start(), m.end()))
    for m in SET_UP.finditer(text):
        name = m.group(1)
        if (
            name.startswith(SET_UP_BAD_START)
            or "的" in name
            or name.endswith(("新", "长效"))
            or not free(m.start(1), m.end())
            or not _plausible(name)
        ):
            continue
        found.append(MechanismMention(m.start(1), m.end(), text[m.start(1) : m.end()], clean_name(name), None))
        taken.append((m.start(1), m.end()))
    for m in UNQUOTED_NUMBERED.finditer(text):
        if free(m.start(1), m.end(1)) and _plausible(m.group(1)):
            found.append(MechanismMention(m.start(1), m.end(1), m.group(1), clean_name(m.group(1)), None))
            taken.append((m.start(1), m.end(1)))
    found.sort(key=lambda x: x.start)
    return found


def _plausible(name: str) -> bool:
    """A name, not a slogan or a count: no spaces or dashes, at least two characters that
    are not numerals (一号 is not a mechanism), not a goal (执行难)."""
    if len(name) < 2 or NOT_MECHANISM.search(name) or re.search(r"\s|—|——", name):
        return False
    if sum(1 for c in name if c not in _NUMERAL_CHARS) < 2:
        return False
    if len(name) > 14 and not re.search(r"[、+＋\-—]", name):
        return False
    return True
