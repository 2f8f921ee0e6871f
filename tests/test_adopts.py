"""Adoption rules as tables: the text, the [institution, mechanism] pairs it states with the
exact offsets and rule id of their evidence, and what must not be an adoption."""

import pytest

from extract_helpers import adoptions, doc
from govgraph.extract.adopts import AdoptionFinder, features, list_heads, named_elsewhere, score
from govgraph.extract.inst_base import InstitutionMention
from govgraph.extract.institutions import Context, find_institutions
from govgraph.extract.mechanisms import MechanismMention
from govgraph.extract.regions import find_regions
from govgraph.extract.roles import subjects
from govgraph.lexicon import adopt_weights

ADOPT_CASES = [
    # text, {(institution, mechanism): [(start, end, rule), …]} (exactly these pairs)
    (
        "　　近日，荆州市中级人民法院推行提级执行。\n",
        {("荆州市中级人民法院", "提级执行"): [(5, 20, "adopt.subject+trigger")]},
    ),
    (  # ASCII punctuation opens a clause as well
        "近日,仁怀市人民法院开展执前督促程序。",
        {("仁怀市人民法院", "执前督促"): [(3, 18, "adopt.subject+trigger")]},
    ),
    (  # 由A牵头，B、C参与: every co-actor of the joint measure
        "由荆州市委政法委牵头，荆州市中级人民法院、荆州市公安局参与，建立诉调对接机制。",
        {
            ("中国共产党荆州市委员会政法委员会", "诉调对接"): [(1, 36, "adopt.subject+trigger")],
            ("荆州市中级人民法院", "诉调对接"): [(11, 36, "adopt.coactor")],
            ("荆州市公安局", "诉调对接"): [(21, 36, "adopt.coactor")],
        },
    ),
    (  # a joint name (纪委监委) opening the sentence: both bodies act, however far the mechanism
        "今年以来，清远市纪委监委聚焦群众身边不正之风和腐败问题，深化“室组地”联动监督机制。",
        {
            ("中国共产党清远市纪律检查委员会", "室组地"): [(5, 41, "adopt.subject+trigger")],
            ("清远市监察委员会", "室组地"): [(5, 41, "adopt.coactor")],
        },
    ),
    (  # a sentence with no subject of its own: the body the text is about
        "荆州市中级人民法院召开会议。\n二是开展提级执行。\n",
        {("荆州市中级人民法院", "提级执行"): [(19, 23, "adopt.carried")]},
    ),
    (  # a national body that deploys the measure
        "根据最高人民法院部署，荆州市中级人民法院开展交叉执行。",
        {
            ("最高人民法院", "交叉执行"): [(2, 26, "adopt.national")],
            ("荆州市中级人民法院", "交叉执行"): [(11, 26, "adopt.subject+trigger")],
        },
    ),
    (  # the body whose approval opens the sentence neither acts nor adopts (经X调解 would)
        "经四川省高级人民法院批准，成都市中级人民法院实行集中管辖。",
        {("成都市中级人民法院", "集中管辖"): [(13, 28, "adopt.subject+trigger")]},
    ),
    (  # the partner of an act done together (并与B签订…，建立…) is a co-actor
        "荆州市中级人民法院推行提级执行，并与宜昌市中级人民法院签订执行工作合作协议，建立跨区域执行协作机制。",
        {
            ("荆州市中级人民法院", "提级执行"): [(0, 15, "adopt.subject+trigger")],
            ("荆州市中级人民法院", "跨区域执行协作"): [(0, 49, "adopt.subject+trigger")],
            ("宜昌市中级人民法院", "跨区域执行协作"): [(18, 49, "adopt.mention+trigger")],
        },
    ),
    (  # 该院 is the sentence's subject before, not the partner named after it
        "荆州市中级人民法院推行提级执行，并与宜昌市中级人民法院签订协议。该院还推行集中执行。",
        {
            ("荆州市中级人民法院", "提级执行"): [(0, 15, "adopt.subject+trigger")],
            ("荆州市中级人民法院", "集中执行"): [(32, 41, "adopt.subject+trigger")],
        },
    ),
    (  # nor does the body that oversees the subject (由X主管)
        "石家庄市医调委成立于2015年，由石家庄市司法局主管，推行诉调对接。",
        {("石家庄市医疗纠纷人民调解委员会", "诉调对接"): [(0, 33, "adopt.subject+trigger")]},
    ),
    (  # of the bodies carried over, only those of the system a clause's collective names act in it
        "张掖市中级人民法院与张掖市人民检察院会签意见。\n今年以来，全市检察机关办理监督案件218件，发出检察建议186件。\n",
        {("张掖市人民检察院", "检察建议"): [(48, 52, "adopt.carried")]},
    ),
    (  # a collective opening a sentence (两级法院执结…) is carried on as its lead: the next collective's
        # lead is the article's body of its own system
        "张掖市中级人民法院与张掖市人民检察院会签意见。\n今年以来，两级法院执结案件1.2万件；全市检察机关办理监督案件218件，发出检察建议186件。\n",
        {("张掖市人民检察院", "检察建议"): [(43, 66, "adopt.collective")]},
    ),
    (  # a collective names its lead body where none of the bodies carried over is of it (SPEC v2)
        "山西省人民检察院发布典型案例。\n平城区人民检察院发出诉前检察建议。\n近年来，全省检察机关建立强制报告制度。\n",
        {
            ("大同市平城区人民检察院", "诉前检察建议"): [(16, 32, "adopt.subject+trigger")],
            ("山西省人民检察院", "强制报告"): [(38, 52, "adopt.collective")],
        },
    ),
    (  # …named before it in the same sentence too
        "记者从黑龙江省高级人民法院获悉，全省法院开展“冬季攻坚”专项执行行动。",
        {("黑龙江省高级人民法院", "冬季攻坚"): [(16, 34, "adopt.collective")]},
    ),
    (  # a court issues (签发) an order: the verb says it applies the instrument
        "近日，荆州市沙市区人民法院签发人身安全保护令。",
        {("荆州市沙市区人民法院", "人身安全保护令"): [(3, 22, "adopt.subject+trigger")]},
    ),
    (  # a later clause another body opens is that body's, not the subject's (it is that clause's subject)
        "诸暨市人民法院推行“线上调解+线下确认”模式，枫桥人民法庭则建立“枫桥式人民法庭”工作机制。",
        {
            ("诸暨市人民法院", "线上调解+线下确认"): [(0, 22, "adopt.subject+trigger")],
            ("诸暨市人民法院枫桥人民法庭", "枫桥式人民法庭"): [(23, 40, "adopt.subject+trigger")],
        },
    ),
    (  # a body's own practice, selected as a model case, is still its own
        "诸暨市人民法院“共享法庭+枫桥式调解”经验做法入选典型案例。",
        {("诸暨市人民法院", "共享法庭+枫桥式调解"): [(0, 21, "adopt.subject")]},
    ),
    (  # bodies listed before 分别 and mechanisms after it pair in order
        "岳阳县人民法院、平江县人民法院分别推行“巡回审判进村组”和“调解员驻庭”机制。",
        {
            ("岳阳县人民法院", "巡回审判进村组"): [(0, 28, "adopt.subject+trigger")],
            ("平江县人民法院", "调解员驻庭"): [(8, 38, "adopt.coactor")],
        },
    ),
    (  # … but one mechanism after 分别 is each body's
        "岳阳县人民法院、平江县人民法院分别推行“巡回审判进村组”机制。",
        {
            ("岳阳县人民法院", "巡回审判进村组"): [(0, 30, "adopt.subject+trigger")],
            ("平江县人民法院", "巡回审判进村组"): [(8, 30, "adopt.coactor")],
        },
    ),
    (  # the target of the act does not adopt it
        "荆州市人民检察院向荆州市自然资源局发出检察建议。",
        {("荆州市人民检察院", "检察建议"): [(0, 23, "adopt.subject+trigger")]},
    ),
]


@pytest.mark.parametrize("text,expected", ADOPT_CASES)
def test_adoptions(text, expected):
    assert adoptions(text) == expected


ADOPT_CASES += [
    (  # the members a later clause lists adopt what the subject set up
        "南康区人民检察院牵头建立未成年人保护联席会议制度，区教育局、区民政局为成员单位。\n",
        {
            ("赣州市南康区人民检察院", "未成年人保护联席会议"): [(0, 24, "adopt.subject+trigger")],
            ("赣州市南康区教育局", "未成年人保护联席会议"): [(12, 29, "adopt.member")],
            ("赣州市南康区民政局", "未成年人保护联席会议"): [(12, 34, "adopt.member")],
        },
    ),
    (  # … but a body of a later clause that only speaks of it does not
        "温州中院建立府院联动机制，市发改委表示支持。\n",
        {("温州市中级人民法院", "府院联动"): [(0, 10, "adopt.subject+trigger")]},
    ),
]

ADOPT_CASES += [
    (  # what a body presses another body to do is the other's work (triggers.tsv role urge) …
        "荆州市人民检察院向荆州市自然资源局发出检察建议，督促其开展“护苗”专项行动。",
        {("荆州市人民检察院", "检察建议"): [(0, 23, "adopt.subject+trigger")]},
    ),
    (  # … but the system's lead, carried, acts for the system's bodies of its province
        "湖南省司法厅发布数据。全省司法行政机关办理法律援助案件9.6万件。",
        {("湖南省司法厅", "法律援助"): [(21, 25, "adopt.carried")]},
    ),
    (  # … the body pressed carries it out
        "荆州市人民检察院督促荆州市自然资源局开展“护苗”专项行动。",
        {("荆州市自然资源局", "护苗"): [(10, 28, "adopt.mention+trigger")]},
    ),
    (  # … so is the body guided
        "荆州市中级人民法院指导石首市人民法院推行诉源治理。",
        {("石首市人民法院", "诉源治理"): [(11, 24, "adopt.mention+trigger")]},
    ),
    (  # an urging word that ends a quoted list item presses no one
        "萧山区人民法院会同区司法局构建起“街道吹哨、部门报到、法院指导”的物业纠纷联调体系。",
        {
            ("杭州市萧山区人民法院", "物业纠纷联调"): [(0, 41, "adopt.subject+trigger")],
            ("杭州市萧山区司法局", "物业纠纷联调"): [(9, 41, "adopt.coactor")],
        },
    ),
    # … but guiding or pressing many units of its own line deploys the measure: the body adopts it
    # (roles subordinate_lead + subordinate_unit)
    (
        "百色市田阳区司法局指导各乡镇司法所推行“一站式”矛盾纠纷调处化解工作法。",
        {("百色市田阳区司法局", "一站式矛盾纠纷调处化解"): [(0, 35, "adopt.subject+trigger")]},
    ),
    (
        "荆州市中级人民法院督促辖区基层法院落实诉前调解制度。",
        {("荆州市中级人民法院", "诉前调解"): [(0, 23, "adopt.subject+trigger")]},
    ),
    # … but a training of a scheme's own people runs the scheme, and 围绕 alone makes no topic
    (
        "大理州司法局组织开展“法律明白人”示范培训班6期。",
        {("大理白族自治州司法局", "法律明白人"): [(0, 16, "adopt.subject+trigger")]},
    ),
    (
        "邯郸市中级人民法院围绕诉源治理推行“一站式”解纷模式。",
        {
            ("邯郸市中级人民法院", "诉源治理"): [(0, 15, "adopt.subject")],
            ("邯郸市中级人民法院", "一站式解纷"): [(0, 24, "adopt.subject+trigger")],
        },
    ),
    # a body of the Production and Construction Corps written in full is the subject
    (
        "新疆生产建设兵团第八师中级人民法院在各团场推行“法官+团场+连队”解纷模式。",
        {("新疆生产建设兵团第八师中级人民法院", "法官+团场+连队"): [(0, 37, "adopt.subject+trigger")]},
    ),
    # … but ordering a party of a case to make amends applies the measure (role urged_party)
    (
        "荆州市中级人民法院审结案件，责令被告人补植复绿。",
        {("荆州市中级人民法院", "补植复绿"): [(0, 23, "adopt.subject")]},
    ),
]

ADOPT_NEGATIVES = [
    "荆州市人民检察院督促相关部门推进诉源治理。",  # urging other bodies to do it
    "荆州市人民检察院督促各相关部门推进诉源治理。",  # … even many of them: they are of another line
    # what a training or a talk is about is not carried out (triggers.tsv role topic)
    "邯郸市委政法委组织开展同堂培训。培训围绕认罪认罚从宽制度适用、轻微刑事案件快速办理等内容展开。",
    "邯郸市委政法委邀请专家就认罪认罚从宽制度适用进行专题授课。",
    "邯郸市中级人民法院开展认罪认罚从宽制度专题培训。",
    # a system's bodies of the province act (collective_systems.tsv), not the body carried that reports on them
    "湖南省委政法委员会发布数据。全省各级人民检察院办理公益诉讼案件8600件。",
    "湖南省委政法委员会发布数据。全省司法行政机关办理法律援助案件9.6万件。",
    "荆州市中级人民法院被湖北省人民政府表彰为交叉执行先进单位。",  # praised for it, not adopting it
    "湖北省人民政府授予荆州市中级人民法院交叉执行示范单位称号。",  # honouring a body is not adopting
    "最高人民法院肯定了荆州市中级人民法院推行的“执破融合”。",  # … nor approving of its work (triggers.tsv approve)
    "荆州市推行提级执行。",  # a region is never an actor
    "荆州市中级人民法院积极参与全市“平安荆州”建设。",  # contributing to a campaign is not adopting it
    "荆州市公安局积极助力诉源治理。",
    "宁波海事法院服务保障“一带一路”建设。",  # serving a national initiative is not adopting it
    "荆州市中级人民法院指出，部分基层法院缺乏繁简分流机制。",  # what is lacking is not done
    "荆州市中级人民法院尚未建立诉调对接机制。",
    "荆州市中级人民法院尚未建立“诉调对接”机制。",  # … the quoted name as well
    "　　“此案提供了模板。”中国政法大学教授刘静坤说。\n",  # no mechanism, a speaker's employer
]


@pytest.mark.parametrize("text", ADOPT_NEGATIVES)
def test_not_adoptions(text):
    assert doc(text)["adopts"] == []


def test_a_region_opening_a_sentence_stops_the_carried_actor():
    # 蚌埠市三部门…: a new actor that is no institution; the body of the sentence before does not act
    text = "芜湖市人民检察院建立行政执法与检察监督衔接机制。\n蚌埠市三部门联合发布《关于深化府院联动的意见》。\n"
    assert set(adoptions(text)) == {("芜湖市人民检察院", "行政执法与检察监督衔接")}
    # … but the region's courts (两级法院) are the system whose lead body is the one carried
    text = "宜昌市中级人民法院推行补植复绿。\n宜昌两级法院判决补植复绿林地560亩。\n"
    assert [e[2] for e in adoptions(text)[("宜昌市中级人民法院", "补植复绿")]] == [
        "adopt.subject+trigger",
        "adopt.region",
    ]


def test_a_township_after_its_district_is_the_region_that_acts():
    # 江北区观音桥街道探索…: the township acts, no body of it named; not the district's body named before
    text = "江北区委政法委推进网格化治理。\n江北区观音桥街道探索“网格+物业+业委会”联动机制。\n"
    assert ("中国共产党重庆市江北区委员会政法委员会", "网格+物业+业委会") not in adoptions("重庆市" + text)
    # … the district alone stands for its body the article named
    text = "重庆市江北区委政法委推进网格化治理。\n江北区探索“网格+物业+业委会”联动机制。\n"
    assert ("中国共产党重庆市江北区委员会政法委员会", "网格+物业+业委会") in adoptions(text)


def test_a_body_the_act_sets_up_is_its_object_not_an_adopter():
    # 设立X调解中心，建立…机制: the subject sets both up (as the gold reads 成立诉调对接中心 and 设立海上巡回法庭)
    text = "昆明市司法局与昆明市卫生健康委员会联合设立昆明市医疗纠纷人民调解委员会，实行“调赔结合、保险兜底”模式。\n"
    assert {who for who, _ in adoptions(text)} == {"昆明市司法局", "昆明市卫生健康委员会"}


def test_each_body_of_a_system_named_as_subject_stops_the_carried_actor():
    # 各县（市、区）法院要…: several bodies, none of them the court of the sentence before
    first = "晋江市人民法院首创“执破融合”工作模式。\n"
    for text in (
        "会议要求，各县（市、区）法院要推动府院联动机制向基层延伸。\n",
        "要求各基层法院严格执行府院联动机制。\n",
    ):
        assert set(adoptions(first + text)) == {("晋江市人民法院", "执破融合")}
    # … but a body referred to as this one (该院) is carried, and 全市各级法院 is the collective its lead heads
    assert ("晋江市人民法院", "府院联动") in adoptions(first + "该院还建立府院联动机制。\n")
    text = "泉州市中级人民法院首创“执破融合”工作模式。\n全市各级法院积极推行府院联动机制。\n"
    assert ("泉州市中级人民法院", "府院联动") in adoptions(text)


def test_a_body_of_the_jurisdiction_opening_a_sentence_is_its_subject():
    # 辖区X法院推行…: X acts, not the intermediate court carried from the sentence before
    text = "荆州市中级人民法院推动执行工作提质增效。\n辖区沙市区人民法院推行诉前调解。\n"
    assert set(adoptions(text)) == {("荆州市沙市区人民法院", "诉前调解")}


def test_a_speakers_employer_does_not_adopt_what_the_speaker_comments_on():
    x = doc("　　中国政法大学教授刘静坤说，交叉执行效果好。\n")
    assert not any(a[0] == "中国政法大学" for a in x["adopts"])


def test_a_body_whose_speaker_opens_the_sentence_stops_the_carried_actor():
    x = doc(
        "　　荆州市人民检察院探索开展检察听证。\n"
        "　　荆州市中级人民法院相关负责人表示，下一步将进一步完善诉调对接工作机制。\n"
    )
    assert ["荆州市人民检察院", "诉调对接"] not in x["adopts"]


def test_a_body_named_only_in_a_later_clause_does_not_adopt_what_came_before():
    x = doc(
        "　　荆州市人民检察院坚持“最有利于未成年人”原则，深入推进未成年人检察业务统一集中办理，"
        "联合市公安局、市教育局构建未成年人保护协作机制。\n"
    )
    assert ["荆州市公安局", "未成年人检察业务统一集中办理"] not in x["adopts"]
    assert ["荆州市公安局", "未成年人保护协作"] in x["adopts"]  # the joint measure it takes part in


def test_a_body_gone_into_is_a_place_not_an_adopter():
    x = doc("本院开展“法治进校园”活动\n　　近日，宿松县人民检察院检察官走进宿松中学，开展“法治进校园”专题讲座。\n")
    assert x["adopts"] == [["宿松县人民检察院", "法治进校园"]]


def test_a_negation_inside_a_phrase_before_the_mechanism_does_not_negate_it():
    x = doc("　　常州市武进区人民法院设立工作室，对仲裁阶段未能调解的案件提前介入。\n")
    assert ["常州市武进区人民法院", "提前介入"] in x["adopts"]


def test_the_national_body_whose_standards_are_followed_does_not_adopt():
    pairs = doc("　　滨海新区司法局完善法律援助制度，并按照司法部有关标准要求，出台法律援助案件标准。\n")["adopts"]
    assert ["司法部", "法律援助"] not in pairs and ["天津市滨海新区司法局", "法律援助"] in pairs
    # … where the national body deploys the measure, it adopts it (SPEC v2)
    assert ["最高人民法院", "交叉执行"] in doc("　　按照最高人民法院部署，全省法院开展交叉执行。\n")["adopts"]


def test_a_dateline_and_byline_do_not_hide_the_subject():
    x = doc("　　本报讯 记者 马丽 荆州市司法局聚焦农民工、残疾人、老年人等群体，开展“法援惠民生”专项活动。\n")
    assert ["荆州市司法局", "法援惠民生"] in x["adopts"]


def test_weights_are_data_and_the_score_adds_them_up():
    w = adopt_weights()
    assert "bias" in w and "role:subject" in w
    assert score(frozenset({"role:subject"}), {"bias": -1.0, "role:subject": 1.5}) == 0.5


# ------------------------------------------------------------ rule families of the candidate features

MECH_LIST_CASES = [
    # text, the mechanisms' (start, end), where each one's list starts (the verb before the first governs all)
    ("构建“执破融合”“内外衔接”机制。", [(3, 7), (9, 13)], [3, 3]),
    ("推行提级执行、交叉执行和集中执行。", [(2, 6), (7, 11), (12, 16)], [2, 2, 2]),
    ("推行“执破融合”机制和“内外衔接”机制。", [(3, 7), (12, 16)], [3, 3]),
    # negatives: a clause or other words between them
    ("推行提级执行，开展交叉执行。", [(2, 6), (9, 13)], [2, 9]),
    ("推行提级执行并开展交叉执行。", [(2, 6), (9, 13)], [2, 9]),
]


@pytest.mark.parametrize("text,spans,heads", MECH_LIST_CASES)
def test_a_list_of_mechanisms_shares_its_verb(text, spans, heads):
    mechs = [MechanismMention(s, e, text[s:e], text[s:e], None) for s, e in spans]
    assert [list_heads(text, mechs)[s] for s, _ in spans] == heads


FEATURE_CASES = [
    # text, the sentence's mechanisms (start, end), the last one's feature it must have, one it must not have
    ("构建“执破融合”“内外衔接”机制。", [(3, 7), (9, 13)], "trig:adjacent", None),  # the list's verb
    ("金融纠纷诉调对接机制建设全面推进。", [(0, 8)], "trig:after", "trig:adjacent"),  # a trigger right after
    ("联络人专责制全面推行。", [(0, 6)], "trig:after", "trig:adjacent"),  # nothing before it: no verb before it
    ("一方面推行“联络人专责制”，指定专人负责。", [(6, 12)], "trig:clause_initial", None),  # 一方面 opens
    ("联络人专责制效果很好，深受好评。", [(0, 6)], None, "trig:after"),
    # a clause that opens with what the act is for has no subject of its own either …
    ("对醉驾案件全面适用认罪认罚从宽制度。", [(9, 15)], "trig:clause_initial", None),
    # … unless the mechanism is what the target is (对附条件不起诉的未成年人开展帮教)
    ("对附条件不起诉的未成年人开展帮教。", [(1, 7)], None, "trig:clause_initial"),
    ("构建“执破融合”，完善“内外衔接”机制。", [(3, 7), (12, 16)], "trig:adjacent", None),
    ("构建“执破融合”，“内外衔接”机制效果好。", [(3, 7), (10, 14)], None, "trig:adjacent"),  # a clause apart
]


@pytest.mark.parametrize("text,spans,has,lacks", FEATURE_CASES)
def test_candidate_features(text, spans, has, lacks):
    mechs = [MechanismMention(s, e, text[s:e], text[s:e], None) for s, e in spans]
    f = features(text, None, mechs[-1], "carried", 0, list_heads(text, mechs)[mechs[-1].start])
    assert has is None or has in f
    assert lacks is None or lacks not in f


ROLE_CASES = [
    # text, the institutions in subject position (canonical names, in order)
    (  # a list of regions sharing the head: each region's body
        "莘县、高唐县检察院向监管部门发出检察建议。",
        ["莘县人民检察院", "高唐县人民检察院"],
    ),
    ("荆州市人民检察院荆州市公安局推行检察建议。", ["荆州市人民检察院", "荆州市公安局"]),  # written together
    ("荆州市人民检察院向荆州市公安局发出检察建议。", ["荆州市人民检察院"]),
    ("经荆州市人民检察院批准，荆州市公安局推行检察建议。", ["荆州市公安局"]),  # the approver is no subject
    ("经荆州市人民检察院调解，双方达成协议。", ["荆州市人民检察院"]),  # the mediator is
    ("石家庄市医调委成立于2015年，由石家庄市司法局主管，推行诉调对接。", ["石家庄市医疗纠纷人民调解委员会"]),
    ("由石家庄市司法局负责，推行诉调对接。", ["石家庄市司法局"]),  # 负责: the body does it
    ("上海市总工会副主席赵德关出席。", []),  # a person's employer, not a subject
    ("荆州市公安局党委书记张三出席。", []),
    (
        "重庆市万州区人民法院龙驹人民法庭推行巡回审判。",
        ["重庆市万州区人民法院龙驹人民法庭"],
    ),  # the sub-unit, not its parent
    (  # the lead's act, then 会同 and the bodies it works with
        "郑州市人民检察院牵头，会同郑州市教育局、郑州市公安局等14家单位，构建协同机制。",
        ["郑州市人民检察院", "郑州市教育局", "郑州市公安局"],
    ),
    (  # a unit in a list of co-actors stands for its parent, which does not end the list
        "常州市中级人民法院会同常州市公安局交通警察支队、常州市司法局，推行诉调对接。",
        ["常州市中级人民法院", "常州市公安局交通警察支队", "常州市司法局"],
    ),
    # a body whose rank and file open the clause is its subject; its leader's title is not
    ("武汉市江汉区人民检察院检察官主动对接区市场监管局，发出检察建议。", ["武汉市江汉区人民检察院"]),
    ("武汉市江汉区人民检察院检察长张某主动对接区市场监管局，发出检察建议。", []),
]


@pytest.mark.parametrize("text,expected", ROLE_CASES)
def test_subject_roles(text, expected):
    regions = find_regions(text, {})
    insts = find_institutions(text, regions, Context())
    assert [im.name for im in subjects(text, insts)] == expected


REGION_SUBJECT_CASES = [
    # text, {(institution, mechanism): [(start, end, rule)]}: a region opening the clause is read as its body
    # when the article has named exactly one body of it
    (
        "上海市普陀区桃浦镇总工会召开会议。\n会议指出，桃浦镇创新引入“七方联动”机制。\n",
        {("上海市普陀区桃浦镇总工会", "七方联动"): [(23, 38, "adopt.region")]},
    ),
    (  # …or the sentence, before the region: the body the news comes from
        "记者从银川市司法局获悉，今年以来，银川市推行“线上+线下”一体化服务。",
        {("银川市司法局", "线上+线下"): [(17, 32, "adopt.region")]},
    ),
]


@pytest.mark.parametrize("text,expected", REGION_SUBJECT_CASES)
def test_a_region_subject_stands_for_its_only_body(text, expected):
    assert adoptions(text) == expected


REGION_SUBJECT_NEGATIVES = [
    "荆州市推行提级执行。",  # no body of the region named: a region is never an actor
    "荆州市中级人民法院召开会议。\n荆州市公安局召开会议。\n会议指出，荆州市推行提级执行。\n",  # two bodies: ambiguous
    "银川市司法局局长马丽说，银川市推行“线上+线下”一体化服务。",  # a body in a title only is no actor
]


@pytest.mark.parametrize("text", REGION_SUBJECT_NEGATIVES)
def test_a_region_subject_with_no_single_body_is_no_actor(text):
    assert not any(r == "adopt.region" for evs in adoptions(text).values() for _, _, r in evs)


def _body(start: int, name: str, parent: str | None = None) -> InstitutionMention:
    return InstitutionMention(start, start + len(name), name, name, "court", parent=parent)


SOLE_ACTOR_CASES = [
    # the second sentence's subject (name, its parent), whether the article still has a sole actor after it
    ("荆州市中级人民法院执行局", "荆州市中级人民法院", True),  # a sub-unit acts for its body
    ("荆州市公安局", None, False),
]


@pytest.mark.parametrize("name,parent,sole", SOLE_ACTOR_CASES)
def test_a_sub_unit_and_its_body_are_one_actor(name, parent, sole):
    finder = AdoptionFinder(weights={"bias": -1.0, "carried:sole": 2.0})
    first = "荆州市中级人民法院召开会议。"
    court = _body(0, "荆州市中级人民法院")
    finder.sentence(first, 0, [court], [], [court])
    second = f"{name}召开会议。"
    body = _body(0, name, parent)
    finder.sentence(second, 1, [body], [], [body])
    third = "推进执破融合。"
    mm = MechanismMention(2, 6, "执破融合", "执破融合", None)
    assert bool(finder.sentence(third, 2, [], [mm], [])) is sole


KNOWN_NAME_CASES = [
    # text, the document's discovered names, spans already taken by mentions, the bare occurrences found
    ("携手区司法局等七方联动部门共同打造。", {"七方联动"}, [], [(7, 11)]),
    ("七方联动，七方联动。", {"七方联动"}, [(0, 4)], [(5, 9)]),  # one already found is not found twice
    ("推行三治融合。", {"三治"}, [], []),  # a short name is too common a string
    ("推行全面依法治国。", {"七方联动"}, [], []),
]


@pytest.mark.parametrize("text,names,taken,expected", KNOWN_NAME_CASES)
def test_a_name_the_document_gives_a_mechanism_names_it_where_it_stands_bare(text, names, taken, expected):
    mechs = [MechanismMention(s, e, text[s:e], text[s:e], None) for s, e in taken]
    found = named_elsewhere(text, names, mechs, [])
    assert [(m.start, m.end) for m in found] == expected
    assert all(m.rule == "mech.document-name" for m in found)


def test_the_co_actors_of_a_joint_measure_named_bare_adopt_it():
    text = (
        "荆州市总工会携手荆州市司法局、荆州市人民法院等七方联动部门，共同打造服务中心。\n"
        "荆州市总工会引入了“七方联动”机制。\n"
    )
    adopters = {a for a, m in adoptions(text) if m == "七方联动"}
    assert adopters >= {"荆州市司法局", "荆州市人民法院"}


COACTOR_CASES = [
    # text, the bodies that adopt 网格化管理: a co-actor adopts what the lead subject adopts in its clause or the next
    # (an instrument of one kind of body, such as 检察建议, is its issuers' only: tests/test_quality_units.py)
    ("荆州市人民检察院、荆州市公安局针对盲道问题，向监管部门推行网格化管理。", {"荆州市人民检察院", "荆州市公安局"}),
    # negative: two clause breaks on, someone else may act
    ("荆州市人民检察院与荆州市公安局建立保护基地，被告人签订协议，再由专人作出网格化管理。", {"荆州市人民检察院"}),
    # the bodies a subject brings together (统筹, 组织, 协调) act with it
    (
        "荆州市委政法委统筹市人民检察院、市公安局、市司法局、市教育局等单位，推行网格化管理。",
        {"中国共产党荆州市委员会政法委员会", "荆州市人民检察院", "荆州市公安局", "荆州市司法局", "荆州市教育局"},
    ),
]


@pytest.mark.parametrize("text,expected", COACTOR_CASES)
def test_co_actors_adopt_what_their_lead_adopts(text, expected):
    assert {a for a, m in adoptions(text) if m == "网格化管理"} == expected


def test_a_body_named_only_in_a_speakers_title_adopts_nothing_and_a_clause_opening_tribunal_does():
    x = doc(
        "　　苏州知识产权法庭探索建立技术调查官制度。\n"
        "　　苏州中院副院长周涛介绍，法庭还推行惩罚性赔偿制度，在3起恶意侵权案件中判赔总额达1.2亿元。\n"
    )
    assert "苏州市中级人民法院" not in {i["name"] for i in x["institutions"]}
    assert not any(a[0] == "苏州市中级人民法院" for a in x["adopts"])
    assert ["苏州市知识产权法庭", "惩罚性赔偿"] in x["adopts"]
    assert {q["text"]: q["subject"] for q in x["quantities"]}["1.2亿元"] == "苏州市知识产权法庭"


def test_a_body_approving_of_anothers_measure_does_not_adopt_it():
    text = "荆州市中级人民法院的“执破融合”做法得到最高人民法院肯定。"
    assert set(adoptions(text)) == {("荆州市中级人民法院", "执破融合")}
    # approval said of the clause is no approver: the body still did it
    text = "荆州市中级人民法院推行“执破融合”受到群众好评。"
    assert set(adoptions(text)) == {("荆州市中级人民法院", "执破融合")}
