"""A setup verb, a short quoted word that names no way of working alone (“一对一”) and the phrase after it up to
the clause's end are one name (实行“一对一”审判辅助和心理辅导); not when the quote is a name of its own, nor when
the phrase is a clause (a subject and its verb, a pronoun, a number). A quote ending in 式 qualifies the word
after it (开展“清单式”监督 → 清单式监督)."""

from __future__ import annotations

import pytest

from govgraph.extract.mechanisms import find_mechanisms

CASES = [
    (
        "因案适需实行“一对一”审判辅助和心理辅导,有力弥合家庭关系裂痕。",
        [(6, 20, "一对一审判辅助和心理辅导", "mech.setup-verb+quoted-phrase")],
    ),
    ("该院联合团区委开展“一对一”帮教。", [(9, 16, "一对一帮教", "mech.setup-verb+quoted-phrase")]),
    # the quote is a name of its own
    ("推行“快处快赔”，", [(2, 8, "快处快赔", "mech.setup-verb+quoted")]),
    # a clause after the quote, too long for a name's rest
    ("郴州市北湖区推行“五老”调解队伍参与纠纷化解。", []),
    # a number or a pronoun after the quote
    ("实行“一对一”三次回访，", []),
    # a quote ending in 式 qualifies the word after it: the two are the name
    ("柳江区纪委监委创新开展“清单式”监督，梳理清单。", [(11, 18, "清单式监督", "mech.setup-verb+quoted-phrase")]),
    ("推行“点穴式”巡察。", [(2, 9, "点穴式巡察", "mech.setup-verb+quoted-phrase")]),
    # … and names the way alone where nothing follows it
    ("推行“清单式”。", [(2, 7, "清单式", "mech.setup-verb+quoted")]),
]


@pytest.mark.parametrize("text, expected", CASES)
def test_a_short_quote_and_its_phrase(text, expected):
    assert [(m.start, m.end, m.name, m.rule) for m in find_mechanisms(text)] == expected
