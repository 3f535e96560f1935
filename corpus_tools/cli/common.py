"""Options and plumbing shared by every subcommand: inputs, error policy, output, exit codes."""

from __future__ import annotations

import shutil
import sys
import tempfile
from contextlib import ExitStack
from enum import StrEnum
from typing import Annotated, BinaryIO

import typer

from .. import console
from ..errors import CtError
from ..io import Reader


class OnErrorChoice(StrEnum):
    skip = "skip"
    stop = "stop"


InputsArg = Annotated[
    list[str] | None,
    typer.Argument(
        help="Files, folders (recursive), globs, or - for stdin. Default: stdin.",
        show_default=False,
    ),
]
OnErrorOpt = Annotated[
    OnErrorChoice,
    typer.Option(
        "--on-error",
        help="On a bad file or malformed record: report it and go on (skip), or stop at once.",
    ),
]
JobsOpt = Annotated[
    int | None,
    typer.Option(
        "--jobs", "-j", min=1, help="Worker processes (default: all cores). Output is the same."
    ),
]
QuietOpt = Annotated[bool, typer.Option("--quiet", "-q", help="No warnings or progress on stderr.")]


def open_reader(inputs: list[str] | None, on_error: OnErrorChoice, quiet: bool) -> Reader:
    console.set_quiet(quiet)
    return Reader(inputs or ["-"], on_error=on_error.value, report=console.warn)


def finish(reader: Reader, failed: bool = False) -> None:
    """Exit 2 when inputs were skipped (the output is still complete for the rest), 1 on failure."""
    if reader.skipped:
        console.error(f"{reader.skipped} input(s) skipped, see warnings above")
        raise typer.Exit(2)
    if failed:
        raise typer.Exit(1)


def pass_reader(
    inputs: list[str], on_error: OnErrorChoice, quiet: bool, stdin: BinaryIO | None, report: bool
) -> Reader:
    """A reader for one pass over the inputs; stdin comes from the spool, rewound."""
    console.set_quiet(quiet)
    if stdin is not None:
        stdin.seek(0)
    return Reader(
        inputs,
        on_error=on_error.value,
        report=console.warn if report else (lambda message: None),
        stdin=stdin,
    )


def spool_stdin(stack: ExitStack) -> BinaryIO:
    """Copy stdin to a temporary file so the two passes can both read it (disk, not memory)."""
    spool = stack.enter_context(tempfile.TemporaryFile())  # noqa: SIM115
    shutil.copyfileobj(sys.stdin.buffer, spool, length=1 << 20)
    return spool  # type: ignore[return-value]


__all__ = [
    "CtError",
    "InputsArg",
    "OnErrorChoice",
    "OnErrorOpt",
    "QuietOpt",
    "finish",
    "open_reader",
]
