"""Run a per-record function on several processes, keeping input order.

Output order and content are identical to ``jobs=1``: records go out in chunks and come back
through ``imap`` in the order they were sent. Workers are forked, so a large read-only object
built before the pool (the site-line index of ``ct clean``) is shared copy-on-write, not pickled.
"""

from __future__ import annotations

import itertools
import os
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from typing import Any, Generic, TypeVar

T = TypeVar("T")
R = TypeVar("R")
S = TypeVar("S")

_worker_function: Callable | None = None
_worker_take: Callable | None = None
_workers_done: Any = None  # a Barrier for all workers, inherited by fork


@dataclass(frozen=True)
class WorkerState(Generic[S]):
    """State a worker builds up across items (a counter, say), handed back once at the end.

    After the last item every worker runs ``take`` once and ``receive`` gets each result in the
    calling process. With one process the state already lives in the caller: neither runs.
    """

    take: Callable[[], S]
    receive: Callable[[S], None]


def default_jobs() -> int:
    return len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1


def _run_chunk(chunk: list) -> list:
    assert _worker_function is not None
    return [_worker_function(item) for item in chunk]


def _take_state() -> Any:
    """Every worker waits here until all have arrived, so each runs exactly one of these tasks."""
    assert _worker_take is not None
    _workers_done.wait()
    return _worker_take()


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
    function: Callable[[T], R],
    items: Iterable[T],
    jobs: int = 1,
    chunk_size: int = 64,
    state: WorkerState | None = None,
) -> Iterator[R]:
    """``map(function, items)`` on ``jobs`` processes; lazy, bounded memory, input order.
    ``function`` must be a module-level or picklable callable only for the results: it is
    inherited by fork, not sent to the workers. A pool starts only for two chunks or more
    (one chunk would keep one worker busy and the others idle)."""
    chunks = chunked(items, chunk_size)
    head = list(itertools.islice(chunks, 2))
    if jobs <= 1 or len(head) < 2:
        for chunk in itertools.chain(head, chunks):
            yield from map(function, chunk)
        return
    import multiprocessing  # not at start-up: only runs that use a pool pay for it

    global _worker_function, _worker_take, _workers_done
    context = multiprocessing.get_context("fork")
    # inherited by the forked workers
    _worker_function = function
    _worker_take = state.take if state else None
    _workers_done = context.Barrier(jobs) if state else None
    window = 2 * jobs  # chunks in flight: memory stays bounded even behind a slow reader
    with context.Pool(jobs) as pool:
        pending: deque = deque()
        for chunk in itertools.chain(head, chunks):
            pending.append(pool.apply_async(_run_chunk, (chunk,)))
            if len(pending) >= window:
                yield from pending.popleft().get()
        while pending:
            yield from pending.popleft().get()
        if state is not None:
            for taken in [pool.apply_async(_take_state) for _ in range(jobs)]:
                state.receive(taken.get())
