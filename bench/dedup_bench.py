"""Quality and speed of `ct dedup`, next to datasketch's MinHashLSH, plus a large synthetic run.

Labelled benchmark: every gold article of ../shared/eval/boilerplate/dev.jsonl starts a family
of copies (exact, re-posted with another site's menu lines, lightly edited, truncated to 70 %,
all three), and hard negatives are added as singletons: a new article that opens with another
article's lead, and short templated notes (weather, exchange rates, road accidents) that differ
only in numbers and places. Pair precision / recall / F1 count pairs of documents put in the same
cluster. Both tools see the same records in memory and run on one core, with the same shingles
(5 words), permutations (128) and threshold.

    pip install datasketch                    # benchmark only
    python bench/dedup_bench.py               # labelled benchmark (both tools)
    python bench/dedup_bench.py --synthetic 1000000 --jobs 2  # CLI run: time and peak memory

The synthetic corpus is written once under bench/out/ (about 3 GB for a million documents).
"""

from __future__ import annotations

import argparse
import itertools
import json
import random
import resource
import subprocess
import sys
import time
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from corpus_tools.dedup import Deduplicator, MatchPolicy, MinHashParams  # noqa: E402
from corpus_tools.dedup.minhash import words_of  # noqa: E402

OUT = ROOT / "bench" / "out"
DEV = ROOT.parent / "shared" / "eval" / "boilerplate" / "dev.jsonl"
CITIES = ["Алматы", "Астана", "Шымкент", "Караганда", "Актобе", "Тараз", "Павлодар", "Атырау"]
ROADS = ["Алматы – Бишкек", "Астана – Караганда", "Шымкент – Тараз", "Атырау – Актобе"]


# --------------------------------------------------------------------------- data


def load_dev() -> list[dict]:
    return [json.loads(line) for line in DEV.open(encoding="utf-8")]


def shingle_set(text: str) -> set[bytes]:
    words = words_of(text)
    return {b" ".join(words[i : i + 5]) for i in range(max(1, len(words) - 4))}


def distinct_articles(rows: list[dict]) -> list[dict]:
    """Drop gold articles that overlap an earlier one (dev.jsonl has the same story scraped
    from several sites): exact shingle containment over 0.3 makes the later one a duplicate."""
    kept: list[tuple[dict, set[bytes]]] = []
    for row in rows:
        shingles = shingle_set(row["gold_text"])
        if all(len(shingles & other) <= 0.3 * min(len(shingles), len(other)) for _, other in kept):
            kept.append((row, shingles))
    return [row for row, _ in kept]


def lead_of(text: str) -> str:
    """The first paragraph of at least 25 words (a title line is not a lead)."""
    paragraphs = [p for p in text.split("\n") if len(p.split()) >= 25]
    return paragraphs[0] if paragraphs else text


def menu_lines(rows: list[dict], rng: random.Random) -> list[str]:
    """Short lines of another site's noisy page: its menus, tickers and footers."""
    page = rows[rng.randrange(len(rows))]["noisy_text"].split("\n")
    short = [line for line in page if 0 < len(line.strip()) < 60]
    return rng.sample(short, min(len(short), rng.randint(6, 20)))


def light_edit(text: str, rng: random.Random) -> str:
    """Change about 3 % of the words: drop, repeat or swap neighbours; tweak punctuation."""
    words = text.split(" ")
    for _ in range(max(1, len(words) // 33)):
        i = rng.randrange(len(words))
        action = rng.randrange(3)
        if action == 0 and len(words) > 10:
            del words[i]
        elif action == 1:
            words.insert(i, words[i])
        elif i + 1 < len(words):
            words[i], words[i + 1] = words[i + 1], words[i]
    return " ".join(words).replace(" — ", " - ")


def truncate(text: str, share: float = 0.7) -> str:
    words = text.split(" ")
    return " ".join(words[: int(len(words) * share)])


def repost(text: str, rows: list[dict], rng: random.Random) -> str:
    top, bottom = menu_lines(rows, rng), menu_lines(rows, rng)
    return "\n".join([*top[: len(top) // 2], text, *bottom[len(bottom) // 2 :]])


def templated(rng: random.Random, number: int) -> str:
    kind = number % 3
    if kind == 0:
        city = rng.choice(CITIES)
        day, high, low = rng.randint(1, 28), rng.randint(-20, 35), rng.randint(-30, 20)
        return (
            f"Погода в городе {city} на {day} мая. Днём воздух прогреется до {high} градусов, "
            f"ночью до {low}. Ветер северо-западный, {rng.randint(1, 15)} м/с. Синоптики "
            "РГП Казгидромет предупреждают о возможном ухудшении погодных условий."
        )
    if kind == 1:
        usd = rng.randint(420, 520) + rng.randint(0, 99) / 100
        return (
            f"Курс доллара на {rng.randint(1, 28)} мая составил {usd:.2f} тенге по итогам "
            f"утренней сессии на KASE. Евро торгуется по {usd * 1.08:.2f} тенге, рубль по "
            f"{usd / 90:.2f} тенге. Объём торгов составил {rng.randint(50, 300)} млн долларов."
        )
    return (
        f"ДТП на трассе {rng.choice(ROADS)}: погибли {rng.randint(1, 5)} человека, ещё "
        f"{rng.randint(1, 9)} госпитализированы. Авария произошла на {rng.randint(10, 600)} км "
        "трассы. По предварительным данным, водитель легкового автомобиля выехал на встречную "
        "полосу. Полиция начала досудебное расследование."
    )


def labelled_corpus(seed: int = 7) -> tuple[list[dict], list[int]]:
    """Records and, for each, its family number (singletons get their own)."""
    rng = random.Random(seed)
    rows = distinct_articles([r for r in load_dev() if len(r["gold_text"].split()) >= 80])
    rng.shuffle(rows)
    families: list[list[str]] = []
    quoting = rows[: len(rows) // 10]
    for row in rows[len(rows) // 10 :]:
        text = row["gold_text"]
        copies = [text]
        for variant in rng.sample(range(5), rng.randint(0, 3)):
            if variant == 0:
                copies.append(text.upper() if rng.random() < 0.2 else text.replace("\n", "\n\n"))
            elif variant == 1:
                copies.append(repost(text, rows, rng))
            elif variant == 2:
                copies.append(light_edit(text, rng))
            elif variant == 3:
                copies.append(truncate(text))
            else:
                copies.append(truncate(repost(light_edit(text, rng), rows, rng), 0.8))
        families.append(copies)
    for row in quoting:  # a new article opening with a kept article's lead paragraph
        lead = lead_of(rng.choice(families)[0])
        families.append([lead + "\n" + row["gold_text"]])
    for number in range(300):  # short templated notes, distinct numbers
        note = templated(rng, number)
        families.append([note, note] if number % 10 == 0 else [note])
    records, labels = [], []
    order = [(f, c) for f, copies in enumerate(families) for c in copies]
    rng.shuffle(order)
    for number, (family, text) in enumerate(order):
        records.append({"id": f"d{number}", "text": text, "meta": {}})
        labels.append(family)
    return records, labels


# --------------------------------------------------------------------------- scoring


def pairs_of(clusters: list[list[int]]) -> set[tuple[int, int]]:
    return {pair for group in clusters for pair in itertools.combinations(sorted(group), 2)}


def score(predicted: list[list[int]], labels: list[int]) -> dict[str, float]:
    gold_groups: dict[int, list[int]] = {}
    for number, family in enumerate(labels):
        gold_groups.setdefault(family, []).append(number)
    gold, found = pairs_of(list(gold_groups.values())), pairs_of(predicted)
    hit = len(gold & found)
    precision = hit / len(found) if found else 1.0
    recall = hit / len(gold) if gold else 1.0
    f1 = 2 * precision * recall / (precision + recall) if hit else 0.0
    return {"precision": precision, "recall": recall, "f1": f1, "gold_pairs": len(gold)}


def run_ct(
    records: list[dict], threshold: float, containment: float = 0.8
) -> tuple[list[list[int]], float]:
    started = time.perf_counter()
    policy = MatchPolicy(threshold=threshold, containment=containment)
    dedup = Deduplicator(policy=policy, params=MinHashParams())
    dedup.add_all(records)
    plan = dedup.plan()
    elapsed = time.perf_counter() - started
    return [[c.kept, *c.dropped] for c in plan.clusters.values()], elapsed


def run_datasketch(records: list[dict], threshold: float) -> tuple[list[list[int]], float]:
    from datasketch import MinHash, MinHashLSH

    started = time.perf_counter()
    lsh = MinHashLSH(threshold=threshold, num_perm=128)
    parent = list(range(len(records)))

    def find(x: int) -> int:
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    for number, record in enumerate(records):
        sketch = MinHash(num_perm=128)
        sketch.update_batch(list(shingle_set(record["text"])))
        for other in lsh.query(sketch):
            parent[find(number)] = find(other)
        lsh.insert(number, sketch)
    elapsed = time.perf_counter() - started
    groups: dict[int, list[int]] = {}
    for number in range(len(records)):
        groups.setdefault(find(number), []).append(number)
    return [g for g in groups.values() if len(g) > 1], elapsed


def labelled(threshold: float, containment: float) -> None:
    records, labels = labelled_corpus()
    print(f"labelled corpus: {len(records)} documents, {len(set(labels))} families")
    runners = (
        ("ct dedup", lambda rs: run_ct(rs, threshold, containment)),
        ("datasketch MinHashLSH", lambda rs: run_datasketch(rs, threshold)),
    )
    for name, runner in runners:
        clusters, elapsed = runner([dict(r) for r in records])
        s = score(clusters, labels)
        print(
            f"{name:24} P {s['precision']:.3f}  R {s['recall']:.3f}  F1 {s['f1']:.3f}  "
            f"{len(records) / elapsed:7.0f} docs/s  ({elapsed:.2f}s, gold pairs {s['gold_pairs']})"
        )


# --------------------------------------------------------------------------- synthetic scale


def synthetic_corpus(count: int) -> Path:
    """``count`` ~3 KB documents of random words (10 % near copies); reused when present."""
    path = OUT / f"dedup_synthetic_{count}.jsonl"
    if path.exists():
        return path
    OUT.mkdir(parents=True, exist_ok=True)
    rng = np.random.default_rng(1)
    vocabulary = sorted({w for row in load_dev() for w in row["gold_text"].split()})
    vocab = np.array(vocabulary, dtype=object)
    tmp = path.with_suffix(".tmp")
    with tmp.open("w", encoding="utf-8") as out:
        previous = None
        for number in range(count):
            if previous is not None and number % 10 == 0:
                words = previous[: int(len(previous) * 0.8)]
            else:
                words = list(vocab[rng.integers(0, len(vocab), 240)])
            previous = words
            row = {"id": f"s{number}", "text": " ".join(words)}
            out.write(json.dumps(row, ensure_ascii=False) + "\n")
    tmp.replace(path)
    return path


def synthetic(count: int, jobs: int) -> None:
    """The synthetic corpus through the real CLI: wall time and peak memory."""
    path = synthetic_corpus(count)
    size = path.stat().st_size
    print(f"synthetic: {count} documents, {size / count:.0f} bytes each, {size / 1e9:.2f} GB")
    started = time.perf_counter()
    command = [sys.executable, "-m", "corpus_tools", "dedup", "--jobs", str(jobs), str(path)]
    subprocess.run(command, cwd=ROOT, stdout=subprocess.DEVNULL, check=True)
    elapsed = time.perf_counter() - started
    peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    print(
        f"ct dedup --jobs {jobs}: {elapsed:.1f}s, {count / elapsed:.0f} docs/s, "
        f"{elapsed / count * 1e6:.0f} us/doc, peak RSS of one process {peak:.0f} MiB"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--threshold", type=float, default=0.7)
    parser.add_argument("--containment", type=float, default=0.8, help="ct dedup only")
    parser.add_argument("--synthetic", type=int, default=0, help="documents for the scale run")
    parser.add_argument("--jobs", type=int, default=1)
    args = parser.parse_args()
    if args.synthetic:
        synthetic(args.synthetic, args.jobs)
    else:
        labelled(args.threshold, args.containment)


if __name__ == "__main__":
    main()
