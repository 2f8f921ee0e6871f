"""A weak generic word right after a quote (一体化, 建设) may open a longer phrase that a strong one ends
(“情指行”一体化实战化运行机制改革): the quote's name then runs to the strong word, and the phrase is no
second mechanism."""

from __future__ import annotations

import pytest

from govgraph.extract.mechanisms import find_mechanisms

CASES = [
    ("长春市公安局以“情指行”一体化实战化运行机制改革为抓手，整合力量。", [(7, 22, "情指行", "mech.quoted+tail")]),
    # the weak word alone
    ("“情指行”一体化运行提升打击效能", [(0, 8, "情指行", "mech.quoted+tail")]),
    # a strong word too far (more than eight characters on)
    ("推进“情指行”一体化运行，建立联动机制", [(2, 10, "情指行", "mech.quoted+tail")]),
]


@pytest.mark.parametrize("text, expected", CASES)
def test_a_strong_word_after_a_weak_one(text, expected):
    assert [(m.start, m.end, m.name, m.rule) for m in find_mechanisms(text)] == expected
