"""Dictionary matching and the one overlap rule used everywhere: longest span, then earliest."""

from __future__ import annotations

from collections.abc import Iterable
from typing import TypeVar

T = TypeVar("T")


class DictMatcher:
    """Finds every occurrence of a set of keys in a text (keys of 2+ characters).

    Lengths are indexed by first character, so a scan costs one dict lookup per position
    plus one per candidate length.
    """

    def __init__(self, keys: Iterable[str]):
        self.keys = {k for k in keys if k}
        self.lengths: dict[str, list[int]] = {}
        for k in self.keys:
            self.lengths.setdefault(k[0], []).append(len(k))
        for c in self.lengths:
            self.lengths[c] = sorted(set(self.lengths[c]), reverse=True)

    def find_all(self, text: str) -> list[tuple[int, int, str]]:
        out = []
        keys, lengths = self.keys, self.lengths
        for i, ch in enumerate(text):
            for n in lengths.get(ch, ()):
                s = text[i : i + n]
                if len(s) == n and s in keys:
                    out.append((i, i + n, s))
        return out

    def find(self, text: str) -> list[tuple[int, int, str]]:
        """Non-overlapping matches, longest first then earliest."""
        return resolve_overlaps(self.find_all(text), key=lambda m: (m[0], m[1]))


def resolve_overlaps(items: list[T], key) -> list[T]:
    """Keep a non-overlapping subset: longest span first, then the earliest; output in text order.

    `key(item)` returns (start, end).
    """
    ranked = sorted(items, key=lambda it: (-(key(it)[1] - key(it)[0]), key(it)[0]))
    taken: list[tuple[int, int]] = []
    kept = []
    for it in ranked:
        s, e = key(it)
        if all(e <= ts or s >= te for ts, te in taken):
            taken.append((s, e))
            kept.append(it)
    return sorted(kept, key=lambda it: key(it))
