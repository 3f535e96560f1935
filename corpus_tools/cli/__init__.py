"""The ``ct`` command: one Typer app, one module per subcommand, errors as single lines."""

from __future__ import annotations

import functools
import importlib
import os
import sys
from collections.abc import Callable
from typing import Any

import typer

from .. import console
from ..errors import CtError

app = typer.Typer(
    name="ct",
    help="corpus tools: clean, deduplicate, normalise, search and measure scraped news corpora.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
    rich_markup_mode=None,
)


def _show_version(value: bool) -> None:
    if value:
        from .. import __version__

        print(f"ct {__version__}")
        raise typer.Exit()


@app.callback()
def _root(
    version: bool = typer.Option(
        False, "--version", callback=_show_version, is_eager=True, help="Print the version."
    ),
) -> None:
    """corpus tools: clean, deduplicate, normalise, search and measure scraped news corpora."""


# Each subcommand's module registers it on ``app`` when imported: by command name.
COMMAND_MODULES = {
    "check": "check",
    "clean": "clean",
    "dedup": "dedup",
    "index": "search",
    "normalize": "normalize",
    "run": "run",
    "search": "search",
    "stats": "stats",
}


def load_commands(args: list[str] | None = None) -> None:
    """Register the subcommand that ``args`` (a command line) runs, or every subcommand when it
    names none (``ct --help``, a typo). Importing only the command being run keeps the others'
    options and imports out of its start-up."""
    name = next((arg for arg in args or [] if not arg.startswith("-")), None)
    if name is None and "--version" in (args or []):
        return  # answered before any subcommand is looked at
    wanted = [COMMAND_MODULES[name]] if name in COMMAND_MODULES else COMMAND_MODULES.values()
    for module in sorted(set(wanted)):
        importlib.import_module(f"{__name__}.{module}")
    _guard_commands(app)


def _quiet_on_closed_pipe(callback: Callable[..., Any]) -> Callable[..., Any]:
    """``ct ... | head``: when the reader goes away, stop quietly with exit code 0, as ripgrep
    does (click would report exit code 1)."""

    @functools.wraps(callback)
    def guarded(*args: Any, **kwargs: Any) -> Any:
        try:
            return callback(*args, **kwargs)
        except BrokenPipeError:
            _silence_stdout()
            sys.exit(0)

    return guarded


def _guard_commands(typer_app: typer.Typer) -> None:
    for command in typer_app.registered_commands:
        if command.callback is not None:
            command.callback = _quiet_on_closed_pipe(command.callback)
    for group in typer_app.registered_groups:
        if group.typer_instance is not None:
            _guard_commands(group.typer_instance)


def main() -> None:
    """Entry point: ct errors become one line on stderr and a non-zero exit, never a traceback."""
    try:
        load_commands(sys.argv[1:])
        app()
    except SystemExit:
        _flush_stdout()
        raise
    except CtError as exc:
        console.error(str(exc))
        sys.exit(exc.exit_code)
    except BrokenPipeError:
        _silence_stdout()
        sys.exit(0)
    except KeyboardInterrupt:
        console.error("interrupted")
        sys.exit(130)
    except MemoryError:
        console.error("out of memory")
        sys.exit(1)


def _flush_stdout() -> None:
    """Flush now, so that a reader that went away cannot cause an error at interpreter exit."""
    try:
        sys.stdout.flush()
    except BrokenPipeError:
        _silence_stdout()
        sys.exit(0)


def _silence_stdout() -> None:
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except OSError:
        pass
