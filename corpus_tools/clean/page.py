"""A page as the noise rules see it: its lines, which are already removed and by which rule."""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass, field
from typing import Any

from .repair import repair_line, split_lines

# inscriptis and similar HTML-to-text tools lay table columns side by side, padded with spaces:
# «* Спорт              Учёные создали ...». Runs this wide split a line into its columns.
_COLUMN_GAP = re.compile(r" {6,}")
_COLUMN_SPACES = " " * 6


def column_texts(line: str) -> list[str]:
    """The line with its whitespace tidied, split into its columns if it holds several."""
    if _COLUMN_SPACES not in line:
        return [" ".join(line.split())]
    columns = [" ".join(c.split()) for c in _COLUMN_GAP.split(line.strip()) if c.strip()]
    return columns or [""]


_FOLD = re.compile(r"[\d\W_]+")


@functools.lru_cache(maxsize=1 << 16)
def line_key(text: str) -> str:
    """Lines that differ only in digits, punctuation or case count as the same line
    ('Комментарии (3)' and 'Комментарии (12)')."""
    return _FOLD.sub(" ", text.lower()).strip()


@functools.lru_cache(maxsize=1 << 16)
def line_columns(line: str) -> tuple[str, ...]:
    """A raw input line, repaired and tidied, as its columns (usually one)."""
    return tuple(column_texts(repair_line(line)))


@dataclass
class Unit:
    """One line of the page (or one column of a line that held several)."""

    text: str
    line: int  # 1-based line number in the input
    part: int = 0  # column index when an input line was split into several units
    rule: str | None = None  # the rule that removed it, if any

    @functools.cached_property
    def lower(self) -> str:
        return self.text.lower()

    @property
    def blank(self) -> bool:
        return not self.text


@dataclass
class Page:
    units: list[Unit]
    meta: dict[str, Any] = field(default_factory=dict)  # metadata found by the rules
    _live: list[int] | None = field(default=None, repr=False, compare=False)

    @classmethod
    def from_text(cls, text: str) -> Page:
        """Units of a raw page: each line repaired, then split into columns."""
        units: list[Unit] = []
        for number, line in enumerate(split_lines(text), start=1):
            columns = line_columns(line)
            if len(columns) == 1:
                units.append(Unit(columns[0], number))
                continue
            for part, column in enumerate(columns):
                units.append(Unit(column, number, part))
        return cls(units)

    def live(self) -> list[int]:
        """Indexes of units that are neither blank nor removed, in page order (cached until
        the next removal; every rule asks for it)."""
        if self._live is None:
            self._live = [i for i, unit in enumerate(self.units) if unit.rule is None and unit.text]
        return self._live

    def remove(self, index: int, rule: str) -> None:
        unit = self.units[index]
        if unit.rule is None and unit.text:
            unit.rule = rule
            self._live = None

    def kept_text(self) -> list[str]:
        """Kept lines, blank lines between paragraphs preserved but never more than one."""
        out: list[str] = []
        previous_line = None
        for unit in self.units:
            if unit.rule is not None:
                continue
            if unit.blank:
                if out and out[-1]:
                    out.append("")
                continue
            if unit.line == previous_line and out and out[-1]:
                out[-1] = f"{out[-1]} {unit.text}"
            else:
                out.append(unit.text)
            previous_line = unit.line
        while out and not out[-1]:
            out.pop()
        return out

    def removals(self) -> list[dict[str, Any]]:
        """Removed runs as ``{rule, start_line, end_line}`` (1-based, inclusive); blank lines
        inside a run do not split it."""
        runs: list[dict[str, Any]] = []
        last_rule = None
        for unit in self.units:
            if unit.rule is None:
                if unit.text:
                    last_rule = None
                continue
            if unit.rule == last_rule:
                runs[-1]["end_line"] = unit.line
            else:
                runs.append({"rule": unit.rule, "start_line": unit.line, "end_line": unit.line})
            last_rule = unit.rule
        return runs
