"""Mechanism mentions: the curated SKOS vocabulary, plus names the text itself marks as one.

Curated concepts (ontology/mechanisms.ttl, prefLabel and altLabel) are matched with quotation
marks ignored, so “执转破” and “总对总”诉调对接 find their concepts. Names the scheme does not
know are discovered by the rules of `mech_discovery` and kept apart as `discovered`. Where
mentions overlap, the longest span wins, then the earliest; a discovered name equal to a
curated label is that concept.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from ..lexicon import Concept, gazetteer
from ..lexicon_mechanisms import mechanism_cues, mechanism_stoplist, mechanisms_by_label
from ..spans import DictMatcher, resolve_overlaps
from .mech_agreements import agreements
from .mech_discovery import QUOTED, discover
from .mech_forms import COUNT_VALUES
from .mech_names import QUOTE, Candidate, clean_name

# a label that names people (法律明白人), counted in people right before or after it, names those
# people, not the programme (附条件不起诉37人 is the procedure applied: it names no people)
PEOPLE_WORDS = ("人", "员")
PEOPLE_BEFORE = re.compile(r"\d+\s*[名位][\u4e00-\u9fff]{0,4}$")
PEOPLE_AFTER = re.compile(r"\d+(?:余|多)?\s*[名人](?!次)")


@dataclass
class MechanismMention:
    start: int
    end: int
    surface: str
    name: str
    concept: Concept | None  # None: discovered
    rule: str = ""  # mech.curated:<concept id>, mech.quoted+tail, mech.numbered, mech.setup-verb …


@lru_cache(maxsize=1)
def _lexicon() -> tuple[DictMatcher, dict[str, Concept]]:
    by_label = mechanisms_by_label()
    return DictMatcher(k for k in by_label if len(k) >= 2), by_label


def _curated(text: str) -> list[MechanismMention]:
    """Curated labels, matched as if the text had no quotation marks."""
    matcher, by_label = _lexicon()
    bare = QUOTE.sub("", text)
    hits = matcher.find(bare)
    if not hits:
        return []
    # where each character of the bare text stands in the text
    quoted = len(bare) < len(text)
    kept: range | _Unquoted = _Unquoted([m.start() for m in QUOTE.finditer(text)]) if quoted else range(len(text))
    out = []
    named_after = mechanism_stoplist().label_follows
    for s, e, label in hits:
        start, end = kept[s], kept[e - 1] + 1
        if bare.startswith(named_after, e):
            continue  # 人民调解员, 诉调对接中心: a role or a body named after the procedure
        if label.endswith(PEOPLE_WORDS) and (PEOPLE_BEFORE.search(bare, 0, s) or PEOPLE_AFTER.match(bare, e)):
            continue  # 聘请132名双语法律明白人, 法律明白人1860人: people counted, not the programme
        if quoted and _starts_inside_quote(text, start, end):
            continue  # “一庭三所”联动: 三所联动 would join the end of one name to the word after it
        c = by_label[label]
        out.append(MechanismMention(start, end, text[start:end], c.pref, c, f"mech.curated:{c.id}"))
    return out


class _Unquoted:
    """Where character i of a text without its quotation marks stands in the text, given where the marks
    stand (`quotes`, ascending): i plus the marks before it, counted on the way (the few a match needs,
    instead of a list of every character's place)."""

    def __init__(self, quotes: list[int]) -> None:
        self.quotes = quotes

    def __getitem__(self, i: int) -> int:
        at = i
        for q in self.quotes:
            if q > at:
                break
            at += 1  # a mark stands at or before the character: it stands one further on
        return at


def _starts_inside_quote(text: str, start: int, end: int) -> bool:
    """The match starts inside a quoted name, after its first character, and runs past its closing mark."""
    opened = max(text.rfind(q, 0, start) for q in OPENING_QUOTES)
    closed = min((i for q in CLOSING_QUOTES if (i := text.find(q, opened + 1)) >= 0), default=-1)
    return 0 <= opened < start - 1 and start < closed < end


OPENING_QUOTES = "“‘「"
CLOSING_QUOTES = "”’」"


def _without_region(name: str, surface: str) -> str:
    """成立鼓楼区未成年人保护共同体: an unquoted name opening with a division's full name is the
    region's instance of the mechanism, which is named without it."""
    if QUOTE.search(surface):
        return name
    full = gazetteer().full_names
    cut = next((k for k in range(2, 9) if name[:k] in full and len(name) - k >= 4), 0)
    return name[cut:]


def _as_mention(text: str, cand: Candidate) -> MechanismMention | None:
    _, by_label = _lexicon()
    name = _without_region(clean_name(cand.name), text[cand.start : cand.end])
    if cand.rule == "mech.numbered" and name in by_label:
        # 三治融合基层治理模式: the curated name with its generic words, so a phrase inside them loses
        c = by_label[name]
        return MechanismMention(cand.start, cand.end, text[cand.start : cand.end], c.pref, c, f"mech.curated:{c.id}")
    if name in by_label or (cand.core and clean_name(cand.core) in by_label):
        return None  # a curated label, quoted or with a generic word: the curated match stands for it
    return MechanismMention(cand.start, cand.end, text[cand.start : cand.end], name, None, cand.rule)


# an item of a list of problems (破解税收、信用修复、不动产处置等难题): a field where things go wrong, no measure
PROBLEM_LIST = re.compile(r"(?:、[^\W\d_的]{1,8}?)*等(?:难题|问题|难点|痛点|堵点|瓶颈)")


# a list its count name right after it spells out (人民调解、行政调解、司法调解“三调联动”): its items are that
# mechanism's parts, not mechanisms of their own (as “自治、法治、德治”三治融合 is read in mech_discovery)
SPELLED_LIST = re.compile(
    r"(?:[\u4e00-\u9fff]{2,10}、)+[\u4e00-\u9fff]{2,10}(?=[“‘]?([一二三四五六七八九十两双])[\u4e00-\u9fff])"
)


# what such a list ends with: its last item and the count (a quick scan that rules out most sentences)
SPELLED_END = re.compile(r"、[\u4e00-\u9fff]{2,10}[“‘]?[一二三四五六七八九十两双][\u4e00-\u9fff]")


def _spelled_parts(text: str) -> list[tuple[int, int]]:
    """The spans of the lists that the count name right after them spells out."""
    if not SPELLED_END.search(text):
        return []
    return [
        (m.start(), m.end())
        for m in SPELLED_LIST.finditer(text)
        if COUNT_VALUES.get(m.group(1)) == m.group(0).count("、") + 1
        and text[m.end(1) : m.end(1) + 1] not in mechanism_cues().counted  # 人民调解、司法确认两项制度: two of them
    ]


def find_mechanisms(text: str) -> list[MechanismMention]:
    spelled = _spelled_parts(text)
    found = [
        m
        for m in _curated(text)
        if not (PROBLEM_LIST.match(text, m.end) and "、" in text[m.start - 1 : m.end + 1])
        and not any(
            s <= m.start and m.end <= e and text[m.end : m.end + 1] in "、“‘一二三四五六七八九十两双"
            for s, e in spelled
        )
    ]
    for cand in discover(text) + agreements(text):
        m = _as_mention(text, cand)
        if m is not None:
            found.append(m)
    # several names may share one span (a counted list: “轮岗交流、双向选择”两项机制)
    spans: dict[tuple[int, int], list[MechanismMention]] = {}
    for m in found:
        same = spans.setdefault((m.start, m.end), [])
        if not same or (m.rule == same[0].rule == "mech.quoted+list" and all(o.name != m.name for o in same)):
            same.append(m)
    kept = resolve_overlaps(list(spans), key=lambda se: se)
    return [m for se in kept for m in spans[se]]


def quoted_span(start: int, surface: str) -> list[tuple[int, int]]:
    """The span of the quoted name a mention holds (“马背法庭+调解员”工作模式), or none: what
    `mech_discovery.QUOTED` reads as a quote."""
    m = QUOTED.search(surface)
    return [] if m is None else [(start + m.start(1), start + m.end(1))]
