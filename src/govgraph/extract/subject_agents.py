"""The agents of a sentence: what stands in subject position in it (a body, a region, 全国, 全市 and a
region's system), found once a sentence (gold/SPEC.md, "Rulings (v2)", subjects; extract/subjects.py
chooses a figure's subject among them)."""

from __future__ import annotations

import re
from functools import lru_cache

from ..lexicon import Division, gazetteer, institution_heads, subject_cues, triggers
from ..lexicon_collectives import CollectiveWord, collective_systems, collective_words, lead_template
from .institutions import Context
from .region_records import RegionMention
from .regions import choose, region_name
from .respective import counted_list
from .roles import PERSON_AFTER, REPORTING, oversees, parent_before, system_leads, system_word_at
from .subject_base import (
    CLAUSE_STOPS,
    OUTPOSTS,
    PARTNER_WORDS,
    SentenceView,
    SubjectChoice,
    list_member,
    opens_clause_at,
    subject_clause_start,
)

COUNT = re.compile(r"\d+\s*[个名家所]|各级|[两三]级")  # 全市195个派出所, 全市两级法院


class SentenceAgents:
    """Every agent in subject position in a sentence, found once: each figure asks for those before it
    (`before`), the sentence for all of them. An agent stands before the figure at `pos` when its words end
    by `pos` (a body's, a region's, a word's such as 全国 or 全市); whether it is an agent the whole sentence
    tells, not the part before the figure, so it is the same for every figure and is found once. Which body
    a bare system word stands for (公安机关, 法院 …) depends on the agents before the figure: asked each time."""

    def __init__(self, view: SentenceView, ctx: Context, document_codes: set[str]) -> None:
        self.view, self.ctx, self.document_codes = view, ctx, document_codes
        text = view.text
        # (start, end, choice), in the order the rules found them (bodies, regions, 全国 …)
        self._named = _bodies(view) + _regions(view, document_codes) + _nationals(view)
        # (start, end, the word, choice) of 全市 … opening a clause, by word and then by place
        self._collectives = [(s, e, c, _collective(text, e, c, ctx, document_codes)) for s, e, c in _collectives(view)]
        self._system_starts = system_starts(text)  # for `_bare_systems`

    def before(self, pos: int) -> list[tuple[int, SubjectChoice]]:
        """Every agent in subject position before `pos`, with where it stands."""
        out = [(start, choice) for start, end, choice in self._named if end <= pos]
        found = [f for f in self._collectives if f[1] <= pos]
        out += [(start, choice) for start, _, _, choice in found]
        if found:
            _, end, c, _ = found[-1]
            return out + _systems_after(self.view.text, pos, end, c, self.ctx, self.document_codes)
        return out + self._bare_systems(pos)

    def _bare_systems(self, pos: int) -> list[tuple[int, SubjectChoice]]:
        """…宜昌市公安局…。今年以来，公安机关协助查找被执行人213人: a bare system word opening a clause before
        `pos` is the body of that system the article named last (its lead: 公安局, 公安厅, 中级人民法院 …)."""
        view, out = self.view, []
        named = None
        for at, word in self._system_starts:
            if at >= pos:
                break
            if any(im.start <= at < im.end for im in view.insts):
                continue  # 派出所 read as the station named before (inst.anaphor:派出所): that body is the agent
            if named is None:  # only once a system word opens a clause (rare)
                named = [im for im in self.ctx.institutions if im not in view.insts or im.end <= pos]
            ends = system_leads(collective_systems()[word])
            # …or its branch (广东省人民检察院广州铁路运输分院, 公安局Y分局), not a unit of another kind (反诈中心)
            lead_or_branch = (im for im in named if im.parent is None or im.name.endswith(("分院", "分局")))
            body = next((im for im in reversed(list(lead_or_branch)) if (im.parent or im.name).endswith(ends)), None)
            if body is not None:
                out.append((at, SubjectChoice(body.name, "subj.system-named")))
        return out


def system_starts(text: str) -> list[tuple[int, str]]:
    """The clause starts a system word opens (公安机关协助…), each with the word (roles.system_word_at: the
    longest). No system word holds a clause stop, so each such start is where a match of the words starts."""
    return [
        (m.start(), m.group())
        for m in _system_words().finditer(text)
        if (m.start() == 0 or text[m.start() - 1] in CLAUSE_STOPS) and opens_clause_at(text, m.start())
    ]


def _bodies(view: SentenceView) -> list[tuple[int, int, SubjectChoice]]:
    """The bodies in subject position, with where each starts and ends."""
    text, out = view.text, []
    spans: set[tuple[int, int, Division | None]] = set()
    for im in view.insts:
        if im.prefix_only or _co_actor(text, im, view.subjects):
            continue
        if (
            im.start,
            im.end,
            im.region,
        ) in spans:  # 纪委监委 names two bodies: its figures are the first's (the party's)
            continue
        if any(end == im.start and region == im.region for _, end, region in spans):
            continue  # …and so does 县纪委县监委, two names back to back with no word between: the first's
        spans.add((im.start, im.end, im.region))
        if im in view.subjects or opens_clause_at(text, (parent_before(text, im, view.insts) or im).start):
            if _speaks_for_itself(text, im):
                # a department's head speaks for its body; a station's for the station (城关镇司法所所长…)
                speaker = im.parent if im.title_only and im.parent and not im.name.endswith(OUTPOSTS) else im.name
                out.append((im.start, im.end, SubjectChoice(speaker, "subj.speaker")))
                continue
            if text.startswith("的", im.end) or PERSON_AFTER.match(text, im.end) or REPORTING.match(text, im.end):
                continue
            if oversees(text, im):
                continue  # 经X批准, 由X主管: the body approves or oversees, the figures are another's
            if not list_member(text, im.end, view.insts):
                rule = "subj.collective-body" if im.collective else "subj.clause"
                out.append((im.start, im.end, SubjectChoice(im.name, rule)))
    return out


def _regions(view: SentenceView, document_codes: set[str]) -> list[tuple[int, int, SubjectChoice]]:
    """The regions opening a clause (全县 aside), with where each starts and ends."""
    text, out = view.text, []
    covered = [(im.start, im.end) for im in view.insts]
    regions = tuple(view.regions)
    for r in view.regions:
        if any(a <= r.start < b for a, b in covered) or not opens_clause_at(text, r.start, regions):
            continue
        if any(o.start == r.end for o in view.regions):
            continue  # 河南省周口市: the chain's last division is the one meant
        if text.startswith((*subject_cues().get("resident", ()), *subject_cues().get("part", ())), r.end):
            continue  # 崖州区渔民陈某说: where a person lives; 西江镇部分民居: a place qualifying a noun
        if list_member(text, r.end, view.regions) or counted_list(text, r, view.regions):
            out.append((r.start, r.end, _list_scope(r, document_codes)))
        else:
            choice = _levels_lead(text, r, document_codes) or SubjectChoice(
                region_name(r, document_codes), "subj.region"
            )
            out.append((r.start, r.end, choice))
    return out


def _nationals(view: SentenceView) -> list[tuple[int, int, SubjectChoice]]:
    """全国 … opening a clause: the country, whose figures have no subject."""
    text, out = view.text, []
    for word in view.national_words:
        if word not in text:
            continue
        for at in _places(word, text):
            if opens_clause_at(text, at):
                out.append((at, at + len(word), SubjectChoice(None, "subj.national")))
    return out


def _collectives(view: SentenceView) -> list[tuple[int, int, CollectiveWord]]:
    """全市 … opening a clause: the region as a whole (data/collective_words.tsv), by word, then by place."""
    text = view.text
    found: list[tuple[int, int, CollectiveWord]] = []
    if not any(c in text for c in _first_characters()):
        return found  # most sentences hold no 全 nor 我: no word need be looked for
    regions = tuple(view.regions)
    for c in collective_words():
        if c.word not in text:  # most sentences name none of them: skip the regex search
            continue
        for at in _places(c.word, text):
            if opens_clause_at(text, at, regions):
                found.append((at, at + len(c.word), c))
    return found


def _places(word: str, text: str) -> list[int]:
    """Where `word` stands in `text`, left to right, one place not overlapping the one before (as re.finditer)."""
    out, at = [], text.find(word)
    while at >= 0 and word:
        out.append(at)
        at = text.find(word, at + len(word))
    return out


def _co_actor(text: str, im, subjects: list) -> bool:
    """甲联合乙、丙建立…: 乙 and 丙 join 甲's measure; the clause's figures are reported by 甲, the lead (also
    when 甲's own clause only says it leads: 甲牵头，联合乙、丙出台…). So when 甲 sets them to work (甲组织乙、丙
    等单位开展…, 甲督促乙追回…: triggers.tsv, organise): the clause's figures are 甲's."""
    return any(
        lead.end <= im.start
        and subject_clause_start(text, im.start) in (subject_clause_start(text, lead.start), _led_from(text, lead.end))
        and any(w in text[lead.end : im.start] for w in _lead_words())
        for lead in subjects
    )


@lru_cache(maxsize=1)
def _lead_words() -> tuple[str, ...]:
    """The words between a lead and the bodies that join it or that it sets to work."""
    return (*triggers()["joint"], *PARTNER_WORDS, *triggers()["organise"])


LEADS = re.compile(r"(?:牵头|统筹)[，,]")


def _led_from(text: str, end: int) -> int:
    """Where the clause after 甲牵头， starts (-1 when the body does not only lead in its clause)."""
    m = LEADS.match(text, end)
    return m.end() if m else -1


# what a speaker's account may open with that names the region, not the body (该区在全区…, 全市…)
REGION_SUBJECT = re.compile(r"(?:该|全|我|本|各)(?:省|市|区|县|州|盟|旗|地|国)")


def _speaks_for_itself(text: str, im) -> bool:
    """X法院(执行局局长)介绍，…: an official's account of the body's own work; not a scholar's, nor
    one that names the region it speaks of (…介绍，该区在全区…)."""
    said = REPORTING.match(text, im.end)
    if said is None or im.kind == "education" or text.startswith("的", im.end):
        return False
    if im.region is None and (im.parent or im.name) in national_names():
        return False  # 最高检第一检察厅负责人介绍，…: the nation's figures, not one body's
    return REGION_SUBJECT.match(text, said.end()) is None


def _systems_after(text: str, pos: int, end: int, c: CollectiveWord, ctx: Context, document_codes: set[str]) -> list:
    """全市公安机关立案侦查46件，检察机关提起公诉38件，法院判处29人: a bare system word opening a later
    clause is the same region's system as the collective (`c`, ending at `end`) before it."""
    before = text[:pos]  # the system word stands before the figure
    return [
        (at, _collective(text, at, c, ctx, document_codes))
        for at in range(end + 1, pos)
        if text[at - 1] in "，；,;" and system_word_at(before, at) is not None
    ]


def _list_scope(r: RegionMention, document_codes: set[str]) -> SubjectChoice:
    """上海、广东、四川等23个省份: the figure is of the division above them (none above provinces)."""
    d = choose(r, document_codes) if not r.local_level else None
    parent = gazetteer().parent(d) if d is not None else None
    return SubjectChoice(parent.name if parent is not None else None, "subj.region-list")


def _implicit_region(levels, suffix: str, ctx: Context, document_codes: set[str]) -> Division | None:
    """The article's region of that kind, else the document's only one (省公安厅 … 全省警方)."""
    region = ctx.implicit_region(levels, suffix)
    if region is not None:
        return region
    gaz = gazetteer()
    found = [
        d for d in map(gaz.by_code.get, sorted(document_codes)) if d and d.level in levels and d.name.endswith(suffix)
    ]
    return found[0] if len(found) == 1 else None


AUTONOMOUS = "自治区"


def _collective(text: str, end: int, c: CollectiveWord, ctx: Context, document_codes: set[str]) -> SubjectChoice:
    """全市法院 → the city's 中级人民法院 (if the document names it); 全县 → the county."""
    if c.suffix == "区" and AUTONOMOUS in text:
        c = c._replace(levels=("province",))  # 自治区司法厅…介绍，全区…: the region, not a district named since
    region = ctx.listed_city(_implicit_region(c.levels, c.suffix, ctx, document_codes), c.suffix)
    region_name = region.name if region is not None else None
    # 全市法院, 全市195个派出所: the system word may follow a count
    count = COUNT.match(text, end)
    word_at = system_word_at(text, count.end() if count else end)
    if word_at is None:
        return SubjectChoice(region_name, "subj.collective-region")
    lead_region = _implicit_region(c.lead_levels, c.suffix, ctx, document_codes)  # 全市法院 → the 中级人民法院
    return _system_lead(word_at, lead_region, region_name) or SubjectChoice(region_name, "subj.collective-region")


def _levels_lead(text: str, r: RegionMention, document_codes: set[str]) -> SubjectChoice | None:
    """芜湖市两级法院: a city's courts of two levels, whose lead is its 中级人民法院 (as 全市法院; the
    region's when the document never names the lead, `Outcomes.finish`)."""
    word = system_word_at(text, r.end + 2) if text.startswith(("两级", "三级"), r.end) else None
    d = choose(r, document_codes) if word is not None else None
    return _system_lead(word, d, d.name) if word and d else None


def _system_lead(word: str, lead: Division | None, fallback: str | None) -> SubjectChoice | None:
    """The lead body, in region `lead`, of the system `word` names (法院 → {region}中级人民法院 for a city),
    standing in for `fallback` should the document never name it; None where collective_leads.tsv has none."""
    if lead is None:
        return None
    template = lead_template(collective_systems()[word], lead.level, lead.name)
    return SubjectChoice(template.format(region=lead.name), "subj.collective-lead", fallback) if template else None


@lru_cache(maxsize=1)
def _system_words() -> re.Pattern:
    """Every word naming all bodies of a system (法院, 公安机关 …), the longest first (roles.system_word_at)."""
    return re.compile("|".join(map(re.escape, sorted(collective_systems(), key=len, reverse=True))))


@lru_cache(maxsize=1)
def _first_characters() -> frozenset[str]:
    """The characters the collective words start with (全, 我)."""
    return frozenset(c.word[0] for c in collective_words())


@lru_cache(maxsize=1)
def national_names() -> frozenset[str]:
    return frozenset(h.canonical for h in institution_heads().values() if h.scope == "national")
