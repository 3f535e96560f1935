"""Where a pipeline's tasks run: in local processes, or on a Dask cluster.

A stage is written once against this small interface: ``map`` a module-level function over
partitions, ``pick`` one piece of each task's output (the two halves of a shuffle), ``share`` a
large read-only object with every task, ``gather`` results to the driver. On the local engine a
handle is the value itself; on Dask it is a future, so data stays on the workers between steps
and only what a stage gathers travels to the driver.
"""

from __future__ import annotations

import operator
import os
from collections.abc import Callable, Sequence
from typing import Any, Protocol

from .. import console
from ..errors import CtError
from ..parallel import map_ordered


class Engine(Protocol):
    name: str

    def map(self, function: Callable[..., Any], *items: Sequence[Any], **common: Any) -> list:
        """``function(item_1[i], item_2[i], ..., **common)`` for every i, as handles."""

    def pick(self, handles: Sequence[Any], key: int) -> list:
        """``handle[key]`` for every handle, without bringing the values to the driver."""

    def share(self, value: Any) -> Any:
        """A handle to a read-only value every task may receive in ``common``."""

    def gather(self, handles: Sequence[Any]) -> list:
        """The values behind handles, on the driver."""

    def close(self) -> None: ...


class _Star:
    """``function(*item, **common)``: a picklable adapter for ``map_ordered``."""

    def __init__(self, function: Callable[..., Any], common: dict[str, Any]) -> None:
        self.function = function
        self.common = common

    def __call__(self, item: tuple) -> Any:
        return self.function(*item, **self.common)


class LocalEngine:
    """Tasks on ``jobs`` forked processes of this machine (one task = one partition).

    ``common`` arguments reach the workers by fork, not by pickling, so a large shared object
    (the per-site line index of ``clean``) costs nothing per task.
    """

    name = "local"

    def __init__(self, jobs: int = 1) -> None:
        self.jobs = jobs

    def map(self, function: Callable[..., Any], *items: Sequence[Any], **common: Any) -> list:
        rows = list(zip(*items, strict=True))
        results = map_ordered(_Star(function, common), rows, self.jobs, chunk_size=1)
        return list(console.progress(results, function.__name__, total=len(rows)))

    def pick(self, handles: Sequence[Any], key: int) -> list:
        return [handle[key] for handle in handles]

    def share(self, value: Any) -> Any:
        return value

    def gather(self, handles: Sequence[Any]) -> list:
        return list(handles)

    def close(self) -> None:
        pass


class DaskEngine:
    """Tasks on a Dask cluster: the one at ``scheduler``, or a LocalCluster started here."""

    name = "dask"

    def __init__(self, scheduler: str | None = None, workers: int | None = None) -> None:
        try:
            from distributed import Client, LocalCluster
        except ImportError as exc:
            raise CtError(
                "--engine dask needs Dask: pip install 'corpus-tools[dask]'"
                " (or pip install -e '.[dask]' in a checkout)"
            ) from exc
        self._cluster = None
        # Worker processes would log a failed task's traceback; ct reports it in one line.
        os.environ.setdefault("DASK_LOGGING__DISTRIBUTED", "critical")
        if scheduler:
            _probe(scheduler)
        try:
            if scheduler:
                self.client = Client(scheduler, timeout="10s")
            else:
                self._cluster = LocalCluster(
                    n_workers=workers,
                    threads_per_worker=1,
                    processes=True,
                    dashboard_address=None,
                    # The scheduler serves HTTP even without a dashboard, on 8787 by default:
                    # a free port instead, so a dashboard already running costs no warning.
                    scheduler_kwargs={"dashboard_address": "127.0.0.1:0"},
                )
                self.client = Client(self._cluster)
        except OSError as exc:
            self.close()
            raise CtError(f"cannot reach the Dask scheduler {scheduler}: {exc}") from exc

    def map(self, function: Callable[..., Any], *items: Sequence[Any], **common: Any) -> list:
        if not items or not items[0]:
            return []
        # pure=False: a task's output file is a side effect, so equal arguments must not be
        # merged into one task.
        return self.client.map(function, *items, pure=False, **common)

    def pick(self, handles: Sequence[Any], key: int) -> list:
        return [self.client.submit(operator.getitem, handle, key) for handle in handles]

    def share(self, value: Any) -> Any:
        return self.client.scatter(value, broadcast=True)

    def gather(self, handles: Sequence[Any]) -> list:
        from dask.utils import key_split
        from distributed import as_completed

        futures = list(handles)
        if not futures:
            return []
        name = key_split(futures[0].key)  # the task function's name
        for _done in console.progress(as_completed(futures), name, total=len(futures)):
            pass
        return self.client.gather(futures)

    def close(self) -> None:
        client = getattr(self, "client", None)
        if client is not None:
            client.close()
        if self._cluster is not None:
            self._cluster.close()


def _probe(address: str) -> None:
    """Fail at once on a refused tcp:// address (Dask itself retries until its timeout)."""
    import socket
    from urllib.parse import urlsplit

    parts = urlsplit(address if "://" in address else f"tcp://{address}")
    if parts.scheme != "tcp" or not parts.hostname or not parts.port:
        return
    try:
        socket.create_connection((parts.hostname, parts.port), timeout=5).close()
    except OSError as exc:
        raise CtError(f"cannot reach the Dask scheduler {address}: {exc.strerror or exc}") from exc


def make_engine(name: str, jobs: int, scheduler: str | None) -> Engine:
    if name == "local":
        if scheduler:
            raise CtError("--scheduler needs --engine dask")
        return LocalEngine(jobs)
    if name == "dask":
        return DaskEngine(scheduler, workers=jobs)
    raise CtError(f"unknown engine: {name} (choose local or dask)")
