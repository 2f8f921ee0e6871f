"""The body carried from earlier sentences does not act where a sentence names other actors of its own: all
the political-legal bodies of a region (全市政法机关), which no one body leads."""

from __future__ import annotations

import pytest

from extract_helpers import adoptions

CARRY_STOPS = [
    (
        "醴陵市公安局白兔潭派出所推出“反诈夜校”。全市政法机关将持续推动矛盾纠纷多元化解。",
        ("醴陵市公安局白兔潭派出所", "矛盾纠纷多元化解"),
    ),
    (
        "醴陵市人民法院推行“共享法庭”。今年以来，全县政法单位推行“警格+网格”模式。",
        ("醴陵市人民法院", "警格+网格"),
    ),
]


@pytest.mark.parametrize("text, pair", CARRY_STOPS)
def test_a_collective_of_several_systems_stops_the_carried_body(text, pair):
    got = adoptions(text)
    assert pair not in got
    assert len(got) == 1  # the first sentence's own adoption stays


def test_the_carried_body_acts_without_such_a_collective():
    got = adoptions("醴陵市人民法院推行“共享法庭”。今年以来，又推行“警格+网格”模式。")
    assert ("醴陵市人民法院", "警格+网格") in got
