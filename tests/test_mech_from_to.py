"""A survey of places told from one to another (从于田县的“面对面调解”到独山子区的“云端连心桥”) names a
mechanism in every quote; a change told between times (从过去的“多头跑”到现在的“一次办”) names none.
Sentences are invented."""

from __future__ import annotations

import pytest

from govgraph.extract.mechanisms import find_mechanisms

CASES = [
    (
        "从沙雅县的“石榴籽调解”到库车市的“双语说理”，各地亮点纷呈。",
        [(5, 12, "石榴籽调解", "mech.from-to"), (17, 23, "双语说理", "mech.from-to")],
    ),
    (
        "从桃浦镇的“七方联动”到真如镇街道的“家门口调解”。",
        [(5, 11, "七方联动", "mech.from-to"), (18, 25, "家门口调解", "mech.from-to")],
    ),
    # times, not places: a change, no practices
    ("从过去的“多头跑”到现在的“一次办”，群众满意度明显提升。", []),
    # no survey: a place's quoted word alone
    ("沙雅县的“石榴籽调解”，各地亮点纷呈。", []),
]


@pytest.mark.parametrize("text, expected", CASES)
def test_quoted_practices_of_places_told_from_one_to_another(text, expected):
    assert [(m.start, m.end, m.name, m.rule) for m in find_mechanisms(text)] == expected


LISTS = [
    (
        "新疆各地有于田县的“面对面调解”、巩留县的“三维赋能”，各具特色。",
        [(9, 16, "面对面调解", "mech.places-listed"), (21, 27, "三维赋能", "mech.places-listed")],
    ),
    # one place's quoted word, or people's (no level): no survey
    ("于田县的“面对面调解”深受欢迎。", []),
    ("群众的“急难愁盼”、企业的“烦心事”得到解决。", []),
]


@pytest.mark.parametrize("text, expected", LISTS)
def test_a_list_of_places_quoted_practices(text, expected):
    assert [(m.start, m.end, m.name, m.rule) for m in find_mechanisms(text)] == expected
