"""``ct run``: run a pipeline file's stages over sharded folders, locally or on Dask."""

from __future__ import annotations

from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer

from .. import console
from .app import app
from .common import JobsOpt, OnErrorChoice, OnErrorOpt, QuietOpt


class EngineChoice(StrEnum):
    local = "local"
    dask = "dask"


@app.command()
def run(
    pipeline_file: Annotated[
        Path, typer.Argument(metavar="PIPELINE.toml", help="The pipeline file (see docs/run.md).")
    ],
    engine: Annotated[
        EngineChoice,
        typer.Option(help="local: processes on this machine; dask: a Dask cluster."),
    ] = EngineChoice.local,
    scheduler: Annotated[
        str | None,
        typer.Option(
            help="Dask scheduler address (tcp://host:8786); default: start a LocalCluster.",
            show_default=False,
        ),
    ] = None,
    out_dir: Annotated[
        Path | None,
        typer.Option("--out", "-o", help="Where the last stage writes (overrides [output] dir)."),
    ] = None,
    jobs: JobsOpt = None,
    on_error: OnErrorOpt = OnErrorChoice.skip,
    quiet: QuietOpt = False,
) -> None:
    """Run the stages of PIPELINE.toml (clean, dedup, normalize ...) over sharded JSONL folders.

    Each stage writes one part per partition; finished parts are marked, so an interrupted run
    goes on where it stopped when started again. Messages go to stderr.
    """
    from ..parallel import default_jobs
    from ..pipeline import load_pipeline, run_pipeline
    from ..pipeline.engines import make_engine

    console.set_quiet(quiet)
    pipeline = load_pipeline(pipeline_file, out_dir)
    runner = make_engine(engine.value, jobs or default_jobs(), scheduler)
    try:
        result = run_pipeline(pipeline, runner, console.info, on_error.value, console.warn)
    finally:
        runner.close()
    console.info(f"run: done, output in {pipeline.output}")
    if result.skipped_inputs:
        console.error(f"{result.skipped_inputs} input(s) skipped, see warnings above")
        raise typer.Exit(2)
