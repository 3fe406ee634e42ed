"""Attributions read from the frame around a quote rather than from one sentence's parse: headlines,
dash signatures, colon intros in the paragraph before, continuation paragraphs, quoted titles, and
short quoted fragments as partial quotes linked to the reported clause they belong to. Sentences written for the tests."""

from __future__ import annotations

import pytest

ARTICLE = """The port strike entered its second week on Monday as talks stalled.

Union leader Maria Okafor spoke to dock workers outside the gates. She was blunt:

“We will stay out until the contract is signed.”

“Nobody here wants a long strike. But nobody here will accept a pay cut either.”

Harbour master Tom Reyes said the backlog had reached 40 ships. Reyes added that he was “deeply worried” about food shipments.

Okafor later appeared on “Face the Nation” to make her case.

“The workers are tired and angry.” ― Lena Park

Said Reyes: “We need a deal by Friday.”
"""


@pytest.fixture(scope="module")
def strike(analyze_text):
    return analyze_text(
        ARTICLE, title="Okafor says strike will go on until “the contract is signed”", published="2024-06-03"
    )


def find(analysis, fragment, kinds=("direct", "partial", "indirect", "scare")):
    hits = [q for q in analysis.quotes if fragment in q.text and q.kind in kinds]
    assert hits, f"no quote with {fragment!r}: {[(q.kind, q.text) for q in analysis.quotes]}"
    return hits[0]


def name(q):
    return q.speaker.name if q.speaker else ""


def test_paragraph_after_a_colon_intro_takes_its_speaker(strike):
    q = find(strike, "We will stay out until the contract is signed")
    assert q.kind == "direct"
    assert "Okafor" in name(q)


def test_a_paragraph_that_is_all_quotation_continues_the_previous_speaker(strike):
    q = find(strike, "Nobody here wants a long strike")
    assert "Okafor" in name(q)


def test_dash_signature_after_the_quote(strike):
    q = find(strike, "The workers are tired and angry")
    assert "Lena Park" in name(q)


def test_inverted_said_with_colon(strike):
    q = find(strike, "We need a deal by Friday")
    assert "Reyes" in name(q)


def test_quoted_title_of_a_programme_is_not_a_quote(strike):
    q = find(strike, "Face the Nation")
    assert q.kind == "scare" and q.speaker is None


def test_short_quoted_fragment_is_a_partial_quote_linked_to_its_reported_clause(strike):
    q = find(strike, "deeply worried", kinds=("indirect",))
    assert "Reyes" in name(q)
    assert [f.text for f in q.fragments] == ["deeply worried"]
    part = find(strike, "deeply worried", kinds=("partial",))
    assert part.text == "deeply worried" and "Reyes" in name(part) and part.clause == q.id


def test_reported_speech_in_the_headline(strike):
    q = find(strike, "strike will go on", kinds=("indirect",))
    assert q.field == "title"
    assert "Okafor" in name(q)
    assert strike.article.title[q.start : q.end] == q.text


def test_indirect_speech_in_the_body(strike):
    q = find(strike, "the backlog had reached 40 ships", kinds=("indirect",))
    assert "Reyes" in name(q) and q.cue == "said"


def test_a_named_source_inside_the_phrase_beats_the_last_outlet(analyze_text):
    a = analyze_text(
        "Reuters reported on Monday that the bank would close two branches.\n\n"
        "A report in the Financial Times said that the bank had lost millions in the deal."
    )
    q = find(a, "the bank had lost millions", kinds=("indirect",))
    assert q.speaker is not None and "Financial Times" in q.speaker.name


def test_she_does_not_point_back_to_a_man(analyze_text):
    a = analyze_text(
        "Opposition spokeswoman Karen Hale attacked the plan on Monday. Finance Minister Robert Lang "
        "defended it in parliament.\n\n“This budget fails every family in the country,” she said."
    )
    q = find(a, "This budget fails every family")
    assert q.speaker is not None and q.speaker.name.endswith("Hale")


def test_a_friend_of_someone_is_not_that_someone(analyze_text):
    a = analyze_text(
        "Maria Lopez was detained at the border on Friday.\n\nA friend of Lopez said that she had done nothing wrong."
    )
    q = find(a, "she had done nothing wrong", kinds=("indirect",))
    assert q.speaker is not None and "Maria Lopez" != q.speaker.name


def test_a_quoted_characterisation_gets_the_phrase_it_belongs_to(analyze_text):
    a = analyze_text(
        "Senator Ray Dunn blamed the outage on “gross negligence” at the utility.\n\nThe utility did not respond."
    )
    q = find(a, "gross negligence", kinds=("indirect",))
    assert "the outage" in q.text and q.speaker is not None and "Dunn" in q.speaker.name
    assert [f.text for f in q.fragments] == ["gross negligence"]
