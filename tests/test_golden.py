"""Golden before/after files: every page in corpus/ against its hand-checked cleaned text."""

from __future__ import annotations

from pathlib import Path

import pytest

from corpus_tools.clean import clean_text

from .conftest import CORPUS, run_ct

GOLDEN = Path(__file__).parent / "golden"
PAGES = sorted(p for p in CORPUS.glob("*.txt"))


@pytest.mark.parametrize("page", PAGES, ids=lambda p: p.stem)
def test_page_matches_golden_output(page: Path) -> None:
    expected = (GOLDEN / f"{page.stem}.expected.txt").read_text(encoding="utf-8")
    assert clean_text(page.read_text(encoding="utf-8")) == expected


@pytest.mark.parametrize("page", PAGES[:2], ids=lambda p: p.stem)
def test_cli_text_on_stdin_gives_exactly_the_cleaned_text(page: Path) -> None:
    expected = (GOLDEN / f"{page.stem}.expected.txt").read_text(encoding="utf-8")
    result = run_ct("clean", "--text", "-", input=page.read_text(encoding="utf-8"))
    assert result.returncode == 0, result.stderr
    assert result.stdout == expected


def test_every_golden_line_comes_from_its_page() -> None:
    """Cleaning removes and repairs; it never invents text."""
    for page in PAGES:
        source = " ".join(page.read_text(encoding="utf-8").split())
        for line in (GOLDEN / f"{page.stem}.expected.txt").read_text(encoding="utf-8").splitlines():
            assert " ".join(line.split()) in source, (page.name, line)
