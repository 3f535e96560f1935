"""Readers turn paths into records; writers turn records back into JSONL or text files.

Inputs may be files, folders (recursive), globs, ``-`` for stdin, JSONL (``.jsonl``, ``.ndjson``,
optionally gzipped) and plain text in UTF-8, UTF-16 (with BOM), Windows-1251 or KOI8-R. Every
problem with one input is a single-line message; with ``on_error="skip"`` the reader reports it,
counts it and goes on, with ``"stop"`` it raises.
"""

from __future__ import annotations

import glob
import gzip
import io
import json
import os
import sys
import tempfile
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import BinaryIO, Literal

from .errors import InputError, RecordError
from .records import Record, make_record, meta_of

OnError = Literal["skip", "stop"]

JSONL_SUFFIXES = (".jsonl", ".ndjson", ".jsonl.gz", ".ndjson.gz")
TEXT_SUFFIXES = (".txt", ".text", ".txt.gz")
_CORPUS_FILES = "looked for .txt, .text, .jsonl, .ndjson, optionally .gz"
STDIN = "-"
STDIN_ID = "<stdin>"
_SNIFF_BYTES = 8192
UTF8_REPAIRED = "utf-8, invalid bytes replaced"
_GZIP_MAGIC = b"\x1f\x8b"

# Letters that make up over half of any Russian or Kazakh text; a wrong 8-bit code page turns
# them into rare capitals and box-drawing symbols, so their share tells the right one.
_FREQUENT_CYRILLIC = set("оеаинтсрвлкмдпуяыьгзбчйжхшюцщэфъё")


# --------------------------------------------------------------------------- decoding


def decode_bytes(data: bytes, name: str) -> tuple[str, str]:
    """Return ``(text, encoding)``; raise InputError for binary or undecodable data."""
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return data.decode("utf-16"), "utf-16"
        except UnicodeDecodeError as exc:
            raise InputError(f"{name}: invalid UTF-16 text") from exc
    if b"\x00" in data[:_SNIFF_BYTES]:
        raise InputError(f"{name}: binary file (NUL bytes), not text")
    try:
        return data.decode("utf-8-sig"), "utf-8"
    except UnicodeDecodeError as exc:
        utf8_error = exc
    # A few bad bytes in UTF-8 text (a page cut mid-character) are replaced, not taken as a
    # sign of another code page: real cp1251/KOI8-R text fails UTF-8 on nearly every letter.
    text = data.decode("utf-8-sig", errors="replace")
    if text.count("\ufffd") <= 1 + len(text) // 1000:
        return text, UTF8_REPAIRED
    best, best_score = None, 0.0
    for encoding in ("cp1251", "koi8_r"):
        text = data.decode(encoding, errors="replace")
        score = _cyrillic_plausibility(text)
        if score > best_score:
            best, best_score = (text, encoding), score
    if best is None or best_score < 0.5:
        raise InputError(
            f"{name}: invalid UTF-8 at byte {utf8_error.start} and not Windows-1251/KOI8-R text"
        )
    return best


def _cyrillic_plausibility(text: str) -> float:
    """Share of frequent lowercase letters among Cyrillic letters (about 0.8 for real text)."""
    cyrillic = [ch for ch in text[:20000] if "\u0400" <= ch <= "\u04ff"]
    if len(cyrillic) < 20:
        return 0.0
    return sum(ch in _FREQUENT_CYRILLIC for ch in cyrillic) / len(cyrillic)


# --------------------------------------------------------------------------- paths


def _is_jsonl(path: str) -> bool:
    return path.lower().endswith(JSONL_SUFFIXES)


def _is_corpus_file(path: Path) -> bool:
    name = path.name.lower()
    return not name.startswith(".") and name.endswith(JSONL_SUFFIXES + TEXT_SUFFIXES)


def expand_inputs(
    inputs: Iterable[str], warn: Callable[[str], None] | None = None
) -> Iterator[tuple[str, str | None]]:
    """Yield ``(path, root)`` for every input file; ``root`` is the folder it was found under.

    A path that does not exist yields itself so the reader reports it in order; a folder without
    corpus files yields nothing and ``warn`` gets a message about it (a mistyped folder should
    not pass in silence).
    """
    for spec in inputs:
        if spec == STDIN:
            yield spec, None
            continue
        path = Path(spec)
        if path.is_dir():
            found = sorted(p for p in path.rglob("*") if p.is_file() and _is_corpus_file(p))
            if not found and warn is not None:
                warn(f"{spec}: no corpus files in this folder ({_CORPUS_FILES})")
            for file in found:
                yield str(file), str(path)
        elif path.exists() or not glob.has_magic(spec):
            yield spec, None
        else:
            matches = sorted(glob.glob(spec, recursive=True))
            if not matches:
                yield spec, None
            for match in matches:
                yield from expand_inputs([match], warn)


# --------------------------------------------------------------------------- reader


class Reader:
    """Iterate records from ``inputs``, counting the inputs and records that had to be skipped."""

    def __init__(
        self,
        inputs: Iterable[str],
        on_error: OnError = "skip",
        report: Callable[[str], None] | None = None,
        stdin: BinaryIO | None = None,
    ) -> None:
        self.inputs = list(inputs) or [STDIN]
        self.on_error = on_error
        self.report = report or (lambda message: print(f"ct: warning: {message}", file=sys.stderr))
        self.stdin = stdin
        self.skipped = 0
        self.read = 0

    def __iter__(self) -> Iterator[Record]:
        for path, root in expand_inputs(self.inputs, self.report):
            try:
                for record in self._read_one(path, root):
                    self.read += 1
                    yield record
            except InputError as exc:
                self._fail(exc)

    def _fail(self, exc: InputError) -> None:
        if self.on_error == "stop":
            raise exc
        self.skipped += 1
        self.report(f"{exc} (skipped)")

    def _read_one(self, path: str, root: str | None) -> Iterator[Record]:
        if path == STDIN:
            yield from self._read_stdin()
            return
        try:
            raw = open(path, "rb")  # noqa: SIM115 - closed below, also on generator exit
        except FileNotFoundError as exc:
            raise InputError(f"{path}: no such file or directory") from exc
        except IsADirectoryError as exc:
            raise InputError(f"{path}: is a directory") from exc
        except OSError as exc:
            raise InputError(f"{path}: cannot read ({exc.strerror})") from exc
        with raw:
            stream: BinaryIO = raw
            if path.lower().endswith(".gz"):
                stream = gzip.GzipFile(fileobj=raw)  # type: ignore[assignment]
            try:
                if _is_jsonl(path):
                    yield from self._read_jsonl(stream, path)
                else:
                    yield from self._read_text(stream.read(), path, root)
            except (OSError, EOFError) as exc:
                raise InputError(f"{path}: cannot read ({exc})") from exc

    def _read_text(self, data: bytes, path: str, root: str | None) -> Iterator[Record]:
        doc_id = STDIN_ID if path == STDIN else path
        if not data.strip():
            self.report(f"{doc_id}: empty file (skipped)")
            return
        text, encoding = decode_bytes(data, doc_id)
        meta: dict = {"source": doc_id}
        if root is not None:
            meta["root"] = root
        if encoding == UTF8_REPAIRED:
            meta["encoding"] = encoding
            self.report(f"{doc_id}: invalid UTF-8 bytes replaced with U+FFFD")
        elif encoding != "utf-8":
            meta["encoding"] = encoding
            self.report(f"{doc_id}: not UTF-8, decoded as {encoding}")
        yield make_record(doc_id, text, meta)

    def _read_jsonl(
        self, stream: BinaryIO, path: str, first: bytes = b"", first_lineno: int = 1
    ) -> Iterator[Record]:
        lines = stream if not first else _chain_first(first, stream)
        for lineno, line in enumerate(lines, start=first_lineno):
            if line.isspace():  # stops at the first other byte, where strip() copies the line
                continue
            try:
                yield parse_jsonl_line(line, path, lineno)
            except RecordError as exc:
                self._fail(exc)

    def _read_stdin(self) -> Iterator[Record]:
        stream = self.stdin or sys.stdin.buffer
        peek = stream.read(2)
        if peek == _GZIP_MAGIC:
            stream = gzip.GzipFile(fileobj=_chain_first(peek, stream))  # type: ignore[assignment]
            peek = b""
        first = peek + stream.readline()
        while first and not first.strip():
            first = stream.readline()
        if not first:
            self.report("stdin: no input")
            return
        if looks_like_json_object(first):
            yield from self._read_jsonl(stream, "stdin", first=first)
        else:
            yield from self._read_text(first + stream.read(), STDIN, None)


def looks_like_json_object(line: bytes) -> bool:
    if not line.lstrip().startswith(b"{"):
        return False
    try:
        return isinstance(json.loads(line), dict)
    except ValueError:
        return False


class _chain_first(io.RawIOBase):
    """A readable stream that yields ``head`` and then the rest of ``tail``."""

    def __init__(self, head: bytes, tail: BinaryIO) -> None:
        self.head, self.tail = head, tail

    def readable(self) -> bool:
        return True

    def readinto(self, buffer) -> int:  # type: ignore[override]
        if self.head:
            n = min(len(buffer), len(self.head))
            buffer[:n] = self.head[:n]
            self.head = self.head[n:]
            return n
        chunk = self.tail.read(len(buffer))
        buffer[: len(chunk)] = chunk
        return len(chunk)

    def __iter__(self):  # type: ignore[override]
        return iter(io.BufferedReader(self))


def parse_jsonl_line(line: bytes | str, source: str, lineno: int) -> Record:
    """Parse one JSONL line into a record; the id defaults to ``source:lineno``."""
    where = f"{source}:{lineno}"
    try:
        obj = json.loads(line)
    except ValueError as exc:
        raise RecordError(f"{where}: malformed JSON ({exc.args[0].split(':')[0]})") from exc
    except RecursionError as exc:
        raise RecordError(f"{where}: JSON nested too deeply") from exc
    if not isinstance(obj, dict):
        raise RecordError(f"{where}: expected a JSON object, got {type(obj).__name__}")
    if not isinstance(obj.get("text"), str):
        raise RecordError(f"{where}: record has no string field 'text'")
    if "id" not in obj or obj["id"] in (None, ""):
        obj["id"] = where
    meta_of(obj)
    return obj


def read_records(inputs: Iterable[str], on_error: OnError = "stop") -> Iterator[Record]:
    """Library shortcut: iterate records from paths, raising on the first bad input."""
    return iter(Reader(inputs, on_error=on_error))


# --------------------------------------------------------------------------- writers


def dumps(record: Record) -> str:
    return json.dumps(record, ensure_ascii=False)


def write_jsonl(records: Iterable[Record], out=None) -> int:
    """Write records as JSON Lines to ``out`` (stdout by default); return how many."""
    out = out or sys.stdout
    count = 0
    for record in records:
        out.write(dumps(record) + "\n")
        count += 1
    return count


def atomic_write_text(path: Path, text: str) -> None:
    """Write via a temporary file in the same folder, then rename: no half-written file."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="") as handle:
            handle.write(text)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def output_path_for(record: Record, out_dir: Path) -> Path:
    """Mirror a plain-text input's name under ``out_dir``; JSONL records are named by id."""
    meta = meta_of(record)
    source = meta.get("source")
    if isinstance(source, str) and source != STDIN_ID and Path(source).suffix:
        root = meta.get("root")
        relative = Path(os.path.relpath(source, root)) if root else Path(Path(source).name)
        if relative.name.endswith(".gz"):
            relative = relative.with_name(relative.name[:-3])
        return out_dir / relative.with_suffix(".txt")
    safe = "".join(ch if ch.isalnum() or ch in "-_." else "_" for ch in str(record["id"]))
    return out_dir / f"{safe.strip('.') or 'document'}.txt"


class TextDirWriter:
    """Write one ``.txt`` per record under a folder, atomically, refusing to touch any input."""

    def __init__(self, out_dir: str | Path) -> None:
        self.out_dir = Path(out_dir)
        self.written: set[Path] = set()

    def write(self, record: Record) -> Path:
        target = output_path_for(record, self.out_dir)
        source = meta_of(record).get("source")
        if (
            isinstance(source, str)
            and Path(source).exists()
            and (Path(source).resolve() == target.resolve())
        ):
            raise InputError(f"{target}: refusing to overwrite an input file; choose another -o")
        if target in self.written:
            raise InputError(f"{target}: two documents map to the same output file")
        atomic_write_text(target, record["text"])
        self.written.add(target)
        return target
