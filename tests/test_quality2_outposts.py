"""Grassroots bodies named after places the rules missed (helper quality2, round 5): a corps regiment
(一四九团派出所, 第八师一四九团人民法庭: a township-level place named by its number written digit by digit) and a
苏木 with a transcribed Mongolian name of four characters (阿尔巴斯苏木人民法庭), each with a negative."""

from __future__ import annotations

import pytest

from extract_helpers import institutions

CORPS = "新疆生产建设兵团第八师"
OUTPOSTS = [
    ("一四九团派出所民警走访连队。", [("一四九团派出所", 0, 7, "inst.named:派出所")]),
    ("，一〇一团司法所调解员走访连队。", [("一〇一团司法所", 1, 8, "inst.named:司法所")]),
    ("第八师一四九团人民法庭法官深入连队。", [(CORPS + "一四九团人民法庭", 0, 11, "inst.named:人民法庭")]),
    ("兵团第八师一四九团派出所民警走访。", [(CORPS + "一四九团派出所", 0, 12, "inst.named:派出所")]),
    # negatives: a count of stations, a regiment of one or two numerals (a count or an ordinal)
    ("全团三个派出所民警走访连队。", []),
    ("该师十二团派出所民警走访连队。", []),
    (
        "鄂托克旗人民法院阿尔巴斯苏木人民法庭法官深入牧区。",
        [("鄂托克旗人民法院阿尔巴斯苏木人民法庭", 0, 18, "inst.subunit:人民法庭")],
    ),
    (
        "鄂托克旗司法局阿尔巴斯苏木司法所调解员深入牧区。",
        [("鄂托克旗司法局阿尔巴斯苏木司法所", 0, 16, "inst.subunit:司法所")],
    ),
    # negative: 苏木 as the level, no name before it
    ("鄂托克旗人民法院推动基层苏木人民法庭建设。", [("鄂托克旗人民法院", 0, 8, "inst.head:人民法院")]),
]


@pytest.mark.parametrize("text, expected", OUTPOSTS)
def test_regiment_and_sumu_outposts(text, expected):
    assert institutions("　　" + text + "\n") == [(n, s + 2, e + 2, r) for n, s, e, r in expected]
