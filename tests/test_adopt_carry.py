"""The body carried from earlier sentences does not act where a sentence names other actors of its own: all
the political-legal bodies of a region (全市政法机关), which no one body leads."""

from __future__ import annotations

import pytest

from extract_helpers import adoptions

CARRY_STOPS = [
    (
        "醴陵市公安局白兔潭派出所推出“反诈夜校”。全市政法机关将持续推动矛盾纠纷多元化解。",
        ("醴陵市公安局白兔潭派出所", "矛盾纠纷多元化解"),
    ),
    (
        "醴陵市人民法院推行“共享法庭”。今年以来，全县政法单位推行“警格+网格”模式。",
        ("醴陵市人民法院", "警格+网格"),
    ),
]


@pytest.mark.parametrize("text, pair", CARRY_STOPS)
def test_a_collective_of_several_systems_stops_the_carried_body(text, pair):
    got = adoptions(text)
    assert pair not in got
    assert len(got) == 1  # the first sentence's own adoption stays


def test_the_carried_body_acts_without_such_a_collective():
    got = adoptions("醴陵市人民法院推行“共享法庭”。今年以来，又推行“警格+网格”模式。")
    assert ("醴陵市人民法院", "警格+网格") in got


def test_a_body_opening_a_later_clause_is_its_actor():
    got = adoptions("太原市小店区人民检察院探索建立“派驻+巡回”检察模式，太原市迎泽区人民检察院推行重大案件“提前介入”。")
    assert ("太原市迎泽区人民检察院", "提前介入") in got
    assert ("太原市小店区人民检察院", "提前介入") not in got


def test_a_body_whose_staff_open_the_sentence_acts_in_it():
    got = adoptions(
        "恩施州中级人民法院推行“背篓法庭”巡回办案机制。"
        "巴东县人民法院野三关人民法庭的法官们背着卷宗，走进大山深处开展巡回审判。"
    )
    assert ("巴东县人民法院野三关人民法庭", "巡回审判") in got
    assert ("恩施土家族苗族自治州中级人民法院", "巡回审判") not in got


ITEMS = (
    "荆州市中级人民法院创新建立双轨监管机制：\n"
    "一方面推行“联络人专责制”，指定专人负责案件交接。\n"
    "荆州市公安局随后建立了“警法联动”工作机制。\n"
    "另一方面建立“全程监管台账”，动态更新案件进展。"
)


def test_each_item_of_a_list_starts_from_the_body_before_it():
    """一方面…另一方面… (as 一是…二是…): an item is the work of the body before the list."""
    got = adoptions(ITEMS)
    assert ("荆州市中级人民法院", "全程监管台账") in got
    assert ("荆州市公安局", "全程监管台账") not in got


def test_a_township_opening_a_sentence_is_its_actor():
    """大沥镇则…: a township in subject position, no institution, acts; the body carried does not (SPEC v2: the
    actor must be a named institution)."""
    got = adoptions(
        "南海区桂城街道司法所探索建立“法律顾问+网格员”联动机制。大沥镇则创新开展“以案说法”进村活动，全年开展120场。"
    )
    assert list(got) == [("佛山市南海区桂城街道司法所", "法律顾问+网格员")]
