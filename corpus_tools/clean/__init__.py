"""``ct clean``: strip scraping noise from news pages, keep the article whole.

The pipeline for one record: repair characters (line-preserving), split the page into units,
let each named rule mark units as noise or lift metadata out of them, then join the kept lines
(re-joining sentences broken across lines). Every removal is recorded in ``meta.removed``.

The package's names load on first use, so that ``corpus_tools.clean.lexicon`` (the stopwords
``ct stats`` needs) does not compile every rule and import ftfy.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..lazy import lazy_attributes

if TYPE_CHECKING:
    from .cleaner import Cleaner, clean_text, render
    from .page import Page
    from .rules import RULES, Rule
    from .site import SiteLineIndex

__all__ = ["RULES", "Cleaner", "Page", "Rule", "SiteLineIndex", "clean_text", "render"]

_HOME = {
    "Cleaner": ".cleaner",
    "clean_text": ".cleaner",
    "render": ".cleaner",
    "Page": ".page",
    "RULES": ".rules",
    "Rule": ".rules",
    "SiteLineIndex": ".site",
}


__getattr__ = lazy_attributes(__name__, _HOME)
