"""Who adopts the measures of a joint act: the bodies a subject takes into its act (A联合B、C…, A会同B…) adopt
what it goes on to do in its next clause, not what another body does after them."""

from __future__ import annotations

import pytest

from extract_helpers import adoptions

JOINED = (
    "定西市人民检察院聚焦渭河源头生态保护，联合市自然资源局、市生态环境局建立“河长+检察长”协作机制，"
    "开展渭河流域生态环境保护专项监督行动。"
)


def test_partners_of_the_subject_adopt_its_next_clause():
    got = adoptions(JOINED)
    for who in ("定西市人民检察院", "定西市自然资源局", "定西市生态环境局"):
        assert (who, "河长+检察长") in got
        assert (who, "生态环境保护专项监督") in got
    assert got[("定西市生态环境局", "生态环境保护专项监督")] == [(28, 65, "adopt.partner")]


NOT_JOINED = [
    # another body acts in the next clause
    "定西市人民检察院联合市自然资源局建立“河长+检察长”协作机制，市水务局开展渭河流域生态环境保护专项监督行动。",
    # another body named between the partners and the measure
    "定西市人民检察院聚焦生态保护，联合市自然资源局建立协作机制，督促县水务局开展渭河流域生态环境保护专项监督行动。",
]


@pytest.mark.parametrize("text", NOT_JOINED)
def test_no_partner_beyond_the_act(text):
    assert ("定西市自然资源局", "生态环境保护专项监督") not in adoptions(text)
