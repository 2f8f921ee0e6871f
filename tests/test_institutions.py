"""Institution rules of the head lexicon, one table per rule family: (text, expected mentions
as (canonical name, start, end, rule)), with negatives. Sentences are invented."""

from __future__ import annotations

import pytest

from govgraph.extract.institutions import Context, find_institutions
from govgraph.extract.regions import find_regions
from govgraph.lexicon import gazetteer
from govgraph.pipeline import process, to_json
from govgraph.reader import Source


def _division(name: str):
    [d] = [d for d in gazetteer().by_name[name] if d.name == name]
    return d


def run(text: str, ctx: Context | None = None, **kw) -> list[tuple[str, int, int, str]]:
    ctx = ctx or Context(**kw)
    return [(m.name, m.start, m.end, m.rule) for m in find_institutions(text, find_regions(text), ctx)]


NATIONAL = [
    ("中国人民银行发布通知", [("中国人民银行", 0, 6, "inst.national:中国人民银行")]),
    (
        "银保监会联合教育部印发",
        [
            ("中国银行保险监督管理委员会", 0, 4, "inst.national:银保监会"),
            ("教育部", 6, 9, "inst.national:教育部"),
        ],
    ),
    ("全国妇联部署家庭教育指导", [("中华全国妇女联合会", 0, 4, "inst.national:全国妇联")]),
]
NATIONAL.append(
    # well-known companies under their short names (SPEC v2: named companies, kind other)
    (
        "汇聚腾讯、科大讯飞等研发单位",
        [("腾讯", 2, 4, "inst.national:腾讯"), ("科大讯飞", 5, 9, "inst.national:科大讯飞")],
    )
)
NATIONAL_NEGATIVES = [
    "民政部门为困难群众申请低保",
    "教育部门开展安全教育",
    "通过腾讯视频直播庭审",  # a product
    "组建“中国移动微法院”研发基地",  # a platform
]


@pytest.mark.parametrize("text, expected", NATIONAL)
def test_national_heads(text, expected):
    assert run(text) == expected


@pytest.mark.parametrize("text", NATIONAL_NEGATIVES)
def test_national_negatives(text):
    assert run(text) == []


# the article names 普陀区 only later, or 许昌市 only: 区/省 still resolve
RELATIVE = [
    # a department joining two fields ends like a known one: after 区/市 it is the article region's, as written
    (
        "联合区教育和体育局出台意见",
        ["青岛市黄岛区"],
        [("青岛市黄岛区教育和体育局", 2, 9, "inst.merged-department:体育局")],
    ),
    (
        "市规划和自然资源局开展执法",
        ["青岛市黄岛区"],
        [("青岛市规划和自然资源局", 0, 9, "inst.merged-department:自然资源局")],
    ),
    (  # … but a body's name before 和 is a body of its own
        "联合区法院和体育局出台意见",
        ["青岛市黄岛区"],
        [("青岛市黄岛区人民法院", 2, 5, "inst.relative:法院"), ("青岛市黄岛区体育局", 6, 9, "inst.list:体育局")],
    ),
    (
        "携手区人社局、区司法局开展工作",
        ["上海市普陀区"],
        [
            ("上海市普陀区人力资源和社会保障局", 2, 6, "inst.relative:人社局"),
            ("上海市普陀区司法局", 7, 11, "inst.relative:司法局"),
        ],
    ),
    (
        "联合区监委、团区委出台意见",
        ["福州市鼓楼区"],
        [
            ("福州市鼓楼区监察委员会", 2, 5, "inst.relative:监委"),
            ("共青团福州市鼓楼区委员会", 6, 9, "inst.relative:团区委"),
        ],
    ),
    ("省公安厅部署专项行动", ["许昌市"], [("河南省公安厅", 0, 4, "inst.relative:公安厅")]),
    ("市总工会给予指导", ["上海市"], [("上海市总工会", 0, 4, "inst.relative:总工会")]),
    ("新区法律援助中心提供帮助", ["滨海新区"], [("天津市滨海新区法律援助中心", 0, 8, "inst.relative:法律援助中心")]),
]
RELATIVE.extend(
    [
        # named bodies that need a region take the article's after 区/市 (区清欠办)
        ("区清欠办积极协调", ["天津市滨海新区"], [("天津市滨海新区清欠办", 0, 4, "inst.named:办")]),
        ("市委办公室印发通知", ["南京市"], [("中国共产党南京市委员会办公室", 0, 5, "inst.relative:委办公室")]),
        (
            "区社会治理中心统一受理",
            ["南京市鼓楼区"],
            [("南京市鼓楼区社会治理中心", 0, 7, "inst.named:中心")],
        ),
    ]
)
RELATIVE.append(
    # a township takes the one county the article names, even later
    ("桃浦镇总工会揭牌", ["上海市普陀区"], [("上海市普陀区桃浦镇总工会", 0, 6, "inst.head:总工会")])
)
RELATIVE.append(
    # 区 before a named body: the article's district
    (
        "区卫生环保志愿服务队开展宣传",
        ["荆州市沙市区"],
        [("荆州市沙市区卫生环保志愿服务队", 0, 10, "inst.named:志愿服务队")],
    )
)
RELATIVE.extend(
    [
        # a head a region has one of, alone (data/bare_heads.tsv): the article's
        ("中级法院和各基层法院建立审判庭", ["宁化县"], [("三明市中级人民法院", 0, 4, "inst.bare:中级法院")]),
        ("案件报中院审查", ["三明市"], [("三明市中级人民法院", 3, 5, "inst.bare:中院")]),
        ("依托综治中心化解纠纷", ["镇坪县"], [("镇坪县社会治安综合治理中心", 2, 6, "inst.bare:综治中心")]),
        ("当地综治中心协调居民协商", ["库尔勒市"], [("库尔勒市社会治安综合治理中心", 0, 6, "inst.bare:综治中心")]),
        ("检察官协调工商联对接商户", ["高唐县"], [("高唐县工商业联合会", 5, 8, "inst.bare:工商联")]),
    ]
)
RELATIVE.append(
    # one head, two bodies (纪委监委): both, in the same region
    (
        "联合市纪委监委开展交流",
        ["商洛市"],
        [
            ("中国共产党商洛市纪律检查委员会", 2, 7, "inst.relative:纪委监委"),
            ("商洛市监察委员会", 2, 7, "inst.relative:纪委监委"),
        ],
    )
)
RELATIVE.append(
    # 区 ends 经开区, it names no district here: a development zone's body, the city's short name
    # and the zone's full name (data/development_zones.tsv)
    (
        "荆州经开区住建局紧盯安全生产",
        ["荆州市沙市区"],
        [("荆州经济技术开发区住房和城乡建设局", 0, 8, "inst.zone:住建局")],
    )
)
RELATIVE.extend(
    [
        (  # a national new area or cooperation zone after its city, as the text writes the city
            "深圳前海合作区人民法院深化涉外商事审判",
            ["深圳市"],
            [("深圳前海合作区人民法院", 0, 11, "inst.zone:人民法院")],
        ),
        ("重庆两江新区人民法院审结", ["重庆市"], [("重庆两江新区人民法院", 0, 10, "inst.zone:人民法院")]),
        ("成都市天府新区人民法院审结", ["成都市"], [("成都市天府新区人民法院", 0, 11, "inst.zone:人民法院")]),
        # a new area named after its city (兰州新区, 哈尔滨新区)
        ("兰州新区人民法院实行立案即调解", ["兰州市"], [("兰州新区人民法院", 0, 8, "inst.zone:人民法院")]),
        # a zone with a name of its own needs no city before it (data/development_zones.tsv's city)
        ("前海合作区人民法院深化涉外商事审判", [], [("前海合作区人民法院", 0, 9, "inst.zone:人民法院")]),
        ("与横琴粤澳深度合作区人民法院会签", [], [("横琴粤澳深度合作区人民法院", 1, 14, "inst.zone:人民法院")]),
        ("海南自贸港知识产权法院审结", [], [("海南自由贸易港知识产权法院", 0, 11, "inst.zone:知识产权法院")]),
        # … or after its province, as the text writes it; such a zone may have an intermediate court
        (
            "河北雄安新区中级人民法院审结",
            [],
            [("河北雄安新区中级人民法院", 0, 12, "inst.zone:中级人民法院")],
        ),
        # a division of the Production and Construction Corps: its bodies carry the corps' name
        ("第八师中级人民法院审结", [], [("新疆生产建设兵团第八师中级人民法院", 0, 9, "inst.zone:中级人民法院")]),
        # … and the mention spans the corps' name as far as the text writes it (the subject opens there)
        ("兵团第十二师人民检察院审结", [], [("新疆生产建设兵团第十二师人民检察院", 0, 11, "inst.zone:人民检察院")]),
        (
            "近日，新疆生产建设兵团第八师中级人民法院审结",
            [],
            [("新疆生产建设兵团第八师中级人民法院", 3, 20, "inst.zone:中级人民法院")],
        ),
        # a zone named by a place that is no division (jieba: a place name) before a generic zone word,
        # with the city written before it if any; no region of its own
        (
            "与洋浦经济开发区管委会共建调解中心",
            [],
            [("洋浦经济开发区管理委员会", 1, 11, "inst.zone.named:管委会")],
        ),
        (
            "天津滨海高新区管委会推行诉源治理",
            [],
            [("天津滨海高新技术产业开发区管理委员会", 0, 10, "inst.zone.named:管委会")],
        ),
        ("广州开发区管委会推行诉源治理", ["广州市"], [("广州开发区管理委员会", 0, 8, "inst.zone:管委会")]),
    ]
)
RELATIVE_NEGATIVES = [
    # a counted or classed level is a kind of body, not the article's region's
    ("全省已有11个设区市检察院实现一站式办理", ["温州市"]),
    ("全省已有11个市检察院实现一站式办理", ["温州市"]),
    ("各地级市公安局开展行动", ["温州市"]),
    ("乡镇政府要落实责任", ["宁化县"]),  # 乡镇: every township, not one
    ("推动区、街道、社区三级综治中心实体化运行", ["深圳市南山区"]),  # three levels of them, not one
    ("镇政府要落实责任", ["宁化县"]),  # no township named
    ("各中级法院要落实", ["三明市"]),
    ("经开区住建局紧盯安全生产", ["荆州市沙市区"]),  # no city before the zone  # many such bodies
    ("湖北雄安新区人民法院审结", []),  # a zone after a province it is not in
    ("各地综治中心打出组合拳", ["新疆维吾尔自治区"]),
    ("所在乡镇综治中心定期研判", ["临颍县"]),  # a township's
    ("依托综治中心化解纠纷", ["新疆维吾尔自治区"]),  # a province's is not meant by a bare word
    ("依托综治中心化解纠纷", []),  # no region in sight
    ("市人民法院开展执行", []),  # no city in sight: no prefix from elsewhere
    ("全市法院推进诉源治理", ["荆州市"]),
    ("区委员会召开会议", ["南京市鼓楼区"]),  # a committee needs a name
    ("加快建设经济开发区管委会", []),  # a zone word after no place name
    ("统一开发区管委会职能", []),
    ("举办活动，承办案件", ["南京市鼓楼区"]),
]


def _article(names: list[str]) -> list:
    """Divisions by name; 上海市普陀区 is the district named under its parent."""
    out = []
    for n in names:
        if n in gazetteer().by_name:
            out.append(_division(n))
            continue
        for d in gazetteer().by_name[n[3:]]:
            if d.name == n[3:] and gazetteer().parent(d).name == n[:3]:
                out.append(d)
    return out


@pytest.mark.parametrize("text, article, expected", RELATIVE)
def test_relative_references_take_the_article_region(text, article, expected):
    assert run(text, article_regions=_article(article)) == expected


TOWNSHIP_RELATIVE = [
    # 镇/乡/街道 before a head: the township the article named last, under its county
    ("镇政府联合派出所开展排查", ("翠江镇", "宁化县"), [("宁化县翠江镇人民政府", 0, 3, "inst.relative-township:政府")]),
    (
        "街道办事处派员参加",
        ("双塔街道", "姑苏区"),
        [("苏州市姑苏区双塔街道办事处", 0, 5, "inst.relative-township:办事处")],
    ),
    # … and before the head of a body every township has (data/township_words.tsv role township_unit)
    ("与镇司法所共同调解", ("翠江镇", "宁化县"), [("宁化县翠江镇司法所", 1, 5, "inst.relative-township:司法所")]),
    (
        "街道派出所、街道人民调解委员会参加",
        ("双塔街道", "姑苏区"),
        [
            ("苏州市姑苏区双塔街道派出所", 0, 5, "inst.relative-township:派出所"),
            ("苏州市姑苏区双塔街道人民调解委员会", 6, 15, "inst.relative-township:人民调解委员会"),
        ],
    ),
    # the township named last before it, in the sentence, not one named after it
    (
        "翠江镇司法所联合镇派出所巡逻，安远镇设立调解室",
        ("翠江镇,安远镇", "宁化县"),
        [
            ("宁化县翠江镇司法所", 0, 6, "inst.named:司法所"),
            ("宁化县翠江镇派出所", 8, 12, "inst.relative-township:派出所"),
        ],
    ),
]
# a township's unit listed right after a body of a township is that township's
TOWNSHIP_LISTED = [
    (
        "与镇综治中心、司法所、派出所联动",
        ("翠江镇", "宁化县"),
        [
            ("宁化县翠江镇社会治安综合治理中心", 1, 6, "inst.relative-township:综治中心"),
            ("宁化县翠江镇司法所", 7, 10, "inst.list-township:司法所"),
            ("宁化县翠江镇派出所", 11, 14, "inst.list-township:派出所"),
        ],
    ),
    # negative: after a county's body, 派出所 alone names none
    ("宁化县司法局、派出所联动", ("翠江镇", "宁化县"), [("宁化县司法局", 0, 6, "inst.head:司法局")]),
    # a unit opening the clause after one that only sets the place at a township is that township's
    ("在翠江镇，司法所牵头组织调解", ("翠江镇", "宁化县"), [("宁化县翠江镇司法所", 5, 8, "inst.place-frame:司法所")]),
    ("今年以来，司法所牵头组织调解", ("翠江镇", "宁化县"), []),  # no place set
    ("在翠江镇设立调解室，司法所派员值守", ("翠江镇", "宁化县"), []),  # the clause before says more than the place
]


@pytest.mark.parametrize("text, township, expected", TOWNSHIP_LISTED)
def test_township_units_listed_after_a_township_body(text, township, expected):
    towns, county = township
    ctx = Context(regions=_article([county]), local_regions=[(t, "township") for t in towns.split(",")])
    assert run(text, ctx) == expected


TOWNSHIP_RELATIVE_NEGATIVES = [
    ("各镇派出所开展巡逻", ("翠江镇", "宁化县")),  # every township's
    ("乡镇司法所开展调解", ("翠江镇", "宁化县")),
    ("镇司法所开展调解", ("", "宁化县")),  # no township named
]


@pytest.mark.parametrize("text, township, expected", TOWNSHIP_RELATIVE)
def test_township_words_take_the_article_township(text, township, expected):
    towns, county = township  # the townships the sentence names, in text order
    ctx = Context(regions=_article([county]), local_regions=[(t, "township") for t in towns.split(",")])
    assert run(text, ctx) == expected


@pytest.mark.parametrize("text, township", TOWNSHIP_RELATIVE_NEGATIVES)
def test_township_words_with_no_one_township(text, township):
    towns, county = township
    ctx = Context(regions=_article([county]), local_regions=[(t, "township") for t in towns.split(",") if t])
    assert run(text, ctx) == []


@pytest.mark.parametrize("text, article", RELATIVE_NEGATIVES)
def test_relative_negatives(text, article):
    assert run(text, article_regions=_article(article)) == []


SUBUNITS = [
    (  # a tax bureau's inspection bureau, numbered or not
        "厦门市税务局第二稽查局公布",
        [("厦门市税务局", 0, 6, "inst.head:税务局"), ("厦门市税务局第二稽查局", 0, 11, "inst.subunit:稽查局")],
    ),
    (
        "厦门市税务局稽查局查处",
        [("厦门市税务局", 0, 6, "inst.head:税务局"), ("厦门市税务局稽查局", 0, 9, "inst.subunit:稽查局")],
    ),
    ("厦门市税务局联合公安局稽查", [("厦门市税务局", 0, 6, "inst.head:税务局")]),  # 稽查 is the verb
    (  # a unit named after a place that opens with a numeral, which jieba reads as a number (七里|园)
        "南阳市公安局卧龙分局七里园派出所推行",
        [
            ("南阳市公安局", 0, 6, "inst.head:公安局"),
            ("南阳市公安局卧龙分局", 0, 10, "inst.subunit:分局"),
            ("南阳市公安局卧龙分局七里园派出所", 0, 16, "inst.subunit:派出所"),
        ],
    ),
    (  # a kind of unit a body sets up (设立家事审判庭) is no unit named 设立家事
        "武侯区人民法院设立家事审判庭，推行机制",
        [("成都市武侯区人民法院", 0, 7, "inst.head:人民法院")],
    ),
    (  # …but a count of stations names none
        "南阳市公安局卧龙分局三个派出所推行",
        [("南阳市公安局", 0, 6, "inst.head:公安局"), ("南阳市公安局卧龙分局", 0, 10, "inst.subunit:分局")],
    ),
    (  # a unit named after a road, whatever jieba makes of it (洗|马路)
        "汇川区公安分局洗马路派出所建立责任制",
        [
            ("遵义市汇川区公安分局", 0, 7, "inst.head:公安分局"),
            ("遵义市汇川区公安分局洗马路派出所", 0, 13, "inst.subunit:派出所"),
        ],
    ),
    # 与 may join the words of a unit's name
    (
        "荣县人民法院未成年人与家事案件审判庭审理",
        [
            ("荣县人民法院", 0, 6, "inst.head:人民法院"),
            ("荣县人民法院未成年人与家事案件审判庭", 0, 18, "inst.subunit:审判庭"),
        ],
    ),
    (
        "贺兰县公安局反诈中心立即启动应急处置",
        [
            ("贺兰县公安局", 0, 6, "inst.head:公安局"),
            ("贺兰县公安局反诈中心", 0, 10, "inst.subunit:反诈中心"),
        ],
    ),
    (
        "最高人民法院信息中心开发平台",
        [
            ("最高人民法院", 0, 6, "inst.national:最高人民法院"),
            ("最高人民法院信息中心", 0, 10, "inst.subunit:信息中心"),
        ],
    ),
    (
        "中国政法大学法治政府研究院发布报告",
        [
            ("中国政法大学", 0, 6, "inst.named:大学"),
            ("中国政法大学法治政府研究院", 0, 13, "inst.subunit:研究院"),
        ],
    ),
    ("铜陵市反电诈中心发出预警", [("铜陵市反电诈中心", 0, 8, "inst.head:反电诈中心")]),
    # a tribunal or station a body sets up is its unit; the body stays an actor of its own
    (
        "崂山区人民法院设立金融审判庭",
        [
            ("青岛市崂山区人民法院", 0, 7, "inst.head:人民法院"),
            ("青岛市崂山区人民法院金融审判庭", 9, 14, "inst.founded:审判庭"),
        ],
    ),
    (
        "南平市中级人民法院近日在武夷山市设立生态法庭",
        [
            ("南平市中级人民法院", 0, 9, "inst.head:中级人民法院"),
            ("南平市中级人民法院生态法庭", 18, 22, "inst.founded:法庭"),
        ],
    ),
    (
        "最高人民法院设立知识产权法庭",
        [
            ("最高人民法院", 0, 6, "inst.national:最高人民法院"),
            ("最高人民法院知识产权法庭", 8, 14, "inst.founded:知识产权法庭"),
        ],
    ),
    # a tribunal named after a place with no court before it is the unit of the court named last
    (
        "大连海事法院在营口设立派出法庭，营口法庭今年结案",
        [
            ("大连海事法院", 0, 6, "inst.head:海事法院"),
            ("大连海事法院营口法庭", 16, 20, "inst.outpost-of:法庭"),
        ],
    ),
    (
        "雷山县人民法院召开会议，西江人民法庭法官调解",
        [
            ("雷山县人民法院", 0, 7, "inst.head:人民法院"),
            ("雷山县人民法院西江人民法庭", 12, 18, "inst.outpost-of:人民法庭"),
        ],
    ),
    ("营口法庭今年结案", [("营口法庭", 0, 4, "inst.named:法庭")]),  # no court named: as written
    # units joined by 和 or 联合 are siblings, not one the unit of the other
    (
        "昆明市公安局五华分局刑侦大队联合经侦大队破案",
        [
            ("昆明市公安局", 0, 6, "inst.head:公安局"),
            ("昆明市公安局五华分局", 0, 10, "inst.subunit:分局"),
            ("昆明市公安局五华分局刑侦大队", 0, 14, "inst.subunit:大队"),
            ("昆明市公安局五华分局经侦大队", 16, 20, "inst.sibling:大队"),
        ],
    ),
    (
        "东莞市公安局刑警支队和网警支队联合行动",
        [
            ("东莞市公安局", 0, 6, "inst.head:公安局"),
            ("东莞市公安局刑警支队", 0, 10, "inst.subunit:支队"),
            ("东莞市公安局网警支队", 11, 15, "inst.sibling:支队"),
        ],
    ),
    # a court's tribunal seated in another city keeps that city's name, as written; other words make no unit
    (
        "南京市中级人民法院苏州知识产权法庭今年受理案件",
        [
            ("南京市中级人民法院", 0, 9, "inst.head:中级人民法院"),
            ("南京市中级人民法院苏州知识产权法庭", 0, 17, "inst.subunit:知识产权法庭"),
        ],
    ),
    ("南京市中级人民法院联合知识产权法庭开展调研", [("南京市中级人民法院", 0, 9, "inst.head:中级人民法院")]),
    # a station or tribunal listed after one of its kind belongs to the same body; another kind does not
    (
        "慈利县公安局城关派出所、石门派出所获评先进",
        [
            ("慈利县公安局", 0, 6, "inst.head:公安局"),
            ("慈利县公安局城关派出所", 0, 11, "inst.subunit:派出所"),
            ("慈利县公安局石门派出所", 12, 17, "inst.sibling:派出所"),
        ],
    ),
    (
        "慈利县人民法院城关人民法庭、石门人民法庭获评先进",
        [
            ("慈利县人民法院", 0, 7, "inst.head:人民法院"),
            ("慈利县人民法院城关人民法庭", 0, 13, "inst.subunit:人民法庭"),
            ("慈利县人民法院石门人民法庭", 14, 20, "inst.sibling:人民法庭"),
        ],
    ),
    (
        "慈利县公安局城关派出所、石门镇司法所联合调解",
        [
            ("慈利县公安局", 0, 6, "inst.head:公安局"),
            ("慈利县公安局城关派出所", 0, 11, "inst.subunit:派出所"),
            ("石门镇司法所", 12, 18, "inst.named:司法所"),
        ],
    ),
    # a tribunal after its county's name is the county court's, named once (not 象山县人民法院象山县石浦…)
    ("象山县石浦人民法庭审理案件", [("象山县人民法院石浦人民法庭", 0, 9, "inst.outpost-of:人民法庭")]),
    ("祁连县八宝镇人民法庭巡回审判", [("祁连县人民法院八宝镇人民法庭", 0, 10, "inst.outpost-of:人民法庭")]),
    ("万州区龙驹人民法庭巡回审判", [("重庆市万州区人民法院龙驹人民法庭", 0, 9, "inst.outpost-of:人民法庭")]),
    ("象山县石浦检察室开展工作", [("象山县人民检察院石浦检察室", 0, 8, "inst.outpost-of:检察室")]),
    (  # a high court keeps no tribunal under a city's name: the city's body, its region expanded
        "四川省高级人民法院召开会议，成都金融法庭今年结案",
        [
            ("四川省高级人民法院", 0, 9, "inst.head:高级人民法院"),
            ("成都市金融法庭", 14, 20, "inst.named:法庭"),
        ],
    ),
    (  # a procuratorate's 检察室 likewise
        "平安区人民检察院召开会议，三合检察室化解纠纷",
        [
            ("海东市平安区人民检察院", 0, 8, "inst.head:人民检察院"),
            ("海东市平安区人民检察院三合检察室", 13, 18, "inst.outpost-of:检察室"),
        ],
    ),
    ("设立派驻检察室", []),  # a kind of unit
    # negatives: a centre set up is mostly a facility; a unit of another kind is no unit of the body;
    # a kind of tribunal set up is no name (派出法庭, 巡回法庭)
    ("大连海事法院设立巡回法庭", [("大连海事法院", 0, 6, "inst.head:海事法院")]),
    # a military court is named after the city it sits in, as a maritime court is; it is no body of the city's
    ("南京军事法院审结案件", [("南京军事法院", 0, 6, "inst.head:军事法院")]),
    # the financial court of Chengdu and Chongqing is named after the two cities, not after a division
    (
        "成渝金融法院与上海金融法院会签",
        [("成渝金融法院", 0, 6, "inst.national:成渝金融法院"), ("上海金融法院", 7, 13, "inst.head:金融法院")],
    ),
    # … and so is a coast guard bureau; the national coast guard's branches are its units
    (
        "宁波海事法院与舟山海警局会签",
        [("宁波海事法院", 0, 6, "inst.head:海事法院"), ("舟山海警局", 7, 12, "inst.head:海警局")],
    ),
    (
        "中国海警局东海分局与浙江省人民检察院会签",
        [
            ("中国海警局", 0, 5, "inst.national:中国海警局"),
            ("中国海警局东海分局", 0, 9, "inst.subunit:分局"),
            ("浙江省人民检察院", 10, 18, "inst.head:人民检察院"),
        ],
    ),
    ("中级人民法院成立诉调对接中心", []),
    ("秀山县人民法院成立诉调对接中心", [("秀山土家族苗族自治县人民法院", 0, 7, "inst.head:人民法院")]),
    # a unit listed right after another unit of a body is that body's unit too
    (
        "东莞市公安局刑警支队、网警支队联合行动",
        [
            ("东莞市公安局", 0, 6, "inst.head:公安局"),
            ("东莞市公安局刑警支队", 0, 10, "inst.subunit:支队"),
            ("东莞市公安局网警支队", 11, 15, "inst.sibling:支队"),
        ],
    ),
    (
        "武汉市中级人民法院立案庭、执行局联合推行",
        [
            ("武汉市中级人民法院", 0, 9, "inst.head:中级人民法院"),
            ("武汉市中级人民法院立案庭", 0, 12, "inst.subunit:立案庭"),
            ("武汉市中级人民法院执行局", 13, 16, "inst.sibling:执行局"),
        ],
    ),
    # the Supreme People's Court's numbered circuit tribunals are its units; alone, with no parent named, none
    (
        "最高人民法院第六巡回法庭推行巡回审判",
        [
            ("最高人民法院", 0, 6, "inst.national:最高人民法院"),
            ("最高人民法院第六巡回法庭", 0, 12, "inst.subunit:巡回法庭"),
        ],
    ),
    ("第六巡回法庭推行巡回审判", []),
    # … not a bare 支队 (支队长 is a person), nor a body with a region of its own
    (
        "东莞市公安局刑警支队、支队长讲话",
        [("东莞市公安局", 0, 6, "inst.head:公安局"), ("东莞市公安局刑警支队", 0, 10, "inst.subunit:支队")],
    ),
    (
        "东莞市公安局刑警支队、东莞市司法局联合行动",
        [
            ("东莞市公安局", 0, 6, "inst.head:公安局"),
            ("东莞市公安局刑警支队", 0, 10, "inst.subunit:支队"),
            ("东莞市司法局", 11, 17, "inst.head:司法局"),
        ],
    ),
]


@pytest.mark.parametrize("text, expected", SUBUNITS)
def test_subunits_carry_their_parent(text, expected):
    assert run(text) == expected


IN_REGION_NAME = [
    # a head that starts inside a region's name (林区人民法院 in 神农架林区, 北林区) gives way to the one after it
    ("神农架林区人民检察院开展行动", [("神农架林区人民检察院", 0, 10, "inst.head:人民检察院")]),
    ("绥化市北林区人民法院审结案件", [("绥化市北林区人民法院", 0, 10, "inst.head:人民法院")]),
    ("黑龙江省林区中级法院审结案件", [("黑龙江省林区中级法院", 0, 10, "inst.head:林区中级法院")]),  # no division 林区
]


@pytest.mark.parametrize("text, expected", IN_REGION_NAME)
def test_a_head_inside_a_region_name_gives_way(text, expected):
    assert run(text) == expected


PREDICATE_AFTER_BODY = [
    # a predicate (地处, 位于) after a body opens what is said of it: no unit named 地处…中心
    (
        "八廓街人民法庭地处古城中心",
        [("八廓街人民法庭", 0, 7, "inst.named:人民法庭")],
    ),
    ("拉萨市城关区人民法院位于市中心", [("拉萨市城关区人民法院", 0, 10, "inst.head:人民法院")]),
    (  # a unit right after its parent is still read
        "拉萨市城关区人民法院诉讼服务中心开展工作",
        [
            ("拉萨市城关区人民法院", 0, 10, "inst.head:人民法院"),
            ("拉萨市城关区人民法院诉讼服务中心", 0, 16, "inst.subunit:诉讼服务中心"),
        ],
    ),
]


@pytest.mark.parametrize("text, expected", PREDICATE_AFTER_BODY)
def test_a_predicate_after_a_body_opens_no_unit(text, expected):
    assert run(text) == expected


MILITARY = [
    # military bodies that work with courts and procuratorates; a short form names the garrison (大连警备区)
    (
        "大连市中级人民法院与大连警备区签署意见",
        [("大连市中级人民法院", 0, 9, "inst.head:中级人民法院"), ("大连警备区", 10, 15, "inst.head:警备区")],
    ),
    ("荆州军分区联合检察机关", [("荆州军分区", 0, 5, "inst.head:军分区")]),
    (
        "长兴县人民法院联合长兴县人武部",
        [("长兴县人民法院", 0, 7, "inst.head:人民法院"), ("长兴县人民武装部", 9, 15, "inst.head:人武部")],
    ),
    ("县人武部部长张三表示", []),  # a person's title: no region named either
    ("驻地部队官兵参加", []),  # no named body
]


@pytest.mark.parametrize("text, expected", MILITARY)
def test_military_bodies(text, expected):
    assert run(text) == expected


NAMED = [
    ("湖北省云享之光孵化器有限公司入选", [("湖北省云享之光孵化器有限公司", 0, 14, "inst.named:有限公司")]),
    ("东莞金融纠纷调解委员会调解", [("东莞市金融纠纷调解委员会", 0, 11, "inst.named:调解委员会")]),
    ("茅箭区联合知识产权保护站成立", [("十堰市茅箭区联合知识产权保护站", 0, 12, "inst.named:保护站")]),
    ("中国银行提供数据", [("中国银行", 0, 4, "inst.national:中国银行")]),  # a national bank under its own name
]
NAMED.extend(
    [
        # a stem right after a region may hold words jieba does not tag as names
        (
            "四川省成都市锦江区人民法院春熙路人民法庭",
            [
                ("成都市锦江区人民法院", 0, 13, "inst.head:人民法院"),
                ("成都市锦江区人民法院春熙路人民法庭", 0, 20, "inst.subunit:人民法庭"),
            ],
        ),
        ("荆州市沙市区人民调解委员会", [("荆州市沙市区人民调解委员会", 0, 13, "inst.named:人民调解委员会")]),
    ]
)
NAMED.extend(
    [
        # a short form right before a named head is the name itself, not a prefix
        ("江苏银行配合查控", [("江苏银行", 0, 4, "inst.named:银行")]),
        (
            "山东大学法学院发布报告",
            [
                ("山东大学", 0, 4, "inst.named:大学"),
                ("山东大学法学院", 0, 7, "inst.subunit:学院"),
            ],
        ),
        (
            "济南市人民政府办公厅印发通知",
            [
                ("济南市人民政府", 0, 7, "inst.head:人民政府"),
                ("济南市人民政府办公厅", 0, 10, "inst.subunit:办公厅"),
            ],
        ),
    ]
)
NAMED.extend(
    [
        # a quoted word inside the name, a region before it: the name without the quotes
        (
            "诸暨市枫桥镇“老娘舅”调解委员会参与调解",
            [("诸暨市枫桥镇老娘舅调解委员会", 0, 16, "inst.named:调解委员会")],
        ),
    ]
)
# any department of a region (局, 厅 as heads), and regional heads that take a proper name
DEPARTMENTS = [
    ("海南省海洋和渔业厅联合开展", [("海南省海洋和渔业厅", 0, 9, "inst.named:厅")]),  # 和 inside the name
    ("河北省大数据局发布", [("河北省大数据局", 0, 7, "inst.named:局")]),
    ("青海省生态环境厅参与", [("青海省生态环境厅", 0, 8, "inst.head:生态环境厅")]),
    ("三江源国家公园管理局参与", [("三江源国家公园管理局", 0, 10, "inst.named:国家公园管理局")]),
    ("佛山市南海公证处办理", [("佛山市南海公证处", 0, 8, "inst.named:公证处")]),
    ("江苏省方强强制隔离戒毒所推行", [("江苏省方强强制隔离戒毒所", 0, 12, "inst.named:强制隔离戒毒所")]),
    ("江苏省戒毒管理局部署", [("江苏省戒毒管理局", 0, 8, "inst.head:戒毒管理局")]),
    ("江苏省禁毒办部署", [("江苏省禁毒委员会办公室", 0, 6, "inst.head:禁毒办")]),
    ("佛山市公证处办理", [("佛山市公证处", 0, 6, "inst.head:公证处")]),  # a region alone still names one
    # railway bodies carry the railway bureau's short name, not a city's
    (
        "中国铁路哈尔滨局集团有限公司、哈尔滨铁路公安局建立机制",
        [
            ("中国铁路哈尔滨局集团有限公司", 4, 14, "inst.head:局集团有限公司"),
            ("哈尔滨铁路公安局", 15, 23, "inst.head:铁路公安局"),
        ],
    ),
    # … and its divisions are named after their city, after the bureau
    (
        "南宁铁路公安局柳州公安处创新",
        [("南宁铁路公安局", 0, 7, "inst.head:铁路公安局"), ("南宁铁路公安局柳州公安处", 0, 12, "inst.subunit:公安处")],
    ),
    ("柳州公安处创新", []),  # no bureau before it
    ("鄂尔多斯市破产管理人协会成立", [("鄂尔多斯市破产管理人协会", 0, 12, "inst.named:协会")]),  # 破产 in a name
    # prisons named after a place or a kind, the province before them kept as written
    ("青海省西宁监狱推行", [("青海省西宁监狱", 0, 7, "inst.named:监狱")]),
    ("青海省女子监狱开展", [("青海省女子监狱", 0, 7, "inst.named:监狱")]),
    # …the province's short form before the city's: a prison is the province's, named in full; a
    # university carries no province
    ("江苏苏州监狱推行", [("江苏省苏州监狱", 0, 6, "inst.named:监狱")]),
    ("湖北武汉大学推行", [("武汉大学", 0, 6, "inst.named:大学")]),
    ("罪犯走出监狱后", []),
    # a department whose name only ends like a known head (体育局) is read under the generic 局
    ("三亚市旅游和文化广电体育局参与", [("三亚市旅游和文化广电体育局", 0, 13, "inst.named:局")]),
    # …but a known head standing bare in a list stays that body (not 北京 + 市场监管 + 局)
    (
        "北京市高级人民法院、市场监管局联合发布",
        [
            ("北京市高级人民法院", 0, 9, "inst.head:高级人民法院"),
            ("北京市市场监督管理局", 10, 15, "inst.list:市场监管局"),
        ],
    ),
]
# the heads end common words: 大局, 格局, 大厅 are none
DEPARTMENT_NEGATIVES = [
    "服务江苏经济大局",
    "融入海南发展大局",
    "优化北京市场格局",
    "在成都市民服务大厅办理",
    "湖北省委托第三方评估",
]


@pytest.mark.parametrize("text, expected", DEPARTMENTS)
def test_departments_of_a_region(text, expected):
    assert run(text) == expected


@pytest.mark.parametrize("text", DEPARTMENT_NEGATIVES)
def test_department_negatives(text):
    assert run(text) == []


NAMED_NEGATIVES = [
    "打造“一站式”法律服务中心",  # a quoted word and no region: no body
    "某银行申请强制执行",
    "涉案公司拒不履行",
    "法官工作站设在村委会",  # a place with no region is no body
    "奎屯市家事法庭里，母子拥抱",  # 家事法庭 is a kind of court room, not a name
    "四川法院去年办电信网络诈骗案1216件",  # 办 is a verb here
    "荆州市辖区派出所",  # generic words only: a kind of station, no name
    "荆州市融媒体中心报道",  # media outlets are not listed
    "会议中心举行发布会，指挥中心投入使用",  # no region: a place, not a body
]


@pytest.mark.parametrize("text, expected", NAMED)
def test_named_bodies(text, expected):
    assert run(text) == expected


@pytest.mark.parametrize("text", NAMED_NEGATIVES)
def test_named_negatives(text):
    assert all(rule != "inst.named:法庭" and "某" not in name for name, _, _, rule in run(text))
    assert [n for n, *_ in run(text) if n.endswith(("银行", "公司", "工作站", "家事法庭"))] == []


GRAMMAR = [
    # the level word repeated after the region: 浦江县县委
    ("浦江县县委高度重视", [("中国共产党浦江县委员会", 0, 5, "inst.head:委")]),
    # 和 joins two bodies: no region 和县
    (
        "宁化县法院和县林业局建立基金",
        [
            ("宁化县人民法院", 0, 5, "inst.head:法院"),
            ("宁化县林业局", 6, 10, "inst.relative:林业局"),
        ],
    ),
    # a post leading the region's government, then a post in one of its bodies: the body is the region's
    ("周口市副市长、公安局局长张三说", [("周口市公安局", 7, 10, "inst.leader-post:公安局")]),
    ("湖南省副省长、公安厅厅长王五说", [("湖南省公安厅", 7, 10, "inst.leader-post:公安厅")]),
    ("桃源县副县长、公安局局长李四介绍", [("桃源县公安局", 7, 10, "inst.leader-post:公安局")]),
    ("周口市副市长、公安厅厅长张三说", []),  # a city has no 公安厅
    ("株洲市委常委、政法委书记刘五介绍", [("中国共产党株洲市委员会政法委员会", 7, 10, "inst.leader-post:政法委")]),
    ("南京警方破获案件", [("南京市公安局", 0, 4, "inst.head:警方")]),
    ("浦江县浦阳街道办事处组织", [("浦江县浦阳街道办事处", 0, 10, "inst.head:办事处")]),
]
GRAMMAR.extend(
    [
        # a township before a station's head names it (周潭镇派出所)
        ("安徽省铜陵市郊区周潭镇派出所民警", [("铜陵市郊区周潭镇派出所", 0, 14, "inst.named:派出所")]),
        ("南京市人民政府办公室印发", [("南京市人民政府办公室", 0, 10, "inst.head:人民政府办公室")]),
    ]
)
GRAMMAR.extend(
    [
        # a customs district is named by its city's short form
        ("与苏州海关签署备忘录", [("苏州海关", 1, 5, "inst.head:海关")]),
        ("海关总署部署专项行动", [("海关总署", 0, 4, "inst.national:海关总署")]),
        (
            "成都市公安局交通管理局联合",
            [("成都市公安局", 0, 6, "inst.head:公安局"), ("成都市公安局交通管理局", 0, 11, "inst.subunit:交通管理局")],
        ),
        ("与四川银保监局推行", [("四川银保监局", 1, 7, "inst.head:银保监局")]),
        (  # a court's case-filing and enforcement divisions are its units
            "荆州市中级人民法院立案庭推行",
            [
                ("荆州市中级人民法院", 0, 9, "inst.head:中级人民法院"),
                ("荆州市中级人民法院立案庭", 0, 12, "inst.subunit:立案庭"),
            ],
        ),
        # the municipalities' numbered intermediate courts
        ("重庆市第五中级人民法院推行", [("重庆市第五中级人民法院", 0, 11, "inst.head:第五中级人民法院")]),
        ("北京一中院审结", [("北京市第一中级人民法院", 0, 5, "inst.head:一中院")]),
        # arbitration bodies are named after the city's short form
        ("与深圳国际仲裁院签署备忘录", [("深圳国际仲裁院", 1, 8, "inst.head:国际仲裁院")]),
        ("武汉仲裁委员会受理", [("武汉仲裁委员会", 0, 7, "inst.head:仲裁委员会")]),
        ("阳朔县文化广电体育和旅游局开展", [("阳朔县文化广电体育和旅游局", 0, 13, "inst.head:文化广电体育和旅游局")]),
        ("荆州市住房和城乡建设局开展", [("荆州市住房和城乡建设局", 0, 11, "inst.head:住房和城乡建设局")]),
        ("会同太原市邮政管理局", [("太原市邮政管理局", 2, 10, "inst.head:邮政管理局")]),
        (  # 会同 and a region open another body's name, not a unit of the one before
            "上海市司法局会同上海市商务委员会建立机制",
            [("上海市司法局", 0, 6, "inst.head:司法局"), ("上海市商务委员会", 8, 16, "inst.named:委员会")],
        ),
        (  # so do the verbs by which one body sets another to work (triggers.tsv, role organise)
            "杭州市司法局指导杭州市公证协会推出服务",
            [("杭州市司法局", 0, 6, "inst.head:司法局"), ("杭州市公证协会", 8, 15, "inst.head:公证协会")],
        ),
        ("宁化县政协开展", [("中国人民政治协商会议宁化县委员会", 0, 5, "inst.head:政协")]),
        ("石家庄市医调委受理纠纷", [("石家庄市医疗纠纷人民调解委员会", 0, 7, "inst.head:医调委")]),
        ("宁化县委党校举办", [("中国共产党宁化县委员会党校", 0, 6, "inst.head:委党校")]),
        (  # a branch named after its district may open with 长 (not the title 局长)
            "上海市公安局长宁分局破获案件",
            [("上海市公安局", 0, 6, "inst.head:公安局"), ("上海市公安局长宁分局", 0, 10, "inst.subunit:分局")],
        ),
        (
            "与石家庄市公安局长安分局会签",
            [("石家庄市公安局", 1, 8, "inst.head:公安局"), ("石家庄市公安局长安分局", 1, 12, "inst.subunit:分局")],
        ),
    ]
)
GRAMMAR.extend(
    [  # a township's or county's enforcement team
        ("德清县新市镇综合行政执法队推行", [("德清县新市镇综合行政执法队", 0, 13, "inst.head:综合行政执法队")]),
        ("长兴县综合执法大队开展", [("长兴县综合执法大队", 0, 9, "inst.head:综合执法大队")]),
        # the immigration administration's units, named after the place as written (not 临沧市边境管理支队)
        ("临沧边境管理支队推行", [("临沧边境管理支队", 0, 8, "inst.head:边境管理支队")]),
        # a city's sector mediation committee, named by the city alone
        (
            "六盘水市医疗纠纷人民调解委员会调处纠纷",
            [("六盘水市医疗纠纷人民调解委员会", 0, 15, "inst.head:医疗纠纷人民调解委员会")],
        ),
    ]
)
GRAMMAR_NEGATIVES = [
    "组建乡镇综合行政执法队",  # no township named
    "杭州市公安局长王刚介绍",  # the title 局长: no body acts
    "杭州市公安局长期坚持打防并举",
    "十堰仲裁委员会驻茅箭区办事处",  # an office of a commission, not a township's
    "公安民警走访群众",
    "辖区乡镇派出所",
]


@pytest.mark.parametrize("text, expected", GRAMMAR)
def test_head_grammar(text, expected):
    ctx = Context(regions=[_division("宁化县")]) if "宁化" in text else Context()
    assert run(text, ctx) == expected


@pytest.mark.parametrize("text", GRAMMAR_NEGATIVES)
def test_head_grammar_negatives(text):
    assert [n for n, *_ in run(text) if n.endswith(("办事处", "公安局", "执法队"))] == []


TITLES = [
    ("库尔勒市委副书记张三说", True),
    ("诸暨市委政法委常务副书记说", True),  # 常务副 too
    ("荆州市中级人民法院副厅级专职委员介绍", True),  # after a rank
    ("省信访局局长李四告诉记者", True),
    ("派出所所长王五说", False),  # no body found at all
    ("康平县公安局民警深入辖区", False),  # staff act for their body
    ("荆州市中级人民法院开展交叉执行", False),
    ("荆州市人民检察院第八检察部有关负责人说", True),  # a department between the body and the title
    ("荆州市中级人民法院民事审判第二庭庭长介绍", True),
    ("荆州市人民检察院第四检察部办理案件12件", False),  # the department acts for its body
    ("荆州市中级人民法院党组成员、副院长李四介绍", True),  # a member of the body's party group
    ("海西州公安局治安支队支队长韩永明介绍", True),  # 支队长: the unit's word again before 队长
    ("江阴市公安局交警大队副大队长说", True),
]


@pytest.mark.parametrize("text, title_only", TITLES)
def test_bodies_inside_a_title_are_not_actors(text, title_only):
    ms = find_institutions(text, find_regions(text), Context(regions=[_division("浙江省")]))
    named = [m for m in ms if not m.prefix_only]  # not the parent in front of its unit's name
    assert all(m.title_only == title_only for m in named)


def test_a_short_name_takes_the_full_name_named_before():
    ctx = Context()
    first = "历下区人民法院甸柳人民法庭成立"
    find_institutions(first, find_regions(first), ctx)
    later = "甸柳法庭还与网格员对接"
    got = [(m.name, m.start, m.end, m.rule) for m in find_institutions(later, find_regions(later), ctx)]
    assert got == [("济南市历下区人民法院甸柳人民法庭", 0, 4, "inst.named:法庭")]


ANAPHORA_CASES = [
    (
        "荆州市中级人民法院受理此案。该院依法判决",
        [
            ("荆州市中级人民法院", 0, 9, "inst.head:中级人民法院"),
            ("荆州市中级人民法院", 14, 16, "inst.anaphor:该院"),
        ],
    ),
    (
        "荆州市沙市区人民法院岑河人民法庭化解纠纷。该庭还与司法所建立机制",
        [
            ("荆州市沙市区人民法院", 0, 10, "inst.head:人民法院"),
            ("荆州市沙市区人民法院岑河人民法庭", 0, 16, "inst.subunit:人民法庭"),
            ("荆州市沙市区人民法院岑河人民法庭", 21, 23, "inst.anaphor:该庭"),
        ],
    ),
    (  # 该院 is any body named …院, an arbitration institute too; not one named otherwise
        "深圳国际仲裁院受理此案。该院依法裁决",
        [("深圳国际仲裁院", 0, 7, "inst.head:国际仲裁院"), ("深圳国际仲裁院", 12, 14, "inst.anaphor:该院")],
    ),
    ("荆州市司法局受理此案。该院依法判决", [("荆州市司法局", 0, 6, "inst.head:司法局")]),
    # a unit named by its kind in full (该派出所, 该检察室, 该法庭) is the unit of that kind named last
    (
        "慈利县公安局城关派出所调解纠纷。该派出所还推行调解",
        [
            ("慈利县公安局", 0, 6, "inst.head:公安局"),
            ("慈利县公安局城关派出所", 0, 11, "inst.subunit:派出所"),
            ("慈利县公安局城关派出所", 16, 20, "inst.anaphor:该派出所"),
        ],
    ),
    (
        "慈利县人民检察院城关检察室成立。该检察室联合司法所建立机制",
        [
            ("慈利县人民检察院", 0, 8, "inst.head:人民检察院"),
            ("慈利县人民检察院城关检察室", 0, 13, "inst.subunit:检察室"),
            ("慈利县人民检察院城关检察室", 16, 20, "inst.anaphor:该检察室"),
        ],
    ),
    (
        "慈利县人民法院城关人民法庭成立。该法庭巡回审判",
        [
            ("慈利县人民法院", 0, 7, "inst.head:人民法院"),
            ("慈利县人民法院城关人民法庭", 0, 13, "inst.subunit:人民法庭"),
            ("慈利县人民法院城关人民法庭", 16, 19, "inst.anaphor:该法庭"),
        ],
    ),
    ("慈利县公安局调解纠纷。该派出所所长表示", [("慈利县公安局", 0, 6, "inst.head:公安局")]),  # no station named
    ("荆州市沙市区人民法院受理此案。该庭长表示", [("荆州市沙市区人民法院", 0, 10, "inst.head:人民法院")]),
    ("本院依法受理", []),  # no court named before: nothing to refer to
    ("荆州市公安局表示，该院长期", [("荆州市公安局", 0, 6, "inst.head:公安局")]),  # 院长 is no 该院
    (  # a bare 法庭 opening a clause is the tribunal named last
        "荆州市沙市区人民法院岑河人民法庭化解纠纷。副院长介绍，法庭还推行调解",
        [
            ("荆州市沙市区人民法院", 0, 10, "inst.head:人民法院"),
            ("荆州市沙市区人民法院岑河人民法庭", 0, 16, "inst.subunit:人民法庭"),
            ("荆州市沙市区人民法院岑河人民法庭", 27, 29, "inst.anaphor:法庭"),
        ],
    ),
    (  # inside a clause it is a word: 走上法庭, 法庭调查
        "荆州市沙市区人民法院岑河人民法庭化解纠纷。当事人走上法庭，法庭调查结束，法庭辩论阶段开始",
        [
            ("荆州市沙市区人民法院", 0, 10, "inst.head:人民法院"),
            ("荆州市沙市区人民法院岑河人民法庭", 0, 16, "inst.subunit:人民法庭"),
        ],
    ),
    (  # a bare 仲裁院 opening a clause is the arbitration institute named last (jieba: 仲裁 + 院)
        "荆州市劳动人事争议仲裁院化解纠纷。仲裁院对欠薪案件实行快审",
        [
            ("荆州市劳动人事争议仲裁院", 0, 12, "inst.head:劳动人事争议仲裁院"),
            ("荆州市劳动人事争议仲裁院", 17, 20, "inst.anaphor:仲裁院"),
        ],
    ),
    (  # …not inside a clause, nor before a noun of its own (仲裁院仲裁员), nor with none named before
        "荆州市劳动人事争议仲裁院化解纠纷。当事人向仲裁院申请，仲裁院仲裁员调解",
        [("荆州市劳动人事争议仲裁院", 0, 12, "inst.head:劳动人事争议仲裁院")],
    ),
    ("荆州市人民法院化解纠纷。仲裁院对欠薪案件实行快审", [("荆州市人民法院", 0, 7, "inst.head:人民法院")]),
    (  # 该局, 该所, 该处, 该中心: the bureau, station, office or centre named last, whatever its kind
        "荆州市司法局局长介绍，该局还建成队伍",
        [("荆州市司法局", 0, 6, "inst.head:司法局"), ("荆州市司法局", 11, 13, "inst.anaphor:该局")],
    ),
    (
        "荆州市公安局北关派出所民警介绍，该所还推行",
        [
            ("荆州市公安局", 0, 6, "inst.head:公安局"),
            ("荆州市公安局北关派出所", 0, 11, "inst.subunit:派出所"),
            ("荆州市公安局北关派出所", 16, 18, "inst.anaphor:该所"),
        ],
    ),
    (  # 该分局 is the branch bureau named before, and a station after it is the branch's
        "合肥市公安局包河分局推行改革。该分局滨湖派出所探索",
        [
            ("合肥市公安局", 0, 6, "inst.head:公安局"),
            ("合肥市公安局包河分局", 0, 10, "inst.subunit:分局"),
            ("合肥市公安局包河分局", 15, 18, "inst.anaphor:该分局"),
            ("合肥市公安局包河分局滨湖派出所", 15, 23, "inst.subunit:派出所"),
        ],
    ),
    (  # a committee or association likewise
        "荆州市律师协会召开会议，该协会推行",
        [("荆州市律师协会", 0, 7, "inst.head:律师协会"), ("荆州市律师协会", 12, 15, "inst.anaphor:该协会")],
    ),
    (  # 该会: any body whose name ends 会 (an arbitration commission, an association)
        "西安仲裁委员会受理案件，该会联合公证处推出",
        [("西安仲裁委员会", 0, 7, "inst.head:仲裁委员会"), ("西安仲裁委员会", 12, 14, "inst.anaphor:该会")],
    ),
    ("荆州市律师协会召开会议，该会议审议", [("荆州市律师协会", 0, 7, "inst.head:律师协会")]),  # 该会议 is the meeting
    ("荆州市律师协会召开会议，该会长表示", [("荆州市律师协会", 0, 7, "inst.head:律师协会")]),  # its president
    ("荆州市司法局表示，该会将于明年召开", [("荆州市司法局", 0, 6, "inst.head:司法局")]),  # no 会 named before
    (  # a prison, a police detachment or brigade named before
        "湖南省赤山监狱召开会议，该监狱建立制度",
        [("湖南省赤山监狱", 0, 7, "inst.named:监狱"), ("湖南省赤山监狱", 12, 15, "inst.anaphor:该监狱")],
    ),
    (
        "无锡市公安局交通警察支队开展行动，该支队查处违法",
        [
            ("无锡市公安局", 0, 6, "inst.head:公安局"),
            ("无锡市公安局交通警察支队", 0, 12, "inst.subunit:交通警察支队"),
            ("无锡市公安局交通警察支队", 17, 20, "inst.anaphor:该支队"),
        ],
    ),
    ("江阴市公安局召开会议，该大队长表示", [("江阴市公安局", 0, 6, "inst.head:公安局")]),  # a person's title
    ("该监狱长期关押", []),  # no prison named before
    ("荆州市司法局表示，该委员会主任说", [("荆州市司法局", 0, 6, "inst.head:司法局")]),  # no committee named before
    ("荆州市司法局表示，该所长期", [("荆州市司法局", 0, 6, "inst.head:司法局")]),  # 所长 is no 该所
    ("荆州市公证处受理申请，该处房屋已过户", [("荆州市公证处", 0, 6, "inst.head:公证处")]),  # 该处 is a place
    ("该局还建成队伍", []),  # no bureau named before
    (  # a numbered intermediate court named before, by its number alone (北京一中院…。一中院还…)
        "北京一中院推动执行。一中院还建立制度",
        [
            ("北京市第一中级人民法院", 0, 5, "inst.head:一中院"),
            ("北京市第一中级人民法院", 10, 13, "inst.anaphor:一中院"),
        ],
    ),
    ("北京一中院推动执行。二中院还建立制度", [("北京市第一中级人民法院", 0, 5, "inst.head:一中院")]),  # another number
]


@pytest.mark.parametrize("text, expected", ANAPHORA_CASES)
def test_anaphora_name_the_court_named_before(text, expected):
    ctx = Context()
    got = []
    for part in text.split("。"):
        offset = text.index(part)
        got += [
            (m.name, m.start + offset, m.end + offset, m.rule) for m in find_institutions(part, find_regions(part), ctx)
        ]
    assert got == expected


def test_a_district_bureau_is_the_city_bureaus_branch_the_document_names():
    # 深圳宝安公安 (a headline's short form) and 深圳市公安局宝安分局 are one body
    text = "深圳宝安公安推进社区警务\n　　深圳市公安局宝安分局深化改革。\n"
    x = to_json(process(Source(name="t.txt", path="t.txt", text=text, encoding="utf-8")))
    assert [i["name"] for i in x["institutions"]] == ["深圳市公安局宝安分局"]
    # with no branch named, the district's bureau stays
    text = "　　广东省深圳市宝安区公安局推进社区警务。\n"
    x = to_json(process(Source(name="t.txt", path="t.txt", text=text, encoding="utf-8")))
    assert [i["name"] for i in x["institutions"]] == ["深圳市宝安区公安局"]


def test_a_full_time_member_of_a_committee_is_a_title():
    text = "荆州市人民检察院检察委员会专职委员介绍"
    ms = find_institutions(text, find_regions(text), Context())
    assert [(m.name, m.title_only) for m in ms if not m.prefix_only] == [("荆州市人民检察院检察委员会", True)]


def test_a_body_named_only_as_the_front_of_a_longer_name_is_not_listed():
    # 荆州市工商联商会 is the front of 荆州市工商联商会调解中心, not a body the text names
    text = "　　荆州市工商联商会调解中心调解纠纷120件。\n"
    x = to_json(process(Source(name="t.txt", path="t.txt", text=text, encoding="utf-8")))
    assert [i["name"] for i in x["institutions"]] == ["荆州市工商联商会调解中心"]


def test_a_department_whose_name_holds_a_shorter_departments_name():
    # 体育局 inside 文化广电旅游体育局, after 区 meaning the article's district
    text = "　　成都市郫都区人民检察院与区文化广电旅游体育局会签意见。\n"
    x = to_json(process(Source(name="t.txt", path="t.txt", text=text, encoding="utf-8")))
    assert [i["name"] for i in x["institutions"]] == ["成都市郫都区人民检察院", "成都市郫都区文化广电旅游体育局"]


@pytest.mark.parametrize(
    "text, region",
    [("天津滨海高新区管委会推行诉源治理", "天津市"), ("洋浦经济开发区管委会推行诉源治理", None)],
)
def test_a_named_zones_body_has_the_region_written_before_it(text, region):
    (m,) = find_institutions(text, find_regions(text), Context())
    assert m.rule.startswith("inst.zone.named") and m.region_name == region


# a level word that opens an ordinary word (市民, 市场: stem_words.tsv role level_word) names no region:
# no 济南市 + 民服务热线办公室; 区 before a name still does (区清欠办)
@pytest.mark.parametrize(
    "text, expected",
    [
        ("济南市12345市民服务热线办公室推行接诉即办", []),
        ("区清欠办推行诉源治理", [("十堰市茅箭区清欠办", 0, 4, "inst.named:办")]),
    ],
)
def test_a_level_word_inside_a_word_names_no_region(text, expected):
    ctx = Context(regions=_article(["茅箭区"]))
    assert run(text, ctx) == expected


# a body named by a name of its own ({stem} in its template: 公证处) takes a district's short form as that
# name after its city, as the text writes it (SPEC v2: expand only the region); a district written in
# full stays so, and a court keeps the district's full name
@pytest.mark.parametrize(
    "text, expected",
    [
        ("温州市瓯海公证处推行公证调解", [("温州市瓯海公证处", 0, 8, "inst.head:公证处")]),
        ("温州市瓯海区公证处推行公证调解", [("温州市瓯海区公证处", 0, 9, "inst.head:公证处")]),
        ("温州市瓯海法院推行诉源治理", [("温州市瓯海区人民法院", 0, 7, "inst.head:法院")]),
    ],
)
def test_a_notary_office_keeps_the_districts_name_as_written(text, expected):
    assert run(text) == expected


# a province's departments are named 厅 (its cities' are 局)
PROVINCIAL_DEPARTMENTS = [
    ("记者从山东省审计厅获悉", [("山东省审计厅", 3, 9, "inst.head:审计厅")]),
    ("湖北省生态环境厅联合开展", [("湖北省生态环境厅", 0, 8, "inst.head:生态环境厅")]),
    ("广东省退役军人事务厅通报", [("广东省退役军人事务厅", 0, 10, "inst.head:退役军人事务厅")]),
    ("审计厅长介绍", []),  # no region: no body
]


@pytest.mark.parametrize("text, expected", PROVINCIAL_DEPARTMENTS)
def test_provincial_departments(text, expected):
    assert run(text) == expected


def test_intermediate_court_of_the_prefecture_not_of_the_county_level_city_named_last():
    # 市中院 after 津市市 (a county-level city of 常德市): the prefecture's court; 市法院 stays the city's
    named = [_division("常德市"), _division("津市市")]
    assert run("委员会建议，市中院要加强协作", regions=list(named)) == [
        ("常德市中级人民法院", 6, 9, "inst.relative:中院")
    ]
    assert run("委员会建议，市法院要加强协作", regions=list(named)) == [("津市市人民法院", 6, 9, "inst.relative:法院")]


def test_level_word_after_an_aspect_particle():
    # jieba glues 了市 into one word; 市 still opens the body's name
    assert run("会议审议了市中级人民法院的报告", regions=[_division("常德市")]) == [
        ("常德市中级人民法院", 5, 12, "inst.relative:中级人民法院")
    ]
