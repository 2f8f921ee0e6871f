"""A generic word that a headline uses as a verb with the people or the field it serves after it (“马背上”服务边民)
makes the quote before it no mechanism; before a name's own word it still does (“法官进网格”服务模式)."""

from __future__ import annotations

import pytest

from govgraph.extract.mechanisms import find_mechanisms

CASES = [
    ("广西百色：人民法庭“马背上”服务边民", []),
    ("检察官“零距离”服务企业发展", []),
    ("“家门口”服务群众", []),
    ("那坡县人民法院推行“巡回审判+普法宣传”服务模式。", [(9, 24, "巡回审判+普法宣传")]),
    ("法庭开展“送法下乡”服务，", [(4, 12, "送法下乡")]),
]


@pytest.mark.parametrize("text, expected", CASES)
def test_a_served_object_after_the_generic_word(text, expected):
    got = [(m.start, m.end, m.name) for m in find_mechanisms(text)]
    assert [g for g in got if g[2] != "巡回审判"] == expected


@pytest.mark.parametrize(
    "text", ["洪江市公安局创新推出“警民议事厅”，每月邀请群众代表议事。", "该所推行“法律服务大厅”。"]
)
def test_a_hall_is_a_facility(text):
    """SPEC v2: facilities and places are no mechanisms (议事厅, 大厅)."""
    assert find_mechanisms(text) == []
