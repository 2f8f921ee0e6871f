"""Each item of a list that a setup verb opens and a count of as many items closes before 机制/制度 is a mechanism
(建立涉铁案件集中管辖、铁路沿线安全环境综合治理、涉铁纠纷多元化解三项机制); not when the count does not match, nor
when an item is a bare function (调查、调解、心理疏导三项机制: functions)."""

from __future__ import annotations

import pytest

from govgraph.extract.mechanisms import find_mechanisms

CASES = [
    (
        "该院建立涉铁案件集中管辖、铁路沿线安全环境综合治理、涉铁纠纷多元化解三项机制。",
        [
            (8, 12, "集中管辖", "mech.curated:centralized-jurisdiction"),
            (13, 25, "铁路沿线安全环境综合治理", "mech.setup-verb+counted"),
            (26, 34, "涉铁纠纷多元化解", "mech.setup-verb+counted"),
        ],
    ),
    ("该院建立铁路沿线安全环境综合治理、涉铁纠纷多元化解三项机制。", []),
    ("分类建立少年家事案件调查、调解、心理疏导三项机制，", []),
    # no setup verb
    ("该院总结铁路沿线安全环境综合治理、涉铁纠纷多元化解两项机制。", []),
]


@pytest.mark.parametrize("text, expected", CASES)
def test_a_counted_list_of_names(text, expected):
    assert [(m.start, m.end, m.name, m.rule) for m in find_mechanisms(text)] == expected
