"""Corpus statistics in one streaming pass: sizes, lengths, languages, duplicates, noise, dates,
top names and words, optionally broken down by site, language or month.

The work is split so that it can run on several processes with the same result: a
:class:`Measure` turns a batch of records into a :class:`BatchStats` without knowing the rest of
the corpus (it may run in a worker), and :meth:`StatsCollector.merge` folds the batches in input
order, deciding there what depends on earlier documents (duplicates, repeated lines). Batch
boundaries depend only on the input (:func:`batches`), so every ``--jobs`` sees the same ones.

Memory stays constant in the number of documents except for the distinct counts the figures need
(see docs/stats.md): one 64-bit hash per distinct normalised text (exact duplicates), three band
keys per document (near duplicates), one hash per distinct line (repeated lines), and the
vocabulary, bigram and name counters (bigrams and names pruned when they grow large).
"""

from __future__ import annotations

import hashlib
import heapq
import re
import zlib
from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field, fields
from itertools import compress, pairwise
from operator import and_, gt, itemgetter, or_
from typing import Any

from .clean.lexicon import MONTHS, WEEKDAYS
from .clean.lexicon import STOPWORDS as CLEAN_STOPWORDS
from .lang import EN_STOPWORDS, KK_STOPWORDS, RU_STOPWORDS, detect_language, fold_lookalikes
from .records import Record, meta_of, site_of

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
# "23 ноября 2024", "2024-12-11", "Dec 11, 2024, 18:00", "Jan. 11, 2012 10:22 PM". The longest
# such line ("Wednesday, 11 December 2024, 18:00 p.m. года") is under 50 characters, so longer
# lines are not tried: most lines are prose, and the alternation costs more than the comparison.
TIMESTAMP_MAX_CHARS = 64
_TIMESTAMP_LINE = re.compile(
    r"(?:\d{1,2}[:.]\d{2}(?::\d{2})?"
    r"|\d{1,4}[./-]\d{1,2}[./-]\d{1,4}(?:[ ,T]+\d{1,2}:\d{2}(?::\d{2})?)?"
    r"|\d{1,2}\s+[^\W\d_]{3,10}\.?,?\s+\d{4}(?:,?\s+\d{1,2}:\d{2})?"
    r"|[^\W\d_]{3,10}\.?\s+\d{1,2},?\s+\d{4}(?:,?\s+\d{1,2}:\d{2})?"
    r"|(?:[^\W\d_]{2,12},\s+)?\d{1,2}\s+[^\W\d_]{3,10}(?:\s+\d{4})?(?:,?\s+\d{1,2}:\d{2})?)"
    r"(?:\s*[AaPp]\.?[Mm]\.?)?\s*(?:г\.?|года)?"
)

# UTF-8 read as Windows-1251 ("РџСЂРёРІРµС‚") or Latin-1 ("Ã©", "â€™"), or lost bytes (U+FFFD).
_MOJIBAKE_TAIL = "\u0080-\u00bf\u0401-\u040f\u0451-\u045f\u2013-\u203a\u20ac\u2116\u2122"
_MOJIBAKE = re.compile(
    f"(?:[РС][{_MOJIBAKE_TAIL}]){{2}}|[ÐÑ][\u0080-\u00bf]|Ã[\u0080-\u00bf]|â€|\ufffd"
)
# Every mojibake match starts with one of these pairs (or is U+FFFD); a plain scan for them is many
# times faster than the alternation, which then only confirms the rare candidates. The pattern
# opens with one character class so that the regex engine can skip to its characters quickly.
_MOJIBAKE_CANDIDATE = re.compile(f"[РСÐÑÃâ\ufffd](?:(?<=\ufffd)|[{_MOJIBAKE_TAIL}])")

_UPPER = "A-ZА-ЯЁӘҒҚҢӨҰҮҺІ"
_LOWER = "a-zа-яёәғқңөұүһі"
# A run of capitalised words right after a lowercase word, digit or comma: not a sentence start,
# so most likely a name ("в Алматы", "said Kassym-Jomart Tokayev").
# (The look-behind sits after the first capital so it is only tried at capitals: fast scanning.)
_MID_SENTENCE_NAME = re.compile(
    rf"[{_UPPER}](?<=[{_LOWER}\d,;] [{_UPPER}])[{_LOWER}’'-]+(?:[ \t][{_UPPER}][{_LOWER}’'-]+)*"
)
_last_char = itemgetter(-1)
_SENTENCE_END = bytes.maketrans(b"!?\n", b"...")  # and "…", replaced separately (3 bytes)
_ELLIPSIS = "…".encode()
# Deleted before the exact-duplicate digest: ASCII punctuation and (bytes.split's) whitespace.
_FOLDED = b"!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~" + b" \t\n\r\x0b\x0c"

# Bigrams are counted over each document's first tokens only (headline and lede, where the topic
# is): counting every pair costs more than the rest of the statistics together.
BIGRAM_TOKENS = 128
NEAR_MIN_SENTENCE_BYTES = 24
NEAR_BANDS = 3
NEAR_ROWS = 2
PRUNE_AT = 300_000

# A batch is what one worker measures at a time: big enough that sending it and merging its
# counters cost little next to measuring it, small enough to keep every core busy.
BATCH_DOCUMENTS = 256
BATCH_CHARACTERS = 1_000_000


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

    def merge(self, other: Tally) -> None:
        """Add ``other``'s counts (languages keep first-seen order, as if counted in one pass)."""
        for item in fields(self):
            if item.name == "languages":
                self.languages.update(other.languages)
            else:
                setattr(self, item.name, getattr(self, item.name) + getattr(other, item.name))

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


@dataclass
class TopCounts:
    """Counts behind the top lists: every token, content-word pairs of the lead, and names.

    Bigrams and names drop their keys seen once when they outgrow PRUNE_AT, so a long tail
    cannot grow without bound; the words are kept whole (``distinct.words`` needs them). Each
    worker prunes its own, so with several jobs the counts of rare pairs may differ a little from
    one process; the top lists, made of frequent items, do not.
    """

    words: Counter = field(default_factory=Counter)
    bigrams: Counter = field(default_factory=Counter)
    names: Counter = field(default_factory=Counter)

    def prune(self) -> None:
        for counter in (self.bigrams, self.names):
            if len(counter) > PRUNE_AT:
                _prune(counter)

    def add(self, other: TopCounts) -> None:
        """Add ``other`` in; its counters are taken over, not copied (do not use it afterwards)."""
        for name in ("words", "bigrams", "names"):
            mine, theirs = getattr(self, name), getattr(other, name)
            if len(theirs) > len(mine):  # Counter adds a mapping in a Python loop: the smaller
                mine, theirs = theirs, mine
                setattr(self, name, mine)
            mine.update(theirs)
        self.prune()


@dataclass
class BatchStats:
    """What one batch of documents contributes, computed without the rest of the corpus.

    Everything additive is summed here; for each document ``seen`` keeps what
    :meth:`StatsCollector.merge` needs to decide, in input order, what depends on earlier
    documents: the text digest, the near-duplicate band keys (None for too few sentences), the
    hashes of lines not already seen earlier in this batch, how many of its lines were, and its
    group keys (one per ``by`` kind).
    """

    total: Tally = field(default_factory=Tally)
    groups: dict[str, dict[str, Tally]] = field(default_factory=dict)
    length_bins: list[int] = field(default_factory=lambda: [0] * len(LENGTH_BINS))
    min_tokens: int | None = None
    max_tokens: int = 0
    months: Counter = field(default_factory=Counter)
    undated: int = 0
    seen: list[tuple[bytes, tuple[int, ...] | None, set[int], int, tuple[str, ...]]] = field(
        default_factory=list
    )
    docs: list[DocStats] = field(default_factory=list)  # only when asked for (ct check)


class Measure:
    """Measure a batch of records on its own: safe to run in a worker process.

    The top-list counters (words, bigrams, names) stay here across batches and are handed over
    once with :meth:`take_counts`: they are the largest objects and only sums, so sending them
    with every batch would cost more than counting them. Line hashes are Python's ``hash``,
    salted per interpreter: workers are forked, so they share the salt of the process that
    merges.
    """

    def __init__(self, by: tuple[str, ...] = (), top: int = 20) -> None:
        self.by = by
        self.top = top
        self.counts = TopCounts()

    def take_counts(self) -> TopCounts:
        counts, self.counts = self.counts, TopCounts()
        return counts

    def __call__(self, records: list[Record], keep_docs: bool = False) -> BatchStats:
        batch = BatchStats(groups={kind: {} for kind in self.by})
        total, groups, bins = batch.total, batch.groups, batch.length_bins
        lines_seen: set[int] = set()
        tokens_per_doc = []
        counts = self.counts
        for record in records:
            text = record.get("text") or ""
            meta = meta_of(record)
            lower = text.lower()
            tokens = lower.split()
            lines = list(filter(None, map(str.strip, text.splitlines())))
            language = detect_language(text)
            data = fold_lookalikes(lower.encode("utf-8", "surrogatepass"))  # as ct dedup reads
            mojibake = find_mojibake(text)
            month = _month_of(record, meta)
            site = site_of(record) or "unknown"
            if self.top:  # the costliest figures; ct check and --top 0 do without them
                counts.words.update(tokens)
                counts.bigrams.update(_content_pairs(tokens[:BIGRAM_TOKENS]))
                _count_names(counts.names, text, meta)

            n_tokens = len(tokens)
            tokens_per_doc.append(n_tokens)
            bins[_length_bin(n_tokens)] += 1
            if month:
                batch.months[month] += 1
            else:
                batch.undated += 1

            hashes = list(map(hash, lines))
            fresh_lines = set(hashes).difference(lines_seen)
            lines_seen |= fresh_lines
            repeated = len(hashes) - len(fresh_lines)
            lengths = list(map(len, lines))
            short = list(map(SHORT_LINE_CHARS.__gt__, lengths)).count(True)
            ends = list(map(TERMINAL_PUNCTUATION.__contains__, map(_last_char, lines)))
            unpunctuated = ends.count(False)
            dates = list(compress(lines, map(TIMESTAMP_MAX_CHARS.__ge__, lengths)))
            timestamps = len(dates) - list(map(_TIMESTAMP_LINE.fullmatch, dates)).count(None)
            marked = bool(meta.get("duplicates") or meta.get("duplicate_of"))
            keys = tuple(
                {"site": site, "lang": language, "month": month or "undated"}[kind]
                for kind in self.by
            )
            batch.seen.append((_text_digest(data), _band_keys(data), fresh_lines, repeated, keys))
            for tally in [total, *map(_group_tally, groups.values(), keys)]:
                tally.documents += 1
                tally.tokens += n_tokens
                tally.characters += len(text)
                tally.lines += len(lines)
                tally.short_lines += short
                tally.unpunctuated_lines += unpunctuated
                tally.timestamp_lines += timestamps
                tally.marked_duplicates += marked
                tally.mojibake_documents += mojibake is not None
                tally.languages[language] += 1
            if keep_docs:
                mojibake_line = text.count("\n", 0, mojibake.start()) + 1 if mojibake else None
                batch.docs.append(
                    DocStats(
                        tokens=n_tokens,
                        characters=len(text),
                        lines=len(lines),
                        short_lines=short,
                        unpunctuated_lines=unpunctuated,
                        timestamp_lines=timestamps,
                        repeated_lines=repeated,  # within the batch; merge adds the rest
                        language=language,
                        exact_duplicate=False,  # decided by merge
                        near_duplicate=False,
                        mojibake_line=mojibake_line,
                        site=site,
                        month=month,
                    )
                )
        if tokens_per_doc:
            batch.min_tokens, batch.max_tokens = min(tokens_per_doc), max(tokens_per_doc)
        counts.prune()
        return batch


def batches(records: Iterable[Record]) -> Iterator[list[Record]]:
    """Consecutive records, up to BATCH_DOCUMENTS of them or BATCH_CHARACTERS of text."""
    batch: list[Record] = []
    characters = 0
    for record in records:
        batch.append(record)
        text = record.get("text")
        characters += len(text) if isinstance(text, str) else 0
        if len(batch) == BATCH_DOCUMENTS or characters >= BATCH_CHARACTERS:
            yield batch
            batch, characters = [], 0
    if batch:
        yield batch


class StatsCollector:
    """Feed records with :meth:`add` (or batches with :meth:`merge`); read the figures with
    :meth:`result` (a JSON-ready dict)."""

    def __init__(self, by: str | Iterable[str] | None = None, top: int = 20) -> None:
        kinds = [by] if isinstance(by, str) else list(by or [])
        for kind in kinds:
            if kind not in GROUP_KEYS:
                raise ValueError(f"by must be one of {', '.join(GROUP_KEYS)}, got {kind!r}")
        self.by = kinds
        self.top = top
        self.measure = Measure(tuple(kinds), top)
        self.total = Tally()
        self.groups: dict[str, dict[str, Tally]] = {kind: {} for kind in kinds}
        self.length_bins = [0] * len(LENGTH_BINS)
        self.min_tokens: int | None = None
        self.max_tokens = 0
        self.months: Counter = Counter()
        self.undated = 0
        self._text_hashes: set[bytes] = set()
        self._band_keys: set[int] = set()
        self._line_hashes: set[int] = set()

    def add(self, record: Record) -> DocStats:
        """Measure and merge one record; what was learnt about it."""
        batch = self.measure([record], keep_docs=True)
        (exact, near, repeated), doc = self.merge(batch)[0], batch.docs[0]
        doc.exact_duplicate, doc.near_duplicate, doc.repeated_lines = exact, near, repeated
        return doc

    def merge(self, batch: BatchStats) -> list[tuple[bool, bool, int]]:
        """Fold in the next batch (batches must come in input order); return for each of its
        documents whether it is an exact or near duplicate and how many of its lines were seen
        before, the figures only the whole stream so far can tell."""
        flags = []
        texts, bands_seen, lines_seen = self._text_hashes, self._band_keys, self._line_hashes
        for digest, bands, fresh_lines, repeated, keys in batch.seen:
            exact = digest in texts
            near = False
            if not exact:
                texts.add(digest)
                if bands:
                    near = not bands_seen.isdisjoint(bands)
                    bands_seen.update(bands)
            repeated += len(lines_seen.intersection(fresh_lines))
            lines_seen |= fresh_lines
            flags.append((exact, near, repeated))
            if exact or near or repeated:
                tallies = [self.total]
                tallies += map(_group_tally, self.groups.values(), keys)
                for tally in tallies:
                    tally.exact_duplicates += exact
                    tally.near_duplicates += near
                    tally.repeated_lines += repeated
        self.total.merge(batch.total)
        for kind, groups in batch.groups.items():
            for key, tally in groups.items():
                _group_tally(self.groups[kind], key).merge(tally)
        self.length_bins = [a + b for a, b in zip(self.length_bins, batch.length_bins, strict=True)]
        if batch.min_tokens is not None:
            known = self.min_tokens
            self.min_tokens = batch.min_tokens if known is None else min(known, batch.min_tokens)
        self.max_tokens = max(self.max_tokens, batch.max_tokens)
        self.months.update(batch.months)
        self.undated += batch.undated
        return flags

    @property
    def counts(self) -> TopCounts:
        """Top-list counts: counted by :attr:`measure` here, or added from workers by add_counts."""
        return self.measure.counts

    def add_counts(self, counts: TopCounts) -> None:
        self.measure.counts.add(counts)

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
        counts = self.counts
        names = _fold(counts.names, _name_key, self.top * 25, as_written=True)
        out["top_names"] = _top(names, self.top, _may_be_name)
        # enough of the vocabulary to fill the top lists once stopwords are dropped
        vocabulary = max(5000, self.top * 200)
        words = _fold(counts.words, lambda word: word.strip(_WORD_EDGES), vocabulary)
        out["top_words"] = _top(words, self.top, _content_word)
        bigrams = _fold(
            counts.bigrams,
            lambda pair: (pair[0].strip(_WORD_EDGES), pair[1].strip(_WORD_EDGES)),
            vocabulary,
        )
        out["top_bigrams"] = [
            [" ".join(pair), count]
            for pair, count in _top(bigrams, self.top, lambda p: all(map(_content_word, p)))
        ]
        out["distinct"] = {
            "texts": len(self._text_hashes),
            "lines": len(self._line_hashes),
            "words": len(counts.words),
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
    for batch in batches(records):
        collector.merge(collector.measure(batch))
    return collector.result()


def _group_tally(groups: dict[str, Tally], key: str) -> Tally:
    tally = groups.get(key)
    if tally is None:
        tally = groups[key] = Tally()
    return tally


def _text_digest(data: bytes) -> bytes:
    """Key for exact duplicates: 8-byte digest of the text without case, whitespace and ASCII
    punctuation. ``data`` is the lowercased text as UTF-8, so one bytes.translate does it all."""
    return hashlib.blake2b(data.translate(None, _FOLDED), digest_size=8).digest()


def _band_keys(data: bytes) -> tuple[int, ...] | None:
    """Near-duplicate keys: bottom-k MinHash over sentences, split into bands.

    Sentences rather than word n-grams are the shingles: fifteen times fewer to hash, and a
    re-published article keeps most of its sentences. The six smallest sentence CRC-32s
    (stable across runs) form three bands of two; a document sharing a band key with an earlier
    one counts as a near duplicate. None when the document has too few long sentences.
    """
    sentences = data.translate(_SENTENCE_END).replace(_ELLIPSIS, b".").split(b".")
    long_enough = compress(sentences, map(NEAR_MIN_SENTENCE_BYTES.__le__, map(len, sentences)))
    shingles = set(map(zlib.crc32, map(bytes.strip, long_enough)))
    if len(shingles) < NEAR_BANDS * NEAR_ROWS:
        return None
    smallest = sorted(shingles)[: NEAR_BANDS * NEAR_ROWS]
    return tuple(
        hash((band, *smallest[band * NEAR_ROWS : (band + 1) * NEAR_ROWS]))
        for band in range(NEAR_BANDS)
    )


def _count_names(names: Counter, text: str, meta: dict[str, Any]) -> None:
    """Names from ``meta.names`` (ct normalize) if present, else mid-sentence capitals."""
    found = meta.get("names")
    if isinstance(found, list) and found:
        names.update(
            str(name.get("canonical") or name.get("text"))
            for name in found
            if isinstance(name, dict) and (name.get("canonical") or name.get("text"))
        )
        return
    names.update(_MID_SENTENCE_NAME.findall(text))


# Capitalised mid-sentence in English ("in January", "on Monday"), never a name.
_CALENDAR_WORD = re.compile(rf"(?:{MONTHS}|{WEEKDAYS})\.?", re.IGNORECASE)


def _may_be_name(name: str) -> bool:
    return name.lower() not in STOPWORDS and _CALENDAR_WORD.fullmatch(name) is None


def _content_pairs(tokens: list[str]) -> Iterator[tuple[str, str]]:
    """Adjacent pairs of tokens that may be content words: a pair with a stopword, a number or
    a word under three letters never reaches top_bigrams, so it is not counted (C-level maps)."""
    long = map((2).__lt__, map(len, tokens))
    function_word = map(or_, map(STOPWORDS.__contains__, tokens), map(str.isdigit, tokens))
    content = list(map(gt, long, function_word))  # long and not a function word
    return compress(pairwise(tokens), map(and_, content, content[1:]))


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
    return len(line) <= TIMESTAMP_MAX_CHARS and _TIMESTAMP_LINE.fullmatch(line) is not None


def find_mojibake(text: str) -> re.Match | None:
    """The first mojibake sequence in ``text`` (UTF-8 read as cp1251 or Latin-1, or U+FFFD)."""
    for candidate in _MOJIBAKE_CANDIDATE.finditer(text):
        found = _MOJIBAKE.match(text, candidate.start())
        if found:
            return found
    return None


def length_bin_label(bin_: dict[str, Any]) -> str:
    """A histogram bin of ``result()["length"]`` as a short label: ``250–500``, ``1k–2.5k``,
    ``10k+`` (short enough for a chart's axis)."""
    low = _compact(bin_["from"])
    return f"{low}+" if bin_["to"] is None else f"{low}–{_compact(bin_['to'])}"


def _compact(number: int) -> str:
    return f"{number / 1000:g}k" if number >= 1000 else str(number)


def _length_bin(tokens: int) -> int:
    for index in range(len(LENGTH_BINS) - 1, -1, -1):
        if tokens >= LENGTH_BINS[index]:
            return index
    return 0


def _content_word(word: str) -> bool:
    return len(word) > 2 and word not in STOPWORDS and not word.isdigit()


def _most_common(counter: Counter, n: int) -> list[tuple[Any, int]]:
    """Counter.most_common(n) with ties in key order, not insertion order: word counts are summed
    from several processes in no fixed order, and the figures must not depend on it."""
    if len(counter) > n > 0:
        # The n-th largest count, found without a key function, lets only the items that can be
        # among the first n (ties included) be sorted: same answer, a fraction of the key calls.
        least = heapq.nlargest(n, counter.values())[-1]
        candidates = [item for item in counter.items() if item[1] >= least]
        return sorted(candidates, key=_count_then_key)[:n]
    return sorted(counter.items(), key=_count_then_key)[:n]


def _count_then_key(item: tuple[Any, int]) -> tuple[int, Any]:
    return -item[1], item[0]


def _top(counter: Counter, n: int, keep) -> list:
    """The n most common keys that pass ``keep`` (stopwords are dropped here, once, not per
    token). Ranks ten times as many as asked, and more only when too few of them pass."""
    limit = n * 10
    while n > 0:
        ranked = _most_common(counter, limit)
        kept = [[key, count] for key, count in ranked if keep(key)][:n]
        if len(kept) == n or len(ranked) < limit:
            return kept
        limit *= 10
    return []


def _fold(counter: Counter, key_of, limit: int, as_written: bool = False) -> Counter:
    """Merge the counts of the ``limit`` most frequent keys that ``key_of`` makes one ("city,"
    and "city"; «России» and «Россию»), under that common key, or ``as_written``, under the most
    frequent of the merged keys. Only the most frequent are folded: folding the whole
    vocabulary would cost more than counting it."""
    folded: Counter = Counter()
    shown: dict[Any, Any] = {}
    for key, count in _most_common(counter, limit):  # most frequent first
        common = key_of(key)
        folded[common] += count
        shown.setdefault(common, key if as_written else common)
    return Counter({shown[common]: count for common, count in folded.items()})


def _name_key(name: str) -> str:
    """Names that differ only by a Russian case ending («России», «Россию», «Россия») share
    it. Without ``ct normalize`` (whose canonical names need no folding) a top list would
    otherwise give one country three places."""
    from .search.forms import russian_stem

    return " ".join(map(russian_stem, name.lower().split()))


def _prune(counter: Counter) -> None:
    """Drop the keys seen once, so a long tail cannot grow without bound (top items survive)."""
    for key in [key for key, count in counter.items() if count <= 1]:
        del counter[key]
