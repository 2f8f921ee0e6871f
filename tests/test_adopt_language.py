"""Adoption across the language of reports: a body a report goes on about heading after heading, a modal verb
ruling an alternative clause, 该机制 taking up the last mechanism named as a 机制, an occasion (以X为契机) and a
partner whose joint act is over. Invented texts; each positive stands beside a negative."""

from __future__ import annotations

from extract_helpers import adoptions

SECTIONS = (
    "岱山县人民法院服务海岛发展\n\n岱山县人民法院立足海岛实际，推动纠纷就地化解。\n\n"
    "一、做实源头预防\n\n{0}\n\n二、做优执行质效\n\n{1}\n\n三、做强司法服务\n\n{2}\n\n"
    "四、做硬队伍本领\n\n实施“上岛下船”锻炼计划。"
)


def test_a_report_that_goes_on_about_its_body_keeps_it_near():
    """Each headed section opening with an adoption verb (深化…, 开展…, 实行…) tells the same body's work: four
    paragraphs on, 实施“上岛下船”锻炼计划 is still its own."""
    got = adoptions(
        SECTIONS.format("深化“渔港调解”机制。", "开展“休渔期集中执行”专项行动。", "实行“一船一码”信用管理。")
    )
    assert got[("岱山县人民法院", "上岛下船")] == [(128, 138, "adopt.carried")]
    assert got[("岱山县人民法院", "一船一码")] == [(103, 109, "adopt.carried")]


def test_a_body_not_talked_about_for_paragraphs_is_not_carried_that_far():
    got = adoptions(SECTIONS.format("今年以来调处渔事纠纷126件。", "执结案件213件。", "渔民满意度达98%。"))
    assert ("岱山县人民法院", "上岛下船") not in got


def test_an_alternative_clause_is_ruled_by_the_modal_before_it():
    """上级法院可以提级执行，…，或者开展协同执行: what may be done, not what the body carried did."""
    got = adoptions("岱山县人民法院推行“渔港调解”机制。上级法院可以提级执行，以排除干扰，或者开展协同执行。")
    assert ("岱山县人民法院", "协同执行") not in got
    assert got[("岱山县人民法院", "渔港调解")] == [(0, 17, "adopt.subject+trigger")]


def test_a_clause_joined_with_bing_is_done():
    got = adoptions("岱山县人民法院推行“渔港调解”机制。对涉渔重大案件，报请提级执行，以排除干扰，并开展协同执行。")
    assert got[("岱山县人民法院", "协同执行")] == [(42, 46, "adopt.carried")]


FOREST = (
    "南平市人民检察院与南平市林业局会签《关于建立“林长+检察长”协作机制的意见》。"
    "邵武市人民检察院向邵武市自然资源局发出检察建议。"
    "南平市人民检察院有关负责人表示，将深化该{0}，推动林区生态修复。"
)


def test_gai_jizhi_takes_up_the_last_mechanism_named_as_a_jizhi():
    """该机制 is the “林长+检察长”协作机制, not the bare 检察建议 another body issued in the sentence between."""
    got = adoptions(FOREST.format("机制"))
    assert ("南平市人民检察院", "检察建议") not in got
    assert (63, 85, "adopt.mention+trigger") in got[("南平市人民检察院", "林长+检察长")]


def test_a_demonstrative_with_no_such_word_takes_the_last_mechanism():
    got = adoptions(FOREST.format("项工作").replace("将深化该项工作", "将深化这种做法"))
    assert ("南平市人民检察院", "检察建议") in got  # 这种做法: no mechanism was named 做法, the last stands


def test_a_campaign_taken_as_the_occasion_is_not_adopted():
    got = adoptions("东阳市司法局以“法治乡村建设年”活动为契机，开展“法律明白人”培养工程。")
    assert ("东阳市司法局", "法治乡村建设年") not in got
    assert got[("东阳市司法局", "法律明白人")] == [(0, 30, "adopt.subject+trigger")]


def test_a_measure_taken_as_the_lever_is_adopted():
    got = adoptions("东阳市司法局以“法律明白人”培养工程为抓手，推进法治乡村建设。")
    assert got[("东阳市司法局", "法律明白人")] == [(0, 13, "adopt.subject")]


def test_a_partner_two_clauses_back_has_done_its_part():
    """与宁波银行联合研发…平台，线上召开…，采用网络拍卖方式: the auction is the court's own again."""
    got = adoptions(
        "宁海县人民法院应用信息化手段，与宁波银行联合研发执行款管理平台，线上召开债权人会议，采用网络拍卖方式处置财产。"
    )
    assert ("宁波银行", "网络拍卖") not in got
    assert got[("宁海县人民法院", "网络拍卖")] == [(0, 48, "adopt.subject+trigger")]


def test_a_partner_issuing_a_document_shares_what_it_says():
    got = adoptions("宁海县人民法院加强部门协作，与宁海县公安局联合出台文件，明确职责分工，落实“警法联动”制度。")
    assert got[("宁海县公安局", "警法联动")] == [(15, 45, "adopt.mention+trigger")]


RIVER = "华容县人民检察院探索推行“巡河检察官”制度。该做法被湖南省人民检察院{0}。"


def test_a_body_that_spreads_a_measure_in_the_passive_adopts_it():
    """该做法被X在全省推广: X deploys the measure (SPEC v2); 被 makes it the agent, not one honouring it."""
    got = adoptions(RIVER.format("在全省推广"))
    assert got[("湖南省人民检察院", "巡河检察官")] == [(22, 34, "adopt.mention")]


def test_a_body_that_praises_a_measure_in_the_passive_does_not():
    assert ("湖南省人民检察院", "巡河检察官") not in adoptions(RIVER.format("通报表扬"))


PILOT = "漳州市公安局推行“警调衔接”工作机制。漳州市公安局芗城分局西桥派出所是首批{0}单位。"


def test_a_body_that_is_a_pilot_adopts_the_measure_just_named():
    got = adoptions(PILOT.format("试点"))
    assert got[("漳州市公安局芗城分局西桥派出所", "警调衔接")] == [(19, 41, "adopt.subject")]


def test_a_body_that_is_only_honoured_does_not():
    assert ("漳州市公安局芗城分局西桥派出所", "警调衔接") not in adoptions(PILOT.format("受表彰"))


PROVINCE = "甘肃省高级人民法院召开会议。今年以来，全省法院全面推行{0}“庭前会议+示证质证”改革。"


def test_a_verb_and_a_short_domain_before_a_quoted_name_govern_it():
    """推行刑事案件“X”改革: the verb's object is the name with its domain; the collective (全省法院) acts."""
    got = adoptions(PROVINCE.format("刑事案件"))
    assert got[("甘肃省高级人民法院", "庭前会议+示证质证")] == [(31, 44, "adopt.carried")]


def test_a_long_phrase_between_them_does_not():
    assert ("甘肃省高级人民法院", "庭前会议+示证质证") not in adoptions(PROVINCE.format("涉及全省各类刑事案件的"))


LEVELS = "{0}推行“庭前会议+示证质证”改革。{1}两级法院率先实行“繁简分流”快审机制。"


def test_the_courts_of_a_named_region_are_not_the_province_s_court():
    """兰州两级法院: the courts of 兰州, which the provincial court carried over is not one of."""
    got = adoptions(LEVELS.format("甘肃省高级人民法院", "兰州"))
    assert ("甘肃省高级人民法院", "繁简分流") not in got


def test_two_levels_of_courts_with_no_region_are_the_carried_court_s():
    got = adoptions(LEVELS.format("甘肃省高级人民法院", ""))
    assert got[("甘肃省高级人民法院", "繁简分流")] == [(34, 38, "adopt.carried")]


def test_the_region_s_own_court_leads_its_two_levels():
    got = adoptions(LEVELS.format("兰州市中级人民法院", "兰州"))
    assert got[("兰州市中级人民法院", "繁简分流")] == [(25, 40, "adopt.region")]


CAPTION = "聊城市人民检察院推行“检察+残联”机制。{0}开展“小交警”培育计划。"


def test_a_caption_does_not_carry_the_body_of_the_text_before_it():
    """图② X民警走进北湖小学，开展…: the caption tells of its picture, not of the body the text before is about."""
    got = adoptions(CAPTION.format("图② 新余市公安局交警支队民警走进北湖小学，"))
    assert ("聊城市人民检察院", "小交警") not in got


def test_a_sentence_that_goes_on_carries_it():
    got = adoptions(CAPTION.format("随后，又"))
    assert got[("聊城市人民检察院", "小交警")] == [(26, 35, "adopt.carried")]


SPP = "最高人民检察院日前发布一批典型案例。{0}检察机关通过制发检察建议推动整改。"


def test_the_procuratorates_of_each_place_are_not_the_national_one():
    assert ("最高人民检察院", "检察建议") not in adoptions(SPP.format("各地"))


def test_the_procuratorates_of_the_whole_country_are_not_the_national_one():
    """全国检察机关 are many bodies (SPEC v2 gives their figures no subject), as 各地检察机关 are; the national body
    adopts what it deploys or does itself (…，并通过制发检察建议…; 检察机关 bare stands for it)."""
    assert ("最高人民检察院", "检察建议") not in adoptions(SPP.format("全国"))
    assert adoptions(SPP.format(""))[("最高人民检察院", "检察建议")] == [(18, 30, "adopt.system")]
