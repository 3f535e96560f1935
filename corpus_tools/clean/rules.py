"""The noise rules of ``ct clean``, each a small named unit.

A rule is a function over a :class:`Page` that yields the indexes of the units it removes; it
may also put what it found into ``page.meta`` (a byline becomes ``meta.author``). Rules run in the
order they are registered and never see units an earlier rule removed. To add a rule, write one
function here with the ``@rule`` decorator and give it tests in ``tests/test_rules.py``.
"""

from __future__ import annotations

import functools
import itertools
import re
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass

from . import lexicon as lx
from .page import Page, Unit, line_key

Finder = Callable[[Page], Iterable[int]]


@dataclass(frozen=True)
class Rule:
    name: str
    summary: str
    find: Finder
    # What it removes may sit between two paragraphs of one article (a byline, a photo credit,
    # a timestamp): its removal does not separate them. Everything else it removes (menus,
    # sidebars, widgets) is page furniture, which does (see boilerplate_context).
    within_article: bool = False


RULES: dict[str, Rule] = {}


def rule(name: str, summary: str, within_article: bool = False) -> Callable[[Finder], Finder]:
    def register(find: Finder) -> Finder:
        RULES[name] = Rule(name, summary, find, within_article)
        return find

    return register


LINE_CACHE_SIZE = 1 << 16
_DIGIT = re.compile(r"\d")


def _cached_match(pattern: re.Pattern[str], lower: bool = False) -> Callable[[str], bool]:
    """A per-line test with the pattern, cached per distinct line (see line_rule)."""

    @functools.lru_cache(maxsize=LINE_CACHE_SIZE)
    def test(text: str) -> bool:
        return pattern.match(text.lower() if lower else text) is not None

    return test


def line_rule(
    name: str, summary: str, within_article: bool = False
) -> Callable[[Callable[[str], bool]], Callable[[str], bool]]:
    """Register a rule that judges each line on its own text. The verdict is cached per
    distinct line: a site's menus and footers repeat on every page, so most lines of a real
    corpus are judged once."""

    def register(test: Callable[[str], bool]) -> Callable[[str], bool]:
        cached = functools.lru_cache(maxsize=LINE_CACHE_SIZE)(test)

        def find(page: Page) -> Iterator[int]:
            return (i for i in page.live() if cached(page.units[i].text))

        RULES[name] = Rule(name, summary, find, within_article)
        return cached

    return register


def apply_rules(page: Page, skip: frozenset[str] = frozenset()) -> None:
    for name, current in RULES.items():
        if name in skip:
            continue
        for index in list(current.find(page)):
            page.remove(index, name)


def _whole(pattern: str) -> re.Pattern[str]:
    """A pattern for a whole line, matched against the lower-cased line (``_low``): case-
    insensitive matching in ``re`` is many times slower on these word lists."""
    return re.compile(rf"^(?:{pattern})$")


_BULLET = r"(?:[\s*•·●▪■►▸\-–—|>]|\+(?=\s))*"  # '+ Digg': a second-level list item
_TIME = r"\d{1,2}:\d{2}(?::\d{2})?"
# '14:05', '10:22 PM', '7:02 p.m.', '5:00PM EST', '18:30 (GMT+6)', '09:15 ALMT'
_TIME_ZONE = (
    r"\(?(?:gmt|utc)\s*[+-−]\s*\d{1,2}(?::?\d{2})?\)?|"
    r"\(?(?:est|edt|cst|cdt|mst|mdt|pst|pdt|gmt|utc|bst|cet|cest|eet|eest|msk|almt|aqtt|ist|aest|aedt)\)?"
)
_CLOCK = rf"{_TIME}(?:\s*[ap]\.?\s?m\b\.?)?(?:\s*(?:{_TIME_ZONE})(?![a-zа-я]))?"
_NUM_DATE = r"\d{1,2}[./-]\d{1,2}[./-](?:\d{4}|\d{2})(?:\s*(?:г\.?|ж\.?))?"
_ISO_DATE = r"\d{4}-\d{2}-\d{2}"
_WORD_DATE = (
    rf"\d{{1,2}}(?:st|nd|rd|th)?\s+(?:{lx.MONTHS})\.?"
    rf"(?:,?\s+\d{{4}}(?:\s*(?:года|г\.?|жылы?|ж\.?))?)?"
)
_KK_DATE = rf"\d{{4}}\s*(?:жылғы|ж\.)\s*\d{{1,2}}\s*(?:{lx.MONTHS})"
_EN_DATE = rf"(?:{lx.MONTHS})\.?\s+\d{{1,2}}(?:st|nd|rd|th)?,?(?:\s+\d{{4}})?"
_RELATIVE_DAY = r"сегодня|вчера|позавчера|бүгін|кеше|today|yesterday"
_ANY_DATE = rf"(?:{_NUM_DATE}|{_ISO_DATE}|{_WORD_DATE}|{_KK_DATE}|{_EN_DATE}|{_RELATIVE_DAY})"
_WEEKDAY = rf"(?:{lx.WEEKDAYS})"

_STAMP_END = r"[\s|•·]*"  # a separator the layout left after the date
_DATE_LINE = _whole(
    rf"{_BULLET}(?:{_WEEKDAY},?\s*)?{_ANY_DATE}(?:,?\s*(?:в\s*)?{_CLOCK})?{_STAMP_END}"
)
# A date with a time may carry the comment or view count the layout printed after it:
# '00:03 05.01.2012 6', '6 января 2012, 8:39 0'.
_STAMP_COUNT = r"(?:[\s,|]+\d{1,5})?"
_DATETIME_LINE = _whole(
    rf"{_BULLET}(?:"
    rf"{_CLOCK}|"
    rf"(?:{_WEEKDAY},?\s*)?{_ANY_DATE}\s*[,|/]?\s*(?:в\s*|at\s*)?{_CLOCK}{_STAMP_COUNT}|"
    rf"{_CLOCK}\s*[,|/]?\s*(?:on\s*)?(?:{_WEEKDAY},?\s*)?{_ANY_DATE}{_STAMP_COUNT}"
    rf"){_STAMP_END}"
)
# The visit date a site prints in its header: with its weekday, or after «Сегодня:» / "Today is".
_WEEKDAY_DATE_LINE = _whole(
    rf"{_BULLET}{_WEEKDAY},?\s*{_ANY_DATE}(?:,?\s*{_TIME})?\s*|"
    rf"{_BULLET}{_ANY_DATE},?\s*{_WEEKDAY}(?:,?\s*{_TIME})?\s*|"
    rf"(?:сегодня|бүгін|today(?: is)?)\s*[:,–—-]?\s*(?:{_WEEKDAY},?\s*)?{_ANY_DATE}"
    rf"(?:,?\s*{_WEEKDAY})?(?:,?\s*{_TIME})?\s*"
)


def _live(page: Page) -> list[int]:
    return page.live()


def _text(page: Page, index: int) -> str:
    return page.units[index].text


def _low(page: Page, index: int) -> str:
    return page.units[index].lower


# --------------------------------------------------------------------------- simple line rules


_PLACEHOLDER = re.compile(
    r"\[\[[^\]]*\]\]|\{\{[^}]*\}\}|\{%[^%]*%\}|\$\{[^}]*\}|%%\w+%%|%[A-Z][A-Z_]{2,}%"
)


@line_rule(
    "template_placeholder",
    "Lines made only of unrendered template fields: [[year]], {{title}}, %DATE%.",
    within_article=True,
)
def template_placeholder(text: str) -> bool:
    if ("[[" in text or "{" in text or "%" in text) and _PLACEHOLDER.search(text):
        return not re.search(r"\w", _PLACEHOLDER.sub("", text))
    return False


_PUBLISHED = re.compile(
    rf"^{_BULLET}(?:last\s+)?(?:{lx.PUBLISHED_PREFIX})(?:\s+(?:on|at))?\s*:?\s*"
    rf"(?P<value>(?:{_WEEKDAY},?\s*)?{_ANY_DATE}(?:\s*[,|/]?\s*(?:в\s*|at\s*)?{_CLOCK})?"
    rf"|{_CLOCK}\s*[,|/]?\s*(?:on\s*)?(?:{_WEEKDAY},?\s*)?{_ANY_DATE}){_STAMP_END}$",
    re.IGNORECASE,
)
_NUMERIC_STAMP = re.compile(
    r"^(\d{1,2})[./](\d{1,2})[./](\d{4})(?:[ ,T]+(\d{1,2}):(\d{2})(?::(\d{2}))?)?$"
)


def iso_from_numeric(value: str) -> str | None:
    """``11.12.2024 18:00:00`` → ``2024-12-11T18:00:00`` (day first, as in ru/kk); else None."""
    match = _NUMERIC_STAMP.match(value.strip())
    if not match:
        return None
    day, month, year, hour, minute, second = match.groups()
    if not (1 <= int(day) <= 31 and 1 <= int(month) <= 12):
        return None
    date = f"{year}-{int(month):02d}-{int(day):02d}"
    if hour is None:
        return date
    return f"{date}T{int(hour):02d}:{minute}" + (f":{second}" if second else "")


@rule(
    "published_date",
    "A 'Posted: 11.12.2024 18:00' line, or a bare date between the title and the lead: moved to "
    "meta.published (and meta.date when numeric; ct normalize reads the other forms).",
    within_article=True,
)
def published_date(page: Page) -> Iterator[int]:
    live = _live(page)
    # A 'Posted on DATE' line says nothing else wherever it stands (below a menu of fifty
    # entries, under the article): all go. The page's date is the first one above the first
    # paragraph, else the first one at all.
    dated = [
        (position, value)
        for position, i in enumerate(live)
        if (value := _prefixed_date(_text(page, i)))
    ]
    first = _first_paragraph(page, live[: dated[-1][0] if dated else 40])
    if dated:
        above = [value for position, value in dated if first is None or position < first]
        _record_published(page, (above or [dated[0][1]])[0])
        yield from (live[position] for position, _ in dated)
        return
    # No prefix: a date (with or without a time) just above the first paragraph, among the
    # title, byline and view count, is the article's date ('23 қараша 2024, 10:15').
    if first is None:
        return
    for position in range(first - 1, max(-1, first - 5), -1):
        text = _text(page, live[position])
        if position < 6 and _WEEKDAY_DATE_LINE.match(text.lower()):
            break  # the visit date in the site header (page_header_date)
        if _stamp_kind(text) and _HAS_DATE.search(text):  # a bare '14:02' dates nothing
            _record_published(page, text)
            yield live[position]
            return


_HAS_DATE = re.compile(r"\d[./-]\d|\d{4}|[^\W\d_]{3}")


def _first_paragraph(page: Page, live: list[int]) -> int | None:
    """Position in ``live`` of the first line of prose, if any."""
    return next((p for p, i in enumerate(live) if is_prose(_text(page, i))), None)


_DATE_PARTS = re.compile(r"\s+[|•·]\s+")


@functools.lru_cache(maxsize=LINE_CACHE_SIZE)
def _prefixed_date(text: str) -> str | None:
    """The date of a 'Posted: 11.12.2024 18:00' / 'Updated yesterday at 5:45 PM' line, or of
    the first part of «Опубликовано: 12.03.2024 10:15 | Обновлено: 12.03.2024 11:00»."""
    if len(text) > 160 or _DIGIT.search(text) is None:
        return None
    parts = _DATE_PARTS.split(text)
    matches = [_PUBLISHED.match(part) for part in parts]
    if len(parts) > 2 or not all(matches):
        return None
    return matches[0].group("value")  # type: ignore[union-attr]


def _record_published(page: Page, value: str) -> None:
    page.meta.setdefault("published", value)
    iso = iso_from_numeric(value)
    if iso:
        page.meta.setdefault("date", iso)


@rule("page_header_date", "The visit date in the page header ('суббота, 23 ноября 2024').")
def page_header_date(page: Page) -> Iterator[int]:
    for index in _live(page)[:6]:
        if _WEEKDAY_DATE_LINE.match(_low(page, index)):
            yield index


@rule(
    "timestamp",
    "Bare times and dated times ('13:46', '12.05.2024 13:46'), alone or in runs.",
    within_article=True,
)
def timestamp(page: Page) -> Iterator[int]:
    live = _live(page)
    kinds = [_stamp_kind(_text(page, i)) for i in live]
    dates = [kind == "date" for kind in kinds]
    for position, index in enumerate(live):
        if kinds[position] == "datetime" or (dates[position] and _in_run(dates, position, 3)):
            yield index


_STAMP_LINE_MAX = 60


@functools.lru_cache(maxsize=LINE_CACHE_SIZE)
def _stamp_kind(text: str) -> str | None:
    """'datetime' for a line that is only a (dated) time, 'date' for only a date, else None."""
    if len(text) > _STAMP_LINE_MAX or _DIGIT.search(text) is None:
        return None
    lower = text.lower()
    if _DATETIME_LINE.match(lower):
        return "datetime"
    return "date" if _DATE_LINE.match(lower) else None


def _in_run(flags: list[bool], position: int, length: int) -> bool:
    """True when ``flags[position]`` belongs to a run of at least ``length`` true values."""
    start = position
    while start > 0 and flags[start - 1]:
        start -= 1
    end = position
    while end + 1 < len(flags) and flags[end + 1]:
        end += 1
    return end - start + 1 >= length


_DAY_CELLS = re.compile(r"[|\s]+")


def _calendar_cells(text: str) -> list[str]:
    return [cell for cell in _DAY_CELLS.split(text.strip("|").strip()) if cell]


@functools.lru_cache(maxsize=LINE_CACHE_SIZE)
def _is_weekday_header(text: str) -> bool:
    if len(text) > 80 or text.strip("| ")[:3].lower().strip(". |") not in lx.WEEKDAYS_SHORT:
        return False
    cells = [c.lower().strip(".") for c in _calendar_cells(text)]
    return len(cells) >= 5 and all(c in lx.WEEKDAYS_SHORT for c in cells)


_DAY_ROW = re.compile(r"^[\d|\s]+$")


@functools.lru_cache(maxsize=LINE_CACHE_SIZE)
def _is_day_row(text: str) -> bool:
    if len(text) > 60 or not _DAY_ROW.match(text):
        return False
    cells = _calendar_cells(text)
    return 1 <= len(cells) <= 7 and all(c.isdigit() and 1 <= int(c) <= 31 for c in cells)


_MONTH_HEADER = _whole(rf"[«‹<\s]*(?:{lx.MONTHS})\s*,?\s*(?:\d{{4}})?[»›>\s]*")


@rule("calendar_table", "Month calendars: weekday header rows (ru/kk/en) and grids of day numbers.")
def calendar_table(page: Page) -> Iterator[int]:
    live = _live(page)
    header = [_is_weekday_header(_text(page, i)) for i in live]
    days = [_is_day_row(_text(page, i)) for i in live]
    for position, index in enumerate(live):
        if header[position]:
            yield index
        elif days[position]:
            near_header = any(header[max(0, position - 7) : position])
            cells = len(_calendar_cells(_text(page, index)))
            grid = _in_run(days, position, 3) and cells >= 3
            if near_header or grid:
                yield index
        elif _MONTH_HEADER.match(_low(page, index)) and (
            any(header[position + 1 : position + 3]) or any(days[position + 1 : position + 2])
        ):
            yield index


_CURRENCY = re.compile(  # on lower-cased lines
    r"(?:\b(?:usd|eur|rub|rur|kzt|cny|gbp|kgs|uzs|btc|brent|wti|доллар\w*|евро|рубл\w*|юан\w*|"
    r"нефть|золото|ммвб|ртс|micex|rts|kase|imoex|dow jones|nasdaq|s&p ?500|ftse|dax|nikkei)\b|"
    r"[$€₽₸£¥])\s*(?:/\s*[a-z]{3})?\s*[:=]?\s*(?:\d{1,2}:\d{2}\s+)?[↑↓▲▼+-]?\s*\d+(?:[.,]\d+)?"
)
_PERCENT_CHANGE = re.compile(r"[+−-]\s*\d+(?:[.,]\d+)?\s*%")


@line_rule("currency_ticker", "Exchange-rate strips: 'USD/KZT: 425.67 EUR/KZT: 496.42'.")
def currency_ticker(text: str) -> bool:
    if len(text) > 300 or _DIGIT.search(text) is None:
        return False
    text = text.lower()
    quotes = _CURRENCY.findall(text)
    if len(quotes) >= 2 or (quotes and len(text) <= 60 and _PERCENT_CHANGE.search(text)):
        rest = _CURRENCY.sub("", text)
        return len(re.findall(r"[^\W\d_]{3,}", rest)) <= 2 * len(quotes)
    return False


# A temperature, '+12°C', '−5 °C', '13°': weather widgets print one or a few, each with a place
# or an hour; a headline or a sentence about the weather has more words than that.
_TEMPERATURE = re.compile(r"[+−-]?\d{1,2}\s*°\s*[CСFcсf]?")
_SIGNED_WEATHER = re.compile(
    r"^(?:погода|ауа райы|weather)\b.*\s[+−-]\d{1,2}\s*(?:[CС])?$", re.IGNORECASE
)
_WIDGET_WORD = re.compile(r"(?<!\d)[^\W\d_]{2,}")  # '3PM' is an hour, not a word


@line_rule(
    "weather_widget", "Weather widgets: 'Алматы +12°C', 'Астана: −5 °C', '3PM 3°C 6PM -1°C'."
)
def weather_widget(text: str) -> bool:
    if len(text) > 120:
        return False
    if "°" not in text:  # 'Погода в Алматы +5': a widget names the weather and ends on a sign
        return len(text.split()) <= 6 and _SIGNED_WEATHER.match(text) is not None
    temperatures = len(_TEMPERATURE.findall(text))
    words = _WIDGET_WORD.findall(_TEMPERATURE.sub("", text).lower())
    places = [word for word in words if word not in lx.WEATHER_WORDS]
    return temperatures >= 1 and len(places) <= 1 + temperatures


_COUNT = r"\d{1,3}(?:[,.\s]\d{3})+|\d+"  # 1,204 / 1 204 / 1.204 / 1204
_VIEW_COUNT = re.compile(
    rf"^{_BULLET}(?:(?:{lx.VIEW_WORDS})\s*:?\s*(?P<a>{_COUNT})|(?P<b>{_COUNT})\s*(?:{lx.VIEW_WORDS}))\s*$",
    re.IGNORECASE,
)
_VIEW_HINT = re.compile(rf"(?:{lx.VIEW_WORDS})", re.IGNORECASE)


@functools.lru_cache(maxsize=LINE_CACHE_SIZE)
def _has_view_words(text: str) -> bool:
    return len(text) <= 60 and _VIEW_HINT.search(text) is not None


_BARE_NUMBER = re.compile(r"^\d{1,3}(?:[\s ]?\d{3})*$|^\d{1,9}$")


@rule(
    "view_counter",
    "View counters ('2880' under a title, 'Просмотров: 120'): to meta.views.",
    within_article=True,
)
def view_counter(page: Page) -> Iterator[int]:
    live = _live(page)
    for position, index in enumerate(live):
        text = _text(page, index)
        match = _VIEW_COUNT.match(text) if _has_view_words(text) else None
        count = None
        if match:
            count = match.group("a") or match.group("b")
        elif _BARE_NUMBER.match(text) and (position < 8 or _next_to_date(page, index)):
            neighbours = [live[p] for p in (position - 1, position + 1) if 0 <= p < len(live)]
            if not any(_BARE_NUMBER.match(_text(page, n)) for n in neighbours):
                count = text
        if count is not None:
            page.meta.setdefault("views", int(re.sub(r"\D", "", count)))
            yield index


_DATE_RULES = frozenset({"published_date", "timestamp", "page_header_date"})


def _next_to_date(page: Page, index: int) -> bool:
    """Whether the line right above or below ``index`` was removed as a date: a bare number
    beside an article's date is its view count, however far down the page the header is."""
    units = page.units
    return any(
        (other := _neighbour(units, index, step)) is not None and units[other].rule in _DATE_RULES
        for step in (-1, 1)
    )


def _neighbour(units: list[Unit], index: int, step: int) -> int | None:
    """The nearest unit with text above (step -1) or below (step 1) ``index``, or None."""
    other = index + step
    while 0 <= other < len(units) and not units[other].text:
        other += step
    return other if 0 <= other < len(units) else None


# 'Автор: Мадина Кенжебаева', also with the source or date after a bar or semicolon
# ('Autor: PAP | 03-01-2012 19:51', 'Autor: atab, kan; Źródło: PAP').
_BYLINE_PREFIXED = re.compile(
    rf"^{_BULLET}(?:{lx.BYLINE_PREFIX})\s*:\s*(?P<name>[^\W\d_][\w .,'’-]{{1,80}}?)"
    r"(?:\s*[|;]\s*[^|;]{1,60})?$",
    re.IGNORECASE,
)
_BYLINE_BY = re.compile(
    r"^(?:[Bb]y|BY|[Ww]ritten by)\s+(?P<name>[A-Z][\w'’-]+(?:\s+(?:[A-Z][\w.'’-]*|and)){1,4})"
    r"(?:\s*[,|/–—]\s*(?P<role>[^,|/]{2,60}))?$"
)
# 'Материал подготовила Ольга Ким', 'Подготовил Ерлан Сейткали': no colon after the verb.
# A person's name: two or three capitalised words ('Ольга Ким', 'Kassym-Jomart Tokayev').
_NAME = r"[A-ZА-ЯЁӘҒҚҢӨҰҮҺІ][\w'’-]+(?:\s+[A-ZА-ЯЁӘҒҚҢӨҰҮҺІ][\w.'’-]*){1,2}"
_BYLINE_PREPARED = re.compile(
    r"^(?:(?:[Мм]атериал|[Тт]екст|[Сс]татью|[Нн]овость)\s+)?[Пп]одготовил[аи]?\s+"
    rf"(?P<name>{_NAME})$"
)
# 'By Aida Haidar in Nation on 23 November 2024', 'By Bob Smith | Jan. 11, 2012 10:22 PM'
_BYLINE_BY_DATED = re.compile(
    r"^by\s+(?P<name>[A-Z][\w'’-]+(?:\s+(?!(?:in|on)\b)[A-Z][\w.'’-]*){1,3})"
    r"(?:\s+in\s+[A-Z][\w&-]*(?:\s+(?!on\b)[A-Z&][\w&-]*){0,2})?"
    rf"\s*(?:\bon\b|[,|/–—•·])\s*(?P<date>{_ANY_DATE}(?:\s*[,|]?\s*(?:at\s*)?{_CLOCK})?)\s*$",
    re.IGNORECASE,
)
# Reuters, Associated Press, NEW YORK DAILY NEWS
_AGENCY = re.compile(r"^[A-Z][\w&.-]*(?:\s+[A-Z][\w&.-]*){0,3}$")
_PERSON_NAME = re.compile(rf"^{_NAME}$")
_is_person_name = _cached_match(_PERSON_NAME)
_ROLE_LINE = re.compile(
    rf"^[\w\s,.-]{{0,60}}(?:{lx.JOURNALIST_ROLES})[\w\s,.-]{{0,80}}$", re.IGNORECASE
)


@rule(
    "byline",
    "Author lines ('Автор: ...', a name over 'старший корреспондент'): to meta.author.",
    within_article=True,
)
def byline(page: Page) -> Iterator[int]:
    live = _live(page)
    for position, index in enumerate(live):
        text = _text(page, index)
        match = (
            (_BYLINE_PREFIXED.match(text) or _BYLINE_BY.match(text) or _BYLINE_PREPARED.match(text))
            if len(text) <= 100
            else None
        )
        role = match.groupdict().get("role") if match else None
        if role and not (_ROLE_LINE.match(role) or _AGENCY.match(role)):
            match = None  # 'By Friday Night, officials said': a clause, not a role
        dated = _BYLINE_BY_DATED.match(text) if not match and len(text) <= 120 else None
        if dated:
            page.meta.setdefault("author", dated.group("name"))
            _record_published(page, dated.group("date"))
            yield index
            continue
        if match:
            page.meta.setdefault("author", match.group("name").strip())
            if role:
                page.meta.setdefault("author_role", role.strip())
            yield index
            continue
        following = live[position + 1] if position + 1 < len(live) else None
        if (
            following is not None
            and _is_person_name(text)
            and _ROLE_LINE.match(_text(page, following))
            and not _text(page, following).endswith((".", "!", "?"))
        ):
            page.meta.setdefault("author", text)
            page.meta.setdefault("author_role", _text(page, following))
            yield index
            yield following


_PHOTO_CREDIT = re.compile(rf"^{_BULLET}[(\[]?{lx.PHOTO_CREDIT}", re.IGNORECASE)
_is_photo_credit = _cached_match(_PHOTO_CREDIT)


@rule(
    "photo_credit",
    "Photo and video credits ('фото Игоря Бургандинова', 'Photo: ...'): to meta.",
    within_article=True,
)
def photo_credit(page: Page) -> Iterator[int]:
    for index in _live(page):
        text = _text(page, index)
        if len(text) <= 120 and _is_photo_credit(text) and _reads_as_credit(text):
            page.meta.setdefault("photo_credit", text.strip("()[] "))
            yield index


# A news item's source: «Источник: tengrinews.kz», «По материалам РИА Новости», "Source: AP".
_SOURCE_LINE = re.compile(
    r"(?:источник|source|дереккөз|ақпарат көзі)\s*:\s*(?P<a>\S.*)|по материалам\s+(?P<b>\S.*)",
    re.IGNORECASE,
)
MAX_SOURCE_WORDS = 8


@rule(
    "source_credit",
    "A news item's source line ('Источник: tengrinews.kz', 'По материалам РИА Новости', "
    "'Дереккөз: ...'): to meta.credited_source.",
    within_article=True,
)
def source_credit(page: Page) -> Iterator[int]:
    for index in _live(page):
        value = _credited_source(_text(page, index))
        if value:
            page.meta.setdefault("credited_source", value)
            yield index


@functools.lru_cache(maxsize=LINE_CACHE_SIZE)
def _credited_source(text: str) -> str | None:
    found = _SOURCE_LINE.fullmatch(_LEADING_BULLET.sub("", text)) if len(text) <= 120 else None
    value = (found["a"] or found["b"]).strip() if found else ""
    if value and len(value.split()) <= MAX_SOURCE_WORDS and not value.endswith(("!", "?")):
        return value
    return None


_TAG_WORDS = r"теги|тэги|метки|тегтер|бетбелгілер|белгілер|кілт сөздер|tags?|topics|keywords"
_TAG_HEADING = re.compile(rf"(?:{_TAG_WORDS})\s*:?", re.IGNORECASE)
MAX_TAG_LINES = 12


def _is_tag(text: str) -> bool:
    """One tag on its own line: a few words, no sentence end, not the next list's heading."""
    return (
        len(text.split()) <= 4
        and not text.endswith((".", "!", "?", "…", ":"))
        and not _is_list_heading(text)
    )


_TAG_LINE = re.compile(rf"(?:{_TAG_WORDS})\s*:\s*(?P<tags>\S.*)", re.IGNORECASE)


@rule(
    "tags",
    "Tag lines ('Теги: транспорт, Павлодар', 'Тегтер: ...', 'Tags: ...'): to meta.tags.",
    within_article=True,
)
def tags(page: Page) -> Iterator[int]:
    live = _live(page)
    for position, index in enumerate(live):
        text = _text(page, index)
        if _TAG_HEADING.fullmatch(text):  # 'Теги:' over one tag a line
            below = (_text(page, i) for i in live[position + 1 : position + 1 + MAX_TAG_LINES])
            listed = list(itertools.takewhile(_is_tag, below))
            if listed:
                page.meta.setdefault("tags", [tag.strip(" #*•") for tag in listed])
                yield from live[position : position + 1 + len(listed)]
            continue
        found = _TAG_LINE.fullmatch(_LEADING_BULLET.sub("", text)) if len(text) <= 300 else None
        if found is None or found["tags"].rstrip().endswith((".", "!", "?", "…")):
            continue  # a sentence that opens with the word, not a list of tags
        listed = [tag.strip(" #") for tag in re.split(r"[,;|]|\s#", found["tags"])]
        listed = [tag for tag in listed if tag]
        if listed and all(len(tag.split()) <= 6 for tag in listed):
            page.meta.setdefault("tags", listed)
            yield index


_CREDIT_SOURCE = re.compile(
    r"источник|архив|соцсет|пресс-служб|предоставлен|автора|courtesy|getty|reuters|afp|"
    r"\bap\b|epa|shutterstock|depositphotos|wikimedia|мұрағат|баспасөз қызметі"
)


def _reads_as_credit(text: str) -> bool:
    """'Фото: пресс-служба', 'фото Игоря Бургандинова': a separator, or a name of a few words;
    not a headline that starts with the word ('Фото Maserati появились в Сети')."""
    if text.count(". ") or text[0] in _BULLETS:
        return False
    if any(mark in text for mark in ":©/—|") or len(text.split()) <= 4:
        return True
    return _CREDIT_SOURCE.search(text.lower()) is not None


_OPENING_CHARS = 80


def _line_rule(
    name: str,
    summary: str,
    pattern: str,
    max_length: int = 200,
    whole: bool = True,
    within_article: bool = False,
) -> None:
    """A rule that removes lines up to ``max_length`` characters that are the pattern
    (``whole``) or contain it; a longer line too when it *opens* with the pattern (a legal
    notice of a thousand characters starts like one)."""
    if whole:
        matcher = _whole(rf"{_BULLET}(?:{pattern})[\s.!:»>→]*").match
    else:
        matcher = re.compile(pattern).search

    def test(text: str) -> bool:
        if len(text) <= max_length:
            return matcher(text.lower()) is not None
        return not whole and matcher(text[:_OPENING_CHARS].lower()) is not None

    line_rule(name, summary, within_article)(test)


_line_rule(
    "pagination",
    "Page navigation: 'Страницы: 1 2 3 ... 33', 'Next »', 'Показать ещё'.",
    lx.PAGINATION,
    120,
)
_line_rule(
    "comment_prompt",
    "Comment prompts and counters: 'Оставить комментарий', 'Comments (3)'.",
    lx.COMMENT_PROMPTS,
)
_line_rule(
    "share_buttons",
    "Share, print and social buttons: 'Поделиться', 'Facebook Twitter VK'.",
    rf"(?:(?:{lx.SHARE_BUTTONS}|{lx.SOCIAL_NETWORKS})[\s,|/•·:]*)+",
    160,
    within_article=True,
)
_line_rule(
    "subscription_pitch",
    "Subscription pitches: 'Подписывайтесь на наш Telegram-канал'.",
    lx.SUBSCRIPTION,
    240,
    whole=False,
)
_line_rule(
    "copyright_footer",
    "Copyright and reprint notices: '© 2024', 'Все права защищены'.",
    lx.COPYRIGHT,
    600,
    whole=False,
)


_line_rule(
    "site_notice",
    "Browser, cookie and advertising notices: 'Включите JavaScript'.",
    lx.SITE_NOTICES,
    300,
)

_TAG = re.compile(r"</?[a-zA-Z][a-zA-Z0-9]*(?:\s[^<>]*)?/?>")
_CODE = re.compile(
    r"[{;]\s*[a-z-]+\s*:\s*[^;{}]+;|function\s*\(|\bvar\s+\w+\s*=|document\.|window\.|"
    r"\$\(|=>|&[a-z]+;|\bhttps?://\S+\.(?:js|css|php)\b"
)


@line_rule(
    "markup_code",
    "HTML, CSS and JavaScript that leaked into the text ('<div style=...>').",
    within_article=True,
)
def markup_code(text: str) -> bool:
    return ("<" in text or "{" in text or ";" in text or "(" in text) and (
        len(_TAG.findall(text)) >= 2 or len(_CODE.findall(text)) >= 2
    )


# A host name ends in a lower-case or all-capital top-level domain ('zakon.kz', 'ABCNEWS.com',
# 'президент.рф'); 'A.Ivanov' and 'Day.Az' end in a name-shaped word and are not taken for one.
_WEB_ADDRESS = re.compile(
    rf"^{_BULLET}(?:(?:https?://|www\.)\S+"
    r"|[\w-]+(?:\.[\w-]+)*\.(?:[a-z]{2,6}|[A-Z]{2,6}|[а-яёәғқңөұүһі]{2,6})(?::\d+)?(?:/\S*)?)/?$"
)


@line_rule(
    "web_address",
    "A line that is only a web address ('tengrinews.kz', 'http://…'): a source, feed or "
    "profile link, never a sentence.",
    within_article=True,
)
def web_address(text: str) -> bool:
    return len(text) <= 300 and _WEB_ADDRESS.match(text) is not None


_MENU_SEPARATORS = re.compile(r"\s*[|•·/»]\s*|\s{2,}")


_BREADCRUMB = re.compile(
    rf"^{_BULLET}(?:на |back to |go to )?(?:{lx.HOME_LINK})(?:\s*(?:[»›>/→]|::)\s*\S|\s*$)"
    rf"|^{_BULLET}(?:{lx.YOU_ARE_HERE})\s*:?\s*[^»›>/→]+(?:[»›>/→]|::)\s*\S",
    re.IGNORECASE,
)


@line_rule(
    "breadcrumb",
    "Breadcrumb trails ('Главная » Новости » TITLE', 'Home / Nation / …') and a lone home link.",
)
def breadcrumb(text: str) -> bool:
    return len(text) <= 300 and _BREADCRUMB.match(text) is not None


@line_rule("navigation_menu", "Menu bars: 'Главная | Новости | Политика | Спорт'.")
def navigation_menu(text: str) -> bool:
    if text.count("|") + text.count("•") + text.count("·") < 2 or len(text) > 300:
        return False
    parts = [p for p in _MENU_SEPARATORS.split(text) if p]
    return len(parts) >= 3 and all(
        len(p.split()) <= 3 and not p.endswith((".", ",")) for p in parts
    )


_ASTERISM = re.compile(r"^(\*\s*){3}$|^\*{3,}$")


@line_rule(
    "punctuation_only",
    "Lines with no letter or digit: stray commas, bullets, separators, the 'Â' of a misread "
    "no-break space.",
    within_article=True,
)
def punctuation_only(text: str) -> bool:
    text = text.replace("Â", "")  # a no-break space read as Latin-1 ('\xc2\xa0' → 'Â ')
    return not any(ch.isalnum() for ch in text) and not _ASTERISM.match(text)


# --------------------------------------------------------------------------- block rules

_SENTENCE_END = re.compile(r"[.!?…](?=[\s\"»”)]|$)")
_GLUE = re.compile(
    r"(?<=[a-zа-яёәғқңөұүһі0-9»\"”)])\s+(?=[A-ZА-ЯЁӘҒҚҢӨҰҮҺІ«\"“][a-zа-яёәғқңөұүһі])"
)


_STAMP = re.compile(rf"(?<![\d:.])(?:{_TIME}|\d{{1,2}}[./]\d{{1,2}}[./]\d{{2,4}})(?![\d:])")
_CAMEL_GLUE = re.compile(r"[a-zа-яёәғқңөұүһі][A-ZА-ЯЁӘҒҚҢӨҰҮҺІ][a-zа-яёәғқңөұүһі]")


@line_rule(
    "headline_ticker",
    "Headlines glued into one long line: no sentence punctuation, or a "
    "time stamp before every headline.",
)
def headline_ticker(text: str) -> bool:
    if _separated_headlines(text):
        return True
    if len(text) < 150:
        return False
    stamps = len(_STAMP.findall(text))
    camel = len(_CAMEL_GLUE.findall(text))
    if stamps >= 4 and (stamps * 200 >= len(text) or camel >= 3):
        return True
    if len(text) < 250:
        return False
    ends = len(_SENTENCE_END.findall(text))
    glue = len(_GLUE.findall(text)) + 2 * camel
    return ends <= len(text) / 600 and glue >= max(5, len(text) / 120)


# 'Главные новости: Токаев провёл совещание • В Алматы выпал снег • Тенге укрепился'
_TICKER_SEPARATOR = re.compile(r"\s+[•·|◆■▪]\s+")
# 'Молния: В Астане закрыли аэропорт', 'Breaking: …': a news flash in the page header.
_FLASH = re.compile(rf"^{_BULLET}(?:{lx.NEWS_FLASH})\s*[:!–—-]\s*\S", re.IGNORECASE)


def _separated_headlines(text: str) -> bool:
    """Three or more headlines of three words or more between bullets or bars (a heading
    before the first may end in a colon), four or more when some have two words (Kazakh
    headlines are short: «Теңге әлсіреді»), or one news flash."""
    if _FLASH.match(text) and len(text) <= 200:
        return True
    parts = _TICKER_SEPARATOR.split(text)
    if len(parts) < 3:
        return False
    parts[0] = parts[0].rsplit(": ", 1)[-1]
    shortest = min(len(part.split()) for part in parts)
    if shortest < 2 or (shortest == 2 and len(parts) < 4):
        return False
    return all(is_headline_like(part) for part in parts)


_HEADLINE_END = tuple(".,;:—–-")
_HEADLINE_OPENERS = "\"«“„'("


_LEADING_BULLET = re.compile(r"^[*•·●▪■►▸>]+\s*")


@functools.lru_cache(maxsize=8192)
def is_headline_like(text: str) -> bool:
    """A title-shaped line: capitalised, 1-25 words, not ending like a sentence or a clause."""
    text = _LEADING_BULLET.sub("", text)
    if not text:
        return False
    if not 2 <= len(text) <= 160 or (text.endswith(_HEADLINE_END) and not text.endswith("...")):
        return False
    if text[0] in "–—-" or (text.endswith("…") and len(text) < 20):
        return False
    has_letter = any(ch.isalpha() for ch in text)
    opening = text.lstrip(_HEADLINE_OPENERS)[:1]  # a capital in any script, or a digit
    return has_letter and (opening.isupper() or opening.isdigit()) and len(text.split()) <= 25


_READ_MORE = _whole(rf"{_BULLET}(?:{lx.READ_MORE})[\s.…:»>→]*")


_READ_ALSO = re.compile(rf"^{_BULLET}(?:{lx.READ_ALSO})\s*[:–—>»]+\s*\w", re.IGNORECASE)


@line_rule(
    "read_also_link",
    "A link to another article inside this one: 'Читайте также: HEADLINE', 'Read also: …'.",
    within_article=True,
)
def read_also_link(text: str) -> bool:
    return len(text) <= 250 and _READ_ALSO.match(text) is not None


@line_rule("read_more_link", "'Подробнее…' / 'Read more' links under teasers.")
def read_more_link(text: str) -> bool:
    return len(text) <= 40 and _READ_MORE.match(text.lower()) is not None


@rule(
    "repeated_in_page",
    "Second and later copies of a line of 30+ characters in one page "
    "(per-comment widgets, a title repeated by the layout; the copy over the article's date is "
    "the one kept); a refrain in verse stays.",
    within_article=True,
)
def repeated_in_page(page: Page) -> Iterator[int]:
    """The first copy stays, unless a later one is the article's title over its date or author
    (the page's <title> or a sidebar printed it first)."""
    copies: dict[str, list[int]] = {}
    for index in _live(page):
        key = line_key(_text(page, index))
        if len(key) >= 30:
            copies.setdefault(key, []).append(index)
    repeated = []
    for indexes in copies.values():
        if len(indexes) > 1:
            kept = next((i for i in indexes if _dated_title(page, i)), indexes[0])
            repeated += (i for i in indexes if i != kept and not _in_verse(page, i))
    yield from sorted(repeated)


def _in_verse(page: Page, index: int) -> bool:
    """Whether the unit sits in a stanza: three or more lines with no blank line between them,
    each 15-80 characters without digits, one at least ending with a comma (verse lines run on;
    a layout's repeated lines sit among names, dates and counters)."""
    units = page.units
    start = end = index
    while start > 0 and units[start - 1].text:
        start -= 1
    while end + 1 < len(units) and units[end + 1].text:
        end += 1
    stanza = [unit.text for unit in units[start : end + 1]]
    return (
        len(stanza) >= 3
        and all(15 <= len(text) <= 80 and not _DIGIT.search(text) for text in stanza)
        and any(text.rstrip().endswith(",") for text in stanza)
    )


_LIST_HEADING = _whole(rf"{_BULLET}(?:{lx.LIST_HEADINGS})\s*[:»>→]?\s*")
_is_list_heading = _cached_match(_LIST_HEADING, lower=True)


@rule(
    "side_column",
    "Short lines laid beside the article's paragraphs by HTML-to-text (a second table column: "
    "share links, other stories' headlines), on lines split into columns.",
    within_article=True,
)
def side_column(page: Page) -> Iterator[int]:
    """inscriptis prints a page's table columns side by side on one line; page.py splits such a
    line into units by column. The column that holds most of the page's prose is the article's;
    on a split line, a unit of another column that is not prose itself is beside the article.
    A title-shaped line above the article's first paragraph is spared (a title can stand in the
    next column over)."""
    units = page.units
    split_lines = {unit.line for unit in units if unit.part}  # only these hold a second column
    if not split_lines:
        return
    prose = [bool(unit.text) and is_prose(unit.text) for unit in units]
    mass: dict[int, int] = {}
    for unit, is_paragraph in zip(units, prose, strict=True):
        if is_paragraph:
            mass[unit.part] = mass.get(unit.part, 0) + len(unit.text)
    if not mass:
        return
    article = max(mass, key=mass.__getitem__)
    first = next(i for i, u in enumerate(units) if u.part == article and prose[i])
    for index in page.live():
        unit = units[index]
        if unit.line not in split_lines or unit.part == article or prose[index]:
            continue
        if index < first and is_title_candidate(unit.text):
            continue
        yield index


@rule(
    "interleaved_menu_item",
    "A lone bulleted entry of up to four words between two paragraphs ('* Общество'): a menu "
    "column HTML-to-text printed line by line among the article's.",
    within_article=True,
)
def interleaved_menu_item(page: Page) -> Iterator[int]:
    """A list in an article has two items or more and is introduced by a line ending in a colon;
    one bulleted line with a paragraph right above and right below is a neighbouring column's
    menu entry, printed between the article's paragraphs."""
    live = page.live()
    for position in range(1, len(live) - 1):
        text = _text(page, live[position])
        if text[0] not in _BULLETS or len(text.split()) > 4 or text.endswith(_CLAUSE_END):
            continue
        if not any(ch.isalpha() for ch in text) or _DIGIT.search(text):
            continue  # the asterism '* * *' between sections; a numbered step '* 2. Зарядите …'
        if is_prose(_text(page, live[position - 1])) and is_prose(_text(page, live[position + 1])):
            yield live[position]


@rule("link_list", "'Popular' / 'Читайте также' / 'Көп оқылған' headings and the headlines below.")
def link_list(page: Page) -> Iterator[int]:
    live = _live(page)
    position = 0
    while position < len(live):
        if not _is_list_heading(_text(page, live[position])):
            position += 1
            continue
        end = position + 1
        while (
            end < len(live)
            and (
                is_headline_like(_text(page, live[end])) or _is_list_heading(_text(page, live[end]))
            )
            and not _title_over_lead(page, live, end)
        ):
            end += 1
        listed = end - position - 1
        teasers = _teasers_under(page, live, position + 1)
        teased = teasers > end  # «Другие новости» over headlines with their leads
        end = max(end, teasers)
        at_end = end == len(live)
        heading = _text(page, live[position])
        # «Читайте также:» over one headline is the usual box set inside an article.
        boxed = listed == 1 and _READ_ALSO_HEADING.match(heading.lower()) is not None
        if (
            listed >= 2
            or teased
            or at_end
            or boxed
            or _is_list_heading(_text(page, live[position + 1]))
        ):
            # The article's own title can follow a list: it stands over its date or author.
            yield from (i for i in live[position:end] if not _dated_title(page, i))
        position = end


MAX_TEASER_LEAD = 400


def _teasers_under(page: Page, live: list[int], start: int) -> int:
    """End of the run of two or more «headline, one-paragraph lead» teasers from ``start``
    (``start`` itself if there is none): the stories of a list heading's box, whose leads,
    unlike an article's sections, share few words (see _cohesive)."""
    position, leads = start, []
    while position + 1 < len(live):
        headline, lead = _text(page, live[position]), _text(page, live[position + 1])
        if not (
            is_headline_like(headline)
            and is_prose(lead)
            and len(lead) <= MAX_TEASER_LEAD
            and not _title_over_lead(page, live, position)
        ):
            break
        leads.append(lead)
        position += 2
    return position if len(leads) >= 2 and not _cohesive(leads) else start


def _title_over_lead(page: Page, live: list[int], position: int) -> bool:
    """A title candidate right above a paragraph or sentence, under the article's date, author
    or view count (removed): the article's title, where a menu ran on into its header, not the
    menu's next entry."""
    between = page.units[live[position - 1] + 1 : live[position]]
    if position + 1 >= len(live):
        return False
    lead = _text(page, live[position + 1])
    return (
        any(unit.rule in _ARTICLE_HEADER_RULES for unit in between)
        and (is_prose(lead) or _is_sentence(lead))  # a lead may be one short sentence
        and is_title_candidate(_text(page, live[position]))
    )


@rule("headline_list", "Runs of 6 or more title-shaped lines with no heading (sidebars, menus).")
def headline_list(page: Page) -> Iterator[int]:
    live = _live(page)
    flags = [is_headline_like(_text(page, i)) for i in live]
    # A run ends where furniture was removed: what stood on either side were two lists.
    removed = _removed_before(page, live)
    # Above the page's first paragraph stands the article's title among menus and sidebars:
    # that part is left to boilerplate_context, which keeps only the title there.
    position = _first_paragraph(page, live)
    if position is None:
        return
    while position < len(live):
        if not flags[position]:
            position += 1
            continue
        end = position
        while end + 1 < len(live) and flags[end + 1] and removed[end + 1] - removed[end] < 2:
            end += 1
        introduced = position > 0 and _text(page, live[position - 1]).endswith(":")
        run = live[position : end + 1]
        if len(run) >= 6 and not introduced and not _list_inside_article(page, live, position, end):
            kept = set(run[_title_start(page, live, position, end) :])
            kept.update(i for i in run if _dated_title(page, i))
            yield from (i for i in run if i not in kept)
        position = end + 1


_ARTICLE_HEADER_RULES = frozenset({"timestamp", "published_date", "byline", "view_counter"})
# Removed lines that may stand between a title and its date or author line.
_SKIPPED = frozenset(
    {"share_buttons", "comment_prompt", "photo_credit", "punctuation_only", "repeated_in_page"}
)


def is_title_candidate(text: str) -> bool:
    """A line that may be an article's title: title-shaped, four words or more, not a list
    item (sidebars' headlines are often bulleted, and shorter ones are menu entries)."""
    return text[0] not in _BULLETS and len(text.split()) >= 4 and is_headline_like(text)


def _dated_title(page: Page, index: int) -> bool:
    """A title candidate over its date, author or view count: an article's header. Removed
    lines (share buttons, a comments link) may stand between."""
    if not is_title_candidate(_text(page, index)):
        return False
    following = itertools.islice(page.units, index + 1, None)  # no copy of the rest of the page
    below = next((u for u in following if u.text and u.rule not in _SKIPPED), None)
    return below is not None and below.rule in _ARTICLE_HEADER_RULES


def _title_start(page: Page, live: list[int], first: int, last: int) -> int:
    """Where the article's title starts in a run that ends right above a paragraph, as an index
    into the run (its length when there is none): a menu or sidebar often runs on into the
    title, and a source or date line of title shape may stand between title and lead. The
    title (a title candidate) is one of the run's last two lines; it and what follows are left
    to boilerplate_context, which keeps them only above the article. A run with a paragraph
    right above it too is a sidebar inside the article, and has no title."""
    none = last - first + 1
    if last + 1 >= len(live) or not is_prose(_text(page, live[last + 1])):
        return none
    if first > 0 and is_prose(_text(page, live[first - 1])):
        return none
    for position in range(last, max(first, last - 2) - 1, -1):
        if is_title_candidate(_text(page, live[position])):
            return position - first
    return none


def _list_inside_article(page: Page, live: list[int], first: int, last: int) -> bool:
    """A run of short items (a roster, a list of winners) with a paragraph right above and right
    below it is part of the article: a sidebar's headlines are longer, and sit beside it."""
    if first == 0 or last + 1 >= len(live):
        return False
    if not (is_prose(_text(page, live[first - 1])) and is_prose(_text(page, live[last + 1]))):
        return False
    # List entries rather than headlines: half of them five words or fewer.
    words = sorted(len(_text(page, i).split()) for i in live[first : last + 1])
    return words[len(words) // 2] <= 5


# --------------------------------------------------------------------------- context rule


_WORD = re.compile(r"\w+")


_BULLETS = "*•·●▪■►▸"
_PROSE_END = tuple('.!?…:;"»”)')


@functools.lru_cache(maxsize=8192)
def is_prose(text: str) -> bool:
    """A line that reads like running text: long enough, with function words or sentences."""
    if len(text) < 80:
        return False
    if len(text) < 150 and (not text.endswith(_PROSE_END) or text[0] in _BULLETS):
        return False  # a long headline or a list item, not a paragraph
    words = _WORD.findall(text.lower())
    if len(words) < 10:
        return False
    stop_share = sum(w in lx.STOPWORDS for w in words) / len(words)
    sentences = len(_SENTENCE_END.findall(text))
    return stop_share >= 0.15 or (sentences >= 1 and text.rstrip()[-1:] in '.!?…"»”')


_COMMENT_HEADING = _whole(rf"{_BULLET}(?:{lx.COMMENT_HEADINGS})\s*:?\s*")


_COMMENTS_OPEN = _whole(rf"{_BULLET}(?:{lx.COMMENTS_OPEN})\s*[:.!?]?\s*")
_SIGNATURE = re.compile(rf"^(?:[\w.' -]{{1,40}}\s)?(?:{lx.COMMENT_SIGNATURE})\s*:?$", re.IGNORECASE)


_COUNTED, _OPENING, _SIGNED, _HEADER = 1, 2, 3, 4
# '- SeanH, Llanelli, 12/1/2012 11:48': a reader's name, place and the time of the comment.
_DATED_SIGNATURE = re.compile(rf"^[-–—]\s*\S.{{0,100}},\s*{_NUM_DATE}[ ,]+{_TIME}$")
# 'Posted by: Bob | January 16, 2012, 8:29 am', '• Posted by: Bob • Report Comment': under the
# comment it signs (one such line is also an article's byline: a thread needs two).
_POSTED_BY = re.compile(rf"^{_BULLET}(?:posted|submitted) by:?\s+\S.{{0,80}}$", re.IGNORECASE)
# '#8 котенок92 10.01.12, 20:49', 'Комментарий читателя: Андрей': a comment's header, above it.
_NUMBERED_HEADER = re.compile(rf"^{_BULLET}#\d+\s+\S.{{0,60}}\s{_NUM_DATE}[ ,]+{_TIME}$")
_READER_HEADER = re.compile(
    rf"^{_BULLET}(?:{lx.READER_COMMENT_HEADER})\s*:\s*\S.{{0,60}}$", re.IGNORECASE
)


@functools.lru_cache(maxsize=LINE_CACHE_SIZE)
def _comment_mark(text: str) -> int:
    """Whether a line is a counted comments heading, a line opening a thread, or a signature."""
    if len(text) > 80:
        return 0
    lower = text.lower()
    if _COMMENT_HEADING.match(lower):
        return _COUNTED
    if _COMMENTS_OPEN.match(lower):
        return _OPENING
    if _SIGNATURE.match(text) or _DATED_SIGNATURE.match(text) or _POSTED_BY.match(text):
        return _SIGNED
    return _HEADER if _NUMBERED_HEADER.match(text) or _READER_HEADER.match(text) else 0


_CLOCK_ONLY = re.compile(_TIME)
# A reader's name as a comment shows it: one to three capitalised words, no digits or sentence.
_READER_NAME = re.compile(r"^[A-ZА-ЯЁӘҒҚҢӨҰҮҺІ][\w.'’-]*(?:\s[A-ZА-ЯЁӘҒҚҢӨҰҮҺІ][\w.'’-]*){0,2}$")


def _name_over_date(page: Page, index: int) -> bool:
    """A reader's name right above a line removed as a date (a day, not a bare clock time: a
    news feed's time stamps stand over rubrics such as «Погода»): a comment's header."""
    text = page.units[index].text
    if len(text) > 40 or not _READER_NAME.match(text) or any(ch.isdigit() for ch in text):
        return False
    units = page.units
    below = _neighbour(units, index, 1)
    return (
        below is not None
        and units[below].rule in _DATE_RULES
        and _CLOCK_ONLY.fullmatch(units[below].text.strip()) is None
    )


@rule(
    "comment_section",
    "Readers' comments: everything after a comments heading ('Комментарии (12)', 'Comments are "
    "now closed') or the first of several 'NAME said' signatures, once the article is behind.",
)
def comment_section(page: Page) -> Iterator[int]:
    # The heading itself may already be gone (comment_prompt), so all units are scanned. A
    # counted heading ('Comments (3)') is also a link under a title, so it counts only once
    # more prose stands before it than after it; a heading that opens the comments
    # ('Add your comment') and reader signatures need only some prose before them.
    prose = [
        len(u.text) if u.rule is None and u.text and is_prose(u.text) else 0 for u in page.units
    ]
    total = sum(prose)
    marks = [_comment_mark(u.text) if u.text else 0 for u in page.units]
    for index, unit in enumerate(page.units):  # 'Ерлан' over '25 ноября 2024, 14:20'
        if unit.text and not marks[index] and _name_over_date(page, index):
            marks[index] = _HEADER
    # Signatures and numbered headers from here to the end: a thread has two or more.
    signed_after = list(
        itertools.accumulate((mark in (_SIGNED, _HEADER) for mark in reversed(marks)), initial=0)
    )[::-1]
    before = 0
    for index, unit in enumerate(page.units):
        if unit.text and before >= 300:
            counted = before * 2 > total and marks[index] == _COUNTED
            opening = marks[index] == _OPENING
            thread = marks[index] in (_SIGNED, _HEADER) and signed_after[index] >= 2
            if counted or opening or thread:
                # A signature's comment (or the name of a 'said') is the line above it.
                first = index - 1 if marks[index] == _SIGNED else index
                yield from (i for i in page.live() if i >= first)
                return
        before += prose[index]


_SITE_FOOTER = re.compile(lx.SITE_FOOTER, re.IGNORECASE)


@rule(
    "after_footer",
    "Everything after the site's footer ('© 2024 …', 'Все права защищены', the media registration "
    "notice) once the article is behind it: dialogs, comment rules, cookie notices.",
)
def after_footer(page: Page) -> Iterator[int]:
    # The footer line itself may already be gone (copyright_footer), so all units are scanned.
    # Its own rule removes it; an article needs 300 characters of prose above the footer, so a
    # copyright line in a page header never takes the article below it.
    last = max(
        (i for i, u in enumerate(page.units) if u.text and _SITE_FOOTER.search(u.text)), default=-1
    )
    if last < 0:
        return
    prose = sum(
        len(u.text) for u in page.units[:last] if u.rule is None and u.text and is_prose(u.text)
    )
    if prose >= 300:
        yield from (i for i in page.live() if i > last)


@rule(
    "teaser_feed",
    "Feeds of other articles: 4 or more cycles of a headline (with a rubric or "
    "date) and a one-paragraph lead.",
)
def teaser_feed(page: Page) -> Iterator[int]:
    live = _live(page)
    texts = [_text(page, i) for i in live]
    # A lead is a paragraph, or a long line a feed cut off before its full stop.
    prose = [is_prose(t) or (len(t) >= 100 and t[0] not in _BULLETS) for t in texts]

    def cycle(start: int) -> int:
        """End (exclusive) of one 'rubric? headline lead' cycle starting at start, or -1."""
        for short in (1, 2, 3):
            lead = start + short
            if lead >= len(live) or prose[lead - 1]:
                return -1
            # Under a bulleted headline (a list item of the feed) any line of text is a lead.
            listed = texts[lead - 1][0] in _BULLETS and len(texts[lead]) >= 40
            if prose[lead] or (listed and texts[lead][0] not in _BULLETS):
                headline = is_headline_like(texts[lead - 1])
                end = lead + 1
                if listed and end < len(live) and texts[end][0] not in _BULLETS and prose[end]:
                    end += 1  # a listed teaser's lead may run over two lines
                single = end >= len(live) or not prose[end]
                return end if headline and single and len(texts[lead]) < 400 else -1
        return -1

    position = 0
    while position < len(live):
        end, cycles, leads = position, 0, []
        while (following := cycle(end)) != -1:
            # One text per cycle: a lead of two paragraphs is one story, and its two halves
            # share words; the feed is told from an article by what its stories share.
            story = range(end, following)
            leads.append(" ".join(texts[p] for p in story if prose[p]))
            end, cycles = following, cycles + 1
        if (
            cycles >= 4
            and not _cohesive(leads)
            and not _numbered(texts[position:end])
            and not _interview(texts[position:end])
        ):
            yield from live[position:end]
            position = end
        else:
            position += 1


_ITEM_NUMBER = re.compile(rf"^{_BULLET}(\d{{1,2}})[.)]\s")


# An interviewer's line: "Q:", «Вопрос:», «Сұрақ:», «— …?» or any question.
_QUESTION = re.compile(
    r"^(?:Q|Question|Вопрос|В|Сұрақ|С)\s*[:.]\s|^[–—-]\s*.*\?$|\?$", re.IGNORECASE
)


def _interview(lines: list[str]) -> bool:
    """Questions and answers (half the short lines or more are questions): an interview, whose
    short question then long answer looks like a feed's headline and lead."""
    short = [line for line in lines if not is_prose(line)]
    return bool(short) and sum(bool(_QUESTION.search(line)) for line in short) * 2 >= len(short)


def _numbered(lines: list[str]) -> bool:
    """Headings numbered 1, 2, 3 ... in order: the steps or points of one article (a listicle),
    not a feed of other articles."""
    numbers = [int(m.group(1)) for m in map(_ITEM_NUMBER.match, lines) if m]
    return len(numbers) >= 3 and all(b == a + 1 for a, b in itertools.pairwise(numbers))


def _stems(text: str) -> set[str]:
    return {w[:5] for w in _WORD.findall(text.lower()) if len(w) >= 4 and w not in lx.STOPWORDS}


def _cohesive(paragraphs: list[str]) -> bool:
    """Paragraphs of one article share words from one to the next; leads of a feed do not.
    (inscriptis interleaves a sidebar with the article line by line, which looks like a feed.)"""
    stems = [_stems(p) for p in paragraphs]
    overlaps = [len(a & b) / min(len(a), len(b)) for a, b in itertools.pairwise(stems) if a and b]
    return bool(overlaps) and sum(overlaps) / len(overlaps) >= COHESION


COHESION = 0.1


_CLAUSE_END = tuple(',;:.!?…»"”')


def _reads_as_article(lines: list[str]) -> bool:
    """Short lines that belong to the text around them: a list introduced by a colon, verse
    and dialogue (a third or more of the lines end like a clause or open with a dash)."""
    if not lines:
        return True
    if lines[0].endswith(":"):
        return True
    textual = sum(line.endswith(_CLAUSE_END) or line[0] in "–—-" for line in lines)
    return textual * 3 >= len(lines)


# Tuned on the ru/en/pl/el dev pages (docs/benchmarks.md): a run of prose ends where more than
# two short lines stand between paragraphs; a second run is article if it is two thirds as long.
MAX_PROSE_GAP = 2
SECOND_BLOCK_SHARE = 2 / 3
MAX_ARTICLE_GAP = 12
# Characters a neighbouring run of two or more paragraphs needs to join the article.
NEIGHBOUR_RUN_ABOVE = 300
NEIGHBOUR_RUN_BELOW = 400


# How a news article's closing lines open: a reminder of earlier events («Напомним, …», «Еске
# салайық, …», "Earlier, …") or a line of dialogue. A teaser or sidebar never opens like that.
_CLOSING_OPENING = re.compile(
    r"^(?:[–—-]\s*\S|(?:напомним|ранее|отметим|добавим|также|кроме того|еске салайық|айта кетейік|"
    r"бұған дейін|сондай-ақ|recall|earlier|previously|also|meanwhile)\b)",
    re.IGNORECASE,
)
MAX_CLOSING_LINES = 6


_SENTENCE_CLOSE = tuple('.!?…"»”')


def _closing_lines(texts: list[str], removed: list[int], last: int) -> Iterator[int]:
    """Short sentences that close the article (see _CLOSING_OPENING), past the two lines kept
    under its last paragraph ``last``, while no furniture was removed between; at most
    MAX_CLOSING_LINES."""
    start = last + 3
    for position in range(start, min(len(texts), start + MAX_CLOSING_LINES)):
        text = texts[position]
        if removed[position] != removed[last] or not text.endswith(_SENTENCE_CLOSE):
            return
        if len(text.split()) < 3 or not _CLOSING_OPENING.match(text):
            return
        yield position


MIN_SENTENCE_ANCHORS = 3


def _is_sentence(text: str) -> bool:
    """A short line that is a whole sentence: «Саябақтың аумағы 12 гектар.»"""
    return (
        len(text.split()) >= 3
        and text.endswith(_SENTENCE_CLOSE)
        and (text[0].isupper() or text[0] in '–—-«"')
    )


def _sentences_above(texts: list[str], removed: list[int], first: int) -> range:
    """Short sentences right above the article's first paragraph, with no furniture removed
    among them: an article written in one-sentence paragraphs starts there (its first long
    paragraph may come late). The run stops at the first line that is no sentence (the title,
    a menu entry)."""
    start = first
    while start > 0 and removed[start - 1] == removed[first] and _is_sentence(texts[start - 1]):
        start -= 1
    return range(start, first)


MAX_TAIL_LINES = 12


def _article_tail(texts: list[str], removed: list[int], last: int, article: str) -> range:
    """Short lines that end the article under its last paragraph ``last``: short sentences,
    dialogue and verse running on, with no furniture removed among them, up to the furniture
    (or the page end) that follows; they read as article (see _reads_as_article) and the last
    one closes a sentence."""
    start = last + 3
    stop = start
    while stop < len(texts) and removed[stop] == removed[last]:
        stop += 1
    tail = texts[start:stop]
    if not tail or len(tail) > MAX_TAIL_LINES or not tail[-1].endswith(_SENTENCE_CLOSE):
        return range(0)
    if any(is_prose(line) or line[0] in _BULLETS for line in tail) or any(
        map(_is_list_heading, texts[last + 1 : stop])
    ):
        return range(0)  # a paragraph the article did not take in, a list: a feed or a sidebar
    if not _reads_as_article(tail) or len(_stems(" ".join(tail)) & _stems(article)) < 2:
        return range(0)  # the article's own words go on in its tail; a widget's do not
    return range(start, stop)


def _continues_sentence(previous: str, line: str) -> bool:
    return line[0].isalpha() and line[0].islower() and not previous.endswith(_CLAUSE_END)


_READ_ALSO_HEADING = _whole(rf"{_BULLET}(?:{lx.READ_ALSO})\s*[:»>→]?\s*")


def _read_also_boxes(page: Page) -> set[int]:
    """Units of «Читайте также» / «Тағы оқыңыз» boxes that link_list removed: the heading and
    one to three headlines under it, with kept lines right above and below. Such a box is set
    inside the article, which goes on under it (often with its «Напомним, …» paragraph): it
    does not separate paragraphs as a sidebar does. A longer list under that heading, or one
    among other furniture, is a sidebar."""
    boxed: set[int] = set()
    units = page.units
    filled = [index for index, unit in enumerate(units) if unit.text]
    for position, index in enumerate(filled):
        unit = units[index]
        if unit.rule != "link_list" or not _READ_ALSO_HEADING.match(unit.text.lower()):
            continue
        end = position + 1
        while end < len(filled) and units[filled[end]].rule == "link_list":
            if _is_list_heading(units[filled[end]].text):
                break
            end += 1
        box = filled[position:end]
        kept_above = position > 0 and units[filled[position - 1]].rule is None
        kept_below = end < len(filled) and units[filled[end]].rule is None
        if kept_above and kept_below and 2 <= len(box) <= 4:
            boxed.update(box)
    return boxed


def _prose_blocks(anchors: list[int], max_gap: int, removed: list[int]) -> list[list[int]]:
    """Group prose positions whose gaps (non-prose units between them, kept or removed as
    furniture: ``removed`` holds the prefix counts of the latter) are at most max_gap."""
    blocks: list[list[int]] = [[anchors[0]]]
    for position in anchors[1:]:
        last = blocks[-1][-1]
        if position - last - 1 + removed[position] - removed[last] <= max_gap:
            blocks[-1].append(position)
        else:
            blocks.append([position])
    return blocks


def _removed_before(page: Page, live: list[int]) -> list[int]:
    """For each live position, how many lines before it were removed as page furniture (rules
    not marked within_article, lines repeated across the site; not a read-also box, see
    _read_also_boxes): prefix counts."""
    boxed = _read_also_boxes(page)
    counts, count, previous = [], 0, -1
    for index in live:
        for inner in range(previous + 1, index):
            unit = page.units[inner]
            if unit.text and unit.rule is not None and inner not in boxed:
                known = RULES.get(unit.rule)
                count += known is None or not known.within_article
        counts.append(count)
        previous = index
    return counts


@rule("boilerplate_context", "Lines outside the main run of prose: teasers, menus, footers.")
def boilerplate_context(page: Page) -> Iterator[int]:
    """The article is the longest run of prose paragraphs (short lines inside it, such as
    subheadings, verse and dialogue, belong to it); prose far from it is a teaser or a footer.
    Runs with at least SECOND_BLOCK_SHARE of the main run's text are kept too (an article cut
    by an embedded gallery). Pages without prose are left to the other rules."""
    live = _live(page)
    texts = [_text(page, i) for i in live]
    anchors = [p for p, text in enumerate(texts) if is_prose(text)]
    if not anchors:  # an article in one-sentence paragraphs: its sentences are the anchors
        anchors = [p for p, text in enumerate(texts) if _is_sentence(text)]
        if len(anchors) < MIN_SENTENCE_ANCHORS:
            return
    removed = _removed_before(page, live)
    blocks = _prose_blocks(anchors, max_gap=MAX_PROSE_GAP, removed=removed)
    weight = [sum(len(texts[p]) for p in block) for block in blocks]
    main = max(range(len(blocks)), key=weight.__getitem__)
    selected = {b for b in range(len(blocks)) if weight[b] >= weight[main] * SECOND_BLOCK_SHARE}
    # Walk out from the main run: a neighbouring run of several paragraphs, a few short lines
    # away (a poem, a quote, a gallery caption), is the same article; a lone paragraph is not.
    for step in (-1, 1):
        current = main
        while 0 <= current + step < len(blocks):
            neighbour = current + step
            near, far = sorted((blocks[current], blocks[neighbour]))
            between = texts[near[-1] + 1 : far[0]]
            hidden = removed[far[0]] - removed[near[-1]]
            # Less is asked of a run above the article: its lead, cut off by a box of related
            # stories, is often two short paragraphs.
            least = NEIGHBOUR_RUN_ABOVE if step < 0 else NEIGHBOUR_RUN_BELOW
            substantial = len(blocks[neighbour]) >= 2 and weight[neighbour] >= least
            continued = not hidden and _reads_as_article(between)
            joined = substantial or neighbour in selected or continued
            if len(between) + hidden > MAX_ARTICLE_GAP or not joined:
                break
            selected.add(neighbour)
            current = neighbour
    chosen = [blocks[b] for b in sorted(selected)]
    keep: set[int] = set()
    for block in chosen:
        keep.update(range(block[0], block[-1] + 1))
    for left, right in itertools.pairwise(chosen):
        if right[0] - left[-1] - 1 <= MAX_ARTICLE_GAP:
            keep.update(range(left[-1] + 1, right[0]))
    first, last = chosen[0][0], chosen[-1][-1]
    # Two lines either side (a caption, a signature), unless furniture was removed between.
    above = range(max(0, first - 2), first)
    keep.update(
        p
        for p in above
        if len(texts[p].split()) >= 2
        and (removed[p] == removed[first] or is_title_candidate(texts[p]))
    )
    keep.update(p for p in range(last + 1, min(len(live), last + 3)) if removed[p] == removed[last])
    keep.update(_sentences_above(texts, removed, first))
    keep.update(_closing_lines(texts, removed, last))
    article = " ".join(texts[p] for block in chosen for p in block)
    keep.update(_article_tail(texts, removed, last, article))
    # The title is often a few lines above the lead, past dates and share buttons: the nearest
    # one over its date or author line, else the nearest title-shaped line.
    header_zone = range(first - 1, max(-1, first - 16), -1)
    dated = next((p for p in header_zone if _dated_title(page, live[p])), None)
    if dated is not None:
        keep.add(dated)
        page.meta.setdefault("title", texts[dated])
    else:
        for position in range(first - 3, max(-1, first - 9), -1):
            if is_title_candidate(texts[position]) and not _NOT_A_TITLE.search(texts[position]):
                keep.add(position)
                break
    # A line that goes on with the sentence of a kept line belongs with it.
    for position in range(1, len(live)):
        if position - 1 in keep and _continues_sentence(texts[position - 1], texts[position]):
            keep.add(position)
    for position, index in enumerate(live):
        if position not in keep:
            yield index


# --------------------------------------------------------------------------- metadata


# A kept line with a clock time, a date with its year, a byline/publication prefix, a view count
# or a bar is the article's date, author or tool line, not its title: "Jonathan Carson January
# 17, 2012", "Tuesday, 17th January 2012", "Прочитано: 51 раз", "Print Story | Comments |"; one
# with a picture credit is an image's caption ("Claire Osborn (Pic: SWNS)"), one that ends on a
# news agency's name its source ("Derek Abma, Postmedia News").
_NOT_A_TITLE = re.compile(
    rf"\b{_TIME}\b|\b{_NUM_DATE}\b|"
    rf"\b\d{{1,2}}(?:st|nd|rd|th)?\s+(?:of\s+)?(?:{lx.MONTHS})\.?,?\s+\d{{4}}\b|"
    rf"\b(?:{lx.MONTHS})\.?\s+\d{{1,2}}(?:st|nd|rd|th)?,?\s+\d{{4}}\b|"
    rf"^(?:{lx.BYLINE_PREFIX}|{lx.PUBLISHED_PREFIX}|first posted|last updated)\b|"
    rf"(?:{lx.VIEW_WORDS})\s*:|\||"
    r"\b(?:pics?|picture|photo|фото|сурет)\s*:|getty|photo courtesy|"  # an image's caption
    rf"(?:^|,\s*|\bby\s+)(?:{lx.NEWS_AGENCIES})\s*$",  # an agency under the title
    re.IGNORECASE,
)


def _titled(text: str) -> bool:
    return is_headline_like(text) and text[0] not in _BULLETS and not _NOT_A_TITLE.search(text)


@rule(
    "title", "Records the first kept title-shaped line as meta.title; the line stays in the text."
)
def title(page: Page) -> Iterator[int]:
    """The title is the last title-shaped line (3+ words, not a list item) above the first
    paragraph, or else the first kept line when it is title-shaped."""
    live = _live(page)
    texts = [_text(page, i) for i in live]
    first_prose = next((p for p, text in enumerate(texts) if is_prose(text)), len(texts))
    candidates = [text for text in texts[:first_prose] if _titled(text) and len(text.split()) >= 3]
    if candidates:
        page.meta.setdefault("title", candidates[-1])
    elif texts and _titled(texts[0]) and len(texts[0]) >= 10:
        page.meta.setdefault("title", texts[0])
    return iter(())
