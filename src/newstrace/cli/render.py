"""The readable summary of an analysis, for a person at a terminal (Rich)."""

from __future__ import annotations

import re
from typing import Any

from rich.console import Console
from rich.markup import escape
from rich.panel import Panel
from rich.table import Table

from ..model import Analysis

MAX_ENTITY_ROWS = 15


CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")  # ESC and kin: a terminal would obey them


def printable(text: str) -> str:
    """Control characters replaced one for one (offsets into the text stay right)."""
    return CONTROL.sub("\ufffd", text)


def _display_copy(analysis: Analysis) -> Analysis:
    """The analysis with every string safe to print: no control characters, Rich markup escaped (an
    article's '[/bold]' or '[link=…]' is shown as written). article.text keeps its length: it is sliced."""

    def walk(value: Any, path: str = "") -> Any:
        if isinstance(value, str):
            return printable(value) if path == ".article.text" else escape(printable(value))
        if isinstance(value, list):
            return [walk(v, path) for v in value]
        if isinstance(value, dict):
            return {k: walk(v, f"{path}.{k}") for k, v in value.items()}
        return value

    return Analysis.from_dict(walk(analysis.to_dict()))


def print_summary(analysis: Analysis, console: Console | None = None) -> None:
    """A readable summary on the terminal; article content is printed as text, never as markup."""
    console = console or Console()
    analysis = _display_copy(analysis)
    a = analysis.article
    meta = " · ".join(x for x in (a.outlet, a.published, ", ".join(a.authors)) if x)
    console.print(
        Panel(
            f"[bold]{a.title or '(no title)'}[/bold]\n{meta}\n[dim]{a.source or ''}[/dim]"
            + (f"\n[dim]tags: {', '.join(a.tags)}[/dim]" if a.tags else ""),
            title="newstrace",
        )
    )
    text = a.text
    relays = [v for v in analysis.voices if v.kind == "relay"]
    t = Table(title=f"Voices ({1 + len(relays)})", show_lines=False, expand=True)
    t.add_column("id", style="cyan", no_wrap=True)
    t.add_column("who")
    t.add_column("passage")
    t.add_row("v0", "the article itself", "everything not relayed")
    for v in relays:
        passage = escape(text[v.start : v.end])
        t.add_row(
            v.id,
            f"[bold]{v.outlet}[/bold]" + (f" ({v.date or v.date_text})" if v.date_text else ""),
            f"[dim]{v.intro}[/dim]\n{_short(passage, 160)}",
        )
    console.print(t)
    if analysis.checks:
        t = Table(title=f"For a fact-checker ({len(analysis.checks)})", expand=True)
        t.add_column("check")
        t.add_column("detail")
        for c in analysis.checks:
            t.add_row(c.kind, c.detail)
        console.print(t)

    if analysis.quotes:
        t = Table(
            title=f"Who said what ({len(analysis.quotes)} quotes, {len(analysis.statements)} statements)",
            expand=True,
        )
        for col in ("kind", "speaker", "cue", "via", "text"):
            t.add_column(col)
        for q in analysis.quotes:
            t.add_row(
                q.kind,
                q.speaker.name if q.speaker else "—",
                q.cue or "",
                q.via or "",
                _short(q.text, 120),
            )
        console.print(t)
    if analysis.entities:
        shown = min(MAX_ENTITY_ROWS, len(analysis.entities))
        t = Table(
            title=f"Entities ({shown} most mentioned of {len(analysis.entities)})",
            expand=True,
        )
        for col in ("name", "type", "country", "code", "mentions"):
            t.add_column(col)
        for e in sorted(analysis.entities, key=lambda e: -len(e.mentions))[:MAX_ENTITY_ROWS]:
            t.add_row(e.name, e.type, e.country or "", e.code or "", str(len(e.mentions)))
        console.print(t)
    if analysis.events:
        t = Table(title=f"Events ({len(analysis.events)})", expand=True)
        for col in ("type", "source", "did", "target", "date", "via", "modality"):
            t.add_column(col, no_wrap=col == "date")  # a date cut to '2018-05-…' at 80 columns says nothing
        for ev in analysis.events:
            t.add_row(
                ev.type + (f" {ev.cameo}" if ev.cameo else "") + (" (not)" if ev.negated else ""),
                ev.source.name if ev.source else "",
                ev.trigger,
                ev.target.name if ev.target else "",
                shown_date(ev.date, ev.date_precision) or ev.date_text or "",
                ev.via or "",
                ev.modality,
            )
        console.print(t)
    if analysis.claims:
        t = Table(title=f"Numeric claims ({len(analysis.claims)})", expand=True)
        for col in ("value", "unit", "hedge", "claimed by", "via", "text"):
            t.add_column(col)
        for claim in analysis.claims:
            t.add_row(
                readable_number(claim.value),
                claim.unit or "",
                claim.approx or "",
                claim.attributed_to.name if claim.attributed_to else "the article",
                claim.via or "",
                _short(claim.text, 90),
            )
        console.print(t)
    if analysis.framing.spans:
        t = Table(title=f"Framing ({len(analysis.framing.spans)} spans)", expand=True)
        for col in ("voice", "technique", "text"):
            t.add_column(col)
        for s in analysis.framing.spans:
            t.add_row(s.voice, s.technique, s.text)
        console.print(t)


def shown_date(date: str | None, precision: str | None) -> str:
    """An event's date as precisely as its text gave it: '2019' for a year, '2019-03' for a month, 'week of
    2019-03-04' for a week, else the day."""
    if not date:
        return ""
    if precision == "year":
        return date[:4]
    if precision == "month":
        return date[:7]
    if precision == "week":
        return f"week of {date}"
    return date


def readable_number(value: float) -> str:
    """A claim's value as a reader writes it: 40,000,000 and 2.5, not 4e+07 (an exponent only past 15 digits)."""
    return f"{value:,.15g}"


def _short(s: str, n: int) -> str:
    s = " ".join(s.split())
    return s if len(s) <= n else s[: n - 1] + "…"
