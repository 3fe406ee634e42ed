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


def test_claim_values_are_printed_as_a_reader_writes_them(analyze_text):
    analysis = analyze_text(
        "The ministry said on Monday that it would spend $40 million on new bridges, that 1.2 million "
        "people use them each year, and that tolls would rise by 2.5 percent.",
        title="Ministry plans new bridges",
    )
    console = Console(record=True, width=200)
    print_summary(analysis, console)
    out = console.export_text()
    assert "40,000,000" in out and "1,200,000" in out and "2.5" in out
    assert "e+0" not in out


def test_event_dates_show_as_precisely_as_written_and_claims_say_who_claims_them(analyze_text):
    analysis = analyze_text(
        "The rebels seized the harbour town of Ardo in 2019, the mayor said. About 2,500 people fled, officials said.",
        title="Ardo",
        published="2024-03-07",
    )
    console = Console(record=True, width=80)
    print_summary(analysis, console)
    out = console.export_text()
    events = out[out.index("Events") : out.index("Numeric claims")]
    assert "2019" in events and "2019-01-01" not in events  # a year, not 1 January
    claims = out[out.index("Numeric claims") :]
    assert "claimed by" in claims and "Officials" in claims
