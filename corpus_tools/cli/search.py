"""``ct search`` and ``ct index build``: parse options, pick a matcher and a printer."""

from __future__ import annotations

import sys
from contextlib import closing
from pathlib import Path
from typing import Annotated

import typer

from .. import console
from ..errors import CtError
from .app import app
from .common import InputsArg, JobsOpt, OnErrorChoice, OnErrorOpt, QuietOpt

index_app = typer.Typer(
    help="Build a full-text index (SQLite FTS5) for fast ranked search of large corpora.",
    no_args_is_help=True,
    rich_markup_mode=None,
)
app.add_typer(index_app, name="index")


@app.command()
def search(
    pattern: Annotated[str, typer.Argument(help="What to look for (a literal unless -e).")],
    inputs: InputsArg = None,
    regex: Annotated[
        bool, typer.Option("--regex", "-e", help="PATTERN is a Python regular expression.")
    ] = False,
    ignore_case: Annotated[
        bool, typer.Option("--ignore-case", "-i", help="Ignore case (default: smart case).")
    ] = False,
    case_sensitive: Annotated[
        bool, typer.Option("--case-sensitive", "-s", help="Respect case (default: smart case).")
    ] = False,
    forms: Annotated[
        bool, typer.Option("--forms", help="Match inflected Russian/Kazakh forms of the words.")
    ] = False,
    name: Annotated[
        bool,
        typer.Option("--name", help="Match spelling, script and case variants of a name."),
    ] = False,
    alias: Annotated[
        list[str] | None, typer.Option("--alias", help="Another name for --name (repeatable).")
    ] = None,
    fuzzy: Annotated[
        int | None,
        typer.Option("--fuzzy", metavar="N", help="Tolerate N edits (Levenshtein) per word."),
    ] = None,
    context: Annotated[int, typer.Option("--context", "-C", min=0, help="Lines around.")] = 0,
    after: Annotated[int | None, typer.Option("--after-context", "-A", min=0)] = None,
    before: Annotated[int | None, typer.Option("--before-context", "-B", min=0)] = None,
    count: Annotated[
        bool, typer.Option("--count", "-c", help="Matching lines per document: ID:N.")
    ] = False,
    list_ids: Annotated[
        bool, typer.Option("--files-with-matches", "-l", help="Matching document ids only.")
    ] = False,
    json_out: Annotated[
        bool, typer.Option("--json", help="One JSON object per match (id, line, start, end).")
    ] = False,
    kwic: Annotated[
        bool, typer.Option("--kwic", help="Keyword-in-context concordance, aligned on matches.")
    ] = False,
    width: Annotated[int, typer.Option("--width", min=5, help="KWIC context width.")] = 40,
    no_line_number: Annotated[
        bool, typer.Option("--no-line-number", "-N", help="Do not print line numbers.")
    ] = False,
    heading: Annotated[
        bool | None,
        typer.Option(
            "--heading/--no-heading", help="Document id above its lines (default on a terminal)."
        ),
    ] = None,
    lang: Annotated[str | None, typer.Option(help="Only documents in this language.")] = None,
    site: Annotated[str | None, typer.Option(help="Only documents from this site.")] = None,
    since: Annotated[str | None, typer.Option(help="Only meta.date >= this ISO date.")] = None,
    until: Annotated[str | None, typer.Option(help="Only meta.date <= this ISO date.")] = None,
    index: Annotated[
        Path | None, typer.Option("--index", help="Search this index (ct index build) instead.")
    ] = None,
    limit: Annotated[int, typer.Option(min=1, help="With --index: best N documents.")] = 10,
    jobs: JobsOpt = None,
    on_error: OnErrorOpt = OnErrorChoice.skip,
    quiet: QuietOpt = False,
) -> None:
    """Search documents like ripgrep: exit 0 if found, 1 if not, 2 on error.

    Reads files, folders, JSONL or stdin; in JSONL it searches the text field. Piped output is
    ID:LINE:text; on a terminal matches are highlighted under a heading per document.
    """
    console.set_quiet(quiet)
    if sum((count, list_ids, json_out, kwic)) > 1:
        raise CtError("choose one of -c, -l, --json, --kwic")
    if ignore_case and case_sensitive:
        raise CtError("choose one of -i and -s")
    case = True if ignore_case else False if case_sensitive else None
    if index is not None:
        if inputs:
            raise CtError("--index searches the index; do not give PATHS as well")
        if regex or name or fuzzy is not None or kwic or count:
            raise CtError("--index supports words (and --forms), --json, -l and --limit only")
        from .indexed import IndexQuery, run_index_query

        options = {"limit": limit, "lang": lang, "site": site, "since": since, "until": until}
        options |= {"forms": forms, "json_out": json_out, "list_ids": list_ids, "quiet": quiet}
        raise typer.Exit(run_index_query(IndexQuery(str(index), pattern, **options)))

    from ..search import MetaFilter, Searcher, build_matcher
    from ..search.names import gazetteer_aliases

    matcher = build_matcher(
        pattern,
        regex=regex,
        ignore_case=case,
        forms=forms,
        name=name,
        fuzzy=fuzzy,
        aliases=(*(alias or ()), *(gazetteer_aliases(pattern) if name else ())),
    )
    if not inputs and sys.stdin.isatty():
        raise CtError("no input: give PATHS or pipe records in")
    searcher = Searcher(
        matcher,
        MetaFilter(lang, site, since, until),
        on_error.value,
        report=console.warn,
        first_match_only=list_ids,
    )
    from ..parallel import default_jobs
    from ..search.output import Printer

    terminal = console.stdout_is_terminal()
    modes = {"count": count, "ids": list_ids, "json": json_out, "kwic": kwic}
    mode = next((name for name, chosen in modes.items() if chosen), "lines")
    printer = Printer(
        mode,
        before=before if before is not None else context,
        after=after if after is not None else context,
        line_numbers=not no_line_number,
        heading=terminal if heading is None else heading,
        width=width,
        colour=terminal and mode in ("lines", "kwic"),
    )
    # Workers format what they find: plain text, or styled rows for a terminal.
    formatter = printer.rows if printer.colour else printer.text
    try:
        # Closed on any way out (| head, an error, Ctrl-C), so that worker processes stop at once.
        formatted = searcher.search_formatted(inputs or ["-"], formatter, jobs or default_jobs())
        with closing(formatted):
            found = printer.write(formatted, sys.stdout)
            sys.stdout.flush()
    except BrokenPipeError:
        # `ct search ... | head`: the reader has what it wanted; stop quietly with success.
        from . import _silence_stdout

        _silence_stdout()
        raise typer.Exit(0) from None
    if searcher.skipped:
        console.error(f"{searcher.skipped} input(s) skipped, see warnings above")
        raise typer.Exit(2)
    raise typer.Exit(0 if found else 1)


@index_app.command("build")
def index_build(
    inputs: InputsArg = None,
    output_path: Annotated[
        Path, typer.Option("--output", "-o", help="The index file to write (replaced atomically).")
    ] = ...,  # type: ignore[assignment]
    on_error: OnErrorOpt = OnErrorChoice.skip,
    quiet: QuietOpt = False,
) -> None:
    """Index a corpus once into an SQLite FTS5 file; then query it with ct search --index."""
    from ..index import build_index
    from .common import finish, open_reader

    for spec in inputs or []:
        if Path(spec).exists() and Path(spec).resolve() == output_path.resolve():
            raise CtError(f"{output_path}: refusing to overwrite an input; choose another -o")
    reader = open_reader(inputs, on_error, quiet)
    count = build_index(console.progress(reader, "indexing"), output_path)
    console.info(f"indexed {count} documents into {output_path}")
    finish(reader)
