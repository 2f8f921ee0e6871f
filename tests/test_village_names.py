"""A city's short form right before 村 is a village named like it (海口村, 长沙村), not the city; found on
an invented article about a village's legal helpers (/tmp/inv_quality2_05 e2). Tables with negatives."""

import pytest

from extract_helpers import doc


def regions(text: str) -> list[tuple[str, str]]:
    return sorted((r["name"], r["level"]) for r in doc(text)["regions"])


VILLAGES = [
    (
        "记者来到洱源县茈碧湖镇海口村时，调解员正在调解。",
        [("海口村", "village"), ("洱源县", "county"), ("茈碧湖镇", "township")],
    ),
    ("在长沙村，调解员上门走访。", []),
    # 村 opening a longer word after the city's name keeps the city
    ("南京村民法律意识明显增强。", [("南京市", "prefecture")]),
    ("杭州村级调解组织全覆盖。", [("杭州市", "prefecture")]),
]


@pytest.mark.parametrize("text, expected", VILLAGES)
def test_a_citys_short_form_before_cun_names_a_village(text, expected):
    assert regions(text) == sorted(expected)
