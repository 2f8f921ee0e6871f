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


def test_a_division_framing_a_led_act_takes_it_from_no_body():
    got = adoptions(
        "由青岛市发展和改革委员会牵头，市中级人民法院、市税务局参与，青岛还建立了破产企业信用修复协同机制。"
    )
    for who in ("青岛市发展和改革委员会", "青岛市中级人民法院", "青岛市税务局"):
        assert (who, "破产企业信用修复协同") in got


def test_a_division_still_takes_over_without_a_lead_named():
    got = adoptions("青岛市中级人民法院推行繁简分流，宝塔区则推行“调解+公证”模式。")
    assert list(got) == [("青岛市中级人民法院", "繁简分流")]
