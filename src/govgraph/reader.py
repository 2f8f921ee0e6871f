"""Find input files and decode them.

Accepted encodings: UTF-8 (with or without BOM), UTF-16 with BOM, GB18030. Anything else is
an `InputError` naming the file.
"""

from __future__ import annotations

import codecs
import os
import stat
from collections.abc import Sequence
from dataclasses import dataclass, field
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


# A generous bound on one input file: a year of a newspaper is about 200 MB.
MAX_FILE_SIZE = 512 * 1024 * 1024


@dataclass
class Inputs:
    """The files a build reads, in name order, and the entries it skips (each "path: problem")."""

    files: list[Path] = field(default_factory=list)
    skipped: list[str] = field(default_factory=list)


def shown(path: str | os.PathLike) -> str:
    """A path as text that can always be printed and written: bytes of a file name that are not
    UTF-8 (kept by the OS as surrogate escapes) appear as \\xNN."""
    return os.fsencode(path).decode("utf-8", "backslashreplace")


def discover(paths: Sequence[str | os.PathLike]) -> Inputs:
    """Expand files and folders (``*.txt``, recursively) into a sorted, de-duplicated list.

    Only regular files are read: FIFOs, devices and sockets are skipped and named, as are
    folders that cannot be listed. A path that does not exist at all is a usage error."""
    found: dict[str, Path] = {}
    inputs = Inputs()
    for raw in paths:
        p = Path(raw)
        if not os.path.lexists(p):
            raise GovgraphError(f"{shown(p)}: no such file or folder")
        if p.is_dir():
            before = len(inputs.skipped)
            hits = _walk_txt(p, inputs.skipped)
            if not hits and len(inputs.skipped) == before:
                raise GovgraphError(f"{shown(p)}: folder holds no .txt files")
        else:
            hits = [p]
        for h in hits:
            problem = _not_regular(h)
            if problem:
                inputs.skipped.append(f"{shown(h)}: {problem}")
            else:
                found.setdefault(os.path.realpath(h), h)
    inputs.files = sorted(found.values(), key=lambda q: (q.name, str(q)))
    names: dict[str, Path] = {}
    for f in inputs.files:
        if f.name in names:
            raise GovgraphError(f"{shown(f)}: same file name as {shown(names[f.name])}; document names must be unique")
        names[f.name] = f
    return inputs


def _not_regular(path: Path) -> str | None:
    """Why `path` is not read as a file (a FIFO would block, a device never ends), or None.
    A path that cannot be examined is left to `read`, which names its problem."""
    try:
        mode = os.stat(path).st_mode
    except OSError:
        return None
    if stat.S_ISREG(mode):
        return None
    if stat.S_ISFIFO(mode):
        return "is a FIFO, not a regular file"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "is a device, not a regular file"
    if stat.S_ISDIR(mode):
        return "is a folder, expected a .txt file"
    return "is not a regular file"


def _walk_txt(root: Path, skipped: list[str]) -> list[Path]:
    """Every ``*.txt`` under `root`, in sorted order. An explicit stack instead of recursion:
    folders may nest deeper than Python's recursion limit. Symlinked folders are followed once,
    so loops end; a folder that cannot be listed is named in `skipped`."""
    out: list[Path] = []
    seen_dirs: set[str] = set()
    stack = [root]
    while stack:
        folder = stack.pop()
        real = os.path.realpath(folder)
        if real in seen_dirs:
            continue
        seen_dirs.add(real)
        try:
            with os.scandir(folder) as it:
                entries = sorted(it, key=lambda e: e.name)
        except OSError as e:
            skipped.append(f"{shown(folder)}: folder cannot be read ({e.strerror or e})")
            continue
        subfolders = []
        for entry in entries:
            try:
                is_dir = entry.is_dir()  # follows symlinks
            except OSError:
                is_dir = False
            if is_dir:
                subfolders.append(Path(entry.path))
            elif entry.name.lower().endswith(".txt"):
                out.append(Path(entry.path))
        stack.extend(reversed(subfolders))  # visit in name order
    return out


def extraction_stems(names: list[str]) -> dict[str, str]:
    """The file stem of each document's extraction JSON: the name without ``.txt``, unless
    that collides, case-folded, with an earlier document's (x.txt and x.TXT; on a
    case-insensitive disk they would be one file): then the whole name, then a counter."""
    stems: dict[str, str] = {}
    taken: set[str] = set()
    for name in sorted(names):
        stem = name[:-4] if name.lower().endswith(".txt") and len(name) > 4 else name
        candidates = [stem, name] + [f"{name}-{i}" for i in range(2, len(names) + 2)]
        chosen = next(c for c in candidates if c.casefold() not in taken)
        taken.add(chosen.casefold())
        stems[name] = chosen
    return stems


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


def read(path: Path, max_bytes: int = MAX_FILE_SIZE) -> Source:
    """Read and decode one file; an `InputError` names the file and its problem."""
    try:
        # O_NONBLOCK: opening a FIFO that slipped past `discover` must not wait for a writer
        with os.fdopen(os.open(path, os.O_RDONLY | os.O_NONBLOCK), "rb") as f:
            if not stat.S_ISREG(os.fstat(f.fileno()).st_mode):
                raise InputError(shown(path), "is not a regular file")
            data = f.read(max_bytes + 1)
    except IsADirectoryError:
        raise InputError(shown(path), "is a folder, expected a .txt file") from None
    except PermissionError:
        raise InputError(shown(path), "cannot be read (permission denied)") from None
    except OSError as e:
        raise InputError(shown(path), f"cannot be read ({e.strerror or e})") from None
    if len(data) > max_bytes:
        raise InputError(shown(path), f"is larger than the limit of {max_bytes} bytes (--max-file-size)")
    text, enc = decode(data, shown(path))
    if not text.strip():
        raise InputError(shown(path), "is empty (no text to read)")
    # Offsets index this decoded text as it is (CRLF kept); normalize treats "\r" as space.
    return Source(name=shown(path.name), path=shown(path), text=text, encoding=enc)
