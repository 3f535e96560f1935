"""``ct clean --explain``: the page with every removed line marked by the rule that removed it."""

from __future__ import annotations

import sys

from .page import Page

_WIDTH = 22


def explain_lines(page: Page) -> list[tuple[str | None, str]]:
    """``(rule or None, text)`` for every non-blank unit, in page order."""
    return [(unit.rule, unit.text) for unit in page.units if unit.text]


def explain_page(page: Page, doc_id: str, colour: bool = False) -> None:
    """Plain: ``- [rule] text`` for removed lines, ``+ text`` for kept ones; colour on a tty."""
    if colour:
        from rich.console import Console
        from rich.markup import escape

        console = Console(highlight=False, soft_wrap=True)
        console.print(f"[bold]== {escape(doc_id)}[/]")
        for rule, text in explain_lines(page):
            if rule is None:
                console.print(f"{'':>{_WIDTH}}  {escape(text)}")
            else:
                console.print(f"[red]{rule:>{_WIDTH}}[/]  [dim strike]{escape(text)}[/]")
        for key, value in page.meta.items():
            console.print(f"[cyan]{'meta.' + key:>{_WIDTH}}[/]  {escape(str(value))}")
        return
    out = sys.stdout
    out.write(f"== {doc_id}\n")
    for rule, text in explain_lines(page):
        out.write(f"+ {text}\n" if rule is None else f"- [{rule}] {text}\n")
    for key, value in page.meta.items():
        out.write(f"= [meta.{key}] {value}\n")
