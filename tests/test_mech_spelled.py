"""A list that the count name right after it spells out (人民调解、行政调解、司法调解“三调联动”) lists that
mechanism's parts: they are no mechanisms of their own. A count of items (两项制度) counts mechanisms."""

from __future__ import annotations

import pytest

from govgraph.extract.mechanisms import find_mechanisms

CASES = [
    ("构建人民调解、行政调解、司法调解“三调联动”工作格局。", [(17, 21, "三调联动")]),
    ("推动人民调解、行政调解、司法调解三调联动。", [(16, 20, "三调联动")]),
    # the count does not match the list
    ("推行人民调解、司法调解“三调联动”。", [(2, 6, "人民调解"), (7, 11, "司法调解"), (12, 16, "三调联动")]),
    # a counter: the items are the mechanisms counted
    ("推行人民调解、司法确认两项制度。", [(2, 6, "人民调解"), (7, 11, "司法确认")]),
]


@pytest.mark.parametrize("text, expected", CASES)
def test_a_list_spelled_out_by_its_count(text, expected):
    assert [(m.start, m.end, m.surface) for m in find_mechanisms(text)] == expected


# a method named by its count of steps is one name with the steps the quote before it spells out
METHODS = [
    ("该局推行“冲、刷、消、护”四步法，", [(4, 16, "冲、刷、消、护四步法", "mech.numbered")]),
    ("该院总结“听、问、析、解”四步调解法。", [(4, 18, "听、问、析、解四步调解法", "mech.numbered")]),
    # a count name of its own stays alone (“自治、法治、德治”三治融合), as does a method whose count the list misses
    ("该村推行“自治、法治、德治”三治融合。", [(14, 18, "三治融合", "mech.curated:three-governance-integration")]),
    ("该所推行“冲、刷、消”四步法。", [(4, 14, "冲、刷、消", "mech.quoted+tail")]),
]


@pytest.mark.parametrize("text, expected", METHODS)
def test_a_method_by_its_steps_keeps_them(text, expected):
    assert [(m.start, m.end, m.name, m.rule) for m in find_mechanisms(text)] == expected
