"""Clauses that cite who reported something: 'as first reported by X, …', '…, as X noted', and '“…,” Y said,
according to <outlet>' (the quote comes via the outlet). Invented sentences, one kind each."""

from __future__ import annotations

import pytest


def quotes_of(analysis, kind: str = "indirect"):
    return [q for q in analysis.quotes if q.kind == kind]


def speaker_name(q) -> str:
    return q.speaker.name if q.speaker else ""


@pytest.mark.parametrize(
    "text, source",
    [
        (
            "As first reported by the Saltmere Courier, the harbour minister had accepted gifts from a builder.",
            "Courier",
        ),
        ("The harbour minister had accepted gifts from a builder, as the Saltmere Courier first reported.", "Courier"),
        ("As Reuters reported on Monday, the harbour minister had accepted gifts from a builder.", "Reuters"),
        ("The harbour minister had accepted gifts from a builder, as reported by Reuters.", "Reuters"),
    ],
)
def test_an_as_clause_of_reporting_cites_its_source_for_the_clause(analyze_text, text, source):
    a = analyze_text(text, title="Minister under scrutiny", published="2025-02-03")
    found = [q for q in quotes_of(a) if "accepted gifts from a builder" in q.text]
    assert found, [(q.kind, q.text) for q in a.quotes]
    assert source in speaker_name(found[0])
    assert "reported" not in found[0].text  # the citing clause is not part of what was reported
    # the outlet that reported the act is no party to it
    assert all(source not in (e.target.name if e.target else "") for e in a.events)


@pytest.mark.parametrize(
    "text, main_clause",
    [
        ("The talks went on as planned, as the rain poured down on the square.", "went on"),
        ("He is not nearly as wealthy as the developer claims.", "wealthy"),
        ("As the mayor talked about the budget, the council clerk counted the votes.", "counted the votes"),
        ("As officials praised the calm, the streets of the harbour stayed quiet.", "stayed quiet"),
    ],
)
def test_an_as_clause_of_time_or_comparison_cites_nobody(analyze_text, text, main_clause):
    a = analyze_text(text, title="A quiet day", published="2025-02-03")
    assert not [q for q in quotes_of(a) if main_clause in q.text]


def test_a_quote_said_according_to_an_outlet_comes_via_that_outlet(analyze_text):
    text = (
        "The Harbour Gazette interviewed residents of Westbridge last week.\n\n"
        "“We will not back down,” the mayor said, according to the newspaper."
    )
    a = analyze_text(text, title="Mayor defiant", published="2025-02-03")
    direct = [q for q in quotes_of(a, "direct") if "not back down" in q.text]
    assert direct and direct[0].via == "Harbour Gazette"
    assert speaker_name(direct[0]) != "Harbour Gazette"  # the mayor is no newspaper


def test_according_to_people_is_no_channel(analyze_text):
    a = analyze_text(
        "The harbour minister told aides he would resign, according to two people familiar with the talks.",
        title="Minister to quit",
        published="2025-02-03",
    )
    assert all(q.via is None for q in a.quotes)
    assert any(speaker_name(q).lower().startswith("two people") for q in quotes_of(a))


def test_a_name_after_the_office_and_place_is_the_speaker_even_tagged_as_a_place(analyze_text):
    a = analyze_text(
        "“We will not back down,” the mayor of Westbridge, Ann Holt, said.", title="Mayor", published="2025-02-03"
    )
    assert speaker_name(quotes_of(a, "direct")[0]) == "Ann Holt"


def test_an_outlet_name_the_model_cut_short_is_one_organisation(analyze_text):
    a = analyze_text("The Harbour Gazette interviewed residents last week.", title="Residents", published="2025-02-03")
    assert [(e.name, e.type) for e in a.entities if "Gazette" in e.name] == [("Harbour Gazette", "ORG")]


def test_a_dateline_city_is_never_the_speaker(analyze_text):
    a = analyze_text(
        "WESTBRIDGE -- Harbour tycoon Ann Holt said Thursday she has doubts about the port deal.",
        title="Doubts",
        published="2025-02-03",
    )
    assert [speaker_name(q) for q in quotes_of(a)] == ["Ann Holt"]


def test_two_curly_single_marks_close_a_quotation(analyze_text):
    a = analyze_text(
        "“It was an attempt to mislead voters,’’ Ann Holt, chief executive of Fair Facts, told the Harbour Gazette.",
        title="Voters",
        published="2025-02-03",
    )
    direct = quotes_of(a, "direct")
    assert [q.text for q in direct] == ["It was an attempt to mislead voters"]
    assert speaker_name(direct[0]) == "Ann Holt"


@pytest.mark.parametrize(
    "text, words",
    [
        ("“We have just got done with the calls,” the minister said as cited by the Harbour Gazette.", "got done"),
        ("The minister was quoted by the Harbour Gazette as saying the port would close.", "port would close"),
    ],
)
def test_an_outlet_that_cited_or_quoted_the_speaker_is_the_via(analyze_text, text, words):
    a = analyze_text(text, title="Port", published="2025-02-03")
    found = [q for q in a.quotes if words in q.text]
    assert found and found[0].via == "Harbour Gazette" and "inister" in speaker_name(found[0])
