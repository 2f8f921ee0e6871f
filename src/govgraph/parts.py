"""Big files in parts, so that memory stays bounded whatever the size of one file.

A file longer than `PART_CHARS` characters (a year of a newspaper in one dump, say) is cut
into consecutive parts of about that size, at article starts where the text shows them
(a byline with its headline above), else at a paragraph break, else at a line break. Each
part is normalised and segmented here, in order, so its articles are numbered on from the
parts before it and its offsets are those of the whole file; then each part is extracted
on its own (in parallel when there are workers) and the parts' records are put back
together into the file's one extraction JSON by `build.jsonout.DocumentJson`.

What a part does not see: an abbreviation whose full name stands only in an earlier part,
and the regions named only in other parts (each part has its own context). Article
boundaries keep this rare: articles do not share such context either.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from .normalize import CleanText, unwrap
from .segment import is_byline, looks_like_headline, segment

PART_CHARS = 200_000  # about 600 kB of Chinese text: a part's records and triples stay near 50 MB
_LOOK_AHEAD = 0.25  # how far past the nominal size a cut may go to find an article start


@dataclass
class Part:
    index: int
    count: int  # parts of the file
    start: int  # offset of the part in the file's text
    clean: CleanText
    articles: list  # segment.Article, numbered on from the earlier parts


def needs_parts(text: str, size: int | None = None) -> bool:
    return len(text) > (PART_CHARS if size is None else size)


def cut_points(text: str, size: int | None = None) -> list[int]:
    """Offsets where parts start: 0, then one past about every `size` characters."""
    size = PART_CHARS if size is None else size
    cuts = [0]
    n = len(text)
    while n - cuts[-1] > size:
        target = cuts[-1] + size
        window_end = min(n, target + max(200, int(size * _LOOK_AHEAD)))
        cut = None
        # 1. an article start: a byline line, with the headline lines right above it
        pos = target
        while cut is None:
            nl = text.find("\n", pos, window_end)
            if nl < 0:
                break
            line_start = nl + 1
            line_end = text.find("\n", line_start, window_end)
            if line_end < 0:
                break
            if is_byline(text[line_start:line_end].strip()):
                cut = probe = line_start
                for _ in range(4):  # climb over the headline lines (and blank lines between them)
                    prev_end = probe - 1
                    prev_start = text.rfind("\n", cuts[-1], prev_end) + 1
                    if prev_start <= cuts[-1]:
                        break
                    above = text[prev_start:prev_end].strip()
                    if above and not looks_like_headline(above):
                        break
                    probe = prev_start
                    if above:
                        cut = prev_start
            pos = line_start
        # 2. a paragraph break (a blank line), 3. a line break, 4. anywhere
        if cut is None:
            m = _BLANK_LINE.search(text, target, window_end)
            if m:
                cut = m.end()
        if cut is None:
            nl = text.find("\n", target, window_end)
            cut = nl + 1 if nl >= 0 else target
        if cut >= n:  # nothing after the break: the last part runs to the end
            break
        cuts.append(cut)
    return cuts


_BLANK_LINE = re.compile(r"\n[ \t\r\u3000]*\n")


def split(text: str, size: int | None = None) -> Iterator[Part]:
    """The file's parts, normalised and segmented, in order."""
    cuts = cut_points(text, size)
    first_article = 0
    for i, (a, b) in enumerate(zip(cuts, cuts[1:] + [len(text)])):
        clean = unwrap(text[a:b])
        clean.base = a
        articles = segment(clean, first_article)
        first_article += len(articles)
        yield Part(i, len(cuts), a, clean, articles)
