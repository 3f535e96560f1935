"""Which raw JSONL lines may hold a match: the byte-level pre-filter of the JSONL fast path.

A match in a record's text contains one of the matcher's literals. Unless the JSON writer
escaped some of its characters, the raw line then holds the literal's UTF-8 bytes, in one of its
case variants when the search ignores case. The pre-filter finds every such line and may find
more (the literal in another field, a look-alike); the caller parses those lines and searches
their text properly, so the pre-filter decides speed only, never results.

- Case-sensitive: ``find`` on the memory-mapped file, at memory speed.
- Ignoring case: each window is translated byte for byte so that the case variants of the
  literal's characters become the same bytes (``g``/``G``; ``п`` D0 BF / ``П`` D0 9F), then
  ``find``. Only the bytes those variants need are merged, so look-alikes stay rare. A Python
  ``re`` alternation of each letter's variants would be five to ten times slower.
- Case variants of different lengths (``ı``/``I``) and ``--name``'s own pattern: a bytes regex.
- ``\\uXXXX`` escapes hide characters: non-ASCII ones in ``ensure_ascii`` output, ``< > & ' =``
  in Go's and Gson's. A line with one is a candidate whenever a literal has such a character.
"""

from __future__ import annotations

import mmap
import re
import string
from collections.abc import Callable, Iterator
from typing import Protocol, TypeAlias

Buffer: TypeAlias = mmap.mmap | bytes

# A literal with a character JSON writes as a two-letter escape (\" \\ \/ \n ...) has no raw
# form to look for: such patterns parse every line.
_JSON_ESCAPED = re.compile(r'["\\/\x00-\x1f\u2028\u2029]')
# ASCII that no common writer turns into \uXXXX (Go and Gson escape < > & and Gson ' =).
_NEVER_U_ESCAPED = frozenset(string.ascii_letters + string.digits + " !#$%()*+,-.:;?@[]^_`{|}~")
_U_ESCAPE = re.compile(rb"\\u")  # re finds it at memory speed; bytes.find is 3x slower here
FOLD_BYTES = 1 << 20


class Literals(Protocol):
    literals: list[str] | None
    ignore_case: bool


def case_variants(ch: str) -> set[str]:
    """The characters a case-insensitive search takes ``ch`` for (one-character cases only)."""
    return {v for v in (ch, ch.lower(), ch.upper()) if len(v) == 1}


class RawGate:
    """Finds the raw JSONL lines that may hold a match: ``needles`` (in ``fold``-translated
    bytes when given) or ``pattern``, and with ``escapes`` every line with a ``\\u`` escape."""

    def __init__(
        self,
        *,
        needles: list[bytes] | None = None,
        fold: bytes | None = None,
        pattern: re.Pattern[bytes] | None = None,
        escapes: bool = False,
    ) -> None:
        self.needles = needles or []
        self.fold = fold
        self.pattern = pattern
        self.escapes = escapes

    def lines(self, data: Buffer, start: int, end: int) -> Iterator[tuple[int, int]]:
        """``(line_start, line_end)`` of each candidate line in ``data[start:end]``, in order;
        ``start`` is a line start, ``line_end`` is at the newline (or ``end``)."""
        if self.fold is None:
            yield from self._lines(data, start, end, None)
            return
        while start < end:  # a window that stays in the cache: 1.5x faster than 16 MB at once
            newline = data.find(b"\n", min(start + FOLD_BYTES, end), end)
            stop = end if newline < 0 else newline + 1
            yield from self._lines(data, start, stop, data[start:stop].translate(self.fold))
            start = stop

    def _lines(
        self, data: Buffer, start: int, end: int, folded: bytes | None
    ) -> Iterator[tuple[int, int]]:
        finders = self._finders(data, start, end, folded)
        hits = [find(start) for find in finders]
        while live := [hit for hit in hits if hit >= 0]:
            first = min(live)
            line_start = data.rfind(b"\n", start, first) + 1 or start
            line_end = data.find(b"\n", first, end)
            line_end = end if line_end < 0 else line_end
            yield line_start, line_end
            after = line_end + 1
            hits = [
                hit if hit < 0 or hit >= after else find(after)
                for hit, find in zip(hits, finders, strict=True)
            ]

    def _finders(
        self, data: Buffer, start: int, end: int, folded: bytes | None
    ) -> list[Callable[[int], int]]:
        """One function per thing to look for: its first offset at or after ``pos``, or -1."""
        finders: list[Callable[[int], int]] = []
        if folded is None:
            for needle in self.needles:
                finders.append(lambda pos, needle=needle: data.find(needle, pos, end))
        else:
            finders += [_shifted_finder(folded, needle, start) for needle in self.needles]
        if self.pattern is not None:
            finders.append(_regex_finder(self.pattern, data, end))
        if self.escapes:
            finders.append(_regex_finder(_U_ESCAPE, data, end))
        return finders


def _shifted_finder(window: bytes, needle: bytes, base: int) -> Callable[[int], int]:
    """``find`` in a copy of ``data[base:...]``, in the coordinates of ``data``."""

    def find(pos: int) -> int:
        at = window.find(needle, pos - base)
        return at if at < 0 else at + base

    return find


def _first(match: re.Match[bytes] | None) -> int:
    return match.start() if match else -1


def _regex_finder(pattern: re.Pattern[bytes], data: Buffer, end: int) -> Callable[[int], int]:
    return lambda pos: _first(pattern.search(data, pos, end))


def every_line(data: Buffer, start: int, end: int) -> Iterator[tuple[int, int]]:
    """Every line of ``data[start:end]``: the path for matchers without a literal."""
    while start < end:
        stop = data.find(b"\n", start, end)
        stop = end if stop < 0 else stop
        yield start, stop
        start = stop + 1


def raw_gate(matcher: Literals) -> RawGate | None:
    """The pre-filter for a matcher, or None when every line has to be parsed."""
    own = getattr(matcher, "byte_pattern", None)  # --name brings its own (folded letters, Latin)
    if own is not None:
        return RawGate(pattern=own, escapes=True)
    literals = matcher.literals
    if not literals or any(not lit or _JSON_ESCAPED.search(lit) for lit in literals):
        return None
    escapes = any(ch not in _NEVER_U_ESCAPED for lit in literals for ch in lit)
    if not matcher.ignore_case:
        return RawGate(needles=[lit.encode("utf-8") for lit in literals], escapes=escapes)
    fold = case_fold_table(literals)
    if fold is None:
        return RawGate(pattern=case_variant_pattern(literals), escapes=escapes)
    needles = [lit.encode("utf-8").translate(fold) for lit in literals]
    return RawGate(needles=needles, fold=fold, escapes=escapes)


def case_fold_table(literals: list[str]) -> bytes | None:
    """A byte translation under which every case variant of each literal character has the same
    bytes as the character; None when variants differ in length. Bytes that must be equal are
    merged (union-find), each group mapped to its smallest byte; the newline stays itself."""
    parent = list(range(256))

    def root(byte: int) -> int:
        while parent[byte] != byte:
            byte = parent[byte]
        return byte

    for ch in set("".join(literals)):
        encoded = ch.encode("utf-8")
        for variant in case_variants(ch):
            other = variant.encode("utf-8")
            if len(other) != len(encoded):
                return None
            for x, y in zip(encoded, other, strict=True):
                rx, ry = root(x), root(y)
                parent[max(rx, ry)] = min(rx, ry)
    return bytes(root(byte) for byte in range(256))


def case_variant_pattern(literals: list[str]) -> re.Pattern[bytes]:
    """A bytes regex of the literals with each character as any of its case variants."""
    branches = []
    for literal in literals:
        parts = []
        for ch in literal:
            encoded = sorted(re.escape(v.encode("utf-8")) for v in case_variants(ch))
            parts.append(encoded[0] if len(encoded) == 1 else b"(?:" + b"|".join(encoded) + b")")
        branches.append(b"".join(parts))
    return re.compile(b"|".join(branches))
