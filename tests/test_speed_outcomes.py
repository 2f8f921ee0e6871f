"""The short cuts of the outcome path (issue #13) give what the plain walks gave: each table pins the
exact offsets, and the walk a short cut replaced is kept here as the reference."""

from __future__ import annotations

import re

import pytest

from govgraph.extract.inst_base import InstitutionMention
from govgraph.extract.quantities import find_quantities
from govgraph.extract.quantity_words import day_limits
from govgraph.extract.roles import system_word_at
from govgraph.extract.subject_agents import _places, system_starts
from govgraph.extract.subject_base import CLAUSE_STOP, opens_clause_at
from govgraph.extract.subject_recall import Recall, recalled_agents
from govgraph.extract.subjects import SentenceView


def _clause_walk(text: str) -> list[tuple[int, str]]:
    """The walk system_starts replaced: each clause start, and the system word there if any."""
    starts = [0, *(m.end() for m in CLAUSE_STOP.finditer(text))]
    return [(at, w) for at in starts if (w := system_word_at(text, at)) and opens_clause_at(text, at)]


@pytest.mark.parametrize(
    "text,expected",
    [
        ("公安机关协助查找被执行人213人", [(0, "公安机关")]),  # the longest word: 公安机关, not 公安
        ("今年以来，公安机关破获案件46起，法院判处29人。", [(5, "公安机关"), (17, "法院")]),
        ("市人民法院受理案件12件", []),  # 人民法院 inside a name opens no clause
        ("据介绍，人民法院、检察院共办理", [(4, "人民法院")]),  # 检察院 after 、 opens no clause
        ("受理案件12件，", []),  # a stop at the end: nothing after it
        ("", []),
    ],
)
def test_the_clause_starts_a_system_word_opens(text, expected):
    assert system_starts(text) == expected == _clause_walk(text)


@pytest.mark.parametrize(
    "text,expected",
    [
        ("当日受理、次日即办结", [(0, 2, "当日"), (5, 7, "次日")]),  # no number: only the days in words
        ("全市法院依法受理群众诉求", []),
        ("受理案件12件", [(4, 7, "12件")]),  # a number: the whole search
    ],
)
def test_a_sentence_without_a_number_is_read_for_days_in_words_only(text, expected):
    assert [(q.start, q.end, q.text) for q in find_quantities(text)] == expected
    if not any(c.isdigit() for c in text):
        assert find_quantities(text) == day_limits(text)


@pytest.mark.parametrize(
    "text,staff,expected",
    [
        ("民警成功拦截诈骗电话12次", {"民警": "某某派出所"}, [(0, "某某派出所")]),
        ("成功拦截诈骗电话12次", {"民警": "某某派出所"}, []),  # no staff word, no head: no agent recalled
    ],
)
def test_agents_recalled_only_where_a_word_of_theirs_stands(text, staff, expected):
    view = SentenceView(text, [], [], [], [])
    found = recalled_agents(view, len(text), Recall(staff=dict(staff)))
    assert [(at, c.name) for at, c in found] == expected


@pytest.mark.parametrize(
    "word,text,expected",
    [
        ("全市", "全市法院和全市检察院", [0, 5]),
        ("全国", "全国全国人", [0, 2]),
        ("全全", "全全全全全", [0, 2]),  # one place not overlapping the one before, as re.finditer
        ("全县", "本市", []),
    ],
)
def test_the_places_of_a_word_are_those_re_finds(word, text, expected):
    assert _places(word, text) == expected == [m.start() for m in re.finditer(re.escape(word), text)]


COURT = InstitutionMention(0, 6, "古城人民法庭", "古城人民法庭", "court")


@pytest.mark.parametrize(
    "text,insts,bodies,expected",
    [
        ("法庭5名干警参与调解纠纷12件", [], ["古城人民法庭"], [(0, "古城人民法庭")]),  # a head standing alone
        ("古城人民法庭调解纠纷12件", [COURT], ["古城人民法庭"], []),  # the head inside a body's name
        ("法庭5名干警参与调解纠纷12件", [], ["古城司法所"], []),  # no body named with that head
    ],
)
def test_a_bare_head_is_read_only_where_it_stands_outside_a_name(text, insts, bodies, expected):
    view = SentenceView(text, insts, [], [], [])
    found = recalled_agents(view, len(text), Recall(bodies=list(bodies)))
    assert [(at, c.name) for at, c in found] == expected
