"""Per-site repeated lines: a line that many documents of one site share is site furniture.

This is CCNet's strongest boilerplate signal on real scrapes. It needs two passes: the first
counts, for every (site, line), in how many documents it occurs; the second removes lines seen
in at least ``min_docs`` documents. The counts live in a count-min sketch of fixed size, so
memory does not grow with the corpus (a count can only be over-estimated, by hash collisions;
with the default 4 × 2^22 counters that needs millions of distinct lines per site).
"""

from __future__ import annotations

import functools
import re
from array import array
from pathlib import Path
from typing import Literal

from ..records import Record, meta_of
from .page import Page, line_columns
from .repair import split_lines

SiteKey = Literal["auto", "meta", "url", "folder", "none"]

_FOLD = re.compile(r"[\d\W_]+")


@functools.lru_cache(maxsize=1 << 16)
def line_key(text: str) -> str:
    """Lines that differ only in digits, punctuation or case count as the same line
    ('Комментарии (3)' and 'Комментарии (12)')."""
    return _FOLD.sub(" ", text.lower()).strip()


class SiteLineIndex:
    RULE = "site_repeated_line"

    def __init__(
        self,
        min_docs: int = 3,
        site_key: SiteKey = "auto",
        width_bits: int = 22,
        depth: int = 4,
        min_chars: int = 3,
    ) -> None:
        self.min_docs = min_docs
        self.site_key = site_key
        self.width_mask = (1 << width_bits) - 1
        self.depth = depth
        self.min_chars = min_chars
        self.table = [array("I", bytes(4 << width_bits)) for _ in range(depth)]
        self.documents: dict[str, int] = {}
        self._counts: dict[tuple[str, str], int] = {}  # second pass: lines repeat across pages

    @property
    def memory_bytes(self) -> int:
        return sum(t.itemsize * len(t) for t in self.table)

    def site_of(self, record: Record) -> str | None:
        """The site of a record: meta.site, a top-level site, the host of a url, or its folder."""
        meta = meta_of(record)
        key = self.site_key
        if key == "none":
            return None
        if key in ("auto", "meta"):
            site = meta.get("site") or record.get("site")
            if site:
                return str(site)
        if key in ("auto", "url"):
            url = meta.get("url") or record.get("url")
            if isinstance(url, str):
                host = re.sub(r"^[a-z]+://", "", url).split("/")[0].lower()
                if host:
                    return host.removeprefix("www.")
        if key in ("auto", "folder"):
            source = meta.get("source")
            if isinstance(source, str) and source != "<stdin>":
                return str(Path(source).parent)
        return None

    def _slots(self, site: str, key: str) -> list[int]:
        """Counter positions by double hashing (Kirsch–Mitzenmacher) of one 64-bit hash.
        Python's string hash is salted per process, which is fine: both passes run in one."""
        value = hash(f"{site}\x00{key}") & 0xFFFFFFFFFFFFFFFF
        first, step = value & 0xFFFFFFFF, (value >> 32) | 1
        return [(first + d * step) & self.width_mask for d in range(self.depth)]

    def _keys(self, text: str) -> set[str]:
        """Folded keys of the page's lines and columns, as the second pass will see them."""
        keys = set()
        for line in split_lines(text):
            for column in line_columns(line):
                key = line_key(column)
                if len(key) >= self.min_chars:
                    keys.add(key)
        return keys

    def add(self, record: Record) -> None:
        """First pass: count each distinct line of the record once for its site."""
        site = self.site_of(record)
        if site is None:
            return
        self.documents[site] = self.documents.get(site, 0) + 1
        for key in self._keys(record.get("text") or ""):
            for table, slot in zip(self.table, self._slots(site, key), strict=True):
                if table[slot] < 0xFFFFFFFF:
                    table[slot] += 1

    def count(self, site: str, line: str) -> int:
        key = line_key(line)
        if len(key) < self.min_chars:
            return 0
        return min(t[s] for t, s in zip(self.table, self._slots(site, key), strict=True))

    def mark(self, page: Page, site: str) -> None:
        """Second pass: remove the page's lines that enough documents of its site share."""
        if self.documents.get(site, 0) < self.min_docs:
            return
        if len(self._counts) > 1 << 17:
            self._counts.clear()
        for index in page.live():
            text = page.units[index].text
            count = self._counts.get((site, text))
            if count is None:
                count = self._counts[(site, text)] = self.count(site, text)
            if count >= self.min_docs:
                page.remove(index, self.RULE)
