"""Figure styles and subjects found on invented articles of other outlets (helper quality2, round 4):
round numbers written as a word (百余起, 近万人), shares as fractions (四分之一), 人（次）, and a body named
after its parent with a word of belonging (X所属Y), each with a negative."""

from __future__ import annotations

import pytest

from extract_helpers import doc
from govgraph.extract.quantities import find_quantities
from govgraph.extract.quantity_words import percent_in_words

# a round ten, hundred, thousand, ten thousand or hundred million alone is a figure before 余/多, or (100
# and up) after a word of approximation; alone otherwise 万 or 亿 is a word (万人成讼率, 亿元以上), and so are
# 千家万户, 数百余人 and 单笔百万元 (a threshold)
ROUND_FIGURES = [
    ("化解邻里纠纷百余起，", [("百余起", 6, 9, 100.0, "case")]),
    ("受益群众近万人。", [("近万人", 4, 7, 1e4, "person")]),
    ("受理案件万余件，抓获十余名嫌疑人", [("万余件", 4, 7, 1e4, "case"), ("十余名", 10, 13, 10.0, "person")]),
    ("逾万名群众参与", [("逾万名", 0, 3, 1e4, "person")]),
    ("万人成讼率下降，走进千家万户", []),
    ("动员数百余人参与", []),
    ("十天内办结", [("十天内", 0, 3, 10.0, "day")]),
    ("挽回经济损失近亿元，标的额亿余元", [("近亿元", 6, 9, 1e8, "CNY"), ("亿余元", 13, 16, 1e8, "CNY")]),
    ("亿元以上的案件，单笔百万元资金流", []),
]


# 人（次） is 人次 written with its 次 in brackets, as 件（人）次 is
PERSON_TIMES = [
    ("服务群众5万余人（次）", [("5万余人（次）", 4, 11, 5e4, "person_time")]),
    ("服务群众5万余人(次)", [("5万余人(次)", 4, 11, 5e4, "person_time")]),
    ("服务群众5万余人，次日", [("5万余人", 4, 8, 5e4, "person")]),
]


@pytest.mark.parametrize("text, expected", PERSON_TIMES)
def test_persons_with_times_in_brackets_are_person_times(text, expected):
    found = [(q.text, q.start, q.end, q.value, q.unit) for q in find_quantities(text)]
    assert found == expected


@pytest.mark.parametrize("text, expected", ROUND_FIGURES)
def test_a_round_number_written_as_a_word_is_a_figure(text, expected):
    found = [(q.text, q.start, q.end, q.value, q.unit) for q in find_quantities(text)]
    assert found == expected


# a share written as a fraction after a word of share or level; a quorum is no work done
FRACTIONS = [
    ("审结案件1.2万件，约占全市的四分之一。", [("四分之一", 15, 19, 25.0)]),
    ("诉前化解纠纷占比近三分之二", [("三分之二", 9, 13, 66.67)]),
    ("审理周期缩短了三分之一", [("三分之一", 7, 11, 33.33)]),
    ("经全体委员三分之二以上多数通过", []),
    ("十分之重要", []),
]


@pytest.mark.parametrize("text, expected", FRACTIONS)
def test_a_share_written_as_a_fraction_is_a_rate(text, expected):
    found = [(q.text, q.start, q.end, q.value) for q in percent_in_words(text) if q.rule == "qty.fraction"]
    assert found == expected


# tenths as a share of a whole named between 占 and 的 (占全省基层院总数的七成以上)
TENTHS_OF_A_WHOLE = [
    ("已有89个基层院成立办公室，占全省基层院总数的七成以上", [("七成以上", 23, 27, 70.0)]),
    ("全省八成的法院已上线", []),
]


@pytest.mark.parametrize("text, expected", TENTHS_OF_A_WHOLE)
def test_tenths_of_a_whole_named_after_zhan_are_a_rate(text, expected):
    found = [(q.text, q.start, q.end, q.value) for q in percent_in_words(text) if q.rule == "qty.tenths"]
    assert found == expected


# how far a place is (距离, 相距) and a speed (时速) are facts; a distance patrolled or driven to hear cases is
# work (审判车 + 行程: no 车行 of a drive's length)
DISTANCES = [
    ("该村距离县城80公里，两地相距30公里，限速时速120公里", []),
    ("巡回审判车行程累计超过8000公里", [("超过8000公里", 9, 17, 8000.0, "other")]),
    ("车行30分钟即可到达", []),
    ("民警巡逻里程1.2万公里", [("1.2万公里", 6, 12, 12000.0, "other")]),
]


@pytest.mark.parametrize("text, expected", DISTANCES)
def test_how_far_a_place_is_is_no_figure(text, expected):
    found = [(q.text, q.start, q.end, q.value, q.unit) for q in find_quantities(text)]
    assert found == expected


def subjects(text: str) -> dict[str, str | None]:
    return {q["text"]: q["subject"] for q in doc(text)["quantities"]}


def test_a_body_named_after_its_parent_with_a_word_of_belonging_acts():
    text = "四川省戒毒管理局所属资阳强制隔离戒毒所全年收治戒毒人员1800余名，诊断评估合格率为91.5%。"
    assert subjects(text) == {"1800余名": "资阳市强制隔离戒毒所", "91.5%": "资阳市强制隔离戒毒所"}


def test_a_parent_governed_by_a_preposition_makes_no_agent_of_its_unit():
    text = "泾县人民检察院向四川省戒毒管理局所属资阳强制隔离戒毒所发出检察建议3件。"
    assert subjects(text) == {"3件": "泾县人民检察院"}


def institutions(text: str) -> list[tuple[str, int, int, str]]:
    return [
        (i["name"], i["evidence"][0]["start"], i["evidence"][0]["end"], i["evidence"][0]["rule"])
        for i in doc(text)["institutions"]
    ]


# a corps division (师) written before the city it governs with it is part of the body's name, and the body
# opens its clause (its figures are its own, not the region's that 新疆 names)
CORPS_BODIES = [
    (
        "新疆生产建设兵团第一师阿拉尔市人民检察院今年以来办理刑事案件210件。",
        [("新疆生产建设兵团第一师阿拉尔市人民检察院", 0, 20, "inst.corps:人民检察院")],
    ),
    (
        "兵团第七师胡杨河市人民法院受理案件500件。",
        [("新疆生产建设兵团第七师胡杨河市人民法院", 0, 13, "inst.corps:人民法院")],
    ),
    ("组织律师走进阿拉尔市人民检察院。", [("阿拉尔市人民检察院", 6, 15, "inst.head:人民检察院")]),
]


@pytest.mark.parametrize("text, expected", CORPS_BODIES)
def test_a_corps_division_before_its_city_is_part_of_the_name(text, expected):
    assert institutions(text) == expected


def test_a_corps_body_is_the_subject_of_its_figures():
    assert subjects(CORPS_BODIES[0][0]) == {"210件": "新疆生产建设兵团第一师阿拉尔市人民检察院"}


# a bare zone word before a head means the zone the article named a body in (园区管委会 after 苏州工业园区人民法院);
# 园区 after a city is its industrial park; with no zone named before, a bare zone word names no body
ZONE_BODIES = [
    (
        "苏州工业园区人民法院受理案件6800余件。园区管委会与该院共建企业合规服务中心。",
        [
            ("苏州工业园区人民法院", 0, 10, "inst.zone:人民法院"),
            ("苏州工业园区管理委员会", 21, 26, "inst.zone.before:管委会"),
        ],
    ),
    ("苏州园区法院受理案件20件。", [("苏州工业园区人民法院", 0, 6, "inst.zone:法院")]),
    ("园区管委会组织企业200家参与。", []),
]


@pytest.mark.parametrize("text, expected", ZONE_BODIES)
def test_a_bare_zone_word_means_the_zone_named_before(text, expected):
    assert institutions(text) == expected


# 省院, 市局, 省厅 …: a level word and a head's last character stand for the body of that level the article
# named last, and its units take that body's name; inside another word (院校, 局面, 院落) they name nothing
LEVEL_ANAPHORA = [
    (
        "江西省人民检察院部署专项监督。省院第四检察部办理案件30件。",
        [
            ("江西省人民检察院", 0, 8, "inst.head:人民检察院"),
            ("江西省人民检察院第四检察部", 15, 22, "inst.subunit:检察部"),
        ],
    ),
    (
        "临沂市公安局召开会议。市局经侦支队破获案件15起。",
        [("临沂市公安局", 0, 6, "inst.head:公安局"), ("临沂市公安局经侦支队", 11, 17, "inst.subunit:支队")],
    ),
    ("湖南省公安厅部署行动。全省院校开展普法，城市局面稳定。", [("湖南省公安厅", 0, 6, "inst.head:公安厅")]),
    ("临沂市人民检察院召开会议。市局经侦支队参加。", [("临沂市人民检察院", 0, 8, "inst.head:人民检察院")]),
]


@pytest.mark.parametrize("text, expected", LEVEL_ANAPHORA)
def test_a_level_word_and_a_head_stand_for_the_body_named_before(text, expected):
    assert institutions(text) == expected


# a customs house named after a port that is no division (东渡海关, 洋浦海关) is a body, as one named after a city is;
# 经海关查验 names none
CUSTOMS = [
    (
        "厦门海关所属东渡海关查获走私案件45起。",
        [("厦门海关", 0, 4, "inst.head:海关"), ("东渡海关", 6, 10, "inst.named:海关")],
    ),
    ("二连浩特海关查获案件5起。", [("二连浩特海关", 0, 6, "inst.head:海关")]),
    ("经海关查验，发现问题12个。", []),
]


@pytest.mark.parametrize("text, expected", CUSTOMS)
def test_a_customs_house_named_after_a_port_is_a_body(text, expected):
    assert institutions(text) == expected


def test_a_count_of_ship_or_flight_times_keeps_its_times():
    found = [(q.text, q.start, q.end, q.unit) for q in find_quantities("检查船舶1500余艘次，无人机巡查120架次")]
    assert found == [("1500余艘次", 4, 11, "other"), ("120架次", 17, 22, "other")]


# a brigade right after a government or justice department is that department's unit, as after a police bureau
BRIGADES = [
    (
        "福州市鼓楼区司法局社区矫正大队调解纠纷31件。",
        [("福州市鼓楼区司法局社区矫正大队", 0, 15, "inst.subunit:大队")],
    ),
    (
        "泾县市场监督管理局执法稽查大队查处案件56起。",
        [("泾县市场监督管理局执法稽查大队", 0, 15, "inst.subunit:大队")],
    ),
    ("泾县司法局联合公安交警大队开展宣传。", [("泾县司法局", 0, 5, "inst.head:司法局")]),
]


@pytest.mark.parametrize("text, expected", BRIGADES)
def test_a_brigade_after_a_department_is_its_unit(text, expected):
    assert institutions(text) == expected


# a county's or city's own post: 我县 opening a clause is the county as a whole, as 全县 is; 我县法院 its court
OWN_REGION = [
    ("今年以来，我县共排查化解矛盾纠纷3400余起。泾县人民政府办公室发布。", {"3400余起": "泾县"}),
    ("泾县人民法院召开会议。我县法院今年受理案件5000件。", {"5000件": "泾县人民法院"}),
]


@pytest.mark.parametrize("text, expected", OWN_REGION)
def test_our_county_is_the_county_as_a_whole(text, expected):
    assert subjects(text) == expected


# a + in a quoted name after the figure makes no formula of it (“3+N”); a figure inside the formula stays out
FORMULA_AFTER = [
    ("联合市公安局等11家单位建立“3+N”执行联动机制", [("11家", 7, 10)]),
    ("建立1+3+N工作机制，组建3+1工作专班", []),
]


@pytest.mark.parametrize("text, expected", FORMULA_AFTER)
def test_a_quoted_formula_after_a_count_leaves_the_count(text, expected):
    assert [(q.text, q.start, q.end) for q in find_quantities(text)] == expected


# a firm's brand before the region of its branch's name is part of the name (stem_words.tsv brand)
BRANDS = [
    ("国网泾县供电公司开展检查15次。", [("国网泾县供电公司", 0, 8, "inst.named:公司")]),
    ("泾县供电公司开展检查15次。", [("泾县供电公司", 0, 6, "inst.named:公司")]),
]


@pytest.mark.parametrize("text, expected", BRANDS)
def test_a_firms_brand_before_its_branchs_region_is_part_of_the_name(text, expected):
    assert institutions(text) == expected


# a justice department's bureaus right after it are its units (unit_heads.tsv), carrying its name
JUSTICE_UNITS = [
    (
        "江苏省司法厅社区矫正管理局日前透露。",
        [("江苏省司法厅社区矫正管理局", 0, 13, "inst.unit-of:社区矫正管理局")],
    ),
    ("江苏省监狱管理局日前透露。", [("江苏省监狱管理局", 0, 8, "inst.head:监狱管理局")]),
]


@pytest.mark.parametrize("text, expected", JUSTICE_UNITS)
def test_a_justice_departments_bureau_after_it_is_its_unit(text, expected):
    assert institutions(text) == expected
