"""A region's short name before an institution's head where jieba glues the name's last character to
the head into another place's name (佛|山海关 in 佛山海关): the name before the head wins. Tables with
exact offsets and rule ids, and negatives (山海关 standing alone stays a place of its own, not 佛山)."""

import pytest

from extract_helpers import doc, institutions


def regions(text: str) -> list[tuple[str, int, int, str]]:
    return [(r["name"], e["start"], e["end"], e["rule"]) for r in doc(text)["regions"] for e in r["evidence"]]


GLUED_CASES = [
    (
        "东莞海关、佛山海关查获走私冻品。",
        [("东莞海关", 0, 4, "inst.head:海关"), ("佛山海关", 5, 9, "inst.head:海关")],
        [("东莞市", 0, 2, "region.short"), ("佛山市", 5, 7, "region.short")],
    ),
    (
        "中山海关加强监管。",
        [("中山海关", 0, 4, "inst.head:海关")],
        [("中山市", 0, 2, "region.short")],
    ),
]

GLUED_NEGATIVES = [
    # no head after it: 山海关 is the scenic pass (a county's short form with no head), nothing of 佛山
    ("游客来到山海关长城参观。", [], []),
    # the full name after its city stays the district
    (
        "秦皇岛市山海关区人民法院审理案件。",
        None,
        [("秦皇岛市", 0, 4, "region.full"), ("山海关区", 4, 8, "region.full")],
    ),
]


@pytest.mark.parametrize("text, bodies, places", GLUED_CASES + GLUED_NEGATIVES)
def test_short_name_before_head_wins_over_glued_word(text, bodies, places):
    if bodies is not None:
        assert institutions(text) == bodies
    assert regions(text) == places


# 村（社区）: villages and communities as a kind, no village's name before it (township_words.tsv suffix_word)
KIND_OF_VILLAGE_CASES = [
    ("绍兴市司法局在全市新建村（社区）法律援助联系点213个。", [("绍兴市", 0, 3, "region.full")]),
    ("来到辖区新建村开展调解。", [("新建村", 4, 7, "region.local.word")]),
]


@pytest.mark.parametrize("text, places", KIND_OF_VILLAGE_CASES)
def test_village_and_community_as_a_kind(text, places):
    assert regions(text) == places


# a transliterated township of five or six characters right after its division (township_words.tsv transliteration)
LONG_TOWNSHIP_CASES = [
    (
        "乌审旗乌兰陶勒盖镇组建调解小分队。",
        [("乌审旗", 0, 3, "region.full"), ("乌兰陶勒盖镇", 3, 9, "region.local")],
    ),
    (
        "苏尼特左旗巴彦乌拉苏木巴音温都尔嘎查调解。",
        [
            ("苏尼特左旗", 0, 5, "region.full"),
            ("巴彦乌拉苏木", 5, 11, "region.local"),
            ("巴音温都尔嘎查", 11, 18, "region.local"),
        ],
    ),
    # a Chinese phrase of that length before 乡 names no township
    ("安吉县扎实推进美丽乡村建设。", [("安吉县", 0, 3, "region.full")]),
    ("乌审旗全力推进乡村振兴。", [("乌审旗", 0, 3, "region.full")]),
]


@pytest.mark.parametrize("text, places", LONG_TOWNSHIP_CASES)
def test_long_transliterated_township(text, places):
    assert regions(text) == places
