"""Per-site repeated lines: a line that many documents of one site share is site furniture.

This is CCNet's strongest boilerplate signal on real scrapes. It needs two passes: the first
counts, for every (site, line), in how many documents it occurs; the second removes lines seen
in at least ``min_docs`` documents. The counts live in a count-min sketch of fixed size, so
memory does not grow with the corpus (a count can only be over-estimated, by hash collisions;
with the default 4 × 2^22 counters that needs millions of distinct lines per site).

The first pass can also run in pieces: :class:`LineCounts` counts one shard of the corpus (on
another process or machine) and :meth:`SiteLineIndex.merge` adds it in. Counter positions come
from a stable hash, so every process places a line in the same counters and the merged index
holds exactly the counts one process would have.
"""

from __future__ import annotations

import functools
import hashlib
from array import array
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Literal

from ..records import SITE_SOURCES, Record, site_of
from .page import Page, line_columns, line_key
from .repair import split_lines
from .rules import is_prose, is_title_candidate

SiteKey = Literal["auto", "meta", "url", "folder", "none"]

_MASK64 = (1 << 64) - 1
# A page with less running text than this that no other page shares has no article of its own
# beside the shared lines: it is a copy of an article that several pages carry.
OWN_PROSE_CHARS = 200


@functools.lru_cache(maxsize=1 << 16)
def _stable_hash(text: str) -> int:
    """64 bits that are the same in every process (Python's ``hash`` is salted per process)."""
    return int.from_bytes(hashlib.blake2b(text.encode("utf-8"), digest_size=8).digest(), "little")


def line_hash(site: str, key: str) -> int:
    """The counter identity of a folded line on a site."""
    mixed = (_stable_hash(key) ^ (_stable_hash(site) * 0x9E3779B97F4A7C15)) & _MASK64
    mixed ^= mixed >> 31
    return (mixed * 0xBF58476D1CE4E5B9) & _MASK64


_SOURCES_BY_KEY: dict[str, tuple[str, ...]] = {
    "auto": SITE_SOURCES,  # meta, url and folder in turn
    "meta": ("meta",),
    "url": ("url",),
    "folder": ("folder",),
    "none": (),
}


def site_by_key(record: Record, site_key: SiteKey) -> str | None:
    """The record's site as ``--site-key`` asks."""
    return site_of(record, _SOURCES_BY_KEY[site_key])


def page_line_keys(text: str, min_chars: int) -> set[str]:
    """Folded keys of the page's lines and columns, as the second pass will see them."""
    keys = set()
    for line in split_lines(text):
        for column in line_columns(line):
            key = line_key(column)
            if len(key) >= min_chars:
                keys.add(key)
    return keys


def count_document(
    documents: dict[str, int], record: Record, site_key: SiteKey, min_chars: int
) -> list[int]:
    """The first pass for one record: count it for its site in ``documents`` and return the
    counter identity of each of its distinct folded lines (none for a record without a site)."""
    site = site_by_key(record, site_key)
    if site is None:
        return []
    documents[site] = documents.get(site, 0) + 1
    keys = page_line_keys(record.get("text") or "", min_chars)
    return [line_hash(site, key) for key in keys]


@dataclass
class LineCounts:
    """The first pass over one shard: documents per site and documents per (site, line) hash.

    Exact counts, small enough to send between processes: they grow with the shard's distinct
    lines, not with the sketch size.
    """

    site_key: SiteKey = "auto"
    min_chars: int = 3
    documents: dict[str, int] = field(default_factory=dict)
    lines: dict[int, int] = field(default_factory=dict)

    def add(self, record: Record) -> None:
        lines = self.lines
        for value in count_document(self.documents, record, self.site_key, self.min_chars):
            lines[value] = lines.get(value, 0) + 1

    def add_all(self, records: Iterable[Record]) -> LineCounts:
        for record in records:
            self.add(record)
        return self


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

    def site_of(self, record: Record) -> str | None:
        return site_by_key(record, self.site_key)

    def _slots(self, value: int) -> list[int]:
        """Counter positions by double hashing (Kirsch–Mitzenmacher) of one 64-bit hash."""
        first, step = value & 0xFFFFFFFF, (value >> 32) | 1
        return [(first + d * step) & self.width_mask for d in range(self.depth)]

    def add(self, record: Record) -> None:
        """First pass: count each distinct line of the record once for its site."""
        for value in count_document(self.documents, record, self.site_key, self.min_chars):
            for table, slot in zip(self.table, self._slots(value), strict=True):
                if table[slot] < 0xFFFFFFFF:
                    table[slot] += 1

    def add_all(self, records: Iterable[Record], jobs: int = 1) -> None:
        """First pass over many records; with ``jobs`` > 1 the lines are counted in worker
        processes, a chunk of records at a time, and merged here (the same counts)."""
        if jobs <= 1:
            for record in records:
                self.add(record)
            return
        from ..parallel import chunked, map_ordered

        count = functools.partial(_count_chunk, self.site_key, self.min_chars)
        for counts in map_ordered(count, chunked(records, 256), jobs, chunk_size=1):
            self.merge(counts)

    def merge(self, counts: LineCounts) -> None:
        """Add a shard's first-pass counts, as if its records had been added here."""
        import numpy as np  # only the sharded run needs it; ct clean starts without it

        for site, documents in counts.documents.items():
            self.documents[site] = self.documents.get(site, 0) + documents
        if not counts.lines:
            return
        values = np.fromiter(counts.lines.keys(), dtype=np.uint64, count=len(counts.lines))
        amounts = np.fromiter(counts.lines.values(), dtype=np.uint64, count=len(counts.lines))
        first = values & np.uint64(0xFFFFFFFF)
        step = (values >> np.uint64(32)) | np.uint64(1)
        for depth, table in enumerate(self.table):
            slots = ((first + np.uint64(depth) * step) & np.uint64(self.width_mask)).astype(np.intp)
            # Work on the touched counters only: the cost follows the shard's lines, not the
            # sketch's 4 M counters per row.
            touched, where = np.unique(slots, return_inverse=True)
            added = np.bincount(where, weights=amounts).astype(np.uint64)
            counters = np.frombuffer(table, dtype=np.uint32)
            totals = counters[touched].astype(np.uint64) + added
            counters[touched] = np.minimum(totals, 0xFFFFFFFF).astype(np.uint32)

    def count(self, site: str, line: str) -> int:
        key = line_key(line)
        if len(key) < self.min_chars:
            return 0
        slots = self._slots(line_hash(site, key))
        return min(t[s] for t, s in zip(self.table, slots, strict=True))

    def mark(self, page: Page, site: str) -> None:
        """Second pass: remove the page's lines that enough documents of its site share.

        When those lines hold the page's running text, the page is one of several copies of one
        article (a re-crawl, a print or mobile version): the article's paragraphs stay, for
        dedup to handle, and only the rest of what the pages share goes.
        """
        if self.documents.get(site, 0) < self.min_docs:
            return
        if len(self._counts) > 1 << 17:
            self._counts.clear()
        shared: dict[int, int] = {}
        for index in page.live():
            text = page.units[index].text
            count = self._counts.get((site, text))
            if count is None:
                count = self._counts[(site, text)] = self.count(site, text)
            if count >= self.min_docs:
                shared[index] = count
        copied = _copied_article(page, shared, self.documents[site])
        keep = copied | _own_title(page, shared, copied)
        for index in shared.keys() - keep:
            page.remove(index, self.RULE)


TITLE_SEARCH_LINES = 4


def _own_title(page: Page, shared: dict[int, int], kept: set[int]) -> set[int]:
    """The page's title when other pages of the site carry it too (in their "latest news"
    sidebars): the nearest title candidate (rules.is_title_candidate), shared, a few lines above
    the first paragraph the page keeps (its own, or ``kept`` from the copies of an article).
    An unshared title-shaped line there is the title itself, and stops the search."""
    live = page.live()
    first = next(
        (
            p
            for p, i in enumerate(live)
            if (i not in shared or i in kept) and is_prose(page.units[i].text)
        ),
        None,
    )
    if first is None:
        return set()
    for index in reversed(live[max(0, first - TITLE_SEARCH_LINES) : first]):
        if is_title_candidate(page.units[index].text):
            return {index} if index in shared else set()
    return set()


def _copied_article(page: Page, shared: dict[int, int], site_documents: int) -> set[int]:
    """The paragraphs to keep on a page that is one of several copies of an article.

    Such a page has almost no running text of its own (under ``OWN_PROSE_CHARS``), and most of
    its prose is paragraphs that exactly the same documents share: the copies, the smallest
    count on the page, and a few of the site's pages (at most half). Teasers rotating through
    other pages have other counts, and a sidebar that every page carries is on more than half
    of them: a listing page of teasers keeps none.
    """
    own = 0
    for index in page.live():  # most pages have an article of their own: stop at its start
        text = page.units[index].text
        if index not in shared and is_prose(text):
            own += len(text)
            if own >= OWN_PROSE_CHARS:
                return set()
    prose = {i: len(page.units[i].text) for i in shared if is_prose(page.units[i].text)}
    if not prose:
        return set()
    copies = min(shared[i] for i in prose)
    if copies * 2 > site_documents:
        return set()
    article = {i for i in prose if shared[i] == copies}
    if sum(prose[i] for i in article) * 2 < own + sum(prose.values()):
        return set()
    # Its title and subheadings are shared by the same copies: keep those from just above the
    # first paragraph to the last.
    live = page.live()
    first, last = live.index(min(article)), live.index(max(article))
    return article | {i for i in live[max(0, first - 2) : last] if shared.get(i) == copies}


def _count_chunk(site_key: SiteKey, min_chars: int, records: list[Record]) -> LineCounts:
    return LineCounts(site_key=site_key, min_chars=min_chars).add_all(records)
