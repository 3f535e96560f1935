"""ct (corpus_tools): clean, deduplicate, normalise, search and measure scraped news corpora.

The names below load on first use, so that a command which needs none of them (``ct search
--index``, ``ct --version``) does not import the readers.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from .lazy import lazy_attributes

if TYPE_CHECKING:
    from .io import Reader, read_records, write_jsonl
    from .records import Record, make_record

__version__ = "0.1.0"

__all__ = ["Reader", "Record", "__version__", "make_record", "read_records", "write_jsonl"]

_HOME = {
    "Reader": ".io",
    "read_records": ".io",
    "write_jsonl": ".io",
    "Record": ".records",
    "make_record": ".records",
}
__getattr__ = lazy_attributes(__name__, _HOME)
