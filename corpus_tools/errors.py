"""Errors that ct reports to the user as one line on stderr, never as a traceback."""


class CtError(Exception):
    """A failure the user can act on. ``exit_code`` follows the CLI convention (2 = usage/input)."""

    exit_code = 2


class InputError(CtError):
    """An input path, file or record that cannot be read."""


class RecordError(InputError):
    """One malformed record inside an otherwise readable input (skippable with --on-error skip)."""
