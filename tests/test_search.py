"""``ct search`` through the real CLI and pipes, plus the matchers it is built on."""

from __future__ import annotations

import json
import random
import re

import pytest

from corpus_tools.search import MetaFilter, Searcher, build_matcher
from corpus_tools.search import scan as scan_module
from corpus_tools.search.forms import kazakh_stems, russian_stem
from corpus_tools.search.matchers import required_literals

from .conftest import run_ct, shell

DOCS = [
    {
        "id": "ru-1",
        "lang": "ru",
        "url": "https://www.zakon.kz/politika/1.html",
        "meta": {"date": "2024-03-17T09:00:00"},
        "text": "Итоги выборов подведены.\nЦИК рассказал о выборах в Астане.\n"
        "Выборочно проверили участки.\nПрезидент Токаеву доложили о явке.",
    },
    {
        "id": "kk-1",
        "lang": "kk",
        "meta": {"site": "kaz.inform.kz", "date": "2024-06-01"},
        "text": "Мемлекет басшысы Қасым-Жомарт Тоқаев Астанада сөз сөйледі.\n"
        "Тоқаевқа сұрақ қойылды.",
    },
    {
        "id": "en-1",
        "lang": "en",
        "meta": {"site": "astanatimes.com", "date": "2023-12-30"},
        "text": "President K. Tokayev met voters in Almaty.\nThe elections in ALMATY were calm.",
    },
    {
        "id": "ru-2",
        "lang": "ru",
        "meta": {"date": "2022-01-05"},
        "text": "В Алматы перекрыли улицы.\nГенерал Токарев не комментировал.\nКазахтан и мир.",
    },
]


@pytest.fixture
def corpus(tmp_path):
    path = tmp_path / "news.jsonl"
    path.write_text("".join(json.dumps(d, ensure_ascii=False) + "\n" for d in DOCS), "utf-8")
    return path


def ids(stdout: str) -> list[str]:
    return stdout.split()


def test_literal_search_prints_id_line_text_and_exits_0(corpus):
    result = run_ct("search", "Астан", str(corpus))
    assert result.returncode == 0, result.stderr
    assert result.stdout == "ru-1:2:ЦИК рассказал о выборах в Астане.\nkk-1:1:" + (
        DOCS[1]["text"].split("\n")[0] + "\n"
    )


def test_no_match_exits_1_and_bad_regex_exits_2(corpus):
    assert run_ct("search", "Караганда", str(corpus)).returncode == 1
    bad = run_ct("search", "-e", "(unclosed", str(corpus))
    assert bad.returncode == 2
    assert "invalid regex" in bad.stderr and "Traceback" not in bad.stderr


def test_smart_case_and_overrides(corpus):
    assert ids(run_ct("search", "-l", "алматы", str(corpus)).stdout) == ["ru-2"]
    assert run_ct("search", "-c", "almaty", str(corpus)).stdout == "en-1:2\n"
    # An upper-case letter makes the search case-sensitive: "ALMATY" is not "Almaty".
    exact = run_ct("search", "-N", "Almaty", str(corpus)).stdout
    assert exact == "en-1:President K. Tokayev met voters in Almaty.\n"
    assert run_ct("search", "-c", "-i", "Almaty", str(corpus)).stdout == "en-1:2\n"
    assert run_ct("search", "-s", "almaty", str(corpus)).returncode == 1


def test_regex_count_and_ids(corpus):
    result = run_ct("search", "-e", r"выбор\w*", "-c", str(corpus))
    assert result.stdout == "ru-1:3\n"
    assert ids(run_ct("search", "-l", "-e", r"\bТо[қк]аев", str(corpus)).stdout) == [
        "ru-1",
        "kk-1",
    ]


def test_json_gives_one_object_per_match_with_offsets_in_the_line(corpus):
    result = run_ct("search", "--json", "-e", r"Тоқаев\w*", str(corpus))
    rows = [json.loads(line) for line in result.stdout.splitlines()]
    assert [(r["id"], r["line"]) for r in rows] == [("kk-1", 1), ("kk-1", 2)]
    for row in rows:
        assert row["text"][row["start"] : row["end"]] == row["match"]
    assert rows[1]["match"] == "Тоқаевқа"


def test_context_lines_and_group_separator(corpus):
    result = run_ct("search", "-C", "1", "Токарев", str(corpus))
    assert result.stdout.splitlines() == [
        "ru-2-1-В Алматы перекрыли улицы.",
        "ru-2:2:Генерал Токарев не комментировал.",
        "ru-2-3-Казахтан и мир.",
    ]
    two_groups = run_ct("search", "-A", "1", "-e", "Итоги|Президент", str(corpus)).stdout
    assert two_groups.splitlines()[2] == "--"


def test_heading_groups_lines_under_each_document_id(corpus):
    result = run_ct("search", "--heading", "-i", "алматы|almaty", "-e", str(corpus))
    assert result.stdout.splitlines() == [
        "en-1",
        "1:President K. Tokayev met voters in Almaty.",
        "2:The elections in ALMATY were calm.",
        "",
        "ru-2",
        "1:В Алматы перекрыли улицы.",
    ]


def test_an_empty_folder_is_a_warning_and_no_match(tmp_path):
    result = run_ct("search", "word", str(tmp_path))
    assert result.returncode == 1
    assert result.stderr.startswith(f"ct: warning: {tmp_path}: no corpus files in this folder")


def test_forms_on_plain_text_files_go_through_the_reader(tmp_path):
    page = tmp_path / "page.txt"
    page.write_text("Сайлау нәтижелері Астанада жарияланды.\nАстанаға қонақтар келді.\n", "utf-8")
    result = run_ct("search", "--forms", "-c", "Астана", str(page))
    assert result.stdout == f"{page}:2\n"


def test_forms_finds_inflections_of_russian_and_kazakh_words(corpus):
    result = run_ct("search", "--forms", "--json", "выборы", str(corpus))
    matches = [json.loads(line)["match"] for line in result.stdout.splitlines()]
    assert matches == ["выборов", "выборах"]  # not «Выборочно»
    astana = run_ct("search", "--forms", "--json", "Астана", str(corpus))
    assert [json.loads(line)["match"] for line in astana.stdout.splitlines()] == [
        "Астане",
        "Астанада",
    ]


def test_forms_follow_kazakh_voicing_of_a_final_consonant(tmp_path):
    page = tmp_path / "kk.txt"
    page.write_text(
        "Мектебіміз жаңа, мектепке барамыз.\nКітабы қызық.\nЖүрегі ауырды.\nМектеп ашылды.\n",
        "utf-8",
    )

    def found(word: str) -> list[str]:
        result = run_ct("search", "--forms", "--json", word, str(page))
        return [json.loads(line)["match"] for line in result.stdout.splitlines()]

    assert found("мектеп") == ["Мектебіміз", "мектепке", "Мектеп"]
    assert found("кітап") == ["Кітабы"]
    assert found("жүрек") == ["Жүрегі"]
    index = tmp_path / "kk.db"
    assert run_ct("index", "build", str(page), "-o", str(index)).returncode == 0
    result = run_ct("search", "--index", str(index), "--forms", "--json", "кітап")
    assert [json.loads(line)["id"] for line in result.stdout.splitlines()] == [str(page)]


def test_forms_finds_english_inflections_not_derivations(tmp_path):
    page = tmp_path / "en.txt"
    page.write_text(
        "The elections in two cities were calm.\nThe city's mayor was elected again.\n"
        "Officials stopped using the old rules; the election stops nothing.\n",
        "utf-8",
    )

    def found(word: str) -> list[str]:
        result = run_ct("search", "--forms", "--json", word, str(page))
        return [json.loads(line)["match"] for line in result.stdout.splitlines()]

    assert found("election") == ["elections", "election"]  # not «elected»
    assert found("city") == ["cities", "city"]  # the possessive: city's
    assert found("stop") == ["stopped", "stops"]
    assert found("use") == ["using"]


def test_name_finds_kazakh_latin_and_declined_variants(corpus):
    result = run_ct("search", "--name", "--json", "Токаев", str(corpus))
    matches = [json.loads(line)["match"] for line in result.stdout.splitlines()]
    # the gazetteer's full name is matched whole; never «Токарев»
    assert matches == ["Токаеву", "Қасым-Жомарт Тоқаев", "Тоқаевқа", "Tokayev"]
    latin = run_ct("search", "--name", "-l", "Tokayev", str(corpus))
    assert ids(latin.stdout) == ["ru-1", "kk-1", "en-1"]


def test_name_aliases_are_matched_like_the_name(corpus):
    result = run_ct("search", "--name", "--alias", "Мемлекет басшысы", "-c", "Токаев", str(corpus))
    assert "kk-1:2" in result.stdout.splitlines()
    matcher = build_matcher("Токаев", name=True, aliases=("Мемлекет басшысы",))
    spans = list(matcher.spans(DOCS[1]["text"]))
    assert DOCS[1]["text"][spans[0][0] : spans[0][1]] == "Мемлекет басшысы"


def test_fuzzy_tolerates_n_edits(corpus):
    assert run_ct("search", "--fuzzy", "0", "Казахстан", str(corpus)).returncode == 1
    result = run_ct("search", "--fuzzy", "1", "--json", "Казахстан", str(corpus))
    assert [json.loads(line)["match"] for line in result.stdout.splitlines()] == ["Казахтан"]


def test_fuzzy_prefilter_keeps_every_word_within_n_edits(tmp_path):
    words = ["Казахстан", "Казахтан", "Казахстна", "Кзахстан", "казахстанский", "Қазақстан"]
    records = [{"id": str(n), "text": f"Жители страны {w} пишут."} for n, w in enumerate(words)]
    path = tmp_path / "words.jsonl"
    path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records), "utf-8")
    for edits in (1, 2):
        matcher = build_matcher("Казахстан", fuzzy=edits)
        fast = [d.doc_id for d in Searcher(matcher).search([str(path)])]
        every = [d.doc_id for d in Searcher(matcher).search_records(records)]
        assert fast == every
    assert [
        d.doc_id for d in Searcher(build_matcher("Казахстан", fuzzy=1)).search([str(path)])
    ] == [
        "0",
        "1",
        "3",
    ]


def _fuzzy_word_by_word(query: str, edits: int, text: str) -> list[tuple[int, int]]:
    """The plain definition: runs of consecutive words, each within ``edits`` of its query
    word (Levenshtein, ignoring case)."""
    from rapidfuzz.distance import Levenshtein

    wanted = [w.lower() for w in re.findall(r"\w+", query)]
    words = list(re.finditer(r"\w+", text))
    spans = []
    for i in range(len(words) - len(wanted) + 1):
        run = words[i : i + len(wanted)]
        if all(
            Levenshtein.distance(w.group().lower(), q) <= edits
            for w, q in zip(run, wanted, strict=True)
        ):
            spans.append((run[0].start(), run[-1].end()))
    return spans


@pytest.mark.parametrize(
    ("query", "edits"), [("Казахстан", 1), ("казахстан", 2), ("Нур-Султан", 1), ("Astana", 1)]
)
def test_fuzzy_spans_are_every_run_of_close_words(query, edits):
    rng = random.Random(3)
    vocabulary = [
        "Казахстан",
        "КАЗАХСТАН",
        "Казахтан",
        "Қазақстан",
        "казахстанский",
        "Кзахстан",
        "Нур",
        "Султан",
        "НУР",
        "султан",
        "Нур-Султан",
        "Astana",
        "ASTANA",
        "Astna",
        "Astanaa",
        "в",
        "и",
        "столица",
        "İstanbul",
        "ΟΔΟΣ",
        "2024",
        "–",
        ",",
        ".",
        "«",
        "»",
    ]
    for _ in range(300):
        text = " ".join(rng.choice(vocabulary) for _ in range(rng.randint(1, 25)))
        spans = list(build_matcher(query, fuzzy=edits).spans(text))
        assert spans == _fuzzy_word_by_word(query, edits, text), text


def test_kwic_aligns_matches_in_one_column(corpus):
    result = run_ct("search", "--kwic", "--width", "20", "-i", "almaty", str(corpus))
    rows = result.stdout.splitlines()
    assert len(rows) == 2
    assert all(row[21:27].lower() == "almaty" for row in rows)
    assert rows[0].rstrip().endswith("en-1:1") and rows[1].rstrip().endswith("en-1:2")


def test_metadata_filters(corpus):
    def found(*args: str) -> list[str]:
        return ids(run_ct("search", "-l", "-i", *args, str(corpus)).stdout)

    assert found("--lang", "kk", "тоқаев") == ["kk-1"]
    assert found("--site", "zakon.kz", "е") == ["ru-1"]  # from the url, www. ignored
    assert found("--site", "inform.kz", "е") == ["kk-1"]  # subdomain of the site
    assert found("--since", "2024", "--until", "2024-03", "е") == ["ru-1"]
    bad = run_ct("search", "--since", "last week", "е", str(corpus))
    assert bad.returncode == 2 and "ISO date" in bad.stderr


def test_pipes_from_clean_and_into_head():
    result = shell("ct clean corpus/ | ct search -l Алматы")
    assert result.returncode == 0, result.stderr
    assert "corpus/000_4d8d44e5dd78fc4a.txt" in result.stdout.split()
    head = shell("ct search -e . corpus/ | head -n 1")
    assert head.returncode == 0 and head.stderr == ""
    assert len(head.stdout.splitlines()) == 1


def test_stdin_plain_text_and_jsonl():
    text = run_ct("search", "-N", "полк", input="Шествие «Бессмертный полк» прошло.\n")
    assert text.stdout == "<stdin>:Шествие «Бессмертный полк» прошло.\n"
    records = "".join(json.dumps(d, ensure_ascii=False) + "\n" for d in DOCS)
    assert ids(run_ct("search", "-l", "Алматы", input=records).stdout) == ["ru-2"]


def test_skipped_input_exits_2_but_still_prints_matches(corpus, tmp_path):
    broken = tmp_path / "broken.jsonl"
    broken.write_text('{"id": "x", "text": "Алматы"\n', "utf-8")
    result = run_ct("search", "-l", "Алматы", str(corpus), str(broken))
    assert result.returncode == 2
    assert ids(result.stdout) == ["ru-2"]
    assert "malformed JSON" in result.stderr


def test_byte_prefilter_sees_escaped_json_and_chunk_boundaries(tmp_path, monkeypatch):
    """The fast path must find exactly what parsing every record finds."""
    lines = []
    for n in range(300):
        doc = {"text": f"Документ {n}. " + ("В Алматы снег." if n % 7 == 0 else "Тихо.")}
        lines.append(json.dumps(doc, ensure_ascii=n % 2 == 0))
    path = tmp_path / "mixed.jsonl"
    path.write_text("\n".join(lines) + "\n", "utf-8")
    monkeypatch.setattr(scan_module, "RANGE_BYTES", 500)  # many range boundaries
    matcher = build_matcher("алматы")
    fast = [d.doc_id for d in Searcher(matcher).search([str(path)])]
    expected = [f"{path}:{n + 1}" for n in range(300) if n % 7 == 0]
    assert fast == expected


def test_meta_filter_is_usable_from_python():
    keep = MetaFilter(lang="en")
    assert [d["id"] for d in DOCS if keep.accepts(dict(d))] == ["en-1"]


@pytest.mark.parametrize(
    ("word", "stem"),
    [("выборы", "выбор"), ("выборов", "выбор"), ("выборах", "выбор"), ("президентом", "президент")],
)
def test_russian_stem(word, stem):
    assert russian_stem(word) == stem


def test_kazakh_stems_strip_stacked_endings():
    assert "астана" in kazakh_stems("астанада")
    assert "сайлау" in kazakh_stems("сайлаудың")
    assert "қала" in kazakh_stems("қаланың")


def test_required_literals_only_takes_what_every_match_contains():
    assert required_literals(r"Казахстан\w+", 0) == ["Казахстан"]
    assert required_literals(r"(Алматы|Астана)", 0) is None
    assert required_literals(r"\d{4} года", 0) == [" года"]
    assert re.search(r"\d{4} года", "в 2024 года")


def test_name_search_uses_the_normalize_gazetteer() -> None:
    text = "В Нур-Султане прошёл форум.\nAstana hosted the forum.\nВ Алматы тихо.\n"
    result = run_ct("search", "--name", "Астана", "-", input=text)
    assert result.returncode == 0, result.stderr
    assert [line.split(":")[1] for line in result.stdout.splitlines()] == ["1", "2"]


def test_an_english_alias_is_matched_as_written() -> None:
    """ "Xi" read as Cyrillic is «кси», whose Latin spellings are not "xi": the alias itself
    must be a spelling too."""
    text = "Переговоры с Си Цзиньпином прошли в Пекине.\nXi Jinping arrived in Astana.\nXi'an.\n"
    result = run_ct("search", "--name", "Си Цзиньпин", "-", input=text)
    assert result.returncode == 0, result.stderr
    assert [line.split(":")[1] for line in result.stdout.splitlines()] == ["1", "2"]


def test_every_alias_of_every_gazetteer_entity_is_found_from_its_canonical_name() -> None:
    from corpus_tools.normalize.names import load_gazetteer
    from corpus_tools.search.names import NameMatcher, gazetteer_aliases

    missed = []
    for entity in load_gazetteer():
        matcher = NameMatcher(entity.canonical, gazetteer_aliases(entity.canonical))
        missed += [alias for alias in entity.aliases if not any(matcher.spans(f"О {alias}."))]
    assert missed == []


def test_name_prefilter_takes_a_rare_word_of_each_variant() -> None:
    from corpus_tools.search.names import NameMatcher, name_literals

    literals, _letters = name_literals("К. Токаев", ["Нур-Султан"])
    assert "к" not in literals and "нур" not in literals  # one letter, or a common syllable
    assert {"токаев", "султан"} <= set(literals)
    matcher = NameMatcher("К. Токаев", ["Нур-Султан"])
    text = "Глава государства К. Токаеву доложили. В Нур-Султане прошла встреча. Нурлан ушёл."
    assert [text[a:b] for a, b in matcher.spans(text)] == ["К. Токаеву", "Нур-Султане"]
