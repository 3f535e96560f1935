"""Word forms for ``--forms``: light suffix-stripping stemmers for Russian, Kazakh and English.

Dependency-free and fast: a word matches the query when the two share a stem. Russian follows
the Snowball algorithm (endings removed inside the region after the first vowel); Kazakh strips
chains of case, plural and possessive endings, because Kazakh stacks them
(``Астана-да``, ``сайлау-лар-ы-нда``); English loses its inflections only (plural and
possessive, ``-ed``, ``-ing``), not derivations (election is not elect). Each word gets a small
set of candidate stems, so a word matches when any of its stems is one of the query's stems.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from ..errors import CtError

_VOWELS = "аеиоуыэюяё"
_PERFECTIVE_GERUND = (
    re.compile("(?<=[ая])(в|вши|вшись)$"),
    re.compile("(ив|ивши|ившись|ыв|ывши|ывшись)$"),
)
_REFLEXIVE = re.compile("(ся|сь)$")
_ADJECTIVE = "ее|ие|ые|ое|ими|ыми|ей|ий|ый|ой|ем|им|ым|ом|его|ого|ему|ому|их|ых|ую|юю|ая|яя|ою|ею"
_ADJECTIVAL = (
    re.compile(f"(?<=[ая])(ем|нн|вш|ющ|щ)({_ADJECTIVE})$"),
    re.compile(f"(ивш|ывш|ующ)({_ADJECTIVE})$"),
    re.compile(f"({_ADJECTIVE})$"),
)
_VERB = (
    re.compile("(?<=[ая])(ла|на|ете|йте|ли|й|л|ем|н|ло|но|ет|ют|ны|ть|ешь|нно)$"),
    re.compile(
        "(ила|ыла|ена|ейте|уйте|ите|или|ыли|ей|уй|ил|ыл|им|ым|ен|ило|ыло|ено|ят|ует|уют|ит|ыт"
        "|ены|ить|ыть|ишь|ую|ю)$"
    ),
)
_NOUN = re.compile(
    "(иями|ями|ами|ией|иям|ием|иях|ев|ов|ие|ье|еи|ии|ей|ой|ий|ям|ем|ам|ом|ах|ях|ию|ью|ия|ья"
    "|а|е|и|й|о|у|ы|ь|ю|я)$"
)
_DERIVATIONAL = re.compile("(ост|ость)$")
_SUPERLATIVE = re.compile("(ейше|ейш)$")


def _regions(word: str) -> tuple[int, int]:
    """Start of RV (after the first vowel) and of R2, as Snowball defines them."""
    rv = next((i + 1 for i, ch in enumerate(word) if ch in _VOWELS), len(word))
    r1 = _after_vowel_consonant(word, 0)
    return rv, _after_vowel_consonant(word, r1)


def _after_vowel_consonant(word: str, start: int) -> int:
    for i in range(start + 1, len(word)):
        if word[i] not in _VOWELS and word[i - 1] in _VOWELS:
            return i + 1
    return len(word)


def _strip(pattern: re.Pattern[str], word: str, start: int) -> str | None:
    match = pattern.search(word, start)
    return word[: match.start()] if match else None


def russian_stem(word: str) -> str:
    """Snowball Russian stem of a lower-case word (``выборах`` → ``выбор``)."""
    word = word.replace("ё", "е")
    rv, r2 = _regions(word)
    stem = next((s for p in _PERFECTIVE_GERUND if (s := _strip(p, word, rv)) is not None), None)
    if stem is None:
        word = _strip(_REFLEXIVE, word, rv) or word
        for group in (_ADJECTIVAL, _VERB, (_NOUN,)):
            stem = next((s for p in group if (s := _strip(p, word, rv)) is not None), None)
            if stem is not None:
                break
    word = stem if stem is not None else word
    if word.endswith("и") and len(word) > rv:
        word = word[:-1]
    if (s := _strip(_DERIVATIONAL, word, r2)) is not None:
        word = s
    if word.endswith("нн"):
        return word[:-1]
    if (s := _strip(_SUPERLATIVE, word, rv)) is not None:
        word = s[:-1] if s.endswith("нн") else s
    elif word.endswith("ь"):
        word = word[:-1]
    return word


# Kazakh endings (plural, possessive, case), tried longest first.
_KK_ENDINGS = sorted(
    {
        # plural
        *["лар", "лер", "дар", "дер", "тар", "тер"],
        # possessive
        *"ым ім м ың ің ң ы і сы сі мыз міз ымыз іміз ңыз ңіз ыңыз іңіз".split(),  # noqa: SIM905
        # genitive, accusative, dative, locative, ablative, instrumental
        *["ның", "нің", "дың", "дің", "тың", "тің", "ны", "ні", "ды", "ді", "ты", "ті", "н"],
        *["ға", "ге", "қа", "ке", "на", "не", "а", "е"],
        *["да", "де", "та", "те", "нда", "нде"],
        *["дан", "ден", "тан", "тен", "нан", "нен"],
        *["мен", "бен", "пен", "менен", "бенен", "пенен"],
        # "of/in" adjective-forming -дағы and the comparative -дай
        *["дағы", "дегі", "тағы", "тегі", "ндағы", "ндегі", "дай", "дей", "тай", "тей"],
    },
    key=len,
    reverse=True,
)
_KK_MIN_STEM = 3
_KK_MAX_DEPTH = 3
# A final п, к, қ is voiced before an ending that starts with a vowel: мектеп → мектебі,
# жүрек → жүрегі, тарақ → тарағы, кітап → кітабымыз.
_KK_VOICED = {"б": "п", "г": "к", "ғ": "қ"}
_KK_DEVOICED = {plain: voiced for voiced, plain in _KK_VOICED.items()}
_KK_VOWELS = frozenset("аеыіоөұүуәи")


def kazakh_stems(word: str) -> set[str]:
    """Every stem reachable by stripping up to three stacked Kazakh endings (``астанада`` →
    ``астана``, ``астан``), never shorter than three letters.

    A one-letter ending (``-а``, ``-ы``, ``-н`` ...) ends the chain: stripping them repeatedly
    would eat into the root (``астана`` → ``аст``).
    """
    stems: set[str] = set()
    frontier = {word}
    for _ in range(_KK_MAX_DEPTH):
        next_frontier = set()
        for form in frontier:
            for ending in _KK_ENDINGS:
                if not form.endswith(ending) or len(form) - len(ending) < _KK_MIN_STEM:
                    continue
                stem = form[: -len(ending)]
                if ending[0] in _KK_VOWELS and stem[-1] in _KK_VOICED:
                    stems.add(stem[:-1] + _KK_VOICED[stem[-1]])  # мектеб-і → мектеп
                if stem not in stems:
                    stems.add(stem)
                    if len(ending) > 1:
                        next_frontier.add(stem)
        frontier = next_frontier
    return stems


_LATIN_WORD = re.compile(r"[a-z]+(?:['’]s)?")
_DOUBLED = re.compile(r"([bdgkmnprt])\1$")  # stopped → stop; not the ll, ss, zz of fall, pass
_ES_PLURAL = ("sses", "shes", "ches", "xes", "zzes")
_ENGLISH_VOWEL = re.compile("[aeiouy]")


def english_stems(word: str) -> set[str]:
    """Base forms of an English word's inflections: cities → city, boxes → box, Almaty's →
    almaty, stopped → stop, used → use, making → make. A lower-case word; others give nothing."""
    if not _LATIN_WORD.fullmatch(word):
        return set()
    if word.endswith(("'s", "’s")):
        return {word[:-2]}
    if word.endswith("ies") and len(word) > 4:
        return {word[:-3] + "y"}
    if word.endswith(_ES_PLURAL):
        return {word[:-2]}
    if word.endswith("s") and not word.endswith(("ss", "us", "is", "news")) and len(word) > 3:
        return {word[:-1]}
    for ending in ("ed", "ing"):
        stem = word[: -len(ending)]
        if not word.endswith(ending) or not _ENGLISH_VOWEL.search(stem) or word.endswith("eed"):
            continue  # thing, sing, red, need, seed: no inflection there
        if ending == "ed" and stem.endswith("i"):
            return {stem[:-1] + "y"}  # carried → carry
        found = {stem + "e"}  # used → use, making → make
        if len(stem) >= 3:
            found.add(stem)
        if len(stem) >= 4:
            found.add(_DOUBLED.sub(r"\1", stem))  # stopped → stop; added stays add
        return found
    return set()


def stems_of(word: str) -> set[str]:
    """The word itself (lower case), its Russian stem, its Kazakh stems and English base forms."""
    word = word.lower().replace("ё", "е")
    return {word, russian_stem(word), *kazakh_stems(word), *english_stems(word)}


def _prefixes(stems: set[str]) -> set[str]:
    """What every form of a word starts with, for the candidate regex: the stems, and for an
    English base form in -y or -e the form without it (city → citi-es, make → mak-ing)."""
    extra = {stem[:-1] for stem in stems if _LATIN_WORD.fullmatch(stem) and stem[-1:] in "ye"}
    extra |= {voiced for stem in stems if (voiced := _voiced(stem))}
    return stems | {prefix for prefix in extra if len(prefix) >= 2}


def _voiced(stem: str) -> str | None:
    """A Kazakh stem in п, к, қ as its forms with a vowel ending start (мектеп → мектеб-і)."""
    return stem[:-1] + _KK_DEVOICED[stem[-1]] if stem[-1:] in _KK_DEVOICED else None


def _shared_start(words: set[str]) -> str:
    """The longest string every word starts with (that of the first and last in sort order)."""
    low, high = min(words), max(words)
    size = next((i for i, (a, b) in enumerate(zip(low, high, strict=False)) if a != b), len(low))
    return low[:size]


def index_prefixes(word: str) -> list[str]:
    """What the forms of ``word`` start with, for a prefix index (FTS5): its Russian stem and,
    for a stem in п, к, қ, the Kazakh voiced variant (мектеп*: мектебі as well)."""
    stem = russian_stem(word.lower().replace("ё", "е"))
    voiced = _voiced(stem)
    return [stem, voiced] if voiced else [stem]


class FormsMatcher:
    """Find the inflected forms of every query word; a multi-word query matches word by word."""

    ignore_case = True

    def __init__(self, query: str) -> None:
        words = re.findall(r"\w+", query)
        if not words:
            raise CtError("--forms needs at least one word")
        self.query_stems = [stems_of(word) for word in words]
        alternatives = "|".join(
            "(?<!\\w)(?:"
            + "|".join(re.escape(p) for p in sorted(_prefixes(stems), key=len))
            + ")\\w*"
            for stems in self.query_stems
        )
        self._candidates = re.compile(alternatives, re.IGNORECASE)
        self._words = re.compile(r"\w+")
        # Every form starts with what the first word's prefixes share: the raw-bytes pre-filter
        # (not when that has е, which the text may spell ё, or is under two letters).
        first = _shared_start(_prefixes(self.query_stems[0]))
        self.literals = None if "е" in first or len(first) < 2 else [first]

    def spans(self, text: str) -> Iterator[tuple[int, int]]:
        """Spans of query-word sequences whose every word shares a stem with the query word."""
        if len(self.query_stems) == 1:
            stems = self.query_stems[0]
            for match in self._candidates.finditer(text):
                if stems_of(match.group()) & stems:
                    yield match.span()
            return
        words = list(self._words.finditer(text))
        width = len(self.query_stems)
        for i in range(len(words) - width + 1):
            window = words[i : i + width]
            if all(stems_of(w.group()) & s for w, s in zip(window, self.query_stems, strict=True)):
                yield window[0].start(), window[-1].end()
