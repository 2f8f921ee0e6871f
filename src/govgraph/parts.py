"""Big files in parts, so that memory stays bounded whatever the size of one file.

A file longer than `PART_CHARS` characters (a year of a newspaper in one dump, say) is cut
into consecutive parts of about that size, at article starts where the text shows them
(a byline with its headline above), else at a paragraph break, else at a line break. Each
part is normalised and segmented here, in order, so its articles are numbered on from the
parts before it and its offsets are those of the whole file; then each part is extracted
on its own (in parallel when there are workers) and the parts' records are put back
together into the file's one extraction JSON by `DocumentJson`.

What a part does not see: an abbreviation whose full name stands only in an earlier part,
and the regions named only in other parts (each part has its own context). Article
boundaries keep this rare: articles do not share such context either.
"""

from __future__ import annotations

import os
import re
import tempfile
from collections.abc import Iterator
from dataclasses import dataclass

from .normalize import CleanText

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
    from .segment import _looks_like_headline, is_byline

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
                    if above and not _looks_like_headline(above):
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
    from .normalize import unwrap
    from .segment import segment

    cuts = cut_points(text, size)
    first_article = 0
    for i, (a, b) in enumerate(zip(cuts, cuts[1:] + [len(text)])):
        clean = unwrap(text[a:b])
        clean.base = a
        articles = segment(clean, first_article)
        first_article += len(articles)
        yield Part(i, len(cuts), a, clean, articles)


# ---------------------------------------------------------------------------- the JSON

ENTITY_LISTS = ("institutions", "parent_bodies", "regions", "mechanisms")
_KEYS = ("document", "articles", *ENTITY_LISTS, "adopts", "adopts_evidence", "quantities")


def part_records(x) -> dict:
    """A part's extraction (`records.Extraction`) as what `DocumentJson` merges: records
    already encoded, entities split into their head, their mentions and their evidence."""
    from .assemble import encode_json as enc
    from .pipeline import to_json

    obj = to_json(x)
    out: dict = {
        "articles": [enc(a) for a in obj["articles"]],
        "quantities": [enc(q) for q in obj["quantities"]],
        "facts": {(f.relation, f.subject, f.object) for f in x.facts},
    }
    for key in ENTITY_LISTS:
        rows = []
        for e in obj[key]:
            head = {k: v for k, v in e.items() if k not in ("mentions", "evidence")}
            rows.append((e["name"], enc(head)[:-1], e["mentions"], [enc(ev) for ev in e["evidence"]]))
        out[key] = rows
    out["adopts"] = [(tuple(pair), [enc(ev) for ev in evs]) for pair, evs in zip(obj["adopts"], obj["adopts_evidence"])]
    return out


class DocumentJson:
    """One file's extraction JSON put together from its parts, in part order, in bounded
    memory: encoded records and evidence wait in a spool file; only entity heads, mentions
    and spool positions stay in memory. The text has the layout of `assemble.dumps`.
    Entities of the same name in several parts become one (the first part's fields, all
    mentions, all evidence); adoptions likewise."""

    def __init__(self, document: str, tmp_dir=None):
        self.document = document
        fd, self.path = tempfile.mkstemp(prefix=".govgraph-json-", suffix=".tmp", dir=tmp_dir)
        self.spool = os.fdopen(fd, "w+b")
        self.lists: dict[str, list[tuple[int, int]]] = {"articles": [], "quantities": []}  # spool blocks
        self.counts = {"articles": 0, "quantities": 0}
        self.entities: dict[str, dict[str, list]] = {k: {} for k in ENTITY_LISTS}
        self.adopts: dict[tuple, list] = {}
        self.facts: set[tuple] = set()

    def _put(self, items: list[str], sep: str) -> tuple[int, int] | None:
        if not items:
            return None
        data = sep.join(items).encode("utf-8")
        at = self.spool.seek(0, os.SEEK_END)
        self.spool.write(data)
        return at, len(data)

    def add(self, records: dict) -> None:
        for key in ("articles", "quantities"):
            block = self._put(records[key], ",\n  ")
            if block:
                self.lists[key].append(block)
                self.counts[key] += len(records[key])
        for key in ENTITY_LISTS:
            merged = self.entities[key]
            for name, head, mentions, evidence in records[key]:
                entry = merged.get(name)
                if entry is None:
                    entry = merged[name] = [head, list(mentions), []]
                else:
                    entry[1] += [m for m in mentions if m not in entry[1]]
                block = self._put(evidence, ", ")
                if block:
                    entry[2].append(block)
        self.facts |= records["facts"]
        for pair, evidence in records["adopts"]:
            blocks = self.adopts.setdefault(pair, [])
            block = self._put(evidence, ", ")
            if block:
                blocks.append(block)

    def _read(self, blocks: list[tuple[int, int]], sep: str) -> str:
        parts = []
        for at, length in blocks:
            self.spool.seek(at)
            parts.append(self.spool.read(length).decode("utf-8"))
        return sep.join(parts)

    def write(self, f) -> dict:
        """Write the JSON to the open text file `f`; returns the counts per list."""
        from .assemble import encode_json as enc

        f.write("{\n " + enc("document") + ": " + enc(self.document))
        for key in _KEYS[1:]:
            f.write(",\n " + enc(key) + ": ")
            if key in ("articles", "quantities"):
                rows = [self._read(self.lists[key], ",\n  ")] if self.counts[key] else []
            elif key in ENTITY_LISTS:
                rows = [
                    f'{head}, "mentions": {enc(mentions)}, "evidence": [{self._read(blocks, ", ")}]}}'
                    for head, mentions, blocks in self.entities[key].values()
                ]
            elif key == "adopts":
                rows = [enc(list(pair)) for pair in self.adopts]
            else:  # adopts_evidence
                rows = [f"[{self._read(blocks, ', ')}]" for blocks in self.adopts.values()]
            f.write("[\n  " + ",\n  ".join(rows) + "\n ]" if rows else "[]")
        f.write("\n}\n")
        return {
            "articles": self.counts["articles"],
            "institutions": len(self.entities["institutions"]),
            "regions": len(self.entities["regions"]),
            "mechanisms": len(self.entities["mechanisms"]),
            "facts": len(self.adopts) + len(self.facts),
            "outcomes": self.counts["quantities"],
        }

    def close(self) -> None:
        self.spool.close()
        try:
            os.unlink(self.path)
        except OSError:
            pass
