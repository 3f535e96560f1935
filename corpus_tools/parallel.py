"""Run a per-record function on several processes, keeping input order.

Output order and content are identical to ``jobs=1``: records go out in chunks and come back
through ``imap`` in the order they were sent. Workers are forked, so a large read-only object
built before the pool (the site-line index of ``ct clean``) is shared copy-on-write, not pickled.
"""

from __future__ import annotations

import itertools
import multiprocessing
import os
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from typing import TypeVar

T = TypeVar("T")
R = TypeVar("R")

_worker_function: Callable | None = None


def default_jobs() -> int:
    return len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1


def _run_chunk(chunk: list) -> list:
    assert _worker_function is not None
    return [_worker_function(item) for item in chunk]


def chunked(items: Iterable[T], size: int) -> Iterator[list[T]]:
    """Lists of ``size`` items (the last one shorter), lazily."""
    chunk: list[T] = []
    for item in items:
        chunk.append(item)
        if len(chunk) == size:
            yield chunk
            chunk = []
    if chunk:
        yield chunk


def map_ordered(
    function: Callable[[T], R], items: Iterable[T], jobs: int = 1, chunk_size: int = 64
) -> Iterator[R]:
    """``map(function, items)`` on ``jobs`` processes; lazy, bounded memory, input order.
    ``function`` must be a module-level or picklable callable only for the results: it is
    inherited by fork, not sent to the workers."""
    chunks = chunked(items, chunk_size)
    first = next(chunks, [])
    if jobs <= 1 or len(first) < chunk_size:  # small inputs: a pool costs more than it saves
        yield from map(function, first)
        for chunk in chunks:
            yield from map(function, chunk)
        return
    global _worker_function
    _worker_function = function  # inherited by the forked workers
    context = multiprocessing.get_context("fork")
    window = 2 * jobs  # chunks in flight: memory stays bounded even behind a slow reader
    with context.Pool(jobs) as pool:
        pending: deque = deque()
        for chunk in itertools.chain([first], chunks):
            pending.append(pool.apply_async(_run_chunk, (chunk,)))
            if len(pending) >= window:
                yield from pending.popleft().get()
        while pending:
            yield from pending.popleft().get()
