"""Throughput of ``ct stats``: the whole command timed, start-up included, warm page cache.

Builds a JSONL corpus of real news pages (gold and noisy text of the boilerplate dev set,
repeated with a distinguishing line until it reaches --mb megabytes), then times
``python -m corpus_tools stats FILE --json`` a few times and prints the best and median MB/s
and the peak resident memory of the child.

    python bench/stats_bench.py [--mb 50] [--runs 3] [--jobs N] [--top N]

CPU time is the command's and its worker processes' together (user + system).
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DEV = Path("/work/shared/eval/boilerplate/dev.jsonl")


def build_corpus(path: Path, megabytes: float) -> int:
    pages = [json.loads(line) for line in DEV.open(encoding="utf-8")]
    target = megabytes * 1e6
    written = 0
    copy = 0
    with path.open("w", encoding="utf-8") as out:
        while written < target:
            for page in pages:
                for field in ("gold_text", "noisy_text"):
                    text = f"{page[field]}\nCopy {copy}."
                    record = {
                        "id": f"{page['id']}-{field}-{copy}",
                        "text": text,
                        "site": page["site"],
                    }
                    line = json.dumps(record, ensure_ascii=False) + "\n"
                    out.write(line)
                    written += len(line.encode("utf-8"))
            copy += 1
    return written


def time_run(corpus: Path, options: list[str]) -> tuple[float, float]:
    """Wall time and CPU time (user + system) of one whole ``ct stats`` run.

    On a shared machine the CPU time says what the command costs; the wall time adds waiting.
    Run from the checkout (``cwd``), ``python -m corpus_tools`` imports this checkout's code.
    """
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    subprocess.run(
        [sys.executable, "-m", "corpus_tools", "stats", str(corpus), "--json", *options],
        cwd=ROOT,
        check=True,
        stdout=subprocess.DEVNULL,
    )
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return wall, cpu


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--mb", type=float, default=50)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--jobs", type=int, help="ct stats --jobs (default: the command's own)")
    parser.add_argument("--top", type=int, help="ct stats --top (default: the command's own)")
    args = parser.parse_args()
    chosen = (("jobs", args.jobs), ("top", args.top))
    options = [f"--{name}={value}" for name, value in chosen if value is not None]
    with tempfile.TemporaryDirectory() as tmp:
        corpus = Path(tmp) / "corpus.jsonl"
        size = build_corpus(corpus, args.mb)
        time_run(corpus, options)  # warm the page cache
        runs = [time_run(corpus, options) for _ in range(args.runs)]
    peak_mib = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    mb = size / 1e6
    walls = [wall for wall, _ in runs]
    cpus = [cpu for _, cpu in runs]
    print(f"corpus: {mb:.1f} MB JSONL; ct stats --json {' '.join(options)}")
    best, median = mb / min(walls), mb / statistics.median(walls)
    print(f"ct stats --json, wall clock: best {best:.1f} MB/s, median {median:.1f} MB/s")
    print(f"ct stats --json, CPU time:   best {mb / min(cpus):.1f} MB/s")
    print("wall: " + ", ".join(f"{t:.2f}s" for t in walls))
    print("cpu:  " + ", ".join(f"{t:.2f}s" for t in cpus))
    print(f"peak RSS {peak_mib:.0f} MiB (largest process); load average {os.getloadavg()[0]:.1f}")


if __name__ == "__main__":
    main()
