"""Measure the ``ct check`` defaults on the four corpora they were calibrated on.

Must FAIL: the raw scraped pages in corpus/ and the noisy_text of the boilerplate dev set.
Must PASS: the gold_text of the dev set (human-cleaned articles) and ``ct clean corpus/``.

    python bench/check_calibration.py [--dev /work/shared/eval/boilerplate/dev.jsonl]
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
from pathlib import Path

from corpus_tools.check import DEFAULTS, check_records
from corpus_tools.io import read_records

ROOT = Path(__file__).resolve().parent.parent


def dev_records(path: Path, field: str) -> list[dict]:
    records = []
    with path.open(encoding="utf-8") as handle:
        for line in handle:
            page = json.loads(line)
            meta = {"source": f"{path.name}:{page['id']}", "site": page["site"]}
            records.append({"id": page["id"], "text": page[field], "meta": meta})
    return records


def cleaned_corpus() -> list[dict]:
    out = subprocess.run(
        [sys.executable, "-m", "corpus_tools", "clean", str(ROOT / "corpus")],
        capture_output=True,
        text=True,
        check=True,
        cwd=ROOT,
    ).stdout
    return [json.loads(line) for line in out.splitlines()]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--dev", type=Path, default=Path("/work/shared/eval/boilerplate/dev.jsonl"))
    args = parser.parse_args()
    corpora = {
        "corpus/ raw pages (expect FAIL)": list(read_records([str(ROOT / "corpus")])),
        "dev noisy_text (expect FAIL)": dev_records(args.dev, "noisy_text"),
        "dev gold_text (expect PASS)": dev_records(args.dev, "gold_text"),
        "ct clean corpus/ (expect PASS)": cleaned_corpus(),
    }
    names = [check for check in DEFAULTS if not isinstance(DEFAULTS[check], list)]
    names.remove("min_doc_tokens")
    print("| corpus | docs | result | " + " | ".join(names) + " |")
    print("|---" * (len(names) + 3) + "|")
    for label, records in corpora.items():
        report = check_records(records)
        values = {check.name: check for check in report.checks}
        cells = [f"{values[name].value:.3f}{'' if values[name].passed else ' ✗'}" for name in names]
        verdict = "PASS" if report.passed else "FAIL"
        print(f"| {label} | {report.documents} | {verdict} | " + " | ".join(cells) + " |")
    print("\nthresholds: " + ", ".join(f"{name}={DEFAULTS[name]}" for name in names))
    print("\nEach page checked on its own (a corpus of one document):")
    for label, records in corpora.items():
        failed = sum(not check_records([record]).passed for record in records)
        print(f"  {label}: {failed} of {len(records)} pages fail")


if __name__ == "__main__":
    main()
