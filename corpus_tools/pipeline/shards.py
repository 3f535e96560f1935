"""Sharded JSONL folders: one file per partition, written atomically, with completion markers.

A stage's output folder holds ``part-00000.jsonl.gz``, ``part-00001.jsonl.gz`` ... and a hidden
``.complete/`` folder. A part's marker is written after its file has been renamed into place,
and the folder's ``_SUCCESS`` marker after every part: a stage interrupted at any point can be
run again and redoes only the parts without a marker (datatrove's completion files work the same
way). Markers carry a fingerprint of the stage's input and options, so a marker left by a run
with other inputs or options does not count. Every ct command reads such a folder as it is
(``ct stats out/``), markers ignored.
"""

from __future__ import annotations

import gzip
import io
import json
import os
import tempfile
from collections.abc import Iterable, Iterator
from pathlib import Path

from ..errors import CtError
from ..io import Reader, dumps
from ..records import Record

COMPLETE = ".complete"
SUCCESS = "_SUCCESS"


class ShardSet:
    """The parts of one stage's output folder."""

    def __init__(
        self, folder: Path, parts: int, compression: str = "gzip", fingerprint: str = ""
    ) -> None:
        if compression not in ("gzip", "none"):
            raise CtError(f"unknown compression: {compression} (choose gzip or none)")
        self.folder = folder
        self.parts = parts
        self.suffix = ".jsonl.gz" if compression == "gzip" else ".jsonl"
        self.fingerprint = fingerprint

    def path(self, part: int) -> Path:
        return self.folder / f"part-{part:05d}{self.suffix}"

    def paths(self) -> list[Path]:
        return [self.path(part) for part in range(self.parts)]

    def _marker(self, part: int) -> Path:
        return self.folder / COMPLETE / f"part-{part:05d}"

    def _read_marker(self, marker: Path) -> dict | None:
        try:
            found = json.loads(marker.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return None
        if not isinstance(found, dict) or found.get("fingerprint") != self.fingerprint:
            return None
        return found

    def part_done(self, part: int) -> bool:
        return self.path(part).exists() and self._read_marker(self._marker(part)) is not None

    def pending(self) -> list[int]:
        return [part for part in range(self.parts) if not self.part_done(part)]

    def done(self) -> bool:
        """Complete: ``_SUCCESS`` and every part's marker are there, from a run like this one."""
        success = self._read_marker(self.folder / COMPLETE / SUCCESS)
        return success is not None and success.get("parts") == self.parts and not self.pending()

    def prune(self) -> None:
        """Delete part files beyond this run's count (an earlier run had more parts) and the
        temporary files of a run that was killed in the middle of a write."""
        if not self.folder.is_dir():
            return
        keep = {path.name for path in self.paths()}
        for stale in self.folder.glob("part-*.jsonl*"):
            if stale.name not in keep:
                stale.unlink()
        for unfinished in self.folder.glob(".part-*.tmp"):
            unfinished.unlink()

    def mark_done(self) -> None:
        self._write_marker(SUCCESS, {"parts": self.parts})

    def write_part(self, part: int, records: Iterable[Record]) -> int:
        """Write one part atomically, then its marker; returns the number of records."""
        count = write_jsonl_file(self.path(part), records)
        self._write_marker(self._marker(part).name, {"records": count})
        return count

    def _write_marker(self, name: str, fields: dict) -> None:
        data = json.dumps({**fields, "fingerprint": self.fingerprint}).encode()
        _atomic_write(self.folder / COMPLETE / name, data)


def read_part(path: Path | str) -> Iterator[Record]:
    """The records of one part; a damaged part is an error, never silently short."""
    return iter(Reader([str(path)], on_error="stop"))


def write_jsonl_file(path: Path, records: Iterable[Record]) -> int:
    """Records to ``path`` (gzip when it ends in .gz) through a temporary file and a rename."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    count = 0
    try:
        with os.fdopen(fd, "wb") as raw:
            binary = (
                gzip.GzipFile(fileobj=raw, mode="wb", compresslevel=1, mtime=0)
                if path.suffix == ".gz"
                else raw
            )
            with io.TextIOWrapper(binary, encoding="utf-8", newline="\n") as out:  # type: ignore[arg-type]
                for record in records:
                    out.write(dumps(record) + "\n")
                    count += 1
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    return count


def _atomic_write(path: Path, data: bytes) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
