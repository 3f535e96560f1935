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


# One output line as (text, rich style) parts; the style shows only on a terminal.
Row = list[tuple[str, str]]


@dataclass
class Printer:
    """Formats matches for one output mode (``lines``, ``count``, ``ids``, ``json``, ``kwic``).

    Each document is formatted on its own (in the worker process that found it, with ``--jobs``:
    formatting is spread over the workers and text, not records, comes back), then ``write``
    prints them in order with what the mode puts between documents."""

    mode: str = "lines"
    before: int = 0
    after: int = 0
    line_numbers: bool = True
    heading: bool = False
    width: int = 40
    colour: bool = False

    def rows(self, doc: DocumentMatches) -> list[Row]:
        if self.mode == "count":  # matching lines per document, as grep -c / rg -c
            return [[(f"{doc.doc_id}:{len(matching_lines(doc))}", "")]]
        if self.mode == "ids":
            return [[(doc.doc_id, "")]]
        if self.mode == "json":
            return json_rows(doc)
        if self.mode == "kwic":
            return kwic_rows(doc, self.width)
        return line_rows(doc, self.before, self.after, self.line_numbers, self.heading)

    def text(self, doc: DocumentMatches) -> str:
        """The document's rows as plain text."""
        return "".join("".join(text for text, _ in row) + "\n" for row in self.rows(doc))

    def between(self) -> Row | None:
        """The row between two documents: a blank line under headings, grep's ``--`` between
        groups of context lines."""
        if self.mode != "lines":
            return None
        if self.heading:
            return [("", "")]
        return [("--", "dim")] if self.before or self.after else None

    def write(self, formatted: Iterable[str | list[Row]], out: TextIO) -> bool:
        """Print documents formatted by ``text`` (or by ``rows`` for colour); True if any."""
        console = _rich_console(out) if self.colour else None
        between = self.between()
        found = False
        for document in formatted:
            if found and between is not None:
                _write(out, console, between)
            if isinstance(document, str):
                out.write(document)
            else:
                for row in document:
                    _write(out, console, row)
            found = True
        return found


def line_rows(
    doc: DocumentMatches, before: int, after: int, line_numbers: bool, heading: bool
) -> list[Row]:
    """ripgrep-style lines: ``ID:LINE:text``, or the id once above its lines with ``heading``;
    context lines as ``ID-LINE-text``, ``--`` between groups."""
    rows: list[Row] = [[(doc.doc_id, "bold magenta")]] if heading else []
    for n, group in enumerate(context_groups(doc, before, after)):
        if n and (before or after):
            rows.append([("--", "dim")])
        for line, is_match in group:
            mark = ":" if is_match else "-"
            prefix = "" if heading else doc.doc_id + mark
            if line_numbers:
                prefix += f"{line.number}{mark}"
            text = _highlighted(line) if is_match else [(line.text, "")]
            rows.append([(prefix, "green"), *text])
    return rows


def _highlighted(line: Line) -> Row:
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


def _write(out: TextIO, console, parts: Row) -> None:
    if console is None:
        out.write("".join(text for text, _ in parts) + "\n")
        return
    from rich.text import Text

    text = Text()
    for chunk, style in parts:
        text.append(chunk, style=style or None)
    console.print(text)


def json_rows(doc: DocumentMatches) -> list[Row]:
    """One JSON object per match: id, line (1-based), start/end (characters within the line),
    the line's text, and the matched string."""
    rows = []
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
            rows.append([(json.dumps(record, ensure_ascii=False), "")])
    return rows


def kwic_rows(doc: DocumentMatches, width: int = 40) -> list[Row]:
    """A concordance: left context right-aligned to ``width``, the match, right context, then
    ``id:line`` so each row can be traced back."""
    rows = []
    starts = line_starts(doc.text)
    for start, end in doc.spans:
        left = _flat(doc.text[max(0, start - width) : start])[-width:]
        right = _flat(doc.text[end : end + width])[:width]
        line = bisect.bisect_right(starts, start)
        rows.append(
            [
                (left.rjust(width) + " ", ""),
                (_flat(doc.text[start:end]), "bold red"),
                (" " + right.ljust(width), ""),
                (f"  {doc.doc_id}:{line}", "green"),
            ]
        )
    return rows


def _flat(text: str) -> str:
    return re.sub(r"\s", " ", text)
