"""The extraction JSON: one document's records as text (`dumps`), and a big file's JSON put
together from its parts (`DocumentJson`)."""

from __future__ import annotations

import json
import os
import tempfile
from collections.abc import Callable
from typing import Any

from ..pipeline import to_json


def _record_encoder() -> Callable[[Any], str]:
    """`json.JSONEncoder(ensure_ascii=False).encode`, less what that method does on every call
    before it reaches the C encoder (a table of the containers seen, for cycles; a closure; a
    new C encoder): a third of the time of a small record, and a document's JSON is made of
    thousands. Records are trees of dicts, lists, strings and numbers: no cycles, the same
    text. Where the C encoder is missing, the method itself."""
    make = getattr(json.encoder, "c_make_encoder", None)  # the C accelerator; None without it
    if make is None:
        return json.JSONEncoder(ensure_ascii=False).encode
    default = json.JSONEncoder().default  # what cannot be encoded raises the usual TypeError
    encode = make(None, default, json.encoder.encode_basestring, None, ": ", ", ", False, False, True)
    return lambda obj: "".join(encode(obj, 0))


encode_json = _record_encoder()


def dumps(obj: dict) -> str:
    """A document's extraction as JSON, one record per line:

        {
         "document": "a.txt",
         "institutions": [
          {"name": "荆州市中级人民法院", "kind": "court", ...},
          ...
         ],
         ...
        }

    Readable and diff-friendly like an indented dump, but each record goes through the
    standard library's C encoder (indentation makes `json.dumps` fall back to pure Python,
    several times slower). Non-ASCII characters are written as they are."""
    enc = encode_json
    parts = []
    for k, v in obj.items():
        if isinstance(v, (list, tuple)) and v:
            body = ",\n  ".join([enc(item) for item in v])
            parts.append(f"{enc(k)}: [\n  {body}\n ]")
        else:
            parts.append(f"{enc(k)}: {enc(v)}")
    return "{\n " + ",\n ".join(parts) + "\n}" if parts else "{}"


ENTITY_LISTS = ("institutions", "parent_bodies", "regions", "mechanisms")
_KEYS = ("document", "articles", *ENTITY_LISTS, "adopts", "adopts_evidence", "quantities")


def part_records(x) -> dict:
    """A part's extraction (`records.Extraction`) as what `DocumentJson` merges: records
    already encoded, entities split into their head, their mentions and their evidence."""
    enc = encode_json
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
    and spool positions stay in memory. The text has the layout of `dumps`.
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
        enc = encode_json
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
