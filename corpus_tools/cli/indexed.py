"""``ct search --index``: query an index and print the ranked hits, without Typer.

An indexed query takes a few milliseconds; loading Typer and click takes 40 ms or more. So the
entry point hands a command line made only of the options an index query takes to
:func:`parse_index_query`, and only a command line it does not recognise (help, a typo, a bad
value, options that do not go with ``--index``) goes on to Typer, which then answers or
reports it exactly as for any other command. The Typer command calls :func:`run_index_query`
too, so both paths print the same.
"""

from __future__ import annotations

import sys

# Options an index query takes, by spelling: the attribute each sets.
_FLAGS = {
    "--forms": "forms",
    "--json": "json_out",
    "-l": "list_ids",
    "--files-with-matches": "list_ids",
    "-q": "quiet",
    "--quiet": "quiet",
}
_VALUES = {
    "--index": "index",
    "--limit": "limit",
    "--lang": "lang",
    "--site": "site",
    "--since": "since",
    "--until": "until",
}


class IndexQuery:
    """One ``ct search --index`` command line, parsed. (A plain class: importing
    ``dataclasses`` takes ~8 ms here, a fifth of a whole indexed query.)"""

    def __init__(self, index: str, pattern: str, **options: object) -> None:
        self.index = index
        self.pattern = pattern
        self.limit: int = 10
        self.lang: str | None = None
        self.site: str | None = None
        self.since: str | None = None
        self.until: str | None = None
        self.forms = self.json_out = self.list_ids = self.quiet = False
        for name, value in options.items():
            if not hasattr(self, name):
                raise TypeError(f"unknown option {name!r}")
            setattr(self, name, value)


def parse_index_query(args: list[str]) -> IndexQuery | None:
    """The index query that ``args`` (after ``search``) asks for, or None when it is anything
    else or anything this small parser does not check the way Typer would."""
    options: dict[str, object] = {}
    patterns = []
    words = iter(args)
    for word in words:
        name, equals, value = word.partition("=")
        if name in _VALUES and name.startswith("--"):
            if not equals:
                value = next(words, None)
                if value is None:
                    return None
            options[_VALUES[name]] = value
        elif word in _FLAGS:
            options[_FLAGS[word]] = True
        elif word.startswith("-"):
            return None
        else:
            patterns.append(word)
    index = options.pop("index", None)
    if index is None or len(patterns) != 1 or (options.get("json_out") and options.get("list_ids")):
        return None
    if "limit" in options:
        limit = str(options["limit"])
        if not limit.isascii() or not limit.isdigit() or int(limit) < 1:
            return None
        options["limit"] = int(limit)
    return IndexQuery(str(index), patterns[0], **options)


def run_index_query(query: IndexQuery) -> int:
    """Print the best hits (ID:SCORE:snippet piped, ranked and highlighted on a terminal, ids
    with -l, JSON objects with --json); the exit code: 0 if found, 1 if not."""
    from .. import console
    from ..index import search_index

    console.set_quiet(query.quiet)
    hits = search_index(
        query.index,
        query.pattern,
        limit=query.limit,
        lang=query.lang,
        site=query.site,
        since=query.since,
        until=query.until,
        forms=query.forms,
    )
    terminal = console.stdout_is_terminal()
    found = False
    for rank, hit in enumerate(hits, start=1):
        found = True
        plain = hit.snippet.replace("\x01", "").replace("\x02", "").replace("\n", " ")
        if query.list_ids:
            print(hit.doc_id)
        elif query.json_out:
            import json

            record = {"id": hit.doc_id, "rank": rank, "score": hit.score}
            record |= {"snippet": plain, "meta": hit.meta}
            print(json.dumps(record, ensure_ascii=False))
        elif terminal:
            _print_hit(rank, hit)
        else:
            print(f"{hit.doc_id}:{hit.score:.2f}:{plain}")
    sys.stdout.flush()
    return 0 if found else 1


def _print_hit(rank: int, hit) -> None:
    from rich.console import Console
    from rich.text import Text

    text = Text()
    text.append(f"{rank:>3}. ", style="dim")
    text.append(hit.doc_id, style="bold magenta")
    text.append(f"  {hit.score:.2f}\n     ", style="green")
    for i, part in enumerate(hit.snippet.replace("\n", " ").replace("\x02", "\x01").split("\x01")):
        text.append(part, style="bold red" if i % 2 else None)
    Console(highlight=False, soft_wrap=True).print(text)
