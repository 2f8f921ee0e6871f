"""Files written atomically: under a temporary name, renamed into place once all is done."""

from __future__ import annotations

import json
import os
import tempfile
from pathlib import Path

from ..errors import GovgraphError


def file_mode() -> int:
    """The mode of an ordinary new file under this process's umask (mkstemp makes 0600)."""
    mask = os.umask(0)
    os.umask(mask)
    return 0o666 & ~mask


def _temporary(target: Path):
    """A new temporary text file beside `target` (so that renaming it is atomic): (file, path)."""
    fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent)
    return os.fdopen(fd, "w", encoding="utf-8", newline="\n", buffering=1 << 20), tmp


def write_atomic(path: Path, text: str) -> None:
    """Write UTF-8 text to `path` through a temporary file in the same folder and a rename."""
    path.parent.mkdir(parents=True, exist_ok=True)
    f, tmp = _temporary(path)
    try:
        with f:
            f.write(text)
        os.chmod(tmp, file_mode())
        os.replace(tmp, path)
    except BaseException:
        if os.path.exists(tmp):
            os.unlink(tmp)
        raise


class Outputs:
    """Files written under temporary names in their final folders, renamed into place by
    `commit` (in sorted order), or removed by `abort`.

    govgraph touches only what it wrote: a manifest in OUT lists the files of the last build.
    An existing file it did not write is never overwritten (the build stops and names it);
    files of the last build that this one no longer writes (a document removed from the
    corpus) are deleted; nothing is written outside OUT.
    """

    MANIFEST = ".govgraph-manifest.json"

    def __init__(self, out: Path):
        self.out = Path(out)
        self.root = self.out.resolve()
        self.pending: dict[str, str] = {}  # relative name -> temporary path
        self.placed: list[Path] = []  # renamed into place by a `commit` that has not finished
        self.made_dirs: list[Path] = []  # folders made for outputs, removed again by `abort` if empty
        self.mode = file_mode()
        self.previous = self._read_manifest()

    def _read_manifest(self) -> set[str]:
        path = self.out / self.MANIFEST
        try:
            names = json.loads(path.read_text(encoding="utf-8"))["files"]
        except FileNotFoundError:
            return set()
        except (OSError, ValueError, KeyError, TypeError) as e:
            raise GovgraphError(f"{path}: unreadable govgraph manifest ({e}); remove it to build here") from None
        return {n for n in names if isinstance(n, str)}

    def _target(self, rel: str) -> Path:
        parts = Path(rel).parts
        if Path(rel).is_absolute() or ".." in parts or not parts:
            raise GovgraphError(f"{rel}: output name would leave the output folder {self.out}")
        target = self.out / rel
        if not target.parent.resolve().is_relative_to(self.root):
            raise GovgraphError(f"{target}: output would leave the output folder {self.out} (through a link)")
        if (target.exists() or target.is_symlink()) and rel not in self.previous:
            raise GovgraphError(
                f"{target}: exists and was not written by govgraph; move it away or choose another output folder"
            )
        return target

    def open(self, rel: str):
        target = self._target(rel)
        if not target.parent.is_dir():
            target.parent.mkdir(parents=True)
            self.made_dirs.append(target.parent)
        f, tmp = _temporary(target)
        old = self.pending.get(rel)
        if old is not None and os.path.exists(old):
            os.unlink(old)
        self.pending[rel] = tmp
        return f

    def write_text(self, rel: str, text: str) -> None:
        with self.open(rel) as f:
            f.write(text)

    def commit(self) -> list[str]:
        written = []
        for rel in sorted(self.pending):
            tmp = self.pending[rel]
            os.chmod(tmp, self.mode)  # mkstemp makes 0600; outputs are ordinary files
            target = self.out / rel
            os.replace(tmp, target)
            self.placed.append(target)
            written.append(str(target))
        current = set(self.pending)
        for rel in sorted(self.previous - current):  # ours, from a build that had more documents
            stale = self.out / rel
            if stale.is_file() and not stale.is_symlink() and stale.parent.resolve().is_relative_to(self.root):
                os.unlink(stale)
        manifest = json.dumps({"files": sorted(current)}, ensure_ascii=False, indent=1) + "\n"
        write_atomic(self.out / self.MANIFEST, manifest)
        self.pending = {}
        self.placed = []
        self.previous = current
        return written

    def abort(self, fresh_folder: bool = False) -> None:
        """Remove the temporary files; in a folder this build made (`fresh_folder`), also the
        files an unfinished `commit` had already put in place: they belong to nobody else."""
        if fresh_folder:
            for target in self.placed:
                try:
                    os.unlink(target)
                except OSError:
                    pass
        for tmp in self.pending.values():
            try:
                os.unlink(tmp)
            except OSError:
                pass
        self.pending = {}
        for folder in reversed(self.made_dirs):
            try:
                folder.rmdir()
            except OSError:  # not empty: somebody else's files are in it
                pass
