"""The readable summary shows a person the article's voices, the fact-checker's flags and who said what."""

from __future__ import annotations

from rich.console import Console

from newstrace.cli.render import print_summary


def test_summary_shows_title_voices_checks_and_quotes(seed_analysis):
    console = Console(record=True, width=140)
    print_summary(seed_analysis, console)
    out = console.export_text()
    assert seed_analysis.article.title[:40] in out.replace("\n", " ") or "Netanyahu on Capturing" in out
    for section in ("Voices", "For a fact-checker", "Who said what", "Events", "Entities"):
        assert section in out
    assert out.index("For a fact-checker") < out.index("Who said what")  # flags come first
    for v in seed_analysis.voices[1:]:
        assert v.outlet in out
