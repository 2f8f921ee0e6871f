"""Figures that count no work, found on invented articles of many provinces (/tmp/inv_quality2_*),
as tables: exact offsets and rule ids, and negatives (SPEC v2, Rulings: Quantities)."""

import pytest

from govgraph.extract.quantities import find_quantities


def figures(text: str) -> list[tuple[str, int, int, float, str, str]]:
    return [(q.text, q.start, q.end, q.value, q.unit, q.rule) for q in find_quantities(text)]


# the parts a platform, a process or a document is built of are how it is built, not work done
PARTS = [
    ("平台设置电子定位、视频点验、教育学习、心理测评4个模块", []),
    ("涵盖报到、监管、教育、解矫等8个环节", []),
    ("该平台有心理服务、联防联控3个子场景", []),
    ("从5个方面提出整改建议", []),
    ("明确6方面具体措施", []),  # 方面 is no 方 of parties (七方联动)
    (
        "设立4个巡回审判点，开展巡回审判126次",
        [("4个", 2, 4, 4, "item", "qty.unit:个→item"), ("126次", 16, 20, 126, "item", "qty.unit:次→item")],
    ),
    ("新建调解室12个", [("12个", 5, 8, 12, "item", "qty.unit:个→item")]),
    ("会同检察院、公安局等5方联合出台意见", [("5方", 10, 12, 5, "item", "qty.unit:方→item")]),
]


@pytest.mark.parametrize("text, expected", PARTS)
def test_the_parts_a_thing_is_built_of_are_no_figure(text, expected):
    assert figures(text) == expected
