"""A bare quoted name that a setup verb carries out, with the fields it covers listed between them (推行立案、审判、
执行“一站通办”), is a mechanism, as with one field (推行交通事故“快处快赔”)."""

from __future__ import annotations

import pytest

from govgraph.extract.mechanisms import find_mechanisms

CASES = [
    ("伊犁州中院推行立案、审判、执行“一站通办”，并建立制度。", [(15, 21, "一站通办", "mech.setup-verb+quoted")]),
    ("该院推行立案、审判“一站通办”，", [(9, 15, "一站通办", "mech.setup-verb+quoted")]),
    # no setup verb before the list
    ("要求立案、审判、执行“一站通办”，", []),
    ("实现立案、审判、执行“一站通办”，", []),
    # a part of the list that is no field (工作)
    ("推行立案、工作“一站通办”，", []),
]


@pytest.mark.parametrize("text, expected", CASES)
def test_fields_listed_before_a_carried_out_quote(text, expected):
    assert [(m.start, m.end, m.name, m.rule) for m in find_mechanisms(text)] == expected
