"""Normalise newspaper page dumps into clean text with a map back to original offsets.

Two steps:

* `normalize_chars` maps characters one to one (full-width digits and Latin letters to ASCII,
  odd spaces to a plain space) and drops invisible ones. It is idempotent.
* `unwrap` rebuilds paragraphs: page dumps break lines inside words, even across blank lines
  (``破\\n\\n解执行``). Paragraphs are told apart by indentation, block markers (headings,
  bylines, captions), terminal punctuation and line length, whichever the page uses.

The result is a `CleanText`: `text` plus `origin[i]`, the offset in the original text of
clean character `i`. Paragraphs are separated by a single ``\\n``.
"""

from __future__ import annotations

import re
import statistics
from dataclasses import dataclass

# Full-width ASCII block (！ to ～) maps to ASCII, but keep Chinese punctuation as written:
# only digits, Latin letters and the signs that belong to numbers are folded.
_FOLD = {chr(c): chr(c - 0xFEE0) for c in range(0xFF10, 0xFF1A)}  # ０-９
_FOLD.update({chr(c): chr(c - 0xFEE0) for c in range(0xFF21, 0xFF3B)})  # Ａ-Ｚ
_FOLD.update({chr(c): chr(c - 0xFEE0) for c in range(0xFF41, 0xFF5B)})  # ａ-ｚ
_FOLD.update({"％": "%", "．": ".", "＋": "+", "－": "-"})
_SPACES = {"\u00a0", "\u2002", "\u2003", "\u2009", "\u202f", "\u205f", "\t", "\r", "\x0b", "\x0c"}
_INVISIBLE = {"\u200b", "\u200c", "\u200d", "\u2060", "\ufeff", "\u00ad"}

INDENT_CHARS = "\u3000 "
TERMINAL = set("。！？!?；;…")
CLOSERS = set("”’」』）)》\"'")
# No paragraph starts with these: a line that does continues the one before it.
CONTINUATION = set("，、。；：）》」』！？,.;:)%")
# Lines that open a block: markdown headings, bylines, captions, list bullets.
BLOCK_MARKER = re.compile(r"^(#{1,6}\s|□|■|◆|●|▲|★|【|图[①-⑳\d]|（图|表\d|编者按|记者手记)")
# Blocks that are one line long (a caption, by contrast, may wrap onto the next line).
ONE_LINE_BLOCK = re.compile(r"^(#{1,6}\s|□|■)")


_TRANSLATE = str.maketrans({**_FOLD, **{c: " " for c in _SPACES}})
_DROP = re.compile("[" + "".join(sorted(_INVISIBLE)) + "\x00-\x08\x0e-\x1f\x7f]")


def normalize_chars(text: str) -> tuple[str, list[int]]:
    """Fold characters one to one and drop invisible ones; returns (text, kept indices)."""
    drops = [m.start() for m in _DROP.finditer(text)]
    if not drops:
        # the common case: nothing to drop, so positions stay where they are
        return text.translate(_TRANSLATE), list(range(len(text)))
    dropped = set(drops)
    keep = [i for i in range(len(text)) if i not in dropped]
    return "".join(text[i] for i in keep).translate(_TRANSLATE), keep


@dataclass
class CleanText:
    text: str
    origin: list[int]  # origin[i] = offset in the original text of text[i]
    paragraphs: list[tuple[int, int]]  # (start, end) in clean text
    original: str = ""  # the text as decoded, which the offsets index

    def span(self, start: int, end: int) -> tuple[int, int]:
        """Map a clean span [start, end) to the original text."""
        if end <= start:
            o = self.origin[start] if start < len(self.origin) else (self.origin[-1] + 1 if self.origin else 0)
            return o, o
        return self.origin[start], self.origin[end - 1] + 1


_WIDE = re.compile("[\u2e80-\U0010ffff]")


def _width(s: str) -> int:
    """Display width: CJK characters count two."""
    return len(s) + len(_WIDE.findall(s))


def _ends_terminal(line: str) -> bool:
    s = line.rstrip()
    while s and s[-1] in CLOSERS:
        s = s[:-1]
        if s and s[-1] in TERMINAL:
            return True
    return bool(s) and s[-1] in TERMINAL


def _is_indented(raw_line: str) -> bool:
    return raw_line.startswith("\u3000") or raw_line.startswith("  ")


def unwrap(original: str) -> CleanText:
    """Rebuild paragraphs of a page dump; see the module docstring."""
    text, keep = normalize_chars(original)
    # Lines of the char-normalised text, with their start offsets in it.
    lines: list[tuple[int, str]] = []
    pos = 0
    for raw in text.split("\n"):
        lines.append((pos, raw))
        pos += len(raw) + 1
    nonblank = [(i, s, raw) for i, (s, raw) in enumerate(lines) if raw.strip()]
    if not nonblank:
        return CleanText("", [], [], original)

    indented = sum(1 for _, _, raw in nonblank if _is_indented(raw))
    indent_doc = indented >= 3 and indented >= 0.1 * len(nonblank)
    adjacent = sum(1 for a, b in zip(nonblank, nonblank[1:]) if b[0] == a[0] + 1)
    single_wrap_doc = adjacent >= 0.2 * len(nonblank)
    widths = [_width(raw.strip()) for _, _, raw in nonblank if len(raw.strip()) > 5]
    typical = statistics.median(widths) if widths else 0

    def is_short(raw: str) -> bool:
        return _width(raw.strip()) < 0.6 * typical

    def hard_break(prev: tuple, nxt: tuple) -> bool:
        (pi, _, praw), (ni, _, nraw) = prev, nxt
        if _is_indented(nraw) and indent_doc or BLOCK_MARKER.match(nraw.strip()):
            return True
        if ONE_LINE_BLOCK.match(praw.strip()):
            return True
        blank_between = ni - pi > 1
        if nraw.strip()[0] in CONTINUATION:
            return False
        if _ends_terminal(praw) or is_short(praw):
            return True
        if indent_doc:
            return False
        if single_wrap_doc:
            return blank_between
        return False

    out: list[str] = []
    origin: list[int] = []
    paragraphs: list[tuple[int, int]] = []
    para_start = 0
    for k, item in enumerate(nonblank):
        _, start, raw = item
        if k > 0:
            if hard_break(nonblank[k - 1], item):
                paragraphs.append((para_start, len(out)))
                # the separator maps to the line break that ended the previous line
                prev_start, prev_raw = nonblank[k - 1][1], nonblank[k - 1][2]
                out.append("\n")
                origin.append(keep[prev_start + len(prev_raw)] if prev_start + len(prev_raw) < len(keep) else keep[-1])
                para_start = len(out)
        lstrip = len(raw) - len(raw.lstrip(INDENT_CHARS))
        body = raw.strip(INDENT_CHARS)
        for j, ch in enumerate(body):
            out.append(ch)
            origin.append(keep[start + lstrip + j])
    paragraphs.append((para_start, len(out)))
    return CleanText("".join(out), origin, paragraphs, original)
