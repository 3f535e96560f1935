"""Which language a document is in: the record's own field if it has one, else its letters."""

from __future__ import annotations

from ..records import Record, meta_of

LANGS = ("ru", "kk", "en")
_KAZAKH = "әғқңөұүһі"  # the letters only Kazakh uses, lower case
_RUSSIAN = "абвгдеёжзийклмнопрстуфхцчшщъыьэюя"
_LATIN = "abcdefghijklmnopqrstuvwxyz"


def guess_lang(text: str) -> str:
    """kk if Kazakh-only letters appear, ru if Cyrillic outweighs Latin, else en.

    Only the first 5,000 characters are looked at: enough to tell, cheap on long pages. Each
    letter is counted with ``str.count`` on the lower-cased sample (C loops; a Python loop over
    the characters took six times as long).
    """
    sample = text[:5000].lower()
    kazakh = sum(map(sample.count, _KAZAKH))
    cyrillic = sum(map(sample.count, _RUSSIAN))
    latin = sum(map(sample.count, _LATIN))
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
