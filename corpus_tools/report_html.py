"""``ct stats --html``: one self-contained page of charts (inline SVG, no script, no network).

Plain SVG generated here keeps the page viewable offline, in a CI artifact or attached to an
e-mail, with nothing to fetch and nothing to run.
"""

from __future__ import annotations

from html import escape
from typing import Any

from .stats import length_bin_label

BAR_COLOUR = "#3b6ea5"
NOISE_COLOURS = ("#d1495b", "#edae49", "#00798c", "#30638e", "#6a4c93")
CHART_WIDTH = 720
LABEL_WIDTH = 220


def render_html(stats: dict[str, Any], title: str = "ct stats") -> str:
    """The whole page: headline figures, then one chart per figure ct stats reports."""
    sections = [
        _figures_table(stats),
        _section(
            "Document length (tokens)",
            _vertical_bars(
                [(length_bin_label(b), b["documents"]) for b in stats["length"]["histogram"]],
                "length-histogram",
            ),
        ),
        _section(
            "Documents per month",
            _vertical_bars(list(stats["dates"]["per_month"].items()), "documents-per-month")
            if stats["dates"]["per_month"]
            else "<p>No document carries a date.</p>",
        ),
        _section("Noise indicators and duplicate share per site", _site_chart(stats)),
        _section("Languages", _horizontal_bars(list(stats["languages"].items()), "languages")),
        _section("Top names", _horizontal_bars(stats["top_names"], "top-names")),
        _section("Top words", _horizontal_bars(stats["top_words"], "top-words")),
    ]
    return (
        "<!DOCTYPE html>\n<html lang='en'><head><meta charset='utf-8'>"
        f"<title>{escape(title)}</title><style>{_CSS}</style></head><body>"
        f"<h1>{escape(title)}</h1>" + "".join(sections) + "</body></html>\n"
    )


_CSS = (
    "body{font-family:system-ui,sans-serif;margin:2em auto;max-width:760px;color:#222}"
    "h2{font-size:1.1em;margin-top:2em}table{border-collapse:collapse}"
    "td,th{padding:2px 12px;text-align:left}td.n{text-align:right}"
    "svg text{font-size:11px;fill:#222}"
)


def _section(heading: str, body: str) -> str:
    return f"<section><h2>{escape(heading)}</h2>{body}</section>"


def _figures_table(stats: dict[str, Any]) -> str:
    dups = stats["duplicates"]
    dates = stats["dates"]
    rows = [
        ("documents", f"{stats['documents']:,}"),
        ("tokens", f"{stats['tokens']:,}"),
        ("characters", f"{stats['characters']:,}"),
        ("lines", f"{stats['lines']:,}"),
        ("mean length", f"{stats['length']['mean']} tokens"),
        ("exact duplicates", f"{dups['exact']:,} ({dups['exact_share']:.1%})"),
        ("near duplicates", f"{dups['near']:,} ({dups['near_share']:.1%})"),
        ("months", f"{dates['first_month'] or '–'} … {dates['last_month'] or '–'}"),
    ]
    rows += [(name.replace("_", " "), f"{value:.1%}") for name, value in stats["noise"].items()]
    body = "".join(f"<tr><th>{escape(k)}</th><td class='n'>{escape(v)}</td></tr>" for k, v in rows)
    return f"<table class='figures'>{body}</table>"


def _vertical_bars(items: list[tuple[str, int]], chart_id: str) -> str:
    height, top, bottom = 200, 16, 40
    peak = max((value for _, value in items), default=0) or 1
    slot = CHART_WIDTH / max(len(items), 1)
    parts = []
    for index, (label, value) in enumerate(items):
        bar = (height - top - bottom) * value / peak
        x = index * slot + slot * 0.1
        y = height - bottom - bar
        parts.append(
            f"<rect x='{x:.1f}' y='{y:.1f}' width='{slot * 0.8:.1f}' height='{bar:.1f}' "
            f"fill='{BAR_COLOUR}'><title>{escape(str(label))}: {value}</title></rect>"
            f"<text x='{x + slot * 0.4:.1f}' y='{y - 3:.1f}' text-anchor='middle'>{value}</text>"
            f"<text x='{x + slot * 0.4:.1f}' y='{height - bottom + 14}' text-anchor='middle'>"
            f"{escape(str(label))}</text>"
        )
    return _svg(chart_id, CHART_WIDTH, height, "".join(parts))


def _horizontal_bars(items: list, chart_id: str, share: bool = False) -> str:
    if not items:
        return "<p>None.</p>"
    row = 20
    peak = max(value for _, value in items) or 1
    span = CHART_WIDTH - LABEL_WIDTH - 60
    parts = []
    for index, (label, value) in enumerate(items):
        y = index * row
        width = span * value / peak
        shown = f"{value:.1%}" if share else f"{value:,}"
        parts.append(
            f"<text x='{LABEL_WIDTH - 6}' y='{y + 14}' text-anchor='end'>"
            f"{escape(str(label))[:40]}</text>"
            f"<rect x='{LABEL_WIDTH}' y='{y + 3}' width='{width:.1f}' height='{row - 6}' "
            f"fill='{BAR_COLOUR}'><title>{escape(str(label))}: {shown}</title></rect>"
            f"<text x='{LABEL_WIDTH + width + 4:.1f}' y='{y + 14}'>{shown}</text>"
        )
    return _svg(chart_id, CHART_WIDTH, row * len(items) + 4, "".join(parts))


def _site_chart(stats: dict[str, Any]) -> str:
    """One group of bars per site: each noise share and the duplicate share, on one 0-100% axis."""
    sites = stats.get("groups", {}).get("site") or {"all documents": stats}
    series = [*stats["noise"], "duplicate_share"]
    row = 14
    group = row * len(series) + 12
    span = CHART_WIDTH - LABEL_WIDTH - 60
    parts = []
    for site_index, (site, figures) in enumerate(list(sites.items())[:20]):
        values = dict(figures["noise"])
        dups = figures["duplicates"]
        values["duplicate_share"] = dups["exact_share"] + dups["near_share"]
        base = site_index * group
        parts.append(
            f"<text x='{LABEL_WIDTH - 6}' y='{base + 12}' text-anchor='end'>"
            f"{escape(site)[:36]} ({figures['documents']})</text>"
        )
        for index, name in enumerate(series):
            y = base + index * row
            width = span * min(values[name], 1.0)
            colour = NOISE_COLOURS[index % len(NOISE_COLOURS)] if index < 5 else "#777"
            parts.append(
                f"<rect class='{name}' x='{LABEL_WIDTH}' y='{y + 2}' width='{width:.1f}' "
                f"height='{row - 3}' fill='{colour}'><title>{escape(site)} "
                f"{name}: {values[name]:.1%}</title></rect>"
                f"<text x='{LABEL_WIDTH + width + 4:.1f}' y='{y + 11}'>"
                f"{name.replace('_', ' ')} {values[name]:.1%}</text>"
            )
    return _svg("site-noise", CHART_WIDTH, group * min(len(sites), 20), "".join(parts))


def _svg(chart_id: str, width: float, height: float, body: str) -> str:
    return (
        f"<svg id='{chart_id}' xmlns='http://www.w3.org/2000/svg' width='{width:.0f}' "
        f"height='{height:.0f}' viewBox='0 0 {width:.0f} {height:.0f}' role='img'>{body}</svg>"
    )
