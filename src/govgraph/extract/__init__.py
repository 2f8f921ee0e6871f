"""Extraction: one document's sentences → mentions → resolved entities, facts and outcomes.

The per-family rules live in the sibling modules; this module walks the articles and
sentences, keeps the article context (regions named so far, the institution the article is
talking about) and hands mentions to `govgraph.resolve`.
"""

from __future__ import annotations

import bisect
from functools import partial

from ..lexicon import gazetteer, triggers
from ..normalize import CleanText
from ..records import Article, Evidence, Extraction, Fact, Sentence
from ..resolve import Resolver
from .adopts import AdoptionFinder
from .institutions import Context, drop_conjunction_regions, find_institutions
from .mechanisms import find_mechanisms
from .outcomes import Outcomes, SentenceView
from .regions import RegionMention, choose, find_regions
from .roles import subjects


def extract_document(name: str, clean: CleanText, articles: list[Article]) -> Extraction:
    gaz = gazetteer()
    national_words = triggers()["national"]
    res = Resolver(name)
    local_names: dict[str, str] = {}
    document_codes: set[str] = set()
    outcomes = Outcomes(document_codes)
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
                    elif m.local_level == "township":
                        # a township standing alone (桃浦镇总工会): under the county or city named
                        # last, else first in the article
                        named = [*reversed(ctx.regions), *ctx.article_regions]
                        home = next((d for d in named if d.level in ("county", "prefecture")), None)
                        parent = home.name if home is not None else None
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
                res.add_mechanism(mm, evidence(sent, mm.start, mm.end, mm.rule))
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
            view = SentenceView(text, insts, regions, subj, national_words)
            outcomes.add_sentence(
                view, art.index, art.date, actors, ctx, mechs, partial(evidence, sent), paragraph_of(sent)
            )
            if subj:
                carried = subj
    return res.finish(articles, list(adopts.values()), outcomes.finish())
