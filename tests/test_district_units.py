"""A unit named after a district of the city whose body the article named before
(西安市公安局 … 雁塔分局 → 西安市公安局雁塔分局), with exact offsets; and where it is none."""

from __future__ import annotations

import pytest

from govgraph.extract.inst_base import Context
from govgraph.extract.institutions import find_institutions
from govgraph.extract.regions import find_regions

CASES = [
    # sentences read in order, the last one's mentions: (canonical, start, end, rule)
    (
        ["西安市公安局推进净网专项行动。", "雁塔分局创新反诈宣传模式。"],
        [("西安市公安局雁塔分局", 0, 4, "inst.district-unit:分局")],
    ),
    (  # 长安 is 长安区 without its level word; of Xi'an's, not Shijiazhuang's
        ["西安市公安局推进净网专项行动。", "同时，长安分局与辖区银行建立预警机制。"],
        [("西安市公安局长安分局", 3, 7, "inst.district-unit:分局")],
    ),
    (
        ["西安市公安局推进净网专项行动。", "雁塔分局、长安区分局联合行动。"],
        [
            ("西安市公安局雁塔分局", 0, 4, "inst.district-unit:分局"),
            ("西安市公安局长安区分局", 5, 10, "inst.district-unit:分局"),
        ],
    ),
]
NEGATIVES = [
    ["西安市公安局推进净网专项行动。", "城东分局创新反诈宣传模式。"],  # no district of Xi'an
    ["西安市公安局推进净网专项行动。", "鄞州分局创新反诈宣传模式。"],  # a district of another city
    ["雁塔分局创新反诈宣传模式。"],  # no body of the city named before
    ["西安市人民法院推进执行。", "雁塔分局创新反诈宣传模式。"],  # a body of another kind
]


def _last_sentence(sentences: list[str]) -> list:
    ctx = Context()
    found: list = []
    for text in sentences:
        found = find_institutions(text, find_regions(text), ctx)
    return found


@pytest.mark.parametrize("sentences, expected", CASES)
def test_district_units(sentences, expected):
    got = [(m.name, m.start, m.end, m.rule) for m in _last_sentence(sentences)]
    assert got == expected


@pytest.mark.parametrize("sentences", NEGATIVES)
def test_no_district_unit(sentences):
    assert [m.name for m in _last_sentence(sentences) if m.rule.startswith("inst.district-unit")] == []
