"""Files written atomically: one file under a temporary name renamed into place (`write_atomic`), a
build's outputs through a staging folder published all at once (`Outputs`)."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

from ..errors import GovgraphError
from .switch import (
    MANIFEST,
    Stage,
    foreign_entries,
    publish_by_exchange,
    publish_in_place,
    read_manifest,
    remove_old,
    write_manifest,
)


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


def _create(path: Path):
    """A new output file in the staging folder (a private folder: no temporary name needed)."""
    return open(path, "w", encoding="utf-8", newline="\n", buffering=1 << 20)


class Outputs:
    """Files written into a staging folder (`switch.Stage`, made on first use) and published
    by `commit`: swapped with OUT in one step where the system allows, else renamed into OUT
    one by one (`govgraph.build.switch`); or removed by `abort`.

    govgraph touches only what it wrote: a manifest in OUT lists the files of the last build.
    An existing file it did not write is never overwritten (the build stops and names it);
    files of the last build that this one no longer writes (a document removed from the
    corpus) are deleted; a file it did not write that sits in OUT beside its outputs stays
    (and the outputs are then published one by one); nothing is written outside OUT but the
    staging folder beside it, which is gone when the build ends.
    """

    MANIFEST = MANIFEST

    def __init__(self, out: Path):
        self.out = Path(out)
        self.root = self.out.resolve()
        self.pending: set[str] = set()  # relative names written into the staging folder
        self.placed: list[Path] = []  # renamed into OUT by a `commit` in place that has not finished
        self.warnings: list[str] = []
        self.previous = self._read_manifest()
        self._stage: Stage | None = None

    @property
    def stage(self) -> Stage:
        if self._stage is None:
            self._stage = Stage(self.out)
        return self._stage

    @property
    def published(self) -> bool:
        """Whether OUT holds this build (then a failure after it undoes nothing)."""
        return self._stage is not None and self._stage.swapped

    def _read_manifest(self) -> set[str]:
        try:
            return read_manifest(self.out)
        except (OSError, ValueError) as e:
            path = self.out / self.MANIFEST
            raise GovgraphError(f"{path}: unreadable govgraph manifest ({e}); remove it to build here") from None

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
        self._target(rel)
        path = self.stage.path / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        self.pending.add(rel)
        return _create(path)

    def write_text(self, rel: str, text: str) -> None:
        with self.open(rel) as f:
            f.write(text)

    def commit(self, graph: dict | None = None) -> list[str]:
        """Publish the staged files (all closed); their paths in OUT. `graph`: what the graph
        holds (`build.counts`), kept in the manifest."""
        current = sorted(self.pending)
        stage = self.stage
        write_manifest(stage.path, current, graph)
        foreign = foreign_entries(stage.live, self.previous) if stage.beside else []
        if stage.beside and not foreign and publish_by_exchange(stage):
            kept = remove_old(stage)
            if kept:
                self.warnings.append(f"{kept}: the last build, with files govgraph did not write in it; left there")
        else:
            if foreign:
                shown = ", ".join(foreign[:3]) + (", …" if len(foreign) > 3 else "")
                self.warnings.append(
                    f"{self.out}: holds files govgraph did not write ({shown}); "
                    "the outputs were replaced one by one, not all in one step"
                )
            publish_in_place(stage, current, self.previous, self.placed)
        self.pending = set()
        self.placed = []
        self.previous = set(current)
        return [str(self.out / rel) for rel in current]

    def abort(self, fresh_folder: bool = False) -> None:
        """Remove the staging folder; in a folder this build made (`fresh_folder`), also the
        files an unfinished `commit` in place had already put in OUT: they belong to nobody else."""
        if fresh_folder:
            for target in self.placed:
                try:
                    os.unlink(target)
                    if target.parent != self.root:
                        target.parent.rmdir()
                except OSError:  # gone already, or a folder with somebody else's files
                    pass
        if self._stage is not None:
            self._stage.discard()
        self.pending = set()
