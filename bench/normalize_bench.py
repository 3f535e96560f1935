"""Benchmark ``ct normalize``: accuracy on the hand-collected tables, speed on real text.

    pip install -e '.[bench]'        # dateparser, for the comparison only
    python bench/normalize_bench.py  # prints the figures that go into docs/benchmarks.md

Dates (bench/data/dates.tsv): a row counts as right when a mention overlapping the expression
has exactly the expected value ("-" rows: no mention may overlap; "unresolved": the mention has
no value). dateparser's ``search_dates`` is scored leniently: its datetime only has to agree
with the expected value up to the expected precision (it cannot express ranges, year-less or
unresolved dates, so those rows count against it).

Names (bench/data/names.tsv): right when a mention overlapping the surface has the expected
canonical form ("-" rows: no mention may overlap).
"""

from __future__ import annotations

import argparse
import collections
import json
import sys
import time
import warnings
from datetime import datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from corpus_tools.normalize import Normalizer  # noqa: E402
from corpus_tools.normalize.dates import DateFinder  # noqa: E402
from corpus_tools.normalize.names import NameMatcher  # noqa: E402

DATA = ROOT / "bench" / "data"
DEV = Path("/work/shared/eval/boilerplate/dev.jsonl")


def read_table(path: Path) -> list[dict[str, str]]:
    lines = [line for line in path.read_text("utf-8").splitlines() if not line.startswith("#")]
    header = lines[0].split("\t")
    rows = []
    for line in lines[1:]:
        row = dict(zip(header, line.split("\t"), strict=True))
        row["text"] = row["text"].replace("\\n", "\n")
        rows.append(row)
    return rows


def overlaps(a: tuple[int, int], b: tuple[int, int]) -> bool:
    return a[0] < b[1] and b[0] < a[1]


def score_ours(row: dict[str, str], mentions: list) -> bool:
    start = row["text"].index(row["expression"])
    span = (start, start + len(row["expression"]))
    hits = [m for m in mentions if overlaps((m.start, m.end), span)]
    if row["expected"] == "-":
        return not hits
    if row["expected"] == "unresolved":
        return any(m.value is None for m in hits)
    return any(m.value == row["expected"] for m in hits)


def score_dateparser(row: dict[str, str], found: list[tuple[str, datetime]]) -> bool:
    text, expected = row["text"], row["expected"]
    start = text.index(row["expression"])
    span = (start, start + len(row["expression"]))
    hits = []
    cursor = 0
    for surface, value in found:
        at = text.find(surface, cursor)
        if at < 0:
            at = text.find(surface)
        if at >= 0:
            cursor = at + len(surface)
            if overlaps((at, at + len(surface)), span):
                hits.append(value)
    if expected == "-":
        return not hits
    if expected == "unresolved" or "/" in expected:
        return False
    if expected.startswith("--"):
        return any(v.strftime("--%m-%d") == expected for v in hits)
    return any(v.isoformat()[: len(expected)] == expected for v in hits)


def bench_dates(rows: list[dict[str, str]], with_dateparser: bool) -> None:
    totals = collections.Counter()
    right = collections.Counter()
    right_dp = collections.Counter()
    ours_time = dp_time = 0.0
    found_ours = 0
    search_dates = None
    if with_dateparser:
        from dateparser.search import search_dates

        for lang in ("ru", "kk", "en"):  # load its language data outside the timing
            search_dates("5 января 2012, 5 қаңтар 2012, January 5 2012", languages=[lang])

    for row in rows:
        lang = row["lang"]
        doc_date = None if row["doc_date"] == "-" else row["doc_date"]
        totals[lang] += 1
        t0 = time.perf_counter()
        mentions = DateFinder(lang, doc_date).find(row["text"])
        ours_time += time.perf_counter() - t0
        found_ours += len(mentions)
        right[lang] += score_ours(row, mentions)
        if search_dates is not None:
            settings = {"RELATIVE_BASE": datetime.fromisoformat(doc_date)} if doc_date else {}
            t0 = time.perf_counter()
            with warnings.catch_warnings():
                warnings.simplefilter("ignore")
                found = search_dates(row["text"], languages=[lang], settings=settings) or []
            dp_time += time.perf_counter() - t0
            right_dp[lang] += score_dateparser(row, found)
    print(f"dates table: {sum(totals.values())} rows")
    print("lang  rows  ct-normalize  dateparser.search_dates")
    for lang in ("ru", "kk", "en"):
        dp = f"{right_dp[lang] / totals[lang]:.1%}" if search_dates else "n/a"
        print(f"{lang:4} {totals[lang]:5}  {right[lang] / totals[lang]:12.1%}  {dp:>10}")
    all_rows = sum(totals.values())
    dp_all = f"{sum(right_dp.values()) / all_rows:.1%}" if search_dates else "n/a"
    print(f"all  {all_rows:5}  {sum(right.values()) / all_rows:12.1%}  {dp_all:>10}")
    print(f"time on the table: ct {ours_time * 1000:.1f} ms", end="")
    if search_dates:
        print(f", dateparser {dp_time * 1000:.0f} ms, ratio {dp_time / ours_time:.0f}x")
        running_text_speed(search_dates)
    else:
        print()


def running_text_speed(search_dates, count: int = 40) -> None:
    """Both tools on whole articles (the dev set's first ru/en gold texts), not sentences."""
    if not DEV.exists():
        return
    docs = [json.loads(line) for line in DEV.open(encoding="utf-8")]
    docs = [d for d in docs if d["lang"] in ("ru", "en")][:count]
    chars = sum(len(d["gold_text"]) for d in docs)
    t0 = time.perf_counter()
    ours = sum(len(DateFinder(d["lang"]).find(d["gold_text"])) for d in docs)
    ours_time = time.perf_counter() - t0
    t0 = time.perf_counter()
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        theirs = sum(len(search_dates(d["gold_text"], languages=[d["lang"]]) or []) for d in docs)
    dp_time = time.perf_counter() - t0
    print(
        f"{len(docs)} whole articles, {chars} chars: ct {ours_time * 1000:.0f} ms ({ours} dates), "
        f"dateparser {dp_time * 1000:.0f} ms ({theirs} dates), ratio {dp_time / ours_time:.0f}x"
    )


def bench_names(rows: list[dict[str, str]]) -> None:
    matcher = NameMatcher()
    totals = collections.Counter()
    right = collections.Counter()
    misses = []
    for row in rows:
        text = row["text"]
        start = text.index(row["mention"])
        span = (start, start + len(row["mention"]))
        hits = [m for m in matcher.find(text) if overlaps((m.start, m.end), span)]
        ok = (
            not hits
            if row["expected"] == "-"
            else any(m.canonical == row["expected"] for m in hits)
        )
        totals[row["lang"]] += 1
        right[row["lang"]] += ok
        if not ok:
            misses.append((row["mention"], row["expected"], [m.canonical for m in hits]))
    print(f"names table: {sum(totals.values())} rows")
    for lang in ("ru", "kk", "en"):
        if totals[lang]:
            print(f"{lang:4} {totals[lang]:5}  {right[lang] / totals[lang]:.1%}")
    print(f"all  {sum(totals.values()):5}  {sum(right.values()) / sum(totals.values()):.1%}")
    if "-v" in sys.argv:
        for miss in misses:
            print("  miss:", miss)


def bench_speed(repeat: int) -> None:
    texts = [p.read_text("utf-8") for p in sorted((ROOT / "corpus").glob("*.txt"))]
    chars = sum(map(len, texts))
    finder_ru = DateFinder("ru", "2024-12-11")
    matcher = NameMatcher()
    matcher.find("Токаев")  # load pymorphy3 outside the timing
    t0 = time.perf_counter()
    n_dates = sum(len(finder_ru.find(t)) for _ in range(repeat) for t in texts)
    dates_s = time.perf_counter() - t0
    t0 = time.perf_counter()
    n_names = sum(len(matcher.find(t)) for _ in range(repeat) for t in texts)
    names_s = time.perf_counter() - t0
    mb = chars * repeat / 1e6
    print(f"sample corpus: {len(texts)} docs, {chars} chars, x{repeat}")
    print(f"  dates: {n_dates / dates_s:,.0f} dates/s, {mb / dates_s:.1f} M chars/s")
    print(f"  names: {n_names / names_s:,.0f} names/s, {mb / names_s:.2f} M chars/s")
    if DEV.exists():
        docs = [json.loads(line) for line in DEV.open(encoding="utf-8")]
        docs = [d for d in docs if d["lang"] in ("ru", "en")]
        normalizer = Normalizer()
        chars = sum(len(d["gold_text"]) for d in docs)
        t0 = time.perf_counter()
        n_dates = n_names = 0
        for d in docs:
            record = normalizer.normalize(
                {"id": d["id"], "text": d["gold_text"], "lang": d["lang"]}
            )
            n_dates += len(record["meta"]["dates"])
            n_names += len(record["meta"]["names"])
        seconds = time.perf_counter() - t0
        print(f"dev ru+en gold texts: {len(docs)} docs, {chars / 1e6:.2f} M chars")
        print(
            f"  full normalize: {len(docs) / seconds:,.0f} docs/s, {chars / 1e6 / seconds:.2f} M "
            f"chars/s ({n_dates} dates, {n_names} names)"
        )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--no-dateparser", action="store_true")
    parser.add_argument("--repeat", type=int, default=20)
    parser.add_argument("-v", action="store_true", help="list the names table misses")
    args = parser.parse_args()
    bench_dates(read_table(DATA / "dates.tsv"), not args.no_dateparser)
    names = DATA / "names.tsv"
    if names.exists():
        bench_names(read_table(names))
    bench_speed(args.repeat)


if __name__ == "__main__":
    main()
