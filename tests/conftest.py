"""Shared test helpers: run the real ``ct`` command in a subprocess, as a user's shell would."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT / "corpus"
SEEDS = sorted(CORPUS.glob("0*.txt"))


def run_ct(
    *args: str, input: str | bytes | None = None, cwd: Path | None = None, check: bool = False
) -> subprocess.CompletedProcess[str]:
    data = input.encode("utf-8") if isinstance(input, str) else input
    proc = subprocess.run(
        [sys.executable, "-m", "corpus_tools", *args],
        input=data,
        capture_output=True,
        cwd=cwd or ROOT,
    )
    result = subprocess.CompletedProcess(
        proc.args, proc.returncode, proc.stdout.decode("utf-8"), proc.stderr.decode("utf-8")
    )
    if check and proc.returncode != 0:
        raise AssertionError(f"ct {' '.join(args)} exited {proc.returncode}: {result.stderr}")
    return result


def shell(command: str, cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
    """Run a real shell pipeline with ``ct`` meaning this checkout's package."""
    ct = f"{sys.executable} -m corpus_tools"
    return subprocess.run(
        ["bash", "-o", "pipefail", "-c", command.replace("ct ", f"{ct} ")],
        capture_output=True,
        text=True,
        cwd=cwd or ROOT,
    )


@pytest.fixture
def ct():
    return run_ct
