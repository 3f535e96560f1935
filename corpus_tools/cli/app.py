"""The Typer app behind ``ct``: the root command, and loading the subcommand a command line runs."""

from __future__ import annotations

import functools
import importlib
import sys
from collections.abc import Callable
from typing import Any

import typer

from . import COMMAND_MODULES, _silence_stdout

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


def load_commands(args: list[str] | None = None) -> None:
    """Register the subcommand that ``args`` (a command line) runs, or every subcommand when it
    names none (``ct --help``, a typo). Importing only the command being run keeps the others'
    options and imports out of its start-up."""
    name = next((arg for arg in args or [] if not arg.startswith("-")), None)
    if name is None and "--version" in (args or []):
        return  # answered before any subcommand is looked at
    wanted = [COMMAND_MODULES[name]] if name in COMMAND_MODULES else COMMAND_MODULES.values()
    for module in sorted(set(wanted)):
        importlib.import_module(f"{__package__}.{module}")
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
