"""Does `ct check` with its default thresholds pass clean text and fail raw pages?

Runs the gate on four corpora and prints each figure next to its limit:
the raw pages of corpus/, the same pages after `ct clean`, and, when ../shared is present, the
human gold texts and the raw (noisy) texts of the 569 dev pages.

    python bench/check_calibration.py
"""

from __future__ import annotations

import json
from pathlib import Path

from corpus_tools.check import DEFAULTS, run_checks
from corpus_tools.clean import Cleaner
from corpus_tools.io import read_records

ROOT = Path(__file__).resolve().parent.parent
DEV = ROOT.parent / "shared" / "eval" / "boilerplate" / "dev.jsonl"


def corpora() -> dict[str, list[dict]]:
    raw = list(read_records([str(ROOT / "corpus")]))
    found = {
        "corpus/ raw pages": raw,
        "corpus/ after ct clean": [Cleaner().clean(dict(r, meta={})) for r in raw],
    }
    if DEV.exists():
        rows = [json.loads(line) for line in DEV.open(encoding="utf-8")]
        found["dev gold text"] = [{"id": r["id"], "text": r["gold_text"]} for r in rows]
        found["dev noisy pages"] = [{"id": r["id"], "text": r["noisy_text"]} for r in rows]
    return found


def main() -> None:
    for name, records in corpora().items():
        report = run_checks(records, dict(DEFAULTS))
        figures = ", ".join(
            f"{r.name}={r.value:.3f}{'' if r.passed else ' FAIL'}" for r in report.results
        )
        print(f"{name:24} {'PASS' if report.passed else 'FAIL'}  ({len(records)} docs) {figures}")


if __name__ == "__main__":
    main()
