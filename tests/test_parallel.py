"""The ordered process map: input order, and per-worker state handed back exactly once."""

from __future__ import annotations

from corpus_tools.parallel import WorkerState, map_ordered

_seen: list[int] = []  # per process: each forked worker has its own copy


def _remember(item: int) -> int:
    _seen.append(item)
    return item * 2


def _take() -> list[int]:
    return list(_seen)


def test_results_in_input_order_and_each_workers_state_handed_back_once() -> None:
    gathered: list[list[int]] = []
    state = WorkerState(take=_take, receive=gathered.append)
    out = list(map_ordered(_remember, range(1000), jobs=2, chunk_size=10, state=state))
    assert out == [item * 2 for item in range(1000)]
    assert len(gathered) == 2  # one share per worker
    assert sorted(item for share in gathered for item in share) == list(range(1000))
    assert _seen == []  # all the work happened in the workers


def test_one_process_keeps_its_state_and_hands_nothing_back() -> None:
    gathered: list[list[int]] = []
    state = WorkerState(take=_take, receive=gathered.append)
    try:
        assert list(map_ordered(_remember, range(100), jobs=1, state=state))[-1] == 198
        assert _seen == list(range(100)) and gathered == []
        # a single chunk is not worth a pool, whatever jobs says
        _seen.clear()
        list(map_ordered(_remember, range(10), jobs=2, chunk_size=64, state=state))
        assert _seen == list(range(10)) and gathered == []
    finally:
        _seen.clear()
