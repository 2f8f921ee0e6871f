"""Rules found by reading the output on invented articles (helper quality), as tables with the
exact offsets and rule ids they give, and negatives."""

from __future__ import annotations

import pytest

from extract_helpers import adoptions, doc
from govgraph.extract.mechanisms import find_mechanisms


def mechanisms(text: str) -> list[tuple[int, int, str, str]]:
    return [(m.start, m.end, m.name, m.rule) for m in find_mechanisms(text)]


# a quoted name right before 联调 (a joint way of settling disputes) is a mechanism's name
JOINT_MEDIATION_CASES = [
    ("大良街道综治中心推行“三所一庭”联调，化解纠纷。", [(10, 18, "三所一庭", "mech.quoted+tail")]),
    ("该院与派出所推行“一庭两所”联调。", [(8, 16, "一庭两所", "mech.quoted+tail")]),
]
# 联动 is no such word: a modifier before it makes part of a curated name
JOINT_MEDIATION_NEGATIVES = [
    ("恩平市人民法院探索“分离+融合”模式，“立审执”协调联动及时兑现胜诉权益。", "立审执"),
]


@pytest.mark.parametrize("text, expected", JOINT_MEDIATION_CASES)
def test_a_quoted_name_before_joint_mediation(text, expected):
    assert mechanisms(text) == expected


@pytest.mark.parametrize("text, unwanted", JOINT_MEDIATION_NEGATIVES)
def test_no_quoted_name_cut_before_linkage(text, unwanted):
    assert unwanted not in [m[2] for m in mechanisms(text)]


# 以X为抓手 where X is made only of words any measure is called by names no mechanism
FRAME_CASES = [
    (
        "南漳县人民法院以创建活动为抓手，推动诉源治理。",
        [(18, 22, "诉源治理", "mech.curated:litigation-source-governance")],
    ),
    ("南漳县人民法院以专项行动为抓手。", []),
    ("南漳县人民法院以试点工作为载体。", []),
    # a measure of its own stays
    ("南漳县人民法院以复绿管护为抓手。", [(8, 12, "复绿管护", "mech.frame")]),
]


@pytest.mark.parametrize("text, expected", FRAME_CASES)
def test_a_frame_of_kind_words_names_nothing(text, expected):
    assert mechanisms(text) == expected


# bodies that pilot first (率先试点) with no object take up the measure just named
PILOT_CASES = [
    (
        "长春市中级人民法院推行“执行+公安”查人找车协作机制。长春市朝阳区人民法院、南关区人民法院率先试点，今年查扣车辆98辆。",
        {
            ("长春市中级人民法院", "执行+公安"): [(0, 26, "adopt.subject+trigger")],
            ("长春市朝阳区人民法院", "执行+公安"): [(27, 49, "adopt.subject")],
            ("长春市南关区人民法院", "执行+公安"): [(38, 49, "adopt.coactor")],
        },
    ),
    # nothing named before: nothing taken up
    ("德惠市人民法院率先试点。", {}),
    # an object after the verb: no zero anaphor
    ("长春市中级人民法院推行“执行+公安”协作机制。德惠市人民法院率先试点无纸化办案。", None),
]


# being made the pilot of the measure just named (作为试点单位, 被确定为全国试点法院) takes it up too
PILOT_CASES += [
    (
        "最高人民法院部署开展交叉执行工作。荆州市中级人民法院被确定为全国试点法院，全市法院集中攻坚。",
        {
            ("最高人民法院", "交叉执行"): [(0, 16, "adopt.subject+trigger")],
            ("荆州市中级人民法院", "交叉执行"): [(17, 36, "adopt.subject")],
        },
    ),
    (
        "湖北省高级人民法院推行立审执一体化改革，荆州市中级人民法院、宜昌市中级人民法院作为试点单位先行先试。",
        {
            ("湖北省高级人民法院", "立审执一体化"): [(0, 17, "adopt.subject+trigger")],
            ("荆州市中级人民法院", "立审执一体化"): [(20, 45, "adopt.subject")],
            ("宜昌市中级人民法院", "立审执一体化"): [(30, 45, "adopt.mention")],
        },
    ),
    # nothing named before
    ("荆州市中级人民法院作为试点单位，今年审结案件300件。", {}),
]


@pytest.mark.parametrize("text, expected", PILOT_CASES)
def test_a_pilot_with_no_object_takes_up_the_last_measure(text, expected):
    found = adoptions(text)
    if expected is None:
        assert ("德惠市人民法院", "执行+公安") not in found
    else:
        assert found == expected


# a body's speaker opening the sentence (X检察长表示，将与A、B共同建立…) makes the sentence that body's:
# the body carried from earlier sentences is not the one acting with A and B
SPEAKER_TEXT = (
    "大丰区人民检察院则推行“恢复性司法+生态补偿”办案模式，今年共督促补植复绿湿地植被460亩。\n\n"
    "盐城市人民检察院检察长表示，将持续深化跨区域协作，与连云港市人民检察院、南通市人民检察院共同建立"
    "沿海湿地保护检察协作机制，合力守护黄海湿地。"
)


def test_a_speaker_opening_the_sentence_stops_the_carried_body():
    found = adoptions(SPEAKER_TEXT)
    assert ("盐城市大丰区人民检察院", "沿海湿地保护检察协作") not in found
    assert ("连云港市人民检察院", "沿海湿地保护检察协作") in found
    # with no speaker, the carried body still acts with A and B
    carried = adoptions(SPEAKER_TEXT.replace("盐城市人民检察院检察长表示，将", "该院还将"))
    assert ("盐城市大丰区人民检察院", "沿海湿地保护检察协作") in carried


def regions(text: str) -> list[str]:
    return [r["name"] for r in doc(text)["regions"]]


# an undated dateline (本报西安讯, 新华社北京电) names the reporter's place, no region of the story (SPEC v2)
DATELINE_CASES = [
    ("本报西安讯 记者高峰 陕西省高级人民法院推广“人民法庭+”工作模式。", ["陕西省"]),
    ("本报呼和浩特讯 记者乌兰 通讯员张瑞 鄂尔多斯市中级人民法院推行双语服务。", ["鄂尔多斯市"]),
    ("新华社北京电 最高人民法院发布意见。", []),
    # the place in the body is the story's
    ("本报讯 记者高峰 西安市中级人民法院推行繁简分流。", ["西安市"]),
    ("本报西安讯 记者高峰 西安市中级人民法院推行繁简分流。", ["西安市"]),
]


@pytest.mark.parametrize("text, expected", DATELINE_CASES)
def test_an_undated_dateline_names_no_region(text, expected):
    assert regions(text) == expected


def institution_names(text: str) -> list[str]:
    return [i["name"] for i in doc(text)["institutions"]]


# 各镇（街道）综治中心: every township's centre, not the county's
def test_each_townships_centre_is_no_county_centre():
    text = "顺德区法院在全区10个镇（街道）设立诉讼服务站，与各镇（街道）综治中心联合运行。"
    assert institution_names(text) == ["佛山市顺德区人民法院"]
    # alone, the centre is the article's county's
    alone = "顺德区法院在综治中心设立诉讼服务站。"
    assert "佛山市顺德区社会治安综合治理中心" in institution_names(alone)


# curated names that recur in the genre (the span, the scheme's name, the rule), with their adopters
CURATED_CASES = [
    (
        "天水市中级人民法院组织全市两级法院开展案件质量交叉评查。",
        (19, 27, "案件质量评查", "mech.curated:case-quality-review"),
        ("天水市中级人民法院", "案件质量交叉评查"),
    ),
    (
        "太原市委政法委组织开展政法单位交叉巡查。",
        (11, 19, "交叉巡查", "mech.curated:cross-inspection"),
        ("中国共产党太原市委员会政法委员会", "交叉巡查"),
    ),
    (
        "越秀区人民法院推进道交一体化。",
        (9, 14, "道路交通事故损害赔偿纠纷网上数据一体化处理", "mech.curated:road-traffic-dispute-online-integration"),
        ("广州市越秀区人民法院", "道交一体化"),
    ),
]


# names a text may give without a body acting on them in the sentence
CURATED_NAMES = [
    ("该院推行阅核制，提升裁判质量。", [(4, 7, "院庭长阅核", "mech.curated:review-and-approval-by-presidents")]),
    ("该院向被执行人发出报告财产令。", [(9, 14, "报告财产令", "mech.curated:property-report-order")]),
    ("该局推进天网工程建设。", [(4, 8, "天网工程", "mech.curated:skynet-surveillance-project")]),
]


@pytest.mark.parametrize("text, expected", CURATED_NAMES)
def test_curated_names_alone(text, expected):
    assert mechanisms(text) == expected


@pytest.mark.parametrize("text, span, adopt", CURATED_CASES)
def test_curated_names_of_the_genre(text, span, adopt):
    assert mechanisms(text) == [span]
    assert list(adopt) in doc(text)["adopts"]


# 打击整治 is what any crackdown is called: 常态化打击整治机制 names no mechanism
def test_a_crackdown_by_its_kind_names_nothing():
    assert mechanisms("公安部要求建立健全常态化打击整治机制。") == []
    # a named field before it stays a name
    assert [m[2] for m in mechanisms("该院开展涉企案件专项整治。")] == ["涉企案件专项整治"]


# a bare 综治中心 as a topic (…与综治中心建设深度融合) or as one kind in a list of kinds (与综治中心、派出所、司法所等)
# names no one body; alone it is the article's county's
TOPIC_TEXTS = [
    "坊子区委政法委推行“一窗受理”。下一步将推动信访工作与综治中心建设深度融合。",
    "坊子区委政法委推行“一窗受理”，推动人民法庭与综治中心、派出所、司法所等基层单位对接联动。",
    "坊子区委政法委推行“一窗受理”，推动“三员一站”与综治中心、网格化管理有机融合。",
]


@pytest.mark.parametrize("text", TOPIC_TEXTS)
def test_a_bare_centre_as_a_topic_or_a_kind_is_no_body(text):
    assert not [n for n in institution_names(text) if n.endswith("社会治安综合治理中心")]


def test_a_bare_centre_alone_is_the_countys():
    names = institution_names("坊子区委政法委推行“一窗受理”，依托综治中心化解纠纷。")
    assert "潍坊市坊子区社会治安综合治理中心" in names


# a quote a body weaves into its work (把“三级联调”与信访工作结合起来) names a way of working, as a quote
# taken as its lever does (以“一案一码”为抓手); a phenomenon (民转刑) names none
WOVEN_CASES = [
    (
        "瑞金市人民法院把“三级联调”与信访工作结合起来。",
        [(8, 14, "三级联调", "mech.setup-verb+quoted")],
    ),
    ("该院以“一案一码”为抓手，推进执行。", [(3, 9, "一案一码", "mech.numbered")]),
    ("该院把“民转刑”与治安案件结合起来分析。", []),
    # no joining verb after it: no frame
    ("该院把“三级联调”写进了年度报告。", []),
]


@pytest.mark.parametrize("text, expected", WOVEN_CASES)
def test_a_quote_woven_into_the_work(text, expected):
    assert mechanisms(text) == expected
