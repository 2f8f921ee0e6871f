"""Rules found by reading the output on invented articles (helper quality2): government web
posts, press conferences, typical-case releases and conference reports, with negatives."""

from __future__ import annotations

import pytest

from extract_helpers import doc
from govgraph.normalize import normalize_chars


def institutions(text: str) -> list[tuple[str, int, int, str]]:
    """(name, start, end, rule) of each institution's first evidence."""
    x = doc(text)
    return [
        (i["name"], i["evidence"][0]["start"], i["evidence"][0]["end"], i["evidence"][0]["rule"])
        for i in x["institutions"]
    ]


# ASCII punctuation next to Chinese takes its full-width form; between digits it stays
ASCII_SIGNS = [
    ("县委政法委牵头,会同县人民法院", "县委政法委牵头，会同县人民法院"),
    ("记者:请介绍一下", "记者：请介绍一下"),
    ("办结率98.6%,四是强化", "办结率98.6%，四是强化"),
    ("成效如何?答", "成效如何？答"),
    ("共计1,234元,发布时间 10:21", "共计1,234元，发布时间 10:21"),
    ("件(人)次", "件(人)次"),
]


@pytest.mark.parametrize("text, folded", ASCII_SIGNS)
def test_ascii_signs_in_chinese_take_their_full_width_form(text, folded):
    assert normalize_chars(text)[0] == folded


# 会同县 after an ASCII comma is 会同 + 县…, as after a full-width one
JOINT_VERB_TEXT = (
    "海南省乐东黎族自治县坚持发展新时代枫桥经验。"
    "县委政法委牵头,会同县人民法院、县人民检察院、县公安局建立矛盾纠纷联合调处中心。"
)


def test_joint_verb_after_an_ascii_comma_names_no_county():
    x = doc(JOINT_VERB_TEXT)
    assert "会同县" not in [r["name"] for r in x["regions"]]
    assert institutions(JOINT_VERB_TEXT) == [
        ("中国共产党乐东黎族自治县委员会政法委员会", 22, 27, "inst.relative:委政法委"),
        ("乐东黎族自治县人民法院", 32, 37, "inst.relative:人民法院"),
        ("乐东黎族自治县人民检察院", 38, 44, "inst.relative:人民检察院"),
        ("乐东黎族自治县公安局", 45, 49, "inst.relative:公安局"),
    ]
