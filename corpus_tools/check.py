"""``ct check``: a quality gate for CI over the figures of ``ct stats``.

Thresholds come from ``[tool.ct.check]`` in ``pyproject.toml`` or ``[check]`` in ``ct.toml``
(current folder), then command-line flags. The defaults were calibrated on real pages
(docs/check.md): clean article text passes, raw scraped pages fail.
"""

from __future__ import annotations

import json
import tomllib
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from xml.sax.saxutils import escape, quoteattr

from ftfy.badness import is_bad

from .errors import CtError
from .records import Record, meta_of
from .stats import CorpusStats

DEFAULTS: dict[str, Any] = {
    "max_noise_line_share": 0.20,  # timestamp-like, repeated, or short unpunctuated lines
    "max_exact_duplicate_share": 0.05,
    "min_chars": 100,  # a document shorter than this is a finding ...
    "max_short_document_share": 0.10,  # ... and the corpus fails above this share of them
    "max_mojibake_share": 0.01,
    "allowed_languages": [],  # empty: any language
    "required_meta": [],
    "max_document_noise_share": 0.5,  # a single document above this is reported
}


@dataclass
class Finding:
    check: str
    document: str
    message: str
    path: str | None = None
    line: int | None = None


@dataclass
class CheckResult:
    name: str
    value: float
    limit: float
    passed: bool
    description: str


@dataclass
class Report:
    results: list[CheckResult] = field(default_factory=list)
    findings: list[Finding] = field(default_factory=list)
    documents: int = 0

    @property
    def passed(self) -> bool:
        return all(r.passed for r in self.results)


def load_config(directory: Path, overrides: dict[str, Any]) -> dict[str, Any]:
    """Defaults, then pyproject.toml [tool.ct.check] or ct.toml [check], then flags."""
    config = dict(DEFAULTS)
    for name, keys in (("pyproject.toml", ("tool", "ct", "check")), ("ct.toml", ("check",))):
        path = directory / name
        if not path.exists():
            continue
        try:
            table: Any = tomllib.loads(path.read_text(encoding="utf-8"))
        except (tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
            raise CtError(f"{path}: invalid TOML ({exc})") from exc
        for key in keys:
            table = table.get(key, {}) if isinstance(table, dict) else {}
        unknown = set(table) - set(DEFAULTS)
        if unknown:
            raise CtError(f"{path}: unknown check setting(s): {', '.join(sorted(unknown))}")
        config.update(table)
    config.update({k: v for k, v in overrides.items() if v is not None})
    return config


def run_checks(records: Iterable[Record], config: dict[str, Any]) -> Report:
    stats = CorpusStats()
    report = Report()
    short = mojibake = 0
    allowed = set(config["allowed_languages"])
    for record in records:
        profile = stats.add(record)
        text = record.get("text") or ""
        where = {"document": profile.id, "path": profile.source}
        if profile.characters < config["min_chars"]:
            short += 1
            report.findings.append(
                Finding(
                    "min_chars",
                    message=f"only {profile.characters} characters (min {config['min_chars']})",
                    **where,
                )
            )
        if is_bad(text[:5000]):
            mojibake += 1
            report.findings.append(Finding("mojibake", message="text looks like mojibake", **where))
        if allowed and profile.language not in allowed:
            report.findings.append(
                Finding(
                    "language",
                    message=f"language {profile.language} not in {sorted(allowed)}",
                    **where,
                )
            )
        missing = [key for key in config["required_meta"] if meta_of(record).get(key) in (None, "")]
        if missing:
            report.findings.append(
                Finding("required_meta", message="missing meta." + ", meta.".join(missing), **where)
            )
        if (
            profile.lines
            and profile.noise_lines / profile.lines > config["max_document_noise_share"]
        ):
            share = profile.noise_lines / profile.lines
            report.findings.append(
                Finding(
                    "noise",
                    message=f"{share:.0%} of lines look like page furniture",
                    line=profile.first_noise_line,
                    **where,
                )
            )
        if profile.exact_duplicate:
            report.findings.append(
                Finding("duplicate", message="exact duplicate of an earlier document", **where)
            )
    documents = stats.total.documents
    report.documents = documents
    if not documents:
        raise CtError("no documents to check")
    shares = stats.total.shares()

    def gate(name: str, value: float, limit: float, description: str) -> None:
        report.results.append(
            CheckResult(name, round(value, 4), limit, value <= limit, description)
        )

    gate(
        "max_noise_line_share",
        shares["noise_line_share"],
        config["max_noise_line_share"],
        "share of lines that look like page furniture",
    )
    gate(
        "max_exact_duplicate_share",
        shares["exact_duplicate_share"],
        config["max_exact_duplicate_share"],
        "share of documents that repeat an earlier one",
    )
    gate(
        "max_short_document_share",
        short / documents,
        config["max_short_document_share"],
        f"share of documents under {config['min_chars']} characters",
    )
    gate(
        "max_mojibake_share",
        mojibake / documents,
        config["max_mojibake_share"],
        "share of documents with mojibake",
    )
    if allowed:
        outside = sum(n for lang, n in stats.languages.items() if lang not in allowed)
        gate("allowed_languages", outside / documents, 0.0, "share of documents in other languages")
    if config["required_meta"]:
        missing = sum(1 for f in report.findings if f.check == "required_meta")
        gate("required_meta", missing / documents, 0.0, "share of documents missing metadata")
    return report


# --------------------------------------------------------------------------- formats


def as_text(report: Report) -> str:
    lines = [f"ct check: {report.documents} documents, {'PASS' if report.passed else 'FAIL'}"]
    for result in report.results:
        mark = "ok  " if result.passed else "FAIL"
        lines.append(
            f"  {mark} {result.name:28} {result.value:8.4f}  (limit {result.limit})  "
            f"{result.description}"
        )
    if report.findings:
        lines.append(f"  {len(report.findings)} finding(s) in documents:")
        for finding in report.findings[:50]:
            where = f"{finding.path or finding.document}" + (
                f":{finding.line}" if finding.line else ""
            )
            lines.append(f"    {where}: {finding.check}: {finding.message}")
        if len(report.findings) > 50:
            lines.append(f"    ... {len(report.findings) - 50} more (use --format json)")
    return "\n".join(lines) + "\n"


def as_json(report: Report) -> str:
    return (
        json.dumps(
            {
                "passed": report.passed,
                "documents": report.documents,
                "checks": [r.__dict__ for r in report.results],
                "findings": [f.__dict__ for f in report.findings],
            },
            ensure_ascii=False,
            indent=2,
        )
        + "\n"
    )


def as_github(report: Report) -> str:
    """GitHub Actions workflow commands: annotations on the files and lines concerned."""
    out = []
    for finding in report.findings:
        location = ""
        if finding.path:
            location = f" file={finding.path}" + (f",line={finding.line}" if finding.line else "")
        level = "warning" if finding.check in ("duplicate", "noise") else "error"
        out.append(f"::{level}{location}::{finding.check}: {finding.message} ({finding.document})")
    for result in report.results:
        if not result.passed:
            out.append(
                f"::error::ct check {result.name}: {result.value} exceeds {result.limit} "
                f"({result.description})"
            )
    return "\n".join(out) + ("\n" if out else "")


def as_junit(report: Report) -> str:
    failures = sum(not r.passed for r in report.results)
    cases = []
    for result in report.results:
        body = (
            ""
            if result.passed
            else (
                f"<failure message={quoteattr(f'{result.value} > {result.limit}')}>"
                f"{escape(result.description)}</failure>"
            )
        )
        cases.append(
            f'  <testcase classname="ct.check" name={quoteattr(result.name)}>{body}</testcase>'
        )
    return (
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        f'<testsuite name="ct check" tests="{len(report.results)}" failures="{failures}">\n'
        + "\n".join(cases)
        + "\n</testsuite>\n"
    )


FORMATS = {"text": as_text, "json": as_json, "github": as_github, "junit": as_junit}
