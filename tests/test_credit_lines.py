"""A web page's metadata lines (来源：…, 作者：…, 发布时间：…) are credits: a paragraph of
their own, and no sentence of the story, so they name no region and no institution (SPEC v2:
datelines and credit lines name none). The story's own sentences still do."""

from __future__ import annotations

import pytest

from govgraph.headline import dateline_end
from govgraph.normalize import unwrap
from govgraph.pipeline import process, to_json
from govgraph.reader import Source
from govgraph.segment import segment

BODY = "杭州市中级人民法院推行网格化管理。"

PAGES = [
    # (page, sentences of the story)
    (f"来源：浙江法院网  发布时间：2024-09-12\n\n{BODY}", [BODY]),
    (f"来源:某某日报\n{BODY}", [BODY]),  # ASCII colon, no blank line: still its own paragraph
    (f"{BODY}\n（来源：丽水日报）", [BODY]),  # in brackets, closing the article
    (f"某市法院发布白皮书\n作者：某某省人民检察院 李四\n2024-05-01 10:20\n{BODY}", ["某市法院发布白皮书", BODY]),
    # a sentence of the story that mentions a source is kept
    (f"{BODY}来源：记者采访。", [BODY, "来源：记者采访。"]),
]


@pytest.mark.parametrize("page, sentences", PAGES)
def test_metadata_lines_are_no_sentences(page, sentences):
    assert [s.text for a in segment(unwrap(page)) for s in a.sentences] == sentences


def _extract(text: str) -> dict:
    return to_json(process(Source(name="page.txt", path="page.txt", text=text, encoding="utf-8")))


def test_a_credit_line_names_no_region_and_no_institution():
    got = _extract(f"作者：浙江省人民检察院 李四\n来源：陕西日报\n\n{BODY}")
    assert [i["name"] for i in got["institutions"]] == ["杭州市中级人民法院"]
    assert [r["name"] for r in got["regions"]] == ["杭州市"]


DATELINES = [
    # (text, the dateline with the reporters after it)
    ("本报北京12月4日讯 记者 蔡长春 12月4日，司法部召开会议。", "本报北京12月4日讯 记者 蔡长春 "),
    ("本报讯 记者 张三、李四 长春市法院推行机制。", "本报讯 记者 张三、李四 "),
    ("本报讯 记者 张三 通讯员 李四 近日，长春市…", "本报讯 记者 张三 通讯员 李四 "),
    ("本报讯（记者 郑良）长春市…", "本报讯（记者 郑良）"),
    ("本报讯 记者从司法部获悉，长春市…", "本报讯 "),  # 记者从…: the story's first words
]


@pytest.mark.parametrize("text, dateline", DATELINES)
def test_the_reporters_after_a_dateline_are_part_of_it(text, dateline):
    assert text[: dateline_end(text)] == dateline


def test_a_reporters_name_holds_no_region():
    x = to_json(
        process(
            Source(
                name="t.txt",
                path="t.txt",
                text="本报北京12月4日讯 记者 蔡长春 12月4日，司法部召开会议。\n",
                encoding="utf-8",
            )
        )
    )
    assert x["regions"] == []


# an article that names no region in its body: the credit's region tells which county's bodies its relative
# references are (县法院), though the credit names no region of its own; a court's post's 我院 is the source
CREDITED = [
    # text, [(institution, mention, rule)] found, regions listed
    (
        "县委政法委召开例会，听取县法院工作汇报。\n（来源：武宣县融媒体中心）\n",
        [
            ("中国共产党武宣县委员会政法委员会", "县委政法委", "inst.relative:委政法委"),
            ("武宣县人民法院", "县法院", "inst.relative:法院"),
        ],
    ),
    (
        "我院召开新闻发布会。我院与县检察院会签意见。\n来源：湖南省平江县人民法院\n",
        [
            ("平江县人民法院", "我院", "inst.author:我院"),
            ("平江县人民法院", "我院", "inst.author:我院"),
            ("平江县人民检察院", "县检察院", "inst.relative:检察院"),
        ],
    ),
]
CREDITED_NEGATIVES = [
    # the body names a region: the credit's is not asked
    "长沙县委政法委召开例会，听取县法院工作汇报。\n（来源：武宣县融媒体中心）\n",
    # no credit: relative references stay unresolved
    "县委政法委召开例会，听取县法院工作汇报。\n",
]


@pytest.mark.parametrize("text, expected", CREDITED)
def test_a_credit_tells_the_county_of_relative_references(text, expected):
    got = _extract(text)
    found = [(i["name"], e["quote"], e["rule"]) for i in got["institutions"] for e in i["evidence"]]
    assert found == expected
    assert got["regions"] == []  # the credit names no region of its own


@pytest.mark.parametrize("text", CREDITED_NEGATIVES)
def test_no_credit_county_where_the_body_names_one_or_no_credit(text):
    assert not any("武宣县" in i["name"] for i in _extract(text)["institutions"])
