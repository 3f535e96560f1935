"""Find date expressions in ru/kk/en text and normalise them to ISO 8601, keeping precision.

One compiled scanner regex, built from month, weekday and season words (Russian in every case,
Kazakh with its case endings, English), walks the text once; each match is then validated
(day fits the month, year is plausible) and turned into a value. Numbers that merely look like
dates (scores «3:1», bare times, "1,2 км", phone numbers, view counters, "1500 человек") never
match, because every pattern needs a month word, a full numeric date, or a year word beside a
four-digit year.
"""

from __future__ import annotations

import bisect
import calendar
import heapq
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from typing import Any

# --------------------------------------------------------------------------- word data

_RU_MONTHS = [
    ("январ", "ь|я|е|ю|ём|ем"),
    ("феврал", "ь|я|е|ю|ём|ем"),
    ("март", "|а|е|у|ом"),
    ("апрел", "ь|я|е|ю|ем"),
    ("ма", "й|я|е|ю|ем"),
    ("июн", "ь|я|е|ю|ем"),
    ("июл", "ь|я|е|ю|ем"),
    ("август", "|а|е|у|ом"),
    ("сентябр", "ь|я|е|ю|ём|ем"),
    ("октябр", "ь|я|е|ю|ём|ем"),
    ("ноябр", "ь|я|е|ю|ём|ем"),
    ("декабр", "ь|я|е|ю|ём|ем"),
]
_RU_ABBR = ["янв", "фев", "мар", "апр", "", "июн", "июл", "авг", "сен", "окт", "ноя", "дек"]
_KK_MONTHS = [
    "қаңтар",
    "ақпан",
    "наурыз",
    "сәуір",
    "мамыр",
    "маусым",
    "шілде",
    "тамыз",
    "қыркүйек",
    "қазан",
    "қараша",
    "желтоқсан",
]
# Kazakh case and derivation endings that follow a month name: locative (қаңтарда), genitive
# (қаңтардың), dative (қаңтарға), ablative (қаңтардан), the -ғы/-гі adjective (қаңтардағы) ...
_KK_ENDINGS = (
    "сындағы|сіндегі|сында|сінде|сының|сінің|сынан|сінен|сына|сіне|"  # қарашасында, шілдесінде
    "ындағы|індегі|ында|інде|ының|інің|ынан|інен|ына|іне|ын|ін|дағы|дегі|тағы|тегі|ндағы|ндегі|да|де|та|те|нда|нде|дың|дің|тың|тің|ның|нің|ға|ге|қа|ке|"
    "на|не|ы|і|сы|сі|дан|ден|тан|тен|нан|нен|ды|ді|ты|ті|ны|ні"
)
# Kazakh in Latin letters: the 2018 alphabet (acute accents), the 2021 one (ñ, ä, ş, ı) and the
# plain spellings news sites type; each takes any case ending (qarashada, jeltoqsannyń).
_KK_LATIN_MONTHS = [
    ("qańtar", "qañtar", "qantar"), ("aqpan",), ("naýryz", "nauryz"), ("sáýir", "säuır", "sauir"),
    ("mamyr",), ("maýsym", "mausym"), ("shilde", "şılde"), ("tamyz",),
    ("qyrkúiek", "qyrküiek", "qyrkuiek", "qyrkuyek"), ("qazan",), ("qarasha", "qaraşa"),
    ("jeltoqsan", "zheltoqsan"),
]  # fmt: skip
_EN_MONTHS = [
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
]
_EN_ABBR = ["jan", "feb", "mar", "apr", "", "jun", "jul", "aug", "sept?", "oct", "nov", "dec"]

_WEEKDAYS = (
    "понедельник|вторник|среда|среду|четверг|пятница|пятницу|суббота|субботу|воскресенье|"
    "дүйсенбі|сейсенбі|сәрсенбі|бейсенбі|жұма|сенбі|жексенбі|"
    "monday|tuesday|wednesday|thursday|friday|saturday|sunday|"
    "пн|вт|ср|чт|пт|сб|вс|mon|tue|wed|thu|fri|sat|sun"
)
_SEASONS = {
    "летом": "summer",
    "зимой": "winter",
    "весной": "spring",
    "осенью": "autumn",
    "жазда": "summer",
    "қыста": "winter",
    "көктемде": "spring",
    "күзде": "autumn",
    "summer": "summer",
    "winter": "winter",
    "spring": "spring",
    "autumn": "autumn",
    "fall": "autumn",
}
# Relative words and their offset in days from the document date.
_RELATIVE = {
    "позавчера": -2,
    "вчера": -1,
    "накануне": -1,
    "сегодня": 0,
    "завтра": 1,
    "послезавтра": 2,
    "бүгін": 0,
    "кеше": -1,
    "ертең": 1,
    "yesterday": -1,
    "today": 0,
    "tomorrow": 1,
}
# Phrases counted from the document date: «три года назад», "a week ago", «бір ай бұрын»,
# «через два дня»; «в прошлом году», "next month", «на этой неделе», «өткен аптада», "last
# Friday»; and the single words «биыл» (this year) and «былтыр» (last year).
_COUNTS = {
    "один": 1, "одну": 1, "два": 2, "две": 2, "три": 3, "четыре": 4, "пять": 5, "шесть": 6,
    "семь": 7, "восемь": 8, "девять": 9, "десять": 10, "двенадцать": 12, "пятнадцать": 15,
    "двадцать": 20, "тридцать": 30, "сорок": 40, "пятьдесят": 50, "сто": 100,
    "a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
    "seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "fifteen": 15,
    "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "hundred": 100,
    "бір": 1, "екі": 2, "үш": 3, "төрт": 4, "бес": 5, "алты": 6, "жеті": 7, "сегіз": 8,
    "тоғыз": 9, "он": 10, "жиырма": 20, "отыз": 30, "қырық": 40, "елу": 50, "жүз": 100,
}  # fmt: skip
# Unit words: the forms that say one unit without a number («год назад») come first.
_UNITS = {
    "day": ("день|сутки|day|күн", "дня|дней|суток|days"),
    "week": ("неделю|week|апта", "недели|недель|weeks"),
    "month": ("месяц|month|ай", "месяца|месяцев|months"),
    "year": ("год|year|жыл", "года|лет|years"),
}
_UNIT_OF = {
    form: unit for unit, (one, many) in _UNITS.items() for form in f"{one}|{many}".split("|")
}
_ONE_UNIT = frozenset(form for one, _ in _UNITS.values() for form in one.split("|"))
# last / this / next, and the unit (or weekday) it applies to, in each language's case.
_DIRECTION = {
    "позапрошлом": -2, "позапрошлой": -2,
    "прошлом": -1, "прошлой": -1, "прошлый": -1, "прошлую": -1, "прошлое": -1,
    "этом": 0, "этой": 0, "этот": 0, "эту": 0, "это": 0, "текущем": 0, "текущей": 0,
    "нынешнем": 0, "позапрошлого": -2, "прошлого": -1, "этого": 0, "текущего": 0,
    "нынешнего": 0, "следующего": 1, "будущего": 1,
    "следующем": 1, "следующей": 1, "следующий": 1, "следующую": 1, "следующее": 1,
    "будущем": 1, "будущей": 1,
    "last": -1, "this": 0, "next": 1,
    "өткен": -1, "осы": 0, "келесі": 1, "алдағы": 1,
}  # fmt: skip
_PERIOD_OF = {
    "году": "year", "месяце": "month", "неделе": "week",
    "года": "year", "месяца": "month", "недели": "week",  # genitive: «прошлого года»
    "year": "year", "month": "month", "week": "week",
    "жылы": "year", "жылда": "year", "жылдың": "year", "айда": "month", "айдың": "month",
    "аптада": "week", "аптаның": "week",
}  # fmt: skip
_WEEKDAY_OF = {
    "понедельник": 0, "вторник": 1, "среду": 2, "четверг": 3, "пятницу": 4, "субботу": 5,
    "воскресенье": 6, "monday": 0, "tuesday": 1, "wednesday": 2, "thursday": 3, "friday": 4,
    "saturday": 5, "sunday": 6,
}  # fmt: skip
_YEAR_WORDS = {"биыл": 0, "былтыр": -1}
# Which part of a month a year-less month names: «в начале декабря», "late November",
# «желтоқсанның соңында»; «в течение декабря» is the whole month.
_MONTH_PART = {
    "начале": "early", "начала": "early", "началу": "early", "середине": "mid",
    "середины": "mid", "конце": "late", "конца": "late", "концу": "late", "течение": None,
    "early": "early", "beginning of": "early", "the beginning of": "early", "start of": "early",
    "the start of": "early", "mid": "mid", "middle of": "mid", "the middle of": "mid",
    "late": "late", "end of": "late", "the end of": "late",
    "басында": "early", "басынан": "early", "ортасында": "mid", "соңында": "late",
    "соңына": "late", "аяғында": "late", "аяғына": "late",
}  # fmt: skip
# Kazakh weekdays in the locative («жұмада»: on Friday); "Friday" and «в пятницу» are above.
_KK_WEEKDAY_AT = {
    "дүйсенбіде": 0, "сейсенбіде": 1, "сәрсенбіде": 2, "бейсенбіде": 3, "жұмада": 4,
    "сенбіде": 5, "жексенбіде": 6,
}  # fmt: skip
_ANY_WEEKDAY = {**_WEEKDAY_OF, **_KK_WEEKDAY_AT}
# A bare weekday is the last one on or before the document date («заявил в пятницу», "said on
# Friday"), or the next one after it when the nearest verb around it speaks of the future
# («Матч состоится в субботу»; but «намерена продать …, сообщила в четверг» is past).
_FUTURE = re.compile(
    r"\b(?:will|'ll|is due|are due|(?:is|are) (?:set|scheduled|expected) to|expects?|plans? to|"
    r"ahead of|in time for|upcoming|предстоит|ожида\w*|собира\w*|"
    r"состо(?:ится|ятся)|пройд[её]т|пройдут|будет|будут|начн[её]т(?:ся)?|откро[её]тся|посетит|"
    r"откроют|запустят|проведут|начнут|завершат|сдадут|представят|вступ(?:ит|ят)|"
    r"планиру\w*|намерен\w*|ожидается|өтеді|болады|басталады|ашылады)\b",
    re.IGNORECASE,
)
_PAST = re.compile(
    r"\b(?:said|told|announced|reported|added|noted|stated|was|were|сообщил\w*|заявил\w*|"
    r"отметил\w*|сказал\w*|рассказал\w*|подчеркнул\w*|прош[её]л|прошл[аио]|состоял\w*|"
    r"был[аио]?|стал[аио]?|өтті|болды|айтты|мәлімдеді|хабарлады)\b",
    re.IGNORECASE,
)
_SENTENCE_EDGE = re.compile(r"[.!?\n]")
_VERB_REACH = 60  # characters either side of a weekday where its verb is looked for
# «в этом году», «на этой неделе», «в прошлую пятницу» need their preposition: «об этом году
# спустя» is no date. The genitive («прошлого года», «этой недели») needs none.
_RU_PREPOSITION = re.compile(r"(?:^|\W)(?:в|во|на)\s+$", re.IGNORECASE)
_RU_AFTER_PREPOSITION = frozenset(
    {"году", "месяце", "неделе", "понедельник", "вторник", "среду", "четверг", "пятницу",
     "субботу", "воскресенье"}
)  # fmt: skip


def _month_table() -> tuple[dict[str, int], str]:
    """Map every month word form (lower case) to its number; also return the regex for them."""
    forms: dict[str, int] = {}
    alternatives: list[str] = []
    for number, (stem, endings) in enumerate(_RU_MONTHS, start=1):
        alternatives.append(f"{stem}(?:{endings})")
        for ending in endings.split("|"):
            forms[stem + ending] = number
    for number, word in enumerate(_KK_MONTHS, start=1):
        alternatives.append(f"{word}(?:{_KK_ENDINGS})?")
        forms[word] = number
    for number, spellings in enumerate(_KK_LATIN_MONTHS, start=1):
        for word in spellings:
            alternatives.append(f"{word}[^\\W\\d_]*")  # any case ending
            forms[word] = number
    for number, word in enumerate(_EN_MONTHS, start=1):
        alternatives.append(word)
        forms[word] = number
    for abbr in _RU_ABBR + _EN_ABBR:
        if abbr:  # with or without the dot ("Jan. 5", "Jan 5, 2024", «5 янв 2024»)
            alternatives.append(f"{abbr}\\.?")
    alternatives.sort(key=len, reverse=True)
    return forms, "|".join(alternatives)


_MONTH_FORMS, _MONTH_RE = _month_table()
_RU_MONTH_WORDS = "|".join(f"{stem}(?:{endings})" for stem, endings in _RU_MONTHS)
_ABBR_NUMBERS = {
    abbr.replace("t?", ""): index % 12 + 1 for index, abbr in enumerate(_RU_ABBR + _EN_ABBR) if abbr
}


def month_number(word: str) -> int | None:
    """The month number of a month word in any case (``января``, ``қаңтарда``, ``Sept.``)."""
    word = word.lower().rstrip(".")
    if word in _MONTH_FORMS:
        return _MONTH_FORMS[word]
    for number, kk in enumerate(_KK_MONTHS, start=1):
        if word.startswith(kk):
            return number
    for number, spellings in enumerate(_KK_LATIN_MONTHS, start=1):
        if word.startswith(spellings):
            return number
    if word in _ABBR_NUMBERS:
        return _ABBR_NUMBERS[word]
    if word.startswith("sep"):
        return 9
    return None


# --------------------------------------------------------------------------- scanner

_L = r"[^\W\d_]"  # any letter
_YEAR = r"(?:1[0-9]|20)\d\d"
_YEAR_WORD = (
    r"(?:годах|годам|годов|годы|года|году|годом|год|гг?\.|г(?!" + _L + r")|"
    r"жылғы|жылы|жылдың|жылдан|жылға|жылда|jylǵy|jylğy|jylgy|jyly|jyldyń|jyldyñ|jyldyn|jyl|"
    r"жылдары|жыл|ж\.)"
)
_DAY = r"(?:[12]\d|3[01]|0?[1-9])"
# «2022 жылғы», «2022 жылы», «2022 жылдың», «2022 ж.», "2022 jylǵy": the year a Kazakh date names
_KK_YEAR_OF = r"(?:жылғы|жылы|жылдың|ж\.|jylǵy|jylğy|jylgy|jyly|jyldyń|jyldyñ|jyldyn|j\.)"
_DASH = r"\s*[-–—]\s*"


def _time(prefix: str) -> str:
    """An optional time after a date (``, 18:00``, ``в 10:30:15``, «сағат 10:00-де»); groups
    named by prefix."""
    return (
        rf"(?:(?:,|\s+в|\s+at|,?\s+сағат)?\s+(?P<{prefix}hh>[01]?\d|2[0-3]):(?P<{prefix}mi>[0-5]\d)"
        rf"(?::(?P<{prefix}ss>[0-5]\d))?(?![\d:])(?:\s?(?P<{prefix}ap>[AaPp])\.?[Mm]\b\.?)?)?"
    )


def _alternatives(words) -> str:
    """Words as one regex alternation, longest first (so «позапрошлом» is not cut short)."""
    return "|".join(sorted(words, key=len, reverse=True))


# Ordinals of quarters and half-years: «первом», «I», "third", "3rd", «үшінші», «ІІ» (Kazakh
# texts write Roman numerals with the Cyrillic І).
_ORDINALS = {
    1: "перв[а-я]*|first|1st|бірінші|1-?[а-яі]*|[IІ]",
    2: "втор[а-я]*|second|2nd|екінші|2-?[а-яі]*|[IІ]{2}",
    3: "трет[а-я]*|third|3rd|үшінші|3-?[а-яі]*|[IІ]{3}",
    4: "четв[её]рт[а-я]*|fourth|4th|төртінші|4-?[а-яі]*|[IІ][VУ]",
}
_ORDINAL_RE = "|".join(f"(?:{alternatives})" for alternatives in _ORDINALS.values())
_ORDINAL_PATTERNS = {
    number: re.compile(rf"(?:{words})$", re.IGNORECASE) for number, words in _ORDINALS.items()
}


def _ordinal(word: str) -> int:
    return next(number for number, pattern in _ORDINAL_PATTERNS.items() if pattern.match(word))


_WEEKDAY_PREFIX = rf"(?:(?:{_WEEKDAYS})\.?,?\s+)?"
# Right after «в ночь с» / «ночью с» (empty: a lookbehind the day's range word «на» depends on).
_NIGHT_FROM = r"(?<=ночь\sс\s)|(?<=ночью\sс\s)"

_PATTERNS = [
    # 2024-12-11, 2024-12-11T18:00:00, 2024/12/11, 2024.12.11
    (
        "iso",
        rf"(?P<iso_y>{_YEAR})(?P<isep>[-/.])(?P<iso_m>0[1-9]|1[0-2])(?P=isep)(?P<iso_d>[0-3]\d)"
        rf"(?!\d|\.\d)"
        rf"(?:[T ](?P<iso_hh>[01]\d|2[0-3]):(?P<iso_mi>[0-5]\d)(?::(?P<iso_ss>[0-5]\d))?)?",
    ),
    # 11.12.2024, 11/12/2024 18:00:00
    (
        "numeric",
        rf"(?<![\d.,/])(?P<num_a>{_DAY}|1[0-2])(?P<sep>[./])(?P<num_b>0?[1-9]|[12]\d|3[01])"
        rf"(?P=sep)(?P<num_y>{_YEAR}|\d\d)(?![\d.,/]\d)"
        rf"(?:\s*(?:{_YEAR_WORD}))?"
        rf"(?:(?:,|\s+в|\s+at)?\s+(?P<num_hh>[01]?\d|2[0-3]):(?P<num_mi>[0-5]\d)"
        rf"(?::(?P<num_ss>[0-5]\d))?)?(?![\d:])",
    ),
    # 2022 жылғы 5 қаңтар, 2022 жылы 5 қаңтарда
    (
        "kk_full",
        rf"(?P<kf_y>{_YEAR})\s*{_KK_YEAR_OF}\s+(?P<kf_d>{_DAY})(?:-?ші|-?шы|-?сі)?\s+"
        rf"(?P<kf_m>{_MONTH_RE})(?!{_L})",
    ),
    # 5–7 января 2022, с 1 по 15 марта, 22 июня 1941 года, 5 қаңтарда, 23 ноября 2024 г. в 10:00;
    # «1 и 15 марта» is two days, a range only after «между»/"between"; «в ночь с 18 на 19 января»
    (
        "day_month",
        rf"{_WEEKDAY_PREFIX}(?:(?P<dm_between>между|between)\s+)?(?P<dm_night>{_NIGHT_FROM})?"
        rf"(?P<dm_d>{_DAY})"
        rf"(?:(?:{_DASH}|\s+(?:по|до|to|through|until)\s+|(?(dm_between)\s+(?:и|and)\s+|(?!))"
        rf"|(?(dm_night)\s+на\s+|(?!)))"
        rf"(?P<dm_d2>{_DAY}))?"
        rf"(?:-?(?:го|е|ое|st|nd|rd|th|ші|шы|сі))?\s+(?:of\s+)?(?P<dm_m>{_MONTH_RE})(?!{_L})"
        rf"(?:,?\s+(?P<dm_y>{_YEAR})(?!\d)(?:\s*{_YEAR_WORD}(?!{_L}))?)?{_time('dm_')}",
    ),
    # January 4, 2022; Jan. 4; Monday, January 4; March 1-15, 2024
    (
        "month_day",
        rf"{_WEEKDAY_PREFIX}(?P<md_m>{_MONTH_RE})(?!{_L})\s+(?P<md_d>{_DAY})(?:st|nd|rd|th)?"
        rf"(?:{_DASH}(?P<md_d2>{_DAY})(?:st|nd|rd|th)?)?"
        rf"(?![\d:.,]\d)(?!\s*(?:%|км|km|тыс|млн))"
        rf"(?:,?\s+(?P<md_y>{_YEAR})(?!\d))?{_time('md_')}",
    ),
    # летом 1943 года, summer of 1943, 1943 жылы жазда
    (
        "season",
        rf"(?P<se_w>летом|зимой|весной|осенью|(?:in\s+the\s+)?(?:summer|winter|spring|autumn|fall)"
        rf"(?:\s+of)?)\s+(?P<se_y>{_YEAR})(?!\d)(?:\s*{_YEAR_WORD}(?!{_L}))?",
    ),
    (
        "season_kk",
        rf"(?P<sk_y>{_YEAR})\s*(?:жылы|жылғы)\s+(?P<sk_w>жазда|қыста|көктемде|күзде)",
    ),
    # в первом квартале 2024 года, за I квартал 2024 г., the third quarter of 2024, Q3 2024,
    # во втором полугодии 2023 года, the first half of 2023, 2024 жылдың бірінші тоқсанында
    (
        "quarter",
        rf"(?:(?P<qt_o>{_ORDINAL_RE})[-\s]+(?P<qt_u>квартал|quarter|полугоди|половин|half)"
        rf"{_L}*(?:\s+of)?|Q(?P<qt_q>[1-4])|H(?P<qt_h>[12]))\s+(?P<qt_y>{_YEAR})(?!\d)"
        rf"(?:\s*{_YEAR_WORD}(?!{_L}))?",
    ),
    (
        "quarter_kk",
        rf"(?P<qk_y>{_YEAR})\s*{_KK_YEAR_OF}\s+(?P<qk_o>{_ORDINAL_RE})\s+"
        rf"(?P<qk_u>тоқсан|жартыжылдық|жарты){_L}*",
    ),
    # за девять месяцев 2024 года, the first nine months of 2024, 2024 жылдың 9 айында: January on
    (
        "months_of",
        rf"(?:(?<=за\s)|(?<=за\s\s)|(?<=first\s))(?:первые\s+)?(?P<mo_n>\d{{1,2}}|{_alternatives(_COUNTS)})"
        rf"\s+(?:месяц{_L}*|months\s+of)\s+(?P<mo_y>{_YEAR})(?!\d)(?:\s*{_YEAR_WORD}(?!{_L}))?"
        rf"|(?P<mk_y>{_YEAR})\s*{_KK_YEAR_OF}\s+(?P<mk_n>\d{{1,2}}|{_alternatives(_COUNTS)})\s+"
        rf"айында(?!{_L})",
    ),
    # с марта по август 2011 года, April to September 2011
    (
        "month_range",
        rf"(?:(?:с|from|between)\s+)?(?P<mr_a>{_MONTH_RE})(?!{_L})\s*(?:по|до|to|through|and|[-–—])\s*"
        rf"(?P<mr_b>{_MONTH_RE})(?!{_L})\s+(?P<mr_y>{_YEAR})(?!\d)(?:\s*{_YEAR_WORD}(?!{_L}))?",
    ),
    # в июле 1941 года, July 1941, 1941 жылғы шілде
    (
        "month_year",
        rf"(?P<my_m>{_MONTH_RE})(?!{_L})(?:\s+of)?\s+(?P<my_y>{_YEAR})(?!\d)(?:\s*{_YEAR_WORD}(?!{_L}))?",
    ),
    (
        "kk_month_year",
        rf"(?P<km_y>{_YEAR})\s*{_KK_YEAR_OF}\s+(?P<km_m>{_MONTH_RE})(?!{_L})"
        rf"(?:{_DASH}(?P<km_m2>{_MONTH_RE})(?!{_L}))?",  # «2024 жылдың қаңтар-наурыз айларында»
    ),
    # 1939–1945 годов, 1941-1945 гг., 1941–1945 жылдары, from 1939 to 1945; a school year:
    # «2023-2024 учебный год», «2023/2024 оқу жылы», "the 2023-24 academic year"
    (
        "year_range",
        rf"(?P<yr_a>{_YEAR})(?:{_DASH}|/|\s+(?:по|до)\s+)(?P<yr_b>{_YEAR}|\d\d)(?!\d)\s*"
        rf"(?:годов|годы|годах|гг\.|г\.г\.|жылдары|жылдардағы|жылдар|жж\.|"
        rf"учебн{_L}*\s+год{_L}*|оқу\s+жыл{_L}*|(?:academic|school)\s+year)",
    ),
    (
        "year_range_en",
        rf"(?<!\w)(?:from|between|с)\s+(?P<ye_a>{_YEAR})\s+(?:to|and|по|до)\s+"
        rf"(?P<ye_b>{_YEAR})(?!\d)(?:\s*{_YEAR_WORD}(?!{_L}))?",
    ),
    # в 1990-е годы, 1990-х годов, the 1990s, «в 90-е годы» (two digits, with the year word, are
    # the 1920s to 1990s; «30-е сутки» is a day): a decade
    (
        "decade",
        rf"(?:(?P<dc_y>(?:1[0-9]|20)\d0)(?:-?(?:е|ые|х|ых)(?!{_L})"
        rf"(?:\s+(?:годы|годов|годах|годам|гг\.))?|['’]?s(?!{_L}))"
        rf"|(?P<dc_yy>[2-9]0)-(?:е|х)\s+(?:годы|годов|годах|годам))",
    ),
    # в 2015 году, 2015 г., 2015 жылы, in 2015
    ("year", rf"(?P<y_y>{_YEAR})(?!\d)(?:-(?:м|ом|го|й))?\s*{_YEAR_WORD}(?!{_L})"),
    (
        "year_en",
        rf"(?<!\w)(?:(?:[Ii]n|[Ss]ince|[Uu]ntil|[Bb]efore|[Aa]fter|[Ss]ummer\s+of|[Ee]nd\s+of|"
        rf"[Bb]eginning\s+of|[Ss]tart\s+of|[Ee]arly|[Ll]ate|[Bb]y|[Tt]he\s+year)\s+|[Mm]id-)"
        rf"(?P<ye_y>{_YEAR})(?![\d%]|['’]?s\b)"
        rf"(?!\s*(?:people|persons|tons|tonnes|km|kilometres|kilometers|dollars|tenge|m\b|%))",
    ),
    (
        "relative",
        rf"(?P<rel>{_alternatives(_RELATIVE)})(?!{_L})" + _time("rel_"),
    ),
]

# Every pattern but the relative ones holds a digit within a few words of its start; the
# lookahead lets the scanner skip the many word starts with no digit ahead in one cheap scan
# instead of trying each alternative there (3-4x faster on running text).
_DIGIT_AHEAD = r"(?=[^\d\n]{0,60}\d)"
SCANNER = re.compile(
    rf"(?<!{_L})(?<![\d.])(?:{_DIGIT_AHEAD}(?:"
    + "|".join(f"(?P<{name}>{body})" for name, body in _PATTERNS if name != "relative")
    + ")|"
    + "|".join(f"(?P<{name}>{body})" for name, body in _PATTERNS if name == "relative")
    + ")",
    re.IGNORECASE,
)


# Where a date can be: every pattern holds a digit or a relative word. The scanner runs only
# on windows around those anchors (wide enough for a weekday and month before the number and
# a month, year word and time after it), so text without numbers costs one cheap search.
_ANCHOR = re.compile(rf"\d|(?<!{_L})(?:{_alternatives(_RELATIVE)})", re.IGNORECASE)
_BEFORE, _AFTER = 80, 40


def _scan(text: str) -> Iterator[re.Match[str]]:
    """``SCANNER.finditer(text)``, restricted to windows around digits and relative words."""
    window_start = window_end = -1
    for anchor in _ANCHOR.finditer(text):
        start, end = max(0, anchor.start() - _BEFORE), anchor.end() + _AFTER
        if start <= window_end:
            window_end = end
            continue
        if window_end > 0:
            yield from SCANNER.finditer(text, window_start, window_end)
        window_start, window_end = start, end
    if window_end > 0:
        yield from SCANNER.finditer(text, window_start, window_end)


# Relative phrases (see _COUNTS) have no digit to find them by. Each holds one of these words,
# found with str.find on the lower-cased text (many times faster than a regex alternation);
# the phrase is then matched from one of the few words before it.
_PHRASE_PATTERNS = [
    # три года назад, 2 days ago, бір ай бұрын, через два дня
    (
        "ago",
        rf"(?:(?P<ag_in>через)\s+)?(?:(?P<ag_n>\d{{1,3}}|{_alternatives(_COUNTS)})\s+)?"
        rf"(?P<ag_u>{_alternatives(_UNIT_OF)})(?!{_L})"
        rf"(?(ag_in)(?!\s+после)|\s+(?:тому\s+)?(?:назад|ago|бұрын)(?!{_L}))",
    ),
    # в прошлом году, в январе прошлого года, на этой неделе, last month, next Friday,
    # өткен аптада, өткен жылдың желтоқсанында, биыл
    (
        "period",
        rf"(?:(?P<pe_m>{_MONTH_RE})\s+(?=\w+\s+года(?!{_L})))?"
        rf"(?<!the\s)(?P<pe_d>{_alternatives(_DIRECTION)})\s+"
        rf"(?P<pe_u>{_alternatives(_PERIOD_OF)}|{_alternatives(_ANY_WEEKDAY)}"
        rf"|(?:{_alternatives(_EN_MONTHS)})(?![\s,]*\d))(?!{_L})"
        rf"(?:(?<=жылдың)\s+(?P<pe_km>{_MONTH_RE})(?!{_L}))?"
        rf"|(?P<pe_y>{_alternatives(_YEAR_WORDS)})(?!{_L})",
    ),
    # в пятницу, on Friday, жұмада
    ("weekday", rf"(?P<wd>{_alternatives(_ANY_WEEKDAY)})(?!{_L})"),
    # XXI век, в начале XX века, 20-го века, ХХ ғасырда, the 19th century, 21st-century: a hundred
    # years (Roman numerals also in Cyrillic letters, as Kazakh and Russian texts type them)
    (
        "century",
        rf"(?:(?P<ce_r>[IІVXХ]{{1,6}})|(?P<ce_n>[12]?\d)(?:-?(?:го|й|ый|ом|м|th|st|nd|rd|ші|шы))?)"
        rf"[\s-]+(?:век(?:а|е|у|ом|ов)?|ғасыр{_L}*|century)(?!{_L})"
        rf"(?!\s*(?:до\s+н|до\s+Р|BC|B\.C|б\.\s*з\.\s*б))",
    ),
    # A month without its year after a preposition (or a Kazakh case ending): «в декабре»,
    # «в начале февраля», «с июня по декабрь», "in late November", "in July last year",
    # «желтоқсанда», «ақпан айында», «наурыздың соңында». Never before a day or a year
    # («в декабре 2024 года» and «декабре прошлого года» are the patterns above).
    (
        "month_alone",
        rf"(?:(?:в|во|к|с|со|до|по|из|от|после|перед)\s+"
        rf"(?:(?P<ma_q>{_alternatives(_MONTH_PART)})\s+)?"
        rf"(?P<ma_m>{_RU_MONTH_WORDS})(?!{_L})"
        rf"(?:\s*(?:[-–—]|по|до)\s*(?P<ma_m2>{_RU_MONTH_WORDS})(?!{_L}))?"
        rf"(?!\s+{_L}+(?:\s+{_L}+)?\s+(?:года|г\.)(?!{_L}))"
        rf"|(?:(?:in|by|since|until|till|from|through|during|before|after)\s+"
        rf"(?:(?P<ma_qe>{_alternatives(_MONTH_PART)})[\s-]+)?"
        rf"|(?P<ma_qa>{_alternatives(_MONTH_PART)})[\s-]+)"
        rf"(?P<ma_e>{_alternatives(_EN_MONTHS)})(?!{_L}|['’]s)"  # not "in May's cabinet"
        rf"(?:\s*(?:[-–—]|to|through|until)\s*(?P<ma_e2>{_alternatives(_EN_MONTHS)})(?!{_L}))?"
        rf"(?:\s+(?:of\s+)?(?P<ma_dir>last|next|this)\s+year(?!{_L}))?"
        rf"(?!\s+of\s+\d)"
        rf"|(?P<ma_k>{_alternatives(_KK_MONTHS)})"
        rf"(?:да|де|та|те|нда|нде|дан|ден|тан|тен|нан|нен|ға|ге|қа|ке|на|не|\s+айында"
        rf"|(?:дың|дің|тың|тің|ның|нің)\s+(?P<ma_qk>{_alternatives(_MONTH_PART)}))(?!{_L}))"
        rf"(?![\s,–-]*\d)",
    ),
]
_PHRASES = re.compile(
    rf"(?<!{_L})(?:" + "|".join(f"(?P<{name}>{body})" for name, body in _PHRASE_PATTERNS) + ")",
    re.IGNORECASE,
)
_PHRASE_WORDS = (
    "назад", "ago", "бұрын", "через", *_YEAR_WORDS, *_PERIOD_OF, *_ANY_WEEKDAY,
    *(stem for stem, _ in _RU_MONTHS if stem != "ма"), "мае", "мая", "маю", *_KK_MONTHS,
    *_EN_MONTHS, " век", "ғасыр", "century",
)  # fmt: skip
_WORD_START = re.compile(r"(?<!\w)\w")
_PHRASE_REACH = 40  # characters before the found word where its phrase may start


def _scan_phrases(text: str) -> list[re.Match[str]]:
    """Matches of _PHRASES, in text order, without overlaps."""
    lower = text.lower()
    if len(lower) != len(text):  # a letter that lower-cases to two ("İ"): offsets would drift
        lower = text
    found: dict[int, re.Match[str]] = {}
    for word in _PHRASE_WORDS:
        position = lower.find(word)
        while position >= 0:
            reach = max(0, position - _PHRASE_REACH)
            starts = [m.start() for m in _WORD_START.finditer(text, reach, position)][-3:]
            for start in [*starts, position]:
                match = _PHRASES.match(text, start)
                if match and match.end() > position:
                    found.setdefault(start, match)
                    break
            position = lower.find(word, position + len(word))
    matches, end = [], -1
    for start in sorted(found):
        if start >= end:
            matches.append(found[start])
            end = found[start].end()
    return matches


def _matches(text: str) -> list[re.Match[str]]:
    """Scanner and phrase matches in text order. A phrase overlapping a scanner match gives way:
    the scanner's dates hold a number and are the fuller reading («в сентябре-октябре 2011»)."""
    dated = list(_scan(text))
    starts = [match.start() for match in dated]
    phrases = []
    for phrase in _scan_phrases(text):
        at = bisect.bisect_left(starts, phrase.end())  # scanner matches starting before its end
        if at == 0 or dated[at - 1].end() <= phrase.start():
            phrases.append(phrase)
    return list(heapq.merge(dated, phrases, key=lambda m: m.start()))


# --------------------------------------------------------------------------- results


@dataclass
class DateMention:
    """One date expression: ``text[start:end]`` normalised to ``value`` at ``precision``.

    ``kind`` is date, datetime, range, season or relative. ``flags`` says how far to trust the
    value: ``year_inferred`` (year taken from the document date), ``year_unknown`` (no document
    date; ``value`` is ISO's year-less ``--MM-DD``), ``unresolved`` (relative word without a
    document date; ``value`` is None), ``approximate`` («накануне»: the eve of something).
    """

    text: str
    start: int
    end: int
    value: str | None
    precision: str
    kind: str
    flags: list[str] = field(default_factory=list)
    note: str | None = None

    def as_dict(self) -> dict[str, Any]:
        data: dict[str, Any] = {
            "text": self.text,
            "start": self.start,
            "end": self.end,
            "value": self.value,
            "precision": self.precision,
            "kind": self.kind,
        }
        if self.flags:
            data["flags"] = self.flags
        if self.note:
            data["note"] = self.note
        return data


def _hour24(hour: str | None, am_pm: str | None) -> str | None:
    """The hour on a 24-hour clock ("10" + "P" → "22", "12" + "A" → "0")."""
    if hour is None or not am_pm:
        return hour
    value = int(hour) % 12
    return str(value + 12 if am_pm.lower() == "p" else value)


def _year(raw: str) -> int:
    year = int(raw)
    if len(raw) == 2:
        year += 2000 if year < 50 else 1900
    return year


def _valid(year: int, month: int, day: int) -> bool:
    return 1 <= month <= 12 and 1 <= day <= calendar.monthrange(year, month)[1]


def _plausible_year(year: int) -> bool:
    return 1000 <= year <= 2100


class DateFinder:
    """Scan texts for dates; ``lang`` decides the numeric order (11/12/2024 is 12 Nov in en)."""

    def __init__(self, lang: str = "ru", doc_date: str | None = None) -> None:
        self.lang = lang
        self.doc_date = parse_iso_date(doc_date) if doc_date else None

    def find(self, text: str) -> list[DateMention]:
        found: list[DateMention] = []
        for match in _matches(text):
            mention = self._convert(match)
            if mention is None:
                continue
            pair = _same_year_span(found[-1], mention) if found else None
            if pair is not None and _joins_range(text, *pair):
                found[-1] = _range_of(text, *pair)
            else:
                listed = _listed_before(text, mention, found[-1].end if found else 0)
                if len(listed) == 1 and _BETWEEN.search(
                    text, max(0, listed[0].start - 8), listed[0].start
                ):
                    found.append(_range_of(text, listed[0], mention))  # «между 1998 и 2001 гг.»
                    continue
                found += listed
                found.append(mention)
                found += _listed_after(text, mention)
        return found

    # ------------------------------------------------------------------ conversion

    def _convert(self, match: re.Match[str]) -> DateMention | None:
        kind = match.lastgroup
        g = match.group
        start, end = match.span()
        text = match.group(0)
        make = _Maker(text, start, end)
        if kind == "iso":
            year, month, day = int(g("iso_y")), int(g("iso_m")), int(g("iso_d"))
            return make.day(year, month, day, g("iso_hh"), g("iso_mi"), g("iso_ss"))
        if kind == "numeric":
            first, second, year = int(g("num_a")), int(g("num_b")), _year(g("num_y"))
            day, month = (first, second)
            if self.lang == "en" and g("sep") == "/" and first <= 12:
                month, day = self._slash_order(first, second, year)
            if len(g("num_y")) == 2 and g("sep") == "/" and not g("num_hh"):
                return None  # 1/2/25 is as often a fraction or a score as a date
            return make.day(year, month, day, g("num_hh"), g("num_mi"), g("num_ss"))
        if kind == "kk_full":
            return make.day(int(g("kf_y")), month_number(g("kf_m")) or 0, int(g("kf_d")))
        if kind == "day_month":
            month = month_number(g("dm_m")) or 0
            day = int(g("dm_d"))
            if g("dm_d2"):
                mention = self._day_range(
                    make, day, int(g("dm_d2")), month, g("dm_y"), match.string
                )
                if mention is not None and g("dm_night") is not None:
                    mention.note = "night"
                return mention
            hour = _hour24(g("dm_hh"), g("dm_ap"))
            if g("dm_y"):
                return make.day(int(g("dm_y")), month, day, hour, g("dm_mi"), g("dm_ss"))
            return self._yearless(make, month, day, hour, g("dm_mi"), match.string)
        if kind == "month_day":
            month = month_number(g("md_m")) or 0
            if g("md_m").lower() == "may" and not g("md_y") and g("md_m")[0] == "m":
                return None  # lower-case "may 5" is a verb and a number
            day = int(g("md_d"))
            if g("md_d2"):
                return self._day_range(make, day, int(g("md_d2")), month, g("md_y"), match.string)
            hour = _hour24(g("md_hh"), g("md_ap"))
            if g("md_y"):
                return make.day(int(g("md_y")), month, day, hour, g("md_mi"), g("md_ss"))
            return self._yearless(make, month, day, hour, g("md_mi"), match.string)
        if kind in ("season", "season_kk"):
            word = (g("se_w") or g("sk_w")).lower().split()
            season = next(_SEASONS[w] for w in word if w in _SEASONS)
            year = int(g("se_y") or g("sk_y"))
            return make.year(year, kind="season", note=season)
        if kind in ("quarter", "quarter_kk"):
            year = int(g("qt_y") or g("qk_y"))
            unit = (g("qt_u") or g("qk_u") or "").lower()
            if g("qt_q") or g("qt_h"):
                number, half = int(g("qt_q") or g("qt_h")), bool(g("qt_h"))
            else:
                number = _ordinal(g("qt_o") or g("qk_o"))
                half = unit in ("полугоди", "половин", "half", "жартыжылдық", "жарты")
            if not _plausible_year(year) or (half and number > 2):
                return None
            months = 6 if half else 3
            first, last = (number - 1) * months + 1, number * months
            mention = make.with_value(
                f"{year:04d}-{first:02d}/{year:04d}-{last:02d}", "month", "range"
            )
            mention.note = "half" if half else "quarter"
            return mention
        if kind == "months_of":
            year, raw = int(g("mo_y") or g("mk_y")), (g("mo_n") or g("mk_n")).lower()
            count = int(raw) if raw.isdigit() else _COUNTS[raw]
            if not (_plausible_year(year) and 2 <= count <= 12):
                return None
            return make.with_value(f"{year:04d}-01/{year:04d}-{count:02d}", "month", "range")
        if kind == "month_range":
            first, last = month_number(g("mr_a")) or 0, month_number(g("mr_b")) or 0
            year = int(g("mr_y"))
            if not (_plausible_year(year) and 1 <= first < last <= 12):
                return None
            value = f"{year:04d}-{first:02d}/{year:04d}-{last:02d}"
            return DateMention(text, start, end, value, "month", "range")
        if kind in ("month_year", "kk_month_year"):
            month = month_number(g("my_m") or g("km_m")) or 0
            if (g("my_m") or "").lower() == "may" and (g("my_m") or "")[0] == "m":
                return None
            year = int(g("my_y") or g("km_y"))
            if not (_plausible_year(year) and 1 <= month <= 12):
                return None
            last = month_number(g("km_m2") or "") or 0
            if last > month:
                value = f"{year:04d}-{month:02d}/{year:04d}-{last:02d}"
                return DateMention(text, start, end, value, "month", "range")
            return DateMention(text, start, end, f"{year:04d}-{month:02d}", "month", "date")
        if kind in ("year_range", "year_range_en"):
            first = int(g("yr_a") or g("ye_a"))
            raw_last = g("yr_b") or g("ye_b")
            last = int(raw_last) if len(raw_last) == 4 else first // 100 * 100 + int(raw_last)
            if not (_plausible_year(first) and first < last <= first + 200):
                return None
            return DateMention(text, start, end, f"{first:04d}/{last:04d}", "year", "range")
        if kind == "decade":
            first = int(g("dc_y")) if g("dc_y") else 1900 + int(g("dc_yy"))
            mention = make.with_value(f"{first:04d}/{first + 9:04d}", "year", "range")
            mention.note = "decade"
            return mention
        if kind in ("year", "year_en"):
            year = int(g("y_y") or g("ye_y"))
            if kind == "year_en":  # the preposition is context, not part of the date
                make = _Maker(g("ye_y"), match.start("ye_y"), match.end("ye_y"))
            return make.year(year)
        if kind == "relative":
            return self._relative(
                make, g("rel").lower(), _hour24(g("rel_hh"), g("rel_ap")), g("rel_mi")
            )
        if kind == "ago":
            form = g("ag_u").lower()
            raw = (g("ag_n") or "").lower()
            if not raw and form not in _ONE_UNIT:
                return None  # «несколько лет назад», "days ago": no count to go back by
            count = (int(raw) if raw.isdigit() else _COUNTS[raw]) if raw else 1
            unit, count = _UNIT_OF[form], count if g("ag_in") else -count
            if unit == "week":  # «неделю назад»: a day, not a calendar week
                unit, count = "day", count * 7
            return self._shifted(make, unit, count)
        if kind == "weekday":
            word = g("wd")
            if word.lower() in _KK_WEEKDAY_AT:
                weekday = _KK_WEEKDAY_AT[word.lower()]
            elif word[0].isascii():
                if not word[0].isupper():
                    return None  # "friday" in a URL or a handle, not a day
                weekday = _WEEKDAY_OF[word.lower()]
            elif _after_preposition(match.string, start):
                weekday = _WEEKDAY_OF[word.lower()]
            else:
                return None  # «Понедельник — день тяжёлый»: no «в», no date
            return self._bare_weekday(make, match.string, weekday)
        if kind == "century":
            roman = g("ce_r")
            if roman and not roman.isupper():
                return None  # «х век», "xi": not a numeral
            number = _roman(roman) if roman else int(g("ce_n"))
            if not 1 <= number <= 21:
                return None
            mention = make.with_value(
                f"{number * 100 - 99:04d}/{number * 100:04d}", "year", "range"
            )
            mention.note = "century"
            return mention
        if kind == "month_alone":
            return self._month_alone(match)
        if kind == "period":
            if g("pe_y"):
                return self._shifted(make, "year", _YEAR_WORDS[g("pe_y").lower()])
            direction, word = _DIRECTION[g("pe_d").lower()], g("pe_u").lower()
            if word in _RU_AFTER_PREPOSITION and not _after_preposition(match.string, start):
                return None
            if word in _ANY_WEEKDAY:
                return self._weekday(make, direction, _ANY_WEEKDAY[word])
            if word in _EN_MONTHS:  # "last December"
                return self._month_from(make, direction, g("pe_u"))
            month = month_number(g("pe_m") or g("pe_km") or "")
            if month:  # «в январе прошлого года»
                if self.doc_date is None:
                    return make.with_value(None, "month", "relative", ["unresolved"])
                year = self.doc_date.year + direction
                return make.with_value(f"{year:04d}-{month:02d}", "month", "relative")
            return self._shifted(make, _PERIOD_OF[word], direction)
        return None

    def _slash_order(self, first: int, second: int, year: int) -> tuple[int, int]:
        """(month, day) for an English a/b/yyyy: US order, unless only the British one is a
        valid date or, with a document date, the British one lies nearer to it."""
        if second > 12 or self.doc_date is None or not _valid(year, second, first):
            return first, second
        if not _valid(year, first, second):
            return second, first
        us = abs((date(year, first, second) - self.doc_date).days)
        british = abs((date(year, second, first) - self.doc_date).days)
        return (second, first) if british < us else (first, second)

    def _yearless(
        self,
        make: _Maker,
        month: int,
        day: int,
        hour: str | None = None,
        minute: str | None = None,
        text: str = "",
    ) -> DateMention | None:
        """A day without its year («11 ноября», "January 4"), with its time if it has one
        («11 ноября в 10:00»): the year comes from the document date (see _year_of)."""
        if not 1 <= month <= 12 or not _valid(2000, month, day):
            return None
        if self.doc_date is None:
            return make.with_value(f"--{month:02d}-{day:02d}", "day", "date", ["year_unknown"])
        year = self._year_of(month, day, self._is_future(make, text))
        if not _valid(year, month, day):
            return None
        value = f"{year:04d}-{month:02d}-{day:02d}"
        if hour is not None:
            value += f"T{int(hour):02d}:{minute}"
            return make.with_value(value, "minute", "datetime", ["year_inferred"])
        return make.with_value(value, "day", "date", ["year_inferred"])

    def _year_of(self, month: int, day: int, future: bool = False) -> int:
        """The year of a year-less day: the document's, unless that puts the day well after the
        document date ("January 4" in a piece from March is this January, in a piece from
        2 January it is last January); with a future cue nearest to it («пройдут 15 марта» in
        a November piece), the first such day after the month before the document date."""
        assert self.doc_date is not None
        year = self.doc_date.year
        if not _valid(year, month, day):
            return year
        if future:  # the crawl date may be a few days past the publication date
            return (
                year if date(year, month, day) >= self.doc_date - timedelta(days=31) else year + 1
            )
        if date(year, month, day) > self.doc_date + timedelta(days=31):
            year -= 1
        return year

    def _day_range(
        self, make: _Maker, first: int, last: int, month: int, raw_year: str | None, text: str
    ) -> DateMention | None:
        if raw_year:
            year, flags = int(raw_year), []
        elif self.doc_date is not None:
            year = self._year_of(month, first, self._is_future(make, text))
            flags = ["year_inferred"]
        else:
            return None
        if not (first < last and _valid(year, month, first) and _valid(year, month, last)):
            return None
        value = f"{year:04d}-{month:02d}-{first:02d}/{year:04d}-{month:02d}-{last:02d}"
        return make.with_value(value, "day", "range", flags)

    def _relative(
        self, make: _Maker, word: str, hour: str | None, minute: str | None
    ) -> DateMention:
        flags = ["approximate"] if word == "накануне" else []
        if self.doc_date is None:
            return make.with_value(None, "day", "relative", [*flags, "unresolved"])
        value = (self.doc_date + timedelta(days=_RELATIVE[word])).isoformat()
        if hour is not None:
            return make.with_value(f"{value}T{int(hour):02d}:{minute}", "minute", "relative", flags)
        return make.with_value(value, "day", "relative", flags)

    def _shifted(self, make: _Maker, unit: str, count: int) -> DateMention:
        """The day, calendar week, month or year ``count`` units from the document date, at that
        precision: «три года назад» in 2024 is 2021, "last week" the week's Monday to Sunday,
        «через два дня» a day."""
        if self.doc_date is None:
            precision = "day" if unit in ("day", "week") else unit
            return make.with_value(None, precision, "relative", ["unresolved"])
        today = self.doc_date
        if unit == "year":
            return make.with_value(f"{today.year + count:04d}", "year", "relative")
        if unit == "month":
            months = today.year * 12 + today.month - 1 + count
            return make.with_value(f"{months // 12:04d}-{months % 12 + 1:02d}", "month", "relative")
        if unit == "day":
            return make.with_value((today + timedelta(days=count)).isoformat(), "day", "relative")
        monday = today - timedelta(days=today.weekday()) + timedelta(weeks=count)
        week = f"{monday.isoformat()}/{(monday + timedelta(days=6)).isoformat()}"
        mention = make.with_value(week, "day", "relative")
        mention.note = "week"
        return mention

    def _bare_weekday(self, make: _Maker, text: str, weekday: int) -> DateMention:
        """«в пятницу», "on Friday": the last such day on or before the document date, or the
        next one after it when the nearest tense cue in its sentence is a future one."""
        if self.doc_date is None:
            return make.with_value(None, "day", "relative", ["unresolved"])
        today = self.doc_date
        if self._is_future(make, text):
            day = today + timedelta(days=(weekday - today.weekday() - 1) % 7 + 1)
        else:
            day = today - timedelta(days=(today.weekday() - weekday) % 7)
        return make.with_value(day.isoformat(), "day", "relative")

    def _month_alone(self, match: re.Match[str]) -> DateMention | None:
        """A month without its year: its year is that of its first day as a year-less day
        (see _year_of: «в марте пройдут выборы» in a January piece is the next March), unless
        the phrase says which year ("in July last year")."""
        g = match.group
        first = g("ma_m") or g("ma_e") or g("ma_k")
        last = g("ma_m2") or g("ma_e2")
        part = g("ma_q") or g("ma_qe") or g("ma_qa") or g("ma_qk")
        if g("ma_e") and not first[0].isupper():
            return None  # "in may", "to march": verbs
        if g("ma_k") and first[0] == "Қ" and first.lower() == "қазан":
            return None  # «Қазанда»: in Kazan; the month is written in lower case
        month, last_month = month_number(first) or 0, month_number(last or first) or 0
        name = "ma_m" if g("ma_m") else "ma_e" if g("ma_e") else "ma_k"
        end = match.end("ma_m2" if g("ma_m2") else "ma_e2" if g("ma_e2") else name)
        if name == "ma_k" or g("ma_dir"):  # «желтоқсанда», "July last year"
            end = match.end()
        make = _Maker(match.string[match.start(name) : end], match.start(name), end)
        if last_month < month:
            return None  # «в декабре-январе» runs over the new year: left out
        if self.doc_date is None:
            value = f"--{month:02d}" if month == last_month else f"--{month:02d}/--{last_month:02d}"
            mention = make.with_value(value, "month", "date", ["year_unknown"])
        else:
            if g("ma_dir"):
                year = self.doc_date.year + _DIRECTION[g("ma_dir").lower()]
            else:  # dated like its first day
                year = self._year_of(month, 1, self._is_future(make, match.string))
            value = f"{year:04d}-{month:02d}"
            if last_month != month:
                value += f"/{year:04d}-{last_month:02d}"
            flags = [] if g("ma_dir") else ["year_inferred"]
            mention = make.with_value(
                value, "month", "date" if month == last_month else "range", flags
            )
        mention.note = _MONTH_PART.get(" ".join(part.lower().split())) if part else None
        return mention

    def _month_from(self, make: _Maker, direction: int, word: str) -> DateMention | None:
        """ "last December": the last December before the document's month; "next March" the
        first one after it; "this March" the document year's."""
        if not word[0].isupper():
            return None  # "this may be", "next march"
        month = month_number(word) or 0
        if self.doc_date is None:
            return make.with_value(None, "month", "relative", ["unresolved"])
        today = self.doc_date
        year = today.year
        if direction < 0 and month >= today.month:
            year -= 1
        elif direction > 0 and month <= today.month:
            year += 1
        return make.with_value(f"{year:04d}-{month:02d}", "month", "relative")

    def _is_future(self, make: _Maker, text: str) -> bool:
        """Whether the tense cue nearest the mention in its sentence is a future one."""
        start = max(0, make.start - _VERB_REACH)
        before = [m.end() for m in _SENTENCE_EDGE.finditer(text, start, make.start)]
        start = before[-1] if before else start
        edge = _SENTENCE_EDGE.search(text, make.end, make.end + _VERB_REACH)
        end = edge.start() if edge else make.end + _VERB_REACH
        return _nearest(_FUTURE, text, start, end, make) < _nearest(_PAST, text, start, end, make)

    def _weekday(self, make: _Maker, direction: int, weekday: int) -> DateMention:
        """ "last Friday": the Friday before the document date; "next Friday" the one after it;
        "this Friday" the Friday of its week."""
        if self.doc_date is None:
            return make.with_value(None, "day", "relative", ["unresolved"])
        today = self.doc_date
        if direction < 0:
            day = today - timedelta(days=(today.weekday() - weekday - 1) % 7 + 1)
        elif direction > 0:
            day = today + timedelta(days=(weekday - today.weekday() - 1) % 7 + 1)
        else:
            day = today + timedelta(days=(weekday - today.weekday()) % 7)
        return make.with_value(day.isoformat(), "day", "relative")


# Roman numerals up to 39, written the usual way (not IIII); Cyrillic І and Х read as I and X.
_ROMAN = {
    "X" * (n // 10) + ("", "I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX")[n % 10]: n
    for n in range(1, 40)
}
_CYRILLIC_ROMAN = str.maketrans("ІХ", "IX")


def _roman(numeral: str) -> int:
    """The value of a Roman numeral (ХХІ = 21), 0 if it is not one."""
    return _ROMAN.get(numeral.translate(_CYRILLIC_ROMAN), 0)


def _after_preposition(text: str, start: int) -> bool:
    """«в»/«во»/«на» right before ``start``: «в прошлом году», «в пятницу»."""
    return _RU_PREPOSITION.search(text, max(0, start - 4), start) is not None


def _nearest(cue: re.Pattern[str], text: str, start: int, end: int, make: _Maker) -> int:
    """Distance from the mention to the nearest match of ``cue`` in text[start:end]."""
    distances = [
        make.start - found.end() if found.end() <= make.start else found.start() - make.end
        for found in cue.finditer(text, start, end)
    ]
    return min(distances, default=len(text) + 1)


@dataclass
class _Maker:
    """Builds mentions for one match, validating the calendar on the way."""

    text: str
    start: int
    end: int

    def with_value(
        self, value: str | None, precision: str, kind: str, flags: list[str] | None = None
    ) -> DateMention:
        return DateMention(self.text, self.start, self.end, value, precision, kind, flags or [])

    def day(
        self,
        year: int,
        month: int,
        day: int,
        hour: str | None = None,
        minute: str | None = None,
        second: str | None = None,
    ) -> DateMention | None:
        if not (_plausible_year(year) and _valid(year, month, day)):
            return None
        value = f"{year:04d}-{month:02d}-{day:02d}"
        if hour is None:
            return self.with_value(value, "day", "date")
        value += f"T{int(hour):02d}:{minute}"
        if second is None:
            return self.with_value(value, "minute", "datetime")
        return self.with_value(f"{value}:{second}", "second", "datetime")

    def year(self, year: int, kind: str = "date", note: str | None = None) -> DateMention | None:
        if not _plausible_year(year):
            return None
        mention = self.with_value(f"{year:04d}", "year", kind)
        mention.note = note
        return mention


_RANGE_JOINER = re.compile(r"\s*(?:по|до|to|until|through|and|[-–—])\s*$", re.IGNORECASE)
_RANGE_OPENER = re.compile(r"(?:\bс|\bfrom|\bbetween)\s*$", re.IGNORECASE)
_DASH_JOINER = re.compile(r"\s*[-–—]\s*")
_NIGHT_JOINER = re.compile(r"\s+на\s+", re.IGNORECASE)
_NIGHT_OPENER = re.compile(r"ноч(?:ь|ью)\s+с\s*$", re.IGNORECASE)
# Kazakh ranges: «1 наурыздан 15 сәуірге дейін» (from the first, ablative, to the second).
_KK_FROM = re.compile(r"(?:дан|ден|тан|тен|нан|нен)$", re.IGNORECASE)
_KK_UNTIL = re.compile(r"\s+дейін\b", re.IGNORECASE)


def _joins_range(text: str, first: DateMention, second: DateMention) -> bool:
    """«с 31 декабря 2011 года по 3 января 2012 года», "between January 2003 and December
    2007", «31 декабря 2023 – 3 января 2024», «1 наурыздан 15 сәуірге дейін»: two dates of one
    precision, the first the earlier, joined by a dash, or by a range word after с/from/between,
    or in Kazakh by the ablative and «дейін»."""
    if first.kind != "date" or second.kind != "date" or first.precision != second.precision:
        return False
    if not (first.value and second.value and first.value < second.value):
        return False
    between = text[first.end : second.start]
    if _DASH_JOINER.fullmatch(between):
        return True
    if between.strip() == "" and _KK_FROM.search(first.text):
        return _KK_UNTIL.match(text, second.end) is not None
    before = text[max(0, first.start - 10) : first.start]
    if _NIGHT_JOINER.fullmatch(between):  # «в ночь с 31 декабря на 1 января»
        return bool(_NIGHT_OPENER.search(before))
    if not _RANGE_JOINER.fullmatch(between):
        return False
    return bool(_RANGE_OPENER.search(before))


# A day listed before a dated one shares its month and year: «1 и 15 марта», "3, 4 and 5 May";
# a year listed before a year: «в 2022 и 2023 годах», «2022 және 2023 жылдары». The last one is
# joined by a conjunction; commas alone are as often scores or list numbers.
_BETWEEN = re.compile(r"(?:между|between)\s+$", re.IGNORECASE)
_JOINT = r"\s*(?P<joint>,|,?\s+(?:и|или|және|немесе|and|or))\s*$"
_LISTED_DAY = re.compile(rf"(?<![\d.,:/–-])({_DAY}){_JOINT}", re.IGNORECASE)
_LISTED_YEAR = re.compile(rf"(?<![\d.,:/–-])({_YEAR}){_JOINT}", re.IGNORECASE)
# ... and in English after it: "in 2012 and 2013", "in 2010, 2011 and 2012".
_YEAR_AFTER = re.compile(
    rf"(?:,|,?\s+(?:and|or))\s+({_YEAR})(?![\d%])"
    r"(?!\s*(?:people|persons|tons|tonnes|km|kilometres|kilometers|dollars|tenge|m\b|%))",
    re.IGNORECASE,
)


def _listed_before(text: str, mention: DateMention, floor: int) -> list[DateMention]:
    """Mentions of the bare days (years) listed right before a day-first date (a year with a
    year word), after ``floor``, the end of the previous mention; in text order."""
    if mention.kind != "date" or not mention.value or not mention.text[:1].isdigit():
        return []  # "January 27 and 28, and February 2": a list before a month-first date
    if mention.precision == "day":
        pattern, width = _LISTED_DAY, 12
    elif mention.precision == "year":
        pattern, width = _LISTED_YEAR, 16
    else:
        return []
    listed: list[DateMention] = []
    end = mention.start
    while (match := pattern.search(text, max(floor, end - width), end)) is not None:
        if not listed and match.group("joint") == ",":
            break  # the one next to the date is joined by «и»/"and": «3, 4 March» is a score
        number = match.group(1)
        if mention.precision == "year":
            value = number
        else:
            value = f"{mention.value[:-2]}{int(number):02d}"
            year = int(value[:4]) if value[0] != "-" else 2000
            if not _valid(year, int(value[-5:-3]), int(number)):
                break
        start = match.start(1)
        flags = list(mention.flags)
        listed.append(
            DateMention(number, start, start + len(number), value, mention.precision, "date", flags)
        )
        end = start
    return listed[::-1]


def _listed_after(text: str, mention: DateMention) -> list[DateMention]:
    """The years listed after an English "in 2012": "in 2012 and 2013"."""
    if mention.precision != "year" or mention.kind != "date" or not mention.text.isdigit():
        return []
    listed: list[DateMention] = []
    end = mention.end
    while (match := _YEAR_AFTER.match(text, end)) is not None:
        number = match.group(1)
        listed.append(DateMention(number, match.start(1), match.end(1), number, "year", "date"))
        end = match.end(1)
        if not match.group(0).lstrip().startswith(","):
            break  # "and 2013" ends the list
    return listed


_INFERRED = ("year_inferred", "year_unknown")


def _same_year_span(first: DateMention, second: DateMention) -> tuple[DateMention, DateMention]:
    """The two ends of a possible range, the year of one that names none taken from the other:
    in «с 28 декабря по 3 января 2025 года» the first day is 28 December 2024, whatever the
    document date says; «2023 жылғы 1 наурыздан 15 наурызға дейін» ends in 2023."""
    if first.precision != "day" or second.precision != "day" or not first.value or not second.value:
        return first, second
    first_guess = any(flag in first.flags for flag in _INFERRED)
    second_guess = any(flag in second.flags for flag in _INFERRED)
    if first_guess == second_guess:
        return first, second
    known, guessed = (second, first) if first_guess else (first, second)
    year = int(known.value[:4])
    month_day = guessed.value[-5:]
    if first_guess and month_day > known.value[5:10]:
        year -= 1  # «с 28 декабря по 3 января 2025 года»
    elif second_guess and month_day < known.value[5:10]:
        year += 1  # «с 28 декабря 2024 года по 3 января»
    if not _valid(year, int(month_day[:2]), int(month_day[3:])):
        return first, second
    flags = [flag for flag in guessed.flags if flag not in _INFERRED]
    fixed = DateMention(
        guessed.text,
        guessed.start,
        guessed.end,
        f"{year:04d}-{month_day}",
        "day",
        guessed.kind,
        flags,
    )
    return (fixed, second) if first_guess else (first, fixed)


def _range_of(text: str, first: DateMention, second: DateMention) -> DateMention:
    flags = sorted(set(first.flags) | set(second.flags))
    value = f"{first.value}/{second.value}"
    span = text[first.start : second.end]
    mention = DateMention(span, first.start, second.end, value, first.precision, "range", flags)
    if _NIGHT_JOINER.fullmatch(text, first.end, second.start):
        mention.note = "night"
    return mention


def parse_iso_date(value: str) -> date | None:
    """The calendar day of an ISO string (``2024-12-11`` or ``2024-12-11T18:00``), else None."""
    try:
        return datetime.fromisoformat(str(value)[:10]).date()
    except ValueError:
        return None


def find_dates(text: str, lang: str = "ru", doc_date: str | None = None) -> list[DateMention]:
    """Library shortcut: every date in ``text``; ``doc_date`` resolves year-less/relative ones."""
    return DateFinder(lang, doc_date).find(text)


# --------------------------------------------------------------------------- document date

_PUBLISHED_LINE = re.compile(
    r"^\s*(?:posted|published|updated|опубликовано|дата публикации|время публикации|размещено|"
    r"жарияланды|жарияланған|дата)\s*:?\s*(?P<rest>.+)$",
    re.IGNORECASE,
)
_WEEKDAY_LINE = re.compile(rf"^\s*(?:{_WEEKDAYS})\b", re.IGNORECASE)
# A news dateline: «АСТАНА, 5 января. КазТАГ –», "ALMATY, Jan 5 (Reuters) -" or a line that
# holds nothing but a full date.
_DATELINE = re.compile(r"^\s*[A-ZА-ЯЁӘҒҚҢӨҰҮҺІ][A-ZА-ЯЁӘҒҚҢӨҰҮҺІ\- ]{2,30},\s*(?P<rest>.+)$")
_HEAD_LINES = 15


def publication_date(text: str, lang: str = "ru") -> str | None:
    """The publication date told by the page itself: a "Posted:" line or a dateline near the
    top, or a line holding only a full date. A weekday + date line at the very top is the
    visit date printed in the site header, not the publication date, and is skipped.
    """
    finder = DateFinder(lang)
    lines = text.splitlines()[:_HEAD_LINES]
    for line in lines:
        published = _PUBLISHED_LINE.match(line)
        if published:
            value = _first_full_date(finder, published.group("rest"))
            if value:
                return value
    for number, line in enumerate(lines):
        stripped = line.strip()
        if not stripped or (number < 3 and _WEEKDAY_LINE.match(stripped)):
            continue
        dateline = _DATELINE.match(stripped)
        candidate = dateline.group("rest")[:40] if dateline else stripped
        mentions = finder.find(candidate)
        if not mentions or mentions[0].precision in ("year", "month") or not mentions[0].value:
            continue
        whole_line = len(mentions[0].text) >= len(stripped) - 3
        if (
            (whole_line or dateline)
            and mentions[0].start <= 2
            and "year_unknown" not in (mentions[0].flags)
        ):
            return mentions[0].value
    return None


def _first_full_date(finder: DateFinder, text: str) -> str | None:
    for mention in finder.find(text):
        if mention.value and mention.precision in ("day", "minute", "second"):
            return mention.value
    return None
