"""Spelling keys that make Cyrillic, Kazakh and Latin spellings of one name compare equal.

``match_key("Тоқаев") == match_key("Токаеву"[:-1]) == match_key("Tokayev") == "tokaev"``: a
name is folded to a coarse Latin skeleton. Kazakh letters fold to their Russian neighbours
(ә→а, қ→к, ң→н, ғ→г, ө→о, ұ/ү→у, һ→х, і→и), Cyrillic is romanised, the official Kazakh Latin
letters (á, ó, ú, ǵ, ń, ı, ş, ç ...) lose their marks, and the spellings news sites alternate
between (ye/e, kh/h, x/ks, j/zh, doubled letters) collapse into one.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

from ..lang import KAZAKH_LETTERS, RUSSIAN_LOOKALIKES

KAZAKH_FOLD = str.maketrans(KAZAKH_LETTERS, RUSSIAN_LOOKALIKES)
_APOSTROPHES_DOTS = re.compile(r"[’'`.]")

_CYRILLIC_TO_LATIN = {
    "а": "a", "б": "b", "в": "v", "г": "g", "д": "d", "е": "e", "ё": "e", "ж": "zh", "з": "z",
    "и": "i", "й": "i", "к": "k", "л": "l", "м": "m", "н": "n", "о": "o", "п": "p", "р": "r",
    "с": "s", "т": "t", "у": "u", "ф": "f", "х": "h", "ц": "ts", "ч": "ch", "ш": "sh",
    "щ": "sh", "ъ": "", "ы": "y", "ь": "", "э": "e", "ю": "yu", "я": "ya",
}  # fmt: skip
_LATIN_LETTERS = {"ı": "y", "ş": "sh", "ç": "ch", "ğ": "g", "ǵ": "g", "ń": "n", "ý": "y"}
# Order matters: longer spellings first.
_SKELETON = [
    (re.compile(r"kh"), "h"),
    (re.compile(r"x"), "ks"),
    (re.compile(r"q"), "k"),
    (re.compile(r"j"), "zh"),
    (re.compile(r"dzh"), "zh"),
    (re.compile(r"w"), "v"),
    (re.compile(r"ph"), "f"),
    (re.compile(r"(?<=[aeiouy])y(?=[aeiou])|^y(?=e)"), ""),  # Tokayev, Yerlan: y before e
    (re.compile(r"y"), "i"),
    (re.compile(r"(.)\1+"), r"\1"),  # Kassym/Касым, Massimov/Масимов
]


@lru_cache(maxsize=65536)
def match_key(word: str) -> str:
    """The coarse Latin skeleton of one word or phrase (lower case, hyphens kept)."""
    text = word.lower().translate(KAZAKH_FOLD)
    out = []
    for ch in text:
        if ch in _CYRILLIC_TO_LATIN:
            out.append(_CYRILLIC_TO_LATIN[ch])
        elif ch in _LATIN_LETTERS:
            out.append(_LATIN_LETTERS[ch])
        else:
            out.append(ch)
    text = unicodedata.normalize("NFKD", "".join(out))
    text = "".join(ch for ch in text if not unicodedata.combining(ch))
    text = _APOSTROPHES_DOTS.sub("", text)
    for pattern, replacement in _SKELETON:
        text = pattern.sub(replacement, text)
    return text


_NEWS_LATIN = {
    "ә": "a", "ғ": "g", "қ": "k", "ң": "n", "ө": "o", "ұ": "u", "ү": "u", "һ": "h", "і": "i",
    "а": "a", "б": "b", "в": "v", "г": "g", "д": "d", "е": "e", "ё": "yo", "ж": "zh", "з": "z",
    "и": "i", "й": "y", "к": "k", "л": "l", "м": "m", "н": "n", "о": "o", "п": "p", "р": "r",
    "с": "s", "т": "t", "у": "u", "ф": "f", "х": "kh", "ц": "ts", "ч": "ch", "ш": "sh",
    "щ": "shch", "ъ": "", "ы": "y", "ь": "", "э": "e", "ю": "yu", "я": "ya",
}  # fmt: skip
_OFFICIAL_LATIN = {
    "ә": "á", "ғ": "ǵ", "қ": "q", "ң": "ń", "ө": "ó", "ұ": "u", "ү": "ú", "һ": "h", "і": "i",
    "а": "a", "б": "b", "в": "v", "г": "g", "д": "d", "е": "e", "ё": "io", "ж": "j", "з": "z",
    "и": "ı", "й": "ı", "к": "k", "л": "l", "м": "m", "н": "n", "о": "o", "п": "p", "р": "r",
    "с": "s", "т": "t", "у": "ý", "ф": "f", "х": "h", "ц": "ts", "ч": "ch", "ш": "sh",
    "щ": "shch", "ъ": "", "ы": "y", "ь": "", "э": "e", "ю": "ıý", "я": "ıa",
}  # fmt: skip


def to_latin(text: str, scheme: str = "news") -> str:
    """Romanise Cyrillic: ``news`` spelling (Tokayev-style, ``-ев`` → ``-yev`` after a vowel) or
    the ``official`` 2018/2021 Kazakh Latin alphabet (á, ǵ, q, ń, ó, ú, ı, sh, ch)."""
    table = _OFFICIAL_LATIN if scheme == "official" else _NEWS_LATIN
    out: list[str] = []
    previous = ""
    for ch in text:
        low = ch.lower()
        if low in table:
            piece = table[low]
            if scheme == "news" and low == "е" and (not previous or previous in "аеиоуыэюяә"):
                piece = "ye"
            out.append(piece.capitalize() if ch.isupper() else piece)
        else:
            out.append(ch)
        previous = low if low.isalpha() else ""
    return "".join(out)
