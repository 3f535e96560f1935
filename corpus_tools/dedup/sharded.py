"""``dedup`` over partitions, on any engine: the same decisions as one ``ct dedup`` process.

Documents are numbered in partition order (partition p's first document is number
``offsets[p]``), which is the order ``ct dedup`` would read the concatenated parts in. Then:

1. each partition sketches its documents (on a worker; the sketches stay there);
2. exact copies: every partition sends ``(hash, doc)`` rows to the bucket that owns the hash;
   each bucket groups its rows (:func:`~corpus_tools.dedup.index.bucket_pairs`), and the driver
   collects the exact links;
3. LSH bands, among documents that are not an exact copy of an earlier one: every partition
   sends ``(band, key, doc)`` rows to the bucket owning the band key (a hash-partitioned
   group-by, i.e. a shuffle), each bucket turns its groups into candidate pairs;
4. verification is a join on both ends of each pair: candidate pairs travel to the partition of
   their first document, which attaches its sketch data, then to the partition of the second,
   which verifies (:func:`~corpus_tools.dedup.index.verify_pairs`);
5. the driver links exact and verified pairs into groups (memory per duplicate link, not per
   document), asks the partitions for the members' ids, lengths and dates, picks the kept copy;
6. each partition writes its kept records, annotated with ``meta.duplicates``.

A bucket sees every row of the groups it owns, in document order, so it finds exactly the pairs
the single-process index finds; the result is identical record for record.
"""

from __future__ import annotations

import itertools
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np

from ..errors import CtError
from ..records import meta_of
from . import Deduplicator, KeepPolicy, choose_kept, link_groups
from .index import MatchPolicy, PairSide, band_layout, band_rows, bucket_pairs, verify_pairs
from .minhash import MinHashParams

_GOLDEN = 0x9E3779B97F4A7C15


@dataclass
class ShardedSummary:
    documents: int
    exact: int
    near: int
    kept: int
    written: int


# ----------------------------------------------------------------------------- worker tasks


def sketch_part(path: str, params: MinHashParams, policy: MatchPolicy, keep: str) -> Deduplicator:
    """Step 1: sketches, ids, lengths and dates of one partition (no text is kept)."""
    from ..pipeline.shards import read_part

    dedup = Deduplicator(params=params, policy=policy, keep=keep)  # type: ignore[arg-type]
    dedup.add_all(read_part(path))
    dedup.index.signatures()  # one matrix, ready for the band steps
    return dedup


def part_length(sketch: Deduplicator) -> int:
    return len(sketch.index)


def _bucket_of(band: int, keys: np.ndarray, buckets: int) -> np.ndarray:
    mixed = keys ^ np.uint64((band * _GOLDEN) & 0xFFFFFFFFFFFFFFFF)
    mixed ^= mixed >> np.uint64(33)
    return (mixed % np.uint64(buckets)).astype(np.intp)


def _split_rows(rows: np.ndarray, owner: np.ndarray, buckets: int) -> list[np.ndarray]:
    """Rows per owning bucket, each keeping the rows' order."""
    order = np.argsort(owner, kind="stable")
    bounds = np.searchsorted(owner[order], np.arange(buckets + 1))
    return [rows[order[bounds[j] : bounds[j + 1]]] for j in range(buckets)]


def exact_rows(sketch: Deduplicator, offset: int, buckets: int) -> list[np.ndarray]:
    """Step 2, map side: ``(hash, doc)`` rows of the documents that have words."""
    exact = np.frombuffer(sketch.index.exact, dtype=np.uint64)
    sizes = np.frombuffer(sketch.index.sizes, dtype=np.uint32)
    local = np.flatnonzero(sizes > 0)
    rows = np.column_stack([exact[local], (local + offset).astype(np.uint64)])
    return _split_rows(rows, _bucket_of(0, rows[:, 0], buckets), buckets)


def exact_links(*pieces: np.ndarray) -> np.ndarray:
    """Step 2, reduce side: ``(first, copy)`` links among equal hashes of one bucket."""
    rows = np.concatenate(pieces) if pieces else np.empty((0, 2), dtype=np.uint64)
    firsts, others = bucket_pairs(rows[:, 0], rows[:, 1].astype(np.int64))
    return np.column_stack([firsts, others]).astype(np.int64)


def band_rows_of_part(
    sketch: Deduplicator, offset: int, copies: np.ndarray, bands: int, buckets: int
) -> list[np.ndarray]:
    """Step 3, map side: ``(band, key, doc)`` rows of the partition's distinct documents."""
    sizes = np.frombuffer(sketch.index.sizes, dtype=np.uint32)
    distinct = np.setdiff1d(np.flatnonzero(sizes > 0), copies - offset, assume_unique=True)
    signatures = sketch.index.signatures()
    pieces, owners = [], []
    docs = (distinct + offset).astype(np.uint64)
    for band, keys in band_rows(signatures, distinct, bands):
        pieces.append(np.column_stack([np.full(len(keys), band, dtype=np.uint64), keys, docs]))
        owners.append(_bucket_of(band, keys, buckets))
    if not pieces:
        return [np.empty((0, 3), dtype=np.uint64)] * buckets
    return _split_rows(np.concatenate(pieces), np.concatenate(owners), buckets)


def candidate_pairs(*pieces: np.ndarray, bounds: np.ndarray) -> list[np.ndarray]:
    """Step 3, reduce side: candidate pairs of one bucket, packed ``a << 32 | b``, split by the
    partition of ``a``."""
    rows = np.concatenate(pieces) if pieces else np.empty((0, 3), dtype=np.uint64)
    rows = rows[np.argsort(rows[:, 0], kind="stable")]  # by band; docs stay in order
    cuts = [0, *(np.flatnonzero(rows[1:, 0] != rows[:-1, 0]) + 1).tolist(), len(rows)]
    edges = [np.empty(0, dtype=np.int64)]
    for start, end in itertools.pairwise(cuts):
        if end - start < 2:
            continue
        a, b = bucket_pairs(rows[start:end, 1], rows[start:end, 2].astype(np.int64))
        edges.append(a << 32 | b)
    pairs = np.unique(np.concatenate(edges))
    return _split_rows(pairs, _partition_of(pairs >> 32, bounds), len(bounds) - 1)


def _partition_of(docs: np.ndarray, bounds: np.ndarray) -> np.ndarray:
    return (np.searchsorted(bounds, docs, side="right") - 1).astype(np.intp)


def attach_first(
    sketch: Deduplicator, offset: int, *pieces: np.ndarray, bounds: np.ndarray
) -> list[tuple[np.ndarray, PairSide]]:
    """Step 4a: on the partition of each pair's first document, attach its sketch data."""
    pairs = np.unique(np.concatenate(pieces)) if pieces else np.empty(0, dtype=np.int64)
    first = PairSide.of(sketch.index, sketch.index.signatures(), (pairs >> 32) - offset)
    owner = _partition_of(pairs & 0xFFFFFFFF, bounds)
    packets = []
    for part in range(len(bounds) - 1):
        chosen = np.flatnonzero(owner == part)
        packets.append((pairs[chosen], _subset(first, chosen)))
    return packets


def verify_second(
    sketch: Deduplicator,
    offset: int,
    *packets: tuple[np.ndarray, PairSide],
    policy: MatchPolicy,
) -> np.ndarray:
    """Step 4b: on the partition of each pair's second document, verify; rows (a, b, score)."""
    pairs = np.concatenate([packet[0] for packet in packets])
    if not len(pairs):
        return np.empty((0, 3), dtype=np.float64)
    first = PairSide(
        np.concatenate([packet[1].signatures for packet in packets]),
        np.concatenate([packet[1].sizes for packet in packets]),
        [short for packet in packets for short in packet[1].shorts],
    )
    second = PairSide.of(sketch.index, sketch.index.signatures(), (pairs & 0xFFFFFFFF) - offset)
    keep, score = verify_pairs(policy, first, second)
    pairs = pairs[keep]
    return np.column_stack([pairs >> 32, pairs & 0xFFFFFFFF, score]).astype(np.float64)


def _subset(side: PairSide, chosen: np.ndarray) -> PairSide:
    return PairSide(
        side.signatures[chosen], side.sizes[chosen], [side.shorts[i] for i in chosen.tolist()]
    )


def member_facts(sketch: Deduplicator, offset: int, docs: np.ndarray) -> dict[int, tuple]:
    """Step 5: ``doc -> (id, length, date, exact hash)`` for the asked documents."""
    facts = {}
    for doc in docs.tolist():
        local = doc - offset
        date = sketch.dates[local] if len(sketch.dates) else 0.0
        facts[doc] = (sketch.ids[local], sketch.lengths[local], date, sketch.index.exact[local])
    return facts


def write_kept(
    path: str,
    sketch: Deduplicator,
    dropped: set[int],
    duplicates: dict[int, list[str]],
    part: int,
    target: Any,
) -> int:
    """Step 6: the partition's kept records, in order, with ``meta.duplicates``."""
    from ..pipeline.shards import read_part

    def kept():
        number = -1
        for number, record in enumerate(read_part(path)):
            if number >= len(sketch.ids) or str(record.get("id")) != sketch.ids[number]:
                raise CtError(f"{path}: the input changed between the two passes of dedup")
            if number in dropped:
                continue
            ids = duplicates.get(number)
            if ids:
                meta_of(record)["duplicates"] = {"count": len(ids), "ids": ids}
            yield record
        if number + 1 != len(sketch.ids):
            raise CtError(f"{path}: the input changed between the two passes of dedup")

    return target.write_part(part, kept())


# ----------------------------------------------------------------------------- driver


def dedup_partitions(
    engine: Any,
    paths: Sequence[str],
    target: Any,
    params: MinHashParams | None = None,
    policy: MatchPolicy | None = None,
    keep: KeepPolicy = "first",
    only: Sequence[int] | None = None,
) -> ShardedSummary:
    """Deduplicate the partitions at ``paths`` into ``target`` (a ShardSet), one part each.

    Every partition is sketched (the decisions need them all); only the parts in ``only``
    (default: all) are written, so a resumed run does not rewrite finished parts.
    """
    params = params or MinHashParams()
    policy = policy or MatchPolicy()
    parts = len(paths)
    sketches = engine.map(sketch_part, list(paths), params=params, policy=policy, keep=keep)
    lengths = engine.gather(engine.map(part_length, sketches))
    bounds = np.concatenate([[0], np.cumsum(lengths)]).astype(np.int64)
    offsets = bounds[:-1].tolist()
    buckets = parts

    exact_pieces = engine.map(exact_rows, sketches, offsets, buckets=buckets)
    exact_found = engine.gather(engine.map(exact_links, *_shuffle(engine, exact_pieces, buckets)))
    exact = np.concatenate([np.empty((0, 2), dtype=np.int64), *exact_found])
    copies_by_part = _by_part(np.unique(exact[:, 1]), bounds)

    bands, _rows = band_layout(params.num_perm, policy.threshold)
    band_pieces = engine.map(
        band_rows_of_part, sketches, offsets, copies_by_part, bands=bands, buckets=buckets
    )
    pair_pieces = engine.map(
        candidate_pairs, *_shuffle(engine, band_pieces, buckets), bounds=bounds
    )
    packets = engine.map(
        attach_first, sketches, offsets, *_shuffle(engine, pair_pieces, parts), bounds=bounds
    )
    verified = engine.gather(
        engine.map(
            verify_second, sketches, offsets, *_shuffle(engine, packets, parts), policy=policy
        )
    )
    near = np.concatenate([np.empty((0, 3)), *verified])[:, :2].astype(np.int64)
    groups = link_groups(exact, near)
    members = np.array(sorted({doc for group in groups for doc in group}), dtype=np.int64)
    asked = _by_part(members, bounds)
    facts: dict[int, tuple] = {}
    for found in engine.gather(engine.map(member_facts, sketches, offsets, asked)):
        facts.update(found)

    dropped: list[set[int]] = [set() for _ in range(parts)]
    duplicates: list[dict[int, list[str]]] = [{} for _ in range(parts)]
    exact_count = near_count = 0
    lengths_of = {doc: fact[1] for doc, fact in facts.items()}
    dates_of = {doc: fact[2] for doc, fact in facts.items()}
    for group in groups:
        kept = choose_kept(group, keep, lengths_of, dates_of)
        others = [doc for doc in group if doc != kept]
        for doc in others:
            dropped[_part(doc, bounds)].add(doc - int(bounds[_part(doc, bounds)]))
            same = facts[doc][3] == facts[kept][3]
            exact_count += same
            near_count += not same
        kept_part = _part(kept, bounds)
        duplicates[kept_part][kept - int(bounds[kept_part])] = [facts[doc][0] for doc in others]

    todo = list(range(parts)) if only is None else list(only)
    written = engine.gather(
        engine.map(
            write_kept,
            [paths[p] for p in todo],
            [sketches[p] for p in todo],
            [dropped[p] for p in todo],
            [duplicates[p] for p in todo],
            todo,
            target=target,
        )
    )
    kept = int(bounds[-1]) - exact_count - near_count
    return ShardedSummary(int(bounds[-1]), exact_count, near_count, kept, sum(written))


def _by_part(docs: np.ndarray, bounds: np.ndarray) -> list[np.ndarray]:
    """Sorted document numbers split by the partition holding them."""
    cuts = np.searchsorted(docs, bounds)
    return [docs[cuts[p] : cuts[p + 1]] for p in range(len(bounds) - 1)]


def _part(doc: int, bounds: np.ndarray) -> int:
    return int(np.searchsorted(bounds, doc, side="right") - 1)


def _shuffle(engine: Any, outputs: list[Any], receivers: int) -> list[list[Any]]:
    """All-to-all: ``outputs[i]`` is a list with one piece per receiver; return, for
    ``engine.map(f, *result)``, argument lists such that receiver ``j`` gets piece ``j`` of
    every output, in output order. Pieces move between workers, never through the driver."""
    pieces_for = [engine.pick(outputs, j) for j in range(receivers)]  # [j][i]
    return [[pieces_for[j][i] for j in range(receivers)] for i in range(len(outputs))]
