"""The founding verbs (data/triggers.tsv role found) are one list that three rules read: a body
right after one is founded, not an actor; a unit named after one is its founder's; and none
starts a township's name. A word a user adds reaches all three."""

import pytest

from extract_helpers import adoptions, doc
from govgraph import lexicon

FOUNDED_IS_NO_ACTOR = [
    ("宁化县人民法院增设宁化县诉调对接中心，开展诉源治理。", {("宁化县人民法院", "诉源治理")}),
    ("宁化县人民法院筹建宁化县诉调对接中心，开展诉源治理。", {("宁化县人民法院", "诉源治理")}),
    # negative: a body joined by 与 acts with the first
    (
        "宁化县人民法院与宁化县诉调对接中心共同开展诉源治理。",
        {("宁化县人民法院", "诉源治理"), ("宁化县诉调对接中心", "诉源治理")},
    ),
]
NO_TOWNSHIP_FROM_A_VERB = [
    ("攀枝花市东区增设社区服务站。", "增设社区"),
    ("攀枝花市东区设立社区服务站。", "设立社区"),
    ("攀枝花市东区建立社区矫正工作站。", "建立社区"),
]


@pytest.mark.parametrize("text, expected", FOUNDED_IS_NO_ACTOR)
def test_a_founded_body_adopts_nothing(text, expected):
    assert set(adoptions(text)) == expected


@pytest.mark.parametrize("text, verb_township", NO_TOWNSHIP_FROM_A_VERB)
def test_a_founding_verb_starts_no_township(text, verb_township):
    regions = [r["name"] for r in doc(text)["regions"]]
    assert "东区" in regions and verb_township not in regions


@pytest.mark.parametrize("verb", ["设立", "增设", "筹建", "挂牌成立"])
def test_a_founded_unit_carries_its_founders_name(verb):
    x = doc(f"崂山区人民法院{verb}金融审判庭。")
    unit = next(i for i in x["institutions"] if i["name"] == "青岛市崂山区人民法院金融审判庭")
    start = 7 + len(verb)
    assert [(e["start"], e["end"], e["rule"]) for e in unit["evidence"]] == [(start, start + 5, "inst.founded:审判庭")]


def test_no_unit_after_a_verb_that_founds_nothing():
    names = [i["name"] for i in doc("崂山区人民法院重视金融审判庭建设。")["institutions"]]
    assert "青岛市崂山区人民法院金融审判庭" not in names


def test_a_users_founding_verb_reaches_every_rule(tmp_path):
    text = "宁化县人民法院扩建宁化县诉调对接中心，开展诉源治理。攀枝花市东区扩建社区服务站。"
    before = doc(text)
    assert ("宁化县诉调对接中心", "诉源治理") in map(tuple, before["adopts"])
    (tmp_path / "triggers.tsv").write_text("role\tword\nfound\t扩建\n", encoding="utf-8")
    lexicon.use(lexicon.load_user_lexicon(tmp_path))
    try:
        after = doc(text)
    finally:
        lexicon.use(None)
    assert [tuple(p) for p in after["adopts"]] == [("宁化县人民法院", "诉源治理")]
    assert "扩建社区" in [r["name"] for r in before["regions"]]
    assert "扩建社区" not in [r["name"] for r in after["regions"]]
