"""ct stats --html: a self-contained page whose charts carry the figures ct stats reports."""

from __future__ import annotations

import json
import shutil
import struct
import subprocess
import zlib
from html.parser import HTMLParser
from pathlib import Path

import pytest

from .conftest import run_ct
from .samples_stats import EN_ARTICLE, RAW_PAGE, RU_ARTICLE, jsonl


class ChartParser(HTMLParser):
    """Collect the svg charts by id, the bars (rects) inside each, and any external reference."""

    def __init__(self) -> None:
        super().__init__()
        self.charts: dict[str, list[dict]] = {}
        self.current: str | None = None
        self.external: list[str] = []
        self.tags: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = dict(attrs)
        self.tags.append(tag)
        for name in ("src", "href"):
            if values.get(name):
                self.external.append(values[name] or "")
        if tag == "svg":
            self.current = values["id"]
            self.charts[self.current] = []
        elif tag == "rect" and self.current:
            self.charts[self.current].append(values)

    def handle_endtag(self, tag: str) -> None:
        if tag == "svg":
            self.current = None


@pytest.fixture
def report(tmp_path: Path) -> tuple[Path, dict]:
    records = [
        {"text": RU_ARTICLE, "url": "https://tengrinews.kz/1", "meta": {"date": "2024-01-05"}},
        {"text": RAW_PAGE, "url": "https://tengrinews.kz/2", "meta": {"date": "2024-02-11"}},
        {"text": EN_ARTICLE, "site": "astanatimes.com", "meta": {"date": "2024-02-12"}},
    ]
    page = tmp_path / "report.html"
    result = run_ct("stats", "--json", "--html", str(page), input=jsonl(records), check=True)
    return page, json.loads(result.stdout)


def test_html_is_self_contained_with_every_chart(report: tuple[Path, dict]) -> None:
    page, stats = report
    parser = ChartParser()
    parser.feed(page.read_text(encoding="utf-8"))
    assert parser.external == []  # no network, no server: nothing to fetch
    assert "script" not in parser.tags
    charts = parser.charts
    assert set(charts) >= {"length-histogram", "documents-per-month", "site-noise", "top-names"}
    assert len(charts["length-histogram"]) == len(stats["length"]["histogram"])
    months = [rect for rect in charts["documents-per-month"]]
    assert len(months) == 2
    heights = [float(rect["height"]) for rect in months]
    assert heights[1] > heights[0]  # February has two documents, January one
    site_bars = [rect["class"] for rect in charts["site-noise"]]
    assert site_bars.count("timestamp_line_share") == 2  # one per site
    assert len(charts["top-names"]) == len(stats["top_names"]) > 0


def test_html_site_noise_bar_lengths_follow_the_figures(report: tuple[Path, dict]) -> None:
    page, _ = report
    parser = ChartParser()
    parser.feed(page.read_text(encoding="utf-8"))
    bars = [r for r in parser.charts["site-noise"] if r["class"] == "timestamp_line_share"]
    noisy_site, clean_site = (float(bar["width"]) for bar in bars)
    assert noisy_site > 0 and clean_site == 0


def _png_is_not_blank(path: Path) -> bool:
    """Decode the PNG's pixels and look for more than one colour (zlib only, no Pillow)."""
    data = path.read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    width, _height, depth, colour_type = struct.unpack(">IIBB", data[16:26])
    chunks, pos = [], 8
    while pos < len(data):
        (length,) = struct.unpack(">I", data[pos : pos + 4])
        kind = data[pos + 4 : pos + 8]
        if kind == b"IDAT":
            chunks.append(data[pos + 8 : pos + 8 + length])
        pos += 12 + length
    raw = zlib.decompress(b"".join(chunks))
    # Filtered scanlines: distinct byte values beyond a handful mean drawn content.
    return depth == 8 and colour_type in (2, 6) and width > 0 and len(set(raw[:400_000])) > 8


@pytest.mark.skipif(shutil.which("chromium") is None, reason="chromium is not installed")
def test_html_renders_in_a_headless_browser(report: tuple[Path, dict], tmp_path: Path) -> None:
    page, _ = report
    shot = tmp_path / "shot.png"
    subprocess.run(
        [
            "chromium",
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--window-size=900,1400",
            f"--screenshot={shot}",
            page.resolve().as_uri(),
        ],
        capture_output=True,
        timeout=120,
        check=True,
    )
    assert _png_is_not_blank(shot)
