"""Find person, place and organisation names and give each one canonical form.

A mention is matched in this order, stopping at the first hit:

1. the gazetteer (``corpus_tools/data/gazetteer.json`` plus ``--names`` files), on spelling
   keys that fold Kazakh letters and transliterate Latin (``translit.match_key``), for up to
   four words at a time, with initials in front allowed ("K.-Zh. Tokayev");
2. the same after stripping Russian or Kazakh case endings (Токаеву, Тоқаевқа, Астанада,
   Алматыдағы) or an English possessive;
3. place adjectives listed in the gazetteer (Алматинской → Алматы, flagged ``adjective``);
4. for Russian text, pymorphy3 (loaded on first use): a first name followed by a surname is
   a person even when not in the gazetteer, lemmatised (Кабыша Омарова → Кабыш Омаров);
5. rapidfuzz against single-word gazetteer keys for spelling variants, only at a similarity of
   at least ``FUZZY_CUTOFF`` with the same first letter, length within one and the same
   consonants, so that different people (Омаров / Умаров, Токаев / Токарев) are not merged.
"""

from __future__ import annotations

import itertools
import json
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Any

from ..errors import CtError
from ..lang import EN_STOPWORDS
from .dates import month_number
from .translit import match_key, to_latin

FUZZY_CUTOFF = 92.0
CACHE_LIMIT = 65536
MAX_WORDS = 4

_UPPER = "A-ZА-ЯЁӘҒҚҢӨҰҮҺІ"
_LOWER = "a-zа-яёәғқңөұүһіáóúǵńıýşç"
_WORD = re.compile(rf"[{_UPPER}{_LOWER}][{_UPPER}{_LOWER}’'\-]*")
_CYRILLIC_START = re.compile("[А-ЯЁӘҒҚҢӨҰҮҺІа-яёәғқңөұүһі]")
_VOWELS = re.compile("[aeiouy]")
_INITIALS_AT_END = re.compile(rf"(?:(?<![{_UPPER}{_LOWER}])[{_UPPER}][{_LOWER}]?[.\-]\s?)+$")

_RU_ENDINGS = (
    "ами", "ями", "ого", "ему", "ому", "ыми", "ими", "ой", "ей", "ом", "ем", "ым", "им",
    "ою", "ах", "ях", "у", "ю", "а", "я", "е", "ы", "и",
)  # fmt: skip
_KK_ENDINGS = (
    "ндағы", "ндегі", "дағы", "дегі", "тағы", "тегі", "ның", "нің", "дың", "дің", "тың", "тің",
    "мен", "бен", "пен", "нан", "нен", "дан", "ден", "тан", "тен", "нда", "нде", "ға", "ге",
    "қа", "ке", "на", "не", "да", "де", "та", "те", "ны", "ні", "ды", "ді", "ты", "ті", "сы",
    "сі", "ы", "і",
)  # fmt: skip
_STEM_REPAIRS = ("", "а", "я", "ь", "й", "о")  # Астане → Астан + а; Министерства → …о
_ENDINGS = sorted(set(_RU_ENDINGS + _KK_ENDINGS), key=len, reverse=True)


@dataclass
class Entity:
    canonical: str
    type: str
    aliases: list[str]
    formerly: list[dict[str, Any]] = field(default_factory=list)
    adjectives: list[str] = field(default_factory=list)


@dataclass
class Mention:
    """``text[start:end]`` names ``canonical``; ``flags`` say how it was recognised."""

    text: str
    start: int
    end: int
    canonical: str
    type: str
    confidence: float
    flags: list[str] = field(default_factory=list)

    def as_dict(self) -> dict[str, Any]:
        data: dict[str, Any] = {
            "text": self.text,
            "start": self.start,
            "end": self.end,
            "canonical": self.canonical,
            "type": self.type,
            "confidence": round(self.confidence, 2),
        }
        if self.flags:
            data["flags"] = self.flags
        return data


def load_gazetteer(path: str | Path | None = None) -> list[Entity]:
    """Entities from a gazetteer JSON file (a list of ``{canonical, type, aliases, ...}``)
    or, without a path, the one shipped in the package. ``aliases`` may be a list or a
    ``{lang: [...]}`` dict."""
    try:
        if path is None:
            raw = resources.files("corpus_tools").joinpath("data/gazetteer.json").read_text("utf-8")
        else:
            raw = Path(path).read_text(encoding="utf-8")
        data = json.loads(raw)
    except OSError as exc:
        raise CtError(f"{path}: cannot read names file ({exc.strerror})") from exc
    except ValueError as exc:
        raise CtError(f"{path}: names file is not valid JSON ({exc})") from exc
    if not isinstance(data, list):
        raise CtError(f"{path}: names file must hold a JSON list of entries")
    entities = []
    for number, item in enumerate(data, start=1):
        if not isinstance(item, dict) or not isinstance(item.get("canonical"), str):
            raise CtError(f"{path}: entry {number} has no string 'canonical'")
        aliases = item.get("aliases") or []
        if isinstance(aliases, dict):
            aliases = [name for names in aliases.values() for name in names]
        entities.append(
            Entity(
                canonical=item["canonical"],
                type=str(item.get("type", "person")),
                aliases=[item["canonical"], *aliases],
                formerly=list(item.get("formerly") or []),
                adjectives=[a.lower() for a in item.get("adjectives") or []],
            )
        )
    return entities


def _phrase_key(words: Iterable[str]) -> str:
    return " ".join(match_key(word) for word in words)


class NameMatcher:
    """Find name mentions and map surfaces to canonical forms.

    ``NameMatcher()`` uses the shipped gazetteer; ``NameMatcher(extra=["my_names.json"])`` adds
    user entries (a user entry with the same canonical form adds aliases to it).
    """

    def __init__(
        self, extra: Iterable[str | Path] = (), morphology: bool = True, fuzzy: bool = True
    ) -> None:
        entities: dict[str, Entity] = {}
        for source in [None, *extra]:
            for entity in load_gazetteer(source):
                known = entities.get(entity.canonical)
                if known is None:
                    entities[entity.canonical] = entity
                else:
                    known.aliases += entity.aliases
                    known.formerly += entity.formerly
                    known.adjectives += entity.adjectives
        self.entities = entities
        self.morphology = morphology
        self.fuzzy = fuzzy
        self._index: dict[str, Entity] = {}
        ambiguous: set[str] = set()
        for entity in entities.values():
            for alias in entity.aliases:
                key = _phrase_key(alias.split())
                other = self._index.get(key)
                if other is not None and other is not entity:
                    ambiguous.add(key)
                self._index[key] = entity
        for key in ambiguous:  # one spelling, two entities: refuse to guess
            del self._index[key]
        self._single_keys = [key for key in self._index if " " not in key and len(key) >= 6]
        self._word_keys = {word for key in self._index for word in key.split()}
        # Lower-case words inside names («Национальный банк», «Ұлттық банк»): a name may go on
        # through them, in any case form («Национального банка»).
        self._inner_keys = {
            match_key(word)
            for entity in entities.values()
            for alias in entity.aliases
            for word in alias.split()[1:]
            if word[:1].islower()
        }
        self._inner_heads = {key[:3] for key in self._inner_keys}
        self._former_keys = {
            _phrase_key(item["name"].split())
            for entity in entities.values()
            for item in entity.formerly
            if isinstance(item.get("name"), str)
        }
        # Adjective stems (longest first) by their first letter: a word is tried only against
        # the stems it could start with.
        self._adjectives: dict[str, list[tuple[str, Entity]]] = {}
        for stem, entity in sorted(
            ((stem.lower(), e) for e in entities.values() for stem in e.adjectives if stem),
            key=lambda pair: -len(pair[0]),
        ):
            self._adjectives.setdefault(stem[0], []).append((stem, entity))
        # The same stems in lower case, as they stand mid-sentence («в алматинском акимате»):
        # one scan of the text instead of a lookup per lower-case word.
        stems = [stem for pairs in self._adjectives.values() for stem, _ in pairs]
        self._lower_adjectives = (
            re.compile(rf"(?<![\w-])(?:{'|'.join(map(re.escape, stems))})\w+") if stems else None
        )
        self._cache: dict[str, tuple[Entity, float, list[str]] | None] = {}
        self._fuzzy_cache: dict[str, tuple[Entity, float] | None] = {}

    # ------------------------------------------------------------------ public API

    def canonical(self, surface: str) -> str | None:
        """The canonical form of a name as written (any case, script or spelling), or None."""
        if surface.strip() in self.entities:  # «… РК», "Kaspi.kz": canonical, not an alias
            return surface.strip()
        mentions = self.find(surface.strip())
        if len(mentions) == 1 and mentions[0].end - mentions[0].start >= len(surface.strip()) - 1:
            return mentions[0].canonical
        return None

    def variants(self, canonical: str) -> list[str]:
        """Spellings of an entity to search for: its aliases and their Latin romanisations."""
        entity = self.entities.get(canonical)
        if entity is None:
            return []
        seen: dict[str, None] = {}
        for alias in entity.aliases:
            seen[alias] = None
            if re.search("[а-яәғқңөұүһі]", alias, re.IGNORECASE):
                seen[to_latin(alias)] = None
        seen.update({item["name"]: None for item in entity.formerly if "name" in item})
        return list(seen)

    def find(self, text: str) -> list[Mention]:
        """Every name mention in ``text``, left to right, longest match first."""
        words = [(m.start(), m.end(), m.group()) for m in _WORD.finditer(text)]
        mentions: list[Mention] = []
        position = 0
        while position < len(words):
            word = words[position][2]
            if not word[0].isupper():
                position += 1
                continue
            found = self._match_at(text, words, position)
            if found is None:
                position += 1
                continue
            mention, used = found
            prefix = _initials_before(text, mention.start)
            if prefix is not None and mention.type == "person":
                mention.text = text[prefix : mention.end]
                mention.start = prefix
            mentions.append(mention)
            position += used
        if self._lower_adjectives is not None:
            mentions = sorted(mentions + self._lower_adjective_mentions(text), key=_start)
        return _link_surnames(mentions)

    def _lower_adjective_mentions(self, text: str) -> list[Mention]:
        """Place adjectives in lower case («алматинском»), never before a region word («…
        области» names the region) and never a word that is not an adjective of that stem."""
        found = []
        for match in self._lower_adjectives.finditer(text):
            word = match.group()
            entity = self._adjective(word)
            following = _NEXT_WORD.match(text, match.end())
            if entity is None or (following and following.group(1) in _REGION_WORDS):
                continue
            start, end = match.span()
            found.append(Mention(word, start, end, entity.canonical, "place", 0.8, ["adjective"]))
        return found

    # ------------------------------------------------------------------ matching

    def _match_at(
        self, text: str, words: list[tuple[int, int, str]], position: int
    ) -> tuple[Mention, int] | None:
        # A name of several words has every word capitalised (or a «де»): try no longer spans.
        longest, limit = 1, min(MAX_WORDS, len(words) - position)
        while longest < limit and self._may_continue(words[position + longest][2]):
            longest += 1
        for count in range(longest, 0, -1):
            span = words[position : position + count]
            if not _adjacent(text, span):
                continue
            if count == 1 and len(span[0][2]) < 3 and not span[0][2].isupper():
                continue  # «Им», «Он» at a sentence start are pronouns, not «ІІМ» or «ОН»
            start, end = span[0][0], span[-1][1]
            hit = self._lookup(tuple(w[2] for w in span))
            if hit is not None and _named_after_place(hit[0], text, words, position + count):
                hit = None
            if hit is not None:
                entity, confidence, flags = hit
                mention = Mention(
                    text[start:end], start, end, entity.canonical, entity.type, confidence, [*flags]
                )
                return mention, count
        word = words[position][2]
        adjective = self._adjective(word)
        if adjective is not None and not _named_after_place(adjective, text, words, position + 1):
            start, end = words[position][:2]
            return Mention(word, start, end, adjective.canonical, "place", 0.8, ["adjective"]), 1
        if self.morphology and position + 1 < len(words):
            person = self._new_person(text, words, position)
            if person is not None:
                return person, 2
        if position + 1 < len(words) and _adjacent(text, words[position : position + 2]):
            person = _latin_person(word, words[position + 1][2])
            if person is not None and self._lookup((word,)) is None:
                start, end = words[position][0], words[position + 1][1]
                return Mention(text[start:end], start, end, person, "person", 0.6, ["suffix"]), 2
        if self.morphology and _is_cyrillic(word):
            surname = _surname_alone(word)
            if surname is not None:
                start, end = words[position][:2]
                return Mention(word, start, end, surname, "person", 0.6, ["surname"]), 1
        if self.fuzzy:
            hit = self._fuzzy(word)
            if hit is not None and not _named_after_place(hit[0], text, words, position + 1):
                start, end = words[position][:2]
                entity, score = hit
                mention = Mention(word, start, end, entity.canonical, entity.type, score, ["fuzzy"])
                return mention, 1
        return None

    def _may_continue(self, word: str) -> bool:
        if _may_continue_name(word):
            return True
        if not word[:1].islower() or match_key(word)[:3] not in self._inner_heads:
            return False  # most words: one cached key, no endings tried
        return any(match_key(form) in self._inner_keys for form in [word, *_stems(word)])

    def _lookup(self, words: tuple[str, ...]) -> tuple[Entity, float, list[str]] | None:
        """Gazetteer hit for these words as written, with endings off, or as pymorphy3 lemmas;
        flags say which (``inflected``) and whether the name is a former one (Нур-Султан)."""
        key = " ".join(words)
        if key in self._cache:
            return self._cache[key]
        candidates: list[tuple[tuple[str, ...], float, list[str]]] = [(words, 1.0, [])]
        candidates += [
            (stems, 0.95, ["inflected"]) for stems in _stem_combinations(words, self._word_keys)
        ]
        region = _region_nominative(words)
        if region is not None:
            candidates.append((region, 0.95, ["inflected"]))
        if self.morphology and _is_cyrillic(words[-1]):
            candidates.append((tuple(_lemma(word) for word in words), 0.9, ["inflected"]))
        found: tuple[Entity, float, list[str]] | None = None
        for forms, confidence, flags in candidates:
            phrase = _phrase_key(forms)
            entity = self._index.get(phrase)
            if entity is not None:
                former = ["former_name"] if phrase in self._former_keys else []
                found = (entity, confidence, flags + former)
                break
        if len(self._cache) >= CACHE_LIMIT:  # bounded memory on endless streams
            self._cache.clear()
        self._cache[key] = found
        return found

    def _adjective(self, word: str) -> Entity | None:
        low = word.lower()
        for stem, entity in self._adjectives.get(low[:1], ()):
            if low.startswith(stem) and len(low) > len(stem):
                return entity
        return None

    def _new_person(
        self, text: str, words: list[tuple[int, int, str]], position: int
    ) -> Mention | None:
        """«Кабыша Омарова» → Кабыш Омаров: a first name then a surname, by pymorphy3."""
        (start, _, first), (_, end, last) = words[position], words[position + 1]
        if not (
            last[0].isupper()
            and _is_cyrillic(first)
            and _adjacent(text, words[position : position + 2])
        ):
            return None
        lemma = _person_lemma(first, last)
        if lemma is None:
            return None
        return Mention(text[start:end], start, end, lemma, "person", 0.7, ["morphology"])

    def _fuzzy(self, word: str) -> tuple[Entity, float] | None:
        if len(word) < 6:
            return None
        key = match_key(word)
        if key in self._fuzzy_cache:
            return self._fuzzy_cache[key]
        from rapidfuzz import fuzz, process

        found = None
        best = process.extractOne(
            key, self._single_keys, scorer=fuzz.ratio, score_cutoff=FUZZY_CUTOFF
        )
        if best is not None:
            candidate = best[0]
            same_consonants = _consonants(candidate) == _consonants(key)
            if candidate[0] == key[0] and abs(len(candidate) - len(key)) <= 1 and same_consonants:
                found = (self._index[candidate], round(best[1] / 100 * 0.8, 2))
        if len(self._fuzzy_cache) >= CACHE_LIMIT:
            self._fuzzy_cache.clear()
        self._fuzzy_cache[key] = found
        return found


def _link_surnames(mentions: list[Mention]) -> list[Mention]:
    """A lone surname found by morphology («Медведев») takes the full name the same text
    gives elsewhere («Дмитрий Медведев»), when exactly one full name ends with it."""
    full_names: dict[str, set[str]] = {}
    for mention in mentions:
        if mention.type == "person" and " " in mention.canonical:
            full_names.setdefault(mention.canonical.split()[-1], set()).add(mention.canonical)
    for mention in mentions:
        candidates = full_names.get(mention.canonical, set())
        if "surname" in mention.flags and len(candidates) == 1:
            mention.canonical = next(iter(candidates))
    return mentions


def _consonants(key: str) -> str:
    """Spelling variants differ in vowels; different surnames (Токаев/Токарев) in consonants."""
    return _VOWELS.sub("", key)


# Lower-case words that go on a place's name: «Жамбылская область», «Алматы облысында»,
# "Almaty region". A region or district the gazetteer lacks is not the place it is named after
# («в Алматинском районе», «Алматы ауданында»: districts of Astana).
_REGION_WORDS = frozenset(
    [
        "область",
        "области",
        "областью",
        "облысы",
        "облысының",
        "облысында",
        "облысына",
        "облысынан",
        "облысындағы",
        "облысын",
        "облысымен",
        "region",
        "oblast",
        "район",
        "района",
        "районе",
        "районом",
        "ауданы",
        "ауданында",
        "ауданының",
        "district",
    ]
)

_NEXT_WORD = re.compile(r"\s+(\w+)")


def _start(mention: Mention) -> int:
    return mention.start


# «Алматинской области» → «Алматинская область»: the region's adjective in the nominative.
_REGION_CASES = frozenset({"области", "областью"})
_FEMININE_ADJECTIVE_CASE = re.compile(r"(?:ой|ою|ую)$")


def _may_continue_name(word: str) -> bool:
    return word[0].isupper() or word in ("де", "de") or word in _REGION_WORDS


def _region_nominative(words: tuple[str, ...]) -> tuple[str, ...] | None:
    """«Жамбылской области» as «Жамбылская область»; None for other phrases."""
    if len(words) != 2 or words[1] not in _REGION_CASES:
        return None
    adjective, count = _FEMININE_ADJECTIVE_CASE.subn("ая", words[0])
    return (adjective, "область") if count else None


def _adjacent(text: str, span: list[tuple[int, int, str]]) -> bool:
    """Words of one name are separated by spaces only (not commas, full stops or lines)."""
    return all(
        text[a[1] : b[0]].strip(" \u00a0") == "" and "\n" not in text[a[1] : b[0]]
        for a, b in itertools.pairwise(span)
    )


# Russian patronymics in any case (Абишевич, Абишевича, Сергеевной) and Kazakh ones (Әбішұлы,
# Abishuly, Нұрланқызы), as they follow a first name.
_PATRONYMIC = re.compile(
    r"(?:[оеё]вич|ьич|ич)(?:а|у|ем|е)?$|(?:[оеё]вн|ичн|иничн)(?:а|ы|е|у|ой|ою)$"
    r"|(?:ұлы|улы|қызы|кызы|uly|kyzy|qyzy|ovich|evich|ovna|evna)$"
)


def _named_after_place(
    entity: Entity, text: str, words: list[tuple[int, int, str]], index: int
) -> bool:
    """A place's name followed at ``words[index]`` by a region or district word (a region the
    gazetteer lacks: «Алматы ауданы») or by a patronymic or surname (a person's first name:
    «Нурсултан Абишевич», not the city once called Nursultan; the poet «Жамбыл Жабаев») is not
    the place."""
    if entity.type != "place" or index >= len(words):
        return False
    word = words[index][2]
    if word in _REGION_WORDS:
        return True
    if not word[0].isupper() or not _adjacent(text, words[index - 1 : index + 1]):
        return False
    return bool(
        _PATRONYMIC.search(word.lower())
        or _SURNAME_FORM.match(word)
        or _KAZAKH_CASED_SURNAME.match(word)
    )


def _initials_before(text: str, start: int) -> int | None:
    """Where initials written before a surname begin ("K. Tokayev", "К.-Ж.К. Токаев")."""
    window = text[max(0, start - 12) : start]
    match = _INITIALS_AT_END.search(window)
    if match is None:
        return None
    return start - len(window) + match.start()


def _is_cyrillic(word: str) -> bool:
    return _CYRILLIC_START.match(word) is not None


def _stems(word: str) -> list[str]:
    """Candidate base forms of one word: case endings off, possessive off."""
    if word.endswith(("'s", "’s")):
        return [word[:-2]]
    low = word.lower()
    found = []
    for ending in _ENDINGS:
        if low.endswith(ending) and len(low) - len(ending) >= 3:
            stem = word[: -len(ending)]
            found.extend(stem + repair for repair in _STEM_REPAIRS)
    return found


def _stem_combinations(words: tuple[str, ...], known: set[str]) -> Iterable[tuple[str, ...]]:
    """Every word as written or with a case ending off (Шарлю де Голлю, Кабыша Омарова),
    keeping only forms whose spelling key occurs in some gazetteer name (``known``)."""
    options = []
    for word in words:
        forms = [form for form in dict.fromkeys([word, *_stems(word)]) if match_key(form) in known]
        if not forms:
            return
        options.append(forms)
    yield from itertools.product(*options)


@lru_cache(maxsize=1)
def _morph():
    import pymorphy3

    return pymorphy3.MorphAnalyzer(lang="ru")


@lru_cache(maxsize=65536)
def _lemma(word: str) -> str:
    """pymorphy3's normal form for a name-like parse, in the word's capitalisation."""
    for parse in _morph().parse(word)[:3]:
        if {"Name", "Surn", "Geox"} & set(parse.tag.grammemes):
            return _like(word, parse.normal_form)
    return word


@lru_cache(maxsize=65536)
def _person_lemma(first: str, last: str) -> str | None:
    morph = _morph()
    for name in morph.parse(first)[:4]:
        if "Name" not in name.tag or name.score < 0.05:
            continue
        for surname in morph.parse(last)[:4]:
            if "Surn" not in surname.tag or surname.tag.case != name.tag.case:
                continue
            name_gender, surname_gender = _grammeme(name.tag.gender), _grammeme(surname.tag.gender)
            if surname_gender and name_gender and surname_gender != name_gender:
                continue
            wanted = {"sing", "nomn"}
            base_name = name.inflect(wanted)
            base_surname = surname.inflect(wanted | ({name_gender} - {""}))
            if base_name is None or base_surname is None:
                continue
            return f"{_like(first, base_name.word)} {_like(last, base_surname.word)}"
        if _INDECLINABLE_SURNAME.search(last) and name.score >= 0.3:
            base_name = name.inflect({"sing", "nomn"})
            if base_name is not None:
                return f"{_like(first, base_name.word)} {last}"
    return _person_by_suffix(first, last)


# A Russian-style surname by its suffix, in the forms whose case and gender are plain: the
# masculine nominative (Жапаров) and the feminine oblique (Сапаровой: of/to/by Сапарова).
# pymorphy3 guesses such surnames badly when it does not know them (Жапаров as a plural noun).
_SURNAME_FORM = re.compile(
    "^(?P<stem>[А-ЯЁӘҒҚҢӨҰҮҺІ][а-яёәғқңөұүһі]+(?:ов|ев|ёв|ин|ын))(?P<ending>|ой)$"
)


def _person_by_suffix(first: str, last: str) -> str | None:
    """«Ерлан Жандосов», «Айгерим Сапаровой» → Айгерим Сапарова, «Айбек Сейітовтің» → Айбек
    Сейітов: a surname known by its suffix after a word that may be a given name (pymorphy3
    knows many Kazakh ones as names and the rest not at all; a common word such as
    «Президент», «Вчера» it knows well)."""
    kazakh = _KAZAKH_CASED_SURNAME.match(last)  # «Айбек Сейітовтің»: only the surname declines
    if kazakh and len(first) >= 3 and _may_be_given_name(first):
        return f"{first} {kazakh.group('stem')}"
    surname = _SURNAME_FORM.match(last)
    if surname is None or len(first) < 3 or not _may_be_given_name(first):
        return None
    if not surname.group("ending"):
        return f"{first} {surname.group('stem')}"
    for parse in _morph().parse(first)[:3]:  # a feminine surname: the name's nominative
        if "Name" in parse.tag and _grammeme(parse.tag.gender) == "femn":
            base = parse.inflect({"sing", "nomn"})
            return f"{_like(first, base.word if base else first)} {surname.group('stem')}а"
    return None


# A romanised surname of the region ("Zheldibay", "Kuantyrov", "Tazhibayeva", "Lukashenko",
# "Momyshuly") after a capitalised word that is no title, place or function word: "Ruslan
# Zheldibay". English does not decline, so the name is canonical as written (without "'s").
# Not "-in" (Karin, Putin): English words end so too ("Chest Pain", "Therapeutics Bulletin").
_LATIN_SURNAME = re.compile(
    r"^[A-Z][a-z]+(?:ov|ev|ova|eva|bay|bai|bayev|bayeva|uly|kyzy|qyzy|enko|skiy|sky|"
    r"skaya|yan|shvili|dze)(?:['’]s)?$"
)
_LATIN_GIVEN_NAME = re.compile(r"^[A-Z][a-z]{2,}$")
_POSSESSIVE = re.compile(r"['’]s$")
# Titles, place words and weekdays a name never starts with (function words and months are
# checked with EN_STOPWORDS and month_number).
_NOT_GIVEN_NAMES = frozenset(
    {
        "mr", "mrs", "ms", "dr", "prof", "sir", "president", "minister", "prime", "deputy", "vice",
        "akim", "mayor", "governor", "ambassador", "senator", "chairman", "chairwoman", "chair",
        "head", "director", "general", "chief", "secretary", "spokesman", "spokeswoman",
        "spokesperson", "speaker", "premier", "king", "queen", "prince", "princess", "saint", "st",
        "lake", "mount", "cape", "port", "fort", "new", "old", "east", "west", "north", "south",
        "central", "upper", "lower", "great", "greater", "little", "grand", "red", "black", "white",
        "blue", "green", "holy", "according", "citizen", "citizens", "resident", "residents",
        "colonel", "captain", "lieutenant", "sergeant", "major", "commander", "professor", "doctor",
        "judge", "lawyer", "officer", "monday", "tuesday", "wednesday", "thursday", "friday",
        "saturday", "sunday"
    }
)  # fmt: skip


def _latin_person(first: str, last: str) -> str | None:
    """ "Ruslan Zheldibay" as written, or None when these two words are no such name."""
    if not (_LATIN_SURNAME.match(last) and _LATIN_GIVEN_NAME.match(first)):
        return None
    lower = first.lower()
    if lower in _NOT_GIVEN_NAMES or lower in EN_STOPWORDS or month_number(lower) is not None:
        return None
    return f"{first} {_POSSESSIVE.sub('', last)}"


def _may_be_given_name(word: str) -> bool:
    parses = _morph().parse(word)[:3]
    if any("Name" in parse.tag for parse in parses):
        return True
    best = parses[0]
    return best.score < 0.4 and not {"Geox", "Orgn", "Surn"} & set(best.tag.grammemes)


# Surnames that do not decline (Тимошенко, Пашинян, Саакашвили) or that pymorphy3 misses.
_INDECLINABLE_SURNAME = re.compile("(?:енко|ко|ук|юк|ян|швили|дзе|ых|их)$")
# A Kazakh case ending on a Russian-style surname: Бәрпібаевтың, Омаровқа, Сейітовпен.
_KAZAKH_CASED_SURNAME = re.compile(
    "^(?P<stem>[А-ЯЁӘҒҚҢӨҰҮҺІ][а-яёәғқңөұүһі]+(?:ов|ев|ин|ова|ева|ина))"
    "(?:тың|тің|ның|нің|қа|ке|ға|ге|пен|бен|мен|та|те|да|де|ты|ті|ны|ні|тан|тен|нан|нен)$"
)


@lru_cache(maxsize=65536)
def _surname_alone(word: str) -> str | None:
    """A lone surname: Kazakh-cased (Бәрпібаевтың → Бәрпібаев) or one pymorphy3 knows as a
    surname with good confidence (Удальцов, Кузнецова → Кузнецова)."""
    kazakh = _KAZAKH_CASED_SURNAME.match(word)
    if kazakh:
        return kazakh.group("stem")
    for parse in _morph().parse(word)[:2]:
        if "Surn" in parse.tag and parse.score >= 0.3:
            base = parse.inflect({"sing", "nomn"} | ({_grammeme(parse.tag.gender)} - {""}))
            return _like(word, base.word) if base is not None else None
    return None


def _grammeme(value: object) -> str:
    """A pymorphy3 grammeme as a plain string ("" for none); its objects refuse ``==`` with
    grammemes of another attribute."""
    return "" if value is None else str(value)


def _like(original: str, lower: str) -> str:
    """Give ``lower`` the capitalisation of ``original`` (hyphenated parts too); ё is written е,
    as news sites mostly do, so that Пётр and Петр are one canonical form."""
    lower = lower.replace("ё", "е")
    if not original[:1].isupper():
        return lower
    return "-".join(part.capitalize() for part in lower.split("-"))


def variants(canonical: str) -> list[str]:
    """Spellings of a shipped-gazetteer entity (see ``NameMatcher.variants``)."""
    return _default_matcher().variants(canonical)


@lru_cache(maxsize=1)
def _default_matcher() -> NameMatcher:
    return NameMatcher()
