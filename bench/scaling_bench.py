"""Scaling of `ct clean`, `ct dedup` and `ct run` with processes, and the per-document costs
that size a distributed run.

`clean` runs on clean_bench's generated corpus (real pages from corpus/ and the dev set, lines
shuffled in from other pages); `dedup` on dedup_bench's synthetic one (~3 KB documents, 10 % near
copies), whose duplicate rate is closer to a real archive's. Every command is timed whole
(start-up included), with its CPU time (user + system of all its processes) and the peak memory
of its largest process (GNU time's %M).

    python bench/scaling_bench.py                     # the figures in docs/benchmarks.md
    python bench/scaling_bench.py --no-dask           # without the Dask LocalCluster runs
"""

from __future__ import annotations

import argparse
import os
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import numpy as np
from clean_bench import OUT, ROOT, generate
from dedup_bench import synthetic_corpus

from corpus_tools.dedup import Deduplicator
from corpus_tools.dedup.index import band_layout, band_rows, bucket_pairs
from corpus_tools.io import read_records

TIME = ["/usr/bin/time", "-f", "%M", "-o"]  # GNU time: peak RSS in KiB, to a file


def timed(args: list[str]) -> tuple[float, float, float]:
    """(wall seconds, CPU seconds, peak RSS MiB) of one whole command."""
    with tempfile.NamedTemporaryFile("r", suffix=".time") as report:
        before = resource.getrusage(resource.RUSAGE_CHILDREN)
        started = time.perf_counter()
        subprocess.run(
            [*TIME, report.name, sys.executable, "-m", "corpus_tools", *args],
            cwd=ROOT,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
            check=True,
        )
        wall = time.perf_counter() - started
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
        peak_kib = int(report.read().split()[-1])
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return wall, cpu, peak_kib / 1024


def pipeline_file(corpus: Path, per_shard: int, stages: list[str]) -> Path:
    path = OUT / "scaling_pipeline.toml"
    path.write_text(
        f'[input]\npaths = ["{corpus}"]\nrecords_per_shard = {per_shard}\n\n'
        f'[output]\ndir = "{OUT / "scaling_run"}"\n\n'
        + "".join(f'[[stage]]\nrun = "{stage}"\n\n' for stage in stages),
        encoding="utf-8",
    )
    return path


def per_document_costs(corpus: Path, limit: int) -> None:
    """Sketch bytes, shuffle rows and candidate pairs per document, from the library."""
    dedup = Deduplicator()
    records = []
    for number, record in enumerate(read_records([str(corpus)])):
        if number >= limit:
            break
        records.append(record)
    dedup.add_all(records)
    index = dedup.index
    signatures = index.signatures()
    count = len(index)
    short = sum(len(s) * 8 for s in index.short_sets.values()) + sum(
        len(s) * 8 for s in index.short_slots.values()
    )
    sketch = signatures.nbytes + count * (8 + 4 + 8 + 8) + short
    bands, rows = band_layout(128, 0.7)
    docs = np.flatnonzero(np.array(index.sizes) > 0)
    pairs = 0
    for _band, keys in band_rows(signatures, docs, bands):
        first, _other = bucket_pairs(keys, docs)
        pairs += len(first)
    row_bytes = 16 + bands * 24  # exact (hash, doc) + one (band, key, doc) row per band
    print(f"\nper-document costs over {count:,} documents (num_perm 128, threshold 0.7):")
    print(f"  sketch held by its partition: {sketch / count:,.0f} B/doc")
    print(f"  shuffle rows: {row_bytes} B/doc ({bands} bands of {rows} rows + exact hash)")
    print(f"  candidate pairs before dedup of pairs: {pairs / count:.2f} per doc")
    print(f"  pair join: {pairs / count * (512 + 8 + 16):,.0f} B/doc (signature + size + ids)")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--mb", type=int, default=20, help="size of the clean corpus")
    parser.add_argument("--dedup-docs", type=int, default=50_000, help="synthetic dedup corpus")
    parser.add_argument("--no-dask", action="store_true")
    options = parser.parse_args()
    print(
        f"{os.cpu_count()} CPUs; {'command':44} {'wall s':>7} {'CPU s':>7} {'MB/s':>6} {'MiB':>6}"
    )
    engines = [("local", 1), ("local", 2)] + ([] if options.no_dask else [("dask", 2)])
    jobs = {"clean": ["ct clean"], "dedup": ["ct dedup"]}
    for stage, corpus in (
        ("clean", generate(options.mb)),
        ("dedup", synthetic_corpus(options.dedup_docs)),
    ):
        size = corpus.stat().st_size / 1e6
        documents = sum(1 for _ in corpus.open("rb"))
        print(f"\n{stage}: {corpus.name}, {size:.1f} MB, {documents:,} documents")
        timed(["stats", str(corpus), "--top", "0", "-q"])  # warm the page cache

        def show(label: str, figures: tuple[float, float, float], size: float = size) -> None:
            wall, cpu, peak = figures
            print(f"  {label:50} {wall:7.1f} {cpu:7.1f} {size / wall:6.2f} {peak:6.0f}")

        for count in (1, 2):
            show(
                f"{jobs[stage][0]} --jobs {count}",
                timed([stage, str(corpus), "-q", "-j", str(count)]),
            )
        pipeline = pipeline_file(corpus, max(500, documents // 8), [stage])
        for engine, count in engines:
            shutil.rmtree(OUT / "scaling_run", ignore_errors=True)
            shutil.rmtree(OUT / "scaling_run.work", ignore_errors=True)
            args = ["run", str(pipeline), "-q", "--engine", engine, "-j", str(count)]
            show(f"ct run [{stage}] --engine {engine} -j {count}", timed(args))
        if stage == "dedup":
            per_document_costs(corpus, limit=options.dedup_docs)


if __name__ == "__main__":
    main()
