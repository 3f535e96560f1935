"""Date finding on real-style sentences in Russian, Kazakh and English, traps included."""

from __future__ import annotations

import pytest

from corpus_tools.normalize.dates import find_dates, publication_date


def values(text: str, lang: str = "ru", doc_date: str | None = None) -> list[tuple[str, str]]:
    return [(m.text, m.value) for m in find_dates(text, lang, doc_date)]


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("Война началась 22 июня 1941 года.", [("22 июня 1941 года", "1941-06-22")]),
        ("Его призвали в июле 1941 года.", [("июле 1941 года", "1941-07")]),
        ("вручил медаль 1939–1945 годов с планкой", [("1939–1945 годов", "1939/1945")]),
        ("на границе 7 апреля 1995 года.", [("7 апреля 1995 года", "1995-04-07")]),
        ("Posted: 11.12.2024 18:00:00", [("11.12.2024 18:00:00", "2024-12-11T18:00:00")]),
        ("суббота, 23 ноября 2024", [("суббота, 23 ноября 2024", "2024-11-23")]),
        ("в 2015 году акция собрала", [("2015 году", "2015")]),
        ("2022 жылғы 5 қаңтар күні", [("2022 жылғы 5 қаңтар", "2022-01-05")]),
        ("1941 жылы маусымда соғыс басталды", [("1941 жылы маусымда", "1941-06")]),
        ("Events of 5–7 января 2022 года", [("5–7 января 2022 года", "2022-01-05/2022-01-07")]),
    ],
)
def test_full_dates_keep_their_precision(sentence: str, expected: list) -> None:
    assert values(sentence) == expected


def test_season_is_a_year_with_a_note() -> None:
    (mention,) = find_dates("летом 1943 года он попал в плен", "ru")
    assert (mention.value, mention.precision, mention.kind, mention.note) == (
        "1943",
        "year",
        "season",
        "summer",
    )


@pytest.mark.parametrize(
    "sentence",
    [
        "матч закончился со счётом 3:1",
        "Шествие началось в 12:30",
        "до центра 1,2 км",
        "звоните +7 (727) 250-12-31 или 8 701 123 45 67",
        "Они освобождали Европу\n\n2880\nЮлия Полонская",
        "на митинг вышли 1500 человек",
        "About 1 million 700 thousand sons",
        "курс 425.67 тенге, рост на 61%",
    ],
)
def test_numbers_that_are_not_dates(sentence: str) -> None:
    assert find_dates(sentence, "ru") == []


def test_year_less_dates_take_the_document_year_and_are_flagged() -> None:
    en = find_dates("All these days, starting from January 4, we were worried", "en", "2022-01-20")
    kk = find_dates("Президент 5 қаңтарда үндеу жасады", "kk", "2022-01-20")
    assert [(m.value, m.flags) for m in en + kk] == [
        ("2022-01-04", ["year_inferred"]),
        ("2022-01-05", ["year_inferred"]),
    ]


def test_year_first_dates_with_slashes_or_dots_but_not_version_numbers() -> None:
    assert values("Опубликовано 2024/12/05, обновлено 2024.12.06 10:00") == [
        ("2024/12/05", "2024-12-05"),
        ("2024.12.06 10:00", "2024-12-06T10:00"),
    ]
    assert values("обновите до версии 2024.12.051") == []


def test_mid_year_in_english() -> None:
    assert values("Output should recover by mid-2025, as in early 2023.", "en") == [
        ("2025", "2025"),
        ("2023", "2023"),
    ]


def test_a_year_less_day_keeps_its_time_and_an_ordinal_year_its_year() -> None:
    found = find_dates("Брифинг пройдёт 11 ноября в 10:00, итоги подвели в 2024-м году.", "ru",
                       "2024-11-23")  # fmt: skip
    assert [(m.text, m.value, m.kind, m.flags) for m in found] == [
        ("11 ноября в 10:00", "2024-11-11T10:00", "datetime", ["year_inferred"]),
        ("2024-м году", "2024", "date", []),
    ]


def test_year_less_date_without_document_date_stays_year_less() -> None:
    (mention,) = find_dates("on January 2, rallies began in Zhanaozen", "en")
    assert (mention.value, mention.flags) == ("--01-02", ["year_unknown"])


def test_relative_words_resolve_only_against_a_known_date() -> None:
    resolved = find_dates("Вчера в Астане, а накануне в Алматы; кеше Ақтауда", "ru", "2024-12-11")
    assert [m.value for m in resolved] == ["2024-12-10", "2024-12-10", "2024-12-10"]
    assert "approximate" in resolved[1].flags
    unresolved = find_dates("yesterday the Majilis voted", "en")
    assert (unresolved[0].value, unresolved[0].flags) == (None, ["unresolved"])


@pytest.mark.parametrize(
    ("sentence", "lang", "expected"),
    [
        ("Три года назад здесь была степь.", "ru", [("Три года назад", "2021")]),
        ("Это случилось 3 месяца назад.", "ru", [("3 месяца назад", "2024-08")]),
        ("Неделю назад он уехал.", "ru", [("Неделю назад", "2024-11-16")]),
        ("Через два дня начнётся саммит.", "ru", [("Через два дня", "2024-11-25")]),
        ("В прошлом году построили 10 школ.", "ru", [("прошлом году", "2023")]),
        ("На этой неделе прошёл форум.", "ru", [("этой неделе", "2024-11-18/2024-11-24")]),
        ("Мост откроют в следующем месяце.", "ru", [("следующем месяце", "2024-12")]),
        ("В январе прошлого года цены выросли.", "ru", [("январе прошлого года", "2023-01")]),
        ("за 9 месяцев текущего года", "ru", [("текущего года", "2024")]),
        ("В прошлую пятницу аким провёл приём.", "ru", [("прошлую пятницу", "2024-11-22")]),
        ("Two years ago the plant closed.", "en", [("Two years ago", "2022")]),
        ("Exports rose last year.", "en", [("last year", "2023")]),
        ("He said last Friday that talks resume next week.", "en",
         [("last Friday", "2024-11-22"), ("next week", "2024-11-25/2024-12-01")]),
        ("The forum is held this Wednesday.", "en", [("this Wednesday", "2024-11-27")]),
        ("Бір ай бұрын зауыт ашылды.", "kk", [("Бір ай бұрын", "2024-10")]),
        ("Өткен жылдың желтоқсанында зауыт ашылды.", "kk",
         [("Өткен жылдың желтоқсанында", "2023-12")]),
        ("Биыл егін жақсы, былтыр қар көп түсті.", "kk", [("Биыл", "2024"), ("былтыр", "2023")]),
    ],
)  # fmt: skip
def test_relative_phrases_count_from_the_document_date(
    sentence: str, lang: str, expected: list
) -> None:
    assert values(sentence, lang, "2024-11-23") == expected  # a Saturday


@pytest.mark.parametrize(
    ("sentence", "lang", "expected"),
    [
        ("Об этом министр заявил в пятницу.", "ru", [("пятницу", "2024-11-15")]),
        ("Встреча состоится в пятницу.", "ru", [("пятницу", "2024-11-22")]),
        ("Жительница намерена продать дом, сообщила в четверг радиостанция.", "ru",
         [("четверг", "2024-11-14")]),  # the future is what she said, not when
        ("The minister said on Monday that talks failed.", "en", [("Monday", "2024-11-18")]),
        ("Talks will resume on Monday.", "en", [("Monday", "2024-11-25")]),
        ("Жұмада облыста жиын өтеді.", "kk", [("Жұмада", "2024-11-22")]),
        ("В среду, 20 ноября, прошёл митинг.", "ru", [("среду, 20 ноября", "2024-11-20")]),
        ("Понедельник — день тяжёлый.", "ru", []),  # no «в»: a word, not a day
    ],
)  # fmt: skip
def test_a_bare_weekday_is_the_last_one_or_the_next_by_tense(
    sentence: str, lang: str, expected: list
) -> None:
    assert values(sentence, lang, "2024-11-20") == expected  # a Wednesday


@pytest.mark.parametrize(
    "sentence",
    [
        "Несколько лет назад всё изменилось.",  # no count
        "a few years ago",
        "Over the last year prices doubled.",  # the past twelve months
        "born in the last year of the reign",
        "Он рассказал об этом году спустя.",  # «в этом году» needs its preposition
        "Всего через 15 дней после закрытия рынка",  # after an event, not the document date
    ],
)
def test_phrases_that_are_no_relative_date(sentence: str) -> None:
    assert values(sentence, "ru", "2024-11-23") == []


@pytest.mark.parametrize(
    ("sentence", "lang", "expected"),
    [
        ("Тендер объявили в октябре.", "ru", [("октябре", "2024-10", None)]),
        ("Мост закрыли в конце сентября.", "ru", [("сентября", "2024-09", "late")]),
        ("Цены растут с марта по июнь.", "ru", [("марта по июнь", "2024-03/2024-06", None)]),
        ("Новый терминал откроют в феврале.", "ru", [("феврале", "2025-02", None)]),
        ("Выборы пройдут в начале марта.", "ru", [("марта", "2025-03", "early")]),
        ("Акимат объявил тендер в декабре прошлого года.", "ru",
         [("декабре прошлого года", "2023-12", None)]),
        ("Завод в сентябре-октябре 2023 года стоял.", "ru",
         [("сентябре-октябре 2023 года", "2023-09/2023-10", None)]),
        ("The plant was shut in August.", "en", [("August", "2024-08", None)]),
        ("Talks will resume in early January.", "en", [("January", "2025-01", "early")]),
        ("Tenge fell in July last year.", "en", [("July last year", "2023-07", None)]),
        ("The board met last December.", "en", [("last December", "2023-12", None)]),
        ("This may be the last tender.", "en", []),
        ("Зауыт қыркүйекте іске қосылды.", "kk", [("қыркүйекте", "2024-09", None)]),
        ("Жиын желтоқсан айында өтеді.", "kk", [("желтоқсан айында", "2024-12", None)]),
        ("Ақпанның соңында қар көп түсті.", "kk", [("Ақпанның соңында", "2024-02", "late")]),
        ("Қазанда жарыс өтті.", "kk", []),  # in Kazan, the city
    ],
)  # fmt: skip
def test_a_month_without_its_year_takes_the_nearest_one_by_tense(
    sentence: str, lang: str, expected: list
) -> None:
    found = find_dates(sentence, lang, "2024-11-20")
    assert [(m.text, m.value, m.note) for m in found] == expected


@pytest.mark.parametrize(
    ("sentence", "surface", "value"),
    [
        ("В ночь с 18 на 19 января ударил мороз.", "18 на 19 января", "2025-01-18/2025-01-19"),
        ("Ночью с 5 на 6 марта 2024 года шёл снег.", "5 на 6 марта 2024 года",
         "2024-03-05/2024-03-06"),
        ("в ночь с 31 декабря на 1 января", "31 декабря на 1 января", "2024-12-31/2025-01-01"),
    ],
)  # fmt: skip
def test_a_night_from_one_day_to_the_next_is_a_two_day_range(
    sentence: str, surface: str, value: str
) -> None:
    (mention,) = find_dates(sentence, "ru", "2025-02-10")
    assert (mention.text, mention.value, mention.note) == (surface, value, "night")


def test_na_between_two_days_without_a_night_is_no_range() -> None:
    assert values("Перенос с 18 на 19 января.", "ru", "2025-02-10") == [("19 января", "2025-01-19")]


@pytest.mark.parametrize(
    ("sentence", "lang", "expected"),
    [
        ("Мечеть построена в начале XX века.", "ru", [("XX века", "1901/2000")]),
        ("В XXI веке профессия изменилась.", "ru", [("XXI веке", "2001/2100")]),
        ("Усадьба 19-го века сгорела.", "ru", [("19-го века", "1801/1900")]),
        ("Кесене ХІV ғасырда салынған.", "kk", [("ХІV ғасырда", "1301/1400")]),
        ("a 21st-century city built on a 19th century fort", "en",
         [("21st-century", "2001/2100"), ("19th century", "1801/1900")]),
        ("Курган V века до н. э. раскопали.", "ru", []),  # before the common era: left out
        ("Сто человек прожили свой век.", "ru", []),
    ],
)  # fmt: skip
def test_centuries_are_hundred_year_ranges(sentence: str, lang: str, expected: list) -> None:
    found = find_dates(sentence, lang)
    assert [(m.text, m.value) for m in found] == expected
    assert all(m.note == "century" for m in found)


@pytest.mark.parametrize(
    ("sentence", "value"),
    [
        ("Новые правила вступят в силу с 1 марта.", "2025-03-01"),  # future: next March
        ("Новые правила действуют с 1 марта.", "2024-03-01"),  # no cue: this year's
        ("Суд начнёт слушания 18 ноября.", "2024-11-18"),  # two days before: this year's
        ("Фестиваль пройдёт с 5 по 7 марта.", "2025-03-05/2025-03-07"),  # a range alike
    ],
)
def test_a_year_less_day_in_the_future_tense_is_the_next_one(sentence: str, value: str) -> None:
    (mention,) = find_dates(sentence, "ru", "2024-11-20")
    assert (mention.value, mention.flags) == (value, ["year_inferred"])


@pytest.mark.parametrize(
    ("sentence", "lang", "expected"),
    [
        ("Биыл 2023-2024 оқу жылы аяқталды.", "kk", ("2023-2024 оқу жылы", "2023/2024")),
        ("в 2023/2024 учебном году", "ru", ("2023/2024 учебном году", "2023/2024")),
        ("in the 2023-24 academic year", "en", ("2023-24 academic year", "2023/2024")),
        ("2024 жылдың қаңтар-наурыз айларында", "kk",
         ("2024 жылдың қаңтар-наурыз", "2024-01/2024-03")),
    ],
)  # fmt: skip
def test_school_years_and_kazakh_month_ranges(sentence: str, lang: str, expected: tuple) -> None:
    assert expected in values(sentence, lang, "2024-11-20")


def test_a_month_without_its_year_or_a_document_date_stays_year_less() -> None:
    (mention,) = find_dates("Мост закрыли в октябре.", "ru")
    assert (mention.value, mention.precision, mention.flags) == ("--10", "month", ["year_unknown"])


def test_relative_phrases_without_a_document_date_are_unresolved() -> None:
    found = find_dates("В прошлом году и три дня назад", "ru")
    assert [(m.value, m.precision, m.flags) for m in found] == [
        (None, "year", ["unresolved"]),
        (None, "day", ["unresolved"]),
    ]


@pytest.mark.parametrize(
    ("sentence", "lang", "surface", "value", "note"),
    [
        ("В первом квартале 2024 года ВВП вырос на 4%.", "ru", "первом квартале 2024 года",
         "2024-01/2024-03", "quarter"),
        ("Инфляция за IV квартал 2023 г. составила 2%.", "ru", "IV квартал 2023 г.",
         "2023-10/2023-12", "quarter"),
        ("Exports fell in the third quarter of 2024.", "en", "third quarter of 2024",
         "2024-07/2024-09", "quarter"),
        ("Q2 2025 results are due.", "en", "Q2 2025", "2025-04/2025-06", "quarter"),
        ("2024 жылғы І тоқсанда өнім өсті.", "kk", "2024 жылғы І тоқсанда",
         "2024-01/2024-03", "quarter"),
        ("Во втором полугодии 2023 года цены росли.", "ru", "втором полугодии 2023 года",
         "2023-07/2023-12", "half"),
        ("in the first half of 2023", "en", "first half of 2023", "2023-01/2023-06", "half"),
        ("За девять месяцев 2024 года добыча выросла.", "ru", "девять месяцев 2024 года",
         "2024-01/2024-09", None),
        ("2024 жылдың 10 айында экспорт өсті.", "kk", "2024 жылдың 10 айында",
         "2024-01/2024-10", None),
        ("in the first six months of 2024", "en", "six months of 2024", "2024-01/2024-06", None),
    ],
)  # fmt: skip
def test_quarters_halves_and_months_since_january_are_month_ranges(
    sentence: str, lang: str, surface: str, value: str, note: str | None
) -> None:
    (mention,) = find_dates(sentence, lang)
    assert (mention.text, mention.value, mention.precision, mention.note) == (
        surface,
        value,
        "month",
        note,
    )


def test_a_count_of_months_without_za_or_first_is_a_duration() -> None:
    assert values("проект рассчитан на 9 месяцев 2025 года") == [("2025 года", "2025")]


def test_day_month_order_follows_the_language() -> None:
    assert values("11/12/2024", "ru") == [("11/12/2024", "2024-12-11")]
    assert values("11/12/2024", "en") == [("11/12/2024", "2024-11-12")]


def test_publication_date_skips_the_header_visit_date() -> None:
    page = "суббота, 23 ноября 2024\n,\nUSD/KZT: 425.67\nЗаголовок\nТекст статьи 5 мая."
    assert publication_date(page) is None
    posted = "Posted: 11.12.2024 18:00:00\n\nJoint project presented in Minsk"
    assert publication_date(posted, "en") == "2024-12-11T18:00:00"
    dateline = "АСТАНА, 5 января 2022. КазТАГ – Президент выступил с обращением."
    assert publication_date(dateline) == "2022-01-05"


def test_ranges_between_two_dates_and_months() -> None:
    text = (
        "С 31 декабря 2011 года по 3 января 2012 года произошло 54 пожара; "
        "с марта по август 2011 года"
    )
    assert [m.value for m in find_dates(text, "ru")] == [
        "2011-12-31/2012-01-03",
        "2011-03/2011-08",
    ]
    english = find_dates("between January 2003 and December 2007", "en")
    assert [(m.value, m.kind) for m in english] == [("2003-01/2007-12", "range")]


@pytest.mark.parametrize(
    ("sentence", "lang", "expected"),
    [
        ("Выставка работает с 1 по 15 марта 2024 года.", "ru", "2024-03-01/2024-03-15"),
        ("Каникулы продлятся с 28 декабря по 3 января 2025 года.", "ru", "2024-12-28/2025-01-03"),
        ("Отпуск с 1 марта по 15 апреля 2023 года.", "ru", "2023-03-01/2023-04-15"),
        ("Акция шла 31 декабря 2023 – 2 января 2024 года.", "ru", "2023-12-31/2024-01-02"),
        ("Жәрмеңке 2023 жылғы 1 наурыздан 15 наурызға дейін өтті.", "kk", "2023-03-01/2023-03-15"),
        ("The fair runs March 1-15, 2024.", "en", "2024-03-01/2024-03-15"),
        ("Roads were closed Dec. 31, 2023 - Jan. 3, 2024.", "en", "2023-12-31/2024-01-03"),
    ],
)
def test_day_ranges_take_their_year_from_the_end_that_names_one(
    sentence: str, lang: str, expected: str
) -> None:
    """A document from mid-2024 must not lend its year to a range whose other end names one."""
    (mention,) = find_dates(sentence, lang, "2024-06-01")
    assert (mention.value, mention.kind, mention.flags) == (expected, "range", [])


def test_a_year_less_range_is_dated_like_a_year_less_day() -> None:
    """«с 3 по 7 сентября» in a January piece is last September, as «7 сентября» alone is."""
    (mention,) = find_dates("Учения прошли с 3 по 7 сентября.", "ru", "2012-01-10")
    assert mention.value == "2011-09-03/2011-09-07"


def test_days_listed_before_a_date_share_its_month() -> None:
    assert values("Выборы пройдут 1 и 15 марта 2024 года.") == [
        ("1", "2024-03-01"),
        ("15 марта 2024 года", "2024-03-15"),
    ]
    assert values("Open on 3, 4 and 5 May 2024.", "en") == [
        ("3", "2024-05-03"),
        ("4", "2024-05-04"),
        ("5 May 2024", "2024-05-05"),
    ]
    # a score, a list number or a month-first date before are not listed days
    assert values("Счёт 2:1, 6 мая 2024 года") == [("6 мая 2024 года", "2024-05-06")]
    assert values("on January 27 and 28, and February 2, 2012", "en") == [
        ("January 27", "--01-27"),
        ("February 2, 2012", "2012-02-02"),
    ]


@pytest.mark.parametrize(
    ("sentence", "lang", "expected"),
    [
        ("Тарифы росли в 2022 и 2023 годах.", "ru", [("2022", "2022"), ("2023 годах", "2023")]),
        (
            "В 2021, 2022 и 2023 гг. план выполнен",
            "ru",
            [("2021", "2021"), ("2022", "2022"), ("2023 гг.", "2023")],
        ),
        (
            "Экспорт 2022 және 2023 жылдары өсті.",
            "kk",
            [("2022", "2022"), ("2023 жылдары", "2023")],
        ),
        ("Sales fell in 2012 and 2013, then rose.", "en", [("2012", "2012"), ("2013", "2013")]),
        ("Data for 2020, 2021 and 2022 only", "en", []),  # no preposition: bare numbers
        (
            "Опрос шёл между 1998 и 2001 гг. в трёх городах",
            "ru",
            [("1998 и 2001 гг.", "1998/2001")],
        ),
        ("in 2012 and 2013 people were polled", "en", [("2012", "2012")]),
    ],
)
def test_years_listed_together(sentence: str, lang: str, expected: list) -> None:
    assert values(sentence, lang) == expected


@pytest.mark.parametrize(
    ("sentence", "lang", "surface", "value"),
    [
        ("Завод построили в 1990-е годы.", "ru", "1990-е годы", "1990/1999"),
        ("в конце 2000-х годов цены выросли", "ru", "2000-х годов", "2000/2009"),
        ("Prices fell in the 1990s.", "en", "1990s", "1990/1999"),  # was the year 1990
        ("В 90-е годы завод закрыли.", "ru", "90-е годы", "1990/1999"),
    ],
)
def test_decades_are_ten_year_ranges(sentence: str, lang: str, surface: str, value: str) -> None:
    (mention,) = find_dates(sentence, lang)
    assert (mention.text, mention.value, mention.kind, mention.note) == (
        surface,
        value,
        "range",
        "decade",
    )


def test_a_two_digit_ordinal_without_a_year_word_is_no_decade() -> None:
    assert find_dates("Пациента выписали на 30-е сутки.", "ru") == []


def test_month_abbreviations_without_a_dot() -> None:
    assert values("Posted Jan 5, 2024 by staff", "en") == [("Jan 5, 2024", "2024-01-05")]
    assert values("Updated 12 Dec 2023", "en") == [("12 Dec 2023", "2023-12-12")]
    assert values("обновлено 5 янв 2024") == [("5 янв 2024", "2024-01-05")]
    assert values("Jan Kowalski scored 5 goals", "en") == []


def test_relative_word_with_time_and_english_pm() -> None:
    assert values("Сегодня, 16:13 Комментариев: 0", "ru", "2012-01-17") == [
        ("Сегодня, 16:13", "2012-01-17T16:13")
    ]
    assert values("Jan. 16, 2012 10:24PM EST", "en") == [
        ("Jan. 16, 2012 10:24PM", "2012-01-16T22:24")
    ]


def test_kazakh_genitive_year_and_possessive_month() -> None:
    text = "Тоқаев 2022 жылдың 11 қаңтарында Мәжілісте сөз сөйледі."
    assert values(text, "kk") == [("2022 жылдың 11 қаңтарында", "2022-01-11")]
    # a month ending in a vowel takes -сы/-сі before its case ending
    text = "Жиын 2024 жылдың 15 қарашасында, көрме 2023 жылдың 5 шілдесінде өтті."
    assert values(text, "kk") == [
        ("2024 жылдың 15 қарашасында", "2024-11-15"),
        ("2023 жылдың 5 шілдесінде", "2023-07-05"),
    ]


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("Zań 2024 jylǵy 15 qarashada kúshine endi.", [("2024 jylǵy 15 qarashada", "2024-11-15")]),
        ("Forým 2023 jyly 5 qañtarda ótti.", [("2023 jyly 5 qañtarda", "2023-01-05")]),
        ("Zaýyt 2022 jyly mamyrda ashyldy.", [("2022 jyly mamyrda", "2022-05")]),
        ("Жиын кеше сағат 10:00-де басталды.", [("кеше сағат 10:00", "2024-11-19T10:00")]),
    ],
)  # fmt: skip
def test_kazakh_in_latin_letters_and_the_hour_word(sentence: str, expected: list) -> None:
    assert values(sentence, "kk", "2024-11-20") == expected


def test_english_slash_date_nearest_reading_to_the_document_date() -> None:
    assert values("By Richard Smith 11/01/2012", "en", "2012-01-12") == [
        ("11/01/2012", "2012-01-11")
    ]
    assert values("By Richard Smith 11/01/2012", "en") == [("11/01/2012", "2012-11-01")]


def test_windowed_scan_finds_what_the_full_scanner_finds() -> None:
    from corpus_tools.normalize.dates import SCANNER, _scan

    from .conftest import SEEDS

    for page in SEEDS:
        text = page.read_text(encoding="utf-8")
        assert [m.span() for m in _scan(text)] == [m.span() for m in SCANNER.finditer(text)]
