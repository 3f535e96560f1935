"""`ct stats` and `ct check` on our own texts and through real pipes."""

from __future__ import annotations

import json
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from corpus_tools.check import DEFAULTS, load_config, run_checks
from corpus_tools.errors import CtError
from corpus_tools.lang import detect_language
from corpus_tools.stats import corpus_stats

from .conftest import run_ct, shell

ARTICLE_RU = (
    "Аким Алматы провёл встречу с жителями района и ответил на вопросы о ремонте дорог.\n"
    "По словам акима, в этом году отремонтируют более сорока улиц и откроют две школы.\n"
)
ARTICLE_KK = (
    "Елордада 300 орынға арналған көпбейінді балалар ауруханасы пайдалануға берілді.\n"
    "Жаңа ауруханада хирургия және неврология бөлімдері жұмыс істейді.\n"
)
ARTICLE_EN = "Kazakhstan will build a wind farm near Zhanatas, the Ministry of Energy said.\n"
NOISY = "Главная\nНовости\n13:46\n12:22\n11:14\nСпорт\nПогода\n" + ARTICLE_RU


@pytest.mark.parametrize(
    ("text", "language"),
    [
        (ARTICLE_RU, "ru"),
        (ARTICLE_KK, "kk"),
        (ARTICLE_EN, "en"),
        ("12:30 15.05", "other"),
        (ARTICLE_EN * 2 + ARTICLE_RU * 2, "mixed"),
    ],
)
def test_detect_language(text: str, language: str) -> None:
    assert detect_language(text) == language


def test_corpus_stats_counts_and_noise_indicators() -> None:
    records = [
        {"id": "1", "text": ARTICLE_RU, "meta": {"date": "2024-05-01", "site": "a.kz"}},
        {"id": "2", "text": ARTICLE_RU, "meta": {"date": "2024-06-02", "site": "a.kz"}},
        {"id": "3", "text": NOISY, "meta": {"site": "b.kz"}},
    ]
    figures = corpus_stats(records, by="site").to_dict()
    assert figures["documents"] == 3
    assert figures["exact_duplicates"] == 1
    assert figures["timestamp_lines"] == 3
    assert figures["documents_per_month"] == {"2024-05": 1, "2024-06": 1}
    assert figures["date_range"] == ["2024-05-01", "2024-06-02"]
    assert figures["languages"] == {"ru": 3}
    assert figures["groups"]["a.kz"]["documents"] == 2
    assert figures["groups"]["b.kz"]["noise_line_share"] > 0.5
    assert figures["groups"]["a.kz"]["timestamp_lines"] == 0
    assert "алматы" in dict(figures["top_words"])


def test_check_passes_clean_text_and_fails_raw_pages() -> None:
    clean = [{"id": str(i), "text": t} for i, t in enumerate([ARTICLE_RU, ARTICLE_KK])]
    assert run_checks(clean, dict(DEFAULTS)).passed
    raw = [{"id": "n", "text": NOISY, "meta": {"source": "pages/n.txt"}}]
    report = run_checks(raw, dict(DEFAULTS))
    assert not report.passed
    noise = [f for f in report.findings if f.check == "noise"]
    assert noise and noise[0].path == "pages/n.txt" and noise[0].line == 2


def test_config_from_pyproject_and_flags(tmp_path: Path) -> None:
    (tmp_path / "pyproject.toml").write_text(
        "[tool.ct.check]\nmax_noise_line_share = 0.9\nallowed_languages = ['kk']\n"
    )
    config = load_config(tmp_path, {"min_chars": 10})
    assert config["max_noise_line_share"] == 0.9
    assert config["allowed_languages"] == ["kk"]
    assert config["min_chars"] == 10
    (tmp_path / "pyproject.toml").write_text("[tool.ct.check]\nmax_nois = 1\n")
    with pytest.raises(CtError, match="unknown check setting"):
        load_config(tmp_path, {})


def test_cli_pipeline_clean_into_stats_json() -> None:
    result = shell("ct clean corpus/ | ct stats --json")
    assert result.returncode == 0, result.stderr
    figures = json.loads(result.stdout)
    assert figures["documents"] == len(list(Path("corpus").glob("*.txt")))
    assert figures["timestamp_lines"] == 0
    assert set(figures["languages"]) <= {"ru", "kk", "en", "mixed"}


@pytest.mark.skipif(run_ct("dedup", "--help").returncode != 0, reason="ct dedup is not merged yet")
def test_cli_pipeline_clean_dedup_stats() -> None:
    result = shell("ct clean corpus/ | ct dedup | ct stats --json")
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout)["documents"] >= 1


def test_cli_check_exit_codes_and_formats() -> None:
    raw = run_ct("check", "corpus/")
    assert raw.returncode == 1
    assert "FAIL max_noise_line_share" in raw.stdout
    cleaned = shell("ct clean corpus/ | ct check")
    assert cleaned.returncode == 0, cleaned.stdout + cleaned.stderr
    github = run_ct("check", "--format", "github", "corpus/")
    assert "::warning file=corpus/000_4d8d44e5dd78fc4a.txt,line=" in github.stdout
    assert "::error::ct check max_noise_line_share" in github.stdout
    junit = run_ct("check", "--format", "junit", "corpus/")
    suite = ET.fromstring(junit.stdout)
    assert suite.get("failures") == "1"
    report = json.loads(run_ct("check", "--format", "json", "corpus/").stdout)
    assert report["passed"] is False and report["documents"] >= 5
    empty = run_ct("check", "-", input="")
    assert empty.returncode == 2 and "no documents" in empty.stderr
