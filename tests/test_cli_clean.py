"""`ct clean` through the real command line and real shell pipes."""

from __future__ import annotations

import json
import os
import pty
import subprocess
import sys
from pathlib import Path

from .conftest import CORPUS, ROOT, SEEDS, run_ct, shell

GOLDEN = Path(__file__).parent / "golden"


def jsonl(stdout: str) -> list[dict]:
    return [json.loads(line) for line in stdout.splitlines() if line.strip()]


def test_folder_to_jsonl_records_with_removals() -> None:
    result = run_ct("clean", "corpus/", check=True)
    records = jsonl(result.stdout)
    assert [r["id"] for r in records] == [f"corpus/{p.name}" for p in sorted(CORPUS.glob("*.txt"))]
    seed0 = records[0]
    rules = {removal["rule"] for removal in seed0["meta"]["removed"]}
    assert {"timestamp", "calendar_table"} <= rules
    first = seed0["meta"]["removed"][0]
    assert set(first) == {"rule", "start_line", "end_line"}
    assert result.stderr == ""


def test_pipe_into_head_exits_quietly() -> None:
    result = shell("ct clean corpus/ | head -n 1")
    assert result.returncode == 0
    assert result.stderr == ""
    assert json.loads(result.stdout)["id"].endswith("000_4d8d44e5dd78fc4a.txt")


def test_jsonl_through_a_pipe_keeps_unknown_fields() -> None:
    rows = [
        {
            "id": "a",
            "text": "Заголовок\n\n13:46\n12:22\n11:14",
            "url": "https://e.kz/a",
            "lang": "ru",
        },
        {"id": "b", "text": "Второй текст.", "meta": {"site": "e.kz"}},
    ]
    payload = "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows)
    result = run_ct("clean", "-", input=payload, check=True)
    out = jsonl(result.stdout)
    assert out[0]["url"] == "https://e.kz/a" and out[0]["lang"] == "ru"
    assert out[0]["text"] == "Заголовок\n"
    assert out[1]["meta"]["site"] == "e.kz"


def test_text_output_of_a_folder_separates_documents() -> None:
    result = run_ct("clean", "--text", *(str(p) for p in SEEDS[:2]), check=True)
    expected = [(GOLDEN / f"{p.stem}.expected.txt").read_text(encoding="utf-8") for p in SEEDS[:2]]
    assert result.stdout == "\n".join(expected)


def test_output_dir_mirrors_names_and_never_touches_inputs(tmp_path: Path) -> None:
    source = tmp_path / "in" / "site"
    source.mkdir(parents=True)
    original = SEEDS[0].read_text(encoding="utf-8")
    (source / "page.txt").write_text(original, encoding="utf-8")
    out = tmp_path / "out"
    run_ct("clean", str(tmp_path / "in"), "-o", str(out), check=True)
    written = out / "site" / "page.txt"
    assert written.read_text(encoding="utf-8") == (
        GOLDEN / f"{SEEDS[0].stem}.expected.txt"
    ).read_text(encoding="utf-8")
    assert (source / "page.txt").read_text(encoding="utf-8") == original
    assert not list(out.rglob("*.tmp"))
    refused = run_ct("clean", str(tmp_path / "in"), "-o", str(tmp_path / "in"))
    assert refused.returncode == 2
    assert "refusing to overwrite" in refused.stderr
    assert (source / "page.txt").read_text(encoding="utf-8") == original


def test_explain_marks_removed_lines_with_rule_names() -> None:
    result = run_ct("clean", "--explain", "corpus/001_e6c4a706b25f4282.txt", check=True)
    lines = result.stdout.splitlines()
    assert lines[0] == "== corpus/001_e6c4a706b25f4282.txt"
    assert "- [view_counter] 2880" in lines
    assert "- [link_list] Популярное" in lines
    assert "+ Они освобождали Европу" in lines
    assert "= [meta.author] Юлия Полонская" in lines


def test_skip_switches_a_rule_off_and_unknown_rule_is_a_usage_error() -> None:
    kept = run_ct(
        "clean",
        "--text",
        "--skip",
        "timestamp",
        "--skip",
        "boilerplate_context",
        "corpus/000_4d8d44e5dd78fc4a.txt",
    )
    assert "\n13:46\n" in kept.stdout
    bad = run_ct("clean", "--skip", "no_such_rule", "corpus/")
    assert bad.returncode == 2
    assert bad.stderr.strip().startswith("ct: error: unknown rule(s): no_such_rule")
    assert "Traceback" not in bad.stderr


def test_rules_listing_names_every_rule() -> None:
    result = run_ct("clean", "--rules", check=True)
    names = [line.split("\t")[0] for line in result.stdout.splitlines()]
    for name in ("timestamp", "calendar_table", "link_list", "site_repeated_line", "byline"):
        assert name in names


def test_site_repeated_lines_are_removed_across_documents() -> None:
    footer = "Редакция не несёт ответственности за мнения читателей и авторов колонок"
    bodies = [
        "Городской акимат объявил о начале ремонта моста через реку Есиль в эту пятницу.",
        "В Астане прошёл турнир по шахматам среди школьников, победил ученик лицея.",
        "Синоптики обещают снег и метель на севере страны в ближайшие выходные дни.",
    ]
    payload = "".join(
        json.dumps(
            {"id": str(i), "text": f"{body}\n\n{footer}\n", "site": "news.kz"}, ensure_ascii=False
        )
        + "\n"
        for i, body in enumerate(bodies)
    )
    records = jsonl(run_ct("clean", "-", input=payload, check=True).stdout)
    for record, body in zip(records, bodies, strict=True):
        assert record["text"] == body + "\n"
        assert {"rule": "site_repeated_line", "start_line": 3, "end_line": 3} in (
            record["meta"]["removed"]
        )
    kept = jsonl(run_ct("clean", "--site-key", "none", "-", input=payload, check=True).stdout)
    assert footer in kept[0]["text"]


def test_one_site_however_its_records_name_it() -> None:
    """«www.News.kz», «news.kz» and a URL on news.kz are one site: its footer goes."""
    footer = "Все права защищены, перепечатка только с письменного разрешения редакции"
    bodies = [
        "Акимат объявил о ремонте дорог в трёх районах города до конца сентября.",
        "Школьники из Караганды заняли первое место на олимпиаде по робототехнике.",
        "В горах Заилийского Алатау выпал первый снег, туристов просят быть осторожнее.",
    ]
    where = [{"site": "www.News.kz"}, {"meta": {"site": "news.kz"}}, {"url": "https://news.kz/a/1"}]
    payload = "".join(
        json.dumps({"id": str(i), "text": f"{body}\n\n{footer}\n", **where[i]}, ensure_ascii=False)
        + "\n"
        for i, body in enumerate(bodies)
    )
    records = jsonl(run_ct("clean", "-", input=payload, check=True).stdout)
    assert [record["text"] for record in records] == [body + "\n" for body in bodies]


def test_malformed_jsonl_line_skip_and_stop() -> None:
    payload = '{"id": "a", "text": "Первый."}\nnot json\n{"id": "b", "text": "Второй."}\n'
    skipped = run_ct("clean", "-", input=payload)
    assert skipped.returncode == 2
    assert [r["id"] for r in jsonl(skipped.stdout)] == ["a", "b"]
    assert "stdin:2: malformed JSON" in skipped.stderr
    stopped = run_ct("clean", "--on-error", "stop", "-", input=payload)
    assert stopped.returncode == 2
    assert stopped.stderr.count("\n") == 1
    assert "Traceback" not in stopped.stderr


def test_jobs_give_the_same_output_as_one_process() -> None:
    pages = [p.read_text(encoding="utf-8") for p in SEEDS]
    payload = "".join(
        json.dumps(
            {"id": f"d{i}", "text": pages[i % len(pages)], "site": f"s{i % 3}"}, ensure_ascii=False
        )
        + "\n"
        for i in range(150)  # more than one chunk, so the pool really starts
    )
    one = run_ct("clean", "--jobs", "1", "-", input=payload, check=True).stdout
    two = run_ct("clean", "--jobs", "2", "-", input=payload, check=True).stdout
    assert one == two
    assert len(jsonl(two)) == 150


def test_site_line_counting_in_workers_gives_the_same_output(tmp_path: Path) -> None:
    """Pass 1 runs in worker processes with --jobs 2 (more than one chunk of 256 records)."""
    menu = "Главная\nНовости\nПодписывайтесь на наш канал в Telegram\n"
    topics = "погоде выборах футболе ценах театре школах дорогах реках музеях налогах"
    places = "Астане Алматы Шымкенте Караганде Актобе Таразе Павлодаре Семее"
    days = "понедельник вторник среду четверг пятницу субботу воскресенье праздник"
    topic, place, day = topics.split(" "), places.split(" "), days.split(" ")
    rows = [
        {
            "id": f"n{i}",
            "text": f"{menu}О {topic[i % 10]} в {place[i // 10 % 8]} в {day[i // 80]}.\n",
            "meta": {"site": f"site{i % 4}.kz"},
        }
        for i in range(600)
    ]
    path = tmp_path / "pages.jsonl"
    path.write_text("".join(json.dumps(row, ensure_ascii=False) + "\n" for row in rows))
    one = run_ct("clean", str(path), "-j", "1", check=True).stdout
    two = run_ct("clean", str(path), "-j", "2", check=True).stdout
    assert one == two
    first = json.loads(one.splitlines()[0])
    assert {"rule": "site_repeated_line", "start_line": 1, "end_line": 3} in first["meta"][
        "removed"
    ]
    assert first["text"] == "О погоде в Астане в понедельник.\n"


def _stderr_on_a_terminal(stdin) -> str:
    """Run ``ct clean`` with stderr on a pseudo-terminal; what it drew there."""
    leader, follower = pty.openpty()
    with subprocess.Popen(
        [sys.executable, "-m", "corpus_tools", "clean", "-"],
        stdin=stdin,
        stdout=subprocess.DEVNULL,
        stderr=follower,
        cwd=ROOT,
    ) as proc:
        os.close(follower)
        drawn = b""
        while True:
            try:
                chunk = os.read(leader, 4096)
            except OSError:  # the process closed the terminal
                break
            if not chunk:
                break
            drawn += chunk
        proc.wait()
    os.close(leader)
    return drawn.decode("utf-8", "replace")


def test_progress_is_drawn_by_the_first_stage_of_a_pipe_only(tmp_path) -> None:
    page = tmp_path / "page.jsonl"
    page.write_text(json.dumps({"id": "a", "text": "Текст статьи."}, ensure_ascii=False) + "\n")
    with page.open("rb") as from_file:
        assert "cleaning" in _stderr_on_a_terminal(from_file)
    reader, writer = os.pipe()
    os.write(writer, page.read_bytes())
    os.close(writer)
    with os.fdopen(reader, "rb") as from_pipe:
        assert "cleaning" not in _stderr_on_a_terminal(from_pipe)


ARTICLE = [
    "Городской акимат объявил о капитальном ремонте трёх мостов через реку Есиль, работы "
    "начнутся в мае и продлятся до конца октября, движение будет перекрыто частично.",
    "По словам заместителя акима, подрядчики уже выбраны на открытом конкурсе, а общая "
    "стоимость работ составит около двух миллиардов тенге из местного бюджета.",
    "Жители прибрежных районов просили обновить мосты ещё три года назад, когда на одном из "
    "них обрушилась часть перил, и тогда городские власти обещали вернуться к вопросу.",
]
FOOTER = "Все права защищены. Перепечатка материалов только с письменного разрешения редакции."
TEASERS = [
    "В Караганде открылся новый спортивный комплекс для детей и подростков, где бесплатно "
    "работают секции по плаванию, борьбе и лёгкой атлетике для всех желающих.",
    "Синоптики предупредили о сильном ветре и метели на севере страны в ближайшие выходные, "
    "водителям советуют отложить поездки по трассам между областными центрами.",
    "Учёные национального университета представили прибор, который измеряет загрязнение "
    "воздуха в реальном времени и передаёт данные в городскую систему мониторинга.",
]


def _site_pages(texts: list[str]) -> str:
    return "".join(
        json.dumps({"id": str(i), "text": text, "site": "news.kz"}, ensure_ascii=False) + "\n"
        for i, text in enumerate(texts)
    )


def test_copies_of_one_article_keep_it_and_lose_what_the_site_shares() -> None:
    """Three crawls of one article (each with another teaser) among six pages of a site: the
    article, title and subheading included, is shared by three pages, but it is their text,
    not site furniture."""
    title, subheading = "Три моста через Есиль отремонтируют за лето", "Кто заплатит"
    article = [title, ARTICLE[0], subheading, *ARTICLE[1:]]
    copies = ["\n\n".join([*article, f"Читайте также: {teaser}", FOOTER]) for teaser in TEASERS]
    others = ["\n\n".join([teaser, FOOTER]) for teaser in TEASERS]
    records = jsonl(run_ct("clean", "-", input=_site_pages([*copies, *others]), check=True).stdout)
    for record in records[:3]:
        assert all(line in record["text"] for line in article)
        assert FOOTER not in record["text"]


def test_a_page_of_shared_teasers_only_keeps_none_of_them() -> None:
    listing = "\n\n".join([*TEASERS, FOOTER])
    pages = [listing, *("\n\n".join([paragraph, *TEASERS, FOOTER]) for paragraph in ARTICLE)]
    records = jsonl(run_ct("clean", "-", input=_site_pages(pages), check=True).stdout)
    assert not any(teaser in records[0]["text"] for teaser in TEASERS)
    for record, paragraph in zip(records[1:], ARTICLE, strict=True):
        assert record["text"].strip() == paragraph


def test_a_title_other_pages_list_in_their_sidebars_stays_on_its_own_page() -> None:
    title = "Три моста через Есиль отремонтируют за лето"
    sidebar = ["Последние новости", title, "Аэропорт Шымкента расширят к осени"]
    article = "\n\n".join([title, *ARTICLE, FOOTER])
    others = ["\n".join([*sidebar, "", teaser, "", FOOTER]) for teaser in TEASERS]
    records = jsonl(run_ct("clean", "-", input=_site_pages([article, *others]), check=True).stdout)
    assert records[0]["text"].startswith(title + "\n")
    assert all(title not in record["text"] for record in records[1:])
