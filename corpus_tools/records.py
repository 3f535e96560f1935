"""The document record that flows through every stage: ``{"id", "text", "meta"}``.

Records are plain dicts so that fields ct does not know (``url``, ``lang``, ``site`` ...) are
carried through untouched, exactly as jq would.
"""

from __future__ import annotations

from typing import Any

Record = dict[str, Any]


def make_record(doc_id: str, text: str, meta: dict[str, Any] | None = None) -> Record:
    return {"id": doc_id, "text": text, "meta": dict(meta or {})}


def meta_of(record: Record) -> dict[str, Any]:
    """The record's ``meta`` dict, created if missing (a non-dict meta goes to ``meta.raw``)."""
    meta = record.get("meta")
    if not isinstance(meta, dict):
        meta = {} if meta is None else {"raw": meta}
        record["meta"] = meta
    return meta
