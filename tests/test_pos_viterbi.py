"""posseg's Viterbi search as govgraph runs it (pos_viterbi) gives what jieba's own gives, bit for bit."""

from __future__ import annotations

import pytest
from jieba.posseg import char_state_tab_P, emit_P, start_P, trans_P
from jieba.posseg.viterbi import viterbi as jieba_viterbi

from govgraph.pos_viterbi import PosViterbi
from govgraph.segment import _posseg, jieba_pos

viterbi = PosViterbi(trans_P, jieba_viterbi)
# runs jieba's dictionary does not know: township and person names, letters and digits, one character
RUNS = [
    "潭门镇",
    "将某",
    "李某某",
    "老冢镇三王村",
    "箬横",
    "吉里于孜镇",
    "x",
    "镇",
    "AB12",
    "某某某某某某某某",
    "乡村振兴",
]


@pytest.mark.parametrize("run", RUNS)
def test_the_search_scores_and_tags_a_run_as_jiebas_does(run):
    assert viterbi(run, char_state_tab_P, start_P, trans_P, emit_P) == jieba_viterbi(
        run, char_state_tab_P, start_P, trans_P, emit_P
    )


def test_posseg_searches_with_it_and_tags_as_before():
    assert isinstance(_posseg().viterbi, PosViterbi)
    assert jieba_pos("潭门镇司法所将某某移送") == (
        ("潭门镇", "ns"),
        ("司法", "n"),
        ("所", "u"),
        ("将", "d"),
        ("某某", "r"),
        ("移送", "v"),
    )


def test_a_run_where_no_state_of_a_character_can_follow_is_left_to_jieba():
    handed = []

    def spy(obs, *tables):
        handed.append(obs)
        return jieba_viterbi(obs, *tables)

    # none of 绽's states follows one of 泸's: jieba's own search widens the choice
    assert PosViterbi(trans_P, spy)("泸绽", char_state_tab_P, start_P, trans_P, emit_P) == jieba_viterbi(
        "泸绽", char_state_tab_P, start_P, trans_P, emit_P
    )
    assert handed == ["泸绽"]
    assert PosViterbi(trans_P, spy)("潭门镇", char_state_tab_P, start_P, trans_P, emit_P)
    assert handed == ["泸绽"]
