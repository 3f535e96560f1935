"""How matches are printed: grep-style lines, per-document headings, counts, ids, JSON, KWIC."""

from __future__ import annotations

import bisect
import json
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import TextIO

from .scan import DocumentMatches


@dataclass
class Line:
    number: int  # 1-based
    start: int  # offset of the line in the document
    text: str
    spans: list[tuple[int, int]]  # match spans within the line


def matching_lines(doc: DocumentMatches) -> dict[int, Line]:
    """Lines holding a match, by 0-based index; a match across lines marks its first line."""
    starts = line_starts(doc.text)
    lines: dict[int, Line] = {}
    for start, end in doc.spans:
        index = bisect.bisect_right(starts, start) - 1
        line = lines.get(index) or _line(doc.text, starts, index)
        lines[index] = line
        line.spans.append((start - line.start, min(end - line.start, len(line.text))))
    return lines


def line_starts(text: str) -> list[int]:
    return [0, *(m.end() for m in re.finditer("\n", text))]


def _line(text: str, starts: list[int], index: int) -> Line:
    start = starts[index]
    end = starts[index + 1] - 1 if index + 1 < len(starts) else len(text)
    return Line(index + 1, start, text[start:end].rstrip("\r"), [])


def context_groups(
    doc: DocumentMatches, before: int, after: int
) -> Iterator[list[tuple[Line, bool]]]:
    """Runs of adjacent lines to print: ``(line, is_match)``, grep's ``--`` between runs."""
    lines = matching_lines(doc)
    starts = line_starts(doc.text)
    wanted: set[int] = set()
    for index in lines:
        wanted.update(range(max(0, index - before), min(len(starts), index + after + 1)))
    group: list[tuple[Line, bool]] = []
    previous = None
    for index in sorted(wanted):
        if previous is not None and index != previous + 1:
            yield group
            group = []
        line = lines.get(index) or _line(doc.text, starts, index)
        group.append((line, index in lines))
        previous = index
    if group:
        yield group


def write_lines(
    docs: Iterable[DocumentMatches],
    out: TextIO,
    *,
    before: int = 0,
    after: int = 0,
    line_numbers: bool = True,
    heading: bool = False,
    colour: bool = False,
) -> bool:
    """ripgrep-style output; with ``heading`` the id is printed once above its lines."""
    console = _rich_console(out) if colour else None
    found = False
    separator_due = False
    for doc in docs:
        if heading and found:
            out.write("\n")
        if heading:
            _write(out, console, [(doc.doc_id, "bold magenta")])
        found = True
        for group in context_groups(doc, before, after):
            if separator_due and (before or after):
                _write(out, console, [("--", "dim")])
            separator_due = True
            for line, is_match in group:
                mark = ":" if is_match else "-"
                prefix = "" if heading else doc.doc_id + mark
                if line_numbers:
                    prefix += f"{line.number}{mark}"
                parts = [(prefix, "green")]
                parts += _highlighted(line) if is_match else [(line.text, "")]
                _write(out, console, parts)
        if heading:
            separator_due = False
    return found


def _highlighted(line: Line) -> list[tuple[str, str]]:
    parts, position = [], 0
    for start, end in sorted(line.spans):
        if start < position:
            continue
        parts += [(line.text[position:start], ""), (line.text[start:end], "bold red")]
        position = end
    parts.append((line.text[position:], ""))
    return parts


def _rich_console(out: TextIO):
    from rich.console import Console

    return Console(file=out, highlight=False, soft_wrap=True, markup=False, emoji=False)


def _write(out: TextIO, console, parts: list[tuple[str, str]]) -> None:
    if console is None:
        out.write("".join(text for text, _ in parts) + "\n")
        return
    from rich.text import Text

    text = Text()
    for chunk, style in parts:
        text.append(chunk, style=style or None)
    console.print(text)


def write_counts(docs: Iterable[DocumentMatches], out: TextIO) -> bool:
    """``ID:N``, N = matching lines in the document (as ``grep -c``/``rg -c``)."""
    found = False
    for doc in docs:
        out.write(f"{doc.doc_id}:{len(matching_lines(doc))}\n")
        found = True
    return found


def write_ids(docs: Iterable[DocumentMatches], out: TextIO) -> bool:
    found = False
    for doc in docs:
        out.write(doc.doc_id + "\n")
        found = True
    return found


def write_json(docs: Iterable[DocumentMatches], out: TextIO) -> bool:
    """One JSON object per match: id, line (1-based), start/end (characters within the line),
    the line's text, and the matched string."""
    found = False
    for doc in docs:
        lines = matching_lines(doc)
        for index in sorted(lines):
            line = lines[index]
            for start, end in sorted(line.spans):
                record = {
                    "id": doc.doc_id,
                    "line": line.number,
                    "start": start,
                    "end": end,
                    "text": line.text,
                    "match": line.text[start:end],
                }
                out.write(json.dumps(record, ensure_ascii=False) + "\n")
                found = True
    return found


def write_kwic(
    docs: Iterable[DocumentMatches], out: TextIO, *, width: int = 40, colour: bool = False
) -> bool:
    """A concordance: left context right-aligned to ``width``, the match, right context, then
    ``id:line`` so each row can be traced back."""
    console = _rich_console(out) if colour else None
    found = False
    for doc in docs:
        starts = line_starts(doc.text)
        for start, end in doc.spans:
            left = _flat(doc.text[max(0, start - width) : start])[-width:]
            right = _flat(doc.text[end : end + width])[:width]
            line = bisect.bisect_right(starts, start)
            _write(
                out,
                console,
                [
                    (left.rjust(width) + " ", ""),
                    (_flat(doc.text[start:end]), "bold red"),
                    (" " + right.ljust(width), ""),
                    (f"  {doc.doc_id}:{line}", "green"),
                ],
            )
            found = True
    return found


def _flat(text: str) -> str:
    return re.sub(r"\s", " ", text)
