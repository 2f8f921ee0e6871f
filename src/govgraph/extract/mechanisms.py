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
NUMBERED = re.compile(rf"^[{_NUM}][\u4e00-\u9fff（）()]{{1,4}}[{_NUM}][\u4e00-\u9fff（）()]{{1,4}}$|^[{_NUM}][\u4e00-\u9fff]{{1,3}}[一合]体$")
QUOTED = re.compile(r"[“\"‘'「]([^“”\"‘’'「」，。；！？\n]{2,30})[”\"’'」]")
AFTER_QUOTE = re.compile(rf"[\u4e00-\u9fff]{{0,6}}?(?:{GENERIC})")
UNQUOTED_NUMBERED = re.compile(
    rf"(?<![\u4e00-\u9fff])([{_NUM}][\u4e00-\u9fff]{{1,3}}[{_NUM}][\u4e00-\u9fff]{{1,3}})(?=(?:{GENERIC}))"
)
# quoted phrases that are goals or labels, not mechanisms
NOT_MECHANISM = re.compile(r"(难|案|一公里|问题|权益|作用|关键少数)$")


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

    for m in QUOTED.finditer(text):
        inner = m.group(1).strip()
        after = AFTER_QUOTE.match(text, m.end())
        numbered = bool(NUMBERED.match(inner)) or "+" in inner or "＋" in inner
        if not (after or numbered or GENERIC_TAIL.search(inner)):
            continue
        name = clean_name(inner)
        if len(name) < 2 or NOT_MECHANISM.search(name) or not free(m.start(), m.end()):
            continue
        end = after.end() if after else m.end()
        found.append(MechanismMention(m.start(), end, text[m.start():end], name, None))
        taken.append((m.start(), end))
    for m in UNQUOTED_NUMBERED.finditer(text):
        if free(m.start(1), m.end(1)):
            found.append(MechanismMention(m.start(1), m.end(1), m.group(1), m.group(1), None))
            taken.append((m.start(1), m.end(1)))
    found.sort(key=lambda x: x.start)
    return found
