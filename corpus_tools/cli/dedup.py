"""``ct dedup``: wire the two passes (sketch + cluster, then re-read and emit) to the CLI."""

from __future__ import annotations

import json
import sys
import time
from contextlib import ExitStack
from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer

from .. import console
from ..io import STDIN, atomic_write_text, dumps
from .app import app
from .common import (
    InputsArg,
    JobsOpt,
    OnErrorChoice,
    OnErrorOpt,
    QuietOpt,
    finish,
    pass_reader,
    spool_stdin,
)


class KeepChoice(StrEnum):
    first = "first"
    longest = "longest"
    earliest = "earliest"


@app.command()
def dedup(
    inputs: InputsArg = None,
    threshold: Annotated[
        float,
        typer.Option(
            min=0.05, max=1.0, help="Jaccard similarity of shingle sets to call a near copy."
        ),
    ] = 0.7,
    containment: Annotated[
        float,
        typer.Option(
            min=0.05,
            max=1.0,
            help="Containment (share of the shorter text found in the longer) to call a copy.",
        ),
    ] = 0.8,
    shingle_size: Annotated[int, typer.Option(min=1, help="Words per shingle.")] = 5,
    num_perm: Annotated[int, typer.Option(min=8, max=1024, help="MinHash permutations.")] = 128,
    keep: Annotated[
        KeepChoice,
        typer.Option(help="Which copy of a cluster to keep (earliest: by meta.date)."),
    ] = KeepChoice.first,
    clusters: Annotated[
        Path | None,
        typer.Option("--clusters", help="Write one JSONL row per cluster to FILE."),
    ] = None,
    paragraphs: Annotated[
        bool,
        typer.Option("--paragraphs", help="Also drop paragraphs seen in an earlier kept document."),
    ] = False,
    jobs: JobsOpt = None,
    on_error: OnErrorOpt = OnErrorChoice.skip,
    quiet: QuietOpt = False,
) -> None:
    """Drop exact and near-duplicate documents; keep one copy per cluster, in input order.

    Kept records get meta.duplicates {count, ids}. A summary goes to stderr.
    """
    from ..dedup import Deduplicator, MatchPolicy, MinHashParams, ParagraphFilter
    from ..parallel import default_jobs

    started = time.perf_counter()
    inputs = inputs or [STDIN]
    dedup = Deduplicator(
        params=MinHashParams(shingle_size=shingle_size, num_perm=num_perm),
        policy=MatchPolicy(threshold=threshold, containment=containment),
        keep=keep.value,
        jobs=jobs or default_jobs(),
    )
    with ExitStack() as stack:
        stdin = spool_stdin(stack) if STDIN in inputs else None
        first = pass_reader(inputs, on_error, quiet, stdin, report=False)
        dedup.add_all(console.progress(first, "sketching"))
        plan = dedup.plan()
        if clusters is not None:
            rows = (json.dumps(row, ensure_ascii=False) + "\n" for row in plan.cluster_rows())
            atomic_write_text(clusters, "".join(rows))
        reader = pass_reader(inputs, on_error, quiet, stdin, report=True)
        paragraph_filter = ParagraphFilter() if paragraphs else None
        out = sys.stdout
        kept = 0
        for record in plan.apply(console.progress(reader, "writing", len(plan)), paragraph_filter):
            out.write(dumps(record) + "\n")
            kept += 1
        out.flush()
        summary = (
            f"dedup: {len(plan)} documents in, {plan.exact_count} exact and {plan.near_count} near"
            f" duplicates dropped, {kept} kept"
        )
        if paragraph_filter is not None:
            summary += (
                f", {paragraph_filter.removed} repeated paragraphs dropped"
                f" ({paragraph_filter.emptied} documents emptied)"
            )
        console.info(f"{summary}, {time.perf_counter() - started:.1f}s")
        finish(reader)
