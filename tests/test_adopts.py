"""Adoption rules as tables: the text, the [institution, mechanism] pairs it states with the
exact offsets and rule id of their evidence, and what must not be an adoption."""

import pytest

from govgraph.extract.adopts import score
from govgraph.lexicon import adopt_weights
from govgraph.pipeline import process, to_json
from govgraph.reader import Source


def doc(text: str) -> dict:
    return to_json(process(Source(name="t.txt", path="t.txt", text=text, encoding="utf-8")))


def adoptions(text: str) -> dict[tuple[str, str], list[tuple[int, int, str]]]:
    x = doc(text)
    return {
        tuple(pair): [(e["start"], e["end"], e["rule"]) for e in evs]
        for pair, evs in zip(x["adopts"], x["adopts_evidence"], strict=True)
    }


ADOPT_CASES = [
    # text, {(institution, mechanism): [(start, end, rule), …]} (exactly these pairs)
    (
        "　　近日，荆州市中级人民法院推行提级执行。\n",
        {("荆州市中级人民法院", "提级执行"): [(5, 20, "adopt.subject+trigger")]},
    ),
    (  # ASCII punctuation opens a clause as well
        "近日,仁怀市人民法院开展执前督促程序。",
        {("仁怀市人民法院", "执前督促"): [(3, 18, "adopt.subject+trigger")]},
    ),
    (  # 由A牵头，B、C参与: every co-actor of the joint measure
        "由荆州市委政法委牵头，荆州市中级人民法院、荆州市公安局参与，建立诉调对接机制。",
        {
            ("中国共产党荆州市委员会政法委员会", "诉调对接"): [(1, 36, "adopt.subject+trigger")],
            ("荆州市中级人民法院", "诉调对接"): [(11, 36, "adopt.coactor")],
            ("荆州市公安局", "诉调对接"): [(21, 36, "adopt.coactor")],
        },
    ),
    (  # a sentence with no subject of its own: the body the text is about
        "荆州市中级人民法院召开会议。\n二是开展提级执行。\n",
        {("荆州市中级人民法院", "提级执行"): [(19, 23, "adopt.carried")]},
    ),
    (  # a national body that deploys the measure
        "根据最高人民法院部署，荆州市中级人民法院开展交叉执行。",
        {
            ("最高人民法院", "交叉执行"): [(2, 26, "adopt.national")],
            ("荆州市中级人民法院", "交叉执行"): [(11, 26, "adopt.subject+trigger")],
        },
    ),
    (  # the target of the act does not adopt it
        "荆州市人民检察院向荆州市自然资源局发出检察建议。",
        {("荆州市人民检察院", "检察建议"): [(0, 23, "adopt.subject+trigger")]},
    ),
]


@pytest.mark.parametrize("text,expected", ADOPT_CASES)
def test_adoptions(text, expected):
    assert adoptions(text) == expected


ADOPT_NEGATIVES = [
    "荆州市中级人民法院被湖北省人民政府表彰为交叉执行先进单位。",  # praised for it, not adopting it
    "湖北省人民政府授予荆州市中级人民法院交叉执行示范单位称号。",  # honouring a body is not adopting
    "荆州市推行提级执行。",  # a region is never an actor
    "荆州市中级人民法院积极参与全市“平安荆州”建设。",  # contributing to a campaign is not adopting it
    "荆州市公安局积极助力诉源治理。",
    "　　“此案提供了模板。”中国政法大学教授刘静坤说。\n",  # no mechanism, a speaker's employer
]


@pytest.mark.parametrize("text", ADOPT_NEGATIVES)
def test_not_adoptions(text):
    assert doc(text)["adopts"] == []


def test_a_speakers_employer_does_not_adopt_what_the_speaker_comments_on():
    x = doc("　　中国政法大学教授刘静坤说，交叉执行效果好。\n")
    assert not any(a[0] == "中国政法大学" for a in x["adopts"])


def test_weights_are_data_and_the_score_adds_them_up():
    w = adopt_weights()
    assert "bias" in w and "role:subject" in w
    assert score(frozenset({"role:subject"}), {"bias": -1.0, "role:subject": 1.5}) == 0.5
