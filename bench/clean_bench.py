"""Throughput and peak memory of `ct clean` on a generated corpus.

The corpus is made from the pages in corpus/ (and, when present, the noisy pages of
../shared/eval/boilerplate/dev.jsonl): each document is one page with a random subset of its
lines shuffled in from other pages, written as JSONL shards under bench/out/. The whole command
is timed (start-up included) on one core, and peak memory is read from the child's rusage.

    python bench/clean_bench.py --mb 200          # the figure in docs/benchmarks.md
    python bench/clean_bench.py --mb 20 --mb 100  # memory must stay flat as the corpus grows
"""

from __future__ import annotations

import argparse
import json
import os
import random
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "bench" / "out"
DEV = ROOT.parent / "shared" / "eval" / "boilerplate" / "dev.jsonl"


def source_pages() -> list[tuple[str, str]]:
    pages = [
        ("corpus", p.read_text(encoding="utf-8")) for p in sorted((ROOT / "corpus").glob("*.txt"))
    ]
    if DEV.exists():
        for line in DEV.open(encoding="utf-8"):
            row = json.loads(line)
            pages.append((row["site"], row["noisy_text"]))
    return pages


def generate(megabytes: int) -> Path:
    """A JSONL corpus of about ``megabytes`` MB; reused if it already exists."""
    path = OUT / f"clean_{megabytes}mb.jsonl"
    if path.exists():
        return path
    OUT.mkdir(parents=True, exist_ok=True)
    rng = random.Random(megabytes)
    pages = source_pages()
    target = megabytes * 1_000_000
    written = 0
    tmp = path.with_suffix(".tmp")
    with tmp.open("w", encoding="utf-8") as out:
        number = 0
        while written < target:
            site, text = pages[rng.randrange(len(pages))]
            lines = text.split("\n")
            donor = pages[rng.randrange(len(pages))][1].split("\n")
            for _ in range(rng.randrange(5)):
                lines.insert(rng.randrange(len(lines) + 1), donor[rng.randrange(len(donor))])
            row = {"id": f"doc{number}", "site": site, "text": "\n".join(lines)}
            line = json.dumps(row, ensure_ascii=False) + "\n"
            out.write(line)
            written += len(line.encode("utf-8"))
            number += 1
    tmp.replace(path)
    return path


def run(path: Path, args: list[str]) -> tuple[float, float]:
    """Seconds and peak RSS (MiB) of one `ct clean` over the file, output discarded."""
    command = [sys.executable, "-m", "corpus_tools", "clean", "-q", *args, str(path)]
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    start = time.perf_counter()
    child = subprocess.Popen(command, stdout=subprocess.DEVNULL, env=env, cwd=ROOT)
    _, status, usage = os.wait4(child.pid, 0)
    seconds = time.perf_counter() - start
    if status != 0:
        raise SystemExit(f"ct clean failed with status {status}")
    return seconds, usage.ru_maxrss / 1024


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--mb", type=int, action="append", help="corpus size(s) in MB")
    args = parser.parse_args()
    print(f"python {sys.version.split()[0]}, {os.cpu_count()} cores")
    for megabytes in args.mb or [200]:
        path = generate(megabytes)
        size = path.stat().st_size / 1e6
        runs = (
            ("all rules", ["--jobs", "1"]),
            ("no site pass", ["--jobs", "1", "--site-key", "none"]),
            ("--jobs 2", ["--jobs", "2"]),
        )
        for label, extra in runs:
            seconds, peak = run(path, extra)
            print(
                f"{size:7.1f} MB  {label:13}  {seconds:7.1f} s  {size / seconds:5.2f} MB/s  "
                f"peak {peak:6.0f} MiB"
            )


if __name__ == "__main__":
    main()
