"""Which clause a body opens, in adoption candidates: a body that opens a later clause takes the mechanisms
after it over from the subject (`superseded`); a speaker or the staff opening a sentence say whose it is; an
urging word before the mechanism makes it the work of the body pressed (`urges`); a mechanism that is what a
training or a talk is about is not carried out (`taught`)."""

from __future__ import annotations

import re
from functools import lru_cache

from ..lexicon import triggers
from .adopt_members import region_takes_over
from .inst_base import InstitutionMention
from .roles import (
    CLAUSE_BREAK,
    PERSON_AFTER,
    REPORTING,
    bare_system_in,
    clause_start,
    opener_end,
    oversees,
    trigger_pattern,
)
from .roles import LEAD as STARTS_CLAUSE


def opens_clause(text: str, who: InstitutionMention) -> bool:
    """Only a time phrase or an adverb (近日，, 二是) stands between the body and its clause's start."""
    return STARTS_CLAUSE.fullmatch(text[clause_start(text, who.start) : who.start]) is not None


def superseded(text: str, who: InstitutionMention, head: int, bodies: list, subj: list, regions: list) -> bool:
    """Another body (or a division: …，宝塔区要打造…) opens a clause between the subject and the mechanism
    (X法院推行…，Y法庭则建立…): that clause is Y's."""
    return region_takes_over(text, who.end, head, regions, bodies) or any(
        who.end <= b.start < head
        and b not in subj
        and not b.prefix_only
        and opens_clause(text, b)
        and clause_start(text, b.start) > who.end
        and not (oversees(text, b) or text.startswith("的", b.end) or PERSON_AFTER.match(text, b.end))
        for b in bodies
    )


def speaker_opens(text: str, who: InstitutionMention) -> bool:
    """A body's speaker opens the sentence (X相关负责人表示，…): what follows is that body's, not the
    body carried from earlier sentences."""
    return opens_clause(text, who) and REPORTING.match(text, who.end) is not None


def staff_opens(text: str, who: InstitutionMention) -> bool:
    """The body's rank-and-file staff (not its leaders, who mostly speak) open the clause (X检察院检察官…,
    X法庭的法官们…)."""
    at = who.end + (1 if text.startswith("的", who.end) else 0)
    return (
        opens_clause(text, who)
        and text.startswith(tuple(triggers()["staff"]), at)
        and REPORTING.match(text, at) is None
    )


def opener(text: str, who: InstitutionMention) -> bool:
    """The body's speaker or its staff open the sentence: the sentence is that body's."""
    return speaker_opens(text, who) or staff_opens(text, who)


def unless_said(text: str, bodies: list, carried: list) -> list:
    """The bodies carried over, unless a body's speaker or staff open the sentence (X检察长表示，将与A、B
    共同建立…): the sentence is that body's, which adopts as a speaker, not the body carried."""
    return [] if any(opener(text, b) for b in bodies[:1]) else carried


def role_of(text: str, who: InstitutionMention, mech_start: int, subj: list) -> str:
    """The body's role for a mechanism: the sentence's subject, a co-actor in it, or a body it mentions,
    unless it is the subject of the mechanism's later clause (…，迎泽区人民检察院推行…)."""
    if who in subj:
        return "subject" if who is subj[0] else "coactor"
    return "subject" if clause_subject(text, who, mech_start) else "mention"


def clause_subject(text: str, who: InstitutionMention, mech_start: int) -> bool:
    """A body the sentence did not take for its subject opens a later clause, or its staff open the sentence,
    and the mechanism follows in that clause (…，迎泽区人民检察院推行重大案件“提前介入”; X法庭的法官们…开展巡回审判):
    the clause's actor."""
    if who.end > mech_start or not opens_clause(text, who):
        return False
    if staff_opens(text, who):
        return clause_start(text, who.start) == 0  # the sentence's: all its clauses
    return (
        not CLAUSE_BREAK.search(text, who.end, mech_start)
        and clause_start(text, who.start) > 0
        and not (text.startswith("的", who.end) or PERSON_AFTER.match(text, who.end) or REPORTING.match(text, who.end))
    )


def urges(text: str, clause_from: int, who, mech_start: int) -> bool:
    """An urging word (triggers.tsv role urge: 督促, 责令 …) in the mechanism's clause, after `who` when it
    stands there: the body (or the one carried, `who` None) presses another to carry the mechanism out. A
    word that ends a quoted name or a list item (“街道吹哨、部门报到、法院指导”) presses no one."""
    start = clause_from if who is None or who.start >= mech_start else max(clause_from, who.end)
    parties = tuple(triggers()["urged_party"])
    return any(
        not text.startswith(parties, m.end())
        and text[m.end() : m.end() + 1] not in URGE_ENDS
        and not _own_units().match(text, m.end())
        for m in trigger_pattern("urge").finditer(text, start, mech_start)
    )


@lru_cache(maxsize=1)
def _own_units() -> re.Pattern:
    """Many units of the urging body's own line (各乡镇司法所, 辖区基层法院: triggers.tsv roles
    subordinate_lead + subordinate_unit): the body deploys the measure through them, and adopts it."""
    leads = "|".join(map(re.escape, triggers()["subordinate_lead"]))
    units = "|".join(map(re.escape, triggers()["subordinate_unit"]))
    # 各县（市、区）司法局: a bracketed list of the levels may stand between
    return re.compile(f"(?:{leads})[\u4e00-\u9fff]{{0,4}}?(?:（[^）]{{1,6}}）)?(?:{units})")


URGE_ENDS = '”」』"、，。；'  # what right after an urging word shows it presses no one


# what makes the words after it the subject matter of a training or a talk (围绕…展开, 就…进行授课)
ABOUT = ("围绕", "就", "关于")
# the words that may stand between the mechanism and its training (认罪认罚从宽制度专题培训); a training of the
# scheme's own people (“法律明白人”示范培训班) runs the scheme
TOPIC_BETWEEN = re.compile(r"[”’\"]?(?:制度|机制|程序|工作)?(?:专题|业务|知识|政策|法律|实务|相关)?")


def taught(text: str, clause_from: int, mech_start: int, mech_end: int) -> bool:
    """The mechanism is what a training or a talk is about (triggers.tsv role topic): a topic word right after it
    (…制度专题培训), or one in its clause with 围绕, 就 or 关于 before it (培训围绕X展开, 邀请专家就X进行授课)."""
    between = TOPIC_BETWEEN.match(text, mech_end)
    if between is not None and trigger_pattern("topic").match(text, between.end()):
        return True
    if not any(w in text[clause_from:mech_start] for w in ABOUT):
        return False
    stop = CLAUSE_BREAK.search(text, mech_end)
    return bool(trigger_pattern("topic").search(text, clause_from, stop.start() if stop else len(text)))


# a time phrase opening a clause right before its verb (仅2023年就发出…, 今年以来共开展…, 上半年累计办理…)
TIME_OPENER = re.compile(
    r"(?:仅|截至)?(?:\d{4}年|今年|去年|近年来|近日|目前|上半年|下半年)(?:\d{1,2}月)?(?:以来|上半年|下半年|底|初)?"
    r"(?:就|共|累计|先后)?"
)


def opens_without_subject(text: str, clause_from: int, verbs: tuple[str, ...], head: int) -> bool:
    """The clause has no subject of its own: it opens with its verb, an adverb or an ordinal
    (二是扎实开展…), or with what the act is for, then a verb before the mechanism at `head`
    (对醉驾案件全面适用…; in 对附条件不起诉的未成年人开展帮教 the mechanism is not what is done). A time phrase
    may come first (仅2023年就发出司法建议书…) and a bare staff word may open it (民警及时对…进行了保护性止付,
    干警随即开启…): the staff of the body the text is about act."""
    time = TIME_OPENER.match(text, clause_from)
    clause_from = time.end() if time else clause_from
    start = _staff_end(text, opener_end(text, clause_from))
    opener = opener_end(text, start)
    if text.startswith(verbs, opener) or opener > start + 1 or start > clause_from + 1:
        return True
    if not text.startswith(("对", "针对", "就"), start):
        return False
    stop = CLAUSE_BREAK.search(text, start)
    end = min(stop.start() if stop else len(text), start + 16, head)
    return any(text.startswith(verbs, opener_end(text, pos)) for pos in range(start + 2, end))


def _staff_end(text: str, pos: int) -> int:
    """Where a bare staff word (triggers.tsv role staff: 民警, 干警们) at `pos` ends, or `pos`."""
    word = _staff_at(text, pos)
    return pos + len(word) + (1 if text.startswith("们", pos + len(word)) else 0) if word else pos


def _staff_at(text: str, pos: int) -> str:
    return next((w for w in triggers()["staff"] if text.startswith(w, pos)), "")


def staff_kind(text: str, clause_from: int) -> str | None:
    """The kind of body (court, procuratorate, public_security) whose bare staff open the clause at `clause_from`
    after openers only (检察官及时进行…), by triggers.tsv roles staff_<kind>; None for staff of every kind (干警) or
    none."""
    word = _staff_at(text, opener_end(text, clause_from))
    kinds = [role[6:] for role, words in triggers().items() if role.startswith("staff_") and word in words]
    return kinds[0] if word and kinds else None


def outsider_staff_opens(text: str, clause_from: int) -> bool:
    """The staff of an organisation that is no public body open the clause (银行工作人员依托警银联动机制…, 企业员工…;
    triggers.tsv roles outsider, outsider_staff): the clause has a subject of its own, not the body carried."""
    at = opener_end(text, clause_from)
    org = next((w for w in triggers()["outsider"] if text.startswith(w, at)), "")
    return bool(org) and text.startswith((*triggers()["staff"], *triggers()["outsider_staff"]), at + len(org))


def speaks_of_another(text: str, who: InstitutionMention, mm) -> bool:
    """A bare system word opens a clause of the speech before the mechanism (…说：“检察机关作为…，积极开展…), and the
    speaker's body is not of that system."""
    other = bare_system_in(text, who.end, mm.start)
    return other is not None and not other.includes(who)


def helps(text: str, who: InstitutionMention) -> bool:
    """The body's predicate is helping another's work (X积极配合，…; X也参与“共享法庭”建设; triggers.tsv role contribute
    right after it, after adverbs only): the text is still about the body it helps."""
    return text.startswith(tuple(triggers()["contribute"]), opener_end(text, who.end))
