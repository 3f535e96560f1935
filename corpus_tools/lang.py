"""Language identification for ru/kk/en news text by letters and stopwords.

Why not a model: the three languages ct targets are told apart reliably by script (Cyrillic vs
Latin), by the nine letters only Kazakh uses (ә ғ қ ң ө ұ ү һ і) and by function words; that is
fast, has no dependency and explains itself. Anything else (Polish, Greek ...) is ``other``.
"""

from __future__ import annotations

import re


def _word_set(words: str) -> frozenset[str]:
    return frozenset(words.split())


LANGUAGES = ("ru", "kk", "en", "mixed", "other", "unknown")

RU_STOPWORDS = _word_set(
    "и в во не что он на я с со как а то все она так его но да ты к у же вы за бы по только "
    "ее мне было вот от меня еще нет о из ему теперь когда даже ну вдруг ли если уже или ни "
    "быть был него до вас нибудь опять уж вам ведь там потом себя ничего ей может они тут где "
    "есть надо ней для мы тебя их чем была сам чтобы без будто чего раз тоже себе под будет ж "
    "тогда кто этот того потому этого какой совсем ним здесь этом один почти мой тем чтобы "
    "нее сейчас были куда зачем всех никогда можно при наконец два об другой хоть после над "
    "больше тот через эти нас про всего них какая много разве три эту моя впрочем хорошо свою "
    "этой перед иногда лучше чуть том нельзя такой им более всегда конечно всю между также "
    "который которые которых года это"
)
KK_STOPWORDS = _word_set(
    "және мен бен пен бірақ немесе үшін деп осы бұл сол ол олар біз сіз мен сен бар жоқ емес "
    "еді болып болды болады бойынша туралы арқылы кейін дейін қазір енді да де та те ма ме ба "
    "бе па пе жылы жыл сондай барлық бірге тағы әлі ғана гөрі соң шейін қарай ретінде деді "
    "дейді атап"
)
EN_STOPWORDS = _word_set(
    "the of and to a in is it that was for on are as with his they at be this from have or by "
    "one had not but what all were when we there can an your which their said if do will each "
    "about how up out them then she many some so these would other into has more her two like "
    "him see time could no make than first been its who now people my made over did down only "
    "way find use may after also our new years year should those such very just any because "
    "while where here between both own same through during under again once most against why "
    "whom am being having doing ours yours theirs himself herself itself themselves"
)

# Kazakh in the Latin alphabets (2018 with accents, 2021 with ä ğ ñ ö ş ü ı, and plain
# spellings): function words that are no Turkish, Polish or English ones.
KK_LATIN_STOPWORDS = _word_set(
    "jáne jane biraq nemese úshin ushin osy bul olar joq emes edi boldy bolady boıynsha "
    "boiynsha boyynsha týraly turaly arqyly keıin keiin deıin deiin qazir endi jyly barlyq "
    "birge taǵy tağy tagy áli ǵana ğana retinde degen dedi "
    "jäne üşın bıraq būl boiynşa keiın deiın qazır endı bırge älı retınde dedı edı"
)

_LETTER_RUN = re.compile(r"[^\W\d_]+")

# The nine letters only Kazakh uses, and the Russian letters that stand in for them when a name
# is written in Russian (Тоқаев / Токаев) or a Kazakh text is searched with a Russian keyboard.
KAZAKH_LETTERS = "әғқңөұүһіӘҒҚҢӨҰҮҺІ"
RUSSIAN_LOOKALIKES = "агкноуухиАГКНОУУХИ"
_LOWER_LETTERS, _LOWER_LOOKALIKES = KAZAKH_LETTERS[:9] + "ё", RUSSIAN_LOOKALIKES[:9] + "е"
_LOOKALIKE_BYTES = [
    (letter.encode(), lookalike.encode())
    for letter, lookalike in zip(_LOWER_LETTERS, _LOWER_LOOKALIKES, strict=True)
]


def fold_lookalikes(data: bytes) -> bytes:
    """Lower-case UTF-8 text with its Kazakh letters and ё as their Russian look-alikes, so a
    copy typed on a Russian keyboard («Токаев», «казак») reads as the original («Тоқаев»,
    «қазақ»). Text without them, most Russian and all English text, costs four byte scans:
    the Kazakh letters start with byte D2 or D3 (і and ё are D1 96 and D1 91)."""
    if not (b"\xd2" in data or b"\xd3" in data or b"\xd1\x96" in data or b"\xd1\x91" in data):
        return data
    for letter, lookalike in _LOOKALIKE_BYTES:
        data = data.replace(letter, lookalike)
    return data


# Only the start of a long document is looked at: language rarely changes mid-article and this
# keeps the cost per document constant.
SAMPLE_CHARS = 1200


# A raw page opens with its menus, whose words («Home», «Bingo», «Dating») are not the
# article's language: when the start says other, mixed or unknown, the text from its first
# line of 200 characters that is text (not a menu padded with spaces) has the last word.
_LONG_LINE = re.compile(r"^[^\n]{200}", re.MULTILINE)  # tried at line starts only


def detect_language(text: str) -> str:
    """Return ``ru``, ``kk``, ``en``, ``mixed``, ``other`` or ``unknown`` (too few letters)."""
    language = _sample_language(text, 0)
    if language in ("mixed", "unknown", _LATIN_OTHER) and len(text) > SAMPLE_CHARS:
        start = _first_text_line(text)
        if start > 0 and _menu_like(text, start):
            language = _sample_language(text, start)
    return "other" if language == _LATIN_OTHER else language


def _menu_like(text: str, end: int) -> bool:
    """Whether text[:end] is a run of short lines (menus, 40 characters a line or fewer on
    average), not paragraphs in a language of their own (an article in two languages)."""
    lines = text.count("\n", 0, end)
    return lines >= 5 and end <= 40 * lines


_LATIN_OTHER = "latin-other"  # Latin letters, not English: menus, or Polish, or Turkish ...


def _sample_language(text: str, start: int) -> str:
    words = _LETTER_RUN.findall(text, start, start + SAMPLE_CHARS)
    joined = " ".join(words)
    letters = len(joined) - len(words) + 1
    if letters < 20:
        return "unknown"
    cyrillic = _count_cyrillic(joined)
    # Every ASCII character left in letter runs is a Latin letter; accented Latin letters are
    # rare next to them, so this is the Latin count without a second pass.
    latin = len(joined.encode("ascii", "ignore")) - (len(words) - 1)  # minus the spaces
    if cyrillic >= 0.2 * letters and latin >= 0.2 * letters:
        return "mixed"
    tokens = joined.lower().split()
    if cyrillic >= 0.5 * letters:
        return _cyrillic_language(joined, tokens, cyrillic)
    if latin >= 0.5 * letters:
        english = sum(map(EN_STOPWORDS.__contains__, tokens))
        if english >= 0.08 * max(len(tokens), 1):
            return "en"
        return "kk" if _kazakh_latin(joined, tokens, letters) else _LATIN_OTHER
    return "other"


def _kazakh_latin(sample: str, tokens: list[str], letters: int) -> bool:
    """Kazakh in Latin letters: its function words, and q (for қ) or the alphabet's marked
    letters, which Turkish and Polish share only in part."""
    kazakh = sum(map(KK_LATIN_STOPWORDS.__contains__, tokens))
    marked = sum(map(sample.lower().count, "qáǵńóúıýäğñöüş"))
    return kazakh >= 0.04 * max(len(tokens), 1) and marked >= 0.02 * letters


def _first_text_line(text: str) -> int:
    """Where the first long line of running text starts (spaces under a quarter), else 0."""
    position = 0
    while (found := _LONG_LINE.search(text, position)) is not None:
        end = text.find("\n", found.start())
        end = len(text) if end < 0 else end
        if text.count(" ", found.start(), end) * 4 < end - found.start():
            return found.start()
        position = end
    return 0


def _cyrillic_language(sample: str, tokens: list[str], cyrillic: int) -> str:
    """Kazakh by its own letters and function words; a page with plenty of both is ``mixed``."""
    kk_letter_share = sum(map(sample.count, KAZAKH_LETTERS)) / cyrillic
    total = max(len(tokens), 1)
    russian = sum(map(RU_STOPWORDS.__contains__, tokens)) / total
    kazakh = sum(map(KK_STOPWORDS.__contains__, tokens)) / total
    looks_kazakh = kk_letter_share >= 0.02 or kazakh >= 0.04
    if not looks_kazakh:
        return "ru"
    if russian >= 0.08 and (kk_letter_share >= 0.01 or kazakh >= 0.03):
        return "mixed"
    return "kk" if kk_letter_share >= 0.02 else "ru"


def _count_cyrillic(text: str) -> int:
    """Cyrillic letters are exactly the UTF-8 sequences that start with bytes D0-D3 (C speed)."""
    data = text.encode("utf-8", "surrogatepass")
    return sum(map(data.count, (b"\xd0", b"\xd1", b"\xd2", b"\xd3")))
