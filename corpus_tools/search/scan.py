"""Find matches in records read from files, folders, JSONL and stdin, filtered on metadata.

JSONL files are the fast path: the file is memory-mapped and its raw bytes are searched, window
by window, for the literal a match must contain; only the lines where it occurs are parsed as
JSON. Everything else (plain-text files, stdin, gzip, patterns without a usable literal) goes
through the ordinary ``Reader``. Memory stays at the current document (the map is the page cache's).
"""

from __future__ import annotations

import mmap
import os
import re
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from typing import BinaryIO
from urllib.parse import urlsplit

from ..errors import CtError, InputError, RecordError
from ..io import STDIN, Reader, expand_inputs, parse_jsonl_line
from ..records import Record, meta_of
from .matchers import Matcher, byte_prefilter

CHUNK_BYTES = 16 << 20
SNIFF = 1 << 20  # bytes of each window checked for \\u escapes
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
            self.site = _bare_host(self.site)

    @property
    def active(self) -> bool:
        return any((self.lang, self.site, self.since, self.until))

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
        assert self.site is not None
        candidates = [record.get("site"), meta.get("site")]
        for url in (record.get("url"), meta.get("url")):
            if isinstance(url, str):
                candidates.append(urlsplit(url).hostname)
        for site in candidates:
            if isinstance(site, str) and site:
                host = _bare_host(site)
                if host == self.site or host.endswith("." + self.site):
                    return True
        return False


def _bare_host(site: str) -> str:
    site = site.lower().strip()
    if "//" in site:
        site = urlsplit(site).hostname or site
    return site.removeprefix("www.")


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


class Searcher:
    """Search inputs for a matcher's spans; counts inputs and records skipped as unreadable."""

    def __init__(
        self,
        matcher: Matcher,
        meta_filter: MetaFilter | None = None,
        on_error: str = "skip",
        report: Callable[[str], None] | None = None,
    ) -> None:
        self.matcher = matcher
        self.meta_filter = meta_filter or MetaFilter()
        self.on_error = on_error
        self.report = report or (lambda message: None)
        # A matcher may bring its own raw-bytes pre-filter (--name: folded letters, Latin).
        own_prefilter = getattr(matcher, "byte_pattern", None)
        self.prefilter = own_prefilter or byte_prefilter(matcher.literals, matcher.ignore_case)
        # One case-sensitive literal: bytes.find is about three times faster than re.
        literals = matcher.literals or []
        self._needle = (
            literals[0].encode("utf-8")
            if self.prefilter is not None and len(literals) == 1 and not matcher.ignore_case
            else None
        )
        self._needs_ascii_check = own_prefilter is not None or (
            self.prefilter is not None and not all(lit.isascii() for lit in literals)
        )
        self.skipped = 0

    def search(self, inputs: Iterable[str]) -> Iterator[DocumentMatches]:
        """Matching documents in input order."""
        for record in self.candidates(list(inputs) or [STDIN]):
            yield from self.search_records([record])

    def search_records(self, records: Iterable[Record]) -> Iterator[DocumentMatches]:
        """Library entry point for records already in memory or from another stage."""
        for record in records:
            text = record.get("text")
            if not isinstance(text, str) or not self.meta_filter.accepts(record):
                continue
            spans = list(self.matcher.spans(text))
            if spans:
                yield DocumentMatches(record, spans)

    def candidates(self, inputs: list[str]) -> Iterator[Record]:
        """Records that may match: all of them, or only pre-filtered lines of JSONL files."""
        for path, _root in expand_inputs(inputs):
            if self.prefilter is not None and _is_plain_jsonl(path):
                try:
                    with open(path, "rb") as stream:
                        yield from self._scan_jsonl(stream, path)
                except OSError as exc:
                    self._fail(InputError(f"{path}: cannot read ({exc.strerror or exc})"))
                except InputError as exc:
                    self._fail(exc)
            else:
                reader = Reader([path], on_error=self.on_error, report=self.report)  # type: ignore[arg-type]
                yield from reader
                self.skipped += reader.skipped

    def _fail(self, exc: InputError) -> None:
        if self.on_error == "stop":
            raise exc
        self.skipped += 1
        self.report(f"{exc} (skipped)")

    def _scan_jsonl(self, stream: BinaryIO, path: str) -> Iterator[Record]:
        """Search the memory-mapped file window by window; parse only the lines that hit."""
        if os.fstat(stream.fileno()).st_size == 0:
            return
        with mmap.mmap(stream.fileno(), 0, access=mmap.ACCESS_READ) as data:
            lines = _LineCounter(data)
            search = self._find if self._needle is not None else self._search
            size, window = len(data), 0
            while window < size:
                end = data.find(b"\n", min(window + CHUNK_BYTES, size))
                end = size if end < 0 else end + 1
                if self._needs_ascii_check and data.find(b"\\u", window, window + SNIFF) >= 0:
                    # \u escapes (json ensure_ascii) hide non-ASCII letters from the byte search.
                    hits = _every_line(data, window, end)
                else:
                    hits = _hit_lines(data, window, end, search)
                for start, stop in hits:
                    yield from self._parse(data[start:stop], path, start, lines)
                window = end

    def _find(self, data: mmap.mmap, pos: int, end: int) -> tuple[int, int] | None:
        assert self._needle is not None
        at = data.find(self._needle, pos, end)
        return None if at < 0 else (at, at + len(self._needle))

    def _search(self, data: mmap.mmap, pos: int, end: int) -> tuple[int, int] | None:
        assert self.prefilter is not None
        match = self.prefilter.search(data, pos, end)  # type: ignore[call-overload]
        return match.span() if match else None

    def _parse(self, line: bytes, path: str, offset: int, lines: _LineCounter) -> Iterator[Record]:
        """Parse one line; its line number is counted only when the record has no id or is
        broken, since counting newlines costs as much as the search."""
        if not line.strip():
            return
        line_no = 0 if b'"id"' in line else lines.line_at(offset)
        try:
            record = parse_jsonl_line(line, path, line_no)
        except RecordError:
            try:
                parse_jsonl_line(line, path, lines.line_at(offset))
            except RecordError as exc:
                self._fail(exc)
            return
        if record["id"] == f"{path}:0":  # "id" was there but null or empty
            record["id"] = f"{path}:{lines.line_at(offset)}"
        yield record


def _hit_lines(
    data: mmap.mmap, start: int, end: int, search: Callable[..., tuple[int, int] | None]
) -> Iterator[tuple[int, int]]:
    pos = start
    while found := search(data, pos, end):
        line_start = data.rfind(b"\n", start, found[0]) + 1 or start
        line_end = data.find(b"\n", found[1], end)
        line_end = end if line_end < 0 else line_end
        yield line_start, line_end
        pos = line_end + 1


def _every_line(data: mmap.mmap, start: int, end: int) -> Iterator[tuple[int, int]]:
    while start < end:
        stop = data.find(b"\n", start, end)
        stop = end if stop < 0 else stop
        yield start, stop
        start = stop + 1


class _LineCounter:
    """1-based line number of a byte offset, counting forward from the last answer."""

    def __init__(self, data: mmap.mmap) -> None:
        self.data = data
        self.offset, self.line = 0, 1

    def line_at(self, offset: int) -> int:
        if offset < self.offset:
            self.offset, self.line = 0, 1
        while self.offset < offset:
            step = min(offset, self.offset + CHUNK_BYTES)
            self.line += self.data[self.offset : step].count(b"\n")
            self.offset = step
        return self.line


def _is_plain_jsonl(path: str) -> bool:
    return path != STDIN and path.lower().endswith((".jsonl", ".ndjson"))


__all__ = ["DocumentMatches", "MetaFilter", "Searcher"]
