"""What a query matches: literal, regex, word forms, name variants or fuzzy words.

Every matcher yields ``(start, end)`` character spans over a document's text and names the
literal strings any match must contain (``literals``), so the scanner can skip records whose raw
bytes cannot match without decoding them.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Protocol

from ..errors import CtError


class Matcher(Protocol):
    literals: list[str] | None
    ignore_case: bool

    def spans(self, text: str) -> Iterator[tuple[int, int]]: ...


def smart_ignore_case(pattern: str) -> bool:
    """ripgrep's smart case: ignore case unless the pattern has an upper-case letter (escapes
    such as ``\\W`` do not count)."""
    return not any(ch.isupper() for ch in re.sub(r"\\.", "", pattern))


class RegexMatcher:
    """Literal or regular-expression search with Python's ``re``."""

    def __init__(self, pattern: str, regex: bool, ignore_case: bool) -> None:
        source = pattern if regex else re.escape(pattern)
        flags = re.MULTILINE | (re.IGNORECASE if ignore_case else 0)
        try:
            self.pattern = re.compile(source, flags)
        except re.error as exc:
            raise CtError(f"invalid regex {pattern!r}: {exc}") from exc
        self.ignore_case = ignore_case or bool(self.pattern.flags & re.IGNORECASE)
        self.literals = required_literals(source, flags) if regex else [pattern]

    def spans(self, text: str) -> Iterator[tuple[int, int]]:
        for match in self.pattern.finditer(text):
            if match.end() > match.start():
                yield match.span()


def required_literals(pattern: str, flags: int) -> list[str] | None:
    """The longest run of plain characters every match of ``pattern`` contains, if any.

    Only top-level literals count (a literal inside a group, branch or repeat may be absent).
    """
    from re import _parser  # type: ignore[attr-defined]

    try:
        parsed = _parser.parse(pattern, flags)
    except re.error:
        return None
    best: list[str] = []
    run: list[str] = []
    for op, arg in parsed:
        if op is _parser.LITERAL:
            run.append(chr(arg))
            if len(run) > len(best):
                best = list(run)
        else:
            run = []
    return ["".join(best)] if len(best) >= 2 else None


class FuzzyMatcher:
    """Words (or word sequences) within ``max_edits`` Levenshtein edits of each query word."""

    def __init__(self, query: str, max_edits: int) -> None:
        self.query_words = [w.lower() for w in re.findall(r"\w+", query)]
        if not self.query_words:
            raise CtError("--fuzzy needs at least one word")
        self.max_edits = max_edits
        self.literals = _intact_pieces(self.query_words[0], max_edits)
        self.ignore_case = True
        self._words = re.compile(r"\w+")

    def spans(self, text: str) -> Iterator[tuple[int, int]]:
        from rapidfuzz.distance import Levenshtein
        from rapidfuzz.process import extract

        lowered = text.lower()
        if len(lowered) != len(text):  # a letter whose lower case is longer (İ): offsets move
            lowered = "".join(ch.lower()[0] for ch in text)
        words = self._words.findall(lowered)
        close = []
        for query_word in self.query_words:
            found = extract(
                query_word,
                set(words),
                scorer=Levenshtein.distance,
                score_cutoff=self.max_edits,
                limit=None,
            )
            if not found:
                return
            close.append({choice for choice, _, _ in found})
        if len(close) == 1:
            # Whole words of the text that are close: one regex pass instead of a Python loop.
            alternatives = "|".join(map(re.escape, sorted(close[0], key=len, reverse=True)))
            for match in re.finditer(rf"(?<!\w)(?:{alternatives})(?!\w)", lowered):
                yield match.span()
            return
        width = len(close)
        matches = list(self._words.finditer(lowered))
        for i in range(len(words) - width + 1):
            if all(words[i + j] in close[j] for j in range(width)):
                yield matches[i].start(), matches[i + width - 1].end()


def _intact_pieces(word: str, max_edits: int) -> list[str] | None:
    """Cut ``word`` into ``max_edits + 1`` pieces: N edits damage at most N of them, so any word
    within N edits contains one piece unchanged (pigeonhole) - a pre-filter for fuzzy search."""
    count = max_edits + 1
    if len(word) < 2 * count:
        return None
    size, extra = divmod(len(word), count)
    pieces, start = [], 0
    for i in range(count):
        end = start + size + (1 if i < extra else 0)
        pieces.append(word[start:end])
        start = end
    return pieces


def build_matcher(
    pattern: str,
    *,
    regex: bool = False,
    ignore_case: bool | None = None,
    forms: bool = False,
    name: bool = False,
    fuzzy: int | None = None,
    aliases: tuple[str, ...] = (),
) -> Matcher:
    """One matcher for the query and its mode; ``ignore_case=None`` means smart case."""
    if sum((regex, forms, name, fuzzy is not None)) > 1:
        raise CtError("choose one of -e/--regex, --forms, --name, --fuzzy")
    if not pattern:
        raise CtError("empty pattern")
    if forms:
        from .forms import FormsMatcher

        return FormsMatcher(pattern)
    if name:
        from .names import NameMatcher

        return NameMatcher(pattern, aliases)
    if fuzzy is not None:
        if fuzzy < 0:
            raise CtError("--fuzzy takes a number of edits >= 0")
        return FuzzyMatcher(pattern, fuzzy)
    if ignore_case is None:
        ignore_case = smart_ignore_case(pattern)
    return RegexMatcher(pattern, regex, ignore_case)
