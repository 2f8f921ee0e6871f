"""Co-actors and member bodies of a measure. A co-actor named before the measure adopts what the
subject adopts (`joins`); so do the bodies of a clause after the measure that lists bodies as its members or
participants (…建立未成年人保护联席会议制度，区教育局、区民政局为成员单位; …等18个部门参与).
SPEC v2: every co-actor of a joint measure adopts it. So do the partners the subject signs with in the clause after
a measure of working together (…建立生态修复协作机制，与省林业和草原局等8家单位签订协作协议: `partners_after`)."""

from __future__ import annotations

import re

from ..lexicon_mechanisms import mechanism_cues
from .inst_base import InstitutionMention
from .mechanisms import MechanismMention
from .roles import CLAUSE_BREAK, PARTNER_ACT, clause_start, has_trigger, region_subjects

JOINERS = ("、", "和", "与", "及", "以及")
# a contribution word at most this far before a mechanism governs it (参与全市“平安荆州”建设)
CONTRIB_REACH = 2
# what ends a clause of members: 为成员单位, 等18个部门参与, 共同参与, 配合
# a list closed by 等 and perhaps a count (等, 等18个, 等8家)
COUNTED_BY_EXAMPLE = r"等(?:[0-9]+|[一二三四五六七八九十两]+)?(?:个|家)?"
MEMBER_TAIL = re.compile(
    rf"(?:{COUNTED_BY_EXAMPLE}(?:部门|单位|成员单位)?)?"
    r"(?:为|作为|是)?(?:成员单位|成员|共同参与|参与|配合|协同配合|共同配合)$"
)
MEMBER_OPENERS = ("", "由", "并由", "吸纳", "吸收")
# the parties of the joint act just told, opening a clause (…签署合作协议。根据协议，双方将建立…机制; 三家单位推行…)
# (双方当事人, 双方达成执行和解, 双方自愿: the parties of a case settling, not bodies acting)
PARTIES = re.compile(
    r"双方(?!当事人|达成|自愿|和解)|三方|各方|[两三]院|(?:[两三四五六七八九十]|[0-9]+)(?:家|个|地)?"
    r"(?:单位|部门|法院|检察院|检察机关|公安机关|司法机关|机关)"
)  # 三家法院将建立…, 两院共同…, 三部门联合…, 三地法院将推行…, 两地检察机关…


def member_bodies(text: str, bodies: list[InstitutionMention], after: int) -> list[InstitutionMention]:
    """The bodies that a clause starting after `after` lists as members, when the clause holds only
    them, the words that join them and a member word."""
    breaks = [m.start() for m in CLAUSE_BREAK.finditer(text, after)] + [len(text)]
    for start, end in zip(breaks, breaks[1:], strict=False):
        inside = [b for b in bodies if start < b.start and b.end <= end]
        if not inside or text[start + 1 : inside[0].start] not in MEMBER_OPENERS:
            continue
        gaps = [text[a.end : b.start] for a, b in zip(inside, inside[1:], strict=False)]
        if all(g in JOINERS for g in gaps) and MEMBER_TAIL.match(text[inside[-1].end : end]):
            return inside
    return []


def list_opening(who: InstitutionMention, bodies: list[InstitutionMention], text: str) -> InstitutionMention:
    """The first body of the list `who` closes (向县住建局、县消防救援大队发出检察建议 → 县住建局): what
    stands before the list governs all its members."""
    first = who
    for b in sorted((b for b in bodies if b.end <= who.start), key=lambda b: -b.end):
        if text[b.end : first.start] not in JOINERS:
            break
        first = b
    return first


def joins(
    text: str, who: InstitutionMention, mech: MechanismMention, role: str, bodies: list[InstitutionMention], subj: list
) -> bool:
    """A co-actor named before the mechanism, at most one clause break and no other body between them
    (a body the subject acts jointly with is one: A联合B、C建立M机制，开展N行动 → B, C and N);
    or a partner the subject's later clause opens with (…，并与A、B建立M机制: `partner_clause`)."""
    if role == "mention" and not joined_by_subject(text, who, bodies):
        return partner_clause(text, who, mech, bodies)
    return (
        role in ("coactor", "mention")
        and who.end <= mech.start
        and len(CLAUSE_BREAK.findall(text, who.end, mech.start)) <= 1
        and not any(b not in subj and list_closing(who, bodies, text).end <= b.start < mech.start for b in bodies)
    )


def list_closing(who: InstitutionMention, bodies: list[InstitutionMention], text: str) -> InstitutionMention:
    """The last body of the list `who` opens or stands in (联合市自然资源局、市生态环境局、市水务局 → 市水务局)."""
    last = who
    for b in sorted((b for b in bodies if b.start >= who.end), key=lambda b: b.start):
        if text[last.end : b.start] not in JOINERS:
            break
        last = b
    return last


# the words by which a subject takes partners into its act (A联合B、C…, A会同B…)
JOINED_BY = ("联合", "会同", "协同", "携手")


def joined_by_subject(text: str, who: InstitutionMention, bodies: list[InstitutionMention]) -> bool:
    """`who` is of the list right after 联合 (会同, 协同, 携手): the subject's partner in all its clause does."""
    return text.endswith(JOINED_BY, 0, list_opening(who, bodies, text).start)


def partner_clause(text: str, who: InstitutionMention, mech: MechanismMention, bodies: list) -> bool:
    """…推行A模式，并与B、C建立M机制: the list of partners opens a later clause of the sentence, and the
    mechanism follows them in that clause with no other body between."""
    if who.end > mech.start or CLAUSE_BREAK.search(text, who.end, mech.start):
        return False
    first, last = list_opening(who, bodies, text), list_closing(who, bodies, text)  # the list (B、C)
    clause = max((m.end() for m in CLAUSE_BREAK.finditer(text, 0, first.start)), default=0)
    return (
        clause > 0
        and last.end <= mech.start
        and PARTNER_OPENING.fullmatch(text, clause, first.start) is not None
        and not any(last.end <= b.start < mech.start for b in bodies)
    )


def parties_act(text: str, mech: MechanismMention, bodies: list[InstitutionMention]) -> bool:
    """A clause before the mechanism opens with 双方 (三方, 各方), and no body is named between."""
    return any(
        (p.start() == 0 or CLAUSE_BREAK.match(text, p.start() - 1))
        and not any(p.end() <= b.start < mech.start for b in bodies)
        for p in PARTIES.finditer(text, 0, mech.start)
    )


def parties_adopting(
    text: str, mechs: list[MechanismMention], bodies: list, parties: list, found: list, carried: list
) -> list:
    """(body, mechanism, role) triples not yet `found`: the `parties` of 双方将建立…机制 (when two or more),
    and the body `carried` into a subjectless clause that opens with the partners found to adopt
    (`carried_with_partners`)."""
    done = {(c.who.name, id(c.mech)) for c in found}
    out = []
    if len(parties) > 1:  # (parties_act asked only then: most sentences carry no parties)
        out = [(w, mm, "parties") for mm in mechs if parties_act(text, mm, bodies) for w in parties]
    out = [(w, mm, role) for w, mm, role in out if (w.name, id(mm)) not in done]
    return out + [(w, mm, "carried") for w, mm in carried_with_partners(text, bodies, carried, found)]


# a clause opening with its partners and no subject (…；与省总工会、省妇联等12家单位建立…机制): the body
# carried from before is the one that works with them
PARTNER_OPENING = re.compile(r"(?:[还并也]|并且|同时)?[与同]")


def carried_with_partners(text: str, bodies: list, carried: list, found: list) -> list:
    """(carried body, mechanism) pairs where the partners a subjectless clause opens with adopt a mechanism
    (they were found as its actors): the carried body is the clause's subject, and adopts it with them."""
    done = {(c.who.name, id(c.mech)) for c in found}
    out = []
    for c in found:
        if c.role != "mention":
            continue
        first = list_opening(c.who, bodies, text)
        clause = max((m.end() for m in CLAUSE_BREAK.finditer(text, 0, first.start)), default=0)
        if PARTNER_OPENING.fullmatch(text, clause, first.start):
            out += [(w, c.mech) for w in carried if (w.name, id(c.mech)) not in done and w.name != c.who.name]
            done.update((w.name, id(c.mech)) for w in carried)
    return out


# 与A、B等8家单位 + 签订: the list of partners, closed by 等 and a count of bodies
PARTNER_LIST_END = re.compile(rf"(?:{COUNTED_BY_EXAMPLE}(?:部门|单位))?")


def followers(text: str, bodies: list, mech: MechanismMention) -> list[tuple[InstitutionMention, str]]:
    """The bodies named after the measure the subject sets up that adopt it too, with their role:
    its members (`member_bodies`), or the partners of a measure of working together (`partners_after`)."""
    members = [(b, "member") for b in member_bodies(text, bodies, mech.end)]
    return members + [(b, "partner") for b in partners_after(text, mech, bodies, mechanism_cues().pair_tails)]


def partners_after(text: str, mech: MechanismMention, bodies: list, tails: tuple[str, ...]) -> list:
    """The bodies that the clause right after a measure of working together (its name ends with one of
    `tails`: 协作, 联动, 衔接 …) names as the subject's partners (与A、B等8家单位签订协作协议)."""
    brk = CLAUSE_BREAK.search(text, mech.end)
    if not mech.name.endswith(tails) or brk is None or brk.start() - mech.end > 4:
        return []  # (only the generic word, 工作机制, between the name and the clause's end)
    start = brk.start() + 1
    if not text.startswith("与", start):
        return []
    listed: list = []
    for b in sorted((b for b in bodies if b.start >= start + 1), key=lambda b: b.start):
        if b.start != (listed[-1].end if listed else start + 1) and not (
            listed and text[listed[-1].end : b.start] in JOINERS
        ):
            break
        listed.append(b)
    after = PARTNER_LIST_END.match(text, listed[-1].end) if listed else None
    if after is None or not PARTNER_ACT.match(text, after.end()):
        return []
    # 与工商联共建“商会仲裁中心”: a clause that names its own work (quoted) is another act, not this one
    clause_end = CLAUSE_BREAK.search(text, after.end())
    return [] if "“" in text[after.end() : clause_end.start() if clause_end else len(text)] else listed


def stationed(text: str, who: InstitutionMention) -> bool:
    """The clause goes on from the body to a word of moving in with no adoption verb (市信访局、市公安局等
    16个部门常驻，实行…): the bodies are stationed in a centre, whose measures they do not run."""
    end = CLAUSE_BREAK.search(text, who.end)
    rest = text[who.end : end.start() if end else len(text)]
    return has_trigger("station", rest) and not has_trigger("adopt", rest)


def governs(words: list[str], text: str, start: int, mech_start: int) -> bool:
    """One of `words` ends at most CONTRIB_REACH characters before the mechanism."""
    return any(
        0 <= mech_start - (i + len(w)) <= CONTRIB_REACH for w in words if (i := text.rfind(w, start, mech_start)) >= 0
    )


def region_takes_over(text: str, after: int, head: int, regions: list, bodies: list[InstitutionMention]) -> bool:
    """…，宝塔区要打造“枫桥式”派出所: a division in subject position opening the mechanism's own clause, after
    the subject's, is that clause's actor (SPEC v2 reads it as its body), not the subject before it."""
    start = clause_start(text, head)
    if LED_FRAME.match(text):
        return False  # 由X牵头，Y、Z参与，青岛还建立了…: the region frames the act of the bodies named
    return any(after < r.start < head and start <= r.start and region_subjects(text, [r], bodies) for r in regions)


# a sentence that opens naming the body that leads its act (由市发改委牵头，…)
LED_FRAME = re.compile(r"由[^，。；,;]{2,30}?(?:牵头|负责|主导)")


def collective_region_names(text: str, collective, regions: list) -> set[str] | None:
    """The names a region named right before a collective of several levels (兰州两级法院, 宜昌各级法院) may
    have, or None when no region stands there (两级法院; 全省法院 names its level and takes the article's)."""
    if collective.region_end is not None:
        return None
    r = next((r for r in regions if r.end == collective.start), None)
    if r is None:
        return None
    return {r.name} if r.local_level else {d.name for d in r.candidates}


def of_region(body: InstitutionMention, names: set[str] | None) -> bool:
    """The body belongs to one of the regions `names` (any, when None)."""
    return names is None or body.region_name in names
