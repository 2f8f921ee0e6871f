"""The extraction cache: re-running `build` re-extracts only new or changed documents.

An entry is one document's extraction records (`records.Extraction`, pickled), keyed by a
digest of the document's name and text. Entries live in a folder named after the *rules
key*, a digest of everything that decides what extraction returns: the govgraph version,
`lexicon.rules_version()` (the gazetteer, institution heads, trigger words and mechanism
vocabulary), jieba's version and the source of the extraction code itself. A change to any
of them starts a fresh folder, and the stale ones are removed.

Layout: ``CACHE/<rules key>/<2 hex>/<38 hex>.pickle``. Each file starts with the SHA-256 of
the pickle that follows, and is written to a temporary name and renamed into place, so a
crash or a concurrent build never leaves a torn entry that would be believed.
"""

from __future__ import annotations

import hashlib
import os
import shutil
import tempfile
from dataclasses import dataclass
from importlib import resources
from pathlib import Path

# Modules whose code decides the extraction records (the graph and exports are rebuilt from
# the records every time, so their code is not part of the key).
_CODE = ("normalize.py", "segment.py", "spans.py", "records.py", "pipeline.py", "resolve.py", "lexicon.py", "reader.py")


def rules_key() -> str:
    from . import __version__, lexicon

    h = hashlib.sha256()
    h.update(f"govgraph {__version__}\0".encode())
    h.update(f"rules {lexicon.rules_version()}\0".encode())
    try:
        from importlib.metadata import version

        h.update(f"jieba {version('jieba')}\0".encode())
    except Exception:  # pragma: no cover - jieba installed without metadata
        pass
    root = resources.files("govgraph")
    files = [root / n for n in _CODE] + sorted((root / "extract").iterdir(), key=lambda p: p.name)
    for f in files:
        if f.name.endswith(".py") and f.is_file():
            h.update(f.name.encode() + b"\0" + f.read_bytes() + b"\0")
    return h.hexdigest()[:20]


def document_key(name: str, text: str) -> str:
    """Documents are keyed by name and decoded text: records carry the name (in every evidence)."""
    h = hashlib.sha256(name.encode("utf-8", "surrogatepass"))
    h.update(b"\0")
    h.update(text.encode("utf-8", "surrogatepass"))
    return h.hexdigest()[:40]


@dataclass
class CacheStats:
    hits: int = 0
    misses: int = 0
    writes: int = 0


class ExtractionCache:
    def __init__(self, root: str | os.PathLike, key: str | None = None):
        self.root = Path(root)
        self.key = key or rules_key()
        self.dir = self.root / self.key
        self.stats = CacheStats()
        self._pruned = False

    def _path(self, doc_key: str) -> Path:
        return self.dir / doc_key[:2] / f"{doc_key[2:]}.pickle"

    def get(self, doc_key: str) -> bytes | None:
        """The pickled records for a document, or None (absent, unreadable or corrupt)."""
        try:
            raw = self._path(doc_key).read_bytes()
        except OSError:
            self.stats.misses += 1
            return None
        digest, blob = raw[:32], raw[32:]
        if len(raw) < 32 or hashlib.sha256(blob).digest() != digest:
            self.stats.misses += 1
            return None
        self.stats.hits += 1
        return blob

    def has(self, doc_key: str) -> bool:
        return self._path(doc_key).is_file()

    def put(self, doc_key: str, blob: bytes) -> None:
        path = self._path(doc_key)
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=".entry.", suffix=".tmp", dir=path.parent)
        try:
            with os.fdopen(fd, "wb") as f:
                f.write(hashlib.sha256(blob).digest())
                f.write(blob)
            os.replace(tmp, path)
        except BaseException:
            if os.path.exists(tmp):
                os.unlink(tmp)
            raise
        self.stats.writes += 1

    def prune(self) -> None:
        """Remove the folders of other rules keys (entries no build can use any more)."""
        if self._pruned or not self.root.is_dir():
            return
        self._pruned = True
        for p in self.root.iterdir():
            if p.is_dir() and p.name != self.key and len(p.name) == len(self.key):
                shutil.rmtree(p, ignore_errors=True)
