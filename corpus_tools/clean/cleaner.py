"""The cleaner: repair, split into units, let the rules mark noise, join the kept lines."""

from __future__ import annotations

from collections.abc import Iterable

from ..records import Record, meta_of
from .page import Page
from .repair import rejoin_broken_lines
from .rules import RULES, apply_rules
from .site import SiteLineIndex


class Cleaner:
    """Clean records one at a time; optionally with a per-site repeated-line index (two passes)."""

    def __init__(
        self,
        skip: Iterable[str] = (),
        site_index: SiteLineIndex | None = None,
        record_removals: bool = True,
    ) -> None:
        unknown = set(skip) - set(RULES) - {SiteLineIndex.RULE}
        if unknown:
            from ..errors import CtError

            raise CtError(f"unknown rule(s): {', '.join(sorted(unknown))} (see ct clean --rules)")
        self.skip = frozenset(skip)
        self.site_index = site_index if SiteLineIndex.RULE not in self.skip else None
        self.record_removals = record_removals

    def page(self, text: str, site: str | None = None) -> Page:
        """The analysed page: units with the rule that removed each, and the metadata found."""
        page = Page.from_text(text)
        if self.site_index is not None and site is not None:
            self.site_index.mark(page, site)
        apply_rules(page, skip=self.skip)
        return page

    def clean(self, record: Record) -> Record:
        meta = meta_of(record)
        site = self.site_index.site_of(record) if self.site_index is not None else None
        page = self.page(record.get("text") or "", site)
        record["text"] = render(page)
        for key, value in page.meta.items():
            meta.setdefault(key, value)
        if self.record_removals:
            meta["removed"] = page.removals()
        return record


def render(page: Page) -> str:
    """The kept text, one paragraph per line group, ending with a newline when not empty."""
    lines = rejoin_broken_lines(page.kept_text())
    return "\n".join(lines) + "\n" if lines else ""


def clean_text(text: str, skip: Iterable[str] = ()) -> str:
    """Clean one text with every single-document rule; the simplest entry point from Python."""
    return render(Cleaner(skip=skip).page(text))
