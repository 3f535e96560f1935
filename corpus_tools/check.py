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
    BatchStats,
    DocStats,
    StatsCollector,
    batches,
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


@dataclass
class Inspection:
    """What one document shows on its own (see :meth:`Checker.inspect`)."""

    file: str
    doc_id: str
    lines: int
    short: bool
    wrong_language: bool
    missing_fields: bool
    findings: list[tuple[str, int, str]]  # check, line, message


class Checker:
    """Feed records with :meth:`add` (or batches: :meth:`inspect`, then :meth:`merge` in input
    order), then :meth:`report`; memory as for ``ct stats``."""

    def __init__(self, config: dict[str, Any]) -> None:
        self.config = config
        self.collector = StatsCollector(top=0)  # no check needs the top words or names
        self.short_docs = 0
        self.wrong_language = 0
        self.missing_fields = 0
        self.findings: dict[str, list[Finding]] = {}
        self.finding_counts: dict[str, int] = {}

    def add(self, record: Record) -> None:
        self.merge(self.inspect([record]))

    def inspect(self, records: list[Record]) -> tuple[BatchStats, list[Inspection]]:
        """Measure a batch and judge each document on its own; reads only the configuration, so
        it may run in a worker process."""
        batch = self.collector.measure(records, keep_docs=True)
        inspections = [
            self._inspect(record, doc) for record, doc in zip(records, batch.docs, strict=True)
        ]
        batch.docs = []  # merged without them
        return batch, inspections

    def merge(self, inspected: tuple[BatchStats, list[Inspection]]) -> None:
        """Add an inspected batch (in input order): duplicates and repeated lines are decided
        here, against the documents before it."""
        batch, inspections = inspected
        flags = self.collector.merge(batch)
        for note, (exact, near, repeated) in zip(inspections, flags, strict=True):
            self.short_docs += note.short
            self.wrong_language += note.wrong_language
            self.missing_fields += note.missing_fields
            findings = list(note.findings)
            if exact:
                findings.append(("max_exact_duplicate_share", 1, "exact duplicate"))
            elif near:
                findings.append(("max_near_duplicate_share", 1, "near duplicate"))
            if note.lines and repeated / note.lines > self.config["max_repeated_line_share"]:
                message = f"{repeated} of {note.lines} lines were seen before in the corpus"
                findings.append(("max_repeated_line_share", 1, message))
            for check, line, message in findings:
                self._find(check, note.file, line, message, note.doc_id)

    def _inspect(self, record: Record, doc: DocStats) -> Inspection:
        config = self.config
        findings = []
        short = doc.tokens < config["min_doc_tokens"]
        if short:
            findings.append(("max_short_doc_share", 1, f"only {doc.tokens} tokens"))
        if doc.mojibake_line is not None:
            findings.append(("max_mojibake_share", doc.mojibake_line, "mojibake"))
        allowed = config["allowed_languages"]
        wrong_language = bool(allowed) and doc.language not in allowed
        if wrong_language:
            findings.append(("allowed_languages", 1, f"language {doc.language}"))
        missing = [name for name in config["required_fields"] if _field(record, name) is None]
        if missing:
            findings.append(("required_fields", 1, "missing " + ", ".join(missing)))
        findings += self._noisy_lines(record, doc)
        meta = meta_of(record)
        return Inspection(
            _file_of(record, meta),
            str(record.get("id")),
            doc.lines,
            short,
            wrong_language,
            bool(missing),
            findings,
        )

    def _noisy_lines(self, record: Record, doc: DocStats) -> list[tuple[str, int, str]]:
        """A document whose own noise share breaks a corpus threshold is pointed at, at the first
        offending line, so a CI annotation lands where a person can see the problem."""
        if not doc.lines:
            return []
        text = record.get("text") or ""
        findings = []
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
                message = f"{count} of {doc.lines} lines are {label}"
                findings.append((key, _first_line(text, is_noise), message))
        return findings

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
    for batch in batches(records):
        checker.merge(checker.inspect(batch))
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
