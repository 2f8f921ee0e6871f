"""The short cuts taken for speed (issue #13) give what the plain walks gave: each table pins the
exact offsets, and where a short cut replaced a loop, the loop is kept here as the reference."""

from __future__ import annotations

import pytest

from govgraph.extract.adopts import named_elsewhere
from govgraph.extract.mech_discovery import _rule_names
from govgraph.extract.mech_forms import agent_pairs, periodic, unquoted_numbered
from govgraph.extract.mech_names import past_bad_start
from govgraph.extract.quantities import _has_cue
from govgraph.extract.regions import find_regions
from govgraph.extract.roles import CLAUSE_START, after_last_stop
from govgraph.extract.subject_base import CLAUSE_STOPS, subject_clause_start
from govgraph.lexicon import quantity_cues
from govgraph.lexicon_mechanisms import mechanism_cues

CLAUSES = "近日，市法院召开会议;县检察院(东区)表示：推进工作"


def _walk_back(text: str, pos: int, stops: str) -> int:
    """The walk the look-up replaced: back a character at a time to the last stop."""
    i = pos
    while i > 0 and text[i - 1] not in stops:
        i -= 1
    return i


@pytest.mark.parametrize(
    "pos,clause,clause_or_bracket",
    [(0, 0, 0), (2, 0, 0), (3, 3, 3), (5, 3, 3), (12, 11, 11), (13, 11, 11), (20, 11, 19), (26, 22, 22)],
)
def test_a_clause_starts_after_the_last_stop_before_the_position(pos, clause, clause_or_bracket):
    # roles' stops hold no ASCII bracket; the subject rules' do: (东区) opens a clause for them only
    assert after_last_stop(CLAUSES, pos) == clause == _walk_back(CLAUSES, pos, CLAUSE_START)
    assert subject_clause_start(CLAUSES, pos) == clause_or_bracket == _walk_back(CLAUSES, pos, CLAUSE_STOPS)


@pytest.mark.parametrize(
    "text,start,end,expected",
    [
        ("建立常态化府院联动机制", 2, 9, 5),  # 常态化 passed
        ("完善这一传统工作机制", 2, 8, 4),  # 这一 passed; 传统, listed before it, is not looked for again
        ("建立府院联动机制", 2, 6, 2),  # none: the start stays
        ("建立长效机制", 2, 4, 2),  # the word is the whole name: kept
    ],
)
def test_a_name_starts_after_the_words_it_cannot_start_with(text, start, end, expected):
    assert past_bad_start(text, start, end, mechanism_cues()) == expected


def test_each_routine_held_at_an_interval_is_named_once_its_run_ends_in_a_generic_word():
    found = periodic("建立周例会、月通报制度，推行季度研判机制", mechanism_cues())
    assert [(c.start, c.end, c.name) for c in found] == [(2, 5, "周例会"), (6, 11, "月通报"), (14, 20, "季度研判")]
    assert periodic("召开周例会", mechanism_cues()) == []


def test_of_two_names_the_document_gives_the_first_in_sorted_order_is_taken_first():
    text = "携手区司法局等七方联动部门共同打造。"
    found = named_elsewhere(text, {"七方联动部门", "七方联动", "三治融合机制"}, [], [])
    assert [(m.start, m.end, m.name) for m in found] == [(7, 11, "七方联动")]


@pytest.mark.parametrize(
    "text,local_names,expected",
    [
        (
            "在古城镇五龙村开展调解",
            {"五龙村": "village", "古城镇": "township"},
            [(1, 4, "古城镇", None), (4, 7, "五龙村", "古城镇")],
        ),
        # the longest name first: 龙村 inside 五龙村 is no village of its own
        (
            "五龙村村民到古城镇",
            {"古城镇": "township", "五龙村": "village", "龙村": "village"},
            [(0, 3, "五龙村", None), (6, 9, "古城镇", None)],
        ),
        ("推行调解", {"古城镇": "township"}, []),
    ],
)
def test_townships_and_villages_named_earlier_are_found_where_they_stand_alone(text, local_names, expected):
    found = find_regions(text, local_names)
    got = [(m.start, m.end, m.surface, m.local_parent.surface if m.local_parent else None) for m in found]
    assert got == expected


@pytest.mark.parametrize(
    "text,expected",
    [
        ("一核三治工作法", [(0, 4, "一核三治")]),
        ("推行、一核三治工作法", [(3, 7, "一核三治")]),
        ("推行一核三治工作法", []),  # a Chinese character before the count: it may end a word (统一核…)
        ("（一核三治）机制", []),  # the generic word right after, or none
        ("运用五步调解法化解纠纷", [(2, 7, "五步调解法")]),
        ("进一步法治化", []),
    ],
)
def test_a_numbered_name_stands_after_no_chinese_character_and_before_a_generic_word(text, expected):
    assert [(c.start, c.end, c.name) for c in unquoted_numbered(text, mechanism_cues())] == expected


@pytest.mark.parametrize(
    "text,expected",
    [
        ("推行首问负责制", [(2, 7, "首问负责制")]),
        ("全面推行河长制", [(4, 7, "河长制")]),
        ("负责制定方案", []),
        ("推进工作", []),  # no suffix at all: the one scan says so
    ],
)
def test_a_system_named_by_its_rule(text, expected):
    assert [(c.start, c.end, c.name) for c in _rule_names(text, mechanism_cues())] == expected


@pytest.mark.parametrize(
    "text,expected",
    [
        ("深化检企对接", [(2, 6, "检企对接")]),
        ("警医联动机制", [(0, 4, "警医联动")]),
        ("执法院联动", []),
        ("推进工作", []),
    ],
)
def test_two_bodies_in_a_character_each_working_together(text, expected):
    assert [(c.start, c.end, c.name) for c in agent_pairs(text, mechanism_cues())] == expected


@pytest.mark.parametrize(
    "text",
    ["借款10万元", "辖区人口12万人", "共办理案件36件，其中涉及线索举报", "一起纠纷中张某拿到3.2万元", "推进工作", ""],
)
def test_a_figures_cue_words_are_found_as_a_look_for_each_word_finds_them(text):
    for role, words in quantity_cues().items():
        assert _has_cue(text, role) == any(w in text for w in words), role
