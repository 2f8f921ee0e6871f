"""The scans made faster for issue #13 find what the plain scans found: every key at every place
(DictMatcher), the same spans kept (resolve_overlaps)."""

from __future__ import annotations

import pytest

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
