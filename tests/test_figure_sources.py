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
