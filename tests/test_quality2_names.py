"""Names found on invented articles of other outlets (helper quality2, round 5): 检察日报 short forms, a
division's full name and 院 (西湖区院, 芜湖市院) standing for its procuratorate, a zone court with an aside in
brackets, and suburb courts (城郊法院); each with a negative."""

from __future__ import annotations

import pytest

from extract_helpers import doc


def institutions(text: str) -> list[tuple[str, int, int, str]]:
    return [
        (i["name"], i["evidence"][-1]["start"], i["evidence"][-1]["end"], i["evidence"][-1]["rule"])
        for i in doc(text)["institutions"]
    ]


# the level word of 区院 (市院, 县院, 省院) is the place's last character; a procuratorate named before, or 检察 in
# the sentence, makes the article one on procuratorates; 院长, 院落, 院士 and a village's 院坝 are words
PLACE_BENCHES = [
    (
        "安徽省人民检察院部署工作。芜湖市院要求加强监督。",
        [("安徽省人民检察院", 0, 8, "inst.head:人民检察院"), ("芜湖市人民检察院", 13, 17, "inst.place:院")],
    ),
    ("今年以来，西湖区院检察官办理案件120件。", [("杭州市西湖区人民检察院", 5, 9, "inst.place:院")]),
    (
        "宣城市人民检察院部署。宁国市院、泾县院参加。",
        [
            ("宣城市人民检察院", 0, 8, "inst.head:人民检察院"),
            ("宁国市人民检察院", 11, 15, "inst.place:院"),
            ("泾县人民检察院", 16, 19, "inst.place:院"),
        ],
    ),
    ("今年以来，西湖区院共办理案件120件。", []),
    ("宁国市法院部署。宁国市院长参加。", [("宁国市人民法院", 0, 5, "inst.head:法院")]),
    (
        "芜湖市人民检察院召开会议。西湖区院落改造，芜湖市院士参加，社区院坝会召开。",
        [("芜湖市人民检察院", 0, 8, "inst.head:人民检察院")],
    ),
]


@pytest.mark.parametrize("text, expected", PLACE_BENCHES)
def test_a_place_and_yuan_is_its_procuratorate(text, expected):
    assert institutions(text) == expected


# an aside in brackets between a zone and the head is part of the body's name (重庆两江新区（自贸区）人民法院 is one
# court), and the zone's short mention after it is that court; a zone body with no aside keeps its name
ZONE_ASIDES = [
    (
        "重庆两江新区（自贸区）人民法院审理了该案，两江新区法院表示。",
        [("重庆两江新区（自贸区）人民法院", 21, 27, "inst.zone:法院")],
    ),
    ("两江新区（自贸区）法院审结案件。", [("两江新区（自贸区）人民法院", 0, 11, "inst.zone:法院")]),
    ("重庆两江新区人民法院审理了该案。", [("重庆两江新区人民法院", 0, 10, "inst.zone:人民法院")]),
]


@pytest.mark.parametrize("text, expected", ZONE_ASIDES)
def test_an_aside_between_a_zone_and_the_head_is_part_of_the_name(text, expected):
    assert institutions(text) == expected


# a city's court or procuratorate named after its suburbs (三亚市城郊人民法院) is written 城郊法院 too, alone the
# city's that the article named last (not a district's: 城郊 courts are cities'); without a city it names none
SUBURB_BENCHES = [
    ("三亚市城郊法院审结案件。", [("三亚市城郊人民法院", 0, 7, "inst.head:城郊法院")]),
    (
        "三亚市吉阳区人民法院审理。城郊法院审结案件。",
        [("三亚市吉阳区人民法院", 0, 10, "inst.head:人民法院"), ("三亚市城郊人民法院", 13, 17, "inst.bare:城郊法院")],
    ),
    ("三亚市城郊检察院起诉。", [("三亚市城郊人民检察院", 0, 8, "inst.head:城郊检察院")]),
    ("城郊法院审结案件100件。", []),
]


@pytest.mark.parametrize("text, expected", SUBURB_BENCHES)
def test_a_suburb_court_is_its_citys(text, expected):
    assert institutions(text) == expected


# a county-level name right after a province that holds no county of that name is no district of it: 甘肃矿区人民法院
# is not 阳泉市's (矿区 is a district of 阳泉市, in 山西); the court keeps the text's name. After its own province, or
# its city, the district is the gazetteer's; a full county or city name after another province stays its own
FOREIGN_DISTRICTS = [
    ("甘肃矿区人民法院审结案件。", [("甘肃矿区人民法院", 0, 8, "inst.head:人民法院")]),
    ("甘肃矿区人民检察院起诉。", [("甘肃矿区人民检察院", 0, 9, "inst.head:人民检察院")]),
    ("山西矿区人民法院审结案件。", [("阳泉市矿区人民法院", 0, 8, "inst.head:人民法院")]),
    ("山西省阳泉市矿区人民法院审结案件。", [("阳泉市矿区人民法院", 0, 12, "inst.head:人民法院")]),
    ("西藏沈阳市中级人民法院审结案件。", [("沈阳市中级人民法院", 0, 11, "inst.head:中级人民法院")]),
    ("黑龙江省浚县人民法院审结案件。", [("浚县人民法院", 0, 10, "inst.head:人民法院")]),
]


@pytest.mark.parametrize("text, expected", FOREIGN_DISTRICTS)
def test_a_district_after_a_province_not_holding_it_keeps_the_texts_name(text, expected):
    assert institutions(text) == expected
