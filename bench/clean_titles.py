"""How many article titles ``ct clean`` keeps on the dev pages, and how many it records as
``meta.title``.

The scorer of ``../shared/eval/boilerplate`` counts tokens, so losing a title (one short line per
page) barely moves its F1. Here the title is the first line of each page's gold text, counted
when it occurs verbatim in the noisy page; it is kept when the cleaned text has it as a line,
and recorded when ``meta.title`` is that line (spaces and case aside).

    python bench/clean_titles.py            # corpus mode: the whole set through one ct clean -
    python bench/clean_titles.py --per-page # each page on its own (no per-site rule)
"""

from __future__ import annotations

import argparse
import collections
import json
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DEV = Path("/work/shared/eval/boilerplate/dev.jsonl")


def cleaned(rows: list[dict], per_page: bool) -> dict[str, dict]:
    command = [sys.executable, "-m", "corpus_tools", "clean", "-q", "-"]
    if per_page:
        command += ["--site-key", "none"]
    records = "".join(
        json.dumps({"id": r["id"], "site": r["site"], "text": r["noisy_text"]}, ensure_ascii=False)
        + "\n"
        for r in rows
    )
    out = subprocess.run(command, input=records.encode(), capture_output=True, cwd=ROOT, check=True)
    return {d["id"]: d for d in map(json.loads, out.stdout.decode().splitlines())}


def _folded(text: str) -> str:
    return " ".join(text.lower().split())


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--per-page", action="store_true", help="without the per-site rule")
    args = parser.parse_args()
    rows = [json.loads(line) for line in DEV.open(encoding="utf-8")]
    texts = cleaned(rows, args.per_page)
    pages, kept, recorded = collections.Counter(), collections.Counter(), collections.Counter()
    for row in rows:
        gold = [line.strip() for line in row["gold_text"].splitlines() if line.strip()]
        if not gold or gold[0] not in row["noisy_text"]:
            continue
        record = texts[row["id"]]
        pages[row["lang"]] += 1
        kept[row["lang"]] += gold[0] in {line.strip() for line in record["text"].splitlines()}
        recorded[row["lang"]] += _folded(record["meta"].get("title", "")) == _folded(gold[0])
    print("| lang | pages with a findable title | titles kept | meta.title |")
    print("|---|---|---|---|")
    for lang in [*sorted(pages), "all"]:
        total = sum(pages.values()) if lang == "all" else pages[lang]
        count = sum(kept.values()) if lang == "all" else kept[lang]
        titled = sum(recorded.values()) if lang == "all" else recorded[lang]
        shares = f"{count} ({count / total:.0%}) | {titled} ({titled / total:.0%})"
        print(f"| {lang} | {total} | {shares} |")


if __name__ == "__main__":
    main()
