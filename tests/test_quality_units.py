"""Rules found on invented articles about detention centres, juvenile tribunals, railway courts and
dispute-resolution centres, as tables: exact offsets and rule ids, and negatives."""

import pytest

from extract_helpers import adoptions, doc, institutions


def subjects(text: str) -> list[tuple[str, int, str | None, str]]:
    return [(q["text"], q["evidence"]["start"], q["subject"], q["subject_rule"]) for q in doc(text)["quantities"]]


# an anaphor never stands for a body acting in its own clause (full-width or ASCII marks end clauses)
ANAPHOR_CASES = [
    (
        "记者从西安铁路运输法院获悉，自陕西省高级人民法院指定该院集中管辖环境资源案件以来，该院共受理案件765件。",
        [
            ("西安铁路运输法院", 3, 11, "inst.head:铁路运输法院"),
            ("西安铁路运输法院", 26, 28, "inst.anaphor:该院"),
            ("西安铁路运输法院", 41, 43, "inst.anaphor:该院"),
            ("陕西省高级人民法院", 15, 24, "inst.head:高级人民法院"),
        ],
    ),
    (
        "西安仲裁委员会受理案件2186件。西咸新区管委会与该会共建国际商事争端解决中心。",
        [
            ("西安仲裁委员会", 0, 7, "inst.head:仲裁委员会"),
            ("西安仲裁委员会", 25, 27, "inst.anaphor:该会"),
            ("西咸新区管理委员会", 17, 24, "inst.zone:管委会"),
        ],
    ),
    # negative: a body in a person's title may be what 该院 stands for
    (
        "余杭区人民法院召开会议。余杭区人民法院院长介绍该院今年受理案件900件。",
        [
            ("杭州市余杭区人民法院", 0, 7, "inst.head:人民法院"),
            ("杭州市余杭区人民法院", 12, 19, "inst.head:人民法院"),
            ("杭州市余杭区人民法院", 23, 25, "inst.anaphor:该院"),
        ],
    ),
    # negative: a clause mark before 该院 (here an ASCII comma) leaves the body before it in reach
    (
        "记者从上海市浦东新区人民法院获悉,该院推行诉前调解。",
        [
            ("上海市浦东新区人民法院", 3, 14, "inst.head:人民法院"),
            ("上海市浦东新区人民法院", 17, 19, "inst.anaphor:该院"),
        ],
    ),
]


@pytest.mark.parametrize("text, expected", ANAPHOR_CASES)
def test_an_anaphor_is_no_body_of_its_own_clause(text, expected):
    assert institutions(text) == expected


# a police's detention centre, a justice bureau's legal aid centre: units named after the body before them
UNIT_CASES = [
    (
        "近日，淄博市公安局看守所推行“阳光监管”。淄博市司法局法律援助中心办理法律援助案件48件。",
        [
            ("淄博市公安局看守所", 3, 12, "inst.unit-of:看守所"),
            ("淄博市司法局法律援助中心", 21, 33, "inst.unit-of:法律援助中心"),
        ],
    ),
    # negative: a joining word between them keeps two bodies
    (
        "淄博市公安局与淄博市看守所签订协议。",
        [("淄博市公安局", 0, 6, "inst.head:公安局"), ("淄博市看守所", 7, 13, "inst.head:看守所")],
    ),
]


@pytest.mark.parametrize("text, expected", UNIT_CASES)
def test_a_bureaus_own_units(text, expected):
    assert institutions(text) == expected


# a court's tribunal for a kind of case acts on its own; opening a clause bare it is the one named before
TRIBUNAL_CASES = [
    (
        "长沙市岳麓区人民法院少年法庭实行“三审合一”。少年法庭还推行家庭教育指导令。",
        [
            ("长沙市岳麓区人民法院少年法庭", 0, 14, "inst.subunit:少年法庭"),
            ("长沙市岳麓区人民法院少年法庭", 23, 27, "inst.anaphor:少年法庭"),
        ],
    ),
    # negative: with no court before it, a district's 家事法庭 is a place here, no body (nor the city court's unit)
    (
        "铁岭市中级人民法院推进家事审判。开原市家事法庭里，母子拥抱。",
        [("铁岭市中级人民法院", 0, 9, "inst.head:中级人民法院")],
    ),
]


@pytest.mark.parametrize("text, expected", TRIBUNAL_CASES)
def test_tribunals_for_a_kind_of_case(text, expected):
    assert institutions(text) == expected


def test_a_tribunal_adopts_what_it_carries_out():
    x = doc("长沙市岳麓区人民法院少年法庭实行“三审合一”。少年法庭还推行家庭教育指导令。")
    assert x["adopts"] == [
        ["长沙市岳麓区人民法院少年法庭", "三审合一"],
        ["长沙市岳麓区人民法院少年法庭", "家庭教育指导令"],
    ]


# a bare head is the body the article talks about (the last subject), not the last of a list it acted on
BARE_HEAD_CASES = [
    (
        "走进临海市社会矛盾纠纷调处化解中心，窗口一字排开。该中心整合临海市信访局、临海市法律援助中心等12个部门入驻。"
        "三年来，中心共接待群众来访4.6万人次。",
        [
            ("12个", 47, "临海市社会矛盾纠纷调处化解中心", "subj.clause"),
            ("4.6万人次", 68, "临海市社会矛盾纠纷调处化解中心", "subj.bare-head"),
        ],
    ),
    # negative: the subject of the sentence before is the centre named last
    (
        "临海市社会矛盾纠纷调处化解中心成立。临海市法律援助中心共办理案件30件。中心共接待群众来访4.6万人次。",
        [
            ("30件", 32, "临海市法律援助中心", "subj.clause"),
            ("4.6万人次", 45, "临海市法律援助中心", "subj.bare-head"),
        ],
    ),
]


@pytest.mark.parametrize("text, expected", BARE_HEAD_CASES)
def test_a_bare_head_is_the_body_talked_about(text, expected):
    assert subjects(text) == expected


# 信访 and 接待 (tagged verbs by jieba) stand in a centre's name
def test_a_petition_reception_centre_is_named():
    assert institutions("南阳市信访联合接待中心推行“四步工作法”。") == [
        ("南阳市信访联合接待中心", 0, 11, "inst.named:中心")
    ]


# a body that only honours another (被最高人民法院评为) is not what the article is about: no figure's subject
ARTICLE_BODY_CASES = [
    (
        "我院审结涉未成年人刑事案件126件。我院少年法庭被最高人民法院评为先进集体。",
        [("126件", 13, None, "subj.article-region")],
    ),
    # negative: a body that acts is
    (
        "我院审结涉未成年人刑事案件126件。最高人民法院发布典型案例。",
        [("126件", 13, "最高人民法院", "subj.article-body")],
    ),
]


@pytest.mark.parametrize("text, expected", ARTICLE_BODY_CASES)
def test_an_honouring_body_is_not_the_articles(text, expected):
    assert subjects(text) == expected


# bodies a centre takes in (整合A、B等12个部门入驻) work there; they do not run the centre's measures
STATIONED_CASES = [
    (
        "临海市矛调中心整合临海市信访局、临海市法律援助中心等12个部门入驻，推行“一窗受理”机制。",
        [["临海市矛调中心", "一窗受理"]],
    ),
    # negative: the bodies that move in opening the sentence are its subjects, and apply it
    (
        "临海市信访局、临海市法律援助中心等12个部门入驻中心，推行“一窗受理”机制。",
        [["临海市信访局", "一窗受理"], ["临海市法律援助中心", "一窗受理"]],
    ),
]


@pytest.mark.parametrize("text, expected", STATIONED_CASES)
def test_bodies_stationed_in_a_centre(text, expected):
    assert doc(text)["adopts"] == expected


# an instrument only one kind of body issues (data/instrument_issuers.tsv) is not adopted by bodies of other kinds
ISSUER_CASES = [
    (
        "杭州互联网法院与浙江省互联网信息办公室签订合作备忘录，建立数据合规风险预警机制，共发出司法建议26份。",
        [
            ["杭州互联网法院", "数据合规风险预警"],
            ["杭州互联网法院", "司法建议"],
            ["浙江省互联网信息办公室", "数据合规风险预警"],
        ],
    ),
    (
        "石家庄市医疗纠纷人民调解委员会推行“调解+保险”模式，调解协议可当场申请司法确认。",
        [["石家庄市医疗纠纷人民调解委员会", "调解+保险"]],
    ),
    (  # the police's warning notice is the police's
        "陕西省妇女联合会联合陕西省公安厅建立反家庭暴力联动机制，全省共签发家庭暴力告诫书1860份。",
        [
            ["陕西省妇女联合会", "反家庭暴力联动"],
            ["陕西省公安厅", "反家庭暴力联动"],
            ["陕西省公安厅", "家庭暴力告诫书"],
        ],
    ),
    # negative: the court confirms
    (
        "石家庄市中级人民法院推行“调解+保险”模式，对调解协议当场进行司法确认。",
        [["石家庄市中级人民法院", "调解+保险"], ["石家庄市中级人民法院", "司法确认"]],
    ),
]


@pytest.mark.parametrize("text, expected", ISSUER_CASES)
def test_an_instrument_is_its_issuers(text, expected):
    assert doc(text)["adopts"] == expected


def mechanisms(text: str) -> list[tuple[str, int, int, str]]:
    return [(m["name"], e["start"], e["end"], e["rule"]) for m in doc(text)["mechanisms"] for e in m["evidence"]]


# jieba tags 矛盾 an adjectival noun: a domain before a quoted name all the same
DOMAIN_CASES = [
    (
        "诸暨市社会治理中心推行矛盾纠纷“一站式接收、一揽子调处、全链条解决”。",
        [("一站式接收、一揽子调处、全链条解决", 15, 34, "mech.setup-verb+quoted")],
    ),
    # negative: a quoted list of more than four parts is a list of things, not one measure
    ("诸暨市社会治理中心推行矛盾纠纷“一站式接收、一揽子调处、全链条解决、全过程跟踪回访、全方位保障”。", []),
]


@pytest.mark.parametrize("text, expected", DOMAIN_CASES)
def test_a_domain_tagged_adjectival_noun(text, expected):
    assert mechanisms(text) == expected


# 双方 are the two bodies of the last joint act, told at most two paragraphs before; the parties of a case
# settling (双方达成执行和解, 双方当事人) are not
PARTIES_CASES = [
    (
        "西北政法大学与西安市中级人民法院签署合作协议。\n根据协议，西安中院每年接收学生实习120名。\n双方还将建立“院校联合调研”机制。\n",
        [["西北政法大学", "院校联合调研"], ["西安市中级人民法院", "院校联合调研"]],
    ),
    (
        "西北政法大学与西安市中级人民法院签署合作协议。\n根据协议，西安中院每年接收学生实习120名。\n一是培训。\n二是调研。\n双方还将建立“院校联合调研”机制。\n",
        [],
    ),
    ("荆州市市场监督管理局与荆州市知识产权局签署协议。经法院组织磋商，双方达成执行和解。", []),
]


@pytest.mark.parametrize("text, expected", PARTIES_CASES)
def test_both_parties_of_a_joint_act(text, expected):
    assert doc(text)["adopts"] == expected


# 中共 before a Party body is part of its name: the body opens its clause and is its subject
def test_the_partys_name_opens_a_bodys_clause():
    x = doc("遵义市司法局推进“一村一法律顾问”全覆盖。中共遵义市委政法委员会推行“网格化管理”。")
    assert institutions("中共遵义市委政法委员会推行“网格化管理”。") == [
        ("中国共产党遵义市委员会政法委员会", 0, 11, "inst.head:委政法委员会")
    ]
    assert x["adopts"] == [["遵义市司法局", "一村一法律顾问"], ["中国共产党遵义市委员会政法委员会", "网格化管理"]]


# what a meeting said (会议强调，要…) is not the work of the last body the sentences between named
MEETING_CASES = [
    (
        "中共遵义市委政法委员会召开全体会议。遵义市司法局推进“一村一法律顾问”全覆盖。会议强调，要深入开展打击治理电信网络诈骗犯罪。",
        {("遵义市司法局", "一村一法律顾问")},
    ),
    # negative: with no meeting told, the body carried acts
    (
        "遵义市司法局推进“一村一法律顾问”全覆盖。会议强调，要深入开展打击治理电信网络诈骗犯罪。",
        {("遵义市司法局", "一村一法律顾问"), ("遵义市司法局", "打击治理电信网络诈骗")},
    ),
    # negative: a system the sentence names stands for its lead body
    (
        "萍乡市中级人民法院召开推进会。湘东区人民法院推行“诉调对接”。会议要求，全市法院要健全劳动争议多元化解机制。",
        {("萍乡市湘东区人民法院", "诉调对接"), ("萍乡市中级人民法院", "劳动争议多元化解")},
    ),
]


@pytest.mark.parametrize("text, expected", MEETING_CASES)
def test_what_a_meeting_said_is_its_conveners(text, expected):
    assert {tuple(p) for p in doc(text)["adopts"]} == expected


# 全区 in a sentence that speaks of the autonomous region (自治区司法厅…介绍，全区…) is the region, not a district
AUTONOMOUS_CASES = [
    (
        "南宁市西乡塘区社区戒毒康复办公室开展帮扶。自治区司法厅相关负责人介绍，全区今年共收治戒毒人员1.3万名。",
        [("1.3万名", 46, "广西壮族自治区", "subj.collective-region")],
    ),
    # negative: with no 自治区 in the sentence, 全区 is the district's
    (
        "广西壮族自治区南宁市西乡塘区司法局开展帮扶。全区今年共化解纠纷300件。",
        [("300件", 31, "南宁市西乡塘区司法局", "subj.jurisdiction")],
    ),
]


@pytest.mark.parametrize("text, expected", AUTONOMOUS_CASES)
def test_the_whole_autonomous_region(text, expected):
    assert subjects(text) == expected


def regions(text: str) -> list[tuple[str, str | None]]:
    return [(r["name"], r["parent"]) for r in doc(text)["regions"]]


# a township named after a village (稻香村街道, 杨村镇) is one township, not a village and a suffix left over
TOWNSHIP_CASES = [
    ("家住合肥市蜀山区稻香村街道的市民刘先生说。", [("合肥市", None), ("蜀山区", "合肥市"), ("稻香村街道", "蜀山区")]),
    ("天津市武清区杨村街道推行网格化管理。", [("天津市", None), ("武清区", "天津市"), ("杨村街道", "武清区")]),
    # negatives: a village's villagers, and its committee
    ("桐乡市高桥街道越丰村村民说。", [("桐乡市", None), ("高桥街道", "桐乡市"), ("越丰村", "高桥街道")]),
]


@pytest.mark.parametrize("text, expected", TOWNSHIP_CASES)
def test_a_township_named_after_a_village(text, expected):
    assert regions(text) == expected


# a township listed beside a found one may hold 城, 山 or 会, as one chained after a division may (古城街道)
LISTED_TOWNSHIP_CASES = [
    (
        "临海市社会矛盾纠纷调处化解中心在大洋街道、古城街道等19个镇（街道）建立矛调分中心。",
        [("临海市", None), ("大洋街道", "临海市"), ("古城街道", "临海市")],
    ),
    # negative: a body's characters still end no township's name beside one (在松门镇、县法院设立…)
    ("在松门镇、县法院设立调解室。", [("松门镇", None)]),
]


@pytest.mark.parametrize("text, expected", LISTED_TOWNSHIP_CASES)
def test_a_listed_township_may_hold_a_town_word(text, expected):
    assert regions(text) == expected


# two villages listed together vouch for each other's names, as two townships do
VILLAGE_PAIR_CASES = [
    (
        "丽水市莲都区碧湖镇司法所推行调解。平原村、下概头村被评为省级民主法治村。",
        [("丽水市", None), ("莲都区", "丽水市"), ("碧湖镇", "莲都区"), ("平原村", None), ("下概头村", None)],
    ),
    # negatives: kinds of village (先进村, 示范村) and generic words (农村, 渔村) are no names
    ("全县共创建先进村、示范村86个。", []),
    ("农村、渔村的纠纷多。", []),
]


@pytest.mark.parametrize("text, expected", VILLAGE_PAIR_CASES)
def test_two_villages_listed_together(text, expected):
    assert regions(text) == expected


# a clause with no subject that opens with its partners (…；与A、B等12家单位建立…机制): the body carried is its
# subject, and adopts what the partners adopt with it
CARRIED_PARTNER_CASES = [
    (
        "山东省高级人民法院发布报告。全省法院推行“诉前调解+司法确认”；与山东省总工会、山东省妇女联合会等12家单位建立“总对总”诉调对接机制。",
        {
            ("山东省高级人民法院", "诉前调解+司法确认"): [(20, 31, "adopt.carried")],
            ("山东省总工会", "总对总诉调对接"): [(33, 65, "adopt.mention+trigger")],
            ("山东省妇女联合会", "总对总诉调对接"): [(40, 65, "adopt.mention+trigger")],
            ("山东省高级人民法院", "总对总诉调对接"): [(57, 65, "adopt.carried")],
        },
    ),
    # negative: a clause opened by a body of its own is that body's (and its co-actor's)
    (
        "山东省高级人民法院发布报告。全省法院推行“诉前调解+司法确认”；山东省总工会与山东省妇女联合会建立“总对总”诉调对接机制。",
        {
            ("山东省高级人民法院", "诉前调解+司法确认"): [(20, 31, "adopt.carried")],
            ("山东省总工会", "总对总诉调对接"): [(32, 58, "adopt.subject+trigger")],
            ("山东省妇女联合会", "总对总诉调对接"): [(39, 58, "adopt.coactor")],
        },
    ),
]


@pytest.mark.parametrize("text, expected", CARRIED_PARTNER_CASES)
def test_the_body_carried_works_with_its_partners(text, expected):
    assert adoptions(text) == expected


# a measure's name listed among problems (破解…税收、信用修复、不动产处置等难题) names a field, no measure
PROBLEM_CASES = [
    ("苏州中院联合市税务局出台意见，破解破产案件中的税收、信用修复、不动产处置等难题。", []),
    ("两地部门针对知识产权诉前调解、侵权纠纷高效处理等难点问题开展交流。", []),
    # negatives: a list of measures (等措施), and measures in whose course problems arise
    ("苏州中院推行信用修复、失信惩戒等措施。", ["信用修复", "失信惩戒"]),
    ("苏州中院着力解决诉源治理、多元解纷中的突出问题。", ["诉源治理", "多元解纷"]),
]


@pytest.mark.parametrize("text, expected", PROBLEM_CASES)
def test_a_list_of_problems_names_no_measure(text, expected):
    assert [m["name"] for m in doc(text)["mechanisms"]] == expected


# 互保 (tagged a verb by jieba) stands in an association's name, as 调解 does
def test_a_mutual_insurance_association_is_named():
    assert institutions("舟山市渔业互保协会推行调解。") == [("舟山市渔业互保协会", 0, 9, "inst.named:协会")]


# 专项行动 right after a verb that launches it (or 该专项行动) is the last campaign the article named
CAMPAIGN_CASES = [
    (
        "最高人民检察院部署开展“检护民生”专项行动。最高检要求深化司法救助工作。江苏省人民检察院已率先启动专项行动。",
        {
            ("最高人民检察院", "检护民生"): [(0, 21, "adopt.subject+trigger")],
            ("最高人民检察院", "司法救助"): [(22, 33, "adopt.subject+trigger")],
            ("江苏省人民检察院", "检护民生"): [(36, 53, "adopt.subject+trigger")],
        },
    ),
    # negatives: a campaign's own name holds the words; with no campaign named before, none is meant
    (
        "江苏省人民检察院开展“检护民生”专项行动。",
        {("江苏省人民检察院", "检护民生"): [(0, 20, "adopt.subject+trigger")]},
    ),
    (
        "最高人民检察院推行司法救助。江苏省人民检察院已率先启动专项行动。",
        {("最高人民检察院", "司法救助"): [(0, 13, "adopt.subject+trigger")]},
    ),
]


@pytest.mark.parametrize("text, expected", CAMPAIGN_CASES)
def test_a_campaign_named_again(text, expected):
    assert adoptions(text) == expected


def units(text: str) -> list[tuple[str, int, str, str]]:
    return [(q["text"], q["evidence"]["start"], q["unit"], q["evidence"]["rule"]) for q in doc(text)["quantities"]]


# problems reported or put right, and documents reviewed, counted in 件 are items (SPEC: 件 that is not a case)
PROBLEM_UNIT_CASES = [
    ("临沂市纪委监委共收到群众反映问题2380件。", [("2380件", 16, "item", "qty.unit:件→item")]),
    ("银川市司法局审查各类合法性审查文件3260件。", [("3260件", 17, "item", "qty.unit:件→item")]),
    # negative: cases named as such stay cases
    ("银川市人民法院审结问题案件30件。", [("30件", 13, "case", "qty.unit:件→case")]),
]


@pytest.mark.parametrize("text, expected", PROBLEM_UNIT_CASES)
def test_problems_and_documents_are_items(text, expected):
    assert units(text) == expected
