"""``ct search``: grep for corpora, with word forms, name variants, fuzzy words and KWIC.

The library is usable from Python::

    from corpus_tools.search import Searcher, build_matcher
    for doc in Searcher(build_matcher("выборы", forms=True)).search(["corpus/"]):
        print(doc.doc_id, [doc.text[s:e] for s, e in doc.spans])
"""

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
