"""Where ct talks: data on stdout, every message and progress bar on stderr.

Colour and progress bars appear only when stderr is a terminal, so logs in CI stay plain; rich
is imported only then, since importing it costs more than many a piped command's whole run.
"""

from __future__ import annotations

import os
import stat
import sys
from collections.abc import Iterable, Iterator
from functools import cache
from typing import TYPE_CHECKING, TypeVar

if TYPE_CHECKING:
    from rich.console import Console

T = TypeVar("T")

_quiet = False


def set_quiet(quiet: bool) -> None:
    global _quiet
    _quiet = quiet


def warn(message: str) -> None:
    """One line on stderr, prefixed like other Unix tools (``ct: warning: ...``)."""
    if _quiet:
        return
    if stderr_is_terminal():
        from rich.markup import escape

        stderr_console().print(f"[yellow]ct: warning:[/] {escape(message)}")
    else:
        print(f"ct: warning: {message}", file=sys.stderr)


def info(message: str) -> None:
    if not _quiet:
        print(f"ct: {message}", file=sys.stderr)


def error(message: str) -> None:
    """An error line; shown even with --quiet because it explains a non-zero exit."""
    print(f"ct: error: {message}", file=sys.stderr)


def stdout_is_terminal() -> bool:
    return sys.stdout.isatty()


def stderr_is_terminal() -> bool:
    return sys.stderr.isatty()


@cache
def stderr_console() -> Console:
    """rich's console on stderr, for colour and live progress on a terminal."""
    from rich.console import Console

    return Console(stderr=True, highlight=False, soft_wrap=True)


def stdin_is_pipe() -> bool:
    """Another process writes to our stdin: we are a later stage of a pipe."""
    try:
        return stat.S_ISFIFO(os.fstat(0).st_mode)
    except OSError:  # no stdin at all
        return False


def progress(items: Iterable[T], description: str, total: int | None = None) -> Iterator[T]:
    """Yield ``items`` while showing a live counter on stderr, only when stderr is a terminal.

    In ``ct clean corpus/ | ct dedup | ct stats`` every stage shares that terminal: only the
    first one, whose stdin is not a pipe, draws a bar (four bars on one line would overwrite
    each other). The later stages still print their warnings and summaries.
    """
    if _quiet or not stderr_is_terminal() or stdin_is_pipe():
        yield from items
        return
    from rich.progress import (
        BarColumn,
        MofNCompleteColumn,
        Progress,
        SpinnerColumn,
        TextColumn,
        TimeElapsedColumn,
    )

    columns = [SpinnerColumn(), TextColumn("{task.description}")]
    if total is not None:
        columns.append(BarColumn())
    columns += [
        MofNCompleteColumn() if total else TextColumn("{task.completed} docs"),
        TimeElapsedColumn(),
    ]
    with Progress(*columns, console=stderr_console(), transient=True) as bar:
        task = bar.add_task(description, total=total)
        for item in items:
            yield item
            bar.advance(task)
