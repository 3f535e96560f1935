"""``ct search``: grep for corpora, with word forms, name variants, fuzzy words and KWIC.

The library is usable from Python::

    from corpus_tools.search import Searcher, build_matcher
    for doc in Searcher(build_matcher("выборы", forms=True)).search(["corpus/"]):
        print(doc.doc_id, [doc.text[s:e] for s, e in doc.spans])

The package's names load on first use, so that ``ct search --index`` (which needs only the
letter folding of ``names``) does not import the scanner.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..lazy import lazy_attributes

if TYPE_CHECKING:
    from .matchers import Matcher, build_matcher, smart_ignore_case
    from .scan import DocumentMatches, MetaFilter, Searcher

__all__ = [
    "DocumentMatches",
    "Matcher",
    "MetaFilter",
    "Searcher",
    "build_matcher",
    "smart_ignore_case",
]

_HOME = {
    "Matcher": ".matchers",
    "build_matcher": ".matchers",
    "smart_ignore_case": ".matchers",
    "DocumentMatches": ".scan",
    "MetaFilter": ".scan",
    "Searcher": ".scan",
}


__getattr__ = lazy_attributes(__name__, _HOME)
