"""Find input files and decode them.

Accepted encodings: UTF-8 (with or without BOM), UTF-16 with BOM, GB18030. Anything else is
an `InputError` naming the file.
"""

from __future__ import annotations

import codecs
import os
from dataclasses import dataclass
from importlib import resources
from pathlib import Path

from .errors import GovgraphError, InputError


@dataclass(frozen=True)
class Source:
    """A decoded input document."""

    name: str  # file name, e.g. 000_abc.txt; unique within one build
    path: str
    text: str
    encoding: str


def bundled_corpus() -> list[Path]:
    """The five sample pages shipped with the package."""
    root = resources.files("govgraph") / "data" / "corpus"
    return sorted(Path(str(p)) for p in root.iterdir() if p.name.endswith(".txt"))


def discover(paths: list[str | os.PathLike]) -> list[Path]:
    """Expand files and folders (``*.txt``, recursively) into a sorted, de-duplicated list."""
    found: dict[str, Path] = {}
    for raw in paths:
        p = Path(raw)
        if not p.exists():
            raise GovgraphError(f"{p}: no such file or folder")
        if p.is_dir():
            hits = _walk_txt(p)
            if not hits:
                raise GovgraphError(f"{p}: folder holds no .txt files")
            for h in hits:
                found.setdefault(str(h.resolve()), h)
        else:
            found.setdefault(str(p.resolve()), p)
    files = sorted(found.values(), key=lambda q: (q.name, str(q)))
    names: dict[str, Path] = {}
    for f in files:
        if f.name in names:
            raise GovgraphError(f"{f}: same file name as {names[f.name]}; document names must be unique")
        names[f.name] = f
    return files


def _walk_txt(root: Path) -> list[Path]:
    out = []
    seen_dirs = set()
    # followlinks=True with a visited set: symlinked folders are read once, loops end.
    for dirpath, dirnames, filenames in os.walk(root, followlinks=True):
        real = os.path.realpath(dirpath)
        if real in seen_dirs:
            dirnames[:] = []
            continue
        seen_dirs.add(real)
        dirnames.sort()
        for fn in sorted(filenames):
            if fn.lower().endswith(".txt"):
                out.append(Path(dirpath) / fn)
    return out


def decode(data: bytes, path: str = "<bytes>") -> tuple[str, str]:
    """Decode bytes to text; returns (text, encoding name)."""
    if data.startswith(codecs.BOM_UTF8):
        try:
            return data[3:].decode("utf-8"), "utf-8-sig"
        except UnicodeDecodeError as e:
            raise InputError(path, f"has a UTF-8 BOM but invalid UTF-8 at byte {e.start + 3}") from None
    if data.startswith(codecs.BOM_UTF16_LE) or data.startswith(codecs.BOM_UTF16_BE):
        try:
            return data.decode("utf-16"), "utf-16"
        except UnicodeDecodeError as e:
            raise InputError(path, f"has a UTF-16 BOM but invalid UTF-16 at byte {e.start}") from None
    if b"\x00" in data:
        raise InputError(path, "looks binary (NUL bytes) and has no UTF-16 BOM")
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    try:
        text = data.decode("gb18030")
    except UnicodeDecodeError as e:
        raise InputError(
            path, f"is neither UTF-8, UTF-16 with BOM nor GB18030 (undecodable byte at {e.start})"
        ) from None
    return text, "gb18030"


def read(path: Path) -> Source:
    try:
        data = path.read_bytes()
    except IsADirectoryError:
        raise InputError(path, "is a folder, expected a .txt file") from None
    except PermissionError:
        raise InputError(path, "cannot be read (permission denied)") from None
    except OSError as e:
        raise InputError(path, f"cannot be read ({e.strerror or e})") from None
    text, enc = decode(data, str(path))
    if not text.strip():
        raise InputError(path, "is empty (no text to read)")
    # Offsets index this decoded text as it is (CRLF kept); normalize treats "\r" as space.
    return Source(name=path.name, path=str(path), text=text, encoding=enc)
