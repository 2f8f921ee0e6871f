"""The binary features of an adoption candidate (a body and a mechanism of one sentence): its role in the
sentence, a trigger verb between the two, the clause, the distance, a preposition governing the body, praise or
contribution words … Those of the mechanism alone (`mech_features`) every body's candidate shares."""

from __future__ import annotations

import re
from functools import lru_cache

from ..lexicon import triggers
from .adopt_clauses import helps, opens_without_subject, staff_opens, taught, urges
from .adopt_members import governs
from .inst_base import PLACE_WORDS, InstitutionMention
from .mechanisms import MechanismMention
from .roles import (
    CLAUSE_BREAK,
    PERSON_AFTER,
    REPORTING,
    clause_start,
    has_trigger,
    negated,
    oversees,
    partner,
    rules_followed,
    target_before,
    trigger_pattern,
)

GOVERNED = re.compile("(?:" + "|".join(PLACE_WORDS) + ")$")  # a place or a source (在…执行的, 走进X中学) …
# … or the target of the act, or what it sets up (roles.target_before): never the actor
TITLE = re.compile(r"《[^《》]*》")
# X法院“Y”经验做法入选典型案例: the body's own practice, selected; it is not only honoured for it
OWN_PRACTICE = re.compile(r"“[^“”]+”(?:工作|改革|机制)?(?:经验|做法|模式|工作法)")  # (“分调裁审”改革经验被评为…)
MODIFIER_REACH = 6  # how long a modifier between a verb and a quoted name may be (刑事案件, 青年干警)
MODIFIER = re.compile(rf"[\u4e00-\u9fff]{{1,{MODIFIER_REACH}}}")
NEAR, FAR = 12, 40
AFTER_REACH = 8
OCCASION_REACH = 3  # what may stand between a mechanism and 为契机 (its closing quote, 创建, 建设)  # how far after a mechanism a trigger still speaks of it (诉调对接机制建设全面推进)


# the start of a mechanism's clause and the features that depend on the mechanism alone
MechFeatures = tuple[int, frozenset[str]]


def features(
    text: str,
    who: InstitutionMention | None,
    mech: MechanismMention,
    role: str,
    n_bodies: int,
    head: int = -1,
    of_mech: MechFeatures | None = None,
) -> set[str]:
    """The binary features of one candidate; `who` is None for a body carried over; `head` is
    where the list of mechanisms that `mech` belongs to starts; `of_mech`, those of the mechanism
    alone (`mech_features`), when the sentence asked for them already."""
    words = triggers()
    head = mech.start if head < 0 else head
    clause_from, shared = of_mech or mech_features(text, mech, head)
    f = {f"role:{role}", *shared}
    if n_bodies == 1:
        f.add("sent:one_body")
    if urges(text, clause_from, who, mech.start):
        f.add("who:urger")  # 检察院…，督促其开展专项整治: the other body's work
    if who is None:
        if has_trigger("adopt", text[: mech.start]):
            f.add("trig:before")
        if has_trigger("contribute", text[: mech.start]):
            f.add("contrib:before")
        return f
    if who.start < mech.start:
        between = text[who.end : mech.start]
        if has_trigger("adopt", between):
            f.add("trig:between")
        if has_trigger("deploy", between):
            f.add("deploy:between")
        if has_trigger("joint", between):
            f.add("joint:between")
        if has_trigger("contribute", between):
            f.add("contrib:between")
        if has_trigger("praise", between):
            f.add("praise:between")  # 荣获…称号, 被评为…
        if has_trigger("joint", text[clause_start(text, who.start) : who.start]) or partner(text, who):
            f.add("who:joined")  # 省公安厅联合省高级人民法院、省检察院发布…
        if not CLAUSE_BREAK.search(between):
            f.add("clause:same")
        gap = len(between)
    else:
        f.add("pos:after")
        gap = who.start - mech.end
        if not CLAUSE_BREAK.search(text[mech.end : who.start]):
            f.add("clause:same")
    f.add("dist:near" if gap <= NEAR else "dist:far" if gap > FAR else "dist:mid")
    # both end right before the body: the last few characters are enough to search
    if GOVERNED.search(text, max(0, who.start - 2), who.start):
        f.add("who:governed")
    if target_before().search(text, max(0, who.start - 4), who.start):
        f.add("who:target")
    if oversees(text, who):
        f.add("who:overseer")  # 经最高人民法院批准，X设立…: approving is not carrying out
    if text.startswith("的", who.end):
        f.add("who:de")
    if staff_opens(text, who):
        f.add("who:staff")  # 检察院检察官创新采用…: the body acts through its staff
    elif PERSON_AFTER.match(text, who.end) and not REPORTING.match(text, who.end):
        f.add("who:person")
    if REPORTING.match(text, who.end):
        # the clause ends in 说/表示/介绍: mostly an official giving an account of the body's
        # own work; a scholar comments on others' work
        f.add("who:commentator" if who.kind == "education" else "who:speaker")
    if (text.endswith("被", 0, who.start) and not promotes(text, who.end)) or text.startswith(
        (*words["praise"], *words.get("approve", ())), who.end
    ):
        f.add("who:praiser")  # 被省委表彰, 省委授予, 得到省委肯定: the body honours, it does not adopt
    first, last = min(who.start, mech.start), max(who.end, mech.end)
    clause_end = CLAUSE_BREAK.search(text, last)
    if has_trigger("praise", text[clause_start(text, first) : clause_end.start() if clause_end else len(text)]):
        if not OWN_PRACTICE.match(text, who.end, mech.end + 6) or mech.start > who.end + 1:
            f.add("praise:clause")  # 授予X法院交叉执行示范单位称号: honoured for it
    if who.region is None and who.region_name is None and who.name.startswith(tuple(words["national_body"])):
        f.add("who:rules-followed" if rules_followed(text, who) else "who:national")
    return f


def promotes(text: str, end: int) -> bool:
    """被X推广 (被X在全省推广, 被X采纳): the body after 被 takes the measure up and spreads it (SPEC v2: a body that
    deploys a mechanism adopts it); it is not honouring it."""
    return _promoted().match(text, end) is not None


@lru_cache(maxsize=1)
def _promoted() -> re.Pattern:
    words = "|".join(map(re.escape, triggers()["promote"]))
    return re.compile(rf"(?:在[^，。；,;]{{1,8}}?)?(?:{words})")


def mech_features(text: str, mech: MechanismMention, head: int) -> MechFeatures:
    """The features of a mechanism that every body's candidate shares (a sentence asks once for each)."""
    words = triggers()
    clause_from = clause_start(text, head)
    f = _verb_features(text, mech, head, clause_from)
    if opens_without_subject(text, clause_from, tuple(words["adopt"] + words["deploy"]), head):
        f.add("trig:clause_initial")
    if any(m.start() < mech.start < m.end() for m in TITLE.finditer(text)):
        f.add("mech:title")
    return clause_from, frozenset(f | _clause_features(text, mech, clause_from))


def _clause_features(text: str, mech: MechanismMention, clause_from: int) -> set[str]:
    """What the mechanism's clause says of the act before it: helped, received, possible or lacking."""
    words, f = triggers(), set()
    if governs(words["contribute"], text, clause_from, mech.start):
        f.add("contrib:governs")  # 积极参与全市“平安荆州”建设: helping with it
    if _occasion(words.get("occasion", ()), text, mech.end):
        f.add("contrib:occasion")  # 以“城市品质提升行动”为契机: another's campaign, the occasion of the body's work
    if governs(words["receive"], text, clause_from, mech.start):
        f.add("who:target")  # 区住建局收到检察建议后…: the addressee of another body's instrument
    # a clause offering another way (…可以提级执行，以排除干扰，或者开展协同执行) is under the sentence's modal too
    alternative = text.startswith(tuple(words.get("alternative", ())), clause_from)
    if has_trigger("modal", text[0 if alternative else clause_from : mech.start]):
        f.add("sent:modal")  # 上级法院可以提级执行: what may be done, not what a body did
    if negated(text, clause_from, mech.start, words.get("negation", [])):
        f.add("sent:negated")  # 部分法院缺乏繁简分流机制, 尚未建立…: what is not done
    if taught(text, clause_from, mech.start, mech.end):
        f.add("sent:topic")  # 培训围绕认罪认罚从宽制度适用展开: what is taught, not done
    return f


def _occasion(words, text: str, end: int) -> bool:
    """An occasion word (为契机) closes the mechanism's phrase within OCCASION_REACH characters (“X”创建为契机)."""
    after = text[end : end + OCCASION_REACH + 3]
    cut = CLAUSE_BREAK.search(after)
    return any(0 <= after.find(w) <= OCCASION_REACH for w in words if w in after[: cut.start() if cut else None])


def _verb_before_modifier(text: str, head: int, clause_from: int) -> bool:
    """An adoption verb ends right before a short unquoted modifier (a domain or a place: 健全学校, 实施青年干警)
    that ends right before the quoted name at `head`."""
    verbs = trigger_pattern("adopt").finditer(text, max(clause_from, head - MODIFIER_REACH - 4), head)
    return any(MODIFIER.fullmatch(text, v.end(), head) for v in verbs)


def _verb_features(text: str, mech: MechanismMention, head: int, clause_from: int) -> set[str]:
    """Where an adoption verb stands: in the clause before the mechanism, right before its list, right after it."""
    f = set()
    if has_trigger("adopt", text[clause_from : mech.start]):
        f.add("trig:clause")
    ends = tuple(triggers()["adopt"])
    if (head > 0 and text.endswith(ends, 0, head)) or (head > 1 and text.endswith(ends, 0, head - 1)):
        f.add("trig:adjacent")
    elif text.startswith(("“", "‘"), head) and _verb_before_modifier(text, head, clause_from):
        f.add("trig:adjacent")  # 推行刑事案件“庭前会议+示证质证”改革: the verb's object is the name with its domain
    clause_end = CLAUSE_BREAK.search(text, mech.end)
    if has_trigger(
        "adopt", text[mech.end : min(mech.end + AFTER_REACH, clause_end.start() if clause_end else len(text))]
    ):
        f.add("trig:after")  # 诉调对接机制建设全面推进
    return f


def score(features: frozenset[str], weights: dict[str, float]) -> float:
    """A candidate's score: the bias and the weights of its features (an adoption when positive)."""
    return weights.get("bias", 0.0) + sum(weights.get(f, 0.0) for f in features)


def only_helps(text: str, who: InstitutionMention, cands: list, weights: dict[str, float]) -> bool:
    """The body only helps another's work (县司法局积极配合，…: adopt_clauses.helps) and adopts nothing itself in the
    sentence (海口海事法院积极参与…治理，建立了…机制 does): the text is still about the body it helps."""
    return helps(text, who) and all(c.who is not who or score(c.features, weights) <= 0 for c in cands)
