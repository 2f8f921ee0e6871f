"""Rules found on invented work reports of grassroots outposts and their figures (market regulation
stations, legal service stations, offices posted in prisons, departments' branches, figures given out
to the bodies of the clauses before 分别), as tables: exact offsets and rule ids, and negatives."""

import pytest

from extract_helpers import doc, institutions


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
            # the station right after its bureau carries the bureau's name; the bureau is not referred to itself
            ("融水苗族自治县司法局安陲乡司法所", 0, 12, "inst.subunit:司法所"),
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
    # the article named two county-level bureaus: the station is the one its sentence names
    (
        "东胜区公安局推进警网融合。准格尔旗公安局推动12个派出所达标，其中薛家湾派出所被评为示范所。",
        [
            ("鄂尔多斯市东胜区公安局", 0, 6, "inst.head:公安局"),
            ("准格尔旗公安局", 13, 20, "inst.head:公安局"),
            ("准格尔旗公安局薛家湾派出所", 33, 39, "inst.station-of:派出所"),
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


# a clause that names nothing counted (办结, 分别为) counts what the clause before it names
ITEMS_CARRIED = [
    (
        "累计受理群众诉求28.6万件，办结28.1万件。两个部门受理诉求最多，分别为3.2万件和2.7万件。",
        [
            ("28.6万件", 8, 14, "item", None, "subj.article-region"),
            ("28.1万件", 17, 23, "item", None, "subj.article-region"),
            ("3.2万件", 38, 43, "item", None, "subj.article-region"),
            ("2.7万件", 44, 49, "item", None, "subj.article-region"),
        ],
    ),
    # cases stay cases
    (
        "受理案件120件，办结115件。",
        [("120件", 4, 8, "case", None, "subj.article-region"), ("115件", 11, 15, "case", None, "subj.article-region")],
    ),
    # 全县 after a unit of the county's bureau is the bureau's area; a township's station has its own
    (
        "兰陵县公安局刑事侦查大队破获案件63起。全县共出动警力1.2万人次。",
        [
            ("63起", 16, 19, "case", "兰陵县公安局刑事侦查大队", "subj.clause"),
            ("1.2万人次", 27, 33, "person_time", "兰陵县公安局", "subj.jurisdiction"),
        ],
    ),
    (
        "杨河镇派出所化解纠纷30起。全镇共出动警力300人次。",
        [
            ("30起", 10, 13, "case", "杨河镇派出所", "subj.clause"),
            ("300人次", 21, 26, "person_time", "杨河镇派出所", "subj.carried"),
        ],
    ),
    # the townships a tribunal's area reaches (辐射) are its size, not work
    (
        "金牛人民法庭辐射金牛镇、州城镇等3个乡镇，今年受理案件1287件。",
        [("1287件", 27, 32, "case", "金牛人民法庭", "subj.clause")],
    ),
]


@pytest.mark.parametrize("text, expected", ITEMS_CARRIED)
def test_items_and_areas_carried(text, expected):
    assert figures(text) == expected


def test_joining_verb_opens_no_township():
    """，联合镇综治中心: 联合 joins the township's centre to the body before; 联合镇 is no township here."""
    text = "宾川县人民法院金牛人民法庭在金牛镇设立诉讼服务站2个，联合镇综治中心诉前化解纠纷395件。"
    assert institutions(text) == [
        ("宾川县人民法院金牛人民法庭", 0, 13, "inst.subunit:人民法庭"),
        ("宾川县金牛镇社会治安综合治理中心", 29, 34, "inst.relative-township:综治中心"),
    ]
    assert [r["name"] for r in doc(text)["regions"]] == ["宾川县", "金牛镇"]


MORE_BODIES = [
    # the Supreme People's Court's numbered circuit tribunals, named again by their number
    (
        "最高人民法院第六巡回法庭日前在西安召开新闻通气会。今年以来，第六巡回法庭共受理案件。",
        [
            ("最高人民法院第六巡回法庭", 0, 12, "inst.subunit:巡回法庭"),
            ("最高人民法院第六巡回法庭", 30, 36, "inst.unit-again:巡回法庭"),
        ],
    ),
    # a street's discipline inspection working committee
    (
        "成都市双流区黄甲街道纪工委开展建设。",
        [("中国共产党成都市双流区黄甲街道纪律检查工作委员会", 0, 13, "inst.head:纪工委")],
    ),
    # a border police station after its force: its place's name, whatever jieba makes of it (打 + 洛)
    (
        "西双版纳边境管理支队打洛边境派出所查获毒品案件。",
        [("西双版纳边境管理支队打洛边境派出所", 0, 17, "inst.subunit:派出所")],
    ),
]


@pytest.mark.parametrize("text, expected", MORE_BODIES)
def test_circuit_tribunals_working_committees_and_border_stations(text, expected):
    assert institutions(text) == expected


def test_changes_after_tongbi_fenbie_stay_with_the_clause_body():
    """同比分别增长…: the changes of the figures before, not the figures of the bodies opening the clauses."""
    text = "海关总署日前通报，黄埔海关缉私局共立案侦办走私犯罪案件88宗，案值32.7亿元，同比分别增长14.3%和22.5%。"
    assert [(q[0], q[4], q[5]) for q in figures(text) if q[3] == "percent"] == [
        ("14.3%", "黄埔海关缉私局", "subj.clause"),
        ("22.5%", "黄埔海关缉私局", "subj.clause"),
    ]


@pytest.mark.parametrize(
    "text, expected",
    [
        # the verb that recovers the sum stands more than a window before it, past the sum's long name
        ("检察机关追偿生态环境损害赔偿金及修复费用1.38亿元。", [("1.38亿元", 20, 26, "CNY")]),
        # one case's damages stay out
        ("法院判令被告赔偿经济损失8万元。", []),
    ],
)
def test_a_sum_recovered_is_work_however_long_its_name(text, expected):
    assert [q[:4] for q in figures(text)] == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        # a court's cases per judge are its work; what people own on average is a fact
        ("湘潭市岳塘区人民法院今年人均结案326件。", [("326件", 16, 20, "case")]),
        ("涉案人员人均拥有7.6个账户、持有5.7张银行卡。", []),
    ],
)
def test_cases_per_judge_are_work(text, expected):
    assert [q[:4] for q in figures(text)] == expected


def test_a_tribunal_named_after_a_zone_is_its_courts():
    """临港新片区人民法庭 after its court: the zone is the tribunal's place."""
    assert institutions("浦东新区人民法院临港新片区人民法庭审理商事案件。") == [
        ("上海市浦东新区人民法院临港新片区人民法庭", 0, 17, "inst.subunit:人民法庭")
    ]


@pytest.mark.parametrize(
    "text, expected",
    [
        # townships listed before a township's station share its head
        (
            "宜黄县凤冈镇、二都镇司法所分别调解纠纷12件和9件。",
            [
                ("宜黄县凤冈镇司法所", 3, 6, "inst.shared-head:司法所"),
                ("宜黄县二都镇司法所", 7, 13, "inst.named:司法所"),
            ],
        ),
        (
            "在松柏镇、木鱼镇派出所民警巡查。",
            [("松柏镇派出所", 1, 4, "inst.shared-head:派出所"), ("木鱼镇派出所", 5, 11, "inst.named:派出所")],
        ),
        # a village listed before a township's station has none
        ("在环溪村、木鱼镇派出所民警巡查。", [("木鱼镇派出所", 5, 11, "inst.named:派出所")]),
    ],
)
def test_townships_listed_share_the_station_head(text, expected):
    assert institutions(text) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        # proposals are handled as suggestions are: items, though they end in 案
        ("县政府办理人大代表建议68件、政协委员提案91件。", ["item", "item"]),
        ("法院受理刑事案86件。", ["case"]),
        ("检察机关共促成213件行政争议案件实质性化解。", ["case"]),
    ],
)
def test_proposals_are_items(text, expected):
    assert [q[3] for q in figures(text)] == expected


def test_quanshi_after_counties_listed_is_their_city():
    """瑞金市 named among the counties of 赣州市: 全市 is 赣州市, not 瑞金市; alone, 瑞金市 is the city of 全市
    (and its court, named before, the body of its area)."""
    listed = "赣州市中级人民法院介绍，瑞金市人民法院、于都县人民法院调解成功率分别为71.2%和68.5%。全市87个人民法庭今年审结案件3.9万件。"
    assert [(q[0], q[4]) for q in figures(listed)][-2:] == [("87个", "赣州市"), ("3.9万件", "赣州市")]
    alone = "江西省赣州市瑞金市人民法院调解成功率为71.2%。全市人民调解组织今年调解纠纷3900件。"
    assert [(q[0], q[4]) for q in figures(alone)][-1:] == [("3900件", "瑞金市人民法院")]


@pytest.mark.parametrize(
    "text, expected",
    [
        # phone calls answered are counted in 通
        (
            "热线共接听群众来电30.8万通，解答法律咨询28.6万人次。",
            [("30.8万通", 9, 15, "other"), ("28.6万人次", 22, 29, "person_time")],
        ),
        # 通 opening a word counts nothing
        ("市司法局3月2通报了情况。", []),
    ],
)
def test_calls_answered(text, expected):
    assert [q[:4] for q in figures(text)] == expected
