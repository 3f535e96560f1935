"""Corpus statistics in one streaming pass: sizes, lengths, languages, duplicates, noise, dates,
top names and words, optionally broken down by site, language or month.

Memory stays constant in the number of documents except for the distinct counts the figures need
(see docs/stats.md): one 64-bit hash per distinct normalised text (exact duplicates), three band
keys per document (near duplicates), one hash per distinct line (repeated lines), and the
vocabulary, bigram and name counters (bigrams and names pruned when they grow large).
"""

from __future__ import annotations

import hashlib
import re
import zlib
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from itertools import pairwise
from operator import itemgetter
from typing import Any
from urllib.parse import urlsplit

from .clean.lexicon import STOPWORDS as CLEAN_STOPWORDS
from .lang import EN_STOPWORDS, KK_STOPWORDS, RU_STOPWORDS, detect_language
from .records import Record, meta_of

STOPWORDS = CLEAN_STOPWORDS | RU_STOPWORDS | KK_STOPWORDS | EN_STOPWORDS

GROUP_KEYS = ("site", "lang", "month")

# Document length in tokens: bins a person reads at a glance (short notes ... long reads).
LENGTH_BINS = (0, 10, 25, 50, 100, 250, 500, 1000, 2500, 5000, 10000)

# A line is "short" below this many characters (the C4/FineWeb short-line signal).
SHORT_LINE_CHARS = 30
TERMINAL_PUNCTUATION = frozenset(".!?…:;»\"'”“)]")

_WORD_EDGES = "".join(chr(c) for c in range(0x21, 0x30)) + ":;<=>?@[]^_`{|}~«»“”„…–—·•’‘"
_MONTH = re.compile(r"(\d{4})-(\d{2})")
_DOTTED_DATE = re.compile(r"(\d{1,2})[./](\d{1,2})[./](\d{4})")

# Lines that are only a time, a date or a date with a time: "13:46", "11.12.2024 18:00",
# "23 ноября 2024", "2024-12-11", "Dec 11, 2024, 18:00".
_TIMESTAMP_LINE = re.compile(
    r"(?:\d{1,2}[:.]\d{2}(?::\d{2})?"
    r"|\d{1,4}[./-]\d{1,2}[./-]\d{1,4}(?:[ ,T]+\d{1,2}:\d{2}(?::\d{2})?)?"
    r"|\d{1,2}\s+[^\W\d_]{3,10}\.?,?\s+\d{4}(?:,?\s+\d{1,2}:\d{2})?"
    r"|[^\W\d_]{3,10}\.?\s+\d{1,2},?\s+\d{4}(?:,?\s+\d{1,2}:\d{2})?"
    r"|(?:[^\W\d_]{2,12},\s+)?\d{1,2}\s+[^\W\d_]{3,10}(?:\s+\d{4})?(?:,?\s+\d{1,2}:\d{2})?)"
    r"\s*(?:г\.?|года)?"
)

# UTF-8 read as Windows-1251 ("РџСЂРёРІРµС‚") or Latin-1 ("Ã©", "â€™"), or lost bytes (U+FFFD).
_MOJIBAKE_TAIL = "\u0080-\u00bf\u0401-\u040f\u0451-\u045f\u2013-\u203a\u20ac\u2116\u2122"
_MOJIBAKE = re.compile(
    f"(?:[РС][{_MOJIBAKE_TAIL}]){{2}}|[ÐÑ][\u0080-\u00bf]|Ã[\u0080-\u00bf]|â€|\ufffd"
)
# Every mojibake match starts with one of these pairs; a plain scan for them is many times faster
# than the alternation, which then only confirms the rare candidates.
_MOJIBAKE_CANDIDATE = re.compile(f"[РСÐÑÃâ][{_MOJIBAKE_TAIL}]|\ufffd")

_UPPER = "A-ZА-ЯЁӘҒҚҢӨҰҮҺІ"
_LOWER = "a-zа-яёәғқңөұүһі"
# A run of capitalised words right after a lowercase word, digit or comma: not a sentence start,
# so most likely a name ("в Алматы", "said Kassym-Jomart Tokayev").
# (The look-behind sits after the first capital so it is only tried at capitals: fast scanning.)
_MID_SENTENCE_NAME = re.compile(
    rf"[{_UPPER}](?<=[{_LOWER}\d,;] [{_UPPER}])[{_LOWER}’'-]+(?:[ \t][{_UPPER}][{_LOWER}’'-]+)*"
)
_last_char = itemgetter(-1)
_SENTENCE_MARKS = (b"!", b"?", b"\n", "…".encode())
_ASCII_PUNCTUATION = b"!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~"

# Bigrams are counted over each document's first tokens only (headline and lede, where the topic
# is): counting every pair costs more than the rest of the statistics together.
BIGRAM_TOKENS = 128
NEAR_MIN_SENTENCE_BYTES = 24
NEAR_BANDS = 3
NEAR_ROWS = 2
PRUNE_AT = 300_000


@dataclass
class DocStats:
    """What the collector learnt about one document; ``ct check`` turns these into findings."""

    tokens: int
    characters: int
    lines: int
    short_lines: int
    unpunctuated_lines: int
    timestamp_lines: int
    repeated_lines: int
    language: str
    exact_duplicate: bool
    near_duplicate: bool
    mojibake_line: int | None  # 1-based line of the first mojibake, None when clean
    site: str
    month: str | None


@dataclass
class Tally:
    """Additive counters for the whole corpus or one group (site, language, month)."""

    documents: int = 0
    tokens: int = 0
    characters: int = 0
    lines: int = 0
    short_lines: int = 0
    unpunctuated_lines: int = 0
    timestamp_lines: int = 0
    repeated_lines: int = 0
    exact_duplicates: int = 0
    near_duplicates: int = 0
    marked_duplicates: int = 0
    mojibake_documents: int = 0
    languages: Counter = field(default_factory=Counter)

    def noise(self) -> dict[str, float]:
        lines = max(self.lines, 1)
        docs = max(self.documents, 1)
        return {
            "unpunctuated_line_share": round(self.unpunctuated_lines / lines, 4),
            "short_line_share": round(self.short_lines / lines, 4),
            "repeated_line_share": round(self.repeated_lines / lines, 4),
            "timestamp_line_share": round(self.timestamp_lines / lines, 4),
            "mojibake_document_share": round(self.mojibake_documents / docs, 4),
        }

    def duplicates(self) -> dict[str, float | int]:
        docs = max(self.documents, 1)
        return {
            "exact": self.exact_duplicates,
            "exact_share": round(self.exact_duplicates / docs, 4),
            "near": self.near_duplicates,
            "near_share": round(self.near_duplicates / docs, 4),
            "marked_by_dedup": self.marked_duplicates,
        }

    def summary(self) -> dict[str, Any]:
        return {
            "documents": self.documents,
            "tokens": self.tokens,
            "characters": self.characters,
            "lines": self.lines,
            "languages": dict(self.languages.most_common()),
            "duplicates": self.duplicates(),
            "noise": self.noise(),
        }


class StatsCollector:
    """Feed records with :meth:`add`; read the figures with :meth:`result` (a JSON-ready dict)."""

    def __init__(self, by: str | Iterable[str] | None = None, top: int = 20) -> None:
        kinds = [by] if isinstance(by, str) else list(by or [])
        for kind in kinds:
            if kind not in GROUP_KEYS:
                raise ValueError(f"by must be one of {', '.join(GROUP_KEYS)}, got {kind!r}")
        self.by = kinds
        self.top = top
        self.total = Tally()
        self.groups: dict[str, dict[str, Tally]] = {kind: {} for kind in kinds}
        self.length_bins = [0] * len(LENGTH_BINS)
        self.min_tokens: int | None = None
        self.max_tokens = 0
        self.months: Counter = Counter()
        self.undated = 0
        self.words: Counter = Counter()
        self.bigrams: Counter = Counter()
        self.names: Counter = Counter()
        self._text_hashes: set[bytes] = set()
        self._band_keys: set[int] = set()
        self._line_hashes: set[int] = set()

    # ------------------------------------------------------------------ per document

    def add(self, record: Record) -> DocStats:
        text = record.get("text") or ""
        meta = meta_of(record)
        lower = text.lower()
        tokens = lower.split()
        lines = list(filter(None, map(str.strip, text.splitlines())))
        language = detect_language(text)
        data = lower.encode("utf-8", "surrogatepass")
        exact = self._seen_exact(data)
        near = not exact and self._seen_near(data)
        mojibake = find_mojibake(text)
        month = _month_of(record, meta)
        site = site_of(record, meta)

        if self.top:  # the costliest figures; ct check and --top 0 do without them
            self.words.update(tokens)
            self.bigrams.update(pairwise(tokens[:BIGRAM_TOKENS]))
            self._count_names(text, meta)
            if len(self.bigrams) > PRUNE_AT:
                _prune(self.bigrams)
            if len(self.names) > PRUNE_AT:
                _prune(self.names)

        n_tokens = len(tokens)
        self.length_bins[_length_bin(n_tokens)] += 1
        self.min_tokens = n_tokens if self.min_tokens is None else min(self.min_tokens, n_tokens)
        self.max_tokens = max(self.max_tokens, n_tokens)
        if month:
            self.months[month] += 1
        else:
            self.undated += 1

        repeated = 0
        seen = self._line_hashes
        for line_hash in map(hash, lines):
            if line_hash in seen:
                repeated += 1
            else:
                seen.add(line_hash)
        line_counts = (
            len(lines),
            sum(map(SHORT_LINE_CHARS.__gt__, map(len, lines))),
            len(lines) - sum(map(TERMINAL_PUNCTUATION.__contains__, map(_last_char, lines))),
            sum(map(bool, map(_TIMESTAMP_LINE.fullmatch, lines))),
            repeated,
        )
        marked = bool(meta.get("duplicates") or meta.get("duplicate_of"))
        tallies = [self.total]
        if self.by:
            keys = {"site": site, "lang": language, "month": month or "undated"}
            for kind in self.by:
                tallies.append(self.groups[kind].setdefault(keys[kind], Tally()))
        for tally in tallies:
            tally.documents += 1
            tally.tokens += n_tokens
            tally.characters += len(text)
            tally.lines += line_counts[0]
            tally.short_lines += line_counts[1]
            tally.unpunctuated_lines += line_counts[2]
            tally.timestamp_lines += line_counts[3]
            tally.repeated_lines += line_counts[4]
            tally.exact_duplicates += exact
            tally.near_duplicates += near
            tally.marked_duplicates += marked
            tally.mojibake_documents += mojibake is not None
            tally.languages[language] += 1
        mojibake_line = text.count("\n", 0, mojibake.start()) + 1 if mojibake else None
        return DocStats(
            tokens=n_tokens,
            characters=len(text),
            lines=len(lines),
            short_lines=line_counts[1],
            unpunctuated_lines=line_counts[2],
            timestamp_lines=line_counts[3],
            repeated_lines=line_counts[4],
            language=language,
            exact_duplicate=exact,
            near_duplicate=near,
            mojibake_line=mojibake_line,
            site=site,
            month=month,
        )

    def _seen_exact(self, data: bytes) -> bool:
        """Exact duplicate after folding case, whitespace and ASCII punctuation (8-byte digest).

        ``data`` is the lowercased text as UTF-8: bytes.translate and split run at C speed.
        """
        normalised = b" ".join(data.translate(None, _ASCII_PUNCTUATION).split())
        digest = hashlib.blake2b(normalised, digest_size=8).digest()
        if digest in self._text_hashes:
            return True
        self._text_hashes.add(digest)
        return False

    def _seen_near(self, data: bytes) -> bool:
        """Cheap near-duplicate estimate: bottom-k MinHash over sentences, split into bands.

        Sentences rather than word n-grams are the shingles: fifteen times fewer to hash, and a
        re-published article keeps most of its sentences. The six smallest sentence CRC-32s
        (stable across runs) form three bands of two; a document with a band seen before
        counts as a near duplicate.
        """
        for mark in _SENTENCE_MARKS:
            data = data.replace(mark, b".")
        shingles = {
            zlib.crc32(sentence.strip())
            for sentence in data.split(b".")
            if len(sentence) >= NEAR_MIN_SENTENCE_BYTES
        }
        if len(shingles) < NEAR_BANDS * NEAR_ROWS:
            return False
        smallest = sorted(shingles)[: NEAR_BANDS * NEAR_ROWS]
        keys = [
            hash((band, *smallest[band * NEAR_ROWS : (band + 1) * NEAR_ROWS]))
            for band in range(NEAR_BANDS)
        ]
        found = any(key in self._band_keys for key in keys)
        self._band_keys.update(keys)
        return found

    def _count_names(self, text: str, meta: dict[str, Any]) -> None:
        """Names from ``meta.names`` (ct normalize) if present, else mid-sentence capitals."""
        names = meta.get("names")
        if isinstance(names, list) and names:
            self.names.update(
                str(name.get("canonical") or name.get("text"))
                for name in names
                if isinstance(name, dict) and (name.get("canonical") or name.get("text"))
            )
            return
        self.names.update(_MID_SENTENCE_NAME.findall(text))

    # ------------------------------------------------------------------ result

    def result(self) -> dict[str, Any]:
        out = self.total.summary()
        docs = self.total.documents
        out["length"] = {
            "unit": "tokens",
            "min": self.min_tokens or 0,
            "max": self.max_tokens,
            "mean": round(self.total.tokens / docs, 1) if docs else 0,
            "histogram": [
                {"from": lo, "to": hi, "documents": count}
                for lo, hi, count in zip(
                    LENGTH_BINS, [*LENGTH_BINS[1:], None], self.length_bins, strict=True
                )
            ],
        }
        months = sorted(self.months)
        out["dates"] = {
            "first_month": months[0] if months else None,
            "last_month": months[-1] if months else None,
            "undated": self.undated,
            "per_month": {month: self.months[month] for month in months},
        }
        out["top_names"] = _top(self.names, self.top, lambda name: name.lower() not in STOPWORDS)
        words = _fold(self.words, lambda word: word.strip(_WORD_EDGES), self.top)
        out["top_words"] = _top(words, self.top, _content_word)
        bigrams = _fold(
            self.bigrams,
            lambda pair: (pair[0].strip(_WORD_EDGES), pair[1].strip(_WORD_EDGES)),
            self.top,
        )
        out["top_bigrams"] = [
            [" ".join(pair), count]
            for pair, count in _top(bigrams, self.top, lambda p: all(map(_content_word, p)))
        ]
        out["distinct"] = {
            "texts": len(self._text_hashes),
            "lines": len(self._line_hashes),
            "words": len(self.words),
        }
        if self.by:
            out["by"] = self.by
            out["groups"] = {
                kind: {
                    key: groups[key].summary()
                    for key in sorted(groups, key=lambda k: (-groups[k].documents, k))
                }
                for kind, groups in self.groups.items()
            }
        return out


def compute_stats(
    records: Iterable[Record], by: str | Iterable[str] | None = None, top: int = 20
) -> dict[str, Any]:
    """Library shortcut: statistics of an iterable of records."""
    collector = StatsCollector(by=by, top=top)
    for record in records:
        collector.add(record)
    return collector.result()


def site_of(record: Record, meta: dict[str, Any] | None = None) -> str:
    """The site a document came from: ``site`` field, URL host, else its source folder."""
    meta = meta if meta is not None else meta_of(record)
    for value in (record.get("site"), meta.get("site")):
        if isinstance(value, str) and value:
            return value
    for value in (record.get("url"), meta.get("url")):
        if isinstance(value, str) and value:
            host = urlsplit(value).hostname
            if host:
                return host
    source = meta.get("source")
    if isinstance(source, str) and "/" in source:
        return source.rsplit("/", 1)[0]
    return "unknown"


def _month_of(record: Record, meta: dict[str, Any]) -> str | None:
    for value in (meta.get("date"), record.get("date"), meta.get("published")):
        if not isinstance(value, str):
            continue
        iso = _MONTH.match(value)
        if iso and 1 <= int(iso.group(2)) <= 12:
            return f"{iso.group(1)}-{iso.group(2)}"
        dotted = _DOTTED_DATE.search(value)
        if dotted and 1 <= int(dotted.group(2)) <= 12:
            return f"{dotted.group(3)}-{int(dotted.group(2)):02d}"
    return None


def is_short_line(line: str) -> bool:
    return len(line) < SHORT_LINE_CHARS


def is_unpunctuated_line(line: str) -> bool:
    return line[-1] not in TERMINAL_PUNCTUATION


def is_timestamp_line(line: str) -> bool:
    return _TIMESTAMP_LINE.fullmatch(line) is not None


def find_mojibake(text: str) -> re.Match | None:
    """The first mojibake sequence in ``text`` (UTF-8 read as cp1251 or Latin-1, or U+FFFD)."""
    for candidate in _MOJIBAKE_CANDIDATE.finditer(text):
        found = _MOJIBAKE.match(text, candidate.start())
        if found:
            return found
    return None


def _length_bin(tokens: int) -> int:
    for index in range(len(LENGTH_BINS) - 1, -1, -1):
        if tokens >= LENGTH_BINS[index]:
            return index
    return 0


def _content_word(word: str) -> bool:
    return len(word) > 2 and word not in STOPWORDS and not word.isdigit()


def _top(counter: Counter, n: int, keep) -> list:
    """Most common keys that pass ``keep`` (stopwords are dropped here, once, not per token)."""
    out = []
    for key, count in counter.most_common():
        if keep(key):
            out.append([key, count])
            if len(out) == n:
                break
    return out


def _fold(counter: Counter, key_of, top: int) -> Counter:
    """Merge counts whose keys differ only by attached punctuation ("city," and "city").

    Only the most frequent keys are folded (enough to fill ``top`` after stopwords are dropped):
    folding the whole vocabulary would cost more than counting it.
    """
    folded: Counter = Counter()
    for key, count in counter.most_common(max(5000, top * 200)):
        folded[key_of(key)] += count
    return folded


def _prune(counter: Counter) -> None:
    """Drop the keys seen once, so a long tail cannot grow without bound (top items survive)."""
    for key in [key for key, count in counter.items() if count <= 1]:
        del counter[key]
