"""Name variants for ``--name``: one entity, however a news site spelled or declined it.

«Токаев» should find «Тоқаев» (Kazakh letters), "Tokayev"/"Tokaev" (Latin transliterations) and
«Токаеву», «Тоқаевқа» (Russian and Kazakh case endings). The text is folded letter for letter
(Kazakh-specific letters to their Russian look-alikes, lower case), which keeps offsets, and one
regex of stem variants plus endings runs over it.

``aliases`` is the hook for ``ct normalize``'s gazetteer: once it lands, the names it ties to one
entity are passed here and matched the same way.
"""

from __future__ import annotations

import itertools
import math
import re
from collections.abc import Iterable, Iterator

from ..errors import CtError
from ..lang import KAZAKH_LETTERS, RUSSIAN_LOOKALIKES

MAX_SPELLINGS = 16  # Latin spellings of one word the raw pre-filter looks for
_FOLD = dict(zip(KAZAKH_LETTERS + "ёЁ", RUSSIAN_LOOKALIKES + "еЕ", strict=True))
_FOLDABLE = re.compile(f"[{''.join(_FOLD)}]")
_UNFOLD: dict[str, str] = {}
for _original, _folded in _FOLD.items():
    if _original.islower():
        _UNFOLD[_folded] = _UNFOLD.get(_folded, "") + _original


def fold(text: str) -> str:
    """Kazakh letters to Russian look-alikes and ё to е, character for character (offsets hold).
    A regex finds the few letters to change: 15x faster than ``str.translate``, which looks up
    every character of the text in a dict."""
    return _FOLDABLE.sub(_fold_letter, text)


def _fold_letter(match: re.Match[str]) -> str:
    return _FOLD[match.group()]


# Cyrillic (already folded) to the Latin spellings news sites use.
_TO_LATIN: dict[str, tuple[str, ...]] = {
    "а": ("a",), "б": ("b",), "в": ("v",), "г": ("g", "gh"), "д": ("d",), "е": ("e", "ye"),
    "ж": ("zh", "j"), "з": ("z",), "и": ("i", "y"), "й": ("y", "i", ""), "к": ("k", "q"),
    "л": ("l",), "м": ("m",), "н": ("n", "ng"), "о": ("o",), "п": ("p",), "р": ("r",),
    "с": ("s",), "т": ("t",), "у": ("u",), "ф": ("f",), "х": ("kh", "h"), "ц": ("ts", "c"),
    "ч": ("ch",), "ш": ("sh",), "щ": ("shch", "sch"), "ъ": ("",), "ы": ("y", "i"), "ь": ("",),
    "э": ("e",), "ю": ("yu", "iu"), "я": ("ya", "ia"),
}  # fmt: skip

# Latin to Cyrillic, longest digraphs first; "y" between a vowel and a vowel is й (Tokayev).
_FROM_LATIN = [
    ("shch", "щ"), ("zh", "ж"), ("kh", "х"), ("ts", "ц"), ("ch", "ч"), ("sh", "ш"),
    ("yu", "ю"), ("ya", "я"), ("yo", "е"), ("ye", "е"), ("a", "а"), ("b", "б"), ("c", "ц"),
    ("d", "д"), ("e", "е"), ("f", "ф"), ("g", "г"), ("h", "х"), ("i", "и"), ("j", "ж"),
    ("k", "к"), ("l", "л"), ("m", "м"), ("n", "н"), ("o", "о"), ("p", "п"), ("q", "к"),
    ("r", "р"), ("s", "с"), ("t", "т"), ("u", "у"), ("v", "в"), ("w", "у"), ("x", "кс"),
    ("y", "ы"), ("z", "з"),
]  # fmt: skip

# Endings after a surname stem, on folded text: Russian cases, then Kazakh (folded: қ→к ...).
_CYRILLIC_ENDINGS = (  # noqa: SIM905 - a word list reads better as one string
    "а у ом ым е ой ою ы ых ыми "
    "ка ке га ге тын тин дын дин нын нин ты ти ды ди ны ни та те да де тан тен дан ден нан нен "
    "пен бен мен тар тер лар лер"
).split()
_LATIN_ENDINGS = ["a", "u", "om", "ym", "e", "'s", "’s", "s"]


def cyrillic_from_latin(word: str) -> str:
    word = word.lower()
    out, i = [], 0
    while i < len(word):
        for latin, cyrillic in _FROM_LATIN:
            if word.startswith(latin, i):
                out.append(cyrillic)
                i += len(latin)
                break
        else:
            out.append(word[i])
            i += 1
    return "".join(out)


def _latin_options(cyrillic: str) -> list[tuple[str, ...]]:
    """The Latin spellings of each letter of a folded Cyrillic word (е after a vowel: ye)."""
    options = []
    for i, ch in enumerate(cyrillic):
        if ch == "е" and i > 0 and cyrillic[i - 1] in "аеиоуыэюя":
            options.append(("ye", "e", "ie"))
        else:
            options.append(_TO_LATIN.get(ch, (ch,)))
    return options


def _latin_pattern(cyrillic: str) -> str:
    """A regex for every Latin spelling of a folded Cyrillic word (``токаев`` → tokaev, tokayev)."""
    parts = []
    for options in _latin_options(cyrillic):
        escaped = sorted(map(re.escape, options), key=len, reverse=True)
        parts.append(escaped[0] if len(escaped) == 1 else "(?:" + "|".join(escaped) + ")")
    return "".join(parts)


def _latin_literals(cyrillic: str) -> tuple[list[str], list[tuple[str, str]]]:
    """Strings every Latin spelling of the word holds one of, for the raw pre-filter, and the
    ``(letter, alternative)`` pairs of letters spelled alike in length (``k``/``q``), which the
    pre-filter takes as variants of each other. Letters spelled in several lengths (е: e, ye)
    multiply the strings; past MAX_SPELLINGS, the longest run without such letters is used."""
    options = _latin_options(cyrillic)
    pairs = [
        (letter, other)
        for spellings in options
        if len({len(s) for s in spellings}) == 1
        for alternative in spellings[1:]
        for letter, other in zip(spellings[0], alternative, strict=True)
        if letter != other
    ]
    choices = [s if len({len(x) for x in s}) > 1 else s[:1] for s in options]
    if math.prod(map(len, choices)) <= MAX_SPELLINGS:
        return ["".join(combo) for combo in itertools.product(*choices)], pairs
    best: list[str] = []
    run: list[str] = []
    for spellings in choices:
        run = [*run, spellings[0]] if len(spellings) == 1 else []
        if len("".join(run)) > len("".join(best)):
            best = run
    return ["".join(best)], pairs


def _stem(word: str) -> str:
    """Drop a Russian case ending from a query given in an oblique case (``Токаеву``)."""
    for ending in ("ым", "ом", "у", "е"):
        if word.endswith(ending) and len(word) - len(ending) >= 4:
            return word[: -len(ending)]
    return word


def _cyrillic_stem(word: str) -> str:
    folded = fold(word.lower())
    cyrillic = cyrillic_from_latin(folded) if re.fullmatch(r"[a-z'’\-]+", folded) else folded
    return _stem(cyrillic)


_LATIN_WORD = re.compile(r"[a-z'’\-]+")
_LATIN_ENDING = "(?:" + "|".join(map(re.escape, _LATIN_ENDINGS)) + ")?"


def _word_variants(word: str) -> str:
    stem = _cyrillic_stem(word)
    cyr = re.escape(stem) + "(?:" + "|".join(_CYRILLIC_ENDINGS) + ")?"
    alternatives = [cyr]
    if re.fullmatch(r"[а-я\-]+", stem):
        alternatives.append(_latin_pattern(stem) + _LATIN_ENDING)
    if _LATIN_WORD.fullmatch(word.lower()):  # as written too: "Xi" is no spelling of «кси»
        alternatives.append(re.escape(word.lower()) + _LATIN_ENDING)
    return "(?:" + "|".join(alternatives) + ")"


def gazetteer_aliases(name: str) -> list[str]:
    """Every spelling ``ct normalize``'s gazetteer ties to the entity ``name`` refers to
    («Нур-Султан» → «Астана», "Astana", "Nur-Sultan" ...); empty for an unknown name."""
    from ..normalize.names import NameMatcher, variants

    canonical = NameMatcher(morphology=False).canonical(name)
    return variants(canonical) if canonical else []


def name_pattern(name: str, aliases: Iterable[str] = ()) -> re.Pattern[str]:
    """One case-insensitive regex over folded text for the name and every alias."""
    branches = []
    for variant in (name, *aliases):
        words = re.findall(r"[\w'’]+", variant)
        if words:
            branches.append(r"[\s\-.]+".join(_word_variants(w) for w in words))
    if not branches:
        raise CtError("--name needs a name")
    return re.compile(r"(?<!\w)(?:" + "|".join(branches) + r")(?!\w)", re.IGNORECASE)


def name_literals(name: str, aliases: Iterable[str] = ()) -> tuple[list[str], dict[str, set[str]]]:
    """What the raw, unfolded text of every match holds, for the raw pre-filter: the stem of one
    word of each variant, each letter in any case or Kazakh form (к: К қ Қ), or one of its
    Latin spellings (``_latin_literals``). Every word must match, so any word will do; the one
    chosen has the fewest spellings and is long («Султан», not the «Нур» of «Нур-Султан», nor
    the «К» of «К. Токаев»). Returns the literals and the other letters each letter may be,
    beyond its cases."""
    literals: set[str] = set()
    variants: dict[str, set[str]] = {}
    for variant in (name, *aliases):
        words = re.findall(r"[\w'’]+", variant)
        if not words:
            continue
        stem, spellings, pairs = min(map(_word_literals, words), key=_selectivity)
        literals.add(stem)
        literals.update(spellings)
        for ch in stem:
            variants.setdefault(ch, set()).update(_UNFOLD.get(ch, ""))
        for letter, other in pairs:
            variants.setdefault(letter, set()).add(other)
    return sorted(literals), {ch: others for ch, others in variants.items() if others}


def _word_literals(word: str) -> tuple[str, list[str], list[tuple[str, str]]]:
    """A word's Cyrillic stem, its Latin spellings and their letter pairs."""
    stem = _cyrillic_stem(word)
    as_written = [word.lower()] if _LATIN_WORD.fullmatch(word.lower()) else []
    if re.fullmatch(r"[а-я\-]+", stem):
        spellings, pairs = _latin_literals(stem)
        return stem, sorted({*spellings, *as_written}), pairs
    return stem, as_written, []


def _selectivity(found: tuple[str, list[str], list[tuple[str, str]]]) -> tuple[bool, int, int]:
    """Sort key: long enough to be rare, then few spellings, then longer."""
    stem, spellings, _pairs = found
    return len(stem) < 5, len(spellings), -len(stem)


class NameMatcher:
    """Spans of every variant of a name; search runs on folded text, spans index the original."""

    ignore_case = True

    def __init__(self, name: str, aliases: Iterable[str] = ()) -> None:
        self.pattern = name_pattern(name, aliases)
        self.literals, self.variants = name_literals(name, aliases)

    def spans(self, text: str) -> Iterator[tuple[int, int]]:
        for match in self.pattern.finditer(fold(text)):
            yield match.span()
