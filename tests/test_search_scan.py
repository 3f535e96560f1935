"""The JSONL fast path of ``ct search`` (raw-bytes pre-filter, byte ranges, ``--jobs``) must find
exactly what parsing every record finds, in the same order, whatever the JSON writer did."""

from __future__ import annotations

import gzip
import json
import random
from pathlib import Path

import pytest

from corpus_tools.io import read_records
from corpus_tools.search import Searcher, build_matcher
from corpus_tools.search import scan as scan_module
from corpus_tools.search.names import gazetteer_aliases
from corpus_tools.search.raw import case_fold_table, case_variants, folds_alike, raw_gate

from .conftest import run_ct, shell

TEXTS = [
    "Президент Тоқаев подписал закон.\nПРЕЗИДЕНТ выступил в Астане.",
    'Цитата: "президент сказал" \\ путь C:\\temp / дробь 1/2.',
    "The Government of Kazakhstan.\r\nGOVERNMENT bonds; the government's plan.",
    "Мемлекет басшысы Қасым-Жомарт Тоқаев Астанада сөз сөйледі. ТОҚАЕВ.",
    "Ёлка и ёж. ЁЛКА.\tТабуляция.\u2028Разделитель строк.",
    "AT&T <b>bold</b> it's x=1 — эмодзи 😀 в тексте.",
    "Нет совпадений здесь.",
    "Выборы прошли, выборов было много; Казахтан и Казакстан.",
    "Nur-Sultan was renamed Astana; НУР-СУЛТАН, Ақмола, K. Tokayev's visit.",
    "Turkish: ılık su, ILIK hava; Straße, STRASSE.",
]

QUERIES = [
    ("Тоқаев", {}),
    ("тоқаев", {}),  # smart case: Kazakh letters in either case
    ("президент", {}),
    ("Президент", {}),
    ("government", {}),
    ("GOVERNMENT", {"ignore_case": True}),
    ("ёлка", {}),
    ("AT&T", {}),  # '&' is \u0026 in Go's and Gson's output
    ("<b>", {}),
    ("😀", {}),
    ("x=1", {}),
    ("сказал", {}),
    (r"[Пп]резидент\w*", {"regex": True}),
    ("выборы", {"forms": True}),
    ("Казахстан", {"fuzzy": 1}),
    ("ılık", {}),  # ı/I differ in length: a regex of the variants
    ("straße", {}),
    ("Токаев", {"name": True}),
    ("Астана", {"name": True, "aliases": tuple(gazetteer_aliases("Астана"))}),
]


def write_jsonl(path: Path, records: list[dict], seed: int = 1) -> None:
    """Records as different writers would put them: escaped or raw non-ASCII, upper-case hex,
    Go/Gson HTML escapes, CRLF line ends, blank lines."""
    rng = random.Random(seed)
    lines = []
    for record in records:
        style = rng.choice(["raw", "ascii", "upper-hex", "html", "crlf"])
        line = json.dumps(record, ensure_ascii=style in ("ascii", "upper-hex"))
        if style == "upper-hex":
            line = _upper_hex(line)
        if style == "html":
            for ch in "<>&=":
                line = line.replace(ch, f"\\u{ord(ch):04x}")
        lines.append(line + ("\r\n" if style == "crlf" else "\n"))
        if rng.random() < 0.05:
            lines.append("\n")
    path.write_text("".join(lines), "utf-8", newline="")


def _upper_hex(line: str) -> str:
    """``\\u00e9`` as Java writers put it: ``\\u00E9``."""
    out, i = [], 0
    while i < len(line):
        step = 6 if line.startswith("\\u", i) else 2 if line[i] == "\\" else 1
        out.append("\\u" + line[i + 2 : i + 6].upper() if step == 6 else line[i : i + step])
        i += step
    return "".join(out)


def make_records(count: int, seed: int = 1) -> list[dict]:
    rng = random.Random(seed)
    records = []
    for n in range(count):
        record: dict = {"text": "\n".join(rng.sample(TEXTS, rng.randint(1, 3)))}
        if n % 5:  # every fifth record has no id: its line number becomes the id
            record = {"id": f"doc-{n}", **record}
        record["meta"] = {"date": f"2024-0{1 + n % 9}-01", "note": rng.choice(TEXTS)[:20]}
        records.append(record)
    return records


def matches(found) -> list[tuple[str, list[tuple[int, int]]]]:
    return [(doc.doc_id, doc.spans) for doc in found]


@pytest.fixture(scope="module")
def mixed(tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("scan") / "mixed.jsonl"
    write_jsonl(path, make_records(400))
    return path


@pytest.mark.parametrize(("query", "options"), QUERIES, ids=[q for q, _ in QUERIES])
def test_fast_path_finds_what_parsing_every_record_finds(mixed, monkeypatch, query, options):
    monkeypatch.setattr(scan_module, "RANGE_BYTES", 3000)  # many ranges, lines across their ends
    monkeypatch.setattr("corpus_tools.search.raw.FOLD_BYTES", 700)
    matcher = build_matcher(query, **options)
    expected = matches(Searcher(matcher).search_records(read_records([str(mixed)])))
    assert expected  # the corpus has matches for every query
    assert matches(Searcher(matcher).search([str(mixed)])) == expected
    monkeypatch.setattr(scan_module, "POOL_MIN_BYTES", 0)  # the pool, even for this small file
    assert matches(Searcher(matcher).search([str(mixed)], jobs=2)) == expected


def test_escaped_record_far_into_a_file_is_found(tmp_path):
    """A \\uXXXX-escaped match after megabytes of unescaped text (the old sniff of the first
    MiB of each window missed it)."""
    path = tmp_path / "late.jsonl"
    filler = json.dumps({"id": "filler", "text": "Погода. " * 200}, ensure_ascii=False) + "\n"
    late = json.dumps({"id": "late", "text": "Сказал президент."}, ensure_ascii=True) + "\n"
    path.write_text(filler * 2000 + late, "utf-8")
    found = Searcher(build_matcher("президент")).search([str(path)])
    assert [doc.doc_id for doc in found] == ["late"]


def test_gzip_text_files_and_folders_give_the_same_matches(mixed, tmp_path):
    records = list(read_records([str(mixed)]))
    folder = tmp_path / "corpus"
    folder.mkdir()
    with gzip.open(folder / "a.jsonl.gz", "wt", encoding="utf-8") as handle:
        handle.writelines(json.dumps(r, ensure_ascii=False) + "\n" for r in records[:200])
    write_jsonl(folder / "b.jsonl", records[200:])
    (folder / "c.txt").write_text(TEXTS[0], "utf-8")
    matcher = build_matcher("президент")
    found = Searcher(matcher).search([str(folder)], jobs=2)
    every = Searcher(matcher).search_records(read_records([str(folder)]))
    assert [d.doc_id for d in found] == [d.doc_id for d in every]


def test_case_fold_table_makes_case_variants_equal():
    for word in ["Тоқаев", "ЁЛКА", "government", "Ұлттық ұлан", "Σίσυφος"]:
        fold = case_fold_table([word])
        assert fold is not None and fold[ord("\n")] == ord("\n")
        for ch in word:
            forms = {v.encode("utf-8").translate(fold) for v in case_variants(ch)}
            assert len(forms) == 1, ch
    assert case_fold_table(["ı"]) is None  # its upper case is one byte shorter: a regex instead


def test_each_literal_gets_the_fastest_scan_that_cannot_miss_it():
    def gate(query, **options):
        return raw_gate(build_matcher(query, **options))

    assert gate("Тоқаев").needles == ["Тоқаев".encode()]  # has a capital: case-sensitive
    assert gate("тоқаев").uncased == ["тоқаев".encode()]  # case folding equates қ and Қ
    assert gate("government", ignore_case=True).uncased
    # The Kazakh forms of letters (к: қ) are no case variants: translated windows instead.
    assert gate("Токаев", name=True).folded and not gate("Токаев", name=True).uncased
    assert gate("ılık").pattern is not None
    assert folds_alike("қ", {"қ", "Қ"}) and folds_alike("ё", case_variants("ё"))
    assert not folds_alike("к", {"к", "К", "қ", "Қ"}) and not folds_alike("ı", {"ı", "I"})


def test_literals_with_json_escapes_parse_every_line():
    assert raw_gate(build_matcher('"президент')) is None
    assert raw_gate(build_matcher("a/b")) is None
    assert raw_gate(build_matcher("Тоқаев")).escapes
    assert not raw_gate(build_matcher("government")).escapes


# ----------------------------------------------------------------- --jobs through the real CLI


@pytest.fixture(scope="module")
def big(tmp_path_factory) -> Path:
    """Large enough for ct to search with a pool: files over POOL_MIN_BYTES in all, one of them
    split into ranges, small files batched together, and a malformed line near the end."""
    folder = tmp_path_factory.mktemp("big")
    records = make_records(2000, seed=2)
    for n in range(3):
        write_jsonl(folder / f"small-{n}.jsonl", records[:50], seed=n)
    part = folder / "part.jsonl"
    write_jsonl(part, records, seed=9)
    block = part.read_text("utf-8")
    with part.open("a", encoding="utf-8", newline="") as handle:
        while part.stat().st_size < scan_module.POOL_MIN_BYTES + (4 << 20):
            handle.write(block)
        handle.write('{"id": "broken", "text": "президент\n')
        handle.write(block)
    (folder / "z.txt").write_text(TEXTS[0], "utf-8")
    return folder


@pytest.mark.parametrize(
    "args",
    [["-l", "президент"], ["-c", "government"], ["--json", "ТОҚАЕВ", "-i"], ["-N", "ёлка"]],
)
def test_jobs_2_prints_what_jobs_1_prints(big, args):
    one = run_ct("search", *args, str(big), "-j", "1")
    two = run_ct("search", *args, str(big), "-j", "2")
    assert one.returncode == two.returncode
    assert one.stdout and one.stdout == two.stdout
    assert one.stderr == two.stderr
    if "президент" in args:  # the broken line holds it, so it was parsed and reported
        assert one.returncode == 2 and "part.jsonl" in one.stderr


def test_jobs_2_stops_at_the_first_bad_record_like_jobs_1(big):
    one = run_ct("search", "-l", "президент", str(big), "-j", "1", "--on-error", "stop")
    two = run_ct("search", "-l", "президент", str(big), "-j", "2", "--on-error", "stop")
    assert one.returncode == two.returncode == 2
    assert one.stdout == two.stdout and one.stderr == two.stderr


def test_jobs_no_match_exits_1_and_head_closes_quietly(big):
    assert run_ct("search", "Караганда", str(big), "-j", "2").returncode == 1
    head = shell(f"ct search -e . {big} -j 2 | head -n 3")
    assert head.returncode == 0 and head.stderr == ""
    assert len(head.stdout.splitlines()) == 3


def test_styled_rows_print_the_same_text_as_plain_formatting(mixed):
    """Terminal output (rows, styled by rich) and piped output (text) share one formatter."""
    import io

    from corpus_tools.search.output import Printer

    docs = list(Searcher(build_matcher("президент")).search([str(mixed)]))
    for mode, heading in [("lines", True), ("lines", False), ("kwic", False), ("json", False)]:
        printer = Printer(mode, before=1, after=1, heading=heading, width=20)
        plain, styled = io.StringIO(), io.StringIO()
        printer.write(map(printer.text, docs), plain)
        printer.colour = True  # rich writes no colour codes to a StringIO: the text is comparable
        printer.write(map(printer.rows, docs), styled)
        assert plain.getvalue().expandtabs() == styled.getvalue()  # rich expands tabs
