"""``--paragraphs``: drop paragraphs already seen in an earlier kept document.

A paragraph is a non-blank line (``ct clean`` writes one paragraph per line). Only its 64-bit
hash is remembered, so the memory is one set entry per distinct paragraph (about 70 bytes in
CPython), never the text.
"""

from __future__ import annotations

import hashlib

from ..records import Record, meta_of
from .minhash import words_of

RULE = "dedup_paragraph"


class ParagraphFilter:
    """Remembers paragraph hashes across documents, in the order documents are kept.

    Paragraphs under ``min_chars`` normalised characters ("Фото:", "Share") are never dropped:
    they are too short to say that a document repeats another.
    """

    def __init__(self, min_chars: int = 30) -> None:
        self.min_chars = min_chars
        self.seen: set[int] = set()
        self.removed = 0
        self.emptied = 0

    def filter(self, record: Record) -> bool:
        """Drop seen paragraphs from ``record`` in place; False if nothing of it is left."""
        lines = (record.get("text") or "").split("\n")
        new_hashes: set[int] = set()
        kept: list[str] = []
        runs: list[dict] = []
        last_removed = False
        for line_number, line in enumerate(lines, start=1):
            key = self._key(line)
            if key is None:
                kept.append(line)
                last_removed = last_removed and not line.strip()
                continue
            if key in self.seen:
                self.removed += 1
                if last_removed:
                    runs[-1]["end_line"] = line_number
                else:
                    runs.append({"rule": RULE, "start_line": line_number, "end_line": line_number})
                last_removed = True
                continue
            new_hashes.add(key)
            kept.append(line)
            last_removed = False
        self.seen |= new_hashes
        if not runs:
            return True
        text = "\n".join(kept)
        if not text.strip():
            self.emptied += 1
            return False
        record["text"] = text
        meta = meta_of(record)
        meta["removed"] = [*(meta.get("removed") or []), *runs]
        return True

    def _key(self, line: str) -> int | None:
        normalised = b" ".join(words_of(line))
        if len(normalised.decode("utf-8")) < self.min_chars:
            return None
        return int.from_bytes(hashlib.blake2b(normalised, digest_size=8).digest(), "little")
