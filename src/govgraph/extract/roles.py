"""Who acts in a sentence: the institution in subject position, and the bodies coordinated
with it (自治区高级人民法院与自治区人民检察院、公安厅…联合会签).

An institution is a subject when it opens a clause, possibly after a time phrase or a
sentence adverb (近日，贵州省仁怀市人民法院通过…), is not governed by a preposition (在荆州区
人民法院执行的案件中) and is not the employer of a person who is the real subject
(最高法执行局局长黄文俊说).
"""

from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass
from functools import lru_cache

from ..headline import dateline_end
from ..lexicon import subject_cues, triggers
from ..lexicon_collectives import collective_leads, collective_systems
from ..spans import words_pattern
from .inst_base import SPEAKER_WE

# full-width and ASCII punctuation alike: many outlets write 近日,X法院…
CLAUSE_START = "，。；：！？”」）\n,;:!?"
CLAUSE_BREAKS = "，。；：！？,;:"  # what ends a clause inside a sentence
CLAUSE_BREAK = re.compile(f"[{CLAUSE_BREAKS}]")
LEAD = re.compile(
    r"^(?:\s|(?:\d{4}年)?(?:\d{1,2}月)?(?:\d{1,2}日)?(?:以来|起|后|前|中)?|近日|近年来|今年以来|去年以来|"
    r"目前|同时|此外|随后|后|遂|为此|对此|其中|如今|今年|去年|当前|截至目前|此前|另外|另一方面|一方面|"
    r"据悉|据介绍|据了解|据|记者(?:从[^，。,]{1,20})?(?:获悉|了解到)|首先|其次|最后|由|经|而|并|也|还|"
    # an item of a list of measures (二是武汉市中级人民法院与…共建…): the item's own subject
    r"[一二三四五六七八九十]是|"
    # a body of the jurisdiction just named (辖区渝中区人民法院推行…)
    r"辖区|辖内|所辖|下辖|"
    # a dateline and byline opening the article's first sentence (本报讯 记者 马丽 阿克苏地区司法局…)
    r"本报讯|本报\S{0,12}?(?:讯|电)|(?:本报)?(?:记者|通讯员)\s*[\u4e00-\u9fa5]{2,3}(?=\s)|"
    # the first members of a list sharing the head (莘县、高唐县检察院)
    r"[\u4e00-\u9fa5]{1,6}(?:省|市|区|县|旗|盟)[、和与及])*"
)
PERSON_AFTER = re.compile(
    r"(?:执行局|执行庭|党组|审判委员会)?(?:执行)?(?:干警|法官|院长|副院长|局长|副局长|庭长|副庭长|书记|副书记|"
    r"检察官|检察长|民警|辅警|所长|主任|副主任|记者|教授|工作人员|负责人|干部|委员|部长|队长|政委|研究员|"
    r"常委|相关负责人|党组书记|专职|调解员|党委书记|主席|副主席|会长|副会长|理事长|秘书长|处长|副处长|科长|站长|"
    r"厅长|副厅长|行长|副行长|董事长|总经理|经理|镇长|区长|县长|市长|省长|团长|大队长|支队长)"
)
# "" : two names written together (黄南州委州政府)
COORDINATORS = ("与", "和", "、", "及", "会同", "联合", "以及", "同", "携手", "")
# 由A牵头，B、C参与 (A牵头，会同B、C…): the bodies listed in the clause after the lead's act with it
LEAD_ACT = re.compile(r"(?:牵头|主导|统筹)[，,](?:会同|联合|协调|组织)?")  # 牵头，会同A、B…
# 政法委统筹区法院、区检察院…，健全…: the bodies the subject brings together act with it
ORGANISES = re.compile(r"(?:统筹|组织|协调)(?:协调)?")
# a clause that ends in a reporting verb names a speaker's employer, not an actor:
# 中国政法大学全面依法治国研究院教授刘静坤对记者说
REPORTING = re.compile(r"[^，。；：！？,;:!?]*?(?:说|表示|介绍|指出|认为|告诉|坦言|称|谈到)(?:[，。：:；,;]|$)")
# 经X批准，Y设立…: X approves what Y does; it is neither the subject nor an actor (经X调解 still is)
APPROVED_BY = re.compile(r"(?:报|提请)?经$")
APPROVES = re.compile(r"(?:的)?(?:批准|同意|授权|批复|核准|审批)")
# 由市司法局主管，: the body that oversees the subject, in a clause of its own
OVERSEEN_BY = re.compile(r"由$")
OVERSEES = re.compile(r"(?:业务)?(?:主管|监管|指导|管理)(?:[，。；,;]|$)")


def oversees(text: str, m) -> bool:
    """The body is the one whose approval opens the clause (经最高人民法院批准，…) or which
    oversees the subject (…成立于2015年，由市司法局主管，…)."""
    if APPROVED_BY.search(text, max(0, m.start - 3), m.start) is not None:
        return APPROVES.match(text, m.end) is not None
    return (
        OVERSEEN_BY.search(text, max(0, m.start - 1), m.start) is not None and OVERSEES.match(text, m.end) is not None
    )


# 按照司法部有关标准要求，出台…: the body whose standards or rules the act follows, named after 按照/根据 …
FOLLOWED = re.compile(r"(?:按照|根据|依照|依据|参照)$")
FOLLOWED_WHAT = re.compile(r"(?:有关|相关|的)?(?:标准|规定|规范|要求|意见|文件|精神)")


def rules_followed(text: str, m) -> bool:
    """The body is the source of the standards or rules the clause follows (按照司法部有关标准要求), not
    the one that deploys the measure (按照最高法部署 deploys it)."""
    return (
        FOLLOWED.search(text, max(0, m.start - 2), m.start) is not None and FOLLOWED_WHAT.match(text, m.end) is not None
    )


def subjects(text: str, insts: list) -> list:
    """Institution mentions in subject position, in order (coordinated ones included)."""
    out = []
    for m in insts:
        if m in out or m.prefix_only:
            continue  # a parent named only as the front of its sub-unit's name: the sub-unit acts
        i = after_last_stop(text, m.start)  # the clause this mention sits in
        # the article's dateline (上海法治报讯 ) is no part of the clause
        lead = text[max(i, dateline_end(text) if i == 0 else 0) : m.start]
        if m.rule == SPEAKER_WE:
            lead = lead.lstrip("“")  # “我们…”X局长说: the speaker's body acts (a body named in a quote may not)
        if LEAD.fullmatch(lead) is None:
            continue
        if text.startswith("的", m.end) or REPORTING.match(text, m.end):
            continue
        if PERSON_AFTER.match(text, m.end) and not text.startswith(tuple(triggers()["staff"]), m.end):
            continue  # its leader or a title; its rank and file (检察官, 民警) act for it
        if oversees(text, m):
            continue
        out.append(m)
        _coordinated(text, insts, out)
        break  # one subject group per sentence: the first
    return out


def _coordinated(text: str, insts: list, out: list) -> None:
    """Adds to `out` the bodies coordinated with its last member (and, after 牵头，, the
    bodies listed at the start of the next clause)."""
    pos = out[-1].end
    # the other body of a joint name (纪委监委: the commission for discipline and the supervisory one) acts with it
    out += [o for o in insts if (o.start, o.end) == (out[-1].start, pos) and o not in out and not o.prefix_only]
    for other in insts:
        if other.start < pos or other in out or other.prefix_only:
            continue  # a parent named as the front of its unit's name (会同市公安局交警支队): the unit is the member
        gap = text[pos : other.start]
        lead_act = LEAD_ACT.fullmatch(gap) or (len(out) == 1 and ORGANISES.fullmatch(gap))
        if gap in COORDINATORS or lead_act:
            out.append(other)
            pos = other.end
        else:
            break


def region_subjects(text: str, regions: list, insts: list) -> list:
    """Region mentions in subject position (桃浦镇创新性地引入…, 荆州区与石首市建立…): a division
    opening a clause that is not part of a body's name; SPEC v2 reads it as the region's body."""
    inside = [(im.start, im.end) for im in insts]
    free = [r for r in regions if not any(s <= r.start and r.end <= e for s, e in inside)]
    for k, r in enumerate(free):
        i = after_last_stop(text, r.start)
        if LEAD.fullmatch(text[i : r.start]) is None or text.startswith(("的", "人", "、"), r.end):
            continue
        while k + 1 < len(free) and free[k + 1].start == r.end:  # 江北区观音桥街道…: the township acts
            k, r = k + 1, free[k + 1]
        if text.startswith(("的", "人"), r.end):
            continue
        if PERSON_AFTER.match(text, r.end) or REPORTING.match(text, r.end):
            continue
        out = [r]
        for other in free[k + 1 :]:
            if text[out[-1].end : other.start] not in COORDINATORS:
                break
            out.append(other)
        return out
    return []


# …并与B签订协议，建立…: the partner of an act done together is one of its co-actors
PARTNER_BEFORE = re.compile(r"(?:与|同|和)$")
PARTNER_ACT = re.compile(r"(?:签订|签署|会签|共同|联合|共建|达成|携手)")


def partner(text: str, who) -> bool:
    """与B签订…, 同B共同…: B is named as the partner of a joint act."""
    return PARTNER_BEFORE.search(text, max(0, who.start - 1), who.start) is not None and bool(
        PARTNER_ACT.match(text, who.end)
    )


# 全市检察机关, 两级法院, 各级公安机关: all bodies of one system of a region
COLLECTIVE_OPENING = re.compile(r"全(?P<level>[省市县区州盟旗])|各级|两级")


@dataclass(frozen=True)
class Collective:
    """The bodies a collective (全省检察机关) names: how their names end, and the last character of
    their region's name (省; None after 各级/两级, which name several levels)."""

    ends: tuple[str, ...]
    region_end: str | None
    start: int  # where the collective stands in the text searched
    end: int

    def includes(self, body) -> bool:
        if not body.name.endswith(self.ends):
            return False
        return self.region_end is None or (body.region_name or "").endswith(self.region_end)


def after_last_stop(text: str, pos: int, stops: str = CLAUSE_START) -> int:
    """Just after the last of the characters `stops` before `pos` (0 when there is none). The sentence's
    stops are found once: its mentions and figures ask again and again, and a walk back cost more."""
    found = _stop_positions(text, stops)
    k = bisect_left(found, pos)
    return found[k - 1] + 1 if k else 0


@lru_cache(maxsize=128)
def _stop_positions(text: str, stops: str) -> tuple[int, ...]:
    return tuple(map(re.Match.start, _stops_pattern(stops).finditer(text)))


@lru_cache(maxsize=8)
def _stops_pattern(stops: str) -> re.Pattern:
    return re.compile(f"[{re.escape(stops)}]")


def has_trigger(kind: str, text: str) -> bool:
    """One of the trigger words of that kind (data/triggers.tsv: adopt, praise …) is in `text`."""
    return trigger_pattern(kind).search(text) is not None


@lru_cache(maxsize=32)
def trigger_pattern(kind: str) -> re.Pattern:
    """One regex for a kind's trigger words: a single scan instead of one `in` per word (keyed on the
    kind: a look-up by the list of words hashed all its words each time)."""
    return words_pattern(triggers()[kind])


def clause_start(text: str, pos: int) -> int:
    """Just after the last clause break before `pos` (0 when there is none)."""
    return after_last_stop(text, pos, CLAUSE_BREAKS)


# the target of an act (向自然资源局发出检察建议): the body right after it is no actor (one pressed to act, 督促X开展…, is)
TARGET_WORDS = r"向|对|给|(?<!作)为|帮助|要求"


@lru_cache(maxsize=1)
def target_before() -> re.Pattern:
    """What, ending right before a body, makes it no actor: a target word or a founding verb (triggers.tsv
    role found: 设立X调解中心), within a 辖区 of it."""
    founding = "|".join(map(re.escape, triggers()["found"]))
    return re.compile(f"(?:{TARGET_WORDS}|(?:{founding})了?)(?:辖区|辖内)?$")


def negated(text: str, start: int, end: int, words: list[str]) -> bool:
    """A negation governs what starts at `end`: it stands right before it, a verb of two characters at most
    between (缺乏繁简分流机制, 尚未建立诉调对接机制); not one inside a phrase before it (对仲裁阶段未能调解的案件提前介入)."""
    return bool(words) and _negation(tuple(words)).search(text, start, end) is not None


@lru_cache(maxsize=4)
def _negation(words: tuple[str, ...]) -> re.Pattern:
    # (尚未建立“诉调对接”机制: the quoted name starts after its opening mark)
    return re.compile(rf"(?:{'|'.join(map(re.escape, words))})[\u4e00-\u9fff]{{0,2}}[“\"]?$")


def system_word_at(text: str, at: int) -> str | None:
    """The word naming all bodies of a system (法院, 检察机关, 公安机关 …) that starts at `at`, the longest
    (公安机关 before 公安), or None."""
    by_first = _system_words_by_first()
    if at >= len(text) or text[at] not in by_first:
        return None  # most characters open no system word
    return next((w for w in by_first[text[at]] if text.startswith(w, at)), None)


@lru_cache(maxsize=1)
def _system_words_by_first() -> dict[str, tuple[str, ...]]:
    """The system words by their first character, longest first."""
    out: dict[str, list[str]] = {}
    for w in sorted(collective_systems(), key=len, reverse=True):
        out.setdefault(w[0], []).append(w)
    return {c: tuple(ws) for c, ws in out.items()}


# 各县（市、区）法院, 各基层检察院, 各地检察机关, 全国法院: each of several bodies of a system (the whole nation's
# too), none of which leads (各级法院 is a collective with a lead: COLLECTIVE_OPENING)
EACH_OF = re.compile(r"各(?:[省市县区乡镇地]|基层|（[^）]{1,6}）)+|全国")


def each_of_system_in(text: str, start: int, end: int) -> bool:
    """Whether text[start:end] names each body of a system at a level (各县（市、区）法院要…) or in the nation
    (全国法院新纳入…: the courts' figures, not the national body's act)."""
    return any(system_word_at(text, m.end()) for m in EACH_OF.finditer(text, start, end))


def collective_in(text: str, start: int, end: int) -> Collective | None:
    """The last collective text[start:end] names (全市检察机关 → the city's 人民检察院; 两级法院 →
    courts), or None."""
    part = text[:end]
    found = list(COLLECTIVE_OPENING.finditer(part, start))
    if not found:
        return None
    m = found[-1]
    word = system_word_at(part, m.end())
    if word is None:
        return None
    system = collective_systems()[word]
    return Collective(
        tuple(sorted(set(system_leads(system)) | {system})), m.group("level"), m.start(), m.end() + len(word)
    )


# a lead body's level: the higher of two a collective includes leads it (全市检察机关 is 盐城市's, not 东台市's)
LEVEL_RANK = {"province": 0, "prefecture": 1, "county": 2}


def collective_lead(c: Collective, named: list):
    """The body of `named` (text order) that leads the collective: of those it includes, the one of the
    highest level, the last named on a tie; or None."""
    members = [(LEVEL_RANK.get(getattr(b.region, "level", ""), 3), -i, b) for i, b in enumerate(named) if c.includes(b)]
    return min(members, key=lambda m: m[:2])[2] if members else None


def opening_lead(text: str, named: list, bodies: list) -> list:
    """全市检察机关共办理…: the lead of a collective opening a clause (see `opening_collective`), of the
    article's bodies `named` before and the sentence's `bodies` before it, is what the next sentences are about."""
    c = opening_collective(text)
    lead = collective_lead(c, named + [b for b in bodies if b.end <= c.start]) if c else None
    return [lead] if lead is not None else []


def opening_collective(text: str) -> Collective | None:
    """A collective standing as the subject of the sentence's first clause that has one (今年以来，全市检察机关
    共办理…), with only openers before it in its clause; or None."""
    m = COLLECTIVE_OPENING.search(text)
    if m is None:
        return None
    clause_from = max((text.rfind(c, 0, m.start()) for c in "，,；;：:"), default=-1) + 1
    if opener_end(text, clause_from) != m.start():
        return None
    return collective_in(text, m.start(), m.end() + 8)


@lru_cache(maxsize=64)
def system_leads(system: str) -> tuple[str, ...]:
    """How the names of a system's lead bodies end (公安机关: 公安厅, 公安局), at every level."""
    return tuple(lead.replace("{region}", "") for (s, _), lead in collective_leads().items() if s == system)


# what may stand between a clause's start and its verb when the clause has no subject of its own
# (二是扎实开展…, 同时积极推行…, 灵活运用…): triggers.tsv role opener, any number of them in a row
@lru_cache(maxsize=1)
def _clause_opener() -> re.Pattern:
    return re.compile(f"(?:{words_pattern(triggers()['opener']).pattern})*")


def opener_end(text: str, pos: int) -> int:
    return _clause_opener().match(text, pos).end()  # type: ignore[union-attr]  # (…)* matches everywhere


# a system word that, standing bare as a clause's subject (检察机关运用…, 警方随即…), means the body of that system
# the text is about; 人民法院/人民检察院/公安 bare mostly speak of all courts (人民法院要…) or open a list
BARE_SYSTEM_WORDS = frozenset({"法院", "检察院", "检察机关", "公安机关", "警方", "派出所"})
BARE_SYSTEM_NOT_AFTER = ("、", "和", "与", "及", "的", "等")
# 人民法院 and 人民检察院 bare, as a clause's subject, speak of all courts or procuratorates (人民法院坚持…): no named body
GENERIC_SYSTEM_WORDS = ("人民法院", "人民检察院")


def bare_system_in(text: str, start: int, end: int) -> Collective | None:
    """The last clause of text[start:end] that opens (after openers only) with a bare system word (办案中，检察机关
    运用…): SPEC v2 reads such a relative reference as the document's body of that system; or None."""
    found = None
    for p in [start] + [m.end() for m in CLAUSE_BREAK.finditer(text, start, end)]:
        lead = LEAD.match(text[p:end])
        at = opener_end(text, p + (lead.end() if lead else 0))
        at += 1 if text.startswith(("“", "‘"), at) else 0  # …说：“检察机关…: a speech opening with the system
        word = system_word_at(text, at)
        if word not in BARE_SYSTEM_WORDS or at + len(word) > end:
            continue
        after = at + len(word)
        if text.startswith(BARE_SYSTEM_NOT_AFTER, after) or REPORTING.match(text, after):
            continue
        if PERSON_AFTER.match(text, after) and not text.startswith(tuple(triggers()["staff"]), after):
            continue
        ends = tuple(sorted(set(system_leads(collective_systems()[word])) | {word}))
        found = Collective(ends, None, at, after)
    return found


def generic_system_opens(text: str, end: int, bodies: list) -> bool:
    """A clause of text[:end] opens (after openers only) with a generic system word (为减少诉累，人民法院坚持…，灵活选择…)
    and no body is named before it: courts in general act there, not the body the text is about."""
    for p in [0] + [m.end() for m in CLAUSE_BREAK.finditer(text, 0, end)]:
        lead = LEAD.match(text[p:end])
        at = opener_end(text, p + (lead.end() if lead else 0))
        if text.startswith(GENERIC_SYSTEM_WORDS, at) and not text.startswith(BARE_SYSTEM_NOT_AFTER, at + 4):
            return not any(b.start < at for b in bodies)
    return False


def bare_system_body(c: Collective, carried: list, named: list) -> list:
    """The body a bare system word stands for: those carried that it includes, else the last named that it does."""
    mine = [b for b in carried if c.includes(b)]
    last = [b for b in named if c.includes(b)][-1:]
    return mine or last


BELONGING_LAST = ("属", "下")  # the last characters of the words of belonging (所属, 下属, 旗下)


def parent_before(text: str, im, insts: list):
    """四川省戒毒管理局所属资阳强制隔离戒毒所收治…: the body named right before `im` with a word of belonging
    between them (data/subject_cues.tsv, subsidiary); `im` acts, the parent only tells whose it is. Else None."""
    if text[im.start - 1 : im.start] not in BELONGING_LAST:
        return None  # the common case, told by one character
    words = subject_cues().get("subsidiary", {})
    return next((o for o in insts if o.end < im.start and text[o.end : im.start] in words), None)
