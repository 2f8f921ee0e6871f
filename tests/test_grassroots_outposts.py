"""Rules found on invented work reports of grassroots outposts and their figures (market regulation
stations, legal service stations, offices posted in prisons, departments' branches, figures given out
to the bodies of the clauses before 分别), as tables: exact offsets and rule ids, and negatives."""

import pytest

from extract_helpers import doc


def institutions(text: str) -> list[tuple[str, int, int, str]]:
    return [(i["name"], e["start"], e["end"], e["rule"]) for i in doc(text)["institutions"] for e in i["evidence"]]


def figures(text: str) -> list[tuple[str, int, int, str, str | None, str]]:
    return [
        (q["text"], q["evidence"]["start"], q["evidence"]["end"], q["unit"], q["subject"], q["subject_rule"])
        for q in doc(text)["quantities"]
    ]


BUREAU = "上海市浦东新区市场监督管理局"
INSTITUTION_CASES = [
    # a body's head, then 与, opens another body's name; the station named in full before keeps that name
    (
        "融水县司法局安陲乡司法所调解纠纷。安陲乡司法所与乡派出所、乡人民法庭联合设立联调室。",
        [
            ("融水苗族自治县司法局", 0, 6, "inst.head:司法局"),
            ("融水苗族自治县司法局安陲乡司法所", 6, 12, "inst.station-of:司法所"),
            ("融水苗族自治县司法局安陲乡司法所", 17, 23, "inst.station-again:司法所"),
            ("融水苗族自治县安陲乡派出所", 24, 28, "inst.relative-township:派出所"),
        ],
    ),
    # a township's market regulation station is the county bureau's outpost, as a 司法所 is
    (
        BUREAU + "通报。张江市场监督管理所查办案件，陆家嘴市场监管所查办案件。",
        [
            (BUREAU, 0, 14, "inst.head:市场监督管理局"),
            (BUREAU + "张江市场监督管理所", 17, 26, "inst.station-of:市场监督管理所"),
            (BUREAU + "陆家嘴市场监管所", 31, 39, "inst.station-of:市场监管所"),
        ],
    ),
    # the legal service stations of townships, each after its township
    (
        "融水苗族自治县大浪镇公共法律服务工作站、香粉乡公共法律服务工作站接待群众。",
        [
            ("融水苗族自治县大浪镇公共法律服务工作站", 0, 19, "inst.head:公共法律服务工作站"),
            ("融水苗族自治县香粉乡公共法律服务工作站", 20, 32, "inst.head:公共法律服务工作站"),
        ],
    ),
    # a development zone's body keeps the city as written, as the zone's court does
    (
        "长沙经济技术开发区人民法院与长沙经济技术开发区管理委员会建立机制。",
        [
            ("长沙经济技术开发区人民法院", 0, 13, "inst.zone:人民法院"),
            ("长沙经济技术开发区管理委员会", 14, 28, "inst.named:委员会"),
        ],
    ),
    # 驻 as 派驻: the office a procuratorate posts in a prison, though the prison is a body of its own
    (
        "四川省人民检察院驻雷马屏监狱检察室发出检察建议。",
        [("四川省人民检察院驻雷马屏监狱检察室", 0, 17, "inst.posted:检察室")],
    ),
    # a government department has branches too
    (
        "北海海事法院与广西北部湾港口管理局钦州分局会签文件。",
        [
            ("北海海事法院", 0, 6, "inst.head:海事法院"),
            ("广西壮族自治区北部湾港口管理局钦州分局", 7, 21, "inst.subunit:分局"),
        ],
    ),
]
INSTITUTION_NEGATIVES = [
    # 与 between the words of one name, with no head before it
    ("福建省海洋与渔业厅开展执法。", [("福建省海洋与渔业厅", 0, 9, "inst.named:厅")]),
    # a court has no branch: 公安城阳分局 is the city police's
    (
        "青岛市城阳区人民法院联合公安城阳分局开展行动。",
        [
            ("青岛市城阳区人民法院", 0, 10, "inst.head:人民法院"),
            ("青岛市公安局城阳分局", 12, 18, "inst.district-unit:分局"),
        ],
    ),
    # every station of the bureau, none named
    ("上海市浦东新区市场监督管理局通报，各市场监管所共查办案件。", [(BUREAU, 0, 14, "inst.head:市场监督管理局")]),
]


@pytest.mark.parametrize("text, expected", INSTITUTION_CASES + INSTITUTION_NEGATIVES)
def test_grassroots_outposts_and_units(text, expected):
    assert institutions(text) == expected


STATIONS = BUREAU + "通报。其中，张江市场监督管理所查办案件214件，陆家嘴市场监督管理所查办案件96件，"
FIGURE_CASES = [
    # with no body listed before 分别, the clauses before it each open with the body of one figure
    (
        STATIONS + "罚没款分别为2430万元和815万元。",
        [
            ("214件", 33, 37, "case", BUREAU + "张江市场监督管理所", "subj.clause"),
            ("96件", 52, 55, "case", BUREAU + "陆家嘴市场监督管理所", "subj.clause"),
            ("2430万元", 62, 68, "CNY", BUREAU + "张江市场监督管理所", "subj.respective"),
            ("815万元", 69, 74, "CNY", BUREAU + "陆家嘴市场监督管理所", "subj.clause"),
        ],
    ),
    # a distance patrolled is work; how far a place lies is not
    (
        "该所民警巡逻累计行程1.2万公里，驱车行程30公里到达牧点。",
        [("1.2万公里", 10, 16, "other", None, "subj.article-region")],
    ),
    # the villages of a station's area are its size, not work
    ("该派出所辖区有3个边境行政村，今年化解纠纷47起。", [("47起", 21, 24, "case", None, "subj.article-region")]),
    # a rate before 的案件 is a share of the cases, not a threshold; a share of the tax is no work
    (
        "30%以上的案件在立案后20日内审结，民营企业创造了92%的税收。",
        [("30%", 0, 3, "percent", None, "subj.article-region"), ("20日内", 12, 16, "day", None, "subj.article-region")],
    ),
]
FIGURE_NEGATIVES = [
    # the clause of 分别 names a body: the figures are that body's, not the stations' one by one
    (
        STATIONS + BUREAU + "罚没款分别为2430万元和815万元。",
        ("2430万元", BUREAU, "subj.clause"),
    ),
]


@pytest.mark.parametrize("text, expected", FIGURE_CASES)
def test_outpost_figures(text, expected):
    assert figures(text) == expected


@pytest.mark.parametrize("text, expected", FIGURE_NEGATIVES)
def test_no_clause_owners_when_the_clause_names_a_body(text, expected):
    written, subject, rule = expected
    assert [(q[4], q[5]) for q in figures(text) if q[0] == written] == [(subject, rule)]
