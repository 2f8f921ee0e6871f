"""Subjects found through what the article said before (gold/SPEC.md, "Rulings (v2)", subjects).

A figure's clause often names its actor by a short form that only the text before explains:
its staff (周潭派出所民警… then 民警…), a bare head (法庭5名干警 in an article about one 人民法庭),
a two-level court system under a short name (广铁两级法院 for 广州铁路运输中级法院), or 全市 in a
paragraph about that city's body. The words are data (data/subject_cues.tsv); each choice
carries its rule id (`subj.staff`, `subj.bare-head`, `subj.two-level`, `subj.jurisdiction`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache

from ..lexicon import subject_cues
from ..segment import jieba_pos, word_frequency
from .subject_base import SentenceView, SubjectChoice, opens_clause_at, subject_clause_start

NOUN_TAGS = ("n", "j")
JOINED_WORD = 100  # a two-character word this common in jieba's dictionary is one word, not two
SHORT_FORM = 4  # the longest short name in front of 两级法院 (广铁, 荆州)


@dataclass
class Recall:
    """What an article has named so far."""

    bodies: list[str] = field(default_factory=list)  # bodies named, the latest last
    staff: dict[str, str] = field(default_factory=dict)  # staff word → the body last named with it

    def note(self, view: SentenceView) -> None:
        """Adds the bodies the sentence names, and X民警 as who 民警 are. The sentence's subject counts
        as named last: a bare head after it (该中心整合A、B法律援助中心等部门入驻。中心共接待…) stands for
        the body the article talks about, not for the last of a list it acted on."""
        staff = subject_cues().get("staff", {})
        named = [im for im in view.insts if im not in view.subjects] + [im for im in view.insts if im in view.subjects]
        for im in named:
            if im.prefix_only:
                continue
            if im.name in self.bodies:
                self.bodies.remove(im.name)
            self.bodies.append(im.name)
            word = next((w for w in staff if view.text.startswith(w, im.end)), None)
            if word is not None:
                self.staff[word] = im.name


def recalled_agents(view: SentenceView, pos: int, recall: Recall) -> list[tuple[int, SubjectChoice]]:
    """Agents before `pos` that only the article's earlier text identifies, with where they stand."""
    if _recall_words().search(view.text) is None:
        return []  # most sentences: each rule below looks for one of these words in the text first
    return _staff_agents(view, pos, recall) + _bare_heads(view, pos, recall) + _two_level(view, pos, recall)


@lru_cache(maxsize=1)
def _recall_words() -> re.Pattern:
    """Any word of the rules below: a staff word (民警), a bare head (法庭) or a two-level system (两级法院)."""
    cues = subject_cues()
    words = [*cues.get("staff", {}), *cues.get("bare_head", {}), *cues.get("two_level", {})]
    return re.compile("|".join(map(re.escape, words)) or "(?!)")


def _covered(view: SentenceView, start: int) -> bool:
    return any(im.start <= start < im.end for im in view.insts)


def _staff_agents(view: SentenceView, pos: int, recall: Recall) -> list[tuple[int, SubjectChoice]]:
    """X派出所民警成功拦截… (X acts through its staff); 民警及时止付… (the body last named with 民警)."""
    text, out = view.text, []
    staff = subject_cues().get("staff", {})
    for im in view.insts:
        if im.end <= pos and any(text.startswith(w, im.end) for w in staff) and opens_clause_at(text, im.start):
            out.append((im.start, SubjectChoice(im.name, "subj.staff")))
    before = text[:pos]
    for word in staff:
        body = recall.staff.get(word)
        if body is None or word not in before:  # the common case: skip the regex search
            continue
        for m in re.finditer(re.escape(word), before):
            if not _covered(view, m.start()) and opens_clause_at(text, m.start()):
                out.append((m.start(), SubjectChoice(body, "subj.staff")))
    return out


def _bare_heads(view: SentenceView, pos: int, recall: Recall) -> list[tuple[int, SubjectChoice]]:
    """法庭5名干警: a head standing as a word of its own in the figure's clause, for the body last named with it."""
    text = view.text
    heads = subject_cues().get("bare_head", {})
    if not any(text.find(h, 0, pos) >= 0 for h in heads):
        return []  # no head before `pos` at all (most sentences): the clause need not be found
    start = subject_clause_start(text, pos)
    if not any(_stands_free(view, start, pos, h) and any(b.endswith(h) for b in recall.bodies) for h in heads):
        # the common case: no head in the clause but inside a body's name (综治中心), or none the article named a
        # body with, so no word of jieba's there is one the loop below keeps: jieba need not read the clause
        return []
    out = []
    previous = ("", "")
    offset = start
    for word, flag in jieba_pos(text[start:pos]):
        if word in heads and not _covered(view, offset):
            body = next((b for b in reversed(recall.bodies) if b.endswith(word)), None)
            if body is not None and _stands_alone(previous, text[max(start, offset - 2) : offset]):
                out.append((offset, SubjectChoice(body, "subj.bare-head")))
        previous = (word, flag)
        offset += len(word)
    return out


def _stands_free(view: SentenceView, start: int, end: int, head: str) -> bool:
    """`head` stands in the text between `start` and `end` somewhere no body's name covers."""
    i = view.text.find(head, start, end)
    while i >= 0:
        if not _covered(view, i):
            return True
        i = view.text.find(head, i + 1, end)
    return False


def _stands_alone(previous: tuple[str, str], two_before: str) -> bool:
    """A head stands alone after the clause start or a one-character word that is no noun (是法庭…);
    after a longer word it is the end of a name the rules do not know (调解中心, 巡回法庭), also where
    jieba cut that word apart (多元化解中心: 多元化/解, but 化解 is a word)."""
    word, flag = previous
    if not word:
        return True
    return len(word) == 1 and not flag.startswith(NOUN_TAGS) and word_frequency(two_before) < JOINED_WORD


def _two_level(view: SentenceView, pos: int, recall: Recall) -> list[tuple[int, SubjectChoice]]:
    """广铁两级法院: the named lead court whose name holds 中级 and every character of the short form 广铁."""
    text, out = view.text, []
    before = text[:pos]
    for word, lead in subject_cues().get("two_level", {}).items():
        if word not in before:  # the common case: skip the regex search
            continue
        for m in re.finditer(re.escape(word), before):
            clause = subject_clause_start(text, m.start())
            short = re.search(rf"[\u4e00-\u9fff]{{1,{SHORT_FORM}}}$", text[clause : m.start()])
            if short is None:
                continue
            at = clause + short.start()
            if _covered(view, at) or not opens_clause_at(text, at):
                continue
            # the lead court itself, not a tribunal of it (宜昌市中级人民法院长江三峡环境资源法庭); the
            # sentence may name it before (记者从遵义市中级人民法院获悉，遵义两级法院…)
            named = recall.bodies + [im.name for im in view.insts if im.end <= at]
            body = next(
                (b for b in reversed(named) if lead in b and b.endswith("院") and _abbreviates(short.group(0), b)),
                None,
            )
            if body is not None:
                out.append((at, SubjectChoice(body, "subj.two-level")))
    return out


def _abbreviates(short: str, name: str) -> bool:
    """广铁 abbreviates 广州铁路运输中级法院: its characters stand in the name in order."""
    i = 0
    for c in short:
        i = name.find(c, i)
        if i < 0:
            return False
        i += 1
    return True


# a region's figures read as the work of the body whose region it is: 全市… (collective), or the sentences after it
JURISDICTION_RULES = ("subj.collective-region", "subj.paragraph-scope")


def jurisdiction(choice: SubjectChoice, body: tuple[str, str | None] | None) -> SubjectChoice:
    """全市共处置… in a paragraph whose last agent is the city's body (铜陵公安把…): the body's work, and so are the
    figures of the sentences after it with no agent of their own (今年以来，通过“共享法庭”开展在线调解2134次)."""
    if choice.rule not in JURISDICTION_RULES or body is None or choice.name is None:
        return choice
    name, region = body
    return SubjectChoice(name, "subj.jurisdiction") if region == choice.name else choice
