"""``ct normalize``: dates to ISO 8601 and names to canonical forms, over records.

``Normalizer(...).normalize(record)`` adds ``meta.dates``, ``meta.date`` and ``meta.names``
(or, with ``inline=True``, rewrites the text). The building blocks are usable alone:
``dates.find_dates``, ``dates.publication_date``, ``names.NameMatcher``.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from ..records import Record, meta_of
from .dates import DateFinder, publication_date
from .lang import record_lang
from .names import NameMatcher


class Normalizer:
    """Normalise records one at a time (streaming: nothing is kept between records)."""

    def __init__(
        self,
        dates: bool = True,
        names: bool = True,
        inline: bool = False,
        names_files: Iterable[str | Path] = (),
        morphology: bool = True,
    ) -> None:
        self.do_dates = dates
        self.inline = inline
        self.matcher = NameMatcher(extra=names_files, morphology=morphology) if names else None

    def normalize(self, record: Record) -> Record:
        text = record.get("text") or ""
        meta = meta_of(record)
        lang = record_lang(record)
        replacements: list[tuple[int, int, str]] = []
        if self.do_dates:
            doc_date = meta.get("date") if isinstance(meta.get("date"), str) else None
            if doc_date is None:
                # ct clean moves the page's date line out of the text into meta.published
                published = meta.get("published")
                if isinstance(published, str):
                    doc_date = publication_date(published, lang)
                doc_date = doc_date or publication_date(text, lang)
                if doc_date is not None:
                    meta["date"] = doc_date
            mentions = DateFinder(lang, doc_date).find(text)
            meta["dates"] = [m.as_dict() for m in mentions]
            # A year-less ISO value ('--12-01') or a week's range («на 2024-11-18/2024-11-24»)
            # reads worse than the words it would replace.
            replacements += [
                (m.start, m.end, m.value)
                for m in mentions
                if m.value and "year_unknown" not in m.flags and m.note != "week"
            ]
        if self.matcher is not None:
            found = self.matcher.find(text)
            meta["names"] = [m.as_dict() for m in found]
            # «Алматинские власти» must not become «Алматы власти»: adjectives stay as written.
            replacements += [
                (m.start, m.end, m.canonical) for m in found if "adjective" not in m.flags
            ]
        if self.inline:
            record["text"] = rewrite(text, replacements)
            meta.pop("dates", None)
            meta.pop("names", None)
        return record


def rewrite(text: str, replacements: list[tuple[int, int, str]]) -> str:
    """Replace spans left to right; a span overlapping an earlier one is left alone."""
    out: list[str] = []
    cursor = 0
    for start, end, value in sorted(replacements):
        if start < cursor:
            continue
        out.append(text[cursor:start])
        out.append(value)
        cursor = end
    out.append(text[cursor:])
    return "".join(out)


__all__ = ["Normalizer", "rewrite"]
