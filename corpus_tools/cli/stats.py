"""``ct stats`` and ``ct check``: wire readers to the statistics and the quality gate."""

from __future__ import annotations

import json
import sys
from enum import StrEnum
from pathlib import Path
from typing import Annotated, Any

import typer

from .. import console
from ..check import FORMATS, load_config, run_checks
from ..stats import CorpusStats
from . import app
from .common import InputsArg, OnErrorChoice, OnErrorOpt, QuietOpt, finish, open_reader


class ByChoice(StrEnum):
    site = "site"
    lang = "lang"
    month = "month"


class FormatChoice(StrEnum):
    text = "text"
    json = "json"
    github = "github"
    junit = "junit"


@app.command()
def stats(
    inputs: InputsArg = None,
    by: Annotated[ByChoice | None, typer.Option("--by", help="Break figures down.")] = None,
    as_json: Annotated[bool, typer.Option("--json", help="JSON even on a terminal.")] = False,
    top: Annotated[int, typer.Option(min=1, help="How many top words/names.")] = 20,
    on_error: OnErrorOpt = OnErrorChoice.skip,
    quiet: QuietOpt = False,
) -> None:
    """Documents, tokens, lengths, languages, duplicates, noise indicators, dates, top words.

    A table on a terminal, one JSON object when piped (or with --json).
    """
    reader = open_reader(inputs, on_error, quiet)
    corpus = CorpusStats(by=by.value if by else None)
    for record in console.progress(reader, "measuring"):
        corpus.add(record)
    figures = corpus.to_dict(top=top)
    if as_json or not console.stdout_is_terminal():
        sys.stdout.write(json.dumps(figures, ensure_ascii=False) + "\n")
    else:
        _print_tables(figures)
    finish(reader)


def _print_tables(figures: dict[str, Any]) -> None:
    from rich.console import Console
    from rich.table import Table

    out = Console()
    summary = Table("figure", "value", title="corpus", box=None)
    for key in (
        "documents",
        "tokens",
        "characters",
        "lines",
        "exact_duplicate_share",
        "near_duplicate_share",
        "noise_line_share",
        "short_line_share",
        "unterminated_line_share",
        "timestamp_line_share",
        "repeated_line_share",
    ):
        value = figures[key]
        summary.add_row(key, f"{value:.2%}" if isinstance(value, float) else f"{value:,}")
    summary.add_row("date range", " – ".join(d or "?" for d in figures["date_range"]))
    out.print(summary)
    peak = max(figures["length_histogram"].values(), default=1)
    histogram = Table("tokens", "documents", "", title="length", box=None)
    for bucket, count in figures["length_histogram"].items():
        histogram.add_row(bucket, str(count), "█" * max(1, round(30 * count / peak)))
    out.print(histogram)
    for title, key in (("languages", "languages"), ("documents per month", "documents_per_month")):
        if figures[key]:
            table = Table(title, "documents", box=None)
            for name, count in figures[key].items():
                table.add_row(name, str(count))
            out.print(table)
    for title, key in (
        ("top words", "top_words"),
        ("top names", "top_names"),
        ("top bigrams", "top_bigrams"),
    ):
        if figures[key]:
            out.print(f"[bold]{title}[/]: " + ", ".join(f"{w} ({n})" for w, n in figures[key]))
    if figures.get("groups"):
        table = Table(figures["by"], "docs", "tokens", "noise", "dup", title="groups", box=None)
        for name, group in figures["groups"].items():
            table.add_row(
                name,
                str(group["documents"]),
                f"{group['tokens']:,}",
                f"{group['noise_line_share']:.1%}",
                f"{group['exact_duplicate_share']:.1%}",
            )
        out.print(table)


@app.command()
def check(
    inputs: InputsArg = None,
    output_format: Annotated[
        FormatChoice, typer.Option("--format", help="Report format.")
    ] = FormatChoice.text,
    config_dir: Annotated[
        Path, typer.Option("--config-dir", help="Folder with pyproject.toml or ct.toml.")
    ] = Path("."),
    max_noise_line_share: Annotated[float | None, typer.Option()] = None,
    max_exact_duplicate_share: Annotated[float | None, typer.Option()] = None,
    min_chars: Annotated[int | None, typer.Option()] = None,
    max_short_document_share: Annotated[float | None, typer.Option()] = None,
    max_mojibake_share: Annotated[float | None, typer.Option()] = None,
    allowed_language: Annotated[
        list[str] | None, typer.Option("--allowed-language", help="Repeatable.")
    ] = None,
    required_meta: Annotated[
        list[str] | None, typer.Option("--required-meta", help="Repeatable.")
    ] = None,
    on_error: OnErrorOpt = OnErrorChoice.skip,
    quiet: QuietOpt = False,
) -> None:
    """Gate corpus quality in CI: exit 0 pass, 1 fail, 2 error.

    Thresholds from [tool.ct.check] in pyproject.toml or [check] in ct.toml, then flags.
    """
    config = load_config(
        config_dir,
        {
            "max_noise_line_share": max_noise_line_share,
            "max_exact_duplicate_share": max_exact_duplicate_share,
            "min_chars": min_chars,
            "max_short_document_share": max_short_document_share,
            "max_mojibake_share": max_mojibake_share,
            "allowed_languages": allowed_language or None,
            "required_meta": required_meta or None,
        },
    )
    reader = open_reader(inputs, on_error, quiet)
    report = run_checks(console.progress(reader, "checking"), config)
    sys.stdout.write(FORMATS[output_format.value](report))
    finish(reader, failed=not report.passed)
