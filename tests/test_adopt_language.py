"""Adoption across the language of reports: 该机制 taking up the last mechanism named as a 机制. Invented texts;
each positive stands beside a negative."""

from __future__ import annotations

from extract_helpers import adoptions

FOREST = (
    "南平市人民检察院与南平市林业局会签《关于建立“林长+检察长”协作机制的意见》。"
    "邵武市人民检察院向邵武市自然资源局发出检察建议。"
    "南平市人民检察院有关负责人表示，将深化该{0}，推动林区生态修复。"
)


def test_gai_jizhi_takes_up_the_last_mechanism_named_as_a_jizhi():
    """该机制 is the “林长+检察长”协作机制, not the bare 检察建议 another body issued in the sentence between."""
    got = adoptions(FOREST.format("机制"))
    assert ("南平市人民检察院", "检察建议") not in got
    assert (63, 85, "adopt.mention+trigger") in got[("南平市人民检察院", "林长+检察长")]


def test_a_demonstrative_with_no_such_word_takes_the_last_mechanism():
    got = adoptions(FOREST.format("项工作").replace("将深化该项工作", "将深化这种做法"))
    assert ("南平市人民检察院", "检察建议") in got  # 这种做法: no mechanism was named 做法, the last stands
