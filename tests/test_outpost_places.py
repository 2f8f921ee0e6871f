"""An outpost's place vouched for by another outpost of the same place (两路人民法庭与两路派出所): jieba reads
some places' names as common words (两路 as a numeral), so the tags alone name no station; a place the
article has already named an outpost after does. Exact offsets and rule ids, and a negative."""

import pytest

from extract_helpers import adoptions, institutions

TRIBUNAL = "渝北区人民法院两路人民法庭"
CASES = [
    (
        TRIBUNAL + "与两路派出所、两路司法所共同推行“前端联调”。",
        [
            ("重庆市渝北区人民法院两路人民法庭", 0, 13, "inst.subunit:人民法庭"),
            ("两路派出所", 14, 19, "inst.named:派出所"),
            ("两路司法所", 20, 25, "inst.named:司法所"),
        ],
    ),
    (
        TRIBUNAL + "推行“前端联调”。两路派出所民警参与调解。",
        [
            ("重庆市渝北区人民法院两路人民法庭", 0, 13, "inst.subunit:人民法庭"),
            ("两路派出所", 22, 27, "inst.named:派出所"),
        ],
    ),
]
# with no outpost of that place named before, 两路 stays a numeral and a measure word
NEGATIVES = [
    ("渝北区人民法院推行“前端联调”。两路派出所民警参与调解。", [("重庆市渝北区人民法院", 0, 7, "inst.head:人民法院")])
]


@pytest.mark.parametrize("text, expected", CASES + NEGATIVES)
def test_an_outposts_place_vouched_for(text, expected):
    assert institutions(text) == expected


def test_vouched_outposts_are_co_actors():
    found = adoptions(TRIBUNAL + "与两路派出所、两路司法所共同推行“前端联调”。")
    assert {body for body, _ in found} == {"重庆市渝北区人民法院两路人民法庭", "两路派出所", "两路司法所"}
