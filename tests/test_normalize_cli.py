"""``ct normalize`` through real pipes, on the sample corpus and on JSONL from stdin."""

from __future__ import annotations

import json

from .conftest import run_ct, shell


def _records(stdout: str) -> list[dict]:
    return [json.loads(line) for line in stdout.splitlines()]


def test_pipeline_from_clean_keeps_the_posted_date_and_resolves_today() -> None:
    result = shell("ct clean corpus/004_91a37f6fad3a031d.txt | ct normalize")
    assert result.returncode == 0, result.stderr
    (record,) = _records(result.stdout)
    meta = record["meta"]
    assert meta["date"].startswith("2024-12-11T18:00")
    today = [d for d in meta["dates"] if d["text"].lower() == "today"]
    assert today and all(d["value"] == "2024-12-11" for d in today)
    canon = {n["canonical"] for n in meta["names"]}
    assert {"Тимур Жаксылыков", "Александр Лукашенко", "Минск"} <= canon
    for item in meta["dates"] + meta["names"]:
        assert record["text"][item["start"] : item["end"]] == item["text"]


def test_pipeline_keeps_a_kazakh_header_date_clean_took_out_of_the_text(tmp_path) -> None:
    page = tmp_path / "kk.txt"
    page.write_text(
        "Экспорт көлемі 12 пайызға өсті\n23 қараша 2024, 10:15\n"
        "Өткен тоғыз айда Қазақстанның сыртқы сауда айналымы 105 миллиард долларға жетті, ал "
        "экспорт көлемі өткен жылдың сәйкес кезеңімен салыстырғанда 12 пайызға артты.\n",
        encoding="utf-8",
    )
    result = shell(f"ct clean {page} | ct normalize")
    assert result.returncode == 0, result.stderr
    (record,) = _records(result.stdout)
    assert "10:15" not in record["text"]
    assert record["meta"]["published"] == "23 қараша 2024, 10:15"
    assert record["meta"]["date"] == "2024-11-23T10:15"


def test_raw_page_header_date_is_not_the_publication_date() -> None:
    result = run_ct("normalize", "corpus/003_c4f6ab5a5c404f30.txt", check=True)
    (record,) = _records(result.stdout)
    assert "date" not in record["meta"]
    header = record["meta"]["dates"][0]
    assert (header["text"], header["value"]) == ("суббота, 23 ноября 2024", "2024-11-23")


def test_jsonl_stdin_with_meta_date_resolves_year_less_and_relative_dates() -> None:
    doc = {
        "id": "kk-1",
        "text": "Мемлекет басшысы 5 қаңтарда Алматыдағы жағдайға байланысты кеше үндеу жасады.",
        "meta": {"date": "2022-01-06"},
        "url": "https://example.kz/1",
    }
    result = run_ct("normalize", "-", input=json.dumps(doc, ensure_ascii=False) + "\n", check=True)
    (record,) = _records(result.stdout)
    assert record["url"] == doc["url"]
    dates = [(d["value"], d.get("flags", [])) for d in record["meta"]["dates"]]
    assert dates == [("2022-01-05", ["year_inferred"]), ("2022-01-05", [])]
    assert [n["canonical"] for n in record["meta"]["names"]] == ["Алматы"]


def test_inline_rewrites_dates_and_names() -> None:
    doc = {"id": "1", "text": "Кабыша Омарова наградили 22 июня 1941 года в Алма-Ате."}
    result = run_ct("normalize", "--inline", input=json.dumps(doc, ensure_ascii=False))
    (record,) = _records(result.stdout)
    assert record["text"] == "Кабыш Омаров наградили 1941-06-22 в Алматы."


def test_inline_leaves_place_adjectives_and_year_less_dates_as_written() -> None:
    """«Алматинские власти» are not «Алматы власти», and '--12-01' reads worse than the words;
    both stay, while the rest of the sentence is rewritten."""
    doc = {"id": "1", "text": "Алматинские власти 1 декабря открыли школу, сообщили в Алма-Ате."}
    result = run_ct("normalize", "--inline", input=json.dumps(doc, ensure_ascii=False))
    (record,) = _records(result.stdout)
    assert record["text"] == "Алматинские власти 1 декабря открыли школу, сообщили в Алматы."


def test_inline_rewrites_relative_phrases_against_the_document_date_but_not_weeks() -> None:
    doc = {
        "id": "1",
        "text": "В прошлом году, три дня назад и на этой неделе.",
        "meta": {"date": "2024-11-23"},
    }
    result = run_ct(
        "normalize", "--inline", "--no-names", input=json.dumps(doc, ensure_ascii=False)
    )
    (record,) = _records(result.stdout)
    assert record["text"] == "В 2023, 2024-11-20 и на этой неделе."


def test_bad_names_file_is_one_line_error(tmp_path) -> None:
    bad = tmp_path / "names.json"
    bad.write_text("{not json", encoding="utf-8")
    result = run_ct("normalize", "--names", str(bad), input='{"text": "x"}\n')
    assert result.returncode == 2
    assert result.stderr.startswith("ct: error:") and "Traceback" not in result.stderr


def test_jobs_give_the_same_output_as_one_process() -> None:
    sentences = [
        "Кабыш Омаров встретил войну 22 июня 1941 года в Западной Белоруссии.",
        "Тоқаев 2022 жылғы 5 қаңтарда Алматыда сөз сөйледі.",
        "On January 4, 2022 President K. Tokayev spoke in Almaty.",
    ]
    payload = "".join(
        json.dumps({"id": str(i), "text": sentences[i % 3]}, ensure_ascii=False) + "\n"
        for i in range(150)  # more than one chunk, so the pool really starts
    )
    one = run_ct("normalize", "--jobs", "1", "-", input=payload)
    two = run_ct("normalize", "--jobs", "2", "-", input=payload)
    assert one.returncode == two.returncode == 0
    assert one.stdout == two.stdout
    assert len(one.stdout.splitlines()) == 150
