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

from ..lexicon import institution_heads, subject_cues
from .regions import region_name
from .roles import PERSON_AFTER
from .subject_agents import SentenceAgents, national_names
from .subject_base import (
    LIST_ITEM,
    LIST_SEPARATORS,
    PARTNER_WORDS,
    SentenceView,
    SubjectChoice,
    list_member,
    subject_clause_start,
    uncovered_gaps,
)

# 在/对/向 … : a body governed by a preposition (or a partner's word) is not the actor (在人民银行和银保监会指导下)
GOVERNED = re.compile(r"(?:在|对|向|对于|经|受|从|自|给|据|按照|根据|依托|通过|" + "|".join(PARTNER_WORDS) + r")$")
GOVERNED_LIST = re.compile(
    r"\s*(?:先后|还|并|也|均|已|分别)*(?:在|对|向|对于|经|受|从|自|给|据|按照|根据|依托|通过|与|和|同)"
)


def _governed(text: str, im, insts: list) -> bool:
    """在区清欠办、区妇联建立…: a body after a preposition (maybe in a list) is not the actor."""
    start = subject_clause_start(text, im.start)
    if GOVERNED.search(text[start : im.start]):
        return True
    lead = "".join(text[a:b] for a, b in uncovered_gaps(start, im.start, tuple(insts)))
    m = GOVERNED_LIST.match(lead)
    if m is None:
        return False
    # the rest is a list of names, some the rules do not know (天同贻芳托老所、区妇联)
    return all(len(piece) <= LIST_ITEM for piece in re.split(f"[{LIST_SEPARATORS}]", lead[m.end() :]))


def _national(im) -> bool:
    """A national body (最高人民法院, 公安部): its head stands alone and no region is attached."""
    head = institution_heads().get(im.surface)
    return im.region is None and (im.name in national_names() or (head is not None and head.scope == "national"))


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


def sentence_agents(found: SentenceAgents) -> list[tuple[int, SubjectChoice]]:
    """Every agent of the whole sentence, with where it stands, in text order."""
    return sorted(found.before(len(found.view.text)), key=lambda a: a[0])


def last_agent(agents: list[tuple[int, SubjectChoice]], recalled: list) -> SubjectChoice | None:
    """The last of the sentence's agents (`sentence_agents`): what the text goes on talking about. `recalled`:
    agents only the article's earlier text identifies (遵义两级法院 is the 中院, not the region 遵义)."""
    merged = sorted(agents + recalled, key=lambda a: a[0])
    return merged[-1][1] if merged else None


def quantity_subject(
    found: SentenceAgents,
    pos: int,
    carried: list,
    article_body: str | None = None,
    article_agent: SubjectChoice | None = None,
    paragraph_scope: SubjectChoice | None = None,
    recalled: list[tuple[int, SubjectChoice]] | None = None,
) -> SubjectChoice:
    """The subject of the figure at `pos` in the sentence whose agents are `found` (see the module's docstring);
    `recalled`: agents that only the article's earlier text identifies (extract/subject_recall.py)."""
    view, document_codes = found.view, found.document_codes
    agents = sorted(found.before(pos) + (recalled or []), key=lambda a: a[0])
    if agents:
        return _own_jurisdiction(agents, view) or agents[-1][1]
    text = view.text
    for im in reversed(view.insts):
        if im.end > pos or im.prefix_only or list_member(text, im.end, view.insts):
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
    regions = found.ctx.regions
    return SubjectChoice(regions[-1].name if regions else None, "subj.article-region")
