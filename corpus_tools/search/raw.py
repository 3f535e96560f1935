"""Which raw JSONL lines may hold a match: the byte-level pre-filter of the JSONL fast path.

A match in a record's text contains one of the matcher's literals. Unless the JSON writer
escaped some of its characters, the raw line then holds the literal's UTF-8 bytes, in one of its
case variants when the search ignores case. The pre-filter finds every such line and may find
more (the literal in another field, a look-alike); the caller parses those lines and searches
their text properly, so the pre-filter decides speed only, never results.

The scans use StringZilla (SIMD): its ``find`` runs at 10-15 GB/s here, three to five times
CPython's ``bytes.find`` and ``re``, and its case-insensitive UTF-8 search at ~4 GB/s.

- Case-sensitive: ``find`` of the literal's bytes.
- Ignoring case, when Unicode case folding already equates every case variant of each character
  (Cyrillic, Kazakh, Latin, Greek): StringZilla's case-insensitive search, for up to
  ``UNCASED_MAX`` literals (each is a pass over the data).
- Otherwise (more literals; ``--name`` variants beyond case, such as the Kazakh forms of letters,
  к: қ, or q for k in Latin): each window is translated byte for byte so that the variants of
  the literal's characters become the same bytes (``g``/``G``; ``п`` D0 BF / ``П`` D0 9F), then
  ``find``. Only the bytes those variants need are merged, so look-alikes stay rare; each
  non-ASCII literal has its own table.
- Variants of different lengths (``ı``/``I``): a bytes regex of each character's variants.
- ``\\uXXXX`` escapes hide characters: non-ASCII ones in ``ensure_ascii`` output, ``< > & ' =``
  in Go's and Gson's. A line with one is a candidate whenever a literal has such a character.
"""

from __future__ import annotations

import re
import string
from collections.abc import Callable, Iterator
from typing import Protocol, TypeAlias

import stringzilla as sz

# What the scans take: bytes, or a memoryview of a memory-mapped file (StringZilla reads any
# contiguous buffer but not an mmap object itself).
Buffer: TypeAlias = bytes | memoryview

# A literal with a character JSON writes as a two-letter escape (\" \\ \/ \n ...) has no raw
# form to look for: such patterns parse every line.
_JSON_ESCAPED = re.compile(r'["\\/\x00-\x1f\u2028\u2029]')
# ASCII that no common writer turns into \uXXXX (Go and Gson escape < > & and Gson ' =).
_NEVER_U_ESCAPED = frozenset(string.ascii_letters + string.digits + " !#$%()*+,-.:;?@[]^_`{|}~")
_U_ESCAPE = b"\\u"
FOLD_BYTES = 1 << 20
UNCASED_MAX = 3  # more literals than this: translate once, then find each (cheaper than N passes)


class Literals(Protocol):
    literals: list[str] | None
    ignore_case: bool


def case_variants(ch: str) -> set[str]:
    """The characters a case-insensitive search takes ``ch`` for (one-character cases only)."""
    return {v for v in (ch, ch.lower(), ch.upper()) if len(v) == 1}


class RawGate:
    """Finds the raw JSONL lines that may hold a match: ``needles`` in the raw bytes, ``uncased``
    needles case-insensitively, ``folded`` needles in bytes translated by their table,
    ``pattern``, and with ``escapes`` every line with a ``\\u`` escape."""

    def __init__(
        self,
        *,
        needles: list[bytes] | None = None,
        uncased: list[bytes] | None = None,
        folded: list[tuple[bytes, list[bytes]]] | None = None,
        pattern: re.Pattern[bytes] | None = None,
        escapes: bool = False,
    ) -> None:
        self.needles = needles or []
        self.uncased = uncased or []
        self.folded = folded or []
        self.pattern = pattern
        self.escapes = escapes
        self._windows: list[bytearray] = []  # one reused translation buffer per table

    def lines(self, data: Buffer, start: int, end: int) -> Iterator[tuple[int, int]]:
        """``(line_start, line_end)`` of each candidate line in ``data[start:end]``, in order;
        ``start`` is a line start, ``line_end`` is at the newline (or ``end``)."""
        if not self.folded:
            yield from self._lines(data, start, end, [])
            return
        while start < end:  # a window that stays in the cache: 1.5x faster than 16 MB at once
            newline = sz.find(data, b"\n", min(start + FOLD_BYTES, end), end)
            stop = end if newline < 0 else newline + 1
            translated = [
                (self._translate(data, start, stop, number, table), needles)
                for number, (table, needles) in enumerate(self.folded)
            ]
            yield from self._lines(data, start, stop, translated)
            start = stop

    def _translate(
        self, data: Buffer, start: int, stop: int, number: int, table: bytes
    ) -> bytearray:
        """``data[start:stop]`` translated into the table's buffer (valid up to ``stop - start``),
        which is reused from window to window."""
        if len(self._windows) <= number:
            self._windows.append(bytearray())
        if len(self._windows[number]) < stop - start:
            self._windows[number] = bytearray(stop - start)
        window = self._windows[number]
        sz.translate(data, table, start=start, end=stop, out=window)
        return window

    def _lines(
        self, data: Buffer, start: int, end: int, translated: list[tuple[bytearray, list[bytes]]]
    ) -> Iterator[tuple[int, int]]:
        finders = self._finders(data, start, end, translated)
        hits = [find(start) for find in finders]
        while live := [hit for hit in hits if hit >= 0]:
            first = min(live)
            line_start = sz.rfind(data, b"\n", start, first) + 1 or start
            line_end = sz.find(data, b"\n", first, end)
            line_end = end if line_end < 0 else line_end
            yield line_start, line_end
            after = line_end + 1
            hits = [
                hit if hit < 0 or hit >= after else find(after)
                for hit, find in zip(hits, finders, strict=True)
            ]

    def _finders(
        self, data: Buffer, start: int, end: int, translated: list[tuple[bytearray, list[bytes]]]
    ) -> list[Callable[[int], int]]:
        """One function per thing to look for: its first offset at or after ``pos``, or -1."""
        needles = self.needles + ([_U_ESCAPE] if self.escapes else [])
        finders: list[Callable[[int], int]] = [
            lambda pos, needle=needle: sz.find(data, needle, pos, end) for needle in needles
        ]
        finders += [
            lambda pos, needle=needle: sz.utf8_uncased_search(data, needle, pos, end)
            for needle in self.uncased
        ]
        for window, window_needles in translated:
            size = end - start
            finders += [_shifted_finder(window, needle, start, size) for needle in window_needles]
        if self.pattern is not None:
            finders.append(_regex_finder(self.pattern, data, end))
        return finders


def _shifted_finder(window: bytearray, needle: bytes, base: int, size: int) -> Callable[[int], int]:
    """``find`` in the first ``size`` bytes of a copy of ``data[base:...]``, in the coordinates
    of ``data``."""

    def find(pos: int) -> int:
        at = sz.find(window, needle, pos - base, size)
        return at if at < 0 else at + base

    return find


def _first(match: re.Match[bytes] | None) -> int:
    return match.start() if match else -1


def _regex_finder(pattern: re.Pattern[bytes], data: Buffer, end: int) -> Callable[[int], int]:
    return lambda pos: _first(pattern.search(data, pos, end))


def every_line(data: Buffer, start: int, end: int) -> Iterator[tuple[int, int]]:
    """Every line of ``data[start:end]``: the path for matchers without a literal."""
    while start < end:
        stop = sz.find(data, b"\n", start, end)
        stop = end if stop < 0 else stop
        yield start, stop
        start = stop + 1


def raw_gate(matcher: Literals) -> RawGate | None:
    """The pre-filter for a matcher, or None when every line has to be parsed."""
    literals = matcher.literals
    if not literals or any(not lit or _JSON_ESCAPED.search(lit) for lit in literals):
        return None
    escapes = any(ch not in _NEVER_U_ESCAPED for lit in literals for ch in lit)
    # A line with "nursultan" has "nur": look for the shorter only.
    literals = sorted({lit for lit in literals if not any(o != lit and o in lit for o in literals)})
    if not matcher.ignore_case:
        return RawGate(needles=[lit.encode("utf-8") for lit in literals], escapes=escapes)
    others = getattr(matcher, "variants", {})  # --name: Kazakh forms of letters, q for k ...

    def variants(ch: str) -> set[str]:
        return {v for base in (ch, *others.get(ch, ())) for v in case_variants(base)}

    if len(literals) <= UNCASED_MAX and all(
        folds_alike(ch, variants(ch)) for lit in literals for ch in lit
    ):
        return RawGate(uncased=[lit.encode("utf-8") for lit in literals], escapes=escapes)
    # Each non-ASCII literal gets a table of its own: Kazakh forms and cases of many letters
    # in one table would merge most Cyrillic bytes (т D1 82 ~ Т D0 A2 ~ Ң D2 A2 ~ н ...).
    groups = [
        [lit for lit in literals if lit.isascii()],
        *([lit] for lit in literals if not lit.isascii()),
    ]
    folded, unfoldable = [], []
    for group in filter(None, groups):
        fold = case_fold_table(group, variants)
        if fold is None:
            unfoldable += group
        else:
            folded.append((fold, [lit.encode("utf-8").translate(fold) for lit in group]))
    pattern = case_variant_pattern(unfoldable, variants) if unfoldable else None
    return RawGate(folded=folded, pattern=pattern, escapes=escapes)


def folds_alike(ch: str, variants: set[str]) -> bool:
    """Whether StringZilla's case-insensitive search takes each variant for ``ch`` and back
    (Unicode case folding equates them): not so for ``ı``/``I`` or the Kazakh forms of letters."""
    encoded = ch.encode("utf-8")
    return all(
        sz.utf8_uncased_search(other, encoded) == 0 and sz.utf8_uncased_search(encoded, other) == 0
        for other in (v.encode("utf-8") for v in variants)
    )


def case_fold_table(
    literals: list[str], variants: Callable[[str], set[str]] = case_variants
) -> bytes | None:
    """A byte translation under which every variant of each literal character has the same
    bytes as the character; None when variants differ in length. Bytes that must be equal are
    merged (union-find), each group mapped to its smallest byte; the newline stays itself."""
    parent = list(range(256))

    def root(byte: int) -> int:
        while parent[byte] != byte:
            byte = parent[byte]
        return byte

    for ch in set("".join(literals)):
        encoded = ch.encode("utf-8")
        for variant in variants(ch):
            other = variant.encode("utf-8")
            if len(other) != len(encoded):
                return None
            for x, y in zip(encoded, other, strict=True):
                rx, ry = root(x), root(y)
                parent[max(rx, ry)] = min(rx, ry)
    return bytes(root(byte) for byte in range(256))


def case_variant_pattern(
    literals: list[str], variants: Callable[[str], set[str]] = case_variants
) -> re.Pattern[bytes]:
    """A bytes regex of the literals with each character as any of its variants."""
    branches = []
    for literal in literals:
        parts = []
        for ch in literal:
            encoded = sorted(re.escape(v.encode("utf-8")) for v in variants(ch))
            parts.append(encoded[0] if len(encoded) == 1 else b"(?:" + b"|".join(encoded) + b")")
        branches.append(b"".join(parts))
    return re.compile(b"|".join(branches))
