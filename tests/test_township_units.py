"""A unit named after its township with the township's suffix, right after its body (于都县人民法院银坑镇人民法庭,
于都县司法局岭背镇司法所): the unit carries its body's name, and the township is a region (SPEC v2); found on
invented articles of 黑龙江 and 江西 counties (/tmp/inv_quality2_04 d1). Tables with negatives."""

import pytest

from extract_helpers import doc


def found(text: str) -> tuple[list[tuple[str, int, int, str]], list[str]]:
    x = doc(text)
    insts = [(i["name"], e["start"], e["end"], e["rule"]) for i in x["institutions"] for e in i["evidence"]]
    return insts, sorted(r["name"] for r in x["regions"])


UNITS = [
    (
        "于都县人民法院银坑镇人民法庭审结案件210件。",
        ([("于都县人民法院银坑镇人民法庭", 0, 14, "inst.subunit:人民法庭")], ["于都县", "银坑镇"]),
    ),
    (
        "望奎县司法局火箭镇司法所调解纠纷180件。",
        ([("望奎县司法局火箭镇司法所", 0, 12, "inst.subunit:司法所")], ["望奎县", "火箭镇"]),
    ),
    # a tribunal named without the suffix, as before
    (
        "会昌县人民法院筠门岭人民法庭受理案件90件。",
        ([("会昌县人民法院筠门岭人民法庭", 0, 14, "inst.subunit:人民法庭")], ["会昌县"]),
    ),
    # townships as a kind, no one township: no unit of its own
    ("于都县人民法院各乡镇人民法庭审结案件210件。", ([("于都县人民法院", 0, 7, "inst.head:人民法院")], ["于都县"])),
]


@pytest.mark.parametrize("text, expected", UNITS)
def test_a_unit_named_after_its_township_carries_its_bodys_name(text, expected):
    assert found(text) == expected
