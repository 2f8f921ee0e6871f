"""Rules found by reading the output on invented articles (helper quality), as tables with the
exact offsets and rule ids they give, and negatives."""

from __future__ import annotations

import pytest

from extract_helpers import adoptions
from govgraph.extract.mechanisms import find_mechanisms


def mechanisms(text: str) -> list[tuple[int, int, str, str]]:
    return [(m.start, m.end, m.name, m.rule) for m in find_mechanisms(text)]


# a quoted name right before 联调 (a joint way of settling disputes) is a mechanism's name
JOINT_MEDIATION_CASES = [
    ("大良街道综治中心推行“三所一庭”联调，化解纠纷。", [(10, 18, "三所一庭", "mech.quoted+tail")]),
    ("该院与派出所推行“一庭两所”联调。", [(8, 16, "一庭两所", "mech.quoted+tail")]),
]
# 联动 is no such word: a modifier before it makes part of a curated name
JOINT_MEDIATION_NEGATIVES = [
    ("恩平市人民法院探索“分离+融合”模式，“立审执”协调联动及时兑现胜诉权益。", "立审执"),
]


@pytest.mark.parametrize("text, expected", JOINT_MEDIATION_CASES)
def test_a_quoted_name_before_joint_mediation(text, expected):
    assert mechanisms(text) == expected


@pytest.mark.parametrize("text, unwanted", JOINT_MEDIATION_NEGATIVES)
def test_no_quoted_name_cut_before_linkage(text, unwanted):
    assert unwanted not in [m[2] for m in mechanisms(text)]


# 以X为抓手 where X is made only of words any measure is called by names no mechanism
FRAME_CASES = [
    (
        "南漳县人民法院以创建活动为抓手，推动诉源治理。",
        [(18, 22, "诉源治理", "mech.curated:litigation-source-governance")],
    ),
    ("南漳县人民法院以专项行动为抓手。", []),
    ("南漳县人民法院以试点工作为载体。", []),
    # a measure of its own stays
    ("南漳县人民法院以复绿管护为抓手。", [(8, 12, "复绿管护", "mech.frame")]),
]


@pytest.mark.parametrize("text, expected", FRAME_CASES)
def test_a_frame_of_kind_words_names_nothing(text, expected):
    assert mechanisms(text) == expected


# bodies that pilot first (率先试点) with no object take up the measure just named
PILOT_CASES = [
    (
        "长春市中级人民法院推行“执行+公安”查人找车协作机制。长春市朝阳区人民法院、南关区人民法院率先试点，今年查扣车辆98辆。",
        {
            ("长春市中级人民法院", "执行+公安"): [(0, 26, "adopt.subject+trigger")],
            ("长春市朝阳区人民法院", "执行+公安"): [(27, 49, "adopt.subject")],
            ("长春市南关区人民法院", "执行+公安"): [(38, 49, "adopt.coactor")],
        },
    ),
    # nothing named before: nothing taken up
    ("德惠市人民法院率先试点。", {}),
    # an object after the verb: no zero anaphor
    ("长春市中级人民法院推行“执行+公安”协作机制。德惠市人民法院率先试点无纸化办案。", None),
]


@pytest.mark.parametrize("text, expected", PILOT_CASES)
def test_a_pilot_with_no_object_takes_up_the_last_measure(text, expected):
    found = adoptions(text)
    if expected is None:
        assert ("德惠市人民法院", "执行+公安") not in found
    else:
        assert found == expected


# a body's speaker opening the sentence (X检察长表示，将与A、B共同建立…) makes the sentence that body's:
# the body carried from earlier sentences is not the one acting with A and B
SPEAKER_TEXT = (
    "大丰区人民检察院则推行“恢复性司法+生态补偿”办案模式，今年共督促补植复绿湿地植被460亩。\n\n"
    "盐城市人民检察院检察长表示，将持续深化跨区域协作，与连云港市人民检察院、南通市人民检察院共同建立"
    "沿海湿地保护检察协作机制，合力守护黄海湿地。"
)


def test_a_speaker_opening_the_sentence_stops_the_carried_body():
    found = adoptions(SPEAKER_TEXT)
    assert ("盐城市大丰区人民检察院", "沿海湿地保护检察协作") not in found
    assert ("连云港市人民检察院", "沿海湿地保护检察协作") in found
    # with no speaker, the carried body still acts with A and B
    carried = adoptions(SPEAKER_TEXT.replace("盐城市人民检察院检察长表示，将", "该院还将"))
    assert ("盐城市大丰区人民检察院", "沿海湿地保护检察协作") in carried
