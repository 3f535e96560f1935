"""``ct normalize``: wire the reader, the Normalizer and the JSONL writer."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Annotated

import typer

from .. import console
from ..io import dumps
from ..parallel import default_jobs, map_ordered
from .app import app
from .common import (
    InputsArg,
    JobsOpt,
    OnErrorChoice,
    OnErrorOpt,
    QuietOpt,
    finish,
    open_reader,
)


@app.command()
def normalize(
    inputs: InputsArg = None,
    inline: Annotated[
        bool,
        typer.Option("--inline", help="Rewrite dates (ISO) and names (canonical) in the text."),
    ] = False,
    names_files: Annotated[
        list[Path] | None,
        typer.Option("--names", help="Extra gazetteer JSON file (repeatable).", metavar="FILE"),
    ] = None,
    no_dates: Annotated[bool, typer.Option("--no-dates", help="Skip dates.")] = False,
    no_names: Annotated[bool, typer.Option("--no-names", help="Skip names.")] = False,
    no_morphology: Annotated[
        bool, typer.Option("--no-morphology", help="Do not load pymorphy3 (faster start).")
    ] = False,
    jobs: JobsOpt = None,
    on_error: OnErrorOpt = OnErrorChoice.skip,
    quiet: QuietOpt = False,
) -> None:
    """Normalise dates to ISO 8601 and names to canonical forms (ru/kk/en).

    Writes JSON Lines records with meta.dates, meta.date and meta.names added.
    """
    from ..normalize import Normalizer

    normalizer = Normalizer(
        dates=not no_dates,
        names=not no_names,
        inline=inline,
        names_files=names_files or [],
        morphology=not no_morphology,
    )
    reader = open_reader(inputs, on_error, quiet)
    out = sys.stdout
    records = console.progress(reader, "normalising")
    for record in map_ordered(normalizer.normalize, records, jobs or default_jobs()):
        out.write(dumps(record) + "\n")
    finish(reader)
