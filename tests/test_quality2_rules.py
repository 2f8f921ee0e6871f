"""Rules found by reading the output on invented articles (helper quality2): government web
posts, press conferences, typical-case releases and conference reports, with negatives."""

from __future__ import annotations

import pytest

from extract_helpers import doc
from govgraph.normalize import normalize_chars


def institutions(text: str) -> list[tuple[str, int, int, str]]:
    """(name, start, end, rule) of each institution's first evidence."""
    x = doc(text)
    return [
        (i["name"], i["evidence"][0]["start"], i["evidence"][0]["end"], i["evidence"][0]["rule"])
        for i in x["institutions"]
    ]


# ASCII punctuation next to Chinese takes its full-width form; between digits it stays
ASCII_SIGNS = [
    ("县委政法委牵头,会同县人民法院", "县委政法委牵头，会同县人民法院"),
    ("记者:请介绍一下", "记者：请介绍一下"),
    ("办结率98.6%,四是强化", "办结率98.6%，四是强化"),
    ("成效如何?答", "成效如何？答"),
    ("共计1,234元,发布时间 10:21", "共计1,234元，发布时间 10:21"),
    ("件(人)次", "件(人)次"),
]


@pytest.mark.parametrize("text, folded", ASCII_SIGNS)
def test_ascii_signs_in_chinese_take_their_full_width_form(text, folded):
    assert normalize_chars(text)[0] == folded


# 会同县 after an ASCII comma is 会同 + 县…, as after a full-width one
JOINT_VERB_TEXT = (
    "海南省乐东黎族自治县坚持发展新时代枫桥经验。"
    "县委政法委牵头,会同县人民法院、县人民检察院、县公安局建立矛盾纠纷联合调处中心。"
)


def test_joint_verb_after_an_ascii_comma_names_no_county():
    x = doc(JOINT_VERB_TEXT)
    assert "会同县" not in [r["name"] for r in x["regions"]]
    assert institutions(JOINT_VERB_TEXT) == [
        ("中国共产党乐东黎族自治县委员会政法委员会", 22, 27, "inst.relative:委政法委"),
        ("乐东黎族自治县人民法院", 32, 37, "inst.relative:人民法院"),
        ("乐东黎族自治县人民检察院", 38, 44, "inst.relative:人民检察院"),
        ("乐东黎族自治县公安局", 45, 49, "inst.relative:公安局"),
    ]


def regions(text: str) -> list[tuple[str, int, int]]:
    return [(r["name"], r["evidence"][0]["start"], r["evidence"][0]["end"]) for r in doc(text)["regions"]]


# two townships listed together vouch for each other whatever their suffixes (街道, 镇, 乡 are one
# level; 村, 社区 another); names of two levels, or generic words, make no pair
TOWNSHIP_LIST_CASES = [
    ("我们在陆家嘴街道、张江镇等7个街镇建立企业服务联络点。", [("陆家嘴街道", 3, 8), ("张江镇", 9, 12)]),
    ("在城关镇、新华街道设立站点。", [("城关镇", 1, 4), ("新华街道", 5, 9)]),
    ("在向阳社区、东湖村开展普法。", [("向阳社区", 1, 5), ("东湖村", 6, 9)]),
    ("在王庄村、李集镇开展普法。", []),
    ("创建示范社区、示范村12个。", []),
    ("推进智慧社区、平安村建设。", []),
]


@pytest.mark.parametrize("text, expected", TOWNSHIP_LIST_CASES)
def test_townships_of_one_level_listed_together(text, expected):
    assert regions(text) == expected


# 苏木镇 and 嘎查村 are Inner Mongolia's levels as kinds (30个苏木镇综治中心), no township or village;
# a named 苏木 or 嘎查 stays
SUMU_TEXT = "阿拉善左旗政法委作交流发言。年内实现30个苏木镇综治中心实体化运行，全旗嘎查村两委换届完成。"


def test_sumu_towns_as_a_kind_name_no_township():
    assert [r[0] for r in regions(SUMU_TEXT)] == ["阿拉善左旗"]
    assert [i[0] for i in institutions(SUMU_TEXT)] == ["中国共产党阿拉善左旗委员会政法委员会"]
    assert [r[0] for r in regions("鄂托克旗阿尔巴斯苏木乌兰嘎查开展调解。")] == ["鄂托克旗", "阿尔巴斯苏木", "乌兰嘎查"]


# a notary office named by its ordinal (银川市第一公证处), as prisons and detention houses are
NOTARY_CASES = [
    ("银川市第一公证处全年办理公证事项860件。", [("银川市第一公证处", 0, 8, "inst.named:公证处")]),
    ("佛山市南海公证处开展活动。", [("佛山市南海公证处", 0, 8, "inst.named:公证处")]),
]


@pytest.mark.parametrize("text, expected", NOTARY_CASES)
def test_a_notary_office_named_by_its_ordinal(text, expected):
    assert institutions(text) == expected


def quantities(text: str) -> list[tuple[str, str, str | None]]:
    return [(q["text"], q["unit"], q["subject"]) for q in doc(text)["quantities"]]


# a Chinese numeral and a counter inside a region's name count nothing (五家渠市: 五家)
def test_no_figure_inside_a_region_name():
    assert quantities("五家渠市人民法院在青湖路街道设立诉调对接工作室。") == []
    assert quantities("五家渠市公安局与三家单位联合执法。") == [("三家", "item", "五家渠市公安局")]


# 答：我们… at a press conference: the figures are the host's (the body the article names most), not
# those of the body named last before the question; an answer naming a body keeps it
PRESS_TEXT = (
    "浦东新区检察院召开新闻发布会\n\n"
    "本报讯 4月25日，上海市浦东新区人民检察院召开新闻发布会。上海知识产权法院、浦东新区人民法院也派员参加了发布会。\n\n"
    "记者：检察机关如何服务企业创新？\n\n"
)


def test_an_answer_at_a_press_conference_is_the_hosts():
    host = "上海市浦东新区人民检察院"
    text = PRESS_TEXT + "答：我们在7个街镇建立企业服务联络点，今年已走访企业320家。"
    assert quantities(text) == [("7个", "item", host), ("320家", "item", host)]
    named = PRESS_TEXT + "答：浦东新区人民法院今年审结知识产权案件320件。"
    assert quantities(named) == [("320件", "case", "上海市浦东新区人民法院")]
