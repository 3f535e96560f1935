"""The per-site line index: counted in one process or in shards and merged, the same counts."""

from __future__ import annotations

from array import array

from corpus_tools.clean.site import LineCounts, SiteLineIndex

MENU = "Главная\nНовости\nПолитика\nЭкономика\nПодписывайтесь на наш канал\n"


TOPICS = "погоде выборах футболе ценах театре школах дорогах реках музеях налогах ярмарке почте"


def _records() -> list[dict]:
    records = []
    for number, topic in enumerate(TOPICS.split()):
        site = "alpha.kz" if number % 3 else "beta.kz"
        body = f"Статья о {topic} в Астане.\nВторой абзац статьи о {topic}.\n"
        records.append({"id": str(number), "text": MENU + body, "meta": {"site": site}})
    return records


def _tables(index: SiteLineIndex) -> list[array]:
    return [array("I", table) for table in index.table]


def test_merged_shard_counts_equal_one_pass() -> None:
    records = _records()
    whole = SiteLineIndex(width_bits=12)
    for record in records:
        whole.add(record)
    merged = SiteLineIndex(width_bits=12)
    for shard in (records[:5], records[5:9], records[9:]):
        merged.merge(LineCounts().add_all(shard))
    assert merged.documents == whole.documents == {"alpha.kz": 8, "beta.kz": 4}
    assert _tables(merged) == _tables(whole)
    assert merged.count("alpha.kz", "Подписывайтесь на наш канал") == 8
    assert merged.count("beta.kz", "Политика") == 4
    assert merged.count("alpha.kz", "Статья о выборах в Астане.") <= 1


def test_counts_saturate_instead_of_wrapping() -> None:
    index = SiteLineIndex(width_bits=8)
    counts = LineCounts()
    counts.add({"id": "a", "text": "Повторяющаяся строка\n", "meta": {"site": "s"}})
    counts.lines = {value: 0xFFFFFFF0 for value in counts.lines}
    index.merge(counts)
    index.merge(counts)
    assert index.count("s", "Повторяющаяся строка") == 0xFFFFFFFF
