"""An agreement signed for a way of working together names it before 协议 (签订知识产权保护跨区域合作协议 →
知识产权保护跨区域合作); not one that only says its kind (战略合作协议, 合作协议), nor a generic one (司法协作协议),
nor a titled one (《…协议》), nor a private one (和解协议)."""

from __future__ import annotations

import pytest

from govgraph.extract.mechanisms import find_mechanisms

CASES = [
    (
        "该区法院与周边县区法院签订知识产权保护跨区域合作协议。",
        [(13, 24, "知识产权保护跨区域合作", "mech.agreement")],
    ),
    (
        "两州公安机关签订了边界地区治安联防联控协作协议，",
        [(9, 21, "边界地区治安联防联控协作", "mech.agreement")],
    ),
    ("县检察院与县林业局签署的生态修复司法协作协议明确，", [(12, 20, "生态修复司法协作", "mech.agreement")]),
    # the kind of agreement only, or generic words only
    ("市中级法院与市总工会签订战略合作协议。", []),
    ("双方签订合作协议，", []),
    ("县法院与县检察院签订司法协作协议。", []),
    # a titled agreement, a private one
    ("两局签订《跨区域市场监管合作协议》，", []),
    ("双方当事人签订和解协议。", []),
]


@pytest.mark.parametrize("text, expected", CASES)
def test_an_agreement_names_the_way_of_working_together(text, expected):
    assert [(m.start, m.end, m.name, m.rule) for m in find_mechanisms(text)] == expected
