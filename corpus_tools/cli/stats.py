"""``ct stats``: one streaming pass over records, printed as tables, JSON or an HTML page."""

from __future__ import annotations

import json
from enum import StrEnum
from pathlib import Path
from typing import Annotated, Any

import typer

from .. import console
from ..io import atomic_write_text
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


class ByChoice(StrEnum):
    site = "site"
    lang = "lang"
    month = "month"


@app.command()
def stats(
    inputs: InputsArg = None,
    as_json: Annotated[
        bool, typer.Option("--json", help="Print one JSON object (the default when piped).")
    ] = False,
    by: Annotated[
        ByChoice | None, typer.Option("--by", help="Break the figures down by site, lang or month.")
    ] = None,
    top: Annotated[
        int, typer.Option(min=0, help="How many top names, words, bigrams (0: skip, faster).")
    ] = 20,
    html: Annotated[
        Path | None, typer.Option("--html", help="Also write a self-contained HTML report here.")
    ] = None,
    jobs: JobsOpt = None,
    on_error: OnErrorOpt = OnErrorChoice.skip,
    quiet: QuietOpt = False,
) -> None:
    """Measure a corpus: sizes, lengths, languages, duplicates, noise, dates, top names and words.

    Prints tables on a terminal and one JSON object when piped (or with --json).
    """
    from ..parallel import WorkerState, default_jobs, map_ordered
    from ..stats import StatsCollector, batches

    kinds = [by.value] if by else []
    if html is not None and "site" not in kinds:
        kinds.append("site")
    reader = open_reader(inputs, on_error, quiet)
    collector = StatsCollector(by=kinds, top=top)
    counts = WorkerState(take=collector.measure.take_counts, receive=collector.add_counts)
    records = batches(console.progress(reader, "measuring"))
    for batch in map_ordered(collector.measure, records, jobs or default_jobs(), 1, counts):
        collector.merge(batch)
    page_stats = collector.result()
    result = dict(page_stats)
    if by is None:
        result.pop("by", None)
        result.pop("groups", None)
    if html is not None:
        from ..report_html import render_html

        atomic_write_text(html, render_html(page_stats, title=f"ct stats: {_title(inputs)}"))
    if as_json or not console.stdout_is_terminal():
        print(json.dumps(result, ensure_ascii=False))
    else:
        _print_tables(result)
    finish(reader)


def _title(inputs: list[str] | None) -> str:
    return " ".join(inputs) if inputs else "stdin"


def _print_tables(result: dict[str, Any]) -> None:
    """Rich tables with bars; rich is imported only here, so piped runs start faster."""
    from rich.console import Console
    from rich.table import Table

    from ..stats import length_bin_label

    out = Console()
    figures = Table("figure", "value", box=None, title="corpus", title_justify="left")
    for name in ("documents", "tokens", "characters", "lines"):
        figures.add_row(name, f"{result[name]:,}")
    length = result["length"]
    figures.add_row("length", f"{length['min']}–{length['max']} tokens, mean {length['mean']}")
    dups = result["duplicates"]
    figures.add_row("exact duplicates", f"{dups['exact']:,} ({dups['exact_share']:.1%})")
    figures.add_row("near duplicates", f"{dups['near']:,} ({dups['near_share']:.1%}, estimate)")
    dates = result["dates"]
    if dates["first_month"]:
        figures.add_row("months", f"{dates['first_month']} … {dates['last_month']}")
    figures.add_row("undated", f"{dates['undated']:,}")
    out.print(figures)

    out.print(
        _bars(
            "length (tokens)", [(length_bin_label(b), b["documents"]) for b in length["histogram"]]
        )
    )
    out.print(_bars("languages", list(result["languages"].items())))
    if dates["per_month"]:
        out.print(_bars("documents per month", list(dates["per_month"].items())))
    noise = [(name.replace("_", " "), value) for name, value in result["noise"].items()]
    out.print(_bars("noise", noise, share=True))
    for key, heading in (("top_names", "top names"), ("top_words", "top words")):
        out.print(_bars(heading, result[key]))
    out.print(_bars("top bigrams", result["top_bigrams"]))
    for kind, groups in result.get("groups", {}).items():
        table = Table(kind, "docs", "tokens", "langs", "dup", "noise (unpunct/short/rep/time)")
        table.title, table.title_justify = f"by {kind}", "left"
        for key, group in groups.items():
            n = group["noise"]
            d = group["duplicates"]
            langs = ", ".join(f"{lang} {count}" for lang, count in group["languages"].items())
            table.add_row(
                key,
                f"{group['documents']:,}",
                f"{group['tokens']:,}",
                langs,
                f"{d['exact_share'] + d['near_share']:.1%}",
                f"{n['unpunctuated_line_share']:.0%} / {n['short_line_share']:.0%} / "
                f"{n['repeated_line_share']:.0%} / {n['timestamp_line_share']:.0%}",
            )
        out.print(table)


def _bars(title: str, items: list, share: bool = False):
    from rich.table import Table

    table = Table(box=None, title=title, title_justify="left", show_header=False)
    peak = max((value for _, value in items), default=0) or 1
    for label, value in items:
        width = round(30 * (value if share else value / peak))
        shown = f"{value:.1%}" if share else f"{value:,}"
        table.add_row(str(label), "█" * width or "·", shown)
    return table
