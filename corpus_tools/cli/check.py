"""``ct check``: run the quality gate and report it for people or CI systems."""

from __future__ import annotations

import json
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from .. import console
from .app import app

if TYPE_CHECKING:  # the library is imported when the command runs, not at start-up
    from ..check import Report
from .common import (
    InputsArg,
    JobsOpt,
    OnErrorChoice,
    OnErrorOpt,
    QuietOpt,
    finish,
    open_reader,
)


class FormatChoice(StrEnum):
    text = "text"
    json = "json"
    junit = "junit"
    github = "github"


@app.command()
def check(
    inputs: InputsArg = None,
    output_format: Annotated[
        FormatChoice, typer.Option("--format", help="Report as text, json, junit or github.")
    ] = FormatChoice.text,
    config_file: Annotated[
        Path | None,
        typer.Option(
            "--config",
            help="TOML file with a [check] table (default: ct.toml, then "
            "pyproject.toml [tool.ct.check]).",
        ),
    ] = None,
    settings: Annotated[
        list[str] | None,
        typer.Option("--set", help="Override one threshold, KEY=VALUE (repeatable)."),
    ] = None,
    min_doc_tokens: Annotated[
        int | None, typer.Option(min=0, help="Documents shorter than this count as short.")
    ] = None,
    languages: Annotated[
        str | None, typer.Option("--languages", help="Allowed languages, e.g. ru,kk,en.")
    ] = None,
    require: Annotated[
        list[str] | None, typer.Option("--require", help="Required field, e.g. meta.date.")
    ] = None,
    jobs: JobsOpt = None,
    on_error: OnErrorOpt = OnErrorChoice.skip,
    quiet: QuietOpt = False,
) -> None:
    """Check a corpus against quality thresholds: exit 0 pass, 1 fail, 2 error.

    Thresholds come from ct.toml [check] or pyproject.toml [tool.ct.check]; flags override.
    """
    from ..check import Checker, apply_overrides, load_config, parse_assignments
    from ..parallel import default_jobs, map_ordered
    from ..stats import batches

    config = load_config(Path.cwd(), config_file)
    flags: dict[str, object] = parse_assignments(settings or [])
    if min_doc_tokens is not None:
        flags["min_doc_tokens"] = min_doc_tokens
    if languages is not None:
        flags["allowed_languages"] = languages
    if require:
        flags["required_fields"] = require
    config = apply_overrides(config, flags, where="flags")
    reader = open_reader(inputs, on_error, quiet)
    checker = Checker(config)
    records = batches(console.progress(reader, "checking"))
    for inspected in map_ordered(checker.inspect, records, jobs or default_jobs(), 1):
        checker.merge(inspected)
    report = checker.report()
    {
        FormatChoice.text: _print_text,
        FormatChoice.json: _print_json,
        FormatChoice.junit: _print_junit,
        FormatChoice.github: _print_github,
    }[output_format](report)
    finish(reader, failed=not report.passed)


def _print_text(report: Report) -> None:
    verdict = "PASS" if report.passed else "FAIL"
    if console.stdout_is_terminal():
        from rich.console import Console
        from rich.markup import escape as escape_markup
        from rich.table import Table

        table = Table("", "check", "value", "threshold", "finding", box=None)
        for item in report.checks:
            mark = "[green]✓[/]" if item.passed else "[red]✗[/]"
            table.add_row(
                mark,
                item.name,
                _shown(item.value),
                _shown(item.threshold),
                escape_markup(item.message),
            )
        out = Console(highlight=False)
        out.print(table)
        _print_findings(report, lambda line: out.print(line, markup=False))
        colour = "green" if report.passed else "red"
        out.print(f"[bold {colour}]{verdict}[/]: {report.documents} documents")
        return
    for item in report.checks:
        print(f"{'ok  ' if item.passed else 'FAIL'} {item.name}: {item.message}")
    _print_findings(report, print)
    print(f"{verdict}: {report.documents} documents, {len(report.to_json()['failed'])} failed")


def _print_findings(report: Report, emit) -> None:
    for item in report.checks:
        for finding in item.findings[:10]:
            emit(f"  {finding.file}:{finding.line}: {item.name}: {finding.message}")
        if item.findings_total > 10:
            emit(f"  … {item.findings_total - 10} more for {item.name}")


def _shown(value: object) -> str:
    if isinstance(value, float):
        return f"{value:.2%}"
    if isinstance(value, list):
        return ",".join(value)
    return str(value)


def _print_json(report: Report) -> None:
    print(json.dumps(report.to_json(), ensure_ascii=False, indent=2))


def _print_junit(report: Report) -> None:
    """One <testcase> per check; a failed check lists its worst documents in the failure."""
    from xml.sax.saxutils import escape, quoteattr  # imports urllib: 20 ms, only for JUnit

    failures = sum(not item.passed for item in report.checks)
    lines = [
        '<?xml version="1.0" encoding="UTF-8"?>',
        f'<testsuite name="ct check" tests="{len(report.checks)}" failures="{failures}" '
        f'errors="0">',
    ]
    for item in report.checks:
        lines.append(f'  <testcase classname="ct.check" name={quoteattr(item.name)}>')
        if not item.passed:
            detail = "\n".join(
                f"{finding.file}:{finding.line}: {finding.message}" for finding in item.findings
            )
            lines.append(
                f"    <failure message={quoteattr(item.message)}>{escape(detail)}</failure>"
            )
        lines.append("  </testcase>")
    lines.append("</testsuite>")
    print("\n".join(lines))


def _print_github(report: Report) -> None:
    """GitHub workflow commands: one ::error per offending document, one per failed check."""
    for item in report.checks:
        if item.passed:
            continue
        for finding in item.findings:
            message = _github_escape(f"{item.name}: {finding.message}")
            where = f"file={_github_property(finding.file)},line={finding.line}"
            print(f"::error {where}::{message}")
        print(f"::error title=ct check {item.name}::{_github_escape(item.message)}")
    verdict = "passed" if report.passed else "failed"
    print(f"::notice title=ct check::{verdict} on {report.documents} documents")


def _github_escape(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _github_property(text: str) -> str:
    """Property values (the file path) must also escape the separators ``:`` and ``,``."""
    return _github_escape(text).replace(":", "%3A").replace(",", "%2C")
