"""``ct index build`` and ``ct search --index``: a full-text index in one SQLite file (FTS5).

Embedded, no server: stdlib ``sqlite3`` with FTS5, ranked by BM25. The tokenizer is
``unicode61 remove_diacritics 2``; Kazakh letters (қ, ә, ө ...) have no Unicode decomposition,
so documents that contain them also get a folded copy (қ→к ...) in a second column, and queries
are folded the same way: «Тоқаев» and «Токаев» find each other.
"""

from __future__ import annotations

import os
import re
import sqlite3
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import Any

from .errors import CtError
from .records import Record, bare_host, meta_of, site_of
from .search.names import fold

SCHEMA_VERSION = "1"
BATCH = 2000


def check_fts5() -> None:
    options = {row[0] for row in sqlite3.connect(":memory:").execute("pragma compile_options")}
    if "ENABLE_FTS5" not in options:
        raise CtError("this Python's sqlite3 has no FTS5; ct index needs SQLite built with FTS5")


def build_index(records: Iterable[Record], path: str | Path) -> int:
    """Index every record into ``path`` (replaced atomically); return how many were indexed."""
    import tempfile

    check_fts5()
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    os.close(fd)
    try:
        count = _write_index(records, tmp)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    return count


def _write_index(records: Iterable[Record], tmp: str) -> int:
    from json import dumps  # here, not at import: an index query needs no JSON writer

    db = sqlite3.connect(tmp, isolation_level=None)
    try:
        db.executescript(
            """
            pragma journal_mode = off;
            pragma synchronous = off;
            create table info (key text primary key, value text);
            create virtual table docs using fts5(
                text, folded, doc_id unindexed, lang unindexed, site unindexed,
                date unindexed, meta unindexed,
                tokenize = 'unicode61 remove_diacritics 2'
            );
            begin;
            """
        )
        db.execute("insert into info values ('schema', ?)", (SCHEMA_VERSION,))
        count = 0
        batch: list[tuple[Any, ...]] = []
        for record in records:
            batch.append(_row(record, dumps))
            if len(batch) >= BATCH:
                db.executemany("insert into docs values (?, ?, ?, ?, ?, ?, ?)", batch)
                count += len(batch)
                batch.clear()
        db.executemany("insert into docs values (?, ?, ?, ?, ?, ?, ?)", batch)
        count += len(batch)
        db.execute("insert into docs(docs) values ('optimize')")
        db.execute("commit")
        return count
    finally:
        db.close()


def _row(record: Record, dumps: Callable[..., str]) -> tuple[Any, ...]:
    text = record.get("text") or ""
    meta = meta_of(record)
    folded = fold(text)
    return (
        text,
        folded if folded != text else "",
        str(record.get("id")),
        record.get("lang") or meta.get("lang"),
        site_of(record),
        meta.get("date") or record.get("date"),
        dumps(meta, ensure_ascii=False),
    )


class Hit:
    """One ranked document: its id, BM25 score (higher is better), snippet (matches between
    \x01 and \x02) and meta (decoded on first use: most queries print ids and snippets)."""

    __slots__ = ("_meta", "doc_id", "meta_json", "score", "snippet")

    def __init__(self, doc_id: str, score: float, snippet: str, meta_json: str) -> None:
        self.doc_id, self.score, self.snippet, self.meta_json = doc_id, score, snippet, meta_json
        self._meta: dict[str, Any] | None = None

    @property
    def meta(self) -> dict[str, Any]:
        if self._meta is None:
            import json  # here: a query that prints no meta is spared the import

            self._meta = json.loads(self.meta_json)
        return self._meta


def fts_query(query: str, forms: bool = False) -> str:
    """Turn user words into an FTS5 query: every word required, quoted so punctuation is inert;
    a trailing ``*`` keeps prefix search (``выбор*``). With ``forms`` each word is any word that
    starts like its forms (``index_prefixes``)."""
    if forms:  # the search package only when asked: an index query starts fast
        from .search.forms import index_prefixes
    terms = []
    for word, star in re.findall(r"(\w+)(\*?)", query):
        if forms:
            prefixes = [f'"{fold(prefix)}"*' for prefix in index_prefixes(word)]
            terms.append(prefixes[0] if len(prefixes) == 1 else f"({' OR '.join(prefixes)})")
        else:
            terms.append(f'"{fold(word)}"' + ("*" if star else ""))
    if not terms:
        raise CtError("the query has no words to look up")
    return "{text folded}: (" + " AND ".join(terms) + ")"


def search_index(
    path: str | Path,
    query: str,
    *,
    limit: int = 10,
    lang: str | None = None,
    site: str | None = None,
    since: str | None = None,
    until: str | None = None,
    forms: bool = False,
) -> Iterator[Hit]:
    """Best ``limit`` documents by BM25, each with a snippet around the first match."""
    if not Path(path).is_file():
        raise CtError(f"{path}: no such index (build it with: ct index build CORPUS -o {path})")
    where, params = ["docs match ?"], [fts_query(query, forms)]
    if lang:
        where.append("lower(lang) = lower(?)")
        params.append(lang)
    if site:  # the site or a subdomain of it, as in the full scan
        host = bare_host(site)
        where.append("(lower(site) = ? or substr(lower(site), -?) = ?)")
        params += [host, len(host) + 1, "." + host]
    if since:
        where.append("substr(date, 1, ?) >= ?")
        params += [len(since), since]
    if until:
        where.append("substr(date, 1, ?) <= ?")
        params += [len(until), until]
    # Ranking first, the rest for the best rows only: SQLite computes a select list before it
    # sorts, so snippets in the ranking query would be made for every match (12,000 for a
    # common word in 100,000 documents: most of the query's time).
    ranking = (
        "select rowid, bm25(docs, 1.0, 1.0) from docs "
        f"where {' and '.join(where)} order by bm25(docs, 1.0, 1.0) limit ?"
    )
    details = (
        "select doc_id, snippet(docs, -1, char(1), char(2), '…', 12), meta, "
        "case when folded = '' then null else text end "
        "from docs where docs match ? and rowid = ?"
    )
    try:
        db = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
        best = db.execute(ranking, [*params, limit]).fetchall()
        rows = [
            (*db.execute(details, (params[0], rowid)).fetchone(), score) for rowid, score in best
        ]
    except sqlite3.DatabaseError as exc:
        raise CtError(f"{path}: not a ct index or damaged ({exc})") from exc
    for doc_id, snippet, meta, kazakh_text, score in rows:
        if kazakh_text is not None:
            snippet = _unfold_snippet(snippet, kazakh_text)
        yield Hit(doc_id, -score, snippet, meta)


def _unfold_snippet(snippet: str, text: str) -> str:
    """A snippet taken from the folded column, with the document's own letters put back
    (folding maps one character to one, so positions carry over)."""
    core = snippet.strip("…")
    plain = core.replace("\x01", "").replace("\x02", "")
    at = fold(text).find(plain)
    if at < 0:
        return snippet
    letters = iter(text[at : at + len(plain)])
    restored = "".join(ch if ch in "\x01\x02" else next(letters) for ch in core)
    return (
        snippet[: len(snippet) - len(snippet.lstrip("…"))]
        + restored
        + ("…" if snippet.endswith("…") and not core.endswith("…") else "")
    )
