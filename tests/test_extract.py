"""Extraction rules as tables: each case gives the text, what must be found with its exact
offsets, and what must not be found."""

import json

import pytest

from extract_helpers import doc
from govgraph.extract.institutions import Context, find_institutions
from govgraph.extract.mechanisms import clean_name, find_mechanisms
from govgraph.extract.periods import find_period, resolve_period
from govgraph.extract.quantities import find_quantities
from govgraph.extract.regions import find_regions
from govgraph.normalize import normalize_chars
from govgraph.pipeline import process, to_json
from govgraph.reader import bundled_corpus, read

# ------------------------------------------------------------------ regions

REGION_CASES = [
    # text, [(surface, start, end, full name)]
    (
        "山东省青岛市崂山区人民法院",
        [("山东省", 0, 3, "山东省"), ("青岛市", 3, 6, "青岛市"), ("崂山区", 6, 9, "崂山区")],
    ),
    ("新疆法院均居全国前列", [("新疆", 0, 2, "新疆维吾尔自治区")]),
    ("锡盟中院将该案提级执行", [("锡盟", 0, 2, "锡林郭勒盟")]),
    ("黄南州委州政府", [("黄南州", 0, 3, "黄南藏族自治州")]),
    ("在海南省琼海市潭门镇召开", [("海南省", 1, 4, "海南省"), ("琼海市", 4, 7, "琼海市"), ("潭门镇", 7, 10, None)]),
    (
        "河南省太康县老冢镇三王村",
        [("河南省", 0, 3, "河南省"), ("太康县", 3, 6, "太康县"), ("老冢镇", 6, 9, None), ("三王村", 9, 12, None)],
    ),
    ("河南省浚县公安局民警", [("河南省", 0, 3, "河南省"), ("浚县", 3, 5, "浚县")]),
    # a city police's branch is named after its district
    (
        "哈尔滨市公安局道里分局推行",
        [("哈尔滨市", 0, 4, "哈尔滨市"), ("道里", 7, 9, "道里区")],
    ),
    # …also when the short form names districts of several cities (鼓楼区 of Nanjing, Fuzhou …)
    ("南京市公安局鼓楼分局推行", [("南京市", 0, 3, "南京市"), ("鼓楼", 6, 8, "鼓楼区")]),
    # a county's short form right after its province, a place word of jieba's
    ("浙江诸暨枫桥干部群众创造了经验", [("浙江", 0, 2, "浙江省"), ("诸暨", 2, 4, "诸暨市")]),
    ("湖北江陵推行诉源治理", [("湖北", 0, 2, "湖北省"), ("江陵", 2, 4, "江陵县")]),
]
REGION_NEGATIVES = [
    "公安机关依法处置",  # 公安 is 公安县's stem, but not before a regional head here
    "中心城区派出所机构改革",  # 城区 is a county name only right after its city
    "深入推进城乡一体化",  # 城乡 is no township
    "北关派出所民警",  # a station's name, not the district 北关区
    "安徽法治报讯 记者从会上获悉",  # a dateline names the outlet, not the story's region
    "湖南日报12月1日讯（记者 肖军）记者从会上获悉",
]


@pytest.mark.parametrize("text, expected", REGION_CASES)
def test_region_mentions(text, expected):
    found = find_regions(text)
    got = [(m.surface, m.start, m.end, (m.candidates[0].name if m.candidates else None)) for m in found]
    # same-name candidates are ordered by level; the first is the most likely
    assert got == expected


@pytest.mark.parametrize("text", REGION_NEGATIVES)
def test_region_negatives(text):
    assert find_regions(text) == []


def test_same_name_district_resolved_from_context():
    x = doc("　　吉林省长春市朝阳区人民法院开展诉源治理。\n　　朝阳区人民法院还推行诉调对接。\n")
    codes = {r["name"]: r["code"] for r in x["regions"]}
    assert codes["朝阳区"] == "220104"  # Changchun's, not Beijing's 110105


# ------------------------------------------------------------------ institutions

INSTITUTION_CASES = [
    # text, [(canonical, surface start, end, kind)]
    ("最高法发布10件典型案例", [("最高人民法院", 0, 3, "court")]),
    ("陕西省商洛市中级人民法院申请强制执行", [("商洛市中级人民法院", 0, 12, "court")]),
    ("商洛中院对整栋商业房产进行了查封", [("商洛市中级人民法院", 0, 4, "court")]),
    ("贵州高院向全省各级法院印发", [("贵州省高级人民法院", 0, 4, "court")]),
    ("崂山区法院在执行中发现", [("青岛市崂山区人民法院", 0, 5, "court")]),
    ("海口海事法院博鳌法庭", [("海口海事法院", 0, 6, "court"), ("海口海事法院博鳌法庭", 0, 10, "court")]),
    (
        "淮阳区公安局北关派出所的民警",
        [("周口市淮阳区公安局", 0, 6, "public_security"), ("周口市淮阳区公安局北关派出所", 0, 11, "public_security")],
    ),
    (  # a place name may open with a preposition's character (向阳, 和平)
        "芝罘区公安分局向阳派出所推行",
        [
            ("烟台市芝罘区公安分局", 0, 7, "public_security"),
            ("烟台市芝罘区公安分局向阳派出所", 0, 12, "public_security"),
        ],
    ),
    ("烟台市芝罘区和平派出所推行", [("烟台市芝罘区和平派出所", 0, 11, "public_security")]),
    # … but not where jieba reads the preposition alone (向 + 北关派出所, 和 + 北关派出所)
    ("群众向北关派出所报案", [("北关派出所", 3, 8, "public_security")]),
    (
        "芝罘区公安分局和北关派出所联合",  # two bodies; the station is the district branch's (SPEC v2)
        [
            ("烟台市芝罘区公安分局", 0, 7, "public_security"),
            ("烟台市芝罘区公安分局北关派出所", 8, 13, "public_security"),
        ],
    ),
    (
        "江西省新余市公安局交警支队",
        [("新余市公安局", 0, 9, "public_security"), ("新余市公安局交通警察支队", 0, 13, "public_security")],
    ),
    ("中国政法大学教授", [("中国政法大学", 0, 6, "education")]),
    # the national and the trade arbitration commissions, and a branch (分会) of one
    (
        "中国海事仲裁委员会广西分会受理",
        [("中国海事仲裁委员会", 0, 9, "other"), ("中国海事仲裁委员会广西分会", 0, 13, "other")],
    ),
    ("天津国际经济贸易仲裁委员会受理", [("天津国际经济贸易仲裁委员会", 0, 13, "other")]),
    # a national centre or association named by itself
    ("联合中国版权保护中心推出", [("中国版权保护中心", 2, 10, "other")]),
    ("中华全国律师协会发布", [("中华全国律师协会", 0, 8, "social_organization")]),
    # a Party committee's department named without 委 (洋县统战部)
    ("洋县统战部联合", [("中国共产党洋县委员会统一战线工作部", 0, 5, "party")]),
    # a station named after a place that ends in 和, which jieba reads as the conjunction
    (
        "荆州市公安局中和派出所推行",
        [("荆州市公安局", 0, 6, "public_security"), ("荆州市公安局中和派出所", 0, 11, "public_security")],
    ),
    # a city's public security organs are its bureau
    ("宁波市公安机关破获", [("宁波市公安局", 0, 7, "public_security")]),
    # a district's city-management centre
    ("浦东新区城市运行综合管理中心依托", [("上海市浦东新区城市运行综合管理中心", 0, 14, "government")]),
    # a region's office for the campaign against organised crime
    ("常州市扫黑办介绍", [("常州市扫黑除恶斗争领导小组办公室", 0, 6, "other")]),
    # the national insurers and a city's branch (分公司) of one
    (
        "与人保财险长沙市分公司共建",
        [("中国人民财产保险股份有限公司", 1, 5, "other"), ("中国人民财产保险股份有限公司长沙市分公司", 1, 11, "other")],
    ),
    # the office of a Party committee's commission for law-based governance
    ("荆州市委依法治市办推行", [("中国共产党荆州市委员会全面依法治市委员会办公室", 0, 9, "party")]),
    ("荆州市委编办推行", [("中国共产党荆州市委员会机构编制委员会办公室", 0, 6, "party")]),
    # courts named after a suburb or a forest area, not a division
    ("三亚市城郊人民法院推行", [("三亚市城郊人民法院", 0, 9, "court")]),
    ("黑龙江省林区中级法院推行", [("黑龙江省林区中级法院", 0, 10, "court")]),
    # the numbered branch of a province's procuratorate is a body of its own
    (
        "上海市人民检察院第三分院推行",
        [("上海市人民检察院", 0, 8, "procuratorate"), ("上海市人民检察院第三分院", 0, 12, "procuratorate")],
    ),
    ("陕西省委印发意见", [("中国共产党陕西省委员会", 0, 4, "party")]),
    ("疏勒县委政法委牵头", [("中国共产党疏勒县委员会政法委员会", 0, 7, "party")]),
    (
        "茌平区、冠县检察院",
        [("聊城市茌平区人民检察院", 0, 3, "procuratorate"), ("冠县人民检察院", 4, 9, "procuratorate")],
    ),
    ("温泉县综治中心今年以来", [("温泉县社会治安综合治理中心", 0, 7, "other")]),
    ("北京金融法院", [("北京金融法院", 0, 6, "court")]),
    ("四川法院充分发挥刑罚的教育挽救功能", [("四川省高级人民法院", 0, 4, "court")]),  # the system's lead body
    ("浙江法院网上立案率达到90%", [("浙江省高级人民法院", 0, 4, "court")]),  # 网上 is a word of its own
    ("裕华区委社会工作部推出工作法", [("中国共产党石家庄市裕华区委员会社会工作部", 0, 9, "party")]),
    (
        "石家庄市裕华区裕华路街道党工委组织服务",
        [("中国共产党石家庄市裕华区裕华路街道工作委员会", 0, 15, "party")],
    ),
    ("上海市住建委推行网格化管理", [("上海市住房和城乡建设委员会", 0, 6, "government")]),
    ("南京银保监分局推行金融纠纷调解", [("南京银保监分局", 0, 7, "government")]),
    # a village's bodies carry the township too; 枫源村村委会 is no village 枫源村村
    ("诸暨市枫桥镇枫源村调委会推行调解", [("诸暨市枫桥镇枫源村人民调解委员会", 0, 12, "social_organization")]),
    ("诸暨市枫桥镇枫源村村委会推行网格化管理", [("诸暨市枫桥镇枫源村村民委员会", 0, 12, "other")]),
    (
        "最高检第四检察厅开展专项行动",
        [("最高人民检察院", 0, 3, "procuratorate"), ("最高人民检察院第四检察厅", 0, 8, "procuratorate")],
    ),
    (  # the courts of each city listed, through its lead court (not the last city's alone)
        "宁波、温州、绍兴三地法院表现突出",
        [
            ("宁波市中级人民法院", 0, 2, "court"),
            ("温州市中级人民法院", 3, 5, "court"),
            ("绍兴市中级人民法院", 6, 12, "court"),
        ],
    ),
    ("苏州工业园区管委会签署协议", [("苏州工业园区管理委员会", 0, 9, "government")]),  # a zone's committee
    # jieba cuts 多元化|解: the head is 多元化解中心
    ("保定市莲池区矛盾纠纷多元化解中心整合力量", [("保定市莲池区矛盾纠纷多元化解中心", 0, 16, "other")]),
    ("四川法院网格化管理成效明显", [("四川省高级人民法院", 0, 4, "court")]),
    # the scheme's 共享法庭 is a point of online court services the court sets up, not a tribunal of its own
    ("柯桥区人民法院在全区设立共享法庭", [("绍兴市柯桥区人民法院", 0, 7, "court")]),
]
INSTITUTION_NEGATIVES = [
    "全国法院交叉执行案件72843件",
    "各级法院要加强协作",
    "全省法院推进执源治理",  # 全省: a plural, not the article's province
    "周口强力推进派出所建设",  # a verb is no station name
    "972名机关民警到派出所墩苗",
    "民警走进辖区小学开展教育",
    "某银行申请强制执行",
    "平顶山市委托律师",  # 委托 is not 委
    "郾城区以枫桥式人民法庭创建为契机",  # a mechanism's name, not a court
    "据浙江法院网报道",  # a news site: media outlets are no institution
    "开发区党工委推进改革",  # a working committee of no division named
    "该院坚持“马背法庭”巡回审判",  # a whole quote named after nothing is a nickname
    "这套组合被形象地称为“背包法庭”",
    "江苏检察网消息",
    "会议分会场设在市区",  # 分会场 is a venue
    "四川法院网站发布公告",
]


@pytest.mark.parametrize("text, expected", INSTITUTION_CASES)
def test_institution_mentions(text, expected):
    ctx = Context()
    got = [
        (m.name, m.start, m.end, m.kind)
        for m in find_institutions(
            text, find_regions(text), ctx, [(m.start, m.end) for m in find_mechanisms(text) if m.concept]
        )
    ]
    assert got == expected


@pytest.mark.parametrize("text", INSTITUTION_NEGATIVES)
def test_institution_negatives(text):
    blocked = [(m.start, m.end) for m in find_mechanisms(text) if m.concept]
    assert find_institutions(text, find_regions(text), Context(), blocked) == []


def test_implicit_region_and_anaphora_resolve_within_the_article():
    x = doc("　　山东省临清市人民检察院开展公益诉讼。市法院、市残疾人联合会积极配合。\n　　该院还推行检调对接。\n")
    names = {i["name"] for i in x["institutions"]}
    assert {"临清市人民检察院", "临清市人民法院", "临清市残疾人联合会"} <= names


def test_aliases_merge_into_one_institution():
    x = doc("　　陕西省商洛市中级人民法院开展交叉执行。商洛中院将案件提级执行。\n")
    [court] = [i for i in x["institutions"] if i["name"] == "商洛市中级人民法院"]
    assert court["mentions"] == ["陕西省商洛市中级人民法院", "商洛中院"]


# ------------------------------------------------------------------ mechanisms

MECHANISM_CASES = [
    # text, [(name, start, end, curated?)]
    (
        "交叉执行即通过运用督促执行、指令执行等方式",
        [("交叉执行", 0, 4, True), ("督促执行", 9, 13, True), ("指令执行", 14, 18, True)],
    ),
    ("形成“六调联动”解纷机制", [("六调联动", 2, 12, False)]),
    ("强化“一村（格）一警”建设", [("一村一警", 3, 10, True)]),  # an altLabel of the curated concept
    ("推进“两队一室”新型警务模式", [("两队一室", 3, 7, True)]),  # curated wins over the quote
    ("精准对接“荆楚雷霆”“终本清仓”等专项行动", [("荆楚雷霆", 4, 10, False), ("终本清仓", 10, 21, False)]),
    (
        "持续推进“轮岗交流、双向选择、下派任职”三项机制",
        [("轮岗交流", 4, 24, False), ("双向选择", 4, 24, False), ("下派任职", 4, 24, False)],
    ),
    ("创新建立双轨监管机制", [("双轨监管", 4, 10, False)]),
    ("推行“联络人专责制”", [("联络人专责制", 2, 10, False)]),
    # from the founding verb when jieba misreads a word inside (矫正 as a person's name)
    ("建立社区矫正对象信息共享机制", [("社区矫正对象信息共享", 2, 14, False)]),
    ("依法办理诉讼费用缓减免", [("诉讼费缓减免", 4, 11, True)]),  # an altLabel of a curated instrument
    ("发出纠正违法通知书12份", [("纠正违法通知书", 2, 9, True)]),  # named procedures and instruments
    ("指定异地审理", [("异地审理", 2, 6, True)]),
    ("共同推进“十年禁渔”", [("长江十年禁渔", 5, 9, True)]),  # a national campaign under its short name
    # routines held at an interval, before 制度 or 机制, alone or listed
    ("建立周例会制度", [("周例会", 2, 7, False)]),
    ("建立周报告、月通报工作机制", [("周报告", 2, 5, False), ("月通报", 6, 13, False)]),
    # a generic word and a conjunction inside end one name and start the next
    ("推行每周研判制度和每月调度制度", [("每周研判", 2, 8, False), ("每月调度", 9, 15, False)]),
]
MECHANISM_NEGATIVES = [
    "本周例会上，他作了发言",  # a meeting held, no system
    "每月报告一次工作情况",
    "交叉执行让这起“骨头案”变为“精品案”",  # quoted nicknames of cases
    "打通了实现公平正义的“最后一公里”",
    "将派出所建设作为周口公安“一号工程”强力推进",  # 一号 is a count, not a name
    "以“公平正义铸党魂 司法为民守初心”主题活动为载体",  # a slogan
]


@pytest.mark.parametrize("text, expected", MECHANISM_CASES)
def test_mechanism_mentions(text, expected):
    got = [(m.name, m.start, m.end, m.concept is not None) for m in find_mechanisms(text)]
    assert got == expected


@pytest.mark.parametrize("text", MECHANISM_NEGATIVES)
def test_mechanism_negatives(text):
    assert [m.name for m in find_mechanisms(text) if m.concept is None] == []


@pytest.mark.parametrize(
    "raw, name",
    [
        ("“交叉执行”工作机制", "交叉执行"),
        ("诉调对接工作", "诉调对接"),
        ("工作", "工作"),
        ("“五步工作法”", "五步工作法"),  # 五步 alone is a count, not a name
    ],
)
def test_clean_name(raw, name):
    assert clean_name(raw) == name


def test_curated_mechanisms_carry_their_broader_concept():
    x = doc("　　成都市中级人民法院将本案提级执行。\n")
    [m] = [m for m in x["mechanisms"] if m["name"] == "提级执行"]
    assert m["broader"] == "交叉执行"
    assert m["status"] == "curated"


# ------------------------------------------------------------------ quantities

QUANTITY_CASES = [
    # text, [(text, start, end, value, unit)]
    ("全国法院交叉执行案件72843件", [("72843件", 10, 16, 72843, "case")]),
    ("执行到位金额398.91亿元", [("398.91亿元", 6, 14, 39891000000, "CNY")]),
    ("执行到位金额 4784.85 万元", [("4784.85 万元", 7, 17, 47848500, "CNY")]),
    ("案件近30万件", [("近30万件", 2, 7, 300000, "case")]),
    ("执行到位率为56.74%", [("56.74%", 6, 12, 56.74, "percent")]),
    ("完成信用修复超40万人次", [("超40万人次", 6, 12, 400000, "person_time")]),
    ("一天之内完成卷宗交接", [("一天之内", 0, 4, 1, "day")]),
    ("平均办案周期由65.88天压缩至53.71天", [("65.88天", 7, 13, 65.88, "day"), ("53.71天", 16, 22, 53.71, "day")]),
    ("225万余元", [("225万余元", 0, 6, 2250000, "CNY")]),
    ("800多万元执行款", [("800多万元", 0, 6, 8000000, "CNY")]),
    ("受训4300余人次", [("4300余人次", 2, 9, 4300, "person_time")]),
    ("新建警务室525个", [("525个", 5, 9, 525, "item")]),
    # a level kept (以下 after 保持在), not a threshold
    ("社区矫正对象再犯罪率保持在0.2%以下", [("0.2%", 13, 17, 0.2, "percent")]),
    ("发案率控制在5%以内", [("5%以内", 6, 10, 5, "percent")]),
    ("平均用时不超过30分钟", [("不超过30分钟", 4, 11, 30, "other")]),  # 不 kept: at most, not more than
    ("化解矛盾纠纷约三万件", [("约三万件", 6, 10, 30000, "case")]),  # a Chinese numeral with its magnitude
    ("调解成功率达百分之八十五", [("百分之八十五", 6, 12, 85, "percent")]),  # a rate written out
]
QUANTITY_NEGATIVES = [
    "2023年10月部署开展交叉执行试点工作",  # dates
    "今年1月28日，双方达成执行和解",
    "第五批先进典型案例",  # ordinals
    "本报北京4月7日讯",
    "一名法官和二人",  # people in a story
    "省委十三届三次全会提出",
    "标的金额在10万元以下的执行案件",  # a threshold naming a class of cases
    "对10万元以下的案件优先执行",
    "老李等12名农民工在工地务工",  # a story's people, named by nickname (like 李某等3人)
    "百分之百满意",  # a manner of speaking
    "几百公斤牛肉销售一空",  # no number before the magnitude
    "办成一件事",
]


@pytest.mark.parametrize("text, expected", QUANTITY_CASES)
def test_quantity_mentions(text, expected):
    got = [(q.text, q.start, q.end, q.value, q.unit) for q in find_quantities(text)]
    assert got == expected


@pytest.mark.parametrize("text", QUANTITY_NEGATIVES)
def test_quantity_negatives(text):
    assert find_quantities(text) == []


@pytest.mark.parametrize(
    "text, period",
    [
        ("截至今年3月31日，全国法院交叉执行案件近30万件", "截至今年3月31日"),
        ("第一季度执行完毕率为44.32%", "第一季度"),
        ("上半年办理交叉执行案件371件", "上半年"),
        ("执行完毕率为44.32%", None),
        ("今年1至10月，全市共破获案件1832起", "今年1至10月"),  # the first month's 月 left out
        ("1月至11月，共受理案件", "1月至11月"),
        ("2020年至2024年，该庭共受理案件2.3万余件", "2020年至2024年"),
        ("2021年-2022年，共执结案件", "2021年-2022年"),
        ("2023年1月至2024年9月，全国检察机关共起诉1.2万余人", "2023年1月至2024年9月"),
        ("2019年至2025年10月，该院共受理案件1862件", "2019年至2025年10月"),  # a month on one side only
        ("1月23日，省公安厅直接调集1000余名警力", "1月23日"),  # the day it happened
        ("本报北京11月5日讯 最高检发布5件典型案例", None),  # a dateline is no period
        ("今年前10个月，全市法院受理案件1200件", "今年前10个月"),
        ("去年全年，全市法院受理案件1200件", "去年全年"),
        ("截至2024年底，全市法院受理案件1200件", "截至2024年底"),
        ("截至10月底，全区检察机关批准逮捕1260人", "截至10月底"),
        ("截至目前，全区检察机关批准逮捕1260人", "截至目前"),
        ("2021年至今，全市法院受理案件1200件", "2021年至今"),
        ("到2010年，全县信访总量比2003年减少57%", "2010年"),  # 比2003年: what it is compared with
        ("第一季度执行到位率为56.74%，较去年全年增长4.19%", "第一季度"),
        ("去年，全市法院受理案件1200件", "去年"),  # the year alone
        ("过去一年，全市法院受理案件1200件", "过去一年"),  # a work report's year
        ("今年1月，最高法下发今年首批10个典型案例", "今年1月"),  # 今年首批 is an attribute
        ("与去年同期相比，受理案件增加1200件", None),  # the same time last year: a comparison
        ("万人成讼率由去年的118件降至104件", None),  # the level it started from
    ],
)
def test_period(text, period):
    assert find_period(text, len(text)) == period


def test_the_level_a_change_starts_from_keeps_its_year():
    text = "万人成讼率由去年的118件降至104件"
    assert find_period(text, text.index("118")) == "去年"  # 118件 is last year's
    assert find_period(text, text.index("104")) is None  # 104件 is not


@pytest.mark.parametrize(
    "period, article_date, resolved",
    [
        ("截至今年3月31日", "2025-04-07", (None, "2025-03-31")),
        ("第一季度", "2025-04-07", ("2025-01-01", "2025-03-31")),
        ("上半年", "2024-08-01", ("2024-01-01", "2024-06-30")),
        ("去年", "2025-01-02", ("2024-01-01", "2024-12-31")),
        ("2021年", None, ("2021-01-01", "2021-12-31")),  # a written year needs no article date
        ("今年以来", "2025-04-07", ("2025-01-01", "2025-04-07")),
        ("上半年", None, (None, None)),  # unknown year: kept as text only
        ("第一季度", None, (None, None)),
        ("今年1至10月", "2025-11-02", ("2025-01-01", "2025-10-31")),
        ("2020年至2024年", None, ("2020-01-01", "2024-12-31")),
        ("2021年-2022年", None, ("2021-01-01", "2022-12-31")),
        ("2023年3月", None, ("2023-03-01", "2023-03-31")),
        ("2023年1月至2024年9月", None, ("2023-01-01", "2024-09-30")),
        ("2019年至2025年10月", None, ("2019-01-01", "2025-10-31")),
        ("1月23日", "2025-04-07", ("2025-01-23", "2025-01-23")),
        ("2月30日", "2025-04-07", (None, None)),
        ("今年前10个月", "2024-12-05", ("2024-01-01", "2024-10-31")),
        ("今年前三个月", "2024-12-05", ("2024-01-01", "2024-03-31")),
        ("去年全年", "2024-12-05", ("2023-01-01", "2023-12-31")),
        ("截至2024年底", None, (None, "2024-12-31")),
        ("截至10月底", "2024-12-05", (None, "2024-10-31")),
        ("截至目前", "2024-12-05", (None, "2024-12-05")),  # up to the article's day
        ("2021年至今", "2024-12-05", ("2021-01-01", "2024-12-05")),
        ("今年", "2024-12-05", ("2024-01-01", "2024-12-05")),  # this year, so far
        ("过去一年", "2024-03-05", ("2023-01-01", "2023-12-31")),
    ],
)
def test_period_resolution(period, article_date, resolved):
    assert resolve_period(period, article_date) == resolved


def test_article_date_from_dateline():
    x = doc("□ 本报记者 张昊\n\n　　本报北京2025年4月7日讯 第一季度执行完毕率为44.32%。\n")
    assert x["articles"][0]["date"] == "2025-04-07"
    [q] = x["quantities"]
    assert (q["period"], q["period_start"], q["period_end"]) == ("第一季度", "2025-01-01", "2025-03-31")


# ------------------------------------------------------------------ adoptions and subjects


def test_adoption_by_the_sentence_subject():
    x = doc("　　近日，贵州省仁怀市人民法院通过执前督促程序，短短3日就让800多万元执行款全部到账。\n")
    assert ["仁怀市人民法院", "执前督促"] in x["adopts"]
    q = {q["text"]: q["subject"] for q in x["quantities"]}
    assert q["800多万元"] == "仁怀市人民法院"


def test_actor_carries_over_and_speakers_do_not_act():
    x = doc(
        "　　荆州市中级人民法院在推进交叉执行工作中，充分发挥统筹协调作用。\n"
        "　　对涉及党政机关的案件，采取提级执行措施。\n"
        "　　“此案提供了可复制的模板。”中国政法大学教授刘静坤说，协同执行效果好。\n"
    )
    assert ["荆州市中级人民法院", "提级执行"] in x["adopts"]
    assert not any(a[0] == "中国政法大学" for a in x["adopts"])


def test_coordinated_subjects_all_adopt():
    x = doc("　　吉林省高级人民法院与省人民检察院、省民政厅联合建立动态联合救助机制。\n")
    adopters = {a[0] for a in x["adopts"] if a[1] == "动态联合救助"}
    assert adopters == {"吉林省高级人民法院", "吉林省人民检察院", "吉林省民政厅"}


def test_national_figures_have_no_subject():
    x = doc("　　最高人民法院召开新闻发布会。截至今年3月31日，全国法院交叉执行案件近30万件。\n")
    [q] = x["quantities"]
    assert q["subject"] is None
    assert q["period"] == "截至今年3月31日"


# ------------------------------------------------------------------ evidence


def test_every_evidence_offset_points_at_its_quote():
    """On the bundled pages: the original text between the offsets, with line breaks and
    indentation removed, is the quoted mention; the sentence offsets hold the sentence."""
    for path in bundled_corpus():
        src = read(path)
        x = to_json(process(src))
        evs = [e for key in ("institutions", "regions", "mechanisms") for item in x[key] for e in item["evidence"]]
        evs += [q["evidence"] for q in x["quantities"]]
        assert evs
        for e in evs:
            original = "".join(normalize_chars(src.text[e["start"] : e["end"]])[0].split())
            assert original == "".join(e["quote"].split()), (path.name, e)
            sentence = "".join(normalize_chars(src.text[e["sentence_start"] : e["sentence_end"]])[0].split())
            assert sentence == "".join(e["sentence"].split())


def test_extraction_json_is_the_gold_format():
    x = json.loads(json.dumps(doc("　　湖北省荆州市中级人民法院开展交叉执行，执行到位金额4784.85万元。\n")))
    assert set(x) >= {"document", "institutions", "regions", "mechanisms", "adopts", "quantities"}
    assert x["institutions"][0].keys() >= {"name", "kind", "region", "mentions"}
    assert x["regions"][0].keys() >= {"name", "level", "parent"}
    assert x["quantities"][0].keys() >= {"text", "value", "unit", "subject", "metric"}


def test_a_collective_acts_through_its_lead_body_but_is_not_its_name():
    x = doc("　　四川法院积极稳妥地适用认罪认罚从宽制度。四川省高级人民法院还推行执行联动。\n")
    [court] = [i for i in x["institutions"] if i["name"] == "四川省高级人民法院"]
    assert court["mentions"] == ["四川省高级人民法院"]
    assert ["四川省高级人民法院", "认罪认罚从宽"] in x["adopts"]


def test_a_body_inside_a_quoted_mechanism_name_is_no_body():
    x = doc("　　内蒙古自治区鄂托克旗人民法院探索“马背法庭+调解员”工作模式。\n")
    assert [i["name"] for i in x["institutions"]] == ["鄂托克旗人民法院"]
    assert "马背法庭+调解员" in [m["name"] for m in x["mechanisms"]]


FIGURES_IN_NAMES = [
    # sentence, the figures listed: one inside a mechanism's name is part of the name
    ("某县人民法院开展“执行攻坚百日行动”，执结案件1856件。", ["1856件"]),
    ("某县人民法院开展“百日攻坚”专项行动，执结案件1856件。", ["1856件"]),
    ("某县人民法院开展“百日攻坚”专项行动，历时100天，执结案件1856件。", ["100天", "1856件"]),  # outside it
]


@pytest.mark.parametrize("text, figures", FIGURES_IN_NAMES)
def test_a_figure_inside_a_mechanism_name_is_no_outcome(text, figures):
    assert [q["text"] for q in doc(text)["quantities"]] == figures


@pytest.mark.parametrize(
    "text, body",
    [
        ("诸暨市人民法院在枫桥镇设立“枫桥法庭”，推行庭所共建。", "枫桥法庭"),  # set up: a body
        ("诸暨市人民法院推进改革。在枫桥镇，“枫桥法庭”推行庭所共建。", "枫桥法庭"),  # after a township
    ],
)
def test_a_quoted_body_set_up_or_named_after_a_township_is_no_nickname(text, body):
    # listed as a body; a tribunal carries its court's name in front (SPEC: X县人民法院Y人民法庭)
    assert any(name.endswith(body) for name in {i["name"] for i in doc(text)["institutions"]})


def test_huitong_joins_two_bodies_and_names_no_county():
    """长兴县人民法院会同县公安局: 会同 (together with) joins the court and the county's police; it
    does not start 会同县, a county of Hunan. Named in full, 会同县 is still the county."""
    x = doc("浙江省长兴县人民法院会同县公安局查控被执行人车辆。")
    assert [i["name"] for i in x["institutions"]] == ["长兴县人民法院", "长兴县公安局"]
    assert "会同县" not in {r["name"] for r in x["regions"]}
    assert [i["name"] for i in doc("湖南省怀化市会同县人民法院推行诉前调解。")["institutions"]] == ["会同县人民法院"]


@pytest.mark.parametrize(
    "page, figures",
    [
        (
            "案例一：王某拒不支付劳动报酬案。2022年，王某拖欠62名农民工工资共计135万元。\n\n"
            "据介绍，全国检察机关共起诉拒不支付劳动报酬犯罪1800余人。\n",
            ["1800余人"],
        ),
        ("【基本案情】某公司拖欠货款300万元。\n\n某区人民法院执结案件1200件。\n", ["1200件"]),
        ("案例显示，全市法院执结案件1200件。\n", ["1200件"]),  # no case's label: work done
        # a label on a line of its own: the paragraph under it tells the case; the next paragraph sums up
        (
            "案例二：某建筑公司拒不执行判决案\n某建筑公司拖欠32名农民工工资共计86万元。法院判处该公司罚金20万元。\n"
            "典型意义：今年以来，全国法院共审结拒执犯罪案件1.2万件。\n",
            ["1.2万件"],
        ),
    ],
)
def test_a_paragraph_that_tells_a_case_gives_no_outcome(page, figures):
    assert [q["text"] for q in doc(page)["quantities"]] == figures


@pytest.mark.parametrize(
    "text, names",
    [
        # a quoted name before a grassroots head, the place the article is about in front of it; a bare
        # 协会 opening a clause is that association
        ("在晋江市安海镇，有一支“和事佬”协会。协会成立5年来，累计调处纠纷1260起。", ["晋江市安海镇和事佬协会"]),
        ("有一支“和事佬”协会。", ["和事佬协会"]),  # no place named: as written
        ("在晋江市安海镇，有一支“和事佬”法庭。", []),  # a court is named by its region, not a quote
        # a unit named after a township the article named carries the township's county
        ("铜陵市郊区周潭镇一女子遭遇诈骗。周潭派出所民警接到预警。", ["铜陵市郊区周潭派出所"]),
        ("周潭派出所民警接到预警。", ["周潭派出所"]),  # no township named: as written
    ],
)
def test_a_grassroots_body_named_without_its_region_belongs_to_the_articles_place(text, names):
    x = doc(text)
    assert [i["name"] for i in x["institutions"]] == names
    if "1260" in text:
        assert [q["subject"] for q in x["quantities"]] == names


@pytest.mark.parametrize("joined", ["会同", "联合", "与"])
def test_a_body_joined_by_a_word_and_a_region_level_is_a_body_of_its_own(joined):
    """上海市司法局会同市商务委员会: 市 after the joining word is the article's city, the body its own."""
    x = doc(f"上海市司法局{joined}市商务委员会建立协作机制。")
    assert [i["name"] for i in x["institutions"]] == ["上海市司法局", "上海市商务委员会"]


@pytest.mark.parametrize("text", ["湖北公安民警依法处置", "湖南会同推行诉源治理"])
def test_a_short_form_after_its_province_that_is_no_place_word_is_no_county(text):
    """公安 (公安民警) and 会同 (a noun to jieba) after their province are no 公安县, 会同县."""
    assert [m.surface for m in find_regions(text)] == [text[:2]]


@pytest.mark.parametrize(
    "text",
    [
        "珲春市禁毒委员会办公室有关负责人表示，将巩固创建成果。",  # a body inside a person's title
        "天津市人民检察院第八检察部有关负责人说，探索提供了可复制的经验。",
    ],
)
def test_a_body_named_only_in_a_speakers_title_is_not_listed(text):
    assert doc(text)["institutions"] == []


def test_a_procuratorates_department_word_is_no_unit():
    """莒县人民检察院未成年人检察部门: 部门 is a word (department), no 检察部 of the procuratorate."""
    x = doc("山东省莒县人民检察院未成年人检察部门联合县教育局开展活动。")
    assert "莒县人民检察院未成年人检察部" not in {i["name"] for i in x["institutions"]}


@pytest.mark.parametrize(
    "text, expected",
    [
        # 林区 (神农架林区, a county) before a head is the article's forest district
        (
            "神农架林区人民检察院联合林区公安局开展行动。",
            [
                ("神农架林区人民检察院", 0, 10, "inst.head:人民检察院"),
                ("神农架林区公安局", 12, 17, "inst.relative:公安局"),
            ],
        ),
        ("国有林区派出所民警巡逻。", []),  # no such division named: a forest area
    ],
)
def test_a_forest_district_word_before_a_head_is_the_articles(text, expected):
    found = [(i["name"], e["start"], e["end"], e["rule"]) for i in doc(text)["institutions"] for e in i["evidence"]]
    assert found == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        # 旗 (a banner, a county of Inner Mongolia) before a head is the article's banner, as 县 is its county
        (
            "伊金霍洛旗人民法院联合旗司法局建立联动调解机制。",
            [("伊金霍洛旗人民法院", 0, 9, "inst.head:人民法院"), ("伊金霍洛旗司法局", 11, 15, "inst.relative:司法局")],
        ),
        (
            "科左中旗人民法院与旗公安局开展联合执法。",
            [
                ("科尔沁左翼中旗人民法院", 0, 8, "inst.head:人民法院"),
                ("科尔沁左翼中旗公安局", 9, 13, "inst.relative:公安局"),
            ],
        ),
        ("党员们高举红旗司法局干部参加。", []),  # 红旗 is a word: no banner
        (
            "鄂尔多斯市东胜区法院与旗司法局座谈。",
            [("鄂尔多斯市东胜区人民法院", 0, 10, "inst.head:法院")],
        ),  # no banner named
    ],
)
def test_a_banner_word_before_a_head_is_the_articles_banner(text, expected):
    found = [(i["name"], e["start"], e["end"], e["rule"]) for i in doc(text)["institutions"] for e in i["evidence"]]
    assert found == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        # an outlet's dateline names no body (SPEC: credit lines); the story's bodies after it are read
        (
            "中央纪委国家监委网站讯 今年以来，清远市纪委监委立案312件。",
            [
                ("中国共产党清远市纪律检查委员会", 17, 24, "inst.head:纪委监委"),
                ("清远市监察委员会", 17, 24, "inst.head:纪委监委"),
            ],
        ),
        (
            "湖南省高级人民法院网站讯 近日，长沙市中级人民法院召开会议。",
            [("长沙市中级人民法院", 16, 25, "inst.head:中级人民法院")],
        ),
        # not a dateline: the body opens the sentence
        ("湖南省高级人民法院近日召开会议。", [("湖南省高级人民法院", 0, 9, "inst.head:高级人民法院")]),
    ],
)
def test_an_outlets_dateline_names_no_body(text, expected):
    found = [(i["name"], e["start"], e["end"], e["rule"]) for i in doc(text)["institutions"] for e in i["evidence"]]
    assert found == expected
