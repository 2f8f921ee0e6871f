"""What the subject rules share: a figure's subject and its rule, the sentence they read, and where its
clauses start (extract/subjects.py chooses the subject; extract/subject_agents.py finds the agents)."""

from __future__ import annotations

import re
from dataclasses import dataclass

from .region_records import RegionMention
from .region_words import reported_by_end
from .roles import LEAD, after_last_stop

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


def subject_clause_start(text: str, pos: int) -> int:
    return after_last_stop(text, pos, CLAUSE_STOPS)


def opens_clause_at(text: str, pos: int, regions: tuple = ()) -> bool:
    """Only time phrases, sentence adverbs (and `regions`: 锡林郭勒盟全盟法院) stand between the clause start and `pos`."""
    start = subject_clause_start(text, pos)
    if start == 0:
        start = min(reported_by_end(text), pos)  # 据西藏日报报道 X公安局…: the credit is no part of the clause
    if start == pos:
        return True  # nothing stands before it in its clause (a body opening a sentence or a clause)
    lead = "".join(text[a:b] for a, b in uncovered_gaps(start, pos, regions)).strip()
    return not lead or LEAD.fullmatch(lead) is not None or TIME_LEAD.fullmatch(lead) is not None


def uncovered_gaps(start: int, end: int, spans: tuple) -> list[tuple[int, int]]:
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


def list_member(text: str, end: int, insts_or_regions: list) -> bool:
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
