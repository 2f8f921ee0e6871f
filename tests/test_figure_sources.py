"""A body that only counts the figures (据X县公安局统计，…) is their source, not their agent: a 全县 after it is the
county's, not the body's jurisdiction (subject_cues.tsv role source). Tables with exact offsets and rule ids, and
negatives (a body acting across its county keeps the figures)."""

import pytest

from extract_helpers import doc


def figures(text: str) -> list[tuple[str, int, int, str | None, str]]:
    return [
        (q["text"], q["evidence"]["start"], q["evidence"]["end"], q["subject"], q["subject_rule"])
        for q in doc(text)["quantities"]
    ]


SOURCE_CASES = [
    (
        "据桐庐县公安局统计，今年前三季度全县刑事警情同比下降18.4%。",
        [("18.4%", 26, 31, "桐庐县", "subj.collective-region")],
    ),
    (
        "桐庐县公安局统计，全县今年破获案件120起。",
        [("120起", 17, 21, "桐庐县", "subj.collective-region")],
    ),
]

SOURCE_NEGATIVES = [
    ("桐庐县公安局今年在全县破获案件120起。", [("120起", 15, 19, "桐庐县公安局", "subj.clause")]),
    ("桐庐县公安局组织民警，全县破获案件120起。", [("120起", 17, 21, "桐庐县公安局", "subj.jurisdiction")]),
]


@pytest.mark.parametrize("text, expected", SOURCE_CASES + SOURCE_NEGATIVES)
def test_counting_body_is_no_agent(text, expected):
    assert figures(text) == expected


def listed(text: str) -> list[tuple[str, int, int, str | None]]:
    return [(q["text"], q["evidence"]["start"], q["evidence"]["end"], q["subject"]) for q in doc(text)["quantities"]]


# a big figure given of a region (a headline's) and again of one of the region's bodies is listed once
HEADLINE = "审计整改：黔西南州追回资金2.3亿元\n\n"
REGION_THEN_BODY = [
    (
        HEADLINE + "黔西南州审计局日前通报，全州审计机关今年共完成审计项目216个，追回资金2.3亿元。",
        [("2.3亿元", 13, 18, "黔西南布依族苗族自治州"), ("216个", 47, 51, "黔西南布依族苗族自治州审计局")],
    ),
]
# a body of another region keeps its own
REGION_THEN_BODY_NEGATIVES = [
    (
        HEADLINE + "安顺市审计局日前通报，全市审计机关今年共完成审计项目216个，追回资金2.3亿元。",
        [
            ("2.3亿元", 13, 18, "黔西南布依族苗族自治州"),
            ("216个", 46, 50, "安顺市审计局"),
            ("2.3亿元", 55, 60, "安顺市审计局"),
        ],
    ),
]


@pytest.mark.parametrize("text, expected", REGION_THEN_BODY + REGION_THEN_BODY_NEGATIVES)
def test_region_figure_told_again_of_its_body(text, expected):
    assert listed(text) == expected
