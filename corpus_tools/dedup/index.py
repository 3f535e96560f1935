"""From sketches to clusters: exact groups, LSH band group-by, verification, union-find.

Everything here works on numpy arrays indexed by document number (input order); no text is
held. The band step is a group-by over ``(band_id, band_key) -> doc numbers``
(:func:`band_rows` then :func:`bucket_pairs`), which is what a distributed engine's shuffle does;
locally it is a stable sort per band.
"""

from __future__ import annotations

from array import array
from collections.abc import Iterator
from dataclasses import dataclass, field, replace

import numpy as np

from .minhash import Sketch, slots_conflict

_NO_SLOTS = np.empty(0, dtype=np.uint64)
_PAIR_CHUNK = 8192  # candidate pairs verified per numpy step (bounds temporary memory)


@dataclass(frozen=True)
class MatchPolicy:
    """When a candidate pair counts as the same document.

    A pair is accepted on Jaccard similarity ≥ ``threshold``, or on containment (|A∩B| /
    min(|A|, |B|)) ≥ ``containment`` when the shorter text is at least ``min_length_ratio`` of the
    longer: a copy cut to 70 % is caught, while a long article quoting a short item whole is not.
    Containment has its own, higher bar because for texts of equal length it is 2J / (1 + J),
    which would otherwise lower the Jaccard bar to 0.54. Two short documents (both with exact
    shingle sets in their sketches) are compared exactly, and not at all when the same words are
    followed by different numbers or names, so templated notes (weather, rates, accidents) stay
    apart. Their bars are EXACT_MARGIN lower: the others allow for the error of a 128-row
    estimate (0.04 at J = 0.7), which an exact comparison does not make, and a short re-post
    that changed its attribution and closing line («сообщает пресс-служба» → «передает
    корреспондент») keeps about 78 % of its shingles.
    """

    threshold: float = 0.7
    containment: float = 0.8
    min_length_ratio: float = 0.5

    def __post_init__(self) -> None:
        if not (0.0 < self.threshold <= 1.0 and 0.0 < self.containment <= 1.0):
            raise ValueError("thresholds must be in (0, 1]")

    def for_exact_sets(self) -> MatchPolicy:
        return replace(
            self,
            threshold=max(self.threshold - EXACT_MARGIN, 0.01),
            containment=max(self.containment - EXACT_MARGIN, 0.01),
        )


EXACT_MARGIN = 0.05


def band_layout(num_perm: int, threshold: float) -> tuple[int, int]:
    """(bands, rows) using all permutations, with the LSH S-curve's midpoint well below
    ``threshold`` so that pairs a little above it (and truncated copies) are nearly always seen."""
    target = max(0.3, threshold - 0.25)
    best = (1, num_perm)
    for rows in range(1, num_perm + 1):
        if num_perm % rows:
            continue
        bands = num_perm // rows
        midpoint = (1.0 / bands) ** (1.0 / rows)
        if midpoint <= target:
            best = (bands, rows)
    return best


def band_rows(
    signatures: np.ndarray, docs: np.ndarray, bands: int
) -> Iterator[tuple[int, np.ndarray]]:
    """Yield ``(band_id, keys)``: one 64-bit key per document of ``docs`` for each band of rows.

    Only one band's columns are copied at a time, never the whole signature matrix.
    """
    rows = signatures.shape[1] // bands
    rng = np.random.default_rng(rows * 1000 + bands)
    multipliers = rng.integers(1, 2**63, rows, dtype=np.uint64) | np.uint64(1)
    for band in range(bands):
        block = signatures[docs, band * rows : (band + 1) * rows].astype(np.uint64)
        keys = block @ multipliers if rows > 1 else block[:, 0].copy()
        keys ^= keys >> np.uint64(29)
        yield band, keys


def bucket_pairs(keys: np.ndarray, docs: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Group ``docs`` by equal ``keys``; return candidate edges within each bucket.

    Each member is paired with the bucket's first doc and with the member before it: the star
    keeps edges linear in the bucket size, the chain lets two copies meet even when the first doc
    is a look-alike that verification rejects (a templated note with other numbers).
    ``docs`` must be increasing, so the first doc of a bucket is its earliest.
    """
    order = np.argsort(keys, kind="stable")
    sorted_keys = keys[order]
    starts = np.ones(len(keys), dtype=bool)
    starts[1:] = sorted_keys[1:] != sorted_keys[:-1]
    bucket_first = order[np.maximum.accumulate(np.where(starts, np.arange(len(keys)), 0))]
    members = np.flatnonzero(~starts)
    previous = order[members - 1]
    chained = previous != bucket_first[members]
    firsts = np.concatenate([bucket_first[members], previous[chained]])
    others = np.concatenate([order[members], order[members[chained]]])
    return docs[firsts], docs[others]


class UnionFind:
    """Disjoint sets over document numbers; the root of a set is its smallest member."""

    def __init__(self, size: int) -> None:
        self.parent = np.arange(size, dtype=np.int64)

    def find(self, item: int) -> int:
        parent = self.parent
        root = item
        while parent[root] != root:
            root = parent[root]
        while parent[item] != root:
            parent[item], item = root, parent[item]
        return int(root)

    def union(self, a: int, b: int) -> None:
        ra, rb = self.find(a), self.find(b)
        if ra != rb:
            self.parent[max(ra, rb)] = min(ra, rb)


@dataclass
class SketchIndex:
    """Sketches of every document, in input order, as compact arrays (no text)."""

    num_perm: int
    exact: array = field(default_factory=lambda: array("Q"))  # 8 bytes a document
    sizes: array = field(default_factory=lambda: array("I"))
    short_sets: dict[int, np.ndarray] = field(default_factory=dict)
    short_slots: dict[int, np.ndarray] = field(default_factory=dict)
    _signature_blocks: list[np.ndarray] = field(default_factory=list)
    _pending: list[np.ndarray] = field(default_factory=list)

    def __len__(self) -> int:
        return len(self.sizes)

    def add(self, sketch: Sketch) -> int:
        number = len(self.sizes)
        self.exact.append(sketch.exact)
        self.sizes.append(sketch.size)
        if sketch.shingles is not None:
            self.short_sets[number] = sketch.shingles
        if sketch.slots is not None and len(sketch.slots):
            self.short_slots[number] = sketch.slots
        self._pending.append(sketch.signature)
        if len(self._pending) >= 4096:
            self._signature_blocks.append(np.stack(self._pending))
            self._pending = []
        return number

    def signatures(self) -> np.ndarray:
        if self._pending:
            self._signature_blocks.append(np.stack(self._pending))
            self._pending = []
        if len(self._signature_blocks) != 1:
            # Copy block by block into one matrix, freeing each block once copied, so the peak
            # stays near one copy of the signatures rather than two.
            blocks, self._signature_blocks = self._signature_blocks[::-1], []
            matrix = np.empty((sum(len(b) for b in blocks), self.num_perm), dtype=np.uint32)
            row = 0
            while blocks:
                block = blocks.pop()
                matrix[row : row + len(block)] = block
                row += len(block)
            self._signature_blocks = [matrix]
        return self._signature_blocks[0]


@dataclass
class Matches:
    """Verified duplicate links: exact pairs and near pairs with their similarity."""

    exact: list[tuple[int, int]]
    near: list[tuple[int, int, float]]


def find_matches(index: SketchIndex, policy: MatchPolicy, bands: int) -> Matches:
    """Exact groups by hash, then LSH candidates among the distinct texts, then verification."""
    exact_hash = np.frombuffer(index.exact, dtype=np.uint64)
    sizes = np.array(index.sizes, dtype=np.int64)
    docs = np.flatnonzero(sizes > 0)
    firsts, others = bucket_pairs(exact_hash[docs], docs)
    exact = list(zip(firsts.tolist(), others.tolist(), strict=True))
    distinct = np.setdiff1d(docs, others, assume_unique=True)
    signatures = index.signatures()
    left, right = [], []
    for _band, keys in band_rows(signatures, distinct, bands):
        a, b = bucket_pairs(keys, distinct)
        left.append(a)
        right.append(b)
    near: list[tuple[int, int, float]] = []
    if left:
        pairs = np.unique(np.concatenate(left) << 32 | np.concatenate(right))
        a, b = (pairs >> 32).astype(np.int64), (pairs & 0xFFFFFFFF).astype(np.int64)
        for start in range(0, len(pairs), _PAIR_CHUNK):
            part = slice(start, start + _PAIR_CHUNK)
            near.extend(_verify(index, policy, signatures, a[part], b[part]))
    return Matches(exact, near)


def similarity(index: SketchIndex, policy: MatchPolicy, a: int, b: int) -> float:
    """The similarity dedup uses for one pair (for cluster reports)."""
    sizes = np.array([index.sizes[a], index.sizes[b]], dtype=np.int64)
    signatures = index.signatures()
    jaccard = _estimated_jaccard(signatures[[a]], signatures[[b]])
    if a in index.short_sets and b in index.short_sets:
        jaccard[0] = _exact_jaccard(index.short_sets[a], index.short_sets[b])
    return float(_combined(policy, jaccard, sizes[[0]], sizes[[1]])[0][0])


@dataclass
class PairSide:
    """One end of each candidate pair: its signature, shingle count and, for a short document,
    its exact shingle set and slots (``None`` for a long one)."""

    signatures: np.ndarray
    sizes: np.ndarray
    shorts: list[tuple[np.ndarray, np.ndarray] | None]

    @classmethod
    def of(cls, index: SketchIndex, signatures: np.ndarray, docs: np.ndarray) -> PairSide:
        shorts: list[tuple[np.ndarray, np.ndarray] | None] = []
        for doc in docs.tolist():
            shingles = index.short_sets.get(doc)
            shorts.append(
                None if shingles is None else (shingles, index.short_slots.get(doc, _NO_SLOTS))
            )
        sizes = np.frombuffer(index.sizes, dtype=np.uint32)[docs].astype(np.int64)
        return cls(signatures[docs], sizes, shorts)


def verify_pairs(
    policy: MatchPolicy, left: PairSide, right: PairSide
) -> tuple[np.ndarray, np.ndarray]:
    """(accepted positions, their similarity) for pairs whose two ends are ``left`` and
    ``right``; the one decision both the local and the sharded dedup make."""
    jaccard = _estimated_jaccard(left.signatures, right.signatures)
    exact = np.zeros(len(jaccard), dtype=bool)
    for i, (short_a, short_b) in enumerate(zip(left.shorts, right.shorts, strict=True)):
        if short_a is None or short_b is None:
            continue
        if slots_conflict(short_a[1], short_b[1]):
            jaccard[i] = 0.0
        else:
            jaccard[i] = _exact_jaccard(short_a[0], short_b[0])
            exact[i] = True
    score, accepted = _combined(policy, jaccard, left.sizes, right.sizes)
    if exact.any():
        _, exact_accepted = _combined(policy.for_exact_sets(), jaccard, left.sizes, right.sizes)
        accepted |= exact & exact_accepted
    keep = np.flatnonzero(accepted)
    return keep, score[keep].round(4)


def _verify(
    index: SketchIndex, policy: MatchPolicy, signatures: np.ndarray, a: np.ndarray, b: np.ndarray
) -> list[tuple[int, int, float]]:
    keep, score = verify_pairs(
        policy, PairSide.of(index, signatures, a), PairSide.of(index, signatures, b)
    )
    return list(zip(a[keep].tolist(), b[keep].tolist(), score.tolist(), strict=True))


def _estimated_jaccard(sig_a: np.ndarray, sig_b: np.ndarray) -> np.ndarray:
    return (sig_a == sig_b).mean(axis=1)


def _exact_jaccard(set_a: np.ndarray, set_b: np.ndarray) -> float:
    common = len(np.intersect1d(set_a, set_b, assume_unique=True))
    return common / (len(set_a) + len(set_b) - common)


def _combined(
    policy: MatchPolicy, jaccard: np.ndarray, size_a: np.ndarray, size_b: np.ndarray
) -> tuple[np.ndarray, np.ndarray]:
    """(similarity, accepted): similarity is max(Jaccard, containment) where lengths are
    comparable, else Jaccard; a pair is accepted on Jaccard ≥ threshold or on containment ≥
    the containment threshold.

    Containment comes from Jaccard and the set sizes: |A∩B| = J (|A| + |B|) / (1 + J).
    """
    smaller = np.minimum(size_a, size_b).astype(np.float64)
    larger = np.maximum(size_a, size_b).astype(np.float64)
    common = jaccard * (size_a + size_b) / (1.0 + jaccard)
    containment = np.minimum(1.0, common / np.maximum(smaller, 1.0))
    comparable = smaller >= policy.min_length_ratio * larger
    similarity = np.where(comparable, np.maximum(jaccard, containment), jaccard)
    accepted = (jaccard >= policy.threshold) | (comparable & (containment >= policy.containment))
    return similarity, accepted
