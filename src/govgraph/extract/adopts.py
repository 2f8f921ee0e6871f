"""Adoption: which named institution carries out a mechanism that a sentence names.

Every (institution, mechanism) pair a sentence offers is a candidate: the institutions the
sentence names and, when it names no subject, the body the text is still talking about
(carried over from an earlier sentence). Each candidate gets binary features (its role in the
sentence, a trigger verb between the two, the clause, the distance, a preposition governing
the body, praise or contribution words …). The weights in `data/adopt_weights.tsv`, fitted on
the development gold by `scripts/fit_adopt_weights.py`, add up to a score; a candidate whose
score is positive is an adoption. Regions are never candidates: only institution mentions are.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace

from ..lexicon import adopt_weights
from .adopt_clauses import (
    opener,
    outsider_staff_opens,
    role_of,
    speaks_of_another,
    staff_kind,
    staff_opens,
    superseded,
    unless_said,
)
from .adopt_features import MechFeatures, features, mech_features, only_helps, score
from .adopt_members import (
    collective_region_names,
    followers,
    joins,
    list_opening,
    of_region,
    parties_adopting,
    stationed,
)
from .institutions import InstitutionMention
from .mech_lists import list_heads, named_elsewhere
from .mechanisms import MechanismMention
from .roles import (
    CLAUSE_BREAK,
    bare_system_body,
    bare_system_in,
    clause_start,
    collective_in,
    collective_lead,
    each_of_system_in,
    generic_system_opens,
    has_trigger,
    opening_lead,
    region_subjects,
    system_word_at,
    target_before,
)

# a picture's caption (图① X民警走进…, 图为…) tells of its picture, not of the body the text before it is about
CAPTION = re.compile(r"\s*图(?:[①-⑳\d]{1,2}|为)")
# how many paragraphs an actor carries over without being named again
CARRY_PARAGRAPHS = 3
# a verb right before the mechanism, or opening its clause (深化“X”机制。开展“Y”专项行动。): the text still
# tells what the carried body does, so the body stays near however many headed sections follow
REFRESHING = frozenset({"trig:adjacent", "trig:clause_initial"})
JOINING = ("与", "同", "和", "联合", "会同", "携手", "协同")  # right before a partner of a joint act
SIGNING = ("签署", "会签", "签订")  # a joint act that issues a document, as the deploy verbs (出台, 印发) do
PARTIES_REACH = 2  # …and the parties of a joint act, for 双方 (双方达成执行和解 much later are a case's parties)
BARE_SYSTEM_RULE = "inst.bare_system:"  # the rule of a body a bare system word stands for (检察机关运用…)
# being honoured for a mechanism, honouring a body for it (SPEC v2), being the target of the act, approving it or
# being a subject whose later clause another body opens is not adopting it
NOT_ADOPTING = frozenset(
    {
        "contrib:governs",
        "contrib:occasion",
        "praise:between",
        "praise:clause",
        "who:praiser",
        "who:target",
        "who:place",
        "who:commentator",
        "who:overseer",
        "who:urger",
        "who:superseded",
        "who:rules-followed",
        "sent:negated",
        "sent:topic",
    }
)


@dataclass(frozen=True)
class Candidate:
    who: InstitutionMention
    mech: MechanismMention
    role: str  # subject | coactor | mention | carried | region | collective
    features: frozenset[str]

    @property
    def rule(self) -> str:
        """A short stable id: the role, and what made it an adoption."""
        if self.role == "mention" and "who:national" in self.features and "deploy:between" in self.features:
            return "adopt.national"
        if "who:system" in self.features:
            return "adopt.system"  # 检察机关运用…: a bare system word as the subject
        if self.role in ("subject", "mention") and "trig:between" in self.features:
            return f"adopt.{self.role}+trigger"
        return f"adopt.{self.role}"  # adopt.region: a region in subject position, read as its body

    @property
    def in_sentence(self) -> bool:
        return self.role not in ("carried", "parties")


def _body_candidates(
    text: str, mm: MechanismMention, head: int, bodies: list, subj: list, regions: list, of_mech: MechFeatures | None
) -> list[Candidate]:
    """The candidates of the bodies the sentence names for one mechanism (whose list starts at `head`)."""
    out = []
    for who in bodies:
        if who.start < mm.end and mm.start < who.end:
            continue  # a body named inside the mechanism's name
        role = role_of(text, who, mm.start, subj)
        f = features(text, who, mm, role, len(bodies), head, of_mech)
        first = list_opening(who, bodies, text)
        if first is not who and target_before().search(text, max(0, first.start - 4), first.start):
            f.add("who:target")  # 向县住建局、县消防救援大队发出检察建议: the whole list is the target
        if text.endswith("在", 0, first.start) or (role == "mention" and stationed(text, who)):
            f.add("who:place")  # 在县人力社保局…设立…; 中心整合县信访局…等部门入驻: where, not who
        if "who:speaker" in f and speaks_of_another(text, who, mm):
            f.add("who:commentator")  # X市委书记说：“检察机关…开展公益诉讼…”: the speaker tells of another's work
        if who.rule.startswith(BARE_SYSTEM_RULE):
            f.add("who:system")
        if role != "mention" and superseded(text, who, head, bodies, subj, regions):
            f.add("who:superseded")
        # X局局长介绍，全市公安机关推行…: the speaker's collective acts, read as its lead body
        out.append(Candidate(speaker_collective(text, who, mm) or who, mm, role, frozenset(f)))
    return out


SPEAKER_COLLECTIVE_RULE = "inst.speaker-collective"


def speaker_collective(text: str, who, mm):
    """海西州公安局治安支队支队长韩永明介绍，全州公安机关推行“草原110”: a body named only in the speaker's
    title (or in front of the unit there) speaks for a collective it leads, told between the title and the
    mechanism; the collective acts, read as its lead body (SPEC v2), which stands where the collective
    does. None otherwise."""
    if not who.title_only:
        return None
    c = collective_in(text, who.end, mm.start)
    own = [who, replace(who, name=who.parent, parent=None)] if who.parent else [who]  # the unit's body too
    lead = collective_lead(c, own) if c else None
    if c is None or lead is None:
        return None
    span = {"start": c.start, "end": c.end, "surface": text[c.start : c.end]}
    return replace(lead, **span, title_only=False, prefix_only=False, rule=SPEAKER_COLLECTIVE_RULE)


def _not_adopting(text: str, c: Candidate) -> bool:
    """What the candidate's features or place say is no adoption, whatever its score."""
    return bool(c.features & NOT_ADOPTING) or _later_clause(c) or _partner_done(text, c) or _aim_of_lead(c)


def _aim_of_lead(c: Candidate) -> bool:
    """A co-actor joins the act the subject leads, not what the sentence names before them (为推动综源治理…，
    A与B、C联合会签…: A's aim): a co-actor adopts only a mechanism named after it."""
    return c.role == "coactor" and c.mech.end <= c.who.start


def _later_clause(c: Candidate) -> bool:
    """A body named only in a clause after the mechanism's (A推进X，联合B构建Y: B and X) did not
    carry it out: it is the later clause's actor or partner."""
    return c.role == "mention" and "pos:after" in c.features and "clause:same" not in c.features


def _partner_done(text: str, c: Candidate) -> bool:
    """A partner of the subject's joint act (与中国银行联合研发…平台) shares the clause of that act and the
    next, as `joins` reads co-actors; a mechanism two clauses on (…，线上召开听证会，采用网络拍卖方式) is the
    subject's own again, unless the joint act issues a document whose contents the clauses go on to tell
    (联合出台文件，落实X制度，加大…力度)."""
    if c.role != "mention" or "who:joined" not in c.features or c.mech.start < c.who.end:
        return False
    if not text.endswith(JOINING, 0, c.who.start):
        return False  # a joint word elsewhere in the clause (变单兵作战为协同发力 漯河中院…) joins no partner
    breaks = list(CLAUSE_BREAK.finditer(text, c.who.end, c.mech.start))
    return len(breaks) > 1 and not _issues_document(text[c.who.end : breaks[0].start()])


def _issues_document(clause: str) -> bool:
    return "《" in clause or has_trigger("deploy", clause) or any(w in clause for w in SIGNING)


@dataclass
class AdoptionFinder:
    """Walks one document's sentences in order; keeps the body the text is talking about."""

    weights: dict[str, float] = field(default_factory=adopt_weights)
    carried: list[InstitutionMention] = field(default_factory=list)
    # the paragraph and the two or more actors of the last act they did together (…签署协议。…。双方还将…)
    parties: tuple[int, list[InstitutionMention]] = (0, [])
    carried_paragraph: int = 0
    actors: set[str] = field(default_factory=set)  # every subject the article has had so far
    named: list[InstitutionMention] = field(default_factory=list)  # the article's bodies, in text order
    # discovered mechanism names anywhere in the document (set before its sentences are walked)
    known_names: set[str] = field(default_factory=set)
    # every candidate with its score, for scripts/fit_adopt_weights.py
    seen: list[tuple[Candidate, float]] = field(default_factory=list)

    def new_article(self) -> None:
        self.carried, self.parties = [], (0, [])
        self.carried_paragraph = 0
        self.actors = set()
        self.named = []

    def sentence(
        self,
        text: str,
        paragraph: int,
        insts: list[InstitutionMention],
        mechs: list[MechanismMention],
        subj: list,
        regions: list | None = None,
    ) -> list[Candidate]:
        """The adoptions the sentence states (candidates with a positive score)."""
        bodies = [im for im in insts if not im.prefix_only]
        subj, bodies, unnamed_system = self.bare_subject(text, subj, bodies, mechs)  # 办案中，检察机关运用…
        out: list[Candidate] = []
        # a mechanism's words inside a body's name (诉源治理工作站) name no mechanism
        mechs = [mm for mm in mechs if not any(im.start <= mm.start and mm.end <= im.end for im in insts)]
        mechs = sorted(mechs + named_elsewhere(text, self.known_names, mechs, insts), key=lambda m: (m.start, m.end))
        heads = list_heads(text, mechs)
        # a region opening the clause (桃浦镇创新性地引入…) stands for its body the article named (only mechanisms ask)
        by_region = [] if subj or not mechs else self.region_bodies(text, regions or [], insts)
        # a region opening the sentence with no body of its own named (蚌埠市三部门联合…) is a new actor
        # that is no institution: the body carried from earlier sentences does not act here
        region_acts = unnamed_system or (
            (bool(mechs) and not subj)
            and not by_region
            and any(system_word_at(text, r.end) is None for r in region_subjects(text, regions or [], insts))
        )  # (宜昌两级法院审结…: the region's courts, whose lead may be the body carried)
        for mm in mechs:
            # the mechanism's own features, asked once for all its candidates
            of_mech = mech_features(text, mm, heads[mm.start]) if bodies or by_region else None
            out += _body_candidates(text, mm, heads[mm.start], bodies, subj, regions or [], of_mech)
            for who in by_region:
                f = features(text, who, mm, "region", len(bodies), heads[mm.start], of_mech)
                out.append(Candidate(who, mm, "region", frozenset(f)))
            if (
                not subj
                and not by_region
                and not region_acts
                and not any(opener(text, b) for b in bodies[:1])
                and not CAPTION.match(text)
            ):
                out += self.carried_candidates(text, paragraph, mm, bodies, heads[mm.start], of_mech, regions or [])
        # a body whose staff open the sentence (周潭派出所民警接到预警后…) is what the next sentences are about;
        # a region is too weak a reading to carry (广州作为一线城市… says nothing of its bodies), and a body that only
        # helps another's work (县司法局积极配合，…) leaves the text about the body it helps
        acting = subj or [im for im in bodies[:1] if staff_opens(text, im)] or opening_lead(text, self.named, bodies)
        self.remember(paragraph, [] if subj and only_helps(text, subj[0], out, self.weights) else acting)
        self.named += [im for im in bodies if not im.title_only]
        scored = [(c, score(c.features, self.weights)) for c in out if not _not_adopting(text, c)]
        self.seen.extend(scored)
        # every co-actor of a joint measure adopts it (SPEC v2): what the lead subject adopts, they adopt,
        # when the mechanism follows in the same clause or the next (…，向监管部门发出检察建议); further on
        # another actor may have taken over (…，被告人…或法院做出补植令)
        led = {id(c.mech) for c, s in scored if s > 0 and c.role == "subject"}
        found = [  # a mention that joins is a partner of the subject's later clause (…，并与A、B建立…)
            c if s > 0 or c.role != "mention" else replace(c, role="partner")
            for c, s in scored
            if s > 0 or (id(c.mech) in led and joins(text, c.who, c.mech, c.role, bodies, subj))
        ]
        # 双方将建立…机制: the parties of the joint act told before; …；与A、B建立…: the body carried, with A and B
        if any(c.role == "carried" and c.features & REFRESHING for c in found):
            self.carried_paragraph = paragraph  # a report of one body's work goes on about it, heading after heading
        parties, carried = ([], []) if subj else (self.parties_near(paragraph), unless_said(text, bodies, self.carried))
        found += [
            Candidate(w, mm, role, frozenset())
            for w, mm, role in parties_adopting(text, mechs, bodies, parties, found, carried)
        ]
        return found + [  # …，区教育局、区民政局为成员单位; …，与B签订协作协议: they adopt what the subject set up
            Candidate(who, c.mech, role, c.features)
            for c in found
            if c.role == "subject"
            for who, role in followers(text, bodies, c.mech)
            if not any(o.who.name == who.name and o.mech is c.mech for o in found)
        ]

    def remember(self, paragraph: int, acting: list[InstitutionMention]) -> None:
        """The bodies acting in the sentence are what the next sentences are about."""
        if acting:
            # a sub-unit acts for its body: 执行局 and 最高人民法院 are one actor
            self.actors.update(im.parent or im.name for im in acting)
            self.carried = list(acting)
            # two names written as one (纪委监委) are one party: the parties of a joint act are two bodies named apart
            joint = len({(im.start, im.end) for im in acting}) > 1
            self.parties = (paragraph, list(acting)) if joint else self.parties
            self.carried_paragraph = paragraph

    def bare_subject(self, text: str, subj: list, bodies: list, mechs: list) -> tuple[list, list, bool]:
        """The subject, the bodies and whether a system acts that the text named no body of (法院判处…, in a
        procuratorate's story: the body carried does not act then). With no subject named,
        a bare system word (检察机关, 警方) opening a clause before the first mechanism, with no body before it (one
        named only in a speaker's title is none: X县委书记说：“法院…推行…”), stands
        for the body of that system the text is about (SPEC v2: a relative reference is the document's body), placed
        where the word stands."""
        bare = None if subj or not mechs else bare_system_in(text, 0, mechs[0].start)
        if bare is None and mechs and not subj and generic_system_opens(text, mechs[0].start, bodies):
            return subj, bodies, True  # 人民法院坚持…，灵活选择…: courts in general act, not the body carried
        if bare is None or any(b.start < bare.start and not b.title_only for b in bodies):
            return subj, bodies, False
        here = bare_system_body(bare, self.carried, self.named)[:1]
        word = text[bare.start : bare.end]
        found = [replace(b, start=bare.start, end=bare.end, surface=word, rule=BARE_SYSTEM_RULE + word) for b in here]
        return found, sorted(bodies + found, key=lambda b: b.start), not found

    def parties_near(self, paragraph: int) -> list[InstitutionMention]:
        """The parties of the last joint act, when it was told at most PARTIES_REACH paragraphs before."""
        told, parties = self.parties
        return parties if paragraph - told <= PARTIES_REACH else []

    def carried_candidates(
        self,
        text: str,
        paragraph: int,
        mm: MechanismMention,
        bodies: list[InstitutionMention],
        head: int,
        of_mech: MechFeatures | None = None,
        regions: list | None = None,
    ) -> list[Candidate]:
        far = paragraph - self.carried_paragraph > CARRY_PARAGRAPHS
        out = []
        actors = self.actors_here(text, head, mm, bodies, regions or [])
        of_mech = of_mech or (mech_features(text, mm, head) if actors else None)
        for who, role in actors:
            f = features(text, None, mm, role, len(bodies), head, of_mech)
            if role == "carried" and far:
                f.add("carried:far")
            if role == "carried" and len(self.actors) == 1:
                f.add("carried:sole")  # the article has had no other actor
            out.append(Candidate(who, mm, role, frozenset(f)))
        return out

    def actors_here(
        self, text: str, head: int, mm: MechanismMention, bodies: list[InstitutionMention], regions: list
    ) -> list[tuple[InstitutionMention, str]]:
        """The bodies carried over, or, where the sentence's part names a collective (…；全市检察机关…发出
        检察建议), those of them it includes, else the last body named so far that it includes, standing
        where the collective does (全省检察机关 → the province's 人民检察院): SPEC v2 reads a collective as its
        lead body."""
        clause = max(text.rfind("；", 0, head), text.rfind(";", 0, head)) + 1
        collective = collective_in(text, clause, mm.start)
        if collective is None:  # 各县（市、区）法院要…: several bodies, of which none is carried
            return (
                []
                if each_of_system_in(text, clause, mm.start)
                else [(who, "carried") for who in self.staffed(text, head)]
            )
        own = collective_region_names(text, collective, regions)  # 兰州两级法院: only 兰州's courts
        mine = [(who, "carried") for who in self.carried if collective.includes(who) and of_region(who, own)]
        # the article's bodies so far, this sentence's before the collective included (记者从X获悉，全省法院…)
        named = self.named + [b for b in bodies if b.end <= collective.start and not b.title_only]
        named = [b for b in named if of_region(b, own)]
        lead = collective_lead(collective, named)
        if mine or lead is None:
            return mine
        at = collective.start, collective.end
        return [(replace(lead, start=at[0], end=at[1], surface=text[at[0] : at[1]]), "collective")]

    def staffed(self, text: str, head: int) -> list[InstitutionMention]:
        """The bodies carried, or those of them whose staff open the mechanism's clause (A检察院与B局联合出台…。
        检察官及时进行公开听证: A's), when some are of that kind."""
        clause = clause_start(text, head)
        if outsider_staff_opens(text, clause):
            return []  # 银行工作人员依托…: the clause's own subject
        kind = staff_kind(text, clause)
        return [who for who in self.carried if who.kind == kind] or self.carried

    def region_bodies(self, text: str, regions: list, insts: list[InstitutionMention]) -> list[InstitutionMention]:
        """For each region in subject position, the body of that region the article named last,
        placed where the region stands in the sentence."""
        out = []
        for r in region_subjects(text, regions, insts):
            names = {r.name} if r.local_level else {d.name for d in r.candidates}
            # only an unambiguous reading: the article has named one body of that region (this sentence's
            # before the region too: 记者从银川市司法局获悉，今年以来，银川市推行…)
            before = [im for im in insts if im.end <= r.start and not (im.title_only or im.prefix_only)]
            bodies = {im.name: im for im in self.named + before if im.region_name in names}
            if len(bodies) == 1:
                body = next(iter(bodies.values()))
                out.append(replace(body, start=r.start, end=r.end, surface=r.surface))
        return out
