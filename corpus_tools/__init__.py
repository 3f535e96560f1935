"""ct (corpus_tools): clean, deduplicate, normalise, search and measure scraped news corpora."""

from .io import Reader, read_records, write_jsonl
from .records import Record, make_record

__version__ = "0.1.0"

__all__ = ["Reader", "Record", "__version__", "make_record", "read_records", "write_jsonl"]
