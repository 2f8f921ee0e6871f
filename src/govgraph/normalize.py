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
# A web page's metadata line: 来源：…, 作者：…, 发布时间：…, or a date (and time) alone.
METADATA_LINE = re.compile(
    r"^[（(]?(?:(?:信息)?来源|作者|(?:发布)?(?:时间|日期)|(?:责任)?编辑|字号|浏览|阅读|点击)\s*[:：]"
    r"|^\d{4}[-/.年]\d{1,2}[-/.月]\d{1,2}日?(?:\s+\d{1,2}:\d{2}(?::\d{2})?)?$"
)
# Lines that open a block: markdown headings, bylines, captions, list bullets, metadata.
BLOCK_MARKER = re.compile(r"^(#{1,6}\s|□|■|◆|●|▲|★|【|图[①-⑳\d]|（图|表\d|编者按|记者手记)|" + METADATA_LINE.pattern)
# Blocks that are one line long (a caption, by contrast, may wrap onto the next line).
ONE_LINE_BLOCK = re.compile(r"^(#{1,6}\s|□|■)|" + METADATA_LINE.pattern)


_FOLD_MAP = {**_FOLD, **{c: " " for c in _SPACES}}
# str.translate looks every character up in a dict (slow on CJK text); a regex finds the few
# characters that fold and leaves the rest alone, at C speed.
_FOLDABLE = re.compile("[" + "".join(re.escape(c) for c in sorted(_FOLD_MAP)) + "]")
_DROP = re.compile("[" + "".join(sorted(_INVISIBLE)) + "\x00-\x08\x0e-\x1f\x7f]")


# Web posts write ASCII punctuation in Chinese text (…牵头,会同县法院…); the rules read the
# full-width forms, so a sign next to a Chinese character or sign takes its full-width form.
# Between digits and Latin letters it stays (1,234; 10:21). Brackets stay as written: they
# are part of names and figures (件(人)次), which keep the text's form.
_CJK = "\u3000-\u303f\u4e00-\u9fff\uff01-\uff0f\uff1a-\uff20\u2018-\u201d"
_ASCII_IN_CJK = re.compile(f"(?<=[{_CJK}])[,;:?!]+|[,;:?!]+(?=[{_CJK}])")  # a run at once: idempotent
_WIDE = {c: chr(ord(c) + 0xFEE0) for c in ",;:?!"}


def _fold(text: str) -> str:
    text = _FOLDABLE.sub(lambda m: _FOLD_MAP[m.group()], text)
    return _ASCII_IN_CJK.sub(lambda m: "".join(_WIDE[c] for c in m.group()), text)


def _fold_and_drop(text: str) -> tuple[str, range | list[int]]:
    """`normalize_chars`, but kept indices stay a `range` when nothing is dropped (the common
    case), which slices and indexes like the list without building it."""
    drops = [m.start() for m in _DROP.finditer(text)]
    if not drops:
        return _fold(text), range(len(text))
    # kept indices are the runs between dropped characters
    keep: list[int] = []
    prev = 0
    for d in drops:
        keep += range(prev, d)
        prev = d + 1
    keep += range(prev, len(text))
    return _fold(_DROP.sub("", text)), keep


def normalize_chars(text: str) -> tuple[str, list[int]]:
    """Fold characters one to one and drop invisible ones; returns (text, kept indices)."""
    text, keep = _fold_and_drop(text)
    return text, list(keep)


@dataclass
class CleanText:
    text: str
    origin: list[int]  # origin[i] = offset in the original text of text[i]
    paragraphs: list[tuple[int, int]]  # (start, end) in clean text
    original: str = ""  # the text as decoded, which the offsets index
    base: int = 0  # where `original` starts in its file (a part of a big file), added to offsets

    def span(self, start: int, end: int) -> tuple[int, int]:
        """Map a clean span [start, end) to offsets in the original file."""
        if end <= start:
            o = self.origin[start] if start < len(self.origin) else (self.origin[-1] + 1 if self.origin else 0)
            return o + self.base, o + self.base
        return self.origin[start] + self.base, self.origin[end - 1] + 1 + self.base

    def exact(self, start: int, end: int) -> str:
        """The original characters between two file offsets (from `span`)."""
        return self.original[start - self.base : end - self.base]


_NARROW = re.compile("[^\u2e80-\U0010ffff]")


def _width(s: str) -> int:
    """Display width: CJK characters count two."""
    # counts the narrow characters, which are few in Chinese text (the wide ones are many)
    return 2 * len(s) - len(_NARROW.findall(s))


def ends_terminal(line: str) -> bool:
    s = line.rstrip()
    while s and s[-1] in CLOSERS:
        s = s[:-1]
        if s and _terminal_at_end(s):
            return True
    return bool(s) and _terminal_at_end(s)


def _terminal_at_end(s: str) -> bool:
    """Terminal punctuation ends `s`; an ASCII full stop only after a Chinese word or a percentage
    (…缩短35%., as outlets writing ASCII punctuation end sentences), not in No. or after a number."""
    return s[-1] in TERMINAL or (s[-1] == "." and len(s) > 1 and ("\u4e00" <= s[-2] <= "\u9fff" or s[-2] == "%"))


# An indented line starts with a full-width space or two spaces.
_INDENTS = ("\u3000", "  ")


TYPICAL_MIN = 5  # lines it takes for their median width to be a full line's
# a text of one paragraph a line: most lines end a sentence (a page dump wrapped at a width ends
# few: about one in six); there a line that ends none and holds no clause of a sentence is a headline
# (a long paragraph may still be wrapped: its lines hold clauses)
PARAGRAPH_LINES_SHARE = 0.5
PARAGRAPH_LINES_MIN = 4
CLAUSE_MARKS = frozenset("，、；。,;")


def _paragraph_lines(terminal: list[bool]) -> bool:
    """Whether the text is written one paragraph a line (most lines but the last end a sentence), from
    whether each line ends a sentence."""
    if len(terminal) < PARAGRAPH_LINES_MIN:
        return False
    return sum(terminal[:-1]) >= PARAGRAPH_LINES_SHARE * (len(terminal) - 1)


def unwrap(original: str) -> CleanText:
    """Rebuild paragraphs of a page dump; see the module docstring."""
    text, keep = _fold_and_drop(original)
    # Non-blank lines of the char-normalised text: (line number, start offset in it, raw
    # line, stripped line).
    nonblank: list[tuple[int, int, str, str]] = []
    pos = 0
    for i, raw in enumerate(text.split("\n")):
        s = raw.strip()
        if s:
            nonblank.append((i, pos, raw, s))
        pos += len(raw) + 1
    if not nonblank:
        return CleanText("", [], [], original)

    indents = [raw.startswith(_INDENTS) for _, _, raw, _ in nonblank]
    indented = sum(indents)
    indent_doc = indented >= 3 and indented >= 0.1 * len(nonblank)
    adjacent = sum(1 for a, b in zip(nonblank, nonblank[1:]) if b[0] == a[0] + 1)
    single_wrap_doc = adjacent >= 0.2 * len(nonblank)
    widths = [_width(s) for _, _, _, s in nonblank]
    long_widths = [w for w, (_, _, _, s) in zip(widths, nonblank) if len(s) > 5]
    # the width of a full line: the median, unless too few lines make it one of the short ones (a headline
    # and two paragraphs of one line each, where the median is the headline's)
    typical = (
        (statistics.median(long_widths) if len(long_widths) >= TYPICAL_MIN else max(long_widths)) if long_widths else 0
    )
    short = 0.6 * typical
    # whether each line ends a sentence (its raw form ends as the stripped one does: white space is no sign)
    terminal = [ends_terminal(s) for _, _, _, s in nonblank]
    one_a_line = _paragraph_lines(terminal)

    # The clean text is built from whole pieces (line bodies, separators) and `origin` from
    # slices of `keep`, not character by character.
    out: list[str] = []
    origin: list[int] = []
    paragraphs: list[tuple[int, int]] = []
    para_start = n = 0  # n: length of the clean text so far
    prev = None
    for k, (ni, start, raw, s) in enumerate(nonblank):
        if prev is not None:
            pi, prev_start, praw, ps = prev
            # whether a paragraph ends between the previous line and this one
            if indent_doc and indents[k] or BLOCK_MARKER.match(s) or ONE_LINE_BLOCK.match(ps):
                brk = True
            elif s[0] in CONTINUATION:
                brk = False
            elif terminal[k - 1] or widths[k - 1] < short:
                brk = True
            elif one_a_line:
                brk = not CLAUSE_MARKS & set(ps)  # 广东佛山南海区：“村居法律顾问”让群众家门口享法律服务
            elif indent_doc:
                brk = False
            elif single_wrap_doc:
                brk = ni - pi > 1  # a blank line between them
            else:
                brk = False
            if brk:
                paragraphs.append((para_start, n))
                # the separator maps to the line break that ended the previous line
                end = prev_start + len(praw)
                out.append("\n")
                origin.append(keep[end] if end < len(keep) else keep[-1])
                n += 1
                para_start = n
        body = raw.strip(INDENT_CHARS)
        b = start + len(raw) - len(raw.lstrip(INDENT_CHARS))
        out.append(body)
        origin += keep[b : b + len(body)]
        n += len(body)
        prev = nonblank[k]
    paragraphs.append((para_start, n))
    return CleanText("".join(out), origin, paragraphs, original)
