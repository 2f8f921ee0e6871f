"""A unit right after its parent, named after a place jieba does not know and reads one character at a
time (早|胜 + 人民法庭, 米|桥 + 派出所): the two or three characters are the unit's place. Tables with
exact offsets and rule ids, and negatives (words and function characters between a body and a unit's
head name no unit: 所属, 辖区, 及各, 对)."""

import pytest

from extract_helpers import institutions

UNKNOWN_PLACE_CASES = [
    (
        "宁县人民法院早胜人民法庭开展巡回审判。",
        [("宁县人民法院早胜人民法庭", 0, 12, "inst.subunit:人民法庭")],
    ),
    (
        "宁县公安局米桥派出所开展巡逻。",
        [("宁县公安局米桥派出所", 0, 10, "inst.subunit:派出所")],
    ),
]

UNKNOWN_PLACE_NEGATIVES = [
    ("宁县公安局及各派出所开展巡逻。", [("宁县公安局", 0, 5, "inst.head:公安局")]),
    ("宁县人民法院所属人民法庭审结案件。", [("宁县人民法院", 0, 6, "inst.head:人民法院")]),
    ("宁县公安局辖区派出所开展巡逻。", [("宁县公安局", 0, 5, "inst.head:公安局")]),
    ("宁县公安局对派出所开展考核。", [("宁县公安局", 0, 5, "inst.head:公安局")]),
    ("宁县公安局全县派出所开展巡逻。", [("宁县公安局", 0, 5, "inst.head:公安局")]),
]


@pytest.mark.parametrize("text, expected", UNKNOWN_PLACE_CASES + UNKNOWN_PLACE_NEGATIVES)
def test_unit_named_after_an_unknown_place(text, expected):
    assert institutions(text) == expected
