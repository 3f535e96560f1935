"""Document sketches: normalised-text hash, word-shingle MinHash signature, sizes.

A sketch is all ``ct dedup`` keeps of a document (the text itself is never held). It is a pure
function of the text and the parameters, so sketches computed in worker processes are identical
to sketches computed in the main one, whatever ``--jobs``.
"""

from __future__ import annotations

import hashlib
import re
import zlib
from dataclasses import dataclass

import numpy as np

from ..lang import fold_lookalikes

# Letters and digits of every script; everything else (punctuation, spaces, "_") separates words.
# Digits stay, so yesterday's and today's currency note do not fold into one text.
_NON_WORD = re.compile(r"[\W_]+")
_WORD = re.compile(r"[^\W_]+")
_SENTENCE_END = re.compile(r"[.!?…]")
_DIGITS = re.compile(rb"\d+")
_NAME_CONTEXT = 0x5A5A5A5A  # keeps name contexts apart from number contexts
_SHIFT32 = np.uint64(32)
# Shingles per numpy block: bounds the (shingles x permutations) temporary to a few MB.
_BLOCK_SHINGLES = 8192


def words_of(text: str) -> list[bytes]:
    """Case-, punctuation- and whitespace-folded words (UTF-8), digits kept, Kazakh letters and
    ё folded to their Russian look-alikes."""
    return fold_lookalikes(_NON_WORD.sub(" ", text).lower().encode("utf-8")).split()


def _slots(words: list[bytes], text: str) -> np.ndarray:
    """The numbers that follow each word, and the capitalised names (places, people) that follow
    each pair of words (one word, such as "в", is too common a context for names), packed as
    sorted ``context << 32 | value`` (8 bytes a slot)."""
    spans = [match.span() for match in _WORD.finditer(text)]  # the same words as ``words``
    slots: set[int] = set()
    for i in range(1, len(words)):
        word = words[i]
        if _DIGITS.search(word):
            context = zlib.crc32(words[i - 1])
        elif i > 1 and text[spans[i][0]].isupper() and not _opens_sentence(text, spans, i):
            context = zlib.crc32(words[i - 1], zlib.crc32(words[i - 2])) ^ _NAME_CONTEXT
        else:
            continue
        slots.add(context << 32 | zlib.crc32(word))
    return np.array(sorted(slots), dtype=np.uint64)


def _opens_sentence(text: str, spans: list[tuple[int, int]], i: int) -> bool:
    """A capital after a full stop is no name («… добавил он. Ранее сообщалось …»)."""
    return _SENTENCE_END.search(text, spans[i - 1][1], spans[i][0]) is not None


def _unpack_slots(packed: np.ndarray) -> dict[int, set[int]]:
    slots: dict[int, set[int]] = {}
    for slot in packed.tolist():
        slots.setdefault(slot >> 32, set()).add(slot & 0xFFFFFFFF)
    return slots


def _hash64(data: bytes) -> int:
    return int.from_bytes(hashlib.blake2b(data, digest_size=8).digest(), "little")


@dataclass(frozen=True)
class MinHashParams:
    """Shingle size, permutations and seed; everything that must match between two sketches."""

    shingle_size: int = 5
    num_perm: int = 128
    seed: int = 1

    def __post_init__(self) -> None:
        if self.shingle_size < 1:
            raise ValueError("shingle size must be at least 1")
        if self.num_perm < 2:
            raise ValueError("at least 2 permutations are needed")


@dataclass
class Sketch:
    """What dedup keeps of one document: a few integers and the MinHash signature.

    Short documents (at most ``num_perm`` distinct shingles, about 130 words), whose MinHash
    estimate is too coarse, also keep their exact shingle hashes and their *slots* (which
    numbers and names follow which word): 8 bytes each, under 2 KB; long documents keep neither.
    """

    exact: int  # hash of the normalised text (0 for a text without words)
    size: int  # distinct shingles
    signature: np.ndarray  # uint32[num_perm]
    shingles: np.ndarray | None = None
    slots: np.ndarray | None = None  # uint64: which numbers and names follow which words


def slots_conflict(packed_a: np.ndarray, packed_b: np.ndarray) -> bool:
    """True when the same words are followed by a number or name in both texts, and what follows
    in one appears nowhere among the other's numbers and names.

    That tells two templated notes apart ("погибли 1" / "погибли 4", "в городе Алматы" / "в городе
    Астана"), while a copy with extra menu lines, a cut-off tail or a dropped word ("minister
    Cezary Grabarczyk" / "minister Grabarczyk") has no such clash.
    """
    a, b = _unpack_slots(packed_a), _unpack_slots(packed_b)
    shared = a.keys() & b.keys()
    if not shared:
        return False
    everything_a = set().union(*a.values())
    everything_b = set().union(*b.values())
    return any(
        a[context].isdisjoint(everything_b) and b[context].isdisjoint(everything_a)
        for context in shared
    )


class MinHasher:
    """Turn texts into sketches with universal hashing ``(a*x + b)`` vectorised in numpy.

    numpy has no 128-bit product, so instead of ``(a*x + b) mod p`` the permutations use the
    multiply-add-shift form: ``(a*x + b) mod 2**64``, top 32 bits (a odd), a universal family of
    the same kind (Dietzfelbinger) that needs only wrapping 64-bit arithmetic.
    """

    def __init__(self, params: MinHashParams | None = None) -> None:
        self.params = params or MinHashParams()
        rng = np.random.default_rng(self.params.seed)
        full = np.iinfo(np.uint64).max
        self._a = rng.integers(1, full, self.params.num_perm, dtype=np.uint64, endpoint=True)
        self._a |= np.uint64(1)
        self._b = rng.integers(0, full, self.params.num_perm, dtype=np.uint64, endpoint=True)
        self._word_mult = rng.integers(1, full, self.params.shingle_size, dtype=np.uint64) | 1
        self.short_limit = self.params.num_perm

    def sketch(self, text: str) -> Sketch:
        return self.sketch_batch([text])[0]

    def sketch_batch(self, texts: list[str]) -> list[Sketch]:
        """Sketch many texts at once: one numpy pass over all their shingles."""
        word_lists = [words_of(text) for text in texts]
        shingle_sets = [self._shingle_hashes(words) for words in word_lists]
        signatures = self._signatures(shingle_sets)
        sketches = []
        for text, words, shingles, signature in zip(
            texts, word_lists, shingle_sets, signatures, strict=True
        ):
            sketch = Sketch(_hash64(b" ".join(words)) if words else 0, len(shingles), signature)
            if 0 < len(shingles) <= self.short_limit:
                sketch.shingles = shingles
                sketch.slots = _slots(words, text)
            sketches.append(sketch)
        return sketches

    def _shingle_hashes(self, words: list[bytes]) -> np.ndarray:
        """Sorted distinct 64-bit hashes of the word k-grams (one shingle if fewer words)."""
        if not words:
            return np.empty(0, dtype=np.uint64)
        hashes = np.fromiter(map(zlib.crc32, words), dtype=np.uint64, count=len(words))
        k = min(self.params.shingle_size, len(words))
        count = len(words) - k + 1
        combined = hashes[:count] * self._word_mult[0]
        for offset in range(1, k):
            combined += hashes[offset : offset + count] * self._word_mult[offset]
        combined ^= combined >> np.uint64(31)  # spread the high bits into the low ones
        return np.unique(combined)

    def _signatures(self, shingle_sets: list[np.ndarray]) -> np.ndarray:
        """Row i = min over document i's shingles of each permutation (all ones if none)."""
        out = np.full((len(shingle_sets), self.params.num_perm), 0xFFFFFFFF, dtype=np.uint32)
        start = 0
        while start < len(shingle_sets):
            stop, total = start, 0
            while stop < len(shingle_sets) and (stop == start or total < _BLOCK_SHINGLES):
                total += len(shingle_sets[stop])
                stop += 1
            block = [(i, s) for i, s in enumerate(shingle_sets[start:stop], start) if len(s)]
            if block:
                rows = [i for i, _ in block]
                values = np.concatenate([s for _, s in block])
                offsets = np.cumsum([0] + [len(s) for _, s in block[:-1]])
                permuted = np.multiply.outer(self._a, values)  # permutations x shingles
                permuted += self._b[:, None]
                # The top-32-bit shift is monotone, so it is applied after the minimum.
                lowest = np.minimum.reduceat(permuted, offsets, axis=1)
                out[rows] = (lowest >> _SHIFT32).astype(np.uint32).T
            start = stop
        return out
