"""Who adopts on unseen text: a mechanism named again (同步推行该机制), the parties of a joint act named by their count (三家单位, 两院), the
subject after an outlet's dateline or channel (上海法治报讯, 福建法院微信公众号), and mechanism names
with a modifier word (“访调诉”对接机制) or a space (“乡村振兴 检察护航”专项行动); bodies named
with a compass word (天津市北方公证处) or posted at a place (…人民检察院派驻看守所检察室)."""

from __future__ import annotations

import pytest

from extract_helpers import adoptions, doc
from govgraph.extract.inst_base import Context
from govgraph.extract.institutions import find_institutions
from govgraph.extract.regions import find_regions

ADOPT_CASES = [
    # text, {(institution, mechanism): [(start, end, rule)]} (exactly these pairs)
    (  # … by their count of places (两地法院, 三地检察机关)
        "遵义市中级人民法院与泸州市中级人民法院签订协议。两地法院将推行诉源治理。",
        {
            ("遵义市中级人民法院", "诉源治理"): [(31, 35, "adopt.parties")],
            ("泸州市中级人民法院", "诉源治理"): [(31, 35, "adopt.parties")],
        },
    ),
    (
        "遵义市人民检察院与泸州市人民检察院签订协议。两地检察机关将共同推行诉源治理。",
        {
            ("遵义市人民检察院", "诉源治理"): [(33, 37, "adopt.parties")],
            ("泸州市人民检察院", "诉源治理"): [(33, 37, "adopt.parties")],
        },
    ),
    (  # the parties of the joint act, named by their count
        "荆州市中级人民法院与荆州市人民检察院签订协议。根据协议，两院将建立诉调对接机制。",
        {
            ("荆州市中级人民法院", "诉调对接"): [(33, 37, "adopt.parties")],
            ("荆州市人民检察院", "诉调对接"): [(33, 37, "adopt.parties")],
        },
    ),
    (
        "荆州市中级人民法院与荆州市人民检察院、荆州市公安局签订协议。三家单位推行“一案一码”模式。",
        {
            ("荆州市中级人民法院", "一案一码"): [(36, 44, "adopt.parties")],
            ("荆州市人民检察院", "一案一码"): [(36, 44, "adopt.parties")],
            ("荆州市公安局", "一案一码"): [(36, 44, "adopt.parties")],
        },
    ),
    (  # an outlet's dateline does not hide the subject and its co-actors
        "上海法治报讯 浦东新区人民法院与浦东新区人民检察院签订协议，建立刑事案件速裁机制。",
        {
            ("上海市浦东新区人民法院", "刑事案件速裁"): [(7, 40, "adopt.subject+trigger")],
            ("上海市浦东新区人民检察院", "刑事案件速裁"): [(16, 40, "adopt.coactor")],
        },
    ),
    (  # the lead of a joint act after a dateline
        "中国长安网讯 湖州市委政法委牵头，会同湖州市中级人民法院建立诉调对接机制。",
        {
            ("中国共产党湖州市委员会政法委员会", "诉调对接"): [(7, 34, "adopt.subject+trigger")],
            ("湖州市中级人民法院", "诉调对接"): [(19, 34, "adopt.coactor")],
        },
    ),
    (  # the head of a body's unit, named only in a title, speaks for the body
        "襄阳市中级人民法院将45件案件提级执行。该院执行局局长王强说，下一步将推行“执行+保险”模式。",
        {
            ("襄阳市中级人民法院", "提级执行"): [(0, 19, "adopt.subject")],
            ("襄阳市中级人民法院", "执行+保险"): [(20, 46, "adopt.mention+trigger")],
        },
    ),
    # … but not for a body the text lists nowhere on its own
    ("襄阳市中级人民法院执行局局长王强说，将推行“执行+保险”模式。", {}),
    (  # the body's own practice, selected as a model: it carried it out
        "芜湖市鸠江区人民法院“分调裁审”改革经验被安徽省高级人民法院评为全省法院改革创新案例。",
        {("芜湖市鸠江区人民法院", "分调裁审"): [(0, 15, "adopt.subject")]},
    ),
    (  # 该机制 stands for the mechanism named last
        "重庆市第五中级人民法院推行“三个一”审判管理机制。九龙坡区人民法院同步推行该机制。",
        {
            ("重庆市第五中级人民法院", "三个一审判管理"): [(0, 24, "adopt.subject+trigger")],
            ("重庆市九龙坡区人民法院", "三个一审判管理"): [(25, 40, "adopt.subject+trigger")],
        },
    ),
    (  # … the last named with its generic word, not a bare one after it
        "盐城市大丰区人民法院推行“诉前调解+司法确认”模式，全年出具司法确认文书184份。东台市人民法院推广该做法。",
        {
            ("盐城市大丰区人民法院", "诉前调解+司法确认"): [(0, 25, "adopt.subject+trigger")],
            ("盐城市大丰区人民法院", "司法确认"): [(0, 34, "adopt.subject+trigger")],
            ("东台市人民法院", "诉前调解+司法确认"): [(41, 53, "adopt.subject+trigger")],
        },
    ),
    (  # a body that honours the mechanism named again does not adopt it
        "深圳市福田区人民法院推行“示范判决+批量调解”机制。该机制已被最高人民法院列为典型案例。",
        {("深圳市福田区人民法院", "示范判决+批量调解"): [(0, 25, "adopt.subject+trigger"), (26, 29, "adopt.carried")]},
    ),
    (  # an outlet's channel (a court's WeChat account) names no body
        "福建法院微信公众号 厦门市思明区人民法院推行“法官+调解员”模式。",
        {("厦门市思明区人民法院", "法官+调解员"): [(10, 32, "adopt.subject+trigger")]},
    ),
]


@pytest.mark.parametrize("text,expected", ADOPT_CASES)
def test_adoptions(text, expected):
    assert adoptions(text) == expected


ADOPT_NEGATIVES = [
    # the addressee of another body's instrument does not use it
    "常州市武进区人民检察院向区住建局发出检察建议。区住建局收到检察建议后，开展专项整治。",
    # one body carried: 两院 names no parties of its own
    "荆州市中级人民法院签订协议。两院将建立诉调对接机制。",
]


@pytest.mark.parametrize("text", ADOPT_NEGATIVES)
def test_no_parties_and_no_addressees(text):
    got = adoptions(text)
    assert all(r != "adopt.parties" for evs in got.values() for _, _, r in evs)
    assert all(who == "常州市武进区人民检察院" for who, mech in got if mech == "检察建议")


def test_a_channel_credit_names_no_region_and_no_body():
    x = doc("福建法院微信公众号 厦门市思明区人民法院推行“法官+调解员”模式。")
    assert [i["name"] for i in x["institutions"]] == ["厦门市思明区人民法院"]
    assert [r["name"] for r in x["regions"]] == ["厦门市", "思明区"]


MECH_CASES = [
    # text, [(name, start, end, rule)]
    ("合肥市包河区司法局推行“访调诉”对接机制。", [("访调诉", 11, 20, "mech.quoted+tail")]),
    ("宜昌市人民检察院开展“乡村振兴 检察护航”专项行动。", [("乡村振兴 检察护航", 10, 25, "mech.quoted+tail")]),
    ("推进“清渠洁岸 清洁家园”工作。", [("清渠洁岸 清洁家园", 2, 15, "mech.quoted+tail")]),
    # negatives: a spaced slogan with no generic word, an event's theme, a particle ending the modifier
    ("宜昌市人民检察院要求做到“有诉必应 有案必办”。", []),
    ("开展“巾帼心向党 书香绽芳华”等文体活动。", []),
    ("围绕“一站式”对群众开放的服务窗口。", []),
    # a procedure named in quotes; an app is none
    ("该院推行商事纠纷“调解前置”程序。", [("调解前置", 8, 16, "mech.quoted+tail")]),
    ("该院推出“移动微法院”小程序。", []),
    # an unquoted campaign's name; who takes part in a campaign names none
    ("宁波市司法局开展无障碍环境建设专项行动。", [("无障碍环境建设专项行动", 8, 19, "mech.setup-verb")]),
    ("宁波市市场监督管理局等8个部门参与专项行动。", []),
]


@pytest.mark.parametrize("text,expected", MECH_CASES)
def test_mechanism_names(text, expected):
    got = [(m["name"], e["start"], e["end"], e["rule"]) for m in doc(text)["mechanisms"] for e in m["evidence"]]
    assert got == expected


INSTITUTION_CASES = [
    # text, [(name, start, end, rule)]
    # a compass word (tagged as a locality word) names a body after its region
    (
        "天津市第二中级人民法院与天津市北方公证处签订合作协议。",
        [
            ("天津市第二中级人民法院", 0, 11, "inst.head:第二中级人民法院"),
            ("天津市北方公证处", 12, 20, "inst.named:公证处"),
        ],
    ),
    # the office a procuratorate posts at a place keeps 派驻 and the place
    (
        "长春市朝阳区人民检察院派驻看守所检察室开展巡回检察。",
        [
            ("长春市朝阳区人民检察院", 0, 11, "inst.head:人民检察院"),
            ("长春市朝阳区人民检察院派驻看守所检察室", 0, 19, "inst.posted:检察室"),
        ],
    ),
    # a name's stem holds no other body's head and no word counting many (各乡镇): two bodies
    (
        "百色市田阳区司法局指导各乡镇司法所推行调解工作法。",
        [("百色市田阳区司法局", 0, 9, "inst.head:司法局")],
    ),
    # a railway bureau carries the railway's short name, no city's (institution_heads.tsv 铁路局)
    (
        "南宁铁路局联合南宁铁路运输法院推行路地联动机制。",
        [("南宁铁路局", 0, 5, "inst.head:铁路局"), ("南宁铁路运输法院", 7, 15, "inst.head:铁路运输法院")],
    ),
    # a brand of such bodies is no body (打造…人民法庭品牌)
    (
        "百色市中级人民法院打造新时代边疆人民法庭品牌。",
        [("百色市中级人民法院", 0, 9, "inst.head:中级人民法院")],
    ),
    # negatives: a locality word that is no compass name, a posted group with no office head
    ("天津市内公证处开展工作。", []),
    ("长春市朝阳区人民检察院派驻组开展工作。", [("长春市朝阳区人民检察院", 0, 11, "inst.head:人民检察院")]),
]


@pytest.mark.parametrize("text,expected", INSTITUTION_CASES)
def test_institution_names(text, expected):
    got = find_institutions(text, find_regions(text), Context())
    assert [(m.name, m.start, m.end, m.rule) for m in got] == expected


PARTNER_CASES = [
    (  # the partners the subject signs with in the clause after a measure of working together
        "昆明铁路运输中级法院建立生态修复协作机制，与云南省林业和草原局、云南省生态环境厅等8家单位签订协作协议。",
        {
            ("昆明铁路运输中级法院", "生态修复协作"): [(0, 20, "adopt.subject+trigger")],
            ("云南省林业和草原局", "生态修复协作"): [(12, 31, "adopt.partner")],
            ("云南省生态环境厅", "生态修复协作"): [(12, 40, "adopt.partner")],
        },
    ),
    (  # not after a measure of one body's own (繁简分流)
        "昆明铁路运输中级法院推行繁简分流机制，与云南省林业和草原局签订协议。",
        {("昆明铁路运输中级法院", "繁简分流"): [(0, 16, "adopt.subject+trigger")]},
    ),
    (  # nor where the partners' clause names work of its own (共建“…中心”), nor without a joint act (座谈)
        "南京仲裁委员会建立仲裁与诉讼衔接机制，与南京市工商业联合会共建“商会仲裁中心”。",
        {("南京仲裁委员会", "仲裁与诉讼衔接"): [(0, 18, "adopt.subject+trigger")]},
    ),
    (
        "昆明铁路运输中级法院建立生态修复协作机制，与云南省林业和草原局开展座谈。",
        {("昆明铁路运输中级法院", "生态修复协作"): [(0, 20, "adopt.subject+trigger")]},
    ),
]


PARTNER_CASES += [
    (  # the partners a later clause of the subject's sentence opens with (…，并与A、B建立M机制)
        "昆明市中级人民法院推行“三合一”模式，并与昆明市人民检察院、昆明市生态环境局建立生态环境损害赔偿磋商与司法确认衔接机制。",
        {
            ("昆明市中级人民法院", "三合一"): [(0, 18, "adopt.subject+trigger")],
            ("昆明市中级人民法院", "损害赔偿磋商与司法确认衔接"): [(0, 59, "adopt.subject+trigger")],
            ("昆明市人民检察院", "损害赔偿磋商与司法确认衔接"): [(21, 59, "adopt.partner")],
            ("昆明市生态环境局", "损害赔偿磋商与司法确认衔接"): [(30, 59, "adopt.partner")],
        },
    ),
    (  # not when the partners' clause holds no mechanism (签订协议)
        "德清县人民法院推行“三合一”模式，与德清县人民检察院签订协议。",
        {("德清县人民法院", "三合一"): [(0, 16, "adopt.subject+trigger")]},
    ),
]


# a division in subject position opening the mechanism's own clause is that clause's actor, not the subject
# before it; one in another clause (…发现，西江镇部分民居存在隐患，随即…) takes nothing over
REGION_TAKES_OVER = [
    (
        "延安市中级人民法院要深化“府院联动”，宝塔区要打造“枫桥式”派出所示范点。",
        {("延安市中级人民法院", "府院联动"): [(0, 17, "adopt.subject+trigger")]},
    ),
    (
        "雷山县人民检察院在办案中发现，西江镇部分民居存在隐患，随即向县住建局制发检察建议。",
        {("雷山县人民检察院", "检察建议"): [(0, 40, "adopt.subject+trigger")]},
    ),
]


@pytest.mark.parametrize("text, expected", REGION_TAKES_OVER)
def test_a_division_opening_the_mechanisms_clause_takes_it_over(text, expected):
    assert adoptions(text) == expected


@pytest.mark.parametrize("text, expected", PARTNER_CASES)
def test_partners_after_a_measure_of_working_together(text, expected):
    assert adoptions(text) == expected
