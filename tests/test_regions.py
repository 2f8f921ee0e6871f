"""Region rules as tables (exact offsets, rule ids, negatives), the table of former divisions
(data/region_changes.tsv) and how the graph links a former division to the current one."""

import csv
from pathlib import Path

import pytest

from extract_helpers import doc
from govgraph.extract.regions import find_regions
from govgraph.lexicon import former_divisions, gazetteer
from govgraph.pipeline import process
from govgraph.reader import Source
from govgraph.triples import doc_triples

CHANGES = Path(__file__).resolve().parents[1] / "src" / "govgraph" / "data" / "region_changes.tsv"


# ------------------------------------------------------------------ mentions and rule ids

RULE_CASES = [
    # text, [(surface, start, end, name, rule)]; name: the first candidate's, or the local name
    ("湖南省长沙市人民法院", [("湖南省", 0, 3, "湖南省", "region.full"), ("长沙市", 3, 6, "长沙市", "region.full")]),
    ("在湖南长沙召开", [("湖南", 1, 3, "湖南省", "region.short"), ("长沙", 3, 5, "长沙市", "region.short")]),
    ("湖北某银行起诉", [("湖北", 0, 2, "湖北省", "region.short")]),  # inside an organisation's name
    ("苏州工业园区法院", [("苏州", 0, 2, "苏州市", "region.short")]),  # a word that starts with the name
    # a district whose short form is also a common noun, before a head (鼓楼法院); not elsewhere (鼓楼广场)
    ("鼓楼法院与南京中院会签", [("鼓楼", 0, 2, "鼓楼区", "region.short"), ("南京", 5, 7, "南京市", "region.short")]),
    ("游客来到鼓楼广场参观", []),
    # 住房和城乡 is the start of a body's head, not a township 住房和城 + 乡
    ("荆州市住房和城乡建设局", [("荆州市", 0, 3, "荆州市", "region.full")]),
    (  # Inner Mongolia's townships and villages: 苏木, 嘎查
        "鄂托克旗阿尔巴斯苏木乌兰嘎查",
        [
            ("鄂托克旗", 0, 4, "鄂托克旗", "region.full"),
            ("阿尔巴斯苏木", 4, 10, "阿尔巴斯苏木", "region.local"),
            ("乌兰嘎查", 10, 14, "乌兰嘎查", "region.local"),
        ],
    ),
    ("黄南州委政法委", [("黄南州", 0, 3, "黄南藏族自治州", "region.short")]),  # cut 黄南|州委
    # a full name whose start jieba reads as the end of another word is none (闽西|山区: no 西山区)
    ("地处闽西山区的福建省", [("福建省", 7, 10, "福建省", "region.full")]),
    # a determiner makes no township's name (兰州新区各街道: the townships of a place)
    ("与兰州新区各街道、社区网格员联系", [("兰州", 1, 3, "兰州市", "region.short")]),
    ("德保县那甲镇人民政府", [("德保县", 0, 3, "德保县", "region.full"), ("那甲镇", 3, 6, "那甲镇", "region.local")]),
    ("昆明市西山区人民法院", [("昆明市", 0, 3, "昆明市", "region.full"), ("西山区", 3, 6, "西山区", "region.full")]),
    (
        "河南省某县城关镇李庄行政村",
        # 某县 names no county, so nothing chains after it; 城关镇 is a place-name word
        [("河南省", 0, 3, "河南省", "region.full"), ("城关镇", 5, 8, "城关镇", "region.local.word")],
    ),
    (
        "安徽省太和县城关镇李庄行政村",
        [
            ("安徽省", 0, 3, "安徽省", "region.full"),
            ("太和县", 3, 6, "太和县", "region.full"),
            ("城关镇", 6, 9, "城关镇", "region.local"),
            ("李庄行政村", 9, 14, "李庄村", "region.local"),  # the official name drops 行政
        ],
    ),
    # a short form inside a township chained to a county is not a name (孝丰镇江家村: no 镇江)
    (
        "浙江省安吉县孝丰镇江家村",
        [
            ("浙江省", 0, 3, "浙江省", "region.full"),
            ("安吉县", 3, 6, "安吉县", "region.full"),
            ("孝丰镇", 6, 9, "孝丰镇", "region.local"),
            ("江家村", 9, 12, "江家村", "region.local"),
        ],
    ),
    # a township standing alone, before a body of its own
    ("今天，新华镇派出所民警走访", [("新华镇", 3, 6, "新华镇", "region.local+head")]),
    ("来到滨河街道办事处", [("滨河街道", 2, 6, "滨河街道", "region.local+head")]),
    # a township that jieba reads as one place-name word
    ("他住在同里镇", [("同里镇", 3, 6, "同里镇", "region.local.word")]),
    ("前往南浔镇调研", [("南浔镇", 2, 5, "南浔镇", "region.local.word")]),
    # county short forms listed with a sibling of the same parent
    (
        "石首、江陵、监利等地",
        [
            ("石首", 0, 2, "石首市", "region.short.list"),
            ("江陵", 3, 5, "江陵县", "region.short.list"),
            ("监利", 6, 8, "监利市", "region.short.list"),
        ],
    ),
    # …or with a city of the same province as the county's city (张家港 is of 苏州, a sibling of 南通)
    (
        "在连云港、南通、张家港设立法庭",
        [
            ("连云港", 1, 4, "连云港市", "region.short"),
            ("南通", 5, 7, "南通市", "region.short"),
            ("张家港", 8, 11, "张家港市", "region.short.list"),
        ],
    ),
    ("在北京、上海、东城设立", [("北京", 1, 3, "北京市", "region.short"), ("上海", 4, 6, "上海市", "region.short")]),
    # former divisions: their own name
    ("海门市人民法院审结", [("海门市", 0, 3, "海门市", "region.full")]),
    # 城区 counts right after its city; which 城区 (大同's former one) is chosen in context
    (
        "山西省大同市城区人民法院",
        [
            ("山西省", 0, 3, "山西省", "region.full"),
            ("大同市", 3, 6, "大同市", "region.full"),
            ("城区", 6, 8, "城区", "region.full"),
        ],
    ),
    # a two-character county that jieba reads as a word of its own (莘县、高唐县检察院)
    (
        "莘县、高唐县检察院联合",
        [("莘县", 0, 2, "莘县", "region.full"), ("高唐县", 3, 6, "高唐县", "region.full")],
    ),
]
RULE_CASES += [
    # after a division, a verb before a word the suffix opens (乡村, 乡镇) names no township
    ("德清县统筹乡村振兴", [("德清县", 0, 3, "德清县", "region.full")]),
    ("德清县深化乡镇综合行政执法改革", [("德清县", 0, 3, "德清县", "region.full")]),
    # …but a township's suffix may stand before such a word (溪龙乡|村民, 东升乡|乡村振兴)
    ("安吉县溪龙乡村民", [("安吉县", 0, 3, "安吉县", "region.full"), ("溪龙乡", 3, 6, "溪龙乡", "region.local")]),
    ("安吉县东升乡乡村振兴", [("安吉县", 0, 3, "安吉县", "region.full"), ("东升乡", 3, 6, "东升乡", "region.local")]),
    ("德清县莫干山镇乡贤", [("德清县", 0, 3, "德清县", "region.full"), ("莫干山镇", 3, 7, "莫干山镇", "region.local")]),
    ("尖扎县能科乡党委书记", [("尖扎县", 0, 3, "尖扎县", "region.full"), ("能科乡", 3, 6, "能科乡", "region.local")]),
]


@pytest.mark.parametrize("text, expected", RULE_CASES)
def test_region_rules(text, expected):
    got = [(m.surface, m.start, m.end, m.name or m.candidates[0].name, m.rule) for m in find_regions(text)]
    assert got == expected


LISTED_TOWNSHIPS = [
    # text, the townships found; a name with the same suffix beside a found township, across a 、
    ("温岭市松门镇、箬横镇建立基地", [("松门镇", 3, 6, "region.local"), ("箬横镇", 7, 10, "region.local.list")]),
    ("温岭市松门镇、大石桥镇", [("松门镇", 3, 6, "region.local"), ("大石桥镇", 7, 11, "region.local.list")]),
    # a township in the middle of a list vouches for the names on both sides (the second pair here)
    (
        "，乌峰街道、南台街道、旧府街道等",
        [
            ("乌峰街道", 1, 5, "region.local.pair"),
            ("南台街道", 6, 10, "region.local.word"),
            ("旧府街道", 11, 15, "region.local.pair"),
        ],
    ),
    # negatives: generic words beside a township
    ("温岭市松门镇、城镇居民", [("松门镇", 3, 6, "region.local")]),
    ("温岭市松门镇、全镇干部", [("松门镇", 3, 6, "region.local")]),
    # 街道 after a word jieba reads as a place name (a street of a city is no township)
    ("法院在陵阳街道设立驿站", [("陵阳街道", 3, 7, "region.local.word")]),
    ("清扫城市街道上的积雪", []),
    ("保持整洁的街道", []),
    # right after a division a name may hold 城 or 山; generic stems never make one
    ("遵义市红花岗区老城街道居民", [("老城街道", 7, 11, "region.local")]),
    ("红花岗区山区乡镇", []),
    ("红花岗区城市社区", []),
    # a verb of setting up starts no village: what follows is set up in the place named before
    ("攀枝花市东区设立社区服务站", []),
    ("在炳草岗街道建立社区矫正工作站", [("炳草岗街道", 1, 6, "region.local.word")]),
    # only a village stands in a township: a joining verb after one starts no second township
    ("东莞市长安镇联合镇派出所开展巡逻", [("长安镇", 3, 6, "region.local")]),
    ("东莞市长安镇联合村村民", [("长安镇", 3, 6, "region.local"), ("联合村", 6, 9, "region.local")]),
    # a village's name holds no second 村 when a word of the village follows (越丰村村民: its villagers)
    ("桐乡市高桥街道越丰村村民", [("高桥街道", 3, 7, "region.local"), ("越丰村", 7, 10, "region.local")]),
    ("桐乡市乌镇镇陈庄村", [("乌镇镇", 3, 6, "region.local"), ("陈庄村", 6, 9, "region.local")]),
    ("遵义市红花岗区老城街道新华社区居民", [("老城街道", 7, 11, "region.local"), ("新华社区", 11, 15, "region.local")]),
    # a township right after a preposition of place, before a clause mark or a verb (jieba need not know it)
    (
        "该处在狮山镇、大沥镇设立服务点",
        [("狮山镇", 3, 6, "region.local.after-place"), ("大沥镇", 7, 10, "region.local.list")],
    ),
    ("法院在昭君镇建设基地", [("昭君镇", 3, 6, "region.local.after-place")]),
    ("在吉里于孜镇，调解员入户", [("吉里于孜镇", 1, 6, "region.local.after-place")]),
    (  # after a division, a preposition starts no chained township (在笔架山街道 is no name)
        "蜀山区在笔架山街道试点",
        [("笔架山街道", 4, 9, "region.local.after-place")],
    ),
    (  # a village of the township may follow it (jieba reads 大埔 as a place and 镇 apart)
        "在大埔镇龙美村，法律顾问驻村",
        [("大埔镇", 1, 4, "region.local.word"), ("龙美村", 4, 7, "region.local.word")],
    ),
    (  # …and after a preposition a township jieba does not know
        "在桂溪镇龙美村，法律顾问驻村",
        [("桂溪镇", 1, 4, "region.local.after-place"), ("龙美村", 4, 7, "region.local.word")],
    ),
    ("桐乡市乌镇镇深化自治", [("乌镇镇", 3, 6, "region.local")]),  # the name holds its suffix's character
    ("赴三里庵街道调研", [("三里庵街道", 1, 6, "region.local.after-place")]),
    ("与西乡街道综治中心共建", [("西乡街道", 1, 5, "region.local+head")]),  # not 西乡 cut at 乡
    ("来到辖区古城镇，联合村干部", [("古城镇", 4, 7, "region.local.word")]),  # 辖区 is no part of the name
    # a township opening a clause before a body of its own, though jieba does not know the name
    ("。临洺关镇司法所推行", [("临洺关镇", 1, 5, "region.local+head")]),
    ("八廓街道司法所所长介绍", [("八廓街道", 0, 4, "region.local+head")]),
    ("东山街道人民调解委员会调解", [("东山街道", 0, 4, "region.local+head")]),  # jieba's place name may hold 山
    # …whose transcribed name jieba cuts (札|萨克, 纳林|陶亥镇): the names before its tail up to the clause's start
    ("破案112起，札萨克镇派出所破案58起", [("札萨克镇", 7, 11, "region.local+head")]),
    ("，纳林陶亥镇派出所破案", [("纳林陶亥镇", 1, 6, "region.local+head")]),
    ("，推动东山街道司法所", [("东山街道", 3, 7, "region.local+head")]),  # a verb is no part of the name
    # a name of four characters when jieba knows the place (巴彦浩特镇), before a body or standing alone
    ("。巴彦浩特镇人民法庭审结", [("巴彦浩特镇", 1, 6, "region.local+head")]),
    ("巴彦浩特镇、", [("巴彦浩特镇", 0, 5, "region.local.word")]),
    ("，全面推进乡镇司法所", []),
    # a township with a village of it right after, opening a clause: the pair vouches for both names
    (
        "温泉镇汪畈村、天堂镇天悦社区分别建立",
        [
            ("温泉镇", 0, 3, "region.local.pair"),
            ("汪畈村", 3, 6, "region.local.village"),
            ("天堂镇", 7, 10, "region.local.pair"),
            ("天悦社区", 10, 14, "region.local.village"),
        ],
    ),
    # villages listed after a preposition of place, three of them: each pair vouches for both names
    (
        "在古定村、新圩村、长坪村试行",
        [
            ("古定村", 1, 4, "region.local.pair"),
            ("新圩村", 5, 8, "region.local.pair"),
            ("长坪村", 9, 12, "region.local.pair"),
        ],
    ),
    ("现在乡村、城镇同步推进", []),  # 在 in 现在; generic words
    ("，特色小镇美丽乡村", []),  # a generic phrase (小镇, 乡村)
    ("，全镇各村开展", []),
    # …or before a quoted name of its own (新丰镇“共享法庭”), opening a clause
    ("其中，新丰镇“共享法庭”调解纠纷", [("新丰镇", 3, 6, "region.local+head")]),
    ("，城镇“两违”整治", []),
    ("，各街道“红色物业”", []),
    ("所在乡镇司法所", []),
    ("辖区街道司法所", []),
    ("，乡镇派出所", []),
    # …and a village or community before a committee of its own
    ("。背洋村村委会建立积分制", [("背洋村", 1, 4, "region.local+head")]),
    ("东湖社区居委会组织调解", [("东湖社区", 0, 4, "region.local+head")]),
    ("，各村村委会开展调解", []),
    ("，该村村委会开展调解", []),
    ("，农村社区居委会开展调解", []),
    # negatives: generic or time words before the suffix, a longer word after it
    ("在试点街道开展", []),
    ("在基层街道、在偏远乡镇推行", []),
    ("在重点乡镇设立", []),
    ("在全县各乡镇推开", []),
    ("在特色小镇建设中", []),
    ("现在已是乡舍民居", []),
]


@pytest.mark.parametrize("text, expected", LISTED_TOWNSHIPS)
def test_a_township_listed_beside_a_found_one(text, expected):
    got = [(m.surface, m.start, m.end, m.rule) for m in find_regions(text) if m.local_level]
    assert got == expected


REGION_NEGATIVES = [
    "和谐画卷正在天山南北徐徐展开",  # 山南 inside 天山南北 (jieba word)
    "新华网福州8月19日电",  # a dateline names no region
    "本报北京4月7日讯",
    "央广网北京10月21日消息",
    "县法院和县林业局联合开展",  # 和 + 县林业局, not 和县
    "县法院会同县林业局开展巡查",  # the verb 会同 + 县林业局, not 会同县
    "探索建立协作机制，会同县自然资源局补植复绿",
    "充沛县域经济活力",  # 沛县 inside 充沛|县域
    "位于某村的房产",  # an anonymised village
    "乡镇派出所和街道办事处",  # generic words, no township's name
    "基层街道办事处和当地镇政府",
    "这个镇派出所的民警",
    "推进城中村改造，打造江南水乡和特色小镇",  # common nouns, no township's name
    "派出所与缅方村寨建立联络机制",  # 村寨 is a word: no village 缅方村
    "建设美丽乡村，回到家乡",
    "坚持和平、发展",  # county short forms (和平区) in a list, but no siblings
    "公安、检察、法院协同",
    "江陵开展活动",  # a county's short form alone, with no institution head after it
    "建立“一中心四平台一网格”基层治理体系",  # 四平 across jieba's 四|平台
    "深入苏木嘎查开展巡回审判",  # the kinds of division, no names
    "北京路派出所民警",  # a street named after a city, not the city
    "截至8月底，全州法院共聘请调解员",  # 全州 is the whole prefecture, not 全州县
]


@pytest.mark.parametrize("text", REGION_NEGATIVES)
def test_region_negatives(text):
    assert find_regions(text) == []


def test_conjunction_county_after_its_parent_is_a_name():
    got = [(m.surface, m.start, m.end) for m in find_regions("安徽省马鞍山市和县人民法院")]
    assert got == [("安徽省", 0, 3), ("马鞍山市", 3, 7), ("和县", 7, 9)]


@pytest.mark.parametrize(
    "text, expected",
    [
        ("湖南省怀化市会同县人民法院", [("湖南省", 0, 3), ("怀化市", 3, 6), ("会同县", 6, 9)]),
        ("会同县人民法院推行巡回审判", [("会同县", 0, 3)]),  # at the clause's start: the county
        ("芷江县、会同县人民法院", [("芷江县", 0, 3), ("会同县", 4, 7)]),  # in a list
    ],
)
def test_county_named_by_a_joint_verb_is_a_name_where_no_verb_fits(text, expected):
    assert [(m.surface, m.start, m.end) for m in find_regions(text)] == expected


# ------------------------------------------------------------------ documents


def test_county_bodies_after_joint_verb_belong_to_the_county_in_context():
    x = doc("霍山县人民检察院探索建立协作机制，会同县林业局、县自然资源局开展补植复绿。\n")
    assert [r["name"] for r in x["regions"]] == ["霍山县"]
    assert [i["name"] for i in x["institutions"]] == ["霍山县人民检察院", "霍山县林业局", "霍山县自然资源局"]


def test_former_division_keeps_its_name_code_and_rule():
    x = doc("　　江苏省南通市海门市人民法院审结一起案件。\n")
    regions = {r["name"]: r for r in x["regions"]}
    assert regions["海门市"]["code"] == "320684"
    assert regions["海门市"]["level"] == "county"
    assert regions["海门市"]["parent"] == "南通市"
    assert [e["rule"] for e in regions["海门市"]["evidence"]] == ["region.historic"]
    assert "南通市海门区" not in regions and "海门区" not in regions


def test_former_two_character_district_after_its_former_city():
    x = doc("　　山西省大同市城区人民法院开展诉源治理。\n")
    codes = {r["name"]: r["code"] for r in x["regions"]}
    assert codes["城区"] == "140202"  # 大同's former 城区, not 阳泉's current 140302


def test_parent_is_the_nearest_ancestor_the_text_names():
    x = doc("　　新疆巩留县法院开展诉源治理。\n")
    parents = {r["name"]: r["parent"] for r in x["regions"]}
    assert parents == {"新疆维吾尔自治区": None, "巩留县": "新疆维吾尔自治区"}  # 伊犁州 is not named
    x = doc("　　巩留县人民法院开展诉源治理。\n")
    assert [(r["name"], r["parent"]) for r in x["regions"]] == [("巩留县", None)]


def test_township_named_before_its_body_is_known_later_in_the_document():
    x = doc("　　新华镇派出所民警走访。\n　　新华镇今年成立了调解室。\n")
    r = [r for r in x["regions"] if r["name"] == "新华镇"][0]
    assert [e["rule"] for e in r["evidence"]] == ["region.local+head", "region.local.known"]


def test_a_townships_name_before_a_station_is_the_township_not_a_city_of_that_name():
    # 玉林派出所 after 玉林街道 (in the sentence or before it) is the township's, not 玉林市's
    assert [r.surface for r in find_regions("玉林街道综治中心联合玉林派出所建立机制")] == ["玉林街道"]
    assert [r.surface for r in find_regions("玉林派出所民警介绍", {"玉林街道": "township"})] == []
    assert [r.surface for r in find_regions("玉林派出所民警介绍")] == ["玉林"]  # no township named: the city


def test_graph_links_a_former_division_to_the_current_one():
    x = process(Source(name="t.txt", path="t.txt", text="　　淮阳县公安局开展反诈宣传。\n", encoding="utf-8"))
    lines = doc_triples(x).plain + [ln for block in doc_triples(x).keyed.values() for ln in block]
    old, new = "<https://w3id.org/govgraph/id/region/411626>", "<https://w3id.org/govgraph/id/region/411603>"
    assert f"{old} <http://purl.org/dc/terms/isReplacedBy> {new}" in lines
    # the current division is described too, so the link points at a labelled node
    assert any(ln.startswith(f"{new} <http://www.w3.org/2000/01/rdf-schema#label> ") for ln in lines)


# ------------------------------------------------------------------ the change table

CHANGE_CASES = [
    # old code, old name, level, successor code, successor name, date
    ("320684", "海门市", "county", "320614", "海门区", "2020-06-05"),
    ("411626", "淮阳县", "county", "411603", "淮阳区", "2019-06-27"),
    ("340225", "无为县", "county", "340281", "无为市", "2019-11-20"),
    ("140211", "南郊区", "county", "140214", "云冈区", "2018-02-09"),  # jionlp writes 云岗区
    ("371200", "莱芜市", "prefecture", "370100", "济南市", ""),
]


@pytest.mark.parametrize("old_code, old_name, level, new_code, new_name, date", CHANGE_CASES)
def test_change_table_rows(old_code, old_name, level, new_code, new_name, date):
    d = {f.code: f for f in former_divisions()}[old_code]
    assert (d.name, d.level, d.replaced_by, d.changed) == (old_name, level, new_code, date)
    assert gazetteer().by_code[new_code].name == new_name


def test_change_table_is_consistent_with_the_gazetteer():
    gaz = gazetteer()
    with CHANGES.open(encoding="utf-8", newline="") as fh:
        rows = list(csv.DictReader(fh, delimiter="\t"))
    assert len(rows) == len(former_divisions()) > 100
    assert [r["old_code"] for r in rows] == sorted({r["old_code"] for r in rows})
    for f in former_divisions():
        assert f.replaced_by in gaz.by_code and gaz.by_code[f.replaced_by].replaced_by is None
        assert f.parent_code in gaz.by_code  # current, or itself a former division (莱城区 → 莱芜市)
        assert f.short_names == ()  # 海门 and 淮阳 stay the current divisions'
        assert f.name in gaz.by_name
    # a short form still means the current division
    assert [d.code for d in gaz.by_name["海门"]] == ["320614"]


@pytest.mark.parametrize(
    "text, parent",
    [
        ("　　浙江省宁海县人民法院法官来到新华镇派出所。\n", "宁海县"),  # the county named last before it
        ("　　新华镇派出所民警走访。宁海县公安局表示欢迎。\n", "宁海县"),  # else the first in the article
        ("　　新华镇派出所民警走访。\n", None),
    ],
)
def test_standalone_township_parent_is_the_articles_county(text, parent):
    x = doc(text)
    assert {r["name"]: r["parent"] for r in x["regions"]}["新华镇"] == parent


def test_a_village_right_after_a_township_known_from_before():
    found = find_regions("在乌镇镇陈庄村，村里成立了议事会", {"乌镇镇": "township"})
    assert [(m.surface, m.rule) for m in found] == [
        ("乌镇镇", "region.local.known"),
        ("陈庄村", "region.local.village"),
    ]
    assert found[1].local_parent is found[0]


KNOWN_OVER_PATTERN = [
    # a township named before wins over a shorter one a pattern reads inside it (太|平溪镇党委)
    ("近年来，太平溪镇党委、镇政府指导各村", {"太平溪镇": "township"}, [("太平溪镇", 4, 8, "region.local.known")]),
    ("太平溪镇司法所指导", {"太平溪镇": "township"}, [("太平溪镇", 0, 4, "region.local.known")]),
    # negative: without it the pattern's reading stands
    ("近年来，太平溪镇党委、镇政府指导各村", {}, [("平溪镇", 5, 8, "region.local+head")]),
]


@pytest.mark.parametrize("text, known, expected", KNOWN_OVER_PATTERN)
def test_a_known_township_wins_over_a_shorter_one_inside_it(text, known, expected):
    assert [(m.surface, m.start, m.end, m.rule) for m in find_regions(text, known)] == expected


def test_a_name_several_divisions_share_is_the_one_whose_city_was_named_last():
    x = doc("　　福州市鼓楼区人民法院与鼓楼区司法局设立工作站。南京市鼓楼区人民法院也推出驿站。\n")
    assert [i["name"] for i in x["institutions"]] == [
        "福州市鼓楼区人民法院",
        "福州市鼓楼区司法局",
        "南京市鼓楼区人民法院",
    ]


@pytest.mark.parametrize(
    "text, township",
    [("大沥镇则创新开展“以案说法”进村活动。", "大沥镇"), ("今年以来，九江镇积极推行网格化管理。", "九江镇")],
)
def test_a_township_opening_a_clause_as_its_subject(text, township):
    assert [r.surface for r in find_regions(text, {}) if r.local_level == "township"] == [township]


@pytest.mark.parametrize("text", ["乡镇则负责具体落实。", "该镇还建立了台账。", "城镇则需要规划。", "各乡镇积极推行"])
def test_no_township_without_a_name(text):
    assert [r for r in find_regions(text, {}) if r.local_level] == []


WITHHELD_SHORT_CASES = [
    # text, [(region, start, end, rule)] of the county's mentions: 江北 (an ordinary word, withheld as a short
    # form) names 江北区 before a body's head once the document named 江北区 in full (of 宁波市, not 重庆市)
    (
        "宁波市江北区人民法院建立机制。今年，江北法院审结案件300件。",
        [("江北区", 3, 6, "region.full"), ("江北区", 18, 20, "region.short.named")],
    ),
    ("今年，江北法院审结案件300件。", []),  # not named in full: no county
    (
        "宁波市江北区人民法院建立机制。江北新区建设加快，江北人民安居乐业。",
        [("江北区", 3, 6, "region.full")],
    ),  # no head
]


@pytest.mark.parametrize("text, expected", WITHHELD_SHORT_CASES)
def test_a_withheld_short_form_names_the_county_the_document_named(text, expected):
    regions = doc(text)["regions"]
    got = [
        (r["name"], e["start"], e["end"], e["rule"]) for r in regions if r["name"] == "江北区" for e in r["evidence"]
    ]
    assert got == expected
