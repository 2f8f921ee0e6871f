"""Extraction: one document's sentences → mentions → resolved entities, facts and outcomes.

The per-family rules live in the sibling modules; this module walks the articles and
sentences, keeps the article context (regions named so far, the institution the article is
talking about) and hands mentions to `govgraph.resolve`.
"""

from __future__ import annotations

import bisect
import dataclasses
import re
from functools import partial

from ..lexicon import Division, gazetteer, triggers
from ..lexicon_mechanisms import issued_by_another_kind, mechanism_cues
from ..normalize import CleanText
from ..records import Article, Evidence, Extraction, Fact, Sentence
from ..resolve import Resolver
from .adopts import SPEAKER_COLLECTIVE_RULE, AdoptionFinder
from .county_short import withheld_short
from .credits import credit_author, credit_regions
from .institutions import Context, InstitutionMention, drop_conjunction_regions, find_institutions
from .mech_anaphora import antecedent, last_campaign, mechanism_anaphors, tailed_by_word
from .mech_discovery import named_otherwise
from .mechanisms import MechanismMention, find_mechanisms, quoted_span
from .outcomes import Outcomes, SentenceView
from .region_records import RegionMention
from .regions import choose, find_regions
from .respective import respective_mechanisms
from .roles import collective_in, subjects
from .speakers import is_own_quote, quote_speaker, speaker_bodies

# the items of a list that a report spells out (一是…。二是…): the work of the body the report is by
ITEM_OPENING = re.compile(
    r"[一二三四五六七八九十]是|(?:另)?一方面|其[一二三四五六七八九十][，,、]|第[一二三四五六七八九十][，,、]"
    r"|[（(][一二三四五六七八九十][）)]"
)
# a sentence telling a body held a meeting (X召开全体会议), and one opened by what the meeting said
# (会议强调，要…): the latter is the convener's, not that of the last body the sentences between named
CONVENING = re.compile(r"召开[^。！？]{0,30}?会")
MEETING_OPENING = re.compile(r"\s*会议(?:指出|强调|要求|认为|提出|明确|部署|通报)")


def extract_document(name: str, clean: CleanText, articles: list[Article]) -> Extraction:
    return DocumentExtraction(name, clean).run(articles)


class DocumentExtraction:
    """One document's walk: a first pass over region names, then article by article and
    sentence by sentence, each mention handed to the resolver with its evidence."""

    def __init__(self, name: str, clean: CleanText):
        self.name = name
        self.clean = clean
        self.national_words = triggers()["national"]
        self.res = Resolver(name)
        self.local_names: dict[str, str] = {}
        self.county_stems: dict[str, Division] = {}  # 江北 for 江北区, once named in full (county_short)
        self.document_codes: set[str] = set()
        self.outcomes = Outcomes(self.document_codes)
        self.adopts: dict[tuple[str, str], Fact] = {}
        self.finder = AdoptionFinder()
        self.para_starts = [a for a, _ in clean.paragraphs]
        self.sentence_mechs: dict[int, list] = {}  # found in the first pass, used in the second
        self.last_mech: MechanismMention | None = None  # the article's last mechanism named so far
        self.last_by_tail: dict[str, MechanismMention] = {}  # …and its last named with each generic word (机制, 模式)
        self.last_campaign: MechanismMention | None = None  # …and its last campaign (for 该专项行动)

    def run(self, articles: list[Article]) -> Extraction:
        article_mentions = self.first_pass(articles)
        ends = [a.clean_start for a in articles[1:]] + [len(self.clean.text)]  # where each article's text ends
        for art, end in zip(articles, ends, strict=False):
            named_here = [choose(m, self.document_codes) for m in article_mentions[id(art)]]
            named = [d for d in named_here if d is not None]
            span = self.clean.text[art.clean_start : end]
            credited = [] if named else credit_regions(span)
            ctx = Context(document_codes=self.document_codes, article_regions=named or credited, regions=credited)
            ctx.author = credit_author(span) if "我院" in span else None
            self.finder.new_article()
            self.last_mech = self.last_campaign = None
            self.last_by_tail = {}
            carried: list = []  # the institutions the article is talking about, carried across sentences
            before_items: list | None = None  # …, carried when the article's first 一是 opens a list of items
            convener: list = []  # the body that held the meeting the article tells of
            for k, sent in enumerate(art.sentences):
                own_quote = is_own_quote(sent.text) and k + 1 < len(art.sentences)
                ctx.quote_speaker = self.quote_speaker(art.sentences[k + 1], ctx) if own_quote else None
                if ITEM_OPENING.match(sent.text):  # 一是…。二是…: each item starts from the body before them
                    before_items = carried if before_items is None else before_items
                    carried = self.finder.carried = list(before_items)
                # (a system the sentence names, 全市法院和工会系统要…, stands for its lead body as it is)
                if (
                    convener
                    and MEETING_OPENING.match(sent.text)
                    and collective_in(sent.text, 0, len(sent.text)) is None
                ):
                    carried = self.finder.carried = list(convener)
                carried = self.sentence(sent, art, ctx, carried)
                convener = list(carried) if "召开" in sent.text and CONVENING.search(sent.text) else convener
        return self.res.finish(articles, list(self.adopts.values()), self.outcomes.finish())

    def quote_speaker(self, after: Sentence, ctx: Context) -> InstitutionMention | None:
        """The body of who said a quote, from the sentence `after` it (read again in its turn: the bodies it
        names here go to a copy of the context)."""
        text = after.text
        regions = drop_conjunction_regions(text, find_regions(text, self.local_names, self.county_stems))
        scratch = dataclasses.replace(ctx, institutions=list(ctx.institutions), sentence_region_starts=[])
        return quote_speaker(text, find_institutions(text, regions, scratch, []))

    def paragraph_of(self, sent: Sentence) -> int:
        return bisect.bisect_right(self.para_starts, sent.clean_start) - 1

    def evidence(self, sent: Sentence, s: int, e: int, rule: str = "") -> Evidence:
        o_s, o_e = self.clean.span(sent.clean_start + s, sent.clean_start + e)
        exact = self.clean.exact(o_s, o_e)
        return Evidence(self.name, sent.article, sent.text, sent.start, sent.end, o_s, o_e, sent.text[s:e], exact, rule)

    def first_pass(self, articles: list[Article]) -> dict[int, list]:
        """Full region names: context for same-name divisions (朝阳区), and the divisions each
        article names, for relative references before them (区法院 … 普陀区)."""
        gaz = gazetteer()
        article_mentions: dict[int, list] = {}
        not_mechanisms: set[str] = set()
        for art in articles:
            named_here = article_mentions.setdefault(id(art), [])
            for sent in art.sentences:
                self.sentence_mechs[id(sent)] = find_mechanisms(sent.text)
                not_mechanisms |= named_otherwise(sent.text)
                for m in find_regions(sent.text, self.local_names):
                    if m.local_level:
                        # townships named anywhere in the document are known everywhere in it
                        self.local_names.setdefault(m.surface, m.local_level)
                    elif not m.is_short:
                        named_here.append(m)
                        if len(m.candidates) == 1:
                            self.document_codes.add(m.candidates[0].code)
                            self.document_codes.update(a.code for a in gaz.ancestors(m.candidates[0]))
        for m in (m for named in article_mentions.values() for m in named):  # 江北区 of 宁波市: 江北法院
            ds = [d for d in m.candidates if len(m.candidates) == 1 or d.parent_code in self.document_codes]
            if len(ds) == 1 and (stem := withheld_short(ds[0])):
                self.county_stems.setdefault(stem, ds[0])
        # a quote the document names a mechanism with a strong generic word (“四所一庭”联动机制) stays one,
        # though elsewhere the quote is called a platform (依托“四所一庭”平台)
        tails = mechanism_cues().strong_tails
        not_mechanisms -= {mm.name for ms in self.sentence_mechs.values() for mm in ms if mm.surface.endswith(tails)}
        for key, found in self.sentence_mechs.items():
            found = [mm for mm in found if mm.concept is not None or mm.name not in not_mechanisms]
            self.sentence_mechs[key] = found
            # a name the document gives a mechanism also names it where it stands bare (七方联动部门)
            self.finder.known_names.update(mm.name for mm in found if mm.concept is None)
        return article_mentions

    def sentence(self, sent: Sentence, art: Article, ctx: Context, carried: list) -> list:
        """Extract one sentence; returns the institutions carried on to the next."""
        text = sent.text
        regions = drop_conjunction_regions(text, find_regions(text, self.local_names, self.county_stems))
        self.regions(sent, regions, ctx)
        mechs = self.sentence_mechs.pop(id(sent), None)
        mechs = find_mechanisms(text) if mechs is None else mechs
        # a curated name, or the quoted part of a discovered one (“马背法庭+调解员”工作模式), holds no body
        blocked = [(mm.start, mm.end) for mm in mechs if mm.concept is not None]
        blocked += [q for mm in mechs if mm.concept is None for q in quoted_span(mm.start, mm.surface)]
        insts = speaker_bodies(text, find_institutions(text, regions, ctx, blocked), ctx)
        for im in insts:
            self.res.add_institution(im, self.evidence(sent, im.start, im.end, im.rule))
        for mm in mechs:
            if not any(im.start <= mm.start and mm.end <= im.end for im in insts):  # 河长制办公室 names a body
                self.res.add_mechanism(mm, self.evidence(sent, mm.start, mm.end, mm.rule))
        # who acts: the sentence's subject, else the article's actor carried over
        subj = subjects(text, insts)
        if subj:
            ctx.put_forward(subj[0])
        actors = subj or carried
        # 同步推行该机制: the mechanism named last stands where the demonstrative does
        again = mechanism_anaphors(text, mechs, self.last_mech, self.last_campaign, self.last_by_tail)
        self.last_mech = antecedent(mechs) or self.last_mech
        tailed_by_word(mechs, self.last_by_tail)
        self.last_campaign = last_campaign(mechs) or self.last_campaign
        respective = respective_mechanisms(text, subj, mechs)
        for c in self.finder.sentence(text, self.paragraph_of(sent), insts, mechs + again, subj, regions):
            if issued_by_another_kind(c.who.kind, c.mech.name):
                continue  # a court's 司法建议 is not its partners'
            if respective.get((c.mech.start, c.mech.end), c.who.name) != c.who.name:
                continue  # A、B分别推行X和Y: X is A's, Y is B's
            if c.who.rule == SPEAKER_COLLECTIVE_RULE:  # the collective acts: its lead is listed (SPEC v2)
                self.res.add_institution(c.who, self.evidence(sent, c.who.start, c.who.end, c.who.rule))
            fact = self.adopts.setdefault((c.who.name, c.mech.name), Fact("adopts", c.who.name, c.mech.name))
            # the evidence spans the actor too when this sentence names it
            span = (
                (min(c.who.start, c.mech.start), max(c.who.end, c.mech.end))
                if c.in_sentence
                else (c.mech.start, c.mech.end)
            )
            fact.evidence.append(self.evidence(sent, *span, c.rule))
        view = SentenceView(text, insts, regions, subj, self.national_words)
        self.outcomes.add_sentence(
            view, art.index, art.date, actors, ctx, mechs, partial(self.evidence, sent), self.paragraph_of(sent)
        )
        # 南京、苏州、无锡等地检察院…: a list left open with 等 is a group, not what the article goes on about
        open_list = (
            len(subj) >= 2
            and all(text[a.end : b.start] == "、" for a, b in zip(subj, subj[1:]))  # not A与B、C等: A leads
            and "等" in text[subj[-1].start : subj[-1].end + 1]
        )
        return carried if open_list and carried else subj or carried

    def regions(self, sent: Sentence, regions: list[RegionMention], ctx: Context) -> None:
        """Resolve the sentence's region mentions and add them to the article's context."""
        prev: RegionMention | None = None
        ctx.sentence_region_starts = []
        for m in regions:
            if m.local_level:
                parent = self.local_parent(m, ctx)
                self.local_names.setdefault(m.surface, m.local_level)
                self.res.add_local_region(m.name, m.local_level, parent, self.evidence(sent, m.start, m.end, m.rule))
                ctx.local_regions.append((m.surface, m.local_level))
                lp = m.local_parent
                if m.local_level == "village" and lp is not None and lp.local_level == "township":
                    ctx.village_towns.setdefault(m.surface, lp.surface)
            else:
                adjacent_prev = prev if prev is not None and prev.end == m.start else None
                d = choose(m, self.document_codes, None, adjacent_prev, ctx.regions)
                if d is not None:  # a gazetteer mention always has candidates
                    rule = "region.historic" if d.replaced_by else m.rule
                    self.res.add_region(d, m.surface, self.evidence(sent, m.start, m.end, rule))
                    ctx.regions.append(d)
                    ctx.sentence_region_starts.append(m.start)
            prev = m

    def local_parent(self, m: RegionMention, ctx: Context) -> str | None:
        """The parent of a township or village: the division named right before it, else (a
        township standing alone, 桃浦镇总工会) the county or city named last, else first, in the article."""
        lp = m.local_parent
        if lp is not None:
            chained = None if lp.local_level else choose(lp, self.document_codes, None, None)
            return chained.name if chained is not None else lp.name
        if m.local_level == "township":
            named = [*reversed(ctx.regions), *ctx.article_regions]
            home = next((d for d in named if d.level in ("county", "prefecture")), None)
            return home.name if home is not None else None
        return None
