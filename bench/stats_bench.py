"""Throughput of ``ct stats``: the whole command timed, start-up included, warm page cache.

Builds a JSONL corpus of real news pages (gold and noisy text of the boilerplate dev set,
repeated with a distinguishing line until it reaches --mb megabytes), then times
``python -m corpus_tools stats FILE --json`` a few times and prints the best and median MB/s
and the peak resident memory of the child.

    python bench/stats_bench.py [--mb 50] [--runs 3]
"""

from __future__ import annotations

import argparse
import json
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


def time_run(corpus: Path) -> float:
    start = time.perf_counter()
    subprocess.run(
        [sys.executable, "-m", "corpus_tools", "stats", str(corpus), "--json"],
        cwd=ROOT,
        check=True,
        stdout=subprocess.DEVNULL,
    )
    return time.perf_counter() - start


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--mb", type=float, default=50)
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        corpus = Path(tmp) / "corpus.jsonl"
        size = build_corpus(corpus, args.mb)
        time_run(corpus)  # warm the page cache
        times = [time_run(corpus) for _ in range(args.runs)]
    peak_mib = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    mb = size / 1e6
    print(f"corpus: {mb:.1f} MB JSONL")
    best, median = mb / min(times), mb / statistics.median(times)
    print(f"ct stats --json: best {best:.1f} MB/s, median {median:.1f} MB/s")
    print(f"times: {', '.join(f'{t:.2f}s' for t in times)}; peak RSS {peak_mib:.0f} MiB")


if __name__ == "__main__":
    main()
