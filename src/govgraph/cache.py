"""The extraction cache: re-running `build` re-extracts only new or changed documents.

An entry is one document's extraction records as JSON (`govgraph.codec`: data only, checked
field by field when read, tied to its document's name and key), keyed by a digest of the
document's name and text. An entry that does not check out is dropped and the document
extracted again; a cache that cannot be written is a warning, never a failure. Entries live in a folder named after the *rules
key*, a digest of everything that can change what extraction returns: the govgraph version,
every Python file of the package and every rule file (`data/`, but not the sample articles
under `data/corpus/`, and the ontology files; the package is walked, so a new module or data
file is covered without a list to update), the user lexicon in use (`--lexicon`), and
jieba's version. A change to any of them starts a fresh folder, and the stale ones are removed.

Layout: ``CACHE/<rules key>/<2 hex>/<38 hex>.json``, and a marker file ``GOVGRAPH-CACHE`` in
each rules-key folder: only folders with that marker are ever removed, so a user's own folder
inside the cache folder is safe. Entries are written to a temporary name and renamed into
place, so a crash or a concurrent build never leaves a torn entry.
"""

from __future__ import annotations

import hashlib
import os
import shutil
import tempfile
from collections.abc import Iterator
from dataclasses import dataclass
from importlib import resources
from importlib.resources.abc import Traversable
from pathlib import Path

from . import __version__, lexicon

# Folders of the package that hold no rule (the bundled sample articles are inputs).
_NOT_RULES = ("data/corpus", "__pycache__")
_RULE_SUFFIXES = (".py", ".tsv", ".ttl", ".json", ".txt", ".csv")  # not docs, page assets, queries


def _package_files(root: Traversable, prefix: str = "") -> Iterator[tuple[str, Traversable]]:
    """(relative path, file) of every file of the package that can hold code or rules, sorted."""
    for entry in sorted(root.iterdir(), key=lambda e: e.name):
        rel = prefix + entry.name
        if any(rel == n or rel.endswith("/" + n) for n in _NOT_RULES) or entry.name.startswith("."):
            continue
        if entry.is_dir():
            yield from _package_files(entry, rel + "/")
        elif entry.name.endswith(_RULE_SUFFIXES):
            yield rel, entry


def rules_key(root: Traversable | None = None) -> str:
    """The digest of everything that can change an extraction; `root`: the package folder
    (with the ontology in its `ontology/`, as an installed wheel has it)."""
    h = hashlib.sha256()
    h.update(f"govgraph {__version__}\0".encode())
    # the ontology is walked on its own: an editable install maps it from the repository's
    # top-level ontology/ folder, so it is not inside the package folder there
    package = root or resources.files("govgraph")
    ontology = root / "ontology" if root is not None else resources.files("govgraph.ontology")
    files = [(rel, f) for rel, f in _package_files(package) if not rel.startswith("ontology/")]
    files += _package_files(ontology, "ontology/")
    for rel, f in files:
        h.update(rel.encode() + b"\0" + f.read_bytes() + b"\0")
    h.update(f"rules {lexicon.rules_version()}\0".encode())  # the rule files as the loaders read them
    h.update(f"lexicon {lexicon.active().digest}\0".encode())
    h.update(f"jieba {_jieba_version()}\0".encode())
    return h.hexdigest()[:20]


def _jieba_version() -> str:
    # imported here, for a build with a cache: importlib.metadata brings the email package
    # (10 ms and more), which nothing else of a build needs
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version("jieba")
    except PackageNotFoundError:  # pragma: no cover - jieba installed without metadata
        return "unknown"


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


MARKER = "GOVGRAPH-CACHE"  # in each rules-key folder: what `prune` may remove


class ExtractionCache:
    def __init__(self, root: str | os.PathLike, key: str | None = None):
        self.root = Path(root)
        self.key = key or rules_key()
        self.dir = self.root / self.key
        self.stats = CacheStats()
        self._pruned = False

    def _path(self, doc_key: str) -> Path:
        return self.dir / doc_key[:2] / f"{doc_key[2:]}.json"

    def get(self, doc_key: str) -> bytes | None:
        """The stored entry for a document (checked by `codec.decode` where it is used), or None."""
        try:
            blob = self._path(doc_key).read_bytes()
        except OSError:
            self.stats.misses += 1
            return None
        self.stats.hits += 1
        return blob

    def has(self, doc_key: str) -> bool:
        return self._path(doc_key).is_file()

    def put(self, doc_key: str, blob: bytes) -> None:
        """Store an entry; raises OSError when the cache cannot be written."""
        path = self._path(doc_key)
        if not (self.dir / MARKER).is_file():
            self.dir.mkdir(parents=True, exist_ok=True)
            (self.dir / MARKER).write_text("govgraph extraction cache: safe to delete\n", encoding="utf-8")
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=".entry.", suffix=".tmp", dir=path.parent)
        try:
            with os.fdopen(fd, "wb") as f:
                f.write(blob)
            os.replace(tmp, path)
        except BaseException:
            if os.path.exists(tmp):
                os.unlink(tmp)
            raise
        self.stats.writes += 1

    def prune(self) -> None:
        """Remove the folders of other rules keys (entries no build can use any more): only
        folders that govgraph marked as its own."""
        if self._pruned:
            return
        self._pruned = True
        try:
            folders = [p for p in self.root.iterdir() if p.name != self.key and (p / MARKER).is_file()]
        except OSError:
            return
        for p in folders:
            shutil.rmtree(p, ignore_errors=True)
