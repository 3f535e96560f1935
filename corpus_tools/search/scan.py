"""Find matches in records read from files, folders, JSONL and stdin, filtered on metadata.

Plain JSONL files are the fast path: each is memory-mapped and cut into ranges of whole lines,
whose raw bytes are searched for what a match must contain (``raw.py``); only the lines where it
occurs are parsed as JSON. Ranges and other files (one document each) are work for ``jobs``
processes; their results come back in input order, so the output is the one of a single process.
Gzipped JSONL and stdin stream through the ordinary ``Reader`` in this process. Memory is the
matches of the ranges in flight (the mapped files are the page cache's).
"""

from __future__ import annotations

import functools
import itertools
import mmap
import os
import re
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from typing import TypeVar

import stringzilla as sz

from ..errors import CtError, InputError, RecordError
from ..io import STDIN, Reader, expand_inputs, parse_jsonl_line
from ..parallel import map_ordered
from ..records import Record, bare_host, meta_of
from .matchers import Matcher
from .raw import Buffer, every_line, raw_gate

T = TypeVar("T")

RANGE_BYTES = 4 << 20  # a unit of work: one range of a large JSONL file, or small files
POOL_MIN_BYTES = 8 << 20  # less is searched faster without a pool, unless the matcher is slow
_ISO_PREFIX = re.compile(r"\d{4}(-\d{2}(-\d{2}([T ]\d{2}(:\d{2}(:\d{2})?)?)?)?)?")


@dataclass
class MetaFilter:
    """Keep records by language, site and date (``meta.date``, compared as ISO prefixes)."""

    lang: str | None = None
    site: str | None = None
    since: str | None = None
    until: str | None = None

    def __post_init__(self) -> None:
        for name in ("since", "until"):
            value = getattr(self, name)
            if value is not None and not _ISO_PREFIX.fullmatch(value):
                raise CtError(f"--{name} takes an ISO date such as 2024, 2024-05 or 2024-05-09")
        if self.site:
            self.site = bare_host(self.site)

    def accepts(self, record: Record) -> bool:
        meta = meta_of(record)
        if self.lang:
            lang = record.get("lang") or meta.get("lang")
            if not isinstance(lang, str) or lang.lower() != self.lang.lower():
                return False
        if self.site and not self._site_matches(record, meta):
            return False
        if self.since or self.until:
            date = meta.get("date") or record.get("date")
            if not isinstance(date, str):
                return False
            if self.since and date[: len(self.since)] < self.since:
                return False
            if self.until and date[: len(self.until)] > self.until:
                return False
        return True

    def _site_matches(self, record: Record, meta: dict) -> bool:
        """Any site the record names (``site``, the host of ``url``, top level or in meta) is
        the filter's site or a subdomain of it."""
        assert self.site is not None
        for name in ("site", "url"):
            for value in (record.get(name), meta.get(name)):
                if isinstance(value, str) and value.strip():
                    host = bare_host(value)
                    if host == self.site or host.endswith("." + self.site):
                        return True
        return False


@dataclass
class DocumentMatches:
    """One document that matched, with the spans of every match in its text."""

    record: Record
    spans: list[tuple[int, int]]

    @property
    def doc_id(self) -> str:
        return str(self.record.get("id"))

    @property
    def text(self) -> str:
        return self.record["text"]


def _unchanged(doc: DocumentMatches) -> DocumentMatches:
    return doc


class Searcher:
    """Search inputs for a matcher's spans; counts inputs and records skipped as unreadable."""

    def __init__(
        self,
        matcher: Matcher,
        meta_filter: MetaFilter | None = None,
        on_error: str = "skip",
        report: Callable[[str], None] | None = None,
        first_match_only: bool = False,
    ) -> None:
        self.matcher = matcher
        self.meta_filter = meta_filter or MetaFilter()
        self.on_error = on_error
        self.report = report or (lambda message: None)
        # Enough to list matching ids; the rest of each text is not searched.
        self.first_match_only = first_match_only
        self.gate = raw_gate(matcher)
        self.skipped = 0

    def search(self, inputs: Iterable[str], jobs: int = 1) -> Iterator[DocumentMatches]:
        """Matching documents in input order; ``jobs`` processes search files and ranges of
        large JSONL files, with the same results, in the same order, as one."""
        return self.search_formatted(inputs, _unchanged, jobs)

    def search_formatted(
        self, inputs: Iterable[str], formatter: Callable[[DocumentMatches], T], jobs: int = 1
    ) -> Iterator[T]:
        """``formatter`` of each matching document, in input order. It runs where the document is
        found, in a worker process with ``jobs`` > 1: output is then formatted in parallel, and
        the text, not the record, comes back."""
        batches = _Batches()
        for path, _root in expand_inputs(list(inputs) or [STDIN], self.report):
            if path == STDIN or path.lower().endswith((".jsonl.gz", ".ndjson.gz")):
                yield from self._search_batches(batches.take(), formatter, jobs)
                yield from map(formatter, self._search_stream(path))
            else:
                batches.add_file(path)
        yield from self._search_batches(batches.take(), formatter, jobs)

    def search_records(self, records: Iterable[Record]) -> Iterator[DocumentMatches]:
        """Library entry point for records already in memory or from another stage."""
        for record in records:
            text = record.get("text")
            if not isinstance(text, str) or not self.meta_filter.accepts(record):
                continue
            spans = self.matcher.spans(text)
            spans = list(itertools.islice(spans, 1) if self.first_match_only else spans)
            if spans:
                yield DocumentMatches(record, spans)

    def _search_batches(
        self, batches: list[list[_Piece]], formatter: Callable[[DocumentMatches], T], jobs: int
    ) -> Iterator[T]:
        size = sum(piece.size for batch in batches for piece in batch)
        jobs = jobs if size >= POOL_MIN_BYTES else 1
        search = functools.partial(self._search_batch, formatter=formatter)
        for found in map_ordered(search, batches, jobs, chunk_size=1):
            for message in found.messages:
                self.report(message)
            self.skipped += found.skipped
            yield from found.matches
            if found.error is not None:
                raise found.error

    def _search_stream(self, path: str) -> Iterator[DocumentMatches]:
        reader = Reader([path], on_error=self.on_error, report=self.report)  # type: ignore[arg-type]
        try:
            yield from self.search_records(reader)
        finally:
            self.skipped += reader.skipped

    def _search_batch(
        self, batch: list[_Piece], formatter: Callable[[DocumentMatches], T]
    ) -> _Found:
        """Search a batch of pieces (in a worker process, or here); messages and the error that
        stops a run (``--on-error stop``) travel with the matches, to be reported in order."""
        found = _Found()
        try:
            for piece in batch:
                if piece.whole_file:
                    report = found.messages.append
                    reader = Reader([piece.path], on_error=self.on_error, report=report)  # type: ignore[arg-type]
                    found.matches += map(formatter, self.search_records(reader))
                    found.skipped += reader.skipped
                else:
                    records = self._scan_range(piece, found)
                    found.matches += map(formatter, self.search_records(records))
        except InputError as exc:
            found.error = exc
        return found

    def _scan_range(self, piece: _Piece, found: _Found) -> Iterator[Record]:
        """Records of the lines that start in the piece's byte range and may match."""
        try:
            with (
                open(piece.path, "rb") as stream,
                mmap.mmap(stream.fileno(), 0, access=mmap.ACCESS_READ) as data,
                memoryview(data) as view,  # released before the map is closed
            ):
                start, end = _whole_lines(view, piece.start, piece.end)
                lines = _LineCounter(view)
                if self.gate is None:
                    candidates = every_line(view, start, end)
                else:
                    candidates = self.gate.lines(view, start, end)
                for line_start, line_end in candidates:
                    yield from self._parse(data, line_start, line_end, piece.path, lines, found)
        except (OSError, ValueError) as exc:  # ValueError: the file was emptied since
            message = getattr(exc, "strerror", None) or exc
            self._fail(InputError(f"{piece.path}: cannot read ({message})"), found)

    def _parse(
        self, data: mmap.mmap, start: int, end: int, path: str, lines: _LineCounter, found: _Found
    ) -> Iterator[Record]:
        """Parse one line; its line number is counted only when the record has no id or is
        broken, since counting newlines costs as much as the search."""
        line = data[start:end]
        if not line.strip():
            return
        line_no = 0 if b'"id"' in line else lines.line_at(start)
        try:
            record = parse_jsonl_line(line, path, line_no)
        except RecordError:
            try:
                parse_jsonl_line(line, path, lines.line_at(start))
            except RecordError as exc:
                self._fail(exc, found)
            return
        if record["id"] == f"{path}:0":  # "id" was there but null or empty
            record["id"] = f"{path}:{lines.line_at(start)}"
        yield record

    def _fail(self, exc: InputError, found: _Found) -> None:
        if self.on_error == "stop":
            raise exc
        found.skipped += 1
        found.messages.append(f"{exc} (skipped)")


@dataclass(frozen=True)
class _Piece:
    """A unit of search: the lines starting in ``[start, end)`` of a plain JSONL file, or a whole
    file for the ``Reader`` (text, a path that is not there)."""

    path: str
    start: int = 0
    end: int = 0
    whole_file: bool = False

    @property
    def size(self) -> int:
        return self.end - self.start


@dataclass
class _Found:
    matches: list = field(default_factory=list)  # what ``formatter`` made of each match
    messages: list[str] = field(default_factory=list)
    skipped: int = 0
    error: InputError | None = None


class _Batches:
    """Files cut into pieces of at most RANGE_BYTES, packed into batches of about that size."""

    def __init__(self) -> None:
        self.batches: list[list[_Piece]] = []
        self.last_size = 0

    def add_file(self, path: str) -> None:
        try:
            size = os.stat(path).st_size
        except OSError:
            size = 0  # the Reader reports it, in order
        if size and path.lower().endswith((".jsonl", ".ndjson")):
            for start in range(0, size, RANGE_BYTES):
                self._add(_Piece(path, start, min(start + RANGE_BYTES, size)))
        else:
            self._add(_Piece(path, 0, size, whole_file=True))

    def _add(self, piece: _Piece) -> None:
        if not self.batches or self.last_size + piece.size > RANGE_BYTES:
            self.batches.append([])
            self.last_size = 0
        self.batches[-1].append(piece)
        self.last_size += piece.size

    def take(self) -> list[list[_Piece]]:
        """The batches so far, leaving none."""
        batches, self.batches, self.last_size = self.batches, [], 0
        return batches


def _whole_lines(data: Buffer, start: int, end: int) -> tuple[int, int]:
    """Move a byte range's ends to line starts: a line belongs to the range it starts in."""
    size = len(data)
    start = 0 if start == 0 else _next_line(data, start, size)
    end = size if end >= size else _next_line(data, end, size)
    return start, end


def _next_line(data: Buffer, offset: int, size: int) -> int:
    """The first line start at or after ``offset`` (> 0)."""
    newline = sz.find(data, b"\n", offset - 1)
    return size if newline < 0 else newline + 1


class _LineCounter:
    """1-based line number of a byte offset, counting forward from the last answer."""

    def __init__(self, data: Buffer) -> None:
        self.data = data
        self.offset, self.line = 0, 1

    def line_at(self, offset: int) -> int:
        if offset < self.offset:
            self.offset, self.line = 0, 1
        self.line += sz.count(self.data, b"\n", self.offset, offset)
        self.offset = offset
        return self.line


__all__ = ["DocumentMatches", "MetaFilter", "Searcher"]
