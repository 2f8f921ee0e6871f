"""Outcome records of one sentence: each figure with its subject, metric, period and mechanism.

A figure repeated in the same article (the lead paragraph and the body both give 972名) is
listed once.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from dataclasses import replace

from ..lexicon import triggers
from ..records import Evidence, Quantity
from .institutions import Context
from .metrics import metric_label, respective_labels
from .periods import find_period, resolve_period
from .quantities import find_quantities
from .respective import labelled_subject, respective_subjects
from .stories import is_label_line, opens_a_case, tells_a_case
from .subject_agents import SentenceAgents
from .subject_base import SentenceView, SubjectChoice
from .subject_recall import Recall, jurisdiction, recalled_agents
from .subjects import last_agent, quantity_subject, sentence_agents

# a figure this large (or any sum of money, any rate) is the same figure wherever it is repeated
REPEAT_MIN = 100


# subjects the sentence does not name: carried over or inferred from the article
INFERRED_RULES = {
    "subj.paragraph-scope",
    "subj.carried",
    "subj.national-carried",
    "subj.carried-agent",
    "subj.article-body",
    "subj.region-named",
    "subj.article-region",
}
# agents that name no body: the region, the region's system or the country the paragraph is about
# a lead body the figure's words imply (全市法院 → 中级人民法院), found there or carried on from there
LEAD_RULES = {"subj.collective-lead", "subj.carried-agent"}
SCOPE_RULES = {"subj.region", "subj.region-list", "subj.collective-region", "subj.national"}


class Outcomes:
    """The figures of a document, sentence by sentence."""

    def __init__(self, document_codes: set[str]) -> None:
        self.document_codes = document_codes
        self.quantities: list[Quantity] = []
        self._fallbacks: list[str | None] = []
        self._articles: list[int] = []  # the article of each figure
        self._document_bodies: set[str] = set()  # every body the document names
        self._bodies: dict[int, tuple[Counter[str], dict[str, int]]] = {}  # the bodies each article names
        self._seen: set[tuple] = set()
        self._before_any_body: dict[tuple, int] = {}  # a figure told before the article names anyone → where
        self._scope_figures: dict[tuple, str] = {}  # a big figure given of a region → the region's name
        self._article = -1
        self._named: Counter[str] = Counter()  # how often each body is named in the article so far
        self._last: dict[str, int] = {}
        self._agent: SubjectChoice | None = None  # the last body the article named as an agent
        # the last agent that is no body (全县, 茅箭区 opening a clause) and its paragraph, while no body
        # has become the subject since
        self._scope: tuple[int, SubjectChoice] | None = None
        self._recall = Recall()
        # the paragraph's last agent when it is a body, with the body's region (for 全市 after it)
        self._paragraph_body: tuple[int, str, str | None] | None = None
        self._paragraph: tuple[int, int] = (-1, -1)  # (article, paragraph) of the sentence before
        self._story = False  # …and whether that paragraph tells a case
        self._label_line: tuple[int, int] | None = None  # a paragraph that is a case's label alone (案例二：…案)
        self._case = False  # …or opened telling one case (在一起…纠纷案中，…)
        self._answer = False  # …or is an answer at a press conference (答：我们…)
        # a sentence opened by a collective's lead (全市检察机关共办理…) and none with a subject or another
        # agent since: the figures of sentences with no agent are the lead's, not those of bodies carried from before
        self._collective: SubjectChoice | None = None

    def add_sentence(
        self,
        view: SentenceView,
        article: int,
        article_date: str | None,
        carried: list,
        ctx: Context,
        mechanisms: list,
        evidence: Callable[[int, int, str], Evidence],
        paragraph: int = 0,
    ) -> None:
        text, previous, floor_figure = view.text, None, 0
        in_case = self._in_case(view, article, paragraph)
        if self._story:
            return  # 案例一：王某拒不支付劳动报酬案。…拖欠62名农民工工资: one case's story, not work done
        if article != self._article:
            self._article, self._named, self._last, self._agent, self._scope = article, Counter(), {}, None, None
            self._recall, self._paragraph_body, self._collective = Recall(), None, None
            self._bodies[article] = (self._named, self._last)
        # a figure inside a region's name is no figure (五家渠市: 五家)
        figures = _outside_names(find_quantities(text, in_case), mechanisms + view.regions)
        body = self._article_body() if figures else None  # only the figures ask
        scope = self._scope[1] if self._scope is not None and self._scope[0] == paragraph else None
        here = self._paragraph_body
        body_here = (here[1], here[2]) if here is not None and here[0] == paragraph else None
        first, spans = len(self.quantities), []
        lead = self._collective or self._agent
        carried = [] if self._collective is not None else carried
        if self._answer and not view.insts:
            carried, lead = [], None  # 答：我们…: the host's work (the body the article names most), not the last named
        found = SentenceAgents(view, ctx, self.document_codes)  # found once, read for each figure and the last
        for qm in figures:
            recalled = recalled_agents(view, qm.start, self._recall)
            choice = quantity_subject(found, qm.start, carried, body, lead, scope, recalled)
            choice = jurisdiction(choice, body_here)
            label = labelled_subject(text, qm.start, view.insts, view.regions, self.document_codes)
            if label is not None and label != choice.name:
                choice = SubjectChoice(label, "subj.labelled")  # 分别为姑苏区46.2%、吴中区51.8%
            if self._repeated(text, qm, article, choice):
                continue
            floor = max([floor_figure] + [m.end for m in view.insts + view.regions if m.end <= qm.start])
            metric = metric_label(text, qm.start, qm.end, qm.unit, floor, previous)
            previous, floor_figure = metric, qm.end
            period = find_period(text, qm.start)
            period_start, period_end = resolve_period(period, article_date)
            # the mechanism the figure is about: the nearest one named before it
            mechanism = next((mm.name for mm in reversed(mechanisms) if mm.start < qm.start), None)
            self.quantities.append(
                Quantity(
                    text=qm.text,
                    value=qm.value,
                    unit=qm.unit,
                    metric=metric,
                    subject=choice.name,
                    period=period,
                    period_start=period_start,
                    period_end=period_end,
                    mechanism=mechanism,
                    evidence=evidence(qm.start, qm.end, qm.rule),
                    subject_rule=choice.rule,
                )
            )
            self._fallbacks.append(choice.if_unnamed)
            self._articles.append(article)
            spans.append((qm.start, qm.end))
        self._respective(text, first, spans, view.insts, view.regions)
        self._carry_on(view, found, paragraph, first)

    def _carry_on(self, view: SentenceView, found: SentenceAgents, paragraph: int, first: int) -> None:
        """What the sentence (whose agents are `found`, whose figures are from `first` on) leaves to those
        after it: its last agent, its opening collective, the bodies it names."""
        agents = sentence_agents(found)  # read for the last and the first
        agent = last_agent(agents, recalled_agents(view, len(view.text), self._recall))
        self._collective = self._opening_collective(view, agents, agent)
        if agent is not None and agent.rule in SCOPE_RULES:
            self._scope = (paragraph, agent)  # a region or the country: for this paragraph only
            if not any(q.subject_rule == "subj.jurisdiction" for q in self.quantities[first:]):
                self._paragraph_body = None  # …but 全区 read as the body's jurisdiction stays so (全区已建成…)
        elif agent is not None:
            self._agent, self._scope = agent, None
            self._paragraph_body = (paragraph, *_area_holder(agent.name, view.insts)) if agent.name else None
        elif view.subjects:
            self._scope = None
        self._recall.note(view)
        self._document_bodies.update(im.name for im in view.insts)
        self._note_named(view.text, view.insts)

    def _in_case(self, view: SentenceView, article: int, paragraph: int) -> bool:
        """Whether the sentence goes on telling the case its paragraph opened with (stories.opens_a_case);
        an opening sentence says whether the paragraph tells a case (案例一：) or opens one."""
        if (article, paragraph) != self._paragraph:
            labelled = self._label_line == (article, paragraph - 1)  # the case's story under its label line
            self._paragraph, self._story = (article, paragraph), tells_a_case(view.text)
            self._label_line = (article, paragraph) if self._story and is_label_line(view.text) else None
            self._story = self._story or labelled
            self._case = opens_a_case(view.text)  # …for the sentences after it
            self._answer = view.text.startswith(ANSWER_OPENINGS)
            return False
        return self._case and _names_no_body(view)

    def _opening_collective(
        self, view: SentenceView, agents: list[tuple[int, SubjectChoice]], agent: SubjectChoice | None
    ) -> SubjectChoice | None:
        """The collective's lead that opens the sentence (全市检察机关共办理…，法院采纳…; `agents`: the sentence's,
        in text order) or, for a sentence with no subject and no agent, the one before it."""
        if view.subjects:
            return None
        if agent is None:
            return self._collective
        opening = agents[0][1] if agents else None
        return opening if opening is not None and opening.rule == "subj.collective-lead" else None

    def _note_named(self, text: str, insts: list) -> None:
        """How often the article has named each body. A parent named in front of its sub-unit
        (银川市公安局反诈中心) is named too; a body only inside a person's title (乌镇镇司法所所长介绍)
        or honouring another (被最高人民法院评为…, 省委授予…) is not what the article is about."""
        praise = tuple(triggers()["praise"])
        for im in insts:
            if im.title_only or text.endswith("被", 0, im.start) or text.startswith(praise, im.end):
                continue
            self._named[im.name] += 1
            self._last[im.name] = sum(self._named.values())

    def _respective(self, text: str, first: int, spans: list[tuple[int, int]], insts: list, regions: list) -> None:
        """The sentence's figures (from `first` on, at `spans`) with changes after 分别 labelled one by one,
        and figures after 分别 given one by one to the bodies listed before it."""
        if not spans:
            return  # no figure added (most sentences): nothing to label or give
        added = self.quantities[first:]
        labels = respective_labels(text, spans, [q.metric for q in added])
        listed = (insts, regions, self.document_codes)
        owners = respective_subjects(text, listed, spans) if "分别" in text else [None] * len(added)
        for i, (q, label, owner) in enumerate(zip(added, labels, owners)):
            if owner is not None and owner != q.subject:
                q = replace(q, subject=owner, subject_rule="subj.respective")
                self._fallbacks[first + i] = owner
            if label != q.metric:
                q = replace(q, metric=label)
            self.quantities[first + i] = q

    def _article_body(self) -> str | None:
        """The body the article names most so far (the later named one on a tie)."""
        return _most_named(self._named, self._last)

    def _repeated(self, text: str, qm, article: int, choice: SubjectChoice) -> bool:
        """972名 given twice of one subject is one figure; a small count (10个) is the same one only
        when the same words follow it or come right before it in the same article (a headline's
        办理公益诉讼案件43件 and the body's 立案办理公益诉讼案件43件，)."""
        subject, rule = choice.name, choice.rule
        written = qm.text.replace(" ", "")
        big = qm.value >= REPEAT_MIN or qm.unit in ("CNY", "percent")
        if not big:
            if not written[:1].isdigit():  # 九部门 in a headline and again in the body: counts in words are told once
                words = (article, written, qm.unit, "words")
                if words in self._seen:
                    return True
                self._seen.add(words)
            after = (article, written, qm.unit, "after", text[qm.end : qm.end + 2])
            before = (article, written, qm.unit, "before", text[max(0, qm.start - 4) : qm.start])
            if after in self._seen or before in self._seen:
                return True
            self._seen.update((after, before))
            return False
        # within an article the same written figure is the same one when either time its subject was
        # only inferred (carried, the article's body …): two bodies each named with it are two figures
        named = (article, written, qm.unit, "named")
        inferred = (article, written, qm.unit, "inferred")
        if (written, qm.unit, subject) in self._seen or inferred in self._seen:
            self._told_again(inferred, choice)
            return True
        if rule in INFERRED_RULES and named in self._seen:
            return True
        if self._of_region_told(article, written, qm.unit, choice):
            return True
        self._seen.update({(written, qm.unit, subject), inferred if rule in INFERRED_RULES else named})
        if rule == "subj.article-region":
            self._before_any_body[inferred] = len(self.quantities)  # the figure is added next
        return False

    def _of_region_told(self, article: int, written: str, unit: str, choice: SubjectChoice) -> bool:
        """黔西南州追回资金2.3亿元 in a headline, then 黔西南州审计局…追回资金2.3亿元 in the body: a big figure given
        of a region and again of one of that region's bodies is one figure (the first stays)."""
        key, name = (article, written, unit), choice.name or ""
        region = self._scope_figures.get(key)
        if region is not None and choice.rule not in SCOPE_RULES and name.startswith(region) and name != region:
            return True
        if choice.rule in SCOPE_RULES and name:
            self._scope_figures.setdefault(key, name)
        return False

    def _told_again(self, key: tuple, choice: SubjectChoice) -> None:
        """挽回税款损失5.6亿元 in a headline, then 江苏省…挽回税款损失5.6亿元 in the body: a figure told
        before the article names anyone is of the subject the body tells it of."""
        at = self._before_any_body.get(key)
        if at is None or choice.rule in INFERRED_RULES or choice.rule == "subj.collective-lead":
            return
        del self._before_any_body[key]
        self.quantities[at] = replace(self.quantities[at], subject=choice.name, subject_rule=choice.rule)
        self._fallbacks[at] = choice.name

    def finish(self) -> list[Quantity]:
        """A lead body the document never names gives way to its region (全市法院, no 中院 in sight);
        a figure told before the article names any body belongs to the body the article is about."""
        out = []
        for q, fallback, article in zip(self.quantities, self._fallbacks, self._articles):
            if q.subject_rule in LEAD_RULES and q.subject not in self._document_bodies and fallback != q.subject:
                q = replace(q, subject=fallback, subject_rule="subj.collective-region")
            elif q.subject_rule == "subj.article-region":
                twin = self._same_metric(q, article)
                body = _most_named(*self._bodies[article])
                if twin is not None:
                    q = replace(q, subject=twin.subject, subject_rule="subj.same-metric")
                elif body is not None:
                    q = replace(q, subject=body, subject_rule="subj.article-body")
            out.append(q)
        return out

    def _same_metric(self, q: Quantity, article: int) -> Quantity | None:
        """化解率达92% in a headline and 化解率92.2% in the body of 鼎城区: a figure told before the article
        names anyone measures what a figure of the same label and unit measures whose subject it names,
        or is that figure rounded (调处纠纷1700余件 in a headline, 调处矛盾纠纷1738件 in the body)."""
        return next(
            (
                o
                for o, a in zip(self.quantities, self._articles)
                if a == article
                and o is not q
                and o.unit == q.unit
                and (o.metric == q.metric or _rounded(q.value, o.value))
                and o.subject_rule not in INFERRED_RULES
            ),
            None,
        )


# a paragraph opening so answers a reporter's question; its 我们 is the body holding the conference
ANSWER_OPENINGS = ("答：", "答:")


def _outside_names(figures: list, names: list) -> list:
    """The figures outside every name (执行攻坚百日行动, “两个课堂”, 五家渠市: the figure is part of the name)."""
    if not figures or not names:
        return figures
    return [q for q in figures if not any(m.start <= q.start and q.end <= m.end for m in names)]


def _names_no_body(view: SentenceView) -> bool:
    """A sentence of a case's paragraph that names no body acting and no region goes on telling the case
    (置业公司名下32套房产被查封); one naming a body or a region tells its work (市市场监管局随即开展专项整治，
    检查食品经营户680家; 灌南县组建专家团，对212余件矛盾纠纷把脉会诊)."""
    return not view.regions and all(im.title_only for im in view.insts)


def _rounded(told: float, exact: float) -> bool:
    """A headline's round figure for the body's exact one (1700余 for 1738, 九百余 for 941): within a tenth."""
    return told >= 10 and abs(exact - told) <= told / 10


def _region_of(name: str, insts: list) -> str | None:
    """The region of the body of that name among the sentence's mentions."""
    im = next((im for im in insts if im.name == name), None)
    if im is None:
        return None
    # a township's body (杨河镇派出所) is of the township, though its Division is the county's
    return im.region_name or (im.region.name if im.region is not None else None)


def _area_holder(name: str, insts: list) -> tuple[str, str | None]:
    """The body whose area 全县/全市 after `name` names, and that area: a unit of a region's body
    (兰陵县公安局刑事侦查大队) works for its parent's area, so 全县共出动警力 is the parent's; a township's
    station (杨河镇派出所) has its own (全镇)."""
    region = _region_of(name, insts)
    im = next((im for im in insts if im.name == name), None)
    if im is not None and im.parent and im.region is not None and region == im.region.name:
        return im.parent, region
    return name, region


def _most_named(named: Counter[str], last: dict[str, int]) -> str | None:
    """The body named most (the later named one on a tie)."""
    return max(named, key=lambda n: (named[n], last[n])) if named else None


__all__ = ["Outcomes", "SentenceView", "SubjectChoice"]
