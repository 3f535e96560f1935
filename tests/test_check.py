"""ct check through the real CLI: exit codes, report formats, configuration."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

from .conftest import CORPUS, ROOT, run_ct, shell
from .samples_stats import (
    EN_ARTICLE,
    KK_ARTICLE,
    MOJIBAKE_ARTICLE,
    RU_ARTICLE,
    corpus_with_duplicates,
    jsonl,
)


def run_ct_in(folder: Path, *args: str):
    """Run ct with ``folder`` as the current directory (where it looks for its config),
    importing this checkout's package rather than whatever is installed."""
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    return subprocess.run(
        [sys.executable, "-m", "corpus_tools", *args],
        capture_output=True,
        text=True,
        cwd=folder,
        env=env,
    )


CLEAN_RECORDS = [
    {"id": "ru", "text": RU_ARTICLE, "meta": {"date": "2024-03-01", "source": "ru.txt"}},
    {"id": "en", "text": EN_ARTICLE, "meta": {"date": "2024-03-02", "source": "en.txt"}},
    {"id": "kk", "text": KK_ARTICLE, "meta": {"source": "kk.txt"}},
]


def test_raw_pages_fail_and_cleaned_pages_pass() -> None:
    raw = run_ct("check", "corpus/")
    assert raw.returncode == 1
    assert "FAIL max_timestamp_line_share" in raw.stdout
    cleaned = shell("ct clean corpus/ | ct check")
    assert cleaned.returncode == 0, cleaned.stdout + cleaned.stderr
    pages = len(list(CORPUS.glob("*.txt")))
    assert f"PASS: {pages} documents" in cleaned.stdout


def test_clean_articles_pass() -> None:
    result = run_ct("check", input=jsonl(CLEAN_RECORDS))
    assert result.returncode == 0, result.stdout


def test_json_report_lists_every_threshold() -> None:
    result = run_ct("check", "corpus/", "--format", "json")
    assert result.returncode == 1
    report = json.loads(result.stdout)
    assert report["passed"] is False
    by_name = {check["check"]: check for check in report["checks"]}
    timestamps = by_name["max_timestamp_line_share"]
    assert timestamps["passed"] is False
    assert timestamps["value"] > timestamps["threshold"]
    assert by_name["max_exact_duplicate_share"]["passed"] is True
    assert set(report["failed"]) == {n for n, c in by_name.items() if not c["passed"]}


def test_github_annotations_point_at_the_offending_line() -> None:
    result = run_ct("check", "corpus/", "--format", "github")
    assert result.returncode == 1
    annotations = [line for line in result.stdout.splitlines() if line.startswith("::error file=")]
    timestamp = next(a for a in annotations if "max_timestamp_line_share" in a)
    where = timestamp.split("::")[1].removeprefix("error ")
    fields = dict(part.split("=") for part in where.split(","))
    lines = (ROOT / fields["file"]).read_text(encoding="utf-8").splitlines()
    assert lines[int(fields["line"]) - 1].strip() == "13:46"  # the first timestamp-only line


def test_junit_has_one_testcase_per_check() -> None:
    result = run_ct("check", "corpus/", "--format", "junit")
    suite = ET.fromstring(result.stdout)
    cases = suite.findall("testcase")
    failed = [case.get("name") for case in cases if case.find("failure") is not None]
    assert len(cases) == int(suite.get("tests"))
    assert int(suite.get("failures")) == len(failed)
    assert "max_timestamp_line_share" in failed
    assert "max_mojibake_share" not in failed


def test_pyproject_and_ct_toml_thresholds(tmp_path: Path) -> None:
    corpus = str(ROOT / "corpus")
    (tmp_path / "pyproject.toml").write_text(
        "[tool.ct.check]\nmax-timestamp-line-share = 0.5\nmax_short_line_share = 0.6\n"
        "max_unpunctuated_line_share = 0.8\n",
        encoding="utf-8",
    )
    assert run_ct_in(tmp_path, "check", corpus).returncode == 0
    (tmp_path / "ct.toml").write_text("[check]\nmax_timestamp_line_share = 0.1\n")
    # ct.toml wins over pyproject.toml and only sets what it names
    assert run_ct_in(tmp_path, "check", corpus).returncode == 1
    # flags win over both
    relaxed = ["--set", "max_timestamp_line_share=0.5", "--set", "max_short_line_share=0.6"]
    relaxed += ["--set", "max_unpunctuated_line_share=0.8"]
    assert run_ct_in(tmp_path, "check", corpus, *relaxed).returncode == 0


def test_bad_configuration_is_a_usage_error(tmp_path: Path) -> None:
    (tmp_path / "ct.toml").write_text("[check]\nmax_noise = 0.1\n")
    unknown = run_ct_in(tmp_path, "check", str(ROOT / "corpus"))
    assert unknown.returncode == 2
    assert "unknown check setting 'max_noise'" in unknown.stderr
    (tmp_path / "ct.toml").write_text("[check\n")
    broken = run_ct_in(tmp_path, "check", str(ROOT / "corpus"))
    assert broken.returncode == 2 and "invalid TOML" in broken.stderr
    bad_value = run_ct("check", "--set", "max_short_line_share=lots", input=jsonl(CLEAN_RECORDS))
    assert bad_value.returncode == 2 and "must be a number" in bad_value.stderr
    bad_language = run_ct("check", "--languages", "ru,rus", input=jsonl(CLEAN_RECORDS))
    assert bad_language.returncode == 2 and "unknown language 'rus'" in bad_language.stderr


def test_languages_required_fields_and_mojibake() -> None:
    records = [*CLEAN_RECORDS, {"id": "bad", "text": MOJIBAKE_ARTICLE, "meta": {"source": "x"}}]
    result = run_ct(
        "check",
        "--languages",
        "ru,kk",
        "--require",
        "meta.date",
        "--format",
        "json",
        input=jsonl(records),
    )
    assert result.returncode == 1
    checks = {check["check"]: check for check in json.loads(result.stdout)["checks"]}
    # the mojibake page has no recognisable language of its own ("mixed" script soup)
    assert checks["allowed_languages"]["value"] == 2
    wrong = {finding["doc_id"] for finding in checks["allowed_languages"]["findings"]}
    assert wrong == {"en", "bad"}
    missing = {finding["doc_id"] for finding in checks["required_fields"]["findings"]}
    assert missing == {"kk", "bad"}
    assert checks["max_mojibake_share"]["passed"] is False
    assert checks["max_mojibake_share"]["findings"][0]["file"] == "x"


def test_short_documents_and_duplicates() -> None:
    records = [*CLEAN_RECORDS, {"id": "s", "text": "Короткая заметка."}, CLEAN_RECORDS[0]]
    result = run_ct("check", "--format", "json", "--min-doc-tokens", "40", input=jsonl(records))
    checks = {check["check"]: check for check in json.loads(result.stdout)["checks"]}
    assert checks["max_short_doc_share"]["value"] == 0.2
    assert checks["max_exact_duplicate_share"]["value"] == 0.2
    assert result.returncode == 1


def test_no_documents_fails() -> None:
    result = run_ct("check", "--format", "json", input="")
    assert result.returncode == 1
    assert json.loads(result.stdout)["documents"] == 0


def test_github_file_property_is_escaped() -> None:
    record = {"id": "m", "text": MOJIBAKE_ARTICLE, "meta": {"source": "pages/a,b:c.txt"}}
    result = run_ct("check", "--format", "github", input=jsonl([*CLEAN_RECORDS, record]))
    assert "::error file=pages/a%2Cb%3Ac.txt,line=1::max_mojibake_share: mojibake" in result.stdout


def test_terminal_report_is_a_table(monkeypatch, capsys) -> None:
    from corpus_tools import console
    from corpus_tools.check import check_records
    from corpus_tools.cli.check import _print_text
    from corpus_tools.io import read_records

    monkeypatch.setattr(console, "stdout_is_terminal", lambda: True)
    _print_text(check_records(read_records([str(ROOT / "corpus")])))
    out = capsys.readouterr().out
    assert "max_timestamp_line_share" in out
    assert "corpus/000_4d8d44e5dd78fc4a.txt:22" in out.replace(str(ROOT) + "/", "")
    assert "FAIL" in out


def test_jobs_give_the_same_report(tmp_path: Path) -> None:
    """Findings (duplicates, repeated lines, languages) come out the same on 2 processes."""
    path = tmp_path / "corpus.jsonl"
    path.write_text(jsonl(corpus_with_duplicates()), encoding="utf-8")
    args = ("check", str(path), "--format", "json", "--languages", "ru,kk")
    one = run_ct(*args, "--jobs", "1")
    two = run_ct(*args, "--jobs", "2")
    assert one.returncode == two.returncode == 1
    assert one.stdout == two.stdout
    failed = set(json.loads(one.stdout)["failed"])
    assert {"max_exact_duplicate_share", "max_repeated_line_share", "allowed_languages"} <= failed
