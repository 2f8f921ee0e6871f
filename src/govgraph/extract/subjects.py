"""Whose figure: the subject of an outcome figure (gold/SPEC.md, "Rulings (v2)", subjects).

The subject is the acting body of the figure's clause: the last agent standing in subject
position before the figure in its sentence (an institution opening a clause, 全市法院 meaning
the city's lead court, 全县 or a region opening a clause meaning the region, 全国 meaning no
one). Members of a list closed by 等 + the figure (区市场监管局等18家) are what is counted, not
who counts. With no agent in the sentence: the nearest institution before the figure that is
not governed by a preposition, then the body the article is talking about (a national body
reporting figures with no named actor reports national ones: null), then a region named
before the figure, then the article's region.

Each choice carries the id of the rule that decided it (`subj.clause`, `subj.collective-lead` …).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from ..lexicon import Division, gazetteer, institution_heads, subject_cues, triggers
from ..lexicon_collectives import CollectiveWord, collective_systems, collective_words, lead_template
from .institutions import Context
from .region_records import RegionMention
from .regions import choose, region_name
from .respective import counted_list
from .roles import LEAD, PERSON_AFTER, REPORTING, after_last_stop, oversees, parent_before, system_leads, system_word_at

CLAUSE_STOPS = "，,。；;：:！？!?”」）)\n"
CLAUSE_STOP = re.compile(f"[{re.escape(CLAUSE_STOPS)}]")
OUTPOSTS = ("派出所", "司法所", "法庭", "检察室")  # units that act on their own, away from their body
# time phrases and adverbs that may open a clause before its subject (近8年来，浙江…; 2002年,全县…)
TIME_LEAD = re.compile(
    r"^(?:(?:自|从|到|截至|截止)?(?:\d{4}年)?(?:\d{1,2}月)?(?:底|末|初)?(?:\d{1,2}日)?(?:以来|至今|起|后|前|中)?|"
    r"近\S{1,3}年来?|近年来|多年来|今年|去年|上半年|下半年|第[一二三四]季度|前三季度|"
    r"共|共计|累计|已|均|还|又|仅|目前|截至目前|如今|现在|据统计|数据显示|其中|同时|此外|另外)+"
)
# A与B建立…: B is A's partner; the clause's figures are A's
PARTNER_WORDS = ("与", "同", "跟")
# 在/对/向 … : a body governed by a preposition (or a partner's word) is not the actor (在人民银行和银保监会指导下)
GOVERNED = re.compile(r"(?:在|对|向|对于|经|受|从|自|给|据|按照|根据|依托|通过|" + "|".join(PARTNER_WORDS) + r")$")
GOVERNED_LIST = re.compile(
    r"\s*(?:先后|还|并|也|均|已|分别)*(?:在|对|向|对于|经|受|从|自|给|据|按照|根据|依托|通过|与|和|同)"
)
COUNT = re.compile(r"\d+\s*[个名家所]|各级|[两三]级")  # 全市195个派出所, 全市两级法院
LIST_SEPARATORS = "、和及与 "
LIST_ITEM = 12  # the longest unknown name taken for a list item


@dataclass(frozen=True)
class SubjectChoice:
    """A figure's subject and the rule that chose it. `fallback` is taken instead of `name`
    when `name` is a lead body that the document never names (全市法院 with no 中院 in sight)."""

    name: str | None
    rule: str
    fallback: str | None = None

    @property
    def if_unnamed(self) -> str | None:
        """The subject should `name` be a lead body the document never names (found or carried on)."""
        return self.fallback if self.rule == "subj.collective-lead" or self.fallback is not None else self.name


@dataclass
class SentenceView:
    """What a sentence names, for choosing subjects of its figures."""

    text: str
    insts: list
    regions: list[RegionMention]
    subjects: list  # the sentence's subject group (roles.subjects)
    national_words: list[str]


def _clause_start(text: str, pos: int) -> int:
    return after_last_stop(text, pos, CLAUSE_STOPS)


def _opens_clause(text: str, pos: int, regions: tuple = ()) -> bool:
    """Only time phrases, sentence adverbs (and `regions`: 锡林郭勒盟全盟法院) stand between the clause start and `pos`."""
    start = _clause_start(text, pos)
    if start == pos:
        return True  # nothing stands before it in its clause (a body opening a sentence or a clause)
    lead = "".join(text[a:b] for a, b in _gaps(start, pos, regions)).strip()
    return not lead or LEAD.fullmatch(lead) is not None or TIME_LEAD.fullmatch(lead) is not None


def _gaps(start: int, end: int, spans: tuple) -> list[tuple[int, int]]:
    """The parts of [start, end) that no span covers."""
    out, i = [], start
    # only the spans inside [start, end) can be skipped: the others are not sorted
    for m in sorted((m for m in spans if m.start >= start and m.end <= end), key=lambda m: m.start):
        if m.start >= i and m.end <= end:
            out.append((i, m.start))
            i = m.end
    out.append((i, end))
    return out


LIST_BEFORE_COUNT = re.compile(r"[^，,。；;：:]{0,40}?等(?=\s*[\d一二两三四五六七八九十])")


def _list_member(text: str, end: int, insts_or_regions: list) -> bool:
    """X、Y等18家: X is one of what the figure counts. True when only list separators and
    other named items (or short names the rules do not know: 教育部) stand between `end` and 等 + a number."""
    m = LIST_BEFORE_COUNT.match(text, end)
    if not m:
        return False
    gap = text[end : m.end() - 1]
    for o in insts_or_regions:
        if o.start >= end and o.end <= m.end():
            gap = gap.replace(o.surface, "")
    if gap and gap[0] not in LIST_SEPARATORS:
        return False
    return all(len(piece) <= LIST_ITEM for piece in re.split(f"[{LIST_SEPARATORS}]", gap))


def _governed(text: str, im, insts: list) -> bool:
    """在区清欠办、区妇联建立…: a body after a preposition (maybe in a list) is not the actor."""
    start = _clause_start(text, im.start)
    if GOVERNED.search(text[start : im.start]):
        return True
    lead = "".join(text[a:b] for a, b in _gaps(start, im.start, tuple(insts)))
    m = GOVERNED_LIST.match(lead)
    if m is None:
        return False
    # the rest is a list of names, some the rules do not know (天同贻芳托老所、区妇联)
    return all(len(piece) <= LIST_ITEM for piece in re.split(f"[{LIST_SEPARATORS}]", lead[m.end() :]))


def _co_actor(text: str, im, subjects: list) -> bool:
    """甲联合乙、丙建立…: 乙 and 丙 join 甲's measure; the clause's figures are reported by 甲, the lead (also
    when 甲's own clause only says it leads: 甲牵头，联合乙、丙出台…)."""
    return any(
        lead.end <= im.start
        and _clause_start(text, im.start) in (_clause_start(text, lead.start), _led_from(text, lead.end))
        and any(w in text[lead.end : im.start] for w in (*triggers()["joint"], *PARTNER_WORDS))
        for lead in subjects
    )


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
    if im.region is None and (im.parent or im.name) in _national_names():
        return False  # 最高检第一检察厅负责人介绍，…: the nation's figures, not one body's
    return REGION_SUBJECT.match(text, said.end()) is None


def _agents(view: SentenceView, pos: int, ctx: Context, document_codes: set[str]) -> list[tuple[int, SubjectChoice]]:
    """Every agent in subject position before `pos`, with where it stands."""
    text, out = view.text, []
    spans = set()
    for im in view.insts:
        if im.end > pos or im.prefix_only or _co_actor(text, im, view.subjects):
            continue
        if (im.start, im.end) in spans:  # 纪委监委 names two bodies: its figures are the first's (the party's)
            continue
        spans.add((im.start, im.end))
        if im in view.subjects or _opens_clause(text, (parent_before(text, im, view.insts) or im).start):
            if _speaks_for_itself(text, im):
                # a department's head speaks for its body; a station's for the station (城关镇司法所所长…)
                speaker = im.parent if im.title_only and im.parent and not im.name.endswith(OUTPOSTS) else im.name
                out.append((im.start, SubjectChoice(speaker, "subj.speaker")))
                continue
            if text.startswith("的", im.end) or PERSON_AFTER.match(text, im.end) or REPORTING.match(text, im.end):
                continue
            if oversees(text, im):
                continue  # 经X批准, 由X主管: the body approves or oversees, the figures are another's
            if not _list_member(text, im.end, view.insts):
                rule = "subj.collective-body" if im.collective else "subj.clause"
                out.append((im.start, SubjectChoice(im.name, rule)))
    covered = [(im.start, im.end) for im in view.insts]
    regions = tuple(view.regions)
    for r in view.regions:
        if r.end > pos or any(a <= r.start < b for a, b in covered) or not _opens_clause(text, r.start, regions):
            continue
        if any(o.start == r.end for o in view.regions):
            continue  # 河南省周口市: the chain's last division is the one meant
        if text.startswith((*subject_cues().get("resident", ()), *subject_cues().get("part", ())), r.end):
            continue  # 崖州区渔民陈某说: where a person lives; 西江镇部分民居: a place qualifying a noun
        if _list_member(text, r.end, view.regions) or counted_list(text, r, view.regions):
            out.append((r.start, _list_scope(r, document_codes)))
        else:
            out.append(
                (
                    r.start,
                    _levels_lead(text, r, document_codes)
                    or SubjectChoice(region_name(r, document_codes), "subj.region"),
                )
            )
    for word in view.national_words:
        if word not in text:
            continue
        for m in re.finditer(re.escape(word), text[:pos]):
            if _opens_clause(text, m.start()):
                out.append((m.start(), SubjectChoice(None, "subj.national")))
    found = []
    for c in collective_words():  # 全市 …: the region as a whole (data/collective_words.tsv)
        if c.word not in text:  # most sentences name none of them: skip the regex search
            continue
        for m in re.finditer(c.word, text[:pos]):
            if _opens_clause(text, m.start(), regions):
                found.append((m.start(), m.end(), c))
    for start, end, c in found:
        out.append((start, _collective(text, end, c, ctx, document_codes)))
    if found:
        out += _systems_after(text, pos, found[-1], ctx, document_codes)
    else:
        out += _bare_systems(view, pos, ctx)
    return out


def _bare_systems(view: SentenceView, pos: int, ctx: Context) -> list:
    """…宜昌市公安局…。今年以来，公安机关协助查找被执行人213人: a bare system word opening a clause is
    the body of that system the article named last (its lead: 公安局, 公安厅, 中级人民法院 …)."""
    text, out = view.text, []
    named = None
    # the clause starts before `pos`: the text's start and each place right after a clause stop
    clause_starts = [0, *(m.end() for m in CLAUSE_STOP.finditer(text, 0, pos - 1))] if pos > 0 else []
    for at in clause_starts:
        word = system_word_at(text, at)
        if word is None or not _opens_clause(text, at):
            continue
        if named is None:  # only once a system word opens a clause (rare)
            named = [im for im in ctx.institutions if im not in view.insts or im.end <= pos]
        system = collective_systems()[word]
        ends = system_leads(system)
        # …or its branch (广东省人民检察院广州铁路运输分院, 公安局Y分局), not a unit of another kind (反诈中心)
        lead_or_branch = (im for im in named if im.parent is None or im.name.endswith(("分院", "分局")))
        body = next((im for im in reversed(list(lead_or_branch)) if (im.parent or im.name).endswith(ends)), None)
        if body is not None:
            out.append((at, SubjectChoice(body.name, "subj.system-named")))
    return out


def _systems_after(text: str, pos: int, collective, ctx: Context, document_codes: set[str]) -> list:
    """全市公安机关立案侦查46件，检察机关提起公诉38件，法院判处29人: a bare system word opening a later
    clause is the same region's system as the collective before it."""
    _, end, c = collective
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


def _national(im) -> bool:
    """A national body (最高人民法院, 公安部): its head stands alone and no region is attached."""
    head = institution_heads().get(im.surface)
    return im.region is None and (im.name in _national_names() or (head is not None and head.scope == "national"))


@lru_cache(maxsize=1)
def _national_names() -> frozenset[str]:
    return frozenset(h.canonical for h in institution_heads().values() if h.scope == "national")


def _own_jurisdiction(agents: list[tuple[int, SubjectChoice]], view: SentenceView) -> SubjectChoice | None:
    """新源县人民法院…，全县12个乡镇全覆盖: 全县 after a body of that county is the body's jurisdiction,
    and the figure the body's work."""
    last = agents[-1][1]
    if last.rule != "subj.collective-region" or last.name is None:
        return None
    sources = tuple(subject_cues().get("source", ()))  # 据X县公安局统计，全县…: the county's figures, counted by X
    for _, choice in reversed(agents[:-1]):
        if choice.rule == "subj.clause" and any(
            im.name == choice.name
            and (im.region_name or getattr(im.region, "name", None)) == last.name
            and not view.text.startswith(sources, im.end)
            for im in view.insts
        ):
            return SubjectChoice(choice.name, "subj.jurisdiction")
    return None


def sentence_agents(view: SentenceView, ctx: Context, document_codes: set[str]) -> list[tuple[int, SubjectChoice]]:
    """Every agent of the whole sentence, with where it stands, in text order."""
    return sorted(_agents(view, len(view.text), ctx, document_codes), key=lambda a: a[0])


def last_agent(agents: list[tuple[int, SubjectChoice]], recalled: list) -> SubjectChoice | None:
    """The last of the sentence's agents (`sentence_agents`): what the text goes on talking about. `recalled`:
    agents only the article's earlier text identifies (遵义两级法院 is the 中院, not the region 遵义)."""
    merged = sorted(agents + recalled, key=lambda a: a[0])
    return merged[-1][1] if merged else None


def quantity_subject(
    view: SentenceView,
    pos: int,
    carried: list,
    ctx: Context,
    document_codes: set[str],
    article_body: str | None = None,
    article_agent: SubjectChoice | None = None,
    paragraph_scope: SubjectChoice | None = None,
    recalled: list[tuple[int, SubjectChoice]] | None = None,
) -> SubjectChoice:
    """The subject of the figure at `pos` in the sentence (see the module's docstring); `recalled`:
    agents that only the article's earlier text identifies (extract/subject_recall.py)."""
    agents = sorted(_agents(view, pos, ctx, document_codes) + (recalled or []), key=lambda a: a[0])
    if agents:
        return _own_jurisdiction(agents, view) or agents[-1][1]
    text = view.text
    for im in reversed(view.insts):
        if im.end > pos or im.prefix_only or _list_member(text, im.end, view.insts):
            continue
        if _governed(text, im, view.insts) or PERSON_AFTER.match(text, im.end):
            continue
        return SubjectChoice(im.name, "subj.nearest")
    if paragraph_scope is not None:
        return SubjectChoice(paragraph_scope.name, "subj.paragraph-scope")
    if carried:
        if _national(carried[0]):
            return SubjectChoice(None, "subj.national-carried")
        name = carried[0].name
        if carried[0].prefix_only and article_agent is not None and (article_agent.name or "").startswith(name):
            name = article_agent.name  # the sub-unit, not the parent named in front of it (贺兰县公安局反诈中心)
        return SubjectChoice(name, "subj.carried")
    if article_agent is not None:
        return SubjectChoice(article_agent.name, "subj.carried-agent", article_agent.fallback)
    if article_body is not None:
        return SubjectChoice(article_body, "subj.article-body")
    regs = [r for r in view.regions if r.end <= pos]
    if regs:
        return SubjectChoice(region_name(regs[-1], document_codes), "subj.region-named")
    return SubjectChoice(ctx.regions[-1].name if ctx.regions else None, "subj.article-region")
