"""``ct check``: a corpus quality gate for CI, built on the statistics of :mod:`stats`.

Each check compares one corpus-level figure with a threshold (noise shares, duplicate shares,
short-document share, mojibake share, languages, required metadata). Documents that break a
rule on their own are kept as findings with a file and line, so CI can annotate them.
Defaults are calibrated (bench/check_calibration.py, docs/check.md) to pass clean article text
and fail raw scraped pages.
"""

from __future__ import annotations

import re
import tomllib
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .errors import CtError
from .lang import LANGUAGES
from .records import Record, meta_of
from .stats import (
    DocStats,
    StatsCollector,
    is_short_line,
    is_timestamp_line,
    is_unpunctuated_line,
)

DEFAULTS: dict[str, Any] = {
    "max_unpunctuated_line_share": 0.35,
    "max_short_line_share": 0.25,
    "max_repeated_line_share": 0.15,
    "max_timestamp_line_share": 0.05,
    "max_exact_duplicate_share": 0.02,
    "max_near_duplicate_share": 0.05,
    "max_mojibake_share": 0.01,
    "min_doc_tokens": 50,
    "max_short_doc_share": 0.05,
    "allowed_languages": [],
    "required_fields": [],
}

# Noise checks: threshold key, the Tally noise figure, the per-document count it comes from.
NOISE_CHECKS = (
    ("max_unpunctuated_line_share", "unpunctuated_line_share", "lines without end punctuation"),
    ("max_short_line_share", "short_line_share", "short lines"),
    ("max_repeated_line_share", "repeated_line_share", "lines repeated in the corpus"),
    ("max_timestamp_line_share", "timestamp_line_share", "timestamp-only lines"),
)

MAX_FINDINGS_PER_CHECK = 50


@dataclass
class Finding:
    """One document that breaks a rule: where it is (file, line) and why."""

    file: str
    line: int
    message: str
    doc_id: str


@dataclass
class CheckResult:
    name: str
    threshold: Any
    value: Any
    passed: bool
    message: str
    findings: list[Finding] = field(default_factory=list)
    findings_total: int = 0

    def to_json(self) -> dict[str, Any]:
        return {
            "check": self.name,
            "threshold": self.threshold,
            "value": self.value,
            "passed": self.passed,
            "message": self.message,
            "findings_total": self.findings_total,
            "findings": [vars(finding) for finding in self.findings],
        }


@dataclass
class Report:
    checks: list[CheckResult]
    documents: int
    stats: dict[str, Any]

    @property
    def passed(self) -> bool:
        return all(check.passed for check in self.checks)

    def to_json(self) -> dict[str, Any]:
        return {
            "passed": self.passed,
            "documents": self.documents,
            "failed": [check.name for check in self.checks if not check.passed],
            "checks": [check.to_json() for check in self.checks],
        }


# --------------------------------------------------------------------------- configuration


def load_config(directory: Path, config_file: Path | None = None) -> dict[str, Any]:
    """Thresholds: defaults, then ``ct.toml`` ``[check]`` or ``pyproject.toml`` ``[tool.ct.check]``.

    An explicit ``config_file`` wins; otherwise ``ct.toml`` in ``directory``, else pyproject.
    """
    config = dict(DEFAULTS)
    if config_file is not None:
        if not config_file.is_file():
            raise CtError(f"{config_file}: no such config file")
        table = _read_table(config_file)
    elif (directory / "ct.toml").is_file():
        table = _read_table(directory / "ct.toml")
    elif (directory / "pyproject.toml").is_file():
        table = _read_table(directory / "pyproject.toml")
    else:
        table = {}
    return apply_overrides(config, table, where="config")


def _read_table(path: Path) -> dict[str, Any]:
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError) as exc:
        raise CtError(f"{path}: cannot read ({exc})") from exc
    except tomllib.TOMLDecodeError as exc:
        raise CtError(f"{path}: invalid TOML ({exc})") from exc
    if path.name == "pyproject.toml":
        return data.get("tool", {}).get("ct", {}).get("check", {})
    return data.get("check", {})


def apply_overrides(config: dict[str, Any], values: dict[str, Any], where: str) -> dict[str, Any]:
    """Validate and merge ``values`` (keys may use dashes) into a copy of ``config``."""
    merged = dict(config)
    for raw_key, value in values.items():
        key = raw_key.replace("-", "_")
        if key not in DEFAULTS:
            known = ", ".join(sorted(DEFAULTS))
            raise CtError(f"{where}: unknown check setting '{raw_key}' (known: {known})")
        merged[key] = _coerce(key, value, where)
    return merged


def _coerce(key: str, value: Any, where: str) -> Any:
    default = DEFAULTS[key]
    if isinstance(default, list):
        if isinstance(value, str):
            value = [part.strip() for part in value.split(",") if part.strip()]
        if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
            raise CtError(f"{where}: {key} must be a list of strings")
        unknown = [v for v in value if key == "allowed_languages" and v not in LANGUAGES]
        if unknown:
            raise CtError(
                f"{where}: unknown language {unknown[0]!r} (known: {', '.join(LANGUAGES)})"
            )
        return value
    try:
        number = type(default)(value)
    except (TypeError, ValueError) as exc:
        raise CtError(f"{where}: {key} must be a number, got {value!r}") from exc
    if number < 0:
        raise CtError(f"{where}: {key} must not be negative")
    return number


def parse_assignments(assignments: Iterable[str]) -> dict[str, str]:
    """``KEY=VALUE`` strings from ``--set`` into a dict."""
    values = {}
    for assignment in assignments:
        key, sep, value = assignment.partition("=")
        if not sep or not key.strip():
            raise CtError(f"--set expects KEY=VALUE, got '{assignment}'")
        values[key.strip()] = value.strip()
    return values


# --------------------------------------------------------------------------- checking


class Checker:
    """Feed records with :meth:`add`, then :meth:`report`; memory as for ``ct stats``."""

    def __init__(self, config: dict[str, Any]) -> None:
        self.config = config
        self.collector = StatsCollector(top=0)  # no check needs the top words or names
        self.short_docs = 0
        self.wrong_language = 0
        self.missing_fields = 0
        self.findings: dict[str, list[Finding]] = {}
        self.finding_counts: dict[str, int] = {}

    def add(self, record: Record) -> None:
        doc = self.collector.add(record)
        meta = meta_of(record)
        file = _file_of(record, meta)
        doc_id = str(record.get("id"))
        config = self.config
        if doc.tokens < config["min_doc_tokens"]:
            self.short_docs += 1
            self._find("max_short_doc_share", file, 1, f"only {doc.tokens} tokens", doc_id)
        if doc.exact_duplicate:
            self._find("max_exact_duplicate_share", file, 1, "exact duplicate", doc_id)
        elif doc.near_duplicate:
            self._find("max_near_duplicate_share", file, 1, "near duplicate", doc_id)
        if doc.mojibake_line is not None:
            self._find("max_mojibake_share", file, doc.mojibake_line, "mojibake", doc_id)
        allowed = config["allowed_languages"]
        if allowed and doc.language not in allowed:
            self.wrong_language += 1
            self._find("allowed_languages", file, 1, f"language {doc.language}", doc_id)
        missing = [name for name in config["required_fields"] if _field(record, name) is None]
        if missing:
            self.missing_fields += 1
            message = "missing " + ", ".join(missing)
            self._find("required_fields", file, 1, message, doc_id)
        self._find_noisy_document(record, doc, file, doc_id)

    def _find_noisy_document(self, record: Record, doc: DocStats, file: str, doc_id: str) -> None:
        """A document whose own noise share breaks a corpus threshold is pointed at, at the first
        offending line, so a CI annotation lands where a person can see the problem."""
        if not doc.lines:
            return
        text = record.get("text") or ""
        for key, count, is_noise, label in (
            ("max_timestamp_line_share", doc.timestamp_lines, is_timestamp_line, "time/date only"),
            ("max_short_line_share", doc.short_lines, is_short_line, "short"),
            (
                "max_unpunctuated_line_share",
                doc.unpunctuated_lines,
                is_unpunctuated_line,
                "without end punctuation",
            ),
        ):
            if count / doc.lines > self.config[key]:
                line = _first_line(text, is_noise)
                message = f"{count} of {doc.lines} lines are {label}"
                self._find(key, file, line, message, doc_id)
        if doc.repeated_lines / doc.lines > self.config["max_repeated_line_share"]:
            message = f"{doc.repeated_lines} of {doc.lines} lines were seen before in the corpus"
            self._find("max_repeated_line_share", file, 1, message, doc_id)

    def _find(self, check: str, file: str, line: int, message: str, doc_id: str) -> None:
        self.finding_counts[check] = self.finding_counts.get(check, 0) + 1
        found = self.findings.setdefault(check, [])
        if len(found) < MAX_FINDINGS_PER_CHECK:
            found.append(Finding(file, line, message, doc_id))

    def report(self) -> Report:
        stats = self.collector.result()
        config = self.config
        docs = stats["documents"]
        checks = []
        for key, figure, label in NOISE_CHECKS:
            value = stats["noise"][figure]
            checks.append(self._share(key, value, f"share of {label}"))
        dups = stats["duplicates"]
        checks.append(self._share("max_exact_duplicate_share", dups["exact_share"], "exact dups"))
        checks.append(self._share("max_near_duplicate_share", dups["near_share"], "near dups"))
        mojibake = stats["noise"]["mojibake_document_share"]
        checks.append(self._share("max_mojibake_share", mojibake, "documents with mojibake"))
        short = round(self.short_docs / docs, 4) if docs else 0.0
        label = f"documents under {config['min_doc_tokens']} tokens"
        checks.append(self._share("max_short_doc_share", short, label))
        if config["allowed_languages"]:
            allowed = config["allowed_languages"]
            checks.append(
                self._result(
                    "allowed_languages",
                    allowed,
                    self.wrong_language,
                    self.wrong_language == 0,
                    f"{self.wrong_language} documents not in {', '.join(allowed)}",
                )
            )
        if config["required_fields"]:
            required = config["required_fields"]
            checks.append(
                self._result(
                    "required_fields",
                    required,
                    self.missing_fields,
                    self.missing_fields == 0,
                    f"{self.missing_fields} documents miss {', '.join(required)}",
                )
            )
        if docs == 0:
            checks.append(self._result("documents", 1, 0, False, "no documents to check"))
        return Report(checks, docs, stats)

    def _share(self, key: str, value: float, label: str) -> CheckResult:
        threshold = self.config[key]
        passed = value <= threshold
        message = f"{label}: {value:.2%} ({'≤' if passed else '>'} {threshold:.2%})"
        return self._result(key, threshold, value, passed, message)

    def _result(self, key: str, threshold, value, passed: bool, message: str) -> CheckResult:
        findings = [] if passed else self.findings.get(key, [])
        total = 0 if passed else self.finding_counts.get(key, 0)
        return CheckResult(key, threshold, value, passed, message, findings, total)


def check_records(records: Iterable[Record], config: dict[str, Any] | None = None) -> Report:
    """Library shortcut: run every check over ``records`` with ``config`` (defaults if None)."""
    checker = Checker(config or dict(DEFAULTS))
    for record in records:
        checker.add(record)
    return checker.report()


def _first_line(text: str, is_noise: Callable[[str], bool]) -> int:
    """1-based number of the first non-blank line that ``is_noise`` flags (1 if none)."""
    for number, line in enumerate(text.splitlines(), start=1):
        stripped = line.strip()
        if stripped and is_noise(stripped):
            return number
    return 1


def _file_of(record: Record, meta: dict[str, Any]) -> str:
    """Where a document lives: ``meta.source`` (its input file), else the ``path:line`` id."""
    source = meta.get("source")
    if isinstance(source, str) and source:
        return source
    doc_id = str(record.get("id") or "")
    return doc_id.rsplit(":", 1)[0] if re.search(r":\d+$", doc_id) else doc_id


def _field(record: Record, dotted: str) -> Any:
    """``meta.date`` style lookup; empty strings and lists count as missing."""
    value: Any = record
    for part in dotted.split("."):
        if not isinstance(value, dict) or part not in value:
            return None
        value = value[part]
    return None if value in ("", [], {}) else value
