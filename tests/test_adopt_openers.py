"""A clause with no subject of its own goes on telling what the body carried does: it may open with adverbs of
manner (稳慎推进…, 灵活运用…, 及时…) or a time phrase (仅2023年就发出…) or with the body's bare staff (民警及时对…进行了保护性止付, 干警随即开启…), and
a light or launching verb (进行, 开启, 践行) governs the measure. Invented texts; each positive has a negative
beside it (another body opens the clause, or the staff are another's: 银行工作人员, 企业员工). Staff of one kind of body (检察官,
民警) choose the carried body of that kind."""

from __future__ import annotations

import pytest

from extract_helpers import adoptions

MEETING = "德清县人民法院与德清县人民检察院召开联席会议。德清县人民法院推行“共享法庭”建设。"
FOREST = "临安区人民检察院与临安区林业局联合出台《关于加强林业保护协作的意见》。针对盗伐林木问题，{}及时进行公开听证，邀请代表参与。"
LONE = "德清县公安局推行“警调衔接”机制。"
POLICE = "德清县公安局与德清县人民法院召开联席会议。德清县公安局推行“警调衔接”机制。"

ROWS = [
    # an adverb of manner before the verb: the clause is still the carried body's
    (
        MEETING + "针对涉企纠纷多发，稳慎推进“执破融合”，盘活闲置资产。",
        ("德清县人民法院", "执破融合"),
        [(55, 59, "adopt.carried")],
    ),
    (
        MEETING + "针对基层法院案多人少，灵活运用指令执行，统一调配力量。",
        ("德清县人民法院", "指令执行"),
        [(56, 60, "adopt.carried")],
    ),
    # the body's bare staff open the clause
    (
        "德清县人民法院与德清县人民检察院召开联席会议。新市派出所接到银行预警后迅速出警。"
        "经过反复劝说，民警及时对受害人账户进行了保护性止付，避免损失30万元。",
        ("新市派出所", "保护性止付"),
        [(60, 65, "adopt.carried")],
    ),
    (
        POLICE + "在办理一起纠纷时，干警随即开启“绿色通道”，当天化解矛盾。",
        ("德清县公安局", "绿色通道"),
        [(54, 58, "adopt.carried")],
    ),
    (
        POLICE + "针对邻里纠纷，民警们及时进行诉前调解，当天化解矛盾。",
        ("德清县公安局", "诉前调解"),
        [(52, 56, "adopt.carried")],
    ),
    # staff of one kind of body: the carried body of that kind, not its partner in the joint act before
    (FOREST.format("检察官"), ("杭州市临安区人民检察院", "公开听证"), [(51, 55, "adopt.carried")]),
    (FOREST.format("检察官"), ("杭州市临安区林业局", "公开听证"), None),
    (FOREST.format("干警"), ("杭州市临安区林业局", "公开听证"), [(50, 54, "adopt.carried")]),  # 干警: of any kind
    # a time phrase before the verb
    (
        MEETING + "此外，仅2023年就发出司法建议书40份，回复率达90%。",
        ("德清县人民法院", "司法建议"),
        [(53, 57, "adopt.carried")],
    ),
    (MEETING + "今年以来共开展诉前调解300余件。", ("德清县人民法院", "诉前调解"), [(48, 52, "adopt.carried")]),
    (MEETING + "2023年，德清县人民检察院发出司法建议书40份。", ("德清县人民法院", "司法建议"), None),
    # an outsider's staff open the clause (银行工作人员, 企业员工): its own subject; the body's own staff carry it on
    (LONE + "银行工作人员依托“警银联动”机制，及时拦截可疑转账。", ("德清县公安局", "警银联动"), None),
    (LONE + "企业员工依托“警银联动”机制，及时拦截可疑转账。", ("德清县公安局", "警银联动"), None),
    (LONE + "民警依托“警银联动”机制，及时拦截可疑转账。", ("德清县公安局", "警银联动"), [(21, 29, "adopt.carried")]),
    # negatives: another body opens the clause; the staff are another's (银行工作人员)
    (MEETING + "针对涉企纠纷多发，德清县人民检察院稳慎推进“执破融合”。", ("德清县人民法院", "执破融合"), None),
    (POLICE + "银行工作人员及时进行诉前调解，当天化解矛盾。", ("德清县公安局", "诉前调解"), None),
]


@pytest.mark.parametrize(("text", "pair", "evidence"), ROWS, ids=[f"{p[0]}-{p[1]}-{e is not None}" for _, p, e in ROWS])
def test_a_subjectless_clause_is_the_carried_bodys(text, pair, evidence):
    assert adoptions(text).get(pair) == evidence  # None: no such adoption


NATIONAL = "最高人民法院召开新闻发布会，通报交叉执行工作情况。{}"


@pytest.mark.parametrize(
    ("sentence", "pair", "evidence"),
    [
        # the nation's courts report figures: their work, not the national body's act
        (
            "第一季度全国法院新纳入失信被执行人名单12万人次，同时完成信用修复20万人次。",
            ("最高人民法院", "信用修复"),
            None,
        ),
        ("全国检察机关共办理公益诉讼案件1.2万件。", ("最高人民法院", "公益诉讼"), None),
        # 在全国率先…: no collective; the national body carried still acts
        (
            "会议要求，在全国率先推行失信被执行人名单分级管理。",
            ("最高人民法院", "失信被执行人名单"),
            [(37, 45, "adopt.carried")],
        ),
        ("同时在全国推行失信被执行人名单分级管理。", ("最高人民法院", "失信被执行人名单"), [(32, 40, "adopt.carried")]),
    ],
    ids=["national-courts", "national-procuratorates", "first-in-the-nation", "in-the-nation"],
)
def test_the_nations_bodies_of_a_system_stop_the_carry(sentence, pair, evidence):
    got = adoptions(NATIONAL.format(sentence))
    if evidence is None:
        assert pair not in got
    else:
        assert got[pair] == evidence
