"""``ct index build`` and ``ct search --index`` through the real CLI."""

from __future__ import annotations

import json

import pytest

from .conftest import run_ct, shell

DOCS = [
    {
        "id": "one-mention",
        "lang": "ru",
        "meta": {"site": "zakon.kz", "date": "2024-03-17"},
        "text": "Парламент обсудил бюджет. Депутаты задали вопросы о выборах.",
    },
    {
        "id": "many-mentions",
        "lang": "ru",
        "meta": {"site": "tengrinews.kz", "date": "2024-05-02"},
        "text": "Выборы в маслихаты. Явка на выборах выросла, выборы прошли спокойно.",
    },
    {
        "id": "by-url",
        "url": "https://www.Zakon.kz/news/42",
        "text": "Депутаты маслихата обсудили тарифы на тепло в понедельник.",
    },
    {
        "id": "kazakh",
        "lang": "kk",
        "meta": {"site": "kaz.inform.kz", "date": "2023-11-20"},
        "text": "Мемлекет басшысы Қасым-Жомарт Тоқаев Астанада сайлау туралы сөз сөйледі.",
    },
    # Unrelated news, so that the words above are rare enough for BM25 to weigh them.
    *(
        {"id": f"weather-{n}", "text": f"Синоптики обещают снег и ветер, день {n}."}
        for n in range(5)
    ),
]


@pytest.fixture(scope="module")
def index(tmp_path_factory):
    folder = tmp_path_factory.mktemp("index")
    corpus = folder / "news.jsonl"
    corpus.write_text("".join(json.dumps(d, ensure_ascii=False) + "\n" for d in DOCS), "utf-8")
    path = folder / "news.db"
    result = run_ct("index", "build", str(corpus), "-o", str(path))
    assert result.returncode == 0, result.stderr
    assert "indexed 9 documents" in result.stderr
    assert sorted(p.name for p in folder.iterdir()) == ["news.db", "news.jsonl"]  # no temp left
    return path


def query(index, *args: str):
    return run_ct("search", "--index", str(index), *args)


def test_results_are_ranked_by_bm25_with_snippets(index):
    rows = [json.loads(line) for line in query(index, "--json", "выборы").stdout.splitlines()]
    assert [r["id"] for r in rows] == ["many-mentions"]
    rows = [json.loads(line) for line in query(index, "--json", "выбор*").stdout.splitlines()]
    assert [r["id"] for r in rows] == ["many-mentions", "one-mention"]
    assert rows[0]["score"] > rows[1]["score"]
    assert "выбор" in rows[0]["snippet"].lower()
    assert rows[0]["meta"]["site"] == "tengrinews.kz"


def test_piped_plain_output_and_limit(index):
    result = query(index, "--limit", "1", "выбор*")
    lines = result.stdout.splitlines()
    assert len(lines) == 1 and lines[0].startswith("many-mentions:")


def test_forms_turn_words_into_stem_prefixes(index):
    assert query(index, "-l", "--forms", "выборах").stdout.split() == [
        "many-mentions",
        "one-mention",
    ]


def test_kazakh_letters_are_folded_both_ways(index):
    for spelling in ("Тоқаев", "Токаев"):
        result = query(index, "--json", spelling)
        rows = [json.loads(line) for line in result.stdout.splitlines()]
        assert [r["id"] for r in rows] == ["kazakh"]
        assert "Тоқаев" in rows[0]["snippet"]  # the document's own letters, not the folded copy


def test_filters_and_exit_codes(index):
    assert query(index, "-l", "--lang", "ru", "--since", "2024-04", "выбор*").stdout.split() == [
        "many-mentions"
    ]
    # The site of a record as every stage takes it: meta.site, or the host of its url.
    found = query(index, "-l", "--site", "www.zakon.kz", "депутаты").stdout.split()
    assert sorted(found) == ["by-url", "one-mention"]
    assert query(index, "-l", "--site", "zakon.kz", "выбор*").stdout.split() == ["one-mention"]
    assert query(index, "-l", "--site", "inform.kz", "Тоқаев").stdout.split() == ["kazakh"]
    assert query(index, "Караганда").returncode == 1
    missing = run_ct("search", "--index", "nowhere.db", "выборы")
    assert missing.returncode == 2 and "no such index" in missing.stderr
    assert query(index, "-e", "выб.р").returncode == 2


def test_build_from_a_pipe_and_refuse_to_overwrite_input(tmp_path):
    path = tmp_path / "seeds.db"
    built = shell(f"ct clean corpus/ | ct index build -o {path}")
    assert built.returncode == 0, built.stderr
    hits = run_ct("search", "--index", str(path), "-l", "Алматы").stdout.split()
    assert "corpus/000_4d8d44e5dd78fc4a.txt" in hits
    source = tmp_path / "in.jsonl"
    source.write_text(json.dumps(DOCS[0], ensure_ascii=False) + "\n", "utf-8")
    refused = run_ct("index", "build", str(source), "-o", str(source))
    assert refused.returncode == 2 and "refusing" in refused.stderr
    assert source.read_text("utf-8").startswith("{")


def through_typer(*args: str) -> tuple[int, str]:
    """``ct search ARGS`` answered by the Typer command (the entry point answers index queries
    it can parse without Typer)."""
    from typer.testing import CliRunner

    from corpus_tools.cli.app import app, load_commands

    load_commands(["search"])
    result = CliRunner().invoke(app, ["search", *args])
    return result.exit_code, result.stdout


@pytest.mark.parametrize(
    "args",
    [
        ["--json", "выбор*"],
        ["--limit=1", "выбор*"],
        ["-l", "--forms", "выборах"],
        ["депутаты", "--site", "www.zakon.kz", "-l"],
        ["--lang=ru", "--since", "2024-04", "-q", "--files-with-matches", "выбор*"],
        ["--until", "2024-01", "--json", "Токаев"],
        ["Тоқаев"],
        ["Караганда"],
    ],
)
def test_the_entry_point_answers_index_queries_as_the_typer_command_does(index, args):
    from corpus_tools.cli.indexed import parse_index_query

    assert parse_index_query(["--index", str(index), *args]) is not None
    fast = query(index, *args)
    assert (fast.returncode, fast.stdout) == through_typer("--index", str(index), *args)
    assert fast.returncode in (0, 1) and fast.stderr == ""


@pytest.mark.parametrize(
    ("args", "exit_code"),
    [
        (["--help"], 0),
        (["-e", "выб.р"], 2),
        (["--limit", "0", "выборы"], 2),
        (["--limit", "ten", "выборы"], 2),
        (["--json", "-l", "выборы"], 2),
        (["выборы", "corpus/"], 2),
        (["--limit"], 2),
        (["-lq", "выборы"], 0),
        (["-l", "--", "-выборы"], 0),
    ],
)
def test_command_lines_the_fast_parser_leaves_to_typer(index, args, exit_code):
    from corpus_tools.cli.indexed import parse_index_query

    assert parse_index_query(["--index", str(index), *args]) is None
    result = query(index, *args)
    assert result.returncode == exit_code
    if args == ["--help"]:
        assert "--index" in result.stdout
    elif exit_code == 2:
        assert result.stdout == "" and len(result.stderr.strip().splitlines()) >= 1
    else:
        assert result.stdout == "many-mentions\n"


def test_a_reader_that_goes_away_ends_an_index_query_quietly(tmp_path):
    """More hits than a pipe holds: the query is still printing when head exits."""
    corpus = tmp_path / "many.jsonl"
    line = "Выборы в маслихат прошли спокойно, явка на выборах составила {n} процентов."
    corpus.write_text(
        "".join(json.dumps({"id": f"d{n}", "text": line.format(n=n)}) + "\n" for n in range(3000)),
        "utf-8",
    )
    index = tmp_path / "many.db"
    run_ct("index", "build", str(corpus), "-o", str(index), check=True)
    piped = shell(f"ct search --index {index} --limit 3000 выборы | head -n 1")
    assert piped.returncode == 0 and piped.stderr == ""
    assert piped.stdout.startswith("d")
