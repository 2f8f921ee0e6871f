"""The bodies of several regions named at once (湖南、江西两省法院) and a municipality's lead bodies, as
tables with exact offsets and rule ids, and negatives."""

import pytest

from extract_helpers import doc, institutions

# a count of provinces or places between the list and the system word (两省, 3省, 两地) keeps the list:
# each region's system acts through its lead body
LIST_CASES = [
    (
        "湖南、江西两省法院推行“跨省执行”。",
        [("湖南省高级人民法院", 0, 2, "inst.collective:法院"), ("江西省高级人民法院", 3, 9, "inst.collective:法院")],
    ),
    (
        "浙江、江苏、福建3省检察机关推行“跨省协作”。",
        [
            ("浙江省人民检察院", 0, 2, "inst.collective:检察机关"),
            ("江苏省人民检察院", 3, 5, "inst.collective:检察机关"),
            ("福建省人民检察院", 6, 14, "inst.collective:检察机关"),
        ],
    ),
    # 司法行政机关 names a region's justice system, as 公安机关 names its police
    (
        "江苏司法行政机关推行“公证通办”。",
        [("江苏省司法厅", 0, 8, "inst.collective:司法行政机关")],
    ),
    # a municipality's departments are named as a city's: 北京市公安局, not 北京市公安厅
    (
        "北京、天津两地公安机关推行“警务协同”。",
        [("北京市公安局", 0, 2, "inst.collective:公安机关"), ("天津市公安局", 3, 11, "inst.collective:公安机关")],
    ),
    (
        "上海市、江苏省和安徽省司法行政机关推行“公证通办”。",
        [
            ("上海市司法局", 0, 3, "inst.collective:司法行政机关"),
            ("江苏省司法厅", 4, 7, "inst.collective:司法行政机关"),
            ("安徽省司法厅", 8, 17, "inst.collective:司法行政机关"),
        ],
    ),
    # a province's stay 厅
    (
        "江苏、浙江两省公安机关推行“警务协同”。",
        [("江苏省公安厅", 0, 2, "inst.collective:公安机关"), ("浙江省公安厅", 3, 11, "inst.collective:公安机关")],
    ),
]
# no region before the system word, or a generic plural: no body
LIST_NEGATIVES = ["各级司法行政机关推行“公证通办”。", "司法行政机关推行“公证通办”。"]


@pytest.mark.parametrize("text, expected", LIST_CASES)
def test_the_systems_of_listed_regions(text, expected):
    assert institutions(text) == expected


@pytest.mark.parametrize("text", LIST_NEGATIVES)
def test_no_body_without_a_region(text):
    assert institutions(text) == []


# 全市公安机关 in a municipality's article is its 公安局 (the body the article named), as in a city's
SUBJECT_CASES = [
    ("上海市公安局推行“一网通办”。全市公安机关共破获案件120起。", "上海市公安局"),
    ("北京市司法局推行“公共法律服务”。全市司法行政机关共办理法律援助案件120件。", "北京市司法局"),
    ("江苏省公安厅推行“一网通办”。全省公安机关共破获案件120起。", "江苏省公安厅"),
]


@pytest.mark.parametrize("text, subject", SUBJECT_CASES)
def test_a_municipalitys_collective_is_its_bureau(text, subject):
    assert [q["subject"] for q in doc(text)["quantities"]] == [subject]


def relative_bodies(text: str) -> list[tuple[str, int, int]]:
    return [
        (i["name"], e["start"], e["end"])
        for i in doc(text)["institutions"]
        for e in i["evidence"]
        if e["rule"] == "inst.relative:人民检察院"
    ]


# 市人民检察院 named so again is the same body, though a county-level city of the prefecture was named since
# (a place visited); a prefecture named since is the new 市 (an article going round the cities)
RELATIVE_AGAIN = [
    (
        "吴忠市人大常委会对市人民检察院开展评议，深入利通区、青铜峡市等地调研。市人民检察院建立“挂案清理”机制。",
        [("吴忠市人民检察院", 9, 15), ("吴忠市人民检察院", 35, 41)],
    ),
    (
        "吴忠市人大常委会对市人民检察院开展评议。银川市委政法委召开会议，市人民检察院建立“挂案清理”机制。",
        [("吴忠市人民检察院", 9, 15), ("银川市人民检察院", 32, 38)],
    ),
    # named first after the county-level city, it is that city's
    ("青铜峡市人大常委会对市人民检察院开展评议。", [("青铜峡市人民检察院", 10, 16)]),
]


@pytest.mark.parametrize("text, expected", RELATIVE_AGAIN)
def test_a_relative_name_again_is_the_same_body(text, expected):
    assert relative_bodies(text) == expected


def test_a_body_of_the_county_level_city_makes_it_the_topic():
    text = "宣城市人民检察院与市教育局会签办法。宁国市人民检察院联合市教育局推行“法治副校长+”工作机制。"
    names = [i["name"] for i in doc(text)["institutions"]]
    assert names == ["宣城市人民检察院", "宣城市教育局", "宁国市人民检察院", "宁国市教育局"]


def test_a_region_named_later_in_the_sentence_is_not_before():
    text = "商洛市人民政府推行“一网通办”。商洛中院联合市司法局开展“法律进企业”活动，被渭南市政府表彰。"
    names = [i["name"] for i in doc(text)["institutions"]]
    assert "商洛市司法局" in names and "渭南市司法局" not in names
