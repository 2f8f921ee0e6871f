"""Speakers of transcripts (press conferences, interviews): 我们 in the turn of an officer the text
introduced with a body is that body (rule inst.speaker:我们); an interviewer's question is no byline.
Sentences are invented."""

from __future__ import annotations

import pytest

from extract_helpers import adoptions, doc
from govgraph.segment import is_byline

PRESS = (
    "主持人：今天我们邀请到绍兴市市场监督管理局副局长陈刚介绍情况。\n"
    "记者：采取了哪些措施？\n"
    "陈刚：我们推行“双随机、一公开”监管，全年抽查企业2340家。\n"
)
# (the title lines run on into the first question: …局长王建国记者：…)
INTERVIEW = (
    "让群众少跑腿\n——访临沂市司法局党组书记、局长王建国\n记者：有哪些举措？\n王建国：我们推行“一村一法律顾问”制度。\n"
)
# an officer of a division speaks for its body
DIVISION = "山东省高级人民法院执行局局长王强介绍情况。\n记者：采取了哪些措施？\n王强：我们坚持善意文明执行理念。\n"

# a second officer the text introduced with no body of its own speaks for the same body (a press conference)
SECOND = (
    "出席发布会的有德阳市中级人民法院党组成员、副院长刘红，民三庭庭长赵磊。\n"
    "刘红：全年审结案件1195件。\n记者：有哪些举措？\n赵磊：我们设立巡回审判点。\n"
)
# a quote standing as a sentence, and the officer who said it named right after it
QUOTED = (
    "宜昌市中级人民法院、宜昌市公安局联合发力。"
    "“我们把派出所的力量整合到综治中心，推行‘一站式接收’。”宜昌市公安局局长刘强介绍。\n"
)
DATED_QUOTE = "“我们推行‘一站式接收’……”7月10日，宜昌市中级人民法院执行局局长王金新在会上说道。\n"
# an officer named, a verb of saying, then the quote
SAID = "近日，宜昌市公安局局长刘强说：“我们推行‘一站式接收’，群众满意。”\n"
# …who may hold a post before (a seat on the city's party committee)
POSTS = "“我们实行‘一站式接收’。”株洲市委常委、政法委书记刘五介绍。\n"
# the officer introduced before, named alone later (a comma may stand before the quote)
LATER = "宜昌市公安局局长刘强介绍了做法。“这是系统工程。”刘强说，“我们推行‘一站式接收’。”\n"
# …where the story of the officer goes on after the name (今年, 告诉记者)
STORY = "倪家营派出所所长赵刚今年已经在基层干了18年。赵刚说，“我们推行‘民警+网格员’模式。”\n"
TOLD = "宜昌市公安局局长刘强告诉记者，群众安全感明显提升。刘强说：“我们推行‘一站式接收’。”\n"
# an officer left unnamed: the post, then the verb of saying
UNNAMED = "“我们推行‘一站式接收’。”宜昌市公安局负责人表示。\n"
UNNAMED_IN_DIVISION = "“我们推行‘一站式接收’。”宜昌市人民检察院第二检察部负责人表示。\n"
SPEAKER_CASES = [
    (UNNAMED, [("宜昌市公安局", 1, 3)]),
    (UNNAMED_IN_DIVISION, [("宜昌市人民检察院", 1, 3)]),
    # text, the (body, start, end) of each 我们 that stands for a body
    (LATER, [("宜昌市公安局", LATER.index("我们"), LATER.index("我们") + 2)]),
    (STORY, [("倪家营派出所", STORY.index("我们"), STORY.index("我们") + 2)]),
    (TOLD, [("宜昌市公安局", TOLD.index("我们"), TOLD.index("我们") + 2)]),
    (POSTS, [("中国共产党株洲市委员会政法委员会", 1, 3)]),
    (SAID, [("宜昌市公安局", 16, 18)]),
    (QUOTED, [("宜昌市公安局", 22, 24)]),
    (DATED_QUOTE, [("宜昌市中级人民法院", 1, 3)]),
    (PRESS, [("绍兴市市场监督管理局", 47, 49)]),
    (INTERVIEW, [("临沂市司法局", 41, 43)]),
    (DIVISION, [("山东省高级人民法院", 37, 39)]),
    (SECOND, [("德阳市中级人民法院", SECOND.index("我们"), SECOND.index("我们") + 2)]),
]
SPEAKER_NEGATIVES = [
    # 今年 after a post is no officer's name
    "宜昌市公安局局长今年已经在基层干了18年。今年说：“我们推行‘一站式接收’。”\n",
    # the host's 我们 is no body's; nor is an officer's 我们 inside a clause (所以说我们) or without a turn
    "主持人：今天我们邀请到绍兴市市场监督管理局副局长陈刚介绍情况。\n",
    "绍兴市市场监督管理局副局长陈刚说，群众满意是我们的目标。\n",
    # another speaker's turn (记者：) ends the officer's
    "绍兴市市场监督管理局副局长陈刚介绍情况。\n陈刚：情况良好。\n记者：我们关心监管。\n",
    # a quote whose speaker is told after something else, or is no officer, or says nothing
    "“我们推行‘一站式接收’。”在宜昌市中级人民法院，庭长王金新说。\n",
    "“我们推行‘一站式接收’。”宜昌市民张女士说。\n",
    "“我们推行‘一站式接收’。”宜昌市公安局局长刘强出席会议。\n",
    "“我们推行‘一站式接收’。”宜昌市公安局负责人出席会议。\n",
    "“我们推行‘一站式接收’。”宜昌市公安局负责人表示，今年以来全市推行新机制。\n",
    # the sentence after the quote goes on to tell more: its officer introduces that, not the quote
    "“我们推行‘一站式接收’。”宜昌市公安局局长刘强介绍道，今年以来全市推行新机制。\n",
    "宜昌市公安局局长刘强说：“情况良好。”我们认为这是好事。\n",  # after the quote: the writer's 我们
    "宜昌市公安局局长刘强介绍了做法。村民李明说：“我们很满意。”\n",  # no officer the text introduced
    # …and so does a citizen's (张女士：)
    "绍兴市市场监督管理局副局长陈刚介绍情况。\n陈刚：情况良好。\n张女士：我们很满意。\n",
]


def _speaker_mentions(text: str) -> list[tuple[str, int, int]]:
    return [
        (i["name"], e["start"], e["end"])
        for i in doc(text)["institutions"]
        for e in i["evidence"]
        if e["rule"] == "inst.speaker:我们"
    ]


@pytest.mark.parametrize("text, expected", SPEAKER_CASES)
def test_we_in_an_officers_turn_is_the_officers_body(text, expected):
    assert _speaker_mentions(text) == expected


@pytest.mark.parametrize("text", SPEAKER_NEGATIVES)
def test_no_body_for_we_outside_an_officers_turn(text):
    assert _speaker_mentions(text) == []


def test_the_body_a_speaker_stands_for_adopts_and_owns_the_figures():
    assert adoptions(PRESS) == {("绍兴市市场监督管理局", "双随机、一公开"): [(47, 59, "adopt.subject+trigger")]}
    [q] = doc(PRESS)["quantities"]
    assert (q["text"], q["subject"]) == ("2340家", "绍兴市市场监督管理局")


def test_the_body_that_said_a_quote_adopts_what_it_tells_not_the_bodies_before():
    assert adoptions(QUOTED) == {("宜昌市公安局", "一站式接收"): [(22, 48, "adopt.subject+trigger")]}


# the partner of the sentence before does not carry into what an unnamed officer of the court says
PARTNER_THEN_QUOTE = (
    "宜昌市中级人民法院与宜昌市总工会会签协作意见，开通“绿色通道”。“我们还推行‘一站式接收’。”该院副院长表示。\n"
)


def test_an_unnamed_officers_body_adopts_what_the_quote_tells_not_the_partner_before():
    found = {k for k in adoptions(PARTNER_THEN_QUOTE) if k[1] == "一站式接收"}
    assert found == {("宜昌市中级人民法院", "一站式接收")}


BYLINES = [("本报记者 张三", True), ("记者 李四 通讯员 王五", True), ("记者：采取了哪些措施？", False)]


@pytest.mark.parametrize("line, expected", BYLINES)
def test_an_interviewers_question_is_no_byline(line, expected):
    assert is_byline(line) is expected


def test_the_body_a_figure_is_given_to_is_listed_though_named_in_a_title_only():
    # SPEC v2 lists every figure's subject: the lead of 全市法院 acts, though it stood only in the speaker's title
    x = doc("临沂市中级人民法院院长刘玉峰说，今年以来，全市法院审结家事案件1.1万件。")
    assert [(q["text"], q["subject"]) for q in x["quantities"]] == [("1.1万件", "临沂市中级人民法院")]
    assert [i["name"] for i in x["institutions"]] == ["临沂市中级人民法院"]
    # …but a body in a title with no figure of its own is no actor
    x = doc("临沂市中级人民法院院长刘玉峰说，近年来，全市高度重视家事审判。")
    assert x["institutions"] == [] and [i["name"] for i in x["parent_bodies"]] == ["临沂市中级人民法院"]
