"""``ct clean``: wire readers, the Cleaner and the chosen writer."""

from __future__ import annotations

import itertools
import sys
from collections.abc import Iterable, Iterator
from contextlib import ExitStack
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, BinaryIO

import typer

from .. import console
from ..io import STDIN, STDIN_ID, Reader, TextDirWriter, dumps, looks_like_json_object
from ..parallel import default_jobs, map_ordered
from ..records import Record
from .app import app

if TYPE_CHECKING:  # the library is imported when the command runs, not at start-up
    from ..clean import Cleaner, SiteLineIndex
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


class SiteKeyChoice(StrEnum):
    auto = "auto"
    meta = "meta"
    url = "url"
    folder = "folder"
    none = "none"


@app.command()
def clean(
    inputs: InputsArg = None,
    text: Annotated[bool, typer.Option("--text", help="Print the cleaned text only.")] = False,
    jsonl: Annotated[
        bool,
        typer.Option("--jsonl", help="JSON Lines even for one plain-text document on stdin."),
    ] = False,
    out_dir: Annotated[
        Path | None,
        typer.Option("--output-dir", "-o", help="Write one cleaned .txt per input into DIR."),
    ] = None,
    explain: Annotated[
        bool, typer.Option("--explain", help="Show each document with removed lines marked.")
    ] = False,
    skip: Annotated[
        list[str] | None, typer.Option("--skip", help="Switch a rule off (repeatable).")
    ] = None,
    list_rules: Annotated[bool, typer.Option("--rules", help="List the rules and exit.")] = False,
    site_key: Annotated[
        SiteKeyChoice,
        typer.Option(help="Where a document's site comes from, for site_repeated_line."),
    ] = SiteKeyChoice.auto,
    min_site_docs: Annotated[
        int,
        typer.Option(min=2, help="A line in this many documents of one site is boilerplate."),
    ] = 3,
    jobs: JobsOpt = None,
    on_error: OnErrorOpt = OnErrorChoice.skip,
    quiet: QuietOpt = False,
) -> None:
    """Strip scraping noise (timestamps, calendars, sidebars, tickers, bylines ...) from pages.

    Writes JSON Lines records {id, text, meta} to stdout; meta.removed says which rule removed
    which lines.
    """
    from ..clean import Cleaner, SiteLineIndex

    if list_rules:
        _print_rules()
        return
    if sum((text, jsonl, explain, out_dir is not None)) > 1:
        raise typer.BadParameter("choose one of --text, --jsonl, --explain, -o")
    skip = skip or []
    inputs = inputs or [STDIN]
    jobs = jobs or default_jobs()
    with ExitStack() as stack:
        stdin = spool_stdin(stack) if STDIN in inputs else None
        site_index = None
        single_page = inputs == [STDIN] and stdin is not None and not _holds_records(stdin)
        if SiteLineIndex.RULE not in skip and site_key != SiteKeyChoice.none and not single_page:
            site_index = SiteLineIndex(min_docs=min_site_docs, site_key=site_key.value)
            first = pass_reader(inputs, on_error, quiet, stdin, report=False)
            site_index.add_all(console.progress(first, "counting lines per site"), jobs)
        cleaner = Cleaner(skip=skip, site_index=site_index)
        reader = pass_reader(inputs, on_error, quiet, stdin, report=True)
        if explain:
            _write_explained(reader, cleaner, site_index)
            finish(reader)
            return
        cleaned = map_ordered(cleaner.clean, console.progress(reader, "cleaning"), jobs)
        records = peekable(cleaned)
        # A plain-text page on stdin is filtered like sed would: text in, text out.
        head = records.peek()
        text = text or (not jsonl and head is not None and head["id"] == STDIN_ID)
        if out_dir is not None:
            writer = TextDirWriter(out_dir)
            for record in records:
                writer.write(record)
        elif text:
            _write_texts(records)
        else:
            out = sys.stdout
            for record in records:
                out.write(dumps(record) + "\n")
        finish(reader)


class peekable(Iterator[Record]):
    """An iterator that can show its next record without consuming it."""

    def __init__(self, iterable: Iterable[Record]) -> None:
        self._iterator = iter(iterable)
        self._head: list[Record] = []

    def peek(self) -> Record | None:
        if not self._head:
            self._head.extend(itertools.islice(self._iterator, 1))
        return self._head[0] if self._head else None

    def __next__(self) -> Record:
        return self._head.pop() if self._head else next(self._iterator)


def _holds_records(spool: BinaryIO) -> bool:
    """Whether spooled stdin is a record stream (JSONL or gzip), not one plain-text page."""
    spool.seek(0)
    head = spool.read(2)
    if head == b"\x1f\x8b":
        return True
    spool.seek(0)
    for line in spool:
        if line.strip():
            return looks_like_json_object(line)
    return False


def _write_texts(records: Iterator[Record]) -> None:
    """Cleaned texts only; documents after the first are separated by a blank line."""
    out = sys.stdout
    for number, record in enumerate(records):
        if number:
            out.write("\n")
        out.write(record["text"])


def _write_explained(reader: Reader, cleaner: Cleaner, site_index: SiteLineIndex | None) -> None:
    from ..clean.explain import explain_page

    colour = console.stdout_is_terminal()
    for record in reader:
        site = site_index.site_of(record) if site_index is not None else None
        page = cleaner.page(record.get("text") or "", site)
        explain_page(page, str(record.get("id")), colour=colour)


def _print_rules() -> None:
    from ..clean import RULES, SiteLineIndex

    names = [*RULES, SiteLineIndex.RULE]
    summaries = {name: RULES[name].summary for name in RULES}
    summaries[SiteLineIndex.RULE] = "Lines shared by several documents of the same site (2 passes)."
    if console.stdout_is_terminal():
        from rich.console import Console
        from rich.table import Table

        table = Table("rule", "what it removes", box=None)
        for name in names:
            table.add_row(name, summaries[name])
        Console().print(table)
    else:
        for name in names:
            print(f"{name}\t{summaries[name]}")
