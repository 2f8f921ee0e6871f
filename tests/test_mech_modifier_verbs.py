"""Words that qualify what follows, named as if they were mechanisms: a verb between a quoted target of 对 and a
generic word (对“黑车”开展集中整治) makes the generic word the verb's own object, the quote names what the act targets; a list
a 的 closes (推行覆盖城乡、上下联动的…机制) qualifies the noun after it. Invented texts."""

from __future__ import annotations

from extract_helpers import doc


def mechanisms(text: str) -> dict[str, list[tuple[int, int, str]]]:
    return {m["name"]: [(e["start"], e["end"], e["rule"]) for e in m["evidence"]] for m in doc(text)["mechanisms"]}


def test_a_quote_that_an_act_targets_names_no_campaign():
    assert mechanisms("黄山市公安局对景区周边“黑导游”“黑车”开展集中整治。") == {}


def test_a_quote_a_body_relies_on_is_no_target():
    """依托“寨管家”开展…工作: no 对 makes the quote a target; it names the measure as before."""
    assert mechanisms("榕江县人民检察院依托“寨管家”开展未成年人保护工作。") == {
        "寨管家": [(10, 25, "mech.quoted+tail")]
    }


def test_a_quote_right_before_its_campaign_word_names_one():
    got = mechanisms("黄山市公安局开展“护游”集中整治行动。")
    assert got == {"护游": [(8, 16, "mech.quoted+tail")]}


def test_a_list_that_qualifies_a_noun_names_nothing():
    assert "覆盖城乡" not in mechanisms("甘肃省高级人民法院推行覆盖城乡、上下联动的矛盾纠纷化解机制。")


def test_a_list_of_bare_names_after_a_founding_verb_names_them():
    got = mechanisms("甘肃省高级人民法院推行诉前鉴定、诉前调解，成效明显。")
    assert got["诉前鉴定"] == [(11, 15, "mech.setup-verb+bare")]
