"""ct dedup on duplicate sets built from the sample pages, and on hard negatives."""

from __future__ import annotations

import json
import random

import numpy as np
import pytest

from corpus_tools.clean import clean_text
from corpus_tools.dedup import dedup_records
from corpus_tools.dedup.index import band_layout, bucket_pairs
from corpus_tools.dedup.minhash import MinHasher, slots_conflict

from .conftest import SEEDS, run_ct, shell

ARTICLES = [clean_text(path.read_text(encoding="utf-8")) for path in SEEDS[:5]]
MENU = [
    "Главная",
    "Новости Казахстана",
    "Политика | Экономика | Общество | Спорт",
    "Курсы валют: USD 448.50 EUR 489.10 RUB 4.85",
    "Подписывайтесь на наш канал в Telegram",
    "© 2022 Все права защищены. Перепечатка запрещена.",
    "Реклама на сайте",
]
OTHER_MENU = [
    "Home | World | Business | Sport",
    "Most read",
    "Weather: Almaty +12, Astana +3",
    "Follow us on Facebook and Instagram",
    "Contact the newsroom",
    "Terms of use. Privacy policy.",
]


def record(doc_id: str, text: str, **meta: object) -> dict:
    return {"id": doc_id, "text": text, "meta": dict(meta)}


def repost(text: str, menu: list[str]) -> str:
    return "\n".join([*menu[:4], text, *menu[4:]])


def light_edit(text: str, seed: int) -> str:
    """About one word in 40 dropped or doubled, a dash turned into a hyphen."""
    rng = random.Random(seed)
    words = text.split(" ")
    for _ in range(len(words) // 40):
        i = rng.randrange(len(words) - 1)
        if rng.random() < 0.5:
            del words[i]
        else:
            words.insert(i, words[i])
    return " ".join(words).replace(" – ", " - ")


def truncated(text: str, share: float = 0.7) -> str:
    words = text.split(" ")
    return " ".join(words[: int(len(words) * share)])


def weather(city: str, day: int, high: int, low: int) -> str:
    return (
        f"Погода в городе {city} на {day} мая. Днём воздух прогреется до {high} градусов, ночью "
        f"до {low}. Ветер северо-западный, 5 м/с. Синоптики РГП Казгидромет предупреждают о "
        "возможном ухудшении погодных условий."
    )


def accident(road: str, dead: int, km: int) -> str:
    return (
        f"ДТП на трассе {road}: погибли {dead} человека, ещё 2 госпитализированы. Авария "
        f"произошла на {km} км трассы. По предварительным данным, водитель легкового автомобиля "
        "выехал на встречную полосу. Полиция начала досудебное расследование."
    )


def rate(day: int, usd: str) -> str:
    return f"Курс доллара на {day} мая составил {usd} тенге по итогам утренней сессии на KASE."


SAME_STORY = [
    "В Алматы прошло шествие Бессмертного полка. Тысячи горожан с портретами ветеранов прошли от "
    "площади Астана до парка имени 28 гвардейцев-панфиловцев. По маршруту шествия перекрыли "
    "несколько улиц, движение транспорта восстановили к вечеру. Среди участников были и "
    "военнослужащие, которые несли портреты солдат, погибших в мирное время.",
    "Акция Бессмертный полк собрала в южной столице тысячи человек. Колонна стартовала в полдень "
    "на площади Астана и завершилась у парка 28 гвардейцев-панфиловцев. Горожане несли портреты "
    "участников Великой Отечественной войны, многие пришли с детьми. Полиция заранее ограничила "
    "движение на нескольких улицах в центре Алматы.",
]


def jsonl(records: list[dict]) -> str:
    return "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records)


def kept_ids(stdout: str) -> list[str]:
    return [json.loads(line)["id"] for line in stdout.splitlines()]


def duplicate_set() -> list[dict]:
    """Originals first, then copies that must fold into them, then singletons."""
    ru, _, en, protest, _ = ARTICLES
    return [
        record("ru", ru),
        record("en", en),
        record("protest", protest),
        record("ru-repost", repost(ru, MENU)),
        record("en-edited", light_edit(en, 1)),
        record("ru-truncated", truncated(ru)),
        record("en-cut-repost", repost(truncated(en, 0.75), OTHER_MENU)),
        record("protest-shouting", protest.upper().replace("\n\n", "\n")),
        record("protest-edited-repost", repost(light_edit(protest, 2), OTHER_MENU)),
    ]


def test_reposts_edits_and_truncations_fold_into_the_original() -> None:
    result = run_ct("dedup", "-", input=jsonl(duplicate_set()), check=True)
    assert kept_ids(result.stdout) == ["ru", "en", "protest"]
    kept = {json.loads(line)["id"]: json.loads(line) for line in result.stdout.splitlines()}
    assert kept["ru"]["meta"]["duplicates"] == {"count": 2, "ids": ["ru-repost", "ru-truncated"]}
    assert kept["en"]["meta"]["duplicates"]["ids"] == ["en-edited", "en-cut-repost"]
    assert kept["protest"]["meta"]["duplicates"]["count"] == 2
    assert "9 documents in, 1 exact and 5 near duplicates dropped, 3 kept" in result.stderr


def test_templated_notes_and_articles_quoting_a_lead_are_kept() -> None:
    ru, partisans, en, protest, embassy = ARTICLES
    lead = ru.split("\n")[0]
    notes = [
        weather("Алматы", 12, 25, 12),
        weather("Алматы", 13, 27, 14),
        weather("Астана", 12, 25, 12),
        accident("Алматы – Бишкек", 2, 45),
        accident("Астана – Караганда", 3, 45),
        accident("Алматы – Бишкек", 2, 118),
        rate(12, "448,50"),
        rate(13, "448,50"),
        rate(12, "449,10"),
    ]
    records = [record(f"note{i}", note) for i, note in enumerate(notes)]
    records += [
        record("ru", ru),
        record("quotes-ru-lead", lead + "\n" + partisans),
        record("protest", protest),
        record("embassy", embassy),
        record("en", en),
        record("story-a", SAME_STORY[0]),
        record("story-b", SAME_STORY[1]),
    ]
    result = run_ct("dedup", input=jsonl(records), check=True)
    assert kept_ids(result.stdout) == [r["id"] for r in records]
    assert "0 exact and 0 near duplicates dropped" in result.stderr


def test_exact_duplicates_fold_case_punctuation_and_spacing_but_keep_digits() -> None:
    note = rate(12, "448,50")
    records = [
        record("a", note),
        record("b", "  " + note.upper().replace(" ", "  ").replace(".", " !") + "\n"),
        record("c", note.replace("448,50", "448,60")),
    ]
    assert [r["id"] for r in dedup_records(records)] == ["a", "c"]


def test_a_kazakh_text_typed_with_russian_letters_is_the_same_text() -> None:
    original = (
        "Мемлекет басшысы Қасым-Жомарт Тоқаев Үкіметтің кеңейтілген отырысында өңір "
        "әкімдеріне жылу маусымына дайындықты қатаң бақылауды тапсырды."
    )
    typed = original.translate(str.maketrans("әғқңөұүһіҚӘҒҢӨҰҮҺІ", "агкноуухиКАГНОУУХИ"))
    other = original.replace("жылу", "су")  # one word changed: another text
    records = [record("a", original), record("b", typed), record("c", other)]
    assert [r["id"] for r in dedup_records(records)] == ["a", "c"]


def test_keep_longest_and_earliest_choose_the_copy_but_keep_input_order() -> None:
    ru = ARTICLES[0]
    records = [
        record("first", truncated(ru), date="2022-05-10T09:00:00"),
        record("other", ARTICLES[2]),
        record("longest", repost(ru, MENU), date="2022-05-09"),
        record("full", ru, date="2022-05-08T23:00:00+06:00"),
    ]
    longest = dedup_records([dict(r, meta=dict(r["meta"])) for r in records], keep="longest")
    assert [r["id"] for r in longest] == ["other", "longest"]
    earliest = dedup_records([dict(r, meta=dict(r["meta"])) for r in records], keep="earliest")
    assert [r["id"] for r in earliest] == ["other", "full"]
    assert earliest[1]["meta"]["duplicates"]["ids"] == ["first", "longest"]


def test_clusters_file_lists_kept_and_dropped_with_similarity(tmp_path) -> None:
    clusters = tmp_path / "clusters.jsonl"
    run_ct("dedup", "--clusters", str(clusters), input=jsonl(duplicate_set()), check=True)
    rows = [json.loads(line) for line in clusters.read_text(encoding="utf-8").splitlines()]
    assert [row["kept"] for row in rows] == ["ru", "en", "protest"]
    ru = rows[0]
    assert ru["size"] == 3
    assert [d["id"] for d in ru["dropped"]] == ["ru-repost", "ru-truncated"]
    assert all(0.7 <= d["similarity"] <= 1.0 and d["match"] == "near" for d in ru["dropped"])
    shouting = next(d for d in rows[2]["dropped"] if d["id"] == "protest-shouting")
    assert shouting == {"id": "protest-shouting", "similarity": 1.0, "match": "exact"}


def test_paragraphs_drops_a_repeated_lead_and_records_it() -> None:
    boilerplate = "Подписывайтесь на наш канал в Telegram, чтобы первыми узнавать новости"
    records = [
        record("a", ARTICLES[0] + "\n" + boilerplate + "\n"),
        record("b", boilerplate + "\n" + ARTICLES[1]),
        record("c", ARTICLES[3]),
    ]
    result = run_ct("dedup", "--paragraphs", input=jsonl(records), check=True)
    out = [json.loads(line) for line in result.stdout.splitlines()]
    assert [r["id"] for r in out] == ["a", "b", "c"]
    assert boilerplate in out[0]["text"]
    assert boilerplate not in out[1]["text"]
    assert out[1]["text"].startswith("Они освобождали Европу")
    assert out[1]["meta"]["removed"] == [
        {"rule": "dedup_paragraph", "start_line": 1, "end_line": 1}
    ]
    assert "meta" not in out[2] or "removed" not in out[2]["meta"]
    assert "1 repeated paragraphs dropped" in result.stderr


def test_output_is_identical_whatever_jobs(tmp_path) -> None:
    records = duplicate_set() * 3 + [record(f"w{i}", weather("Тараз", i, i, -i)) for i in range(40)]
    for number, item in enumerate(records):
        item["id"] = f"{item['id']}-{number}"
    path = tmp_path / "docs.jsonl"
    path.write_text(jsonl(records), encoding="utf-8")
    one = run_ct("dedup", str(path), "--jobs", "1", check=True)
    two = run_ct("dedup", str(path), "--jobs", "2", check=True)
    assert one.stdout == two.stdout
    assert len(kept_ids(one.stdout)) == 3 + 40


def test_pipeline_from_clean_keeps_one_copy_per_page() -> None:
    result = shell("cat corpus/*.txt > /dev/null && ct clean corpus/ corpus/ | ct dedup -q")
    assert result.returncode == 0, result.stderr
    assert len(kept_ids(result.stdout)) == len(SEEDS)
    assert result.stderr == ""


def test_a_closed_pipe_ends_quietly() -> None:
    result = shell("ct clean corpus/ corpus/ | ct dedup | head -n 1")
    assert result.returncode == 0
    assert len(result.stdout.splitlines()) == 1
    assert "Traceback" not in result.stderr


def test_bad_records_are_skipped_and_reported() -> None:
    text = jsonl(duplicate_set()[:2]) + "{not json\n"
    result = run_ct("dedup", input=text)
    assert result.returncode == 2
    assert kept_ids(result.stdout) == ["ru", "en"]
    assert "malformed JSON" in result.stderr


def test_slots_conflict_tells_templates_from_copies() -> None:
    hasher = MinHasher()
    today = hasher.sketch(accident("Алматы – Бишкек", 3, 45)).slots
    other_toll = hasher.sketch(accident("Алматы – Бишкек", 4, 45)).slots
    other_road = hasher.sketch(accident("Астана – Караганда", 3, 45)).slots
    with_menu = hasher.sketch("Главная 2022\nНовости Алматы\n" + accident("Алматы – Бишкек", 3, 45))
    dropped_word = hasher.sketch(accident("Алматы – Бишкек", 3, 45).replace("легкового ", ""))
    assert slots_conflict(today, other_toll)
    assert slots_conflict(today, other_road)
    assert not slots_conflict(today, with_menu.slots)
    assert not slots_conflict(today, dropped_word.slots)


SHORT_NEWS = (
    "Президент Касым-Жомарт Токаев провел совещание по развитию энергетики, сообщает "
    "пресс-служба Акорды. Глава государства поручил ускорить модернизацию ТЭЦ в Экибастузе, "
    "Петропавловске и Кокшетау и подготовить города к отопительному сезону. Мы не можем "
    "допустить повторения аварий прошлых лет, подчеркнул Президент. Все работы должны быть "
    "завершены до конца года, добавил он. Напомним, в прошлом году в Экибастузе произошла "
    "авария на ТЭЦ."
)


def test_a_short_repost_with_its_own_attribution_and_closing_line_is_a_duplicate() -> None:
    """Another site's copy of a short item names itself as the source and rewords the closing
    line: about 78 % of its shingles are the original's, compared exactly (no estimate error),
    and a capital after a full stop («Ранее») is no name that could clash."""
    repost = SHORT_NEWS.replace("сообщает пресс-служба Акорды", "передает корреспондент КазТАГ")
    repost = repost.replace("Напомним, в прошлом году", "Ранее сообщалось, что в прошлом году")
    other = SHORT_NEWS.replace("энергетики", "сельского хозяйства").replace(
        "ускорить модернизацию ТЭЦ в Экибастузе, Петропавловске и Кокшетау и подготовить "
        "города к отопительному сезону",
        "увеличить поддержку фермеров в Костанайской и Акмолинской областях и подготовиться к "
        "посевной кампании",
    )
    records = [record("a", SHORT_NEWS), record("b", repost), record("c", other)]
    kept = dedup_records(records)
    assert [r["id"] for r in kept] == ["a", "c"]
    hasher = MinHasher()
    assert not slots_conflict(hasher.sketch(SHORT_NEWS).slots, hasher.sketch(repost).slots)


def test_band_group_by_pairs_members_with_the_first_and_the_previous_doc() -> None:
    keys = np.array([7, 3, 7, 9, 3, 7, 7], dtype=np.uint64)
    docs = np.array([10, 11, 12, 13, 14, 15, 16])
    firsts, others = bucket_pairs(keys, docs)
    assert sorted(zip(firsts.tolist(), others.tolist(), strict=True)) == [
        (10, 12),
        (10, 15),
        (10, 16),
        (11, 14),
        (12, 15),
        (15, 16),
    ]


@pytest.mark.parametrize("threshold", [0.5, 0.7, 0.9])
def test_band_layout_uses_every_permutation_and_sits_below_the_threshold(threshold) -> None:
    bands, rows = band_layout(128, threshold)
    assert bands * rows == 128
    assert (1 / bands) ** (1 / rows) < threshold
