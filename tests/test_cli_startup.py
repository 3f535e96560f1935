"""Start-up: a subcommand imports its own module only, and rich only for a terminal."""

from __future__ import annotations

import subprocess
import sys

from corpus_tools.cli import COMMAND_MODULES

from .conftest import ROOT


def test_every_subcommand_module_is_registered_by_name():
    modules = {p.stem for p in (ROOT / "corpus_tools" / "cli").glob("*.py")}
    assert modules - {"__init__", "app", "common", "indexed"} == set(COMMAND_MODULES.values())


def run_and_list_modules(argv: list[str], prefixes: tuple[str, ...]) -> tuple[str, list[str]]:
    """Run ``ct ARGV`` in a fresh interpreter; its stdout and the loaded modules that start with
    one of ``prefixes``."""
    script = (
        "import sys\n"
        f"sys.argv = {['ct', *argv]!r}\n"
        "from corpus_tools.cli import main\n"
        "try:\n    main()\nexcept SystemExit:\n    pass\n"
        f"loaded = [m for m in sys.modules if m.startswith({prefixes!r})]\n"
        "print(' '.join(sorted(loaded)), file=sys.stderr)\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, cwd=ROOT
    )
    return result.stdout, result.stderr.split()


def test_a_piped_search_imports_neither_other_subcommands_nor_rich(tmp_path):
    corpus = tmp_path / "a.jsonl"
    corpus.write_text('{"id": "a", "text": "Астана"}\n', "utf-8")
    out, loaded = run_and_list_modules(
        ["search", "-l", "Астана", str(corpus)], ("corpus_tools.cli.", "rich")
    )
    assert out == "a\n"
    assert loaded == ["corpus_tools.cli.app", "corpus_tools.cli.common", "corpus_tools.cli.search"]


def test_an_index_query_imports_neither_the_scanner_nor_typer(tmp_path):
    index = tmp_path / "a.db"
    corpus = tmp_path / "a.jsonl"
    corpus.write_text('{"id": "a", "text": "Президент Тоқаев"}\n', "utf-8")
    subprocess.run(
        [sys.executable, "-m", "corpus_tools", "index", "build", str(corpus), "-o", str(index)],
        check=True,
        capture_output=True,
        cwd=ROOT,
    )
    out, loaded = run_and_list_modules(
        ["search", "--index", str(index), "-l", "Токаев"], ("corpus_tools.search", "typer", "click")
    )
    assert out == "a\n"
    assert loaded == ["corpus_tools.search", "corpus_tools.search.names"]
    # What the fast path does not parse itself goes to Typer, which explains it.
    out, loaded = run_and_list_modules(
        ["search", "--index", str(index), "--limit", "0", "x"], ("typer",)
    )
    assert "typer" in loaded


def test_version_loads_no_subcommand():
    out, loaded = run_and_list_modules(["--version"], ("corpus_tools.cli.",))
    assert out.startswith("ct ")
    assert loaded == ["corpus_tools.cli.app"]
