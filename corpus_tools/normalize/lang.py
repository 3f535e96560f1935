"""Which language a document is in: the record's own field if it has one, else its letters."""

from __future__ import annotations

from ..records import Record, meta_of

KAZAKH_LETTERS = frozenset("әғқңөұүһіӘҒҚҢӨҰҮҺІ")
LANGS = ("ru", "kk", "en")


def guess_lang(text: str) -> str:
    """kk if Kazakh-only letters appear, ru if Cyrillic outweighs Latin, else en.

    Only the first 5,000 characters are looked at: enough to tell, cheap on long pages.
    """
    sample = text[:5000]
    cyrillic = latin = kazakh = 0
    for ch in sample:
        if ch in KAZAKH_LETTERS:
            kazakh += 1
        elif "а" <= ch.lower() <= "я" or ch in "ёЁ":
            cyrillic += 1
        elif "a" <= ch.lower() <= "z":
            latin += 1
    if kazakh and kazakh * 50 >= cyrillic:
        return "kk"
    if cyrillic > latin:
        return "ru"
    return "en"


def record_lang(record: Record) -> str:
    """``lang`` or ``meta.lang`` when it is one of ru/kk/en, otherwise guessed from the text."""
    for value in (record.get("lang"), meta_of(record).get("lang")):
        if isinstance(value, str) and value[:2].lower() in LANGS:
            return value[:2].lower()
    return guess_lang(record.get("text") or "")
