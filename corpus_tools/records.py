"""The document record that flows through every stage: ``{"id", "text", "meta"}``.

Records are plain dicts so that fields ct does not know (``url``, ``lang``, ``site`` ...) are
carried through untouched, exactly as jq would.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path
from typing import Any

Record = dict[str, Any]

# Where the site of a record is read from, in this order (see site_of).
SITE_SOURCES = ("meta", "url", "folder")


def make_record(doc_id: str, text: str, meta: dict[str, Any] | None = None) -> Record:
    return {"id": doc_id, "text": text, "meta": dict(meta or {})}


def meta_of(record: Record) -> dict[str, Any]:
    """The record's ``meta`` dict, created if missing (a non-dict meta goes to ``meta.raw``)."""
    meta = record.get("meta")
    if not isinstance(meta, dict):
        meta = {} if meta is None else {"raw": meta}
        record["meta"] = meta
    return meta


def bare_host(site: str) -> str:
    """A site as ct compares and reports it: ``https://www.Zakon.kz/news`` is ``zakon.kz``."""
    site = site.strip().lower()
    if "/" in site:
        from urllib.parse import urlsplit

        site = urlsplit(site if "//" in site else "//" + site).hostname or site
    return site.removeprefix("www.")


def site_of(record: Record, sources: Iterable[str] = SITE_SOURCES) -> str | None:
    """The site a record came from, or None when nothing tells: its ``site`` (``meta.site``,
    then top level), else the host of its ``url``, both as a bare host (``zakon.kz``), else the
    folder of the file it was read from (``meta.source``). ``sources`` narrows this to some of
    "meta", "url" and "folder". Every stage groups and filters by this one answer."""
    meta = meta_of(record)
    for source in sources:
        if source == "folder":
            path = meta.get("source")
            if isinstance(path, str) and path and path != "<stdin>":
                return str(Path(path).parent)
            continue
        field = "site" if source == "meta" else "url"
        for value in (meta.get(field), record.get(field)):
            if isinstance(value, str) and value.strip():
                return bare_host(value)
    return None
