"""Rules found on invented articles of new outlets and topics, as tables: each with the exact
offsets and rule ids it gives, and negatives."""

import pytest

from extract_helpers import adoptions, doc, institutions

# a tribunal named by its place alone (古田法庭) is the court's 人民法庭 of that place, named before or after
TRIBUNAL_CASES = [
    (
        "上杭法院古田法庭：调解。福建省上杭县人民法院古田人民法庭推行庭所共建。",
        [
            ("上杭县人民法院古田人民法庭", 12, 28, "inst.subunit:人民法庭"),
            ("上杭县人民法院古田人民法庭", 0, 8, "inst.subunit:法庭"),
        ],
    ),
]
# a kind of country (山区, 牧区) names no tribunal or station; a tribunal of another name stays apart
TRIBUNAL_NEGATIVES = [
    ("上杭县人民法院推行庭所共建。山区法庭里的法官常年奔波，牧区派出所民警走访。", ("山区法庭", "牧区派出所")),
    ("上杭县人民法院古田人民法庭调解。上杭县人民法院家事法庭审理。", ("古田人民法庭家事法庭",)),
]


@pytest.mark.parametrize("text, expected", TRIBUNAL_CASES)
def test_short_tribunal_names(text, expected):
    assert [m for m in institutions(text) if m[0].endswith("法庭")] == expected


@pytest.mark.parametrize("text, unwanted", TRIBUNAL_NEGATIVES)
def test_no_tribunal_of_a_kind_of_country(text, unwanted):
    assert not [m for m in institutions(text) if m[0].endswith(unwanted)]


def figures(text: str) -> list[tuple[str, int, int, str]]:
    return [(q["text"], q["evidence"]["start"], q["evidence"]["end"], q["unit"]) for q in doc(text)["quantities"]]


# a count of divisions a body rules over is the size of its area, not work (SPEC: 辖11个社区)
JURISDICTION_CASES = [
    ("古田人民法庭管辖古田、步云等4个乡镇，今年受理案件612件。", [("612件", 25, 29, "case")]),
    ("该派出所辖11个社区，今年化解纠纷30起。", [("30起", 17, 20, "case")]),
    ("该法庭辖区涵盖3个乡镇、42个行政村，今年审结案件589件。", [("589件", 25, 29, "case")]),
    # 辖区 alone is a noun: units set up in places of the area are counted
    ("在辖区12个街道设立调解工作站。", [("12个", 3, 6, "item")]),
    # 管辖 before cases, not divisions: the cases are work
    ("该院集中管辖全省环境资源案件，今年受理案件320件。", [("320件", 21, 25, "case")]),
]


@pytest.mark.parametrize("text, expected", JURISDICTION_CASES)
def test_the_divisions_a_body_rules_over_are_no_figure(text, expected):
    assert figures(text) == expected


def regions(text: str) -> list[tuple[str, str | None]]:
    return [(r["name"], r["parent"]) for r in doc(text)["regions"]]


# a village named before (known) right after a township is the township's
VILLAGE_CASES = [
    (
        "五龙村党支部书记说。法庭在古田镇五龙村设立共享法庭。",
        [("五龙村", "古田镇"), ("古田镇", None)],
    ),
]


@pytest.mark.parametrize("text, expected", VILLAGE_CASES)
def test_a_known_village_after_its_township(text, expected):
    assert regions(text) == expected


# the noun right before a figure says what it counts: words before a 的 only say which cases
COUNTED_CASES = [
    ("法院发现有财产线索的案件2104件。", [("2104件", 12, 17, "case")]),
    ("该院摸排公益诉讼案件线索126件。", [("126件", 12, 16, "item")]),  # leads of cases are items
    ("该院制发检察建议61件。", [("61件", 8, 11, "item")]),
    ("春运期间查获违禁品1420件。", [("1420件", 9, 14, "item")]),
    ("查处违禁品运输案件12件。", [("12件", 9, 12, "case")]),  # a case word right before the figure
    # …or before a verb that links it to the figure (有, 达, 共有)
    ("法院通过悬赏找到财产线索的案件有47件。", [("47件", 16, 19, "case")]),
    ("法院收到财产线索有47件。", [("47件", 9, 12, "item")]),
    ("派出所为边民办理出入境证件3600件。", [("3600件", 13, 18, "item")]),  # documents issued, no cases
]


@pytest.mark.parametrize("text, expected", COUNTED_CASES)
def test_what_the_figure_counts(text, expected):
    assert figures(text) == expected


# a collective opening a sentence (全市检察机关…) is its lead body: the sentences after it with no subject
# are the lead's, not the body named before it (东台市人民检察院); of two bodies it includes, the higher leads
COLLECTIVE_REPORT = (
    "盐城市人民检察院工作报告。东台市人民检察院探索督促监护令工作，发出督促监护令53份。\n"
    "全市检察机关共办理公益诉讼案件732件。开展司法救助，发放救助金286万元。"
)


def test_a_collective_opening_a_sentence_carries_its_lead():
    subjects = [
        (q["text"], q["evidence"]["start"], q["subject"], q["subject_rule"])
        for q in doc(COLLECTIVE_REPORT)["quantities"]
    ]
    assert subjects == [
        ("53份", 38, "东台市人民检察院", "subj.clause"),
        ("732件", 58, "盐城市人民检察院", "subj.collective-lead"),
        ("286万元", 75, "盐城市人民检察院", "subj.carried-agent"),
    ]
    got = adoptions(COLLECTIVE_REPORT)
    assert got[("盐城市人民检察院", "司法救助")] == [(65, 69, "adopt.carried")]
    assert ("东台市人民检察院", "司法救助") not in got


def test_a_collective_in_a_later_clause_does_not_carry():
    # 法院采纳 opens a later clause: the next sentence's figure stays the procuratorate's, carried from the subject
    text = "山东省人民检察院召开发布会。全省检察机关提出抗诉186件，法院采纳率达81.3%；提出再审检察建议427件。"
    assert [(q["text"], q["subject"]) for q in doc(text)["quantities"]][-1] == ("427件", "山东省人民检察院")


# bodies of child protection, health and the bar, named with the article's region (区关工委, 市律协)
HEAD_CASES = [
    (
        "台州市黄岩区人民检察院联合区妇幼保健院、区关工委开展家庭教育指导。",
        [
            ("台州市黄岩区人民检察院", 0, 11, "inst.head:人民检察院"),
            ("台州市黄岩区妇幼保健院", 13, 19, "inst.relative:妇幼保健院"),
            ("台州市黄岩区关心下一代工作委员会", 20, 24, "inst.relative:关工委"),
        ],
    ),
    (
        "杭州市律协组织律师参与调解，市疾控中心配合。",
        [
            ("杭州市律师协会", 0, 5, "inst.head:律协"),
            ("杭州市疾病预防控制中心", 14, 19, "inst.relative:疾控中心"),
        ],
    ),
]


@pytest.mark.parametrize("text, expected", HEAD_CASES)
def test_more_regional_heads(text, expected):
    assert institutions(text) == expected


def test_a_head_with_no_region_in_sight_is_no_body():
    assert institutions("县妇儿工委召开会议，关工委老同志参加。") == []


def mechanisms(text: str) -> list[tuple[str, int, int, str]]:
    return [(m["name"], e["start"], e["end"], e["rule"]) for m in doc(text)["mechanisms"] for e in m["evidence"]]


# a mechanism's words inside a body's name (河长制办公室, 行政复议局) name the body, not a mechanism it adopts
BODY_NAME_CASES = [
    ("桂林市人民检察院联合桂林市河长制办公室开展巡查。", []),
    ("上饶市行政复议局受理申请120件。", []),
    ("桂林市人民检察院推动落实河长制。", [("河长制", 12, 15, "mech.curated:river-chief-system")]),
]


@pytest.mark.parametrize("text, expected", BODY_NAME_CASES)
def test_a_mechanism_inside_a_bodys_name_is_none(text, expected):
    assert mechanisms(text) == expected


# 全县 after a body of the county is the body's jurisdiction; after a township's body (杨河镇派出所) it is the county
JURISDICTION_SUBJECTS = [
    (
        "陕西省汉中市西乡县委政法委推动“三所联动”。\n杨河镇派出所与杨河镇司法所签订合作协议，实行联合调处。"
        "今年以来，全县共受理矛盾纠纷1246起。\n",
        [("1246起", 64, "西乡县", "subj.collective-region")],
    ),
    ("新源县人民法院推行巡回审判，全县12个乡镇全覆盖。", [("12个", 16, "新源县人民法院", "subj.jurisdiction")]),
]


@pytest.mark.parametrize("text, expected", JURISDICTION_SUBJECTS)
def test_a_townships_body_does_not_stand_for_the_county(text, expected):
    got = [(q["text"], q["evidence"]["start"], q["subject"], q["subject_rule"]) for q in doc(text)["quantities"]]
    assert got == expected


# a firm keeps the place as its own name writes it (陕西汉江律师事务所 is no 陕西省汉江律师事务所)
FIRM_CASES = [
    (
        "杨河镇司法所与陕西汉江律师事务所签订合作协议。",
        [("杨河镇司法所", 0, 6, "inst.named:司法所"), ("陕西汉江律师事务所", 7, 16, "inst.named:律师事务所")],
    ),
    (
        "西乡县司法局联合西乡县汉江律师事务所开展法律援助。",
        [("西乡县司法局", 0, 6, "inst.head:司法局"), ("西乡县汉江律师事务所", 8, 18, "inst.named:律师事务所")],
    ),
]


@pytest.mark.parametrize("text, expected", FIRM_CASES)
def test_firms_keep_their_own_names(text, expected):
    assert institutions(text) == expected


# damages are one case's story, unless a collective opening the sentence sums all its bodies' cases
DAMAGES_CASES = [
    (
        "湖北省高级人民法院发布白皮书。全省法院判令补植复绿林地2.1万亩，判处生态环境损害赔偿金3.2亿元。",
        [("2.1万亩", 27, 32, "other"), ("3.2亿元", 44, 49, "CNY")],
    ),
    ("法院判决被告赔偿原告经济损失8万元。", []),
]


@pytest.mark.parametrize("text, expected", DAMAGES_CASES)
def test_damages_summed_by_a_collective_are_work(text, expected):
    assert figures(text) == expected


# a railway station's police post (南昌站派出所) is a unit of the railway police body the article named
RAILWAY_CASES = [
    (
        "南昌铁路公安处推行警长制。南昌站派出所在候车室设立服务站。",
        [
            ("南昌铁路公安处", 0, 7, "inst.head:铁路公安处"),
            ("南昌铁路公安处南昌站派出所", 13, 19, "inst.railway-station"),
        ],
    ),
    (
        "上海铁路公安局杭州东站派出所开展巡逻。",
        [
            ("上海铁路公安局", 0, 7, "inst.head:铁路公安局"),
            ("上海铁路公安局杭州东站派出所", 7, 14, "inst.railway-station"),
        ],
    ),
    ("南昌站派出所民警开展巡逻。", [("南昌站派出所", 0, 6, "inst.railway-station")]),
]
RAILWAY_NEGATIVES = ["记者在南昌站看到，派出所民警正在巡逻。", "该站派出所民警开展巡逻。"]


@pytest.mark.parametrize("text, expected", RAILWAY_CASES)
def test_railway_station_posts(text, expected):
    assert institutions(text) == expected


@pytest.mark.parametrize("text", RAILWAY_NEGATIVES)
def test_no_railway_station_post(text):
    assert [m for m in institutions(text) if m[3] == "inst.railway-station"] == []


# 全市两级检察院, 全省三级法院: the levels between the region and the system word leave the lead body
LEVELS_CASES = [
    (
        "福建省泉州市人民检察院会同泉州市公安局开展清理。全市两级检察院共排查涉企挂案156件。",
        [("156件", "泉州市人民检察院", "subj.collective-lead")],
    ),
    (
        "江苏省高级人民法院召开发布会。全省三级法院共受理案件120万件。",
        [("120万件", "江苏省高级人民法院", "subj.collective-lead")],
    ),
]


@pytest.mark.parametrize("text, expected", LEVELS_CASES)
def test_the_levels_of_a_collective(text, expected):
    assert [(q["text"], q["subject"], q["subject_rule"]) for q in doc(text)["quantities"]] == expected


# a police body's divisions: 总队 at the province, names of up to eleven characters (食品药品与环境犯罪侦查)
UNIT_CASES = [
    (
        "四川省公安厅食品药品与环境犯罪侦查总队会同省市场监督管理局建立机制。",
        [
            ("四川省公安厅食品药品与环境犯罪侦查总队", 0, 19, "inst.subunit:总队"),
            ("四川省市场监督管理局", 21, 29, "inst.relative:市场监督管理局"),
        ],
    ),
    (
        "池州市公安局食品药品与环境犯罪侦查支队牵头开展行动。",
        [("池州市公安局食品药品与环境犯罪侦查支队", 0, 19, "inst.subunit:支队")],
    ),
]


@pytest.mark.parametrize("text, expected", UNIT_CASES)
def test_police_divisions(text, expected):
    assert institutions(text) == expected


def test_a_clause_mark_ends_a_units_name():
    assert [m for m in institutions("池州市公安局牵头，交警支队配合。") if m[0].endswith("支队")] == []


# a quoted name that a setup verb carries out may follow a domain of up to six characters
# (推行跨境诉讼服务“一站通办”); a model or brand built (打造…“锦屏样本”) is no mechanism
DOMAIN_CASES = [
    ("云南省高级人民法院推行跨境诉讼服务“一站通办”，方便群众。", [("一站通办", 17, 23, "mech.setup-verb+quoted")]),
    ("大连海关开展知识产权保护“龙腾行动2024”。", [("龙腾行动2024", 12, 22, "mech.setup-verb+quoted")]),
    ("黔东南州中级人民法院打造环境资源审判“锦屏样本”。", []),
    ("该院推行群众反映问题清单“一单到底”。", []),  # no setup verb right before the domain
]


@pytest.mark.parametrize("text, expected", DOMAIN_CASES)
def test_quoted_names_after_a_domain(text, expected):
    assert mechanisms(text) == expected


# a county's courts act through the county court: a bare 法院 opening a clause, or 全县法院, is it
COUNTY_COURT_CASES = [
    (
        "山东省济南市历下区人民法院与历下区妇女联合会会签意见。\n区妇联协助受害人申请保护令；法院对符合条件的申请，在72小时内作出裁定。\n",
        [("72小时内", "济南市历下区人民法院", "subj.system-named")],
    ),
    (
        "河南省宁陵县人民法院召开会议。全县法院共审结案件9614件。",
        [("9614件", "宁陵县人民法院", "subj.collective-lead")],
    ),
]


@pytest.mark.parametrize("text, expected", COUNTY_COURT_CASES)
def test_a_countys_courts_act_through_its_court(text, expected):
    assert [(q["text"], q["subject"], q["subject_rule"]) for q in doc(text)["quantities"]] == expected


# a round or batch of work (新一轮, 首批) names no body; land-contract arbitration committees are bodies
STEM_CASES = [
    ("内蒙古自治区人民检察院部署开展新一轮监狱巡回检察。", [("内蒙古自治区人民检察院", 0, 11, "inst.head:人民检察院")]),
    (
        "海伦市农村土地承包仲裁委员会推行“田间庭审”。",
        [("海伦市农村土地承包仲裁委员会", 0, 14, "inst.head:农村土地承包仲裁委员会")],
    ),
]


@pytest.mark.parametrize("text, expected", STEM_CASES)
def test_rounds_name_no_body(text, expected):
    assert institutions(text) == expected


# services handled (业务) are items, not cases; 跨省通办 and 巡回检察 are named measures
def test_services_are_items_and_new_measures():
    assert figures("全省累计办理跨省业务28.7万件。") == [("28.7万件", 10, 16, "item")]
    assert mechanisms("浙江省公安厅新增6项户籍业务实现“跨省通办”。") == [
        ("跨省通办", 17, 21, "mech.curated:cross-province-service")
    ]
    assert mechanisms("内蒙古自治区人民检察院部署开展新一轮监狱巡回检察。") == [
        ("巡回检察", 18, 24, "mech.curated:circuit-procuratorial-inspection")
    ]


# a quote named a mechanism with a strong generic word stays one where the text also calls it a platform
def test_a_mechanism_called_a_platform_elsewhere_stays():
    text = (
        "南靖县推行派出所、司法所和人民法庭“四所一庭”联动机制。南靖县人民法院山城人民法庭依托“四所一庭”平台开展调解。"
    )
    assert mechanisms(text) == [("四所一庭", 17, 27, "mech.quoted+tail")]


def test_a_quote_only_called_a_platform_is_none():
    assert mechanisms("海口市公安局依托“椰城市民云”平台开展服务。") == []


# a bare head after a count of places in its clause names each place's body, not the region's own
BARE_CASES = [
    ("陕西省宝鸡市眉县委政法委推进平安建设，在全县8个镇（街道）、122个村（社区）建成综治中心，实现全覆盖。", []),
    ("伊宁县在全县20个乡镇（场）全部建成综治中心。", []),
    (
        "陕西省宝鸡市眉县委政法委推进平安建设，依托综治中心化解纠纷。",
        [("眉县社会治安综合治理中心", 21, 25, "inst.bare:综治中心")],
    ),
]


@pytest.mark.parametrize("text, expected", BARE_CASES)
def test_a_bare_centre_after_counted_places(text, expected):
    assert [m for m in institutions(text) if m[3].startswith("inst.bare")] == expected


# a quoted tribunal taken for its court's (outpost) is a nickname when the quote names no place of the article
NICKNAME_CASES = [
    (
        "凉山州中级人民法院：“彝汉双语法庭”让群众听得懂。",
        [("凉山彝族自治州中级人民法院", 0, 9, "inst.head:中级人民法院")],
    ),
    ("新巴尔虎右旗人民法院坚持“马背法庭”巡回审判。", [("新巴尔虎右旗人民法院", 0, 10, "inst.head:人民法院")]),
]


@pytest.mark.parametrize("text, expected", NICKNAME_CASES)
def test_quoted_tribunal_nicknames(text, expected):
    assert institutions(text) == expected


# a round hundred or thousand after a word of approximation is a figure (逾千人, 近千万元)
ROUND_CASES = [
    (
        "抓获各类违法犯罪嫌疑人逾千人，其中电诈犯罪嫌疑人近三百人。",
        [("逾千人", 11, 14, "person"), ("近三百人", 24, 28, "person")],
    ),
    ("帮助企业挽回损失近千万元。", [("近千万元", 8, 12, "CNY")]),
    ("上千人参加活动。", []),  # 上千 is a manner of speaking
]


@pytest.mark.parametrize("text, expected", ROUND_CASES)
def test_round_figures_after_approximation(text, expected):
    assert figures(text) == expected


def test_a_cities_two_level_procuratorates():
    text = "浙江省绍兴市人民检察院与绍兴市税务局签署意见。绍兴两级检察机关共受理移送线索64条。"
    assert [(q["text"], q["subject"], q["subject_rule"]) for q in doc(text)["quantities"]] == [
        ("64条", "绍兴市人民检察院", "subj.two-level")
    ]


# 与 may join two words of a department's name after its region (辽宁省海洋与渔业厅); a short name
# (温州市矛调中心) is the full one the document gives, and keeps the text's wording where it gives none
def test_yu_inside_a_departments_name():
    assert institutions("该院还联合辽宁海事局、辽宁省海洋与渔业厅建立协作机制。") == [
        ("辽宁海事局", 5, 10, "inst.head:海事局"),
        ("辽宁省海洋与渔业厅", 11, 20, "inst.named:厅"),
    ]


def test_a_short_centre_name_merges_into_the_full_one():
    text = "温州市矛调中心：受理诉求。温州市社会矛盾纠纷调处化解中心整合18个部门。鹿城区矛调中心创新机制。"
    assert [i["name"] for i in doc(text)["institutions"]] == ["温州市社会矛盾纠纷调处化解中心", "温州市鹿城区矛调中心"]


# places of custody numbered within their region; a short place keeps its written form
CUSTODY_CASES = [
    ("云南省第一强制隔离戒毒所推行帮扶模式。", [("云南省第一强制隔离戒毒所", 0, 12, "inst.named:强制隔离戒毒所")]),
    ("江苏省第二女子强制隔离戒毒所开展帮教。", [("江苏省第二女子强制隔离戒毒所", 0, 14, "inst.named:强制隔离戒毒所")]),
    ("呼和浩特第一监狱开展教育。", [("呼和浩特第一监狱", 0, 8, "inst.named:监狱")]),
    ("对全区第一监狱开展巡回检察。", []),  # no region right before the ordinal
]


@pytest.mark.parametrize("text, expected", CUSTODY_CASES)
def test_numbered_places_of_custody(text, expected):
    assert institutions(text) == expected


# a place's 检察 in a headline (扬州检察：) is its procuratorate; 检察 as a function (行政检察监督) is none
PROCURATORATE_CASES = [
    ("扬州检察：监督模型发现线索2300余条", [("扬州市人民检察院", 0, 4, "inst.head:检察")]),
    ("浙江检察：数字赋能法律监督", [("浙江省人民检察院", 0, 4, "inst.collective:检察")]),
    ("深化行政检察监督，江苏检察官走进校园。", []),
]


@pytest.mark.parametrize("text, expected", PROCURATORATE_CASES)
def test_a_places_jiancha(text, expected):
    assert institutions(text) == expected


def test_jiancha_stays_inside_a_mechanisms_name():
    text = "苏州工业园区人民检察院深化知识产权检察职能集中统一履行改革。"
    assert [m[0] for m in mechanisms(text)] == ["知识产权检察职能集中统一履行"]


# a bracketed insert stays inside the figure's clause: 每个村（社区）至少5名 is a standard, no figure
def test_a_bracket_inside_the_clause():
    assert figures("光山县司法局培养法律明白人3600余名，实现每个村（社区）至少5名。") == [
        ("3600余名", 13, 19, "person")
    ]
    assert figures("在全县8个镇（街道）、122个村（社区）建成综治中心。") == [
        ("8个", 3, 5, "item"),
        ("122个", 11, 15, "item"),
    ]


# a verb opening a clause names no township (组织街道人民调解委员会)
def test_a_verb_is_no_townships_name():
    text = "东山街道党工委牵头，组织街道人民调解委员会、社区居委会共同调处。"
    assert [r["name"] for r in doc(text)["regions"]] == ["东山街道"]
    # towns named after a verb stay towns
    assert [r["name"] for r in doc("区司法局部署工作，解放街道司法所调解纠纷。")["regions"]] == ["解放街道"]


# railway transport procuratorates' branches and the dispute-resolution centres of a region are bodies
CENTRE_CASES = [
    (
        "吉林省人民检察院指定长春铁路运输检察分院实行集中管辖。",
        [
            ("吉林省人民检察院", 0, 8, "inst.head:人民检察院"),
            ("长春铁路运输检察分院", 10, 20, "inst.head:铁路运输检察分院"),
        ],
    ),
    (
        "在河北省保定市莲池区矛盾纠纷多元化解中心调解。",
        [("保定市莲池区矛盾纠纷多元化解中心", 1, 20, "inst.head:矛盾纠纷多元化解中心")],
    ),
    ("推动建立矛盾纠纷多元化解中心。", []),  # no region: a kind of centre
]


@pytest.mark.parametrize("text, expected", CENTRE_CASES)
def test_branches_and_centres(text, expected):
    assert institutions(text) == expected


# a body or region written right before a figure as its label in a list of figures is its subject
LABEL_CASES = [
    (
        "苏州市中级人民法院通报。苏州两级法院诉前调解成功率分别为姑苏区46.2%、吴中区51.8%。",
        [("46.2%", "姑苏区", "subj.labelled"), ("51.8%", "吴中区", "subj.labelled")],
    ),
    (
        "遵义市中级人民法院通报，结收案比分别为红花岗区人民法院101.2%、汇川区人民法院99.6%。",
        [("101.2%", "遵义市红花岗区人民法院", "subj.labelled"), ("99.6%", "遵义市汇川区人民法院", "subj.labelled")],
    ),
]


@pytest.mark.parametrize("text, expected", LABEL_CASES)
def test_labels_of_listed_figures(text, expected):
    got = [(q["text"], q["subject"], q["subject_rule"]) for q in doc(text)["quantities"]]
    assert got == expected
