"""ct stats through the real CLI (and the library where a figure needs a precise input)."""

from __future__ import annotations

import json
from collections import Counter

import pytest

from corpus_tools.lang import detect_language
from corpus_tools.stats import StatsCollector, TopCounts, batches, compute_stats, is_timestamp_line

from .conftest import CORPUS, run_ct, shell
from .samples_stats import (
    EN_ARTICLE,
    KK_ARTICLE,
    MOJIBAKE_ARTICLE,
    RAW_PAGE,
    RU_ARTICLE,
    corpus_with_duplicates,
    jsonl,
)

PAGES = len(list(CORPUS.glob("*.txt")))


def stats_json(*args: str, input: str | None = None) -> dict:
    result = run_ct("stats", *args, input=input, check=True)
    return json.loads(result.stdout)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (RU_ARTICLE, "ru"),
        (KK_ARTICLE, "kk"),
        (EN_ARTICLE, "en"),
        (RU_ARTICLE + "\n\n" + EN_ARTICLE, "mixed"),
        (
            "Rząd ogłosił dziś nowy program wsparcia dla rolników, którzy ucierpieli w powodzi.",
            "other",
        ),
        ("12:30 14:45 — 2024", "unknown"),
        (  # Kazakh in the 2018 Latin alphabet, then the 2021 one
            "Aýdan ákimi jańa mektep týraly aıtty. Mektep keler jyly ashylady jáne onda eki "
            "myń oqýshy oqıdy, dedi ol.",
            "kk",
        ),
        (
            "Audan äkımı jaña mektep turaly aitty. Mektep keler jyly aşylady jäne onda ekı myñ "
            "oquşy oqidy, dedı ol.",
            "kk",
        ),
        (
            "Cumhurbaşkanı bugün Ankara'da bir açıklama yaptı ve büyümenin süreceğini söyledi.",
            "other",
        ),
    ],
)
def test_detect_language(text: str, expected: str) -> None:
    assert detect_language(text) == expected


def test_a_raw_page_is_judged_by_its_text_not_by_the_menu_it_opens_with() -> None:
    menu = "\n".join(["* Reader Offers", "* Bingo", "* Cashback", "* Dating", "* Tickets"] * 30)
    padded = "* Экономика" + " " * 200  # a menu line padded with spaces is no text line
    for article in (EN_ARTICLE, RU_ARTICLE):
        page = f"{menu}\n{padded}\n{article.replace(chr(10), ' ')}"  # one paragraph line
        assert detect_language(page) == detect_language(article)


def test_raw_corpus_figures_and_noise() -> None:
    stats = stats_json("corpus/", "--json")
    assert stats["documents"] == PAGES
    assert stats["tokens"] > 3000
    assert set(stats["languages"]) <= {"ru", "en", "mixed", "kk"}
    assert stats["languages"].get("en") == 4  # 002, 004 and our 007, 010
    # the seeds carry long runs of "13:46"-style lines and menus: the FineWeb/C4 signals see them
    assert stats["noise"]["timestamp_line_share"] > 0.2
    assert stats["noise"]["short_line_share"] > 0.3
    assert sum(b["documents"] for b in stats["length"]["histogram"]) == PAGES


def test_piped_output_is_json_without_flag() -> None:
    result = run_ct("stats", "corpus/", check=True)
    assert json.loads(result.stdout)["documents"] == PAGES


def test_pipeline_clean_then_stats_has_less_noise() -> None:
    raw = stats_json("corpus/")
    result = shell("ct clean corpus/ | ct stats --json")
    assert result.returncode == 0, result.stderr
    cleaned = json.loads(result.stdout)
    assert cleaned["documents"] == PAGES
    assert cleaned["noise"]["timestamp_line_share"] == 0
    assert cleaned["noise"]["short_line_share"] < raw["noise"]["short_line_share"] / 3
    assert cleaned["dates"]["per_month"] == {"2024-12": 1, "2025-01": 1, "2025-03": 1}


def _has_dedup() -> bool:
    return run_ct("dedup", "--help").returncode == 0


@pytest.mark.skipif(not _has_dedup(), reason="ct dedup is not merged yet")
def test_pipeline_clean_dedup_stats() -> None:
    result = shell("ct clean corpus/ | ct dedup | ct stats --json")
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout)["documents"] == PAGES


def test_exact_and_near_duplicates() -> None:
    sentences = [
        f"Предложение номер {n} рассказывает о событии в городе Алматы." for n in range(30)
    ]
    article = " ".join(sentences)
    edited = article.replace("номер 17 рассказывает", "номер 17 сообщает")
    records = [
        {"id": "a", "text": article},
        {"id": "b", "text": article.upper().replace(".", " !")},  # same after folding
        {"id": "c", "text": edited},  # one sentence edited: a near duplicate
        {"id": "d", "text": EN_ARTICLE},
    ]
    stats = stats_json("--json", input=jsonl(records))
    assert stats["duplicates"]["exact"] == 1
    assert stats["duplicates"]["near"] == 1
    assert stats["duplicates"]["exact_share"] == 0.25


def test_dates_months_and_by_month() -> None:
    records = [
        {"id": "1", "text": RU_ARTICLE, "meta": {"date": "2024-01-05T10:00:00"}},
        {"id": "2", "text": EN_ARTICLE, "meta": {"date": "2024-01-20"}},
        {"id": "3", "text": KK_ARTICLE, "meta": {"published": "03.03.2024 18:00"}},
        {"id": "4", "text": EN_ARTICLE + " Updated."},
    ]
    stats = stats_json("--json", "--by", "month", input=jsonl(records))
    assert stats["dates"] == {
        "first_month": "2024-01",
        "last_month": "2024-03",
        "undated": 1,
        "per_month": {"2024-01": 2, "2024-03": 1},
    }
    assert stats["groups"]["month"]["2024-01"]["documents"] == 2
    assert stats["groups"]["month"]["undated"]["languages"] == {"en": 1}


def test_by_site_and_lang() -> None:
    records = [
        {"id": "1", "text": RU_ARTICLE, "url": "https://tengrinews.kz/a"},
        {"id": "2", "text": RAW_PAGE, "url": "https://tengrinews.kz/b"},
        {"id": "3", "text": EN_ARTICLE, "site": "astanatimes.com"},
    ]
    stats = stats_json("--json", "--by", "site", input=jsonl(records))
    sites = stats["groups"]["site"]
    assert list(sites) == ["tengrinews.kz", "astanatimes.com"]
    assert sites["tengrinews.kz"]["noise"]["timestamp_line_share"] > 0.1
    assert sites["astanatimes.com"]["noise"]["timestamp_line_share"] == 0
    by_lang = stats_json("--json", "--by", "lang", input=jsonl(records))["groups"]["lang"]
    assert by_lang["ru"]["documents"] == 2 and by_lang["en"]["documents"] == 1


def test_by_site_takes_one_host_however_records_name_it(tmp_path) -> None:
    folder = tmp_path / "scraped" / "inform.kz"
    folder.mkdir(parents=True)
    (folder / "page.txt").write_text(RU_ARTICLE, "utf-8")
    records = [
        {"id": "1", "text": RU_ARTICLE, "meta": {"site": "www.Zakon.kz"}},
        {"id": "2", "text": EN_ARTICLE, "url": "https://zakon.kz/news/2"},
        {"id": "3", "text": EN_ARTICLE, "meta": {"url": "zakon.kz/news/3"}},
        {"id": "4", "text": KK_ARTICLE},
    ]
    (tmp_path / "records.jsonl").write_text(jsonl(records), "utf-8")
    stats = stats_json("--json", "--by", "site", str(tmp_path / "records.jsonl"), str(folder))
    sites = {site: group["documents"] for site, group in stats["groups"]["site"].items()}
    assert sites == {"zakon.kz": 3, "unknown": 1, str(folder): 1}


def test_top_names_words_and_bigrams_leave_stopwords_out() -> None:
    stats = stats_json("--json", "--top", "10", input=jsonl([{"text": EN_ARTICLE}] * 2))
    words = [word for word, _ in stats["top_words"]]
    assert "crossings" in words
    assert not {"the", "and", "of", "to"} & set(words)
    names = dict(stats["top_names"])
    assert names["Serik Zhumangarin"] == 2
    assert "Shymkent" in names
    # "Kazakhstan" opens the article: a capital at sentence start is not taken as a name
    assert "Kazakhstan" not in names
    assert ["border crossings", 2] in stats["top_bigrams"]


def test_common_english_function_words_are_not_top_words() -> None:
    text = "Those who should decide, those who should vote: farmers should know those rules."
    words = [word for word, _ in compute_stats([{"text": text}])["top_words"]]
    assert not {"those", "should", "who"} & set(words)
    assert {"farmers", "rules", "vote"} <= set(words)


def test_month_and_weekday_names_are_not_top_names() -> None:
    text = (
        "The talks resumed on Monday, and a deal is expected in January, officials in Astana said."
    )
    names = [name for name, _ in compute_stats([{"text": text}])["top_names"]]
    assert names == ["Astana"]


def test_case_forms_of_one_name_are_one_top_name_in_its_most_frequent_form() -> None:
    texts = [
        "Делегация прибыла из России вчера.",
        "Посол вернулся в Россию утром.",
        "Экспорт из России вырос, сообщили в Астане.",
    ]
    names = compute_stats([{"text": t} for t in texts])["top_names"]
    assert names == [["России", 3], ["Астане", 1]]


def test_a_kazakh_text_typed_with_russian_letters_is_an_exact_duplicate() -> None:
    typed = KK_ARTICLE.translate(str.maketrans("әғқңөұүһіҚӘҒҢӨҰҮҺІ", "агкноуухиКАГНОУУХИ"))
    assert typed != KK_ARTICLE
    stats = compute_stats([{"text": KK_ARTICLE}, {"text": typed}])
    assert stats["duplicates"]["exact"] == 1  # as ct dedup reads them


def test_names_from_normalize_metadata_are_counted_by_canonical_form() -> None:
    meta = {"names": [{"text": "Токаева", "canonical": "Касым-Жомарт Токаев"}]}
    stats = compute_stats([{"text": RU_ARTICLE, "meta": meta}] * 3)
    assert stats["top_names"] == [["Касым-Жомарт Токаев", 3]]


def test_mojibake_and_repeated_lines() -> None:
    collector = StatsCollector()
    clean = collector.add({"text": RU_ARTICLE})
    broken = collector.add({"text": "Заголовок\n" + MOJIBAKE_ARTICLE})
    assert clean.mojibake_line is None
    assert broken.mojibake_line == 2
    collector.add({"text": "Подписаться\n" + EN_ARTICLE})
    collector.add({"text": "Подписаться\n" + KK_ARTICLE})
    result = collector.result()
    assert result["noise"]["mojibake_document_share"] == 0.25
    assert result["noise"]["repeated_line_share"] > 0


def test_terminal_tables_render() -> None:
    """The rich table path, forced through a pseudo-terminal-free call of the printer."""
    from corpus_tools.cli.stats import _print_tables

    stats = compute_stats([{"text": RU_ARTICLE, "meta": {"date": "2024-05-01"}}], by="site")
    _print_tables(stats)  # must not raise on every section, groups included


def test_missing_input_is_one_line_error() -> None:
    result = run_ct("stats", "no/such/dir.jsonl", "--json")
    assert result.returncode == 2
    assert "no such file" in result.stderr
    assert "Traceback" not in result.stderr
    assert json.loads(result.stdout)["documents"] == 0


def test_records_marked_by_dedup_are_counted() -> None:
    records = [
        {"id": "1", "text": RU_ARTICLE, "meta": {"duplicates": ["2"]}},
        {"id": "2", "text": EN_ARTICLE, "meta": {"duplicate_of": "9"}},
        {"id": "3", "text": KK_ARTICLE, "meta": {"duplicates": []}},
    ]
    assert stats_json("--json", input=jsonl(records))["duplicates"]["marked_by_dedup"] == 2


def test_top_zero_skips_the_counters_but_keeps_every_other_figure() -> None:
    full = stats_json("corpus/", "--json")
    lean = stats_json("corpus/", "--json", "--top", "0")
    assert lean["top_words"] == lean["top_names"] == lean["top_bigrams"] == []
    for key in ("documents", "tokens", "languages", "duplicates", "noise", "length", "dates"):
        assert lean[key] == full[key]


def test_jobs_give_byte_identical_figures(tmp_path) -> None:
    """--jobs 2 really splits the work (several batches) and prints exactly what --jobs 1 does."""
    records = corpus_with_duplicates()
    assert len(list(batches(records))) >= 3  # so map_ordered starts a pool of workers
    path = tmp_path / "corpus.jsonl"
    path.write_text(jsonl(records), encoding="utf-8")
    for args in (["--by", "site"], ["--by", "month", "--top", "50"], ["--top", "0"]):
        one = run_ct("stats", str(path), "--json", "--jobs", "1", *args, check=True).stdout
        two = run_ct("stats", str(path), "--json", "--jobs", "2", *args, check=True).stdout
        assert one == two, args
    piped = run_ct("stats", "--json", "--by", "site", "-j", "2", input=jsonl(records), check=True)
    assert piped.stdout == run_ct("stats", str(path), "--json", "--by", "site", "-j", "1").stdout
    figures = json.loads(one)
    assert figures["documents"] == len(records)
    assert figures["duplicates"]["exact"] == 150  # copies of records in earlier batches
    assert figures["duplicates"]["near"] >= 100  # most edited re-publications are caught
    assert figures["noise"]["repeated_line_share"] > 0.1  # "Подписаться" on every page
    assert compute_stats(records, top=0) == figures  # the library gives the same figures


def test_jobs_on_the_bundled_corpus() -> None:
    one = run_ct("stats", "corpus/", "--json", "--by", "site", "-j", "1", check=True).stdout
    assert run_ct("stats", "corpus/", "--json", "--by", "site", "-j", "2").stdout == one


def test_word_counts_handed_back_in_any_order_give_the_same_figures() -> None:
    """Workers hand their counts back in no fixed order: ties go by the word itself."""
    first = Counter({"алматы": 3, "астана": 2, "шымкент": 1})
    second = Counter({"шымкент": 2, "астана": 1, "караганда": 1})
    tops = []
    for shares in ([first, second], [second, first]):
        collector = StatsCollector(top=3)
        for share in shares:
            collector.add_counts(TopCounts(words=share.copy()))  # add_counts takes it over
        tops.append(collector.result()["top_words"])
    assert tops[0] == tops[1] == [["алматы", 3], ["астана", 3], ["шымкент", 3]]


def test_length_bins_have_labels_short_enough_for_a_chart_axis() -> None:
    from corpus_tools.stats import length_bin_label

    histogram = compute_stats([{"text": RU_ARTICLE}])["length"]["histogram"]
    assert [length_bin_label(b) for b in histogram] == [
        "0–10", "10–25", "25–50", "50–100", "100–250", "250–500",
        "500–1k", "1k–2.5k", "2.5k–5k", "5k–10k", "10k+",
    ]  # fmt: skip


@pytest.mark.parametrize(
    ("line", "timestamp"),
    [
        ("13:46", True),
        ("11.12.2024 18:00", True),
        ("23 ноября 2024", True),
        ("Dec 11, 2024, 18:00", True),
        ("10:22 PM", True),
        ("Jan. 11, 2012 10:22 PM", True),
        ("Wednesday, 11 December 2024, 18:00 p.m. года", True),
        # a date padded out past TIMESTAMP_MAX_CHARS is layout debris, not a date line
        ("Wednesday,      11 December      2024,      18:00      p.m.      года", False),
        ("В 13:46 аким открыл заседание.", False),
        ("Pm Modi visits Astana", False),
    ],
)
def test_timestamp_like_lines(line: str, timestamp: bool) -> None:
    assert is_timestamp_line(line) is timestamp
