"""``ct stats``: measure a corpus in one streaming pass.

Everything is a counter that grows with the number of *distinct* values it needs (languages,
months, sites, words), never with the number of documents: exact duplicates are 8-byte hashes,
repeated lines go through a fixed-size count-min sketch, and the word counters are pruned to
their most frequent entries when they grow past a bound.
"""

from __future__ import annotations

import hashlib
import itertools
import math
import re
from array import array
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from .clean.lexicon import STOPWORDS
from .lang import detect_language
from .records import Record, meta_of

_WORD = re.compile(r"[^\W\d_]{2,}")
_FOLD = re.compile(r"[\W_]+")
_TERMINAL = tuple('.!?…"»”:;)')
_TIMESTAMP = re.compile(
    r"^\s*(?:\d{1,2}[./]\d{1,2}[./]\d{2,4},?\s*)?\d{1,2}:\d{2}(?::\d{2})?"
    r"(?:\s*,?\s*\d{1,2}[./]\d{1,2}[./]\d{2,4})?\s*$"
)
_NAME = re.compile(
    r"(?<![.!?…]\s)(?<!^)\b([A-ZА-ЯЁӘҒҚҢӨҰҮҺІ][a-zа-яёәғқңөұүһі]{2,}"
    r"(?:\s+[A-ZА-ЯЁӘҒҚҢӨҰҮҺІ][a-zа-яёәғқңөұүһі]{2,})*)"
)
SHORT_LINE = 30
PRUNE_AT = 200_000
KEEP_AFTER_PRUNE = 50_000


def is_timestamp_line(line: str) -> bool:
    return bool(_TIMESTAMP.match(line))


class SeenLines:
    """Has this line been seen before in the stream? A count-min sketch of fixed size
    (4 × 2^20 bytes): it may say yes for a new line on a hash collision, never no for a repeat."""

    def __init__(self, width_bits: int = 20, depth: int = 4) -> None:
        self.mask = (1 << width_bits) - 1
        self.rows = [array("B", bytes(1 << width_bits)) for _ in range(depth)]

    def seen_then_add(self, line: str) -> bool:
        digest = hashlib.blake2b(line.encode(), digest_size=8).digest()
        value = int.from_bytes(digest, "little")
        first, step = value & 0xFFFFFFFF, (value >> 32) | 1
        slots = [(first + d * step) & self.mask for d in range(len(self.rows))]
        seen = all(row[slot] for row, slot in zip(self.rows, slots, strict=True))
        for row, slot in zip(self.rows, slots, strict=True):
            row[slot] = 1
        return seen


@dataclass
class Group:
    """Counts for the whole corpus or one site / language / month."""

    documents: int = 0
    tokens: int = 0
    characters: int = 0
    lines: int = 0
    short_lines: int = 0
    unterminated_lines: int = 0
    timestamp_lines: int = 0
    repeated_lines: int = 0
    noise_lines: int = 0
    exact_duplicates: int = 0
    near_duplicates: int = 0

    def shares(self) -> dict[str, float]:
        lines = max(1, self.lines)
        docs = max(1, self.documents)
        return {
            "short_line_share": self.short_lines / lines,
            "unterminated_line_share": self.unterminated_lines / lines,
            "timestamp_line_share": self.timestamp_lines / lines,
            "repeated_line_share": self.repeated_lines / lines,
            "noise_line_share": self.noise_lines / lines,
            "exact_duplicate_share": self.exact_duplicates / docs,
            "near_duplicate_share": self.near_duplicates / docs,
        }

    def to_dict(self) -> dict[str, Any]:
        counts = {k: v for k, v in self.__dict__.items()}
        return {**counts, **{k: round(v, 4) for k, v in self.shares().items()}}


@dataclass
class DocumentProfile:
    """What ct stats and ct check learn from one document."""

    id: str
    source: str | None
    language: str
    tokens: int
    characters: int
    lines: int
    noise_lines: int
    first_noise_line: int | None
    exact_duplicate: bool
    date: str | None
    site: str | None


@dataclass
class CorpusStats:
    by: str | None = None
    total: Group = field(default_factory=Group)
    groups: dict[str, Group] = field(default_factory=dict)
    languages: Counter = field(default_factory=Counter)
    months: Counter = field(default_factory=Counter)
    lengths: Counter = field(default_factory=Counter)  # log2 bucket of tokens -> documents
    words: Counter = field(default_factory=Counter)
    bigrams: Counter = field(default_factory=Counter)
    names: Counter = field(default_factory=Counter)
    first_date: str | None = None
    last_date: str | None = None
    _hashes: set[bytes] = field(default_factory=set, repr=False)
    _seen: SeenLines = field(default_factory=SeenLines, repr=False)

    def add(self, record: Record) -> DocumentProfile:
        """Count one record; return its profile (used by ct check for per-document findings)."""
        meta = meta_of(record)
        text = record.get("text") or ""
        words = _WORD.findall(text.lower())
        language = str(record.get("lang") or meta.get("lang") or detect_language(text))
        digest = hashlib.blake2b(_FOLD.sub(" ", text.lower()).strip().encode(), digest_size=8)
        exact = digest.digest() in self._hashes
        self._hashes.add(digest.digest())
        date = meta.get("date") if isinstance(meta.get("date"), str) else None
        site = _site_of(record)
        lines = noise = 0
        first_noise = None
        counts = Group(documents=1, tokens=len(words), characters=len(text))
        for number, raw in enumerate(text.split("\n"), start=1):
            line = raw.strip()
            if not line:
                continue
            lines += 1
            short = len(line) < SHORT_LINE
            unterminated = not line.endswith(_TERMINAL)
            stamp = is_timestamp_line(line)
            repeated = len(line) >= 20 and self._seen.seen_then_add(line)
            counts.short_lines += short
            counts.unterminated_lines += unterminated
            counts.timestamp_lines += stamp
            counts.repeated_lines += repeated
            if stamp or repeated or (short and unterminated and number > 1):
                noise += 1
                first_noise = first_noise or number
        counts.lines, counts.noise_lines = lines, noise
        counts.exact_duplicates = int(exact)
        counts.near_duplicates = _reported_duplicates(meta)
        self._merge(self.total, counts)
        if self.by:
            key = {"site": site, "lang": language, "month": (date or "")[:7]}.get(self.by)
            self._merge(self.groups.setdefault(key or "unknown", Group()), counts)
        self.languages[language] += 1
        self.lengths[int(math.log2(len(words))) if words else -1] += 1
        if date:
            self.months[date[:7]] += 1
            self.first_date = min(filter(None, (self.first_date, date)))
            self.last_date = max(filter(None, (self.last_date, date)))
        self._count_words(words, text, meta)
        return DocumentProfile(
            id=str(record.get("id")),
            source=meta.get("source"),
            language=language,
            tokens=len(words),
            characters=len(text),
            lines=lines,
            noise_lines=noise,
            first_noise_line=first_noise,
            exact_duplicate=exact,
            date=date,
            site=site,
        )

    def _merge(self, into: Group, counts: Group) -> None:
        for key, value in counts.__dict__.items():
            setattr(into, key, getattr(into, key) + value)

    def _count_words(self, words: list[str], text: str, meta: dict[str, Any]) -> None:
        content = [w for w in words if w not in STOPWORDS]
        self.words.update(content)
        self.bigrams.update(itertools.pairwise(content))
        names = meta.get("names")
        if isinstance(names, list) and names:
            self.names.update(n.get("canonical") for n in names if isinstance(n, dict))
        else:
            self.names.update(m for m in _NAME.findall(text) if m.lower() not in STOPWORDS)
        for counter in (self.words, self.bigrams, self.names):
            if len(counter) > PRUNE_AT:
                kept = counter.most_common(KEEP_AFTER_PRUNE)
                counter.clear()
                counter.update(dict(kept))

    def to_dict(self, top: int = 20) -> dict[str, Any]:
        return {
            **self.total.to_dict(),
            "languages": dict(self.languages.most_common()),
            "length_histogram": {_bucket_label(b): n for b, n in sorted(self.lengths.items())},
            "date_range": [self.first_date, self.last_date],
            "documents_per_month": dict(sorted(self.months.items())),
            "top_words": self.words.most_common(top),
            "top_bigrams": [[" ".join(k), n] for k, n in self.bigrams.most_common(top)],
            "top_names": self.names.most_common(top),
            **(
                {"by": self.by, "groups": {k: g.to_dict() for k, g in sorted(self.groups.items())}}
                if self.by
                else {}
            ),
        }


def _bucket_label(bucket: int) -> str:
    return "0" if bucket < 0 else f"{2**bucket}-{2 ** (bucket + 1) - 1}"


def _site_of(record: Record) -> str | None:
    meta = meta_of(record)
    site = meta.get("site") or record.get("site")
    if site:
        return str(site)
    url = meta.get("url") or record.get("url")
    if isinstance(url, str) and "://" in url:
        return url.split("://", 1)[1].split("/", 1)[0].removeprefix("www.")
    return None


def _reported_duplicates(meta: dict[str, Any]) -> int:
    """Copies ct dedup dropped for this record (meta.duplicates), so the share survives dedup."""
    duplicates = meta.get("duplicates")
    if isinstance(duplicates, dict):
        return int(duplicates.get("count") or 0)
    if isinstance(duplicates, list):
        return len(duplicates)
    return 0


def corpus_stats(records: Iterable[Record], by: str | None = None) -> CorpusStats:
    stats = CorpusStats(by=by)
    for record in records:
        stats.add(record)
    return stats
