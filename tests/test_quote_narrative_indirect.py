"""Narrative indirect speech: 'X talked about …', 'X took a moment to point out …', and a parenthetical
'…, X continued, …' that makes the whole sentence X's (and a quoted fragment inside it X's too)."""

from __future__ import annotations


def indirect(analysis, words: str):
    found = [q for q in analysis.quotes if q.kind == "indirect" and words in q.text]
    assert found, [(q.kind, q.text, q.speaker) for q in analysis.quotes]
    return found[0]


def test_talked_about_is_reported_speech(analyze_text):
    a = analyze_text("At the town hall, Dana Whitfield talked about rising rents and the shortage of nurses.\n")
    q = indirect(a, "rising rents")
    assert q.speaker is not None and q.speaker.name == "Dana Whitfield"


def test_a_lead_in_verb_keeps_its_subject_as_speaker(analyze_text):
    a = analyze_text("Columnist Harold Brisk took a moment to point out the empty seats at the rally in Dayton.\n")
    q = indirect(a, "empty seats")
    assert q.speaker is not None and q.speaker.name == "Harold Brisk"


def test_parenthetical_cue_owns_the_sentence_and_its_fragment(analyze_text):
    a = analyze_text(
        "That plan, Senator Walter Brandt continued, shows that the city could lose its port by relying on "
        "forecasts that “nobody in this building has ever checked, not once, not even the mayor.”\n"
    )
    q = indirect(a, "That plan")
    assert q.speaker is not None and q.speaker.name == "Walter Brandt"
    part = next(p for p in a.quotes if p.kind == "partial")
    assert part.speaker is not None and part.speaker.name == "Walter Brandt"


def test_a_plain_topic_preposition_is_not_speech(analyze_text):
    a = analyze_text("Dana Whitfield talked to reporters for an hour on Monday.\n")
    assert not [q for q in a.quotes if q.kind == "indirect"]


def test_went_on_about_is_a_cue_for_the_quoted_phrases(analyze_text):
    a = analyze_text(
        "The hearing dragged on.\n\n"
        "Senator Ada Pruitt went on about “waste in every department” and “lazy auditors” for an hour.\n"
    )
    parts = [q for q in a.quotes if q.kind == "partial"]
    assert [q.text for q in parts] == ["waste in every department", "lazy auditors"]
    assert all(q.speaker is not None and q.speaker.name == "Ada Pruitt" for q in parts)


def test_a_meeting_that_went_on_is_no_cue(analyze_text):
    a = analyze_text("The meeting went on about an hour longer than planned, and nobody spoke to the press.\n")
    assert not [q for q in a.quotes if q.kind in ("indirect", "partial")]


def test_rejecting_an_accusation_states_no_content(analyze_text):
    a = analyze_text("Harland's ministry rejected the accusation on Friday and left the talks.\n")
    assert not [q for q in a.quotes if "accusation" in q.text]


def test_rejecting_a_claim_as_something_or_that_something_is_content(analyze_text):
    a = analyze_text(
        "Harland's ministry dismissed the claim as “pure invention” on Friday.\n\n"
        "Mayor Ines Ortega rejected the accusation that she had hidden the report.\n"
    )
    assert [q for q in a.quotes if q.kind == "indirect" and "pure invention" in q.text]
    assert [q for q in a.quotes if q.kind == "indirect" and "hidden the report" in q.text]


def test_a_passive_attitude_verb_gives_its_subject_no_quote(analyze_text):
    a = analyze_text(
        "Mayor Ines Calloway is expected to sign the harbour contract on Friday.\n\n"
        "Her deputy, Tomas Reyna, expects to announce the new ferry timetable next week.\n"
    )
    assert not [q for q in a.quotes if "harbour contract" in q.text]
    q = indirect(a, "new ferry timetable")
    assert q.speaker is not None and q.speaker.name == "Tomas Reyna"
