"""Adoption rules added for unseen text, as tables: a bare system word (检察机关, 法院) as a clause's subject,
a collective told by a speaker whose body (named in the title only) leads it, an item of a list of
measures (二是…) opening with its own subject, a joint name (纪委监委) as one party, and
being named a model of a mechanism (被命名为…) as being honoured for it."""

import pytest

from extract_helpers import adoptions

BARE_SYSTEM_CASES = [
    # text, {(institution, mechanism): [(start, end, rule), …]} (exactly these pairs)
    (  # the body of that system the text named before: the procuratorate, not the bureau the last sentence acted
        "濂溪区人民检察院启动行刑衔接程序。区水利局采纳建议。办案中，检察机关运用“河长+检察长”协作机制。",
        {
            ("九江市濂溪区人民检察院", "行刑衔接"): [(0, 14, "adopt.subject+trigger")],
            ("九江市濂溪区人民检察院", "河长+检察长"): [(30, 48, "adopt.system")],
        },
    ),
    (  # its staff act for it (法院工作人员…)
        "江宁区人民检察院提起公诉。江宁区人民法院受理该案。法院工作人员组织开展诉前调解。",
        {("南京市江宁区人民法院", "诉前调解"): [(25, 39, "adopt.system")]},
    ),
]
BARE_SYSTEM_NEGATIVES = [
    # the speaker's body leads no collective of another system: the courts act, not the police
    ("临沂市公安局局长王某说，全市法院推进家事审判方式改革。", ("临沂市公安局", "家事审判方式改革")),
    # a court acts, though the text named none: the procuratorate carried from before does not adopt
    ("江宁区人民检察院提起公诉。法院适用认罪认罚从宽制度。", ("南京市江宁区人民检察院", "认罪认罚从宽")),
    # being named a model of a mechanism is being honoured for it (SPEC v2), not carrying it out
    (
        "泉州市公安局丰泽分局东海派出所被命名为全国首批“枫桥式公安派出所”。",
        ("泉州市公安局丰泽分局东海派出所", "枫桥式公安派出所"),
    ),
    # 公安机关、检察机关 is a list of systems, not one body
    ("江宁区人民检察院受理该案。公安机关、检察机关共同开展专项整治行动。", ("南京市江宁区人民检察院", "专项整治")),
    # the word after a body named before it in the clause is no subject of its own
    (
        "江宁区人民检察院受理该案。区水利局向检察机关移送线索，开展河道专项整治行动。",
        ("南京市江宁区人民检察院", "河道专项整治"),
    ),
]
TRIGGER_CASES = [
    (  # 提起 brings a procedure to court: the collective's lead body carries it out
        "成都市人民检察院召开会议。全市检察机关共发出诉前检察建议156件，提起公益诉讼12件。",
        {
            ("成都市人民检察院", "诉前检察建议"): [(22, 28, "adopt.carried")],
            ("成都市人民检察院", "公益诉讼"): [(35, 39, "adopt.carried")],
        },
    ),
]
SPEAKER_COLLECTIVE_CASES = [
    (  # a body named only in the speaker's title speaks for the collective it leads, which acts
        "海西州公安局治安支队支队长韩永明介绍，全州公安机关在牧区推行“草原110”警务模式。",
        {("海西蒙古族藏族自治州公安局", "草原110"): [(19, 41, "adopt.mention+trigger")]},
    ),
    (
        "临沂市中级人民法院院长刘玉峰说，近年来，全市法院深入推进家事审判方式改革。",
        {("临沂市中级人民法院", "家事审判方式改革"): [(20, 36, "adopt.mention+trigger")]},
    ),
]
LIST_ITEM_CASES = [
    (  # 二是 opens an item whose subject is its own, not the body the list's answer is about
        "湖北省高级人民法院答：一是推行繁简分流。二是武汉市中级人民法院与武汉市市场监督管理局共建诉调对接机制。",
        {
            ("湖北省高级人民法院", "繁简分流"): [(0, 19, "adopt.subject+trigger")],
            ("武汉市中级人民法院", "诉调对接"): [(22, 48, "adopt.subject")],
            ("武汉市市场监督管理局", "诉调对接"): [(32, 48, "adopt.coactor")],
        },
    ),
]
PARTIES_CASES = [
    (  # after 纪委监委 (two bodies written as one name) acts alone, 双方 are still the parties of the joint act
        "仪陇县纪委监委与仪陇县人民检察院会签实施办法。仪陇县纪委监委移送案件19件。双方还联合开展“以案促改”。",
        {
            ("中国共产党仪陇县纪律检查委员会", "以案促改"): [(45, 51, "adopt.parties")],
            ("仪陇县监察委员会", "以案促改"): [(45, 51, "adopt.parties")],
            ("仪陇县人民检察院", "以案促改"): [(45, 51, "adopt.parties")],
        },
    ),
]


@pytest.mark.parametrize(
    "text,expected", BARE_SYSTEM_CASES + TRIGGER_CASES + SPEAKER_COLLECTIVE_CASES + LIST_ITEM_CASES + PARTIES_CASES
)
def test_adoptions(text, expected):
    assert adoptions(text) == expected


@pytest.mark.parametrize("text,pair", BARE_SYSTEM_NEGATIVES)
def test_not_adoptions(text, pair):
    assert pair not in adoptions(text)
