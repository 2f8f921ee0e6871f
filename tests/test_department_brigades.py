"""A department's brigade right after it (人社局劳动保障监察大队, 市场监管局综合执法大队) is that department's
unit and carries its full name (SPEC v2: a sub-unit carries its parent's full name); found on an invented
article about labour disputes in 浦东新区 (/tmp/inv_quality2_03 c3). Tables with negatives."""

import pytest

from extract_helpers import institutions

BRIGADES = [
    (
        "浦东新区人力资源和社会保障局劳动保障监察大队全年追讨工资3.4亿元。",
        [("上海市浦东新区人力资源和社会保障局劳动保障监察大队", 0, 22, "inst.unit-of:劳动保障监察大队")],
    ),
    (
        "长沙县市场监督管理局综合执法大队查处案件120件。",
        [("长沙县市场监督管理局综合执法大队", 0, 16, "inst.unit-of:综合执法大队")],
    ),
    (
        "长沙县农业农村局综合行政执法大队开展检查300次。",
        [("长沙县农业农村局综合行政执法大队", 0, 16, "inst.unit-of:综合行政执法大队")],
    ),
    # after a region alone it is the region's own brigade
    ("浏阳市综合行政执法大队开展检查30次。", [("浏阳市综合行政执法大队", 0, 11, "inst.head:综合行政执法大队")]),
]


@pytest.mark.parametrize("text, expected", BRIGADES)
def test_a_departments_brigade_carries_its_name(text, expected):
    assert institutions(text) == expected
