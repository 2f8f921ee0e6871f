"""The scans made faster for issue #13 find what the plain scans found: every key at every place
(DictMatcher), the same spans kept (resolve_overlaps)."""

from __future__ import annotations

import re

import pytest

from govgraph.extract.mech_discovery import INNER_QUOTE
from govgraph.extract.mech_forms import _pair_pattern
from govgraph.lexicon_mechanisms import mechanism_cues
from govgraph.segment import _ready_jieba
from govgraph.spans import DictMatcher, resolve_overlaps

KEYS = ["法院", "人民法院", "中级人民法院", "法", "院", "检察院", "上海", "上海市", "海市", "市"]
TEXTS = [
    "上海市高级人民法院与上海市人民检察院",
    "法院法院院法",
    "中级人民法",  # a key's front at the end of the text
    "检察",
    "市",
    "",
]


def _every_occurrence(keys: list[str], text: str) -> list[tuple[int, int, str]]:
    """The plain scan: each key tried at each place."""
    return sorted((i, i + len(k), k) for i in range(len(text)) for k in set(keys) if text.startswith(k, i))


@pytest.mark.parametrize("text", TEXTS)
def test_the_matcher_finds_every_key_at_every_place(text):
    for keys in (KEYS, [k for k in KEYS if len(k) > 1]):
        found = DictMatcher(keys).find_all(text)
        assert sorted(found) == _every_occurrence(keys, text)
        assert found == sorted(found, key=lambda h: (h[0], h[1]))  # in text order, the shorter first


def _plain_overlaps(items: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """The walk the loop replaced: longest first, then earliest; kept unless it overlaps one kept."""
    kept: list[tuple[int, int]] = []
    for s, e in sorted(items, key=lambda se: (se[0] - se[1], se[0])):
        if all(e <= ks or s >= ke for ks, ke in kept):
            kept.append((s, e))
    return sorted(kept)


@pytest.mark.parametrize(
    "items",
    [[(0, 3), (1, 5), (4, 6), (6, 8), (2, 3)], [(0, 2), (0, 2), (2, 4)], [(3, 3), (0, 5)], [(5, 9)], []],
)
def test_overlaps_keep_the_longest_then_the_earliest(items):
    assert resolve_overlaps(items, key=lambda se: se) == _plain_overlaps(items)


@pytest.mark.parametrize(
    "text", ["五“度”融合", "“度”融合", "诉“调”“裁”对接", "检企对接、警医联动和检警法联动", "“检企”对接", "法院联动", ""]
)
def test_patterns_opening_with_a_class_find_what_their_look_arounds_found(text):
    cues = mechanism_cues()
    chars = re.escape(cues.pair_agents + cues.pair_partners)
    tails = "|".join(map(re.escape, cues.pair_tails))
    looked_ahead = re.compile(rf"(?=([{chars}])([{chars}])({tails}))")
    pairs = [(m.start(), m.groups()) for m in _pair_pattern(cues).finditer(text)]
    assert pairs == [(m.start(), m.groups()) for m in looked_ahead.finditer(text)]
    looked_behind = re.compile(r"(?<=[\u4e00-\u9fff])([“‘][\u4e00-\u9fff]{1,2}[”’])(?=[\u4e00-\u9fff])")
    assert [m.span(1) for m in INNER_QUOTE.finditer(text)] == [m.span(1) for m in looked_behind.finditer(text)]


@pytest.mark.parametrize(
    "text", ["上海市高级人民法院与浦东新区检察院", "宁化县石壁镇江家村", "潭门镇", "12345", "闽西山区", "a", ""]
)
def test_jiebas_word_graph_and_path_are_jiebas_own(text):
    tokenizer = _ready_jieba().dt
    assert "get_DAG" in vars(tokenizer)  # the faster ones stand in the tokenizer
    assert tokenizer.get_DAG(text) == type(tokenizer).get_DAG(tokenizer, text)
    route, plain = {}, {}
    tokenizer.calc(text, tokenizer.get_DAG(text), route)
    type(tokenizer).calc(tokenizer, text, tokenizer.get_DAG(text), plain)
    assert route == plain
