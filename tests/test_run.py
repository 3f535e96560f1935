"""``ct run``: pipeline files, sharded outputs, resuming, and the same result on every engine."""

from __future__ import annotations

import contextlib
import gzip
import json
import random
import socket
from pathlib import Path

import pytest

from corpus_tools.dedup import Deduplicator
from corpus_tools.dedup.sharded import dedup_partitions
from corpus_tools.pipeline.engines import LocalEngine
from corpus_tools.pipeline.shards import ShardSet, read_part, write_jsonl_file

from .conftest import CORPUS, run_ct, shell

VOCABULARY = (
    "президент правительство выборы область город район жители школа больница дорога мост "
    "строительство бюджет налог закон депутат министр совещание решение проект программа "
    "фермер урожай зерно вода свет газ тепло зима весна лето осень театр музей концерт"
)
WORDS = VOCABULARY.split()


def _article(rng: random.Random, words: int = 120) -> str:
    sentences = []
    while sum(len(s.split()) for s in sentences) < words:
        sentence = " ".join(rng.choice(WORDS) for _ in range(rng.randint(6, 14)))
        sentences.append(sentence.capitalize() + ".")
    return "\n".join(" ".join(sentences[i : i + 3]) for i in range(0, len(sentences), 3)) + "\n"


def _corpus_with_copies(count: int = 120, seed: int = 3) -> list[dict]:
    """Articles with exact copies, edited copies and truncated copies spread through the list."""
    rng = random.Random(seed)
    records = []
    for number in range(count):
        if records and number % 4 == 3:
            original = rng.choice(records)["text"]
            kind = number % 3
            if kind == 0:
                text = original
            elif kind == 1:
                words = original.split(" ")
                words[rng.randrange(len(words))] = "изменение"
                text = " ".join(words)
            else:
                text = original[: int(len(original) * 0.8)]
        else:
            text = _article(rng)
        site = f"site{number % 3}.kz"
        records.append({"id": f"doc-{number:04d}", "text": text, "meta": {"site": site}})
    return records


def _write_pipeline(folder: Path, records: list[dict], per_shard: int, stages: str) -> Path:
    write_jsonl_file(folder / "input" / "docs.jsonl", records)
    pipeline = folder / "pipeline.toml"
    pipeline.write_text(
        f'[input]\npaths = ["input"]\nrecords_per_shard = {per_shard}\n\n'
        f'[output]\ndir = "out"\ncompression = "none"\n\n{stages}',
        encoding="utf-8",
    )
    return pipeline


def _records_of(folder: Path) -> list[dict]:
    return [
        json.loads(line)
        for path in sorted(folder.glob("part-*.jsonl*"))
        for line in (
            gzip.open(path, "rt", encoding="utf-8")
            if path.suffix == ".gz"
            else path.open(encoding="utf-8")
        )
    ]


ALL_STAGES = (
    '[[stage]]\nrun = "clean"\n\n[[stage]]\nrun = "dedup"\n\n[[stage]]\nrun = "normalize"\n'
)


@pytest.mark.parametrize("keep", ["first", "longest", "earliest"])
def test_sharded_dedup_makes_the_same_decisions_as_one_process(tmp_path: Path, keep: str) -> None:
    records = _corpus_with_copies()
    for number, record in enumerate(records):  # dates that disagree with the input order
        record["meta"]["date"] = f"2024-{1 + number % 12:02d}-{1 + number % 28:02d}"
    dedup = Deduplicator(keep=keep)
    dedup.add_all(records)
    plan = dedup.plan()
    expected = list(plan.apply(json.loads(json.dumps(records))))
    assert plan.exact_count > 0 and plan.near_count > 0  # the corpus really has both kinds
    paths = []
    for part in range(5):
        path = tmp_path / f"in-{part}.jsonl"
        write_jsonl_file(path, records[part * 24 : (part + 1) * 24])
        paths.append(str(path))
    target = ShardSet(tmp_path / "out", 5, "none")
    summary = dedup_partitions(LocalEngine(1), paths, target, keep=keep)
    got = [record for path in target.paths() for record in read_part(path)]
    assert got == expected
    assert (summary.exact, summary.near) == (plan.exact_count, plan.near_count)
    assert summary.kept == summary.written == len(expected)


def test_run_on_the_sample_corpus_equals_the_shell_pipe(tmp_path: Path) -> None:
    # The pipeline file given relatively, as the pipe's inputs are: ids are paths as given.
    pipeline = str((CORPUS / "pipeline.toml").relative_to(CORPUS.parent))
    result = run_ct("run", pipeline, "-o", str(tmp_path / "out"), "-j", "2")
    assert result.returncode == 0, result.stderr
    assert "normalize:" in result.stderr and result.stdout == ""
    parts = sorted((tmp_path / "out").glob("part-*.jsonl.gz"))
    assert len(parts) == 5  # 13 documents, 3 per shard
    piped = shell("ct clean corpus/ -q | ct dedup -q | ct normalize -q")
    assert piped.returncode == 0, piped.stderr
    assert _records_of(tmp_path / "out") == [json.loads(line) for line in piped.stdout.splitlines()]


def test_run_drops_duplicates_across_shards_like_the_pipe(tmp_path: Path) -> None:
    records = _corpus_with_copies(90)
    pipeline = _write_pipeline(tmp_path, records, 16, ALL_STAGES)
    result = run_ct("run", str(pipeline))
    assert result.returncode == 0, result.stderr
    got = _records_of(tmp_path / "out")
    piped = shell(f"ct clean {tmp_path / 'input'} -q | ct dedup -q | ct normalize -q", cwd=tmp_path)
    assert got == [json.loads(line) for line in piped.stdout.splitlines()]
    assert len(got) < len(records)
    assert any("duplicates" in record["meta"] for record in got)


def test_interrupted_run_redoes_only_missing_parts(tmp_path: Path) -> None:
    pipeline = _write_pipeline(
        tmp_path,
        _corpus_with_copies(40),
        10,
        '[[stage]]\nrun = "clean"\n\n[[stage]]\nrun = "normalize"\n',
    )
    assert run_ct("run", str(pipeline), "-q").returncode == 0
    before = _records_of(tmp_path / "out")
    # Simulate a stop in the middle of the last stage: part 2 and the folder marker are missing.
    (tmp_path / "out" / "part-00002.jsonl").unlink()
    (tmp_path / "out" / ".complete" / "_SUCCESS").unlink()
    (tmp_path / "out" / ".part-00002.jsonl.x1y2.tmp").write_text('{"id": "half"')  # killed write
    untouched = (tmp_path / "out" / "part-00001.jsonl").stat().st_mtime_ns
    again = run_ct("run", str(pipeline))
    assert again.returncode == 0, again.stderr
    assert "clean: already complete" in again.stderr
    assert "normalize: 10 records normalised" in again.stderr  # one part of 10, not 40
    assert (tmp_path / "out" / "part-00001.jsonl").stat().st_mtime_ns == untouched
    assert _records_of(tmp_path / "out") == before
    assert not list((tmp_path / "out").glob(".*.tmp"))


def test_changed_options_redo_the_stage(tmp_path: Path) -> None:
    pipeline = _write_pipeline(tmp_path, _corpus_with_copies(20), 10, '[[stage]]\nrun = "dedup"\n')
    assert run_ct("run", str(pipeline), "-q").returncode == 0
    pipeline.write_text(
        pipeline.read_text().replace('run = "dedup"', 'run = "dedup"\nthreshold = 0.9')
    )
    again = run_ct("run", str(pipeline))
    assert (
        "dedup: 20 documents" in again.stderr
        and "already complete" not in again.stderr.split("dedup")[1]
    )


HEAD = '[input]\npaths = ["x"]\n[output]\ndir = "o"\n[[stage]]\n'


@pytest.mark.parametrize(
    ("text", "message"),
    [
        (
            HEAD + 'run = "sort"\n',
            "unknown stage 'sort'",
        ),
        (
            HEAD + 'run = "dedup"\nkeep = "last"\n',
            "dedup.keep = 'last' is not valid",
        ),
        (
            HEAD + 'run = "clean"\ncolour = 1\n',
            "clean has no option 'colour'",
        ),
        (
            '[input]\npaths = ["x"]\n[output]\ndir = "x/o"\n[[stage]]\nrun = "clean"\n',
            "overlaps the input",
        ),
        ('[input]\npaths = ["x"]\n[[stage]]\nrun = "clean"\n', "[output] dir is missing"),
        (
            '[input]\npaths = ["x/**/*.jsonl*"]\n[output]\ndir = "x/o"\n[[stage]]\nrun = "clean"\n',
            "overlaps the input",
        ),
        ("[input\n", "not valid TOML"),
    ],
)
def test_bad_pipeline_files_get_one_line_errors(tmp_path: Path, text: str, message: str) -> None:
    (tmp_path / "x").mkdir()
    pipeline = tmp_path / "p.toml"
    pipeline.write_text(text, encoding="utf-8")
    result = run_ct("run", str(pipeline))
    assert result.returncode == 2
    assert message in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1 and "Traceback" not in result.stderr


def test_missing_pipeline_file_is_an_error() -> None:
    result = run_ct("run", "no/such/pipeline.toml")
    assert result.returncode == 2 and "no such file" in result.stderr


def test_local_cluster_gives_the_same_output_as_local_engine(tmp_path: Path) -> None:
    pipeline = _write_pipeline(tmp_path, _corpus_with_copies(60), 12, ALL_STAGES)
    local = run_ct("run", str(pipeline), "-o", str(tmp_path / "local"), "-j", "1")
    assert local.returncode == 0, local.stderr
    dask = run_ct("run", str(pipeline), "-o", str(tmp_path / "dask"), "--engine", "dask", "-j", "2")
    assert dask.returncode == 0, dask.stderr
    by_id = lambda records: sorted(json.dumps(r, ensure_ascii=False) for r in records)  # noqa: E731
    assert by_id(_records_of(tmp_path / "dask")) == by_id(_records_of(tmp_path / "local"))
    assert len(_records_of(tmp_path / "dask")) < 60


def test_run_on_an_existing_scheduler(tmp_path: Path) -> None:
    from distributed import LocalCluster

    pipeline = _write_pipeline(tmp_path, _corpus_with_copies(30), 10, ALL_STAGES)
    local = run_ct("run", str(pipeline), "-o", str(tmp_path / "local"), "-j", "1", "-q")
    assert local.returncode == 0, local.stderr
    with LocalCluster(n_workers=2, threads_per_worker=1, dashboard_address=None) as cluster:
        remote = run_ct(
            "run",
            str(pipeline),
            "-o",
            str(tmp_path / "remote"),
            "--engine",
            "dask",
            "--scheduler",
            cluster.scheduler_address,
        )
    assert remote.returncode == 0, remote.stderr
    assert _records_of(tmp_path / "remote") == _records_of(tmp_path / "local")


def test_unreachable_scheduler_is_one_line_error(tmp_path: Path) -> None:
    pipeline = _write_pipeline(tmp_path, _corpus_with_copies(5), 10, ALL_STAGES)
    result = run_ct("run", str(pipeline), "--engine", "dask", "--scheduler", "tcp://127.0.0.1:9")
    assert result.returncode == 2
    assert result.stderr.startswith("ct: error: cannot reach the Dask scheduler")
    assert len(result.stderr.strip().splitlines()) == 1


def test_shard_by_file_uses_each_input_file_as_a_partition(tmp_path: Path) -> None:
    records = _corpus_with_copies(36)
    for part in range(3):
        write_jsonl_file(
            tmp_path / "input" / f"day-{part}.jsonl", records[part * 12 : (part + 1) * 12]
        )
    pipeline = tmp_path / "pipeline.toml"
    pipeline.write_text(
        '[input]\npaths = ["input"]\nshard_by_file = true\n[output]\ndir = "out"\n' + ALL_STAGES,
        encoding="utf-8",
    )
    result = run_ct("run", str(pipeline))
    assert result.returncode == 0, result.stderr
    assert "input:" not in result.stderr  # nothing copied
    assert len(list((tmp_path / "out").glob("part-*.jsonl.gz"))) == 3
    piped = shell(f"ct clean {tmp_path / 'input'} -q | ct dedup -q | ct normalize -q")
    assert _records_of(tmp_path / "out") == [json.loads(line) for line in piped.stdout.splitlines()]
    stats = run_ct("stats", str(tmp_path / "out"), "--json")
    assert json.loads(stats.stdout)["documents"] == len(_records_of(tmp_path / "out"))


@contextlib.contextmanager
def _port_taken(port: int):
    """Hold ``port`` for the duration, unless something else already does."""
    try:
        server = socket.create_server(("127.0.0.1", port))
    except OSError:
        server = None
    try:
        yield
    finally:
        if server is not None:
            server.close()


@pytest.mark.parametrize("engine", ["local", "dask"])
def test_bad_record_in_a_worker_is_one_line_error(tmp_path: Path, engine: str) -> None:
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "a.jsonl").write_text('{"id": "a", "text": "Текст."}\n{oops\n')
    (tmp_path / "in" / "b.jsonl").write_text('{"id": "b", "text": "Другой текст."}\n')
    pipeline = tmp_path / "p.toml"
    pipeline.write_text(
        '[input]\npaths = ["in"]\nshard_by_file = true\n[output]\ndir = "out"\n'
        '[[stage]]\nrun = "normalize"\n'
    )
    # Dask's usual port taken (another cluster's dashboard): still one line on stderr.
    with _port_taken(8787):
        result = run_ct("run", str(pipeline), "--engine", engine, "-j", "2")
    assert result.returncode == 2
    assert result.stderr.strip().endswith(
        "a.jsonl:2: malformed JSON (Expecting property name enclosed in double quotes)"
    )
    assert "Traceback" not in result.stderr and len(result.stderr.strip().splitlines()) == 1
    assert not (tmp_path / "out" / ".complete" / "_SUCCESS").exists()


def test_changed_input_redoes_every_stage(tmp_path: Path) -> None:
    records = _corpus_with_copies(20)
    pipeline = _write_pipeline(tmp_path, records, 10, '[[stage]]\nrun = "clean"\n')
    assert run_ct("run", str(pipeline), "-q").returncode == 0
    unchanged = run_ct("run", str(pipeline))
    assert "input: already complete" in unchanged.stderr
    records[0]["text"] = "Совсем другой текст первой заметки.\n"
    write_jsonl_file(tmp_path / "input" / "docs.jsonl", records)
    again = run_ct("run", str(pipeline))
    assert "input: 2 partitions written" in again.stderr
    assert "clean: 20 records cleaned" in again.stderr
    assert _records_of(tmp_path / "out")[0]["text"] == "Совсем другой текст первой заметки.\n"
