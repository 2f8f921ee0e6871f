"""Figures and their subjects in invented provincial news (quality2): a rate written 百分之百, the body that sets
others to work as the subject of their joint figures, and a centre's name that jieba cuts apart."""

from __future__ import annotations

import pytest

from extract_helpers import doc, institutions
from govgraph.extract.quantities import find_quantities

PERCENT_WORD_CASES = [
    # text, [(text, start, end, value)]
    ("发出检察建议，采纳率百分之百", [("百分之百", 10, 14, 100.0)]),  # right after a rate
    ("整改率达到百分之百", [("百分之百", 5, 9, 100.0)]),
    ("回复率均为百分之百", [("百分之百", 5, 9, 100.0)]),
    ("群众百分之百满意", []),  # a manner of speaking
    ("百分之百投入办案", []),
    ("结案率百分之九十八", [("百分之九十八", 3, 9, 98.0)]),
]


@pytest.mark.parametrize("text, expected", PERCENT_WORD_CASES)
def test_rate_of_a_hundred_in_words(text, expected):
    found = [(q.text, q.start, q.end, q.value) for q in find_quantities(text) if q.unit == "percent"]
    assert found == expected


SUBJECT_CASES = [
    # article, figure, subject, rule
    (  # the body that organises others: the figures of the work it sets them to are its own
        "塔河县委政法委组织县公安局、县法院、县检察院等单位联合开展普法宣传，发放宣传资料五千余份。",
        "五千余份",
        "中国共产党塔河县委员会政法委员会",
        "subj.clause",
    ),
    (
        "夏河县人民检察院督促县林业和草原局追回资金二十六万元。",
        "二十六万元",
        "夏河县人民检察院",
        "subj.clause",
    ),
    (  # negative: a body acting in a clause of its own after the organiser's
        "塔河县委政法委组织召开会议，县人民法院执结案件46件。",
        "46件",
        "塔河县人民法院",
        "subj.clause",
    ),
    (  # a centre whose name jieba cuts apart (多元化/解/中心) is not the centre named before
        "三亚市吉阳区社会治安综合治理中心召开会议。吉阳区委政法委牵头建立的矛盾纠纷多元化解中心共接待群众1875人次。",
        "1875人次",
        "中国共产党三亚市吉阳区委员会政法委员会",
        "subj.clause",
    ),
    (  # 统筹 sets the bodies after it to work, as 组织 does
        "汪清县委政法委统筹县法院、县检察院、县司法局开展联合行动，排查化解矛盾纠纷410件。",
        "410件",
        "中国共产党汪清县委员会政法委员会",
        "subj.clause",
    ),
    (  # a bare 派出所 opening a clause is the station named before (here in its head's title), not the bureau
        "克什克腾旗公安局经棚派出所所长介绍，派出所今年共接处警1460起。",
        "1460起",
        "克什克腾旗公安局经棚派出所",
        "subj.clause",
    ),
    (  # negative: with no station named before, 派出所 is the system of the bureau named
        "克什克腾旗公安局召开会议。派出所今年共接处警1460起。",
        "1460起",
        "克什克腾旗公安局",
        "subj.system-named",
    ),
    (  # 县纪委县监委: two bodies back to back, as 纪委监委 is one name of two: the figures are the first's
        "昭觉县纪委县监委开展专项检查，查处问题19个。",
        "19个",
        "中国共产党昭觉县纪律检查委员会",
        "subj.clause",
    ),
    (  # negative: two bodies joined by a word: the clause's last, as before
        "昭觉县纪委会同县公安局开展专项检查，查处问题19个。",
        "19个",
        "中国共产党昭觉县纪律检查委员会",
        "subj.clause",
    ),
    (  # negative: the bare head after the clause start stays the centre named before
        "三亚市吉阳区社会治安综合治理中心召开会议。中心共接待群众300人次。",
        "300人次",
        "三亚市吉阳区社会治安综合治理中心",
        "subj.bare-head",
    ),
]


@pytest.mark.parametrize("text, figure, subject, rule", SUBJECT_CASES)
def test_subjects_in_provincial_news(text, figure, subject, rule):
    x = doc("　　" + text + "\n")
    [q] = [q for q in x["quantities"] if q["text"] == figure]
    assert (q["subject"], q["subject_rule"]) == (subject, rule)


BARE_STATION_CASES = [
    # article, [(name, start, end, rule)] of every institution's evidence
    (
        "那坡县司法局百都乡司法所成立多年。司法所今年调处纠纷86件。",
        [
            ("那坡县司法局百都乡司法所", 0, 12, "inst.subunit:司法所"),
            ("那坡县司法局百都乡司法所", 17, 20, "inst.anaphor:司法所"),
        ],
    ),
    (  # negative: a list of kinds of body (综治中心、派出所、司法所) names none of them
        "那坡县公安局城厢派出所成立多年。法庭与综治中心、派出所、司法所建立联系机制。",
        [("那坡县公安局城厢派出所", 0, 11, "inst.subunit:派出所")],
    ),
    (  # negative: 到派出所 is a place inside a clause, not the station opening one
        "那坡县公安局城厢派出所成立多年。群众到派出所办理户籍。",
        [("那坡县公安局城厢派出所", 0, 11, "inst.subunit:派出所")],
    ),
]


@pytest.mark.parametrize("text, expected", BARE_STATION_CASES)
def test_bare_station_opening_a_clause(text, expected):
    assert institutions(text) == expected


POSTED_CASES = [
    # article, [(name, start, end, rule)] of the institutions, [(region, start, end, rule)]
    (  # a township's office of the procuratorate (派驻…检察工作站) and the township it is posted in
        "渝北区人民检察院派驻回兴街道检察工作站收集线索19条。",
        [("重庆市渝北区人民检察院派驻回兴街道检察工作站", 0, 19, "inst.posted:检察工作站")],
        [("渝北区", 0, 3, "region.full"), ("回兴街道", 10, 14, "region.local+head")],
    ),
    (  # Inner Mongolia's township (苏木) before its justice station
        "锡林浩特市司法局宝力根苏木司法所调解纠纷37件。",
        [("锡林浩特市司法局宝力根苏木司法所", 0, 16, "inst.subunit:司法所")],
        [("锡林浩特市", 0, 5, "region.full"), ("宝力根苏木", 8, 13, "region.local+head")],
    ),
    (  # negative: 苏木镇 names the levels, no township
        "全旗苏木镇司法所调解纠纷37件。",
        [],
        [],
    ),
]


@pytest.mark.parametrize("text, bodies, places", POSTED_CASES)
def test_township_offices(text, bodies, places):
    x = doc(text)
    assert institutions(text) == bodies
    assert [(r["name"], e["start"], e["end"], e["rule"]) for r in x["regions"] for e in r["evidence"]] == places


CREDIT_CASES = [
    # article, [(region, start, end)], [(institution, start, end)]: whose report a sentence retells (据…报道) is a credit
    (
        "据西藏日报报道 日喀则市公安局派驻民警1136名。",
        [("日喀则市", 8, 12)],
        [("日喀则市公安局", 8, 15)],
    ),
    (
        "据中央纪委国家监委网站消息，河北省纪委今年立案1200件。",
        [("河北省", 14, 17)],
        [("中国共产党河北省纪律检查委员会", 14, 19)],
    ),
    (  # negative: a body's own account (通报) is no outlet's credit
        "据湖南省高级人民法院通报，全省法院审结案件20万件。",
        [("湖南省", 1, 4)],
        [("湖南省高级人民法院", 1, 10)],
    ),
]


@pytest.mark.parametrize("text, places, bodies", CREDIT_CASES)
def test_credit_of_a_retold_report(text, places, bodies):
    x = doc(text)
    assert [(r["name"], e["start"], e["end"]) for r in x["regions"] for e in r["evidence"]] == places
    assert [(n, s, e) for n, s, e, _ in institutions(text)] == bodies


def test_credit_is_no_part_of_the_clause():
    x = doc("　　据西藏日报报道 日喀则市公安局深入推进建设，派驻民警1136名。\n")
    [q] = x["quantities"]
    assert (q["subject"], q["subject_rule"]) == ("日喀则市公安局", "subj.clause")


CHAIN_CASES = [
    # article, [(name, start, end, rule)] of every institution's evidence
    (  # a prefecture's bureau written right before its county's: the line of command, the station acts
        "西双版纳傣族自治州公安局勐海县公安局打洛边境派出所查获毒品案件23起。",
        [("勐海县公安局打洛边境派出所", 12, 25, "inst.subunit:派出所")],
    ),
    (  # negative: two bureaus in a list both act
        "西双版纳傣族自治州公安局、勐海县公安局联合查获毒品案件23起。",
        [
            ("西双版纳傣族自治州公安局", 0, 12, "inst.head:公安局"),
            ("勐海县公安局", 13, 19, "inst.head:公安局"),
        ],
    ),
]


@pytest.mark.parametrize("text, expected", CHAIN_CASES)
def test_line_of_command_names_one_body(text, expected):
    assert institutions(text) == expected


STATION_HEAD_CASES = [
    # article, [(name, start, end, rule)]: a county's grassland and forestry stations and inspectors are bodies
    (
        "玛曲县检察院与县草原站协作督促整改。",
        [("玛曲县人民检察院", 0, 6, "inst.head:检察院"), ("玛曲县草原站", 7, 11, "inst.relative:草原站")],
    ),
    ("碌曲县林业站参与整治。", [("碌曲县林业站", 0, 6, "inst.head:林业站")]),
    ("草原站是牧民的好帮手。", []),  # negative: no region before it, no body
]


@pytest.mark.parametrize("text, expected", STATION_HEAD_CASES)
def test_county_stations(text, expected):
    assert institutions(text) == expected


CORPS_CASES = [
    # article, [(name, start, end, rule)]: the corps' own bodies are not the region's
    (
        "新疆维吾尔自治区人民检察院与新疆生产建设兵团人民检察院联合发布。兵团检察院办理案件93件。",
        [
            ("新疆维吾尔自治区人民检察院", 0, 13, "inst.head:人民检察院"),
            ("新疆生产建设兵团人民检察院", 20, 27, "inst.national:兵团人民检察院"),
            ("新疆生产建设兵团人民检察院", 32, 37, "inst.national:兵团检察院"),
        ],
    ),
    ("兵团公安局破获案件20起。", [("新疆生产建设兵团公安局", 0, 5, "inst.national:兵团公安局")]),
    # negative: a division's bodies keep their division (第八师公安局)
    ("第八师公安局破获案件20起。", [("新疆生产建设兵团第八师公安局", 0, 6, "inst.zone:公安局")]),
]


@pytest.mark.parametrize("text, expected", CORPS_CASES)
def test_corps_bodies(text, expected):
    assert sorted(institutions(text), key=lambda t: t[1]) == expected
