"""``ct dedup``: exact and near-duplicate documents, found with MinHash + LSH, kept once.

Two passes over the input, never holding texts: pass 1 sketches every record (normalised-text
hash, MinHash signature, a few sizes) and clusters the sketches; pass 2 re-reads the records and
emits the kept ones in input order, annotated with their duplicates. See docs/dedup.md.
"""

from __future__ import annotations

import math
from array import array
from collections import deque
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from datetime import UTC, datetime
from multiprocessing.pool import AsyncResult, Pool
from typing import Literal

import numpy as np

from ..errors import CtError
from ..records import Record, meta_of
from .index import MatchPolicy, SketchIndex, UnionFind, band_layout, find_matches, similarity
from .minhash import MinHasher, MinHashParams, Sketch
from .paragraphs import ParagraphFilter

__all__ = [
    "Cluster",
    "DedupPlan",
    "Deduplicator",
    "MatchPolicy",
    "MinHashParams",
    "MinHasher",
    "ParagraphFilter",
    "dedup_records",
]

KeepPolicy = Literal["first", "longest", "earliest"]
_BATCH = 64  # texts per sketching task: amortises numpy and inter-process overhead


@dataclass
class Cluster:
    """One kept document and the duplicates dropped in its favour."""

    kept: int
    dropped: list[int]
    similarity: list[float]
    exact: list[bool]


@dataclass
class DedupPlan:
    """The decision for every document number: dropped or kept, and each kept one's cluster."""

    ids: list[str]
    dropped: np.ndarray  # bool per document
    clusters: dict[int, Cluster]
    exact_count: int = 0
    near_count: int = 0

    def __len__(self) -> int:
        return len(self.ids)

    def cluster_rows(self) -> Iterator[dict]:
        """JSON-ready rows for ``--clusters``, in the order of the kept documents."""
        for kept in sorted(self.clusters):
            cluster = self.clusters[kept]
            yield {
                "kept": self.ids[kept],
                "size": 1 + len(cluster.dropped),
                "dropped": [
                    {
                        "id": self.ids[number],
                        "similarity": round(sim, 4),
                        "match": "exact" if exact else "near",
                    }
                    for number, sim, exact in zip(
                        cluster.dropped, cluster.similarity, cluster.exact, strict=True
                    )
                ],
            }

    def apply(
        self, records: Iterable[Record], paragraphs: ParagraphFilter | None = None
    ) -> Iterator[Record]:
        """Pass 2: yield the kept records (same order), with ``meta.duplicates`` when any."""
        number = -1
        for number, record in enumerate(records):
            if number >= len(self.ids) or str(record.get("id")) != self.ids[number]:
                raise CtError("the input changed between the two passes of ct dedup")
            if self.dropped[number]:
                continue
            cluster = self.clusters.get(number)
            if cluster is not None:
                meta_of(record)["duplicates"] = {
                    "count": len(cluster.dropped),
                    "ids": [self.ids[n] for n in cluster.dropped],
                }
            if paragraphs is not None and not paragraphs.filter(record):
                continue
            yield record
        if number + 1 != len(self.ids):
            raise CtError("the input changed between the two passes of ct dedup")


@dataclass
class Deduplicator:
    """Sketch records (pass 1), then plan which to keep (see :class:`DedupPlan`)."""

    params: MinHashParams = field(default_factory=MinHashParams)
    policy: MatchPolicy = field(default_factory=MatchPolicy)
    keep: KeepPolicy = "first"
    jobs: int = 1

    def __post_init__(self) -> None:
        if self.keep not in ("first", "longest", "earliest"):
            raise CtError(f"unknown --keep policy: {self.keep}")
        self.hasher = MinHasher(self.params)
        self.index = SketchIndex(self.params.num_perm)
        self.ids: list[str] = []
        self.lengths = array("Q")
        self.dates = array("d")

    def add_all(self, records: Iterable[Record]) -> None:
        """Pass 1: sketch every record, in order, using ``jobs`` processes."""
        if self.jobs <= 1:
            for batch in self._batches(records):
                self._store(self.hasher.sketch_batch(batch))
            return
        with Pool(self.jobs) as pool:
            pending: deque[AsyncResult] = deque()
            for batch in self._batches(records):
                pending.append(pool.apply_async(self.hasher.sketch_batch, (batch,)))
                # Bounded look-ahead: the reader never runs far ahead of the workers.
                while len(pending) > 2 * self.jobs:
                    self._store(pending.popleft().get())
            while pending:
                self._store(pending.popleft().get())

    def _batches(self, records: Iterable[Record]) -> Iterator[list[str]]:
        batch: list[str] = []
        for record in records:
            text = record.get("text") or ""
            self.ids.append(str(record.get("id")))
            self.lengths.append(len(text))
            if self.keep == "earliest":
                self.dates.append(_date_key(meta_of(record).get("date")))
            batch.append(text)
            if len(batch) >= _BATCH:
                yield batch
                batch = []
        if batch:
            yield batch

    def _store(self, sketches: list[Sketch]) -> None:
        for sketch in sketches:
            self.index.add(sketch)

    def plan(self) -> DedupPlan:
        """Cluster the sketched documents and pick the one to keep in each cluster."""
        count = len(self.index)
        bands, _rows = band_layout(self.params.num_perm, self.policy.threshold)
        matches = find_matches(self.index, self.policy, bands)
        dropped = np.zeros(count, dtype=bool)
        clusters: dict[int, Cluster] = {}
        exact_count = near_count = 0
        for group in link_groups(matches.exact, [(a, b) for a, b, _ in matches.near]):
            kept = choose_kept(group, self.keep, self.lengths, self.dates)
            cluster = Cluster(kept, [], [], [])
            for number in group:
                if number == kept:
                    continue
                dropped[number] = True
                is_exact = self.index.exact[number] == self.index.exact[kept]
                exact_count += is_exact
                near_count += not is_exact
                cluster.dropped.append(number)
                cluster.exact.append(is_exact)
                cluster.similarity.append(
                    1.0 if is_exact else similarity(self.index, self.policy, kept, number)
                )
            clusters[kept] = cluster
        return DedupPlan(self.ids, dropped, clusters, exact_count, near_count)


def link_groups(*links: np.ndarray | list) -> list[list[int]]:
    """Connected groups of linked document numbers, each sorted, in order of their first member.

    ``links`` are arrays (or lists) of ``(a, b)`` rows. Union-find runs over the linked
    documents only, so its memory follows the number of duplicate links, not the corpus size.
    """
    ends = np.concatenate([np.asarray(rows, dtype=np.int64).reshape(-1, 2) for rows in links])
    if not len(ends):
        return []
    docs, compact = np.unique(ends, return_inverse=True)
    compact = compact.reshape(ends.shape)
    sets = UnionFind(len(docs))
    for a, b in compact.tolist():
        sets.union(a, b)
    groups: dict[int, list[int]] = {}
    for position, doc in enumerate(docs.tolist()):
        groups.setdefault(sets.find(position), []).append(doc)
    return [groups[root] for root in sorted(groups)]


def choose_kept(group: list[int], keep: KeepPolicy, lengths, dates) -> int:
    """The member of a duplicate group to keep; ``lengths`` and ``dates`` are indexed by
    document number (only read for the policies that need them)."""
    if keep == "longest":
        return max(group, key=lambda n: (lengths[n], -n))
    if keep == "earliest":
        return min(group, key=lambda n: (dates[n], n))
    return group[0]


def _date_key(value: object) -> float:
    """Seconds since the epoch for an ISO date (naive = UTC); undated documents sort last."""
    if not isinstance(value, str):
        return math.inf
    try:
        moment = datetime.fromisoformat(value.strip())
    except ValueError:
        return math.inf
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=UTC)
    return moment.timestamp()


def dedup_records(
    records: list[Record], keep: KeepPolicy = "first", paragraphs: bool = False, **options
) -> list[Record]:
    """Library shortcut for records already in memory: the kept records, in order."""
    dedup = Deduplicator(keep=keep, **options)
    dedup.add_all(records)
    plan = dedup.plan()
    return list(plan.apply(records, ParagraphFilter() if paragraphs else None))
