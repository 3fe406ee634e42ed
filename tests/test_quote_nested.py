"""Quotes inside quotes (stages/quotes/nested.py): single-quoted words inside a speaker's quotation, with a
cue of their own, are the embedded speaker's; 'me'/'us' there is the outer speaker. Sentences written for
these tests."""

from __future__ import annotations

import pytest


def quotes_of(analyze_text, body: str):
    return analyze_text(body, title="Test article", published="2025-06-02").quotes


def one(quotes, text: str):
    hits = [q for q in quotes if q.text == text]
    assert len(hits) == 1, [(q.kind, q.text) for q in quotes]
    return hits[0]


def test_embedded_question_is_the_drivers_asked_of_the_outer_speaker(analyze_text):
    quotes = quotes_of(
        analyze_text,
        "Buses were late again on Friday.\n\n"
        "“When the driver asked me, ‘Is this the last bus to Carrow?’ I had no idea,” said commuter Dana Whitlock.",
    )
    outer = next(q for q in quotes if q.text.startswith("When the driver"))
    inner = one(quotes, "Is this the last bus to Carrow?")
    assert outer.speaker.name == "Dana Whitlock"
    assert inner.kind == "direct" and "driver" in inner.speaker.name.lower() and inner.cue == "asked"
    assert inner.addressee is not None and inner.addressee.name == "Dana Whitlock"
    assert outer.start <= inner.start and inner.end <= outer.end


def test_inverted_cue_inside_the_quotation_and_us_as_addressee(analyze_text):
    quotes = quotes_of(
        analyze_text,
        "Talks stalled.\n\n“‘We will not sign this,’ the minister told us, and then he left,” union leader Petra Lund said.",
    )
    inner = one(quotes, "We will not sign this")
    assert "minister" in inner.speaker.name.lower() and inner.cue == "told"
    assert inner.addressee is not None and inner.addressee.name == "Petra Lund"


@pytest.mark.parametrize(
    "body",
    [
        "The shop reopened.\n\n“We put up a sign saying ‘closed for repairs’ last week,” the owner, Mara Quist, said.",
        "The firm kept quiet.\n\n“The plan was called ‘Project Lantern’ inside the firm,” Ivo Brandt said.",
        "Fans queued.\n\n“I told him, ‘You are the best goalkeeper in the league,’ and he laughed,” said coach Aled Morgan.",
    ],
)
def test_a_thing_named_or_the_speaker_quoting_themself_is_no_embedded_quote(analyze_text, body):
    quotes = quotes_of(analyze_text, body)
    outer_speakers = {q.speaker.name for q in quotes if q.kind == "direct" and q.speaker}
    assert len([q for q in quotes if q.kind in ("direct", "partial")]) == 1, [(q.kind, q.text) for q in quotes]
    assert len(outer_speakers) == 1


def test_a_pronoun_inside_the_quotation_names_nobody(analyze_text):
    quotes = quotes_of(
        analyze_text,
        "The Harlow Post covered the vote.\n\n“It says, ‘All members must attend every session,’ and nobody does,” "
        "councillor Rhian Vale said.",
    )
    assert [q.text for q in quotes if q.kind == "direct"] == [
        "It says, ‘All members must attend every session,’ and nobody does"
    ]


def test_you_inside_the_quotation_is_who_the_speaker_addresses_or_nobody(analyze_text):
    quotes = quotes_of(
        analyze_text,
        "The inquiry resumed.\n\n“You say you ‘never saw the report,’ but you signed it,” lawyer Ines Marr told the witness.",
    )
    assert not [q for q in quotes if q.text == "never saw the report" and q.speaker and q.speaker.name == "You"]
