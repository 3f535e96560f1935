"""Each noise rule on samples written for it: what it removes, and the article lines it keeps."""

from __future__ import annotations

import pytest

from corpus_tools.clean import RULES, Cleaner, clean_text
from corpus_tools.clean.repair import (
    fix_homoglyphs,
    fix_mojibake,
    fix_spaces,
    rejoin_broken_lines,
    unescape_markup,
)
from corpus_tools.clean.rules import is_headline_like, iso_from_numeric

ARTICLE = [
    "Аким Алматы провёл встречу с жителями Медеуского района и ответил на вопросы о ремонте "
    "дорог, строительстве школ и работе общественного транспорта в новом году.",
    "По словам акима, в этом году в районе отремонтируют более сорока улиц, а две новые школы "
    "откроются к первому сентября, как и было обещано на прошлой встрече с горожанами.",
    "Жители попросили продлить маршруты автобусов до новых микрорайонов и установить "
    "светофоры возле школ, где дети каждый день переходят оживлённые улицы.",
]

EN_ARTICLE = [
    "The city council voted on Tuesday to approve a network of protected bike lanes across the "
    "downtown core, ending a debate that lasted more than two years.",
    "Supporters said the lanes will make streets safer for cyclists and pedestrians, while some "
    "business owners worried about losing parking spaces in front of their shops.",
    "The first segments are expected to open next spring, according to the transportation "
    "department, which will publish a detailed schedule in the coming weeks.",
]


def page_with(*noise: str, before: bool = False) -> str:
    """A small article with the given noise lines after it (or before it)."""
    parts = [*noise, "", *ARTICLE] if before else [*ARTICLE, "", *noise]
    return "\n".join(parts)


def rules_of(text: str, skip: tuple[str, ...] = ()) -> dict[str, str | None]:
    """Map each non-blank line to the rule that removed it (None = kept)."""
    page = Cleaner(skip=skip).page(text)
    result: dict[str, str | None] = {}
    for unit in page.units:
        if unit.text:
            result[unit.text] = unit.rule
    return result


def assert_article_kept(found: dict[str, str | None]) -> None:
    for line in ARTICLE:
        assert found[line] is None, line


@pytest.mark.parametrize(
    "lines",
    [
        ["13:46", "13:37", "12:22", "11:14"],
        ["12.05.2024 13:46", "11.05.2024 09:10"],
        ["Сегодня, 9:24", "Вчера, 23:41"],
        ["5 января 2012, 18:30"],
        ["10:15 | 3 March 2024"],
        ["10:22 PM, Jan. 11, 2024 |"],
        ["Wednesday, January 11 2024, 7:02 p.m."],
        ["Mar. 3, 2024 10:15 AM"],
        ["00:03 05.01.2024 6", "6 января 2024, 8:39 0"],  # with the comment count after it
        ["16 янв | 17:10", "15 дек. | 09:02"],
        ["12.03.2024 09:15 ALMT", "18:30 (GMT+6)", "Jan. 11, 2024 5:00PM EST"],  # time zones
    ],
)
def test_timestamp_lines_are_removed(lines: list[str]) -> None:
    found = rules_of(page_with(*lines))
    assert all(found[line] == "timestamp" for line in lines)
    assert_article_kept(found)


def test_a_title_over_its_date_and_comment_count_is_kept_under_a_link_list() -> None:
    title = "Аким Медеуского района встретился с жителями"
    lines = ["Новости дня", *SIDEBAR[:3], title, "00:03 05.01.2024 6", *ARTICLE]
    found = rules_of("\n".join(lines))
    assert found[title] is None
    assert all(found[line] == "link_list" for line in SIDEBAR[:3])
    assert_article_kept(found)


def test_a_title_under_its_date_and_view_count_is_not_taken_for_the_menu_above() -> None:
    title = "Аким Медеуского района встретился с жителями"
    menu = ["Новости", "Общество", "Экономика", "Спорт"]
    lines = [*menu, "USD 478.12 EUR 519.40", "23 ноября 2024, 10:15", "Просмотров: 1 245"]
    found = rules_of("\n".join([*lines, title, *ARTICLE]))
    assert found[title] is None
    assert all(found[line] == "link_list" for line in menu)
    assert_article_kept(found)
    # a lead of one short sentence under the title
    lead = "Жители пришли на встречу с вопросами о дорогах."
    found = rules_of("\n".join([*lines, title, lead, *ARTICLE]))
    assert (found[title], found[lead]) == (None, None)


def test_menu_entries_interleaved_with_paragraphs_go_but_a_list_stays() -> None:
    menu = ["* Общество", "* Экономика", "* Спорт"]
    lines = [ARTICLE[0], menu[0], ARTICLE[1], menu[1], ARTICLE[2], menu[2]]
    found = rules_of("\n".join(lines))
    assert [found[m] for m in menu[:2]] == ["interleaved_menu_item"] * 2
    assert_article_kept(found)
    in_article = ["В списке:", "* школа № 12", "* лицей № 3", "* Новая школа в Алатау."]
    found = rules_of("\n".join([ARTICLE[0], *in_article, ARTICLE[1], ARTICLE[2]]))
    assert all(found[line] is None for line in in_article)


def test_short_closing_lines_of_an_article_stay_but_a_teaser_after_them_goes() -> None:
    closing = [
        "— Работы завершат до конца года, — добавил аким.",
        "— Жители довольны, — сказал он.",
        "Напомним, в прошлом году в районе открыли две школы.",
        "Еске салайық, бұған дейін ауданда екі мектеп ашылған.",
    ]
    teaser = "В Шымкенте открыли новый парк"
    found = rules_of("\n".join([*ARTICLE, *closing, teaser, "Самое читаемое"]))
    assert [found[line] for line in closing] == [None] * 4
    assert found[teaser] is not None
    assert_article_kept(found)


def test_short_sentences_and_verse_ending_the_article_stay_up_to_the_furniture() -> None:
    tail = [
        "— Мы ждали этот ремонт много лет, — сказала жительница района.",
        "— Теперь дети ходят в школу по светлой улице, — добавил её сосед.",
        "Ремонт дорог в районе продлится до осени.",
        "Песня о городе",
        "Город мой у подножья гор,",
        "Светлых улиц ровный узор.",
        "Здесь встречает рассвет",
        "Тех, кому сорок лет.",
        "Аким пообещал продолжить ремонт школ и дорог в следующем году.",
    ]
    footer = ["Оставить комментарий", "Популярное", "В Шымкенте открыли новый парк"]
    found = rules_of("\n".join([*ARTICLE, *tail, *footer]))
    assert [found[line] for line in tail] == [None] * len(tail)
    assert_article_kept(found)


SHORT_PARAGRAPHS = [
    "В Павлодаре открыли новый каток.",
    "Его площадь 1800 квадратных метров.",
    "Коньки можно взять напрокат у входа.",
    "Каток будет работать до марта.",
]


def test_one_sentence_paragraphs_above_the_first_long_one_stay() -> None:
    menu = ["Басты", "Саясат", "Қоғам", "Спорт"]
    title = "В Павлодаре открыли каток"
    text = "\n".join([*menu, title, *SHORT_PARAGRAPHS, ARTICLE[0], "Все права защищены."])
    found = rules_of(text)
    assert [found[line] for line in SHORT_PARAGRAPHS] == [None] * len(SHORT_PARAGRAPHS)
    assert all(found[line] is not None for line in menu)


def test_an_article_of_one_sentence_paragraphs_only_is_found_by_its_sentences() -> None:
    menu = ["Басты", "Саясат", "Қоғам", "Спорт"]
    text = "\n".join([*menu, "В Павлодаре открыли каток", *SHORT_PARAGRAPHS, "Популярное"])
    found = rules_of(text)
    assert [found[line] for line in SHORT_PARAGRAPHS] == [None] * len(SHORT_PARAGRAPHS)
    assert all(found[line] == "boilerplate_context" for line in menu)


def test_headlines_under_a_related_heading_are_no_article_tail() -> None:
    related = [
        "Related stories",
        "Council votes on new bus lanes.",
        "Bike lanes open in the north of the city.",
        "Downtown parking fees to rise next year.",
    ]
    found = rules_of("\n".join([*EN_ARTICLE, *related, "Copyright 2024 City News."]))
    assert all(found[line] is not None for line in related[2:])
    assert all(found[line] is None for line in EN_ARTICLE)


def test_headlines_with_their_leads_under_a_list_heading_go() -> None:
    box = [
        "Другие новости",
        "В Шымкенте построят детскую больницу",
        "Новая больница на 300 мест появится в Енбекшинском районе к концу 2026 года, рассказали "
        "в управлении здравоохранения.",
        "Врачи Алматы провели редкую операцию",
        "Хирурги городской больницы впервые в стране пересадили пациенту искусственное сердце "
        "отечественной разработки.",
    ]
    found = rules_of("\n".join([*ARTICLE, *box]))
    assert all(found[line] == "link_list" for line in box)
    assert_article_kept(found)


@pytest.mark.parametrize("heading", ["ЧИТАЙТЕ ТАКЖЕ:", "Тағы оқыңыз:", "Read also"])
def test_a_read_also_heading_over_one_headline_is_a_box(heading: str) -> None:
    headline = "Пенсионный возраст для женщин заморозили"
    recap = "Напомним, в прошлом году пенсии выросли на десять процентов."
    found = rules_of("\n".join([*ARTICLE, heading, headline, recap, "Теги: пенсии"]))
    assert (found[heading], found[headline], found[recap]) == ("link_list", "link_list", None)
    assert_article_kept(found)


def test_the_paragraph_under_a_read_also_box_inside_the_article_stays() -> None:
    box = ["Читайте также:", "В Шымкенте открыли новый парк", "Ақтөбеде қар жауды"]
    recap = "Напомним, в прошлом году в районе открыли две новые школы."
    sidebar = ["Популярное", "Цены на бензин выросли", "В Астане прошёл концерт"]
    found = rules_of("\n".join([*ARTICLE, *box, recap, *sidebar, "Все права защищены."]))
    assert found[recap] is None
    assert all(found[line] == "link_list" for line in box + sidebar)
    assert_article_kept(found)
    # the same box among other furniture is a sidebar: the line under it is not the article's
    teaser = "Напомним, в Алматы открылся первый в стране музей кино."
    menu = ["* Спорт", "* Культура", "* Общество"]
    found = rules_of("\n".join([*ARTICLE, *sidebar, *box, *menu, teaser, *menu]))
    assert found[teaser] is not None


def test_a_date_inside_a_sentence_is_not_a_timestamp() -> None:
    text = page_with(
        "Встреча прошла 12 мая 2024 года в 13:46 в здании акимата, сообщает пресс-служба."
    )
    assert clean_text(text).count("12 мая 2024 года в 13:46") == 1


@pytest.mark.parametrize(
    "calendar",
    [
        [
            "| Пн | Вт | Ср | Чт | Пт | Сб | Вс |",
            "| 1 | 2 | 3 | 4 | 5 | 6 | 7 |",
            "| 8 | 9 | 10 | 11 | 12 | 13 | 14 |",
        ],
        ["Дс Сс Ср Бс Жм Сн Жс", "1 2 3", "4 5 6 7 8 9 10", "11 12 13 14 15 16 17"],
        ["Mo Tu We Th Fr Sa Su", "1 2 3 4 5 6 7", "8 9 10 11 12 13 14"],
        ["3 4 5 6 7 8 9", "10 11 12 13 14 15 16", "17 18 19 20 21 22 23"],
    ],
)
def test_calendar_tables_in_three_languages(calendar: list[str]) -> None:
    found = rules_of(page_with(*calendar))
    assert all(found[line] == "calendar_table" for line in calendar)
    assert_article_kept(found)


def test_link_list_under_kazakh_and_english_headings() -> None:
    sidebar = [
        "Көп оқылған",
        "Астанада жаңа мектеп ашылды",
        "Алматыда жол жөндеу жұмыстары басталды",
        "Read also",
        "Tokayev meets Uzbek president in Tashkent",
    ]
    found = rules_of(page_with(*sidebar))
    assert all(found[line] == "link_list" for line in sidebar)
    assert_article_kept(found)


@pytest.mark.parametrize(
    "heading",
    ["Көп оқылғандар", "Ең көп қаралған жаңалықтар", "Танымал", "Самые читаемые новости",
     "Популярное за неделю", "Ещё по теме", "Тақырыпқа қатысты", "More related to this story"],
)  # fmt: skip
def test_link_list_heading_forms(heading: str) -> None:
    sidebar = [heading, "Астанада жаңа мектеп ашылды", "Ақтөбеде қар жауды"]
    found = rules_of(page_with(*sidebar))
    assert all(found[line] == "link_list" for line in sidebar)


def test_headline_list_without_heading_but_article_list_after_colon_survives() -> None:
    headlines = [
        "Сильные дожди накроют Казахстан",
        "Нацбанк сохранил базовую ставку",
        "В Шымкенте открыли новый парк",
        "Казахстанские борцы взяли три медали",
        "Тарифы на свет пересмотрят весной",
        "Где посмотреть результаты ЕНТ?",
    ]
    found = rules_of(page_with(*headlines))
    assert all(found[line] == "headline_list" for line in headlines)
    article_list = [
        "В списке победителей конкурса:",
        "Алматинская область",
        "Туркестанская область",
        "Город Шымкент",
        "Область Абай",
        "Северо-Казахстанская область",
        "Костанайская область",
    ]
    text = "\n".join([ARTICLE[0], *article_list, ARTICLE[1], ARTICLE[2]])
    kept = clean_text(text)
    assert all(line in kept for line in article_list)


def test_a_short_list_between_paragraphs_is_the_articles_but_headlines_there_are_not() -> None:
    roster = [
        "Айгерим Садыкова (Алматы)",
        "Бауыржан Оспанов (Шымкент)",
        "Дина Ермекова (Караганда)",
        "Ержан Тлеубаев (Павлодар)",
        "Жанна Муканова (Атырау)",
        "Ильяс Кенжебаев (Тараз)",
    ]
    kept = clean_text("\n".join([ARTICLE[0], *roster, ARTICLE[1]]))
    assert all(line in kept for line in [*roster, ARTICLE[0], ARTICLE[1]])
    sidebar = [
        "Сильные дожди накроют северные и центральные регионы Казахстана",
        "Нацбанк сохранил базовую ставку на уровне прошлого месяца",
        "В Шымкенте открыли новый парк с фонтанами и велодорожками",
        "Казахстанские борцы взяли три медали на турнире в Стамбуле",
        "Тарифы на электричество пересмотрят весной в нескольких областях",
        "Где посмотреть результаты ЕНТ и как подать апелляцию",
    ]
    found = rules_of("\n".join([ARTICLE[0], *sidebar, ARTICLE[1]]))
    assert all(found[line] == "headline_list" for line in sidebar)


@pytest.mark.parametrize(
    "link",
    [
        "Читайте также: Депутаты одобрили поправки о правах детей",
        "Сондай-ақ оқыңыз: Астанада жаңа мектеп ашылды",
        "Read also: Almaty expands its bus network",
        "* Смотрите также — В Алматы изменят схему движения",
    ],
)
def test_read_also_link_inside_the_article_goes(link: str) -> None:
    found = rules_of("\n".join([ARTICLE[0], link, *ARTICLE[1:]]))
    assert found[link] == "read_also_link"
    assert_article_kept(found)


def test_figures_between_bars_and_a_sentence_about_preparing_are_kept() -> None:
    figures = "Рост ВВП составил 4,8% | инфляция замедлилась до 8,5% | безработица 4,7%"
    prepared = "Подготовили специалисты министерства здравоохранения"
    found = rules_of(page_with(figures, prepared, before=True))
    assert found[figures] is None and found[prepared] is None


def test_a_sentence_about_reading_is_not_a_link() -> None:
    line = (
        "Читайте также внимательно условия договора, советуют юристы, прежде чем подписывать его."
    )
    assert rules_of(page_with(line))[line] is None


def test_headline_ticker_glued_into_one_line() -> None:
    ticker = (
        "Подведены итоги конкурса молодых журналистов Алматыда жаңа саябақ ашылды В Караганде "
        "построят новый стадион Референдум пройдёт в воскресенье Нацбанк повысил ставку "
        "Шымкентте су құбыры жөнделді Экспорт зерна вырос вдвое Өскеменде жаңа аурухана салынады "
        "В Павлодаре открыли мост Астанада форум өтті Цены на бензин стабильны Жол апаты болды"
    )
    found = rules_of(page_with(ticker, before=True))
    assert found[ticker] == "headline_ticker"
    assert_article_kept(found)


def test_currency_and_stock_tickers() -> None:
    lines = [
        "USD 448.20 EUR 521.05 RUB 5.62",
        "Доллар 448,20 ↑ Евро 521,05 ↓",
        "KASE 14:20 5120.4 +0.8%",
    ]
    found = rules_of(page_with(*lines, before=True))
    assert all(found[line] == "currency_ticker" for line in lines)
    kept = clean_text(page_with("Курс доллара вырос до 448 тенге, сообщил Нацбанк в понедельник."))
    assert "Курс доллара вырос до 448 тенге" in kept


@pytest.mark.parametrize(
    ("line", "rule"),
    [
        ("Страницы: 1 2 3 4 ... 12", "pagination"),
        ("« Назад", "pagination"),
        ("Показать ещё", "pagination"),
        ("1 2 3 4 z 4 następna", "pagination"),  # Polish and Greek next/of
        ("Σελίδα 2 από 5", "pagination"),
        ("• [[year]]", "template_placeholder"),
        ("{{ article.title }}", "template_placeholder"),
        ("%DATE%", "template_placeholder"),
        ("Оставить комментарий", "comment_prompt"),
        ("Пікір қалдыру", "comment_prompt"),
        ("Comments (12)", "comment_prompt"),
        ("Комментариев: 0", "comment_prompt"),
        ("Пікірлер саны: 3", "comment_prompt"),
        ("Поделиться", "share_buttons"),
        ("Рассказать друзьям", "share_buttons"),
        ("Facebook Twitter VK Telegram WhatsApp", "share_buttons"),
        ("Версия для печати", "share_buttons"),
        ("Подписывайтесь на наш Telegram-канал и будьте в курсе событий", "subscription_pitch"),
        ("Subscribe to our newsletter", "subscription_pitch"),
        ("* Subscribe to the Print Edition", "subscription_pitch"),
        ("* Подписка", "subscription_pitch"),
        ("© 2024 Все права защищены", "copyright_footer"),
        ("Барлық құқықтар қорғалған", "copyright_footer"),
        ("16+", "copyright_footer"),
        ("Все права охраняются.", "copyright_footer"),
        ("БАҚ ретінде есепке қою туралы куәлік № 12345-Г берілген", "copyright_footer"),
        ("Сайт материалдарын пайдаланғанда сілтеме міндетті.", "copyright_footer"),
        ("Главная » Общество » Токаев подписал закон о защите прав детей", "breadcrumb"),
        ("Home / Nation / Kazakhstan to build three new hospitals", "breadcrumb"),
        ("Басты бет > Қоғам", "breadcrumb"),
        ("На главную", "breadcrumb"),
        (
            "Главные новости: Токаев провёл совещание по экономике • В Алматы выпал снег • "
            "Тенге укрепился к доллару",
            "headline_ticker",
        ),
        ("Молния: В Астане временно закрыли аэропорт из-за тумана", "headline_ticker"),
        (
            "Жедел: Астанада қар жауды • Теңге әлсіреді • Тоқаев депутаттармен кездесті • "
            "Ақтауда жол жабылды",
            "headline_ticker",
        ),  # Kazakh headlines of two words, four of them
        ("Көрілім саны: 845", "view_counter"),
        ("Бетбелгілер: егін, Ақмола, астық", "tags"),
        ("Breaking: Almaty airport closed by fog", "headline_ticker"),
        ("Материал подготовила Ольга Ким", "byline"),
        ("Автор: Иван Петров | 03.01.2012 19:51", "byline"),  # the date after a bar
        ("Autor: Anna Nowak; Źródło: PAP", "byline"),  # the source after a semicolon
        ("Вы здесь: Главная » Новости » Общество", "breadcrumb"),
        ("You are here: News / Health", "breadcrumb"),
        ("Дайындаған: Айгүл Сәрсенова", "byline"),
        ("* Home", "breadcrumb"),
        ("X", "share_buttons"),
        (
            "Свидетельство о постановке на учет СМИ № 1234-СИ выдано Министерством",
            "copyright_footer",
        ),
        ("Стали очевидцем ДТП? Присылайте видео в наш WhatsApp", "subscription_pitch"),
        ("Главная | Новости | Политика | Экономика | Спорт", "navigation_menu"),
        ("В вашем браузере отключена поддержка JavaScript", "site_notice"),
        ("Skip to main content", "site_notice"),
        ("Перейти к содержанию", "site_notice"),
        ("Поиск по сайту", "site_notice"),
        ("Загрузка...", "site_notice"),
        ("Loading...", "site_notice"),
        ("Версия для слабовидящих", "site_notice"),
        ("Реклама на сайте", "site_notice"),
        ("Қате тапсаңыз, оны белгілеп, Ctrl+Enter басыңыз", "comment_prompt"),
        ("Found a typo? Highlight it and press Ctrl+Enter", "comment_prompt"),
        ("Нашли ошибку? Сообщите нам", "comment_prompt"),
        ("Самое важное — в нашем Telegram", "subscription_pitch"),
        ("Вход | Регистрация", "site_notice"),
        ("Қазақша оқу", "site_notice"),
        ("Карта сайта", "site_notice"),
        ("Показать комментарии", "comment_prompt"),
        ("Ваш e-mail адрес:", "comment_prompt"),
        ("Атыңыз:", "comment_prompt"),
        ("Сондай-ақ оқыңыз", "link_list"),
        ("Барлық жаңалықтар", "link_list"),
        ("Қаралым саны: 340", "view_counter"),
        ("Көрілім: 2 311", "view_counter"),
        ("Все материалы", "link_list"),
        ("Автор фото: Айдос Ержанов", "photo_credit"),
        ("Суретті түсірген: Ерлан Омаров", "photo_credit"),  # Kazakh: photographed by
        ("Автордың суреті", "photo_credit"),  # the author's photo
        ("Бөлім редакторы: Асхат Серікұлы", "byline"),  # a section editor
        ("Выпускающий редактор: Иван Петров", "byline"),
        ("Скопировать ссылку", "share_buttons"),
        ("Сообщить об опечатке", "comment_prompt"),
        ("Оцените материал", "comment_prompt"),
        ("Оцените, пожалуйста, статью. Нам важно Ваше мнение.", "comment_prompt"),
        ("Спасибо! Ваше мнение учтено.", "comment_prompt"),
        ("Мақаланы бағалаңыз", "comment_prompt"),
        ("Защитный код:", "comment_prompt"),
        ("Введите код, изображенный на картинке", "comment_prompt"),
        ("Подтверждаю, что я прочитал правила размещения комментариев", "comment_prompt"),
        ("Share on Facebook", "share_buttons"),
        ("Story continues below advertisement", "site_notice"),
        ("Время чтения: 3 минуты", "site_notice"),
        ("Terms of Use | Privacy Policy", "site_notice"),
        ("Back to top", "site_notice"),
        ("Если хотите предложить новость, пишите нам в WhatsApp", "subscription_pitch"),
        ("Добавить в избранное", "share_buttons"),
        ("Decrease font size Increase font size", "share_buttons"),
        ("A A A Drukuj", "share_buttons"),  # font size and print, as one line
        ("A A A Печать", "share_buttons"),
        ("+ Add to Digg", "share_buttons"),  # a second-level list item
        ("* Email this article", "share_buttons"),
        ("Нравится", "share_buttons"),
        ("Увеличить шрифт", "share_buttons"),
        ("Enlarge image", "share_buttons"),
        ("Ads by Google", "site_notice"),
        ("* Photos ( 12 )", "site_notice"),
        ("Please enable JavaScript to view the comments powered by Disqus.", "site_notice"),
        ("Алматы +12°C", "weather_widget"),
        ("Астана: −5 °C", "weather_widget"),
        ("Tuesday, Jan 17 2012 3PM 3°C 6PM -1°C 5-Day Forecast", "weather_widget"),
        ("Погода в Алматы +5", "weather_widget"),
        ("Ауа райы Астана −12", "weather_widget"),
        ('<div class="banner"><a href="/promo">Реклама</a></div>', "markup_code"),
        ("Подробнее…", "read_more_link"),
        ("* * | , |", "punctuation_only"),
        ("Â", "punctuation_only"),  # a no-break space decoded as Latin-1
    ],
)
def test_single_line_furniture(line: str, rule: str) -> None:
    found = rules_of(page_with(line))
    assert found[line] == rule
    assert_article_kept(found)


def test_weather_headlines_and_sentences_are_not_widgets() -> None:
    lines = [
        "В Алматы ожидается жара до +35°",
        "Жара до +40° накроет юг Казахстана",
        "Температура воздуха в Астане поднимется до +25°C.",
        "Погода на выходные: до -30 ожидается в Казахстане",
    ]
    found = rules_of(page_with(*lines))
    assert all(found[line] != "weather_widget" for line in lines)


def test_asterism_between_stanzas_is_kept() -> None:
    text = "\n".join([ARTICLE[0], "* * *", ARTICLE[1]])
    assert "* * *" in clean_text(text)


@pytest.mark.parametrize(
    "header",
    ["суббота, 23 ноября 2024", "Сегодня: 23 ноября 2024, суббота",
     "Бүгін: 23 қараша 2024 жыл, сенбі", "Today is Saturday, November 23, 2024"],
)  # fmt: skip
def test_page_header_date_removed_but_not_taken_as_publication_date(header: str) -> None:
    page = Cleaner().page(page_with(header, before=True))
    assert page.units[0].rule == "page_header_date"
    assert "date" not in page.meta
    assert "published" not in page.meta


@pytest.mark.parametrize(
    ("line", "iso"),
    [
        ("Posted: 11.12.2024 18:00:00", "2024-12-11T18:00:00"),
        ("Опубликовано: 05.01.2012 09:30", "2012-01-05T09:30"),
        ("Жарияланды: 12.03.2023", "2023-03-12"),
        ("Жарияланған күні: 12.03.2024", "2024-03-12"),
        ("Опубликовано: 12.03.2024 10:15 | Обновлено: 12.03.2024 11:00", "2024-03-12T10:15"),
        (
            "время публикации: 05.01.2012 04:55 | последнее обновление: 05.01.2012 05:20",
            "2012-01-05T04:55",
        ),
    ],
)
def test_published_line_goes_to_meta(line: str, iso: str) -> None:
    page = Cleaner().page(page_with(line, before=True))
    assert page.units[0].rule == "published_date"
    assert page.meta["date"] == iso


@pytest.mark.parametrize(
    "line", ["23 қараша 2024, 10:15", "17 января 2012 года", "Jan. 11, 2012 10:22 PM", "11/01/2012"]
)
def test_a_bare_date_between_title_and_lead_is_the_published_date(line: str) -> None:
    header = ["Меню", "Главная", "Аким встретился с жителями района", "Автор: Айгүл Сәрсенова"]
    page = Cleaner().page("\n".join([*header, line, *ARTICLE]))
    assert {u.text: u.rule for u in page.units}[line] == "published_date"
    assert page.meta["published"] == line


def test_a_bare_time_above_the_lead_dates_nothing() -> None:
    page = Cleaner().page("\n".join(["Аким встретился с жителями района", "14:02", *ARTICLE]))
    assert "published" not in page.meta


@pytest.mark.parametrize(
    "line",
    [
        "Published on Tuesday 17 January 2024 00:00",
        "Last updated at 3:23 PM on 11th January 2024",
        "Updated: 5:45 PM Jan 11, 2024",
        "Published Wednesday, Jan. 11, 2024 5:00PM EST",
    ],
)
def test_english_published_lines_go_to_meta(line: str) -> None:
    page = Cleaner().page(page_with(line, before=True))
    assert page.units[0].rule == "published_date"
    assert "2024" in page.meta["published"]


def test_published_lines_go_wherever_they_stand_and_the_one_above_the_lead_dates_the_page() -> None:
    menu = [f"Раздел {n}" for n in range(20)]  # a long menu pushes the header far down
    above, below = "Posted on March 3, 2024 at 4:10 PM", "Updated: 05.03.2024 09:30"
    page = Cleaner().page(
        "\n".join([*menu, "Аким встретился с жителями района", above, *ARTICLE, below])
    )
    rules = {u.text: u.rule for u in page.units}
    assert rules[above] == rules[below] == "published_date"
    assert page.meta["published"] == "March 3, 2024 at 4:10 PM"
    assert_article_kept({u.text: u.rule for u in page.units if u.text})


@pytest.mark.parametrize(
    ("line", "address"),
    [
        ("tengrinews.kz", True),
        ("* www.gov.kz", True),
        ("KAZINFORM.KZ", True),
        ("президент.рф", True),
        ("https://t.me/kgnews_channel", True),
        ("akorda.kz/ru/news/2024", True),
        ("Источник: tengrinews.kz", False),  # words around it: left to the other rules
        ("Н.А.Назарбаев", False),
        ("A.Ivanov", False),
        ("т.е.", False),
        ("U.S.", False),
    ],
)
def test_a_line_that_is_only_a_web_address_goes(line: str, address: bool) -> None:
    found = rules_of(page_with(line))
    assert (found[line] == "web_address") is address
    assert_article_kept(found)


def test_iso_from_numeric_rejects_impossible_dates() -> None:
    assert iso_from_numeric("31.12.2024") == "2024-12-31"
    assert iso_from_numeric("12.31.2024") is None


def test_a_bare_number_beside_the_date_far_down_the_header_is_the_view_count() -> None:
    menu = ["Басты бет", "Жаңалықтар", "Саясат", "Қоғам", "Экономика", "Спорт", "Мәдениет"]
    lines = [*menu, "Іздеу", "Қазақша", "Русский", "28 қазан 2024, 10:15", "1 520"]
    page = Cleaner().page("\n".join([*lines, "Ауданда жаңа мектеп ашылды", *ARTICLE]))
    rules = {unit.text: unit.rule for unit in page.units if unit.text}
    assert (rules["1 520"], page.meta.get("views")) == ("view_counter", 1520)


def test_byline_view_counter_and_photo_credit_become_metadata() -> None:
    text = "\n".join(
        [
            "Новый мост через Иртыш откроют осенью",
            "",
            "1504",
            "Айгерим Сапарова",
            "собственный корреспондент",
            "",
            ARTICLE[0],
            "Фото: пресс-служба акимата",
            ARTICLE[1],
            ARTICLE[2],
        ]
    )
    record = Cleaner().clean({"id": "x", "text": text, "meta": {}})
    meta = record["meta"]
    assert meta["views"] == 1504
    assert meta["author"] == "Айгерим Сапарова"
    assert meta["author_role"] == "собственный корреспондент"
    assert meta["photo_credit"] == "Фото: пресс-служба акимата"
    assert meta["title"] == "Новый мост через Иртыш откроют осенью"
    assert record["text"].startswith("Новый мост через Иртыш откроют осенью\n")
    assert "1504" not in record["text"] and "корреспондент" not in record["text"]
    rules = {r["rule"] for r in meta["removed"]}
    assert {"view_counter", "byline", "photo_credit"} <= rules


def test_tag_lines_become_metadata() -> None:
    text = "\n".join([ARTICLE[0], ARTICLE[1], "Теги: транспорт, Павлодар, электробусы"])
    record = Cleaner().clean({"id": "x", "text": text, "meta": {}})
    assert record["meta"]["tags"] == ["транспорт", "Павлодар", "электробусы"]
    assert "Теги" not in record["text"]
    assert Cleaner().clean({"id": "y", "text": page_with("Tags: #water, #Aral Sea")})["meta"][
        "tags"
    ] == ["water", "Aral Sea"]
    # A sentence that mentions tags is no tag line.
    sentence = "Теги: так редакция называет ключевые слова, которые читатели ищут чаще всего."
    assert sentence in clean_text("\n".join([ARTICLE[0], sentence, ARTICLE[1]]))
    # A heading over one tag a line; the list under them is not taken for tags.
    lines = [*ARTICLE, "Тегтер:", "Энергетика", "Тоқаев", "Самое читаемое", "В Астане открыли парк"]
    record = Cleaner().clean({"id": "z", "text": "\n".join(lines)})
    assert record["meta"]["tags"] == ["Энергетика", "Тоқаев"]


@pytest.mark.parametrize(
    ("line", "source"),
    [
        ("Источник: tengrinews.kz", "tengrinews.kz"),
        ("По материалам РИА Новости", "РИА Новости"),
        ("Дереккөз: Ақорданың баспасөз қызметі", "Ақорданың баспасөз қызметі"),
        ("Source: Reuters", "Reuters"),
    ],
)
def test_source_lines_become_metadata(line: str, source: str) -> None:
    page = Cleaner().page(page_with(line))
    assert {u.text: u.rule for u in page.units if u.text}[line] == "source_credit"
    assert page.meta["credited_source"] == source


def test_sentences_that_open_like_a_source_line_stay() -> None:
    lines = [
        "Источник: по словам очевидцев, пожар начался ночью в подвале жилого дома на окраине.",
        "По материалам дела, обвиняемый скрывался два года и был задержан в Шымкенте.",
    ]
    found = rules_of(page_with(*lines))
    assert all(found[line] != "source_credit" for line in lines)


def test_english_byline_with_a_role_and_a_view_count_with_thousands() -> None:
    text = "\n".join(
        [
            "Kazakhstan opens first wind farm in Mangystau",
            "By Aliya Nurmagambetova, staff reporter",
            ARTICLE[0],
            ARTICLE[1],
            "1,204 views",
        ]
    )
    record = Cleaner().clean({"id": "x", "text": text, "meta": {}})
    meta = record["meta"]
    assert (meta["author"], meta["author_role"]) == ("Aliya Nurmagambetova", "staff reporter")
    assert meta["views"] == 1204
    assert meta["title"] == "Kazakhstan opens first wind farm in Mangystau"
    agency = Cleaner().clean({"id": "y", "text": page_with("By Dana Omarova | Reuters")})
    assert agency["meta"]["author"] == "Dana Omarova"
    paper = Cleaner().clean({"id": "z", "text": page_with("By Dana Omarova / ASTANA DAILY NEWS")})
    assert (paper["meta"]["author"], paper["meta"]["author_role"]) == (
        "Dana Omarova",
        "ASTANA DAILY NEWS",
    )
    clause = "By Friday Night, officials said"
    assert clause in clean_text("\n".join([ARTICLE[0], clause, ARTICLE[1]]))


@pytest.mark.parametrize(
    ("line", "author", "published"),
    [
        ("By Aida Haidar in Nation on 23 November 2024", "Aida Haidar", "23 November 2024"),
        ("By Bob Smith | Jan. 11, 2024 10:22 PM", "Bob Smith", "Jan. 11, 2024 10:22 PM"),
    ],
)
def test_english_byline_with_a_section_and_a_date(line: str, author: str, published: str) -> None:
    page = Cleaner().page("\n".join(["Almaty opens two new metro stations", line, *ARTICLE]))
    assert {u.text: u.rule for u in page.units}[line] == "byline"
    assert (page.meta["author"], page.meta["published"]) == (author, published)
    assert page.meta["title"] == "Almaty opens two new metro stations"


def test_author_prefix_line() -> None:
    page = Cleaner().page(page_with("Автор: Дана Омарова"))
    assert page.meta["author"] == "Дана Омарова"


def test_teaser_feed_removed_but_article_with_subheadings_kept() -> None:
    feed = []
    topics = [
        (
            "В Караганде открыли ледовую арену",
            "Новая арена на три тысячи зрителей примет "
            "матчи молодёжной хоккейной лиги уже этой зимой, сообщили в управлении спорта.",
        ),
        (
            "Фермеры Костаная закончили уборку",
            "Аграрии области собрали более четырёх "
            "миллионов тонн пшеницы, несмотря на дожди, которые шли почти весь сентябрь.",
        ),
        (
            "Цены на яйца снизились",
            "Стоимость десятка яиц в магазинах столицы снизилась "
            "на пятнадцать процентов после того, как птицефабрики нарастили выпуск.",
        ),
        (
            "Аэропорт Шымкента обновит терминал",
            "Реконструкция продлится два года, при этом "
            "аэропорт не закроется и будет принимать рейсы по обычному расписанию.",
        ),
    ]
    for headline, lead in topics:
        feed += [headline, lead]
    found = rules_of(page_with(*feed))
    assert all(found[line] == "teaser_feed" for line in feed)
    assert_article_kept(found)


def test_a_feed_of_two_paragraph_stories_is_a_feed() -> None:
    """Each story's two paragraphs share words; the stories do not share them with each other."""
    stories = [
        (
            "* Ледовую арену открыли в Караганде",
            "Новая ледовая арена на три тысячи зрителей примет матчи молодёжной лиги этой зимой.",
            "Ледовая арена станет домашней для молодёжной команды, первые матчи пройдут в декабре.",
        ),
        (
            "* Фермеры Костаная закончили уборку",
            "Аграрии области собрали более четырёх миллионов тонн пшеницы, несмотря на дожди.",
            "Аграрии области продадут часть пшеницы за рубеж, несмотря на низкие цены на зерно.",
        ),
        (
            "* Цены на яйца снизились",
            "Стоимость десятка яиц в магазинах столицы снизилась на пятнадцать процентов.",
            "Стоимость яиц в магазинах столицы может снизиться ещё, считают в министерстве.",
        ),
        (
            "* Аэропорт Шымкента обновит терминал",
            "Реконструкция терминала продлится два года, рейсы будут летать по расписанию.",
            "После реконструкции терминал будет принимать рейсы вдвое чаще, чем по расписанию.",
        ),
    ]
    feed = [line for story in stories for line in story]
    found = rules_of(page_with(*feed))
    assert [line for line in feed if found[line] is None] == []
    assert_article_kept(found)


SIDEBAR = [
    "Цены на бензин снова выросли в регионах",
    "Названы лучшие школы Алматы по итогам года",
    "Как получить налоговый вычет за лечение",
    "Где в Астане сдают жильё дешевле всего",
    "Пенсии проиндексируют с первого января",
    "Новый график работы ЦОНов в праздники",
]


@pytest.mark.parametrize(
    "header",
    [
        ["26 ноября 2024, 15:28 [ «Курсив» ]"],  # a date line the rules keep
        ["Published January 12, 2024 | Health Desk"],
        ["Jonathan Carson January 17, 2024"],  # a byline with a date in words
        ["Tuesday, 17th January 2024"],
        ["Прочитано: 51 раз"],
        ["Аким на встрече с жителями (Фото: пресс-служба акимата)"],  # an image's caption
        ["Айгерим Сапарова, Казинформ"],  # the reporter and the agency
    ],
)
def test_meta_title_is_the_title_not_the_date_line_under_it(header: list[str]) -> None:
    title = "Учёные создали жевательную резинку, которая снижает аппетит"
    page = Cleaner().page("\n".join(["Главная", "Наука", title, *header, *ARTICLE]))
    assert page.meta["title"] == title


def test_a_title_printed_twice_is_still_the_title_over_its_byline() -> None:
    title = "City council approves new bike lanes downtown"
    menu = ["* Home", "* News", "* Weather", "* Traffic", "* Sports"]
    header = [title, title, "by Maria Lopez", "Posted on March 3, 2024 at 4:10 PM"]
    header += ["Share this story", "Map: City Hall", "View larger map"]
    page = Cleaner().page("\n".join([*menu, *header, *EN_ARTICLE]))
    rules = [u.rule for u in page.units if u.text == title]
    assert rules == ["repeated_in_page", None]  # the copy over the byline stays
    assert page.meta["title"] == title


def test_the_copy_of_a_title_over_its_date_is_kept_not_the_one_in_the_page_head() -> None:
    title = "Аким Медеуского района встретился с жителями"
    head = [title, "Главная", "Новости", "Общество"]
    header = [title, "12.03.2024 14:05"]
    teaser = ["Читайте также", title, "12.03.2024 14:05"]  # the same story teased under it
    page = Cleaner().page("\n".join([*head, *header, *ARTICLE, *teaser]))
    rules = [u.rule for u in page.units if u.text == title]
    assert rules[:2] == ["repeated_in_page", None]
    assert rules[2] is not None
    assert page.meta["title"] == title


def test_a_title_shaped_line_with_a_clock_time_is_not_taken_for_the_title() -> None:
    """Past the lines right above the lead, the title is looked for among title-shaped lines;
    an edit notice with a time is title-shaped too but is not the title."""
    title = "Аким Медеуского района встретился с жителями"
    notice = "Обновлено в 17:45 по времени Астаны"
    lines = ["Меню", title, notice, "Общество", "Новости", *ARTICLE]
    found = rules_of("\n".join(lines))
    assert found[title] is None
    assert found[notice] is not None


def test_the_title_above_a_bulleted_sidebar_headline_is_the_one_kept() -> None:
    title = "Жители Медеуского района встретились с акимом"
    sidebar = "* В Алматы открыли новый детский каток"
    found = rules_of("\n".join(["Меню", title, "Общество", sidebar, "Мнение", "Блоги", *ARTICLE]))
    assert found[title] is None and found[sidebar] is not None
    assert_article_kept(found)


def test_a_title_under_a_sidebar_survives() -> None:
    """A sidebar's headlines often run on into the article's title; the title is told by the
    date or author line under it, or by the furniture between the sidebar and it."""
    title = "Медеуский район ждут новые школы и дороги"
    dated = [*SIDEBAR, title, "Автор: Дана Омарова", "12.03.2024 14:05", "", *ARTICLE]
    found = rules_of("\n".join(dated))
    assert found[title] is None
    assert_article_kept(found)
    subtitle = "Аким ответил на вопросы жителей о ремонте"
    furniture = ["Оставить комментарий", "Подписывайтесь на наш Telegram-канал"]
    found = rules_of("\n".join([*SIDEBAR[:5], *furniture, title, subtitle, *ARTICLE]))
    assert (found[title], found[subtitle]) == (None, None)
    # The nearest title-shaped line past those two is kept as a possible title: here the
    # sidebar's last headline, the one sidebar line that stays.
    assert [line for line in SIDEBAR[:5] if found[line] is None] == [SIDEBAR[4]]
    # Above the first paragraph, a title between a sidebar and its standfirst bullets.
    standfirst = ["Аким обещал отремонтировать сорок улиц", "Две школы откроются к сентябрю"]
    found = rules_of("\n".join([*SIDEBAR, title, *standfirst, *ARTICLE]))
    assert found[title] is None
    assert_article_kept(found)
    # Under a list's heading too: the title over its date is not one of the list's headlines.
    listed = ["Читайте также", *SIDEBAR[:3], title, "Автор: Дана Омарова", "12.03.2024 14:05"]
    found = rules_of("\n".join([*listed, "", *ARTICLE]))
    assert found[title] is None
    assert all(found[line] == "link_list" for line in listed[:4])
    # Share buttons or a comments link may stand between the title and its author line.
    header = [title, "Поделиться", "Оставить комментарий", "Автор: Дана Омарова"]
    found = rules_of("\n".join(["Читайте также", *SIDEBAR[:3], *header, "", *ARTICLE]))
    assert found[title] is None
    assert all(found[line] == "link_list" for line in SIDEBAR[:3])


def test_numbered_steps_of_one_article_are_not_a_feed() -> None:
    """A listicle looks like a feed (heading, one paragraph, heading ...) and its points need
    not share words; headings numbered 1, 2, 3 ... in order say it is one article."""
    steps = [
        "* 1. Проверьте прогноз погоды",
        "Ясное утро может смениться метелью за час, поэтому перед пробежкой загляните в прогноз.",
        "* 2. Зарядите телефон",
        "Если подвернёте ногу далеко от дома, позвонить близким будет важнее любой музыки.",
        "* 3. Разомнитесь на лестнице",
        "Десять минут ходьбы по ступенькам разогреют мышцы и суставы лучше растяжки на холоде.",
        "* 4. Скажите кому-нибудь, куда идёте",
        "Маршрут, известный родным, поможет найти вас быстрее, если что-то пойдёт не так.",
    ]
    found = rules_of("\n".join([ARTICLE[0], *steps]))
    assert [line for line in steps if found[line] is not None] == []


@pytest.mark.parametrize(
    "interview",
    [
        [
            "Q: Why did the project take so long?",
            "A: Funding came in three parts, and each part needed its own approval from the city.",
            "Q: What changes for residents?",
            "A: Buses will run every eight minutes, and the old depot becomes a park for families.",
            "Q: When will the second line open?",
            "A: The designers promise it for spring, if the winter leaves builders enough time.",
            "Q: And the ticket price?",
            "A: It stays the same for at least two years, the city council voted on it yesterday.",
        ],
        [
            "— Почему проект затянулся?",
            "— Деньги выделяли тремя частями, и каждую часть город согласовывал отдельно полгода.",
            "— Что изменится для жителей?",
            "— Автобусы будут ходить каждые восемь минут, а старое депо станет семейным парком.",
            "— Когда откроют вторую линию?",
            "— Проектировщики обещают весной, если зима оставит строителям достаточно времени.",
            "— А цена билета?",
            "— Она не изменится как минимум два года, вчера за это проголосовал маслихат города.",
        ],
    ],
)
def test_an_interview_is_not_a_feed(interview: list[str]) -> None:
    """Short question, one-paragraph answer, four times: the shape of a teaser feed."""
    lead = "Аким города рассказал нашему корреспонденту о новой линии автобусов и ремонте депо."
    found = rules_of("\n".join([lead, *interview, "Все права защищены."]))
    assert [line for line in interview if found[line] is not None] == []


def test_comment_section_after_article() -> None:
    comments = [
        "Комментарии (2)",
        "Ерлан",
        "Наконец-то дороги отремонтируют, давно пора.",
        "Ответить",
    ]
    found = rules_of(page_with(*comments))
    assert all(found[line] is not None for line in comments)
    assert_article_kept(found)


def test_comments_without_a_heading_are_told_by_their_names_over_dates() -> None:
    comments = [
        "Ерлан",
        "25 ноября 2024, 14:20",
        "Давно пора было это сделать. Молодцы!",
        "Айгуль Н.",
        "25 ноября 2024, 15:02",
        "А у нас в районе до сих пор нет освещения.",
    ]
    found = rules_of("\n".join([*ARTICLE, *comments]))
    assert all(found[line] is not None for line in comments)
    assert_article_kept(found)
    # a news feed's bare clock times over rubrics are no comment thread
    feed = ["Погода", "18:04", ARTICLE[1], "Спорт", "18:01", ARTICLE[2]]
    found = rules_of("\n".join([ARTICLE[0], *feed]))
    assert found[ARTICLE[2]] is None


COMMENT_RULES = [
    "Правила комментирования",
    "Пользователь, оставляя комментарий на сайте, соглашается с тем, что редакция вправе удалить "
    "его без объяснения причин, если он нарушает законодательство или нормы общения.",
    "Запрещаются оскорбления других участников обсуждения, реклама, ссылки на сторонние сайты, "
    "а также сообщения, написанные целиком заглавными буквами или латиницей.",
    "Повторное нарушение правил ведёт к блокировке учётной записи без права восстановления.",
]


@pytest.mark.parametrize(
    "footer",
    [
        "© 2024 Almaty News. Все права защищены.",
        "Copyright © 2012 The Daily Observer. All rights reserved.",
        "Сетевое издание зарегистрировано в Федеральной службе по надзору в сфере связи",
        "Свидетельство о постановке на учет СМИ № 12345-СИ выдано Министерством информации",
    ],
)
def test_everything_after_the_site_footer_goes(footer: str) -> None:
    found = rules_of(page_with("О редакции", "Реклама", footer, "", *COMMENT_RULES))
    assert found[footer] is not None
    for line in COMMENT_RULES:
        assert found[line] is not None, line
    assert_article_kept(found)


@pytest.mark.parametrize(
    "credit",
    [
        "© Reuters",  # a photo credit: no year
        "Уильям Тёрнер. Этюд облаков, около 1830 года © Tate, London 2011",  # a caption's credit
    ],
)
def test_a_credit_inside_the_article_is_not_the_footer(credit: str) -> None:
    text = "\n".join([ARTICLE[0], credit, *ARTICLE[1:]])
    assert_article_kept(rules_of(text))


@pytest.mark.parametrize(
    "sentence",
    [
        "The studio said all rights reserved under the old contract would pass to the city, "
        "which plans to show the films for free.",
        "The court ruled on the copyright dispute between the two publishers on Monday, "
        "ordering the smaller one to pay damages.",
        "Фильм получил возрастной рейтинг 18+ и выйдет в прокат в декабре.",
        "Подписка на периодические издания в Казахстане подорожает на 10% с января.",
        "Жазылу науқаны қазан айында басталады.",
        "Residents can subscribe to the new monthly bus pass for 5,000 tenge.",
        "The ministry will publish a newsletter for farmers every month, officials said.",
        "Ctrl+Enter больше не отправляет сообщения в новой версии мессенджера, "
        "жалуются пользователи.",
    ],
)
def test_sentences_that_mention_notice_words_are_article_text(sentence: str) -> None:
    text = "\n".join([ARTICLE[0], ARTICLE[1], sentence, ARTICLE[2]])
    found = rules_of(text)
    assert found[sentence] is None
    assert_article_kept(found)


def test_a_copyright_line_above_the_article_takes_nothing_below_it() -> None:
    assert_article_kept(rules_of(page_with("© 2024 Almaty News", "Главная", before=True)))


def test_side_column_beside_the_article_goes_but_the_article_column_stays() -> None:
    gap = " " * 12
    side = ["* Поделиться в Telegram", "* В Алматы открыли новый каток", "* Версия для печати"]
    lines = [
        "Главная" + gap + "Аким встретился с жителями Медеуского района",
        *[paragraph + gap + item for paragraph, item in zip(ARTICLE, side, strict=True)],
    ]
    found = rules_of("\n".join(lines))
    assert all(found[item] is not None for item in side)
    assert found["Аким встретился с жителями Медеуского района"] is None  # the title column
    assert_article_kept(found)


@pytest.mark.parametrize("heading", ["| 13 Comment(s)", "Please Add Comments"])
def test_comment_headings_of_table_layouts(heading: str) -> None:
    comments = [
        heading,
        "Lindsay",
        "I wonder whether the report counted every district of the city.",
    ]
    found = rules_of(page_with(*comments))
    assert all(found[line] == "comment_section" for line in comments)
    assert_article_kept(found)


def test_lead_paragraphs_above_an_embedded_related_box_stay() -> None:
    rest = [
        "Горожане также предложили расширить сеть велодорожек и отремонтировать подземные "
        "переходы в центре города, где зимой бывает особенно скользко.",
        "Аким пообещал рассмотреть каждое предложение и вернуться с ответами на следующей "
        "встрече, которая пройдёт в районе через три месяца.",
        "В акимате уточнили, что часть работ уже включена в план на следующий год, а остальные "
        "предложения изучат профильные управления города.",
        "Встреча продлилась более трёх часов, на ней присутствовали около двухсот жителей "
        "района, а также депутаты городского маслихата.",
    ]
    box = ["More related to this story", "* Новые автобусы вышли на линии", "* Каток открыт"]
    found = rules_of("\n".join([*ARTICLE[:2], *box, *rest]))
    assert all(found[line] is None for line in [*ARTICLE[:2], *rest])


def test_comment_threads_signed_below_or_numbered_above() -> None:
    signed = [
        "User Comments",
        "Finally some good news about the roads in our district.",
        "Posted by: Daulet | March 12, 2024, 9:14 am",
        "I will believe it when I see the new schools open.",
        "• Posted by: Aigerim K. • Report Comment",
    ]
    numbered = [
        "#2 Айгерим 12.03.24, 14:05",
        "Хорошо бы и про автобусы не забыли, до нас ни один маршрут не доходит.",
        "#1 Ерлан_88 12.03.24, 13:40",
        "Дороги обещают каждый год.",
    ]
    named = [
        "Комментарий читателя: Андрей из Караганды",
        "Мосты ремонтируют каждый год, а толку нет.",
        "Комментарий читателя: Дина",
        "Хорошо, что хоть начали.",
    ]
    for comments in (signed, numbered, named):
        found = rules_of(page_with(*comments))
        assert [line for line in comments if found[line] is None] == []
        assert_article_kept(found)
    # The same signature above the article is its byline, not the start of a thread.
    byline = "Posted by: Staff reporter | March 12, 2024, 8:00 am"
    found = rules_of("\n".join([byline, *ARTICLE, *signed[1:]]))
    assert_article_kept(found)


def test_boilerplate_context_keeps_poem_and_subheading_inside_article() -> None:
    poem = [
        "Город мой, ты свет в окне,",
        "Горы в снежной седине",
        "Ты живи, родной, во мне",
        "Алматы, мой край родной!",
    ]
    text = "\n\n".join([ARTICLE[0], *poem, "Что дальше", ARTICLE[1], ARTICLE[2]])
    kept = clean_text(text)
    for line in [*poem, "Что дальше", *ARTICLE]:
        assert line in kept


RELATED_TEASERS = [
    "В Караганде открыли новый мост через Нуру",
    "Строители сдали мост на два месяца раньше срока, движение по нему откроют в пятницу утром.",
    "Синоптики обещают снег на выходных",
    "В северных областях выпадет до пятнадцати сантиметров снега, на трассах возможен гололёд.",
    "Футболисты Шымкента выиграли кубок",
    "В финале команда обыграла соперников из Павлодара со счётом два-один в дополнительное время.",
]


def test_teasers_past_removed_furniture_are_not_joined_to_the_article() -> None:
    """Lines removed as furniture (a sidebar, prompts) separate the article from the teasers
    below them, as they did on the page; the teasers' leads are prose, but not the article's."""
    popular = [
        "Популярное",
        "Цены на бензин снова выросли",
        "Названы лучшие школы Алматы",
        "Как получить налоговый вычет",
        "Где в Астане сдают жильё дешевле",
        "Пенсии проиндексируют с января",
        "Новый график работы ЦОНов",
        "Аэропорт Шымкента расширят",
        "Какая погода ждёт нас в декабре",
    ]
    furniture = [*popular, "Оставить комментарий", "Подписывайтесь на наш Telegram-канал"]
    found = rules_of("\n".join([*ARTICLE, *furniture, "", *RELATED_TEASERS]))
    assert_article_kept(found)
    assert all(found[line] is not None for line in furniture)
    assert [line for line in RELATED_TEASERS if found[line] is None] == []


def test_a_credit_timestamp_and_counter_between_paragraphs_do_not_split_the_article() -> None:
    inside = ["Фото: Айдос Ержанов", "12:45", "Просмотров: 120"]
    found = rules_of("\n".join([ARTICLE[0], ARTICLE[1], *inside, ARTICLE[2]]))
    assert all(found[line] is not None for line in inside)
    assert_article_kept(found)


def test_a_refrain_stays_but_a_layout_repeat_goes() -> None:
    refrain = "Пусть всегда шумят над нами тополя родного края,"
    song = [
        refrain,
        "Пусть весна приходит в город, как невеста молодая,",
        "И над старою рекою",
        "Светит солнце золотое.",
        "",
        "Мы вернёмся в этот город из любого дальнего края,",
        "Где друзья нас ждут, как прежде, на скамейке у сарая,",
        refrain,
        "И поёт душа другая.",
    ]
    text = "\n\n".join([ARTICLE[0], "\n".join(song), ARTICLE[1]])
    assert clean_text(text).count(refrain) == 2
    share = "Поделитесь этой новостью с друзьями в социальных сетях"
    page = "\n\n".join([share, ARTICLE[0], ARTICLE[1], share, ARTICLE[2]])
    assert clean_text(page).count(share) <= 1


def test_a_rubric_word_right_above_the_lead_goes_but_a_title_there_stays() -> None:
    kept = clean_text("\n".join(["Новости Казахстана", "Войти", "Общество", *ARTICLE]))
    assert kept.startswith(ARTICLE[0])
    title = "Медеуский район: что обещал аким"
    assert clean_text("\n".join(["Войти", title, *ARTICLE])).startswith(title + "\n")


def test_site_repeated_line_rule_is_listed_and_skippable() -> None:
    assert "boilerplate_context" in RULES
    text = page_with("Главная | Новости | Политика | Экономика | Спорт")
    assert "Главная" in clean_text(text, skip=["navigation_menu", "boilerplate_context"])


def test_repairs() -> None:
    assert fix_mojibake("ÐŸÑ€Ð¸Ð²ÐµÑ‚, Ð¼Ð¸Ñ€") == "Привет, мир"
    assert fix_mojibake("Café «Астана»") == "Café «Астана»"
    assert fix_homoglyphs("Aктобе и Almаty") == "Актобе и Almaty"
    assert fix_homoglyphs("iPhone и Қазақстан") == "iPhone и Қазақстан"
    assert fix_spaces("10\u00a0000 тенге, со\u00adобщение\u200b") == "10 000 тенге, сообщение"


def test_html_entities_and_formatting_tags_are_repaired_links_and_code_are_not() -> None:
    assert (
        unescape_markup("о &laquo;ремонте&raquo; &#8212; <b>дорог</b><br>")
        == "о «ремонте» — дорог "
    )
    assert unescape_markup("жителями&nbsp;района, AT&T и R&D") == "жителями\u00a0района, AT&T и R&D"
    code = '<div class="ad"><b>Реклама</b></div>'
    assert unescape_markup(code) == code  # left whole for markup_code
    link = 'Займы <a href="http://example.com">быстро</a>'
    assert unescape_markup(link) == link


def test_a_paragraph_with_entities_is_kept_as_text() -> None:
    source = ARTICLE[0].replace("Медеуского", "&laquo;Медеуского&raquo;").replace(" ", "&nbsp;", 3)
    text = clean_text("\n".join([source + "<br>", *ARTICLE[1:], '<div class="ad"></div>']))
    assert ARTICLE[0].replace("Медеуского", "«Медеуского»") in text
    assert "<" not in text and "&" not in text


def test_rejoin_broken_lines() -> None:
    lines = [
        "Жители столицы принесли сотни транспарантов и фотографий, а также",
        "цветы к монументу.",
        "Шеруге қатысқан мыңдаған адам Тәуелсіздік даңғылы бойымен шерту-",
        "шылар жүрді.",
        "Короткая строка",
        "вторая",
    ]
    assert rejoin_broken_lines(lines) == [
        "Жители столицы принесли сотни транспарантов и фотографий, а также цветы к монументу.",
        "Шеруге қатысқан мыңдаған адам Тәуелсіздік даңғылы бойымен шертушылар жүрді.",
        "Короткая строка",
        "вторая",
    ]


def test_every_rule_has_a_summary() -> None:
    for rule in RULES.values():
        assert rule.summary and rule.name


def test_comment_thread_after_an_opening_line_or_reader_signatures() -> None:
    opened = ["Comments are now closed for this story", "Marat", "Finally some good news."]
    found = rules_of(page_with(*opened))
    assert all(found[line] is not None for line in opened)
    assert_article_kept(found)
    signed = [
        "Айдос",
        "пишет:",
        "Хорошо бы и у нас так сделали, давно ждём.",
        "Гульнара",
        "пишет:",
        "Согласна, дороги в нашем районе в ужасном состоянии.",
    ]
    text = "\n".join([*ARTICLE, *signed])
    kept = clean_text(text)
    assert "давно ждём" not in kept and "Гульнара" not in kept
    assert all(line in kept for line in ARTICLE)
    quote = "\n".join([ARTICLE[0], "Министр сказал:", "– Работы начнутся весной.", *ARTICLE[1:]])
    assert "– Работы начнутся весной." in clean_text(quote)


def test_comment_thread_with_dated_signatures_and_rating_buttons() -> None:
    thread = [
        "Great news for the city, it was about time.",
        "- Aigul, Almaty, 12/1/2012 11:48",
        "Click to rate Rating (3)",
        "Not sure the money will be spent well.",
        "- Timur, Astana, 12/1/2012 11:37",
    ]
    found = rules_of(page_with(*thread))
    assert all(found[line] is not None for line in thread)
    assert_article_kept(found)


def test_long_legal_notice_that_opens_like_one() -> None:
    notice = (
        "При использовании материалов сайта ссылка на источник обязательна. "
        + "Редакция не несёт ответственности за содержание рекламных объявлений и мнения авторов. "
        * 8
    ).strip()
    found = rules_of(page_with(notice))
    assert found[notice] == "copyright_footer"
    assert_article_kept(found)


@pytest.mark.parametrize(
    ("line", "headline"),
    [
        ("Şymkentte jaña saiabaq aşyldy", True),  # Kazakh in the Latin alphabet
        ("Ämbebap qyzmet körsetu ortalyqtary jūmys kestesın özgerttı", True),
        ("Άρχισε η νέα σχολική χρονιά", True),
        ("Żołnierze wrócili z misji", True),
        ("«Қазақстан темір жолы» жаңа вагондар сатып алды", True),
        ("2025 жылы зейнетақы өседі", True),
        ("şymkentte jaña saiabaq aşyldy", False),
        ("Жители попросили продлить маршруты автобусов.", False),
    ],
)
def test_title_shaped_lines_in_any_script(line: str, headline: bool) -> None:
    assert is_headline_like(line) is headline
