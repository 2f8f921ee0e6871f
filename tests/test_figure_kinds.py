"""Figures that count no work, found on invented articles of many provinces (/tmp/inv_quality2_*),
as tables: exact offsets and rule ids, and negatives (SPEC v2, Rulings: Quantities)."""

import pytest

from extract_helpers import doc
from govgraph.extract.quantities import find_quantities


def figures(text: str) -> list[tuple[str, int, int, float, str, str]]:
    return [(q.text, q.start, q.end, q.value, q.unit, q.rule) for q in find_quantities(text)]


# the parts a platform, a process or a document is built of are how it is built, not work done
PARTS = [
    ("平台设置电子定位、视频点验、教育学习、心理测评4个模块", []),
    ("涵盖报到、监管、教育、解矫等8个环节", []),
    ("该平台有心理服务、联防联控3个子场景", []),
    ("从5个方面提出整改建议", []),
    ("明确6方面具体措施", []),  # 方面 is no 方 of parties (七方联动)
    (
        "设立4个巡回审判点，开展巡回审判126次",
        [("4个", 2, 4, 4, "item", "qty.unit:个→item"), ("126次", 16, 20, 126, "item", "qty.unit:次→item")],
    ),
    ("新建调解室12个", [("12个", 5, 8, 12, "item", "qty.unit:个→item")]),
    ("会同检察院、公安局等5方联合出台意见", [("5方", 10, 12, 5, "item", "qty.unit:方→item")]),
]


@pytest.mark.parametrize("text, expected", PARTS)
def test_the_parts_a_thing_is_built_of_are_no_figure(text, expected):
    assert figures(text) == expected


def doc_figures(text: str) -> list[tuple[str, int]]:
    return [(q["text"], q["evidence"]["start"]) for q in doc(text)["quantities"]]


# a paragraph that opens telling one case (一起…案, a party by surname, an anonymised organisation) goes on
# telling it: the figures of its sentences that name no body acting are the story's (SPEC: facts of one case's story)
CASE_PARAGRAPHS = [
    ("河南省驻马店市中级人民法院执结一起借款合同纠纷案，执行到位金额1.23亿元。", [("1.23亿元", 31)]),
    (
        "2018年，某投资公司向某置业公司出借资金1亿元。到期后，置业公司仅归还本金2000万元。"
        "判决生效后，置业公司名下32套房产被查封，涉及购房户186户。",
        [],
    ),
    # a body acting in the paragraph tells its own work (the case only led to it)
    (
        "保定市人民检察院在办理一起校园周边食品安全案件中发现监管漏洞。保定市市场监督管理局随即开展专项整治，检查食品经营户680家。",
        [("680家", 57)],
    ),
    # a sentence summing up the work beyond the case
    ("在一起借款合同纠纷案中，某公司拖欠货款。今年以来，全市法院共执结案件4.7万件。", [("4.7万件", 34)]),
    # a sentence naming an anonymised company may give the work done on its cases
    ("锡林郭勒盟全盟法院共受理涉内蒙古某矿业有限公司执行案件53件。", [("53件", 27)]),
    # property valued and handed over in execution is work done
    (
        "在一起执行案件中，商洛市中级人民法院将某房地产开发公司名下房产作价700万元以物抵债给了某建设公司。",
        [("700万元", 33)],
    ),
]


@pytest.mark.parametrize("text, expected", CASE_PARAGRAPHS)
def test_a_paragraph_opening_with_one_case_goes_on_telling_it(text, expected):
    assert doc_figures(text) == expected


# a villagers' group is named by its number after its village (or the village's bare name after the township)
VILLAGE_GROUPS = [
    ("记者来到茈碧湖镇海口村5组时", []),
    ("从区里来到龙驹镇团结3组。", []),
    ("东湖社区2组居民", []),
    ("新安装垃圾容器665组", [("665组", 7, 11, 665, "other", "qty.unit:组→other")]),
    ("设置两分类亭10组", [("10组", 6, 9, 10, "other", "qty.unit:组→other")]),
]


@pytest.mark.parametrize("text, expected", VILLAGE_GROUPS)
def test_a_villagers_group_named_by_its_number_is_no_figure(text, expected):
    assert figures(text) == expected


# a figure after a word of plan anywhere before it in its sentence is a target, not a result
PLANS = [
    ("2024年全州将力争电诈发案数再下降10%以上，破案率提升至45%。", []),
    ("分局局长说，2024年将再新增5个工作室。", []),
    ("今后3年，我们将每年开展2次以上联合巡河。", []),
    ("下一步，该院将力争到2025年底全市无讼村（社区）达到300个。", []),
    # a result told before the plan stays
    ("今年共破获案件120起，下一步将继续加大打击力度。", [("120起", 7, 11, 120, "case", "qty.unit:起→case")]),
]


@pytest.mark.parametrize("text, expected", PLANS)
def test_a_target_is_no_result(text, expected):
    assert figures(text) == expected


# what an area holds is no work: 全X共有 before a count of things (not of people at work), a border's length
HOLDINGS = [
    ("全州共有18个边境检查站、5个口岸，边境线长达755.2公里。", []),
    ("园区共有市场主体约30万户。", []),
    ("全市共有32家单位参与", [("32家", 4, 7, 32, "item", "qty.unit:家→item")]),  # taking part
    ("全县共有345名专职网格员。", [("345名", 4, 8, 345, "person", "qty.unit:名→person")]),  # the people at work
]


@pytest.mark.parametrize("text, expected", HOLDINGS)
def test_what_an_area_holds_is_no_work(text, expected):
    assert figures(text) == expected


# a count written in words, given in a headline and again in the body, is one figure (SPEC: listed once)
REPEATED_IN_WORDS = [
    (
        "吉林法检等九部门构建救助衔接机制\n近日，吉林省高级人民法院与省人民检察院、省民政厅等九部门联合出台实施意见。",
        [("九部门", 5)],
    ),
    # counts in digits keep the rule of the words around them: two bodies' 9个 are two figures
    (
        "甲县人民法院新建调解室9个，乙县人民法院建成工作站9个。",
        [("9个", 11), ("9个", 25)],
    ),
]


@pytest.mark.parametrize("text, expected", REPEATED_IN_WORDS)
def test_a_count_in_words_told_again_is_one_figure(text, expected):
    assert doc_figures(text) == expected


# a count of units ranked together is no work done (the figure ranked stays)
RANKED = [
    ("该院在全区18个基层院考核中位列第1。", []),
    ("在全市12个县区中排名第一", []),
    ("新建调解室12个，位居全省第一", [("12个", 5, 8, 12, "item", "qty.unit:个→item")]),
    ("办结案件1200件位居全省前列", [("1200件", 4, 9, 1200, "case", "qty.unit:件→case")]),
]


@pytest.mark.parametrize("text, expected", RANKED)
def test_the_units_ranked_together_are_no_figure(text, expected):
    assert figures(text) == expected


# a debt the work recovered is its result, written before or after the word for the debt
RECOVERED_DEBTS = [
    ("帮助居民祖某追回5000元欠款；", [("5000元", 8, 13, 5000, "CNY", "qty.unit:元→CNY")]),
    ("一时拿不出应还的28840元欠款", []),  # the debt alone is the story's
]


@pytest.mark.parametrize("text, expected", RECOVERED_DEBTS)
def test_a_debt_recovered_is_a_result(text, expected):
    assert figures(text) == expected
