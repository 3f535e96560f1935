"""``ct clean``: strip scraping noise from news pages, keep the article whole.

The pipeline for one record: repair characters (line-preserving), split the page into units,
let each named rule mark units as noise or lift metadata out of them, then join the kept lines
(re-joining sentences broken across lines). Every removal is recorded in ``meta.removed``.

The package's names load on first use, so that ``corpus_tools.clean.lexicon`` (the stopwords
``ct stats`` needs) does not compile every rule and import ftfy.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

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


def __getattr__(name: str) -> Any:
    home = _HOME.get(name)
    if home is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(importlib.import_module(home, __name__), name)
    globals()[name] = value
    return value
