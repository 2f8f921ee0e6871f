"""Extraction: one document's sentences → mentions → resolved entities, facts and outcomes.

The per-family rules live in the sibling modules; this module walks the articles and
sentences, keeps the article context (regions named so far, the institution the article is
talking about) and hands mentions to `govgraph.resolve`.
"""

from __future__ import annotations

import bisect

from ..lexicon import gazetteer, triggers
from ..normalize import CleanText
from ..records import Article, Evidence, Extraction, Fact, Quantity, Sentence
from ..resolve import Resolver
from .adopts import AdoptionFinder
from .institutions import Context, drop_conjunction_regions, find_institutions
from .mechanisms import find_mechanisms
from .quantities import find_period, find_quantities, metric_label, resolve_period
from .regions import RegionMention, choose, find_regions
from .roles import subjects

# 全市 …: a figure of the region as a whole (the article's city)
COLLECTIVE = [
    ("全省", ("province",), "省"),
    ("全区", ("province",), "自治区"),
    ("全州", ("prefecture",), "州"),
    ("全盟", ("prefecture",), "盟"),
    ("全市", ("prefecture", "county"), "市"),
    ("全县", ("county",), "县"),
    ("全旗", ("county",), "旗"),
]


def extract_document(name: str, clean: CleanText, articles: list[Article]) -> Extraction:
    gaz = gazetteer()
    national_words = triggers()["national"]
    res = Resolver(name)
    local_names: dict[str, str] = {}
    document_codes: set[str] = set()
    quantities: list[Quantity] = []
    adopts: dict[tuple[str, str], Fact] = {}
    finder = AdoptionFinder()

    para_starts = [a for a, _ in clean.paragraphs]

    def paragraph_of(sent: Sentence) -> int:
        return bisect.bisect_right(para_starts, sent.clean_start) - 1

    def evidence(sent: Sentence, s: int, e: int, rule: str = "") -> Evidence:
        o_s, o_e = clean.span(sent.clean_start + s, sent.clean_start + e)
        return Evidence(
            name, sent.article, sent.text, sent.start, sent.end, o_s, o_e, sent.text[s:e], clean.exact(o_s, o_e), rule
        )

    # First pass over all full region names: context for same-name divisions (朝阳区), and
    # the divisions each article names, for relative references before them (区法院 … 普陀区).
    article_mentions: dict[int, list] = {}
    for art in articles:
        named_here = article_mentions.setdefault(id(art), [])
        for sent in art.sentences:
            for m in find_regions(sent.text, local_names):
                if m.local_level:
                    # townships named anywhere in the document are known everywhere in it
                    local_names.setdefault(m.surface, m.local_level)
                elif not m.is_short:
                    named_here.append(m)
                    if len(m.candidates) == 1:
                        document_codes.add(m.candidates[0].code)
                        document_codes.update(a.code for a in gaz.ancestors(m.candidates[0]))

    for art in articles:
        named_here = [choose(m, document_codes) for m in article_mentions[id(art)]]
        ctx = Context(document_codes=document_codes, article_regions=[d for d in named_here if d is not None])
        finder.new_article()
        carried: list = []  # the institutions the article is talking about, carried across sentences
        for sent in art.sentences:
            text = sent.text
            regions = drop_conjunction_regions(text, find_regions(text, local_names))
            prev: RegionMention | None = None
            for m in regions:
                if m.local_level:
                    parent = None
                    lp = m.local_parent
                    if lp is not None:
                        chained = None if lp.local_level else choose(lp, document_codes, None, None)
                        parent = chained.name if chained is not None else lp.name
                    local_names.setdefault(m.surface, m.local_level)
                    res.add_local_region(m.name, m.local_level, parent, evidence(sent, m.start, m.end, m.rule))
                    ctx.local_regions.append((m.surface, m.local_level))
                else:
                    adjacent_prev = prev if prev is not None and prev.end == m.start else None
                    d = choose(m, document_codes, None, adjacent_prev)
                    if d is not None:  # a gazetteer mention always has candidates
                        rule = "region.historic" if d.replaced_by else m.rule
                        res.add_region(d, m.surface, evidence(sent, m.start, m.end, rule))
                        ctx.regions.append(d)
                prev = m
            mechs = find_mechanisms(text)
            curated_spans = [(mm.start, mm.end) for mm in mechs if mm.concept is not None]
            insts = find_institutions(text, regions, ctx, curated_spans)
            for im in insts:
                res.add_institution(im, evidence(sent, im.start, im.end, im.rule))
            for mm in mechs:
                res.add_mechanism(mm, evidence(sent, mm.start, mm.end))
            # who acts: the sentence's subject, else the article's actor carried over
            subj = subjects(text, insts)
            actors = subj or carried
            for c in finder.sentence(text, paragraph_of(sent), insts, mechs, subj):
                fact = adopts.setdefault((c.who.name, c.mech.name), Fact("adopts", c.who.name, c.mech.name))
                # the evidence spans the actor too when this sentence names it
                span = (
                    (min(c.who.start, c.mech.start), max(c.who.end, c.mech.end))
                    if c.in_sentence
                    else (c.mech.start, c.mech.end)
                )
                fact.evidence.append(evidence(sent, *span, c.rule))
            for qm in find_quantities(text):
                quantity_subject = _quantity_subject(
                    text, qm.start, insts, subj, actors, regions, ctx, document_codes, national_words
                )
                period = find_period(text, qm.start)
                period_start, period_end = resolve_period(period, art.date)
                # the mechanism the figure is about: the nearest one named before it
                mention_mech = next((mm.name for mm in reversed(mechs) if mm.start < qm.start), None)
                quantities.append(
                    Quantity(
                        text=qm.text,
                        value=qm.value,
                        unit=qm.unit,
                        metric=metric_label(text, qm.start),
                        subject=quantity_subject,
                        period=period,
                        period_start=period_start,
                        period_end=period_end,
                        mechanism=mention_mech,
                        evidence=evidence(sent, qm.start, qm.end),
                    )
                )
            if subj:
                carried = subj
    return res.finish(articles, list(adopts.values()), quantities)


def _quantity_subject(text, pos, insts, subj, actors, regions, ctx, document_codes, national_words):
    """Whose figure: national (None), a region taken as a whole (全市 → the city), the
    sentence's subject, the nearest institution before it, a region named before it, or the
    institution the article is talking about."""
    before = [im for im in insts if im.end <= pos]
    for w in national_words:
        i = text.rfind(w, 0, pos)
        if i >= 0 and not any(im.start > i for im in before):
            return None
    for word, levels, suffix in COLLECTIVE:
        i = text.rfind(word, 0, pos)
        if i >= 0 and not any(im.start > i for im in before):
            d = ctx.implicit_region(levels, suffix)
            if d is not None:
                return d.name
    if subj and subj[0].start < pos:
        return subj[0].name
    if before:
        return before[-1].name
    regs = [m for m in regions if m.end <= pos]
    if regs:
        r = regs[-1]
        return r.name if r.local_level else choose(r, document_codes).name
    if actors:
        return actors[0].name
    return ctx.regions[-1].name if ctx.regions else None
