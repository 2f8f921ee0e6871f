"""Grassroots names as tables with exact offsets and rule ids, and negatives: outposts whose place
name jieba splits (新市派出所), townships jieba reads as a place and a separate suffix (西江 + 镇) or
that follow a joining word (联合分水镇综治中心), heads of county offices and municipal procuratorates'
branches; the bodies of a list after 向 (the target of a 检察建议) adopt nothing; a region before
a word of quantity (西江镇部分民居) is no subject of the figures after it."""

from __future__ import annotations

import pytest

from extract_helpers import doc
from extract_helpers import institutions as institutions_in_doc
from govgraph.extract.inst_base import Context
from govgraph.extract.institutions import find_institutions
from govgraph.extract.regions import find_regions


def institutions(text: str) -> list[tuple[str, int, int, str]]:
    return [(m.name, m.start, m.end, m.rule) for m in find_institutions(text, find_regions(text), Context())]


OUTPOST_CASES = [
    # text, [(name, start, end, rule)] of the outposts
    (
        "与新市派出所、新市司法所联合入驻。",
        [("新市派出所", 1, 6, "inst.named:派出所"), ("新市司法所", 7, 12, "inst.named:司法所")],
    ),
    ("派出所与草堰司法所共同调解。", [("草堰司法所", 4, 9, "inst.named:司法所")]),
    (  # the tribunal right after its court keeps the court's name, though jieba reads 新 + 市
        "德清县人民法院新市人民法庭推行庭所共建。",
        [("德清县人民法院新市人民法庭", 0, 13, "inst.subunit:人民法庭")],
    ),
]
OUTPOST_CASES += [
    # a locality character after the name's first part (塘 + 下): jieba tags it apart, the name holds it
    ("今年，塘下派出所化解纠纷。", [("塘下派出所", 3, 8, "inst.named:派出所")]),
    # a rare character jieba knows only as a morpheme opens the name, whatever it makes of the rest (口 as a measure)
    ("今年，巉口派出所化解纠纷。", [("巉口派出所", 3, 8, "inst.named:派出所")]),
    (
        "今年，硚口派出所、岙口司法所化解纠纷。",
        [("硚口派出所", 3, 8, "inst.named:派出所"), ("岙口司法所", 9, 14, "inst.named:司法所")],
    ),
]
OUTPOST_CASES += [
    # a word jieba has barely ever counted names the place, whatever its tag (谋道: a verb)
    ("利川市人民法院谋道人民法庭地处鄂渝交界。", [("利川市人民法院谋道人民法庭", 0, 13, "inst.subunit:人民法庭")]),
    # no break before the name: it follows a joining word (稠城 is read 稠/a + 城/n)
    ("社区联合稠城人民法庭调解纠纷。", [("稠城人民法庭", 4, 10, "inst.named:人民法庭")]),
    (
        "义乌市法院联合稠城人民法庭组建调解团队。",
        [("义乌市人民法院稠城人民法庭", 7, 13, "inst.outpost-of:人民法庭")],
    ),
]
STEM_NEGATIVES = ["开展登记中心建设。"]  # a verb of a name alone names no body


@pytest.mark.parametrize("text", STEM_NEGATIVES)
def test_no_body_of_a_name_verb_alone(text):
    assert institutions(text) == []


OUTPOST_NEGATIVES = [
    "推动派出所改革，指导司法所工作。",  # 指导 is a common word, no place
    "开通线上派出所，办理业务。",  # the online station
    "辖区派出所与当地司法所开展工作。",  # kinds of outpost
    "由苏木派出所、嘎查警务室组成网络。",  # the stations of a banner's townships
    "各派出所、边境派出所民警走访。",
    "今年，这口派出所、此处派出所化解纠纷。",  # common characters, whatever jieba's tags
    "利川市人民法院设立人民法庭。",  # a common verb between the court and the head
    # after a joining word: kinds of station, not names
    "社区联合辖区派出所、当地司法所开展工作。",
    "联合涉事派出所、相关司法所核查。",
    # a Latin letter counting or classing stations, no rare place character
    "1个市级中心统筹、N个派出所落地，建成A类派出所、X个司法所。",
]


@pytest.mark.parametrize("text, expected", OUTPOST_CASES)
def test_outpost_names(text, expected):
    got = [m for m in institutions(text) if m[0].endswith(("派出所", "司法所", "人民法庭"))]
    assert got == expected


@pytest.mark.parametrize("text", OUTPOST_NEGATIVES)
def test_no_outpost_name(text):
    assert [m for m in institutions(text) if m[0].endswith(("派出所", "司法所"))] == []


TOWNSHIP_CASES = [
    # text, [(surface, start, end, rule)] of the townships
    ("检察院发现，西江镇部分民居存在隐患。", [("西江镇", 6, 9, "region.local.word")]),
    ("对肇兴镇古树名木开展联合巡查。", [("肇兴镇", 1, 4, "region.local.word")]),
    ("派出所联合分水镇综治中心建立机制。", [("分水镇", 5, 8, "region.local+head")]),
]
TOWNSHIP_NEGATIVES = [
    "建成苏木乡镇（街道）公共法律服务工作站77个。",  # 苏木 + 乡镇: levels
    "在全旗6个苏木镇设立巡回审判点。",
    "加强县乡两级联动，浙江乡村振兴。",
    "新创建宜春市级示范村12个、天津市级平安社区8个。",  # 市级: the city's level, no village 级示范村
]


@pytest.mark.parametrize("text, expected", TOWNSHIP_CASES)
def test_township_names(text, expected):
    got = [(m.surface, m.start, m.end, m.rule) for m in find_regions(text) if m.local_level]
    assert got == expected


@pytest.mark.parametrize("text", TOWNSHIP_NEGATIVES)
def test_no_township(text):
    assert [m.surface for m in find_regions(text) if m.local_level] == []


HEAD_CASES = [
    (
        "上海市人民检察院第一分院探索督促监护令工作。",
        ("上海市人民检察院第一分院", 0, 12, "inst.subunit:第一分院"),
    ),
    (
        "最高人民法院会同人力资源社会保障部建立机制。",
        ("人力资源和社会保障部", 8, 17, "inst.national:人力资源社会保障部"),
    ),
]


@pytest.mark.parametrize("text, expected", HEAD_CASES)
def test_new_heads(text, expected):
    assert expected in institutions(text)


def test_county_offices_take_the_articles_region():
    names = [
        i["name"]
        for i in doc("沭阳县公安局会同县金融监管支局开展行动。重庆市江北区检察院联合区教委开展活动。")["institutions"]
    ]
    assert "沭阳县金融监管支局" in names
    assert "重庆市江北区教育委员会" in names
    # 教委员 is no 教委 (not_before)
    assert not any(n.endswith("教育委员会") for n in (i["name"] for i in doc("市教委员工到场。")["institutions"]))


def test_every_body_of_a_list_after_xiang_is_a_target():
    d = doc("雷山县检察院随即向县住建局、县消防救援大队制发检察建议。")
    assert [a for a in d["adopts"] if a[1] == "检察建议"] == [["雷山县人民检察院", "检察建议"]]
    # a list opened by a joining word is one of co-actors
    d = doc("黎平县检察院联合县文物局、县林业局建立“检察+行政”协作机制。")
    assert ["黎平县林业局", "检察+行政"] in d["adopts"]


def test_a_region_before_a_word_of_quantity_is_no_subject():
    d = doc("雷山县检察院在办案中发现，西江镇部分传统民居存在消防隐患，推动整改隐患点位46处。")
    assert [(q["text"], q["subject"]) for q in d["quantities"]] == [("46处", "雷山县人民检察院")]


BARE_HEAD_NEGATIVES = [
    # the counties' or townships' own centres, not the article's one; counted levels name no region
    "遵义市委政法委牵头。各县（市、区）综治中心实现规范化建设全覆盖。",
    "城阳区夏庄街道、惜福镇街道分别建立街道级综治中心。",
    "上海市人民检察院牵头。长三角三省一市检察机关联合办理案件312件。",
]


@pytest.mark.parametrize("text", BARE_HEAD_NEGATIVES)
def test_no_body_of_the_articles_region(text):
    names = [i["name"] for i in doc(text)["institutions"]]
    assert not any(n.endswith(("社会治安综合治理中心",)) or n.startswith("合肥") for n in names)
    assert names in ([], ["中国共产党遵义市委员会政法委员会"], ["上海市人民检察院"])


def test_a_quoted_count_of_the_measures_listed_is_no_mechanism():
    d = doc("漳州市中级人民法院推行院领导包案、信访听证“三项机制”。")
    assert [m["name"] for m in d["mechanisms"]] == ["院领导包案", "信访听证"]


UNIT_CASES = [
    ("宿迁市公安局清理涉诈银行卡3900余张。", ("3900余张", 3900, "other")),
    ("青岛海事法院共拍卖船舶39艘。", ("39艘", 39, "other")),
    ("宜昌市人民检察院督促修缮木质民居213栋。", ("213栋", 213, "other")),
]


@pytest.mark.parametrize("text, expected", UNIT_CASES)
def test_counters_of_things(text, expected):
    assert [(q["text"], q["value"], q["unit"]) for q in doc(text)["quantities"]] == [expected]


def test_a_per_capita_word_opening_a_list_excludes_its_figures():
    d = doc("截至6月末，我国居民人均拥有7.6个银行账户、持有5.7张银行卡。")
    assert d["quantities"] == []


def test_a_tribunal_with_no_court_before_is_the_articles_county_courts():
    d = doc("江西省吉安市青原区以富滩人民法庭为中心，联合富滩派出所建立“一庭三所”联调机制。")
    ev = {i["name"]: [(e["start"], e["end"], e["rule"]) for e in i["evidence"]] for i in d["institutions"]}
    assert ev["吉安市青原区人民法院富滩人民法庭"] == [(10, 16, "inst.outpost-of:人民法庭")]
    # two counties named: no court is certain
    d = doc("安溪县、永春县联合开展活动，湖头人民法庭审结案件。")
    assert [i["name"] for i in d["institutions"] if i["name"].endswith("人民法庭")] == ["湖头人民法庭"]


def test_a_curated_label_does_not_start_inside_a_quoted_name():
    assert [m["name"] for m in doc("青原区人民法院建立“一庭三所”矛盾纠纷联调机制。")["mechanisms"]] == ["一庭三所"]
    assert [m["name"] for m in doc("临清市推行“三所”联动机制。")["mechanisms"]] == ["三所联动"]


def test_gaiyuan_after_a_branch_procuratorate_is_the_branch():
    d = doc("海南省人民检察院第一分院聚焦种业振兴。该院联合三亚市农业农村局建立“南繁种业知识产权保护联盟”。")
    assert ["海南省人民检察院第一分院", "南繁种业知识产权保护联盟"] in d["adopts"]
    assert "海南省人民检察院" not in [i["name"] for i in d["institutions"]]


def test_altitude_is_no_figure_of_work():
    assert doc("色尼区人民法院在海拔4500米以上的牧区设立巡回审判点14个。")["quantities"][0]["text"] == "14个"


REGION_HIDDEN_CASES = [
    # a match turned down no longer hides the one it overlaps: 合山 (合山市) starts no word in 联合山东
    ("该院联合山东海事局建立机制", [("山东", 4, 6, "region.short")]),
    ("联合山东省高院", [("山东省", 2, 5, "region.full")]),
]


@pytest.mark.parametrize("text, expected", REGION_HIDDEN_CASES)
def test_a_match_turned_down_hides_nothing(text, expected):
    assert [(m.surface, m.start, m.end, m.rule) for m in find_regions(text)] == expected


MORE_HEAD_CASES = [
    ("扬州海事局仪征海事处与法院签署协议。", ("扬州海事局仪征海事处", 0, 10, "inst.subunit:海事处")),
    ("上海金融法院与上海证券交易所建立机制。", ("上海证券交易所", 7, 14, "inst.named:证券交易所")),
    ("凤凰县旅游和文化广电局开展活动。", ("凤凰县旅游和文化广电局", 0, 11, "inst.head:旅游和文化广电局")),
    # an arbitration institute keeps the place as its name writes it
    ("法院与上海国际航运仲裁院签署备忘录。", ("上海国际航运仲裁院", 3, 12, "inst.named:仲裁院")),
    ("厦门仲裁院受理案件。", ("厦门仲裁院", 0, 5, "inst.head:仲裁院")),
    ("深圳海关缉私局破获案件。", ("深圳海关缉私局", 0, 7, "inst.subunit:缉私局")),
    # a region's party committee and government named at once: both (the first carries its figures)
    ("绿春县党委政府推进平安建设。", ("绿春县人民政府", 0, 7, "inst.head:党委政府")),
    # a verb that forms part of the name (不动产 + 登记 + 中心)
    ("怀远县不动产登记中心受理申请。", ("怀远县不动产登记中心", 0, 10, "inst.named:中心")),
]


@pytest.mark.parametrize("text, expected", MORE_HEAD_CASES)
def test_more_heads(text, expected):
    assert expected in institutions(text)


def test_the_parties_of_a_joint_act_adopt_what_both_will_set_up():
    d = doc(
        "扬州海事局仪征海事处与仪征市人民法院签署合作协议，共建调解工作室。根据协议，双方将建立涉水纠纷诉调对接机制。"
    )
    pairs = {tuple(a): [e["rule"] for e in ev] for a, ev in zip(d["adopts"], d["adopts_evidence"], strict=True)}
    assert pairs[("仪征市人民法院", "涉水纠纷诉调对接")] == ["adopt.parties"]
    assert ("扬州海事局仪征海事处", "涉水纠纷诉调对接") in pairs
    # one body carried: 双方 names no parties of its
    d = doc("仪征市人民法院签署合作协议。根据协议，双方将建立涉水纠纷诉调对接机制。")
    assert all(e["rule"] != "adopt.parties" for ev in d["adopts_evidence"] for e in ev)


TOWNSHIP_MORE_CASES = [
    # a short form right before a township's suffix is the township's name (霞浦县三沙镇), not 三沙市
    ("霞浦县人民检察院在三沙镇设立工作站", [("霞浦县", 0, 3, "region.full"), ("三沙镇", 9, 12, "region.local.word")]),
    # after a verb of going (走进, 深入) a township jieba does not know
    ("团队又一次走进谋道镇留守儿童之家", [("谋道镇", 7, 10, "region.local.after-place")]),
]


@pytest.mark.parametrize("text, expected", TOWNSHIP_MORE_CASES)
def test_more_townships(text, expected):
    assert [(m.surface, m.start, m.end, m.rule) for m in find_regions(text)] == expected


def test_no_township_after_verbs_of_going_into_generic_words():
    assert [m.surface for m in find_regions("推进乡镇建设，纳入乡村振兴") if m.local_level] == []


def test_a_figure_for_each_unit_is_a_standard():
    d = doc("伊宁县司法局建成“法律明白人”队伍1860人，实现每个行政村至少5名。")
    assert [q["text"] for q in d["quantities"]] == ["1860人"]


def test_a_county_jieba_takes_for_a_person_right_after_its_province():
    got = [(m.surface, m.start, m.end, m.rule) for m in find_regions("在浙江安吉召开推进会")]
    assert got == [("浙江", 1, 3, "region.short"), ("安吉", 3, 5, "region.short.after-parent")]
    assert [m.surface for m in find_regions("湖北公安民警走访群众")] == ["湖北"]  # 公安 is no county here


def test_a_river_chiefs_office_is_a_body():
    assert ("桂林市河长制办公室", 10, 19, "inst.head:河长制办公室") in institutions(
        "桂林市人民检察院联合桂林市河长制办公室推行“河长+检察长+警长”协作机制。"
    )


def test_honoured_units_and_people_are_no_figures():
    assert doc("柳州中院队伍建设全面加强。1个集体、3名个人获全国法院系统表彰。")["quantities"] == []


PAIR_CASES = [
    # two townships of one suffix listed together vouch for each other
    (
        "灯塔街道、川硐街道率先实现全覆盖。",
        [("灯塔街道", 0, 4, "region.local.pair"), ("川硐街道", 5, 9, "region.local.pair")],
    ),
    # 会 may stand in a township's name right after its county (新会区会城街道)
    ("新会区会城街道推行三格联动", [("新会区", 0, 3, "region.full"), ("会城街道", 3, 7, "region.local")]),
]
PAIR_NEGATIVES = ["在重点乡、偏远乡推行", "城区街道、示范街道", "每个镇、每个乡"]


@pytest.mark.parametrize("text, expected", PAIR_CASES)
def test_township_pairs(text, expected):
    assert [(m.surface, m.start, m.end, m.rule) for m in find_regions(text)] == expected


@pytest.mark.parametrize("text", PAIR_NEGATIVES)
def test_no_township_pair(text):
    assert find_regions(text) == []


def test_the_government_listed_after_a_township_party_committee_is_the_townships():
    got = institutions("浙江省余姚市梁弄镇党委、政府坚持三治融合。")
    assert ("余姚市梁弄镇人民政府", 12, 14, "inst.list:政府") in got
    assert ("伊宁县公安局", 9, 12, "inst.list:公安局") in institutions("伊宁县人民检察院、公安局开展工作。")


def test_a_designation_stripped_of_its_generic_word_is_no_mechanism():
    assert [m["name"] for m in doc("梁弄镇“五步调解法”入选全国“枫桥式工作法”。")["mechanisms"]] == ["五步调解法"]


def test_a_sum_bounding_a_class_of_cases_is_no_figure():
    d = doc("苏州知识产权法庭判赔金额超过500万元的案件37件，判赔总额2.16亿元。")
    assert [q["text"] for q in d["quantities"]] == ["37件", "2.16亿元"]


THING_CASES = [
    # goods counted in 件 are items, the cue word standing before the list of figures
    ("青岛海关查扣侵权嫌疑货物1260批次、286万件。", [("1260批次", "other"), ("286万件", "item")]),
    ("收缴雪豹皮等野生动物制品210余件。", [("210余件", "item")]),
    ("在武林商圈的13幢商务楼宇设立共享法庭。", [("13幢", "other")]),
]


@pytest.mark.parametrize("text, expected", THING_CASES)
def test_things_counted(text, expected):
    assert [(q["text"], q["unit"]) for q in doc(text)["quantities"]] == expected


def test_a_municipal_districts_housing_commission():
    assert ("重庆市九龙坡区住房和城乡建设委员会", 13, 20, "inst.relative:住房城乡建委") in institutions_in_doc(
        "重庆市九龙坡区人民法院联合区住房城乡建委推行联调机制。"
    )


def test_the_bodies_of_a_list_after_zai_are_where_it_is_set_up():
    d = doc("德清县人民法院深化“共享法庭”建设，并在县人力社保局、县市场监管局等行业部门设立“共享法庭”18个。")
    assert [a for a in d["adopts"] if a[1] == "共享法庭"] == [["德清县人民法院", "共享法庭"]]


def test_a_procedure_before_a_persons_role_names_the_role():
    d = doc("东莞市总工会派驻法律援助律师32名，为农民工提供免费法律服务。")
    assert d["mechanisms"] == [] and d["adopts"] == []


OWN_NAME_CASES = [
    # schools and banks keep the place's short form of their own name
    ("浙江工商大学", ("浙江工商大学", 0, 6, "inst.named:大学")),
    ("景德镇陶瓷大学", ("景德镇陶瓷大学", 0, 7, "inst.named:大学")),
    ("浙江农商银行", ("浙江农商银行", 0, 6, "inst.named:银行")),
]


@pytest.mark.parametrize("text, expected", OWN_NAME_CASES)
def test_own_names_keep_the_short_form(text, expected):
    assert expected in institutions(text + "签署协议。")


def test_a_figure_opening_a_quoted_name_is_no_figure():
    d = doc("路桥区人民法院形成“15分钟解纷圈”，承诺“3个工作日”办结。")
    assert [q["text"] for q in d["quantities"]] == ["3个工作日"]


STATION_CASES = [
    # text, the station's (name, start, end, rule): a unit of the one county-level bureau named before
    (
        "长沙市公安局天心分局推行警务机制。坡子街派出所组建队伍。",
        ("长沙市公安局天心分局坡子街派出所", 17, 23, "inst.station-of:派出所"),
    ),
    (
        "瑞安市公安局推行警务机制。塘下派出所组建队伍。",
        ("瑞安市公安局塘下派出所", 13, 18, "inst.station-of:派出所"),
    ),
    (
        "诸暨市司法局推进调解。枫桥司法所调解纠纷。",
        ("诸暨市司法局枫桥司法所", 11, 16, "inst.station-of:司法所"),
    ),
    (  # a township alone before the head is still the station's own name
        "长沙县公安局推行机制。黄兴镇派出所化解纠纷。",
        ("长沙县公安局黄兴镇派出所", 11, 17, "inst.station-of:派出所"),
    ),
]
STATION_NEGATIVES = [
    # text, the station's name as it stays
    ("铜陵市公安局推行警务机制。坡子街派出所组建队伍。", "坡子街派出所"),  # a city's bureau: through a branch
    ("泸水市公安局推行机制。片马边境派出所组建队伍。", "片马边境派出所"),  # the border police's
    ("甲县公安局和乙县公安局推行机制。丙丁派出所组建队伍。", "丙丁派出所"),  # which county's is not said
    # the text has moved on to another county (a page's next item): the bureau named before is not its
    ("湖滨区司法局开展调解。卧龙区公安分局开展巡逻，七里园乡司法所化解纠纷。", "南阳市卧龙区七里园乡司法所"),
]


@pytest.mark.parametrize("text, expected", STATION_CASES)
def test_a_station_named_by_its_place_is_the_county_bureaus(text, expected):
    found = [(i["name"], e["start"], e["end"], e["rule"]) for i in doc(text)["institutions"] for e in i["evidence"]]
    assert expected in found


@pytest.mark.parametrize("text, kept", STATION_NEGATIVES)
def test_no_bureau_for_a_station(text, kept):
    assert kept in [i["name"] for i in doc(text)["institutions"]]


REGION_POLICE_CASES = [
    # a police unit named after a county or a city with no body before it is a unit of that region's 公安局
    ("芒市禁毒大队破获毒品案件。", ("芒市公安局禁毒大队", 0, 6, "inst.region-police:大队")),
    ("宜昌市刑侦支队破获案件。", ("宜昌市公安局刑侦支队", 0, 7, "inst.region-police:支队")),
]
REGION_POLICE_NEGATIVES = [
    "宜昌市西陵区禁毒大队破获案件。",  # a district's units are its branch's: not guessed
    "荆州交警各大队开展整治。",  # every brigade, none named
]


@pytest.mark.parametrize("text, expected", REGION_POLICE_CASES)
def test_a_police_unit_after_a_region_is_the_regions_bureaus(text, expected):
    assert expected in institutions(text)


@pytest.mark.parametrize("text", REGION_POLICE_NEGATIVES)
def test_no_bureau_guessed_for_a_police_unit(text):
    assert not [x for x in institutions(text) if x[3].startswith("inst.region-police")]


def test_a_two_character_county_level_city_is_a_region_as_a_word_of_its_own():
    assert [(r.surface, r.rule) for r in find_regions("芒市禁毒大队破获毒品案件。")] == [("芒市", "region.full")]


def test_a_stations_head_speaks_for_the_station():
    d = doc("　　兰考县司法局推进调解。城关镇司法所所长王某介绍，今年共调处纠纷327件。\n")
    assert [q["subject"] for q in d["quantities"]] == ["兰考县司法局城关镇司法所"]


def test_a_branch_named_after_its_place_and_named_again_by_it():
    x = doc("甘肃省人民检察院天水分院对辖区天水监狱开展巡回检察。天水分院还与天水监狱建立“派驻+巡回”检察机制。")
    ev = {i["name"]: [(e["start"], e["end"], e["rule"]) for e in i["evidence"]] for i in x["institutions"]}
    assert ev["甘肃省人民检察院天水分院"] == [(0, 12, "inst.subunit:分院"), (26, 30, "inst.unit-again:分院")]
    # the prisons are where the procuratorate inspects (对辖区…): no adopters of its inspection
    assert ["天水监狱", "巡回检察"] not in x["adopts"] and ["甘肃省人民检察院天水分院", "巡回检察"] in x["adopts"]


# a village named again on its own is the village the article named under its township: its committee
# keeps one name (no second body without the township)
VILLAGE_AGAIN_CASES = [
    (
        "龙岩市新罗区江山镇背洋村村委会建立了积分制。背洋村村民委员会开展诉源治理。",
        ["龙岩市新罗区江山镇背洋村村民委员会"],
    ),
    # negative: a village never named under a township keeps the county alone
    ("龙岩市新罗区背洋村村委会建立了积分制。", ["龙岩市新罗区背洋村村民委员会"]),
]


@pytest.mark.parametrize("text, expected", VILLAGE_AGAIN_CASES)
def test_a_village_named_again_keeps_its_township(text, expected):
    assert [i["name"] for i in doc(text)["institutions"]] == expected
