"""Dictionary matching and the one overlap rule used everywhere: longest span, then earliest."""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import TypeVar

T = TypeVar("T")


def words_pattern(words: Iterable[str]) -> re.Pattern:
    """One regex that finds any of `words`, tried in the order given (one scan of a text instead of an
    `in` for each word); one that never matches when there are none."""
    words = list(words)
    return re.compile("|".join(map(re.escape, words)) if words else "(?!)")


def find_each(text: str, word: str, start: int = 0):
    """The start of each occurrence of `word` in `text` from `start`, left to right, not overlapping (as
    `re.finditer` of the escaped word finds them, without building a pattern per word)."""
    step = len(word) or 1  # an empty word is found at every position, as re.finditer("") does
    i = text.find(word, start)
    while i >= 0:
        yield i
        i = text.find(word, i + step)


class DictMatcher:
    """Finds every occurrence of a set of keys in a text.

    The keys live in a character trie (nested dicts), entered by a key's first two characters, so a
    scan costs one dict lookup per possible start and one more per character of a candidate that
    keeps matching: most starts end after the first lookup.
    """

    _END = ""  # the key under which a trie node stores the word that ends there

    def __init__(self, keys: Iterable[str]):
        self.keys = {k for k in keys if k}
        self.trie: dict = {}
        for k in self.keys:
            node = self.trie
            for ch in k:
                node = node.setdefault(ch, {})
            node[self._END] = k
        # the positions where a key may start, found by `re` in one pass (the loop below then visits
        # only those instead of every character): a key's first character that is a key itself or
        # is followed by a character some key has second (a third of the first characters)
        firsts = "".join(sorted(self.trie))
        singles = "".join(sorted(k for k in self.keys if len(k) == 1))
        seconds = "".join(sorted({k[1] for k in self.keys if len(k) > 1}))
        tests = [f"(?<=[{re.escape(singles)}])"] if singles else []  # the character is a key
        tests += [f"(?=[{re.escape(seconds)}])"] if seconds else []  # a key may go on
        self.starts = re.compile(f"[{re.escape(firsts)}](?:{'|'.join(tests)})" if firsts else "(?!)")
        # a start's first two characters looked up at once (one slice and one lookup turn down most
        # starts, which share a first and a second character with keys but no pair), the keys of one
        # character apart
        self.pairs = {a + b: node for a, child in self.trie.items() for b, node in child.items() if b != self._END}
        self.singles = frozenset(k for k in self.keys if len(k) == 1)

    def find_all(self, text: str) -> list[tuple[int, int, str]]:
        out = []
        pairs, singles, end_key = self.pairs, self.singles, self._END
        n = len(text)
        for m in self.starts.finditer(text):
            i = m.start()
            if singles and text[i] in singles:
                out.append((i, i + 1, text[i]))
            node = pairs.get(text[i : i + 2])
            j = i + 2
            while node is not None:
                word = node.get(end_key)
                if word is not None:
                    out.append((i, j, word))
                if j >= n:
                    break
                node = node.get(text[j])
                j += 1
        return out

    def find(self, text: str) -> list[tuple[int, int, str]]:
        """Non-overlapping matches, longest first then earliest."""
        return resolve_overlaps(self.find_all(text), key=lambda m: (m[0], m[1]))


def resolve_overlaps(items: list[T], key) -> list[T]:
    """Keep a non-overlapping subset: longest span first, then the earliest; output in text order.

    `key(item)` returns (start, end).
    """
    if len(items) < 2:
        return list(items)
    spans = [key(it) for it in items]  # each item's span, asked once
    ranks = [(s - e, s) for s, e in spans]
    taken: list[tuple[int, int]] = []
    kept = []
    for i in sorted(range(len(items)), key=ranks.__getitem__):
        s, e = spans[i]
        for ts, te in taken:  # (a plain loop: a generator in `all` cost more than the test)
            if s < te and ts < e:
                break
        else:
            taken.append((s, e))
            kept.append(i)
    return [items[i] for i in sorted(kept, key=spans.__getitem__)]
