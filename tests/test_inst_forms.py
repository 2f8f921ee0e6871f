"""Institution names taken from what stands before them, joined bodies, new heads and anaphors:
tables of (text, [(canonical name, start, end, rule)]) with negatives. Sentences are invented."""

from __future__ import annotations

import pytest

from govgraph.extract.institutions import Context, find_institutions
from govgraph.extract.regions import find_regions
from govgraph.pipeline import process, to_json
from govgraph.reader import Source


def run(text: str) -> list[tuple[str, int, int, str]]:
    """The mentions that are listed (a body named only as the front of its unit's name is not)."""
    found = find_institutions(text, find_regions(text), Context())
    return [(m.name, m.start, m.end, m.rule) for m in found if not m.prefix_only]


CASES = [
    # a local office of a vertically managed national body keeps the body's name in front
    ("国家税务总局温州市税务局推出措施", [("国家税务总局温州市税务局", 0, 12, "inst.head:税务局")]),
    (
        "联合国家金融监督管理总局潍坊监管分局建设",
        [("国家金融监督管理总局潍坊监管分局", 2, 18, "inst.head:监管分局")],
    ),
    # … but not when the two are named apart
    (
        "国家税务总局发文，温州市税务局落实",
        [("国家税务总局", 0, 6, "inst.national:国家税务总局"), ("温州市税务局", 9, 15, "inst.head:税务局")],
    ),
    # a Youth League committee is no Party committee
    ("共青团玉溪市委共同参与", [("共青团玉溪市委员会", 0, 7, "inst.head:委")]),
    ("玉溪市委部署工作", [("中国共产党玉溪市委员会", 0, 4, "inst.head:委")]),
    # 会同 joins two bodies: the second is no unit of the first
    (
        "南昌市市场监督管理局会同南昌市消费者协会推行",
        [
            ("南昌市市场监督管理局", 0, 10, "inst.head:市场监督管理局"),
            ("南昌市消费者协会", 12, 20, "inst.head:消费者协会"),
        ],
    ),
    # a province and a city in short forms in a row: the city is the region of the name
    ("福建厦门鹭江公证处推出新模式", [("厦门市鹭江公证处", 0, 9, "inst.named:公证处")]),
    # new heads: numbered basic courts, railway procuratorates, ocean and fishery bureaus, the Yangtze shipping police
    ("广东省东莞市第一人民法院联合", [("东莞市第一人民法院", 0, 12, "inst.head:第一人民法院")]),
    ("该院与西安铁路运输检察院会签", [("西安铁路运输检察院", 3, 12, "inst.head:铁路运输检察院")]),
    ("联合舟山市海洋与渔业局开展", [("舟山市海洋与渔业局", 2, 11, "inst.head:海洋与渔业局")]),
    ("与长江航运公安局签订协议", [("长江航运公安局", 1, 8, "inst.national:长江航运公安局")]),
    ("会同省发展改革委部署", []),  # no province named: the region stays unknown, nothing is listed
    ("会同山东省发展改革委部署", [("山东省发展和改革委员会", 2, 10, "inst.head:发展改革委")]),
    ("联合南沙国际仲裁中心成立", [("南沙国际仲裁中心", 2, 10, "inst.head:国际仲裁中心")]),
    ("莆田市医学会负责鉴定", [("莆田市医学会", 0, 6, "inst.head:医学会")]),
    # a street named after a college is no college; listed companies and township stations name no body
    ("宜昌市公安局西陵区分局学院街派出所创新", [("宜昌市公安局西陵区分局学院街派出所", 0, 17, "inst.subunit:派出所")]),
    ("帮助7家上市公司化解风险", []),
    # a court's tribunals, none named (no name stands between the court and the head)
    ("丽水市莲都区人民法院人民法庭辖区案件下降", [("丽水市莲都区人民法院", 0, 10, "inst.head:人民法院")]),
    # national commercial banks under their short names, and their branches
    ("与兴业银行厦门分行合作", [("兴业银行厦门分行", 1, 9, "inst.subunit:分行")]),
    ("工商银行推出新举措", [("中国工商银行", 0, 4, "inst.national:工商银行")]),
    ("加快建设银行业金融机构", []),
    (
        "台州市人民检察院12309检察服务中心推行首接负责制",
        [("台州市人民检察院12309检察服务中心", 0, 19, "inst.subunit:12309检察服务中心")],
    ),
    ("由苏木派出所、嘎查警务室组成", []),
]


@pytest.mark.parametrize("text, expected", CASES)
def test_institution_forms(text, expected):
    assert run(text) == expected


# the associations of a region legal news names most take the region the text writes or means (区/市)
ASSOCIATIONS = [
    (
        "萧山区人民法院联合区消费者协会、区人民调解协会推行诉源治理。",
        ["杭州市萧山区人民法院", "杭州市萧山区消费者协会", "杭州市萧山区人民调解协会"],
    ),
    ("杭州市消协受理投诉。", ["杭州市消费者协会"]),
    ("中国保险行业协会发布报告。中消协发布报告。", ["中国保险行业协会", "中国消费者协会"]),
    # negatives: no region in sight
    ("消费者协会发布报告。", []),
    ("保险行业协会章程规定。", []),
]


# the special administrative regions keep their own legal systems: no 人民 in their courts' and
# procuratorate's names, and heads of their own (律政司, 廉政公署, 终审法院)
SAR_BODIES = [
    (
        "广东省高级人民法院与香港特别行政区律政司、澳门特别行政区检察院建立交流机制。",
        ["广东省高级人民法院", "香港特别行政区律政司", "澳门特别行政区检察院"],
    ),
    (
        "澳门终审法院与香港廉政公署开展交流，澳门中级法院参加。",
        ["澳门特别行政区终审法院", "香港特别行政区廉政公署", "澳门特别行政区中级法院"],
    ),
    # negatives: the mainland's courts keep 人民, and a head alone names no body
    ("深圳市中级人民法院与律政司开展交流。", ["深圳市中级人民法院"]),
]


@pytest.mark.parametrize("text, expected", SAR_BODIES)
def test_special_administrative_regions_bodies(text, expected):
    x = to_json(process(Source(name="t.txt", path="t.txt", text=text, encoding="utf-8")))
    assert [i["name"] for i in x["institutions"]] == expected


@pytest.mark.parametrize("text, expected", ASSOCIATIONS)
def test_regional_associations(text, expected):
    x = to_json(process(Source(name="t.txt", path="t.txt", text=text, encoding="utf-8")))
    assert [i["name"] for i in x["institutions"]] == expected


ANAPHORS = [
    # text, [(name, mentions)]
    (
        "苏州市吴中区人民法院召开发布会。\n我院创新提出“一案三查”审理方法。\n",
        [("苏州市吴中区人民法院", ["苏州市吴中区人民法院", "我院"])],
    ),
    (
        "广州仲裁委员会施行新规则。该委共受理仲裁案件3.9万件。\n",
        [("广州仲裁委员会", ["广州仲裁委员会", "该委"])],
    ),
    ("该委托书已送达。\n", []),  # 委托 is no committee
    (  # an anaphor stands for no body of its own clause, a 、 list's first member included
        "广州仲裁委员会施行新规则。广州市南沙区管委会、广州市黄埔区人民政府分别与该委签署协议。\n",
        [
            ("广州仲裁委员会", ["广州仲裁委员会", "该委"]),
            ("广州市南沙区管理委员会", ["广州市南沙区管委会"]),
            ("广州市黄埔区人民政府", ["广州市黄埔区人民政府"]),
        ],
    ),
    (
        "越秀区人民检察院推行检察听证。广州市人民检察院将该院做法在全市推广。\n",
        [
            ("广州市越秀区人民检察院", ["越秀区人民检察院", "该院"]),
            ("广州市人民检察院", ["广州市人民检察院"]),
        ],
    ),
    (  # … but a clause before it, in the same sentence, may name it
        "广州市人民检察院召开会议，该院还推行检察听证。\n",
        [("广州市人民检察院", ["广州市人民检察院", "该院"])],
    ),
    (  # a border inspection station: its short name and 该站 are the station named before
        "广西出入境边防检查总站东兴边境检查站推行刷脸通关。东兴边检站与东兴海关建立联合查缉机制。该站还推出新服务。\n",
        [
            ("广西出入境边防检查总站东兴边境检查站", ["广西出入境边防检查总站东兴边境检查站", "东兴边检站", "该站"]),
            ("东兴海关", ["东兴海关"]),
        ],
    ),
]


@pytest.mark.parametrize("text, expected", ANAPHORS)
def test_anaphors_name_the_body_named_before(text, expected):
    x = to_json(process(Source(name="t.txt", path="t.txt", text=text, encoding="utf-8")))
    # what stands for each body, in the order written: its names and the words that refer to it (evidence)
    assert [(i["name"], list(dict.fromkeys(e["quote"] for e in i["evidence"]))) for i in x["institutions"]] == expected
    # …of which only the names are its mentions (skos:altLabel): 该院, 我院 and 我们 are no names
    for i in x["institutions"]:
        assert not [m for m in i["mentions"] if m in ("该院", "该站", "我院", "本院", "我们")]
