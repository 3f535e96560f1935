"""The ``ct`` command: one Typer app, one module per subcommand, errors as single lines."""

from __future__ import annotations

import os
import sys

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


# Subcommands register themselves on ``app`` when imported.
from . import clean  # noqa: E402, F401, I001
from . import search  # noqa: E402, F401


def main() -> None:
    """Entry point: ct errors become one line on stderr and a non-zero exit, never a traceback."""
    try:
        app()
    except CtError as exc:
        console.error(str(exc))
        sys.exit(exc.exit_code)
    except BrokenPipeError:
        # The reader (e.g. `head`) went away: stop quietly, as grep and ripgrep do.
        _silence_stdout()
        sys.exit(0)
    except KeyboardInterrupt:
        console.error("interrupted")
        sys.exit(130)
    except MemoryError:
        console.error("out of memory")
        sys.exit(1)


def _silence_stdout() -> None:
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except OSError:
        pass
