"""A unit named after a district of the city whose body the article named before
(西安市公安局 … 雁塔分局 → 西安市公安局雁塔分局), with exact offsets; and where it is none."""

from __future__ import annotations

import pytest

from govgraph.extract.inst_base import Context
from govgraph.extract.institutions import find_institutions
from govgraph.extract.regions import find_regions
from govgraph.pipeline import process, to_json
from govgraph.reader import Source

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
CASES += [
    (  # after a verb of going or a place word, as after a clause mark
        ["西安市公安局推进净网专项行动。", "走进雁塔分局，民警正在接警。"],
        [("西安市公安局雁塔分局", 2, 6, "inst.district-unit:分局")],
    ),
    (  # the district's other form names the unit named before (越城区分局 … 越城分局)
        ["绍兴市公安局越城区分局推进净网专项行动。", "越城分局创新反诈宣传模式。"],
        [("绍兴市公安局越城区分局", 0, 4, "inst.district-unit:分局")],
    ),
]
NEGATIVES = [
    ["西安市公安局推进净网专项行动。", "城东分局创新反诈宣传模式。"],  # no district of Xi'an
    ["西安市公安局推进净网专项行动。", "鄞州分局创新反诈宣传模式。"],  # a district of another city
    ["雁塔分局创新反诈宣传模式。"],  # no body of the city named before
    ["西安市人民法院推进执行。", "雁塔分局创新反诈宣传模式。"],  # a body of another kind
    ["西安市公安局推进净网专项行动。", "大雁塔分局创新反诈宣传模式。"],  # the district's name inside a word
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


def _institutions(text: str) -> list[str]:
    return [i["name"] for i in to_json(process(Source("t.txt", "t.txt", text, "utf-8")))["institutions"]]


@pytest.mark.parametrize(
    "text, names",
    [
        # 公安 before a district's branch is the city police, named or not, when the article's region tells the city
        (
            "安徽省六安市金安区委政法委整合区法院、公安金安分局等单位力量。",
            ["中国共产党六安市金安区委员会政法委员会", "六安市金安区人民法院", "六安市公安局金安分局"],
        ),
        ("山东省青岛市城阳区人民法院联合公安城阳分局开展执行。", ["青岛市城阳区人民法院", "青岛市公安局城阳分局"]),
        # a unit of the bureau named last (市反诈中心) is no parent: the bureau named before it is
        (
            "长沙市公安局推进反诈工作。市反诈中心发布预警指令。岳麓分局推行反诈联络员制度。",
            ["长沙市公安局", "长沙市反诈中心", "长沙市公安局岳麓分局"],
        ),
        # the district's police named as the district's own, after the article named it as the city's branch
        (
            "济南市公安局历下区分局召开发布会。2023年，历下公安共破获刑事案件1872起。",
            ["济南市公安局历下区分局"],
        ),
        ("济南市历下区公安局召开发布会。", ["济南市历下区公安局"]),  # no branch named before: as written
        # a court has no 分局: the unit is no court's
        ("青岛市城阳区人民法院联合城阳分局开展执行。", ["青岛市城阳区人民法院"]),
    ],
)
def test_police_branch_after_gongan(text, names):
    assert _institutions(text) == names
