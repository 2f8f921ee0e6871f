"""A range of figures (120万至150万元, 3至5天, 1.5—2万元) lists both its ends, in the upper end's unit, with
one label (helper quality2, round 5). SPEC and the gold are silent on ranges: each end is a figure the text
states, as 10%—15% already gave two."""

from __future__ import annotations

import pytest

from govgraph.extract.metrics import metric_label
from govgraph.extract.quantities import find_quantities

RANGES = [
    (
        "涉及金额120万至150万元，",
        [("120万", 4, 8, 1.2e6, "CNY"), ("150万元", 9, 14, 1.5e6, "CNY")],
    ),
    ("审理周期缩短至3至5天", [("3", 7, 8, 3.0, "day"), ("5天", 9, 11, 5.0, "day")]),
    ("追回欠薪1.5—2万元", [("1.5", 4, 7, 1.5e4, "CNY"), ("2万元", 8, 11, 2e4, "CNY")]),
    ("组织警力2000至2500人次", [("2000", 4, 8, 2000.0, "person_time"), ("2500人次", 9, 15, 2500.0, "person_time")]),
    ("办理时限压缩至三至五个工作日", [("三", 7, 8, 3.0, "day"), ("五个工作日", 9, 14, 5.0, "day")]),
    # a lower end below the upper's number takes its magnitude, a larger one does not
    ("标的额500至2万元", [("500", 3, 6, 500.0, "CNY"), ("2万元", 7, 10, 2e4, "CNY")]),
    # a lower end with its unit is a figure itself (no third one)
    ("提升10%—15%", [("10%", 2, 5, 10.0, "percent"), ("15%", 6, 9, 15.0, "percent")]),
    # negatives: an ordinal, a date, a term of years (no upper end: no lower end)
    ("考核位列第3至5名之间", []),
    ("2020年至2023年，", []),
    ("被告人被判处3至5年有期徒刑", []),
]


@pytest.mark.parametrize("text, expected", RANGES)
def test_a_range_lists_both_its_ends(text, expected):
    found = [(q.text, q.start, q.end, q.value, q.unit) for q in find_quantities(text)]
    assert found == expected


LABELS = [
    # the lower end is labelled by the noun after the whole range, the upper end as the lower one
    ("为60至80名农民工讨回工资", 1, 3, "person", None, "农民工讨回工资数"),
    ("为60至80名农民工讨回工资", 4, 7, "person", "农民工讨回工资数", "农民工讨回工资数"),
    # negative: a figure followed by no range keeps its own label
    ("为60名农民工讨回工资", 1, 4, "person", None, "农民工讨回工资数"),
]


@pytest.mark.parametrize("text, start, end, unit, previous, expected", LABELS)
def test_a_range_has_one_label(text, start, end, unit, previous, expected):
    floor = 0 if previous is None else 3
    assert metric_label(text, start, end, unit, floor, previous) == expected


# a change of a duration keeps the duration's label whole (jieba cuts 用|时 and reads 用 as a preposition)
CHANGE_LABELS = [
    ("受理案件5天，增长10%", 9, 12, "percent", "受理案件用时", 7, "受理案件用时增长"),
    ("拘留用时增长10%", 6, 9, "percent", None, 0, "拘留用时增长"),
    # negative: a count's change keeps its label as before
    ("审结案件3200件，同比增长10%", 14, 17, "percent", "审结案件数", 9, "审结案件数同比增长"),
]


@pytest.mark.parametrize("text, start, end, unit, previous, floor, expected", CHANGE_LABELS)
def test_a_change_of_a_duration_keeps_its_label(text, start, end, unit, previous, floor, expected):
    assert metric_label(text, start, end, unit, floor, previous) == expected
