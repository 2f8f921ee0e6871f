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
