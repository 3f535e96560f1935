"""Tell Russian, Kazakh and English apart by letters and stop words, cheaply.

Kazakh is written in Cyrillic with nine letters Russian lacks (ә ғ қ ң ө ұ ү һ і); a Kazakh text
has them in most sentences, a Russian text almost never. Latin script with English stop words
is English. A document with a real share of two languages is "mixed".
"""

from __future__ import annotations

import re

KAZAKH_LETTERS = frozenset("әғқңөұүһіӘҒҚҢӨҰҮҺІ")
_RU_STOP = frozenset(
    "и в не на что с по как это он она к из за то от для же".split()  # noqa: SIM905
)
_KK_STOP = frozenset("және мен бұл деп үшін да де ол бар жоқ болып осы туралы".split())  # noqa: SIM905
_EN_STOP = frozenset(
    "the of and to in is that for on was with as by at from are".split()  # noqa: SIM905
)
_WORD = re.compile(r"[^\W\d_]+")
_SAMPLE = 20_000


def detect_language(text: str) -> str:
    """``ru``, ``kk``, ``en``, ``mixed`` or ``other`` (no letters, or another script)."""
    sample = text[:_SAMPLE]
    words = _WORD.findall(sample.lower())
    if not words:
        return "other"
    cyrillic = latin = kazakh_words = 0
    votes = {"ru": 0, "kk": 0, "en": 0}
    for word in words:
        first = word[0]
        if "\u0400" <= first <= "\u04ff":
            cyrillic += 1
            if not KAZAKH_LETTERS.isdisjoint(word):
                kazakh_words += 1
        elif first.isascii():
            latin += 1
        if word in _RU_STOP:
            votes["ru"] += 1
        elif word in _KK_STOP:
            votes["kk"] += 1
        elif word in _EN_STOP:
            votes["en"] += 1
    total = len(words)
    if cyrillic + latin < total / 2:
        return "other"
    if cyrillic and latin and min(cyrillic, latin) >= 0.3 * total:
        return "mixed"
    if latin > cyrillic:
        return "en" if votes["en"] or latin >= 3 else "other"
    kazakh_share = kazakh_words / cyrillic
    if kazakh_share >= 0.08 or votes["kk"] > votes["ru"]:
        return "mixed" if votes["ru"] >= 3 and votes["ru"] > 2 * votes["kk"] else "kk"
    return "ru"
