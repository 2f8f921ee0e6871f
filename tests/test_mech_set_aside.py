"""A curated name right before what is set aside for it (专用, 热线, 举报电话) names a thing, a phone or an
account, not the campaign or procedure carried out: 扫黑除恶专用举报电话 is no mention of 扫黑除恶."""

from __future__ import annotations

import pytest

from govgraph.extract.mechanisms import find_mechanisms

CASES = [
    ("省公安厅公布24小时扫黑除恶专用举报电话。", []),
    ("县法院开通司法救助专用账户，", []),
    ("县检察院开通司法救助热线，", []),
    # the campaign or procedure itself
    ("省公安厅深入开展扫黑除恶，", [(8, 12, "扫黑除恶", "mech.curated:anti-gang-crime-campaign")]),
    ("县法院开展司法救助工作，", [(5, 9, "司法救助", "mech.curated:judicial-assistance")]),
]


@pytest.mark.parametrize("text, expected", CASES)
def test_a_thing_set_aside_for_a_mechanism(text, expected):
    assert [(m.start, m.end, m.name, m.rule) for m in find_mechanisms(text)] == expected
