"""A county's name without its level word right after its province or city, before a break (北京朝阳：, 天津和平：),
is that county, though the gazetteer withholds the stem (和平, an ordinary word) or gives it to another division
(朝阳 to 辽宁's 朝阳市). Exact offsets and rule ids, and negatives."""

import pytest

from govgraph.extract.regions import choose, find_regions


def regions(text: str) -> list[tuple[str, int, int, str]]:
    out = []
    for m in find_regions(text):
        d = choose(m, set())
        out.append((d.name if d else m.surface, m.start, m.end, m.rule))
    return out


CASES = [
    ("北京朝阳：法官进网格", [("北京市", 0, 2, "region.short"), ("朝阳区", 2, 4, "region.short.after-parent")]),
    ("天津和平：调解", [("天津市", 0, 2, "region.short"), ("和平区", 2, 4, "region.short.after-parent")]),
    ("上海浦东：法官进网格", [("上海市", 0, 2, "region.short"), ("浦东新区", 2, 4, "region.short.after-parent")]),
    (
        "吉林长春朝阳：调解",
        [
            ("吉林省", 0, 2, "region.short"),
            ("长春市", 2, 4, "region.short"),
            ("朝阳区", 4, 6, "region.short.after-parent"),
        ],
    ),
]
NEGATIVES = [
    # the province's own 朝阳 is the city; a province holding no such county names none
    ("辽宁朝阳：调解", [("辽宁省", 0, 2, "region.short"), ("朝阳市", 2, 4, "region.short")]),
    ("北京和平：调解", [("北京市", 0, 2, "region.short")]),
    # no break after the stem: the words go on (北京朝阳法院 is read by the head rules, as before)
    ("天津和平解决纠纷", [("天津市", 0, 2, "region.short")]),
]


@pytest.mark.parametrize("text, expected", CASES + NEGATIVES)
def test_a_county_stem_after_its_parent(text, expected):
    assert regions(text) == expected
