"""The ``ct`` command: one Typer app (``app.py``), one module per subcommand, errors as single
lines.

This module does not import Typer: ``ct search --index`` with the options an index query takes is
answered by :mod:`.indexed` without it, because Typer's start-up alone costs about as much as a
whole indexed query. Every other command line, and any it does not understand, goes to Typer.
"""

from __future__ import annotations

import os
import sys

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


def main() -> None:
    """Entry point: ct errors become one line on stderr and a non-zero exit, never a traceback."""
    from .. import console
    from ..errors import CtError

    try:
        _run(sys.argv[1:])
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


def _run(args: list[str]) -> None:
    if args[:1] == ["search"] and any(arg.startswith("--index") for arg in args):
        from .indexed import parse_index_query, run_index_query

        query = parse_index_query(args[1:])
        if query is not None:
            sys.exit(run_index_query(query))
    from .app import app, load_commands

    load_commands(args)
    app()


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
